"""Words the lexicon has never seen: a name, or a plain word written in lower case?

Most unknown words in news are names (`Capriles`, `Inhofe`), but many are not:
inflections and compounds of words the lexicon knows (`renominating`,
`steamrolled`, `white-bearded`, `co-chairing`) and rare common nouns
(`gigajoule`, `cantata`).  Spelling alone (suffixes, prefixes, vowel pattern)
separates them badly, and two fixed bonuses for a capital either side could not
tell `Jim inhofe` (a name after a first name) from `the renominating` (a verb
after an article).  So one logistic model (`logistic.py`) reads the spelling,
what the lexicon says of the word's stem or hyphen parts, and the neighbours as
the restorer has cased them, and gives P(written with a capital).  It is
trained on the words of the train split the lexicon left out (seen once), in
their real contexts, which are exactly the words that are unknown at restore
time.  The same `features` serves training (`train/unknown.py`) and the truecase
stage; whether a capitalised unknown word is an acronym stays the naive-Bayes
shape model's decision.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from .casemodel import word_class
from .caseprior import CasePrior

#: The model's table has 2**UNKNOWN_BITS slots (2**20 made about as many errors on held-out words:
#: 919 against 924 of 8,222, with a first version of the features).
UNKNOWN_BITS = 18

_VOWELS = frozenset("aeiouy")
#: Endings and beginnings whose removal may leave a word the lexicon knows (`retrieves`,
#: `renominating`): what the lexicon says of that stem is then strong evidence of the case.
_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness", "ist", "ists", "ism", "ation", "ations",
             "ment", "ments", "able", "ity")
_PREFIXES = ("re", "un", "co", "pre", "non", "anti", "over", "under", "post", "geo", "super", "mis", "out", "sub",
             "semi", "multi", "self", "cross", "counter", "mega", "micro", "ultra", "inter", "trans", "de", "dis")


def shape_features(w: str) -> list[str]:
    """Character features for words never seen (mostly names, some acronyms: `rdif`, `ixis`)."""
    pattern = "".join("v" if c in _VOWELS else "c" for c in w[:4])
    feats = [f"s3:{w[-3:]}", f"s2:{w[-2:]}", f"p2:{w[:2]}", f"p3:{w[:3]}", f"len:{min(len(w), 12)}",
             f"cv:{pattern}"]
    if "-" in w:
        feats.append("hy")
    if any(c.isdigit() for c in w):
        feats.append("digit")
    if not _VOWELS.intersection(w):
        feats.append("novowel")
    return feats


def morphology(w: str, lexicon: Mapping[str, list], ambiguous: Mapping) -> list[str]:
    """What the lexicon says of the word's parts: its hyphen parts, or a stem left by one of
    `_SUFFIXES` (also with an `e` put back or a doubled consonant undone) or `_PREFIXES`."""
    def known(x: str) -> bool:
        return x in lexicon or x in ambiguous

    if "-" in w:
        parts = [word_class(lexicon, ambiguous, p) if p else "E" for p in w.split("-")]
        return [f"hy {''.join(parts[:3])}", f"hyf {parts[0]}", f"hyl {parts[-1]}"]
    out = []
    for suffix in _SUFFIXES:
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        stem = w[: -len(suffix)]
        undoubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""
        found = next((s for s in (stem, stem + "e", undoubled) if s and known(s)), None)
        if found is not None:
            out.append(f"suf {suffix} {word_class(lexicon, ambiguous, found)}")
            break
    for prefix in _PREFIXES:
        rest = w[len(prefix):]
        if w.startswith(prefix) and len(rest) >= 4 and known(rest):
            out.append(f"pre {prefix} {word_class(lexicon, ambiguous, rest)}")
            break
    punct = "".join(c for c in w if not c.isalnum() and c != "-")
    if punct:
        out.append(f"punct {punct[:3]}")
    return out


#: What follows the dot of a web address or file name rather than a new sentence (`youtu.be`,
#: `change.org`, `sdk.js`).
_WEB_ENDINGS = frozenset("com org net gov edu co uk be ly io us tv gif jpg png js id src html htm php https http "
                         "www pdf ul rs cx info me ca de".split())


#: Words of one letter that can open a sentence run into the one before (`that.i`, `shirt.a`).
_ONE_LETTER_WORDS = frozenset({"i", "a"})


def glued(w: str, lexicon: Mapping[str, list], ambiguous: Mapping) -> tuple[str, str] | None:
    """The two words of a sentence end run into the next sentence's start (`expect.what`,
    `presidency.the`: scraped text that lost the space after a full stop), or None.  Both must be
    words the lexicon knows, and the second no web ending (`change.org`).  In ISOT's fake news
    such tokens are common (9,603 in 6,000 train articles, all but a few with the second word
    capitalised); as unknown words they were cased whole, and wrongly, as one name.  The second
    may be `i` or `a` (`like that.i am sure`, `one man s t-shirt.a vet`), and the first
    hyphenated."""
    head, dot, tail = w.partition(".")
    if not dot or len(head) < 2 or not head.replace("-", "").isalpha() or not tail.isalpha():
        return None
    if len(tail) < 2 and tail not in _ONE_LETTER_WORDS:
        return None
    if tail in _WEB_ENDINGS:
        return None
    if (head in lexicon or head in ambiguous) and (tail in lexicon or tail in ambiguous):
        return head, tail
    return None


def _neighbour(cased: Sequence[str], words: Sequence[str], j: int, first: int, lexicon: Mapping[str, list],
               ambiguous: Mapping, tag: str) -> tuple[str, str]:
    """(feature, class) of the word at j: as written when the lexicon knows it (the restorer has
    cased it by then), else only that it is unknown; `F` at the sentence start (where the capital
    says nothing), `P` for punctuation and numbers, `E` past either end."""
    if j < 0 or j >= len(words):
        return f"{tag}E", "E"
    x = words[j]
    if j == first:
        return f"{tag}F {x}", "F"
    if not any(c.isalpha() for c in x):
        return f"{tag}w {x}", "P"
    if x in lexicon or x in ambiguous:
        return f"{tag}w {cased[j]}", "l" if cased[j] == x else "C"
    return f"{tag}U", "U"


def features(cased: Sequence[str], words: Sequence[str], i: int, first: int, lexicon: Mapping[str, list],
             ambiguous: Mapping, prior: CasePrior | None = None) -> list[str]:
    """The features of the unknown word `words[i]` (lower case) away from the sentence start;
    `cased` holds its neighbours as written (training) or as restored so far (the stage).  With
    a `prior`, what an outside corpus says of the word (`caseprior.py`), alone and with the
    neighbours' classes."""
    w = words[i]
    prev, pc = _neighbour(cased, words, i - 1, first, lexicon, ambiguous, "p")
    nxt, nc = _neighbour(cased, words, i + 1, first, lexicon, ambiguous, "n")
    before = words[i - 2] if i >= 2 else "<s>"
    out = (["bias"] + [f"s:{f}" for f in shape_features(w)] + morphology(w, lexicon, ambiguous)
           + [prev, nxt, f"pc {pc}", f"nc {nc}", f"pn {pc}{nc}", f"pcs {pc} {w[-2:]}", f"ppw {before} {pc}"])
    if prior is not None:
        seen = prior.features(w)
        out += seen + [f"{seen[0]} {pc}{nc}"]
    return out
