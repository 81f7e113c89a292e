"""Timings of `newsrestore diff` on two ~1,000-word articles (issue 5 asks for < 0.5 s).

A is the Reuters example plus BBC paragraphs to reach ~1,000 words; B is A
flattened, with one sentence removed, one moved, and numbers and names changed,
so every stage (merges, moves, word diffs) is exercised.  Prints a table; run
with `python benchmarks/bench_diff.py`.
"""
from __future__ import annotations

import json
import lzma
import statistics
import time
from pathlib import Path

T0 = time.perf_counter()
from newsrestore.diff import compare, diff_texts, parse_version  # noqa: E402
from newsrestore.diff.html import to_html  # noqa: E402
from newsrestore.diff.render import to_json, to_text  # noqa: E402
from newsrestore.flatten import flatten  # noqa: E402

IMPORT = time.perf_counter() - T0
EXAMPLES = Path("/work/shared/examples")
BBC = Path("/work/shared/data/bbc/bbc.jsonl.xz")


def make_pair() -> tuple[str, str]:
    text = (EXAMPLES / "reuters_budget.original.txt").read_text()
    with lzma.open(BBC, "rt", encoding="utf-8") as fh:
        paras = json.loads(fh.readline())["paragraphs"]
    while len(text.split()) < 1000 and paras:
        text += "\n\n" + paras.pop(0)
    sents = [s.surface for s in parse_version(text).sentences]
    b = sents[:]
    del b[8]
    b.insert(20, b.pop(3))
    edited = " ".join(b).replace("7 percent", "9 percent").replace("Paul Ryan", "Kevin McCarthy")
    return text, flatten(edited)


def timed(fn, repeat: int = 20) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    from newsrestore.flatten import _moses
    t = time.perf_counter()
    _moses()  # sacremoses import + tokenizer set-up, paid once per process
    moses = time.perf_counter() - t
    a, b = make_pair()
    t = time.perf_counter()
    first = diff_texts(a, b)
    once = time.perf_counter() - t
    va, vb = parse_version(a, "A"), parse_version(b, "B")
    rows = [
        ("import newsrestore.diff", IMPORT),
        ("Moses tokenizer load (once per process)", moses),
        ("first diff_texts after load", once),
        ("read + flatten A (cased)", timed(lambda: parse_version(a, "A"))),
        ("read B (flat)", timed(lambda: parse_version(b, "B"))),
        ("align + classify + summary", timed(lambda: compare(va, vb))),
        ("diff_texts end to end (warm)", timed(lambda: diff_texts(a, b))),
        ("render text", timed(lambda: to_text(first))),
        ("render json", timed(lambda: to_json(first))),
        ("render html", timed(lambda: to_html(first))),
    ]
    print(f"A: {len(a.split())} words, {len(va.sentences)} sentences; "
          f"B: {len(b.split())} tokens, {len(vb.sentences)} sentences; verdict: {first.summary['verdict']}")
    print(f"{'stage':<50} {'seconds':>9}")
    for name, secs in rows:
        print(f"{name:<50} {secs:>9.4f}")


if __name__ == "__main__":
    main()
