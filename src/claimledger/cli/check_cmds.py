"""Commands filled in by the reconcile owner: checks, check."""

from __future__ import annotations

import click

commands: list[click.Command] = []
