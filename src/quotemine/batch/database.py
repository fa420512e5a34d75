"""Write batch results into one DuckDB database: typed tables, primary keys, a transaction per part.

``quotemine batch INPUT... -o corpus.duckdb`` writes the tables of ``quotemine.views.rows.TABLES``
(``documents`` without its error columns, ``people``, ``organizations``, ``quotes``, ``dates``,
``money``, with the column types of ``quotemine.arrow_schema()``), and the tables that make lists
joinable: ``person_roles``, ``person_affiliations``, ``mentions``, plus ``errors`` for the records
that could not be processed. Every table has a primary key: the document id and the item id.

Two views answer the usual questions: ``who_said_what`` (each quote with its speaker's person or
organisation, the person's gender, roles and affiliations) and ``sources`` (quotes per document by
speaker type and gender, people and organisations quoted). ``docs/database.md`` has examples.

Results are written in parts, one transaction each (``part_docs`` results, or ``part_seconds``
after the oldest queued one), so a killed run leaves a database that opens and holds only whole
documents; re-running skips the documents (and error records) already in it.

duckdb is optional (the ``db`` extra) and imported only when a sink is opened.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from quotemine.batch.sinks import PARQUET_PART_DOCS, PARQUET_PART_SECONDS, PartSink
from quotemine.errors import QuotemineError
from quotemine.schema import Failure, Report
from quotemine.views.arrow import arrow_type, require_pyarrow
from quotemine.views.frames import parse_results
from quotemine.views.rows import DECIMAL_PRECISION, DECIMAL_SCALE, KEYS, TABLES, LogicalType, table_rows

logger = logging.getLogger(__name__)

__all__ = ["DB_KEYS", "DB_TABLES", "DB_VIEWS", "DuckDBSink", "database_rows", "require_duckdb", "schema_sql"]

_ERROR_COLUMNS: Final = ("status", "error", "reason")
_SPAN: Final[tuple[tuple[str, LogicalType], ...]] = (("text", "str"), ("start", "int"), ("end", "int"))

DB_TABLES: Final[Mapping[str, tuple[tuple[str, LogicalType], ...]]] = {
    "documents": tuple(c for c in TABLES["documents"] if c[0] not in _ERROR_COLUMNS),
    "people": TABLES["people"],
    "person_roles": (("doc_id", "str"), ("person_id", "str"), ("n", "int"), *_SPAN),
    "person_affiliations": (("doc_id", "str"), ("person_id", "str"), ("org_id", "str"), ("n", "int")),
    "organizations": TABLES["organizations"],
    "mentions": (
        ("doc_id", "str"),
        ("entity_id", "str"),
        ("entity_type", "str"),
        ("n", "int"),
        *_SPAN,
    ),
    "quotes": TABLES["quotes"],
    "dates": TABLES["dates"],
    "money": TABLES["money"],
    "errors": (
        ("doc_id", "str"),
        ("index", "int"),
        ("error", "str"),
        ("reason", "str"),
        ("schema_version", "str"),
    ),
}
"""The database's tables: column name -> logical type (SQL types as in ``_SQL_TYPES``)."""

DB_KEYS: Final[Mapping[str, tuple[str, ...]]] = {
    **KEYS,
    "person_roles": ("doc_id", "person_id", "n"),
    "person_affiliations": ("doc_id", "person_id", "org_id"),
    "mentions": ("doc_id", "entity_id", "n"),
    "errors": ("doc_id",),
}
"""Each table's primary key."""

_SQL_TYPES: Final[Mapping[LogicalType, str]] = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "bool": "BOOLEAN",
    "date": "DATE",
    "decimal": f"DECIMAL({DECIMAL_PRECISION}, {DECIMAL_SCALE})",
    "list<str>": "VARCHAR[]",
    "list<span>": 'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT)[]',
}

_WHO_SAID_WHAT: Final = """
CREATE OR REPLACE VIEW who_said_what AS
SELECT
    q.doc_id,
    d.published,
    d.title,
    q.quote_id,
    q."group",
    q.kind,
    q.text AS quote,
    q.speaker_type,
    coalesce(p.name, o.name, q.speaker_text) AS speaker,
    q.speaker_text,
    q.speaker_person_id AS person_id,
    p.name AS person,
    p.gender,
    r.roles,
    a.affiliations,
    q.speaker_organization_id AS org_id,
    o.name AS organization,
    q.cue_text AS cue,
    q.start,
    q."end"
FROM quotes AS q
JOIN documents AS d ON d.doc_id = q.doc_id
LEFT JOIN people AS p ON p.doc_id = q.doc_id AND p.person_id = q.speaker_person_id
LEFT JOIN organizations AS o ON o.doc_id = q.doc_id AND o.org_id = q.speaker_organization_id
LEFT JOIN (
    SELECT doc_id, person_id, list("text" ORDER BY n) AS roles
    FROM person_roles GROUP BY doc_id, person_id
) AS r ON r.doc_id = q.doc_id AND r.person_id = q.speaker_person_id
LEFT JOIN (
    SELECT pa.doc_id, pa.person_id, list(og.name ORDER BY pa.n) AS affiliations
    FROM person_affiliations AS pa
    JOIN organizations AS og ON og.doc_id = pa.doc_id AND og.org_id = pa.org_id
    GROUP BY pa.doc_id, pa.person_id
) AS a ON a.doc_id = q.doc_id AND a.person_id = q.speaker_person_id
"""

_SOURCES: Final = """
CREATE OR REPLACE VIEW sources AS
SELECT
    d.doc_id,
    d.published,
    count(w.quote_id) AS quotes,
    count(w.quote_id) FILTER (WHERE w.speaker_type = 'person') AS by_person,
    count(w.quote_id) FILTER (WHERE w.speaker_type = 'unnamed') AS by_unnamed,
    count(w.quote_id) FILTER (WHERE w.speaker_type = 'organization') AS by_organization,
    count(w.quote_id) FILTER (WHERE w.speaker_type = 'unresolved') AS by_unresolved,
    count(w.quote_id) FILTER (WHERE w.speaker_text IS NULL) AS without_speaker,
    count(w.quote_id) FILTER (WHERE w.gender = 'female') AS by_women,
    count(w.quote_id) FILTER (WHERE w.gender = 'male') AS by_men,
    count(DISTINCT w.person_id) AS people_quoted,
    count(DISTINCT w.person_id) FILTER (WHERE w.gender = 'female') AS women_quoted,
    count(DISTINCT w.person_id) FILTER (WHERE w.gender = 'male') AS men_quoted,
    count(DISTINCT w.org_id) AS organizations_quoted
FROM documents AS d
LEFT JOIN who_said_what AS w ON w.doc_id = d.doc_id
GROUP BY d.doc_id, d.published
"""

DB_VIEWS: Final[Mapping[str, str]] = {"who_said_what": _WHO_SAID_WHAT, "sources": _SOURCES}
"""The views, as the SQL that creates them (``CREATE OR REPLACE VIEW``)."""


def require_duckdb() -> Any:
    """Import duckdb, or raise a ``QuotemineError`` naming the extra."""
    try:
        import duckdb
    except ImportError as exc:
        raise QuotemineError(
            "a .duckdb output needs duckdb; install it with: pip install 'quotemine[db]'"
        ) from exc
    return duckdb


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_sql() -> list[str]:
    """Return the statements that create the tables (if missing) and (re)create the views."""
    statements = []
    for name, columns in DB_TABLES.items():
        cells = [f"{_quoted(column)} {_SQL_TYPES[kind]}" for column, kind in columns]
        cells.append(f"PRIMARY KEY ({', '.join(_quoted(c) for c in DB_KEYS[name])})")
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} (\n    " + ",\n    ".join(cells) + "\n)")
    return statements + [sql.strip() for sql in DB_VIEWS.values()]


def database_rows(
    results: Sequence[Report | Failure], indexes: Sequence[int] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Return the rows of every table of ``DB_TABLES`` for reports and error records."""
    rows = table_rows(results, indexes=indexes)
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in DB_TABLES}
    for row in rows["documents"]:
        if row["status"] == "error":
            out["errors"].append({c: row.get(c) for c, _ in DB_TABLES["errors"]})
        else:
            out["documents"].append({c: row.get(c) for c, _ in DB_TABLES["documents"]})
    for name in ("people", "organizations", "quotes", "dates", "money"):
        out[name] = rows[name]
    for person in rows["people"]:
        key = {"doc_id": person["doc_id"], "person_id": person["person_id"]}
        out["person_roles"] += [{**key, "n": n, **role} for n, role in enumerate(person["roles"], 1)]
        orgs = dict.fromkeys(person["affiliations"])  # in order, each organisation once
        out["person_affiliations"] += [{**key, "org_id": org, "n": n} for n, org in enumerate(orgs, 1)]
        out["mentions"] += _mention_rows(person["doc_id"], person["person_id"], "person", person["mentions"])
    for org in rows["organizations"]:
        out["mentions"] += _mention_rows(org["doc_id"], org["org_id"], "organization", org["mentions"])
    return out


def _mention_rows(
    doc_id: str, entity_id: str, kind: str, spans: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    return [
        {"doc_id": doc_id, "entity_id": entity_id, "entity_type": kind, "n": n, **span}
        for n, span in enumerate(spans, 1)
    ]


class DuckDBSink(PartSink):
    """Write results into a DuckDB database, one transaction per part; list done ids on open."""

    def __init__(
        self, path: Path, *, part_docs: int = PARQUET_PART_DOCS, part_seconds: float = PARQUET_PART_SECONDS
    ) -> None:
        self.duckdb = require_duckdb()
        self.pa = require_pyarrow()
        super().__init__(part_docs, part_seconds)
        self.path = path
        self.schemas = {
            name: self.pa.schema([(c, arrow_type(kind)) for c, kind in columns])
            for name, columns in DB_TABLES.items()
        }
        with self._failing("open"):
            path.parent.mkdir(parents=True, exist_ok=True)
            self.con = self.duckdb.connect(str(path))
        with self._failing("open"):
            statements = schema_sql()  # the tables, then the views
            self._transaction(statements[: len(DB_TABLES)])
            self._check_columns()
            self._transaction(statements[len(DB_TABLES) :])
            found = self.con.execute("SELECT doc_id FROM documents UNION ALL SELECT doc_id FROM errors")
            self.done: set[str] = {str(doc_id) for (doc_id,) in found.fetchall()}

    def _check_columns(self) -> None:
        """Refuse a database whose tables have other columns (written by another release)."""
        found: dict[str, list[str]] = {}
        for table, column in self.con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE schema_name = 'main' ORDER BY table_name, column_index"
        ).fetchall():
            found.setdefault(table, []).append(column)
        for name, columns in DB_TABLES.items():
            if found.get(name) != [c for c, _ in columns]:
                raise QuotemineError(
                    f"database {self.path}: table {name} has other columns than this release "
                    "writes (another quotemine version made it); write the output to a new database"
                )

    @contextlib.contextmanager
    def _failing(self, what: str) -> Iterator[None]:
        """Turn a database or file error into a one-line ``QuotemineError`` naming the output."""
        try:
            yield
        except (OSError, self.duckdb.Error) as exc:
            message = " ".join(str(exc).split()) or type(exc).__name__
            raise QuotemineError(
                f"cannot {what} database {self.path}: {message}; what was committed before stays, "
                "and re-running the same command resumes"
            ) from exc

    def _transaction(self, statements: Sequence[str], tables: Mapping[str, Any] | None = None) -> None:
        self.con.begin()
        try:
            for sql in statements:
                self.con.execute(sql)
            for name, table in (tables or {}).items():
                if table.num_rows == 0:
                    continue
                view = f"_quotemine_{name}"
                self.con.register(view, table)
                try:
                    columns = ", ".join(_quoted(c) for c, _ in DB_TABLES[name])
                    self.con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {view}")
                finally:
                    self.con.unregister(view)
            self.con.commit()
        except BaseException:
            with contextlib.suppress(self.duckdb.Error):
                self.con.rollback()
            raise

    def flush(self) -> None:
        """Insert the queued results into every table in one transaction."""
        if not self.pending:
            return
        parsed = list(parse_results(result.json for result in self.pending))
        rows = database_rows(parsed, [r.index for r in self.pending])
        tables = {
            name: self.pa.Table.from_pylist(rows[name], schema=self.schemas[name]) for name in DB_TABLES
        }
        with self._failing("write"):
            self._transaction([], tables)
        logger.debug("committed %d results to %s", len(self.pending), self.path)
        self.done.update(r.id for r in self.pending)
        self.pending = []

    def close(self) -> None:
        """Commit what is queued and close the database."""
        try:
            self.flush()
        finally:
            with contextlib.suppress(self.duckdb.Error):
                self.con.close()

    def abort(self) -> None:
        """Close after a failure: commit what is queued if possible, raise nothing."""
        with contextlib.suppress(OSError, QuotemineError, self.duckdb.Error):
            self.close()
