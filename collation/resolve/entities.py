"""Cross-document entities: one ``Entity`` per real thing, with every name outlets used.

Reads: documents and their mentions (from ``mentions.extract_mentions``), options (for
the optional watchlist and FollowTheMoney files). Adds: ``Entity`` records with aliases and
the documents that used them, every mention span, roles, geocoding and metonyms.

The work runs in a fixed order:

1. in-document clusters (``indoc.py``): same name, surname -> full name, acronym -> long
   form, alias statements, "the plant" -> the document's site, pronouns;
2. geocoding of place clusters, pooled over documents by name (``geocode.py``);
3. cross-document merging: strong keys (full normalised name, designation, gazetteer id,
   watchlist entry) merge on their own; weak keys (surname, acronym, qualifier-stripped
   name, transliteration skeleton) merge only when exactly one group owns them; fuzzy
   spelling only proposes pairs that a token-by-token check confirms;
4. one entity per group: canonical name, aliases with documents, roles, geo, metonym,
   external ids. Ids are ``record_id("e", type, key)`` so they do not depend on order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..config import Options
from ..ids import record_id
from ..records import Alias, Document, Entity, Geo, Mention, Role, Span
from . import names
from .gazetteer import Gazetteer, Place, default_gazetteer
from .geocode import (
    PlaceContext,
    PlaceQuery,
    Resolution,
    document_context,
    resolve_place,
    with_suggestions,
)
from .indoc import Cluster, UnionFind, cluster_document
from .knowledge import KnowledgeBase, load_knowledge
from .roles import person_roles

#: Preference among labels when a group's mentions disagree equally.
_LABEL_ORDER = {label: i for i, label in enumerate(names.ENTITY_LABELS)}


def resolve_entities(
    documents: Sequence[Document], mentions: Sequence[Mention], options: Options
) -> list[Entity]:
    """Merge mentions across documents into entities (sorted by id); geocodes places."""
    knowledge = load_knowledge(options.aliases_file, options.ftm_file)
    return resolve_with(documents, mentions, knowledge, default_gazetteer())


def entity_index(entities: Sequence[Entity]) -> dict[tuple[str, int, int], str]:
    """(doc, start, end) of every mention -> entity id."""
    out: dict[tuple[str, int, int], str] = {}
    for entity in entities:
        for span in entity.mentions:
            out[(span.doc, span.start, span.end)] = entity.id
    return out


def resolve_with(
    documents: Sequence[Document],
    mentions: Sequence[Mention],
    knowledge: KnowledgeBase,
    gazetteer: Gazetteer,
) -> list[Entity]:
    """``resolve_entities`` with the knowledge base and gazetteer given explicitly."""
    docs = {d.id: d for d in sorted(documents, key=lambda d: d.id)}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(set(mentions), key=lambda m: (m.doc, m.start, m.end, m.label)):
        doc = docs.get(mention.doc)
        if doc is not None and doc.text[mention.start : mention.end] == mention.text:
            by_doc[mention.doc].append(mention)

    # 1. In-document clusters.
    clusters: list[Cluster] = []
    for doc_id in sorted(by_doc):
        clusters += cluster_document(docs[doc_id], by_doc[doc_id])
    for i, cluster in enumerate(clusters):
        cluster.index = i

    # 2. Geocoding (adds gazetteer keys to place clusters).
    resolutions = _geocode(docs, by_doc, clusters, gazetteer, knowledge)

    # 3. Cross-document merging.
    groups = _merge(clusters, knowledge)

    # 4. Entities.
    entities = [
        _entity(docs, [clusters[i] for i in members], resolutions, knowledge) for members in groups
    ]
    return _unique_ids(entities)


# ---------------------------------------------------------------- geocoding


def _geocode(
    docs: dict[str, Document],
    by_doc: dict[str, list[Mention]],
    clusters: list[Cluster],
    gazetteer: Gazetteer,
    knowledge: KnowledgeBase,
) -> dict[int, Resolution]:
    """Resolve place clusters; the same name in several documents is resolved once."""
    contexts = {d: document_context(gazetteer, docs[d], ms) for d, ms in by_doc.items()}
    story = PlaceContext()
    for ctx in contexts.values():
        story = story.merged(ctx)
    units: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        if cluster.place_name is not None and not cluster.metonym:
            units[names.name_key(cluster.place_name)].append(i)
    queries: dict[str, PlaceQuery] = {}
    for key, members in sorted(units.items()):
        cl = [clusters[i] for i in members]
        queries[key] = PlaceQuery(
            names=tuple(sorted({n for c in cl for n in c.place_names})),
            docs=tuple(sorted({c.doc for c in cl})),
            containers=tuple(sorted({x for c in cl for x in c.containers})),
            site=next((c.site for c in cl if c.site), None),
        )
    # Two passes: the second knows which regions and places the first resolved, so
    # "Makhachkala ... Dagestan" and "Amirabad ... Caspian" support each other.
    results: dict[str, Resolution] = {}
    for _ in range(2):
        anchors_story = PlaceContext(
            regions={
                r.place.geo.gazetteer_id
                for r in results.values()
                if r.place and r.place.geo.feature == "region"
            },
            anchors=[
                r.place.geo for r in results.values() if r.place and r.place.geo.feature == "city"
            ],
        )
        story_now = story.merged(anchors_story)
        results = {
            key: resolve_place(gazetteer, q, contexts, story_now) for key, q in queries.items()
        }
    results = {k: with_suggestions(gazetteer, queries[k], r, story) for k, r in results.items()}
    out: dict[int, Resolution] = {}
    for key, members in units.items():
        for i in members:
            out[i] = results[key]
            place = results[key].place
            if place is not None and clusters[i].site_kind != "facility":
                clusters[i].strong.add("geo:" + place.geo.gazetteer_id)
    # A watchlist entry with coordinates places what it names, whatever the gazetteer says.
    for i, cluster in enumerate(clusters):
        if cluster.label_class != "place":
            continue
        for name in cluster.full_names:
            for known in knowledge.matches(name, cluster.label):
                if known.geo is not None:
                    out[i] = Resolution("resolved", _user_place(known.geo))
    return out


def _user_place(geo: Geo) -> Place:
    return Place(geo=geo, population=0, containers=(), container_ids=())


# ---------------------------------------------------------------- merging


def _merge(clusters: list[Cluster], knowledge: KnowledgeBase) -> list[list[int]]:
    uf = UnionFind(len(clusters))
    # 1. Strong keys (and watchlist entries) merge on their own.
    owner: dict[str, int] = {}
    for i, cluster in enumerate(clusters):
        keys = set(cluster.strong)
        for name in cluster.full_names:
            for known in knowledge.matches(name, cluster.label):
                if known.merges:
                    keys.add(f"kb:{known.ref}")
        for key in sorted(keys):
            if key in owner:
                uf.union(owner[key], i)
            else:
                owner[key] = i
    # 2. Weak keys: merge with the one group that owns the key; probes nobody owns merge
    # with each other only when the key is a full name (two documents saying "Kirby").
    owners: dict[str, set[int]] = defaultdict(set)
    for i, cluster in enumerate(clusters):
        for key in cluster.strong | cluster.owned:
            owners[key].add(i)
    probes: dict[str, list[int]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        for key in sorted(cluster.probes):
            probes[key].append(i)
    for key in sorted(probes):
        groups = {uf.find(j) for j in owners.get(key, ())}
        for i in probes[key]:
            others = groups - {uf.find(i)}
            if len(others) == 1:
                uf.union(i, next(iter(others)))
        if not groups and key.startswith("short:"):
            first = probes[key][0]
            for i in probes[key][1:]:
                uf.union(first, i)
    # 3. Fuzzy spelling proposes, a token-by-token check confirms.
    _fuzzy_merge(clusters, uf)
    return uf.groups()


def _fuzzy_merge(clusters: list[Cluster], uf: UnionFind) -> None:
    from rapidfuzz import fuzz, process

    by_class: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for i, cluster in enumerate(clusters):
        if cluster.label_class in ("person", "org", "product") and not cluster.metonym:
            for name in cluster.full_names:
                by_class[cluster.label_class].add((names.name_key(name), i))
    for items in by_class.values():
        keys = sorted({k for k, _ in items})
        owners: dict[str, list[int]] = defaultdict(list)
        for k, i in sorted(items):
            owners[k].append(i)
        for a, ka in enumerate(keys):
            # Candidates come from the spelling score; only the token check merges.
            found = process.extract(
                ka, keys[a + 1 :], scorer=fuzz.ratio, score_cutoff=85, limit=None
            )
            for kb, _score, _ in sorted(found, key=lambda f: f[2]):
                if _confirmed_variant(ka, kb):
                    for i in owners[ka]:
                        for j in owners[kb]:
                            uf.union(i, j)


def _confirmed_variant(a: str, b: str) -> bool:
    """Same number of tokens, same digits, at least one identical token, and every other
    token a transliteration variant (same skeleton) or one edit apart in a long word."""
    from rapidfuzz.distance import Levenshtein

    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    if "".join(c for c in a if c.isdigit()) != "".join(c for c in b if c.isdigit()):
        return False
    if not any(x == y for x, y in zip(ta, tb, strict=True)):
        return False
    for x, y in zip(ta, tb, strict=True):
        if x == y or names.skeleton(x) == names.skeleton(y):
            continue
        if len(x) >= 6 and x[0] == y[0] and Levenshtein.distance(x, y) <= 1:
            continue
        return False
    return True


# ---------------------------------------------------------------- entities


def _entity(
    docs: dict[str, Document],
    group: list[Cluster],
    resolutions: dict[int, Resolution],
    knowledge: KnowledgeBase,
) -> Entity:
    labels: Counter[str] = Counter()
    places = any(c.label_class == "place" for c in group)
    for cluster in group:
        # A cluster's label may correct its mentions' ("UAVs" spelled out as a common noun),
        # and a group with a place in it is a place (a town the tagger once called ORG).
        if places and cluster.label_class != "place":
            continue
        labels[cluster.label] += sum(1 for m in cluster.mentions if not cluster.is_nominal(m)) or 1
    label = sorted(labels.items(), key=lambda kv: (-kv[1], _LABEL_ORDER.get(kv[0], 99), kv[0]))[0][
        0
    ]

    alias_docs: dict[str, set[str]] = defaultdict(set)
    for cluster in group:
        for name in cluster.alias_names:
            alias_docs[name].add(cluster.doc)
    aliases = tuple(Alias(name, tuple(sorted(d))) for name, d in sorted(alias_docs.items()))
    mention_counts = Counter(names.name_key(c.display_of(m)) for c in group for m in c.mentions)
    geo_names = {
        names.name_key(r.place.geo.name)
        for c in group
        if (r := resolutions.get(c.index)) is not None and r.place is not None
    }
    name = _canonical_name(group, alias_docs, mention_counts, geo_names)

    spans = sorted(
        {Span(m.doc, m.start, m.end, m.text) for c in group for m in c.mentions},
        key=lambda s: (s.doc, s.start, s.end),
    )
    roles: list[Role] = []
    if label == "PERSON":
        seen = set()
        for cluster in group:
            for mention in cluster.mentions:
                if mention.label != "PERSON":
                    continue
                for role in person_roles(docs[mention.doc].text, mention):
                    if (role.span.doc, role.span.start, role.span.end) not in seen:
                        seen.add((role.span.doc, role.span.start, role.span.end))
                        roles.append(role)
    roles.sort(key=lambda r: (r.span.doc, r.span.start, r.span.end))

    geo: Geo | None = None
    status = "n/a"
    candidates: tuple[Geo, ...] = ()
    contained: tuple[str, ...] = ()
    place_clusters = [(c, resolutions[c.index]) for c in group if c.index in resolutions]
    if place_clusters and label in names.PLACE_LABELS:
        resolved = [(c, r) for c, r in place_clusters if r.place is not None]
        if resolved:
            counts = Counter(r.place.geo.gazetteer_id for _, r in resolved if r.place)
            best_id = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            cluster, res = next(
                (c, r) for c, r in resolved if r.place and r.place.geo.gazetteer_id == best_id
            )
            assert res.place is not None
            geo = res.place.geo
            contained = res.place.containers
            kinds = sorted({c.site_kind for c in group if c.site_kind}, reverse=True)
            if kinds and names.name_key(name) != names.name_key(geo.name):
                # A site named after a town (or a seat of power) lies in that town.
                contained = (geo.name, *contained)
                geo = Geo(geo.lat, geo.lon, geo.gazetteer_id, geo.name, kinds[0], geo.country)
            status = "resolved"
            candidates = tuple(p.geo for p in res.candidates)
        else:
            res = place_clusters[0][1]
            status = res.status
            candidates = tuple(p.geo for p in res.candidates)

    metonym = next((c.metonym for c in group if c.metonym), None)
    external = sorted(
        {known.ref for c in group for n in c.full_names for known in knowledge.matches(n, c.label)}
    )
    watch = sorted(
        {
            known.name
            for c in group
            for n in c.full_names
            for known in knowledge.matches(n, c.label)
            if known.merges
        }
    )
    if len(watch) == 1:
        name = watch[0]  # the user's canonical name wins
    key = _identity_key(label, name, geo, metonym)
    return Entity(
        id=record_id("e", label, key),
        name=name,
        type=label,
        aliases=aliases,
        mentions=tuple(spans),
        geo=geo,
        resolution=status,
        candidates=candidates,
        roles=tuple(roles),
        contained_in=tuple(contained),
        metonym_for=metonym,
        external_ids=tuple(external),
    )


def _identity_key(label: str, name: str, geo: Geo | None, metonym: str | None) -> str:
    if metonym:
        return f"metonym:{metonym}:{names.name_key(name)}"
    if geo is not None and geo.feature not in ("facility",):
        return f"geo:{geo.gazetteer_id}"
    return names.name_key(name) or name


def _canonical_name(
    group: list[Cluster],
    alias_docs: dict[str, set[str]],
    mention_counts: Counter[str],
    geo_names: set[str],
) -> str:
    """The name most documents use for the thing; full names beat short forms and acronyms;
    ties go to the gazetteer's name, then the most mentioned, then the shortest; title case
    beats lower case when documents are evenly split."""
    full = {n for c in group for n in c.full_names} | {n for c in group for n in c.long_names}
    pool = [n for n in alias_docs if n in full] or list(alias_docs) or [group[0].mentions[0].text]
    if group[0].label_class == "person":
        # "Biden" from a document that never gives the full name is still a short form.
        tokens = {n: names.name_tokens(n) for n in pool}
        pool = [
            n
            for n in pool
            if not any(
                len(tokens[o]) > len(tokens[n]) and tokens[o][-len(tokens[n]) :] == tokens[n]
                for o in pool
            )
        ] or pool
    key_docs: dict[str, set[str]] = defaultdict(set)
    for n in pool:
        key_docs[names.name_key(n)] |= alias_docs.get(n, set())

    def key_rank(k: str) -> tuple[bool, int, bool, int, int, int, str]:
        # Shorter wins late ties: "National Security Council" over its qualified forms.
        acronym = all(names.is_acronym(n) for n in pool if names.name_key(n) == k)
        return (
            acronym,
            -len(key_docs[k]),
            k not in geo_names,
            -mention_counts.get(k, 0),
            len(k.split()),
            len(k),
            k,
        )

    best_key = sorted(key_docs, key=key_rank)[0]
    variants = [n for n in pool if names.name_key(n) == best_key]
    return sorted(
        variants,
        key=lambda n: (-len(alias_docs.get(n, ())), -sum(ch.isupper() for ch in n), n),
    )[0]


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Keep ids unique when two entities share a type and key (e.g. two unresolved
    places with one name in unrelated stories): later ones get their first mention added."""
    from dataclasses import replace

    seen: set[str] = set()
    out = []
    for entity in sorted(entities, key=lambda e: (e.id, e.mentions[0].doc, e.mentions[0].start)):
        if entity.id in seen:
            first = entity.mentions[0]
            entity = replace(
                entity, id=record_id("e", entity.type, entity.name, first.doc, str(first.start))
            )
        seen.add(entity.id)
        out.append(entity)
    return sorted(out, key=lambda e: e.id)
