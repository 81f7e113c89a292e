"""Paragraph breaks: would the outlet start a new paragraph before this sentence?

Flattening keeps one sentence a line and drops the blank lines, so where a
paragraph ended must be read from the sentences themselves.  Length alone (how
many sentences and words the paragraph already has) is what a count table can
see, and it cannot tell BBC's topic turns from its continuations.  The words
that open the next sentence can (`But`, `He said`, `However`, a new speaker's
quotation), and so can how many of the next sentence's content words the
paragraph already used, and how near the article's end it is.  A logistic
model (`logistic.py`) over those features gives P(a break); every feature is
also paired with the house style (the corpus it was learned from, or the
agency the dateline names), so outlets keep their own habits while the shared
features serve outlets never seen.  The same `ParagraphContext` serves
training (`train/paragraphs.py`) and the paragraph stage.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The model's table has 2**PARA_BITS slots.
PARA_BITS = 18
#: P(break) at or above which a break is placed.  F1 over breaks pays a missed break as much as a
#: false one, so the best cut is below 0.5: on a tenth of the train articles held out (never dev),
#: 0.35 gave the best or nearly the best F1 for each house style (bbc 0.35-0.4, fnc1 0.3-0.35,
#: Reuters-21578 0.35, others 0.3).
BREAK_THRESHOLD = 0.35

#: A sentence ending otherwise (`u.s.`, `jan.`) was cut by the splitter, not by the writer.
FULL_STOPS = frozenset({".", "?", "!", "''", '"', "``", ")", "...", ":"})
_SPEECH = frozenset({"said", "says", "told", "added"})
_STOP = frozenset("the a an of to in and or for on at by with from that this is was are were be been has have "
                  "had it its he she they we i you his her their as but not will would".split())
MAX_SENTS = 5
WORD_BUCKETS = (15, 30, 45, 60, 80, 110)


@dataclass(slots=True)
class SentenceMarks:
    """What the model reads of one sentence: its words in lower case and its quotation marks."""

    words: list[str]
    opens: bool = False     # a quotation opens before its first word
    quoted: bool = False    # a quotation opens somewhere in it
    closes: bool = False    # a quotation closes at its end
    balance: bool | None = None  # a quotation open after it; None: it holds no mark, what was open stays so

    @property
    def ends_full(self) -> bool:
        return bool(self.words) and self.words[-1] in FULL_STOPS

    @classmethod
    def from_marks(cls, words: list[str], opened: Sequence[bool], closed: Sequence[bool]) -> "SentenceMarks":
        """From per-token flags: a quotation opens before the token, one closes after it.  Training
        reads them from the source, the stage from the marks the quotes stage placed; both read
        them here, so the two agree on what a sentence's marks mean."""
        balance = None
        for o, c in zip(opened, closed):
            if o:
                balance = True
            if c:
                balance = False
        return cls(words, opens=bool(opened) and opened[0], quoted=any(opened), closes=any(closed[-2:]),
                   balance=balance)


def word_bucket(n: int) -> int:
    for i, b in enumerate(WORD_BUCKETS):
        if n < b:
            return i
    return len(WORD_BUCKETS)


def content_words(words: Sequence[str]) -> set[str]:
    return {w for w in words if len(w) > 3 and w.isalpha() and w not in _STOP}


class ParagraphContext:
    """The paragraph so far, walked sentence by sentence: `features(i)` for the decision before
    sentence i, then `advance(i, starts)` once it is made."""

    def __init__(self, sents: Sequence[SentenceMarks], style: str | None) -> None:
        self.sents = sents
        self.style = style
        self.sents_in_para = self.words_in_para = 0
        self.content: set[str] = set()
        self.quote_open = False

    def advance(self, i: int, starts: bool) -> None:
        s = self.sents[i]
        if starts:
            self.sents_in_para = self.words_in_para = 0
            self.content = set()
        self.sents_in_para += 1
        self.words_in_para += len(s.words)
        self.content |= content_words(s.words)
        if s.balance is not None:
            self.quote_open = s.balance

    def eligible(self, i: int) -> bool:
        """Whether a break before sentence i is the model's to decide: after a full stop, and
        never inside an open quotation."""
        return self.sents[i - 1].ends_full and not self.quote_open

    def features(self, i: int) -> list[str]:
        prev, nxt = self.sents[i - 1], self.sents[i]
        n, p = nxt.words, prev.words
        sents, words = min(self.sents_in_para, MAX_SENTS), word_bucket(self.words_in_para)
        remaining = len(self.sents) - 1 - i
        new = content_words(n)
        shared = len(new & self.content)
        feats = [
            "bias",
            f"k {sents}|{words}|{int(nxt.opens)}|{int(i == 1)}",
            f"s {min(self.sents_in_para, 8)}",
            f"w {words}",
            f"q {int(nxt.opens)}{int(prev.closes)}",
            f"nq {int(nxt.quoted)}",
            f"pq {int(prev.quoted)}",
            f"sq {min(self.sents_in_para, 4)}{int(nxt.opens)}{int(prev.quoted)}",
            f"i {min(i, 10)}",
            f"nl {min(len(n) // 5, 10)}",
            f"pl {min(len(p) // 5, 10)}",
            f"n1 {n[0] if n else ''}",
            f"n2 {' '.join(n[:2])}",
            f"p1 {p[0] if p else ''}",
            f"pe {p[-1] if p else ''}",
            f"ns {int(not _SPEECH.isdisjoint(n))}",
            f"ps {int(not _SPEECH.isdisjoint(p))}",
            f"ov {min(shared, 4)}",
            f"ovr {round(shared / max(len(new), 1), 1)}",
            f"ovp {min(len(new & content_words(p)), 3)}",
            f"rem {min(remaining, 6)}",
            f"rel {round(i / (i + remaining), 1)}",
        ]
        if self.style:
            feats += [f"{self.style}|{f}" for f in feats]
        return feats
