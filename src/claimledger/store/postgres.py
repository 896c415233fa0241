"""The ledger in PostgreSQL: a connection that answers the ledger's SQLite calls.

`Ledger` talks to a `sqlite3.Connection`: `execute` with `?` or `:name` parameters,
`executemany`, rows readable by index and by name, `lastrowid`, explicit BEGIN IMMEDIATE /
COMMIT / ROLLBACK, PRAGMAs and Python SQL functions. `PgConnection` offers the same calls over
psycopg 3, rewriting each statement once (dialect.py), so one set of queries serves both
backends. What PostgreSQL does differently, on purpose:

- BEGIN IMMEDIATE (one writer at a time) is BEGIN plus a transaction-scoped advisory lock,
  so concurrent ingests serialise their writes as on SQLite.
- PRAGMAs are no-ops: foreign keys are always enforced, and there is no journal to tune.
- `cl_fold` (case-folding) is a SQL function on the server, `lower()`: Python's casefold
  also folds 'ß' to 'ss', which `lower` does not.
- Full-text search (FTS5 on SQLite) is an expression index over a 'simple' tsvector of the
  sentence, item and source: every word must occur, case-insensitively, but there is no
  stemming and no FTS5 query syntax (none is offered to users either).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from claimledger.errors import StoreError

try:
    import psycopg
    from psycopg.adapt import Loader
except ImportError:  # the `postgres` extra is not installed
    psycopg = None  # type: ignore[assignment]
    Loader = object  # type: ignore[assignment,misc]

URL_PREFIXES = ("postgresql://", "postgres://")
_PASSWORD = re.compile(r"^(\w+://[^:/@]*):[^@/]*@")
_WRITE_LOCK = 0x434C4744  # "CLGD", the SQLite ledger's application id


def is_database_url(target: object) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a SQLite file."""
    return str(target).startswith(URL_PREFIXES)


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return _PASSWORD.sub(r"\1:***@", url)


class _NumberLoader(Loader):  # type: ignore[misc,valid-type]
    """numeric (what sum() of integers gives) as int or float, as SQLite returns them."""

    def load(self, data: Any) -> int | float:
        number = Decimal(bytes(data).decode())
        return int(number) if number == number.to_integral_value() else float(number)


@lru_cache(maxsize=256)
def _row_class(names: tuple[str, ...]) -> type[tuple[Any, ...]]:
    """A tuple class whose items are also readable by column name, as sqlite3.Row's are."""
    index: dict[str, int] = {}
    for n, name in enumerate(names):
        index.setdefault(name, n)

    class Row(tuple):  # type: ignore[type-arg]
        __slots__ = ()

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, str):
                return tuple.__getitem__(self, index[key])
            return tuple.__getitem__(self, key)

        def keys(self) -> list[str]:
            return list(index)

    return Row


def _row_factory(cursor: Any) -> Any:
    names = tuple(column.name for column in cursor.description or ())
    row = _row_class(names)
    return lambda values: row(values)


class PgCursor:
    """The part of sqlite3.Cursor the ledger uses."""

    def __init__(self, conn: PgConnection) -> None:
        self._conn = conn
        self._cursor = conn.raw.cursor(row_factory=_row_factory)
        self.lastrowid: int | None = None
        self.row_factory: Any = None  # rows are tuples readable by name either way

    def execute(self, sql: str, params: Any = ()) -> PgCursor:
        words = sql.split(None, 2)
        head = words[0].upper() if words else ""
        if head == "PRAGMA":
            self._cursor = self._conn.raw.cursor(row_factory=_row_factory)
            return self
        if head == "BEGIN":
            self._cursor.execute("BEGIN")
            self._cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            return self
        query, returns_id = self._conn.translate(sql)
        self._cursor.execute(query, _params(params))
        if returns_id:
            found = self._cursor.fetchone()
            self.lastrowid = None if found is None else found[0]
        return self

    def executemany(self, sql: str, rows: Iterable[Any]) -> PgCursor:
        query, _ = self._conn.translate(sql)
        self._cursor.executemany(query.removesuffix(" RETURNING id"), [_params(r) for r in rows])
        return self

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor) if self._cursor.description else iter(())


def _params(params: Any) -> Any:
    if isinstance(params, dict):
        return params
    return tuple(params) if params is not None else ()


class PgConnection:
    """The part of sqlite3.Connection the ledger uses, over one psycopg connection."""

    backend = "postgresql"

    def __init__(self, raw: Any, id_tables: frozenset[str]) -> None:
        self.raw = raw
        self._id_tables = id_tables

    def translate(self, sql: str) -> tuple[str, bool]:
        from claimledger.store.dialect import translate

        return translate(sql, self._id_tables)

    def cursor(self) -> PgCursor:
        return PgCursor(self)

    def execute(self, sql: str, params: Any = ()) -> PgCursor:
        return PgCursor(self).execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> PgCursor:
        return PgCursor(self).executemany(sql, rows)

    def create_function(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Server-side functions are made with the schema; a Python one cannot run there."""
        if name not in _SERVER_FUNCTIONS:
            raise StoreError(f"the SQL function {name} runs only in SQLite ledgers")

    def close(self) -> None:
        self.raw.close()


# Functions the queries call that SQLite has built in (instr, two-argument min and max) or
# that the SQLite ledger registers from Python (cl_fold), and the full-text helpers.
_SERVER_FUNCTIONS = {
    "cl_fold": "CREATE OR REPLACE FUNCTION cl_fold(text) RETURNS text LANGUAGE sql "
    "IMMUTABLE PARALLEL SAFE AS 'SELECT lower($1)'",
}
_FUNCTIONS = [
    *_SERVER_FUNCTIONS.values(),
    "CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT strpos($1, $2)'",
    "CREATE OR REPLACE FUNCTION min(text, text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT least($1, $2)'",
    "CREATE OR REPLACE FUNCTION max(text, text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS 'SELECT greatest($1, $2)'",
    "CREATE OR REPLACE FUNCTION cl_tsv(text, text, text) RETURNS tsvector LANGUAGE sql "
    "IMMUTABLE PARALLEL SAFE AS $$SELECT to_tsvector('simple'::regconfig, "
    "coalesce($1, '') || ' ' || coalesce($2, '') || ' ' || coalesce($3, ''))$$",
    # The FTS5 query is quoted words, all required: the same words, ANDed.
    "CREATE OR REPLACE FUNCTION cl_tsquery(text) RETURNS tsquery LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE AS $$SELECT plainto_tsquery('simple'::regconfig, replace($1, '\"', ' '))$$",
]
_EXTRA_DDL = [
    "CREATE INDEX IF NOT EXISTS claims_fts ON claims USING gin (cl_tsv(sentence, item, source))",
    # Ledger.counts() lists tables through SQLite's catalogue: the same view of ours.
    "CREATE OR REPLACE VIEW sqlite_master AS SELECT 'table'::text AS type, "
    "table_name::text AS name FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
]


_CITED = re.compile(r'REFERENCES\s+("?\w+"?)', re.I)
_ID_KEY = re.compile(r'[(,]\s*"?id"?\s+INTEGER\s+PRIMARY\s+KEY', re.I)


@lru_cache(maxsize=1)
def schema() -> tuple[tuple[str, ...], frozenset[str], int, dict[str, str]]:
    """The PostgreSQL DDL of the latest ledger schema, the tables with an identity `id`,
    the schema version, and each table's CREATE TABLE: read from a fresh SQLite ledger, so
    the two never drift."""
    from claimledger.store.dialect import index_ddl, table_ddl
    from claimledger.store.schema import LATEST_VERSION, connect

    conn = connect(":memory:")
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND type IN ('table', 'index') ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    virtual = [name for _, name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    tables: dict[str, str] = {}
    indexes: list[str] = []
    id_tables: set[str] = set()
    for kind, name, sql in rows:
        if name in virtual or any(name.startswith(f"{v}_") for v in virtual):
            continue  # the FTS5 table and its shadow tables: replaced by an index
        if name == "schema_version":
            continue  # made first, by _prepare
        if kind == "table":
            tables[name] = table_ddl(sql)
            if _ID_KEY.search(sql):
                id_tables.add(name)
        else:
            indexes.append(index_ddl(sql))
    statements = [*_cited_first(tables), *indexes]
    ddl = (*_FUNCTIONS, *statements, *_EXTRA_DDL)
    return ddl, frozenset(id_tables), LATEST_VERSION, tables


def _cited_first(tables: dict[str, str]) -> list[str]:
    """The CREATE TABLEs ordered so that a table comes after those its foreign keys cite
    (a migration that rebuilds a table leaves SQLite's catalogue in another order)."""
    ordered: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done or name not in tables:
            return
        done.add(name)
        for cited in _CITED.findall(tables[name]):
            visit(cited.strip('"'))
        ordered.append(tables[name])

    for name in tables:
        visit(name)
    return ordered


def _tables(raw: Any) -> set[str]:
    found = raw.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    ).fetchall()
    return {name for (name,) in found}


def _add_missing_columns(raw: Any, tables: dict[str, str]) -> None:
    """ALTER TABLE ... ADD COLUMN for each column an existing table lacks."""
    from claimledger.store.dialect import column_definitions

    existing = _tables(raw)
    for table, ddl in tables.items():
        if table not in existing:
            continue  # created whole below
        have = {
            name
            for (name,) in raw.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
                (table,),
            )
        }
        for name, definition in column_definitions(ddl):
            if name not in have:
                raw.execute(f'ALTER TABLE "{table}" ADD COLUMN {definition}')


def _version(raw: Any, url: str, latest: int) -> int:
    """The ledger's schema version, 0 for an empty database; refuses other databases."""
    tables = _tables(raw)
    if tables and "schema_version" not in tables:
        listed = ", ".join(sorted(tables)[:5])
        raise StoreError(
            f"{shown(url)}: not a claimledger ledger (a database with other tables: "
            f"{listed}); pass --db an empty database or an existing ledger"
        )
    if not tables:
        return 0
    version = raw.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if version > latest:
        raise StoreError(
            f"{shown(url)}: ledger schema version {version} is newer than this "
            f"claimledger understands ({latest}); upgrade claimledger"
        )
    return version


def _prepare(raw: Any, url: str) -> frozenset[str]:
    """Check the database is a ledger (or empty) and bring it to the latest schema."""
    ddl, id_tables, latest, tables = schema()
    if _version(raw, url, latest) == latest:
        return id_tables  # the usual case: no lock, so opening never waits for a writer
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
        if _version(raw, url, latest) < latest:  # re-read under the lock: another may win
            # Created whole at the latest version; an older PostgreSQL ledger gains the
            # tables, columns and indexes added since (SQLite's migrations add columns with
            # defaults, so ADD COLUMN works on filled tables too).
            raw.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            _add_missing_columns(raw, tables)
            for statement in ddl:
                raw.execute(statement)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            raw.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (%s, %s)", (latest, now)
            )
    return id_tables


def holds_ledger(url: str) -> bool:
    """Whether the database at `url` has a ledger's tables (so a read opens, not creates)."""
    if psycopg is None:
        return True  # connect() says what is missing
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as raw:
            return "schema_version" in _tables(raw)
    except (psycopg.Error, ValueError):
        return True  # connect() reports it


def connect(url: str) -> PgConnection:
    """Open the PostgreSQL ledger at `url`, creating its tables in an empty database."""
    if psycopg is None:
        raise StoreError(
            f"{shown(url)}: PostgreSQL ledgers need psycopg; install claimledger[postgres]"
        )
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except (psycopg.Error, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{shown(url)}: cannot open the ledger ({reason})") from exc
    raw.adapters.register_loader("numeric", _NumberLoader)
    try:
        id_tables = _prepare(raw, url)
    except psycopg.Error as exc:
        raw.close()
        reason = str(exc).strip().splitlines()[0]
        raise StoreError(f"{shown(url)}: cannot open the ledger ({reason})") from exc
    except BaseException:
        raw.close()
        raise
    return PgConnection(raw, id_tables)


def is_sqlite(conn: object) -> bool:
    """Whether a ledger connection is SQLite's (store code that needs SQLite-only calls)."""
    return isinstance(conn, sqlite3.Connection)
