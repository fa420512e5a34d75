"""Find the money mentions of a text window: five passes, each yielding candidates with their source.

The passes, in order (after a symbol the text gives a country to, "R50 million" in a text about
South Africa: see ``Scanner.context``): a currency before the figure (``"$5m"``), a currency name before it
(``"euro 5"``), a currency after it (``"20 euros"``), a code with a scale (``"MEUR 120"``, ``"75
USD million"``), and sub-units (``"50 cents"``, ``"12 US cents"``). A bare scale word after a vague
count (``"a few hundred dollars"``) is no amount and is left out. A candidate
records where its currency came from (``symbol``, ``code``, ``name``, ``subunit``, or ``inherited``
from a compared mention) and what later steps need (whether the figure was scaled, whether it is
in pounds, which could be a weight).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from quotemine.pipeline.money import amounts as am
from quotemine.pipeline.money.currency import CurrencyLexicon, alternation
from quotemine.pipeline.money.patterns import SCALE, MoneyPatterns

__all__ = ["MoneyCandidate", "Scanner"]

_CENT: Final = Decimal("0.01")
_CENTS_AFTER = re.compile(r"\s?(?:cents?|c)\b")
_NUMBER_BEFORE = re.compile(r"(?:\d|" + am.NUM_WORDS + r")\s*$", re.I)
_FIGURE_AFTER = re.compile(r"\s?\d")
_SCALED_WORD = re.compile(r"(?i)illion|thousand")
_POUNDS = re.compile(r"(?i)pounds?")
_ARTICLES = ("a", "an")
_SPACES = re.compile(r"\s+")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
#: A run of letters: a currency name or sub-unit word starts one (see ``_leading_runs``).
_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: A run of ASCII letters: a currency code is one (its pattern wants no ASCII letter either side).
_ASCII_RUN = re.compile(r"[A-Za-z]+")


#: A figure grouped in thousands or with cents ("1,500", "12.50"): a price, not a road's number.
_PRICE_LIKE = re.compile(r"\d[,.\s]\d")
#: The words right before a bare figure with a context symbol that make it a sum ("paid R50").
_SUM_BEFORE = frozenset({"for", "of", "at", "from", "to", "about", "around", "nearly", "over", "than"})


def _context_figure(symbol: str) -> re.Pattern[str]:
    """Compile the pattern of a figure after a symbol read only in context ("R50 million", "R 1,200")."""
    return re.compile(
        r"(?<![\w&.'’/-])" + re.escape(symbol) + r"\s?(?P<num>" + am.NUM_DIGITS + r")(?P<scale>(?i:"
        + SCALE + r"))?(?![\w$%€£/-]|[.,]\d)"
    )  # fmt: skip


def _leading_runs(forms: Iterable[str]) -> frozenset[str] | None:
    """Return the leading letter run of each form, lower-cased ("u" of "u.s. dollars"), or ``None``.

    The name and sub-unit patterns match a form only where no letter comes before it and no letter
    after its leading run (a non-letter follows it in the form, or the pattern's end test does), so
    a window in which no letter run is one of these holds no match: a set lookup spares the
    window's search of hundreds of names. ``None`` when some form does not start with a letter.
    """
    runs = set()
    for form in forms:
        lead = _LETTER_RUN.match(form)
        if lead is None:
            return None
        runs.add(lead.group().lower())
    return frozenset(runs)


@dataclass(frozen=True)
class MoneyCandidate:
    """A money mention found in the text, with where its currency came from.

    Attributes:
        start: Offset of its first character (a qualifier or range start included, once refined).
        end: Offset after its last character.
        amount: The amount (the lower end of a range).
        currency: ISO 4217 code, or ``None`` for an ambiguous form ("pesos").
        source: ``symbol``, ``code``, ``name``, ``subunit`` or ``inherited``.
        scaled: The figure has a scale word ("million").
        amount_max: The upper end of a range.
        qualifier: "approximate", "more than", "at least", "less than", "up to".
        period: The time rate, as written ("a year", "per month", "annually").
        per: The unit of a per-unit price ("pound" in "$5 a pound", "share", "kg", "each").
        is_pound: The currency is a bare "pound(s)", which may be a weight.
        unit_scale: The scale of the figure (a million for "5 million"), for a range's other end.

    """

    start: int
    end: int
    amount: Decimal
    currency: str | None
    source: str
    scaled: bool = False
    amount_max: Decimal | None = None
    qualifier: str | None = None
    period: str | None = None
    per: str | None = None
    is_pound: bool = False
    unit_scale: Decimal = Decimal(1)


class Scanner:
    """Run the five passes over a window of text.

    Args:
        lex: The currency lookups.
        patterns: The patterns built from them.

    """

    def __init__(self, lex: CurrencyLexicon, patterns: MoneyPatterns) -> None:
        self.lex = lex
        self.p = patterns
        self._name_runs = _leading_runs(lex.names)
        # the sub-unit gate also matches a sign ("¢"), which is looked for on its own
        words = [s for s in lex.subunits if _LETTER_RUN.match(s)]
        self._sub_signs = [s for s in lex.subunits if not _LETTER_RUN.match(s)]
        self._sub_runs = _leading_runs([*words, *lex.glued_subunits])
        self._scaled_only_runs = _leading_runs(lex.scaled_only_names)
        self._context = [
            (
                re.compile(re.escape(sym) + r"\s?\d"),
                _context_figure(sym),
                code,
                re.compile(r"(?<![\w-])" + alternation(cues) + r"(?![\w-])"),
            )
            for sym, (code, cues) in lex.context_symbols.items()
            if cues
        ]
        ascii_codes = all(_ASCII_RUN.fullmatch(code) for code in lex.codes)
        self._codes = frozenset(lex.codes) if ascii_codes else None

    def context(self, text: str) -> tuple[tuple[re.Pattern[str], str], ...]:
        """Return the context symbols' figure patterns and codes of the symbols ``text`` gives a country to.

        "R" is the South African rand only in a text that names South Africa or one of its places;
        elsewhere "R50" is a model, a road or a film rating, and is left alone.
        """
        return tuple(
            (figure, code)
            for symbol, figure, code, cue in self._context
            if symbol.search(text) is not None and cue.search(text) is not None
        )

    def scan(
        self, text: str, lo: int, hi: int, context: tuple[tuple[re.Pattern[str], str], ...] = ()
    ) -> Iterator[MoneyCandidate]:
        """Yield the candidates of ``text[lo:hi]``, pass by pass (``context``: see :meth:`context`)."""
        for figure, context_code in context:
            yield from self._in_context(text, lo, hi, figure, context_code)
        window = text[lo:hi]
        sym_gate, code_gate = self.p.sym_code
        has_sym = sym_gate.search(text, lo, hi) is not None or (
            (self._codes is None or not self._codes.isdisjoint(_ASCII_RUN.findall(window)))
            and code_gate.search(text, lo, hi) is not None
        )
        runs = set(_LETTER_RUN.findall(window.lower()))
        maybe_name = self._name_runs is None or not runs.isdisjoint(self._name_runs)
        has_name = maybe_name and self.p.name.search(text, lo, hi) is not None
        if has_sym:
            yield from self._prefixed(text, lo, hi)
        if has_name:
            yield from self._name_prefixed(text, lo, hi)
        if has_sym or has_name:
            yield from self._suffixed(text, lo, hi)
        scalable, scaled_only = self.p.scaled_gates
        if scalable.search(text, lo, hi) is not None:  # "MEUR": the code gate needs a word boundary
            yield from self._scaled_codes(text, lo, hi)
        maybe_scaled = self._scaled_only_runs is None or not runs.isdisjoint(self._scaled_only_runs)
        if maybe_scaled and scaled_only.search(text, lo, hi) is not None:
            for m in self.p.scaled_name.finditer(text, lo, hi):  # "1.2 trillion won"
                code = self.lex.scaled_only_names.get(m.group("post").lower())
                yield from self._build(text, m, code, "name", hi)
        maybe_sub = self._sub_runs is None or not runs.isdisjoint(self._sub_runs)
        if maybe_sub or any(sign in window for sign in self._sub_signs):
            yield from self._subunits(text, lo, hi)

    def _in_context(
        self, text: str, lo: int, hi: int, figure: re.Pattern[str], code: str
    ) -> Iterator[MoneyCandidate]:
        """Read "R50 million", "R1,200", "paid R50": a bare small figure only after a word of sums."""
        for m in figure.finditer(text, lo, hi):
            if not m.group("scale") and not _PRICE_LIKE.search(m.group("num")):
                before = text[max(0, m.start() - 30) : m.start()].lower().split()[-2:]
                if not any(w in self.lex.money_cues or w in _SUM_BEFORE for w in before):
                    continue  # "the R21 to the airport", "an R50 engine"
            yield from self._build(text, m, code, "symbol", hi)

    def _prefixed(self, text: str, lo: int, hi: int) -> Iterator[MoneyCandidate]:
        """Read "$5m", "US$ 20", "EUR 5"; a code after the figure wins ("$ 20 CAD")."""
        for m in self.p.prefix.finditer(text, lo, hi):
            if _CENTS_AFTER.match(text[m.end("num") : m.end("num") + 6]):
                continue  # "10 $ 30 cent": the figure belongs to the sub-unit
            code, _ = self.lex.resolve(m.group("pre"))
            if m.group("post"):
                post_code, kind = self.lex.resolve(m.group("post"))
                code = post_code if kind == "code" else code
            yield from self._build(text, m, code, "symbol", hi)

    def _name_prefixed(self, text: str, lo: int, hi: int) -> Iterator[MoneyCandidate]:
        """Read "euro 5", unless a number comes before the name ("5 euro 5")."""
        for m in self.p.name_prefix.finditer(text, lo, hi):
            if _NUMBER_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            code, _ = self.lex.resolve(m.group("pre"))
            yield from self._build(text, m, code, "name", hi)

    def _suffixed(self, text: str, lo: int, hi: int) -> Iterator[MoneyCandidate]:
        """Read "20 euros", "5 million dollars", "30 USD", "20 €" ("a euro" only with a name)."""
        for m in self.p.suffix.finditer(text, lo, hi):
            code, kind = self.lex.resolve(m.group("post"))
            if kind == "unknown":
                continue
            if m.group("num").lower() in _ARTICLES and kind != "name":
                continue
            if kind == "symbol" and _FIGURE_AFTER.match(text[m.end() : m.end() + 2]):
                if not self.p.subpart.match(text, m.end(), hi):
                    continue  # "20 $ 30": the symbol belongs to the next figure
            yield from self._build(text, m, code, kind, hi)

    def _scaled_codes(self, text: str, lo: int, hi: int) -> Iterator[MoneyCandidate]:
        """Read "MEUR 120", "KUSD 50", "EURm 120", "120 MEUR", "75 USD million"."""
        lex = self.lex
        for m in self.p.scaled_code.finditer(text, lo, hi):
            g = m.groupdict()
            value = am.digits_value(g["num"] or g["num2"])
            if g["word"]:
                scale = am.parse_number("1 " + g["word"])
            else:
                letter = g["pre"] or g["pre2"]
                scale = lex.scale_prefixes.get(letter) if letter else lex.scale_suffixes.get(g["suf"] or "")
            if value is None or scale is None:
                continue
            code = lex.codes.get(g["code1"] or g["code2"] or g["code3"] or g["code4"])
            yield MoneyCandidate(
                m.start(), m.end(), value * scale, code, "code", scaled=True, unit_scale=scale
            )

    def _subunits(self, text: str, lo: int, hi: int) -> Iterator[MoneyCandidate]:
        """Read "50 cents", "20p", "30 kopeks", "12 US cents"."""
        if self.p.sub_gate.search(text, lo, hi) is None:  # no sub-unit word: spare the figure search
            return
        for m in self.p.sub.finditer(text, lo, hi):
            value = am.parse_number(m.group("num"))
            factor, code = self.lex.subunits.get(m.group("sub").lower(), (_CENT, "USD"))
            if m.group("subq"):
                code = self.lex.subunit_qualifiers.get(_SPACES.sub(" ", m.group("subq").lower()), code)
            if value is not None and m.group("num").lower() not in _ARTICLES:
                yield MoneyCandidate(m.start(), m.end(), value * factor, code, "subunit")

    def _build(
        self, text: str, m: re.Match[str], code: str | None, kind: str, hi: int
    ) -> Iterator[MoneyCandidate]:
        """Yield the candidate of a match, with the cents after it ("$1 and 50 cents", "2 pounds 50")."""
        value = am.parse_number(m.group("num") + (m.group("scale") or "").replace("-", " "))
        if kind == "symbol" and m.re is self.p.suffix and _DOTTED_THOUSANDS.fullmatch(m.group("num")):
            value = am.digits_value(m.group("num").replace(".", ""))  # "1.200 €", "1.200 kr": not 1.2
        if value is None or self._vague(text, m):
            return
        scaled = bool(m.group("scale")) or bool(_SCALED_WORD.search(m.group("num")))
        post = (m.groupdict().get("post") or "") if kind != "symbol" else ""
        is_pound = kind == "name" and bool(_POUNDS.fullmatch((post or m.group("pre")).strip()))
        if post and is_pound and "-" in text[m.end("num") : m.start("post")]:
            return  # "a twenty-pound bag"
        cents, end = (Decimal(0), m.end()) if scaled else self._cents(text, m.end(), hi, code, kind, post)
        unit_scale = am.parse_number("1 " + m.group("scale").strip(" -")) if m.group("scale") else None
        yield MoneyCandidate(
            m.start(),
            end,
            value + cents if end != m.end() else value,
            code,
            kind,
            scaled=scaled,
            is_pound=is_pound,
            unit_scale=unit_scale or Decimal(1),
        )

    def _vague(self, text: str, m: re.Match[str]) -> bool:
        """Tell "a few hundred dollars" (no amount) from "a hundred dollars"."""
        num = m.group("num").lower()
        if num not in am.SCALE_NAMES:
            return False
        before = _SPACES.sub(" ", text[max(0, m.start() - 12) : m.start()].lower())
        return any(before.endswith(" " + w + " ") or before == w + " " for w in self.lex.vague_before)

    def _cents(
        self, text: str, end: int, hi: int, code: str | None, kind: str, post: str
    ) -> tuple[Decimal, int]:
        """Return the value of the sub-unit after an unscaled figure and where it ends (or 0 and ``end``)."""
        sub = self.p.subpart.match(text, end, hi)
        if sub is not None:
            sub_value = am.parse_number(sub.group("num"))
            factor, _ = self.lex.subunits.get(sub.group("sub").lower(), (_CENT, code))
            if sub_value is not None:
                return sub_value * factor, sub.end()
            return Decimal(0), end
        if kind == "name" and post:
            trail = self.p.trail.match(text, end, hi)
            if trail is not None:
                trail_value = am.parse_number(trail.group("num"))
                if trail_value is not None and trail_value < 100:
                    return trail_value / 100, trail.end()
        return Decimal(0), end
