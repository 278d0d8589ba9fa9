"""Recognise image captions and photo credits, and split captions glued onto sentences.

Scraped text loses the markup that separated a figure caption from the next paragraph, so
"... at the pier. Photo: Port AuthorityFirefighters said ..." arrives as one line. A caption
is recognised from cues (a credit, an opener like "File photo of", a verbless fragment), and
a glue point is a lower-case (or credit) word running straight into a capitalised word.
"""

from __future__ import annotations

import re

#: Photo and wire agencies that appear in credits ("/AFP", "AP Photo/", "(Reuters)").
_AGENCIES = (
    r"AP|AFP|Reuters|EPA(?:-EFE)?|EFE|Getty(?: Images)?|Shutterstock|Alamy|Xinhua"
    r"|Anadolu(?: Agency)?"
    r"|PA(?: Images| Wire)?|ANSA|dpa|UPI|Bloomberg|NurPhoto|SOPA Images|ZUMA(?: Press)?|Sipa"
    r"|TASS|Sputnik|Kyodo|Yonhap|Imago|Agerpres|Inquam|Maxar(?: Technologies)?|Planet Labs"
    r"|REUTERS|GETTY IMAGES|SHUTTERSTOCK"
)
_PICTURE_NOUN = (
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|maps?|charts?|videos?"
    r"|footage|screenshots?|screengrabs?|stills?|satellite (?:images?|photos?|imagery|pictures?)"
    r"|aerial (?:views?|photos?|images?))"
)
# A credit must open a fragment (line start, after a full stop, or inside brackets) so that
# "officials released an image from the scene" in a body sentence is not taken for one.
_FRAGMENT_START = r"(?:^|(?<=[.!?…])\s*|(?<=[.!?…][\"”’])\s*|\(\s*|\[\s*|(?<=\s)[|/]\s*)"
_CREDIT_TAIL_RE = re.compile(
    rf"{_FRAGMENT_START}(?:{_PICTURE_NOUN}|credits?|photo credits?|image credits?|source)"
    r"\s*(?:credits?\s*)?(?::|\bby\b|\bfrom\b|\bcourtesy(?:\s+of)?\b|\bvia\b|/)"
    r"\s*(?P<who>[^.!?:]{1,80}?)[.)\]]?\s*$",
    re.IGNORECASE,
)
_BARE_CREDIT_TAIL_RE = re.compile(
    rf"{_FRAGMENT_START}(?:illustration|illustrative (?:photo|image|picture)|(?:file|archive|stock"
    r"|handout|library) (?:photo|image|picture|footage)|handout|screenshot|screengrab"
    r"|photo illustration|illustration photo)s?\b[^.!?:]{0,40}[.)\]]?\s*$",
    re.IGNORECASE,
)
_CREDIT_ANYWHERE_RE = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\bgetty images\b", re.IGNORECASE)
# Agency names are matched with their own capitals so that "(ePA)" or "via ap" are not credits.
_AGENCY_CREDIT_RE = re.compile(
    rf"\b(?:{_AGENCIES}) [Pp]hoto\b|/\s*(?:{_AGENCIES})\b|\b[Vv]ia (?:{_AGENCIES})\b"
    rf"|\((?:{_AGENCIES})(?: [Pp]hoto)?[^)]{{0,40}}\)\s*$"
    rf"|\b(?:{_AGENCIES})\s*/\s*[^\W\d_][\w .'’-]{{1,40}}\)?\s*$"
)
_STRONG_OPENER_RE = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:file|archive|stock|handout|illustrative|representative"
    r"|representational|library)\s+(?:photo(?:graph)?|image|picture|pic|footage|video still)s?\b"
    r"|^in (?:this|these|an?) (?:\w+ )?(?:photo(?:graph)?|image|picture|handout|file|still)s?\b"
    r"|^this (?:\w+ )?(?:photo(?:graph)?|image|picture|handout|still)s?\b(?:\s+\w+){0,2}"
    r"\s+(?:provided|released|taken|made available|obtained|shows|shared|posted|distributed)\b"
    r"|^(?:photo(?:graph)?|image|picture|illustration|graphic|screenshot|screengrab|caption"
    r"|pictured|above|top|main image|credit)\s*:",
    re.IGNORECASE,
)
_STILL_NOUN = (
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|maps?|charts?"
    r"|screenshots?|screengrabs?|stills?|satellite (?:images?|photos?|imagery|pictures?)"
    r"|aerial (?:views?|photos?|images?))"
)
# Videos have no captions in article text: "The video shows ..." is a sentence about a video.
_WEAK_OPENER_RE = re.compile(
    rf"^(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?{_STILL_NOUN}\s+(?:of|from|shows?|showing|taken"
    r"|released|provided|shared|posted|published|dated|depicting|made)\b",
    re.IGNORECASE,
)
#: Finite verbs and auxiliaries that make a fragment a sentence rather than a caption.
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|been|has|have|had|will|would|can|could|may|might|must|should|shall"
    r"|does|did|said|says|say|told|tells|added|adds|reported|reports|announced|confirmed"
    r"|denied|denies|showed|show|believe|believes|believed|remain|remains|remained)\b",
    re.IGNORECASE,
)
_REPORTING_RE = re.compile(r"\b(?:said|says|told|according to|stated|added)\b", re.IGNORECASE)
_QUOTE_RE = re.compile(r"[“\"][^“”\"]{12,}[”\"]")
_WORD_RE = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")

#: Camel-case names that are not glued text (checked case-sensitively on the whole word).
_CAMEL_NAMES = frozenset(
    """iPhone iPad iPod iOS iCloud iTunes eBay eBook YouTube LinkedIn WhatsApp PayPal FedEx
    TikTok WeChat GitHub GitLab PlayStation PowerPoint JavaScript TypeScript MasterCard
    BlackRock BlackBerry SoftBank DeepMind OpenAI SpaceX MacBook AstraZeneca ExxonMobil
    GlaxoSmithKline HarperCollins DreamWorks FaceTime HuffPost BuzzFeed ArcelorMittal
    TotalEnergies BioNTech GlobalFoundries JetBlue WikiLeaks SoundCloud DoorDash WordPress
    MySpace StarCraft SeaWorld CinemaScope PricewaterhouseCoopers LeBron DiCaprio
    McDonald McDonalds MacArthur AirAsia EasyJet easyJet JPMorgan SkyTeam StarAlliance
    NordVPN ProtonMail QAnon MrBeast TurboTax LastPass DuckDuckGo""".split()
)
#: Name particles that legitimately run into a capital ("McCarthy", "DeSantis", "LaGuardia").
_PARTICLES = frozenset("mc mac fitz van von de di da du la le el al o d san st ter ten".split())
#: Words that typically open a sentence; a caption glued onto one is the common scrape error.
_SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    in on at as by for from after before during since when while if but and or yet so
    according meanwhile however officials authorities police residents local one two some
    many most several no not only earlier later last next on""".split()
)


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, keeping inner apostrophes and hyphens)."""
    return _WORD_RE.findall(text)


#: A trailing credit is at most this many characters long (keyword, credited party, brackets).
_TAIL_WINDOW = 160


def _credit_tail(text: str) -> tuple[int, str] | None:
    """Start and text of a trailing credit fragment, if the credited party reads like a name.

    Only the end of the text is searched (credits are short), which keeps long paragraphs
    cheap; a window that starts mid-word cannot fake a fragment start because fragments must
    begin after a full stop, a bracket or the start of the text.
    """
    offset = max(0, len(text) - _TAIL_WINDOW)
    window = text[offset:]
    match = _CREDIT_TAIL_RE.search(window)
    if match and (offset == 0 or match.start() > 0 or not text[offset - 1].isalnum()):
        who = match.group("who")
        # "Pictures from the scene showed flames." is a sentence, not a credit
        if len(words(who)) <= 8 and not _FINITE_RE.search(who):
            return offset + match.start(), match.group(0)
    bare = _BARE_CREDIT_TAIL_RE.search(window)
    if bare and (offset == 0 or bare.start() > 0 or not text[offset - 1].isalnum()):
        return offset + bare.start(), bare.group(0)
    return None


def has_credit(text: str) -> bool:
    """True when ``text`` carries a photo credit (©, "Photo: X", "/AFP", "Illustration")."""
    return bool(
        _CREDIT_ANYWHERE_RE.search(text) or _AGENCY_CREDIT_RE.search(text) or _credit_tail(text)
    )


def credit_tail_start(text: str) -> int | None:
    """Offset where a trailing credit fragment ("Photo: AP", "(Image: X)") starts, if any."""
    found = _credit_tail(text)
    if found is None:
        return None
    start = found[0]
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def caption_score(text: str) -> int:
    """Evidence that ``text`` describes an image; 2 or more means caption.

    Scores: credit +2, strong opener ("File photo of", "In this image") +2, weak opener
    ("Satellite image of") +1, short verbless fragment +1; a reporting verb -2 and a long
    quotation -1 pull article sentences back.
    """
    if len(text) > 90 * 12:
        return 0
    n_words = len(words(text))
    if n_words == 0 or n_words > 90:
        return 0
    score = 0
    if has_credit(text):
        score += 2
    if _STRONG_OPENER_RE.search(text):
        score += 2
    elif _WEAK_OPENER_RE.search(text):
        score += 1
    if n_words <= 30 and not _FINITE_RE.search(text) and score > 0:
        score += 1
    if _REPORTING_RE.search(text):
        score -= 2
    if _QUOTE_RE.search(text):
        score -= 1
    return score


def is_caption(text: str) -> bool:
    """True when ``caption_score(text) >= 2``."""
    return caption_score(text) >= 2


def _is_verbless_fragment(text: str) -> bool:
    n_words = len(words(text))
    return 0 < n_words <= 25 and not _FINITE_RE.search(text) and not _QUOTE_RE.search(text)


_GLUE_RE = re.compile(
    # lower-case letter, closing bracket or a capitals run (credit like "AFP") directly followed
    # by a capitalised word (or the one-letter words "A" and "I" before a lower-case word)
    r"(?:(?<=[a-zà-ÿ])|(?<=[)\]])|(?<=[A-Z]{2}))(?=[A-Z][a-zà-ÿ]|[AI]\s+[a-z])"
)


def _word_around(text: str, at: int) -> tuple[str, str]:
    """The letters of the token left of ``at`` and right of ``at`` (same whitespace token)."""
    left = at
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = at
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:at], text[at:right]


def _letters_suffix(token: str) -> str:
    out = ""
    for ch in reversed(token):
        if ch.isalpha():
            out = ch + out
        else:
            break
    return out


def glue_points(text: str, start: int = 0) -> list[int]:
    """Offsets (relative to ``text``) where a caption runs straight into a sentence.

    ``start`` is where the current fragment begins (evidence is looked for in
    ``text[start:point]``). A point is accepted when:

    1. the word to the right is a plain capitalised word followed by more text (at least
       three more words), so a credit at the end of a line is never split;
    2. the glued word is not a hashtag, handle or address, not a known camel-case name, not
       a name particle ("McCarthy", "DeSantis"), does not occur again elsewhere, and a
       capitals run is not a plural acronym ("UAVs");
    3. the left fragment reads as a caption (``caption_score >= 2``), or the right word is
       an ordinary word that opens a sentence ("The", "According") and the left fragment is
       a short verbless phrase.
    """
    points: list[int] = []
    frag_start = start
    for match in _GLUE_RE.finditer(text, start):
        at = match.start()
        left_tok, right_tok = _word_around(text, at)
        right_word = re.match(r"[A-Z][a-zà-ÿ]+|[AI]$", right_tok)
        if not right_word:
            continue
        right_rest = right_tok[right_word.end() :]
        # 1. the right word must stand alone (followed by space or light punctuation)
        if right_rest and right_rest[0] not in ",;:'’\"”":
            continue
        if len(words(text[at:])) < 4:
            continue
        if left_tok[:1] in "#@" or "://" in left_tok or left_tok.startswith("www."):
            continue  # hashtags, handles and addresses are camel-cased on purpose
        left_word = _letters_suffix(left_tok)
        glued = left_word + right_word.group(0)
        # 2. camel-case names and particles
        if glued in _CAMEL_NAMES or (left_tok + right_tok).strip(".,;:") in _CAMEL_NAMES:
            continue
        if left_word and left_word.isupper():
            # a capitals run: need a real word after it ("AFPThe"), not "UAVs"/"NGOs"
            if (
                len(right_word.group(0)) < 3
                and right_word.group(0).lower() not in _SENTENCE_OPENERS
            ):
                continue
        elif left_word.lower() in _PARTICLES or len(left_word) < 3 and left_tok[-1:].isalpha():
            continue
        if text.count(glued) > 1:
            continue
        # 3. evidence that the left fragment is a caption. A capitals run or a one-letter word
        # ("NASA said", "the FBI is") needs a credit-like caption on the left: an acronym
        # ending in A or I looks exactly like a credit glued to "A"/"I".
        left = text[frag_start:at]
        plain = len(right_word.group(0)) > 1 and not (left_word and left_word.isupper())
        opener = plain and right_word.group(0).lower() in _SENTENCE_OPENERS
        if is_caption(left) or (opener and _is_verbless_fragment(left)):
            points.append(at)
            frag_start = at
    return points
