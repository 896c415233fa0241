"""Commands filled in by the exports owner: export."""

from __future__ import annotations

import click

commands: list[click.Command] = []
