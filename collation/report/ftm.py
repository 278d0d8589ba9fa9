"""FollowTheMoney entities (JSON lines) so Aleph and other FtM tools can import a run.

Mapping (FtM schema in brackets):

- each document -> ``Article`` (title, publisher, URL, date, language, body text);
- PERSON -> ``Person``, ORG -> ``Organization``, GPE/LOC/FAC -> ``Address`` with
  coordinates, PRODUCT -> ``Asset``, EVENT -> ``Event``; other types (NORP, ...) have no
  faithful FtM schema and are left out;
- each (entity, document) pair -> ``Mention`` naming the words that document used;
- each relation-graph edge between exported entities -> ``UnknownLink`` (role = relation);
- each proposition and each disagreement -> ``Note`` pointing at the articles as proof.

Values go through FtM's own cleaning (``EntityProxy.add``), which drops anything its type
refuses (a ``javascript:`` URL, an invalid country code), so the output validates.
"""

from __future__ import annotations

import json

from followthemoney import model
from followthemoney.proxy import EntityProxy

from ..ids import record_id
from ..records import Entity
from .data import ReportData
from .escape import safe_url, strip_controls
from .graph import RelationGraph

SCHEMA_FOR_TYPE = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Address",
    "LOC": "Address",
    "FAC": "Address",
    "PRODUCT": "Asset",
    "EVENT": "Event",
}


def ftm_id(record: str) -> str:
    return "collation-" + record


def _proxy(schema: str, ident: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = ident
    return proxy


def _add(proxy: EntityProxy, prop: str, values: object) -> None:
    """Add values, trimmed to the property type's length limit (FtM refuses longer ones:
    an address is at most 250 characters, a name 384)."""
    limit = proxy.schema.properties[prop].type.max_length
    items = values if isinstance(values, list | tuple) else [values]
    for value in items:
        if value is None or value == "":
            continue
        text = strip_controls(str(value))
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        proxy.add(prop, text)


def _article(data: ReportData, doc_id: str) -> EntityProxy:
    doc = data.docs[doc_id]
    proxy = _proxy("Article", ftm_id(doc.id))
    _add(proxy, "title", doc.title or data.outlets[doc.id])
    _add(proxy, "publisher", data.outlets[doc.id])
    _add(proxy, "sourceUrl", safe_url(doc.url))
    _add(proxy, "publishedAt", doc.published)
    _add(proxy, "language", doc.language)
    _add(proxy, "author", doc.author)
    _add(proxy, "bodyText", doc.text)
    return proxy


def _entity(data: ReportData, entity: Entity) -> EntityProxy | None:
    schema = SCHEMA_FOR_TYPE.get(entity.type)
    if schema is None:
        return None
    proxy = _proxy(schema, ftm_id(entity.id))
    _add(proxy, "name", entity.name)
    aliases = sorted({a.name for a in entity.aliases if a.name != entity.name})
    if schema == "Address":
        _add(proxy, "full", entity.name)
        if entity.geo is not None and entity.resolution == "resolved":
            _add(proxy, "latitude", repr(entity.geo.lat))
            _add(proxy, "longitude", repr(entity.geo.lon))
            _add(proxy, "country", (entity.geo.country or "").lower())
    else:
        _add(proxy, "alias", aliases)
    if schema == "Person":
        _add(proxy, "position", sorted({r.title for r in entity.roles}))
    _add(proxy, "proof", [ftm_id(d) for d in data.entity_docs(entity) if d in data.docs])
    return proxy


def ftm_entities(data: ReportData, graph: RelationGraph) -> list[EntityProxy]:
    """Every FtM entity of a run, sorted by id."""
    proxies: dict[str, EntityProxy] = {}
    for doc in data.documents:
        proxies[ftm_id(doc.id)] = _article(data, doc.id)
    exported: dict[str, str] = {}
    for entity in data.entity_list:
        proxy = _entity(data, entity)
        if proxy is None or proxy.id is None:
            continue
        proxies[proxy.id] = proxy
        exported[entity.id] = proxy.schema.name
        for doc_id in data.entity_docs(entity):
            if doc_id not in data.docs:
                continue
            used = sorted(a.name for a in entity.aliases if doc_id in a.docs) or [entity.name]
            mention = _proxy("Mention", ftm_id(record_id("m", entity.id, doc_id)))
            _add(mention, "document", ftm_id(doc_id))
            _add(mention, "name", used)
            _add(mention, "detectedSchema", proxy.schema.name)
            if proxy.schema.is_a("LegalEntity"):
                _add(mention, "resolved", proxy.id)
            proxies[str(mention.id)] = mention
    for edge in graph.edges:
        if edge.source not in exported or edge.target not in exported:
            continue
        link = _proxy("UnknownLink", ftm_id(record_id("l", edge.source, edge.target)))
        _add(link, "subject", ftm_id(edge.source))
        _add(link, "object", ftm_id(edge.target))
        _add(link, "role", edge.label)
        _add(
            link,
            "description",
            f"stated in {edge.support} document(s), {edge.origins} independent origin(s)",
        )
        _add(link, "proof", [ftm_id(d) for d in edge.docs if d in data.docs])
        proxies[str(link.id)] = link
    for item in data.account + data.single_source:
        prop = item.proposition
        note = _proxy("Note", ftm_id(prop.id))
        _add(note, "name", prop.text)
        _add(note, "description", prop.text)
        _add(
            note,
            "summary",
            f"{len(item.outlets)} outlet(s), {len(set(prop.origins))} independent origin(s)",
        )
        _add(note, "keywords", ["single-source"] if prop.single_source else ["corroborated"])
        _add(note, "proof", sorted({ftm_id(c.doc) for c in item.citations}))
        _add(note, "publisher", list(item.outlets))
        proxies[str(note.id)] = note
    for row in data.conflicts:
        c = row.conflict
        note = _proxy("Note", ftm_id(c.id))
        _add(note, "name", c.summary)
        _add(note, "description", "; ".join(f"{cite.outlet}: {v}" for cite, v in row.values))
        _add(note, "summary", c.reference)
        _add(note, "keywords", ["disagreement", c.kind])
        _add(note, "proof", sorted({ftm_id(cite.doc) for cite, _ in row.values}))
        proxies[str(note.id)] = note
    return [proxies[k] for k in sorted(proxies)]


def to_ftm_jsonl(data: ReportData, graph: RelationGraph) -> str:
    lines = []
    for proxy in ftm_entities(data, graph):
        record = proxy.to_dict()
        props = {k: sorted(v) for k, v in sorted(record.get("properties", {}).items())}
        lines.append(
            json.dumps(
                {"id": record["id"], "schema": record["schema"], "properties": props},
                ensure_ascii=False,
                sort_keys=True,
            )
        )
    return "\n".join(lines) + ("\n" if lines else "")
