"""The sentence splitter used by flattening, and the predicate restoring needs from it.

The corpora we restore were cut into sentences by a plain rule: break after
`.`, `!` or `?` (and any closing quote or bracket) when the next word starts
with a capital letter or a digit.  It breaks `U.S. Congress` and `Jan. 6`,
which is exactly what the bundled examples show, so we use the same rule.
Restoration must respect it too: the sentence lines it was given have to come
back when its output is flattened again, so `splits_between` tells the
paragraph and constraint stages where the rule would fire.

Corpora cut by other splitters reach us too: one article or one paragraph a
line, or `on jan. 6` kept in one line.  `line_breaks` finds the sentences in
such lines, and `cut_elsewhere` tells that lines were not cut by this rule, so
the stages need not keep them as this rule would.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from .quotemodel import SPEECH_VERBS

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


_FINAL_TOKENS = frozenset({".", "?", "!"})
#: Marks that close what a sentence's end is inside of, and that open what the next starts with.
#: A straight `"` (the lower profile) could be either: `line_breaks` is told which ones open and
#: which close (by their spacing), and makes no cut beside the others.
_CLOSING_TOKENS = frozenset({")", "]", "''"})
#: After `!` or `?` and a closing mark, a pronoun most often names the speaker with a verb the
#: speech verbs do not list: `"yes!" she shouted`, `"why?" he wondered`.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_OPENING_TOKENS = frozenset({"(", "[", "``"})


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Moses's non-breaking prefixes (`mr`, `jan`, `co`), lower case: a `.` token after one is
    the abbreviation's own period (the lower profile splits it off: `mr . smith`)."""
    from .flatten import moses_tokenizer            # flatten imports this module
    return frozenset(p.lower() for p in moses_tokenizer().NONBREAKING_PREFIXES)


@lru_cache(maxsize=1)
def moses_prefix_forms() -> dict[str, str]:
    """Moses's abbreviations that keep their period (`Jan`, `MM`; `No` before a number), by
    lowercase form: Moses knows them only as written, so lowercased text (`jan. 6`) must be given
    back their case to be tokenized as the cased original was."""
    from .flatten import moses_tokenizer            # flatten imports this module
    moses = moses_tokenizer()
    return {p.lower(): p for p in (*moses.NUMERIC_ONLY_PREFIXES, *moses.NONBREAKING_PREFIXES)}


def is_abbreviation(token: str) -> bool:
    """A token holding an abbreviation's period: `u.s.`, `jan.`."""
    return len(token) > 1 and token.endswith(".") and any(c.isalpha() for c in token)


def line_breaks(words: Sequence[str], opening: Collection[int] = (), closing: Collection[int] = ()) -> list[int]:
    """Where a flattened line holding several sentences breaks: the index of each later
    sentence's first token.  A sentence ends at a `.`, `?` or `!` token (and the closing marks
    after it) before a word or number (or an opening mark and one); not before punctuation
    (`calif . , and`: an abbreviation Moses split off), not after an abbreviation's own period
    (`mr . smith`, as the lower profile splits it), not inside a spelled-out ellipsis (`. . .
    become`), not beside a straight `"` unless it is among the indices `opening` or `closing`
    (`straight_quote_sides`), not after a question or exclamation its speaker is named after
    (`? he said`, `? she asked`, `! " she shouted`), and not after a web address's `?`
    (`fullquote.aspx ? ticker`)."""
    out: list[int] = []
    n = len(words)
    i = 0
    while i < n - 1:
        w = words[i]
        if w not in _FINAL_TOKENS or (i and words[i - 1] in _FINAL_TOKENS):
            i += 1
            continue
        j = i + 1
        while j < n and (words[j] in _CLOSING_TOKENS or j in closing):
            j += 1
        k = j
        while k < n and (words[k] in _OPENING_TOKENS or k in opening):
            k += 1
        prev = words[i - 1] if i else ""
        if (k < n and words[k][:1].isalnum()
                and not (w == "." and (len(prev) == 1 and prev.isalpha() or prev in _abbreviations()))
                and not (w != "." and any(x in SPEECH_VERBS for x in words[k:k + 3]))
                and not (w != "." and j > i + 1 and words[k] in _SPEAKER_PRONOUNS)
                and not (w == "?" and ("." in prev.strip(".") or prev == "/"))
                and not (k + 1 < n and words[k + 1] == "=")):
            out.append(j)
        i = j
    return out


def pieces(seq: Sequence, at: Sequence[int]) -> list:
    """`seq` cut before each index of `at` (`line_breaks`): a line's sentences."""
    edges = [0, *at, len(seq)]
    return [seq[a:b] for a, b in zip(edges, edges[1:])]


def straight_quote_sides(tokens: Sequence) -> tuple[set[int], set[int]]:
    """(opening, closing): the straight `"` tokens of a line of running text (the lower profile,
    its tokens recording `space_after`) that open a quotation, glued to the word after and not
    to the one before (`said : "we`), and those that close one, glued to what comes before and
    not after (`won ." he`).  A mark glued on both sides or neither is left undecided."""
    opening, closing = set(), set()
    for k, tok in enumerate(tokens):
        if tok.text != '"':
            continue
        glued_before = k > 0 and not tokens[k - 1].space_after
        glued_after = k + 1 < len(tokens) and not tok.space_after
        if glued_after and not glued_before:
            opening.add(k)
        elif glued_before and not glued_after:
            closing.add(k)
    return opening, closing


def holds_sentences(lines: Sequence[Sequence[str]], breaks: Sequence[Sequence[int]]) -> bool:
    """Whether flattened lines hold whole paragraphs or articles rather than sentences: more
    sentence ends inside them (`line_breaks`) than there are lines, or as many after a full stop
    alone, or a sentence end inside at least three lines and a quarter of them (paragraphs, many
    of one sentence).  One line with one `!` is most often a name (`web giant yahoo ! is
    gambling`), one with one `.` before a word a two-sentence article.  Over 4,423 dev articles
    a sentence a line, 2 are taken for paragraphs (`d-okla . ) said`), and 18 of all 55,186
    articles in the data (ISOT Fake's run-together sentences, most); a paragraph a line, 1,187
    of the 1,529 with a paragraph of several sentences (a fifth of the lines and two: 48 and
    1,281)."""
    with_breaks = sum(1 for at in breaks if at)
    if with_breaks >= 3 and with_breaks >= 0.25 * len(lines):
        return True
    stops = 0
    for words, at in zip(lines, breaks):
        for j in at:
            k = j - 1
            while words[k] in _CLOSING_TOKENS or words[k] == '"':
                k -= 1
            stops += words[k] == "."
    return sum(map(len, breaks)) > len(lines) or stops >= len(lines) > 0


def cut_elsewhere(lines: Sequence[Sequence[str]]) -> bool:
    """Whether flattened lines were cut by some other rule than this module's: a line holds a
    break this rule makes in any case, a number after an abbreviation (`on jan. 6 and 7`).  Not
    after a lone mark: Moses splits `16..18` into `16 .. 18`, which no splitter saw."""
    for words in lines:
        for a, b in zip(words, words[1:]):
            if b[:1].isdigit() and is_abbreviation(a):
                return True
    return False
