"""The one object that flows through every restoration stage.

A `Document` holds the input tokens exactly as they arrived; stages only ever
change a token's *output* form (case, an inserted apostrophe), the punctuation
glued around it (quotation marks), its spacing, and paragraph starts.  Because
no stage may add or drop a `Token`, the round-trip guarantee (flattening the
restored article gives back the input) is a property of the data model, not of
each stage's good behaviour.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Iterator


@dataclass(slots=True)
class Token:
    """One input token and what restoration made of it."""

    text: str                 # input form, never changed
    out: str = ""             # output form (same letters, maybe other case / apostrophes)
    pre: str = ""             # punctuation inserted before it (opening quotation mark)
    post: str = ""            # punctuation inserted after it (closing mark, plural-possessive apostrophe)
    space_after: bool = True
    conf: float = 1.0
    stage: str = ""           # the stage that last changed the token, "" if unchanged
    reason: str = ""

    def __post_init__(self) -> None:
        if not self.out:
            self.out = self.text

    def change(self, out: str, stage: str, reason: str, conf: float) -> None:
        """Record a new output form together with who changed it and why."""
        if out != self.out:
            self.out = out
            self.stage = stage
            self.reason = reason
        self.conf = min(self.conf, conf)

    @property
    def rendered(self) -> str:
        return f"{self.pre}{self.out}{self.post}"

    def to_json(self) -> dict:
        return {
            "input": self.text,
            "output": self.rendered,
            "confidence": round(self.conf, 4),
            "stage": self.stage or None,
            "reason": self.reason or None,
        }


@dataclass(slots=True)
class Sentence:
    tokens: list[Token]
    paragraph_start: bool = False   # set by the paragraph stage (or kept from the input)

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


@dataclass
class Document:
    """An article on its way from flattened input to restored output."""

    sentences: list[Sentence]
    profile: str = "stripped"
    title: Sentence | None = None
    date: Date | None = None
    source: str | None = None          # news agency from the dateline, e.g. "Reuters"
    city: str | None = None            # dateline city as the outlet writes it, e.g. "WASHINGTON"
    dateline_day: str | None = None    # the day a dateline gives after its city, e.g. "Nov 15"
    dateline: list[Token] = field(default_factory=list)  # the input tokens the header replaced
    id: str | None = None
    quotes: str = "curly"
    meta: dict = field(default_factory=dict)

    def all_sentences(self) -> Iterator[Sentence]:
        if self.title is not None:
            yield self.title
        yield from self.sentences

    def tokens(self) -> Iterator[Token]:
        for sentence in self.all_sentences():
            yield from sentence.tokens

    @property
    def paragraphs(self) -> list[list[Sentence]]:
        paras: list[list[Sentence]] = []
        for s in self.sentences:
            if s.paragraph_start or not paras:
                paras.append([])
            paras[-1].append(s)
        return paras
