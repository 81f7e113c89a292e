"""The quotation-mark ceiling: which gold marks a tagger of sentence shapes could find."""
from __future__ import annotations

from newsrestore.evaluation.align import read_marks
from newsrestore.evaluation.ceiling import quote_ceiling, sentence_level


def _kinds(text: str) -> dict[tuple[str, str], bool]:
    """(word beside the mark, open/close) -> sentence-level, for every double quotation mark."""
    m = read_marks(text)
    out = {}
    for (b, kind), p in m.quotes.items():
        word = m.words[b] if kind == "open" else m.words[b - 1]
        out[(word, kind)] = sentence_level(m.text, p, kind)
    return out


def test_marks_of_the_reuters_example_by_kind(examples_dir):
    kinds = _kinds((examples_dir / "reuters_budget.original.txt").read_text(encoding="utf-8"))
    # quoted phrases inside sentences: `called himself a “fiscal conservative” on Sunday`
    assert not kinds[("fiscal", "open")] and not kinds[("conservative", "close")]
    assert not kinds[("discretionary", "open")] and not kinds[("discretionary", "close")]
    # whole-sentence quotations with an attribution, including one that ends inside a nested one
    assert kinds[("The", "open")] and kinds[("percent", "close")]
    assert kinds[("We", "open")] and kinds[("clean", "close")]


def test_most_reuters_marks_are_sentence_level_and_those_are_the_ones_found(shared_data):
    (row,) = quote_ceiling(["isot_true"], 40)
    assert row.marks >= 100
    assert 0.5 < row.sentence_level / row.marks < 1.0 and row.ceiling < 0.95
    inside = row.marks - row.sentence_level
    assert row.found_sentence / row.sentence_level > 0.5 > row.found_inside / inside
    assert row.right <= row.put and row.found_sentence + row.found_inside == row.right
