"""Escaping for every piece of text that reaches a report.

Article text, titles, outlet names, URLs and entity names come from the open web and
may carry hostile markup (``<script>``, ``"><img onerror=...>``, ``javascript:`` URLs)
or bidirectional-override characters that reorder the page around them. Every writer
in this package passes such text through one of the functions here, never by hand.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

#: Characters that open or close a bidirectional embedding, override or isolate.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
#: C0/C1 control characters that XML 1.0 cannot carry and terminals misrender.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_RE = re.compile(r"\s+")
_SAFE_ID_RE = re.compile(r"[^A-Za-z0-9_-]")


def strip_controls(text: str) -> str:
    """Drop control characters (keeps tab, newline and carriage return)."""
    return _CONTROL_RE.sub("", text)


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) to single spaces and trim."""
    return _SPACE_RE.sub(" ", strip_controls(text)).strip()


def esc(text: object) -> str:
    """HTML-escape for element content and double- or single-quoted attributes."""
    return html.escape(strip_controls(str(text)), quote=True)


def bdi(text: object, cls: str | None = None) -> str:
    """Escaped text inside ``<bdi>`` so a right-to-left override cannot leak out of it."""
    attr = f' class="{esc(cls)}"' if cls else ""
    return f"<bdi{attr}>{esc(text)}</bdi>"


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain absolute http(s) URL, else None (render it as text).

    ``javascript:``, ``data:`` and relative URLs are never turned into links: a report is
    opened from disk, where a relative link would point into the reader's file system.
    """
    if not url or url != url.strip() or any(ch.isspace() for ch in url):
        return None
    if _CONTROL_RE.search(url) or any(ch in BIDI_CONTROLS for ch in url):
        return None
    if any(ch in url for ch in "<>\"'`\\"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def safe_id(value: str) -> str:
    """A fragment identifier made only of ``[A-Za-z0-9_-]`` (stable for the same input)."""
    cleaned = _SAFE_ID_RE.sub("_", value)
    return cleaned or "_"


# Markdown -----------------------------------------------------------------------------

#: Characters that start inline Markdown/HTML constructs anywhere in a line (links,
#: images, emphasis, code, raw HTML, entity references, tables, strikethrough).
_MD_INLINE = frozenset("\\`*_[]<>|~&")
#: Characters that start a block construct when they begin a line (headings, lists,
#: block quotes, setext underlines, ordered-list numbers are handled separately).
_MD_LINE_START = frozenset("#+-=>!")
_MD_ORDERED_RE = re.compile(r"^(\d+)([.)])")
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _md_active(text: str, i: int) -> bool:
    """Whether the punctuation at ``text[i]`` could start Markdown syntax there.

    Escaping less keeps plain-text e-mail readable: an underscore inside a word
    (``file_name``) never makes emphasis, and ``&`` only matters before an entity name.
    """
    ch = text[i]
    if ch == "_":
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not (before.isalnum() and after.isalnum())
    if ch == "&":
        return _ENTITY_RE.match(text, i) is not None
    return True


def md(text: object) -> str:
    """Markdown-safe inline text: one line, punctuation that could build links or raw
    HTML backslash-escaped, and bidi controls fenced in an isolate (FSI ... PDI)."""
    flat = one_line(str(text))
    out = "".join(
        "\\" + ch if ch in _MD_INLINE and _md_active(flat, i) else ch for i, ch in enumerate(flat)
    )
    if out and out[0] in _MD_LINE_START:
        out = "\\" + out
    out = _MD_ORDERED_RE.sub(r"\1\\\2", out)
    if any(ch in BIDI_CONTROLS for ch in out):
        # An isolate closes every embedding or override opened inside it (UAX #9).
        out = "\u2068" + out + "\u2069"
    return out


def md_link(label: str, url: str | None) -> str:
    """``[label](<url>)`` for http(s) URLs; the escaped label alone otherwise."""
    target = safe_url(url)
    if target is None:
        return md(label)
    # Angle brackets allow any URL characters; safe_url already refused < > and spaces.
    # A literal | would end a table cell, so it is percent-encoded (same URL).
    return f"[{md(label)}](<{target.replace('|', '%7C')}>)"
