"""newsrestore: turn flattened news text back into the article a reader would recognise.

    >>> from newsrestore import restore, flatten
    >>> article = restore(open("article.flat.txt").read(), date="December 31, 2017")
    >>> print(article.text)
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import InputError, NewsRestoreError  # noqa: E402
from .flatten import flatten, flatten_article  # noqa: E402
from .pipeline import Article, restore  # noqa: E402

__all__ = ["restore", "flatten", "flatten_article", "Article", "NewsRestoreError", "InputError", "__version__"]
