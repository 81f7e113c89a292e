"""Reading articles from every input a user has: text files, folders, stdin,
JSON Lines, CSV (including the ISOT layout) and Parquet, plain or compressed.

Each article comes out as a `Record`; a record that cannot be read carries its
error instead of text, so a batch reports it and goes on.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import lzma
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import InputError

TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")
TEXT_SUFFIXES = (".txt", ".text", ".flat")
csv.field_size_limit(sys.maxsize)


@dataclass
class Columns:
    id: str = "id"
    text: str = "text"
    title: str = "title"
    date: str = "date"


@dataclass
class Record:
    id: str
    text: str | None = None
    title: str | None = None
    date: str | None = None
    source: str = ""
    error: str | None = None


def base_suffix(path: Path) -> str:
    """The format suffix under any .gz/.xz compression suffix: `a.jsonl.gz` -> `.jsonl`."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".xz"):
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_bytes(path: Path) -> bytes:
    try:
        if path.suffix.lower() == ".gz":
            return gzip.decompress(path.read_bytes())
        if path.suffix.lower() == ".xz":
            return lzma.decompress(path.read_bytes())
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None


#: Byte-order marks of the encodings Windows tools write besides UTF-8 (Notepad's "Unicode" is
#: UTF-16 LE); UTF-32 LE's begins with UTF-16 LE's, so it is tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Control characters that never occur in text (tab, newlines and form feed do).
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v") | {"\x7f"}


def _reads_as_text(text: str) -> bool:
    """Whether text decoded after a byte-order mark is text: no control characters, and mostly
    Latin script (newsrestore reads English; bytes that are not UTF-16 decode to CJK and the like)."""
    if not _CONTROL.isdisjoint(text):
        return False
    letters = [c for c in text if not c.isspace()]
    return sum(c > "\u024f" for c in letters) <= len(letters) / 2


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding whose byte-order mark `data` starts with, or None."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _utf16_without_bom(sample: bytes) -> str | None:
    """`utf-16le` or `utf-16be` when NUL bytes fill every other byte, as in UTF-16 text of Latin
    script with no byte-order mark; else None."""
    for enc, nul_at in (("utf-16le", 1), ("utf-16be", 0)):
        half = sample[nul_at::2]
        if len(half) >= 8 and half.count(0) >= 0.9 * len(half):
            return enc
    return None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (or UTF-16/32 with a byte-order mark), or one clear error saying what the bytes
    look like."""
    enc = bom_encoding(data)
    if enc is not None:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts with a {enc.upper()} byte-order mark but is not valid "
                             f"{enc.upper()}") from None
        if not _reads_as_text(text[:65536]):
            raise InputError(f"{name}: starts with a {enc.upper()} byte-order mark, but what follows is not "
                             f"Latin-script text (a binary file?)")
        return text
    if b"\x00" in data[:65536]:
        guess = _utf16_without_bom(data[:4096])
        if guess is not None:
            raise InputError(f"{name}: looks like {guess.upper()} text without a byte-order mark; "
                             f"convert it first, e.g. `iconv -f {guess} -t utf-8`")
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it first, e.g. `iconv -f latin1 -t utf-8`") from None
    return text


def _text_record(path: Path, name: str) -> Record:
    try:
        text = decode(read_bytes(path), name)
        if not text.strip():
            raise InputError(f"{name}: the file is empty")
        return Record(id=path.stem.removesuffix(".flat"), text=text, source=name)
    except InputError as exc:
        return Record(id=path.stem, source=name, error=str(exc))


def _field(row: dict, key: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _row_record(row: dict, n: int, cols: Columns, name: str) -> Record:
    rid = _field(row, cols.id) or f"{n}"
    text = _field(row, cols.text)
    if text is None:
        return Record(id=rid, source=name, error=f"{name}: record {n}: no `{cols.text}` field")
    if not text.strip():
        return Record(id=rid, source=name, error=f"{name}: record {n}: the `{cols.text}` field is empty")
    return Record(id=rid, text=text, title=_field(row, cols.title) or None, date=_field(row, cols.date), source=name)


def _jsonl(text: str, cols: Columns, name: str) -> Iterator[Record]:
    n = 0
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(id=f"line{line_no}", source=name, error=f"{name}: line {line_no}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield Record(id=f"line{line_no}", source=name, error=f"{name}: line {line_no}: not a JSON object")
            continue
        yield _row_record(row, line_no, cols, name)


def _csv(text: str, cols: Columns, name: str, delimiter: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"{name}: cannot read the CSV header: {exc}") from None
    if cols.text not in header:
        raise InputError(f"{name}: no `{cols.text}` column (columns are: {', '.join(header)}); "
                         f"name the text column with --text-column")
    row_no = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(id=f"row{row_no}", source=name, error=f"{name}: row {row_no}: malformed CSV ({exc})")
            return
        row_no += 1
        if len(values) != len(header):
            yield Record(id=f"row{row_no - 1}", source=name,
                         error=f"{name}: row {row_no - 1}: {len(values)} fields, the header has {len(header)}")
            continue
        yield _row_record(dict(zip(header, values)), row_no - 1, cols, name)


def _parquet(path: Path, cols: Columns, name: str) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises many types for a bad file
        raise InputError(f"{name}: cannot read as Parquet: {exc}") from None
    if cols.text not in table.column_names:
        raise InputError(f"{name}: no `{cols.text}` column (columns are: {', '.join(table.column_names)})")
    for n, row in enumerate(table.to_pylist(), 1):
        yield _row_record(row, n, cols, name)


def read_table(path: Path, cols: Columns) -> Iterator[Record]:
    name = str(path)
    kind = base_suffix(path)
    if kind == ".parquet":
        yield from _parquet(path, cols, name)
        return
    text = decode(read_bytes(path), name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    if kind in (".jsonl", ".ndjson"):
        yield from _jsonl(text, cols, name)
    else:
        yield from _csv(text, cols, name, "\t" if kind == ".tsv" else ",")


def is_batch(inputs: list[str]) -> bool:
    """Whether the inputs hold more than one article (so output is one record per article)."""
    if len(inputs) != 1:
        return True
    p = Path(inputs[0])
    return inputs[0] != "-" and (p.is_dir() or base_suffix(p) in TABLE_SUFFIXES)


def iter_records(inputs: list[str], cols: Columns | None = None) -> Iterator[Record]:
    """Every article in the inputs, in order; unreadable ones carry an error."""
    cols = cols or Columns()
    for item in inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            try:
                text = decode(data, "<stdin>")
                if not text.strip():
                    raise InputError("<stdin>: the input is empty")
                yield Record(id="stdin", text=text, source="<stdin>")
            except InputError as exc:
                yield Record(id="stdin", source="<stdin>", error=str(exc))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield Record(id=path.name, source=item, error=f"{item}: the folder has no files")
            for f in files:
                yield from iter_records([str(f)], cols) if base_suffix(f) in TABLE_SUFFIXES else [_text_record(f, str(f))]
            continue
        if not path.exists():
            yield Record(id=path.stem, source=item, error=f"{item}: no such file")
            continue
        if base_suffix(path) in TABLE_SUFFIXES:
            try:
                yield from read_table(path, cols)
            except InputError as exc:
                yield Record(id=path.stem, source=item, error=str(exc))
            continue
        yield _text_record(path, item)
