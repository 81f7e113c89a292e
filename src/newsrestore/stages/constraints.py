"""Constraint stage: keep restored text flattening back to the same lines.

Flattening is case-sensitive in one place: after a word ending in `.`, `!` or
`?`, a capital (or digit) starts a new sentence (and makes Moses split the
period off).  So inside an input line, a word after such a token was not
capitalised in the original; writing it with a capital would both be wrong
and break the round trip.  This stage lowers it back and says why.  A title
is never cut into sentences, so there a capital may follow `U.S.` (whose
period Moses never splits off): `U.S. BUDGET`.  Nor are lines another splitter cut
(`parse`: the document's `own_lines`), which kept `U.S. Congress` in one line.
"""
from __future__ import annotations

import re

from ..document import Document, Sentence

STAGE = "constraints"
_ENDERS = (".", "!", "?")
_MARKS = frozenset({"''", "``", '"', "'", ")", "]", "(", "["})
_INNER_PERIOD = re.compile(r"\w\.\w")


def apply(doc: Document) -> Document:
    if not doc.meta.get("own_lines", True):
        return doc            # the spacing stage lowers such a word only where the tokens need it
    undo = doc.meta.setdefault("constraint_undo", [])
    for sent in doc.all_sentences():
        undo += lower_after_enders(sent, title=sent is doc.title)
    return doc


def lower_after_enders(sent: Sentence, title: bool = False, why: str = "and the input did not") -> list:
    """Lower the capitalised word after each token ending a sentence (`jan.`, `u.s.`, `?`) in
    one sentence; returns (token, out, stage, reason) of each word lowered, to give back."""
    toks = sent.tokens
    lowered = []
    for k in range(len(toks) - 1):
        prev = toks[k]
        if not prev.text.endswith(_ENDERS):
            continue
        if title and _INNER_PERIOD.search(prev.text):
            continue        # `U.S. Budget`: a title is never cut into sentences, and Moses keeps `U.S.` whole
        j = k + 1
        while j < len(toks) - 1 and toks[j].text in _MARKS:    # `region. '' harry`: look past the marks
            j += 1
        tok = toks[j]
        if tok.out[:1].isupper() and tok.out != tok.text:
            lowered.append((tok, tok.out, tok.stage, tok.reason))
            tok.change(tok.text if "'" not in tok.out else tok.out.lower(), STAGE,
                       f'kept lowercase after "{prev.text}": a capital here would start a new sentence, {why}',
                       min(tok.conf, 0.9))
    return lowered


def give_back(lowered: list) -> None:
    """Write back the words `lower_after_enders` lowered, as they were before."""
    for tok, out, stage, reason in lowered:
        tok.out, tok.stage, tok.reason = out, stage, reason
