"""Money: ranges written with "between" and a hyphen, two levels of a change, and the rand's "R"."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from tests.models import default_model

from quotemine.extensions import register_extensions
from quotemine.pipeline.money import MoneyParser

register_extensions()


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _money(nlp: Language, text: str) -> list[tuple[Any, ...]]:
    doc = MoneyParser(nlp, "quotemine_money")(nlp(text))
    return [
        (text[i["start"] : i["end"]], i["amount"], i["amount_max"], i["currency"]) for i in doc._.qm_money
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Orrin footbridge will cost between 5 million-6 million euros.",
            ("between 5 million-6 million euros", "5000000", "6000000", "EUR"),
        ),
        (
            "Repairs at Veldt Mill ran between $5-$6 million.",
            ("between $5-$6 million", "5000000", "6000000", "USD"),
        ),
        ("Tessary Foods paid between £3 and £4 a bottle.", ("between £3 and £4 a bottle", "3", "4", "GBP")),
    ],
)
def test_between_with_a_hyphen_is_one_range(blank: Language, text: str, expected: tuple[Any, ...]) -> None:
    assert _money(blank, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the level before a change and the level after: two amounts, the elided scale shared
        (
            "Harlow Dairy's sales rose from $5 to $7 million.",
            [("$5", "5000000", None, "USD"), ("$7 million", "7000000", None, "USD")],
        ),
        (
            "Its debt fell from $9 to $7 million in two years.",
            [("$9", "9000000", None, "USD"), ("$7 million", "7000000", None, "USD")],
        ),
        (
            "Membership fees went from £40 to £35 this spring.",
            [("£40", "40", None, "GBP"), ("£35", "35", None, "GBP")],
        ),
        # scaled, the first figure would be far above the second: its own amount
        (
            "Her stake in Pelling Works grew from $500 to $7 million.",
            [("$500", "500", None, "USD"), ("$7 million", "7000000", None, "USD")],
        ),
        (
            "Ticket revenue jumped from $5 million to $7 million.",
            [("$5 million", "5000000", None, "USD"), ("$7 million", "7000000", None, "USD")],
        ),
    ],
)
def test_change_from_one_level_to_another_gives_two_amounts(
    blank: Language, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _money(blank, text) == expected


def test_from_to_without_a_change_stays_a_range(blank: Language) -> None:
    assert _money(blank, "The Brisco contract was worth from $5 to $7 million.") == [
        ("$5 to $7 million", "5000000", "7000000", "USD")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Durban council approved an R80 million upgrade.", [("R80 million", "80000000", None, "ZAR")]),
        ("In Soweto the boots sold for R1,150 each.", [("R1,150 each", "1150", None, "ZAR")]),
        ("A taxi from Sandton cost commuters R22.", [("R22", "22", None, "ZAR")]),
        ("The South African miner raised R3.4bn.", [("R3.4bn", "3400000000", None, "ZAR")]),
        # a road, a rating: no sum word before a bare small figure
        ("Near Polokwane the R71 was closed.", []),
        ("A film rated R16 opened in Pretoria.", []),
        # Brazil's real keeps its own symbol
        ("A Gauteng dealer paid R$40 million.", [("R$40 million", "40000000", None, "BRL")]),
    ],
)
def test_r_is_the_rand_where_south_africa_is_named(
    blank: Language, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _money(blank, text) == expected


@pytest.mark.parametrize(
    "text", ["The Corvan R50 engine was rebuilt.", "Marla Tesk paid R50 million for the Osk Valley ranch."]
)
def test_r_is_no_currency_without_south_africa(blank: Language, text: str) -> None:
    assert _money(blank, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tarrow Mining paid $A12 million for the lease.", ("$A12 million", "12000000", None, "AUD")),
        ("The Nelson council budgeted $NZ3.2 million.", ("$NZ3.2 million", "3200000", None, "NZD")),
        ("Brelle Oil earned Cdn$40 million.", ("Cdn$40 million", "40000000", None, "CAD")),
        ("The Perth buyer offered $US5 billion.", ("$US5 billion", "5000000000", None, "USD")),
    ],
)
def test_dollar_with_the_country_after_the_sign(
    blank: Language, text: str, expected: tuple[Any, ...]
) -> None:
    assert _money(blank, text) == [expected]


def test_sh_is_the_kenyan_shilling_where_kenya_is_named(blank: Language) -> None:
    assert _money(blank, "The Kisumu co-operative borrowed Sh2 billion.") == [
        ("Sh2 billion", "2000000000", None, "KES")
    ]
    assert _money(blank, "The co-operative borrowed Sh2 billion.") == [
        ("Sh2 billion", "2000000000", None, None)
    ]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Tolland raffle winner took home a million pounds.",
            [("a million pounds", "1000000", None, "GBP")],
        ),
        ("Orsa Lane's tenants were owed 2 million pounds.", [("2 million pounds", "2000000", None, "GBP")]),
        ("The Ebbmoor trawler landed 2 million pounds of cod.", []),
        ("The Ebbmoor ferry can carry 80 pounds per passenger.", []),
    ],
)
def test_scaled_pounds_are_a_sum_unless_a_weight_is_about(
    nlp: Language, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _money(nlp, text) == expected


@pytest.mark.parametrize(
    "text, currency",
    [
        ("The Regina board paid $2.4 million in Canadian dollars.", "CAD"),
        ("The Bunbury quarry sold for $900 million (Australian).", "AUD"),
        ("The Napier firm raised $12 million in New Zealand dollars.", "NZD"),
        # a place, not a currency: the bare "$" keeps its default
        ("A taxi ride cost $40 in Hong Kong.", "USD"),
    ],
)
def test_dollar_figure_takes_the_country_named_after_it(blank: Language, text: str, currency: str) -> None:
    [(_, _, _, found)] = _money(blank, text)
    assert found == currency
