"""Key figures in German and English: numbers with their unit, kind, direction and label.

``numbers`` reads number formats and words, ``quantities`` finds every number with what it
measures in one sentence (``units`` reads the unit right of a number, ``excluded`` rules out
dates, ages and scores, ``shares`` adds fractions and multipliers said in words, ``levels``
reads the numbers of a sentence together; ``quantity`` is what they hand on), ``cues``
holds the word lists, ``labels`` says what a figure measures (``phrases`` offers the label
phrases around a figure, ``subjects`` what its clause is about), ``directions`` which way it
moved (both read the clause layout of ``clauses``), ``ranking`` keeps the ones a reader
would quote, best first.

May import: ``storage.articles`` (``FigureFields``) and ``bot.intelligence.stopwords`` (the
function words no counted noun or modifier is). Nothing else outside this package.
"""
