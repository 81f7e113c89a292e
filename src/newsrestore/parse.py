"""First stage: read flattened input into a `Document`.

Detects the input profile, the optional title (first line followed by a blank
line) and keeps blank lines as paragraph hints.  Everything here is about
structure; no token is changed.
"""
from __future__ import annotations

import re
from datetime import date as Date, datetime

from .document import Document, Sentence, Token
from .errors import InputError
from .flatten import LAYOUTS, PROFILES
from .sentences import cut_elsewhere, holds_sentences, line_breaks, pieces, straight_quote_sides
from .text import normalize_newlines

MAX_LINE_CHARS = 1_000_000       # one flattened sentence longer than this is not a sentence
_PTB_RE = re.compile(r"(?:^| )(?:``|''|'s|n't|'re|'ll|'ve|'m|'d)(?= |$)", re.M)
_SPACED_PUNCT_RE = re.compile(r" [,.;:?!)] | [,.?!]$| \( ", re.M)
#: Punctuation glued to a word, which tokens never have: a comma (`monday,`), a full stop ending a
#: line after a word (`faults.`; not `u.s.`, which ends a stripped line too), a bracket
#: (`(reuters)`).  Short running text often has only the last two: 121 of 3,824 articles of the
#: corpora flattened to the lower profile were read as tokens with the comma alone, 49 with
#: all three (tables with no punctuation at all, where the two profiles split alike), and no
#: stripped or PTB article was read as running text either way.
_GLUED_PUNCT_RE = re.compile(r"[a-z][,;:] |[a-z]{2}[.?!]$|\([a-z0-9]|[a-z0-9]\)", re.M)
#: A line where a sentence may end inside (`sentences.line_breaks`) or that our splitter would
#: have cut (`sentences.cut_elsewhere`): only these are looked at token by token.
_INNER_MARK = re.compile(r"[.?!][\"')\]]*\s+\S")          # `won." he`: a closing mark between
_LOWER_WORD_RE = re.compile(r"(?:[a-z]\.){2,}|[\w$£€%&@#]+(?:[-.'/][\w]+)*|\S")


def detect_profile(text: str) -> str:
    """Guess the flattening profile from the text itself: PTB by its marks and clitics, the
    stripped profile by punctuation standing apart, running text (the lower profile) by
    punctuation glued to a word (`on monday, traders said.`), which tokens never have, where it
    is the commoner, or by quotes and apostrophes."""
    sample = text[:20000]
    if _PTB_RE.search(sample):
        return "ptb"
    spaced, glued = len(_SPACED_PUNCT_RE.findall(sample)), len(_GLUED_PUNCT_RE.findall(sample))
    if spaced > glued:          # a source's own slip (`compensation" .`) does not outweigh the rest
        return "stripped"
    if glued or re.search(r"['\"]", sample):
        return "lower"
    return "stripped"


def parse_date(value: str | Date | None) -> Date | None:
    """Any common way of writing a date (`November 24, 2017 `, `2017-11-24`, `24/11/2017`)."""
    if value is None or isinstance(value, Date):
        return value if not isinstance(value, datetime) else value.date()
    value = str(value).strip()
    if not value:
        return None
    from dateutil import parser as dateparser
    try:
        return dateparser.parse(value, dayfirst=False, fuzzy=False).date()
    except (ValueError, OverflowError) as exc:
        raise InputError(f"cannot read the date {value!r}: {exc}") from None


def line_tokens(line: str, profile: str) -> list[Token]:
    """One input line's tokens: split at spaces, or in the lower profile (running text) at
    word and punctuation edges, each token recording whether a space followed it."""
    if profile != "lower":
        return [Token(t) for t in line.split()]
    toks: list[Token] = []
    for m in _LOWER_WORD_RE.finditer(line):
        if toks:
            toks[-1].space_after = m.start() > prev_end
        toks.append(Token(m.group()))
        prev_end = m.end()
    return toks


def _check(text: str) -> None:
    if not text.strip():
        raise InputError("the input is empty")
    if "\x00" in text:
        raise InputError("the input looks binary (it contains NUL bytes), not flattened text")
    for i, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputError(
                f"line {i} is {len(line):,} characters long; a line (a sentence, a paragraph or one "
                f"article) may hold at most {MAX_LINE_CHARS:,} (is this several articles run together?)")


#: What an input line holds: found out from the text (`auto`), or said by the caller (`article`
#: is read as `paragraph`: a line cut into its sentences, as `flatten --layout article` writes).
LINES = ("auto", *LAYOUTS)


def parse(
    text: str, *, title: str | None = None, date: str | Date | None = None,
    profile: str = "auto", id: str | None = None, lines: str = "auto",
) -> Document:
    """Read flattened text (one sentence a line) into a Document.

    Lines that hold whole paragraphs or articles (`sentences.holds_sentences`: one article or
    one paragraph a line, as corpora that do not cut sentences store them) are cut into their
    sentences (`sentences.line_breaks`), each line a paragraph; their tokens stay as they came.
    `lines` says so instead of the text: "sentence" never cuts a line, "paragraph" (or
    "article") always does."""
    _check(text)
    if profile == "auto":
        profile = detect_profile(text)
    if profile not in PROFILES:
        raise InputError(f"unknown profile {profile!r}; choose auto, {', '.join(PROFILES)}")
    if lines not in LINES:
        raise InputError(f"unknown line layout {lines!r}; choose {', '.join(LINES)}")
    layout, lines = lines, [ln.strip() for ln in normalize_newlines(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if title is None and len(lines) > 2 and lines[0] and not lines[1] and any(lines[2:]):
        title, lines = lines[0], lines[2:]
    doc = Document(sentences=[], profile=profile, date=parse_date(date), id=id)
    if title is not None and title.strip():
        doc.title = Sentence(line_tokens(title.strip(), profile))
    new_para = True
    inner = []                   # whether each line has a mark inside it (`_INNER_MARK`)
    for line in lines:
        if not line:
            new_para = True
            continue
        toks = line_tokens(line, profile)
        if toks:
            doc.sentences.append(Sentence(toks, paragraph_start=new_para))
            inner.append(_INNER_MARK.search(line) is not None)
            new_para = False
    if not doc.sentences:
        raise InputError("the input has a title but no text")
    words = [s.words if has else [] for s, has in zip(doc.sentences, inner)]
    breaks = [sentence_breaks(s.tokens) if has else [] for s, has in zip(doc.sentences, inner)]
    resegment = cuts_lines(layout, words, breaks)
    if resegment:
        blank_lines = sum(s.paragraph_start for s in doc.sentences) > 1     # paragraphs given so
        doc.sentences = [part for sent, at in zip(doc.sentences, breaks)
                         for part in _split(sent, at, sent.paragraph_start or not blank_lines)]
    doc.meta["own_lines"] = not resegment and not cut_elsewhere(words)
    doc.meta["given_paragraphs"] = sum(s.paragraph_start for s in doc.sentences) > 1
    return doc


def sentence_breaks(tokens: list[Token]) -> list[int]:
    """Where a line's sentences end (`sentences.line_breaks`).  In running text (the lower
    profile) its straight quotation marks say by their spacing whether they open or close, and a
    mark glued to the next word is no sentence end (`average .dji rose`, `win!our`)."""
    words = [t.text for t in tokens]
    return [j for j in line_breaks(words, *straight_quote_sides(tokens)) if tokens[j - 1].space_after]


def cuts_lines(layout: str, lines: list[list[str]], breaks: list[list[int]]) -> bool:
    """Whether lines are cut into their sentences: `layout` ("paragraph" or "article") says
    so, or, given "auto", the lines hold several sentences (`sentences.holds_sentences`)."""
    return layout in ("paragraph", "article") or (layout == "auto" and holds_sentences(lines, breaks))


def _split(sent: Sentence, at: list[int], new_paragraph: bool) -> list[Sentence]:
    """A line holding several sentences as its sentences.  Without blank lines between
    paragraphs, each line is taken for one (an article or a paragraph a line is how most corpora
    that do not cut sentences store them); with them, they say where paragraphs start."""
    return [Sentence(toks, paragraph_start=new_paragraph and k == 0) for k, toks in enumerate(pieces(sent.tokens, at))]
