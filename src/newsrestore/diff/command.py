"""The click command `newsrestore diff A B` (registered by cli.py).

Exit codes follow GNU diff: 0 when the content is the same (identical or
differing only in form), 1 when content differs (including "not the same
story"), 2 on trouble (unreadable, binary or empty input), with a one-line
`Error: ...` on stderr instead of a traceback.
"""
from __future__ import annotations

import sys

import click

from ..io.writers import write_text
from ..parse import LINES
from . import DiffError, diff_files
from .html import to_html
from .render import to_json, to_text


class _Trouble(click.ClickException):
    exit_code = 2


@click.command("diff")
@click.argument("a", type=click.Path(dir_okay=False, allow_dash=False))
@click.argument("b", type=click.Path(dir_okay=False, allow_dash=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="Terminal view, JSON report, or a self-contained side-by-side HTML page.")
@click.option("--all", "show_all", is_flag=True, help="Text view: also list identical and form-only sentences.")
@click.option("--color/--no-color", default=None, help="Colour the text view (default: only on a terminal).")
@click.option("--lines", type=click.Choice(LINES), default="auto", show_default=True,
              help="What a line of flattened input holds: a sentence, or a paragraph (or the whole article), "
                   "which is then cut into its sentences. auto tells from the text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def diff_command(a: str, b: str, fmt: str, show_all: bool, color: bool | None, lines: str,
                 output: str | None) -> None:
    """Compare two versions of a news story, A and B, in any form restore reads.

    Sentences are aligned (splits, merges and reordering allowed) and each pair
    is called identical, form (differs only in case, quotes, punctuation,
    spacing), reworded, or changed (facts differ); sentences only in A are
    removed, only in B added.  Exit status: 0 same content, 1 differences,
    2 trouble.
    """
    try:
        result = diff_files(a, b, lines=lines)
    except DiffError as exc:
        raise _Trouble(str(exc)) from None
    if fmt == "json":
        text = to_json(result)
    elif fmt == "html":
        text = to_html(result)
    else:
        colour = color if color is not None else (output is None and sys.stdout.isatty())
        text = to_text(result, colour=colour, show_all=show_all)
    if output:
        try:
            write_text(output, text if text.endswith("\n") else text + "\n")      # renamed into place
        except OSError as exc:
            raise _Trouble(f"{output}: cannot write ({exc.strerror})") from None
    else:
        click.echo(text, color=color if fmt == "text" else False)
    sys.exit(0 if result.identical_content else 1)
