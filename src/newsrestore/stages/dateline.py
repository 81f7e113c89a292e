"""Dateline stage: `washington ( reuters ) - the head of ...` becomes header fields.

The dateline tokens are moved from the first sentence into `Document.dateline`
(they are not lost: the header line renders them, and flattening the header
gives them back), so the body starts with the real first word.
"""
from __future__ import annotations

from ..document import Document
from ..header import AGENCIES

_MAX_CITY_TOKENS = 6
#: Two datelines joined by a slash (`WEST PALM BEACH, Fla./WASHINGTON`, `KING OF PRUSSIA,
#: Pennsylvania/WASHINGTON`) run longer; without the slash, seven words before `(AP)` are more
#: often the end of a sentence than a city (`... locker room talks MIAMI (AP) -`).
_MAX_JOINED_CITY_TOKENS = 9
_CITY_TOKEN_CHARS = set("abcdefghijklmnopqrstuvwxyz.,/-&")


def _city_ok(tokens: list[str]) -> bool:
    most = _MAX_JOINED_CITY_TOKENS if "/" in tokens else _MAX_CITY_TOKENS
    return len(tokens) <= most and all(set(t) <= _CITY_TOKEN_CHARS for t in tokens)


def find_dateline(words: list[str]) -> tuple[int, str, list[str]] | None:
    """(tokens the dateline spans, agency, city tokens) or None."""
    if "(" not in words[: _MAX_JOINED_CITY_TOKENS + 1]:
        return None
    i = words.index("(")
    if i + 3 >= len(words) or words[i + 2] != ")" or words[i + 3] not in {"-", "--"}:
        return None
    agency = AGENCIES.get(words[i + 1])
    if agency is None or not _city_ok(words[:i]):
        return None
    return i + 4, agency, words[:i]


def movable_dateline(words: list[str]) -> tuple[int, str, list[str]] | None:
    """`find_dateline`'s answer when the dateline can become the header: it ends in one `-` and
    some text follows (`--`, or a dateline alone, would not flatten back the same)."""
    found = find_dateline(words)
    if found is None or words[found[0] - 1] != "-" or found[0] >= len(words):
        return None
    return found


def _city_text(tokens: list[str]) -> str:
    out = ""
    for t in tokens:
        if out and t not in {",", "/"} and not out.endswith("/"):
            out += " "
        out += t
    return out.upper()


def apply(doc: Document) -> Document:
    if not doc.sentences:
        return doc
    first = doc.sentences[0]
    found = movable_dateline(first.words)
    if found is None:
        return doc
    n, agency, city = found
    doc.dateline, first.tokens = first.tokens[:n], first.tokens[n:]
    doc.source = agency
    doc.city = _city_text(city) if city else None
    for tok in doc.dateline:
        tok.stage, tok.reason = "dateline", f"dateline moved to the header ({agency})"
    return doc
