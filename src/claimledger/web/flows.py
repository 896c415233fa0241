"""Exchange lines and party profiles as page data: the library's, with `from`/`to` keys.

Pages ask `claimledger.exchange` for at most a few figures per line; each record keeps
`figures_total`, so a page shows the first few and links to the rest.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from claimledger.exchange import ExchangeLine, PartyProfile

FIGURES_PER_LINE = 20  # on the exchange page; the overview and party pages show fewer


def line_record(line: ExchangeLine) -> dict[str, Any]:
    """One exchange line as a template and JSON record."""
    # Shallow: `asdict` deep-copies every figure and document list (most of a party page's time).
    record = {f.name: getattr(line, f.name) for f in fields(line)}
    return {**record, "from": line.giver, "to": line.receiver}


def profile_record(profile: PartyProfile) -> dict[str, Any]:
    """A party profile as a template and JSON record."""
    party = profile.party
    return {
        "party": {
            "name": party.name,
            "kind": party.kind,
            "aliases": list(party.aliases),
            "code": party.code,
            "affiliation": party.affiliation,
        },  # fmt: skip
        "aliases": profile.aliases,
        "mentions": profile.mentions,
        "flows_out": [line_record(line) for line in profile.flows_out],
        "flows_in": [line_record(line) for line in profile.flows_in],
    }
