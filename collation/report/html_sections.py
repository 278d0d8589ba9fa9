"""Text sections of the HTML report: header, account, disagreements, single-source
claims, entities, sources and the cited passages every citation links to."""

from __future__ import annotations

from collections import Counter

from .data import AccountItem, Citation, ReportData
from .escape import bdi, esc, safe_url
from .html_visuals import human_interval

#: Longest stretch of page furniture quoted in the sources list.
FURNITURE_CHARS = 160


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def cite_link(cite: Citation) -> str:
    """A citation: the outlet as a link to the passage, then the exact words."""
    return (
        f"<li><a class='cite' href='#{cite.anchor}' data-doc='{esc(cite.doc)}' "
        f"data-start='{cite.start}' data-end='{cite.end}'>{bdi(cite.outlet, 'outlet')}</a>"
        f"{_date(cite.published)}{_stance(cite.stance)} "
        f"<q class='quote' dir='auto'>{esc(cite.text)}</q></li>"
    )


def _stance(stance: str) -> str:
    return f" <span class='badge warn stance'>{esc(stance)}</span>" if stance else ""


def _date(day: str | None) -> str:
    return f" <span class='muted date'>{esc(day)}</span>" if day else ""


def header(data: ReportData) -> str:
    start, end = data.period
    if start or end:
        period = human_interval(start, end, "day") if start and end else esc(start or end)
    else:
        period = "unknown"
    stats = [
        (len(data.analysis.documents), "documents"),
        (len(data.outlet_names), "outlets"),
        (data.origin_count, "independent origins"),
        (len(data.account), "corroborated statements"),
        (len(data.conflicts), "disagreements"),
        (len(data.single_source), "single-source claims"),
    ]
    stat_html = "".join(
        f"<div class='stat'><dt>{esc(label)}</dt><dd>{n}</dd></div>" for n, label in stats
    )
    skipped = (
        f"<p class='muted'>{plural(len(data.analysis.skipped), 'input')} could not be read "
        "(listed under Sources).</p>"
        if data.analysis.skipped
        else ""
    )
    return (
        "<header class='masthead'><p class='kicker'>Collated news report</p>"
        f"<h1 id='top'>{bdi(data.title)}</h1>"
        f"<p class='period'>Period covered: <strong>{esc(period)}</strong></p>"
        f"<dl class='stats'>{stat_html}</dl>{skipped}</header>"
    )


def _support_line(item: AccountItem, data: ReportData) -> str:
    prop = item.proposition
    origins = len(set(prop.origins)) or len({data.origin(c.doc) for c in item.citations})
    parts = [plural(len(item.outlets), "outlet"), plural(origins, "independent origin")]
    if prop.same_quote_variants:
        parts.append("quoted with different words")
    return " · ".join(parts)


def _proposition(item: AccountItem, data: ReportData, single: bool) -> str:
    cites = "".join(cite_link(c) for c in item.citations)
    badge = "<span class='badge warn'>single source</span> " if single else ""
    return (
        f"<article class='prop' id='prop-{esc(item.proposition.id)}'>"
        f"<p class='prop-text' dir='auto'>{esc(item.proposition.text)}</p>"
        f"<p class='support'>{badge}{esc(_support_line(item, data))}</p>"
        f"<ol class='cites'>{cites}</ol></article>"
    )


def account(data: ReportData) -> str:
    if not data.account:
        return (
            "<p class='na'>Consolidated account: not available in this run (no statement is "
            "carried by more than one source).</p>"
        )
    intro = (
        "<p class='lede'>Statements carried by more than one document, best corroborated "
        "first. Each is followed by the exact words of every outlet that carries it; click "
        "an outlet to see the passage in context.</p>"
    )
    return intro + "".join(_proposition(i, data, False) for i in data.account)


def single_source(data: ReportData) -> str:
    if not data.single_source:
        return "<p class='na'>Single-source claims: not available in this run.</p>"
    intro = (
        "<p class='lede'>Statements only one outlet (or one independence group) carries: "
        "treat them as unconfirmed.</p>"
    )
    return intro + "".join(_proposition(i, data, True) for i in data.single_source)


def disagreements(data: ReportData) -> str:
    if not data.conflicts:
        return "<p class='na'>Disagreements: none found in this run.</p>"
    rows = []
    for row in data.conflicts:
        values = "".join(
            f"<li><a class='cite' href='#{cite.anchor}' data-doc='{esc(cite.doc)}' "
            f"data-start='{cite.start}' data-end='{cite.end}'>{bdi(cite.outlet, 'outlet')}</a>"
            f": <strong class='value'>{bdi(value)}</strong> "
            f"<q class='quote' dir='auto'>{esc(cite.text)}</q></li>"
            for cite, value in row.values
        )
        reference = bdi(row.conflict.reference) if row.conflict.reference else "—"
        rows.append(
            f"<tr id='conflict-{esc(row.conflict.id)}'>"
            f"<td><span class='badge kind'>{esc(row.conflict.kind)}</span></td>"
            f"<td><ul class='values'>{values}</ul></td>"
            f"<td>{reference}</td><td dir='auto'>{esc(row.conflict.summary)}</td></tr>"
        )
    return (
        "<p class='lede'>One row per disagreement: each outlet's value side by side, the "
        "reference value where one exists, and what the difference is.</p>"
        "<table class='data conflicts'><thead><tr><th>Kind</th><th>Values by outlet</th>"
        "<th>Reference</th><th>Explanation</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def entities(data: ReportData) -> str:
    if not data.entity_list:
        return "<p class='na'>Entities: not available in this run.</p>"
    rows = []
    for entity in data.entity_list:
        aliases = "".join(
            f"<li>{bdi(name, 'alias')} <span class='muted'>"
            f"{', '.join(bdi(o) for o in outlets) or '—'}</span></li>"
            for name, outlets in data.alias_outlets(entity)
        )
        notes = []
        if entity.geo is not None:
            notes.append(f"{entity.geo.lat:.3f}, {entity.geo.lon:.3f} ({bdi(entity.geo.name)})")
        if entity.resolution != "n/a":
            notes.append(esc(entity.resolution))
        if entity.metonym_for:
            notes.append(f"stands for {bdi(entity.metonym_for)}")
        if entity.contained_in:
            notes.append("in " + ", ".join(bdi(c) for c in entity.contained_in))
        roles = sorted({r.title for r in entity.roles})
        if roles:
            notes.append("role: " + "; ".join(bdi(r) for r in roles))
        rows.append(
            f"<tr id='entity-{esc(entity.id)}'><td>{bdi(entity.name, 'ent-name')}</td>"
            f"<td class='nowrap'>{esc(entity.type)}</td><td><ul class='aliases'>{aliases}</ul></td>"
            f"<td class='num'>{len(entity.mentions)}</td>"
            f"<td class='num'>{len(data.entity_docs(entity))}</td>"
            f"<td class='muted'>{' · '.join(notes)}</td></tr>"
        )
    return (
        "<p class='lede'>Every person, organisation, place and thing, with each name "
        "outlets used for it.</p><table class='data'><thead><tr><th>Entity</th><th>Type</th>"
        "<th>Names used (by outlet)</th><th class='num'>Mentions</th>"
        "<th class='num'>Documents</th><th>Notes</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _furniture(data: ReportData, doc_id: str) -> str:
    doc = data.docs[doc_id]
    items = []
    for seg in doc.segments:
        if seg.kind != "boilerplate":
            continue
        text = doc.text[seg.start : seg.end].strip()
        if len(text) > FURNITURE_CHARS:
            text = text[: FURNITURE_CHARS - 1] + "…"
        reason = f" <span class='muted'>({esc(seg.reason)})</span>" if seg.reason else ""
        items.append(f"<li><q dir='auto'>{esc(text)}</q>{reason}</li>")
    if not items:
        return ""
    return (
        f"<details class='furniture'><summary>{plural(len(items), 'segment')} marked as page "
        f"furniture</summary><ul>{''.join(items)}</ul></details>"
    )


def sources(data: ReportData) -> str:
    if not data.documents:
        return "<p class='na'>Sources: no document was read in this run.</p>"
    group_names: dict[str, str] = {}
    group_sizes: Counter[str] = Counter()
    for doc in data.documents:
        group_names.setdefault(data.origin(doc.id), f"G{len(group_names) + 1}")
        group_sizes[data.origin(doc.id)] += 1
    rows = []
    for doc in data.documents:
        url = safe_url(doc.url)
        if url:
            link = f"<a class='ext' href='{esc(url)}' rel='noopener noreferrer nofollow'>{bdi(url)}</a>"
        elif doc.url:
            link = f"<span class='muted'>{bdi(doc.url)} (not a web link)</span>"
        else:
            link = f"<span class='muted'>{bdi(doc.source)}</span>"
        if doc.published:
            basis = doc.published_basis or "unknown basis"
            if basis == "inferred":
                when = f"{esc(doc.published)} <span class='badge warn'>inferred</span>"
            else:
                when = f"{esc(doc.published)} <span class='muted'>({esc(basis)})</span>"
        else:
            when = "<span class='muted'>no date</span>"
        origin = data.origin(doc.id)
        shared = group_sizes[origin]
        group = f"{group_names[origin]}" + (f" ({shared} docs)" if shared > 1 else "")
        title = bdi(doc.title) if doc.title else "<span class='muted'>untitled</span>"
        rows.append(
            f"<tr id='doc-{esc(doc.id)}'><td>{bdi(data.outlets[doc.id], 'outlet')}</td>"
            f"<td><div class='doc-title'>{title}</div><div class='small'>{link}</div>"
            f"{_furniture(data, doc.id)}</td>"
            f"<td class='nowrap'>{when}</td><td title='{esc(origin)}'>{esc(group)}</td>"
            f"<td class='muted small'>{esc(doc.language or '?')} · {esc(doc.format)} · "
            f"{esc(doc.id)}</td></tr>"
        )
    skipped = ""
    if data.analysis.skipped:
        items = "".join(
            f"<li>{bdi(s.source)}: {esc(s.reason)}"
            + (f" <span class='muted'>[{esc(s.code)}]</span>" if s.code else "")
            + "</li>"
            for s in sorted(data.analysis.skipped, key=lambda s: (s.source, s.reason))
        )
        skipped = f"<h3>Inputs that could not be read</h3><ul class='skipped'>{items}</ul>"
    return (
        "<p class='lede'>Documents sharing an independence group (G1, G2 …) repeat one "
        "origin, such as a wire story or a syndicated copy.</p>"
        "<table class='data'><thead><tr><th>Outlet</th><th>Title and link</th>"
        "<th>Published</th><th>Group</th><th>Details</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + skipped
    )


def passages(data: ReportData) -> str:
    if not data.passages:
        return "<p class='na'>No passage is cited in this run.</p>"
    blocks = []
    for p in data.passages:
        doc = data.docs[p.doc]
        title = f" · {bdi(doc.title)}" if doc.title else ""
        lead = "… " if p.clipped_before else ""
        tail = " …" if p.clipped_after else ""
        blocks.append(
            f"<div class='passage' id='{p.anchor}' data-doc='{esc(p.doc)}' "
            f"data-start='{p.start}' data-end='{p.end}'>"
            f"<p class='passage-meta'>{bdi(data.outlets[p.doc], 'outlet')}{_date(doc.published)}"
            f"{title} <span class='muted'>characters {p.start}–{p.end}</span></p>"
            f"<p class='passage-text' dir='auto'>{lead}{esc(p.before)}<mark>{esc(p.marked)}</mark>"
            f"{esc(p.after)}{tail}</p></div>"
        )
    return (
        "<p class='lede'>Every cited passage in its context; the cited words are "
        "highlighted.</p>" + "".join(blocks)
    )
