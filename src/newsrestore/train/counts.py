"""Counting what flattening removed, over a training corpus.

Everything the tables know is a count from real text: how often a word is
written `Myanmar` rather than `myanmar` away from a sentence start, how often
`myanmar s` was `Myanmar’s`.  The learned models (case, plural possessives,
quotations, paragraph breaks) keep their training sentences here instead.
`Counts` is mergeable so corpora can be counted in parallel.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..casemodel import END
from .capitals import article_lines
from .case import case_article
from .currency import currency_article
from .gold import GoldSentence, first_word, in_capital_run, is_shouting, is_word
from ..possessive import OWNERS
from .possessive import possessive_sentences
from .paragraphs import sentence_marks
from .quotes import gold_sequence
from ..titlestyle import TITLE, lower_in_titles
from ..titlestyle import classify as classify_title

#: Tokens that, standing alone in stripped text, are usually the far side of an apostrophe.
APOS_SUFFIXES = frozenset({"s", "t", "re", "ve", "ll", "m", "d"})


@dataclass
class Counts:
    forms: Counter = field(default_factory=Counter)     # cased form, mid-sentence
    initial: Counter = field(default_factory=Counter)   # (cased form, next word) opening a sentence
    join: Counter = field(default_factory=Counter)      # (a, b) joined by an apostrophe: myanmar's, o'brien
    pair: Counter = field(default_factory=Counter)      # (a, b) adjacent where b is a suffix candidate or a is short
    word: Counter = field(default_factory=Counter)      # lowercase token occurrences
    # (style, sentence marks, paragraph starts) of articles with paragraphs (train/paragraphs.py);
    # a style is a corpus (an outlet's house style)
    para_articles: list = field(default_factory=list)
    capital_lines: list = field(default_factory=list)  # per article, its lines and which are in capitals (train/capitals.py)
    quote_sequences: list = field(default_factory=list)  # (dateline agency, gold quotation sequence) per article with marks
    case_articles: list = field(default_factory=list)    # each article's source and cased sentences (train/case.py)
    after_owner: Counter = field(default_factory=Counter)  # words after `their`, `his`, `china s`... (possessive.py)
    possessive_sentences: list = field(default_factory=list)  # sentences with a word ending in s (train/possessive.py)
    # style -> lowercase word -> occurrences, and style -> articles, over articles with paragraphs
    style_words: dict = field(default_factory=lambda: defaultdict(Counter))
    style_articles: Counter = field(default_factory=Counter)
    # per article, in the order of case_articles: its corpus and its pound-sign data (train/currency.py), or None
    currency_articles: list = field(default_factory=list)
    non_ascii: Counter = field(default_factory=Counter)  # corpus -> articles holding non-ASCII text
    # per article, in the order of case_articles: its title's style (titlestyle.classify), or None
    title_classes: list = field(default_factory=list)
    # (word, written in lower case) after the first word of Title Case titles (titlestyle.py)
    title_words: Counter = field(default_factory=Counter)
    articles: int = 0
    words: int = 0

    def add_article(self, sentences: list[GoldSentence], has_paragraphs: bool, marks: bool = True,
                    style: str = "user", title: str | None = None, text: str | None = None) -> None:
        """Count one article; `marks=False` for text that already lost its apostrophes and quotes;
        `text`, the article as written, teaches where pound signs stood."""
        self.articles += 1
        case = case_article(sentences)
        self.case_articles.append(case)
        self.currency_articles.append((style, currency_article(text, sentences) if text is not None else None))
        if text is not None and not text.isascii():
            self.non_ascii[style] += 1
        title_class = classify_title(title) if title else None
        self.title_classes.append(title_class)
        if title_class == TITLE:
            self.title_words.update(lower_in_titles(title))
        if sentences:
            self.capital_lines.append(article_lines(sentences))
        if marks and sentences:
            self.possessive_sentences.append(possessive_sentences(sentences))
            seq = gold_sequence(sentences)
            if seq is not None:
                self.quote_sequences.append((case[0], seq))     # tagged with its outlet in build
        if has_paragraphs:
            self.style_articles[style] += 1
            bag = self.style_words[style]
            for sent in sentences:
                bag.update(sent.words)
        if has_paragraphs and sentences:
            self.para_articles.append((style, sentence_marks(sentences), [s.paragraph_start for s in sentences]))
        dateline = bool(case[0])                 # the agency a movable dateline names, "" when none
        for si, sent in enumerate(sentences):
            toks, words = sent.tokens, sent.words
            first = first_word(t.cased for t in toks)
            shouting = is_shouting(toks)
            for i, t in enumerate(toks):
                w = words[i]
                nxt = words[i + 1] if i + 1 < len(toks) else END
                self.word[w] += 1
                if i and words[i - 1] in OWNERS:
                    self.after_owner[w] += 1
                if not marks:
                    pass
                elif nxt in APOS_SUFFIXES or len(w) <= 2 or t.join_apos:
                    self.pair[(w, nxt)] += 1
                    if t.join_apos:
                        self.join[(w, nxt)] += 1
                if shouting or not is_word(t.cased) or in_capital_run(toks, i):
                    continue
                self.words += 1
                if i == first:
                    if si or not dateline:             # `WASHINGTON ( reuters )` opens no sentence
                        self.initial[(t.cased, nxt)] += 1
                    continue
                self.forms[t.cased] += 1

    def merge(self, other: "Counts") -> None:
        for name in ("forms", "initial", "join", "pair", "word", "after_owner", "title_words", "non_ascii"):
            getattr(self, name).update(getattr(other, name))
        self.title_classes.extend(other.title_classes)
        self.quote_sequences.extend(other.quote_sequences)
        self.capital_lines.extend(other.capital_lines)
        self.para_articles.extend(other.para_articles)
        self.case_articles.extend(other.case_articles)
        self.currency_articles.extend(other.currency_articles)
        self.possessive_sentences.extend(other.possessive_sentences)
        for style, bag in other.style_words.items():
            self.style_words[style].update(bag)
        self.style_articles.update(other.style_articles)
        self.articles += other.articles
        self.words += other.words
