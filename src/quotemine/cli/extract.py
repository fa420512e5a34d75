"""``quotemine extract``: the report of each article, as JSON, JSON Lines or Markdown; ``--explain``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from spacy.tokens import Doc

from quotemine.api import DEFAULT_MODEL, Article, Extractor, Page
from quotemine.cli._common import (
    EXIT_RUNTIME,
    HtmlOption,
    PublishedOption,
    choice_option,
    configure_logging,
    echo_output,
    fail,
    input_id,
    published_option,
    read_input,
    usage_error,
)
from quotemine.errors import PipelineError, QuotemineError
from quotemine.pipeline.records import EntityReasonRecord, get_entity_reasons
from quotemine.schema import Failure, Report
from quotemine.text.article import PAGE_SUFFIXES, HtmlMode, require_trafilatura
from quotemine.text.html_mask import looks_like_html
from quotemine.views import to_markdown

logger = logging.getLogger(__name__)

__all__ = ["OutputFormat", "entity_reasons", "extract_cli", "extract_results"]


_EXPLAIN_CONFIG: Mapping[str, Mapping[str, object]] = {"quotemine_entities": {"explain": True}}


class OutputFormat(StrEnum):
    """Output formats of ``quotemine extract``."""

    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


def is_page(path: str, text: str) -> bool:
    """Tell whether an input is a web page: an .html/.htm file, or standard input that holds HTML."""
    return path.lower().endswith(PAGE_SUFFIXES) or (path == "-" and looks_like_html(text))


def extract_results(
    paths: Sequence[str],
    *,
    published: date | None = None,
    model: str = DEFAULT_MODEL,
    html: HtmlMode | str = HtmlMode.article,
) -> Iterator[Report | Failure]:
    """Yield the report of each input file (``-``: standard input), or its error record, in order.

    A file that cannot be read gives a ``Failure`` (as ``quotemine batch`` writes them) and the
    others are still processed. The model is loaded only when some file could be read.

    Args:
        paths: text files, ``-`` for standard input; each one's id is its file name.
        published: the publication date of every article.
        model: the spaCy pipeline package to load.
        html: how a web page (``is_page``) is read: ``"article"`` (its article taken out, see
            ``Extractor.extract_html``) or ``"mask"`` (markup as spaces, as any text).

    Raises:
        QuotemineError: the model is not installed, or a page is to be read as an article and
            trafilatura is not installed (``MissingExtraError``, before the model is loaded).

    """
    inputs: list[Failure | Article | Page] = []
    for index, path in enumerate(paths):
        try:
            doc_id, text = read_input(path)
        except QuotemineError as exc:
            inputs.append(Failure(id=input_id(path), index=index, error=type(exc).__name__, reason=str(exc)))
        else:
            if HtmlMode(html) is HtmlMode.article and is_page(path, text):
                inputs.append(Page(html=text, id=doc_id, published=published))
            else:
                inputs.append(Article(text=text, id=doc_id, published=published))
    readable = [item for item in inputs if not isinstance(item, Failure)]
    if any(isinstance(item, Page) for item in readable):
        require_trafilatura()
    results = Extractor(model).pipe(readable) if readable else iter(())
    for index, item in enumerate(inputs):
        result = item if isinstance(item, Failure) else next(results)
        yield result.model_copy(update={"index": index}) if isinstance(result, Failure) else result


def _show(result: Report | Failure, fmt: OutputFormat, pretty: bool) -> None:
    if isinstance(result, Failure):
        typer.echo(f"error: {result.reason}", err=True)
        if fmt is OutputFormat.markdown:
            return
    elif fmt is OutputFormat.markdown:
        echo_output(to_markdown(result))
        return
    echo_output(result.model_dump_json(indent=2 if pretty else None))


def entity_reasons(doc: Doc) -> list[EntityReasonRecord]:
    """Return the entity decisions ``quotemine_entities`` left on ``doc`` when built with ``explain``.

    Each record is ``{"start", "end", "text", "label", "reasons"}``, offsets into ``doc.text``.
    """
    return get_entity_reasons(doc)


def explain_article(
    path: str,
    *,
    published: date | None = None,
    model: str = DEFAULT_MODEL,
    html: HtmlMode | str = HtmlMode.article,
) -> None:
    """Print the entity decisions of one article as JSON lines; errors end the command (status 1).

    A web page read as its article (``html="article"``) gives offsets into its analysed text.
    """
    try:
        doc_id, text = read_input(path)
        item: Article | Page = Article(text=text, id=doc_id, published=published)
        if HtmlMode(html) is HtmlMode.article and is_page(path, text):
            require_trafilatura()
            item = Page(html=text, id=doc_id, published=published)
        extractor = Extractor(model, chunk_chars=10**9, config=_EXPLAIN_CONFIG)
        if len(text) > extractor.chunk_chars:
            raise PipelineError(f"--explain reads articles of up to {extractor.chunk_chars:,} characters")
        doc, result = next(extractor.pipe_docs([item]))
        if isinstance(result, Failure):
            raise PipelineError(result.reason)
        reasons = entity_reasons(doc)
    except QuotemineError as err:
        raise fail(f"--explain: {err}") from err
    for record in reasons:
        typer.echo(json.dumps(record, ensure_ascii=False, default=str))


def extract_cli(
    paths: Annotated[
        list[str],
        typer.Argument(help="text files or saved web pages (.html) to read; - reads standard input"),
    ],
    published: PublishedOption = None,
    html: HtmlOption = HtmlMode.article.value,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="[json|jsonl|markdown]",
            help="json: one indented document for one file, one line per file for several (JSON Lines); "
            "jsonl: always one line per file; markdown: a readable summary",
        ),
    ] = OutputFormat.json.value,
    model: Annotated[
        str, typer.Option("--model", "-m", help="installed spaCy English pipeline")
    ] = DEFAULT_MODEL,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="print the entity decisions of one article (JSON lines) instead"),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what quotemine decides")] = False,
) -> None:
    """Print the report of each article: people, quotes with speakers, dates and money.

    An unreadable file gives an error record line and a line on stderr; the others go on (exit 1).
    A saved web page (.html, .htm, or HTML on standard input) is read as its article by default
    (--html article: the report carries that text as document.text); a page with no article
    text gives an error record (ArticleNotFoundError).
    """
    configure_logging(verbose)
    view = choice_option(fmt, OutputFormat, "--format")
    how = choice_option(html, HtmlMode, "--html")
    when = published_option(published)
    if explain:
        if len(paths) != 1:
            raise usage_error("--explain reads one article: give one file")
        explain_article(paths[0], published=when, model=model, html=how)
        return
    failed = False
    try:
        for result in extract_results(paths, published=when, model=model, html=how):
            failed = failed or isinstance(result, Failure)
            _show(result, view, pretty=view is OutputFormat.json and len(paths) == 1)
    except QuotemineError as err:
        raise fail(str(err)) from err
    if failed:
        raise typer.Exit(EXIT_RUNTIME)
