"""Number words, scales, qualifiers, units, currencies and the not-figure word lists:
the number and unit sections of the lexicon (lexicon.py re-exports them, so `lx.X` reads
every table from one place)."""

from __future__ import annotations

# fmt: off

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Abbreviated scales written against or after a digit: $1.4bn, 7.5m, 30k.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12,
    "crore": 1e7, "lakh": 1e5, "tln": 1e12, "trn": 1e12, "bil": 1e9, "tril": 1e12,
    "hundred": 1e2, "dozen": 12, "dozens": 12, "dz": 12, "dzs": 12, "doz": 12,
    "dozs": 12,
}
# Scales read after a money figure only: "$4 B", "US$ 1MM" (finance's thousand thousand).
CURRENCY_SCALES: dict[str, float] = {
    "b": 1e9, "m": 1e6, "k": 1e3, "mm": 1e6, "bil": 1e9, "tril": 1e12,
}
CURRENCY_SCALES_CASED = ("B", "M", "K", "MM", "bil", "tril")
# Scale words read after a spaced number: "5 million", "3 bn", "three lakh crore".
SPACED_SCALES: tuple[str, ...] = (
    "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn", "mln", "bln",
    "tln", "trn", "lakh", "crore", "dozen", "dozens", "dzs", "dz", "dozs", "doz",
)
# Denominators of fractions in words: "three fifths", "five and a quarter".
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "quarter": 4,
    "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
    "tenths": 10, "twelfth": 12, "twelfths": 12, "twentieth": 20, "twentieths": 20,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}
# A word number past this is not a figure (numbers.MAX_MAGNITUDE bounds every value).
WORD_NUMBER_LIMIT = 1e15
# Vulgar fraction characters: "2½".
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}
# Fractions read as shares: "more than half" is 50 percent, "a third" 33.3 percent.
FRACTION_WORDS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3,
    "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25.0,
    "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
}
# Determiners after "half" that make it a share: "half the flats".
FRACTION_DETERMINERS = ("the", "its", "their", "his", "her", "our", "all", "these", "those")
# Words after which a fraction word is a share of something, not a time ("first half").
FRACTION_ORDINAL_BLOCKERS = ("first", "second", "latter", "former", "last", "other")

# Vague quantities (GUIDELINES.md): phrase -> (low, high, unit); longest first when matching.
VAGUE_QUANTITIES: dict[str, tuple[float, float, str]] = {
    "hundreds of thousands": (200_000, 999_999, "count"),
    "tens of thousands": (20_000, 99_999, "count"),
    "hundreds of millions": (200_000_000, 999_999_999, "count"),
    "tens of millions": (20_000_000, 99_999_999, "count"),
    "dozens": (24, 99, "count"),
    "hundreds": (200, 999, "count"),
    "thousands": (2_000, 9_999, "count"),
    "millions": (2_000_000, 9_999_999, "count"),
    "billions": (2_000_000_000, 9_999_999_999, "count"),
    "decades": (20, 99, "year"),
    "a few hundred": (200, 999, "count"), "several hundred": (200, 999, "count"),
    "a few thousand": (2_000, 9_999, "count"), "several thousand": (2_000, 9_999, "count"),
    "a few dozen": (24, 99, "count"), "several dozen": (24, 99, "count"),
    "a few million": (2_000_000, 9_999_999, "count"),
    "several million": (2_000_000, 9_999_999, "count"),
}

# Qualifier phrases before a number, longest first.
QUALIFIERS_BEFORE: dict[str, str] = {
    "approximately": "about", "approx.": "about", "about": "about", "around": "about",
    "roughly": "about", "some": "about", "nearly": "about", "almost": "about",
    "close to": "about", "an estimated": "exact", "circa": "about", "c.": "about",
    "more than": "over", "over": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "upwards of": "over", "just over": "over", "well over": "over",
    "north of": "over", "greater than": "over", "higher than": "over", "larger than": "over",
    "lower than": "under", "smaller than": "under", "south of": "under", "under": "under",
    "less than": "under", "fewer than": "under",
    "below": "under", "just under": "under", "short of": "under", "at least": "at_least",
    "no less than": "at_least", "no fewer than": "at_least", "a minimum of": "at_least",
    "at most": "at_most", "no more than": "at_most", "not more than": "at_most",
    "a maximum of": "at_most", "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "as high as": "up_to", "bigger than": "over", "exceed": "over", "exceeds": "over",
    "exceeded": "over", "surpass": "over", "surpassed": "over", "surpasses": "over",
    "less than or equal to": "at_most", "less or equal than": "at_most",
    "lower or equal than": "at_most", "smaller or equal than": "at_most",
    "smaller than or equal to": "at_most", "lower than or equal to": "at_most",
    "greater than or equal to": "at_least", "more than or equal to": "at_least",
    "bigger or equal than": "at_least", "higher or equal than": "at_least",
    "larger or equal than": "at_least", "greater or equal than": "at_least",
    "at least or equal to": "at_least", "equal to or more than": "at_least",
    "equal to or greater than": "at_least", "equal to or less than": "at_most",
    "equal to": "exact",
}
# Comparison signs before a number: ">10", "<= 30".
SYMBOL_QUALIFIERS: dict[str, str] = {
    ">": "over", "<": "under", ">=": "at_least", "=>": "at_least", "≥": "at_least",
    "<=": "at_most", "=<": "at_most", "≤": "at_most", "~": "about",
}
# Qualifier words after a number: "5 million or more".
QUALIFIERS_AFTER: dict[str, str] = {
    "or more": "at_least", "or so": "about", "or fewer": "at_most", "or less": "at_most",
    "plus": "over", "or greater": "at_least", "or greater than": "at_least",
    "or higher": "at_least", "or above": "at_least", "and more": "at_least",
    "and above": "at_least", "or over": "at_least", "and over": "at_least",
    "or lower": "at_most", "or below": "at_most", "and less": "at_most", "and fewer": "at_most",
}
# Words of a change before a figure: "rose 0.4%", "fell from 9,400 to 8,100". Not "lost":
# "lost 2,400 vehicles" counts a loss, it does not change a quantity.
INCREASE_WORDS = frozenset({
    "rose", "rise", "rises", "rising", "risen", "grew", "grow", "grows", "growing", "grown",
    "increase", "increased", "increases", "increasing", "jump", "jumped", "jumps", "jumping",
    "climb", "climbed", "climbs", "climbing", "soar", "soared", "soaring", "surge", "surged",
    "surging", "gain", "gained", "gains", "up", "expand", "expanded", "expanding", "swell",
    "swelled", "swollen", "raise", "raised", "raising", "boost", "boosted", "upgraded",
    "doubled", "tripled", "rebounded", "spiked", "advanced", "added",
})
DECREASE_WORDS = frozenset({
    "fell", "fall", "falls", "falling", "fallen", "drop", "dropped", "drops", "dropping",
    "decline", "declined", "declines", "declining", "decrease", "decreased", "decreases",
    "decreasing", "shrank", "shrunk", "shrink", "shrinking", "slump", "slumped", "plunge",
    "plunged", "plunging", "tumble", "tumbled", "slid", "slide", "sliding", "slip", "slipped",
    "dip", "dipped", "down", "cut", "cuts", "reduce", "reduced", "reducing",
    "eased", "sank", "sunk", "downgraded", "halved", "contracted", "retreated", "lowered",
})
# Words of a change without a direction: "revised from 5 to 10" is two figures too.
CHANGE_WORDS = frozenset({"went", "gone", "going", "go", "revised", "changed", "moved"})

# Currency signs and codes written before the number.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "C$": "CAD",
    "HK$": "HKD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₩": "KRW", "KRW": "KRW", "₽": "RUB", "RUB": "RUB", "CNY": "CNY", "RMB": "CNY",
    "Rs.": "INR", "Rs": "INR", "₹": "INR", "INR": "INR", "CHF": "CHF",
}
# Currency words written after the number (plural and singular).
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "rub": "RUB",
    "won": "KRW", "krw": "KRW", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY",
    "yen": "JPY", "jpy": "JPY", "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP",
    "rupees": "INR", "rupee": "INR", "swiss francs": "CHF", "francs": "CHF", "ringgit": "MYR",
    "rupiah": "IDR", "baht": "THB", "lira": "TRY", "rand": "ZAR", "naira": "NGN",
    "shekels": "ILS", "hryvnias": "UAH", "hryvnia": "UAH", "tenge": "KZT", "riyals": "SAR",
    "dirhams": "AED", "nepali rupees": "NPR", "pakistani rupees": "PKR",
    "indian rupees": "INR", "pesos": "MXN", "zloty": "PLN", "zlotys": "PLN", "kroner": "NOK",
    "kronor": "SEK", "chinese yuan": "CNY", "us dollar": "USD", "japanese yen": "JPY",
}
# Physical and time units after the number -> canonical unit.
UNIT_WORDS: dict[str, str] = {
    "metric tons": "t", "metric tonnes": "t", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "t": "t", "mt": "t", "kilograms": "kg", "kilogram": "kg", "kg": "kg",
    "barrels": "bbl", "barrel": "bbl", "bbl": "bbl", "miles": "mi", "mile": "mi", "mi": "mi",
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km",
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "percentage points": "percent", "percentage point": "percent", "years": "year",
    "year": "year", "months": "month", "month": "month", "weeks": "week", "week": "week",
    "days": "day", "day": "day", "hours": "hour", "hour": "hour",
}
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})

# --- Units through pint (extract/units.py) ---
# The pint units a news figure may carry; names, plurals and symbols come from pint.
NEWS_UNITS: tuple[str, ...] = (
    "kilometer", "meter", "centimeter", "millimeter", "mile", "foot", "inch", "yard",
    "nautical_mile", "hectare", "acre", "metric_ton", "kilogram", "gram", "milligram",
    "pound", "ounce", "stone", "liter", "milliliter", "gallon", "oil_barrel", "calorie",
    "kilocalorie", "joule", "kilojoule", "watt", "kilowatt", "megawatt", "gigawatt",
    "kilowatt_hour", "megawatt_hour", "gigawatt_hour", "terawatt_hour", "horsepower",
    "byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte", "mile_per_hour",
    "kilometer_per_hour", "knot", "degree_Celsius", "degree_Fahrenheit", "percent",
    "year", "month", "week", "day", "hour", "minute", "second",
)
# GUIDELINES.md's codes, kept stable whatever pint calls the unit (key: pint name).
STABLE_UNIT_CODES: dict[str, str] = {
    "metric_ton": "t", "mile": "mi", "kilometer": "km", "oil_barrel": "bbl",
    "percent": "percent", "year": "year", "month": "month", "week": "week", "day": "day",
    "hour": "hour", "minute": "minute", "second": "second",
    # ASCII forms where pint's short symbol is not plain text or reads oddly.
    "degree_Celsius": "degC", "degree_Fahrenheit": "degF", "kilometer_per_hour": "km/h",
    "megabit/second": "Mbps", "gigabit/second": "Gbps", "kilobit/second": "kbps",
    "ft**2": "sq_ft", "mi**2": "sq_mi", "calorie": "kcal",  # food "calories" are kcal
}
# Units written one after the other as one measure: "5 ft 2 in" -> (ft, in): 12 in a ft.
COMPOUND_UNITS: dict[tuple[str, str], float] = {
    ("ft", "in"): 12, ("minute", "second"): 60, ("hour", "minute"): 60, ("lb", "oz"): 16,
    ("m", "cm"): 100, ("day", "hour"): 24, ("year", "month"): 12,
}
# Units that carry their own period: "9 million bpd" is barrels per day.
UNIT_RATES: dict[str, tuple[str, str]] = {"bpd": ("bbl", "day"), "b/d": ("bbl", "day")}
# Spellings pint's names and plurals do not give (key: pint name).
UNIT_NAME_ALIASES: dict[str, tuple[str, ...]] = {
    "kilometer": ("kilometre", "kilometres", "kms"), "meter": ("metre", "metres"),
    "centimeter": ("centimetre", "centimetres"), "millimeter": ("millimetre", "millimetres"),
    "liter": ("litre", "litres"), "milliliter": ("millilitre", "millilitres"),
    "metric_ton": ("tonne", "tonnes", "ton", "tons", "metric ton", "metric tons",
                   "metric tonne", "metric tonnes", "mt", "t"),
    "oil_barrel": ("barrel", "barrels", "bbl"), "pound": ("lbs",),
    "kilogram": ("kgs", "kilo", "kilos"),
    "mile_per_hour": ("mph", "miles an hour"), "kilometer_per_hour": (
        "kph", "kmh", "kmph", "km/hr", "kilometres per hour", "kilometres an hour",
        "kilometers an hour"),
    "knot": ("knots",), "kilocalorie": ("kcal",),
    "degree_Celsius": ("degrees celsius", "degree celsius", "degrees centigrade", "celsius",
                       "degrees c", "degree c", "deg c", "deg celsius", "celcius",
                       "centigrade", "degrees celcius"),
    "degree_Fahrenheit": ("degrees fahrenheit", "degree fahrenheit", "fahrenheit",
                          "degrees f", "degree f", "deg f", "deg fahrenheit", "farenheit",
                          "degrees farenheit"),
    "percent": ("per cent", "pct", "percentage point", "percentage points", "percentage",
                "percents", "per cents"),
    "year": ("yrs", "yo", "y.o."), "minute": ("mins",), "second": ("secs",), "day": ("nights",),
    "ounce": ("troy ounce", "troy ounces"), "calorie": ("cal",),
}
# Other spellings -> pint expression; UNIT_SPELLINGS_CASED are symbols (glued or spaced).
UNIT_SPELLINGS: dict[str, str] = {
    "sq km": "km**2", "sq. km": "km**2", "square kilometres": "km**2",
    "square kilometers": "km**2", "square kilometre": "km**2", "square kilometer": "km**2",
    "km2": "km**2", "km²": "km**2", "sq m": "m**2", "square metres": "m**2",
    "square meters": "m**2", "square metre": "m**2", "square meter": "m**2", "m2": "m**2",
    "m²": "m**2", "sq ft": "ft**2", "square feet": "ft**2", "square foot": "ft**2",
    "ft²": "ft**2", "sq mi": "mi**2", "square miles": "mi**2", "square mile": "mi**2",
    "cubic metres": "m**3", "cubic meters": "m**3", "m³": "m**3", "m3": "m**3",
    "Mbps": "megabit/second", "Mb/s": "megabit/second", "Mbit/s": "megabit/second",
    "Gbps": "gigabit/second", "kbps": "kilobit/second", "m/s": "meter/second",
    "km/h": "kilometer_per_hour", "°C": "degree_Celsius", "ºC": "degree_Celsius",
    "C": "degree_Celsius", "°F": "degree_Fahrenheit", "F": "degree_Fahrenheit",
    "%": "percent", "pc": "percent", "lb": "pound", "bbl": "oil_barrel",
    "km per second": "kilometer/second", "km/s": "kilometer/second",
    "kilometres per second": "kilometer/second", "metres per second": "meter/second",
    "m": "meter", "mg": "milligram", "g": "gram", "ml": "milliliter", "kmph": "kilometer_per_hour",
    "km/hr": "kilometer_per_hour",
}
UNIT_SPELLINGS_CASED = frozenset({
    "km2", "km²", "m2", "m²", "ft²", "m³", "m3", "Mbps", "Mb/s", "Mbit/s", "Gbps", "kbps",
    "m/s", "km/h", "°C", "ºC", "C", "°F", "F", "%", "pc", "lb", "bbl", "km/s", "m", "mg", "g",
    "ml", "kmph", "km/hr",
})
# Symbols that only count spaced from the number: "7.04 m" is metres, "5m" is million.
SPACED_ONLY_SYMBOLS = frozenset({"m"})
# Symbols that only count glued to the number: "30C", "12pc" (a spaced "5 C" is a grade).
GLUED_ONLY_SYMBOLS = frozenset({"C", "F", "pc"})
# pint symbols that mean something else after a number in news text: "5m" is million,
# "5B" billion, "5G" a network, "in" a preposition.
AMBIGUOUS_UNIT_SYMBOLS = frozenset({
    "m", "in", "a", "s", "d", "h", "l", "g", "B", "t", "st", "kn", "J", "W", "nmi",
    "stone", "yd", "ha", "cal",
})
IRREGULAR_UNIT_PLURALS: dict[str, str] = {"foot": "feet", "inch": "inches", "stone": "stone"}

# Words before a duration that make it a time anchor (`when`), not a claim.
DURATION_ANCHORS_BEFORE = (
    "the", "after",
    "past", "last", "next", "previous", "coming", "first", "final", "within", "recent",
    "following", "preceding",
)
# Words after a duration that make it a time anchor: "two years ago", "a week later".
DURATION_ANCHORS_AFTER = ("ago", "later", "earlier", "before", "after", "on", "since")
# Prepositions that make the duration they govern the time frame of the clause (`when`):
# "within a week", "during six months", "after a decade of". "for" is absent on purpose
# ("jailed for 5 years" asserts the duration), and so is a bare "in": "lapped in 1 minute",
# "the first war in seventy years" state how long something took or lasted.
TIME_FRAME_PREPOSITIONS = (
    "within", "during", "throughout", "after", "before", "since", "across",
    "over the course of", "in the space of", "a period of", "the span of", "a span of",
)
# "over" governs a time frame only before a determiner ("over a ten-week span",
# "over the past") or opening a clause; else it is "more than" ("lasted over two years").
OVER_FRAME_DETERMINERS = ("a", "an", "the", "this", "that", "those", "these")
# Hedges between a time-frame preposition and its duration: "within only two weeks".
TIME_FRAME_HEDGES = (
    "just", "only", "a mere", "barely", "nearly", "almost", "about", "around", "roughly",
    "some", "less than", "more than", "under", "over", "a little over", "a little under",
    "approximately", "fewer than", "at least", "at most", "up to", "a", "an",
)
# Superlatives that make a later "in <duration>" the frame of a comparison: "the
# busiest in six years". A bare "in" otherwise states how long something took.
FRAME_SUPERLATIVES = (
    "lowest", "highest", "biggest", "largest", "smallest", "worst", "best", "strongest",
    "weakest", "fastest", "slowest", "deepest", "hottest", "coldest", "warmest", "wettest",
    "driest", "busiest", "quietest", "cheapest", "dearest", "longest", "shortest",
    "steepest", "sharpest", "heaviest", "lightest", "greatest", "the most", "the least", "fewest",
)
# Units whose durations the time-frame prepositions date; "in 7.1 seconds" is a measurement.
TIME_FRAME_UNITS = frozenset({"year", "month", "week", "day", "hour"})
# Nouns an attributive duration names a stretch of time with: "over a ten-week span";
# any other noun carries an asserted length: "during a five-day operation".
TIME_FRAME_NOUNS = ("period", "span", "stretch", "window", "timeframe", "time frame")

# Rate phrases after a figure -> period.
RATE_PHRASES: dict[str, str] = {
    "per month": "month", "a month": "month", "each month": "month", "every month": "month",
    "monthly": "month", "per mo": "month", "per year": "year", "a year": "year",
    "each year": "year", "every year": "year", "annually": "year", "per annum": "year",
    "a yr": "year", "yearly": "year", "per day": "day", "a day": "day", "each day": "day",
    "every day": "day", "daily": "day", "per week": "week", "a week": "week",
    "each week": "week", "every week": "week", "weekly": "week",
}
# Unit abbreviations that carry their period: "1.6m bpd".
RATE_UNIT_WORDS: dict[str, str] = {"bpd": "day", "b/d": "day", "mbpd": "day", "tpd": "day"}
# Adjectives in the phrase holding a figure that make it a rate: "an annual rate of 39.5%".
RATE_ADJECTIVES: dict[str, str] = {
    "annual": "year", "annualized": "year", "annualised": "year", "yearly": "year",
    "monthly": "month", "daily": "day", "weekly": "week",
}

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

# A bare number right after one of these names a thing, it does not count: "Article 5".
LABEL_WORDS = frozenset({
    "article", "resolution", "section", "chapter", "flight", "route", "page", "paragraph",
    "clause", "room", "gate", "pier", "line", "model", "type", "version", "no", "no.",
    "number", "vol", "vol.", "volume", "phase", "level", "category", "class", "block",
    "lot", "unit", "division", "brigade", "regiment", "battalion", "corps", "squadron",
    "group", "fleet", "army", "covid", "covid-", "g", "juche", "plant", "reactor", "item",
    "decree", "order", "law", "protocol", "annex", "figure", "table", "episode", "season",
    "term", "week", "day", "district", "zone", "sector", "highway", "platform", "channel",
    "grade", "tier", "stage", "generation", "round", "game", "match", "code", "bill", "euro",
})
# Labels that name a thing whatever their case: "resolution 2397", "paragraph 12".
ALWAYS_LABEL_WORDS = frozenset({
    "article", "resolution", "section", "chapter", "paragraph", "para", "clause", "decree",
    "annex", "protocol", "page", "pages", "p", "pp", "figure", "fig", "table", "footnote",
    "note", "no", "item", "appendix", "unscr", "code", "imo", "hs", "mmsi",
})
# A number followed by one of these is a calibre or a designation, not a quantity.
CALIBRE_FOLLOWERS = frozenset({
    "mm", "-mm", "millimetre", "millimeter", "millimetres", "millimeters", "calibre",
    "caliber", "cm", "mm.",
})

# --- Not figures (extract/not_figures.py) ---
# "a 12-part series", "a five-door car": a number joined to one of these names a kind.
COMPOUND_NOUNS = frozenset({
    "part", "page", "point", "step", "episode", "chapter", "storey", "story", "door",
    "bedroom", "bed", "wheel", "seat", "seater", "carat", "lane", "star", "speed", "cylinder",
    "piece", "track", "disc", "volume", "string", "pronged", "sided", "act",
})
# "the 100m final": a distance that names a race.
EVENT_NOUNS = (
    "final", "finals", "race", "sprint", "hurdles", "freestyle", "backstroke", "breaststroke",
    "butterfly", "relay", "dash", "heat", "heats", "semi-final", "title", "event",
)
# "10-year gilts": a bond named by its term.
INSTRUMENT_NOUNS = (
    "gilt", "gilts", "bond", "bonds", "yield", "yields", "treasury", "treasuries", "note",
    "notes", "bund", "bunds", "jgb", "jgbs", "mortgage", "mortgages", "fixed",
)
# Groups named by an age limit: "children under five".
AGE_GROUP_WORDS = (
    "children", "child", "kids", "babies", "infants", "pupils", "people", "adults", "those",
    "anyone", "patients", "women", "men", "girls", "boys",
)
# Words before a number that make it a rank: "top 25", "ranked 3".
RANK_WORDS = ("top", "bottom", "ranked", "ranks", "rank", "number", "no.")
# "two of the ...": a part-of phrase with no count of its own.
PART_OF_DETERMINERS = ("the", "them", "these", "those", "us", "our", "its", "their")
# "5 times more": a multiplier.
MULTIPLIER_FOLLOWERS = (
    "more", "less", "larger", "higher", "bigger", "smaller", "greater", "lower", "as", "the",
    "over", "faster", "cheaper", "fewer", "that", "what",
)
# "10 Downing Street": a house number before a street name.
STREET_WORDS = (
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "boulevard", "blvd",
    "drive", "dr", "place", "square", "terrace", "crescent", "court", "highway", "way",
    "close", "gardens", "parade", "quay", "row", "strasse", "straße",
)
# Words near a pair that make it a score: "won 3-1", "a 2-0 defeat".
SCORE_WORDS = (
    "won", "win", "wins", "winning", "beat", "beats", "beaten", "lost", "lose", "loses",
    "defeat", "defeated", "defeats", "victory", "draw", "drew", "drawn", "lead", "led",
    "score", "scored", "scoreline", "goal", "goals", "match", "game", "set", "sets",
    "thrashed", "edged", "trailed", "trailing", "leads", "final", "half-time", "halftime",
)
# Names that a number completes as a product, aircraft, vehicle or index: "Boeing 737".
MODEL_NAME_WORDS = frozenset({
    "boeing", "airbus", "embraer", "cessna", "tupolev", "ilyushin", "antonov", "sukhoi",
    "iphone", "ipad", "galaxy", "pixel", "xperia", "lumia", "playstation", "xbox", "windows",
    "macos", "android", "ios", "ftse", "s&p", "nasdaq", "stoxx", "nikkei", "russell", "dax",
    "cac", "ibex", "kospi", "sensex", "nifty", "asx", "tsx", "mib", "aex", "smi", "dow",
    "formula", "model", "series", "mark", "mk", "class", "type", "version", "gen",
    "apollo", "soyuz", "falcon", "artemis", "ps", "gpt", "web",
})
# Words after a length that keep it a measure, not a calibre: "12 cm long", "5 mm of rain".
MEASURE_LINKS = (
    "of", "in", "long", "wide", "high", "deep", "tall", "thick", "across", "and", "or", "to", "a",
)
# Counts that count the article's own points or the two sides of a relation.
META_COUNT_NOUNS = frozenset({
    "factors", "reasons", "points", "things", "ways", "questions", "aspects", "lessons",
    "takeaways", "scenarios", "options", "explanations", "motives", "areas", "issues",
    "steps", "key", "main", "major", "possibilities", "elements", "dimensions",
})
META_PAIR_NOUNS = frozenset({
    "nations", "countries", "sides", "leaders", "koreas", "states", "allies", "powers",
    "governments", "parties", "partners", "neighbors", "neighbours", "capitals",
    "presidents", "men", "women", "sessions", "regimes", "militaries", "armies",
})
# fmt: on
