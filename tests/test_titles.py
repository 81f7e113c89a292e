"""Titles in the outlet's style: how titles are classified, what training learns, and what the
titles stage does to real dev titles."""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from newsrestore import corpora, flatten, restore
from newsrestore.model import load_model
from newsrestore.train.build import title_styles
from newsrestore.titlestyle import SENTENCE, TITLE, UPPER, classify


def test_titles_are_classified_by_how_their_words_are_written():
    # real titles of Reuters-21578, GUM and BBC
    assert classify("TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND") == UPPER
    assert classify("Walking Like Dinosaurs: Chickens with Artificial Tails Provide Clues") == TITLE
    assert classify("Dollar gains on Greenspan speech") == SENTENCE
    assert classify("Daniel Bernoulli") is None          # a name says nothing of the style


def test_an_outlet_gets_the_style_most_of_its_titles_have_but_not_a_sentence():
    articles = [("style:wire", [])] * 120 + [("style:paper", [])] * 120 + [("style:few", [])] * 20
    classes = [UPPER] * 100 + [SENTENCE] * 20 + [SENTENCE] * 110 + [TITLE] * 10 + [UPPER] * 20
    words = Counter({("of", True): 30, ("of", False): 2, ("plan", False): 40, ("plan", True): 1})
    learned = title_styles(articles, classes, words)
    assert learned["outlets"] == {"style:wire": UPPER}   # `paper` writes sentences, `few` has too few
    assert "of" in learned["small"] and "plan" not in learned["small"]


def test_a_title_case_outlet_capitalises_all_but_its_small_words():
    # no bundled outlet writes Title Case; a model that learned it for Reuters (as one trained on
    # such an outlet's own table would) writes a real ISOT title so
    model = load_model()
    titled = type(model)(dict(model.data, titles={"outlets": {"Reuters": TITLE}, "small": ["of", "the", "to"]}))
    flat = ("as u.s. budget fight looms , republicans flip their fiscal script\n\n"
            "washington ( reuters ) - the head of a conservative republican faction said on sunday it would act .")
    restored = restore(flat, model=titled)
    assert restored.title == "As U.S. Budget Fight Looms, Republicans Flip Their Fiscal Script"
    assert restore(flat, model=model).title == "As U.S. budget fight looms, Republicans flip their fiscal script"
    assert restore("the president of the party\n\nwashington ( reuters ) - he said it .", model=titled).title \
        == "The President of the Party"


def _title_word_errors(model, articles) -> int:
    errors = 0
    for art in articles:
        restored = restore(flatten(art.text, "stripped", title=art.title), profile="stripped", model=model).title
        gold, ours = re.findall(r"[A-Za-z]+", art.title), re.findall(r"[A-Za-z]+", restored)
        assert [w.lower() for w in gold] == [w.lower() for w in ours]
        errors += sum(g != o for g, o in zip(gold, ours))
    return errors


def test_reuters_21578_titles_come_back_in_capitals_and_bbc_titles_as_sentences(shared_data):
    model = load_model()
    assert model.title_styles.get("style:reuters21578") == UPPER
    plain = type(model)(dict(model.data, titles={"outlets": {}, "small": []}))
    for name, most in (("reuters21578", 0.5), ("bbc", 1.0)):
        dev = list(islice((a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev" and a.title), 60))
        styled, unstyled = _title_word_errors(model, dev), _title_word_errors(plain, dev)
        assert styled <= most * unstyled, (name, styled, unstyled)
        if name == "bbc":
            assert styled == unstyled


def test_a_model_trained_on_an_outlet_with_titles_in_capitals_writes_its_titles_so(tmp_path, shared_data):
    """`newsrestore train` on a user's table with a title column (here 210 Reuters-21578 train
    articles, whose titles are in capitals) learns that style; restoring with that model writes
    a Reuters-21578 dev article's title as the original did."""
    import json
    import subprocess
    import sys
    from newsrestore.model import load_model as load

    train = islice((a for a in corpora.iter_corpus("reuters21578") if corpora.split_of(a) == "train" and a.title), 210)
    src = tmp_path / "mine.jsonl"
    src.write_text("".join(json.dumps({"title": a.title, "text": a.text}) + "\n" for a in train))
    out = tmp_path / "mine.model.zip"
    res = subprocess.run([sys.executable, "-m", "newsrestore", "train", str(src), "-o", str(out), "-j", "1"],
                         capture_output=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert load(out).title_styles == {"style:user": UPPER}
    dev = next(a for a in corpora.iter_corpus("reuters21578") if corpora.split_of(a) == "dev" and a.title
               and any(c.isalpha() for c in a.title))
    restored = restore(flatten(dev.text, "stripped", title=dev.title), profile="stripped", model=load(out))
    assert restored.title.upper() == restored.title
    assert re.findall(r"[A-Za-z]+", restored.title) == re.findall(r"[A-Za-z]+", dev.title)
