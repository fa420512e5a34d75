"""Take the article out of a saved news page: its body, title, byline and publication date.

A web page is mostly not the article: navigation menus, share buttons, "related stories", comment
threads, cookie banners and a footer full of staff and company names. Masking the markup
(``html_mask.py``) keeps all of that as text, so its names and headlines become people,
organisations and quotes. ``read_page`` asks trafilatura (the optional ``web`` extra) for the
article's main text and metadata and builds the *analysed text* in the project's plain-text
convention, the one ``head.py`` reads and the samples follow::

    Title line

    By First Author and Second Author

    First paragraph of the body.

    Second paragraph of the body.

Every paragraph is one line, paragraphs are separated by a blank line. The byline line holds only
the metadata's author names that read as people's names (an author such as "Staff reporter" or the
site's own name is left out). The publication date is the one the page's markup states (meta tags,
``<time>`` elements, JSON-LD), never one guessed from the text or the clock.

trafilatura is imported when a page is read, not when quotemine is imported.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from quotemine.errors import ArticleNotFoundError, MissingExtraError

logger = logging.getLogger(__name__)

__all__ = ["PAGE_SUFFIXES", "HtmlMode", "PageArticle", "read_page", "require_trafilatura"]

#: File name endings read as web pages by ``quotemine extract`` and ``quotemine batch``.
PAGE_SUFFIXES: Final = (".html", ".htm")

_INSTALL = "pip install 'quotemine[web]'"
# Markup-only date search between these bounds: nothing from the text, nothing from the clock.
_MIN_DATE, _MAX_DATE = "1900-01-01", "2099-12-31"
_DATE_PARAMS: Final = {
    "original_date": True,
    "extensive_search": False,
    "min_date": _MIN_DATE,
    "max_date": _MAX_DATE,
}
# Parts of a page that hold other stories and their dates: not where the article's date is.
_OTHER_STORY_WORDS: Final = (
    "related",
    "comment",
    "sidebar",
    "recommend",
    "popular",
    "trending",
    "most-read",
    "read-next",
    "more-from",
    "widget",
    "rail",
    "teaser",
    "promo",
)
_OTHER_STORIES: Final = "//aside | //footer | //nav | " + " | ".join(
    f"//*[contains(translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{w}')"
    f" or contains(translate(@id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{w}')]"
    for w in _OTHER_STORY_WORDS
)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"\w[.!?][\"'\u201d\u2019)]*$")
# An author name as a byline prints it: one to four capitalised words ("Jane Doe", "J. R. Roe").
_NAME = re.compile(r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b|\|)\s*")
# Words of a byline that name a desk, a job or a publisher, not a person ("Staff Reporter").
_NOT_A_PERSON: Final = frozenset(
    "staff reporter reporters editor editors correspondent correspondents desk team newsroom news "
    "agency agencies wire wires press online digital media service services bureau contributor "
    "contributors writer writers admin administrator web editorial board".split()
)
# trafilatura's body elements that hold running text (its TEI-like output).
_BLOCKS: Final = frozenset(("p", "head", "item", "quote", "code"))
_CONTAINERS: Final = frozenset(("list", "div", "body", "table", "row", "cell"))
_SKIPPED: Final = frozenset(("del", "graphic"))
_HEAD_PARAGRAPHS = 4  # the page's head (kicker, headline, byline) repeated in the body: this near the top
_LABEL_WORDS = 8  # a kicker or section label above the headline is no longer than this


class HtmlMode(StrEnum):
    """How a web page is read: its article taken out (``article``) or all of it masked (``mask``)."""

    article = "article"
    mask = "mask"


@dataclass(frozen=True, slots=True)
class PageArticle:
    """The article of a page: the analysed text and where its title and authors are in it.

    ``title`` and ``authors`` are ``(start, end)`` offsets into ``text``; ``published`` is the
    page's publication date (ISO ``YYYY-MM-DD``) as its markup states it, or ``None``.
    """

    text: str
    title: tuple[int, int] | None = None
    authors: tuple[tuple[int, int], ...] = ()
    published: str | None = None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}.*")


def require_trafilatura() -> Any:
    """Return the ``trafilatura`` module, or raise ``MissingExtraError`` saying how to install it."""
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError(
            f"reading the article of a web page needs trafilatura; install it with: {_INSTALL} "
            "(or read the whole page with its markup masked: --html mask)"
        ) from exc
    return trafilatura


def read_page(html: str) -> PageArticle:
    """Return the article of a saved news page as analysed text, with its title, byline and date.

    Args:
        html: the page's HTML.

    Raises:
        MissingExtraError: trafilatura (the ``web`` extra) is not installed.
        ArticleNotFoundError: the page holds no article text (a page of links, an empty page).

    """
    trafilatura = require_trafilatura()
    if not html.strip():
        raise ArticleNotFoundError("no article text found in the page: it is empty")
    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    published = _page_date(html) if found is not None else None
    body = getattr(found, "body", None)
    paragraphs = _paragraphs(body) if body is not None else []
    title = _clean(getattr(found, "title", None) or "")
    site = _clean(getattr(found, "sitename", None) or "")
    names = _author_names(getattr(found, "author", None) or "", site)
    paragraphs = _body(paragraphs, title, names)
    if not any(_SENTENCE_END.search(p) for p in paragraphs):  # menus and link lists hold no sentence
        raise ArticleNotFoundError(
            "no article text found in the page (no paragraph with a sentence: a page of links, or empty)"
        )
    return _assemble(title, names, paragraphs, published)


def _body(paragraphs: list[str], title: str, names: list[str]) -> list[str]:
    """Return the body without the head the page repeats: its headline and what stands above it.

    When the headline is one of the first paragraphs and only short labels precede it (a kicker,
    a section name), those and the headline go: the title line holds it. A byline paragraph
    ("By" and an author's name) among the first paragraphs goes too: the byline line holds it.
    """
    if title and title in paragraphs[:_HEAD_PARAGRAPHS]:
        at = paragraphs.index(title)
        if all(len(p.split()) <= _LABEL_WORDS and p[-1:] not in '.?!"' for p in paragraphs[:at]):
            paragraphs = paragraphs[at + 1 :]
    head = paragraphs[:_HEAD_PARAGRAPHS]
    bylines = {i for i, p in enumerate(head) if p.lower().startswith("by ") and any(n in p for n in names)}
    return [p for i, p in enumerate(paragraphs) if i not in bylines]


def _assemble(title: str, names: list[str], paragraphs: list[str], published: str | None) -> PageArticle:
    """Lay out title, byline and paragraphs as the analysed text; note the title and author spans."""
    text = ""
    title_span: tuple[int, int] | None = None
    authors: list[tuple[int, int]] = []
    if title:
        title_span = (0, len(title))
        text = title + "\n\n"
    if names:
        text += "By "
        for number, name in enumerate(names):
            if number:
                text += " and "
            authors.append((len(text), len(text) + len(name)))
            text += name
        text += "\n\n"
    text += "\n\n".join(paragraphs) + "\n"
    return PageArticle(text=text, title=title_span, authors=tuple(authors), published=published)


def _clean(text: str) -> str:
    """Return ``text`` on one line: runs of white space (line breaks too) as one space."""
    return _SPACE.sub(" ", text).strip()


def _paragraphs(body: Any) -> list[str]:
    """Return the paragraphs of trafilatura's body, in order: one per block or line break.

    A block (paragraph, heading, list item, quote) or a line break (``<lb/>``, from ``<br>``) ends
    a paragraph; text between blocks (a page that separates paragraphs with ``<br><br>`` only)
    is a paragraph too. Deleted text (``<del>``) is left out.
    """
    parts: list[str] = []
    _flatten(body, parts)
    return [line for line in (_clean(piece) for piece in "".join(parts).split("\n")) if line]


def _flatten(element: Any, parts: list[str]) -> None:
    """Append the text of ``element`` to ``parts``, with a line break around each block."""
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS or tag in _CONTAINERS
    if block or tag == "lb":
        parts.append("\n")
    if element.text and tag not in _SKIPPED:
        parts.append(element.text.replace("\n", " "))
    if tag not in _SKIPPED:
        for child in element:
            _flatten(child, parts)
    if block:
        parts.append("\n")
    if element.tail:
        parts.append(element.tail.replace("\n", " "))


def _author_names(raw: str, site: str) -> list[str]:
    """Return the names of people in a metadata author field; desks, jobs and the site left out."""
    names: list[str] = []
    for part in _AUTHOR_SEPARATORS.split(_clean(raw)):
        name = part.strip(" .")
        if name.lower().startswith("by "):
            name = name[3:].strip()
        match = _NAME.fullmatch(name)
        if match is None or (site and name.lower() == site.lower()) or name in names:
            continue
        if any(word.lower().strip(".") in _NOT_A_PERSON for word in name.split()) or len(name.split()) < 2:
            logger.debug("page author part left out of the byline (not a person's name)")
            continue
        names.append(name)
    return names


def _page_date(html: str) -> str | None:
    """Return the publication date the page's markup states, or ``None``.

    The page's head (meta tags) and its JSON-LD are asked first. Without a date there, the
    page's date elements (``<time>``, a "date" class) count only outside the parts that carry
    other stories' dates: related links, sidebars, comments, navigation and the footer. A date
    in the running text is never taken (htmldate's text search is off), nor the clock.
    """
    from htmldate import find_date
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    head = copy.deepcopy(tree)  # the head and the JSON-LD only
    body = head.find("body")
    if body is not None:
        json_ld = body.xpath(".//script[@type='application/ld+json']")
        for child in list(body):
            body.remove(child)
        body.extend(json_ld)
    for part in tree.xpath(_OTHER_STORIES):
        if part.getparent() is not None:
            part.getparent().remove(part)
    for candidate in (head, tree):
        day = _iso(
            find_date(
                candidate,
                extensive_search=False,
                original_date=True,
                min_date=_MIN_DATE,
                max_date=_MAX_DATE,
            )
        )
        if day is not None:
            return day
    return None


def _iso(value: object) -> str | None:
    """Return trafilatura's date as ``YYYY-MM-DD``, or ``None`` when it gave none."""
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return None
    return value[:10]
