"""Every cue word, number word, unit and currency table the extractor reads, in one place.

The number and unit sections live in number_lexicon.py and are re-exported here."""

from __future__ import annotations

from claimledger.extract.number_lexicon import *  # noqa: F403  (number and unit sections)

# fmt: off
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
    "allocate", "commit", "disburse", "earmark",
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
    "credit", "remittances", "purchase", "purchases", "allocation", "allocations", "support",
})
# Transfer nouns named by the receiver: "India's imports of Russian oil", "China's purchases".
INTAKE_NOUNS = frozenset({"import", "imports", "purchase", "purchases"})
# Adjectives that say a transfer is not happening: "it is unlikely Kim would dispatch ...".
IMPROBABLE_WORDS = frozenset({"unlikely", "improbable", "impossible", "doubtful"})
# Verbs that set money aside: a transfer only when they name who receives it.
ALLOCATE_VERBS = frozenset({"allocate", "earmark", "budget"})
# Verbs of spending on goods: the spender receives the goods, the seller gives them.
SPEND_VERBS = frozenset({"spend", "invest"})
# Nouns for a receiver named by what it takes in: "the biggest buyer of Russian coal".
BUYER_NOUNS = frozenset({"buyer", "buyers", "importer", "importers", "purchaser", "customer"})
# Words of killing, wounding and capture: casualties change hands between no one.
CASUALTY_WORDS = frozenset({
    "killed", "kill", "wounded", "wound", "injured", "injure", "captured", "capture",
    "casualties", "casualty", "deaths", "death", "dead", "losses", "missing", "died", "die",
    "fatalities",
})
# Money that is a measure of something, not an amount handed over: prices, costs, output.
UNPAID_MONEY_WORDS = frozenset({
    "price", "prices", "cap", "cost", "costs", "gdp", "product", "balances", "balance",
    "budget", "debt", "reserves", "capitalisation", "capitalization", "valuation", "profit",
    "profits", "output", "equivalent", "gap", "discount", "premium", "premiums", "fine",
})
# Counts of events and records, not of things handed over: trips, tankers seen, images.
UNTRANSFERRED_NOUNS = frozenset({
    "trip", "trips", "voyage", "voyages", "image", "images", "tanker", "tankers", "vessel",
    "vessels", "ally", "allies", "partner", "partners", "country", "countries", "settlements",
    "turnover", "meeting", "meetings", "visit", "visits", "issuance", "issuances",
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
    "lakh", "crore", "lakh crore", "mn", "mln", "tn", "trillion", "thousand",
})
CHANGE_LEMMAS = frozenset({
    "grow", "rise", "fall", "increase", "decrease", "decline", "drop", "jump", "slip",
    "climb", "shrink", "expand", "contract", "surge", "plunge", "slide", "dip", "edge",
})  # fmt: skip
# Count heads that name nobody in particular ("2,000 others injured", "5,000 Germans
# entered"): the predicate says what is counted, so the item keeps it.
GENERIC_COUNT_HEADS = frozenset({"others", "people", "persons", "individuals", "more"})
# Words that make one figure part of another: "including $2 billion from France".
INCLUDED_WORDS = frozenset({"including", "includes", "include", "among"})
# Forms money comes in, never what it pays for: "$2 billion in cash".
MONEY_FORM_NOUNS = frozenset({"cash", "currency", "banknotes", "notes", "coins", "bullion"})
# Heads that say how much of something, never what: "large amounts of aid".
QUANTITY_HEADS = frozenset({"amount", "amounts", "sum", "sums", "quantities", "quantity", "lots"})
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
# --- Money items (extract/measures.py's money rules) ---
# Wrappers a money figure hangs from: "the equivalent of 6 trillion won".
MONEY_WRAPPERS = frozenset({"equivalent", "total", "sum", "tune"})
# Words between a listed item and its money: "iron products another $602 million".
MONEY_LIST_LINKS = frozenset({"another", "for", "of", "a", "further"})
# Dependencies of a noun right before a money figure that name it: "cars ($894 million)".
MONEY_NAMING_DEPS = frozenset({
    "compound", "nmod", "amod", "npadvmod", "appos", "nsubj", "dobj", "conj", "attr", "pobj",
})
# "brought the network $250 million": the object of a giving verb receives the money.
MONEY_GIVING_VERBS = frozenset({*GIVE_VERBS, "bring", "earn", "cost", "save", "owe", "lend"})
# Prepositions naming what money goes to: "spent $2 billion on drones".
MONEY_PURPOSE = ("to", "on", "for", "in")
# Verbs of being paid at a rate: "earns $800 a month".
PAY_RATE_VERBS = frozenset({"earn", "receive", "get", "make", "pay"})
# Verbs whose non-party subject receives funding: "Healthcare receives $3 billion".
FUNDING_VERBS = frozenset({"receive", "get", "win", "secure"})
# Currency signs a money figure opens with.
MONEY_SIGNS = frozenset({"$", "US$", "€", "£", "¥", "₩"})
# Qualifier words that belong to the figure, not to the item before it.
MONEY_QUALIFIER_WORDS = frozenset({
    "approximately", "about", "around", "over", "nearly", "roughly", "some", "almost", "than",
    "more", "less", "up", "to", "least", "at", "as", "many", "much",
})
# fmt: on
