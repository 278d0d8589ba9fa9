"""Titles and roles attached to a person mention, read from the surrounding text.

Reads: document text and a PERSON mention. Adds: ``Role`` records (title as written, and
its span). Two constructions cover most news usage:

1. a title before the name: "National Security Council spokesman John Kirby",
   "Ukrainian President Volodymyr Zelenskyy", "Secretary of State Antony Blinken";
2. an appositive after it: "John Kirby, Coordinator for Strategic Communications at the
   National Security Council, said".

The title must contain a head noun from ``names.TITLE_HEADS``; capitalised words alone
("Friday John Kirby") never make a title.
"""

from __future__ import annotations

import re

from ..records import Mention, Role, Span
from . import names

#: Words that may precede a title head inside a title ("former deputy spokesman").
_MODIFIERS = frozenset(
    "former deputy acting senior top chief then interim outgoing incoming late foreign "
    "defense defence press national security deputy-chief".split()
)
_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
_WORD = re.compile(r"[\w][\w.\-\u2019']*")
_APPOSITIVE = re.compile(
    r"\s*,\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?P<phrase>[^,;()\n\"\u201c\u201d]{3,140}?)"
    r"(?=\s*(?:[,;()\n\"\u201c\u201d]|\.(?:\s|$)|$))"
)


def _is_title_word(word: str) -> bool:
    low = names.fold(word).strip(".")
    return low in names.TITLE_HEADS or low.rstrip("s") in names.TITLE_HEADS


def _is_name_like(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def title_before(text: str, mention: Mention) -> tuple[int, int] | None:
    """Offsets of a title written directly before the name, if any."""
    window_start = max(0, mention.start - 160)
    window = text[window_start : mention.start]
    if not window.endswith(" ") or window.endswith("  "):
        return None
    words = list(_WORD.finditer(window))
    if not words or words[-1].end() != len(window) - 1:
        return None
    chosen: list[re.Match[str]] = []
    for match in reversed(words):
        word = match.group(0)
        if chosen:
            between = window[match.end() : chosen[-1].start()]
            if between.strip():
                break  # punctuation ends the title
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            break  # "Friday." ends the previous sentence; "U.S." is part of the title
        low = names.fold(word)
        if _is_title_word(word) or _is_name_like(word) or low in _MODIFIERS:
            chosen.append(match)
        elif low in _CONNECTORS and chosen:
            chosen.append(match)
        else:
            break
        if len(chosen) >= 9:
            break
    while chosen and names.fold(chosen[-1].group(0)) in _CONNECTORS:
        chosen.pop()
    if not chosen or not any(_is_title_word(m.group(0)) for m in chosen):
        return None
    # The words between the last title head and the name must be part of the title
    # ("Secretary of State"), so a capitalised sentence start is not swallowed.
    heads = [i for i, m in enumerate(chosen) if _is_title_word(m.group(0))]
    after_head = chosen[: heads[0]]
    if any(not _is_name_like(m.group(0)) for m in after_head):
        return None
    start = window_start + chosen[-1].start()
    end = window_start + chosen[0].end()
    return start, end


def title_after(text: str, mention: Mention) -> tuple[int, int] | None:
    """Offsets of an appositive title after the name ("John Kirby, the spokesman,")."""
    match = _APPOSITIVE.match(text, mention.end)
    if match is None:
        return None
    phrase = match.group("phrase")
    words = phrase.split()
    if not words:
        return None
    leading = [w for w in words[:4] if names.fold(w) not in _MODIFIERS]
    if not any(_is_title_word(w) for w in words[:4]) or not leading:
        return None
    # A clause ("who said", "adding that") is not a title.
    if names.fold(words[0]) in {"who", "which", "that", "said", "adding", "says", "told"}:
        return None
    start = match.start("phrase")
    return start, start + len(phrase.rstrip())


def person_roles(text: str, mention: Mention) -> list[Role]:
    """Roles the text attaches to one person mention, each with its exact span."""
    out: list[Role] = []
    for found in (title_before(text, mention), title_after(text, mention)):
        if found is None:
            continue
        start, end = found
        title = text[start:end]
        if title.lower().startswith("the "):
            start += 4
            title = text[start:end]
        out.append(Role(title=title, span=Span(mention.doc, start, end, title)))
    return out
