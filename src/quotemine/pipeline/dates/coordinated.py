"""Weekdays coordinated with a set: "every Tuesday and Thursday" is two sets, not a set and a date.

The "every" of the first weekday distributes over the weekdays joined to it by "and", "or" or a
comma ("open every Monday, Wednesday and Friday"), so each gets the set's TIMEX3 value
(``XXXX-WXX-4``) instead of the date of the nearest Thursday.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotemine.pipeline.dates.local import bare_weekday

__all__ = ["shared_sets"]

_JOINED = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)", re.IGNORECASE)
_WEEKLY = re.compile(r"XXXX-WXX-[1-7]")


def shared_sets(text: str, items: Sequence[tuple[int, int, str, str | None]]) -> dict[int, str]:
    """Return the index and new set value of each bare weekday that continues a weekly set.

    Args:
        text: The document text.
        items: ``(start, end, type, value)`` of the found expressions, in text order.

    Returns:
        ``{index: "XXXX-WXX-n"}`` for the weekdays joined to a weekday set before them.

    """
    out: dict[int, str] = {}
    for i in range(1, len(items)):
        _, p_end, p_type, p_value = items[i - 1]
        start, end, kind, _ = items[i]
        p_value = out.get(i - 1, p_value)
        if kind != "date" or (p_type != "set" and i - 1 not in out) or p_value is None:
            continue
        if not _WEEKLY.fullmatch(p_value) or not _JOINED.fullmatch(text, p_end, start):
            continue
        wd = bare_weekday(text[start:end])
        if wd is not None:
            out[i] = f"XXXX-WXX-{wd + 1}"
    return out
