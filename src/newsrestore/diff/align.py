"""Sentence alignment: dynamic programming over sentence similarity, then a pass for moves.

Like Gale–Church, the aligner walks both sentence lists in order and allows
1:1, 1:0, 0:1, 2:1, 1:2, 3:1 and 1:3 steps (the naive splitter cuts
`U.S. Congress` in two, so merges matter even for identical text).  The cost of
a step is the weighted symmetric difference of the two token bags, which is
zero for identical content and grows with every word one side lacks: skipping a
sentence costs its full weight, so pairing is chosen exactly when the sentences
share more than they differ.  Function words weigh little so that two unrelated
sentences do not pair up on `the`, `of` and `said`.  Sentences left over on
both sides are then matched out of order (reordering) when similar enough.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

#: Pairs below this token similarity are not the same sentence: they become removed + added.
MIN_PAIR_SIM = 0.35
#: A reordered sentence must be at least this similar to its partner to count as moved.
MIN_MOVE_SIM = 0.5
#: Extra cost of a merge/split step, so that 1:1 wins ties.
MERGE_PENALTY = 0.5
STEPS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto over under about after before
than then that this these those there here it its it s is are was were be been being am has have had
do does did will would shall should can could may might must he she they we you i him her them us
his their our your my me who whom whose which what when where why how so such also just more most
very some any all each other s said says say mr mrs ms
""".split())
PUNCT_WEIGHT = 0.0
STOP_WEIGHT = 0.25


@lru_cache(maxsize=65536)
def weight(token: str) -> float:
    """How much a token counts toward sentence similarity."""
    if not any(c.isalnum() for c in token):
        return PUNCT_WEIGHT
    return STOP_WEIGHT if token in STOPWORDS else 1.0


def bag(tokens: list[str]) -> Counter:
    return Counter(t for t in tokens if weight(t) > 0)


def _mass(b: Counter) -> float:
    return sum(weight(t) * n for t, n in b.items())


def _overlap(a: Counter, b: Counter) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight(t) * min(a[t], b[t]) for t in a.keys() & b.keys())


def similarity(a: list[str], b: list[str]) -> float:
    """Weighted Dice similarity of two token lists (1.0 identical content, 0.0 nothing shared)."""
    ba, bb = bag(a), bag(b)
    total = _mass(ba) + _mass(bb)
    return 2 * _overlap(ba, bb) / total if total else 1.0


@dataclass
class Link:
    """Sentences a[...] aligned with b[...]; either side may be empty; `moved` marks reordering."""

    a: list[int]
    b: list[int]
    sim: float = 0.0
    moved: bool = False


def _group_bags(bags: list[Counter], size: int) -> list[Counter]:
    return [sum(bags[k:k + size], Counter()) for k in range(len(bags) - size + 1)]


def align(a: list[list[str]], b: list[list[str]]) -> list[Link]:
    """Align two sentence lists (flattened tokens); links come in B order, removed ones where A had them."""
    bags_a, bags_b = [bag(s) for s in a], [bag(s) for s in b]
    groups_a = {1: bags_a, 2: _group_bags(bags_a, 2), 3: _group_bags(bags_a, 3)}
    groups_b = {1: bags_b, 2: _group_bags(bags_b, 2), 3: _group_bags(bags_b, 3)}
    mass_a = {k: [_mass(x) for x in g] for k, g in groups_a.items()}
    mass_b = {k: [_mass(x) for x in g] for k, g in groups_b.items()}
    n, m = len(a), len(b)
    single = [[_overlap(x, y) for y in bags_b] for x in bags_a]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for di, dj in STEPS:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if dj == 0:
                    c = mass_a[1][i]
                elif di == 0:
                    c = mass_b[1][j]
                elif di == dj == 1:
                    c = mass_a[1][i] + mass_b[1][j] - 2 * single[i][j]
                else:
                    # a merge only helps when every member shares something with the other side
                    if di > 1 and not all(single[k][j] for k in range(i, ni)):
                        continue
                    if dj > 1 and not all(single[i][k] for k in range(j, nj)):
                        continue
                    ov = _overlap(groups_a[di][i], groups_b[dj][j])
                    c = mass_a[di][i] + mass_b[dj][j] - 2 * ov + MERGE_PENALTY
                if here + c < cost[ni][nj]:
                    cost[ni][nj] = here + c
                    back[ni][nj] = (di, dj)
    links: list[Link] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        links.append(Link(list(range(i - di, i)), list(range(j - dj, j))))
        i, j = i - di, j - dj
    links.reverse()
    out: list[Link] = []
    for link in links:
        if link.a and link.b:
            link.sim = similarity([t for k in link.a for t in a[k]], [t for k in link.b for t in b[k]])
            if link.sim < MIN_PAIR_SIM:
                out.extend(Link([k], []) for k in link.a)
                out.extend(Link([], [k]) for k in link.b)
                continue
        out.append(link)
    return _moves(out, a, b)


def _moves(links: list[Link], a: list[list[str]], b: list[list[str]]) -> list[Link]:
    """Pair sentences removed in one place and added in another: reordering, best matches first."""
    removed = [k for k, l in enumerate(links) if l.a and not l.b]
    added = [k for k, l in enumerate(links) if l.b and not l.a]
    if not removed or not added:
        return links
    cands = []
    for r in removed:
        for s in added:
            sim = similarity(a[links[r].a[0]], b[links[s].b[0]])
            if sim >= MIN_MOVE_SIM:
                cands.append((sim, r, s))
    used: set[int] = set()
    drop: set[int] = set()
    for sim, r, s in sorted(cands, reverse=True):
        if r in used or s in used:
            continue
        used.update((r, s))
        links[s] = Link(links[r].a, links[s].b, sim, moved=True)
        drop.add(r)
    return [l for k, l in enumerate(links) if k not in drop]
