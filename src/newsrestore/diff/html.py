"""A self-contained side-by-side HTML page: summary on top, aligned sentences below.

Everything (CSS included) is inline and every piece of text goes through
html.escape, so the page can be mailed or archived and cannot be broken by
what the articles contain.
"""
from __future__ import annotations

from html import escape

from .compare import DiffResult, Pair
from .render import summary_lines

CSS = """
body{font:15px/1.45 Georgia,serif;margin:2em auto;max-width:80em;color:#222}
h1{font-size:1.3em} .summary{background:#f4f4f4;padding:.6em 1em;border-radius:6px}
.summary p{margin:.2em 0} .verdict{font-weight:bold}
table{border-collapse:collapse;width:100%;margin-top:1em} td{vertical-align:top;padding:.35em .6em;
border-top:1px solid #ddd;width:46%} td.op{width:8%;font:12px monospace;color:#555}
tr.identical td{color:#555} tr.form td{color:#666;background:#fafafa} tr.reworded td{background:#eef7fb}
tr.changed td{background:#fff8e1} tr.removed td.a{background:#fdecea} tr.added td.b{background:#e9f7ec}
del{background:#f8c9c4;text-decoration:line-through} ins{background:#bfe8c8;text-decoration:none}
.facts{font:12px sans-serif;color:#8a5300;margin-top:.3em} .formk{font:12px sans-serif;color:#777}
"""


def _side(pair: Pair, side: str) -> str:
    if pair.op in ("reworded", "changed"):
        out = []
        for d in pair.word_diff:
            words = escape(d[side])
            if not words:
                continue
            if d["op"] == "equal":
                out.append(words)
            else:
                out.append(f"<del>{words}</del>" if side == "a" else f"<ins>{words}</ins>")
        return " ".join(out)
    return escape(pair.a_text if side == "a" else pair.b_text)


def _row(pair: Pair) -> str:
    label = escape(pair.op) + (" (moved)" if pair.moved else "")
    extra = ""
    if pair.fact_changes:
        extra += "".join(
            f'<div class="facts">{escape(", ".join(f["kinds"]))}: {escape(f["a"] or "∅")} → {escape(f["b"] or "∅")}</div>'
            for f in pair.fact_changes)
    if pair.form:
        extra += f'<div class="formk">form: {escape(", ".join(pair.form))}</div>'
    nums = lambda ks: escape(",".join(str(k + 1) for k in ks))  # noqa: E731
    return (f'<tr class="{escape(pair.op)}"><td class="op">{label}<br>{nums(pair.a)}:{nums(pair.b)}</td>'
            f'<td class="a">{_side(pair, "a")}</td><td class="b">{_side(pair, "b")}{extra}</td></tr>')


def to_html(result: DiffResult) -> str:
    """The full page as a string."""
    s = result.summary
    lines = summary_lines(result)
    summary = "".join(
        f'<p class="verdict">{escape(line)}</p>' if line.startswith("verdict") else f"<p>{escape(line)}</p>"
        for line in lines)
    rows = "\n".join(_row(p) for p in result.pairs)
    title = f"diff: {s['a']['name']} vs {s['b']['name']}"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
            f'<div class="summary">{summary}</div><table><thead><tr><th></th><th>A: {escape(s["a"]["name"])}</th>'
            f'<th>B: {escape(s["b"]["name"])}</th></tr></thead><tbody>\n{rows}\n</tbody></table></body></html>\n')
