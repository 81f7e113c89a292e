"""Typography stage: curly or straight quotation marks and apostrophes.

Earlier stages write straight marks; this one turns them into the style the
user asked for (`--quotes curly|straight`), including PTB's `` and '' tokens.
"""
from __future__ import annotations

from ..document import Document, Sentence

STAGE = "typography"
STYLES = ("curly", "straight")
_PTB = {"``": ("“", '"'), "''": ("”", '"')}


def _style_sentence(sent: Sentence, curly: bool) -> None:
    dq_open = True
    for i, tok in enumerate(sent.tokens):
        if tok.text in _PTB:
            tok.change(_PTB[tok.text][0 if curly else 1], STAGE, "typography: PTB quotation mark", tok.conf)
            continue
        if tok.text == '"':
            if curly:
                tok.change("“" if dq_open else "”", STAGE, "typography: quotation mark", tok.conf)
            dq_open = not dq_open
            continue
        if curly:
            if "'" in tok.out:
                opens = tok.out == "'" and (i == 0 or sent.tokens[i - 1].space_after) and not tok.space_after
                tok.out = "‘" if opens else tok.out.replace("'", "’")
            tok.pre = tok.pre.replace('"', "“")
            tok.post = tok.post.replace('"', "”")


def apply(doc: Document, quotes: str = "curly") -> Document:
    if quotes not in STYLES:
        raise ValueError(f"unknown quote style {quotes!r}; choose curly or straight")
    for sent in doc.all_sentences():
        _style_sentence(sent, quotes == "curly")
    return doc
