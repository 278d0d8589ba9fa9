"""Temporal expressions -> ``TimeValue`` intervals, resolved against a creation date.

Reads a ``Document`` (its non-boilerplate segments) or raw text; adds nothing to the
document. Pure Python and compiled regular expressions, in process (no parser, no Java):
the stage must never be the pipeline's bottleneck.

How an expression is read (details and boundaries in docs/dates-and-quantities.md):

1. every rule in ``timex_rules`` (absolute) and ``timex_relative`` (deictic, relative,
   durations, sets) proposes matches; the longest non-overlapping ones win;
2. each winner is resolved left to right, so anaphora ("that day") see earlier dates;
3. words just before a winner widen or narrow it: parts ("early", "late May", "the end of"),
   hedges ("about", "nearly", for durations "more than") and signals that open the interval
   ("since May" -> from 1 May on, "until", "before", "after", "by").

With no anchor, relative expressions keep their precision but get start/end None and a
note saying so; absolute ones ("10 June 2023") still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..records import Document, Span, TimeValue
from .timex_calendar import Interval, clip, part_of
from .timex_context import Context
from .timex_lexicon import HEDGE_MOD, HEDGES
from .timex_relative import RELATIVE_RULES
from .timex_rules import ABSOLUTE_RULES, Rule
from .timex_triggers import rule_windows

__all__ = ["TimexMatch", "extract_times", "find_times", "in_span", "parse_anchor", "scan_times",
           "scan_times_for_anchors"]

RULES: tuple[Rule, ...] = ABSOLUTE_RULES + RELATIVE_RULES
#: Rules whose result never depends on the anchor when a four-digit year is written.
_ABSOLUTE_NAMES = frozenset(r.name for r in ABSOLUTE_RULES)
#: Segment kinds that hold article content (boilerplate is skipped).
CONTENT_KINDS = ("headline", "dateline", "body", "caption")

_PREFIX = re.compile(
    r"(?P<signal>\b(?:since|until|till|before|after|by|through|as\s+of|as\s+early\s+as"
    r"|as\s+late\s+as|as\s+recently\s+as)\s+)?"
    r"(?P<hedge>\b(?:about|around|approximately|roughly|some|nearly|almost|at\s+least"
    r"|more\s+than|less\s+than|over|under|up\s+to|no\s+more\s+than|well\s+over"
    r"|just\s+over|just\s+under|fewer\s+than)\s+)?"
    r"(?P<the1>\bthe\s+)?"
    r"(?:(?P<part>\b(?:very\s+)?(?:early|earlier|mid|middle|late|later))(?:\s+in\s+|[-\s]+)"
    r"|(?P<partof>\b(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|first"
    r"\s+half|second\s+half|last\s+half|latter\s+half|first\s+part|latter\s+part|rest"
    r"|remainder|balance)\s+of\s+))?"
    r"(?P<the2>\bthe\s+)?$",
    re.IGNORECASE,
)
_PART_WORDS = {"early": "early", "earlier": "earlier", "mid": "mid", "middle": "mid",
               "late": "late", "later": "later", "beginning": "start", "start": "start",
               "end": "end", "close": "end", "turn": "end", "middle of": "mid"}
_APPROX_HEDGES = frozenset({"about", "around", "approximately", "roughly"})
#: Rules whose expressions take a leading "the" into the TIMEX3 extent ("the third quarter",
#: "the past two years"); years and dates used as modifiers ("the 1996 Olympics") do not.
_CORE_WITH_THE = frozenset({"rel_unit", "past_next", "duration", "quarter", "decade", "century",
                            "half", "year_ago", "rel_season", "season_year", "offset",
                            "quarter_code", "year_period", "spelled_year", "year_end"})
#: Rules that may take any hedge ("almost four years ago"), not only "about"/"around".
_HEDGED_DATES = frozenset({"offset"})


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """One temporal expression found in text (internal; also used by the TempEval scorer)."""

    start: int
    """Start of the whole expression, signal word included ("since May")."""
    end: int
    extent_start: int
    """Start of the TIMEX3 extent: the expression without a leading signal word."""
    interval: Interval
    rule: str
    mod: str | None
    """TIMEX3 ``mod`` (START, MID, END, APPROX, LESS_THAN, MORE_THAN ...)."""
    anchored: bool
    """True when the anchor was used to resolve it."""


def parse_anchor(anchor: str | date | None) -> date | None:
    """``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date) -> date; None stays None."""
    if anchor is None or isinstance(anchor, date):
        return anchor
    text = anchor.strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


Candidate = tuple[int, int, int, Rule, "re.Match[str]"]


def _candidates(text: str, spans: list[tuple[int, int]], only: frozenset[str] | None) -> list[Candidate]:
    """Every rule's matches inside ``spans``, longest first (anchor-independent)."""
    candidates: list[Candidate] = []
    gated = rule_windows(text, spans)
    for rule in RULES:
        if only is not None and rule.name not in only:
            continue
        for begin, finish in gated.get(rule.name, spans):
            for match in rule.pattern.finditer(text, begin, finish):
                if match.end() > match.start():
                    candidates.append((match.start(), match.end(), rule.priority, rule, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    return candidates


def _resolve(text: str, anchor: date | None, candidates: list[Candidate]) -> list[TimexMatch]:
    """Pick non-overlapping winners among ``candidates`` and resolve them against ``anchor``."""
    ctx = Context(text, anchor)
    # Pass 1: choose non-overlapping winners; a match whose handler rejects it frees its room.
    scratch = ctx.scratch()
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, Rule, re.Match[str]]] = []
    for start, end, _, rule, match in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        if rule.handler(match, scratch) is None:
            continue
        taken.append((start, end))
        chosen.append((start, end, rule, match))
    chosen.sort(key=lambda c: c[0])
    # Pass 2: resolve left to right so anaphora see earlier dates; then apply prefixes.
    results: list[TimexMatch] = []
    previous_end = 0
    for start, end, rule, match in chosen:
        interval = rule.handler(match, ctx)
        if interval is None:
            continue
        found = _with_prefix(text, start, end, max(previous_end, start - 60), interval, rule, ctx)
        results.append(found)
        previous_end = end
    return results


def scan_times(
    text: str,
    anchor: str | date | None,
    *,
    ranges: Iterable[tuple[int, int]] | None = None,
    only: frozenset[str] | None = None,
) -> list[TimexMatch]:
    """All temporal expressions in ``text`` (optionally only inside ``ranges``, and only from
    the rules named in ``only``), in text order."""
    spans = list(ranges) if ranges is not None else [(0, len(text))]
    return _resolve(text, parse_anchor(anchor), _candidates(text, spans, only))


def scan_times_for_anchors(
    text: str, anchors: Iterable[date], *, ranges: Iterable[tuple[int, int]] | None = None
) -> dict[date, list[TimexMatch]]:
    """``scan_times`` against several anchors, matching the patterns only once (used to try
    candidate publication days)."""
    spans = list(ranges) if ranges is not None else [(0, len(text))]
    candidates = _candidates(text, spans, None)
    return {anchor: _resolve(text, anchor, candidates) for anchor in anchors}


def _with_prefix(
    text: str, start: int, end: int, floor: int, interval: Interval, rule: Rule, ctx: Context
) -> TimexMatch:
    prefix = _PREFIX.search(text, floor, start)
    anchored = ctx.anchor is not None and (
        rule.name not in _ABSOLUTE_NAMES or not re.search(r"\d{4}", text[start:end])
    ) and rule.name not in ("decade", "century")
    mod: str | None = None
    if prefix is None or prefix.start() == prefix.end():
        return TimexMatch(start, end, start, interval, rule.name, mod, anchored)
    groups = prefix.groupdict()
    extent_start = start
    whole_start = start
    is_date = interval.type in ("DATE", "TIME")
    # Walk the prefix right to left; each accepted piece moves the start leftwards.
    part = groups["part"] or groups["partof"]
    the_group = "the2" if groups["the2"] or part else "the1"
    the2 = groups[the_group]
    hedge = groups["hedge"]
    signal = groups["signal"]
    pieces_ok = True
    hyphenated = "-" in text[start:end] and interval.type == "DURATION" or re.search(
        r"-quarter", text[start:end]) is not None
    if the2 and (part or (rule.name in _CORE_WITH_THE and not hyphenated)):
        extent_start = prefix.start(the_group)
    elif the2:
        pieces_ok = False
    day_adverb = part is not None and part.lower().strip() in ("earlier", "later") and \
        interval.precision == "day"
    if pieces_ok and part and is_date and not day_adverb and interval.value not in (
            "PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        interval, mod = _apply_part(part, interval, ctx, rule)
        extent_start = prefix.start("part") if groups["part"] else prefix.start("partof")
        if groups["the1"] and the_group == "the2":
            extent_start = prefix.start("the1")
    elif part:
        pieces_ok = False
    if pieces_ok and hedge:
        word = " ".join(hedge.lower().split())
        # "over the past two years": before "the" or a part, the word is a preposition.
        if the2 or part:
            pieces_ok = False
        elif interval.type == "DURATION" or (is_date and (
                word in _APPROX_HEDGES or rule.name in _HEDGED_DATES)):
            extent_start = prefix.start("hedge")
            mod = HEDGE_MOD.get(word, mod)
            modifier = HEDGES.get(word)
            interval = replace(interval, modifier=modifier,
                               note=_join(interval.note, f"hedged: {word}"))
        else:
            pieces_ok = False
    whole_start = extent_start
    if pieces_ok and signal and is_date and not hedge:
        word = " ".join(signal.lower().split())
        interval = _apply_signal(word, interval)
        whole_start = prefix.start("signal")
    return TimexMatch(whole_start, end, extent_start, interval, rule.name, mod, anchored)


def _join(note: str, extra: str) -> str:
    return f"{note}; {extra}" if note else extra


def _apply_part(part_text: str, interval: Interval, ctx: Context, rule: Rule) -> tuple[Interval, str]:
    words = " ".join(part_text.lower().replace("the ", "").split())
    words = words.replace("very ", "")
    if "half" in words or words.startswith(("first part", "latter part", "rest", "remainder",
                                            "balance")):
        key = "early" if words.startswith("first") else "late"
        if words.startswith(("rest", "remainder", "balance")):
            key = "later"
    else:
        key = _PART_WORDS.get(words.split()[0], "mid")
    anchor = ctx.anchor
    contains_anchor = (
        anchor is not None and interval.start is not None and interval.end is not None
        and interval.start <= anchor <= interval.end
    )
    if key in ("earlier", "later") and contains_anchor and interval.precision != "day":
        assert anchor is not None
        if key == "earlier":
            return clip(interval, None, anchor - timedelta(days=1), "early"), "START"
        return clip(interval, anchor + timedelta(days=1), None, "late"), "END"
    if key in ("earlier", "later"):
        key = "early" if key == "earlier" else "late"
    if "half" in words and interval.start is not None and interval.end is not None:
        middle = interval.start + (interval.end - interval.start) / 2
        if key == "early":
            return replace(interval, end=middle, modifier="early"), "START"
        return replace(interval, start=middle + timedelta(days=1), modifier="late"), "END"
    mods = {"early": "START", "start": "START", "mid": "MID", "late": "END", "end": "END"}
    return part_of(interval, key), mods[key]


def _apply_signal(word: str, interval: Interval) -> Interval:
    if word == "since":
        return replace(interval, end=None, modifier="since",
                       note=_join(interval.note, "open interval: from then on"))
    if word in ("until", "till", "through", "by"):
        return replace(interval, start=None, modifier="until",
                       note=_join(interval.note, f"open interval: up to the end ('{word}')"))
    if word == "before":
        end = interval.start - timedelta(days=1) if interval.start else None
        return replace(interval, start=None, end=end, modifier="before",
                       note=_join(interval.note, "open interval: before it"))
    if word == "after":
        start = interval.end + timedelta(days=1) if interval.end else None
        return replace(interval, start=start, end=None, modifier="after",
                       note=_join(interval.note, "open interval: after it"))
    return replace(interval, note=_join(interval.note, f"signal: {word}"))


def _to_value(found: TimexMatch, text: str, doc_id: str, offset: int, anchor: date | None) -> TimeValue:
    interval = found.interval
    return TimeValue(
        span=Span(doc_id, found.start + offset, found.end + offset, text[found.start : found.end]),
        start=interval.start.isoformat() if interval.start else None,
        end=interval.end.isoformat() if interval.end else None,
        precision=interval.precision,
        value=interval.value,
        modifier=interval.modifier,
        anchor=anchor.isoformat() if anchor is not None and found.anchored else None,
        ambiguous=interval.ambiguous,
        note=interval.note,
    )


def find_times(text: str, anchor: str | None, *, doc_id: str = "", offset: int = 0) -> list[TimeValue]:
    """Temporal expressions in raw ``text``; spans are shifted by ``offset`` (text order)."""
    anchor_date = parse_anchor(anchor)
    return [_to_value(found, text, doc_id, offset, anchor_date)
            for found in scan_times(text, anchor_date)]


def content_ranges(document: Document) -> list[tuple[int, int]]:
    """(start, end) of the document's content segments; the whole text when unsegmented."""
    if not document.segments:
        return [(0, len(document.text))]
    return [(s.start, s.end) for s in document.segments if s.kind in CONTENT_KINDS and s.end > s.start]


def extract_times(document: Document, anchor: str | None) -> list[TimeValue]:
    """Times on the calendar in a document's content: dates, parts, open intervals, anchored
    durations ("the past two years"). Free-floating durations ("three years in prison"),
    recurring sets ("every Thursday") and vague references ("now", "recently", "soon") are
    left out: they are not points on a timeline (``find_times`` still returns them)."""
    anchor_date = parse_anchor(anchor)
    out: list[TimeValue] = []
    for found in scan_times(document.text, anchor_date, ranges=content_ranges(document)):
        interval = found.interval
        if interval.type == "SET":
            continue
        if interval.type == "DURATION" and interval.start is None and interval.end is None:
            continue
        if interval.value.endswith("_REF"):
            continue
        out.append(_to_value(found, document.text, document.id, 0, anchor_date))
    return sorted(out, key=lambda t: (t.span.start, t.span.end))


def in_span(values: Iterable[TimeValue], start: int, end: int) -> tuple[TimeValue, ...]:
    """The values whose spans lie inside [start, end) (to attach times to a sentence or claim)."""
    return tuple(v for v in values if start <= v.span.start and v.span.end <= end)

