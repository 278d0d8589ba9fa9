"""The ``collation.json`` output contract (documented in docs/schema.md, validated by
``collation/schema/collation.schema.json``).

Per-document statements (``records.Claim``) are grouped into cross-document
propositions; the contract's ``claims`` are those propositions, each with the exact
wording of every supporting document under ``evidence``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

from . import __version__
from .records import Analysis, Claim, Entity, Proposition, Quantity, Span, TimeValue

SCHEMA_VERSION = "1.0.0"


def _span(s: Span) -> dict[str, Any]:
    return {"doc": s.doc, "start": s.start, "end": s.end, "text": s.text}


def _time(t: TimeValue) -> dict[str, Any]:
    return {
        "start": t.start,
        "end": t.end,
        "text": t.span.text,
        "value": t.value,
        "precision": t.precision,
        "modifier": t.modifier,
        "ambiguous": t.ambiguous,
        "note": t.note,
        "doc": t.span.doc,
        "offset": [t.span.start, t.span.end],
    }


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.span.text,
        "low": q.low,
        "high": q.high,
        "unit": q.unit,
        "dimension": q.dimension,
        "thing": q.thing,
        "hedge": q.hedge,
        "value": q.value,
        "doc": q.span.doc,
        "offset": [q.span.start, q.span.end],
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": [{"name": a.name, "docs": list(a.docs)} for a in e.aliases],
        "mentions": [_span(s) for s in e.mentions],
        "geo": None
        if e.geo is None
        else {
            "lat": e.geo.lat,
            "lon": e.geo.lon,
            "gazetteer_id": e.geo.gazetteer_id,
            "name": e.geo.name,
            "feature": e.geo.feature,
            "country": e.geo.country,
        },
        "resolution": e.resolution,
        "candidates": [
            {"lat": g.lat, "lon": g.lon, "gazetteer_id": g.gazetteer_id, "name": g.name, "country": g.country}
            for g in e.candidates
        ],
        "roles": [{"title": r.title, **_span(r.span)} for r in e.roles],
        "contained_in": list(e.contained_in),
        "metonym_for": e.metonym_for,
        "external_ids": list(e.external_ids),
    }


def _evidence(c: Claim) -> dict[str, Any]:
    first = c.chain[0] if c.chain else None
    return {
        **_span(c.span),
        "claim": c.id,
        "segment": c.segment,
        "speaker": first.entity if first else None,
        "speaker_text": first.source if first else None,
        "cue": first.cue if first else None,
        "chain": [{"source": a.source, "entity": a.entity, "cue": a.cue} for a in c.chain],
        "quote": c.quote,
        "quote_span": _span(c.quote_span) if c.quote_span else None,
        "modality": c.modality,
        "modality_cue": c.modality_cue,
        "polarity": c.polarity,
    }


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return sorted(v for v, n in counts.items() if n == best)[0]


def _proposition(p: Proposition, claims: dict[str, Claim]) -> dict[str, Any]:
    members = [claims[c] for c in p.claims if c in claims]
    modalities = sorted({c.modality for c in members})
    times = [t for c in members for t in c.times]
    quantities = sorted(
        {q for c in members for q in c.quantities}, key=lambda q: (q.span.doc, q.span.start, q.span.end)
    )
    return {
        "id": p.id,
        "text": p.text,
        "docs": list(p.docs),
        "evidence": [_evidence(c) for c in members],
        "speaker": _most_common(c.chain[0].entity if c.chain else None for c in members),
        "modality": modalities[0] if len(modalities) == 1 else "mixed",
        "modalities": modalities,
        "time": _time(times[0]) if times else None,
        "quantities": [_quantity(q) for q in quantities],
        "entities": sorted({e for c in members for e in (*c.entities, *c.places)}),
        "single_source": p.single_source,
        "independent_sources": len(p.origins),
        "origins": list(p.origins),
        "same_quote_variants": p.same_quote_variants,
    }


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The contract as a plain dict (key order fixed, lists sorted by the stages)."""
    claims = {c.id: c for c in analysis.claims}
    proposition_of = {cid: p.id for p in analysis.propositions for cid in p.claims}
    story_of = {d: s.id for s in analysis.stories for d in s.documents}
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"collation {__version__}",
        "documents": [
            {
                "id": d.id,
                "source": d.source,
                "title": d.title,
                "outlet": d.outlet,
                "url": d.url,
                "published": d.published,
                "published_basis": d.published_basis,
                "published_confidence": d.published_confidence,
                "language": d.language,
                "format": d.format,
                "author": d.author,
                "origin": analysis.origins.get(d.id),
                "story": story_of.get(d.id),
                "text": d.text,
                "segments": [
                    {"start": s.start, "end": s.end, "kind": s.kind, "reason": s.reason} for s in d.segments
                ],
            }
            for d in analysis.documents
        ],
        "entities": [_entity(e) for e in analysis.entities],
        "claims": [_proposition(p, claims) for p in analysis.propositions],
        "conflicts": [
            {
                "id": x.id,
                "kind": x.kind,
                "summary": x.summary,
                "claims": sorted({proposition_of.get(c, c) for c in x.claims}),
                "statements": list(x.claims),
                "values": [{**_span(v.span), "normalized": v.normalized} for v in x.values],
                "reference": x.reference,
            }
            for x in analysis.conflicts
        ],
        "timeline": [
            {
                "start": t.start,
                "end": t.end,
                "label": t.label,
                "precision": t.precision,
                "claims": sorted({proposition_of.get(c, c) for c in t.claims}),
                "docs": list(t.docs),
            }
            for t in analysis.timeline
        ],
        "stories": [
            {"id": s.id, "label": s.label, "start": s.start, "end": s.end, "documents": list(s.documents)}
            for s in analysis.stories
        ],
        "times": [_time(t) for t in analysis.times],
        "quantities": [_quantity(q) for q in analysis.quantities],
        "skipped": [{"source": s.source, "code": s.code, "reason": s.reason} for s in analysis.skipped],
    }


def dumps(data: dict[str, Any]) -> str:
    """Canonical serialisation: byte-identical for equal content."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (a copy lives in docs/)."""
    text = files("collation").joinpath("schema/collation.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
