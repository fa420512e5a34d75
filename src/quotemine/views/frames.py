"""Tidy tables of reports for analysis: documents, people, organizations, quotes, dates, money.

``frames(reports)`` turns reports (and the ``Failure`` records of a batch) into one pandas
``DataFrame`` per table. Every table is keyed by ``doc_id`` and, below the document level, by an
item id (``person_id``, ``org_id``, ``quote_id``, ``date_id``, ``money_id``), so tables join::

    quotes.merge(people, left_on=["doc_id", "speaker_person_id"], right_on=["doc_id", "person_id"])

Column names and dtypes are fixed (``TABLES``), also for empty tables, so parts of a batch written
one by one, or computed on different machines, concatenate into the same table.

Running the pipeline over a pandas ``DataFrame`` of articles is ``quotemine.batch.partition``: this
module only reads reports (a view never runs the pipeline).

pandas and pyarrow are optional (the ``tables`` extra) and imported only when a function here runs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from pydantic import ValidationError

from quotemine.errors import QuotemineError, SchemaVersionError
from quotemine.schema import Failure, Report, Speaker, TextSpan

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

__all__ = [
    "TABLES",
    "empty_tables",
    "frames",
    "parse_results",
    "require_pandas",
    "spark_ddl",
    "to_frames",
]

# Column name -> logical type ("str", "int", "float", "bool"); every table starts with doc_id.
TABLES: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    "documents": (
        ("doc_id", "str"),
        ("index", "int"),
        ("status", "str"),
        ("error", "str"),
        ("reason", "str"),
        ("published", "str"),
        ("published_source", "str"),
        ("title", "str"),
        ("authors", "str"),
        ("char_count", "int"),
        ("n_people", "int"),
        ("n_organizations", "int"),
        ("n_quotes", "int"),
        ("n_dates", "int"),
        ("n_money", "int"),
        ("warnings", "str"),
        ("model", "str"),
        ("schema_version", "str"),
    ),
    "people": (
        ("doc_id", "str"),
        ("person_id", "str"),
        ("name", "str"),
        ("author", "bool"),
        ("n_mentions", "int"),
        ("first_start", "int"),
        ("first_end", "int"),
        ("roles", "str"),
        ("affiliations", "str"),
    ),
    "organizations": (
        ("doc_id", "str"),
        ("org_id", "str"),
        ("name", "str"),
        ("n_mentions", "int"),
        ("first_start", "int"),
        ("first_end", "int"),
    ),
    "quotes": (
        ("doc_id", "str"),
        ("quote_id", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("group", "str"),
        ("speaker_text", "str"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("speaker_person_id", "str"),
        ("speaker_name", "str"),
        ("speaker_unnamed", "bool"),
        ("cue_text", "str"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("addressee_text", "str"),
    ),
    "dates": (
        ("doc_id", "str"),
        ("date_id", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("value", "str"),
        ("granularity", "str"),
        ("modifier", "str"),
        ("type", "str"),
        ("note", "str"),
    ),
    "money": (
        ("doc_id", "str"),
        ("money_id", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("amount", "float"),
        ("amount_max", "float"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("period", "str"),
        ("per", "str"),
    ),
}
_PANDAS_DTYPES: Final = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
_SPARK_TYPES: Final = {"str": "string", "int": "bigint", "float": "double", "bool": "boolean"}
_LIST_SEP: Final = "; "

Rows = dict[str, list[dict[str, Any]]]
"""Table name -> its rows (column -> cell), filled report by report."""


def require_pandas() -> Any:
    """Import pandas (and check pyarrow), or raise a ``QuotemineError`` naming the extra."""
    try:
        import pandas
        import pyarrow  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
    except ImportError as exc:
        raise QuotemineError(
            "tables need pandas and pyarrow; install them with: pip install 'quotemine[tables]'"
        ) from exc
    return pandas


def _table(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    pandas = require_pandas()
    columns = TABLES[name]
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=[c for c, _ in columns])
    return frame.astype({c: _PANDAS_DTYPES[kind] for c, kind in columns})


def empty_tables() -> dict[str, pd.DataFrame]:
    """Return every table with its columns and dtypes and no rows (the ``meta`` of Dask)."""
    return {name: _table(name, []) for name in TABLES}


def spark_ddl(table: str) -> str:
    """Return a table's schema as a Spark DDL string, e.g. for ``mapInPandas``.

    >>> spark_ddl("organizations").split(", ")[:2]
    ['`doc_id` string', '`org_id` string']

    """
    return ", ".join(f"`{column}` {_SPARK_TYPES[kind]}" for column, kind in TABLES[table])


def frames(reports: Iterable[Report | Failure]) -> dict[str, pd.DataFrame]:
    """Turn reports into tidy tables keyed by document id and item id.

    Args:
        reports: reports and ``Failure`` records, e.g. from ``Extractor.pipe``. A report without
            an id is keyed by its position (``"0"``, ``"1"``, ...); a ``Failure`` becomes a
            ``documents`` row with ``status == "error"``.

    Returns:
        ``{"documents", "people", "organizations", "quotes", "dates", "money"}`` → ``DataFrame``,
        with the columns and dtypes of ``TABLES``.

    Raises:
        QuotemineError: pandas or pyarrow is not installed.

    >>> tables = frames([extract('"We will win," the minister said.')])  # doctest: +SKIP
    >>> tables["quotes"][["doc_id", "quote_id", "kind"]].to_dict("records")  # doctest: +SKIP
    [{'doc_id': '0', 'quote_id': 'q1', 'kind': 'direct'}]

    """
    rows: Rows = {name: [] for name in TABLES}
    for position, item in enumerate(reports):
        if isinstance(item, Failure):
            doc_id = item.id if item.id is not None else str(item.index)
            rows["documents"].append(
                {
                    "doc_id": doc_id,
                    "index": position,
                    "status": "error",
                    "error": item.error,
                    "reason": item.reason,
                    "schema_version": item.schema_version,
                }
            )
            continue
        doc_id = item.id if item.id is not None else str(position)
        _report_rows(item, doc_id, position, rows)
    return {name: _table(name, table_rows) for name, table_rows in rows.items()}


def parse_results(lines: Iterable[str | bytes]) -> Iterator[Report | Failure]:
    """Read reports and error records from their JSON lines (a ``quotemine batch`` output).

    Args:
        lines: one JSON document per item; blank lines are skipped.

    Yields:
        A ``Report``, or a ``Failure`` for an error record (a line with an ``error`` field).

    Raises:
        SchemaVersionError: a line is not a report or error record of this schema version.

    >>> with open("out.jsonl", "rb") as handle:  # doctest: +SKIP
    ...     tables = frames(parse_results(handle))

    """
    for line in lines:
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise SchemaVersionError(f"not a quotemine report or error record: {exc}") from exc
        if isinstance(raw, dict) and "error" in raw and "document" not in raw:
            try:
                yield Failure.model_validate(raw)
            except ValidationError as exc:
                raise SchemaVersionError(f"not a valid quotemine error record: {exc}") from exc
        else:
            yield Report.from_json(line)


def to_frames(report: Report) -> dict[str, pd.DataFrame]:
    """Return the tables of one report (the body of ``Report.to_frames()``).

    Raises:
        QuotemineError: pandas or pyarrow is not installed.

    """
    return frames([report])


def _report_rows(report: Report, doc_id: str, position: int, rows: Rows) -> None:
    rows["documents"].append(_document_row(report, doc_id, position))
    rows["people"] += _people_rows(report, doc_id)
    rows["organizations"] += _org_rows(report, doc_id)
    rows["quotes"] += _quote_rows(report, doc_id)
    rows["dates"] += _date_rows(report, doc_id)
    rows["money"] += _money_rows(report, doc_id)


def _document_row(report: Report, doc_id: str, position: int) -> dict[str, Any]:
    document = report.document
    return {
        "doc_id": doc_id,
        "index": position,
        "status": "ok",
        "published": document.published,
        "published_source": document.published_source,
        "title": document.title.text if document.title else None,
        "authors": _LIST_SEP.join(a.text for a in document.authors) or None,
        "char_count": document.char_count,
        "n_people": len(report.people),
        "n_organizations": len(report.organizations),
        "n_quotes": len(report.quotes),
        "n_dates": len(report.dates),
        "n_money": len(report.money),
        "warnings": _LIST_SEP.join(report.warnings) or None,
        "model": report.model,
        "schema_version": report.schema_version,
    }


def _first(mentions: tuple[TextSpan, ...]) -> tuple[int | None, int | None]:
    """Return the offsets of the first mention, or ``(None, None)``."""
    return (mentions[0].start, mentions[0].end) if mentions else (None, None)


def _people_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    rows = []
    for person in report.people:
        first_start, first_end = _first(person.mentions)
        rows.append(
            {
                "doc_id": doc_id,
                "person_id": person.id,
                "name": person.name,
                "author": person.author,
                "n_mentions": len(person.mentions),
                "first_start": first_start,
                "first_end": first_end,
                "roles": _LIST_SEP.join(r.text for r in person.roles) or None,
                "affiliations": " ".join(person.affiliations) or None,
            }
        )
    return rows


def _org_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    rows = []
    for org in report.organizations:
        first_start, first_end = _first(org.mentions)
        rows.append(
            {
                "doc_id": doc_id,
                "org_id": org.id,
                "name": org.name,
                "n_mentions": len(org.mentions),
                "first_start": first_start,
                "first_end": first_end,
            }
        )
    return rows


def _speaker_cells(speaker: Speaker | None, names: Mapping[str, str]) -> dict[str, Any]:
    if speaker is None:
        return dict.fromkeys(
            (
                "speaker_text",
                "speaker_start",
                "speaker_end",
                "speaker_person_id",
                "speaker_name",
                "speaker_unnamed",
            )
        )
    return {
        "speaker_text": speaker.text,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_person_id": speaker.person_id,
        "speaker_name": names.get(speaker.person_id) if speaker.person_id else None,
        "speaker_unnamed": speaker.unnamed,
    }


def _quote_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    names = {person.id: person.name for person in report.people}
    rows = []
    for quote in report.quotes:
        cue = quote.cue
        rows.append(
            {
                "doc_id": doc_id,
                "quote_id": quote.id,
                "kind": quote.kind,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "group": quote.group,
                **_speaker_cells(quote.speaker, names),
                "cue_text": cue.text if cue else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "addressee_text": quote.addressee.text if quote.addressee else None,
            }
        )
    return rows


def _date_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc_id,
            "date_id": f"d{number}",
            "text": mention.text,
            "start": mention.start,
            "end": mention.end,
            "value": mention.value,
            "granularity": mention.granularity,
            "modifier": mention.modifier,
            "type": mention.type,
            "note": mention.note,
        }
        for number, mention in enumerate(report.dates, start=1)
    ]


def _money_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc_id,
            "money_id": f"m{number}",
            "text": money.text,
            "start": money.start,
            "end": money.end,
            "amount": money.amount,
            "amount_max": money.amount_max,
            "currency": money.currency,
            "qualifier": money.qualifier,
            "period": money.period,
            "per": money.per,
        }
        for number, money in enumerate(report.money, start=1)
    ]
