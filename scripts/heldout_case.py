"""The case model on train articles it was not fitted on, scored as the restorer uses it.

    python scripts/heldout_case.py [--corpus NAME ...] [--limit N] [-j 2] [--seed S] [--epochs E] [--rate R] [--bits B]
                                   [--unknown]

Choosing a case feature or setting on dev text would tune it to dev.  This script fits the case
model on nine tenths of the train articles of every corpus (as `newsrestore train` does, minus
every tenth article) and scores the tenth left out through the whole restorer: each article is
flattened, restored with that case model in place of the shipped one, and compared with the
original.  Scoring the model's training examples directly, with the words before cased as in
the original, overstated a feature that reads those words: 3.3% fewer errors there, none when
restoring (closing note of issue 4, third stop of 2026-11-24).  The restorer's own output is
what the model sees at restore time, so that is what this scores.

The lexicon and the table of words whose case depends on use stay the shipped model's, which
has seen the held-out articles; they are the same for every variant compared, so differences
between variants are the case model's.  Prints case errors per corpus (all case errors, not only
those of the model's words), beside those of the shipped case model, which was fitted on these
articles too and so makes fewer.

With `--casenet`, the case network (`casenet.py`) is fitted on the same nine tenths too, and the
held-out articles are restored with the logistic model and the network together, beside the
logistic model alone (both fitted on the nine tenths).

With `--unknown`, the unknown-word model (`unknownmodel.py`) is fitted on the same nine tenths
too, and its decisions on the held-out tenth's unknown words (neighbours as the source wrote
them) are scored beside those of the same model fitted without the case prior (`caseprior.py`,
model version 13) and of the rule it replaced in model version 10: the spelling's naive-Bayes
score plus 1.5 for a capital before and 1.0 for one after.  The held-out articles are restored
with the model fitted with the prior (when the shipped model has one).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections import Counter

from newsrestore import corpora, restore
from newsrestore.casemodel import CASE_BITS
from newsrestore.evaluation.runner import comparable_body, evaluate, limit_per_corpus
from newsrestore.model import Model, load_model
from newsrestore.train.case import case_article, fit, learned_sources, with_house_styles
from newsrestore.train.casenet import available as torch_available
from newsrestore.train.casenet import fit as fit_casenet
from newsrestore.train.gold import first_word, gold_sentences
from newsrestore.train.unknown import fit as fit_unknown
from newsrestore.train.unknown import positions as unknown_positions
from newsrestore.unknownmodel import features as unknown_features
from newsrestore.unknownmodel import shape_features

HELD_OUT_EVERY = 10
DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "wmt", "abc")


def split_train() -> tuple[list, list]:
    """(articles to fit on, held-out articles): every tenth train article of each corpus is held out."""
    fit_on, held = [], []
    for name in corpora.corpus_names():
        k = 0
        for a in corpora.iter_corpus(name):
            if corpora.split_of(a) != "train":
                continue
            (held if k % HELD_OUT_EVERY == 0 else fit_on).append(a)
            k += 1
    return fit_on, held


def _case_articles(texts: list[str]) -> list:
    return [case_article(gold_sentences(t)) for t in texts]


def case_errors(model: Model, articles: list) -> Counter:
    """Case errors (and words scored, under `(corpus, "words")`) of `model` on `articles`, scored
    by the loop behind `newsrestore eval`."""
    def run(flat: str, profile: str) -> str:
        art = restore(flat, profile=profile, model=model)
        return comparable_body(art.text, art.title is not None)

    out: Counter = Counter()
    for name, c in evaluate(articles, run).per_corpus.items():
        out[name] = c.case_total - c.case_correct
        out[(name, "words")] = c.case_total
    return out


def _version9_unknown(model: Model, cased: str, prev_cap: bool, next_cap: bool) -> bool:
    """Whether model version 9's rule wrote an unknown word with a capital."""
    score = model.shape_prior + sum(model.shape_llr.get(f, 0.0) for f in shape_features(cased.lower()))
    return score + 1.5 * prev_cap + 1.0 * next_cap >= 0.0


def unknown_errors(model: Model, fitted, plain, articles: list) -> tuple[int, int, int, int]:
    """(errors of `fitted`, of `plain` (fitted without the case prior), of version 9's rule, words)
    over the unknown words of held-out case articles, their neighbours as the source wrote them."""
    new = without = old = total = 0
    for _, sentences in articles:
        for sentence in sentences:
            cased = sentence.split(" ")
            words = [c.lower() for c in cased]
            first = first_word(cased)
            for i in unknown_positions(cased, words, first, model.lexicon, model.ambiguous):
                y = cased[i] != words[i]
                feats = unknown_features(cased, words, i, first, model.lexicon, model.ambiguous, model.case_prior)
                new += (fitted.probability(feats) >= 0.5) != y
                feats = unknown_features(cased, words, i, first, model.lexicon, model.ambiguous)
                without += (plain.probability(feats) >= 0.5) != y
                old += _version9_unknown(model, cased[i], cased[i - 1][:1].isupper(),
                                         i + 1 < len(cased) and cased[i + 1][:1].isupper()) != y
                total += 1
    return new, without, old, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help=f"corpora to score (default: {', '.join(DEFAULT_CORPORA)})")
    ap.add_argument("--limit", type=int, default=300, help="held-out articles scored per corpus")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="processes for reading the training text")
    ap.add_argument("--seed", type=int, default=0, help="order of the articles in fitting")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--rate", type=float, default=0.4)
    ap.add_argument("--bits", type=int, default=CASE_BITS, help=f"slots of the case model, as a power of two (default {CASE_BITS})")
    ap.add_argument("--unknown", action="store_true",
                    help="fit the unknown-word model on the nine tenths too, and score it on held-out unknown words")
    ap.add_argument("--casenet", action="store_true",
                    help="fit the case network on the nine tenths too, and restore with it beside the case model")
    ap.add_argument("--no-house-styles", action="store_true",
                    help="give articles without a learned agency no source (as before model version 8)")
    args = ap.parse_args()
    if args.casenet and not torch_available():
        ap.error("--casenet fits the case network, which needs PyTorch (pip install -e '.[train]')")
    t0 = time.time()
    fit_on, held = split_train()
    texts = [a.text for a in fit_on]
    with mp.get_context("fork").Pool(args.jobs) as pool:
        parts = pool.map(_case_articles, [texts[i::args.jobs] for i in range(args.jobs)])
    articles = [x for part in parts for x in part]
    shipped = load_model()
    if not args.no_house_styles:
        articles = with_house_styles(articles, shipped.data["para_style"])
    sources = learned_sources(articles)
    case = fit(articles, shipped.lexicon, shipped.ambiguous, sources, seed=args.seed, epochs=args.epochs,
               rate=args.rate, bits=args.bits)
    refit = dict(case=case.to_json(), case_sources=sources, casenet=None)
    if args.casenet:
        refit["casenet"] = fit_casenet(articles, shipped.lexicon, shipped.ambiguous, sources, seed=args.seed)
    if args.unknown:
        unknown = fit_unknown(articles, shipped.lexicon, shipped.ambiguous, seed=args.seed, prior=shipped.case_prior)
        plain = fit_unknown(articles, shipped.lexicon, shipped.ambiguous, seed=args.seed)
        refit["unknown"] = unknown.to_json()
    model = Model(dict(shipped.data, **refit))
    print(f"fitted on {len(articles):,} articles in {time.time() - t0:.0f} s", flush=True)
    if args.unknown:
        held_articles = _case_articles([a.text for a in held])
        new, without, old, total = unknown_errors(shipped, unknown, plain, held_articles)
        print(f"unknown words of the held-out articles: {total:,}; errors of the unknown-word model "
              f"{new:,}, of the same without the case prior {without:,}, of version 9's spelling rule {old:,}")
    wanted = args.corpus or list(DEFAULT_CORPORA)
    picked = list(limit_per_corpus((a for a in held if a.corpus in wanted and not a.tokenized), args.limit))
    per = Counter(a.corpus for a in picked)
    errors = case_errors(model, picked)
    if args.casenet:       # the same fit without the network
        seen, other = case_errors(Model(dict(model.data, casenet=None)), picked), "the case model alone"
    else:
        seen, other = case_errors(shipped, picked), "the shipped case model, fitted on these articles too"
    words = sum(errors[(c, "words")] for c in wanted)
    print(f"held-out case errors over {words:,} words: {sum(errors[c] for c in wanted):,} "
          f"({other}: {sum(seen[c] for c in wanted):,})")
    for c in wanted:
        print(f"  {c:<14}{errors[c]:>7,}  ({seen[c]:,})  {per[c]:>4} articles")


if __name__ == "__main__":
    main()
