"""Render a report as Markdown for people to read (terminal, notes); the HTML view is ``html.py``.

Every piece of the article's text is escaped: raw HTML (``<script>``) is shown as text, not passed
to the page a Markdown renderer makes, and link syntax and ``javascript:`` URLs are neutralised.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from quotemine.schema import DateMention, Person, Report, Speaker
from quotemine.views.stats import quote_kind

logger = logging.getLogger(__name__)

__all__ = ["to_markdown"]


_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;", "|": "\\|", "[": "\\[", "]": "\\]", "`": "\\`"})
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&lt;" would show as "<": write its "&" as "&amp;"
_SCRIPT_SCHEME = re.compile(r"\b(javascript|vbscript|data)(\s*):", re.IGNORECASE)


def _cell(value: str) -> str:
    r"""Make text from the article safe in Markdown: one line, no HTML, links or table breaks.

    >>> _cell('<script>x</script> [go](javascript:alert(1)) | AT&T')
    '&lt;script&gt;x&lt;/script&gt; \\[go\\](javascript&#58;alert(1)) \\| AT&T'
    """
    flat = _ENTITY.sub("&amp;", " ".join(value.split())).translate(_MARKUP)
    return _SCRIPT_SCHEME.sub(r"\1\2&#58;", flat)


def to_markdown(report: Report) -> str:
    """Return a readable Markdown summary of a report: people, who said what, dates and money.

    >>> from quotemine.schema import Document, Report
    >>> print(to_markdown(Report(quotemine_version="0", model="m", document=Document(char_count=0))), end="")
    # Report
    <BLANKLINE>
    _No people, quotes, dates or money found._
    """
    people = {p.id: p for p in report.people}
    orgs = {o.id: o.name for o in report.organizations}
    lines = _head(report)
    lines += _people(report, orgs)
    lines += _organizations(report)
    lines += _quotes(report, people, orgs)
    lines += _dates(report)
    lines += _money(report)
    if not (report.people or report.quotes or report.dates or report.money):
        lines += ["_No people, quotes, dates or money found._"]
    if report.warnings:
        lines += ["", "## Warnings", "", *(f"- {_cell(w)}" for w in report.warnings)]
    return "\n".join(lines).rstrip() + "\n"


def _head(report: Report) -> list[str]:
    """Return the title line and, when known, the publication date and the authors."""
    title = report.document.title.text if report.document.title else "Report"
    lines = [f"# {_cell(title)}", ""]
    facts = []
    if report.document.published:
        facts.append(f"Published: {report.document.published}")
    if report.document.authors:
        facts.append("By: " + ", ".join(_cell(a.text) for a in report.document.authors))
    if facts:
        lines += [" · ".join(facts), ""]
    return lines


def _roles(person: Person | None) -> str:
    return "; ".join(_cell(r.text) for r in person.roles) if person else ""


def _affiliations(person: Person | None, orgs: Mapping[str, str]) -> str:
    return "; ".join(_cell(orgs.get(a, a)) for a in person.affiliations) if person else ""


def _people(report: Report, orgs: Mapping[str, str]) -> list[str]:
    if not report.people:
        return []
    lines = ["## People", "", "| id | name | roles | affiliations | mentions |", "|---|---|---|---|---|"]
    for p in report.people:
        lines.append(
            f"| {p.id} | {_cell(p.name)} | {_roles(p)} | {_affiliations(p, orgs)} | {len(p.mentions)} |"
        )
    return [*lines, ""]


def _organizations(report: Report) -> list[str]:
    if not report.organizations:
        return []
    lines = ["## Organisations", ""]
    lines += [
        f"- {o.id}: {_cell(o.name)} ({len(o.mentions)} mention{'' if len(o.mentions) == 1 else 's'})"
        for o in report.organizations
    ]
    return [*lines, ""]


def _quotes(report: Report, people: Mapping[str, Person], orgs: Mapping[str, str]) -> list[str]:
    if not report.quotes:
        return []
    lines = [
        "## Who said what",
        "",
        "| speaker | role | affiliation | kind | quote |",
        "|---|---|---|---|---|",
    ]
    for q in report.quotes:
        person = people.get(q.speaker.person_id or "") if q.speaker else None
        lines.append(
            f"| {_speaker(q.speaker, people, orgs)} | {_roles(person)} | {_affiliations(person, orgs)} "
            f"| {quote_kind(q)} | {_cell(q.text)} |"
        )
    return [*lines, ""]


def _dates(report: Report) -> list[str]:
    if not report.dates:
        return []
    lines = ["## Dates", "", "| text | value | modifier |", "|---|---|---|"]
    lines += [f"| {_cell(d.text)} | {_date_value(d)} | {_cell(d.modifier or '')} |" for d in report.dates]
    return [*lines, ""]


def _date_value(d: DateMention) -> str:
    """Return a date's value, or why it has none (never its type, which read as a value: "date")."""
    if d.value:
        return _cell(d.value)
    return _cell(f"unresolved ({d.note})" if d.note else "unresolved")


def _amount(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _money(report: Report) -> list[str]:
    if not report.money:
        return []
    lines = ["## Money", "", "| text | amount | currency | qualifier |", "|---|---|---|---|"]
    for m in report.money:
        amount = _amount(m.amount)
        if m.amount_max is not None:
            amount += " – " + _amount(m.amount_max)
        currency, qualifier = _cell(m.currency or ""), _cell(m.qualifier or "")
        lines.append(f"| {_cell(m.text)} | {amount} | {currency} | {qualifier} |")
    return [*lines, ""]


def _speaker(speaker: Speaker | None, people: Mapping[str, Person], orgs: Mapping[str, str]) -> str:
    """Return the name of the person or organisation that speaks, else the speaker's own words."""
    if speaker is None:
        return "_unknown_"
    if speaker.person_id and speaker.person_id in people:
        return _cell(people[speaker.person_id].name)
    if speaker.organization_id and speaker.organization_id in orgs:
        return _cell(orgs[speaker.organization_id])
    return _cell(speaker.text) + (" (unnamed)" if speaker.unnamed else "")
