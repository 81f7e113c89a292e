"""Flatten gold, restore, compare: the loop behind `newsrestore eval` and the benchmark.

A restorer is any function from flattened text to restored *body* text, so the
benchmark can run other tools through exactly the same scoring.  Titles are
flattened into the input (that is how corpora give them) but not scored: only
the body is compared, and the header line newsrestore writes is turned back
into the dateline it came from, so the dateline's casing counts like any text.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..corpora.base import GoldArticle
from ..flatten import flatten
from ..header import dateline_text, parse_header
from ..train.build import marks_lost
from .compare import ErrorLog, compare
from .metrics import Counts, summarize

Restorer = Callable[[str, str], str]      # (flattened text, profile) -> restored body


def profile_for(article: GoldArticle, profile: str) -> str:
    """Tokenized gold (CoNLL and the like) only makes sense with PTB tokens."""
    return "ptb" if article.tokenized else profile


def comparable_body(text: str, has_title: bool) -> str:
    """Restored article text without its title, header line turned back into a dateline."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    if has_title and paras:
        paras.pop(0)
    header = parse_header(paras[0]) if paras else None
    if header is not None:
        paras.pop(0)
        if header.source:
            dateline = dateline_text(header.source, header.city, header.day)
            paras[:1] = [f"{dateline} {paras[0]}" if paras else dateline]
    return "\n\n".join(paras)


def newsrestore_restorer(quotes: str = "curly") -> Restorer:
    """newsrestore itself, as a Restorer (imported lazily: eval must load without it)."""
    import newsrestore

    restore = newsrestore.restore
    if not callable(restore):           # the submodule, not the function
        restore = restore.restore

    def run(flat: str, profile: str) -> str:
        article = restore(flat, profile=profile, quotes=quotes)
        return comparable_body(article.text, article.title is not None)

    try:        # the model loads lazily: load it now so speed figures measure restoring only
        run("the model loads now .", "stripped")
    except Exception:  # noqa: BLE001 -- a broken model is reported per article by `evaluate`
        pass
    return run


@dataclass
class Result:
    """Counts per corpus and overall, the error log, and how long restoring took."""

    per_corpus: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    log: ErrorLog = field(default_factory=ErrorLog)
    failures: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    profile: str = "stripped"
    layout: str = "sentence"

    def add(self, corpus: str, counts: Counts) -> None:
        self.per_corpus.setdefault(corpus, Counts())
        self.per_corpus[corpus] += counts
        self.total += counts

    def to_json(self) -> dict:
        words = self.total.words_gold
        return {
            "profile": self.profile,
            "layout": self.layout,
            "overall": summarize(self.total),
            "corpora": {name: summarize(c) for name, c in self.per_corpus.items()},
            "counts": {name: c.to_dict() for name, c in self.per_corpus.items()},
            "total_counts": self.total.to_dict(),
            "restore_seconds": round(self.seconds, 3),
            "words_per_second": round(words / self.seconds, 1) if self.seconds else None,
            "failures": self.failures,
            "errors": {kind: [{"error": label, "count": n, "examples": ex}
                              for label, n, ex in self.log.top(kind, 20)]
                       for kind in ("case", "apos", "quote", "para")},
        }


def evaluate_one(article: GoldArticle, restorer: Restorer, profile: str, result: Result,
                 layout: str = "sentence") -> None:
    """Flatten one gold article, restore it, and add its scores to `result`."""
    prof = profile_for(article, profile)
    flat = flatten(article.text, prof, title=article.title, layout=layout)
    restored = ""
    if flat.strip():
        start = time.perf_counter()
        try:
            restored = restorer(flat, prof)
        except Exception as exc:  # one bad article must not hide the scores of the rest
            result.failures.append({"corpus": article.corpus, "id": article.id,
                                    "error": f"{type(exc).__name__}: {exc}"})
        result.seconds += time.perf_counter() - start
    counts = compare(article.text, restored, paragraphs=article.has_paragraphs, tokenized=article.tokenized,
                     marks=not marks_lost(article.text), doc=f"{article.corpus}:{article.id}", log=result.log)
    result.add(article.corpus, counts)


def evaluate(articles: Iterable[GoldArticle], restorer: Restorer, profile: str = "stripped",
             progress: Callable[[GoldArticle], None] | None = None, layout: str = "sentence") -> Result:
    """Score a restorer on gold articles, flattened `layout` (a sentence, paragraph or article) a line."""
    result = Result(profile=profile, layout=layout)
    for article in articles:
        evaluate_one(article, restorer, profile, result, layout)
        if progress is not None:
            progress(article)
    return result


def limit_per_corpus(articles: Iterable[GoldArticle], limit: int | None) -> Iterator[GoldArticle]:
    """The first `limit` articles of every corpus (all when limit is None or 0)."""
    seen: dict[str, int] = {}
    for a in articles:
        n = seen.get(a.corpus, 0)
        if limit and n >= limit:
            continue
        seen[a.corpus] = n + 1
        yield a


def dev_articles(names: list[str] | None, limit: int | None, news_only: bool = True,
                 data_dir=None) -> Iterator[GoldArticle]:
    """Dev-split gold of the named corpora (default: every news text), `limit` per corpus."""
    from ..corpora import iter_split

    arts = iter_split("dev", data_dir=data_dir, names=names or None)
    if news_only and not names:
        arts = (a for a in arts if a.news)
    return limit_per_corpus(arts, limit)


__all__ = ["Restorer", "Result", "evaluate", "evaluate_one", "comparable_body",
           "newsrestore_restorer", "dev_articles", "limit_per_corpus", "profile_for"]
