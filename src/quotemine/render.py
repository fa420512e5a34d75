"""Render a report for people to read: Markdown (terminal, notes) here; HTML in ``html.py``."""

from __future__ import annotations

from quotemine.schema import Person, Report, Speaker

__all__ = ["to_markdown"]


def _cell(value: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(value.split()).replace("|", "\\|")


def to_markdown(report: Report) -> str:
    """Return a readable Markdown summary of a report: people, who said what, dates and money.

    >>> from quotemine.schema import Document, Report
    >>> print(to_markdown(Report(quotemine_version="0", model="m", document=Document(char_count=0))))
    # Report
    <BLANKLINE>
    _No people, quotes, dates or money found._
    """
    people = {p.id: p for p in report.people}
    orgs = {o.id: o.name for o in report.organizations}
    title = report.document.title.text if report.document.title else "Report"
    lines = [f"# {_cell(title)}", ""]
    facts = []
    if report.document.published:
        facts.append(f"Published: {report.document.published}")
    if report.document.authors:
        facts.append("By: " + ", ".join(a.text for a in report.document.authors))
    if facts:
        lines += [" · ".join(facts), ""]
    if report.people:
        lines += ["## People", "", "| id | name | roles | affiliations | mentions |", "|---|---|---|---|---|"]
        for p in report.people:
            roles = "; ".join(_cell(r.text) for r in p.roles)
            affs = "; ".join(_cell(orgs.get(a, a)) for a in p.affiliations)
            lines.append(f"| {p.id} | {_cell(p.name)} | {roles} | {affs} | {len(p.mentions)} |")
        lines.append("")
    if report.organizations:
        lines += ["## Organisations", ""]
        lines += [f"- {o.id}: {_cell(o.name)} ({len(o.mentions)} mentions)" for o in report.organizations]
        lines.append("")
    if report.quotes:
        lines += ["## Who said what", "", "| speaker | kind | quote |", "|---|---|---|"]
        for q in report.quotes:
            lines.append(f"| {_speaker(q.speaker, people)} | {q.kind} | {_cell(q.text)} |")
        lines.append("")
    if report.dates:
        lines += ["## Dates", "", "| text | value | modifier |", "|---|---|---|"]
        for d in report.dates:
            lines.append(f"| {_cell(d.text)} | {d.value or d.type} | {d.modifier or ''} |")
        lines.append("")
    if report.money:
        lines += ["## Money", "", "| text | amount | currency | qualifier |", "|---|---|---|---|"]
        for m in report.money:
            amount = f"{m.amount:,.2f}".rstrip("0").rstrip(".")
            if m.amount_max is not None:
                amount += " – " + f"{m.amount_max:,.2f}".rstrip("0").rstrip(".")
            lines.append(f"| {_cell(m.text)} | {amount} | {m.currency or ''} | {m.qualifier or ''} |")
        lines.append("")
    if not (report.people or report.quotes or report.dates or report.money):
        lines += ["_No people, quotes, dates or money found._"]
    if report.warnings:
        lines += ["", "## Warnings", "", *(f"- {w}" for w in report.warnings)]
    return "\n".join(lines).rstrip() + "\n"


def _speaker(speaker: Speaker | None, people: dict[str, Person]) -> str:
    if speaker is None:
        return "_unknown_"
    if speaker.person_id and speaker.person_id in people:
        return _cell(people[speaker.person_id].name)
    return _cell(speaker.text) + (" (unnamed)" if speaker.unnamed else "")
