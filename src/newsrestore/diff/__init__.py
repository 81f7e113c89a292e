"""`newsrestore diff`: compare two versions of a news story, content apart from form.

Both versions are brought to one form (the stripped flattening) before their
sentences are aligned, so a flattened copy and its original match sentence for
sentence; differences of form are then reported apart from differences of
content.  `diff_texts` and `diff_files` are the entry points.
"""
from __future__ import annotations

from pathlib import Path

from .compare import DiffResult, Pair, compare
from .load import DiffError, Version, parse_version, read_version

__all__ = ["DiffError", "DiffResult", "Pair", "Version", "diff_files", "diff_texts", "compare"]


def diff_texts(a: str, b: str, name_a: str = "A", name_b: str = "B", lines: str = "auto") -> DiffResult:
    """Compare two article texts, each flattened, restored or original.  `lines` says what a
    line of a flattened text holds (a sentence, a paragraph, an article; auto tells from the text)."""
    return compare(parse_version(a, name_a, lines), parse_version(b, name_b, lines))


def diff_files(a: str | Path, b: str | Path, lines: str = "auto") -> DiffResult:
    """Compare two article files; unreadable, binary or empty files raise DiffError."""
    return compare(read_version(a, lines=lines), read_version(b, lines=lines))
