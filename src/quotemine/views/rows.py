"""The tables of reports as plain Python rows, typed: the one source of every tabular output.

``TABLES`` names each table's columns and their logical types; ``table_rows`` fills them from
reports. The pandas frames and the Parquet files (``quotemine.views.arrow``, through Arrow), the
Spark DDL (``quotemine.views.frames.spark_ddl``) and the DuckDB tables
(``quotemine.batch.database``) are all derived from these two, so they carry the same columns with
the same types. Nothing here needs pandas or pyarrow.

Logical types and their values in a row:

- ``str``, ``int``, ``bool``: ``str``, ``int``, ``bool``;
- ``date``: ``datetime.date`` (publication dates; a date value's first and last day);
- ``decimal``: ``decimal.Decimal`` with at most ``DECIMAL_SCALE`` places (money amounts);
- ``list<str>``: a list of ``str`` (organisation ids, author names, warnings);
- ``list<span>``: a list of ``{"text", "start", "end"}`` (mentions, roles: offsets kept).

Every value but a list may be ``None`` (a list is empty instead: Spark's pandas conversion, among
others, expects every list cell to be a list).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext
from typing import Any, Final, Literal

from quotemine.schema import Failure, Report, Speaker, TextSpan
from quotemine.views.stats import speaker_type

__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "KEYS",
    "TABLES",
    "LogicalType",
    "Rows",
    "decimal_amount",
    "iso_date",
    "table_rows",
]

LogicalType = Literal["str", "int", "bool", "date", "decimal", "list<str>", "list<span>"]

DECIMAL_PRECISION: Final = 38
"""Digits of a money amount (SQL ``DECIMAL(38, 6)``, Arrow ``decimal128(38, 6)``)..."""
DECIMAL_SCALE: Final = 6
"""...of which this many after the point."""
_QUANTUM: Final = Decimal(1).scaleb(-DECIMAL_SCALE)

# Column name -> logical type; every table starts with doc_id, then its item id.
TABLES: Final[Mapping[str, tuple[tuple[str, LogicalType], ...]]] = {
    "documents": (
        ("doc_id", "str"),
        ("index", "int"),
        ("status", "str"),
        ("error", "str"),
        ("reason", "str"),
        ("published", "date"),
        ("published_source", "str"),
        ("title", "str"),
        ("authors", "list<str>"),
        ("char_count", "int"),
        ("n_people", "int"),
        ("n_organizations", "int"),
        ("n_quotes", "int"),
        ("n_dates", "int"),
        ("n_money", "int"),
        ("warnings", "list<str>"),
        ("model", "str"),
        ("schema_version", "str"),
        ("text", "str"),
    ),
    "people": (
        ("doc_id", "str"),
        ("person_id", "str"),
        ("name", "str"),
        ("author", "bool"),
        ("gender", "str"),
        ("gender_evidence", "str"),
        ("n_mentions", "int"),
        ("first_start", "int"),
        ("first_end", "int"),
        ("mentions", "list<span>"),
        ("roles", "list<span>"),
        ("affiliations", "list<str>"),
        ("affiliation_names", "list<str>"),
    ),
    "organizations": (
        ("doc_id", "str"),
        ("org_id", "str"),
        ("name", "str"),
        ("n_mentions", "int"),
        ("first_start", "int"),
        ("first_end", "int"),
        ("mentions", "list<span>"),
    ),
    "quotes": (
        ("doc_id", "str"),
        ("quote_id", "str"),
        ("kind", "str"),
        ("cue_type", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("group", "str"),
        ("speaker_type", "str"),
        ("speaker_text", "str"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("speaker_person_id", "str"),
        ("speaker_name", "str"),
        ("speaker_organization_id", "str"),
        ("speaker_organization_name", "str"),
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
        ("value_start", "date"),
        ("value_end", "date"),
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
        ("amount", "decimal"),
        ("amount_max", "decimal"),
        ("currency", "str"),
        ("qualifier", "str"),
        ("period", "str"),
        ("per", "str"),
    ),
}
KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    "documents": ("doc_id",),
    "people": ("doc_id", "person_id"),
    "organizations": ("doc_id", "org_id"),
    "quotes": ("doc_id", "quote_id"),
    "dates": ("doc_id", "date_id"),
    "money": ("doc_id", "money_id"),
}
"""Each table's primary key: the document id and the item id."""

Rows = dict[str, list[dict[str, Any]]]
"""Table name -> its rows (column -> cell), filled report by report."""


def table_rows(results: Iterable[Report | Failure], *, indexes: Sequence[int] | None = None) -> Rows:
    """Return the rows of every table of ``TABLES`` for reports and error records.

    Args:
        results: reports and ``Failure`` records. A report without an id is keyed by its position
            (``"0"``, ``"1"``, ...); a ``Failure`` becomes a ``documents`` row with
            ``status == "error"``.
        indexes: the ``documents.index`` of each result (e.g. its position in a batch's input);
            by default its position in ``results``.

    """
    rows: Rows = {name: [] for name in TABLES}
    for position, item in enumerate(results):
        index = indexes[position] if indexes is not None else position
        if isinstance(item, Failure):
            rows["documents"].append(
                {
                    "doc_id": item.id if item.id is not None else str(item.index),
                    "index": index,
                    "status": "error",
                    "error": item.error,
                    "reason": item.reason,
                    "authors": [],
                    "warnings": [],
                    "schema_version": item.schema_version,
                }
            )
            continue
        doc_id = item.id if item.id is not None else str(position)
        rows["documents"].append(_document_row(item, doc_id, index))
        rows["people"] += _people_rows(item, doc_id)
        rows["organizations"] += _org_rows(item, doc_id)
        rows["quotes"] += _quote_rows(item, doc_id)
        rows["dates"] += _date_rows(item, doc_id)
        rows["money"] += _money_rows(item, doc_id)
    return rows


def iso_date(value: str | None) -> datetime.date | None:
    """Read a ``YYYY-MM-DD`` date; anything else (or ``None``) is ``None``."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def decimal_amount(value: float | None) -> Decimal | None:
    """Return a money amount as an exact ``Decimal`` of ``DECIMAL_SCALE`` places.

    The report's float is read through its shortest repr, so ``4.1`` is ``Decimal("4.100000")``,
    not the binary float's long expansion.
    """
    if value is None:
        return None
    with localcontext(prec=DECIMAL_PRECISION, rounding=ROUND_HALF_EVEN):
        try:
            return Decimal(repr(value)).quantize(_QUANTUM)
        except InvalidOperation:  # more digits than DECIMAL(38, 6) holds: no such money figure
            return None


def _spans(spans: Iterable[TextSpan]) -> list[dict[str, Any]]:
    return [{"text": s.text, "start": s.start, "end": s.end} for s in spans]


def _document_row(report: Report, doc_id: str, index: int) -> dict[str, Any]:
    document = report.document
    return {
        "doc_id": doc_id,
        "index": index,
        "status": "ok",
        "published": iso_date(document.published),
        "published_source": document.published_source,
        "title": document.title.text if document.title else None,
        "authors": [a.text for a in document.authors],
        "char_count": document.char_count,
        "n_people": len(report.people),
        "n_organizations": len(report.organizations),
        "n_quotes": len(report.quotes),
        "n_dates": len(report.dates),
        "n_money": len(report.money),
        "warnings": list(report.warnings),
        "model": report.model,
        "schema_version": report.schema_version,
        "text": document.text,
    }


def _first(mentions: tuple[TextSpan, ...]) -> tuple[int | None, int | None]:
    """Return the offsets of the first mention, or ``(None, None)``."""
    return (mentions[0].start, mentions[0].end) if mentions else (None, None)


def _people_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    org_names = {org.id: org.name for org in report.organizations}
    rows = []
    for person in report.people:
        first_start, first_end = _first(person.mentions)
        rows.append(
            {
                "doc_id": doc_id,
                "person_id": person.id,
                "name": person.name,
                "author": person.author,
                "gender": person.gender,
                "gender_evidence": person.gender_evidence,
                "n_mentions": len(person.mentions),
                "first_start": first_start,
                "first_end": first_end,
                "mentions": _spans(person.mentions),
                "roles": _spans(person.roles),
                "affiliations": list(person.affiliations),
                "affiliation_names": [org_names.get(a, a) for a in person.affiliations],
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
                "mentions": _spans(org.mentions),
            }
        )
    return rows


_SPEAKER_COLUMNS: Final = (
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_person_id",
    "speaker_name",
    "speaker_organization_id",
    "speaker_organization_name",
    "speaker_unnamed",
)


def _speaker_cells(
    speaker: Speaker | None, people: Mapping[str, str], orgs: Mapping[str, str]
) -> dict[str, Any]:
    if speaker is None:
        return dict.fromkeys(_SPEAKER_COLUMNS)
    return {
        "speaker_text": speaker.text,
        "speaker_start": speaker.start,
        "speaker_end": speaker.end,
        "speaker_person_id": speaker.person_id,
        "speaker_name": people.get(speaker.person_id) if speaker.person_id else None,
        "speaker_organization_id": speaker.organization_id,
        "speaker_organization_name": orgs.get(speaker.organization_id) if speaker.organization_id else None,
        "speaker_unnamed": speaker.unnamed,
    }


def _quote_rows(report: Report, doc_id: str) -> list[dict[str, Any]]:
    people = {person.id: person.name for person in report.people}
    orgs = {org.id: org.name for org in report.organizations}
    rows = []
    for quote in report.quotes:
        cue = quote.cue
        rows.append(
            {
                "doc_id": doc_id,
                "quote_id": quote.id,
                "kind": quote.kind,
                "cue_type": quote.cue_type,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "group": quote.group,
                "speaker_type": speaker_type(quote),
                **_speaker_cells(quote.speaker, people, orgs),
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
            "value_start": iso_date(mention.value_start),
            "value_end": iso_date(mention.value_end),
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
            "amount": decimal_amount(money.amount),
            "amount_max": decimal_amount(money.amount_max),
            "currency": money.currency,
            "qualifier": money.qualifier,
            "period": money.period,
            "per": money.per,
        }
        for number, money in enumerate(report.money, start=1)
    ]
