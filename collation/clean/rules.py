"""Line rules for page furniture: prompts, teasers, labels, credits and notices.

Each rule looks at one line (or one piece of a line) on its own; rules that need the
neighbouring lines (author bios, related-article lists, newsletter boxes, subheads) live in
``context.py``. A rule returns ``(kind, reason)`` or ``None``. Rules are deliberately phrased
as page-furniture *shapes* (short, imperative, made of a closed vocabulary) so that an
article sentence that merely mentions a newsletter or a share price is left alone.
"""

from __future__ import annotations

import re

from .captions import words
from .pieces import core

Label = tuple[str, str]

#: Comment-form fields ("Name *", "Email *"); checked before Markdown edges are stripped.
_FORM_FIELD_RE = re.compile(
    r"^(?:name|e-?mail|website|comment|your (?:name|e-?mail))\s*\*\s*$", re.IGNORECASE
)

_REPORTING_RE = re.compile(r"\b(?:said|says|told|according to|stated)\b", re.IGNORECASE)


def _vocab(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _all_words_in(text: str, vocab: frozenset[str], required: frozenset[str], most: int) -> bool:
    if len(text) > most * 16:  # cheap exit for paragraphs
        return False
    tokens = [w.lower() for w in words(text)]
    if not tokens or len(tokens) > most:
        return False
    return all(t in vocab for t in tokens) and any(t in required for t in tokens)


_SHARE_REQUIRED = _vocab("share sharing tweet print email e-mail whatsapp copy")
_SHARE_VOCAB = _SHARE_REQUIRED | _vocab(
    """it this article story post page link url on via the to with your a friend friends
    facebook twitter x whatsapp telegram linkedin reddit pinterest messenger viber flipboard
    bluesky threads mastodon vk mail click opens in new window tab and or"""
)
_NAV_REQUIRED = _vocab(
    """skip menu search navigation sign log login logout register account subscribe
    subscriptions enlarge fullscreen toggle caption top"""
)
_NAV_VOCAB = _NAV_REQUIRED | _vocab(
    """to main content in out up home back close open page next previous prev my edition
    english image photo hide show expand the and or of"""
)
_FOOTER_REQUIRED = _vocab(
    """privacy terms cookie cookies contact accessibility careers advertise sitemap imprint
    impressum legal rss faq masthead corrections jobs"""
)
_FOOTER_VOCAB = _FOOTER_REQUIRED | _vocab(
    """policy of use service services conditions and us about with site map help notice
    code ethics team feeds newsletters subscriptions our the ads preferences settings
    do not sell my personal information"""
)
_SOCIAL = _vocab(
    """facebook twitter x instagram youtube telegram whatsapp linkedin tiktok threads
    bluesky mastodon vk rss"""
)
_SOCIAL_VOCAB = _SOCIAL | _vocab("follow us on and our find")

#: Furniture recognised from the shape of one line, tried in order. ``most`` is the largest
#: word count a line may have for the rule to apply (a long line is an article paragraph).
_LINE_RULES: tuple[tuple[str, str, re.Pattern[str], int], ...] = tuple(
    (kind, reason, re.compile(pattern, re.IGNORECASE), most)
    for kind, reason, pattern, most in (
        ("boilerplate", "comment-prompt", r"^leave an? (?:reply|comment|response)\b", 12),
        ("boilerplate", "comment-prompt", r"your e-?mail address will not be published", 30),
        ("boilerplate", "comment-prompt", r"required fields are marked", 20),
        (
            "boilerplate",
            "comment-prompt",
            r"^(?:post|add|write|submit|view|show|hide|load|read)"
            r" (?:a |your |all |the )?(?:\d+ )?comments?\b",
            10,
        ),
        ("boilerplate", "comment-prompt", r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?\s*[:.]?$", 3),
        (
            "boilerplate",
            "comment-prompt",
            r"^(?:top|most|best|latest|recent|readers?'?)"
            r"(?: rated| liked| voted| recent)? comments\s*:?$",
            4,
        ),
        (
            "boilerplate",
            "comment-prompt",
            r"^(?:be the first to comment|comments are closed"
            r"|join the (?:conversation|discussion|debate)|cancel reply|reply|report(?: comment)?"
            r"|you must be (?:logged|signed) in to (?:post|leave) a comment.*"
            r"|(?:log|sign) in to (?:comment|reply).*)\s*[.!]?$",
            20,
        ),
        ("boilerplate", "comment-prompt", r"save my name,? e-?mail", 30),
        ("boilerplate", "comment-prompt", r"^notify me of (?:follow-up comments|new posts)", 20),
        ("boilerplate", "newsletter", r"^sign(?:ing)? up\b(?:\W+\w+){0,5}\W*$", 6),
        (
            "boilerplate",
            "newsletter",
            r"^sign(?:ing)? up\b.*\b(?:newsletters?|briefings?|inbox"
            r"|alerts|our|free|digest)\b",
            15,
        ),
        ("boilerplate", "newsletter", r"^subscribe\b(?!.*\b(?:said|says)\b)", 15),
        ("boilerplate", "newsletter", r"^(?:enter|type) your e-?mail", 15),
        ("boilerplate", "newsletter", r"\b(?:delivered|straight|directly|sent) to your inbox", 25),
        (
            "boilerplate",
            "newsletter",
            r"\bby (?:registering|signing up|subscribing|clicking)\b",
            40,
        ),
        ("boilerplate", "newsletter", r"\bunsubscribe\b", 30),
        (
            "boilerplate",
            "newsletter",
            r"^thanks?(?: you)? for (?:signing up|subscribing|registering)",
            12,
        ),
        ("boilerplate", "newsletter", r"\b(?:your|the) (?:inbox|subscription)\b", 20),
        (
            "boilerplate",
            "newsletter",
            r"\bnewsletters?\b.*\b(?:sign(?:ing|ed)? up|subscri\w*|regist\w*"
            r"|inbox|e-?mail|privacy|free|daily|weekly|icon|today)\b",
            15,
        ),
        ("boilerplate", "newsletter", r"^(?:\w+\s+){0,3}newsletters?(?:\s+\w+){0,2}\s*[.:!]?$", 6),
        ("boilerplate", "follow-prompt", r"^(?:follow|like|find|join) (?:us|me|@\w+)\b", 20),
        (
            "boilerplate",
            "follow-prompt",
            r"^(?:join|subscribe to|follow) (?:our|the) \w+"
            r" (?:on )?(?:telegram|whatsapp|youtube|facebook|instagram|twitter|x)\b",
            20,
        ),
        (
            "boilerplate",
            "follow-prompt",
            r"^(?:follow|like|find) (?:the |our )?[\w .&'’-]{1,50}"
            r" on (?:facebook|twitter|x|instagram|telegram|youtube|tiktok|linkedin|threads"
            r"|bluesky|mastodon|whatsapp)\b",
            25,
        ),
        (
            "boilerplate",
            "video-teaser",
            r"^(?:watch|video|listen|podcast|live|see)\s*[:|–—]\s+\S",
            30,
        ),
        ("boilerplate", "video-teaser", r"^(?:watch|play) (?:the |our )?(?:full )?video\b", 10),
        ("boilerplate", "video-teaser", r"^click (?:here )?to (?:watch|play|listen)\b", 15),
        ("boilerplate", "video-teaser", r"^video (?:player|unavailable|is loading|loading)\b", 10),
        (
            "boilerplate",
            "gallery-teaser",
            r"^(?:in pictures|in photos|photos|gallery|slideshow)"
            r"\s*[.:|–—]\s*\S",
            30,
        ),
        (
            "boilerplate",
            "gallery-counter",
            r"^(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)"
            r"\s+\d+\s*$",
            5,
        ),
        (
            "boilerplate",
            "related-articles",
            r"^(?:related(?: articles| stories| news| posts"
            r"| content| coverage| reading| topics| links)?|read (?:more|also|next)|see also"
            r"|also read|more (?:stories|news|articles|coverage|headlines|like this)"
            r"|more (?:from|on|in|about) [^.!?]{1,40}|you (?:may|might) (?:also )?(?:like"
            r"|be interested in|have missed)|recommended(?: for you| stories| articles| reading)?"
            r"|most (?:read|popular|viewed|shared)(?: stories| articles)?|trending(?: now"
            r"| stories| news)?|top stories|latest (?:news|stories|articles|headlines)"
            r"|editor'?s'? picks?|don'?t miss|what to read next|further reading"
            r"|popular (?:stories|now|articles|(?:on|at|in) [^.!?]{1,30})|in case you missed it"
            r"|also on [^.!?]{1,30})"
            r"\s*[:.…]*$",
            8,
        ),
        (
            "boilerplate",
            "read-more",
            r"^[\[(]?(?:read more|read also|also read|see also|related"
            r"|more|read next|recommended|watch also|also see)\s*[:|–—>»]\s*\S",
            30,
        ),
        (
            "boilerplate",
            "advertisement",
            r"^(?:advertisement|advertising|ad|ads|sponsored"
            r"(?: content| post)?|paid (?:content|partnership|post)|promoted(?: content| stories)?"
            r"|story continues (?:below|after) (?:this )?(?:advertisement|ad)"
            r"|article continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
            r"|scroll (?:down )?to continue(?: reading)?|continue reading(?: below)?)\s*[.:…]*$",
            8,
        ),
        (
            "boilerplate",
            "cookie-notice",
            r"\bcookies?\b.*\b(?:use|uses|using|accept|consent"
            r"|polic(?:y|ies)|settings|preferences|manage|reject)\b",
            60,
        ),
        (
            "boilerplate",
            "cookie-notice",
            r"^(?:accept|reject|allow|decline) (?:all|cookies"
            r"|all cookies|necessary)\b",
            5,
        ),
        (
            "boilerplate",
            "cookie-notice",
            r"^(?:manage|cookie|privacy) (?:preferences|settings"
            r"|options|choices)$",
            3,
        ),
        ("boilerplate", "copyright", r"\ball rights reserved\b", 30),
        (
            "boilerplate",
            "wire-credit",
            r"\bcontributed (?:reporting )?to (?:this|the)"
            r" (?:report|article|story|piece)\b",
            30,
        ),
        (
            "boilerplate",
            "wire-credit",
            r"^\(?with (?:inputs?|reporting|additional reporting)"
            r" (?:from|by)\b",
            25,
        ),
        (
            "boilerplate",
            "wire-credit",
            r"^(?:this (?:story|article|report) (?:was|first)"
            r" (?:originally |first )?(?:published|appeared)|originally published)\b",
            30,
        ),
        (
            "boilerplate",
            "reporting-credit",
            r"^\(?(?:additional )?(?:reporting|writing|editing"
            r"|compiled|edited|translated|fact-checked) by\b",
            40,
        ),
        (
            "boilerplate",
            "reading-time",
            r"^(?:reading time:?\s*\d+\s*min(?:ute)?s?"
            r"|\d+\s*[-–]?\s*min(?:ute)?s?\.?\s+read)\s*$",
            6,
        ),
        (
            "boilerplate",
            "tags",
            r"^(?:tags?|topics?|keywords|filed under|categor(?:y|ies))\s*:",
            40,
        ),
        ("boilerplate", "breadcrumb", r"^(?:home|news)\s*[>›»/|]\s*\S", 12),
        (
            "boilerplate",
            "breadcrumb",
            r"^[^\W\d_][\w .&'’-]{0,30}(?:\s+[>›»]\s+[\w .&'’-]{1,30})"
            r"{1,5}$",
            12,
        ),
        (
            "boilerplate",
            "breadcrumb",
            r"^[^\W\d_][\w .&'’-]{0,30}(?:\s+/\s+[\w .&'’-]{1,30})"
            r"{2,5}$",
            12,
        ),
    )
)
_BYLINE_RE = re.compile(
    r"^(?i:(?:written |words |story |text )?by|author:?)\s+"
    r"(?P<names>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|and|&|de|van|von|der|da|al|bin|el|la|le))*)"
    r"\s*(?:[,|–—-]\s*(?P<role>[^.!?]{1,60}))?$"
)
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december the this that early late noon
    midnight morning evening night then now""".split()
)
_SECTION_REQUIRED = _vocab(
    """news world politics business economy opinion sport sports tech technology science
    health environment culture lifestyle travel europe asia africa americas regional
    national international local breaking latest home metro weather"""
)
_SECTION_VOCAB = _SECTION_REQUIRED | _vocab(
    """and & top stories story political finance markets money editorial analysis climate
    arts entertainment middle east us uk u.s region city crime justice society education
    energy transport maritime shipping features feature investigations video videos
    podcasts live updates the of in focus daily global"""
)


def is_byline(text: str) -> bool:
    """True for "By Ana Pop", "By Ana Pop and Radu Ene, Reuters"; not "By Tuesday, ...".

    Names must be capitalised words that are not weekdays or months, and an optional role
    after a comma must be short and not a sentence.
    """
    match = _BYLINE_RE.match(text.strip())
    if not match:
        return False
    names = match.group("names").split()
    if names[0].lower().strip(".") in _NOT_NAMES or len(names) > 8:
        return False
    role = match.group("role")
    return role is None or len(words(role)) <= 6


def is_section_label(text: str) -> bool:
    """A short line made only of section words ("World News", "Local | Business")."""
    return _all_words_in(text, _SECTION_VOCAB, _SECTION_REQUIRED, 4)


def line_rule(text: str) -> Label | None:
    """Furniture recognisable from one line alone, or ``None``.

    Fallbacks, in order:

    1. no letters or digits at all (separators, bullets, stray symbols): ``separator``;
       comment-form fields ("Name *");
    2. share bars, navigation, footer links and social-follow lines, recognised as short
       lines drawn entirely from a closed vocabulary;
    3. the pattern table above (prompts, teasers, notices, credits);
    4. a byline ("By Ana Pop, Staff Reporter").

    Lines quoting someone ("... she said") are never furniture except by rule 1.
    """
    raw = text.strip()
    if not re.search(r"[^\W_]", raw):
        return ("boilerplate", "separator")
    if _FORM_FIELD_RE.match(raw):
        return ("boilerplate", "comment-prompt")
    stripped = core(raw)
    n_words = len(words(stripped))
    if n_words > 12 and _REPORTING_RE.search(stripped):
        return None
    if _all_words_in(stripped, _SHARE_VOCAB, _SHARE_REQUIRED, 12):
        return ("boilerplate", "share-prompt")
    if _all_words_in(stripped, _NAV_VOCAB, _NAV_REQUIRED, 6):
        return ("boilerplate", "navigation")
    if _all_words_in(stripped, _FOOTER_VOCAB, _FOOTER_REQUIRED, 14):
        return ("boilerplate", "footer-links")
    if _all_words_in(stripped, _SOCIAL_VOCAB, _SOCIAL, 10):
        return ("boilerplate", "follow-prompt")
    if n_words <= 30 and is_video_caps(stripped):
        return ("boilerplate", "video-teaser")
    for kind, reason, pattern, most in _LINE_RULES:
        if n_words <= most and pattern.search(stripped):
            return (kind, reason)
    if n_words <= 15 and is_byline(stripped):
        return ("boilerplate", "byline")
    return None


def is_video_caps(text: str) -> bool:
    """Capitalised teaser label opening a line: "WATCH:", "LOOK.", "VIDEO |"."""
    return bool(
        re.match(
            r"^(?:WATCH|LOOK|VIDEO|LISTEN|PODCAST|LIVE|SEE|PHOTOS|GALLERY)\s*[.:|–—-]", text.strip()
        )
    )
