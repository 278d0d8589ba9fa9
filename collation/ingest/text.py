"""Plain-text and Markdown articles: the file's text, kept as written, plus a guessed title.

The text is only decoded, NFC-normalised and given ``\\n`` line endings; blank lines,
indentation and Markdown markup stay, so offsets can be checked against the file itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from ..errors import EmptyInput
from ..ids import document_id
from ..records import Document
from .common import clean_line, iso_date, iso_language, join_authors, outlet_for
from .decode import check_not_binary, decode_bytes, normalize_text

#: Longest line (characters / words) still taken for a headline. News headlines run to
#: about 15 words; the margin covers "Headline: subtitle | Section" forms.
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30

_ATX = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_WORD = re.compile(r"\w+")
_LIST_OR_QUOTE = re.compile(r"^\s*(?:[-*+>|]\s|\d+[.)]\s|```|~~~)")
_BYLINE = re.compile(r"^\s*(?:by|von|par|por|di)\s+\S", re.IGNORECASE)
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
#: Endings that mark a line as prose rather than a headline.
_PROSE_END = re.compile(r"[.,;:]\s*$")
#: A final period that belongs to an abbreviation ("U.S.", "Inc.") still allows a headline.
_ABBREV_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|No)\.)\s*$")
#: A sentence boundary inside the line ("... said. The ...") marks running text.
_INNER_SENTENCE = re.compile(r"[a-z]{2,}[.!?][\"'”’)]?\s+[A-Z]")
_MONTHS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


def looks_like_headline(line: str) -> bool:
    """Whether one line reads like a headline rather than the start of the body.

    Headlines are short, carry no sentence-final period (unless it ends an abbreviation),
    hold one sentence at most and are not list items, bylines, bare dates or URLs.
    """
    line = line.strip()
    words = _WORD.findall(line)
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    if _PROSE_END.search(line) and not _ABBREV_END.search(line):
        return False
    if _LIST_OR_QUOTE.match(line) or _URL.match(line) or _INNER_SENTENCE.search(line):
        return False
    if _BYLINE.match(line) and len(words) <= 6:
        return False
    # a dateline such as "June 9, 2023" or "09/06/2023 14:00": nothing but dates and numbers
    rest = _MONTHS.sub(" ", line)
    return any(w.isalpha() for w in _WORD.findall(rest))


def guess_title(text: str) -> str | None:
    """The headline of a plain-text/Markdown article, or None.

    1. A Markdown ATX heading on the first non-empty line (``# Title``): its text;
    2. a Setext heading (line underlined with ``===`` or ``---``);
    3. a first line that ``looks_like_headline``, is followed by more text and is not
       continued on the next line (a wrapped sentence goes on in lower case);
    4. None (the first line is body text, or the file is a single paragraph).
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = lines[first]
    atx = _ATX.match(line)
    if atx:
        return clean_line(atx.group(1))
    following = lines[first + 1] if first + 1 < len(lines) else ""
    if _SETEXT.match(following) and not _LIST_OR_QUOTE.match(line):
        return clean_line(line)
    if not "\n".join(lines[first + 1 :]).strip():
        return None
    if following.strip()[:1].islower():  # a hard-wrapped sentence continues on the next line
        return None
    return clean_line(line) if looks_like_headline(line) else None


def _front_matter(text: str) -> tuple[dict[str, object], int]:
    """YAML front matter of a Markdown file (``---`` block at the very top) and its end."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, 0
    if not isinstance(data, dict):
        return {}, 0
    return {str(k).lower(): v for k, v in data.items()}, match.end()


def read_text(
    data: bytes, source: str, *, fmt: str = "text", url: str | None = None
) -> Iterator[Document]:
    """One Document from a .txt/.md file, plain text on stdin, or a text/plain URL."""
    check_not_binary(data, source)
    raw, encoding = decode_bytes(data, source)
    text = normalize_text(raw)
    if not text.strip():
        raise EmptyInput(f"{source} is empty or holds only whitespace", source=source)
    meta, body_start = _front_matter(text)
    title = clean_line(meta.get("title")) or guess_title(text[body_start:])
    url = clean_line(meta.get("url") or meta.get("source") or meta.get("link")) or url
    date = meta.get("date") or meta.get("published")
    published = iso_date(date)
    site = meta.get("outlet") or meta.get("site") or meta.get("site_name")
    yield Document(
        id=document_id(text),
        source=source,
        title=title,
        outlet=outlet_for(clean_line(site), url),
        url=url,
        published=published,
        published_basis="metadata" if published else None,
        published_confidence=1.0 if published else None,
        language=iso_language(meta.get("lang") or meta.get("language")),
        text=text,
        format=fmt,
        encoding=encoding,
        author=join_authors(meta.get("author") or meta.get("authors")),
    )
