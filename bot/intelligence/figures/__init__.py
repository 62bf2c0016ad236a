"""Key figures in German and English: numbers with their unit, kind, direction and label.

``numbers`` reads number formats and words, ``quantities`` finds every number with what it
measures in one sentence, ``cues`` holds the word lists, ``labels`` says what a figure
measures and which way it moved (``phrases`` offers the label phrases around a figure),
``ranking`` keeps the ones a reader would quote, best first.

May import: ``storage.articles`` (``FigureFields``) and ``bot.intelligence.stopwords`` (the
function words no counted noun or modifier is). Nothing else outside this package.
"""
