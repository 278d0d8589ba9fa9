"""Numbers written in digits or words, shared by the time and quantity normalisers.

Pure functions over strings; no state. ``parse_number`` accepts "1,100", "3.5", ".001",
"twenty-four", "one hundred and five", "4 hundred million", "2 1/2", "two-thirds".
"""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,  # South Asian English: 1 lakh = 100,000, 1 crore = 10 million
}
#: Abbreviated scales written right after a number ("$1.7bn", "4.3M", "PS2.7m", "10k").
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thousand": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "MM": 1e6, "mil": 1e6, "million": 1e6,
    "bn": 1e9, "b": 1e9, "B": 1e9, "bln": 1e9, "billion": 1e9,
    "tn": 1e12, "trn": 1e12, "T": 1e12, "trillion": 1e12,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "thirtieth": 30, "thirty-first": 31,
}
#: Fraction nouns and their values ("a third", "two-thirds", "three quarters").
FRACTION_WORDS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}

#: Every number word (lower case), longest first so alternations prefer "seventeen" to "seven".
NUMBER_WORD_LIST = sorted(
    [*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion"],
    key=len, reverse=True,
)
_WORD_ALT = "|".join(NUMBER_WORD_LIST)
#: A run of number words: "twenty-four", "one hundred and five", "three thousand".
NUMBER_WORDS_PATTERN = (
    rf"(?:{_WORD_ALT})(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))"
    rf"\s+and\s+)(?:{_WORD_ALT}))*"
)
#: A number in digits: grouped thousands or plain, optional decimals; or a bare decimal.
DIGITS_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"

_DIGITS_RE = re.compile(rf"^[-−–]?{DIGITS_PATTERN}$")
_SPLIT_WORDS = re.compile(r"[\s-]+")
_FRACTION_RE = re.compile(r"^(?:(\d+)\s+)?(\d+)\s*[/⁄](\d+)$")
_UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def parse_digits(text: str) -> float | None:
    """``"1,100"`` -> 1100.0, ``"-5"`` -> -5.0, ``".001"`` -> 0.001; None if not a number."""
    text = text.strip()
    if not _DIGITS_RE.match(text):
        return None
    negative = text[0] in "-−–"
    if negative:
        text = text[1:]
    value = float(text.replace(",", ""))
    return -value if negative else value


def parse_number_words(text: str) -> float | None:
    """``"twenty four"`` -> 24, ``"one hundred and five"`` -> 105, ``"4 hundred million"`` -> 4e8.

    Digits may lead ("4 hundred million"); returns None when a word is not a number word.
    """
    words = [w for w in _SPLIT_WORDS.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        digits = parse_digits(word)
        if digits is not None and not seen:
            current = digits
            seen = True
        elif word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_fraction(text: str) -> float | None:
    """``"1/16"`` -> 0.0625, ``"2 1/2"`` -> 2.5, ``"½"`` -> 0.5."""
    text = text.strip()
    if text in _UNICODE_FRACTIONS:
        return _UNICODE_FRACTIONS[text]
    match = _FRACTION_RE.match(text)
    if not match:
        return None
    whole = float(match.group(1) or 0)
    denominator = float(match.group(3))
    if denominator == 0:
        return None
    return whole + float(match.group(2)) / denominator


def parse_number(text: str) -> float | None:
    """Digits, words, or a fraction; None when ``text`` is none of these."""
    value = parse_digits(text)
    if value is not None:
        return value
    value = parse_fraction(text)
    if value is not None:
        return value
    return parse_number_words(text)


def rounding_step(text: str, value: float) -> float:
    """The precision a stated number implies: "900" -> 100, "1,100" -> 100, "2.2" -> 0.1.

    Used to widen hedged values ("about 900" is rounded to hundreds). Word numbers and
    numbers with no trailing zeros step by one unit of their last digit.
    """
    digits = text.replace(",", "").strip().lstrip("-−–")
    if "." in digits:
        decimals = len(digits.split(".", 1)[1])
        return 10.0 ** -decimals
    if not digits.isdigit():
        return 1.0
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if not stripped:
        return 1.0
    return 10.0 ** zeros if value else 1.0
