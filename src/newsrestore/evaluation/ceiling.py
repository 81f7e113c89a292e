"""How far quotation marks can be put back from flattened text: gold marks by kind, and recall.

A mark is *sentence-level* when it opens at a sentence start or after a colon or comma
(`He said: "We...`) or closes after the sentence's own full stop or comma (`...now," he said`):
where the sentence's shape (an attribution, a colon after a speech verb, first person) can
point at it.  Every other mark is *inside a sentence*: a quoted phrase (`called himself a
"fiscal conservative" on Sunday`, `said the bill was "probably the biggest factor in this
plan."`), which flattening leaves with no trace but the writer's choice of words.  The
ceiling is the quote_f1 of a restorer that puts every sentence-level mark right and none
other (precision 1, recall the sentence-level share): a bound on what any tagger of sentence
shapes can reach, however good, and the reason issue 4's quote_f1 target of 90 is out of
reach on most corpora.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..flatten import flatten
from ..train.build import marks_lost
from .align import read_marks
from .runner import comparable_body, dev_articles

DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "abc", "wmt")


def sentence_level(text: str, p: int, kind: str) -> bool:
    """Whether the mark at offset p of a canonical gold text (`align.read_marks`) stands at a
    sentence's edge."""
    if kind == "open":
        before = text[:p].rstrip(" ")
        return not before or before[-1] in ".?!:,\n"
    after = text[p + 1:].lstrip(" ")
    inner = text[:p].rstrip("'")            # `...7 percent,'"`: a quotation inside ends first
    return inner[-1:] in (".", "?", "!", ",") or not after or after[0] == "\n"


@dataclass
class CeilingRow:
    """One corpus's gold marks by kind, and what newsrestore made of them (counts, not shares, so
    a reader can pool corpora)."""

    corpus: str
    marks: int                  # gold marks in the articles scored
    sentence_level: int         # of them, at a sentence's edge
    found_sentence: int         # sentence-level marks newsrestore put right
    found_inside: int           # marks inside a sentence newsrestore put right
    put: int                    # marks newsrestore put
    right: int                  # of them, right

    @property
    def ceiling(self) -> float:
        share = self.sentence_level / self.marks
        return 2 * share / (1 + share)


def quote_ceiling(names: Iterable[str] = DEFAULT_CORPORA, limit: int = 200) -> list[CeilingRow]:
    """Per corpus, over its first `limit` dev articles that kept their marks (not `marks_lost`)
    and are not tokenized; articles whose restored words do not align one to one are skipped."""
    from ..pipeline import restore      # imported late: evaluation must load without the model
    names = list(names)
    n: Counter = Counter()
    for art in dev_articles(names, limit):
        if art.tokenized or marks_lost(art.text):
            continue
        restored = restore(flatten(art.text, "stripped", title=art.title), profile="stripped")
        gold, ours = read_marks(art.text), read_marks(comparable_body(restored.text, restored.title is not None))
        if [w.lower() for w in gold.words] != [w.lower() for w in ours.words]:
            continue
        c = art.corpus
        for key, p in gold.quotes.items():
            level = "sentence" if sentence_level(gold.text, p, key[1]) else "inside"
            n[c, level] += 1
            n[c, level + " found"] += key in ours.quotes
        n[c, "put"] += len(ours.quotes)
        n[c, "right"] += len(set(ours.quotes) & set(gold.quotes))
    return [CeilingRow(c, n[c, "sentence"] + n[c, "inside"], n[c, "sentence"], n[c, "sentence found"],
                       n[c, "inside found"], n[c, "put"], n[c, "right"])
            for c in names if n[c, "sentence"] + n[c, "inside"]]
