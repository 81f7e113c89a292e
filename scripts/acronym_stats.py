"""How are acronyms defined in the text (`Financial Action Task Force ( FATF )`) written?

    python scripts/acronym_stats.py [--limit N]

Reads train articles (never dev) and finds every `words ( acronym )` or `words,
or acronym,` whose letters spell the words' initials (`stages/acronyms.py:
definitions`).  Of those the acronym stage acts on (`writes_in_capitals`), it
prints the share whose acronym is in capitals and, when the lexicon does not
know the acronym, whose spelt-out words start with capitals: the confidences
`ACRONYM_CONF` and `NAME_CONF` in that stage.  For acronyms the lexicon writes
in lower case (`who`), it prints how often they were in capitals after a
capitalised name and after other words (`_named`).
"""
from __future__ import annotations

import argparse
from collections import Counter
from itertools import islice

from newsrestore.corpora import iter_split
from newsrestore.model import load_model
from newsrestore.stages.acronyms import FUNCTION_WORDS, definitions, lexicon_writes_lower, writes_in_capitals
from newsrestore.train.gold import gold_sentences

NEWS = ["isot_true", "bbc", "fnc1", "reuters21578", "wmt", "abc"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=20000, help="train articles to read")
    args = ap.parse_args()
    model = load_model()
    n = Counter()
    wrong = Counter()
    articles = (a for a in iter_split("train", names=NEWS) if not a.tokenized)
    for art in islice(articles, args.limit):
        for sent in gold_sentences(art.text):
            cased = [t.cased for t in sent.tokens]
            for found, k in definitions([c.lower() for c in cased]):
                w = cased[k].lower()
                n["defined"] += 1
                name = [cased[i] for i in found if cased[i].lower() not in FUNCTION_WORDS]
                capitalised = all(x[:1].isupper() for x in name)
                if not writes_in_capitals(model, w):
                    if lexicon_writes_lower(model, w):
                        kind = "named" if capitalised else "unnamed"
                        n[kind] += 1
                        n[kind + " in capitals"] += cased[k].isupper()
                    continue
                n["acted on"] += 1
                n["acronym in capitals"] += cased[k].isupper()
                if w in model.lexicon:
                    continue
                n["unknown"] += 1
                n["name capitalised"] += capitalised
                if not capitalised:
                    wrong[" ".join(cased[found[0]:k + 1])] += 1
    acted = max(1, n["acted on"])
    print(f"definitions found: {n['defined']}, acted on: {n['acted on']}")
    print(f"acronym in capitals: {100 * n['acronym in capitals'] / acted:.1f}%")
    print(f"acronyms the lexicon does not know: {n['unknown']}, their spelt-out words capitalised: "
          f"{100 * n['name capitalised'] / max(1, n['unknown']):.1f}%")
    print(f"acronyms the lexicon writes in lower case: in capitals after a capitalised name "
          f"{n['named in capitals']} of {n['named']}, otherwise {n['unnamed in capitals']} of {n['unnamed']}")
    commonest = "; ".join(f"{k} x{v}" for k, v in wrong.most_common(15))
    print("spelt-out words not capitalised, commonest:", commonest)


if __name__ == "__main__":
    main()
