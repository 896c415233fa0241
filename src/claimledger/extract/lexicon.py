"""Every cue word, number word, unit and currency table the extractor reads, in one place.

The number and unit sections live in number_lexicon.py and are re-exported here."""

from __future__ import annotations

from claimledger.extract.number_lexicon import *  # noqa: F403  (number and unit sections)

# fmt: off
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
    "lakh", "crore", "lakh crore", "mn", "mln", "tn", "trillion", "thousand",
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
