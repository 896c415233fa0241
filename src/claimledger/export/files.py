"""Writing an export file whole or not at all: into a temporary file beside the target,
then renamed over it, so a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from claimledger.errors import UsageError


def check_target(path: Path, *, directory: bool = False) -> None:
    """Refuse an --out that cannot be written, before any work is done."""
    parent = path.parent if str(path.parent) else Path(".")
    if directory:
        if path.exists() and not path.is_dir():
            raise UsageError(f"{path}: cannot write the export (it is a file, not a directory)")
        parent = path if path.exists() else parent
    elif path.is_dir():
        raise UsageError(f"{path}: cannot write the export (it is a directory; give a file name)")
    if not parent.is_dir():
        raise UsageError(f"{path}: cannot write the export (directory {parent} does not exist)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"{path}: cannot write the export (directory {parent} is not writable)")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(tmp)` to fill a temporary file, then move it to `path`."""
    check_target(path)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the export ({exc.strerror or exc})") from exc
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is not
        os.replace(tmp, path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the export ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
