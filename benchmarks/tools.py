"""The restorers the benchmark compares, behind one small interface.

Each tool turns flattened text (optional title line + blank line, then one
lowercase tokenized sentence a line) into a restored *body*; the benchmark
scores every tool with the same `newsrestore.evaluation.compare`.  Models
that need training (Moses truecaser, most-frequent casing) are trained once
by `train_models` on the train split and loaded from files, so loading is
what start-up time measures, not training.
"""
from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path

#: What each tool can restore at all; the results table states it.
CAN_RESTORE = {
    "newsrestore": "case, apostrophes, quotes, paragraphs, header",
    "truecase": "case only (ships a pretrained model)",
    "moses": "case only (trained on the train split)",
    "mostfreq": "case only (trained on the train split)",
}
TOOLS = tuple(CAN_RESTORE)


def split_title(flat: str) -> tuple[str | None, list[list[str]]]:
    """Title line (if the flattened text has one) and the body's token lines."""
    title = None
    if "\n\n" in flat:
        title, flat = flat.split("\n\n", 1)
    return title, [ln.split() for ln in flat.split("\n") if ln.strip()]


class Tool:
    """Load once, then restore many articles."""

    name = ""

    def load(self, model_dir: Path) -> None:
        raise NotImplementedError

    def restore(self, flat: str, profile: str) -> str:
        raise NotImplementedError

    def restore_or_error(self, flat: str, profile: str) -> str:
        """The restored text, or the error marked by a leading NUL (scored as an empty output, reported)."""
        try:
            return self.restore(flat, profile)
        except Exception as exc:  # one failing article must not stop the benchmark
            return f"\x00{type(exc).__name__}: {exc}"

    def forget(self) -> None:
        """Drop whatever the one-core pass cached, so the all-cores pass (forked from it) starts cold."""


class TokenCaser(Tool):
    """Baselines that only recase tokens; detokenized with sacremoses, sentences joined by a space."""

    def load(self, model_dir: Path) -> None:
        from sacremoses import MosesDetokenizer
        self.detok = MosesDetokenizer(lang="en")

    def case_line(self, tokens: list[str]) -> list[str]:
        raise NotImplementedError

    def restore(self, flat: str, profile: str) -> str:
        _title, lines = split_title(flat)
        return " ".join(self.detok.detokenize(self.case_line(toks)) for toks in lines)


class NewsRestore(Tool):
    name = "newsrestore"

    def load(self, model_dir: Path) -> None:
        from newsrestore.evaluation.runner import newsrestore_restorer
        self.run = newsrestore_restorer("curly")
        self.run("warm up the model .", "stripped")      # models load lazily: count it as start-up

    def restore(self, flat: str, profile: str) -> str:
        return self.run(flat, profile)

    def forget(self) -> None:
        from newsrestore.model import load_model
        load_model().forget()


class PyPITruecase(TokenCaser):
    """`truecase` 0.0.14 from PyPI, on our tokens (its own `get_true_case` needs NLTK punkt data,
    which it would have to download, so the offline token API is used)."""

    name = "truecase"

    def load(self, model_dir: Path) -> None:
        super().load(model_dir)
        from truecase import TrueCaser
        self.tc = TrueCaser()

    def case_line(self, tokens: list[str]) -> list[str]:
        out = self.tc.get_true_case_from_tokens(tokens)     # package default: unknown words title-cased
        if out and out[0][:1].islower():
            out[0] = out[0][:1].upper() + out[0][1:]
        return out


class MosesTool(TokenCaser):
    """sacremoses' MosesTruecaser + MosesDetruecaser (capitalises sentence starts)."""

    name = "moses"

    def load(self, model_dir: Path) -> None:
        super().load(model_dir)
        from sacremoses import MosesDetruecaser, MosesTruecaser
        self.tc = MosesTruecaser(load_from=str(model_dir / "moses.truecasemodel"))
        self.dtc = MosesDetruecaser()

    def case_line(self, tokens: list[str]) -> list[str]:
        return self.dtc.detruecase(self.tc.truecase(" ".join(tokens), return_str=True))


class MostFrequent(TokenCaser):
    """Each word in its most frequent non-sentence-initial form; sentence starts capitalised."""

    name = "mostfreq"

    def load(self, model_dir: Path) -> None:
        super().load(model_dir)
        self.best = json.loads((model_dir / "mostfreq.json").read_text())

    def case_line(self, tokens: list[str]) -> list[str]:
        out = [self.best.get(t, t) for t in tokens]
        for i, t in enumerate(out):
            if any(c.isalpha() for c in t):
                out[i] = t[:1].upper() + t[1:]
                break
        return out


def make(name: str) -> Tool:
    return {"newsrestore": NewsRestore, "truecase": PyPITruecase, "moses": MosesTool,
            "mostfreq": MostFrequent}[name]()


def cased_sentences(text: str) -> list[list[str]]:
    """Gold text as the flattener sees it (stripped profile) but with case kept."""
    from newsrestore.flatten import fold, tokenize
    from newsrestore.sentences import split_sentences
    from newsrestore.text import collapse_spaces

    out = []
    for para in text.split("\n"):
        for sent in split_sentences(collapse_spaces(fold(para, "stripped"))):
            toks = tokenize(sent, "stripped")
            if toks:
                out.append(toks)
    return out


def train_models(articles, model_dir: Path, max_words: int, n_corpora: int = 1) -> dict:
    """Train the Moses truecaser and the most-frequent table on the same train articles.

    At most `max_words / n_corpora` words per corpus, so a big corpus listed
    first cannot crowd the others out of the training data.
    """
    from sacremoses import MosesTruecaser

    t0 = time.perf_counter()
    cap = max(1, max_words // max(1, n_corpora))
    sents: list[list[str]] = []
    per: Counter = Counter()
    docs = 0
    for a in articles:
        if per[a.corpus] >= cap:
            continue
        s = [ln.split() for ln in a.text.split("\n") if ln.strip()] if a.tokenized else cased_sentences(a.text)
        sents.extend(s)
        per[a.corpus] += sum(map(len, s))
        docs += 1
    model_dir.mkdir(parents=True, exist_ok=True)
    MosesTruecaser().train(sents, save_to=str(model_dir / "moses.truecasemodel"), processes=1)
    forms: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for t in s[1:]:
            forms[t.lower()][t] += 1
    best = {k: c.most_common(1)[0][0] for k, c in forms.items() if c.most_common(1)[0][0] != k}
    (model_dir / "mostfreq.json").write_text(json.dumps(best))
    return {"train_articles": docs, "train_words": sum(per.values()), "per_corpus": dict(per),
            "train_seconds": round(time.perf_counter() - t0, 1)}
