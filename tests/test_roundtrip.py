"""The guarantee: restoring never adds, drops or replaces a word.

Flattening the restored article with the same profile gives back exactly the
input lines, checked on the bundled examples, on real dev articles in three
profiles, and with Hypothesis on articles assembled from real sentences.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsrestore import flatten, restore


def _round_trip(flat: str, profile: str, **kw) -> str:
    art = restore(flat, profile=profile, **kw)
    return flatten(art.text, profile, has_title=art.title is not None)


def test_examples_round_trip(reuters_example, bbc_example):
    assert _round_trip(reuters_example["flat"], "stripped") == reuters_example["flat"].rstrip("\n")
    assert _round_trip(bbc_example["flat"], "stripped") == bbc_example["flat"].rstrip("\n")


@pytest.mark.parametrize("profile", ["stripped", "ptb", "lower"])
def test_dev_articles_round_trip(dev_articles, profile):
    for art in dev_articles:
        flat = flatten(art.text, profile, title=art.title)
        assert _round_trip(flat, profile) == flat, (art.corpus, art.id)


def test_a_title_keeps_an_abbreviation_before_a_number_whole():
    # AG News and ISOT titles: `No. 700` stays one token in a title, which flattening never cuts
    # into sentences, only if it is written `No.` (Moses keeps `No.` whole before a number)
    flat = "krzyzewski wins no. 700\n\nduke coach mike krzyzewski won his 700th game on sunday ."
    art = restore(flat)
    assert art.title == "Krzyzewski wins No. 700"
    assert flatten(art.text, has_title=True) == flat


def test_a_closing_mark_after_a_spaced_ellipsis_still_closes():
    # FNC-1: the spaced ellipsis sends the sentence to the fallback spacing, which once put a space
    # before the closing mark (`comfortable . ”`), and the Treebank tokenizer then read it as
    # opening (`` `` ``); the sentence check now compares which way each mark faces
    original = ("Sophomore orientation leader Alaina Schukraft told the Fix. \u201cThey were very adamant . . . "
                "and stressed the importance of using language that would make the new students feel "
                "comfortable.\u201d\n\nIronically, Schukraft said that multiple students approached her.")
    flat = flatten(original, "ptb")
    assert "comfortable . ''" in flat
    assert _round_trip(flat, "ptb") == flat



def test_two_opening_marks_in_a_row_stay_opening():
    # MASC (an e-mail header) and FNC-1 (`| ## ""` under an embedded tweet): two opening marks side
    # by side once came out glued (`““Reply`), and the Treebank tokenizer reads a mark after a
    # mark as closing (`` `` '' ``); each now follows a space
    flat = ("to : `` xxx `` from : `` `` reply- to : subject : date : sun , 27 feb 2011 02:58:05 - 0600 "
            "ca n't see this message ?")
    assert _round_trip(flat, "ptb") == flat
    assert _round_trip("| # # `` ``", "ptb") == "| # # `` ``"

def test_article_keeps_its_input(reuters_example):
    art = restore(reuters_example["flat"])
    assert art.flat() == reuters_example["flat"].rstrip("\n")


@pytest.fixture(scope="module")
def real_sentences(dev_articles):
    out = []
    for art in dev_articles:
        if not art.tokenized:
            out.extend(p.strip() for p in art.text.split("\n") if len(p.split()) > 3)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), profile=st.sampled_from(["stripped", "ptb", "lower"]),
       quotes=st.sampled_from(["curly", "straight"]))
def test_round_trip_property_on_assembled_articles(real_sentences, data, profile, quotes):
    """Any article made of real paragraphs, in any order, with or without title and dateline."""
    paras = data.draw(st.lists(st.sampled_from(real_sentences), min_size=1, max_size=6))
    dateline = data.draw(st.sampled_from(["", "WASHINGTON (Reuters) - ", "SEATTLE/WASHINGTON (Reuters) - ",
                                          "(Reuters) - ", "PARIS (AFP) - ",
                                          "NEW YORK (CNN/Money) - ", "(Sports Network) - "]))
    text = dateline + "\n\n".join(paras)
    title = data.draw(st.sampled_from([None, "As U.S. budget fight looms, Republicans flip their script"]))
    flat = flatten(text, profile, title=title)
    assert _round_trip(flat, profile, quotes=quotes) == flat


_TOKENS = ["the", "u.s.", "said", "s", "t", "don", "o", "brien", ",", ".", "(", ")", "$", "900m", "-", ":", "?",
           "jan.", "6", "myanmar", "house", "...", "%", "/", "we", "re", "reuters", "i", "it", "countries"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=14), min_size=1, max_size=5))
def test_restored_tokens_are_the_input_tokens(lines):
    """Even on odd input, the article's tokens are the input tokens, in order."""
    flat = "\n".join(" ".join(line) for line in lines)
    art = restore(flat, profile="stripped")
    assert art.flat().split() == flat.split()
    assert flatten(art.text, "stripped").split() == flat.split()
