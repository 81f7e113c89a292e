"""The case model for words whose case depends on use: what it learns, and how well it does on
real dev text compared with always writing a word its most frequent way."""
from __future__ import annotations

from newsrestore import restore
from newsrestore.model import load_model
from newsrestore.train.case import case_sentences, examples, fit
from newsrestore.train.gold import gold_sentences


def test_fit_learns_case_from_the_neighbours():
    # `may` is the month after `in` and before a day, the verb after a pronoun
    sentences = ["They said it was in May 2016 .", "He may go .", "She may stay .", "It happened in May 4 .",
                 "We may see , they said in May ."] * 30
    lexicon = {w: [w, 1.0, 10] for s in sentences for w in s.lower().split()}
    lexicon["may"] = ["may", 0.6, 150]
    ambiguous = {"may": {"may": 90, "May": 90}}
    scorer = fit([("", sentences)], lexicon, ambiguous, epochs=3, bits=16)

    def p_cap(sentence: str) -> float:
        feats = [f for f, _ in examples(sentence, lexicon, ambiguous)]
        return scorer.probability(feats[0])

    assert p_cap("It was in May 2016 .") > 0.9
    assert p_cap("They may go .") < 0.1


def test_fit_learns_an_agency_convention_from_the_dateline_source():
    # Reuters writes `The Post`, the other outlets `the Post`: the same words, told apart by source
    from newsrestore.train.case import MIN_SOURCE_ARTICLES
    reuters = ["They told The Post on Monday .", "It was in The Post ."]
    others = ["They told the Post on Monday .", "It was in the Post ."]
    lexicon = {w: [w, 1.0, 10] for s in reuters + others for w in s.lower().split()}
    ambiguous = {"the": {"the": 80, "The": 80}}
    articles = [("Reuters", reuters)] * MIN_SOURCE_ARTICLES + [("", others)] * MIN_SOURCE_ARTICLES
    scorer = fit(articles, lexicon, ambiguous, ["Reuters"], epochs=2, bits=16)

    def p_cap(source: str) -> float:
        return scorer.probability(next(examples("He told the Post .", lexicon, ambiguous, source))[0])

    assert p_cap("Reuters") > 0.8 and p_cap("") < 0.2


def test_the_source_comes_from_a_dateline_the_header_takes():
    from newsrestore.train.case import case_article
    with_dateline = gold_sentences("BEIJING (Reuters) - China said on Monday it would act.")
    assert case_article(with_dateline)[0] == "Reuters"
    assert case_article(gold_sentences("China said on Monday it would act."))[0] == ""


def test_context_beats_the_most_frequent_form_on_dev_text(dev_articles):
    """Over every use of such words in real dev articles (the word before as the source wrote
    it), the model must make clearly fewer errors than writing each word its commonest way."""
    model = load_model()
    model_errors = majority_errors = total = 0
    for art in dev_articles:
        if art.tokenized:
            continue
        for sentence in case_sentences(gold_sentences(art.text)):
            for feats, y in examples(sentence, model.lexicon, model.ambiguous):
                w = feats[0][2:]
                dist = model.ambiguous[w]
                majority = int(max(dist, key=dist.__getitem__) != w)
                model_errors += (model.case.probability(feats) >= 0.5) != y
                majority_errors += majority != y
                total += 1
    assert total > 2000
    assert model_errors < 0.8 * majority_errors, (model_errors, majority_errors, total)


def test_titles_before_names_but_not_alone():
    # sentences from Reuters (ISOT dev), flattened, with their dateline: in Reuters style a title is
    # capitalised before a name only (other outlets in the data write `the President` too, so
    # without the dateline the model may choose either)
    art = restore("washington ( reuters ) - vice president mike pence expressed deep concern to turkey on "
                  "thursday about the arrests .\nthe white house said the president would travel to asia .",
                  profile="stripped")
    assert "Vice President Mike Pence expressed deep concern to Turkey on Thursday" in art.body
    assert "The White House said the president would travel to Asia." in art.body


def test_the_reason_quotes_the_words_around_a_contextual_decision():
    art = restore("the meeting was held in may 2017 , officials said .", profile="stripped")
    may = next(t for s in art.document.sentences for t in s.tokens if t.text == "may")
    assert may.out == "May"
    assert may.reason.startswith('context: "May" in "in may 2017"'), may.reason


def test_forget_empties_the_caches_and_changes_nothing():
    from newsrestore.stages.truecase import case_known
    text = "the house may vote on co-pays in may , us officials said .\nthe president said it ."
    model = load_model()
    model.forget()                  # whatever earlier tests cased, this text fills the caches anew
    first = restore(text, profile="stripped").text
    assert case_known.cache_info().currsize > 0 and model._hyphen_parts is not None
    model.forget()
    assert case_known.cache_info().currsize == 0 and model._hyphen_parts is None
    assert restore(text, profile="stripped").text == first


def test_a_contextual_word_at_either_end_of_a_line():
    art = restore("may\nthe bill passed the house", profile="stripped")
    words = {t.text: t for s in art.document.sentences for t in s.tokens}
    assert words["may"].out == "May" and words["house"].out == "House"
    assert 'in "the house"' in words["house"].reason


def test_only_agencies_with_enough_training_articles_get_their_own_features():
    from newsrestore.train.case import MIN_SOURCE_ARTICLES, learned_sources
    articles = [("Reuters", [])] * MIN_SOURCE_ARTICLES + [("AP", [])] * (MIN_SOURCE_ARTICLES - 1) + [("", [])] * 5
    assert learned_sources(articles) == ["Reuters"]


def test_an_agency_the_model_never_learned_cases_like_no_agency():
    # an unseen agency's features would read other features' hashed weights: it must not count
    from newsrestore.parse import parse
    from newsrestore.stages import truecase
    model = load_model()
    assert "Xinhua" not in model.case_sources
    text = "the white house said the president would travel to asia , the new york times reported ."

    def cased(source: str | None) -> list[str]:
        doc = parse(text, profile="stripped")
        doc.source = source
        truecase.apply(doc, model)
        return [t.out for s in doc.sentences for t in s.tokens]

    assert cased("Xinhua") == cased(None)


def test_the_arabic_article_stays_lower_case_before_a_hyphen_but_starts_a_sentence():
    from newsrestore.flatten import flatten
    # ISOT True (Reuters) dev articles row1304 and row1653, as written; neither name is in the lexicon
    gold = ("An official request has been received, said Hassan al-Houni, a spokesman for the "
            "internationally recognised government. The ambassador, Mohammed al-Jaber, who was speaking "
            "in a televised news conference, did not give details.")
    out = restore(flatten(gold)).body
    assert "said Hassan al-Houni, a spokesman" in out
    assert "The ambassador, Mohammed al-Jaber, who" in out
    assert restore("al-qaeda said it would fight on .\n").body.startswith("Al-Qaeda said")


def test_sentence_openings_learned_from_train_text():
    # Reuters-21578 notes under its tables open `NOTE:`; a dateline's city opens no sentence; lines
    # that began mid-sentence open in lower case, which needs a larger share to be believed
    from newsrestore.train.build import MIN_START_COUNT, start_forms
    from newsrestore.train.counts import Counts
    counts = Counts()
    for _ in range(MIN_START_COUNT):
        counts.add_article(gold_sentences("Revs 16.1 mln vs 3,971,000\n\nNOTE: annual dividend payable April 10, "
                                          "1987, to stockholders of record on March 27, 1987."), True)
        counts.add_article(gold_sentences("WASHINGTON (Reuters) - The head of a conservative Republican "
                                          "faction called himself a fiscal conservative."), False)
        counts.add_article(gold_sentences("Answer any of the questions above.\n\nor better still, stop hiding."), True)
        counts.add_article(gold_sentences("They were locked together.\n\nand two people chained themselves."), True)
    for _ in range(2):
        counts.add_article(gold_sentences("They were locked together.\n\nAnd two people chained themselves."), True)
    lexicon = {"note": ["note", 0.99, 500], "washington": ["Washington", 0.99, 900], "revs": ["revs", 0.9, 50]}
    table = start_forms(counts.initial, lexicon)
    assert table["note\t:"] == ["NOTE", MIN_START_COUNT, MIN_START_COUNT]
    assert not any(key.startswith("washington") for key in table)
    assert "revs\t16.1" not in table          # `Revs`: the lexicon form with a capital, nothing to learn
    assert table["or\tbetter"] == ["or", MIN_START_COUNT, MIN_START_COUNT]    # a line cut mid-sentence
    assert "and\ttwo" not in table           # lower case 3 times of 5: enough for a capital, not for lower case


def test_a_learned_sentence_opening_is_restored_with_its_reason():
    art = restore("revs 16.1 mln vs 3,971,000\nnote : annual dividend payable april 10 , 1987 , to stockholders "
                  "of record on march 27 , 1987 .")
    assert art.body.split("\n\n")[1].startswith("NOTE: ")    # the word after it is the case model's
    note = next(t for t in art.document.tokens() if t.text == "note")
    assert note.out == "NOTE" and "opens a sentence" in note.reason


def test_an_ordinal_opening_a_sentence_keeps_its_lower_case_suffix():
    # ISOT Fake's `21st Century Wire says`, Reuters-21578's `4th qtr`: no capital inside a number
    assert restore("21st century wire says the vote was rigged .\n").body.startswith("21st Century Wire says")
    assert restore("4th qtr shr profit 12 cts vs loss two cts\n").body.startswith("4th qtr")


def test_a_real_sentence_start_keeps_its_capital():
    # WMT newstest2012 (dev); in training text `and two` also opens lines cut mid-sentence, 2 times of 3
    body = restore("protesters locked themselves together by their arms .\nand two people chained themselves "
                   "to trees .").body
    assert "arms. And two people chained" in " ".join(body.split())     # a paragraph break or not
