"""Training the paragraph-break model (`paramodel.py`) on corpora that keep their paragraphs.

Every sentence boundary the paragraph stage would decide (after a full stop,
outside a quotation) is an example, labelled by whether the source started a
new paragraph there.  Corpora with enough such articles are house styles: their
examples carry the style, so its own habits are learned beside the shared ones.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..logistic import HashedLogistic, shuffled_articles
from ..logistic import fit as fit_logistic
from ..paramodel import PARA_BITS, ParagraphContext, SentenceMarks
from .gold import GoldSentence

#: One article with paragraphs: its corpus (a candidate house style), its sentences and where
#: the source started its paragraphs.
ParaArticle = tuple[str, list[SentenceMarks], list[bool]]


def sentence_marks(sentences: Sequence[GoldSentence]) -> list[SentenceMarks]:
    """The sentences as the paragraph model reads them, with the source's quotation marks."""
    return [SentenceMarks.from_marks(s.words, [t.quote_before for t in s.tokens], [t.quote_after for t in s.tokens])
            for s in sentences]


def examples(article: ParaArticle, styles: frozenset[str]) -> Iterator[tuple[list[str], int]]:
    corpus, sents, starts = article
    ctx = ParagraphContext(sents, corpus if corpus in styles else None)
    ctx.advance(0, True)
    for i in range(1, len(sents)):
        if ctx.eligible(i):
            yield ctx.features(i), int(starts[i])
        ctx.advance(i, starts[i])


def fit(articles: list[ParaArticle], styles: frozenset[str], epochs: int = 3, rate: float = 0.2,
        seed: int = 0, bits: int = PARA_BITS) -> HashedLogistic:
    """The model, by AdaGrad over the articles in a shuffled order (three epochs, rate 0.2: the
    settings of the held-out comparison with the count table it replaced)."""
    epoch_examples = shuffled_articles([[a] for a in articles], lambda a: examples(a, styles), seed)
    return fit_logistic(epoch_examples, bits, epochs=epochs, rate=rate)
