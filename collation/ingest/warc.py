"""Web archives (.warc, .warc.gz): each successful HTML response is one article.

Request, metadata and non-HTML records (images, scripts, robots.txt) and non-2xx responses
(redirects, errors) are passed over silently: they are not articles. A record's source is
``path#N`` with N its 1-based position among all records of the file.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import replace

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import EmptyInput, InputError, MalformedInput, TooLarge
from ..records import Document, Skipped
from .common import ByteStream, assemble
from .decode import header_charset
from .html import html_fields

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _html_payload(record: object) -> tuple[str | None, str | None] | None:
    """``(content type, target URI)`` of an HTML page record, or None for anything else."""
    rec_type = getattr(record, "rec_type", None)
    rec_headers = getattr(record, "rec_headers", None)
    http_headers = getattr(record, "http_headers", None)
    if rec_headers is None:
        return None
    uri = rec_headers.get_header("WARC-Target-URI")
    if rec_type == "response" and http_headers is not None:
        status = http_headers.get_statuscode() or ""
        content_type = http_headers.get_header("Content-Type")
        if not status.startswith("2"):
            return None
    elif rec_type == "resource":
        content_type = rec_headers.get_header("Content-Type")
    else:
        return None
    if not content_type or not content_type.lower().startswith(_HTML_TYPES):
        return None
    return content_type, uri


def _check_signature(stream: ByteStream, source: str) -> None:
    """Refuse anything that does not start like a WARC (warcio would guess at garbage)."""
    start = stream.read(2)
    stream.seek(0)
    if start == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=stream) as unpacked:  # type: ignore[arg-type]
            try:
                head = unpacked.read(5)
            except (OSError, EOFError, zlib.error):
                head = b""
        stream.seek(0)
    else:
        head = stream.read(5)
        stream.seek(0)
    if head != b"WARC/":
        raise MalformedInput(
            f"{source}: not a WARC file (it does not start with a WARC/1.x header)", source=source
        )


def read_warc(stream: ByteStream, source: str, max_bytes: int) -> Iterator[Document | Skipped]:
    """Documents from a seekable WARC stream (gzip or not); ``max_bytes`` caps each record."""
    _check_signature(stream, source)
    found = 0
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            payload = _html_payload(record)
            if payload is None:
                continue
            found += 1
            content_type, uri = payload
            where = f"{source}#{number}"
            length = record.rec_headers.get_header("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                err = TooLarge(f"record {number} of {source} is over max_bytes ({max_bytes})")
                yield Skipped(where, err.message, err.code)
                continue
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                err = TooLarge(f"record {number} of {source} is over max_bytes ({max_bytes})")
                yield Skipped(where, err.message, err.code)
                continue
            try:
                fields = html_fields(data, where, url=uri, declared=[header_charset(content_type)])
                # the archived address is what a reader can look up again, so it wins over
                # the page's own canonical link
                yield assemble(replace(fields, url=uri or fields.url), source=where, fmt="warc")
            except InputError as exc:
                yield Skipped(where, exc.message, exc.code)
    except ArchiveLoadFailed as exc:
        raise MalformedInput(
            f"{source}: not a readable WARC file (after record {number}): {exc}", source=source
        ) from exc
    if not found:
        raise EmptyInput(f"{source}: the archive holds no HTML responses", source=source)
