"""Writing outputs atomically: a crash never leaves a half-written file."""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """Write to a temporary file beside `path`, then rename it into place.  A symlink is written
    through to its target; a path that is no regular file (`/dev/null`, a fifo) is written in
    place, since renaming over it would replace the device or pipe with a file."""
    path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            yield f
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            yield f
        os.chmod(tmp, mode)                    # mkstemp's 0600: the mode the file had, or `open`'s
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    """The process's umask, read where Linux shows it: setting it to read it back would, for a
    moment, give files other threads create no mask at all."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    with atomic_writer(path) as f:
        f.write(text)


def safe_name(record_id: str) -> str:
    """A file name for an article id (ids can be anything: URLs, row numbers)."""
    keep = "".join(c if c.isalnum() or c in "-_." else "_" for c in record_id).strip("._")
    return keep[:120] or "article"
