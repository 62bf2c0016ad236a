"""What a clause is about, the weakest label of a figure: in German the first noun of the
clause ("Heizöl verbilligte sich um fast ein Viertel"), in English the head of the noun
phrase before its verb.

"The market for full-track music downloads was worth just $20 million" is about the
market, "Japanese films accounted for 37.5%" about films, "the amount of factory capacity
in use rose to 77.6%" about capacity, "Howl's Moving Castle, which took 20bn yen" about
the Castle. Without a tagger (no model may be downloaded at run time) the verb is found by
its form: a form of "to be", "to have" or a modal, a word ending in -ed, a known irregular
or -s verb, or an -ing word right before the figure ("with foreign films taking the
remaining 62.5%"). The subject is the phrase left of the verb group, up to a clause start;
its head is the last word before its first preposition. Used when the sentence names no
measure word for a figure (held-out 2 labels were None for 14 of 31 English misses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.intelligence.figures import cues
from bot.intelligence.figures.cues import words_of
from bot.intelligence.figures.numbers import scale_of
from bot.intelligence.stopwords import FUNCTION_WORDS

_AUX = words_of(
    """is are was were be been being am has have had having will would can could may might
    must shall should do does did 's"""
)
_IRREGULAR = words_of(
    """took take takes made make makes rose rise rises fell fall falls grew grow grows won
    lost lose loses paid pay pays spent spend spends sold sell sells bought buy buys gave
    give gives got get gets hit hits cut cuts set sets put puts held hold holds kept keep
    keeps left brought bring brings came come comes became become becomes ran stood stands
    went goes saw sees sank shrank slid leapt soared topped tops remain remains remained
    began begin begins begun
    account accounts cost costs total totals reach reaches own owns need needs expect
    expects say says said show shows earn earns raise raises receive receives represent
    represents estimate estimates predict predicts forecast forecasts mean means include
    includes contain contains"""
)
# Words between subject and figure that belong to the verb group: "was worth just",
# "is set to be", "will still be".
_GROUP = words_of(
    """not also just only now still already expected set likely due to about around nearly
    almost some worth up down then even further roughly currently previously reportedly
    thought believed estimated"""
)
_NOT_ED = words_of(
    """hundred need speed feed seed bed red shed united limited based listed related
    interested concerned detailed advanced skilled qualified"""
)
_PREPOSITIONS = words_of(
    """of for in at on from with to by among between under over into than about against
    during since after before without within across per via like as such"""
)
_CLAUSE_START = words_of(
    """that which who whom whose where when while because although though if as but said
    says say according"""
)
_PRONOUNS = words_of("it they he she we i you this these those that there which who one ones")
_RELATIVE = words_of("which who that where whom")
_DETERMINERS = words_of("the a an this that these those its their his her our")
# Words that trail a noun phrase without heading it: "personal computers worldwide".
_TRAILING = words_of(
    """worldwide nationwide overall alone abroad globally together combined today now
    currently last next ago year years month months week"""
)
_GENERIC = words_of("number amount total level figure sum value share proportion rest part")
_TOKEN = re.compile(r"(?<![\w£$€])[A-Za-z][\w'’-]*|,|;|:|\(|\)")


def subject(before: str, lang: str, *, previous: Sequence[str], list_item: bool) -> str | None:
    """What the clause up to a figure (``before``) talks about; a pronoun subject stands for
    the subject of the first of the ``previous`` clauses that has one. A German list item
    (``list_item``) names its own subject after the last comma."""
    if lang == "de":
        comma = before.rfind(", ")
        if list_item and (noun := _first_noun(before[comma + 2 :])):
            return noun
        # A clause's first word is capitalized whatever it is ("Außerdem", "Sollte").
        opening = _LEADING_PHRASE.match(before)
        rest = before[opening.end() :] if opening else before
        if noun := _first_noun(rest):
            return noun
        pronoun = bool(_PRONOUN_DE.search(before))
    else:
        found, pronoun = english_subject(before)
        if found or (found := _elliptic(before)):
            return found
    if not pronoun:
        return None
    return next((found for p in previous if (found := _before(p, lang))), None)


def _before(text: str, lang: str) -> str | None:
    """The subject an earlier clause or sentence offers a pronoun: in English the one of its
    last verb when that is no pronoun itself ("prices fell 0.6% in January, but were up
    1.6%"), else the one of its first."""
    text = _TRAILING_BREAK.sub("", text)  # "… fell 0.6% in January, but"
    if lang != "de" and (found := english_subject(text)[0]):
        return found
    return main_subject(text, lang)


_TRAILING_BREAK = re.compile(
    r"[\s,;:()–—-]*(?:\b(?:while|but|whereas|aber|während|doch|und|and|wobei))?[\s,;:()–—-]*$"
)


def main_subject(sentence: str, lang: str) -> str | None:
    """What a whole sentence is about: its first noun (German) or the subject of its first
    verb (English)."""
    if lang == "de":
        return _first_noun(sentence)
    tokens = _TOKEN.findall(sentence)
    for i, word in enumerate(tokens[1:], start=1):
        if word.casefold() in _AUX or _is_verb(word, near_figure=False):
            head = _head(_phrase(tokens[:i]))
            return head if head and head.casefold() not in _PRONOUNS else None
    return None


def english_subject(text: str) -> tuple[str | None, bool]:
    """The head of the subject of the last verb in ``text`` (the clause up to a figure),
    and whether that subject is a pronoun."""
    tokens = _TOKEN.findall(text)
    verb = _verb_group_start(tokens)
    if verb is None:
        return None, False
    if verb == 0:  # "…, but is set to be worth $1.8 billion": the subject of the clause before
        return None, True
    before = tokens[verb - 1].casefold()
    if before == ",":  # "the world's fourth biggest bank, valued at $180bn"
        return _antecedent(tokens[: verb - 1]), False
    if before in _RELATIVE:  # "Howl's Moving Castle, which took 20bn yen"
        return _antecedent(tokens[: verb - 1]), False
    if before in _PRONOUNS and verb >= 2 and tokens[verb - 2].casefold() in _RELATIVE:
        return _antecedent(tokens[: verb - 2]), False  # "in Italy, where it rose by 120%"
    if before in _PRONOUNS:
        return None, True
    return _head(_phrase(tokens[:verb])), False


def _is_verb(word: str, near_figure: bool) -> bool:
    w = word.casefold()
    if w in _AUX or w in _IRREGULAR or cues.is_verb(w):
        return True
    if w.endswith("ed") and len(w) > 4 and w not in _NOT_ED:
        return True
    # "taking the remaining 62.5%", "with copper up 36%"
    return near_figure and ((w.endswith("ing") and len(w) > 5) or w in ("up", "down"))


def _verb_group_start(tokens: list[str]) -> int | None:
    """Index of the first word of the verb group nearest the end, None without a verb."""
    end = len(tokens)
    for i in range(end - 1, -1, -1):
        word = tokens[i]
        if not word[:1].isalpha():
            return None  # a comma or bracket before any verb: no clause of its own
        if i and tokens[i - 1].casefold() in _DETERMINERS:
            continue  # "His declared interests include": an adjective
        if _is_verb(word, near_figure=end - i <= 3):
            start = i
            while start > 0 and (
                tokens[start - 1].casefold() in _AUX
                or tokens[start - 1].casefold() in _GROUP
                or tokens[start - 1].casefold().endswith("ly")
                or (start > 1 and tokens[start - 2].casefold() in _AUX)  # "has shot up"
                or _phrasal(tokens, start)  # "The euro edged up 0.2%"
            ):
                start -= 1
            return start
    return None


def _phrasal(tokens: list[str], start: int) -> bool:
    """A verb before the particle that starts the group: "edged up", "crept up", "went down";
    not a noun after its article or adjective ("taking the annual total up 35.4%")."""
    particle = tokens[start].casefold() in ("up", "down", "higher", "lower")
    verb = tokens[start - 1].casefold()
    past = verb.endswith("ed") or verb in _PHRASAL_PAST
    after_noun_start = start > 1 and tokens[start - 2].casefold() in _DETERMINERS
    return particle and past and not after_noun_start and _is_verb(verb, near_figure=False)


_PHRASAL_PAST = words_of("went came shot crept rose fell began stood made")


def _phrase(tokens: list[str]) -> list[str]:
    """The noun phrase right before the verb group, from its clause start on; a determiner
    after a noun starts it ("by the end of next year the numbers")."""
    phrase: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i]
        w = word.casefold()
        if not word[:1].isalpha() or w in _CLAUSE_START or w in _AUX:
            break
        if _is_verb(word, near_figure=False) and phrase:
            break
        phrase.insert(0, word)
        previous = tokens[i - 1].casefold() if i else ""
        if w in _DETERMINERS and previous.isalpha() and previous not in _PREPOSITIONS:
            break
    return phrase


def _content(word: str) -> bool:
    """A word that can head a subject; a currency can ("The dollar has weakened")."""
    w = word.casefold()
    if w in FUNCTION_WORDS["en"] or w in _TRAILING:
        return False
    return w not in cues.NOT_LABELS or w in cues.CURRENCY_WORDS


def _head(phrase: list[str]) -> str | None:
    """ "The market for full-track music downloads" -> market; "the amount of factory
    capacity in use" -> capacity."""
    content: list[str] = []
    for i, word in enumerate(phrase):
        w = word.casefold()
        if w in _PREPOSITIONS and content:
            head = content[-1]
            if head.casefold() in _GENERIC and w == "of":
                return _head(phrase[i + 1 :]) or head
            return head
        if _content(word):
            content.append(word[:-2] if word.endswith(("'s", "’s")) else word)
    return content[-1] if content else None


def _antecedent(tokens: list[str]) -> str | None:
    """The noun right before a comma or relative word ("Howl's Moving Castle, which
    took"); None when a verb or function word stands there ("stood at £17.9bn, compared")."""
    while tokens and not tokens[-1][:1].isalpha():
        tokens = tokens[:-1]
    if not tokens:
        return None
    word = tokens[-1]
    if not _content(word) or _is_verb(word, near_figure=False):
        return None
    return word


def _elliptic(before: str) -> str | None:
    """ "… and the elderly nearly a third": a subject with its verb left out."""
    m = _ELLIPSIS.search(before)
    if m and _content(m.group(1)):
        return m.group(1)
    return None


_ELLIPSIS = re.compile(
    r"^\s*(?:,\s*)?(?:and|or|while|with)\s+(?:the\s+)?([A-Za-z][\w-]+)\s+"
    r"(?:(?:nearly|almost|about|around|just|only|some|roughly|over)\s+)?$",
    re.I,
)
_TIME_NOUN = re.compile(r"(?:monat|monats|jahr|jahres|quartal|quartals|woche|zeitraum)$", re.I)
# Nouns, and acronyms as subjects ("Die FPÖ legte auf 38,40 Prozent zu").
_GERMAN_NOUN = re.compile(
    r"\b(?:[A-ZÄÖÜ]{2,5}-)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*\b"
    r"|\b[A-ZÄÖÜ]{2,5}\b(?!-)"
)
# A clause opening with a prepositional phrase names its subject after it: "In Floridsdorf
# schafften die Blauen 38,92 Prozent", "Laut vorläufigem Endergebnis liegen die Grünen".
_LEADING_PHRASE = re.compile(
    r"^\s*(?:In|Im|Auf|Bei|Beim|Nach|Seit|Laut|Mit|An|Am|Unter|Über|Vor|Aus|Trotz"
    r"|Wegen|Gegenüber)\s+(?:(?:der|die|das|dem|den|des|einem|einer|eines)\s+)?"
    r"(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ][\wäöüß-]*(?:\s+\([^()]*\))?"
)
_PRONOUN_DE = re.compile(r"\b(?:[Ss]ie|[Ee]r|[Ee]s)\b")


def _first_noun(text: str) -> str | None:
    """The first noun of a German clause. A capitalized adverb or verb that opens it is no
    noun ("Außerdem", "Sollte"; after a colon "Während 63 Prozent"), but "Bestellungen sanken
    um 1,8 Prozent" opens with its subject."""
    for m in _GERMAN_NOUN.finditer(text):
        word = m.group(0)
        if not _opens_with_noun(word) and (m.start() == 0 or word.casefold() in _OPENERS):
            continue  # "…: Während 63 Prozent" also opens a clause after a colon
        folded = word.casefold()
        if folded in cues.NOT_LABELS or folded in cues.MEASURE_NOUNS or _TIME_NOUN.search(word):
            continue  # "bei über 200 Gramm könnten 1000 Euro": Gramm is a unit, no subject
        if folded in _NUMBER_OF and (of := _GENITIVE.match(text, m.end())):
            return of.group(1)  # "die Zahl der muttersprachlichen Lehrer wuchs auf 422"
        if folded not in cues.CURRENCY_WORDS:
            return word
    return None


_NUMBER_OF = words_of("zahl anzahl gesamtzahl menge")
_GENITIVE = re.compile(r"\s+(?:der|des)\s+(?:[a-zäöüß]+\s+){0,2}([A-ZÄÖÜ][\wäöüß-]+)")


def first_noun(text: str) -> str | None:
    """The first noun of a stretch of German text that may name what a figure measures:
    no scale word ("180 Millionen unter 1,25 Milliarden") and no person, who is the one
    speaking or paying ("erzählt Caritas-Mitarbeiterin Elisabeth Hartl")."""
    for m in _GERMAN_NOUN.finditer(text):
        word = m.group(0)
        folded = word.casefold()
        if scale_of(word, "de") or cues.is_person(folded) or folded in _OPENERS:
            continue
        if noun := _first_noun(word):
            return noun
    return None


def object_head(text: str) -> str | None:
    """The head of the object a change verb takes: "the threshold" -> threshold, "the
    number of people paying stamp duty" -> people, "interest rates" -> rates."""
    tokens = _TOKEN.findall(text)
    if not tokens or any(not t[:1].isalpha() or _is_verb(t, near_figure=False) for t in tokens):
        return None  # "increase means industrial output has grown 4.2%": no object
    if any(t.casefold() in _PREPOSITIONS and t.casefold() != "of" for t in tokens):
        return None
    return _head(tokens)


def verb_between(text: str) -> bool:
    """A verb of its own or a relative word between a cue and a figure: "… led by Howl's
    Moving Castle, which took", "ticket sales worth". Forms of "to be" and "to have" join
    ("growth was 5%") and do not count."""
    tokens = [t for t in _TOKEN.findall(text) if t[:1].isalpha()]
    # "Reduced income tax for those earning less than 250,000 rupees to 20%": a participle
    # governs the figure it comes to first, not one after it.
    last_number = max((m.end() for m in _DIGITS.finditer(text)), default=0)
    participles = _participle_words(tokens) if last_number == 0 else set()
    for i, word in enumerate(tokens):
        w = word.casefold()
        if w in _RELATIVE and w != "that":
            return True
        if i in participles:
            return True  # "lost computer tapes containing details of", "those earning"
        if w == "there" and i + 1 < len(tokens) and tokens[i + 1].casefold() in _AUX:
            return True  # "After the latest round of cuts there are 80 staff"
        if w in _AUX or w in _GROUP or (i and tokens[i - 1].casefold() in _DETERMINERS):
            continue
        if (
            i > 1
            and w.endswith("ed")
            and tokens[i - 1].endswith("ly")
            and tokens[i - 2] in ("a", "an")
        ):
            continue  # "rose a seasonally adjusted 0.5%": an adjective after its adverb
        if i and tokens[i - 1].casefold().endswith("ing"):
            continue  # "lifted borrowing costs … to 2.25%": the noun an -ing word qualifies
        if i <= 1 and w in _OBJECT_NOUNS:
            continue  # "reduce (wage) costs by $5bn": the noun right after the cue is its object
        if i > 1 and tokens[i - 1].casefold() == "to" and _infinitive(w):
            return True  # "increase taxes to cover an £11bn gap": the gap is not increased
        near = len(tokens) - i <= 2 and i > 0  # "cut spending by £35bn": a gerund object
        if _is_verb(word, near_figure=near) and not cues.is_cue(w):
            return True
    return False


def _participle_words(tokens: list[str]) -> set[int]:
    """Indexes of -ing words after a plural noun or "those" that take an object of their
    own: "tapes containing details", "those earning more than" (not "cut spending")."""
    found = set()
    for i in range(1, len(tokens) - 1):
        w, before = tokens[i].casefold(), tokens[i - 1].casefold()
        if not (w.endswith("ing") and len(w) > 6) or w in _NOT_PARTICIPLES:
            continue
        if cues.is_cue(before) or before in _AUX:
            continue
        if before == "those" or (before.endswith("s") and before not in _DETERMINERS):
            found.add(i)
    return found


_DIGITS = re.compile(r"\d")


def _infinitive(word: str) -> bool:
    """A verb after "to", not a level ("to about", "to a record", "to levels")."""
    w = word.casefold()
    if not word.islower() or w.endswith("s") or w in FUNCTION_WORDS["en"]:
        return False
    return w not in _GROUP | _DETERMINERS | _NOT_INFINITIVE


_NOT_INFINITIVE = words_of("record more less over under almost nearly just new fresh between")
_OBJECT_NOUNS = words_of("cost costs pay total totals forecast forecasts estimate estimates need")


_NOT_PARTICIPLES = words_of("including according excluding following during something")


# Capitalized at a German sentence start but no noun: adverbs, conjunctions, verbs.
_OPENERS = words_of(
    """außerdem zudem damit dabei deshalb jedoch allerdings dennoch trotzdem danach daher
    somit inzwischen bislang bisher erst heuer heute gestern morgen zuvor dazu demnach
    mittlerweile insgesamt zuletzt zunächst laut sollte sollten könnte könnten würde würden
    müsste dürfte wird werden hat haben ist sind war waren gibt gab bleibt kommt geht
    ebenfalls derzeit aktuell damals immerhin vor allem besonders weil wenn als ob obwohl
    während nachdem bevor seit sowohl weder entweder doch denn also so nur noch auch
    rund ungefähr etwa circa zirka knapp fast beinahe nahezu weitere weiteren ganze ganzen
    genau gut gute mindestens höchstens maximal lediglich bloß allein alleine satte stolze
    inklusive exklusive dessen deren dieses jenes solche solcher neben trotz ohne wegen statt
    anstatt seitens samt"""
)


def _opens_with_noun(word: str) -> bool:
    w = word.casefold()
    if w.endswith("end") and not w.endswith(_NOUNS_IN_END):
        return False  # "Besorgniserregend ist diese Entwicklung": an adjective
    return not (w in _OPENERS or w in FUNCTION_WORDS["de"] or w.endswith(("lich", "weise", "iert")))


_NOUNS_IN_END = ("stand", "band", "wand", "abend", "gegend", "jugend", "tugend", "legend",
                 "dividend")  # fmt: skip
