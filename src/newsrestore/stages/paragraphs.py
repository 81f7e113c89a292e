"""Paragraph stage: where the outlet would start a new paragraph.

Input paragraphs (blank lines) are kept.  Otherwise breaks come from
statistics learned on corpora that keep paragraphs (BBC, FNC-1, GUM...): how
many sentences and words the paragraph already has, and whether the next
sentence opens a quotation.  Outlets differ (Reuters: a sentence or two; BBC:
a one-sentence lead, then longer paragraphs), so the statistics are those of
the agency the dateline names, or of the house style the article reads like.
Separately, a sentence boundary that flattening would not find again (no final
punctuation, a lowercase start) must become a paragraph break, or the restored
article would flatten into other lines.
"""
from __future__ import annotations

from ..document import Document, Sentence
from ..flatten import fold
from ..model import Model
from ..sentences import splits_between
from ..train.counts import para_key
from .spacing import render_tokens


#: A sentence ending in `u.s.` or `jan.` was cut by the naive splitter, not by the writer.
_FULL_STOPS = frozenset({".", "?", "!", "''", '"', "``", ")", "...", ":"})


def _boundary_survives(prev: Sentence, nxt: Sentence, profile: str) -> bool:
    """Whether flattening would still cut between these two sentences if they share a paragraph."""
    left = fold(render_tokens(prev.tokens[-3:], ptb_marks=True), profile).rstrip()
    right = fold(render_tokens(nxt.tokens[:3], ptb_marks=True), profile).lstrip()
    return splits_between(left, right)


def _quote_balance(sent: Sentence, open_before: bool) -> bool:
    """Whether a quotation is still open after this sentence (no paragraph break inside one)."""
    state = open_before
    for tok in sent.tokens:
        if '"' in tok.pre or tok.text in ("``",):
            state = True
        if '"' in tok.post or tok.text in ("''",):
            state = False
    return state


def break_probability(table: dict[str, list[float]], sents_in_para: int, words_in_para: int,
                      opens_quote: bool, first: bool) -> float:
    no, yes = table.get(para_key(sents_in_para, words_in_para, opens_quote, first), (0, 0))
    return (yes + 1) / (no + yes + 2)


#: Naive Bayes log-likelihood lead per word the best style needs over the next.  Articles of the
#: outlets trained on mostly clear it (BBC, FNC-1, Reuters-21578 train articles: 80-95%); those of
#: other outlets mostly do not (WSJ, NYT), and get the pooled statistics rather than a guess.
MIN_STYLE_MARGIN = 0.1


def house_style(doc: Document, model: Model) -> str | None:
    """The house style the article clearly reads like (naive Bayes over its words), or None."""
    clf = model.data.get("para_style") or {}
    styles, logp = clf.get("styles", []), clf.get("logp", {})
    if len(styles) < 2:
        return styles[0] if styles else None
    score = [0.0] * len(styles)
    seen = 0
    for sent in doc.sentences:
        for tok in sent.tokens:
            lp = logp.get(tok.text)
            if lp is not None:
                seen += 1
                for k, v in enumerate(lp):
                    score[k] += v
    best, second = sorted(range(len(styles)), key=score.__getitem__, reverse=True)[:2]
    if score[best] - score[second] < MIN_STYLE_MARGIN * max(seen, 1):
        return None
    return styles[best]


def _table(doc: Document, model: Model) -> dict[str, list[int]]:
    """The agency's table when the dateline names one, else the house style's, else the pooled one."""
    if doc.source and doc.source in model.para:
        return model.para[doc.source]
    return model.para.get(f"style:{house_style(doc, model)}", model.para["default"])


def apply(doc: Document, model: Model) -> Document:
    sents = doc.sentences
    if not sents:
        return doc
    sents[0].paragraph_start = True
    given = doc.meta.get("given_paragraphs", False)
    table = None if given else _table(doc, model)     # given paragraphs need no statistics
    sents_in_para, words_in_para = 1, len(sents[0].tokens)
    quote_open = _quote_balance(sents[0], False)
    for i in range(1, len(sents)):
        prev, sent = sents[i - 1], sents[i]
        if not _boundary_survives(prev, sent, doc.profile):
            sent.paragraph_start = True
        elif not given and prev.tokens[-1].text in _FULL_STOPS and not quote_open:
            opens = bool(sent.tokens[0].pre) or sent.tokens[0].text in {"``", '"'}
            p = break_probability(table, sents_in_para, words_in_para, opens, i == 1)
            sent.paragraph_start = p >= 0.5
        quote_open = _quote_balance(sent, quote_open)
        if sent.paragraph_start:
            sents_in_para = words_in_para = 0
        sents_in_para += 1
        words_in_para += len(sent.tokens)
    return doc
