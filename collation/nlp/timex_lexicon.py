"""Word tables and regular-expression fragments for temporal expressions.

Patterns are compiled case-sensitively; words that may appear in any case are wrapped in
``(?i:...)``. Month names must be capitalised (or upper case) because "may", "march" and
"august" are ordinary English words.
"""

from __future__ import annotations

from .quantity_numbers import NUMBER_WORDS_PATTERN

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: Time-of-day words -> TIMEX3 part-of-day code.
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI"}
#: Calendar units as written (singular or plural) -> canonical unit.
UNIT_WORDS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "night": "day",
    "nights": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium", "weekend": "weekend",
    "weekends": "weekend", "season": "season", "seasons": "season",
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": 4, "final": 4,
}
DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}

_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")


def _cased(words: tuple[str, ...]) -> str:
    variants: list[str] = []
    for word in words:
        variants.extend((word, word.upper()))
    return "|".join(sorted(variants, key=len, reverse=True))


MONTH_FULL = _cased(_FULL)
MONTH_ABBR = _cased(_ABBR)


_LOWER_MONTHS = "|".join(sorted((*(m.lower() for m in _FULL), *(a.lower() for a in _ABBR)),
                                key=len, reverse=True))


def month(name: str, *, before_digit: bool = False) -> str:
    """A month name in group ``name``; abbreviations need a dot, or a digit after them.

    Before a day number a lower-case month also counts ("nov. 6" in lower-cased text), where
    it cannot be the verb "may" or "march".
    """
    if before_digit:
        abbreviated = rf"(?:{MONTH_ABBR})\.?(?=\s*\d)"
        lower = rf"|(?:{_LOWER_MONTHS})\.?(?=\s*\d{{1,2}}(?!\d))"
    else:
        abbreviated = rf"(?:{MONTH_ABBR})\."
        lower = ""
    return rf"(?P<{name}>(?:{MONTH_FULL})(?![A-Za-z])|{abbreviated}{lower})"


def day(name: str) -> str:
    """A day of the month 1-31 with an optional ordinal suffix, in group ``name``."""
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"


def year(name: str) -> str:
    """A four-digit year 1000-2099 in group ``name`` (not part of a longer number)."""
    return rf"(?<![\d,.$£€])(?P<{name}>1\d{{3}}|2[01]\d{{2}})(?![\d]|,\d|\.\d)"


def weekday(name: str) -> str:
    return rf"(?P<{name}>(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"


WEEKDAY_PLAIN = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASON_WORDS = r"(?i:spring|summer|autumn|fall|winter)"
UNIT_ALT = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
#: A count in digits or words, or a vague count ("a few", "several", "a couple of").
COUNT = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?i:{NUMBER_WORDS_PATTERN})"
    r"|(?i:a\s+few|a\s+couple\s+of|couple\s+of|several|many|some|a|an|few))"
)
#: Hedges and signals that may precede a temporal expression (kept out of the core patterns).
PREFIX_SIGNALS = ("since", "until", "till", "before", "after", "by", "through", "as of")
HEDGES = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "nearly": "before", "almost": "before", "at least": "after",
    "more than": "after", "over": "after", "less than": "before", "under": "before",
    "up to": "before", "within": "before", "no more than": "before", "well over": "after",
    "just over": "after", "just under": "before", "fewer than": "before",
}
#: TIMEX3 ``mod`` values for hedges (used by the TempEval scorer only).
HEDGE_MOD = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "up to": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "well over": "MORE_THAN", "just over": "MORE_THAN",
    "just under": "LESS_THAN", "fewer than": "LESS_THAN",
}
