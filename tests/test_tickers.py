"""Stock codes in brackets: `Sony Corp <SNE>`, `Uber [UBER.UL]`."""
from __future__ import annotations

import pytest

from newsrestore import restore
from newsrestore.flatten import flatten


@pytest.mark.parametrize("original, code", [
    # real Reuters-21578 and ISOT sentences whose codes the lexicon never saw
    ("The unit was sold by Security Pacific Corp <SPC.N> in 1985.", "<SPC.N>"),
    ("It named such Japanese conglomerates as Sony Corp <SNE>, NEC Corp, <NIPNY> Matushita and Mitsui.",
     "<NIPNY>"),
    ("The remainder is held by Alcoa, Rio Tinto Alcan [RIOXXA.UL] and Dadco.", "[RIOXXA.UL]"),
    ("Becerra filed suits against Salesforce.com Inc, Lyft, Uber [UBER.UL] and Twitter Inc.", "[UBER.UL]"),
])
@pytest.mark.parametrize("profile", ["stripped", "ptb", "lower"])
def test_a_code_alone_in_brackets_is_written_in_capitals(original, code, profile):
    flat = flatten(original, profile)
    restored = restore(flat, profile=profile)
    assert code in restored.body
    token = next(t for s in restored.document.sentences for t in s.tokens if t.text == code[1:-1].lower())
    assert token.stage == "tickers" and token.reason.startswith("a stock code")
    assert flatten(restored.text, profile) == flat


@pytest.mark.parametrize("original, kept", [
    ("The Financial Action Task Force (FATF) said so.", "(FATF)"),     # an acronym, cased by its stage
    ("It was the biggest show (ever) in town.", "(ever)"),              # a word, not a code's shape
    ("<p> By Deborah Cohen</p><p> Shares rose.", "<p>"),               # HTML that AG News kept
])
def test_other_words_in_brackets_are_no_codes(original, kept):
    restored = restore(flatten(original))
    assert kept in restored.body
    assert all(t.stage != "tickers" for s in restored.document.sentences for t in s.tokens)


def test_a_name_in_angle_brackets_is_written_inside_them_and_a_comparison_is_not():
    original = "Its stake in <Michaels Research Associates> rose, and the ratio is x < 5 and y > 3 there."
    restored = restore(flatten(original))
    assert "in <Michaels Research Associates> rose" in restored.body
    assert " < 5 and " in restored.body and " > 3 there" in restored.body
