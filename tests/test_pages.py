"""News pages straight from HTML (issue 14): the article of a saved page, not its menus and footers.

Each page in ``tests/data/pages/`` was written for these tests in the style of a real news site
(invented names and organisations): navigation with section and columnist names, share buttons,
cookie banners, related-story links whose headlines hold quotes and names, comment threads with
commenters' names and a footer with staff and company names. ``<page>.txt`` beside it is the
article as plain text in the project's convention (title, byline, one paragraph per line).
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pytest

from quotemine import ArticleNotFoundError, Extractor, Failure, InputError, Page, Report
from quotemine.text.article import PAGE_SUFFIXES

pytest.importorskip("trafilatura", reason="the web extra is not installed")

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
SEED = ROOT / "data" / "samples" / "tajikistan-turns-west.txt"

# Per page: title, authors, date from the markup, people of the article, and what only the page's
# chrome says (navigation, related links, comments, footer, banners): none of it may be reported.
CASES: dict[str, dict[str, Any]] = {
    "coastline-courier-ferry": {
        "title": "Harbour council rejects Brightwater ferry plan",
        "authors": ["Marta Velasquez"],
        "published": "2021-03-14",
        "people": ["Edwin Harrow", "Lena Okonkwo", "Tomas Grieve", "Marta Velasquez"],
        "chrome": [
            "Gerald Fenwick",
            "Nadia Brook",
            "Ruth Callander",
            "Dan Pryce",
            "Fishing Union",
            "Quayside Holdings",
            "Barry Tilson",
            "Joe Smith",
            "Paula Wren",
            "Harbour Watch Trust",
            "Harriet Lowe",
            "Simon Dace",
            "Coastline Media Group",
            "It was a disaster",
            "We will strike",
            "ferries are dead money",
            "Share on Facebook",
            "cookies",
        ],
    },
    "valley-ledger-mill": {
        "title": "Mill closure puts 300 jobs at risk in Ardenford",
        "authors": ["Owen Castellan", "Priya Randhawa"],
        "published": "2019-09-06",
        "people": ["Gwen Tallis", "Ambrose Kettering", "Felix Baptiste"],
        "chrome": [
            "Hugh Marrable",
            "Edith Sorensen",
            "Ilse Varga",
            "Our orchards are dying",
            "Moira Quill",
            "Stuart Penhallow",
            "Margaret Ellery",
            "Mill Heritage Society",
            "Roland Achebe",
            "Celia Marsh",
            "Best show in years",
            "Greystone Academy",
            "Victor Lund",
            "Corinne Baptiste-Hale",
            "Leon Fairweather",
            "Ledger Publishing",
            "WhatsApp",
        ],
    },
    "metro-dispatch-transit": {
        "title": "City transit authority approves fare freeze",
        "authors": ["Jonah Whitlock"],
        "published": "2022-11-03",
        "people": ["Delphine Okafor-Reyes", "Marcus Lindqvist"],
        "chrome": [
            "Lorna Achterberg",
            "Theo Markwell",
            "Dockside Road",
            "Ines Kowalczyk",
            "We were never asked",
            "Northgate Engineering",
            "Rick Pavlenko",
            "Gus Ferrante",
            "Liberty Riders Club",
            "Hamish Treloar",
            "Calder Savings Bank",
            "Nina Volkova",
            "Savers win",
            "Renata Salgado",
            "Obadiah Finch",
            "Independent News Guild",
            "Dispatch Digital",
            "covers transportation",
        ],
    },
    "northern-wire-election": {
        "title": "Opposition wins Lanmark regional vote",
        "authors": [],  # the page's author is "Northern Wire Staff": a desk, not a person
        "published": "2018-05-04",
        "people": ["Anneliese Korver", "Halvard Brekke"],
        "chrome": [
            "Kasper Lindahl",
            "Sigrid Moe",
            "Northern Wire Services",
            "Northern Wire Staff",
            "Petra Haugland",
            "Joel Amundsen",
            "Dock Workers Federation",
            "Elin Strand",
            "We see no bubble",
            "Rafael Ocampo",
            "climate pact",
            "Bjarne Solheim",
            "Vestholm Media",
            "Trust Principles",
        ],
    },
    "harbinger-water": {
        "title": "The town that ran out of water",
        "authors": ["Ingrid Castellanos"],
        "published": "2023-08-21",
        "people": ["Hattie Margolis", "Kwame Asante-Boateng", "Louisa Tremaine"],
        "chrome": [
            "Felicity Okonjo",
            "Rupert Vance",
            "Magnus Feld",
            "aquifers are not coming back",
            "Wendell Ashgrove",
            "Orla Finnegan",
            "Drayton Council",
            "Benedikt Sauer",
            "Music saved this village",
            "Marrow Salt Works",
            "Cosima Albrecht",
            "Harbinger Review Media",
            "Tobias Renwick",
            "Senior Correspondent",
            "Gift this article",
        ],
    },
}


def _page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def _names(report: Report) -> list[str]:
    """Every name and text a report gives: people, their mentions and roles, organisations, quotes."""
    found = [p.name for p in report.people] + [o.name for o in report.organizations]
    found += [m.text for p in report.people for m in (*p.mentions, *p.roles)]
    found += [m.text for o in report.organizations for m in o.mentions]
    for q in report.quotes:
        found += [q.text] + ([q.speaker.text] if q.speaker else [])
    return found


def _summary(report: Report) -> dict[str, list[Any]]:
    """The report by text: people, organisations, quotes with speakers, dates, money."""
    people = {p.id: p.name for p in report.people}
    return {
        "people": sorted((p.name, p.author, sorted(r.text for r in p.roles)) for p in report.people),
        "quotes": sorted(
            (q.text, q.kind, q.speaker.text if q.speaker else "", people.get(q.speaker.person_id or "", ""))
            if q.speaker
            else (q.text, q.kind, "", "")
            for q in report.quotes
        ),
        "dates": sorted((d.text, d.value or "") for d in report.dates),
        "money": sorted((m.text, m.amount, m.currency or "") for m in report.money),
    }


def _check_offsets(report: Report, text: str) -> None:
    data = report.model_dump(mode="json")

    def spans(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, dict):
            here = [node] if {"text", "start", "end"} <= node.keys() else []
            return here + [s for value in node.values() for s in spans(value)]
        if isinstance(node, list):
            return [s for value in node for s in spans(value)]
        return []

    found = spans({k: v for k, v in data.items() if k != "document"}) + spans(data["document"])
    assert found
    for span in found:
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.fixture(scope="module")
def reports(extractor: Extractor) -> dict[str, Report]:
    return {name: extractor.extract_html(_page(name)) for name in CASES}


@pytest.mark.parametrize("name", sorted(CASES))
def test_article_mode_reports_the_article_and_nothing_of_the_chrome(
    reports: dict[str, Report], extractor: Extractor, name: str
) -> None:
    case = CASES[name]
    report = reports[name]
    text = report.document.text
    assert text is not None
    # The analysed text is the article, paragraph for paragraph, and every offset points into it.
    expected = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    assert [line for line in text.split("\n") if line] == [line for line in expected.split("\n") if line]
    _check_offsets(report, text)
    assert report.document.char_count == len(text)
    # Title, byline and date come from the page.
    document = report.document
    assert document.title is not None and document.title.text == case["title"]
    assert [a.text for a in document.authors] == case["authors"]
    assert (document.published, document.published_source) == (case["published"], "html")
    # Nothing of the chrome: not in the text, not a person, organisation, mention or quote.
    reported = _names(report)
    for chrome in case["chrome"]:
        assert chrome not in text, chrome
        assert not any(chrome in item for item in reported), chrome
    # Every person of the article is kept, and the report is the one of the article's plain text.
    names = {p.name for p in report.people}
    assert set(case["people"]) <= names
    plain = extractor.extract(expected, published=case["published"])
    assert _summary(report) == _summary(plain)
    assert sorted(o.name for o in report.organizations) == sorted(o.name for o in plain.organizations)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pages_chrome_is_a_real_trap_when_the_page_is_masked(extractor: Extractor, name: str) -> None:
    # The same page read whole (--html mask, today's behaviour): offsets into the HTML, and the
    # chrome's names come out, which is what article mode is for.
    html = _page(name)
    report = extractor.extract_html(html, mode="mask")
    assert report.document.text is None
    _check_offsets(report, html)
    reported = " | ".join(_names(report))
    leaked = [chrome for chrome in CASES[name]["chrome"] if chrome in reported]
    assert len(leaked) >= 3, leaked


def _seed_page(path: Path) -> str:
    """Wrap the seed article's text into a news page: banner, navigation, related links, footer.

    The text file's head (site banner, title, standfirst, byline) and its closing "More ..." list
    of other stories become the page's header, article head and related-links box.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    banner, title, standfirst, byline = lines[0], lines[2], lines[4], lines[5]
    rest = [line for line in lines[6:] if line.strip()]
    cut = next(i for i, line in enumerate(rest) if line.startswith("More "))
    body, related = rest[:cut], rest[cut:]
    site, _, motto = banner.partition(" | ")
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body)
    links = "\n".join(
        f'<li><a href="/story/{i}">{escape(line)}</a></li>' for i, line in enumerate(related[1:])
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(site)}</title>
<meta name="author" content="{escape(byline.removeprefix("By "))}">
<meta property="article:published_time" content="2003-01-10">
<meta property="og:title" content="{escape(title)}"></head><body>
<div class="cookies"><p>This website uses cookies.</p><button>Accept</button></div>
<header><a class="logo" href="/">{escape(site)}</a> <span class="motto">{escape(motto)}</span>
<nav><ul><li><a href="/news">News</a></li><li><a href="/regions">Regions</a></li></ul></nav></header>
<main><article><h1>{escape(title)}</h1><p class="standfirst">{escape(standfirst)}</p>
<p class="byline">{escape(byline)}</p><div class="share"><a href="#">Share</a> <a href="#">Email</a></div>
<div class="body">{paragraphs}</div></article>
<aside><h3>{escape(related[0])}</h3><ul>{links}</ul></aside></main>
<footer><p>&copy; {escape(site)}</p><a href="/privacy">Privacy</a></footer></body></html>"""


def test_the_seed_article_as_a_page_gives_the_report_of_its_text(extractor: Extractor) -> None:
    page = extractor.extract_html(_seed_page(SEED))
    text = extractor.extract(SEED.read_text(encoding="utf-8"), published="2003-01-10")
    assert page.document.text is not None
    _check_offsets(page, page.document.text)
    assert (page.document.published, page.document.published_source) == ("2003-01-10", "html")
    assert _summary(page) == _summary(text)
    assert page.people and page.quotes and page.dates and page.money
    # Organisations: the article's are kept; the page's banner and "more stories" box give none.
    page_orgs = {o.name for o in page.organizations}
    assert page_orgs <= {o.name for o in text.organizations}
    assert "Moskovskie Novosti" in page_orgs
    assert not page_orgs & {"Giving Voice", "Fake News"}


def test_the_callers_date_wins_over_the_pages(extractor: Extractor) -> None:
    report = extractor.extract_html(_page("coastline-courier-ferry"), published="2021-03-20")
    assert (report.document.published, report.document.published_source) == ("2021-03-20", "caller")
    friday = [d for d in report.dates if d.text == "Friday"]
    assert friday and friday[0].value == "2021-03-19"


def test_a_page_without_an_article_is_an_error(extractor: Extractor) -> None:
    links = (
        "<html><body><nav><ul><li><a href='/a'>Home</a></li>"
        "<li><a href='/b'>News</a></li></ul></nav></body></html>"
    )
    with pytest.raises(ArticleNotFoundError, match="no article"):
        extractor.extract_html(links)
    (failure,) = extractor.pipe([Page(html=links, id="links")])
    assert isinstance(failure, Failure) and failure.error == "ArticleNotFoundError" and failure.id == "links"


def test_pages_and_texts_mix_in_one_pipe(extractor: Extractor) -> None:
    html = _page("valley-ledger-mill")
    items: list[Any] = [
        {"id": "page", "html": html},
        {"id": "text", "text": "Analysts said the plan would fail."},
        Page(html=html, id="page2", published="2019-09-07"),
    ]
    page, text, page2 = extractor.pipe(items)
    assert isinstance(page, Report) and page.document.text is not None and page.id == "page"
    assert isinstance(text, Report) and text.document.text is None
    assert isinstance(page2, Report) and page2.document.published_source == "caller"
    assert page2.people == page.people


def test_extract_html_refuses_an_unknown_mode(extractor: Extractor) -> None:
    with pytest.raises(InputError, match="article or mask"):
        extractor.extract_html("<p>x</p>", mode="readability")


def test_page_suffixes() -> None:
    assert PAGE_SUFFIXES == (".html", ".htm")
