"""The corpus readers, checked on the real shared data (skipped where it is absent)."""
from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest

from newsrestore import corpora
from newsrestore.corpora import GoldArticle, dedup_key, iter_all, iter_corpus, split_of


def _data_dir() -> Path | None:
    try:
        path = corpora.default_data_dir()
    except FileNotFoundError:
        return None
    return path if (path / "SOURCES.md").exists() else None


DATA = _data_dir()
needs_data = pytest.mark.skipif(DATA is None, reason="shared corpus data not available")


def _present(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@needs_data
def test_bbc_known_article_has_title_and_paragraphs():
    _present("bbc", "bbc.jsonl.xz")
    art = next(a for a in iter_corpus("bbc", DATA) if a.id == "business/003")
    assert art.title == "Yukos unit buyer faces loan claim"
    assert art.text.startswith("The owners of embattled Russian oil giant Yukos are to ask the buyer")
    assert art.has_paragraphs and art.text.count("\n\n") == 2  # its three source paragraphs
    assert "Yukos unit buyer" not in art.text.split("\n\n")[0]  # the title is not in the body


@needs_data
def test_isot_rows_keep_dates_and_one_line_text():
    _present("isot_partial", "isot_true_partial.csv.xz")
    rows = list(itertools.islice(iter_corpus("isot_true", DATA), 200))
    assert rows[0].date == "December 31, 2017 "
    dated = [a for a in rows if a.date]
    assert dated and all(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4} ", a.date) for a in dated)
    assert all("\n" not in a.text and not a.has_paragraphs for a in rows)
    assert sum(a.text.startswith("WASHINGTON (Reuters) - ") for a in rows) > 50


@needs_data
def test_reuters_sgml_is_unescaped_and_unwrapped():
    _present("reuters21578", "reuters21578.tar.xz")
    arts = list(itertools.islice(iter_corpus("reuters21578", DATA), 2000))
    first = arts[0]
    assert (first.id, first.title) == ("1", "BAHIA COCOA REVIEW")
    assert first.text.startswith("Showers continued throughout the week in the Bahia cocoa zone, alleviating")
    assert "\n\nThe dry period means the temporao will be late this year.\n\n" in first.text
    for art in arts:
        assert "&lt;" not in art.text and "&#3;" not in art.text and "\x03" not in art.text
        assert not re.search(r"reuter\s*$", art.text, re.I), art.id


@needs_data
def test_no_corpus_leaks_sgml_entities():
    for art in iter_all(DATA, dedup=False):
        assert "&lt;" not in art.text and "&#3;" not in art.text, (art.corpus, art.id)
        assert art.words >= corpora.MIN_WORDS
        if art.title is not None:
            assert art.title and "\n" not in art.title


@needs_data
def test_conll2003_documents_are_tokenized_sentences():
    _present("conll2003", "eng.train.xz")
    docs = [a for a in iter_corpus("conll2003", DATA) if a.id.startswith("eng.train:")]
    assert 900 <= len(docs) <= 946  # 946 -DOCSTART- documents, the first one at the file's end
    first = docs[0]
    assert first.title == "EU rejects German call to boycott British lamb ."
    assert first.tokenized and "Germany 's representative" in first.text
    assert all(a.text.upper() != a.text for a in docs)


@needs_data
def test_wmt_lines_are_deduplicated_and_canary_free():
    _present("wmt_newstest_en", "wmt_newstest_en.tar.xz")
    seen: set[str] = set()
    for art in iter_corpus("wmt", DATA):
        for line in art.text.split("\n"):
            assert line not in seen
            assert "CANARY" not in line
            seen.add(line)
    assert len(seen) > 100_000


@needs_data
def test_gum_news_flag_and_paragraphs():
    _present("gum", "gum.tar.xz")
    arts = list(iter_corpus("gum", DATA))
    news = [a for a in arts if a.news]
    assert len(news) == 24 and all(a.id.startswith("GUM_news_") for a in news)
    afghan = next(a for a in news if a.id == "GUM_news_afghan")
    assert afghan.title.startswith("After visa snags, all-girl Afghan team")
    assert afghan.text.startswith("Friday, July 21, 2017\n\nA group of Afghan teenagers")


@needs_data
def test_ag_news_remnants_are_repaired():
    _present("ag_news_test", "ag_news_test.tar.xz")
    arts = list(iter_corpus("ag_news", DATA))
    assert len(arts) > 7000
    for art in arts:
        for piece in (art.text, art.title or ""):
            assert not re.search(r"#\d+;|quot;|\\", piece), piece
    assert any("$" in a.text for a in arts) and any("'s " in a.text for a in arts)


@needs_data
def test_split_is_deterministic_and_about_a_tenth():
    arts = list(itertools.islice(iter_all(DATA, names=["reuters21578", "ag_news"]), 8000))
    splits = [split_of(a) for a in arts]
    assert splits == [split_of(a) for a in arts]
    assert set(splits) == {"train", "dev"}
    share = splits.count("dev") / len(splits)
    assert 0.08 < share < 0.12
    # The split depends on the text only, so twins differing in case or quotes share a side.
    a = arts[0]
    assert split_of(replace(a, corpus="other", id="x", text=a.text.upper().replace("'", "\u2019"))) == split_of(a)


def test_dedup_key_ignores_case_quotes_and_tokenization():
    assert dedup_key("China's Foreign Ministry said") == dedup_key("China s foreign ministry  said")
    assert dedup_key("Germany 's representative do n't") == dedup_key("Germany's representative don't")
    assert len(dedup_key("word " * 200)) == corpora.KEY_CHARS


@needs_data
def test_dedup_removes_a_constructed_duplicate(monkeypatch):
    _present("bbc", "bbc.jsonl.xz")
    original = list(itertools.islice(iter_corpus("bbc", DATA), 50))
    twin = replace(original[7], corpus="bbc", id="twin", text=original[7].text.replace('"', "\u201c").lower())

    def doubled(_data_dir):
        yield from original
        yield twin

    monkeypatch.setitem(corpora.READERS, "bbc", doubled)
    kept = list(iter_all(DATA, names=["bbc"]))
    assert twin not in kept and original[7] in kept
    assert len(list(iter_all(DATA, names=["bbc"], dedup=False))) == len(kept) + 1 + (50 - len({dedup_key(a.text) for a in original}))


def test_short_texts_are_dropped(monkeypatch, tmp_path):
    def tiny(_data_dir):
        yield GoldArticle("bbc", "a", "Too short to use.")
        yield GoldArticle("bbc", "b", "This one has enough words to be kept.")
    monkeypatch.setitem(corpora.READERS, "bbc", tiny)
    assert [a.id for a in iter_corpus("bbc", tmp_path)] == ["b"]


def test_unknown_names_are_rejected(tmp_path):
    with pytest.raises(ValueError):
        list(iter_corpus("nope", tmp_path))
    with pytest.raises(ValueError):
        list(corpora.iter_split("test", tmp_path))


def test_default_data_dir_env_and_error(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSRESTORE_DATA", str(tmp_path))
    assert corpora.default_data_dir() == tmp_path
    monkeypatch.delenv("NEWSRESTORE_DATA")
    monkeypatch.chdir(tmp_path)
    try:
        found = corpora.default_data_dir()
    except FileNotFoundError as err:
        assert "NEWSRESTORE_DATA" in str(err)
    else:
        assert found.name == "data" and found.is_dir()
