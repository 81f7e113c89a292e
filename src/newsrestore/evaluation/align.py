"""Positions that restoration can get right or wrong, read off a text.

Restoring never adds or drops a word, so gold and restored text are compared
on their *word sequence*: maximal runs of letters and digits in a canonical form
of the text (quotes straightened, non-ASCII folded the way flattening folds
it).  Every restorable property is then a position in that sequence:

* case: the surface form of each word;
* apostrophes: the index of the word an apostrophe follows (``Myanmar’s``,
  ``couldn’t``, ``O’Brien`` inside a word; ``countries’`` after it), so a curly
  and a straight apostrophe at the same place are the same position; the marks of a short
  single-quoted phrase (`a 'fake' video`, as British outlets write quotations) are no apostrophes;
* double quotes: ``(b, "open"|"close")`` where ``b`` is the number of words
  before the mark, so ``said, "Yes."`` and ``said "Yes".`` place the quotes
  identically (punctuation order is left to the character error rate);
* paragraph breaks: the index of the first word of every paragraph but the first.

Defining positions on words rather than characters is what lets tools that
re-space punctuation differently still be scored on what they restore.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import fold_ascii, normalize_newlines, straighten_quotes

_WORD_RE = re.compile(r"[^\W_]+")     # Moses splits off "_", so it is no word character
_PARA_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CLITIC_RE = re.compile(r"(?:s|re|ve|ll|d|m|t)\b", re.IGNORECASE)
_OPEN_BEFORE = "([{-/"
#: How many words a single-quoted phrase may hold before a closing-looking ' after a word is
#: taken for a plural possessive again (`'fake'`, `'serial prankster'`, `'Big Bank Hank'`).
_SINGLE_SPAN = 12


def canonical(text: str, tokenized: bool = False) -> str:
    """Straighten quotes and fold to ASCII; PTB `` and '' become ".

    Line structure is kept (folding never touches newlines), so paragraph
    breaks survive.
    """
    if tokenized:
        text = text.replace("``", '"').replace("''", '"')
    return fold_ascii(straighten_quotes(normalize_newlines(text)))


@dataclass
class Marks:
    """Everything restorable that one text contains, keyed by word position."""

    text: str                                  # the canonical text the offsets refer to
    words: list[str]                           # surface forms, in order
    starts: list[int]                          # character offset of each word in `text`
    apostrophes: dict[int, int] = field(default_factory=dict)   # word index -> char offset
    quotes: dict[tuple[int, str], int] = field(default_factory=dict)  # (b, open/close) -> offset
    paragraphs: dict[int, int] = field(default_factory=dict)    # first word index -> offset

    @property
    def keys(self) -> list[str]:
        return [w.lower() for w in self.words]


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def read_marks(text: str, tokenized: bool = False) -> Marks:
    """Find the words, apostrophes, double quotes and paragraph starts of a text.

    `tokenized` is for PTB-style gold (CoNLL): there ``Germany 's`` has a space
    before the clitic, so an apostrophe that opens a clitic after a space
    belongs to the previous word, and a quote standing alone between spaces
    gets its direction from whether a quotation is open.
    """
    c = canonical(text, tokenized)
    words, starts = [], []
    for m in _WORD_RE.finditer(c):
        words.append(m.group())
        starts.append(m.start())
    marks = Marks(c, words, starts)
    inside = False
    single_open = -1                # words before the last single quotation mark opened, if open
    for p, ch in enumerate(c):
        if ch == "\n":
            inside = False          # a quotation running over paragraphs reopens on each
            single_open = -1
            continue
        if ch not in "'\"":
            continue
        b = bisect.bisect_left(starts, p)       # words starting before p
        prev = c[p - 1] if p > 0 else " "
        nxt = c[p + 1] if p + 1 < len(c) else " "
        if ch == "'":
            if not tokenized and (prev.isspace() or prev in _OPEN_BEFORE or prev == '"') and nxt.isalpha():
                single_open = b     # 'fake': a single quotation mark opens (never an apostrophe)
            elif (not tokenized and 0 <= single_open < b <= single_open + _SINGLE_SPAN
                    and _is_word_char(prev) and not _is_word_char(nxt)):
                single_open = -1    # ... and closes: `a 'fake' video` has no apostrophe
            elif _is_word_char(prev) and b > 0:
                marks.apostrophes.setdefault(b - 1, p)
            elif tokenized and prev.isspace() and b > 0 and _CLITIC_RE.match(c, p + 1):
                marks.apostrophes.setdefault(b - 1, p)
            continue
        if (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace():
            kind = "open"
        elif not prev.isspace() and (nxt.isspace() or not _is_word_char(nxt)):
            kind = "close"
        else:
            kind = "close" if inside else "open"
        inside = kind == "open"
        marks.quotes.setdefault((b, kind), p)
    for m in _PARA_RE.finditer(c):
        b = bisect.bisect_left(starts, m.end())
        if 0 < b < len(words):
            marks.paragraphs.setdefault(b, m.end())
    return marks


def align(gold: list[str], restored: list[str]) -> dict[int, int]:
    """Map restored word index -> gold word index for words kept in order.

    Identical sequences (the normal case for newsrestore) map one to one
    without running the matcher; otherwise difflib finds the longest common
    in-order matching, and unmatched words are simply not scored.
    """
    if gold == restored:
        return {i: i for i in range(len(gold))}
    from difflib import SequenceMatcher

    mapping: dict[int, int] = {}
    sm = SequenceMatcher(None, gold, restored, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            mapping[b + k] = a + k
    return mapping


def map_boundary(b: int, mapping: dict[int, int], n_restored: int, n_gold: int) -> int | None:
    """The gold boundary (words before) for restored boundary `b`, if it can be placed."""
    if b < n_restored and b in mapping:
        return mapping[b]
    if b > 0 and (b - 1) in mapping:
        return mapping[b - 1] + 1
    if b == 0:
        return 0
    if b == n_restored:
        return n_gold
    return None
