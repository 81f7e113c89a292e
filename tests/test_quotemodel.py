"""The quotation tagger: exact decoding, exact marginals, and gold states from real text."""
from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsrestore.quotemodel import marginals, viterbi
from newsrestore.train.gold import gold_sentences
from newsrestore.train.quotes import gold_sequence

_score = st.floats(min_value=-6.0, max_value=6.0, allow_nan=False)
_articles = st.lists(st.tuples(_score, _score, _score), min_size=1, max_size=7)


def _path_score(pots, states) -> float:
    """Brute force: the sum of the transition scores along one path (staying outside scores 0)."""
    total, prev = 0.0, False
    for (o, c, s), state in zip(pots, states):
        total += (s if state else c) if prev else (o if state else 0.0)
        prev = state
    return total


@settings(max_examples=150, deadline=None)
@given(_articles)
def test_viterbi_finds_the_best_path(pots):
    paths = list(itertools.product([False, True], repeat=len(pots)))
    best = max(_path_score(pots, p) for p in paths)
    assert math.isclose(_path_score(pots, viterbi(pots)), best, rel_tol=1e-9, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(_articles)
def test_marginals_equal_brute_force(pots):
    n = len(pots)
    paths = [list(p) for p in itertools.product([False, True], repeat=n)]
    weight = [math.exp(_path_score(pots, p)) for p in paths]
    z = sum(weight)
    opens, closes = marginals(pots)
    assert len(opens) == n and len(closes) == n + 1
    for k in range(n):
        want = sum(w for p, w in zip(paths, weight) if p[k] and (k == 0 or not p[k - 1])) / z
        assert math.isclose(opens[k], want, abs_tol=1e-9)
    for k in range(n + 1):
        want = sum(w for p, w in zip(paths, weight) if k and p[k - 1] and (k == n or not p[k])) / z
        assert math.isclose(closes[k], want, abs_tol=1e-9)


def test_open_bias_places_more_quotations():
    pots = [(-1.0, 0.0, 0.0), (-3.0, 0.5, -0.8)]       # one likely-ish quotation, not likely enough
    assert viterbi(pots) == [False, False]
    assert viterbi(pots, open_bias=1.5) == [True, False]


def test_gold_states_cover_partial_and_running_quotations(reuters_example):
    text = reuters_example["original"].split("\n", 2)[2]
    words, _, _, states = gold_sequence(gold_sentences(text))
    words = words.split(" ")
    inside = [w for w, s in zip(words, states) if s == "1"]
    joined = " ".join(inside)
    assert "fiscal conservative" in joined and "face the nation ," in joined   # partial quotations
    # a quotation running over two sentences is inside throughout, up to its closing comma
    start = joined.index("now , democrats are saying")
    assert joined[start:].split(" eventually ")[1].startswith("you run out of other people s money ,")
    assert "crowley" not in inside and "meadows" not in inside
    assert states.count("1") < len(states) // 4


def test_fast_scorer_equals_the_feature_names_it_was_trained_on(reuters_example, bbc_example):
    from newsrestore.model import load_model
    from newsrestore.parse import parse
    from newsrestore.quotemodel import features, units
    model = load_model()
    weights = model.data["quotes"]["weights"]
    for flat in (reuters_example["flat"], bbc_example["flat"]):
        doc = parse(flat)
        toks = [t for s in doc.sentences for t in s.tokens]
        words, cased = [t.text for t in toks], [t.text.capitalize() for t in toks]
        spans = units([len(s.tokens) for s in doc.sentences], [s.tokens[-1].text for s in doc.sentences])
        for outlet in ("", "style:bbc", "Reuters"):
            slow = []             # what training scores: the sum of the weights of every feature name
            for names in features(words, cased, spans, outlet):
                slow.append(tuple(sum(weights.get(n, (0.0, 0.0, 0.0))[d] for n in names) for d in range(3)))
            fast = model.quotes.potentials(words, cased, spans, outlet)
            assert len(fast) == len(words)
            assert all(math.isclose(a, b, abs_tol=1e-9) for x, y in zip(slow, fast) for a, b in zip(x, y))
            assert any(o != 0 for o, _, _ in slow)   # the weights are really consulted
        # the outlet's own weights change the scores where sentences start
        assert model.quotes.potentials(words, cased, spans, "style:bbc") != model.quotes.potentials(words, cased, spans)


def _mark_f1(corpus: str, outlet: str, n: int, data) -> tuple[float, int]:
    """F1 of the tagger's marks over the first `n` dev articles of `corpus` that kept their marks,
    read as `outlet` (their words in the source's case, as a perfect truecaser would give them)."""
    from itertools import islice

    from newsrestore import corpora
    from newsrestore.model import load_model
    from newsrestore.quotemodel import marks
    from newsrestore.train.build import marks_lost
    from newsrestore.train.quotes import _article
    model = load_model()
    tp = fp = fn = 0
    dev = (a for a in corpora.iter_corpus(corpus, data) if corpora.split_of(a) == "dev" and not marks_lost(a.text))
    for article in islice(dev, n):
        seq = gold_sequence(gold_sentences(article.text))
        if seq is None:
            continue
        words, cased, spans, gold = _article(seq)
        pred = set(marks(viterbi(model.quotes.potentials(words, cased, spans, outlet), model.open_bias)))
        want = set(marks(gold))
        tp, fp, fn = tp + len(want & pred), fp + len(pred - want), fn + len(want - pred)
    return 2 * tp / max(1, 2 * tp + fp + fn), tp + fn


def test_reading_the_outlet_finds_more_of_its_quotations(shared_data):
    """BBC marks most `..., he said.` sentences as quotations and the Reuters wire quotes in its
    own way; the same articles read without their outlet lose those habits.  Over these articles
    the model scored (without -> with): bbc 0.546 -> 0.574, isot_true (Reuters) 0.576 -> 0.617."""
    for corpus, outlet in (("bbc", "style:bbc"), ("isot_true", "Reuters")):
        plain, marks_seen = _mark_f1(corpus, "", 80, shared_data)
        read, _ = _mark_f1(corpus, outlet, 80, shared_data)
        assert marks_seen >= 400
        assert read >= plain + 0.015 and read >= 0.55, (corpus, plain, read)


def test_every_word_leaves_room_for_a_mark_no_model_sees(reuters_example):
    # quoted phrases inside sentences leave no trace in flattened text, so even the surest word
    # of the Reuters example (its marks stripped) claims no more than 1 - UNSEEN_MARK; in the PTB
    # profile, whose input keeps its marks, nothing is deducted
    from newsrestore import flatten, restore
    from newsrestore.stages.quotes import UNSEEN_MARK
    words = [t for s in restore(reuters_example["flat"]).document.sentences for t in s.tokens if t.text.isalpha()]
    assert max(t.conf for t in words) == 1.0 - UNSEEN_MARK
    ptb = restore(flatten(reuters_example["original"], "ptb"), profile="ptb").document
    assert max(t.conf for s in ptb.sentences for t in s.tokens) > 1.0 - UNSEEN_MARK
