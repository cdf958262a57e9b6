"""Fact sheets of the invented newswire stories, families 5-8 (see README.md).

Every name, place, number and quote here is invented for the project.
"""

from __future__ import annotations

FAMILIES_B: list[dict] = [
    {
        "family": "brennic-pharma",
        "city_en": "BASEL",
        "city_de": "Basel",
        "background_en": [
            "Brennic Pharma is a mid-sized Swiss drugmaker with sales of about 14 billion "
            "francs, focused on neurology and vaccines.",
            "The company's pipeline has disappointed investors since a late-stage failure in 2024.",
            "Brennic is led by chief executive Miriam Achterberg.",
        ],
        "background_de": [
            "Brennic Pharma ist ein mittelgroßer Schweizer Arzneimittelhersteller mit "
            "Schwerpunkt Neurologie und Impfstoffe.",
            "Geführt wird der Konzern von Miriam Achterberg.",
        ],
        "stories": [
            {
                "date": "2026-01-22",
                "heads_en": [
                    "Brennic's Alzheimer's drug lorvanemab wins EU approval",
                    "EU regulator backs Brennic's lorvanemab with safety limits",
                    "Brennic shares soar on Alzheimer's approval",
                ],
                "heads_de": [
                    "EU lässt Alzheimer-Mittel von Brennic zu",
                    "Lorvanemab: Zulassung mit strengen Auflagen",
                ],
                "facts_en": [
                    "The European Commission approved Brennic Pharma's Alzheimer's antibody "
                    "lorvanemab for patients with early-stage disease.",
                    "In the main trial the drug slowed cognitive decline by 29 percent over "
                    "18 months compared with placebo.",
                    "Patients must have regular brain scans because of a risk of swelling "
                    "and micro-bleeds.",
                    "Brennic did not disclose a price but analysts expect about 20,000 "
                    "euros a year.",
                    "Shares rose 11 percent in Zurich.",
                ],
                "facts_de": [
                    "Die EU-Kommission hat den Antikörper Lorvanemab gegen Alzheimer im "
                    "Frühstadium zugelassen.",
                    "In der Zulassungsstudie bremste das Mittel den geistigen Abbau um 29 Prozent.",
                    "Wegen der Gefahr von Hirnschwellungen sind regelmäßige MRT-Kontrollen "
                    "Pflicht.",
                    "Die Brennic-Aktie legte kräftig zu.",
                ],
                "quotes_en": [
                    (
                        "For the first time families have something real to hope for",
                        "Miriam Achterberg",
                    ),
                    (
                        "The benefit is modest and the monitoring burden is heavy",
                        "neurologist Paul Verhoeven",
                    ),
                ],
                "quotes_de": [
                    ("Der Nutzen ist bescheiden, der Aufwand groß", "Neurologe Paul Verhoeven"),
                ],
            },
            {
                "date": "2026-02-26",
                "heads_en": [
                    "Brennic recalls 2 million flu vaccine doses over contamination",
                    "Brennic pulls batches of Fluvera vaccine after sterility failure",
                    "Vaccine recall adds to Brennic's manufacturing woes",
                ],
                "heads_de": [
                    "Brennic ruft Grippeimpfstoff Fluvera zurück",
                    "Verunreinigung: Zwei Millionen Impfdosen betroffen",
                ],
                "facts_en": [
                    "Brennic Pharma is recalling about 2 million doses of its Fluvera flu "
                    "vaccine after a sterility test failed at its plant in Visp.",
                    "The affected batches were shipped to Germany, Austria and Poland.",
                    "Health authorities said there were no reports of harm to patients.",
                    "The company has halted production at the filling line concerned.",
                    "Brennic expects a charge of about 90 million francs.",
                ],
                "facts_de": [
                    "Nach einem fehlgeschlagenen Sterilitätstest im Werk Visp ruft Brennic "
                    "rund zwei Millionen Dosen Fluvera zurück.",
                    "Betroffen sind Chargen, die nach Deutschland, Österreich und Polen "
                    "geliefert wurden.",
                    "Schäden bei Geimpften sind den Behörden nicht bekannt.",
                    "Die Abfülllinie steht still.",
                ],
                "quotes_en": [
                    (
                        "We are acting out of an abundance of caution",
                        "Brennic spokesman Felix Aebi",
                    ),
                ],
                "quotes_de": [
                    ("Wir handeln aus reiner Vorsicht", "Sprecher Felix Aebi"),
                ],
            },
            {
                "date": "2026-04-02",
                "heads_en": [
                    "Brennic to close Visp plant, cutting 1,100 jobs",
                    "Brennic restructuring: Visp factory to shut by 2028",
                    "Swiss town reels as Brennic announces plant closure",
                ],
                "heads_de": [
                    "Brennic schließt Werk in Visp: 1100 Stellen fallen weg",
                    "Schock im Wallis: Brennic gibt Standort auf",
                ],
                "facts_en": [
                    "Brennic Pharma will close its vaccine plant in Visp by 2028, eliminating "
                    "about 1,100 jobs.",
                    "Production will move to a new facility near Lyon.",
                    "The company said the Visp site was too old to upgrade economically "
                    "after this year's recall.",
                    "The cantonal government called the decision a heavy blow for the region.",
                    "Brennic will offer early retirement and relocation packages.",
                ],
                "facts_de": [
                    "Bis 2028 gibt Brennic das Impfstoffwerk in Visp auf.",
                    "Rund 1100 Arbeitsplätze gehen verloren, die Produktion wandert nach "
                    "Frankreich.",
                    "Die Kantonsregierung spricht von einem schweren Schlag für das Wallis.",
                    "Nach dem Rückruf sei eine Modernisierung zu teuer, so der Konzern.",
                ],
                "quotes_en": [
                    ("This was the hardest decision of my time at Brennic", "Miriam Achterberg"),
                ],
                "quotes_de": [
                    ("Für Visp ist das eine Katastrophe", "Gemeindepräsident Beat Imboden"),
                ],
            },
        ],
    },
    {
        "family": "castell-motors",
        "city_en": "STUTTGART",
        "city_de": "Stuttgart",
        "background_en": [
            "Castell Motors is a German carmaker that sold 2.3 million vehicles last year.",
            "The group is racing to catch up with rivals in electric cars.",
            "Chief executive Rainer Kolb took over in 2023.",
        ],
        "background_de": [
            "Castell Motors verkaufte im vergangenen Jahr 2,3 Millionen Fahrzeuge.",
            "Beim Elektroauto hinkt der Konzern der Konkurrenz hinterher.",
        ],
        "stories": [
            {
                "date": "2026-01-16",
                "heads_en": [
                    "Castell Motors picks Saxony for 3 billion euro battery plant",
                    "Castell to build battery cell factory in Zwickau",
                    "Subsidies sweeten Castell's battery plant decision",
                ],
                "heads_de": [
                    "Castell baut Batteriezellfabrik in Zwickau",
                    "Drei Milliarden für Sachsen: Castell setzt auf eigene Zellen",
                ],
                "facts_en": [
                    "Castell Motors will build a battery cell plant in Zwickau, Saxony, "
                    "investing about 3 billion euros.",
                    "The plant is to produce cells for 500,000 cars a year from 2028.",
                    "The federal and state governments will contribute 650 million euros "
                    "in subsidies.",
                    "About 2,500 jobs are planned.",
                    "Castell had also considered sites in Hungary and Spain.",
                ],
                "facts_de": [
                    "Castell Motors errichtet in Zwickau eine Fabrik für Batteriezellen.",
                    "Investiert werden rund drei Milliarden Euro, Bund und Land steuern "
                    "650 Millionen bei.",
                    "Ab 2028 sollen Zellen für eine halbe Million Autos im Jahr vom Band laufen.",
                    "Es entstehen etwa 2500 Arbeitsplätze.",
                ],
                "quotes_en": [
                    ("Whoever controls the cell controls the car", "Rainer Kolb"),
                ],
                "quotes_de": [
                    ("Wer die Zelle beherrscht, beherrscht das Auto", "Rainer Kolb"),
                ],
            },
            {
                "date": "2026-02-19",
                "heads_en": [
                    "Castell recalls 410,000 cars over brake hose defect",
                    "Brake problem forces Castell into global recall",
                    "Castell recall hits best-selling Vela SUV",
                ],
                "heads_de": [
                    "Castell ruft 410.000 Autos wegen Bremsproblemen zurück",
                    "Rückruf beim Vela: Bremsschläuche können reißen",
                ],
                "facts_en": [
                    "Castell Motors is recalling about 410,000 vehicles worldwide because "
                    "brake hoses may crack in cold weather.",
                    "Most of the cars are Vela SUVs built between 2023 and 2025.",
                    "The company knows of 14 incidents but no injuries.",
                    "Dealers will replace the hoses free of charge in about an hour.",
                    "The recall will cost an estimated 180 million euros.",
                ],
                "facts_de": [
                    "Wegen möglicherweise rissiger Bremsschläuche holt Castell weltweit "
                    "410.000 Fahrzeuge in die Werkstätten.",
                    "Betroffen ist vor allem der Vela aus den Baujahren 2023 bis 2025.",
                    "Verletzte gab es nach Firmenangaben nicht.",
                    "Die Reparatur dauert etwa eine Stunde.",
                ],
                "quotes_en": [
                    (
                        "Customers can keep driving but should have the check done soon",
                        "Castell spokeswoman Anja Feld",
                    ),
                ],
                "quotes_de": [
                    ("Niemand muss sein Auto stehen lassen", "Sprecherin Anja Feld"),
                ],
            },
            {
                "date": "2026-03-19",
                "heads_en": [
                    "Prosecutors raid Castell headquarters in emissions software probe",
                    "Castell's Kolb under investigation over test manipulation",
                    "Castell shares tumble after raid",
                ],
                "heads_de": [
                    "Razzia bei Castell: Ermittlungen wegen Abgassoftware",
                    "Staatsanwaltschaft ermittelt gegen Castell-Chef Kolb",
                ],
                "facts_en": [
                    "Prosecutors searched Castell Motors' headquarters in Stuttgart on "
                    "Thursday in an investigation into software that allegedly altered "
                    "range tests of electric cars.",
                    "Chief executive Rainer Kolb is among eleven suspects.",
                    "Investigators suspect that range figures were inflated by up to 12 "
                    "percent in certification tests.",
                    "Castell said it was cooperating fully and rejected the allegations.",
                    "The company's shares fell 9 percent, their steepest drop in two years.",
                ],
                "facts_de": [
                    "Mit rund 80 Beamten durchsuchte die Staatsanwaltschaft die "
                    "Castell-Zentrale in Stuttgart.",
                    "Es geht um Software, die Reichweitenmessungen von Elektroautos "
                    "geschönt haben soll.",
                    "Auch gegen Vorstandschef Rainer Kolb wird ermittelt.",
                    "Castell weist die Vorwürfe zurück.",
                ],
                "quotes_en": [
                    ("We have nothing to hide", "Rainer Kolb"),
                ],
                "quotes_de": [
                    ("Wir haben nichts zu verbergen", "Rainer Kolb"),
                ],
            },
        ],
    },
    {
        "family": "oberlinz-weather",
        "city_en": "OBERLINZ",
        "city_de": "Oberlinz",
        "background_en": [
            "The Oberlinz region, in the Alpine foothills, has seen three severe weather "
            "disasters in the past decade.",
            "Climate scientists say extreme rainfall events there have become more frequent.",
            "Regional governor Katrin Mayrhofer faces an election in the autumn.",
        ],
        "background_de": [
            "Das Alpenvorland um Oberlinz wurde in den vergangenen zehn Jahren mehrfach von "
            "Unwettern heimgesucht.",
            "Landeshauptfrau Katrin Mayrhofer muss sich im Herbst einer Wahl stellen.",
        ],
        "stories": [
            {
                "date": "2026-05-12",
                "heads_en": [
                    "Floods in Oberlinz kill four, thousands evacuated",
                    "River Salm bursts its banks as torrential rain hits Oberlinz",
                    "Army deployed as Oberlinz flood waters rise",
                ],
                "heads_de": [
                    "Hochwasser in Oberlinz: Vier Tote, Tausende evakuiert",
                    "Die Salm tritt über die Ufer",
                ],
                "facts_en": [
                    "Four people died and about 6,000 were evacuated after the River Salm "
                    "flooded parts of Oberlinz following two days of torrential rain.",
                    "Up to 180 litres of rain per square metre fell in 48 hours.",
                    "The army sent 900 soldiers to fill sandbags and rescue residents.",
                    "Rail services between Oberlinz and the capital were suspended.",
                    "Forecasters expect the river to peak on Wednesday night.",
                ],
                "facts_de": [
                    "Nach tagelangem Starkregen ist die Salm über die Ufer getreten.",
                    "Vier Menschen kamen ums Leben, rund 6000 mussten ihre Häuser verlassen.",
                    "Das Bundesheer ist mit 900 Soldaten im Einsatz.",
                    "Der Bahnverkehr in die Hauptstadt ist unterbrochen.",
                ],
                "quotes_en": [
                    ("We have never seen the Salm this high", "fire chief Stefan Gruber"),
                ],
                "quotes_de": [
                    ("So hoch stand die Salm noch nie", "Feuerwehrkommandant Stefan Gruber"),
                ],
            },
            {
                "date": "2026-07-21",
                "heads_en": [
                    "Forest fire near Oberlinz forces evacuation of three villages",
                    "Wildfire rages in Oberlinz hills amid record heat",
                    "Firefighters gain ground on Oberlinz forest blaze",
                ],
                "heads_de": [
                    "Waldbrand bei Oberlinz: Drei Dörfer geräumt",
                    "Hitze und Trockenheit: Feuer wütet im Alpenvorland",
                ],
                "facts_en": [
                    "A forest fire in the hills north of Oberlinz has burned about 1,200 "
                    "hectares and forced the evacuation of three villages.",
                    "Temperatures reached a record 38.4 degrees Celsius on Sunday.",
                    "Helicopters from two neighbouring countries joined the firefighting.",
                    "Police are investigating whether the fire was started by a discarded "
                    "barbecue.",
                    "No injuries have been reported.",
                ],
                "facts_de": [
                    "Rund 1200 Hektar Wald stehen nördlich von Oberlinz in Flammen.",
                    "Drei Dörfer wurden vorsorglich geräumt.",
                    "Löschhubschrauber aus den Nachbarländern helfen aus.",
                    "Die Polizei vermutet einen Grillplatz als Brandherd.",
                ],
                "quotes_en": [
                    ("The forest is as dry as tinder", "forestry official Maria Leitner"),
                ],
                "quotes_de": [
                    ("Der Wald ist staubtrocken", "Försterin Maria Leitner"),
                ],
            },
            {
                "date": "2026-09-03",
                "heads_en": [
                    "Oberlinz unveils 800 million euro flood defence plan",
                    "After deadly floods, Oberlinz to build retention basins",
                    "Mayrhofer promises flood protection before election",
                ],
                "heads_de": [
                    "800 Millionen Euro für den Hochwasserschutz in Oberlinz",
                    "Nach der Flut: Rückhaltebecken an der Salm geplant",
                ],
                "facts_en": [
                    "The Oberlinz regional government presented an 800 million euro plan "
                    "to protect towns along the River Salm from floods.",
                    "The plan includes six retention basins and higher embankments.",
                    "About 140 homes in the most exposed areas will be bought and demolished.",
                    "Work is to be completed by 2034.",
                    "Environmental groups welcomed the basins but criticised new concrete walls.",
                ],
                "facts_de": [
                    "Die Landesregierung will 800 Millionen Euro in den Hochwasserschutz "
                    "an der Salm stecken.",
                    "Geplant sind sechs Rückhaltebecken und höhere Dämme.",
                    "Rund 140 Häuser in besonders gefährdeten Lagen sollen abgelöst werden.",
                    "Bis 2034 soll alles fertig sein.",
                ],
                "quotes_en": [
                    ("Never again should families here lose everything", "Katrin Mayrhofer"),
                ],
                "quotes_de": [
                    ("Nie wieder sollen Familien hier alles verlieren", "Katrin Mayrhofer"),
                ],
            },
        ],
    },
    {
        "family": "fc-almbruck",
        "city_en": "ALMBRUCK",
        "city_de": "Almbruck",
        "background_en": [
            "FC Almbruck won the league title three times in the 1990s but has not "
            "lifted a trophy since 2011.",
            "The club is owned by a consortium led by businessman Viktor Haller.",
            "Almbruck plays at the 48,000-seat Talstadion.",
        ],
        "background_de": [
            "Der FC Almbruck war in den Neunzigern dreimal Meister, wartet aber seit 2011 "
            "auf einen Titel.",
            "Der Klub gehört einem Konsortium um den Unternehmer Viktor Haller.",
        ],
        "stories": [
            {
                "date": "2026-02-09",
                "heads_en": [
                    "FC Almbruck sack coach Marco Zenner after five straight defeats",
                    "Almbruck part ways with Zenner, name Ruiz interim coach",
                    "Zenner out as Almbruck slide towards relegation zone",
                ],
                "heads_de": [
                    "FC Almbruck trennt sich von Trainer Zenner",
                    "Nach fünf Pleiten: Zenner muss gehen",
                ],
                "facts_en": [
                    "FC Almbruck dismissed coach Marco Zenner on Sunday after a fifth "
                    "consecutive league defeat, a 0-3 loss at home to Rotenfels.",
                    "The club is 15th in the table, two points above the relegation places.",
                    "Assistant coach Pablo Ruiz will take charge until the end of the season.",
                    "Zenner had signed a contract extension to 2028 only in November.",
                    "Fans had chanted against the coach during the match.",
                ],
                "facts_de": [
                    "Nach der fünften Niederlage in Serie ist Marco Zenner beim FC Almbruck "
                    "entlassen worden.",
                    "Das 0:3 gegen Rotenfels war der Tiefpunkt.",
                    "Co-Trainer Pablo Ruiz übernimmt bis Saisonende.",
                    "Die Mannschaft liegt nur zwei Punkte vor den Abstiegsrängen.",
                ],
                "quotes_en": [
                    ("We needed a new impulse", "sporting director Lukas Brandt"),
                ],
                "quotes_de": [
                    ("Wir brauchten einen neuen Impuls", "Sportdirektor Lukas Brandt"),
                ],
            },
            {
                "date": "2026-06-30",
                "heads_en": [
                    "Almbruck sell striker Tiago Mensah for club-record 62 million euros",
                    "Mensah leaves Almbruck in record transfer",
                    "Record sale gives Almbruck room to rebuild",
                ],
                "heads_de": [
                    "Rekordtransfer: Mensah verlässt Almbruck für 62 Millionen",
                    "Almbruck kassiert für Mensah so viel wie nie",
                ],
                "facts_en": [
                    "FC Almbruck agreed to sell striker Tiago Mensah to an English club for "
                    "a club-record fee of 62 million euros plus bonuses.",
                    "Mensah, 22, scored 19 league goals last season.",
                    "Almbruck bought him from a Portuguese club for 4 million euros three "
                    "years ago.",
                    "The club said part of the money would go to renovating the Talstadion.",
                ],
                "facts_de": [
                    "Für 62 Millionen Euro plus Prämien wechselt Stürmer Tiago Mensah nach "
                    "England.",
                    "Der 22-Jährige traf in der vergangenen Saison 19-mal.",
                    "Vor drei Jahren hatte Almbruck nur vier Millionen für ihn bezahlt.",
                ],
                "quotes_en": [
                    ("It breaks my heart, but the offer was too good to refuse", "Viktor Haller"),
                ],
                "quotes_de": [
                    ("Das Angebot konnten wir nicht ablehnen", "Viktor Haller"),
                ],
            },
            {
                "date": "2026-09-28",
                "heads_en": [
                    "Almbruck derby halted after fans throw flares onto pitch",
                    "League opens case after Talstadion crowd trouble",
                    "Police arrest 27 after violence at Almbruck derby",
                ],
                "heads_de": [
                    "Derby in Almbruck nach Pyro-Würfen unterbrochen",
                    "Krawalle im Talstadion: 27 Festnahmen",
                ],
                "facts_en": [
                    "The derby between FC Almbruck and SV Rotenfels was halted for 25 "
                    "minutes after fans threw flares onto the pitch.",
                    "Police arrested 27 people and eleven were treated for minor injuries.",
                    "The league has opened disciplinary proceedings against both clubs.",
                    "Almbruck could face a partial stadium closure.",
                    "The match ended 2-2.",
                ],
                "facts_de": [
                    "Nach Würfen von Bengalos auf den Rasen musste das Derby zwischen "
                    "Almbruck und Rotenfels 25 Minuten unterbrochen werden.",
                    "Die Polizei nahm 27 Personen fest.",
                    "Der Liga droht beiden Klubs mit Strafen, Almbruck womöglich eine "
                    "Teilsperrung.",
                    "Sportlich endete die Partie 2:2.",
                ],
                "quotes_en": [
                    ("These people are not fans, they are criminals", "Viktor Haller"),
                ],
                "quotes_de": [
                    ("Das sind keine Fans, das sind Kriminelle", "Viktor Haller"),
                ],
            },
        ],
    },
]
