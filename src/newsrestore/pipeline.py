"""The restoration pipeline: one Document through small named stages, in order."""
from __future__ import annotations

from datetime import date as Date
from pathlib import Path

from .document import Document
from .model import Model, load_model
from .parse import parse
from .render import FORMATS, header_text, paragraph_texts, render, render_json, render_text, title_text
from .stages import (acronyms, apostrophes, capitals, constraints, currency, dateline, paragraphs, quotes, spacing,
                     tickers, titles, truecase, typography)

def run_stages(doc: Document, model: Model, quotes_style: str = "curly") -> Document:
    dateline.apply(doc, model)
    truecase.apply(doc, model)
    tickers.apply(doc, model)
    acronyms.apply(doc, model)
    capitals.apply(doc, model)
    apostrophes.apply(doc, model)
    quotes.apply(doc, model)
    titles.apply(doc, model)
    currency.apply(doc, model)
    constraints.apply(doc)
    spacing.apply(doc)
    paragraphs.apply(doc, model)
    typography.apply(doc, quotes_style)
    doc.quotes = quotes_style
    return doc


class Article:
    """A restored article: the finished Document and its renderings."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @property
    def text(self) -> str:
        """The article as plain text: title, header line, paragraphs."""
        return render_text(self.document)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def paragraphs(self) -> list[str]:
        return paragraph_texts(self.document)

    @property
    def title(self) -> str | None:
        return title_text(self.document)

    @property
    def header(self) -> str | None:
        return header_text(self.document)

    @property
    def date(self) -> Date | None:
        return self.document.date

    @property
    def source(self) -> str | None:
        return self.document.source

    @property
    def city(self) -> str | None:
        return self.document.city

    @property
    def dateline_day(self) -> str | None:
        """The day the dateline gives after its city (`Nov 30`), as written."""
        return self.document.dateline_day

    def to_json(self) -> dict:
        return render_json(self.document)

    def render(self, fmt: str = "text") -> str:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}")
        return render(self.document, fmt)

    def flat(self) -> str:
        """The input this article was restored from, rebuilt from its tokens: the same tokens,
        a sentence a line (input that held a paragraph or an article a line comes back cut)."""
        doc = self.document
        lines = [" ".join(t.text for t in s.tokens) for s in doc.sentences]
        if doc.dateline and lines:
            lines[0] = " ".join([t.text for t in doc.dateline] + ([lines[0]] if lines[0] else []))
        body = "\n".join(lines)
        return (" ".join(t.text for t in doc.title.tokens) + "\n\n" + body) if doc.title else body

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        head = (self.title or self.paragraphs[0] if self.paragraphs else "")[:50]
        return f"<Article {head!r}... {len(self.document.sentences)} sentences>"


def restore(
    text: str,
    *,
    title: str | None = None,
    date: str | Date | None = None,
    profile: str = "auto",
    quotes: str = "curly",
    model: Model | str | Path | None = None,
    id: str | None = None,
    lines: str = "auto",
) -> Article:
    """Restore one flattened article (one sentence a line; `lines` "paragraph" when each line
    holds a paragraph or the whole article, "auto" to tell from the text) to readable text."""
    if not isinstance(model, Model):
        model = load_model(model)
    if quotes not in typography.STYLES:
        raise ValueError(f"unknown quote style {quotes!r}; choose curly or straight")
    doc = parse(text, title=title, date=date, profile=profile, id=id, lines=lines)
    return Article(run_stages(doc, model, quotes))
