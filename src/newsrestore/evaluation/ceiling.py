"""How far quotation marks can be put back from flattened text: gold marks by kind, and recall.

A mark is *sentence-level* when it opens at a sentence start or after a colon or comma
(`He said: "We...`) or closes after the sentence's own full stop or comma (`...now," he said`):
where the sentence's shape (an attribution, a colon after a speech verb, first person) can
point at it.  Every other mark is *inside a sentence*: a quoted phrase (`called himself a
"fiscal conservative" on Sunday`, `said the bill was "probably the biggest factor in this
plan."`), which flattening leaves with no trace but the writer's choice of words.  The
ceiling is the quote_f1 of a restorer that puts every sentence-level mark right and none
other (precision 1, recall the sentence-level share): a bound on what any tagger of sentence
shapes can reach, however good, and the reason issue 4's quote_f1 target of 90 is out of
reach on most corpora.  Nor do the words inside tell: a table of the phrases quoted inside
sentences in nine tenths of the train articles (up to five words, quoted three times or more
and in 30% of their uses or more) found 54 of the 2,296 such quotations in the tenth held out,
and put 93 wrong; a quoted phrase mostly belongs to one story.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..corpora.base import GoldArticle
from ..flatten import flatten
from ..train.build import marks_lost
from .align import read_marks
from .runner import dev_articles, newsrestore_restorer

DEFAULT_CORPORA = ("isot_true", "bbc", "fnc1", "reuters21578", "abc", "wmt")


def sentence_level(text: str, p: int, kind: str) -> bool:
    """Whether the mark at offset p of a canonical gold text (`align.read_marks`) stands at a
    sentence's edge."""
    if kind == "open":
        before = text[:p].rstrip(" ")
        return not before or before[-1] in ".?!:,\n"
    after = text[p + 1:].lstrip(" ")
    inner = text[:p].rstrip("'")            # `...7 percent,'"`: a quotation inside ends first
    return inner[-1:] in (".", "?", "!", ",") or not after or after[0] == "\n"


@dataclass
class CeilingRow:
    """One corpus's gold marks by kind, and what newsrestore made of them (counts, not shares, so
    a reader can pool corpora; the shares are derived)."""

    corpus: str
    marks: int                  # gold marks in the articles scored
    sentence_level: int         # of them, at a sentence's edge
    found_sentence: int         # sentence-level marks newsrestore put right
    found_inside: int           # marks inside a sentence newsrestore put right
    put: int                    # marks newsrestore put
    right: int                  # of them, right

    @property
    def share(self) -> float:
        """The share of the gold marks that are sentence-level."""
        return self.sentence_level / self.marks

    @property
    def ceiling(self) -> float:
        return 2 * self.share / (1 + self.share)

    @property
    def recall_sentence(self) -> float:
        return self.found_sentence / max(1, self.sentence_level)

    @property
    def recall_inside(self) -> float:
        return self.found_inside / max(1, self.marks - self.sentence_level)

    @property
    def precision(self) -> float:
        return self.right / max(1, self.put)


def _scored(art: GoldArticle) -> bool:
    """Whether an article's quotation marks are scored: not tokenized, and not lost at the source."""
    return not art.tokenized and not marks_lost(art.text)


def ceiling_rows(restored: Iterable[tuple[GoldArticle, str]], names: Iterable[str]) -> list[CeilingRow]:
    """One row per corpus of `names` from (gold article, restored body as `comparable_body` gives
    it) pairs.  Articles that lost their marks (`marks_lost`) or are tokenized are not scored, nor
    those whose restored words do not align one to one with the gold ones (a failed restore)."""
    n: Counter = Counter()
    for art, body in restored:
        if not _scored(art):
            continue
        gold, ours = read_marks(art.text), read_marks(body)
        if [w.lower() for w in gold.words] != [w.lower() for w in ours.words]:
            continue
        c = art.corpus
        for key, p in gold.quotes.items():
            level = "sentence" if sentence_level(gold.text, p, key[1]) else "inside"
            n[c, level] += 1
            n[c, level + " found"] += key in ours.quotes
        n[c, "put"] += len(ours.quotes)
        n[c, "right"] += len(set(ours.quotes) & set(gold.quotes))
    return [CeilingRow(c, n[c, "sentence"] + n[c, "inside"], n[c, "sentence"], n[c, "sentence found"],
                       n[c, "inside found"], n[c, "put"], n[c, "right"])
            for c in names if n[c, "sentence"] + n[c, "inside"]]


def quote_ceiling(names: Iterable[str] = DEFAULT_CORPORA, limit: int = 200) -> list[CeilingRow]:
    """`ceiling_rows` over the first `limit` dev articles of each corpus, restored here."""
    names = list(names)
    run = newsrestore_restorer()        # loads the model only now: evaluation must load without it
    arts = [a for a in dev_articles(names, limit) if _scored(a)]
    return ceiling_rows(((a, run(flatten(a.text, "stripped", title=a.title), "stripped")) for a in arts), names)
