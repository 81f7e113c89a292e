"""Training the case network (`casenet.py`) with PyTorch, on the case model's own examples.

Every mid-sentence use of a word whose case depends on use is an example, its context read by
`train/case.contexts` exactly as the logistic model reads it.  The contexts are turned into
integers once (words seen fewer than MIN_WORD_COUNT times share id 0), then the network is
fitted by Adam over shuffled mini-batches.  PyTorch is needed only here: without it (`pip
install 'newsrestore[train]'`) `newsrestore train` builds a model without the network, and the
truecase stage uses the logistic model alone.
"""
from __future__ import annotations

import logging
from array import array
from collections.abc import Collection, Mapping

import numpy as np

from ..casenet import AROUND, CLASS, RUN, SOURCE, WORD, encode_array, row_keys
from .case import CaseArticle, contexts

log = logging.getLogger(__name__)

#: A neighbour gets its own vector when seen this often in the examples.
MIN_WORD_COUNT = 3
#: Vector sizes and hidden units.  Chosen on a tenth of the train articles held out (never dev),
#: with training time in mind: see `models/README.md`.
DIM, SMALL, HIDDEN = 48, 8, 256
EPOCHS, RATE, BATCH = 3, 2e-3, 2048


def available() -> bool:
    """Whether PyTorch is installed (training only: restoring reads the weights with NumPy)."""
    try:
        import torch  # noqa: F401
    except (ImportError, OSError):       # not installed, or its libraries do not load
        return False
    return True


class _Ids(dict):
    """Ids given in order of first sight, with how often each was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: list[int] = []

    def __missing__(self, key: str) -> int:
        i = self[key] = len(self.counts)
        self.counts.append(0)
        return i

    def see(self, key: str) -> int:
        i = self[key]
        self.counts[i] += 1
        return i


def encode(articles: list[CaseArticle], lexicon: Mapping[str, list], ambiguous: Mapping[str, Mapping[str, int]],
           sources: Collection[str]) -> tuple[np.ndarray, np.ndarray, dict]:
    """(inputs, labels, tables): the examples as the network's integer rows (`CaseNet.row`) and
    the tables (`targets`, `vocab`, `classes`, `runs`, `sources`) that name the ids."""
    targets, words, classes, runs, srcs = _Ids(), _Ids(), _Ids(), _Ids(), _Ids()
    runs.see(""), srcs.see("")                       # id 0: no run, no learned source
    flat, labels = array("i"), array("b")
    for source, sentences in articles:
        src = source if source in sources else ""
        for sentence in sentences:
            for ctx, y in contexts(sentence, lexicon, ambiguous, src):
                keys = row_keys(ctx)
                flat.append(targets.see(keys[WORD]))
                flat.extend(words.see(k) for k in keys[AROUND])
                flat.extend((classes.see(keys[CLASS]), runs.see(keys[RUN]), srcs.see(keys[SOURCE])))
                labels.append(y)
    x = np.frombuffer(flat, dtype=np.int32).reshape(-1, SOURCE + 1).copy()
    kept = [w for w, i in words.items() if words.counts[i] >= MIN_WORD_COUNT]
    remap = np.zeros(len(words.counts), dtype=np.int32)           # rare words -> 0
    for j, w in enumerate(kept):
        remap[words[w]] = j + 1
    x[:, AROUND] = remap[x[:, AROUND]]
    tables = {"targets": list(targets), "vocab": kept, "classes": list(classes),
              "runs": list(runs)[1:], "sources": list(srcs)[1:]}
    return x, np.frombuffer(labels, dtype=np.int8).astype(np.float32), tables


def network(torch, n_targets: int, n_vocab: int, n_classes: int, n_runs: int, n_sources: int):
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.targets = nn.Embedding(n_targets, DIM)
            self.bias = nn.Embedding(n_targets, 1)
            self.context = nn.Embedding(n_vocab, DIM)
            self.classes = nn.Embedding(n_classes, SMALL)
            self.runs = nn.Embedding(n_runs, SMALL)
            self.sources = nn.Embedding(n_sources, SMALL)
            self.hidden = nn.Linear(7 * DIM + 3 * SMALL, HIDDEN)        # the word and the six around
            self.out = nn.Linear(HIDDEN, 1)
            nn.init.normal_(self.targets.weight, std=0.1)
            nn.init.normal_(self.context.weight, std=0.1)
            nn.init.zeros_(self.bias.weight)

        def forward(self, x):
            h = torch.cat([self.targets(x[:, WORD]), self.context(x[:, AROUND]).flatten(1),
                           self.classes(x[:, CLASS]), self.runs(x[:, RUN]), self.sources(x[:, SOURCE])], 1)
            return (self.out(torch.relu(self.hidden(h))) + self.bias(x[:, WORD])).squeeze(1)

    return Net()


def fit(articles: list[CaseArticle], lexicon: Mapping[str, list], ambiguous: Mapping[str, Mapping[str, int]],
        sources: Collection[str] = (), epochs: int = EPOCHS, seed: int = 0) -> dict | None:
    """The case network as the model file stores it (`casenet.CaseNet` reads it), or None when
    PyTorch is not installed or there is nothing to learn from."""
    if not available():
        log.warning("PyTorch is not installed: the model is built without the case network "
                    "(pip install 'newsrestore[train]')")
        return None
    import torch

    x, y, tables = encode(articles, lexicon, ambiguous, sources)
    if not len(x):
        return None
    torch.manual_seed(seed)
    net = network(torch, len(tables["targets"]), len(tables["vocab"]) + 1, len(tables["classes"]),
                   len(tables["runs"]) + 1, len(tables["sources"]) + 1)
    inputs, labels = torch.from_numpy(x.astype(np.int64)), torch.from_numpy(y)
    optimizer = torch.optim.Adam(net.parameters(), lr=RATE)
    loss_of = torch.nn.BCEWithLogitsLoss()
    gen = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        order = torch.randperm(len(inputs), generator=gen)
        total = 0.0
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            loss = loss_of(net(inputs[idx]), labels[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        log.info("case network: epoch %d, loss %.4f over %d examples", epoch + 1, total / len(order), len(order))
    return export(net, tables)


def export(net, tables: dict) -> dict:
    """The fitted network as the model file stores it: the tables that name the ids and each
    weight array in the layout `casenet.CaseNet` multiplies by."""
    weights = {"targets": net.targets.weight, "bias": net.bias.weight.squeeze(1), "context": net.context.weight,
               "classes": net.classes.weight, "runs": net.runs.weight, "sources": net.sources.weight,
               "hidden_w": net.hidden.weight.T, "hidden_b": net.hidden.bias,
               "out_w": net.out.weight.squeeze(0), "out_b": net.out.bias}
    return dict(tables, weights={k: encode_array(v.detach().numpy()) for k, v in weights.items()})
