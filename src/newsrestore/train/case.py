"""Training the case model for words whose case depends on use (`casemodel.py`).

Every occurrence of such a word away from a sentence start is an example: its
neighbours as the restorer will see them, and whether the source wrote it in
lower case.  Logistic regression by AdaGrad (`logistic.py`), two epochs, each
word's own bias starting from its share of capitalised uses so the context
features only learn how context moves it.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence

from ..casemodel import CASE_BITS, END, START, UNKNOWN, CaseContext, features, word_class
from ..housestyle import classify, style_source
from ..logistic import HashedLogistic, shuffled_articles
from ..logistic import fit as fit_logistic
from ..stages.dateline import movable_dateline
from .gold import GoldSentence, capitals, first_word, is_shouting, is_word

#: How many following words whose case depends on use the `run` feature looks across.
MAX_RUN = 3
#: One article's training data: the agency its dateline names ("" if none) and its `case_sentences`.
CaseArticle = tuple[str, list[str]]
#: An agency gets its own case features when this many training articles carry its dateline; the
#: others' articles (and, at restore time, articles from agencies never learned) get none, since
#: an unseen feature's hashed slot holds some other feature's weight.
MIN_SOURCE_ARTICLES = 200


def case_article(sentences: list[GoldSentence]) -> CaseArticle:
    found = movable_dateline(sentences[0].words) if sentences else None
    return (found.agency if found and found.known else "", case_sentences(sentences))


def case_sentences(sentences: list[GoldSentence]) -> list[str]:
    """An article's sentences as space-joined cased tokens (the training data); sentences in
    capitals teach nothing about case and are left out."""
    out = []
    for sent in sentences:
        cased = [t.cased for t in sent.tokens]
        if not is_shouting(sent.tokens) and not any(" " in c for c in cased):
            out.append(" ".join(cased))
    return out


def contexts(sentence: str, lexicon: Mapping[str, list], ambiguous: Mapping[str, Mapping[str, int]],
             source: str = "") -> Iterator[tuple[CaseContext, int]]:
    """(context, 1 if not lower case) for every word of `ambiguous` in one cased sentence of an
    article from `source` (the agency its dateline names)."""
    cased = sentence.split(" ")
    words = [c.lower() for c in cased]
    n = len(words)
    first = first_word(cased)
    for i, w in enumerate(words):
        dist = ambiguous.get(w)
        if dist is None or i <= first or w not in dist or cased[i] not in dist:
            continue
        if capitals(cased[i]) and ((i and capitals(cased[i - 1])) or (i + 1 < n and capitals(cased[i + 1]))):
            continue                                 # `NEW YORK`: a headline, not an acronym
        yield (case_context(cased[i - 1] if i else "", words, i, first, lexicon, ambiguous, source),
               int(cased[i] != w))


def examples(sentence: str, lexicon: Mapping[str, list], ambiguous: Mapping[str, Mapping[str, int]],
             source: str = "") -> Iterator[tuple[list[str], int]]:
    """The logistic model's examples: (features, 1 if not lower case), as `contexts`."""
    for ctx, y in contexts(sentence, lexicon, ambiguous, source):
        yield features(ctx), y


def case_context(prev_written: str, words: Sequence[str], i: int, first: int, lexicon: Mapping[str, list],
                 ambiguous: Mapping, source: str = "") -> CaseContext:
    """What the case models see of `words[i]` (all lower case), given the word before as
    written; shared by training and the truecase stage so both see exactly the same thing.

    The word before counts as written, except at a sentence start (where the capital says
    nothing) and when the lexicon does not know it (the restorer has not cased it yet)."""
    if i == 0:
        prev, prev_cap = START, False
    else:
        low = words[i - 1]
        if is_word(low) and low not in lexicon:
            prev, prev_cap = UNKNOWN, False
        elif i - 1 == first:
            prev, prev_cap = low, False
        else:
            prev, prev_cap = prev_written, prev_written != low
    n = len(words)
    nxt = words[i + 1] if i + 1 < n else END
    run = ""
    if nxt in ambiguous:
        j = i + 1
        while j < n and j - i <= MAX_RUN and words[j] in ambiguous:
            j += 1
        run = f"{j - i}{word_class(lexicon, ambiguous, words[j]) if j < n else 'E'}"
    return CaseContext(words[i], prev, prev_cap, words[i - 2] if i >= 2 else START, nxt,
                       words[i + 2] if i + 2 < n else END, word_class(lexicon, ambiguous, nxt), run, source,
                       words[i - 3] if i >= 3 else START, words[i + 3] if i + 3 < n else END)


def learned_sources(articles: list[CaseArticle]) -> list[str]:
    """The agencies (and, once `with_house_styles` has tagged them, house styles) with
    MIN_SOURCE_ARTICLES or more training articles (Reuters, in the corpora)."""
    n = Counter(source for source, _ in articles if source)
    return sorted(s for s, k in n.items() if k >= MIN_SOURCE_ARTICLES)


def with_house_styles(articles: list[CaseArticle], classifier: Mapping) -> list[CaseArticle]:
    """The articles whose dateline names no agency the model learns, tagged with the house style
    they read like (`style:bbc`; `classifier` is the model's `para_style`), as the truecase stage
    tags them at restore time, so outlets without a dateline keep their conventions too."""
    agencies = set(learned_sources(articles))
    return [(source if source in agencies
             else style_source(classify((w.lower() for s in sentences for w in s.split(" ")), classifier)),
             sentences) for source, sentences in articles]


def fit(articles: list[CaseArticle], lexicon: Mapping[str, list], ambiguous: Mapping[str, Mapping[str, int]],
        sources: Collection[str] = (), epochs: int = 2, rate: float = 0.4, seed: int = 0,
        bits: int = CASE_BITS) -> HashedLogistic:
    """The case model, by AdaGrad over every mid-sentence use of the words in `ambiguous`, articles
    in a shuffled order; each word's own bias starts from its share of capitalised uses.  Articles
    from `sources` (`learned_sources`, saved with the model) get their agency's features.

    The rate was chosen on a tenth of the train articles held out (never dev): with 2**23 slots,
    0.2, 0.3 and 0.4 gave 11,470, 11,257 and 11,226 errors on its words; a third epoch at 0.3 gave
    the same as two."""
    prior = {}
    for word, dist in ambiguous.items():
        if word in dist:
            up, total = sum(dist.values()) - dist[word], sum(dist.values())
            prior[f"b {word}"] = math.log((up + 0.5) / (total - up + 0.5))
    tagged = [[(source if source in sources else "", s) for s in sentences] for source, sentences in articles]
    epoch_examples = shuffled_articles(tagged, lambda item: examples(item[1], lexicon, ambiguous, item[0]), seed)
    return fit_logistic(epoch_examples, bits, epochs=epochs, rate=rate, prior=prior)
