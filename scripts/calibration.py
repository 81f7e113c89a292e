"""Is a token's confidence what it claims?  Share of correct words per confidence bucket.

    python scripts/calibration.py [--corpus NAME ...] [--limit N]

(The benchmark, benchmarks/run_benchmark.py, reports the same table in RESULTS.md.)
"""
from __future__ import annotations

import argparse

from newsrestore.evaluation.calibration import DEFAULT_CORPORA, calibration


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    print(f"{'confidence':<14}{'words':>9}{'mean':>8}{'rendered':>10}{'cased':>8}")
    for b in calibration(args.corpus or DEFAULT_CORPORA, args.limit):
        print(f"{b.low:.2f}-{b.high:.2f}    {b.words:>9}{b.mean:>7.1f}%{b.rendered:>9.1f}%{b.cased:>7.1f}%")


if __name__ == "__main__":
    main()
