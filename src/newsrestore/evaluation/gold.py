"""Gold articles from the user's own files, so anyone can score restoration on their text.

Accepted: plain .txt files (blank lines separate paragraphs), folders of them,
BBC-style folders (``category/NNN.txt``: title line, blank line, paragraphs),
CoNLL-2003 files (``-DOCSTART-`` documents, first column = token; gold for the
``ptb`` profile), and .jsonl / .csv with a ``text`` column (optional ``title``,
``date``, ``id``).  A ``.xz`` suffix on any of them is read transparently.
Everything becomes a `GoldArticle`, the record the corpus readers produce.
"""
from __future__ import annotations

import csv
import io
import json
import lzma
import re
from collections.abc import Iterator
from pathlib import Path

from ..corpora.base import GoldArticle

_NUMBERED = re.compile(r"^\d+$")


def _read(path: Path) -> str:
    data = lzma.open(path).read() if path.suffix == ".xz" else path.read_bytes()
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(enc).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 cannot fail")


def _kind(path: Path) -> str:
    name = path.name[:-3] if path.name.endswith(".xz") else path.name
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".csv"):
        return suffix[1:]
    if suffix in (".conll", ".conll03") or name.startswith("eng.") or name.endswith(".iob"):
        return "conll"
    return "txt"


def _readable(path: Path) -> bool:
    """Files a folder walk picks up: the formats above, not stray images or archives."""
    name = path.name[:-3] if path.name.endswith(".xz") else path.name
    return _kind(path) != "txt" or name.lower().endswith(".txt")


def _paragraph_article(corpus: str, id: str, text: str, title: str | None = None,
                       date: str | None = None) -> GoldArticle:
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return GoldArticle(corpus, id, "\n\n".join(paras), title or None, date or None,
                       has_paragraphs=len(paras) > 1)


def read_txt(path: Path, corpus: str) -> GoldArticle:
    """One article; a BBC-style file (NNN.txt, title line then a blank line) gives its title."""
    text = _read(path).strip()
    stem = path.name.split(".")[0]
    lines = text.split("\n")
    if _NUMBERED.match(stem) and len(lines) > 2 and not lines[1].strip():
        return _paragraph_article(corpus, str(path), "\n".join(lines[2:]), lines[0].strip())
    return _paragraph_article(corpus, str(path), text)


def read_conll(path: Path, corpus: str) -> Iterator[GoldArticle]:
    """CoNLL-2003 documents: first sentence is the headline (title), one sentence a line."""
    docs: list[list[str]] = [[]]
    sent: list[str] = []
    for line in _read(path).split("\n") + [""]:
        if line.startswith("-DOCSTART-") or not line.strip():
            if sent:
                docs[-1].append(" ".join(sent))
                sent = []
            if line.startswith("-DOCSTART-") and docs[-1]:
                docs.append([])
        else:
            sent.append(line.split()[0])
    for k, sents in enumerate(d for d in docs if d):
        title, body = (sents[0], sents[1:]) if len(sents) > 1 else (None, sents)
        yield GoldArticle(corpus, f"{path}:{k}", "\n".join(body), title, tokenized=True)


def _rows(path: Path, kind: str) -> Iterator[dict]:
    text = _read(path)
    if kind == "jsonl":
        for line in text.split("\n"):
            if line.strip():
                yield json.loads(line)
    else:
        csv.field_size_limit(1 << 30)
        yield from csv.DictReader(io.StringIO(text))


def read_table(path: Path, kind: str, corpus: str) -> Iterator[GoldArticle]:
    """Rows of a .jsonl or .csv file that have a non-empty `text`."""
    for k, row in enumerate(_rows(path, kind)):
        if "text" not in row:
            raise ValueError(f"{path}: row {k + 1} has no 'text' field")
        yield _paragraph_article(corpus, str(row.get("id") or f"{path}:{k}"), str(row["text"] or ""),
                                 row.get("title"), row.get("date"))


def read_path(path: str | Path, corpus: str | None = None) -> Iterator[GoldArticle]:
    """Gold articles from a file or (recursively) a folder; corpus name = file or folder stem."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    name = corpus or path.name.split(".")[0] or "gold"
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if child.name.lower().startswith("readme") or not _readable(child):
                continue
            yield from read_path(child, name)
        return
    kind = _kind(path)
    if kind == "conll":
        yield from read_conll(path, name)
    elif kind in ("jsonl", "csv"):
        yield from read_table(path, kind, name)
    else:
        yield read_txt(path, name)
