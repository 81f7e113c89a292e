"""Plural possessives: was `voters minds` written `voters’ minds`?

Flattening turned the apostrophe after a plural (or a name ending in s) into a
space, so nothing in the tokens marks it: `voters minds` and `voters said` look
alike.  What tells them apart is the two words themselves (`minds`, `hopes`,
`hands`, `website` are things owned), what comes before (`the`, `of`) and after,
and whether the first word is a name (`Jones’ victory`).  A logistic model
(`logistic.py`) over those features gives P(an apostrophe follows the word); the
same `features` function serves training (`train/possessive.py`) and the
apostrophe stage.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

#: The model's table has 2**POSSESSIVE_BITS slots.
POSSESSIVE_BITS = 20


def candidate(w: str, nxt: str) -> bool:
    """Could an apostrophe have stood after `w`, before the word `nxt`?"""
    return len(w) >= 2 and w[-1] in "sz" and w[-2].isalpha() and nxt[:1].isalpha()


#: Words after which the next word is owned: `their minds`, `China’s plan` (`china s plan`).
OWNERS = frozenset("his her its their our my your s".split())
#: A word is counted for `owned` when seen this often.
MIN_OWNED_COUNT = 3


def owned_level(after_owner: int, total: int) -> int:
    """How often a word follows an owner, as -log2 of the share (0: always, 7: hardly ever):
    things owned (`minds`, `victory`, `website`) do, verbs (`say`, `were`) do not, which tells
    `voters minds` from `voters say` for words never seen after this particular plural."""
    return min(7, int(-math.log2((after_owner + 0.5) / (total + 1))))


def features(prev: str, w: str, cased: str, nxt: str, after: str, owned: Mapping[str, int]) -> list[str]:
    """`w` and its neighbours in lower case, `cased` is `w` as restored (a name or not); `owned`
    maps words to their `owned_level`."""
    cap = "C" if cased[:1].isupper() else "l"
    level = owned.get(nxt, "?")
    return ["bias", f"w {w}", f"n {nxt}", f"wn {w} {nxt}", f"p {prev}", f"pw {prev} {w}",
            f"na {nxt} {after}", f"a {after}", f"s {w[-3:]}", f"c {cap}", f"cn {cap} {nxt}",
            f"ns {nxt[-3:]}", f"o {level}", f"oc {level} {cap}", f"os {level} {w[-3:]}", f"oa {level} {after}"]
