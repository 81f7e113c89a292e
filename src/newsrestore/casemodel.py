"""The case of words whose case depends on use: a logistic model over their neighbours.

`minister` is `Minister` in `Prime Minister Theresa May` but not in `Turkey’s prime
minister on Thursday`; `us` is `US` in `US jobs data`; `affairs` is `Affairs` in
`the Belfer Center for Science and International Affairs`.  Two words either side
decide most of these, together with whether the word before was written with a
capital and what kind of word follows (a name? a word the lexicon writes in lower
case?).  One binary model, shared by every such word, gives P(written with a
capital); its features pair the word with its context, and a few are the context
alone so rare words borrow from common ones.  The same `features` function serves
training (`train/case.py`) and restoring (`stages/truecase.py`).
"""
from __future__ import annotations

from typing import Mapping, NamedTuple


#: A word before or after the one being cased, as the model sees it.
START, END, UNKNOWN = "<s>", "</s>", "<unk>"


def word_class(lexicon: Mapping[str, list], ambiguous: Mapping, w: str) -> str:
    """What kind of word a neighbour is, before it is cased: a name (`C`), a lower-case word
    (`l`), one whose case depends on use (`A`), an unknown word (`U`, mostly names in news) or
    not a word (`P`: punctuation and numbers)."""
    if not any(c.isalpha() for c in w):
        return "P"
    if w in ambiguous:
        return "A"
    entry = lexicon.get(w)
    if entry is None:
        return "U"
    return "l" if entry[0] == w else "C"


class CaseContext(NamedTuple):
    """What both case models see of one use of a word whose case depends on use.

    `prev` is the word before as written (already cased), or START / UNKNOWN; `pp`, `nxt` and
    `nn` are lower case; `ncls` is `word_class(nxt)`; `run`, when the next word's case also depends
    on use, says how many such words follow and what kind of word comes after them (`foreign
    minister` + a name: `2U`), which a left-to-right decision could not otherwise see.  `source`
    is the agency the dateline names or the house style the article reads like (see `features`).
    `p3` and `n3`, the third word before and after, are read by the network alone.  One tuple
    serves the logistic model (`features`) and the network (`casenet.py`), in training and at
    restore time, so what a model sees at restore time is what it learned from."""

    w: str
    prev: str
    prev_cap: bool
    pp: str
    nxt: str
    nn: str
    ncls: str
    run: str = ""
    source: str = ""
    p3: str = START
    n3: str = END


def features(ctx: CaseContext) -> list[str]:
    """The logistic model's features: the word paired with its context, and a few of the context
    alone so rare words borrow from common ones.

    `source`, the agency the article's dateline names (`Reuters`), or else the house style it
    reads like (`style:bbc`, `housestyle.py`), "" when neither was learned: outlets keep their
    own conventions (`The New York Times`, `the president` standing alone, `IS`), which the word
    paired with its source and its neighbours can learn where the mix of outlets cannot.  On dev
    text the agency cut the errors on such words in Reuters articles by 12%; the house style cut
    all case errors in held-out train articles by 4.1% (bbc 13%, fnc1 3%;
    `scripts/heldout_case.py`).  Articles that read like no learned outlet get none: the same
    three features with a `-` source cost 6% of the restore speed for 1-3% fewer errors."""
    w, prev, pp, nxt, nn, ncls, run, source = ctx.w, ctx.prev, ctx.pp, ctx.nxt, ctx.nn, ctx.ncls, ctx.run, ctx.source
    pl = prev.lower()
    cap = "C" if ctx.prev_cap else "l"
    out = [f"b {w}", f"p {prev} {w}", f"pp {pp} {pl} {w}", f"n {w} {nxt}", f"nn {w} {nxt} {nn}",
           f"pn {pl} {w} {nxt}", f"pc {w} {cap} {ncls}", f"g {cap} {ncls}", f"gp {prev}", f"gn {nxt}"]
    if run:
        out += [f"r {w} {run}", f"rn {w} {nxt} {run}", f"gr {cap} {run}"]
    if source:
        out += [f"sb {source} {w}", f"sn {source} {w} {nxt}", f"sp {source} {prev} {w}"]
    return out


#: The case model is a `logistic.HashedLogistic` (P(written with a capital, or in any form but
#: lower case)); its table has 2**CASE_BITS slots.  With 2**22, 89% of the slots held a weight,
#: so most features shared theirs with another; 2**23 made 1.2% fewer errors on a tenth of the
#: train articles held out (2**24: 1% fewer again, for another 16 MB in memory and a slower load).
CASE_BITS = 23
