"""Pound signs: was `479m` written `£479m`?

Flattening folds text to ASCII, and the pound sign has no ASCII form, so it
vanishes: BBC's `a loss of £479m` comes in as `a loss of 479m`, while a dollar
amount keeps its `$`.  Nothing in the token itself tells `£479m` from `479m
people`, but its neighbours (`profit of`, `a year`, `shares`), its shape (`m`
and `bn` amounts are money far more often than bare counts), the outlet's house
style and the article around it do: a British article (`Mr` without a full
stop, `Britain`, `sterling`) writes its money in pounds, an American one in
dollars.  A logistic model (`logistic.py`) over those features gives P(a pound
sign before the number); the same `features` function serves training
(`train/currency.py`) and the currency stage.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .casemodel import END, START

#: The model's table has 2**CURRENCY_BITS slots.
CURRENCY_BITS = 18
#: P(a pound sign) at or above which one is written.
CURRENCY_THRESHOLD = 0.5

_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?(m|bn|k|tn)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: Words that say an article is British (`mr` without its full stop is British style).
_BRITISH = frozenset("britain british uk london england scotland wales sterling pounds pound mr mrs "
                     "chancellor labour tory tories bbc ftse pence".split())


def candidate(w: str, prev: str) -> bool:
    """Could a pound sign have stood before the token `w` (lower case), after `prev`?  A number,
    maybe with `m`, `bn`, `k` or `tn`, not already after a dollar sign (`$`, `us$`)."""
    return bool(_AMOUNT.fullmatch(w)) and not prev.endswith("$")


def amount_shape(w: str) -> str:
    """`d3m` for `479m`, `d4,` for `1,000`, `d1.bn` for `1.3bn`, `year` for `2004`."""
    if _YEAR.fullmatch(w):
        return "year"
    m = _AMOUNT.fullmatch(w)
    unit = (m.group(1) or "") if m else ""
    digits = sum(c.isdigit() for c in w)
    return f"d{min(digits, 6)}{',' if ',' in w else ''}{'.' if '.' in w else ''}{unit}"


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n <= 3 else "4"


def document_cues(words: Iterable[str]) -> list[str]:
    """What the whole article says about its currency: how many British words and dollar
    signs it holds, bucketed (0, 1, 2-3, 4+)."""
    british = dollars = 0
    for w in words:
        if w in _BRITISH:
            british += 1
        elif w.endswith("$"):
            dollars += 1
    return [f"uk{_bucket(british)}", f"usd{_bucket(dollars)}"]


def features(pp: str, prev: str, w: str, nxt: str, nn: str, source: str, cues: list[str]) -> list[str]:
    """Lower-case neighbours of the number `w`; `source` is the outlet (`housestyle.outlet`),
    `cues` the article's `document_cues`."""
    shape = amount_shape(w)
    out = ["bias", f"s {shape}", f"p {prev}", f"pp {pp} {prev}", f"n {nxt}", f"nn {nxt} {nn}",
           f"pn {prev} {nxt}", f"sn {shape} {nxt}", f"ps {prev} {shape}"]
    out += [f"c {c}" for c in cues] + [f"cs {c} {shape}" for c in cues] + [f"cc {cues[0]} {cues[1]}"]
    if source:
        out += [f"o {source}", f"os {source} {shape}", f"on {source} {nxt}", f"op {source} {prev}"]
    return out


def sentence_features(words: list[str], source: str, cues: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(index, features) of every candidate of one sentence's lower-case words: what training
    and the currency stage both read."""
    n = len(words)
    for i, w in enumerate(words):
        prev = words[i - 1] if i else START
        if candidate(w, prev):
            yield i, features(words[i - 2] if i >= 2 else START, prev, w, words[i + 1] if i + 1 < n else END,
                              words[i + 2] if i + 2 < n else END, source, cues)
