"""Shared pieces of the corpus readers: the article record and archive helpers.

Every reader reads straight out of the compressed files in the shared data
directory (never extracting to disk), so the data stays in one read-only place
and nothing of it can end up committed to the repository.
"""
from __future__ import annotations

import lzma
import re
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..text import normalize_newlines


@dataclass(frozen=True)
class GoldArticle:
    """One real, cased text as its corpus gives it: the target of restoration.

    `text` never holds the title; paragraphs are separated by a blank line
    only when `has_paragraphs` says the corpus really marks them (otherwise a
    newline separates lines, sentences or paragraphs the corpus gave us, and
    the line breaks carry no paragraph meaning).  `tokenized` texts are
    space-joined PTB-style tokens, one sentence a line, so they are gold for
    the ``ptb`` profile only.
    """

    corpus: str
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    has_paragraphs: bool = False
    tokenized: bool = False
    news: bool = True

    @property
    def words(self) -> int:
        """Whitespace words of the body (titles not counted)."""
        return len(self.text.split())


def decode(data: bytes) -> str:
    """Decode bytes whose encoding the corpus does not state.

    UTF-8 first (a BOM is dropped), then cp1252 (what "latin-1" files written
    on Windows really are: it maps 0x92 to an apostrophe, not a C1 control),
    then latin-1, which cannot fail.  Line ends are normalised to ``\\n``.
    """
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return normalize_newlines(text)


def tar_members(path: Path, keep=lambda name: True) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of the regular files of a .tar.xz, in archive order.

    Streams the archive once (xz archives cannot seek cheaply), so readers
    that need a sidecar file should collect what they need in one pass.
    """
    with tarfile.open(path, "r:xz") as tar:
        for member in tar:
            if member.isfile() and keep(member.name):
                fh = tar.extractfile(member)
                if fh is not None:
                    yield member.name, fh.read()


def read_xz(path: Path) -> bytes:
    """The whole decompressed content of a single-file .xz."""
    with lzma.open(path) as fh:
        return fh.read()


_SPACES = re.compile(r"[ \t\u00a0]+")


_MOJIBAKE = re.compile("\u00e2\u20ac[\u0153\u009d\u201d\u2122\u02dc\u201c\u0161]")


def _unmojibake(m: re.Match) -> str:
    try:
        return m.group(0).encode("cp1252").decode("utf-8")
    except UnicodeError:
        return m.group(0)


def clean_line(line: str) -> str:
    """Collapse runs of spaces, trim, and repair UTF-8-read-as-cp1252 punctuation ("â€œ" -> "“").

    A handful of web-scraped lines (Leipzig, FNC-1, WMT 2015) carry such
    mojibake; only curly quotes and dashes are repaired, which is safe because
    "â€" followed by one of those characters never occurs in real text.
    """
    if "\u00e2\u20ac" in line:
        line = _MOJIBAKE.sub(_unmojibake, line)
    return _SPACES.sub(" ", line).strip()


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Non-empty cleaned paragraphs joined by a blank line."""
    return "\n\n".join(p for p in (clean_line(x) for x in paragraphs) if p)


def join_lines(lines: Iterable[str]) -> str:
    """Non-empty cleaned lines joined by a newline."""
    return "\n".join(p for p in (clean_line(x) for x in lines) if p)


def chunks(items: list, size: int) -> Iterator[tuple[int, list]]:
    """(start index, slice) pieces of `size` items.

    Sentence-level corpora have no documents; fixed groups of consecutive
    sentences stand in for articles so a model still sees multi-line input.
    """
    for start in range(0, len(items), size):
        yield start, items[start:start + size]


def untag(tokens: Iterable[str], sep: str) -> list[str]:
    """Words of ``word<sep>TAG`` tokens (the tag is after the last separator)."""
    out = []
    for tok in tokens:
        word, found, _tag = tok.rpartition(sep)
        out.append(word if found and word else tok)
    return out
