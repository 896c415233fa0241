"""Every word list and unit table that cross-checking reads, in one place.

Written by hand rather than learnt: the seeds are five articles, far too few to learn
which item words name one quantity, and an analyst must be able to read and extend the
list that decides that two figures are "the same thing".
"""

from __future__ import annotations

import re

# fmt: off
# Item head words (singular) -> the concept family whose figures are put side by side.
# Figures in one family are compared; words inside a family may still mark a different
# subject (see SUBJECTS), which makes a pair `different_scope` rather than a conflict.
CONCEPT_FAMILIES: dict[str, str] = {
    **dict.fromkeys(
        ("troop", "soldier", "serviceman", "servicemen", "fighter", "mercenary", "volunteer",
         "worker", "laborer", "labourer", "labor", "labour", "workforce", "engineer",
         "personnel", "recruit", "commando", "advisor", "adviser", "contingent", "people",
         "nepalese", "conscript", "man", "men", "force", "staff"),
        "people",
    ),
    **dict.fromkeys(
        ("unit", "brigade", "battalion", "division", "regiment", "formation", "company"),
        "formation",
    ),
    **dict.fromkeys(
        ("salary", "wage", "pay", "payment", "earning", "compensation", "income"), "pay"
    ),
    **dict.fromkeys(("revenue", "proceeds", "profit"), "revenue"),
    **dict.fromkeys(("export", "trade", "sale", "shipment"), "exports"),
    **dict.fromkeys(("import", "purchase"), "imports"),
    **dict.fromkeys(
        ("shell", "round", "ammunition", "munition", "projectile", "artillery"), "shells"
    ),
    **dict.fromkeys(("container",), "containers"),
    **dict.fromkeys(("rice", "food", "grain", "wheat", "deficit", "shortfall"), "food"),
    **dict.fromkeys(("oil", "petroleum", "fuel", "crude", "diesel", "gasoline"), "oil"),
    **dict.fromkeys(("missile", "rocket"), "missiles"),
    **dict.fromkeys(("country", "nation", "state", "member", "opponent"), "countries"),
    **dict.fromkeys(("casualty", "loss", "death", "killed", "dead", "wounded"), "casualties"),
}

# Who a figure is about, within the people and pay families: soldiers are not workers,
# and neither are foreign mercenaries. Matched on singular words of the item or sentence.
SUBJECTS: dict[str, str] = {
    **dict.fromkeys(
        ("troop", "soldier", "serviceman", "servicemen", "fighter", "commando", "engineer",
         "military", "army", "personnel", "conscript", "deployment", "unit", "brigade"),
        "soldiers",
    ),
    **dict.fromkeys(("mercenary", "volunteer", "recruit", "nepalese"), "mercenaries"),
    **dict.fromkeys(
        ("worker", "laborer", "labourer", "labor", "labour", "workforce", "construction"),
        "workers",
    ),
}
SUBJECT_FAMILIES = frozenset({"people", "pay"})

# Words before "of" that measure what follows ("pieces of equipment", "share of exports").
MEASURE_WORDS = frozenset(
    {"piece", "round", "share", "value", "number", "amount", "rate", "total", "volume",
     "worth", "batch", "lot", "tranche", "percentage", "proportion", "part", "portion",
     "group", "contingent", "wave"}
)

# Item words that say nothing about which part of a quantity is meant.
NEUTRAL_WORDS = frozenset(
    {"the", "a", "an", "of", "its", "their", "his", "her", "our", "total", "overall",
     "annual", "main", "other", "new", "recent", "additional", "estimated", "more",
     "some", "about", "average", "monthly", "yearly", "approximately", "around", "each",
     "per", "all", "combined", "reported", "further", "another", "extra", "in", "to", "from",
     "for", "and", "or", "by", "with", "on", "at", "as", "figure", "figures", "north",
     "south", "korean", "koreans", "russian", "russians", "dprk", "rok", "soviet"}
)

# Scope cues read near a figure: a running total versus a count within a window of time.
CUMULATIVE_RE = re.compile(
    r"\b(?:running total|so far|to date|cumulative(?:ly)?|since|over the years)\b",
    re.IGNORECASE,
)
# A whole: everything of its kind, against which a part or a share is not a rival figure.
TOTAL_RE = re.compile(
    r"\b(?:in total|grand total|total of|altogether|all told|in all)\b", re.IGNORECASE
)
WINDOW_RE = re.compile(
    r"\b(?:(?:in|over|during|for) the (?:past|last|previous) (?:\w+ )?"
    r"(?:years?|months?|weeks?|days?|quarters?)|"
    r"(?:within|in) (?:just |only |a )?(?:\d+|two|three|four|five|six|seven|a|one) "
    r"(?:days?|weeks?|months?)|"
    r"(?:last|this|next) (?:year|month|quarter)|per (?:year|month|week|day)|"
    r"a (?:year|month|week|day)|annual(?:ly)?|monthly|weekly|daily|"
    r"(?:each|every) (?:year|month|week|day))\b",
    re.IGNORECASE,
)

# Scope cues for one figure (reconcile/scope.py).
BELOW_RE = re.compile(
    r"\b(?:nearly|almost|just (?:under|below|short of)|not quite|close to but under)\b",
    re.IGNORECASE,
)
PART_BEFORE_RE = re.compile(
    r"\bamong (?:them|those|whom|these)\b|\bof (?:them|those|whom)\b[^.]{0,12}$",
    re.IGNORECASE,
)
# A figure, then a cue that lists its parts: the figures after the cue are parts.
PARTS_AFTER_WHOLE_RE = re.compile(
    r"\d[^()]*\b(?:main|chief|principal|including|such as|made up of|consist\w* of|"
    r"compris\w*|of which)\b",
    re.IGNORECASE,
)
PART_AFTER_RE = re.compile(r"\bof (?:them|those|whom)\b", re.IGNORECASE)
PHASE_START_RE = re.compile(
    r"\bfrom\s+(?:(?:just|only|a|mere|less|more|than|under|over|about|around|nearly|some)\s+)*$",
    re.IGNORECASE,
)
PHASE_END_RE = re.compile(
    r"\bto\s+(?:(?:just|only|a|an|staggering|record|mere|less|more|than|under|over|about|"
    r"around|nearly|almost|some|high|low|of)\s+)*$",
    re.IGNORECASE,
)

CHANGE_RE = re.compile(
    r"\b(?:less|more|lower|higher|fewer|greater|(?<!made )up(?!\s+to\b)|down|drops?|dropped|"
    r"decreas\w*|increas\w*|rais(?:e|ed|es|ing)|cut|"
    r"ris(?:e|es|en|ing)|rose|fell|fall(?:s|en|ing)?|declin\w*|grow\w*|grew|jump\w*|surg\w*|"
    r"plung\w*|month-on-month|year-on-year|annuali[sz]ed|rate)\b",
    re.IGNORECASE,
)

SPEECH_RE = re.compile(r"\b(?:said|says|told|stated|that)\b", re.IGNORECASE)

# The stage of a transfer: agreed or capped, against carried out.
ORDER_RE = re.compile(
    r"\b(?:order(?:s|ed)?|contract(?:s|ed)?|deal|agreements?|signed|procure\w*|pledg\w*|"
    r"promis\w*|approv\w*|plans? to|planned|cap(?:ped)?|limit|quota|commit\w*|request\w*|"
    r"packages?|framework)\b",
    re.IGNORECASE,
)
DELIVERY_RE = re.compile(
    r"\b(?:deliver\w*|received|arrived|handed over|in service|took delivery|shipped)\b",
    re.IGNORECASE,
)

# Arithmetic cues.
GROWTH_RE = re.compile(
    r"\b(?:rate|grow(?:th|n|ing|s)?|grew|increas\w*|ris(?:e|en|ing)|rose|declin\w*|"
    r"fell|fall(?:en|ing)?|annuali[sz]ed|compound|CAGR)\b",
    re.IGNORECASE,
)
YEARS_SPAN_RE = re.compile(
    r"\b(?:past|last|over|previous|within)\s+(?:the\s+)?(\d{1,2}|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+years?\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
LIST_CUE_RE = re.compile(
    r"(?:\b(?:main|chief|principal|top|leading|largest|biggest)\b(?:\s+[\w-]+){0,3}?\s+"
    r"(?:were|was|are|is|included|include|being)\b|\bincluding\b|\bof which\b|\bsuch as\b|"
    r"\bamong them\b|\bconsist(?:ing|ed|s)? of\b|\bcompris(?:ing|ed|es)\b|\bbroken down\b|"
    r"\bmade up of\b|:)",
    re.IGNORECASE,
)
AMOUNT_CUE_RE = re.compile(
    r"\b(?:amount(?:s|ed|ing)? to|total(?:s|led|ed|ling|ing)?|comes? to|add(?:s|ed)? up to|"
    r"this means|works? out (?:at|to)|equal(?:s|led|ed|ling)?)\b",
    re.IGNORECASE,
)
NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}

# Units, converted to one base unit per family: (family, factor to the base unit).
UNIT_FAMILIES: dict[str, tuple[str, float]] = {
    "count": ("count", 1.0),
    "percent": ("percent", 1.0),
    "t": ("mass", 1.0),
    "tonne": ("mass", 1.0),
    "ton": ("mass", 1.0),  # the texts mean metric tonnes; GUIDELINES.md writes "t"
    "kg": ("mass", 1e-3),
    "lb": ("mass", 0.45359237e-3),
    "mi": ("distance", 1.609344),
    "km": ("distance", 1.0),
    "m": ("distance", 1e-3),
    "year": ("duration", 365.25),
    "month": ("duration", 30.4375),
    "week": ("duration", 7.0),
    "day": ("duration", 1.0),
    "bbl": ("volume", 1.0),
    "l": ("volume", 1 / 158.987),
}
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
# A rate's period, as occurrences per year.
PER_YEAR: dict[str, float] = {
    "day": 365.25, "week": 52.18, "month": 12.0, "quarter": 4.0, "year": 1.0,
}
CURRENCY_SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
UNIT_WORDS: dict[str, str] = {
    "t": " t", "mi": " mi", "km": " km", "percent": "%", "year": " years", "month": " months",
    "day": " days", "bbl": " bbl",
}
# fmt: on

# Taxonomy kinds whose sibling concepts, stated for the same parties in one article, make a
# different_scope line (reconcile/kinds.py): who is counted, not what happened or what things.
SIBLING_SCOPE_KINDS = frozenset({"group"})
