"""How a large outside corpus writes words our training text saw too rarely to know.

Most words the lexicon lacks are names (`Dnipro`), some are not (`tiramisu`,
`perovskite`), and the corpora here are 11 million words: a word seen once or
never in them may be common elsewhere.  spaCy's `en_lexeme_prob` table (package `spacy-lookups-data`, read
only by `newsrestore train`) gives the log probability of about a million cased
word forms.  For each lower-case word it holds that the lexicon does not, the
model keeps two numbers, rounded to whole nats: how much likelier its forms
with a capital anywhere (`Dnipro`, `eBay`) are than the lower-case one, and, among those, capitals
throughout (`NATO`) against a first capital (`Nato`).  The unknown-word model
(`unknownmodel.py`) reads them as features, so training decides how far to
trust them.

Stored as two arrays sorted by the words' CRC-32 (`logistic.slot` without the
mask), one code byte each: 378k words, 2 MB, read in milliseconds.  Two listed
words sharing a hash are both left out; an unlisted word takes a listed one's
about once in 11,000 lookups.
"""
from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left

from .logistic import array_from_file

#: Log odds are kept between -LIMIT and +LIMIT nats, in whole nats.
LIMIT = 6
_SPAN = 2 * LIMIT + 1
#: The capitals code of a word with no form with a capital.
NO_CAPITAL = _SPAN


def word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def encode(cap_odds: float, upper_odds: float | None) -> int:
    """One byte for a word's two log odds (None: no form with a capital)."""
    def level(x: float) -> int:
        return int(round(max(-LIMIT, min(LIMIT, x)))) + LIMIT

    return level(cap_odds) * (_SPAN + 1) + (NO_CAPITAL if upper_odds is None else level(upper_odds))


class CasePrior:
    """The outside corpus's view of words the lexicon does not know."""

    def __init__(self, hashes: array, codes: bytes) -> None:
        if len(hashes) != len(codes):
            raise ValueError(f"case prior: {len(hashes)} hashes for {len(codes)} codes")
        self.hashes = hashes
        self.codes = codes

    def features(self, word: str) -> list[str]:
        """`cp:+3` (forms with a capital e^3 times likelier), `cu:-2` (a first capital likelier
        than capitals throughout), or `cp:none` for a word the outside corpus lacks."""
        h = word_hash(word)
        i = bisect_left(self.hashes, h)
        if i == len(self.hashes) or self.hashes[i] != h:
            return ["cp:none"]
        cap, upper = divmod(self.codes[i], _SPAN + 1)
        cap -= LIMIT
        if upper == NO_CAPITAL:
            return [f"cp:{cap:+d}", "cu:none"]
        return [f"cp:{cap:+d}", f"cu:{upper - LIMIT:+d}"]

    def to_json(self) -> dict:
        return {"hashes": array("I", self.hashes), "codes": array("B", self.codes)}

    @classmethod
    def from_json(cls, data: dict) -> "CasePrior":
        return cls(array_from_file("I", data["hashes"]), array_from_file("B", data["codes"]).tobytes())
