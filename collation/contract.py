"""The ``collation.json`` output contract (documented in docs/schema.md, validated by
``collation/schema/collation.schema.json``).

Per-document statements (``records.Claim``) are grouped into cross-document
propositions; the contract's ``claims`` are those propositions, each with the exact
wording of every supporting document under ``evidence``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from . import __version__
from .records import (
    Analysis,
    Claim,
    Conflict,
    Document,
    Entity,
    Proposition,
    Quantity,
    Skipped,
    Span,
    Story,
    TimelineEntry,
    TimeValue,
)

SCHEMA_VERSION = "1.0.0"


def _span(s: Span) -> dict[str, Any]:
    return {"doc": s.doc, "start": s.start, "end": s.end, "text": s.text}


def time_json(t: TimeValue) -> dict[str, Any]:
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


def quantity_json(q: Quantity) -> dict[str, Any]:
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


def entity_json(e: Entity) -> dict[str, Any]:
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


def proposition_json(p: Proposition, claims: dict[str, Claim]) -> dict[str, Any]:
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
        "time": time_json(times[0]) if times else None,
        "quantities": [quantity_json(q) for q in quantities],
        "entities": sorted({e for c in members for e in (*c.entities, *c.places)}),
        "single_source": p.single_source,
        "independent_sources": len(p.origins),
        "origins": list(p.origins),
        "same_quote_variants": p.same_quote_variants,
    }


def document_json(d: Document, origin: str | None, story: str | None) -> dict[str, Any]:
    """One entry of ``documents``."""
    return {
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
        "origin": origin,
        "story": story,
        "text": d.text,
        "segments": [
            {"start": s.start, "end": s.end, "kind": s.kind, "reason": s.reason} for s in d.segments
        ],
    }


def conflict_json(x: Conflict, proposition_of: Mapping[str, str]) -> dict[str, Any]:
    """One entry of ``conflicts``; ``proposition_of`` maps its claims to propositions."""
    return {
        "id": x.id,
        "kind": x.kind,
        "summary": x.summary,
        "claims": sorted({proposition_of.get(c, c) for c in x.claims}),
        "statements": list(x.claims),
        "values": [{**_span(v.span), "normalized": v.normalized} for v in x.values],
        "reference": x.reference,
    }


def timeline_json(t: TimelineEntry, proposition_of: Mapping[str, str]) -> dict[str, Any]:
    """One entry of ``timeline``."""
    return {
        "start": t.start,
        "end": t.end,
        "label": t.label,
        "precision": t.precision,
        "claims": sorted({proposition_of.get(c, c) for c in t.claims}),
        "docs": list(t.docs),
    }


def story_json(s: Story) -> dict[str, Any]:
    """One entry of ``stories``."""
    return {"id": s.id, "label": s.label, "start": s.start, "end": s.end, "documents": list(s.documents)}


def skipped_json(s: Skipped) -> dict[str, Any]:
    """One entry of ``skipped``."""
    return {"source": s.source, "code": s.code, "reason": s.reason}


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    """The contract as a plain dict (key order fixed, lists sorted by the stages)."""
    claims = {c.id: c for c in analysis.claims}
    proposition_of = {cid: p.id for p in analysis.propositions for cid in p.claims}
    story_of = {d: s.id for s in analysis.stories for d in s.documents}
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"collation {__version__}",
        "documents": [
            document_json(d, analysis.origins.get(d.id), story_of.get(d.id))
            for d in analysis.documents
        ],
        "entities": [entity_json(e) for e in analysis.entities],
        "claims": [proposition_json(p, claims) for p in analysis.propositions],
        "conflicts": [conflict_json(x, proposition_of) for x in analysis.conflicts],
        "timeline": [timeline_json(t, proposition_of) for t in analysis.timeline],
        "stories": [story_json(s) for s in analysis.stories],
        "times": [time_json(t) for t in analysis.times],
        "quantities": [quantity_json(q) for q in analysis.quantities],
        "skipped": [skipped_json(s) for s in analysis.skipped],
    }


def write_json(path: Path, sections: Iterable[tuple[str, Any]]) -> Path:
    """Write ``{key: value, ...}`` to ``path`` exactly as ``dumps`` would, streaming.

    A value that is an iterator (not a list) is written item by item, so a section of
    any size never has to be held in memory at once.
    """
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("{")
        for number, (key, value) in enumerate(sections):
            fh.write(("," if number else "") + "\n  " + json.dumps(key, ensure_ascii=False) + ": ")
            if not isinstance(value, Iterator):
                fh.write(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  "))
                continue
            empty = True
            for item in value:
                # Newlines inside strings are escaped, so every raw newline is layout.
                text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
                fh.write(("[\n    " if empty else ",\n    ") + text)
                empty = False
            fh.write("[]" if empty else "\n  ]")
        fh.write("\n}\n")
    return path


def dumps(data: dict[str, Any]) -> str:
    """Canonical serialisation: byte-identical for equal content."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema shipped with the package (a copy lives in docs/)."""
    text = files("collation").joinpath("schema/collation.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
