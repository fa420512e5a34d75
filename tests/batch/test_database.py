"""The DuckDB output of ``quotemine batch``: typed tables, keys, views, transactions, resume."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

duckdb = pytest.importorskip("duckdb", reason="the db extra is not installed")
pytest.importorskip("pyarrow", reason="the tables extra is not installed")

from tests.invented import TEXT  # noqa: E402
from tests.invented import invented_report as _report  # noqa: E402

from quotemine.batch.database import DB_KEYS, DB_TABLES, DuckDBSink, schema_sql  # noqa: E402
from quotemine.batch.workers import Outcome  # noqa: E402
from quotemine.errors import QuotemineError  # noqa: E402
from quotemine.schema import Failure, Report  # noqa: E402


def _outcome(index: int, result: Report | Failure) -> Outcome:
    reason = result.reason if isinstance(result, Failure) else None
    return Outcome(index, str(result.id), result.model_dump_json(), reason)


def _build(path: Path, *results: Report | Failure) -> Any:
    sink = DuckDBSink(path, part_docs=1000)
    sink.write([_outcome(n, r) for n, r in enumerate(results)])
    sink.close()
    return duckdb.connect(str(path), read_only=True)


def test_database_has_every_table_with_sql_types_and_primary_keys(tmp_path: Path) -> None:
    con = _build(tmp_path / "c.duckdb", _report("a"))
    tables = {name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert tables == set(DB_TABLES)
    types = {
        (table, column): kind
        for table, column, kind in con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns()"
        ).fetchall()
    }
    assert types["documents", "published"] == "DATE"
    assert types["money", "amount"] == "DECIMAL(38,6)"
    assert types["dates", "value_start"] == "DATE" and types["dates", "value_end"] == "DATE"
    assert types["people", "affiliations"] == "VARCHAR[]"
    assert types["people", "gender"] == "VARCHAR"
    for table, key in DB_KEYS.items():
        constraint = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() "
            "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
            [table],
        ).fetchone()
        assert constraint is not None and tuple(constraint[0]) == key, table


def test_database_rows_keep_values_exactly(tmp_path: Path) -> None:
    con = _build(tmp_path / "c.duckdb", _report("a"))
    assert con.execute("SELECT published, authors FROM documents").fetchall() == [
        (datetime.date(2031, 5, 2), ["Ines"])
    ]
    assert con.execute("SELECT amount FROM money").fetchone() == (Decimal("2500000.100000"),)
    roles = con.execute('SELECT person_id, n, "text", start FROM person_roles').fetchall()
    assert roles == [("p1", 1, "Mayor", 0)]
    assert con.execute("SELECT person_id, org_id FROM person_affiliations").fetchall() == [("p1", "o1")]
    mentions = con.execute(
        'SELECT entity_id, entity_type, n, "text" FROM mentions ORDER BY entity_id, n'
    ).fetchall()
    assert mentions == [
        ("o1", "organization", 1, "Dunmore Council"),
        ("o2", "organization", 1, "Brackwater Rail"),
        ("p1", "person", 1, "Ines Varga"),
        ("p1", "person", 2, "She"),
    ]
    for start, end, text in con.execute('SELECT start, "end", "text" FROM mentions').fetchall():
        assert TEXT[start:end] == text


def test_who_said_what_joins_person_organisation_roles_and_affiliations(tmp_path: Path) -> None:
    con = _build(tmp_path / "c.duckdb", _report("a"))
    rows = con.execute(
        "SELECT quote_id, speaker_type, speaker, person, gender, roles, affiliations, organization "
        "FROM who_said_what ORDER BY quote_id"
    ).fetchall()
    assert rows == [
        ("q1", "person", "Ines Varga", "Ines Varga", "female", ["Mayor"], ["Dunmore Council"], None),
        ("q2", "person", "Ines Varga", "Ines Varga", "female", ["Mayor"], ["Dunmore Council"], None),
        ("q3", "organization", "Brackwater Rail", None, None, None, None, "Brackwater Rail"),
        ("q4", "unnamed", "Officials", None, None, None, None, None),
    ]


def test_sources_counts_quotes_by_speaker_type_and_gender(tmp_path: Path) -> None:
    con = _build(tmp_path / "c.duckdb", _report("a"))
    row = con.execute(
        "SELECT quotes, by_person, by_unnamed, by_organization, by_unresolved, without_speaker, "
        "by_women, by_men, people_quoted, women_quoted, men_quoted, organizations_quoted FROM sources"
    ).fetchone()
    assert row == (4, 2, 1, 1, 0, 0, 2, 0, 1, 1, 0, 1)


def test_date_values_are_a_range_filter(tmp_path: Path) -> None:
    con = _build(tmp_path / "c.duckdb", _report("a"))
    found = con.execute(
        "SELECT DISTINCT w.quote_id FROM who_said_what AS w JOIN dates AS d "
        'ON d.doc_id = w.doc_id AND d.start >= w.start AND d."end" <= w."end" '
        "WHERE d.value_start <= DATE '2031-06-30' AND d.value_end >= DATE '2031-06-01'"
    ).fetchall()
    assert found == [("q2",)]


def test_error_records_go_to_errors_and_count_as_done(tmp_path: Path) -> None:
    failure = Failure(id="bad", index=1, error="InputError", reason="text is empty")
    con = _build(tmp_path / "c.duckdb", _report("a"), failure)
    assert con.execute("SELECT doc_id, index, reason FROM errors").fetchall() == [("bad", 1, "text is empty")]
    assert con.execute("SELECT doc_id FROM documents").fetchall() == [("a",)]
    con.close()
    assert DuckDBSink(tmp_path / "c.duckdb").done == {"a", "bad"}


def test_a_part_is_one_transaction(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    _build(path, _report("a")).close()
    sink = DuckDBSink(path, part_docs=1000)
    sink.write([_outcome(1, _report("b")), _outcome(2, _report("c"))])
    calls: list[str] = []

    class FailingConnection:
        """The sink's connection, but the disk fills up after some tables of the part are in."""

        def __init__(self, real: Any) -> None:
            self.real = real

        def __getattr__(self, name: str) -> Any:
            return getattr(self.real, name)

        def register(self, view: str, table: Any) -> Any:
            calls.append(view)
            if view.endswith("quotes"):  # documents, people, ... are already inserted
                raise duckdb.IOException("No space left on device")
            return self.real.register(view, table)

    sink.con = FailingConnection(sink.con)
    with pytest.raises(QuotemineError, match="No space left on device"):
        sink.flush()
    assert "_quotemine_documents" in calls
    sink.abort()
    con = duckdb.connect(str(path), read_only=True)
    for table in ("documents", "people", "quotes", "mentions"):
        docs = {d for (d,) in con.execute(f"SELECT DISTINCT doc_id FROM {table}").fetchall()}
        assert docs == {"a"}, table


def test_reopening_keeps_schema_and_adds_documents(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    _build(path, _report("a")).close()
    con = _build(path, _report("b", published=None))
    assert con.execute("SELECT doc_id, published FROM documents ORDER BY doc_id").fetchall() == [
        ("a", datetime.date(2031, 5, 2)),
        ("b", None),
    ]
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (8,)


def test_schema_sql_quotes_reserved_column_names() -> None:
    ddl = "\n".join(schema_sql())
    assert '"end" BIGINT' in ddl and '"group" VARCHAR' in ddl and '"index" BIGINT' in ddl
    con = duckdb.connect()
    for statement in schema_sql():
        con.execute(statement)


def test_a_database_open_elsewhere_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    (tmp_path / "c.duckdb").write_bytes(b"not a database at all" * 100)
    with pytest.raises(QuotemineError, match=r"cannot open database .*c\.duckdb"):
        DuckDBSink(path)


def test_a_database_of_another_release_is_refused_before_any_work(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE people (doc_id VARCHAR, person_id VARCHAR, name VARCHAR)")
    con.close()
    with pytest.raises(QuotemineError, match="table people has other columns"):
        DuckDBSink(path)


def test_a_duckdb_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    from quotemine.batch import run_batch
    from quotemine.errors import InputError

    (tmp_path / "texts").mkdir()
    (tmp_path / "out.duckdb").mkdir()
    with pytest.raises(InputError, match="a DuckDB output is a database file"):
        run_batch([tmp_path / "texts"], tmp_path / "out.duckdb")
