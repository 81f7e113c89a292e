"""Training the quotation model: gold labels from real text, and a maximum-entropy fit.

The gold label of a sentence says where its quotation marks stood, in the
terms the quotation stage can write back (see quotemodel.py); marks it cannot
write (a quoted phrase inside a sentence) count as no quotation, so the model
learns what it can do and scores are honest about what it cannot.
"""
from __future__ import annotations

import math
import random

from ..quotemodel import LABELS, OPENING, allowed, colon_index, features
from .gold import GoldSentence


def gold_label(sent: GoldSentence, prev: str | None) -> str:
    toks, words = sent.tokens, sent.words
    last = len(toks) - 1
    opens = [i for i, t in enumerate(toks) if t.quote_before]
    closes = [i for i, t in enumerate(toks) if t.quote_after]
    balance = len(opens) - len(closes)
    if prev in OPENING:
        if not opens and not closes:
            return "cont"
        if closes and (not opens or opens[-1] < closes[-1]):
            c = closes[0]
            if words[c] in (",", "?", "!") and c < last - 1:
                return "cont_attrib"
            return "cont_close"
        return "cont"
    if not opens and not closes:
        return "none"
    if opens and opens[0] == 0:
        if not closes:
            return "open"
        if closes[-1] >= last - 1 and len(closes) == 1:
            return "full"
        if words[closes[0]] in (",", "?", "!") and closes[0] < last - 1 and balance <= 0:
            return "attrib"
    ci = colon_index(words)
    if ci is not None and opens and opens[0] == ci + 1:
        return "colon_open" if not closes else "colon"
    return "open" if balance > 0 else "none"


def examples(sentences: list[GoldSentence]) -> list[tuple[list[str], str, tuple[str, ...]]]:
    """(features, gold label, allowed labels) for each sentence of one article."""
    out = []
    prev: str | None = None
    for sent in sentences:
        if sent.paragraph_start and prev in OPENING and not sent.tokens[0].quote_before:
            prev = None              # a quotation left open at a paragraph end (house styles differ)
        lab = gold_label(sent, prev)
        feats = features(sent.words, [t.cased for t in sent.tokens], prev)
        out.append((feats, lab, allowed(prev)))
        prev = lab
    return out


def fit(data: list[tuple[list[str], str, tuple[str, ...]]], epochs: int = 5, rate: float = 0.2,
        l2: float = 1e-6, seed: int = 0) -> dict[str, dict[str, float]]:
    """Multinomial logistic regression over the allowed labels, by plain SGD."""
    weights: dict[str, dict[str, float]] = {lab: {} for lab in LABELS}
    rng = random.Random(seed)
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + epoch)
        for k in order:
            feats, gold, labels = data[k]
            raw = {lab: sum(weights[lab].get(f, 0.0) for f in feats) for lab in labels}
            top = max(raw.values())
            exp = {lab: math.exp(v - top) for lab, v in raw.items()}
            z = sum(exp.values())
            for lab in labels:
                g = exp[lab] / z - (1.0 if lab == gold else 0.0)
                if abs(g) < 1e-4:
                    continue
                w = weights[lab]
                for f in feats:
                    w[f] = w.get(f, 0.0) * (1 - l2) - lr * g
    return {lab: {f: round(v, 4) for f, v in w.items() if abs(v) > 1e-3} for lab, w in weights.items()}
