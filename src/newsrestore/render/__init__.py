"""Renderers read a finished Document; they never change it."""
from __future__ import annotations

from ..document import Document, Sentence
from ..header import format_header
from ..stages.spacing import render_sentence

FORMATS = ("text", "markdown", "html", "json")


def paragraph_texts(doc: Document) -> list[str]:
    return [" ".join(render_sentence(s) for s in para) for para in doc.paragraphs]


def title_text(doc: Document) -> str | None:
    return render_sentence(doc.title) if doc.title is not None else None


def header_text(doc: Document) -> str | None:
    return format_header(doc.date, doc.source, doc.city, doc.dateline_day)


def render_text(doc: Document) -> str:
    """Title, header, then paragraphs, each block separated by a blank line."""
    blocks = [b for b in (title_text(doc), header_text(doc)) if b]
    blocks.extend(paragraph_texts(doc))
    return "\n\n".join(blocks) + "\n"


def sentence_json(sent: Sentence) -> dict:
    return {"text": render_sentence(sent), "tokens": [t.to_json() for t in sent.tokens]}


def render_json(doc: Document) -> dict:
    return {
        "id": doc.id,
        "title": title_text(doc),
        "date": doc.date.isoformat() if doc.date else None,
        "source": doc.source,
        "city": doc.city,
        "dateline_day": doc.dateline_day,
        "profile": doc.profile,
        "text": render_text(doc),
        "paragraphs": [
            {"text": text, "sentences": [sentence_json(s) for s in para]}
            for text, para in zip(paragraph_texts(doc), doc.paragraphs)
        ],
        "title_tokens": [t.to_json() for t in doc.title.tokens] if doc.title else None,
        "dateline_tokens": [t.to_json() for t in doc.dateline],
    }


def render_markdown(doc: Document) -> str:
    blocks = []
    if doc.title is not None:
        blocks.append("# " + title_text(doc))
    header = header_text(doc)
    if header:
        blocks.append("*" + header.removeprefix("date ") + "*")
    blocks.extend(_md_escape(p) for p in paragraph_texts(doc))
    return "\n\n".join(blocks) + "\n"


def _md_escape(text: str) -> str:
    if text[:1] in "#>-+*" or text[:2].rstrip(".").isdigit():
        return "\\" + text
    return text


def render(doc: Document, fmt: str) -> str:
    import json
    if fmt == "text":
        return render_text(doc)
    if fmt == "markdown":
        return render_markdown(doc)
    if fmt == "html":
        from .html import render_html
        return render_html(doc)
    if fmt == "json":
        return json.dumps(render_json(doc), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}")
