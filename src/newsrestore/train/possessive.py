"""Training the plural-possessive model (`possessive.py`) on text that kept its apostrophes.

Every word ending in s or z before another word is an example, labelled by
whether the source wrote an apostrophe after it (`countries’ militaries`).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping

from ..logistic import HashedLogistic, shuffled_articles
from ..logistic import fit as fit_logistic
from ..possessive import MIN_OWNED_COUNT, POSSESSIVE_BITS, candidate, features, owned_level
from .gold import GoldSentence

END = "</s>"


def possessive_sentences(sentences: list[GoldSentence]) -> list[str]:
    """The sentences that hold a candidate, as space-joined cased tokens, a trailing apostrophe
    written on its word (`voters' minds`)."""
    out = []
    for sent in sentences:
        words = sent.words
        if not any(candidate(w, words[i + 1]) for i, w in enumerate(words[:-1])):
            continue
        cased = [t.cased + ("'" if t.trail_apos else "") for t in sent.tokens]
        if not any(" " in c for c in cased):
            out.append(" ".join(cased))
    return out


def examples(sentence: str, owned: Mapping[str, int]) -> Iterator[tuple[list[str], int]]:
    toks = sentence.split(" ")
    cased = [t.rstrip("'") if len(t) > 1 else t for t in toks]
    words = [c.lower() for c in cased]
    n = len(words)
    for i in range(n - 1):
        w, nxt = words[i], words[i + 1]
        if candidate(w, nxt):
            yield (features(words[i - 1] if i else "<s>", w, cased[i], nxt, words[i + 2] if i + 2 < n else END,
                            owned),
                   int(toks[i].endswith("'") and len(toks[i]) > 1))


def owned_table(after_owner: Counter, word: Counter) -> dict[str, int]:
    """`possessive.owned_level` of every word seen `MIN_OWNED_COUNT` times."""
    return {w: owned_level(after_owner[w], n) for w, n in word.items()
            if n >= MIN_OWNED_COUNT and w[:1].isalpha()}


def fit(articles: list[list[str]], owned: Mapping[str, int], epochs: int = 2, rate: float = 0.2, seed: int = 0,
        bits: int = POSSESSIVE_BITS) -> HashedLogistic:
    """The model, by AdaGrad over the articles in a shuffled order; the bias starts at the share
    of candidates that took an apostrophe."""
    yes = total = 0
    for sentences in articles:
        for sentence in sentences:
            for _, y in examples(sentence, owned):
                yes, total = yes + y, total + 1
    prior = {"bias": math.log((yes + 0.5) / (total - yes + 0.5))}
    epoch_examples = shuffled_articles(articles, lambda s: examples(s, owned), seed)
    return fit_logistic(epoch_examples, bits, epochs=epochs, rate=rate, prior=prior)
