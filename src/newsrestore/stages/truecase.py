"""True-case stage: names, titles, acronyms and sentence starts.

Three sources of evidence, cheapest first: the lexicon (how a word is written
away from sentence starts in the training text), context tables for the words
whose case depends on their neighbours (`house speaker` vs `the white house`),
and, for words never seen, a character-shape model plus the neighbours' case
(most unknown words in news are names).  Unknown words are then made
consistent across the document, since a name is written one way throughout.
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache

from ..document import Document, Sentence, Token
from ..model import Model
from ..train.build import shape_features
from ..train.counts import is_word, left_key

STAGE = "truecase"
LEFT_WEIGHT = RIGHT_WEIGHT = 1.0   # naive-Bayes weights of the two context tables (0.6 on the right changed nothing)


def capitalize_first(form: str) -> str:
    if form[:1].isupper() or (form[:1].islower() and any(c.isupper() for c in form[1:])):
        return form                     # already capitalised, or iPhone / eBay style
    for i, c in enumerate(form):
        if c.isalpha():
            return form[:i] + c.upper() + form[i + 1:]
    return form


def _upper_prob(model: Model, w: str) -> float:
    """For an unknown capitalised word: an acronym (`RDIF`) rather than a name (`Rosneft`)?"""
    if len(w) < 2 or not w.isalpha():
        return 0.0
    score = model.upper_prior + sum(model.upper_llr.get(f, 0.0) for f in shape_features(w))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def _title(w: str) -> str:
    if w.startswith("mc") and len(w) > 4 and w.isalpha():
        return "Mc" + w[2:].capitalize()              # McCausland, McGregor
    return "-".join(p[:1].upper() + p[1:] for p in w.split("-")) if "-" in w else capitalize_first(w)


def _contextual(model: Model, w: str, prev: str, nxt: str, entry: list) -> tuple[str, float, str]:
    left, right = model.left.get(f"{prev}\t{w}"), model.right.get(f"{w}\t{nxt}")
    if left is None and right is None:
        form, p, n = entry
        return form, p, f'lexicon: "{w}" written "{form}" in {p:.1%} of {n} training occurrences (no telling context)'
    dist = model.ambiguous[w]
    k = len(dist)
    n = sum(dist.values())
    scores = {f: math.log((c + 0.1) / (n + 0.1 * k)) for f, c in dist.items()}
    used = []
    for ctx, label, weight in ((left, f'after "{prev}"', LEFT_WEIGHT), (right, f'before "{nxt}"', RIGHT_WEIGHT)):
        if ctx:
            m = sum(ctx.values())
            used.append(label)
            for f in scores:
                p_ctx = (ctx.get(f, 0) + 0.5) / (m + 0.5 * k)
                scores[f] += weight * (math.log(p_ctx) - math.log((dist[f] + 0.1) / (n + 0.1 * k)))
    best = max(scores, key=scores.get)
    z = sum(math.exp(s - scores[best]) for s in scores.values())
    conf = 1.0 / z
    where = " and ".join(used) if used else "with no telling neighbours"
    return best, conf, f'context: "{best}" {where} ({conf:.0%}; {n} training occurrences)'


def _shape_prob(model: Model, w: str, prev_cap: bool, next_cap: bool) -> float:
    score = model.shape_prior + sum(model.shape_llr.get(f, 0.0) for f in shape_features(w))
    score += 1.5 * prev_cap + 1.0 * next_cap
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=200_000)
def case_known(model: Model, w: str, prev: str, nxt: str) -> tuple[str, float, str] | None:
    """Case a word the lexicon knows (or whose hyphen parts it knows).

    Cached: news repeats its word-in-context triples (`of the u.s.`) all the time."""
    entry = model.lexicon.get(w)
    if entry is not None:
        form, p, n = entry
        if w in model.ambiguous:
            return _contextual(model, w, prev, nxt, entry)
        return form, p, f'lexicon: "{w}" written "{form}" in {p:.1%} of {n} training occurrences'
    if "'" in w.strip("'"):                    # lower profile: china's, o'brien, don't
        head, _, tail = w.partition("'")
        first = case_known(model, head, prev, nxt)
        rest = tail if tail in {"s", "t", "re", "ve", "ll", "m", "d"} else _title(tail) if head == "o" else tail
        if first is not None:
            return f"{first[0]}'{rest}", first[1], first[2]
        return None
    if "-" in w:
        parts = w.split("-")
        known = [model.lexicon.get(p) for p in parts]
        if all(k is not None or not is_word(p) for k, p in zip(known, parts)):
            forms = [k[0] if k is not None else p for k, p in zip(known, parts)]
            conf = min((k[1] for k in known if k is not None), default=1.0)
            form = "-".join(forms)
            return form, conf, f'lexicon: hyphen parts written "{form}"'
    return None


def _case_sentence(model: Model, sent: Sentence, unknown: dict[str, list[tuple[Token, float]]]) -> None:
    toks = sent.tokens
    words = [t.text for t in toks]
    # the sentence start is its first word or number: after `6`, `and` stays lowercase
    first = next((i for i, t in enumerate(toks) if any(c.isalnum() for c in t.text)), -1)
    pending: list[int] = []
    for i, tok in enumerate(toks):
        w = tok.text
        if not is_word(w) or w != w.lower() or w[0] == "'" or w == "n't":
            continue            # punctuation, already cased, or a PTB clitic ('s, n't)
        prev = left_key(toks[i - 1].out, i - 1 == first) if i else "<s>"
        nxt = words[i + 1] if i + 1 < len(toks) else "</s>"
        known = case_known(model, w, prev, nxt)
        if known is None and any(c.isdigit() for c in w):
            known = (w, 0.9, "")          # 479m, 2b, f16: units and codes stay as written
        if known is None:
            pending.append(i)
            continue
        form, conf, reason = known
        if i == first:
            cap = capitalize_first(form)
            if cap != form:
                form, reason, conf = cap, "sentence start", max(conf, 0.99)
        tok.change(form, STAGE, reason, conf)
    for i in pending:                    # unknown words, once their neighbours are cased
        tok = toks[i]
        prev_cap = i > first and i > 0 and toks[i - 1].out[:1].isupper()
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        next_cap = bool(nxt) and nxt.out[:1].isupper()
        p = _shape_prob(model, tok.text, prev_cap, next_cap)
        if i == first:
            acronym = p >= 0.5 and _upper_prob(model, tok.text) >= 0.5
            tok.change(tok.text.upper() if acronym else capitalize_first(tok.text), STAGE,
                       "sentence start" + (", an unknown word spelt like an acronym" if acronym else ""), 0.99)
        else:
            unknown[tok.text].append((tok, p))


def _resolve_unknown(model: Model, unknown: dict[str, list[tuple[Token, float]]]) -> None:
    """One decision per unknown word per document: names are written one way throughout."""
    for w, occurrences in unknown.items():
        p = sum(q for _, q in occurrences) / len(occurrences)
        cap = p >= 0.5
        upper = cap and _upper_prob(model, w) >= 0.5
        form = w.upper() if upper else _title(w) if cap else w
        conf = p if cap else 1 - p
        what = "an acronym" if upper else "a name"
        reason = (f'unknown word; its spelling and neighbours suggest {what} ({p:.0%}'
                  f'{", over " + str(len(occurrences)) + " uses" if len(occurrences) > 1 else ""})')
        for tok, _ in occurrences:
            tok.change(form, STAGE, reason, conf)


def apply(doc: Document, model: Model) -> Document:
    unknown: dict[str, list[tuple[Token, float]]] = defaultdict(list)
    for sent in doc.all_sentences():
        _case_sentence(model, sent, unknown)
    _resolve_unknown(model, unknown)
    return doc
