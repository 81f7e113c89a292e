"""The article header line: `date 2017-12-31 Reuters, WASHINGTON`.

Restoring moves the dateline (`washington ( reuters ) -`) out of the body into
this header; flattening puts it back, so the header is a reversible rewriting
of input tokens rather than new words.
"""
from __future__ import annotations

import re
from datetime import date as Date

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
_HEADER_RE = re.compile(
    rf"^date(?: (?P<date>\d{{4}}-\d{{2}}-\d{{2}}))?(?: (?P<source>{_SOURCE_NAMES}|{_OTHER_SOURCE})"
    rf"(?:, (?P<city>[^a-z]+))?)?$"
)


def format_header(date: Date | None, source: str | None, city: str | None) -> str | None:
    """The header line for what is known, or None when nothing is."""
    if date is None and source is None:
        return None
    parts = ["date"]
    if date is not None:
        parts.append(date.isoformat())
    if source is not None:
        parts.append(source + (f", {city}" if city else ""))
    return " ".join(parts)


def parse_header(line: str) -> tuple[Date | None, str | None, str | None] | None:
    """Read a header line back; None when the line is not one."""
    m = _HEADER_RE.match(line.strip())
    if not m or line.strip() == "date":
        return None
    if m["source"] and m["source"] not in _LISTED and not m["city"]:
        return None             # `date Night`: an outlet not listed is read only with its city
    d = Date.fromisoformat(m["date"]) if m["date"] else None
    return d, m["source"], m["city"]
