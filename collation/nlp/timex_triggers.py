"""Cheap literal triggers that gate the expensive temporal patterns.

Scanning ~40 patterns (with look-behinds and case-insensitive alternations) over every
character of a text is the time tagger's main cost. Instead, one pass of a single regex of
literal trigger words sorts the text's time-ish words into classes (month names, weekdays,
calendar units, digits ...); each rule names the classes every one of its matches contains
and runs only in small merged windows around those words.
"""

from __future__ import annotations

import re

#: Characters a window reaches before / after a trigger word: the longest stretch any rule's
#: match extends around it ("Wednesday, the 27th of Sept." before "Sept", ", 1989" after;
#: "one hundred and twenty-five" before "years"). Digits anchor matches that start at them.
REACH: dict[str, tuple[int, int]] = {"digit": (8, 45), "month": (45, 45), "unit": (45, 30)}
DEFAULT_REACH = (45, 45)


#: Trigger classes: every word that can start or anchor a temporal expression (lower case;
#: month names count only when capitalised, since "may" and "march" are ordinary words).
CLASSES: dict[str, tuple[str, ...]] = {
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
              "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
              "september", "october", "november", "december"),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
                "sundays"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "century": ("century", "centuries"),
    "quarter": ("quarter", "quarters"),
    "unit": ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
             "nights", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter",
             "quarters", "year", "years", "decade", "decades", "century", "centuries",
             "millennium", "millennia", "season", "seasons", "period", "weekend", "weekends"),
    "spelled": ("nineteen", "eighteen", "twenty", "thousand"),
    "decade_word": ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                    "eighties", "nineties"),
    "half": ("half", "h1", "h2"),
    "fiscal": ("fiscal", "fy"),
    "holiday": ("christmas", "independence", "halloween", "valentine", "veterans", "boxing",
                "patrick", "bastille", "armistice", "thanksgiving", "labor", "memorial",
                "election", "easter"),
    "dayword": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening",
                "noon", "midday", "midnight"),
    "ref": ("now", "current", "currently", "recent", "recently", "lately", "formerly", "past",
            "future", "term", "ahead", "coming", "present", "presently", "nowadays", "moment"),
    "offset": ("ago", "earlier", "later", "hence", "back"),
    "set": ("daily", "weekly", "monthly", "yearly", "hourly", "nightly", "annually", "every",
            "each", "per", "biweekly", "semiannually", "biannually"),
}
#: Rule name -> trigger classes, at least one of which occurs in every match of the rule.
RULE_CLASSES: dict[str, tuple[str, ...]] = {
    "date_mdy": ("month",), "date_dmy": ("month",), "date_md": ("month",),
    "date_dm": ("month",), "week_of": ("month",), "day_conj": ("month",),
    "date_iso": ("digit",), "date_numeric": ("digit",),
    "month_year": ("month",), "month_rel_year": ("month",), "year": ("digit",),
    "spelled_year": ("spelled",), "year_period": ("digit",), "decade": ("digit", "decade_word"),
    "century": ("century",), "season_year": ("season",), "quarter": ("quarter",),
    "quarter_code": ("digit",), "half": ("half",), "fiscal": ("fiscal",),
    "holiday": ("holiday", "unit", "weekday", "month"), "clock": ("digit",),
    "clock24": ("digit",), "clock_word": ("dayword",), "clock_tod": ("dayword",),
    "deictic_day": ("dayword", "unit"), "ref": ("ref", "unit"), "rel_unit": ("unit", "season"),
    "rel_weekday": ("weekday",), "rel_month": ("month",), "rel_season": ("season",),
    "offset": ("offset",), "year_ago": ("unit",), "year_end": ("unit",),
    "past_next": ("unit",), "duration": ("unit",), "set": ("set",),
    "anaphoric": ("unit", "dayword"), "bare_plural": ("unit",),
}

_LOOKUP: dict[str, tuple[str, ...]] = {}
for _kind, _words in CLASSES.items():
    for _word in _words:
        _LOOKUP[_word] = (*_LOOKUP.get(_word, ()), _kind)
_TOKEN = re.compile(r"[A-Za-z]+|\d")
_DAY_AFTER = re.compile(r"\.?\s*\d")


def rule_windows(text: str, ranges: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """Rule name -> merged (start, end) windows around its trigger words inside ``ranges``."""
    hits: dict[str, list[tuple[int, int]]] = {name: [] for name in CLASSES}
    hits["digit"] = []
    lookup = _LOOKUP
    digit_before, digit_after = REACH["digit"]
    reach = {kind: REACH.get(kind, DEFAULT_REACH) for kind in CLASSES}
    for low, high in ranges:
        # One pass of a trivial token pattern plus dictionary look-ups: measured faster than
        # either an alternation of all trigger words or one str.find per word.
        for match in _TOKEN.finditer(text, low, high):
            word = match.group()
            start, end = match.start(), match.end()
            if word.isdigit():
                hits["digit"].append((max(low, start - digit_before), min(high, end + digit_after)))
                continue
            kinds = lookup.get(word.lower())
            if kinds is None:
                continue
            for kind in kinds:
                if kind == "month" and not word[0].isupper() and not _DAY_AFTER.match(text, end):
                    continue
                before, after = reach[kind]
                hits[kind].append((max(low, start - before), min(high, end + after)))
    out: dict[str, list[tuple[int, int]]] = {}
    merged_cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rule, classes in RULE_CLASSES.items():
        if classes not in merged_cache:
            spans = sorted(span for kind in classes for span in hits[kind])
            merged: list[tuple[int, int]] = []
            for start, end in spans:
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            merged_cache[classes] = merged
        out[rule] = merged_cache[classes]
    return out
