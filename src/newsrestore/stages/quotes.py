"""Quotation-mark stage (stripped profile): put back the marks around direct speech.

The quotation tagger (quotemodel.py) says for every token whether it stands
inside a quotation; a mark opens where that turns on and closes where it turns
off, so whole sentences, quotations running over sentences and quoted phrases
inside a sentence come from one decision over the whole article.  Marks are
glued to tokens (`pre`/`post`), never new tokens.
"""
from __future__ import annotations

import math

from ..document import Document, Token
from ..model import Model
from ..quotemodel import marginals, marks, sigmoid, units, viterbi
from .truecase import capitalize_first

STAGE = "quotes"


def _mark(tok: Token, where: str, conf: float, reason: str) -> None:
    if where == "pre":
        tok.pre = '"' + tok.pre
    else:
        tok.post += '"'
    if not tok.stage:
        tok.stage = STAGE
        tok.reason = f"quotes: {reason} ({conf:.0%})"
    tok.conf = min(tok.conf, max(conf, 0.5))


def _unsure_capitals(model: Model, toks: list[Token], probs: list[tuple[float, float]]) -> None:
    """After a colon a capital is a strong sign of a quotation (`told Reuters: “If they
    default...`), but the truecase stage had to choose the case before any quotation was known.
    Where it wrote a lower-case word there with some doubt, the probabilities are averaged over
    both casings, weighted by how likely the capital was; a quotation that opens there then gets
    its capital (below)."""
    for i in range(1, len(toks)):
        tok = toks[i]
        if toks[i - 1].text != ":" or not tok.out[:1].islower() or tok.conf >= 0.99:
            continue
        q = 1.0 - tok.conf                                    # P(a capital), as truecase saw it
        do, dc = model.quotes.capital_shift(toks[i - 1].text)
        po, pc = probs[i]
        probs[i] = ((1 - q) * po + q * _shifted(po, do), (1 - q) * pc + q * _shifted(pc, dc))


def _shifted(p: float, by: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return sigmoid(math.log(p / (1 - p)) + by)


def apply(doc: Document, model: Model) -> Document:
    if doc.profile != "stripped" or model.quotes is None or not doc.sentences:
        return doc
    toks = [t for s in doc.sentences for t in s.tokens]
    words = [t.text for t in toks]
    spans = units([len(s.tokens) for s in doc.sentences], [s.tokens[-1].text for s in doc.sentences])
    probs = model.quotes.probabilities(words, [t.out for t in toks], spans)
    _unsure_capitals(model, toks, probs)
    states = viterbi(probs, model.open_bias)
    if not any(states):
        return doc
    opens, closes = marginals(probs)
    for i, kind in marks(states):
        if kind == "open":
            tok = toks[i]
            if i and words[i - 1] == ":":
                tok.change(capitalize_first(tok.out), STAGE, "quotes: a quotation starts with a capital", tok.conf)
            _mark(tok, "pre", opens[i], "a quotation opens here")
        else:
            _mark(toks[i - 1], "post", closes[i], "a quotation closes here")
    return doc
