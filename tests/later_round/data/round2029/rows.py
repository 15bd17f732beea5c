# -*- coding: utf-8 -*-
"""Authored content of the fictional 2029 round. Each row: printed cells + resolution spec.
res: list of (kind, value): kind in region | sub | hva | muni ; vague: list of unresolvable substrings."""
TITLE = ("Erityisavustus kunnille, kuntayhtymille ja hyvinvointialueille maahanmuuttajien "
         "ohjaus- ja neuvontapalveluiden kehittämiseen 2029")
SUBTITLE = "Yhteenveto rahoitettavista hankkeista"
YEAR = 2029

ROWS = [
dict(org="Kotkan kaupunki", coline="(osatoteuttajana Haminan kaupunki)", co=["Haminan kaupunki"],
     name="Kaakkoisen rannikon monikielinen neuvontaverkko", period="1.1.2029–31.12.2030",
     area="Kotkan ja Haminan alueella", res=[("muni","Kotka"),("muni","Hamina")], vague=[],
     desc="Yhdistetään Kotkan ja Haminan erilliset neuvontapisteet yhteiseksi verkoksi, otetaan käyttöön "
          "yhteinen ajanvarausjärjestelmä ja koulutetaan satamatyöpaikkojen yhteyshenkilöitä ohjaamaan "
          "vastasaapuneita työntekijöitä oikeisiin palveluihin."),
dict(org="Pargas stad", coline=None, co=[],
     name="Vägledning i skärgården", period="1.3.2029 – 28.2.2031",
     area="Saaristomeren alue", res=[], vague=["Saaristomeren alue"],
     desc="Käynnistetään saaristoon liikkuva neuvontavene."),
dict(org="Porvoon kaupunki – Borgå stad", coline="(osatoteuttajina Loviisan kaupunki ja Sipoon kunta)",
     co=["Loviisan kaupunki","Sipoon kunta"],
     name="Itäisen Uudenmaan kotoutumisen kohtaamispaikka", period="1.1.2029–31.12.2030",
     area="Itä-Uusimaa; Porvoo, Loviisa ja Sipoo", res=[("muni","Porvoo"),("muni","Loviisa"),("muni","Sipoo")], vague=[],
     desc="Perustetaan kaksikielinen kohtaamispaikka Porvoon kirjaston yhteyteen ja sen sivupisteet Loviisaan "
          "ja Sipoon Nikkilään; kehitetään ruotsin- ja suomenkielisten palvelupolkujen yhteensovittamista sekä "
          "laaditaan alueen kunnille yhteinen vastaanoton tarkistuslista."),
dict(org="Närpes stad (Närpiön kaupunki)", coline=None, co=[],
     name="Rådgivning för nyanlända i Sydösterbotten", period="1.1.2029-31.12.2030",
     area="Närpes, Kristinestad och Kaskö", res=[("muni","Närpiö"),("muni","Kristiinankaupunki"),("muni","Kaskinen")], vague=[],
     desc="Vahvistetaan kasvihuonealan kausityöntekijöille suunnattua iltaneuvontaa, tuotetaan ohjeistusta "
          "vietnamiksi, bosniaksi ja ukrainaksi sekä kokeillaan kuukausittaisia neuvontapäiviä Kristiinankaupungin "
          "ja Kaskisten työpaikoilla."),
dict(org="Keski-Suomen hyvinvointialue, Hyvaks", coline=None, co=[],
     name="Keski-Suomen maakunnallinen ohjausmalli", period="1.1.2029–31.12.2030",
     area="Keski-Suomen hyvinvointialue", res=[("hva","KS")], vague=[],
     desc="Rakennetaan hyvinvointialueen sosiaalipalveluiden ja kuntien kotoutumisyksiköiden välinen yhteinen "
          "ohjausmalli, jossa asiakkaan ensimmäinen yhteydenotto johtaa aina nimettyyn vastuuhenkilöön; "
          "laaditaan yhteinen kirjaamiskäytäntö ja koulutetaan sote-keskusten ajanvarauksen henkilöstö."),
dict(org="Pohjois-Karjalan hyvinvointialue, Siun sote",
     coline="(osatoteuttajina Joensuun kaupunki, Lieksan kaupunki ja Nurmeksen kaupunki)",
     co=["Joensuun kaupunki","Lieksan kaupunki","Nurmeksen kaupunki"],
     name="Pohjois-Karjalan neuvonnan polut", period="1.1.2029–31.12.2030",
     area="Pohjois-Karjala; Joensuu, Lieksa, Nurmes ja Kitee",
     res=[("muni","Joensuu"),("muni","Lieksa"),("muni","Nurmes"),("muni","Kitee")], vague=[],
     desc="Laajennetaan Joensuun neuvontapisteen palvelut etäyhteyksin Lieksaan, Nurmekseen ja Kiteelle, "
          "kehitetään tulkkauksen etäkäyttöä ja järjestetään kuntien työntekijöille yhteisiä tapausneuvotteluja."),
dict(org="Lapin hyvinvointialue", coline=None, co=[],
     name="Pohjoisen pitkät välimatkat – etäneuvonnan kehittäminen", period="1.1.2029-31.12.2030",
     area="Lappi", res=[("region","Lappi")], vague=[],
     desc="Kehitetään koko maakunnan kattava etäneuvonnan palvelu, jossa videoyhteys avataan kunnan "
          "asiointipisteestä maakunnan keskitettyyn neuvontaan; selvitetään kausityöntekijöiden "
          "palvelutarpeet matkailukeskuksissa."),
dict(org="Sastamalan koulutuskuntayhtymä, SASKY", coline=None, co=[],
     name="Opintoihin ohjaava neuvonta", period="1.8.2029–31.7.2031",
     area="Pirkanmaan hva", res=[("hva","PI")], vague=[],
     desc="Liitetään ammatillisen koulutuksen hakeutumisvaiheen ohjaus osaksi maahanmuuttajien "
          "neuvontapalveluja ja kootaan opinto-ohjaajien verkosto."),
dict(org="Jokilaaksojen koulutuskuntayhtymä", coline=None, co=[],
     name="Jokilaaksojen kotoutumisen tukipiste", period="15.1.2029—14.1.2031",
     area="Ylivieskan seutukunta", res=[("sub","Ylivieskan seutukunta")], vague=[],
     desc="Avataan oppilaitoksen yhteyteen matalan kynnyksen tukipiste, jossa neuvotaan asumiseen, "
          "työnhakuun ja perheen palveluihin liittyvissä asioissa, ja tarjotaan iltaisin suomen kielen "
          "keskusteluryhmiä."),
dict(org="Kymenlaakson ja Etelä-Karjalan hyvinvointialueiden yhteistoimintaelin", coline=None, co=[],
     name="Kaakkois-Suomen yhteinen neuvontakeskus", period="1.1.2029–31.12.2030",
     area="Kymenlaakso ja Etelä-Karjala", res=[("region","Kymenlaakso"),("region","Etelä-Karjala")], vague=[],
     desc="Kootaan kahden hyvinvointialueen neuvontapalvelut yhteisen puhelin- ja chat-palvelun alle, "
          "yhtenäistetään palveluohjauksen kriteerit ja tuotetaan neljännesvuosittainen tilannekuva "
          "alueelle muuttaneiden palvelutarpeista."),
dict(org="HUS-yhtymä", coline=None, co=[],
     name="Terveyspalvelujen kielitietoinen ohjaus", period="1.4.2029–31.3.2031",
     area="Vantaan ja Keravan hyvinvointialue", res=[("hva","VK")], vague=[],
     desc="Kehitetään erikoissairaanhoidon ja perustason neuvonnan välistä ohjausta, laaditaan "
          "selkokieliset ohjeet lähetekäytännöistä ja pilotoidaan monikielistä takaisinsoittopalvelua."),
dict(org="Vaasan Seudun Kehitys Oy, VASEK", coline=None, co=[],
     name="Work in Vaasa – asettautumisen tuki", period="1.1.2029–31.12.2030",
     area="Vaasa ympäristökuntineen", res=[("muni","Vaasa")], vague=[],
     desc="Tarjotaan työperäisille muuttajille ja heidän perheilleen asettautumisen neuvontaa yhdessä "
          "alueen yritysten kanssa."),
dict(org="Satakunnan liitto", coline="(osatoteuttajana Satakunnan Yrittäjät ja Kauppakamari ry)",
     co=["Satakunnan Yrittäjät ja Kauppakamari ry"],
     name="Satakunnan osaajat kotiin", period="1.1.2029–31.12.2030",
     area="Porissa", res=[("muni","Pori")], vague=[],
     desc="Perustetaan Porin keskustaan yrityksille ja työntekijöille yhteinen neuvontapiste, jossa "
          "työnantajat saavat tietoa rekrytoinnin lupa-asioista ja työntekijät arjen palveluista; "
          "järjestetään kaksi kertaa vuodessa tulokasmessut."),
dict(org="Kuusiokuntien seutukunta", coline="(osatoteuttajana Lapin liitto, kansainvälisten asioiden yksikkö)",
     co=["Lapin liitto, kansainvälisten asioiden yksikkö"],
     name="Kuusiokuntien kylätalot neuvonnan tukena", period="1.1.2029–31.12.2030",
     area="Alavus, Ähtäri, Kuortane ja Soini",
     res=[("muni","Alavus"),("muni","Ähtäri"),("muni","Kuortane"),("muni","Soini")], vague=[],
     desc="Hyödynnetään kylätaloja ja seurakuntien tiloja neuvonnan paikkoina, koulutetaan vapaaehtoisia "
          "kyläneuvojia ja vertaillaan kokemuksia pohjoisen maaseutukuntien kanssa."),
dict(org="Suomen Kuntaliitto ry", coline=None, co=[],
     name="Kuntien neuvontatyön osaamisverkosto", period="1.1.2029–31.12.2030",
     area="valtakunnallinen", res=[], vague=["valtakunnallinen"],
     desc="Kootaan kuntien ohjaus- ja neuvontatyöntekijöiden valtakunnallinen verkosto, järjestetään "
          "verkkokoulutuksia ja julkaistaan hyvien käytäntöjen kokoelma."),
dict(org="Hämeenlinnan kaupunki",
     coline="(osatoteuttajina Riihimäen kaupunki, Forssan kaupunki ja Janakkalan kunta)",
     co=["Riihimäen kaupunki","Forssan kaupunki","Janakkalan kunta"],
     name="Kanta-Hämeen neuvonnan kokonaisuus", period="1.2.2029–31.1.2031",
     area="Kanta-Häme, koko maakunta", res=[("region","Kanta-Häme")], vague=[],
     desc="Rakennetaan Kanta-Hämeeseen maakunnallinen neuvonnan kokonaisuus, jossa Hämeenlinnan, Riihimäen "
          "ja Forssan neuvontapisteet toimivat yhteisellä palvelulupauksella ja yhteisillä aukioloajoilla; "
          "kartoitetaan ensimmäisen puolen vuoden aikana maakunnan kaikkien kuntien neuvontatarpeet "
          "haastattelemalla asiakkaita, järjestöjä, oppilaitoksia ja työnantajia, laaditaan kartoituksen "
          "pohjalta palvelumuotoiltu toimintamalli ja testataan sitä kolmessa vaiheessa; kehitetään "
          "ajanvarauksetonta pop up -neuvontaa kauppakeskuksissa, kirjastoissa ja työvoimapalveluiden "
          "tiloissa, otetaan käyttöön monikielinen tekstiviestipalvelu muistutuksia ja ohjeita varten, "
          "koulutetaan neuvojia traumatietoiseen kohtaamiseen, digitukeen ja talousneuvontaan, "
          "vahvistetaan yhteistyötä Janakkalan, Hattulan, Hausjärven, Lopen, Tammelan, Jokioisten ja "
          "Ypäjän kanssa siten, että pienten kuntien asukkaat saavat saman palvelun kuin keskuskaupunkien "
          "asukkaat, ja luodaan maakunnallinen seurantamittaristo, jonka tuloksia käsitellään "
          "puolivuosittain kuntien ja hyvinvointialueen yhteisessä ohjausryhmässä; hankkeen lopuksi "
          "laaditaan esitys neuvonnan pysyvästä rahoitus- ja organisointimallista."),
dict(org="Kajaanin kaupunki", coline=None, co=[],
     name="Kainuun kotoutumisen kumppanuus", period="29.2.2028–28.2.2030",
     area="Kainuu (koko alue)", res=[("region","Kainuu")], vague=[],
     desc="Vakiinnutetaan Kajaanin neuvontapisteen palvelut koko Kainuun käyttöön ja sovitaan kuntien "
          "kesken työnjaosta."),
dict(org="Seinäjoen kaupunki", coline=None, co=[],
     name="Etelä-Pohjanmaan tulijan tuki", period="1.1.2029–31.12.2030",
     area="Seinäjoki ja lähikunnat", res=[("muni","Seinäjoki")], vague=[],
     desc="Kehitetään Seinäjoen neuvontaa perhelähtöiseksi: jokaiselle perheelle laaditaan ensimmäisellä "
          "käynnillä lyhyt palvelusuunnitelma, ja lasten varhaiskasvatukseen ja kouluun ilmoittautumisessa "
          "tarjotaan saattajapalvelua."),
dict(org="Inarin kunta", coline=None, co=[],
     name="Pohjoisimman Lapin neuvontapiste", period="1.5.2029–30.4.2031",
     area="Inari, Utsjoki ja pohjoiset kylät", res=[("muni","Inari"),("muni","Utsjoki")], vague=["pohjoiset kylät"],
     desc="Järjestetään kausityöntekijöille neuvontaa matkailusesonkien aikana Ivalossa, Saariselällä ja "
          "Utsjoella sekä tuotetaan ohjeita myös saameksi."),
dict(org="Kokkolan kaupunki – Karleby stad", coline=None, co=[],
     name="Keski-Pohjanmaan monikielinen palveluohjaus", period="1.1.2029–31.12.2030",
     area="Keski-Pohjanmaa; Kokkola, Kannus, Kruunupyy ja Kaustinen",
     res=[("muni","Kokkola"),("muni","Kannus"),("muni","Kruunupyy"),("muni","Kaustinen")], vague=[],
     desc="1.3.–30.6.2029 toteutetaan alueen palvelukartoitus, jonka tulosten perusteella perustetaan "
          "Kokkolaan palveluohjauksen keskus ja Kannukseen sekä Kaustiselle viikoittaiset neuvontapäivät; "
          "kehitetään kaksikielistä viestintää ja tiivistetään yhteistyötä Kruunupyyn kanssa."),
dict(org="Mikkelin kaupunki", coline=None, co=[],
     name="Etelä-Savon neuvontaverkosto", period="1.1.2029–31.12.2030",
     area="Etelä-Savon hyvinvointialue; Mikkeli, Juva ja Mäntyharju",
     res=[("muni","Mikkeli"),("muni","Juva"),("muni","Mäntyharju")], vague=[],
     desc="Vahvistetaan Mikkelin neuvontapisteen roolia alueellisena tukena ja käynnistetään Juvalla ja "
          "Mäntyharjussa kerran viikossa toimiva neuvonta."),
dict(org="Turun kaupunki", coline=None, co=[],
     name="Turun seudun neuvonta ja ohjaus 2029–2030", period="1.1.2029–31.12.2030",
     area="Varsinais-Suomi; Turku, Raisio, Kaarina, Lieto ja Naantali",
     res=[("muni","Turku"),("muni","Raisio"),("muni","Kaarina"),("muni","Lieto"),("muni","Naantali")], vague=[],
     desc="Kehitetään seudullista neuvontaa yhteisellä palvelunumerolla; syksyllä 2029 (1.9.–30.11.2029) "
          "järjestetään kuntien neuvojille yhteinen koulutusjakso ja keväällä 2030 arvioidaan mallin toimivuus "
          "ennen sen vakiinnuttamista 1.1.2031 alkaen."),
dict(org="Iin kunta", coline=None, co=[],
     name="Iin arjen neuvonta", period="1.6.2029–31.5.2030",
     area="Ii", res=[("muni","Ii")], vague=[],
     desc="Neuvontaa kunnantalolla kahtena päivänä viikossa."),
dict(org="Pietarsaaren kaupunki – Jakobstads stad", coline="(osatoteuttajana Pedersöre kommun)",
     co=["Pedersöre kommun"],
     name="Jakobstadsregionens välkomstpunkt", period="1.9.2029–31.8.2031",
     area="Jakobstad, Nykarleby och Pedersöre",
     res=[("muni","Pietarsaari"),("muni","Uusikaarlepyy"),("muni","Pedersören kunta")], vague=[],
     desc="Kehitetään Pietarsaaren seudun tervetulopistettä kolmikieliseksi palveluksi, jossa neuvontaa "
          "annetaan ruotsiksi, suomeksi ja englanniksi, ja laajennetaan palvelua Uusikaarlepyyhyn ja "
          "Pedersöreen liikkuvana neuvontana."),
]
