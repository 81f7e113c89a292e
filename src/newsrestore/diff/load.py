"""Read one version of a story, in whatever form it comes, into comparable sentences.

Content is compared on the flattened form (the stripped profile), because that
is the one form every input can be brought to: a flattened copy, a restored
article and the original all flatten to the same token lines.  Each sentence
keeps its original surface string too, so differences of form (case, quotes,
spacing) can be shown apart from differences of content, and its cased tokens
when the input had case, because capitals are how proper nouns are spotted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..document import Token
from ..errors import InputError
from ..flatten import fold, tokenize
from ..io.readers import decode as decode_text
from ..header import dateline_text, parse_header
from ..parse import LINES, cuts_lines, detect_profile, line_tokens, sentence_breaks
from ..sentences import line_breaks, moses_prefix_forms, pieces, split_sentences
from ..text import collapse_spaces, fold_ascii, normalize_newlines, strip_quotes


class DiffError(ValueError):
    """Input that cannot be compared; the message says why, in one sentence."""


@dataclass
class Sentence:
    """One sentence: flattened tokens for comparing, surface and cased tokens for showing."""

    tokens: list[str]
    surface: str
    cased: list[str] | None = None
    paragraph: int = 0
    quoted: list[bool] | None = None  # per token: inside double quotation marks (cased input only)

    @property
    def display(self) -> list[str]:
        return self.cased if self.cased is not None else self.tokens


@dataclass
class Version:
    """One version of the story: its form, optional title and its sentences."""

    name: str
    form: str  # "flat" or "cased"
    sentences: list[Sentence]
    title: Sentence | None = None
    header: str | None = None

    @property
    def cased(self) -> bool:
        return self.form == "cased"


_END_RE = re.compile(r"[.!?][\"')\]\u2019\u201d]*$")


def read_version(path: str | Path, name: str | None = None, lines: str = "auto") -> Version:
    """Read a file; binary, undecodable or empty files raise DiffError.  `lines` says what a
    line of flattened input holds, as for `restore` (`parse.parse`)."""
    p = Path(path)
    label = name or str(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise DiffError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise DiffError(f"{label}: is a directory, not a text file") from None
    except OSError as exc:
        raise DiffError(f"{label}: cannot read ({exc.strerror})") from None
    return parse_version(decode(data, label), label, lines)


def decode(data: bytes, label: str) -> str:
    """Bytes to text, refusing binary files rather than comparing noise."""
    try:
        text = decode_text(data, label)          # the same checks `restore` makes
    except InputError as exc:
        raise DiffError(str(exc)) from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 8:
        raise DiffError(f"{label}: looks like a binary file, not article text")
    return text


def parse_version(text: str, name: str = "text", lines: str = "auto") -> Version:
    """Detect the form (flattened text has no capitals) and read the sentences."""
    if lines not in LINES:
        raise DiffError(f"unknown line layout {lines!r}; choose {', '.join(LINES)}")
    text = normalize_newlines(text)
    if not any(c.isalnum() for c in text):
        raise DiffError(f"{name}: empty (no words to compare)")
    if any(c.isupper() for c in text):
        version = _read_cased(text, name)
    else:
        version = _read_flat(text, name, lines)
    if not version.sentences:
        raise DiffError(f"{name}: no sentences besides the title")
    return version


def _title_line(lines: list[str]) -> bool:
    """A first line followed by a blank line, short and not ending like a sentence, is a title."""
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        return False
    first = lines[0].strip()
    return len(first.split()) <= 25 and not _END_RE.search(first)


def _read_flat(text: str, name: str, layout: str = "auto") -> Version:
    """Flattened lines as sentences.  Lines holding whole paragraphs or articles (one a line,
    as many corpora store them) are cut into their sentences as `restore` cuts them, so they
    align with the sentences of a cased version rather than as one long merge.  Lowercased
    running text (the lower profile) is brought to the stripped flattening's tokens first."""
    lines = text.strip("\n").split("\n")
    title = None
    if _title_line(lines):
        toks = lines[0].split()
        title = Sentence(toks, " ".join(toks))
        lines = lines[2:]
    rows: list[tuple[list[str], int]] = []          # each line's tokens and its paragraph
    para, gap = 0, False
    running = detect_profile(text) == "lower"       # running text, not tokens
    for line in lines:
        toks = _running_tokens(line) if running else line.split()
        if not toks:
            gap = bool(rows)
            continue
        para += gap
        gap = False
        rows.append((toks, para))
    breaks = [line_breaks(toks) for toks, _ in rows]
    if cuts_lines(layout, [t for t, _ in rows], breaks):
        blank_lines = para > 0                      # paragraphs given by blank lines, else a line each
        rows = [(piece, p if blank_lines else k)
                for k, ((toks, p), at) in enumerate(zip(rows, breaks)) for piece in pieces(toks, at)]
    return Version(name, "flat", [Sentence(t, " ".join(t), paragraph=p) for t, p in rows], title=title)


def _running_tokens(line: str) -> list[str]:
    """A line of lowercased running text (`he said "we won." then he left.`) in the stripped
    flattening's tokens: its marks dropped and each sentence tokenized as flattening does, since
    Moses splits a full stop off only at the end of what it is given."""
    marks = line_tokens(fold(line, "stripped"), "lower")
    out: list[str] = []
    for sentence in pieces(marks, sentence_breaks(marks)):        # as `restore` cuts it
        out.extend(t.lower() for t in tokenize(_moses_cased(sentence), "stripped"))
    return out


def _moses_cased(tokens: list[Token]) -> str:
    """Running-text tokens joined as they were spaced, an abbreviation before its period written
    as Moses knows it (`jan .` -> `Jan.`), so the period stays on as in the cased original."""
    forms = moses_prefix_forms()
    parts = []
    for k, t in enumerate(tokens):
        before_period = not t.space_after and k + 1 < len(tokens) and tokens[k + 1].text == "."
        parts.append(forms.get(t.text, t.text) if before_period else t.text)
        if t.space_after:
            parts.append(" ")
    return "".join(parts)


def _norm_chars(raw: str) -> list[tuple[str, int]]:
    """The non-space characters flattening leaves of `raw`, each with its index in `raw`."""
    out: list[tuple[str, int]] = []
    for i, c in enumerate(raw):
        for n in fold_ascii(strip_quotes(c)).lower():
            if not n.isspace():
                out.append((n, i))
    return out


_OPEN_Q, _CLOSE_Q = "\u201c\u00ab\u201e", "\u201d\u00bb"


def _inside_quotes(raw: str) -> list[bool]:
    """For each character, whether it is inside double quotation marks (quotes may span sentences)."""
    inside, out = False, []
    for c in raw:
        if c in _OPEN_Q:
            inside = True
        elif c in _CLOSE_Q:
            inside = False
        elif c == '"':
            inside = not inside
        out.append(inside)
    return out


def _surfaces(raw: str, token_lines: list[list[str]]) -> tuple[list[str], list[list[bool]]] | None:
    """Cut the raw paragraph into the surface strings of its flattened sentences.

    Tokens are matched character by character against the folded paragraph, so
    the surface keeps curly quotes, apostrophes and non-ASCII letters.  None when
    the characters do not line up (then the caller shows detokenised text).
    """
    chars = _norm_chars(raw)
    inside = _inside_quotes(raw)
    pos, start, out, quoted = 0, 0, [], []
    for toks in token_lines:
        want = "".join(toks).lower()
        got = chars[pos:pos + len(want)]
        if len(got) != len(want) or "".join(c for c, _ in got) != want:
            return None
        flags, k = [], 0
        for t in toks:
            flags.append(inside[got[k][1]] if t else False)
            k += len(t)
        quoted.append(flags)
        pos += len(want)
        end = got[-1][1] + 1 if got else start
        while end < len(raw) and not raw[end].isspace() and not fold_ascii(strip_quotes(raw[end])).strip():
            end += 1  # closing quotes belong to the sentence they close
        out.append(raw[start:end].strip())
        start = end
    return out, quoted


def _read_cased(text: str, name: str) -> Version:
    """Flatten cased text the way `flatten_article(text, "stripped")` does, keeping case and surface.

    The steps are flatten_article's own (same fold, splitter, tokenizer and
    header rule); tests check the lowered tokens equal flatten_article's output.
    """
    lines = text.strip("\n").split("\n")
    title = None
    paragraphs = [p for p in (collapse_spaces(x) for x in lines) if p]
    if paragraphs and parse_header(paragraphs[0]) is None and _title_line(lines):
        raw_title = paragraphs.pop(0)
        cased = tokenize(fold(raw_title, "stripped"), "stripped")
        title = Sentence([t.lower() for t in cased], raw_title, cased)
    header, lead = None, ""
    prefix: list[str] = []
    if paragraphs and (h := parse_header(paragraphs[0])) is not None:
        header = paragraphs.pop(0)
        if h.source:
            lead = dateline_text(h.source, h.city, h.day)
            prefix = tokenize(fold(lead, "stripped"), "stripped")
    sentences: list[Sentence] = []
    for k, para in enumerate(paragraphs):
        pieces = split_sentences(collapse_spaces(fold(para, "stripped")))
        cased_lines = [t for t in (tokenize(s, "stripped") for s in pieces) if t]
        surfaces, quoted = _surfaces(para, cased_lines) or ([" ".join(t) for t in cased_lines], [])
        for n, (toks, surface) in enumerate(zip(cased_lines, surfaces)):
            flags = quoted[n] if quoted else None
            sentences.append(Sentence([t.lower() for t in toks], surface, toks, paragraph=k, quoted=flags))
    if prefix:
        if sentences:
            s = sentences[0]
            flags = [False] * len(prefix) + s.quoted if s.quoted is not None else None
            sentences[0] = Sentence([t.lower() for t in prefix] + s.tokens, f"{lead} {s.surface}", prefix + s.display,
                                    0, flags)
        else:
            sentences.append(Sentence([t.lower() for t in prefix], lead, prefix))
    return Version(name, "cased", sentences, title=title, header=header)
