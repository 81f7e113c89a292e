"""Which words carry facts: what turns a reworded sentence into a changed one.

A news sentence can be rephrased freely, but a different number, name, date,
negation, attribution or quoted word changes what it claims.  Names are known
by their capitals and quoted words by their quotation marks, so both are only
recognised when a side has them (flattened text has lost case and quotes); the
other kinds are read off the lowercase tokens.
"""
from __future__ import annotations

import re

from .align import STOPWORDS

NEGATIONS = frozenset("not n't t no never nor none nobody nothing neither without cannot".split())
ATTRIBUTION = frozenset("""
said says say saying told tells tell cited cites cite quoted quotes quote according stated states
claimed claims claim added adds reported reports announced announces denied denies alleged alleges
insisted insists warned warns confirmed confirms wrote writes asked asks replied replies
""".split())
MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow
tonight week month year decade century""".split())
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion half quarter third dozen percent per cent first second
""".split())
_DIGIT_RE = re.compile(r"\d")
KINDS = ("number", "date", "name", "negation", "attribution", "quote")


def is_name(cased: str, initial: bool, known_names: set[str]) -> bool:
    """A capitalised word that is not just capitalised for starting the sentence."""
    if not cased[:1].isupper() or cased.lower() in STOPWORDS:
        return False
    if not initial:
        return True
    return cased.lower() in known_names


def kinds_of(token: str, cased: str | None, initial: bool, known_names: set[str], quoted: bool) -> set[str]:
    """The fact kinds a (lowercase) token carries; empty for an ordinary word."""
    kinds: set[str] = set()
    if _DIGIT_RE.search(token) or token in NUMBER_WORDS:
        kinds.add("number")
    if token in MONTHS or token in DAYS or (token.isdigit() and len(token) == 4 and token[:2] in ("19", "20")):
        kinds.add("date")
    if cased is not None and is_name(cased, initial, known_names) and token not in MONTHS | DAYS:
        kinds.add("name")
    if token in NEGATIONS:
        kinds.add("negation")
    if token in ATTRIBUTION:
        kinds.add("attribution")
    if quoted and any(c.isalnum() for c in token):
        kinds.add("quote")
    return kinds


def collect_names(sentences: list[list[str]]) -> set[str]:
    """Words seen capitalised away from the start of a sentence: names wherever they appear."""
    names: set[str] = set()
    for toks in sentences:
        seen_word = False
        for t in toks:
            if not any(c.isalnum() for c in t):
                continue
            if seen_word and t[:1].isupper() and t.lower() not in STOPWORDS:
                names.add(t.lower())
            seen_word = True
    return names
