"""Alias statements inside one document: what the text itself says is the same thing.

Reads: a document's text and its mentions (sorted). Adds: pairs of mentions the text
declares to be one thing, and long forms of acronyms. Recognised statements:

1. parentheses: "Geran-2 (Shahed-136)", "Islamic Revolutionary Guard Corps (IRGC)";
2. cue phrases: "also known as", "dubbed", "under the designation", "codenamed";
3. slash pairs of different designations: "Geran-2/Shahed-136" (but "Shahed-136/131" names
   two models, not one);
4. parallel lists: "Shahed-136/131 under the designation Geran-2 and Geran-1" pairs the
   items in order;
5. acronym long forms: "unmanned aerial vehicles (UAVs)", or initials found in the text.

Places are never paired through parentheses: "Makhachkala (Dagestan)" states containment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Mention
from . import names

_OPEN = re.compile(r"^\s*[\(\[]\s*[\"'\u201c\u2018]?\s*$")
_CLOSE = re.compile(r"^\s*[\"'\u201d\u2019]?\s*[\)\]]")
_CUE = re.compile(
    r"^\s*,?\s*(?:\(\s*)?(?:also |otherwise |better |commonly |locally |formerly |now )?"
    r"(?:known as|called|dubbed|nicknamed|named|renamed|rebranded as|aka|a\.k\.a\.|"
    r"codenamed|code-named|designated(?: as)?|marketed as|sold as|"
    r"(?:under|with|by) the (?:[A-Za-z]+ )?(?:designations?|names?|designators?|labels?|"
    r"code ?names?|brand names?|index(?:es)?))\s*[:\"'\u201c\u2018]?\s*$",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(
    r"^\s*[\"'\u201d\u2019]?\s*(?:/|,|and|or|, and|, or)\s*[\"'\u201c\u2018]?\s*$"
)


@dataclass(frozen=True, slots=True)
class LongForm:
    """The written-out form of an acronym mention, found in the same document."""

    mention: int
    """Index of the acronym mention in the document's mention list."""
    start: int
    end: int
    text: str


def _aliasable(a: Mention, b: Mention) -> bool:
    if a.label in names.PLACE_LABELS or b.label in names.PLACE_LABELS:
        return False
    if a.label == b.label:
        return True
    # spaCy often labels a designation ORG or PERSON; designations pair with each other.
    return names.is_designation(a.text) and names.is_designation(b.text)


def alias_pairs(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """Index pairs (i < j) of mentions the text declares equivalent, with the rule used."""
    out: set[tuple[int, int, str]] = set()
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end : b.start]
        if len(gap) > 60:
            continue
        if _OPEN.match(gap) and _CLOSE.match(text[b.end : b.end + 4]) and _aliasable(a, b):
            if not (names.is_acronym(b.text) and not _initials_match(a.text, b.text)):
                out.add((i, i + 1, "parentheses"))
        elif _CUE.match(gap) and _aliasable(a, b):
            out |= _parallel(text, mentions, i, i + 1)
        elif b.label == "NORP" and i + 2 < len(mentions):
            # "under the Russian designation Geran-2": a demonym inside the cue phrase.
            c = mentions[i + 2]
            gap2 = text[a.end : c.start]
            if len(gap2) <= 60 and _CUE.match(gap2) and _aliasable(a, c):
                out |= _parallel(text, mentions, i, i + 2)
        elif gap == "/" and _distinct_designations(a.text, b.text):
            out.add((i, i + 1, "slash"))
    return sorted(out)


def _parallel(text: str, mentions: Sequence[Mention], i: int, j: int) -> set[tuple[int, int, str]]:
    """Pair the list ending at ``i`` with the list starting at ``j``, item by item."""
    left = _run(text, mentions, i, -1)
    right = _run(text, mentions, j, +1)
    if len(left) != len(right):
        return set()
    return {(min(x, y), max(x, y), "statement") for x, y in zip(left, right, strict=True)}


def _run(text: str, mentions: Sequence[Mention], start: int, step: int) -> list[int]:
    """The list of like mentions around ``start`` ("A/B", "A, B and C"), in text order."""
    run = [start]
    i = start
    while 0 <= i + step < len(mentions):
        j = i + step
        first, second = (mentions[j], mentions[i]) if step < 0 else (mentions[i], mentions[j])
        if mentions[j].label != mentions[start].label and not (
            names.is_designation(mentions[j].text) or mentions[j].text.isdigit()
        ):
            break
        if not _LIST_SEP.match(text[first.end : second.start]):
            break
        run.append(j)
        i = j
    return sorted(run)


def _distinct_designations(a: str, b: str) -> bool:
    """ "Geran-2/Shahed-136" are two names of one model; "Su-27/Su-35" are two models."""
    if not (names.is_designation(a) and names.is_designation(b)):
        return False
    prefix_a = re.match(r"[A-Za-z]+", a)
    prefix_b = re.match(r"[A-Za-z]+", b)
    return bool(prefix_a and prefix_b and prefix_a.group(0).lower() != prefix_b.group(0).lower())


def _initials_match(long_form: str, acronym: str) -> bool:
    words = names.name_tokens(long_form)
    target = names.acronym_key(acronym)
    return names.initials(words) == target or "".join(w[0] for w in words) == target


def long_forms(text: str, mentions: Sequence[Mention]) -> list[LongForm]:
    """Long forms of acronym mentions: a parenthesised definition first, else the first
    word sequence in the document whose initials spell the acronym."""
    found: dict[str, LongForm | None] = {}
    out: list[LongForm] = []
    for i, mention in enumerate(mentions):
        if not names.is_acronym(mention.text):
            continue
        key = names.acronym_key(mention.text)
        if key not in found:
            found[key] = _find_long_form(text, key)
        long_form = found[key]
        if long_form is not None:
            out.append(LongForm(i, long_form.start, long_form.end, long_form.text))
    return out


def _find_long_form(text: str, key: str) -> LongForm | None:
    if len(key) < 2:
        return None
    skip = r"(?:(?:of|the|for|and|on|in|de|&)\s+)*"
    parts = [rf"[{c.upper()}{c}][\w\-]{{2,}}" for c in key]
    pattern = re.compile(r"\b" + (r"\s+" + skip).join(parts) + r"\b")
    # 1. A definition: the long form directly followed by the acronym in parentheses.
    for match in pattern.finditer(text):
        after = text[match.end() : match.end() + len(key) + 6]
        if re.match(r"\s*\(\s*" + re.escape(key), after, re.IGNORECASE):
            return LongForm(-1, match.start(), match.end(), match.group(0))
    # 2. Otherwise the first occurrence anywhere in the document, for acronyms of three or
    # more letters whose words are consistently capitalised or consistently lower case
    # ("unmanned aerial vehicles", "National Security Council"; not "used such").
    if len(key) < 3:
        return None
    for match in pattern.finditer(text):
        words = [w for w in match.group(0).split() if w.lower() not in names.ACRONYM_SKIP]
        if all(w[0].isupper() for w in words) or all(w.islower() for w in words):
            return LongForm(-1, match.start(), match.end(), match.group(0))
    return None
