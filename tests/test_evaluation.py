"""Hand-checked gold cases for every evaluation metric, the gold readers and `newsrestore eval`.

Every expected number below was worked out by hand from the definitions in
`newsrestore.evaluation.metrics` (the arithmetic is in the comments).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsrestore.evaluation import command as command_mod
from newsrestore.evaluation.compare import ErrorLog, compare
from newsrestore.evaluation.gold import read_path
from newsrestore.evaluation.metrics import Counts, f1, summarize
from newsrestore.evaluation.runner import comparable_body, limit_per_corpus
from newsrestore.evaluation.report import html_report, table


def score(gold: str, restored: str, **kw) -> dict:
    return summarize(compare(gold, restored, **kw))


def test_perfect_restoration_scores_full_marks():
    gold = "Myanmar’s army said, “We couldn’t go.”\n\nThe countries’ leaders met O’Brien."
    s = score(gold, gold)
    assert s["case_acc"] == s["cap_f1"] == s["apos_f1"] == s["quote_f1"] == s["para_f1"] == 1.0
    assert s["cer"] == 0.0 and s["words_kept"] == 1.0


def test_case_accuracy_and_capital_f1():
    # words: The/The ok, US/Us wrong, and ok, Obama/obama wrong, met ok -> 3/5
    # gold capitals {The, US, Obama}; restored capitals {The, Us}; TP=The, FP=Us, FN=US,Obama
    s = score("The US and Obama met.", "The Us and obama met.")
    assert s["case_acc"] == pytest.approx(3 / 5)
    assert s["cap_p"] == pytest.approx(1 / 2) and s["cap_r"] == pytest.approx(1 / 3)
    assert s["cap_f1"] == pytest.approx(2 * 1 / (2 * 1 + 1 + 2))


def test_numbers_are_not_case_words():
    s = score("In 2017 the G20 met.", "in 2017 the g20 met.")
    # alphabetic words: In, the, G20, met (2017 has no letter) -> 2 of 4 right
    assert s["case_acc"] == pytest.approx(2 / 4)


def test_apostrophes_inside_and_after_words_curly_equals_straight():
    gold = "Myanmar’s army couldn’t help O’Brien or the countries’ leaders."
    restored = "Myanmar's army couldn t help O Brien or the countries leaders'."
    # gold positions: after Myanmar, couldn, O, countries; restored: Myanmar (straight: same), leaders
    s = score(gold, restored)
    assert (s["apos_p"], s["apos_r"]) == (pytest.approx(1 / 2), pytest.approx(1 / 4))
    assert s["apos_f1"] == pytest.approx(2 / (2 + 1 + 3))


def test_quotes_open_and_close_positions():
    gold = "He said, “We go.” Then “fine”."
    restored = 'He said, "We go". Then fine".'
    # gold: open@2, close@4, open@5, close@6; restored: open@2, close@4 (after the period is
    # the same word boundary), close@6 -> TP 3, FN 1 (open before "fine"), FP 0
    s = score(gold, restored)
    assert s["quote_f1"] == pytest.approx(6 / 7)
    assert s["quote_p"] == 1.0 and s["quote_r"] == pytest.approx(3 / 4)


def test_article_without_quotes():
    s = score("No quotes here at all.", "No quotes here at all.")
    assert s["quote_f1"] is None and s["apos_f1"] is None           # nothing to find, nothing found
    s = score("No quotes here at all.", "No “quotes” here at all.")
    assert s["quote_f1"] == 0.0 and s["quote_p"] == 0.0             # two spurious marks


def test_article_without_capitals():
    s = score("all lower case here.", "all lower case here.")
    assert s["case_acc"] == 1.0 and s["cap_f1"] is None
    s = score("all lower case here.", "All lower case here.")
    assert s["case_acc"] == pytest.approx(3 / 4) and s["cap_f1"] == 0.0


def test_empty_article():
    s = score("", "")
    assert s["words"] == 0 and s["case_acc"] is None
    assert all(s[k] is None for k in ("cap_f1", "apos_f1", "quote_f1", "para_f1"))
    assert s["cer"] == 0.0 and s["words_kept"] == 1.0


def test_paragraph_breaks():
    gold = "A b.\n\nC d.\n\nE f."
    # gold breaks before word 2 (C) and word 4 (E); restored has only the first
    s = score(gold, "A b.\n\nC d. E f.")
    assert s["para_f1"] == pytest.approx(2 / 3)
    assert score(gold, "A b.\n\nC d.\n\nE f.\n\n")["para_f1"] == 1.0    # trailing blank line is no break
    assert score(gold, "A b. C d. E f.", paragraphs=False)["para_f1"] is None


def test_cer_unifies_quotes_and_whitespace():
    # gold It's "ok". (10 chars) vs It's "OK". -> 2 substitutions
    s = score("It’s “ok”.", "It's   \"OK\".")
    assert s["cer"] == pytest.approx(2 / 10)


def test_words_kept_and_scoring_only_matched_words():
    # gold one two three four; restored keeps one, three, four in order -> 3/4
    s = score("One two three four.", "one three four five.")
    assert s["words_kept"] == pytest.approx(3 / 4)
    assert s["case_acc"] == pytest.approx(2 / 3)                      # One wrong, three and four right


def test_tokenized_gold_compares_on_ptb_tokens():
    gold = 'Germany \'s coach said " we do n\'t know " .'
    restored = "Germany’s coach said “we don’t know.”"
    s = score(gold, restored, paragraphs=False, tokenized=True)
    assert s["words_kept"] == 1.0 and s["apos_f1"] == 1.0 and s["quote_f1"] == 1.0
    assert s["case_acc"] == 1.0


def test_micro_average_over_articles():
    total = Counts()
    total += compare("Aa bb.", "aa bb.")                  # 1 of 2 right
    total += compare("Cc dd ee ff.", "Cc dd ee ff.")      # 4 of 4 right
    assert summarize(total)["case_acc"] == pytest.approx(5 / 6)
    assert f1(0, 0, 0) is None and f1(0, 1, 0) == 0.0


def test_error_log_keeps_counts_and_examples():
    log = ErrorLog(keep=1)
    compare("The US said. The US went.", "The us said. The us went.", log=log)
    label, n, examples = log.top("case")[0]
    assert (label, n, len(examples)) == ("us → US", 2, 1)
    assert examples[0]["gold"][1] == "US" and examples[0]["restored"][1] == "us"


def test_comparable_body_drops_title_and_restores_dateline():
    text = "Title here\n\ndate 2017-12-31 Reuters, WASHINGTON\n\nThe head said.\n\nMore."
    assert comparable_body(text, True) == "WASHINGTON (Reuters) - The head said.\n\nMore."
    assert comparable_body("Just a body.", False) == "Just a body."


def test_gold_readers(tmp_path):
    bbc = tmp_path / "bbc" / "business"
    bbc.mkdir(parents=True)
    (bbc / "001.txt").write_text("Big title\n\nFirst para.\n\nSecond para.\n")
    (tmp_path / "bbc" / "notes.png").write_bytes(b"\x89PNG")
    [a] = list(read_path(tmp_path / "bbc"))
    assert (a.title, a.text, a.has_paragraphs) == ("Big title", "First para.\n\nSecond para.", True)
    conll = tmp_path / "eng.mini"
    conll.write_text("-DOCSTART- -X- O O\n\nHEADLINE NN O\n\nPeter NNP I-PER\nsaid VBD O\n. . O\n"
                     "\n-DOCSTART- -X- O O\n\nOTHER NN O\n\nBye UH O\n")
    docs = list(read_path(conll))
    assert [(d.title, d.text, d.tokenized) for d in docs] == [("HEADLINE", "Peter said .", True),
                                                             ("OTHER", "Bye", True)]
    jl = tmp_path / "g.jsonl"
    jl.write_text(json.dumps({"text": "A b.\n\nC d.", "title": "T"}) + "\n")
    [j] = list(read_path(jl))
    assert (j.corpus, j.title, j.has_paragraphs) == ("g", "T", True)
    cs = tmp_path / "g.csv"
    cs.write_text('title,text\nT,"One line, only."\n')
    assert [c.text for c in read_path(cs)] == ["One line, only."]
    wide = tmp_path / "wide.txt"            # UTF-16 from a Windows editor, not cp1252 with NULs
    wide.write_bytes("First para.\r\n\r\nSecond para.\r\n".encode("utf-16"))
    assert [w.text for w in read_path(wide)] == ["First para.\n\nSecond para."]
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"text": ["Par one.\n\nPar two."], "id": ["p1"]}), tmp_path / "g.parquet")
    [pa_art] = list(read_path(tmp_path / "g.parquet"))
    assert (pa_art.id, pa_art.has_paragraphs, pa_art.title) == ("p1", True, None)


def test_limit_per_corpus():
    from newsrestore.corpora.base import GoldArticle
    arts = [GoldArticle(c, str(i), "x") for i, c in enumerate("aabab")]
    assert [a.id for a in limit_per_corpus(arts, 1)] == ["0", "2"]


def test_eval_command_on_tiny_gold_file(tmp_path, monkeypatch):
    gold = tmp_path / "tiny.txt"
    gold.write_text("The cat sat.\n\nIt ran.\n")
    # a restorer that gives the flattened text back unchanged (lowercase, tokenized)
    monkeypatch.setattr(command_mod, "newsrestore_restorer", lambda quotes: (lambda flat, prof: flat))
    runner = CliRunner()
    res = runner.invoke(command_mod.eval_command, [str(gold), "--json", "--html", str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    m = data["corpora"]["tiny"]
    # The/the, It/it wrong; cat, sat, ran right -> 3/5; no breaks restored: para F1 0
    assert m["case_acc"] == pytest.approx(3 / 5) and m["para_f1"] == 0.0 and m["words_kept"] == 1.0
    # gold "The cat sat.\nIt ran." (20 chars) vs "the cat sat . it ran .": T->t, +" ", \n->" ", I->i, +" "
    assert m["cer"] == pytest.approx(5 / 20)
    page = (tmp_path / "r.html").read_text()
    assert "<svg" in page and "the → The" in page
    res = runner.invoke(command_mod.eval_command, [str(gold)])
    assert res.exit_code == 0 and "case_acc" in res.output and "60.00" in res.output


def test_html_escapes_gold_text():
    log = ErrorLog()
    counts = compare("<b>Evil</b> text.", "<b>evil</b> text.", log=log)
    data = {"profile": "stripped", "overall": summarize(counts), "corpora": {"x<y": summarize(counts)},
            "errors": {"case": [{"error": l, "count": n, "examples": e} for l, n, e in log.top("case")]}}
    page = html_report(data)
    assert "<b>Evil" not in page and "&lt;b&gt;" in page and "x&lt;y" in page
    assert "x<y" in table(data)


def test_real_restore_keeps_every_word_on_the_bundled_example():
    """newsrestore on a real BBC article: words_kept must be 100% (skipped until a model is built)."""
    from pathlib import Path

    from newsrestore.evaluation.runner import evaluate, newsrestore_restorer
    from newsrestore.corpora.base import GoldArticle
    from newsrestore.model import DEFAULT_MODEL

    if not DEFAULT_MODEL.exists():
        pytest.skip("no trained model yet (run `newsrestore train`)")
    original = Path(__file__).resolve().parents[2] / "shared" / "examples" / "bbc_business_003.original.txt"
    if not original.exists():
        pytest.skip("shared examples not available")
    title, body = original.read_text().split("\n\n", 1)
    gold = GoldArticle("bbc", "business/003", body.strip(), title, has_paragraphs=True)
    result = evaluate([gold], newsrestore_restorer())
    assert not result.failures
    assert summarize(result.total)["words_kept"] == 1.0


def test_calibration_charges_each_mark_to_the_word_it_touches():
    from newsrestore.evaluation.calibration import attached_marks
    # the opening mark is We's, the closing one will's (after its comma), the apostrophe both halves'
    assert attached_marks("“We will,” Geng said. China’s ``deal''") == [
        ('"', "We", ""), ("", "will", ',"'), ("", "Geng", ""), ("", "said", "."),
        ("", "China", "'"), ("'", "s", ""), ('"', "deal", '"')]


def test_confidence_is_calibrated_on_real_dev_articles():
    """Words restored with confidence 0.99 or more are rendered as in the original far more
    often than the words the restorer doubts, and each bucket's mean confidence is about the
    share it renders right; quotation marks it left out count against it."""
    from conftest import SHARED
    if not (SHARED / "data").exists():
        pytest.skip("the shared corpora are not here")
    from newsrestore.evaluation.calibration import calibration
    buckets = calibration(["bbc", "isot_true"], limit=12)
    sure = [b for b in buckets if b.low >= 0.99]
    doubtful = [b for b in buckets if b.high <= 0.8]
    assert sure and sure[0].words > 3000 and sure[0].rendered >= 96.0
    doubted = sum(b.words * b.rendered for b in doubtful) / sum(b.words for b in doubtful)
    assert doubted < 85.0
    assert all(b.rendered <= b.cased for b in buckets)
    # where the sample is large enough to say, the confidence claimed is the share rendered right
    assert all(abs(b.mean - b.rendered) <= 5.0 for b in buckets if b.words >= 200)


def test_single_quotation_marks_are_not_apostrophes():
    gold = "Critics called the 'serial prankster' video 'fake', but the girls' club and Jones' lawyer 'ave a case."
    # a single-quoted phrase closes after prankster and after fake: no apostrophes there; the plural
    # possessives after girls and Jones are apostrophes ('ave opens nothing that closes within reach)
    restored = "Critics called the serial prankster video fake, but the girls' club and Jones lawyer ave a case."
    s = score(gold, restored)
    assert (s["apos_p"], s["apos_r"]) == (pytest.approx(1.0), pytest.approx(1 / 2))


def test_gold_that_lost_some_marks_is_no_reference_for_them():
    """ISOT fake-news rows that lost their curly apostrophes but kept straight ones (words of a
    train row): the `Trump’s` newsrestore puts back must not count as a spurious apostrophe."""
    from newsrestore.corpora.base import GoldArticle
    from newsrestore.evaluation.runner import evaluate, newsrestore_restorer
    from newsrestore.train.build import marks_lost

    mixed = "A centerpiece of Donald Trump s campaign, and now his presidency, is the wall. Bill O'Reilly agreed."
    clean = "A centerpiece of Donald Trump's campaign, and now his presidency, is the wall. Bill O'Reilly agreed."
    assert marks_lost(mixed) and marks_lost("China s army couldn t go.") and not marks_lost(clean)
    result = evaluate([GoldArticle("isot_fake", "mixed", mixed), GoldArticle("isot_fake", "clean", clean)],
                      newsrestore_restorer())
    c = result.total
    assert (c.apos_tp, c.apos_fp, c.apos_fn) == (2, 0, 0)       # the clean article's two, right
