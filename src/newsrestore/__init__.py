"""newsrestore: turn flattened news text back into the article a reader would recognise."""
from __future__ import annotations

__version__ = "0.1.0"

from .flatten import flatten  # noqa: E402

__all__ = ["flatten", "__version__"]
