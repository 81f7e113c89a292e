"""`newsrestore eval`: score restoration on gold text (ours or the user's).

Registered by the main CLI; kept here so the evaluation package owns its
options and the CLI module stays a thin list of commands.
"""
from __future__ import annotations

import json
import sys
from itertools import chain
from pathlib import Path

import click

from ..flatten import LAYOUTS, PROFILES
from .gold import read_path
from .report import html_report, table
from .runner import dev_articles, evaluate, newsrestore_restorer


@click.command("eval")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--corpus", "corpora", multiple=True, metavar="NAME",
              help="Evaluate this corpus's dev split (repeatable). Default when no PATHS: every news text.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Articles per corpus (0 = all).")
@click.option("--profile", type=click.Choice(PROFILES), default="stripped", show_default=True,
              help="How to flatten the gold text (tokenized gold such as CoNLL always uses ptb).")
@click.option("--layout", type=click.Choice(LAYOUTS), default="sentence", show_default=True,
              help="What a line of the flattened input holds: a sentence (as the corpora are cut), a "
                   "paragraph, or the whole article (as corpora that do not cut sentences store them).")
@click.option("--quotes", type=click.Choice(["curly", "straight"]), default="curly", show_default=True,
              help="Quotation style newsrestore writes (scoring treats both alike).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of a table.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write an HTML report with a chart and the most frequent errors.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Shared corpus data (default: $NEWSRESTORE_DATA or ../shared/data).")
def eval_command(paths: tuple[Path, ...], corpora: tuple[str, ...], limit: int, profile: str, layout: str,
                 quotes: str, as_json: bool, html_path: Path | None, data_dir: Path | None) -> None:
    """Flatten gold articles, restore them, and score the result against the gold.

    PATHS are gold files or folders: .txt (blank lines between paragraphs),
    BBC-style folders (category/NNN.txt with a title line), CoNLL-2003 files,
    or .jsonl/.csv/.tsv/.parquet with a `text` column (optional `title`, `date`).
    Titles are part of the flattened input but only the body is scored; the
    header line newsrestore writes is scored as the dateline it came from.
    """
    sources = [read_path(p) for p in paths]
    if corpora or not paths:
        try:
            sources.append(dev_articles(list(corpora) or None, limit or None, data_dir=data_dir))
        except (FileNotFoundError, ValueError) as exc:
            raise click.UsageError(str(exc)) from None
    articles = chain.from_iterable(sources)
    try:
        restorer = newsrestore_restorer(quotes)
    except (ImportError, AttributeError) as exc:
        raise click.ClickException(f"newsrestore.restore is not available: {exc}") from None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", disable=not sys.stderr.isatty(), file=sys.stderr)
    try:
        result = evaluate(articles, restorer, profile, progress=lambda a: bar.update(), layout=layout)
    except (ValueError, FileNotFoundError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        bar.close()
    if not result.total.articles:
        raise click.ClickException("no gold articles found")
    data = result.to_json()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        click.echo(table(data))
    if html_path is not None:
        html_path.write_text(html_report(data), encoding="utf-8")
        click.echo(f"HTML report written to {html_path}", err=True)
    if result.failures and len(result.failures) == result.total.articles:
        sys.exit(1)            # nothing was restored: the figures are meaningless


__all__ = ["eval_command"]
