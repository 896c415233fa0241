"""SQLite's SQL, as the ledger writes it, rewritten for PostgreSQL.

The ledger keeps one set of queries (store/queries.py, store/ledger.py, store/blocking.py),
written for SQLite. Rather than a second copy, each statement is rewritten once (cached) at
the PostgreSQL connection: placeholders (`?`, `:name`) become psycopg's (`%s`, `%(name)s`),
`INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`, a subquery in FROM gets the alias
PostgreSQL 15 requires, `LIMIT -1` means no limit, and the FTS5 match becomes a tsvector
match. SQLAlchemy Core would need every query rewritten in its own language; sqlglot
translates whole dialects but not our FTS5 table or SQLite's LIMIT -1, so the handful of
rules the ledger needs are written here, over a tokenizer that leaves string literals and
quoted identifiers alone.

The schema is translated the same way, from the tables a fresh SQLite ledger has after every
migration (`sqlite_master`), so both backends have the same tables, columns, constraints and
indexes; the FTS5 table and its triggers are replaced by an expression index (see postgres.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Strings, quoted identifiers and comments pass through untouched; the rest is rewritten.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|[^'\"-]+|-", re.S)
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_WORD = re.compile(r"[A-Za-z_]\w*")
_SQL_WORDS = frozenset(
    [
        "where",
        "group",
        "order",
        "limit",
        "offset",
        "union",
        "join",
        "left",
        "inner",
        "cross",
        "on",
        "having",
        "window",
        "intersect",
        "except",
        "returning",
    ]
)

# The one full-text condition the queries use, on the FTS5 table that mirrors claims.
_FTS_MATCH = re.compile(
    r"SELECT\s+rowid\s+FROM\s+claims_fts\s+WHERE\s+claims_fts\s+MATCH\s+(%\(\w+\)s|%s)", re.I
)
FTS_REPLACEMENT = r"SELECT id FROM claims WHERE cl_tsv(sentence, item, source) @@ cl_tsquery(\1)"
_LIMIT_PARAM = re.compile(r"\bLIMIT\s+(%\(\w+\)s|%s)", re.I)
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)
_INSERT_VALUES = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?\s*\([^)]*\)\s*VALUES\b", re.I)


def _outside_strings(sql: str) -> list[tuple[bool, str]]:
    """(is_code, text) pieces of `sql`: code is rewritten, literals are not."""
    pieces: list[tuple[bool, str]] = []
    for match in _TOKENS.finditer(sql):
        text = match.group(0)
        is_code = not (text.startswith(("'", '"', "--")))
        pieces.append((is_code, text))
    return pieces


def _placeholders(sql: str) -> str:
    """psycopg placeholders for `?` and `:name`; a literal % doubled everywhere."""
    out: list[str] = []
    for is_code, text in _outside_strings(sql):
        text = text.replace("%", "%%")
        if is_code:
            text = _NAMED.sub(r"%(\1)s", text.replace("?", "%s"))
        out.append(text)
    return "".join(out)


def _alias_subqueries(sql: str) -> str:
    """Name every unnamed subquery in FROM, as PostgreSQL before 16 requires."""
    code = "".join(text if is_code else " " * len(text) for is_code, text in _outside_strings(sql))
    inserts: list[int] = []
    stack: list[bool] = []  # per open parenthesis: does it open a FROM subquery?
    for pos, char in enumerate(code):
        if char == "(":
            before = code[:pos].rstrip()
            stack.append(before[-4:].upper() == "FROM" and code[pos + 1 :].lstrip()[:6].upper()
                         == "SELECT")  # fmt: skip
        elif char == ")" and stack and stack.pop():
            following = _WORD.match(code[pos + 1 :].lstrip())
            if following is None or following.group(0).lower() in _SQL_WORDS:
                inserts.append(pos + 1)
    for n, pos in enumerate(reversed(inserts)):
        sql = f"{sql[:pos]} AS cl_sub{len(inserts) - n}{sql[pos:]}"
    return sql


@lru_cache(maxsize=512)
def translate(sql: str, id_tables: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """The PostgreSQL form of one ledger statement, and whether it returns the new row's id
    (an INSERT ... VALUES into one of `id_tables`, whose `lastrowid` callers read)."""
    sql = _alias_subqueries(_placeholders(sql.strip().rstrip(";")))
    sql = _FTS_MATCH.sub(FTS_REPLACEMENT, sql)
    sql = _LIMIT_PARAM.sub(r"LIMIT nullif(\1, -1)", sql)  # SQLite: a negative LIMIT is none
    if _INSERT_OR_IGNORE.match(sql):
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    target = _INSERT_VALUES.match(sql)
    returns_id = bool(target and target.group(1).lower() in id_tables and "RETURNING" not in sql)
    if returns_id:
        sql += " RETURNING id"
    return sql, returns_id


# -- schema ----------------------------------------------------------------------------------

# A column's type: after the opening parenthesis or a comma, and the column's name.
_COLUMN = r'((?:^|[(,])\s*"?\w+"?\s+)'
_TYPES = [
    (re.compile(_COLUMN + r"INTEGER(\s+PRIMARY\s+KEY)\b(?!\s+REFERENCES)", re.I),
     r"\1BIGINT GENERATED BY DEFAULT AS IDENTITY\2"),
    (re.compile(_COLUMN + r"INTEGER(\s+(?:NOT\s+NULL\s+|PRIMARY\s+KEY\s+)?REFERENCES)\b", re.I),
     r"\1BIGINT\2"),
    (re.compile(_COLUMN + r"REAL\b", re.I), r"\1DOUBLE PRECISION"),
    (re.compile(_COLUMN + r"TEXT\b", re.I), r'\1TEXT COLLATE "C"'),
]  # fmt: skip


def table_ddl(sql: str) -> str:
    """A SQLite CREATE TABLE as PostgreSQL's: 64-bit identity keys (and the columns citing
    them), doubles for REAL, byte-order text (SQLite's BINARY collation, so ORDER BY agrees),
    and a `rowid` column for tables without an integer key, which queries order by. (The
    ledger's DDL holds no string literal that looks like a column, so it is matched whole.)"""
    ddl = sql
    for pattern, replacement in _TYPES:
        ddl = pattern.sub(replacement, ddl)
    ddl = re.sub(
        r"^\s*CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?",
        "CREATE TABLE IF NOT EXISTS ",
        ddl,
        flags=re.I,
    )
    if "AS IDENTITY" not in ddl:
        ddl = ddl.replace("(", "(rowid BIGINT GENERATED ALWAYS AS IDENTITY, ", 1)
    return ddl


def index_ddl(sql: str) -> str:
    """A SQLite CREATE INDEX as PostgreSQL's, harmless when the index exists."""
    return re.sub(
        r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?",
        lambda m: f"CREATE {m.group(1) or ''}INDEX IF NOT EXISTS ",
        sql,
        flags=re.I,
    )


_CONSTRAINTS = frozenset({"unique", "primary", "check", "foreign", "constraint"})


def column_definitions(ddl: str) -> list[tuple[str, str]]:
    """(name, definition) of each column of a CREATE TABLE, in order (table constraints
    left out): what an older table lacks is added with ALTER TABLE ... ADD COLUMN."""
    body = ddl[ddl.index("(") + 1 : ddl.rindex(")")]
    parts: list[str] = []
    depth, start = 0, 0
    for pos, char in enumerate(body):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:pos])
            start = pos + 1
    parts.append(body[start:])
    found: list[tuple[str, str]] = []
    for part in parts:
        text = part.strip()
        name = text.split(None, 1)[0] if text else ""
        if name and name.lower() not in _CONSTRAINTS:
            found.append((name.strip('"'), text))
    return found
