"""Read a file or stdin within the size limit and hand the bytes to the right reader."""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator

from ..config import Options
from ..errors import EmptyInput, MalformedInput, TooLarge, UnsupportedInput
from ..records import Document, Skipped
from .common import ByteStream
from .decode import check_not_binary, describe_binary
from .discover import SUPPORTED, reader_for
from .feed import read_feed
from .html import read_html
from .jsonfeed import read_json, read_jsonl
from .sniff import sniff_kind
from .text import read_text
from .warc import read_warc

_GZIP_MAGIC = b"\x1f\x8b"


def _too_large(source: str, size: int | None, limit: int) -> TooLarge:
    shown = f"{size / 1e6:.1f} MB" if size is not None else "larger than that"
    return TooLarge(
        f"{source} is {shown}, over the max_bytes limit ({limit / 1e6:g} MB); "
        "raise max_bytes in the config to read it",
        source=source,
    )


def _read_capped(stream: ByteStream, source: str, limit: int) -> bytes:
    """At most ``limit`` bytes; one more byte present means the input is too large."""
    try:
        data = stream.read(limit + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise MalformedInput(f"{source}: damaged gzip data ({exc})", source=source) from exc
    if len(data) > limit:
        raise _too_large(source, None, limit)
    return data


def _gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress in memory, stopping past ``limit`` (a small file can unpack to gigabytes)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return _read_capped(stream, source, limit)


def read_payload(
    data: bytes, source: str, kind: str, options: Options, *, text_format: str = "text"
) -> Iterator[Document | Skipped]:
    """Documents from bytes already read, given the reader ``kind`` (``sniff`` to guess)."""
    if not data.strip():
        raise EmptyInput(f"{source} is empty or holds only whitespace", source=source)
    if kind == "sniff":
        kind = sniff_kind(data)
    if kind == "warc":
        yield from read_warc(io.BytesIO(data), source, options.max_bytes)
        return
    check_not_binary(data, source)
    if kind == "text":
        yield from read_text(data, source, fmt=text_format)
    elif kind == "html":
        yield from read_html(data, source)
    elif kind == "json":
        yield from read_json(data, source)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source, options.max_bytes)
    elif kind == "feed":
        yield from read_feed(data, source, options)
    else:
        raise UnsupportedInput(f"{source}: XML that is not an RSS/Atom feed", source=source)


def read_file(path: str, source: str, options: Options) -> Iterator[Document | Skipped]:
    """Documents from one file, its size checked before anything is read."""
    kind, gz = reader_for(os.path.basename(path))
    if kind is None:
        with open(path, "rb") as handle:
            what = describe_binary(handle.read(16))
        hint = f" (it is {what})" if what else ""
        ext = os.path.splitext(path.removesuffix(".gz"))[1]
        raise UnsupportedInput(
            f"{source}: unsupported file type '{ext}'{hint}; readable: {SUPPORTED}", source=source
        )
    info = os.stat(path)
    # pipes and devices (/dev/stdin, <(curl ...)) report size 0 and cannot seek: they are
    # read into memory up to max_bytes like stdin
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size == 0:
        raise EmptyInput(f"{source} is empty", source=source)
    if regular and kind == "warc":  # streamed: max_bytes caps each record, not the archive
        with open(path, "rb") as handle:
            yield from read_warc(handle, source, options.max_bytes)
        return
    if regular and kind == "jsonl":  # streamed: max_bytes caps each line
        with gzip.open(path, "rb") if gz else open(path, "rb") as handle:
            yield from read_jsonl(handle, source, options.max_bytes)
        return
    if regular and info.st_size > options.max_bytes:
        raise _too_large(source, info.st_size, options.max_bytes)
    with gzip.open(path, "rb") if gz else open(path, "rb") as handle:
        data = _read_capped(handle, source, options.max_bytes)
    if kind == "sniff" and data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, source, options.max_bytes)
    yield from read_payload(data, source, kind, options)


def read_stdin(stream: ByteStream, options: Options) -> Iterator[Document | Skipped]:
    """Documents from standard input; the format is sniffed from the content."""
    source = "<stdin>"
    data = _read_capped(stream, source, options.max_bytes)
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, source, options.max_bytes)
    yield from read_payload(data, source, "sniff", options, text_format="stdin")
