"""Check the arguments of ``Extractor.pipe`` and ``pipe_docs`` before any item is read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from quotemine.articles import Article, Page
from quotemine.errors import InputError

__all__ = ["check_pipe_args"]

_ERROR_MODES = ("record", "raise")


def check_pipe_args(items: object, batch_size: object, n_process: object, errors: object) -> None:
    """Raise ``InputError`` for arguments of ``pipe`` it cannot work with, before any item is read."""
    if isinstance(items, str | bytes | bytearray | Mapping | Article | Page):
        raise InputError(
            f"items must be an iterable of texts or records, not one {type(items).__name__}; "
            "use extract() for one text, or pass [item]"
        )
    if not isinstance(items, Iterable):
        raise InputError(f"items must be an iterable of texts or records, not {type(items).__name__}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise InputError(f"batch_size must be a whole number of at least 1, not {batch_size!r}")
    if isinstance(n_process, bool) or not isinstance(n_process, int) or (n_process < 1 and n_process != -1):
        raise InputError(
            f"n_process must be a whole number of at least 1 (or -1, every CPU), not {n_process!r}"
        )
    if errors not in _ERROR_MODES:
        raise InputError(f"errors must be 'record' or 'raise', not {errors!r}")
