"""Word lists that tell what a figure measures and which way it moved (German + English).

Kept apart from the extractor so an editor can extend them without reading regexes.
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    """Word lists stay readable as wrapped text; a list where the order matters."""
    return text.split()


def words_of(text: str) -> frozenset[str]:
    """A word set written as wrapped text, each word also as ``casefold`` spells it: words
    are looked up casefolded, which writes "außerdem" as "ausserdem"."""
    return frozenset(w for word in text.split() for w in (word, word.casefold()))


CURRENCY_WORDS = {
    "$": "USD", "us$": "USD", "us-$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us-dollar": "USD", "us-dollars": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR",
    "euros": "EUR", "£": "GBP", "gbp": "GBP", "pfund": "GBP", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "chf": "CHF", "franken": "CHF", "¥": "JPY", "yen": "JPY", "jpy": "JPY",
    "bitcoin": "BTC", "bitcoins": "BTC",
    "yuan": "CNY", "renminbi": "CNY", "rubel": "RUB", "roubles": "RUB", "rubles": "RUB",
    "a$": "AUD", "c$": "CAD", "hk$": "HKD", "kronen": "SEK", "rupees": "INR", "franc": "CHF",
    "francs": "CHF", "rupee": "INR", "won": "KRW",
    "rand": "ZAR", "lira": "TRY", "zloty": "PLN", "shekels": "ILS", "baht": "THB",
    "ringgit": "MYR", "rupiah": "IDR", "naira": "NGN", "hryvnia": "UAH", "forint": "HUF",
    "kronor": "SEK", "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "singapore dollar": "SGD", "singapore dollars": "SGD",
    "kroner": "NOK", "krona": "SEK", "pesos": "PESO", "dinars": "DINAR",
    "dirhams": "AED", "riyals": "SAR", "reais": "BRL", "real": "BRL", "lewa": "BGN",
    "leva": "BGN", "lei": "RON", "kuna": "HRK", "rupien": "INR",
}  # fmt: skip
# Currencies named by their country, after the amount ("3.4bn Danish kroner", "200
# australischen Dollar"); ``units`` reads them from this table.
COUNTRY_CURRENCIES = {
    "australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD",
    "canadian dollar": "CAD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "swiss francs": "CHF", "swiss franc": "CHF", "danish kroner": "DKK",
    "norwegian kroner": "NOK", "swedish kronor": "SEK",
    "australische dollar": "AUD", "australischen dollar": "AUD", "australische dollars": "AUD",
    "australischen dollars": "AUD", "kanadische dollar": "CAD", "kanadischen dollar": "CAD",
    "kanadische dollars": "CAD", "kanadischen dollars": "CAD", "dänische kronen": "DKK",
    "dänischen kronen": "DKK", "norwegische kronen": "NOK", "norwegischen kronen": "NOK",
    "schwedische kronen": "SEK", "schwedischen kronen": "SEK",
}  # fmt: skip
CURRENCY_WORDS |= COUNTRY_CURRENCIES
# Currencies several countries share a name with: the country the story names decides
# ("400m pesos" in a story on Argentina are ARS); without one the name stays as it is.
SHARED_CURRENCIES = {
    "PESO": {"argentin": "ARS", "mexi": "MXN", "philippin": "PHP", "filipin": "PHP",
             "chile": "CLP", "colombia": "COP", "kolumbien": "COP", "cuba": "CUP",
             "kuba": "CUP", "uruguay": "UYU", "dominican": "DOP", "dominikan": "DOP"},
    "DINAR": {"alger": "DZD", "iraq": "IQD", "irak": "IQD", "kuwait": "KWD", "jordan": "JOD",
              "tunis": "TND", "serbi": "RSD", "bahrain": "BHD", "liby": "LYD"},
}  # fmt: skip
# An amount that is itself a shortfall: "a £20m loss", "a 0.2% contraction" (no level of
# the profit or growth it is compared with).
SHORTFALL = re.compile(r"\s+(loss|losses|contraction|deficit)\b", re.I)
# Sub-units: the value is stored in the main unit (50 cents -> 0.5 USD).
CENT_WORDS = {"cent": "EUR", "cents": "USD", "pence": "GBP", "p": "GBP"}

PERSON_NOUNS = words_of(
    """people persons person workers employees staff subscribers users customers viewers
    visitors fans voters residents children students pupils patients refugees migrants
    asylum-seekers soldiers troops members players deaths victims passengers tourists
    citizens adults women men listeners readers shoppers drivers electors donors
    menschen personen leute mitarbeiter mitarbeiterinnen beschäftigte beschäftigten
    angestellte angestellten arbeiter abonnenten nutzer nutzerinnen kunden kundinnen
    zuschauer besucher fans wähler wählerinnen einwohner kinder schüler studierende
    studierenden studenten patienten flüchtlinge flüchtlingen migranten asylbewerber
    asylsuchende soldaten mitglieder spieler tote toten todesopfer opfer verletzte
    verletzten passagiere touristen bürger arbeitslose arbeitslosen
    frauen männer jugendliche jugendlichen teilnehmer schutzsuchende abgeordnete
    abgeordneten kontoinhaber anleger sparer kleinsparer beamte beamten polizisten ärzte
    lehrer pendler rentner pensionisten asylwerber asylwerberinnen einwohnerinnen mps
    pensioners savers investors shareholders pilots nurses doctors teachers officers
    police recruits graduates homeowners tenants seafarers sailors käufer verkäufer einwanderer
    geschworene geschworenen zuwanderer auswanderer asylbegehrende gewinner verlierer
    civilians fighters experts applicants candidates delegates protesters demonstrators
    prisoners inmates suspects individuals youngsters teenagers girls boys babies
    taxpayers consumers respondents athletes artists musicians journalists guests
    spectators supporters followers smokers claimants borrowers buyers traders farmers
    miners firefighters officials lawyers judges scientists researchers engineers
    commuters travellers motorists cyclists pedestrians volunteers activists rebels
    militants gunmen hostages survivors casualties injured dead americans britons
    europeans germans danes swedes norwegians russians indians chinese japanese
    zivilisten kämpfer experten anrainer befragte befragten bewohner häftlinge insassen
    rebellen besitzer eigentümer inhaber manager managers probanden versuchspersonen
    gefangene gefangenen demonstranten schmuggler verdächtige verdächtigen festgenommene
    täter arbeitnehmer arbeitnehmerinnen journalisten pflegekräfte lehrkräfte
    minderjährige erwachsene erwachsenen senioren mädchen buben jungen kandidaten
    bewerber unterstützer anhänger delegierte richter athleten sportler wissenschaftler
    forscher lehrlinge urlauber gäste fahrgäste reisende pilger vertriebene obdachlose
    bürgerinnen österreicher österreicherinnen deutsche amerikaner briten europäer
    angehörige bedienstete fachkräfte helfer einsatzkräfte schutzsuchenden
    kollegen kolleginnen colleagues minister meister chefs präsidenten partner fahrer
    vertreter sieger senatoren professoren direktoren autoren investoren moderatoren
    kräfte ärzte ärztinnen bauern wirte priester alte servants ankünfte neuankünfte piloten
    pilotinnen flugbegleiter flugbegleiterinnen fussgänger fussgängern attendants
    geschworene geschworenen
    ankömmlinge arrivals getreue getreuen damen herren leichen
    berechtigte suchende reisende lehrende arbeitende getötete vermisste festgenommene
    angeklagte betroffene geflüchtete erkrankte verstorbene freiwillige bewaffnete
    verantwortliche gestrandete geborene beteiligte überlebende streikende verurteilte
    hinterbliebene pflegebedürftige mitarbeitende konsumenten produzenten
    lives singers dancers actors actresses performers writers authors sailors crew
    israelis iraqis pakistanis saudis somalis kuwaitis yemenis bangladeshis qataris afghans
    vietnamese portuguese lebanese sudanese congolese taiwanese burmese nepalese senegalese
    syrer iraker afghanen türken russen ukrainer polen fishermen policemen servicemen
    firemen businessmen congressmen spokesmen seamen workmen tradesmen linesmen
    ministers nationals priests bishops clerics monks nuns councillors senators lawmakers
    legislators peers jurors witnesses staffers executives managers bankers diplomats
    envoys inhabitants villagers user eltern follower postler sportler künstler population
    directors operators stars celebrities fußballer reporter reportern bischöfe kardinäle
    berater beratern mann
    householders parents deputies leaders victors tutsis hutus slaves critics winners bosses
    seekers meps couriers postdocs docs
    kurden uiguren tschetschenen serben kroaten bosniaken albaner araber jesiden tibeter
    inder pakistaner chinesen griechen franzosen ungarn rumänen bulgaren
    tschechen slowaken slowenen georgier armenier usbeken kasachen afrikaner somalier
    eritreer äthiopier libyer ägypter jemeniten sunniten schiiten roma sinti
    gläubiger schuldner empfänger bezieher entscheider architekten ankömmlinge
    neuankömmlinge aufständische damen zuseher zuseherinnen zuhörer hörerinnen gegner
    sklaven häftlinge geiseln soldatinnen lehrerinnen ärztinnen pflegerinnen pfleger"""
)
# Counted things that are not people; the unit is the noun itself.
THING_NOUNS = words_of(
    """jobs stellen arbeitsplätze shares aktien cars autos vehicles fahrzeuge units copies
    albums singles games spiele films filme homes houses wohnungen häuser flights flüge
    stores shops filialen branches countries länder ländern companies firmen unternehmen
    cases fälle fällen votes stimmen seats sitze mandate
    downloads sales orders aufträge anträge asylanträge applications complaints beschwerden
    accounts konten phones handys devices geräte computers machines beds betten schools
    schulen hospitals spitäler krankenhäuser goals tore titles titel medals medaillen
    aircraft sheep fish deer"""
)
DURATION_NOUNS = words_of(
    """years year months month weeks week days day hours hour minutes minute seconds
    second decades jahre jahren jahr monate monaten monat wochen woche tage tagen tag
    stunden stunde minuten minute sekunden sekunde jahrzehnte sek sek. sec secs min mins hrs
    std"""
)
# Measures, written out or as symbols, and the symbol they are shown with.
_MEASURE_TABLE = {
    "km": "km kilometre kilometres kilometer kilometers kilometern",
    "m": "metres meters meter metern metre höhenmeter höhenmetern",
    "cm": "cm zentimeter centimetres", "mm": "mm millimeter millimetres",
    "miles": "miles meilen mile", "mph": "mph",
    "km/h": "km/h stundenkilometer stundenkilometern kmh",
    "kg": "kg kilogramm kilogram kilograms kilo kilos", "g": "g gramm grams",
    "t": "t tonnes tonnen tons tonne", "l": "litres liter litern",
    "ha": "hectares hektar hectare", "acres": "acres acre", "m²": "m² quadratmeter quadratmetern",
    "km²": "km² quadratkilometer quadratkilometern", "IOPS": "iops", "bpd": "bpd",
    "magnitude": "magnitude", "nmi": "seemeilen seemeile", "kn": "knoten knots",
    "°C": "degrees grad celsius °c", "°F": "fahrenheit °f",
    "MW": "mw megawatt", "GW": "gw gigawatt",
    "kWh": "kwh kilowattstunden", "MWh": "mwh megawattstunden", "GWh": "gwh gigawattstunden",
    "TWh": "twh terawattstunden", "GHz": "ghz gigahertz", "MHz": "mhz megahertz",
    "MB": "mb megabyte megabytes", "GB": "gb gigabyte gigabytes", "TB": "tb terabyte terabytes",
    "Mbps": "mbps", "kbps": "kbps", "Mbit": "megabits megabit", "kbit": "kilobits kilobit",
    "Gbit": "gigabits gigabit", "barrels": "barrels barrel fass", "Zoll": "zoll inches",
    "megapixels": "megapixel megapixels mp", "Punkte": "punkte punkten points pkt pkt.",
    "Pixel": "pixel pixels", "yd": "yards yard", "ft": "ft feet foot",
    "mAh": "mah milliamperestunden", "mg": "mg milligramm milligrams", "ppi": "ppi",
    "W": "watt watts", "kW": "kw kilowatt kilowatts", "µm": "µm mikrometer micrometres",
    "‰": "promille ‰", "bit": "bit bits", "m³": "m³ kubikmeter kubikmetern",
    "teraflops": "teraflops", "gigaflops": "gigaflops", "megaflops": "megaflops",
    "oz": "ounces ounce unzen", "ms": "ms milliseconds millisecond millisekunden",
}  # fmt: skip
MEASURE_UNITS = {word: unit for unit, words in _MEASURE_TABLE.items() for word in words.split()}
MEASURE_NOUNS = frozenset(MEASURE_UNITS)
# Sport standings and scores, no key figures: "97 Zähler" (points in a ski jumping report).
# Plural nouns whose bare numbers are amounts of money, points, rates or measures, not
# counts of them ("Wages rose to 500", "rents of 1,200", "Die Mieten stiegen auf 850").
AMOUNT_PLURALS = words_of(
    """shares stocks prices rates points earnings profits revenues costs markets yields
    bonds assets reserves futures indices indexes figures numbers levels losses debts savings
    sums fees wages salaries rents incomes bonuses pensions bills fines payments taxes scores
    results terms ages heights altitudes speeds temperatures readings totals tens hundreds
    thousands millions billions dozens lots units series values
    aktien kurse preise punkte zinsen renditen einnahmen ausgaben kosten gewinne umsätze
    werte zahlen indizes notierungen mieten löhne gehälter renten pensionen gebühren
    temperaturen"""
)
SCORE_NOUNS = words_of(
    "zähler pts asse torchancen torschüsse doppelfehler punktgewinn punktgewinne rebounds"
    " assists würfe freiwürfe korbleger"
)
# "30 Meter pro Sekunde", "250 km/h", "5 per cent a year": a rate is one unit.
RATE_PER = {
    "sekunde": "s", "second": "s", "stunde": "h", "hour": "h", "jahr": "year", "year": "year",
    "monat": "month", "month": "month", "tag": "day", "day": "day", "woche": "week",
    "week": "week", "kopf": "head", "head": "head", "einwohner": "inhabitant",
    "capita": "head", "person": "head", "minute": "min", "kilometer": "km", "kilometre": "km",
    "km": "km", "liter": "l", "litre": "l", "s": "s", "h": "h", "quadratmeter": "m²",
}  # fmt: skip

# What a figure measures. German entries also match inside compounds
# ("Umsatzsprung" -> Umsatz); English ones match whole words.
LABELS_EN = _words("""revenue revenues sales profit profits earnings income turnover loss losses
    shares share price prices cost costs budget debt deficit surplus growth gdp economy
    inflation unemployment jobless jobs workers staff employees subscribers users customers
    viewers visitors fans votes seats stake tax taxes spending investment fine deal bid
    offer salary pay wages bonus dividend output exports imports production orders rate
    fee fees funding compensation damages value assets capital bonds fares tickets
    box-office downloads copies albums audience ratings attendance borrowing savings
    lending mortgage mortgages payout bill cash reserves pension pensions aid donations
    valuation market stock bonuses premium premiums prize bill relief assets funds loan
    stake payoff takeover reserves deposits box-office turnover wage salary fortune
    compensation settlement penalty transfer contract profit-margin margin""")
LABELS_DE = _words("""Umsatz Umsätze Gewinn Erlös Einnahmen Ausgaben Verlust Kosten Preis Preise
    Aktie Kurs Haushalt Budget Schulden Defizit Überschuss Wachstum Wirtschaftsleistung BIP
    Inflation Teuerung Arbeitslosenquote Arbeitslose Arbeitslosigkeit Stellen Arbeitsplätze
    Jobs Mitarbeiter Beschäftigte Abonnenten Nutzer Kunden Zuschauer Besucher Stimmen Sitze
    Mandate Marktanteil Anteil Steuer Investition Strafe Gehalt Lohn Löhne Bonus Dividende
    Produktion Export Import Aufträge Zins Gebühr Förderung Miete Wert Vermögen Flüchtlinge
    Asylbewerber Asylanträge Migranten Tote Todesopfer Verletzte Fälle Einwohner Schüler
    Wähler Wahlbeteiligung Zustimmung Ablöse Subvention Rente Pension Auftrag Spende
    Prämie Kredit Anleihe Volumen Nachfrage Absatz Auflage Rendite Ertrag Überschuss
    Umsatzsteigerung Abgabe Beitrag Entschädigung Schaden Vergütung Bilanzsumme""")

# Parties a vote share belongs to: "liegen die Grünen im 18. Bezirk mit 27,93 Prozent".
PARTY_RE = re.compile(
    r"\b(?:SPÖ|ÖVP|FPÖ|NEOS|BZÖ|KPÖ|CDU|CSU|SPD|AfD|FDP|Grünen?|Linken?|Freiheitlichen"
    r"|(?<=[Dd]ie\s)(?:Roten|Schwarzen|Blauen|Pinken|Türkisen)"
    r"|(?<=[Dd]en\s)(?:Roten|Schwarzen|Blauen|Pinken|Türkisen)|Labour|Tories|Tory|Conservatives"
    r"|Lib\s+Dems|Liberal\s+Democrats|UKIP|SNP|Plaid\s+Cymru|Republicans|Democrats)(?!\w|-)"
)

# Words after a number that are no counted things ("in 2004 was", "Hannover 96 Der").
NOT_COUNTED = words_of(
    """was has is this its as us his hers yes less unless across plus thus always
    perhaps whereas news does goes was series means basis status analysis crisis
    der die das den dem des ein eine und oder mit für auf von bei nach zum zur im am um
    prozent euro dollar uhr mal jahre jahren jahr says adds makes takes gives gets comes
    puts sees thinks wants believes remains seems becomes"""
)


# Words that never name what a figure measures.
# Words no label may be, whichever rule found them: conjunctions, adverbs, time words, an
# age noun ("beziehungsweise", "Zurzeit", "Hierfür", "Jahre", "Der 26-Jährige").
NOT_THINGS = words_of(
    """beziehungsweise bzw hierfür dafür hierzu zurzeit jahre jahren wie jährige jährigen
    eigenen eigene times mal below above millionen milliarden million billion tausend
    tausende thousand thousands stück near dadurch damit deshalb tall high long wide deep ab
    stronger weaker"""
)
_NOT_LABEL_WORDS = words_of(
    """it its they he she we this that there which who whom whose where the a an
    and or but in on at
    of for to from by with as has have had was were is are will would could can may might
    be been said says also some about around nearly almost more than only just set year
    even still already really mark
    since during against per versus them those these one while when after before into
    over under between
    years month months week weeks day days time times last next first
    der die das den dem des ein eine einer einem einen sie er es wir ich ihr man dies
    diese dieser im am um in an auf aus bei mit nach von vor zu zum zur für über unter
    januar februar märz april mai juni juli august september oktober november dezember
    jänner january february march june july october december monday tuesday wednesday
    thursday friday saturday sunday ago montag dienstag mittwoch donnerstag freitag samstag
    sonntag jahr jahres vorjahr mitte anfang ende beginn angaben berechnungen schätzungen
    informationen berichten medienberichten estimates according
    quartal monat woche tag prozent euro dollar unser unsere unserer unseren unserem ihre
    ihren ihrer seine seinen seiner meanwhile however though moreover furthermore
    nevertheless instead overall currently every each zwischen gegenüber während wegen trotz
    innerhalb außerhalb laut kostet kostete beträgt betrug"""
)
NOT_LABELS = _NOT_LABEL_WORDS | NOT_THINGS


_PERSON_HEADS = tuple(p for p in PERSON_NOUNS if len(p) >= 6) + tuple(
    p + "n" for p in PERSON_NOUNS if len(p) >= 6 and not p.endswith("n")
)


# Endings of plural person nouns (German also in the dative): "Journalisten",
# "Mitarbeiterinnen", "Politiker", "Nordkoreaner", "Palästinenser", "Aktionäre", "Akteure",
# "Psychologen", "Ökonomen", "Inhaftierte", "Studierende", "Fachleute", "Konsumenten",
# "Demonstranten", "musicians", "economists", "refugees", "Vietnamesen".
_PERSON_ENDINGS = (
    "isten", "innen", "ianer", "ians", "ists", "iker", "ikern", "aner", "anern", "enser",
    "ensern", "äre", "ären", "eure", "euren", "logen", "nomen", "ierte", "ierten", "ierende",
    "ierenden", "leute", "leuten", "enten", "anten", "ees", "esen", "seher", "sehern", "ans",
    "arier", "ariern", "onier", "oniern", "iener", "ienern", "nehmer", "nehmern",
)  # fmt: skip
# Words with those endings that count things: "Dokumenten", "Varianten", "Katalogen".
_NOT_PERSON_ENDINGS = (
    "menten", "patenten", "prozenten", "akzenten", "varianten", "konsonanten", "diamanten",
    "quadranten", "katalogen", "dialogen", "prologen", "fees", "degrees", "trees", "thesen",
    "diözesen", "wesen", "spesen", "besen", "ozeans", "cardigans", "pelicans", "bären",
    "elefanten", "assists", "lists", "twists", "wrists", "fists",
)  # fmt: skip


def is_person(noun: str) -> bool:
    """People nouns, also in the German dative plural (`Kontoinhabern`, `Flüchtlingen`),
    after a hyphen (`PKK-Kämpfer`), by their ending (`Palästinenser`, `Inhaftierte`) and as
    the head of a German compound (`Parteimitgliedern`, `Arbeitskollegen`)."""
    noun = noun.rpartition("-")[2]
    if noun in PERSON_NOUNS or (noun.endswith("n") and noun[:-1] in PERSON_NOUNS):
        return True
    if len(noun) >= 7 and noun.endswith(_PERSON_ENDINGS):
        return not noun.endswith(_NOT_PERSON_ENDINGS)
    # German compounds end in their head noun: "Parteimitgliedern" counts Mitglieder.
    return len(noun) > 8 and noun.endswith(_PERSON_HEADS)


# English plurals match too: "fines" measures a fine.
_LABEL_EN_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, LABELS_EN), key=len, reverse=True)) + r")(?:e?s)?\b",
    re.I,
)
_LABEL_DE_STEMS = tuple(sorted((w.casefold() for w in LABELS_DE), key=len, reverse=True))
_CAPITALIZED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]*")
_LABEL_DE_CANON = {w.casefold(): w for w in LABELS_DE}

# Cue words per language: an English word never fires on German text ("auf jeden Fall"
# is no fall) and the other way round.
_UP_EN = r"""rose|rise[sn]?|rising|jump(?:ed|s|ing)?|increase[ds]?|increasing|grew
    |grow(?:s|n|ing)?|growth|gain(?:ed|s|ing)?|climb(?:ed|s|ing)?|surge[ds]?|surging
    |soar(?:ed|s|ing)?|boost(?:ed|s|ing)?|higher|doubl\w*(?!-)|tripl(?:ed|ing)|rall(?:ied|y|ies|ying)
    |hike[ds]?|hiking|rais(?:e[ds]?|ing)(?!\s+(?:worries|concerns|questions|fears|doubts|hopes
        |objections|eyebrows|the\s+(?:issue|question|prospect|alarm)|awareness)\b)(?!\s+(?:(?:at\s+least|about|around|some|more\s+than|over
        |nearly|almost|up\s+to|an\s+extra|a\s+further|another)\s+)?(?:[£$€]|\d[\d.,]*\s?(?:m|bn
        |million|billion)\b))|lift(?:ed|ing)?|lifts(?=\s+(?:its|their|the|his|her|our|a|an)\s)|upwards?|leap(?:t|ed|s|ing)?
    |rebound(?:ed|s|ing)?|record\s+high|strengthen\w*|expand\w*|widen(?:ed|s|ing)?
    |swell(?:ed|ing)|swollen|balloon(?:ed|s|ing)|edged\s+(?:up|higher)
    |(?:advanc(?:ed|es|ing)|firm(?:ed|ing))(?=\s+(?:by\s+|to\s+)?[\d.,]+\s*(?:%|per\s*cent|points?
        |cents?)(?!\w))
    |add(?:ed|ing|s)?(?=\s+(?:some\s|about\s|around\s|nearly\s|almost\s|another\s|only\s|just\s
        |an\s+extra\s|a\s+further\s)?[\d£$€])
    |bigger|larger|(?<=[\d%]\s)more|(?<=\dm\s|bn\s)more|(?<=%\s)stronger
    |(?:(?<=\bto\sa\s)|(?<=\bhit\sa\s)|(?<=\bhits\sa\s)|(?<=\breached\sa\s)|(?<=\btouched\sa\s))
        record(?=\s+(?:high\s+(?:of\s+)?)?[£$€\d])
    |(?:tak(?:ing|es?)|took|bring(?:ing|s)?|brought)(?=\s+(?:(?:its|the|their|his|her|our)\s+)?(?:[\w'’-]+\s+){0,2}?
        (?:total|tally|stake|holding|shareholding)\s+(?:[\w-]+\s+){0,3}?to\s)"""
_DOWN_EN = r"""(?:fell|fall(?:s|en|ing)?)(?!\s+(?:into|victim|foul|apart|asleep|silent|ill)\b)
    |drop(?:ped|s|ping)?|decline[ds]?|declining|decrease[ds]?
    |cut(?:s|ting)?|lost(?!\s+(?:their|his|her|its)\s+(?:lives|life|jobs|job|homes))|lose[s]?
    |losing|lower(?:ed|ing|s)?|slump(?:ed|s|ing)?|(?<=[\d%]\s)off\b
    |plunge[ds]?|plunging|plummet\w*|shr(?:ank|unk|inks?)|sank|sunk|sink(?:s|ing)?|slid|slide[s]?
    |sliding|slip(?:s|ped|ping)?|tumbl(?:e[ds]?|ing)|reduc(?:e[ds]?|ing)|reduction|dip(?:ped|s|ping)?
    |slash(?:ed|es|ing)?|lay(?:s|ing)?\s+off|(?<=jobs\s)(?:will|would|could|are\s+to|set\s+to|to)\s+go\b(?!\s+to\b)|shed(?:s|ding)?|trimm(?:ed|ing)|worst(?!\s+(?:hit|affected))|halved
    |record\s+low|weaken\w*|(?<=%\s)weaker|smaller|cheaper|contract(?:ed|ion|ing)|(?<=[\d%]\s)(?:less|fewer)|(?<=\dm\s|bn\s)less
    |slow(?:s|ed|ing|down)|deteriorat(?:e[ds]?|ing)|worsen(?:ed|s|ing)?|wip(?:e[ds]?|ing)\s+out
    |wip(?:e[ds]?|ing)(?=\s+(?:(?:about|around|some|nearly|almost|more\s+than)\s+)?[\d£$€])
    |slow(?=\s+(?:to|by|from|down|sharply|further)\b)|slower
    |shav(?:e|es|ed|ing)|ax(?:e[ds]|ing)|sack(?:ed|ing)|laid\s+off|scrap(?:ped|ping|s)|fir(?:ed|ing)
    |narrow(?:ed|s|ing)(?!\s+(?:margin|defeat|victory|win|majority)\b)
    |dived|edged\s+(?:down|lower)
    |(?:eas(?:ed|es|ing)|retreat(?:ed|s|ing))(?=\s+(?:by\s+|to\s+)?[\d.,]+\s*(?:%|per\s*cent
        |points?|cents?|p\b))"""
# "up" and "down" are particles in most phrases ("up to £820,000", "sets up", "stepped
# down", "make up 16%"): they only move a figure next to a number or a from/by/on, after
# "to be" or a verb that pushes ("push down the unemployment rate").
_PARTICLE_AFTER = re.compile(
    r"\s+(?:from|by|on|nearly|almost|about|around|some|sharply|slightly|more\s+than)\b"
    r"|\s*[\d£$€¥]"
    r"|\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+half)\s+(?:pence|cents?|points?"
    r"|per\s*cent)\b",  # "closed up four pence at 274.5 pence"
    re.I,
)
_PARTICLE_VERBS = words_of(
    """is are was were be been push pushed pushing pushes drive drove driven driving
    drives bring brought bringing brings force forced forcing forces send sent sending sends"""
)
_PREVIOUS = re.compile(r"(\S+)\s+$")
_TO_NUMBER = re.compile(
    r"\s+to\s+(?:(?:about|around|nearly|almost|just|only|some|under|below)\s+)?[\d£$€¥]", re.I
)
# "pushed rates up to 2.25%", "helped push their 2004 earnings up to $43.1m": a verb that
# pushes, its object, then "up to" the new level.
_PUSHED = re.compile(
    r"\b(?:push(?:ed|es|ing)?|drive[sn]?|drove|driving|sen[dt]|sends|sending|force[sd]?|forcing"
    r"|lift(?:ed|s|ing)?|boost(?:ed|s|ing)?)\s+(?:[\w'-]+\s+){1,4}$",
    re.I,
)
_TO_NEXT = re.compile(r"\s+to\b", re.I)


def particle_moves(sentence: str, start: int, end: int) -> bool:
    """True when the "up"/"down" at start..end says a figure moved: "up 5%", "down from",
    "were up", "push down the rate", "pushed rates up to 2.25%"; not "up to £820,000"."""
    if _PARTICLE_AFTER.match(sentence, end):
        return True
    if _TO_NEXT.match(sentence, end):
        if sentence[start:end].casefold() == "down" and _TO_NUMBER.match(sentence, end):
            return True  # "settled down to about 12 million": "down to" a number falls
        return bool(_PUSHED.search(sentence, max(0, start - 60), start))
    before = _PREVIOUS.search(sentence, max(0, start - 16), start)
    word = before.group(1).casefold() if before else ""
    return word in _PARTICLE_VERBS or word.endswith("%")


# Verbs whose "up"/"down" is part of the verb: "racks up only 0.0051%", "make up 16%".
PHRASAL_VERBS = words_of(
    """make made take took rack pick notch chalk clock run ran set ramp sign hook come
    came end open back give gave free shore prop line stack add sum total mount build built
    fill tot tally ring rake snap buy bought use pay paid put keep kept step speed sped gear top
    split break broke ease turn shut play weigh cut slow tone water knock mark scale bid
    write wrote mop hold held lock bump jack beef crack call hand team wind wound bring"""
)


def is_phrasal(word: str) -> bool:
    """ "racks", "picked", "setting", "makes": a verb that takes "up" as its own particle."""
    w = word.casefold()
    stems = {w}
    for end in ("ing", "ed", "es", "s", "d"):
        if w.endswith(end) and len(w) > len(end) + 1:
            stem = w[: -len(end)]
            stems |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # "stepped", "cutting"
    return bool(stems & PHRASAL_VERBS)


# German separable verbs put their particle at the end of the clause: "Die Preise gaben um
# 4,0 Prozent nach", "Sie legten um 0,1 Prozent zu", "Der Absatz brach um 20 Prozent ein",
# "fallen … weitere 260 Arbeitsplätze weg".
SEPARABLE_DE = re.compile(
    r"\b(gab|gaben|gibt|legte|legten|legt|nahm|nahmen|nimmt|brach|brachen|bricht|büßte|büßten"
    r"|büßt|kam|kamen|kommt|kommen|fallen|fällt|fiel|fielen)\b"
    r"(?:[^,.;:]|[,.](?=\d)){0,80}?\s(nach|zu|ab|ein|dazu|hinzu|weg)"
    r"(?=\s*(?:[,.;:]|$|(?:und|aber|oder|sowie)\s))",  # "büßte 5,2 Prozent ein und landete"
    re.I,
)
_SEPARABLE_MOVES = {
    ("gab", "nach"): "down", ("gib", "nach"): "down", ("leg", "zu"): "up", ("nah", "zu"): "up",
    ("nim", "zu"): "up", ("nah", "ab"): "down", ("nim", "ab"): "down", ("bra", "ein"): "down",
    ("bri", "ein"): "down", ("büß", "ein"): "down", ("kam", "dazu"): "up", ("kam", "hinzu"): "up",
    ("kom", "dazu"): "up", ("kom", "hinzu"): "up", ("fal", "weg"): "down", ("fäl", "weg"): "down",
    ("fie", "weg"): "down",
}  # fmt: skip


def separable_move(verb: str, particle: str) -> str | None:
    """ "gaben ... nach" is down, "legten ... zu" up; None for other pairs."""
    return _SEPARABLE_MOVES.get((verb.lower()[:3], particle.lower()))  # casefold spells ß "ss"


def _cue_re(words: str, particle: str = "") -> re.Pattern[str]:
    """One pattern per language and direction; a particle ("up") is checked by
    ``particle_moves`` where it matches."""
    alternatives = f"{words}|{particle}" if particle else words
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I | re.X)


# "higher than expected", "höher als der Wert des Gutscheins" compare two things, which is
# no movement; "7% more than in 2003" compares with an earlier level, which is.
THAN = re.compile(
    r"\s+(?:\w+\s+)?(?:than|als)\b(?P<earlier>\s+(?:in|im|a\s+year|last|the\s+previous|the\s+prior"
    r"|the\s+same|during\s+the\s+same|at\s+the\s+(?:start|end|beginning)\s+of"
    r"|before|earlier|previously|zuvor|vor|noch|damals|ein\s+Jahr|letzte[ns]?"
    r"|vergangene[ns]?|bisher|ursprünglich"
    r"|[12]\d\d\d)\b)?",
    re.I,
)

_UP_DE = r"""verteuer\w*|teurer|stärker|stieg(?:en)?|steig\w*|gestiegen|anstieg|plus|zuwachs
    |zugelegt|legte|legten|wuchs|wächst|gewachsen|wachstum|erhöh\w*|\w{3,}sprung|sprang
    |kletter\w*|geklettert|höher|verdoppel\w*
    |verdreifach\w*|vervierfach\w*|verfünffach\w*|verzehnfach\w*|vervielfach\w*|erweitert(?![a-zäöüß])|\w*erweiterung(?=\s+[^.,;]{0,60}?\bum\s)|erweiterte[n]?(?=\s+(?:sich|um|seine|ihre|die|den|das)\b)|\w*steigerung|gesteigert|steigert\w*|\w*plus
    |\w*anstieg|\w*zuwachs|aufschwung|vergrößer\w*|zugenommen|zunehm\w*|anheb\w*
    |angehoben|ausgeweitet|gewachsen|verlänger\w*|zuleg(?:en|te|ten|t)|rekordhoch|höchststand|(?:an)?wachsen
    |hochschoss\w*|hochgeschossen|schnellte\w*|emporgeschnellt|ansteig(?!end)\w*|angestiegen
    |(?:gewann|gewannen|gewinnt|gewinnen)(?=\s+(?:(?!mit\b)[\wäöüß]+\s+){0,3}?(?:\d[\d,.]*
        |ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s*(?:Prozent|%|Punkte))"""
_DOWN_DE = r"""verbillig\w*|billiger|schwächer|sank(?:en)?|sinkt|gesunken|sinken|fiel(?:en)?
    |fällt|gefallen|\w*rückgang|rückläufig|ging\s+zurück|gingen\s+zurück|zurückgegangen
    |zurück|minus|\w*minus|(?:verlor\w*|verloren)(?!\s+(?:ihr(?:en)?|sein(?:en)?|das|den)\s+(?:Arbeitsplatz|Arbeitsplätze
        |Job|Jobs|Leben|Zuhause|Wohnungen?|Häuser|Heim))|fallen(?=\s+(?:unter|auf|um)\s)|\w*verlust\w*|schrumpf\w*|geschrumpft|senk\w*
    |gesenkt|weniger|niedriger|\w*einbruch|eingebrochen|brach|abbau|abgebaut|streich\w*
    |gestrichen|kürz(?:t|te|ten|en|ung|ungen)|gekürzt|einbußen|halbiert|geringer
    |verringer\w*|reduzier\w*|verminder\w*|abgenommen|abnehm\w*|gedrosselt|drossel\w*
    |eingebüßt|einbüß\w*|zurückging(?:en)?|\w+senkung(?:en)?|abgestürzt|stürzte[n]?|\w*absturz|sinke|verkürz\w*|abgesunken|abgesackt|nur\s+noch|nur\s+mehr(?=\s+(?:rund\s+|etwa\s+|knapp\s+|gut\s+)?\d)|verkleiner\w*|einbrach|einbrachen"""

UP_RE = {"en": _cue_re(_UP_EN, "up"), "de": _cue_re(_UP_DE)}
DOWN_RE = {"en": _cue_re(_DOWN_EN, "down"), "de": _cue_re(_DOWN_DE)}

SPORT_RE = re.compile(
    r"\b(win|won|beat|beaten|lost|draw|drew|victory|defeat|score[ds]?|goals?|match|league"
    r"|cup|half-time|sieg\w*|niederlage|tor(?:e|en)?|spiel\w*|gewann|gewinnt|gewonnen|verlor\w*"
    r"|season|saison|bundesliga|premiership|club|scorer|turnier\w*|tournament|golf\w*|birdie\w*"
    r"|remis|halbzeit|unentschieden|partie|satz|sätze|runde|set|sets|finale?|rennen"
    r"|grand\s+prix|weltcup\w*|rallye\w*|etappe\w*|zähler|podest\w*|weltmeister\w*|(?:gesamt|fahrer|team)-?wertung|\w*(?:länderspiel|ligaspiel|pflichtspiel|torschütze|spitzenduell"
    r"|doppelpack)\w*)\b",
    re.I,
)


def label_candidates(clause: str, lang: str) -> list[tuple[int, str]]:
    """(position, label) of every measure word in a clause."""
    found: list[tuple[int, str]] = []
    for m in _LABEL_EN_RE.finditer(clause):
        found.append((m.start(), m.group(1).lower()))
    if lang != "en":
        # German nouns are capitalized ("kosten" the verb is not Kosten) and compound:
        # "Umsatzsprung" measures Umsatz.
        for m in _CAPITALIZED.finditer(clause):
            word = m.group(0).casefold()
            if stem := _stem_in(word):
                found.append((m.start(), _LABEL_DE_CANON[stem]))
    return found


def measure_stem(word: str, lang: str) -> str | None:
    """The measure word in a German compound: "Umsatzsprung" -> Umsatz, "Rekordstrafe" ->
    Strafe."""
    if lang != "de":
        return None
    stem = _stem_in(word.casefold())
    return _LABEL_DE_CANON[stem] if stem else None


def _stem_in(word: str) -> str | None:
    """The longest measure word inside a German word; "Fahrsekunden", "Sekundenzeiger" hold
    no "Kunden"."""
    word = word.replace("sekund", "#")
    return next((s for s in _LABEL_DE_STEMS if s in word), None)


_VERB = re.compile(
    rf"(?:{_UP_EN}|{_DOWN_EN}|made|paid|spent|cost|costs|raised|valued|worth|bought|sold|earned"
    r"|reached|stood|totalled|totaled|hit|trading|traded|fined|owes|owed|invest\w*"
    r"|advanced|firmed|eased|edged)$",
    re.I | re.X,
)


def is_verb(word: str) -> bool:
    return bool(_VERB.match(word))


def is_cue(word: str) -> bool:
    """An up or down cue word in either language ("rose", "cut", "gestiegen")."""
    return any(regex.fullmatch(word) for regex in (*UP_RE.values(), *DOWN_RE.values()))
