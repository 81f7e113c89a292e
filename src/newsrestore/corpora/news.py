"""Readers for the newswire corpora: ISOT, BBC, FNC-1, Reuters-21578, WMT,
CoNLL-2003, Leipzig, ABC, AG News and IE-ER.

Each reader takes the data directory and yields `GoldArticle`s in a fixed
order; filtering of short texts and deduplication happen in `__init__`, so a
reader only has to undo its corpus's own packaging quirks.
"""
from __future__ import annotations

import csv
import html
import io
import json
import lzma
import re
from collections.abc import Iterator
from pathlib import Path

from .base import (GoldArticle, chunks, clean_line, decode, join_lines, join_paragraphs,
                   read_xz, tar_members)

#: Consecutive sentences per pseudo-article for corpora without documents.
GROUP = 12

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _isot(path: Path, corpus: str) -> Iterator[GoldArticle]:
    """ISOT rows are one line of text each: no paragraphs survive in the CSV."""
    with lzma.open(path, "rt", encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            text = clean_line(row["text"].replace("\n", " "))
            if not text:
                continue
            title = clean_line(row.get("title") or "") or None
            yield GoldArticle(corpus, f"row{i}", text, title, row.get("date") or None)


def isot_true(data_dir: Path) -> Iterator[GoldArticle]:
    return _isot(data_dir / "isot_partial" / "isot_true_partial.csv.xz", "isot_true")


def isot_fake(data_dir: Path) -> Iterator[GoldArticle]:
    return _isot(data_dir / "isot_partial" / "isot_fake_partial.csv.xz", "isot_fake")


def bbc(data_dir: Path) -> Iterator[GoldArticle]:
    """The JSONL form already separates the title line from the paragraphs."""
    with lzma.open(data_dir / "bbc" / "bbc.jsonl.xz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            art_id = f"{d['category']}/{d['file'].removesuffix('.txt')}"
            paras = [html.unescape(p) for p in d["paragraphs"]]  # a few "&#233;" / "&lt;(" in the source
            yield GoldArticle("bbc", art_id, join_paragraphs(paras), clean_line(html.unescape(d["title"])) or None,
                              has_paragraphs=True)


#: FNC-1 bodies scraped from the web keep some C0 controls where curly punctuation was (U+201C -> 0x1C ...).
_FNC_CONTROLS = str.maketrans({"\x18": "\u2018", "\x19": "\u2019", "\x1c": "\u201c", "\x1d": "\u201d",
                               "\x13": "\u2013", "\x14": "\u2014"})
_HTML_JUNK = re.compile(r"<!--|<\w+[^>]*>|&\w+;|kmn_")


def fnc1(data_dir: Path) -> Iterator[GoldArticle]:
    """Bodies only (the competition test bodies are held out); newlines are paragraph breaks.

    Paragraphs that are leftover page markup (ad scripts, "&amp;nbsp;") are dropped.
    """
    for name, data in tar_members(data_dir / "fnc1" / "fnc1.tar.xz", lambda n: n.endswith("bodies.csv")):
        stem = name.rsplit("/", 1)[-1].removesuffix(".csv")
        for row in _csv_rows(data):
            paras = row["articleBody"].translate(_FNC_CONTROLS).replace("\r", "\n").split("\n")
            paras = [p for p in paras if not _HTML_JUNK.search(p)]
            yield GoldArticle("fnc1", f"{stem}:{row['Body ID']}", join_paragraphs(paras), has_paragraphs=True)


_REUTERS_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_SIGNOFF = re.compile(r"(?:\s*\breuter\b)+\s*(?:&#3;)?\s*$", re.I)


def _reuters_paragraphs(body: str) -> list[str]:
    """Undo the ~70-column hard wrap: an indented line or a blank line starts a paragraph."""
    paras: list[list[str]] = [[]]
    for line in body.split("\n"):
        if not line.strip():
            paras.append([])
        elif line[:1].isspace():
            paras.append([line])
        else:
            paras[-1].append(line)
    return [" ".join(p) for p in paras if p]


def _sgml_field(doc: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", doc, re.S)
    return m.group(1) if m else None


def _unescape(text: str) -> str:
    return _CONTROL.sub("", html.unescape(text))


def reuters21578(data_dir: Path) -> Iterator[GoldArticle]:
    """Reuters-21578 SGML: only documents with a BODY; the DATELINE element is not body text."""
    for name, data in tar_members(data_dir / "reuters21578" / "reuters21578.tar.xz",
                                  lambda n: n.endswith(".sgm")):
        for attrs, doc in _REUTERS_DOC.findall(data.decode("latin-1")):
            body = _sgml_field(doc, "BODY")
            if body is None:
                continue
            newid = re.search(r'NEWID="(\d+)"', attrs)
            body = _unescape(_SIGNOFF.sub("", body))
            title = _sgml_field(doc, "TITLE")
            date = _sgml_field(doc, "DATE")
            yield GoldArticle("reuters21578", newid.group(1) if newid else name,
                              join_paragraphs(_reuters_paragraphs(body)),
                              clean_line(_unescape(title)) or None if title else None,
                              date.strip() if date else None, has_paragraphs=True)


def _wmt_docids(data: bytes) -> tuple[list[str], list[str]]:
    """Doc ids and domains per line from a ``*.docids.tsv`` sidecar."""
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    return [r["docid"] for r in rows], [r.get("domain") or "" for r in rows]


def wmt(data_dir: Path) -> Iterator[GoldArticle]:
    """WMT test sets, English side, deduplicated by line across all files.

    The same English sentence is in many files (2014-2018 pairs share their
    English-original half), so a line is kept only the first time it is seen.
    Where a docids sidecar gives real document boundaries they are used (and
    its domain column decides `news`); elsewhere 12 consecutive kept lines of
    one file form a pseudo-article.  2022+ files without a sidecar are
    multi-domain (e-commerce, chat, social...), so they are not marked news.
    """
    files: dict[str, bytes] = {}
    sidecars: dict[str, bytes] = {}
    for name, data in tar_members(data_dir / "wmt_newstest_en" / "wmt_newstest_en.tar.xz"):
        rel = name.split("/", 1)[-1]
        if rel.endswith(".docids.tsv"):
            sidecars[rel.removesuffix(".docids.tsv") + ".en"] = data
        elif rel.endswith(".en"):
            files[rel] = data
    seen: set[str] = set()
    for rel in sorted(files):
        year = int(rel[:4])
        lines = files[rel].decode("utf-8").split("\n")
        docids: list[str] | None = None
        domains = [""] * len(lines)
        if rel in sidecars:
            docids, domains = _wmt_docids(sidecars[rel])
            if len(docids) < len(lines) - 1 or len(set(docids)) * 3 > len(docids):
                docids = None  # misaligned, or "documents" of one or two lines: chunk instead
        kept: list[tuple[int, str]] = []
        for i, line in enumerate(lines):
            line = clean_line(line)
            if not line or "CANARY" in line or line in seen:
                continue
            seen.add(line)
            kept.append((i, line))
        if docids is not None:
            groups: list[list[tuple[int, str]]] = []
            for i, line in kept:
                if groups and docids[groups[-1][0][0]] == docids[i]:
                    groups[-1].append((i, line))
                else:
                    groups.append([(i, line)])
        else:
            groups = [g for _, g in chunks(kept, GROUP)]
        for group in groups:
            first = group[0][0]
            domain = domains[first] if first < len(domains) else ""
            news = domain == "news" if domain else year < 2022
            yield GoldArticle("wmt", f"{rel}:{first + 1}", join_lines(x for _, x in group), news=news)


def _conll_docs(text: str) -> list[list[list[str]]]:
    """Documents as sentences of tokens; -DOCSTART- lines separate documents."""
    docs: list[list[list[str]]] = [[]]
    sent: list[str] = []
    for line in text.split("\n"):
        if line.startswith("-DOCSTART-"):
            if sent:
                docs[-1].append(sent)
                sent = []
            docs.append([])
        elif not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
        else:
            sent.append(line.split(" ", 1)[0])
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def conll2003(data_dir: Path) -> Iterator[GoldArticle]:
    """CoNLL-2003 train and testa (testb is held out): headline sentence as title.

    In this copy each file's first -DOCSTART- is at the END, which splitting
    on the marker handles (the text before it is simply the first document).
    Documents whose body is all uppercase (result tables) carry no case signal.
    """
    for split in ("eng.train", "eng.testa"):
        path = data_dir / "conll2003" / f"{split}.xz"
        if not path.exists():
            continue
        for k, sents in enumerate(_conll_docs(read_xz(path).decode("utf-8"))):
            if len(sents) > 1 and sents[-1] == ["REUTER"]:
                sents = sents[:-1]
            title, body = " ".join(sents[0]), "\n".join(" ".join(s) for s in sents[1:])
            if body.upper() == body:
                continue
            yield GoldArticle("conll2003", f"{split}:{k}", body, title, tokenized=True)


def leipzig(data_dir: Path) -> Iterator[GoldArticle]:
    """Leipzig sentences are shuffled (sorted), so 12-line groups are only pseudo-articles."""
    path = data_dir / "leipzig_eng_news_2016_10K" / "eng_news_2016_10K-sentences.txt.xz"
    sents = [line.split("\t", 1)[-1] for line in decode(read_xz(path)).split("\n") if line.strip()]
    for start, group in chunks(sents, GROUP):
        yield GoldArticle("leipzig", f"s{start + 1}", join_lines(group))


def abc(data_dir: Path) -> Iterator[GoldArticle]:
    """ABC: blank-line separated stories, a headline line then one paragraph per line."""
    for name, data in tar_members(data_dir / "nltk_abc" / "abc.tar.xz", lambda n: n.endswith(".txt")):
        stem = name.rsplit("/", 1)[-1].removesuffix(".txt")
        for k, block in enumerate(re.split(r"\n\s*\n", decode(data))):
            lines = [clean_line(html.unescape(x)) for x in block.split("\n") if x.strip()]
            if len(lines) >= 2:
                yield GoldArticle("abc", f"{stem}:{k}", join_lines(lines[1:]), lines[0])


_AG_REMNANT = re.compile(r" ?#(\d+);")


def _ag_clean(text: str) -> str:
    """Undo AG News damage: ``&`` became a space ("#39;", " quot;"), ``\\`` marks line breaks."""
    text = text.replace(" quot;", '"').replace("quot;", '"')
    text = _AG_REMNANT.sub(lambda m: bytes([int(m.group(1))]).decode("cp1252", "replace")
                           if int(m.group(1)) < 256 else chr(int(m.group(1))), text)
    text = text.replace("\\", " ")
    return clean_line(_unescape(text))


def ag_news(data_dir: Path) -> Iterator[GoldArticle]:
    """AG News test rows: a title and a one-or-two-sentence description."""
    for _name, data in tar_members(data_dir / "ag_news_test" / "ag_news_test.tar.xz",
                                   lambda n: n.endswith("test.csv")):
        for i, row in enumerate(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))):
            if len(row) < 3:
                continue
            yield GoldArticle("ag_news", f"test{i}", _ag_clean(row[2]), _ag_clean(row[1]) or None)


_IEER_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)


def _ieer_text(s: str) -> str:
    """Strip ENAMEX-style tags and turn the wire's `` '' quotes and " _ " dashes into plain ones."""
    s = re.sub(r"<[^>]*>", "", s)
    s = s.replace("``", '"').replace("''", '"').replace(" _ ", " - ")
    return _unescape(s.replace("&AMP;", "&"))


def ieer(data_dir: Path) -> Iterator[GoldArticle]:
    """IE-ER NYT/APW 1998: tab-indented lines start paragraphs, as in the wire originals."""
    for name, data in tar_members(data_dir / "nltk_ieer" / "ieer.tar.xz", lambda n: "README" not in n):
        for doc in _IEER_DOC.findall(decode(data)):
            docno = (_sgml_field(doc, "DOCNO") or name).strip()
            body = _sgml_field(doc, "TEXT") or ""
            paras = _reuters_paragraphs(_ieer_text(body))
            headline = _sgml_field(doc, "HEADLINE")
            date = _sgml_field(doc, "DATE_TIME")
            yield GoldArticle("ieer", docno, join_paragraphs(paras),
                              clean_line(_ieer_text(headline).replace("\n", " ")) or None if headline else None,
                              date.strip() if date else None, has_paragraphs=True)
