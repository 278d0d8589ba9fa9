"""Parse a document's non-boilerplate segments with spaCy, keeping document offsets.

Input: ``Document`` with segments. Output: ``ParsedSegment`` list, one per headline,
dateline, caption or body segment. Headlines and captions are parsed on their own
because title case and photo credits mislead the tagger when glued to body text.
A token's document offset is ``parsed.offset + token.idx``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Document, Segment

#: Segment kinds that carry article content worth parsing.
PARSED_KINDS = ("headline", "dateline", "body", "caption")


@dataclass(frozen=True)
class ParsedSegment:
    """A spaCy ``Doc`` for one segment of one document."""

    doc_id: str
    segment: Segment
    offset: int
    """Document offset of the segment's first character (== ``segment.start``)."""
    parsed: Any
    """The spaCy ``Doc``."""


def _units(documents: Iterable[Document]) -> Iterator[tuple[str, Segment, str]]:
    for document in documents:
        for segment in document.segments:
            if segment.kind in PARSED_KINDS and segment.end > segment.start:
                yield document.id, segment, document.text[segment.start : segment.end]


def parse_documents(
    documents: Iterable[Document], nlp: Any, *, batch_size: int = 64, n_process: int = 1
) -> dict[str, list[ParsedSegment]]:
    """Parse every content segment; returns doc id -> parsed segments in text order."""
    units = list(_units(documents))
    out: dict[str, list[ParsedSegment]] = {}
    texts = (text for _, _, text in units)
    for (doc_id, segment, _), parsed in zip(
        units, nlp.pipe(texts, batch_size=batch_size, n_process=n_process), strict=True
    ):
        out.setdefault(doc_id, []).append(ParsedSegment(doc_id, segment, segment.start, parsed))
    return out
