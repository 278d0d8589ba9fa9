"""Deictic, relative, anaphoric and vague temporal expressions; durations and sets.

"on Friday", "last April", "early next year", "two years ago", "the past three months",
"recently", "every Thursday". All are resolved against ``Context.anchor`` (the document's
creation date); with no anchor they keep their precision and get a TIMEX3 value with ``X``
placeholders and start/end None. Anaphora ("that day", "the following year") use the last
calendar date resolved earlier in the same text, falling back to the anchor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .quantity_numbers import NUMBER_WORDS_PATTERN, parse_number
from .timex_calendar import (
    Interval,
    day_interval,
    duration_value,
    month_interval,
    quarter_interval,
    season_interval,
    season_of,
    shift,
    step_season,
    step_unit,
    unit_interval,
    year_interval,
)
from .timex_context import Context
from .timex_lexicon import (
    COUNT,
    MONTHS,
    SEASON_WORDS,
    SEASONS,
    TIMES_OF_DAY,
    UNIT_ALT,
    UNIT_WORDS,
    WEEKDAY_PLAIN,
    WEEKDAYS,
    month,
    weekday,
)
from .timex_rules import Rule, resolve_weekday, unanchored

_TIME_UNITS = ("hour", "minute", "second")
_VAGUE_COUNTS = frozenset({"a few", "several", "many", "some", "few", "a couple of", "couple of"})
_PAST_REL = frozenset({"last", "past", "previous", "prior", "latest", "this past", "recent",
                       "final"})
_FUTURE_REL = frozenset({"next", "coming", "following", "upcoming", "this coming", "remaining"})


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())


def _count(text: str) -> float | None:
    """Amount of a count phrase; None for vague counts ("several", "a few")."""
    text = _norm(text)
    if text in ("a", "an", "one"):
        return 1.0
    if text in ("a couple of", "couple of"):
        return 2.0
    if text in _VAGUE_COUNTS:
        return None
    parts = text.split()
    if len(parts) == 2 and "/" in parts[1]:
        whole, frac = parse_number(parts[0]), parse_number(parts[1])
        if whole is not None and frac is not None:
            return whole + frac
    return parse_number(text)


# -- deictic days and references ---------------------------------------------------------------

_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
                "overnight": 0, "the day before yesterday": -2, "the day after tomorrow": 2,
                "this": 0}


def _deictic_day(m: re.Match[str], ctx: Context) -> Interval | None:
    word = _norm(m["w"] or "this")
    tod = _norm(m["tod"] or m["tod2"])
    if word == "last night":
        tod = "night"
    if ctx.anchor is None:
        base = unanchored("day", "XXXX-XX-XX")
    else:
        base = day_interval(ctx.anchor + timedelta(days=_DAY_OFFSETS[word]))
        ctx.remember(base.start, "day")
    if tod:
        return replace(base, value=f"{base.value}T{TIMES_OF_DAY[tod]}", type="TIME")
    return base


_REF_VALUES = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}


def _reference(value: str) -> Interval | None:
    return None if value not in _REF_VALUES else Interval(None, None, "unknown", value)


_VAGUE_UNITS = {"days": "day", "weeks": "week", "months": "month", "years": "year",
                "decades": "decade", "centuries": "century"}
_PLURAL_UNIT = re.compile(r"(?i:\b(days|weeks|months|years|decades|centuries)\b)")


def _ref(m: re.Match[str], ctx: Context) -> Interval | None:
    unit = _PLURAL_UNIT.search(m.group())
    if unit is not None and not m["present"]:
        # "in recent weeks", "in the coming months": TIMEX3 reads a stretch of an unknown
        # number of units (PXW, PXM), not a mere reference to the past or future.
        return _vague_stretch(unit.group(1), "past" if m["past"] else "future")
    if m["present"]:
        if ctx.anchor is None:
            return unanchored("unknown", "PRESENT_REF")
        return Interval(ctx.anchor, ctx.anchor, "day", "PRESENT_REF", note="the time of writing")
    if m["past"]:
        return Interval(None, ctx.anchor, "unknown", "PAST_REF", note="some time before writing")
    return Interval(ctx.anchor, None, "unknown", "FUTURE_REF", note="some time after writing")


def _vague_stretch(plural: str, side: str) -> Interval:
    unit = _VAGUE_UNITS[plural.lower()]
    precision = unit if unit not in ("decade", "century") else "year"
    return Interval(None, None, precision, duration_value(None, unit), "DURATION",
                    note=f"vague duration ({side}: an unknown number of {plural.lower()})")


def _bare_plural(m: re.Match[str], ctx: Context) -> Interval | None:
    """"for years", "within weeks", "for centuries": an unknown number of units."""
    after = ctx.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s*(?:of\b|old\b|ago\b|later\b|earlier\b|before\b|after\b|-)", after):
        return None  # "for years of service", "weeks later" are read by other rules or none
    return _vague_stretch(m["u"], "past or future")


# -- this/last/next + calendar unit ------------------------------------------------------------

def _rel_unit(m: re.Match[str], ctx: Context) -> Interval | None:
    rel = _norm(m["rel"] or m["rel2"])
    unit_text = _norm(m["unit"] or m["unit2"])
    if rel in ("the latest", "the full"):
        # "the latest period" in results news is the last reported quarter; "the full year"
        # the current one.
        rel, unit_text = ("the", "quarter") if unit_text == "period" else ("this", "year")
    unit = {"fiscal year": "year"}.get(unit_text, UNIT_WORDS.get(unit_text, unit_text))
    if unit_text in SEASONS:
        return _rel_season(rel, SEASONS[unit_text], m, ctx)
    if rel == "the" and unit not in ("year", "quarter", "weekend"):
        return None
    if ctx.anchor is None:
        return unanchored(unit if unit != "weekend" else "week", _x_value(unit))
    base = ctx.anchor
    anaphoric = rel in ("same", "following", "previous", "prior")
    if anaphoric and ctx.reference is not None:
        base = ctx.reference
    delta = 0
    if rel in _PAST_REL or rel == "previous":
        delta = -1
    elif rel in _FUTURE_REL:
        delta = 1
    elif rel == "the" and unit == "quarter":
        delta = -1  # "the quarter" in company news is the last reported (completed) quarter
    elif rel == "the" and unit == "weekend":
        if ctx.tense(m.start(), m.end()) == "future":
            delta = 0 if base.weekday() < 5 else 1
        else:
            delta = 0 if base.weekday() >= 5 else -1
    found = step_unit(base, unit, delta)
    if unit == "year" and rel in ("past", "last") and "past" in rel:
        found = replace(found, note="'the past year' read as the previous calendar year")
    return found


def _x_value(unit: str) -> str:
    return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
            "half": "XXXX-HX", "season": "XXXX-XX", "day": "XXXX-XX-XX"}.get(unit, "XXXX")


def _rel_season(rel: str, code: str, m: re.Match[str], ctx: Context) -> Interval | None:
    if ctx.anchor is None:
        return unanchored("season", f"XXXX-{code}")
    anchor = ctx.anchor
    current_year, current_code = season_of(anchor)
    # The occurrence of ``code`` that starts in the anchor's season-year cycle.
    candidates = [step_season(current_year, current_code, k) for k in range(-4, 5)]
    matching = [(y, c) for y, c in candidates if c == code]
    starts = {(y, c): season_interval(y, c).start for y, c in matching}
    past = [key for key in matching if (starts[key] or anchor) <= anchor]
    future = [key for key in matching if (starts[key] or anchor) > anchor]
    most_recent = max(past, key=lambda k: starts[k] or anchor)
    upcoming = min(future, key=lambda k: starts[k] or anchor)
    ambiguous = False
    if rel == "this":
        chosen = (anchor.year, code) if code != "WI" else most_recent
    elif rel in ("last", "this past", "past", "previous"):
        chosen = most_recent
        if chosen == (current_year, current_code):
            chosen = step_season(chosen[0], chosen[1], -4)
        ambiguous = chosen[0] == anchor.year
    elif rel in ("next", "this coming", "coming"):
        chosen = upcoming
        ambiguous = chosen[0] == anchor.year and rel == "next"
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "near":
            gap_back = (anchor - (starts[most_recent] or anchor)).days
            gap_forward = ((starts[upcoming] or anchor) - anchor).days
            tense = "future" if gap_forward < gap_back else "past"
        chosen = upcoming if tense == "future" else most_recent
    found = season_interval(*chosen)
    if ambiguous:
        alt = season_interval(chosen[0] + (-1 if rel != "next" else 1), code)
        found = replace(found, ambiguous=True, note=f"may also mean {alt.value}")
    return found


def _bare_season(m: re.Match[str], ctx: Context) -> Interval | None:
    word = m["s"].lower()
    text = ctx.text
    before = text[max(0, m.start() - 12) : m.start()].lower()
    after = text[m.end() : m.end() + 20]
    rel = _norm(m["rel"])
    if re.match(r"\s+of\s+(?!\d)", after):
        return None
    if m["s"][0].isupper() and re.match(r"\s+[A-Z]", after) and not rel:
        return None  # "Winter Olympics", "Summer Games"
    if word in ("fall", "spring") and not rel and not re.search(r"\b(?:the|in|this|by|until|since|during|early|late|mid)[\s-]+$", before):
        return None
    return _rel_season(rel, SEASONS[word], m, ctx)


# -- months --------------------------------------------------------------------------------------

_TEMPORAL_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|from|through|before|after|of|early|late|mid|last"
    r"|next|this|past|coming|between|and|to|end\s+of|beginning\s+of|start\s+of|middle\s+of))"
    r"[\s-]+$"
)


_STRONG_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|during|from|through|before|after|early|late|mid|last|next"
    r"|this|past|coming|end\s+of|beginning\s+of|start\s+of|middle\s+of))[\s-]+$"
)


def _rel_month(m: re.Match[str], ctx: Context) -> Interval | None:
    rel = _norm(m["rel"])
    name = m["m"]
    month_no = MONTHS[name.lower().rstrip(".")]
    text = ctx.text
    if not rel:
        before = text[max(0, m.start() - 16) : m.start()]
        temporal = bool(_TEMPORAL_BEFORE.search(before))
        after = text[m.end() : m.end() + 3]
        if name.lower() in ("may", "march") and not temporal and not (after[:1] in ",.;" and after):
            return None  # the modal verb "May", a "March" (protest)
        if re.match(r"\s+[A-Z][a-z]", after) and not _STRONG_BEFORE.search(before):
            return None  # a person's name: "April Smith", "June Carter"
    if ctx.anchor is None:
        return unanchored("month", f"XXXX-{month_no:02d}")
    anchor = ctx.anchor
    latest_year = anchor.year if month_no <= anchor.month else anchor.year - 1
    upcoming_year = anchor.year if month_no >= anchor.month else anchor.year + 1
    ambiguous = False
    note = ""
    if rel in ("last", "this past", "past", "previous"):
        year_no = anchor.year if month_no < anchor.month else anchor.year - 1
        months_back = (anchor.year - year_no) * 12 + anchor.month - month_no
        if months_back <= 1:
            # Had the writer meant the month just gone, they would have said "last month".
            year_no -= 1
            ambiguous = True
            note = (f"'last {name}' said within a month of it read as {name} {year_no}; "
                    f"may mean {name} {year_no + 1}")
        elif year_no == anchor.year:
            ambiguous = True
            note = (f"'last {name}' read as the most recent {name} ({year_no}); "
                    f"may mean {name} {year_no - 1}")
    elif rel in ("next", "this coming", "coming"):
        year_no = anchor.year if month_no > anchor.month else anchor.year + 1
        if rel == "next" and year_no == anchor.year:
            ambiguous = True
            note = f"'next {name}' read as {name} {year_no}; may mean {name} {year_no + 1}"
    elif rel == "this":
        year_no = anchor.year
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense in (None, "near"):
            back = (anchor.month - month_no) % 12
            forward = (month_no - anchor.month) % 12
            note = ("no tense cue: bare month read as the nearest one" if tense is None else
                    "a future seen from the past: bare month read as the nearest one")
            tense = "future" if forward and forward < back else "past"
        else:
            note = ("bare month read as the next one (future tense)" if tense == "future"
                    else "bare month read as the most recent one up to publication")
        year_no = upcoming_year if tense == "future" else latest_year
    found = month_interval(year_no, month_no)
    ctx.remember(found.start, "month")
    return replace(found, ambiguous=ambiguous, note=note)


def _rel_weekday(m: re.Match[str], ctx: Context) -> Interval | None:
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if re.search(r"(?:Black|Cyber|Super|Bloody|Ash|Holy|Good|Easter|Palm|Maundy|Giving)\s+$",
                 before) and not m["rel"]:
        return None
    name = m["wd"]
    if m["pl"]:
        code = WEEKDAYS[name.lower()] + 1
        tod = _norm(m["tod"])
        suffix = f"T{TIMES_OF_DAY[tod]}" if tod else ""
        return Interval(None, None, "day", f"XXXX-WXX-{code}{suffix}", "SET", note="every week")
    found = resolve_weekday(name, ctx, m.start(), m.end(), _norm(m["rel"]) or None)
    ctx.remember(found.start, "day")
    # "Friday night" keeps day precision; news corpora annotate it as the date itself.
    return found


# -- offsets: "two years ago", "three days later" ------------------------------------------------

def _offset(m: re.Match[str], ctx: Context) -> Interval | None:
    unit = UNIT_WORDS[_norm(m["unit"])]
    direction = _norm(m["dir"])
    amount = _count(m["num"])
    sign = -1 if direction in ("ago", "earlier", "back", "before") else 1
    if amount is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if ctx.anchor is None:
            return unanchored("unknown", value)
        if sign < 0:
            return Interval(None, ctx.anchor, "unknown", value, note="vague amount of time ago")
        return Interval(ctx.anchor, None, "unknown", value, note="vague amount of time ahead")
    base = ctx.anchor
    if direction == "later" and ctx.reference is not None:
        base = ctx.reference
    if base is None:
        return unanchored(unit if unit not in _TIME_UNITS else "day", _x_value(unit))
    if unit in _TIME_UNITS:
        hours = amount * {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}[unit]
        moved = base + timedelta(days=sign * hours / 24)
        return day_interval(moved)
    if unit == "year" and sign < 0 and ctx.reference_precision == "quarter" and ctx.reference:
        # Company results: "profit rose from $5 million a year earlier" compares quarters.
        return step_unit(ctx.reference, "quarter", -4 * round(amount))
    moved = shift(base, unit, sign * amount)
    granularity = {"fortnight": "week", "millennium": "year", "decade": "year",
                   "century": "year"}.get(unit, unit)
    return unit_interval(moved, granularity)


def _year_ago(m: re.Match[str], ctx: Context) -> Interval | None:
    if ctx.anchor is None:
        return unanchored("year", "XXXX")
    if m["ord"]:
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"].lower()]
        return quarter_interval(ctx.anchor.year - 1, number)
    if ctx.reference is not None and ctx.reference_precision == "quarter":
        return step_unit(ctx.reference, "quarter", -4)
    if m["what"]:
        last_quarter = step_unit(ctx.anchor, "quarter", -1)
        assert last_quarter.start is not None
        return step_unit(last_quarter.start, "quarter", -4)
    return year_interval(ctx.anchor.year - 1)


def _year_end(m: re.Match[str], ctx: Context) -> Interval | None:
    if ctx.anchor is None:
        return unanchored("year", "XXXX")
    found = year_interval(ctx.anchor.year)
    return replace(found, start=date(ctx.anchor.year, 12, 1), modifier="late",
                   note="end of the year read as December")


# -- durations -----------------------------------------------------------------------------------

def _span_for(amount: float | None, unit: str, rel: str, ctx: Context) -> tuple[date | None, date | None]:
    """Days covered by "the past/next N units" (None when vague or unanchored)."""
    anchor = ctx.anchor
    if anchor is None or amount is None or unit in _TIME_UNITS:
        return None, None
    if rel in _PAST_REL or rel in ("past", "last"):
        return shift(anchor, unit, -amount) + timedelta(days=1), anchor
    if rel in _FUTURE_REL or rel == "in":
        return anchor, shift(anchor, unit, amount)
    if rel in ("first", "initial"):
        start = date(anchor.year, 1, 1)
        end = shift(start, unit, amount) - timedelta(days=1)
        if end > anchor:
            start = date(anchor.year - 1, 1, 1)
            end = shift(start, unit, amount) - timedelta(days=1)
        return start, end
    return None, None


def _past_next(m: re.Match[str], ctx: Context) -> Interval | None:
    rel = _norm(m["rel"])
    unit = UNIT_WORDS[_norm(m["unit"])]
    amount = _count(m["num"])
    start, end = _span_for(amount, unit, rel, ctx)
    precision = "day" if unit in _TIME_UNITS else {"fortnight": "week"}.get(unit, unit)
    if unit in ("weekend", "season", "millennium"):
        precision = "unknown"
    note = f"duration ({rel} {m['num']} {unit}s)"
    return Interval(start, end, precision, duration_value(amount, unit), "DURATION", note=note)


_IN_BEFORE = re.compile(r"(?i:\b(?:in|within)\s+)$")
_FREQUENCY_BEFORE = re.compile(
    r"(?i:\b(?:once|twice|thrice|times|per)|%|\bpercent|\d)\s+$"
)


def _duration(m: re.Match[str], ctx: Context) -> Interval | None:
    unit_text = _norm(m["unit"] or m["unit2"] or m["unit3"])
    unit = UNIT_WORDS.get(unit_text)
    if unit is None:
        return None
    if m["unit2"]:
        amount: float | None = 0.5
    elif m["unit3"]:
        amount = 1.5
    else:
        amount = _count(m["num"])
        if amount is not None and m["half"]:
            amount += 0.5
        if m["num2"]:
            second = _count(m["num2"])
            if second is None or amount is None:
                return None
            amount = None if second != amount else amount
    num_text = _norm(m["num"])
    if unit == "quarter" and re.search(r"(?i:one|two|three)-quarters?$", m.group(0)):
        return None  # "three-quarters of the vote" is a fraction
    if re.search(r"[\s-](?i:old)$", m.group(0)):
        return None  # an age ("a 6-year-old boy"), not a stretch of time
    if num_text in ("a", "an", "some") and unit in ("second", "minute"):
        return None  # "a second term", "some minutes" are not worth a timex
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if num_text in ("a", "an", "one") and _FREQUENCY_BEFORE.search(before):
        return Interval(None, None, "unknown", duration_value(1, unit), "SET",
                        note="a frequency (per unit of time)")
    if num_text in ("a", "an") and unit in ("weekend",):
        return None
    precision = "day" if unit in _TIME_UNITS else {"fortnight": "week"}.get(unit, unit)
    if unit in ("weekend", "season", "millennium"):
        precision = "unknown"
    value = duration_value(amount, unit)
    start: date | None = None
    end: date | None = None
    note = "duration"
    if _IN_BEFORE.search(before) and ctx.tense(m.start(), m.end()) == "future":
        start, end = _span_for(amount, unit, "in", ctx)
        note = "duration counted forward from the anchor ('in ...')"
    return Interval(start, end, precision, value, "DURATION", note=note)


def _bare_units(m: re.Match[str], ctx: Context) -> Interval | None:
    unit = UNIT_WORDS[_norm(m["u"])]
    after = ctx.text[m.end() : m.end() + 8].lower()
    if after.lstrip().startswith(("old", "of age", "ago")):
        return None
    return Interval(None, None, unit if unit not in _TIME_UNITS else "day",
                    duration_value(None, unit), "DURATION", note="vague duration")


# -- sets ------------------------------------------------------------------------------------------

_ADVERB_SETS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M",
                "biweekly": "P2W", "semiannually": "P6M", "biannually": "P6M"}


def _set(m: re.Match[str], ctx: Context) -> Interval | None:
    if m["adv"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:party|the|a|national|business|financial)\s+$", before) or (
                m["adv"][0].isupper() and re.search(r"[A-Za-z]\s+$", before)):
            return None  # "the Communist Party daily", "NTD Daily" are newspapers
        return Interval(None, None, "unknown", _ADVERB_SETS[m["adv"].lower()], "SET",
                        note="recurring")
    what = _norm(m["what"])
    if what in WEEKDAYS:
        return Interval(None, None, "day", f"XXXX-WXX-{WEEKDAYS[what] + 1}", "SET", note="recurring")
    if what.rstrip(".") in MONTHS:
        return Interval(None, None, "month", f"XXXX-{MONTHS[what.rstrip('.')]:02d}", "SET",
                        note="recurring")
    if what in SEASONS:
        return Interval(None, None, "season", f"XXXX-{SEASONS[what]}", "SET", note="recurring")
    if what in TIMES_OF_DAY:
        return Interval(None, None, "day", f"XXXX-XX-XXT{TIMES_OF_DAY[what]}", "SET",
                        note="recurring")
    unit = UNIT_WORDS.get(what)
    if unit is None:
        return None
    amount = _count(m["num"]) if m["num"] else 1.0
    return Interval(None, None, "unknown", duration_value(amount, unit), "SET", note="recurring")


# -- anaphora ----------------------------------------------------------------------------------------

def _anaphoric(m: re.Match[str], ctx: Context) -> Interval | None:
    det = _norm(m["det"] or m["det2"])
    unit_text = _norm(m["unit"] or m["unit2"] or "day")
    tod = unit_text if unit_text in ("morning", "afternoon", "evening", "night") else ""
    unit = "day" if tod else UNIT_WORDS.get(unit_text, "day")
    base = ctx.reference or ctx.anchor
    if base is None:
        return unanchored(unit, _x_value(unit))
    delta = 0
    if det in ("the following", "the next"):
        delta = 1
    elif det in ("the previous", "the preceding", "the prior"):
        delta = -1
    found = step_unit(base, unit, delta)
    note = "relative to the date mentioned before it" if ctx.reference else \
        "no earlier date in the text; resolved against the anchor"
    found = replace(found, note=note, ambiguous=ctx.reference is None)
    if tod and found.start is not None:
        return replace(found, value=f"{found.start.isoformat()}T{TIMES_OF_DAY[tod]}", type="TIME")
    return found


# -- patterns -------------------------------------------------------------------------------------

_UNIT = rf"(?P<unit>(?i:{UNIT_ALT}))(?![\w])"
_REL_WORDS = (r"this\s+past|this\s+coming|this|last|next|past|coming|previous|current|present"
              r"|following|same|latest|upcoming|prior|the")
_NUM_ONLY = (rf"(?:\d+(?:\.\d+)?|(?i:{NUMBER_WORDS_PATTERN})|(?i:few|several|couple\s+of|many))")
#: Counts before a duration unit: at most three digits, so "the 1988 quarter" is not 1988 quarters.
_SMALL_COUNT = (
    rf"(?:\d{{1,3}}(?:\.\d+)?(?:\s+\d/\d)?|(?i:{NUMBER_WORDS_PATTERN})"
    r"|(?i:a\s+few|a\s+couple\s+of|couple\s+of|several|many|some|a|an|few))"
)


def _rule(name: str, pattern: str, handler: object, priority: int = 0) -> Rule:
    return Rule(name, re.compile(pattern), handler, priority)  # type: ignore[arg-type]


RELATIVE_RULES: tuple[Rule, ...] = (
    _rule("deictic_day",
          r"(?<![\w-])(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
          r"|today|tonight|yesterday|tomorrow|last\s+night))(?![\w-])"
          r"(?:\s+(?P<tod>(?i:morning|afternoon|evening|night))(?![\w]))?"
          r"|(?<![\w-])(?i:this)\s+(?P<tod2>(?i:morning|afternoon|evening))(?![\w])",
          _deictic_day, 5),
    _rule("ref",
          r"(?<![\w-])(?:(?P<present>(?i:right\s+now|just\s+now|now|currently|at\s+present"
          r"|presently|nowadays|these\s+days|at\s+the\s+moment|the\s+present\s+time)"
          r"|current(?=\s+[a-z])(?!\s+(?:account|affairs|and|or|of|was|is|flows?|draw|through)\b))"
          r"|(?P<past>(?i:recently|lately|formerly|the\s+past|recent\s+(?:days|weeks|months|years"
          r"|decades|times)))"
          r"|(?P<future>(?i:the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long|medium)"
          r"[-\s]term(?!\s+(?!(?:is|was|are|were|will|and|or|to|as|than|for|of|in|on|at|by|it|we"
          r"|they|he|she)\b)[a-z])|the\s+(?:days|weeks|months|years)\s+ahead|(?:the\s+)?coming"
          r"\s+(?:days|weeks|months|years|decades))))(?![\w-])",
          _ref, 1),
    # "the long-term partnership" is an adjective: the look-ahead above refuses a noun after it.
    _rule("bare_plural",
          r"(?:(?<=\b[Ff]or )|(?<=\b[Ww]ithin )|(?<=\b[Oo]ver )|(?<=\b[Ii]n ))"
          r"(?P<u>(?i:days|weeks|months|years|decades|centuries))"
          r"(?![\w-])",
          _bare_plural, 0),
    _rule("rel_unit",
          rf"(?<![\w-])(?P<rel>(?i:{_REL_WORDS}))\s+(?P<unit>(?i:week|weekend|month|year|quarter"
          r"|decade|century|fiscal\s+year|spring|summer|autumn|fall|winter))(?![\w-])"
          r"|(?<![\w-])(?P<rel2>(?i:the\s+latest|the\s+full))\s+(?P<unit2>(?i:period|year))(?![\w-])",
          _rel_unit, 3),
    _rule("rel_weekday",
          r"(?<![\w-])(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|coming|past"
          rf"|previous|following))\s+)?{weekday('wd')}(?P<pl>s)?(?![\w-])"
          r"(?:\s+(?P<tod>(?i:morning|afternoon|evening|night))(?![\w]))?",
          _rel_weekday, 3),
    _rule("rel_month",
          r"(?<![\w])(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|coming|past"
          rf"|previous))\s+)?{month('m')}(?!\s*\d)",
          _rel_month, 2),
    _rule("rel_season",
          r"(?<![\w-])(?:(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|coming|past"
          rf"|previous))\s+)?(?P<s>{SEASON_WORDS})(?![\w-])",
          _bare_season, 2),
    _rule("offset",
          rf"(?<![\w-])(?P<num>{COUNT})[\s-]+{_UNIT}\s+(?P<dir>(?i:ago|earlier|later|from\s+now"
          r"|hence|back))(?![\w-])",
          _offset, 4),
    _rule("year_ago",
          r"(?<![\w-])(?i:year[-\s](?:earlier|ago))(?:\s+(?:(?P<ord>(?i:first|second|third"
          r"|fourth))[-\s])?(?P<what>(?i:quarter|period)))?(?![\w-])",
          _year_ago, 4),
    _rule("year_end",
          r"(?<![\w-])(?i:year[-\s]end|year['’]s\s+end|end[-\s]of[-\s]year)(?![\w-])",
          _year_end, 3),
    _rule("past_next",
          r"(?<![\w-])(?P<rel>(?i:past|last|next|coming|previous|first|final|latest|recent"
          rf"|following|initial|remaining))\s+(?P<num>{_NUM_ONLY})\s+{_UNIT}",
          _past_next, 4),
    _rule("duration",
          r"(?<![\w-])(?i:an?)\s+(?P<unit3>(?i:hour|day|year|month|week|minute))\s+"
          r"(?i:and\s+a\s+half)(?![\w-])"
          rf"|(?<![\w.,$£€-])(?P<num>{_SMALL_COUNT})(?:\s+(?i:or|to)\s+(?P<num2>{_NUM_ONLY}))?"
          r"(?P<half>\s+(?i:and\s+a\s+half)|\s*½)?[\s-]+"
          rf"(?P<unit>(?i:{UNIT_ALT}))(?![\w])(?:[\s-](?i:long|old)(?![\w-]))?"
          r"|(?<![\w-])(?i:half\s+an?)\s+(?P<unit2>(?i:hour|day|year|month|century|decade))"
          r"(?![\w-])",
          _duration, 1),
    _rule("set",
          r"(?<![\w-])(?:(?P<adv>(?i:daily|weekly|monthly|yearly|hourly|nightly"
          r"|biweekly|semiannually|biannually))"
          rf"|(?i:every|each|per)\s+(?:(?i:other)\s+)?(?:(?P<num>{_NUM_ONLY})\s+)?"
          rf"(?P<what>(?i:{UNIT_ALT}|morning|afternoon|evening|night)|{WEEKDAY_PLAIN}"
          rf"|{month('mo')}|{SEASON_WORDS}))(?![\w-])",
          _set, 3),
    _rule("anaphoric",
          r"(?<![\w-])(?:(?P<det>(?i:that|the\s+same|the\s+following|the\s+previous"
          r"|the\s+preceding|the\s+prior))\s+(?P<unit>(?i:day|week|weekend|month|year|morning"
          r"|afternoon|evening|night|quarter))"
          # "the next day/morning" is told from the day last talked about ("next week" is not)
          r"|(?P<det2>(?i:the\s+next))\s+(?P<unit2>(?i:day|morning|afternoon|evening|night)))"
          r"(?![\w-])",
          _anaphoric, 4),
)
