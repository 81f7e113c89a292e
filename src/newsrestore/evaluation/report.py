"""Show evaluation results: a terminal table and a self-contained HTML report.

The HTML page has no external assets (inline CSS, an inline SVG chart drawn
here) so it can be mailed or archived as one file, and every piece of text
from the corpora is escaped: gold text is data, never markup.
"""
from __future__ import annotations

from html import escape

from .metrics import summarize

#: (key, header, is a percentage) in display order.
COLUMNS = [("case_acc", "case_acc", True), ("cap_f1", "cap_f1", True), ("apos_f1", "apos_f1", True),
           ("quote_f1", "quote_f1", True), ("para_f1", "para_f1", True), ("cer", "cer", True),
           ("words_kept", "words_kept", True)]
KINDS = {"case": "Case", "apos": "Apostrophes", "quote": "Quotation marks", "para": "Paragraph breaks"}
_COLOURS = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3"]


def fmt(value: float | int | None, pct: bool = True) -> str:
    if value is None:
        return "n/a"
    return f"{100 * value:.2f}" if pct else str(value)


def rows(data: dict) -> list[tuple[str, dict]]:
    """(name, metrics) per corpus, then the overall row."""
    return [*sorted(data["corpora"].items()), ("ALL", data["overall"])]


def table(data: dict) -> str:
    """A fixed-width table of the metrics (percent), one row per corpus plus ALL."""
    head = ["corpus", "articles", "words"] + [h for _, h, _ in COLUMNS]
    body = [[name, str(m["articles"]), str(m["words"])] + [fmt(m[k], p) for k, _, p in COLUMNS]
            for name, m in rows(data)]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    line = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    out = [line(head), "  ".join("-" * w for w in widths)] + [line(r) for r in body]
    out.append("(percent; cer lower is better; n/a = nothing to find and nothing found, or no paragraphs in gold)")
    if data.get("layout", "sentence") != "sentence":
        out.append(f"input: one {data['layout']} a line")
    if data.get("words_per_second"):
        out.append(f"restore speed: {data['words_per_second']:,.0f} words/s")
    if data.get("failures"):
        first = data["failures"][0]
        out.append(f"{len(data['failures'])} article(s) failed to restore (scored as empty output); "
                   f"first: {first['corpus']}:{first['id']}: {first['error']}")
    return "\n".join(out)


def svg_chart(data: dict, width: int = 900) -> str:
    """Grouped bars: one group per corpus, one bar per metric, 0-100%."""
    groups = rows(data)
    keys = [k for k, _, _ in COLUMNS]
    bar, gap, left, top, height = 9, 14, 40, 20, 220
    group_w = bar * len(keys) + gap
    width = max(width, left + group_w * len(groups) + 20)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 110}" '
             f'role="img" aria-label="metrics per corpus">']
    for pct in (0, 25, 50, 75, 100):
        y = top + height - height * pct / 100
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{pct}</text>')
    for g, (name, m) in enumerate(groups):
        x0 = left + g * group_w + gap / 2
        for i, k in enumerate(keys):
            v = m.get(k)
            if v is None:
                continue
            h = height * max(0.0, min(1.0, v))
            parts.append(f'<rect x="{x0 + i * bar:.1f}" y="{top + height - h:.1f}" width="{bar - 1}" '
                         f'height="{h:.1f}" fill="{_COLOURS[i]}"><title>{escape(name)} {k}: '
                         f'{fmt(v)}%</title></rect>')
        cx = x0 + bar * len(keys) / 2
        parts.append(f'<text x="{cx:.1f}" y="{top + height + 12}" font-size="10" text-anchor="end" '
                     f'transform="rotate(-40 {cx:.1f} {top + height + 12})">{escape(name)}</text>')
    for i, k in enumerate(keys):
        x = left + i * 110
        parts.append(f'<rect x="{x}" y="{height + 95}" width="10" height="10" fill="{_COLOURS[i]}"/>'
                     f'<text x="{x + 14}" y="{height + 104}" font-size="11">{k}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _snip(s: list[str]) -> str:
    before, focus, after = (escape(x) for x in s)
    return f"{before}<mark>{focus or '&#8203;'}</mark>{after}"


_CSS = """body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}tr.all{font-weight:bold;background:#f4f4f4}
.ex{font-family:monospace;font-size:12px;margin:2px 0 2px 1em}.ex span{color:#888}
mark{background:#ffd54f}details{margin:.3em 0}summary{cursor:pointer}"""


def html_report(data: dict, title: str = "newsrestore evaluation") -> str:
    """The whole report page as one string."""
    head = "".join(f"<th>{escape(h)}</th>" for h in ["corpus", "articles", "words"] + [c[1] for c in COLUMNS])
    trs = []
    for name, m in rows(data):
        cells = [escape(name), str(m["articles"]), str(m["words"])] + [fmt(m[k], p) for k, _, p in COLUMNS]
        cls = ' class="all"' if name == "ALL" else ""
        trs.append(f"<tr{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
           f"<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>",
           f"<p>Profile <b>{escape(str(data.get('profile')))}</b>, "
           f"one <b>{escape(str(data.get('layout', 'sentence')))}</b> a line; figures in percent (cer: lower is "
           "better). Only the body is scored: titles are part of the input but not compared.</p>",
           svg_chart(data), f"<table><tr>{head}</tr>{''.join(trs)}</table>"]
    if data.get("failures"):
        out.append("<h2>Failures</h2><ul>" + "".join(
            f"<li>{escape(f['corpus'])}:{escape(str(f['id']))}: {escape(f['error'])}</li>"
            for f in data["failures"]) + "</ul>")
    for kind, label in KINDS.items():
        errs = data.get("errors", {}).get(kind, [])
        out.append(f"<h2>{label}: most frequent errors</h2>")
        if not errs:
            out.append("<p>None.</p>")
        for e in errs:
            exs = "".join(f"<div class='ex'><span>restored</span> {_snip(x['restored'])}<br>"
                          f"<span>gold&nbsp;&nbsp;&nbsp;&nbsp;</span> {_snip(x['gold'])} "
                          f"<span>({escape(x['doc'])})</span></div>" for x in e["examples"])
            out.append(f"<details><summary><b>{escape(e['error'])}</b> × {e['count']}</summary>{exs}</details>")
    out.append("</body></html>")
    return "\n".join(out)


__all__ = ["table", "html_report", "svg_chart", "summarize", "COLUMNS"]
