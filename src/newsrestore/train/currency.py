"""Training the pound-sign model (`currencymodel.py`) on text that kept its non-ASCII characters.

Folding drops `£` before the gold annotation sees it (`train/gold.py`), so the
article is annotated a second time with every `£` before a digit replaced by a
marker made of letters (`£479m` -> `QXQ479m`), which the tokenizer keeps on its
number; a token carrying the marker was written with a pound sign.  Articles
whose marked tokens do not match the plain ones are left out rather than
labelled wrongly.  Only corpora holding some non-ASCII text teach the model: in
a corpus folded to ASCII before we got it, a missing `£` says nothing.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..currencymodel import CURRENCY_BITS, candidate, document_cues, sentence_features
from ..logistic import HashedLogistic, shuffled_articles
from ..logistic import fit as fit_logistic
from .gold import GoldSentence, gold_sentences

MARK = "QXQ"
_POUND = re.compile(r"£(?=\d)")

#: One article: its outlet source (filled in by `build`), its `document_cues`, and its sentences
#: that hold a candidate, as (space-joined lower-case tokens, indices written with a pound sign).
CurrencyArticle = tuple[str, list[str], list[tuple[str, list[int]]]]


def _has_candidate(words: list[str]) -> bool:
    return any(candidate(w, words[i - 1] if i else "") for i, w in enumerate(words))


def currency_article(text: str, sentences: list[GoldSentence]) -> CurrencyArticle | None:
    """The article's training data (outlet left empty), None when its marked tokens do not line up."""
    marked: list[list[str]] | None = None
    if "£" in text:
        marked = [[t.cased for t in s.tokens] for s in gold_sentences(_POUND.sub(MARK, text))]
        if len(marked) != len(sentences):
            return None
    kept = []
    for k, sent in enumerate(sentences):
        words = sent.words
        if not _has_candidate(words):
            continue
        pounds = []
        if marked is not None:
            toks = marked[k]
            if len(toks) != len(words):
                return None
            for i, (t, w) in enumerate(zip(toks, words)):
                if t.startswith(MARK):
                    t = t[len(MARK):]
                    pounds.append(i)
                if t.lower() != w:
                    return None
        kept.append((" ".join(words), pounds))
    return "", document_cues(w for s in sentences for w in s.words), kept


def examples(article: CurrencyArticle) -> Iterator[tuple[list[str], int]]:
    source, cues, sentences = article
    for line, pounds in sentences:
        for i, feats in sentence_features(line.split(" "), source, cues):
            yield feats, int(i in pounds)


def fit(articles: list[CurrencyArticle], epochs: int = 2, rate: float = 0.2, seed: int = 0,
        bits: int = CURRENCY_BITS) -> HashedLogistic:
    """The model, by AdaGrad over the articles in a shuffled order; the bias starts at the share
    of candidates written with a pound sign."""
    yes = total = 0
    for article in articles:
        for _, y in examples(article):
            yes, total = yes + y, total + 1
    prior = {"bias": math.log((yes + 0.5) / (total - yes + 0.5))}
    return fit_logistic(shuffled_articles([[a] for a in articles], examples, seed), bits, epochs=epochs,
                        rate=rate, prior=prior)
