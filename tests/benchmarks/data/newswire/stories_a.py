"""Fact sheets of the invented newswire stories, families 1-4 (see README.md).

Every name, place, number and quote here is invented for the project. Each story has its
own English and German sentences, written separately (the German is not a translation of
the English: other details, other order, other emphasis).
"""

from __future__ import annotations

FAMILIES_A: list[dict] = [
    {
        "family": "valdoria-bank",
        "city_en": "VALDORA",
        "city_de": "Valdora",
        "background_en": [
            "Valdoria, a country of nine million people, has struggled with inflation "
            "since the energy shock two years ago.",
            "The Central Bank of Valdoria, led by Governor Ilse Markovan since 2021, sets "
            "policy for the valdor, which is loosely pegged to the euro.",
            "Economists have long criticised the bank for reacting late to price pressures.",
            "Valdoria's economy grew 0.8 percent last year, well below the regional average.",
        ],
        "background_de": [
            "Valdoria mit seinen neun Millionen Einwohnern kämpft seit dem Energieschock "
            "vor zwei Jahren mit hoher Teuerung.",
            "Die Notenbank des Landes wird seit 2021 von Ilse Markovan geführt; der Valdor "
            "ist lose an den Euro gebunden.",
            "Kritiker werfen der Zentralbank seit langem vor, zu zögerlich zu handeln.",
        ],
        "stories": [
            {
                "date": "2026-01-14",
                "heads_en": [
                    "Valdoria central bank raises rates by 75 basis points, most since 2008",
                    "Valdorian rates jump to 6.25% as bank fights sticky inflation",
                    "Markovan defends outsized hike, says more may be needed",
                ],
                "heads_de": [
                    "Valdorias Notenbank erhöht Leitzins kräftig auf 6,25 Prozent",
                    "Zinsschritt in Valdora überrascht Anleger: Valdor legt zu",
                ],
                "facts_en": [
                    "The Central Bank of Valdoria raised its benchmark rate by 75 basis "
                    "points to 6.25 percent on Wednesday, its biggest increase since 2008.",
                    "Most economists polled before the meeting had expected a quarter-point move.",
                    "The valdor strengthened 1.4 percent against the euro after the decision.",
                    "Inflation stood at 7.9 percent in December, driven by rents and food.",
                    "Two of the seven board members voted for a smaller increase of 50 "
                    "basis points.",
                    "Government bond yields with two years to run rose 30 basis points.",
                ],
                "facts_de": [
                    "Um 0,75 Prozentpunkte auf 6,25 Prozent hat die Notenbank von Valdoria "
                    "den Leitzins angehoben.",
                    "Mit einem so großen Schritt hatten an den Märkten nur wenige gerechnet; "
                    "erwartet worden war ein Viertelpunkt.",
                    "Die Teuerung lag im Dezember bei 7,9 Prozent, vor allem Mieten und "
                    "Lebensmittel wurden teurer.",
                    "Der Valdor gewann nach der Entscheidung deutlich an Wert.",
                    "Im siebenköpfigen Direktorium stimmten zwei Mitglieder für einen "
                    "kleineren Schritt.",
                ],
                "quotes_en": [
                    ("We would rather act too early than too late this time", "Markovan"),
                    (
                        "It is a shock-and-awe move that buys credibility",
                        "Petra Lindholm, chief economist at Sorvik Bank",
                    ),
                ],
                "quotes_de": [
                    ("Wir handeln diesmal lieber zu früh als zu spät", "Markovan"),
                    (
                        "Das verschafft der Notenbank Glaubwürdigkeit, kostet aber Wachstum",
                        "Volkswirt Jens Aaberg",
                    ),
                ],
            },
            {
                "date": "2026-02-23",
                "heads_en": [
                    "Valdoria central bank governor Markovan resigns over expenses probe",
                    "Valdoria's Markovan quits; deputy Tarek Osmani takes interim helm",
                    "Governor exit rattles Valdorian markets, valdor slides",
                ],
                "heads_de": [
                    "Notenbankchefin Markovan tritt nach Spesenaffäre zurück",
                    "Rücktritt in Valdora: Osmani führt Zentralbank vorerst",
                ],
                "facts_en": [
                    "Ilse Markovan resigned as governor of the Central Bank of Valdoria on "
                    "Monday, days after prosecutors opened an inquiry into her travel "
                    "expenses.",
                    "Deputy governor Tarek Osmani will lead the bank until parliament "
                    "confirms a successor.",
                    "The probe concerns about 180,000 valdors in flights and hotel bills "
                    "charged to the bank between 2022 and 2025.",
                    "Markovan denied wrongdoing and said she was leaving to protect the "
                    "institution.",
                    "The valdor fell 0.9 percent against the euro in early trading.",
                    "Finance Minister Aron Belic said the government would propose a "
                    "candidate within a month.",
                ],
                "facts_de": [
                    "Ilse Markovan hat ihr Amt an der Spitze der Zentralbank niedergelegt.",
                    "Die Staatsanwaltschaft prüft, ob Flüge und Hotelrechnungen über rund "
                    "180.000 Valdor zu Unrecht abgerechnet wurden.",
                    "Bis das Parlament eine Nachfolge bestätigt, übernimmt Vizegouverneur "
                    "Tarek Osmani die Geschäfte.",
                    "Markovan bestreitet jedes Fehlverhalten.",
                    "Finanzminister Aron Belic kündigte einen Vorschlag binnen eines Monats an.",
                ],
                "quotes_en": [
                    ("I am stepping aside so that the bank is not dragged into this", "Markovan"),
                    ("The timing could hardly be worse for monetary policy", "Aron Belic"),
                ],
                "quotes_de": [
                    ("Ich trete zurück, damit die Bank keinen Schaden nimmt", "Markovan"),
                    ("Die Märkte brauchen jetzt schnell Klarheit", "Ökonomin Sanna Riis"),
                ],
            },
            {
                "date": "2026-04-08",
                "heads_en": [
                    "Valdoria launches emergency bond-buying scheme as yields spike",
                    "Central Bank of Valdoria to buy up to 12 billion valdors of debt",
                    "Osmani's first big test: bank steps into bond market rout",
                ],
                "heads_de": [
                    "Valdoria stemmt sich mit Anleihekäufen gegen Zinsanstieg",
                    "Zentralbank kauft Staatsanleihen für bis zu zwölf Milliarden Valdor",
                ],
                "facts_en": [
                    "The Central Bank of Valdoria said on Wednesday it would buy up to 12 "
                    "billion valdors of government bonds over three months.",
                    "Ten-year yields had climbed above 9 percent after a failed debt auction "
                    "last week.",
                    "Interim governor Tarek Osmani called the purchases temporary and targeted.",
                    "Yields fell 80 basis points within an hour of the announcement.",
                    "The bank said the purchases would not be financed by cutting its "
                    "currency reserves.",
                    "Opposition lawmakers accused the bank of financing the budget deficit.",
                ],
                "facts_de": [
                    "Für bis zu zwölf Milliarden Valdor will die Zentralbank in den "
                    "kommenden drei Monaten Staatsanleihen erwerben.",
                    "Nach einer gescheiterten Auktion war die Rendite zehnjähriger Papiere "
                    "über neun Prozent gestiegen.",
                    "Binnen einer Stunde sank die Rendite um 0,8 Prozentpunkte.",
                    "Die Opposition spricht von verdeckter Staatsfinanzierung.",
                ],
                "quotes_en": [
                    ("This is a backstop for a market that stopped working", "Osmani"),
                    (
                        "Once you start buying, stopping is the hard part",
                        "bond strategist Mikael Ström",
                    ),
                ],
                "quotes_de": [
                    ("Der Markt hat schlicht nicht mehr funktioniert", "Osmani"),
                    ("Das ist Geldpolitik im Notfallmodus", "Anleiheexperte Mikael Ström"),
                ],
            },
        ],
    },
    {
        "family": "kessling-port",
        "city_en": "KESSLING",
        "city_de": "Kessling",
        "background_en": [
            "Kessling is the busiest container port on the North Sea coast after "
            "Rotterdam and Antwerp, handling about 9 million containers a year.",
            "The port is run by Kessling Port Authority, and its largest terminal operator "
            "is Hafenbund Logistics.",
            "Shipping lines have complained for years about congestion at the port's "
            "outer terminals.",
        ],
        "background_de": [
            "Kessling ist nach Rotterdam und Antwerpen der größte Containerhafen an der "
            "Nordsee und schlägt rund neun Millionen Container im Jahr um.",
            "Größter Terminalbetreiber ist Hafenbund Logistics.",
            "Reedereien klagen seit Jahren über Staus an den Außenterminals.",
        ],
        "stories": [
            {
                "date": "2026-01-20",
                "heads_en": [
                    "Kessling dockworkers strike over automation, halting container traffic",
                    "Port of Kessling at standstill as union walks out for 48 hours",
                    "Ships queue off Kessling as dock strike bites",
                ],
                "heads_de": [
                    "Streik legt Containerhafen Kessling lahm",
                    "Hafenarbeiter in Kessling legen für 48 Stunden die Arbeit nieder",
                ],
                "facts_en": [
                    "About 4,000 dockworkers at the Port of Kessling walked off the job on "
                    "Tuesday in a 48-hour strike called by the Dockers' Union.",
                    "The union is protesting plans by Hafenbund Logistics to introduce "
                    "driverless straddle carriers at two terminals.",
                    "At least 23 container ships were waiting at anchor by Tuesday evening.",
                    "The union wants a guarantee of no compulsory redundancies until 2032.",
                    "Hafenbund said automation was needed to stay competitive and offered "
                    "retraining for affected staff.",
                    "Freight forwarders warned of delays of up to a week for inland deliveries.",
                ],
                "facts_de": [
                    "Seit Dienstagmorgen steht im Hafen von Kessling fast alles still.",
                    "Die Gewerkschaft der Hafenarbeiter hat rund 4000 Beschäftigte zu einem "
                    "48-stündigen Ausstand aufgerufen.",
                    "Hintergrund sind Pläne von Hafenbund Logistics, fahrerlose "
                    "Portalhubwagen einzusetzen.",
                    "Vor der Küste warteten am Abend mehr als 20 Containerschiffe.",
                    "Die Gewerkschaft fordert einen Kündigungsschutz bis 2032.",
                ],
                "quotes_en": [
                    ("Robots do not pay taxes in this town", "union leader Greta Holm"),
                    (
                        "We cannot run a 2030 port with 1990 equipment",
                        "Hafenbund chief executive Lars Evert",
                    ),
                ],
                "quotes_de": [
                    ("Roboter zahlen hier keine Steuern", "Gewerkschaftschefin Greta Holm"),
                    (
                        "Ohne Automatisierung verlieren wir Ladung an die Konkurrenz",
                        "Hafenbund-Chef Lars Evert",
                    ),
                ],
            },
            {
                "date": "2026-02-11",
                "heads_en": [
                    "Container ship runs aground in Kessling channel, blocking port access",
                    "Salvage teams race to refloat stranded Meridian Star at Kessling",
                    "Kessling port reopens after grounded vessel is towed free",
                ],
                "heads_de": [
                    "Frachter auf Grund gelaufen: Zufahrt nach Kessling blockiert",
                    "Bergung der Meridian Star in Kessling dauert an",
                ],
                "facts_en": [
                    "The 366-metre container ship Meridian Star ran aground in the Kessling "
                    "approach channel early on Wednesday after a steering failure.",
                    "The vessel, carrying about 13,000 containers, blocked the channel for "
                    "ships in both directions.",
                    "Four tugs and a dredger were working to free the ship at high tide.",
                    "No one was injured and no fuel leaked, the coast guard said.",
                    "The ship was refloated on Thursday night after about 40 hours.",
                    "Around 60 vessels were delayed, according to ship-tracking data.",
                ],
                "facts_de": [
                    "Nach einem Ruderschaden ist die 366 Meter lange Meridian Star in der "
                    "Zufahrt zum Hafen Kessling auf Grund gelaufen.",
                    "Das Schiff hat rund 13.000 Container geladen.",
                    "Schlepper und ein Baggerschiff versuchten, den Frachter bei Flut "
                    "freizubekommen.",
                    "Verletzt wurde nach Angaben der Küstenwache niemand, Öl trat nicht aus.",
                ],
                "quotes_en": [
                    (
                        "The channel is narrow and the margin for error is small",
                        "harbour master Joost Wieland",
                    ),
                ],
                "quotes_de": [
                    ("Wir arbeiten mit jeder Flut weiter", "Hafenkapitän Joost Wieland"),
                ],
            },
            {
                "date": "2026-03-30",
                "heads_en": [
                    "Kessling port strikes automation deal with union, ending dispute",
                    "Hafenbund and dockers agree job guarantee in exchange for robots",
                    "Kessling labour peace: what the automation pact means for shippers",
                ],
                "heads_de": [
                    "Einigung im Hafen Kessling: Jobgarantie gegen Automatisierung",
                    "Hafenbund und Gewerkschaft beenden Tarifstreit",
                ],
                "facts_en": [
                    "Hafenbund Logistics and the Dockers' Union signed an agreement on "
                    "Monday that allows automated straddle carriers at two terminals.",
                    "In return, no dockworker will be laid off for automation before 2031.",
                    "Workers will receive a one-off payment of 3,500 euros and a 4.2 percent "
                    "pay rise.",
                    "Members approved the deal in a ballot with 71 percent in favour.",
                    "The first driverless vehicles are due to start running in autumn.",
                ],
                "facts_de": [
                    "Nach monatelangem Streit haben sich Hafenbund Logistics und die "
                    "Gewerkschaft geeinigt.",
                    "Automatisierungsbedingte Kündigungen sind bis 2031 ausgeschlossen.",
                    "Die Beschäftigten erhalten 4,2 Prozent mehr Lohn und eine Einmalzahlung.",
                    "In einer Urabstimmung stimmten 71 Prozent der Mitglieder zu.",
                    "Im Herbst sollen die ersten fahrerlosen Fahrzeuge rollen.",
                ],
                "quotes_en": [
                    ("Nobody got everything, but everybody keeps a job", "Greta Holm"),
                ],
                "quotes_de": [
                    ("Ein fairer Kompromiss für beide Seiten", "Lars Evert"),
                ],
            },
        ],
    },
    {
        "family": "aerona",
        "city_en": "FRANKFURT",
        "city_de": "Frankfurt",
        "background_en": [
            "Aerona, founded in 1962, is Europe's fifth-largest airline group by passengers.",
            "The carrier has been cutting costs since it returned to profit in 2024.",
            "Aerona flies about 340 aircraft and employs 41,000 people.",
        ],
        "background_de": [
            "Aerona ist gemessen an den Passagierzahlen die fünftgrößte Airline-Gruppe Europas.",
            "Die Fluggesellschaft beschäftigt rund 41.000 Menschen.",
        ],
        "stories": [
            {
                "date": "2026-01-27",
                "heads_en": [
                    "Aerona pilots strike, grounding hundreds of flights",
                    "Aerona cancels 800 flights as pilots walk out over pensions",
                    "Travel chaos as Aerona pilots' union stages one-day strike",
                ],
                "heads_de": [
                    "Pilotenstreik bei Aerona: Hunderte Flüge fallen aus",
                    "Aerona-Piloten streiken um ihre Betriebsrenten",
                ],
                "facts_en": [
                    "Aerona cancelled about 800 flights on Thursday as pilots went on strike "
                    "in a dispute over company pensions.",
                    "Around 110,000 passengers were affected, mostly on European routes.",
                    "The Cockpit Alliance union wants Aerona to restore a defined-benefit "
                    "scheme closed to new pilots in 2019.",
                    "Aerona called the strike disproportionate and said it had offered a "
                    "higher contribution to the new plan.",
                    "Long-haul flights operated by the subsidiary AeronaConnect were not affected.",
                ],
                "facts_de": [
                    "Wegen eines Streiks der Piloten hat Aerona etwa 800 Verbindungen gestrichen.",
                    "Rund 110.000 Reisende mussten umplanen.",
                    "Die Vereinigung Cockpit Alliance verlangt die Rückkehr zur alten "
                    "Betriebsrente.",
                    "Das Unternehmen nannte den Ausstand unverhältnismäßig.",
                ],
                "quotes_en": [
                    (
                        "Our members have been patient for five years",
                        "Cockpit Alliance spokesman Daniel Roth",
                    ),
                    (
                        "This strike hurts our customers, not the management",
                        "Aerona spokeswoman Clara Weiss",
                    ),
                ],
                "quotes_de": [
                    ("Unsere Geduld ist nach fünf Jahren am Ende", "Sprecher Daniel Roth"),
                ],
            },
            {
                "date": "2026-03-04",
                "heads_en": [
                    "Aerona agrees to buy SkyMerid in 1.9 billion euro deal",
                    "Aerona bets on consolidation with SkyMerid takeover",
                    "Regulators set to scrutinise Aerona-SkyMerid merger",
                ],
                "heads_de": [
                    "Aerona übernimmt SkyMerid für 1,9 Milliarden Euro",
                    "Fusion am Himmel: Aerona greift nach SkyMerid",
                ],
                "facts_en": [
                    "Aerona agreed on Wednesday to buy Mediterranean carrier SkyMerid for "
                    "1.9 billion euros in cash and shares.",
                    "The deal values SkyMerid at a 38 percent premium to its closing price.",
                    "SkyMerid brings 62 aircraft and valuable slots at Milan and Athens.",
                    "The European Commission is expected to demand route disposals.",
                    "SkyMerid's shares jumped 31 percent while Aerona's fell 4 percent.",
                    "The companies expect savings of 250 million euros a year by 2029.",
                ],
                "facts_de": [
                    "Aerona kauft die Mittelmeer-Airline SkyMerid.",
                    "Der Kaufpreis liegt bei 1,9 Milliarden Euro, bezahlt in bar und mit Aktien.",
                    "Mit SkyMerid kommen 62 Flugzeuge und Start- und Landerechte in Mailand "
                    "und Athen hinzu.",
                    "Die EU-Kommission dürfte Auflagen machen.",
                    "Die SkyMerid-Aktie schoss um fast ein Drittel nach oben.",
                ],
                "quotes_en": [
                    (
                        "Scale is no longer optional in this industry",
                        "Aerona chief executive Hendrik Vos",
                    ),
                ],
                "quotes_de": [
                    (
                        "Größe ist in dieser Branche keine Option mehr, sondern Pflicht",
                        "Aerona-Chef Hendrik Vos",
                    ),
                ],
            },
            {
                "date": "2026-04-16",
                "heads_en": [
                    "Aerona grounds 24 jets after engine inspection finds cracks",
                    "Engine cracks force Aerona to park part of A321 fleet",
                    "Aerona warns of summer cancellations after engine groundings",
                ],
                "heads_de": [
                    "Risse im Triebwerk: Aerona legt 24 Jets still",
                    "Aerona muss Flugzeuge am Boden lassen",
                ],
                "facts_en": [
                    "Aerona has grounded 24 A321 jets after inspections found cracks in "
                    "turbine blades of their engines.",
                    "The engine maker, Tornell Aero, said the cracks stem from a "
                    "manufacturing flaw in a batch of blades made in 2023.",
                    "Aerona expects to cancel about 3 percent of its summer flights.",
                    "The airline will seek compensation from Tornell.",
                    "Inspections of a further 40 engines are due by the end of May.",
                ],
                "facts_de": [
                    "Wegen Rissen an Turbinenschaufeln hat Aerona 24 Maschinen vom Typ A321 "
                    "aus dem Verkehr gezogen.",
                    "Triebwerkshersteller Tornell Aero spricht von einem Fertigungsfehler.",
                    "Im Sommer dürften rund drei Prozent der Flüge ausfallen.",
                    "Aerona will Schadenersatz fordern.",
                ],
                "quotes_en": [
                    ("Safety comes before the timetable, always", "Hendrik Vos"),
                ],
                "quotes_de": [
                    ("Sicherheit geht immer vor Pünktlichkeit", "Hendrik Vos"),
                ],
            },
        ],
    },
    {
        "family": "halvor-energy",
        "city_en": "OSLO",
        "city_de": "Oslo",
        "background_en": [
            "Halvor Energy is a Norwegian-listed utility that owns hydropower, wind and "
            "gas assets across northern Europe.",
            "The company has pledged to invest 20 billion euros in renewables by 2035.",
            "Power prices in the region have been volatile since the gas crisis.",
        ],
        "background_de": [
            "Halvor Energy ist ein norwegischer Versorger mit Wasser-, Wind- und "
            "Gaskraftwerken in Nordeuropa.",
            "Bis 2035 will das Unternehmen 20 Milliarden Euro in erneuerbare Energien stecken.",
        ],
        "stories": [
            {
                "date": "2026-01-09",
                "heads_en": [
                    "Halvor Energy wins approval for 1.4 GW offshore wind farm",
                    "Norway clears Halvor's Skarvbanken wind project",
                    "Halvor to start building Skarvbanken wind farm next year",
                ],
                "heads_de": [
                    "Grünes Licht für Halvors Windpark Skarvbanken",
                    "Norwegen genehmigt riesigen Offshore-Windpark",
                ],
                "facts_en": [
                    "Norway's energy ministry approved Halvor Energy's Skarvbanken offshore "
                    "wind farm, a 1.4-gigawatt project in the North Sea.",
                    "The project will have 94 turbines and is expected to cost about 4.6 "
                    "billion euros.",
                    "Construction is due to start in 2027, with first power in 2029.",
                    "Fishermen's associations had opposed the project over trawling grounds.",
                    "Halvor agreed to fund a 30 million euro compensation scheme for "
                    "fishing communities.",
                ],
                "facts_de": [
                    "Das norwegische Energieministerium hat den Windpark Skarvbanken genehmigt.",
                    "Mit 1,4 Gigawatt Leistung gehört er zu den größten Projekten in der Nordsee.",
                    "Geplant sind 94 Windräder, die Kosten liegen bei rund 4,6 Milliarden Euro.",
                    "Fischer hatten gegen das Vorhaben protestiert.",
                    "Ab 2029 soll Strom fließen.",
                ],
                "quotes_en": [
                    (
                        "Skarvbanken shows that big offshore wind can be built in the north",
                        "Halvor chief executive Ingrid Solberg",
                    ),
                ],
                "quotes_de": [
                    ("Ein Meilenstein für die Energiewende im Norden", "Ingrid Solberg"),
                ],
            },
            {
                "date": "2026-02-17",
                "heads_en": [
                    "Gas leak shuts Halvor's Norne pipeline, prices jump",
                    "Halvor Energy halts Norne gas flows after leak detected",
                    "European gas prices surge on Norne pipeline outage",
                ],
                "heads_de": [
                    "Leck an Norne-Pipeline: Gaspreis steigt sprunghaft",
                    "Halvor stoppt Gasfluss durch Norne-Leitung",
                ],
                "facts_en": [
                    "Halvor Energy shut its Norne gas pipeline on Tuesday after sensors "
                    "detected a leak about 70 kilometres off the coast.",
                    "The pipeline carries around 28 million cubic metres of gas a day to Germany.",
                    "Dutch front-month gas futures rose 18 percent in early trading.",
                    "The navy sent a vessel to inspect the site; sabotage has not been ruled out.",
                    "Halvor said repairs could take between two and six weeks.",
                ],
                "facts_de": [
                    "Nach einem Leck hat Halvor Energy die Norne-Gasleitung abgeschaltet.",
                    "Durch die Leitung fließen täglich rund 28 Millionen Kubikmeter Gas "
                    "nach Deutschland.",
                    "Der Gaspreis am Terminmarkt stieg um fast ein Fünftel.",
                    "Die Marine untersucht die Stelle, Sabotage wird nicht ausgeschlossen.",
                ],
                "quotes_en": [
                    ("We will not restart until we know exactly what happened", "Ingrid Solberg"),
                ],
                "quotes_de": [
                    (
                        "Wir nehmen die Leitung erst wieder in Betrieb, wenn die Ursache "
                        "geklärt ist",
                        "Ingrid Solberg",
                    ),
                ],
            },
            {
                "date": "2026-03-26",
                "heads_en": [
                    "Halvor profit slumps as hydropower output falls in dry winter",
                    "Low reservoirs hit Halvor Energy's quarterly earnings",
                    "Halvor cuts dividend after weak first quarter",
                ],
                "heads_de": [
                    "Trockener Winter drückt Halvors Gewinn",
                    "Halvor Energy kürzt Dividende",
                ],
                "facts_en": [
                    "Halvor Energy's first-quarter operating profit fell 41 percent to 612 "
                    "million euros.",
                    "Reservoir levels in southern Norway were at their lowest in 20 years "
                    "after a dry winter.",
                    "Hydropower output dropped by a quarter compared with a year earlier.",
                    "The company cut its quarterly dividend to 0.35 euros a share.",
                    "Shares fell 6 percent in Oslo.",
                ],
                "facts_de": [
                    "Der operative Gewinn von Halvor Energy brach im ersten Quartal um 41 "
                    "Prozent ein.",
                    "Die Stauseen in Südnorwegen sind so leer wie seit 20 Jahren nicht.",
                    "Die Wasserkraftwerke erzeugten ein Viertel weniger Strom.",
                    "Die Aktionäre müssen mit einer geringeren Dividende leben.",
                ],
                "quotes_en": [
                    ("We cannot make it rain", "chief financial officer Ola Brekke"),
                ],
                "quotes_de": [
                    ("Regen können wir nicht bestellen", "Finanzchef Ola Brekke"),
                ],
            },
        ],
    },
]
