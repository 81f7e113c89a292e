"""Shared fixtures: the real example articles and corpus samples from ../shared."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSRESTORE_SHARED", ROOT.parent / "shared"))
EXAMPLES = SHARED / "examples"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared data sits beside the repository)")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return _need(EXAMPLES)


@pytest.fixture(scope="session")
def reuters_example(examples_dir) -> dict:
    import json
    return {
        "flat": (examples_dir / "reuters_budget.flat.txt").read_text(),
        "original": (examples_dir / "reuters_budget.original.txt").read_text(),
        "meta": json.loads((examples_dir / "reuters_budget.meta.json").read_text()),
    }


@pytest.fixture(scope="session")
def bbc_example(examples_dir) -> dict:
    return {
        "flat": (examples_dir / "bbc_business_003.flat.txt").read_text(),
        "original": (examples_dir / "bbc_business_003.original.txt").read_text(),
    }


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real corpora (tests that read them skip where they are not beside the repository)."""
    return _need(SHARED / "data")


@pytest.fixture(scope="session")
def dev_articles(shared_data):
    """A fixed sample of real dev-split articles from several corpora (a few per corpus)."""
    from itertools import islice
    from newsrestore import corpora
    names = ["isot_true", "isot_fake", "bbc", "fnc1", "reuters21578", "wmt", "abc", "gum", "conll2003"]
    out = []
    for name in names:
        out.extend(islice((a for a in corpora.iter_corpus(name) if corpora.split_of(a) == "dev"), 4))
    return out
