"""The one wording of a figure in exports and reports ('about $2,000 a month', '3-4').

Until the shared `claimledger.display` lands this reuses reconcile's wording, so the
report and the check notes write a figure the same way.
"""

from __future__ import annotations

from typing import Any

from claimledger.model import Claim
from claimledger.reconcile.values import fmt_claim_value


def figure_text(row: dict[str, Any]) -> str:
    """A stored claim row's figure as a reader writes it."""
    claim = Claim(
        doc=row.get("doc") or "",
        quote=row.get("quote") or "",
        start=row.get("start") or 0,
        end=row.get("end") or 0,
        value=row.get("value"),
        low=row.get("low"),
        high=row.get("high"),
        qualifier=row.get("qualifier") or "exact",
        unit=row.get("unit") or "count",
        per=row.get("per"),
    )
    return fmt_claim_value(claim)
