"""Run the chunks of one long text through the pipeline one at a time, so memory stays bounded.

spaCy's parser needs memory in proportion to the length of what it is given at once: a batch of
all the chunks of a 2 MB text peaks near 6 GB. ``parse_chunks`` gives the pipeline one chunk at a
time and, when no ``Doc`` is to be kept, opens a memory zone per chunk, so the chunk's ``Doc``
and the strings it added to the vocabulary are freed before the next chunk is parsed.
``ChunkedText`` turns each chunk's ``Doc`` into a report as soon as it is parsed and merges it
into the whole text's report (``merge.ReportMerger``). Peak memory is then that of one chunk plus
the merged report, whatever the length of the text.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from quotemine.merge import ReportMerger
from quotemine.report import build_report
from quotemine.schema import Report

__all__ = ["ChunkedText", "parse_chunks"]


def parse_chunks(
    nlp: Language, chunks: Sequence[tuple[int, str]], published: str | None, *, free: bool
) -> Iterator[tuple[int, Doc]]:
    """Parse ``(offset, chunk)`` pieces one at a time and yield ``(offset, doc)`` per chunk.

    Args:
        nlp: the pipeline.
        chunks: the pieces of one text, as ``text.chunks.split_chunks`` gives them.
        published: the text's publication date (ISO), set on every chunk's ``Doc``.
        free: parse each chunk inside its own ``nlp.memory_zone()``: the ``Doc`` yielded is then
            valid only until the next one is asked for. Must not be used inside another memory
            zone (spaCy's zones do not nest).

    Yields:
        ``(offset, doc)`` per chunk, in text order.

    """
    for offset, chunk in chunks:
        with nlp.memory_zone() if free else contextlib.nullcontext():
            doc = nlp.make_doc(chunk)
            doc._.qm_published = published
            # nlp.pipe, not nlp(doc): the same code path, error handler included, as short texts.
            yield offset, next(iter(nlp.pipe([doc], batch_size=1)))
            del doc


@dataclass(slots=True)
class ChunkedText:
    """The report of one long text, built chunk by chunk.

    Args:
        text: the caller's whole text (the chunks are cut from a cleaned copy of the same length).
        base: a report with the whole text's document, metadata and warnings, and no items.
        keep_docs: keep every chunk's ``Doc`` (for ``Extractor.pipe_docs``) instead of freeing it.

    """

    text: str
    base: Report
    keep_docs: bool = False
    docs: list[Doc] = field(default_factory=list)
    _merger: ReportMerger = field(init=False)

    def __post_init__(self) -> None:
        self._merger = ReportMerger(self.base)

    def run(self, nlp: Language, chunks: Sequence[tuple[int, str]], published: str | None) -> Report:
        """Parse the chunks one by one, merge each chunk's report, and return the whole report."""
        for offset, doc in parse_chunks(nlp, chunks, published, free=not self.keep_docs):
            self._merger.add(offset, build_report(doc, text=self.text[offset : offset + len(doc.text)]))
            if self.keep_docs:
                self.docs.append(doc)
            del doc  # no reference left when the next chunk is asked for and its zone closes
        return self._merger.result()

    def joined_doc(self, published: str | None) -> Doc | None:
        """Return one ``Doc`` joined from the kept chunk Docs (``keep_docs``), or ``None``."""
        if not self.docs:
            return None
        if len(self.docs) == 1:
            return self.docs[0]
        from quotemine.pipeline.records import set_published  # see report.build_report: keeps imports cheap

        with warnings.catch_warnings():
            # W101: the chunks' doc._ values are not joined (they hold offsets into each chunk).
            warnings.filterwarnings("ignore", message=r"\[W101\]")
            doc = Doc.from_docs(self.docs, ensure_whitespace=False)
        set_published(doc, published)
        return doc
