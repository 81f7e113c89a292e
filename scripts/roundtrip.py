"""Measure the guarantee over every article in ../shared/data: flatten, restore, flatten again.

For each corpus and profile it counts articles whose restored text flattens back to exactly the
input lines (`exact`), and those whose tokens come back in order even if a line break moved
(`tokens`).  Any failure is printed with its first differing line.  Usage:

    python scripts/roundtrip.py [--profiles stripped,ptb] [--layout sentence] [--corpus NAME ...]
                                [--limit N] [-j 2]

With `--layout paragraph` or `article` each input line holds a paragraph or the whole article
(`flatten --layout`), restore cuts the lines into sentences, and the restored text is flattened
back the same way; its paragraphs are restore's own, so `tokens` is then the guarantee.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from collections import defaultdict

from newsrestore import corpora, flatten, restore
from newsrestore.errors import NewsRestoreError


def check(job: tuple[str, str, str, str | None, str, str]) -> tuple[str, str, str, str, str | None]:
    corpus, art_id, text, title, profile, layout = job
    flat = flatten(text, profile, title=title, layout=layout)
    if not flat.strip() or not flat.replace(" ", "").strip():
        return corpus, profile, art_id, "skip", None
    try:
        art = restore(flat, profile=profile)
    except NewsRestoreError as exc:
        return corpus, profile, art_id, "error", str(exc)
    back = flatten(art.text, profile, has_title=art.title is not None, layout=layout)
    if back == flat:
        return corpus, profile, art_id, "exact", None
    if back.split() == flat.split():
        first = next(((a, b) for a, b in zip(back.splitlines(), flat.splitlines()) if a != b), None)
        return corpus, profile, art_id, "tokens", repr(first)[:300]
    first = next(((a, b) for a, b in zip(back.splitlines(), flat.splitlines()) if a != b), None)
    return corpus, profile, art_id, "fail", repr(first)[:300]


def jobs(names, profiles, limit, layout):
    for name in names:
        for n, art in enumerate(corpora.iter_corpus(name)):
            if limit and n >= limit:
                break
            for profile in profiles:
                yield art.corpus, art.id, art.text, art.title, profile, layout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profiles", default="stripped,ptb")
    ap.add_argument("--layout", default="sentence", choices=["sentence", "paragraph", "article"],
                    help="what a line of the flattened input holds")
    ap.add_argument("--corpus", action="append", help="corpus name (repeatable; default: all)")
    ap.add_argument("--limit", type=int, default=0, help="articles per corpus (0 = all)")
    ap.add_argument("-j", "--jobs", type=int, default=mp.cpu_count())
    args = ap.parse_args()
    names = args.corpus or corpora.corpus_names()
    profiles = args.profiles.split(",")
    t0 = time.time()
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    problems = []
    with mp.get_context("fork").Pool(args.jobs) as pool:
        for corpus, profile, art_id, status, detail in pool.imap_unordered(check, jobs(names, profiles, args.limit, args.layout),
                                                                           chunksize=8):
            table[(corpus, profile)][status] += 1
            if status in ("tokens", "fail", "error"):
                problems.append((corpus, profile, art_id, status, detail))
    print(f"{'corpus':<16}{'profile':<10}{'articles':>9}{'exact':>9}{'tokens':>8}{'fail':>6}{'error':>7}")
    totals: dict[str, int] = defaultdict(int)
    for (corpus, profile), row in sorted(table.items()):
        n = sum(v for k, v in row.items() if k != "skip")
        for k in ("exact", "tokens", "fail", "error"):
            totals[k] += row[k]
        totals["n"] += n
        print(f"{corpus:<16}{profile:<10}{n:>9}{row['exact']:>9}{row['tokens']:>8}{row['fail']:>6}{row['error']:>7}")
    print(f"{'ALL':<26}{totals['n']:>9}{totals['exact']:>9}{totals['tokens']:>8}{totals['fail']:>6}{totals['error']:>7}")
    print(f"({time.time() - t0:.0f} s; exact = same lines, tokens = same tokens but a line break moved)")
    for p in problems[:40]:
        print("  ", *p)
    return 0 if totals["fail"] == 0 and totals["error"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
