"""Restoring many articles: on several cores, one failure never stopping the rest."""
from __future__ import annotations

import multiprocessing as mp
from dataclasses import dataclass
from typing import Iterable, Iterator

from .errors import NewsRestoreError
from .io.readers import Record


@dataclass(frozen=True)
class Options:
    profile: str = "auto"
    quotes: str = "curly"
    fmt: str = "json"
    model: str | None = None
    title: str | None = None
    date: str | None = None
    lines: str = "auto"


@dataclass
class Outcome:
    record: Record
    output: str | dict | None = None
    error: str | None = None


def restore_record(record: Record, opts: Options) -> Outcome:
    """Restore one record into the requested format (a dict for JSON)."""
    from .pipeline import restore
    if record.error:
        return Outcome(record, error=record.error)
    try:
        article = restore(record.text or "", title=record.title or opts.title, date=record.date or opts.date,
                          profile=opts.profile, quotes=opts.quotes, model=opts.model, id=record.id,
                          lines=opts.lines)
    except NewsRestoreError as exc:
        return Outcome(record, error=f"{record.source or record.id}: {exc}")
    if opts.fmt == "json":
        return Outcome(record, output=article.to_json())
    return Outcome(record, output=article.render(opts.fmt))


_OPTS: Options | None = None


def _init(opts: Options) -> None:
    global _OPTS
    _OPTS = opts
    from .model import load_model
    load_model(opts.model)          # once per worker, not once per article


def _work(record: Record) -> Outcome:
    assert _OPTS is not None
    try:
        return restore_record(record, _OPTS)
    except Exception as exc:        # a bug on one record must not sink the batch
        return Outcome(record, error=f"{record.source or record.id}: internal error: {type(exc).__name__}: {exc}")


def run(records: Iterable[Record], opts: Options, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order."""
    if jobs <= 1:
        _init(opts)
        for r in records:
            yield _work(r)
        return
    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    with ctx.Pool(jobs, initializer=_init, initargs=(opts,)) as pool:
        yield from pool.imap(_work, records, chunksize=4)
