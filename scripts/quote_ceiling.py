"""How far can quotation marks be put back from flattened text?  Gold marks by kind, and recall.

    python scripts/quote_ceiling.py [--corpus NAME ...] [--limit N]

See `newsrestore/evaluation/ceiling.py` for what counts as a sentence-level mark and what the
ceiling means.  (The benchmark, benchmarks/run_benchmark.py, reports the same table in
RESULTS.md.)
"""
from __future__ import annotations

import argparse

from newsrestore.evaluation.ceiling import DEFAULT_CORPORA, quote_ceiling


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    print(f"{'corpus':<14}{'marks':>7}{'sentence-level':>16}{'ceiling F1':>12}"
          f"{'recall: sentence':>18}{'inside':>8}{'precision':>11}")
    for r in quote_ceiling(args.corpus or DEFAULT_CORPORA, args.limit):
        print(f"{r.corpus:<14}{r.marks:>7}{r.share:>15.1%}{r.ceiling:>12.1%}"
              f"{r.recall_sentence:>18.1%}{r.recall_inside:>8.1%}{r.precision:>11.1%}")


if __name__ == "__main__":
    main()
