"""Recognise datelines: date lines under a headline and wire datelines opening the body.

Only the *shape* of a dateline is recognised here; turning the date into a value is the
time stage's job (it reads the dateline segment like any other text).
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE = (
    rf"(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_YEAR}-[01]\d-[0-3]\d"
    rf"|[0-3]?\d[./-][01]?\d[./-](?:{_YEAR}|\d\d)"
    rf"|{_YEAR}/[01]?\d/[0-3]?\d)"
)
_ZONE = (
    r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|WET|WEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT"
    r"|IST|JST|KST|AEST|AEDT|Z|[+-][01]\d:?[0-5]\d)(?:[+-]\d{1,2})?"
)
_TIME = (
    rf"(?:[0-2]?\d[:.h][0-5]\d(?:[:.][0-5]\d(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?|[01]?\d\s*[ap]\.?m\.?)"
    rf"(?:\s*\(?{_ZONE}\)?)?"
)
_PREFIX = (
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|issued|dated?)"
    r"(?:\s+(?:on|at))?\s*[:\-]?)"
)

DATE_RE = re.compile(_DATE, re.IGNORECASE)
_RELATIVE_RE = re.compile(
    r"^(?:(?:updated|posted|published)\s*:?\s*)?(?:\d+|an?|one)\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
    re.IGNORECASE,
)
#: Pieces of a pure date line, removed one after another to see whether anything is left.
_DATE_FURNITURE_RE = re.compile(
    rf"{_PREFIX}|{_WEEKDAY},?|{_DATE}|T?{_TIME}|\b(?:on|at|am|pm)\b",
    re.IGNORECASE,
)
#: A date (optionally with a prefix, weekday and time) at the start of a line.
_LEADING_DATE_RE = re.compile(
    rf"^(?:{_PREFIX}\s*)?(?:{_WEEKDAY},?\s+)?{_DATE}(?:(?:,?\s+|T)(?:at\s+)?{_TIME})?",
    re.IGNORECASE,
)
_BYLINE_IN_DATELINE_RE = re.compile(
    r"^\s*(?:[Bb]y\s+)?(?:[A-Z]\.\s*|[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+\s*$", re.UNICODE
)
_LETTER_RE = re.compile(r"[^\W\d_]")

#: Wire dateline: ``PARIS (Reuters) -``, ``KYIV, Ukraine (AP) —``, ``LONDON, March 3 —``.
_WIRE_RE = re.compile(
    r"^(?P<place>[A-Z][\w'’.\-]*(?:[ \-][A-Z][\w'’.\-]*){0,3})"
    r"(?P<region>,\s*[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}){0,2}"
    rf"(?P<date>,\s*(?i:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH}))?"
    r"\s*(?P<agency>\((?:[A-Z][\w.&\-]*)(?:\s[A-Z][\w.&\-]*){0,3}\))?"
    r"\s*(?P<dash>--|[-–—:])\s+(?=\S)"
)


def is_date_only(text: str) -> bool:
    """True when ``text`` is a date line: a date (with prefix, weekday, time, byline), no more.

    ``Published: Tuesday, March 12, 2024 08:30 EET`` and ``By Ana Pop | 12.03.2024`` are date
    lines; ``12 March 2024 was a cold day`` is not.
    """
    if len(text) > 200:  # date lines are short; spare the regexes a paragraph
        return False
    if _RELATIVE_RE.match(text.strip()):
        return True
    if not DATE_RE.search(text):
        return False
    residue = _DATE_FURNITURE_RE.sub(" ", text)
    residue = re.sub(r"[|·•,;:/\-–—()\[\]]", " ", residue).strip()
    if not _LETTER_RE.search(residue) and not re.search(r"\d", residue):
        return True
    # A byline sharing the line with the date ("By Ana Pop | 12 March 2024").
    return bool(_BYLINE_IN_DATELINE_RE.match(residue)) and len(residue.split()) <= 5


def leading_date(text: str) -> int:
    """Length of a date that opens ``text`` and is followed by other content, else 0.

    Scraped pages often glue the date line to the next line ("10 May, 2024 Firefighters at the
    pier. Photo: ..."); the caller splits there. Requires the rest to start like a new unit
    (capital letter, digit or quote) so that a sentence that merely begins with a date is kept.
    """
    match = _LEADING_DATE_RE.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    stripped = rest.lstrip(" \t|·•-–—,:")
    if not stripped or len(stripped) == len(rest) and not rest[:1].isspace():
        return 0
    if not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"“‘'«"):
        return 0
    return match.end()


def wire_dateline(text: str) -> int:
    """Length of a wire dateline opening a paragraph (``ROTTERDAM (Reuters) -``), else 0.

    The place must be written in capitals, or be followed by an agency in brackets, so that
    a body sentence such as "Officials - who spoke ..." is not taken for a dateline.
    """
    match = _WIRE_RE.match(text)
    if not match:
        return 0
    place = match.group("place")
    letters = [c for c in place if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    if match.group("dash") == ":" and not (capitals and match.group("agency")):
        # "LONDON:" alone is too easily a label or a heading; demand the agency with a colon.
        return 0
    if not (capitals or match.group("agency")):
        return 0
    return match.end()
