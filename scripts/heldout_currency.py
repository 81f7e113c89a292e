"""The pound-sign model on train articles it was not fitted on; and refitting the shipped one.

    python scripts/heldout_currency.py [-j 2] [--write]

Fits the pound-sign model (`train/currency.py`, as `newsrestore train` does) on nine tenths of
the train articles, every tenth article of each corpus held out as `heldout_case.py` holds them
out, and scores its decisions on the held-out tenth's candidates against the source: precision,
recall and F1 of the signs written, per threshold and per corpus.  The features read only the
input tokens and the outlet, so scoring the examples directly is scoring the stage.  Outlets are
tagged with the shipped model's house-style classifier and agencies, as training tags them.

With `--write`, the model is then fitted on all the train articles and written into the shipped
model file (as model version 15), every other table unchanged.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections import Counter

from heldout_case import split_train

from newsrestore.currencymodel import CURRENCY_THRESHOLD
from newsrestore.housestyle import classify, outlet_source
from newsrestore.model import DEFAULT_MODEL, MODEL_VERSION, load_model
from newsrestore.modelfile import write as write_model
from newsrestore.train.case import case_article
from newsrestore.train.currency import currency_article, examples, fit
from newsrestore.train.gold import gold_sentences

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


def _read(items: list[tuple[str, str, bool]]) -> list:
    """(corpus, held out, holds non-ASCII, agency, words, currency data) of each (corpus, text, held out) article."""
    out = []
    for corpus, text, held in items:
        sentences = gold_sentences(text)
        data = currency_article(text, sentences)
        out.append((corpus, held, not text.isascii(), case_article(sentences)[0] if sentences else "",
                    [w for s in sentences for w in s.words], data))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", "--jobs", type=int, default=1, help="processes for reading the training text")
    ap.add_argument("--write", action="store_true", help="refit on all train articles and write the shipped model")
    args = ap.parse_args()
    t0 = time.time()
    fit_on, held = split_train()
    items = [(a.corpus, a.text, False) for a in fit_on if not a.tokenized]
    items += [(a.corpus, a.text, True) for a in held if not a.tokenized]
    with mp.get_context("fork").Pool(args.jobs) as pool:
        parts = pool.map(_read, [items[i::args.jobs] for i in range(args.jobs)])
    rows = [r for part in parts for r in part]
    shipped = load_model()
    classifier, learned = shipped.data["para_style"], shipped.case_sources
    non_ascii = Counter(corpus for corpus, _, kept, *_ in rows if kept)
    train, test = [], []
    for corpus, is_held, _, agency, words, data in rows:
        if data is None or not non_ascii[corpus]:
            continue
        source = outlet_source(agency, None if agency in learned else classify(words, classifier), learned)
        (test if is_held else train).append((corpus, (source, data[1], data[2])))
    model = fit([a for _, a in train])
    print(f"read and fitted on {len(train):,} articles in {time.time() - t0:.0f} s; "
          f"corpora with non-ASCII text: {', '.join(sorted(non_ascii))}")
    scores = {t: Counter() for t in THRESHOLDS}
    per = Counter()
    for corpus, article in test:
        for feats, y in examples(article):
            p = model.probability(feats)
            for t in THRESHOLDS:
                yes = p >= t
                scores[t].update(tp=yes and y, fp=yes and not y, fn=not yes and y)
            yes = p >= CURRENCY_THRESHOLD
            per.update({(corpus, "tp"): yes and y, (corpus, "fp"): yes and not y, (corpus, "fn"): not yes and y})
    for t, c in scores.items():
        print(f"threshold {t}: {_prf(c['tp'], c['fp'], c['fn'])}")
    print(f"per corpus at {CURRENCY_THRESHOLD}:")
    for corpus in sorted({c for c, _ in per}):
        tp, fp, fn = per[(corpus, "tp")], per[(corpus, "fp")], per[(corpus, "fn")]
        if tp + fp + fn:
            print(f"  {corpus:<16}{_prf(tp, fp, fn)}")
    if args.write:
        t1 = time.time()
        full = fit([a for _, a in train + test])
        data = dict(shipped.data, currency=full.to_json(), version=MODEL_VERSION)
        write_model(data, DEFAULT_MODEL)
        print(f"fitted on {len(train) + len(test):,} articles in {time.time() - t1:.0f} s; wrote {DEFAULT_MODEL}")


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"signs {tp + fn:>5}, written {tp + fp:>5}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}"


if __name__ == "__main__":
    main()
