"""The quotation CRF on train articles it was not fitted on: marks found, per corpus.

    python scripts/heldout_quotes.py [-j 2] [--epochs E] [--rate R]

Choosing a quotation feature on dev text would tune it to dev.  This script fits the CRF
(`train/quotes.py`, as `newsrestore train` does) on nine tenths of the train articles that kept
their marks, every tenth article of each corpus held out as `heldout_case.py` holds them out,
and scores the marks Viterbi puts in the held-out tenth against the source's: precision, recall
and F1 over (position, open/close) pairs.  The words are cased as in the source (the `cap`
features read them), so the figures run a little above those of `newsrestore eval`, which
restores the case first; differences between variants are the model's.  Outlets are tagged with
the shipped model's house-style classifier and agencies, as training tags them.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections import Counter

from heldout_case import split_train

from newsrestore.model import load_model
from newsrestore.quotemodel import Scorer, marks, viterbi
from newsrestore.train.build import marks_lost, with_outlets
from newsrestore.train.case import case_article
from newsrestore.train.gold import gold_sentences
from newsrestore.train.quotes import _article, fit, gold_sequence


def sequence(article) -> tuple[str, str, tuple] | None:
    """(corpus, dateline agency, gold quotation sequence) of an article that kept its marks."""
    if article.tokenized or marks_lost(article.text):
        return None
    sentences = gold_sentences(article.text)
    seq = gold_sequence(sentences) if sentences else None
    return None if seq is None else (article.corpus, case_article(sentences)[0], seq)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--rate", type=float, default=0.1)
    args = ap.parse_args()
    fit_on, held = split_train()
    with mp.get_context("fork").Pool(args.jobs) as pool:
        fit_seqs = [s for s in pool.map(sequence, fit_on, chunksize=200) if s]
        held_seqs = [s for s in pool.map(sequence, held, chunksize=200) if s]
    shipped = load_model()
    tag = lambda seqs: with_outlets([(agency, seq) for _, agency, seq in seqs],
                                    shipped.data["para_style"], sorted(shipped.case_sources))
    t0 = time.time()
    model = fit(tag(fit_seqs), epochs=args.epochs, rate=args.rate)
    print(f"fitted on {len(fit_seqs):,} articles in {time.time() - t0:.0f} s: {len(model['weights']):,} "
          f"features, open bias {model['open_bias']}; {len(held_seqs):,} articles held out")
    scorer = Scorer(model["weights"])
    n: Counter = Counter()
    for (corpus, _, _), (outlet, seq) in zip(held_seqs, tag(held_seqs)):
        words, cased, spans, gold = _article(seq)
        put = set(marks(viterbi(scorer.potentials(words, cased, spans, outlet), model["open_bias"])))
        right = set(marks(gold))
        for c in (corpus, "all"):
            n[c, "tp"] += len(right & put)
            n[c, "fp"] += len(put - right)
            n[c, "fn"] += len(right - put)
    print(f"{'corpus':14s} {'gold marks':>10s} {'precision':>9s} {'recall':>7s} {'F1':>7s}")
    for c in sorted({k[0] for k in n}, key=lambda c: (c == "all", c)):
        tp, fp, fn = n[c, "tp"], n[c, "fp"], n[c, "fn"]
        print(f"{c:14s} {tp + fn:10,d} {tp / max(1, tp + fp):9.3f} {tp / max(1, tp + fn):7.3f} "
              f"{2 * tp / max(1, 2 * tp + fp + fn):7.4f}")


if __name__ == "__main__":
    main()
