"""Read amounts into :class:`decimal.Decimal` (never ``float``) and write them back as decimal strings.

Digits with thousands separators (``"100,000,000"``), scale words and abbreviations (``"1.2bn"``,
``"$5m"``, ``"10k"``, ``"3 lakh"``) and English number words (``"two and a half million"``, ``"three
quarters billion"``, ``"forty-five"``; the cardinals come from :mod:`quotemine.lexicons.numbers`).
The ``NUM_*``/``SCALE_*`` pattern pieces are what the money patterns build on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from decimal import Decimal

from quotemine.lexicons.numbers import CARDINALS

logger = logging.getLogger(__name__)

_SMALL: Mapping[str, int] = CARDINALS
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
    try:  # a number too large for Decimal's exponent ("9" a million times, then "bn") is none
        m = re.fullmatch(r"(" + NUM_DIGITS + r")[\s-]?([a-z]+)?", raw)
        if m:
            value = Decimal(m.group(1).replace(",", ""))
            if m.group(2):
                scale = _SCALES.get(m.group(2))
                if scale is None:
                    return None
                value *= scale
            return value
        return _parse_words(re.split(r"[\s-]+", raw))
    except ArithmeticError:  # InvalidOperation, Overflow
        logger.debug("number of %d characters not read", len(raw))
        return None


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
