"""Which outlet an article reads like, when its dateline names no agency.

Outlets keep their own habits: BBC writes `Nato` and breaks after a one-sentence
lead, FNC-1's sites write `PHOTOS:` headings, Reuters-21578 `NOTE:` under its
tables.  A flattened article seldom says where it came from, but its words do
(British `programme`, amounts in `m` and `bn`, wire `said on Tuesday`).  A
multinomial naive Bayes over the commonest words (the model's `para_style`,
learned from every corpus with enough articles with paragraphs) names the house
style when it clearly leads; the paragraph model reads that style's features,
and the case and quotation models read their outlet's (`outlet`: the agency a
dateline names, else the house style).  Training (`train/build.py`,
`train/case.py`) and the stages call the same `classify`; the titles stage asks
for a clearer lead (`leading_style`) before it writes a title in a style's way.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .document import Document
    from .model import Model

#: Naive Bayes log-likelihood lead per word the best style needs over the next.  Articles of the
#: outlets trained on mostly clear it (held-out BBC, FNC-1, Reuters-21578 train articles: 85-97%);
#: those of other outlets mostly do not (WSJ, NYT, speeches), and get the features all styles share
#: rather than a guess.  On held-out train articles, F1 over paragraph breaks for the margins 0.1,
#: 0.12 and 0.15: bbc 0.582, 0.571, 0.556; fnc1 0.784, 0.780, 0.779; other outlets 0.515, 0.535, 0.539.
MIN_STYLE_MARGIN = 0.12


class _Table:
    """The `para_style` table as a matrix, a row per word: summing an article's rows in NumPy
    (row by row, so the same sums as Python's) took a third of the 4% of restoring that reading
    the style took."""

    def __init__(self, classifier: Mapping) -> None:
        self.source = classifier
        self.styles: list[str] = list(classifier.get("styles", []))
        logp = classifier.get("logp", {})
        self.rows = {w: i for i, w in enumerate(logp)}
        self.matrix = np.array(list(logp.values()), dtype=np.float64).reshape(len(logp), len(self.styles))


_table: _Table | None = None


def _prepared(classifier: Mapping) -> _Table:
    """The table of the classifier last asked about (the model's, nearly always), built once."""
    global _table
    if _table is None or _table.source is not classifier:
        _table = _Table(classifier)
    return _table


def leading_style(words: Iterable[str], classifier: Mapping) -> tuple[str | None, float]:
    """The style lower-case `words` read most like, and its naive-Bayes lead over the next per
    word the classifier knows (`classifier`: the model's `para_style`, {"styles": [...], "logp":
    {word: [log P(word | style), ...]}}); a lone style leads by infinity, none by nothing."""
    table = _prepared(classifier)
    styles = table.styles
    if len(styles) < 2:
        return (styles[0], float("inf")) if styles else (None, 0.0)
    known = [i for i in map(table.rows.get, words) if i is not None]
    score = table.matrix[known].sum(axis=0).tolist() if known else [0.0] * len(styles)
    best, second = sorted(range(len(styles)), key=score.__getitem__, reverse=True)[:2]
    return styles[best], (score[best] - score[second]) / max(len(known), 1)


def _clear(style: str | None, lead: float) -> str | None:
    """The leading style if it leads by MIN_STYLE_MARGIN, else None."""
    return style if lead >= MIN_STYLE_MARGIN else None


def classify(words: Iterable[str], classifier: Mapping) -> str | None:
    """The house style lower-case `words` clearly read like (by MIN_STYLE_MARGIN), or None."""
    return _clear(*leading_style(words, classifier))


def style_source(style: str | None) -> str:
    """The case model's source for an article of this house style ("" for none)."""
    return f"style:{style}" if style else ""


def outlet_source(agency: str, style: str | None, learned: Collection[str]) -> str:
    """The outlet features an article gets: those of the agency its dateline names when the
    model learned it, else those of the house style it reads like when learned (`style:bbc`),
    else none ("").  Training and `outlet` decide alike."""
    if agency and agency in learned:
        return agency
    source = style_source(style)
    return source if source in learned else ""


def outlet(doc: "Document", model: "Model") -> str:
    """The article's outlet source (`outlet_source`), decided once for the case and quotation stages."""
    if "outlet" not in doc.meta:
        agency = doc.source or ""
        style = None if agency in model.case_sources else house_style(doc, model)   # classify only if needed
        doc.meta["outlet"] = outlet_source(agency, style, model.case_sources)
    return doc.meta["outlet"]


def house_style(doc: "Document", model: "Model") -> str | None:
    """The article's house style, classified once and kept for the later stages."""
    if "house_style" not in doc.meta:
        words = (t.text for s in doc.sentences for t in s.tokens)
        style, lead = leading_style(words, model.data.get("para_style") or {})
        doc.meta["house_style_lead"] = lead
        doc.meta["house_style"] = _clear(style, lead)
    return doc.meta["house_style"]


def house_style_lead(doc: "Document", model: "Model") -> float:
    """How clearly the article reads like its house style (`leading_style`'s lead)."""
    house_style(doc, model)
    return doc.meta["house_style_lead"]
