"""Entity mentions in one document: spaCy entities, repaired, plus model designations.

Reads: a ``Document`` and its ``ParsedSegment`` list (from ``nlp.parse``). Adds: ``Mention``
records whose ``text`` is exactly ``document.text[start:end]``.

Headlines and captions arrive as their own parsed segments (title case misleads the
tagger), and boilerplate never arrives. On top of the statistical entities this module

1. repairs spans: leading articles, glued caption text ("mediaRussia"), hyphenated names
   the tokenizer split ("Primorsko-Akhtarsk"), site designators left outside the entity
   ("Alabuga special economic zone");
2. adds designations the model misses (Shahed-136, Su35, YAK-130, and both parts of
   "Shahed-136/131");
3. keeps a title-case headline's entities only when the body confirms them;
4. relabels a capital or seat of power used as an actor ("Moscow offered ...") as ORG, so
   the metonym is never merged with the city;
5. adds "the plant / the facility" when the document names exactly one site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..nlp.parse import ParsedSegment
from ..records import Document, Mention
from . import names
from .gazetteer import capital_country

#: spaCy labels kept as entity mentions.
KEPT_LABELS = frozenset(names.ENTITY_LABELS)

# Letters then digits: Shahed-136, Su-35, Su35, MiG-29, YAK-130, F-16, Kh-101, S-400, A380.
# "/131" continuations are captured to yield Shahed-131 as well.
_DESIGNATION = re.compile(
    r"(?<![\w$#@/.\-\u2010\u2011\u2013])"
    r"(?P<prefix>[A-Z][A-Za-z]{0,9})"
    r"(?P<sep>[-\u2010\u2011\u2013]?)"
    r"(?P<num>\d{1,4}[A-Z]{0,2})"
    r"(?P<more>(?:/\d{1,4}[A-Z]{0,2})*)"
    r"(?![\w\-\u2010\u2011]|[.:,]\d)"
)
_CONTINUATION = re.compile(r"/(\d{1,4}[A-Z]{0,2})")

# Letter-digit strings that are not product designations: pandemics, groupings, quarters,
# halves, fiscal years, chemistry, months, and numbered document parts.
_NOT_DESIGNATIONS = frozenset(
    """
    covid sars mers g q h fy co no so ch pm am nr vol art sec ch fig rev tel ph id utc gmt
    jan feb mar apr may jun jul aug sep sept oct nov dec june july level phase grade class stage
    section article chapter page room gate route highway part round day week year top under
    over windows ios android web industry pixel tier category cat size zone area district ward
    region unit block lot plot road street st no number chapter title item box case file ref
    """.split()
)

_SITE_NOMINAL = re.compile(
    r"\b[Tt]he (?:(?:new|planned|future|proposed|drone|main|whole|entire|same|alleged|"
    r"suspected|industrial|military)\s)?(?P<noun>plant|factory|facility|site|complex|zone|"
    r"base|airbase|port|airport|refinery|shipyard)\b"
)
_NOMINAL_GROUPS = {
    "plant": "industrial",
    "factory": "industrial",
    "facility": "any",
    "site": "any",
    "complex": "any",
    "zone": "industrial",
    "base": "base",
    "airbase": "base",
    "port": "port",
    "airport": "airport",
    "refinery": "industrial",
    "shipyard": "industrial",
}


def _designator_group(designator: str) -> str:
    if "base" in designator or designator == "airfield":
        return "base"
    if designator in ("port", "seaport", "harbour", "harbor"):
        return "port"
    if designator == "airport":
        return "airport"
    return "industrial"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    label: str
    segment: str
    source: str
    """spacy, designation or nominal: designations win overlaps."""


def extract_mentions(document: Document, parsed: list[ParsedSegment]) -> list[Mention]:
    """Entity mentions of one document, sorted, every one slicing back to the text."""
    text = document.text
    body: list[_Span] = []
    headline: list[_Span] = []
    for ps in parsed:
        kind = ps.segment.kind
        spans = list(_spacy_spans(text, ps)) + list(_designation_spans(text, ps))
        (headline if kind == "headline" else body).extend(spans)
    body = _resolve_overlaps(body)
    headline = _confirmed_headline(text, _resolve_overlaps(headline), body)
    spans = sorted(body + headline, key=lambda s: (s.start, s.end))
    spans = spans + _site_nominals(text, spans, parsed)
    out = {
        (s.start, s.end, s.label): Mention(
            doc=document.id,
            start=s.start,
            end=s.end,
            text=text[s.start : s.end],
            label=s.label,
            segment=s.segment,
        )
        for s in spans
        if s.end > s.start
    }
    return [out[k] for k in sorted(out)]


# ---------------------------------------------------------------- spaCy entities


def _spacy_spans(text: str, ps: ParsedSegment) -> Iterable[_Span]:
    seg_end = ps.segment.end
    starts = frozenset(ps.offset + ent.start_char for ent in ps.parsed.ents)
    for ent in ps.parsed.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        start = ps.offset + ent.start_char
        end = ps.offset + ent.end_char
        repaired = _repair(text, start, end, ent.label_, seg_end, starts)
        if repaired is None:
            continue
        start, end, label = repaired
        if label == "GPE" and _is_actor(ent) and _is_seat_name(text[start:end]):
            label = "ORG"
        yield _Span(start, end, label, ps.segment.kind, "spacy")


def _repair(
    text: str, start: int, end: int, label: str, limit: int, starts: frozenset[int] = frozenset()
) -> tuple[int, int, str] | None:
    """Fix the span boundaries spaCy gets wrong in news text, in a fixed order."""
    # 1. Whitespace and a line break inside the span (a byline glued to the next line).
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
        while end > start and text[end - 1].isspace():
            end -= 1
    # 2. Leading article.
    _, dropped = names.strip_article(text[start:end])
    start += dropped
    # 3. Trailing possessive and punctuation.
    match = re.search(r"(?:['\u2019]s|['\u2019\"\u201d,;:.])+$", text[start:end])
    if match and end - start - len(match.group(0)) >= 2:
        trimmed = text[start : end - len(match.group(0))]
        # Keep the period of an abbreviation such as "U.S." or "Jr.".
        if not (match.group(0) == "." and re.search(r"\b[A-Z]\.[A-Z]$|\bJr$|\bSr$", trimmed)):
            end -= len(match.group(0))
    # 4. Caption text glued to a name: "mediaRussia" -> "Russia".
    glued = re.match(r"[a-z]{3,}(?=[A-Z][a-z]{2,})", text[start:end])
    if glued and " " not in text[start:end]:
        start += glued.end()
    if re.fullmatch(r"[A-Z][a-z]{3,}(?:He|She|It|They|We|The|In)", text[start:end]):
        return None  # "IllustrationHe": a caption glued to the next sentence
    # 5. Hyphenated names split by the tokenizer: "Primorsko" + "-Akhtarsk" (but not
    # "Russia-Iran", where the second part is an entity of its own).
    hyphen = re.match(r"[-\u2010\u2011][A-Z][\w]*(?:[-\u2010\u2011][A-Z]?[\w]+)*", text[end:limit])
    if hyphen and end + 1 not in starts:
        end += hyphen.end()
    # 6. A site designator after a place name: "Alabuga special economic zone" (spaCy
    # sometimes calls the name a PERSON). Not after demonyms: "Russian port" is no name.
    for designator in sorted(names.SITE_DESIGNATORS, key=len, reverse=True):
        if label not in ("GPE", "LOC", "FAC", "PERSON"):
            break
        tail = text[end : end + len(designator) + 1]
        if (
            names.fold(tail) == " " + designator
            and not text[end + len(designator) + 1 :][:1].isalnum()
        ):
            end += len(designator) + 1
            break
    # 7. A demonym before a site name: "Russian Alabuga Special Economic Zone".
    site = names.split_site_designator(text[start:end])
    if site is not None:
        label = "FAC"
        first, _, rest = text[start:end].partition(" ")
        if rest and _looks_demonym(first) and names.split_site_designator(rest) is not None:
            start += len(first) + 1
    if end - start < 2 or not any(c.isalpha() for c in text[start:end]):
        return None
    return start, end, label


def _looks_demonym(word: str) -> bool:
    low = names.fold(word)
    return low in names.IRREGULAR_DEMONYMS or (
        word[:1].isupper() and re.search(r"(ian|an|ese|ish|i)$", low) is not None
    )


# Verbs whose subject is a place being a place ("Kyiv was quiet", "Moscow lies on ..."),
# not an institution acting.
_PLACE_VERBS = frozenset(
    "be become remain stay lie sit stand host border face see experience suffer endure wake "
    "fall shake burn flood freeze swelter shiver celebrate mourn sleep".split()
)


def _is_actor(ent: Any) -> bool:
    """A place name used as the doer of an action: subject of an action verb, possessor,
    or passive agent ("Moscow offered", "Moscow's assistance", "dismissed by Tehran")."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "poss":
        return True
    if root.dep_ == "nsubj":
        head = root.head
        return bool(head.pos_ == "VERB" and head.lemma_.lower() not in _PLACE_VERBS)
    return bool(root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent")


def _is_seat_name(surface: str) -> bool:
    key = names.name_key(surface)
    return key in names.SEATS_OF_POWER or capital_country(key) is not None


# ---------------------------------------------------------------- designations


def _designation_spans(text: str, ps: ParsedSegment) -> Iterable[_Span]:
    seg_text = text[ps.segment.start : ps.segment.end]
    for match in _DESIGNATION.finditer(seg_text):
        prefix, sep, num = match.group("prefix"), match.group("sep"), match.group("num")
        if not _plausible_designation(prefix, sep, num):
            continue
        start, end = ps.offset + match.start(), ps.offset + match.end("num")
        yield _Span(start, end, "PRODUCT", ps.segment.kind, "designation")
        more = ps.offset + match.start("more")
        for cont in _CONTINUATION.finditer(match.group("more")):
            yield _Span(
                more + cont.start(1), more + cont.end(1), "PRODUCT", ps.segment.kind, "designation"
            )


def _plausible_designation(prefix: str, sep: str, num: str) -> bool:
    """Safeguards against dates, quarters, G7, COVID-19 and other letter-digit strings."""
    if prefix.lower() in _NOT_DESIGNATIONS:
        return False
    digits = re.match(r"\d+", num)
    value = digits.group(0) if digits else ""
    if len(value) == 4 and value[:2] in ("19", "20") and len(prefix) >= 3:
        return False  # "Euro-2024", "Vision2030": years, not models
    if sep:
        return True
    # Without a hyphen only short prefixes with a capital (Su35, F16, MiG29, A380) and at
    # least two digits; a capitalised word glued to a number is usually something else.
    short = len(prefix) <= 4 and not (len(prefix) > 2 and prefix[1:].islower())
    return short and len(value) >= 2


def _resolve_overlaps(spans: list[_Span]) -> list[_Span]:
    """Designations beat statistical entities; otherwise the longer span wins."""
    rank = {"designation": 0, "spacy": 1, "nominal": 2}
    ordered = sorted(spans, key=lambda s: (rank[s.source], -(s.end - s.start), s.start))
    kept: list[_Span] = []
    for span in ordered:
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


# ---------------------------------------------------------------- headlines


def _confirmed_headline(text: str, spans: list[_Span], body: list[_Span]) -> list[_Span]:
    """In title case every word looks like a name, so keep what the body confirms."""
    if not spans:
        return []
    body_keys: set[str] = set()
    for span in body:
        key = names.name_key(text[span.start : span.end])
        body_keys.add(key)
        if span.label == "PERSON" and " " in key:
            body_keys.add(key.rsplit(" ", 1)[1])
    kept = []
    for span in spans:
        if span.source == "designation" or names.name_key(text[span.start : span.end]) in body_keys:
            kept.append(span)
    return kept


# ---------------------------------------------------------------- nominal sites


def _site_nominals(text: str, spans: Sequence[_Span], parsed: list[ParsedSegment]) -> list[_Span]:
    """ "the plant" for the document's only named site, after that site is first named."""
    sites: dict[str, tuple[int, str]] = {}
    for span in spans:
        if span.label != "FAC":
            continue
        split = names.split_site_designator(text[span.start : span.end])
        if split is None:
            continue
        key = names.name_key(text[span.start : span.end])
        first = sites.get(key, (span.start, ""))[0]
        sites[key] = (min(first, span.start), _designator_group(split[1]))
    if len(sites) != 1:
        return []
    first_start, group = next(iter(sites.values()))
    taken = [(s.start, s.end) for s in spans]
    out = []
    for ps in parsed:
        if ps.segment.kind not in ("body", "caption"):
            continue
        seg_text = text[ps.segment.start : ps.segment.end]
        for match in _SITE_NOMINAL.finditer(seg_text):
            start, end = ps.offset + match.start(), ps.offset + match.end()
            wanted = _NOMINAL_GROUPS[match.group("noun")]
            if start < first_start or wanted not in ("any", group):
                continue
            if any(not (end <= a or start >= b) for a, b in taken):
                continue
            out.append(_Span(start, end, "FAC", ps.segment.kind, "nominal"))
    return out
