"""Turn an annotated spaCy ``Doc`` into a ``Report``: the only bridge from spaCy to the schema.

The components leave typed records with character offsets on the ``Doc`` (see
``quotemine.pipeline.records``); this module reads them through that module's accessors, checks
every offset against the input text, drops (with a warning) anything that does not hold, and
builds the frozen pydantic models. An item that cannot be built (a record a stage got wrong, an
amount too large to be real) is left out with a warning: one bad item never loses the report.
Merging the reports of a long text's chunks is ``merge.py``.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from pydantic import BaseModel, TypeAdapter
from spacy.tokens import Doc

from quotemine._version import __version__
from quotemine.extensions import doc_text
from quotemine.pipeline.dates.bounds import value_bounds
from quotemine.schema import (
    DateMention,
    Document,
    Money,
    Organization,
    Person,
    Quote,
    Report,
    TextSpan,
)
from quotemine.text.head import byline_names, headline
from quotemine.text.inspect import line_breaks

if TYPE_CHECKING:
    from quotemine.pipeline.gender import GenderFinding
    from quotemine.pipeline.records import (
        DateRecord,
        MoneyRecord,
        OrgRecord,
        PersonRecord,
        QuoteRecord,
        SpeakerRecord,
    )

logger = logging.getLogger(__name__)

__all__ = ["MAX_AMOUNT", "build_report", "empty_report"]

#: The largest money amount reported; a larger one (a run of digits, a misread figure) is left
#: out with a warning. It is far above any real figure (world GDP is about 10^14 dollars).
MAX_AMOUNT = 10.0**21

_Record = TypeVar("_Record")
_Item = TypeVar("_Item")
_Model = TypeVar("_Model", bound=BaseModel)

#: One validator per model for a whole list of items: pydantic checks a list of field dicts in one
#: call much faster than it builds the models one by one.
_ADAPTERS: dict[type[BaseModel], TypeAdapter[Any]] = {}


class _SpanFields(TypedDict):
    """The fields of a ``TextSpan``: the text and its offsets."""

    text: str
    start: int
    end: int


class _TooLarge(ValueError):
    """A money amount above ``MAX_AMOUNT`` or not finite."""


class _Builder:
    """Collect validated models for one report; remember what had to be dropped."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.length = len(text)
        self.dropped = 0
        self.too_large = 0
        self.invalid: Counter[str] = Counter()

    def items(
        self, kind: str, build: Callable[[_Record], _Item | None], records: Iterable[_Record]
    ) -> tuple[_Item, ...]:
        """Build one model per record; a record that fails is left out and counted, never raised."""
        built: list[_Item] = []
        for record in records:
            try:
                item = build(record)
            except _TooLarge:
                self.too_large += 1
            except Exception as exc:  # one bad record of a stage must not lose the report
                logger.debug("%s record left out: %s", kind, type(exc).__name__)
                self.invalid[kind] += 1
            else:
                if item is not None:
                    built.append(item)
        return tuple(built)

    def models(
        self,
        kind: str,
        model: type[_Model],
        build: Callable[[_Record], dict[str, Any] | None],
        records: Iterable[_Record],
    ) -> tuple[_Model, ...]:
        """Build one ``model`` per record from the fields ``build`` gives, all validated at once.

        The same as ``items`` with ``model.model_validate`` after ``build``: when the list does not
        validate, each item is validated on its own, and those that fail are left out and counted.
        """
        fields = self.items(kind, build, records)
        if not fields:
            return ()
        adapter = _ADAPTERS.get(model)
        if adapter is None:
            adapter = _ADAPTERS[model] = TypeAdapter(tuple[model, ...])  # type: ignore[valid-type]
        try:
            return adapter.validate_python(fields)  # type: ignore[no-any-return]
        except Exception:  # some item is invalid: find which, one by one
            return self.items(kind, model.model_validate, fields)

    def warnings(self) -> list[str]:
        """Return the warnings about what had to be left out."""
        found = []
        if self.dropped:
            found.append(f"{self.dropped} extracted item(s) had offsets outside the text and were left out")
        if self.too_large:
            found.append(f"{self.too_large} money amount(s) too large to be real (over 10^21) were left out")
        if self.invalid:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.invalid.items()))
            found.append(f"extracted item(s) that failed validation were left out: {kinds}")
        return found

    def bounds(self, bounds: Sequence[object] | None) -> tuple[int, int] | None:
        """Return ``(start, end)`` if the span fits the text, else ``None`` (counted when it does not fit)."""
        if bounds is None or len(bounds) != 2:
            return None
        start, end = bounds
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= self.length:
            return start, end
        self.dropped += 1
        return None

    def fields(self, bounds: Sequence[object] | None) -> _SpanFields | None:
        """Return the fields of the span, as ``span`` does, for a model built on ``TextSpan``.

        No ``TextSpan`` is built only to be unpacked into the model.
        """
        fits = self.bounds(bounds)
        if fits is None:
            return None
        start, end = fits
        return _SpanFields(text=self.text[start:end], start=start, end=end)

    def span(self, bounds: Sequence[object] | None) -> TextSpan | None:
        """Return the span ``[start, end]`` of the text, or ``None`` (counted) if it does not fit."""
        fits = self.bounds(bounds)
        if fits is None:
            return None
        start, end = fits
        return TextSpan(text=self.text[start:end], start=start, end=end)

    def spans(self, many: Iterable[Sequence[object]] | None) -> tuple[TextSpan, ...]:
        """Return the spans that fit, without duplicates, in text order (each built once)."""
        return tuple(TextSpan(**fields) for fields in self.span_fields(many))

    def span_fields(self, many: Iterable[Sequence[object]] | None) -> list[_SpanFields]:
        """Return the fields of the spans ``spans`` gives, for a model that validates them itself.

        pydantic builds the nested ``TextSpan`` models faster from their fields than it checks
        ``TextSpan`` objects built one by one.
        """
        if not many:
            return []
        bounds = self.bounds
        unique = {fits for one in many if (fits := bounds(one)) is not None}
        text = self.text
        return [{"text": text[start:end], "start": start, "end": end} for start, end in sorted(unique)]


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
    # Not at module level: importing quotemine.pipeline runs its __init__, which imports every
    # stage, and this module is imported by ``import quotemine`` (so by spaCy's entry points).
    from quotemine.pipeline.gender import person_genders
    from quotemine.pipeline.records import (
        get_dates,
        get_money,
        get_orgs,
        get_people,
        get_published,
        get_quotes,
        get_warnings,
    )

    source = doc_text(doc) if text is None else text
    b = _Builder(source)
    orgs = b.models("organization", Organization, lambda record: _org(b, record), get_orgs(doc))
    org_ids = {o.id for o in orgs}
    try:
        genders = person_genders(doc)
    except Exception as exc:  # gender is one field: a stage's malformed record must not lose the report
        logger.debug("gender left out: %s", type(exc).__name__)
        genders = {}
    people = b.models("person", Person, lambda record: _person(b, record, org_ids, genders), get_people(doc))
    person_ids = {p.id for p in people}
    quotes = b.models("quote", Quote, lambda record: _quote(b, record, person_ids, org_ids), get_quotes(doc))
    dates = b.items("date", lambda record: _date(b, record), get_dates(doc))
    money = b.models("money", Money, lambda record: _money(b, record), get_money(doc))
    all_warnings = [*warnings, *get_warnings(doc), *b.warnings()]
    return Report(
        quotemine_version=__version__,
        model=model,
        id=doc_id,
        document=_document(b, doc_text(doc), get_published(doc), published_source),
        people=people,
        organizations=orgs,
        quotes=quotes,
        dates=dates,
        money=money,
        warnings=tuple(dict.fromkeys(all_warnings)),
    )


def _document(b: _Builder, analysed: str, published: str | None, published_source: str | None) -> Document:
    """Describe the article: its publication date and where it came from, headline and byline.

    The headline and byline are read in the analysed text (markup masked as spaces, so a page's
    ``<!DOCTYPE html>`` line is no title); their spans take the input's text (same offsets).
    """
    lines = line_breaks(analysed)  # a lone "\r" ends a line too: same length, same offsets
    return Document(
        published=published[:10] if published else None,
        published_source=published_source if published else None,
        title=b.span(headline(lines)),
        authors=b.spans(byline_names(lines)),
        char_count=len(b.text),
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


def _person(
    b: _Builder, record: PersonRecord, org_ids: set[str], genders: Mapping[str, GenderFinding]
) -> dict[str, Any]:
    """Return the fields of a ``Person``."""
    finding = genders.get(str(record["id"]))
    return {
        "id": str(record["id"]),
        "name": str(record["name"]),
        "mentions": b.span_fields(record.get("mentions")),
        "roles": b.span_fields(record.get("roles")),
        "affiliations": tuple(str(a) for a in record.get("affiliations") or () if str(a) in org_ids),
        "author": bool(record.get("author", False)),
        "gender": finding.gender if finding else None,
        "gender_evidence": finding.evidence if finding else None,
    }


def _org(b: _Builder, record: OrgRecord) -> dict[str, Any]:
    """Return the fields of an ``Organization``."""
    return {
        "id": str(record["id"]),
        "name": str(record["name"]),
        "mentions": b.span_fields(record.get("mentions")),
    }


#: Relative pronouns a cue's subject may be ("the board, which said"): never shown as a name.
_RELATIVE_SPEAKERS = frozenset({"which", "who", "that", "whom"})


def _speaker(
    b: _Builder, record: SpeakerRecord | None, person_ids: set[str], org_ids: set[str]
) -> dict[str, Any] | None:
    """Return the fields of a ``Speaker`` (validated with its ``Quote``), or ``None``."""
    if record is None:
        return None
    mention = b.fields((record.get("start"), record.get("end")))
    if mention is None:
        return None
    person_id = record.get("person_id")
    org_id = record.get("organization_id")
    antecedent = record.get("antecedent")
    if mention["text"].lower() in _RELATIVE_SPEAKERS:
        # "which", "who": the reader is shown what it stands for, the antecedent phrase; with
        # none found, no speaker rather than the bare pronoun
        mention = b.fields((antecedent[0], antecedent[1])) if antecedent else None
        if mention is None:
            return None
    elif antecedent and record.get("unnamed") and person_id is None and org_id is None:
        # "she" for "a police spokeswoman" just before: the unnamed source's phrase, not "she"
        mention = b.fields((antecedent[0], antecedent[1])) or mention
    return {
        **mention,
        "person_id": person_id if person_id in person_ids else None,
        "organization_id": org_id if org_id in org_ids and person_id not in person_ids else None,
        "unnamed": bool(record.get("unnamed", False)),
    }


def _quote(
    b: _Builder, record: QuoteRecord, person_ids: set[str], org_ids: set[str]
) -> dict[str, Any] | None:
    """Return the fields of a ``Quote`` (its speaker a ``Speaker``), or ``None``."""
    content = b.fields((record.get("start"), record.get("end")))
    if content is None:
        return None
    cue, addressee = record.get("cue"), record.get("addressee")
    return {
        **content,
        "id": str(record.get("id")),
        "kind": record.get("kind", "direct"),
        "group": record.get("group"),
        "speaker": _speaker(b, record.get("speaker"), person_ids, org_ids),
        "cue": b.fields(cue) if cue else None,
        "cue_type": record.get("cue_type", "speech"),
        "addressee": b.fields(addressee) if addressee else None,
    }


def _date(b: _Builder, record: DateRecord) -> DateMention | None:
    span = b.span((record.get("start"), record.get("end")))
    if span is None:
        return None
    value, modifier = record.get("value"), record.get("modifier")
    kind = record.get("type") or "date"
    bounds = value_bounds(value, modifier) if kind in ("date", "time") else None  # durations, sets: no days
    return DateMention(
        **span.model_dump(),
        value=value,
        granularity=record.get("granularity"),
        modifier=modifier,
        type=kind,
        value_start=bounds[0] if bounds else None,
        value_end=bounds[1] if bounds else None,
        note=record.get("note"),
    )


def _number(value: object) -> float | None:
    """Return a decimal string as a float, or ``None`` for no amount.

    Raises:
        _TooLarge: the amount is not finite, or above ``MAX_AMOUNT``.

    """
    if value is None:
        return None
    try:
        number = float(Decimal(str(value)))
    except (InvalidOperation, OverflowError):
        return None
    if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
        raise _TooLarge(value)
    return number


def _money(b: _Builder, record: MoneyRecord) -> dict[str, Any] | None:
    """Return the fields of a ``Money``, or ``None``."""
    span = b.fields((record.get("start"), record.get("end")))
    amount = _number(record.get("amount"))
    if span is None or amount is None:
        return None
    return {
        **span,
        "amount": amount,
        "amount_max": _number(record.get("amount_max")),
        "currency": record.get("currency"),
        "qualifier": record.get("qualifier"),
        "period": record.get("period"),
        "per": record.get("per"),
    }
