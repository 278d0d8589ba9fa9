"""Injected-edit conflict evaluation: ``collate eval conflicts --data EVENT_FOLDER``.

Take one multi-outlet event, change one article in a controlled way, and see whether the
claims stage flags the change and what else it starts to report:

* number: a stated figure raised by 60 % ("about 900 km" -> "about 1,440 km");
* date: a weekday moved two days, a month moved three months, a year moved back two;
* place: a city swapped for a real city at least 1,000 km away;
* negation: "not" put after the first auxiliary of an asserted claim.

Each edit is applied alone. An edit is *flagged* when some conflict of the edited run has
a value whose span overlaps the edited characters; *spurious* conflicts are those of the
edited run that neither touch the edit nor existed before it. For each edit type the
target article is the one with the most editable places inside claims that other outlets
corroborate (ties: document id), because an edit nobody else reports on cannot contradict
anything except the gazetteer; recall is also given for "corroborated" edits only (the
edited claim's proposition has more than one origin in the unedited run).

Metrics: ``recall`` (flagged / edits), ``recall_expected_kind`` (flagged by the kind the
edit should produce), ``recall_corroborated``, ``spurious_per_edit``, per-edit-type recall,
plus throughput of the claim stages (claims/s, words/s) on the unedited corpus.
"""

from __future__ import annotations

import dataclasses
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError
from ..ids import document_id
from ..records import Claim, Conflict, Document, Entity, Proposition, Quantity, Segment, TimeValue

#: Edits tried per type (the first ones in text order), to bound the run time.
PER_TYPE = 3
#: Cities used for place swaps (the first far enough from the original is taken).
SWAP_CITIES = ("Lisbon", "Nairobi", "Osaka", "Lima", "Oslo", "Perth", "Montreal", "Cairo")
#: Kinds an edit of each type should produce.
EXPECTED = {
    "number": {"quantity", "reference", "place", "internal"},
    "date": {"time", "internal"},
    "place": {"place", "reference", "internal"},
    "negation": {"polarity", "internal"},
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_AUX = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must)\b(?! not)"
)


@dataclass
class ClaimRun:
    """Everything the claim stages produced for one corpus."""

    documents: list[Document]
    claims: list[Claim]
    propositions: list[Proposition]
    conflicts: list[Conflict]
    entities: list[Entity]
    origins: dict[str, str]
    times: list[TimeValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


class Analyser:
    """Runs the stages claims need, caching per-document work by document id."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._parsed: dict[str, Any] = {}
        self._per_doc: dict[str, tuple[list[Any], list[TimeValue], list[Quantity]]] = {}

    def run(self, documents: Sequence[Document]) -> ClaimRun:
        """1. parse, 2. mentions, times, quantities (when installed), 3. entities,
        4. claims, origins, propositions, conflicts."""
        from ..claims.align import align_claims
        from ..claims.conflicts import find_conflicts
        from ..claims.extract import extract_claims
        from ..claims.independence import document_origins
        from ..nlp.models import load_spacy
        from ..nlp.parse import parse_documents

        docs = sorted(documents, key=lambda d: d.id)
        # Publication dates anchor "on Tuesday" (the pipeline's pubdate stage).
        docs = sorted(
            _optional("collation.nlp.pubdate", "infer_publication_dates", docs, docs),
            key=lambda d: d.id,
        )
        seconds: dict[str, float] = {}
        t0 = time.perf_counter()
        todo = [d for d in docs if d.id not in self._parsed]
        if todo:
            parsed = parse_documents(todo, load_spacy(self.options.spacy_model))
            for d in todo:
                self._parsed[d.id] = parsed.get(d.id, [])
        seconds["parse"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        for d in docs:
            if d.id not in self._per_doc:
                self._per_doc[d.id] = (
                    _optional("collation.resolve.mentions", "extract_mentions", [], d, self._parsed[d.id]),
                    _optional("collation.nlp.times", "extract_times", [], d, d.published),
                    _optional("collation.nlp.quantities", "extract_quantities", [], d),
                )
        mentions = [m for d in docs for m in self._per_doc[d.id][0]]
        entities: list[Entity] = _optional(
            "collation.resolve.entities", "resolve_entities", [], docs, mentions, self.options
        )
        entity_of = _optional("collation.resolve.entities", "entity_index", {}, entities)
        seconds["entities"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = [
            c for d in docs for c in extract_claims(
                d, self._parsed[d.id], mentions=self._per_doc[d.id][0], entity_of=entity_of,
                times=self._per_doc[d.id][1], quantities=self._per_doc[d.id][2],
            )
        ]
        seconds["extract"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        duplicates = _optional("collation.stories.dedup", "near_duplicate_groups", None, docs)
        origins = document_origins(docs, duplicates)
        propositions = align_claims(claims, docs, origins, entities=entities, options=self.options)
        seconds["align"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        conflicts = find_conflicts(docs, claims, propositions, entities=entities)
        seconds["conflicts"] = time.perf_counter() - t0
        return ClaimRun(
            docs, claims, propositions, conflicts, entities, origins,
            [t for d in docs for t in self._per_doc[d.id][1]],
            [q for d in docs for q in self._per_doc[d.id][2]], seconds,
        )


def _optional(module: str, name: str, default: Any, *args: Any) -> Any:
    """Call an earlier stage if it is installed; its absence leaves the default."""
    import importlib

    try:
        func = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return default
    return func(*args)


def read_event(folder: Path, options: Options) -> list[Document]:
    """Documents of an event folder: the ingest and cleaning stages (1), else plain text
    files with the first line as headline and blank-line paragraphs as body (2)."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not paths:
        raise EvalError(f"no files in {folder}")
    try:  # 1. the library's own readers
        from ..clean import segment_document
        from ..ingest import read_inputs
        from ..records import Skipped

        docs = [
            segment_document(d) for d in read_inputs([str(p) for p in paths], options)
            if not isinstance(d, Skipped)
        ]
        if docs:
            return sorted(docs, key=lambda d: d.id)
    except ImportError:
        pass
    docs = []  # 2. plain text
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8", errors="replace"))
        text = text.replace("\r\n", "\n")
        docs.append(_plain_document(text, path.name))
    return sorted(docs, key=lambda d: d.id)


def _plain_document(text: str, source: str) -> Document:
    segments = []
    for k, match in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        segments.append(Segment(match.start(), match.end(), "headline" if k == 0 else "body"))
    return Document(
        id=document_id(text), source=source, title=text.split("\n", 1)[0], outlet=source,
        url=None, published=None, published_basis=None, language="en", text=text,
        segments=tuple(segments),
    )


@dataclass(frozen=True)
class Edit:
    """One controlled change: replace ``text[start:end]`` of one document by ``new``."""

    kind: str
    doc: str
    start: int
    end: int
    new: str
    claim: str
    """Id of the claim that held the edited characters in the unedited run."""

    @property
    def delta(self) -> int:
        return len(self.new) - (self.end - self.start)


def apply_edit(document: Document, edit: Edit) -> Document:
    """The edited document: new text, new id, segments shifted around the edit."""
    text = document.text[: edit.start] + edit.new + document.text[edit.end :]
    segments = []
    for seg in document.segments:
        start = seg.start + (edit.delta if seg.start >= edit.end else 0)
        end = seg.end + (edit.delta if seg.end >= edit.end else 0)
        segments.append(dataclasses.replace(seg, start=start, end=max(start, end)))
    return dataclasses.replace(document, id=document_id(text), text=text, segments=tuple(segments))


def _scaled(text: str) -> str | None:
    """``text`` with its written number raised by 60 %, keeping its style ("1,100" ->
    "1,760", "14 million" -> "22.4 million"); None when no digits are written."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if match is None:
        return None
    written = float(match.group().replace(",", ""))
    new = written * 1.6
    if "." in match.group() or new != int(new) and new < 100:
        shown = f"{new:.1f}"
    elif "," in match.group() or new >= 10000:
        shown = f"{new:,.0f}"
    else:
        shown = f"{new:.0f}"
    return text[: match.start()] + shown + text[match.end() :]


def plan_edits(run: ClaimRun, target: Document, limit: int = PER_TYPE) -> list[Edit]:
    """Candidate edits of each type in ``target``, at most ``limit`` each, text order."""
    claims = sorted((c for c in run.claims if c.span.doc == target.id), key=lambda c: c.span.start)

    def claim_at(start: int, end: int) -> Claim | None:
        return next((c for c in claims if c.span.start <= start and end <= c.span.end), None)

    edits: list[Edit] = []
    # number
    numbers = []
    for q in sorted((q for q in run.quantities if q.span.doc == target.id), key=lambda q: q.span.start):
        claim = claim_at(q.span.start, q.span.end)
        if claim is None:
            continue
        new = _scaled(q.span.text)
        if new and new != q.span.text:
            numbers.append(Edit("number", target.id, q.span.start, q.span.end, new, claim.id))
    edits += numbers[:limit]
    # date
    dates = []
    for t in sorted((t for t in run.times if t.span.doc == target.id), key=lambda t: t.span.start):
        claim = claim_at(t.span.start, t.span.end)
        new = _shifted(t.span.text)
        if claim is not None and new is not None:
            dates.append(Edit("date", target.id, t.span.start, t.span.end, new, claim.id))
    edits += dates[:limit]
    # place
    edits += _place_edits(run, target, claim_at)[:limit]
    # negation: asserted claims that others corroborate first
    shared = {cid for p in run.propositions if len(p.origins) > 1 for cid in p.claims}
    negs = []
    for claim in sorted(claims, key=lambda c: (c.id not in shared, c.span.start)):
        if claim.polarity != "positive" or claim.quote == "direct":
            continue
        match = _AUX.search(claim.span.text)
        if match is None:
            continue
        pos = claim.span.start + match.end()
        negs.append(Edit("negation", target.id, pos, pos, " not", claim.id))
    edits += negs[:limit]
    return edits


def _shifted(text: str) -> str | None:
    for k, day in enumerate(_WEEKDAYS):
        if re.search(rf"\b{day}\b", text):
            return re.sub(rf"\b{day}\b", _WEEKDAYS[(k + 2) % 7], text)
    for k, month in enumerate(_MONTHS):
        if re.search(rf"\b{month}\b", text):
            return re.sub(rf"\b{month}\b", _MONTHS[(k + 3) % 12], text)
    match = re.search(r"\b(19|20)\d\d\b", text)
    if match:
        return text[: match.start()] + str(int(match.group()) - 2) + text[match.end() :]
    return None


def _place_edits(run: ClaimRun, target: Document, claim_at: Any) -> list[Edit]:
    from ..claims.conflict_rules import distance_km

    try:
        from ..resolve.gazetteer import default_gazetteer
    except ImportError:  # no gazetteer: no place swaps
        return []
    gaz = default_gazetteer()
    named = {a.name.lower() for e in run.entities for a in e.aliases}
    out = []
    spans = sorted(
        ((s, e) for e in run.entities if e.geo is not None and e.geo.feature == "city"
         for s in e.mentions if s.doc == target.id),
        key=lambda x: x[0].start,
    )
    for span, entity in spans:
        claim = claim_at(span.start, span.end)
        if claim is None or entity.geo is None:
            continue
        for city in SWAP_CITIES:
            found = gaz.lookup(city)
            if city.lower() in named or not found:
                continue
            if distance_km(found[0], entity.geo) >= 1000:
                out.append(Edit("place", target.id, span.start, span.end, city, claim.id))
                break
    return out


def _signature(conflict: Conflict, shift: Mapping[str, tuple[str, Edit]]) -> tuple[Any, ...]:
    """A conflict's identity with the edited document's offsets mapped back."""
    parts = []
    for v in conflict.values:
        doc, start = v.span.doc, v.span.start
        mapped = shift.get(v.span.doc)
        if mapped is not None:
            doc, edit = mapped
            if start >= edit.start + len(edit.new):
                start -= edit.delta
        parts.append((doc, start))
    return (conflict.kind, tuple(sorted(parts)))


def _kin(sig: tuple[Any, ...], base: set[tuple[Any, ...]]) -> bool:
    kind, values = sig
    return any(k == kind and set(values) & set(v) for k, v in base)


def _touches(conflict: Conflict, doc: str, lo: int, hi: int) -> bool:
    return any(v.span.doc == doc and v.span.start < hi and lo < v.span.end for v in conflict.values)


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score injected edits on an event folder (see the module docstring)."""
    folder = Path(data)
    if not folder.is_dir():
        raise EvalError(f"--data {folder} must be a folder of articles about one event")
    documents = read_event(folder, options)
    if len(documents) < 2:
        raise EvalError("need at least two articles about one event")
    analyser = Analyser(options)
    analyser.run(documents)  # warm models and per-document caches before timing
    analyser._per_doc.clear()
    analyser._parsed.clear()
    from ..claims.common import clear_embedding_cache

    clear_embedding_cache()
    started = time.perf_counter()
    base = analyser.run(documents)
    base_seconds = time.perf_counter() - started
    claim_stage = sum(base.seconds[k] for k in ("extract", "align", "conflicts"))
    words = sum(len(d.text.split()) for d in documents)
    limit = int(kwargs.get("per_type", PER_TYPE))
    corroborated = {cid for p in base.propositions if len(p.origins) > 1 for cid in p.claims}
    edits = []
    targets: dict[str, str] = {}
    for kind in EXPECTED:
        # Per edit type, the article with the most corroborated places to edit.
        best: tuple[int, str] | None = None
        chosen: list[Edit] = []
        for document in documents:
            planned = [e for e in plan_edits(base, document, 1000) if e.kind == kind]
            planned.sort(key=lambda e: (e.claim not in corroborated, e.start))
            score = (sum(e.claim in corroborated for e in planned[:limit]), document.id)
            if planned and (best is None or score > best):
                best, chosen = score, planned[:limit]
        if chosen:
            targets[kind] = next(d.source for d in documents if d.id == chosen[0].doc)
        edits += chosen
    base_sigs = {_signature(c, {}) for c in base.conflicts}
    by_id = {d.id: d for d in documents}
    results: list[dict[str, Any]] = []
    for edit in edits:
        target = by_id[edit.doc]
        edited = apply_edit(target, edit)
        docs = [edited if d.id == target.id else d for d in documents]
        run = analyser.run(docs)
        lo, hi = edit.start, edit.start + len(edit.new)
        touching = [c for c in run.conflicts if _touches(c, edited.id, lo, hi)]
        shift = {edited.id: (target.id, edit)}
        # New conflicts away from the edit; a baseline conflict that merely gained or lost
        # a value (it shares a value with one of the same kind) is not new.
        spurious = [
            c for c in run.conflicts
            if c not in touching and not _kin(_signature(c, shift), base_sigs)
        ]
        results.append({
            "kind": edit.kind,
            "old": target.text[edit.start : edit.end],
            "new": edit.new,
            "flagged": bool(touching),
            "expected_kind": any(c.kind in EXPECTED[edit.kind] for c in touching),
            "corroborated": edit.claim in corroborated,
            "kinds": sorted({c.kind for c in touching}),
            "spurious": len(spurious),
        })
    n = len(results)
    corr = [r for r in results if r["corroborated"]]
    out: dict[str, Any] = {
        "documents": len(documents),
        "targets": targets,
        "edits": n,
        "baseline_conflicts": len(base.conflicts),
        "recall": sum(r["flagged"] for r in results) / n if n else 0.0,
        "recall_expected_kind": sum(r["expected_kind"] for r in results) / n if n else 0.0,
        "corroborated_edits": len(corr),
        "recall_corroborated": sum(r["flagged"] for r in corr) / len(corr) if corr else 0.0,
        "spurious_per_edit": sum(r["spurious"] for r in results) / n if n else 0.0,
        "claims": len(base.claims),
        "claims_per_second": len(base.claims) / claim_stage if claim_stage else 0.0,
        "words_per_second": words / claim_stage if claim_stage else 0.0,
        "pipeline_seconds": base_seconds,
        "stage_seconds": {k: round(v, 3) for k, v in base.seconds.items()},
        "per_edit": results,
    }
    for kind in EXPECTED:
        rs = [r for r in results if r["kind"] == kind]
        out[f"recall_{kind}"] = sum(r["flagged"] for r in rs) / len(rs) if rs else 0.0
        out[f"edits_{kind}"] = len(rs)
    return out
