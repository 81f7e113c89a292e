"""A small network beside the case model, for words whose case depends on use.

The logistic case model (`casemodel.py`) learns each word with each neighbour apart: it knows
`Prime Minister` and `foreign minister`, but a pairing it never saw (`Colin Stretch`, `Sea
World`) falls back to the word's own bias.  This network reads the same context
(`casemodel.CaseContext`, three words either side) through word vectors, so what it learned of
one neighbour carries to neighbours used alike (first names, ministries, team names), and the
two models err on different uses.  The truecase stage writes a capital when the mean of their
two probabilities is 0.5 or more (the case model's alone for a word the network was not trained
on, and where the case model is 99% sure: `stages/truecase.py`).

The network reads the words around in lower case only, never whether the restorer wrote the
word before with a capital.  That is what makes it worth having: at restore time that capital is
the restorer's own guess, right where the case is in doubt.  Measured through the whole restorer
on a tenth of the train articles held out (never dev; `scripts/heldout_case.py --casenet`, six
corpora): the logistic model alone made 5,520 case errors, with a network that read the capital
before 5,371 (-2.7%, though on the model's examples, words before cased as in the source, it
had cut 9.3%), with one that does not 5,240 (-5.1%), and with three words either side instead of
two 5,188 (-6.0%), and with vectors of 48 and 256 hidden units instead of 32 and 128, 5,114
(-7.4%; 64 and 256: 5,107; a second network of the first size averaged in: 5,157).  Weights
other than the mean did worse (the network's share 0.35: 5,277; 0.6: 5,341).

The network: a vector for the word (`targets`) and one for each of the three words before and
after (`vocab`, shared by the six), small vectors for the next word's class (`classes`:
`casemodel.word_class`), for `run` and for `source`; one hidden layer (ReLU), and a bias per word
added to the output.  Trained with PyTorch (`train/casenet.py`); read here with NumPy alone, an
article's words at a time, so restoring needs no PyTorch.
"""
from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np
from threadpoolctl import ThreadpoolController

from .casemodel import CaseContext
from .modelfile import array_from_bytes

#: One thread for the matrix products: an article's are small, and OpenBLAS's own threads, shared
#: with other processes' (`restore -j 2`, a forked pool), made a pool of two processes restore at
#: 39k words/s instead of 97k.
_BLAS = ThreadpoolController()

#: The columns of the network's input rows: the word, the three words either side, the next word's
#: class, the run and the source (`row_keys`).
WORD, AROUND, CLASS, RUN, SOURCE = 0, slice(1, 7), 7, 8, 9

#: The order of the weight arrays in the model file (`train/casenet.py` writes them so).
ARRAYS = ("targets", "bias", "context", "classes", "runs", "sources", "hidden_w", "hidden_b", "out_w", "out_b")


def encode_array(a: np.ndarray) -> np.ndarray:
    """A weight array as the model file keeps it: float16 (half the size of float32, and the
    network's decisions do not change)."""
    return np.asarray(a).astype("<f2")


def decode_array(stored: np.ndarray | dict) -> np.ndarray:
    """The float32 array of a stored one: float16 from the model file, or (files written before
    `modelfile.py`) a JSON object of its shape and base64 bytes."""
    if isinstance(stored, dict):
        stored = array_from_bytes(base64.b64decode(stored["data"]), "<f2", stored["shape"])
    return stored.astype(np.float32)


def row_keys(ctx: CaseContext) -> tuple[str, ...]:
    """What the network reads of one use, in its input's column order; training
    (`train/casenet.encode`) and `CaseNet.row` turn these into ids, so both build the same rows."""
    return (ctx.w, ctx.prev.lower(), ctx.pp, ctx.nxt, ctx.nn, ctx.p3, ctx.n3, ctx.ncls, ctx.run, ctx.source)


class CaseNet:
    """The network's tables and weights, as `train/casenet.py` saved them."""

    def __init__(self, data: dict) -> None:
        self.targets = {w: i for i, w in enumerate(data["targets"])}
        self.vocab = {w: i + 1 for i, w in enumerate(data["vocab"])}       # 0: any other word
        self.classes = {c: i for i, c in enumerate(data["classes"])}
        self.runs = {r: i + 1 for i, r in enumerate(data["runs"])}          # 0: no run
        self.sources = {s: i + 1 for i, s in enumerate(data["sources"])}    # 0: no learned source
        w = {name: decode_array(data["weights"][name]) for name in ARRAYS}
        self.target_vec, self.bias, self.context = w["targets"], w["bias"], w["context"]
        self.class_vec, self.run_vec, self.source_vec = w["classes"], w["runs"], w["sources"]
        self.hidden_w, self.hidden_b = w["hidden_w"], w["hidden_b"]
        self.out_w, self.out_b = w["out_w"], float(w["out_b"][0])

    def row(self, ctx: CaseContext) -> tuple[int, ...] | None:
        """The network's input for one use (the layout `train/casenet.encode` writes), None for a
        word, or a class of next word, it was not trained on."""
        keys = row_keys(ctx)
        t, c = self.targets.get(keys[WORD]), self.classes.get(keys[CLASS])
        if t is None or c is None:
            return None
        v = self.vocab.get
        return (t, *(v(k, 0) for k in keys[AROUND]), c, self.runs.get(keys[RUN], 0), self.sources.get(keys[SOURCE], 0))

    def probabilities(self, rows: Sequence[tuple[int, ...]]) -> np.ndarray:
        """P(written with a capital) for many uses at once: one matrix product for a whole
        article costs about what one use would."""
        x = np.asarray(rows, dtype=np.intp)
        n = len(x)
        h = np.concatenate([self.target_vec[x[:, WORD]], self.context[x[:, AROUND]].reshape(n, -1),
                            self.class_vec[x[:, CLASS]], self.run_vec[x[:, RUN]], self.source_vec[x[:, SOURCE]]],
                           axis=1)
        with _BLAS.limit(limits=1, user_api="blas"):
            h = h @ self.hidden_w + self.hidden_b
            np.maximum(h, 0.0, out=h)
            z = h @ self.out_w + self.out_b + self.bias[x[:, WORD]]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))


__all__ = ["CaseNet", "row_keys", "encode_array", "decode_array", "ARRAYS"]
