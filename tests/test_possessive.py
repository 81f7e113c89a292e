"""Plural possessives (`voters’ minds`) and the hashed logistic models behind them and the case model."""
from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from newsrestore import restore
from newsrestore.logistic import HashedLogistic, fit
from newsrestore.model import load_model
from newsrestore.train.build import marks_lost
from newsrestore.train.gold import gold_sentences
from newsrestore.train.possessive import examples, possessive_sentences


@given(st.lists(st.integers(-32767, 32767), min_size=16, max_size=16))
def test_hashed_weights_survive_the_model_file(values):
    model = HashedLogistic(array("h", values), 4)
    back = HashedLogistic.from_json(model.to_json())
    assert list(back.weights) == values and back.bits == 4
    assert back.logit(["a", "b"]) == model.logit(["a", "b"])


def test_fit_separates_what_the_features_tell_apart():
    data = [(["bias", "w voters", "n minds"], 1), (["bias", "w voters", "n said"], 0),
            (["bias", "w jones", "n victory"], 1), (["bias", "w jones", "n said"], 0)] * 50
    model = fit(lambda epoch: data, bits=12, epochs=3)
    assert model.probability(["bias", "w voters", "n minds"]) > 0.8
    assert model.probability(["bias", "w voters", "n said"]) < 0.2


def test_training_sentences_mark_the_apostrophe_on_its_word():
    sents = possessive_sentences(gold_sentences("It is up to the voters' minds, the voters said."))
    assert sents == ["It is up to the voters' minds , the voters said ."]
    assert [y for _, y in examples(sents[0], {})] == [0, 1, 0]       # `is up`, `voters minds`, `voters said`


def test_plural_possessives_restored():
    # sentences from ISOT dev articles (Reuters), flattened
    art = restore("other issues will likely be uppermost in voters minds .\n"
                  "the senator has qualms about the republicans plan to repeal the mandate .\n"
                  "voters said they would stay home .", profile="stripped")
    assert "in voters’ minds." in art.body and "the Republicans’ plan" in art.body
    assert "Voters said" in art.body


def test_possessive_model_on_real_dev_text(examples_dir):
    """Over every word ending in s before another word in real dev articles that kept their
    apostrophes (Reuters and BBC), the model finds many more plural possessives than it puts
    wrongly (the tables it replaced found 10% of them, at 75% precision)."""
    from itertools import chain, islice

    from newsrestore import corpora
    model = load_model()
    articles = chain.from_iterable(
        islice((a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev"), 80)
        for name in ("isot_true", "bbc"))
    tp = fp = fn = 0
    for art in articles:
        if marks_lost(art.text):
            continue
        for sentence in possessive_sentences(gold_sentences(art.text)):
            for feats, y in examples(sentence, model.owned):
                guess = model.possessive.probability(feats) >= 0.5
                tp, fp, fn = tp + (guess and y), fp + (guess and not y), fn + (y and not guess)
    assert tp + fn >= 40
    assert tp / (tp + fp) >= 0.7 and tp / (tp + fn) >= 0.3, (tp, fp, fn)
