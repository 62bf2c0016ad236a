"""Which way a figure moved: up or down from the nearest cue word in its clause
("jumped 76%", "Umsatzsprung von 16 Prozent", "gaben um 4,0 Prozent nach"), or none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.intelligence.figures import cues, excluded, subjects
from bot.intelligence.figures.clauses import blocked, clause, linked, walls
from bot.intelligence.figures.quantity import COMPARATIVE, Quantity

# "80% or higher" is a threshold, "weighed down by debts" a burden, "zum Opfer gefallen"
# died, "without cutting jobs" did not happen: no movement.
_NO_MOVE = re.compile(
    r"\b(?:or|oder|weigh(?:ed|s)?|step(?:ped|s)?|turn(?:ed|s)?|shut|play(?:ed|s)?|broke"
    r"|Opfer|without|ohne|avoid(?:ed|ing|s)?)\s+$",
    re.I,
)


_PREVENTED = re.compile(
    r"\b(?:avoid(?:ed|ing|s)?|prevent(?:ed|ing|s)?|without)\s+"
    r"(?:(?!(?:as|but|and|or|while|when|because|so|meant|helped|led|made)\b)[a-z-]+(?<!ed)\s+)"
    r"{1,3}$",
    re.I,
)
_CHANGE_NOUNS = cues.words_of(
    "rise rises increase increases hike hikes cut cuts losses falls drops"
)
_VOTES_DE = re.compile(r"\b(?:Stimmen|Wahl\w*|\w+wahl|Partei\w*|Mandat\w*|Wähler\w*|stärkste)\b")
_CAP = re.compile(r"\s+(?:below|under|of\s+no\s+more\s+than)\s", re.I)


def direction(q: Quantity, lang: str, others: Sequence[Quantity] = ()) -> str | None:
    """Up or down from the nearest cue in the clause ("jumped 76%", "Umsatzsprung von").

    A cue never reaches past another figure: in "cut 12,800 jobs following its $16bn
    takeover" the cut belongs to the jobs, not to the takeover price. It does reach past
    one the same cue speaks for ("jumped 76% to $1.13bn") or that is the cue ("double").
    """
    if q.kind == "multiplier" and (more := COMPARATIVE.match(q.sentence, q.end)):
        # "seven times more likely", "zehnmal schneller" compare two things; "ten times
        # more than in 2003" is a rise on an earlier level
        than = cues.THAN.match(q.sentence, more.end())
        if not (than and than.group("earlier")):
            return None
        return "down" if more.group(1).casefold() in _LESS else "up"
    if q.unit in ("times", "mal"):
        return None  # "raising taxes 66 times" counts occasions
    if q.kind == "multiplier" and _AS_AS.match(q.sentence, q.end):
        return None  # "ein fast doppelt so starkes Wachstum wie beim Umsatz": a comparison
    if q.kind == "money" and (turned := _turnaround(q)):
        return turned  # "net profits of 400m euros, compared with a loss of 984m euros"
    if _compared_with_other(q):
        return None  # "profits 15% lower than analysts had expected", "more than double that"
    if _where_it_started(q):
        return None  # "from eight million plants to potentially hundreds of millions"
    if q.kind == "percent" and _won_vote(q):
        return None  # "having gained just 5% of the public vote": a share won
    if way := _more_than_before(q.sentence, q.end, lang):
        return way  # "15 Prozent mehr als im ersten Quartal", "30% more passengers than in 2003"
    if above := _ABOVE_EARLIER.match(q.sentence, q.end):
        return "up" if above.group(1).casefold() in ("über", "above") else "down"
    if lang != "de" and q.kind == "count" and (m := _MORE_OF.search(q.text)):
        return "up" if m.group(1).casefold() == "more" else "down"  # "5,000 more copies"
    if lang == "de" and _THRESHOLD_DE.search(q.sentence, max(0, q.start - 4), q.start):
        return None  # "Das Barometer signalisiert ab 50 Punkten Wachstum": a threshold
    if _INCOME_THRESHOLD.search(q.sentence, max(0, q.start - 40), q.start):
        return None  # "an increase of the same amount on earnings over £100,000": a threshold
    counted = q.kind == "count" or (q.kind == "percent" and _OUT_OF.search(q.text))
    if counted and _WHERE.search(q.sentence, max(0, q.start - 20), q.start):
        return None  # "fiel die Arbeitslosenquote in 22 EU-Staaten": where it fell, not what
    size = _SIZE_CLASS.search(q.sentence, max(0, q.start - 60), q.start) if counted else None
    if size and (size.group("limit") or size.group("noun").casefold() in _SIZE_NOUNS):
        return None  # "In Gemeinden mit bis zu 5.000 Einwohnern stieg der Anteil": a size
    left, right = clause(q.sentence, q.start, q.end)
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    fences = walls(q, others)
    best = _nearest_cue(q, "de" if lang == "de" else "en", others, (lo, hi), fences)
    if lang == "de":
        best = _separable(q, lo, right, fences, best) or _final_participle(q, right, fences)
    if best is None and lang != "de" and (still := _STILL_MOVING.match(q.sentence, q.end)):
        return "up" if still.group("up") else "down"  # "… and that number is growing fast"
    return best[1] if best else None


_VOTE_WON = re.compile(
    r"\b(?:gained|gaining|gains|won|winning|wins|took|polled)\s+(?:\w+\s+){0,2}$", re.I
)
_OF_THE_VOTE = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+\s+)?votes?\b", re.I)


def _won_vote(q: Quantity) -> bool:
    """ "gained just 5% of the public vote": a share of the votes someone won."""
    if not _OF_THE_VOTE.match(q.sentence, q.end):
        return False
    return bool(_VOTE_WON.search(q.sentence, max(0, q.start - 30), q.start))


def _turnaround(q: Quantity) -> str | None:
    """A profit after a loss has risen, a loss after a profit fallen: "net profits of 400m
    euros, compared with a loss of 984m euros in 2003", "a dramatic change from the loss of
    364m euros"."""
    before = _RESULT_BEFORE.search(q.sentence, max(0, q.start - 40), q.start)
    named = before or _RESULT_NEXT.match(q.sentence, q.end)  # "a $400m net profit, compared"
    if named is None:
        return None
    after = _RESULT_AFTER.match(q.sentence, q.end if before else named.end())
    if after is None:
        return None
    was, now = (after.group(1) or after.group(2)).casefold(), named.group(1).casefold()
    if now.startswith("profit") and was.startswith("loss"):
        return "up"
    return "down" if now.startswith("loss") and was.startswith("profit") else None


_RESULT_NEXT = re.compile(r"\s+(?:(?:net|pre-tax|operating)\s+)?(profits?|loss(?:es)?)\b", re.I)
_RESULT_BEFORE = re.compile(r"\b(profits?|loss(?:es)?)\s+(?:[\w-]+\s+){0,4}$", re.I)
# The earlier result with its amount: "compared with a loss of 984m euros", "from the loss
# of 364m euros", "against a $984m loss" (not "the loss of 5,000 jobs", "a loss-making
# airline", "a profit forecast of $1m")
_RESULT_AFTER = re.compile(
    r"(?:\s*\([^()]*\))?,?\s+(?:[a-z]+\s+){0,3}?(?:compared\s+(?:with|to)|from|against|versus)"
    r"\s+(?:a|the|its)\s+(?:(?:net|pre-tax|operating)\s+)?(?:(loss(?:es)?|profits?)\s+of\s+"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+)?[£$€]?\d(?![\d.,]*\s+(?:jobs|staff|workers|people))"
    r"|[£$€]?\d[\d.,]*\s*(?:m|bn|million|billion)?\s+(?:(?:net|pre-tax|operating)\s+)?"
    r"(loss(?:es)?|profits?)\b(?!-))",
    re.I,
)


def _nearest_cue(
    q: Quantity,
    lang: str,
    others: Sequence[Quantity],
    window: tuple[int, int],
    fences: Sequence[tuple[int, int]],
) -> tuple[int, str] | None:
    """(distance, way) of the nearest up or down cue in the window that moves ``q``."""
    best: tuple[int, str] | None = None
    for regex, name in ((cues.UP_RE[lang], "up"), (cues.DOWN_RE[lang], "down")):
        # 40 characters past the window stay visible to lookaheads ("fell into", "Cutler")
        for m in regex.finditer(q.sentence, window[0], window[1] + _LOOKAHEAD):
            if m.start() >= window[1]:
                break
            if m.end() <= q.start:
                dist, span = q.start - m.end(), (m.end(), q.start)
            elif m.start() >= q.end and not _other_after(q, m):
                dist = m.start() - q.end + 10  # cues after the number bind a little weaker
                span = (q.end, m.start())
            else:
                continue
            if blocked(span, fences) or not _moves(q, m, span, others, lang):
                continue
            if best is None or dist < best[0]:
                best = (dist, name)
    return best


_LOOKAHEAD = 40


def _other_after(q: Quantity, m: re.Match[str]) -> bool:
    """A cue after the figure that speaks of something else: "up to £1,200 a year, which
    will grow" (the fund), "five million and impending cuts" (a noun), "£4bn in tax cuts",
    "reaching $1.8832 before slipping" (what came next), "£1.5bn of lost sales" (a kind),
    "20 Euro pro Monat, sinkt der Preis" (a German clause with its own subject),
    "100,000 barrels per day and raise the output" (a verb of its own; "and rising" is its)."""
    return bool(
        _RELATIVE_AFTER.search(q.sentence, q.end, m.start())
        or _LATER.search(q.sentence, q.end, m.start())
        or _USED_TO.search(q.sentence, q.end, m.start())
        or (_AND_VERB.fullmatch(q.sentence, q.end, m.start()) and _base_form(m.group(0)))
        or _OF_KIND.fullmatch(q.sentence, q.end, m.start())
        or _NEXT_ITEM.fullmatch(q.sentence, q.end, m.start())
        or _PURPOSE.fullmatch(q.sentence, q.end, m.start())
        or _NEW_SUBJECT.fullmatch(q.sentence, q.end, m.start())
        or bool(
            _COMMA_GAP.fullmatch(q.sentence, q.end, m.start())
            and _OWN_SUBJECT_DE.match(q.sentence, m.end())
        )
    )


# "Kostet er zu Anfang 20 Euro pro Monat, sinkt der Preis ab dem dritten Monat auf 19 Euro":
# a German verb first after a comma, then its own subject, opens the next clause.
_COMMA_GAP = re.compile(r"[^,;]*,\s*")
_OWN_SUBJECT_DE = re.compile(r"\s+(?:der|die|das|den|dem|des)\s+[A-ZÄÖÜ]")


_CLAUSE_END_WORD = re.compile(r"(\w+)[\s.!?\"“”]*$")


def _final_participle(
    q: Quantity, right: int, fences: Sequence[tuple[int, int]]
) -> tuple[int, str] | None:
    """German puts the participle last: "hat sein Budget … um 30 Milliarden Rubel
    (umgerechnet etwa 367 Millionen Euro) gekürzt"."""
    m = _CLAUSE_END_WORD.search(q.sentence, q.end, right)
    if m is None or blocked((q.end, m.start(1)), fences):
        return None
    word = m.group(1).casefold()
    way = _FINAL_PARTICIPLES.get(word)
    if word == "verstärkt" and not _TO_OR_BY_DE.search(q.sentence, max(0, q.start - 16), q.start):
        return None  # "durch den Tod von 30 Menschen verstärkt": a cause, "um 1.500" a rise
    if word == "fallen" and not _TO_OR_BY_DE.search(q.sentence, max(0, q.start - 16), q.start):
        return None  # "unter 1.000 Dollar fallen" fell; "ein Beitrag von 450 Euro wird fallen"
        # is dropped, "100 Menschen zum Opfer fallen" died
    if word in _DISMISSED and _STAFF_DE.search(q.text):
        way = "down"  # "hat rund 18.000 Angestellte rausgeworfen"; released prisoners are no cut
    return (m.start(1) - q.end, way) if way else None


_PRECIPITATION = re.compile(r"l/m²|mm$")  # rain; a water level in cm or m can fall
_TO_OR_BY_DE = re.compile(r"\b(?:unter|auf|um)\s+(?:[a-zäöüß]+\s+){0,3}$")
_DISMISSED = cues.words_of("entlassen rausgeworfen hinausgeworfen gekündigt freigesetzt")
_STAFF_DE = re.compile(
    r"(?:Mitarbeiter|Angestellte|Beschäftigte|Arbeiter|Arbeitnehmer|Stellen|Jobs|Arbeitsplätze"
    r")\w*$"
)


# Participles that say a change ("zum Opfer gefallen" is no fall).
_FINAL_PARTICIPLES = {
    **dict.fromkeys(
        cues.words_of("""gekürzt gesenkt gestrichen gesunken verringert reduziert
        halbiert zurückgegangen eingebrochen geschrumpft zurückgefahren abgebaut zurückging
        zurückgingen sank sanken fallen"""),
        "down",
    ),
    **dict.fromkeys(
        cues.words_of("""gestiegen gewachsen erhöht verdoppelt angehoben
        gesteigert aufgestockt ausgeweitet angestiegen hinzugewonnen dazugewonnen zulegen
        zulegte zulegten stieg stiegen verstärkt"""),
        "up",
    ),
}


def _moves(
    q: Quantity, m: re.Match[str], span: tuple[int, int], others: Sequence[Quantity], lang: str
) -> bool:
    """Whether the cue ``m`` says that ``q`` moved, not something else."""
    sentence, word = q.sentence, m.group(0).casefold()
    if _NO_MOVE.search(sentence, max(0, m.start() - 12), m.start()):
        return False
    if word in _CHANGE_NOUNS and _PREVENTED.search(sentence, max(0, m.start() - 40), m.start()):
        return False  # "a £1bn package to avoid big council tax rises"
    if word in ("rises", "increases", "hikes") and _CAP.match(sentence, m.end()):
        return False  # "keep council tax rises below 5%": a cap
    if word.startswith("gew") and q.unit != "pp" and _VOTES_DE.search(sentence):
        return False  # "Die SPD gewann bei der Wahl 25,7 Prozent der Stimmen": a share won
    if word in ("up", "down") and (
        _phrasal(sentence, m.start()) or not cues.particle_moves(sentence, m.start(), m.end())
    ):
        return False  # "up to £820,000", "racks up only 0.0051%", "make up 16%"
    if _comparative(word) and sentence.startswith("-", m.end()):
        return False  # "sink by a larger-than-forecast 8.8%": part of an adjective
    than = _comparative(word) and cues.THAN.match(sentence, m.end())
    if than and not than.group("earlier"):
        return False  # "höher als der Wert des Gutscheins": a comparison, no movement
    if lang == "en" and _comparative(word) and _ATTRIBUTIVE.match(sentence, m.end()):
        return False  # "the smaller capacity music players": an adjective, no movement
    if (
        word.startswith("rais")
        and q.kind == "money"
        and _HEDGES.fullmatch(sentence[m.end() : q.start])
    ):
        return False  # "the company had already raised about $900m": money collected
    if _TO_PLACE.match(sentence, m.end()):
        return False  # "Hitch dropped to second place with takings of $21m": a rank moved
    if word in ("fired", "firing") and not _STAFF.search(sentence, q.start, q.end + 20):
        return False  # "fired tear gas at 500 protesters"; "firing half of its staff" cuts
    if word.startswith(("tak", "took", "bring", "brought")) and m.start() >= q.end:
        return False  # "The 600,000 connections take the total to 3.3 million": the total's
    if m.group(0) == "plus" and _NOUN_AFTER_DE.match(sentence, m.end()):
        return False  # "umgerechnet und plus Steuern rund 540 Euro": taxes added, no rise
    brand = _BRAND_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
    if m.group(0) == "Plus" and brand and not _NUMBER_AFTER.match(sentence, m.end()):
        return False  # "das Programm Ebay Plus für 19,90 Euro": a product's name
    if word == "plus" and _MODEL_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
        return False  # "für das 6s Plus muss man 849 Euro hinblättern": a model's name
    if word == "growth" and _PACT.match(sentence, m.end()):
        return False  # "the 60% allowed under the growth and stability pact": a name
    if word == "growth" and _OF_BEFORE.search(sentence, max(0, m.start() - 20), m.start()):
        return False  # "as much as 1% of annual growth may be lost": growth is the thing
    if word == "growth" and _RATE_AFTER.fullmatch(sentence, m.end(), q.start):
        return False  # "growth of 0.1%", "growth at between 3% and 3.5%": a rate, a level
    if q.kind == "money" and _loss_made(q, m):
        return False  # "einen Verlust von 41 Millionen Euro", "the $550m it lost on trading"
    if word in ("weniger", "mehr") and _VERB_NEXT_DE.match(sentence, m.end()):
        return False  # "Fast eine Million Menschen wollten weniger arbeiten": the work
    if word in ("fällt", "fiel", "fielen", "fell", "falls") and _PRECIPITATION.match(q.unit or ""):
        return False  # "In Wien fielen 87 Liter pro Quadratmeter": rain fell, nothing sank
    if word in ("fällt", "fiel", "fielen") and _TURNS_OUT.match(sentence, m.end()):
        return False  # "Mit 3.450 mAh fällt dieser relativ groß aus": "ausfallen" is no fall,
        # "In Europa fällt mit 4000 Liter bloß die Hälfte an": "anfallen" accrues
    if q.kind in ("count", "other") and "stürz" in word:
        return False  # "rund 250 Meter abgestürzt": a climber fell, no figure did
    if q.unit in ("km", "m") and word.endswith(("anstieg", "aufstieg")):
        return False  # "den 3,7 km langen Schlussanstieg": a climb of a road, no rise
    if word == "zurück" and not _GO.search(sentence, max(0, m.start() - 80), m.start()):
        return False  # "Die anderen 10.000 Quadratmeter geben wir zurück"; "ging … zurück" is
    if any(_owns(o, m, q) for o in others):
        return False  # "a 3.8% boost last year, with ticket sales worth 211bn yen"
    return not (lang == "en" and m.end() <= q.start and _governed(sentence[span[0] : span[1]]))


_NOUN_AFTER_DE = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]")
_TURNS_OUT = re.compile(
    r"(?:(?!\b(?:und|aber|oder|sowie)\b)[^,;:])*?\s(?:aus|an)\s*(?:[.!?\"“”]|$)"
)


def _owns(other: Quantity, m: re.Match[str], q: Quantity) -> bool:
    """A cue right next to another figure is that figure's ("a 3.8% boost"), unless the
    two figures are linked ("jumped 76% to $1.13bn")."""
    gap = (other.end, m.start()) if other.end <= m.start() else (m.end(), other.start)
    if gap[1] < gap[0] or len(q.sentence[gap[0] : gap[1]].split()) > 1:
        return False
    near_q = q.sentence[min(q.end, m.end()) : max(q.start, m.start())]
    if len(near_q.split()) <= 1 or (other.end <= m.start() < q.start and _TO_LEVEL.search(near_q)):
        return False  # as close to this figure; "a 1% fall in profits … to £1.13bn"
    a, b = sorted((other, q), key=lambda x: x.start)
    return not linked(q.sentence, a.end, b.start)


def _governed(between: str) -> bool:
    """Another verb or a relative clause stands between a cue and the figure: "The surge was
    led by Howl's Moving Castle, which took 20bn yen" (the surge is not the 20bn's)."""
    return subjects.verb_between(between)


def _separable(
    q: Quantity,
    lo: int,
    right: int,
    fences: Sequence[tuple[int, int]],
    best: tuple[int, str] | None,
) -> tuple[int, str] | None:
    """German separable verbs: "Die Preise gaben um 4,0 Prozent nach"."""
    for m in cues.SEPARABLE_DE.finditer(q.sentence, lo, right):
        move = cues.separable_move(m.group(1), m.group(2))
        dist = q.start - m.end(1)
        inside = m.end(1) <= q.start < m.start(2)
        if move and inside and not blocked((m.end(1), q.start), fences):
            best = best if best is not None and best[0] <= dist else (dist, move)
    return best


_THRESHOLD_DE = re.compile(r"\bab\s+$")
_OUT_OF = re.compile(r"\s(?:out\s+of|von|of)\s", re.I)
_WHERE = re.compile(
    r"\b(?:(?:in|across|bei)\s+(?:(?:the|all|den|allen)\s+)?|at\s+(?:the|all)\s+)"
    r"(?:(?:about|some|rund|etwa)\s+)?$",
    re.I,
)
# "in Gemeinden mit bis zu 5.000 Einwohnern", "among firms with fewer than 50 staff"
_SIZE_CLASS = re.compile(
    r"\b(?:in|bei|für|unter|among|for|at|the|an?|der|die|das|eine?)\s+"
    r"(?:(?:the|den|allen|all)\s+)?(?:(?P<noun>[\w-]+)\s+(?:mit|with)\s+(?P<limit>(?:bis\s+zu|mehr\s+als"
    r"|über|unter|weniger\s+als|höchstens|mindestens|up\s+to|more\s+than|over|under|fewer"
    r"\s+than|less\s+than|at\s+least)\s+)?)$",
    re.I,
)
# Nouns of a class of places or firms whose size a count gives: "the firm with 5,000 staff"
# (not "in Wien mit 4.500 Personen", where Vienna's count moved).
_SIZE_NOUNS = cues.words_of(
    """firm firms company companies business businesses household households school schools
    town towns city cities country countries gemeinde gemeinden betrieb betriebe betrieben
    unternehmen firma firmen stadt städten städte ort orte orten haushalt haushalte haushalten
    schule schulen"""
)
_INCOME_THRESHOLD = re.compile(
    r"\b(?:earnings|incomes?|salaries|wages|earning|earn|verdienen|Einkommen)\s+(?:of\s+)?(?:over"
    r"|above|more\s+than|below|under|less\s+than|über|unter|ab|von\s+mehr\s+als)\s+$",
    re.I,
)
# "growth of 0.1%", "growth at between 3% and 3.5%", "growth this year is expected to be 4%",
# "growth in the eurozone of 1.9%"
_RATE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:of|at|is|was|will\s+be|to\s+be|would\s+be)\s+"
    r"(?:between\s+|just\s+|only\s+|about\s+|around\s+)?"
)
_LOSS_DE = re.compile(r"\w*verlust\w*", re.I)
_LOSS_EN = re.compile(r"lost|lose[s]?|losing", re.I)
_OWNED = re.compile(r"\b(?:him|her|them|his|their|its)\b", re.I)
_LOSS_ON = re.compile(r"\s+on\b|\s+(?:a|per)\s+(?:day|week|month|year)\b", re.I)


def _loss_made(q: Quantity, m: re.Match[str]) -> bool:
    """A loss a firm made is a level, not a fall ("einen Verlust von 41 Millionen Euro",
    "the $550m it lost on trading", "losing about $1m a week"); "Thailand may lose 30bn
    baht in earnings" is a fall of its earnings."""
    if _LOSS_DE.fullmatch(m.group(0)):
        return True
    if not _LOSS_EN.fullmatch(m.group(0)):
        return False
    between = q.sentence[m.end() : q.start] if m.end() <= q.start else ""
    return bool(
        _LOSS_ON.match(q.sentence, m.end())
        or _LOSS_ON.match(q.sentence, q.end)
        or _OWNED.search(between)  # "have lost him his £71,433 minister's salary"
    )


_TO_PLACE = re.compile(
    r"\s+(?:to|auf)\s+(?:the\s+)?(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth)\s+(?:place|spot)|number\s+\d+|No\.?\s*\d+|Platz\s+\w+"
    r"|Rang\s+\w+)\b",
    re.I,
)
_STAFF = re.compile(r"\b(?:staff|workers|employees|workforce|jobs)\b(?!\s+(?:said|say|says))", re.I)
_MODEL_BEFORE = re.compile(r"\b\d{1,3}[a-z]?\s+$")  # "das 6s Plus", not "für 2016 plus 3 Prozent"
# A name right before "Plus": "Ebay Plus", "Canal Plus" (not "ein Plus", "im Plus").
_BRAND_BEFORE = re.compile(
    r"(?<![.!?:]\s)(?<![\d%]\s)\b(?!(?:Ein|Einem|Eines|Im|Ins|Das|Dem|Kräftiges|Leichtes|Deutliches)\b)"
    r"[A-Z][\w-]*\s+$"
)
_NUMBER_AFTER = re.compile(r"\s*[+\d]")  # "im Juli Plus 4 Prozent" is a rise
_PACT = re.compile(r"\s+and\s+stability\b", re.I)
_OF_BEFORE = re.compile(r"\bof\s+(?:[a-z]+\s+)?$", re.I)
_HEDGES = re.compile(
    r"\s*(?:(?:the|another|a\s+further)\s+)?(?:(?:about|around|nearly|almost|some|more\s+than"
    r"|over|an\s+extra|as\s+much\s+as|up\s+to|just|only)\s+)?"
)
_VERB_NEXT_DE = re.compile(r"\s+[a-zäöüß]+(?:en|ern|eln)\b(?!\s+[A-ZÄÖÜ])")
_GO = re.compile(r"\b(?:ging|gingen|geht|gehen|ginge|gegangen)\b", re.I)
_LESS = frozenset({"less", "fewer", "lower", "smaller", "weniger", "niedriger", "kleiner"})
_TO_LEVEL = re.compile(r"\b(?:to|auf)\s+(?:\S+\s+)?$")
# A comparative before a noun describes it: "smaller capacity", "lower interest rate".
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:than|from|by|at|in|on|to|and|or|for|of|over|per|each|with|year|years|month"
    r"|quarter|week|day|today|now"
    r"|still|again|overall|respectively)\b)[a-z]{3,}\b(?!-)"
)


_MORE_OF = re.compile(r"\s(more|fewer)\s", re.I)
_NEXT_ITEM = re.compile(
    r"\s+(?:and|und)\s+[a-zäöüß-]+(?:ing|al|ive|ous|ent|ant|ful|ic|ary|ern|ende[nr]?)\s+", re.I
)
_PURPOSE = re.compile(r"\s+(?:[a-z]+\s+){0,4}?(?:in|for)\s+(?:[a-z]+\s+)?", re.I)
# "lag der Verbrauch mit 8,1 Millionen Tonnen um 1,5 Prozent über dem Wert von 2014",
# "sales were 3% below last year's level": above or below an earlier level of itself
_ABOVE_EARLIER = re.compile(
    r"(?:\s+um\s+[\d.,]+\s+(?:Prozent(?:punkte)?|%))?\s+(über|unter|above|below)\s+(?:dem|den"
    r"|the|its|last\s+year's)\s+(?:[\w-]+\s+){0,2}?(?:Wert|Niveau|Stand|Vorjahr\w*|Vorjahreswert"
    r"|levels?|figure)\s+(?:von\s+\d{4}|des\s+Vorjahres|of\s+\d{4}|(?:of\s+)?a\s+year\s+(?:ago"
    r"|earlier|before))",
    re.I,
)
_AS_AS = re.compile(r"\s+(?:so|as)\s+(?:\w+\s+){1,3}?(?:wie|as)\b", re.I)
# "to produce 100,000 barrels per day and raise the output of Himrin": a verb of its own
# ("reached $5bn and grew 5%" is the level's)
_AND_VERB = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:and|und)\s+", re.I)
_BASE_VERBS = cues.words_of("raise increase boost lift cut reduce lower expand double halve")


def _base_form(word: str) -> bool:
    return word.casefold() in _BASE_VERBS


# "£1.3bn could be used to cut pensioners' bills": the sum pays for the cut
_USED_TO = re.compile(r"\b(?:used|spent|earmarked|needed|enough)\s+to\s+$", re.I)
# "the highest average house price at £262,825, annual inflation rose": after a comma a
# noun phrase of its own is the cue's subject (not ", up", ", a rise", ", ein Plus").
_NEW_SUBJECT = re.compile(
    r"[^,;]*,\s+(?!(?:a|an|the|up|down|which|that|having|and|und|ein|eine|einem|einer|plus"
    r"|minus|while|after|before|as|so|or|oder|with|without|mit|ohne|in|on|at|by|for|from|to"
    r"|of|im|am|bei|von|auf|um|nach|its|their|his|her|our|just|only|well|almost|nearly|\w+ly)\b)"
    r"[a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,2}\s+"
    # "Staatsschulden bei 72 Mrd. Dollar, Wirtschaft schrumpft": a German noun of its own
    r"|[^,;]*,\s+(?:(?:die|der|das|den)\s+)?(?!(?:Tendenz|Plus|Minus)\b)[A-ZÄÖÜ][a-zäöüß-]{2,}\s+"
)
# A level, then the same measure still moving: "five million households have broadband and
# that number is growing fast", "four million users, and numbers are climbing fast".
_STILL_MOVING = re.compile(
    r"(?:\s+(?:[^\W\d][\w'’-]*|(?:19|20)\d\d)){0,8}?,?\s+and\s+(?:(?:that|this|the|those|these)\s+)?"
    r"(?:numbers?|figures?|total|(?:(?<=that\s)|(?<=this\s)|(?<=the\s))(?:costs?|prices?|amount))\s+"
    r"(?:is|are|keeps?|continues?\s+to)\s+"
    r"(?:still\s+)?(?:(?P<up>growing|rising|climbing|increasing|grow|rise|climb|increase)"
    r"|falling|shrinking|dropping|declining|fall|shrink|drop|decline)\b",
    re.I,
)


def _where_it_started(q: Quantity) -> bool:
    """An old level that no figure ends, no move of its own: "rise from eight million plants
    to potentially hundreds of millions", "increase interest rates from their current
    4.75%", "up from a £20m loss" (a shortfall, no level of the profit)."""
    if not _OLD_LEVEL_BEFORE.search(q.sentence, max(0, q.start - 30), q.start):
        return False
    unended = _TO_AFTER.match(q.sentence, q.end) and not _NUMBER_LATER.match(q.sentence, q.end)
    current = _NOW.search(q.sentence, max(0, q.start - 30), q.start)
    return bool(cues.SHORTFALL.match(q.sentence, q.end) or unended or current)


_OLD_LEVEL_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:its|their|the|a|an)\s+)?(?:current\s+|present\s+)?"
    r"(?:(?:about|around|just|some|nearly|almost|over|under)\s+)?$",
    re.I,
)
_TO_AFTER = re.compile(r"(?:\s*\([^()]*\))?\s+to\s+", re.I)
_NUMBER_LATER = re.compile(r"[^.;]*?\d")  # "from 60,000 barrels a day to between 80,000 and"
_NOW = re.compile(r"\b(?:current|present)\s+(?:(?:about|around|just)\s+)?$", re.I)
_LATER = re.compile(r"\b(?:before|after|then|bevor|danach)\b", re.I)
_OF_KIND = re.compile(r"\s+of\s+")
_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|that|die|der|das|welche[rs]?)\s", re.I)


def _more_than_before(sentence: str, end: int, lang: str) -> str | None:
    """ "X mehr/more … als/than" an earlier time: "um 6,2 Prozent mehr Menschen ohne
    Erwerbsarbeit als 2014" rose; "um 40 Prozent mehr Fahrfehler als andere" (drivers who
    do not phone) is a comparison, no move."""
    more = _MORE_THAN["de" if lang == "de" else "en"].match(sentence, end)
    than = more and cues.THAN.match(sentence, more.end())
    if not (more and than and than.group("earlier")):
        return None
    if than.group("earlier").split()[0].casefold() in ("in", "im") and not _TIME_AFTER.match(
        sentence, than.end()
    ):
        return None  # "30 Prozent mehr Pendler als in Hessen": another place
    return "up" if more.group(1).casefold() in ("mehr", "more") else "down"


# Words before "als"/"than", none a dash of its own ("mehr E-Autos verkauft als 2015").
_MORE_THAN = {
    lang: re.compile(rf"\s+({words})\b(?:\s+(?![–-]\s)[^\s,;:.()]+){{0,8}}?(?=\s+{than}\b)", re.I)
    for lang, words, than in (("de", "mehr|weniger", "als"), ("en", "more|fewer|less", "than"))
}
# After "als im"/"than in": a time ("im ersten Quartal", "in 2003", "im Vorjahr").
_TIME_AFTER = re.compile(
    rf"\s+(?:the\s+)?(?:[12]\d\d\d|{excluded.MONTHS}|(?:\w+\s+)?(?:Quartal|Halbjahr|Jahr"
    r"|Vorjahr\w*|Vormonat\w*|Monat|Woche|Zeitraum|Vergleichszeitraum|quarter|year|month"
    r"|week|period|half)\b|(?:first|second|third|fourth|same|previous|prior|last|ersten"
    r"|zweiten|dritten|vierten|gleichen|selben|vergangenen|letzten)\b)",
    re.I,
)


# "PS2 sales were more than double that": a multiple of something else, no movement.
_MULTIPLE_OF = re.compile(r"\s+(?:that|this|those|these|what)\b", re.I)
_COMPARED_AFTER = re.compile(r"\s+(?:\w+\s+)?(\w+er|more|less|fewer|mehr|weniger)\b", re.I)


def _compared_with_other(q: Quantity) -> bool:
    """A figure said to be higher or lower than something that is no earlier level of it:
    "profits set to be 15% lower than analysts had expected", "more than double that"."""
    if q.text.casefold() in ("double", "twice", "triple", "treble"):
        return bool(_MULTIPLE_OF.match(q.sentence, q.end))
    more = _COMPARED_AFTER.match(q.sentence, q.end)
    if more is None or not _comparative(more.group(1)):
        return False
    than = cues.THAN.match(q.sentence, more.end())
    return bool(than and not than.group("earlier") and than.start() == more.end())


def _comparative(word: str) -> bool:
    w = word.casefold()
    return w.endswith("er") or w in ("more", "less", "fewer", "mehr", "weniger")


_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")


def _phrasal(sentence: str, pos: int) -> bool:
    """ "racks up", "total up"; not "the annual total up 35.4%" (a noun)."""
    word = _LAST_WORD.search(sentence, max(0, pos - 20), pos)
    if word is None or not cues.is_phrasal(word.group(1)):
        return False
    return not _NOUN_BEFORE.search(sentence, max(0, word.start() - 20), word.start())


_NOUN_BEFORE = re.compile(r"\b(?:the|its|their|his|her|annual|overall|monthly|yearly)\s+$", re.I)
