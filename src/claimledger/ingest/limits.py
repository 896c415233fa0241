"""Bounds on one document: its length, its figures and the time its extraction may take.

A hit is reported for that document and the batch goes on. Each bound is read from the
environment when used (CLAIMLEDGER_MAX_CHARS, CLAIMLEDGER_MAX_FIGURES, CLAIMLEDGER_DOC_SECONDS),
so a deployment, or a test, can move it without code.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from claimledger.errors import InputError

MAX_CHARS_ENV = "CLAIMLEDGER_MAX_CHARS"
MAX_FIGURES_ENV = "CLAIMLEDGER_MAX_FIGURES"
SECONDS_ENV = "CLAIMLEDGER_DOC_SECONDS"

# A long news article is ~50 k characters and ~200 figures; a long report a few times that.
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MAX_FIGURES = 2_000
DEFAULT_SECONDS = 120.0
# The largest figure stored: beyond every real quantity (world GDP is about 1e14 USD).
MAX_MAGNITUDE = 1e15


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """The bounds in effect; 0 (or less) for a bound turns it off."""

    max_chars: int = DEFAULT_MAX_CHARS
    max_figures: int = DEFAULT_MAX_FIGURES
    seconds: float = DEFAULT_SECONDS

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by the environment."""
        return cls(
            max_chars=int(_env_number(MAX_CHARS_ENV, DEFAULT_MAX_CHARS)),
            max_figures=int(_env_number(MAX_FIGURES_ENV, DEFAULT_MAX_FIGURES)),
            seconds=_env_number(SECONDS_ENV, DEFAULT_SECONDS),
        )

    def check_length(self, origin: str, chars: int) -> None:
        """Raise InputError when a document of `chars` characters is over the bound."""
        if 0 < self.max_chars < chars:
            raise InputError(
                origin,
                f"document too long ({chars:,} characters, limit {self.max_chars:,}); split it "
                f"or raise {MAX_CHARS_ENV}",
            )

    def check_bytes(self, origin: str, size: int) -> None:
        """Raise InputError for a text file that cannot be under the character bound (UTF-8
        takes at most 4 bytes a character), before spending time decoding it."""
        if 0 < self.max_chars * 4 < size:
            raise InputError(
                origin,
                f"document too long ({size:,} bytes, over {self.max_chars:,} characters); "
                f"split it or raise {MAX_CHARS_ENV}",
            )


class TimeBudgetExceeded(BaseException):
    """One document took longer than its budget. A BaseException, so that the
    `except Exception` of a parser library cannot swallow it; `error` is what to report."""

    def __init__(self, error: InputError) -> None:
        super().__init__(str(error))
        self.error = error


@contextmanager
def time_budget(origin: str, seconds: float, what: str = "extraction") -> Iterator[None]:
    """Raise InputError from the body after `seconds` (`what` names the stage). Uses
    SIGALRM, so it applies in the main thread of a process (the CLI and each worker);
    elsewhere (a web server's threads) the body runs unbounded and only the length and
    figure bounds hold."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        reason = f"{what} took over {seconds:g} s; skipped (raise {SECONDS_ENV})"
        raise TimeBudgetExceeded(InputError(origin, reason))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except TimeBudgetExceeded as exc:
        raise exc.error from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
