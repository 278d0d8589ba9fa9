"""Name normalisation: comparison keys, transliteration skeletons, acronyms, titles.

Reads: surface strings. Adds: keys that decide when two surface names may denote one thing.
Keys are deliberately of two strengths (see ``entities.py``): a *strong* key (the full
normalised name, a designation, a gazetteer id) merges on its own; a *weak* key (a surname,
an acronym, a transliteration skeleton) only merges when it points at exactly one strong
group. Everything here is pure string work with no model or gazetteer access.
"""

from __future__ import annotations

import re
import unicodedata

#: Mention labels this stage produces and resolves.
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT")
#: Labels that denote places and are geocoded.
PLACE_LABELS = ("GPE", "LOC", "FAC")

_WORD = re.compile(r"[a-z0-9]+")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_ARTICLES = ("the ", "a ", "an ")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# A letters token directly followed by a digits token is one designation ("su 35" <- Su-35,
# Su35, SU 35), so the space between them is dropped in keys.
_LETTER_DIGIT = re.compile(r"\b([a-z]+) (\d+[a-z]{0,3})\b")

#: Function words skipped when reading initials ("Ministry of Defence" -> MOD, not MOFD).
ACRONYM_SKIP = frozenset(
    {"of", "the", "for", "and", "de", "du", "des", "la", "le", "on", "in", "&"}
)

#: Generic heads of zone and facility names; stripped to find the place a site is named after.
SITE_DESIGNATORS = (
    "special economic zone",
    "free economic zone",
    "economic zone",
    "industrial zone",
    "industrial park",
    "free trade zone",
    "free zone",
    "sez",
    "air base",
    "airbase",
    "naval base",
    "military base",
    "base",
    "airfield",
    "airport",
    "seaport",
    "port",
    "harbour",
    "harbor",
    "plant",
    "factory",
    "refinery",
    "power station",
    "power plant",
    "nuclear power plant",
    "shipyard",
    "dam",
)
#: Designators that make a site a zone (merged with the town it is named after, see geocode).
ZONE_DESIGNATORS = frozenset(
    {
        "special economic zone",
        "free economic zone",
        "economic zone",
        "industrial zone",
        "industrial park",
        "free trade zone",
        "free zone",
        "sez",
    }
)

#: Head nouns of job titles and roles ("spokesman John Kirby", "John Kirby, Coordinator for ...").
#: A closed-class list: titles are few, and a wrong title is worse than a missed one.
TITLE_HEADS = frozenset(
    """
    spokesman spokeswoman spokesperson president vice-president minister secretary coordinator
    director adviser advisor chief head ambassador envoy general commander admiral colonel
    chairman chairwoman chair ceo founder governor mayor senator congressman congresswoman
    representative lawmaker official officials leader king queen prince princess emperor
    chancellor premier deputy judge justice prosecutor attorney analyst researcher professor
    journalist correspondent editor reporter lieutenant sergeant captain major officer diplomat
    counselor counsellor administrator commissioner inspector economist executive manager
    president-elect speaker pope archbishop bishop cardinal rabbi imam sheikh ayatollah mp
    spokespeople negotiator strategist expert consultant councillor councilman councilwoman
    marshal general-secretary secretary-general undersecretary under-secretary mufti
    """.split()
)

#: Seats of power used for the government they house ("the Kremlin said").
#: Values: ISO country code and what the name stands for.
SEATS_OF_POWER: dict[str, tuple[str, str]] = {
    "kremlin": ("RU", "government of Russia"),
    "white house": ("US", "US presidential administration"),
    "downing street": ("GB", "government of the United Kingdom"),
    "number 10": ("GB", "government of the United Kingdom"),
    "elysee": ("FR", "presidency of France"),
    "elysee palace": ("FR", "presidency of France"),
    "zhongnanhai": ("CN", "government of China"),
    "pentagon": ("US", "US Department of Defense"),
    "foggy bottom": ("US", "US Department of State"),
    "quai d orsay": ("FR", "French Ministry of Foreign Affairs"),
    "bankova": ("UA", "Office of the President of Ukraine"),
    "blue house": ("KR", "presidency of South Korea"),
}

#: Demonyms that do not start with their country's name (the rest are found by prefix).
IRREGULAR_DEMONYMS: dict[str, str] = {
    "american": "US",
    "americans": "US",
    "british": "GB",
    "briton": "GB",
    "britons": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "french": "FR",
    "dutch": "NL",
    "swiss": "CH",
    "irish": "IE",
    "danish": "DK",
    "dane": "DK",
    "swedish": "SE",
    "swede": "SE",
    "finnish": "FI",
    "finn": "FI",
    "polish": "PL",
    "pole": "PL",
    "poles": "PL",
    "turkish": "TR",
    "turk": "TR",
    "turks": "TR",
    "spanish": "ES",
    "spaniard": "ES",
    "greek": "GR",
    "norwegian": "NO",
    "filipino": "PH",
    "philippine": "PH",
    "emirati": "AE",
    "saudi": "SA",
    "saudis": "SA",
    "thai": "TH",
    "afghan": "AF",
    "afghans": "AF",
    "belarusian": "BY",
    "azeri": "AZ",
    "kazakh": "KZ",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "turkmen": "TM",
    "israeli": "IL",
    "israelis": "IL",
    "icelandic": "IS",
    "malagasy": "MG",
    "czech": "CZ",
    "slovak": "SK",
    "croat": "HR",
    "serb": "RS",
    "serbs": "RS",
    "lao": "LA",
    "kiwi": "NZ",
    "soviet": "RU",
    "persian": "IR",
    "north korean": "KP",
    "south korean": "KR",
    "new zealander": "NZ",
    "south african": "ZA",
}


def fold(text: str) -> str:
    """Lower-case, strip diacritics, unify dashes and apostrophes (for comparison only)."""
    text = text.translate(_DASHES).translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def strip_article(text: str) -> tuple[str, int]:
    """Drop a leading article; return the rest and how many characters were dropped."""
    low = text.lower()
    for article in _ARTICLES:
        if low.startswith(article) and len(text) > len(article):
            return text[len(article) :], len(article)
    return text, 0


def clean_name(text: str) -> str:
    """Display form of a surface name: no leading article, no possessive, single spaces."""
    text = " ".join(text.split())
    text, _ = strip_article(text)
    text = _POSSESSIVE.sub("", text) if len(text) > 3 else text
    return text.strip(" ,;:\"'")


def name_tokens(text: str) -> list[str]:
    """Folded alphanumeric tokens of a name without article or possessive."""
    return _WORD.findall(fold(clean_name(text)).replace("'", ""))


def name_key(text: str) -> str:
    """Strong comparison key: case, diacritics, punctuation, hyphens and articles ignored.

    "U.S." and "US" give "us"; "Su-35" and "Su35" give "su35"; "Primorsko-Akhtarsk" and
    "Primorsko Akhtarsk" give "primorsko akhtarsk".
    """
    folded = fold(clean_name(text))
    # Periods inside acronyms ("U.S.", "U.N.") join letters rather than separate words.
    folded = re.sub(r"\b([a-z])\.(?=[a-z]\b\.?)", r"\1", folded).replace("'", "")
    key = " ".join(_WORD.findall(folded))
    return _LETTER_DIGIT.sub(r"\1\2", key)


# Transliteration variants seen across outlets: Zelenskyy/Zelensky/Zelenskiy,
# Kharkiv/Kharkov, Yevgeny/Evgeny, Tchaikovsky/Chaikovsky, Qasem/Ghasem.
_SKELETON_RULES = (
    (re.compile(r"iy$|yy$|ii$|ij$|yi$"), "y"),
    (re.compile(r"^ye"), "e"),
    (re.compile(r"^e(?=[aeiou])"), "e"),
    (re.compile(r"tch"), "ch"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"ts"), "c"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"[yij]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)


def skeleton(text: str) -> str:
    """Transliteration-insensitive key (weak): spelling variants of one foreign name agree."""
    out = []
    for token in name_tokens(text):
        for pattern, repl in _SKELETON_RULES:
            token = pattern.sub(repl, token)
        out.append(token)
    return " ".join(out)


def is_acronym(text: str) -> bool:
    """True for all-capital short forms: NSC, UAVs, U.N., IRGC (not for designations)."""
    bare = text.replace(".", "").replace("&", "")
    if bare.endswith("s") and bare[:-1].isupper():
        bare = bare[:-1]
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


def acronym_key(text: str) -> str:
    """Lower-case letters of an acronym: "UAVs" -> "uav", "U.N." -> "un"."""
    bare = text.replace(".", "").replace("&", "")
    if bare.endswith("s") and bare[:-1].isupper():
        bare = bare[:-1]
    return bare.lower()


def initials(words: list[str]) -> str:
    """Initials of content words ("national security council" -> "nsc")."""
    return "".join(w[0] for w in words if w and w not in ACRONYM_SKIP)


def acronym_forms(text: str) -> set[str]:
    """Weak keys of a long name with all or part abbreviated.

    "National Security Council" -> {"nsc"}; "Alabuga Special Economic Zone" -> {"asez",
    "alabuga sez", "alabuga special ez"}, so "Alabuga SEZ" can find its long form.
    """
    words = name_tokens(text)
    content = [w for w in words if w not in ACRONYM_SKIP]
    out: set[str] = set()
    if len(content) >= 2:
        out.add(initials(words))
    for i in range(1, len(words) - 1):
        tail = words[i:]
        if len([w for w in tail if w not in ACRONYM_SKIP]) >= 2:
            out.add(" ".join(words[:i]) + " " + initials(tail))
    return out


def split_site_designator(text: str) -> tuple[str, str] | None:
    """Split "Alabuga Special Economic Zone" into ("Alabuga", "special economic zone")."""
    clean = clean_name(text)
    folded = fold(clean)
    for designator in sorted(SITE_DESIGNATORS, key=len, reverse=True):
        if folded.endswith(" " + designator):
            head = clean[: len(clean) - len(designator)].strip(" ,-")
            if head and head[0].isupper():
                return head, designator
    return None


def is_designation(text: str) -> bool:
    """True for model designations such as Su-35, Shahed-136, YAK-130 (letters then digits)."""
    return re.fullmatch(r"[A-Za-z][A-Za-z]{0,9}[- ]?\d{1,4}[A-Za-z]{0,3}", text.strip()) is not None
