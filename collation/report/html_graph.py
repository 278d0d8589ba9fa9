"""Relation-graph section: a force-directed SVG drawing plus a table of every link."""

from __future__ import annotations

import math

import networkx as nx

from .data import ReportData
from .escape import bdi, esc
from .graph import CO_MENTIONED, RelationGraph
from .map_layout import Box, label_box

GRAPH_WIDTH = 960.0
GRAPH_HEIGHT = 560.0
MAX_GRAPH_NODES = 30
MAX_GRAPH_EDGES = 45
#: Worded edges whose label may be printed on the drawing (all have tooltips).
MAX_EDGE_LABELS = 16
MAX_EDGE_ROWS = 200


def _layout(graph: RelationGraph) -> dict[str, tuple[float, float]]:
    """Force-directed positions, deterministic: nodes start on a circle in sorted order
    and the spring model's random state is fixed. Edges are unweighted here: weighting by
    support pulls the best-reported entities into one unreadable knot."""
    g = nx.Graph()
    ids = sorted(n.id for n in graph.nodes)
    g.add_nodes_from(ids)
    g.add_edges_from((e.source, e.target) for e in graph.edges)
    if len(ids) == 1:
        return {ids[0]: (GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2)}
    start = {
        n: (math.cos(2 * math.pi * i / len(ids)), math.sin(2 * math.pi * i / len(ids)))
        for i, n in enumerate(ids)
    }
    k = 2.6 / math.sqrt(len(ids))
    pos = nx.spring_layout(g, pos=start, seed=7, iterations=300, weight=None, k=k)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
    mx, my = 90.0, 40.0

    def scale(v: float, lo: float, hi: float, size: float, margin: float) -> float:
        return margin + (v - lo) / (hi - lo or 1.0) * (size - 2 * margin)

    return {
        n: (
            round(scale(float(p[0]), x_lo, x_hi, GRAPH_WIDTH, mx), 1),
            round(scale(float(p[1]), y_lo, y_hi, GRAPH_HEIGHT - 20, my), 1),
        )
        for n, p in pos.items()
    }


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _free(box: Box, taken: list[Box]) -> bool:
    inside = box[0] >= 0 and box[2] <= GRAPH_WIDTH and box[1] >= 0 and box[3] <= GRAPH_HEIGHT
    return inside and not any(_overlaps(box, t) for t in taken)


def graph_svg(graph: RelationGraph) -> str:
    small = graph.strongest(MAX_GRAPH_NODES, MAX_GRAPH_EDGES)
    if not small.edges:
        return ""
    pos = _layout(small)
    radius = {n.id: 6.0 + 2.2 * math.sqrt(n.documents) for n in small.nodes}
    names = {n.id: n.name for n in small.nodes}
    # Node names first (they matter most), each on the first free side of its node.
    taken: list[Box] = [
        (x - radius[n] - 2, y - radius[n] - 2, x + radius[n] + 2, y + radius[n] + 2)
        for n, (x, y) in pos.items()
    ]
    node_labels: dict[str, tuple[float, float, str]] = {}
    by_weight = sorted(small.nodes, key=lambda n: (-n.documents, n.name.casefold(), n.id))
    for n in by_weight:
        x, y, r = pos[n.id][0], pos[n.id][1], radius[n.id]
        for lx, ly, anchor in (
            (x, y + r + 13, "middle"),
            (x, y - r - 5, "middle"),
            (x + r + 4, y + 4, "start"),
            (x - r - 4, y + 4, "end"),
        ):
            box = label_box(lx, ly, n.name, anchor, size=6.8)
            if _free(box, taken):
                taken.append(box)
                node_labels[n.id] = (lx, ly, anchor)
                break
        else:  # crowded: keep the name below the node anyway, names are the point
            node_labels[n.id] = (x, y + r + 13, "middle")
    out = [
        f"<svg class='graph' viewBox='0 0 {GRAPH_WIDTH:.0f} {GRAPH_HEIGHT:.0f}' role='img' "
        "aria-labelledby='graph-title'>",
        f"<title id='graph-title'>Relations among {len(small.nodes)} entities</title>",
        "<defs><marker id='edge-arrow' viewBox='0 0 10 10' refX='10' refY='5' "
        "markerUnits='userSpaceOnUse' markerWidth='9' markerHeight='9' orient='auto'>"
        "<path d='M0,0L10,5L0,10z' class='edge-arrowhead'/></marker></defs>",
    ]
    worded = [e for e in small.edges if e.label != CO_MENTIONED][:MAX_EDGE_LABELS]
    for e in small.edges:
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        dist = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / dist, (y2 - y1) / dist
        sx, sy = x1 + ux * radius[e.source], y1 + uy * radius[e.source]
        tx, ty = x2 - ux * (radius[e.target] + 2), y2 - uy * (radius[e.target] + 2)
        width = 1.0 + 1.3 * math.log2(e.support)
        co = e.label == CO_MENTIONED
        if co:
            tip = f"{names[e.source]} and {names[e.target]}: named together in {e.support} document(s)"
        else:
            tip = f"{names[e.source]} — {e.label} → {names[e.target]} ({e.support} document(s))"
        arrow = "" if co else " marker-end='url(#edge-arrow)'"
        out.append(
            f"<g class='{'edge co' if co else 'edge'}'><title>{esc(tip)}</title>"
            f"<line x1='{sx:.1f}' y1='{sy:.1f}' x2='{tx:.1f}' y2='{ty:.1f}' "
            f"stroke-width='{width:.1f}'{arrow}/>"
        )
        if e in worded:
            text = e.label if len(e.label) <= 28 else e.label[:27] + "…"
            text = f"{text} ({e.support})"
            # Try the middle of the edge, then points nearer either end; a label that
            # would cover another is left to the tooltip and the table.
            for t in (0.5, 0.38, 0.62, 0.28, 0.72):
                mx, my = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t - 3
                box = label_box(mx, my, text, "middle", size=5.8)
                if _free(box, taken):
                    taken.append(box)
                    out.append(
                        f"<text class='edge-label' x='{mx:.1f}' y='{my:.1f}'>{esc(text)}</text>"
                    )
                    break
        out.append("</g>")
    for n in small.nodes:
        x, y = pos[n.id]
        lx, ly, anchor = node_labels[n.id]
        out.append(
            f"<g class='node kind-{esc(n.kind)}' data-entity='{esc(n.id)}'>"
            f"<title>{esc(f'{n.name} ({n.type}, {n.documents} document(s))')}</title>"
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radius[n.id]:.1f}'/>"
            f"<text class='node-label {anchor}' x='{lx:.1f}' y='{ly:.1f}'>"
            f"{esc(n.name)}</text></g>"
        )
    out.append("</svg>")
    return "".join(out)


def graph_section(data: ReportData, graph: RelationGraph) -> str:
    if not graph.edges:
        return (
            "<p class='na'>Relation graph: not available in this run (no claim names two "
            "actors, places or products).</p>"
        )
    names = {n.id: n.name for n in graph.nodes}
    legend = (
        "<p class='legend'><span class='key kind-actor'></span> actor "
        "<span class='key kind-place'></span> place <span class='key kind-product'></span> "
        "product · line width and the number in brackets: documents stating the link.</p>"
    )
    rows = []
    for e in graph.edges[:MAX_EDGE_ROWS]:
        others = ", ".join(f"{esc(lab)} ({n})" for lab, n in e.labels if lab != e.label)
        rows.append(
            f"<tr><td>{bdi(names[e.source])}</td><td>{esc(e.label)}</td>"
            f"<td>{bdi(names[e.target])}</td><td class='num'>{e.support}</td>"
            f"<td class='num'>{e.origins}</td><td class='muted'>{others}</td></tr>"
        )
    more = (
        f"<p class='note'>{len(graph.edges) - MAX_EDGE_ROWS} weaker links are in the GEXF "
        "and CSV exports.</p>"
        if len(graph.edges) > MAX_EDGE_ROWS
        else ""
    )
    table = (
        "<table class='data'><thead><tr><th>From</th><th>Relation</th><th>To</th>"
        "<th class='num'>Documents</th><th class='num'>Origins</th><th>Other wordings</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    return legend + "<figure class='graph-figure'>" + graph_svg(graph) + "</figure>" + table + more
