"""Label words read from the phrase around a figure, beyond the list of measure words.

Each rule offers a candidate (position, distance, label); ``labels.named_label`` lets it
compete with the measure words of the clause, nearest wins. The phrases are the ones
reporters and readers name a figure by (dev gold, docs/benchmarks.md):

- the noun a figure is "of": "an audience of nearly nine million people", "eine
  Ablösesumme von 27 Millionen Euro", "ein Plus von 2,5 Prozent";
- the noun right after it: "an 82% jump", "2000 Euro Mindestsicherung", "zehn Millionen
  Euro an Boni";
- what money is paid for: "£195,000 for a weekly column", "14,5 Milliarden Euro für
  Infrastrukturmaßnahmen", "earned up to £85,000 from speeches";
- the verb that earns or spends it: "Jugnot made 5.45m Euros", "earning up to £820,000",
  "600.000 Euro ausgegeben", "20 Millionen Dollar investieren";
- what happened to people counted with a generic noun: "400 people were injured",
  "18 Menschen seien verletzt worden", "38 Menschen starben" (``verbs``);
- how a German distance extends: "80 Kilometer breiten", "15 Kilometer von einer
  Landesgrenze".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from bot.intelligence.figures import cues, subjects, verbs
from bot.intelligence.figures.cues import words_of
from bot.intelligence.figures.numbers import parse_number, scale_of
from bot.intelligence.figures.quantities import QUOTES, Quantity
from bot.intelligence.stopwords import FUNCTION_WORDS

Candidate = verbs.Candidate  # position in the sentence, distance, label


# Nouns that only say "this is an amount": "a total of", "in Höhe von".
GENERIC = words_of(
    """total figure sum amount number numbers level maximum minimum average tally height
    höhe summe betrag gesamtbetrag zahl anzahl gesamtzahl"""
)
TIME_WORDS = words_of(
    """year years quarter month months week weeks day days period season decade time jahr
    jahre jahren jahres quartal monat monate monaten woche wochen tag tage tagen zeitraum
    saison"""
)
GENERIC_PEOPLE = frozenset({"people", "persons", "menschen", "personen", "leute"})
_HEDGE = (
    r"(?:(?:about|around|nearly|almost|some|more\s+than|less\s+than|over|up\s+to|just\s+over"
    r"|just\s+under|roughly|an\s+estimated|rund|etwa|knapp|fast|über|mehr\s+als|bis\s+zu"
    r"|insgesamt|revidiert|gut|maximal|mindestens|mehr\s+als|bloß|nur|lediglich|only|just)\s+)?"
)
_NOUN_OF = {
    "en": re.compile(rf"\b([A-Za-z][\w-]*)\s+of\s+{_HEDGE}$", re.I),
    "de": re.compile(
        rf"\b([A-ZÄÖÜ][\wäöüß-]*)\s+(?:in\s+(?:der\s+)?Höhe\s+|im\s+(?:Umfang|Ausmaß)\s+)?von\s+{_HEDGE}$"
    ),
}
# "vier A17 mit 2,2 Ghz", "ein Field Goal aus 39 Yards"
_NOUN_WITH_DE = re.compile(rf"\b([A-ZÄÖÜ][\wäöüß-]*)\s+(?:mit|aus)\s+{_HEDGE}$")
# A German noun after a phrase that describes it: "der mit 3.100 mAh recht starke Akku".
_DETERMINER_DE = re.compile(
    r"\b(?:der|die|das|dem|den|des|ein|eine|einem|einen|einer|eines)\s+(?:mit\s+)?$", re.I
)
_PRENOMINAL_DE = re.compile(
    r"\s+(?:[a-zäöüß]+\s+){0,2}[a-zäöüß]+(?:e|en|er|es|em)\s+([A-ZÄÖÜ][\wäöüß-]+)"
)
_NOUN_AFTER = {
    # "the 30.7bn yen (£157m) record", "One in 10 US adults"
    "en": re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:[A-Z][A-Za-z]*\s+)?([a-z][a-z-]{2,})\b"),
    "de": re.compile(r"\s+(?:(?:an|für)\s+)?([A-ZÄÖÜ][\wäöüß-]{2,})\b"),
}
_ING_COMPOUND = re.compile(
    r"(?:accounting|banking|trading|marketing|advertising|operating|licensing|housing|lending"
    r"|spending|funding|pricing|shipping|mining|building|manufacturing)\s+(?!(?:in|of|on|at|for"
    r"|to|by|and|or|the|a|an)\b)[a-z][a-z-]{2,}"
)
# "of the UK's population", "of the bank's workforce", "in fines", "of Labour waste"
_IN_OF = re.compile(
    r"\s+(?:in|of)\s+(?:(?:the|those|these|all|its|their|his|her)\s+)?"
    r"(?:[A-Z]\w*'s?\s+|[a-z][\w-]*(?:'s|s')\s+)?"  # "of the bank's workforce"
    r"((?:[A-Za-z][\w-]*\s+){0,3}(?:[a-z][\w-]*|[A-Z]+s\b))"
)
_PREPOSITIONS = words_of(
    """off via per onto upon within without toward towards across along amid despite except
    inside outside since till versus vs like near"""
)
WHEN = words_of("past last next coming previous recent first second third final early late")
# "77 Prozent der Top-Herbergen"; "der Hamburger Knast-Insassen" (a town's adjective)
_SHARE_OF_DE = re.compile(
    r"\s+(?:der|des|aller)\s+(?:[a-zäöüß]+\s+){0,2}([A-ZÄÖÜ][\wäöüß-]+)(?:\s+([A-ZÄÖÜ][\wäöüß-]+))?"
)
# Adjectives of the towns and lands German-language news names most, which stand before
# the noun a share is of; German nouns in -er do not ("der Zimmer Schimmel").
_PLACE_ADJECTIVES = words_of(
    """berliner hamburger münchner kölner frankfurter stuttgarter düsseldorfer dortmunder
    essener leipziger bremer dresdner nürnberger wiener grazer linzer salzburger
    innsbrucker klagenfurter villacher welser pöltner bregenzer eisenstädter zürcher
    basler berner genfer luzerner schweizer tiroler vorarlberger kärntner steirer
    niederösterreicher oberösterreicher burgenländer"""
)


def _share_of(q: Quantity) -> tuple[int, str] | None:
    """What a German share is of, past a town's adjective ("der Hamburger Knast-Insassen",
    "der Wiener Hotels"; not "der Wähler Wiens", "der Zimmer Schimmel")."""
    m = _SHARE_OF_DE.match(q.sentence, q.end)
    if m is None:
        return None
    if m.group(2) and m.group(1).casefold() in _PLACE_ADJECTIVES:
        return m.start(2), m.group(2)
    return m.start(1), m.group(1)


_CHANGE_NOUNS = words_of(
    "jump rise fall increase drop gain cut decline rally hike surge slump slip dip"
)
# "a 1% fall in profits", "The 3.3% fall in car sales", "a 0.2% slip in High Street sales"
# (a noun or a name before the head noun)
_CHANGE_OF = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+|its\s+|their\s+)?([A-Za-z][\w-]+(?:\s+[A-Z][\w-]+)?"
    r"(?:\s+(?!(?:was|is|has|its|his|this|as|plus|thus|less)\b)[a-z][\w-]*s\b(?<!ss\b))?)"
)
_HOLDINGS = words_of("holding shareholding stakeholding holdings")
_PARTICIPLES = words_of(
    """seen been done given taken made said told held known shown left paid sold set put
    cut hit spent lost won got kept brought bought found thought felt become grown run"""
)
_BRACKETED = re.compile(
    r"([^\W\d][\w-]*)\s*\((?:im\s+(?:Jahres)?(?:durch)?schnitt\s+|on\s+average\s+)?"
    # "Wien (1.186 Prüfungen oder 40,8 Prozent)": the share after its count
    r"(?:[\d.,]+\s+[^\W\d][\w-]*\s+(?:oder|or|bzw\.|beziehungsweise)\s+)?"
    r"(?:plus|minus|up|down|rund|etwa|about|around)?\s*[+-]?\s*$",
    re.I,
)
# How a share voted: "48 Prozent für die Fusion und 39 Prozent dagegen", "52% for the plan".
_VOTE = {
    "de": re.compile(
        r"\s+(?:stimmten\s+)?(?:für|gegen)\s+(?:die|den|das|eine[nmrs]?|einen?)?\s*"
        r"([A-ZÄÖÜ][\wäöüß-]+)|\s+(dagegen|dafür)\b"
    ),
    "en": re.compile(
        r"\s+(?:voted\s+)?(?:for|against)\s+(?:the|a|an)?\s*([a-z][\w-]+)|\s+(against|in\s+favour)\b"
    ),
}
_VOTE_WORDS = words_of("dagegen dafür against")
_WORTH_OF = re.compile(r"\s+worth\s+of\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)")
_BRACKET = r"\s*\([^()]{1,40}\)"  # a bracketed conversion after an amount: "$3bn (£1.58bn)"
_CONVERSION = rf"(?:{_BRACKET})?"
_FOR = {
    "en": re.compile(
        rf"{_CONVERSION}(?:\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been))?(?:\s+"
        r"(?:earmarked|set\s+aside|allocated|budgeted|pledged|invested))?"
        r"\s+(for|from|to\s+(?:obtain|buy|get|cover|fund|secure|rent|hire|renew))\s+"
        r"(?:(?:a|an|the|his|her|its|their|each|every)\s+)?"
        r"((?:[a-z][\w'-]*\s+){0,3}[a-z][\w-]*)"
    ),
    "de": re.compile(
        rf"{_CONVERSION}\s+(für)\s+(?:(?:die|den|das|eine[nmrs]?|einen?|ihre|seine)\s+)?"
        rf"(?:[a-zäöüß]+\s+)?[{QUOTES}]?([A-ZÄÖÜ][\wäöüß-]+)"  # also "für „Winterhilfe“"
    ),
}
_MONEY_VERB_BEFORE = re.compile(
    r"\b(earn(?:s|ed|ing)?|made|makes?|making|paid|pay(?:s|ing)?|receiv(?:e[sd]?|ing)"
    r"|raised?|rais(?:es|ing)|spen[dt]|spends|spending|netted|nets?|lent|lend(?:s|ing)?"
    r"|invest(?:s|ed|ing)?|borrow(?:s|ed|ing)?|owe[sd]?|owing|fined|sold|sells?|selling"
    r"|bought|buys?|buying|won|wins?|costs?|costing|charg(?:e[sd]?|ing)|sav(?:e[sd]?|ing)"
    r"|donat(?:e[sd]?|ing)|gave|give[sn]?|giving|offer(?:s|ed|ing)?|took|taking|takes|grossed"
    r"|grossing)"
    r"\s+(?:(?:up\s+to|about|around|nearly|almost|some|more\s+than|less\s+than|over|just"
    r"|an\s+estimated|a\s+reported|a\s+further|another|him|her|them|it|us|the\s+[a-z]+"
    r"|(?-i:[A-Z][a-z]+))\s+){0,2}$",
    re.I,
)
# "about $250,000 has been raised", "£5m was spent on": what befell the money
_MONEY_VERB_AFTER_EN = re.compile(
    rf"{_CONVERSION}\s+(?:has|have|had|was|were|is|are|(?:will|would|could|can|may"
    r"|might|should)\s+be)\s+(?:been\s+)?"
    r"(raised|paid|spent|invested|donated|earned|saved|lent|borrowed)\b"
)
_EARNED = re.compile(r"^(?:earn|made|make|receiv|rais|nett|won|win)", re.I)
_MONEY_VERB_AFTER_DE = re.compile(
    r"\s+(?:[a-zäöüß]+\s+)?([a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert|investieren|zahlen"
    r"|bezahlen|ausgeben|einnehmen|aufbringen|verdienen|spenden|kosten|sparen|leihen)\b"
)
_AUX = words_of(
    """are were was is have has had been be being will would could may might can also now
    still seien sind waren wurden wurde worden werden haben hatten hat sei"""
)
_WORD = re.compile(r"\s*([^\W\d][\w-]*)")
_PARTICIPLE = {
    "en": re.compile(r"\w+(?:ed|en)|fled|hurt|left|lost|held|killed|dead|missing|homeless"),
    "de": re.compile(r"\w+t|obdachlos|vermisst"),
}
_EXTENT_DE = re.compile(
    r"\s+([a-zäöüß]{3,}(?:e|en|er|es))\b|\s+von\s+(?:der|dem|einer|einem)\s+([A-ZÄÖÜ][\wäöüß-]+)"
)


# An exchange rate: what one currency buys or is worth in another.
_RATE_OF = re.compile(
    r"\b(dollar|euro|pound|yen|sterling|greenback|franc|yuan)\s+(?:(?:was|is|were)\s+)?"
    r"(?:buying|bought|buys|worth|fetching|fetched)\s+(?:(?:about|around|just)\s+)?$",
    re.I,
)


def candidates(q: Quantity, lang: str) -> Iterator[Candidate]:
    """Every phrase label the sentence offers for one figure."""
    lang = "de" if lang == "de" else "en"
    yield from _noun_of(q, lang)
    bracket = _BRACKETED.search(q.sentence, max(0, q.start - 40), q.start)
    noun = bracket is not None and (lang != "de" or bracket.group(1)[:1].isupper())
    if bracket and bracket.group(1).casefold() in cues.MEASURE_NOUNS:
        noun = False  # "129 Millionen Hektar (1,29 Mio. Quadratkilometer)": a conversion
    if bracket and lang == "en" and bracket.group(1).endswith("ly"):
        noun = False  # "The number of cases rose sharply (1,186 cases or 40.8%)": an adverb
    if bracket and noun and _ok(bracket.group(1), lang):
        yield bracket.start(1), 0, bracket.group(1)  # "Gemüse (plus 9,4 Prozent)"
    yield from _noun_after(q, lang)
    if q.kind in ("percent", "count") and (vote := _VOTE[lang].match(q.sentence, q.end)):
        word = vote.group(1) or vote.group(2)  # "48 Prozent für die Fusion und 39 dagegen"
        if _ok(word, lang) or word.casefold() in _VOTE_WORDS:
            yield vote.start(vote.lastindex or 1), 1, word
    rate = _RATE_OF.search(q.sentence, max(0, q.start - 40), q.start) if lang == "en" else None
    if q.kind == "money" and rate:
        yield rate.start(1), 0, rate.group(1)  # "the dollar was buying 104.76 yen"
        return
    more = _MORE_FOR.match(q.sentence, q.end) if q.kind == "percent" else None
    if q.kind == "money" or more:
        yield from _paid_for(q, lang, more)  # "pay 30% more for natural gas"
        verb = _MONEY_VERB_BEFORE.search(q.sentence, max(0, q.start - 50), q.start)
        verb = verb or (_MONEY_VERB_AFTER_EN.match(q.sentence, q.end) if lang == "en" else None)
        if lang == "en" and verb:  # "Jugnot made 5.45m Euros", "$250,000 has been raised"
            yield verb.start(1), 8, verbs.MONEY_NOUNS.get(verb.group(1).casefold(), verb.group(1))
    heading = _HEADING.search(q.sentence, max(0, q.start - 40), q.start)
    if heading and not _kicker(heading.group(1), q, lang):
        yield heading.start(1), 0, heading.group(1)  # "UVP: 59,90 Euro", "Price: £199"
    if lang == "en":
        yield from _clause_phrases(q)
    if q.kind == "count" and q.unit == "people":
        yield from _what_happened(q, lang)
    yield from verbs.candidates(q, lang)
    if q.kind == "other" and lang == "de" and q.unit in cues.MEASURE_UNITS.values():
        yield from _extent(q)


def _ok(word: str, lang: str) -> bool:
    key = word.casefold()
    return not (
        key in cues.NOT_LABELS
        or key in _PREPOSITIONS
        or key in FUNCTION_WORDS[lang]
        or key in GENERIC
        or key in TIME_WORDS
        or key in cues.CURRENCY_WORDS
        or key.endswith("-")
    )


# "Einkaufsgutscheine im Wert von 450 bis 900 Dollar", "Fremdwährungskredite in Schweizer
# Franken im Wert von umgerechnet 34 Mrd. Euro": the thing the value is of.
_WORTH_DE = re.compile(
    r"\b([A-ZÄÖÜ][\wäöüß-]+)(?:\s+(?:in|aus|für|mit|der|des)(?:\s+[\wäöüß-]+){1,2}?)?"
    r"\s+im\s+Wert\s+von\s+"
    r"(?:(?:umgerechnet|rund|etwa|knapp|gut|mehr\s+als|über|bis\s+zu|insgesamt)\s+)*$"
)

# "die Einlagen von rund einer Million Kontoinhabern im Wert von": counted holders are not
# what is worth it ("begleitet von Inseraten im Wert von" are)
_IN_PHRASE_DE = re.compile(
    r"\b(?:von|mit|bei|aus|zu)\s+(?=[^,;]*?(?:\d|Million|Milliard|[Tt]ausend|[Hh]undert))"
    r"(?:[\wäöüß.,-]+\s+){1,3}$"
)


def _noun_of(q: Quantity, lang: str) -> Iterator[Candidate]:
    wide = q.sentence[max(0, q.start - 100) : q.start]
    worth = _WORTH_DE.search(wide) if lang == "de" else None
    if worth and _ok(worth.group(1), lang) and not _IN_PHRASE_DE.search(wide, 0, worth.start()):
        yield q.start - len(wide) + worth.start(1), 0, worth.group(1)  # "Gutscheine im Wert von"
        return
    before = q.sentence[max(0, q.start - 60) : q.start]
    m = _NOUN_OF[lang].search(before)
    if m and _ok(m.group(1), lang) and not cues.is_verb(m.group(1)):
        pos = q.start - len(before) + m.start(1)
        yield pos, 0, cues.measure_stem(m.group(1), lang) or m.group(1)
    if lang != "de":
        return
    if (having := _NOUN_WITH_DE.search(before)) and _ok(having.group(1), lang):
        yield q.start - len(before) + having.start(1), 2, having.group(1)  # "A17 mit 2,2 GHz"
    noun = _PRENOMINAL_DE.match(q.sentence, q.end) if _DETERMINER_DE.search(before) else None
    if noun and _ok(noun.group(1), lang):
        yield noun.start(1), 1, noun.group(1)  # "Der mit 3.100 mAh recht starke Akku"


def _in_of(q: Quantity) -> re.Match[str] | None:
    """ "in fines", "of the UK's population" after an amount; after its bracketed conversion
    only a common noun ("1.47m yuan ($177,600) in compensation", not "… in North America",
    "… in renovating parts")."""
    if part := _IN_OF.match(q.sentence, q.end):
        return part
    converted = _BRACKET_AFTER.match(q.sentence, q.end)
    part = _IN_OF.match(q.sentence, converted.end()) if converted else None
    if part is None or not part.group(1).islower():
        return None
    return None if part.group(1).split()[0].endswith("ing") else part


_BRACKET_AFTER = re.compile(_BRACKET)


def _noun_after(q: Quantity, lang: str) -> Iterator[Candidate]:
    if q.kind not in ("money", "percent"):
        return
    if lang == "en" and (worth := _WORTH_OF.match(q.sentence, q.end)):
        yield q.end, 1, worth.group(1)  # "£22 billions worth of efficiency savings"
        return
    if lang == "en" and (part := _in_of(q)):
        words = _in_of_words(part.group(1))
        if words is None:
            return  # "1% in the past three sessions" says when
        if words and all(_ok(w, lang) for w in words):
            yield part.start(1), 3, " ".join(words[-2:])
            return
    more = _MORE_NOUN[lang].match(q.sentence, q.end) if q.kind == "percent" else None
    if more and _ok(more.group(1), lang) and more.group(1).casefold() not in GENERIC_PEOPLE:
        yield more.start(1), 1, more.group(1)  # "80 Prozent mehr Ankünfte"
        return
    share = _share_of(q) if lang == "de" and q.kind == "percent" else None
    if share and share[1].casefold() in _POLLED_DE and (said := _poll_answer(q, share)):
        yield said  # "84 Prozent der Befragten sprechen sich für stärkere Investitionen aus"
        return
    if share and _ok(share[1], lang) and share[1].casefold() not in GENERIC_PEOPLE:
        yield share[0], 3, share[1]  # "77 Prozent der Top-Herbergen", not "der Menschen"
        return
    m = _NOUN_AFTER[lang].match(q.sentence, q.end)
    if m is None or not _ok(m.group(1), lang):
        return
    if m.group(1).casefold() not in _CHANGE_NOUNS and cues.is_verb(m.group(1)):
        return  # "an 82% jump" names the change; "5% fell" is a verb
    if lang == "en" and (compound := _ING_COMPOUND.match(q.sentence, m.start(1))):
        yield m.start(1), 1, compound.group(0)  # "an $11bn (£6bn) accounting fraud"
        return
    if lang == "en" and m.group(1).casefold() in _HOLDINGS:
        yield m.start(1), 1, m.group(1)  # "his 28.1% shareholding", "BSkyB's 4.76% holding"
        return
    if lang == "en" and (m.group(1).endswith(("ed", "ing", "ly")) or m.group(1) in _PARTICIPLES):
        return  # "5% said", "£5m spending" reads as a verb or adverb
    if m.group(1).casefold() in _CHANGE_NOUNS and (what := _changed(q.sentence, m.end(), lang)):
        yield what  # "a 1% fall in profits", "a 20% fall in Britain's exports"
        return
    yield m.start(1), 1, m.group(1)


# The people a German poll asked are no label of its shares; what they said is.
_POLLED_DE = words_of("befragten befragte umfrageteilnehmer")
# The rest of the clause after "der Befragten", past "gaben an," ("… gab an, mit dem Auto";
# not into "gaben an, dass die vom Bundesinstitut …").
_CLAUSE_REST_DE = re.compile(r"(?:[^,;:–.!?]*?\ban,(?!\s*dass\b)\s*)?[^,;:–.!?]*")
# Who the respondents are, not what they said: a place, an age, a relative clause.
_WHO_WHERE_DE = re.compile(r"\s*(?:in|im|aus|unter|zwischen|die|der|welche)\b", re.I)
_NO_ANSWER_DE = words_of("meinung ansicht auffassung überzeugung umfrage befragung studie")
_NOT_DE = re.compile(r"\b(?:nicht|kein|keine|keinen|keiner|nie)\b", re.I)
_ARE_DE = re.compile(r"\s*(?:sind|waren|seien|wären)\s+([A-ZÄÖÜ][\wäöüß-]+)")


def poll_answer(q: Quantity, label: str | None) -> str | None:
    """What a German share of respondents answered when its label is only "Befragte": "jeder
    zehnte Befragte checkt auch manchmal nachts Firmennachrichten" -> Firmennachrichten."""
    if label is None or label.casefold() not in _POLLED_DE:
        return None
    pos = q.sentence.find(label, q.start)
    said = _poll_answer(q, (pos, label)) if pos >= 0 else None
    return said[2] if said else None


def _poll_answer(q: Quantity, share: tuple[int, str]) -> Candidate | None:
    """What a poll's share said or has: the first noun after "der Befragten" in its clause
    ("63 Prozent der Befragten beim Einparken", "zeigen sich mit den Forderungen der
    Gläubiger einverstanden"); None when the clause names none ("… vertrauen")."""
    rest = _CLAUSE_REST_DE.match(q.sentence, share[0] + len(share[1]))
    if rest is None or _WHO_WHERE_DE.match(rest.group(0)):
        return None  # "der Befragten in Deutschland", "die in Wien leben", "im Alter von"
    if are := _ARE_DE.match(rest.group(0)):
        return rest.start() + are.start(1), 3, are.group(1)  # "sind Führerscheinbesitzer"
    noun = subjects.first_noun(rest.group(0))
    if noun is None or not _ok(noun, "de") or noun.casefold() in _NO_ANSWER_DE:
        return None
    if _NOT_DE.search(rest.group(0), 0, rest.group(0).find(noun)):
        return None  # "glauben nicht an eine Einigung": the answer is the opposite
    return q.sentence.find(noun, share[0]), 3, noun


def _changed(sentence: str, pos: int, lang: str) -> Candidate | None:
    """What a change noun's "in"/"of" phrase names, past an owner ("the country's current
    account deficit" -> "account deficit")."""
    if owned := _OWNED.match(sentence, pos):
        phrase = list(takewhile(lambda w: w.casefold() not in WHEN, owned.group(1).split()))
        words = _in_of_words(" ".join(phrase))
        if words and all(_ok(w, lang) for w in words):
            return owned.start(1), 1, " ".join(words[-2:])
    changed = _CHANGE_OF.match(sentence, pos)
    if changed and _ok(changed.group(1), lang):
        return changed.start(1), 1, changed.group(1)
    return None


_OWNED = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?[A-Za-z][\w-]*'s?\s+((?:[a-z][\w-]*\s*){1,3})")


# Words that follow a noun phrase rather than continue it: a verb of being or having, an
# adverb ("27% of the world's population now have access").
_AFTER_HEAD = words_of(
    """is are was were be been has have had comes come goes go makes make gets get now also
    still already currently alone only will would could can may might must should cannot
    can't won't don't doesn't didn't do does did"""
)


def _in_of_words(phrase: str) -> list[str] | None:
    """The noun phrase after "in"/"of" an English amount ("£82.7m in fines", "£4 billion of
    tax cuts"), None when it says when."""
    words: list[str] = []
    for word in phrase.split():
        if not words and word in ("new", "other", "more"):
            continue  # "a third of all new PCs"
        if word in FUNCTION_WORDS["en"] or word in _PREPOSITIONS:
            break
        if words and (cues.is_verb(word) or word.endswith(("ed", "ing")) or word in _AFTER_HEAD):
            break  # "two-thirds of voters backed the plan", "40% of revenue comes from"
        if len(words) > 1 and words[-1].endswith("s") and word.islower():
            break  # "one in 10 of the US's internet users read political blogs"
        if word.casefold() in WHEN or parse_number(word, "en") is not None:
            return None  # "1% in the past three sessions" says when
        words.append(word)
    return words


_MORE_FOR = re.compile(r"\s+(?:more|less|mehr|weniger)(?=\s+(?:for|für)\s)", re.I)


def _paid_for(q: Quantity, lang: str, more: re.Match[str] | None) -> Iterator[Candidate]:
    """What money (or a share more that is paid) buys: "for a ticket"; ``more`` is the
    "more"/"mehr" between a share and its "for"."""
    m = _FOR[lang].match(q.sentence, more.end() if more else q.end)
    if m is None:
        return
    words: list[str] = []
    for word in m.group(2).split():  # "for the paperback edition of his book"
        if word in FUNCTION_WORDS[lang] or (words and lang == "en" and word.endswith("ed")):
            break  # "for natural gas supplied by Turkmenistan"
        words.append(word)
    if not words or not all(_ok(w, lang) for w in words):
        return  # "for the three months to December" says when, not what
    phrase = " ".join(words[:3])
    if m.group(1) == "from" and not _EARNED.match(_verb_before(q) or ""):
        return  # "revenue from continuing operations" is no purpose
    if lang == "en" and words[0].endswith("ing"):
        phrase = words[0]  # "for presenting BBC'2's Have I Got News for You"
    if _ok(phrase.split()[-1], lang):
        # "have to pay five pounds for a ticket", "pay 30% more for natural gas": what is
        # paid for says more than "pay" right before the amount
        paid = m.group(1) == "for" and _PAY_BEFORE.search(q.sentence, max(0, q.start - 20), q.start)
        yield m.start(2), 3 if paid else 5, phrase


_PAY_BEFORE = re.compile(r"\b(?:pay|pays|paid|paying)\s+(?:(?:about|around|just|only)\s+)?$", re.I)


def _verb_before(q: Quantity) -> str | None:
    m = _MONEY_VERB_BEFORE.search(q.sentence, max(0, q.start - 50), q.start)
    return m.group(1) if m else None


def weak_label(q: Quantity, lang: str) -> str | None:
    """The German verb that spends or earns an amount ("600.000 Euro ausgegeben"): a label
    only when nothing in the sentence names the money."""
    if lang != "de" or q.kind != "money":
        return None
    after = _MONEY_VERB_AFTER_DE.match(q.sentence, q.end)
    if after and after.group(1).casefold() not in FUNCTION_WORDS["de"]:
        return verbs.MONEY_NOUNS.get(after.group(1).casefold(), after.group(1))  # Investition
    return None


def _what_happened(q: Quantity, lang: str) -> Iterator[Candidate]:
    """`400 people were injured`, "von denen knapp 800 starben": the generic noun (or none)
    says less than what befell them."""
    last = q.text.split()[-1]
    bare = q.unit == "people" and (last[0].isdigit() or scale_of(last, lang) is not None)
    # "von denen knapp 800 starben", "24 million saw him"
    if last.casefold() not in GENERIC_PEOPLE and not bare:
        return
    if befell := verbs.fate(q, lang):
        yield befell[0], 2, befell[1]  # "38 Menschen starben" are Tote
        return
    if bare:
        return  # "die Zahl der Mitarbeiter … auf 2680 verringert": what, not what befell
    for m in _WORD.finditer(q.sentence, q.end, min(len(q.sentence), q.end + 40)):
        word = m.group(1)
        if word in _AUX:
            continue
        if word.islower() and _ok(word, lang) and _PARTICIPLE[lang].fullmatch(word):
            yield m.start(1), 2, word  # not "people make calls", "Menschen darauf"
        return


def _extent(q: Quantity) -> Iterator[Candidate]:
    """`80 Kilometer breiten`, `15 Kilometer von der Grenze` (with "entfernt" after it a
    distance, ``verbs.distance``, names it first)."""
    m = _EXTENT_DE.match(q.sentence, q.end)
    if m is None:
        return
    word = m.group(1) or m.group(2)
    if m.group(1) and (thing := _NOUN_NEXT.match(q.sentence, m.end(1))) and _ok(thing[1], "de"):
        yield thing.start(1), 1, thing.group(1)  # "eine hundert Meter breite Pufferzone"
    elif _ok(word, "de") and word.casefold() not in _MODALS_DE and not cues.is_cue(word):
        yield m.start(m.lastindex or 1), 2, word  # not "auf 17 Milliarden Kubikmeter erhöhen"


_NOUN_NEXT = re.compile(r"\s+([A-ZÄÖÜ][\wäöüß-]+)")


# "auf 1.000 Quadratmetern könnte": a verb, no extent
_MODALS_DE = words_of("""könnte könnten sollte sollten würde würden müsste müssten dürfte dürften
    hätte hätten wäre wären werde werden habe haben seien""")


# "raising the threshold to £150,000", "lifted interest rates 0.25% to 5.5%", "cut the
# number of people paying stamp duty by a third": what the change verb changes.
_CHANGED = re.compile(
    r"\b(?:rais(?:e[sd]?|ing)|lift(?:s|ed|ing)?|cut(?:s|ting)?|lower(?:s|ed|ing)"
    r"|increas(?:e[sd]|ing)|reduc(?:e[sd]?|ing)|boost(?:s|ed|ing)?|slash(?:es|ed|ing)?"
    r"|doubl(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|extend(?:s|ed|ing)?|trim(?:s|med|ming)?"
    r"|hik(?:e[sd]|ing))\s+((?:[A-Za-z][\w'-]*\s+){0,6}?)"
    rf"(?:to|by|from|at)?\s*{_HEDGE}$",
    re.I,
)
# "80 Prozent mehr Ankünfte", "30% more passengers": what there is more or less of.
_MORE_NOUN = {
    "de": re.compile(r"\s+(?:mehr|weniger)\s+(?:[a-zäöüß]+e[nmrs]?\s+)?([A-ZÄÖÜ][\wäöüß-]+)"),
    "en": re.compile(r"\s+(?:more|fewer|less)\s+(?:(?!than\b|as\b)[a-z]+\s+)?([a-z][\w-]+s)\b"),
}
# A short heading and a colon right before the figure name it: "UVP: 59,90 Euro".
_HEADING = re.compile(rf"(?:^|[.;]\s*|\n)([A-ZÄÖÜ][\wäöüß-]{{1,24}})\s*:\s*{_HEDGE}$")
# A headline's kicker names where a figure comes from, not what it measures.
_SOURCES = ("bericht", "berichte", "studie", "umfrage", "analyse", "prognose", "statistik",
            "chef", "chefin", "report", "survey", "study", "poll")  # fmt: skip


def _kicker(heading: str, q: Quantity, lang: str) -> bool:
    """ "UNHCR-Bericht: 80 Millionen Menschen auf der Flucht", "Medienberichte: über 50% der
    jungen Russen wollen auswandern": a source before the colon, or a figure that names
    what it measures itself (a counted noun, a share's "der …", "mehr Unfälle"); "Mieten:
    12 Prozent mehr in Wien", "Rundfunkgebühren: 86 Cent mehr" keep their heading."""
    if heading.casefold().rpartition("-")[2].endswith(_SOURCES):
        return True
    if q.kind == "count" and q.unit is not None:
        return True
    if q.kind != "percent":
        return False
    return bool(_MORE_NOUN[lang].match(q.sentence, q.end)) or (
        lang == "de" and _share_of(q) is not None
    )


# "wipe somebody's backside for £5", "Broadband for less than £10": what the money buys.
_BOUGHT = re.compile(rf"\b([A-Za-z][\w-]+)\s+for\s+{_HEDGE}$")
# "At 2.6%, inflation remains within the Bank's 2-3% target range."
_AT_FIGURE = re.compile(rf"(?:^|[.;:]\s*)(?:At|With)\s+{_HEDGE}$")
_AFTER_COMMA = re.compile(r",\s+(?:the\s+)?([a-z][\w-]+)")


def _clause_phrases(q: Quantity) -> Iterator[Candidate]:
    """English phrases that name a figure's thing by their shape (see the patterns)."""
    before = q.sentence[max(0, q.start - 70) : q.start]
    offset = q.start - len(before)
    if (changed := _CHANGED.search(before)) and (head := subjects.object_head(changed.group(1))):
        yield offset + changed.start(1), 2, head
    bought = _BOUGHT.search(before) if q.kind == "money" else None
    if bought and _ok(bought.group(1), "en") and not _verbal(bought.group(1)):
        yield offset + bought.start(1), 4, bought.group(1)
    after = _AFTER_COMMA.match(q.sentence, q.end)
    if after and _AT_FIGURE.search(before) and _ok(after.group(1), "en"):
        yield after.start(1), 1, after.group(1)


def _verbal(word: str) -> bool:
    return cues.is_verb(word) or word.casefold().endswith(("ed", "ing")) or word in _PARTICIPLES
