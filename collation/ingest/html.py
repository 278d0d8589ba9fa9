"""HTML pages: main text and metadata with trafilatura, htmldate as the date fallback.

Paragraph layout: trafilatura emits one line per block (paragraph, heading, list item,
table row, ``<br>`` line); each becomes its own paragraph separated by a blank line
(``"\\n\\n"``), the same layout plain-text articles use, so one segmenter fits every source.
Image captions are left out: trafilatura drops ``<figcaption>`` from the main text, and
``include_images`` would put Markdown image links (URLs) into the text instead.
Reader comments are excluded (``include_comments=False``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from ..errors import MalformedInput
from ..records import Document
from .common import ArticleFields, assemble, iso_date, iso_language
from .decode import check_not_binary, declared_html_charset, decode_bytes

#: trafilatura settings shared by the HTML reader and ``collation.evaluate.extraction``.
#: ``favor_precision`` scored best on the article-extraction benchmark (F1 0.967 against
#: 0.960 for the defaults, docs/bench/extraction.md) and suits us: boilerplate kept in the
#: text becomes false claims later, while a dropped marginal paragraph rarely matters.
#: Tables stay (dropping them lost recall); comments are never article text.
EXTRACTION_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "favor_precision": True,
    "favor_recall": False,
    "no_fallback": False,
}

#: htmldate's fast mode: meta tags, JSON-LD, ``<time>``, the URL and date strings in the
#: page markup (a dateline next to the headline). The publisher put these there to date the
#: page, so they get basis "metadata"; the extensive free-text search does not.
_METADATA_DATE = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"}
#: Confidence of a date htmldate found only by searching the page's free text.
TEXT_DATE_CONFIDENCE = 0.5
_COPYRIGHT = r"(?:©|&copy;|\(c\)|copyright)\D{0,24}"


def paragraphs(text: str) -> str:
    """trafilatura's line-per-block text as blank-line separated paragraphs."""
    lines = (line.strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


_WHITESPACE = re.compile(r"\s+")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block element."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs(fragment)
    for element in root.iter():  # source line breaks inside HTML text are just spaces
        if isinstance(element.tag, str):
            element.text = _WHITESPACE.sub(" ", element.text) if element.text else None
        element.tail = _WHITESPACE.sub(" ", element.tail) if element.tail else None
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return paragraphs(root.text_content())


def page_language(tree: HtmlElement) -> str | None:
    """ISO 639-1 code declared by the page (``<html lang>``, content-language, og:locale)."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        tree.get("xml:lang"),  # the HTML parser keeps XHTML's attribute name as written
        *tree.xpath(
            "//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for value in candidates:
        code = iso_language(value)
        if code:
            return code
    return None


def _text_date(html: str, url: str | None) -> str | None:
    """htmldate's extensive (free-text) search, minus its copyright-year catch-all.

    A bare "© 2021" would come back as 2021-01-01 with day precision, which is worse than no
    date for anchoring "on Friday" later, so a January 1st backed by a copyright notice of
    that year is dropped.
    """
    try:
        found = find_date(
            html, url=url, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # htmldate raises assorted parser errors on broken markup
        return None
    date = iso_date(found)
    if date and date.endswith("-01-01") and re.search(_COPYRIGHT + date[:4], html, re.I):
        return None
    return date


def extract_article(
    html: str, *, url: str | None = None, settings: Mapping[str, Any] | None = None
) -> ArticleFields | None:
    """Main text and metadata of one page; None when trafilatura finds no article text.

    Dates, in order:
    1. trafilatura's metadata (htmldate over markup: meta tags, JSON-LD, ``<time>``, URL),
       basis "metadata", confidence 1.0;
    2. htmldate's extensive search over the page text, basis "text", confidence 0.5;
    3. none.

    ``settings`` overrides ``EXTRACTION_OPTIONS`` (used to compare trafilatura settings).
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    language = page_language(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        date_extraction_params=dict(_METADATA_DATE),
        **{**EXTRACTION_OPTIONS, **(settings or {})},
    )
    if result is None or isinstance(result, dict):
        return None
    body = paragraphs(result.text or "")
    if not body:
        return None
    published, basis, confidence = iso_date(result.date), "metadata", 1.0
    if published is None:
        published, basis, confidence = _text_date(html, url), "text", TEXT_DATE_CONFIDENCE
    return ArticleFields(
        body=body,
        title=result.title,
        url=result.url or url,
        sitename=result.sitename,
        published=published,
        published_basis=basis if published else None,
        published_confidence=confidence if published else None,
        language=language,
        author=result.author,
    )


def html_fields(
    data: bytes, source: str, *, url: str | None = None, declared: Iterable[str | None] = ()
) -> ArticleFields:
    """Decode one page and extract it; raises coded errors when that is impossible."""
    check_not_binary(data, source)
    text, encoding = decode_bytes(data, source, declared=[*declared, declared_html_charset(data)])
    if not text.strip():
        raise MalformedInput(f"{source}: the HTML page is empty", source=source)
    fields = extract_article(text, url=url)
    if fields is None:
        raise MalformedInput(
            f"{source}: no article text found in the HTML (not an article page, or the text "
            "is loaded by JavaScript)",
            source=source,
        )
    return replace(fields, encoding=encoding)


def read_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    declared: Iterable[str | None] = (),
    fmt: str = "html",
) -> Iterator[Document]:
    """One Document from an HTML page; ``url`` is where it came from, when known."""
    yield assemble(html_fields(data, source, url=url, declared=declared), source=source, fmt=fmt)
