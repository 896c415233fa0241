"""The ledger's tables as an ordered list of migrations, and the opening of a ledger file."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from claimledger.errors import StoreError
from claimledger.model import MODALITIES, QUALIFIERS, VERDICTS

# Written into the SQLite header ("CLGD"), so a ledger is recognisable without reading tables.
APPLICATION_ID = 0x434C4744


def _sql_in(values: Sequence[str]) -> str:
    return ", ".join(f"'{value}'" for value in values)


SCHEMA_VERSION_DDL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""

# Version 1. The CHECK lists come from model.py; changing QUALIFIERS, MODALITIES or VERDICTS
# there needs a new migration here that rebuilds the table, since SQLite cannot alter a CHECK.
_V1 = f"""
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    url TEXT,
    body_start INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    meta_json TEXT NOT NULL DEFAULT '{{}}',
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_name ON documents (name);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    quote TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sent_start INTEGER NOT NULL DEFAULT 0,
    sent_end INTEGER NOT NULL DEFAULT 0,
    sentence TEXT,
    value REAL,
    low REAL,
    high REAL,
    qualifier TEXT NOT NULL CHECK (qualifier IN ({_sql_in(QUALIFIERS)})),
    unit TEXT NOT NULL,
    item TEXT,
    concept TEXT,
    per TEXT,
    "when" TEXT,
    source TEXT,
    modality TEXT NOT NULL CHECK (modality IN ({_sql_in(MODALITIES)})),
    from_party TEXT,
    to_party TEXT,
    vague INTEGER NOT NULL DEFAULT 0 CHECK (vague IN (0, 1)),
    currency TEXT,
    extractor_version TEXT NOT NULL,
    UNIQUE (doc_id, "start", "end")
);
-- doc_id lookups use the UNIQUE (doc_id, start, end) index.
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_concept ON claims (concept);
CREATE INDEX claims_unit ON claims (unit);
CREATE INDEX claims_from_party ON claims (from_party);
CREATE INDEX claims_to_party ON claims (to_party);
CREATE INDEX claims_item ON claims (item);
CREATE INDEX claims_source ON claims (source);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    sentence, item, source, content='claims', content_rowid='id'
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, sentence, item, source)
    VALUES (new.id, new.sentence, new.item, new.source);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, item, source)
    VALUES ('delete', old.id, old.sentence, old.item, old.source);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, item, source)
    VALUES ('delete', old.id, old.sentence, old.item, old.source);
    INSERT INTO claims_fts (rowid, sentence, item, source)
    VALUES (new.id, new.sentence, new.item, new.source);
END;

CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('country', 'organisation', 'person')),
    code TEXT,
    affiliation TEXT
);
CREATE TABLE party_aliases (
    party_id INTEGER NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    UNIQUE (alias)
);
CREATE INDEX party_aliases_party ON party_aliases (party_id);

CREATE TABLE claim_parties (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    party_id INTEGER NOT NULL REFERENCES parties (id),
    role TEXT NOT NULL CHECK (role IN ('from', 'to', 'source', 'mention')),
    PRIMARY KEY (claim_id, party_id, role)
);
CREATE INDEX claim_parties_party ON claim_parties (party_id);

CREATE TABLE flows (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    giver TEXT,
    receiver TEXT,
    item TEXT NOT NULL,
    concept TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sent_start INTEGER NOT NULL DEFAULT 0,
    sent_end INTEGER NOT NULL DEFAULT 0,
    claim_id INTEGER REFERENCES claims (id) ON DELETE SET NULL,
    UNIQUE (doc_id, "start", "end", giver, receiver, concept)
);
CREATE INDEX flows_giver ON flows (giver);
CREATE INDEX flows_receiver ON flows (receiver);
CREATE INDEX flows_concept ON flows (concept);
CREATE INDEX flows_claim ON flows (claim_id);

CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ({_sql_in(VERDICTS)})),
    note TEXT NOT NULL,
    "key" TEXT NOT NULL
);
CREATE INDEX checks_verdict ON checks (verdict);
CREATE TABLE check_claims (
    check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (check_id, claim_id)
);
CREATE INDEX check_claims_claim ON check_claims (claim_id);
"""

# Ordered (version, DDL script) pairs. Append only: never edit a migration once released.
# Version 2 (reconcile): each claim's blocking key, so that cross-checking groups claims
# by an indexed GROUP BY instead of comparing all pairs; and small key/value facts about
# the ledger (the fingerprint the stored checks were computed from).
_V2 = """
CREATE TABLE claim_blocks (
    claim_id INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    block_key TEXT
);
CREATE INDEX claim_blocks_key ON claim_blocks (block_key);
CREATE TABLE meta (
    "key" TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 3: numbers must be finite (a 400-digit figure once went in as infinity and broke
# every view), and the full-text table names its content table as an identifier
# (content="claims"): the string form ('claims') hides the index from Datasette's _search and
# sqlite-utils, which look for content="claims" or content=[claims]. SQLite cannot add a CHECK
# to a table, so claims is rebuilt (ids kept; a non-finite number in an old ledger becomes
# NULL, its quote and span stay) with its indexes, and the full-text index rebuilt from it.
# migrate() turns foreign keys off around it, so dropping the old table cascades nothing.
_FINITE = "BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308"


def _finite_check(column: str) -> str:
    return f"CHECK ({column} IS NULL OR {column} {_FINITE})"


_CLAIM_COLUMNS = (
    'id, doc_id, doc, quote, "start", "end", sent_start, sent_end, sentence, value, low, high, '
    'qualifier, unit, item, concept, per, "when", source, modality, from_party, to_party, vague, '
    "currency, extractor_version"
)


def _finite_or_null(column: str) -> str:
    return f"CASE WHEN {column} {_FINITE} THEN {column} END"


_COPIED_COLUMNS = _CLAIM_COLUMNS.replace(
    "value, low, high", ", ".join(_finite_or_null(c) for c in ("value", "low", "high"))
)

_V3 = f"""
CREATE TABLE claims_v3 (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    doc TEXT NOT NULL,
    quote TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sent_start INTEGER NOT NULL DEFAULT 0,
    sent_end INTEGER NOT NULL DEFAULT 0,
    sentence TEXT,
    value REAL {_finite_check("value")},
    low REAL {_finite_check("low")},
    high REAL {_finite_check("high")},
    qualifier TEXT NOT NULL CHECK (qualifier IN ({_sql_in(QUALIFIERS)})),
    unit TEXT NOT NULL,
    item TEXT,
    concept TEXT,
    per TEXT,
    "when" TEXT,
    source TEXT,
    modality TEXT NOT NULL CHECK (modality IN ({_sql_in(MODALITIES)})),
    from_party TEXT,
    to_party TEXT,
    vague INTEGER NOT NULL DEFAULT 0 CHECK (vague IN (0, 1)),
    currency TEXT,
    extractor_version TEXT NOT NULL,
    UNIQUE (doc_id, "start", "end")
);
INSERT INTO claims_v3 ({_CLAIM_COLUMNS})
SELECT {_COPIED_COLUMNS}
FROM claims;
DROP TABLE claims_fts;
DROP TABLE claims;
ALTER TABLE claims_v3 RENAME TO claims;
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_concept ON claims (concept);
CREATE INDEX claims_unit ON claims (unit);
CREATE INDEX claims_from_party ON claims (from_party);
CREATE INDEX claims_to_party ON claims (to_party);
CREATE INDEX claims_item ON claims (item);
CREATE INDEX claims_source ON claims (source);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    sentence, item, source, content="claims", content_rowid="id"
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, sentence, item, source)
    VALUES (new.id, new.sentence, new.item, new.source);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, item, source)
    VALUES ('delete', old.id, old.sentence, old.item, old.source);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, sentence, item, source)
    VALUES ('delete', old.id, old.sentence, old.item, old.source);
    INSERT INTO claims_fts (rowid, sentence, item, source)
    VALUES (new.id, new.sentence, new.item, new.source);
END;
"""


# Version 4 (numbers, issue 12): the change a figure states ("fell from 9,400 to 8,100"):
# its direction and the value it changed from. Additive: it applies after the
# rebuild of version 3.
_V4 = """
ALTER TABLE claims ADD COLUMN change TEXT
    CHECK (change IS NULL OR change IN ('increase', 'decrease'));
ALTER TABLE claims ADD COLUMN change_from REAL
    CHECK (change_from IS NULL OR change_from BETWEEN -1.7976931348623157e308
                                              AND 1.7976931348623157e308);
"""

# Version 5: near-duplicate documents (store/duplicates.py). Each document's MinHash
# signature (hex; empty for a text too short to compare), and the other origins of a
# document whose near-duplicates were not stored again.
_V5 = """
CREATE TABLE document_signatures (
    doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    minhash TEXT NOT NULL
);
CREATE TABLE document_origins (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    origin TEXT NOT NULL,
    url TEXT,
    similarity REAL NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (doc_id, origin, name)
);
CREATE INDEX document_origins_doc ON document_origins (doc_id);
"""

# Version 6 (parties, issue 9): how sure a claim's from/to are: "sentence" (its own
# sentence names them) or "document" (a flow the document established); null without parties.
_V6 = """
ALTER TABLE claims ADD COLUMN party_basis TEXT
    CHECK (party_basis IS NULL OR party_basis IN ('sentence', 'document'));
"""

# Version 7 (web, issue 11): the figure table filters and facets by modality; without an
# index each such page read all claims. Additive, so it applies to any version-6 ledger.
_V7 = """
CREATE INDEX IF NOT EXISTS claims_modality ON claims (modality);
"""

MIGRATIONS: list[tuple[int, str]] = [
    (1, _V1),
    (2, _V2),
    (3, _V3),
    (4, _V4),
    (5, _V5),
    (6, _V6),
    (7, _V7),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def split_statements(script: str) -> list[str]:
    """The statements of a DDL script, one per entry (trigger bodies kept whole)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    rest = "\n".join(
        line for line in buffer.splitlines() if line.strip() and not line.strip().startswith("--")
    )
    if rest:
        raise ValueError(f"incomplete SQL statement in migration: {rest[:80]!r}")
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to this database; 0 for a new or empty file."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[tuple[int, str]] = MIGRATIONS
) -> list[int]:
    """Apply the missing migrations in one transaction; returns the versions applied."""
    latest = migrations[-1][0] if migrations else 0
    if schema_version(conn) >= latest:
        return []
    # A migration may rebuild a table; with foreign keys on, dropping the old one would
    # cascade into every table citing it. The pragma only works outside a transaction.
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        return _apply(conn, migrations)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")


def _apply(conn: sqlite3.Connection, migrations: Sequence[tuple[int, str]]) -> list[int]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(SCHEMA_VERSION_DDL)
        current = schema_version(conn)  # re-read under the write lock: another opener may win
        applied: list[int] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for version, ddl in migrations:
            if version <= current:
                continue
            for statement in split_statements(ddl):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, now)
            )
            applied.append(version)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.IntegrityError(f"migration left {len(broken)} dangling references")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return applied


def _check_owner(conn: sqlite3.Connection, path: str | Path) -> None:
    """Refuse a file that is not SQLite, or is a SQLite database of some other application."""
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: not a claimledger ledger (not a SQLite database: {exc}); "
            "pass --db a new file name or an existing ledger"
        ) from exc
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(
            f"{path}: not a claimledger ledger (another application's SQLite database, "
            f"application_id {app_id:#x}); pass --db a new file name or an existing ledger"
        )
    foreign = [name for name in tables if name != "schema_version"]
    if app_id == 0 and foreign:
        shown = ", ".join(sorted(foreign)[:5])
        raise StoreError(
            f"{path}: not a claimledger ledger (a SQLite database with other tables: {shown}); "
            "pass --db a new file name or an existing ledger"
        )


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the ledger at `path` (creating it if missing), in WAL mode, migrated to the latest."""
    if str(path) != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{path}: not a claimledger ledger (it is a directory)")
        if not target.parent.is_dir():
            raise StoreError(
                f"{path}: cannot create the ledger (directory {target.parent} does not exist)"
            )
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the ledger ({exc})") from exc
    try:
        _check_owner(conn, path)
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise StoreError(
                f"{path}: ledger schema version {version} is newer than this claimledger "
                f"understands ({LATEST_VERSION}); upgrade claimledger"
            )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open the ledger ({exc})") from exc
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn
