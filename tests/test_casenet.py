"""The case network beside the case model: that NumPy reads what PyTorch trained, what it
learns, and that the two models together beat the case model alone on real dev text."""
from __future__ import annotations

import numpy as np
import pytest

from newsrestore import restore
from newsrestore.casenet import CaseNet, decode_array, encode_array
from newsrestore.model import Model, load_model
from newsrestore.train.case import case_sentences, contexts, features
from newsrestore.train.gold import gold_sentences


def test_arrays_survive_the_model_file_as_half_precision():
    a = np.array([[0.5, -1.25, 3.0], [1e-3, 100.0, -7.5]], dtype=np.float32)
    back = decode_array(encode_array(a))
    assert back.shape == a.shape and back.dtype == np.float32
    assert np.allclose(back, a, rtol=1e-3)


def test_numpy_reads_the_network_as_pytorch_computes_it():
    torch = pytest.importorskip("torch")
    from newsrestore.train.casenet import export, network
    torch.manual_seed(1)
    net = network(torch, 7, 11, 5, 4, 3)
    with torch.no_grad():                       # weights away from zero, so a transposed layout shows
        for p in net.parameters():
            p.normal_(0.0, 0.5)
    tables = {"targets": [f"t{i}" for i in range(7)], "vocab": [f"v{i}" for i in range(10)],
              "classes": [f"c{i}" for i in range(5)], "runs": ["1l", "2U", "3E"], "sources": ["a", "b"]}
    rng = np.random.default_rng(0)
    rows = np.stack([rng.integers(0, k, 50) for k in (7, 11, 11, 11, 11, 11, 11, 5, 4, 3)], axis=1)
    with torch.no_grad():
        expected = torch.sigmoid(net(torch.from_numpy(rows))).numpy()
    got = CaseNet(export(net, tables)).probabilities([tuple(r) for r in rows])
    assert np.allclose(got, expected, atol=2e-2), np.abs(got - expected).max()


def test_the_network_learns_case_from_the_neighbours():
    pytest.importorskip("torch")
    from newsrestore.train.casenet import fit
    # `may` is the month after `in` and before a day, the verb after a pronoun
    sentences = ["They said it was in May 2016 .", "He may go .", "She may stay .", "It happened in May 4 .",
                 "We may see , they said in May ."] * 60
    lexicon = {w: [w, 1.0, 10] for s in sentences for w in s.lower().split()}
    lexicon["may"] = ["may", 0.6, 150]
    ambiguous = {"may": {"may": 90, "May": 90}}
    net = CaseNet(fit([("", sentences)], lexicon, ambiguous, epochs=80))   # one batch an epoch

    def p_cap(sentence: str) -> float:
        ctx = next(contexts(sentence, lexicon, ambiguous))[0]
        return float(net.probabilities([net.row(ctx)])[0])

    assert p_cap("It was in May 2016 .") > 0.9
    assert p_cap("They may go .") < 0.1


def test_network_and_case_model_together_beat_the_case_model_alone_on_dev_text(dev_articles):
    """Over every use of such words in real dev articles (the word before as the source wrote it),
    the mean of the two models' probabilities makes fewer errors than the case model alone."""
    model = load_model()
    assert model.casenet is not None, "the bundled model has a case network"
    lr_p, rows, labels = [], [], []
    for art in dev_articles:
        if art.tokenized:
            continue
        for sentence in case_sentences(gold_sentences(art.text)):
            for ctx, y in contexts(sentence, model.lexicon, model.ambiguous):
                row = model.casenet.row(ctx)
                if row is not None:
                    lr_p.append(model.case.probability(features(ctx)))
                    rows.append(row)
                    labels.append(y)
    assert len(labels) > 2000
    y = np.array(labels, dtype=bool)
    alone = np.array(lr_p)
    both = (alone + model.casenet.probabilities(rows)) / 2
    assert ((both >= 0.5) != y).sum() < ((alone >= 0.5) != y).sum()


def _tokens(article):
    return [t for s in article.document.all_sentences() for t in s.tokens]


def test_the_reasons_name_both_models(reuters_example):
    """Words the case model is not sure of are decided with the network, and the reason says so."""
    reasons = [t.reason for t in _tokens(restore(reuters_example["flat"])) if t.reason.startswith("context:")]
    assert any("case model" in r and "network" in r for r in reasons), reasons


def test_a_model_trained_without_pytorch_restores_with_the_case_model_alone(reuters_example):
    shipped = load_model()
    art = restore(reuters_example["flat"], model=Model(dict(shipped.data, casenet=None)))
    assert art.text.startswith("date Reuters, WASHINGTON\n\nThe head of a conservative Republican faction")
    reasons = [t.reason for t in _tokens(art) if t.reason.startswith("context:")]
    assert reasons and not any("network" in r for r in reasons)


def test_restore_builds_the_rows_training_built(dev_articles):
    """The network must see at restore time what it learned from: `CaseNet.row` and
    `train/casenet.encode` write the same ids for the same contexts (the tables that name them
    come from encoding the same sentences)."""
    from newsrestore.train.casenet import encode
    model = load_model()
    sentences = [s for art in dev_articles[:8] if not art.tokenized
                 for s in case_sentences(gold_sentences(art.text))]
    x, labels, tables = encode([("Reuters", sentences)], model.lexicon, model.ambiguous, ["Reuters"])
    net = CaseNet(dict(tables, weights=load_model().data["casenet"]["weights"]))
    rows = [net.row(ctx) for s in sentences for ctx, _ in contexts(s, model.lexicon, model.ambiguous, "Reuters")]
    assert len(rows) == len(x) > 200
    assert [list(r) for r in rows] == x.tolist()
    assert labels.sum() > 0 and net.sources == {"Reuters": 1}


def test_training_without_pytorch_builds_no_network(monkeypatch):
    import newsrestore.train.casenet as train_casenet
    monkeypatch.setattr(train_casenet, "available", lambda: False)
    sentences = ["He said in May 2016 that he may go ."] * 5
    lexicon = {w: [w, 1.0, 10] for w in sentences[0].lower().split()}
    assert train_casenet.fit([("", sentences)], lexicon, {"may": {"may": 5, "May": 5}}) is None


def test_a_reason_quotes_the_words_around_as_written():
    """The reason quotes the word before as the restorer wrote it, a sentence's first word with
    its capital (`The`), even when that word's own case waited for the network's batch."""
    art = restore("the white house said on monday it would act .\n")
    white = next(t for t in _tokens(art) if t.text == "white")
    assert white.out == "White" and 'in "The white house"' in white.reason
