"""Where direct speech runs: a two-state tagger over every token of an article.

Flattening removed every quotation mark, but how a quotation sits in the text
survives: an attribution after a comma (`, he said .`), a colon after a speech
verb, first-person words, a phrase after `called` or `so-called`.  Each token
is either inside a quotation or outside one; a mark opens where the state goes
from outside to inside and closes where it goes back, so one model covers
whole-sentence quotations, quotations running over several sentences and
partial quotations inside a sentence (`called himself a “fiscal conservative”`).

The model is a linear-chain conditional random field over the article: every
feature carries three weights, for a mark opening before the token, one closing
before it, and the token staying inside an open quotation (staying outside is
the reference, 0).  Decoding is Viterbi, and the confidence of a mark is its
marginal probability by forward-backward.  The weight on staying inside is what
the earlier pair of local logistic models lacked: they could only say how
likely a mark was *given* the state before, so a path that wrongly stayed
inside through a reported-speech sentence paid nothing for it and closed at its
`, said` with confidence (label bias).  Scored as one sequence, such a path
pays for every word that does not read like speech.
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

SPEECH_VERBS = frozenset(
    "said says say told tells added adds asked asks wrote writes tweeted tweets stated states explained "
    "explains noted notes insisted insists argued argues warned warns replied replies continued "
    "acknowledged admitted declared recalled suggested conceded cautioned stressed urged complained "
    "concluded remarked announced commented reported posted joked quipped".split())
_FIRST_PERSON = frozenset("i we me us our my myself ourselves".split())
_SECOND_PERSON = frozenset("you your yourself".split())
_CONTRACTIONS = frozenset("t re ve ll m".split())
#: Direct speech keeps the speaker's tense and person; reported speech shifts them back.
_PRESENT = frozenset("will is are am has have can do does don shall".split())
_SHIFTED = frozenset("would was were had could".split())
_THIRD_PERSON = frozenset("he she they his her their them".split())
_END_PUNCT = frozenset({".", "?", "!", "...", ";"})
#: Line ends that mean the splitter cut mid-sentence (`... on jan.` / `6 and 7 , ...`).
FULL_STOPS = frozenset({".", "?", "!", "...", ":", ";"})
_PREP = frozenset("on in at to during after before when while via by of from with".split())

Weights = dict[str, Sequence[float]]
#: (open, close, stay inside) scores of one token.
Potential = tuple[float, float, float]


def attribution_comma(words: Sequence[str]) -> int | None:
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


def colon_index(words: Sequence[str]) -> int | None:
    for i, w in enumerate(words[:-2]):
        if w == ":" and any(x in SPEECH_VERBS for x in words[max(0, i - 6):i]):
            return i
    return None


def units(lengths: Sequence[int], last_words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of real sentences: lines the splitter cut mid-sentence are joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, n in enumerate(lengths):
        if i and spans and last_words[i - 1] not in FULL_STOPS:
            spans[-1] = (spans[-1][0], pos + n)
        else:
            spans.append((pos, pos + n))
        pos += n
    return spans


#: Sentence flags: the words that make a sentence read like direct speech, or like reported speech.
_FLAG_WORDS = (("fp", _FIRST_PERSON), ("you", _SECOND_PERSON), ("ctr", _CONTRACTIONS), ("q", frozenset("?")),
               ("ex", frozenset("!")), ("verb", SPEECH_VERBS), ("pres", _PRESENT), ("past", _SHIFTED),
               ("3p", _THIRD_PERSON))


def _sentence_flags(words: Sequence[str]) -> list[str]:
    present = set(words)
    return [f"len{min(len(words) // 8, 5)}"] + [name for name, ws in _FLAG_WORDS if not ws.isdisjoint(present)]


def _context(words: Sequence[str], spans: Sequence[tuple[int, int]]):
    """(word, previous, next, the one before previous) at every position, `<s>`/`</s>` at edges."""
    for a, b in spans:
        for i in range(a, b):
            yield (words[i], words[i - 1] if i > a else "<s>", words[i + 1] if i + 1 < b else "</s>",
                   words[i - 2] if i > a + 1 else "<s>")


#: The features an outlet's own copy of is added to (`structure`): the sentence-level ones.
_OUTLET_FEATURES = ("s0", "ps:", "ns:", "ac", "aa1")


#: Per sentence: its attribution comma, its flags and its colon (None where it has none).
SentenceInfo = tuple[int | None, list[str], int | None]


def _sentences(words: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[SentenceInfo]:
    """Each sentence's `SentenceInfo`, found once for all its positions."""
    info = []
    for a, b in spans:
        sw = words[a:b]
        comma = attribution_comma(sw)
        colon = colon_index(sw)
        # flags speak about the words a quotation would hold: those before an attribution
        flags = _sentence_flags(sw[:comma] if comma else sw)
        if comma is not None:
            flags.append("attr")        # `..., he said.`: speech ends here, maybe begun sentences ago
        if colon is not None:
            flags.append("colon")
        info.append((comma, flags, colon))
    return info


def _special(j: int, comma: int | None) -> bool:
    """Whether position j of a sentence gets sentence-level (and outlet) features: its start, and
    an attribution's comma and the word after it.  Every other position has only the few
    features `Scorer` sums without naming them."""
    return j == 0 or (comma is not None and comma <= j <= comma + 1)


def structure(words: Sequence[str], cased: Sequence[str], spans: Sequence[tuple[int, int]],
              outlet: str = "") -> list[list[str]]:
    """The features of every position that are not its neighbouring words: where it sits in its
    sentence and relative to an attribution or a colon, the sentence's flags, capitals.

    Outlets quote differently: BBC puts marks round most `..., he said.` sentences, Reuters-21578
    paraphrases many of them.  An article of a learned `outlet` (housestyle.outlet) also gets that
    outlet's copy of its sentence-level features (`style:bbc|s0:attr`), only where a sentence or
    an attribution starts, so the cost stays small."""
    info = _sentences(words, spans)
    return [_position(words, cased, spans, info, si, j, outlet)
            for si, (a, b) in enumerate(spans) for j in range(b - a)]


def _position(words: Sequence[str], cased: Sequence[str], spans: Sequence[tuple[int, int]],
              info: list[SentenceInfo], si: int, j: int, outlet: str) -> list[str]:
    """`structure`'s features of position j of sentence si."""
    a, b = spans[si]
    m = b - a
    comma, flags, colon = info[si]
    f = ["b", _DE[min(m - 1 - j, 4)]]
    if j == 0:
        f.append("s0")
        f.extend("s0:" + x for x in flags)
        f.extend("ps:" + x for x in (info[si - 1][1] if si else ()))
        f.extend("ns:" + x for x in (info[si + 1][1] if si + 1 < len(info) else ("last",)))
    if comma is not None:
        region = "ac" if j == comma else "ab" if j < comma else "aa1" if j == comma + 1 else "aa"
        f.append(region)
        if j == 0 or j == comma + 1:
            f.extend(region + ":" + x for x in flags)
    if colon is not None and j > colon:
        f.append("co1" if j == colon + 1 else "co")
    if j and cased[a + j][:1].isupper():
        f.append("cap")
        if not cased[a + j - 1][:1].isupper():
            f.append("cap:" + words[a + j - 1])
    if outlet and _special(j, comma):
        f.extend([outlet + "|" + x for x in f if x.startswith(_OUTLET_FEATURES)])
    return f


_DE = tuple(f"de:{k}" for k in range(5))
#: The word templates: (prefix, which of (w, p, n, p2) they join).
_WORD_TEMPLATES = (("w:", (0,)), ("p:", (1,)), ("n:", (2,)), ("pw:", (1, 0)), ("wn:", (0, 2)), ("pp:", (3, 1)))


def features(words: Sequence[str], cased: Sequence[str], spans: Sequence[tuple[int, int]],
             outlet: str = "") -> list[list[str]]:
    """Feature names for every position (token) of an article.

    Position i's features speak about token i and about the boundary before it, where a mark
    would open or close: its neighbouring words (`pw:said the`) and its `structure`."""
    out = []
    for ctx, f in zip(_context(words, spans), structure(words, cased, spans, outlet)):
        out.append([prefix + " ".join(ctx[k] for k in keys) for prefix, keys in _WORD_TEMPLATES] + f)
    return out


class Scorer:
    """The weights regrouped for fast lookup at restore time: word templates keyed by the words
    themselves (whose hashes Python has already computed) instead of by built-up names.  Gives
    exactly the scores training computes from the names `features` builds (tests check it)."""

    def __init__(self, weights: Weights) -> None:
        words: list[dict] = [{} for _ in _WORD_TEMPLATES]
        self.other: dict[str, Sequence[float]] = {}
        prefixes = {prefix: k for k, (prefix, _) in enumerate(_WORD_TEMPLATES)}
        for name, v in weights.items():
            head, colon, rest = name.partition(":")
            k = prefixes.get(head + colon)
            if k is None:
                self.other[name] = v
            else:
                words[k][tuple(rest.split(" ")) if " " in rest else rest] = v    # tokens hold no spaces
        # Each word's `w:`, `p:` and `n:` vectors under one key, and each pair of adjacent words'
        # `pw:`, `wn:` and `pp:` (the pair (a, b) is `pw` where b stands, `wn` where a stands and
        # `pp` after b): two lookups a position instead of six, which were a ninth of restoring.
        w_, p_, n_, pw_, wn_, pp_ = words
        self.unigrams = {u: (w_.get(u), p_.get(u), n_.get(u)) for u in {*w_, *p_, *n_}}
        self.bigrams = {k: (pw_.get(k), wn_.get(k), pp_.get(k)) for k in {*pw_, *wn_, *pp_}}

    def potentials(self, words: Sequence[str], cased: Sequence[str],
                   spans: Sequence[tuple[int, int]], outlet: str = "") -> list[Potential]:
        """Per token, the scores (log-potentials) of a quotation opening before it, of one
        closing before it, and of it staying inside one; staying outside scores 0.

        Most positions carry only the word templates, `b`, their distance to the sentence's end,
        the attribution region, the colon region and capitals: those are summed from vectors
        looked up once, in `structure`'s order; only `_special` positions name their features."""
        uni, big = self.unigrams.get, self.bigrams.get
        start, end = uni("<s>", _NONE), uni("</s>", _NONE)
        pp_start = big(("<s>", "<s>"), _NONE)[2]
        other = self.other.get
        b_, ab_, aa_, co1_, co_, cap_ = (other(x) for x in ("b", "ab", "aa", "co1", "co", "cap"))
        de_ = [other(x) for x in _DE]
        info = _sentences(words, spans)
        out: list[Potential] = []
        for si, (a, b) in enumerate(spans):
            comma, _, colon = info[si]
            m = b - a
            sw = words[a:b]
            u = [uni(x, _NONE) for x in sw]
            u.append(end)                                           # u[j + 1] for the last word
            pairs = [big(k, _NONE) for k in zip(["<s>", *sw], [*sw, "</s>"])]   # pairs[j]: (p, w) at j
            for j in range(m):
                i = a + j
                vecs = [u[j][0], (u[j - 1] if j else start)[1], u[j + 1][2], pairs[j][0], pairs[j + 1][1],
                        pairs[j - 1][2] if j else pp_start]
                if _special(j, comma):
                    vecs.extend(map(other, _position(words, cased, spans, info, si, j, outlet)))
                else:
                    vecs.append(b_)
                    vecs.append(de_[min(m - 1 - j, 4)])
                    if comma is not None:
                        vecs.append(ab_ if j < comma else aa_)
                    if colon is not None and j > colon:
                        vecs.append(co1_ if j == colon + 1 else co_)
                    if cased[i][:1].isupper():
                        vecs.append(cap_)
                        if not cased[i - 1][:1].isupper():
                            vecs.append(other("cap:" + words[i - 1]))
                out.append(_total(vecs))
        return out

    def capital_shift(self, prev: str) -> Potential:
        """How a lower-case token's three scores after `prev` (not capitalised) move when the
        token is written with a capital instead (`structure`'s `cap` features)."""
        return _total(map(self.other.get, ("cap", "cap:" + prev)))


_NONE = (None, None, None)


def _total(vectors: Iterable[Sequence[float] | None]) -> Potential:
    """The sum of the weight vectors of the features that have one."""
    o = c = s = 0.0
    for v in vectors:
        if v is not None:
            o += v[0]
            c += v[1]
            s += v[2]
    return o, c, s


def potentials_of(weights: Weights, feats: Sequence[Sequence[str]]) -> list[Potential]:
    """The scores `Scorer.potentials` gives, from feature names (what training uses)."""
    get = weights.get
    return [_total(map(get, names)) for names in feats]


def marks(states: list[bool]) -> list[tuple[int, str]]:
    """(position, "open"/"close") of every mark a state sequence implies: an opening mark goes
    before token i, a closing one after token i - 1 (i may be the position after the last token)."""
    out, prev = [], False
    for i, s in enumerate(states + [False]):
        if s != prev:
            out.append((i, "open" if s else "close"))
        prev = s
    return out


def viterbi(pots: Sequence[Potential], open_bias: float = 0.0) -> list[bool]:
    """The best-scoring inside/outside state of each token; the article starts outside, and a
    quotation still open after the last token closes there.  `open_bias` is added to every
    opening (see train/quotes.py: fit_open_bias)."""
    d_o, d_i = 0.0, -math.inf
    back: list[tuple[bool, bool]] = []      # (best state before O was inside, before I was inside)
    for o, c, s in pots:
        from_i = d_i + c
        o_prev_i = from_i > d_o
        opened = d_o + o + open_bias
        stay = d_i + s
        i_prev_i = stay > opened
        back.append((o_prev_i, i_prev_i))
        d_o, d_i = (from_i if o_prev_i else d_o), (stay if i_prev_i else opened)
    state = d_i > d_o
    states = [False] * len(back)
    for k in range(len(back) - 1, -1, -1):
        states[k] = state
        state = back[k][1] if state else back[k][0]
    return states


def _exp(x: float) -> float:
    return math.exp(min(max(x, -30.0), 30.0))


def transitions(pots: Sequence[Potential]) -> tuple[list[float], list[float], list[float], float]:
    """Marginal probability of each transition: a mark opening before token k, one closing before
    it, the token staying inside; and the probability a quotation is still open at the end.

    Forward-backward with every vector rescaled to sum to one; the four transitions at a
    position cover every path once, so normalising them there is exact."""
    n = len(pots)
    e = math.exp          # `_exp` inline where no clamp is needed: a third of this function's time
    ms = [(e(o) if -30.0 < o < 30.0 else _exp(o), e(c) if -30.0 < c < 30.0 else _exp(c),
           e(s) if -30.0 < s < 30.0 else _exp(s)) for o, c, s in pots]
    fwd = [(1.0, 0.0)]
    for eo, ec, es in ms:
        a_o, a_i = fwd[-1]
        o, i = a_o + a_i * ec, a_o * eo + a_i * es
        z = o + i
        fwd.append((o / z, i / z))
    bwd = [(1.0, 1.0)] * (n + 1)                  # from each state before position k to the end
    for k in range(n - 1, -1, -1):
        eo, ec, es = ms[k]
        b_o, b_i = bwd[k + 1]
        o, i = b_o + eo * b_i, ec * b_o + es * b_i
        z = o + i
        bwd[k] = (o / z, i / z)
    opens, closes, stays = [], [], []
    for k in range(n):
        eo, ec, es = ms[k]
        (a_o, a_i), (b_o, b_i) = fwd[k], bwd[k + 1]
        oo, oi, io, ii = a_o * b_o, a_o * eo * b_i, a_i * ec * b_o, a_i * es * b_i
        z = oo + oi + io + ii
        opens.append(oi / z)
        closes.append(io / z)
        stays.append(ii / z)
    a_o, a_i = fwd[n]
    return opens, closes, stays, a_i / (a_o + a_i)


def marginals(pots: Sequence[Potential]) -> tuple[list[float], list[float]]:
    """Probability of a mark opening before each token, and of one closing before each position
    (the last position is after the last token)."""
    opens, closes, _, at_end = transitions(pots)
    return opens, closes + [at_end]
