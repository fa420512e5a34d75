"""``quotemine stats``: who is quoted across many articles, by speaker type and gender.

Inputs are report files written by ``quotemine batch`` (JSONL: one report or error record a line;
error records are skipped and counted) and, mixed freely with them, anything ``quotemine batch``
reads (text files, folders of ``.txt`` files, JSON/JSONL/CSV/Parquet article records), which is run
through the extractor first. A JSONL file is read as reports when its first line is a report or an
error record; a file holding one indented report (``quotemine extract``'s output) is read as it.
The counting is ``quotemine.views.stats`` (``corpus_stats``); this module only reads.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quotemine.cli._common import echo_output, fail, published_option
from quotemine.errors import InputError, QuotemineError
from quotemine.schema import Report
from quotemine.views.stats import DEFAULT_TOP, StatsFormat, corpus_stats, format_stats

if TYPE_CHECKING:
    from quotemine.api import Extractor

__all__ = ["load_reports", "stats_cli"]

_REPORT_SUFFIXES = (".jsonl", ".ndjson", ".json")


def _is_report(row: object) -> bool:
    return isinstance(row, dict) and "schema_version" in row and ("document" in row or "error" in row)


def _report_file_kind(path: Path) -> str | None:
    """Tell how ``path`` holds reports: ``"lines"`` (JSONL), ``"whole"`` (one report), else ``None``.

    ``quotemine extract`` writes one report as indented JSON: read as an article, its JSON syntax
    would be counted as prose, silently.
    """
    if not path.is_file() or path.suffix.lower() not in _REPORT_SUFFIXES:
        return None
    first = ""
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        if _is_report(json.loads(first) if first else None):
            return "lines"
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    if not first.lstrip().startswith("{"):
        return None
    try:
        return "whole" if _is_report(json.loads(path.read_bytes())) else None
    except (OSError, ValueError):
        return None


def _read_report_file(path: Path, on_skip: Callable[[str], None]) -> Iterator[Report]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                on_skip(f"{path.name}:{number}: not JSON (a line cut short by a killed run?)")
                continue
            if isinstance(row, dict) and "error" in row and "document" not in row:
                on_skip(f"{path.name}:{number}: error record ({row.get('error')})")
                continue
            yield Report.from_json(line)


def _read_whole_report(path: Path, on_skip: Callable[[str], None]) -> Iterator[Report]:
    raw = path.read_text(encoding="utf-8")
    row = json.loads(raw)
    if "document" not in row:
        on_skip(f"{path.name}: error record ({row.get('error')})")
        return
    yield Report.from_json(raw)


def load_reports(
    inputs: Sequence[str],
    *,
    model: str | None = None,
    published: str | None = None,
    on_skip: Callable[[str], None] = lambda _: None,
) -> Iterator[Report]:
    """Yield the reports of ``inputs``: read from batch report files, or extracted from articles.

    Args:
        inputs: report JSONL files, text files, folders, article record files (in that order).
        model: the spaCy pipeline for articles (default: quotemine's).
        published: publication date of articles that carry none.
        on_skip: called with a one-line reason for each error record or unreadable item.

    Raises:
        InputError: an input does not exist.
        SchemaVersionError: a report line of another major schema version.

    """
    for raw in inputs:
        path = Path(raw)
        if raw == "-":
            raise InputError("quotemine stats reads files and folders, not standard input: save it to a file")
        if not path.exists():
            raise InputError(f"input {raw} does not exist")
        kind = _report_file_kind(path)
        if kind == "lines":
            yield from _read_report_file(path, on_skip)
        elif kind == "whole":
            yield from _read_whole_report(path, on_skip)
        else:
            yield from _extracted([raw], model, published, on_skip)


def _extracted(
    inputs: list[str], model: str | None, published: str | None, on_skip: Callable[[str], None]
) -> Iterator[Report]:
    from quotemine.batch import read_records

    records = []
    for record in read_records(inputs, published=published):
        if record.error is not None or record.text is None:
            on_skip(f"{record.id}: {record.reason or record.error}")
        else:
            records.append(record.item())  # a web page as a page: its article, as batch reads it
    if not records:
        return
    for result in _extractor(model).pipe(records):
        if isinstance(result, Report):
            yield result
        else:
            on_skip(f"{result.id}: {result.error}: {result.reason}")


@functools.cache
def _extractor(model: str | None) -> Extractor:
    """Return one extractor per model for all article inputs (loading spaCy only when there are any)."""
    from quotemine.api import DEFAULT_MODEL, Extractor

    return Extractor(model or DEFAULT_MODEL)


def stats_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(help="report JSONL files from quotemine batch; text files, folders, article records"),
    ],
    per_document: Annotated[
        bool, typer.Option("--per-document", "-d", help="a row per document as well as the corpus")
    ] = False,
    top: Annotated[
        int, typer.Option("--top", "-t", min=0, help="how many top speakers and organisations")
    ] = DEFAULT_TOP,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="text, json or csv")] = StatsFormat.text,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="installed spaCy English pipeline (for articles)")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="YYYY-MM-DD for articles without a date")
    ] = None,
) -> None:
    """Count who is quoted: quotes by speaker type and gender, top speakers and organisations.

    Reads report files written by quotemine batch, or runs articles (text files, folders, record
    files) through the extractor first. Error records are skipped with a warning line on stderr.
    """
    published_option(published)
    skipped: list[str] = []
    try:
        stats = corpus_stats(
            load_reports(inputs, model=model, published=published, on_skip=skipped.append),
            top=top,
            per_document=per_document,
        )
    except QuotemineError as err:
        raise fail(str(err)) from err
    echo_output(format_stats(stats, fmt))
    if not stats.corpus.documents:
        typer.echo("warning: no report or article found in the inputs: every count is 0", err=True)
    if skipped:
        typer.echo(f"warning: {len(skipped)} record(s) skipped, first: {skipped[0]}", err=True)
