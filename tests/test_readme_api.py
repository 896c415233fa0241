"""The README's Python API example runs as written (against a ledger in a temporary folder)."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_example_runs(tmp_path: Path, capsys) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python API.*?```python\n(.*?)```", readme, re.S)
    assert block, "the README has no Python API example"
    code = block.group(1).replace('"ledger.db"', repr(str(tmp_path / "ledger.db")))
    cwd = os.getcwd()
    os.chdir(ROOT)  # the example reads examples/corpus relative to the repository
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "about $2,000 a month" in out
    assert "North Korea -> Russia" in out
