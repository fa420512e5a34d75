"""Turn an annotated spaCy ``Doc`` into a ``Report``: the only bridge from spaCy to the schema.

The components leave plain dicts with character offsets on ``doc._.qm_*`` (see
``docs/pipeline.md``). This module checks every offset against the input text, drops (with a
warning) anything that does not hold, and builds the frozen pydantic models.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from spacy.tokens import Doc

from quotemine import __version__
from quotemine.schema import (
    DateMention,
    Document,
    Money,
    Organization,
    Person,
    Quote,
    Report,
    Speaker,
    TextSpan,
)
from quotemine.text.head import byline_names, headline

logger = logging.getLogger(__name__)

__all__ = ["build_report", "empty_report", "merge_reports", "shift_report"]


class _Builder:
    """Collect validated models for one report; remember what had to be dropped."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.dropped = 0

    def span(self, raw: Any) -> TextSpan | None:
        bounds = self._bounds(raw)
        if bounds is None:
            return None
        return TextSpan(text=self.text[bounds[0] : bounds[1]], start=bounds[0], end=bounds[1])

    def _bounds(self, raw: Any) -> tuple[int, int] | None:
        if isinstance(raw, Mapping):
            raw = (raw.get("start"), raw.get("end"))
        if not isinstance(raw, Sequence) or len(raw) != 2:
            return None
        start, end = raw
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(self.text):
            self.dropped += 1
            return None
        return start, end

    def spans(self, raws: Iterable[Any] | None) -> tuple[TextSpan, ...]:
        found = (self.span(raw) for raw in raws or ())
        unique = {(s.start, s.end): s for s in found if s is not None}
        return tuple(unique[key] for key in sorted(unique))


def build_report(
    doc: Doc,
    *,
    text: str | None = None,
    model: str = "",
    doc_id: str | None = None,
    published_source: str | None = None,
    warnings: Sequence[str] = (),
) -> Report:
    """Build the report of one annotated ``Doc``.

    Args:
        doc: a ``Doc`` that went through quotemine's components.
        text: the caller's original text, when the ``Doc`` was made from a cleaned copy of the
            same length (markup masked); spans take their text from it. Defaults to ``doc.text``.
        model: the name and version of the spaCy pipeline, for the report.
        doc_id: the caller's id of the document.
        published_source: ``"caller"`` or ``"dateline"``: where ``doc._.qm_published`` came from.
        warnings: warnings found before the pipeline ran.

    Returns:
        The report; items whose offsets do not fit the text are left out and counted in a warning.

    """
    source = doc.text if text is None else text
    b = _Builder(source)
    people = tuple(_person(b, raw) for raw in doc._.qm_people or ())
    person_ids = {p.id for p in people}
    orgs = tuple(
        Organization(id=str(raw["id"]), name=str(raw["name"]), mentions=b.spans(raw.get("mentions")))
        for raw in doc._.qm_orgs or ()
    )
    quotes = tuple(q for raw in doc._.qm_quotes or () if (q := _quote(b, raw, person_ids)) is not None)
    dates = tuple(d for raw in doc._.qm_dates or () if (d := _date(b, raw)) is not None)
    money = tuple(m for raw in doc._.qm_money or () if (m := _money(b, raw)) is not None)
    all_warnings = [*warnings, *(doc._.qm_warnings or ())]
    if b.dropped:
        all_warnings.append(f"{b.dropped} extracted item(s) had offsets outside the text and were left out")
    published = doc._.qm_published
    return Report(
        quotemine_version=__version__,
        model=model,
        id=doc_id,
        document=Document(
            published=published[:10] if published else None,
            published_source=published_source if published else None,
            title=b.span(headline(source)),
            authors=b.spans(byline_names(source)),
            char_count=len(source),
        ),
        people=people,
        organizations=orgs,
        quotes=quotes,
        dates=dates,
        money=money,
        warnings=tuple(dict.fromkeys(all_warnings)),
    )


def empty_report(
    text: str,
    *,
    model: str = "",
    doc_id: str | None = None,
    published: str | None = None,
    published_source: str | None = None,
    warnings: Sequence[str] = (),
) -> Report:
    """Return a report with nothing extracted: for text quotemine will not analyse."""
    return Report(
        quotemine_version=__version__,
        model=model,
        id=doc_id,
        document=Document(
            published=published,
            published_source=published_source if published else None,
            char_count=len(text),
        ),
        warnings=tuple(warnings),
    )


def _person(b: _Builder, raw: Mapping[str, Any]) -> Person:
    return Person(
        id=str(raw["id"]),
        name=str(raw["name"]),
        mentions=b.spans(raw.get("mentions")),
        roles=b.spans(raw.get("roles")),
        affiliations=tuple(str(a) for a in raw.get("affiliations") or ()),
        author=bool(raw.get("author", False)),
    )


def _quote(b: _Builder, raw: Mapping[str, Any], person_ids: set[str]) -> Quote | None:
    content = b.span(raw)
    if content is None:
        return None
    speaker = None
    raw_speaker = raw.get("speaker")
    if isinstance(raw_speaker, Mapping):
        mention = b.span(raw_speaker)
        if mention is not None:
            person_id = raw_speaker.get("person_id")
            speaker = Speaker(
                **mention.model_dump(),
                person_id=person_id if person_id in person_ids else None,
                unnamed=bool(raw_speaker.get("unnamed", False)),
            )
    return Quote(
        **content.model_dump(),
        id=str(raw.get("id")),
        kind=raw.get("kind", "direct"),
        group=raw.get("group"),
        speaker=speaker,
        cue=b.span(raw.get("cue")) if raw.get("cue") else None,
        addressee=b.span(raw.get("addressee")) if raw.get("addressee") else None,
    )


def _date(b: _Builder, raw: Mapping[str, Any]) -> DateMention | None:
    span = b.span(raw)
    if span is None:
        return None
    return DateMention(
        **span.model_dump(),
        value=raw.get("value"),
        granularity=raw.get("granularity"),
        modifier=raw.get("modifier"),
        type=raw.get("type") or "date",
        note=raw.get("note"),
    )


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return float(number) if number.is_finite() else None


def _money(b: _Builder, raw: Mapping[str, Any]) -> Money | None:
    span = b.span(raw)
    amount = _number(raw.get("amount"))
    if span is None or amount is None:
        return None
    return Money(
        **span.model_dump(),
        amount=amount,
        amount_max=_number(raw.get("amount_max")),
        currency=raw.get("currency"),
        qualifier=raw.get("qualifier"),
        period=raw.get("period"),
    )


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
