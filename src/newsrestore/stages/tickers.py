"""Ticker stage: stock codes in brackets are written in capitals.

Agency copy follows a company's name with its code: Reuters-21578 in angle brackets (`Sony
Corp <SNE>`, `<SPC.N>`; not HTML's `<p>`), today's Reuters in round or square ones with the exchange after a dot
(`(UPS.N)`, `(7203.T)`, `[RIOXXA.UL]`).  The lexicon knows the codes it saw in training
(`amzn.o`), but a code it never saw is an unknown word that looks like a name (`Ups.n`,
`Rioxxa.ul`).  Its place tells: a lone word in angle brackets was in capitals in 3,588 of 3,669
cases in the Reuters-21578 train articles (the rest are names such as `<Investcorp>`), and a
word with a one- or two-letter suffix alone in brackets in 1,629 of 1,648 across the news
corpora (the rest are web addresses such as `(SPORT.es)`); those shares are the confidences.
A code the lexicon knows with its exchange keeps the lexicon's form (`DBKGn.DE`).
"""
from __future__ import annotations

import re

from ..document import Document, Token
from ..model import Model

STAGE = "tickers"
_OPENING = {"<": ">", "(": ")", "[": "]"}
#: A code with its exchange: letters, digits or `_` before one dot and a one- or two-letter suffix.
_WITH_EXCHANGE = re.compile(r"[a-z0-9_&]{1,10}\.[a-z]{1,2}")
#: A code alone in angle brackets (Reuters-21578 writes no exchange after most).
_IN_ANGLES = re.compile(r"[a-z0-9_&]{1,10}(?:\.[a-z]{1,2})?")
ANGLE_CONF, EXCHANGE_CONF = 0.978, 0.988
#: HTML elements scraped text keeps (`<p>` in AG News), no codes.
_HTML_TAGS = frozenset("a abbr b big blockquote body br center code div em font h1 h2 h3 h4 h5 h6 head hr html i "
                       "iframe img li link meta nobr ol p pre s script small span strong style sub sup table tbody "
                       "td th title tr tt u ul".split())


def ticker(before: str, tok: Token, after: str, model: Model) -> tuple[float, str] | None:
    """The confidence that `tok`, alone between `before` and `after`, is a stock code, and why;
    None when it is no code's shape or place.  A code with its exchange that the lexicon knows
    is left as the lexicon wrote it (`DBKGn.DE`)."""
    if _OPENING.get(before) != after or not any(c.isalpha() for c in tok.text):
        return None
    if _WITH_EXCHANGE.fullmatch(tok.text) and tok.text not in model.lexicon:
        return EXCHANGE_CONF, "a stock code alone in brackets, with its exchange"
    if before == "<" and _IN_ANGLES.fullmatch(tok.text) and tok.text not in _HTML_TAGS:
        return ANGLE_CONF, "a stock code alone in angle brackets"
    return None


def apply(doc: Document, model: Model) -> Document:
    for sent in doc.sentences:
        toks = sent.tokens
        for i in range(1, len(toks) - 1):
            if toks[i - 1].text not in _OPENING:          # most tokens: no bracket before them
                continue
            tok = toks[i]
            found = ticker(toks[i - 1].text, tok, toks[i + 1].text, model)
            if found is not None and tok.out != tok.text.upper():
                conf, reason = found
                tok.change(tok.text.upper(), STAGE, reason, conf)
    return doc
