"""Every cue word, number word, unit and currency table the extractor reads, in one place."""

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
# Words of a change before a figure: "rose 0.4%", "fell from 9,400 to 8,100".
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
    "dip", "dipped", "down", "cut", "cuts", "reduce", "reduced", "reducing", "lost", "lose",
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
    "kronor": "SEK",
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
}
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
        "kph", "kmh", "kilometres per hour", "kilometres an hour", "kilometers an hour"),
    "knot": ("knots",), "calorie": ("cal",), "kilocalorie": ("kcal",),
    "degree_Celsius": ("degrees celsius", "degree celsius", "degrees centigrade", "celsius"),
    "degree_Fahrenheit": ("degrees fahrenheit", "degree fahrenheit", "fahrenheit"),
    "percent": ("per cent", "pct", "percentage point", "percentage points", "percentage",
                "percents", "per cents"),
    "year": ("yrs",), "minute": ("mins",), "second": ("secs",),
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
}
UNIT_SPELLINGS_CASED = frozenset({
    "km2", "km²", "m2", "m²", "ft²", "m³", "m3", "Mbps", "Mb/s", "Mbit/s", "Gbps", "kbps",
    "m/s", "km/h", "°C", "ºC", "C", "°F", "F", "%", "pc", "lb", "bbl",
})
# Symbols that only count glued to the number: "30C", "12pc" (a spaced "5 C" is a grade).
GLUED_ONLY_SYMBOLS = frozenset({"C", "F", "pc"})
# pint symbols that mean something else after a number in news text: "5m" is million,
# "5B" billion, "5G" a network, "in" a preposition.
AMBIGUOUS_UNIT_SYMBOLS = frozenset({
    "m", "in", "a", "s", "d", "h", "l", "g", "B", "t", "st", "mg", "kn", "J", "W", "nmi",
    "stone", "yd", "ha", "ml", "cal",
})
IRREGULAR_UNIT_PLURALS: dict[str, str] = {"foot": "feet", "inch": "inches", "stone": "stone"}

# Words before a duration that make it a time anchor (`when`), not a claim.
DURATION_ANCHORS_BEFORE = (
    "the",
    "past", "last", "next", "previous", "coming", "first", "final", "within", "recent",
    "following", "preceding",
)
# Words after a duration that make it a time anchor: "two years ago", "a week later".
DURATION_ANCHORS_AFTER = ("ago", "later", "earlier", "before", "after", "on", "since")

# Rate phrases after a figure -> period.
RATE_PHRASES: dict[str, str] = {
    "per month": "month", "a month": "month", "each month": "month", "every month": "month",
    "monthly": "month", "per mo": "month", "per year": "year", "a year": "year",
    "each year": "year", "every year": "year", "annually": "year", "per annum": "year",
    "a yr": "year", "yearly": "year", "per day": "day", "a day": "day", "each day": "day",
    "every day": "day", "daily": "day", "per week": "week", "a week": "week",
    "each week": "week", "every week": "week", "weekly": "week",
}
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

# --- Time frames (extract/timeref.py, extract/timeframes.py) ---
# Words that put a report at the time it was published: "currently", "recently".
PUBLICATION_MONTH_WORDS = (
    "currently", "recently", "at present", "at the moment", "so far this month",
    "earlier this week", "this week", "last week", "in recent weeks", "recent weeks",
    "earlier this month", "this month", "in recent days", "these days",
)
# Superlatives and firsts before "since X": "the lowest since May" compares, it does not date.
SINCE_COMPARATIVES = (
    "lowest", "highest", "largest", "biggest", "smallest", "first", "most", "least", "best",
    "worst", "strongest", "weakest", "fastest", "slowest", "deepest", "sharpest",
)
# Events an article dates a span from ("since the start of the full-scale invasion"),
# with the month they began. "the war" resolves to one of these only when the document
# names the event itself.
EVENT_ANCHORS: dict[str, str] = {
    "full-scale invasion": "2022-02", "invasion of ukraine": "2022-02",
    "ukraine war": "2022-02", "war in ukraine": "2022-02", "russia-ukraine war": "2022-02",
    "war against ukraine": "2022-02", "russian invasion": "2022-02",
    "war with ukraine": "2022-02", "ukraine invasion": "2022-02",
}
# Openers that continue the report before ("This comprised ...", "Among them were ...").
CONTINUATION_OPENERS = (
    "this", "that", "these", "those", "it", "they", "among them", "among those",
    "among these", "of them", "of these", "of those", "of this", "at the same time",
    "in addition", "additionally", "the rest", "the remainder", "in total", "altogether",
)
# A verb modifier that says the sentence adds to the report before ("also provided").
CONTINUATION_ADVERBS = ("also", "likewise", "too", "as well")
# Where an article uses a fiscal year and does not gloss it, the month it begins, by country.
FISCAL_YEAR_START: dict[str, int] = {
    "India": 4, "United Kingdom": 4, "Japan": 4, "Canada": 4, "Pakistan": 7,
    "Australia": 7, "Egypt": 7, "United States": 10,
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
    "bedroom", "bed", "wheel", "seat", "seater", "lane", "star", "speed", "cylinder",
    "piece", "track", "disc", "volume", "string", "pronged", "sided", "act",
})
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

# --- Modality cues (GUIDELINES.md § Modality precedence) ---
DENIAL_LEMMAS = frozenset({
    "deny", "refute", "reject", "dismiss", "disprove", "debunk", "contradict", "disavow",
})
DENIAL_WORDS = frozenset({
    "fake", "false", "baseless", "groundless", "unfounded", "untrue", "fabricated",
    "fabrication", "nonsense", "denial", "hoax", "disinformation",
})
# Nouns an anaphoric denial in the next sentence refers back to: "called such reports fake".
DENIAL_ANAPHORS = frozenset({
    "report", "reports", "claim", "claims", "speculation", "speculations", "allegation",
    "allegations", "rumour", "rumours", "rumor", "rumors", "figure", "figures", "account",
    "accounts", "story", "stories", "it", "them", "this", "that", "assertion",
    "assertions",
})
SPECULATIVE_LEMMAS = frozenset({
    "could", "may", "might", "would", "should", "possibility", "possible", "possibly",
    "potential", "potentially", "speculate", "speculation", "hypothetical",
    "hypothetically", "perhaps", "maybe", "unlikely", "expect",
    "plan", "propose", "proposal", "consider", "forecast", "project", "predict",
    "envisage", "envision", "need", "if", "unless", "hope", "intend", "scenario", "aim",
})

# Verbs that attribute a statement to their subject: "X said ...".
REPORTING_VERBS = frozenset({
    "say", "tell", "state", "announce", "report", "estimate", "believe", "claim", "note",
    "indicate", "suggest", "write", "add", "warn", "argue", "allege", "reveal", "disclose",
    "confirm", "cite", "assess", "calculate", "predict", "forecast", "explain", "insist",
    "testify", "brief", "tally", "quote", "show", "find", "conclude", "acknowledge",
    "admit", "maintain", "contend", "assert", "mention", "observe", "point", "put",
    "project", "expect", "think", "opine", "describe", "characterize", "characterise",
    "propose", "discuss",
})
# Speech verbs that attribute what follows them in the sentence even when the parser
# hangs the reported clause elsewhere: "He noted in an interview that ...".
SPEECH_VERBS = frozenset({
    "say", "tell", "note", "add", "state", "explain", "write", "argue", "claim", "insist",
    "warn", "announce", "estimate", "report", "suggest", "indicate", "believe",
})
# Reporting verbs whose object, not only a complement clause, carries the figure:
# "X estimated 10,000 troops", "media discussed the possibility of 100,000 troops".
REPORTING_OBJECT_VERBS = frozenset({
    "show", "record", "list", "register",
    "estimate", "put", "discuss", "cite", "report", "claim", "mention", "quote", "count",
    "tally", "calculate", "project", "forecast", "predict", "allege",
})
# Words opening a sentence-initial circumstance phrase whose figure the main clause's
# modal does not reach: "With thousands of X fighting, it would be logical ...".
INTRO_WORDS = frozenset({
    "with", "given", "despite", "after", "although", "though", "while", "since", "because",
    "amid", "following", "before", "as",
})
# Nouns that carry a source in a phrase: "reports from X", "X's estimate", "a report by X".
SOURCE_NOUNS = frozenset({
    "report", "reports", "estimate", "estimates", "data", "figures", "statement",
    "assessment", "analysis", "survey", "study", "calculation", "calculations",
    "intelligence", "sources", "count", "tally", "briefing", "testimony", "statistics",
})

# --- Mentions (extract/mentions.py): the roles a text gives people and bodies ---
# Role nouns of people: "Defense Minister Shin Won-sik", "Lee, the lawmaker", "the foreman".
PERSON_ROLE_NOUNS = frozenset({
    "minister", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "legislator", "mp",
    "rep", "rep.", "senator", "congressman", "congresswoman", "official", "officer",
    "foreman", "analyst", "director", "president", "premier", "chief", "head", "ambassador",
    "envoy", "general", "commander", "researcher", "economist", "professor", "secretary",
    "adviser", "advisor", "diplomat", "governor", "mayor", "chairman", "chairwoman", "chair",
    "editor", "reporter", "correspondent", "author", "expert", "leader", "deputy",
    "negotiator", "founder", "executive", "manager", "defector",
    "lieutenant", "colonel", "captain", "admiral", "sergeant", "prosecutor",
    "investigator", "chancellor", "king", "prince",
})
# Role nouns of bodies: "non-profit research group Open Source Center", "the agency said".
BODY_ROLE_NOUNS = frozenset({
    "agency", "ministry", "group", "institute", "tank", "firm", "company", "centre", "center",
    "service", "organisation", "organization", "consultancy", "newspaper", "broadcaster",
    "office", "department", "council", "committee", "bank", "fund", "programme", "program",
    "project", "tracker", "outlet", "paper", "daily", "network", "body", "watchdog",
    "administration", "authority", "authorities", "forum", "team", "unit", "coalition",
})
# Words that open a noun phrase and are not part of a role: "the", "its".
ROLE_STOP_WORDS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "of", "and", "by", "to",
    "with", "from", "for", "in", "on", "at", "said", "says", "told", "according", "as",
})
# Speech verbs that attribute a quotation: '"...," the ministry said'.
QUOTE_SPEECH_VERBS = frozenset({
    "said", "says", "added", "adds", "told", "tells", "noted", "notes", "explained",
    "continued", "insisted", "warned", "wrote", "writes", "stated", "states", "argued",
    "claimed", "stressed", "emphasised", "emphasized", "recalled", "replied", "asked",
    "concluded", "observed", "remarked", "declared", "announced", "according to",
    "say", "note", "add", "tell", "write", "state", "argue", "claim", "warn", "explain",
})

# --- Prices (read by measures.is_price) ---
# Units a money figure can be the price of: "$12 per barrel", "$2,000 a tonne".
PRICE_UNITS = (
    "barrel", "tonne", "ton", "kg", "kilogram", "unit", "share", "litre", "liter", "gallon",
    "round", "shell", "drone", "missile", "tank", "item", "piece", "bushel", "ounce",
    "megawatt", "mwh", "cubic",
)

# --- Transfers ---
# Verbs whose subject gives and whose "to" object receives.
GIVE_VERBS = frozenset({
    "send", "ship", "supply", "deliver", "export", "provide", "give", "pay", "transfer",
    "dispatch", "deploy", "sell", "lend", "donate", "offer", "grant", "furnish", "hand",
    "transport", "smuggle", "contribute", "channel", "funnel", "move", "airlift", "fly",
    "remit", "wire", "pledge", "carry", "haul", "ferry", "sent", "station", "post",
})
# Verbs whose subject receives and whose "from" object gives.
RECEIVE_VERBS = frozenset({
    "receive", "import", "obtain", "acquire", "buy", "purchase", "get", "procure",
    "source", "take", "accept", "earn", "recruit", "hire", "gain", "order",
})
# Nouns that name a transfer: "shipments of X to Y", "Russian rice aid".
TRANSFER_NOUNS = frozenset({
    "shipment", "shipments", "delivery", "deliveries", "export", "exports", "import",
    "imports", "supply", "supplies", "aid", "assistance", "transfer", "transfers",
    "payment", "payments", "sale", "sales", "dispatch", "deployment", "donation",
    "donations", "provision", "trade", "release", "disbursement", "tranche", "loan", "loans",
    "credit", "remittances",
})
# Items that are money paid to people: pay flows from payer to the country of those paid.
PAY_WORDS = frozenset({
    "salary", "salaries", "wage", "wages", "pay", "payment", "payments", "earnings",
    "income", "compensation", "stipend", "allowance",
})
# People words: a demonym before them names their country.
PEOPLE_NOUNS = frozenset({
    "troops", "soldiers", "workers", "laborers", "labourers", "engineers", "personnel",
    "mercenaries", "volunteers", "recruits", "fighters", "servicemen", "officers",
    "specialists", "experts", "advisers", "advisors", "commandos", "migrants", "people",
    "citizens", "nationals", "men", "women", "staff", "crew", "crews", "forces", "units",
    "brigades", "battalions", "divisions", "contingent", "laborer", "worker", "soldier",
    "engineer", "troop", "recruit", "technicians", "technician", "instructors", "trainers",
    "contractors", "pilots", "doctors", "nurses", "students", "trainees", "operators",
    "guards", "scientists", "employees", "refugees", "civilians", "labourer", "fishermen",
    "loggers", "builders", "sailors", "seafarers", "diplomats", "delegates", "tourists",
    "prisoners", "detainees", "conscripts", "reservists", "marines", "paratroopers",
})

# Copular and measure verbs whose subject is what a figure measures: "trade amounted to $X".
MEASURE_VERBS = frozenset({
    "be", "amount", "total", "reach", "stand", "hit", "exceed", "top", "surpass", "climb",
    "rise", "fall", "drop", "decline", "grow", "increase", "decrease", "jump", "soar",
    "plunge", "fluctuate", "average", "equal", "represent", "account", "cost", "come",
    "range", "value", "estimate", "remain", "double", "triple", "run", "shrink", "expand",
    "worth", "slip", "slide", "edge", "dip", "tumble", "sink", "rebound", "recover",
    "surge", "contract",
})
# Verbs of people moving: the people go from their country to the "to"/"into" place.
MOVE_VERBS = frozenset(
    {
        "go", "leave", "move", "migrate", "travel", "flee", "head", "emigrate", "relocate",
        "arrive", "return", "cross", "enter",
    }  # fmt: skip
)
# Verbs of monetary flow: the money's item is the lemma's noun form.
MONEY_VERB_ITEMS: dict[str, str] = {
    "export": "exports", "import": "imports", "earn": "earnings", "pay": "payment",
    "spend": "spending", "invest": "investment", "lend": "loan", "borrow": "loan",
    "sell": "sales", "buy": "purchases", "purchase": "purchases", "receive": "payment",
    "donate": "donation", "pledge": "pledge", "raise": "funds", "owe": "debt", "fine": "fine",
    "cost": "cost", "budget": "budget", "allocate": "allocation", "generate": "revenue",
    "bring": "revenue", "trade": "trade",
}

# --- Transfer frames (extract/frames.py, extract/flows.py) ---
# "X supplies Z with Y": the object receives, the "with" phrase is what is given.
GIVE_WITH_VERBS = frozenset({
    "supply", "provide", "equip", "arm", "furnish", "backfill", "replenish", "resupply",
    "reward", "compensate", "backfille",
})
# "X shares Y with Z": the "with" phrase receives.
SHARE_VERBS = frozenset({"share"})
# "X is assisting Z in developing Y": the object receives, the "in" phrase says with what.
ASSIST_VERBS = frozenset({"assist", "help", "support", "aid"})
# Words that put people to work for another party: the dyad names the other party.
DEPLOY_WORDS = frozenset({
    "involve", "involved", "deploy", "deployed", "station", "stationed", "fight", "fighting",
    "serve", "serving", "dispatch", "dispatched", "base", "based", "operate", "operating",
})  # fmt: skip
# Modifiers that say nothing about what is handed over ("much-needed oil").
FLOW_DROP_WORDS = frozenset({"needed", "much", "other", "various", "more", "additional", "new"})


# --- Items (extract/items.py, extract/measures.py) ---
ITEM_DROP_ADJECTIVES = frozenset({
    "different", "other", "additional", "more", "new", "several", "many", "such", "same",
    "various", "further", "extra", "total", "only", "some", "few", "estimated", "much",
    "much-needed", "vital", "least", "most", "own",
})
# Heads that measure or package something else: "pieces of equipment", "rounds of ammunition".
PARTITIVE_HEADS = frozenset({
    "pieces", "piece", "rounds", "round", "units", "items", "batches", "kinds", "types",
    "sets", "lots", "boxes", "crates", "cases", "pairs", "loads", "shipments", "tons",
    "tonnes", "barrels", "cubic", "bags", "sacks", "containers", "head", "percent", "%",
    "cent", "share", "portion", "bn", "billion", "million", "thousand",
})
MONEY_NOUNS = frozenset({
    "revenue", "revenues", "exports", "export", "imports", "import", "salary", "salaries",
    "wages", "wage", "pay", "payment", "payments", "aid", "budget", "trade", "value",
    "cost", "costs", "investment", "investments", "income", "loan", "loans", "sales",
    "spending", "funding", "funds", "deficit", "surplus", "gdp", "earnings", "profit",
    "profits", "turnover", "debt", "assistance", "compensation", "price", "fee", "fees",
    "bill", "contract", "deal", "fine", "grant", "subsidy", "subsidies", "tax", "taxes",
    "tariff",
})
ITEM_PRONOUNS = frozenset({
    "this", "that", "it", "these", "those", "which", "what", "they", "he", "she", "who",
    "them", "us", "we", "you", "i", "one", "average", "total", "sum", "figure", "number",
    "amount", "level",
})
# Unit words are never what a figure counts.
UNIT_ITEMS = frozenset({
    "per cent", "percent", "usd", "dollars", "euros", "barrels", "tons", "tonnes", "won",
    "yuan", "roubles", "rubles", "km", "miles", "%", "cent", "bn", "million", "billion",
})
CHANGE_LEMMAS = frozenset({
    "grow", "rise", "fall", "increase", "decrease", "decline", "drop", "jump", "slip",
    "climb", "shrink", "expand", "contract", "surge", "plunge", "slide", "dip", "edge",
})  # fmt: skip
BARE_TRANSFER_NOUNS = frozenset(
    {"shipments", "shipment", "deliveries", "delivery", "supplies", "transfers"}
)
# People and bodies that act in a sentence: never what a figure counts.
ACTOR_NOUNS = frozenset({
    "refiners", "insurers", "agents", "traders", "trader", "officials", "analysts", "donors",
    "government", "ministry", "company", "firms", "buyers", "sellers",
})

# Nouns of reckoning in "by X's estimate", "on Y's count": X and Y are the source.
ESTIMATE_NOUNS = frozenset({
    "estimate", "estimates", "count", "counts", "tally", "reckoning", "calculation",
    "calculations", "figures",
})
# Verbs that put what follows them as a guess: "experts speculate that Iran has 900 drones".
SPECULATION_VERBS = frozenset({
    "speculate", "guess", "hypothesize", "hypothesise", "conjecture", "imagine", "suppose",
})
# Verbs of arriving: "Russian rice aid arrived in Pyongyang", "... reached North Korea".
ARRIVAL_VERBS = frozenset({"arrive", "reach", "land", "dock", "enter"})
# Verbs of trade: many partners, so a missing one is not guessed from the article's pair.
TRADE_VERBS = frozenset({"export", "import", "sell", "buy", "purchase", "trade", "order"})
# fmt: on
