"""Turn the user's inputs (files, folders, globs, ``-``, URLs) into an ordered list of sources.

Order is deterministic: inputs in the order given; a folder's files and a glob's matches
sorted by path (code-point order, not locale); each real file read once even when named by
several inputs. Hidden files and folders (``.git``, ``.DS_Store``) inside folders are ignored.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import InputError, UnsupportedInput
from ..records import Skipped

#: File name endings and the reader for each (matched after removing a final ``.gz``).
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "sniff",
}
#: Shown to users when a file type is not supported.
SUPPORTED = (
    ".txt .md .html .htm .json .jsonl .warc .warc.gz .rss .atom (any of them .gz-compressed)"
)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_CHARS = re.compile(r"[*?[]")


@dataclass(frozen=True, slots=True)
class InputRef:
    """One thing to read (internal to the ingest stage)."""

    kind: str
    """``file``, ``url`` or ``stdin``."""
    location: str
    """File path, URL, or ``-``."""
    source: str
    """What ``Document.source`` will say: the path as the user wrote it, the URL, ``<stdin>``."""


def reader_for(name: str) -> tuple[str | None, bool]:
    """``(reader kind, gzip-compressed)`` for a file name; kind None when unsupported.

    Names without an extension get ``sniff`` (look at the content).
    """
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    _, ext = os.path.splitext(lower)
    if not ext:
        return "sniff", gz
    return EXTENSIONS.get(ext), gz


def _walk(top: str) -> list[str]:
    """Every non-hidden file under ``top``, sorted by path components."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_root = os.path.relpath(root, top)
        parts = () if rel_root == "." else tuple(rel_root.split(os.sep))
        for name in files:
            if not name.startswith("."):
                found.append(((*parts, name), os.path.join(root, name)))
    return [path for _, path in sorted(found)]


def _skip(source: str, error: InputError) -> Skipped:
    return Skipped(source, error.message, error.code)


def _expand_one(raw: str) -> Iterator[InputRef | Skipped]:
    if raw == "-":
        yield InputRef("stdin", "-", "<stdin>")
        return
    if _SCHEME.match(raw):
        if raw.lower().startswith(("http://", "https://")):
            yield InputRef("url", raw, raw)
        else:
            yield _skip(raw, UnsupportedInput(f"{raw}: only http(s) URLs can be read"))
        return
    if os.path.isdir(raw):
        for path in _walk(raw):
            yield InputRef("file", path, path)
        return
    if os.path.lexists(raw):
        yield InputRef("file", raw, raw)
        return
    if _GLOB_CHARS.search(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield _skip(raw, InputError(f"{raw}: no files match this pattern"))
        for match in matches:
            if os.path.isdir(match):
                for path in _walk(match):
                    yield InputRef("file", path, path)
            else:
                yield InputRef("file", match, match)
        return
    yield _skip(raw, InputError(f"{raw}: no such file or directory"))


def expand_inputs(paths: Sequence[str]) -> Iterator[InputRef | Skipped]:
    """Every source named by ``paths``, in a deterministic order, each file once."""
    seen: set[tuple[str, str]] = set()
    for raw in paths:
        for item in _expand_one(str(raw)):
            if isinstance(item, InputRef):
                key = item.location if item.kind != "file" else os.path.realpath(item.location)
                if (item.kind, key) in seen:
                    continue
                seen.add((item.kind, key))
            yield item
