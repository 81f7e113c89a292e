"""Readers for the non-wire corpora: GUM, OneStopEnglish, Penn Treebank raw,
Brown, MASC, CoNLL-2000, State of the Union, inaugural addresses and FLORES.

They widen the casing evidence beyond newswire (speeches, Wikinews, magazine
prose) and supply PTB-tokenized gold for the ``ptb`` profile; `news` tells
the training code which of them are news at all.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .base import GoldArticle, chunks, clean_line, decode, join_lines, join_paragraphs, tar_members, untag
from .news import GROUP

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(rf"^(?:{_MONTHS}) \d{{1,2}}, \d{{4}}$")


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].removesuffix(".txt").removesuffix(".conllu")


def gum(data_dir: Path) -> Iterator[GoldArticle]:
    """GUM documents rebuilt from `# text =` lines, `# newpar` opening paragraphs.

    The first paragraph is the title when it repeats `meta::title`; only the
    Wikinews documents (GUM_news_*) count as news.  The GENTLE_* files
    (dictionary entries, poems, math proofs, syllabi) are left out: their
    layout is not running prose and would teach the wrong line structure.
    """
    for name, data in tar_members(data_dir / "gum" / "gum.tar.xz", lambda n: "/GUM_" in n and n.endswith(".conllu")):
        paras: list[list[str]] = [[]]
        title = None
        for line in data.decode("utf-8").split("\n"):
            if line.startswith("# meta::title ="):
                title = clean_line(line.split("=", 1)[1])
            elif line == "# newpar" or line.startswith("# newpar ") or line.startswith("# newpar_block"):
                if paras[-1]:
                    paras.append([])
            elif line.startswith("# text ="):
                paras[-1].append(clean_line(line.split("=", 1)[1]))
        texts = [" ".join(p) for p in paras if p]
        if texts and title and clean_line(texts[0]) == title:
            texts = texts[1:]
        stem = _stem(name)
        yield GoldArticle("gum", stem, join_paragraphs(texts), title, has_paragraphs=True,
                          news=stem.startswith("GUM_news_"))


def onestopenglish(data_dir: Path) -> Iterator[GoldArticle]:
    """The Advanced level only (closest to the Guardian original); a paragraph a line, no title line.

    Not marked news: these are edited rewrites, not the published articles.
    """
    for name, data in tar_members(data_dir / "onestopenglish" / "onestopenglish.tar.xz",
                                  lambda n: "/Adv-Txt/" in n and n.endswith(".txt")):
        yield GoldArticle("onestopenglish", _stem(name), join_paragraphs(decode(data).split("\n")),
                          has_paragraphs=True, news=False)


def treebank(data_dir: Path) -> Iterator[GoldArticle]:
    """WSJ raw files: blank lines separate paragraphs, a newline separates sentences."""
    for name, data in tar_members(data_dir / "nltk_treebank" / "treebank.tar.xz",
                                  lambda n: "/raw/wsj_" in n):
        text = decode(data).replace(".START", "")
        paras = [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", text)]
        yield GoldArticle("treebank", _stem(name), join_paragraphs(paras), has_paragraphs=True)


def _merge_quotes(tokens: list[str]) -> list[str]:
    """MASC splits ``, '' and -- into two one-character tokens; put them back together."""
    out: list[str] = []
    for tok in tokens:
        if out and tok in ("`", "'", "-") and out[-1] == tok:
            out[-1] = tok * 2
        else:
            out.append(tok)
    return out


def brown(data_dir: Path) -> Iterator[GoldArticle]:
    """Brown texts, word/tag tokens untagged; the press sections (ca, cb, cc) are news."""
    for name, data in tar_members(data_dir / "nltk_brown" / "brown.tar.xz",
                                  lambda n: re.search(r"/c[a-r]\d\d$", n) is not None):
        sents = [" ".join(untag(line.split(), "/")) for line in decode(data).split("\n") if line.strip()]
        stem = _stem(name)
        yield GoldArticle("brown", stem, "\n".join(sents), tokenized=True, news=stem[:2] in ("ca", "cb", "cc"))


def masc(data_dir: Path) -> Iterator[GoldArticle]:
    """MASC written documents (spoken transcripts left out), word_TAG tokens untagged.

    Newspaper documents start with a headline line without final punctuation;
    it becomes the title.
    """
    files: dict[str, bytes] = {}
    categories: dict[str, str] = {}
    for name, data in tar_members(data_dir / "nltk_masc_tagged" / "masc_tagged.tar.xz"):
        if name.endswith("categories.txt"):
            for line in decode(data).split("\n"):
                if line.strip():
                    path, _, cat = line.strip().partition(" ")
                    categories[path] = cat
        elif "/written/" in name:
            files[name.split("/", 1)[1]] = data
    for path, data in files.items():
        sents = [" ".join(_merge_quotes(untag(line.split(), "_"))) for line in decode(data).split("\n")]
        sents = [s for s in sents if s]
        news = categories.get(path) == "newspaper"
        title = None
        if news and sents and sents[0][-1:] not in ".!?'\"":
            title, sents = sents[0], sents[1:]
        yield GoldArticle("masc", _stem(path), "\n".join(sents), title, tokenized=True, news=news)


#: NLTK's TreebankWordTokenizer (the ``ptb`` profile) writes brackets as themselves, and "/" and "*" unescaped.
_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]"}


def conll2000(data_dir: Path) -> Iterator[GoldArticle]:
    """CoNLL-2000 WSJ sentences (no document marks): 12-sentence pseudo-articles."""
    for name, data in tar_members(data_dir / "nltk_conll2000" / "conll2000.tar.xz",
                                  lambda n: n.endswith("train.txt") or n.endswith("test.txt")):
        sents: list[str] = []
        current: list[str] = []
        for line in decode(data).split("\n"):
            if line.strip():
                tok = line.split(" ", 1)[0].replace("\\/", "/").replace("\\*", "*")
                current.append(_PTB_BRACKETS.get(tok, tok))
            elif current:
                sents.append(" ".join(current))
                current = []
        if current:
            sents.append(" ".join(current))
        for start, group in chunks(sents, GROUP):
            yield GoldArticle("conll2000", f"{_stem(name)}:s{start + 1}", "\n".join(group), tokenized=True)


def state_union(data_dir: Path) -> Iterator[GoldArticle]:
    """State of the Union: title line, a date line, then one paragraph a line."""
    for name, data in tar_members(data_dir / "nltk_state_union" / "state_union.tar.xz",
                                  lambda n: n.endswith(".txt")):
        lines = [clean_line(x) for x in decode(data).split("\n") if x.strip()]
        title = lines.pop(0) if lines else None
        date = lines.pop(0) if lines and _DATE_LINE.match(lines[0]) else None
        yield GoldArticle("state_union", _stem(name), join_paragraphs(lines), title, date,
                          has_paragraphs=True, news=False)


def inaugural(data_dir: Path) -> Iterator[GoldArticle]:
    """Inaugural addresses: blank-line separated paragraphs; the year is in the file name."""
    for name, data in tar_members(data_dir / "nltk_inaugural" / "inaugural.tar.xz",
                                  lambda n: re.search(r"/\d{4}-[^/]+\.txt$", n) is not None):
        paras = [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", decode(data))]
        stem = _stem(name)
        yield GoldArticle("inaugural", stem, join_paragraphs(paras), date=stem[:4], has_paragraphs=True, news=False)


def flores(data_dir: Path) -> Iterator[GoldArticle]:
    """FLORES devtest sentences grouped by source URL (consecutive lines share one), a line each."""
    text = meta = b""
    for name, data in tar_members(data_dir / "flores_eng" / "flores_eng.tar.xz"):
        if name.endswith("eng_Latn.devtest"):
            text = data
        elif name.endswith("metadata_devtest.tsv"):
            meta = data
    lines = text.decode("utf-8").split("\n")
    rows = [r.split("\t") for r in meta.decode("utf-8").split("\n")[1:] if r.strip()]
    groups: list[tuple[int, str, str, list[str]]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        url, domain = (rows[i][0], rows[i][1]) if i < len(rows) else ("", "")
        if groups and groups[-1][1] == url and len(groups[-1][3]) < GROUP:
            groups[-1][3].append(line)
        else:
            groups.append((i, url, domain, [line]))
    for i, _url, domain, group in groups:
        yield GoldArticle("flores", f"devtest:{i + 1}", join_lines(group), news=domain == "wikinews")
