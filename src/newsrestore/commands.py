"""What the command-line verbs do, kept apart from option parsing in cli.py."""
from __future__ import annotations

import json
import re
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import click

from .batch import Options, run
from .errors import InputError, NewsRestoreError
from .io.readers import Columns, is_batch, iter_records
from .io.writers import atomic_writer, safe_name, write_text

_EXT = {"text": ".txt", "markdown": ".md", "html": ".html", "json": ".json"}


def _progress(total: int | None, desc: str):
    from tqdm import tqdm
    return tqdm(total=total, desc=desc, unit="art", disable=not sys.stderr.isatty(), file=sys.stderr)


def _emit(text: str, output: str | None) -> None:
    if output and output != "-":
        write_text(output, text)
    else:
        sys.stdout.write(text)


def restore_single(inputs: list[str], cols: Columns, opts: Options, output: str | None) -> None:
    from .batch import restore_record
    record = next(iter_records(inputs, cols))
    if opts.title and record.title is None:
        record.title = opts.title
    outcome = restore_record(record, opts)
    if outcome.error:
        raise InputError(outcome.error)
    out = outcome.output
    _emit(json.dumps(out, ensure_ascii=False, indent=2) + "\n" if isinstance(out, dict) else out, output)


def restore_batch(inputs: list[str], cols: Columns, opts: Options, output: str | None,
                  errors_path: str | None, jobs: int) -> int:
    """Restore every record; returns how many failed (each reported, none stopping the run)."""
    to_dir = opts.fmt != "json"
    if to_dir and not output:
        raise click.UsageError(f"--format {opts.fmt} on several articles writes one file each: give -o FOLDER")
    if errors_path is None and output and output != "-":
        errors_path = str(output).rstrip("/") + ".errors.jsonl"
    failures: list[dict] = []
    used: set[str] = set()
    with ExitStack() as stack:
        sink = sys.stdout
        if not to_dir and output and output != "-":
            sink = stack.enter_context(atomic_writer(output))     # renamed into place only on success
        bar = stack.enter_context(_progress(None, "restoring"))
        for outcome in run(iter_records(inputs, cols), opts, jobs):
            bar.update(1)
            rec = outcome.record
            if outcome.error:
                failures.append({"id": rec.id, "source": rec.source, "error": outcome.error})
                click.echo(f"failed: {outcome.error}", err=True)
                continue
            if to_dir:
                name = safe_name(rec.id)
                while name in used:
                    name += "_"
                used.add(name)
                write_text(Path(output) / (name + _EXT[opts.fmt]), outcome.output)
            else:
                sink.write(json.dumps(outcome.output, ensure_ascii=False) + "\n")
    if errors_path and (failures or Path(errors_path).exists()):
        with atomic_writer(errors_path) as f:
            for row in failures:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if failures:
        where = f"; listed in {errors_path}" if errors_path else ""
        click.echo(f"{len(failures)} record(s) failed{where}", err=True)
    return len(failures)


_TITLE_END = re.compile(r"[.!?\"'”’:;]\s*$")


def guess_has_title(text: str) -> bool:
    """A short first line, without final punctuation, followed by a blank line."""
    parts = text.lstrip().split("\n", 2)
    return (len(parts) >= 3 and not parts[1].strip() and len(parts[0].split()) <= 25
            and not _TITLE_END.search(parts[0]) and not parts[0].startswith("date "))


def flatten_inputs(inputs: list[str], cols: Columns, profile: str, has_title: bool | None,
                   output: str | None, layout: str = "sentence") -> int:
    from .flatten import flatten
    batch = is_batch(inputs)
    failed = 0
    lines: list[str] = []
    for rec in iter_records(inputs, cols):
        if rec.error:
            failed += 1
            click.echo(f"failed: {rec.error}", err=True)
            continue
        title_flag = guess_has_title(rec.text) if has_title is None and rec.title is None else bool(has_title)
        flat = flatten(rec.text, profile, title=rec.title, has_title=title_flag, layout=layout)
        if not flat.strip():
            failed += 1
            click.echo(f"failed: {rec.source}: nothing left to flatten", err=True)
            continue
        if batch:
            lines.append(json.dumps({"id": rec.id, "text": flat, "date": rec.date}, ensure_ascii=False))
        else:
            lines.append(flat)
    if not lines and failed:
        raise InputError("no input could be flattened")
    _emit("\n".join(lines) + "\n", output)
    return failed


def _count_shard(args) -> object:
    from .train.build import count_corpus
    return count_corpus(args)


def train_model(inputs: list[str], corpora: list[str], data_dir: str | None, output: str | None,
                jobs: int, limit: int | None, cols: Columns) -> None:
    from .model import DEFAULT_MODEL
    from .train.build import build_model, save_model
    from .train.counts import Counts
    t0 = time.time()
    articles: list[tuple[str, bool, bool, str, str | None]] = []
    if inputs:
        for rec in iter_records(inputs, cols):
            if rec.error:
                click.echo(f"skipped: {rec.error}", err=True)
            else:
                articles.append((rec.text, "\n\n" in rec.text, True, "user", rec.title))
    else:
        from . import corpora as corpora_mod
        from itertools import islice
        data = Path(data_dir) if data_dir else None
        for name in corpora or corpora_mod.corpus_names():
            got = islice((a for a in corpora_mod.iter_corpus(name, data) if corpora_mod.split_of(a) == "train"), limit)
            articles.extend((a.text, a.has_paragraphs, not a.tokenized, a.corpus, a.title) for a in got)
    if not articles:
        raise NewsRestoreError("nothing to train on")
    from .train.casenet import available as torch_available
    from .train.caseprior import available as prior_available
    missing = [what for ok, what in ((torch_available(), "PyTorch (the case network)"),
                                     (prior_available(), "spacy-lookups-data (the case prior for unknown words)"))
               if not ok]
    if missing:
        click.echo(f"training without {' and without '.join(missing)}: pip install -e '.[train]' for "
                   f"{'them' if len(missing) > 1 else 'it'}", err=True)
    click.echo(f"counting {len(articles):,} articles on {jobs} core(s)...", err=True)
    shards = [articles[i::jobs] for i in range(jobs)]
    if jobs > 1:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_count_shard, shards)
    else:
        parts = [_count_shard(shards[0])]
    counts = Counts()
    for part in parts:
        counts.merge(part)
    model = build_model(counts)
    model["train_seconds"] = round(time.time() - t0, 1)
    out = Path(output) if output else DEFAULT_MODEL
    save_model(model, out)
    click.echo(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB) from {counts.articles:,} articles, "
               f"{counts.words:,} words, in {time.time() - t0:.0f} s", err=True)
