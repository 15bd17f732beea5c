# -*- coding: utf-8 -*-
"""Authored content of the two fictional later rounds (2022, 2023).

Every row is written fresh; nothing is copied from the 2020 summary.

Row keys
  org     organisation as printed (bold), WITHOUT a co-implementer parenthesis
  co      list of co-implementers; printed as "(osatoteuttajana X)" or
          "(osatoteuttajina X, Y ja Z)" in regular weight after the bold name
  name    project name
  period  period exactly as printed (its own line)
  start, end  ISO dates of the period
  area    Toiminta-alue as printed
  covers  what the area covers, resolved by generate.py against data/ref:
            region:<maakunta_fi>   all municipalities of that region
            sub:<seutukunta_fi>    all municipalities of that subregion
            hva:<hva_id>           all municipalities of that wellbeing services county
            muni:<name_fi>         one municipality (by Finnish name)
            sv:<name_sv>           one municipality (by Swedish name)
  vague   the area pieces (as printed, substrings of area) a tool cannot resolve
  desc    description (Toiminnan kuvaus), authored as one paragraph
  ex      which points 1-6 of the brief this row exercises (for the README table)
"""

TITLE_2022 = ("Erityisavustus kunnille ja kuntayhtymille maahanmuuttajien ohjaus- ja "
              "neuvontapalveluiden vakiinnuttamiseen ja kehittämiseen (2022)")
TITLE_2023 = ("Erityisavustus kunnille, kuntayhtymille ja hyvinvointialueille maahanmuuttajien "
              "ohjaus- ja neuvontapalveluiden kehittämiseen (2023)")
SUBTITLE = "Yhteenveto rahoitettavista hankkeista"

ROWS_2022 = [
    dict(
        org="Hämeenlinnan kaupunki", co=[],
        name="Kotoutumisen kohtaamispaikka Hämeenlinnan seudulle",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Hämeenlinnan seutukunta", covers=["sub:Hämeenlinnan seutukunta"], vague=[],
        desc="Perustetaan Hämeenlinnan keskustaan maahanmuuttajien ohjaus- ja neuvontapiste "
             "pääkirjaston yhteyteen, laajennetaan jalkautuvaa neuvontaa Hattulaan ja Janakkalaan, "
             "koulutetaan kirjaston ja asiointipisteiden henkilöstöä tunnistamaan ohjauksen tarpeita "
             "sekä kootaan seudullinen palvelukartta selkokielellä ja yhdeksällä kielellä.",
        ex=["1 kaupunki", "4 en dash", "5 subregion"]),
    dict(
        org="Lohjan kaupunki", co=["Vihdin kunta", "Karkkilan kaupunki"],
        name="Länsi-Uudenmaan kotoutumisen neuvontaverkosto LUNE",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Lohja, Vihti ja Karkkila", covers=["muni:Lohja", "muni:Vihti", "muni:Karkkila"], vague=[],
        desc="Rakennetaan kolmen kunnan yhteinen neuvontaverkosto, jossa kukin kunta vastaa omasta "
             "asiointipisteestään ja yhteisestä etäneuvonnasta vuorotellen; yhtenäistetään "
             "asiakasohjauksen kirjaamista, laaditaan yhteiset palvelukuvaukset ja sovitaan "
             "tiedonvaihdon käytännöistä työllisyyspalveluiden, varhaiskasvatuksen ja "
             "aikuiskoulutuksen kanssa.",
        ex=["3 osatoteuttajina X ja Y", "5 commas and ja"]),
    dict(
        org="Kirkkonummen kunta – Kyrkslätts kommun", co=[],
        name="Tervetuloa Kirkkonummelle – Välkommen till Kyrkslätt",
        period="1.10.2022 – 30.9.2023", start="2022-10-01", end="2023-09-30",
        area="Kirkkonummi", covers=["muni:Kirkkonummi"], vague=[],
        desc="Vahvistetaan kaksikielisen kunnan kotoutumista tukevaa neuvontaa suomeksi, ruotsiksi ja "
             "asiakkaiden omilla kielillä; käynnistetään viikoittainen neuvontailta Masalan ja "
             "keskustan palvelupisteissä, tuotetaan ruotsinkielisten palveluiden esittelymateriaali ja "
             "perehdytetään yhdistysten vapaaehtoisia vertaisohjaajiksi.",
        ex=["1 kunta", "2 fi – sv dash", "4 spaces around dash, 1.10./30.9."]),
    dict(
        org="Raseborgs stad (Raaseporin kaupunki)", co=[],
        name="Rådgivning nära – lähineuvonta Raaseporin seudulla",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Raasepori, Hanko ja Inkoo", covers=["muni:Raasepori", "muni:Hanko", "muni:Inkoo"], vague=[],
        desc="Luodaan Raaseporin, Hangon ja Inkoon yhteinen liikkuva neuvontamalli, jossa neuvoja "
             "kiertää sovittuina päivinä kuntien asiointipisteissä ja kouluilla; kartoitetaan "
             "kausityöntekijöiden ja heidän perheidensä neuvontatarpeet sekä kehitetään "
             "ajanvaraukseton chat-palvelu kahdella kotimaisella kielellä ja englanniksi.",
        ex=["2 sv (fi) parenthesis in organisation", "5 commas and ja"]),
    dict(
        org="Korsholms kommun", co=[],
        name="Vägledning för inflyttare i Korsholm och grannkommunerna",
        period="1.11.2022–31.10.2023", start="2022-11-01", end="2023-10-31",
        area="Korsholm, Vörå och Malax", covers=["sv:Korsholm", "sv:Vörå", "sv:Malax"], vague=[],
        desc="Käynnistetään maahanmuuttajien ohjaus- ja neuvontapalvelu Mustasaaren kunnantalolla ja "
             "kootaan Vöyrin ja Maalahden kanssa yhteinen ajanvarauskalenteri; kehitetään kotoutumisen "
             "alkuvaiheen tietopaketti ruotsiksi ja suomeksi, järjestetään työnantajille suunnattuja "
             "aamukahvitilaisuuksia ja vakiinnutetaan yhteistyö alueen kansanopistojen kanssa.",
        ex=["2 Swedish only applicant", "4 1.11./31.10.", "5 Swedish names with och"]),
    dict(
        org="Keski-Pohjanmaan sosiaali- ja terveyspalvelukuntayhtymä, Soite", co=[],
        name="Soiten monikielinen palveluohjaus",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Keski-Pohjanmaa", covers=["region:Keski-Pohjanmaa"], vague=[],
        desc="Kehitetään sosiaali- ja terveyspalveluiden asiakasohjaukseen maahanmuuttajille "
             "soveltuva palveluohjauksen malli, jossa ensikontakti hoidetaan asiakkaan valitsemalla "
             "kielellä tulkin tai monikielisen ohjaajan avulla; laaditaan ohjaajille yhteiset "
             "kirjaamisohjeet ja viedään malli osaksi Soiten sähköistä asiointia.",
        ex=["1 kuntayhtymä, one-word short name", "5 region alone"]),
    dict(
        org="Salon kaupunki", co=[],
        name="Salon seudun ohjaus- ja neuvontapalvelujen kokonaisuus SONNI",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Varsinais-Suomi; Salo ja Somero", covers=["muni:Salo", "muni:Somero"], vague=[],
        desc="Luodaan Salon seudulle pysyvä maahanmuuttajien ohjaus- ja neuvontapalvelujen "
             "kokonaisuus, joka kokoaa yhteen kaupungin, Someron kaupungin, TE-toimiston, Kelan, "
             "seurakuntien ja järjestöjen neuvontatyön. Ensimmäisessä vaiheessa kartoitetaan "
             "asiakasryhmien palvelutarpeet haastattelemalla asiakkaita, työnantajia ja "
             "neuvontatyötä tekeviä työntekijöitä sekä analysoimalla asiointitilastoja; kartoituksen "
             "pohjalta laaditaan palvelulupaus ja palvelukuvaus, joissa määritellään neuvonnan "
             "tavoitettavuus, kielet, aukioloajat ja vastuunjako. Toisessa vaiheessa avataan "
             "neuvontapiste Salon asematorin yhteispalvelupisteeseen, pilotoidaan iltavastaanottoa "
             "Somerolla ja otetaan käyttöön ajanvaraus, jonka kautta asiakas voi valita asiointikielen "
             "ja -kanavan. Neuvojille järjestetään koulutusta oleskelulupiin, sosiaaliturvaan, "
             "asumiseen ja työelämän pelisääntöihin liittyvistä kysymyksistä, ja heidän tuekseen "
             "kootaan sähköinen tietopankki, jota päivitetään yhdessä viranomaisten kanssa. "
             "Kolmannessa vaiheessa arvioidaan toimintamallin vaikuttavuutta asiakaspalautteen ja "
             "seurantatietojen avulla, tehdään tarvittavat muutokset ja valmistellaan palvelun "
             "vakinaistaminen osaksi kaupungin asukaspalveluja. Lisäksi tuotetaan selkokieliset "
             "esitteet seitsemällä kielellä, käynnistetään vertaisneuvojien ryhmä yhdessä "
             "paikallisten yhdistysten kanssa ja järjestetään alueen työnantajille info-iskuja "
             "kansainvälisten työntekijöiden rekrytoinnista ja perehdyttämisestä.",
        ex=["5 region; municipalities with ja", "6 very long description (splits in reflowed)"]),
    dict(
        org="Kainuun sosiaali- ja terveydenhuollon kuntayhtymä, Kainuun sote", co=[],
        name="Kainuun kotoutumisen tukipolku",
        period="1.10.2022—30.9.2023", start="2022-10-01", end="2023-09-30",
        area="Kainuu (koko alue)", covers=["region:Kainuu"], vague=[],
        desc="Kootaan Kainuun kuntien ja kuntayhtymän ohjaus- ja neuvontatyö yhteiseksi tukipoluksi, "
             "jota hallinnoi 1.1.2023 alkaen Kainuun hyvinvointialue; pilotoidaan etäneuvontaa Kuhmon "
             "ja Suomussalmen asiointipisteissä.",
        ex=["1 kuntayhtymä, several-word short name", "4 em dash; date in description",
            "5 whole region prose"]),
    dict(
        org="Jokilaaksojen koulutuskuntayhtymä", co=[],
        name="Opintoihin ja työhön – ohjausta Jokilaaksoissa",
        period="1.9.2022-31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Ylivieska, Nivala ja Haapajärvi",
        covers=["muni:Ylivieska", "muni:Nivala", "muni:Haapajärvi"], vague=[],
        desc="Tuodaan ohjaus- ja neuvontapalvelu oppilaitosten arkeen; nimetään kullekin kampukselle "
             "ohjaaja, joka neuvoo opiskelijoita ja heidän perheitään asumiseen, terveyspalveluihin ja "
             "asiointiin liittyvissä kysymyksissä, ja kehitetään yhteistyötä Ylivieskan, Nivalan ja "
             "Haapajärven aikuissosiaalityön kanssa.",
        ex=["1 kuntayhtymä without short name", "4 hyphen-minus", "5 commas and ja"]),
    dict(
        org="Lapin liitto", co=[],
        name="Lapin maahanmuuttajaneuvonnan koordinaatio",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Lappi", covers=["region:Lappi"], vague=[],
        desc="Koordinoidaan maakunnallista ohjaus- ja neuvontaverkostoa, kootaan kuntien "
             "neuvontatyöntekijöiden yhteinen osaamisryhmä ja järjestetään verkoston tapaamiset "
             "vuorotellen eri seutukunnissa; selvitetään pitkien etäisyyksien alueille sopivat "
             "etäasioinnin ratkaisut ja tuetaan pienten kuntien valmiuksia vastaanottaa "
             "kausityöntekijöitä.",
        ex=["1 other kind: regional council (…n liitto)", "5 region alone"]),
    dict(
        org="Rauman Seudun Kehitys Oy", co=[],
        name="Work & Life in Rauma Region",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Rauman seutukunta", covers=["sub:Rauman seutukunta"], vague=[],
        desc="Kehitetään työperäisille maahanmuuttajille ja heidän puolisoilleen suunnattua "
             "neuvontaa yhteistyössä alueen yritysten kanssa; avataan englanninkielinen neuvontapiste "
             "yrityspalveluiden yhteyteen, järjestetään puolisoiden verkostoitumistilaisuuksia ja "
             "laaditaan yrityksille perehdytyksen muistilista.",
        ex=["1 other kind: municipal company (Oy)", "5 subregion"]),
    dict(
        org="Pirkkalan kunta", co=[],
        name="Neuvonta lähellä – Pirkkala, Nokia ja Lempäälä",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Pirkanmaa; Pirkkala, Nokia, Lempäälä",
        covers=["muni:Pirkkala", "muni:Nokia", "muni:Lempäälä"], vague=[],
        desc="Perustetaan kolmen kehyskunnan yhteinen ohjaus- ja neuvontapalvelu, joka toimii "
             "vuoroviikoin kunkin kunnan palvelupisteessä; rakennetaan yhteistyö Tampereen "
             "maahanmuuttajainfon kanssa ja sovitaan asiakkaiden sujuvasta siirtymisestä palvelusta "
             "toiseen.",
        ex=["1 kunta", "5 region; municipalities"]),
    dict(
        org="Kiteen kaupunki",
        co=["Keski-Karjalan sosiaali- ja terveyspalvelujen kuntayhtymä, Helli"],
        name="Keski-Karjalan kotoutumispolku",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Kitee, Tohmajärvi, Rääkkylä",
        covers=["muni:Kitee", "muni:Tohmajärvi", "muni:Rääkkylä"], vague=[],
        desc="Käynnistetään Keski-Karjalaan matalan kynnyksen ohjaus- ja neuvontapalvelu ja "
             "liikkuva neuvonta kyläkouluille.",
        ex=["3 osatoteuttajana: one name containing ' ja ' and a comma", "5 commas only",
            "6 short description"]),
    dict(
        org="Porin kaupunki", co=["Ulvilan kaupunki"],
        name="Palvelutori Pori – ohjausta ja neuvontaa yhdestä osoitteesta",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Porin ja Ulvilan alueella", covers=["muni:Pori", "muni:Ulvila"], vague=[],
        desc="Yhdistetään kaupungin maahanmuuttajapalveluiden, työllisyyspalveluiden ja kirjaston "
             "neuvonta samaan palvelutoriin; kehitetään ajanvaraus- ja jonotusjärjestelmä, joka tukee "
             "asiointia kuudella kielellä, ja tarjotaan Ulvilan asukkaille etäneuvontaa kahtena "
             "päivänä viikossa.",
        ex=["3 osatoteuttajana X", "5 inflected forms (genitive + alueella)"]),
    dict(
        org="Kauniaisten kaupunki", co=[],
        name="Pienen kaupungin suuret ovet",
        period="1.9.2022–30.6.2023", start="2022-09-01", end="2023-06-30",
        area="pääkaupunkiseutu; Kauniainen, Espoo", covers=["muni:Kauniainen", "muni:Espoo"],
        vague=["pääkaupunkiseutu"],
        desc="Järjestetään Kauniaisissa asuville ja siellä työskenteleville maahanmuuttajille ohjaus- "
             "ja neuvontapalvelu yhteistyössä Espoon kanssa; sovitaan asiakasohjauksen työnjaosta, "
             "tuotetaan yhteinen verkkosivu ja kehitetään ruotsinkielisten palveluiden esittelyä "
             "uusille asukkaille.",
        ex=["4 end 30.6.", "5 informal area name (pääkaupunkiseutu) + municipalities"]),
    dict(
        org="Kempeleen kunta", co=[],
        name="Seudullinen etäneuvonta OSE",
        period="1.12.2022–30.11.2023", start="2022-12-01", end="2023-11-30",
        area="Oulussa ja sen lähikunnissa", covers=["muni:Oulu"], vague=["sen lähikunnissa"],
        desc="Kehitetään Oulun seudulle yhteinen etäneuvonnan palvelu, jonka avulla lähikuntien "
             "asukkaat saavat ohjausta ilman matkustamista keskuskaupunkiin; hankitaan "
             "etäasiointipisteiden laitteet kirjastoihin ja koulutetaan kirjastohenkilöstö opastamaan "
             "asiakkaita.",
        ex=["4 1.12./30.11.", "5 inflected prose (Oulussa ja sen lähikunnissa)"]),
    dict(
        org="Kimitoöns kommun (Kemiönsaaren kunta)", co=[],
        name="Saariston neuvontavene",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Saaristomeren alue", covers=[], vague=["Saaristomeren alue"],
        desc="Viedään ohjaus- ja neuvontapalvelut saariston kyliin: neuvoja kulkee yhteysaluksilla "
             "ja lautoilla aikataulun mukaan, ja palvelua täydennetään puhelin- ja videoneuvonnalla. "
             "Kesäkaudella 2023 toiminta painottuu kala- ja matkailualan kausityöntekijöihin.",
        ex=["2 sv (fi) parenthesis in organisation", "5 informal area only (no municipality)"]),
    dict(
        org="Iisalmen kaupunki", co=[],
        name="Ylä-Savon ohjauspiste YLÄPISTE",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Ylä-Savon seutukunta", covers=["sub:Ylä-Savon seutukunta"], vague=[],
        desc="15.10.2022–15.12.2022 järjestetään alueen kunnissa kuulemistilaisuuksia, joiden "
             "tulosten pohjalta perustetaan Iisalmeen seudullinen ohjaus- ja neuvontapiste; "
             "kehitetään kuntien välistä työnjakoa ja kirjaamiskäytäntöjä.",
        ex=["4 description STARTS with a date range (not a period)", "5 subregion"]),
    dict(
        org="Hyvinkään kaupunki", co=[],
        name="KOPPI (Kotoutumisen ohjauspiste)",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Hyvinkää", covers=["muni:Hyvinkää"], vague=[],
        desc="Avataan Hyvinkään pääkirjaston yhteyteen ohjauspiste KOPPI, joka palvelee 3.10.2022 "
             "lähtien arkisin ilman ajanvarausta; kehitetään palautejärjestelmä, kootaan "
             "kysymyspankki yleisimmistä asiointitilanteista ja koulutetaan kaupungin "
             "asiakaspalveluhenkilöstöä kulttuurisensitiiviseen vuorovaikutukseen.",
        ex=["1 kaupunki", "4 date in description", "project name with a parenthesis"]),
    dict(
        org="Satakuntaliitto", co=[],
        name="Satakunnan kotoutumisverkosto SAKKE",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Satakunta, koko maakunta", covers=["region:Satakunta"], vague=[],
        desc="Kootaan maakunnan kuntien, oppilaitosten ja järjestöjen ohjaus- ja neuvontatoimijat "
             "säännöllisesti kokoontuvaksi verkostoksi, ylläpidetään yhteistä tapahtumakalenteria ja "
             "tuotetaan vuosittainen tilannekuva maahanmuuttajien palvelutarpeista maakunnan "
             "kotoutumisohjelman valmistelun tueksi.",
        ex=["1 other kind: regional council (one word)", "5 whole region prose"]),
    dict(
        org="Lapuan kaupunki", co=["Kauhavan kaupunki"],
        name="Lakeuden arjen neuvonta",
        period="1.9.2022–31.8.2023", start="2022-09-01", end="2023-08-31",
        area="Etelä-Pohjanmaa; Lapua, Kauhava ja Kuortane",
        covers=["muni:Lapua", "muni:Kauhava", "muni:Kuortane"], vague=[],
        desc="Laajennetaan Lapuan maahanmuuttajaneuvontaa Kauhavalle ja Kuortaneelle, kehitetään "
             "maatalous- ja elintarvikealan työntekijöille suunnattua ilta- ja viikonloppuneuvontaa "
             "sekä kootaan työnantajien kanssa yhteinen tervetulopaketti.",
        ex=["3 osatoteuttajana X", "5 region; municipalities with ja"]),
]

ROWS_2023 = [
    dict(
        org="Pohjois-Karjalan hyvinvointialue, Siun sote", co=[],
        name="Siun soten monikielinen asiakasohjaus",
        period="1.3.2023–29.2.2024", start="2023-03-01", end="2024-02-29",
        area="Pohjois-Karjala", covers=["region:Pohjois-Karjala"], vague=[],
        desc="Kehitetään hyvinvointialueen palveluohjaukseen maahanmuuttaja-asiakkaille soveltuva "
             "monikielinen toimintamalli; yhdistetään kuntien aiemmin hoitama ohjaus- ja neuvontatyö "
             "1.1.2023 alkaen hyvinvointialueen asiakasohjaukseen, sovitaan kuntien kanssa "
             "kotoutumispalveluiden rajapinnoista ja koulutetaan sosiaaliohjaajia tulkkauksen "
             "käyttöön.",
        ex=["1 hyvinvointialue with short name", "4 leap day end 29.2.2024; date in description",
            "5 region alone"]),
    dict(
        org="Keski-Suomen hyvinvointialue", co=[],
        name="Kotoutumisen tuki hyvinvointialueella – KOTVA",
        period="1.4.2023–31.3.2024", start="2023-04-01", end="2024-03-31",
        area="Keski-Suomen hyvinvointialue", covers=["hva:KS"], vague=[],
        desc="Rakennetaan hyvinvointialueen ja kuntien yhteinen ohjauksen ja neuvonnan palveluketju, "
             "jossa kunta vastaa yleisneuvonnasta ja hyvinvointialue sosiaali- ja terveyspalveluihin "
             "liittyvästä ohjauksesta; laaditaan palveluketjun kuvaus, yhteinen lomakepohja asiakkaan "
             "siirtoon ja seurantamittaristo.",
        ex=["1 hyvinvointialue without short name", "4 1.4./31.3.",
            "5 hyvinvointialue full name as area"]),
    dict(
        org="Österbottens välfärdsområde (Pohjanmaan hyvinvointialue)", co=[],
        name="Välkommen – Tervetuloa Jakobstadsregionen",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Jakobstad, Nykarleby och Pedersöre",
        covers=["sv:Jakobstad", "sv:Nykarleby", "sv:Pedersöre"], vague=[],
        desc="Kehitetään Pietarsaaren seudun maahanmuuttajille suunnattua sosiaalihuollon neuvontaa "
             "kaksikielisenä; perustetaan neuvontavastaanotto Pietarsaaren sosiaalikeskukseen, "
             "järjestetään jalkautuvaa neuvontaa Uusikaarlepyyhyn ja Pedersöreen ja tehdään "
             "yhteistyötä alueen kuntien kotoutumispalveluiden kanssa.",
        ex=["1 hyvinvointialue (Swedish)", "2 sv (fi) parenthesis in organisation",
            "5 Swedish municipality names"]),
    dict(
        org="Kymenlaakson ja Etelä-Karjalan hyvinvointialueiden yhteistyöalue", co=[],
        name="Kaakkois-Suomen kotoutumisen osaamisverkosto",
        period="1.9.2023–31.12.2024", start="2023-09-01", end="2024-12-31",
        area="Kymenlaakso ja Etelä-Karjala", covers=["region:Kymenlaakso", "region:Etelä-Karjala"],
        vague=[],
        desc="Kootaan kahden hyvinvointialueen ohjaus- ja neuvontatyötä tekevät ammattilaiset "
             "yhteiseksi osaamisverkostoksi; järjestetään verkostolle koulutusohjelma, kehitetään "
             "yhteinen asiakaspalautteen keruu ja selvitetään rajanylityspaikkojen läheisyydessä "
             "asuvien maahanmuuttajien neuvontatarpeet.",
        ex=["1 joint body of counties (name contains ' ja ')", "4 end 31.12.",
            "5 two regions joined by ja"]),
    dict(
        org="Vantaan kaupunki", co=["Vantaan ja Keravan hyvinvointialue"],
        name="Yhdessä eteenpäin – Vantaan ja Keravan neuvontamalli",
        period="1.9.2023 – 31.8.2025", start="2023-09-01", end="2025-08-31",
        area="Vantaa ja Kerava", covers=["muni:Vantaa", "muni:Kerava"], vague=[],
        desc="Sovitetaan yhteen kaupungin kotoutumispalveluiden ja hyvinvointialueen "
             "sosiaalipalveluiden neuvonta; luodaan yhteinen asiakasohjauksen tiimi, joka toimii "
             "kummankin organisaation tiloissa, ja kehitetään tietojärjestelmien välistä ajanvarausta.",
        ex=["3 osatoteuttajana: one name containing ' ja '", "4 spaces around dash, 2023–2025",
            "5 municipalities with ja"]),
    dict(
        org="Oulun kaupunki", co=["Pohjois-Pohjanmaan hyvinvointialue, Pohde"],
        name="Oulun seudun yhteinen neuvontapalvelu OSNE",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Oulun seutukunta", covers=["sub:Oulun seutukunta"], vague=[],
        desc="Vakiinnutetaan kaupungin ja hyvinvointialueen yhteistyönä seudullinen neuvontapalvelu; "
             "laaditaan yhteistyösopimus, jossa sovitaan henkilöstön, tilojen ja asiakastietojen "
             "käsittelystä, ja kehitetään chat-neuvontaa arabian, somalin, venäjän ja ukrainan "
             "kielillä.",
        ex=["3 osatoteuttajana: one name containing a comma", "5 subregion"]),
    dict(
        org="Seinäjoen kaupunki", co=["Lapuan kaupunki", "Ilmajoen kunta", "Kauhavan kaupunki"],
        name="Lakeuden kotoutumisen neuvontakeskus",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Seinäjoki ja lähikunnat", covers=["muni:Seinäjoki"], vague=["lähikunnat"],
        desc="Perustetaan Seinäjoelle seudullinen neuvontakeskus, josta osatoteuttajakunnat ostavat "
             "neuvontapalvelun; kehitetään kiertävä neuvonta lähikuntien kirjastoihin ja järjestetään "
             "20.9.2023 alkaen kuukausittain työnhakijoiden infotilaisuus yhdessä TE-palveluiden "
             "kanssa.",
        ex=["3 osatoteuttajina X, Y ja Z", "4 date in description", "5 X ja lähikunnat"]),
    dict(
        org="Kehys-Kainuun seutukunta", co=[],
        name="Kehys-Kainuun kyläneuvonta",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Kuhmo, Suomussalmi, Hyrynsalmi ja Puolanka",
        covers=["muni:Kuhmo", "muni:Suomussalmi", "muni:Hyrynsalmi", "muni:Puolanka"], vague=[],
        desc="Tarjotaan ohjausta ja neuvontaa neljän kunnan kylissä kiertävän neuvojan ja "
             "etäyhteyksien avulla.",
        ex=["1 other kind: …n seutukunta as applicant", "5 commas and ja", "6 short description"]),
    dict(
        org="Kokkolan kaupunki – Karleby stad", co=[],
        name="Karleby guidning – Kokkolan neuvontapiste",
        period="2.1.2023–31.12.2023", start="2023-01-02", end="2023-12-31",
        area="Kokkola ja Kannus", covers=["muni:Kokkola", "muni:Kannus"], vague=[],
        desc="Uudistetaan kaupungin neuvontapisteen palvelumalli vastaamaan sote-palveluiden siirtoa "
             "hyvinvointialueelle; päivitetään palveluohjauksen ohjeistus, sovitaan Soiten kanssa "
             "asiakkaiden ohjaamisesta ja tarjotaan neuvontaa myös Kannuksen asukkaille.",
        ex=["1 kaupunki", "2 fi – sv dash", "4 start 2.1., end 31.12."]),
    dict(
        org="Varsinais-Suomen hyvinvointialue, Varha", co=[],
        name="Varhan kotoutumista tukevat sosiaalipalvelut",
        period="1.5.2023–30.4.2024", start="2023-05-01", end="2024-04-30",
        area="Varsinais-Suomen hyvinvointialue; Turku, Salo ja Uusikaupunki",
        covers=["muni:Turku", "muni:Salo", "muni:Uusikaupunki"], vague=[],
        desc="Selvitetään, miten maahanmuuttajien ohjaus ja neuvonta järjestetään hyvinvointialueen "
             "sosiaalipalveluissa, ja pilotoidaan kolmessa kaupungissa sosiaaliohjaajan vastaanottoa "
             "kuntien neuvontapisteissä; laaditaan pilottien pohjalta suositus koko alueelle.",
        ex=["1 hyvinvointialue with one-word short name", "4 1.5./30.4.",
            "5 county; municipalities (list is the coverage)"]),
    dict(
        org="Keski-Uudenmaan hyvinvointialue, Keusote", co=[],
        name="Keusoten verkko-ohjaus OHJU",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Keski-Uudenmaan hva", covers=["hva:KU"], vague=[],
        desc="Luodaan hyvinvointialueen ja kuuden kunnan yhteinen verkko-ohjauksen palvelu, joka "
             "ohjaa asiakkaan oikeaan palveluun kielestä riippumatta; kehitetään palvelun "
             "tietosisällöt, käännöstuki ja henkilöstön etäneuvonnan valmiudet.",
        ex=["1 hyvinvointialue with short name", "5 hyvinvointialue short form (hva) as area"]),
    dict(
        org="Länsi-Uudenmaan hyvinvointialue – Västra Nylands välfärdsområde", co=[],
        name="Rådgivning på svenska – ruotsinkielinen neuvonta",
        period="1.9.2023 - 31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Västra Nyland; Esbo, Kyrkslätt, Sjundeå",
        covers=["sv:Esbo", "sv:Kyrkslätt", "sv:Sjundeå"], vague=[],
        desc="Kehitetään hyvinvointialueen ruotsinkielisten palveluiden neuvontaa maahanmuuttajille, "
             "jotka kotoutuvat ruotsin kielellä; koulutetaan asiakasohjaajia ja laaditaan "
             "ruotsinkielinen palveluopas.",
        ex=["1 hyvinvointialue", "2 fi – sv dash", "4 hyphen-minus with spaces",
            "5 Swedish county and municipality names"]),
    dict(
        org="Pirkanmaan hyvinvointialue", co=["Tampereen kaupunki", "Nokian kaupunki"],
        name="Pirkanmaan monialaisen ohjauksen ja neuvonnan kehittämishanke PIMO",
        period="1.9.2023–31.8.2025", start="2023-09-01", end="2025-08-31",
        area="Pirkanmaa; Tampere, Nokia, Ylöjärvi, Kangasala, Lempäälä",
        covers=["muni:Tampere", "muni:Nokia", "muni:Ylöjärvi", "muni:Kangasala", "muni:Lempäälä"],
        vague=[],
        desc="Kehitetään Pirkanmaalle hyvinvointialueen ja kuntien yhteinen monialaisen ohjauksen ja "
             "neuvonnan toimintamalli, joka kattaa maahanmuuttajan koko alkuvaiheen asioinnin "
             "maahantulosta vakiintuneeseen arkeen. Hankkeen alussa kootaan nykyiset ohjaus- ja "
             "neuvontapalvelut palvelukartaksi ja tunnistetaan päällekkäisyydet ja aukot erityisesti "
             "kuntien kotoutumispalveluiden ja hyvinvointialueen sosiaalihuollon välillä. Tämän "
             "jälkeen suunnitellaan asiakkaiden, kokemusasiantuntijoiden ja henkilöstön kanssa "
             "yhteiskehittämisen työpajoissa palvelun yhteinen sisäänkäynti, joka toimii sekä "
             "fyysisenä palvelupisteenä Tampereen keskustassa että puhelin-, chat- ja "
             "videoneuvontana. Nokialla, Ylöjärvellä, Kangasalla ja Lempäälässä pilotoidaan "
             "lähineuvontaa, jossa hyvinvointialueen sosiaaliohjaaja ja kunnan neuvoja päivystävät "
             "yhdessä kirjastoissa ja asukastiloissa. Ohjaus- ja neuvontatyön tueksi rakennetaan "
             "yhteinen tietopohja ja kirjaamisen käytännöt, joiden avulla asiakkaan ei tarvitse "
             "kertoa asiaansa moneen kertaan, ja sovitaan tietosuojan edellyttämistä "
             "suostumuskäytännöistä. Henkilöstölle järjestetään koulutuskokonaisuus "
             "kotoutumislainsäädännöstä, selkokielisestä vuorovaikutuksesta, tulkkauksen tilaamisesta "
             "ja traumatietoisesta kohtaamisesta. Hankkeessa tuotetaan lisäksi maahanmuuttajille "
             "suunnattua tietoa kymmenellä kielellä, kehitetään vertaisneuvojien koulutusmalli yhdessä "
             "järjestöjen kanssa ja selvitetään, miten palvelua voidaan laajentaa maakunnan pienempiin "
             "kuntiin. Toiminnan vaikutuksia seurataan asiakasmäärien, asiointikanavien ja palautteen "
             "perusteella, ja tulokset kootaan loppuraporttiin, jonka pohjalta hyvinvointialue ja "
             "kunnat päättävät palvelun vakinaistamisesta vuoden 2025 talousarvioissa.",
        ex=["1 hyvinvointialue without short name", "3 osatoteuttajina X ja Y", "4 2023–2025",
            "5 region; municipalities", "6 very long description (splits in reflowed)"]),
    dict(
        org="Helsingin kaupunki", co=[],
        name="Lähiöneuvonta Helsinki",
        period="15.8.2023–14.8.2024", start="2023-08-15", end="2024-08-14",
        area="Helsinki; erityisesti Itä-Helsingin lähiöt", covers=["muni:Helsinki"],
        vague=["erityisesti Itä-Helsingin lähiöt"],
        desc="Viedään kaupungin ohjaus- ja neuvontapalvelua asukastaloihin, kauppakeskuksiin ja "
             "nuorisotiloihin; neuvojat työskentelevät pareittain ja hyödyntävät mobiilia "
             "ajanvarausta. Syyskaudella 1.9.–15.12.2023 neuvontaa tarjotaan myös iltaisin.",
        ex=["1 kaupunki (outside any county)", "4 15.8./14.8.; date range in description",
            "5 informal sub-municipal area"]),
    dict(
        org="Pohjois-Savon hyvinvointialue", co=["Kuopion kaupunki"],
        name="Savon kotoutumisen palvelupolut",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Kuopio ympäristökuntineen", covers=["muni:Kuopio"], vague=["ympäristökuntineen"],
        desc="Mallinnetaan maahanmuuttajan palvelupolku hyvinvointialueen ja Kuopion kaupungin "
             "palveluissa, tunnistetaan katkoskohdat ja kehitetään niihin ohjauksen ratkaisuja; "
             "kokeillaan yhteistä neuvontapäivää kaupungin palvelupisteessä kerran viikossa.",
        ex=["1 hyvinvointialue without short name", "3 osatoteuttajana X",
            "5 X ympäristökuntineen"]),
    dict(
        org="Heinolan kaupunki", co=[],
        name="Heinolan neuvontapiste Väylä",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Heinolassa ja Lahdessa", covers=["muni:Heinola", "muni:Lahti"], vague=[],
        desc="Avataan Heinolan kaupungintalolle maahanmuuttajien neuvontapiste ja järjestetään "
             "Lahden maahanmuuttajaneuvonnan kanssa yhteinen etävastaanotto; kehitetään palvelun "
             "viestintää sosiaalisessa mediassa.",
        ex=["1 kaupunki", "5 inflected forms (inessive)"]),
    dict(
        org="Länsirannikon Koulutus Oy WinNova", co=[],
        name="Kielipolku työhön",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Porin seutukunta", covers=["sub:Porin seutukunta"], vague=[],
        desc="Yhdistetään ammatillisen koulutuksen opinto-ohjaus ja maahanmuuttajien arjen "
             "neuvonta; opiskelijat saavat neuvontaa asumiseen, perhe-etuuksiin ja "
             "terveyspalveluihin oppilaitoksen omasta neuvontapisteestä, ja henkilöstölle "
             "järjestetään koulutusta kotoutumisen palvelujärjestelmästä.",
        ex=["1 other kind: municipal education company (Oy + brand)", "5 subregion"]),
    dict(
        org="Etelä-Pohjanmaan liitto", co=[],
        name="Etelä-Pohjanmaan kotoutumisen yhteistyöfoorumi",
        period="1.10.2023–30.9.2024", start="2023-10-01", end="2024-09-30",
        area="Etelä-Pohjanmaa", covers=["region:Etelä-Pohjanmaa"], vague=[],
        desc="Kootaan maakunnan kunnat, hyvinvointialue, oppilaitokset ja järjestöt yhteiseen "
             "kotoutumisen yhteistyöfoorumiin, joka kokoontuu neljä kertaa vuodessa; tuotetaan "
             "foorumin tueksi maakunnallinen tilannekuva ja toimenpidesuositukset.",
        ex=["1 other kind: regional council (…n liitto)", "5 region alone"]),
    dict(
        org="Lapin hyvinvointialue", co=[],
        name="Pohjoisen palveluohjaus – etäneuvonnan malli harvaan asutuille alueille",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Lappi, koko hyvinvointialue", covers=["hva:LA"], vague=[],
        desc="Kehitetään etäneuvonnan malli, jonka avulla hyvinvointialueen asiakasohjaus tavoittaa "
             "maahanmuuttajat myös harvaan asutuilla alueilla; hankitaan etävastaanottojen laitteet "
             "terveysasemille, koulutetaan henkilöstöä ja tehdään yhteistyötä kuntien "
             "kotoutumispalveluiden ja matkailualan työnantajien kanssa.",
        ex=["1 hyvinvointialue without short name", "5 whole county prose"]),
    dict(
        org="Mäntsälän kunta", co=[],
        name="Mäntsälän ja Pornaisten neuvontapiste",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Mäntsälä ja Pornainen", covers=["muni:Mäntsälä", "muni:Pornainen"], vague=[],
        desc="Jatketaan ja vakiinnutetaan kunnan maahanmuuttajaneuvontaa, laajennetaan palvelu "
             "Pornaisiin ja sovitaan Keusoten kanssa asiakkaiden ohjaamisesta sosiaalipalveluihin.",
        ex=["1 kunta", "5 municipalities with ja"]),
    dict(
        org="Närpes stad", co=[],
        name="Närpesmodellen – neuvontaa kolmessa kaupungissa",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Närpes, Kristinestad och Kaskö",
        covers=["sv:Närpes", "sv:Kristinestad", "sv:Kaskö"], vague=[],
        desc="Kehitetään kasvihuone- ja elintarvikealan työntekijöille suunnattua neuvontaa, jota "
             "annetaan ruotsiksi, suomeksi, vietnamiksi ja bosniaksi; neuvonta tuodaan työpaikoille "
             "sovittuina aamuina ja täydennetään puhelinneuvonnalla Kristiinankaupungissa ja "
             "Kaskisissa.",
        ex=["2 Swedish only applicant (stad)", "5 Swedish municipality names with och"]),
    dict(
        org="Rovaniemen kaupunki", co=[],
        name="Arktinen tervetulo",
        period="1.6.2023–31.5.2024", start="2023-06-01", end="2024-05-31",
        area="Rovaniemi", covers=["muni:Rovaniemi"], vague=[],
        desc="Laajennetaan kaupungin neuvontaa matkailualan kausityöntekijöihin; palvelu on auki "
             "myös lauantaisin 31.12.2023 saakka.",
        ex=["1 kaupunki", "4 1.6./31.5.; date in description", "6 short description"]),
    dict(
        org="Loviisan kaupunki", co=[],
        name="Lähellä ja läsnä – Loviisan neuvonta",
        period="1.9.2023–31.8.2024", start="2023-09-01", end="2024-08-31",
        area="Loviisa ja itäisen Uudenmaan maaseutualueet", covers=["muni:Loviisa"],
        vague=["itäisen Uudenmaan maaseutualueet"],
        desc="Käynnistetään Loviisaan kaksikielinen maahanmuuttajien neuvontapiste ja kehitetään "
             "kiertävää neuvontaa Itä-Uudenmaan maaseutukylissä yhdessä kirjastoautopalvelun kanssa.",
        ex=["1 kaupunki", "5 municipality + informal area"]),
]
