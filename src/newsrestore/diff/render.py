"""Terminal and JSON views of a diff.

The terminal view lists content changes in full and folds runs of identical
and form-only sentences into one line each, since those are what a reader
skims past; `--all` shows them too.  Colour is only used on a terminal.
"""
from __future__ import annotations

import json

import click

from .compare import DiffResult, Pair

SIGNS = {"identical": " ", "form": "~", "reworded": "≈", "changed": "!", "removed": "-", "added": "+"}
COLOURS = {"identical": None, "form": "bright_black", "reworded": "cyan", "changed": "yellow",
           "removed": "red", "added": "green"}


def to_json(result: DiffResult) -> str:
    """The stable JSON schema: {"summary": {...}, "pairs": [...]}."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def summary_lines(result: DiffResult) -> list[str]:
    s = result.summary
    c = s["counts"]
    lines = [
        f"A: {s['a']['name']} ({s['a']['form']}, {s['a']['sentences']} sentences, {s['a']['words']} words)",
        f"B: {s['b']['name']} ({s['b']['form']}, {s['b']['sentences']} sentences, {s['b']['words']} words)",
        f"verdict: {s['verdict']}",
        f"content: {s['kept']:.0%} of A kept, {s['removed']:.0%} removed; {s['added']:.0%} of B added",
        "sentences: " + ", ".join(f"{n} {op}" for op, n in c.items() if n) + (f"; {s['moved']} moved" if s["moved"] else ""),
    ]
    if s["fact_changes"]:
        lines.append(f"fact changes: {s['fact_changes']}")
    t = s["title"]
    if t:
        if t["op"] in ("only_a", "only_b"):
            lines.append(f"title: only in {t['op'][-1].upper()} ({t['text']})")
        else:
            lines.append(f"title: {t['op']}" + (f" ({t['a']} | {t['b']})" if t["op"] not in ("identical",) else ""))
    return lines


def _word_diff(pair: Pair, colour: bool) -> str:
    out = []
    for d in pair.word_diff:
        if d["op"] == "equal":
            out.append(d["a"])
            continue
        if d["a"]:
            out.append(click.style(f"[-{d['a']}-]", fg="red", strikethrough=True) if colour else f"[-{d['a']}-]")
        if d["b"]:
            out.append(click.style(f"{{+{d['b']}+}}", fg="green", bold=True) if colour else f"{{+{d['b']}+}}")
    return " ".join(out)


def _label(pair: Pair) -> str:
    a = ",".join(str(k + 1) for k in pair.a) or "-"
    b = ",".join(str(k + 1) for k in pair.b) or "-"
    return f"{a}:{b}"


def pair_lines(pair: Pair, colour: bool) -> list[str]:
    """The lines one pair prints as."""
    head = f"{SIGNS[pair.op]} {pair.op:<9} {_label(pair):<9}" + (" (moved)" if pair.moved else "")
    head = click.style(head, fg=COLOURS[pair.op], bold=pair.op == "changed") if colour else head
    lines = [head]
    if pair.op == "removed":
        lines.append("    A: " + pair.a_text)
    elif pair.op == "added":
        lines.append("    B: " + pair.b_text)
    elif pair.op in ("identical", "form"):
        lines.append("    A: " + pair.a_text)
        if pair.op == "form":
            lines.append("    B: " + pair.b_text)
            lines.append("    form: " + ", ".join(pair.form or ["tokenisation"]))
    else:
        lines.append("    " + _word_diff(pair, colour))
        for f in pair.fact_changes:
            lines.append(f"    fact ({', '.join(f['kinds'])}): {f['a'] or '∅'} → {f['b'] or '∅'}")
        if pair.form:
            lines.append("    form also: " + ", ".join(pair.form))
    return lines


def to_text(result: DiffResult, colour: bool = False, show_all: bool = False) -> str:
    """The readable terminal view: summary, then the pairs, unchanged runs folded."""
    lines = summary_lines(result)
    lines.append("")
    run: list[Pair] = []

    def flush() -> None:
        if run:
            kinds = {p.op for p in run}
            what = " / ".join(op for op in ("identical", "form") if op in kinds)
            text = f"  … {len(run)} sentence pair(s) {what} ({_label(run[0])} … {_label(run[-1])})"
            lines.append(click.style(text, fg="bright_black") if colour else text)
            run.clear()

    for pair in result.pairs:
        if pair.op in ("identical", "form") and not show_all and not pair.moved:
            run.append(pair)
            continue
        flush()
        lines.extend(pair_lines(pair, colour))
    flush()
    return "\n".join(lines)
