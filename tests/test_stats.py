"""Source statistics (``quotemine.views.stats``) and the ``quotemine stats`` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quotemine.cli import app
from quotemine.schema import Document, Organization, Person, Quote, Report, Speaker, TextSpan
from quotemine.views.stats import SourceStats, TopSource, corpus_stats, format_stats, speaker_type

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _span(text: str) -> TextSpan:
    return TextSpan(text=text, start=0, end=len(text))


def _quote(
    n: int,
    *,
    person: str | None = None,
    org: str | None = None,
    unnamed: bool = False,
    group: str | None = None,
    speaker: bool = True,
) -> Quote:
    return Quote(
        text="x",
        start=0,
        end=1,
        id=f"q{n}",
        kind="direct",
        group=group,
        speaker=Speaker(text="s", start=0, end=1, person_id=person, organization_id=org, unnamed=unnamed)
        if speaker
        else None,
    )


def _report(doc_id: str, people: list[Person], orgs: list[Organization], quotes: list[Quote]) -> Report:
    return Report(
        quotemine_version="test",
        model="test",
        id=doc_id,
        document=Document(char_count=1),
        people=tuple(people),
        organizations=tuple(orgs),
        quotes=tuple(quotes),
    )


def _person(pid: str, name: str, gender: str | None, mentions: int = 1) -> Person:
    return Person(
        id=pid,
        name=name,
        mentions=tuple(_span(name) for _ in range(mentions)),
        gender=gender,
        gender_evidence="pronoun" if gender else None,
    )


# Two invented articles. First: Ada Quill (female) quoted twice, one quotation split in two pieces
# (one group), the Vantor Group speaks once, an unnamed source once, one quote without a speaker.
# Second: Ada Quill again once, Tom Ashby (male) twice, Robin Vale (unknown) once.
CORPUS = [
    _report(
        "a1",
        [_person("p1", "Ada Quill", "female", 2)],
        [Organization(id="o1", name="Vantor Group", mentions=(_span("Vantor Group"),))],
        [
            _quote(1, person="p1", group="g1"),
            _quote(2, person="p1", group="g1"),
            _quote(3, person="p1"),
            _quote(4, org="o1"),
            _quote(5, unnamed=True),
            _quote(6, speaker=False),
        ],
    ),
    _report(
        "a2",
        [
            _person("p1", "Tom Ashby", "male"),
            _person("p2", "ada quill", "female"),
            _person("p3", "Robin Vale", None),
        ],
        [Organization(id="o1", name="Ostrel Club", mentions=(_span("Ostrel Club"),) * 3)],
        [_quote(1, person="p1"), _quote(2, person="p1"), _quote(3, person="p2"), _quote(4, person="p3")],
    ),
]


def test_speaker_types() -> None:
    assert [speaker_type(q) for q in CORPUS[0].quotes] == [
        "person",
        "person",
        "person",
        "organization",
        "unnamed",
        "unresolved",
    ]


def test_corpus_counts() -> None:
    stats = corpus_stats(CORPUS, per_document=True)
    corpus = stats.corpus
    assert (corpus.documents, corpus.quotes) == (2, 9)  # the split quotation counts once
    assert corpus.by_speaker == {"person": 6, "organization": 1, "unnamed": 1, "unresolved": 1}
    assert corpus.by_gender == {"female": 3, "male": 2, "unknown": 1}
    assert corpus.people_quoted == {"female": 1, "male": 1, "unknown": 1}
    assert corpus.top_speakers == (
        TopSource("Ada Quill", 3, 2, 3, "female"),  # one source across documents (same name)
        TopSource("Tom Ashby", 2, 1, 1, "male"),
        TopSource("Robin Vale", 1, 1, 1, None),
    )
    assert [o.name for o in corpus.top_organizations] == ["Vantor Group", "Ostrel Club"]  # quoted first
    assert [d.scope for d in stats.documents] == ["a1", "a2"]
    assert stats.documents[0].by_speaker == {"person": 2, "organization": 1, "unnamed": 1, "unresolved": 1}
    assert stats.documents[1].by_gender == {"female": 1, "male": 2, "unknown": 1}


def test_top_limits_the_lists() -> None:
    corpus = corpus_stats(CORPUS, top=1).corpus
    assert [s.name for s in corpus.top_speakers] == ["Ada Quill"]
    assert len(corpus.top_organizations) == 1


def test_formats() -> None:
    stats = corpus_stats(CORPUS, per_document=True)
    text = format_stats(stats, "text")
    assert text.splitlines()[0].split()[:4] == ["scope", "docs", "quotes", "person"]
    assert text.splitlines()[3].split()[:4] == ["corpus", "2", "9", "6"]
    assert "Ada Quill" in text and "Top organisations:" in text
    data = json.loads(format_stats(stats, "json"))
    assert data["corpus"]["by_gender"] == {"female": 3, "male": 2, "unknown": 1}
    assert data["documents"][0]["scope"] == "a1"
    rows = list(csv.DictReader(io.StringIO(format_stats(stats, "csv"))))
    assert {"scope": "corpus", "measure": "quotes_by_gender", "key": "female", "value": "3"} in rows
    assert {"scope": "a2", "measure": "top_speaker", "key": "Tom Ashby", "value": "2"} in rows


def _independent_counts(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Count the golden reports with plain loops, as a reader would by hand."""
    kinds = {"person": 0, "organization": 0, "unnamed": 0, "unresolved": 0}
    genders = {"female": 0, "male": 0, "unknown": 0}
    quotes = 0
    for report in reports:
        gender_of = {p["id"]: p["gender"] for p in report["people"]}
        groups = set()
        for quote in report["quotes"]:
            if quote["group"] is not None:
                if quote["group"] in groups:
                    continue
                groups.add(quote["group"])
            quotes += 1
            speaker = quote["speaker"] or {}
            if speaker.get("person_id"):
                kinds["person"] += 1
                genders[gender_of[speaker["person_id"]] or "unknown"] += 1
            elif speaker.get("organization_id"):
                kinds["organization"] += 1
            elif speaker.get("unnamed"):
                kinds["unnamed"] += 1
            else:
                kinds["unresolved"] += 1
    return {"documents": len(reports), "quotes": quotes, "by_speaker": kinds, "by_gender": genders}


@pytest.mark.slow
def test_stats_command_on_the_samples(extractor: object, tmp_path: Path) -> None:
    """``quotemine stats`` on the sample texts counts what their (golden) reports say."""
    golden = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLDEN.glob("*.json"))]
    runner = CliRunner()
    result = runner.invoke(app, ["stats", str(SAMPLES), "--per-document", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = _independent_counts(golden)
    assert {k: data["corpus"][k] for k in expected} == expected
    assert len(data["documents"]) == 4
    assert data["corpus"]["by_gender"]["female"] >= 1 and data["corpus"]["by_gender"]["male"] >= 1
    # the same numbers from a report file, as quotemine batch writes it (one error line skipped)
    reports = tmp_path / "reports.jsonl"
    lines = [json.dumps({**g, "quotemine_version": "test"}) for g in golden]
    lines.append(
        json.dumps(
            {"schema_version": "1.3", "id": "bad", "index": 4, "error": "InputError", "reason": "empty"}
        )
    )
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = runner.invoke(app, ["stats", str(reports), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["corpus"] == data["corpus"]
    assert "1 record(s) skipped" in again.stderr
    table = runner.invoke(app, ["stats", str(reports)])
    assert table.stdout.splitlines()[1].split()[:3] == ["corpus", "4", str(expected["quotes"])]


def test_stats_command_missing_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stats", str(tmp_path / "nothing.jsonl")])
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_stats_of_nothing_is_zero() -> None:
    stats = corpus_stats([])
    assert isinstance(stats, SourceStats)
    assert (stats.corpus.documents, stats.corpus.quotes, stats.corpus.top_speakers) == (0, 0, ())
    assert "corpus" in format_stats(stats, "text")


def test_stats_reads_a_web_page_as_its_article(extractor: object) -> None:
    """A saved page counts the sources of its article, as batch reads it, not its menus or comments."""
    page = Path(__file__).parent / "data" / "pages" / "valley-ledger-mill.html"
    runner = CliRunner()
    from_page = runner.invoke(app, ["stats", str(page), "--format", "json"])
    assert from_page.exit_code == 0, from_page.output
    article = _page_report(extractor, page)
    counts = json.loads(from_page.stdout)["corpus"]
    assert counts["documents"] == 1
    assert counts["quotes"] == len({q.group or q.id for q in article.quotes})
    names = {s["name"] for s in counts["top_speakers"]} | {o["name"] for o in counts["top_organizations"]}
    assert names <= {p.name for p in article.people} | {o.name for o in article.organizations}


def _page_report(extractor: object, page: Path) -> Report:
    report = extractor.extract_html(page.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    assert isinstance(report, Report)
    return report


def test_stats_warns_when_the_inputs_hold_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["stats", str(empty)])
    assert result.exit_code == 0
    assert "no report or article found" in result.stderr


def test_stats_says_it_does_not_read_standard_input() -> None:
    result = CliRunner().invoke(app, ["stats", "-"])
    assert result.exit_code == 1
    assert "not standard input" in result.stderr


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_stats_reads_one_indented_report_as_extract_writes_it(tmp_path: Path, suffix: str) -> None:
    """``quotemine extract a.txt > a.json`` then ``quotemine stats a.json``: the report is counted,
    its JSON syntax is not run through the extractor as if it were an article."""
    golden = json.loads(sorted(GOLDEN.glob("*.json"))[0].read_text(encoding="utf-8"))
    golden["quotemine_version"] = "test"  # golden files leave the version out
    report = tmp_path / f"report{suffix}"
    report.write_text(json.dumps(golden, indent=2), encoding="utf-8")
    failed = tmp_path / "failed.json"
    failed.write_text(
        json.dumps(
            {"schema_version": "1.3", "id": "x", "index": 0, "error": "InputError", "reason": "r"}, indent=2
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["stats", str(report), str(failed), "--format", "json"])
    assert result.exit_code == 0, result.output
    expected = _independent_counts([golden])
    corpus = json.loads(result.stdout)["corpus"]
    assert {k: corpus[k] for k in expected} == expected
    assert expected["quotes"] > 0
    assert "1 record(s) skipped" in result.stderr and "failed.json" in result.stderr
