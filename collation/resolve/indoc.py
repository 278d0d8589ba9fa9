"""In-document resolution: one ``Cluster`` per thing a single document mentions.

Reads: one document and its mentions (sorted). Adds: clusters with the names, the keys
that drive cross-document merging (see ``entities.py``), and what geocoding needs.

Rules, in order:

1. identical normalised names of compatible type;
2. surname -> full name ("Kirby" -> "John Kirby"; the nearest preceding one if several);
3. alias statements the text makes (``aliases.py``);
4. acronyms -> long forms: a mention whose initials match, or a long form written in
   the text ("NSC" -> "National Security Council", "UAVs" -> "unmanned aerial vehicles");
5. short site forms -> long ones ("Alabuga SEZ" -> "Alabuga Special Economic Zone");
6. "the plant / the facility" -> the document's only named site (found by ``mentions``);
7. third-person pronouns (only present in gold-mention evaluation) -> the nearest
   preceding compatible cluster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Document, Mention
from ..unionfind import DisjointSets
from . import aliases as alias_rules
from . import names
from .gazetteer import Gazetteer, capital_country, capital_name, country_name
from .geocode import stated_containers

_PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())
_THING_PRONOUNS = frozenset("it its itself".split())
_PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())
_OTHER_PRONOUNS = frozenset("i me my mine myself we us our ours ourselves you your yours".split())
_NOMINAL = re.compile(
    r"^(?:[Tt]he\s+)?(?:[a-z]+\s+)?(?:plant|factory|facility|site|complex|zone|base|airbase|port|airport|refinery|shipyard)$"
)
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+(?=[A-Z])")
_LABEL_CLASS = {
    "PERSON": "person",
    "ORG": "org",
    "NORP": "norp",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PRODUCT": "product",
    "EVENT": "event",
}


def label_class(label: str) -> str:
    """Merge class of a label: labels in one class may denote the same thing."""
    return _LABEL_CLASS.get(label, label.lower())


class UnionFind(DisjointSets[int]):
    """Disjoint sets over 0..n-1; ``groups`` lists members sorted, groups by first member."""

    def __init__(self, n: int) -> None:
        super().__init__(range(n))


@dataclass
class Cluster:
    """Mentions of one thing in one document, and the keys it offers for merging."""

    doc: str
    mentions: list[Mention]
    label: str
    label_class: str
    index: int = -1
    full_names: list[str] = field(default_factory=list)
    alias_names: set[str] = field(default_factory=set)
    long_names: set[str] = field(default_factory=set)
    strong: set[str] = field(default_factory=set)
    owned: set[str] = field(default_factory=set)
    probes: set[str] = field(default_factory=set)
    place_name: str | None = None
    place_names: list[str] = field(default_factory=list)
    containers: list[str] = field(default_factory=list)
    site: str | None = None
    site_kind: str | None = None
    metonym: str | None = None

    display: dict[tuple[int, int], str] = field(default_factory=dict)
    """(start, end) -> name the mention stands for ("131" -> "Shahed-131")."""

    def is_nominal(self, mention: Mention) -> bool:
        return is_nominal(mention)

    def display_of(self, mention: Mention) -> str:
        return self.display.get((mention.start, mention.end), mention.text)


def is_pronoun(text: str) -> bool:
    """Third/first-person pronouns as written ("it", "They"); "US" is not "us"."""
    low = text.lower()
    if text not in (low, low.capitalize()):
        return False
    return low in _PERSON_PRONOUNS | _THING_PRONOUNS | _PLURAL_PRONOUNS | _OTHER_PRONOUNS


def is_nominal(mention: Mention) -> bool:
    """ "the plant"-style site reference (not a name)."""
    return mention.label == "FAC" and _NOMINAL.match(mention.text) is not None


def _display_name(text: str, mentions: Sequence[Mention], i: int) -> str:
    """Name a mention stands for: "131" in "Shahed-136/131" stands for "Shahed-131"."""
    mention = mentions[i]
    if mention.text.isdigit() or re.fullmatch(r"\d+[A-Z]{0,2}", mention.text):
        before = text[max(0, mention.start - 40) : mention.start]
        match = re.search(
            r"([A-Za-z]+)([-\u2010\u2011\u2013]?)\d+[A-Z]{0,2}(?:/\d+[A-Z]{0,2})*/$", before
        )
        if match:
            return f"{match.group(1)}{match.group(2)}{mention.text}"
    name = names.clean_name(mention.text)
    if mention.label == "PERSON":
        # "Mr. Kirby", "Dr Jane Roe": the honorific is not part of the name.
        name = _HONORIFIC.sub("", name) or name
    return name


def cluster_document(document: Document, mentions: Sequence[Mention]) -> list[Cluster]:
    """Resolve one document's mentions into clusters (see module docstring)."""
    from .gazetteer import default_gazetteer

    text = document.text
    n = len(mentions)
    display = [_display_name(text, mentions, i) for i in range(n)]
    keys = [names.name_key(d) for d in display]
    pronoun = [is_pronoun(m.text) for m in mentions]
    nominal = [is_nominal(m) for m in mentions]
    metonym = [_metonym(m, keys[i]) for i, m in enumerate(mentions)]
    sets = UnionFind(n)
    find, union = sets.find, sets.union

    def cls(i: int) -> str:
        return "metonym" if metonym[i] else label_class(mentions[i].label)

    plain = [i for i in range(n) if not pronoun[i] and not nominal[i] and keys[i]]
    # 1. Identical names.
    first_of: dict[tuple[str, str], int] = {}
    for i in plain:
        k = (cls(i), keys[i]) if not names.is_designation(display[i]) else ("desig", keys[i])
        if k in first_of:
            union(first_of[k], i)
        else:
            first_of[k] = i
    # 2. Surname -> full name.
    full_people = [i for i in plain if cls(i) == "person" and " " in keys[i]]
    for i in plain:
        if cls(i) != "person" or " " in keys[i]:
            continue
        matches = [j for j in full_people if keys[j].rsplit(" ", 1)[1] == keys[i]]
        if not matches:
            # A first name for the document's only person with that first name
            # (author notes: "Matthew Coles ... Matthew is a journalist").
            firsts = [j for j in full_people if keys[j].split(" ", 1)[0] == keys[i]]
            if len({keys[j] for j in firsts}) == 1:
                matches = firsts
        targets = {keys[j] for j in matches}
        if len(targets) == 1:
            union(matches[0], i)
        elif matches:
            before = [j for j in matches if j < i]
            union(before[-1] if before else matches[0], i)
    # 3. Alias statements.
    for a, b, _rule in alias_rules.alias_pairs(text, mentions):
        if not pronoun[a] and not pronoun[b]:
            union(a, b)
    # 4. Acronyms -> a mention with those initials (unique), else a long form in the text.
    long_form_of: dict[int, str] = {}
    for lf in alias_rules.long_forms(text, mentions):
        long_form_of[lf.mention] = names.clean_name(lf.text)
    for i in plain:
        if not names.is_acronym(display[i]):
            continue
        acr = names.acronym_key(display[i])
        partners = {
            keys[j]: j
            for j in plain
            if j != i
            and not names.is_acronym(display[j])
            and cls(j) == cls(i)
            and names.initials(names.name_tokens(display[j])) == acr
        }
        if i in long_form_of and names.name_key(long_form_of[i]) in partners:
            union(i, partners[names.name_key(long_form_of[i])])
        elif len(partners) == 1:
            union(i, next(iter(partners.values())))
    # 5. Short site forms ("Alabuga SEZ") -> the long form in the same document.
    site_forms: dict[str, set[int]] = {}
    for i in plain:
        for form in names.acronym_forms(display[i]):
            site_forms.setdefault(form, set()).add(i)
    for i in plain:
        owners = {find(j) for j in site_forms.get(keys[i], set()) if cls(j) == cls(i)} - {find(i)}
        if len(owners) == 1:
            union(i, next(iter(owners)))
    # 6. Nominal site references -> the one named site.
    sites = {
        find(i)
        for i in plain
        if mentions[i].label == "FAC" and names.split_site_designator(display[i])
    }
    for i in range(n):
        if nominal[i] and len(sites) == 1:
            union(i, next(iter(sites)))
    # 7. Pronouns -> nearest preceding compatible mention.
    for i in range(n):
        if not pronoun[i]:
            continue
        low = mentions[i].text.lower()
        wanted: tuple[str, ...]
        if low in _PERSON_PRONOUNS:
            wanted = ("person",)
        elif low in _THING_PRONOUNS:
            wanted = ("org", "product", "place", "metonym", "event")
        elif low in _PLURAL_PRONOUNS:
            wanted = ("org", "norp", "metonym", "person")
        else:
            continue
        for j in range(i - 1, -1, -1):
            if (
                not pronoun[j]
                and not nominal[j]
                and (cls(j) in wanted or mentions[j].label == mentions[i].label)
            ):
                union(j, i)
                break

    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    gazetteer = default_gazetteer()
    out = []
    for root in sorted(members):
        idx = members[root]
        out.append(
            _make_cluster(
                document,
                mentions,
                idx,
                display,
                keys,
                pronoun,
                nominal,
                metonym,
                long_form_of,
                gazetteer,
            )
        )
    return out


def _metonym(mention: Mention, key: str) -> str | None:
    """What a capital or seat of power stands for when ``mentions`` marked it as an actor
    (label ORG): "Moscow" -> "government of Russia", "Kremlin" -> "government of Russia"."""
    if mention.label != "ORG":
        return None
    if key in names.SEATS_OF_POWER:
        return names.SEATS_OF_POWER[key][1]
    code = capital_country(key)
    if code is not None:
        return f"government of {country_name(code)}"
    return None


def _make_cluster(
    document: Document,
    mentions: Sequence[Mention],
    idx: list[int],
    display: list[str],
    keys: list[str],
    pronoun: list[bool],
    nominal: list[bool],
    metonym: list[str | None],
    long_form_of: dict[int, str],
    gazetteer: Gazetteer,
) -> Cluster:
    text = document.text
    ms = [mentions[i] for i in idx]
    named = [i for i in idx if not pronoun[i] and not nominal[i] and keys[i]]
    votes = Counter(mentions[i].label for i in (named or idx))
    label = sorted(
        votes.items(),
        key=lambda kv: (
            -kv[1],
            names.ENTITY_LABELS.index(kv[0]) if kv[0] in names.ENTITY_LABELS else 99,
            kv[0],
        ),
    )[0][0]
    meton = next((metonym[i] for i in named if metonym[i]), None)
    cluster = Cluster(document.id, ms, label, label_class(label), metonym=meton)
    cluster.display = {(mentions[i].start, mentions[i].end): display[i] for i in named}
    names_here = sorted({display[i] for i in named})
    token_sets = {d: names.name_tokens(d) for d in names_here}

    def is_short(d: str) -> bool:
        toks = token_sets[d]
        for other in names_here:
            o = token_sets[other]
            if len(o) > len(toks) and (o[-len(toks) :] == toks or o[: len(toks)] == toks):
                return True
        return names.is_acronym(d) and any(not names.is_acronym(o) for o in names_here)

    cluster.full_names = [d for d in names_here if not is_short(d)] or names_here
    cluster.alias_names = set(names_here)
    for i in named:
        if i in long_form_of:
            cluster.long_names.add(long_form_of[i])
            cluster.alias_names.add(long_form_of[i])
    if (
        cluster.long_names
        and all(n.islower() for n in cluster.long_names)
        and cluster.label == "ORG"
    ):
        # "UAVs" spelled out as "unmanned aerial vehicles" is a kind of thing, not an
        # organisation, whatever the tagger said.
        cluster.label, cluster.label_class = "PRODUCT", "product"
    if not named:
        return cluster
    cls = cluster.label_class
    if meton:
        cluster.strong.add(f"metonym:{meton}:{names.name_key(cluster.full_names[0])}")
        return cluster
    for name in cluster.full_names:
        key = names.name_key(name)
        if names.is_designation(name):
            cluster.strong.add(f"desig:{key}")
            continue
        if names.is_acronym(name):
            long_form = next(
                (long_form_of[i] for i in named if i in long_form_of and display[i] == name), None
            )
            if long_form:
                cluster.strong.add(f"{cls}:{names.name_key(long_form)}")
            cluster.probes.add(f"acr:{cls}:{names.acronym_key(name)}")
            continue
        if cls == "person":
            tokens = key.split()
            if len(tokens) >= 2:
                cluster.strong.add(f"person:{key}")
                cluster.strong.add(f"pskel:{names.skeleton(name)}")
                cluster.owned.add(f"short:{tokens[-1]}")
                # "John F. Kirby" and "John Kirby": same first and last name.
                cluster.owned.add(f"pfl:{tokens[0]} {tokens[-1]}")
                cluster.probes.add(f"pfl:{tokens[0]} {tokens[-1]}")
            else:
                cluster.probes.add(f"short:{key}")
            continue
        cluster.strong.add(f"{cls}:{key}")
        cluster.probes.add(f"{cls}:{key}")
        for form in names.acronym_forms(name):
            cluster.owned.add(f"{cls}:{form}" if " " in form else f"acr:{cls}:{form}")
        if cls == "org":
            bare = _strip_qualifier(name, gazetteer)
            if bare is not None:
                cluster.probes.add(f"org:{names.name_key(bare)}")
            if any(
                not c.alternate and c.place.geo.feature in ("city", "region", "country")
                for c in gazetteer.candidates(name)
            ):
                # The tagger sometimes calls a town an organisation ("a ferry reached
                # Kiel"); it joins the place of that name if the story has exactly one.
                cluster.probes.add(f"place:{key}")
    for name in cluster.long_names:
        cluster.strong.add(f"{cls}:{names.name_key(name)}")
        for form in names.acronym_forms(name):
            cluster.owned.add(f"acr:{cls}:{form}" if " " not in form else f"{cls}:{form}")
    if cls == "place":
        _place_fields(cluster, text, mentions, named, display)
    return cluster


def _strip_qualifier(name: str, gazetteer: Gazetteer) -> str | None:
    """ "US National Security Council" -> "National Security Council": a country's name or
    a seat of power in front of a longer organisation name. Nationality adjectives are
    kept ("British Ministry of Defence" is not just any "Ministry of Defence")."""
    words = names.clean_name(name).split()
    for size in (2, 1):
        if len(words) - size < 2:
            continue
        head = " ".join(words[:size])
        if names.name_key(head) in names.SEATS_OF_POWER or gazetteer.is_country_name(head):
            return " ".join(words[size:])
    return None


def _place_fields(
    cluster: Cluster, text: str, mentions: Sequence[Mention], named: list[int], display: list[str]
) -> None:
    cluster.place_names = sorted({display[i] for i in named})
    cluster.place_name = cluster.full_names[0] if cluster.full_names else None
    for i in named:
        for container in stated_containers(text, mentions, i):
            if names.name_key(container) != names.name_key(display[i]):
                cluster.containers.append(container)
        split = names.split_site_designator(display[i])
        if split is not None and mentions[i].label == "FAC":
            cluster.site = split[1]
            cluster.site_kind = "zone" if split[1] in names.ZONE_DESIGNATORS else "facility"
        seat = names.SEATS_OF_POWER.get(names.name_key(display[i]))
        if seat is not None:
            # The building of a seat of power ("in the White House") is in the capital.
            capital = capital_name(seat[0])
            if capital is not None:
                cluster.place_names = [capital]
                cluster.containers.append(country_name(seat[0]))
                cluster.site, cluster.site_kind = "seat of power", "facility"
    cluster.containers = sorted(set(cluster.containers))
