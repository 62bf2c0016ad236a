"""Numbers of one sentence read together: units carried to numbers that leave them out
(`um 12 beziehungsweise 8 Prozent`), old levels (`von 20 auf 35 Prozent`, `up from
£2.6bn`), compared levels, ranges (`10 bis 15 Prozent`) and bracketed conversions
(`$1.13bn (£600m)`)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from bot.intelligence.figures import cues
from bot.intelligence.figures.quantity import Quantity

_PARTITIVE = re.compile(r"\s+(?:of\s+the|of|der|von)\s+", re.I)
_RANGE_JOIN = re.compile(r"\s?(?:-|–|bis(?:\s+zu)?|to|and|und|or|oder)\s?$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|zwischen)\s+$", re.I)
# "from 62% at the end of 2003 to more than 68%": a few words may stand between.
_TO = re.compile(
    r"\s+(?:[\w.]+\s+){0,6}?(?:to|auf|bis\s+auf)\s+"
    r"(?:(?:about|around|nearly|almost|over|more\s+than|rund|etwa|knapp|über|mehr\s+als|nun"
    r"|jetzt|now|between|zwischen|an?\s+(?:record|new)|einen?\s+(?:Rekord|neuen?))\s+)?",
    re.I,
)
# "down from an earlier estimate of 1.7%": the estimate is the old level
_ESTIMATE_OF = (
    r"(?:(?:an?|the|its)\s+(?:earlier|previous|initial|original|first|prior)\s+(?:estimate"
    r"|forecast|figure|reading|projection)\s+of\s+)?"
)
# "von derzeit 0,5 auf ein Prozent" ("from the current 2.1% level" is an orphan old level)
_FROM = re.compile(
    rf"\b(?:from|von)\s+{_ESTIMATE_OF}(?:an?\s+)?(?:(?:about|around|nearly|almost|some|rund|etwa|knapp|derzeit|bisher"
    r"|zuletzt|aktuell|einst|just|only|over|under|more\s+than|less\s+than)\s+){0,2}$",
    re.I,
)
# "zehnmal schneller", "three times as many"; words ending in -er that are no comparatives


def _mark_conversions(found: list[Quantity]) -> list[Quantity]:
    """`$1.13bn (£600m)`, `1.16bn euros ($1.5bn; £800m)`, `60 miles (100 kilometres)`:
    bracketed amounts and measures restate the one before the bracket."""
    for prev, q in pairwise([q for q in found if q.kind != "year"]):
        gap = q.sentence[prev.end : q.start].strip()  # "3bn yuan in 2004 ($365m; £190m)"
        opened = _BRACKET_OPEN.fullmatch(gap)  # "£1bn (about $2bn)"
        listed = gap in (";", ",") and prev.conversion  # "($2.9bn, £1.5bn)"
        # "£1m (more than £400,000 of it online)": a hedged amount in the same currency is a part
        part = q.unit == prev.unit and opened is not None and opened.group("part") is not None
        if q.kind == prev.kind == "money" and (opened or listed) and not part:
            q.conversion, q.restates = True, prev.restates or prev
            q.baseline = q.restates.baseline  # "from 97p ($1.87) to 44p": an old level too
        elif q.kind == prev.kind == "other" and opened and q.unit != prev.unit:
            q.conversion, q.restates = True, prev  # "50,000 square meters (538,000 square feet)"
    return found


# A bracket that opens a restatement: "(about $2bn)"; "part" is a hedge that may also open
# a part of the amount ("bis zu", "more than").
_BRACKET_OPEN = re.compile(
    r"(?:(?:in|for|im|für)\s+\d{4}\s*)?"
    r"\(\s*(?:umgerechnet\s+)?(?:(?:about|around|roughly|some|approx\.?|approximately|nearly|rund"
    r"|etwa|ca\.|(?P<part>knapp|gut|fast|bis\s+zu|up\s+to|almost|just\s+over|more\s+than"
    r"|mehr\s+als))\s*)?",
    re.I,
)


def _inherit(found: list[Quantity]) -> list[Quantity]:
    """Carry units to numbers that leave them out.

    `27 Millionen Euro, die sich um drei Millionen erhöhen könnte`: the second amount is
    in euros too. `25 der 200 Abgeordneten`, `25 of the 200 MPs`: 25 counts the same.
    `um 12 beziehungsweise 8 Prozent`, `um 0,5 auf 54,1 Punkte`: the first number has the
    unit of the second. `Von 250 gemeldeten Unfällen gingen 40 auf Glätte zurück`: 40
    counts accidents. `144 x 75,2 x 8,9 mm`: each side is in millimetres.
    """
    for q, side in reversed(list(pairwise(found))):
        if (
            q.unit is None
            and side.unit
            and side.kind == "other"
            and _BY_SIDE.fullmatch(q.sentence[q.end : side.start])
        ):
            q.unit, q.kind, q.unit_from = side.unit, "other", side.unit_from or side
    for i, q in enumerate(found):
        if q.unit is not None or q.kind not in ("count", "other"):
            continue
        nxt = next((n for n in found[i + 1 :] if n.kind != "year"), None)
        gap = q.sentence[q.end : nxt.start] if nxt else ""
        if nxt and nxt.unit and _PARTITIVE.fullmatch(gap):
            q.unit, q.kind = nxt.unit, nxt.kind
            continue
        if nxt and nxt.unit and _CHANGE_GAP.fullmatch(gap) and _after_cue(q):
            q.unit, q.kind = nxt.unit, nxt.kind  # "rose 7,000 in November to 4.464 million"
            continue
        if nxt and nxt.unit and _shares_unit(q, gap) and not (nxt.unit == "%" and q.value > 100):
            if q.scale == 1.0:
                q.value, q.scale = q.value * nxt.scale, nxt.scale
            q.unit, q.kind = nxt.unit, nxt.kind
            continue
        ranged = nxt is not None and bool(_RANGE_JOIN.fullmatch(gap))  # "20 bis 25 Personen"
        _from_before(q, found[:i], ranged)
    for q in found:
        if q.unit is None and q.kind in ("count", "other") and _bracketed(q):
            _from_bracketed_sibling(q, found)
    return found


def _bracketed(q: Quantity) -> bool:
    return q.sentence[q.end : q.end + 1] == ")" and bool(_OPENS.search(q.sentence, 0, q.start))


_OPENS = re.compile(r"(?:\(|\(\d{4}:\s?)$")


def _from_bracketed_sibling(q: Quantity, found: list[Quantity]) -> None:
    """ "vor Israel (4,11 Prozent) und Japan (3,58)", "Salzburg (22,5) und Vorarlberg (21,0
    Prozent)": a bare number in brackets has the unit of the nearest bracketed figure."""
    siblings = [p for p in found if p is not q and p.unit and _bracketed(p)]
    if siblings:
        near = min(siblings, key=lambda p: abs(p.start - q.start))
        q.unit, q.kind = near.unit, near.kind
    elif lead := _ranked_by(q, found):
        q.unit, q.kind = lead.unit, lead.kind


def _ranked_by(q: Quantity, found: list[Quantity]) -> Quantity | None:
    """ "Sachsen ist mit 126 Vorfällen Spitze, gefolgt von Nordrhein-Westfalen (59), Bayern
    (36)": a list of bare bracketed numbers ranks what the count before them counted. Two at
    least, none above that count (not "12 Verletzte, der Fahrer (34) und seine Frau (31)")."""
    bare = [p for p in found if p.unit is None and _bracketed(p)]
    if len(bare) < 2:
        return None
    counts = [p for p in found if p.unit and p.kind in ("count", "other") and p.end < bare[0].start]
    lead = counts[-1] if counts else None
    if lead is None or lead.value < 10 or _bracketed(lead):
        return None
    return lead if all(p.value <= lead.value for p in bare) else None


def _from_before(q: Quantity, before: list[Quantity], ranged: bool) -> None:
    """A number without a unit takes one from the figures before it in the sentence: the
    last amount of money for a scaled amount, the group it is part of, the noun a ranking
    counts ("Die meisten Schüler … in Wien (18.478)"), else the last count ("Some 350 films
    will be screened, with a further 300 shown at the market")."""
    money = [p for p in before if p.kind == "money"]
    if (q.scale > 1 or q.value >= 10) and (counted := number_of(q, before)):
        q.unit, q.kind = counted, "count"  # "die Zahl der Rechtssachen … um 260.000 gesunken"
        return
    if q.scale > 1 and money:
        q.unit, q.kind, q.unit_from = money[-1].unit, "money", money[-1]
        return
    group = [p for p in before if p.kind == "count" and p.unit and _GROUP.search(
        p.sentence[max(0, p.start - 12) : p.start])]  # fmt: skip
    if group and q.scale == 1.0 and q.value < group[0].value:
        q.unit, q.kind = group[0].unit, "count"
        return
    if q.scale == 1.0 and q.value >= 10 and (most := _most(q.sentence[: q.start])):
        q.unit, q.kind = most, "count"
        return
    counts = [p for p in before if p.kind == "count" and p.unit and p.value >= 10]
    if counts and not ranged and _whole(q, 10):
        q.unit, q.kind = counts[-1].unit, "count"


# "Die Zahl der Rechtssachen vor den Bezirksgerichten", "the number of court cases"
_NUMBER_OF = re.compile(
    r"\b(?:(?:Zahl|Anzahl|Gesamtzahl)\s+(?:der|an|von)\s+(?:[a-zäöüß]+\s+){0,2}(?P<de>[A-ZÄÖÜ0-9][\w-]*[a-zäöüß])"
    r"|(?:number|total)\s+of\s+(?:[a-z-]+\s+){0,2}?(?P<en>[A-Za-z][a-z-]{2,}s|unemployed|people(?!\s+(?:and|or)\s)))\b"
)


# A change in percent or a multiplier says how the count moved, not what it counts.
_RATES = frozenset({"percent", "multiplier"})


def number_of(q: Quantity, before: list[Quantity]) -> str | None:
    """The noun of "die Zahl der …" / "the number of …" earlier in the sentence, with no
    other figure between it and the number: what a bare number counts. A rate of change
    between them is no other figure when the number is the level it reached ("Die Zahl der
    Kunden stieg um 12 Prozent auf 3.000", "verdreifachte sich … auf 33.061")."""
    last = next(reversed(list(_NUMBER_OF.finditer(q.sentence, 0, q.start))), None)
    between = [p for p in before if p.start > last.end()] if last else []
    reached = _REACHED.search(q.sentence, max(0, q.start - 12), q.start)
    if last is None or any(p.kind not in _RATES or not reached for p in between):
        return None
    noun = (last.group("de") or last.group("en")).casefold()
    return "people" if cues.is_person(noun) or noun == "unemployed" else noun


_BY_SIDE = re.compile(r"\s*[x×]\s*")
_CHANGE_GAP = re.compile(r"\s+(?:in|im|last|this|since)\s+\w+\s+(?:to|auf)\s+(?:about\s+|rund\s+)?")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _after_cue(q: Quantity) -> bool:
    """ "unemployment rose 7,000": the number right after a verb of change is its amount."""
    m = _WORD_BEFORE.search(q.sentence, max(0, q.start - 20), q.start)
    return m is not None and cues.is_cue(m.group(1).casefold())


# "Die meisten Schüler mit nichtdeutschem Unterricht finden sich in Wien (18.478) vor
# Oberösterreich (4.090)": a ranking whose bare numbers count the noun it ranks.
_MOST = re.compile(
    r"\b[Dd]ie\s+(?:mit\s+Abstand\s+|weitaus\s+)?meisten\s+(?:[a-zäöüß]+\s+){0,2}([A-ZÄÖÜ][\w-]+)"
)


def _most(sentence: str) -> str | None:
    if (m := next(reversed(list(_MOST.finditer(sentence))), None)) is None:
        return None  # the nearest ranking before the number
    noun = m.group(1).casefold()
    return "people" if cues.is_person(noun) else noun


# "12 beziehungsweise 8 Prozent", "12 und 8 Prozent": two figures in one unit
_PAIR = re.compile(r"\s*(?:,|und|and|bzw\.|beziehungsweise|sowie)\s*", re.I)
_CHANGE_TO = re.compile(r"\s+(?:auf|to)\s+", re.I)  # "um 0,5 auf 54,1 Punkte"
_BY = re.compile(r"\b(?:um|by)\s+$", re.I)
_FROM_RIGHT_BEFORE = re.compile(r"\b(?:von|from)\s+$", re.I)  # "von 74 auf 79 Prozent"
_GROUP = re.compile(r"\b(?:von|of|out\s+of|unter|among)\s+(?:the\s+|den\s+)?$", re.I)


def _shares_unit(q: Quantity, gap: str) -> bool:
    if _PAIR.fullmatch(gap):
        return not _RANGE_OPEN.search(q.sentence[max(0, q.start - 10) : q.start])
    before = q.sentence[max(0, q.start - 6) : q.start]
    changed = _BY.search(before) or _FROM_RIGHT_BEFORE.search(before)
    return bool(_CHANGE_TO.fullmatch(gap) and changed)


# "8% to 9% lower than the prior year": a range, not a move from 8% to 9%
_COMPARED_AFTER = re.compile(r"\s+(?:lower|higher|more|less|fewer|up|down|niedriger|höher)\b", re.I)
_FROM_END = re.compile(
    rf"\bfrom\s+{_ESTIMATE_OF}(?:an?\s+)?(?:(?:just|only|about|around|some|nearly|almost)\s+)?$",
    re.I,
)
_FELL_BY = re.compile(r"\s+(?:decline|fall|drop)\b", re.I)  # "up from a 0.2% decline"
_CHANGE_FROM = re.compile(rf"\b(up|down|higher|lower)\s+from\s+{_ESTIMATE_OF}(?:\S+\s+)?$", re.I)
_NEW_LEVEL = re.compile(r"\b(?:to|auf)\s+(?:\S+\s+){0,2}$", re.I)  # "fell to just over £25bn"


def _mark_from_to(found: list[Quantity]) -> list[Quantity]:
    """`von 5 auf 7 Prozent`, `from 19% to 37%`: one figure, 7 %, that started at 5.

    The old level keeps `baseline` and leaves the ranking; the new one carries it as
    `start_value` with the direction the two imply. `54 million, up from 34 million a year
    ago`, `rose to 200 dinars per canister from 170 dinars` are the same with the old level
    after the new one. `einen Umsatzsprung von 16 Prozent auf 11 Milliarden` is no old
    level (the units differ), nor is "eine Strafe von 105 Millionen Dollar".
    """
    for i, q in enumerate(found):
        if not _FROM.search(q.sentence[max(0, q.start - 50) : q.start]):
            change = _CHANGE_NOUN.search(q.sentence, max(0, q.start - 40), q.start)
            if change and not _newer_level(found[:i], q, said=True):
                q.orphan = "up" if change.group(1).casefold() in _RISES else "down"
            continue
        # "von 442 Millionen Euro im Jahr 2014 im Vorjahr auf 757 Millionen": years between
        nxt = next((n for n in found[i + 1 :] if n.kind != "year" and not _inside(q, n)), None)
        if nxt and _TO.fullmatch(_BRACKETS.sub("", q.sentence[q.end : nxt.start])):
            if q.unit not in (None, nxt.unit):
                continue
            if (
                q.unit is None is nxt.unit
                and q.scale == nxt.scale
                and nxt.kind in ("other", "count")
                and nxt.value >= 1000  # not "the pension age from 60 to 65"
            ):
                nxt.kind = "count"  # "revised the jobs gains from 157,000 to 133,000"
            if q.scale == 1.0 and (q.unit is None or _same_scale(q, nxt)):
                q.value *= nxt.scale  # "from 2 to 3.5 million", "from $1.3 to $1.5bn"
            q.unit, q.kind = nxt.unit, nxt.kind
            _starts(nxt, q, None)
            continue
        before = q.sentence[max(0, q.start - 50) : q.start]
        shortfall = cues.SHORTFALL.match(q.sentence, q.end) or _FELL_BY.match(q.sentence, q.end)
        if not _FROM_END.search(before) or shortfall:
            continue  # "up from just 0.3% in 2003"; "up from a £20m loss" is no level of it
        said = _CHANGE_FROM.search(before)
        newer = _newer_level(found[:i], q, said is not None)
        if newer is not None:
            if q.unit is None:
                q.unit, q.kind = newer.unit, newer.kind
            _starts(newer, q, said.group(1).casefold() if said else None)
        elif change := _CHANGE_NOUN.search(q.sentence, max(0, q.start - 40), q.start):
            q.orphan = "up" if change.group(1).casefold() in _RISES else "down"
    return found


def _inside(q: Quantity, n: Quantity) -> bool:
    """``n`` stands in a bracket right after ``q``: "from 97p ($1.87) to 44p"."""
    return bool(_OPEN_BRACKET.fullmatch(q.sentence, q.end, n.start))


_OPEN_BRACKET = re.compile(r"\s*\([^()]*")
_COMPARED = re.compile(
    r"\s*,?\s*(?:compared\s+(?:with|to)|compares\s+(?:with|to)|gegenüber|verglichen\s+mit)"
    r"\s+(?:(?:a|the)\s+previous\s+|last\s+year's\s+|(?:rund|etwa|about|around)\s+"
    r"|(?:the\s+)?(?:previously|originally|initially|first)\s+(?:reported|estimated|stated"
    r"|announced|forecast)\s+)?$",  # "compared to the previously reported $732m": a revision
    re.I,
)


def _mark_previously(found: list[Quantity]) -> list[Quantity]:
    """ "ein Überstundenzuschlag von bloß 10 Prozent – bisher 25 Prozent –", "3% (previously
    5%)": the aside names the old level, which is no figure of its own."""
    for q, p in pairwise(found):
        same = q.unit and q.unit == p.unit and q.value != p.value and q.start_value is None
        gap = (q.end, p.start)
        if same and (
            _PREVIOUSLY.fullmatch(q.sentence, *gap) or _INSTEAD.fullmatch(q.sentence, *gap)
        ):
            _starts(q, p, None)
    return found


# "bei 32 Gigabyte Speicher anfangen statt der bisherigen 16 GB"
_INSTEAD = re.compile(
    r"(?:\s+[\wäöüß-]+){0,3}\s+(?:statt|anstelle|anstatt)\s+(?:der|des|den|dem)\s+"
    r"(?:bisherigen|früheren|alten)\s+|\s+(?:[\w-]+\s+){0,3}?instead\s+of\s+(?:the\s+)?"
    r"(?:previous|former|old|current)\s+",
    re.I,
)
_PREVIOUSLY = re.compile(
    r"(?:(?:\s+[a-zäöüß]+){1,2}\s*\(|\s*(?:[–—(,]|\s-))\s*(?:bisher|zuvor|vorher|davor|previously"
    r"|formerly|from"
    r"|(?:im\s+)?Vorjahr(?:eswert)?:?|(?:a\s+)?year\s+earlier:?)\s+"
    r"(?:(?:rund|etwa|about|around)\s+)?",
    re.I,
)


def _mark_it_was_then(found: list[Quantity]) -> list[Quantity]:
    """ "59 Prozent … nutzen, 2015 waren es 69 Prozent", "a third …; in 2010 it was 40%":
    a level of an earlier time said after the new one is where the new one moved from."""
    for q, p in pairwise([f for f in found if f.kind != "year"]):
        same = q.unit and q.unit == p.unit and q.value != p.value and q.start_value is None
        said = same and _EARLIER_IT_WAS.search(p.sentence, max(q.end, p.start - 60), p.start)
        if said and _older_first(q, said):
            p.implied = _way(p, q)  # "zählte vor Katrina 452.000 Einwohner, 2014 waren es
            # 384.000": the first level is the older one; both stay figures
        elif said:
            _starts(q, p, None)
    return found


def _older_first(q: Quantity, said: re.Match[str]) -> bool:
    """ "New Orleans zählte vor Katrina 452.000 Einwohner, 2014 waren es 384.000": the first
    level has an earlier time of its own, so the second one is the newer. Two years decide
    by their order ("Im Jahr 2016 … 59 Prozent, 2015 waren es noch 69 Prozent")."""
    then = _TIME_BEFORE.search(q.sentence, max(0, q.start - 40), q.start)
    if then is None:
        return False
    first, second = _YEAR.search(then.group(0)), _YEAR.search(said.group(0))
    return not (first and second) or int(first.group(0)[:4]) < int(second.group(0)[:4])


_TIME_BEFORE = re.compile(
    r"\b(?:[Vv]or\s+(?:\d+\s+Jahren|[A-ZÄÖÜ]\w+)|[Dd]amals|[Ff]rüher|[Ee]inst|(?:19|20)\d\d"
    r"|[Bb]efore|[Ii]n\s+\d{4})\b"
)  # not "Vor allem"
_YEAR = re.compile(r"(?:19|20)\d\d")
_HEDGE = r"(?:(?:noch|nur|erst|rund|etwa|knapp|gut|fast|mehr\s+als|about|around|nearly|just)\s+)"
_EARLIER_IT_WAS = re.compile(
    r"(?:\b(?:19|20)\d\d(?:/\d{2,4})?|\b(?:vergangenes|letztes|voriges)\s+Jahr"
    r"|\bim\s+(?:Vorjahr|Jahr\s+(?:davor|zuvor))|\bein\s+Jahr\s+(?:zuvor|davor|früher)"
    r"|\bdamals|\bzuvor|\bvorher)\s+(?:waren|war)\s+es\s+"
    rf"{_HEDGE}{{0,2}}$"
    r"|\b(?:in\s+(?:19|20)\d\d|a\s+year\s+(?:earlier|ago|before)|last\s+year)\s*,?\s+"
    rf"(?:it|the\s+figure|the\s+share|the\s+rate)\s+(?:was|stood\s+at)\s+{_HEDGE}?$",
    re.I,
)


def _mark_then_now(found: list[Quantity]) -> list[Quantity]:
    """ "Damals lagen die Beiträge bei 10 bis 11 Prozent, jetzt bei 22 Prozent": the level of
    now moved from the one of then (which stays a figure)."""
    for p, q in pairwise(found):
        same = q.unit and q.unit == p.unit and q.value != p.value and q.implied is None
        then = _THEN.search(q.sentence, max(0, p.start - 60), p.start)
        if same and then and _NOW.search(q.sentence, p.end, q.start):
            q.implied = _way(q, p)
    return found


_THEN = re.compile(r"\b(?:damals|früher|einst|back\s+then|at\s+the\s+time)\b", re.I)
_NOW = re.compile(
    r"\b(?:jetzt|heute|nun|inzwischen|mittlerweile|now|today)\s+(?:\w+\s+){0,2}$", re.I
)


def _mark_compared(found: list[Quantity]) -> list[Quantity]:
    """`£17.9bn, compared with £21.8bn in January last year`, `6GB compared to a previous
    4GB`, `9.5bn kronor (£722m; $1.3bn) against 6.3bn kronor last year`: the figure moved
    from the one it is compared with (which stays a figure)."""
    for i, p in enumerate(found):
        q = next((o for o in reversed(found[:i]) if o.unit == p.unit), None)
        if q is None or not (q.unit and q.value != p.value and q.implied is None):
            continue
        gap = _BRACKETS.sub(" ", q.sentence[q.end : p.start])
        earlier = _AGAINST.fullmatch(gap) and _EARLIER_TIME.match(p.sentence, p.end)
        if _OTHER_PARTY.match(p.sentence, p.end):
            continue  # "20,645 votes, compared to 14,738 for the Liberal Democrat": no move
        if _COMPARED.fullmatch(gap) or earlier:
            q.implied = _way(q, p)
            p.earlier = True
    return found


_BRACKETS = re.compile(r"\s*\([^()]{1,60}\)")
_OTHER_PARTY = re.compile(
    r"\s+(?:for|of|among|by)\s+(?!(?:the\s+)?(?:same|previous|prior|whole|full|end|first|second"
    r"|third|fourth|last|year|years|quarter|month|period|week|half|\d{4})\b)",
    re.I,
)
_AGAINST = re.compile(r"\s*,?\s*against\s+(?:a\s+|the\s+)?", re.I)
_EARLIER_TIME = re.compile(
    r"\s+(?:(?:in\s+)?(?:last|the\s+previous|the\s+same)\s+\w+|a\s+year\s+(?:ago|earlier)"
    r"|(?:in|for)\s+\d{4})",
    re.I,
)


# "While it predicts this fall from the current 2.1% level": the new level came before.
_CHANGE_NOUN = re.compile(
    r"\b(fall|drop|decline|slowdown|cut|rise|increase|jump|gain|climb|Rückgang|Anstieg"
    r"|Plus|Minus)\s+(?:from|von)\s+(?:the\s+|dem\s+|den\s+)?(?:current\s+|bisherigen?\s+"
    r"|previous\s+)?$",
    re.I,
)
_RISES = frozenset({"rise", "increase", "jump", "gain", "climb", "anstieg", "plus"})


def _same_scale(old: Quantity, new: Quantity) -> bool:
    """ "from $1.3 to $1.5bn": a small bare old level in the new one's unit borrows its scale
    when the two stay within a factor of ten ("from $500 to $1.5bn" does not)."""
    if old.unit != new.unit or new.scale <= 1 or old.value >= 1000:
        return False
    return 0.1 <= old.value * new.scale / new.value <= 10


def _newer_level(before: list[Quantity], old: Quantity, said: bool) -> Quantity | None:
    """The figure an old level after it belongs to: the last one in its unit ("up from")
    or the last one a "to" introduced ("rose to 200 dinars ... from 170 dinars")."""
    same = [
        p
        for p in before
        if not p.baseline
        and not p.conversion
        and (p.unit == old.unit or (old.unit is None and p.scale == old.scale > 1))
        and p.unit
    ]
    if not same:
        return None
    newer = same[-1]
    if said or _NEW_LEVEL.search(newer.sentence[max(0, newer.start - 30) : newer.start]):
        return newer
    return None


def _starts(new: Quantity, old: Quantity, word: str | None) -> None:
    old.baseline, new.start_value = True, old.value
    if word in ("up", "higher"):
        new.implied = "up"
    elif word in ("down", "lower"):
        new.implied = "down"
    elif new.value != old.value:
        new.implied = _way(new, old)


def _way(new: Quantity, old: Quantity) -> str:
    """Which way a level moved from an old one of the same measure."""
    return "up" if new.value > old.value else "down"


def _merge_ranges(found: list[Quantity]) -> list[Quantity]:
    """`10 bis 15 Prozent`, `$5-10bn`, `between 2 and 3 million`: one figure, the low end."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev
            and not prev.baseline
            and prev.kind != "year"
            and (q.unit or q.scale > 1)
            and (prev.unit in (None, q.unit))
        ):
            gap = q.sentence[prev.end : q.start]
            opened = _RANGE_OPEN.search(q.sentence[max(0, prev.start - 10) : prev.start])
            word = gap.strip()
            if q.value / (q.scale if prev.unit is None else 1.0) < prev.value:
                out.append(q)  # "5-4" runs backwards: a score or a code, not a range
                continue
            unscaled = (  # "$1.3 to $1.5bn"; not "by 80,000 barrels a day to 84 million"
                prev.unit == q.unit
                and prev.scale == 1 < q.scale
                and prev.value * q.scale <= q.value
            )
            compared = prev.unit == q.unit and _COMPARED_AFTER.match(q.sentence, q.end)
            joined = _RANGE_JOIN.fullmatch(gap) and (
                word not in ("and", "und", "to", "or", "oder")
                or (word in ("to", "or", "oder") and (prev.unit is None or unscaled or compared))
            )
            if joined or (opened and _RANGE_JOIN.fullmatch(gap)):
                scale = q.scale if prev.unit is None or unscaled else 1.0
                out[-1] = replace(prev, end=q.end, unit=q.unit, kind=q.kind,
                                  value=prev.value * scale, scale=scale)  # fmt: skip
                continue
        out.append(q)
    for q in out:
        if q.kind == "other" and q.unit is None and it_was(q):
            q.kind = "bare"  # "Im Jänner waren es knapp 1.700": the story may say what
        elif q.kind == "other" and q.unit is None and _reached(q):
            q.kind = "reached"  # "New loans fell to 77,000": the subject may say what
        elif q.kind == "other" and q.unit is None and (noun := _plural_of(q)):
            q.unit, q.kind = noun, "count"  # "download sales of 312,000"
    return [q for q in out if q.kind != "other" or q.unit]


# "Im ganzen Jänner 2015 waren es knapp 1.700", "In ganz Serbien sind es rund 2.000": a
# number that says "it was" counts what the story counted last (ranking._LastCounted).
_IT_WAS = re.compile(
    r"\b(?:(?:waren|sind|seien|wären|werden)\s+es|es\s+(?:waren|sind|seien))\s+"
    r"(?:(?:nur|noch|bereits|schon|mehr|als|rund|etwa|knapp|über|fast|bis|zu)\s+){0,3}$"
)


# "fell to 77,000", "stiegen auf rund 3.000": the level a move reached.
_REACHED = re.compile(
    r"\b(?:to|auf)\s+(?:(?:about|around|nearly|almost|some|just|rund|etwa|knapp|gut|fast)\s+)?$"
)


def _whole(q: Quantity, least: float) -> bool:
    """A whole number from ``least`` up with no scale word: a bare count, not "1,5 Mio."."""
    return q.scale == 1 and q.value >= least and q.value == int(q.value)


def _reached(q: Quantity) -> bool:
    return _whole(q, 100) and bool(_REACHED.search(q.sentence, max(0, q.start - 20), q.start))


# "download sales of 312,000", "total arrivals of about 2,500": a plural noun right
# before "of" and the number says what it counts.
_PLURAL_OF = re.compile(
    r"\b([a-z]{3,}s)\s+of\s+(?:(?:about|around|nearly|almost|some|just|over|more\s+than)\s+)?$"
)


def _plural_of(q: Quantity) -> str | None:
    if not _whole(q, 100):
        return None
    m = _PLURAL_OF.search(q.sentence, max(0, q.start - 40), q.start)
    noun = m.group(1) if m else ""
    return noun if noun and noun not in cues.AMOUNT_PLURALS else None


def it_was(q: Quantity) -> bool:
    """A whole number from ten up right after "waren es", "sind es" or "es waren"."""
    return _whole(q, 10) and bool(_IT_WAS.search(q.sentence, max(0, q.start - 60), q.start))


def resolve(found: list[Quantity]) -> list[Quantity]:
    """The figures of a sentence in reading order, read together."""
    found.sort(key=lambda q: q.start)
    found = _mark_from_to(_inherit(_drop_rounded_shares(found)))
    found = _mark_it_was_then(_mark_previously(_merge_ranges(found)))
    return _mark_conversions(_mark_compared(_mark_then_now(found)))


_BRACKETED_PERCENT = re.compile(r"[^()]{0,40}\($")


def _drop_rounded_shares(found: list[Quantity]) -> list[Quantity]:
    """`Rund die Hälfte der Werbeaufträge (48 Prozent)`, `nearly a third (31%)`: the share
    in words is the bracketed exact one rounded; only the exact one is a figure."""
    exact = [q for q in found if q.kind == "percent" and any(c.isdigit() for c in q.text)]
    said = [q for q in found if q.kind == "percent" and all(q is not e for e in exact)]
    rounded = {id(q) for q in said if any(_rounds(q, e) for e in exact)}
    return [q for q in found if id(q) not in rounded]


def _rounds(said: Quantity, exact: Quantity) -> bool:
    gap = exact.sentence[said.end : exact.start]
    return bool(_BRACKETED_PERCENT.fullmatch(gap)) and abs(said.value - exact.value) <= 10
