"""Reading one number and what surrounds it: scale, currency, unit, rate, range.

The building blocks of ``quantities``: a ``Part`` is one number being assembled while the
text around it is read; ``attach_units`` reads what follows it, ``try_range`` the other end
of a range, ``number_starts`` the offsets where a number may begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quantity_nouns import noun_after
from .quantity_numbers import (
    DIGITS_PATTERN,
    NUMBER_WORDS_PATTERN,
    SCALE_ABBREVIATIONS,
    TENS_WORDS,
    UNITS_WORDS,
    parse_digits,
    parse_number_words,
)
from .quantity_rules import vague_interval
from .quantity_symbols import ambiguous_unit, spec_of
from .quantity_units import (
    CURRENCY_COUNTRIES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    PER_AFTER,
    PER_UNITS,
    SUBUNIT_NAMES,
    SUBUNITS,
    SYMBOL_UNITS,
    UNIT_AFTER,
    WORD_UNITS,
    UnitSpec,
)

_SCALE_WORDS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
NUMBER = re.compile(
    r"(?P<vague>(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few|many)\s+(?:hundred|thousand|million|billion)(?!\w)"
    r"|(?:dozens|hundreds|thousands|millions|billions|trillions)(?![\w-])"
    r"|scores(?=\s+of\b)))"
    r"|(?P<a_scale>(?i:(?:half\s+)?an?\s+(?:hundred|thousand|million|billion|dozen))(?![\w-]))"
    r"|(?P<frac_words>(?<![\w-])(?i:(?:one|two|three|four|a)[-\s](?:half|third|thirds|quarter"
    r"|quarters|fifth|fifths)|half)(?=\s+of\b))"
    r"|(?P<out_of>(?<![\w-])(?i:(?P<num_o>one|two|three|four|five|\d+)\s+(?:out\s+)?of\s+"
    r"(?:every\s+)?(?P<den_o>two|three|four|five|six|seven|eight|nine|ten|\d+))(?![\w-]))"
    rf"|(?P<digits>(?<![\d.,])(?:[-−–+](?=\.?\d))?{DIGITS_PATTERN}(?![\d]))"
    r"|(?P<words>(?<![\w-])(?!(?i:hundred|thousand|million|billion|trillion)\b)"
    rf"(?i:{NUMBER_WORDS_PATTERN})(?![\w]))"
)
_FRACTION_TAIL = re.compile(r"(?:\s+(\d+)\s*[/⁄]\s*(\d+)|\s*([½¼¾⅓⅔]))(?![\d])")
_SLASH_FRACTION = re.compile(r"[/⁄](\d+)(?![\d])")
_SCALE_AFTER = re.compile(
    r"(?:[\s-]+(?P<word>(?i:(?:hundred\s+)?(?:thousand|million|billion|trillion)|hundred|lakhs?"
    r"|crores?))(?![\w])"
    r"|\s?(?P<abbr>bn|mn|mln|bln|tn|trn)(?![A-Za-z])"
    r"|(?P<letter>[mbkMBKT])(?![A-Za-z0-9]))"
)
CURRENCY_BEFORE = re.compile(
    r"(?P<cur>(?i:us|c|ca|nz|hk|au)\s?\$|\$\s?US|U\.S\.\s?\$|A\s?\$|\$A|S\$|NT\$|R\$|Y="
    r"|(?<![A-Za-z])(?:(?:US\s)?dlrs|RM|Rs\.?|Rp|PS|USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY|RMB|INR|HKD|NZD|SGD|MYR"
    r"|NIS|ILS|KRW|RUB|(?i:usd|eur|gbp|rmb|cny|jpy)(?=\s))|\$|€|£|¥|₹|₽|₪|₩|₺|₴|zł|₦|₱|฿|元)\s?$"
)
_CURRENCY_WORD_AFTER = re.compile(
    r"[\s-]*(?:(?P<country>(?i:us|u\.s\.|american|australian|canadian|new\s+zealand|hong\s+kong"
    r"|singapore|taiwan|danish|swedish|norwegian|czech|swiss|egyptian|mexican|philippine"
    r"|indian|pakistani|iranian|saudi|brazilian|turkish|french|belgian|finnish|dutch|german"
    r"|italian|spanish|greek|austrian|portuguese|south\s+african))\s+)?"
    r"(?P<word>(?i:pounds\s+sterling|" + "|".join(
        re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True) if " " not in w)
    + r"))(?![\w])"
)
#: ``after`` is a look-ahead (empty when it holds, None when it fails) so the space after
#: "63 cents" stays unread: a rate may follow ("63 cents per share") and spans end on the word.
_SUBUNIT_AFTER = re.compile(r"(?P<sep>\s*-?\s*)(?P<sub>(?i:cents|cent|pence|penny|sen|kopecks|paise)|p)"
                            r"(?![A-Za-z])(?P<after>(?=[\s.,;)]|$))?")
#: A currency sign written after the amount ("1,200€", "50$"), as in much of Europe.
_CURRENCY_SIGN_AFTER = re.compile(r"\s?(?P<sign>€|\$|£|¥|₽|₹|₪|zł|元|₡|₾|₭|₫|₸|₵|₲)(?![\w$])")
_US_AFTER = re.compile(r"\s+U\.?S\.?(?=[\s,.;)]|$)")
_RANGE_SEP = re.compile(r"(?P<sep>\s*[-–—]\s*|\s+(?i:to|and|or)\s+|\s*(?i:to)\s*(?=\$))")
FROM_BEFORE = re.compile(r"(?i:\b(?P<w>between|from|ranging\s+from|range\s+from))\s+$")
_BY_BEFORE = re.compile(r"(?i:\bby)\s+$")
_CHANGE_BEFORE = re.compile(
    r"(?i:\b(?:rose|rise[sn]?|rising|fell|falls?|falling|gained|gains?|added|adds?|climbed|climbs?"
    r"|dropped|drops?|slid|slides?|jumped|jumps?|increased|increases?|decreased|decreases?"
    r"|declined|declines?|lost|loses?|plunged|plunges?|surged|surges?|soared|sank|tumbled"
    r"|up|down|shed|eased|advanced|grew|shrank)\b(?:\s+(?:by|some|about|nearly|almost))?)\s*$"
)
#: "of a (US) pint": the unit a fraction is a fraction of.
OF_A_AFTER = re.compile(r"\s+of\s+(?:an?|one)\s+(?:(?:US|U\.S\.|imperial|metric)\s+)?(?=[A-Za-z])")
#: "of the 1.5 billion shekels": the whole a bare number is a part of.
OF_THE_NUMBER = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|an?\s+estimated)\s+(?=[$€£¥]?\d)"
)
#: "one of the (most) largest ...": the noun after it is what is counted (the look-ahead
#: leaves one space before the noun phrase for ``noun_after``).
ONE_OF_THE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|my|your)(?:\s+(?i:most|least|very))?(?=\s+[a-z])"
)
MINUS_BEFORE = re.compile(r"(?i:\bminus)[\s-]*$")
OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|all|these|those)\s+)?")
LABEL_BEFORE = re.compile(
    r"(?i:\b(?:category|level|phase|grade|class|stage|tier|article|chapter|section|page|room"
    r"|gate|terminal|route|highway|platform|flight|round|season|episode|version|no|unit"
    r"|apartment|suite|lot|exit|row|seat|channel|model|series|type|size|zone|district|ward"
    r"|block|building|floor|zip|code|id|week|day|game|match|stage|mark|phase))\s+$"
)
AGE_APPOSITION = re.compile(r"[A-Z][a-z]+,\s*$")
#: A person's age after a verb of becoming: "he will be 35 by", "turned 40 on", "aged 62,".
AGE_VERB_BEFORE = re.compile(
    r"(?i:\b(?:(?:he|she|who)\s+(?:will|would|is|was|'ll)\s+(?:be|turn)|turns|turned"
    r"|turning|aged|at\s+the\s+age\s+of))\s+$"
)
AGE_AFTER = re.compile(r"\s*(?:[,.;)]|$|\s(?:by|on|in|next|this|when|later|after|before|and)\b)")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“(]\s*)$")
PLURAL_NOUN_AFTER = re.compile(r"\s+([a-z]+s)\b")


@dataclass
class Part:
    """A number being assembled (mutable while parsing)."""

    start: int
    end: int
    value: float | None
    text: str
    low: float | None = None
    high: float | None = None
    vague: bool = False
    stated_low: float | None = None
    stated_high: float | None = None
    scale: float = 1.0
    currency: str | None = None
    currency_name: str | None = None
    spec: UnitSpec | None = None
    unit_name: str | None = None
    per: str | None = None
    thing: str | None = None
    phrase: str | None = None
    fraction: bool = False
    """A share written as a fraction ("two-thirds of", "one out of three"): a percentage."""


def _scale_after(text: str, pos: int, has_currency: bool) -> tuple[float, int]:
    """(scale, end) of "million", "bn", "m" written after a number at ``pos``."""
    match = _SCALE_AFTER.match(text, pos)
    if match is None:
        return 1.0, pos
    if match["word"]:
        words = match["word"].lower().split()
        scale = 1.0
        for word in words:
            scale *= _SCALE_WORDS[word]
        return scale, match.end()
    if match["abbr"]:
        return SCALE_ABBREVIATIONS[match["abbr"]], match.end()
    letter = match["letter"]
    # A glued "m"/"M"/"b"/"k" is a scale after money ("$1.7bn", "PS2.7m"); "M" and "B" also
    # before a plural noun ("4.3M sales"); otherwise "m" is metres and "k" nothing.
    follows_noun = PLURAL_NOUN_AFTER.match(text, match.end()) is not None
    if has_currency or (letter in "MB" and (follows_noun or match.end() == len(text)
                                            or text[match.end()] in " ,.;)")):
        return SCALE_ABBREVIATIONS[letter], match.end()
    return 1.0, pos


def parse_number_at(text: str, m: re.Match[str]) -> Part | None:
    """The bare number at ``m`` (digits, words, fraction, vague magnitude)."""
    raw = m.group()
    if m["vague"]:
        reading = vague_interval(raw)
        if reading is None:
            return None
        low, high, stated_low, stated_high = reading
        return Part(m.start(), m.end(), None, raw, low, high, True, stated_low, stated_high)
    if m["a_scale"]:
        words = raw.lower().split()
        value = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                 "dozen": 12.0}[words[-1]]
        if words[0] == "half":
            value /= 2
        return Part(m.start(), m.end(), value, raw)
    if m["frac_words"]:
        words = raw.lower().replace("-", " ").split()
        denominator = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                       "quarters": 4, "fifth": 5, "fifths": 5}[words[-1]]
        count = 1.0 if len(words) == 1 or words[0] in ("a", "one") else float(
            {"two": 2, "three": 3, "four": 4}[words[0]])
        return Part(m.start(), m.end(), count / denominator, raw, fraction=True)
    if m["out_of"]:
        top = parse_number_words(m["num_o"]) if not m["num_o"].isdigit() else float(m["num_o"])
        bottom = parse_number_words(m["den_o"]) if not m["den_o"].isdigit() else float(m["den_o"])
        if not top or not bottom or top >= bottom:
            return None
        return Part(m.start(), m.end(), top / bottom, raw, fraction=True)
    if m["digits"]:
        number = parse_digits(raw.lstrip("+"))
        if number is None:
            return None
        value = number
        part = Part(m.start(), m.end(), value, raw)
        tail = _FRACTION_TAIL.match(text, m.end())
        if tail and "." not in raw and "," not in raw:
            if tail.group(3):
                part.value = value + {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3,
                                      "⅔": 2 / 3}[tail.group(3)]
            elif int(tail.group(2)) and int(tail.group(1)) < int(tail.group(2)):
                part.value = value + int(tail.group(1)) / int(tail.group(2))
            part.end = tail.end()
        slash = _SLASH_FRACTION.match(text, m.end())
        if slash and "." not in raw and "," not in raw and re.match(r"\s+of\b|\s*[a-z]",
                                                                    text[slash.end():]):
            denominator = int(slash.group(1))
            if denominator and value < denominator:
                part.value = value / denominator
                part.end = slash.end()
                part.text = text[part.start : part.end]
        return part
    worded = parse_number_words(raw)
    if worded is None:
        return None
    return Part(m.start(), m.end(), worded, raw)


def currency_before(text: str, start: int) -> tuple[str, str, int] | None:
    match = CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if match is None:
        return None
    symbol = match["cur"]
    if "$" in symbol and symbol[0].isalpha():
        symbol = symbol.replace(" ", "").upper()  # "c $", "hk $", "US $" -> "C$", "HK$", "US$"
    symbol = " ".join(symbol.split()).replace("U.S.$", "US$").replace("$ US", "$US")
    if symbol.isalpha() and symbol.islower():
        symbol = symbol.upper()  # "rmb 10", "usd 20" in lower-cased text
    code = CURRENCY_PREFIXES.get(symbol) or CURRENCY_PREFIXES.get(symbol.replace(" ", ""))
    if code is None:
        return None
    if symbol == "PS" and not re.match(r"\d[\d,.]*\d|\d+(?:bn|m|k)", text[start : start + 8]):
        return None  # "PS5" is a games console; "PS8.1bn" is how unidecode writes "£8.1bn"
    return code, symbol, match.start()


def attach_units(text: str, part: Part, money: tuple[str, str, int] | None) -> None:
    """Scale, currency words, subunits, units and rates after the number."""
    pos = part.end
    if not part.vague:
        scale, pos = _scale_after(text, pos, money is not None)
        part.scale = scale
    if money is not None:
        part.currency = money[0]
        us = _US_AFTER.match(text, pos)
        if us:
            pos = us.end()
    if part.currency is None:
        sub = _SUBUNIT_AFTER.match(text, pos)
        sign = _CURRENCY_SIGN_AFTER.match(text, pos)
        if sign is not None and not part.vague:
            part.currency = CURRENCY_PREFIXES[sign["sign"]]
            pos = sign.end()
        elif sub and not (sub["sub"] == "p" and sub["sep"] and sub["after"] is None):
            key = sub["sub"].lower()
            part.currency, subfactor = SUBUNITS[key]
            part.currency_name = SUBUNIT_NAMES[key]
            part.scale *= subfactor
            pos = sub.end()
        else:
            word = _CURRENCY_WORD_AFTER.match(text, pos)
            if word and (word["word"].lower() not in ("won", "real", "rand", "crown", "peso")
                         or word["country"]):
                name = word["word"].lower()
                code = "GBP" if name.startswith("pounds") else CURRENCY_WORDS[name]
                if word["country"]:
                    country = " ".join(word["country"].lower().split())
                    base = name.rstrip("s") if name.endswith("s") else name
                    code = CURRENCY_COUNTRIES.get((country, base), code)
                part.currency = code
                pos = word.end()
            elif part.scale >= 1e6 and re.match(r"\s+pounds\b", text[pos:], re.IGNORECASE):
                part.currency = "GBP"  # "5 million pounds" is money, "208 pounds" a weight
                pos = pos + re.match(r"\s+pounds", text[pos:], re.IGNORECASE).end()  # type: ignore[union-attr]
    if part.currency is None:
        symbol = ambiguous_unit(text, pos) if not part.vague else None
        if symbol is not None:
            reading, pos = symbol
            if reading.currency is not None:
                part.currency, part.currency_name = reading.currency, reading.name
            else:
                part.spec = spec_of(reading)
                part.unit_name = reading.name
        unit = UNIT_AFTER.match(text, pos) if symbol is None else None
        if unit is not None:
            surface = unit["word"] or unit["symbol"]
            glued = unit["sep"] == ""
            single = unit["symbol"] is not None and len(surface) == 1
            ok = not single or glued or surface in ("%", "°") or (
                surface in ("W", "C", "V") and re.match(
                    r"\s*(?:[^\w]|$|[a-z])", text[unit.end() : unit.end() + 2] or " "))
            if unit["symbol"] == "in." or (unit["sep"].strip() == "-" and single):
                ok = False
            if ok:
                spec = WORD_UNITS[surface.lower()] if unit["word"] else SYMBOL_UNITS[surface]
                part.spec = spec
                part.unit_name = spec.name
                pos = unit.end()
    if part.currency is not None or part.spec is not None:
        per = PER_AFTER.match(text, pos)
        if per is not None and (part.currency is not None or part.spec is None
                                or part.spec.dimension != "duration"):
            part.per = PER_UNITS[per["per"].lower()]
            pos = per.end()
    part.end = pos


def _second_part(text: str, pos: int) -> tuple[Part, tuple[str, str, int] | None] | None:
    """A number starting at ``pos`` (after a currency sign, if any), for the end of a range."""
    cursor = pos
    money: tuple[str, str, int] | None = None
    prefix = re.match(r"(?:US\s?\$|\$US|A\$|\$A|C\$|HK\s?\$|NZ\$|Y=|RM|PS|\$|€|£|¥)\s?", text[pos:])
    if prefix:
        cursor = pos + prefix.end()
    m = NUMBER.match(text, cursor)
    if m is None or not (m["digits"] or m["words"]):
        return None
    if prefix:
        money = currency_before(text, m.start())
    part = parse_number_at(text, m)
    if part is None:
        return None
    return part, money


def _compatible_units(a: Part, b: Part) -> bool:
    """Both ends in the same unit, or one end leaves its unit to the other."""
    if a.currency and b.currency:
        return a.currency == b.currency and a.currency_name == b.currency_name
    if a.spec and b.spec:
        return a.spec.name == b.spec.name
    if (a.currency and b.spec) or (a.spec and b.currency):
        return False
    return True


def _inherit(first: Part, second: Part) -> None:
    """Carry unit, currency, scale and rate written once for both ends ("5 to 7 per cent")."""
    if first.currency is None and first.spec is None:
        first.currency, first.currency_name = second.currency, second.currency_name
        first.spec, first.unit_name = second.spec, second.unit_name
    if first.per is None:
        first.per = second.per
    if first.scale == 1.0 and second.scale > 1.0 and first.value is not None \
            and second.value is not None and first.value < second.value:
        first.scale = second.scale
    if second.currency is None and second.spec is None:
        second.currency, second.currency_name = first.currency, first.currency_name
        second.spec, second.unit_name = first.spec, first.unit_name
        second.per = second.per or first.per
        if second.scale == 1.0 and first.scale > 1.0 and second.value is not None \
                and first.value is not None and second.value < first.value:
            second.scale = first.scale


#: Words between the two ends of "from X ... to Y": a time ("at 10.45pm last night", "in 2008")
#: or a qualifier ("combined"); no verbs of a new clause, no other quantity.
_FROM_GAP = re.compile(
    r"(?:\s+(?!(?i:to|from|and|or|but|while|which|who|that|than|by|with|versus|vs)\b)"
    r"(?:[A-Za-z][\w'’.-]*|(?:1[89]|20)\d\d(?![\d,])|\d{1,2}(?:[.:][0-5]\d)?\s?(?i:[ap]\.?m\.?)))"
    r"{1,5}?(?=\s+(?i:to)\s+(?:[$€£¥]|\d))"
)


def try_range(text: str, first: Part, left: int) -> tuple[Part, str] | None:
    """The other end of a range after ``first``, or None.

    After "from", a short phrase may stand between the two ends when the first carries its
    unit ("from $36,040 at 10.45pm last night to $34,935", "from 20 miles per gallon in 2008
    to 29 mpg"): the span still runs from the first number to the second.
    """
    sep = _RANGE_SEP.match(text, first.end)
    if sep is None and first.value is not None and (first.currency or first.spec) and \
            FROM_BEFORE.search(text, max(0, left - 20), left):
        gap = _FROM_GAP.match(text, first.end)
        if gap is not None:
            sep = _RANGE_SEP.match(text, gap.end())
    if sep is None or first.value is None:
        return None
    word = sep["sep"].strip().lower()
    found = _second_part(text, sep.end())
    if found is None:
        return None
    second, money = found
    attach_units(text, second, money)
    if second.value is None or not _compatible_units(first, second):
        return None
    lead = FROM_BEFORE.search(text, max(0, left - 20), left)
    opener = lead["w"].lower() if lead else ""
    increasing = first.value * (first.scale if first.scale > 1 else second.scale) \
        < second.value * second.scale
    if word == "and" and opener != "between":
        return None
    if word == "or":
        if not (second.value == first.value + 1 and (second.spec or second.currency
                                                      or noun_after(text, second.end))):
            return None
    elif word in ("-", "–", "—") or word == "":
        if not increasing and opener not in ("from", "ranging from", "range from"):
            return None
    elif word == "to":
        own_unit = first.currency is not None or first.spec is not None
        if own_unit and not opener and (_BY_BEFORE.search(text, max(0, left - 5), left)
                                        or _CHANGE_BEFORE.search(text, max(0, left - 30), left)):
            # "rose by $43.6 billion to $419.2 billion", "rose 18 sen to RM23.50": the amount
            # of a change, then the level reached; a unit written once ("rose 3 to 5 percent")
            # still makes a range.
            return None
        if not increasing and not opener:
            return None
        if not opener and first.spec is None and first.currency is None and \
                second.spec is None and second.currency is None and not noun_after(text, second.end):
            return None
    _inherit(first, second)
    return second, word


def unit_of_number_at(text: str, pos: int) -> Part | None:
    """The number at ``pos`` with its scale and unit read (None when there is none)."""
    found = _second_part(text, pos)
    if found is None:
        return None
    part, money = found
    attach_units(text, part, money)
    return part


def unit_after_of(text: str, pos: int) -> Part | None:
    """The unit or currency named right after "of" ("hundreds of miles", "billions of
    dollars"), as a bare part carrying only its unit; None when a plain noun follows."""
    probe = Part(pos, pos, 1.0, "1", vague=True)  # vague: no scale word is read here
    attach_units(text, probe, None)
    if probe.currency is None and probe.spec is None:
        return None
    return probe


#: Words that can start a number ("twenty", "hundreds", "several hundred", "two-thirds").
_NUMBER_WORDS = frozenset({
    *UNITS_WORDS, *TENS_WORDS, "hundred", "thousand", "million", "billion", "trillion",
    "dozen", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions",
    "tens", "several", "few", "many", "half", "third", "thirds", "quarter", "quarters", "fifth",
    "fifths",
})
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_ARTICLE_BEFORE = re.compile(r"(?i:(?:half\s+)?an?)\s+$")


def number_starts(text: str, low: int, high: int) -> list[int]:
    """Offsets where a number may begin, in order: digit runs (with a sign or a leading
    decimal point) and number words (with "a"/"half a" before them).

    A trivial token pattern and a set look-up find them far faster than trying the full
    number pattern at every character.
    """
    starts: list[int] = []
    for match in _TOKEN.finditer(text, low, high):
        word = match.group()
        start = match.start()
        previous = text[start - 1] if start > low else ""
        if word[0].isdigit():
            if previous in ",." and start - 2 >= low and text[start - 2].isdigit():
                continue  # the rest of "1,100" or "3.5"
            if previous in ".-−–+":
                starts.append(start - 1)
            starts.append(start)
        elif word.lower() in _NUMBER_WORDS:
            article = _ARTICLE_BEFORE.search(text, max(low, start - 8), start)
            if article is not None:
                starts.append(article.start())
            starts.append(start)
    return starts
