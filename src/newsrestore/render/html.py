"""A clean standalone HTML page for one restored article.

Every token a stage changed carries its reason and confidence as a tooltip,
and uncertain ones are underlined, so a reader can see what was inferred.
"""
from __future__ import annotations

from html import escape

from ..document import Document, Sentence
from . import header_text, title_text

LOW_CONFIDENCE = 0.75
_CSS = """
body{font:18px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#222;background:#fdfdfb}
h1{font:bold 1.8em/1.25 Helvetica,Arial,sans-serif;margin-bottom:.3em}
.header{font:.85em Helvetica,Arial,sans-serif;color:#666;text-transform:none;margin-bottom:1.5em}
span.c{border-bottom:1px dotted #9ab}
span.low{background:#fff3c4;border-bottom:1px dashed #c90}
footer{font:.75em Helvetica,Arial,sans-serif;color:#888;margin-top:3em}
"""


def _sentence_html(sent: Sentence) -> str:
    parts = []
    for tok in sent.tokens:
        text = escape(tok.rendered)
        if tok.stage or tok.conf < LOW_CONFIDENCE:
            cls = "low" if tok.conf < LOW_CONFIDENCE else "c"
            tip = escape(f"{tok.text} → {tok.rendered}: {tok.reason or 'unchanged'} (confidence {tok.conf:.2f})",
                         quote=True)
            text = f'<span class="{cls}" title="{tip}">{text}</span>'
        parts.append(text + (" " if tok.space_after else ""))
    return "".join(parts).rstrip()


def render_html(doc: Document) -> str:
    title = title_text(doc)
    header = header_text(doc)
    body = []
    if title:
        body.append(f"<h1>{_sentence_html(doc.title)}</h1>")
    if header:
        body.append(f'<p class="header">{escape(header.removeprefix("date "))}</p>')
    for para in doc.paragraphs:
        body.append("<p>" + " ".join(_sentence_html(s) for s in para) + "</p>")
    page_title = escape(title or (header or "Restored article"))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{page_title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n<footer>Restored by newsrestore. Hover a word to see why it was changed;"
        " highlighted words are uncertain.</footer>\n</body>\n</html>\n"
    )
