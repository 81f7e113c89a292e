"""The paragraph-break model: what it reads of a sentence, how it walks a paragraph, and how
well it finds the breaks of real articles."""
from __future__ import annotations

from itertools import islice

from newsrestore import restore
from newsrestore.logistic import fit
from newsrestore.model import load_model
from newsrestore.paramodel import BREAK_THRESHOLD, ParagraphContext, SentenceMarks
from newsrestore.stages.paragraphs import sentence_marks as restored_marks
from newsrestore.train.gold import gold_sentences
from newsrestore.train.paragraphs import examples, sentence_marks

# two sentences of the BBC example (bbc_business_003), as the original writes them
YUKOS = ('"The pledged assets are with Rosneft, so it will have to pay real money to the creditors," '
         'said Moscow-based US lawyer Jamie Firestone. Menatep Group\'s managing director Tim Osborne told '
         'the Reuters news agency: "If they default, we will fight them where the rule of law exists."\n\n'
         'Rosneft officials were unavailable for comment.')


def test_training_marks_read_the_sources_quotation_marks():
    marks = sentence_marks(gold_sentences(YUKOS))
    speech, told, plain = marks
    assert (speech.opens, speech.quoted, speech.closes, speech.balance) == (True, True, False, False)
    assert (told.opens, told.quoted, told.closes, told.balance) == (False, True, True, False)
    assert (plain.quoted, plain.balance) == (False, None) and plain.ends_full


def test_the_stage_reads_the_marks_it_placed_as_training_reads_the_sources(reuters_example):
    """Restored, the Reuters example's quoted sentences read as the original's do in training."""
    doc = restore(reuters_example["flat"], quotes="straight").document     # the marks as the stage saw them
    restored = {" ".join(s.words[:4]): restored_marks(s) for s in doc.sentences}
    gold = {" ".join(m.words[:4]): m for m in sentence_marks(gold_sentences(reuters_example["original"]))}
    compared = 0
    # “Now, Democrats are saying ... percent. (the quotation runs on); “It’s interesting ...,” Crowley said.
    for key, still_open in (("now , democrats are", True), ("it s interesting to", False)):
        r, g = restored[key], gold[key]
        assert (r.opens, r.quoted, r.closes, r.balance) == (g.opens, g.quoted, g.closes, g.balance) \
            == (True, True, False, still_open)
        compared += 1
    unmarked = [k for k, m in gold.items() if m.balance is None and k in restored][:5]   # `For a fiscal ...` too
    assert len(unmarked) == 5 and all(restored[k].balance is None and not restored[k].quoted for k in unmarked)
    assert compared == 2


def test_no_break_is_decided_inside_an_open_quotation():
    sents = [SentenceMarks(["he", "said", ":"]), SentenceMarks(["we", "will", "go", "."], opens=True, quoted=True,
                                                              balance=True),
             SentenceMarks(["and", "stay", "."], closes=True, balance=False), SentenceMarks(["then", "."])]
    ctx = ParagraphContext(sents, "bbc")
    ctx.advance(0, True)
    assert ctx.eligible(1)
    ctx.advance(1, False)
    assert not ctx.eligible(2)                  # the quotation opened in sentence 1 runs on
    ctx.advance(2, False)
    assert ctx.eligible(3) and ctx.sents_in_para == 3
    feats = ctx.features(3)
    assert "n1 then" in feats and "s 3" in feats and "rem 0" in feats
    assert "bbc|n1 then" in feats                # each feature also paired with the house style
    assert "bbc|n1 then" not in ParagraphContext(sents, None).features(3)


def test_examples_are_the_eligible_boundaries_labelled_by_the_source():
    sents = gold_sentences(YUKOS)
    got = list(examples(("bbc", sentence_marks(sents), [s.paragraph_start for s in sents]), frozenset({"bbc"})))
    assert [y for _, y in got] == [0, 1]        # no break after the speech, one before `Rosneft officials`
    assert "n1 rosneft" in got[1][0] and "bbc|n1 rosneft" in got[1][0]


def test_fit_learns_what_opens_a_paragraph():
    data = [(["bias", "n1 meanwhile"], 1), (["bias", "n1 he"], 0), (["bias", "n1 but"], 0)] * 60
    model = fit(lambda epoch: data, bits=12, epochs=3)
    assert model.probability(["bias", "n1 meanwhile"]) > 0.8 > 0.2 > model.probability(["bias", "n1 he"])


def _f1(name: str, n: int) -> tuple[float, int]:
    from newsrestore import corpora
    model = load_model()
    tp = fp = fn = 0
    for art in islice((a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev"), n):
        sents = gold_sentences(art.text)
        for feats, y in examples((name, sentence_marks(sents), [s.paragraph_start for s in sents]),
                                 model.para_styles):
            guess = model.para.probability(feats) >= BREAK_THRESHOLD
            tp, fp, fn = tp + (guess and y), fp + (guess and not y), fn + (y and not guess)
    return 2 * tp / (2 * tp + fp + fn), tp + fn


def test_breaks_of_real_dev_articles(dev_articles):
    """On the first 40 dev articles of BBC and FNC-1 (their house style given, the source's
    quotation marks), the version 6 model's count tables by paragraph length scored F1 0.455 and
    0.730 over these same boundaries; this model 0.59 and 0.76.  BBC breaks where its topic
    turns, which length alone cannot see."""
    bbc, bbc_breaks = _f1("bbc", 40)
    fnc1, fnc1_breaks = _f1("fnc1", 40)
    assert bbc_breaks >= 100 and fnc1_breaks >= 100
    assert bbc >= 0.55 and fnc1 >= 0.745, (bbc, fnc1)
