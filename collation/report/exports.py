"""Exports for other tools: CSV per table, GEXF (Gephi), GeoJSON (places and routes).

FollowTheMoney entities are in ``ftm.py``; the JSON contract comes from
``collation.contract``. Every writer sorts its rows and formats numbers one way, so the
same analysis always gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .data import ReportData
from .escape import strip_controls
from .geo import Route
from .graph import RelationGraph

Cell = str | int | float | bool | None
Table = tuple[list[str], list[list[Cell]]]
#: Spreadsheets run a cell that starts with one of these as a formula ("CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = strip_controls(value)
    # A leading apostrophe makes Excel, LibreOffice and Google Sheets show the text as text.
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: Iterable[Sequence[Cell]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


def _join(values: Iterable[str]) -> str:
    return ";".join(values)


def _documents(d: ReportData) -> Table:
    head = [
        "id",
        "outlet",
        "title",
        "url",
        "published",
        "published_basis",
        "published_confidence",
        "language",
        "format",
        "source",
        "author",
        "origin",
        "chars",
    ]
    rows: list[list[Cell]] = [
        [
            doc.id,
            d.outlets[doc.id],
            doc.title,
            doc.url,
            doc.published,
            doc.published_basis,
            doc.published_confidence,
            doc.language,
            doc.format,
            doc.source,
            doc.author,
            d.origin(doc.id),
            len(doc.text),
        ]
        for doc in d.documents
    ]
    return head, rows


def _segments(d: ReportData) -> Table:
    rows: list[list[Cell]] = []
    for doc in d.documents:
        for s in doc.segments:
            rows.append([doc.id, s.start, s.end, s.kind, s.reason, doc.text[s.start : s.end]])
    return ["doc", "start", "end", "kind", "reason", "text"], rows


def _entities(d: ReportData) -> Table:
    head = [
        "id",
        "name",
        "type",
        "resolution",
        "lat",
        "lon",
        "gazetteer_id",
        "geo_name",
        "feature",
        "country",
        "contained_in",
        "metonym_for",
        "aliases",
        "mentions",
        "documents",
        "external_ids",
    ]
    rows: list[list[Cell]] = []
    for e in d.entity_list:
        g = e.geo
        rows.append(
            [
                e.id,
                e.name,
                e.type,
                e.resolution,
                g.lat if g else None,
                g.lon if g else None,
                g.gazetteer_id if g else None,
                g.name if g else None,
                g.feature if g else None,
                g.country if g else None,
                _join(e.contained_in),
                e.metonym_for,
                _join(a.name for a in e.aliases),
                len(e.mentions),
                len(d.entity_docs(e)),
                _join(e.external_ids),
            ]
        )
    return head, rows


def _aliases(d: ReportData) -> Table:
    rows: list[list[Cell]] = []
    for e in d.entity_list:
        for a in sorted(e.aliases, key=lambda a: a.name):
            for doc in sorted(a.docs):
                rows.append([e.id, e.name, a.name, doc, d.outlets.get(doc, "")])
    return ["entity", "entity_name", "alias", "doc", "outlet"], rows


def _mentions(d: ReportData) -> Table:
    rows: list[list[Cell]] = [
        [m.doc, m.start, m.end, m.text, m.label, m.segment]
        for m in sorted(d.analysis.mentions, key=lambda m: (m.doc, m.start, m.end, m.label))
    ]
    return ["doc", "start", "end", "text", "label", "segment"], rows


def _roles(d: ReportData) -> Table:
    rows: list[list[Cell]] = []
    for e in d.entity_list:
        for r in sorted(e.roles, key=lambda r: (r.span.doc, r.span.start, r.title)):
            rows.append([e.id, e.name, r.title, r.span.doc, r.span.start, r.span.end, r.span.text])
    return ["entity", "entity_name", "title", "doc", "start", "end", "text"], rows


def _times(d: ReportData) -> Table:
    head = [
        "doc",
        "start_offset",
        "end_offset",
        "text",
        "start",
        "end",
        "precision",
        "value",
        "modifier",
        "anchor",
        "ambiguous",
        "note",
    ]
    rows: list[list[Cell]] = [
        [
            t.span.doc,
            t.span.start,
            t.span.end,
            t.span.text,
            t.start,
            t.end,
            t.precision,
            t.value,
            t.modifier,
            t.anchor,
            t.ambiguous,
            t.note,
        ]
        for t in sorted(d.analysis.times, key=lambda t: (t.span.doc, t.span.start, t.span.end))
    ]
    return head, rows


def _quantities(d: ReportData) -> Table:
    head = [
        "doc",
        "start_offset",
        "end_offset",
        "text",
        "low",
        "high",
        "value",
        "unit",
        "dimension",
        "thing",
        "hedge",
    ]
    rows: list[list[Cell]] = [
        [
            q.span.doc,
            q.span.start,
            q.span.end,
            q.span.text,
            q.low,
            q.high,
            q.value,
            q.unit,
            q.dimension,
            q.thing,
            q.hedge,
        ]
        for q in sorted(d.analysis.quantities, key=lambda q: (q.span.doc, q.span.start))
    ]
    return head, rows


def _claims(d: ReportData) -> Table:
    head = [
        "id",
        "doc",
        "outlet",
        "start",
        "end",
        "text",
        "segment",
        "speaker",
        "quote",
        "quote_start",
        "quote_end",
        "modality",
        "modality_cue",
        "polarity",
        "entities",
        "places",
    ]
    rows: list[list[Cell]] = []
    for c in sorted(d.analysis.claims, key=lambda c: (c.span.doc, c.span.start, c.id)):
        qs = c.quote_span
        rows.append(
            [
                c.id,
                c.span.doc,
                d.outlets.get(c.span.doc, ""),
                c.span.start,
                c.span.end,
                c.span.text,
                c.segment,
                c.chain[0].source if c.chain else None,
                c.quote,
                qs.start if qs else None,
                qs.end if qs else None,
                c.modality,
                c.modality_cue,
                c.polarity,
                _join(c.entities),
                _join(c.places),
            ]
        )
    return head, rows


def _attributions(d: ReportData) -> Table:
    rows: list[list[Cell]] = []
    for c in sorted(d.analysis.claims, key=lambda c: (c.span.doc, c.span.start, c.id)):
        for i, a in enumerate(c.chain):
            s = a.span
            rows.append(
                [
                    c.id,
                    i,
                    a.source,
                    a.entity,
                    a.cue,
                    s.doc if s else None,
                    s.start if s else None,
                    s.end if s else None,
                    s.text if s else None,
                ]
            )
    return ["claim", "position", "source", "entity", "cue", "doc", "start", "end", "text"], rows


def _propositions(d: ReportData) -> Table:
    head = [
        "id",
        "text",
        "single_source",
        "same_quote_variants",
        "documents",
        "origins",
        "outlets",
        "claims",
    ]
    rows: list[list[Cell]] = []
    for p in sorted(d.analysis.propositions, key=lambda p: p.id):
        outlets = sorted({d.outlets.get(doc, doc) for doc in p.docs}, key=str.casefold)
        rows.append(
            [
                p.id,
                p.text,
                p.single_source,
                p.same_quote_variants,
                _join(p.docs),
                _join(sorted(set(p.origins))),
                _join(outlets),
                _join(p.claims),
            ]
        )
    return head, rows


def _conflicts(d: ReportData) -> Table:
    rows: list[list[Cell]] = [
        [
            r.conflict.id,
            r.conflict.kind,
            r.conflict.summary,
            r.conflict.reference,
            _join(r.conflict.claims),
        ]
        for r in d.conflicts
    ]
    return ["id", "kind", "summary", "reference", "claims"], rows


def _conflict_values(d: ReportData) -> Table:
    rows: list[list[Cell]] = []
    for r in d.conflicts:
        for v in sorted(r.conflict.values, key=lambda v: (v.span.doc, v.span.start)):
            rows.append(
                [
                    r.conflict.id,
                    v.span.doc,
                    d.outlets.get(v.span.doc, ""),
                    v.span.start,
                    v.span.end,
                    v.span.text,
                    v.normalized,
                ]
            )
    return ["conflict", "doc", "outlet", "start", "end", "text", "normalized"], rows


def _timeline(d: ReportData) -> Table:
    entries, _ = d.timeline
    rows: list[list[Cell]] = [
        [t.start, t.end, t.precision, t.label, _join(t.docs), _join(t.claims)] for t in entries
    ]
    return ["start", "end", "precision", "label", "docs", "claims"], rows


def _stories(d: ReportData) -> Table:
    rows: list[list[Cell]] = [
        [s.id, s.label, s.start, s.end, len(s.documents), _join(s.documents)]
        for s in sorted(d.analysis.stories, key=lambda s: s.id)
    ]
    return ["id", "label", "start", "end", "size", "documents"], rows


def _skipped(d: ReportData) -> Table:
    rows: list[list[Cell]] = [
        [s.source, s.code, s.reason]
        for s in sorted(d.analysis.skipped, key=lambda s: (s.source, s.code, s.reason))
    ]
    return ["source", "code", "reason"], rows


CSV_TABLES: dict[str, Callable[[ReportData], Table]] = {
    "documents": _documents,
    "segments": _segments,
    "entities": _entities,
    "aliases": _aliases,
    "mentions": _mentions,
    "roles": _roles,
    "times": _times,
    "quantities": _quantities,
    "claims": _claims,
    "attributions": _attributions,
    "propositions": _propositions,
    "conflicts": _conflicts,
    "conflict_values": _conflict_values,
    "timeline": _timeline,
    "stories": _stories,
    "skipped": _skipped,
}


def csv_tables(data: ReportData, graph: RelationGraph, routes: tuple[Route, ...]) -> dict[str, str]:
    """File name (without ``.csv``) -> CSV text, one per table."""
    out = {name: to_csv(*build(data)) for name, build in CSV_TABLES.items()}
    names = {e.id: e.name for e in data.analysis.entities}
    out["graph_nodes"] = to_csv(
        ["id", "name", "kind", "type", "documents", "mentions"],
        [[n.id, n.name, n.kind, n.type, n.documents, n.mentions] for n in graph.nodes],
    )
    out["graph_edges"] = to_csv(
        [
            "source",
            "source_name",
            "label",
            "target",
            "target_name",
            "documents",
            "origins",
            "claims",
            "wordings",
        ],
        [
            [
                e.source,
                names.get(e.source, ""),
                e.label,
                e.target,
                names.get(e.target, ""),
                e.support,
                e.origins,
                _join(e.claims),
                _join(f"{w} ({n})" for w, n in e.labels),
            ]
            for e in graph.edges
        ],
    )
    out["routes"] = to_csv(
        ["stops", "stop_names", "roles", "documents", "claims"],
        [
            [
                _join(r.stops),
                _join(names.get(s, s) for s in r.stops),
                _join(r.roles),
                _join(r.docs),
                _join(r.claims),
            ]
            for r in routes
        ],
    )
    return out


# GEXF ---------------------------------------------------------------------------------

_KIND_COLOURS = {"actor": (31, 95, 191), "place": (46, 125, 79), "product": (163, 92, 0)}


def _xml_text(text: str) -> str:
    """Text XML 1.0 can carry: no control characters, no non-characters, no surrogates."""
    cleaned = strip_controls(text)
    return "".join(
        ch for ch in cleaned if ch not in "\ufffe\uffff" and not 0xD800 <= ord(ch) <= 0xDFFF
    )


def _attr(text: str) -> str:
    return quoteattr(_xml_text(text))


def to_gexf(data: ReportData, graph: RelationGraph) -> str:
    """GEXF 1.2 (Gephi, networkx): nodes with kind and coordinates, weighted edges."""
    entities = {e.id: e for e in data.analysis.entities}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://www.gexf.net/1.2draft" '
        'xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
        f"  <meta><creator>collation</creator><description>{xml_escape(_xml_text(data.title))}"
        "</description></meta>",
        '  <graph mode="static" defaultedgetype="directed">',
        '    <attributes class="node">',
        '      <attribute id="kind" title="kind" type="string"/>',
        '      <attribute id="type" title="type" type="string"/>',
        '      <attribute id="documents" title="documents" type="integer"/>',
        '      <attribute id="mentions" title="mentions" type="integer"/>',
        '      <attribute id="lat" title="lat" type="double"/>',
        '      <attribute id="lon" title="lon" type="double"/>',
        "    </attributes>",
        '    <attributes class="edge">',
        '      <attribute id="support" title="support" type="integer"/>',
        '      <attribute id="origins" title="origins" type="integer"/>',
        '      <attribute id="claims" title="claims" type="integer"/>',
        '      <attribute id="wordings" title="wordings" type="string"/>',
        "    </attributes>",
        "    <nodes>",
    ]
    for n in graph.nodes:
        values = [
            ("kind", n.kind),
            ("type", n.type),
            ("documents", str(n.documents)),
            ("mentions", str(n.mentions)),
        ]
        geo = entities[n.id].geo if n.id in entities else None
        if geo is not None and entities[n.id].resolution == "resolved":
            values += [("lat", repr(geo.lat)), ("lon", repr(geo.lon))]
        r, g, b = _KIND_COLOURS.get(n.kind, (120, 120, 120))
        lines.append(f"      <node id={_attr(n.id)} label={_attr(n.name)}>")
        lines.append("        <attvalues>")
        lines += [f"          <attvalue for={_attr(k)} value={_attr(v)}/>" for k, v in values]
        lines.append("        </attvalues>")
        lines.append(f'        <viz:color r="{r}" g="{g}" b="{b}"/>')
        lines.append(f'        <viz:size value="{4 + 2 * n.documents}"/>')
        lines.append("      </node>")
    lines.append("    </nodes>")
    lines.append("    <edges>")
    for i, e in enumerate(graph.edges):
        wordings = "; ".join(f"{w} ({c})" for w, c in e.labels)
        lines.append(
            f'      <edge id="{i}" source={_attr(e.source)} target={_attr(e.target)} '
            f'label={_attr(e.label)} weight="{float(e.support)!r}">'
        )
        lines.append("        <attvalues>")
        for k, v in (
            ("support", str(e.support)),
            ("origins", str(e.origins)),
            ("claims", str(len(e.claims))),
            ("wordings", wordings),
        ):
            lines.append(f"          <attvalue for={_attr(k)} value={_attr(v)}/>")
        lines.append("        </attvalues>")
        lines.append("      </edge>")
    lines += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(lines)


# GeoJSON ------------------------------------------------------------------------------


def _lonlat(lon: float, lat: float) -> list[float]:
    return [round(lon, 6), round(lat, 6)]


def to_geojson(data: ReportData, routes: tuple[Route, ...]) -> str:
    """RFC 7946 FeatureCollection: a Point per resolved place, a LineString per route."""
    features: list[dict[str, object]] = []
    for e in data.resolved_places:
        geo = e.geo
        assert geo is not None
        features.append(
            {
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": _lonlat(geo.lon, geo.lat)},
                "properties": {
                    "kind": "place",
                    "name": e.name,
                    "entity_type": e.type,
                    "feature": geo.feature,
                    "gazetteer_id": geo.gazetteer_id,
                    "gazetteer_name": geo.name,
                    "country": geo.country,
                    "names_used": [
                        {"name": name, "outlets": list(outlets)}
                        for name, outlets in data.alias_outlets(e)
                    ],
                    "documents": list(data.entity_docs(e)),
                    "mentions": len(e.mentions),
                },
            }
        )
    located = {e.id: e.geo for e in data.resolved_places if e.geo is not None}
    names = {e.id: e.name for e in data.analysis.entities}
    for i, r in enumerate(routes, 1):
        points = [located[s] for s in r.stops if s in located]
        if len(points) < 2:
            continue
        features.append(
            {
                "type": "Feature",
                "id": f"route-{i}",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [_lonlat(g.lon, g.lat) for g in points],
                },
                "properties": {
                    "kind": "route",
                    "stops": list(r.stops),
                    "stop_names": [names.get(s, s) for s in r.stops],
                    "roles": list(r.roles),
                    "documents": list(r.docs),
                    "claims": list(r.claims),
                    "outlets": sorted({data.outlets.get(d, d) for d in r.docs}, key=str.casefold),
                },
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
