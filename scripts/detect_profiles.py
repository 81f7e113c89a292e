"""How often `--profile auto` names the profile an article was flattened to.

    python scripts/detect_profiles.py [--limit N]

Flattens the first N articles of every corpus to each profile (running text only for corpora
that were not tokenized before us) and counts the articles `parse.detect_profile` reads right,
with the misread ones by corpus.  PTB text that holds no quotation mark and no clitic reads as
stripped: both split it into the same tokens.
"""
from __future__ import annotations

import argparse
from collections import Counter

from newsrestore import corpora, flatten
from newsrestore.parse import detect_profile

PROFILES = ("stripped", "ptb", "lower")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="articles per corpus")
    args = ap.parse_args()
    right, wrong, misread = Counter(), Counter(), Counter()
    for name in corpora.corpus_names():
        for k, art in enumerate(corpora.iter_corpus(name)):
            if k >= args.limit:
                break
            for profile in PROFILES:
                if art.tokenized and profile == "lower":
                    continue
                flat = flatten(art.text, profile, title=art.title)
                if not flat.strip():
                    continue
                got = detect_profile(flat)
                if got == profile:
                    right[profile] += 1
                else:
                    wrong[profile] += 1
                    misread[(profile, name, got)] += 1
    for profile in PROFILES:
        total = right[profile] + wrong[profile]
        print(f"{profile:<9} {right[profile]:>6,} of {total:,} right")
        for (p, name, got), n in sorted(misread.items()):
            if p == profile:
                print(f"    {name:<15} read as {got}: {n}")


if __name__ == "__main__":
    main()
