"""Guess what a byte string holds when no file extension says so (stdin, URLs, bare names)."""

from __future__ import annotations

import json
import re

from .decode import BOMS

_FEED = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML = re.compile(r"<!doctype\s+html|<(?:html|head|body|article|main|div|p|h1|title)[\s>]")

#: Kinds a sniffed payload can have; "xml" (non-feed XML) is not readable.
KINDS = ("warc", "json", "jsonl", "feed", "html", "xml", "text")


def _head(data: bytes) -> str:
    """The first few KB as lower-case text, without BOM or leading whitespace."""
    head = data[:4096]
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore").lstrip("\ufeff").lstrip().lower()
    return head.decode("latin-1").lstrip().lower()


def _is_json_lines(data: bytes) -> bool:
    """True when the first two non-empty lines are each a JSON value on their own."""
    lines = [line for line in data.split(b"\n", 3)[:3] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except ValueError:  # json.JSONDecodeError and UnicodeDecodeError
        return False
    return lines[1].lstrip().startswith(b"{")


def sniff_kind(data: bytes) -> str:
    """One of ``KINDS`` for a (decompressed) payload."""
    head = _head(data)
    if head.startswith("warc/"):
        return "warc"
    if head.startswith(("{", "[")):
        return "jsonl" if _is_json_lines(data) else "json"
    if head.startswith("<"):
        before_html = head.split("<html", 1)[0]
        if _FEED.search(before_html):
            return "feed"
        if _HTML.search(head):
            return "html"
        return "xml" if head.startswith("<?xml") else "html"
    return "text"
