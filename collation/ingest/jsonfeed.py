"""News-crawler JSON: one object, a list of objects, or JSON Lines (one object per line).

The expected shape is news-please's: ``title``, ``maintext`` (or ``text``), ``url``,
``date_publish``, ``source_domain``, ``language``, ``authors``. Only the body is required.
One bad record is skipped (with its number) and the others are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ..errors import BinaryInput, EmptyInput, InputError, MalformedInput, MissingField, TooLarge
from ..records import Document, Skipped
from .common import (
    ArticleFields,
    ByteStream,
    assemble,
    clean_line,
    is_missing,
    iso_date,
    join_authors,
)
from .decode import decode_bytes, describe_binary

#: Body fields, most specific first (news-please >= 1.5 writes ``maintext``).
BODY_FIELDS = ("maintext", "text", "body", "content")
_TITLE_FIELDS = ("title", "title_page", "title_rss", "headline")
_DATE_FIELDS = ("date_publish", "published", "date")
_SHAPE = "expected news-please fields: title, maintext or text, url, date_publish"


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((record[n] for n in names if not is_missing(record.get(n))), None)


def record_fields(record: Any, where: str) -> ArticleFields:
    """``ArticleFields`` of one crawler record; ``where`` names it in error messages."""
    if not isinstance(record, dict):
        raise MalformedInput(
            f"{where} is a JSON {type(record).__name__}, expected an object ({_SHAPE})"
        )
    present = [name for name in BODY_FIELDS if name in record]
    if not present:
        raise MissingField(
            f"{where} has no 'maintext' or 'text' field ({_SHAPE}); "
            f"fields found: {', '.join(sorted(record)) or 'none'}"
        )
    body = _first(record, BODY_FIELDS)
    if not isinstance(body, str) or not body.strip():
        raise EmptyInput(f"{where}: the '{present[0]}' field is empty")
    published = iso_date(_first(record, _DATE_FIELDS))
    url = clean_line(record.get("url"))
    return ArticleFields(
        body=body,
        title=_first(record, _TITLE_FIELDS),
        url=url,
        sitename=_first(record, ("outlet", "site_name", "sitename", "source_domain")),
        published=published,
        published_basis="metadata" if published else None,
        published_confidence=1.0 if published else None,
        language=record.get("language"),
        author=join_authors(record.get("authors") or record.get("author")),
    )


def _record(record: Any, source: str, where: str, encoding: str) -> Document | Skipped:
    try:
        fields = record_fields(record, where)
        return assemble(replace(fields, encoding=encoding), source=source, fmt="json")
    except InputError as exc:
        return Skipped(source, exc.message, exc.code)


def read_json(data: bytes, source: str) -> Iterator[Document | Skipped]:
    """Documents from a ``.json`` file holding one record or a list of records."""
    text, encoding = decode_bytes(data, source)
    if not text.strip():
        raise MalformedInput(f"{source} is empty", source=source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            source=source,
        ) from exc
    if isinstance(value, list):
        if not value:
            raise MalformedInput(f"{source} holds an empty list", source=source)
        for n, record in enumerate(value, start=1):
            yield _record(record, f"{source}#{n}", f"record {n} of {source}", encoding)
    else:
        yield _record(value, source, source, encoding)


def _lines(stream: ByteStream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)``; bytes is None for a line longer than ``limit``."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = stream.readline(1 << 20)
            yield number, None
            continue
        yield number, line


def read_jsonl(stream: ByteStream, source: str, max_bytes: int) -> Iterator[Document | Skipped]:
    """Documents from a seekable JSON Lines stream; ``max_bytes`` caps each line, not the file.

    A record's source is ``path#LINE`` (its 1-based line number, so it can be found).
    """
    what = describe_binary(stream.read(8192))
    stream.seek(0)
    if what is not None:  # a binary file named .jsonl: one message, not one per "line"
        raise BinaryInput(f"{source} is {what}, not JSON Lines", source=source)
    seen_any = False
    for number, line in _lines(stream, max_bytes):
        where = f"{source}#{number}"
        if line is None:
            seen_any = True
            too_large = TooLarge(f"line {number} of {source} is over max_bytes ({max_bytes})")
            yield Skipped(where, too_large.message, too_large.code)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            text, encoding = decode_bytes(line, where)
            record = json.loads(text)
        except InputError as exc:
            yield Skipped(where, exc.message, exc.code)
            continue
        except json.JSONDecodeError as exc:
            err = MalformedInput(f"line {number} of {source} is not valid JSON: {exc.msg}")
            yield Skipped(where, err.message, err.code)
            continue
        yield _record(record, where, f"line {number} of {source}", encoding)
    if not seen_any:
        raise MalformedInput(f"{source} has no JSON lines", source=source)
