"""Cleaning stage: label every stretch of a document as headline, dateline, body, caption or
boilerplate, without deleting anything.

Reads: ``Document.text`` (plus ``title`` and ``outlet`` as hints). Adds: ``Document.segments``,
sorted, non-overlapping, trimmed of whitespace, and covering every non-whitespace character
exactly once, each with a short ``reason`` code (see docs/cleaning.md). Later stages parse
only headline, dateline, body and caption segments and make claims only from headline and
body, so page furniture never becomes a claim while its offsets stay available.

The stage works per document and needs no model: it is a cascade of line rules
(``rules.py``), caption and glue rules (``captions.py``), date rules (``dates.py``) and rules
that look at neighbouring lines (``context.py``).
"""

from __future__ import annotations

import dataclasses
import re

from ..errors import StageError
from ..records import SEGMENT_KINDS, Document, Segment
from . import context
from .captions import credit_tail_start, glue_points, has_credit, is_caption
from .dates import is_date_only
from .pieces import Piece, core, n_words, split_lines, split_piece
from .rules import line_rule

__all__ = ["segment_document", "segment_text"]

#: Before this many words, a line that ends in a credit is one caption; past it, the credit
#: is split off and the rest stays body (a paragraph with "Photo: AP" glued to its end).
_CAPTION_MAX_WORDS = 60
_COPYRIGHT_OPEN_RE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_LINK_ONLY_RE = re.compile(r"^\[[^\]]+\]\([^)]*\)$")
_MD_IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")


def segment_document(document: Document) -> Document:
    """Return ``document`` with ``segments`` labelling all of its text (nothing deleted)."""
    segments = segment_text(document.text, title=document.title, outlet=document.outlet)
    return dataclasses.replace(document, segments=segments)


def segment_text(
    text: str, *, title: str | None = None, outlet: str | None = None
) -> tuple[Segment, ...]:
    """Segments for ``text``; offsets refer to ``text``. See ``segment_document``.

    The steps, in order (each only labels pieces that are still unlabelled):

    1. split the text into trimmed lines;
    2. find the headline (the title, or a headline-like first line) and split a trailing
       site/section label off it; lines above it are navigation;
    3. under the headline: a repeated title, date lines, a date glued to the next line;
    4. line by line: page furniture, date lines, captions (splitting captions glued onto
       sentences and credits glued onto paragraphs);
    5. neighbours: repeated captions and credits, author bio, related-article lists,
       newsletter/comment boxes, comment sections, section labels;
    6. a wire dateline opening the first paragraph;
    7. short labels before the headline or after the last paragraph;
    8. the rest is body (short lines between paragraphs are subheads), and hard-wrapped
       lines of one paragraph are joined.
    """
    lines = split_lines(text)
    pieces = [Piece(line.start, line.end, line.index) for line in lines]
    # 2
    first_free = 0
    found = context.find_headline(text, lines, title, _is_furniture)
    if found is not None:
        line_index, end = found
        k = next(i for i, p in enumerate(pieces) if p.line == line_index)
        pieces = context.label_headline(
            text, pieces, k, end, outlet, by_title=bool(title and title.strip())
        )
        first_free = 1 + max(i for i, p in enumerate(pieces) if p.line == line_index)
    # 3
    pieces = context.label_header_zone(text, pieces, first_free)
    # 4
    labelled: list[Piece] = []
    for piece in pieces:
        labelled.extend(_classify(text, piece) if piece.free else [piece])
    pieces = labelled
    # 5
    context.label_repeated_captions(text, pieces)
    context.label_related_blocks(text, pieces)
    context.label_author_bio(text, pieces)
    context.label_box_blocks(text, pieces, lines)
    context.label_furniture_boxes(text, pieces)
    context.label_comment_tail(text, pieces)
    context.label_section_labels(text, pieces)
    # 6
    pieces = context.label_wire_dateline(text, pieces)
    # 7
    context.label_edges(text, pieces)
    # 8
    context.label_body(text, pieces)
    pieces = context.merge_wrapped(text, pieces, lines)
    segments = tuple(Segment(p.start, p.end, p.kind or "body", p.reason) for p in pieces)
    _check(text, segments)
    return segments


def _is_furniture(text: str) -> bool:
    return line_rule(text) is not None


def _classify(text: str, piece: Piece) -> list[Piece]:
    """Line rules for one unlabelled piece; may split it into several pieces.

    1. page furniture recognised from the line alone (``rules.line_rule``);
    2. a line that is only a date;
    3. Markdown images and link-only lines;
    4. captions glued onto the following sentence: split at each glue point, the parts
       before are captions, the last part goes on through 5-6;
    5. a credit glued to the end of a long paragraph: split, paragraph stays unlabelled;
    6. a caption line (``caption_score >= 2``).
    """
    piece_text = text[piece.start : piece.end]
    stripped = core(piece_text)
    label = line_rule(piece_text)
    if label is not None:
        if label[1] == "copyright" or not _COPYRIGHT_OPEN_RE.match(stripped):
            piece.label(*label)
            return [piece]
    elif _COPYRIGHT_OPEN_RE.match(stripped) and not has_credit(stripped.lstrip("©").strip()):
        # "© 2024 Example Media" on its own line: a footer unless it follows a caption, which
        # ``context.label_repeated_captions`` decides with the neighbours in view.
        piece.label("boilerplate", "copyright")
        return [piece]
    if is_date_only(stripped):
        piece.label("dateline", "date")
        return [piece]
    if _MD_IMAGE_RE.match(piece_text.strip()):
        piece.label("caption", "image")
        return [piece]
    if _LINK_ONLY_RE.match(stripped):
        piece.label("boilerplate", "link")
        return [piece]
    points = glue_points(piece_text)
    if points:
        parts = split_piece(text, piece, [piece.start + p for p in points])
        for part in parts[:-1]:
            part.label("caption", "glued-caption")
        return parts[:-1] + _classify_caption(text, parts[-1])
    return _classify_caption(text, piece)


def _classify_caption(text: str, piece: Piece) -> list[Piece]:
    """Steps 5-6 of ``_classify``."""
    piece_text = text[piece.start : piece.end]
    tail = credit_tail_start(piece_text)
    if tail is not None and tail > 0:
        head = piece_text[:tail]
        if n_words(head) > _CAPTION_MAX_WORDS or len(re.findall(r"[.!?](?:\s|$)", head)) >= 3:
            parts = split_piece(text, piece, [piece.start + tail])
            if len(parts) == 2:
                parts[1].label("caption", "photo-credit")
                return parts
    if is_caption(core(piece_text)):
        piece.label("caption", "photo-credit" if has_credit(piece_text) else "caption")
    return [piece]


def _check(text: str, segments: tuple[Segment, ...]) -> None:
    """The contract: sorted, disjoint, trimmed, known kinds, every visible character covered."""
    position = 0
    for segment in segments:
        if (
            segment.kind not in SEGMENT_KINDS
            or segment.start < position
            or segment.end <= segment.start
            or text[segment.start].isspace()
            or text[segment.end - 1].isspace()
        ):
            raise StageError(f"bad segment {segment} in cleaning")
        if text[position : segment.start].strip():
            raise StageError(f"text left unlabelled before offset {segment.start}")
        position = segment.end
    if text[position:].strip():
        raise StageError(f"text left unlabelled after offset {position}")
