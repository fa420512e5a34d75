"""One input item of a run: a text, an ``Article`` or a mapping, read into text, id and date.

Bad items raise ``InputError``, which ``Extractor.pipe`` turns into a ``Failure`` record.
``iso_date`` is the one reader of publication dates, for the API, the records of a batch and the
``--published`` option of every command.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from quotemine.errors import InputError
from quotemine.text.inspect import replace_surrogates

__all__ = ["PUBLISHED_RANGE", "Article", "Page", "iso_date", "item_id", "unpack_item", "unpack_page"]

# ISO 8601 as Python's datetime.fromisoformat reads it: a calendar date (2003-01-10, 20030110) or a
# week date (2003-W02-5, 2003W025), then optionally a time and an offset after "T" or a space.
_ISO_DATE = re.compile(r"^\d{4}(?:-?\d{2}-?\d{2}|-?W\d{2}-?\d)(?:[T ][0-9:.,+\-Z]*)?$")
#: The publication dates quotemine takes: relative dates around one ("a century ago", "next week")
#: must stay within the years Python's calendar holds (1 to 9999).
PUBLISHED_RANGE = (date(100, 1, 1), date(9899, 12, 31))


@dataclass(frozen=True, slots=True)
class Article:
    """One document of a batch: its text (``str``, or UTF-8 ``bytes``), optional id and publication date."""

    text: str | bytes
    id: str | None = None
    published: date | str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One saved web page of a batch: its HTML, optional id and publication date.

    Its article is read out of it (``quotemine.text.article.read_page``, the ``web`` extra) and
    the report is of that article: ``report.document.text`` holds the analysed text. A mapping
    with an ``html`` field (instead of ``text``) is read the same way.
    """

    html: str
    id: str | None = None
    published: date | str | None = None


def item_id(item: object) -> str | None:
    """Return the caller's id of an item, if it has one, even when the rest of it is bad."""
    raw = (
        item.id if isinstance(item, Article | Page) else item.get("id") if isinstance(item, Mapping) else None
    )
    return None if raw is None else _id(raw)


def _id(raw: object) -> str:
    """Return an id as a string that UTF-8 can encode (a surrogate read as U+FFFD)."""
    return replace_surrogates(str(raw))[0]


def unpack_item(item: object) -> tuple[str, str | None, str | None]:
    """Return ``(text, id, published ISO date)`` of one input item, or raise ``InputError``."""
    text: object
    doc_id: object
    published: object
    if isinstance(item, Article):
        text, doc_id, published = item.text, item.id, item.published
    elif isinstance(item, Mapping):
        if "text" not in item:
            raise InputError("record has no 'text' field")
        text, doc_id, published = item["text"], item.get("id"), item.get("published")
    else:
        text, doc_id, published = item, None, None
    if doc_id is not None:
        doc_id = _id(doc_id)
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"text is not valid UTF-8 (byte {exc.start}); decode it first") from exc
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    return text, doc_id, iso_date(published)


def unpack_page(item: object) -> tuple[str, str | None, str | None] | None:
    """Return ``(html, id, published ISO date)`` of a web page item, or ``None`` for any other item.

    A page is a ``Page`` or a mapping with an ``html`` field and no ``text`` field.

    Raises:
        InputError: the page's HTML is not a string (or UTF-8 bytes), or its date is no date.

    """
    if isinstance(item, Page):
        html, doc_id, published = item.html, item.id, item.published
    elif isinstance(item, Mapping) and "html" in item and "text" not in item:
        html, doc_id, published = item["html"], item.get("id"), item.get("published")
    else:
        return None
    text, _, when = unpack_item(Article(text=html, published=published))
    return text, None if doc_id is None else _id(doc_id), when


def iso_date(value: object) -> str | None:
    """Return a publication date as ``YYYY-MM-DD``, or raise ``InputError``.

    Takes a ``date``, a ``datetime`` (its date as written, no time zone conversion) or an ISO 8601
    string: ``2003-01-10``, ``20030110``, the week date ``2003-W02-5``, any of them followed by a
    time (``2003-01-10T12:00``, ``2003-01-10 12:00:00+05:00``). ``None`` and ``""`` mean no date.
    The date must lie in ``PUBLISHED_RANGE`` (years 100 to 9899).

    >>> [iso_date(v) for v in ("2003-01-10", "20030110", "2003-W02-5", "2003-01-10T12:00")]
    ['2003-01-10', '2003-01-10', '2003-01-10', '2003-01-10']

    """
    if value is None or value == "":
        return None
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            day = datetime.fromisoformat(value.strip()).date()
        except ValueError:
            day = None
    if day is None:
        raise InputError(
            "published must be a date or an ISO 8601 date string (2003-01-10, 20030110, "
            f"2003-W02-5, optionally with a time), not {value!r}"
        )
    low, high = PUBLISHED_RANGE
    if not low <= day <= high:
        raise InputError(
            f"published {day.isoformat()} is out of range: quotemine takes publication dates from "
            f"{low.isoformat()} to {high.isoformat()}"
        )
    return day.isoformat()
