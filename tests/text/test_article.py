"""Reading the article of a web page (``quotemine.text.article``): no spaCy model needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotemine.errors import ArticleNotFoundError, MissingExtraError
from quotemine.text import article
from quotemine.text.article import PageArticle, read_page, require_trafilatura
from quotemine.text.head import byline_names, headline

pytest.importorskip("trafilatura", reason="the web extra is not installed")

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"


def _page(title: str, author: str, body: str, head: str = "") -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title><meta name="author" content="{author}">'
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/x'>Opinion</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer><p>Editor: Hester Quaile.</p></footer></body></html>"
    )


BODY = (
    "<p>The Dunmore water board said on Monday it would raise charges by 4 percent from April.</p>"
    "<p>&ldquo;Nobody likes paying more,&rdquo; said board member Colm Adair. "
    "&ldquo;But the pipes are old.&rdquo;</p>"
)


def test_the_analysed_text_is_title_byline_then_one_paragraph_per_line() -> None:
    page = read_page(_page("Water charges to rise", "Niamh Corrigan", BODY))
    assert page.text == (
        "Water charges to rise\n\nBy Niamh Corrigan\n\n"
        "The Dunmore water board said on Monday it would raise charges by 4 percent from April.\n\n"
        "\u201cNobody likes paying more,\u201d said board member Colm Adair. "
        "\u201cBut the pipes are old.\u201d\n"
    )
    assert page.title is not None and page.text[slice(*page.title)] == "Water charges to rise"
    assert [page.text[s:e] for s, e in page.authors] == ["Niamh Corrigan"]
    # head.py reads the same title and byline out of the text: the project's plain-text convention.
    assert headline(page.text) == page.title
    assert byline_names(page.text) == list(page.authors)
    assert "Hester Quaile" not in page.text and "Opinion" not in page.text


@pytest.mark.parametrize(
    "author, names",
    [
        ("Niamh Corrigan; Tadhg Brennan", ["Niamh Corrigan", "Tadhg Brennan"]),
        ("Niamh Corrigan and Tadhg Brennan", ["Niamh Corrigan", "Tadhg Brennan"]),
        ("By Niamh Corrigan, Staff Reporter", ["Niamh Corrigan"]),
        ("Dunmore Herald Staff", []),  # a desk, not a person
        ("Editorial Board", []),
        ("Corrigan", []),  # one word: a site or a handle more often than a person
        ("dunmore_news_desk", []),
    ],
)
def test_only_people_go_into_the_byline(author: str, names: list[str]) -> None:
    page = read_page(_page("Water charges to rise", author, BODY))
    assert [page.text[s:e] for s, e in page.authors] == names
    if not names:
        assert "\nBy " not in page.text


def test_the_site_name_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="Dunmore Herald">'
    page = read_page(_page("Water charges to rise", "Dunmore Herald", BODY, head))
    assert page.authors == ()


def test_the_date_comes_from_the_markup_only() -> None:
    dated = read_page(
        _page(
            "Water charges to rise",
            "Niamh Corrigan",
            BODY,
            '<meta property="article:published_time" content="2020-02-03">',
        )
    )
    assert dated.published == "2020-02-03"
    # A date in the running text is not the publication date: nothing is guessed.
    undated = read_page(
        _page("Water charges to rise", "Niamh Corrigan", "<p>On 3 March 2019 the board met.</p>" + BODY)
    )
    assert undated.published is None


def test_a_date_element_of_the_article_counts_but_not_one_of_other_stories() -> None:
    def page(article_date: str) -> str:
        return (
            "<html><head><title>Water charges to rise</title></head><body>"
            f"<article><h1>Water charges to rise</h1>{article_date}{BODY}</article>"
            "<aside class='related'><a href='/a'>Old story</a> <time datetime='2016-02-01'>1 Feb 2016</time>"
            "</aside><div class='comments'><time datetime='2015-01-01'>1 Jan 2015</time> Great!</div>"
            "<footer><time datetime='2014-06-01'>June 2014</time></footer></body></html>"
        )

    assert read_page(page("")).published is None  # only other stories' dates: none is the page's
    stated = "<p class='date'><time datetime='2020-02-03'>3 February 2020</time></p>"
    assert read_page(page(stated)).published == "2020-02-03"
    json_ld = (
        "<div><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "datePublished": "2020-07-09"}</script></div>'
    )
    assert read_page(page(json_ld)).published == "2020-07-09"


def test_paragraphs_separated_by_line_breaks_only_are_paragraphs() -> None:
    html = (
        "<html><head><title>Water charges to rise</title></head><body><div class='text'>"
        "<h2>Water charges to rise</h2>The Dunmore water board met on Monday.<br><br>"
        "It said charges would rise by 4 percent.<br>Board member Colm Adair said so.</div></body></html>"
    )
    page = read_page(html)
    assert page.text == (
        "Water charges to rise\n\nThe Dunmore water board met on Monday.\n\n"
        "It said charges would rise by 4 percent.\n\nBoard member Colm Adair said so.\n"
    )


def test_a_kicker_above_the_headline_and_a_repeated_byline_are_dropped() -> None:
    body = "<p class='kicker'>Local news</p><h2>Water charges to rise</h2><p>By Niamh Corrigan</p>" + BODY
    html = (
        "<html><head><title>Water charges to rise</title><meta name='author' content='Niamh Corrigan'></head>"
        f"<body><div class='story'>{body}</div></body></html>"
    )
    page = read_page(html)
    lines = [line for line in page.text.split("\n") if line]
    assert lines[:2] == ["Water charges to rise", "By Niamh Corrigan"]
    assert lines[2].startswith("The Dunmore water board")
    assert "Local news" not in page.text


def test_lists_and_subheadings_are_paragraphs_of_their_own() -> None:
    body = BODY + "<h2>What changes</h2><ul><li>Standing charges rise.</li><li>Meters are free.</li></ul>"
    page = read_page(_page("Water charges to rise", "Niamh Corrigan", body))
    assert page.text.endswith("\n\nWhat changes\n\nStanding charges rise.\n\nMeters are free.\n")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><nav><ul><li><a href='/a'>Home</a></li>"
        "<li><a href='/b'>News</a></li></ul></nav></body></html>",
        "<html><body><div><a href='/1'>Sport</a> <a href='/2'>Weather</a> "
        "<a href='/3'>Jobs</a></div></body></html>",
    ],
)
def test_a_page_without_article_text_is_an_error(html: str) -> None:
    with pytest.raises(ArticleNotFoundError, match="no article text"):
        read_page(html)


def test_a_missing_trafilatura_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "trafilatura", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'quotemine\[web\]'") as info:
        require_trafilatura()
    assert "\n" not in str(info.value)
    with pytest.raises(MissingExtraError):
        read_page("<p>x</p>")


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html")), ids=lambda p: p.stem)
def test_the_test_pages_read_as_their_plain_text(path: Path) -> None:
    page = read_page(path.read_text(encoding="utf-8"))
    assert page.text == path.with_suffix(".txt").read_text(encoding="utf-8")
    assert page.published is not None


def test_module_exports() -> None:
    assert set(article.__all__) == {
        "PAGE_SUFFIXES",
        "HtmlMode",
        "PageArticle",
        "read_page",
        "require_trafilatura",
    }


def _check(page: PageArticle) -> None:
    for start, end in (*page.authors, *([page.title] if page.title else [])):
        assert 0 <= start < end <= len(page.text)
    assert all(line.strip() == line for line in page.text.split("\n"))
    assert "\n\n\n" not in page.text and page.text.endswith("\n")


@given(st.text(max_size=300))
def test_any_text_gives_an_article_or_article_not_found(raw: str) -> None:
    try:
        page = read_page(raw)
    except ArticleNotFoundError:
        return
    _check(page)


@given(
    st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80), max_size=6),
    st.text(max_size=40),
    st.text(max_size=40),
)
def test_any_page_gives_valid_spans(paragraphs: list[str], title: str, author: str) -> None:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        f"<html><head><title>{escape(title)}</title>"
        f"<meta name='author' content='{escape(author, quote=True)}'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )
    try:
        page = read_page(html)
    except ArticleNotFoundError:
        return
    _check(page)
