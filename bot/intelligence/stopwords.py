"""The one stop-word table: per language, function words plus named domain additions.

Every subsystem that drops common words reads them here, so a word is never a stop word
for search but a topic word for boilerplate detection by accident:

- ``FUNCTION_WORDS``: words that never carry a topic (the index leaves them out, topic
  detection ignores them).
- ``QUESTION_WORDS``: what reporters wrap around a topic when they ask the bot ("what did
  we publish about …", "Was haben wir zu … geschrieben"); dropped from queries only.
- ``FRAME_WORDS``, ``FRAME_END_WORDS``, ``REQUEST_VERBS``, ``REQUEST_OBJECTS``: a
  question's frame ("did we report on …", "hey, show me …", "… geschrieben?"), dropped
  only at the edges of a question by ``bot.lookup.question``.
- ``REPORTING_WORDS``: words every news story repeats; no topic for boilerplate detection.
- ``LANGUAGE_MARKERS``: frequent function words of seven languages, each kept in one list
  only, for language detection.
- ``sumy_stop_words``: the lists sumy ships (Snowball-based), used by the summarizer,
  whose stemmed centrality was tuned with them. They fit there; for search they do not
  (sumy's German list has 129 words and lacks "gegen", "haben", "nur").
"""

from __future__ import annotations

from functools import lru_cache

from sumy.utils import get_stop_words


def _words(text: str) -> frozenset[str]:
    """Word lists stay readable as wrapped text."""
    return frozenset(text.split())


FUNCTION_WORDS = {
    "en": _words("""a an and are as at be been but by for from has have he her his i if in
        into is it its of on or our she so than that the their them then there these they
        this to was we were what when where which who will with would you your about after
        also can did do does had how more most not over said up out all just one new again
        against among another because before being between both could doing down during
        each further having here itself must only other same should some such those through
        under until very while"""),
    "de": _words("""der die das den dem des ein eine einer eines einem einen und oder aber
        auch als am an auf aus bei beim bis da dass durch für gegen hat hatte hätte haben im
        in ist ich es er sie wir ihr mit nach nicht noch nur ob so sich sind um über unter
        vom von vor war waren wird werden wie zu zum zur sei seit wenn was wer wo man mehr
        schon sehr dies diese dieser diesem diesen ihre ihren ihrem ihrer sein seine seiner
        seinem seinen kann können muss soll sollen will doch denn alle allem also bereits
        dabei damit dann darum davon dazu dort eben einig einige etwa etwas euch gibt hier
        hin immer jetzt kein keine nun ohne sondern sowie uns viel wieder wurde wurden
        zwar hatten gab wegen während trotz"""),
}
QUESTION_WORDS = {
    "en": _words("""publish published publishing wrote write written writing article articles
        story stories reported piece pieces anything something recently lately s t"""),
    "de": _words("""geschrieben schrieben veröffentlicht veröffentlichten artikel beitrag
        beiträge berichtet etwas kürzlich neulich zuletzt"""),
}
# A question's frame: words reporters put around a topic when they ask the bot. They are
# dropped only where a frame stands — before the topic ("did we report on …", "Hatten wir
# was zu …") or after it ("… geschrieben?", "… please") — so "report" in "Mueller report"
# and "find" in "Find My iPhone" stay content words.
FRAME_WORDS = {
    "en": _words("""a about all an any anything are article articles be been coverage cover
        covered did do does done ever get got had has have hello hey hi how i in is item
        items latest lately many me much new news of on ok okay our piece pieces please
        publish published recent recently regarding report reported reporting run ran say
        show some something stories story tell that the there thing things this to us we
        were what whats what's when where which who why write writing written wrote you
        your"""),
    "de": _words("""artikel aus bei beim beitrag beiträge bericht berichte berichtet bitte da
        darüber darueber das dass dazu dem den der des die du ein eine einem einen einer
        eines es etwas gab gebracht geben gibt gibt's gibts geschrieben hallo hast hat habe
        haben habt hatten hattet hey ihr im irgendwas irgendetwas kannst könnt man mal mir
        neu neues noch ob schon texte thema über ueber uns veröffentlicht von vom was
        welche welchen welcher welches wie viele wir zu zum zur"""),
}
FRAME_END_WORDS = {
    "en": _words("""about covered done ever have lately please published recently reported
        run thanks written wrote"""),
    "de": _words("""bitte berichtet danke gebracht gehabt gemacht geschrieben haben hatten
        kürzlich mal neulich schon veröffentlicht worden wurde zuletzt"""),
}
# "show me …", "find us …", "zeig mir …": a request verb is frame only before its object.
REQUEST_VERBS = {
    "en": _words("find fetch get give look pull search show tell"),
    "de": _words("such suche sucht finde findest zeig zeige zeigt gib"),
}
REQUEST_OBJECTS = {
    "en": _words("""me us all any anything articles everything something stories what
        whatever up for"""),
    "de": _words("mir uns mal alle alles artikel etwas was bitte"),
}
REPORTING_WORDS = {"en": _words("said says year years"), "de": _words("zwei")}
# Words common to several languages ("in", "was", "die") are left out of all but one list.
LANGUAGE_MARKERS = {
    "de": _words("""der die das und nicht ist mit für auf wird sich ein eine dem den des von
        zu im auch als bei nach wie noch aus hat sind wurde werden sie er es über nur oder
        aber vor zur zum dass einen einer durch um mehr kann man was will an im beim ins
        vom"""),
    "en": _words("""the and of is with for on has that are to it he she they this from have by
        at be as not but which were been their would said who had its or"""),
    "fr": _words("""le la les et des est une dans pour que qui pas sur avec sont au aux du par
        ce il elle nous vous ont été cette mais plus"""),
    "es": _words("""el la los las del es una en para que por con no se al su como más pero sus
        fue ha este esta entre también"""),
    "it": _words("""il la le gli del della di che è un una per con non sono anche più nel alla
        questo come ma ha stato"""),
    "nl": _words("""de het een en van is dat op te zijn met voor niet aan er ook als bij door
        maar wordt heeft om naar deze"""),
    "pt": _words("""os as do da dos das em um uma para que com não por se mais como mas foi ao
        sua seu também"""),
}
SUMY_LANGUAGES = {"de": "german", "en": "english", "fr": "french", "es": "spanish",
                  "it": "italian", "pt": "portuguese"}  # fmt: skip


def all_languages(table: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words of every language in one set (queries and articles mix languages)."""
    return frozenset().union(*table.values())


@lru_cache(maxsize=8)
def sumy_stop_words(lang: str) -> frozenset[str]:
    return frozenset(get_stop_words(SUMY_LANGUAGES.get(lang, "english")))
