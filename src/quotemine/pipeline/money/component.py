"""Money: amounts with ISO 4217 currencies, hedges, ranges and rates (the ``quotemine_money`` stage).

``MoneyParser`` finds money mentions with compiled patterns over the text (the English NER misses
lower-cased or unusual forms such as ``"$ 247 million"`` or ``"more than 50 million dollars"``) and
reads each into a decimal amount, a currency code (ISO 4217, from the ``iso4217`` package plus the
``money_lexicon.json`` data file), a qualifier, a range upper bound and a per-period rate. A bare figure
takes the currency of a money mention in the same sentence when the text compares the two (``"compared
to a total of 580 million"``) or when the NER calls it ``MONEY``. Weights in pounds are left out.

The steps: windows around digits and currency words, :mod:`~quotemine.pipeline.money.scan` (five
passes), then :mod:`~quotemine.pipeline.money.refine` (select, weights, ranges, qualifiers and
rates, inherited currencies). Writes ``doc._.qm_money`` (``MoneyRecord``s, through
:mod:`quotemine.pipeline.records`) and ``doc.spans["qm_money"]``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import numpy
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc

from quotemine.extensions import doc_text
from quotemine.pipeline.handlers import ErrorHandler
from quotemine.pipeline.money import amounts as am
from quotemine.pipeline.money.currency import LEXICON_FILE, build_lexicon, iso_rows, load_lexicon_data
from quotemine.pipeline.money.patterns import HOT, MoneyPatterns
from quotemine.pipeline.money.refine import Refiner, select
from quotemine.pipeline.money.scan import MoneyCandidate, Scanner
from quotemine.pipeline.records import MoneyRecord, add_warning, set_money

__all__ = ["MoneyParser", "degrade"]

logger = logging.getLogger(__name__)

_WINDOW: Final = 60
#: Whether a code point is one of ``HOT``'s characters (digits and currency symbols): its class,
#: "0-9" spelt out, as a table indexed by code point.
_HOT_CODES: Final = numpy.zeros(0x110000, dtype=bool)
_HOT_CODES[
    [ord(c) for c in HOT.pattern.removeprefix("[").removesuffix("]+").replace("0-9", "0123456789")]
] = True
_SPACE: Final = ord(" ")
_DEFAULT_SPANS_KEY: Final = "qm_money"


def degrade(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> None:
    """Leave each document with no money and a warning: ``MoneyParser``'s default error handler.

    Args:
        proc_name: The component's name in the pipeline.
        proc: The component.
        docs: The documents it failed on.
        e: The exception.

    """
    spans_key = getattr(proc, "spans_key", _DEFAULT_SPANS_KEY)
    for doc in docs:
        logger.debug("money stage failed on a %d-char doc: %s", len(doc_text(doc)), e)
        add_warning(doc, f"money: skipped ({type(e).__name__})")
        set_money(doc, [])
        doc.spans[spans_key] = []


class MoneyParser(Pipe):
    """Read money mentions into amount, ISO 4217 currency, qualifier, range and period.

    Writes ``doc._.qm_money`` (``MoneyRecord``s with ``start``, ``end``, ``amount`` (decimal string),
    ``amount_max``, ``currency``, ``qualifier``, ``period``, ``per``) and ``doc.spans[spans_key]``. A document
    the stage fails on is handed to the error handler (spaCy's ``set_error_handler``); the default
    one (``degrade``) leaves it with no money and a warning.

    >>> nlp.add_pipe("quotemine_money")  # doctest: +SKIP
    """

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str = _DEFAULT_SPANS_KEY, inherit_currency: bool = True
    ) -> None:
        """Build the parser and compile its patterns.

        Args:
            nlp: The pipeline the component belongs to.
            name: The component name.
            spans_key: The ``doc.spans`` key to write.
            inherit_currency: Let bare figures take the currency of a compared money mention.

        """
        self.name = name
        self.spans_key = spans_key
        self.inherit_currency = inherit_currency
        self.error_handler: ErrorHandler = degrade
        self._set_data(load_lexicon_data())

    def _set_data(self, data: Mapping[str, Any]) -> None:
        self.data = dict(data)
        self.lex = build_lexicon(self.data, iso_rows())
        patterns = MoneyPatterns.load(self.lex, self.data)
        self._scanner = Scanner(self.lex, patterns)
        self._refiner = Refiner(self.lex, patterns)
        hot_words = {w for n in self.lex.names for w in n.split()} | set(self.lex.subunits)
        self._hot_hashes = numpy.array(sorted(get_string_id(w) for w in hot_words), dtype="uint64")

    # ------------------------------------------------------------------ running
    def __call__(self, doc: Doc) -> Doc:
        """Find and normalise the money mentions of ``doc``.

        Args:
            doc: A parsed document (NER and sentences help; neither is required).

        Returns:
            The same document with ``doc._.qm_money`` and ``doc.spans[spans_key]`` set (by the error
            handler when the stage fails on it).

        """
        try:
            self._write(doc, self._find(doc))
        except Exception as exc:  # spaCy's convention: the pipe's error handler decides
            self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def _write(self, doc: Doc, cands: list[MoneyCandidate]) -> None:
        set_money(doc, [_record(c) for c in cands])
        spans = [doc.char_span(c.start, c.end, label="MONEY", alignment_mode="expand") for c in cands]
        doc.spans[self.spans_key] = [s for s in spans if s is not None]

    def _find(self, doc: Doc) -> list[MoneyCandidate]:
        text = doc_text(doc)
        windows = self._windows(doc, text)
        if not windows:
            return []
        context = self._scanner.context(text)
        found = [c for lo, hi in windows for c in self._scanner.scan(text, lo, hi, context)]
        chosen = select(found)
        ents = tuple(doc.ents) if chosen else ()
        refiner = self._refiner
        chosen = [c for c in chosen if not (c.is_pound and refiner.is_weight(doc, text, c, ents))]
        chosen = refiner.join_ranges(text, chosen)
        chosen = select([refiner.finish(text, refiner.dollar_country(text, c)) for c in chosen])
        if self.inherit_currency:
            chosen = refiner.inherit(doc, text, chosen, windows, ents)
        return sorted(chosen, key=lambda c: c.start)

    def _windows(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Return merged character windows around digits, currency symbols and currency words.

        Each hot position ``p`` opens the window from the word start at or before ``p - 60`` to the
        first space from ``p + 60`` on; windows that touch merge. Computed on arrays of the text's
        code points: no Python loop over the hot positions.
        """
        codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        hot = _HOT_CODES[codes]
        # the start of each run of hot characters, as HOT.finditer gives them
        runs = numpy.flatnonzero(hot & ~numpy.concatenate(([False], hot[:-1])))
        if len(doc) and len(self._hot_hashes):
            arr = doc.to_array(["LOWER", "IDX"])
            at = numpy.searchsorted(self._hot_hashes, arr[:, 0])
            words = self._hot_hashes[numpy.minimum(at, len(self._hot_hashes) - 1)] == arr[:, 0]
            runs = numpy.concatenate((runs, arr[words, 1].astype(numpy.int64)))
        if not len(runs):
            return []
        pos = numpy.sort(runs)
        spaces = numpy.flatnonzero(codes == _SPACE)
        # text.find(" ", p + 60), or the text's end
        after = numpy.searchsorted(spaces, pos + _WINDOW)
        ends = numpy.append(spaces, len(text))[after]
        # text.rfind(" ", 0, max(0, p - 60)) + 1
        before = numpy.searchsorted(spaces, numpy.maximum(0, pos - _WINDOW)) - 1
        starts = numpy.where(before >= 0, numpy.append(spaces, 0)[before] + 1, 0)
        # a window opens where a position is farther than 60 from the previous window's end
        opens = numpy.flatnonzero(numpy.concatenate(([True], pos[1:] - _WINDOW > ends[:-1])))
        closes = numpy.append(opens[1:], len(pos)) - 1
        return list(zip(starts[opens].tolist(), ends[closes].tolist(), strict=True))

    # -------------------------------------------------------------- serialising
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the currency lexicon (``money_lexicon.json``) to the directory ``path``.

        Args:
            path: A directory (created if missing).
            exclude: Unused; kept for spaCy's serialisation API.

        """
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / LEXICON_FILE).write_text(json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> MoneyParser:
        """Read the currency lexicon from ``path``.

        Args:
            path: A directory written by :meth:`to_disk`.
            exclude: Unused; kept for spaCy's serialisation API.

        Returns:
            The component itself.

        """
        self._set_data(json.loads((Path(path) / LEXICON_FILE).read_text(encoding="utf-8")))
        return self


def _record(c: MoneyCandidate) -> MoneyRecord:
    return MoneyRecord(
        start=c.start,
        end=c.end,
        amount=am.format_amount(c.amount),
        amount_max=None if c.amount_max is None else am.format_amount(c.amount_max),
        currency=c.currency,
        qualifier=c.qualifier,
        period=c.period,
        per=c.per,
    )
