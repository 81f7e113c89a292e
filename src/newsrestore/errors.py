"""Errors a user can act on: each carries one clear line for the command line."""
from __future__ import annotations


class NewsRestoreError(ValueError):
    """Base class: bad input, bad options, a missing model. Never a bug."""


class InputError(NewsRestoreError):
    """The input cannot be read as an article (empty, binary, wrong encoding, too long...)."""
