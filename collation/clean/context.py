"""Rules that need a line's neighbours: headline, header zone, bios, blocks, subheads.

Each function reads and relabels the list of pieces in place. They run in the order that
``segment_document`` lists, because later rules rely on earlier labels (a subhead is a
short line *between body paragraphs*, so furniture must already be known).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .captions import is_caption, words
from .dates import DATE_RE, is_date_only, leading_date, wire_dateline
from .pieces import (
    Line,
    Piece,
    core,
    ends_sentence,
    fold,
    is_paragraph,
    n_words,
    split_piece,
)
from .rules import is_section_label

#: How far down the text a title may first appear (lines of navigation before it).
_TITLE_SEARCH_LINES = 40
#: Lines after the headline where a date line or a date glued to a caption is expected.
_HEADER_LINES = 4

_OUTLET_WORDS = frozenset(
    """news times post daily herald tribune journal gazette press telegraph guardian
    independent observer chronicle express mirror star sun mail review today online tv radio
    network agency wire insider report monitor standard courier bulletin dispatch record
    register examiner inquirer globe week weekly magazine media live digital watch info
    newswire""".split()
)
_DOMAIN_RE = re.compile(
    r"\b[\w-]+\.(?:com|org|net|info|news|co\.uk|co|io|eu|ro|de|fr|ua|ru|in)\b", re.IGNORECASE
)
_PIPE_SUFFIX_RE = re.compile(r"\s+[|｜]\s+(?P<label>[^|｜]{1,80})$")
_DASH_SUFFIX_RE = re.compile(r"\s+[-–—]\s+(?P<label>[^-–—]{1,60})$")
_NAME_LINE_RE = re.compile(
    r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|der|al|bin|la|le))"
    r"{1,3}$"
)
_BIO_OPEN_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+\s+(?:is|was|has been|covers|writes|reports|joined)"
    r"\s+(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){0,5}?(?:journalist|reporter|correspondent|editor"
    r"|writer|author|columnist|contributor|producer|freelancer|analyst|photographer|blogger"
    r"|presenter|anchor|intern|curator|critic|host|for|about|on|at)\b"
)
_PRONOUNS = frozenset({"he", "she", "they"})
_NAME_PARTICLES = frozenset("van von de da der al bin la le of the and &".split())
_BOX_REASONS = frozenset(
    {"newsletter", "comment-prompt", "share-prompt", "follow-prompt", "cookie-notice"}
)
_NEWSLETTER_HINT_RE = re.compile(
    r"\b(?:e-?mails?|inbox|subscribers?|stay informed|every (?:morning|day|week)|weekly|daily)\b",
    re.IGNORECASE,
)
_COMMENT_HEADING_RE = re.compile(
    r"^(?:\d+\s+)?(?:(?:top|most|best|latest|recent|readers?'?)(?: rated| liked| voted)? )?"
    r"comments?\b|^leave an? (?:reply|comment)|^join the (?:conversation|discussion)",
    re.IGNORECASE,
)
_COPYRIGHT_OPEN_RE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def _text(text: str, piece: Piece) -> str:
    return text[piece.start : piece.end]


# 1. headline -----------------------------------------------------------------------------

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _match_prefix(line: str, title: str) -> int | None:
    """Characters of ``line`` that spell ``title`` (case, spacing, quote style and Markdown
    heading marks ignored), or None when the line does not start with the title."""
    i = len(line) - len(line.lstrip("#*_> \t"))
    title = " ".join(title.split())
    j = 0
    while j < len(title):
        if i >= len(line):
            return None
        if title[j] == " ":
            if not line[i].isspace():
                return None
            while i < len(line) and line[i].isspace():
                i += 1
            j += 1
            continue
        a, b = line[i].translate(_QUOTE_FOLD), title[j].translate(_QUOTE_FOLD)
        if a.casefold() != b.casefold():
            return None
        i += 1
        j += 1
    while i < len(line) and line[i] in "*_":
        i += 1
    return i


def _looks_like_headline(text: str) -> bool:
    count = n_words(text)
    stripped = core(text)
    return (
        2 <= count <= 30
        and len(stripped) <= 250
        and not stripped.endswith((".", ",", ";", ":"))
        and (stripped[:1].isupper() or stripped[:1].isdigit() or stripped[:1] in "\"“‘'«")
        and not is_date_only(stripped)
    )


def find_headline(
    text: str, lines: Sequence[Line], title: str | None, is_furniture: Callable[[str], bool]
) -> tuple[int, int] | None:
    """``(line index, headline end offset)`` of the headline, or None.

    1. With a title: the first line (among the first few, after short navigation lines)
       that starts with the title, or that the title starts with when the title only adds
       a " | Site" suffix.
    2. Without a title: the first line, when it looks like a headline (2-30 words, no final
       full stop, not a date, not furniture).
    """
    if not lines:
        return None
    if title and title.strip():
        for line in lines[:_TITLE_SEARCH_LINES]:
            line_text = text[line.start : line.end]
            matched = _match_prefix(line_text, title)
            if matched is not None:
                rest = line_text[matched:]
                if re.match(r"\s*[|｜:–—\-,]", rest):
                    # the title is a shortened form of the line ("Title | Site", "Title: more");
                    # the headline is the whole line, the suffix rule decides about the rest
                    return line.index, line.end
                if not rest or not rest[0].isalnum():
                    return line.index, line.start + matched
            inner = core(line_text)
            back = _match_prefix(" ".join(title.split()), inner) if len(inner) >= 8 else None
            if back is not None and re.match(r"\s*[|｜\-–—:]", title.strip()[back:]):
                return line.index, line.end
            if n_words(line_text) > 15:
                break
        return None
    first = text[lines[0].start : lines[0].end]
    if len(lines) > 1 and _looks_like_headline(first) and not is_furniture(first):
        return 0, lines[0].end
    return None


def _site_label(label: str, outlet: str | None) -> str | None:
    """Reason for splitting a headline suffix, or None to keep it in the headline."""
    label_fold = fold(label)
    if outlet and (fold(outlet) in label_fold or label_fold in fold(outlet)):
        return "site-label"
    if _DOMAIN_RE.search(label):
        return "site-label"
    tokens = words(label)
    if tokens and len(tokens) <= 5 and all(t[:1].isupper() or t[:1].isdigit() for t in tokens):
        if tokens[-1].lower() in _OUTLET_WORDS:
            return "site-label"
    return None


def label_headline(
    text: str, pieces: list[Piece], index: int, end: int, outlet: str | None, by_title: bool
) -> list[Piece]:
    """Label the headline piece; split a trailing " | Section" or " - Outlet" label.

    A pipe suffix of at most six words without sentence punctuation is page furniture (a
    site or section name), because headlines themselves do not use pipes. A dash suffix is
    split only when it names the outlet (the document's outlet, a domain, or a name ending
    in News/Times/Post ...), since dashes are common inside real headlines.
    """
    piece = pieces[index]
    parts = split_piece(text, piece, [end])
    head = parts[0]
    head.label("headline", "title" if by_title else "first-line")
    head_text = _text(text, head)
    cut: int | None = None
    reason = ""
    pipe = _PIPE_SUFFIX_RE.search(head_text)
    dash = _DASH_SUFFIX_RE.search(head_text)
    if (
        pipe
        and n_words(pipe.group("label")) <= 6
        and not ends_sentence(pipe.group("label"))
        and not re.search(r"\d", pipe.group("label"))
    ):
        if n_words(head_text[: pipe.start()]) >= 3:
            cut = head.start + pipe.start()
            reason = _site_label(pipe.group("label"), outlet) or "section-label"
    elif dash and n_words(head_text[: dash.start()]) >= 3:
        site = _site_label(dash.group("label"), outlet)
        if site:
            cut, reason = head.start + dash.start(), site
    out = split_piece(text, head, [cut]) if cut is not None else [head]
    if len(out) == 2:
        out[1].label("boilerplate", reason)
    out.extend(parts[1:])
    return pieces[:index] + out + pieces[index + 1 :]


def _short_label(text: str) -> bool:
    """At most six words, no sentence punctuation at the end, no caption cue."""
    stripped = core(text)
    return n_words(stripped) <= 6 and not ends_sentence(stripped) and not is_caption(stripped)


def label_header_zone(text: str, pieces: list[Piece], first: int) -> list[Piece]:
    """Repeated title, date lines and dates glued to the next line, just under the headline."""
    headline = fold(" ".join(_text(text, p) for p in pieces if p.kind == "headline"))
    # the whole headline line, suffix included ("Title | Site" printed twice)
    headline_line = (
        fold(" ".join(_text(text, p) for p in pieces[:first] if p.line == pieces[first - 1].line))
        if first > 0
        else ""
    )
    out = pieces[:first]
    seen_lines = 0
    for k in range(first, len(pieces)):
        piece = pieces[k]
        if seen_lines >= _HEADER_LINES or not piece.free:
            out.append(piece)
            continue
        seen_lines += 1
        piece_text = _text(text, piece)
        if k == first and first > 0 and fold(piece_text) in {headline, headline_line}:
            piece.label("boilerplate", "repeated-title")
            out.append(piece)
            continue
        stripped = core(piece_text)
        if is_date_only(stripped):
            piece.label("dateline", "date")
            out.append(piece)
            continue
        length = leading_date(piece_text)
        rest = piece_text[length:] if length else ""
        if length and (is_caption(core(rest)) or not _short_label(rest)):
            # a date glued to a caption or a sentence: split them
            parts = split_piece(text, piece, [piece.start + length])
            parts[0].label("dateline", "date")
            out.extend(parts)
            continue
        if DATE_RE.search(stripped) and _short_label(DATE_RE.sub(" ", stripped)):
            # "14 March 2024 · Field notes", "Ana Pop, 12.03.2024 - Updated": a date with a
            # byline or column name, and no sentence or caption beside it
            piece.label("dateline", "date")
            out.append(piece)
            continue
        out.append(piece)
    return out


# 2. captions repeated or credited on the next line -----------------------------------------


def label_repeated_captions(text: str, pieces: list[Piece]) -> None:
    """A line repeated by the next caption (with its credit added) is a caption too.

    Scraped pages often print a caption twice: once as alt text, once with the credit
    ("Smoke over the pier." / "Smoke over the pier. © AP"). A standalone copyright line
    right after a caption is that caption's credit.
    """
    for k in range(len(pieces) - 1):
        a, b = pieces[k], pieces[k + 1]
        fa, fb = fold(_text(text, a)), fold(_text(text, b))
        if b.kind == "caption" and a.kind in (None, "body") and fb.startswith(fa) and fa:
            a.label("caption", "repeated-caption")
        elif a.kind == "caption" and b.kind in (None, "body") and fa == fb:
            b.label("caption", "repeated-caption")
    for k in range(1, len(pieces)):
        piece = pieces[k]
        if piece.reason == "copyright" and pieces[k - 1].kind == "caption":
            piece_text = core(_text(text, piece))
            if _COPYRIGHT_OPEN_RE.match(piece_text) and n_words(piece_text) <= 8:
                piece.label("caption", "photo-credit")
    for k in range(len(pieces) - 1):
        a, b = pieces[k], pieces[k + 1]
        b_text = core(_text(text, b))
        # a credit alone on its line ("© AP", "Photo: Port Authority") captions the line above
        if (
            a.free
            and b.kind == "caption"
            and n_words(b_text) <= 6
            and is_caption(b_text)
            and n_words(_text(text, a)) <= 30
            and is_caption(_text(text, a) + " " + b_text)
            and not is_paragraph(_text(text, a))
        ):
            a.label("caption", "caption")


# 3. author bio -------------------------------------------------------------------------------


def _is_name_line(text: str) -> bool:
    stripped = core(text)
    return (
        bool(_NAME_LINE_RE.match(stripped))
        and len(stripped) <= 40
        and not is_section_label(stripped)
    )


def _after_is_furniture(text: str, pieces: Sequence[Piece], k: int) -> bool:
    """True when every piece after ``k`` is labelled furniture or a short label line."""
    for piece in pieces[k + 1 :]:
        if piece.kind in ("boilerplate", "caption", "dateline"):
            continue
        piece_text = _text(text, piece)
        if piece.free and n_words(piece_text) <= 8 and not ends_sentence(piece_text):
            continue
        return False
    return True


def label_author_bio(text: str, pieces: list[Piece]) -> None:
    """The last paragraph describing the author ("Ana is a reporter who ...") and its name line.

    1. A bare name line followed by a paragraph that opens with that name (first or last
       name) or with a pronoun.
    2. A closing paragraph that opens "<Name> is a journalist/reporter/editor ...".
    3. An "About the author" heading and the paragraph under it.
    """
    for k in range(len(pieces) - 1, -1, -1):
        piece = pieces[k]
        if not piece.free:
            continue
        piece_text = core(_text(text, piece))
        if not is_paragraph(piece_text):
            continue
        if not _after_is_furniture(text, pieces, k):
            return
        first_word = (words(piece_text) or [""])[0]
        previous = pieces[k - 1] if k > 0 else None
        prev_text = core(_text(text, previous)) if previous is not None else ""
        if (
            previous is not None
            and previous.kind in (None, "boilerplate")
            and _is_name_line(prev_text)
        ):
            names = set(prev_text.split())
            if first_word in names or first_word.lower() in _PRONOUNS:
                previous.label("boilerplate", "author-bio")
                piece.label("boilerplate", "author-bio")
                return
        if previous is not None and re.match(r"^about the author\s*:?$", core(prev_text), re.I):
            previous.label("boilerplate", "author-bio")
            piece.label("boilerplate", "author-bio")
            return
        if _BIO_OPEN_RE.match(piece_text) and n_words(piece_text) <= 120:
            piece.label("boilerplate", "author-bio")
        return


# 4. blocks of furniture ----------------------------------------------------------------------


def _teaser_like(text: str) -> bool:
    count = n_words(text)
    stripped = core(text)
    link_only = bool(re.fullmatch(r"\[[^\]]+\]\([^)]*\)", stripped))
    # teaser headlines may end in "?" or "!", never in a full stop
    return link_only or (0 < count <= 20 and not stripped.rstrip("\"”’'»").endswith((".", "…")))


def label_related_blocks(text: str, pieces: list[Piece]) -> None:
    """Teaser headlines listed under a "Related articles" / "Most read" heading.

    The run of short, unpunctuated lines after the heading is taken. When an article
    paragraph follows the run (the block sat inside the article), its last line is left
    alone if short, because it is more likely a subhead introducing that paragraph.
    """
    for k, piece in enumerate(pieces):
        if piece.reason != "related-articles":
            continue
        run: list[Piece] = []
        j = k + 1
        while j < len(pieces):
            nxt = pieces[j]
            if nxt.free and _teaser_like(_text(text, nxt)):
                run.append(nxt)
            elif nxt.kind in ("dateline", "caption") or nxt.reason in ("read-more", "separator"):
                pass
            else:
                break
            j += 1
        followed = j < len(pieces) and pieces[j].free and is_paragraph(_text(text, pieces[j]))
        if followed and run and n_words(_text(text, run[-1])) <= 8:
            run.pop()
        for item in run:
            item.label("boilerplate", "related-articles")


def label_furniture_boxes(text: str, pieces: list[Piece]) -> None:
    """Short lines inside a newsletter, comment or share box.

    1. A short line with a newsletter hint ("email", "inbox") next to a newsletter line.
    2. A short heading line right above a newsletter or comment line.
    3. A short line sandwiched between two lines of the same box furniture.

    (Blocks of short lines are handled by ``label_box_blocks``.)
    """
    for _ in range(3):
        changed = False
        for k, piece in enumerate(pieces):
            if not piece.free:
                continue
            piece_text = _text(text, piece)
            if n_words(piece_text) > 20 or re.search(r"\b(?:said|says|told)\b", piece_text):
                continue
            before = pieces[k - 1] if k > 0 else None
            after = pieces[k + 1] if k + 1 < len(pieces) else None
            reasons = {
                p.reason for p in (before, after) if p is not None and p.kind == "boilerplate"
            }
            if "newsletter" in reasons and _NEWSLETTER_HINT_RE.search(piece_text):
                piece.label("boilerplate", "newsletter")
                changed = True
            elif (
                after is not None
                and after.reason in ("newsletter", "comment-prompt")
                and n_words(piece_text) <= 8
                and not ends_sentence(piece_text)
            ):
                # the heading of a sign-up or comment box ("Get the morning briefing")
                piece.label("boilerplate", after.reason)
                changed = True
            elif (
                before is not None
                and after is not None
                and before.reason == after.reason
                and before.reason in _BOX_REASONS
            ):
                piece.label("boilerplate", before.reason)
                changed = True
        if not changed:
            break


def label_box_blocks(text: str, pieces: list[Piece], lines: Sequence[Line]) -> None:
    """A blank-line block of at most eight short lines, at least half of them one kind of box
    furniture, is that box (the tagline lines of a newsletter sign-up box, say)."""
    by_block: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_block.setdefault(lines[piece.line].block, []).append(piece)
    for members in by_block.values():
        if len(members) > 8 or any(n_words(_text(text, p)) > 20 for p in members):
            continue
        boxed = [p for p in members if p.reason in _BOX_REASONS]
        reasons = sorted({p.reason for p in boxed})
        # most of the block must already be box furniture: a short article whose paragraphs
        # all sit in one block (HTML-derived text) must not be swallowed by one sign-up line
        if len(reasons) != 1 or 2 * len(boxed) < len(members):
            continue
        for piece in members:
            if piece.free:
                piece.label("boilerplate", reasons[0])


def label_comment_tail(text: str, pieces: list[Piece]) -> None:
    """Everything after a comments heading in the second half of the page is comments."""
    if not pieces:
        return
    for k, piece in enumerate(pieces):
        if piece.reason != "comment-prompt" or k < len(pieces) // 2:
            continue
        if not _COMMENT_HEADING_RE.match(core(_text(text, piece))):
            continue
        for later in pieces[k + 1 :]:
            if later.free:
                later.label("boilerplate", "comments")
        return


# 5. section labels, wire datelines, tails, subheads --------------------------------------------


def _neighbour_paragraph(text: str, pieces: Sequence[Piece], k: int, step: int) -> bool:
    j = k + step
    while 0 <= j < len(pieces):
        other = pieces[j]
        if other.kind in ("caption", "dateline") or other.reason in ("separator", "advertisement"):
            j += step
            continue
        return other.kind in (None, "body") and is_paragraph(_text(text, other))
    return False


def label_section_labels(text: str, pieces: list[Piece]) -> None:
    """Section names on their own line ("World News"); kept as subheads between paragraphs."""
    for k, piece in enumerate(pieces):
        if not piece.free:
            continue
        piece_text = core(_text(text, piece))
        if not is_section_label(piece_text):
            continue
        inside = _neighbour_paragraph(text, pieces, k, -1) and _neighbour_paragraph(
            text, pieces, k, 1
        )
        if "news" in piece_text.lower() or not inside:
            piece.label("boilerplate", "section-label")


def label_wire_dateline(text: str, pieces: list[Piece]) -> list[Piece]:
    """``CITY (Agency) -`` opening the first article paragraph becomes a dateline."""
    for k, piece in enumerate(pieces):
        if piece.kind not in (None, "body"):
            continue
        piece_text = _text(text, piece)
        if not is_paragraph(piece_text):
            continue
        length = wire_dateline(piece_text)
        if not length:
            return pieces
        parts = split_piece(text, piece, [piece.start + length])
        parts[0].label("dateline", "wire-dateline")
        return pieces[:k] + parts + pieces[k + 1 :]
    return pieces


def _label_shaped(text: str) -> bool:
    """A name or site label: at most four capitalised words, no digits, no sentence."""
    tokens = words(text)
    return (
        0 < len(tokens) <= 4
        and not re.search(r"\d", text)
        and not ends_sentence(text)
        and not text.rstrip().endswith(":")
        and all(t[:1].isupper() or t.lower() in _NAME_PARTICLES for t in tokens)
    )


def label_edges(text: str, pieces: list[Piece]) -> None:
    """Lines above a found headline are navigation; label-shaped lines closing the page are
    furniture (a bare author name, a site name).

    At the end only up to three label-shaped lines are taken, walking back from the last
    line, and the walk stops at the first line that is not one: lists that close an article
    (tour dates, prices, contact lines) are article content.
    """
    head = next((k for k, p in enumerate(pieces) if p.kind == "headline"), None)
    if head is not None:
        for piece in pieces[:head]:
            if piece.free and not is_paragraph(_text(text, piece)):
                piece.label("boilerplate", "navigation")
    if not any(p.free and is_paragraph(_text(text, p)) for p in pieces):
        return  # no article for labels to trail
    taken = 0
    for piece in reversed(pieces):
        if not piece.free:
            if piece.kind in ("boilerplate", "caption", "dateline"):
                continue
            break
        if taken >= 3 or not _label_shaped(core(_text(text, piece))):
            break
        piece.label("boilerplate", "trailing-label")
        taken += 1


def label_body(text: str, pieces: list[Piece]) -> None:
    """Everything still unlabelled is body: a subhead when short between paragraphs."""
    for k, piece in enumerate(pieces):
        if not piece.free:
            continue
        piece_text = core(_text(text, piece))
        subhead = (
            n_words(piece_text) <= 10
            and len(piece_text) <= 90
            and not piece_text.endswith((".", ",", ";", ":"))
            and (piece_text[:1].isupper() or piece_text[:1].isdigit())
            and _neighbour_paragraph(text, pieces, k, 1)
        )
        piece.label("body", "subhead" if subhead else "paragraph")


def _hard_wrapped(lines: Sequence[Line]) -> bool:
    """True when the text is wrapped at a fixed width (e-mail, wire copy, plain-text dumps):
    at least three long lines, none longer than 100 characters."""
    lengths = [line.end - line.start for line in lines]
    return sum(1 for n in lengths if n >= 40) >= 3 and max(lengths, default=0) <= 100


def merge_wrapped(text: str, pieces: list[Piece], lines: Sequence[Line]) -> list[Piece]:
    """Join hard-wrapped lines of one paragraph ("... said the\\nport director.").

    A body line that stops mid-sentence is joined to the next body line when the next one
    starts in lower case (a broken sentence, whatever the layout), or when the whole text is
    wrapped at a fixed width. Text with one paragraph per line (HTML-derived) keeps lists and
    teaser lines apart.
    """
    wrapped = _hard_wrapped(lines)
    out: list[Piece] = []
    for piece in pieces:
        if out:
            prev = out[-1]
            prev_text = _text(text, prev)
            next_text = _text(text, piece)
            if (
                prev.kind == piece.kind == "body"
                and prev.reason == piece.reason == "paragraph"
                and prev.whole
                and piece.whole
                and piece.line == prev.line + 1
                and len(prev_text.splitlines()[-1]) >= 40
                and not ends_sentence(prev_text)
                and not prev_text.endswith(":")
                and (wrapped or next_text[:1].islower())
            ):
                out[-1] = Piece(prev.start, piece.end, piece.line, "body", "paragraph", True)
                continue
        out.append(piece)
    return out
