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
from ..housestyle import outlet
from ..model import Model
from ..quotemodel import Potential, marginals, marks, units, viterbi
from ..text import capitalize_first

STAGE = "quotes"


def _mark(tok: Token, where: str, conf: float, reason: str) -> None:
    """Glue a mark to `tok`; its confidence is the mark's marginal probability, even under 0.5:
    Viterbi with the open bias places some marks the marginals doubt, and a confidence floored at
    0.5 claimed 5 points more than such words were right (scripts/calibration.py)."""
    if where == "pre":
        tok.pre = '"' + tok.pre
    else:
        tok.post += '"'
    if not tok.stage:
        tok.stage = STAGE
        tok.reason = f"quotes: {reason} ({conf:.0%})"
    tok.conf = min(tok.conf, conf)


def _unsure_capitals(model: Model, toks: list[Token], pots: list[Potential]) -> None:
    """After a colon a capital is a strong sign of a quotation (`told Reuters: “If they
    default...`), but the truecase stage had to choose the case before any quotation was known.
    Where it wrote a lower-case word there with some doubt, the token's scores are averaged over
    both casings (in probability space), weighted by how likely the capital was; a quotation that
    opens there then gets its capital (below)."""
    for i in range(1, len(toks)):
        tok = toks[i]
        if toks[i - 1].text != ":" or not tok.out[:1].islower() or tok.conf >= 0.99:
            continue
        q = 1.0 - tok.conf                                    # P(a capital), as truecase saw it
        shift = model.quotes.capital_shift(toks[i - 1].text)
        pots[i] = tuple(x + math.log(1.0 - q + q * math.exp(d)) for x, d in zip(pots[i], shift))


def apply(doc: Document, model: Model) -> Document:
    if doc.profile != "stripped" or model.quotes is None or not doc.sentences:
        return doc
    toks = [t for s in doc.sentences for t in s.tokens]
    words = [t.text for t in toks]
    spans = units([len(s.tokens) for s in doc.sentences], [s.tokens[-1].text for s in doc.sentences])
    pots = model.quotes.potentials(words, [t.out for t in toks], spans, outlet(doc, model))
    _unsure_capitals(model, toks, pots)
    states = viterbi(pots, model.open_bias)
    opens, closes = marginals(pots)
    placed = marks(states)
    for i, kind in placed:
        if kind == "open":
            tok = toks[i]
            if i and words[i - 1] == ":":
                tok.change(capitalize_first(tok.out), STAGE, "quotes: a quotation starts with a capital", tok.conf)
            _mark(tok, "pre", opens[i], "a quotation opens here")
        else:
            _mark(toks[i - 1], "post", closes[i], "a quotation closes here")
    _doubt_unmarked(toks, opens, closes, placed)
    return doc


#: The share of words a quotation mark the tagger gave under 1% touches all the same: quoted
#: phrases inside sentences, which flattening leaves no trace of (0.28% of the 627k such words of
#: held-out train articles that kept their marks, with the tagger fitted on the other nine
#: tenths; a word the tagger doubted by 1-5% had one 1.95% of the time).  Every word's
#: confidence makes room for it, or the surest words claimed 99.8% and were 98.9% right on dev.
UNSEEN_MARK = 0.003


def _doubt_unmarked(toks: list[Token], opens: list[float], closes: list[float],
                    placed: list[tuple[int, str]]) -> None:
    """A mark left out is as wrong as a mark misplaced, so a token where one may belong but
    none was put loses confidence too: its confidence then covers the marks it lacks."""
    opened = {i for i, kind in placed if kind == "open"}
    closed = {i - 1 for i, kind in placed if kind == "close"}
    for i, tok in enumerate(toks):
        p_open = 0.0 if i in opened else opens[i]
        p_close = 0.0 if i in closed else closes[i + 1]
        doubt = max(p_open, p_close)
        if doubt < 0.01:
            if tok.conf > 1.0 - UNSEEN_MARK and tok.text[:1].isalnum():
                tok.conf = 1.0 - UNSEEN_MARK
            continue
        if 1.0 - doubt >= tok.conf:
            continue
        tok.conf = 1.0 - doubt
        if doubt < 0.05:
            continue                      # worth a confidence point, not a note
        where = "open before" if p_open >= p_close else "close after"
        note = f"quotes: no mark, though a quotation may {where} it ({doubt:.0%})"
        tok.reason = f"{tok.reason}; {note}" if tok.reason else note
