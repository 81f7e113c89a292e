"""Which sentences carry direct speech: labels, features and decoding.

Flattening removed every quotation mark, but how a quotation sits in a
sentence survives: an attribution after a comma (`, he said .`), a colon after
a speech verb, first-person words, a question.  Each sentence gets one label
saying where its marks go; the labels form a small state machine (a quotation
opened in one sentence must be continued or closed in the next), decoded with
Viterbi over a maximum-entropy model trained on real news (train/quotes.py).
"""
from __future__ import annotations

import math

OUT_LABELS = ("none", "attrib", "full", "open", "colon", "colon_open")
IN_LABELS = ("cont", "cont_attrib", "cont_close")
LABELS = OUT_LABELS + IN_LABELS
#: Labels after which the next sentence is inside a quotation.
OPENING = frozenset({"open", "colon_open", "cont"})

SPEECH_VERBS = frozenset(
    "said says say told tells added adds asked asks wrote writes tweeted tweets stated states explained "
    "explains noted notes insisted insists argued argues warned warns replied replies continued "
    "acknowledged admitted declared recalled suggested conceded cautioned stressed urged complained "
    "concluded remarked announced commented reported posted joked quipped".split())
_FIRST_PERSON = frozenset("i we me us our my myself ourselves".split())
_SECOND_PERSON = frozenset("you your yourself".split())
_CONTRACTIONS = frozenset("t re ve ll m".split())
_END_PUNCT = frozenset({".", "?", "!", "...", ";"})
_PREP = frozenset("on in at to during after before when while via by of from with".split())


def allowed(prev_label: str | None) -> tuple[str, ...]:
    return IN_LABELS if prev_label in OPENING else OUT_LABELS


def attribution_comma(words: list[str]) -> int | None:
    """The comma that ends a quotation followed by `he said` / `said Meadows, who ...`."""
    n = len(words)
    end = n - 1 if words and words[-1] in _END_PUNCT else n
    for v in range(end - 1, max(0, end - 24), -1):
        if words[v] not in SPEECH_VERBS:
            continue
        if words[v - 1] == ",":                       # `..., said X` or `X, a spokesman, said`
            after = words[v + 1:end]
            if after and after[0] not in _PREP:
                return v - 1
            commas = [i for i in range(max(0, v - 14), v - 1) if words[i] == ","]
            return commas[0] if commas else None
        commas = [i for i in range(max(0, v - 8), v) if words[i] == ","]   # `..., the minister said`
        return commas[-1] if commas else None
    return None


def colon_index(words: list[str]) -> int | None:
    for i, w in enumerate(words[:-2]):
        if w == ":" and any(x in SPEECH_VERBS for x in words[max(0, i - 6):i]):
            return i
    return None


def sentence_features(words: list[str], cased: list[str]) -> tuple[list[str], list[str]]:
    """Sparse binary features of one sentence (lowercase words and their cased forms): those that
    stand alone, and the names of those conjoined with the previous sentence's label."""
    n = len(words)
    c = attribution_comma(words)
    colon = colon_index(words)
    part = words[:c] if c is not None else words
    feats = ["bias", f"first={words[0]}", f"len={min(n // 8, 6)}", f"end={words[-1]}"]
    conj = ["prev"]
    if c is not None:
        tail = words[c + 1:]
        verb = next((w for w in tail if w in SPEECH_VERBS), "?")
        speaker = tail[0] if tail[0] not in SPEECH_VERBS else tail[1] if len(tail) > 1 else "?"
        cap = cased[c + 1][:1].isupper() if c + 1 < len(cased) else False
        feats += ["attrib", f"verb={verb}", f"speaker={speaker if speaker in ('he', 'she', 'they', 'it', 'the') else 'name' if cap else 'other'}",
                  f"attrib_len={min(len(tail), 12) // 3}", f"attrib_pos={min(c, 30) // 5}"]
        conj.append("attrib_prev")
    if colon is not None:
        feats.append("colon")
        conj.append("colon_prev")
    fp = sum(w in _FIRST_PERSON for w in part)
    if fp:
        feats += ["first_person"] + (["attrib_first_person"] if c is not None else [])
        conj.append("first_person_prev")
    if any(w in _SECOND_PERSON for w in part):
        feats.append("second_person")
    if any(w in _CONTRACTIONS for w in part):
        feats.append("contraction")
    if "?" in part:
        feats.append("question")
    if "!" in part:
        feats.append("exclaim")
    if any(w in SPEECH_VERBS for w in words):
        feats.append("has_verb")
    if words[0] in ("but", "and", "so", "we", "i", "it", "this", "that", "there"):
        feats.append(f"opener={words[0]}")
    return feats, conj


def features(words: list[str], cased: list[str], prev_label: str | None) -> list[str]:
    """All features of a sentence given the previous sentence's label (as training sees them)."""
    feats, conj = sentence_features(words, cased)
    return feats + [f"{c}={prev_label}" for c in conj]


def _normalise(raw: dict[str, float]) -> dict[str, float]:
    top = max(raw.values())
    z = math.log(sum(math.exp(v - top) for v in raw.values())) + top
    return {lab: v - z for lab, v in raw.items()}


def decode(weights: dict[str, dict[str, float]], sentences: list[tuple[list[str], list[str]]]) -> list[tuple[str, float]]:
    """Best label sequence (with each label's probability), by Viterbi over the label lattice."""
    if not sentences:
        return []
    best: dict[str | None, tuple[float, list[tuple[str, float]]]] = {None: (0.0, [])}
    for words, cased in sentences:
        feats, conj = sentence_features(words, cased)
        base = {lab: sum(weights.get(lab, {}).get(f, 0.0) for f in feats) for lab in LABELS}
        nxt: dict[str | None, tuple[float, list[tuple[str, float]]]] = {}
        for prev, (score, path) in best.items():
            extra = [f"{c}={prev}" for c in conj]
            raw = {lab: base[lab] + sum(weights.get(lab, {}).get(f, 0.0) for f in extra) for lab in allowed(prev)}
            for lab, lp in _normalise(raw).items():
                total = score + lp
                if lab not in nxt or total > nxt[lab][0]:
                    nxt[lab] = (total, path + [(lab, math.exp(lp))])
        best = nxt
    # a quotation still open at the end of the article is allowed (it runs to the end)
    return max(best.values(), key=lambda x: x[0])[1]
