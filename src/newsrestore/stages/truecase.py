"""True-case stage: names, titles, acronyms and sentence starts.

Three sources of evidence, cheapest first: the lexicon (how a word is written
away from sentence starts in the training text), a logistic model over the
neighbours for the words whose case depends on use (`house speaker` vs `the
White House`, `casemodel.py`), and, for words never seen, a logistic model over
their spelling, what the lexicon says of their stem, and their neighbours as
cased so far (`unknownmodel.py`: `Jim Inhofe`, but `was renominating`).  Unknown
words are then made consistent across the document, since a name is written
one way throughout.
A sentence's first word takes a capital, unless training text opened sentences
with it and the next word otherwise (`NOTE:` under a table; the `initial` table).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..casemodel import END, UNKNOWN, CaseContext, features
from ..document import Document, Sentence, Token
from ..flatten import PTB_SPLIT_WORDS
from ..housestyle import outlet
from ..model import Model
from ..sentences import is_abbreviation
from ..text import capitalize_first
from ..train.build import opening_key
from ..train.case import case_context
from ..train.gold import first_word, is_word
from ..unknownmodel import features as unknown_features
from ..unknownmodel import glued, shape_features

STAGE = "truecase"


def _upper_prob(model: Model, w: str) -> float:
    """For an unknown capitalised word: an acronym (`RDIF`) rather than a name (`Rosneft`)?"""
    if len(w) < 2 or not w.isalpha():
        return 0.0
    score = model.upper_prior + sum(model.upper_llr.get(f, 0.0) for f in shape_features(w))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


#: The Arabic article before a hyphen stays lower case mid-sentence: `al-Assad`, `al-Qaeda`
#: (951 times of 1,094 in train articles of the news corpora; `Al-` 143).  Alone, `al` is a coin
#: flip in the lexicon (`Al` 50%), and an unknown `al-houni` would otherwise become `Al-Houni`.
_LOWER_PREFIXES = frozenset({"al"})


def _hyphenated(forms: list[str]) -> str:
    """The parts of a hyphenated word joined, the first kept lower case if it is `al`."""
    if forms[0].lower() in _LOWER_PREFIXES:
        forms = [forms[0].lower()] + forms[1:]
    return "-".join(forms)


def _title(w: str) -> str:
    if w.startswith("mc") and len(w) > 4 and w.isalpha():
        return "Mc" + w[2:].capitalize()              # McCausland, McGregor
    if "-" not in w:
        return capitalize_first(w)
    return _hyphenated([p[:1].upper() + p[1:] for p in w.split("-")])


#: The case network's share of the probability a word whose case depends on use is written with
#: (`casenet.py`: the network's shares 0.35 and 0.6 made more errors on held-out train articles).
NET_WEIGHT = 0.5
#: Where the case model is this sure (P under it, or over 1 - it), the network is not asked: the
#: mean could then cross 0.5 only if the network were as sure the other way.  Most uses are such
#: (`the`, `of`); not asking there made restoring 5-10% faster, for 4 more case errors in 5,188
#: on held-out train articles (`scripts/heldout_case.py --casenet`).
NET_SKIP = 0.01


class _Use(NamedTuple):
    """A use of a word whose case depends on use, waiting for the case network's batch."""

    tok: Token
    start: bool              # the sentence's first word: capitalised whatever the models say
    dist: dict[str, int]
    ctx: CaseContext
    p: float                 # the logistic case model's P(a capital)
    before: str              # the words either side, as the reason quotes them
    after: str


def _tentative(w: str, dist: dict[str, int], p: float) -> str:
    return max((f for f in dist if f != w), key=dist.__getitem__) if p >= 0.5 else w


def _decide_contextual(model: Model, uses: list[_Use]) -> None:
    """Case an article's words whose case depends on use: the mean of the logistic model's and
    the case network's P(a capital) (`casenet.py`), a capital from 0.5; the logistic model's alone
    where it is 99% sure (`NET_SKIP`), at a sentence's first word, for a word the network was not
    trained on, and when the model file has no network.  Although most of the errors are capitals
    missed, a lower cut made more errors on held-out train articles (`scripts/heldout_case.py`,
    logistic model alone: 5,550 at 0.5, 5,616 at 0.45, 5,684 at 0.4, 5,576 at 0.55).  The network reads the whole
    article's uses in one batch, after the logistic model has cased them left to right (its `prev`
    feature needs the word before as written)."""
    net_p: dict[int, float] = {}
    if model.casenet is not None:
        rows, at = [], []
        for k, use in enumerate(uses):
            row = None if use.start or not NET_SKIP < use.p < 1 - NET_SKIP else model.casenet.row(use.ctx)
            if row is not None:
                rows.append(row)
                at.append(k)
        if rows:
            net_p = dict(zip(at, model.casenet.probabilities(rows).tolist()))
    for k, use in enumerate(uses):
        w, dist = use.ctx.w, use.dist
        q = net_p.get(k)
        p = use.p if q is None else (1 - NET_WEIGHT) * use.p + NET_WEIGHT * q
        form = _tentative(w, dist, p)
        conf = p if p >= 0.5 else 1 - p
        if use.start and capitalize_first(form) != form:
            form, reason, conf = capitalize_first(form), "sentence start", max(conf, 0.99)
        elif form == use.tok.out:
            reason = ""                  # nothing changes, so no reason is kept (`Token.change`)
        else:
            how = "" if q is None else f"; case model {use.p:.0%}, network {q:.0%}"
            around = " ".join(x for x in (use.before, w, use.after) if x)
            reason = (f'context: "{form}" in "{around}" ({conf:.0%}{how}; the word is written so in '
                      f'{dist.get(form, 0)} of {sum(dist.values())} training occurrences overall)')
        use.tok.change(form, STAGE, reason, conf)


def _shape_prob(model: Model, w: str, next_cap: bool) -> float:
    """P(a name) from the spelling and the next word, for an unknown word opening a sentence,
    where the unknown-word model, trained away from sentence starts, does not apply."""
    score = model.shape_prior + sum(model.shape_llr.get(f, 0.0) for f in shape_features(w)) + 1.0 * next_cap
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=200_000)
def case_known(model: Model, w: str) -> tuple[str, float, str] | None:
    """Case a word the lexicon knows (or whose hyphen parts it knows) in its commonest form
    (words whose case depends on use go to `_contextual` first).  Cached: a few thousand words
    make most of any news text."""
    entry = model.lexicon.get(w)
    if entry is not None:
        form, p, n = entry
        return form, p, f'lexicon: "{w}" written "{form}" in {p:.1%} of {n} training occurrences'
    if "'" in w.strip("'"):                    # lower profile: china's, o'brien, don't
        head, _, tail = w.partition("'")
        first = case_known(model, head)        # the head alone: its lexicon form
        rest = tail if tail in {"s", "t", "re", "ve", "ll", "m", "d"} else _title(tail) if head == "o" else tail
        if first is not None:
            return f"{first[0]}'{rest}", first[1], first[2]
        return None
    if "-" in w:
        parts = w.split("-")
        known = [model.lexicon.get(p) for p in parts]
        if all(k is not None or not is_word(p) for k, p in zip(known, parts)):
            # each part as hyphenated words write it there (`co-pays`, though `Co` alone)
            forms = [model.hyphen_part(p, j == 0) or (k[0] if k is not None else p)
                     for j, (k, p) in enumerate(zip(known, parts))]
            conf = min((k[1] for k in known if k is not None), default=1.0)
            form = _hyphenated(forms)
            return form, conf, f'lexicon: hyphen parts written "{form}"'
    return None


def _glued_sentences(model: Model, w: str) -> tuple[str, float, str] | None:
    """`expect.what` -> `expect.What`: a full stop that lost its space ends one sentence and the
    next starts with a capital (`unknownmodel.glued`)."""
    parts = glued(w, model.lexicon, model.ambiguous)
    if parts is None:
        return None
    head, tail = (model.lexicon[p][0] if p in model.lexicon else p for p in parts)
    return (f"{head}.{capitalize_first(tail)}", 0.9,
            f'two sentences run together: "{w}" ends one and starts the next')


#: Quotation marks as tokens: the lower profile keeps straight ones, PTB writes `` and ''.
_QUOTE_TOKENS = frozenset({'"', "``", "''"})
#: The stage of `_unquoted`'s stand-ins: cased by no stage, read only as neighbours.
_STAND_IN = "stand-in"


def _unquoted(sent: Sentence) -> tuple[list[Token], list[str]]:
    """A sentence's tokens as the case models read their training text, flattened, and their
    words in lower case: without its quotation marks (`added : " we are` is cased as `added : we
    are`, where the models learned the capital; 100 dev articles each of five news corpora:
    case_acc 98.07 -> 98.11 in the lower profile, 98.10 -> 98.14 in PTB), and a word the lower
    profile keeps whole round an apostrophe (`china's`) read as the word (`china`) then the piece
    flattening splits off (`s`), a stand-in that only the words around read."""
    toks = sent.tokens
    if not any(t.text in _QUOTE_TOKENS or _inner_apostrophe(t.text) for t in toks):
        return toks, [t.text.lower() for t in toks]
    out: list[Token] = []
    words: list[str] = []
    for t in toks:
        if t.text in _QUOTE_TOKENS:
            continue
        if _inner_apostrophe(t.text):
            head, *rest = t.text.lower().split("'")
            out += [t, *(Token(p, stage=_STAND_IN) for p in rest if p)]
            words += [head or t.text.lower(), *(p for p in rest if p)]
        else:
            out.append(t)
            words.append(t.text.lower())
    return out, words


def _shown(toks: list[Token], written: list[str], k: int) -> str:
    """The word before as a reason quotes it, as written so far: the whole word for a stand-in
    (`China's`, not `s`)."""
    while k >= 0 and toks[k].stage == _STAND_IN:
        k -= 1
    return written[k] if k >= 0 else ""


def _inner_apostrophe(text: str) -> bool:
    """`china's`, `o'brien` (the lower profile); not PTB's `n't`, a token of its own there."""
    return "'" in text.strip("'") and text != "n't"


class _Unknowns(NamedTuple):
    """A sentence's unknown words, left for when their neighbours are cased: the sentence as the
    models read it (`_unquoted`), its words in lower case, its first word and where they are."""

    toks: list[Token]
    words: list[str]
    first: int
    at: list[int]


def _case_sentence(model: Model, sent: Sentence, uses: list[_Use], source: str = "",
                   own_lines: bool = True) -> _Unknowns:
    """Case a sentence's words the lexicon knows; words whose case depends on use go to `uses`
    (cased tentatively for their neighbours' sake); returns where the unknown words are."""
    toks, words = _unquoted(sent)
    written = [t.out for t in toks]   # as cased so far: the case model reads the word before so
    first = first_word(words)         # its first word or number: after `6`, `and` stays lowercase
    pending: list[int] = []
    for i, tok in enumerate(toks):
        w = tok.text
        if not is_word(w) or w != w.lower() or w[0] == "'" or w == "n't" or tok.stage == _STAND_IN:
            continue            # punctuation, already cased, a PTB clitic ('s, n't) or a stand-in
        if i == first:
            opening = model.initial.get(opening_key(w, words[i + 1] if i + 1 < len(words) else END))
            if opening is not None:
                form, k, n = opening
                tok.change(form, STAGE, f'sentence start: "{" ".join(words[i:i + 2])}" opens a sentence '
                           f'as "{form}" in {k} of {n} training sentences', k / n)
                written[i] = tok.out
                continue
        dist = model.ambiguous.get(w)
        if dist is not None and w in dist:
            before = written[i - 1] if i else ""
            ctx = case_context(before, words, i, first, model.lexicon, model.ambiguous, source)
            if not own_lines and i and is_abbreviation(words[i - 1]):
                # our splitter cut the training text after `U.S.` before every capital, so the
                # case models learned only lower case there; in lines another splitter cut
                # (`U.S. Congress`) the word is cased as after an unknown word instead: over 400
                # dev articles given one a line, 4% fewer case errors.  Also when the
                # abbreviation opens the sentence, as after a dateline (`- U.S. President
                # Donald Trump`): over 120 train articles of isot_true given one a line, case
                # accuracy 99.26 -> 99.31
                ctx = ctx._replace(prev=UNKNOWN, prev_cap=False)
            p = model.case.probability(features(ctx))
            after = toks[i + 1].text if i + 1 < len(toks) and toks[i + 1].stage != _STAND_IN else ""
            uses.append(_Use(tok, i == first, dist, ctx, p, _shown(toks, written, i - 1), after))
            form = _tentative(w, dist, p)
            written[i] = capitalize_first(form) if i == first else form
            continue
        known = case_known(model, w)
        if known is None and any(c.isdigit() for c in w):
            known = (w, 0.9, "")          # 479m, 2b, f16: units and codes stay as written
        if known is None:
            known = _glued_sentences(model, w)
        if known is None:
            pending.append(i)
            continue
        form, conf, reason = known
        if i == first:
            cap = capitalize_first(form)
            if cap != form:
                form, reason, conf = cap, "sentence start", max(conf, 0.99)
        tok.change(form, STAGE, reason, conf)
        written[i] = tok.out
    return _Unknowns(toks, words, first, pending)


def _case_unknown(model: Model, pending: _Unknowns, unknown: dict[str, list[tuple[Token, float]]]) -> None:
    """The unknown words of a sentence, once their neighbours are cased."""
    toks, words, first = pending.toks, pending.words, pending.first
    cased = [t.out for t in toks]
    for i in pending.at:
        tok = toks[i]
        if i == first:                   # capitalised either way: the doubt is whether it is an acronym
            next_cap = i + 1 < len(toks) and toks[i + 1].out[:1].isupper()
            acronym_p = _shape_prob(model, tok.text, next_cap) * _upper_prob(model, tok.text)
            acronym = acronym_p >= 0.5
            tok.change(tok.text.upper() if acronym else capitalize_first(tok.text), STAGE,
                       "sentence start" + (", an unknown word spelt like an acronym" if acronym else ""),
                       max(acronym_p, 1 - acronym_p))
        else:
            p = model.unknown.probability(unknown_features(cased, words, i, first, model.lexicon, model.ambiguous,
                                                           model.case_prior))
            unknown[tok.text].append((tok, p))


def _resolve_unknown(model: Model, unknown: dict[str, list[tuple[Token, float]]]) -> None:
    """One decision per unknown word per document: names are written one way throughout."""
    for w, occurrences in unknown.items():
        p = sum(q for _, q in occurrences) / len(occurrences)
        cap = p >= 0.5
        u = _upper_prob(model, w) if cap else 0.0
        upper = u >= 0.5
        form = w.upper() if upper else _title(w) if cap else w
        # a capital, and then an acronym or not: `Rdif` for RDIF was the commonest confident error
        conf = p * max(u, 1 - u) if cap else 1 - p
        what = "an acronym" if upper else "a name"
        reason = (f'unknown word; its spelling and neighbours suggest {what} ({p:.0%}'
                  f'{", over " + str(len(occurrences)) + " uses" if len(occurrences) > 1 else ""})')
        for tok, _ in occurrences:
            tok.change(form, STAGE, reason, conf)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Words a place name in an RCV1 dateline line may have.
_MAX_DATELINE_WORDS = 4


def _rcv1_dateline(sent: Sentence) -> None:
    """`LONDON 1996-08-22`: the dateline line of Reuters' RCV1 corpus (and of CoNLL-2003, made
    from it) writes its place in capitals: 826 of the 826 such lines in train text.  Only plain
    words are written so (`ST. LOUIS` would flatten to other tokens)."""
    toks = sent.tokens
    if not 2 <= len(toks) <= _MAX_DATELINE_WORDS + 1 or not _ISO_DATE.fullmatch(toks[-1].text):
        return
    if not all(t.text.replace("-", "").isalpha() for t in toks[:-1]):
        return
    for tok in toks[:-1]:
        tok.change(tok.text.upper(), STAGE, "a dateline line (`LONDON 1996-08-22`): its place in capitals, "
                   "as in all 826 such lines of the training text", 0.99)


def _after_a_dateline(doc: Document) -> None:
    """`san jose ( ebay ) - shares rose`: a dateline the header did not take still ends where
    the sentence starts, so the word after its dash takes a capital, and a listed agency's city
    is written as the header would write it (`NEW YORK (AP) --`; `dateline.apply` says where)."""
    end = doc.meta.get("body_start")
    toks = doc.sentences[0].tokens
    if end is None or end >= len(toks):
        return
    for tok, form in zip(toks, doc.meta.get("body_city", ())):
        if form != tok.out and form.lower() == tok.text.lower():
            tok.change(form, STAGE, "the place of a dateline the header could not take", 0.95)
    while end + 1 < len(toks) and toks[end].text == "-":     # the lower profile reads `--` as two dashes
        end += 1
    tok = toks[end]
    if is_word(tok.text):
        tok.change(capitalize_first(tok.out), STAGE, "sentence start, after a dateline", tok.conf)


def _ptb_split_words(sent: Sentence) -> None:
    """`gon na`, `can not`: one word the PTB tokenizer split, cased as one (`gonna`, not the
    `GonNA` its halves get from the lexicon's `Gon` and `NA`)."""
    toks = sent.tokens
    first = first_word([t.text for t in toks])
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if (a.text, b.text) in PTB_SPLIT_WORDS:
            start = i == first
            a.change(capitalize_first(a.text.lower()) if start else a.text.lower(), STAGE,
                     f'"{a.text} {b.text}": one word the PTB tokenizer split', a.conf)
            b.change(b.text.lower(), STAGE, f'"{a.text} {b.text}": one word the PTB tokenizer split', a.conf)


def apply(doc: Document, model: Model) -> Document:
    unknown: dict[str, list[tuple[Token, float]]] = defaultdict(list)
    source = outlet(doc, model)             # the agency the dateline names, else the style it reads like
    uses: list[_Use] = []
    own_lines = doc.meta.get("own_lines", True)
    pending = [_case_sentence(model, sent, uses, source, own_lines) for sent in doc.all_sentences()]
    _decide_contextual(model, uses)
    for sentence in pending:
        if sentence.at:
            _case_unknown(model, sentence, unknown)
    _resolve_unknown(model, unknown)
    _after_a_dateline(doc)
    for sent in doc.sentences:
        _rcv1_dateline(sent)
    if doc.profile == "ptb":
        for sent in doc.all_sentences():
            _ptb_split_words(sent)
    return doc
