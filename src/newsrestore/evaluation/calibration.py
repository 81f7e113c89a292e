"""Is a token's confidence what it claims?  Share of correctly cased words per confidence bucket.

Restores dev-split articles (flattened with the stripped profile) and compares every word's case
with the original: a calibrated model is right about 90% of the time on the words it gives 0.9.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import islice
from typing import Iterable

from .. import corpora
from ..flatten import flatten
from ..pipeline import restore

BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "wmt", "abc")
_WORD = re.compile(r"[A-Za-z]+")


def calibration(names: Iterable[str] = DEFAULT_CORPORA, limit: int = 100) -> list[tuple[float, float, int, float]]:
    """(low, high, words, percent correct) per confidence bucket over `limit` dev articles a corpus."""
    right: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for name in names:
        arts = (a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev" and not a.tokenized)
        for art in islice(arts, limit):
            restored = restore(flatten(art.text), profile="stripped")
            gold = _WORD.findall(art.text)
            toks = [t for s in restored.document.sentences for t in s.tokens]
            ours = [(w, t.conf) for t in toks for w in _WORD.findall(t.rendered)]
            if len(gold) != len(ours):
                continue                  # non-ASCII letters folded differently; skip the article
            for g, (o, conf) in zip(gold, ours):
                b = next(i for i in range(len(BUCKETS) - 1) if BUCKETS[i] <= conf < BUCKETS[i + 1])
                total[b] += 1
                right[b] += g == o
    return [(BUCKETS[b], min(BUCKETS[b + 1], 1.0), total[b], 100 * right[b] / total[b]) for b in sorted(total)]
