"""Character-level normalisation shared by flattening and restoring.

These rules say what flattening destroys, so restoration knows exactly what it
may put back (case, quotation marks, apostrophes) and what it may not (letters).
"""
from __future__ import annotations

import re
import unicodedata

#: Every quotation mark and apostrophe flattening turns into a space (stripped profile).
QUOTE_CHARS = "’‘“”'\"`´‚„‛‟«»‹›′″"
SINGLE_QUOTES = "’‘'`´‚‛‹›′"
_QUOTE_RE = re.compile("[" + re.escape(QUOTE_CHARS) + "]")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES_RE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def fold_ascii(text: str) -> str:
    """Fold to ASCII the way the corpora were flattened: é becomes e, £ vanishes, dashes become '-'."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_DASHES))
    return "".join(c for c in text if c.isascii())


def strip_quotes(text: str) -> str:
    """Turn every quotation mark and apostrophe into a space, as the stripped profile does."""
    return _QUOTE_RE.sub(" ", text)


def straighten_quotes(text: str) -> str:
    """Map curly and other quotation marks onto ASCII ' and \" (ptb and lower profiles keep them)."""
    text = text.replace("``", '"').replace("''", '"')       # PTB's double quotes are double quotes
    out = []
    for c in text:
        if c in QUOTE_CHARS:
            out.append("'" if c in SINGLE_QUOTES else '"')
        else:
            out.append(c)
    return "".join(out)


def normalize_newlines(text: str) -> str:
    """Windows (`\r\n`) and old Mac (`\r`) line ends as `\n`, so line and paragraph rules see one kind."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def collapse_spaces(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def capitalize_first(form: str) -> str:
    """A sentence start's capital on its first letter, except on a number (`21st`, not `21St`)
    and on `iPhone`-style words, judged by the part before a hyphen so that `al-Qaeda` still
    becomes `Al-Qaeda`.  Shared by the stages and training, which must agree on it."""
    head = form.split("-", 1)[0]        # `al-Qaeda` starts a sentence as `Al-Qaeda`
    if form[:1].isupper() or form[:1].isdigit():
        return form                     # already capitalised, or a number (`21st`, not `21St`)
    if head[:1].islower() and any(c.isupper() for c in head[1:]):
        return form                     # iPhone / eBay style
    for i, c in enumerate(form):
        if c.isalpha():
            return form[:i] + c.upper() + form[i + 1:]
    return form
