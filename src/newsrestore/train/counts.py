"""Counting what flattening removed, over a training corpus.

Everything the models know is a count from real text: how often a word is
written `Myanmar` rather than `myanmar` away from a sentence start, in which
neighbourhoods `house` is `House`, how often `countries` is followed by an
apostrophe, how long paragraphs run.  `Counts` is mergeable so corpora can be
counted in parallel.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .gold import GoldSentence
from .quotes import gold_sequence

PARA_MAX_SENTS = 5
PARA_WORD_BUCKETS = (15, 30, 45, 60, 80, 110)

#: Tokens that, standing alone in stripped text, are usually the far side of an apostrophe.
APOS_SUFFIXES = frozenset({"s", "t", "re", "ve", "ll", "m", "d"})


def word_bucket(n: int) -> int:
    for i, b in enumerate(PARA_WORD_BUCKETS):
        if n < b:
            return i
    return len(PARA_WORD_BUCKETS)


def para_key(sents_in_para: int, words_in_para: int, opens_quote: bool, first: bool) -> str:
    """The context a paragraph-break decision is made in (before a sentence)."""
    return f"{min(sents_in_para, PARA_MAX_SENTS)}|{word_bucket(words_in_para)}|{int(opens_quote)}|{int(first)}"


def is_word(tok: str) -> bool:
    return any(c.isalpha() for c in tok)


def _para_table() -> defaultdict:
    return defaultdict(Counter)


def left_key(prev: str, prev_is_first: bool) -> str:
    """The left context of a word: its neighbour as written, except at a sentence start,
    where the capital says nothing (so `Central bank` and `central bank` differ, `The bank` does not)."""
    return prev.lower() if prev_is_first else prev


def _caps(tok: str) -> bool:
    return len(tok) >= 2 and tok.isalpha() and tok.isupper()


def _in_capital_run(toks, i: int) -> bool:
    """`NEW YORK`, `WHITE HOUSE`: capitals beside capitals are a headline, not acronyms."""
    if not _caps(toks[i].cased):
        return False
    return (i > 0 and _caps(toks[i - 1].cased)) or (i + 1 < len(toks) and _caps(toks[i + 1].cased))


def is_shouting(toks) -> bool:
    """Headlines and rants in capitals teach nothing about case: `FBI DIRECTOR FIRED`."""
    caps = sum(1 for t in toks if len(t.cased) >= 3 and t.cased.isupper() and t.cased.isalpha())
    return caps >= 3 or (caps >= 1 and caps * 2 >= sum(1 for t in toks if is_word(t.cased)))


@dataclass
class Counts:
    forms: Counter = field(default_factory=Counter)     # cased form, mid-sentence
    initial: Counter = field(default_factory=Counter)   # cased form, first word of a sentence
    left: Counter = field(default_factory=Counter)      # (previous lowercase word, cased form)
    right: Counter = field(default_factory=Counter)     # (cased form, next lowercase word)
    join: Counter = field(default_factory=Counter)      # (a, b) joined by an apostrophe: myanmar's, o'brien
    pair: Counter = field(default_factory=Counter)      # (a, b) adjacent where b is a suffix candidate or a is short
    trail: Counter = field(default_factory=Counter)     # w followed by a trailing apostrophe (countries')
    trail_bi: Counter = field(default_factory=Counter)  # (w, next) with a trailing apostrophe
    s_bigram: Counter = field(default_factory=Counter)  # (w, next) for w ending in s (the denominator)
    word: Counter = field(default_factory=Counter)      # lowercase token occurrences
    # style -> para_key -> {0: no break, 1: break}; a style is a corpus (an outlet's house style)
    para: dict = field(default_factory=lambda: defaultdict(_para_table))
    quote_sequences: list = field(default_factory=list)  # one gold quotation sequence per article with marks
    # style -> lowercase word -> occurrences, and style -> articles, over articles with paragraphs
    style_words: dict = field(default_factory=lambda: defaultdict(Counter))
    style_articles: Counter = field(default_factory=Counter)
    articles: int = 0
    words: int = 0

    def add_article(self, sentences: list[GoldSentence], has_paragraphs: bool, marks: bool = True,
                    style: str = "user") -> None:
        """Count one article; `marks=False` for text that already lost its apostrophes and quotes."""
        self.articles += 1
        if marks and sentences:
            seq = gold_sequence(sentences)
            if seq is not None:
                self.quote_sequences.append(seq)
        if has_paragraphs:
            self.style_articles[style] += 1
            bag = self.style_words[style]
            for sent in sentences:
                bag.update(sent.words)
        sents_in_para = words_in_para = 0
        for si, sent in enumerate(sentences):
            toks, words = sent.tokens, sent.words
            if has_paragraphs and si > 0:
                key = para_key(sents_in_para, words_in_para, toks[0].quote_before, si == 1)
                self.para[style][key][int(sent.paragraph_start)] += 1
            if sent.paragraph_start:
                sents_in_para = words_in_para = 0
            sents_in_para += 1
            words_in_para += len(toks)
            first = next((i for i, t in enumerate(toks) if is_word(t.cased)), -1)
            shouting = is_shouting(toks)
            for i, t in enumerate(toks):
                w = words[i]
                nxt = words[i + 1] if i + 1 < len(toks) else "</s>"
                self.word[w] += 1
                if not marks:
                    pass
                elif nxt in APOS_SUFFIXES or len(w) <= 2 or t.join_apos:
                    self.pair[(w, nxt)] += 1
                    if t.join_apos:
                        self.join[(w, nxt)] += 1
                if marks and w[-1:] in ("s", "z"):
                    self.s_bigram[(w, nxt)] += 1
                    if t.trail_apos:
                        self.trail[w] += 1
                        self.trail_bi[(w, nxt)] += 1
                if shouting or not is_word(t.cased) or _in_capital_run(toks, i):
                    continue
                self.words += 1
                if i == first:
                    self.initial[t.cased] += 1
                    continue
                self.forms[t.cased] += 1
                self.left[(left_key(toks[i - 1].cased, i - 1 == first) if i else "<s>", t.cased)] += 1
                self.right[(t.cased, nxt)] += 1

    def merge(self, other: "Counts") -> None:
        for name in ("forms", "initial", "left", "right", "join", "pair", "trail", "trail_bi", "s_bigram", "word"):
            getattr(self, name).update(getattr(other, name))
        for style, table in other.para.items():
            for k, c in table.items():
                self.para[style][k].update(c)
        self.quote_sequences.extend(other.quote_sequences)
        for style, bag in other.style_words.items():
            self.style_words[style].update(bag)
        self.style_articles.update(other.style_articles)
        self.articles += other.articles
        self.words += other.words
