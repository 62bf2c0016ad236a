"""What a figure measures, read from its sentence.

``named_label`` takes a word or two from the most specific source the sentence offers: the
counted noun, the comparative of a multiplier, a measure word nearby or a phrase around the
figure (``phrases``), what follows the amount; ``clause_subject`` falls back to what the
clause is about (``subjects``). Another figure in the sentence is a wall label words do not
cross (``clauses``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bot.intelligence.figures import cues, phrases, subjects, verbs
from bot.intelligence.figures.clauses import ASIDE, blocked, clause, layout, walls
from bot.intelligence.figures.cues import words_of
from bot.intelligence.figures.numbers import scale_of
from bot.intelligence.figures.quantities import COMPARATIVE, NOUN, QUOTES, Quantity, quote_at
from bot.intelligence.figures.units import attendance
from bot.intelligence.stopwords import FUNCTION_WORDS

_ALPHA = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WHAT_FOLLOWS = re.compile(
    r"\s(?:(?:in|of)\s+)?(?:(?:the|those|these|all|its|their|new)\s+)*([a-z][a-z-]{3,})\b"
)
# A share someone owns is their stake: "who own 28.9% of the club", "hält 25 Prozent an".
_OWNS = {
    "en": re.compile(
        r"\b(owns?|owned|owning|holds?|held|holding|acquired|bought|sold|buy|sell|controls?"
        r"|controlled)\s+(?:(?:about|around|some|more\s+than|nearly|almost|just|over|a|an|another"
        r"|the\s+remaining|a\s+further)\s+)*$"
    ),
    "de": re.compile(
        r"\b(hält|besitzt|besitzen|besaß|erwarb|erwirbt|kaufte|verkaufte|übernahm|übernimmt"
        r"|kontrolliert)\s+(?:(?:rund|etwa|knapp|gut|mehr\s+als|fast"
        r"|weitere|die\s+restlichen)\s+)*$"
    ),
}
_MARKET = re.compile(r"\s+(?:\S+\s+){1,5}?(?:market|\w*markt(?:es|s)?)\b", re.I)
# What is owned: "of the club", "an der OMV", not "of the seats", "des Landes".
_OWNED_PART = re.compile(
    r"\s+(?:of|in|an|der|des|am|stake|holding)\b(?!\s+(?:the\s+)?(?:\w+\s+)?(?:seats?|votes?"
    r"|territory|land|country|Sitze|Stimmen|Mandate|Landes|Gebiets?)\b)",
    re.I,
)
# The people a poll asked, who are no label of its shares: "51% of those polled had made
# up their minds", "45% of people would vote against".
_POLL_VERBS = "polled|asked|surveyed|questioned|interviewed"
_POLLED = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:those\s+(?:{_POLL_VERBS})"
    r"|(?:people|respondents|adults|voters|users|consumers|Britons|Americans)\b"
    rf"(?:\s+(?:{_POLL_VERBS}))?)\b",
    re.I,
)
# "$1.354 to the euro", "$1.20 against the euro": an exchange rate.
_AGAINST = re.compile(
    r"\s+(?:against|versus|to|per|gegenüber)\s+(?:the\s+|dem\s+)?(?:[A-Z][a-z]+\s+)?"
    r"(euro|dollar|yen|pound|sterling|franc|yuan|Euro|Dollar|Yen|Pfund|Franken)\b"
)
_CURRENCY_NAME = {"USD": "dollar", "EUR": "euro", "GBP": "pound", "JPY": "yen", "CHF": "franc"}
_PARTITIVE = re.compile(
    r"\s+(?:der|von|of\s+the|of)\s+(?:\d[\d.,]*\s+)?([A-ZÄÖÜa-zäöüß][\wäöüß-]{3,})"
)
_COMMA = re.compile(r",\s")
# A measure word followed by a preposition or genitive heads its phrase: "Earnings at
# Barclays Capital investment bank", "Die Preise der Ausgabengruppe Verkehr", "Der operative
# Gewinn vor Zinsen, Steuern und Abschreibungen".
_HEAD_OF_PHRASE = re.compile(r"\w*\s+(?:at|of|for|from|der|des|für|bei|im|aus|vor)\s", re.I)
_COMPOUND_NOUN = re.compile(r"-([A-ZÄÖÜ]\w+)")


def _label_clause(q: Quantity) -> tuple[int, int]:
    left, right = clause(q.sentence, q.start, q.end)
    if q.sentence[max(0, q.start - 1) : q.start] == "(" and left == q.start:
        left, _ = clause(q.sentence, q.start - 1, q.start - 1)  # "Gemüse (plus 9,4 Prozent)"
    return left, right


def clause_subject(
    q: Quantity, lang: str, others: Sequence[Quantity] = (), previous: str = ""
) -> str | None:
    """The weakest label: whatever the clause is about ("Das Unternehmen muss ...").

    In English the clause starts after another figure before this one: in "the disabled
    will make up 16% and the elderly nearly a third" the third is the elderly's. A pronoun
    ("It has lost 7%", "Sie legten um 0,1 Prozent zu") stands for what the sentence before
    was about (``previous``).
    """
    left, _ = _label_clause(q)
    if lang != "de":
        left = max([left] + [o.end for o in others if left <= o.end <= q.start])
    text = ASIDE.sub(" ", q.sentence[left : q.start])  # "Liquidity - a measure … - was"
    text = _ADVERB_ASIDE.sub(" ", text)  # "Consumption, meanwhile, has jumped to"
    text = _SESSION.sub(r"\1 ", text)  # "The Nikkei index ended the day up 0.7%"
    # "The unemployment rate is improving, too: It is set to slip below 13%": the clause
    # before comes first, then the sentence before.
    before = (q.sentence[:left], previous) if left > 0 else (previous,)
    if left > 0 and _SAID.search(q.sentence[:left]):
        before = (previous,)  # 'Professor Allsop said: "Reducing the limit …"': the speaker
    # "Heizöl verbilligte sich um fast ein Viertel, Sprit immerhin um 13,5 Prozent": after
    # a comma that follows another figure a list item names its own subject.
    comma = q.sentence.rfind(", ", left, q.start)
    listed = any(left <= o.end <= comma for o in others)
    return subjects.subject(text, lang, previous=before, list_item=listed)


_ADVERB_ASIDE = re.compile(
    r",\s*(?:meanwhile|however|though|moreover|furthermore|nevertheless|instead|in\s+turn"
    r"|for\s+example|for\s+instance|jedoch|allerdings|indes|hingegen|dagegen|wiederum)\s*,",
    re.I,
)
# The trading session between a market's verb and its move: "ended the day up".
_SESSION = re.compile(
    r"\b(ended|closed|finished|began|started|opened)\s+(?:the|its)\s+(?:day|session|week|year"
    r"|month|quarter)\s+(?=(?:up|down|higher|lower)\s+$)",
    re.I,
)
_SAID = re.compile(
    r"\b(?:said|says|told|added|explained|sagte|sagt|meinte|erklärte|betonte)\s*:\s*[\"“„]?\s*$",
    re.I,
)


def named_label(q: Quantity, lang: str, others: Sequence[Quantity] = ()) -> str | None:
    """The label when the sentence names what the figure measures, else None."""
    label = _named(q, lang, others)
    if q.kind == "money" and _is_price(q, label, lang):
        return "Preis" if lang == "de" else "price"
    if lang == "de" and q.kind == "percent" and (said := phrases.poll_answer(q, label)):
        return said  # "jeder zehnte Befragte checkt nachts Firmennachrichten"
    return label


def _is_price(q: Quantity, label: str | None, lang: str) -> bool:
    """A sum something sells for, whatever the words around it name: "die Lumix G7 ab ca.
    630 Euro hervorgehoben" (not "hervorgehoben"), "das iWork 11, das für rund 300 Euro zu
    haben ist" (not "Marke"), "will go on sale for $250 (£132)" (not "sale"), "Rosneft
    bought the Yugansk unit for $9.3bn" (not "unit")."""
    if lang == "de":
        ab = (label is None or label.islower()) and _priced(q)
        return ab or (q.value <= 10_000 and _bought_for(q, label))
    return lang == "en" and (bool(_ON_SALE.search(q.sentence, 0, q.start)) or _bought(q))


_ON_SALE = re.compile(
    r"\b(?:on\s+sale|sells?|selling|retails?|retailing|priced|available)\s+(?:for|at)\s+"
    r"(?:(?:about|around|just|only|under)\s+)?$",
    re.I,
)
_BOUGHT_FOR = re.compile(
    r"\b(?:bought|buys?|buying|sold|sells?|selling|acquired?|acquires|acquiring|purchased?"
    r"|purchasing|snapped\s+up)\b[^,;:()]{1,60}?\bfor\s+(?:(?:about|around|some|just|nearly"
    r"|almost|an\s+estimated|a\s+reported|more\s+than|over|under)\s+)?$",
    re.I,
)


def _bought(q: Quantity) -> bool:
    """What a buyer paid: "bought the Yugansk unit for $9.3bn", not "who bought the bonds
    are now claiming compensation for $2bn" (another verb between)."""
    m = _BOUGHT_FOR.search(q.sentence, 0, q.start)
    return m is not None and not _SECOND_VERB.search(m.group(0).split(maxsplit=1)[-1])


# "Investors who bought the bonds are now claiming compensation for $2bn": another verb
_SECOND_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|now|\w+ing|claim\w*|su(?:e|ed|es)|paid|pay)\b",
    re.I,
)
# "ab 739 Euro erhältlich" ("um 2 Millionen Euro weniger ausgegeben" is no price)
_PRICE_BEFORE_DE = re.compile(
    r"\bab\s+(?:(?:ca\.|etwa|rund|knapp|hierzulande|nur|bereits|schon)\s+){0,2}$", re.I
)


# "ein Tablet für 50 Dollar", "das für rund 300 Euro zu haben ist"
_HEDGE_DE = r"(?:(?:ca\.|etwa|rund|knapp|nur|gut|unter|weniger\s+als)\s+)?$"
_FOR_DE = re.compile(rf"\bfür\s+{_HEDGE_DE}")
_COSTS_DE = re.compile(rf"\bkoste(?:t|te|n|ten)\s+{_HEDGE_DE}")
# "soll im September in den Handel kommen und 10.000 Yen (71 Euro) kosten"
_COSTS_AFTER_DE = re.compile(r"(?:\s*\([^()]{1,40}\))?\)?\s+koste(?:t|te|n|ten)\b")
# What a sum "für" a thing can be other than its price: a fee, a cost, a wage.
_PAID_DE = re.compile(
    r"(?:preis|gebühr|kosten|miete|gehalt|lohn|prämie|beitrag|abo|tarif|strafe|buße|steuer"
    r"|zuschlag|pauschale|honorar)\w*$",
    re.I,
)


def _bought_for(q: Quantity, label: str | None) -> bool:
    """A consumer price: a small sum right after "für" or "kostet", or before "kosten",
    unless the label names what kind of payment it is ("Jahresgebühr", "Miete")."""
    if _FOR_DE.search(q.sentence, max(0, q.start - 25), q.start):
        return label is None or not _PAID_DE.search(label)
    costs = _COSTS_DE.search(q.sentence, max(0, q.start - 25), q.start) or _COSTS_AFTER_DE.match(
        q.sentence, q.end
    )  # "kostet": a product's price only when small, not "Der Streik kostet 9.000 Euro"
    small = q.value < _SMALL_PRICE.get(q.unit or "", 1_000)
    return bool(costs) and small and (label is None or not _PAID_DE.search(label))


_SMALL_PRICE = {"JPY": 150_000, "INR": 80_000, "RUB": 80_000}


def _priced(q: Quantity) -> bool:
    return bool(_PRICE_BEFORE_DE.search(q.sentence, max(0, q.start - 30), q.start))


def _named(q: Quantity, lang: str, others: Sequence[Quantity]) -> str | None:
    tail = q.sentence[q.end :]
    if q.unit == "magnitude":  # "der Stärke 5,8 erschütterte": what a quake measures
        return (
            "Stärke"
            if "Stärke" in q.sentence[max(0, q.start - 12) : q.start]
            else ("Magnitude" if lang == "de" else "magnitude")
        )
    if q.unit == "people" and attendance(q.sentence, q.start, q.end):
        return "Zuschauer" if lang == "de" else "attendance"
    if lang == "de" and q.kind == "percent" and (group := _AMONG_DE.match(tail)):
        return group.group(1)  # "verglichen mit 17,1 Prozent bei den Weißen"
    if q.unit in _RATES and (way := _LINK.match(tail)):
        return way.group(1)  # "mit 21 Mbit/s im Downstream"
    if lang != "de" and q.kind in ("money", "percent") and (short := cues.SHORTFALL.match(tail)):
        return short.group(1)  # "up from a £20m loss", "after a 0.2% contraction"
    if q.kind == "percent" and (party := _party(q, others)):
        return party  # "liegen die Grünen im 18. Bezirk mit 27,93 Prozent"
    if lang == "de" and q.kind in ("percent", "money") and (stock := _stock(q, others)):
        return stock  # "schlossen Titel der voestalpine (minus 2,34 Prozent auf 37,33 Euro)"
    if q.kind == "percent" and _OWNED_PART.match(tail) and (owner := _owned(q, lang)):
        if _MARKET.match(tail):
            return "Marktanteil" if lang == "de" else "market share"  # "45% of the market"
        if owner != "controls":
            return "Anteil" if lang == "de" else "stake"  # "who own 28.9% of the club"
    if lang == "en" and _POLLED.match(tail) and (said := predicate(q, lang)):
        return said  # "45% of people would vote against": not "people"
    noun = NOUN.match(tail) if q.kind == "count" else None
    if noun and quote_at(tail, noun.start(1) - 1) and not quote_at(tail, noun.end(1)):
        noun = _AFTER_QUOTE.match(tail, noun.start(1))  # '"entertainment and leisure" robots'
    counted = q.text.split()[-1].strip(".," + QUOTES) if q.kind == "count" else ""
    generic = ""  # "400 people were injured": "injured" says more than "people"
    if q.unit and counted.replace("-", "").isalpha() and scale_of(counted, lang) is None:
        if counted.casefold() not in phrases.GENERIC_PEOPLE:
            return counted  # "464,000 subscribers", "1500 Grenzbeamte"
        generic = counted
    if q.kind == "money" and lang == "de" and _SCALED_MONEY.search(counted := q.text.split()[-1]):
        return counted  # "16 Bruttowerbemillionen"
    if far := verbs.distance(q, lang):
        return far  # "Der Grenzübertritt rund 4.000 Kilometer von Syrien entfernt"
    if what := _measured_thing(q, tail, lang):
        return what  # "18 Millionen Hektar Wald", "793,000 barrels of oil per day"
    if what := _said_after(q, tail, lang):
        return what
    best = _nearest_candidate(q, lang, others)
    if best:
        return best
    if generic:
        return generic
    capitalized = noun is not None and (lang != "de" or noun.group(1)[:1].isupper())
    if noun and capitalized and noun.group(1).casefold() not in cues.NOT_LABELS:
        return noun.group(1)  # not "heuer sollen es maximal 37.500 sein"
    if lang == "en" and (m := _WHAT_FOLLOWS.match(_after_conversion(tail))):
        word = m.group(1)
        verbal = cues.is_verb(word) or word.endswith(("ing", "ed"))  # "12% saying they"
        if word.casefold() not in cues.NOT_LABELS | phrases.WHEN and not verbal:
            return word  # "$1m payoff", "£82.7m in fines", "4% of those questioned"
    return None


# The group a share is of, named right after it: "10,4 Prozent bei den Hispanics".
_AMONG_DE = re.compile(
    r"\s+bei\s+(?:den|der)\s+(?!\w*(?:wahl|wahlen|abstimmung|umfrage|befragung|referendum|jahr)\b)"
    r"((?-i:[A-ZÄÖÜ])[\wäöüß-]{3,})\b",
    re.I,
)
# Which way a data rate goes: "21 Mbit/s im Downstream", "2 Mbps for uploads".
_RATES = frozenset({"Mbps", "Gbps", "kbps"})
_LINK = re.compile(
    r"\s+(?:im|beim|in\s+the|for|for\s+the)?\s*(downstream|upstream|download|upload)s?\b", re.I
)


def _after_conversion(tail: str) -> str:
    """The words after an amount's bracketed conversion: "$3bn (£1.58bn) in repayments"."""
    m = _CONVERSION.match(tail)
    return tail[m.end() - 1 :] if m else tail


_CONVERSION = re.compile(r"\s*\([^()]*\d[^()]*\)\s(?=(?:in|of)\s)")


# The word after a quoted phrase: '2.5 million "entertainment and leisure" robots'.
_AFTER_QUOTE = re.compile(rf"[^{QUOTES}]{{1,40}}[{QUOTES}]\s+([^\W\d][\w-]*)")


def _owned(q: Quantity, lang: str) -> str | None:
    """ "owns" when someone owns the share, "controls" when they control it (a market's only),
    None when the words before name no owner."""
    m = _OWNS["de" if lang == "de" else "en"].search(q.sentence, max(0, q.start - 30), q.start)
    if m is None:
        return None
    return "controls" if m.group(1).casefold().startswith(("control", "kontroll")) else "owns"


# "5.65bn euros ($7.4bn; £3.9bn) of purchases"; not "of taxpayers' money"
_OF_THING = re.compile(r"\s*\([^()]{1,40}\)\s+of\s+([a-z]{4,}s)\b(?!['’])")


_NOUN_DE = re.compile(r"\s+([A-ZÄÖÜ][\w-]{2,})")


def _said_after(q: Quantity, tail: str, lang: str) -> str | None:
    """What the words right after the figure say it measures: a comparative, a compound,
    an exchange rate, a partitive."""
    compared = COMPARATIVE.match(tail) if q.kind == "multiplier" else None
    inflected = lang == "de" and compared is not None and compared.end() > compared.end(1)
    if inflected and (noun := _NOUN_DE.match(tail, compared.end() if compared else 0)):
        return noun.group(1)  # "ein fünfmal höheres Unfallrisiko": what is compared
    if compared and (what := _compared(q.sentence, q.end + compared.end(1), compared.group(1))):
        return what  # "zehnmal schneller"; "1.9 times more likely" says how, not what
    if m := _COMPOUND_NOUN.match(tail):
        return m.group(1)  # "30-Euro-Gutschein", "130-kg-Koloss", "20,7 Megapixel-Kamera"
    if q.kind == "money" and (m := _OF_THING.match(tail)):
        return m.group(1)  # "5.65bn euros ($7.4bn; £3.9bn) of purchases"
    if q.kind == "money" and (m := _AGAINST.match(tail)):
        own = _CURRENCY_NAME.get(q.unit or "", q.unit)
        if own != m.group(1).casefold():  # "Sterling rose to $1.88 against the dollar":
            return f"{own}/{m.group(1).casefold()}"  # sterling's, said by the subject
    partitive = _PARTITIVE.match(tail) if q.kind == "count" else None
    if partitive and lang == "de" and not partitive.group(1)[:1].isupper():
        partitive = None  # "4.528 von österreichweit 7.228": an adverb, no noun
    if partitive and partitive.group(1).casefold() not in cues.NOT_LABELS:
        return partitive.group(1)  # "25 der 200 Abgeordneten", "25 of the 200 MPs"
    return None


def _nearest_candidate(q: Quantity, lang: str, others: Sequence[Quantity]) -> str | None:
    """The nearest measure word or phrase label of the clause that no other figure owns."""
    left, right = _label_clause(q)
    lo, hi = max(left, q.start - 90), min(right, q.end + 30)
    apposition = q.sentence[: q.start].rstrip().endswith(",")  # "Posten, 346.000 Euro, sind"
    if not apposition and (comma := _COMMA.search(q.sentence, q.end, hi)):
        hi = comma.start()  # "um 2,0 Prozent, Wohnungsmieten um 3,6": the next one's word
    best: tuple[int, str] | None = None
    fences = walls(q, others)
    for pos, dist, label in _candidates(q, lang, lo, hi):
        span = (pos, q.start) if pos < q.start else (q.end, pos)
        if blocked(span, fences) or any(a <= pos < b for a, b in fences):
            continue  # the word belongs to another figure ("12,800 jobs ... its $16bn")
        if (pos < q.start or pos >= q.end) and (best is None or dist < best[0]):
            best = (dist, label)
    return best[1] if best else None


_THING_DE = re.compile(r"\s+([A-ZÄÖÜ](?:[a-zäöüß]+|[A-Z]{1,4}\b)(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*)\b")
_THING_EN = re.compile(r"\bof\s+([a-z][a-z-]{2,})\b")
_SCALED_MONEY = re.compile(r"^[A-ZÄÖÜ][a-zäöüß-]{2,}(?:millionen|milliarden)$")


def _measured_thing(q: Quantity, tail: str, lang: str) -> str | None:
    """What a measure is of: the noun right after it in German ("3,999 Milliarden Hektar
    Wald"), the "of" phrase in English ("barrels of oil", "tonnes of cocaine")."""
    if q.kind != "other" or not q.unit:
        return None
    m = (
        _THING_DE.match(tail)
        if lang == "de"
        else (_THING_EN.search(q.text) or _THING_EN.match(tail.lstrip()))
    )
    if m is None:
        return None
    word = m.group(1)
    folded = word.casefold()
    if folded in cues.NOT_LABELS or folded in cues.MEASURE_NOUNS or folded in cues.DURATION_NOUNS:
        return None
    return None if folded in cues.CURRENCY_WORDS or scale_of(word, lang) else word


_SAYS = re.compile(
    r"\b(?:said|says|say|claim(?:s|ed)?|argue[sd]?|want(?:s|ed)?|sagte[n]?|sagt|meint(?:e|en)?"
    r"|fordert(?:e|en)?|kritisiert(?:e|en)?)\b"
)


def _party(q: Quantity, others: Sequence[Quantity]) -> str | None:
    """The party named last before a share in its clause, with no other figure between."""
    left, _ = _label_clause(q)
    fences = walls(q, others)
    named = [
        m
        for m in cues.PARTY_RE.finditer(q.sentence, max(left, q.start - 120), q.start)
        if not blocked((m.end(), q.start), fences)
        and not _SAYS.search(q.sentence, m.end(), q.start)  # "The Conservatives said a third"
    ]
    return named[-1].group(0) if named else None


# "die Titel der Raiffeisen Bank International (RBI)", "Aktien der OMV": whose shares.
_SHARES_OF = re.compile(
    r"\b(?:Titel|Aktien?|Papiere|Anteilsscheine|Wertpapiere|Vorzugsaktien)\s+(?:der|des|von)\s+"
    r"((?:[A-ZÄÖÜ0-9][\w&.-]*|[a-zäöü][\w-]*[A-Z][\w-]*|voestalpine)(?:\s+[A-ZÄÖÜ][\w&.-]*){0,3})"
)


# What a market report says between a company's shares and their price or change: "Titel
# der voestalpine (minus", "Aktien der OMV mit einem leichten Minus von" (not "Für den Titel
# der Champions League kassiert", "kaufte Aktien der OMV und hält nun").
_MARKET_MOVE = re.compile(r"\(|\b(?:[Pp]lus|[Mm]inus|schloss\w*|notiert\w*|auf)\b")
_BREAK = re.compile(r"[;:]|,\s(?:während|aber|doch|und)\b")


def _stock(q: Quantity, others: Sequence[Quantity]) -> str | None:
    """The company whose shares moved, named right before the figure (an opening bracket
    between is no clause break here: "Titel der voestalpine (minus 2,34 Prozent")."""
    fences = walls(q, others)
    named = [
        m
        for m in _SHARES_OF.finditer(q.sentence, max(0, q.start - 100), q.start)
        if not blocked((m.end(), q.start), fences)
        and not _BREAK.search(q.sentence, m.end(), q.start)
        and _MARKET_MOVE.search(q.sentence, m.end(), q.start)
    ]
    return named[-1].group(1) if named else None


def _candidates(q: Quantity, lang: str, lo: int, hi: int) -> Iterator[phrases.Candidate]:
    """Measure words of the clause and the phrase labels, each with its distance; none
    from an aside the figure is not in ("approvals - loans approved but not yet made -")."""
    asides = [(a, b) for a, b in layout(q.sentence)[0] if not a <= q.start < b]
    for pos, label in cues.label_candidates(q.sentence[lo:hi], lang):
        pos += lo
        if any(a <= pos < b for a, b in asides):
            continue
        dist = q.start - pos if pos < q.start else pos - q.end + 30
        if pos < q.start and _HEAD_OF_PHRASE.match(q.sentence, pos + len(label)):
            dist -= 40  # "Earnings at Barclays Capital investment bank rose 25%": earnings
        yield pos, dist, label
    yield from phrases.candidates(q, lang)


# "zwölfmal so viele Planeten", "10 times more powerful", "42 Mal so hoch wie der Grenzwert"
_COMPARED_WITH = re.compile(r"\s+(?:\w+\s+){0,2}?(?:wie|as|than)\s+(?:der|die|das|the)\s+([\w-]+)")
_NEXT_WORD = re.compile(r"\s+([^\W\d][\w-]*)")
_QUANTIFIERS = frozenset({"more", "less", "mehr", "weniger", "many", "much", "viele", "viel"})
_ADJECTIVE_ENDS = ("ly", "ful", "ive", "able", "ible", "ous", "ant", "ent", "ig", "lich", "isch")


def _compared(sentence: str, pos: int, comparative: str) -> str | None:
    """What a multiplier compares: the word after "more"/"so viele", or what it is "as high
    as"; the comparative itself ("schneller") when it is the measure. None when "more" is
    followed by an adjective or "than" ("1.9 times more likely", "ten times more than in
    2003"): the clause's subject says more."""
    if comparative.casefold() in _QUANTIFIERS:
        m = _NEXT_WORD.match(sentence, pos)
        word = m.group(1).casefold() if m else ""
        if word.endswith(_ADJECTIVE_ENDS) or word in ("than", "als"):
            return None
        if m and word not in cues.NOT_LABELS:
            return m.group(1)
    elif m := _COMPARED_WITH.match(sentence, pos):
        return m.group(1)
    return comparative


# "More than half of 2,000 people surveyed said they had privacy worries", "59% are men",
# "two-thirds sold their music via the net", "with nine out of 10 going online to promote"
_SHARE_SUBJECT_EN = re.compile(
    r"(?:\s+of(?:\s+(?!who\b|which\b)[\w',-]+){1,5}?(?=\s+(?:(?:said|say|says)\b"
    rf"|(?!(?:{_POLL_VERBS})\b)[a-z]+(?:ed|ing)\b"
    r"|(?:are|were|is|was|have|had|knew|think|thought|believe|believed|want|wanted|own|sold"
    r"|went|did|do|would|will|could|can|may|might|should)\b)))?"
    r"\s+(?:(?:said|say|says)\s+(?:that\s+)?(?:they|it|he|she)\s+)?"
    r"(?:(?:are|were|is|was|would\s+be|would|will|could|can|may|might|should|did|do|does)\s+)?"
    r"(?:(?:had|have|has)\s+(?=\w+(?:ed|en)\b|made\b|done\b))?"
    r"(?P<neg>not\s+)?(?:[a-z]+ly\s+)?(?P<verb>[a-z][a-z-]+)"
)
# The share opens its clause: "More than 80% offered", "with nine out of 10 going", not
# "creditors - which own 99% of LG Card - have".
_OPENS_CLAUSE = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:with|while|and|but|however|whereas|only|just|that|found|finds|showed"
    r"|shows|suggests|suggested|revealed|reveals)\s+)(?:(?:only|just|almost"
    r"|nearly|about|around|some|roughly|more\s+than|less\s+than|fewer\s+than|over|under|another"
    r"|a\s+further)\s+)*$",
    re.I,
)
_NO_PREDICATE = words_of("before after ago this next last than from with more less")
_PREDICATE_WORDS = 3


def predicate(q: Quantity, lang: str) -> str | None:
    """English, when nothing else names it: what a share that is a sentence's subject says
    its part did or is ("More than 80% offered free samples online" -> "offered free
    samples", "59% are men" -> "men")."""
    if lang == "de" or q.kind != "percent":
        return None
    m = _SHARE_SUBJECT_EN.match(q.sentence, q.end)
    if m is None or not _OPENS_CLAUSE.search(q.sentence, 0, q.start):
        return None
    verb = m.group("verb").casefold()
    if cues.is_cue(verb) or verb in _NO_PREDICATE or verb in FUNCTION_WORDS["en"] - _HAVE:
        return None  # "5% rose" is a change, said by direction; "10% before the uprising"
    words = [f"not {m.group('verb')}" if m.group("neg") else m.group("verb")]
    for word in _NEXT_WORD.finditer(q.sentence, m.end("verb")):
        key = word.group(1).casefold()
        if len(words) == _PREDICATE_WORDS or not key.isalpha():
            break
        particle = len(words) == 1 and key in _PARTICLES  # "vote against", "made up"
        if not (key in _INSIDE_PREDICATE or particle) and (
            key in cues.NOT_LABELS or key in FUNCTION_WORDS["en"]
        ):
            break
        if key.endswith(("ed", "ing")):
            break  # "59% are men compared to 41% of women"
        words.append(word.group(1))
        if q.sentence[word.end() : word.end() + 1] in ",.;:":
            break
    while words[-1].casefold() in _INSIDE_PREDICATE:
        words.pop()  # "wanted a player", not "wanted a"
    return " ".join(w for w in words if w.casefold() not in ("their", "its"))


_INSIDE_PREDICATE = words_of("their its not a an the")
_PARTICLES = words_of("up against out off down over for")
_HAVE = words_of("have has had")


_SHARE_IN_BRACKET = re.compile(r"\b(?:Hälfte|Drittel|Viertel|Fünftel)\s*\($")
_COMPARED_DE = re.compile(r"^\s*(?:unter|über)\s+denen\b", re.I)
_OF_THEM = re.compile(r"^\s*(?:von\s+(?:ihnen|denen)|unter\s+ihnen)\b", re.I)


def following_noun(q: Quantity, lang: str) -> str | None:
    """German, when nothing else names it: the first noun after the figure in its clause,
    what the share speaks for ("22 Prozent sprechen sich für eine Pkw-Maut aus", "über 40
    Grad Fieber", "51 Prozent an der damaligen BEWAG"). "von ihnen" stands for the whole
    the share is of, so the noun after it says what the part is or has ("zwei Drittel von
    ihnen waren mutmaßliche Attentäter", "72 Prozent von ihnen verfügen über einen
    HD-Fernseher"); "47 Prozent von ihnen könnten sich vorstellen, …" names none before the
    clause ends."""
    if lang != "de":
        return None
    _, right = _label_clause(q)
    end = q.end
    if _SHARE_IN_BRACKET.search(q.sentence, 0, q.start) and q.sentence.startswith(")", end):
        end, right = end + 1, clause(q.sentence, end + 1, end + 1)[1]  # "ein Drittel (32 %) war"
    text = _SOURCE_DE.sub(" ", ASIDE.sub(" ", q.sentence[end:right]))
    if _COMPARED_DE.match(text):
        return None  # "20 Prozent unter denen der Konkurrenz": a comparison
    if of_them := _OF_THEM.match(text):
        text = text[of_them.end() :].split(",")[0]  # not "…, dass das Geld"
    if m := _PREDICATE.match(text):
        return m.group(1)  # "87 Prozent waren Angestellte und 13 Prozent Arbeiter"
    return subjects.first_noun(text)


_PREDICATE = re.compile(
    r"\s*(?:waren|sind|ist|war|seien|wären)\s+(?:[a-zäöüß]+\s+)?([A-ZÄÖÜ][\wäöüß-]+)"
)


# "fließen laut Berechnungen des Marktforschers Focus in die ORF-Radios": who says it is
# not what the figure measures.
_SOURCE_DE = re.compile(
    r"\b(?:laut|nach\s+Angaben|zufolge)\s+(?:(?:[A-ZÄÖÜ][\w-]*|der|des|dem|den|die|das|eines"
    r"|einer)\s+)+"
)
