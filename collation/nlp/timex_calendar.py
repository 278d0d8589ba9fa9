"""Calendar arithmetic for the time normaliser: intervals of days and their TIMEX3 values.

Everything here is pure and anchor-free: callers pass the dates. An ``Interval`` is the
internal result of resolving one temporal expression; ``times.py`` turns it into the public
``TimeValue``. Part boundaries (documented in docs/dates-and-quantities.md):

* early / mid / late split a period into thirds (a month: days 1-10, 11-20, 21-end; a year:
  Jan-Apr, May-Aug, Sep-Dec; a decade: years 0-3, 4-6, 7-9), so "early 2024" is
  2024-01-01..2024-04-30;
* "the beginning/start of" and "the end of" take the first / last sixth (a year: Jan-Feb or
  Nov-Dec; a month: days 1-5 or 26-end), because "by the end of the year" means December-ish,
  not the whole last third;
* seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn
  Sep-Nov, winter Dec of year Y to Feb of year Y+1 (the TIMEX value ``Y-WI``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

#: TIMEX3 season codes -> first month (winter starts in December of the named year).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Interval:
    """One resolved temporal expression (internal; see ``times.TimeValue`` for the public one)."""

    start: date | None
    """First day covered; None when open to the past or unanchored."""
    end: date | None
    """Last day covered; None when open to the future or unanchored."""
    precision: str
    """day, week, month, season, quarter, year, decade, unknown."""
    value: str
    """TIMEX3 value (``2023-06-09``, ``2023-W23``, ``P3Y``, ``PRESENT_REF`` ...)."""
    type: str = "DATE"
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    modifier: str | None = None
    """early, mid, late, since, until, before, after, approx (see ``TimeValue.modifier``)."""
    ambiguous: bool = False
    note: str = ""


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_years_safe(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 Feb falls back to 28 Feb)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift(day: date, unit: str, amount: float) -> date:
    """``day`` moved by ``amount`` units (day, week, month, quarter, year, decade, century)."""
    if unit == "day":
        return day + timedelta(days=round(amount))
    if unit == "week":
        return day + timedelta(days=round(7 * amount))
    if unit == "hour":
        return day + timedelta(hours=amount)
    if unit in ("minute", "second"):
        return day
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120,
              "century": 1200}.get(unit)
    if months is None:
        return day
    total = round(months * amount)
    year, month = add_months(day.year, day.month, total)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# -- whole calendar units ------------------------------------------------------------------

def day_interval(day: date, value: str | None = None) -> Interval:
    return Interval(day, day, "day", value or day.isoformat())


def week_interval(day: date) -> Interval:
    """The ISO week (Monday..Sunday) containing ``day``; value ``YYYY-Www``."""
    iso_year, iso_week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return Interval(monday, monday + timedelta(days=6), "week", f"{iso_year}-W{iso_week:02d}")


def weekend_interval(day: date) -> Interval:
    """Saturday and Sunday of the ISO week containing ``day``; value ``YYYY-Www-WE``."""
    week = week_interval(day)
    assert week.end is not None
    return Interval(week.end - timedelta(days=1), week.end, "week", week.value + "-WE")


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), month_end(year, month), "month", f"{year:04d}-{month:02d}")


def quarter_interval(year: int, quarter: int) -> Interval:
    first = 3 * (quarter - 1) + 1
    return Interval(date(year, first, 1), month_end(year, first + 2), "quarter", f"{year:04d}-Q{quarter}")


def half_interval(year: int, half: int) -> Interval:
    # Half-years have no precision level of their own in the contract; "year" is the coarsest
    # level that does not overstate what is known, and the interval itself stays exact.
    first = 1 if half == 1 else 7
    return Interval(date(year, first, 1), month_end(year, first + 5), "year", f"{year:04d}-H{half}")


def season_interval(year: int, code: str) -> Interval:
    first = SEASON_START[code]
    if code == "WI":
        end_year, end_month = add_months(year, 12, 2)
        return Interval(date(year, 12, 1), month_end(end_year, end_month), "season", f"{year:04d}-WI")
    return Interval(date(year, first, 1), month_end(year, first + 2), "season", f"{year:04d}-{code}")


def year_interval(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year", f"{year:04d}")


def decade_interval(first_year: int) -> Interval:
    return Interval(date(first_year, 1, 1), date(first_year + 9, 12, 31), "decade",
                    f"{first_year // 10:03d}")


def century_interval(number: int) -> Interval:
    """The ``number``-th century (20th = 1901-2000 strictly, 1900-1999 in news usage)."""
    first = (number - 1) * 100
    # News usage: "the 20th century" is the 1900s; the value is the TIMEX3 century "19".
    return Interval(date(max(first, 1), 1, 1), date(first + 99, 12, 31), "unknown",
                    f"{number - 1:02d}", note="century")


def season_of(day: date) -> tuple[int, str]:
    """(year, code) of the meteorological season containing ``day`` (Jan/Feb -> previous WI)."""
    month = day.month
    if month in (12, 1, 2):
        return (day.year if month == 12 else day.year - 1), "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")


def step_season(year: int, code: str, delta: int) -> tuple[int, str]:
    """The season ``delta`` seasons after (year, code)."""
    # Winter belongs to the year it starts in (December), so it comes after autumn.
    order = ("SP", "SU", "FA", "WI")
    index = year * 4 + order.index(code) + delta
    return index // 4, order[index % 4]


def unit_interval(day: date, unit: str) -> Interval:
    """The calendar ``unit`` (day, week, month, quarter, year, decade, century) containing ``day``."""
    if unit == "day":
        return day_interval(day)
    if unit == "week":
        return week_interval(day)
    if unit == "weekend":
        return weekend_interval(day)
    if unit == "month":
        return month_interval(day.year, day.month)
    if unit == "quarter":
        return quarter_interval(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return half_interval(day.year, 1 if day.month <= 6 else 2)
    if unit == "season":
        year, code = season_of(day)
        return season_interval(year, code)
    if unit == "decade":
        return decade_interval(day.year - day.year % 10)
    if unit == "century":
        return century_interval(day.year // 100 + 1)
    return year_interval(day.year)


def step_unit(day: date, unit: str, delta: int) -> Interval:
    """The calendar ``unit`` ``delta`` units away from the one containing ``day``."""
    if unit == "weekend":
        return weekend_interval(day + timedelta(days=7 * delta))
    if unit == "season":
        year, code = season_of(day)
        year, code = step_season(year, code, delta)
        return season_interval(year, code)
    return unit_interval(shift(day, unit, delta), unit)


# -- parts: early / mid / late / beginning / end ---------------------------------------------

#: Part name -> (numerator start, numerator end, denominator) of the period kept.
PARTS = {
    "early": (0, 1, 3),
    "mid": (1, 2, 3),
    "late": (2, 3, 3),
    "start": (0, 1, 6),
    "end": (5, 6, 6),
}
#: Part name -> TIMEX3 ``mod`` value.
PART_MOD = {"early": "START", "start": "START", "mid": "MID", "late": "END", "end": "END"}


def part_of(interval: Interval, part: str) -> Interval:
    """The ``part`` of ``interval`` (see module docstring); value and precision are kept."""
    if interval.start is None or interval.end is None or part not in PARTS:
        return replace(interval, modifier=_modifier_name(part))
    lo, hi, denominator = PARTS[part]
    start, end = interval.start, interval.end
    if interval.precision == "decade":
        # Decades split on whole years: early = years 0-3, mid = 4-6, late = 7-9;
        # the start / end of a decade are its first / last two years.
        first_year, last_year = {"early": (0, 3), "mid": (4, 6), "late": (7, 9),
                                 "start": (0, 1), "end": (8, 9)}[part]
        return replace(interval, start=date(start.year + first_year, 1, 1),
                       end=date(start.year + last_year, 12, 31), modifier=_modifier_name(part))
    # Months are split on day counts, longer periods on whole months so that "early 2024"
    # ends on 30 April rather than on an arbitrary day.
    if interval.precision in ("day",):
        return replace(interval, modifier=_modifier_name(part))
    total_months = (end.year - start.year) * 12 + end.month - start.month + 1
    if total_months >= denominator and total_months % denominator == 0 and start.day == 1:
        size = total_months // denominator
        first_year, first_month = add_months(start.year, start.month, lo * size)
        last_year, last_month = add_months(start.year, start.month, hi * size - 1)
        new_start = date(first_year, first_month, 1)
        new_end = month_end(last_year, last_month)
    else:
        days = (end - start).days + 1
        if interval.precision == "month" and denominator == 3:
            # Calendar convention: 1-10, 11-20, 21-end.
            bounds = ((1, 10), (11, 20), (21, days))[lo]
            new_start = start + timedelta(days=bounds[0] - 1)
            new_end = start + timedelta(days=bounds[1] - 1)
        else:
            new_start = start + timedelta(days=(days * lo) // denominator)
            new_end = start + timedelta(days=(days * hi) // denominator - 1)
    return replace(interval, start=new_start, end=new_end, modifier=_modifier_name(part))


def _modifier_name(part: str) -> str:
    return {"start": "early", "end": "late"}.get(part, part)


def clip(interval: Interval, start: date | None, end: date | None, modifier: str) -> Interval:
    """``interval`` narrowed to [start, end] (used for "earlier this week", "later this year")."""
    new_start = interval.start if start is None or interval.start is None else max(start, interval.start)
    new_end = interval.end if end is None or interval.end is None else min(end, interval.end)
    if new_start is not None and new_end is not None and new_end < new_start:
        new_start, new_end = interval.start, interval.end
    return replace(interval, start=new_start, end=new_end, modifier=modifier)


# -- durations ---------------------------------------------------------------------------------

#: Duration unit -> TIMEX3 designator (time units get the ``T`` prefix).
DURATION_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y", "weekend": "WE",
    "season": "M", "millennium": "Y",
}
#: Multiplier applied to the count before formatting (a decade is written ``P10Y``).
DURATION_FACTOR = {"decade": 10, "century": 100, "millennium": 1000, "fortnight": 2, "season": 3}


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``P2W``, ``PT5H30M``, ``PXY`` when the amount is vague."""
    code = DURATION_CODE.get(unit, "X")
    time_unit = unit in ("hour", "minute", "second")
    prefix = "PT" if time_unit else "P"
    if amount is None:
        if unit == "decade":
            return "PXE"
        if unit == "century":
            return "PXC"
        return f"{prefix}X{code}"
    amount = amount * DURATION_FACTOR.get(unit, 1)
    if amount == int(amount):
        return f"{prefix}{int(amount)}{code}"
    whole = int(amount)
    fraction = amount - whole
    # Half units are written in the next smaller unit (2 1/2 years -> P2Y6M, 5 1/2 hours -> PT5H30M).
    smaller = {"year": (12, "M"), "month": (30, "D"), "day": (24, "H"), "hour": (60, "M"),
               "minute": (60, "S"), "week": (7, "D")}.get(unit)
    if smaller is None:
        return f"{prefix}{amount:g}{code}"
    factor, small_code = smaller
    rest = round(fraction * factor)
    if unit == "day":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    head = f"{whole}{code}" if whole else ""
    return f"{prefix}{head}{rest}{small_code}"
