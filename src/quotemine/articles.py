"""One input item of a run: a text, an ``Article`` or a mapping, read into text, id and date.

Bad items raise ``InputError``, which ``Extractor.pipe`` turns into a ``Failure`` record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from quotemine.errors import InputError

__all__ = ["Article", "iso_date", "item_id", "unpack_item"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?$")


@dataclass(frozen=True, slots=True)
class Article:
    """One document of a batch: its text, optional id and publication date."""

    text: str
    id: str | None = None
    published: date | str | None = None


def item_id(item: object) -> str | None:
    """Return the caller's id of an item, if it has one, even when the rest of it is bad."""
    raw = item.id if isinstance(item, Article) else item.get("id") if isinstance(item, Mapping) else None
    return None if raw is None else str(raw)


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
    if doc_id is not None and not isinstance(doc_id, str):
        doc_id = str(doc_id)
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"text is not valid UTF-8 (byte {exc.start}); decode it first") from exc
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    return text, doc_id, iso_date(published)


def iso_date(value: object) -> str | None:
    """Return a publication date as ``YYYY-MM-DD``, or raise ``InputError``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    raise InputError(f"published must be a date or an ISO date string (YYYY-MM-DD), not {value!r}")
