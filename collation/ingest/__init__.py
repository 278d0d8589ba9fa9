"""Ingest stage: files, folders, globs, stdin and URLs in; ``Document`` or ``Skipped`` out.

Reads: the inputs the user named. Adds: one ``Document`` per article (id, source, title,
outlet, url, published date, language, the exact text every later offset points into) and
one ``Skipped`` per input or record that could not be read, with a reason and error code.
Segments are left empty; the cleaning stage fills them. See docs/ingest.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..config import Options
from ..errors import InputError
from ..records import Document, Skipped
from .decode import decode_bytes, normalize_text
from .discover import InputRef, expand_inputs
from .dispatch import read_file, read_stdin
from .feed import read_url
from .text import guess_title

__all__ = ["read_inputs", "normalize_text", "decode_bytes", "guess_title"]


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _read_ref(
    ref: InputRef, options: Options, stdin: BinaryIO | None
) -> Iterator[Document | Skipped]:
    if ref.kind == "url":
        return read_url(ref.location, options)
    if ref.kind == "stdin":
        return read_stdin(stdin if stdin is not None else sys.stdin.buffer, options)
    return read_file(ref.location, ref.source, options)


def _guarded(
    ref: InputRef, options: Options, stdin: BinaryIO | None
) -> Iterator[Document | Skipped]:
    """The reader's output; any failure becomes a ``Skipped`` for this input only."""
    try:
        for item in _read_ref(ref, options, stdin):
            if isinstance(item, Skipped):
                item = Skipped(item.source, _one_line(item.reason), item.code)
            yield item
    except InputError as exc:
        yield Skipped(ref.source, _one_line(exc.message), exc.code)
    except OSError as exc:
        reason = f"{ref.source}: cannot read it ({exc.strerror or exc})"
        yield Skipped(ref.source, _one_line(reason), InputError.code)
    except Exception as exc:  # a library bug on one odd input must not end the whole run
        reason = f"{ref.source}: unexpected {type(exc).__name__} while reading it: {exc}"
        yield Skipped(ref.source, _one_line(reason), InputError.code)


def read_inputs(
    paths: Sequence[str], options: Options, *, stdin: BinaryIO | None = None
) -> Iterator[Document | Skipped]:
    """Read every input named by ``paths``, in a deterministic order.

    ``paths`` may hold files, folders (read recursively), glob patterns, ``-`` for standard
    input (``stdin``, default ``sys.stdin.buffer``; its format is sniffed) and http(s) URLs
    of article pages or RSS/Atom feeds. Nothing is raised for a bad input: it is yielded as
    a ``Skipped`` with a reason and an error code, and reading continues.
    """
    for item in expand_inputs(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from _guarded(item, options, stdin)
