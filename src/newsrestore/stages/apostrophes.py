"""Apostrophe stage (stripped profile): `myanmar s` -> `Myanmar’s`, `couldn t` -> `couldn’t`,
`o brien` -> `O’Brien`, `countries militaries` -> `countries’ militaries`.

Flattening turned each apostrophe into a space, so an apostrophe is put back
between two tokens when the training text joined them that way often enough,
and after a word ending in s when the plural-possessive model (`possessive.py`)
reads it as one.  The apostrophe is written straight here; the
typography stage curls it.
"""
from __future__ import annotations

from ..document import Document, Sentence, Token
from ..model import Model
from ..possessive import candidate, features
from ..train.counts import APOS_SUFFIXES

STAGE = "apostrophes"
_PRONOUNS = frozenset("i you we they he she it who what that there here where how when why let".split())
_SUFFIX_HOSTS = {"re": _PRONOUNS, "ve": _PRONOUNS | {"could", "would", "should", "might", "must"},
                 "ll": _PRONOUNS, "m": {"i"}, "d": _PRONOUNS}


def _ratio(counts: list[int] | None, prior: float = 0.5) -> float | None:
    if not counts:
        return None
    j, n = counts
    return (j + prior) / (n + 1)


def join_probability(model: Model, a: str, b: str) -> float:
    """How likely an apostrophe stood between tokens a and b."""
    if not (b in APOS_SUFFIXES or len(a) <= 2) or not (a[-1:].isalnum() and b[:1].isalnum()):
        return 0.0                  # training only counted pairs like these (see train/counts.py)
    pair = model.apos_pairs.get(f"{a}\t{b}")
    if pair is not None and pair[1] >= 3:
        return _ratio(pair)
    if b == "s":
        return _ratio(model.apos_suffix.get("s")) or 0.9
    if b == "t":
        return 0.97 if a.endswith("n") else 0.0
    if b in _SUFFIX_HOSTS:
        return 0.95 if a in _SUFFIX_HOSTS[b] else 0.05
    prefix = model.apos_prefix.get(a) if a not in _SUFFIX_HOSTS and a not in ("s", "t") else None
    if prefix is not None and b.isalpha() and len(b) > 2:
        return _ratio(prefix)
    return 0.0


def possessive_probability(model: Model, toks: list[Token], i: int) -> float:
    """How likely a plural-possessive apostrophe followed token i (`countries’ militaries`)."""
    w, nxt = toks[i].text, toks[i + 1].text
    if not candidate(w, nxt):
        return 0.0
    prev = toks[i - 1].text if i else "<s>"
    after = toks[i + 2].text if i + 2 < len(toks) else "</s>"
    return model.possessive.probability(features(prev, w, toks[i].out, nxt, after, model.owned))


def _apply_sentence(model: Model, sent: Sentence) -> None:
    toks = sent.tokens
    i = 0
    while i < len(toks) - 1:
        a, b = toks[i], toks[i + 1]
        if b.text in APOS_SUFFIXES or len(a.text) <= 2:          # join_probability is 0 otherwise
            p = join_probability(model, a.text, b.text)
            if p >= 0.5:
                a.space_after = False
                b.change("'" + b.out, STAGE, f'apostrophe: "{a.text} {b.text}" joined by an apostrophe '
                         f"({p:.0%} in training text)", p)
                i += 1
                continue
            if b.text != "s" and a.conf > 1 - p:
                a.conf = 1 - p
        if a.text[-1] in "sz":                                    # a possessive candidate, maybe
            q = possessive_probability(model, toks, i)
            if q >= 0.5:
                a.change(a.out + "'", STAGE, f'apostrophe: "{a.text} {b.text}" read as a plural possessive '
                         f"({q:.0%}, from the words around it)", q)
            elif a.conf > 1 - q:
                a.conf = 1 - q
        i += 1


def apply(doc: Document, model: Model) -> Document:
    if doc.profile != "stripped":
        return doc
    for sent in doc.all_sentences():
        _apply_sentence(model, sent)
    return doc
