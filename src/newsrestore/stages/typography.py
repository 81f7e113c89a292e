"""Typography stage: curly or straight quotation marks and apostrophes.

Earlier stages write straight marks; this one turns them into the style the
user asked for (`--quotes curly|straight`), including PTB's `` and '' tokens.
"""
from __future__ import annotations

from ..document import Document, Sentence, Token

STAGE = "typography"
STYLES = ("curly", "straight")
_PTB = {"``": ("“", '"'), "''": ("”", '"')}


def _opens_single(toks: list[Token], i: int) -> bool:
    """Whether the `'` starting token i opens a single quotation (`the ‘fake’ video`) rather than
    being an apostrophe (`’90s`, `rock ’n’ roll` after a space, `’em`): it follows a space, a
    letter follows it, and a mark closes later in the sentence.  The Treebank tokenizer keeps the
    opening mark on its word (`'fake ' video`), the lower profile splits it off (`' fake '`)."""
    tok = toks[i]
    if i and not toks[i - 1].space_after:
        return False
    if tok.out == "'":
        if tok.space_after or i + 1 == len(toks):
            return False
        after = toks[i + 1].out[:1]
    elif tok.out.startswith("'"):
        after = tok.out[1:2]
    else:
        return False
    if not after.isalpha():
        return False                                      # '90s, '08: the apostrophe of an elision
    return any(t.out.endswith("'") and (t.out != "'" or not toks[j - 1].space_after)
               for j, t in enumerate(toks[i + 1:], i + 1))


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
                if _opens_single(sent.tokens, i):
                    tok.out = "‘" + tok.out[1:].replace("'", "’")
                else:
                    tok.out = tok.out.replace("'", "’")
            tok.pre = tok.pre.replace('"', "“")
            tok.post = tok.post.replace('"', "”")


def apply(doc: Document, quotes: str = "curly") -> Document:
    if quotes not in STYLES:
        raise ValueError(f"unknown quote style {quotes!r}; choose curly or straight")
    for sent in doc.all_sentences():
        _style_sentence(sent, quotes == "curly")
    return doc
