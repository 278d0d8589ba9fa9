"""Numbers in text -> ``Quantity`` intervals with unit, counted thing and hedge.

Reads a ``Document`` (its non-boilerplate segments) or raw text; adds nothing to the
document. Pure Python and compiled regular expressions, in process.

How a number is read (the intervals are documented in ``quantity_rules`` and
docs/dates-and-quantities.md):

1. dates, clock times and years are masked first (the time tagger's absolute rules), so
   "June 9", "in 2019" and "10:30 p.m." never become quantities;
2. names and codes are skipped: "Shahed-136", "Su-35", "YAK-130", "F-16", "COVID-19", "5G",
   "iPhone 11", "No. 1", ordinals, street addresses, phone numbers, sports scores;
3. around each remaining number: a currency sign before it, a hedge before that ("about",
   "at least", "up to"), a scale after it ("million", "bn"), then a unit ("km", "per cent",
   "dollars", "mph"), a rate ("per barrel"), or else the counted noun ("400 drones");
4. ranges ("5 to 7 per cent", "between $62 and $68", "15-22 mph") and vague magnitudes
   ("several hundred miles", "hundreds of drones", "tens of thousands") become intervals;
5. values are normalised: lengths to km, masses to kg, durations to days, money to its
   ISO 4217 code (never converted between currencies), percentages to percent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import Document, Quantity, Span
from .quantity_nouns import noun_after, plural_phrase, singular, whole_after
from .quantity_parse import (
    AGE_AFTER,
    AGE_APPOSITION,
    AGE_VERB_BEFORE,
    CURRENCY_BEFORE,
    FROM_BEFORE,
    LABEL_BEFORE,
    MINUS_BEFORE,
    NUMBER,
    OF_A_AFTER,
    OF_AFTER,
    OF_THE_NUMBER,
    ONE_OF_THE,
    PLURAL_NOUN_AFTER,
    SENTENCE_START,
    Part,
    attach_units,
    currency_before,
    number_starts,
    parse_number_at,
    try_range,
    unit_after_of,
    unit_of_number_at,
)
from .quantity_rules import HEDGE_BEFORE, HEDGE_CHANGE, HEDGE_KIND, is_designation, widen
from .quantity_units import (
    CURRENCY_NAMES,
    PER_AFTER,
    PER_UNITS,
    UNIT_AFTER,
    WORD_UNITS,
    convert,
)
from .times import content_ranges, scan_times

__all__ = ["QuantityMatch", "compatible", "extract_quantities", "find_quantities",
           "in_span", "scan_quantities"]

#: Time-tagger rules whose matches are dates or clock times (their digits are not quantities).
DATE_RULES = frozenset({
    "date_mdy", "date_dmy", "date_md", "date_dm", "date_iso", "date_numeric", "month_year",
    "year", "spelled_year", "year_period", "decade", "century", "season_year", "quarter",
    "quarter_code", "half", "fiscal", "holiday", "clock", "clock24", "clock_tod", "week_of",
    "day_conj",
})


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """One quantity found in text (internal; ``Quantity`` is the public record).

    Beyond ``Quantity`` it keeps what the text literally stated, which benchmarks score:
    the value(s) in the stated unit and that unit's canonical name.
    """

    start: int
    end: int
    low: float | None
    high: float | None
    unit: str | None
    dimension: str
    thing: str | None
    hedge: str | None
    value: float | None
    stated: tuple[float, ...]
    """Stated value, or (first, second) of a range in the order written."""
    stated_unit: str | None
    """Canonical name of the stated unit ("mile", "dollar per barrel", "people")."""
    change: str = "="
    """"=", "~", ">", "<" (hedge direction), as quantity benchmarks record it."""


def _date_mask(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for found in scan_times(text, None, ranges=ranges, only=DATE_RULES):
        if found.interval.type not in ("DATE", "TIME"):
            continue
        if found.rule == "year":
            # "2000 drones": a bare year-like number before a plural noun is a count.
            digits_end = found.end
            before = text[max(0, found.extent_start - 12) : found.extent_start].lower()
            if text[found.extent_start : digits_end].endswith("00") and \
                    PLURAL_NOUN_AFTER.match(text, digits_end) and not re.search(
                    r"\b(?:in|since|by|until|of|from|during|before|after|through)\s+$", before):
                continue  # a round number before a plural noun counts it; "1988 sales" is a year
            if CURRENCY_BEFORE.search(text, max(0, found.extent_start - 6), found.extent_start):
                continue
        spans.append((found.extent_start, found.end))
    return sorted(spans)


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start < e or s < end <= e for s, e in spans)


def _normalise(part: Part) -> tuple[str | None, str, float]:
    """(normalised unit, dimension, factor from stated value to normalised value)."""
    per_suffix = f"/{part.per}" if part.per else ""
    if part.fraction and part.currency is None and part.spec is None:
        return "percent", "percent", 100.0
    if part.currency is not None:
        return part.currency + per_suffix, "currency", part.scale
    if part.spec is not None:
        spec = part.spec
        if spec.normal == "degC" or spec.name == "fahrenheit":
            return "degC", "other", 1.0
        return spec.normal + per_suffix, spec.dimension, convert(1.0, spec) * part.scale
    if part.thing is not None:
        return "count" + per_suffix, "count", part.scale
    return None, "other", part.scale


def _stated_unit(part: Part) -> str | None:
    if part.currency is not None:
        name = part.currency_name or CURRENCY_NAMES.get(part.currency, part.currency.lower())
    elif part.unit_name is not None:
        name = part.unit_name
    elif part.phrase is not None:
        return part.phrase  # already carries its rate ("tests per day")
    else:
        return None
    return f"{name} per {part.per}" if part.per else name


def _read(text: str, m: re.Match[str]) -> tuple[QuantityMatch | None, int] | None:
    """Read the quantity whose number matched ``m``: (record or None to skip, end)."""
    part = parse_number_at(text, m)
    if part is None:
        return None
    start = m.start()
    sentence_start = bool(SENTENCE_START.search(text, max(0, start - 4), start))
    name_like: str | None = None
    money = currency_before(text, start) if (m["digits"] or m["a_scale"]) else None
    if m["digits"]:
        digits_start = start
        if part.text[0] in "-−–+" and re.search(r"[A-Za-z]\s*$", text[max(0, start - 8) : start]):
            # "sub-7", "minus-130", "COVID -19": the dash joins words, it is not a sign.
            digits_start = start + 1
            part.start = digits_start
            part.text = part.text[1:]
            if part.value is not None:
                part.value = abs(part.value)
        name_like = is_designation(text, money[2] if money else digits_start, m.end(),
                                   sentence_start)
        if name_like is not None and name_like != "name":
            return None, m.end()
        score = re.match(r"[-–](\d+)(?![\d.,])", text[part.end :])
        if score and part.value is not None and "." not in part.text and float(
                score.group(1)) <= part.value and UNIT_AFTER.match(text, part.end + score.end()) is None:
            if not FROM_BEFORE.search(text, max(0, start - 20), start):
                return None, part.end + score.end()  # a score or a tally: "2-0", "89-89"
        if re.match(r"s(?![A-Za-z])", text[m.end() : m.end() + 2]):
            return None, m.end()  # "the 2018s", "F-16s", "Model 3s": a plural of a name
        if part.end == m.end() and re.match(r"\s*[/⁄]\s*\d", text[m.end() :]):
            slash = re.match(r"\s*[/⁄]\s*\d+", text[m.end() :])
            return None, m.end() + (slash.end() if slash else 0)  # "24/7", "9/11": not a fraction
    elif m["words"]:
        if m.group()[0].isupper() and not sentence_start:
            return None, m.end()  # "Formula One", "Air Force One"
    left = money[2] if money else part.start
    if part.value is not None and part.value > 0 and MINUS_BEFORE.search(text, max(0, left - 8), left):
        part.value = -part.value
        left = MINUS_BEFORE.search(text, max(0, left - 8), left).start()  # type: ignore[union-attr]
    attach_units(text, part, money)
    second: Part | None = None
    if m["digits"] or m["words"]:
        ranged = try_range(text, part, left)
        if ranged is not None:
            second = ranged[0]
    last = second or part
    noun: tuple[str, str, int] | None = None
    if last.currency is None and last.spec is None:
        if part.vague or m["frac_words"] or m["out_of"] or m["a_scale"]:
            of = OF_AFTER.match(text, last.end)
            if of is not None:
                probe = unit_after_of(text, of.end())
                if probe is not None:
                    for target in (part, second):
                        if target is not None:
                            target.currency, target.currency_name = probe.currency, probe.currency_name
                            target.spec, target.unit_name = probe.spec, probe.unit_name
                            target.per = probe.per
                    last.end = probe.end
                else:
                    noun = noun_after(text, of.end() - 1)
                    if noun is None and part.fraction:
                        # "a third of the population": a share of a whole, which may be singular.
                        noun = whole_after(text, of.end() - 1)
        if noun is None and last.currency is None and last.spec is None and not (
                part.vague and OF_AFTER.match(text, last.end)):
            noun = noun_after(text, last.end, single=(last.value == 1 and not part.vague))
        if noun is None and last.currency is None and last.spec is None and second is None:
            noun = _borrowed_unit(text, part, m)
    if noun is not None:
        head, phrase, noun_end = noun
        unit_word = WORD_UNITS.get(head.lower())
        if unit_word is not None and unit_word.dimension != "percent":
            # "517 rushing yards": a unit after a modifier is still the unit.
            for target in (part, second):
                if target is not None:
                    target.spec, target.unit_name = unit_word, unit_word.name
        else:
            part.thing = head.lower()
            part.phrase = phrase
            rate = PER_AFTER.match(text, noun_end)
            if rate is not None:
                # "three thousand tests per day": a count per unit of time or object.
                part.per = PER_UNITS[rate["per"].lower()]
                part.phrase = f"{phrase} per {part.per}"
                noun_end = rate.end()
        last.end = noun_end
    has_unit = part.currency is not None or part.spec is not None or noun is not None
    if name_like == "name" and (not has_unit or noun is not None):
        return None, m.end()  # "iPhone 11", "iPhone 14 costs", "Windows 11 users": a name
    if not has_unit and re.match(r"[ \t]+[A-Z][a-z]", text[last.end : last.end + 4]):
        return None, last.end  # "11 Pro cameras", "787 Dreamliner": part of a product name
    if not has_unit and LABEL_BEFORE.search(text, max(0, part.start - 16), part.start):
        return None, last.end  # "category 4", "level 3", "article 5"
    if m["words"] and not has_unit:
        return None, m.end()  # a lone number word ("the two", "one of them") is no quantity
    if m["digits"] and not has_unit and part.value is not None and part.value == int(part.value) \
            and 0 < part.value < 121 and (
                AGE_APPOSITION.search(text, max(0, start - 30), start)
                and text[part.end : part.end + 1] == ","
                or AGE_VERB_BEFORE.search(text, max(0, start - 20), start)
                and AGE_AFTER.match(text, part.end)):
        # "Jane Doe, 52, said"; "he will be 35 by the end of the year", "aged 40 when".
        part.spec, part.unit_name = WORD_UNITS["years old"], "year of age"
    hedge_match = HEDGE_BEFORE.search(text, max(0, left - 30), left)
    hedge = " ".join(hedge_match["hedge"].lower().split()) if hedge_match else None
    if hedge is not None and hedge_match is not None:
        left = hedge_match.start("hedge")
    return _build(text, part, second, hedge, left, last.end), last.end


def _borrowed_unit(text: str, part: Part, m: re.Match[str]) -> tuple[str, str, int] | None:
    """The unit or counted noun a bare number takes from the phrase after it (or None):

    1. a fraction of a unit takes that unit: "1/16 of a pint", "a third of a mile";
    2. a part of a stated whole takes the whole's unit: "280 million of the 1.5 billion
       shekels" (only its unit and rate; the scale stays its own);
    3. "one of the (most) <adjective> <nouns>" counts one of them: "one of the largest
       dinosaurs" (a noun read as for any count; returned for the caller to attach).
    """
    fraction = part.fraction or (m["digits"] is not None
                                 and ("/" in part.text or "⁄" in part.text))
    if fraction:
        of_a = OF_A_AFTER.match(text, part.end)
        probe = unit_after_of(text, of_a.end()) if of_a else None
        if probe is not None and probe.currency is None:
            part.spec, part.unit_name, part.per = probe.spec, probe.unit_name, probe.per
            part.end = probe.end
            return None
    whole = OF_THE_NUMBER.match(text, part.end)
    if whole is not None and part.value is not None and not part.fraction:
        found = unit_of_number_at(text, whole.end())
        if found is not None and (found.currency is not None or found.spec is not None) \
                and found.value is not None \
                and found.value * found.scale >= part.value * part.scale:
            part.currency, part.currency_name = found.currency, found.currency_name
            part.spec, part.unit_name, part.per = found.spec, found.unit_name, found.per
            return None
    if part.value == 1 and not part.fraction and m["words"] is not None:
        one_of = ONE_OF_THE.match(text, part.end)
        if one_of is not None:
            return plural_phrase(text, one_of.end())
    return None


def _build(text: str, part: Part, second: Part | None, hedge: str | None, start: int,
           end: int) -> QuantityMatch:
    hedge_kind = HEDGE_KIND.get(hedge) if hedge else None
    unit, dimension, _ = _normalise(part)
    stated_unit = _stated_unit(part)
    thing = part.thing

    def norm(value: float | None, which: Part) -> float | None:
        if value is None:
            return None
        scaled = value * which.scale
        if which.fraction and which.currency is None and which.spec is None:
            return _round(scaled * 100.0)
        if which.spec is not None and which.currency is None:
            return _round(convert(scaled, which.spec))
        return _round(scaled)

    def stated_of(which: Part, value: float | None) -> float | None:
        if value is None:
            return None
        if which.currency_name in ("cent", "penny", "sen", "kopeck", "paisa"):
            return _round(value * which.scale / 0.01)
        return _round(value * which.scale)

    if part.vague:
        low, high = part.low, part.high
        stated: tuple[float, ...] = tuple(v for v in (stated_of(part, part.stated_low),
                                                       stated_of(part, part.stated_high))
                                          if v is not None)
        # The vague phrase itself is the cue that widened the value ("hundreds of").
        cue = " ".join(part.text.lower().split())
        return QuantityMatch(start, end, norm(low, part), norm(high, part), unit, dimension,
                             thing, hedge or cue, None, stated, stated_unit, "=")
    assert part.value is not None
    if second is not None and second.value is not None:
        lo1, hi1 = widen(part.value, part.text, hedge_kind, dimension)
        lo2, hi2 = widen(second.value, second.text, hedge_kind, dimension)
        ends = [norm(v, part) for v in (lo1, hi1)] + [norm(v, second) for v in (lo2, hi2)]
        known = [v for v in ends if v is not None]
        low = min(known) if known else None
        high = max(known) if known else None
        stated = tuple(v for v in (stated_of(part, part.value), stated_of(second, second.value))
                       if v is not None)
        return QuantityMatch(start, end, low, high, unit, dimension, thing, hedge, None, stated,
                             stated_unit, HEDGE_CHANGE.get(hedge_kind or "", "="))
    low_raw, high_raw = widen(part.value, part.text, hedge_kind, dimension)
    return QuantityMatch(start, end, norm(low_raw, part), norm(high_raw, part), unit, dimension,
                         thing, hedge, norm(part.value, part),
                         (stated_of(part, part.value) or 0.0,), stated_unit,
                         HEDGE_CHANGE.get(hedge_kind or "", "="))


def _round(value: float) -> float:
    """Round away float noise so output is stable across platforms (12 significant digits)."""
    return float(f"{value:.12g}")


def scan_quantities(text: str, *, ranges: Iterable[tuple[int, int]] | None = None) -> list[QuantityMatch]:
    """All quantities in ``text`` (optionally only inside ``ranges``), in text order."""
    spans = list(ranges) if ranges is not None else [(0, len(text))]
    mask = _date_mask(text, spans)
    out: list[QuantityMatch] = []
    for low, high in spans:
        consumed = low
        for position in number_starts(text, low, high):
            if position < consumed:
                continue
            m = NUMBER.match(text, position, high)
            if m is None or _masked(mask, m.start(), m.end()):
                continue
            result = _read(text, m)
            if result is None:
                continue
            found, end = result
            consumed = max(consumed, end)
            if found is not None and found.end <= high:
                out.append(found)
    return out


def _to_record(found: QuantityMatch, text: str, doc_id: str, offset: int) -> Quantity:
    return Quantity(
        span=Span(doc_id, found.start + offset, found.end + offset, text[found.start : found.end]),
        low=found.low,
        high=found.high,
        unit=found.unit,
        dimension=found.dimension,
        thing=found.thing,
        hedge=found.hedge,
        value=found.value,
    )


def find_quantities(text: str, *, doc_id: str = "", offset: int = 0) -> list[Quantity]:
    """Quantities in raw ``text``; spans are shifted by ``offset`` (text order)."""
    return [_to_record(found, text, doc_id, offset) for found in scan_quantities(text)]


def extract_quantities(document: Document) -> list[Quantity]:
    """Quantities in a document's content segments (boilerplate skipped), in text order."""
    found = scan_quantities(document.text, ranges=content_ranges(document))
    return sorted((_to_record(q, document.text, document.id, 0) for q in found),
                  key=lambda q: (q.span.start, q.span.end))


def in_span(values: Iterable[Quantity], start: int, end: int) -> tuple[Quantity, ...]:
    """The quantities whose spans lie inside [start, end) (to attach them to a claim)."""
    return tuple(v for v in values if start <= v.span.start and v.span.end <= end)


#: Relative slack when comparing two intervals: absorbs rounding in unit conversions
#: ("560 miles (900 km)" is 901.2 km).
TOLERANCE = 0.01


def compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities can both be true: True when their intervals overlap (within 1 %),
    False when they do not, None when they are not comparable (different dimensions, units or
    currencies, counts of different things, or no bounds at all)."""
    if a.dimension != b.dimension or a.unit != b.unit or a.unit is None:
        return None
    if a.dimension == "count":
        if a.thing is None or b.thing is None or singular(a.thing) != singular(b.thing):
            return None
    if (a.low is None and a.high is None) or (b.low is None and b.high is None):
        return None
    a_low = a.low if a.low is not None else float("-inf")
    a_high = a.high if a.high is not None else float("inf")
    b_low = b.low if b.low is not None else float("-inf")
    b_high = b.high if b.high is not None else float("inf")
    slack = TOLERANCE * max(abs(v) for v in (a_low, a_high, b_low, b_high)
                            if v not in (float("inf"), float("-inf")))
    return a_low <= b_high + slack and b_low <= a_high + slack

