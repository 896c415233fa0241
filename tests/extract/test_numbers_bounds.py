"""Hostile input to the number parser: every value it yields is finite and bounded.

A document is untrusted text: a 400-digit number, a run of scale words or arbitrary
unicode must never give a float infinity or NaN (the ledger cannot hold one), and a
figure beyond MAX_MAGNITUDE is reported and skipped, not stored. Hypothesis runs are
bounded in examples and per-example time.
"""

from __future__ import annotations

import logging
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.extract.numbers import (
    MAX_MAGNITUDE,
    Quantity,
    bounded,
    find_quantities,
    parse_number,
    parse_word_number,
)

BOUNDED = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def assert_sane(q: Quantity, text: str) -> None:
    for v in (q.value, q.low, q.high):
        if v is not None:
            assert math.isfinite(v) and abs(v) <= MAX_MAGNITUDE, (text[:80], q)
    assert 0 <= q.start <= q.core_start <= q.core_end <= q.end <= len(text)


def test_a_400_digit_number_is_skipped_and_reported(caplog: pytest.LogCaptureFixture) -> None:
    text = f"The ledger listed {'9' * 400} barrels and 12 tankers."
    with caplog.at_level(logging.WARNING, logger="claimledger.extract.numbers"):
        found = find_quantities(text)
    assert [q.value for q in found] == [12]
    assert any("beyond" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "text",
    [
        "1" + "0" * 16,
        "2,000,000,000,000,000",
        "9" * 309,
        "1e999",
        "hundred " * 200,
        "a trillion trillion",
        "999 trillion trillion",
    ],
)
def test_beyond_bounds_parses_to_none(text: str) -> None:
    value = parse_number(text)
    assert value is None or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)


def test_bounded_rejects_nan_and_infinity() -> None:
    assert bounded(float("inf")) is None
    assert bounded(float("-inf")) is None
    assert bounded(float("nan")) is None
    assert bounded(MAX_MAGNITUDE * 10) is None
    assert bounded(-5.0) == -5.0
    assert bounded(MAX_MAGNITUDE) == MAX_MAGNITUDE


def test_the_largest_news_figures_are_kept() -> None:
    (q,) = find_quantities("World output reached $105 trillion last year.")
    assert q.value == 105e12


@BOUNDED
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for q in [*find_quantities(text), *find_quantities(text, figures_only=False)]:
        assert_sane(q, text)
    for value in (parse_number(text), parse_word_number(text)):
        assert value is None or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)


digit_runs = st.integers(min_value=1, max_value=5000).map(lambda n: "7" * n)
glue = st.sampled_from([" ", ",", ".", "-", " to ", " million ", "bn ", "$", "% ", "\u00a0"])
words = st.sampled_from(["hundred", "thousand", "million", "trillion", "one", "and", "a", "half"])


@BOUNDED
@given(st.lists(st.one_of(digit_runs, glue, words, st.text(max_size=5)), max_size=30))
def test_huge_digit_strings_and_scale_words_stay_bounded(parts: list[str]) -> None:
    text = "".join(parts)
    for q in [*find_quantities(text), *find_quantities(text, figures_only=False)]:
        assert_sane(q, text)
    value = parse_number(text)
    assert value is None or (math.isfinite(value) and abs(value) <= MAX_MAGNITUDE)


def test_a_line_of_a_million_digits_is_quick() -> None:
    # No timing assertion (see TEAM.md): this only proves it finishes and yields nothing.
    assert find_quantities("4" * 1_000_000) == []
