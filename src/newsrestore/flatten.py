"""The forward direction: turn real (cased) article text into flattened input.

This is how training and test pairs are made, and how the round-trip guarantee
is checked: `flatten(restore(x).text)` must give back `x`.  Three profiles:

* ``stripped``: quotation marks and apostrophes become spaces, non-ASCII is
  folded, Moses tokens, lowercase, one sentence a line (the research-corpus form);
* ``ptb``: Penn-Treebank tokens with apostrophes and quotes kept (`rosneft 's`,
  `do n't`, `` `` `` / `''`), as in CoNLL-2003;
* ``lower``: lowercase, folded, untokenised running text, one sentence a line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache

from .header import dateline_text, parse_header
from .sentences import split_sentences
from .text import collapse_spaces, fold_ascii, straighten_quotes, strip_quotes

PROFILES = ("stripped", "ptb", "lower")
#: What a line holds: a sentence (as the corpora we learn from), a paragraph, or the whole article
#: (as corpora that do not cut sentences store them).
LAYOUTS = ("sentence", "paragraph", "article")


@lru_cache(maxsize=1)
def moses_tokenizer():
    from sacremoses import MosesTokenizer

    class _Tokenizer(MosesTokenizer):
        """sacremoses rebuilds two large character sets on every call; build them once (same answers)."""

        _alpha = frozenset(MosesTokenizer.IsAlpha)
        _lower = frozenset(MosesTokenizer.IsLower)

        def isanyalpha(self, text: str) -> bool:
            return not self._alpha.isdisjoint(text)

        def islower(self, text: str) -> bool:
            return self._lower.issuperset(text)

    return _Tokenizer(lang="en")


@lru_cache(maxsize=1)
def _treebank():
    from nltk.tokenize import TreebankWordTokenizer
    return TreebankWordTokenizer()


#: Words the Treebank tokenizer (the PTB profile) splits in two: `cannot` -> `can not`, `gonna`.
#: Restoring writes them whole and in lower case again (`stages/spacing.py`, `stages/truecase.py`);
#: they flatten back to the same tokens.  `can not` written apart is rare in news.
PTB_SPLIT_WORDS = frozenset({("can", "not"), ("gon", "na"), ("wan", "na"), ("got", "ta"), ("gim", "me"),
                             ("lem", "me")})


def tokenize(sentence: str, profile: str) -> list[str]:
    """Tokens of one (already folded) sentence, cased as given."""
    if profile == "stripped":
        return moses_tokenizer().tokenize(sentence, escape=False)
    if profile == "ptb":
        return _treebank().tokenize(sentence)
    if profile == "lower":
        return sentence.split()
    raise ValueError(f"unknown profile {profile!r} (choose from {', '.join(PROFILES)})")


def fold(text: str, profile: str) -> str:
    return fold_ascii(strip_quotes(text) if profile == "stripped" else straighten_quotes(text))


@dataclass
class FlatArticle:
    """A flattened article: lowercase token lines, plus what the header held."""

    sentences: list[list[str]]
    title: list[str] | None = None
    date: Date | None = None
    source: str | None = None
    city: str | None = None
    dateline_day: str | None = None
    paragraph_starts: list[int] = field(default_factory=list)

    def lines(self, layout: str = "sentence") -> list[str]:
        """The body's lines: a sentence, a paragraph or the whole article (`LAYOUTS`) a line."""
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r} (choose from {', '.join(LAYOUTS)})")
        if layout == "sentence":
            return [" ".join(s) for s in self.sentences]
        starts = set(self.paragraph_starts) if layout == "paragraph" else set()
        out: list[list[str]] = []
        for i, s in enumerate(self.sentences):
            if i in starts or not out:
                out.append([])
            out[-1].extend(s)
        return [" ".join(words) for words in out]

    def to_text(self, layout: str = "sentence") -> str:
        body = "\n".join(self.lines(layout))
        return (" ".join(self.title) + "\n\n" + body) if self.title is not None else body


def _flatten_block(text: str, profile: str) -> list[list[str]]:
    sentences: list[list[str]] = []
    for sentence in split_sentences(collapse_spaces(text)):
        toks = [t.lower() for t in tokenize(sentence, profile)]
        if toks:
            sentences.append(toks)
    return sentences


def dateline_tokens(source: str, city: str | None, profile: str, day: str | None = None) -> list[str]:
    """The flattened dateline a header stands for: `washington ( reuters ) -`."""
    return [t.lower() for t in tokenize(fold(dateline_text(source, city, day), profile), profile)]


def flatten_article(
    text: str, profile: str = "stripped", *, title: str | None = None, has_title: bool = False
) -> FlatArticle:
    """Flatten cased article text.

    `has_title` says the first paragraph is the title (restored text puts it
    there); `title` gives it separately.  A header line written by `restore`
    is turned back into the dateline it came from.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r} (choose from {', '.join(PROFILES)})")
    paragraphs = [p for p in (collapse_spaces(x) for x in text.replace("\r", "\n").split("\n")) if p]
    flat = FlatArticle(sentences=[])
    if has_title and paragraphs:
        title = paragraphs.pop(0)
    if title is not None:
        flat.title = [t.lower() for t in tokenize(fold(collapse_spaces(title), profile), profile)]
    prefix: list[str] = []
    if paragraphs:
        header = parse_header(paragraphs[0])
        if header is not None:
            paragraphs.pop(0)
            flat.date, flat.source, flat.city, flat.dateline_day = header
            if flat.source:
                prefix = dateline_tokens(flat.source, flat.city, profile, flat.dateline_day)
    for para in paragraphs:
        block = _flatten_block(fold(para, profile), profile)
        if block:
            flat.paragraph_starts.append(len(flat.sentences))
            flat.sentences.extend(block)
    if prefix:
        if flat.sentences:
            flat.sentences[0] = prefix + flat.sentences[0]
        else:
            flat.sentences.append(prefix)
    return flat


def flatten(text: str, profile: str = "stripped", *, title: str | None = None, has_title: bool = False,
            layout: str = "sentence") -> str:
    """Flatten cased text into the one-sentence-a-line form that `restore` reads (or a paragraph
    or the whole article a line: `layout`)."""
    return flatten_article(text, profile, title=title, has_title=has_title).to_text(layout)
