"""Reviews of checks: an analyst's accepted/rejected mark and note, in a table of their own.

A review never touches claims or checks. Checks are recomputed whenever figures arrive, so
a review is keyed by what it judged (the check's kind and its claims' ids), not by the
check's row id: it follows the same judgement across re-checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from claimledger.errors import UsageError
from claimledger.store.ledger import Ledger

STATES: tuple[str, ...] = ("accepted", "rejected")
MAX_NOTE = 2000

CREATE = """
CREATE TABLE IF NOT EXISTS reviews (
    check_key TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('accepted', 'rejected')),
    note TEXT NOT NULL DEFAULT '',
    reviewed_at TEXT NOT NULL
)
"""
# A check's key in SQL: its kind and its claim ids in ascending order.
KEY_OF_CHECK = """(SELECT k2.kind || ':' || group_concat(claim_id, ',') FROM (
    SELECT cc2.claim_id FROM check_claims AS cc2 WHERE cc2.check_id = {check}
    ORDER BY cc2.claim_id) JOIN checks AS k2 ON k2.id = {check})"""


def check_key(kind: str, claim_ids: Iterable[int]) -> str:
    """The key a review of a check is stored under: 'group:12,40'."""
    return f"{kind}:{','.join(str(i) for i in sorted(claim_ids))}"


def _ensure(ledger: Ledger) -> None:
    ledger._conn.execute(CREATE)


def review_check(ledger: Ledger, check_id: int, state: str, note: str = "") -> dict[str, Any]:
    """Mark a stored check accepted or rejected, with a note; returns the review."""
    if state not in STATES:
        raise UsageError(f"unknown review state {state!r}; use accepted or rejected")
    conn = ledger._conn
    row = conn.execute("SELECT kind FROM checks WHERE id = ?", (check_id,)).fetchone()
    if row is None:
        raise UsageError(f"no check {check_id}; the checks were recomputed, reload the page")
    ids = [r[0] for r in conn.execute(
        "SELECT claim_id FROM check_claims WHERE check_id = ?", (check_id,))]  # fmt: skip
    _ensure(ledger)
    review = {"check_key": check_key(row[0], ids), "state": state, "note": note[:MAX_NOTE],
              "reviewed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}  # fmt: skip
    conn.execute(
        "INSERT INTO reviews (check_key, state, note, reviewed_at) "
        "VALUES (:check_key, :state, :note, :reviewed_at) ON CONFLICT (check_key) DO UPDATE "
        "SET state = excluded.state, note = excluded.note, reviewed_at = excluded.reviewed_at",
        review,
    )
    return review


def reviews_for(ledger: Ledger, checks: Iterable[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The review of each of these checks (dicts with id, kind and claims), by check id."""
    _ensure(ledger)
    keyed = {check_key(c["kind"], [m["id"] for m in c["claims"]]): c["id"] for c in checks}
    if not keyed:
        return {}
    marks = ",".join("?" * len(keyed))
    rows = ledger._conn.execute(
        f"SELECT check_key, state, note, reviewed_at FROM reviews WHERE check_key IN ({marks})",
        list(keyed),
    )  # fmt: skip
    return {keyed[r[0]]: {"state": r[1], "note": r[2], "reviewed_at": r[3]} for r in rows}


def review_counts(ledger: Ledger) -> dict[str, int]:
    """How many reviews have each state."""
    _ensure(ledger)
    rows = ledger._conn.execute("SELECT state, count(*) FROM reviews GROUP BY state")
    return {state: n for state, n in rows}


def review_condition(state: str) -> str:
    """A WHERE condition on `checks` (aliased k) for a review state or 'unreviewed'."""
    key = KEY_OF_CHECK.format(check="k.id")
    if state == "unreviewed":
        return f"{key} NOT IN (SELECT check_key FROM reviews)"
    if state not in STATES:
        raise UsageError(f"unknown review state {state!r}; use accepted, rejected or unreviewed")
    return f"{key} IN (SELECT check_key FROM reviews WHERE state = '{state}')"


def check_page_by_review(
    ledger: Ledger, state: str, *, verdicts: Iterable[str] = (), kind: str | None = None,
    limit: int = 50, offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
    """As `Ledger.check_page`, only the checks with this review state ('unreviewed' too)."""
    _ensure(ledger)
    where = [review_condition(state)]
    params: list[Any] = []
    chosen = list(verdicts)
    if chosen:
        where.append(f"k.verdict IN ({','.join('?' * len(chosen))})")
        params.extend(chosen)
    if kind == "group":
        where.append("k.kind = 'group'")
    elif kind == "arithmetic":
        where.append("k.kind != 'group'")
    clause = " WHERE " + " AND ".join(where)
    total = ledger._scalar(f"SELECT count(*) FROM checks AS k{clause}", params)
    found = ledger._rows(
        f"SELECT k.id, k.kind, k.verdict, k.note FROM checks AS k{clause} "
        "ORDER BY k.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return ledger._with_members(found), total
