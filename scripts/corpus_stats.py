#!/usr/bin/env python
"""Per-corpus size of the gold data, after filtering and cross-corpus dedup.

Run it after touching a reader: it shows at a glance whether a corpus went
missing, shrank (a parsing regression) or got slow.  Usage:

    python scripts/corpus_stats.py [--data DIR] [--no-dedup] [corpus ...]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsrestore.corpora import corpus_names, dedup_key, iter_corpus, split_of


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help="corpus names (default: all)")
    ap.add_argument("--data", type=Path, default=None, help="data directory (default: auto)")
    ap.add_argument("--no-dedup", action="store_true", help="count duplicates too")
    args = ap.parse_args()
    names = args.corpora or corpus_names()
    seen: set[str] = set()
    header = f"{'corpus':<15} {'raw':>6} {'articles':>8} {'words':>10} {'train':>7} {'dev':>6} {'news':>6} {'para':>5} {'tok':>4} {'secs':>6}"
    print(header)
    print("-" * len(header))
    total = {"raw": 0, "articles": 0, "words": 0, "train": 0, "dev": 0, "news": 0}
    t_all = time.perf_counter()
    for name in corpus_names():
        if name not in names:
            continue
        t0 = time.perf_counter()
        row = dict.fromkeys(total, 0)
        para = tok = False
        for art in iter_corpus(name, args.data):
            row["raw"] += 1
            key = dedup_key(art.text)
            if not args.no_dedup:
                if key in seen:
                    continue
                seen.add(key)
            row["articles"] += 1
            row["words"] += art.words
            row[split_of(art)] += 1
            row["news"] += art.news
            para |= art.has_paragraphs
            tok |= art.tokenized
        secs = time.perf_counter() - t0
        for k in total:
            total[k] += row[k]
        print(f"{name:<15} {row['raw']:>6} {row['articles']:>8} {row['words']:>10} {row['train']:>7} {row['dev']:>6} "
              f"{row['news']:>6} {'y' if para else '-':>5} {'y' if tok else '-':>4} {secs:>6.1f}")
    print("-" * len(header))
    print(f"{'TOTAL':<15} {total['raw']:>6} {total['articles']:>8} {total['words']:>10} {total['train']:>7} "
          f"{total['dev']:>6} {total['news']:>6} {'':>5} {'':>4} {time.perf_counter() - t_all:>6.1f}")


if __name__ == "__main__":
    main()
