"""The case prior: how an outside corpus writes words the lexicon lacks, as features of the
unknown-word model."""
from __future__ import annotations

import math

from newsrestore import restore
from newsrestore.caseprior import CasePrior
from newsrestore.model import load_model
from newsrestore.train.caseprior import build
from newsrestore.train.unknown import examples, fit

# log probabilities as spaCy's en_lexeme_prob gives them
TABLE = {
    "Souness": -17.0,                        # a name: no lower-case form
    "nato": -16.0, "Nato": -12.0, "NATO": -10.0,
    "cantata": -13.0, "Cantata": -15.0,      # a plain word, now and then a title's
    "the": -3.0, "The": -4.0,                # known to the lexicon: left out
    "2016": -9.0, "naïve": -12.0,            # not a plain word: left out
}


def test_the_prior_keeps_rounded_log_odds_of_capitals_and_of_capitals_throughout():
    prior = build(TABLE, known={"the"})
    floor = min(TABLE.values()) - 1.0                    # a missing form: -18
    assert prior.features("souness") == [f"cp:{round(-17.0 - floor):+d}", "cu:-1"]   # +1; no NATO-like form
    cap = math.log(math.exp(-12.0) + math.exp(-10.0))
    assert prior.features("nato") == [f"cp:{round(cap + 16.0):+d}", "cu:+2"]
    assert prior.features("cantata") == ["cp:-2", "cu:-3"]
    for word in ("the", "2016", "naïve", "inhofe"):
        assert prior.features(word) == ["cp:none"]


def test_log_odds_beyond_the_limit_are_clipped_and_the_table_survives_json():
    prior = build({"zorbel": -19.0, "Zorbel": -5.0, "quantrex": -4.0}, known=())
    assert prior.features("zorbel") == ["cp:+6", "cu:-6"]       # 14 nats, and no capitals throughout
    assert prior.features("quantrex") == ["cp:-6", "cu:none"]   # no form with a capital at all
    again = CasePrior.from_json(prior.to_json())
    for word in ("zorbel", "quantrex", "nothing"):
        assert again.features(word) == prior.features(word)


def test_the_unknown_word_model_learns_to_read_the_prior():
    # the same contexts and spellings; only the outside corpus tells the names from the things
    lexicon = {w: [w, 1.0, 50] for w in ("the", "said", "of", "a", "saw", "new")}
    names, things = ["zorbel", "quantel", "velmark"], ["zorbing", "quantrex", "velmasch"]
    table = {**{n.capitalize(): -12.0 for n in names}, **{t: -12.0 for t in things}}
    prior = build(table, known=lexicon)
    sentences = [f"a new {n.capitalize()} said" for n in names] + [f"a new {t} said" for t in things]
    scorer = fit([("", sentences)] * 40, lexicon, {}, epochs=2, prior=prior)
    more = build({"Brantock": -12.0, "gorbling": -12.0}, known=lexicon)

    def p_cap(sentence: str) -> float:
        return scorer.probability(next(examples(sentence, lexicon, {}, more))[0])

    assert p_cap("a new brantock said") > 0.8
    assert p_cap("a new gorbling said") < 0.2


def test_the_shipped_prior_speaks_only_of_words_the_lexicon_lacks():
    model = load_model()
    assert model.case_prior is not None and len(model.case_prior.hashes) > 100_000
    for word in ("the", "president", "china", "house"):      # the lexicon's: never asked
        assert word in model.lexicon and model.case_prior.features(word) == ["cp:none"]


def test_words_the_lexicon_lacks_are_cased_as_the_outside_corpus_writes_them():
    # spelling and neighbours alone (model version 12) wrote `dnipro` and `Tiramisu`
    model = load_model()
    assert "dnipro" not in model.lexicon and "tiramisu" not in model.lexicon
    text = restore("officials said the ship was carrying dnipro to the port .\n"
                   "the protesters wore balaclavas and carried tiramisu , police said .").text
    assert "carrying Dnipro to the port" in text
    assert "carried tiramisu, police said" in text
