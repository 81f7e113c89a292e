"""Spacing stage (detokenisation): `$ 900m ( 479m ) .` -> `$900m (479m).`

Decides only `space_after` on each token.  The rules follow how news is
typeset; `verify` then checks each sentence still tokenises back to its input
and, if not, falls back to plain spaces for that sentence, so a spacing rule
can cost beauty but never a word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Sentence, Token
from ..flatten import PTB_SPLIT_WORDS, fold, tokenize
from ..sentences import moses_prefix_forms, sentence_spans
from .acronyms import short_initials
from .constraints import give_back, lower_after_enders

STAGE = "spacing"
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "'s", "n't", "'re",
                             "'ve", "'ll", "'m", "'d", "'"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "#"})
_CURRENCY = frozenset({"$", "us$", "a$", "c$", "hk$", "s$"})
#: Written in capitals before `$` and an amount, these name the dollar: BBC's `A$68m`, `US$5bn`.
#: Moses splits `A$68m` into `A $ 68m`, so joining them flattens back to the same tokens.  At a
#: sentence start `A $5 fee` is the article, so only later in a sentence.
_DOLLAR_PREFIX = frozenset({"a", "us", "c", "hk", "s", "nz"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")        # 57.6, 1,000.5: Moses keeps these whole


def _space_sentence(sent: Sentence, profile: str) -> None:
    toks = sent.tokens
    dq_open = True
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None:
            tok.space_after = True
            continue
        if profile == "lower":
            continue                                   # the input's own spacing stands
        if tok.text == '"':                            # PTB with straight quotes: alternate
            if dq_open:
                tok.space_after = False
            elif i > 0:
                toks[i - 1].space_after = False
            dq_open = not dq_open
            continue
        if not tok.space_after:                        # joined by the apostrophe stage
            continue
        if profile == "ptb" and (tok.text, nxt.text) in PTB_SPLIT_WORDS:
            tok.space_after = False
        elif nxt.text in NO_SPACE_BEFORE and not (nxt.text == ":" and nxt.pre):
            tok.space_after = False
        elif tok.text in NO_SPACE_AFTER and not _two_openings(tok, nxt):
            tok.space_after = False
        elif tok.text in _CURRENCY and nxt.text[:1].isdigit():
            tok.space_after = False
        elif (tok.text.lower() in _DOLLAR_PREFIX and nxt.text == "$" and i > 0 and tok.out.isupper()
              and i + 2 < len(toks) and toks[i + 2].text[:1].isdigit()):
            tok.space_after = False
        elif tok.text == "<" and (j := _angle_close(toks, i)) is not None:
            tok.space_after = False                   # Reuters' ticker marks: `Bancshares Inc <TCB>`,
            toks[j - 1].space_after = False           # and names: `<Michaels Research Associates>`
        elif nxt.text == "/" or tok.text == "/":
            tok.space_after = False
        elif tok.text == "&" and i > 0 and _initial(toks[i - 1]) and _initial(nxt):
            tok.space_after = False                   # AT&T, S&P
            toks[i - 1].space_after = False
        elif tok.text == ":" and i > 0 and toks[i - 1].text.isdigit() and nxt.text.isdigit():
            tok.space_after = False
            toks[i - 1].space_after = False
    if toks and toks[-1].text == '"' and not dq_open and len(toks) > 1:
        toks[-2].space_after = False


#: Most words Reuters-21578 puts between angle brackets (`<Union Faith Canada Holding Ltd>`).
_MAX_ANGLE_WORDS = 6


def _angle_close(toks: list[Token], i: int) -> int | None:
    """Where the `>` closing the `<` at i is, when only words stand between them (`x < 5 and y >
    3` is no name)."""
    for j in range(i + 1, min(len(toks), i + _MAX_ANGLE_WORDS + 2)):
        if toks[j].text == ">":
            return j if j > i + 1 else None
        if not any(c.isalpha() for c in toks[j].text):
            return None
    return None


def _two_openings(tok: Token, nxt: Token) -> bool:
    """Two opening marks side by side (PTB `` `` ``): each follows a space (` " "word`), for the
    Treebank tokenizer reads a mark glued to a mark as closing."""
    return tok.text == "``" and nxt.text == "``"


def _initial(tok: Token) -> bool:
    return short_initials(tok.text.lower()) and tok.out.isupper()


def render_tokens(tokens: list[Token], ptb_marks: bool = False) -> str:
    """Tokens as text with their spacing; `ptb_marks` writes `` and '' as the quotation marks
    typography will make of them (what flattening will see)."""
    parts = []
    for tok in tokens:
        parts.append('"' if ptb_marks and tok.text in ("``", "''") else tok.rendered)
        if tok.space_after:
            parts.append(" ")
    return "".join(parts).rstrip()


def render_sentence(sent: Sentence) -> str:
    return render_tokens(sent.tokens)


def _same_tokens(got: list[str], want: list[str]) -> bool:
    """Whether re-tokenising gave the input tokens back, a quotation mark facing the same way:
    the Treebank tokenizer reads `"` as opening (`` `` ``) after a space or at the start, else as
    closing (`''`), so a mark the spacing put on the wrong side flattens to the other token
    (`comfortable . ``` at a sentence end, as some inputs have it).  A straight `"` in the input
    (PTB with straight quotes) matches either."""
    return len(got) == len(want) and all(
        g == w or (w == '"' and g in ("``", "''")) for g, w in zip(got, want))


def _space_around_periods(sent: Sentence) -> None:
    """The first fallback: the rules' spacing, but a space either side of every token with a
    period in it, where Moses re-splits differently (`home and... buys`, `(U.S.) 46.11`), so
    one ellipsis does not cost the sentence its apostrophes and commas.  Numbers (`57.6`) keep
    the rules' spacing: Moses never splits them."""
    toks = sent.tokens
    for i, tok in enumerate(toks):
        if "." in tok.text and not _NUMBER.fullmatch(tok.text):
            tok.space_after = True
            if i:
                toks[i - 1].space_after = True


def _minimal_spacing(sent: Sentence) -> None:
    """The fallback: a space between all tokens, but quotation marks still face their words."""
    toks = sent.tokens
    for tok in toks:
        tok.space_after = True
    for i, tok in enumerate(toks):
        if tok.text == "``" and i + 1 < len(toks) and not _two_openings(tok, toks[i + 1]):
            tok.space_after = False
        elif tok.text == "''" and i > 0:
            toks[i - 1].space_after = False


_NUMBER_OR_ACRONYM = re.compile(_NUMBER.pattern + r"|(?:[a-z]\.){2,}|[a-z]+(?:\.[a-z]+)+\.?")


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    return frozenset(moses_prefix_forms())


def _abbreviation_case(sent: Sentence) -> None:
    """Write a period-final abbreviation in the case Moses knows it by (`MM.`, not `mm.`),
    the only case in which flattening keeps its period attached, as the input had it."""
    forms = moses_prefix_forms()
    for tok in sent.tokens:
        form = forms.get(tok.text[:-1]) if tok.text.endswith(".") and len(tok.text) > 1 else None
        if form is not None and tok.out != form + ".":
            tok.change(form + ".", STAGE, f'written "{form}." so flattening keeps its period, as the input did', 0.6)


def needs_check(sent: Sentence, profile: str) -> bool:
    """Whether the spacing rules could re-tokenise differently here.

    In the stripped profile, Moses re-splits every mark the rules glue on, except around
    periods: `Jan.` stays whole after a known abbreviation, `pct.` before a lowercase word.
    Only sentences with such a period are re-tokenised to check (the rest are safe by
    construction, which Hypothesis tests in tests/test_roundtrip.py).
    """
    if profile != "stripped":
        return True
    toks = sent.tokens
    last = len(toks) - 1
    for i, tok in enumerate(toks):
        if "." not in tok.text:
            continue
        if tok.text == "." and i == last and (i == 0 or ("." not in toks[i - 1].text
                                                         and toks[i - 1].text not in _prefixes())):
            continue            # Moses splits a final period off any word but `Jan`, `u.s`, `site.com`
        if _NUMBER_OR_ACRONYM.fullmatch(tok.text):
            continue
        return True
    return False


def verify(sent: Sentence, profile: str, retokenize: bool = True, one_line: bool = True,
           title: bool = False) -> bool:
    """Whether the rendered sentence flattens back to exactly its input tokens, and (`one_line`)
    to one line.  A title is one line that flattening tokenises but never cuts into sentences
    (`Krzyzewski wins No. 700`); lines another splitter cut (`parse`: the document's `own_lines`)
    need not stay whole: it kept `on jan. 6` in one line, where ours breaks in any case, and
    falling back to a space between every token for it would cost the sentence its commas and
    apostrophes (`it ’s ready , and`) and avoid nothing."""
    text = fold(render_tokens(sent.tokens, ptb_marks=True), profile)
    spans = [(0, len(text))] if title else sentence_spans(text)
    if one_line and len(spans) > 1:
        return False            # flattening would cut this line in two: `(U.S.) 3-6` -> `(U.S. ) 3-6`
    if not retokenize:
        return True
    # flattening tokenises each sentence it cuts apart: a period ending one may come off (`Ms .`)
    got = [t.lower() for a, b in spans for t in tokenize(text[a:b], profile)]
    return _same_tokens(got, [t.text for t in sent.tokens])


def _undo_constraints(doc: Document, sent: Sentence) -> None:
    """Give back capitals the constraint stage removed (Moses keeps `Jan.` whole, not `jan.`)."""
    mine = {id(t) for t in sent.tokens}
    give_back([r for r in doc.meta.get("constraint_undo", []) if id(r[0]) in mine])


def apply(doc: Document, check: bool = True) -> Document:
    own_lines = doc.meta.get("own_lines", True)
    for sent in doc.all_sentences():
        _space_sentence(sent, doc.profile)
        title = sent is doc.title

        def verified(retokenize: bool = True) -> bool:
            return verify(sent, doc.profile, retokenize, own_lines and not title, title)

        if not check or doc.profile == "lower" or verified(needs_check(sent, doc.profile)):
            continue
        if not own_lines:
            # in lines another splitter cut, a capital after `Ms.` may cut the sentence where the
            # tokenizer then splits the period off: lowered, as the constraint stage does in
            # ours, where that brings the tokens back (else the capitals are given back)
            lowered = lower_after_enders(sent, title, "and the period would come off")
            if lowered and verified():
                continue
            give_back(lowered)
        _space_around_periods(sent)
        if not verified():
            _minimal_spacing(sent)
        if not verified():
            _undo_constraints(doc, sent)
        if not verified():
            _abbreviation_case(sent)
        if not verified():
            for tok in sent.tokens:
                tok.conf = min(tok.conf, 0.5)
            doc.meta.setdefault("unverified_sentences", []).append(render_sentence(sent))
    return doc
