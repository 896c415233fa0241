"""Numbers written in words: cardinals, scales, fractions and spoken decimals.

'seventy', 'two and a half million', 'three fifths', 'five and a quarter', 'half a
million', 'three million and a half', 'five point two five'. Written by hand: the
Python number-word libraries (word2number, text2num) read neither fractions nor the
'and a half' of news prose, and give no regular expression to find the words with.
"""

from __future__ import annotations

import re

from claimledger.extract import lexicon as lx


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_SCALES = "hundred|thousand|million|billion|trillion|dozen"
TOKEN = _alternation([*lx.UNITS_WORDS, *lx.TENS_WORDS, *lx.SCALE_WORDS, "dozens", "dozen"])
DENOMINATOR = _alternation(lx.FRACTION_DENOMINATORS)
_DIGIT_WORD = _alternation([k for k, v in lx.UNITS_WORDS.items() if v < 10] + ["oh"])

# The regular expression of a word number, for CORE_RE in numbers.py (no groups).
PATTERN = rf"""\b(?:(?:half|quarter)\s+(?:an?\s+)?(?:{_SCALES})|an?\s+(?:{_SCALES})|(?:{TOKEN}))
    (?:\s+and\s+(?:an?|one)\s+(?:{DENOMINATOR})
      |\s+and\s+(?:{TOKEN})(?:[\s-]+(?:{TOKEN}))*[\s-]+(?:{DENOMINATOR})
      |[\s-]+(?:{TOKEN})
      |[\s-]+(?:{DENOMINATOR})
      |(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))\s+and\s+(?:{TOKEN})
      |\s+point(?:\s+(?:{_DIGIT_WORD}))+(?!\s+(?:{TOKEN}))
      |\s+point\s+(?:{TOKEN})(?:[\s-]+(?:{TOKEN}))*
    )*\b"""


def _cardinal(tokens: list[str]) -> float | None:
    """Value of cardinal tokens: ['two', 'hundred', 'and', 'five'] -> 205."""
    total = 0.0
    current = 0.0
    part = 0.0  # what "and" added last: "three hundred and two dozens" is 300 + 2 * 12
    seen = False
    for i, tok in enumerate(tokens):
        if tok in lx.UNITS_WORDS:
            current += lx.UNITS_WORDS[tok]
            part += lx.UNITS_WORDS[tok]
        elif tok in lx.TENS_WORDS:
            current += lx.TENS_WORDS[tok]
            part += lx.TENS_WORDS[tok]
        elif tok in ("dozen", "dozens"):
            current = (
                current - part + (part or 1) * 12
                if part and part != current
                else (current or 1) * 12
            )
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in lx.SCALE_WORDS:
            total += (current or 1) * lx.SCALE_WORDS[tok]
            current = 0
        elif tok in ("a", "an") and i == 0:
            current = 1 if len(tokens) == 1 else current
            continue
        elif tok == "and":
            part = 0.0
            continue
        elif tok in ("a", "an"):
            continue
        else:
            return None
        if total + current > lx.WORD_NUMBER_LIMIT:
            return None  # "hundred hundred hundred ...": past any figure
        seen = True
    return total + current if seen else None


def _last_scale(tokens: list[str]) -> float:
    for tok in reversed(tokens):
        if tok in lx.SCALE_WORDS and lx.SCALE_WORDS[tok] >= 1000:
            return lx.SCALE_WORDS[tok]
        if tok not in ("and",):
            return 1.0
    return 1.0


def _fraction(tokens: list[str]) -> float | None:
    """'twenty and three fifths', 'five and a quarter', 'three fifths', 'million and a half'."""
    den = lx.FRACTION_DENOMINATORS[tokens[-1]]
    body = tokens[:-1]
    if "and" in body:
        cut = len(body) - 1 - body[::-1].index("and")
        head, numer_tokens = body[:cut], body[cut + 1 :]
        whole = _cardinal(head)
        numer = 1.0 if numer_tokens in (["a"], ["an"], ["one"]) else _cardinal(numer_tokens)
        if whole is None or numer is None:
            return None
        if numer < den or head[-1:] not in (["hundred"],):
            return whole + numer / den * _last_scale(head)
        # "one hundred and thirty fifths": an improper fraction of the whole cardinal
    numer = 1.0 if body in (["a"], ["an"], []) else _cardinal(body)
    return None if numer is None else numer / den


def _spoken_decimal(tokens: list[str]) -> float | None:
    """'five point two five' -> 5.25; 'nought point eleven' -> 0.11."""
    cut = tokens.index("point")
    whole = _cardinal(tokens[:cut]) if cut else 0.0
    rest = tokens[cut + 1 :]
    if whole is None or not rest:
        return None
    if all(t == "oh" or lx.UNITS_WORDS.get(t, 10) < 10 for t in rest):
        digits = "".join("0" if t == "oh" else str(lx.UNITS_WORDS[t]) for t in rest)
    else:
        tail = _cardinal(rest)
        if tail is None:
            return None
        digits = str(int(tail))
    return float(f"{int(whole)}.{digits}")


def parse_word_number(text: str) -> float | None:
    """Value of a number written in words: 'seventy', 'two and a half million', 'a dozen'."""
    tokens = re.findall(r"[a-z]+", text.lower())
    if not tokens:
        return None
    if tokens[0] in ("half", "quarter") and len(tokens) > 1:  # "half a million"
        rest = [t for t in tokens[1:] if t not in ("a", "an")]
        scale = _cardinal(rest)
        return None if scale is None else scale * (0.5 if tokens[0] == "half" else 0.25)
    if "point" in tokens:
        return _spoken_decimal(tokens)
    if tokens[-1] in lx.FRACTION_DENOMINATORS and len(tokens) > 1:
        return _fraction(tokens)  # "three fifths", "two and a half"
    # "two and a half million": the half belongs to the scale after it.
    if "half" in tokens:
        i = tokens.index("half")
        if tokens[i - 2 : i] == ["and", "a"] and i + 1 < len(tokens):
            whole = _cardinal(tokens[: i - 2])
            scale = _cardinal(tokens[i + 1 :])
            if whole is None or scale is None:
                return None
            return (whole + 0.5) * scale
        return None
    return _cardinal(tokens)
