"""Compare two versions: align sentences, classify each pair, find fact changes, summarise.

Classification of an aligned pair (thresholds chosen on the bundled Reuters
and BBC articles and on BBC corpus pairs, see tests/test_diff.py):

* ``identical``: same flattened tokens and same surface;
* ``form``: same words, different form: flattened tokens equal, or equal once
  punctuation and spacing are ignored (case, quotes, punctuation, spacing,
  accents, sentence splits are what restoring explains);
* ``reworded``: words differ, but no fact-bearing word does and the weighted
  token similarity is at least REWORD_SIM;
* ``changed``: a number, date, name, negation, attribution or quoted word
  differs, or the sentence keeps too little (similarity below REWORD_SIM).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from ..text import QUOTE_CHARS, fold_ascii, strip_quotes
from .align import Link, align, similarity
from .facts import KINDS, collect_names, kinds_of
from .load import Sentence, Version

#: Below this similarity a pair without fact changes still counts as changed, not reworded.
REWORD_SIM = 0.5
#: B is the same story when at least this share of the shorter version's words is matched.
SAME_STORY_SHARE = 0.3
OPS = ("identical", "form", "reworded", "changed", "removed", "added")
_ALNUM_RE = re.compile(r"[^a-z0-9]")


@dataclass
class Pair:
    """One line of the report: aligned sentences of A and B (either may be empty)."""

    op: str
    a: list[int]
    b: list[int]
    a_text: str
    b_text: str
    sim: float = 0.0
    moved: bool = False
    form: list[str] = field(default_factory=list)
    word_diff: list[dict] = field(default_factory=list)
    fact_changes: list[dict] = field(default_factory=list)


@dataclass
class DiffResult:
    """The whole comparison; `to_dict` is the JSON schema."""

    summary: dict
    pairs: list[Pair]

    @property
    def identical_content(self) -> bool:
        return all(p.op in ("identical", "form") for p in self.pairs) and self.summary["title"].get("op") in (
            None, "identical", "form", "only_a", "only_b")

    def to_dict(self) -> dict:
        return {"summary": self.summary, "pairs": [asdict(p) for p in self.pairs]}


def _words(tokens: list[str]) -> int:
    return sum(1 for t in tokens if any(c.isalnum() for c in t))


def form_kinds(a: str, b: str, split: bool = False) -> list[str]:
    """What kinds of form difference separate two surfaces with the same words."""
    kinds = ["sentence split"] if split else []
    def symbols(x: str) -> list[str]:
        return [c for c in x if not c.isascii() and c not in QUOTE_CHARS and c not in "\u2013\u2014"]

    if symbols(a) != symbols(b):
        kinds.append("accents/symbols")
    letters_a, letters_b = re.sub(r"[^A-Za-z]", "", a), re.sub(r"[^A-Za-z]", "", b)
    if letters_a != letters_b and letters_a.lower() == letters_b.lower():
        kinds.append("case")
    if [c for c in a if c in QUOTE_CHARS] != [c for c in b if c in QUOTE_CHARS]:
        kinds.append("quotes")
    punct = re.compile(r"[^\w\s" + re.escape(QUOTE_CHARS) + "]")
    if punct.findall(fold_ascii(a)) != punct.findall(fold_ascii(b)):
        kinds.append("punctuation")
    strip = re.compile(r"[\s" + re.escape(QUOTE_CHARS) + "]")
    if strip.sub("", a.lower()) == strip.sub("", b.lower()) and strip_quotes(a.lower()).split() != strip_quotes(
            b.lower()).split():
        kinds.append("spacing")
    return kinds


class _Side:
    """Concatenated view of a group of sentences from one version."""

    def __init__(self, version: Version, idx: list[int]):
        sents: list[Sentence] = [version.sentences[k] for k in idx]
        self.tokens = [t for s in sents for t in s.tokens]
        self.display = [t for s in sents for t in s.display]
        self.cased = version.cased
        self.text = " ".join(s.surface for s in sents)
        self.initial = {sum(len(x.tokens) for x in sents[:n]) for n in range(len(sents))}
        flags = [s.quoted for s in sents]
        self.quoted = [q for f in flags for q in f] if all(f is not None for f in flags) else None

    def kinds(self, k: int, names: set[str]) -> set[str]:
        cased = self.display[k] if self.cased else None
        quoted = bool(self.quoted and self.quoted[k])
        return kinds_of(self.tokens[k], cased, k in self.initial, names, quoted)


def compare_pair(va: Version, vb: Version, link: Link, names: set[str]) -> Pair:
    """Classify one aligned link and compute its word-level differences."""
    if not link.b or not link.a:
        side = _Side(va, link.a) if link.a else _Side(vb, link.b)
        op = "removed" if link.a else "added"
        return Pair(op, link.a, link.b, side.text if link.a else "", "" if link.a else side.text)
    sa, sb = _Side(va, link.a), _Side(vb, link.b)
    pair = Pair("identical", link.a, link.b, sa.text, sb.text, round(link.sim, 3), link.moved)
    split = len(link.a) != len(link.b)
    if sa.tokens == sb.tokens or _ALNUM_RE.sub("", "".join(sa.tokens)) == _ALNUM_RE.sub("", "".join(sb.tokens)):
        if sa.text != sb.text or split:
            pair.op, pair.form = "form", form_kinds(sa.text, sb.text, split)
        return pair
    pair.form = form_kinds(sa.text, sb.text, split)
    matcher = SequenceMatcher(None, sa.tokens, sb.tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_words, b_words = " ".join(sa.display[i1:i2]), " ".join(sb.display[j1:j2])
        pair.word_diff.append({"op": tag, "a": a_words, "b": b_words})
        if tag == "equal":
            continue
        kinds: set[str] = set()
        for k in range(i1, i2):
            kinds |= sa.kinds(k, names)
        for k in range(j1, j2):
            kinds |= sb.kinds(k, names)
        if kinds:
            pair.fact_changes.append({"kinds": [k for k in KINDS if k in kinds], "a": a_words, "b": b_words})
    pair.op = "changed" if pair.fact_changes or link.sim < REWORD_SIM else "reworded"
    return pair


def _matched_words(va: Version, vb: Version, pair: Pair) -> int:
    ta = [t for k in pair.a for t in va.sentences[k].tokens]
    tb = [t for k in pair.b for t in vb.sentences[k].tokens]
    if pair.op in ("identical", "form"):
        return _words(ta)
    blocks = SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()
    return sum(_words(ta[x.a:x.a + x.size]) for x in blocks)


def _title(va: Version, vb: Version, names: set[str]) -> dict:
    if va.title is None and vb.title is None:
        return {}
    if va.title is None or vb.title is None:
        present = va.title or vb.title
        return {"op": "only_a" if va.title else "only_b", "a": va.title.surface if va.title else None,
                "b": vb.title.surface if vb.title else None, "text": present.surface}  # type: ignore[union-attr]
    ta = Version(va.name, va.form, [va.title])
    tb = Version(vb.name, vb.form, [vb.title])
    link = Link([0], [0], similarity(va.title.tokens, vb.title.tokens))
    p = compare_pair(ta, tb, link, names)
    return {"op": p.op, "a": p.a_text, "b": p.b_text, "form": p.form, "fact_changes": p.fact_changes}


def compare(va: Version, vb: Version) -> DiffResult:
    """Compare two read versions of a story."""
    links = align([s.tokens for s in va.sentences], [s.tokens for s in vb.sentences])
    names = collect_names([s.cased for v in (va, vb) for s in v.sentences if s.cased is not None])
    pairs = [compare_pair(va, vb, link, names) for link in links]
    words_a = sum(_words(s.tokens) for s in va.sentences)
    words_b = sum(_words(s.tokens) for s in vb.sentences)
    matched = sum(_matched_words(va, vb, p) for p in pairs if p.a and p.b)
    counts = {op: sum(1 for p in pairs if p.op == op) for op in OPS}
    share = matched / min(words_a, words_b) if min(words_a, words_b) else 0.0
    same = share >= SAME_STORY_SHARE
    summary = {
        "a": {"name": va.name, "form": va.form, "sentences": len(va.sentences), "words": words_a},
        "b": {"name": vb.name, "form": vb.form, "sentences": len(vb.sentences), "words": words_b},
        "counts": counts,
        "moved": sum(1 for p in pairs if p.moved),
        "kept": round(matched / words_a, 3) if words_a else 0.0,
        "removed": round(1 - matched / words_a, 3) if words_a else 0.0,
        "added": round(1 - matched / words_b, 3) if words_b else 0.0,
        "fact_changes": sum(len(p.fact_changes) for p in pairs),
        "same_story": same,
        "title": _title(va, vb, names),
    }
    result = DiffResult(summary, pairs)
    if not same:
        verdict = "not the same story"
    elif result.identical_content:
        verdict = "same content" + ("" if counts["form"] == 0 else ", differs only in form")
    else:
        verdict = "same story, content differs"
    summary["verdict"] = verdict
    return result
