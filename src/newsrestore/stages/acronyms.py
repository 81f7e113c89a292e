"""Acronym stage: a name spelt out, then its acronym.

`the financial action task force ( fatf ) said` (or Reuters' `the multilateral
investment fund , or mif , created`) is one place where flattened text says
outright how words are written: when the letters in the brackets (or after
`, or`) are the initials of the words before them, they make an
acronym (FATF) and those words are the name it stands for (Financial Action
Task Force).  Word by word, the truecase stage cannot see that: `fatf` is an
unknown word that looks like a name (`Fatf`), and `task force` is usually
lower case.  So the acronym is written in capitals and, when the lexicon
does not know it, so is every other use of it, and its words get capitals.
A word the lexicon writes in lower case (`who`, `bpd`) is an acronym only
after words cased as a name (`World Health Organization ( WHO )` but `barrels
per day ( bpd )`), and only there.  Short words joined by `&` (`at & t`, `s &
p`) are initials too: AT&T, S&P.
When the lexicon knows the acronym (`gross domestic product ( gdp )`, `united
states ( us )`), its words are left to the case model, which learned them: in
train articles such words were capitalised only 73% of the time.
"""
from __future__ import annotations

from ..document import Document, Token
from ..model import Model
from ..text import capitalize_first

STAGE = "acronyms"
#: Words a name may hold without giving the acronym a letter (`Office of the Deputy Prime Minister`).
FUNCTION_WORDS = frozenset("of and for the on in to at de du la el al a an &".split())
#: Pieces of a word flattening split off (`women s tennis association ( wta )`): skipped, never a letter.
CLITICS = frozenset("s t".split())
MIN_LETTERS, MAX_LETTERS = 2, 8
#: Share of such definitions in train articles whose acronym was in capitals (of those this
#: stage acts on), and whose spelt-out words were capitalised (of those whose acronym the
#: lexicon does not know), printed by `scripts/acronym_stats.py`: each change's confidence.
ACRONYM_CONF, NAME_CONF = 0.90, 0.85


def spelled_out(words: list[str], acronym: str) -> list[int] | None:
    """Positions in `words` (the words before the bracket, or before `, or`) whose initials
    spell `acronym`, ending at the last word; function words between them may be skipped.
    None if they do not."""

    def match(i: int, k: int) -> list[int] | None:
        if k < 0:
            return []
        if i < 0 or not words[i][:1].isalpha():
            return None
        w = words[i].lower()
        if w in CLITICS and k < len(acronym) - 1:
            return match(i - 1, k)
        if w[0] == acronym[k]:
            rest = match(i - 1, k - 1)
            if rest is not None and (k or w not in FUNCTION_WORDS):   # a name opens with a word of its own
                return rest + [i]
        if w in FUNCTION_WORDS and k < len(acronym) - 1:             # the last word is never skipped
            return match(i - 1, k)
        return None

    return match(len(words) - 1, len(acronym) - 1)


def writes_in_capitals(model: Model, w: str) -> bool:
    """Whether an acronym defined in the text is for this stage to write in capitals: yes when
    the lexicon does not know the word (`fatf`) or its case depends on use and one use is the
    acronym (`us`/US); no when the lexicon writes it one way (`GDP`, `Nato`, and lower-case
    words such as `who` and `bpd`, for which see `_named`), which it learned from more uses
    than this article has."""
    dist = model.ambiguous.get(w)
    if dist is not None:
        return w.upper() in dist
    return w not in model.lexicon


#: What may follow `words , or acronym`: the phrase ends there (`the fund, or RDIF, met`).
_AFTER_OR = frozenset({",", ".", ")", ";", ":"})


def definitions(words: list[str]) -> list[tuple[list[int], int]]:
    """(positions of the spelt-out words, position of the acronym) of every definition in one
    sentence's tokens (`words` as written; the acronym must be a lower-case word): `words (
    acronym )`, and Reuters' `words , or acronym ,` (`the Russian Direct Investment Fund, or
    RDIF,`)."""
    out = []
    for k in range(2, len(words) - 1):
        w = words[k]
        if not (w.isalpha() and w.islower() and MIN_LETTERS <= len(w) <= MAX_LETTERS):
            continue
        if words[k - 1] == "(" and words[k + 1] == ")":
            end = k - 1
        elif words[k - 1] == "or" and words[k - 2] == "," and words[k + 1] in _AFTER_OR:
            end = k - 2
        else:
            continue
        start = max(0, end - 3 * len(w))
        found = spelled_out(words[start:end], w)
        if found is not None:
            out.append(([start + i for i in found], k))
    return out


def _definitions(doc: Document) -> list[tuple[list[Token], Token]]:
    """(the spelt-out words, the acronym token) of every definition in the article."""
    out = []
    for sent in doc.all_sentences():
        toks = sent.tokens
        for name, k in definitions([t.text for t in toks]):
            out.append(([toks[i] for i in name], toks[k]))
    return out


def lexicon_writes_lower(model: Model, w: str) -> bool:
    """Whether the lexicon knows `w` and writes it in lower case (`who`, `is`, `bpd`)."""
    entry = model.lexicon.get(w)
    return entry is not None and entry[0] == w


def _named(model: Model, name: list[Token], w: str) -> bool:
    """Whether a word the lexicon writes in lower case (`who`, `is`, `bpd`) is an acronym here:
    the words it spells were cased as a name (`World Health Organization ( who )`, not `barrels
    per day ( bpd )`).  In train articles such an acronym was in capitals after a name 53 times
    of 53, and 2 of 41 otherwise."""
    return lexicon_writes_lower(model, w) and all(
        t.out[:1].isupper() for t in name if t.text.lower() not in FUNCTION_WORDS)


#: Share of `x & y` with one- or two-letter words either side (`AT&T`, `S&P`, `M&A`) written
#: in capitals in train articles of the news corpora: 265 of 276 (an ad-hoc count).
AMPERSAND_CONF = 0.95


def _ampersands(doc: Document) -> None:
    """`at & t`, `s & p`: short words joined by `&` are initials, written in capitals (the
    spacing stage joins them)."""
    for sent in doc.all_sentences():
        toks = sent.tokens
        for k in range(1, len(toks) - 1):
            if toks[k].text != "&" or not short_initials(toks[k - 1].text):
                continue
            if not short_initials(toks[k + 1].text):
                continue
            for tok in (toks[k - 1], toks[k + 1]):
                tok.change(tok.text.upper(), STAGE, "initials joined by &: AT&T, S&P", AMPERSAND_CONF)


def short_initials(w: str) -> bool:
    """Whether a word could be initials beside `&` (`at`, `t`, `s`, `p`): one or two
    lower-case letters."""
    return len(w) <= 2 and w.isalpha() and w.islower()


def apply(doc: Document, model: Model) -> Document:
    _ampersands(doc)
    for name, acronym in _definitions(doc):
        w = acronym.text
        spelt = " ".join(t.text for t in name)
        reason = f'acronym: "{w}" spells the initials of "{spelt}" before it'
        if not writes_in_capitals(model, w):
            if _named(model, name, w):            # this use only: elsewhere `who` is likely the word
                acronym.change(w.upper(), STAGE, reason + ", a name", ACRONYM_CONF)
            continue
        acronym.change(w.upper(), STAGE, reason, ACRONYM_CONF)
        if w in model.lexicon:
            continue        # `gross domestic product ( gdp )`: the words' case is the case model's call
        for tok in doc.tokens():                 # an unknown word: the same acronym all through
            if tok.text == w and tok is not acronym:
                tok.change(w.upper(), STAGE, reason, ACRONYM_CONF)
        for tok in name:
            if tok.text == tok.text.lower():                # words the input cased stay as they came
                tok.change(capitalize_first(tok.out), STAGE,
                           f'a name: its initials spell the acronym "{w.upper()}" after it', NAME_CONF)
    return doc
