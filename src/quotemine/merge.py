"""Merge the reports of the chunks of a long text into the report of the whole text.

``Extractor`` cuts a text longer than ``chunk_chars`` at paragraph breaks and parses the chunks one
by one; each chunk's report has offsets into its chunk. ``merge_reports`` moves them into the
whole text and joins the people and organisations the chunks share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotemine.schema import Report

__all__ = ["merge_reports", "shift_report"]


def shift_report(report: Report, offset: int) -> dict[str, Any]:
    """Return the report's JSON data with every offset moved by ``offset`` (for merging chunks)."""
    data = report.model_dump()
    _shift(data, offset)
    return data


def _shift(node: Any, offset: int) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            node["start"] += offset
            node["end"] += offset
        for value in node.values():
            _shift(value, offset)
    elif isinstance(node, list | tuple):
        for value in node:
            _shift(value, offset)


def merge_reports(text: str, parts: Sequence[tuple[int, Report]], *, base: Report) -> Report:
    """Merge the reports of consecutive chunks of ``text`` into one report.

    Args:
        text: the whole input text.
        parts: ``(offset, report)`` per chunk, the chunk starting at ``text[offset]``.
        base: a report whose ``document`` and metadata describe the whole text.

    People and organisations with the same name in different chunks become one entry; ids are
    renumbered in order of first mention and every reference follows.

    """
    people: dict[str, dict[str, Any]] = {}
    orgs: dict[str, dict[str, Any]] = {}
    quotes: list[dict[str, Any]] = []
    dates: list[dict[str, Any]] = []
    money: list[dict[str, Any]] = []
    warnings: list[str] = list(base.warnings)
    for offset, report in parts:
        data = shift_report(report, offset)
        org_map = _absorb(orgs, data["organizations"], "o")
        for person in data["people"]:
            person["affiliations"] = [org_map[a] for a in person["affiliations"] if a in org_map]
        person_map = _absorb(people, data["people"], "p")
        for quote in data["quotes"]:
            quote["id"] = f"q{len(quotes) + 1}"
            if quote["group"] is not None:
                quote["group"] = f"{offset}:{quote['group']}"
            if quote["speaker"] is not None and quote["speaker"]["person_id"] is not None:
                quote["speaker"]["person_id"] = person_map.get(quote["speaker"]["person_id"])
            quotes.append(quote)
        dates.extend(data["dates"])
        money.extend(data["money"])
        warnings.extend(data["warnings"])
    merged = base.model_dump()
    merged.update(
        people=list(people.values()),
        organizations=list(orgs.values()),
        quotes=quotes,
        dates=dates,
        money=money,
        warnings=list(dict.fromkeys(warnings)),
    )
    return Report.model_validate(merged)


def _absorb(into: dict[str, dict[str, Any]], items: list[dict[str, Any]], prefix: str) -> dict[str, str]:
    """Add chunk entities to ``into`` (keyed by name); return the map from chunk id to merged id."""
    id_map: dict[str, str] = {}
    for item in items:
        key = item["name"].casefold()
        if key not in into:
            into[key] = {**item, "id": f"{prefix}{len(into) + 1}"}
        else:
            kept = into[key]
            kept["mentions"] = [*kept["mentions"], *item["mentions"]]
            if "roles" in kept:
                kept["roles"] = [*kept["roles"], *item["roles"]]
                kept["affiliations"] = list(dict.fromkeys([*kept["affiliations"], *item["affiliations"]]))
        id_map[item["id"]] = into[key]["id"]
    return id_map
