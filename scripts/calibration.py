"""Is a token's confidence what it claims?  Share of correctly cased words per confidence bucket.

Restores dev-split articles (flattened with the stripped profile) and compares every word's case
with the original.  A calibrated model is right about 90% of the time on tokens it gives 0.9.

    python scripts/calibration.py [--corpus NAME ...] [--limit N]
"""
from __future__ import annotations

import argparse
import re
from collections import defaultdict
from itertools import islice

from newsrestore import corpora, flatten, restore

BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
_WORD = re.compile(r"[A-Za-z]+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    names = args.corpus or ["isot_true", "bbc", "fnc1", "reuters21578", "wmt", "abc"]
    right: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    for name in names:
        arts = (a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev" and not a.tokenized)
        for art in islice(arts, args.limit):
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
    print(f"{'confidence':<14}{'words':>9}{'correct':>9}")
    for b in sorted(total):
        lo, hi = BUCKETS[b], min(BUCKETS[b + 1], 1.0)
        print(f"{lo:.2f}-{hi:.2f}    {total[b]:>9}{100 * right[b] / total[b]:>8.1f}%")


if __name__ == "__main__":
    main()
