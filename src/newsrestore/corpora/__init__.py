"""Real third-party corpora as gold articles, with one deduplicated train/dev split.

The readers turn each corpus's packaging (CSV, JSONL, SGML, CoNLL, tagged
tokens...) into `GoldArticle`s straight from the compressed archives in the
shared data directory.  Everything that decides *which* texts are used lives
here: short texts are dropped, near-duplicates across corpora collapse to the
first copy, and the split is a hash of the same key, so a story that occurs
twice (ISOT twins differing only in quote characters, WMT sentences in many
files) can never sit on both sides of the train/dev line.

The encrypted ``heldout/`` directory is never opened.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import news, other
from .base import GoldArticle

__all__ = ["GoldArticle", "corpus_names", "iter_corpus", "iter_all", "split_of", "iter_split",
           "default_data_dir", "dedup_key", "MIN_WORDS"]

#: Readers in priority order: when two corpora hold the same text, the first wins.
READERS: dict[str, Callable[[Path], Iterator[GoldArticle]]] = {
    "isot_true": news.isot_true,
    "isot_fake": news.isot_fake,
    "bbc": news.bbc,
    "fnc1": news.fnc1,
    "reuters21578": news.reuters21578,
    "wmt": news.wmt,
    "conll2003": news.conll2003,
    "leipzig": news.leipzig,
    "abc": news.abc,
    "gum": other.gum,
    "onestopenglish": other.onestopenglish,
    "ag_news": news.ag_news,
    "treebank": other.treebank,
    "ieer": news.ieer,
    "brown": other.brown,
    "masc": other.masc,
    "state_union": other.state_union,
    "inaugural": other.inaugural,
    "flores": other.flores,
    "conll2000": other.conll2000,
}

#: Texts shorter than this teach nothing about sentence or paragraph context.
MIN_WORDS = 5
KEY_CHARS = 300
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def corpus_names() -> list[str]:
    """All corpus names, in dedup priority order."""
    return list(READERS)


def default_data_dir() -> Path:
    """Where the shared data lives.

    ``$NEWSRESTORE_DATA`` if set; else the first existing ``../shared/data``
    relative to the current directory or to any parent of this file (so it
    works from a checkout next to ``shared/`` and from a worktree inside it).
    """
    env = os.environ.get("NEWSRESTORE_DATA")
    if env:
        return Path(env)
    bases = [Path.cwd(), *Path(__file__).resolve().parents]
    candidates = [(base / ".." / "shared" / "data").resolve() for base in bases]
    for cand in candidates:
        if cand.is_dir():
            return cand
    raise FileNotFoundError(
        "newsrestore corpus data not found: set NEWSRESTORE_DATA to the shared data directory "
        f"(looked for ../shared/data from {Path.cwd()} and from the parents of {Path(__file__).parent})"
    )


def dedup_key(text: str) -> str:
    """First 300 lowercase ASCII alphanumerics: blind to case, spacing, quotes and tokenization."""
    return _NOT_ALNUM.sub("", text.lower())[:KEY_CHARS]


#: Web-page debris (escaped HTML, script tags) that no flattened input could be restored to.
_MARKUP = re.compile(r"&(?:lt|gt|amp|quot|nbsp|#\d+);|<(?:span|div|script|iframe|br|!--)\b", re.I)


def usable(article: GoldArticle) -> bool:
    """Long enough to carry context, and not HTML debris."""
    return (article.words >= MIN_WORDS and bool(dedup_key(article.text))
            and not _MARKUP.search(article.text))


def iter_corpus(name: str, data_dir: Path | None = None) -> Iterator[GoldArticle]:
    """Usable articles of one corpus (at least `MIN_WORDS` words, no markup), not deduplicated."""
    if name not in READERS:
        raise ValueError(f"unknown corpus {name!r} (choose from {', '.join(READERS)})")
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    for article in READERS[name](data_dir):
        if usable(article):
            yield article


def iter_all(data_dir: Path | None = None, names: Iterable[str] | None = None,
             dedup: bool = True) -> Iterator[GoldArticle]:
    """Articles of several corpora (all by default), later copies of a text dropped.

    Duplicates are removed in `corpus_names()` order whatever order `names`
    is given in, so the surviving copy does not depend on the caller.
    """
    wanted = set(corpus_names() if names is None else names)
    unknown = wanted - set(READERS)
    if unknown:
        raise ValueError(f"unknown corpora: {', '.join(sorted(unknown))}")
    seen: set[str] = set()
    for name in corpus_names():
        if name not in wanted:
            continue
        for article in iter_corpus(name, data_dir):
            if dedup:
                key = dedup_key(article.text)
                if key in seen:
                    continue
                seen.add(key)
            yield article


def split_of(article: GoldArticle) -> str:
    """"dev" for a stable tenth of the texts (by hash of the dedup key), else "train"."""
    digest = hashlib.sha1(b"newsrestore/" + dedup_key(article.text).encode()).hexdigest()
    return "dev" if int(digest, 16) % 10 == 0 else "train"


def iter_split(split: str, data_dir: Path | None = None,
               names: Iterable[str] | None = None) -> Iterator[GoldArticle]:
    """The deduplicated articles of one split."""
    if split not in ("train", "dev"):
        raise ValueError(f"unknown split {split!r} (choose train or dev)")
    return (a for a in iter_all(data_dir, names) if split_of(a) == split)
