"""Capitals stage: a line the model reads as written all in capitals (an RCV1 table row or
section head, `capitalsmodel.py`) gets every letter in capitals.

It runs after the word-by-word case stages, which cannot see a table, and before the stages
that join and space tokens; the constraint stage still sees to it that no capital it writes
makes flattening cut the line elsewhere."""
from __future__ import annotations

from ..capitalsmodel import CAPITALS_THRESHOLD, line_features
from ..document import Document
from ..model import Model

STAGE = "capitals"


def apply(doc: Document, model: Model) -> Document:
    if model.capitals is None or not doc.sentences:
        return doc
    for sent, feats in zip(doc.sentences, line_features([s.words for s in doc.sentences])):
        p = model.capitals.probability(feats)
        if p < CAPITALS_THRESHOLD:
            continue
        for tok in sent.tokens:
            tok.change(tok.out.upper(), STAGE,
                       f"capitals: the line reads like a table row or heading written in capitals ({p:.0%})", p)
    return doc
