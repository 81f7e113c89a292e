"""Binary logistic models whose features are hashed into a fixed table of weights.

The case model learns about two million features (a word with its neighbours);
dropping the small weights to keep a JSON table loadable cost an eighth more
errors on dev text.  Hashing every feature name into 2**k slots (the hashing
trick) keeps them all: the table is one array of 16-bit weights in hundredths,
stored in the model file as raw bytes (`modelfile.py`), loaded in milliseconds,
and looked up by a CRC-32 of the feature name, which (unlike Python's `hash`) is
the same in every process.
"""
from __future__ import annotations

import base64
import math
import random
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from .modelfile import array_from_bytes

SCALE = 100          # weights are stored in hundredths
LIMIT = 32767 / SCALE
#: One training example: feature names and the label (1 or 0).
Example = tuple[Sequence[str], int]
#: What an article is a sequence of (a sentence, or a sentence with what it needs alongside).
Item = TypeVar("Item")


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -30 else 1e-13


def slot(name: str, mask: int, seed: int = 0) -> int:
    """A feature's slot; another `seed` gives an independent second hash (a count-min sketch)."""
    return zlib.crc32(name.encode("utf-8"), seed) & mask


def array_from_file(typecode: str, stored: array | str) -> array:
    """An array as the model file gave it: itself, or base64 of its little-endian bytes in files
    written before `modelfile.py` (model version 13 and earlier)."""
    if isinstance(stored, array):
        if stored.typecode != typecode:
            raise ValueError(f"expected an array of {typecode!r}, found one of {stored.typecode!r}")
        return stored
    return array_from_bytes(base64.b64decode(stored), typecode)


class HashedLogistic:
    """A trained model: `probability(features)` = sigmoid(sum of the features' weights)."""

    def __init__(self, weights: array, bits: int) -> None:
        self.weights = weights
        self.bits = bits
        self.mask = (1 << bits) - 1

    def logit(self, feats: Iterable[str]) -> float:
        """Each name hashed to its slot anew.  A dict remembering the weights of names seen
        (filled on a miss) was slower on anything shorter than a long corpus: restoring 600 dev
        articles, the case model's lookups took 0.46 s with it, 0.27 s hashing every name, and
        0.23 s only once it had seen every context; and it grew to 100 MB."""
        w, mask, crc = self.weights, self.mask, zlib.crc32
        return sum([w[crc(f.encode()) & mask] for f in feats]) / SCALE

    def probability(self, feats: Iterable[str]) -> float:
        return sigmoid(self.logit(feats))

    def to_json(self) -> dict:
        return {"bits": self.bits, "weights": array("h", self.weights)}

    @classmethod
    def from_json(cls, data: dict) -> "HashedLogistic":
        weights = array_from_file("h", data["weights"])
        if len(weights) != 1 << data["bits"]:
            raise ValueError(f"hashed weights: {len(weights)} values for {data['bits']} bits")
        return cls(weights, data["bits"])


def shuffled_articles(articles: Sequence[Sequence[Item]], examples_of: Callable[[Item], Iterable[Example]],
                      seed: int = 0) -> Callable[[int], Iterator[Example]]:
    """`fit`'s examples: every sentence's, article by article in a new shuffled order each epoch
    (articles stay whole, so one outlet's run of articles never skews a stretch of training)."""
    order = list(range(len(articles)))

    def epoch_examples(epoch: int) -> Iterator[Example]:
        random.Random(seed + epoch).shuffle(order)
        for k in order:
            for sentence in articles[k]:
                yield from examples_of(sentence)

    return epoch_examples


def fit(examples: Callable[[int], Iterable[Example]], bits: int, epochs: int = 2,
        rate: float = 0.2, prior: dict[str, float] | None = None) -> HashedLogistic:
    """Logistic regression by AdaGrad over `examples(epoch)` (called once per epoch, in the order
    it chooses): each slot's step shrinks with its own gradients, so a
    context seen 200 times learns as much as the data says, where plain SGD with one rate left
    frequent contexts far short.  `prior` gives starting weights (a word's own bias from its
    counts, so the context features only learn how context moves it)."""
    mask = (1 << bits) - 1
    w = array("d", bytes(8 << bits))
    g2 = array("d", [1e-2]) * (1 << bits)
    for name, value in (prior or {}).items():
        w[slot(name, mask)] = value
    crc = zlib.crc32
    for epoch in range(epochs):
        for feats, y in examples(epoch):
            slots = [crc(f.encode("utf-8")) & mask for f in feats]
            z = 0.0
            for s in slots:
                z += w[s]
            g = sigmoid(z) - y
            if g > 1e-3 or g < -1e-3:
                gg = g * g
                for s in slots:
                    acc = g2[s] + gg
                    g2[s] = acc
                    w[s] -= rate * g / math.sqrt(acc)
    stored = array("h", (int(round(max(-LIMIT, min(LIMIT, x)) * SCALE)) for x in w))
    return HashedLogistic(stored, bits)
