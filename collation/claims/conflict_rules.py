"""Value comparison for conflicts: places, distances, quantities and times.

This module reads statements out of claims ("about 900 km east of Moscow", "near
Moscow", "in Yelabuga") and says whether two values are compatible. ``conflicts`` uses
it to decide what disagrees. Tolerances, and why:

* ``NEAR_MAX_KM`` = 150: "near X" places something within roughly a day-trip radius of X;
  a stated distance whose lower bound exceeds it contradicts "near".
* ``REF_REL_TOL`` = 15 % with a floor of ``REF_ABS_TOL`` = 10 km: a stated distance is
  checked against the great-circle distance between the two gazetteer points. Reporters
  round, measure from a city edge, or quote road distance (typically 10-30 % longer than
  the great circle), so only larger gaps are flagged, and the summary says so. The floor
  keeps "15 km north of X" from being flagged for a 2 km difference between town centres.
* ``APPROX_REL_TOL`` = 15 %: two point figures ("about 900", "1,100") conflict when they
  differ by more than this share of the larger, even if hedge-widened intervals touch;
  vague figures without a point value ("several hundred") are compared as intervals.
* ``SAME_PLACE_KM`` = 60: places closer than this are one place for comparison (a zone
  and the town it lies in).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..records import Claim, Document, Entity, Geo, Quantity, Span, TimeValue

NEAR_MAX_KM = 150.0
REF_REL_TOL = 0.15
REF_ABS_TOL = 10.0
APPROX_REL_TOL = 0.15
SAME_PLACE_KM = 60.0
#: Place roles by the preposition in front of the name.
ROLE_OF_PREPOSITION = {
    "in": "location", "at": "location", "inside": "location", "near": "location",
    "outside": "location", "around": "location", "within": "location",
    "from": "origin", "to": "destination", "into": "destination", "toward": "destination",
    "towards": "destination", "via": "route", "through": "route", "across": "route",
}
#: Features specific enough to locate something (a country or region is not).
POINT_FEATURES = frozenset({"city", "zone", "facility"})
_DIRECTION = (
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern|ward|wards)?"
)
#: "<quantity> [east] of|from [the capital,] X"
_OF_PLACE = re.compile(
    rf"\s*(?:\(\s*[^)]{{0,30}}\)\s*)?(?:to the\s+)?(?P<dir>{_DIRECTION})?\s*(?:of|from|outside|away from)\s+"
    r"(?:the\s+(?:capital|city|town|village|port|region)\s*(?:,\s*|of\s+))?(?:the\s+)?",
    re.I,
)
#: "near [the capital,] X", "close to X", "on the outskirts of X"
_NEAR = re.compile(
    r"\b(?:near(?:by)?|close to|just outside|on the outskirts of|outskirts of)\s+"
    r"(?:the\s+(?:capital|city|town|village|port)\s*(?:,\s*|of\s+))?(?:the\s+)?",
    re.I,
)
_SLOT_NAME = re.compile(
    r"\b(?:in|at|near|outside|inside|from|to|into|via|through|across|towards?)\s+"
    r"(?:the\s+(?:(?:resort|coastal|port|border)\s+)?(?:city|town|village|port)\s+of\s+)?"
    r"(?P<name>[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,2})"
)
#: "<quantity> away", "<quantity> down the coast", "<quantity> to the south"
_AWAY = re.compile(
    rf"\s*(?:away|(?:down|up|along) the (?:coast|road|river|valley)|(?:to the\s+)?(?P<dir>{_DIRECTION}))\b",
    re.I,
)
_CAP_PHRASE = re.compile(r"[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+){0,3}")


@dataclass(frozen=True)
class Place:
    """A place named at one position of a document."""

    span: Span
    key: str
    """Comparison key: ``gaz:<gazetteer id>`` when located (nearby entities merged), else
    the entity id."""
    name: str
    geo: Geo | None
    contained_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class DistanceStatement:
    """"N km [direction] of X", with the place it locates when one is named nearby."""

    claim: Claim
    quantity: Quantity
    span: Span
    """From the number to the end of X's name (or of "away", "down the coast")."""
    origin: Place | None
    """X; None for "N km away" / "N km down the coast" (see ``infer_origins``)."""
    target: Place | None
    direction: str | None
    inferred: bool = False
    """True when the origin was taken from another report of the same target."""


@dataclass(frozen=True)
class NearStatement:
    """"near X" inside a claim."""

    claim: Claim
    span: Span
    place: Place


def distance_km(a: Geo, b: Geo) -> float:
    """Great-circle distance; the gazetteer's function when installed."""
    try:
        from ..resolve.gazetteer import distance_km as gaz_distance
    except ImportError:  # resolver not installed: same haversine formula
        lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
        h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
            (lon2 - lon1) / 2
        ) ** 2
        return 2 * 6371.0088 * math.asin(math.sqrt(h))
    return float(gaz_distance(a, b))


def place_keys(entities: Sequence[Entity]) -> dict[str, str]:
    """Entity id -> comparison key; point places within ``SAME_PLACE_KM`` share a key."""
    key = {e.id: e.id for e in entities}
    points = sorted(
        (e for e in entities if e.geo is not None and e.geo.feature in POINT_FEATURES),
        key=lambda e: e.id,
    )
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            assert a.geo is not None and b.geo is not None
            if distance_km(a.geo, b.geo) <= SAME_PLACE_KM:
                old = {key[a.id], key[b.id]}
                root = min(old)
                for k, v in list(key.items()):
                    if v in old:
                        key[k] = root
    return key


class PlaceFinder:
    """Finds place names at document positions: resolved entity mentions first, the
    gazetteer as a fallback when the entity stage did not run."""

    def __init__(self, documents: Sequence[Document], entities: Sequence[Entity]) -> None:
        self.text = {d.id: d.text for d in documents}
        merged = place_keys(entities)
        by_id = {e.id: e for e in entities}
        #: Entity id -> comparison key: the gazetteer id of the entity (or of the nearby
        #: place it was merged with), so an entity mention and a name the gazetteer
        #: fallback read elsewhere compare as one place.
        self.keys: dict[str, str] = {}
        for entity in entities:
            rep = by_id.get(merged.get(entity.id, entity.id), entity)
            geo = rep.geo or entity.geo
            self.keys[entity.id] = "gaz:" + geo.gazetteer_id if geo else entity.id
        self.by_doc: dict[str, list[tuple[int, int, Entity]]] = {}
        for entity in entities:
            if entity.type not in ("GPE", "LOC", "FAC") and entity.geo is None:
                continue
            for span in entity.mentions:
                self.by_doc.setdefault(span.doc, []).append((span.start, span.end, entity))
        for items in self.by_doc.values():
            items.sort(key=lambda x: (x[0], x[1], x[2].id))
        self._cache: dict[tuple[str, int, int], Place | None] = {}

    def _from_entity(self, doc: str, start: int, end: int, entity: Entity) -> Place:
        """A mention of a resolved entity; an entity the resolver left unresolved or
        ambiguous gets the gazetteer's most populous town of that name (its key stays
        the entity id, so every mention of it still compares as one place)."""
        text = self.text[doc]
        geo = entity.geo
        key = self.keys.get(entity.id, entity.id)
        if geo is None:
            guess = self._gazetteer(doc, start, end)
            if guess is not None and guess.span.end == end:
                geo, key = guess.geo, guess.key
        return Place(Span(doc, start, end, text[start:end]), key, entity.name, geo, entity.contained_in)

    def at(self, doc: str, pos: int, slack: int = 0) -> Place | None:
        """The place whose name starts at ``pos`` (or within ``slack`` characters)."""
        for start, end, entity in self.by_doc.get(doc, []):
            if pos <= start <= pos + slack:
                return self._from_entity(doc, start, end, entity)
        # A name in a place slot ("south of X") that the gazetteer knows is a place, even
        # when the entity stage typed it otherwise (news NER often reads a port city as a
        # person or organisation).
        match = _CAP_PHRASE.match(self.text[doc], pos)
        if match:
            return self._gazetteer(doc, match.start(), match.end())
        return None

    def _gazetteer(self, doc: str, start: int, end: int) -> Place | None:
        """Fallback when the entity stage did not resolve a name in a place slot: the
        gazetteer's first candidate for the longest known prefix of the phrase."""
        key = (doc, start, end)
        if key not in self._cache:
            self._cache[key] = self._lookup(doc, start, end)
        return self._cache[key]

    def _lookup(self, doc: str, start: int, end: int) -> Place | None:
        try:
            from ..resolve.gazetteer import default_gazetteer
        except ImportError:  # no gazetteer installed: no places
            return None
        text = self.text[doc]
        # Longest prefix of the capitalised phrase that the gazetteer knows.
        words = text[start:end].split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            found = default_gazetteer().candidates(name)
            if found:
                # A country or water body named outright wins; otherwise the most populous
                # town (the gazetteer lists regions before towns, and a swapped-in
                # "Lisbon" means the city, not the district around it).
                first = found[0].place
                towns = [c.place for c in found if c.place.geo.feature in POINT_FEATURES]
                if first.geo.feature in ("country", "water") or not towns:
                    geo = first.geo
                else:
                    geo = max(towns, key=lambda p: (p.population, p.geo.gazetteer_id)).geo
                stop = start + len(name)
                return Place(Span(doc, start, stop, text[start:stop]), "gaz:" + geo.gazetteer_id,
                             geo.name, geo)
        return None

    def in_range(self, doc: str, start: int, end: int) -> list[Place]:
        """Resolved places whose mentions lie inside ``[start, end)``."""
        out = [
            self._from_entity(doc, s, e, entity)
            for s, e, entity in self.by_doc.get(doc, [])
            if start <= s and e <= end
        ]
        covered = [(p.span.start, p.span.end) for p in out]
        text = self.text[doc]
        # Names the resolver left out, in a place slot ("in X", "near X"): gazetteer.
        for match in _SLOT_NAME.finditer(text, start, end):
            pos = match.start("name")
            if any(a <= pos < b for a, b in covered):
                continue
            place = self._gazetteer(doc, pos, match.end("name"))
            if place is not None and place.span.end <= end:
                out.append(place)
        return sorted(out, key=lambda p: (p.span.start, p.span.end))


def role_of(text: str, start: int) -> str | None:
    """Role of a place mention from the preposition before it ("in X" -> location)."""
    before = text[max(0, start - 40) : start]
    before = re.sub(r"(?:the\s+(?:capital|city|town|village|port|region)\s*,?\s*(?:of\s+)?)$", "",
                    before.rstrip(), flags=re.I).rstrip()
    before = re.sub(r"\b(?:the|Russia's|[A-Z]\w+[\u2019']s)\s*$", "", before).rstrip()
    match = re.search(r"(\w+)\W*$", before)
    if match is None:
        return None
    return ROLE_OF_PREPOSITION.get(match.group(1).lower())


def distance_statements(
    claims: Sequence[Claim], finder: PlaceFinder
) -> list[DistanceStatement]:
    """Every "N <length> [dir] of X" inside a claim, with the place it locates."""
    out = []
    for claim in claims:
        text = finder.text.get(claim.span.doc)
        if text is None:
            continue
        for q in claim.quantities:
            if q.dimension != "length" or q.unit != "km":
                continue
            match = _OF_PLACE.match(text, q.span.end)
            origin = finder.at(claim.span.doc, match.end()) if match else None
            if match is not None and origin is not None and origin.geo is not None:
                target = _target(text, claim, q, origin.key, finder)
                end = origin.span.end
                direction = (match.group("dir") or "").lower() or None
            else:
                # "Mangalia, 65 kilometres down the coast": a distance from an unnamed
                # origin (the story's place), kept when it locates a named place.
                away = _AWAY.match(text, q.span.end)
                if away is None:
                    continue
                origin, direction = None, (away.group("dir") or "").lower() or None
                target = _target(text, claim, q, None, finder)
                end = away.end()
                if target is None:
                    continue
            span = Span(claim.span.doc, q.span.start, end, text[q.span.start : end])
            out.append(DistanceStatement(claim, q, span, origin, target, direction))
    return infer_origins(out)


def infer_origins(statements: list[DistanceStatement]) -> list[DistanceStatement]:
    """Give an origin-less distance the origin other reports use for the same target,
    when they all use one ("65 km down the coast" vs "40 km south of Constanta")."""
    out = []
    for st in statements:
        if st.origin is None and st.target is not None:
            origins = {
                s.origin.key: s.origin for s in statements
                if s.origin is not None and s.target is not None and s.target.key == st.target.key
            }
            if len(origins) == 1:
                st = dataclasses.replace(st, origin=next(iter(origins.values())), inferred=True)
        out.append(st)
    return out


def _target(
    text: str, claim: Claim, q: Quantity, origin_key: str | None, finder: PlaceFinder
) -> Place | None:
    """The place a distance locates: the nearest town, zone or site named before the
    number, first in the same paragraph ("the site in X, about N km east of Y", "... near
    X. That is about N km east of Y"), else earlier in the report ("The site is about N km
    from Y" after a paragraph that named the town): news gives such distances to locate
    the place the story is about."""
    para = text.rfind("\n", 0, q.span.start)
    for lo in (max(0, para + 1, q.span.start - 300), 0):
        best = None
        for place in finder.in_range(claim.span.doc, lo, q.span.start):
            if place.geo is None or place.geo.feature not in POINT_FEATURES:
                continue
            if place.key == origin_key or place.span.start >= q.span.start:
                continue
            if best is None or place.span.start > best.span.start:
                best = place
        if best is not None:
            return best
    return None


def near_statements(claims: Sequence[Claim], finder: PlaceFinder) -> list[NearStatement]:
    """Every "near X" inside a claim, with X resolved."""
    out = []
    for claim in claims:
        text = finder.text.get(claim.span.doc)
        if text is None:
            continue
        for match in _NEAR.finditer(text, claim.span.start, claim.span.end):
            place = finder.at(claim.span.doc, match.end())
            if place is None or place.geo is None or place.span.end > claim.span.end:
                continue
            span = Span(claim.span.doc, match.start(), place.span.end,
                        text[match.start() : place.span.end])
            out.append(NearStatement(claim, span, place))
    return out


def location_places(claim: Claim, finder: PlaceFinder) -> list[Place]:
    """Places the claim puts something in/at/near (location role), resolved."""
    text = finder.text.get(claim.span.doc, "")
    return [
        p for p in finder.in_range(claim.span.doc, claim.span.start, claim.span.end)
        if p.geo is not None and role_of(text, p.span.start) == "location"
    ]


def same_target(a: Place, b: Place, scale_km: float) -> bool:
    """Whether two distance statements locate one place: the same place, one inside the
    other, or two points closer than a fifth of the distance measured (and than
    ``SAME_PLACE_KM``). Mangalia and Navodari, 55 km apart, are different targets for a
    15 km distance."""
    if a.key == b.key or a.name in b.contained_in or b.name in a.contained_in:
        return True
    if a.geo is None or b.geo is None:
        return False
    return distance_km(a.geo, b.geo) <= min(SAME_PLACE_KM, 0.2 * scale_km)


def places_compatible(a: Place, b: Place) -> bool:
    """Same place, one inside the other, or close enough to be one site."""
    if a.key == b.key:
        return True
    if a.name in b.contained_in or b.name in a.contained_in:
        return True
    if a.geo is None or b.geo is None:
        return True
    if a.geo.feature not in POINT_FEATURES or b.geo.feature not in POINT_FEATURES:
        # A country or region against something inside it.
        if a.geo.country and b.geo.country and a.geo.country == b.geo.country:
            return True
        return a.geo.feature == b.geo.feature and a.geo.gazetteer_id == b.geo.gazetteer_id
    return distance_km(a.geo, b.geo) <= NEAR_MAX_KM


def _bounds(q: Quantity) -> tuple[float, float]:
    """The interval a figure allows; "more than N" is open above whatever cap the
    quantity stage put on it, "up to N" open below."""
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    hedge = (q.hedge or "").lower()
    if hedge.startswith(OPEN_ABOVE):
        high = math.inf
    if hedge.startswith(OPEN_BELOW):
        low = -math.inf
    return low, high


def quantities_compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities can describe the same value; None when incomparable.

    1. different dimension or unit: incomparable;
    2. two point figures: compatible within ``APPROX_REL_TOL`` of the larger;
    3. otherwise (a vague range on either side): intervals must overlap.
    """
    if a.dimension != b.dimension or (a.unit or "") != (b.unit or ""):
        return None
    if a.value is not None and b.value is not None and not _is_bound(a) and not _is_bound(b):
        big = max(abs(a.value), abs(b.value))
        if big == 0:
            return True
        return abs(a.value - b.value) <= APPROX_REL_TOL * big
    alow, ahigh = _bounds(a)
    blow, bhigh = _bounds(b)
    return alow <= bhigh and blow <= ahigh


def _is_bound(q: Quantity) -> bool:
    """"at least 90", "more than 400": one side is open, so only the interval counts."""
    hedge = (q.hedge or "").lower()
    return q.low is None or q.high is None or hedge.startswith(OPEN_ABOVE + OPEN_BELOW) or (
        q.value is not None and q.low is not None and q.high is not None
        and (q.value == q.low) != (q.value == q.high)
    )


def format_quantity(q: Quantity) -> str:
    """Normalised display: "1100 km", "300-900 km", ">= 90 percent"."""
    unit = f" {q.unit}" if q.unit and q.unit != "count" else ""

    def num(x: float) -> str:
        return f"{x:,.0f}".replace(",", "") if abs(x) >= 10 or x == int(x) else f"{x:g}"

    if q.value is not None and not _is_bound(q):
        return f"{num(q.value)}{unit}"
    if q.low is not None and q.high is not None:
        return f"{num(q.low)}{unit}" if q.low == q.high else f"{num(q.low)}-{num(q.high)}{unit}"
    if q.low is not None:
        return f">= {num(q.low)}{unit}"
    if q.high is not None:
        return f"<= {num(q.high)}{unit}"
    return q.span.text


def describe_quantity(q: Quantity) -> str:
    """A figure as a reader should see it: the stated words for vague figures."""
    shown = format_quantity(q)
    if (q.value is None or _is_bound(q)) and q.span.text and q.span.text != shown:
        return f"\u201c{q.span.text}\u201d ({shown})"
    return shown


def reference_gap(statement: DistanceStatement) -> tuple[float, bool] | None:
    """Great-circle distance origin -> target and whether the stated figure is off by more
    than the tolerance; None when the target is unknown."""
    if statement.target is None or statement.target.geo is None:
        return None
    if statement.origin is None or statement.origin.geo is None:
        return None
    d = distance_km(statement.origin.geo, statement.target.geo)
    q = statement.quantity
    if q.value is not None and not _is_bound(q):
        lo = hi = q.value
    else:
        lo, hi = _bounds(q)
    tol = max(REF_REL_TOL * d, REF_ABS_TOL)
    return d, (d < lo - tol or d > hi + tol)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])$")


def times_overlap(a: TimeValue, b: TimeValue) -> bool | None:
    """Whether two day intervals overlap; None when either is unknown or open-ended.

    Two weekdays left unanchored (a report without a date: value ``XXXX-WXX-2``) still
    compare by day of the week: within one week's story "Tuesday" is not "Thursday".
    """
    wa, wb = _WEEKDAY_VALUE.match(a.value or ""), _WEEKDAY_VALUE.match(b.value or "")
    a0, a1, b0, b1 = _day(a.start), _day(a.end), _day(b.start), _day(b.end)
    if wa and wb:
        return wa.group(1) == wb.group(1)
    # One weekday without a date against one dated day: compare the days of the week.
    if wa and b0 is not None and b0 == b1:
        return int(wa.group(1)) == b0.isoweekday()
    if wb and a0 is not None and a0 == a1:
        return int(wb.group(1)) == a0.isoweekday()
    if None in (a0, a1, b0, b1):
        return None
    assert a0 and a1 and b0 and b1
    return a0 <= b1 and b0 <= a1


def event_time(claim: Claim) -> TimeValue | None:
    """The one closed time interval a claim states, if exactly one (else None)."""
    closed = [
        t for t in claim.times
        if (t.start and t.end or _WEEKDAY_VALUE.match(t.value or ""))
        and t.modifier not in ("since", "until", "before", "after")
        # "now", "currently": the time of writing, not of the event
        and not t.value.endswith("_REF")
    ]
    return closed[0] if len(closed) == 1 else None


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities count the same kind of thing (unknown matches anything)."""
    if not a.thing or not b.thing:
        return True
    ta, tb = a.thing.lower().rstrip("s"), b.thing.lower().rstrip("s")
    if ta in PEOPLE and tb in PEOPLE:
        return True
    return ta == tb or ta.endswith(" " + tb) or tb.endswith(" " + ta)


#: Nouns that count people without a further role: "700 people" and "400 residents"
#: count the same evacuees; "80 firefighters" do not.
PEOPLE = frozenset(
    {"people", "person", "resident", "inhabitant", "civilian", "evacuee", "citizen", "local",
     "villager", "individual", "peopl", "persons"}
)
#: Hedges that leave one end of the interval open ("more than 60" fits 80).
OPEN_ABOVE = ("more than", "over", "at least", "above", "upwards of", "in excess of", "no fewer than")
OPEN_BELOW = ("less than", "fewer than", "under", "at most", "below", "up to", "no more than")


def by_doc(claims: Sequence[Claim]) -> Mapping[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for claim in claims:
        out.setdefault(claim.span.doc, []).append(claim)
    return out
