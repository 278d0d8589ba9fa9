"""Absolute temporal expressions: dates, months, years, decades, quarters, holidays, clock times.

Each rule is a compiled pattern plus a handler turning a match into an ``Interval``. The
orchestration (overlaps, prefixes, signals) lives in ``times.py``; deictic and relative
expressions live in ``timex_relative.py``. Years left out of a date ("June 9") are inferred
from the anchor and the sentence's tense (``timex_context.infer_year``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .timex_calendar import (
    Interval,
    century_interval,
    day_interval,
    decade_interval,
    half_interval,
    month_end,
    month_interval,
    quarter_interval,
    season_interval,
    week_interval,
    year_interval,
)
from .timex_context import Context, infer_year
from .timex_lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    SEASON_WORDS,
    SEASONS,
    WEEKDAYS,
    day,
    month,
    weekday,
    year,
)

Handler = Callable[[re.Match[str], Context], Interval | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and the handler that resolves its matches."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0
    """Breaks ties between equally long matches (higher wins)."""


UNANCHORED = "unanchored: no publication date to resolve against"


def unanchored(precision: str, value: str, type_: str = "DATE") -> Interval:
    """An expression whose meaning depends on an anchor that is missing."""
    return Interval(None, None, precision, value, type_, note=UNANCHORED)


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".").strip()]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_weekday(name: str, ctx: Context, start: int, end: int, rel: str | None) -> Interval:
    """A weekday, news-style: last/this/next or, bare, by the sentence's tense."""
    target = WEEKDAYS[name.lower()]
    if ctx.anchor is None:
        return unanchored("day", f"XXXX-WXX-{target + 1}")
    anchor = ctx.anchor
    rel = (rel or "").lower()
    if rel in ("previous", "following") and ctx.reference is not None and \
            ctx.reference_precision == "day":
        # "the previous Friday", "the following Monday": relative to the day last talked
        # about, not to the writing date.
        base = ctx.reference
        if rel == "previous":
            return day_interval(base - timedelta(days=(base.weekday() - target) % 7 or 7))
        return day_interval(base + timedelta(days=(target - base.weekday()) % 7 or 7))
    back = (anchor.weekday() - target) % 7
    forward = (target - anchor.weekday()) % 7
    if rel in ("last", "past", "this past", "previous"):
        return day_interval(anchor - timedelta(days=back or 7))
    if rel == "next":
        chosen = anchor + timedelta(days=forward or 7)
        return replace(day_interval(chosen), ambiguous=True,
                       note=f"'next {name}' may also mean {chosen + timedelta(days=7)}")
    if rel in ("this coming", "coming", "following"):
        return day_interval(anchor + timedelta(days=forward or 7))
    if rel == "this":
        monday = anchor - timedelta(days=anchor.weekday())
        return day_interval(monday + timedelta(days=target))
    tense = ctx.tense(start, end)
    if tense == "future" and forward:
        return day_interval(anchor + timedelta(days=forward))
    if tense == "near" and forward and forward < back:
        # "said it would vote on Friday": the Friday nearest the writing date.
        return day_interval(anchor + timedelta(days=forward))
    return day_interval(anchor - timedelta(days=back))


# -- handlers ---------------------------------------------------------------------------------

def _full_date(m: re.Match[str], ctx: Context) -> Interval | None:
    found = safe_date(int(m["y"]), month_number(m["m"]), int(m["d"]))
    if found is None:
        return None
    ctx.remember(found, "day")
    return day_interval(found)


def _month_day(m: re.Match[str], ctx: Context) -> Interval | None:
    month_no, day_no = month_number(m["m"]), int(m["d"])
    if ctx.anchor is None:
        if safe_date(2000, month_no, day_no) is None:
            return None
        return unanchored("day", f"XXXX-{month_no:02d}-{day_no:02d}")
    year_no, ambiguous = infer_year(month_no, day_no, ctx, m.start(), m.end())
    found = safe_date(year_no, month_no, day_no)
    if found is None:
        return None
    ctx.remember(found, "day")
    result = day_interval(found)
    if ambiguous:
        result = replace(result, ambiguous=True, note="year inferred; far from the anchor")
    return result


def _iso_date(m: re.Match[str], ctx: Context) -> Interval | None:
    found = safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if found is None:
        return None
    ctx.remember(found, "day")
    return day_interval(found)


def _numeric_date(m: re.Match[str], ctx: Context) -> Interval | None:
    first, second, year_text = int(m["a"]), int(m["b"]), m["y"]
    year_no = int(year_text)
    if len(year_text) == 2:
        pivot = (ctx.anchor.year if ctx.anchor else 2000) % 100
        year_no += 2000 if year_no <= pivot + 10 else 1900
    us = m["sep"] == "/"
    month_no, day_no = (first, second) if us else (second, first)
    ambiguous = first <= 12 and second <= 12 and first != second
    if month_no > 12:
        month_no, day_no = day_no, month_no
        ambiguous = False
    found = safe_date(year_no, month_no, day_no)
    if found is None:
        return None
    ctx.remember(found, "day")
    result = day_interval(found)
    if ambiguous:
        alt = safe_date(year_no, day_no, month_no)
        result = replace(result, ambiguous=True,
                         note=f"numeric date read {'month/day' if us else 'day.month'}"
                         + (f"; the other order gives {alt}" if alt else ""))
    return result


def _year_of(m: re.Match[str]) -> int | None:
    """The four-digit or spelled-out year of a match (groups ``y`` / ``sy``)."""
    if m["y"]:
        return int(m["y"])
    spelled = _spelled_value(m["sy"])
    return spelled


def _month_year(m: re.Match[str], ctx: Context) -> Interval | None:
    year_no = _year_of(m)
    if year_no is None:
        return None
    found = month_interval(year_no, month_number(m["m"]))
    ctx.remember(found.start, "month")
    return found


def _month_relative_year(m: re.Match[str], ctx: Context) -> Interval | None:
    rel = (m["rel"] or m["rel2"] or "").lower().split()[-1]
    month_no = month_number(m["m"] or m["m2"])
    if ctx.anchor is None:
        return unanchored("month", f"XXXX-{month_no:02d}")
    delta = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}.get(rel, 0)
    found = month_interval(ctx.anchor.year + delta, month_no)
    ctx.remember(found.start, "month")
    return found


#: Words before a bare year that make it a date ("in 2019", "since 1990", "fiscal 2023").
_YEAR_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "of", "from", "to", "during", "before", "after",
    "through", "early", "late", "mid", "fiscal", "and", "or", "between", "year", "circa",
    "spring", "summer", "autumn", "fall", "winter", "for", "around", "than", "as", "on",
    "throughout", "end", "start", "beginning", "christmas", "election", "when", "s",
})
#: Words after a number that make it a count, not a year ("2000 people").
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this",
                          "that", "whose", "my", "your"})
_COUNT_NOUNS = frozenset({
    "people", "persons", "workers", "employees", "jobs", "troops", "soldiers", "cars",
    "vehicles", "homes", "houses", "units", "tonnes", "tons", "km", "miles", "feet", "metres",
    "meters", "dollars", "euros", "pounds", "votes", "points", "pages", "words", "calories",
    "rpm", "hp", "kg", "mph", "drones", "missiles", "rounds", "shares", "members", "students",
    "patients", "cases", "deaths", "users", "times", "per", "percent", "million", "billion",
})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")


def _year(m: re.Match[str], ctx: Context) -> Interval | None:
    value = int(m["y"])
    text = ctx.text
    before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    prev = before.group(1).lower() if before else ""
    after = _WORD_AFTER.match(text, m.end())
    following = after.group(1) if after else ""
    gap = text[m.end() : m.end() + 1]
    preceded_by_preposition = prev in _YEAR_PREPOSITIONS
    joined = m.start() > 0 and text[m.start() - 1] in "#-/:"
    if joined and not re.search(r"(?i:\b(?:mid|early|late|pre|post))-$", text[max(0, m.start() - 6) : m.start()]):
        return None  # "F-1990", "No. #2000", "12/2019" pieces
    if gap in "%:/" and gap:
        return None
    if gap.isalpha():
        return None
    if following.lower() in _COUNT_NOUNS:
        return None
    if not preceded_by_preposition:
        if not 1900 <= value <= 2099 and m["y2"] is None:
            return None
        if prev in ("about", "around", "nearly", "almost", "some", "over", "under", "approximately",
                    "roughly", "top", "only", "just", "no", "number", "than"):
            return None
        if (following[:1].isupper() and following.lower() not in MONTHS
                and not after_punct(text, m.end()) and prev not in _DETERMINERS):
            return None  # "1600 Pennsylvania Avenue"; but "the 1996 Olympic bombing" is a year
    if m["y2"]:
        second = m["y2"]
        last = int(second) if len(second) == 4 else value // 100 * 100 + int(second)
        if last <= value or last - value > 10:
            return None
        found = replace(year_interval(value), end=date(last, 12, 31), note=f"years {value}-{last}")
        ctx.remember(found.start, "year")
        return found
    found = year_interval(value)
    ctx.remember(found.start, "year")
    return found


_SPELLED_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9}
_SPELLED_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                  "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_SPELLED_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                 "seventy": 70, "eighty": 80, "ninety": 90}


def _spelled_year(m: re.Match[str], ctx: Context) -> Interval | None:
    """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000 (broadcast transcripts)."""
    value = _spelled_value(m.group(0))
    if value is None:
        return None
    found = year_interval(value)
    ctx.remember(found.start, "year")
    return found


def _year_period(m: re.Match[str], ctx: Context) -> Interval | None:
    """"the 1988 quarter/period": in results news, the same quarter as the last reported one."""
    year_no = int(m["y"])
    if ctx.anchor is None:
        return unanchored("quarter", f"{year_no}-QX")
    quarter = ((ctx.anchor.month - 1) // 3 - 1) % 4 + 1
    found = quarter_interval(year_no, quarter)
    ctx.remember(found.start, "quarter")
    return found


def _spelled_value(text: str) -> int | None:
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        value = 2000 + sum(_SPELLED_UNITS.get(w, 0) + _SPELLED_TEENS.get(w, 0) for w in rest)
    else:
        century = _SPELLED_TEENS.get(words[0], 0) or _SPELLED_TENS.get(words[0], 0)
        rest = words[1:]
        if rest == ["hundred"]:
            tail = 0
        else:
            tail = sum(_SPELLED_TENS.get(w, 0) + _SPELLED_TEENS.get(w, 0) + _SPELLED_UNITS.get(w, 0)
                       for w in rest)
        value = century * 100 + tail
    return value if 1000 <= value <= 2099 else None


def after_punct(text: str, index: int) -> bool:
    return index < len(text) and text[index] in ",.;:)"


def _decade(m: re.Match[str], ctx: Context) -> Interval | None:
    if m["c"]:
        first = int(m["c"] + m["d"] + "0")
        return decade_interval(first)
    if m["s"]:
        digit = int(m["s"])
        base = ctx.anchor.year // 100 * 100 if ctx.anchor else 2000
        first = base - 100 + digit * 10 if base + digit * 10 > (ctx.anchor.year if ctx.anchor else 2030) else base + digit * 10
        return decade_interval(first)
    word = m["w"].lower()
    found = decade_interval(1900 + DECADE_WORDS[word])
    if word == "twenties":
        return replace(found, ambiguous=True, note="may also mean the 2020s")
    return found


def _century(m: re.Match[str], ctx: Context) -> Interval | None:
    if m["n"]:
        number = int(m["n"])
    else:
        number = ORDINALS.get(m["w"].lower(), 0)
    if not 1 <= number <= 22:
        return None
    return century_interval(number)


def _season_year(m: re.Match[str], ctx: Context) -> Interval | None:
    year_no = _year_of(m)
    if year_no is None:
        return None
    found = season_interval(year_no, SEASONS[m["s"].lower()])
    if found.value.endswith("WI"):
        found = replace(found, ambiguous=True,
                        note=f"winter {year_no} read as Dec {year_no}-Feb; may mean Jan-Feb {year_no}")
    ctx.remember(found.start, "season")
    return found


_QUARTER_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                "3rd": 3, "4th": 4, "final": 4, "last": 4}


def _quarter(m: re.Match[str], ctx: Context) -> Interval | None:
    groups = m.groupdict()
    q_text = groups.get("ord") or ""
    quarter = _QUARTER_ORD.get(q_text.lower()) if q_text else int(groups["q"])
    if quarter is None:
        return None
    year_text = groups.get("yr") or groups.get("y") or groups.get("y2")
    if year_text is None and groups.get("yy"):
        year_text = str(2000 + int(groups["yy"]))
    if year_text is None:
        if q_text.lower() in ("last", "final"):
            return None
        if ctx.anchor is None:
            return unanchored("quarter", f"XXXX-Q{quarter}")
        year_no = ctx.anchor.year
        start = date(year_no, 3 * (quarter - 1) + 1, 1)
        if start > ctx.anchor and ctx.tense(m.start(), m.end()) == "past":
            year_no -= 1
        found = quarter_interval(year_no, quarter)
    else:
        found = quarter_interval(int(year_text), quarter)
    ctx.remember(found.start, "quarter")
    return found


def _half(m: re.Match[str], ctx: Context) -> Interval | None:
    groups = m.groupdict()
    half = 1 if (groups.get("ord") or "").lower() in ("first", "1st") else 2
    if groups.get("h"):
        half = int(groups["h"])
    year_text = groups.get("y") or groups.get("y2")
    if year_text:
        return half_interval(int(year_text), half)
    if ctx.anchor is None:
        return unanchored("year", f"XXXX-H{half}")
    rel = (groups.get("rel") or "").lower()
    delta = {"last": -1, "next": 1}.get(rel, 0)
    return half_interval(ctx.anchor.year + delta, half)


def _fiscal(m: re.Match[str], ctx: Context) -> Interval | None:
    text = m["y"] or m["yy"]
    value = int(text) if len(text) == 4 else 2000 + int(text)
    return replace(year_interval(value), note="fiscal year; calendar year assumed")


def _easter(year_no: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year_no % 19, year_no // 100, year_no % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * ell) // 451
    month_no = (h + ell - 7 * n + 114) // 31
    day_no = (h + ell - 7 * n + 114) % 31 + 1
    return date(year_no, month_no, day_no)


def _nth_weekday(year_no: int, month_no: int, weekday_no: int, nth: int) -> date:
    """The ``nth`` (1-based; -1 = last) weekday of a month."""
    if nth < 0:
        last = month_end(year_no, month_no)
        return last - timedelta(days=(last.weekday() - weekday_no) % 7)
    first = date(year_no, month_no, 1)
    return first + timedelta(days=(weekday_no - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday_date(name: str, year_no: int) -> date:
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
             "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
             "veterans day": (11, 11), "boxing day": (12, 26), "st. patrick's day": (3, 17),
             "bastille day": (7, 14), "may day": (5, 1), "armistice day": (11, 11)}
    key = name.lower().replace("’", "'")
    if key in fixed:
        return date(year_no, *fixed[key])
    if key in ("thanksgiving", "thanksgiving day"):
        return _nth_weekday(year_no, 11, 3, 4)
    if key == "labor day":
        return _nth_weekday(year_no, 9, 0, 1)
    if key == "memorial day":
        return _nth_weekday(year_no, 5, 0, -1)
    if key == "election day":
        return _nth_weekday(year_no, 11, 0, 1) + timedelta(days=1)
    if key == "good friday":
        return _easter(year_no) - timedelta(days=2)
    return _easter(year_no)


HOLIDAYS = (
    "Christmas Day", "Christmas Eve", "Christmas", "New Year's Day", "New Year’s Day",
    "New Year's Eve", "New Year’s Eve", "Independence Day", "Fourth of July", "Halloween",
    "Valentine's Day", "Valentine’s Day", "Veterans Day", "Boxing Day", "St. Patrick's Day",
    "Bastille Day", "May Day", "Armistice Day", "Thanksgiving Day", "Thanksgiving",
    "Labor Day", "Memorial Day", "Election Day", "Good Friday", "Easter Sunday", "Easter",
)


def _holiday(m: re.Match[str], ctx: Context) -> Interval | None:
    name = m["h"].replace("Sunday", "").strip() if m["h"].startswith("Easter") else m["h"]
    if m["y"]:
        found = day_interval(_holiday_date(name, int(m["y"])))
        ctx.remember(found.start, "day")
        return found
    if ctx.anchor is None:
        return unanchored("day", "XXXX-XX-XX")
    anchor = ctx.anchor
    this_year = _holiday_date(name, anchor.year)
    tense = ctx.tense(m.start(), m.end())
    rel = (m["rel"] or "").lower()
    if rel == "last":
        tense = "past"
        if this_year >= anchor:
            return day_interval(_holiday_date(name, anchor.year - 1))
    elif rel == "next":
        tense = "future"
        if this_year <= anchor:
            return day_interval(_holiday_date(name, anchor.year + 1))
    elif rel == "this":
        return day_interval(this_year)
    if tense == "near":
        chosen = min((_holiday_date(name, anchor.year + k) for k in (-1, 0, 1)),
                     key=lambda d: (abs((d - anchor).days), d))
    elif tense == "future" and this_year < anchor:
        chosen = _holiday_date(name, anchor.year + 1)
    elif tense != "future" and this_year > anchor:
        chosen = _holiday_date(name, anchor.year - 1)
    else:
        chosen = this_year
    return day_interval(chosen)


_TOD_HOURS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}


def _clock(m: re.Match[str], ctx: Context) -> Interval | None:
    groups = m.groupdict()
    if groups.get("word"):
        hour, minute = _TOD_HOURS[groups["word"].lower()]
    else:
        hour = int(groups.get("h") or groups.get("h2") or groups.get("h3") or 0)
        minute = int(groups.get("mi") or groups.get("mi2") or 0)
        ampm = (groups.get("ap") or "").lower().replace(".", "")
        tod = (groups.get("tod") or "").lower()
        if hour > 24 or minute > 59:
            return None
        if (ampm == "pm" or tod in ("afternoon", "evening", "night")) and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    day_part = _clock_day(m, ctx)
    if day_part is None:
        return None
    clock = f"T{hour:02d}:{minute:02d}" if hour != 24 else "T24:00"
    if day_part.start is None:
        return replace(day_part, value=f"{day_part.value}{clock}", type="TIME")
    return replace(day_part, value=f"{day_part.start.isoformat()}{clock}", type="TIME")


def _clock_day(m: re.Match[str], ctx: Context) -> Interval | None:
    groups = m.groupdict()
    if groups.get("wd"):
        return resolve_weekday(groups["wd"], ctx, m.start(), m.end(), None)
    if groups.get("m") and groups.get("d"):
        return _month_day(m, ctx)
    if ctx.anchor is None:
        return unanchored("day", "XXXX-XX-XX", "TIME")
    word = (groups.get("dw") or "").lower()
    if not word and ctx.reference is not None and ctx.reference_precision == "day":
        # A bare clock time belongs to the day last talked about ("On Friday ... at 10 p.m.").
        return day_interval(ctx.reference)
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return day_interval(ctx.anchor + timedelta(days=offset))


# -- patterns ---------------------------------------------------------------------------------

_WD_PREFIX = rf"(?:{weekday('wd')},?\s+(?:the\s+)?)?"
#: A year in words, as broadcast transcripts write it ("nineteen ninety-six").
SPELLED_YEAR = (
    r"(?i:(?:nineteen|eighteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))"
)
_TZ = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EEST|MSK))?"
_AMPM = r"(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?![a-z]))"
_CLOCK_DAY = (
    rf"(?:,?\s+(?:(?i:on)\s+)?(?:{weekday('wd')}|(?P<dw>(?i:today|yesterday|tomorrow))"
    rf"|{month('m', before_digit=True)}\s*{day('d')}))?"
)
_HOLIDAY_ALT = "|".join(re.escape(h) for h in sorted(HOLIDAYS, key=len, reverse=True))
_ORD_Q = r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))"


def _rule(name: str, pattern: str, handler: Handler, priority: int = 0) -> Rule:
    return Rule(name, re.compile(pattern), handler, priority)


ABSOLUTE_RULES: tuple[Rule, ...] = (
    _rule("date_mdy",
          rf"{_WD_PREFIX}{month('m', before_digit=True)}\s*{day('d')},?\s+(?:of\s+)?{year('y')}",
          _full_date, 5),
    _rule("date_dmy",
          rf"{_WD_PREFIX}{day('d')}\s+(?:of\s+)?{month('m', before_digit=True)},?\s+{year('y')}",
          _full_date, 5),
    _rule("date_md", rf"{_WD_PREFIX}{month('m', before_digit=True)}\s*{day('d')}(?!,\d)",
          _month_day, 4),
    _rule("date_dm", rf"{_WD_PREFIX}{day('d')}\s+(?:of\s+)?{month('m')}", _month_day, 4),
    _rule("week_of",
          rf"(?i:the\s+)?(?i:week)\s+of\s+{month('m', before_digit=True)}\s*{day('d')}"
          rf"(?:,?\s+{year('y')})?", lambda m, ctx: _week_of(m, ctx), 5),
    _rule("day_conj",
          r"(?:(?<=\d and )|(?<=\d or )|(?<=\d to )|(?<=\dth and )|(?<=\dst and ))"
          r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\d|\s*(?:%|per\b|percent"
          r"|people\b|men\b|women\b|children\b|[a-z]+s\b))",  # "24 and 25 people" is a count
          lambda m, ctx: _day_conj(m, ctx), 3),
    _rule("date_iso",
          r"(?<![\d-])(?P<y>1\d{3}|20\d{2})(?P<sep>[-/])(?P<mo>0[1-9]|1[0-2])(?P=sep)"
          r"(?P<d>0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2})?)?(?![\d/])",
          _iso_date, 6),
    _rule("date_numeric",
          r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|(?<=/)\d{2})"
          r"(?![\d/]|\.\d)",
          _numeric_date, 6),
    _rule("month_year",
          rf"{month('m')},?\s+(?:of\s+)?(?:{year('y')}|(?P<sy>{SPELLED_YEAR})(?![\w-]))",
          _month_year, 4),
    _rule("month_rel_year",
          rf"{month('m')}\s+(?:of\s+)?(?P<rel>(?i:last|this|next|the\s+previous|the\s+following))"
          rf"\s+(?i:year)(?![\w-])"
          rf"|(?P<rel2>(?i:last|this|next))\s+(?i:year)['’]s\s+{month('m2')}",
          _month_relative_year, 5),
    _rule("year", rf"{year('y')}(?:\s*[-–/]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?(?!['’]?s\b)",
          _year, 0),
    _rule("spelled_year",
          rf"(?<![\w-])(?:(?i:the\s+year\s+)?{SPELLED_YEAR}|(?i:the\s+year\s+two\s+thousand)"
          r"(?:(?i:\s+and)?[\s-]+(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
          r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)(?![\w-])"
          r"(?!\s+(?:people|percent|dollars|thousand|million|billion|hundred))",
          _spelled_year, 2),
    _rule("year_period",
          r"(?<![\d,.$£€])(?P<y>1\d{3}|20\d{2})\s+(?i:quarter|period)(?![\w-])",
          lambda m, ctx: _year_period(m, ctx), 3),
    _rule("decade",
          r"(?<![\d$£€])(?P<c>1\d|20)(?P<d>\d)0['’]?s(?![a-z])|['’](?P<s>\d)0s(?![a-z])"
          r"|(?<=\bthe )(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties"
          r"|nineties))",
          _decade, 3),
    _rule("century",
          r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>(?i:first|second|third|fourth|fifth|sixth"
          r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
          r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)))[-\s]"
          r"(?i:century)",
          _century, 3),
    _rule("season_year",
          rf"(?P<s>{SEASON_WORDS})(?:\s+of)?\s+(?:{year('y')}|(?P<sy>{SPELLED_YEAR})(?![\w-]))",
          _season_year, 4),
    _rule("quarter",
          rf"(?:(?<![\d,.$£€])(?P<yr>1\d{{3}}|20\d{{2}})\s+)?(?:(?i:fiscal)[-\s]+)?{_ORD_Q}"
          rf"[-\s](?i:quarter)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{year('y')}|,?\s+{year('y2')})?",
          _quarter, 3),
    _rule("quarter_code",
          r"(?<![\w-])(?:Q(?P<q>[1-4])\s*(?:['’]?(?P<yy>\d{2})(?!\d)|(?P<y>1\d{3}|20\d{2}))?"
          r"|(?P<yr>1\d{3}|20\d{2})\s*Q(?P<q2>[1-4]))(?![\w-])",
          lambda m, ctx: _quarter_code(m, ctx), 3),
    _rule("half",
          r"(?P<ord>(?i:first|second|last|latter|1st|2nd))\s+(?i:half)\s+(?i:of)\s+(?:"
          rf"{year('y')}|(?:(?i:the)\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)|(?i:the\s+year))"
          r"|(?<![\w-])H(?P<h>[12])\s*(?P<y2>1\d{3}|20\d{2})(?!\d)",
          _half, 3),
    _rule("fiscal",
          r"(?i:fiscal)(?:\s+(?i:year))?\s+(?P<y>1\d{3}|20\d{2})(?!\d)"
          r"|(?<![\w-])FY\s?(?P<yy>\d{4}|\d{2})(?!\d)",
          lambda m, ctx: _fiscal_any(m, ctx), 4),
    _rule("holiday",
          r"(?:(?P<rel>(?i:last|this|next))\s+)?"
          rf"(?P<h>{_HOLIDAY_ALT})(?![\w])(?:,?\s+{year('y')})?", _holiday, 3),
    _rule("clock",
          rf"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}{_TZ}{_CLOCK_DAY}",
          _clock, 6),
    _rule("clock24",
          r"(?<![\d:.])(?P<h2>[01]?\d|2[0-3]):?(?P<mi2>[0-5]\d)(?![\d:])"
          r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|MSK)\b|\s+(?i:hours|hrs)\b)",
          _clock, 5),
    _rule("clock_word",
          rf"(?P<word>(?i:noon|midday|midnight))(?![\w-]){_CLOCK_DAY}", _clock, 4),
    _rule("clock_tod",
          r"(?<![\d:.])(?P<h3>1[0-2]|0?[1-9])\s+(?i:in\s+the)\s+"
          r"(?P<tod>(?i:morning|afternoon|evening))",
          _clock, 5),
)


def _week_of(m: re.Match[str], ctx: Context) -> Interval | None:
    """"the week of March 6": the ISO week containing that day."""
    day_found = _full_date(m, ctx) if m["y"] else _month_day(m, ctx)
    if day_found is None or day_found.start is None:
        return day_found
    found = week_interval(day_found.start)
    ctx.remember(found.start, "week")
    return found


_MONTH_DAY_BEFORE = re.compile(
    rf"{month('m', before_digit=True)}\s*(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"\s+(?:and|or|to)\s+$"
)


def _day_conj(m: re.Match[str], ctx: Context) -> Interval | None:
    """The second day of "April 24 and 25": same month (and year) as the first."""
    before = _MONTH_DAY_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    if before is None or int(m["d"]) <= int(before["d1"]):
        return None
    month_no = month_number(before["m"])
    day_no = int(m["d"])
    if ctx.anchor is None:
        return unanchored("day", f"XXXX-{month_no:02d}-{day_no:02d}")
    reference = ctx.reference
    if reference is not None and reference.month == month_no:
        year_no = reference.year
    else:
        year_no, _ = infer_year(month_no, day_no, ctx, m.start(), m.end())
    found = safe_date(year_no, month_no, day_no)
    if found is None:
        return None
    ctx.remember(found, "day")
    return day_interval(found)


def _quarter_code(m: re.Match[str], ctx: Context) -> Interval | None:
    quarter = int(m["q"] or m["q2"])
    year_text = m["y"] or m["yr"]
    if year_text is None and m["yy"]:
        year_text = str(2000 + int(m["yy"]))
    if year_text is None:
        if ctx.anchor is None:
            return unanchored("quarter", f"XXXX-Q{quarter}")
        year_text = str(ctx.anchor.year)
    found = quarter_interval(int(year_text), quarter)
    ctx.remember(found.start, "quarter")
    return found


def _fiscal_any(m: re.Match[str], ctx: Context) -> Interval | None:
    return _fiscal(m, ctx)
