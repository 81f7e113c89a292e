"""Training the quotation tagger: gold states from real text, a linear-chain CRF by AdaGrad.

A token is inside a quotation from the token a mark opens before up to the one
a mark closes after.  A quotation left open at a paragraph end and reopened
(house style for speech running over paragraphs) stays inside; one left open
and not reopened is a slip in the source and ends there.
"""
from __future__ import annotations

import math
import random
from array import array
from collections.abc import Callable

from ..logistic import slot
from ..quotemodel import Scorer, features, marks, potentials_of, transitions, units, viterbi
from .gold import GoldSentence

#: One article for training: its words (space-joined), cased forms (space-joined) and
#: sentence lengths, and the gold states as a string of "0"/"1".
Sequence = tuple[str, str, tuple[int, ...], str]
#: A sequence with the outlet source its article gets features of (housestyle.outlet_source).
OutletSequence = tuple[str, Sequence]
#: A feature gets weights only if it occurs this often in the training articles.  Of the 6.5M
#: features of the news corpora, the 95k that do carry the signal; the rest (mostly word pairs
#: seen a few times) were fitted to noise and made the file too big to load quickly.  (20 kept
#: 220k features for the same F1 on dev.)
MIN_FEATURE_COUNT = 50
_COUNT_BITS = 24
_SECOND_SEED = 0x9E3779B9


def gold_sequence(sentences: list[GoldSentence]) -> Sequence | None:
    words: list[str] = []
    cased: list[str] = []
    states: list[str] = []
    inside = False
    for sent in sentences:
        if sent.paragraph_start and inside and not sent.tokens[0].quote_before:
            inside = False
        for tok in sent.tokens:
            if tok.quote_before:
                inside = True
            states.append("1" if inside else "0")
            if tok.quote_after:
                inside = False
        words.extend(sent.words)
        cased.extend(t.cased for t in sent.tokens)
    if not words or any(" " in w for w in cased):
        return None
    return " ".join(words), " ".join(cased), tuple(len(s.tokens) for s in sentences), "".join(states)


def _article(seq: Sequence) -> tuple[list[str], list[str], list[tuple[int, int]], list[bool]]:
    """Words, cased forms, sentence spans and gold states of one training article."""
    words, cased = seq[0].split(" "), seq[1].split(" ")
    ends, pos = [], 0
    for n in seq[2]:
        pos += n
        ends.append(words[pos - 1])
    return words, cased, units(seq[2], ends), [s == "1" for s in seq[3]]


def _unpack(item: OutletSequence) -> tuple[list[list[str]], list[bool]]:
    outlet, seq = item
    words, cased, spans, gold = _article(seq)
    return features(words, cased, spans, outlet), gold


def fit(sequences: list[OutletSequence], epochs: int = 2, rate: float = 0.1, seed: int = 0,
        min_weight: float = 0.05) -> dict:
    """The quotation model: weights fitted on 95% of the articles, and the bias on opening a
    quotation that gives the best F1 of the marks on the other 5%."""
    order = list(range(len(sequences)))
    random.Random(seed).shuffle(order)
    cut = len(order) // 20
    weights = fit_weights([sequences[k] for k in order[cut:]], epochs, rate, seed, min_weight)
    held = [(sequences[k][0], *_article(sequences[k][1])) for k in order[:cut]]
    return {"weights": weights, "open_bias": fit_open_bias(weights, held)}


def fit_open_bias(weights: dict,
                  held: list[tuple[str, list[str], list[str], list[tuple[int, int]], list[bool]]]) -> float:
    """Viterbi is shy of rare events: it places a quotation only when one path through it beats
    every path without, although the marks may be likely as a whole.  A bias on opening trades
    that shyness for F1 of the marks, chosen on held-out articles."""
    scorer = Scorer(weights)
    data = [(scorer.potentials(words, cased, spans, outlet), set(marks(gold)))
            for outlet, words, cased, spans, gold in held]
    best, best_f1 = 0.0, -1.0
    for bias in (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0):
        tp = fp = fn = 0
        for sc, gold in data:
            pred = set(marks(viterbi(sc, bias)))
            tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        if f1 > best_f1:
            best, best_f1 = bias, f1
    return best


def frequent_features(sequences: list[OutletSequence]) -> Callable[[str], bool]:
    """Whether a feature occurs at least MIN_FEATURE_COUNT times.  Counted in two hashed tables
    (a count-min sketch, 2 x 64 MB) rather than a dict of millions of names (2 GB): a rare
    feature is let through only if it shares a slot with frequent ones in both tables (with one
    table, 33k did), and a frequent one is never kept out."""
    mask = (1 << _COUNT_BITS) - 1
    first, second = array("I", bytes(4 << _COUNT_BITS)), array("I", bytes(4 << _COUNT_BITS))
    for seq in sequences:
        for names in _unpack(seq)[0]:
            for name in names:
                first[slot(name, mask)] += 1
                second[slot(name, mask, _SECOND_SEED)] += 1
    return lambda name: min(first[slot(name, mask)], second[slot(name, mask, _SECOND_SEED)]) >= MIN_FEATURE_COUNT


def fit_weights(sequences: list[OutletSequence], epochs: int, rate: float, seed: int, min_weight: float) -> dict:
    """The CRF's weights, {feature: [open, close, stay inside]}, by stochastic gradient ascent on
    the log-likelihood of each article's gold states, with AdaGrad steps (a feature seen at every
    token, such as the bias, would otherwise swamp the rare ones).  Only `frequent_features`
    get weights; those whose weights all stay under `min_weight` are dropped from the file."""
    keep = frequent_features(sequences)
    rng = random.Random(seed)
    order = list(range(len(sequences)))
    w: dict[str, list[float]] = {}
    g2: dict[str, list[float]] = {}          # AdaGrad: each weight's sum of squared gradients
    sqrt = math.sqrt
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, gold = _unpack(sequences[k])
            opens, closes, stays, _ = transitions(potentials_of(w, feats))
            prev = False
            for names, state, po, pc, ps in zip(feats, gold, opens, closes, stays):
                d_o = (1.0 if state and not prev else 0.0) - po
                d_c = (1.0 if prev and not state else 0.0) - pc
                d_s = (1.0 if prev and state else 0.0) - ps
                prev = state
                if max(abs(d_o), abs(d_c), abs(d_s)) < 1e-3:
                    continue
                for name in names:
                    v = w.get(name)
                    if v is None:
                        if not keep(name):
                            continue
                        v, s = w[name], g2[name] = [0.0, 0.0, 0.0], [1e-8, 1e-8, 1e-8]
                    else:
                        s = g2[name]
                    s[0] += d_o * d_o
                    s[1] += d_c * d_c
                    s[2] += d_s * d_s
                    v[0] += rate * d_o / sqrt(s[0])
                    v[1] += rate * d_c / sqrt(s[1])
                    v[2] += rate * d_s / sqrt(s[2])
    return {name: [round(x, 2) for x in v] for name, v in w.items() if max(abs(x) for x in v) >= min_weight}
