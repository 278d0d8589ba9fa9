"""Bytes to text: binary sniffing, encoding detection and text normalisation.

Every reader goes through ``decode_bytes`` and ``normalize_text`` so that all documents
share one definition of "the text" that offsets point into.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable

import charset_normalizer

from ..errors import BinaryInput, UndecodableInput

#: Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: File signatures of formats people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; convert it to text or HTML first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB); unpack or convert it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file; save it as text first"),
    (b"\x1f\x8b", "gzip-compressed data; give it a .gz extension or unpack it"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
)

#: How much of the start of a file is inspected for NUL bytes.
_SNIFF_BYTES = 8192

#: Encodings preferred when charset-normalizer finds several equally good readings of
#: short Western-European text (it otherwise picks cp1250 for French latin-1 text and turns
#: "è" into "č"). Ordered by how common they are on the web.
_PREFERRED = ("utf_8", "cp1252", "latin_1", "cp1251", "cp1256", "iso8859_15", "cp1250")

#: Share of unreadable characters above which a decoding is rejected.
_MAX_GARBAGE = 0.05

_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x85]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def normalize_text(text: str) -> str:
    """NFC-normalise ``text`` and turn every line ending into ``\\n``.

    Idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``.
    """
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))


def describe_binary(data: bytes) -> str | None:
    """Say what binary format ``data`` looks like, or None when it may be text."""
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "an MP4/QuickTime media file"
    if b"\x00" in data[:_SNIFF_BYTES]:
        return "binary data (it contains NUL bytes)"
    return None


def check_not_binary(data: bytes, source: str) -> None:
    """Raise ``BinaryInput`` when ``data`` is not text."""
    what = describe_binary(data)
    if what is not None:
        raise BinaryInput(f"{source} is {what}, not text", source=source)


def codec_name(name: str | None) -> str | None:
    """Python's canonical name for an encoding label, or None if unknown.

    ``iso-8859-1``/``ascii`` labels map to cp1252 as in the WHATWG encoding standard: pages
    that declare latin-1 are nearly always really windows-1252 (curly quotes in 0x80-0x9f).
    """
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    if canonical in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return canonical


def declared_html_charset(data: bytes) -> str | None:
    """Encoding named by an XML declaration or ``<meta charset>`` near the top of a page."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return codec_name(match.group(1).decode("ascii")) if match else None


def header_charset(content_type: str | None) -> str | None:
    """Encoding named in an HTTP ``Content-Type`` header value."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return codec_name(match.group(1)) if match else None


def _garbage_share(text: str) -> float:
    """Share of characters that no real text contains (controls, U+FFFD, unassigned)."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        if ch in "\t\n\r\f\v":
            continue
        if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            bad += 1
    return bad / len(text)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _garbage_share(text) <= _MAX_GARBAGE else None


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading, with ties broken towards common encodings."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None

    def score(match: charset_normalizer.CharsetMatch) -> tuple[float, float]:
        return (round(match.chaos, 3), -round(match.coherence, 3))

    best = min(score(m) for m in matches)
    tied = [m for m in matches if score(m) == best]

    def rank(match: charset_normalizer.CharsetMatch) -> int:
        name = match.encoding
        return _PREFERRED.index(name) if name in _PREFERRED else len(_PREFERRED)

    chosen = min(tied, key=rank)  # min() is stable: charset-normalizer's order breaks ties
    text = str(chosen)
    if _garbage_share(text) > _MAX_GARBAGE:
        return None
    return text, codec_name(chosen.encoding) or chosen.encoding


def decode_bytes(
    data: bytes, source: str, *, declared: Iterable[str | None] = ()
) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; the text is not yet normalised.

    Fallbacks, in order:
    1. a byte-order mark (UTF-8/16/32);
    2. strict UTF-8: a clean UTF-8 decode of non-ASCII bytes is almost never an accident,
       while pages converted to UTF-8 that kept an old ``<meta charset>`` are common;
    3. each declared encoding (HTTP header, then HTML ``<meta>``), if it decodes cleanly;
    4. charset-normalizer's best guess (cp1251, cp1256, cp1252 ...).
    Raises ``UndecodableInput`` when none gives readable text.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is not None:
                return text.lstrip("\ufeff"), codec_name(encoding.replace("-sig", "")) or encoding
            break
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    for name in declared:
        codec = codec_name(name)
        if codec is None:
            continue
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    raise UndecodableInput(
        f"{source}: cannot tell its text encoding; re-save it as UTF-8", source=source
    )
