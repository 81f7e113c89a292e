"""Measure restoration: flatten gold articles, restore them, score the result.

`compare` scores one restored body against its gold; `evaluate` runs a
restorer over many gold articles; `command.eval_command` is `newsrestore eval`.
"""
from __future__ import annotations

from .compare import ErrorLog, compare
from .metrics import Counts, f1, summarize
from .runner import Result, comparable_body, evaluate

__all__ = ["Counts", "ErrorLog", "Result", "compare", "comparable_body", "evaluate", "f1", "summarize"]
