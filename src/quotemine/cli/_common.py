r"""What every command shares: reading an input, the ``--published`` option, logging, exit statuses.

Exit statuses: ``0`` done; ``1`` a runtime error (an input missing or unreadable, the model not
installed, an output not writable; ``extract`` also after printing an error record); ``2`` a
usage error (an unknown option, a missing argument, a malformed option value).

A file is read as ``quotemine.text.decode.decode_text`` says: the text Python's
``open(path, encoding="utf-8-sig").read()`` returns (no byte order mark, every line break
``"\n"``; UTF-16 with a byte order mark is recognised). Report offsets are into that text.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Final, TypeVar

import typer

from quotemine.articles import iso_date
from quotemine.errors import InputError
from quotemine.text.decode import decode_text

_Choice = TypeVar("_Choice", bound=StrEnum)

#: The ``--published`` option of ``extract`` and ``render``: one declaration, one help text.
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        "-p",
        help="publication date, ISO 8601: 2003-01-10, 20030110 or 2003-W02-5, a time may follow",
    ),
]

#: The ``--html`` option of ``extract`` and ``batch``: how a web page (an .html/.htm file) is read.
HtmlOption = Annotated[
    str,
    typer.Option(
        "--html",
        metavar="[article|mask]",
        help="how .html/.htm pages are read: article (default; the 'web' extra) takes the article's "
        "body, title, byline and date out of the page and reports on that text (document.text); "
        "mask reads the whole page with its markup as spaces (offsets into the HTML)",
    ),
]

__all__ = [
    "EXIT_RUNTIME",
    "EXIT_USAGE",
    "STDIN_HINT",
    "HtmlOption",
    "PublishedOption",
    "check_output_file",
    "choice_option",
    "configure_logging",
    "echo_output",
    "fail",
    "input_id",
    "published_option",
    "quiet_libraries",
    "read_input",
    "usage_error",
]

EXIT_RUNTIME: Final = 1
EXIT_USAGE: Final = 2
STDIN_HINT: Final = "reading the article from standard input; end it with Ctrl-D (Ctrl-Z, Enter on Windows)"


_RECORD_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".parquet")


def fail(message: str) -> typer.Exit:
    """Print ``error: message`` on stderr; return the exit (status 1) for the caller to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_RUNTIME)


def usage_error(message: str) -> typer.Exit:
    """Print ``error: message`` on stderr; return the exit (status 2) for the caller to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def read_input(path: str) -> tuple[str, str]:
    """Return ``(id, text)`` of a file path or ``-`` (standard input), read by ``decode_text``.

    The id is the file's name, or ``stdin``. Reading ``-`` from a terminal first prints a hint on
    stderr, so the command does not seem to hang.

    Raises:
        InputError: the file is missing, unreadable or not UTF-8 (nor UTF-16 with a BOM) text, or
            it is a file of records (``.json``, ``.jsonl``, ``.csv``, ...), whose syntax would
            otherwise be read as an article's prose, silently: ``quotemine batch`` reads those.

    """
    if Path(path).suffix.lower() in _RECORD_SUFFIXES:
        raise InputError(
            f"{path} is a file of records, not an article; read it with: quotemine batch {path} -o OUT.jsonl"
        )
    if path != "-" and Path(path).is_dir():
        raise InputError(
            f"{path} is a folder, not an article; read its files with: quotemine batch {path} -o OUT.jsonl"
        )
    try:
        if path == "-":
            if sys.stdin.isatty():
                typer.echo(STDIN_HINT, err=True)
            raw = sys.stdin.buffer.read()
        else:
            raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return input_id(path), decode_text(raw, path)


def input_id(path: str) -> str:
    """Return the id a command gives the article of ``path``: the file's name, or ``stdin``."""
    return "stdin" if path == "-" else Path(path).name


def published_option(published: str | None) -> date | None:
    """Read a ``--published`` option as ``quotemine.articles.iso_date`` does; a bad one is a usage error.

    An empty value is an error, not "no date": leave the option out for that.
    """
    if published is None:
        return None
    try:
        if not published.strip():
            raise InputError("--published is empty; give a date such as 2003-01-10, or leave the option out")
        day = iso_date(published)
    except InputError as exc:
        message = str(exc)
        raise usage_error("--" + message if message.startswith("published ") else message) from None
    return date.fromisoformat(day) if day else None


def choice_option(value: str, choices: type[_Choice], option: str) -> _Choice:
    """Read an option that takes one of a few words; anything else is a usage error in one line."""
    try:
        return choices(value.lower())
    except ValueError:
        names = ", ".join(c.value for c in choices)
        raise usage_error(f"{option} must be one of {names}, not {value!r}") from None


def check_output_file(path: Path, option: str) -> None:
    """Fail (status 1) before any work when ``path`` cannot be a file to write: a folder, or no folder."""
    if path.is_dir():
        raise fail(f"{option} {path} is a folder; give the name of a file to write")
    parent = path.parent
    if not parent.is_dir():
        raise fail(f"{option} {path}: the folder {parent} does not exist")


def echo_output(text: str, *, nl: bool = True) -> None:
    """Print ``text`` on stdout; a failed write (disk full) ends the command in one line (status 1).

    A closed pipe (``| head``) is left to typer, which exits quietly.
    """
    try:
        typer.echo(text, nl=nl)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise fail(f"cannot write the output: {exc.strerror or exc}") from exc


#: Libraries whose log lines repeat, in their words, what an ``error:`` line or an error record
#: already says (trafilatura on a page with no article): shown with ``--verbose`` only.
_QUIET_LIBRARIES: Final = ("trafilatura", "htmldate", "courlan", "justext")


def configure_logging(verbose: bool) -> None:
    """Send quotemine's log to stderr: decisions (DEBUG) with ``--verbose``, else warnings only."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not verbose:
        quiet_libraries()


def quiet_libraries() -> None:
    """Keep the page reader's libraries from printing on stderr (errors are reported in one line)."""
    for name in _QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
