"""Publication dates: from metadata, from a date line in the text, or inferred from the story.

Reads the documents of one story; returns them with ``published``, ``published_basis`` and
``published_confidence`` filled where the evidence supports a date. Metadata dates are kept
untouched; nothing is ever invented for a document with no evidence.

1. metadata: a document that already has ``published`` is left as it is;
2. text (``date_from_text``): a full date in the dateline segment, at the start of one of
   the first lines under the headline, or after a "Published/Posted/Updated" cue;
3. inferred (``estimate_publication_date``): for an undated document in a story with dated
   siblings, every day near the siblings' dates is tried as the anchor; the document's
   relative expressions ("on Friday", "last month", "early next year") are resolved against
   it and compared with the dates the dated siblings mention. The day that makes the most of
   them agree wins, ties going to the day nearest the siblings' dates. With no agreeing
   expression at all, no date is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..records import Document
from .times import CONTENT_KINDS, TimexMatch, parse_anchor, scan_times, scan_times_for_anchors

__all__ = ["PublicationEstimate", "date_from_text", "estimate_publication_date",
           "infer_publication_dates"]

#: Rules that read a full calendar date (with its year) without needing an anchor.
_FULL_DATE_RULES = frozenset({"date_mdy", "date_dmy", "date_iso", "date_numeric"})
#: Words that may stand before a date line ("Published: 10 June 2023", "By Jane Doe, June 9").
_CUE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|first\s+published|date|dated|created"
    r"|modified)\s*(?:on|at)?\s*[:\-–—]?\s*|by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s+[A-Za-z]+)?\s*[,|·\-–—]?\s*|[|·\-–—•]\s*)*",
    re.IGNORECASE,
)
_PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|first\s+published|last\s+updated|updated)\s*(?:on|at)?\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
#: How many lines under the headline may hold the date line, and how far into the text.
_HEAD_LINES = 3
_HEAD_CHARS = 600
#: Inference: days tried around the dated siblings, and how close a tie-break prefers.
_SEARCH_DAYS = 7
#: Confidence by the finest precision of an agreeing expression.
_PRECISION_CONFIDENCE = {"day": 0.7, "week": 0.6, "month": 0.5, "season": 0.45,
                         "quarter": 0.45, "year": 0.4}


@dataclass(frozen=True, slots=True)
class PublicationEstimate:
    """Why a document got (or did not get) an inferred publication date."""

    date: str | None
    """The chosen day ``YYYY-MM-DD``; None when the evidence supports none."""
    confidence: float | None
    earliest: str | None
    """First day equally consistent with the evidence."""
    latest: str | None
    """Last day equally consistent with the evidence."""
    evidence: tuple[str, ...] = ()
    """The document's expressions that agree with its dated siblings, as "text=value"."""


def _full_dates(text: str, start: int, end: int) -> list[TimexMatch]:
    found = scan_times(text, None, ranges=[(start, end)], only=_FULL_DATE_RULES)
    return [f for f in found if f.interval.precision == "day" and f.interval.start is not None]


def _head_lines(document: Document) -> list[tuple[int, int]]:
    """(start, end) of the first lines after the headline (or of the text's first lines)."""
    text = document.text
    begin = 0
    headlines = [s for s in document.segments if s.kind == "headline"]
    if headlines:
        begin = headlines[0].end
    elif document.segments:
        begin = document.segments[0].start
    lines: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text[begin : begin + _HEAD_CHARS]):
        if match.group().strip():
            lines.append((begin + match.start(), begin + match.end()))
    if not headlines and not document.segments and lines:
        lines = lines[1:]  # the first line of a plain text is its headline
    return lines[:_HEAD_LINES]


def date_from_text(document: Document) -> tuple[str, float] | None:
    """A publication date written in the text: (``YYYY-MM-DD``, confidence) or None.

    1. a full date in a dateline segment (0.9);
    2. a full date at the start of one of the first lines under the headline, after optional
       cues such as "Published:", "Updated" or a byline (0.8);
    3. a full date right after a "Published/Posted/Updated" cue anywhere in the text (0.75).
    Dates inside ordinary sentences are event dates and are never taken.
    """
    text = document.text
    for segment in document.segments:
        if segment.kind == "dateline":
            in_dateline = _full_dates(text, segment.start, segment.end)
            if in_dateline:
                assert in_dateline[0].interval.start is not None
                return in_dateline[0].interval.start.isoformat(), 0.9
    for start, end in _head_lines(document):
        line = text[start:end]
        cue = _CUE.match(line)
        offset = start + (cue.end() if cue else 0)
        for found in _full_dates(text, start, end):
            if found.extent_start == offset or (
                    found.extent_start < offset + 12 and re.fullmatch(
                        r"[\s,|·\-–—]*(?:[A-Z][a-z]+day,?\s*)?", text[offset : found.extent_start])):
                assert found.interval.start is not None
                return found.interval.start.isoformat(), 0.8
    for found in _full_dates(text, 0, len(text)):
        if _PUBLISHED_CUE.search(text, max(0, found.extent_start - 40), found.extent_start):
            assert found.interval.start is not None
            return found.interval.start.isoformat(), 0.75
    return None


def _content_ranges(document: Document) -> list[tuple[int, int]]:
    if not document.segments:
        return [(0, len(document.text))]
    return [(s.start, s.end) for s in document.segments if s.kind in CONTENT_KINDS]


def _sibling_values(documents: Sequence[tuple[Document, date]]) -> dict[str, str]:
    """Calendar values the dated documents mention (value -> precision)."""
    values: dict[str, str] = {}
    for document, anchor in documents:
        for found in scan_times(document.text, anchor, ranges=_content_ranges(document)):
            interval = found.interval
            if interval.type in ("DATE", "TIME") and interval.start is not None and \
                    interval.precision in _PRECISION_CONFIDENCE and \
                    not interval.value.endswith("_REF"):
                values[interval.value.split("T")[0]] = interval.precision
    return values


def estimate_publication_date(document: Document, siblings: Sequence[tuple[Document, date]]
                              ) -> PublicationEstimate:
    """Infer ``document``'s publication day from dated ``siblings`` (document, date) of its story."""
    if not siblings:
        return PublicationEstimate(None, None, None, None)
    known = [day for _, day in siblings]
    reference = _sibling_values(siblings)
    ranges = _content_ranges(document)
    first, last = min(known) - timedelta(days=_SEARCH_DAYS), max(known) + timedelta(days=_SEARCH_DAYS)
    scored: list[tuple[int, int, date, tuple[str, ...], float]] = []
    days = [first + timedelta(days=k) for k in range((last - first).days + 1)]
    resolved = scan_times_for_anchors(document.text, days, ranges=ranges)
    for candidate in days:
        agreeing: list[str] = []
        best_confidence = 0.0
        impossible = False
        for found in resolved[candidate]:
            interval = found.interval
            if interval.type not in ("DATE", "TIME") or interval.start is None or \
                    interval.value.endswith("_REF"):
                continue
            if not found.anchored:
                if interval.start > candidate and found.rule in _FULL_DATE_RULES | {"date_md",
                                                                                  "date_dm"}:
                    # A dated event after publication would have to be announced in the future
                    # tense; a report cannot describe it as past. Only full dates are checked.
                    impossible = impossible or _is_past_tense(document.text, found)
                continue
            value = interval.value.split("T")[0]
            if value in reference:
                agreeing.append(f"{document.text[found.extent_start:found.end]}={value}")
                best_confidence = max(best_confidence,
                                      _PRECISION_CONFIDENCE.get(interval.precision, 0.4))
        if not impossible:
            distance = min(abs((candidate - day).days) for day in known)
            scored.append((len(agreeing), -distance, candidate, tuple(agreeing), best_confidence))
    if not scored:
        return PublicationEstimate(None, None, None, None)
    best = max(scored, key=lambda s: (s[0], s[1], -s[2].toordinal()))
    if best[0] == 0:
        return PublicationEstimate(None, None, None, None)
    equal = sorted(s[2] for s in scored if s[0] == best[0] and abs(s[1]) <= 3)
    earliest, latest = (equal[0], equal[-1]) if equal else (best[2], best[2])
    # Wider windows of equally good days mean less confidence in the one chosen.
    confidence = round(best[4] * (1.0 if latest == earliest else 0.85), 2)
    return PublicationEstimate(best[2].isoformat(), confidence, earliest.isoformat(),
                               latest.isoformat(), best[3])


def _is_past_tense(text: str, found: TimexMatch) -> bool:
    before = text[max(0, found.extent_start - 60) : found.extent_start].lower()
    return bool(re.search(r"\b(?:was|were|had|did|said|took|happened|occurred|died|killed)\b",
                          before)) and not re.search(r"\b(?:will|would|scheduled|expected)\b",
                                                     before)


def infer_publication_dates(documents: Sequence[Document]) -> list[Document]:
    """Documents of ONE story, same order, with publication dates filled where supported.

    1. a document with ``published`` set keeps it untouched (``metadata`` when no basis is
       given);
    2. else ``date_from_text`` (basis ``text``);
    3. else ``estimate_publication_date`` against the documents dated by 1 or 2 (basis
       ``inferred``); no supporting expression, no date.
    """
    out: list[Document] = list(documents)
    dated: list[tuple[Document, date]] = []
    for index, document in enumerate(out):
        if document.published:
            day = parse_anchor(document.published)
            if document.published_basis is None:
                out[index] = document = replace(document, published_basis="metadata",
                                                published_confidence=document.published_confidence
                                                if document.published_confidence is not None
                                                else 1.0)
            if day is not None:
                dated.append((document, day))
            continue
        from_text = date_from_text(document)
        if from_text is not None:
            out[index] = document = replace(document, published=from_text[0],
                                            published_basis="text",
                                            published_confidence=from_text[1])
            dated.append((document, date.fromisoformat(from_text[0])))
    for index, document in enumerate(out):
        if document.published:
            continue
        estimate = estimate_publication_date(document, dated)
        if estimate.date is not None:
            out[index] = replace(document, published=estimate.date, published_basis="inferred",
                                 published_confidence=estimate.confidence)
    return out
