"""Gold annotations for training: what flattening removed, token by token.

Real cased text is flattened exactly as `newsrestore.flatten` does it, but each
stripped token keeps its cased form and the marks that stood around it
(apostrophes and quotation marks), found by locating the tokens back in the
text.  These are the labels the models learn to put back.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..flatten import tokenize
from ..sentences import sentence_spans
from ..text import collapse_spaces, fold_ascii, straighten_quotes


@dataclass(slots=True)
class GoldToken:
    cased: str
    join_apos: bool = False     # an apostrophe joins it to the next token: Myanmar|’|s, couldn|’|t, O|’|Brien
    trail_apos: bool = False    # an apostrophe follows it, then a space: countries’
    quote_before: bool = False  # a double quotation mark opens before it
    quote_after: bool = False   # a double quotation mark closes after it


@dataclass(slots=True)
class GoldSentence:
    tokens: list[GoldToken]
    paragraph_start: bool = False
    line_start: bool = False        # starts a new line in the source (a hard boundary)
    words: list[str] = field(default_factory=list)


def _locate(tokens: list[str], text: str) -> list[tuple[int, int]] | None:
    spans, pos = [], 0
    for t in tokens:
        i = text.find(t, pos)
        if i < 0:
            return None
        spans.append((i, i + len(t)))
        pos = i + len(t)
    return spans


def _annotate(sentence: str) -> list[GoldToken] | None:
    """Tokens of one sentence whose quotes are ASCII, with the marks around each."""
    stripped = sentence.replace("'", " ").replace('"', " ")
    toks = tokenize(stripped, "stripped")
    spans = _locate(toks, stripped)
    if spans is None:
        return None
    out = [GoldToken(t) for t in toks]
    ends = {b: k for k, (a, b) in enumerate(spans)}
    starts = {a: k for k, (a, b) in enumerate(spans)}
    n = len(sentence)
    for p, c in enumerate(sentence):
        if c not in "'\"":
            continue
        lo = p - 1
        while lo >= 0 and sentence[lo] in "'\"":
            lo -= 1
        hi = p + 1
        while hi < n and sentence[hi] in "'\"":
            hi += 1
        before = sentence[lo] if lo >= 0 else " "
        after = sentence[hi] if hi < n else " "
        prev_tok = ends.get(lo + 1)
        next_tok = starts.get(hi)
        if c == "'":
            if before.isalnum() and after.isalnum() and hi == p + 1 and prev_tok is not None:
                out[prev_tok].join_apos = True
            elif before in "sSzZ" and prev_tok is not None and not after.isalnum() and lo == p - 1:
                out[prev_tok].trail_apos = True
        elif next_tok is not None and (before.isspace() or lo < 0 or before in "([") and not after.isspace():
            out[next_tok].quote_before = True
        elif prev_tok is not None:
            out[prev_tok].quote_after = True
    return out


def gold_sentences(text: str) -> list[GoldSentence]:
    """Sentences of a cased article as flattening cuts them, annotated for training."""
    out: list[GoldSentence] = []
    paragraphs = [p for p in text.replace("\r", "\n").split("\n\n") if p.strip()]
    for para in paragraphs:
        first_in_para = True
        for line in para.split("\n"):
            line = collapse_spaces(fold_ascii(straighten_quotes(line)))
            if not line:
                continue
            first_in_line = True
            stripped = line.replace("'", " ").replace('"', " ")
            prev_end = 0
            for a, b in sentence_spans(stripped):
                while b < len(line) and line[b] in "'\"":
                    b += 1
                while a > prev_end and line[a - 1] in "'\"":
                    a -= 1
                prev_end = b
                toks = _annotate(line[a:b].strip())
                if toks:
                    out.append(GoldSentence(toks, paragraph_start=first_in_para, line_start=first_in_line,
                                            words=[t.cased.lower() for t in toks]))
                    first_in_para = first_in_line = False
    return out


def is_word(tok: str) -> bool:
    return tok.isalpha() or any(c.isalpha() for c in tok)


def first_word(tokens: Iterable[str]) -> int:
    """The index of a sentence's first word or number (its start, where a capital says nothing of
    the word), or -1 when it has none.  A number counts: in `6 people were hurt` the capital
    that starts the sentence is the number's, and `people` is written as mid-sentence.  The
    truecase stage and the models trained on cased text read the start here alike."""
    for i, t in enumerate(tokens):
        if t.isalnum() or any(c.isalnum() for c in t):
            return i
    return -1


def capitals(tok: str) -> bool:
    return len(tok) >= 2 and tok.isalpha() and tok.isupper()


def in_capital_run(toks, i: int) -> bool:
    """`NEW YORK`, `WHITE HOUSE`: capitals beside capitals are a headline, not acronyms."""
    if not capitals(toks[i].cased):
        return False
    return (i > 0 and capitals(toks[i - 1].cased)) or (i + 1 < len(toks) and capitals(toks[i + 1].cased))


def is_shouting(toks) -> bool:
    """Headlines and rants in capitals teach nothing about case: `FBI DIRECTOR FIRED`."""
    caps = sum(1 for t in toks if len(t.cased) >= 3 and t.cased.isupper() and t.cased.isalpha())
    return caps >= 3 or (caps >= 1 and caps * 2 >= sum(1 for t in toks if is_word(t.cased)))
