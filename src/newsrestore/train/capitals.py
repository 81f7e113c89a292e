"""Training the model of lines written all in capitals (`capitalsmodel.py`)."""
from __future__ import annotations

from collections.abc import Iterator

from ..capitalsmodel import CAPITALS_BITS, in_capitals, line_features
from ..logistic import HashedLogistic, fit as fit_logistic, shuffled_articles
from .gold import GoldSentence

#: One article for training: its lines' lower-case tokens (space-joined) and whether each was
#: in capitals, kept as text rather than feature names (a tenth of the memory).
Article = tuple[list[str], list[bool]]


def article_lines(sentences: list[GoldSentence]) -> Article:
    return [" ".join(s.words) for s in sentences], [in_capitals([t.cased for t in s.tokens]) for s in sentences]


def fit(articles: list[Article], epochs: int = 2, rate: float = 0.2) -> HashedLogistic:
    def examples(article: Article) -> Iterator[tuple[list[str], float]]:
        lines, labels = article
        for feats, y in zip(line_features([ln.split(" ") for ln in lines]), labels):
            yield feats, 1.0 if y else 0.0
    return fit_logistic(shuffled_articles([[a] for a in articles if a[0]], examples), CAPITALS_BITS, epochs, rate)
