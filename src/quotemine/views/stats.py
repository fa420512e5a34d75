"""Source statistics of many reports: who is quoted, by speaker type and gender, per corpus and document.

What media researchers count (the Gender Gap Tracker's measures), from reports only (this module
reads ``quotemine.schema`` models and never runs the pipeline):

* quotations by speaker type: a named person (``speaker.person_id``), an organisation
  (``speaker.organization_id``), an unnamed source (``speaker.unnamed``: "analysts", "a
  spokeswoman"), or unresolved (no speaker, or a speaker mention quotemine could tie to none of
  these, such as a pronoun without an antecedent);
* quotations by named people, by the person's gender (``Person.gender``: female, male, unknown),
  and the people quoted, by gender;
* the top speakers (people, by quotations) and the top organisations (by quotations they speak,
  then by the documents that name them, then by their mentions).

A quotation split around its cue (pieces sharing ``Quote.group``) counts once. Across documents a
person or organisation is one source per name (case-insensitive): the same name in two articles
is taken for the same source.

>>> stats = corpus_stats(reports, per_document=True)  # doctest: +SKIP
>>> print(stats_text(stats))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Literal

from quotemine.schema import Gender, Quote, Report

__all__ = [
    "SourceCounts",
    "SourceStats",
    "SpeakerType",
    "StatsFormat",
    "TopSource",
    "corpus_stats",
    "document_stats",
    "format_stats",
    "quote_kind",
    "speaker_type",
    "stats_csv",
    "stats_json",
    "stats_text",
]

SpeakerType = Literal["person", "organization", "unnamed", "unresolved"]
GenderKey = Literal["female", "male", "unknown"]
CORPUS: Final = "corpus"
DEFAULT_TOP: Final = 10


class StatsFormat(StrEnum):
    """The outputs of ``quotemine stats``."""

    text = "text"
    json = "json"
    csv = "csv"


@dataclass(frozen=True, slots=True)
class TopSource:
    """A person or organisation and how often it is quoted.

    ``documents`` counts the documents that name it (quoted there or not), ``mentions`` its
    mentions in them; ``gender`` is the person's (``None`` for an organisation, or when the
    documents disagree).
    """

    name: str
    quotes: int
    documents: int
    mentions: int
    gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class SourceCounts:
    """The counts of one scope: the whole corpus or one document (``scope`` is its id)."""

    scope: str
    documents: int
    quotes: int
    by_speaker: dict[SpeakerType, int]
    by_gender: dict[GenderKey, int]
    people_quoted: dict[GenderKey, int]
    top_speakers: tuple[TopSource, ...] = ()
    top_organizations: tuple[TopSource, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceStats:
    """Statistics of a corpus, and of each document when asked for (``per_document``)."""

    corpus: SourceCounts
    documents: tuple[SourceCounts, ...] = ()


def quote_kind(quote: Quote) -> str:
    """Return a quotation's kind as a view shows it: "indirect", or "indirect (belief)" for a belief."""
    return quote.kind if quote.cue_type == "speech" else f"{quote.kind} ({quote.cue_type})"


def speaker_type(quote: Quote) -> SpeakerType:
    """Return who speaks a quotation: a named person, an organisation, an unnamed source, or unresolved."""
    speaker = quote.speaker
    if speaker is None:
        return "unresolved"
    if speaker.person_id is not None:
        return "person"
    if speaker.organization_id is not None:
        return "organization"
    return "unnamed" if speaker.unnamed else "unresolved"


def _quotations(report: Report) -> Iterator[Quote]:
    """Yield each quotation once: the first piece of a quotation split around its cue."""
    groups: set[str] = set()
    for quote in report.quotes:
        if quote.group is not None:
            if quote.group in groups:
                continue
            groups.add(quote.group)
        yield quote


def _gender_key(gender: Gender | None) -> GenderKey:
    return gender if gender is not None else "unknown"


@dataclass(slots=True)
class _Source:
    """A source met in one or more documents, keyed by its name."""

    name: str
    quotes: int = 0
    documents: int = 0
    mentions: int = 0
    genders: set[Gender | None] = field(default_factory=set)

    def met(self, mentions: int) -> _Source:
        self.documents += 1
        self.mentions += mentions
        return self

    def rank(self) -> tuple[int, int, int, str]:
        return -self.quotes, -self.documents, -self.mentions, self.name.casefold()

    def top(self, with_gender: bool) -> TopSource:
        gender = next(iter(self.genders)) if with_gender and len(self.genders) == 1 else None
        return TopSource(self.name, self.quotes, self.documents, self.mentions, gender)


@dataclass(slots=True)
class _Tally:
    """Running counts of one scope; ``counts`` gives the frozen result."""

    documents: int = 0
    quotes: int = 0
    by_speaker: Counter[SpeakerType] = field(default_factory=Counter)
    by_gender: Counter[GenderKey] = field(default_factory=Counter)
    people: dict[str, _Source] = field(default_factory=dict)
    orgs: dict[str, _Source] = field(default_factory=dict)

    def add(self, report: Report) -> None:
        self.documents += 1
        people = {p.id: p for p in report.people}
        orgs = {o.id: o for o in report.organizations}
        for person in people.values():
            source = self.people.setdefault(person.name.casefold(), _Source(person.name))
            source.met(len(person.mentions)).genders.add(person.gender)
        for org in orgs.values():
            self.orgs.setdefault(org.name.casefold(), _Source(org.name)).met(len(org.mentions))
        for quote in _quotations(report):
            self.quotes += 1
            kind = speaker_type(quote)
            self.by_speaker[kind] += 1
            speaker = quote.speaker
            if kind == "person" and speaker is not None and speaker.person_id in people:
                person = people[speaker.person_id]
                self.by_gender[_gender_key(person.gender)] += 1
                self.people[person.name.casefold()].quotes += 1
            elif kind == "person":
                self.by_gender["unknown"] += 1
            elif kind == "organization" and speaker is not None and speaker.organization_id in orgs:
                self.orgs[orgs[speaker.organization_id].name.casefold()].quotes += 1

    def counts(self, scope: str, top: int) -> SourceCounts:
        quoted = [s for s in self.people.values() if s.quotes]
        people_quoted = Counter(_gender_key(s.top(with_gender=True).gender) for s in quoted)
        speakers = sorted(quoted, key=_Source.rank)
        orgs = sorted(self.orgs.values(), key=_Source.rank)
        return SourceCounts(
            scope=scope,
            documents=self.documents,
            quotes=self.quotes,
            by_speaker={k: self.by_speaker[k] for k in ("person", "organization", "unnamed", "unresolved")},
            by_gender={k: self.by_gender[k] for k in ("female", "male", "unknown")},
            people_quoted={k: people_quoted[k] for k in ("female", "male", "unknown")},
            top_speakers=tuple(s.top(with_gender=True) for s in speakers[:top]),
            top_organizations=tuple(s.top(with_gender=False) for s in orgs[:top]),
        )


def _scope(report: Report, position: int) -> str:
    return report.id if report.id is not None else f"#{position}"


def document_stats(report: Report, *, top: int = DEFAULT_TOP, scope: str | None = None) -> SourceCounts:
    """Return the counts of one report (``scope`` defaults to its id, else ``#1``)."""
    tally = _Tally()
    tally.add(report)
    return tally.counts(scope if scope is not None else _scope(report, 1), top)


def corpus_stats(
    reports: Iterable[Report], *, top: int = DEFAULT_TOP, per_document: bool = False
) -> SourceStats:
    """Return the counts of a corpus of reports, and of each report when ``per_document``.

    Args:
        reports: the reports, read once (a generator is fine: memory grows with the number of
            distinct sources, not of documents, unless ``per_document``).
        top: how many top speakers and organisations to list.
        per_document: also count each document on its own (scope: its id, else ``#<position>``).

    """
    corpus = _Tally()
    documents = []
    for position, report in enumerate(reports, 1):
        corpus.add(report)
        if per_document:
            documents.append(document_stats(report, top=top, scope=_scope(report, position)))
    return SourceStats(corpus.counts(CORPUS, top), tuple(documents))


# ---- output ------------------------------------------------------------------------------------

_SPEAKER_HEADS: Final = {
    "person": "person",
    "organization": "org",
    "unnamed": "unnamed",
    "unresolved": "unresolved",
}


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Return the rows as lines of aligned columns (numbers right-aligned)."""
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(widths[c]) if c in right else cell.ljust(widths[c]) for c, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _count_row(counts: SourceCounts) -> list[str]:
    numbers = [
        counts.documents,
        counts.quotes,
        *counts.by_speaker.values(),
        *counts.by_gender.values(),
        *counts.people_quoted.values(),
    ]
    return [counts.scope, *(str(n) for n in numbers)]


def _top_lines(title: str, sources: tuple[TopSource, ...], with_gender: bool) -> list[str]:
    if not sources:
        return [f"{title}: none"]
    head = ["#", "name", "quotes", "docs", "mentions", *(["gender"] if with_gender else [])]
    rows = [
        [
            str(n),
            s.name,
            str(s.quotes),
            str(s.documents),
            str(s.mentions),
            *([s.gender or "unknown"] if with_gender else []),
        ]
        for n, s in enumerate(sources, 1)
    ]
    return [f"{title}:", *("  " + line for line in _table([head, *rows], {0, 2, 3, 4}))]


def stats_text(stats: SourceStats) -> str:
    """Return the statistics as text tables: counts per scope, then top speakers and organisations.

    Count columns: documents; quotations; quotations by speaker type (person, org, unnamed,
    unresolved); quotations by named people by gender (q_female, q_male, q_unknown); people quoted
    by gender (p_female, p_male, p_unknown).
    """
    head = [
        "scope",
        "docs",
        "quotes",
        *_SPEAKER_HEADS.values(),
        *(f"q_{g}" for g in ("female", "male", "unknown")),
        *(f"p_{g}" for g in ("female", "male", "unknown")),
    ]
    rows = [head, *(_count_row(d) for d in stats.documents), _count_row(stats.corpus)]
    lines = _table(rows, set(range(1, len(head))))
    corpus = stats.corpus
    lines += ["", *_top_lines("Top speakers", corpus.top_speakers, with_gender=True)]
    lines += ["", *_top_lines("Top organisations", corpus.top_organizations, with_gender=False)]
    return "\n".join(lines)


def stats_json(stats: SourceStats) -> str:
    """Return the statistics as JSON: ``{"corpus": {...}, "documents": [...]}``."""
    return json.dumps(dataclasses.asdict(stats), indent=2, ensure_ascii=False)


def _csv_rows(counts: SourceCounts) -> Iterator[tuple[str, str, str, int]]:
    yield counts.scope, "documents", "", counts.documents
    yield counts.scope, "quotes", "", counts.quotes
    for measure, values in (
        ("speaker_type", counts.by_speaker),
        ("quotes_by_gender", counts.by_gender),
        ("people_quoted_by_gender", counts.people_quoted),
    ):
        for key, value in values.items():
            yield counts.scope, measure, key, value
    for source in counts.top_speakers:
        yield counts.scope, "top_speaker", source.name, source.quotes
    for source in counts.top_organizations:
        yield counts.scope, "top_organization", source.name, source.quotes


def stats_csv(stats: SourceStats) -> str:
    """Return the statistics as a long CSV table: ``scope,measure,key,value`` (one count a row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("scope", "measure", "key", "value"))
    for counts in (*stats.documents, stats.corpus):
        writer.writerows(_csv_rows(counts))
    return out.getvalue()


def format_stats(stats: SourceStats, fmt: StatsFormat | str = StatsFormat.text) -> str:
    """Return the statistics in one of the ``StatsFormat`` outputs."""
    writer = {StatsFormat.text: stats_text, StatsFormat.json: stats_json, StatsFormat.csv: stats_csv}
    return writer[StatsFormat(fmt)](stats)
