"""What a temporal expression is resolved against: the anchor, the sentence, the tense.

News-style resolution (see docs/dates-and-quantities.md): a bare weekday or month in a
report points to the most recent one on or before the anchor unless the sentence speaks of
the future ("will", "is expected to", "plans to" ...), in which case it points forward.
Tense is read from the nearest cue word to the expression inside its sentence; no parser.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

#: Sentence ends: terminal punctuation followed by space and a capital/quote, or blank lines.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])|\n\s*\n|\n(?=[A-Z])")
#: Words whose trailing dot is an abbreviation, not a sentence end ("Jan. 14", "Mr. Smith").
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt",
    "corp", "inc", "co", "ltd", "no", "vs", "jr", "sr", "prof", "rev", "mt", "ft", "maj",
})
_LAST_WORD = re.compile(r"(\w+)\.[\"”’)]?\s*$")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
#: A preposition right before the expression that fixes its direction in time.
_LEAD = re.compile(
    r"\b(by|until|till|through|since|before)\s+(?:(?:the\s+)?(?:early|mid|late|end\s+of"
    r"|beginning\s+of|middle\s+of)[-\s]+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})

_FUTURE_WORDS = frozenset({
    "will", "ll", "shall", "won't", "wo", "upcoming", "tomorrow", "plans", "plan",
    "planned", "scheduled", "expected", "expects", "slated", "due", "intends", "aims",
    "forecast", "forecasts", "projected", "hopes", "set", "would", "could", "might",
    "payable", "effective", "expire", "expires", "deadline", "until", "till", "going",
    "should", "must",
})
#: Words that mark the future only when followed by "to" ("is set to", "is due to").
_FUTURE_NEEDS_TO = frozenset({
    "set", "due", "expected", "scheduled", "slated", "plans", "plan", "planned", "intends",
    "aims", "hopes", "going",
})
_PAST_WORDS = frozenset({
    "said", "was", "were", "had", "did", "told", "announced", "reported", "ago", "last",
    "earlier", "yesterday", "previously", "took", "came", "went", "made", "began", "saw",
    "met", "won", "lost", "fell", "rose", "left", "gave", "got", "sold", "bought", "held",
    "since", "ended",
    "spoke", "wrote", "became", "put", "set", "hit", "cut", "led", "paid", "sent", "built",
    "found", "thought", "knew", "flew", "ran", "shot", "struck", "killed", "died",
})
_NOT_PAST_ED = frozenset({
    "need", "needed", "speed", "red", "bed", "hundred", "seed", "feed", "indeed", "proceed",
    "exceed", "succeed", "breed", "greed", "shed", "led", "fled", "bred", "wed", "embed",
    "based", "related", "limited", "united", "armed", "advanced", "detailed", "expected",
    "scheduled", "planned", "projected", "slated", "proposed", "intended", "supposed",
    "concerned", "interested", "involved", "required", "used", "aimed", "designed",
    "continued",
})


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
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
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
        """"future", "past" or None for the expression at [start, end).

        1. a preposition right before it decides ("by/until/through Friday" look forward,
           "since May" back);
        2. else the nearest cue to its left inside the sentence (the verb group a time
           adverbial usually follows); a participle after "be"/"been" defers to the auxiliary
           before it ("would be paid in January");
        3. else the nearest cue to its right.
        """
        s_begin, s_end = self.sentence(start)
        lead = _LEAD.search(self.text, max(s_begin, start - 30), start)
        if lead is not None:
            return "past" if lead.group(1).lower() == "since" else "future"
        words = [m for m in _WORD.finditer(self.text, max(s_begin, start - 90), start)]
        for index in range(len(words) - 1, -1, -1):
            word = words[index].group().lower().replace("’", "'")
            previous = words[index - 1].group().lower() if index else ""
            if word == "be" and previous in _MODALS | {"to"}:
                return "future"
            cue = _cue(word, self.text, words[index].end())
            if cue == "past" and previous in ("be", "been", "being") and word not in _PAST_WORDS:
                continue
            if cue is not None:
                return cue
        for match in _WORD.finditer(self.text, end, min(s_end, end + 90)):
            cue = _cue(match.group().lower().replace("’", "'"), self.text, match.end())
            if cue is not None:
                return cue
        return None

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


def _cue(word: str, text: str, after: int) -> str | None:
    if word.endswith("'ll"):
        return "future"
    if word in _FUTURE_WORDS:
        if word in _FUTURE_NEEDS_TO:
            following = text[after : after + 5].lstrip().lower()
            if not following.startswith(("to ", "for ")):
                return "past" if word in _PAST_WORDS else None
        if word == "going":
            return "future"
        return "future"
    if word in _PAST_WORDS:
        return "past"
    if len(word) >= 5 and word.endswith("ed") and word not in _NOT_PAST_ED:
        return "past"
    return None


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
