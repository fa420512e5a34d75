"""Merge the reports of the chunks of a long text into the report of the whole text.

``Extractor`` cuts a text longer than ``chunk_chars`` at paragraph breaks and parses the chunks one
by one; each chunk's report has offsets into its chunk. ``merge_reports`` moves them into the
whole text and joins the people and organisations the chunks share. A warning that names an offset
("unbalanced quotation mark at offset 120") is moved into the whole text too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel

from quotemine.schema import DateMention, Document, Money, Organization, Person, Quote, Report, TextSpan
from quotemine.text.references import OffsetMap

__all__ = ["ReportMerger", "merge_reports", "remap_report", "shift_report", "shift_warning"]

_Span = TypeVar("_Span", bound=TextSpan)
_AT_OFFSET = re.compile(r"\bat offset (\d+)")


def shift_warning(warning: str, offset: int) -> str:
    """Return a chunk's warning with the offsets it names ("at offset N") moved by ``offset``.

    >>> shift_warning("unbalanced quotation mark at offset 12; ignored in its paragraph", 1000)
    'unbalanced quotation mark at offset 1012; ignored in its paragraph'
    """
    return _AT_OFFSET.sub(lambda m: f"at offset {int(m.group(1)) + offset}", warning)


#: What a move does to a span: the fields to update (its offsets, maybe its text).
_Update = Callable[[TextSpan], dict[str, object]]


def _moved(span: _Span, update: _Update) -> _Span:
    return span.model_copy(update=update(span))


def _all_moved(spans: Iterable[_Span], update: _Update) -> tuple[_Span, ...]:
    return tuple(_moved(span, update) for span in spans)


def _moved_quote(quote: Quote, update: _Update) -> Quote:
    return _moved(quote, update).model_copy(
        update={
            "speaker": _moved(quote.speaker, update) if quote.speaker else None,
            "cue": _moved(quote.cue, update) if quote.cue else None,
            "addressee": _moved(quote.addressee, update) if quote.addressee else None,
        }
    )


def _moved_document(document: Document, update: _Update) -> Document:
    return document.model_copy(
        update={
            "title": _moved(document.title, update) if document.title else None,
            "authors": _all_moved(document.authors, update),
        }
    )


def _moved_report(report: Report, update: _Update, warning: Callable[[str], str]) -> Report:
    """Return the report with ``update`` applied to every span, and ``warning`` to every warning."""
    return report.model_copy(
        update={
            "document": _moved_document(report.document, update),
            "people": tuple(
                p.model_copy(
                    update={"mentions": _all_moved(p.mentions, update), "roles": _all_moved(p.roles, update)}
                )
                for p in report.people
            ),
            "organizations": tuple(
                o.model_copy(update={"mentions": _all_moved(o.mentions, update)})
                for o in report.organizations
            ),
            "quotes": tuple(_moved_quote(q, update) for q in report.quotes),
            "dates": _all_moved(report.dates, update),
            "money": _all_moved(report.money, update),
            "warnings": tuple(warning(w) for w in report.warnings),
        }
    )


def shift_report(report: Report, offset: int) -> Report:
    """Return the report with every offset moved by ``offset`` (for merging chunks), in its warnings too."""
    return _moved_report(
        report,
        lambda span: {"start": span.start + offset, "end": span.end + offset},
        lambda warning: shift_warning(warning, offset),
    )


def remap_report(report: Report, where: OffsetMap, text: str) -> Report:
    """Return the report of a decoded text (character references read) with offsets into ``text``.

    Every span takes its offsets from ``where`` and its text from ``text``, the caller's text, so
    ``text[start:end] == span.text`` holds there; ``document.char_count`` is ``len(text)``.
    """

    def update(span: TextSpan) -> dict[str, object]:
        start, end = where.span(span.start, span.end)
        return {"start": start, "end": end, "text": text[start:end]}

    def warning(found: str) -> str:
        return _AT_OFFSET.sub(lambda m: f"at offset {where.original(int(m.group(1)))}", found)

    moved = _moved_report(report, update, warning)
    return moved.model_copy(update={"document": moved.document.model_copy(update={"char_count": len(text)})})


def merge_reports(text: str, parts: Sequence[tuple[int, Report]], *, base: Report) -> Report:
    """Merge the reports of consecutive chunks of ``text`` into one report.

    Args:
        text: the whole input text.
        parts: ``(offset, report)`` per chunk, the chunk starting at ``text[offset]``.
        base: a report whose ``document`` and metadata describe the whole text.

    People and organisations with the same name in different chunks become one entry; ids are
    renumbered in order of first mention and every reference follows. ``ReportMerger`` does the
    same one chunk at a time.

    """
    merger = ReportMerger(base)
    for offset, report in parts:
        merger.add(offset, report)
    return merger.result()


class ReportMerger:
    """Merge chunk reports one at a time, so a chunk's report can go as soon as it is added.

    Args:
        base: a report whose ``document`` and metadata describe the whole text.

    Work and memory are linear in the number of items: mentions, roles and items are gathered in
    lists and the merged models are built once, by ``result``.

    >>> merger = ReportMerger(base)  # doctest: +SKIP
    >>> merger.add(0, first_chunk_report); merger.add(100_000, second_chunk_report)  # doctest: +SKIP
    >>> report = merger.result()  # doctest: +SKIP

    """

    __slots__ = ("_base", "_dates", "_field_sets", "_money", "_orgs", "_people", "_quotes", "_warnings")

    def __init__(self, base: Report) -> None:
        self._base = base
        self._people: dict[str, _GatheredPerson] = {}
        self._orgs: dict[str, _GatheredOrg] = {}
        self._quotes: list[Quote] = []
        self._dates: list[DateMention] = list(base.dates)
        self._money: list[Money] = list(base.money)
        self._warnings: dict[str, None] = dict.fromkeys(base.warnings)
        self._field_sets: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}

    def add(self, offset: int, report: Report) -> None:
        """Add the report of the chunk that starts at ``offset`` of the whole text."""
        part = shift_report(report, offset)
        org_map = _absorb_orgs(self._orgs, part.organizations)
        person_map = _absorb_people(self._people, part.people, org_map)
        quotes = [
            _renumbered(q, len(self._quotes) + n, offset, person_map, org_map)
            for n, q in enumerate(part.quotes, 1)
        ]
        for item in (*quotes, *part.dates, *part.money, *part.people, *part.organizations):
            self._share_field_sets(item)
        self._quotes += quotes
        self._dates += part.dates
        self._money += part.money
        self._warnings.update(dict.fromkeys(part.warnings))  # shift_report moved their offsets

    def _share_field_sets(self, model: BaseModel) -> None:
        """Let ``model`` and the models in it share one set of set-field names per model type.

        Each pydantic model keeps its own ``__pydantic_fields_set__``; for a text's many small
        items (spans, dates, quotes) those sets are half of the report's memory. Items of one type
        built the same way set the same fields, so one set per (type, fields) serves them all. The
        models are frozen, so nothing changes the set in place (``model_copy`` copies it first).
        """
        fields = frozenset(model.__pydantic_fields_set__)
        shared = self._field_sets.setdefault((type(model), fields), set(fields))
        object.__setattr__(model, "__pydantic_fields_set__", shared)
        for value in model.__dict__.values():
            if isinstance(value, BaseModel):
                self._share_field_sets(value)
            elif isinstance(value, tuple):
                for inner in value:
                    if isinstance(inner, BaseModel):
                        self._share_field_sets(inner)

    def result(self) -> Report:
        """Return the merged report of every chunk added so far."""
        return self._base.model_copy(
            update={
                "people": tuple(g.built() for g in self._people.values()),
                "organizations": tuple(g.built() for g in self._orgs.values()),
                "quotes": tuple(self._quotes),
                "dates": tuple(self._dates),
                "money": tuple(self._money),
                "warnings": tuple(self._warnings),
            }
        )


@dataclass(slots=True)
class _GatheredOrg:
    """An organisation met in one or more chunks: the first entry and every mention."""

    first: Organization
    mentions: list[TextSpan]

    def built(self) -> Organization:
        return self.first.model_copy(update={"mentions": tuple(self.mentions)})


@dataclass(slots=True)
class _GatheredPerson:
    """A person met in one or more chunks: the first entry and what later ones add."""

    first: Person
    mentions: list[TextSpan]
    roles: dict[str, TextSpan]  # by lowercased text: a role repeated word for word is kept once
    affiliations: dict[str, None]
    genders: set[tuple[str, str]] = field(default_factory=set)  # (gender, evidence) per chunk

    def built(self) -> Person:
        gender, evidence = _merged_gender(self.genders)
        return self.first.model_copy(
            update={
                "mentions": tuple(self.mentions),
                "roles": tuple(self.roles.values()),
                "affiliations": tuple(self.affiliations),
                "gender": gender,
                "gender_evidence": evidence,
            }
        )


def _merged_gender(found: set[tuple[str, str]]) -> tuple[str | None, str | None]:
    """Return the gender the chunks give a person: what the text states, if it agrees, else the guess.

    Chunks whose titles or pronouns disagree give no gender at all, as within one chunk
    (``quotemine.pipeline.gender``); a first-name guess counts only when no chunk states one.
    """
    stated = {(g, e) for g, e in found if e != "first_name"}
    if stated:
        genders = {g for g, _ in stated}
        if len(genders) > 1:
            return None, None
        gender = genders.pop()
        return gender, "title" if (gender, "title") in stated else "pronoun"
    guesses = {g for g, _ in found}
    return (guesses.pop(), "first_name") if len(guesses) == 1 else (None, None)


def _renumbered(
    quote: Quote, number: int, offset: int, person_map: Mapping[str, str], org_map: Mapping[str, str]
) -> Quote:
    """Give a chunk's quote its id in the whole text; its group and speaker follow."""
    speaker = quote.speaker
    if speaker is not None and speaker.person_id is not None:
        speaker = speaker.model_copy(update={"person_id": person_map.get(speaker.person_id)})
    if speaker is not None and speaker.organization_id is not None:
        speaker = speaker.model_copy(update={"organization_id": org_map.get(speaker.organization_id)})
    return quote.model_copy(
        update={
            "id": f"q{number}",
            "group": f"{offset}:{quote.group}" if quote.group is not None else None,
            "speaker": speaker,
        }
    )


def _absorb_orgs(into: dict[str, _GatheredOrg], items: Iterable[Organization]) -> dict[str, str]:
    """Add a chunk's organisations to ``into`` (keyed by name); return chunk id → merged id."""
    id_map: dict[str, str] = {}
    for org in items:
        key = org.name.casefold()
        kept = into.get(key)
        if kept is None:
            kept = into[key] = _GatheredOrg(org.model_copy(update={"id": f"o{len(into) + 1}"}), [])
        kept.mentions += org.mentions
        id_map[org.id] = kept.first.id
    return id_map


def _absorb_people(
    into: dict[str, _GatheredPerson], items: Iterable[Person], org_map: Mapping[str, str]
) -> dict[str, str]:
    """Add a chunk's people to ``into`` (keyed by name); return chunk id → merged id.

    Affiliations follow the organisations' merged ids; a person met again keeps the first
    chunk's name and author flag and gains the mentions, roles and affiliations of the next; a
    role repeated word for word is kept once, as within one chunk (``quotemine_roles``).
    """
    id_map: dict[str, str] = {}
    for person in items:
        affiliations = tuple(org_map[a] for a in person.affiliations if a in org_map)
        key = person.name.casefold()
        kept = into.get(key)
        if kept is None:
            first = person.model_copy(update={"id": f"p{len(into) + 1}", "affiliations": affiliations})
            kept = into[key] = _GatheredPerson(first, [], {}, {})
        kept.mentions += person.mentions
        kept.affiliations.update(dict.fromkeys(affiliations))
        if person.gender is not None and person.gender_evidence is not None:
            kept.genders.add((person.gender, person.gender_evidence))
        for role in person.roles:
            kept.roles.setdefault(role.text.lower(), role)
        id_map[person.id] = kept.first.id
    return id_map
