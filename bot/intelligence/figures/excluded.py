"""Numbers that are no key figures: dates, times, ages, page numbers, ordinals, scores,
race distances in an event's name ("the 5,000m final"), titles held ("die fünffache
Grand-Slam-Siegerin"), years and idioms ("zu hundert Prozent")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.intelligence.figures import cues
from bot.intelligence.figures.numbers import parse_word
from bot.intelligence.figures.quantity import Quantity

MONTHS = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|January|February|March|May|June|July|October|December|Jan|Feb|Mar|Apr|Jun"
    r"|Jul|Aug|Sept?|Oct|Okt|Nov|Dec|Dez)\.?"
)
# Numbers inside these spans are not figures: dates, times, ages (up to 119 in brackets:
# "Kärnten (660)" counts), pages, ordinals (also goal minutes in a list: "(7., 65.,
# 86./Elfmeter)"), places in a table ("a club 36 places inferior"), scores and distances in
# a match ("mit zehn Mann", "a 40m penalty"), Boeing models ("737-800", "787 Dreamliner"),
# court file numbers ("10 Cg 17/15b-8", "1 R 77/15y") and law articles ("Art 6 StGG").
_BLOCKED = re.compile(
    rf"""\b\d{{1,2}}\.\s?\d{{1,2}}\.(?:\s?\d{{2,4}})?
    | \b\d{{4}}-\d{{2}}-\d{{2}}\b | \b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b
    | \b\d{{1,2}}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:\s+\d{{4}})?
    | \b{MONTHS}\s+\d{{1,4}}(?:st|nd|rd|th)?\b(?![.,]\d)(?!\s+(?:Euro|Dollar|Prozent|Millionen
        |Milliarden|euros?|dollars?|pounds|per\s+cent|million|billion)\b)(?:,?\s+\d{{4}})?
    | \b\d{{1,2}}:\d{{1,2}}\b(?:\s?(?:Uhr|h|am|pm))?
    | \b\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:Uhr|am\b|pm\b|a\.m\.|p\.m\.|GMT|BST|MEZ|CET)
    | \b[012]\d[0-5]\d\s?(?:GMT|BST|CET)\b
    | \b\d{{1,3}}[-\s](?:year|jährig|Jährig|Jahre?\s+alt)\w*
    | \b(?:aged|Alter\s+von)\s+\d{{1,3}} | \((?:\d{{1,2}}|1[01]\d)\) | (?<=,\s)\d{{1,2}}(?=,\s)
    | \(\d{{1,3}}\.\)
    | \b\d{{1,3}}\s?[A-Z][a-z]{{0,2}}\s\d{{1,5}}/\d{{2}}[a-z]?(?:-\d+)?
    | \b(?:S\.|Seite|page|pp?\.|Nr\.|No\.|Nummer|Artikel|Art\.?|Article|Paragraf|§|Kapitel
        |chapter|Platz|Rang|Punkt|Folge|Episode|Staffel|season|Level|Windows|Version|Tabelle|Abb\.|Absatz
        |Runde|Spieltag|Etappe)\s?\d+ | \b\d+\s?K\.-?o\.
    | \b\d+(?:st|nd|rd|th)\b | \b\d{{1,3}}\.(?=\s+[^\W\d]) | \b[Tt]op[-\s]\d{{1,3}}\b
    | (?<![\d.,])\d{{1,3}}\.(?=[,/)]) | \bmit\s+(?:sieben|acht|neun|zehn|elf)\s+Mann\b
    | \b\d{{1,3}}\s+places?\s+(?:higher|lower|inferior|superior|above|below|behind|ahead)\b
    | \b7[0-8]7-\d{{3}}[A-Z]{{0,2}}\b | \b7[0-8]7(?=\s+(?:Dreamliner|jumbo|jets?|planes?|aircraft
        |airliners?|tankers?|freighters?|line|models?)\b)
    | \b\d{{1,2}}(?:m|-metre|-yard)\s+(?:penalty|kick|drop[-\s]goal|conversion|free[-\s]kick
        |strike|effort|run|dash|sprint)\b
    | \b\d{{2,4}}(?:er|s|ern)\b | \b\d{{4}}/\d{{2,4}}\b
    | \b1\d-1\d\s+(?:qualifications|education|diplomas?|learning|curriculum|reforms?
        |schooling)\b""",
    re.X,
)
_RANK_WORD = re.compile(
    r"\b(?:Platz|Rang)\s+(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b"
    r"|\b[Tt]op[-\s](?:three|five|ten|twenty|fifty|hundred)\b"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_COUNTABLE = frozenset({"people"}) | cues.THING_NOUNS
_MEASURES = frozenset(cues.MEASURE_UNITS.values())


_SCORE = re.compile(r"\b\d{1,3}\s?[-–:]\s?\d{1,3}\b")
_DIGIT = re.compile(r"\d")


def blocked_spans(sentence: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _RANK_WORD.finditer(sentence)]  # "Auf Rang zehn folgen"
    if not _DIGIT.search(sentence):
        return spans  # every other blocked pattern holds a digit
    ranked = _RANKED_LIST.search(sentence)  # "gefolgt von Nordrhein-Westfalen (59), Bayern (36)"
    spans += [
        m.span()
        for m in _BLOCKED.finditer(sentence)
        if not (
            ranked
            and m.start() > ranked.start()
            and _BRACKETED_BARE.fullmatch(m.group())
            and not _PERSON_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
        )
    ]
    if cues.SPORT_RE.search(sentence):
        spans += [m.span() for m in _SCORE.finditer(sentence)]
    return spans


# A ranking of places by the figure before it: "… mit 126 Vorfällen Spitze, gefolgt von
# Nordrhein-Westfalen (59), Bayern (36)": its bracketed numbers are no ages
# (``levels._ranked_by`` decides what they count).
_RANKED_LIST = re.compile(
    r"\b(?:gefolgt\s+von|dahinter(?:\s+\w+)?|followed\s+by)\s+(?:[^\W\d][\w.-]*\s+){1,3}"
    r"\(\d{1,3}\),\s+(?:[^\W\d][\w.-]*\s+){1,3}\(\d{1,3}\)"
)
_BRACKETED_BARE = re.compile(r"\(\d{1,3}\)")
# "gefolgt von Karl Huber (58)": a first and a last name before the bracket give an age
_PERSON_BEFORE = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]+\s+[A-ZÄÖÜ][a-zäöüß-]+\s*$")


IDIOM = re.compile(
    r"\bzu\s+(?:100|hundert)\s+Prozent|\b(?:100|hundert)-?prozentig\w*"
    r"|\b(?:100|a\s+hundred|one\s+hundred)\s?(?:per\s?cent|%)"
    r"\s+(?:sure|certain|committed|behind|confident|right|fit|focused|genuine|effort"
    r"|(?:winning\s+)?record)\b"
    r"|(?:\b(?:do|give|giving|gave|given|feel|felt|I\s+am)|I'm)\s+(?:it\s+)?(?:100|110)\s?"
    r"(?:%|per\s?cent)(?!\s+of\b)",
    re.I,
)
# The noun after a number, past one German adjective ("der sechsfache spanische Meister").
_NEXT_NOUN = re.compile(r"\s+(?:[a-zäöüß]+e[nmrs]?\s+)?([A-ZÄÖÜ][\w-]*)")


def title_holder(sentence: str, pos: int) -> bool:
    m = _NEXT_NOUN.match(sentence, pos)
    if m is None:
        return False
    noun = m.group(1).rpartition("-")[2].casefold()
    return cues.is_person(noun) or noun.removesuffix("s").endswith(_HOLDERS)  # "Cupsiegers"


_HOLDERS = ("siegerin", "sieger", "meister", "meisterin", "champion", "gewinner", "gewinnerin",
            "preisträger", "preisträgerin", "mutter", "vater", "olympiasieger")  # fmt: skip
# Counted in a sport sentence these are a record or a standing, no key figure; German
# compounds too ("in bis dahin 18 Saisonspielen").
# German compounds end in them ("Saisonspielen", "Cup-Duellen"); English words are whole
# ("countries" ends in "tries" but is none).
_RECORD_ENDINGS = ("spiele", "spielen", "partien", "siege", "siegen", "niederlagen", "spieltage",
                   "spieltagen", "runden", "rennen", "tore", "toren", "treffer", "treffern",
                   "duelle", "duellen", "aufeinandertreffen", "begegnungen",
                   "vorlagen", "schüsse", "torschüsse", "schläge", "schlägen", "bewerbe",
                   "bewerben", "läufe", "läufen", "prüfungen", "punkte", "punkten",
                   "podestplätze", "podestplätzen", "podien", "etappen", "etappensiege",
                   "erfolge", "erfolgen", "einsätze", "einsätzen")  # fmt: skip
_RECORD_WORDS = frozenset({"games", "matches", "wins", "defeats", "rounds", "races", "goals",
                           "tries", "wickets", "assists", "sheets", "caps", "appearances",
                           "aces", "shots", "strokes", "titles", "records", "podiums",
                           "finals", "victories", "outings"})  # fmt: skip


def _record_word(noun: str) -> bool:
    word = noun.rpartition("-")[2].casefold()
    return word in _RECORD_WORDS or word.endswith(_RECORD_ENDINGS)


# Points are an index's only next to one ("kletterte um 0,5 auf 54,1 Punkte"); otherwise
# they are a score or a standing ("dass die Offense mehr als zwanzig Punkte macht").
_INDEX = re.compile(
    r"index|indizes|barometer|\b(?:dax|atx|dow|nikkei|ftse|nasdaq|s&p|hang\s+seng|cac|stocks?"
    r"|shares|markets?|pisa|pirls|timss)\b|klima|stimmung|sentiment|konjunktur|börse|markt",
    re.I,
)
_JUMP = re.compile(
    r"\b(?:\w*[Ss]prung\w*|sprang|Durchgang|Schanzen?|Schanzenrekord|Weitenjagd|Weltcup\w*)\b"
)
# Words only a match report uses near a goal's distance, and words that need a sport word
# in the sentence too ("Der Bürgermeister traf die Anrainer an der 300 Meter langen Mauer").
_SHOT = re.compile(
    r"\b(?:Schuss|Weitschuss|Freistoß|Kopfball|Distanzschuss|volliert\w*|köpft\w*|Flanke"
    r"|Strafraum|Elfmeter|Tormann|Torhüter|volley(?:ed)?|free-kick|header|curled|drilled"
    r"|lashed|goalkeeper|Eckball|Latte|Lattenkreuz|Pfosten|Querlatte|touchline|ruck|scrum"
    r"|lineout|crossbar|kick)\b|\(\d{1,3}\.\)",
    re.I,
)
_SHOT_IN_SPORT = re.compile(
    r"\b(?:traf|trifft|schoss|schießt|Ball|fired|strike|blasted|drive|effort|corner|penalty"
    r"|keeper)\b",
    re.I,
)
# A shot's distance: "from 18 yards", "16 yards out", "a 25-yard strike".
_PITCH = re.compile(
    r"\bfrom\s+[\w-]+\s+yards\b|\b(?:yards|metres)\s+out\b"
    r"|-yard\s+(?:strike|shot|drive|effort|free-kick|volley|curler|chip|pass|run)\b"
)
_SEEDED = re.compile(r"\s+(?:gesetzte[nmrs]?|seeded)\b", re.I)


def record(sentence: str, end: int, unit: str | None) -> bool:
    """A sport record, score or seed, no key figure: "aus 17 Spielen nur 14 Punkte",
    "18 Saisonspielen", "der als Nummer 10 gesetzte Franzose"."""
    if _SEEDED.match(sentence, end):
        return True
    if unit == "Punkte":
        return not _INDEX.search(sentence)
    if unit == "m" and (_JUMP.search(sentence) or athletics(sentence)):
        return True  # "im zweiten Durchgang mit 97 Metern", "cleared 1.76m": a result
    if unit in ("m", "yd") and _shot(sentence, unit):
        return True  # "traf aus über 20 Metern", "fired in from 25 yards": a goal's distance
    if unit in ("plätze", "ränge", "places") and _AHEAD.match(sentence, end):
        return True  # "111 Plätze vor den Osteuropäern": places in a ranking
    if unit == "records":
        return athletics(sentence)  # "10 world records in the pole vault", not a data set's
    sport = cues.SPORT_RE.search(sentence) or athletics(sentence)
    return bool(unit and _record_word(unit) and sport)


def score_after(sentence: str, end: int) -> bool:
    """A match statistic right after a multiple: "dreifacher Punktgewinn", "double fault"."""
    noun = _NOUN_AFTER.match(sentence, end)
    return noun is not None and noun.group(1).casefold() in cues.SCORE_NOUNS


_AHEAD = re.compile(r"\s+(?:Plätze|Ränge|places)\s+(?:vor|hinter|besser|schlechter|ahead|behind)\b")


def _shot(sentence: str, unit: str) -> bool:
    if _SHOT.search(sentence) or _PITCH.search(sentence):
        return True
    return bool(_SHOT_IN_SPORT.search(sentence) and cues.SPORT_RE.search(sentence))


_NOUN_AFTER = re.compile(r"\s+(?:[a-zäöüß]+e[nmrs]?\s+)?([^\W\d][\w-]*)")


# A record a story's sport lends to a sentence without sport words is small: "26 million
# matches" on a dating app, "zu 1.250 Einsätzen" of a fire brigade are none.
RECORD_MAX = 1000


def may_be_record(q: Quantity) -> bool:
    """Whether ``story_record`` could call ``q`` a record: its unit is one a record counts."""
    unit = q.unit
    return unit is not None and (unit in ("m", "Punkte") or _record_word(unit))


def story_record(q: Quantity, records: frozenset[str]) -> bool:
    """A sport record in a sport story (``records`` from ``sport_story``), also where its
    own sentence names no sport: "das mit elf Treffern die erfolgreichste Nation ist". A
    record is small ("26 million matches" on a dating app, "1.250 Einsätze" of a fire
    brigade are no record); index points and sold records keep their own tests."""
    unit = q.unit
    if not records or unit is None or unit == "records":
        return False
    if unit in records:
        return True  # "In the men's 3,000m" in an athletics story
    if unit == "Punkte":
        return not _INDEX.search(q.sentence)
    return q.value < RECORD_MAX and _record_word(unit)


def sport_story(sentences: Iterable[str]) -> frozenset[str]:
    """The records of a story about sport: three sentences name a league, goals, a race or a
    coach (``_SPORT_STORY``, words a business story does not use for itself; "won", "lost",
    "set" are not among them), or one does and a third of them speak of games, wins or
    seasons (``cues.SPORT_RE``). In a ski jumping or athletics story a length is a result
    too ("mit 129 m")."""
    text = list(sentences)
    track = [athletics(s) for s in text]
    strong = sum(
        bool(_SPORT_STORY.search(s)) or on_track for s, on_track in zip(text, track, strict=True)
    )
    weak = sum(bool(cues.SPORT_RE.search(s)) for s in text)
    if strong < 3 and not (strong and weak >= max(3, len(text) / 3)):
        return frozenset()
    jumps = any(track) or any(_JUMP.search(s) for s in text)
    return frozenset({"sport", "m"} if jumps else {"sport"})


_SPORT_STORY = re.compile(
    r"\b(?:league|liga|bundesliga|premiership|tore?|toren|goals?|halbzeit|half-time|saison"
    r"|season|weltcup\w*|grand\s+prix|turnier\w*|tournament|trainer|coach|stürmer|striker"
    r"|elfmeter|penalty|penalties|mannschaft|torschütze\w*|teamchef|\w*länderspiel\w*"
    r"|\w*ligaspiel\w*|pflichtspiel\w*|schanze\w*|rennen|etappe\w*|rallye\w*|niederlage"
    r"|remis|unentschieden|finale|olympi\w*|qualifikation\w*|gruppenspiel\w*|fans)\b",
    re.I,
)


def record_noun(sentence: str, pos: int) -> bool:
    """ "sechs von acht Cup-Duellen", "four out of their six games": what follows is a
    count of games, a record."""
    m = _NOUN_AFTER.match(sentence, pos)
    return m is not None and _record_word(m.group(1))


# "mehrere hundert Migranten", "wenige hundert Meter", "mehrere Dutzend Menschen",
# "several thousand fans", "tausendfach geteilt": no number.
_VAGUE_BEFORE = re.compile(r"\b(?:mehrere|einige|wenige|ein\s+paar|several|a\s+few|some)\s+$", re.I)
_VAGUE_WORDS = frozenset({"hundert", "tausend", "dutzend", "hundred", "thousand", "dozen"})


def vague(sentence: str, start: int, word: str, multiplier: bool) -> bool:
    """A scale word that stands for no number: "mehrere hundert", "tausendfach"."""
    if word.casefold() not in _VAGUE_WORDS:
        return False
    return multiplier or bool(_VAGUE_BEFORE.search(sentence, max(0, start - 12), start))


# German writes decimals with a comma: "20.15" with two digits after a dot is a time.
CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
MEASURED = re.compile(r"\s?(?:%|Prozent|Euro|Dollar|Mio|Mrd|Millionen|Milliarden)", re.I)
# Event distances in athletics and swimming, and the words around them.
_EVENT_METRES = frozenset({50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000})
_RACE_UNIT = re.compile(
    r"(m|km|K)(?![\w/²])\s?([^\W\d][\w-]*)?|-(?:km|Kilometer|Meter|metres?)-(\w+)"
)
_EVENT = re.compile(
    r"hurdles|sprint|relay|race|marathon|finals?|heats?|titles?|freestyle|backstroke|breaststroke"
    r"|butterfly|medley|steeplechase|walk|record|champion\w*|gold|silver|bronze|event|season"
    r"|runners?|man|woman|ranking|rankings|specialist|star|runner-up|place"
    r"|lauf|langlauf|rennen|staffel|hürden|finale|einzel|verfolgung|massenstart|sprint",
    re.I,
)
_PAIRED_RACE = re.compile(r"\s*,?\s*[\d,]+m\s+([^\W\d][\w-]*)")
_LOOSE = frozenset({"in", "at", "on", "and", "or", "for", "with", "was", "is", "last", "this"})
_THE_BEFORE = re.compile(r"\bthe\s+[\d,]+$", re.I)
_ATHLETICS = re.compile(
    r"\b(?:athlet\w*|olympi\w*|indoor|outdoor|hurdle\w*|sprint\w*|relay|marathon|championships"
    r"|world-leading|personal\s+best|season's\s+best|(?:triple|high|long)\s+jump|pole\s+vault"
    r"|shot\s+put|javelin|discus|cleared|threw|vault(?:ed|ing)|world\s+records?"
    r"|Leichtathlet\w*|Weltmeister\w*|Langlauf|Biathlon|Schwimm\w*)\b",
    re.I,
)


def athletics(sentence: str) -> bool:
    """A sentence about track and field, where "16.50m" and "1.76m" are metres."""
    return bool(_ATHLETICS.search(sentence))


def event_word(word: str) -> bool:
    """ "final", "sprint", "Lauf": the word after a distance that makes it an event."""
    return bool(_EVENT.fullmatch(word))


def race_name(sentence: str, pos: int, value: float) -> bool:
    m = _RACE_UNIT.match(sentence, pos)
    if m is None:
        return False
    metres = m.group(1) == "m" or (m.group(0).startswith("-M") and not m.group(1))
    if (metres and value not in _EVENT_METRES) or (not metres and value > 100):
        return False
    event = m.group(2) or m.group(3)
    if event and _EVENT.fullmatch(event):
        return True
    if (paired := _PAIRED_RACE.match(sentence, m.end())) and _EVENT.fullmatch(paired.group(1)):
        return True  # "her world 100m and 200m titles"
    loose = not event or event.casefold() in _LOOSE or parse_word(event, "en") is not None
    if metres and loose and _THE_BEFORE.search(sentence, max(0, pos - 12), pos):
        return True  # "contest the 60m, the distance", "enter the 10,000m five days later"
    return bool(_ATHLETICS.search(sentence) or cues.SPORT_RE.search(sentence))


def is_year(core: str, kind: str, unit: str | None) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless it counts money, a
    share or a measure ("1920 Pixel"), or a round number of people or known things ("1500
    Grenzbeamte"; "die 2010 Weltmeister", "die 1989 Geborenen" are years)."""
    if not _YEAR.fullmatch(core) or (kind == "other" and unit in _MEASURES):
        return False
    round_count = unit in _COUNTABLE and core.endswith("00")
    return kind in ("other", "count") and not round_count


# A number right after a name is part of it: "the Commodore 64 computer", "BBC Radio 2
# listeners", "Formula 1 teams" (English, where only names are capitalized mid-sentence).
_NAME_BEFORE = re.compile(r"(?<=[\w,;:] )(?:[A-Z][a-z]+|[A-Z]{2,})(?: [A-Z][a-z]+)? $")
_NOT_NAMES = frozenset(re.findall(r"[A-Za-z]+", MONTHS)) | cues.words_of(
    """Some About Around Nearly Almost Over Under Only Just Top The A An Of By Up Down From
    To In On At For With And Or But Than Mr Mrs Ms Dr Sir Lord Lady Page Year"""
)


def after_name(sentence: str, start: int) -> bool:
    """English: the number follows a capitalized word that is not the sentence's first."""
    m = _NAME_BEFORE.search(sentence, max(0, start - 40), start)
    return m is not None and m.group(0).split()[-1] not in _NOT_NAMES


# "eine Zehntel-Sekunde", "fünffach nominierte": a fraction of a unit of time, a count of
# occasions ("nominiert", "ausgezeichnet", "gewählt").
_DURATION_COMPOUND = re.compile(r"-(?:Sekunde|Minute|Stunde|Tag|Woche|Jahr)", re.I)
_OCCASIONS = re.compile(r"\s+(?:ge\w+t|\w+iert|ausgezeichnet\w*)e?[nmrs]?\b")


def occasions(sentence: str, end: int) -> bool:
    return bool(_OCCASIONS.match(sentence, end) or _DURATION_COMPOUND.match(sentence, end))
