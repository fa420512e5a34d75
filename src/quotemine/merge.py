"""Merge the reports of the chunks of a long text into the report of the whole text.

``Extractor`` cuts a text longer than ``chunk_chars`` at paragraph breaks and parses the chunks one
by one; each chunk's report has offsets into its chunk. ``merge_reports`` moves them into the
whole text and joins the people and organisations the chunks share. A warning that names an offset
("unbalanced quotation mark at offset 120") is moved into the whole text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from quotemine.schema import Document, Organization, Person, Quote, Report, TextSpan

__all__ = ["merge_reports", "shift_report", "shift_warning"]

_Span = TypeVar("_Span", bound=TextSpan)
_AT_OFFSET = re.compile(r"\bat offset (\d+)")


def shift_warning(warning: str, offset: int) -> str:
    """Return a chunk's warning with the offsets it names ("at offset N") moved by ``offset``.

    >>> shift_warning("unbalanced quotation mark at offset 12; ignored in its paragraph", 1000)
    'unbalanced quotation mark at offset 1012; ignored in its paragraph'
    """
    return _AT_OFFSET.sub(lambda m: f"at offset {int(m.group(1)) + offset}", warning)


def _moved(span: _Span, offset: int) -> _Span:
    return span.model_copy(update={"start": span.start + offset, "end": span.end + offset})


def _all_moved(spans: Iterable[_Span], offset: int) -> tuple[_Span, ...]:
    return tuple(_moved(span, offset) for span in spans)


def _moved_quote(quote: Quote, offset: int) -> Quote:
    return _moved(quote, offset).model_copy(
        update={
            "speaker": _moved(quote.speaker, offset) if quote.speaker else None,
            "cue": _moved(quote.cue, offset) if quote.cue else None,
            "addressee": _moved(quote.addressee, offset) if quote.addressee else None,
        }
    )


def _moved_document(document: Document, offset: int) -> Document:
    return document.model_copy(
        update={
            "title": _moved(document.title, offset) if document.title else None,
            "authors": _all_moved(document.authors, offset),
        }
    )


def shift_report(report: Report, offset: int) -> Report:
    """Return the report with every offset moved by ``offset`` (for merging chunks), in its warnings too."""
    return report.model_copy(
        update={
            "document": _moved_document(report.document, offset),
            "people": tuple(
                p.model_copy(
                    update={"mentions": _all_moved(p.mentions, offset), "roles": _all_moved(p.roles, offset)}
                )
                for p in report.people
            ),
            "organizations": tuple(
                o.model_copy(update={"mentions": _all_moved(o.mentions, offset)})
                for o in report.organizations
            ),
            "quotes": tuple(_moved_quote(q, offset) for q in report.quotes),
            "dates": _all_moved(report.dates, offset),
            "money": _all_moved(report.money, offset),
            "warnings": tuple(shift_warning(w, offset) for w in report.warnings),
        }
    )


def merge_reports(text: str, parts: Sequence[tuple[int, Report]], *, base: Report) -> Report:
    """Merge the reports of consecutive chunks of ``text`` into one report.

    Args:
        text: the whole input text.
        parts: ``(offset, report)`` per chunk, the chunk starting at ``text[offset]``.
        base: a report whose ``document`` and metadata describe the whole text.

    People and organisations with the same name in different chunks become one entry; ids are
    renumbered in order of first mention and every reference follows.

    """
    people: dict[str, Person] = {}
    orgs: dict[str, Organization] = {}
    quotes: list[Quote] = []
    merged = base.model_copy()
    warnings: list[str] = list(base.warnings)
    for offset, report in parts:
        part = shift_report(report, offset)
        org_map = _absorb_orgs(orgs, part.organizations)
        person_map = _absorb_people(people, part.people, org_map)
        quotes += [_renumbered(q, len(quotes) + n, offset, person_map) for n, q in enumerate(part.quotes, 1)]
        merged = merged.model_copy(
            update={"dates": (*merged.dates, *part.dates), "money": (*merged.money, *part.money)}
        )
        warnings.extend(part.warnings)
    return merged.model_copy(
        update={
            "people": tuple(people.values()),
            "organizations": tuple(orgs.values()),
            "quotes": tuple(quotes),
            "warnings": tuple(dict.fromkeys(warnings)),
        }
    )


def _renumbered(quote: Quote, number: int, offset: int, person_map: Mapping[str, str]) -> Quote:
    """Give a chunk's quote its id in the whole text; its group and speaker follow."""
    speaker = quote.speaker
    if speaker is not None and speaker.person_id is not None:
        speaker = speaker.model_copy(update={"person_id": person_map.get(speaker.person_id)})
    return quote.model_copy(
        update={
            "id": f"q{number}",
            "group": f"{offset}:{quote.group}" if quote.group is not None else None,
            "speaker": speaker,
        }
    )


def _absorb_orgs(into: dict[str, Organization], items: Iterable[Organization]) -> dict[str, str]:
    """Add a chunk's organisations to ``into`` (keyed by name); return chunk id → merged id."""
    id_map: dict[str, str] = {}
    for org in items:
        key = org.name.casefold()
        kept = into.get(key)
        if kept is None:
            into[key] = org.model_copy(update={"id": f"o{len(into) + 1}"})
        else:
            into[key] = kept.model_copy(update={"mentions": (*kept.mentions, *org.mentions)})
        id_map[org.id] = into[key].id
    return id_map


def _absorb_people(
    into: dict[str, Person], items: Iterable[Person], org_map: Mapping[str, str]
) -> dict[str, str]:
    """Add a chunk's people to ``into`` (keyed by name); return chunk id → merged id.

    Affiliations follow the organisations' merged ids; a person met again keeps the first
    chunk's name and author flag and gains the mentions, roles and affiliations of the next.
    """
    id_map: dict[str, str] = {}
    for person in items:
        affiliations = tuple(org_map[a] for a in person.affiliations if a in org_map)
        key = person.name.casefold()
        kept = into.get(key)
        if kept is None:
            into[key] = person.model_copy(update={"id": f"p{len(into) + 1}", "affiliations": affiliations})
        else:
            into[key] = kept.model_copy(
                update={
                    "mentions": (*kept.mentions, *person.mentions),
                    "roles": (*kept.roles, *person.roles),
                    "affiliations": tuple(dict.fromkeys((*kept.affiliations, *affiliations))),
                }
            )
        id_map[person.id] = into[key].id
    return id_map
