"""The compiled money patterns: built once per lexicon from its currency forms.

A money mention is a currency before the figure (``"$5m"``, ``"US$ 20"``, ``"euro 5"``), after it
(``"20 euros"``, ``"5 million dollars"``, ``"30 USD"``) or a sub-unit (``"50 cents"``, ``"20p"``);
qualifiers (``"more than"``), ranges (``"$5-6 million"``, ``"between 3 and 4 euros"``) and rates
(``"a year"``, ``"/month"``) are read around it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quotemine.pipeline.money import amounts as am
from quotemine.pipeline.money.currency import CurrencyLexicon, alternation

__all__ = ["BARE", "HOT", "NUM", "RANGE_GAP", "RANGE_LEFT", "RANGE_RIGHT", "MoneyPatterns"]

NUM = r"(?:" + am.NUM_DIGITS + r"|" + am.NUM_WORDS + r")"
SCALE = r"(?:[\s-]?" + am.SCALE_WORDS + r"|" + am.SCALE_GLUED + r")"
#: What may stand between the two ends of a range ("5 - 6", "5 a month to 6").
RANGE_GAP = re.compile(r"(?i)^\s*(?:(?:per|an?)\s+[a-z]+\s*)?(?P<gap>-|–|—|to|and)\s*$")
#: The lower end before a money mention ("between 3 and" + "4 euros").
RANGE_LEFT = re.compile(
    r"(?i)(?<![\w.,])(?:between\s+)?(?P<num>" + am.NUM_DIGITS + r")(?P<scale>\s?" + am.SCALE_WORDS
    + r")?\s*(?P<gap>-|–|to|and)\s*$"
)  # fmt: skip
#: The upper end after a money mention ("$5" + "-6 million").
RANGE_RIGHT = re.compile(
    r"(?i)\s*(?:-|–|—|to)\s*(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + SCALE + r")?(?![\w$€£¥])"
)
#: A scaled figure with no currency ("580 million"), which may take a compared mention's currency.
BARE = re.compile(
    r"(?i)(?<![\w.,$€£¥])(?P<num>" + NUM + r")[\s-]?(?P<scale>million|billion|trillion|bn|mn)(?![\w-])"
)
#: Digits and currency symbols: where a money mention may be.
HOT = re.compile(r"[0-9$£€¥₹₽₩₪₺₴₦₱₫₭₾元¢฿₸₼₣]+")
_DOLLAR_PREFIX = (
    r"(?<![A-Za-z])(?:(?:u\.?\s?s\.?|c|hk|nz)\s\$|(?-i:[A-Z]{3})\$|\$\s?(?-i:[A-Z]{3})(?![A-Za-z]))"
)


@dataclass(frozen=True)
class MoneyPatterns:
    """The patterns of one lexicon (see :meth:`build`)."""

    sym_code: tuple[re.Pattern[str], re.Pattern[str]]  # cheap gates: a symbol, a code
    name: re.Pattern[str]  # a currency name (the gate of the name patterns)
    prefix: re.Pattern[str]  # "$5m", "US$ 20", "EUR 5 (dollars)"
    name_prefix: re.Pattern[str]  # "euro 5"
    suffix: re.Pattern[str]  # "20 euros", "5 million dollars", "30 USD", "20 €"
    sub: re.Pattern[str]  # "50 cents", "20p"
    subpart: re.Pattern[str]  # the cents after a figure: "$1 and 50 cents"
    trail: re.Pattern[str]  # "2 pounds 50": the hundredths after a named amount
    period: re.Pattern[str]  # "a year", "per share", "/month", "annually"
    cue: re.Pattern[str]  # a comparison between a money mention and a bare figure before it
    qualifier: re.Pattern[str]  # "more than", "about", "between" before a figure
    qualifiers: Mapping[str, str | None]  # qualifier text -> normalised qualifier

    @classmethod
    def build(cls, lex: CurrencyLexicon, data: Mapping[str, Any]) -> MoneyPatterns:
        """Compile the patterns of a lexicon.

        Args:
            lex: The currency lookups.
            data: The parsed ``money_lexicon.json`` (for its ``qualifiers``).

        Returns:
            The patterns.

        """
        sym = r"(?-i:" + alternation(lex.symbols) + r")"
        code = r"(?<![A-Za-z])(?-i:" + alternation(lex.codes) + r")(?![A-Za-z])"
        name = r"(?<![\w])" + alternation(n for n in lex.names) + r"(?![\w-])"
        pre = r"(?:" + _DOLLAR_PREFIX + "|" + code + r"\s?" + sym + "|" + sym + "|" + code + ")"
        post = r"(?:" + name + "|" + code + "|" + sym + ")"
        subs = [s for s in lex.subunits if s not in lex.glued_subunits]
        glued = alternation(lex.glued_subunits)
        sub = r"(?:" + alternation(subs) + r"(?![\w-])|(?<=\d)" + glued + r"(?![\w]|\.m))"
        prefix = (r"(?P<pre>" + pre + r")\s?(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + SCALE
                  + r")?(?:\s?(?P<post>" + name + "|" + code + r")(?!\s?\d))?")  # fmt: skip
        flags = re.IGNORECASE
        qualifiers: Mapping[str, str | None] = dict(data.get("qualifiers", {}))
        return cls(
            # checked apart, as one alternation of them all is slower than the separate searches
            sym_code=(re.compile(sym, flags), re.compile(code, flags)),
            name=re.compile(name, flags),
            prefix=re.compile(prefix, flags),
            name_prefix=re.compile(
                r"(?P<pre>" + name + r")\s+(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + SCALE + r")?", flags
            ),
            suffix=re.compile(
                r"(?<![\w.,])(?P<num>" + NUM + r")(?P<scale>" + SCALE + r")?(?:\s?|-)(?P<post>" + post + r")",
                flags,
            ),
            sub=re.compile(r"(?<![\w.,])(?P<num>" + NUM + r")(?:\s?|-)(?P<sub>" + sub + r")", flags),
            subpart=re.compile(
                r"\s*(?:,\s*)?(?:and\s+)?(?P<num>" + NUM + r")(?:\s?|-)(?P<sub>" + sub + r")", flags
            ),
            trail=re.compile(
                r"\s+(?:and\s+)?(?P<num>\d{1,2}|" + am.NUM_WORDS + r")(?=\s*(?:$|[.,;:!?)]))", flags
            ),
            period=_period(lex, flags),
            cue=re.compile(r"(?i)(?<![\w])" + alternation(lex.inherit_cues) + r"(?:\s+\S+){0,3}\s+$"),
            qualifier=re.compile(r"(?i)(?<![\w])(" + alternation(qualifiers) + r")\s+$"),
            qualifiers=qualifiers,
        )


def _period(lex: CurrencyLexicon, flags: re.RegexFlag) -> re.Pattern[str]:
    units = alternation(lex.period_units)
    not_after = alternation(lex.not_period_after)
    return re.compile(
        r"(?:\s*/\s*(?P<slash>[A-Za-z]{1,12})(?![\w])|\s+(?P<word>(?:a|an|per|each|every)\s+" + units
        + r"s?)(?![\w])(?!\s+" + not_after + r")|\s+(?P<adv>" + alternation(lex.period_adverbs)
        + r")(?![\w]))", flags)  # fmt: skip
