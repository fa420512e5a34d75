"""Currency forms and their ISO 4217 codes: the money lexicon, read once and built into lookups.

Codes and official names come from ISO 4217 (the ``iso4217`` package); ``money_lexicon.json`` adds
symbols, dollar prefixes, informal, qualified and withdrawn names, cryptocurrencies (no ISO code:
``None``), scaled codes (``"MEUR"``), sub-units, per-period and per-unit words, hedges and the cue
words of weights and of compared amounts. :func:`build_lexicon` turns both into a
:class:`CurrencyLexicon`; :func:`alternation` writes a set of forms as one fast regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from quotemine.lexicons import data_json

__all__ = ["LEXICON_FILE", "CurrencyLexicon", "alternation", "build_lexicon", "iso_rows", "load_lexicon_data"]

LEXICON_FILE: Final = "money_lexicon.json"
_PARENTHESES = re.compile(r"\s*\(.*?\)\s*")


def load_lexicon_data() -> dict[str, Any]:
    """Return a fresh copy of the packaged ``money_lexicon.json`` (read once per process)."""
    return dict(data_json(LEXICON_FILE))


def iso_rows() -> list[tuple[str, str, tuple[str, ...]]]:
    """Return ``(code, official name, country names)`` for each ISO 4217 currency."""
    import iso4217

    return [(c.code, c.currency_name, tuple(c.country_names)) for c in iso4217.Currency]


@dataclass(frozen=True)
class CurrencyLexicon:
    """Lookup tables from currency forms to ISO 4217 codes (``None`` for ambiguous forms)."""

    symbols: Mapping[str, str | None]
    codes: Mapping[str, str | None]
    names: Mapping[str, str | None]
    spaced_prefixes: Mapping[str, str]
    subunits: Mapping[str, tuple[Decimal, str]]
    glued_subunits: frozenset[str]
    period_units: tuple[str, ...]
    period_adverbs: tuple[str, ...]
    not_period_after: tuple[str, ...]
    weight_cues: frozenset[str]
    body_weight_cues: frozenset[str]
    money_cues: frozenset[str]
    inherit_cues: tuple[str, ...]
    time_units: frozenset[str]
    scale_prefixes: Mapping[str, Decimal]
    scale_suffixes: Mapping[str, Decimal]
    scalable_codes: tuple[str, ...]
    subunit_qualifiers: Mapping[str, str]
    money_after_of: frozenset[str]
    vague_before: tuple[str, ...]
    hedges_after: Mapping[str, str]
    scaled_only_names: Mapping[str, str | None]
    change_words: tuple[str, ...]
    change_from_words: tuple[str, ...]
    #: A symbol that is a currency only where the text names its country ("R" and South Africa):
    #: symbol -> (code, the words that name the country).
    context_symbols: Mapping[str, tuple[str, tuple[str, ...]]]

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
        m = re.fullmatch(r"(?i)([A-Z]{3})\s?\$|\$\s?([A-Z]{3})", f)
        if m:  # "SGD$", "usd$", "$ SGD"
            written = m.group(1) or m.group(2)
            return self.codes.get(written, self.codes.get(written.upper())), "symbol"
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


def _decimals(table: Mapping[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(v)) for k, v in table.items()}


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
    blocked = set(data.get("blocked_names", []))
    codes, names = _iso_forms(data, iso_rows, blocked)
    for form, code in {**data.get("unit_defaults", {}), **data.get("qualified_names", {})}.items():
        for variant in _plurals(form.lower()):
            names[variant] = code
    for form in blocked:
        for variant in _plurals(form):
            names.pop(variant, None)
    for form, code in data.get("extra_codes", {}).items():
        codes[form] = code
    subunits = {k: (Decimal(str(v[0])), str(v[1])) for k, v in data.get("subunits", {}).items()}
    scaled = data.get("scaled_codes", {})
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
        body_weight_cues=frozenset(data.get("body_weight_cues", [])),
        money_cues=frozenset(data.get("money_cues", [])),
        inherit_cues=tuple(data.get("inherit_cues", [])),
        time_units=frozenset(data.get("time_units", [])),
        scale_prefixes=_decimals(scaled.get("prefixes", {})),
        scale_suffixes=_decimals(scaled.get("suffixes", {})),
        scalable_codes=tuple(scaled.get("codes", [])),
        subunit_qualifiers=dict(data.get("subunit_qualifiers", {})),
        money_after_of=frozenset(data.get("money_after_of", [])),
        vague_before=tuple(data.get("vague_before", [])),
        hedges_after=dict(data.get("hedges_after", {})),
        scaled_only_names=dict(data.get("scaled_only_names", {})),
        change_words=tuple(data.get("change_words", [])),
        change_from_words=tuple(data.get("change_from_words", [])),
        context_symbols={
            str(sym): (str(entry["code"]), tuple(str(cue) for cue in entry.get("cues", ())))
            for sym, entry in data.get("context_symbols", {}).items()
        },
    )


def _iso_forms(
    data: Mapping[str, Any], iso_rows: Iterable[tuple[str, str, Iterable[str]]], blocked: set[str]
) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Return the ISO codes and the name forms the ISO table gives ("swiss franc", "swiss francs").

    An official head word shared by several currencies ("dollar", "franc") is ambiguous: its forms
    map to ``None`` unless the data file names a default.
    """
    excluded = set(data.get("excluded_codes", []))
    codes: dict[str, str | None] = {}
    names: dict[str, str | None] = {}
    heads: dict[str, set[str]] = {}
    for code, official, countries in iso_rows:
        if code in excluded:
            continue
        codes[code] = code
        name = official.lower()
        if "fund" in name or "unit" in name or "(" in name:
            continue
        head = name.split(" ")[-1]
        heads.setdefault(head, set()).add(code)
        forms = [] if name in blocked else [name]
        if head not in blocked:
            forms += _country_forms(head, list(countries))
        for form in forms:
            for variant in _plurals(form):
                names.setdefault(variant, code)
    for head, owners in heads.items():
        if len(owners) > 1:
            for form in _plurals(head):
                if names.get(form) in owners:
                    names[form] = None
    return codes, names


def _country_forms(head: str, countries: list[str]) -> list[str]:
    """Return "<country> <head>" for a currency of at most three countries ("swiss franc")."""
    if not 0 < len(countries) <= 3:
        return []
    forms = []
    for country in countries:
        c = _PARENTHESES.sub(" ", country).strip().lower()
        if c and len(c.split()) <= 3:
            forms.append(f"{c} {head}")
    return forms


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
    # a chain of single letters needs no group of its own: fewer groups parse much faster, and
    # the language and the order of the alternatives are the same
    if len(branches) == 1:
        return "(?:" + branches[0] + ")?" if optional else branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if optional else group
