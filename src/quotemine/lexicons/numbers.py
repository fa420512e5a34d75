"""English cardinal number words: the one owner of their values, shared by dates and money.

``quotemine_dates`` reads counts ("two years ago") and spelled-out years ("nineteen ninety-six");
``quotemine_money`` reads amounts ("forty-five million"). Both derive their tables from
:data:`CARDINALS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["CARDINALS"]

#: Cardinal words and their values, zero to nineteen and the tens to ninety.
CARDINALS: Final[Mapping[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
