"""URLs (an article page or an RSS/Atom feed) and feeds: each feed entry's article.

A feed entry's article is fetched from the entry's link; when that fails, the entry's own
content is used if it is article-sized, else the entry is skipped with the reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser

from ..config import Options
from ..errors import EmptyInput, InputError, MalformedInput, UnsupportedInput
from ..records import Document, Skipped
from .common import ArticleFields, assemble, clean_line, iso_date
from .decode import header_charset
from .html import fragment_text, html_fields
from .sniff import sniff_kind
from .text import read_text
from .web import fetch

#: Fewest words of a feed entry's own content that still make an article. Feed summaries
#: run to one or two sentences (20-50 words); full-content feeds carry hundreds.
FEED_FALLBACK_MIN_WORDS = 60
_WORD = re.compile(r"\w+")


def payload_kind(content_type: str | None, body: bytes) -> str:
    """What a fetched body is: the Content-Type decides, sniffing settles XML and gaps."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in ("text/html", "application/xhtml+xml"):
        return "html"
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if media == "text/plain":
        return "text"
    if not media or "xml" in media or media.startswith("text/") or media.endswith("octet-stream"):
        return sniff_kind(body)
    return "other"  # images, PDFs, JSON APIs ...: not an article page


def read_url(url: str, options: Options) -> Iterator[Document | Skipped]:
    """Documents from one http(s) URL: the page itself, or every entry of a feed."""
    fetched = fetch(url, options)
    kind = payload_kind(fetched.content_type, fetched.body)
    declared = [header_charset(fetched.content_type)]
    if kind == "html":
        fields = html_fields(fetched.body, url, url=fetched.url, declared=declared)
        yield assemble(fields, source=url, fmt="url")
    elif kind == "feed":
        yield from read_feed(fetched.body, url, options, base_url=fetched.url)
    elif kind == "text":
        yield from read_text(fetched.body, url, fmt="url", url=fetched.url)
    else:
        raise UnsupportedInput(
            f"{url}: content type {fetched.content_type or 'unknown'} is neither an article page "
            "nor an RSS/Atom feed",
            source=url,
        )


def _entry_fields(entry: Any, language: str | None) -> ArticleFields:
    """What the feed itself says about one entry (its content may be only a summary)."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    raw = max(contents, key=len) if contents else entry.get("summary", "")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = iso_date(parsed)
    return ArticleFields(
        body=fragment_text(raw or ""),
        title=entry.get("title"),
        url=clean_line(entry.get("link")),
        published=published,
        published_basis="metadata" if published else None,
        published_confidence=1.0 if published else None,
        language=language,
        author=entry.get("author"),
    )


def _merge(page: ArticleFields, feed: ArticleFields) -> ArticleFields:
    """The fetched page's fields, with gaps filled from the feed entry.

    A feed's date is publisher metadata, so it also beats a date the page only had in text.
    """
    if feed.published and page.published_basis != "metadata":
        page = replace(
            page,
            published=feed.published,
            published_basis=feed.published_basis,
            published_confidence=feed.published_confidence,
        )
    return replace(
        page,
        title=page.title or feed.title,
        author=page.author or feed.author,
        language=page.language or feed.language,
        url=page.url or feed.url,
    )


def _entry_document(
    entry: Any, number: int, source: str, language: str | None, options: Options
) -> Document | Skipped:
    """1. fetch and extract the linked article; 2. else the entry's own content if it is
    article-sized; 3. else a Skipped naming both failures."""
    where = f"{source}#{number}"
    feed_fields = _entry_fields(entry, language)
    link = feed_fields.url
    problem: InputError = EmptyInput(f"entry {number} of {source} has no link")
    if link:
        try:
            fetched = fetch(link, options)
            if payload_kind(fetched.content_type, fetched.body) != "html":
                raise UnsupportedInput(f"{link} is not an HTML page")
            declared = [header_charset(fetched.content_type)]
            page = html_fields(fetched.body, where, url=fetched.url, declared=declared)
            return assemble(_merge(page, feed_fields), source=where, fmt="feed")
        except InputError as exc:
            problem = exc
    words = len(_WORD.findall(feed_fields.body))
    if words >= FEED_FALLBACK_MIN_WORDS:
        return assemble(feed_fields, source=where, fmt="feed")
    return Skipped(
        where,
        f"{problem.message}; the feed entry itself has only {words} words of text",
        problem.code,
    )


def read_feed(
    data: bytes, source: str, options: Options, *, base_url: str | None = None
) -> Iterator[Document | Skipped]:
    """Documents for each entry of an RSS/Atom feed, in feed order (``source#N``, 1-based)."""
    headers = {"content-location": base_url} if base_url else {}
    # a stream, never a string: feedparser fetches strings that look like URLs itself
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise MalformedInput(
                f"{source}: not a readable RSS/Atom feed ({reason})", source=source
            )
        raise EmptyInput(f"{source}: the feed has no entries", source=source)
    language = parsed.get("feed", {}).get("language")
    for number, entry in enumerate(entries, start=1):
        yield _entry_document(entry, number, source, language, options)
