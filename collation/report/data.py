"""What every report format shows, computed once from an ``Analysis``.

The HTML page, the Markdown file and the exports all read this view, so the three
agree on ordering, on which outlet a document belongs to and on what is cited. Nothing
here re-runs language processing: every citation is built from a span a stage recorded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..records import (
    CONFLICT_KINDS,
    Analysis,
    Claim,
    Conflict,
    Document,
    Entity,
    Proposition,
    Span,
    TimelineEntry,
)
from .escape import one_line, safe_id

#: Entity types drawn as places on the map.
PLACE_TYPES = ("GPE", "LOC", "FAC")
#: Characters of context shown on each side of a cited passage.
CONTEXT_CHARS = 320


def outlet_of(doc: Document) -> str:
    """Display name of a document's outlet: the outlet, else the URL host, else the file."""
    if doc.outlet and doc.outlet.strip():
        return one_line(doc.outlet)
    if doc.url:
        try:
            host = urlsplit(doc.url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    name = PurePosixPath(doc.source.replace("\\", "/")).name
    return one_line(name) or doc.id


def anchor_for(doc: str, start: int, end: int) -> str:
    """Fragment id of the passage block for one span (``src-DOC-START-END``)."""
    return f"src-{safe_id(doc)}-{start}-{end}"


@dataclass(frozen=True)
class Citation:
    """One cited stretch of one document, as shown next to a sentence."""

    doc: str
    start: int
    end: int
    text: str
    """Exact characters of ``Document.text[start:end]``."""
    outlet: str
    published: str | None
    anchor: str
    stance: str = ""
    """How the cited claim states it, when not plainly: denied, hedged, future, negated."""


def stance_of(claim: Claim) -> str:
    """A short word for a claim that does not simply assert (shown next to its citation,
    so a denial is never read as support)."""
    if claim.polarity == "negative" or claim.modality == "negated":
        return "denied"
    if claim.modality in ("hedged", "future"):
        return claim.modality
    return ""


@dataclass(frozen=True)
class Passage:
    """A cited span with the text around it, for the source-passage blocks."""

    anchor: str
    doc: str
    start: int
    end: int
    before: str
    marked: str
    after: str
    clipped_before: bool
    clipped_after: bool


@dataclass(frozen=True)
class AccountItem:
    """One proposition with the citations that back it."""

    proposition: Proposition
    citations: tuple[Citation, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class ConflictRow:
    """One disagreement, its values paired with the outlet that worded each."""

    conflict: Conflict
    values: tuple[tuple[Citation, str], ...]
    """(citation of the worded value, normalised value), sorted by outlet."""


def _context_bounds(text: str, start: int, end: int, radius: int) -> tuple[int, int]:
    """Extend a span to its paragraph, but never more than ``radius`` characters each way,
    stopping at a word boundary so a passage does not open mid-word."""
    lo = max(0, start - radius)
    para = text.rfind("\n\n", lo, start)
    if para != -1:
        lo = para + 2
    elif lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    hi = min(len(text), end + radius)
    para = text.find("\n\n", end, hi)
    if para != -1:
        hi = para
    elif hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    return lo, hi


def _cut_mid_paragraph(text: str, lo: int, hi: int) -> tuple[bool, bool]:
    """Whether a passage [lo, hi) starts or ends inside a paragraph (shown as "…")."""
    before = lo > 0 and not text[:lo].endswith("\n\n")
    after = hi < len(text) and not text[hi:].startswith("\n\n")
    return before, after


class ReportData:
    """Lookups and ordered views over one analysis, shared by every writer."""

    def __init__(self, analysis: Analysis, title: str | None = None) -> None:
        self.analysis = analysis
        self.title_override = title
        self.docs: dict[str, Document] = {d.id: d for d in analysis.documents}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        self.entities: dict[str, Entity] = {e.id: e for e in analysis.entities}
        self.outlets: dict[str, str] = {d.id: outlet_of(d) for d in analysis.documents}

    # Documents and header -------------------------------------------------------------

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """Documents by outlet, then date, then id."""
        return tuple(
            sorted(
                self.analysis.documents,
                key=lambda d: (self.outlets[d.id].casefold(), d.published or "", d.id),
            )
        )

    def origin(self, doc: str) -> str:
        """Independence group of a document (a document without one is its own group)."""
        return self.analysis.origins.get(doc, doc)

    @cached_property
    def outlet_names(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.outlets.values()), key=str.casefold))

    @cached_property
    def origin_count(self) -> int:
        return len({self.origin(d.id) for d in self.analysis.documents})

    @cached_property
    def title(self) -> str:
        """Story label: the caller's title, the single story's label, or a generic one."""
        if self.title_override:
            return one_line(self.title_override)
        stories = self.analysis.stories
        if len(stories) == 1 and stories[0].label.strip():
            return one_line(stories[0].label)
        n = len(self.analysis.documents)
        return f"Collated report: {n} document{'s' if n != 1 else ''}"

    @cached_property
    def period(self) -> tuple[str | None, str | None]:
        """First and last day the corpus covers: story bounds, else publication dates."""
        stories = self.analysis.stories
        if len(stories) == 1 and (stories[0].start or stories[0].end):
            return stories[0].start, stories[0].end
        dates = sorted(d.published for d in self.analysis.documents if d.published)
        if dates:
            return dates[0], dates[-1]
        return None, None

    # Citations --------------------------------------------------------------------------

    def citation(self, span: Span) -> Citation | None:
        """Citation for a span, or None when the span does not slice its document."""
        doc = self.docs.get(span.doc)
        if doc is None or not (0 <= span.start < span.end <= len(doc.text)):
            return None
        text = doc.text[span.start : span.end]
        return Citation(
            doc=span.doc,
            start=span.start,
            end=span.end,
            text=text,
            outlet=self.outlets[span.doc],
            published=doc.published,
            anchor=anchor_for(span.doc, span.start, span.end),
        )

    def _sorted_citations(self, spans: list[tuple[Span, str]]) -> tuple[Citation, ...]:
        cites = {}
        for span, stance in spans:
            cite = self.citation(span)
            if cite is not None:
                cites[cite.anchor] = replace(cite, stance=stance)
        return tuple(
            sorted(
                cites.values(),
                key=lambda c: (c.outlet.casefold(), c.published or "", c.doc, c.start, c.end),
            )
        )

    def _account_item(self, prop: Proposition) -> AccountItem:
        claims = [self.claims[c] for c in sorted(prop.claims) if c in self.claims]
        cites = self._sorted_citations([(c.span, stance_of(c)) for c in claims])
        outlets = tuple(sorted({c.outlet for c in cites}, key=str.casefold))
        return AccountItem(prop, cites, outlets)

    @cached_property
    def account(self) -> tuple[AccountItem, ...]:
        """Propositions carried by more than one source, best supported first.

        A proposition whose claims cannot be cited is left out: the report never shows a
        sentence without the words that back it.
        """
        items = [self._account_item(p) for p in self.analysis.propositions if not p.single_source]
        items = [i for i in items if i.citations]
        return tuple(
            sorted(
                items,
                key=lambda i: (
                    -len(set(i.proposition.origins)),
                    -len(i.outlets),
                    -len(i.citations),
                    # then in story order: what articles say first comes first
                    min(c.start for c in i.citations),
                    i.proposition.text.casefold(),
                    i.proposition.id,
                ),
            )
        )

    @cached_property
    def single_source(self) -> tuple[AccountItem, ...]:
        """Single-source propositions, by outlet then wording."""
        items = [self._account_item(p) for p in self.analysis.propositions if p.single_source]
        items = [i for i in items if i.citations]
        return tuple(
            sorted(
                items,
                key=lambda i: (
                    i.outlets[0].casefold() if i.outlets else "",
                    i.proposition.text.casefold(),
                    i.proposition.id,
                ),
            )
        )

    @cached_property
    def conflicts(self) -> tuple[ConflictRow, ...]:
        rows = []
        for conflict in self.analysis.conflicts:
            values = []
            for value in conflict.values:
                cite = self.citation(value.span)
                if cite is not None:
                    values.append((cite, value.normalized))
            values.sort(key=lambda v: (v[0].outlet.casefold(), v[1], v[0].doc, v[0].start))
            rows.append(ConflictRow(conflict, tuple(values)))
        kinds = {k: i for i, k in enumerate(CONFLICT_KINDS)}
        rows.sort(key=lambda r: (kinds.get(r.conflict.kind, 9), r.conflict.kind, r.conflict.id))
        return tuple(rows)

    @cached_property
    def cited(self) -> tuple[Citation, ...]:
        """Every citation any section shows, once each, in document order."""
        seen: dict[str, Citation] = {}
        for item in self.account + self.single_source:
            for cite in item.citations:
                seen.setdefault(cite.anchor, cite)
        for row in self.conflicts:
            for cite, _ in row.values:
                seen.setdefault(cite.anchor, cite)
        order = {d.id: i for i, d in enumerate(self.documents)}
        return tuple(sorted(seen.values(), key=lambda c: (order[c.doc], c.start, c.end)))

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        out = []
        for cite in self.cited:
            text = self.docs[cite.doc].text
            lo, hi = _context_bounds(text, cite.start, cite.end, CONTEXT_CHARS)
            cut_before, cut_after = _cut_mid_paragraph(text, lo, hi)
            out.append(
                Passage(
                    anchor=cite.anchor,
                    doc=cite.doc,
                    start=cite.start,
                    end=cite.end,
                    before=text[lo : cite.start],
                    marked=text[cite.start : cite.end],
                    after=text[cite.end : hi],
                    clipped_before=cut_before,
                    clipped_after=cut_after,
                )
            )
        return tuple(out)

    # Entities ---------------------------------------------------------------------------

    @cached_property
    def entity_list(self) -> tuple[Entity, ...]:
        """Entities by type, then number of mentions (most first), then name."""
        return tuple(
            sorted(
                self.analysis.entities,
                key=lambda e: (e.type, -len(e.mentions), e.name.casefold(), e.id),
            )
        )

    def alias_outlets(self, entity: Entity) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each surface name of an entity with the outlets that used it."""
        rows = []
        for alias in entity.aliases:
            outlets = sorted({self.outlets.get(d, d) for d in alias.docs}, key=str.casefold)
            rows.append((alias.name, tuple(outlets)))
        rows.sort(key=lambda r: (-len(r[1]), r[0].casefold(), r[0]))
        return tuple(rows)

    def entity_docs(self, entity: Entity) -> tuple[str, ...]:
        docs = {m.doc for m in entity.mentions} | {d for a in entity.aliases for d in a.docs}
        return tuple(sorted(docs))

    @cached_property
    def places(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entity_list if e.type in PLACE_TYPES)

    @cached_property
    def resolved_places(self) -> tuple[Entity, ...]:
        """Places with coordinates the resolver was confident about: one map marker each."""
        return tuple(
            sorted(
                (e for e in self.places if e.geo is not None and e.resolution == "resolved"),
                key=lambda e: (e.name.casefold(), e.id),
            )
        )

    @cached_property
    def unresolved_places(self) -> tuple[Entity, ...]:
        marked = {e.id for e in self.resolved_places}
        return tuple(
            sorted(
                (e for e in self.places if e.id not in marked),
                key=lambda e: (e.name.casefold(), e.id),
            )
        )

    # Timeline ---------------------------------------------------------------------------

    @cached_property
    def timeline(self) -> tuple[tuple[TimelineEntry, ...], bool]:
        """Timeline entries, and whether they were derived from raw time expressions
        because the timeline stage left none."""
        if self.analysis.timeline:
            entries = sorted(
                self.analysis.timeline,
                key=lambda t: (t.start or "", t.end or "", t.label.casefold(), t.claims),
            )
            return tuple(entries), False
        grouped: dict[tuple[str | None, str | None, str], list[str]] = defaultdict(list)
        labels: dict[tuple[str | None, str | None, str], str] = {}
        for tv in self.analysis.times:
            if tv.start is None and tv.end is None:
                continue
            key = (tv.start, tv.end, tv.precision)
            grouped[key].append(tv.span.doc)
            labels.setdefault(key, tv.value)
        derived = [
            TimelineEntry(
                start=k[0],
                end=k[1],
                label=labels[k],
                precision=k[2],
                claims=(),
                docs=tuple(sorted(set(docs))),
            )
            for k, docs in grouped.items()
        ]
        derived.sort(key=lambda t: (t.start or "", t.end or "", t.label, t.precision))
        return tuple(derived), bool(derived)
