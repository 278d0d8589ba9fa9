"""Independence groups ("origins"): documents that share a source count once.

Input: the story's ``Document`` records and, when the stories stage ran, its near-duplicate
groups. Output: doc id -> origin id, where the origin id is ``ids.set_id("o", members)``.

One wire story reprinted by forty sites is one source, not forty. Two documents share an
origin when any of these links them (the groups are the connected components):

1. near-duplicate text (``stories.dedup.near_duplicate_groups``; computed here when the
   caller passes None and that module is installed);
2. a credit to the same news agency in a credit line: "The Associated Press contributed
   to this report" (any credited name), a byline "By Jane Roe, Reuters", a dateline
   "KYIV (AP) --" (a known agency or an all-capitals wire code). Photo credits ("via AP", "(c) AP",
   "Photo: Reuters") do not count: a picture is not the story;
3. a long shared passage: at least ``SHARED_RUN`` consecutive identical words outside
   quotation marks (copied prose), or ``SHARED_QUOTE_RUN`` inside quotation marks. The
   quote threshold is higher because independent reporters do quote the same official
   statement verbatim; a very long identical quotation still points to one transcript or
   press release that both copied.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..ids import set_id
from ..records import Document
from ..unionfind import DisjointSets
from .attribution import quote_regions

#: Consecutive identical words (outside quotes) that mark copied prose.
SHARED_RUN = 20
#: Consecutive identical words inside quotation marks that mark a shared transcript.
SHARED_QUOTE_RUN = 30
#: Shingle length used to find shared runs.
_GRAM = 8

#: News agencies and the names they are credited under.
AGENCIES: dict[str, str] = {
    "associated press": "ap", "ap": "ap", "reuters": "reuters", "thomson reuters": "reuters",
    "afp": "afp", "agence france-presse": "afp", "agence france presse": "afp",
    "dpa": "dpa", "deutsche presse-agentur": "dpa", "upi": "upi",
    "united press international": "upi", "efe": "efe", "ansa": "ansa", "xinhua": "xinhua",
    "tass": "tass", "ria novosti": "ria", "interfax": "interfax", "pa media": "pa",
    "press association": "pa", "kyodo": "kyodo", "kyodo news": "kyodo", "yonhap": "yonhap",
    "anadolu": "anadolu", "anadolu agency": "anadolu", "bernama": "bernama", "irna": "irna",
    "pti": "pti", "press trust of india": "pti", "ians": "ians", "aap": "aap",
    "australian associated press": "aap", "canadian press": "cp", "the canadian press": "cp",
    "bloomberg": "bloomberg", "bloomberg news": "bloomberg", "ukrinform": "ukrinform",
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
#: Credit lines, matched per line (case-insensitive for the agency name only).
_CREDIT_PATTERNS = (
    # "The Associated Press contributed to this report." / "Reuters contributed reporting."
    # Any credited name counts, not only known agencies: two reports crediting one
    # regional wire or one stringer share that origin.
    re.compile(
        r"^\W*(?:the\s+)?(?P<a>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,5})"
        r"(?:\s+and\s+[^.]*?)?\s+contributed\s+(?:to\s+)?(?:this|the)?\s*(?:report|story|article|reporting)"
    ),
    re.compile(rf"\b(?:with|from)\s+(?:the\s+)?(?P<a>{_AGENCY_ALT})\s*$", re.I),
    # "By Jane Roe, Associated Press" / "By Jane Roe | Reuters"
    re.compile(rf"^\W*by\s+[^\n]{{1,80}}?[,|\u2014-]\s*(?:the\s+)?(?P<a>{_AGENCY_ALT})\b", re.I),
    # Dateline "KYIV, Ukraine (AP) --", "CONSTANTA, March 12 (EEN) -": a known agency or
    # an all-capitals wire code.
    re.compile(
        rf"^[A-Z][\w .,'\u2019-]{{0,60}}\((?P<a>(?i:{_AGENCY_ALT})|[A-Z]{{2,6}})\)\s*[-\u2014\u2013:]"
    ),
    # "Source: AFP"
    re.compile(rf"^\W*(?:source|sources|agencies)\s*:\s*(?:the\s+)?(?P<a>{_AGENCY_ALT})\b", re.I),
    # "Copyright 2023 The Associated Press. All rights reserved."
    re.compile(rf"(?:copyright|\u00a9)\s*\d{{4}}\s+(?:the\s+)?(?P<a>{_AGENCY_ALT})\b", re.I),
)
#: Lines that credit pictures, not text.
_PHOTO_LINE = re.compile(r"\b(?:photo|image|picture|video|satellite|illustration|via)\b|\u00a9\s*[A-Z]", re.I)
_WORD = re.compile(r"\w+")


def wire_credits(document: Document) -> frozenset[str]:
    """Agencies the document credits for its text (see the module docstring, rule 2)."""
    found: set[str] = set()
    lines = document.text.split("\n")
    if document.author:
        lines.append("By " + document.author)
    for line in lines:
        line = line.strip()
        if not line or len(line) > 300:
            continue
        for pattern in _CREDIT_PATTERNS:
            match = pattern.search(line)
            if match is None:
                continue
            if pattern is not _CREDIT_PATTERNS[3] and _PHOTO_LINE.search(line):
                continue
            name = re.sub(r"^the\s+", "", match.group("a").strip().lower())
            found.add(AGENCIES.get(name, name))
    return frozenset(found)


def _words(document: Document) -> tuple[list[str], list[bool]]:
    """Lower-cased words and whether each lies inside a quotation."""
    regions = quote_regions(document.text)
    words, quoted = [], []
    for match in _WORD.finditer(document.text):
        words.append(match.group().lower())
        pos = match.start()
        quoted.append(any(a <= pos < b for a, b in regions))
    return words, quoted


def _longest_shared_runs(
    a: tuple[list[str], list[bool]], b_grams: set[tuple[str, ...]]
) -> tuple[int, int]:
    """Longest run of words of ``a`` covered by grams shared with ``b``: (prose, quoted)."""
    words, quoted = a
    best_prose = best_quote = 0
    run_start: int | None = None
    for i in range(len(words) - _GRAM + 2):
        shared = i <= len(words) - _GRAM and tuple(words[i : i + _GRAM]) in b_grams
        if shared and run_start is None:
            run_start = i
        elif not shared and run_start is not None:
            end = i - 1 + _GRAM
            length = end - run_start
            if all(quoted[run_start:end]):
                best_quote = max(best_quote, length)
            else:
                best_prose = max(best_prose, length)
            run_start = None
    return best_prose, best_quote


def shared_passage_pairs(documents: Sequence[Document]) -> list[tuple[str, str]]:
    """Pairs of documents sharing a long identical passage (rule 3), sorted."""
    info = {d.id: _words(d) for d in documents}
    grams: dict[str, set[tuple[str, ...]]] = {}
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for doc_id in sorted(info):
        words = info[doc_id][0]
        gset = {tuple(words[i : i + _GRAM]) for i in range(len(words) - _GRAM + 1)}
        grams[doc_id] = gset
        for gram in gset:
            index[gram].add(doc_id)
    candidates: set[tuple[str, str]] = set()
    for members in index.values():
        if 1 < len(members) <= 50:
            ordered = sorted(members)
            for i, x in enumerate(ordered):
                for y in ordered[i + 1 :]:
                    candidates.add((x, y))
    pairs = []
    for x, y in sorted(candidates):
        prose, quote = _longest_shared_runs(info[x], grams[y])
        if prose >= SHARED_RUN or quote >= SHARED_QUOTE_RUN:
            pairs.append((x, y))
    return pairs


def document_origins(
    documents: Sequence[Document], near_duplicates: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Doc id -> origin id; see the module docstring for the rules."""
    ids = sorted({d.id for d in documents})
    sets = DisjointSets(ids)
    find, union = sets.find, sets.union

    # 1. near-duplicate groups (given, else computed by the stories stage's module)
    groups = near_duplicates
    if groups is None:
        try:
            from ..stories.dedup import near_duplicate_groups
        except ImportError:  # stories stage not installed: rules 2 and 3 still apply
            groups = {}
        else:
            groups = near_duplicate_groups(documents)
    by_group: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        if doc_id in groups:
            by_group[groups[doc_id]].append(doc_id)
    for members in by_group.values():
        for other in members[1:]:
            union(members[0], other)
    # 2. the same agency credited in a credit line
    by_agency: dict[str, list[str]] = defaultdict(list)
    for document in sorted(documents, key=lambda d: d.id):
        for agency in sorted(wire_credits(document)):
            by_agency[agency].append(document.id)
    for members in by_agency.values():
        for other in members[1:]:
            union(members[0], other)
    # 3. long shared passages
    for x, y in shared_passage_pairs(documents):
        union(x, y)
    members_of: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        members_of[find(doc_id)].append(doc_id)
    origin = {root: set_id("o", members) for root, members in members_of.items()}
    return {doc_id: origin[find(doc_id)] for doc_id in ids}
