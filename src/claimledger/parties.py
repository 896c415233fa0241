"""The party registry: canonical countries, organisations and people, and the names texts use.

The base list is pycountry's countries; `data/parties.yaml` renames the awkward ones,
adds demonyms, capitals, metonyms, organisations and recurring people. `find` spots
aliases in running text with one compiled trie-shaped regex; `resolve` and `country_of`
map a name the extractor already holds to its party or country.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import UsageError
from claimledger.model import Party

KINDS = ("country", "organisation", "person")
_DATA_PACKAGE = "claimledger.data"
_DATA_FILE = "parties.yaml"

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,;:()\"]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NAME_TOKEN = r"[A-Z][\w'’.]*(?:-[\w'’.]+)*"
_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}$")
_ROLE_TAIL = re.compile(r"\s+(?:at|of|with|for|from|in)\s+(?:the\s+)?(?P<org>.+)$")

# find(): a space or hyphen inside an alias matches any run of spaces and hyphens in the text.
_SEP_ATOM = r"[\s\-‐‑]+"
_QUOTE_ATOM = "['’]"
_END = ""  # trie terminal marker


def _fold(text: str) -> str:
    """Strip accents and case: 'Türkiye' -> 'turkiye'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(name: str) -> str:
    """Lookup key of a party name: case, accents, periods, quotes, hyphens and 'the' folded."""
    text = _fold(name.translate(_QUOTES)).replace(".", "").replace("'", "")
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") and len(text) > 4 else text


def person_key(name: str) -> str:
    """Key under which spellings of a person's name are equal: 'Kim Jong-un' == 'Kim Jong Un'."""
    text = _POSSESSIVE.sub("", name.strip().translate(_QUOTES))
    return "".join(ch for ch in _fold(text) if ch.isalnum())


def _plural(demonym: str) -> str | None:
    """'North Korean' -> 'North Koreans'; None for forms that take no -s (Chinese, British)."""
    if demonym.endswith(("ese", "sh", "nch", "tch", "ss", "s", "z")):
        return None
    return demonym + "s"


def _pycountry_parties() -> list[Party]:
    """One country party per ISO 3166-1 entry, named as English prose names it."""
    import pycountry

    parties = []
    for country in pycountry.countries:
        iso_name = country.name
        name = getattr(country, "common_name", None) or iso_name
        aliases = [iso_name, getattr(country, "official_name", None)]
        if ", " in iso_name:  # "Korea, Republic of" -> "Republic of Korea"
            head, tail = iso_name.split(", ", 1)
            if tail.endswith((" of", " of the")) or " " not in tail:
                aliases.append(f"{tail} {head}")
        unique = tuple(dict.fromkeys(a for a in aliases if a and a != name))
        parties.append(Party(name=name, kind="country", aliases=unique, code=country.alpha_3))
    return parties


class PartyRegistry:
    """Parties and their aliases; build once with `default()`, extend with an alias file."""

    def __init__(self) -> None:
        self._parties: dict[str, Party] = {}  # canonical name -> party, in insertion order
        self._blocked: set[str] = set()  # name keys that must never resolve (Korea, the North)
        self._blocked_surface: set[str] = set()  # their surface forms, matched and dropped by find
        self._roles: frozenset[str] = frozenset()
        self._seen: dict[str, str] = {}  # person_key -> first-seen spelling, for canonical()
        self._index: dict[str, Party] | None = None
        self._person_index: dict[str, Party] | None = None
        self._pattern: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    # -- construction -------------------------------------------------------------------

    @classmethod
    def default(cls) -> PartyRegistry:
        """The shared registry: pycountry plus the packaged `data/parties.yaml`, built once."""
        return _default_registry()

    @classmethod
    def build(cls) -> PartyRegistry:
        """A fresh registry from pycountry and the packaged data (what `default()` caches)."""
        registry = cls()
        for party in _pycountry_parties():
            registry._parties[party.name] = party
        text = resources.files(_DATA_PACKAGE).joinpath(_DATA_FILE).read_text(encoding="utf-8")
        registry._load(text, f"claimledger/data/{_DATA_FILE}")
        return registry

    def copy(self) -> PartyRegistry:
        """An independent copy, so extending it leaves the shared default untouched."""
        other = PartyRegistry()
        other._parties = dict(self._parties)
        other._blocked = set(self._blocked)
        other._blocked_surface = set(self._blocked_surface)
        other._roles = self._roles
        other._seen = dict(self._seen)
        return other

    def with_aliases_file(self, path: Path) -> PartyRegistry:
        """A copy extended by a user YAML file in the format of `data/parties.yaml`."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{path}: cannot read alias file ({exc.strerror or exc})") from exc
        registry = self.copy()
        registry._load(text, str(path))
        return registry

    def add(self, party: Party) -> None:
        """Add a party, or merge its aliases and fields into the party of the same name."""
        if party.kind not in KINDS:
            raise UsageError(f"party {party.name!r}: kind must be one of {', '.join(KINDS)}")
        old = self._parties.get(party.name)
        if old is not None:
            aliases = tuple(dict.fromkeys(old.aliases + party.aliases))
            party = replace(
                old,
                kind=party.kind,
                aliases=aliases,
                code=party.code or old.code,
                affiliation=party.affiliation or old.affiliation,
            )
        self._parties[party.name] = party
        self._invalidate()

    def _invalidate(self) -> None:
        self._index = None
        self._person_index = None
        self._pattern = None

    def _load(self, text: str, origin: str) -> None:
        """Merge a parties YAML document; errors name the file and what to fix."""
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise UsageError(f"{origin}: not valid YAML{where}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("parties", []), list):
            raise UsageError(f"{origin}: expected a mapping with a 'parties:' list")
        for word in _str_list(data.get("ambiguous"), origin, "ambiguous"):
            self._blocked.add(name_key(word))
            self._blocked_surface.add(_strip_article(word))
        roles = _str_list(data.get("roles"), origin, "roles")
        self._roles = self._roles | {r.casefold() for r in roles}
        for number, entry in enumerate(data.get("parties") or [], start=1):
            self._merge_entry(entry, f"{origin}: parties entry {number}")
        self._invalidate()

    def _merge_entry(self, entry: Any, where: str) -> None:
        if not isinstance(entry, dict):
            raise UsageError(f"{where}: expected a mapping with 'name' and 'kind'")
        unknown = set(entry) - {"name", "kind", "code", "affiliation", "aliases", "demonyms"}
        if unknown:
            raise UsageError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"{where}: 'name' must be a non-empty string")
        name = name.strip()
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise UsageError(f"{where} ({name}): 'kind' must be one of {', '.join(KINDS)}")
        code, affiliation = entry.get("code"), entry.get("affiliation")
        for field_name, value in (("code", code), ("affiliation", affiliation)):
            if value is not None and not isinstance(value, str):
                raise UsageError(f"{where} ({name}): '{field_name}' must be a string")
        aliases = _str_list(entry.get("aliases"), where, "aliases")
        demonyms = _str_list(entry.get("demonyms"), where, "demonyms")
        plurals = [p for p in map(_plural, demonyms) if p]
        names = aliases + demonyms + plurals

        old = self._find_existing(name, code)
        if old is None:
            if kind is None:
                raise UsageError(f"{where} ({name}): new party needs 'kind' ({', '.join(KINDS)})")
            new = Party(name, kind, tuple(dict.fromkeys(names)), code, affiliation)
        else:
            renamed = [old.name] if old.name != name and code else []
            keep_name = name if code and old.code == code else old.name
            merged = tuple(dict.fromkeys(old.aliases + tuple(renamed) + tuple(names)))
            merged = tuple(a for a in merged if a != keep_name)
            new = Party(
                keep_name,
                kind or old.kind,
                merged,
                code or old.code,
                affiliation or old.affiliation,
            )
            del self._parties[old.name]
        self._parties[new.name] = new

    def _find_existing(self, name: str, code: str | None) -> Party | None:
        if code:
            for party in self._parties.values():
                if party.code == code:
                    return party
        if name in self._parties:
            return self._parties[name]
        # The index may predate entries merged earlier in this load: map a hit to the
        # party as it is now (it may since have been renamed).
        hit = self._lookup().get(name_key(name))
        if hit is None or hit.name in self._parties:
            return hit
        return next((p for p in self._parties.values() if hit.code and p.code == hit.code), None)

    # -- indexes ------------------------------------------------------------------------

    def _lookup(self) -> dict[str, Party]:
        index = self._index
        if index is None:
            with self._lock:
                index, persons = {}, {}
                for party in self._parties.values():
                    for alias in (party.name, *party.aliases):
                        key = name_key(alias)
                        if key and key not in self._blocked:
                            index[key] = party
                        if party.kind == "person":
                            persons[person_key(alias)] = party
                for party in self._parties.values():  # a canonical name beats another's alias
                    index[name_key(party.name)] = party
                self._person_index = persons
                self._index = index
        return index

    def _regex(self) -> re.Pattern[str]:
        pattern = self._pattern
        if pattern is None:
            with self._lock:
                trie: dict[str, Any] = {}
                for party in self._parties.values():
                    person = party.kind == "person"
                    for alias in (party.name, *party.aliases):
                        for surface in _surfaces(alias):
                            _trie_insert(trie, _atoms(surface, person))
                for surface in self._blocked_surface:
                    _trie_insert(trie, _atoms(surface, False))
                body = _trie_regex(trie)
                pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
                self._pattern = pattern
        return pattern

    # -- queries ------------------------------------------------------------------------

    def parties(self) -> list[Party]:
        """Every party, countries first in ISO order, then the packaged and added ones."""
        return list(self._parties.values())

    def resolve(self, name: str) -> Party | None:
        """The party a name refers to, tolerant of case, punctuation, 'the' and possessive 's."""
        if not name or not name.strip():
            return None
        index = self._lookup()
        for candidate in (name, _POSSESSIVE.sub("", name.strip())):
            key = name_key(candidate)
            if key in self._blocked:
                return None
            if key in index:
                return index[key]
        assert self._person_index is not None
        return self._person_index.get(person_key(name))

    def country_of(self, name: str) -> str | None:
        """The country of a country, demonym, capital, organisation, known person or phrase."""
        party = self.resolve(name)
        if party is not None:
            return self._country(party)
        if not name or name_key(name) in self._blocked:
            return None
        countries = {self._country(p) for _, _, p in self.find(name)} - {None}
        if len(countries) == 1:
            return countries.pop()
        if not countries:
            return parse_role(name, registry=self)[2]
        return None

    def _country(self, party: Party) -> str | None:
        if party.kind == "country":
            return party.name
        if not party.affiliation:
            return None
        home = self._lookup().get(name_key(party.affiliation))
        return home.name if home is not None and home.kind == "country" else party.affiliation

    def find(self, text: str) -> list[tuple[int, int, Party]]:
        """Non-overlapping longest alias matches in `text` as (start, end, party), in order."""
        index = self._lookup()
        found = []
        for match in self._regex().finditer(text):
            party = index.get(name_key(match.group()))
            if party is None:
                assert self._person_index is not None
                party = self._person_index.get(person_key(match.group()))
            if party is not None:
                found.append((match.start(), match.end(), party))
        return found

    def canonical(self, name: str) -> str:
        """The resolved party name, else the first-seen spelling of the (person) name."""
        party = self.resolve(name)
        if party is not None:
            return party.name
        form = " ".join(name.split()).strip(" ,;:")
        key = person_key(form)
        if not key:
            return form
        return self._seen.setdefault(key, form)


@functools.cache
def _default_registry() -> PartyRegistry:
    return PartyRegistry.build()


def _str_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where}: '{key}' must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _strip_article(alias: str) -> str:
    stripped = re.sub(r"^[Tt]he\s+", "", alias.strip())
    return stripped or alias.strip()


def _surfaces(alias: str) -> list[str]:
    """The forms of an alias `find` looks for: without a leading 'the', plus ALL CAPS."""
    base = _strip_article(alias)
    forms = [base]
    if len(base) >= 6 and base != base.upper():
        forms.append(base.upper())
    return forms


def _atoms(surface: str, person: bool) -> list[str]:
    """Regex atoms of one alias; in person names later given-name parts match either case."""
    atoms: list[str] = []
    token_index, at_token_start = 0, True
    for ch in surface:
        if ch.isspace() or ch in "-‐‑":
            if atoms and atoms[-1] != _SEP_ATOM:
                atoms.append(_SEP_ATOM)
            at_token_start = True
            continue
        if at_token_start:
            token_index += 1
            at_token_start = False
            if person and token_index >= 3 and ch.isalpha():
                atoms.append(f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]")
                continue
        atoms.append(_QUOTE_ATOM if ch in "'’" else re.escape(ch))
    return atoms


def _trie_insert(trie: dict[str, Any], atoms: list[str]) -> None:
    node = trie
    for atom in atoms:
        node = node.setdefault(atom, {})
    node[_END] = {}


def _trie_regex(node: dict[str, Any]) -> str:
    """A regex equal to the trie's alternation where longer continuations are tried first."""
    alternatives = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if not alternatives:
        return ""
    terminal = _END in node
    if len(alternatives) == 1 and not terminal:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")" + ("?" if terminal else "")


def _looks_like_name(text: str, registry: PartyRegistry, roles: frozenset[str]) -> bool:
    if not _NAME.match(text):
        return False
    if any(token.casefold() in roles for token in re.split(r"[\s-]+", text)):
        return False
    party = registry.resolve(text)
    return party is None or party.kind == "person"


def _role_and_country(text: str, registry: PartyRegistry) -> tuple[str | None, str | None]:
    """Split 'South Korean defense minister' / 'a researcher at KINU' into role and country."""
    text = _ARTICLE.sub("", text.strip(" ,;:"))
    country = None
    found = registry.find(text)
    if found and found[0][0] == 0:
        _, end, party = found[0]
        country = registry._country(party)
        if party.kind == "country":
            text = re.sub(r"^['’]s?\s*", "", text[end:]).strip()
    tail = _ROLE_TAIL.search(text)
    if tail and registry.find(tail.group("org")):
        country = country or registry.country_of(tail.group("org"))
        text = text[: tail.start()]
    elif country is None and found:
        country = registry._country(found[0][2])
    return (text.strip() or None), country


def parse_role(
    phrase: str, registry: PartyRegistry | None = None
) -> tuple[str | None, str | None, str | None]:
    """Split a source phrase into (person name, role, country).

    'South Korean Defense Minister Shin Won-sik' -> ('Shin Won-sik', 'Defense Minister',
    'South Korea'); 'Cho Han-beom, a researcher at the Korea Institute for National
    Unification' -> ('Cho Han-beom', 'researcher', 'South Korea'): the country of the
    organisation named after the role. Unknown parts are None.
    """
    registry = registry or PartyRegistry.default()
    roles = registry._roles
    text = " ".join(phrase.split()).strip(" ,.;:")
    if not text:
        return None, None, None
    name: str | None = None
    role: str | None = None
    country: str | None = None
    if "," in text:
        left, right = (part.strip() for part in text.split(",", 1))
        if _looks_like_name(left, registry, roles):
            name = left
            role, country = _role_and_country(right, registry)
        elif _looks_like_name(right, registry, roles):
            name = right
            role, country = _role_and_country(left, registry)
    if name is None:
        tokens = text.split(" ")
        cut = len(tokens)
        while cut > 0:
            token = tokens[cut - 1]
            if not token[:1].isupper() or token.casefold().strip(".") in roles:
                break
            cut -= 1
        candidate = " ".join(tokens[cut:])
        if candidate and _looks_like_name(candidate, registry, roles):
            name = candidate
            prefix = " ".join(tokens[:cut])
            if prefix:
                role, country = _role_and_country(prefix, registry)
        else:
            role, country = _role_and_country(text, registry)
    if name is not None and country is None:
        person = registry.resolve(name)
        if person is not None and person.kind == "person":
            country = registry._country(person)
    return name, role, country


__all__ = ["KINDS", "PartyRegistry", "name_key", "parse_role", "person_key"]
