"""How far can quotation marks be put back from flattened text?  Gold marks by kind, and recall.

    python scripts/quote_ceiling.py [--corpus NAME ...] [--limit N]

A mark is *sentence-level* when it opens at a sentence start or after a colon or comma
(`He said: "We...`) or closes after the sentence's own full stop or comma (`...now," he said`):
where the sentence's shape (an attribution, a colon after a speech verb, first person) can
point at it.  Every other mark is *inside a sentence*: a quoted phrase (`called himself a
"fiscal conservative" on Sunday`, `said the bill was "probably the biggest factor in this
plan."`), which flattening leaves with no trace but the writer's choice of words.  The
ceiling is the quote_f1 of a restorer that puts every sentence-level mark right and none
other (precision 1, recall the sentence-level share): a bound on what any tagger of
sentence shapes can reach, however good.  Recall is newsrestore's on each kind.
"""
from __future__ import annotations

import argparse
from collections import Counter

from newsrestore import restore
from newsrestore.evaluation.align import read_marks
from newsrestore.evaluation.runner import comparable_body, dev_articles
from newsrestore.flatten import flatten
from newsrestore.train.build import marks_lost

DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "abc", "wmt")


def sentence_level(text: str, p: int, kind: str) -> bool:
    """Whether the mark at offset p of a canonical gold text stands at a sentence's edge."""
    if kind == "open":
        before = text[:p].rstrip(" ")
        return not before or before[-1] in ".?!:,\n"
    after = text[p + 1:].lstrip(" ")
    return (p > 0 and text[p - 1] in ".?!,") or not after or after[0] == "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    counts: Counter = Counter()
    names = args.corpus or list(DEFAULT_CORPORA)
    for art in dev_articles(names, args.limit):
        if art.tokenized or marks_lost(art.text):          # no marks to find (see `marks_lost`)
            continue
        restored = restore(flatten(art.text, "stripped", title=art.title), profile="stripped")
        gold, ours = read_marks(art.text), read_marks(comparable_body(restored.text, restored.title is not None))
        if [w.lower() for w in gold.words] != [w.lower() for w in ours.words]:
            counts[(art.corpus, "skipped")] += 1          # words not aligned one to one: not scored
            continue
        for key, p in gold.quotes.items():
            level = "sentence" if sentence_level(gold.text, p, key[1]) else "inside"
            counts[(art.corpus, level)] += 1
            counts[(art.corpus, level + " found")] += key in ours.quotes
        counts[(art.corpus, "put")] += len(ours.quotes)
        counts[(art.corpus, "right")] += len(set(ours.quotes) & set(gold.quotes))
    print(f"{'corpus':<14}{'marks':>7}{'sentence-level':>16}{'ceiling F1':>12}"
          f"{'recall: sentence':>18}{'inside':>8}{'precision':>11}")
    for name in names:
        s, i = counts[(name, "sentence")], counts[(name, "inside")]
        if not s + i:
            continue
        share = s / (s + i)
        print(f"{name:<14}{s + i:>7}{share:>15.1%}{2 * share / (1 + share):>12.1%}"
              f"{counts[(name, 'sentence found')] / max(1, s):>18.1%}{counts[(name, 'inside found')] / max(1, i):>8.1%}"
              f"{counts[(name, 'right')] / max(1, counts[(name, 'put')]):>11.1%}")


if __name__ == "__main__":
    main()
