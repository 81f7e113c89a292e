"""Writing outputs atomically: a crash never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
        os.chmod(tmp, 0o666 & ~_umask())         # mkstemp's 0600, as `open` would have made it
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    with atomic_writer(path) as f:
        f.write(text)


def safe_name(record_id: str) -> str:
    """A file name for an article id (ids can be anything: URLs, row numbers)."""
    keep = "".join(c if c.isalnum() or c in "-_." else "_" for c in record_id).strip("._")
    return keep[:120] or "article"
