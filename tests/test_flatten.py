"""The forward direction reproduces how the corpora were flattened."""
from __future__ import annotations

from newsrestore import flatten
from newsrestore.flatten import flatten_article
from newsrestore.sentences import split_sentences, splits_between


def test_reuters_example_flattens_exactly(reuters_example):
    body = reuters_example["original"].split("\n", 2)[2]      # the original starts with a header line
    expected = reuters_example["flat"].rstrip("\n").removeprefix("washington ( reuters ) - ")
    assert flatten(body) == expected


def test_reuters_header_turns_back_into_the_dateline(reuters_example):
    # the original file starts with the header restore writes; flattening it restores the dateline
    assert flatten(reuters_example["original"]) == reuters_example["flat"].rstrip("\n")


def test_bbc_example_flattens_exactly_with_its_title(bbc_example):
    assert flatten(bbc_example["original"], has_title=True) == bbc_example["flat"].rstrip("\n")


def test_splitter_breaks_like_the_corpora():
    assert split_sentences("in the U.S. Congress, who") == ["in the U.S.", "Congress, who"]
    assert split_sentences("the biggest U.S. tax overhaul") == ["the biggest U.S. tax overhaul"]
    assert split_sentences("on Jan. 6 and 7, he said.") == ["on Jan.", "6 and 7, he said."]
    assert split_sentences('it said. "Now we go."') == ["it said.", '"Now we go."']
    assert splits_between("percent.", "Now") and not splits_between("percent,", "Now")
    assert not splits_between("U.S.", "tax")


def test_ptb_profile_keeps_apostrophes_and_quotes():
    flat = flatten('Rosneft\'s chief said: "We don\'t know." Yukos\' owner agreed.', "ptb")
    assert flat.splitlines() == ["rosneft 's chief said : `` we do n't know . ''", "yukos ' owner agreed ."]


def test_lower_profile_is_untokenised_lowercase():
    flat = flatten("China’s Foreign Ministry said “we will”. Then it left.", "lower")
    assert flat.splitlines() == ['china\'s foreign ministry said "we will".', "then it left."]


def test_stripped_profile_folds_non_ascii_and_drops_marks():
    flat = flatten("Myanmar’s army paid £479m to Café Zoë — “fine,” she said.")
    assert flat == "myanmar s army paid 479m to cafe zoe - fine , she said ."


def test_flatten_article_reports_header_fields():
    flat = flatten_article("date 2017-11-15 Reuters, BEIJING\n\nChina said so.")
    assert flat.source == "Reuters" and flat.city == "BEIJING" and str(flat.date) == "2017-11-15"
    assert flat.lines() == ["beijing ( reuters ) - china said so ."]


def test_a_header_naming_an_unlisted_outlet_turns_back_into_its_dateline():
    flat = flatten_article("date CNN/Money, NEW YORK\n\nMoney managers are growing more pessimistic.")
    assert (flat.source, flat.city) == ("CNN/Money", "NEW YORK")
    assert flat.lines() == ["new york ( cnn / money ) - money managers are growing more pessimistic ."]
    # a first line that only starts with the word `date` is text, not a header
    assert flatten("date night was a success.\n\nIt sold out.") == "date night was a success .\nit sold out ."
    assert flatten("date Night\n\nIt sold out.") == "date night\nit sold out ."   # no place, no header
