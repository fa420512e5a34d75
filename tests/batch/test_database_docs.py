"""The SQL of docs/database.md, run as written against ``quotemine batch data/samples -o c.duckdb``.

Each query's rows are checked against the same answer computed in Python from the reports of the
same run (read from a JSONL run of the same inputs), so the documented SQL means what the page
says it means, whatever the extraction finds in the samples.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from quotemine.batch import run_batch
from quotemine.cli.batch import batch_cli
from quotemine.schema import Quote, Report
from quotemine.views.rows import decimal_amount, iso_date

duckdb = pytest.importorskip("duckdb", reason="the db extra is not installed")
pytest.importorskip("pyarrow", reason="the tables extra is not installed")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "database.md"
SAMPLES = ROOT / "data" / "samples"
_SQL_BLOCK = re.compile(r"```sql\n(-- ([a-z-]+)\n.*?)```", re.DOTALL)


def documented_queries() -> dict[str, str]:
    """Return the page's SQL blocks by the name on their first line (``-- name``)."""
    return {name: sql for sql, name in _SQL_BLOCK.findall(DOC.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Iterator[tuple[Any, list[Report]]]:
    folder = tmp_path_factory.mktemp("corpus")
    app = typer.Typer()
    app.command("batch")(batch_cli)
    app.command("noop")(lambda: None)  # keeps "batch" a sub-command
    database = folder / "c.duckdb"
    result = CliRunner().invoke(app, ["batch", str(SAMPLES), "-o", str(database), "--no-progress"])
    assert result.exit_code == 0, result.output
    run_batch([SAMPLES], folder / "c.jsonl", extractor=extractor, progress=False)
    lines = (folder / "c.jsonl").read_text(encoding="utf-8").splitlines()
    reports = [Report.from_json(line) for line in lines]
    assert len(reports) == len(list(SAMPLES.glob("*.txt")))
    con = duckdb.connect(str(database), read_only=True)
    yield con, reports
    con.close()


def _speaker(report: Report, quote: Quote) -> tuple[str | None, str]:
    """Return the speaker's name and type as ``who_said_what`` defines them."""
    people = {p.id: p for p in report.people}
    orgs = {o.id: o for o in report.organizations}
    speaker = quote.speaker
    if speaker is None:
        return None, "none"
    if speaker.person_id is not None:
        return people[speaker.person_id].name, "person"
    if speaker.organization_id is not None:
        return orgs[speaker.organization_id].name, "organization"
    return speaker.text, "unnamed" if speaker.unnamed else "unresolved"


def _quotes(reports: list[Report]) -> Iterator[tuple[Report, Quote, str | None, str]]:
    for report in reports:
        for quote in report.quotes:
            yield (report, quote, *_speaker(report, quote))


def test_the_page_documents_at_least_five_queries() -> None:
    assert len(documented_queries()) >= 5


def test_who_is_quoted_most(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    quotes: Counter[tuple[str | None, str]] = Counter()
    documents: dict[tuple[str | None, str], set[str | None]] = defaultdict(set)
    for report, _, name, kind in _quotes(reports):
        if kind in ("person", "organization"):
            quotes[name, kind] += 1
            documents[name, kind].add(report.id)
    expected = sorted(
        ((name, kind, n, len(documents[name, kind])) for (name, kind), n in quotes.items()),
        key=lambda row: (-row[2], row[0]),
    )[:10]
    assert con.execute(documented_queries()["who-is-quoted-most"]).fetchall() == expected
    assert expected, "the samples quote named people"


def test_organisations_speaking(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    itself: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for report, quote, name, kind in _quotes(reports):
        orgs = {o.id: o.name for o in report.organizations}
        if kind == "organization" and name is not None:
            itself[name] += 1
        if kind == "person" and quote.speaker is not None:
            person = next(p for p in report.people if p.id == quote.speaker.person_id)
            for org in dict.fromkeys(person.affiliations):
                people[orgs[org]] += 1
    expected = sorted(
        ((org, itself[org], people[org]) for org in set(itself) | set(people)),
        key=lambda row: (-row[1], -row[2], row[0]),
    )
    assert con.execute(documented_queries()["organisations-speaking"]).fetchall() == expected


def test_quotes_published_in_a_date_range(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    first, last = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    rows = []
    for report, quote, name, _ in _quotes(reports):
        published = iso_date(report.document.published)
        if published is not None and first <= published <= last:
            rows.append(((published, report.id or "", quote.start), (published, name, quote.text)))
    expected = [row for _, row in sorted(rows)]
    got = con.execute(documented_queries()["quotes-published-in-a-date-range"]).fetchall()
    assert got == expected
    assert got and all(first <= published <= last for published, _, _ in got)


def test_quotes_about_a_month(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    first, last = datetime.date(2024, 3, 1), datetime.date(2024, 3, 31)
    expected = set()
    for report, quote, name, _ in _quotes(reports):
        for date in report.dates:
            start, end = iso_date(date.value_start), iso_date(date.value_end)
            inside = date.start >= quote.start and date.end <= quote.end
            if inside and start is not None and end is not None and start <= last and end >= first:
                expected.add((report.id, quote.id, name, quote.text, date.text))
    got = con.execute(documented_queries()["quotes-about-a-month"]).fetchall()
    assert got == sorted(expected, key=lambda row: (row[0], row[1], row[4]))


def test_who_the_sources_are(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    kinds = Counter(kind for _, _, _, kind in _quotes(reports))
    women = men = 0
    for report in reports:
        quoted = {q.speaker.person_id for q in report.quotes if q.speaker and q.speaker.person_id}
        genders = [p.gender for p in report.people if p.id in quoted]
        women, men = women + genders.count("female"), men + genders.count("male")
    share = round(100.0 * women / (women + men), 1) if women + men else None
    expected = (
        sum(kinds.values()),
        kinds["person"],
        kinds["unnamed"],
        kinds["organization"],
        women,
        men,
        share,
    )
    got = con.execute(documented_queries()["who-the-sources-are"]).fetchone()
    assert tuple(got) == expected
    assert expected[0] == sum(len(r.quotes) for r in reports) > 0


def test_largest_amounts(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    amounts: dict[str, list[Decimal]] = defaultdict(list)
    for report in reports:
        for money in report.money:
            amount = decimal_amount(money.amount)
            if money.currency is not None and amount is not None:
                amounts[money.currency].append(amount)
    expected = [(code, max(values), len(values)) for code, values in sorted(amounts.items())]
    assert con.execute(documented_queries()["largest-amounts"]).fetchall() == expected
    assert {"EUR", "GBP", "JPY"} <= set(amounts)


def test_the_database_holds_the_jsonl_run(corpus: tuple[Any, list[Report]]) -> None:
    con, reports = corpus
    for table, count in (("quotes", "quotes"), ("people", "people"), ("dates", "dates"), ("money", "money")):
        got = dict(con.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall())
        expected = {r.id: len(getattr(r, count)) for r in reports if getattr(r, count)}
        assert got == expected, table
    published = dict(con.execute("SELECT doc_id, published FROM documents").fetchall())
    assert published == {r.id: iso_date(r.document.published) for r in reports}
