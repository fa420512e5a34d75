"""The compiled money patterns: built once per lexicon from its currency forms.

A money mention is a currency before the figure (``"$5m"``, ``"US$ 20"``, ``"euro 5"``), after it
(``"20 euros"``, ``"5 million dollars"``, ``"30 USD"``) or a sub-unit (``"50 cents"``, ``"20p"``);
qualifiers (``"more than"``), ranges (``"$5-6 million"``, ``"between 3 and 4 euros"``) and rates
(``"a year"``, ``"/month"``) are read around it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quotemine.pipeline.money import amounts as am
from quotemine.pipeline.money.currency import CurrencyLexicon, alternation

__all__ = [
    "BARE",
    "BARE_GATE",
    "HOT",
    "NUM",
    "RANGE_GAP",
    "RANGE_LEFT",
    "RANGE_RIGHT",
    "SCALE",
    "MoneyPatterns",
]

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
#: The scale word every ``BARE`` figure ends with (never right after a letter: digits, a space or a
#: hyphen come before it): a window without one has no bare figure.
BARE_GATE = re.compile(r"(?i)(?<![^\W\d])(?:million|billion|trillion|bn|mn)(?![\w-])")
#: Digits and currency symbols: where a money mention may be.
HOT = re.compile(r"[0-9$£€¥₹₽₩₪₺₴₦₱₫₭₾元¢฿₸₼₣₿]+")
#: Thousands grouped by plain spaces, read only right before a currency ("12 000 kr").
_SPACED = r"\d{1,3}(?: \d{3})+(?![\d.,])"
_DOLLAR_PREFIX = (
    r"(?<![A-Za-z])(?:(?:u\.?\s?s\.?|c|hk|nz)\s\$|(?-i:[A-Z]{3})\$|\$\s?(?-i:[A-Z]{3})(?![A-Za-z]))"
)


class MoneyPatterns:
    """The patterns of one lexicon (see :meth:`build`).

    Each pattern is compiled the first time a document needs it (compiling all of them costs about
    a tenth of a second at start-up, and a text with no currency name never needs the name
    patterns); ``build`` only writes their sources.
    """

    def __init__(self, sources: Mapping[str, str], qualifiers: Mapping[str, str | None]) -> None:
        self._sources = dict(sources)
        self.qualifiers = qualifiers  # qualifier text -> normalised qualifier

    def _compiled(self, key: str) -> re.Pattern[str]:
        return re.compile(self._sources[key], re.IGNORECASE)

    @functools.cached_property
    def sym_code(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The cheap gates: a currency symbol, a currency code (checked apart: faster than one)."""
        return self._compiled("sym"), self._compiled("code")

    @functools.cached_property
    def name(self) -> re.Pattern[str]:
        """A currency name (the gate of the name patterns)."""
        return self._compiled("name")

    @functools.cached_property
    def prefix(self) -> re.Pattern[str]:
        """A currency before the figure: "$5m", "US$ 20", "EUR 5 (dollars)"."""
        return self._compiled("prefix")

    @functools.cached_property
    def name_prefix(self) -> re.Pattern[str]:
        """A currency name before the figure: "euro 5"."""
        return self._compiled("name_prefix")

    @functools.cached_property
    def suffix(self) -> re.Pattern[str]:
        """A currency after the figure: "20 euros", "5 million dollars", "30 USD", "20 €"."""
        return self._compiled("suffix")

    @functools.cached_property
    def sub(self) -> re.Pattern[str]:
        """A sub-unit: "50 cents", "20p"."""
        return self._compiled("sub")

    @functools.cached_property
    def sub_gate(self) -> re.Pattern[str]:
        """The cheap gate of ``sub``: the sub-unit word alone ("cents", the "p" of "20p")."""
        return self._compiled("sub_gate")

    @functools.cached_property
    def scaled_code(self) -> re.Pattern[str]:
        """A code with a scale: "MEUR 120", "EURm 120", "120 MEUR", "75 USD million"."""
        return self._compiled("scaled_code")

    @functools.cached_property
    def scaled_gates(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The cheap gates of the scaled passes: a scalable code anywhere, a scaled-only name."""
        return self._compiled("scalable"), self._compiled("scaled_only")

    @functools.cached_property
    def scaled_name(self) -> re.Pattern[str]:
        """A name that is a currency only after a scale word: "1.2 trillion won"."""
        return self._compiled("scaled_name")

    @functools.cached_property
    def subpart(self) -> re.Pattern[str]:
        """The cents after a figure: "$1 and 50 cents"."""
        return self._compiled("subpart")

    @functools.cached_property
    def trail(self) -> re.Pattern[str]:
        """The hundredths after a named amount: "2 pounds 50"."""
        return self._compiled("trail")

    @functools.cached_property
    def period(self) -> re.Pattern[str]:
        """A rate: "a year", "per share", "/month", "annually"."""
        return self._compiled("period")

    @functools.cached_property
    def hedge(self) -> re.Pattern[str]:
        """A hedge after a figure: "-something", "-odd", " or so", "-plus", "+"."""
        return self._compiled("hedge")

    @functools.cached_property
    def change(self) -> re.Pattern[str]:
        """A change before a figure ("rose", "fell by"): "rose 10 cents to $4" is no range."""
        return self._compiled("change")

    @functools.cached_property
    def dollar_country(self) -> re.Pattern[str]:
        """The country of a dollar after a "$" figure: " in Canadian dollars", " (Australian)"."""
        return self._compiled("dollar_country")

    @functools.cached_property
    def change_from(self) -> re.Pattern[str]:
        """A change of level before a figure ("rose from", "went from"): "from $5 to $7" is two levels."""
        return self._compiled("change_from")

    @functools.cached_property
    def cue(self) -> re.Pattern[str]:
        """A comparison between a money mention and a bare figure before it."""
        return self._compiled("cue")

    @functools.cached_property
    def qualifier(self) -> re.Pattern[str]:
        """A qualifier before a figure: "more than", "about", "between"."""
        return self._compiled("qualifier")

    @classmethod
    def load(cls, lex: CurrencyLexicon, data: Mapping[str, Any]) -> MoneyPatterns:
        """Return the patterns of a lexicon, their sources read from the on-disk cache when it has them.

        Writing the sources (tries of some thousand currency forms) takes a tenth of a second of
        every start. The cache (``quotemine.lexicons.cache``) is keyed by the lexicon data, the
        ISO 4217 package's version and the text of the modules that write the sources.
        """
        from quotemine.lexicons.cache import cache_key, cached
        from quotemine.pipeline.money import currency

        texts = [json.dumps(data, sort_keys=True, default=str)]
        texts += [Path(module.__file__ or "").read_text(encoding="utf-8") for module in (am, currency)]
        texts.append(Path(__file__).read_text(encoding="utf-8"))
        key = cache_key(("quotemine", "iso4217"), texts)
        sources = cached("money-patterns", key, lambda: cls.build(lex, data)._sources, dict, _sources)
        return cls(sources, dict(data.get("qualifiers", {})))

    @classmethod
    def build(cls, lex: CurrencyLexicon, data: Mapping[str, Any]) -> MoneyPatterns:
        """Write the pattern sources of a lexicon; each is compiled on first use.

        Args:
            lex: The currency lookups.
            data: The parsed ``money_lexicon.json`` (for its ``qualifiers``).

        Returns:
            The patterns.

        """
        sym = r"(?-i:" + alternation(lex.symbols) + r")"
        lone_sym = r"(?<![A-Za-z])" + sym  # "kr 5", not the end of a word
        code = r"(?<![A-Za-z])(?-i:" + alternation(lex.codes) + r")(?![A-Za-z])"
        name = r"(?<![\w])" + alternation(n for n in lex.names) + r"(?![\w-])"
        pre = r"(?:" + _DOLLAR_PREFIX + "|" + code + r"\s?" + sym + "|" + lone_sym + "|" + code + ")"
        post = r"(?:" + name + "|" + code + "|" + sym + ")"
        subs = [s for s in lex.subunits if s not in lex.glued_subunits]
        glued = alternation(lex.glued_subunits)
        sub = r"(?:" + alternation(subs) + r"(?![\w-])|(?<=\d)" + glued + r"(?![\w]|\.m))"
        sub_country = (
            r"(?:(?P<subq>" + alternation(lex.subunit_qualifiers) + r")\s+(?=" + alternation(subs) + "))?"
        )
        num_scale = r"(?P<num>" + am.NUM_DIGITS + r")(?P<scale>" + SCALE + r")?"
        prefix = (
            r"(?P<pre>" + pre + r")\s?" + num_scale + r"(?:\s?(?P<post>" + name + "|" + code + r")(?!\s?\d))?"
        )
        name_prefix = r"(?P<pre>" + name + r")\s+" + num_scale
        suffix = (
            r"(?<![\w.,])(?P<num>"
            + _SPACED
            + "|"
            + NUM
            + r")(?P<scale>"
            + SCALE
            + r")?(?:\s?|-)(?P<post>"
            + post
            + r")"
        )
        qualifiers: Mapping[str, str | None] = dict(data.get("qualifiers", {}))
        countries = alternation(lex.subunit_qualifiers)
        sources = {
            "sym": sym,
            "code": code,
            "name": name,
            "prefix": prefix,
            "name_prefix": name_prefix,
            "suffix": suffix,
            "sub": r"(?<![\w.,])(?P<num>" + NUM + r")(?:\s?|-)" + sub_country + r"(?P<sub>" + sub + r")",
            "sub_gate": _sub_gate(sub, subs),
            "scaled_code": _scaled_code(lex),
            "scalable": r"(?-i:" + alternation(lex.scalable_codes) + r")",
            "scaled_only": r"\b" + alternation(lex.scaled_only_names) + r"\b",
            "scaled_name": r"(?<![\w.,])(?P<num>"
            + NUM
            + r")(?P<scale>[\s-]?"
            + am.SCALE_WORDS
            + r")\s+(?P<post>"
            + alternation(lex.scaled_only_names)
            + r")(?![\w-])",
            "subpart": r"\s*(?:,\s*)?(?:and\s+)?(?P<num>" + NUM + r")(?:\s?|-)(?P<sub>" + sub + r")",
            "trail": r"\s+(?:and\s+)?(?P<num>\d{1,2}|" + am.NUM_WORDS + r")(?=\s*(?:$|[.,;:!?)]))",
            "period": _period(lex),
            "hedge": alternation(lex.hedges_after) + r"(?![\w+])",
            "change": r"(?<![\w])" + alternation(lex.change_words) + r"\s+$",
            "dollar_country": r"(?:\s+in\s+(?P<country>"
            + countries
            + r")\s+dollars?(?![\w])|\s*\(\s*(?P<paren>"
            + countries
            + r")(?:\s+dollars?)?\s*\))",
            "change_from": r"(?<![\w])"
            + alternation({*lex.change_words, *lex.change_from_words} - {"by"})
            + r"\s+from\s+$",
            "cue": r"(?i)(?<![\w])" + alternation(lex.inherit_cues) + r"(?:\s+\S+){0,3}\s+$",
            "qualifier": r"(?i)(?<![\w])(" + alternation(qualifiers) + r")\s+$",
        }
        return cls(sources, qualifiers)


def _sub_gate(sub: str, subs: list[str]) -> str:
    """Write the cheap gate of the sub-unit pattern: a sub-unit word where one can follow a figure.

    In ``sub`` the word follows digits, a space or a hyphen, never a letter ("percent" holds no
    sub-unit); only a sub-unit that starts with a sign ("fifty¢") may follow the letter ending a
    number word.
    """
    signs = [form for form in subs if not re.match(r"\w", form)]
    return r"(?<![^\W\d])" + sub + ("|" + alternation(signs) if signs else "")


def _sources(data: Any) -> dict[str, str]:
    """Check cached pattern sources: a mapping of names to strings."""
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError("not a mapping of pattern sources")
    return {str(k): v for k, v in data.items()}


def _period(lex: CurrencyLexicon) -> str:
    """Write the pattern of a rate after a figure: "a year", "-a-year", "per pound", "/kg", "annually".

    "a year earlier" is no rate, but the hyphened "-a-year" always is. After "per" any noun is a
    unit ("per bowl"); after "a" only a unit of the lexicon is ("$5 a friend" is no price).
    """
    units = alternation(lex.period_units)
    not_after = alternation(lex.not_period_after)
    return (
        r"(?:\s*/\s*(?P<slash>[A-Za-z]{1,12})(?![\w])|(?:\s+|(?P<hy>-))(?P<word>(?:a|an|per|each|every)[\s-]+(?P<unit>"
        + units + r")s?)(?![\w])(?(hy)|(?!\s+" + not_after + r"))|(?:\s+|-)(?P<word2>per[\s-]+(?P<unit2>"
        + r"(?!(?:cent|centum|the|an?|his|her|their|its|our|se)\b)[A-Za-z]{2,15}))(?![\w])|\s+(?P<adv>"
        + alternation(lex.period_adverbs) + r")(?![\w]))")  # fmt: skip


def _scaled_code(lex: CurrencyLexicon) -> str:
    """Write the pattern of a scaled code: "MEUR 120", "EURm 120", "120 MEUR", "75 USD million".

    Groups: ``num`` or ``num2`` (the figure first); ``code1`` to ``code4``, one per form; the scale
    in ``pre`` or ``pre2`` (a letter before the code), ``suf`` (a letter after it) or ``word``.
    """
    alt = alternation(lex.scalable_codes)

    def code(n: int) -> str:
        return r"(?P<code" + str(n) + r">(?-i:" + alt + r"))"

    def pre(name: str) -> str:
        return r"(?P<" + name + r">(?-i:" + alternation(lex.scale_prefixes) + r"))"

    suf = r"(?P<suf>(?-i:" + alternation(lex.scale_suffixes) + r"))"
    word = r"(?P<word>" + am.SCALE_WORDS + r")"
    return (
        r"(?<![A-Za-z])(?:" + pre("pre") + code(1) + r"|" + code(2) + suf + r")(?![A-Za-z])\s?(?P<num>"
        + am.NUM_DIGITS + r")(?![\d])|(?<![\w.,])(?P<num2>" + am.NUM_DIGITS + r")\s?(?:" + pre("pre2")
        + code(3) + r"(?![A-Za-z])|" + code(4) + r"\s" + word + r")"
    )  # fmt: skip
