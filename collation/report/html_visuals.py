"""Timeline section: inline SVG plus a table that reads without it."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

from ..records import TimelineEntry
from .data import ReportData
from .escape import bdi, esc

TIMELINE_WIDTH = 960.0
_LABEL_COL = 300.0
_BAR_X0 = 312.0
_BAR_X1 = 944.0
_ROW = 24.0
_AXIS = 36.0
#: Rows drawn in the SVG; the table below always lists every entry.
MAX_TIMELINE_ROWS = 80


def _parse(day: str | None) -> date | None:
    if not day:
        return None
    try:
        return date.fromisoformat(day)
    except ValueError:
        return None


def human_day(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def human_interval(start: str | None, end: str | None, precision: str) -> str:
    """A date range as a reader says it, keeping its precision ("June 2023", "2023")."""
    a, b = _parse(start), _parse(end)
    if a and b:
        last_of_month = calendar.monthrange(b.year, b.month)[1]
        if a == b:
            return human_day(a)
        if a.day == 1 and b.day == last_of_month and (a.year, a.month) == (b.year, b.month):
            return f"{calendar.month_name[a.month]} {a.year}"
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
            return str(a.year)
        return f"{human_day(a)} – {human_day(b)}"
    if a:
        return f"from {human_day(a)}"
    if b:
        return f"until {human_day(b)}"
    return precision


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Axis ticks at days, months or years, at most about a dozen."""
    days = (hi - lo).days
    ticks: list[tuple[date, str]] = []
    if days <= 60:
        step = max(1, math.ceil(days / 10))
        d = lo
        while d <= hi:
            ticks.append((d, f"{d.day} {calendar.month_abbr[d.month]}"))
            d += timedelta(days=step)
    elif days <= 3 * 366:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = max(1, math.ceil(months / 12))
        y, m = lo.year, lo.month
        for i in range(0, months + 1, step):
            yy, mm = y + (m - 1 + i) // 12, (m - 1 + i) % 12 + 1
            d = date(yy, mm, 1)
            if lo <= d <= hi:
                label = calendar.month_abbr[mm] + (f" {yy}" if mm == 1 or not ticks else "")
                ticks.append((d, label))
    else:
        step = max(1, math.ceil((hi.year - lo.year + 1) / 12))
        for yy in range(lo.year, hi.year + 1, step):
            d = date(yy, 1, 1)
            if lo <= d <= hi:
                ticks.append((d, str(yy)))
    return ticks


def timeline_svg(entries: tuple[TimelineEntry, ...]) -> str:
    """Rows of bars whose width is the interval a date covers: a day is a tick, a month a
    month-long bar, so vague dates do not look precise."""
    rows = []
    for entry in entries:
        a, b = _parse(entry.start), _parse(entry.end)
        if a is None and b is None:
            continue
        rows.append((entry, a, b))
    if not rows:
        return ""
    rows = rows[:MAX_TIMELINE_ROWS]
    days = [d for _, a, b in rows for d in (a, b) if d is not None]
    lo, hi = min(days), max(days) + timedelta(days=1)
    if (hi - lo).days < 7:
        pad = (7 - (hi - lo).days + 1) // 2
        lo, hi = lo - timedelta(days=pad), hi + timedelta(days=pad)
    span = (hi - lo).days
    scale = (_BAR_X1 - _BAR_X0) / span

    def x_of(d: date) -> float:
        return _BAR_X0 + (d - lo).days * scale

    height = _AXIS + _ROW * len(rows) + 8
    out = [
        f"<svg class='timeline' viewBox='0 0 {TIMELINE_WIDTH:.0f} {height:.0f}' role='img' "
        "aria-labelledby='timeline-title'>",
        f"<title id='timeline-title'>Timeline of {len(rows)} dated item(s)</title>",
    ]
    for d, label in _ticks(lo, hi):
        x = x_of(d)
        out.append(
            f"<line class='tick' x1='{x:.1f}' x2='{x:.1f}' y1='{_AXIS - 6:.0f}' "
            f"y2='{height:.0f}'/><text class='tick-label' x='{x:.1f}' y='{_AXIS - 12:.0f}'>"
            f"{esc(label)}</text>"
        )
    for i, (entry, a, b) in enumerate(rows):
        y = _AXIS + i * _ROW
        start = a or lo
        end = (b + timedelta(days=1)) if b else hi
        x0, x1 = x_of(start), x_of(end)
        width = x1 - x0
        cls = f"bar p-{esc(entry.precision)}"
        if a is None or b is None:
            cls += " open"
        if width < 4:  # a single day at this scale: a tick, not a bar
            x0, width = (x0 + x1) / 2 - 2, 4.0
            cls += " point"
        label = entry.label if len(entry.label) <= 46 else entry.label[:45] + "…"
        when = human_interval(entry.start, entry.end, entry.precision)
        out.append(
            f"<g class='trow'><title>{esc(f'{when} ({entry.precision}): {entry.label}')}</title>"
            f"<text class='tlabel' x='{_LABEL_COL:.0f}' y='{y + 16:.1f}'>{esc(label)}</text>"
            f"<rect class='{cls}' x='{x0:.1f}' y='{y + 5:.1f}' width='{width:.1f}' "
            f"height='{_ROW - 10:.0f}' rx='2'/></g>"
        )
    out.append("</svg>")
    return "".join(out)


def timeline_section(data: ReportData) -> str:
    entries, derived = data.timeline
    if not entries:
        return "<p class='na'>Timeline: not available in this run (no dates were normalised).</p>"
    note = (
        "<p class='note'>Derived from the time expressions found in the text; the timeline "
        "stage produced no entries in this run.</p>"
        if derived
        else ""
    )
    legend = (
        "<p class='legend'><span class='key p-day'></span> day "
        "<span class='key p-week'></span> week <span class='key p-month'></span> month "
        "<span class='key p-year'></span> year or longer · a bar spans the whole interval "
        "a date covers.</p>"
    )
    rows = []
    for entry in entries:
        outlets = sorted({data.outlets.get(d, d) for d in entry.docs}, key=str.casefold)
        rows.append(
            "<tr>"
            f"<td class='nowrap'>{esc(human_interval(entry.start, entry.end, entry.precision))}</td>"
            f"<td><span class='badge p-{esc(entry.precision)}'>{esc(entry.precision)}</span></td>"
            f"<td>{bdi(entry.label)}</td>"
            f"<td>{', '.join(bdi(o) for o in outlets)}</td></tr>"
        )
    table = (
        "<table class='data'><thead><tr><th>When</th><th>Precision</th><th>What</th>"
        "<th>Outlets</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    return note + legend + timeline_svg(entries) + table
