"""Paragraph stage: where the outlet would start a new paragraph.

Input paragraphs (blank lines) are kept.  Otherwise a logistic model
(`paramodel.py`) learned on corpora that keep paragraphs (BBC, FNC-1,
Reuters-21578, GUM...) gives each sentence boundary P(a break), from the
paragraph so far, the words that open the next sentence, the quotation marks
the quotes stage placed and how near the end it is.  Outlets differ (Reuters: a
sentence or two; BBC: a one-sentence lead, then longer paragraphs), so the
model reads the house style of the agency the dateline names, or of the outlet
the article reads like.  Separately, a sentence boundary that flattening would
not find again (no final punctuation, a lowercase start) must become a
paragraph break, or the restored article would flatten into other lines.
"""
from __future__ import annotations

from ..document import Document, Sentence
from ..flatten import fold
from ..housestyle import house_style
from ..model import Model
from ..paramodel import BREAK_THRESHOLD, ParagraphContext, SentenceMarks
from ..sentences import splits_between
from .spacing import render_tokens


def _boundary_survives(prev: Sentence, nxt: Sentence, profile: str) -> bool:
    """Whether flattening would still cut between these two sentences if they share a paragraph."""
    left = fold(render_tokens(prev.tokens[-3:], ptb_marks=True), profile).rstrip()
    right = fold(render_tokens(nxt.tokens[:3], ptb_marks=True), profile).lstrip()
    return splits_between(left, right)


def _opens(tok) -> bool:
    return '"' in tok.pre or tok.text == "``"


def _closes(tok) -> bool:
    return '"' in tok.post or tok.text == "''"


def sentence_marks(sent: Sentence) -> SentenceMarks:
    """The sentence as the paragraph model reads it, with the quotation marks placed so far."""
    return SentenceMarks.from_marks(sent.words, [_opens(t) for t in sent.tokens], [_closes(t) for t in sent.tokens])


def _style(doc: Document, model: Model) -> str | None:
    """The agency's house style when the dateline names one, else the one the article reads like."""
    style = model.para_sources.get(doc.source or "") or house_style(doc, model)
    return style if style in model.para_styles else None


def apply(doc: Document, model: Model) -> Document:
    sents = doc.sentences
    if not sents:
        return doc
    sents[0].paragraph_start = True
    given = doc.meta.get("given_paragraphs", False)
    # given paragraphs need no model, nor the marks and context it reads
    ctx = None if given else ParagraphContext([sentence_marks(s) for s in sents], _style(doc, model))
    if ctx is not None:
        ctx.advance(0, True)
    for i in range(1, len(sents)):
        prev, sent = sents[i - 1], sents[i]
        if not _boundary_survives(prev, sent, doc.profile):
            sent.paragraph_start = True
        elif ctx is not None and ctx.eligible(i):
            sent.paragraph_start = model.para.probability(ctx.features(i)) >= BREAK_THRESHOLD
        if ctx is not None:
            ctx.advance(i, sent.paragraph_start)
    return doc
