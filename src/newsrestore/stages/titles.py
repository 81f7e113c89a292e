"""Titles stage: write the title in its outlet's style (`titlestyle.py`).

An agency the dateline names decides the style; failing that, the house style
the article reads like, if it reads like it clearly (`TITLE_STYLE_LEAD`).  Runs
after the case, apostrophe and quotation stages, so it sees every word's
final form, and before the constraint and spacing stages, which check that the
title still flattens back to its input.  Only letter case changes: capitals
throughout for an outlet that wrote its titles so (`REAGAN’S`), or a capital on
every word but the small ones the outlet left in lower case for a Title Case
outlet; a word already carrying capitals (`iPhone`, `McDonald`) keeps them.
"""
from __future__ import annotations

from ..document import Document
from ..housestyle import house_style_lead, outlet
from ..model import Model
from ..text import capitalize_first
from ..titlestyle import TITLE, UPPER

STAGE = "titles"


#: How clearly an article must read like a house style for its title to take that style's.  A
#: wrong style is glaring in a title (a whole line in capitals), so this is stricter than the
#: case and paragraph models' MIN_STYLE_MARGIN (0.12).  Of 1,000 train articles each (never dev)
#: read as Reuters-21578's style, at 0.12 / 0.5: reuters21578 969 / 804, abc 81 / 0, ag_news
#: 121 / 22, wmt 20 / 0, bbc 3 / 0.
TITLE_STYLE_LEAD = 0.5


def apply(doc: Document, model: Model) -> Document:
    if doc.title is None or not model.title_styles:
        return doc
    source = outlet(doc, model)
    style = model.title_styles.get(source)
    if style not in (UPPER, TITLE):
        return doc
    if source != doc.source and house_style_lead(doc, model) < TITLE_STYLE_LEAD:
        return doc                        # read as a house style, but not clearly enough
    toks = doc.title.tokens
    first = next((i for i, t in enumerate(toks) if any(c.isalpha() for c in t.out)), -1)
    for i, tok in enumerate(toks):
        if style == UPPER:
            form = tok.out.upper()        # the `’s` of `REAGAN’S` too
        elif not tok.out[:1].isalpha():
            continue                      # punctuation, numbers, the `’s` of `Reagan’s`
        elif i == first or toks[i - 1].text == ":" or tok.text not in model.title_small:
            form = capitalize_first(tok.out)
        else:
            continue
        if form != tok.out:
            tok.change(form, STAGE, f"title in the outlet's style ({style}: {source} in training)", tok.conf)
    return doc
