"""``quotemine extract --html`` and ``quotemine batch`` on saved web pages (issue 14)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotemine.batch import read_records, run_batch
from quotemine.cli import app

pytest.importorskip("trafilatura", reason="the web extra is not installed")

PAGES = Path(__file__).resolve().parent / "data" / "pages"
PAGE = PAGES / "coastline-courier-ferry.html"
LINKS = (
    "<html><body><nav><ul><li><a href='/a'>Home</a></li>"
    "<li><a href='/b'>News</a></li></ul></nav></body></html>"
)
runner = CliRunner()


def _no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)


@pytest.mark.usefixtures("extractor")
def test_extract_reads_an_html_file_as_its_article_by_default() -> None:
    result = runner.invoke(app, ["extract", str(PAGE)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    text = report["document"]["text"]
    assert text == PAGE.with_suffix(".txt").read_text(encoding="utf-8")
    assert report["document"]["published_source"] == "html"
    assert report["id"] == PAGE.name
    for quote in report["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert "Barry Tilson" not in result.stdout and "Harriet Lowe" not in result.stdout


@pytest.mark.usefixtures("extractor")
def test_extract_html_mask_keeps_offsets_into_the_page() -> None:
    html = PAGE.read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", str(PAGE), "--html", "mask"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["document"]["text"] is None
    assert report["document"]["char_count"] == len(html)
    for person in report["people"]:
        for mention in person["mentions"]:
            assert html[mention["start"] : mention["end"]] == mention["text"]
    assert any(w.startswith("input looks like HTML") for w in report["warnings"])


@pytest.mark.usefixtures("extractor")
def test_extract_reads_html_on_stdin_as_a_page() -> None:
    result = runner.invoke(app, ["extract", "-"], input=PAGE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["text"].startswith("Harbour council rejects")


@pytest.mark.usefixtures("extractor")
def test_extract_a_text_file_is_not_a_page(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text(
        "<p>Analysts said the plan would fail.</p><p>Officials said it would not.</p>", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(text)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["text"] is None  # masked, as before


def test_extract_without_trafilatura_is_one_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_trafilatura(monkeypatch)
    result = runner.invoke(app, ["extract", str(PAGE), "--html", "article"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "quotemine[web]" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("extractor")
def test_extract_without_trafilatura_still_masks_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    _no_trafilatura(monkeypatch)
    result = runner.invoke(app, ["extract", str(PAGE), "--html", "mask"])
    assert result.exit_code == 0, result.output


@pytest.mark.usefixtures("extractor")
def test_extract_a_page_without_an_article_gives_an_error_record(tmp_path: Path) -> None:
    page = tmp_path / "links.html"
    page.write_text(LINKS, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(page), str(PAGE), "--format", "jsonl"])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.strip().splitlines())
    assert first["error"] == "ArticleNotFoundError" and first["id"] == "links.html"
    assert second["document"]["text"]
    assert "error: no article text found" in result.output


def test_extract_refuses_an_unknown_html_mode() -> None:
    result = runner.invoke(app, ["extract", str(PAGE), "--html", "readability"])
    assert result.exit_code == 2
    assert "--html must be one of article, mask" in result.output


def test_batch_reads_a_folder_of_pages_as_page_records(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    shutil.copytree(PAGES, folder, ignore=shutil.ignore_patterns("*.txt"))
    (folder / "note.txt").write_text("Analysts said the plan would fail.", encoding="utf-8")
    records = list(read_records([folder]))
    assert sorted(r.id for r in records if r.page) == sorted(f"site/{p.name}" for p in PAGES.glob("*.html"))
    assert [r.id for r in records if not r.page] == ["site/note.txt"]
    masked = list(read_records([folder], html="mask"))
    assert not any(r.page for r in masked) and len(masked) == len(records)
    assert records[0].item().keys() == {"id", "html", "published"}


@pytest.mark.usefixtures("extractor")
def test_batch_of_pages_writes_article_reports(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for name in ("coastline-courier-ferry.html", "northern-wire-election.html"):
        shutil.copy(PAGES / name, folder / name)
    (folder / "links.htm").write_text(LINKS, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert lines["site/links.htm"]["error"] == "ArticleNotFoundError"
    for name in ("coastline-courier-ferry", "northern-wire-election"):
        report = lines[f"site/{name}.html"]
        assert report["document"]["text"] == (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    masked = tmp_path / "masked.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(masked), "--html", "mask"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in masked.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(row["document"]["text"] is None for row in rows)


@pytest.mark.usefixtures("extractor")
def test_batch_reads_jsonl_records_with_an_html_field(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    html = PAGE.read_text(encoding="utf-8")
    records.write_text(json.dumps({"id": "p1", "html": html}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_batch([records], out, html="article")
    assert result.reports == 1
    (row,) = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert row["id"] == "p1" and row["document"]["text"].startswith("Harbour council")


def test_batch_without_trafilatura_fails_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_trafilatura(monkeypatch)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(PAGES), "-o", str(out)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "quotemine[web]" in lines[0]
    assert not out.exists()


@pytest.mark.usefixtures("extractor")
def test_a_page_with_nothing_to_read_is_one_stderr_line_in_a_real_process(tmp_path: Path) -> None:
    # trafilatura logs its own complaints about such a page; the command says it once, in its words.
    page = tmp_path / "bare.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    src = Path(__file__).resolve().parent.parent / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-m", "quotemine", "extract", str(page)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "error: no article text found in the page (no paragraph with a sentence: a page of links, or empty)"
    ]
    assert json.loads(done.stdout)["error"] == "ArticleNotFoundError"


def test_render_shows_a_page_as_its_article(tmp_path: Path) -> None:
    """``quotemine render page.html`` highlights the article, not the page's markup or its chrome."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["render", str(PAGES / "valley-ledger-mill.html"), "--html", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "Mill closure puts 300 jobs at risk" in page
    assert "&lt;!DOCTYPE" not in page and "&lt;nav" not in page


def test_a_masked_page_takes_no_markup_for_its_title(extractor: Any) -> None:
    """In mask mode the headline is read with the markup blanked: never "<!DOCTYPE html>"."""
    html = (PAGES / "valley-ledger-mill.html").read_text(encoding="utf-8")
    title = extractor.extract_html(html, mode="mask").document.title
    assert title is not None and "<" not in title.text and "Mill closure" in title.text
    assert html[title.start : title.end] == title.text
