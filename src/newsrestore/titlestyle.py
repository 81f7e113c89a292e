"""How an outlet writes its titles: in capitals, in Title Case, or as a sentence.

Reuters-21578 wrote `TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND`, GUM's
Wikinews and Wikipedia pages `Walking Like Dinosaurs: Chickens with Artificial
Tails`, BBC and Reuters' own site `Dollar gains on Greenspan speech`.  The
truecase stage writes every title as a sentence; the titles stage then writes
it in the style the article's outlet (`housestyle.outlet`) used for most of its
titles in training, where that style is not a sentence.  Training classifies
each train title with `classify`, and learns which words a Title Case outlet
leaves in lower case (`of`, `the`, `with`).  Of the bundled corpora, only
Reuters-21578 has a learned outlet with enough titles in one such style; a
model trained on a user's own outlet learns that outlet's.
"""
from __future__ import annotations

import re

UPPER, TITLE, SENTENCE = "upper", "title", "sentence"
_WORD = re.compile(r"[A-Za-z][A-Za-z'.\-]*")
#: A title is in Title Case when this share of its longer words after the first have a capital.
TITLE_CASE_SHARE = 0.8


def classify(title: str) -> str | None:
    """`upper`, `title` or `sentence`, or None for a title too short to tell (fewer than two
    words of four letters or more after the first: names, `Loosing the War on Terrorism`)."""
    words = _WORD.findall(title)
    if len(words) < 2:
        return None
    letters = [c for w in words for c in w if c.isalpha()]
    if sum(c.isupper() for c in letters) >= 0.95 * len(letters):
        return UPPER
    longer = [w for w in words[1:] if len(w) >= 4]
    if len(longer) < 2:
        return None                       # `Daniel Bernoulli`, `Loosing the War on Terrorism`
    if sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer):
        return TITLE
    return SENTENCE


def lower_in_titles(title: str) -> list[tuple[str, bool]]:
    """(word in lower case, written in lower case) for every word after the first of a Title
    Case title: what training counts to learn the words such outlets leave small."""
    return [(w.lower(), w.islower()) for w in _WORD.findall(title)[1:]]
