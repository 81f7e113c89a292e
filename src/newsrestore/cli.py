"""The `newsrestore` command line: restore, flatten, train, eval, diff.

Every failure a user can cause ends in one `Error: ...` line and a non-zero
exit code, never a traceback (set NEWSRESTORE_DEBUG=1 to see one).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import NewsRestoreError
from .flatten import LAYOUTS, PROFILES
from .parse import LINES

EXAMPLES = Path(__file__).parent / "examples"
EXIT_FAILED_RECORDS = 1
EXIT_TROUBLE = 2


class Trouble(click.ClickException):
    exit_code = EXIT_TROUBLE


def _column_options(f):
    for name, default in (("id", "id"), ("text", "text"), ("title", "title"), ("date", "date")):
        f = click.option(f"--{name}-column", default=default, show_default=True,
                         help=f"Column / JSON field holding the article {name} (tables).")(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newsrestore")
def cli() -> None:
    """Restore flattened news text (lowercased, tokenized, quotes stripped, one sentence,
    paragraph or article a line) to the article a reader would recognise, and the reverse."""


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", help="Output file (single article or JSON Lines) or folder (--format text/markdown/html on a batch).")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]),
              help="Output format. Default: text for one article, JSON Lines (json) for a batch.")
@click.option("--profile", type=click.Choice(("auto",) + PROFILES), default="auto", show_default=True,
              help="How the input was flattened.")
@click.option("--lines", type=click.Choice(LINES), default="auto", show_default=True,
              help="What an input line holds: a sentence, or a paragraph (or the whole article), which "
                   "is then cut into its sentences. auto tells from the text.")
@click.option("--quotes", type=click.Choice(["curly", "straight"]), default="curly", show_default=True)
@click.option("--title", help="The article's title (flattened or not), if not in the input.")
@click.option("--date", help="The article's date, in any common form (2017-11-24, 'November 24, 2017').")
@click.option("--model", type=click.Path(dir_okay=False), help="A model file from `newsrestore train`.")
@click.option("-j", "--jobs", type=click.IntRange(1, os.cpu_count() or 1), default=1, show_default=True,
              help="Cores to use for a batch.")
@click.option("--errors", "errors_path", help="Where to list failed records (JSON Lines). Default: OUTPUT.errors.jsonl.")
@click.option("--example", is_flag=True, help="Restore the bundled example (a Reuters article from the ISOT corpus).")
@_column_options
def restore(inputs, output, fmt, profile, lines, quotes, title, date, model, jobs, errors_path, example,
            id_column, text_column, title_column, date_column) -> None:
    """Restore INPUTS: .txt files, folders, - (stdin), .jsonl, .csv (ISOT layout works as is), .parquet."""
    from .batch import Options
    from .io.readers import Columns, is_batch
    inputs = list(inputs)
    if example:
        inputs = [str(EXAMPLES / "reuters_budget.flat.txt")]
        date = date or json.loads((EXAMPLES / "reuters_budget.meta.json").read_text())["date"]
    if not inputs:
        if sys.stdin.isatty():
            raise click.UsageError("give INPUT files, a folder, or - for standard input (see --help)")
        inputs = ["-"]
    cols = Columns(id_column, text_column, title_column, date_column)
    batch = is_batch(inputs)
    opts = Options(profile=profile, quotes=quotes, fmt=fmt or ("json" if batch else "text"), model=model,
                   title=title, date=date, lines=lines)
    from .commands import restore_batch, restore_single
    if batch:
        failed = restore_batch(inputs, cols, opts, output, errors_path, jobs)
        if failed:
            sys.exit(EXIT_FAILED_RECORDS)
    else:
        restore_single(inputs, cols, opts, output)


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", help="Output file (default: standard output).")
@click.option("--profile", type=click.Choice(PROFILES), default="stripped", show_default=True)
@click.option("--title/--no-title", "has_title", default=None,
              help="Whether the first paragraph is a title. Default: a short first line without final punctuation.")
@click.option("--layout", type=click.Choice(LAYOUTS), default="sentence", show_default=True,
              help="What a line holds: a sentence, a paragraph, or the whole article.")
@_column_options
def flatten(inputs, output, profile, has_title, layout, id_column, text_column, title_column, date_column) -> None:
    """Flatten cased articles the way research corpora do (the reverse of restore)."""
    from .commands import flatten_inputs
    from .io.readers import Columns
    inputs = list(inputs) or (["-"] if not sys.stdin.isatty() else [])
    if not inputs:
        raise click.UsageError("give INPUT files, a folder, or - for standard input (see --help)")
    failed = flatten_inputs(inputs, Columns(id_column, text_column, title_column, date_column), profile,
                            has_title, output, layout)
    if failed:
        sys.exit(EXIT_FAILED_RECORDS)


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("--corpus", "corpora", multiple=True, help="Corpus from ../shared/data to train on (repeatable; default: all).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), help="The corpora folder (default: ../shared/data).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Model file to write (default: the bundled model).")
@click.option("-j", "--jobs", type=click.IntRange(1, os.cpu_count() or 1), default=os.cpu_count() or 1, show_default=True)
@click.option("--limit", type=int, help="At most this many articles per corpus (for a quick trial).")
@_column_options
def train(inputs, corpora, data_dir, output, jobs, limit, id_column, text_column, title_column, date_column) -> None:
    """Rebuild the model from the train split of the corpora, or from your own cased INPUTS
    (any format `restore` reads: each record's text is taken as correct, cased news).

    With PyTorch installed (pip install 'newsrestore[train]') the model includes the case
    network; without it, the case model alone cases the words whose case depends on use.  With
    spacy-lookups-data (in the same extra) the unknown-word model also reads how a large outside
    corpus writes each word; without it, only the word's spelling and neighbours."""
    from .commands import train_model
    from .io.readers import Columns
    train_model(list(inputs), list(corpora), data_dir, output, jobs, limit,
                Columns(id_column, text_column, title_column, date_column))


def _register_optional() -> None:
    from .diff.command import diff_command
    cli.add_command(diff_command)
    try:
        from .evaluation.command import eval_command
    except ImportError:     # being built; the rest of the tool works without it
        return
    cli.add_command(eval_command)


_register_optional()


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewsRestoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_TROUBLE)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("NEWSRESTORE_DEBUG"):
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {exc} (set NEWSRESTORE_DEBUG=1 for details)",
                   err=True)
        sys.exit(3)
    except SystemExit as exc:
        sys.exit(exc.code)
