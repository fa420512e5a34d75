"""Render a report for people to read: Markdown (terminal, notes) here; HTML in ``html.py``.

``render()`` and its command ``render_cli`` (``quotemine render PATH --html OUT.html``) run the
extraction and write either view.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quotemine.schema import Person, Report, Speaker

logger = logging.getLogger(__name__)

__all__ = ["RenderFormat", "render", "render_cli", "to_markdown"]


def _cell(value: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(value.split()).replace("|", "\\|")


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
        lines += [
            "## Who said what",
            "",
            "| speaker | role | affiliation | kind | quote |",
            "|---|---|---|---|---|",
        ]
        for q in report.quotes:
            person = people.get(q.speaker.person_id or "") if q.speaker else None
            role = "; ".join(_cell(r.text) for r in person.roles) if person else ""
            aff = "; ".join(_cell(orgs.get(a, a)) for a in person.affiliations) if person else ""
            lines.append(f"| {_speaker(q.speaker, people)} | {role} | {aff} | {q.kind} | {_cell(q.text)} |")
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


class RenderFormat(StrEnum):
    """Views ``quotemine render`` can print."""

    html = "html"
    markdown = "markdown"


def render(
    text: str,
    *,
    published: date | str | None = None,
    fmt: RenderFormat | str = RenderFormat.html,
    model: str | None = None,
    doc_id: str | None = None,
) -> str:
    """Extract the report of ``text`` and return it as a standalone HTML page or as Markdown.

    Args:
        text: the article, plain text.
        published: its publication date, the anchor of relative dates.
        fmt: ``"html"`` (a whole page, see ``quotemine.html.to_html``) or ``"markdown"``.
        model: a spaCy pipeline package name; defaults to ``quotemine.DEFAULT_MODEL``.
        doc_id: an id to carry into the report.

    Raises:
        InputError: ``text`` or ``published`` is unusable, or ``fmt`` is unknown.
        ModelNotFoundError: the model is not installed.

    >>> page = render("Analysts said the plan would fail.", published="2003-01-10")
    >>> page.startswith("<!DOCTYPE html>") and 'data-speaker="unnamed"' in page
    True

    """
    from quotemine.api import DEFAULT_MODEL, Extractor
    from quotemine.errors import InputError
    from quotemine.html import to_html

    try:
        view = RenderFormat(fmt)
    except ValueError as exc:
        raise InputError(f"format must be html or markdown, not {fmt!r}") from exc
    report = Extractor(model or DEFAULT_MODEL).extract(text, published=published, doc_id=doc_id)
    return to_markdown(report) if view is RenderFormat.markdown else to_html(report, text)


def render_cli(
    path: Annotated[str, typer.Argument(help="text file to read; - reads standard input")],
    html_out: Annotated[Path | None, typer.Option("--html", help="write the HTML page to this file")] = None,
    published: Annotated[
        str | None, typer.Option("--published", "-p", help="publication date, YYYY-MM-DD")
    ] = None,
    fmt: Annotated[
        RenderFormat | None,
        typer.Option("--format", "-f", help="print this view (default: html when --html is not given)"),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="installed spaCy English pipeline")
    ] = None,
) -> None:
    """Show the report of an article: a highlighted HTML page (--html OUT.html) or a Markdown summary."""
    from quotemine.cli import _fail, published_option, read_input
    from quotemine.errors import QuotemineError
    from quotemine.html import to_html

    when = published_option(published)
    try:
        from quotemine.api import DEFAULT_MODEL, Extractor

        doc_id, text = read_input(path)
        report = Extractor(model or DEFAULT_MODEL).extract(text, published=when, doc_id=doc_id)
    except QuotemineError as err:
        raise _fail(str(err)) from err
    if html_out is not None:
        try:
            html_out.write_text(to_html(report, text), encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot write {html_out}: {exc.strerror or exc}") from exc
        typer.echo(f"wrote {html_out}", err=True)
    if fmt is RenderFormat.markdown:
        typer.echo(to_markdown(report))
    elif fmt is RenderFormat.html or html_out is None:
        typer.echo(to_html(report, text), nl=False)
