"""Tests for `newsrestore diff` on real articles and variants made from them."""
from __future__ import annotations

import json
import lzma
import re
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrestore.diff import DiffError, diff_texts, parse_version
from newsrestore.diff.command import diff_command
from newsrestore.diff.html import to_html
from newsrestore.diff.render import to_json, to_text
from newsrestore.flatten import flatten, flatten_article

EXAMPLES = Path("/work/shared/examples")
BBC = Path("/work/shared/data/bbc/bbc.jsonl.xz")
REUTERS = EXAMPLES / "reuters_budget.original.txt"
REUTERS_FLAT = EXAMPLES / "reuters_budget.flat.txt"
YUKOS = EXAMPLES / "bbc_business_003.original.txt"
YUKOS_FLAT = EXAMPLES / "bbc_business_003.flat.txt"

needs_examples = pytest.mark.skipif(not REUTERS.exists(), reason="shared examples not available")
needs_bbc = pytest.mark.skipif(not BBC.exists(), reason="BBC corpus not available")


@lru_cache(maxsize=1)
def bbc_articles(limit: int = 120) -> list[str]:
    out = []
    with lzma.open(BBC, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append(rec["title"] + "\n\n" + "\n\n".join(rec["paragraphs"]))
            if len(out) >= limit:
                break
    return out


def ops(result) -> list[str]:
    return [p.op for p in result.pairs]


def body_sentences(path: Path) -> list[str]:
    """Surface sentences of a real article (the reader's own cut)."""
    return [s.surface for s in parse_version(path.read_text()).sentences]


def as_text(sentences: list[str]) -> str:
    return " ".join(sentences)


# -- reading ---------------------------------------------------------------------------------

@needs_examples
@pytest.mark.parametrize("path,has_title", [(REUTERS, False), (YUKOS, True)])
def test_reader_tokens_equal_flatten_article(path, has_title):
    text = path.read_text()
    v = parse_version(text)
    flat = flatten_article(text, "stripped", has_title=has_title)
    assert [s.tokens for s in v.sentences] == flat.sentences
    assert (v.title.tokens if v.title else None) == flat.title


@needs_bbc
def test_reader_tokens_equal_flatten_article_on_corpus():
    for text in bbc_articles()[:60]:
        v = parse_version(text)
        assert [s.tokens for s in v.sentences] == flatten_article(text, has_title=True).sentences


@needs_examples
def test_surfaces_keep_quotes_and_cover_the_text():
    v = parse_version(REUTERS.read_text())
    assert v.header == "date 2017-12-31 Reuters, WASHINGTON"
    assert v.sentences[0].surface.startswith("WASHINGTON (Reuters) - The head")
    assert "CBS’ “Face the Nation,”" in v.sentences[3].surface
    body = REUTERS.read_text().split("\n\n", 1)[1]
    assert re.sub(r"\s", "", "".join(s.surface for s in v.sentences[1:])) in re.sub(r"\s", "", body)


# -- same content ----------------------------------------------------------------------------

@needs_examples
@pytest.mark.parametrize("orig,flat", [(REUTERS, REUTERS_FLAT), (YUKOS, YUKOS_FLAT)])
def test_original_against_its_flattened_copy_is_form_only(orig, flat):
    r = diff_texts(orig.read_text(), flat.read_text())
    assert set(ops(r)) == {"form"}
    assert all(len(p.a) == len(p.b) == 1 and p.a == p.b for p in r.pairs)
    assert r.identical_content and r.summary["same_story"]
    assert r.summary["kept"] == 1.0 and r.summary["added"] == 0.0
    assert r.summary["verdict"] == "same content, differs only in form"


@needs_examples
def test_flattened_with_other_sentence_cut_aligns_by_merges():
    """A corpus that did not break `U.S. Congress` gives fewer lines; they must merge, not differ."""
    lines = REUTERS_FLAT.read_text().split("\n")
    merged: list[str] = []
    for line in lines:
        if merged and merged[-1].endswith("u.s."):
            merged[-1] += " " + line
        else:
            merged.append(line)
    assert len(merged) < len(lines)
    r = diff_texts(REUTERS.read_text(), "\n".join(merged))
    assert set(ops(r)) == {"form"}
    splits = [p for p in r.pairs if len(p.a) == 2]
    assert len(splits) == len(lines) - len(merged)
    assert all("sentence split" in p.form for p in splits)


@needs_examples
@pytest.mark.parametrize("orig,has_title", [(REUTERS, False), (YUKOS, True)])
@pytest.mark.parametrize("layout", ["paragraph", "article"])
@pytest.mark.parametrize("profile", ["stripped", "ptb", "lower"])
def test_flattened_a_paragraph_or_article_a_line_is_form_only(orig, has_title, layout, profile):
    """Corpora that do not cut sentences store a paragraph or an article a line; such a copy is
    cut into its sentences as `restore` cuts it, so it still reads as the same content."""
    text = orig.read_text()
    flat = flatten(text, profile, has_title=has_title, layout=layout)
    sentence_lines = len(flatten(text, profile, has_title=has_title).split("\n"))
    assert len(flat.split("\n")) < sentence_lines / 2
    r = diff_texts(text, flat)
    assert set(ops(r)) == {"form"}
    assert r.identical_content and r.summary["kept"] == 1.0 and r.summary["added"] == 0.0
    # told that each line is one sentence, the same copy is one long sentence per line
    forced = diff_texts(text, flat, lines="sentence")
    assert not forced.identical_content


@needs_bbc
def test_bbc_articles_a_line_in_every_profile_are_the_same_content():
    texts = bbc_articles()[:40]
    for profile in ("stripped", "ptb", "lower"):
        same = sum(diff_texts(t, flatten(t, profile, has_title=True, layout="article")).identical_content
                   for t in texts)
        assert same >= 38, (profile, same)


def test_running_text_with_tickers_is_not_cut_at_their_dots():
    original = ("The Dow Jones Industrial Average .DJI rose 0.58 percent to 24,651.74, the S&P 500 .SPX gained "
                "0.90 percent. Traders, he said, were calm.")
    r = diff_texts(original, original.lower())
    assert [(p.a, p.b) for p in r.pairs] == [([0], [0]), ([1], [1])] and r.identical_content


def test_lowercased_running_text_keeps_an_abbreviations_period_as_the_original_does():
    # Reuters (isot_true): Moses knows `Jan.` only as written; lower case, `jan. 6` came apart
    # as `jan . 6` and the sentence no longer matched the original's
    original = ("The committee is due to vote on Jan. 9 on the bill, a spokesman said. "
                "The vote had been set for Dec. 19.")
    running = parse_version(flatten(original, "lower"))
    assert [s.tokens for s in running.sentences] == [s.tokens for s in parse_version(original).sentences]
    assert "jan." in running.sentences[0].tokens
    r = diff_texts(original, flatten(original, "lower"))
    assert r.identical_content and set(ops(r)) == {"form"}


def test_unknown_line_layout_is_a_diff_error():
    with pytest.raises(DiffError, match="line layout"):
        diff_texts("a b .", "a b .", lines="page")


@needs_examples
def test_article_against_itself_is_identical():
    text = REUTERS.read_text()
    r = diff_texts(text, text)
    assert set(ops(r)) == {"identical"}
    assert r.summary["verdict"] == "same content"


@needs_bbc
@settings(max_examples=25, deadline=None)
@given(st.data())
def test_property_sampled_real_sentences_match_themselves_and_their_flattening(data):
    articles = bbc_articles()
    text = articles[data.draw(st.integers(0, len(articles) - 1))]
    sents = [s.surface for s in parse_version(text).sentences]
    k = data.draw(st.integers(1, min(12, len(sents))))
    start = data.draw(st.integers(0, len(sents) - k))
    sample = as_text(sents[start:start + k])
    assert set(ops(diff_texts(sample, sample))) == {"identical"}
    assert set(ops(diff_texts(sample, flatten(sample)))) <= {"identical", "form"}


# -- structural edits ------------------------------------------------------------------------

@needs_examples
def test_removed_added_and_reordered_sentences():
    a = body_sentences(YUKOS)
    other = body_sentences(REUTERS)[5]
    b = a[:]
    del b[3]                       # removed: A sentence 4
    b.insert(6, other)             # added
    b.insert(9, b.pop(1))          # reordered: A sentence 2 moves later
    r = diff_texts(as_text(a), as_text(b))
    by_op = {op: [p for p in r.pairs if p.op == op] for op in ("removed", "added", "identical")}
    assert [p.a for p in by_op["removed"]] == [[3]]
    assert [p.b_text for p in by_op["added"]] == [other]
    moved = [p for p in r.pairs if p.moved]
    assert len(moved) == 1 and moved[0].a == [1] and moved[0].op == "identical"
    assert len(by_op["identical"]) == len(a) - 1
    assert not r.identical_content and r.summary["same_story"]
    assert r.summary["counts"]["removed"] == 1 and r.summary["counts"]["added"] == 1


@needs_examples
def test_split_and_merged_sentences_are_form_only():
    a = body_sentences(REUTERS)[1:]
    b = a[:]
    # split a long sentence at its first comma into two sentences
    k = next(i for i, s in enumerate(b) if s.count(",") >= 2 and len(s) > 150)
    head, tail = b[k].split(", ", 1)
    b[k:k + 1] = [head + ".", tail[0].upper() + tail[1:]]
    # merge two later sentences with a semicolon
    m = k + 4
    b[m:m + 2] = [b[m].rstrip(".") + "; " + b[m + 1][0].lower() + b[m + 1][1:]]
    r = diff_texts(as_text(a), as_text(b))
    assert set(ops(r)) <= {"identical", "form"}
    shapes = [(len(p.a), len(p.b)) for p in r.pairs if p.op == "form"]
    assert (1, 2) in shapes and (2, 1) in shapes
    assert r.identical_content


# -- content edits -----------------------------------------------------------------------------

@needs_examples
def test_numbers_and_names_changed():
    text = REUTERS.read_text()
    changed = (text.replace("by about 7 percent", "by about 9 percent")
               .replace("U.S. Representative Mark Meadows", "U.S. Representative Jim Jordan")
               .replace("$1.5 trillion over 10 years", "$2.5 trillion over 12 years"))
    for b in (changed, flatten(changed)):     # cased or flattened B: A has the case
        r = diff_texts(text, b)
        changed_pairs = [p for p in r.pairs if p.op == "changed"]
        assert len(changed_pairs) == 3
        kinds = {k for p in changed_pairs for f in p.fact_changes for k in f["kinds"]}
        assert {"number", "name"} <= kinds
        assert any(f["a"] == "Mark Meadows" for p in changed_pairs for f in p.fact_changes)
        assert set(ops(r)) - {"changed"} <= {"identical", "form"}
        assert r.summary["same_story"] and not r.identical_content


@needs_examples
def test_negation_attribution_and_quote_changes():
    text = REUTERS.read_text()
    b = (text.replace("Democrats are saying that’s not enough", "Democrats are saying that’s enough")
         .replace("Crowley said on CBS", "Crowley told CBS")
         .replace("a “fiscal conservative” on Sunday", "a “fiscal hawk” on Sunday"))
    r = diff_texts(text, b)
    changed = {tuple(f["kinds"]): (f["a"], f["b"]) for p in r.pairs for f in p.fact_changes}
    assert [p.op for p in r.pairs].count("changed") == 3
    assert changed[("negation", "quote")] == ("not", "")      # inside a quote that spans sentences
    assert changed[("attribution",)] == ("said on", "told")
    assert changed[("quote",)] == ("conservative", "hawk")


@needs_examples
def test_rewording_without_fact_change_is_reworded():
    text = YUKOS.read_text()
    b = text.replace("embattled Russian oil giant", "troubled Russian oil giant").replace(
        "would include such obligations", "would cover such obligations")
    r = diff_texts(text, b)
    reworded = [p for p in r.pairs if p.op == "reworded"]
    assert len(reworded) == 2 and all(not p.fact_changes for p in reworded)
    assert set(ops(r)) == {"identical", "reworded"}


@needs_bbc
def test_unrelated_stories_are_not_the_same_story():
    arts = bbc_articles()
    for x, y in [(0, 1), (2, 40), (10, 90)]:
        r = diff_texts(arts[x], arts[y])
        assert not r.summary["same_story"], (x, y)
        assert r.summary["verdict"] == "not the same story"


@needs_bbc
def test_rewrite_keeping_half_is_still_the_same_story():
    art = parse_version(bbc_articles()[5]).sentences
    keep = [s.surface for s in art[: len(art) // 2]]
    extra = [s.surface for s in parse_version(bbc_articles()[6]).sentences[:3]]
    r = diff_texts(as_text([s.surface for s in art]), as_text(keep + extra))
    assert r.summary["same_story"]
    assert r.summary["counts"]["added"] == 3


# -- output ------------------------------------------------------------------------------------

@needs_examples
def test_json_schema_and_html_escaping():
    text = YUKOS.read_text()
    b = text.replace("Rosneft already faces", "Rosneft <script>alert(1)</script> already faces")
    r = diff_texts(text, b)
    data = json.loads(to_json(r))
    assert set(data) == {"summary", "pairs"}
    assert {"kept", "removed", "added", "same_story", "counts", "verdict"} <= set(data["summary"])
    for p in data["pairs"]:
        assert {"op", "a", "b", "a_text", "b_text", "word_diff", "fact_changes"} <= set(p)
    page = to_html(r)
    assert "<script" not in page and "&lt;" in page
    assert "http" not in page.split("<body>")[0]        # no external assets
    assert page.index("verdict") < page.index("<table")  # summary on top
    plain = to_text(r)
    assert "\x1b[" not in plain and "{+" in plain and "script" in plain


# -- command line and bad input ------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(diff_command, [str(a) for a in args])


@needs_examples
def test_cli_exit_codes_follow_gnu_diff(tmp_path):
    assert run(REUTERS, REUTERS_FLAT).exit_code == 0
    b = tmp_path / "b.txt"
    b.write_text(REUTERS.read_text().replace("7 percent", "8 percent"))
    res = run(REUTERS, b)
    assert res.exit_code == 1 and "changed" in res.output and "7 → 8" in res.output
    res = run(REUTERS, b, "--format", "json")
    assert json.loads(res.stdout)["summary"]["counts"]["changed"] == 1
    out = tmp_path / "d.html"
    assert run(REUTERS, b, "--format", "html", "-o", out).exit_code == 1
    assert out.read_text().startswith("<!DOCTYPE html>")


@needs_examples
def test_cli_lines_option(tmp_path):
    flat = tmp_path / "article.txt"
    flat.write_text(flatten(REUTERS.read_text(), "stripped", layout="article"))
    assert run(REUTERS, flat).exit_code == 0
    assert run(REUTERS, flat, "--lines", "auto").exit_code == 0
    assert run(REUTERS, flat, "--lines", "sentence").exit_code == 1


@needs_examples
@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"  \n\n \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Caf\u00e9 owners said prices rose.".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_input_is_a_clear_error(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    for args in ((REUTERS, bad), (bad, REUTERS)):
        res = run(*args)
        assert res.exit_code == 2
        assert "Error:" in res.stderr and message in res.stderr
        assert "Traceback" not in res.output
        assert isinstance(res.exception, SystemExit)


def test_missing_file_and_directory(tmp_path):
    res = run(tmp_path / "nope.txt", tmp_path / "nope2.txt")
    assert res.exit_code == 2 and "no such file" in res.stderr
    res = run(tmp_path, tmp_path)
    assert res.exit_code == 2 and "Error:" in res.stderr


def test_diff_error_is_a_value_error():
    with pytest.raises(DiffError, match="empty"):
        diff_texts("", "Some text here.")
    assert issubclass(DiffError, ValueError)


@needs_bbc
def test_cli_unrelated_stories_report_not_error(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(bbc_articles()[0])
    b.write_text(bbc_articles()[1])
    res = run(a, b)
    assert res.exit_code == 1 and "not the same story" in res.output
