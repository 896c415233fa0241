"""Normalise item phrases to concepts (shells, troops, oil...) through a small data lexicon."""

from __future__ import annotations

import re

# concept -> words that name it; the first matching concept wins, so specific ones come first.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "shipping containers": ("container", "containers"),
    "ballistic missiles": ("missile", "missiles", "rocket", "rockets"),
    "artillery shells": (
        "shell",
        "shells",
        "round",
        "rounds",
        "ammunition",
        "munition",
        "munitions",
        "ammo",
    ),
    "combat engineers": ("engineer", "engineers", "engineering"),
    "troops": (
        "troop",
        "troops",
        "soldier",
        "soldiers",
        "personnel",
        "servicemen",
        "fighters",
        "mercenaries",
        "mercenary",
        "volunteers",
        "recruits",
        "forces",
        "brigades",
        "brigade",
        "battalions",
        "units",
        "commandos",
        "contingent",
        "army",
    ),
    "workers": (
        "worker",
        "workers",
        "laborer",
        "laborers",
        "labourer",
        "labourers",
        "labor",
        "labour",
        "workforce",
    ),
    "oil and gas": (
        "oil",
        "petroleum",
        "crude",
        "gas",
        "fuel",
        "diesel",
        "gasoline",
        "lng",
        "energy",
    ),
    "food": ("rice", "grain", "wheat", "food", "flour", "cereal", "cereals", "maize", "corn"),
    "salary": (
        "salary",
        "salaries",
        "wage",
        "wages",
        "pay",
        "earnings",
        "compensation",
        "stipend",
    ),
    "payments": ("payment", "payments", "transfer", "transfers"),
    "revenue": ("revenue", "revenues", "income", "profit", "profits", "turnover"),
    "value": ("value", "worth", "cost", "price"),
    "technology": ("technology", "technologies", "satellite", "satellites", "space", "tech"),
    "weapons": (
        "weapon",
        "weapons",
        "arms",
        "equipment",
        "howitzer",
        "howitzers",
        "tank",
        "tanks",
        "drone",
        "drones",
        "jets",
        "jet",
        "aircraft",
        "helicopters",
        "launchers",
    ),
    "imports": ("imports", "import", "imported"),
    "trade": ("trade",),
    "aid": ("aid", "assistance", "relief", "donations", "grant", "grants"),
    "countries": ("country", "countries", "nations", "states", "members", "member"),
    "people": (
        "people",
        "persons",
        "nationals",
        "citizens",
        "civilians",
        "migrants",
        "refugees",
        "koreans",
        "russians",
        "ukrainians",
        "nepalese",
        "nepalis",
        "iranians",
        "syrians",
        "afghans",
        "chinese",
    ),
    "exports": ("exports", "export", "exported", "shipments", "deliveries"),
    "coal": ("coal", "briquettes", "briquette", "coke"),
    "vehicles": ("car", "cars", "vehicle", "vehicles", "trucks", "parts"),
    "iron and steel": ("iron", "steel", "metal", "metals"),
}
_WORD_TO_CONCEPT: dict[str, str] = {}
for _concept, _words in CONCEPTS.items():
    for _w in _words:
        _WORD_TO_CONCEPT.setdefault(_w, _concept)

# Commodities traded: a money figure whose item names one is about that commodity's trade.
_MONEY_UNITS_NEUTRAL = ("exports", "imports", "trade", "salary", "revenue", "value", "aid")


# Modifiers that decide the concept whatever the head: "combat engineering units".
PRIORITY_WORDS: dict[str, str] = {
    "engineering": "combat engineers",
    "engineers": "combat engineers",
    "missile": "ballistic missiles",
    "missiles": "ballistic missiles",
    "satellite": "technology",
    "satellites": "technology",
}
# Heads too general to make a flow of their own ("material support", "other goods").
GENERIC_ITEMS = frozenset({
    "support", "goods", "good", "resources", "resource", "help", "cooperation", "items",
    "things", "materials", "products", "assistance", "means", "benefits", "backing", "aid",
    "supplies", "supply", "forms", "form", "kinds", "types", "ways", "mm", "km", "percent",
    "amounts", "quantities", "numbers", "lots", "deal", "deals", "arrangement", "arrangements",
    "package", "bargain", "partnership", "ties",
})  # fmt: skip


def is_generic(item: str) -> bool:
    """True for an item phrase that names no particular thing ('material support')."""
    words = re.findall(r"[a-z]+", item.lower())
    if not words or words[-1] not in GENERIC_ITEMS:
        return not words
    return not any(_WORD_TO_CONCEPT.get(w) not in (None, "aid") for w in words[:-1])


_PREPOSITIONS = frozenset(
    {"of", "from", "to", "in", "for", "by", "with", "at", "on", "into", "over"}
)
# Wrappers whose "of" phrase names the thing: "value of shipments", "share of exports".
_WRAPPERS = frozenset({
    "pieces", "piece", "rounds", "round", "share", "value", "growth", "rate", "tonnes", "tons",
    "tonne", "ton", "barrels", "barrel", "bbl", "bags", "sacks", "batches", "loads", "cargoes",
})  # fmt: skip


def concept_of(item: str | None, unit: str = "count") -> str | None:
    """The concept an item phrase belongs to; the head word decides, commodities first."""
    if not item:
        return None
    words = re.findall(r"[a-z]+", item.lower())
    if not words:
        return None
    for w in words:
        if w in PRIORITY_WORDS and unit == "count":
            return PRIORITY_WORDS[w]
    before, _, after = item.lower().partition(" of ")
    if after and before.split() and before.split()[-1] in _WRAPPERS:
        wrapper = before.split()[-1]
        if wrapper in ("rounds", "round"):
            return _WORD_TO_CONCEPT[wrapper]
        words = re.findall(r"[a-z]+", after) or words
    # The head is the last word before a preposition: "shipments from south korea".
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i > 0), len(words))
    words = words[:cut]
    head = words[-1]
    if head in _WORD_TO_CONCEPT:
        concept = _WORD_TO_CONCEPT[head]
        # "car exports", "rice aid": the commodity is more telling than the flow word.
        if concept in _MONEY_UNITS_NEUTRAL or concept == "aid":
            for w in words[:-1]:
                other = _WORD_TO_CONCEPT.get(w)
                if other and other not in _MONEY_UNITS_NEUTRAL and other != "aid":
                    return other
        return concept
    return singular(head)


def singular(word: str) -> str:
    """A plural noun's likely singular, for words the concept table does not know."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
