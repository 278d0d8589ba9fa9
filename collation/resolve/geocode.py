"""Place names -> gazetteer places, disambiguated by the story, never silently guessed.

Reads: the surface names of one place (pooled over the documents that use the name), the
containers the text gives ("Amirabad, Iran", "Makhachkala in Dagestan", "Russia's
Alabuga"), and per-document context (countries, regions and water bodies named, places
already resolved). Adds: a ``Resolution``: resolved with one place, or ambiguous /
unresolved with the candidates a reader can check.

Scores (additive; the constants say what evidence is worth):
main-name match 2, alternate-name match 0.5; countries and water bodies +3 (a name that is
a country usually means the country), regions reached through an alias -1; population log10/2; capital of its country +3;
country named in the same document +2 (elsewhere in the story +1); a container the text
states +4 (and -3 when the text states others); region named +1.5; on the shore of a water
body named +1.5; within 300 km of a place already resolved +1.

A best candidate must lead by ``MARGIN`` and be *plausible* (named by its main name, or a
country/water body, or in a country the story names, or a large place) to be resolved.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Document, Geo, Mention
from . import names
from .gazetteer import Candidate, Gazetteer, Place, capital_country, distance_km, in_bbox

MARGIN = 1.0
"""Lead the best candidate needs over the next one to count as resolved."""
PLAUSIBLE_POPULATION = 100_000
"""A place this large is plausible even in a country the story never names."""
PLAUSIBLE_EXONYM_POPULATION = 1_000_000
"""A place this large is plausible under an alternate name (exonyms: Kiev, Bombay)."""

_NAME_MATCH = 2.0
_ALTERNATE_MATCH = 0.5
_MAJOR_FEATURE = 3.0
_CAPITAL = 3.0
_COUNTRY_IN_DOC = 2.0
_COUNTRY_IN_STORY = 1.0
_STATED_CONTAINER = 4.0
_OTHER_CONTAINER = -3.0
_REGION_NAMED = 1.5
_ON_WATER = 1.5
_NEAR_ANCHOR = 1.0
# A region reached only through an alias ("Moscow" for Moscow Oblast, "New York" for New
# York County) is rarely what a story means when a place of that name exists.
_REGION_ALIAS = -1.0
_ANCHOR_KM = 300.0

# "Republic of Tatarstan", "Voronezh region", "Kherson Oblast": generic words around a name.
_ADMIN_WORDS = re.compile(
    r"^(?:(?:the )?(?:republic|province|state|region|oblast|governorate|county|district|"
    r"city|municipality|prefecture|krai|kray|territory) of )|"
    r" (?:republic|province|state|region|oblast|governorate|county|district|city|"
    r"municipality|prefecture|krai|kray|territory|area)$",
    re.IGNORECASE,
)
_CONTAINER_GAP = re.compile(
    r"^(?:\s*,\s*(?:in\s+)?|\s+in\s+(?:the\s+)?|\s+(?:region|district|province|area|"
    r"part|republic|oblast) of\s+(?:the\s+)?|\s*\(\s*)$",
    re.IGNORECASE,
)


@dataclass
class PlaceContext:
    """What one document (or the whole story) says about where things are."""

    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    waters: list[Place] = field(default_factory=list)
    anchors: list[Geo] = field(default_factory=list)

    def merged(self, other: PlaceContext) -> PlaceContext:
        return PlaceContext(
            self.countries | other.countries,
            self.regions | other.regions,
            self.waters + [w for w in other.waters if w not in self.waters],
            self.anchors + [a for a in other.anchors if a not in self.anchors],
        )


@dataclass(frozen=True, slots=True)
class PlaceQuery:
    """One place name as used across the story."""

    names: tuple[str, ...]
    docs: tuple[str, ...]
    containers: tuple[str, ...] = ()
    """Containing places the text states next to a mention."""
    site: str | None = None
    """Site designator when the names are "<place> <designator>" (zone, port, base)."""


@dataclass(frozen=True, slots=True)
class Resolution:
    status: str
    """resolved, ambiguous or unresolved."""
    place: Place | None
    candidates: tuple[Place, ...] = ()


def stated_containers(text: str, mentions: Sequence[Mention], i: int) -> list[str]:
    """Places the text puts around mention ``i``: "X, Y", "X in Y", "X region of Y",
    "X (Y)", and the possessive "Y's X"."""
    out = []
    mention = mentions[i]
    if i + 1 < len(mentions):
        nxt = mentions[i + 1]
        if nxt.label in names.PLACE_LABELS and _CONTAINER_GAP.match(text[mention.end : nxt.start]):
            out.append(nxt.text)
    if i > 0:
        prev = mentions[i - 1]
        gap = text[prev.end : mention.start]
        if prev.label in ("GPE", "LOC") and re.fullmatch(r"['\u2019]s\s+", gap):
            out.append(prev.text)
    return out


def query_names(name: str) -> list[str]:
    """The name, then the name without generic administrative words."""
    out = [name]
    stripped = _ADMIN_WORDS.sub("", names.clean_name(name)).strip()
    if stripped and stripped != name:
        out.append(stripped)
    return out


def _candidates(gazetteer: Gazetteer, query: PlaceQuery) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    for name in query.names:
        if query.site is not None and query.site != "seat of power":
            split = names.split_site_designator(name)
            name = split[0] if split else name
        for variant in query_names(name):
            for cand in gazetteer.candidates(variant):
                gid = cand.place.geo.gazetteer_id
                if query.site == "seat of power" and cand.place.geo.feature != "city":
                    continue  # a seat of power is a building in the capital city
                if (
                    cand.place.geo.feature == "region"
                    and cand.place.geo.lat == 0.0 == cand.place.geo.lon
                ):
                    continue  # a region with no known places cannot be put on a map
                prior = found.get(gid)
                if prior is None or (prior.alternate and not cand.alternate):
                    found[gid] = cand
            if found:
                break
    # A region that contains a same-named city is the city's administrative shell
    # (Moscow city-region, Kyiv city): the city is what news means.
    city_parents = {
        pid
        for c in found.values()
        if c.place.geo.feature == "city"
        for pid in c.place.container_ids
    }
    return [c for gid, c in sorted(found.items()) if gid not in city_parents]


def _capital_ids(cands: list[Candidate], query: PlaceQuery) -> set[str]:
    """The candidate that is a country's capital: the most populous city of that country
    among the candidates when the name is the capital's ("Washington" -> the US capital,
    not one of the many smaller Washingtons)."""
    codes = {capital_country(names.name_key(n)) for n in query.names} - {None}
    out = set()
    for code in codes:
        cities = [c for c in cands if c.place.geo.feature == "city" and c.place.geo.country == code]
        if cities:
            best = max(cities, key=lambda c: (c.place.population, c.place.geo.gazetteer_id))
            out.add(best.place.geo.gazetteer_id)
    return out


def _score(
    cand: Candidate,
    query: PlaceQuery,
    doc_ctx: PlaceContext,
    story_ctx: PlaceContext,
    capitals: set[str],
) -> float:
    place = cand.place
    geo = place.geo
    score = _ALTERNATE_MATCH if cand.alternate else _NAME_MATCH
    if geo.feature in ("country", "water"):
        score += _MAJOR_FEATURE
    elif geo.feature == "region" and cand.alternate:
        score += _REGION_ALIAS
    score += math.log10(place.population + 1) / 2
    if geo.gazetteer_id in capitals:
        score += _CAPITAL
    if geo.country in doc_ctx.countries:
        score += _COUNTRY_IN_DOC
    elif geo.country in story_ctx.countries:
        score += _COUNTRY_IN_STORY
    if query.containers:
        if _in_stated_container(place, query):
            score += _STATED_CONTAINER
        elif geo.feature not in ("country", "water"):
            score += _OTHER_CONTAINER
    if set(place.container_ids) & (doc_ctx.regions | story_ctx.regions):
        score += _REGION_NAMED
    if geo.feature != "water" and any(
        w.bbox is not None and in_bbox(geo, w.bbox, margin=0.3) for w in story_ctx.waters
    ):
        score += _ON_WATER
    if geo.feature == "city" and any(
        a.gazetteer_id != geo.gazetteer_id and distance_km(a, geo) <= _ANCHOR_KM
        for a in story_ctx.anchors
    ):
        score += _NEAR_ANCHOR
    return score


def _in_stated_container(place: Place, query: PlaceQuery) -> bool:
    keys = {names.name_key(c) for c in place.containers}
    stated = {names.name_key(c) for c in query.containers}
    return bool(stated & keys) or any(_country_matches(c, place.geo) for c in query.containers)


_COUNTRY_CACHE: dict[str, str | None] = {}


def _country_matches(container: str, geo: Geo) -> bool:
    from .gazetteer import default_gazetteer

    key = names.name_key(container)
    if key not in _COUNTRY_CACHE:
        _COUNTRY_CACHE[key] = default_gazetteer().country_of_name(container)
    return _COUNTRY_CACHE[key] is not None and _COUNTRY_CACHE[key] == geo.country


def _plausible(cand: Candidate, query: PlaceQuery, story_ctx: PlaceContext) -> bool:
    place = cand.place
    if place.geo.feature in ("country", "water"):
        return True
    if query.containers and _in_stated_container(place, query):
        return True
    if place.geo.country in story_ctx.countries:
        return True
    if cand.alternate:
        return place.population >= PLAUSIBLE_EXONYM_POPULATION
    return place.population >= PLAUSIBLE_POPULATION


def resolve_place(
    gazetteer: Gazetteer,
    query: PlaceQuery,
    contexts: dict[str, PlaceContext],
    story: PlaceContext,
) -> Resolution:
    """Resolve one place query against the gazetteer with document and story context."""
    cands = _candidates(gazetteer, query)
    if not cands:
        return Resolution("unresolved", None, ())
    doc_ctx = PlaceContext()
    for doc in query.docs:
        doc_ctx = doc_ctx.merged(contexts.get(doc, PlaceContext()))
    capitals = _capital_ids(cands, query)
    scored = sorted(
        ((round(_score(c, query, doc_ctx, story, capitals), 6), c) for c in cands),
        key=lambda sc: (-sc[0], sc[1].place.geo.gazetteer_id),
    )
    shown = tuple(c.place for _, c in scored[:5])
    best_score, best = scored[0]
    if not _plausible(best, query, story):
        return Resolution("unresolved", None, shown)
    if (
        len(scored) > 1
        and best_score - scored[1][0] < MARGIN
        and _plausible(scored[1][1], query, story)
    ):
        return Resolution("ambiguous", None, shown)
    return Resolution("resolved", best.place, shown[1:])


def with_suggestions(
    gazetteer: Gazetteer, query: PlaceQuery, resolution: Resolution, story: PlaceContext
) -> Resolution:
    """An unresolved name with no candidate gets near spellings from the story's
    countries as candidates (capitalised names only: "Sisha" -> "Usisha")."""
    if resolution.status != "unresolved" or resolution.candidates:
        return resolution
    name = query.names[0]
    if not name[:1].isupper() or not story.countries:
        return resolution
    return Resolution("unresolved", None, tuple(gazetteer.suggest(name, story.countries)))


def document_context(
    gazetteer: Gazetteer, document: Document, mentions: Iterable[Mention]
) -> PlaceContext:
    """Countries (named or as demonyms) and water bodies one document mentions."""
    ctx = PlaceContext()
    for mention in mentions:
        if mention.label in ("GPE", "NORP", "LOC"):
            code = gazetteer.country_of_name(mention.text)
            if code is not None and mention.label != "LOC":
                ctx.countries.add(code)
            if mention.label == "LOC":
                for cand in gazetteer.candidates(mention.text):
                    if cand.place.geo.feature == "water" and cand.place not in ctx.waters:
                        ctx.waters.append(cand.place)
    return ctx
