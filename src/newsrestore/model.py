"""Loading the trained model file that sits next to this code (`models/`).

The model is data, not code: `newsrestore train` writes it, `restore` reads it
once per process and shares it.  `NEWSRESTORE_MODEL` or `--model` points at
another file (a model trained on a user's own outlet).
"""
from __future__ import annotations

import os
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path

from .errors import NewsRestoreError
from .casenet import CaseNet
from .caseprior import CasePrior
from .logistic import HashedLogistic
from .modelfile import read as read_model_file
from .quotemodel import Scorer

MODEL_DIR = Path(__file__).parent / "models"
DEFAULT_MODEL = MODEL_DIR / "news.model.zip"
#: Version 2: quotations are tagged per token (`quotes` = {"weights", "open_bias"}).
#: Version 3: words whose case depends on use are cased by a logistic model (`case`), not by
#: the `left` / `right` context tables.
#: Version 4: the case model and the plural-possessive model (`possessive`) are hashed logistic
#: models (`logistic.py`); the `trail` tables are gone.
#: Version 5: the quotation tagger is a CRF: every feature weighs opening, closing and staying
#: inside (three numbers, not two).
#: Version 6: the case model's features include the agency the dateline names, for the
#: agencies in `case_sources`.
#: Version 7: paragraph breaks come from a logistic model (`para` = {"model", "styles",
#: "sources"}, `paramodel.py`), not from count tables.
#: Version 8: articles whose dateline names no agency the case model learned get the case
#: features of the house style they read like (`case_sources` holds `style:bbc` and the like).
#: Version 9: the quotation tagger's sentence-level features have a copy per outlet (the agency
#: or house style of `case_sources`, `style:bbc|s0:attr`).
#: Version 10: unknown words are cased by a logistic model over their spelling, their stem and
#: their neighbours (`unknown`, `unknownmodel.py`), not by the shape model alone.
#: Version 11: titles in the outlet's style (`titles` = {"outlets", "small"}, `titlestyle.py`).
#: Version 12: a network beside the case model (`casenet`, `casenet.py`; null when trained
#: without PyTorch).
#: Version 13: the unknown-word model reads how an outside corpus writes the word (`case_prior`,
#: `caseprior.py`; null when trained without spacy-lookups-data).
#: Version 14: lines written all in capitals (`capitals`, `capitalsmodel.py`).
#: Version 15: pound signs before amounts (`currency`, `currencymodel.py`).
MODEL_VERSION = 15
#: Versions this code reads: a version 11 file is a version 12 file without the case network, and
#: a version 12 file a version 13 file without the case prior, a version 13 file a version 14
#: file without the capitals model, and a version 14 file a version 15 file without the currency model.
READABLE_VERSIONS = (11, 12, 13, 14, 15)


class Model:
    """The tables the stages consult, with the lookups they share."""

    def __init__(self, data: dict, path: Path | None = None) -> None:
        self.path = path
        self.data = data
        self.lexicon: dict[str, list] = data["lexicon"]
        self.ambiguous: dict[str, dict[str, int]] = data["ambiguous"]
        # sentence openings written otherwise than capitalised (`NOTE :`); absent from older files
        self.initial: dict[str, list] = data.get("initial", {})
        self.case = HashedLogistic.from_json(data["case"])
        self.case_sources: frozenset[str] = frozenset(data.get("case_sources", ()))   # agencies it learned
        self.casenet: CaseNet | None = CaseNet(data["casenet"]) if data.get("casenet") else None
        self.unknown = HashedLogistic.from_json(data["unknown"])
        # how an outside corpus writes words the lexicon lacks; the unknown-word model was trained
        # with it when present (model version 13)
        self.case_prior: CasePrior | None = CasePrior.from_json(data["case_prior"]) if data.get("case_prior") else None
        self.shape_prior: float = data["shape"]["prior"]
        self.shape_llr: dict[str, float] = data["shape"]["llr"]
        upper = data.get("shape_upper", {"prior": -30.0, "llr": {}})
        self.upper_prior: float = upper["prior"]
        self.upper_llr: dict[str, float] = upper["llr"]
        apos = data["apos"]
        self.apos_pairs: dict[str, list[int]] = apos["pairs"]
        self.apos_suffix: dict[str, list[int]] = apos["suffix"]
        self.apos_prefix: dict[str, list[int]] = apos["prefix"]
        self.possessive = HashedLogistic.from_json(data["possessive"])
        self.owned: dict[str, int] = data["owned"]
        titles = data["titles"]
        self.title_styles: dict[str, str] = titles["outlets"]           # outlet -> upper | title
        self.title_small: frozenset[str] = frozenset(titles["small"])   # left lower in Title Case
        para = data["para"]
        self.para = HashedLogistic.from_json(para["model"])
        self.para_styles: frozenset[str] = frozenset(para["styles"])     # house styles it learned apart
        self.para_sources: dict[str, str] = para["sources"]              # agency -> its house style
        # lines written all in capitals (RCV1 tables); absent before model version 14
        self.capitals: HashedLogistic | None = (HashedLogistic.from_json(data["capitals"])
                                                if data.get("capitals") else None)
        # pound signs before amounts; absent before model version 15
        self.currency: HashedLogistic | None = (HashedLogistic.from_json(data["currency"])
                                                if data.get("currency") else None)
        quotes = data.get("quotes")
        self.quotes: Scorer | None = Scorer(quotes["weights"]) if quotes else None
        self.open_bias: float = quotes["open_bias"] if quotes else 0.0
        self._hyphen_parts: dict[tuple[bool, str], str] | None = None

    def hyphen_part(self, part: str, first: bool) -> str | None:
        """How a part of a hyphenated word is written there (`co` first: `co-founder`, though
        `Co` alone), from the hyphenated words of the lexicon, when seen HYPHEN_PART_COUNT times
        and one way in HYPHEN_PART_SHARE of them; built on first use."""
        if self._hyphen_parts is None:
            self._hyphen_parts = hyphen_parts(self.lexicon)
        return self._hyphen_parts.get((first, part))

    def forget(self) -> None:
        """Drop what restoring has cached (words cased, hyphen parts), so the next article
        runs as cold as the first: a benchmark's second pass must not profit from its first.
        The cache of known words is shared by every loaded model and is emptied for all."""
        from .stages.truecase import case_known        # the stages import this module
        case_known.cache_clear()
        self._hyphen_parts = None


#: A hyphenated word's part is written as the lexicon's hyphenated words write it in that place
#: when they hold it this often, and one way this share of the time (else as the word alone).
HYPHEN_PART_COUNT = 5
HYPHEN_PART_SHARE = 0.6


def hyphen_parts(lexicon: dict[str, list]) -> dict[tuple[bool, str], str]:
    """(first part?, part) -> its form, counted over the lexicon's hyphenated words (each with
    its occurrences): prefixes (`co`, `anti`, `micro`) are written in lower case there though
    the lexicon knows them alone as names (`Co`, `Micro`)."""
    counts: dict[tuple[bool, str], dict[str, int]] = {}
    for low, (form, _, n) in lexicon.items():
        if "-" not in low:
            continue
        parts = form.split("-")
        if len(parts) != low.count("-") + 1:
            continue
        for k, part in enumerate(parts):
            if part:
                seen = counts.setdefault((k == 0, part.lower()), {})
                seen[part] = seen.get(part, 0) + n
    out = {}
    for key, seen in counts.items():
        total = sum(seen.values())
        form, top = max(seen.items(), key=lambda kv: kv[1])
        if total >= HYPHEN_PART_COUNT and top >= HYPHEN_PART_SHARE * total:
            out[key] = form
    return out


def load_model(path: str | Path | None = None) -> Model:
    """The model at `path`, `$NEWSRESTORE_MODEL`, or the bundled one (cached per process)."""
    path = path or os.environ.get("NEWSRESTORE_MODEL") or DEFAULT_MODEL
    return _load(str(Path(path).resolve()))


@lru_cache(maxsize=4)
def _load(path: str) -> Model:
    p = Path(path)
    if not p.exists():
        raise NewsRestoreError(f"model file not found: {p} (run `newsrestore train` to build one)")
    try:
        data = read_model_file(p)
    except (OSError, ValueError, EOFError, KeyError, zlib.error, zipfile.BadZipFile) as exc:
        raise NewsRestoreError(f"cannot read the model file {p}: {exc}") from None
    if data.get("version") not in READABLE_VERSIONS:
        raise NewsRestoreError(f"model file {p} has version {data.get('version')}, this newsrestore reads "
                               f"versions {' and '.join(map(str, READABLE_VERSIONS))} (rebuild it with `newsrestore train`)")
    return Model(data, p)
