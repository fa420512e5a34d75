"""Read amounts into :class:`decimal.Decimal` (never ``float``) and write them back as decimal strings.

Digits with thousands separators (``"100,000,000"``, Indian ``"12,34,567"``, European
``"1.299,99"`` and ``"12,50"``, thin or no-break spaces), scale words and abbreviations (``"1.2bn"``,
``"$5m"``, ``"10k"``, ``"3 lakh"``) and English number words (``"two and a half million"``, ``"three
quarters billion"``, ``"forty-five"``; the cardinals come from :mod:`quotemine.lexicons.numbers`).
The ``NUM_*``/``SCALE_*`` pattern pieces are what the money patterns build on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from quotemine.lexicons.numbers import CARDINALS

logger = logging.getLogger(__name__)

_SMALL: Mapping[str, int] = CARDINALS
_SCALES: Mapping[str, Decimal] = {
    "hundred": Decimal(100), "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7, "cr": Decimal(10) ** 7,
    "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "m": Decimal(10) ** 6,
    "mm": Decimal(10) ** 6, "mil": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "bln": Decimal(10) ** 9, "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
}  # fmt: skip
#: The scale words that can stand alone as a figure ("hundred dollars").
SCALE_NAMES: frozenset[str] = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_FRACTIONS: Mapping[str, Decimal] = {
    "half": Decimal("0.5"), "halves": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25"),
}  # fmt: skip
_WORDS = sorted([*_SMALL, "hundred", "thousand", "million", "billion", "trillion", *_FRACTIONS], key=len)[
    ::-1
]

_THIN = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin spaces group thousands in many languages
NUM_DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"  # Indian grouping: 12,34,567
    r"|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.,])"  # 1.299,99 · 1.299.000
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,299.99
    r"|\d{1,3}(?:[" + _THIN + r"]\d{3})+(?:,\d{1,2}(?![\d,]))?|\d{1,3}(?: \d{3})+,\d{2}(?![\d,])"  # 1 299,99
    r"|\d+,\d{1,2}(?![\d,])|\d+[.,]-(?![-\d])"  # 12,50 · 49,-
    r"|\d+(?:\.\d+)?|\.\d+)"
)
_WORD = r"(?:" + "|".join(_WORDS) + r")"
_JOIN = (
    r"(?:(?:\s+|-)(?:and\s+)?|(?:(?<=half)|(?<=quarter)|(?<=quarters))\s+of\s+)"  # "a quarter of a million"
)
NUM_WORDS = r"\b(?:(?:an?|" + _WORD + r")(?:" + _JOIN + r"(?:an?\s+)?" + _WORD + r")*\b)"
#: After a scale: no letter; a hyphen may follow ("$5m-$7m", "a £3m-a-year deal", "a £100m-rated
#: player", "a 20m-euro deal"): after a figure of money, "m" or "bn" is always the scale.
_SCALE_END = r"(?!\w)"
SCALE_WORDS = (
    r"(?:lakhs?\s+crores?|million|billion|trillion|thousand|lakhs?|crores?"
    r"|mn|mln|bn|bln|tn|trn|cr|mil)" + _SCALE_END
)
SCALE_GLUED = r"(?:mm|m|b|k)" + _SCALE_END


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
        m = re.fullmatch(r"(" + NUM_DIGITS + r"|\d{1,3}(?: \d{3})+)[\s-]?([a-z]+(?:\s+[a-z]+)?)?", raw)
        if m:
            value = digits_value(m.group(1))
            for word in (m.group(2) or "").split():  # "1.5 lakh crore": each scale multiplies
                scale = _SCALES.get(word)
                if scale is None or value is None:
                    return None
                value *= scale
            return value
        return _parse_words(re.split(r"[\s-]+", raw))
    except ArithmeticError:  # InvalidOperation, Overflow
        logger.debug("number of %d characters not read", len(raw))
        return None


def digits_value(text: str) -> Decimal | None:
    """Read a figure written with any of the grouping and decimal conventions of ``NUM_DIGITS``.

    A comma is the decimal mark when it is the last separator and one or two digits follow it
    (``"12,50"``, ``"1.299,99"``); otherwise commas, dots between groups of three and spaces group
    thousands (``"12,34,567"``, ``"1.299.000"``, ``"1 299"``).

    Args:
        text: The digits as written, e.g. ``"1,299.99"``, ``"1.299,99"``, ``"49,-"``.

    Returns:
        The value, or ``None`` when the text is not a figure.

    >>> digits_value("1.299,99")
    Decimal('1299.99')

    """
    s = re.sub(r"[\s" + _THIN + r"]", "", text).rstrip("-").rstrip(".,")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        s = ".".join(parts) if len(parts) == 2 and len(parts[1]) <= 2 else s.replace(",", "")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _parse_words(tokens: list[str]) -> Decimal | None:
    total, current = Decimal(0), Decimal(0)
    seen_number = False
    article = False
    last_small: int | None = None
    for tok in tokens:
        if tok in ("and", "of"):
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
