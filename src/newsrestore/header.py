"""The article header line: `date 2017-12-31 Reuters, WASHINGTON`.

Restoring moves the dateline (`washington ( reuters ) -`) out of the body into
this header; flattening puts it back, so the header is a reversible rewriting
of input tokens rather than new words.  A dateline that gives its own day, as
wire copy does (`london , nov 15 ( reuters ) -`), keeps it after the city:
`date Reuters, LONDON, Nov 15`.
"""
from __future__ import annotations

import re
from datetime import date as Date
from typing import NamedTuple

#: Agencies recognised in datelines, written as the agencies write themselves.
AGENCIES = {
    "reuters": "Reuters", "ap": "AP", "afp": "AFP", "bloomberg": "Bloomberg",
    "upi": "UPI", "xinhua": "Xinhua", "dpa": "dpa", "pti": "PTI", "ians": "IANS",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "efe": "EFE", "ansa": "ANSA",
    "bernama": "Bernama", "ani": "ANI", "cnn": "CNN", "bbc": "BBC", "aap": "AAP",
}
#: Words an outlet's name keeps in lower case after its first word (`Voice of America`).
SMALL_SOURCE_WORDS = frozenset({"of", "the", "and", "for", "on", "de"})
#: Most words a dateline's source may have (`The Washington Post`, `Sports Network`).
MAX_SOURCE_WORDS = 4
_LISTED = frozenset(AGENCIES.values())
_SOURCE_NAMES = "|".join(sorted((re.escape(v) for v in _LISTED), key=len, reverse=True))
#: Any other outlet a dateline names, as the dateline stage writes it: capitalised words
#: (`CBS.MW`, `CNN/Money`, `Sports Network`) and the small ones between them.
_OTHER_SOURCE = (r"[A-Z][A-Za-z.&/-]*(?: (?:[A-Z][A-Za-z.&/-]*|" + "|".join(sorted(SMALL_SOURCE_WORDS))
                 + rf")){{0,{MAX_SOURCE_WORDS - 1}}}")
#: A dateline's own day as the dateline stage writes it: `Nov 15`, `Sept. 3`, `March 3`.
DAY_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
#: A state or country after a city's comma, as the dateline stage writes it: `Vietnam`, `Fla.`,
#: `South Africa`, `Democratic Republic of Congo`.
_REGION = r"[A-Z][A-Za-z.'&-]*(?: (?:[A-Z][A-Za-z.'&-]*|" + "|".join(sorted(SMALL_SOURCE_WORDS)) + r"))*"
#: The place: capitals (`WASHINGTON`, `KING OF PRUSSIA`), maybe a region after a comma, maybe
#: joined to another place by a slash (`WEST PALM BEACH, Fla./WASHINGTON`).
_PLACE = rf"[^a-z]+?(?:, {_REGION})?"
_HEADER_RE = re.compile(
    rf"^date(?: (?P<date>\d{{4}}-\d{{2}}-\d{{2}}))?(?: (?P<source>{_SOURCE_NAMES}|{_OTHER_SOURCE})"
    rf"(?:, (?P<city>{_PLACE}(?:/{_PLACE})*)(?:, (?P<day>{DAY_RE}))?)?)?$"
)


class Header(NamedTuple):
    """What a header line says: the article's date, and the dateline's agency, city and day."""

    date: Date | None
    source: str | None
    city: str | None
    day: str | None = None


def format_header(date: Date | None, source: str | None, city: str | None, day: str | None = None) -> str | None:
    """The header line for what is known, or None when nothing is."""
    if date is None and source is None:
        return None
    parts = ["date"]
    if date is not None:
        parts.append(date.isoformat())
    if source is not None:
        parts.append(source + (f", {city}" if city else "") + (f", {day}" if city and day else ""))
    return " ".join(parts)


def parse_header(line: str) -> Header | None:
    """Read a header line back; None when the line is not one."""
    m = _HEADER_RE.match(line.strip())
    if not m or line.strip() == "date":
        return None
    if m["source"] and m["source"] not in _LISTED and not m["city"]:
        return None             # `date Night`: an outlet not listed is read only with its city
    d = Date.fromisoformat(m["date"]) if m["date"] else None
    return Header(d, m["source"], m["city"], m["day"])


def dateline_text(source: str, city: str | None, day: str | None = None) -> str:
    """The dateline a header stands for, cased: `WASHINGTON (Reuters) -`, `LONDON, Nov 15 (Reuters) -`."""
    place = f"{city}, {day}" if city and day else city
    return f"{place} ({source}) -" if place else f"({source}) -"
