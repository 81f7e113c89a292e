"""Currency stage: a pound sign before an amount the article wrote in pounds (`£479m`).

Folding to ASCII deleted every `£` and kept every `$`, so only pounds need
putting back.  The model (`currencymodel.py`) reads the number's shape, its
neighbours, the outlet and how British the article reads.  Input that still
holds non-ASCII characters was never folded, so nothing was lost and the stage
does nothing.  The sign joins the token's output form: it folds away again, so
the restored text still flattens to the input tokens.
"""
from __future__ import annotations

from ..currencymodel import CURRENCY_THRESHOLD, document_cues, sentence_features
from ..document import Document
from ..housestyle import outlet
from ..model import Model

STAGE = "currency"


def apply(doc: Document, model: Model) -> Document:
    if model.currency is None or not doc.sentences:
        return doc
    sentences = list(doc.all_sentences())
    if not all(t.text.isascii() for s in sentences for t in s.tokens):
        return doc
    cues = document_cues(t.text.lower() for s in doc.sentences for t in s.tokens)
    source = outlet(doc, model)
    for sent in sentences:
        toks = sent.tokens
        words = [t.text.lower() for t in toks]
        for i, feats in sentence_features(words, source, cues):
            p = model.currency.probability(feats)
            if p >= CURRENCY_THRESHOLD:
                tok = toks[i]
                around = " ".join(words[max(0, i - 2):i + 2])
                tok.change("£" + tok.out, STAGE, f'pound sign: "{around}" reads like an amount in pounds ({p:.0%})', p)
    return doc
