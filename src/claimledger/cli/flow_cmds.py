"""Commands filled in by the flows owner: flows, exchange, parties, party."""

from __future__ import annotations

import click

commands: list[click.Command] = []
