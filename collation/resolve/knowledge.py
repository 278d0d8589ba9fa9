"""User knowledge: an alias/watchlist file and FollowTheMoney entities, read offline.

Reads: ``Options.aliases_file`` (YAML or CSV: canonical name, type, aliases, lat/lon) and
``Options.ftm_file`` (FollowTheMoney entities, one JSON object per line, e.g. a sanctions
list). Adds: ``KnownEntity`` records that ``entities.py`` uses to merge (watchlist aliases
are the user's word that names denote one thing), to place (watchlist coordinates), and
to link (``external_ids``: ``watchlist:<slug>``, ``ftm:<id>``).

Watchlist YAML is a list of mappings (or a mapping with an ``entities`` list)::

    - name: Alabuga Special Economic Zone
      type: FAC
      aliases: [Alabuga SEZ, SEZ Alabuga]
      lat: 55.81
      lon: 52.19

CSV has a header ``name,type,aliases,lat,lon`` (``id`` optional); aliases are separated by
``|`` or ``;``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import MalformedInput
from ..records import Geo
from . import names

#: Watchlist type words -> mention labels.
_TYPE_WORDS = {
    "person": "PERSON",
    "people": "PERSON",
    "org": "ORG",
    "organization": "ORG",
    "organisation": "ORG",
    "company": "ORG",
    "place": "GPE",
    "location": "LOC",
    "site": "FAC",
    "facility": "FAC",
    "product": "PRODUCT",
    "weapon": "PRODUCT",
    "event": "EVENT",
    "group": "NORP",
}
_FEATURE_OF = {"FAC": "facility", "GPE": "city", "LOC": "region"}


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """One entity the user told us about."""

    ref: str
    """``watchlist:<slug>`` or ``ftm:<id>``."""
    name: str
    label: str | None
    """Mention label it matches (None: any person or organisation)."""
    aliases: tuple[str, ...]
    geo: Geo | None = None
    merges: bool = False
    """Watchlist entries merge the entities their names match; FtM entries only link."""


@dataclass(frozen=True)
class KnowledgeBase:
    """Known entities indexed by name key."""

    entries: tuple[KnownEntity, ...] = ()
    _index: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, entries: Iterable[KnownEntity]) -> KnowledgeBase:
        ordered = tuple(sorted(entries, key=lambda e: e.ref))
        index: dict[str, list[int]] = {}
        for i, entry in enumerate(ordered):
            for name in (entry.name, *entry.aliases):
                key = names.name_key(name)
                if key and i not in index.setdefault(key, []):
                    index[key].append(i)
        return cls(ordered, {k: tuple(v) for k, v in index.items()})

    def matches(self, name: str, label: str) -> list[KnownEntity]:
        """Entries whose name or alias has this name's key and whose type fits ``label``."""
        out = []
        for i in self._index.get(names.name_key(name), ()):
            entry = self.entries[i]
            if _compatible(entry.label, label):
                out.append(entry)
        return out


def _compatible(known: str | None, label: str) -> bool:
    if known is None:
        return label in ("PERSON", "ORG", "NORP")
    places = set(names.PLACE_LABELS)
    return known == label or (known in places and label in places)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", names.fold(text)).strip("-") or "entry"


def _label(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text.upper() in names.ENTITY_LABELS:
        return text.upper()
    if text.lower() in _TYPE_WORDS:
        return _TYPE_WORDS[text.lower()]
    raise MalformedInput(f"{where}: unknown type {text!r}", source=where)


def _aliases(value: Any) -> tuple[str, ...]:
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in re.split(r"[|;]", value) if a.strip())
    if isinstance(value, list):
        return tuple(str(a).strip() for a in value if str(a).strip())
    return (str(value),)


def _watch_entry(row: dict[str, Any], where: str) -> KnownEntity:
    name = str(row.get("name") or "").strip()
    if not name:
        raise MalformedInput(f"{where}: an entry has no name", source=where)
    label = _label(row.get("type"), where)
    slug = str(row.get("id") or _slug(name))
    geo = None
    lat, lon = row.get("lat"), row.get("lon")
    if lat not in (None, "") and lon not in (None, ""):
        try:
            geo = Geo(
                lat=float(lat),
                lon=float(lon),
                gazetteer_id=f"user:{slug}",
                name=name,
                feature=_FEATURE_OF.get(label or "", "facility"),
                country=(str(row["country"]).upper() if row.get("country") else None),
            )
        except (TypeError, ValueError) as exc:
            raise MalformedInput(f"{where}: bad lat/lon for {name!r}", source=where) from exc
    return KnownEntity(f"watchlist:{slug}", name, label, _aliases(row.get("aliases")), geo, True)


def load_watchlist(path: Path) -> list[KnownEntity]:
    """Read a YAML or CSV watchlist (see module docstring)."""
    where = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise MalformedInput(f"cannot read aliases file {where}: {exc}", source=where) from exc
    rows: list[dict[str, Any]]
    if Path(path).suffix.lower() == ".csv":
        rows = [dict(r) for r in csv.DictReader(raw.splitlines())]
    else:
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            raise MalformedInput(
                f"aliases file {where} is not valid YAML: {exc}", source=where
            ) from exc
        if isinstance(data, dict):
            data = data.get("entities", [])
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise MalformedInput(f"aliases file {where} must be a list of entries", source=where)
        rows = data
    return [_watch_entry(row, where) for row in rows]


def _ftm_label(schema: Any) -> str | None | bool:
    """Mention label for an FtM schema; False when the schema is not linkable."""
    if schema.is_a("Person"):
        return "PERSON"
    if schema.is_a("Organization"):
        return "ORG"
    if schema.is_a("LegalEntity"):
        return None
    return False


def load_ftm(path: Path) -> list[KnownEntity]:
    """Read FollowTheMoney entities (JSON lines); persons and organisations are kept."""
    from followthemoney import model

    where = str(path)
    out: list[KnownEntity] = []
    try:
        handle = Path(path).open(encoding="utf-8")
    except OSError as exc:
        raise MalformedInput(f"cannot read FtM file {where}: {exc}", source=where) from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                proxy = model.get_proxy(json.loads(line))
            except Exception as exc:  # the FtM library raises several types for bad data
                raise MalformedInput(
                    f"{where}:{number}: not an FtM entity: {exc}", source=where
                ) from exc
            label = _ftm_label(proxy.schema)
            if label is False or not proxy.id:
                continue
            all_names = sorted(set(proxy.names))
            if not all_names:
                continue
            caption = proxy.caption or all_names[0]
            out.append(
                KnownEntity(
                    f"ftm:{proxy.id}",
                    caption,
                    label if isinstance(label, str) else None,
                    tuple(all_names),
                )
            )
    return out


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    try:
        stat = Path(path).stat()
    except OSError:
        return (str(path), -1, -1)  # the loader reports the problem
    return (str(path), stat.st_mtime_ns, stat.st_size)


def load_knowledge(aliases_file: Path | None, ftm_file: Path | None) -> KnowledgeBase:
    """Everything the user supplied, or an empty knowledge base. Files are read once per
    process and version (the pipeline resolves each story separately; a sanctions list
    should not be parsed once per story)."""
    return _load_cached(_stamp(aliases_file), _stamp(ftm_file))


@lru_cache(maxsize=4)
def _load_cached(
    aliases: tuple[str, int, int] | None, ftm: tuple[str, int, int] | None
) -> KnowledgeBase:
    entries: list[KnownEntity] = []
    if aliases is not None:
        entries += load_watchlist(Path(aliases[0]))
    if ftm is not None:
        entries += load_ftm(Path(ftm[0]))
    return KnowledgeBase.build(entries)
