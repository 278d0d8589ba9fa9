"""Units, currencies and scale words the quantity normaliser recognises.

Each unit has a canonical English name (what the text stated: "mile", "dollar per barrel"),
a dimension and the normalised unit it converts to (lengths to km, masses to kg ...). Factors
come from pint, computed once per unit and cached, so pint stays off the per-number path.
Currencies normalise to ISO 4217 codes and are never converted into one another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """One unit as written in text."""

    name: str
    """Canonical name of the unit as stated ("mile", "kilometre per hour", "percentage")."""
    dimension: str
    """length, mass, duration, percent, currency, count, other."""
    normal: str
    """Normalised unit symbol (km, kg, day, percent, USD ...)."""
    pint_unit: str | None = None
    """pint expression of the stated unit, for the conversion factor (None: factor 1)."""
    factor: float | None = None
    """Fixed factor to ``normal`` when pint has no such unit (cents -> dollars)."""


#: (name, pint unit, symbols, words) rows for unit families sharing a dimension.
Family = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _u(name: str, dimension: str, normal: str, pint_unit: str | None = None,
       factor: float | None = None) -> UnitSpec:
    return UnitSpec(name, dimension, normal, pint_unit, factor)


#: Normalised unit per dimension, as a pint expression (for factor computation).
_PINT_TARGET = {"km": "kilometer", "kg": "kilogram", "L": "liter", "km2": "kilometer**2",
                "km/h": "kilometer/hour", "kW": "kilowatt", "kWh": "kilowatt_hour",
                "GB": "gigabyte", "Hz": "hertz", "day": "day", "kPa": "kilopascal",
                "N*m": "newton*meter"}

KM = "km"
#: Unit words (matched case-insensitively): surface -> spec. Plural forms are listed.
WORD_UNITS: dict[str, UnitSpec] = {}
#: Unit symbols (matched case-sensitively): surface -> spec.
SYMBOL_UNITS: dict[str, UnitSpec] = {}


def _words(spec: UnitSpec, *surfaces: str) -> None:
    for surface in surfaces:
        WORD_UNITS[surface.lower()] = spec


def _symbols(spec: UnitSpec, *surfaces: str) -> None:
    for surface in surfaces:
        SYMBOL_UNITS[surface] = spec


# -- length ------------------------------------------------------------------------------------
_km = _u("kilometre", "length", KM, "kilometer")
_words(_km, "kilometer", "kilometers", "kilometre", "kilometres", "klicks")
_symbols(_km, "km", "kms", "KM", "Km")
_m = _u("metre", "length", KM, "meter")
_words(_m, "meter", "meters", "metre", "metres")
_symbols(_m, "m")
_words(_u("centimetre", "length", KM, "centimeter"), "centimeter", "centimeters", "centimetre",
       "centimetres")
_symbols(_u("centimetre", "length", KM, "centimeter"), "cm")
_mm = _u("millimetre", "length", KM, "millimeter")
_words(_mm, "millimeter", "millimeters", "millimetre", "millimetres")
_symbols(_mm, "mm")
_um = _u("micrometre", "length", KM, "micrometer")
_words(_um, "micrometer", "micrometers", "micrometre", "micrometres", "micron", "microns")
_symbols(_um, "μm", "µm")
_nm = _u("nanometre", "length", KM, "nanometer")
_words(_nm, "nanometer", "nanometers", "nanometre", "nanometres")
_symbols(_nm, "nm")
_mile = _u("mile", "length", KM, "mile")
_words(_mile, "mile", "miles")
_symbols(_mile, "mi")
_nmi = _u("nautical mile", "length", KM, "nautical_mile")
_words(_nmi, "nautical mile", "nautical miles")
_symbols(_nmi, "nmi")
_yard = _u("yard", "length", KM, "yard")
_words(_yard, "yard", "yards")
_symbols(_yard, "yd", "yds")
_foot = _u("foot", "length", KM, "foot")
_words(_foot, "foot", "feet")
_symbols(_foot, "ft", "′")
_inch = _u("inch", "length", KM, "inch")
_words(_inch, "inch", "inches")
_symbols(_inch, "″", "in.")
# -- mass --------------------------------------------------------------------------------------
_kg = _u("kilogram", "mass", "kg", "kilogram")
_words(_kg, "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
_symbols(_kg, "kg", "kgs")
_g = _u("gram", "mass", "kg", "gram")
_words(_g, "gram", "grams", "gramme", "grammes")
_symbols(_g, "g")
_mg = _u("milligram", "mass", "kg", "milligram")
_words(_mg, "milligram", "milligrams")
_symbols(_mg, "mg")
_tonne = _u("metric ton", "mass", "kg", "metric_ton")
_words(_tonne, "tonne", "tonnes", "metric ton", "metric tons")
_symbols(_tonne, "t")
_words(_u("ton", "mass", "kg", "short_ton"), "ton", "tons")
_lb = _u("pound-mass", "mass", "kg", "pound")
_words(_lb, "pound", "pounds")
_symbols(_lb, "lb", "lbs")
_oz = _u("ounce", "mass", "kg", "ounce")
_words(_oz, "ounce", "ounces")
_symbols(_oz, "oz")
# -- volume ------------------------------------------------------------------------------------
_l = _u("litre", "other", "L", "liter")
_words(_l, "liter", "liters", "litre", "litres")
_symbols(_l, "l", "L")
_ml = _u("millilitre", "other", "L", "milliliter")
_words(_ml, "milliliter", "milliliters", "millilitre", "millilitres")
_symbols(_ml, "ml", "mL")
_gal = _u("gallon", "other", "L", "gallon")
_words(_gal, "gallon", "gallons")
_words(_u("pint", "other", "L", "pint"), "pint", "pints")
_words(_u("quart", "other", "L", "quart"), "quart", "quarts")
_words(_u("cubic foot", "other", "L", "foot**3"), "cubic foot", "cubic feet")
_words(_u("cubic metre", "other", "L", "meter**3"), "cubic meter", "cubic meters", "cubic metre",
       "cubic metres")
_symbols(_u("cubic metre", "other", "L", "meter**3"), "m3", "m³")
_words(_u("barrel", "other", "barrel"), "barrel", "barrels")
_words(_u("barrel of oil", "other", "barrel"), "barrels of oil", "barrel of oil")
# -- area --------------------------------------------------------------------------------------
_m2 = _u("square metre", "other", "km2", "meter**2")
_words(_m2, "square meter", "square meters", "square metre", "square metres", "sq m", "sq. m",
       "sqm")
_symbols(_m2, "m2", "m²")
_km2 = _u("square kilometre", "other", "km2", "kilometer**2")
_words(_km2, "square kilometer", "square kilometers", "square kilometre", "square kilometres",
       "sq km")
_symbols(_km2, "km2", "km²")
_ft2 = _u("square foot", "other", "km2", "foot**2")
_words(_ft2, "square foot", "square feet", "sq ft", "sq. ft", "sq. ft.", "sqft")
_words(_u("square mile", "other", "km2", "mile**2"), "square mile", "square miles", "sq mi")
_words(_u("hectare", "other", "km2", "hectare"), "hectare", "hectares")
_symbols(_u("hectare", "other", "km2", "hectare"), "ha")
_words(_u("acre", "other", "km2", "acre"), "acre", "acres")
# -- speed -------------------------------------------------------------------------------------
_kmh = _u("kilometre per hour", "other", "km/h", "kilometer/hour")
_words(_kmh, "kilometers per hour", "kilometres per hour", "kilometers an hour",
       "kilometres an hour")
_symbols(_kmh, "km/h", "kph", "km/hr", "kmh", "kmph")
_mph = _u("mile per hour", "other", "km/h", "mile/hour")
_words(_mph, "miles per hour", "miles an hour", "mile per hour")
_symbols(_mph, "mph", "MPH")
_symbols(_u("metre per second", "other", "km/h", "meter/second"), "m/s")
_words(_u("knot", "other", "km/h", "knot"), "knot", "knots")
_mpg = _u("mile per gallon", "other", "mpg")
_words(_mpg, "miles per gallon")
_symbols(_mpg, "mpg", "MPG")
# -- temperature (offset conversions are handled in quantities.convert) --------------------------
_c = _u("celsius", "other", "degC")
_words(_c, "degrees celsius", "degree celsius", "celsius", "degrees centigrade", "degrees c",
       "deg c", "deg. c", "centigrade", "celcius", "degrees celcius")  # common misspelling too
_symbols(_c, "°C", "ºC", "C")
_f = _u("fahrenheit", "other", "degC")
_words(_f, "degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f", "deg f",
       "deg. f", "farenheit", "degrees farenheit")
_symbols(_f, "°F", "ºF")
_words(_u("degree", "other", "degree"), "degree", "degrees", "deg", "deg.")
_symbols(_u("degree", "other", "degree"), "°")
# -- power, energy, electricity, frequency, data ---------------------------------------------------
_POWER: tuple[Family, ...] = (
    ("watt", "watt", ("W",), ("watt", "watts")),
    ("kilowatt", "kilowatt", ("kW", "KW"), ("kilowatt", "kilowatts")),
    ("megawatt", "megawatt", ("MW",), ("megawatt", "megawatts")),
    ("gigawatt", "gigawatt", ("GW",), ("gigawatt", "gigawatts")),
)
for _name, _pint, _syms, _wordlist in _POWER:
    _spec = _u(_name, "other", "kW", _pint)
    _symbols(_spec, *_syms)
    _words(_spec, *_wordlist)
_ENERGY: tuple[Family, ...] = (
    ("kilowatt hour", "kilowatt_hour", ("kWh", "KWh"), ("kilowatt hour", "kilowatt hours",
                                                        "kilowatt-hour", "kilowatt-hours")),
    ("megawatt hour", "megawatt_hour", ("MWh",), ("megawatt hour", "megawatt hours")),
    ("gigawatt hour", "gigawatt_hour", ("GWh",), ("gigawatt hour", "gigawatt hours")),
    ("terawatt hour", "terawatt_hour", ("TWh",), ("terawatt hour", "terawatt hours")),
)
for _name, _pint, _syms, _wordlist in _ENERGY:
    _spec = _u(_name, "other", "kWh", _pint)
    _symbols(_spec, *_syms)
    _words(_spec, *_wordlist)
_hp = _u("horsepower", "other", "kW", "horsepower")
_words(_hp, "horsepower")
_symbols(_hp, "hp", "HP", "PS")
_symbols(_u("brake horsepower", "other", "kW", "horsepower"), "bhp")
_words(_u("volt", "other", "volt"), "volt", "volts")
_symbols(_u("volt", "other", "volt"), "V", "kV")
_symbols(_u("milliampere-hour", "other", "mAh"), "mAh")
_FREQUENCY: tuple[Family, ...] = (
    ("hertz", "hertz", ("Hz", "HZ"), ("hertz",)),
    ("kilohertz", "kilohertz", ("kHz",), ("kilohertz",)),
    ("megahertz", "megahertz", ("MHz",), ("megahertz",)),
    ("gigahertz", "gigahertz", ("GHz",), ("gigahertz",)),
)
for _name, _pint, _syms, _wordlist in _FREQUENCY:
    _spec = _u(_name, "other", "Hz", _pint)
    _symbols(_spec, *_syms)
    _words(_spec, *_wordlist)
_DATA: tuple[Family, ...] = (
    ("kilobyte", "kilobyte", ("KB", "kB"), ("kilobyte", "kilobytes")),
    ("megabyte", "megabyte", ("MB",), ("megabyte", "megabytes")),
    ("gigabyte", "gigabyte", ("GB",), ("gigabyte", "gigabytes")),
    ("terabyte", "terabyte", ("TB",), ("terabyte", "terabytes")),
)
for _name, _pint, _syms, _wordlist in _DATA:
    _spec = _u(_name, "other", "GB", _pint)
    _symbols(_spec, *_syms)
    _words(_spec, *_wordlist)
_words(_u("decibel", "other", "dB"), "decibel", "decibels")
_symbols(_u("decibel", "other", "dB"), "dB")
_symbols(_u("newton metre", "other", "N*m", "newton*meter"), "Nm", "N·m")
_words(_u("newton metre", "other", "N*m", "newton*meter"), "newton metres", "newton meters")
_words(_u("pound-foot", "other", "N*m", "foot*force_pound"), "pound-feet", "pound-foot",
       "pound-feet of torque", "lb-ft", "foot-pounds")
_symbols(_u("foot pound-force", "other", "N*m", "foot*force_pound"), "lb-ft", "lb.-ft.")
_symbols(_u("revolutions per minute", "other", "rpm"), "rpm", "RPM")
_words(_u("revolutions per minute", "other", "rpm"), "revolutions per minute")
_symbols(_u("parts-per-billion", "other", "ppb"), "ppb")
_symbols(_u("parts-per-million", "other", "ppm"), "ppm")
_words(_u("calorie", "other", "kcal"), "calorie", "calories", "kilocalories")
_symbols(_u("calorie", "other", "kcal"), "kcal")
_symbols(_u("gigapascal", "other", "kPa", "gigapascal"), "GPa")
_words(_u("gigapascal", "other", "kPa", "gigapascal"), "gigapascal", "gigapascals")
_symbols(_u("megapixel", "other", "MP"), "MP")
_words(_u("megapixel", "other", "MP"), "megapixel", "megapixels")
# -- time --------------------------------------------------------------------------------------
_TIME: tuple[Family, ...] = (
    ("second", "second", ("sec", "secs"), ("second", "seconds")),
    ("minute", "minute", ("min", "mins"), ("minute", "minutes")),
    ("hour", "hour", ("hr", "hrs", "h"), ("hour", "hours")),
    ("day", "day", (), ("day", "days")),
    ("week", "week", (), ("week", "weeks")),
    ("month", "month", (), ("month", "months")),
    ("year", "year", ("yr", "yrs"), ("year", "years")),
    # pint's "decade" is a logarithmic ratio, not ten years; spell the spans out.
    ("decade", "10 * year", (), ("decade", "decades")),
    ("century", "100 * year", (), ("century", "centuries")),
)
for _name, _pint, _syms, _wordlist in _TIME:
    _spec = _u(_name, "duration", "day", _pint)
    _symbols(_spec, *_syms)
    _words(_spec, *_wordlist)
_age = _u("year of age", "other", "years of age")
_words(_age, "year-old", "years-old", "year old", "years old", "years of age", "-year-old")
_symbols(_age, "yo", "y/o", "y.o.")
_words(_u("month of age", "other", "months of age"), "month-old", "months-old", "month old",
       "months old", "months of age")
_words(_u("week of age", "other", "weeks of age"), "week-old", "weeks-old", "week old",
       "weeks old", "weeks of age")
_words(_u("day of age", "other", "days of age"), "day-old", "days-old", "day old", "days old",
       "days of age")
# -- ratios ----------------------------------------------------------------------------------------
_pct = _u("percentage", "percent", "percent")
_words(_pct, "percent", "per cent", "percentage", "percent-owned", "pct")
_symbols(_pct, "%", "pc", "％")
_pp = _u("percentage point", "percent", "pp")
_words(_pp, "percentage point", "percentage points", "percent point", "percent points")
_symbols(_pp, "pp", "ppt", "ppts")
_bp = _u("basis point", "percent", "pp", factor=0.01)
_words(_bp, "basis point", "basis points")
_symbols(_bp, "bp", "bps")
_words(_u("point", "other", "point"), "point", "points")
_symbols(_u("point", "other", "point"), "pts")
_words(_u("times", "other", "times"), "times", "-fold", "fold")
_symbols(_u("times", "other", "times"), "x")

# -- currencies ----------------------------------------------------------------------------------
#: ISO code -> canonical English name of the currency.
CURRENCY_NAMES = {
    "USD": "dollar", "AUD": "australian dollar", "CAD": "canadian dollar",
    "NZD": "new zealand dollar", "HKD": "hong kong dollar", "SGD": "singapore dollar",
    "TWD": "new taiwan dollar", "GBP": "pound sterling", "EUR": "euro", "JPY": "japanese yen",
    "CNY": "chinese yuan", "INR": "indian rupee", "RUB": "russian ruble", "ILS": "shekel",
    "KRW": "south korean won", "MYR": "malaysian ringgit", "CHF": "swiss franc",
    "DKK": "danish krone", "SEK": "swedish krona", "NOK": "norwegian krone",
    "CZK": "czech koruna", "ZAR": "south african rand", "NGN": "nigerian naira",
    "TRY": "turkish lira", "MXN": "mexican peso", "BRL": "brazilian real", "SAR": "saudi riyal",
    "AED": "uae dirham", "THB": "thai baht", "UAH": "ukrainian hryvnia", "IRR": "iranian rial",
    "PLN": "polish zloty", "HUF": "hungarian forint", "IDR": "indonesian rupiah",
    "PHP": "philippine peso", "PKR": "pakistani rupee", "EGP": "egyptian pound",
    "CRC": "costa rican colón", "GEL": "georgian lari", "LAK": "lao kip",
    "VND": "vietnamese dong", "KZT": "kazakhstani tenge", "GHS": "ghanaian cedi",
    "PYG": "paraguayan guarani", "HRK": "croatian kuna",
    "BTC": "bitcoin", "FIM": "finnish markka", "NLG": "dutch guilder", "ESP": "spanish peseta",
    "ITL": "italian lira", "GRD": "greek drachma", "PTE": "portuguese escudo",
    "ATS": "austrian schilling", "DEM": "deutsche mark", "FRF": "french franc",
    "BEF": "belgian franc",
}
#: Symbols or codes written before the amount ("$5", "US$ 5", "PS8.1bn" as unidecode writes £).
CURRENCY_PREFIXES = {
    "US$": "USD", "US $": "USD", "$US": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HK $": "HKD", "HKD": "HKD",
    "S$": "SGD", "SGD": "SGD", "NT$": "TWD", "R$": "BRL", "£": "GBP", "GBP": "GBP",
    "PS": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "Y=": "JPY", "JPY": "JPY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "₽": "RUB", "RUB": "RUB",
    "₪": "ILS", "NIS": "ILS", "ILS": "ILS", "₩": "KRW", "KRW": "KRW", "RM": "MYR",
    "MYR": "MYR", "CHF": "CHF", "CNY": "CNY", "RMB": "CNY", "Rp": "IDR", "₺": "TRY",
    "₴": "UAH", "zł": "PLN", "₦": "NGN", "₱": "PHP", "฿": "THB", "dlrs": "USD", "元": "CNY",
    "₡": "CRC", "₾": "GEL", "₭": "LAK", "₫": "VND", "₸": "KZT", "₵": "GHS", "₲": "PYG",
    "US dlrs": "USD",
}
#: Currency words written after the amount; a country adjective before "dollars" etc. refines.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "sterling": "GBP", "pounds sterling": "GBP", "yen": "JPY", "jpy": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "shekel": "ILS", "shekels": "ILS",
    "won": "KRW", "franc": "CHF", "francs": "CHF", "crown": "DKK", "crowns": "DKK",
    "krone": "DKK", "kroner": "DKK", "kronor": "SEK", "krona": "SEK", "ringgit": "MYR",
    "rand": "ZAR", "naira": "NGN", "lira": "TRY", "liras": "TRY", "peso": "MXN", "pesos": "MXN",
    "reais": "BRL", "real": "BRL", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
    "dirhams": "AED", "baht": "THB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH",
    "rial": "IRR", "rials": "IRR", "zloty": "PLN", "rmb": "CNY", "zlotys": "PLN", "forint": "HUF",
    "rupiah": "IDR", "bitcoin": "BTC", "bitcoins": "BTC", "markka": "FIM", "markkaa": "FIM",
    "guilder": "NLG", "guilders": "NLG", "peseta": "ESP", "pesetas": "ESP", "lire": "ITL",
    "drachma": "GRD", "drachmas": "GRD", "escudo": "PTE", "escudos": "PTE",
    "schilling": "ATS", "schillings": "ATS", "deutsche mark": "DEM", "deutsche marks": "DEM",
    "deutschemarks": "DEM",
}
#: Adjectives that pin down which dollar/crown/pound/peso is meant.
CURRENCY_COUNTRIES = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("australian", "dollar"): "AUD", ("canadian", "dollar"): "CAD",
    ("new zealand", "dollar"): "NZD", ("hong kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD", ("danish", "crown"): "DKK",
    ("danish", "krone"): "DKK", ("swedish", "crown"): "SEK", ("norwegian", "crown"): "NOK",
    ("norwegian", "krone"): "NOK", ("czech", "crown"): "CZK", ("swiss", "franc"): "CHF",
    ("egyptian", "pound"): "EGP", ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP",
    ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR", ("iranian", "rial"): "IRR",
    ("saudi", "riyal"): "SAR", ("brazilian", "real"): "BRL", ("turkish", "lira"): "TRY",
    ("french", "franc"): "FRF", ("belgian", "franc"): "BEF", ("italian", "lira"): "ITL",
    ("south african", "rand"): "ZAR", ("finnish", "markka"): "FIM", ("dutch", "guilder"): "NLG",
}
#: Sub-units: name -> (currency, factor to the main unit).
SUBUNITS = {"cent": ("USD", 0.01), "cents": ("USD", 0.01), "penny": ("GBP", 0.01),
            "pence": ("GBP", 0.01), "p": ("GBP", 0.01), "sen": ("MYR", 0.01),
            "kopecks": ("RUB", 0.01), "paise": ("INR", 0.01)}
SUBUNIT_NAMES = {"cent": "cent", "cents": "cent", "penny": "penny", "pence": "penny",
                 "p": "penny", "sen": "sen", "kopecks": "kopeck", "paise": "paisa"}

#: Per-units after "per", "a", "an", "/" ("$58 a barrel", "63 cents per share").
PER_UNITS = {
    "barrel": "barrel", "share": "share", "gallon": "gallon", "ounce": "ounce", "oz": "ounce",
    "gram": "gram", "kilogram": "kilogram", "kg": "kilogram", "tonne": "tonne", "ton": "ton",
    "pound": "pound", "lb": "pound", "square foot": "square foot", "square feet": "square foot",
    "sq ft": "square foot", "square metre": "square metre", "square meter": "square metre",
    "sq m": "square metre", "sqm": "square metre", "month": "month", "year": "year",
    "day": "day", "week": "week", "hour": "hour", "person": "person", "head": "person",
    "capita": "person", "kwh": "kilowatt hour", "mmbtu": "mega british thermal unit",
    "unit": "unit", "night": "night", "litre": "litre", "liter": "litre", "mile": "mile",
    "century": "century", "game": "game", "season": "season", "minute": "minute",
    "second": "second", "dozen": "dozen", "annum": "year",
}

_WORD_ALT = "|".join(re.escape(w) for w in sorted(WORD_UNITS, key=len, reverse=True))
_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(SYMBOL_UNITS, key=len, reverse=True))
#: A unit right after a number: separated by nothing, a space or a hyphen ("5kW", "5 km",
#: "a 5-mile run"). Single letters only count when glued to the number (see quantities).
UNIT_AFTER = re.compile(
    rf"(?P<sep>\s*-\s*|\s+|)(?:(?P<word>(?i:{_WORD_ALT}))(?![\w])|(?P<symbol>{_SYMBOL_ALT})"
    r"(?![A-Za-z0-9]))"
)
_PER_ALT = "|".join(re.escape(w) for w in sorted(PER_UNITS, key=len, reverse=True))
#: "per barrel", "a month", "an ounce", "/h": the denominator of a rate.
PER_AFTER = re.compile(
    rf"(?:\s*/\s*|\s+(?i:per|a|an|each)\s+|\s*-\s*(?i:a)\s*-\s*)(?P<per>(?i:{_PER_ALT}))(?:s|es)?(?![\w])"
    r"(?!\s+(?i:earlier|ago|later|before|after|since|from\s+now)\b)"  # "a year earlier" is a time
)


@cache
def factor(spec: UnitSpec) -> float:
    """Multiplier from ``spec`` to its normalised unit (pint, computed once per unit)."""
    if spec.factor is not None:
        return spec.factor
    if spec.pint_unit is None or spec.normal not in _PINT_TARGET:
        return 1.0
    registry = _registry()
    quantity = registry.Quantity(1.0, registry.parse_units(spec.pint_unit)) \
        if "*" not in spec.pint_unit else registry.parse_expression(spec.pint_unit)
    return float(quantity.to(_PINT_TARGET[spec.normal]).magnitude)


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    import pint  # deferred: importing pint costs ~0.3 s and most runs convert few units

    return pint.UnitRegistry()


def warm_units() -> None:
    """Build the unit registry now (worker processes then share it instead of each
    building its own)."""
    _registry()


def convert(value: float, spec: UnitSpec) -> float:
    """``value`` in ``spec`` expressed in the normalised unit (offset scales for temperature)."""
    if spec.name == "fahrenheit":
        return (value - 32.0) * 5.0 / 9.0
    return value * factor(spec)
