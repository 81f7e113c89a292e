"""Training the unknown-word model (`unknownmodel.py`).

The examples are the words of the train split that the lexicon left out (seen
once: `build.MIN_WORD_COUNT`), away from sentence starts, in the sentences the
case model learns from: at restore time, unknown words are words like these.
Codes with digits are left out (the stage keeps them as written), and so are
two sentences run together (`expect.what`, cased by a rule) and runs of
capitals (`NEW YORK`: a headline, not an acronym).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..caseprior import CasePrior
from ..logistic import HashedLogistic, shuffled_articles
from ..logistic import fit as fit_logistic
from ..unknownmodel import UNKNOWN_BITS, features, glued
from .case import CaseArticle
from .gold import capitals, first_word, is_word


def positions(cased: list[str], words: list[str], first: int, lexicon: Mapping[str, list],
              ambiguous: Mapping) -> Iterator[int]:
    """Where a cased sentence (`words` in lower case, starting at `first`) has an unknown word to
    learn from."""
    n = len(words)
    for i, w in enumerate(words):
        if i <= first or w in lexicon or w in ambiguous or not is_word(w) or "'" in w:
            continue
        if any(c.isdigit() for c in w) or glued(w, lexicon, ambiguous) is not None:
            continue
        if capitals(cased[i]) and ((i and capitals(cased[i - 1])) or (i + 1 < n and capitals(cased[i + 1]))):
            continue
        yield i


def examples(sentence: str, lexicon: Mapping[str, list], ambiguous: Mapping,
             prior: CasePrior | None = None) -> Iterator[tuple[list[str], int]]:
    """(features, 1 if not lower case) for every unknown word of one cased sentence."""
    cased = sentence.split(" ")
    words = [c.lower() for c in cased]
    first = first_word(cased)
    for i in positions(cased, words, first, lexicon, ambiguous):
        yield features(cased, words, i, first, lexicon, ambiguous, prior), int(cased[i] != words[i])


def fit(articles: list[CaseArticle], lexicon: Mapping[str, list], ambiguous: Mapping,
        epochs: int = 2, rate: float = 0.2, seed: int = 0, prior: CasePrior | None = None) -> HashedLogistic:
    """P(an unknown word is written with a capital), by AdaGrad over every unknown word of the
    train articles.  Fitted on nine tenths of them and scored on the tenth left out (never dev;
    `python scripts/heldout_case.py -j 2 --unknown`), it made 781 errors on 7,233 unknown words
    where the spelling model with a bonus for a capital either side (model version 9) made 1,436.
    Two epochs at 0.2 were as good as three (tried on a first version of the features)."""
    sentences = [sents for _, sents in articles]
    return fit_logistic(shuffled_articles(sentences, lambda s: examples(s, lexicon, ambiguous, prior), seed),
                        UNKNOWN_BITS, epochs=epochs, rate=rate)
