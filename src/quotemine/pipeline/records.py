"""The typed payloads quotemine's components leave on a ``Doc``: one declaration, typed accessors.

Each stage writes one list of records on a ``Doc`` extension and later stages read it through the
accessors below, never through ``doc._`` directly. At run time a record is a plain ``dict`` of JSON
primitives (a ``TypedDict``), so a ``Doc`` keeps its results through ``Doc.to_bytes``, ``DocBin`` and
``nlp.pipe(n_process=2)``. A span is ``[start, end]``: character offsets into ``doc.text``, ``end``
exclusive.

Who writes what (a stage that amends another stage's record is named in that record's docstring):

================  ======================  ==================================================
extension         record                  written by (then amended by)
================  ======================  ==================================================
``qm_people``     ``PersonRecord``        ``quotemine_entities`` (``quotemine_roles``)
``qm_orgs``       ``OrgRecord``           ``quotemine_entities`` (``quotemine_roles``)
``qm_quotes``     ``QuoteRecord``         ``quotemine_quotes`` (``quotemine_attribution``)
``qm_dates``      ``DateRecord``          ``quotemine_dates``
``qm_money``      ``MoneyRecord``         ``quotemine_money``
``qm_entity_reasons`` ``EntityReasonRecord``  ``quotemine_entities`` built with ``explain=True``
``qm_warnings``   ``str``                 any stage, through ``add_warning``
``qm_published``  ISO date ``str``        the caller (``Extractor``); ``quotemine_dates`` may set
                                          it from a dateline when it is ``None``
================  ======================  ==================================================

The accessors also normalise what a ``DocBin`` round trip does to the values (msgpack gives
tuples back for lists), so a reader always sees the documented JSON lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, NotRequired, TypedDict, cast

from spacy.tokens import Doc

__all__ = [
    "DateRecord",
    "EntityReasonRecord",
    "MoneyRecord",
    "OrgRecord",
    "PersonRecord",
    "QuoteRecord",
    "Range",
    "SpeakerRecord",
    "TokenLabels",
    "add_warning",
    "add_warnings",
    "get_dates",
    "get_entity_reasons",
    "get_money",
    "get_orgs",
    "get_people",
    "get_published",
    "get_quotes",
    "get_warnings",
    "set_dates",
    "set_entity_reasons",
    "set_money",
    "set_orgs",
    "set_people",
    "set_published",
    "set_quotes",
]

CharSpan = list[int]
"""``[start, end]`` character offsets into ``doc.text``."""

TokenLabels = dict[int, str]
"""Token index -> the id of the person (or organisation) whose mention holds it (the roles stage's rules)."""

Range = tuple[int, int]
"""``(start, end)`` token indices."""


class PersonRecord(TypedDict):
    """One person, written by ``quotemine_entities``.

    ``quotemine_roles`` amends ``roles`` (title and role spans) and ``affiliations`` (organisation
    ids) in place; no other stage changes a person.
    """

    id: str
    name: str
    mentions: list[CharSpan]
    roles: list[CharSpan]
    affiliations: list[str]
    author: bool


class OrgRecord(TypedDict):
    """One organisation, written by ``quotemine_entities``.

    ``quotemine_roles`` adds an organisation named only in a person's affiliation ("X of Parsow
    Foods") and adds such mentions to an organisation of the same name; it changes no other record.
    """

    id: str
    name: str
    mentions: list[CharSpan]


class _SpeakerBase(TypedDict):
    start: int
    end: int
    person_id: str | None
    unnamed: bool


class SpeakerRecord(_SpeakerBase, total=False):
    """The local speaker mention of a quote, written by ``quotemine_quotes``.

    ``antecedent`` (optional) is the span of the name a pronoun or title refers to, found by
    ``quotemine_quotes``; ``quotemine_attribution`` amends ``person_id``, ``unnamed`` and
    ``antecedent`` in place (a title it resolves to a named person is no longer unnamed) and sets
    ``organization_id`` (optional) when an organisation speaks ("the ferry line announced").
    """

    antecedent: CharSpan | None
    organization_id: str | None


QuoteKind = Literal["direct", "indirect", "mixed"]
#: What the cue attributes: something said or written, or a belief, intention or knowledge.
CueType = Literal["speech", "belief"]


class QuoteRecord(TypedDict):
    """One quotation, written by ``quotemine_quotes``; its ``speaker`` is amended by attribution."""

    id: str
    start: int
    end: int
    kind: QuoteKind
    group: str | None
    cue: CharSpan | None
    speaker: SpeakerRecord | None
    addressee: CharSpan | None
    cue_type: NotRequired[CueType]


class DateRecord(TypedDict):
    """One temporal expression, written by ``quotemine_dates``."""

    start: int
    end: int
    value: str | None
    granularity: str | None
    modifier: str | None
    type: str
    note: str | None


class MoneyRecord(TypedDict):
    """One money amount, written by ``quotemine_money``; amounts are decimal strings."""

    start: int
    end: int
    amount: str
    amount_max: str | None
    currency: str | None
    qualifier: str | None
    period: str | None
    per: str | None  # the unit of a per-unit price ("pound" in "$5 a pound"); since schema 1.2


class EntityReasonRecord(TypedDict):
    """One candidate entity and why it was kept, relabelled or dropped (``doc._.qm_entity_reasons``).

    Written by ``quotemine_entities`` when built with ``explain=True``. ``start``/``end`` are
    character offsets into ``doc.text``; ``label`` is the final label, or ``None`` when the
    candidate was dropped.
    """

    start: int
    end: int
    text: str
    label: str | None
    reasons: list[str]


def _plain(value: Any) -> Any:
    """Return ``value`` with tuples turned back into lists, recursively (msgpack gives tuples)."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _read(doc: Doc, name: str) -> list[Any]:
    value = getattr(doc._, name)
    if not value:
        return []
    if isinstance(value, list) and all(type(v) is dict for v in value):
        return value  # fast path: written in this process, already plain
    plain = _plain(value)
    setattr(doc._, name, plain)
    return cast(list[Any], plain)


def get_people(doc: Doc) -> list[PersonRecord]:
    """Return the people of ``doc`` (empty before ``quotemine_entities`` ran)."""
    return cast(list[PersonRecord], _read(doc, "qm_people"))


def set_people(doc: Doc, people: Sequence[PersonRecord]) -> None:
    """Write the people of ``doc``."""
    doc._.qm_people = list(people)


def get_orgs(doc: Doc) -> list[OrgRecord]:
    """Return the organisations of ``doc``."""
    return cast(list[OrgRecord], _read(doc, "qm_orgs"))


def set_orgs(doc: Doc, orgs: Sequence[OrgRecord]) -> None:
    """Write the organisations of ``doc``."""
    doc._.qm_orgs = list(orgs)


def get_quotes(doc: Doc) -> list[QuoteRecord]:
    """Return the quotations of ``doc``."""
    return cast(list[QuoteRecord], _read(doc, "qm_quotes"))


def set_quotes(doc: Doc, quotes: Sequence[QuoteRecord]) -> None:
    """Write the quotations of ``doc``."""
    doc._.qm_quotes = list(quotes)


def get_dates(doc: Doc) -> list[DateRecord]:
    """Return the temporal expressions of ``doc``."""
    return cast(list[DateRecord], _read(doc, "qm_dates"))


def set_dates(doc: Doc, dates: Sequence[DateRecord]) -> None:
    """Write the temporal expressions of ``doc``."""
    doc._.qm_dates = list(dates)


def get_money(doc: Doc) -> list[MoneyRecord]:
    """Return the money amounts of ``doc``."""
    return cast(list[MoneyRecord], _read(doc, "qm_money"))


def set_money(doc: Doc, money: Sequence[MoneyRecord]) -> None:
    """Write the money amounts of ``doc``."""
    doc._.qm_money = list(money)


def get_entity_reasons(doc: Doc) -> list[EntityReasonRecord]:
    """Return the entity decisions of ``doc`` (empty unless the entity stage was told to explain)."""
    return cast(list[EntityReasonRecord], _read(doc, "qm_entity_reasons"))


def set_entity_reasons(doc: Doc, reasons: Sequence[EntityReasonRecord]) -> None:
    """Write the entity decisions of ``doc``."""
    doc._.qm_entity_reasons = list(reasons)


def get_warnings(doc: Doc) -> list[str]:
    """Return the warnings the stages left on ``doc``."""
    return [str(w) for w in doc._.qm_warnings or ()]


def add_warning(doc: Doc, warning: str) -> None:
    """Append one human-readable warning for the report."""
    doc._.qm_warnings = [*get_warnings(doc), warning]


def add_warnings(doc: Doc, warnings: Sequence[str]) -> None:
    """Append several warnings for the report."""
    if warnings:
        doc._.qm_warnings = [*get_warnings(doc), *warnings]


def get_published(doc: Doc) -> str | None:
    """Return the publication date of ``doc`` (ISO ``YYYY-MM-DD``) or ``None``."""
    value = doc._.qm_published
    return str(value) if value else None


def set_published(doc: Doc, published: str | None) -> None:
    """Set the publication date of ``doc`` (ISO ``YYYY-MM-DD`` or ``None``)."""
    doc._.qm_published = published
