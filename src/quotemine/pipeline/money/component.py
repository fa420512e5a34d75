"""Money: amounts with ISO 4217 currencies, hedges, ranges and rates (the ``quotemine_money`` stage).

``MoneyParser`` finds money mentions with compiled patterns over the text (the English NER misses
lower-cased or unusual forms such as ``"$ 247 million"`` or ``"more than 50 million dollars"``) and
reads each into a decimal amount, a currency code (ISO 4217, from the ``iso4217`` package plus the
``money_lexicon.json`` data file), a qualifier, a range upper bound and a per-period rate. A bare figure
takes the currency of a money mention in the same sentence when the text compares the two (``"compared
to a total of 580 million"``) or when the NER calls it ``MONEY``. Weights in pounds are left out.

Writes ``doc._.qm_money`` (list of dicts, see ``docs/pipeline.md``) and ``doc.spans["qm_money"]``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from quotemine.extensions import doc_text
from quotemine.pipeline.money import amounts as am

logger = logging.getLogger(__name__)

_LEXICON_FILE = "money_lexicon.json"
_RANGE_GAP_RE = re.compile(r"(?i)^\s*(?:(?:per|an?)\s+[a-z]+\s*)?(?P<gap>-|–|—|to|and)\s*$")
_NUM = r"(?:" + am.NUM_DIGITS + r"|" + am.NUM_WORDS + r")"
_SCALE = r"(?:[\s-]?" + am.SCALE_WORDS + r"|" + am.SCALE_GLUED + r")"
_RANGE_LEFT_RE = re.compile(
    r"(?i)(?<![\w.,])(?:between\s+)?(?P<num>" + am.NUM_DIGITS + r")(?P<scale>\s?" + am.SCALE_WORDS
    + r")?\s*(?P<gap>-|–|to|and)\s*$"
)  # fmt: skip
_RANGE_RIGHT_RE = re.compile(
    r"(?i)\s*(?:-|–|—|to)\s*(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + _SCALE + r")?(?![\w$€£¥])"
)
_BARE_RE = re.compile(
    r"(?i)(?<![\w.,$€£¥])(?P<num>" + _NUM + r")[\s-]?(?P<scale>million|billion|trillion|bn|mn)(?![\w-])"
)
_HOT_RE = re.compile(r"[0-9$£€¥₹₽₩₪₺₴₦₱₫₭₾元¢฿₸₼₣]+")
_WINDOW = 60


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    amount: Decimal
    currency: str | None
    source: str  # symbol | code | name | subunit | inherited
    scaled: bool = False
    amount_max: Decimal | None = None
    qualifier: str | None = None
    period: str | None = None
    is_pound: bool = False
    unit_scale: Decimal = Decimal(1)


class MoneyParser:
    """Read money mentions into amount, ISO 4217 currency, qualifier, range and period.

    Writes ``doc._.qm_money`` (dicts with ``start``, ``end``, ``amount`` (decimal string),
    ``amount_max``, ``currency``, ``qualifier``, ``period``) and ``doc.spans[spans_key]``.

    >>> nlp.add_pipe("quotemine_money")  # doctest: +SKIP
    """

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str = "qm_money", inherit_currency: bool = True
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
        raw = resources.files("quotemine").joinpath("data", _LEXICON_FILE).read_text(encoding="utf-8")
        self._set_data(json.loads(raw))

    # ----------------------------------------------------------------- setup
    def _set_data(self, data: dict[str, Any]) -> None:
        import iso4217

        self.data = data
        rows = [(c.code, c.currency_name, c.country_names) for c in iso4217.Currency]
        lex = am.build_lexicon(data, rows)
        self.lex = lex
        sym = r"(?-i:" + am.alternation(lex.symbols) + r")"
        code = r"(?<![A-Za-z])(?-i:" + am.alternation(lex.codes) + r")(?![A-Za-z])"
        dprefix = (
            r"(?<![A-Za-z])(?:(?:u\.?\s?s\.?|c|hk|nz)\s\$|(?-i:[A-Z]{3})\$|\$\s?(?-i:[A-Z]{3})(?![A-Za-z]))"
        )
        name = r"(?<![\w])" + am.alternation(n for n in lex.names) + r"(?![\w-])"
        pre = r"(?:" + dprefix + "|" + code + r"\s?" + sym + "|" + sym + "|" + code + ")"
        post = r"(?:" + name + "|" + code + "|" + sym + ")"
        subs = [s for s in lex.subunits if s not in lex.glued_subunits]
        glued = am.alternation(lex.glued_subunits)
        sub = r"(?:" + am.alternation(subs) + r"(?![\w-])|(?<=\d)" + glued + r"(?![\w]|\.m))"
        num, scale = _NUM, _SCALE
        flags = re.IGNORECASE
        # cheap gates: a prefix match holds a symbol or code, a name-prefix match a name (checked
        # apart, as one alternation of them all is slower than the separate searches)
        self._sym_code_res = (re.compile(sym, flags), re.compile(code, flags))
        self._name_re = re.compile(name, flags)
        self._prefix_re = re.compile(
            r"(?P<pre>" + pre + r")\s?(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + scale
            + r")?(?:\s?(?P<post>" + name + "|" + code + r")(?!\s?\d))?", flags)  # fmt: skip
        self._name_prefix_re = re.compile(
            r"(?P<pre>" + name + r")\s+(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + scale + r")?", flags
        )
        self._suffix_re = re.compile(
            r"(?<![\w.,])(?P<num>" + num + r")(?P<scale>" + scale + r")?(?:\s?|-)(?P<post>" + post + r")",
            flags,
        )
        self._sub_re = re.compile(r"(?<![\w.,])(?P<num>" + num + r")(?:\s?|-)(?P<sub>" + sub + r")", flags)
        self._subpart_re = re.compile(
            r"\s*(?:,\s*)?(?:and\s+)?(?P<num>" + num + r")(?:\s?|-)(?P<sub>" + sub + r")", flags
        )
        self._trail_re = re.compile(
            r"\s+(?:and\s+)?(?P<num>\d{1,2}|" + am.NUM_WORDS + r")(?=\s*(?:$|[.,;:!?)]))", flags
        )
        units = am.alternation(lex.period_units)
        not_after = am.alternation(lex.not_period_after)
        self._period_re = re.compile(
            r"(?:\s*/\s*(?P<slash>[A-Za-z]{1,12})(?![\w])|\s+(?P<word>(?:a|an|per|each|every)\s+" + units
            + r"s?)(?![\w])(?!\s+" + not_after + r")|\s+(?P<adv>" + am.alternation(lex.period_adverbs)
            + r")(?![\w]))", flags)  # fmt: skip
        self._cue_re = re.compile(
            r"(?i)(?<![\w])" + am.alternation(lex.inherit_cues) + r"(?:\s+\S+){0,3}\s+$"
        )
        self._qualifiers: Mapping[str, str | None] = dict(data.get("qualifiers", {}))
        self._qual_re = re.compile(r"(?i)(?<![\w])(" + am.alternation(self._qualifiers) + r")\s+$")
        hot_words = {w for n in lex.names for w in n.split()} | set(lex.subunits)
        self._hot_hashes = numpy.array(sorted(get_string_id(w) for w in hot_words), dtype="uint64")

    # -------------------------------------------------------------- running
    def __call__(self, doc: Doc) -> Doc:
        """Find and normalise the money mentions of ``doc``.

        Args:
            doc: A parsed document (NER and sentences help; neither is required).

        Returns:
            The same document with ``doc._.qm_money`` and ``doc.spans[spans_key]`` set.

        """
        try:
            cands = self._find(doc)
        except Exception as exc:  # never break the pipeline on odd input
            logger.debug("money stage failed on a %d-char doc: %s", len(doc.text), exc)
            doc._.qm_warnings = [*(doc._.qm_warnings or []), f"money: skipped ({type(exc).__name__})"]
            cands = []
        doc._.qm_money = [
            {
                "start": c.start,
                "end": c.end,
                "amount": am.format_amount(c.amount),
                "amount_max": None if c.amount_max is None else am.format_amount(c.amount_max),
                "currency": c.currency,
                "qualifier": c.qualifier,
                "period": c.period,
            }
            for c in cands
        ]
        spans = [doc.char_span(c.start, c.end, label="MONEY", alignment_mode="expand") for c in cands]
        doc.spans[self.spans_key] = [s for s in spans if s is not None]
        return doc

    def _find(self, doc: Doc) -> list[_Cand]:
        text = doc_text(doc)
        windows = self._windows(doc, text)
        if not windows:
            return []
        found: list[_Cand] = []
        for lo, hi in windows:
            found.extend(self._scan(text, lo, hi))
        chosen = _select(found)
        ents = tuple(doc.ents) if chosen else ()
        chosen = [c for c in chosen if not (c.is_pound and self._is_weight(doc, text, c, ents))]
        chosen = self._ranges(text, chosen)
        chosen = [self._finish(text, c) for c in chosen]
        if self.inherit_currency:
            chosen = self._inherit(doc, text, chosen, windows, ents)
        return sorted(chosen, key=lambda c: c.start)

    def _windows(self, doc: Doc, text: str) -> list[tuple[int, int]]:
        """Return merged character windows around digits, currency symbols and currency words."""
        starts = [m.start() for m in _HOT_RE.finditer(text)]
        if len(doc) and len(self._hot_hashes):
            arr = doc.to_array(["LOWER", "IDX"])
            at = numpy.searchsorted(self._hot_hashes, arr[:, 0])
            hot = self._hot_hashes[numpy.minimum(at, len(self._hot_hashes) - 1)] == arr[:, 0]
            starts.extend(arr[hot, 1].tolist())
        spans: list[tuple[int, int]] = []
        for pos in sorted(starts):
            if spans and pos - _WINDOW <= spans[-1][1]:
                hi = text.find(" ", pos + _WINDOW)
                spans[-1] = (spans[-1][0], len(text) if hi < 0 else hi)
                continue
            lo = text.rfind(" ", 0, max(0, pos - _WINDOW)) + 1
            hi = text.find(" ", pos + _WINDOW)
            spans.append((lo, len(text) if hi < 0 else hi))
        return spans

    def _scan(self, text: str, lo: int, hi: int) -> Iterable[_Cand]:
        has_sym = any(r.search(text, lo, hi) is not None for r in self._sym_code_res)
        has_name = self._name_re.search(text, lo, hi) is not None
        for m in self._prefix_re.finditer(text, lo, hi) if has_sym else ():
            if re.match(r"\s?(?:cents?|c)\b", text[m.end("num") : m.end("num") + 6]):
                continue  # "10 $ 30 cent": the figure belongs to the sub-unit
            code, _ = self.lex.resolve(m.group("pre"))
            if m.group("post"):
                post_code, kind = self.lex.resolve(m.group("post"))
                code = post_code if kind == "code" else code
            yield from self._build(text, m, code, "symbol", hi)
        for m in self._name_prefix_re.finditer(text, lo, hi) if has_name else ():
            if re.search(r"(?:\d|" + am.NUM_WORDS + r")\s*$", text[max(0, m.start() - 20) : m.start()], re.I):
                continue
            code, _ = self.lex.resolve(m.group("pre"))
            yield from self._build(text, m, code, "name", hi)
        for m in self._suffix_re.finditer(text, lo, hi) if has_sym or has_name else ():
            code, kind = self.lex.resolve(m.group("post"))
            if kind == "unknown":
                continue
            if m.group("num").lower() in ("a", "an") and kind != "name":
                continue
            if kind == "symbol" and re.match(r"\s?\d", text[m.end() : m.end() + 2]):
                if not self._subpart_re.match(text, m.end(), hi):
                    continue
            yield from self._build(text, m, code, kind, hi)
        for m in self._sub_re.finditer(text, lo, hi):
            value = am.parse_number(m.group("num"))
            factor, code = self.lex.subunits.get(m.group("sub").lower(), (Decimal("0.01"), "USD"))
            if value is not None and m.group("num").lower() not in ("a", "an"):
                yield _Cand(m.start(), m.end(), value * factor, code, "subunit")

    def _build(self, text: str, m: re.Match[str], code: str | None, kind: str, hi: int) -> Iterable[_Cand]:
        value = am.parse_number(m.group("num") + (m.group("scale") or "").replace("-", " "))
        if value is None:
            return
        end = m.end()
        scaled = bool(m.group("scale")) or bool(re.search(r"(?i)illion|thousand", m.group("num")))
        post = (m.groupdict().get("post") or "") if kind != "symbol" else ""
        is_pound = kind == "name" and bool(re.fullmatch(r"(?i)pounds?", (post or m.group("pre")).strip()))
        if is_pound and "-" in text[m.end("num") : m.start("post")] if post else False:
            return  # "a twenty-pound bag"
        sub = self._subpart_re.match(text, end, hi) if not scaled else None
        if sub is not None:
            sub_value = am.parse_number(sub.group("num"))
            factor, _ = self.lex.subunits.get(sub.group("sub").lower(), (Decimal("0.01"), code))
            if sub_value is not None:
                value += sub_value * factor
                end = sub.end()
        elif kind == "name" and post and not scaled:
            trail = self._trail_re.match(text, end, hi)
            if trail is not None:
                trail_value = am.parse_number(trail.group("num"))
                if trail_value is not None and trail_value < 100:
                    value += trail_value / 100
                    end = trail.end()
        unit_scale = am.parse_number("1 " + m.group("scale").strip(" -")) if m.group("scale") else None
        yield _Cand(
            m.start(),
            end,
            value,
            code,
            kind,
            scaled=scaled,
            is_pound=is_pound,
            unit_scale=unit_scale or Decimal(1),
        )

    # ------------------------------------------------------------ refining
    def _is_weight(self, doc: Doc, text: str, c: _Cand, ents: tuple[Span, ...]) -> bool:
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return False
        if re.match(r"\s+of\b", text[c.end : c.end + 4]) and not c.scaled:
            return True  # "200 pounds of cocaine"
        words = {t.lower_ for t in _sentence(span)} | {t.lemma_ for t in _sentence(span)}
        if words & self.lex.weight_cues or "weigh" in words:
            return not c.scaled
        if words & self.lex.money_cues:
            return False
        return any(e.label_ == "QUANTITY" and e.start < span.end and span.start < e.end for e in ents)

    def _ranges(self, text: str, cands: list[_Cand]) -> list[_Cand]:
        out: list[_Cand] = []
        for c in cands:
            prev = out[-1] if out else None
            gap_m = _RANGE_GAP_RE.match(text[prev.end : c.start]) if prev is not None else None
            if prev is not None and prev.amount_max is None and gap_m is not None:
                gap = gap_m.group("gap").lower()
                qual = self._qual_re.search(text, max(0, prev.start - 30), prev.start)
                q = qual.group(1).lower() if qual else None
                ok = (gap == "and") == (q == "between")
                if ok and (prev.currency == c.currency or prev.currency is None) and prev.amount < c.amount:
                    out[-1] = replace(prev, end=c.end, amount_max=c.amount, currency=c.currency)
                    continue
            out.append(c)
        result: list[_Cand] = []
        for c in out:
            if c.amount_max is None:
                right = _RANGE_RIGHT_RE.match(text, c.end)
                left = _RANGE_LEFT_RE.search(text, max(0, c.start - 40), c.start)
                if right is not None and c.source in ("symbol", "code"):
                    top = am.parse_number(right.group("num") + (right.group("scale") or ""))
                    amount = c.amount
                    if right.group("scale") and not c.scaled and top is not None:
                        amount = amount * (top / Decimal(right.group("num").replace(",", "")))
                    if top is not None and amount < top:
                        c = replace(c, end=right.end(), amount=amount, amount_max=top)
                elif left is not None and c.source in ("name", "code", "symbol"):
                    between = left.group(0).lower().startswith("between")
                    if (left.group("gap").lower() == "and") == between:
                        low = am.parse_number(left.group("num") + (left.group("scale") or ""))
                        if low is not None and not left.group("scale"):
                            low *= c.unit_scale
                        if low is not None and low < c.amount:
                            c = replace(c, start=left.start(), amount=low, amount_max=c.amount)
            result.append(c)
        return result

    def _finish(self, text: str, c: _Cand) -> _Cand:
        qual = self._qual_re.search(text, max(0, c.start - 30), c.start)
        if qual is not None and qual.group(1).lower() != "from":
            c = replace(
                c,
                start=qual.start(1),
                qualifier=self._qualifiers.get(re.sub(r"\s+", " ", qual.group(1).lower())),
            )
        period = self._period_re.match(text, c.end)
        if period is not None:
            if period.group("slash"):
                ptext = "per " + period.group("slash")
            else:
                ptext = period.group("word") or period.group("adv")
            c = replace(c, end=period.end(), period=re.sub(r"\s+", " ", ptext))
        return c

    def _inherit(
        self, doc: Doc, text: str, cands: list[_Cand], windows: list[tuple[int, int]], ents: tuple[Span, ...]
    ) -> list[_Cand]:
        if not any(c.currency for c in cands):
            return cands
        taken = [(c.start, c.end) for c in cands]
        extra: list[_Cand] = []
        money_ents = [e for e in ents if e.label_ == "MONEY"]
        for lo, hi in windows:
            for m in _BARE_RE.finditer(text, lo, hi):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is None:
                    continue
                is_money_ent = any(e.start <= span.start and span.end <= e.end for e in money_ents)
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "SYM"):
                    continue
                sent = _sentence(span)
                if not is_money_ent and not self._cue_re.search(text, sent.start_char, m.start()):
                    continue
                ref = [c for c in cands if c.currency and sent.start_char <= c.start < sent.end_char]
                if not ref and is_money_ent:  # the NER says money: the paragraph may give the currency
                    para = text.rfind("\n", 0, m.start()) + 1
                    ref = [c for c in cands if c.currency and para <= c.start < m.start()]
                if not ref:
                    continue
                near = min(ref, key=lambda c: abs(c.start - m.start()))
                value = am.parse_number(m.group("num") + " " + m.group("scale"))
                if value is None:
                    continue
                extra.append(self._finish(text, _Cand(m.start(), m.end(), value, near.currency, "inherited")))
                taken.append((m.start(), m.end()))
        return cands + extra

    # ---------------------------------------------------------- serialise
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the currency lexicon to ``path``.

        Args:
            path: A directory (created if missing).
            exclude: Unused; kept for spaCy's serialisation API.

        """
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        (out / _LEXICON_FILE).write_text(
            json.dumps(self.data, ensure_ascii=False, indent=1), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> MoneyParser:
        """Read the currency lexicon from ``path``.

        Args:
            path: A directory written by :meth:`to_disk`.
            exclude: Unused; kept for spaCy's serialisation API.

        Returns:
            The component itself.

        """
        self._set_data(json.loads((Path(path) / _LEXICON_FILE).read_text(encoding="utf-8")))
        return self


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest non-overlapping candidates, earlier first on ties."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _sentence(span: Span) -> Span:
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return span.sent
    return doc[:]
