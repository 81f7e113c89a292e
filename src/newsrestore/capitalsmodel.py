"""Lines written all in capitals: the tables and section heads of Reuters' RCV1 corpus.

CoNLL-2003, one of the corpora researchers restore most, is RCV1 text, and its sports and
market pages hold whole lines in capitals (`SEATTLE AT BOSTON`, `KANSAS CITY 59 73 .447 19`,
`EASTERN DIVISION`, `EL PAIS`): 639 of the 12,764 lines with letters after the first of its
train articles, and about four dev case errors in ten.  Word by word the case models cannot see
it, and training leaves such lines out (they teach nothing of a word's case).  What gives them
away is the line's shape among its neighbours: short, mostly numbers, no full stop, inside a run
of such lines in an article of tables.  A hashed logistic model (`logistic.py`) over those features and the line's
words gives P(the line is written in capitals); the same `line_features` serves training
(`train/capitals.py`) and the stage (`stages/capitals.py`).
"""
from __future__ import annotations

from collections.abc import Sequence

#: The model's table has 2**CAPITALS_BITS slots.
CAPITALS_BITS = 18
#: A line goes into capitals from this probability.  Chosen on a tenth of the train articles
#: held out (never dev): 0.7 found 113 of 262 such lines there and put 9 wrongly (CoNLL-2003: 78
#: of 95, 1 wrong); 0.5 found 130 and put 32 wrongly, 0.9 found 73 and none.
CAPITALS_THRESHOLD = 0.7
_ENDS = frozenset({".", "?", "!", '"'})


def _shape(words: Sequence[str]) -> tuple[str, str]:
    """The line's length (to 12) and its share of tokens holding a digit, in quarters."""
    n = len(words)
    digits = sum(any(c.isdigit() for c in w) for w in words)
    return str(min(n, 12)), str(round(digits / max(1, n) * 4))


def line_features(lines: Sequence[Sequence[str]]) -> list[list[str]]:
    """Features of every line of an article (its lower-case tokens): its shape, its neighbours'
    shapes, the share of the article's lines that are mostly numbers, its place, its first and
    last token and its words."""
    shapes = [_shape(w) for w in lines]
    numeric = sum(q >= "2" for _, q in shapes) / max(1, len(lines))
    doc = f"dn{round(numeric * 5)}"
    out = []
    for k, words in enumerate(lines):
        n, q = shapes[k]
        pq = shapes[k - 1][1] if k else "<s>"
        nq = shapes[k + 1][1] if k + 1 < len(lines) else "</s>"
        f = ["bias", "n" + n, "q" + q, "nq" + n + q, "pq" + pq, "nxq" + nq, "pqq" + pq + q + nq, doc, doc + q,
             f"end{words[-1] in _ENDS}", f"k{min(k, 3)}", "f:" + words[0], "l:" + words[-1]]
        f.extend("w:" + w for w in dict.fromkeys(words) if not any(c.isdigit() for c in w))
        out.append(f)
    return out


def in_capitals(cased: Sequence[str]) -> bool:
    """Whether a line (as its source wrote it) is all in capitals: three letters or more, none
    in lower case."""
    letters = "".join(c for w in cased for c in w if c.isalpha())
    return len(letters) >= 3 and letters.isupper()
