"""Gold articles from the user's own files, so anyone can score restoration on their text.

Accepted: plain .txt files (blank lines separate paragraphs), folders of them,
BBC-style folders (``category/NNN.txt``: title line, blank line, paragraphs),
CoNLL-2003 files (``-DOCSTART-`` documents, first column = token; gold for the
``ptb`` profile), and the tables `newsrestore restore` reads (.jsonl, .csv,
.tsv, .parquet with a ``text`` column, optional ``title``, ``date``, ``id``),
read by the same code.  ``.gz`` / ``.xz`` files are decompressed transparently.
Everything becomes a `GoldArticle`, the record the corpus readers produce.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..corpora.base import GoldArticle, decode
from ..errors import InputError
from ..io import readers as io_readers
from ..io.readers import TABLE_SUFFIXES, base_suffix
from ..text import normalize_newlines

_NUMBERED = re.compile(r"^\d+$")


def _read(path: Path) -> str:
    data = io_readers.read_bytes(path)
    if io_readers.bom_encoding(data) is not None:   # UTF-16/32 would pass as cp1252, NULs and all
        return normalize_newlines(io_readers.decode(data, str(path)))
    return decode(data)                 # UTF-8, else cp1252, else latin-1, as the corpora read


def _kind(path: Path) -> str:
    suffix = base_suffix(path)
    if suffix in TABLE_SUFFIXES:
        return "table"
    if suffix in (".conll", ".conll03", ".iob") or path.name.startswith("eng."):
        return "conll"
    return "txt"


def _readable(path: Path) -> bool:
    """Files a folder walk picks up: the formats above, not stray images or archives."""
    return _kind(path) != "txt" or base_suffix(path) == ".txt"


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


def read_table(path: Path, corpus: str) -> Iterator[GoldArticle]:
    """Rows of a table (.jsonl/.ndjson/.csv/.tsv/.parquet), read as `newsrestore restore` reads them."""
    for k, rec in enumerate(io_readers.read_table(path, io_readers.Columns())):
        if rec.error:
            raise ValueError(rec.error)
        yield _paragraph_article(corpus, str(rec.id or f"{path}:{k}"), rec.text or "", rec.title, rec.date)


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
    elif kind == "table":
        try:
            yield from read_table(path, name)
        except InputError as exc:
            raise ValueError(str(exc)) from None
    else:
        yield read_txt(path, name)
