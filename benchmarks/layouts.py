"""The benchmark's second input layout: the same dev articles an article a line.

Corpora that do not cut sentences store an article (or a paragraph) a line; how each tool copes
with that is scored here, accuracy only, each tool loaded in the driver process.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


#: Input layouts scored besides a sentence a line: accuracy only, each tool loaded in the driver.
OTHER_LAYOUTS = ("article",)


def other_layouts(model_dir: Path, items: list, names: list[str], score: Callable[[list, list[str]], dict]
                  ) -> dict[str, dict[str, dict]]:
    """Each tool's pooled accuracy (`score`) on the same articles flattened an article a line, as
    corpora that do not cut sentences store them: {layout: {tool: overall metrics}}."""
    import tools
    from newsrestore.flatten import flatten

    out: dict[str, dict[str, dict]] = {}
    for layout in OTHER_LAYOUTS:
        flats = [flatten(i["article"].text, i["profile"], title=i["article"].title, layout=layout) for i in items]
        out[layout] = {}
        for name in names:
            tool = tools.make(name)
            tool.load(model_dir)
            outputs = [tool.restore_or_error(flat, it["profile"]) for flat, it in zip(flats, items)]
            out[layout][name] = score(items, outputs)["overall"]
            print(f"{name}, an {layout} a line: case_acc {100 * out[layout][name]['case_acc']:.2f}", file=sys.stderr)
    return out


def layouts_section(layouts: dict[str, dict[str, dict]], metrics: list[str], fmt: Callable) -> list[str]:
    lines = []
    for layout, per_tool in layouts.items():
        lines += [f"## Input an {layout} a line (dev, all corpora pooled)", "",
                  "Corpora that do not cut sentences store an article (or a paragraph) a line. The same "
                  f"articles, flattened an {layout} a line (`newsrestore flatten --layout {layout}`), restored "
                  "by each tool in one process (accuracy only).", "",
                  "| tool | " + " | ".join(metrics) + " |", "|" + "---|" * (len(metrics) + 1)]
        for name, m in per_tool.items():
            lines.append(f"| {name} | " + " | ".join(fmt(m[k]) for k in metrics) + " |")
        lines.append("")
    return lines


