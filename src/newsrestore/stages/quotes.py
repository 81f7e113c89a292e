"""Quotation-mark stage (stripped profile): put back the marks around direct speech.

News attributes speech in a few fixed shapes, and those shapes survive
flattening: `... percent , meadows said .` (the words before the attribution
were quoted), `... told reuters : if they default , ... .` (the words after the
colon were quoted).  Marks are glued to tokens (`pre`/`post`), never new tokens.
"""
from __future__ import annotations

from ..document import Document, Sentence
from .truecase import _capitalize

STAGE = "quotes"
SPEECH_VERBS = frozenset(
    "said says say told tells added adds asked asks wrote writes tweeted tweets stated states explained "
    "explains noted notes insisted insists argued argues warned warns replied replies continued "
    "acknowledged admitted declared recalled suggested conceded cautioned stressed urged complained "
    "concluded remarked announced commented reported posted joked quipped".split())
_PREP_AFTER_VERB = frozenset("on in at to during after before when while via by of from with".split())
_APPOSITIVE_START = frozenset("a an the chairman president head chief spokesman spokeswoman director "
                              "minister leader who which whose".split())
_END_PUNCT = frozenset({".", "?", "!", "...", ";"})
MAX_SPEAKER = 6


def _chunks_before(toks: list[str], end: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of toks[:end], last first."""
    out, stop = [], end
    for i in range(end - 1, -1, -1):
        if toks[i] == ",":
            out.append((i + 1, stop))
            stop = i
    out.append((0, stop))
    return out


def closing_attribution(words: list[str]) -> int | None:
    """Index of the comma that ends a quotation followed by its attribution, or None."""
    n = len(words)
    end = n - 1 if words and words[-1] in _END_PUNCT else n
    for v in range(end - 1, max(-1, end - 14), -1):
        if words[v] not in SPEECH_VERBS:
            continue
        after = words[v + 1:end]
        if v > 0 and words[v - 1] == ",":
            # `..., said meadows .` or `meadows , chairman ..., said on the program .`
            if after and len(after) <= MAX_SPEAKER and after[0] not in _PREP_AFTER_VERB and "," not in after:
                return v - 1
            chunks = _chunks_before(words, v - 1)
            if len(chunks) >= 3 and chunks[0][0] < chunks[0][1]:
                (a0, b0), (a1, b1), (a2, b2) = chunks[:3]
                if words[a0] in _APPOSITIVE_START and 1 <= b1 - a1 <= 3 and b2 - a2 >= 3:
                    return a1 - 1
            return None
        # `..., meadows said (on the program) .` / `..., the company said in a statement .`
        chunks = _chunks_before(words, v)
        a0, b0 = chunks[0]
        if len(chunks) >= 2 and 1 <= b0 - a0 <= MAX_SPEAKER and len(after) <= 6 and \
                (not after or after[0] in _PREP_AFTER_VERB or after[0] in {"reuters", "reporters"}) and \
                chunks[1][1] - chunks[1][0] >= 3 and a0 - 1 > 0:
            return a0 - 1
        return None
    return None


def opening_after_colon(words: list[str]) -> int | None:
    """Index of a colon after a speech verb that opens a quotation, or None."""
    for i, w in enumerate(words):
        if w == ":" and i + 3 < len(words):
            lead = words[max(0, i - 5):i]
            if any(x in SPEECH_VERBS for x in lead):
                return i
    return None


def _quote(sent: Sentence, start: int, end: int, reason: str, conf: float) -> None:
    toks = sent.tokens
    toks[start].pre = '"' + toks[start].pre
    toks[end].post = toks[end].post + '"'
    for k in (start, end):
        toks[k].stage = toks[k].stage or STAGE
        toks[k].reason = toks[k].reason or reason
        toks[k].conf = min(toks[k].conf, conf)


def _apply_sentence(sent: Sentence) -> None:
    words = [t.text for t in sent.tokens]
    comma = closing_attribution(words)
    if comma is not None and comma >= 4:
        _quote(sent, 0, comma, "quotes: the words before an attribution (`, X said`) are quoted", 0.7)
        return
    colon = opening_after_colon(words)
    if colon is not None:
        last = len(words) - 1
        first = sent.tokens[colon + 1]
        first.change(_capitalize(first.out), STAGE, "quotes: a quotation starts with a capital", first.conf)
        _quote(sent, colon + 1, last, "quotes: the words after `said :` are quoted", 0.6)


#: Line ends that mean the splitter cut mid-sentence (`... on jan.` / `6 and 7 , ...`).
_FULL_STOPS = frozenset({".", "?", "!", "...", ":", ";"})


def apply(doc: Document) -> Document:
    if doc.profile != "stripped":
        return doc
    for i, sent in enumerate(doc.sentences):
        if i and doc.sentences[i - 1].tokens[-1].text not in _FULL_STOPS:
            continue        # a continuation of the previous line, not the start of a quotation
        _apply_sentence(sent)
    return doc
