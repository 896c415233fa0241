"""Command line: filled in by the CLI module."""


def main() -> None:
    raise SystemExit("not yet")
