"""Short unit symbols that mean different units in different subjects, read from context.

"2.5 F" is farads next to a capacitor and degrees Fahrenheit in a weather report; "150 kn"
is Croatian kuna for a ticket and knots for a ship; "10 a" is ten years after "for" and ten
acres of land. A symbol here is accepted only when its sentence names the subject of one of
its readings (a few cue words per reading); without a cue it is left alone, because most of
these letters are also ordinary words or initials ("a", "B", "P").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quantity_units import UnitSpec


@dataclass(frozen=True, slots=True)
class Reading:
    """One unit a symbol may stand for."""

    name: str
    """Canonical unit name (as benchmarks name it: "farad", "croatian kuna")."""
    cues: frozenset[str]
    """Lower-case words whose presence in the sentence selects this reading."""
    currency: str | None = None
    """ISO 4217 code when the reading is money."""
    normal: str | None = None
    """Normalised unit symbol when it is not money."""
    dimension: str = "other"


def _r(name: str, cues: str, *, currency: str | None = None, normal: str | None = None,
       dimension: str = "other") -> Reading:
    return Reading(name, frozenset(cues.split()), currency, normal, dimension)


_TEMPERATURE = ("temperature temperatures degrees weather heat hot cold warm cool cooled oven "
                "bake baking fever thermometer freezing boiling climate")
_DATA = ("file files data memory storage disk download downloaded bandwidth bits bytes byte bit "
         "gb mb kb binary computer software program")
_MONEY = ("price prices cost costs costing paid pay pays bought buy sold sell selling ticket "
          "fee fare spent spend cheap expensive pricey budget worth market shop store currency")
_SPEED = "speed speeds wind winds gust gusts ship ships boat vessel sailing sea knots aircraft"

#: Symbol (as written, case-sensitive) -> its readings.
AMBIGUOUS: dict[str, tuple[Reading, ...]] = {
    "F": (_r("fahrenheit", _TEMPERATURE, normal="degC"),
          _r("farad", "capacitor capacitors capacitance charge charged circuit farad farads "
                      "electric electrical", normal="F")),
    "C": (_r("coulomb", "charge charged coulomb coulombs electric electrical battery "
                        "capacitor electrons", normal="C"),),
    "b": (_r("bit", _DATA, normal="bit"),
          _r("barn", "cross-section cross section nucleus nuclear neutron neutrons particle "
                     "particles atomic scattering barns", normal="barn")),
    "B": (_r("byte", _DATA, normal="byte"),
          _r("bel", "sound loudness noise decibel decibels volume acoustic audio amplifier",
             normal="B")),
    "kn": (_r("croatian kuna", _MONEY + " croatia croatian zagreb split dubrovnik",
              currency="HRK"),
           _r("knot", _SPEED, normal="km/h")),
    "kt": (_r("knot", _SPEED, normal="km/h"),
           _r("kiloton", "yield warhead warheads nuclear bomb bombs explosion blast tnt "
                         "detonation weapon weapons megaton", normal="kt")),
    "a": (_r("year", "for since been working worked living lived served serving old age ago "
                     "company career married", normal="day", dimension="duration"),
          _r("acre", "area land park farm field fields covers covering spans spanning estate "
                     "golf property acres hectares plot", normal="km2")),
    "R": (_r("roentgen", "radiation dose doses x-ray exposure exposed radioactive",
             normal="R"),
          _r("south african rand", _MONEY + " south africa african johannesburg",
             currency="ZAR")),
    "P": (_r("poise", "viscosity viscous fluid fluids liquid polymer", normal="P"),),
    "pc": (_r("parsec", "star stars galaxy galaxies earth astronomers light-years distance "
                        "telescope cluster nebula", normal="pc"),),
    "dpt": (_r("diopter (lens)", "lens lenses glasses optician eye eyes vision correction "
                                 "prescription", normal="dpt"),),
}
_SYMBOL_AFTER = re.compile(
    r"[ \t]?(?P<sym>" + "|".join(sorted(map(re.escape, AMBIGUOUS), key=len, reverse=True))
    + r")(?![\w$%°/-]|\.\w)"
)
_WORD = re.compile(r"[a-z][a-z-]*")
#: After "a", a word that makes it the article of a noun phrase ("10 a day", "5 a share").
_ARTICLE_USE = re.compile(r"\s+(?!(?:and|or|but|in|of|at|on|with|since|ago|by|for|to|now)\b)"
                          r"[a-z]")


def ambiguous_unit(text: str, pos: int) -> tuple[Reading, int] | None:
    """(reading, end) of an ambiguous symbol right after a number ending at ``pos``, chosen by
    the cue words of the sentence; None when no symbol follows or no reading has a cue."""
    match = _SYMBOL_AFTER.match(text, pos)
    if match is None:
        return None
    symbol = match["sym"]
    if symbol == "a" and _ARTICLE_USE.match(text, match.end()):
        return None
    begin = max(max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1, pos - 160)
    finish = text.find(". ", match.end())
    finish = min(finish if finish != -1 else len(text), match.end() + 160)
    words = set(_WORD.findall(text[begin:finish].lower()))
    best: tuple[int, Reading] | None = None
    for reading in AMBIGUOUS[symbol]:
        score = len(reading.cues & words)
        if score and (best is None or score > best[0]):
            best = (score, reading)
    if best is None:
        return None
    return best[1], match.end()


#: Factors to the normalised unit where it differs from the symbol's own.
_FACTORS = {"year": 365.25, "acre": 0.0040468564224, "knot": 1.852}


def spec_of(reading: Reading) -> UnitSpec:
    """The ``UnitSpec`` of a non-money reading (years count in days like every duration,
    acres in km2, knots in km/h; the others stay in their own unit)."""
    return UnitSpec(reading.name, reading.dimension, reading.normal or reading.name, None,
                    _FACTORS.get(reading.name))
