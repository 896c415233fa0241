"""Commands filled in by the web owner: serve."""

from __future__ import annotations

import click

commands: list[click.Command] = []
