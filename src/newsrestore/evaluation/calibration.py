"""Is a token's confidence what it claims?  Share of correct words per confidence bucket.

A token's confidence is the lowest any stage gave it, so it covers everything restored on it:
its case, its apostrophe and the quotation marks attached to it.  The table therefore judges a
word right only when it is rendered as in the original (same letters and case, same marks
touching it); the share cased right is given beside it.  A calibrated model is right about 90%
of the time on the words it gives 0.9.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from typing import Iterable

from .. import corpora
from ..flatten import flatten
from ..pipeline import restore
from .align import canonical

BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0001)
DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "wmt", "abc")
_WORD = re.compile(r"[A-Za-z]+")
_SPACE = re.compile(r"\s+")


@dataclass
class Bucket:
    low: float
    high: float
    words: int
    cased: float          # percent of words with the original's letters and case
    rendered: float       # percent also carrying the original's attached marks
    mean: float           # the mean confidence of its words, in percent: what `rendered` should be


def attached_marks(text: str) -> list[tuple[str, str, str]]:
    """(marks before, word, marks after) for every letter run: what touches it with no space
    between, so a closing quotation mark belongs to the word it follows, an opening one to the
    word it precedes, and the ’ of `China’s` to both halves.  Read off `canonical` text, as the
    evaluation reads it: curly and straight marks (the user's choice) and PTB ``quotes'' alike,
    `£` and `é` folded as the flattened input was."""
    text = canonical(text)
    matches = list(_WORD.finditer(text))
    out = []
    for k, m in enumerate(matches):
        before = text[matches[k - 1].end() if k else 0:m.start()]
        after = text[m.end():matches[k + 1].start() if k + 1 < len(matches) else len(text)]
        out.append((_SPACE.split(before)[-1], m.group(), _SPACE.split(after)[0]))
    return out


def calibration(names: Iterable[str] = DEFAULT_CORPORA, limit: int = 100) -> list[Bucket]:
    """One `Bucket` per confidence range over `limit` dev articles a corpus (stripped profile)."""
    cased: dict[int, int] = defaultdict(int)
    rendered: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    claimed: dict[int, float] = defaultdict(float)
    for name in names:
        arts = (a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev" and not a.tokenized)
        for art in islice(arts, limit):
            restored = restore(flatten(art.text), profile="stripped")
            toks = [t for s in restored.document.sentences for t in s.tokens]
            # the tokens as restored, as the original writes them in the body; a dateline the
            # header took (`WASHINGTON (Reuters) -`) is left out of both (it used to make every
            # such article's words miscount, and the article was skipped)
            gold = attached_marks(art.text)[sum(len(_WORD.findall(t.text)) for t in restored.document.dateline):]
            ours = attached_marks("".join(t.rendered + " " * (t.space_after or t is s.tokens[-1])
                                          for s in restored.document.sentences for t in s.tokens))
            confs = [t.conf for t in toks for _ in _WORD.findall(t.rendered)]
            if not (len(gold) == len(ours) == len(confs)):
                continue                  # a letter folded into two words; skip the article
            for g, o, conf in zip(gold, ours, confs):
                b = next(i for i in range(len(BUCKETS) - 1) if BUCKETS[i] <= conf < BUCKETS[i + 1])
                total[b] += 1
                claimed[b] += conf
                cased[b] += g[1] == o[1]
                rendered[b] += g == o
    return [Bucket(BUCKETS[b], min(BUCKETS[b + 1], 1.0), total[b], 100 * cased[b] / total[b],
                   100 * rendered[b] / total[b], 100 * claimed[b] / total[b]) for b in sorted(total)]
