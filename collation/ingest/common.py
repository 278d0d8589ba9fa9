"""What every reader shares: the fields it found, and how a Document is assembled from them."""

from __future__ import annotations

import ast
import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from tld import get_fld

from ..errors import EmptyInput
from ..ids import document_id
from ..records import Document
from .decode import normalize_text

#: Strings crawlers write where a value is missing.
_NULLISH = {"", "none", "null", "nan", "n/a", "undefined", "[]"}
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_SPACES = re.compile(r"\s+")


class ByteStream(Protocol):
    """What the streaming readers need from a file, gzip file or stdin."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """What a reader found in one source, before the ``Document`` is assembled (internal)."""

    body: str
    """Article text without the metadata headline (not yet normalised)."""
    title: str | None = None
    """Headline from metadata (HTML ``<title>``/og:title, JSON ``title``, feed entry)."""
    url: str | None = None
    sitename: str | None = None
    """Site name from metadata; a bare domain is accepted too."""
    published: str | None = None
    """``YYYY-MM-DD``."""
    published_basis: str | None = None
    published_confidence: float | None = None
    language: str | None = None
    author: str | None = None
    encoding: str | None = None


def is_missing(value: Any) -> bool:
    """True for None and the placeholder strings crawlers write for missing values."""
    return value is None or (isinstance(value, str) and value.strip().lower() in _NULLISH)


def clean_line(value: Any) -> str | None:
    """A one-line string (NFC, whitespace collapsed), or None when missing."""
    if is_missing(value) or not isinstance(value, str):
        return None
    line = _SPACES.sub(" ", normalize_text(value)).strip()
    return line or None


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime string, a ``date`` or a ``struct_time``."""
    if isinstance(value, time.struct_time):
        value = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:  # 2023-02-30 and friends
        return None


def iso_language(value: Any) -> str | None:
    """ISO 639-1 code from a language tag (``en``, ``en-US``, ``pt_BR``), else None."""
    if is_missing(value) or not isinstance(value, str):
        return None
    code = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def join_authors(value: Any) -> str | None:
    """A byline from a string, a list of names, or a crawler's stringified list."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:  # news-please dumps sometimes hold "['A. Writer']" as a string
            value = ast.literal_eval(value.strip())
        except (ValueError, SyntaxError):
            pass
    if isinstance(value, list | tuple):
        names = [clean_line(v) for v in value if isinstance(v, str)]
        joined = "; ".join(n for n in names if n)
        return joined or None
    return clean_line(value)


def registrable_domain(url_or_host: str | None) -> str | None:
    """``bbc.co.uk`` for ``https://www.bbc.co.uk/news`` (public-suffix aware, offline)."""
    if not url_or_host:
        return None
    value = url_or_host.strip()
    if "://" not in value:
        value = "http://" + value
    try:
        host = (urlsplit(value).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    domain = get_fld("http://" + host, fail_silently=True)
    if isinstance(domain, str) and domain:
        return domain
    # IP addresses, localhost and unknown suffixes: the bare host is the best we have
    return host.removeprefix("www.")


def outlet_for(sitename: str | None, url: str | None) -> str | None:
    """Outlet name.

    1. The site name from metadata, unless it is just a domain;
    2. the registrable domain of that site-name domain;
    3. the registrable domain of the URL (``www.`` stripped);
    4. None.
    """
    name = clean_line(sitename)
    if name and not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name, re.IGNORECASE):
        return name
    if name:
        return registrable_domain(name)
    return registrable_domain(url) if url else None


def _same_heading(title: str, body: str) -> bool:
    """True when the body already opens with the headline (exactly or up to case/spacing)."""
    if body.startswith(title):
        return True
    first = next((line for line in body.split("\n") if line.strip()), "")
    return _SPACES.sub(" ", first).strip().casefold() == title.casefold()


def assemble(fields: ArticleFields, *, source: str, fmt: str) -> Document:
    """Build the Document: normalised text, headline prepended, id from the text.

    ``text = title + "\\n\\n" + body`` when the title came from metadata and the body does
    not already start with it, so the headline is part of the text offsets point into.
    """
    body = normalize_text(fields.body).strip()
    title = clean_line(fields.title)
    if not body:
        raise EmptyInput(f"{source}: no article text found", source=source)
    text = body if title is None or _same_heading(title, body) else f"{title}\n\n{body}"
    published = iso_date(fields.published)
    return Document(
        id=document_id(text),
        source=source,
        title=title,
        outlet=outlet_for(fields.sitename, fields.url),
        url=clean_line(fields.url),
        published=published,
        published_basis=fields.published_basis if published else None,
        published_confidence=fields.published_confidence if published else None,
        language=iso_language(fields.language),
        text=text,
        format=fmt,
        encoding=fields.encoding,
        author=clean_line(fields.author),
    )
