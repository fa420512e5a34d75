"""``quotemine render``: the highlighted HTML page or the Markdown summary of one article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quotemine.api import DEFAULT_MODEL, Extractor
from quotemine.cli._common import (
    PublishedOption,
    check_output_file,
    choice_option,
    echo_output,
    fail,
    published_option,
    read_input,
)
from quotemine.cli.extract import is_page
from quotemine.errors import QuotemineError
from quotemine.views import RenderFormat, to_html, to_markdown

__all__ = ["render_cli"]


def render_cli(
    path: Annotated[
        str,
        typer.Argument(
            help="text file or saved web page (its article: the web extra); - reads standard input"
        ),
    ],
    html_out: Annotated[Path | None, typer.Option("--html", help="write the HTML page to this file")] = None,
    published: PublishedOption = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="[html|markdown]",
            help="print this view (default: html when --html is not given)",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="installed spaCy English pipeline")
    ] = None,
) -> None:
    """Show the report of an article: a highlighted HTML page (--html OUT.html) or a Markdown summary."""
    view = None if fmt is None else choice_option(fmt, RenderFormat, "--format")
    when = published_option(published)
    if html_out is not None:
        check_output_file(html_out, "--html")  # before the extraction, not after it
    try:
        doc_id, text = read_input(path)
        extractor = Extractor(model or DEFAULT_MODEL)
        if is_page(path, text):  # a saved web page shows its article, as extract reads it
            report = extractor.extract_html(text, published=when, doc_id=doc_id)
            text = report.document.text or text
        else:
            report = extractor.extract(text, published=when, doc_id=doc_id)
    except QuotemineError as err:
        raise fail(str(err)) from err
    if html_out is not None:
        try:
            html_out.write_text(to_html(report, text), encoding="utf-8")
        except OSError as exc:
            raise fail(f"cannot write {html_out}: {exc.strerror or exc}") from exc
        typer.echo(f"wrote {html_out}", err=True)
    if view is RenderFormat.markdown:
        echo_output(to_markdown(report))
    elif view is RenderFormat.html or html_out is None:
        echo_output(to_html(report, text), nl=False)
