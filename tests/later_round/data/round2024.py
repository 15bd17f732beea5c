# -*- coding: utf-8 -*-
"""Authored content of a third fictional later round (2024), same keys as rounds.py.

Written fresh for layouts that stress the extractors: long applicant names that wrap
(and hyphenate) in a narrow first column, descriptions full of compound hyphens,
elliptical hyphens (``kasvatus- ja``, ``sosiaali- tai``), abbreviations joined with a
hyphen (``TE-palvelut``, ``EU-rahoitus``) and identical vowels meeting (``maahanmuutto-ohjelma``).
"""

TITLE_2024 = ("Erityisavustus hyvinvointialueille, kunnille ja kuntayhtymille maahanmuuttajien "
              "ohjaus- ja neuvontapalveluiden kehittämiseen ja vakiinnuttamiseen (2024)")

ROWS_2024 = [
    dict(
        org="Koulutuskuntayhtymä Tavastia", co=[],
        name="Ammatillisen koulutuksen ohjauspolku aikuisille maahanmuuttajille",
        period="1.8.2024–31.7.2025", start="2024-08-01", end="2025-07-31",
        area="Hämeenlinna ja Hattula", covers=["muni:Hämeenlinna", "muni:Hattula"], vague=[],
        desc="Kehitetään oppilaitoksen hakeutumisvaiheeseen ohjaus- ja neuvontamalli, jossa "
             "opinto-ohjaaja, kotoutumiskoordinaattori ja TE-palveluiden asiantuntija kohtaavat "
             "asiakkaan samalla käynnillä; kootaan alakohtaiset kieli- ja osaamiskartoitukset sekä "
             "pilotoidaan iltaryhmä työssäkäyville.",
        ex=["1 kuntayhtymä, name wraps", "5 municipalities with ja"]),
    dict(
        org="Keski-Uudenmaan koulutuskuntayhtymä Keuda", co=["Järvenpään kaupunki"],
        name="Keudan monikielinen opinto- ja uraohjaus",
        period="1.9.2024–31.8.2025", start="2024-09-01", end="2025-08-31",
        area="Järvenpää, Kerava ja Tuusula", covers=["muni:Järvenpää", "muni:Kerava", "muni:Tuusula"],
        vague=[],
        desc="Vakiinnutetaan monikielinen uraohjaus osaksi Keudan palveluita: ohjaajat tavoittavat "
             "etä- ja lähipalveluna myös kotona olevia vanhempia, ja yhteistyötä tehdään kuntien "
             "kasvatus- ja opetustoimen, kirjastojen sekä järjestöjen kanssa. Lisäksi laaditaan "
             "ohjauksen laatukriteerit.",
        ex=["1 kuntayhtymä with brand, wraps", "3 osatoteuttajana X", "elliptical hyphens"]),
    dict(
        org="Etelä-Savon hyvinvointialue, Eloisa", co=[],
        name="Eloisa neuvoo – matalan kynnyksen palvelupisteet Etelä-Savoon",
        period="1.1.2024–31.12.2024", start="2024-01-01", end="2024-12-31",
        area="Etelä-Savo", covers=["region:Etelä-Savo"], vague=[],
        desc="Avataan neuvontapisteet Mikkeliin, Savonlinnaan ja Pieksämäelle sekä kiertävä "
             "neuvontabussi pienempiin kuntiin; sosiaali- tai terveyspalveluihin ohjattavat "
             "asiakkaat saatetaan palveluun, ja neuvojat saavat koulutuksen traumatietoisesta "
             "kohtaamisesta. Palvelua seurataan 1.3.2024 alkaen kuukausittain.",
        ex=["1 hyvinvointialue, short name", "4 date in description", "5 region alone"]),
    dict(
        org="Itä-Uudenmaan hyvinvointialue – Östra Nylands välfärdsområde", co=[],
        name="Kotoutumisen ensiaskeleet Itä-Uudellamaalla",
        period="1.2.2024–31.1.2025", start="2024-02-01", end="2025-01-31",
        area="Porvoo, Loviisa, Sipoo, Askola, Myrskylä, Pukkila, Lapinjärvi",
        covers=["muni:Porvoo", "muni:Loviisa", "muni:Sipoo", "muni:Askola", "muni:Myrskylä",
                "muni:Pukkila", "muni:Lapinjärvi"], vague=[],
        desc="Luodaan kaksikielinen ensivaiheen neuvonta, joka kulkee asiakkaan mukana "
             "maistraatti-, Kela- ja TE-asioinnissa; tuotetaan selkokieliset ohjeet suomeksi, "
             "ruotsiksi ja viidellä muulla kielellä ja kokeillaan vertaisneuvojia maaseutukunnissa.",
        ex=["1 hyvinvointialue fi – sv", "5 list of municipalities"]),
    dict(
        org="Tampereen kaupunki", co=["Kangasalan kaupunki", "Lempäälän kunta", "Nokian kaupunki"],
        name="Pirkanmaan International Hub – neuvontaa työperäisille muuttajille",
        period="1.9.2024–31.12.2025", start="2024-09-01", end="2025-12-31",
        area="Tampere, Kangasala, Lempäälä ja Nokia",
        covers=["muni:Tampere", "muni:Kangasala", "muni:Lempäälä", "muni:Nokia"], vague=[],
        desc="Yhdistetään kaupungin neuvontapalvelu ja yritysten rekrytointipalvelut yhdeksi "
             "palveluksi, joka neuvoo työperäisiä muuttajia ja heidän puolisoitaan asumisessa, "
             "perhe-etuuksissa ja kielikoulutukseen hakeutumisessa; järjestetään EU-rahoitteisten "
             "hankkeiden kanssa yhteiset infotilaisuudet kerran kuukaudessa.",
        ex=["1 kaupunki", "3 osatoteuttajina X, Y ja Z", "hyphen compounds"]),
    dict(
        org="Kymenlaakson hyvinvointialue, Kymenhoiva", co=[],
        name="Kotkan ja Haminan monikulttuurinen perheneuvonta",
        period="1.3.2024 – 28.2.2025", start="2024-03-01", end="2025-02-28",
        area="Kotka-Haminan seutukunta", covers=["sub:Kotka-Haminan seutukunta"], vague=[],
        desc="Perheneuvolan ja lastensuojelun työntekijät saavat kulttuurisensitiivisen "
             "perehdytyksen, ja perheille tarjotaan kieli- ja kulttuuritulkattua ohjausta "
             "vanhemmuuteen, varhaiskasvatukseen ja koulunkäyntiin. Toiminta laajenee "
             "Miehikkälään ja Virolahdelle syksyllä.",
        ex=["1 hyvinvointialue, short name", "4 spaces around dash", "5 subregion"]),
    dict(
        org="Vaasan kaupunki – Vasa stad", co=["Mustasaaren kunta"],
        name="Vasa Info – yhteinen neuvonta Vaasaan ja Mustasaareen",
        period="1.4.2024–31.3.2025", start="2024-04-01", end="2025-03-31",
        area="Vaasa och Korsholm", covers=["muni:Vaasa", "muni:Mustasaari"], vague=[],
        desc="Vakiinnutetaan kaksikielinen neuvontapiste kaupungintalolle ja avataan sivupiste "
             "Mustasaaren Sepänkylään; neuvonta palvelee suomeksi, ruotsiksi, englanniksi, "
             "arabiaksi ja ukrainaksi, ja sen yhteydessä toimii maahanmuutto-ohjelman mukainen "
             "kotoutumisen alkukartoitus.",
        ex=["2 fi – sv dash", "3 osatoteuttajana X", "5 Swedish och", "same vowels meet"]),
    dict(
        org="Pohjois-Pohjanmaan hyvinvointialue, Pohde", co=["Oulun kaupunki"],
        name="Pohteen sote-palveluohjaus maahan muuttaneille",
        period="1.5.2024–30.4.2025", start="2024-05-01", end="2025-04-30",
        area="Oulun seutukunta", covers=["sub:Oulun seutukunta"], vague=[],
        desc="Sote-keskuksiin palkataan kaksi palveluohjaajaa, jotka neuvovat maahan muuttaneita "
             "sosiaali- ja terveyspalveluiden käytössä ja ajanvarauksessa; ohjaajat tekevät "
             "yhteistyötä Oulun kaupungin kotoutumispalveluiden ja järjestöjen kanssa, ja "
             "neuvontaa annetaan myös puhelimitse.",
        ex=["1 hyvinvointialue, short name", "abbreviation hyphen", "5 subregion"]),
    dict(
        org="Jyväskylän kaupunki", co=[],
        name="Jyväskylän kotoutumisen palvelupiste Kompassi",
        period="1.9.2024–31.8.2025", start="2024-09-01", end="2025-08-31",
        area="Jyväskylä ja lähikunnat", covers=["muni:Jyväskylä"], vague=["lähikunnat"],
        desc="Kompassin neuvontaa laajennetaan iltoihin ja lauantaihin; pisteessä kokeillaan "
             "ajanvarauksetonta digineuvontaa ja kootaan neuvontatyön tilastointi yhteen "
             "järjestelmään. Vapaa-ajan ja liikunnan palveluihin ohjataan erityisesti nuoria.",
        ex=["1 kaupunki", "5 X ja lähikunnat", "same vowels meet"]),
    dict(
        org="Joensuun kaupunki", co=["Pohjois-Karjalan hyvinvointialue, Siun sote"],
        name="Itäinen ovi – neuvonta Joensuun seudulle",
        period="1.1.2024–31.12.2025", start="2024-01-01", end="2025-12-31",
        area="Joensuun seutukunta", covers=["sub:Joensuun seutukunta"], vague=[],
        desc="Rakennetaan kaupungin ja hyvinvointialueen yhteinen neuvontapolku, jossa asiakkaan "
             "asia hoidetaan yhdellä yhteydenotolla; seudun pienissä kunnissa neuvonta järjestetään "
             "etäyhteydellä kirjastoista ja asiointipisteistä.",
        ex=["3 osatoteuttajana with comma", "5 subregion"]),
    dict(
        org="Lappeenrannan kaupunki", co=["Imatran kaupunki"],
        name="Etelä-Karjalan työperäisen maahanmuuton neuvonta",
        period="1.6.2024–31.5.2025", start="2024-06-01", end="2025-05-31",
        area="Lappeenranta ja Imatra", covers=["muni:Lappeenranta", "muni:Imatra"], vague=[],
        desc="Neuvotaan Etelä-Karjalaan muuttavia työntekijöitä ja opiskelijoita asumisessa, "
             "verotuksessa ja perheen palveluissa; yritysten henkilöstöhallinnolle järjestetään "
             "koulutusta, ja yhteistyötä tehdään LUT-yliopiston ja Saimaan ammattikorkeakoulun "
             "kanssa.",
        ex=["3 osatoteuttajana X", "capital after hyphen", "abbreviation hyphen"]),
    dict(
        org="Kuopion kaupunki", co=[],
        name="Kotoutumisen neuvonta Kuopiossa ja Siilinjärvellä",
        period="1.8.2024–31.7.2025", start="2024-08-01", end="2025-07-31",
        area="Kuopio ja Siilinjärvi", covers=["muni:Kuopio", "muni:Siilinjärvi"], vague=[],
        desc="Neuvontapalvelu muuttaa kauppakeskuksen yhteyteen, jossa asiakkaat tavoitetaan "
             "arkisten asioiden lomassa; työntekijät koulutetaan selkokieliseen viestintään ja "
             "asiakkaiden palautetta kerätään neljällä kielellä.",
        ex=["1 kaupunki", "5 municipalities with ja"]),
    dict(
        org="Varsinais-Suomen hyvinvointialue, Varha", co=["Turun kaupunki", "Kaarinan kaupunki"],
        name="Varhan kotoutumista tukeva palveluohjaus",
        period="1.1.2024–30.6.2025", start="2024-01-01", end="2025-06-30",
        area="Turku, Kaarina ja Raisio", covers=["muni:Turku", "muni:Kaarina", "muni:Raisio"],
        vague=[],
        desc="Palveluohjaajat työskentelevät sosiaalipalveluiden, neuvoloiden ja Turun kaupungin "
             "kotoutumispalveluiden välissä; heidän tehtävänsä on tunnistaa ohjauksen tarve, "
             "sopia työnjaosta ja varmistaa, ettei asiakas putoa palveluiden väliin. Toiminta "
             "arvioidaan 31.12.2024 mennessä.",
        ex=["1 hyvinvointialue, short name", "3 osatoteuttajina X ja Y", "4 date in description"]),
    dict(
        org="Espoon kaupunki", co=[],
        name="Espoon International House – digineuvonnan kehittäminen",
        period="1.9.2024–31.8.2025", start="2024-09-01", end="2025-08-31",
        area="Espoo", covers=["muni:Espoo"], vague=[],
        desc="Kehitetään neuvontaan chat- ja videopalvelu, joka toimii myös iltaisin, sekä "
             "ajanvarausjärjestelmä, jossa asiakas valitsee asiointikielen; sisällöt laaditaan "
             "yhdessä asiakasraadin kanssa.",
        ex=["1 kaupunki", "6 short description"]),
    dict(
        org="Kainuun hyvinvointialue", co=[],
        name="Kainuun kotoutumisen neuvontaverkko",
        period="1.3.2024–31.12.2025", start="2024-03-01", end="2025-12-31",
        area="Kainuu, koko maakunta", covers=["region:Kainuu"], vague=[],
        desc="Koko maakunnan kattava neuvontaverkko, jossa Kajaanin neuvontapiste tukee kuntien "
             "asiointipisteitä etäyhteydellä; koulutetaan asiointipisteiden työntekijöitä ja "
             "tuotetaan yhteinen neuvontamateriaali.",
        ex=["1 hyvinvointialue", "5 whole region prose"]),
    dict(
        org="Porvoon kaupunki – Borgå stad", co=[],
        name="Borgå Info – neuvontaa kahdella kotimaisella kielellä",
        period="1.10.2024–30.9.2025", start="2024-10-01", end="2025-09-30",
        area="Porvoo", covers=["muni:Porvoo"], vague=[],
        desc="Neuvonta siirtyy kaupungin asiointipisteeseen, ja sen aukioloa pidennetään; "
             "kehitetään ruotsinkielisten koulujen ja päiväkotien kanssa perheiden "
             "vastaanottomallia ja tiedotetaan vapaa-ajan palveluista.",
        ex=["2 fi – sv dash", "4 1.10./30.9."]),
    dict(
        org="Satakunnan hyvinvointialue", co=["Porin kaupunki"],
        name="Satakunnan monikielinen neuvontapuhelin",
        period="1.1.2024–31.12.2024", start="2024-01-01", end="2024-12-31",
        area="Satakunta", covers=["region:Satakunta"], vague=[],
        desc="Perustetaan maakunnallinen neuvontapuhelin, johon vastataan suomeksi, englanniksi, "
             "venäjäksi, arabiaksi ja dariksi; puhelinneuvontaa täydentävät Porin neuvontapisteen "
             "ja Rauman kirjaston viikoittaiset asiointiajat.",
        ex=["1 hyvinvointialue", "3 osatoteuttajana X", "5 region alone"]),
    dict(
        org="Kemin kaupunki", co=["Tornion kaupunki"],
        name="Meri-Lapin kotoutumisen neuvonta",
        period="1.9.2024–31.8.2025", start="2024-09-01", end="2025-08-31",
        area="Kemi-Tornion seutukunta", covers=["sub:Kemi-Tornion seutukunta"], vague=[],
        desc="Kemin ja Tornion neuvontapisteet yhdistävät aukioloaikansa, ja rajan yli asioiville "
             "kootaan Suomen ja Ruotsin palveluista yhteinen opas; työnantajille tarjotaan "
             "neuvontaa ulkomaisen työvoiman perehdyttämiseen.",
        ex=["1 kaupunki", "3 osatoteuttajana X", "5 subregion"]),
    dict(
        org="Lahden kaupunki", co=["Hollolan kunta"],
        name="Päijät-Hämeen ohjaus- ja neuvontakeskus Silta",
        period="1.4.2024–31.3.2026", start="2024-04-01", end="2026-03-31",
        area="Lahdessa ja Hollolassa", covers=["muni:Lahti", "muni:Hollola"], vague=[],
        desc="Silta kokoaa kaupungin, kunnan, TE-palveluiden ja järjestöjen neuvonnan samaan "
             "osoitteeseen; asiakkaat saavat yhdellä käynnillä ohjausta asumiseen, työhön, "
             "koulutukseen ja perhe-elämään. Keskuksen avajaiset pidetään 2.5.2024.",
        ex=["1 kaupunki", "3 osatoteuttajana X", "5 inflected forms", "4 date in description"]),
    dict(
        org="Pirkanmaan hyvinvointialue", co=["Ylöjärven kaupunki"],
        name="Pirkanmaan kotoutumisen sote-neuvonta",
        period="1.2.2024–31.1.2025", start="2024-02-01", end="2025-01-31",
        area="Pirkanmaa; Ylöjärvi, Nokia", covers=["muni:Ylöjärvi", "muni:Nokia"], vague=[],
        desc="Hyvinvointialueen palveluohjaajat jalkautuvat Ylöjärven ja Nokian kotoutumis- ja "
             "kielikoulutuksen ryhmiin, joissa he neuvovat sosiaali- ja terveyspalveluiden "
             "käytössä; toiminnasta kerätään tietoa koko alueen palvelumallin pohjaksi.",
        ex=["1 hyvinvointialue", "3 osatoteuttajana X", "5 region; municipalities"]),
    dict(
        org="Forssan kaupunki", co=[],
        name="Forssan seudun kotoutumisneuvonta",
        period="1.8.2024–31.7.2025", start="2024-08-01", end="2025-07-31",
        area="Forssan seutukunta", covers=["sub:Forssan seutukunta"], vague=[],
        desc="Seudun viisi kuntaa kokoavat neuvonnan Forssan palvelupisteeseen, ja pienemmissä "
             "kunnissa neuvoja käy kerran viikossa; kartoitetaan kausityöntekijöiden "
             "neuvontatarpeet maatalous- ja puutarhayritysten kanssa.",
        ex=["1 kaupunki", "5 subregion", "elliptical hyphen"]),
    dict(
        org="Kokkolan kaupunki", co=[],
        name="Kokkolan neuvontapiste Info Kokkola",
        period="1.9.2024–31.8.2025", start="2024-09-01", end="2025-08-31",
        area="Kokkola ympäristökuntineen", covers=["muni:Kokkola"], vague=["ympäristökuntineen"],
        desc="Info Kokkola palvelee maahan muuttaneita ja heitä työllistäviä yrityksiä; "
             "neuvontapisteessä kokeillaan vertaisneuvojia ja kootaan suurimpien työnantajien "
             "kanssa perehdytyspaketti, joka käännetään kuudelle kielelle.",
        ex=["1 kaupunki", "5 X ympäristökuntineen"]),
]
