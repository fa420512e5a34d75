"""What every command shares: reading an input, the ``--published`` option, logging, exit statuses.

Exit statuses: ``0`` done; ``1`` a runtime error (an input missing or unreadable, the model not
installed, an output not writable; ``extract`` also after printing an error record); ``2`` a
usage error (an unknown option, a missing argument, a malformed option value).
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Final

import typer

from quotemine.errors import InputError

__all__ = [
    "EXIT_RUNTIME",
    "EXIT_USAGE",
    "configure_logging",
    "fail",
    "input_id",
    "published_option",
    "read_input",
    "usage_error",
]

EXIT_RUNTIME: Final = 1
EXIT_USAGE: Final = 2


def fail(message: str) -> typer.Exit:
    """Print ``error: message`` on stderr; return the exit (status 1) for the caller to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_RUNTIME)


def usage_error(message: str) -> typer.Exit:
    """Print ``error: message`` on stderr; return the exit (status 2) for the caller to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def read_input(path: str) -> tuple[str, str]:
    """Return ``(id, text)`` of a file path or ``-`` (standard input), decoded as UTF-8.

    The id is the file's name, or ``stdin``.

    Raises:
        InputError: the file is missing, unreadable or not UTF-8 text.

    """
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return input_id(path), raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text (byte {exc.start}); convert it first") from exc


def input_id(path: str) -> str:
    """Return the id a command gives the article of ``path``: the file's name, or ``stdin``."""
    return "stdin" if path == "-" else Path(path).name


def published_option(published: str | None) -> date | None:
    """Read a ``--published`` option; a malformed date is a usage error (status 2)."""
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        raise usage_error(f"--published must be a date as YYYY-MM-DD, not {published!r}") from None


def configure_logging(verbose: bool) -> None:
    """Send quotemine's log to stderr: decisions (DEBUG) with ``--verbose``, else warnings only."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
