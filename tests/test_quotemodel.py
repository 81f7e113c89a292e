"""The quotation tagger: exact decoding, exact marginals, and gold states from real text."""
from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsrestore.quotemodel import marginals, viterbi
from newsrestore.train.gold import gold_sentences
from newsrestore.train.quotes import gold_sequence

_prob = st.floats(min_value=0.001, max_value=0.999, allow_nan=False)
_articles = st.lists(st.tuples(_prob, _prob), min_size=1, max_size=7).map(lambda p: p + [(0.0, 1.0)])


def _path_probability(probs, states) -> float:
    """Brute force: the product of the transition probabilities along one path."""
    total, prev = 1.0, False
    for (po, pc), s in zip(probs, list(states) + [False]):
        total *= (pc if not s else 1 - pc) if prev else (po if s else 1 - po)
        prev = s
    return total


@settings(max_examples=150, deadline=None)
@given(_articles)
def test_viterbi_finds_the_most_probable_path(probs):
    paths = list(itertools.product([False, True], repeat=len(probs) - 1))
    best = max(_path_probability(probs, p) for p in paths)
    assert math.isclose(_path_probability(probs, viterbi(probs)), best, rel_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(_articles)
def test_marginals_equal_brute_force(probs):
    n = len(probs) - 1
    paths = [list(p) for p in itertools.product([False, True], repeat=n)]
    weight = [_path_probability(probs, p) for p in paths]
    z = sum(weight)
    assert math.isclose(z, 1.0, rel_tol=1e-9)       # the two local models make a proper distribution
    opens, closes = marginals(probs)
    for k in range(n):
        want = sum(w for p, w in zip(paths, weight) if p[k] and (k == 0 or not p[k - 1]))
        assert math.isclose(opens[k], want, abs_tol=1e-9)
    for k in range(n + 1):
        want = sum(w for p, w in zip(paths, weight) if k and p[k - 1] and (k == n or not p[k]))
        assert math.isclose(closes[k], want, abs_tol=1e-9)


def test_open_bias_places_more_quotations():
    probs = [(0.3, 0.1), (0.05, 0.6), (0.0, 1.0)]        # one likely-ish quotation, not likely enough
    assert viterbi(probs) == [False, False]
    assert viterbi(probs, open_bias=1.5) == [True, False]


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
        slow = []                 # what training scores: the sum of the weights of every feature name
        for names in features(words, cased, spans):
            z = [sum(weights.get(n, (0.0, 0.0))[d] for n in names) for d in (0, 1)]
            slow.append(tuple(1 / (1 + math.exp(-x)) for x in z))
        slow.append((0.0, 1.0))
        fast = model.quotes.probabilities(words, cased, spans)
        assert len(fast) == len(words) + 1
        assert all(math.isclose(a, b, abs_tol=1e-9) for x, y in zip(slow, fast) for a, b in zip(x, y))
        assert any(p > 0.5 for p, _ in slow)       # the weights are really consulted
