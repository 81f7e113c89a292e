"""Dateline stage: `washington ( reuters ) - the head of ...` becomes header fields.

The dateline tokens are moved from the first sentence into `Document.dateline`
(they are not lost: the header line renders them, and flattening the header
gives them back), so the body starts with the real first word.  Wire copy gives
the day after the city (`london , nov 15 ( reuters ) -`); the header keeps it
(`date Reuters, LONDON, Nov 15`), and the agency still names the house style.  The agency is one of
`header.AGENCIES` or any outlet in brackets after a place (`new york ( cnn / money ) -`);
training tags articles with the listed agencies only (`train/case.py: case_article`), whose
conventions it learns, so an unlisted outlet changes no model.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document
from ..flatten import dateline_tokens, fold
from ..header import AGENCIES, MAX_SOURCE_WORDS, SMALL_SOURCE_WORDS, Header, dateline_text, format_header, parse_header
from ..parse import line_tokens
from ..model import Model
from ..text import capitalize_first

_MAX_CITY_TOKENS = 6
#: Two datelines joined by a slash (`WEST PALM BEACH, Fla./WASHINGTON`, `KING OF PRUSSIA,
#: Pennsylvania/WASHINGTON`) run longer; without the slash, seven words before `(AP)` are more
#: often the end of a sentence than a city (`... locker room talks MIAMI (AP) -`).
_MAX_JOINED_CITY_TOKENS = 9
_CITY_TOKEN_CHARS = set("abcdefghijklmnopqrstuvwxyz.,/-&")
_SOURCE_CHARS = set("abcdefghijklmnopqrstuvwxyz.-&")


def _city_ok(tokens: list[str]) -> bool:
    most = _MAX_JOINED_CITY_TOKENS if "/" in tokens else _MAX_CITY_TOKENS
    return len(tokens) <= most and all(set(t) <= _CITY_TOKEN_CHARS for t in tokens)


class Dateline(NamedTuple):
    """What opens an article's first sentence: `end` tokens, the agency they name (as it writes
    itself when `known`, one of `AGENCIES`; else its tokens in lower case), the city's tokens
    and the day's (`nov`, `15`) when the dateline gives one."""

    end: int
    agency: str
    city: list[str]
    known: bool
    day: list[str] = []


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
#: A month as a dateline writes it, flattened: `nov`, `nov.`, `november`, `sept.`.
_MONTHS = frozenset({m for name in _MONTH_NAMES for m in (name, name[:3], name[:3] + ".")} | {"sept", "sept."})
_DAY = re.compile(r"[0-9]{1,2}")                # ASCII digits: `int` reads `²` no more than folding keeps it
#: The most days each month has (the year is unknown, so February may have 29).
_MONTH_DAYS = dict(zip(_MONTH_NAMES, (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)))


def _day_ok(month: str, day: str) -> bool:
    """`nov 30` is a day; `feb 31` or `nov 0` is not a date, so no dateline gives it."""
    name = next(m for m in _MONTH_NAMES if m.startswith(month.rstrip(".")[:3]))
    return bool(_DAY.fullmatch(day)) and 1 <= int(day) <= _MONTH_DAYS[name]


def _place_and_day(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The tokens before the agency's bracket as (city, day): `london , nov 15` gives
    (`london`, `nov 15`); without a day after a comma, all of them are the city."""
    if len(tokens) >= 4 and tokens[-3] == "," and tokens[-2] in _MONTHS and _day_ok(tokens[-2], tokens[-1]):
        return tokens[:-3], tokens[-2:]
    return tokens, []


def _source_ok(tokens: list[str]) -> bool:
    """1 to MAX_SOURCE_WORDS words, a `/` between two of them (`( cnn / money )`)."""
    words = [t for t in tokens if t != "/"]
    return (0 < len(words) <= MAX_SOURCE_WORDS and tokens[0] != "/" and tokens[-1] != "/"
            and all(t[:1].isalpha() and set(t) <= _SOURCE_CHARS for t in words)
            and not set(words) <= SMALL_SOURCE_WORDS)


def find_dateline(words: list[str]) -> Dateline | None:
    """The dateline `words` open with, or None: a city (or none), the agency in brackets, a dash.
    An agency outside `AGENCIES` (`( sports network ) -`, `( cbs.mw ) -` in AG News) is found
    too, and left for `apply` to judge by its city."""
    if "(" not in words[: _MAX_JOINED_CITY_TOKENS + 1]:
        return None
    i = words.index("(")
    j = next((k for k in range(i + 2, min(i + 2 * MAX_SOURCE_WORDS + 1, len(words))) if words[k] == ")"), None)
    city, day = _place_and_day(words[:i])
    if j is None or j + 1 >= len(words) or words[j + 1] not in {"-", "--"} or not _city_ok(city):
        return None
    agency = AGENCIES.get(words[i + 1]) if j == i + 2 else None
    if agency is not None:
        return Dateline(j + 2, agency, city, True, day)
    if not _source_ok(words[i + 1:j]):
        return None
    return Dateline(j + 2, " ".join(words[i + 1:j]), city, False, day)


def movable_dateline(words: list[str]) -> Dateline | None:
    """`find_dateline`'s answer when the dateline can become the header: it ends in one `-` and
    some text follows (`--`, or a dateline alone, would not flatten back the same)."""
    found = find_dateline(words)
    return found if found is not None and _movable(found, words) else None


def _movable(found: Dateline, words: list[str]) -> bool:
    return words[found.end - 1] == "-" and found.end < len(words)


def _source_name(agency: str, model: Model) -> str:
    """An agency outside `AGENCIES` written as the lexicon writes its words, each with a capital
    (`Sports Network`, `CNN/Money` from `cnn / money`, `The Washington Post`); a part the
    lexicon does not know is an acronym when it is three letters or fewer (`CBS.MW`, `CP`)."""
    def part(p: str) -> str:
        if not p:
            return p
        entry = model.lexicon.get(p)
        form = entry[0] if entry is not None else p.upper() if len(p) <= 3 else p
        return capitalize_first(form)

    out = ""
    for k, w in enumerate(agency.split(" ")):
        if w != "/" and not out.endswith("/"):
            out += " " if out else ""
        out += w if w == "/" or (k and w in SMALL_SOURCE_WORDS) else ".".join(part(q) for q in w.split("."))
    return out


#: A city's word may be one the lexicon writes in lower case up to this share of its uses
#: (`new`, 73%, in `new york`; `he`, `said` and `did` are far above it).
CITY_WORD_MAX_LOWER = 0.9


def _looks_like_a_city(tokens: list[str], model: Model) -> bool:
    """Whether the words before an unlisted agency read as a place (`philadelphia`, `new york`,
    `athens , greece`) and not as the end of somebody's sentence (`he said ( laughing ) -`,
    `so did i ( laughing ) -`): there are some, and each is unknown to the lexicon, written with
    a capital there, a small word (`of`) or seldom written in lower case."""
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    for w in words:
        entry = model.lexicon.get(w)
        if entry is not None and not entry[0][:1].isupper() and w not in SMALL_SOURCE_WORDS \
                and entry[1] > CITY_WORD_MAX_LOWER:
            return False
    return bool(words)


def _region(w: str, model: Model | None) -> str:
    """A word of the place after a city's comma as place names write it: `Vietnam`, `Fla.`,
    `N.C.`, `South Africa`, the lexicon's form where it has a capital (`NY`, `UK`)."""
    if w in SMALL_SOURCE_WORDS:
        return w
    entry = model.lexicon.get(w) if model is not None else None
    if entry is not None and entry[0][:1].isupper():
        return entry[0]
    return ".".join(capitalize_first(p) for p in w.split("."))


def city_forms(tokens: list[str], model: Model | None = None) -> list[str]:
    """The dateline's place token by token as wire copy writes it: the city in capitals, the
    state or country after its comma with capitals only where a name takes them (`DANANG,
    Vietnam`, `WEST PALM BEACH, Fla./WASHINGTON`: 100 of the 109 ISOT Reuters datelines with a
    comma; AP alike); a slash starts another place."""
    forms, region = [], False
    for t in tokens:
        parts = []
        for k, part in enumerate(t.split("/")):
            region = (region or t == ",") and k == 0 and t != "/"
            parts.append(_region(part, model) if region else part.upper())
        forms.append("/".join(parts))
    return forms


def _city_text(tokens: list[str], model: Model | None = None) -> str:
    out = ""
    for t, form in zip(tokens, city_forms(tokens, model)):
        if out and t not in {",", "/", "."} and not out.endswith("/"):
            out += " "
        out += form
    return out


def _header_fields(doc: Document, found: Dateline, model: Model | None) -> Header | None:
    """(agency, city, day) for the header that replaces `found`, or None when it cannot: an
    agency outside `AGENCIES` needs the `model`'s lexicon to be written and a city the lexicon
    reads as one; a header moves only when it reads back as itself and flattens back to the
    very tokens it replaced (`washington ( reuters ) -` given in the lower profile, whose
    flattening writes `(reuters)`, stays in the body)."""
    words = doc.sentences[0].words
    if not _movable(found, words):
        return None
    city = _city_text(found.city, model) if found.city else None
    day = " ".join((capitalize_first(found.day[0]), *found.day[1:])) if found.day else None
    if found.known:
        agency = found.agency
    elif model is None or not _looks_like_a_city(found.city, model):
        return None
    else:
        agency = _source_name(found.agency, model)
    fields = Header(None, agency, city, day)
    if not _flattens_back(fields, doc, found.end) or parse_header(format_header(*fields) or "") != fields:
        return None
    return fields


def _flattens_back(fields: Header, doc: Document, end: int) -> bool:
    """Whether the header's dateline flattens to the `end` tokens it replaces, read as `parse`
    reads the profile (running text in the lower profile, where spacing must match too, and a
    space must follow: `(cnn) --` reads as `( cnn ) - -`, and its first `-` is no dateline's)."""
    if doc.profile != "lower":
        return dateline_tokens(fields.source, fields.city, doc.profile, fields.day) == doc.sentences[0].words[:end]
    text = fold(dateline_text(fields.source, fields.city, fields.day), "lower").lower()
    mine = [(t.text, t.space_after) for t in line_tokens(text, "lower")]
    given = [(t.text, t.space_after) for t in doc.sentences[0].tokens[:end]]
    return len(mine) == end and mine[:-1] == given[:-1] and mine[-1][0] == given[-1][0] and given[-1][1]


def apply(doc: Document, model: Model | None = None) -> Document:
    """Move the dateline into the header; a dateline the header cannot take (`houston ( ap ) --`,
    `san jose ( ebay ) -`, whose header `date eBay` would not read back) stays in the body, and
    `doc.meta["body_start"]` says where its sentence starts, for the truecase stage's capital,
    and `doc.meta["body_city"]` how a listed agency's city is written (`NEW YORK (AP) --`);
    not after an unlisted agency whose place does not read as one (`he said ( laughing ) -`)."""
    if not doc.sentences:
        return doc
    first = doc.sentences[0]
    found = find_dateline(first.words)
    if found is None:
        return doc
    fields = _header_fields(doc, found, model)
    if fields is None:
        if found.known or not found.city or (model is not None and _looks_like_a_city(found.city, model)):
            doc.meta["body_start"] = found.end
            if found.known and found.city and found.city[0] != "by":     # `by anick jesdanun new york`: a byline
                doc.meta["body_city"] = city_forms(found.city, model)
        return doc
    doc.dateline, first.tokens = first.tokens[:found.end], first.tokens[found.end:]
    doc.source, doc.city, doc.dateline_day = fields.source, fields.city, fields.day
    for tok in doc.dateline:
        tok.stage, tok.reason = "dateline", f"dateline moved to the header ({doc.source})"
    return doc
