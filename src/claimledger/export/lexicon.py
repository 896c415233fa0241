"""Word lists the exports rely on, kept out of the code that uses them."""

from __future__ import annotations

# Flow concepts (extract/concepts.py) that are money handed over. A money figure on any
# other flow (exports, coal, vehicles...) values goods or trade, whose money runs the
# other way or not at all, so it becomes an Event, not a Payment.
MONEY_CONCEPTS: frozenset[str] = frozenset(
    {"salary", "payments", "revenue", "aid", "money", "investment", "loan", "loans", "funds"}
)
