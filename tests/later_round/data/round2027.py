# -*- coding: utf-8 -*-
"""Authored content of a fictional 2027 round, same keys as rounds.py.

Written for the shapes a line-by-line text loses: applicants whose name wraps in a narrow
first column (a dangling dash or comma, a genitive waiting for its noun, a short name of
several words, a Swedish name whose kind word stands first, an organisation of no listed
kind), compound hyphens before a capital at a line end (``Etelä-`` / ``Pohjanmaan``),
words a foreign hyphenation splits between two like vowels (``tilaisu-uteen``), and area
lists that run beside a description. ``\u00ad`` in a text is a soft hyphen the typesetter
may break at (it is not part of the expected text).
"""

TITLE_2027 = ("Erityisavustus hyvinvointialueille, kunnille ja kuntayhtymille maahanmuuttajien "
              "ohjaus- ja neuvontapalveluiden kehittämiseen (2027)")

ROWS_2027 = [
    dict(
        org="Varsinais-Suomen hyvinvointialue, Egentliga Finlands välfärd", co=[],
        name="Saaristomeren neuvontareitti",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Åboland-Turunmaan seutukunta", covers=["sub:Åboland-Turunmaan seutukunta"], vague=[],
        desc="Kootaan saariston kuntien neuvontavuorot yhteiseen aikatauluun, jota päivitetään "
             "lauttaliikenteen mukaan; Etelä-Pohjanmaalta ja Pohjois-Karjalasta muuttaneille "
             "kausityöntekijöille järjestetään tiedotustilaisu\u00aduksia kahdesti kesässä.",
        ex=["1 hyvinvointialue, short name of three words", "long vowel split"]),
    dict(
        org="Itä-Uudenmaan hyvinvointialue – Östra Nylands välfärdsområde", co=["Loviisan kaupunki"],
        name="Kaksikielinen palvelupolku",
        period="1.10.2027–30.9.2028", start="2027-10-01", end="2028-09-30",
        area="Porvoo, Loviisa ja Lapinjärvi", covers=["muni:Porvoo", "muni:Loviisa", "muni:Lapinjärvi"],
        vague=[],
        desc="Laaditaan hyvinvointialueen ja kuntien yhteinen palvelupolku, jossa asiakas saa "
             "ensimmäisellä käynnillä ohjausta sekä suomeksi että ruotsiksi; koulutetaan "
             "Itä-Uudenmaan vastaanottojen henkilöstö ja julkaistaan polun kuvaus verkossa.",
        ex=["1 fi – sv, dash at a line end", "3 osatoteuttajana X"]),
    dict(
        org="Kainuun kuntien yhteistyöryhmä Kajastus", co=[],
        name="Kajastus neuvoo",
        period="1.8.2027–31.7.2028", start="2027-08-01", end="2028-07-31",
        area="Kajaani, Sotkamo ja Kuhmo", covers=["muni:Kajaani", "muni:Sotkamo", "muni:Kuhmo"], vague=[],
        desc="Perustetaan kolmen kunnan yhteinen neuvontapuhelin ja viikoittainen "
             "etävastaanotto; kunnat sopivat kustannusten jaosta ja kokoavat asiakaspalautteen "
             "puolivuosittain yhteiseen raporttiin.",
        ex=["1 no listed kind, genitive plural wraps"]),
    dict(
        org="Raaseporin kaupunki – Raseborgs stad", co=["Hangon kaupunki", "Inkoon kunta"],
        name="Västnyländsk vägledning – läntisen Uudenmaan neuvonta",
        period="1.9.2027 – 31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Raasepori, Hanko ja Inkoo", covers=["muni:Raasepori", "muni:Hanko", "muni:Inkoo"], vague=[],
        desc="Yhdistetään kolmen kunnan neuvontapisteet yhdeksi palveluksi, joka toimii "
             "Tammisaaressa päivittäin ja Hangossa sekä Inkoossa sovittuina päivinä; "
             "tuotetaan ohjeet suomeksi, ruotsiksi, englanniksi ja ukrainaksi.",
        ex=["1 fi – sv stad", "3 osatoteuttajina X ja Y"]),
    dict(
        org="Samkommunen Kust-Österbottens utbildning", co=[],
        name="Vägledning för vuxenstuderande",
        period="1.8.2027–31.7.2028", start="2027-08-01", end="2028-07-31",
        area="Kokkola ja Kruunupyy", covers=["muni:Kokkola", "muni:Kruunupyy"], vague=[],
        desc="Oppilaitoksen opinto-ohjaajat ja kuntien neuvojat tarjoavat aikuisopiskelijoille "
             "yhteisen vastaanoton, jossa käsitellään asumista, perheen palveluita ja "
             "työnhakua; toimintaa arvioidaan lukuvuoden lopussa.",
        ex=["1 Swedish, kind word first"]),
    dict(
        org="Seinäjoen kaupunki", co=["Etelä-Pohjanmaan hyvinvointialue, Hyvaep"],
        name="Lakeuden neuvontapiste",
        period="1.1.2027–31.12.2027", start="2027-01-01", end="2027-12-31",
        area="Seinäjoki, Lapua ja Ilmajoki", covers=["muni:Seinäjoki", "muni:Lapua", "muni:Ilmajoki"],
        vague=[],
        desc="Avataan kaupungin palvelutorille neuvontapiste, jossa hyvinvointialueen "
             "sosiaaliohjaaja päivystää kahtena päivänä viikossa; kootaan Etelä-Pohjanmaan "
             "kuntien yhteystiedot yhteen oppaaseen.",
        ex=["1 kaupunki", "3 osatoteuttajana X with a comma"]),
    dict(
        org="Pohjois-Karjalan hyvinvointialue, Siun sote", co=["Joensuun kaupunki", "Kiteen kaupunki"],
        name="Siun neuvonta – yhteinen ovi palveluihin",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Pohjois-Karjala, koko maakunta", covers=["region:Pohjois-Karjala"], vague=[],
        desc="Rakennetaan maakunnan kattava neuvontaverkko, jossa Joensuun keskuspiste ja "
             "Kiteen lähipiste palvelevat myös etäyhteyksin; järjestetään perhevalmennuksen "
             "tilaisu\u00aduksia vanhemmille ja kehitetään palveluohjauksen kirjaamista.",
        ex=["1 hyvinvointialue, short name of two words", "5 koko maakunta", "long vowel split"]),
    dict(
        org="Keski-Pohjanmaan ja Pietarsaaren alueen kuntien yhteistoimintaelin", co=[],
        name="Yhteinen maahanmuuttoneuvonta",
        period="1.3.2027–29.2.2028", start="2027-03-01", end="2028-02-29",
        area="Kokkola, Kannus ja Kaustinen", covers=["muni:Kokkola", "muni:Kannus", "muni:Kaustinen"],
        vague=[],
        desc="Sovitaan kuntien välinen neuvonnan työnjako ja nimetään jokaiseen kuntaan "
             "yhdyshenkilö; laaditaan karttapohjainen palveluopas ja järjestetään "
             "yhteiset koulutuspäivät henkilöstölle.",
        ex=["1 no listed kind, genitives wrap", "period 29.2."]),
    dict(
        org="Lahden kaupunki", co=[],
        name="Lahti Info Point",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Lahti ja lähikunnat", covers=["muni:Lahti"], vague=["lähikunnat"],
        desc="Laajennetaan kaupungin Info Point -palvelua iltaisin ja lauantaisin; "
             "tarjotaan vertaisohjausta opiskelijoille ja heidän perheilleen sekä "
             "tiedotetaan palvelusta Päijät-Hämeen kunnissa.",
        ex=["1 kaupunki", "5 X ja lähikunnat (vague)"]),
    dict(
        org="Kaakkois-Suomen ammattikorkeakoulu Oy, Xamk", co=["Kouvolan kaupunki"],
        name="Opiskelijasta asukkaaksi",
        period="1.8.2027–31.7.2029", start="2027-08-01", end="2029-07-31",
        area="Kouvola ja Mikkeli", covers=["muni:Kouvola", "muni:Mikkeli"], vague=[],
        desc="Tuetaan kansainvälisten opiskelijoiden ja heidän puolisoidensa "
             "asettautumista; järjestetään kampuksilla neuvontavuoroja, rakennetaan "
             "mentorointiohjelma paikallisten työnantajien kanssa ja seurataan valmistuneiden "
             "jäämistä alueelle.",
        ex=["1 Oy with a short name", "3 osatoteuttajana X"]),
    dict(
        org="Vaasan kaupunki – Vasa stad", co=["Mustasaaren kunta", "Laihian kunta"],
        name="Vasa Welcome – Vaasan tervetulopalvelu",
        period="1.9.2027—31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Vaasa, Mustasaari ja Laihia", covers=["muni:Vaasa", "muni:Mustasaari", "muni:Laihia"],
        vague=[],
        desc="Kehitetään kaupungin tervetulopalvelu, joka neuvoo uusia asukkaita kolmella "
             "kotimaisella ja kahdella muulla kielellä; perustetaan Mustasaareen ja Laihialle "
             "kuukausittaiset vastaanotot.",
        ex=["1 fi – sv", "4 em dash"]),
    dict(
        org="Kristinestads stad (Kristiinankaupungin kaupunki)", co=[],
        name="Rådgivning vid kusten",
        period="1.1.2027–31.12.2028", start="2027-01-01", end="2028-12-31",
        area="Kristinestad ja Närpes", covers=["muni:Kristiinankaupunki", "muni:Närpiö"], vague=[],
        desc="Tarjotaan ohjausta kaupungin palvelupisteessä ja kuukausittain Närpiössä; "
             "kootaan kasvihuoneyritysten kanssa ohjeet työntekijöiden perheille ja "
             "järjestetään kesällä avoimien ovien päivä.",
        ex=["1 Swedish name, Finnish in parentheses", "5 Swedish area names"]),
    dict(
        org="Tampereen kaupunki", co=["Kangasalan kaupunki", "Lempäälän kunta", "Ylöjärven kaupunki"],
        name="Pirkanmaan neuvontaverkko",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Tampereen seutukunta", covers=["sub:Tampereen seutukunta"], vague=[],
        desc="Kootaan kehyskuntien neuvonta yhteiseen verkkoon; koulutetaan kuntien "
             "asiakaspalvelijat, sovitaan asiakkaan ohjaamisesta Tampereen keskuspisteeseen ja "
             "järjestetään Keski-Suomen ja Kanta-Hämeen verkostojen kanssa vertaisoppimisen "
             "seminaari.",
        ex=["1 kaupunki", "3 osatoteuttajina X, Y ja Z", "5 subregion"]),
    dict(
        org="Lapin hyvinvointialue", co=["Rovaniemen kaupunki"],
        name="Pohjoisen kausityöneuvonta",
        period="1.11.2027–31.10.2028", start="2027-11-01", end="2028-10-31",
        area="Rovaniemi, Kittilä ja Kolari", covers=["muni:Rovaniemi", "muni:Kittilä", "muni:Kolari"],
        vague=[],
        desc="Tarjotaan matkailualan kausityöntekijöille neuvontaa sesonkien aikana; "
             "järjestetään työnantajien kanssa perehdytystilaisu\u00aduksia ja tuotetaan "
             "ohjevideot viidellä kielellä.",
        ex=["1 hyvinvointialue", "long vowel split"]),
    dict(
        org="Keski-Uudenmaan hyvinvointialue, Mellersta Nylands välfärdsområde", co=[],
        name="Neuvonta lähellä",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Hyvinkää, Järvenpää ja Tuusula", covers=["muni:Hyvinkää", "muni:Järvenpää", "muni:Tuusula"],
        vague=[],
        desc="Viedään neuvonta hyvinvointialueen sosiaali- ja terveysasemille; nimetään "
             "jokaiselle asemalle neuvonnan yhdyshenkilö ja kootaan kuukausittain tiedot "
             "asiakkaiden kysymyksistä.",
        ex=["1 hyvinvointialue, the Swedish name after a comma"]),
    dict(
        org="Oulun kaupunki", co=["Pohjois-Pohjanmaan hyvinvointialue, Pohde"],
        name="Oulun monikielinen neuvonta",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Oulu, Kempele, Liminka, ja Muhos", covers=["muni:Oulu", "muni:Kempele", "muni:Liminka", "muni:Muhos"],
        vague=[],
        desc="Vahvistetaan kaupungin neuvontaa arabian-, somalin- ja venäjänkielisillä "
             "neuvojilla; tehdään yhteistyötä Pohjois-Pohjanmaan hyvinvointialueen kanssa ja "
             "tarjotaan ryhmäneuvontaa kirjastoissa.",
        ex=["1 kaupunki", "3 osatoteuttajana X with a comma", "5 list with a comma before ja"]),
    dict(
        org="Etelä-Karjalan hyvinvointialue, Eksote", co=["Lappeenrannan kaupunki", "Imatran kaupunki"],
        name="Rajaseudun neuvonta",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Etelä-Karjalan hyvinvointialue", covers=["hva:EK"], vague=[],
        desc="Kehitetään Lappeenrannan ja Imatran neuvontapisteiden yhteistä asiakasohjausta; "
             "järjestetään Etelä-Karjalan pienissä kunnissa kiertävä vastaanotto ja "
             "koulutetaan henkilöstöä selkokielen käyttöön.",
        ex=["1 hyvinvointialue, Eksote", "5 county as area"]),
    dict(
        org="Jyväskylän kaupunki", co=[],
        name="Jyväskylän kotoutumisen tuen neuvonta",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Jyväskylä ympäristökuntineen", covers=["muni:Jyväskylä"], vague=["ympäristökuntineen"],
        desc="Yhdistetään kaupungin neuvontapalvelu ja Keski-Suomen työllisyyspalvelut "
             "samaan asiakaspisteeseen; tarjotaan iltavastaanotto kerran viikossa ja "
             "järjestetään työnhakijoille infotilaisu\u00aduksia.",
        ex=["1 kaupunki", "5 ympäristökuntineen (vague)", "long vowel split"]),
    dict(
        org="Pohjanmaan hyvinvointialue – Österbottens välfärdsområde", co=[],
        name="Rådgivning i Österbotten",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Pohjanmaa, koko alue", covers=["region:Pohjanmaa"], vague=[],
        desc="Luodaan maakunnan kattava kaksikielinen neuvontamalli, jossa palveluohjaus "
             "alkaa yhdestä puhelinnumerosta; laaditaan henkilöstölle ohjeet ja seurataan "
             "asiakasmääriä neljännesvuosittain.",
        ex=["1 fi – sv county", "5 koko alue"]),
    dict(
        org="Kuopion kaupunki", co=["Siilinjärven kunta"],
        name="Savon tervetuloa",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Kuopio ja Siilinjärvi", covers=["muni:Kuopio", "muni:Siilinjärvi"], vague=[],
        desc="Tarjotaan alueelle muuttaneille ensivaiheen ohjausta kirjastoissa ja "
             "asukastiloissa; tehdään yhteistyötä Itä-Suomen yliopiston kanssa ja järjestetään "
             "perheille tutustumistilaisu\u00aduksia kunnan palveluihin.",
        ex=["1 kaupunki", "3 osatoteuttajana X", "long vowel split"]),
    dict(
        org="Kymenlaakson hyvinvointialue, Kymenhva", co=["Kotkan kaupunki", "Haminan kaupunki"],
        name="Satamien neuvontapisteet",
        period="1.9.2027–31.8.2028", start="2027-09-01", end="2028-08-31",
        area="Kotka ja Hamina", covers=["muni:Kotka", "muni:Hamina"], vague=[],
        desc="Avataan satamakaupunkeihin neuvontapisteet, joissa hyvinvointialueen ja "
             "kaupunkien työntekijät palvelevat yhdessä; tuotetaan Etelä-Kymenlaakson "
             "työnantajille opas ulkomaisen työvoiman perehdyttämiseen.",
        ex=["1 hyvinvointialue, short name", "3 osatoteuttajina X ja Y"]),
]
