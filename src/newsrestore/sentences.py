"""The sentence splitter used by flattening, and the predicate restoring needs from it.

The corpora we restore were cut into sentences by a plain rule: break after
`.`, `!` or `?` (and any closing quote or bracket) when the next word starts
with a capital letter or a digit.  It breaks `U.S. Congress` and `Jan. 6`,
which is exactly what the bundled examples show, so we use the same rule.
Restoration must respect it too: the sentence lines it was given have to come
back when its output is flattened again, so `splits_between` tells the
paragraph and constraint stages where the rule would fire.
"""
from __future__ import annotations

import re

_CLOSERS = "\"')\\]"
_OPENERS = "\"'(\\["
_BOUNDARY_RE = re.compile(rf"[.!?][{_CLOSERS}]*(\s+)(?=[{_OPENERS}]*[A-Z0-9])")
_ENDS_RE = re.compile(rf"[.!?][{_CLOSERS}]*$")
_STARTS_RE = re.compile(rf"^[{_OPENERS}]*[A-Z0-9]")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in one paragraph of (folded, cased) text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(paragraph):
        spans.append((start, m.start(1)))
        start = m.end(1)
    spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph of (folded, cased) text into sentences."""
    return [paragraph[a:b].strip() for a, b in sentence_spans(paragraph)]


def ends_sentence(left: str) -> bool:
    """Whether flattened text ending in `left` would end a sentence (given a suitable next word)."""
    return bool(_ENDS_RE.search(left))


def starts_sentence(right: str) -> bool:
    """Whether text starting with `right` would start a new sentence after an ending one."""
    return bool(_STARTS_RE.match(right))


def splits_between(left: str, right: str) -> bool:
    """Whether the splitter breaks between `left` and `right` when they are joined by a space."""
    return ends_sentence(left) and starts_sentence(right)
