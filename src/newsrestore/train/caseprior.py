"""Building the case prior (`caseprior.py`) from spaCy's table of cased word probabilities.

The table ships in the `spacy-lookups-data` package (`pip install -e '.[train]'`),
read from disk; without it `newsrestore train` builds a model without the prior
and the unknown-word model learns from the spelling and neighbours alone.
"""
from __future__ import annotations

import gzip
import json
import math
from array import array
from collections import defaultdict
from collections.abc import Collection, Mapping
from importlib import resources
from importlib.util import find_spec

from ..caseprior import CasePrior, encode, word_hash

TABLE = "en_lexeme_prob.json.gz"


def available() -> bool:
    """Whether spacy-lookups-data is installed (training only: the model file keeps the prior)."""
    return find_spec("spacy_lookups_data") is not None


def load_table() -> dict[str, float] | None:
    """spaCy's `en_lexeme_prob`: cased word form -> natural log probability; None when the
    package is not installed."""
    try:
        path = resources.files("spacy_lookups_data") / "data" / TABLE
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
            return json.load(f)
    except (ModuleNotFoundError, FileNotFoundError):
        return None


def _plain(word: str) -> bool:
    """A word the unknown-word model could meet: letters, with hyphens or apostrophes inside."""
    return word.replace("-", "").replace("'", "").isalpha() and word.isascii()


def build(table: Mapping[str, float], known: Collection[str]) -> CasePrior:
    """The prior for every lower-case word of `table` not in `known` (the lexicon's words).
    A form the table lacks counts as one nat less likely than its rarest entry."""
    floor = min(table.values()) - 1.0
    forms: dict[str, dict[str, float]] = defaultdict(dict)
    for form, logp in table.items():
        low = form.lower()
        if low not in known and _plain(low):
            forms[low][form] = logp
    entries: dict[int, int] = {}
    clashes: set[int] = set()
    for low, seen in forms.items():
        lower = seen.get(low, floor)
        upper = [p for f, p in seen.items() if f != low and f.isupper() and len(f) > 1]
        title = [p for f, p in seen.items() if f != low and not (f.isupper() and len(f) > 1)]
        capital = _logsumexp(upper + title, None)
        upper_odds = None if capital is None else _logsumexp(upper, floor) - _logsumexp(title, floor)
        code = encode((floor if capital is None else capital) - lower, upper_odds)
        h = word_hash(low)
        if h in entries and entries[h] != code:
            clashes.add(h)
        entries[h] = code
    keys = sorted(h for h in entries if h not in clashes)
    return CasePrior(array("I", keys), bytes(entries[h] for h in keys))


def _logsumexp(xs: list[float], empty: float | None) -> float | None:
    if not xs:
        return empty
    top = max(xs)
    return top + math.log(sum(math.exp(x - top) for x in xs))
