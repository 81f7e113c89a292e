"""Compare one restored body with its gold body: counts plus error examples.

The error log keeps every error's *count* but only a few examples of each
kind of error, so a report over thousands of articles stays small while still
showing a person where the restorer fails, in context.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import straighten_quotes
from .align import Marks, align, map_boundary, read_marks
from .metrics import Counts, char_errors, normalize_for_cer

Snippet = tuple[str, str, str]   # text before, the focus, text after
_BREAK = re.compile(r"\s*\n[^\S\n]*\n\s*")      # a blank line: a paragraph break
_SPACES = re.compile(r"\s+")


@dataclass
class ErrorLog:
    """How often each (kind, label) error occurred, with up to `keep` examples each."""

    keep: int = 3
    counts: Counter = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[dict]] = field(default_factory=dict)

    def add(self, kind: str, label: str, doc: str, gold: Snippet, restored: Snippet) -> None:
        key = (kind, label)
        self.counts[key] += 1
        kept = self.examples.setdefault(key, [])
        if len(kept) < self.keep:
            kept.append({"doc": doc, "gold": list(gold), "restored": list(restored)})

    def merge(self, other: "ErrorLog") -> None:
        self.counts.update(other.counts)
        for key, exs in other.examples.items():
            kept = self.examples.setdefault(key, [])
            kept.extend(exs[: max(0, self.keep - len(kept))])

    def top(self, kind: str, n: int = 10) -> list[tuple[str, int, list[dict]]]:
        """The `n` most frequent errors of one kind: (label, count, examples)."""
        items = [(k[1], c) for k, c in self.counts.most_common() if k[0] == kind]
        return [(label, c, self.examples.get((kind, label), [])) for label, c in items[:n]]


def snippet(m: Marks, offset: int | None, length: int = 1, width: int = 45) -> Snippet:
    """Text around `offset` in a canonical text, paragraph breaks shown as ¶, other newlines as spaces."""
    if offset is None:
        return ("", "", "")
    t = m.text
    a, b = max(0, offset - width), min(len(t), offset + length + width)

    def show(s: str) -> str:
        return _SPACES.sub(" ", _BREAK.sub(" ¶ ", s))
    return (("…" if a else "") + show(t[a:offset]), show(t[offset:offset + length]),
            show(t[offset + length:b]) + ("…" if b < len(t) else ""))


def _token_at(m: Marks, p: int) -> str:
    """The whitespace-delimited token holding offset p, outer punctuation other than ' trimmed."""
    a = m.text.rfind(" ", 0, p) + 1
    a = max(a, m.text.rfind("\n", 0, p) + 1)
    ends = [e for e in (m.text.find(" ", p), m.text.find("\n", p)) if e != -1]
    tok = m.text[a:min(ends) if ends else len(m.text)]
    return tok.strip(".,;:!?()[]\"").lower()


@lru_cache(maxsize=1)
def _ptb():
    from nltk.tokenize import TreebankWordTokenizer
    return TreebankWordTokenizer()


def ptb_tokenize(text: str) -> str:
    """Restored text in the PTB token form tokenized gold (CoNLL) is written in."""
    text = straighten_quotes(text)     # the Treebank rules only know ASCII quotes
    return "\n".join(" ".join(_ptb().tokenize(line)) for line in text.split("\n"))


def compare(gold: str, restored: str, *, paragraphs: bool = True, tokenized: bool = False,
            marks: bool = True, doc: str = "", log: ErrorLog | None = None) -> Counts:
    """Counts for one article; errors go to `log` when given.

    `paragraphs` says gold has real paragraph breaks (otherwise para_f1 is not
    scored and CER ignores line structure).  `tokenized` means gold is PTB
    tokens: both texts are (re)tokenized the same way before comparing.
    `marks=False` is for gold that lost its apostrophes and quotation marks
    before we got it (`China s`): those are then not scored, rather than
    counting every mark put back as an error.
    """
    if tokenized:      # both sides through the same tokenizer: `didn't`, `do n't`, `cannot` agree
        gold, restored = ptb_tokenize(gold), ptb_tokenize(restored)
    g, r = read_marks(gold, tokenized), read_marks(restored, tokenized)
    gk, rk = g.keys, r.keys
    r2g = align(gk, rk)
    g2r = {gi: ri for ri, gi in r2g.items()}
    c = Counts(articles=1, words_gold=len(gk), words_restored=len(rk), words_matched=len(r2g))

    for ri, gi in r2g.items():
        gw, rw = g.words[gi], r.words[ri]
        if not any(ch.isalpha() for ch in gw):
            continue
        c.case_total += 1
        ok = gw == rw
        c.case_correct += ok
        gcap, rcap = gw != gw.lower(), rw != rw.lower()
        c.cap_tp += gcap and rcap and ok
        c.cap_fp += rcap and not ok
        c.cap_fn += gcap and not ok
        if not ok and log is not None:
            log.add("case", f"{rw} → {gw}", doc, snippet(g, g.starts[gi], len(gw)),
                    snippet(r, r.starts[ri], len(rw)))

    def r_off(gi: int, end: bool = False) -> int | None:
        ri = g2r.get(gi)
        if ri is None:
            return None
        return r.starts[ri] + (len(r.words[ri]) if end else 0)

    def report(kind: str):
        """An error logger for one kind, or a no-op when nothing is logged."""
        return (lambda label, gold_snip, restored_snip: log.add(kind, label, doc, gold_snip, restored_snip)) \
            if log is not None else (lambda *_: None)

    nr, ng = len(rk), len(gk)
    if marks:
        # apostrophes: restored word index -> gold word index
        r_apos = {r2g[ri]: p for ri, p in r.apostrophes.items() if ri in r2g}
        c.apos_fp += len(r.apostrophes) - len(r_apos)
        add = report("apos")
        tp, fn, fp = _match(
            g.apostrophes, r_apos,
            lambda gi, p: add(f"missing: {_token_at(g, p)}", snippet(g, p), snippet(r, r_off(gi, end=True), 0)),
            lambda gi, p: add(f"spurious: {_token_at(r, p)}",
                              snippet(g, g.starts[gi] + len(g.words[gi]) if gi < ng else None, 0), snippet(r, p)))
        c.apos_tp, c.apos_fn, c.apos_fp = c.apos_tp + tp, c.apos_fn + fn, c.apos_fp + fp

        r_quotes: dict[tuple[int, str], int] = {}
        for (b, kind), p in r.quotes.items():
            gb = map_boundary(b, r2g, nr, ng)
            if gb is None:
                c.quote_fp += 1
            else:
                r_quotes.setdefault((gb, kind), p)
        add = report("quote")
        tp, fn, fp = _match(
            g.quotes, r_quotes,
            lambda key, p: add(f"missing {key[1]} quote", snippet(g, p),
                               snippet(r, r_off(key[0]) if key[0] < ng else len(r.text), 0)),
            lambda key, p: add(f"spurious {key[1]} quote",
                               snippet(g, g.starts[key[0]] if key[0] < ng else len(g.text), 0), snippet(r, p)))
        c.quote_tp, c.quote_fn, c.quote_fp = c.quote_tp + tp, c.quote_fn + fn, c.quote_fp + fp

    if paragraphs:
        c.para_articles = 1
        r_paras = {r2g[ri]: p for ri, p in r.paragraphs.items() if ri in r2g}
        c.para_fp += len(r.paragraphs) - len(r_paras)
        add = report("para")
        tp, fn, fp = _match(
            g.paragraphs, r_paras,
            lambda gi, p: add("missing break", snippet(g, p, len(g.words[gi])),
                              snippet(r, r_off(gi), len(g.words[gi]))),
            lambda gi, p: add("spurious break", snippet(g, g.starts[gi], len(g.words[gi])),
                              snippet(r, p, len(g.words[gi]))))
        c.para_tp, c.para_fn, c.para_fp = c.para_tp + tp, c.para_fn + fn, c.para_fp + fp

    gn = normalize_for_cer(gold, paragraphs, tokenized)
    c.cer_chars = len(gn)
    c.cer_errors = char_errors(normalize_for_cer(restored, paragraphs, tokenized), gn)
    return c


def _match(gold: dict, restored: dict, missing, spurious) -> tuple[int, int, int]:
    """Hits, misses and false alarms between two position maps, each error reported."""
    tp = fn = fp = 0
    for key, p in gold.items():
        if key in restored:
            tp += 1
        else:
            fn += 1
            missing(key, p)
    for key, p in restored.items():
        if key not in gold:
            fp += 1
            spurious(key, p)
    return tp, fn, fp
