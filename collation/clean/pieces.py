"""Working units of the cleaning stage: lines of the text and labelled pieces of lines.

A ``Piece`` is a mutable, trimmed stretch of one line (or of several lines once wrapped
lines are joined) that a rule may label, split or leave for the defaults. Pieces become
``Segment`` records at the end; nothing here is part of the public contract.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .captions import words

_LINE_RE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_BREAK_RE = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Characters that end a sentence (closing quotes and brackets may follow the stop).
_TERMINAL_RE = re.compile(r"[.!?…][\"”’'»)\]]*$|[\"”’»]$")
_MARKDOWN_EDGE = "#*_>`~ \t"


@dataclass(frozen=True)
class Line:
    """One line of the text with at least one non-whitespace character."""

    index: int
    start: int
    end: int
    block: int
    """Number of the blank-line separated block the line belongs to."""


@dataclass
class Piece:
    """A trimmed stretch of text with the label given so far (``kind`` None = not yet)."""

    start: int
    end: int
    line: int
    kind: str | None = None
    reason: str = ""
    whole: bool = True
    """True while the piece still covers its whole line."""

    def label(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason

    @property
    def free(self) -> bool:
        return self.kind is None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_lines(text: str) -> list[Line]:
    """Lines holding non-whitespace characters, trimmed, with their block numbers."""
    lines: list[Line] = []
    block = 0
    previous_end = 0
    for match in _LINE_RE.finditer(text):
        start, end = trim(text, match.start(), match.end())
        if start == end:
            continue
        if lines and len(_BREAK_RE.findall(text, previous_end, start)) >= 2:
            block += 1
        lines.append(Line(len(lines), start, end, block))
        previous_end = end
    return lines


def split_piece(text: str, piece: Piece, cuts: list[int]) -> list[Piece]:
    """Split ``piece`` at absolute offsets ``cuts``; empty parts are dropped, parts trimmed."""
    bounds = [piece.start, *sorted(c for c in cuts if piece.start < c < piece.end), piece.end]
    out: list[Piece] = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        start, end = trim(text, left, right)
        if start < end:
            out.append(Piece(start, end, piece.line, piece.kind, piece.reason, whole=False))
    if len(out) == 1:
        out[0].whole = piece.whole
    return out


def core(text: str) -> str:
    """Text without Markdown decoration at its edges (``## Title``, ``*Photo: AP*``, ``> ``)."""
    stripped = text.strip(_MARKDOWN_EDGE)
    stripped = re.sub(r"^(?:[-+•·]\s+|\d+[.)]\s+)", "", stripped)
    return stripped.strip(_MARKDOWN_EDGE) or text.strip()


def fold(text: str) -> str:
    """Comparison key: NFKC, case-folded, quotes and dashes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", core(text)).casefold()
    text = re.sub(r"[‘’‚‛`´]", "'", text)
    text = re.sub(r"[“”„‟«»]", '"', text)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    return " ".join(text.split())


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (quotes may follow)."""
    return bool(_TERMINAL_RE.search(text.rstrip(_MARKDOWN_EDGE.replace(" ", "") + " ")))


def n_words(text: str) -> int:
    return len(words(text))


def is_paragraph(text: str) -> bool:
    """An article paragraph: a full sentence of 8+ words, or any run of 15+ words."""
    count = n_words(text)
    return count >= 15 or (count >= 8 and ends_sentence(text))
