"""Hedges, vague magnitudes and false-number traps for the quantity normaliser.

The intervals below are the documented readings (docs/dates-and-quantities.md):

* approximate ("about", "around", "roughly", "some", "~"): v +- half the rounding step the
  number shows ("900" is rounded to hundreds: +-50), kept between 5 % and 10 % of v, so
  "about 900 km" (855-945) and "about 1,100 km" (1045-1155) do not overlap;
* "nearly", "almost", "just under": [0.9 v, v];
* lower bounds ("at least", "more than", "over", "above"): [v, v + one rounding step]: a
  writer who says "more than 700" would have said "more than 800" had it been 850; percentages
  stop at 100; "well over" and "upwards of" stay open;
* "less than", "fewer than", "under", "below": [v - one rounding step, v];
* upper bounds ("up to", "as many as", "at most", "no more than"): [0, v];
* vague magnitudes: "a few X" = [2X, 5X], "several X" = [3X, 9X], "dozens" = [24, 99],
  "hundreds" = [200, 999], "thousands" = [2,000, 9,999], "tens of thousands" =
  [20,000, 99,999] and so on: the plural means at least two of the unit and fewer than ten.
"""

from __future__ import annotations

import re

from .quantity_numbers import rounding_step

#: Hedge phrase -> reading (approx, nearly, lower, lower_open, below, upper).
HEDGE_KIND = {
    "about": "approx", "around": "approx", "approximately": "approx", "approx.": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx", "~": "approx", "≈": "approx", "circa": "approx", "c.": "approx",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "just shy of": "nearly",
    "at least": "lower", "more than": "lower", "over": "lower", "above": "lower",
    "in excess of": "lower", "no fewer than": "lower", "no less than": "lower",
    "a minimum of": "lower", "just over": "lower", "slightly more than": "lower",
    "a little over": "lower", "over than": "lower", ">": "lower", "≥": "lower",
    "well over": "lower_open", "upwards of": "lower_open", "far more than": "lower_open",
    "well above": "lower_open",
    "less than": "below", "fewer than": "below", "under": "below", "below": "below", "<": "below",
    "up to": "upper", "as many as": "upper", "as much as": "upper", "at most": "upper",
    "no more than": "upper", "a maximum of": "upper", "≤": "upper", "sub-": "upper",
}
#: Benchmark-style change sign of each reading (NewsQuant "change" field).
HEDGE_CHANGE = {"approx": "~", "nearly": "~", "lower": ">", "lower_open": ">", "below": "<",
                "upper": "<"}

_HEDGE_ALT = "|".join(
    re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGE_KIND, key=len, reverse=True)
)
#: A hedge ending right before the number (or its currency sign).
HEDGE_BEFORE = re.compile(rf"(?:(?<![\w])|(?<=\W))(?P<hedge>(?i:{_HEDGE_ALT}))\s*$")


def widen(value: float, text: str, hedge_kind: str | None, dimension: str) -> tuple[float | None, float | None]:
    """The interval a hedged point value stands for (see module docstring)."""
    step = rounding_step(text, value) if text else 1.0
    magnitude = abs(value)
    if hedge_kind is None:
        return value, value
    if hedge_kind == "approx":
        half = min(max(step / 2, 0.05 * magnitude), 0.10 * magnitude) if magnitude else step / 2
        return value - half, value + half
    if hedge_kind == "nearly":
        return value - 0.1 * magnitude, value
    if hedge_kind == "lower":
        high = value + max(min(step, magnitude), 0.01 * magnitude or 1.0)
        if dimension == "percent":
            high = min(high, 100.0) if value < 100 else high
        return value, high
    if hedge_kind == "lower_open":
        return value, None
    if hedge_kind == "below":
        return value - max(min(step, magnitude), 0.01 * magnitude or 1.0), value
    if hedge_kind == "upper":
        return (0.0 if value >= 0 else None), value
    return value, value


#: Vague magnitude words -> (stated bracket low factor, high factor, reading low, high).
#: The stated bracket [X, 10X] is what benchmarks annotate ("hundreds" = 100-1000); the
#: reading is the interval we compare with.
PLURAL_MAGNITUDES = {
    "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "trillions": 1e12,
}
COMPOUND_MAGNITUDES = {
    ("tens", "thousands"): 1e4, ("hundreds", "thousands"): 1e5, ("tens", "millions"): 1e7,
    ("hundreds", "millions"): 1e8, ("tens", "billions"): 1e10, ("hundreds", "billions"): 1e11,
}
FEW_FACTORS = {"a few": (2.0, 5.0), "few": (2.0, 5.0), "several": (3.0, 9.0),
               "many": (2.0, 9.0), "some": (2.0, 9.0)}


def vague_interval(text: str) -> tuple[float, float, float, float] | None:
    """(reading low, reading high, stated low, stated high) of a vague magnitude phrase."""
    words = " ".join(text.lower().split())
    words = re.sub(r"\s+of$", "", words)
    parts = words.split()
    if not parts:
        return None
    if len(parts) >= 3 and parts[1] == "of" and (parts[0], parts[2]) in COMPOUND_MAGNITUDES:
        base = COMPOUND_MAGNITUDES[(parts[0], parts[2])]
        return 2 * base, 10 * base - 1, base, 10 * base
    if parts[-1].rstrip("s") in ("hundred", "thousand", "million", "billion", "trillion"):
        scale = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                 "trillion": 1e12}[parts[-1].rstrip("s")]
        lead = " ".join(parts[:-1])
        if lead in FEW_FACTORS:
            low, high = FEW_FACTORS[lead]
            return low * scale, high * scale, scale, 10 * scale
    if len(parts) == 1 and parts[0] in PLURAL_MAGNITUDES:
        base = PLURAL_MAGNITUDES[parts[0]]
        if parts[0] == "dozens":
            return 24.0, 99.0, 12.0, 120.0
        if parts[0] == "scores":
            return 40.0, 99.0, 20.0, 200.0
        return 2 * base, 10 * base - 1, base, 10 * base
    return None


# -- false numbers -------------------------------------------------------------------------------

#: Words that may stand capitalised before a number without naming a product ("About 70%").
_CAPITALISED_OK = frozenset({
    "about", "around", "nearly", "almost", "some", "just", "over", "under", "only", "in",
    "by", "with", "of", "at", "to", "from", "since", "between", "the", "all", "approximately",
    "roughly", "up", "more", "less", "fewer", "and", "or", "but", "for", "after", "before",
    "among", "another", "his", "her", "its", "their", "our", "these", "those", "top", "than",
    "last", "first", "each", "every", "are", "were", "was", "is", "had", "has",
    "have", "reported", "said", "says", "killed", "injured", "wounded", "a", "an", "minus",
    "plus", "totalled", "totaled", "estimated", "exactly", "least", "most",
    "down", "rose", "fell", "gained", "lost", "jumped", "climbed", "dropped", "slid", "added",
})
_STREET = re.compile(
    r"(?:[-–]\d+)?\s+(?:[A-Z0-9][\w.]*\s+){0,3}(?:St|Street|Road|Rd|Avenue|Ave|Way|Lane|Ln|Drive|Dr|Boulevard"
    r"|Blvd|Place|Pl|Court|Ct|Square|Sq|Terrace|Highway|Hwy|Parkway)\b\.?"
)
_PHONE = re.compile(r"\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}")
#: A capitalised or camel-case word ("iPhone", "eBay") right before a number: a name.
_CAP_WORD_BEFORE = re.compile(r"([A-Z][\w&.'’]*|[a-z]+[A-Z][\w&.'’]*)\s+$")


def is_designation(text: str, start: int, end: int, sentence_start: bool) -> str | None:
    """Why the number at [start, end) is not a quantity (a name, code, address), or None.

    ``end`` is the end of the digits. Checked: model names and codes glued to letters
    ("Su-35", "F-16", "S22", "COVID-19", "5G"), a capitalised name right before it ("iPhone 11",
    "Big 12", "Game 7"), "No. 1" / "#1", ordinals ("96th"), street addresses, phone numbers.
    """
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if before.endswith(("#", "No. ", "No.", "no. ", "Nos. ", "number ", "Number ")):
        return "number label"
    if before.rstrip().endswith(("©", "(c)", "Copyright")):
        return "copyright year"
    if re.search(r"[A-Za-z][-‐–]$", before) and not re.search(r"(?i:minus|sub|near|mid)-$", before):
        return "designation"
    if re.search(r"[A-Za-z]$", before) and not re.search(
            r"(?:US|HK|NZ|RM|Rs|Rp|PS|Y=|[A-Z]\$|(?i:minus|sub|near|mid))$", before):
        return "designation"
    if re.search(r"[A-Z][A-Za-z]*\s+[-‐–]$", before):
        return "designation"  # "COVID -19"
    if re.search(r"\d[-–/:.]$", before):
        return "code"  # the tail of "555-123-4567", "24/7", "4:39"
    if re.match(r"(?:st|nd|rd|th)\b", after):
        return "ordinal"
    if re.match(r"[.:]\d", after):
        return "code"
    if _STREET.match(after):
        return "address"
    if re.match(r"\s+(?:ZIP|zip|postcode|post code|postal code)\b", after):
        return "postal code"
    if _PHONE.match(text, max(0, start - 6)) and _PHONE.search(text[max(0, start - 6) : end + 10]):
        return "phone"
    cap = _CAP_WORD_BEFORE.search(before)
    if cap and not sentence_start:
        word = cap.group(1)
        cap_start = start - len(before) + cap.start()
        at_sentence_start = cap_start == 0 or re.search(r"(?:[.!?:;\"“(]\s*|\n\s*)$",
                                                       text[max(0, cap_start - 4) : cap_start])
        if word.lower().rstrip(".") not in _CAPITALISED_OK and not at_sentence_start:
            return "name"
    return None
