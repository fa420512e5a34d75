"""Amount parsing and currency lexicon helpers for :mod:`quotemine.pipeline.money`.

Numbers are read into :class:`decimal.Decimal` (never ``float``): digits with thousands separators
(``"100,000,000"``), scale words and abbreviations (``"1.2bn"``, ``"$5m"``, ``"10k"``, ``"3 lakh"``) and
English number words (``"two and a half million"``, ``"three quarters billion"``, ``"forty-five"``).
Currency forms come from ISO 4217 (the ``iso4217`` package: codes and official names) plus the
``money_lexicon.json`` data file (symbols, dollar prefixes, informal and qualified names, sub-units).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

logger = logging.getLogger(__name__)

_SMALL: Mapping[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Mapping[str, Decimal] = {
    "hundred": Decimal(100), "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
}  # fmt: skip
_FRACTIONS: Mapping[str, Decimal] = {
    "half": Decimal("0.5"), "halves": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25"),
}  # fmt: skip
_WORDS = sorted([*_SMALL, "hundred", "thousand", "million", "billion", "trillion", *_FRACTIONS], key=len)[
    ::-1
]

NUM_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WORD = r"(?:" + "|".join(_WORDS) + r")"
NUM_WORDS = r"\b(?:(?:an?|" + _WORD + r")(?:(?:\s+|-)(?:and\s+)?(?:an?\s+)?" + _WORD + r")*\b)"
SCALE_WORDS = r"(?:million|billion|trillion|thousand|lakhs?|crores?|mn|mln|bn|bln|tn|trn)(?![\w-])"
SCALE_GLUED = r"(?:m|b|k)(?![\w-])"


def parse_number(text: str) -> Decimal | None:
    """Read digits (with an optional scale) or English number words into a ``Decimal``.

    Args:
        text: The number as written, e.g. ``"1,200"``, ``"1.2bn"``, ``"two and a half million"``.

    Returns:
        The value, or ``None`` when the text is not a number this parser knows.

    >>> parse_number("two and a half million")
    Decimal('2500000.0')

    """
    raw = text.strip().lower()
    if not raw:
        return None
    m = re.fullmatch(r"(" + NUM_DIGITS + r")[\s-]?([a-z]+)?", raw)
    if m:
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        if m.group(2):
            scale = _SCALES.get(m.group(2))
            if scale is None:
                return None
            value *= scale
        return value
    return _parse_words(re.split(r"[\s-]+", raw))


def _parse_words(tokens: list[str]) -> Decimal | None:
    total, current = Decimal(0), Decimal(0)
    seen_number = False
    article = False
    last_small: int | None = None
    for tok in tokens:
        if tok == "and":
            continue
        if tok in ("a", "an"):
            article = True
            continue
        if tok in _SMALL:
            current += _SMALL[tok]
            last_small, article, seen_number = _SMALL[tok], False, True
        elif tok in _FRACTIONS:
            frac = _FRACTIONS[tok]
            if article or last_small is None:
                current += frac
            else:  # "three quarters": 3 * 0.25 replaces the 3
                current += last_small * frac - last_small
            last_small, article, seen_number = None, False, True
        elif tok == "hundred":
            current = (current or Decimal(1)) * 100
            last_small, article, seen_number = None, False, True
        elif tok in _SCALES:
            total += (current or Decimal(1)) * _SCALES[tok]
            current, last_small, article, seen_number = Decimal(0), None, False, True
        else:
            return None
    if not seen_number:
        return Decimal(1) if article else None
    return total + current


def format_amount(value: Decimal) -> str:
    """Write a ``Decimal`` as a plain decimal string without exponent or trailing zeros.

    Args:
        value: The amount.

    Returns:
        For example ``"142000000"`` or ``"0.43"``.

    """
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class CurrencyLexicon:
    """Lookup tables from currency forms to ISO 4217 codes (``None`` for ambiguous forms)."""

    symbols: Mapping[str, str | None]
    codes: Mapping[str, str]
    names: Mapping[str, str | None]
    spaced_prefixes: Mapping[str, str]
    subunits: Mapping[str, tuple[Decimal, str]]
    glued_subunits: frozenset[str]
    period_units: tuple[str, ...]
    period_adverbs: tuple[str, ...]
    not_period_after: tuple[str, ...]
    weight_cues: frozenset[str]
    money_cues: frozenset[str]
    inherit_cues: tuple[str, ...]

    def resolve(self, form: str) -> tuple[str | None, str]:
        """Map a currency form to ``(code, kind)``; kind is symbol, code, name or unknown.

        Args:
            form: The currency text as matched, e.g. ``"US$"``, ``"eur"``, ``"Pounds"``.

        Returns:
            The ISO code (or ``None``) and the kind of form.

        """
        f = re.sub(r"\s+", " ", form.strip())
        if f in self.symbols:
            return self.symbols[f], "symbol"
        if f in self.codes:
            return self.codes[f], "code"
        m = re.fullmatch(r"(?i)(u\.?\s?s\.?|c|hk|nz)\s?\$", f)
        if m:
            return self.spaced_prefixes.get(m.group(1).lower().replace(" ", ""), "USD"), "symbol"
        m = re.fullmatch(r"([A-Z]{3})\s?\$|\$\s?([A-Z]{3})", f)
        if m:
            return self.codes.get(m.group(1) or m.group(2)), "symbol"
        m = re.fullmatch(r"([A-Z]{3})\s?(\S+)|(\S+)\s?([A-Z]{3})", f)
        if m and (m.group(1) or m.group(4)) in self.codes:
            return self.codes[m.group(1) or m.group(4)], "code"
        low = f.lower()
        if low in self.names:
            return self.names[low], "name"
        return None, "unknown"


def _plurals(name: str) -> Iterable[str]:
    yield name
    words = name.split(" ")
    last = words[-1]
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    yield " ".join([*words[:-1], plural])
    if len(words) == 2 and words[1] == "sterling":
        yield words[0] + "s sterling"


def build_lexicon(
    data: Mapping[str, Any], iso_rows: Iterable[tuple[str, str, Iterable[str]]]
) -> CurrencyLexicon:
    """Build the lookup tables from the data file and the ISO 4217 rows.

    Args:
        data: The parsed ``money_lexicon.json``.
        iso_rows: ``(code, official name, country names)`` for each ISO 4217 currency.

    Returns:
        The lexicon.

    """
    excluded = set(data.get("excluded_codes", []))
    blocked = set(data.get("blocked_names", []))
    codes: dict[str, str] = {}
    names: dict[str, str | None] = {}
    heads: dict[str, set[str]] = {}
    for code, official, countries in iso_rows:
        if code in excluded:
            continue
        codes[code] = code
        name = official.lower()
        if "fund" in name or "unit" in name or "(" in name:
            continue
        if name not in blocked:
            for form in _plurals(name):
                names.setdefault(form, code)
        head = name.split(" ")[-1]
        heads.setdefault(head, set()).add(code)
        country_list = list(countries)
        if 0 < len(country_list) <= 3 and head not in blocked:
            for country in country_list:
                c = re.sub(r"\s*\(.*?\)\s*", " ", country).strip().lower()
                if c and len(c.split()) <= 3:
                    for form in _plurals(f"{c} {head}"):
                        names.setdefault(form, code)
    for head, owners in heads.items():  # an official head word shared by several currencies is ambiguous
        if len(owners) > 1:
            for form in _plurals(head):
                if names.get(form) in owners:
                    names[form] = None
    for form, code in {**data.get("unit_defaults", {}), **data.get("qualified_names", {})}.items():
        for variant in _plurals(form.lower()):
            names[variant] = code
    for form in blocked:
        for variant in _plurals(form):
            names.pop(variant, None)
    for form, code in data.get("extra_codes", {}).items():
        codes[form] = code
    subunits = {k: (Decimal(str(v[0])), str(v[1])) for k, v in data.get("subunits", {}).items()}
    return CurrencyLexicon(
        symbols=dict(data.get("symbols", {})),
        codes=codes,
        names=names,
        spaced_prefixes=dict(data.get("spaced_dollar_prefixes", {})),
        subunits=subunits,
        glued_subunits=frozenset(data.get("glued_subunits", [])),
        period_units=tuple(data.get("period_units", [])),
        period_adverbs=tuple(data.get("period_adverbs", [])),
        not_period_after=tuple(data.get("not_period_after", [])),
        weight_cues=frozenset(data.get("weight_cues", [])),
        money_cues=frozenset(data.get("money_cues", [])),
        inherit_cues=tuple(data.get("inherit_cues", [])),
    )


def alternation(forms: Iterable[str]) -> str:
    """Return a regex matching any of the literal forms, built as a trie so matching stays fast.

    A space in a form matches any run of whitespace. Longer forms win over their prefixes.

    Args:
        forms: Literal strings.

    Returns:
        A non-capturing group.

    """
    trie: dict[str, Any] = {}
    for form in set(forms):
        if not form:
            continue
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: Mapping[str, Any]) -> str:
    branches = []
    optional = False
    for ch in sorted(node, key=lambda c: (c == "", c)):
        if ch == "":
            optional = True
            continue
        atom = r"\s+" if ch == " " else re.escape(ch)
        branches.append(atom + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body if len(branches) == 1 and len(branches[0]) <= 2 else "(?:" + body + ")"
