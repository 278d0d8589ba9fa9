"""What a temporal expression is resolved against: the anchor, the sentence, the tense.

News-style resolution (see docs/dates-and-quantities.md): a bare weekday or month in a
report points to the most recent one on or before the anchor unless its clause speaks of
the future ("will", "is expected to", "plans to" ...), in which case it points forward, or
of a future seen from the past ("said it would", "agreed to buy"), in which case the nearest
occurrence wins. The clause's tense is read by ``timex_tense``; no parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from .timex_tense import clause_tense

#: Sentence ends: terminal punctuation followed by space and a capital/quote, or blank lines.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])|\n\s*\n|\n(?=[A-Z])")
#: Words whose trailing dot is an abbreviation, not a sentence end ("Jan. 14", "Mr. Smith").
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
    "corp", "inc", "co", "ltd", "no", "vs", "jr", "sr", "prof", "rev", "mt", "ft", "maj",
})
_LAST_WORD = re.compile(r"(\w+)\.[\"”’)]?\s*$")


@dataclass
class Context:
    """Per-text state while resolving: anchor, sentence starts and the running reference date."""

    text: str
    anchor: date | None
    reference: date | None = None
    """The last resolved calendar date, for anaphora ("that day", "the following year")."""
    reference_precision: str = "day"
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        starts = [0]
        for m in _SENTENCE_END.finditer(self.text):
            word = _LAST_WORD.search(self.text, max(0, m.start() - 12), m.end())
            # An abbreviation or an initial ("J. Smith"); a one-digit number ("on Dec. 7.")
            # does end the sentence.
            if word and (word.group(1).lower() in _ABBREVIATIONS
                         or (len(word.group(1)) == 1 and word.group(1).isalpha())):
                continue
            starts.append(m.end())
        self._starts = starts

    def sentence(self, start: int) -> tuple[int, int]:
        """Bounds of the sentence containing ``start``."""
        index = bisect.bisect_right(self._starts, start) - 1
        begin = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else len(self.text)
        return begin, end

    def tense(self, start: int, end: int) -> str | None:
        """"future", "past", "near" (a future seen from the past: take the nearest
        occurrence) or None for the expression at [start, end); see ``timex_tense``."""
        s_begin, s_end = self.sentence(start)
        return clause_tense(self.text, s_begin, s_end, start, end)

    def scratch(self) -> Context:
        """A copy sharing the sentence index, for trial resolutions that must not leave a trace."""
        copy = Context.__new__(Context)
        copy.text, copy.anchor, copy._starts = self.text, self.anchor, self._starts
        copy.reference, copy.reference_precision = None, "day"
        return copy

    def remember(self, day: date | None, precision: str) -> None:
        if day is not None:
            self.reference = day
            self.reference_precision = precision


def infer_year(month: int, day_of_month: int, ctx: Context, start: int, end: int) -> tuple[int, bool]:
    """Year for a day written without one ("June 9"): (year, ambiguous).

    The candidate (last, this or next year) closest to the anchor wins, unless the sentence's
    tense points the other way and the closest one is more than ~3 months off in the wrong
    direction ("said it would close by Dec. 7" in October is this December; "was founded on
    Jan. 31" in October is last January).
    """
    assert ctx.anchor is not None
    anchor = ctx.anchor
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, min(day_of_month, 28 if month == 2 else 31)))
        except ValueError:
            continue
    chosen = min(candidates, key=lambda c: (abs((c - anchor).days), c))
    tense = ctx.tense(start, end)
    if tense == "past" and (chosen - anchor).days > 100:
        chosen = max(c for c in candidates if c <= anchor)
    elif tense == "future" and (anchor - chosen).days > 30:
        chosen = min(c for c in candidates if c >= anchor)
    return chosen.year, abs((chosen - anchor).days) > 300
