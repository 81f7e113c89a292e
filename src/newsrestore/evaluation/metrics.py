"""Scores of one restored text against its gold text, and their sums.

Scores are kept as raw counts (`Counts`) so that a corpus figure is the micro
average over all its words and positions, not a mean of per-article ratios
that would let a ten-word article weigh as much as a long one.

Definitions (all on the aligned word sequence, see `align`):

* case_acc = words whose surface form equals gold / alphabetic words compared;
* cap_f1: gold positives are words gold writes with any capital, predicted
  positives words the restorer writes with any capital, a true positive needs
  the exact gold form (``Usa`` for ``USA`` is a false positive *and* a miss);
* apos_f1, quote_f1, para_f1: F1 over positions;
* F1 = 2TP / (2TP + FP + FN); with nothing to find and nothing found it is
  undefined (None, shown "n/a") rather than a flattering 1.0;
* cer = Levenshtein distance / gold characters, after quotes are straightened
  and whitespace runs collapsed (paragraph breaks kept as one newline when the
  corpus has paragraphs).  Non-ASCII characters that flattening folds away
  (é, £) are *not* forgiven: every tool pays the same floor for them;
* words_kept = gold words kept in order / gold words (1.0 for an empty gold).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields

from rapidfuzz.distance import Levenshtein

from ..text import normalize_newlines, straighten_quotes

F1_KINDS = ("cap", "apos", "quote", "para")


@dataclass
class Counts:
    """Raw counts behind every metric; add them up to aggregate."""

    articles: int = 0
    words_gold: int = 0
    words_restored: int = 0
    words_matched: int = 0
    case_total: int = 0
    case_correct: int = 0
    cap_tp: int = 0
    cap_fp: int = 0
    cap_fn: int = 0
    apos_tp: int = 0
    apos_fp: int = 0
    apos_fn: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    para_articles: int = 0
    para_tp: int = 0
    para_fp: int = 0
    para_fn: int = 0
    cer_errors: int = 0
    cer_chars: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


def f1(tp: int, fp: int, fn: int) -> float | None:
    """F1 from counts; None when there was nothing to find and nothing was found."""
    denom = 2 * tp + fp + fn
    return None if denom == 0 else 2 * tp / denom


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float | None, float | None]:
    return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def summarize(c: Counts) -> dict[str, float | int | None]:
    """The reported metrics of a set of counts."""
    out: dict[str, float | int | None] = {
        "articles": c.articles,
        "words": c.words_gold,
        "case_acc": c.case_correct / c.case_total if c.case_total else None,
    }
    for kind in F1_KINDS:
        tp, fp, fn = (getattr(c, f"{kind}_{x}") for x in ("tp", "fp", "fn"))
        out[f"{kind}_f1"] = f1(tp, fp, fn)
        out[f"{kind}_p"], out[f"{kind}_r"] = precision_recall(tp, fp, fn)
    if not c.para_articles:
        out["para_f1"] = out["para_p"] = out["para_r"] = None
    out["cer"] = c.cer_errors / c.cer_chars if c.cer_chars else (0.0 if not c.cer_errors else 1.0)
    out["words_kept"] = c.words_matched / c.words_gold if c.words_gold else 1.0
    return out


_BREAKS_RE = re.compile(r"\s*\n\s*\n\s*")


def normalize_for_cer(text: str, paragraphs: bool, tokenized: bool = False) -> str:
    """Unify quote style and whitespace so CER counts only real character differences."""
    if tokenized:
        text = text.replace("``", '"').replace("''", '"')
    text = straighten_quotes(normalize_newlines(text)).strip()
    if paragraphs:
        text = _BREAKS_RE.sub("\x00", text)
        text = re.sub(r"\s+", " ", text)
        return text.replace("\x00", "\n")
    return re.sub(r"\s+", " ", text)


def char_errors(restored: str, gold: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), in C via rapidfuzz."""
    return Levenshtein.distance(restored, gold)
