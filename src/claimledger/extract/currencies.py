"""Currencies: ISO 4217 codes and names (from pycountry), the signs reporters write, and
the document cues that say which dollar a bare `$` is.

pycountry gives codes and names; it has no signs, so the signs (`€`, `HK$`, `RM`) and
the country cues for `$` are listed here. Money is canonical in its ISO 4217 code;
pence and cents are read as fractions of their currency (95p -> 0.95 GBP).
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from claimledger.extract import lexicon as lx

# fmt: off
# Signs written before the number (glued or spaced), longest first when matching.
SIGNS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "CAN$": "CAD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "NZ$": "NZD",
    "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW",
    "₽": "RUB", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₺": "TRY", "₦": "NGN", "₱": "PHP",
    "฿": "THB", "₫": "VND", "₴": "UAH", "₪": "ILS", "RM": "MYR", "Rp": "IDR", "KSh": "KES",
    "Ksh": "KES", "RMB": "CNY", "CN¥": "CNY", "Dh": "AED", "SAR": "SAR", "Tk": "BDT",
    "MXN$": "MXN", "Mex$": "MXN", "MEX$": "MXN", "AUD$": "AUD", "CAD$": "CAD", "NZD$": "NZD",
    "₡": "CRC", "₾": "GEL", "₭": "LAK",
}
# Signs written after the number: "10 €", "100元" ("$" is the document's dollar).
POSTFIX_SIGNS: dict[str, str] = {
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₴": "UAH", "₪": "ILS", "₡": "CRC",
    "₾": "GEL", "₭": "LAK", "元": "CNY", "ரூ": "LKR", "zł": "PLN", "Kč": "CZK",
}
# Codes also read in lower case before a number ("usd 20"): the common ones only, since
# lower-case "try", "all" or "top" are words.
LOWER_CASE_CODES = frozenset({
    "usd", "eur", "gbp", "rmb", "cny", "jpy", "inr", "aud", "cad", "nzd", "hkd", "sgd",
    "chf", "mxn", "mxn$", "aud$", "cad$", "nzd$", "mex$", "hk$", "us$",
})
# Finance's millions and thousands glued to a code: "30 MUSD", "120 MEUR", "5 kUSD".
CODE_SCALES: dict[str, float] = {"M": 1e6, "k": 1e3, "K": 1e3, "B": 1e9, "bn": 1e9}
# Upper-case words that are ISO codes but read as words in capitals: never a currency.
NOT_CODES = frozenset({"ALL", "CUP", "TOP", "PEN", "MOP", "SOS", "BAM", "MAD", "GEL", "LAK"})
# Generic currency words shared by several currencies: the one a bare word means.
GENERIC_DEFAULTS: dict[str, str] = {
    "dollar": "USD", "rupee": "INR", "peso": "MXN", "franc": "CHF", "dinar": "KWD",
    "krone": "NOK", "krona": "SEK", "riyal": "SAR", "shilling": "KES", "real": "BRL",
    "rand": "ZAR", "won": "KRW", "yuan": "CNY", "ringgit": "MYR",
}
# Generic words that are also something else after a number: "180 pounds" is a weight.
GENERIC_EXCLUDED = frozenset({"pound", "mark", "real", "rand", "won", "lek", "dram", "som"})
# Minor units after a number: "95p", "50 cents" -> the major currency, value / 100.
# "cents" are of the document's dollar (None here).
MINOR_UNITS: dict[str, str | None] = {
    "p": "GBP", "pence": "GBP", "penny": "GBP", "cents": None, "cent": None, "sen": "MYR",
    "paise": "INR",
    "kopecks": "RUB", "fils": "AED",
}
# Countries whose currency is a dollar, with the words that name them in a text.
DOLLAR_CUES: dict[str, tuple[str, ...]] = {
    "USD": ("United States", "U.S.", "US", "America", "American", "Americans",
            "Washington", "Wall Street", "Federal Reserve", "Fed"),
    "SGD": ("Singapore", "Singaporean", "Singaporeans"),
    "HKD": ("Hong Kong", "Hongkongers"),
    "AUD": ("Australia", "Australian", "Australians", "Sydney", "Melbourne", "Canberra"),
    "CAD": ("Canada", "Canadian", "Canadians", "Ottawa", "Toronto"),
    "NZD": ("New Zealand", "Wellington", "Auckland"),
    "TWD": ("Taiwan", "Taiwanese", "Taipei"),
}
# fmt: on


@cache
def codes() -> frozenset[str]:
    """ISO 4217 alphabetic codes a number may carry ('EUR250', 'GBP 3m')."""
    return frozenset(c.alpha_3 for c in pycountry.currencies) - NOT_CODES


def _plural(word: str) -> str:
    return word if word.endswith(("s", "yen", "yuan", "won", "baht", "ringgit")) else word + "s"


@cache
def names() -> dict[str, str]:
    """Lower-case currency names and plurals -> code: 'hong kong dollars' -> 'HKD'."""
    out: dict[str, str] = {}
    generic: dict[str, set[str]] = {}
    for c in pycountry.currencies:
        if "(" in c.name or c.alpha_3.startswith("X"):
            continue  # funds and metals: "US Dollar (Next day)", "Gold"
        full = c.name.lower()
        for form in (full, _plural(full)):
            out.setdefault(form, c.alpha_3)
        generic.setdefault(full.split()[-1], set()).add(c.alpha_3)
    for word, found in generic.items():
        if word in GENERIC_EXCLUDED:
            continue
        code = GENERIC_DEFAULTS.get(word) or (next(iter(found)) if len(found) == 1 else None)
        if code:
            for form in (word, _plural(word)):
                out.setdefault(form, code)
    for word, code in lx.CURRENCY_WORDS.items():
        out.setdefault(word, code)
    return out


@cache
def _prefix_re() -> re.Pattern[str]:
    signs = sorted([*SIGNS, *codes()], key=len, reverse=True)
    lower = sorted(LOWER_CASE_CODES, key=len, reverse=True)
    return re.compile(
        rf"(?:{'|'.join(re.escape(s) for s in signs)}|\$"
        rf"|(?<![A-Za-z])(?i:{'|'.join(re.escape(s) for s in lower)}))\s?$"
    )


def prefix_before(before: str, dollar: str = "USD") -> tuple[str, int] | None:
    """(code, start) of a currency sign or code ending `before` ('EUR', 'HK$ ', '£')."""
    m = _prefix_re().search(before, max(0, len(before) - 12))
    if m is None:
        return None
    sign = m.group(0).strip()
    start = m.start()
    if sign[:1].isalpha() and re.search(r"[A-Za-z]\Z", before[:start]):
        return None  # a word ending in the letters of a sign: "Euros" has no "Rs"
    if sign == "$":
        return dollar, start
    if sign in SIGNS:
        return SIGNS[sign], start
    if sign.upper() in SIGNS:
        return SIGNS[sign.upper()], start
    if sign.lower() in LOWER_CASE_CODES and sign.upper() not in codes():
        return {"rmb": "CNY", "mex$": "MXN"}.get(sign.lower(), sign.upper().rstrip("$")), start
    return sign.upper(), start  # an ISO code


@cache
def _name_after_re() -> re.Pattern[str]:
    words = sorted(names(), key=len, reverse=True)
    return re.compile(
        rf"^(?:\s|-)?(?:of\s+)?(?P<u>{'|'.join(re.escape(w) for w in words)})(?![\w$])",
        re.IGNORECASE,
    )


def name_after(after: str) -> tuple[str, int] | None:
    """(code, length) of a currency name opening `after`: ' euros', ' Hong Kong dollars'."""
    m = _name_after_re().match(after)
    if m is None:
        return None
    return names()[m.group("u").lower()], m.end()


@cache
def _postfix_re() -> re.Pattern[str]:
    signs = "|".join(re.escape(s) for s in sorted(POSTFIX_SIGNS, key=len, reverse=True))
    scales = "|".join(re.escape(s) for s in CODE_SCALES)
    codes_ = "|".join(sorted(codes()))
    return re.compile(
        rf"^\s?(?:(?P<sign>{signs}|\$)(?![\w$])|(?P<scale>{scales})(?P<code>{codes_})\b)"
    )


def sign_after(after: str, dollar: str = "USD") -> tuple[str, int, float] | None:
    """(code, length, scale) of a sign or scaled code after a number: '10 €', '30 MUSD'."""
    m = _postfix_re().match(after)
    if m is None:
        return None
    if m.group("sign"):
        sign = m.group("sign")
        return (dollar if sign == "$" else POSTFIX_SIGNS[sign]), m.end(), 1.0
    return m.group("code"), m.end(), CODE_SCALES[m.group("scale")]


_MINOR_RE = re.compile(
    r"^(?:(?P<p>p)\b(?![.'’]\w)|[\s-]?(?P<w>pence|penny|cents?|sen|paise|kopecks|fils)\b)"
)


def minor_after(after: str, dollar: str = "USD") -> tuple[str, int] | None:
    """(code, length) of a minor unit glued or spaced after a number: '95p', '50 cents'."""
    m = _MINOR_RE.match(after)
    if m is None:
        return None
    return MINOR_UNITS[m.group("p") or m.group("w").lower()] or dollar, m.end()


@cache
def _cue_res() -> dict[str, re.Pattern[str]]:
    return {
        code: re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)")
        for code, cues in DOLLAR_CUES.items()
    }


def dollar_for(text: str) -> str:
    """The dollar a bare `$` means in `text`: the country its cues name most, else USD."""
    counts = {code: len(rx.findall(text)) for code, rx in _cue_res().items()}
    best = max(counts, key=lambda code: counts[code])
    if best != "USD" and counts[best] >= 2 and counts[best] > counts["USD"]:
        return best
    return "USD"
