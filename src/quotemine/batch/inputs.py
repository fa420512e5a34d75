"""Read the articles of a batch: text files, web pages, folders of them, JSON/JSONL/CSV/Parquet records.

A saved web page (a ``.html`` or ``.htm`` file, given itself or found in a folder, or a JSONL/CSV/
Parquet record with an ``html`` field instead of ``text``) is read as its article by default
(``html="article"``: the record is a page, see ``quotemine.Page``), or as text with its markup
masked (``html="mask"``).

Every record has an id: the ``id`` it gives, else ``<folder name>/<path inside it>`` for a text
file of a folder input (``<file name>`` for a text file given itself), else
``<record file name>:<line or row number>`` (1-based; in a ``.json`` array, the item's number).
Ids never depend on how an input path was spelled, so a resumed run recognises what it has done;
an id met again becomes ``<id>#2``, ...

A ``.json`` file holds an array of records or one record (JSON Lines under that suffix are read as
``.jsonl``); it is never read as the text of an article.

A record that cannot be processed (no text, empty or binary text, not UTF-8, longer than
``max_chars``, a line that is not JSON, a CSV row with malformed quoting) carries the reason.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotemine.batch.csv_rows import csv_rows
from quotemine.batch.options import DEFAULT_MAX_CHARS
from quotemine.errors import InputError, QuotemineError
from quotemine.text.article import PAGE_SUFFIXES, HtmlMode, require_trafilatura
from quotemine.text.decode import decode_text
from quotemine.text.inspect import count_controls, looks_binary

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_CHARS",
    "BatchRecord",
    "check_inputs",
    "check_record",
    "count_records",
    "read_records",
]

_RECORD_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
}
_TEXT_SUFFIXES = (".txt", ".text")
_FOLDER_SUFFIXES = (*_TEXT_SUFFIXES, *PAGE_SUFFIXES)


@dataclass(slots=True)
class BatchRecord:
    """One input record: its id and text, or the reason it cannot be processed.

    ``note`` is a warning for its report (its id was made unique). ``page`` says that ``text`` is
    a web page's HTML whose article is to be read (``quotemine.Page``).
    """

    index: int
    id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None
    reason: str | None = None
    note: str | None = None
    page: bool = False

    def item(self) -> dict[str, str | None]:
        """Return the record as an item for ``Extractor.pipe``: ``html`` for a page, else ``text``."""
        return {"id": self.id, "html" if self.page else "text": self.text, "published": self.published}


def read_records(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    on_empty: Callable[[str], None] | None = None,
    html: HtmlMode | str = HtmlMode.article,
) -> Iterator[BatchRecord]:
    """Read articles from text files, web pages, folders of them, and JSONL/CSV/Parquet record files.

    Ids do not depend on how a path is spelled (``in.jsonl``, ``./in.jsonl`` or an absolute
    path give the same ids), so a resumed run finds the records it has done. An id met again
    (also ``42`` after ``"42"``) is made unique as ``<id>#2``, ``#3``... and the record carries a
    ``note`` saying so.

    Args:
        paths: files and folders, read in the order given.
        published: the publication date of records that carry none.
        on_empty: called with a description of each input that gives no record at all.
        html: how ``.html``/``.htm`` files are read: ``"article"`` (a page record, its article
            read out of it) or ``"mask"`` (a text record: the whole page, markup masked).

    Yields:
        One ``BatchRecord`` per article, in input order; a record that cannot be read carries
        ``error`` and ``reason``.

    Raises:
        InputError: a path does not exist, or a Parquet file cannot be read.

    """
    index = 0
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"input {raw} does not exist")
        before = index
        for record in _read_path(path, published):
            record.page = record.page and HtmlMode(html) is HtmlMode.article
            record.index = index
            index += 1
            _unique_id(record, seen)
            yield record
        if index == before and on_empty is not None:
            on_empty(_empty_reason(raw, path))


def _unique_id(record: BatchRecord, seen: set[str]) -> None:
    """Give a record whose id was already met the first free ``<id>#<n>``; remember the id."""
    if record.id in seen:
        given, number = record.id, 2
        while f"{given}#{number}" in seen:
            number += 1
        record.id = f"{given}#{number}"
        record.note = f"input id {given!r} repeats an earlier record's id; reported as {record.id!r}"
    seen.add(record.id)


def _empty_reason(raw: str | Path, path: Path) -> str:
    if path.is_dir():
        return f"{raw}: a folder with no {', '.join(_FOLDER_SUFFIXES)} files (searched recursively)"
    kind = _RECORD_SUFFIXES.get(path.suffix.lower())
    if kind == "csv":
        return f"{raw}: a CSV file with no data rows under its header"
    if kind == "parquet":
        return f"{raw}: a Parquet file with no rows"
    return f"{raw}: a {kind or 'text'} file with no records (blank lines are skipped)"


def _root_name(path: Path) -> str:
    """Return the name of an input as its ids use it, the same however the path is spelled."""
    return path.resolve().name or str(path.resolve())


def _read_path(path: Path, published: str | None) -> Iterator[BatchRecord]:
    if path.is_dir():
        root, name = path.resolve(), _root_name(path)
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in _FOLDER_SUFFIXES)
        for file in files:
            yield _text_file(file, f"{name}/{file.relative_to(root).as_posix()}", published)
        return
    kind = _RECORD_SUFFIXES.get(path.suffix.lower())
    name = _root_name(path)
    if kind == "jsonl":
        yield from _jsonl(path, name, published)
    elif kind == "json":
        yield from _json(path, name, published)
    elif kind == "csv":
        yield from _csv(path, name, published)
    elif kind == "parquet":
        yield from _parquet(path, name, published)
    else:
        yield _text_file(path, name, published)


def _text_file(path: Path, doc_id: str, published: str | None) -> BatchRecord:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return BatchRecord(0, doc_id, error="InputError", reason=f"cannot read: {exc.strerror or exc}")
    page = path.suffix.lower() in PAGE_SUFFIXES
    try:  # the one rule for files: the text as open(path, encoding="utf-8-sig").read() gives it
        return BatchRecord(0, doc_id, text=decode_text(raw, path.name), published=published, page=page)
    except InputError as exc:
        return BatchRecord(0, doc_id, error="InputError", reason=str(exc))


def _record(fallback_id: str, row: Any, published: str | None) -> BatchRecord:
    """Build a record from a parsed row (a dict, or anything else for a malformed row)."""
    if not isinstance(row, dict):
        return BatchRecord(0, fallback_id, error="InputError", reason="record is not an object")
    doc_id = row.get("id")
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
    when = row.get("published")
    if when is None or when == "":
        when = published
    page = "text" not in row and row.get("html") is not None  # a web page's HTML: its article is read
    if not page and ("text" not in row or row["text"] is None):
        return BatchRecord(0, doc_id, error="InputError", reason="record has no text")
    text = row["html" if page else "text"]
    if not isinstance(text, str):
        return BatchRecord(
            0, doc_id, error="InputError", reason=f"text is a {type(text).__name__}, not a string"
        )
    return BatchRecord(
        0,
        doc_id,
        text=text,
        published=when if when is None or isinstance(when, str) else str(when),
        page=page,
    )


def _jsonl(path: Path, name: str, published: str | None) -> Iterator[BatchRecord]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            fallback = f"{name}:{number}"
            try:  # decoded here: json.loads would take a line of stray bytes for UTF-16 or UTF-32
                decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                reason = f"line {number} is not UTF-8 text (byte {exc.start}); convert it to UTF-8"
                yield BatchRecord(0, fallback, error="InputError", reason=reason)
                continue
            try:
                row = json.loads(decoded)
            except ValueError as exc:
                yield BatchRecord(0, fallback, error="InputError", reason=f"line {number} is not JSON: {exc}")
                continue
            yield _record(fallback, row, published)


def _json(path: Path, name: str, published: str | None) -> Iterator[BatchRecord]:
    """Read a ``.json`` file: an array of records, one record, or JSON Lines under that suffix.

    Read as an article, the file's JSON syntax would be parsed as prose and reported on silently.
    """
    try:
        data = json.loads(path.read_bytes())
    except ValueError:  # not one JSON value: JSON Lines, or a bad line among them
        yield from _jsonl(path, name, published)
        return
    except OSError as exc:
        yield BatchRecord(0, name, error="InputError", reason=f"cannot read: {exc.strerror or exc}")
        return
    for number, row in enumerate(data if isinstance(data, list) else [data], start=1):
        yield _record(f"{name}:{number}", row, published)


def _csv(path: Path, name: str, published: str | None) -> Iterator[BatchRecord]:
    for row in csv_rows(path):
        fallback = f"{name}:{row.number}"
        if row.problem is not None:
            yield BatchRecord(0, fallback, error="InputError", reason=row.problem)
        else:
            yield _record(fallback, row.fields, published)


def _parquet_file(path: Path) -> Any:
    """Open a Parquet file, or raise ``InputError`` with one line saying why it cannot be read."""
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise QuotemineError(
            "reading Parquet needs pyarrow; install it with: pip install 'quotemine[tables]'"
        ) from exc
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # OSError, pyarrow's ArrowInvalid and kin: a corrupt or empty file
        raise InputError(f"input {path} is not a readable Parquet file ({_first_line(exc)})") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _parquet(path: Path, name: str, published: str | None) -> Iterator[BatchRecord]:
    source = _parquet_file(path)
    columns = [c for c in ("id", "text", "html", "published") if c in source.schema_arrow.names]
    number = 0
    batches = source.iter_batches(batch_size=256, columns=columns)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # a corrupt page after the footer read well
            raise InputError(
                f"input {path} is not a readable Parquet file after row {number} ({_first_line(exc)})"
            ) from exc
        for row in batch.to_pylist():
            number += 1
            if row.get("published") is not None and not isinstance(row["published"], str):
                row["published"] = str(row["published"])[:10]
            yield _record(f"{name}:{number}", row, published)


def check_inputs(paths: Sequence[str | Path], *, html: HtmlMode | str = HtmlMode.article) -> None:
    """Check, before any work, that every input exists and every Parquet input can be opened.

    Raises:
        InputError: an input is missing or a Parquet input is corrupt or empty.
        QuotemineError: a Parquet input needs pyarrow, which is missing; or web pages are to be
            read as articles (``html="article"``) and trafilatura is missing (``MissingExtraError``).

    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"input {raw} does not exist")
        if path.is_file() and _RECORD_SUFFIXES.get(path.suffix.lower()) == "parquet":
            _parquet_file(path)
    if HtmlMode(html) is HtmlMode.article and any(_has_pages(Path(raw)) for raw in paths):
        require_trafilatura()


def _has_pages(path: Path) -> bool:
    """Tell whether an input is a web page or a folder holding one.

    Records with an ``html`` field (JSONL/CSV/Parquet) are not looked for here: they are found
    as they are read, and a missing trafilatura is then reported on them.
    """
    if path.is_dir():
        return any(p.is_file() and p.suffix.lower() in PAGE_SUFFIXES for p in path.rglob("*"))
    return path.suffix.lower() in PAGE_SUFFIXES


def check_record(record: BatchRecord, max_chars: int) -> BatchRecord:
    """Turn a record quotemine should not process into an error record."""
    text = record.text
    if record.error is not None or text is None:
        return record
    reason: str | None = None
    if len(text) > max_chars:
        reason = f"text has {len(text):,} characters, more than the limit of {max_chars:,} (--max-chars)"
    elif not text.strip():
        reason = "text is empty"
    elif looks_binary(text, controls := count_controls(text)):
        reason = f"text looks binary ({controls} control characters)"
    if reason is not None:
        record.error, record.reason, record.text = "InputError", reason, None
    return record


def count_records(paths: Sequence[str | Path]) -> int | None:
    """Count the records of the inputs cheaply, for the progress bar; ``None`` if unknown."""
    total = 0
    try:
        for raw in paths:
            path = Path(raw)
            kind = _RECORD_SUFFIXES.get(path.suffix.lower()) if path.is_file() else None
            if path.is_dir():
                total += sum(
                    1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _FOLDER_SUFFIXES
                )
            elif kind == "jsonl":
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind == "json":
                total += sum(1 for _ in _json(path, path.name, None))
            elif kind == "csv":
                total += sum(1 for _ in csv_rows(path))
            elif kind == "parquet":
                total += _parquet_file(path).metadata.num_rows
            else:
                total += 1
    except (OSError, QuotemineError):
        return None
    return total
