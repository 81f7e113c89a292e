"""Pound signs put back before amounts (`currencymodel.py`, `stages/currency.py`)."""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from newsrestore import corpora, restore
from newsrestore.currencymodel import amount_shape, candidate, document_cues
from newsrestore.flatten import flatten
from newsrestore.train.currency import MARK, currency_article, examples
from newsrestore.train.gold import gold_sentences

_POUNDS = re.compile(r"£([\d.,]+\w*)")


def _dev(name: str, n: int) -> list:
    return list(islice((a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev"), n))


def test_bbc_amounts_get_their_pound_signs_back(shared_data):
    """Over 60 BBC dev articles, most of the source's pound signs come back and nearly every
    sign written stands where the source had one."""
    gold = ours = right = 0
    for art in _dev("bbc", 60):
        body = restore(flatten(art.text, "stripped", title=art.title), profile="stripped").body
        g, o = Counter(_POUNDS.findall(art.text)), Counter(_POUNDS.findall(body))
        gold, ours, right = gold + sum(g.values()), ours + sum(o.values()), right + sum((g & o).values())
    assert gold >= 20
    assert right >= 0.6 * gold and right >= 0.85 * ours, (right, ours, gold)


def test_american_news_gets_no_pound_sign(shared_data):
    """Reuters from Washington writes its amounts in dollars: no pound sign in 60 dev articles."""
    for art in _dev("isot_true", 60):
        body = restore(flatten(art.text, "stripped"), profile="stripped").body
        assert "£" not in body, art.id


def test_a_restored_pound_sign_folds_away_again(bbc_example):
    """The sign is only added characters: flattening the restored article gives back the input."""
    art = restore(bbc_example["flat"], profile="stripped")
    assert "(£479m)" in art.text and "(£479m)" in bbc_example["original"]
    assert flatten(art.text, "stripped", has_title=art.title is not None) == bbc_example["flat"].rstrip("\n")
    tok = next(t for t in art.document.tokens() if t.out.startswith("£"))
    assert tok.stage == "currency" and "pound" in tok.reason and 0.5 <= tok.conf <= 1


def test_input_that_kept_its_non_ascii_text_is_left_alone():
    """Text that was never folded lost no pound sign: `479m` there stays as written."""
    art = restore("the firm made a profit of 479m last year , its café chain said .", profile="lower")
    assert "£" not in art.text


def test_candidates_are_numbers_not_after_a_dollar_sign():
    assert candidate("479m", "of") and candidate("1.3bn", "(") and candidate("10,000", "to")
    assert not candidate("5m", "$") and not candidate("5m", "us$") and not candidate("m5", "the")
    assert amount_shape("2004") == "year" and amount_shape("479m") == "d3m" and amount_shape("1,000") == "d4,"


def test_document_cues_read_british_and_dollar_words():
    assert document_cues("mr brown said sterling fell in london and britain".split()) == ["uk4", "usd0"]
    assert document_cues("the $ 5m deal , $ 3bn".split()) == ["uk0", "usd2"]


def test_training_labels_come_from_the_source_pound_signs():
    """The marker that stands in for `£` while the source is annotated leaves the tokens as
    flattening makes them, and marks exactly the amounts written in pounds."""
    text = "The firm made a loss of £479m (£1.3bn) in 2004, against 300m the year before."
    sentences = gold_sentences(text)
    source, cues, kept = currency_article(text, sentences)
    assert MARK not in " ".join(line for line, _ in kept)
    line, pounds = kept[0]
    words = line.split(" ")
    assert sorted(words[i] for i in pounds) == ["1.3bn", "479m"]
    labels = [y for _, y in examples(("", cues, kept))]         # 479m, 1.3bn, 2004, 300m
    assert labels == [1, 1, 0, 0]
