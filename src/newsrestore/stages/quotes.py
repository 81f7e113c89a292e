"""Quotation-mark stage (stripped profile): put back the marks around direct speech.

Each sentence gets a label from the quotation model (quotemodel.py): no
quotation, quoted up to its attribution (`“...,” he said.`), fully quoted,
opening a quotation that runs on, quoted after `said:`, or continuing one.
Lines the splitter cut mid-sentence (`... on jan.` / `6 and 7 , ...`) are
joined first, so a label speaks about a real sentence.  Marks are glued to
tokens (`pre`/`post`), never new tokens.
"""
from __future__ import annotations

from ..document import Document, Token
from ..model import Model
from ..quotemodel import OPENING, attribution_comma, colon_index, decode
from .truecase import capitalize_first

STAGE = "quotes"
#: Line ends that mean the splitter cut mid-sentence.
_FULL_STOPS = frozenset({".", "?", "!", "...", ":", ";"})
_REASONS = {
    "attrib": "the words before the attribution (`, X said`) are quoted",
    "full": "the whole sentence is a quotation",
    "open": "a quotation opens here and runs on",
    "colon": "the words after `said:` are quoted",
    "colon_open": "a quotation opens after `said:` and runs on",
    "cont_attrib": "a running quotation closes before its attribution",
    "cont_close": "a running quotation closes here",
}


def _units(doc: Document) -> list[list[Token]]:
    units: list[list[Token]] = []
    for i, sent in enumerate(doc.sentences):
        if i and doc.sentences[i - 1].tokens[-1].text not in _FULL_STOPS and units:
            units[-1] = units[-1] + sent.tokens
        else:
            units.append(list(sent.tokens))
    return units


def _mark(tok: Token, where: str, label: str, conf: float) -> None:
    if where == "pre":
        tok.pre = '"' + tok.pre
    else:
        tok.post += '"'
    if not tok.stage:
        tok.stage = STAGE
        tok.reason = f"quotes: {_REASONS[label]} ({conf:.0%})"
    tok.conf = min(tok.conf, max(conf, 0.5))


def _apply_label(toks: list[Token], label: str, conf: float) -> None:
    words = [t.text for t in toks]
    last = len(toks) - 1
    if label in ("attrib", "cont_attrib"):
        c = attribution_comma(words)
        if c is None or c < 1:
            if label == "cont_attrib":
                _mark(toks[last], "post", "cont_close", conf)
            return
        if label == "attrib":
            _mark(toks[0], "pre", label, conf)
        _mark(toks[c], "post", label, conf)
    elif label in ("full", "open"):
        _mark(toks[0], "pre", label, conf)
        if label == "full":
            _mark(toks[last], "post", label, conf)
    elif label in ("colon", "colon_open"):
        ci = colon_index(words)
        if ci is None:
            return
        first = toks[ci + 1]
        first.change(capitalize_first(first.out), STAGE, "quotes: a quotation starts with a capital", first.conf)
        _mark(first, "pre", label, conf)
        if label == "colon":
            _mark(toks[last], "post", label, conf)
    elif label == "cont_close":
        _mark(toks[last], "post", label, conf)


def apply(doc: Document, model: Model) -> Document:
    weights = model.data.get("quotes")
    if doc.profile != "stripped" or not weights or not doc.sentences:
        return doc
    units = _units(doc)
    labels = decode(weights, [([t.text for t in u], [t.out for t in u]) for u in units])
    for toks, (label, conf) in zip(units, labels):
        _apply_label(toks, label, conf)
    if labels and labels[-1][0] in OPENING:          # close what the article leaves open
        _mark(units[-1][-1], "post", "cont_close", labels[-1][1])
    return doc
