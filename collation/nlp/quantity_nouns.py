"""The counted noun after a number ("400 drones", "hundreds of Iranian drones").

No tagger: a short run of words after the number is read until a function word, verb-like
word or punctuation; the head is the first plural-looking word ("seven European countries
conducted" -> countries). After "one" the head is the next word ("one proposal asks").
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)")

#: Words that end a noun phrase (function words, common verbs, adverbs of degree).
STOP = frozenset("""
a an the of in on at to for from by with about as into onto over under than and or but nor
that which who whom whose this these those it its they them their he she his her we our you
your i me my is are was were be been being has have had do does did will would can could may
might must shall should not no more less most least up down out off per each every all some
any such only just also still even so too very while when where after before since until
during because if then there here what how why both either neither between among against
across around through within without toward towards ago later earlier last next says said
say told according ahead away back including include includes included like unlike via plus
minus versus vs whereas whether yet once twice already almost nearly about approximately
roughly respectively apiece percent times
""".split())
IRREGULAR_PLURALS = {
    "people": "people", "men": "man", "women": "woman", "children": "child",
    "police": "police", "personnel": "personnel", "staff": "staff", "cattle": "cattle",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "crew": "crew",
    "troops": "troop", "data": "data", "media": "media", "sheep": "sheep", "fish": "fish",
    "aircraft": "aircraft", "livestock": "livestock",
}
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "sis", "ics")
_ADJECTIVE_ENDINGS = ("able", "ible", "ous", "ful", "less", "ive", "ic", "ical")


def looks_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS or (lower.endswith("men") and len(lower) > 4):
        return True
    return lower.endswith("s") and not lower.endswith(_NOT_PLURAL_ENDINGS) and len(lower) > 2


def singular(word: str) -> str:
    """A plain singular form: "countries" -> "country", "boxes" -> "box", "men" -> "man"."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lower]
    if not looks_plural(lower):
        return lower
    if lower.endswith("men") and len(lower) > 4:
        return lower[:-3] + "man"  # fishermen, servicemen
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("sses") or (lower.endswith("uses") and lower[-5:-4] not in "aeiou"):
        return lower[:-2]  # classes, viruses, buses; but houses, causes keep their "e"
    if lower.endswith(("ches", "shes", "xes", "sses", "zes")):
        return lower[:-2]
    return lower[:-1]


def noun_after(text: str, pos: int, *, single: bool = False, max_words: int = 4
               ) -> tuple[str, str, int] | None:
    """(head noun as written, phrase, end offset) of the noun counted by a number ending at
    ``pos``; None when no noun follows. ``single``: the count is one, so the first word heads.
    """
    words: list[tuple[str, int]] = []
    cursor = pos
    for _ in range(max_words):
        match = _TOKEN.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower().replace("’", "'")
        if lower in STOP or lower.endswith(("'s", "n't")) or len(lower) == 1:
            break
        if lower.endswith("ly") and len(lower) > 4:
            break
        if words and (lower.endswith("ing") or (lower.endswith("ed") and len(lower) > 4)):
            break
        if words and lower.endswith(_ADJECTIVE_ENDINGS) and not looks_plural(lower):
            break
        if word[0].isupper() and not looks_plural(word) and not (words or single):
            # A capitalised singular word right after a number is usually a name or a model
            # ("63,150 Model 3s", "2023 Maxar Technologies"), except as a modifier before a
            # common plural noun ("7 European countries").
            following = _TOKEN.match(text, match.end())
            if following is None or not looks_plural(following.group(1)) or \
                    following.group(1)[0].isupper():
                return None
        if word[0].isupper() and words:
            break  # a name starts after the noun phrase
        words.append((word, match.end()))
        cursor = match.end()
        if single or looks_plural(word):
            break
    if not words:
        return None
    head, end = words[-1]
    if not (single or looks_plural(head)):
        return None
    if head.lower() in ("percent", "times") or re.fullmatch(r"[A-Z]{2,}s?", head):
        return None
    phrase = " ".join(w for w, _ in words)
    return head, phrase, end


def plural_phrase(text: str, pos: int, *, max_words: int = 5) -> tuple[str, str, int] | None:
    """(head, phrase, end) of a lower-case noun phrase after ``pos`` that ends in a plural
    noun ("best wireless speakers", "most spectacular catches"); None when none does.

    Used after "one of the", where adjectives of any shape precede the head, so unlike
    ``noun_after`` it does not stop at adjective endings; it stops at function words,
    names, possessives and punctuation.
    """
    words: list[tuple[str, int]] = []
    cursor = pos
    for _ in range(max_words):
        match = _TOKEN.match(text, cursor)
        if match is None:
            return None
        word = match.group(1)
        lower = word.lower()
        if lower in STOP or not word[0].islower() or lower.endswith(("'s", "’s")):
            return None
        words.append((word, match.end()))
        cursor = match.end()
        if looks_plural(word) and len(words) > 1 or (lower in IRREGULAR_PLURALS):
            break
        if looks_plural(word) and not lower.endswith(("est", "ous")):
            break
    else:
        return None
    head, end = words[-1]
    if not looks_plural(head):
        return None
    return head, " ".join(w for w, _ in words), end


def whole_after(text: str, pos: int) -> tuple[str, str, int] | None:
    """(head, phrase, end) of the whole a fraction is a share of, when it is singular ("a third
    of the Britain population", "half of the country"): names, then one common noun."""
    words: list[tuple[str, int]] = []
    cursor = pos
    for _ in range(4):
        match = _TOKEN.match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower()
        if lower in STOP or lower.endswith(("'s", "’s")):
            break
        words.append((word, match.end()))
        cursor = match.end()
        if word[0].islower():
            break
    if not words or not words[-1][0][0].islower() or words[-1][0].endswith(("ed", "ing")):
        return None  # "of the combined ...": an adjective, the whole comes later
    head, end = words[-1]
    return head, " ".join(w for w, _ in words), end
