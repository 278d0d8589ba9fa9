"""Cleaning stage: every rule on invented fixtures, the segment contract, the example corpus.

All fixture text is invented for these tests (see examples/README.md for the corpus).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collation.clean import segment_document, segment_text
from collation.ids import document_id
from collation.records import SEGMENT_KINDS, Document, Segment

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def make_doc(text: str, title: str | None = None, outlet: str | None = None) -> Document:
    return Document(
        id=document_id(text),
        source="fixture.txt",
        title=title,
        outlet=outlet,
        url=None,
        published=None,
        published_basis=None,
        language="en",
        text=text,
    )


def assert_valid(text: str, segments: tuple[Segment, ...]) -> None:
    """The contract: sorted, disjoint, trimmed, known kinds, each visible character once."""
    owner = [-1] * len(text)
    previous_end = 0
    for n, seg in enumerate(segments):
        assert seg.kind in SEGMENT_KINDS
        assert seg.reason, seg
        assert 0 <= seg.start < seg.end <= len(text)
        assert seg.start >= previous_end, "sorted and non-overlapping"
        assert not text[seg.start].isspace() and not text[seg.end - 1].isspace(), "trimmed"
        for i in range(seg.start, seg.end):
            assert owner[i] == -1
            owner[i] = n
        previous_end = seg.end
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owner[i] != -1, f"character {i} ({ch!r}) is in no segment"


def label_of(text: str, segments: tuple[Segment, ...], needle: str) -> tuple[str, str]:
    """(kind, reason) of the segment holding the whole of ``needle``."""
    at = text.index(needle)
    for seg in segments:
        if seg.start <= at < seg.end:
            assert at + len(needle.rstrip()) <= seg.end, f"{needle!r} is split across segments"
            return seg.kind, seg.reason
    raise AssertionError(f"{needle!r} not in any segment")


# --- headline ---------------------------------------------------------------------------------


def test_headline_is_the_title_when_the_text_starts_with_it() -> None:
    text = "Ferry runs aground on the Danube\n\nThe ferry ran aground near the port on Sunday."
    segments = segment_text(text, title="Ferry runs aground on the Danube")
    assert_valid(text, segments)
    assert segments[0] == Segment(0, 32, "headline", "title")
    assert segments[1].kind == "body"


def test_headline_from_first_line_only_when_there_is_no_title() -> None:
    text = (
        "Bridge closed after cracks found\n"
        "Engineers closed the old bridge on Monday after cracks appeared."
    )
    assert label_of(text, segment_text(text), "Bridge closed")[0] == "headline"
    # a title that the text does not start with: the first line is not promoted
    other = segment_text(text, title="Completely different title")
    assert label_of(text, other, "Bridge closed")[0] != "headline"
    # a first line that is a full sentence is not a headline either
    prose = "Engineers closed the old bridge on Monday.\nTraffic was diverted through the centre."
    assert label_of(prose, segment_text(prose), "Engineers")[0] == "body"


def test_title_found_after_navigation_and_with_site_suffix() -> None:
    text = (
        "Skip to main content\nMenu\nHome\nFerry runs aground on the Danube\n"
        "The ferry ran aground near the port on Sunday, the river authority said."
    )
    segments = segment_text(text, title="Ferry runs aground on the Danube | River Times")
    assert_valid(text, segments)
    assert label_of(text, segments, "Ferry runs aground")[0] == "headline"
    assert label_of(text, segments, "Skip to main content")[0] == "boilerplate"
    assert label_of(text, segments, "Menu")[0] == "boilerplate"


def test_markdown_heading_matches_title() -> None:
    text = "# Ferry runs aground\n\nThe ferry ran aground near the port on Sunday, officials said."
    segments = segment_text(text, title="Ferry runs aground")
    assert segments[0].kind == "headline" and text[segments[0].start : segments[0].end] == (
        "# Ferry runs aground"
    )


def test_repeated_title_is_boilerplate() -> None:
    text = (
        "Storm floods harbour district\n\nStorm floods harbour district\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said."
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert [s.kind for s in segments] == ["headline", "boilerplate", "body"]
    assert segments[1].reason == "repeated-title"


def test_pipe_section_label_is_split_from_headline() -> None:
    text = (
        "Storm floods harbour district | Coast and Weather\n\n"
        "Water rose a metre overnight in the harbour district."
    )
    segments = segment_text(text, title="Storm floods harbour district | Coast and Weather")
    assert_valid(text, segments)
    assert segments[0].kind == "headline"
    assert text[segments[0].start : segments[0].end] == "Storm floods harbour district"
    assert segments[1].kind == "boilerplate" and segments[1].reason == "section-label"
    assert text[segments[1].start : segments[1].end] == "| Coast and Weather"


def test_dash_suffix_split_only_when_it_names_an_outlet() -> None:
    body = "\n\nThe ferry sank near the delta on Friday evening."
    site = "Ferry sinks near the delta - Lakeside Herald" + body
    segments = segment_text(site)
    assert label_of(site, segments, "Lakeside Herald") == ("boilerplate", "site-label")
    outlet = "Ferry sinks near the delta - Delta Voice" + body
    segments = segment_text(outlet, outlet="Delta Voice")
    assert label_of(outlet, segments, "Delta Voice") == ("boilerplate", "site-label")
    plain = "Ferry sinks near the delta - dozens still missing" + body
    segments = segment_text(plain)
    assert label_of(plain, segments, "dozens still missing")[0] == "headline"


# --- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "10 May, 2024",
        "May 10, 2024 09:14 GMT",
        "Published: Tuesday, 12 March 2024 08:30 EET",
        "Updated 2024-03-12T08:30:00+02:00",
        "By Ana Pop | 12.03.2024",
    ],
)
def test_date_line_under_headline(line: str) -> None:
    text = (
        f"Storm floods harbour district\n{line}\n"
        "Water rose a metre in the harbour district overnight, the brigade said."
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, line)[0] == "dateline"


def test_date_glued_to_caption_is_split() -> None:
    text = (
        "Storm floods harbour district\n"
        "10 May, 2024 Fishing boats on the flooded quay. Photo credits: Harbour Watch\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said."
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, "10 May, 2024") == ("dateline", "date")
    assert label_of(text, segments, "Fishing boats on the flooded quay.")[0] == "caption"
    assert label_of(text, segments, "Water rose")[0] == "body"


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        ("10 May, 2024 Boats. Photo: Harbour Watch", "10 May, 2024", "Boats. Photo: Harbour Watch"),
        ("May 10, 2024 Boats on the quay. Illustration", "May 10, 2024", "Boats on the quay."),
    ],
)
def test_date_glued_to_short_caption_is_split(line: str, date: str, rest: str) -> None:
    text = f"Storm floods harbour district\n{line}\nWater rose a metre overnight, the brigade said."
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, date) == ("dateline", "date")
    assert label_of(text, segments, rest)[0] == "caption"
    assert segments[1] == Segment(
        text.index(date), text.index(date) + len(date), "dateline", "date"
    )


def test_date_line_with_column_name_is_one_dateline() -> None:
    text = (
        "# Storm floods harbour district\n\n*14 March 2024 · Coast Watch field notes*\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said."
    )
    segments = segment_text(text)
    assert label_of(text, segments, "*14 March 2024 · Coast Watch field notes*") == (
        "dateline",
        "date",
    )


def test_sentence_starting_with_a_date_is_not_split_in_the_body() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "Residents were told to stay indoors until the water had gone down.\n\n"
        "March 12, 2024 was the wettest day recorded in the town since records began."
    )
    segments = segment_text(text)
    assert label_of(text, segments, "March 12, 2024 was the wettest day")[0] == "body"


def test_wire_dateline_opens_first_paragraph() -> None:
    text = (
        "Barge hits bridge pier\n\n"
        "ROTTERDAM, Netherlands (Harbour Wire) - A barge hit a bridge pier on Monday, "
        "the port said.\n\n"
        "The bridge was closed for inspection."
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, "ROTTERDAM, Netherlands (Harbour Wire) -") == (
        "dateline",
        "wire-dateline",
    )
    assert label_of(text, segments, "A barge hit a bridge pier")[0] == "body"
    plain = (
        "Barge hits bridge pier\n\n"
        "Officials - who asked not to be named - said the barge hit a pier on Monday evening."
    )
    assert label_of(plain, segment_text(plain), "Officials - who")[0] == "body"


# --- captions -----------------------------------------------------------------------------------


_ARTICLE = (
    "Storm floods harbour district\n\n"
    "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
    "{line}\n\n"
    "Residents were told to stay indoors until the water had gone down on Tuesday."
)


@pytest.mark.parametrize(
    "line",
    [
        "File photo of the harbour district before the storm.",
        "Fishing boats tied up on the flooded quay. © Lakeside Press",
        "Fishing boats on the quay. Photo credits: Harbour Watch volunteers",
        "The flooded quay seen from above.Image: Orbital Views",
        "Boats on the flooded quay (Photo: Harbour Watch)",
        "Illustration",
        "Satellite image ©2024 Orbital Views",
        "In this photo released by the fire brigade, a boat rescues a family.",
        "Flooded quay in the harbour district. REUTERS/Jan Visser",
    ],
)
def test_caption_lines(line: str) -> None:
    text = _ARTICLE.format(line=line)
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, line)[0] == "caption"
    assert label_of(text, segments, "Water rose")[0] == "body"
    assert label_of(text, segments, "Residents were told")[0] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "Pictures from the scene showed water pouring over the harbour wall, officials said.",
        "The brigade released a photo of the flooded quay on Tuesday and asked people to keep out.",
        "Photographers were not allowed into the harbour district while the water was rising.",
    ],
)
def test_sentences_about_pictures_stay_body(line: str) -> None:
    text = _ARTICLE.format(line=line)
    assert label_of(text, segment_text(text), line)[0] == "body"


def test_repeated_caption_lines() -> None:
    text = _ARTICLE.format(
        line="Volunteers fill sandbags by the canal.\n"
        "Volunteers fill sandbags by the canal. © Lakeside Press"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    first = text.index("Volunteers fill sandbags")
    caps = [s for s in segments if s.kind == "caption"]
    assert len(caps) == 2 and caps[0].start == first
    assert {s.reason for s in caps} == {"repeated-caption", "photo-credit"}


@pytest.mark.parametrize(
    ("glued", "caption", "body"),
    [
        (
            "A rescue boat near the pier. IllustrationThe harbour master said the pier was closed.",
            "A rescue boat near the pier. Illustration",
            "The harbour master said the pier was closed.",
        ),
        (
            "Flooded street in the old town. Photo from social mediaResidents said it came fast.",
            "Flooded street in the old town. Photo from social media",
            "Residents said it came fast.",
        ),
        (
            "Sandbags at the canal (Photo: Port Authority)Officials said the canal would reopen.",
            "Sandbags at the canal (Photo: Port Authority)",
            "Officials said the canal would reopen.",
        ),
        (
            "Divers search the river. Photo: AFPThe search was suspended at nightfall on Sunday.",
            "Divers search the river. Photo: AFP",
            "The search was suspended at nightfall on Sunday.",
        ),
        (
            "The lock gates at dawn. Photo: Lake Watch/Ion PopA dozen barges waited on Monday.",
            "The lock gates at dawn. Photo: Lake Watch/Ion Pop",
            "A dozen barges waited on Monday.",
        ),
        (
            "Firefighters on the burning jetty on MondayThe blaze spread quickly along the deck.",
            "Firefighters on the burning jetty on Monday",
            "The blaze spread quickly along the deck.",
        ),
    ],
)
def test_glued_caption_is_split(glued: str, caption: str, body: str) -> None:
    text = _ARTICLE.format(line=glued)
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, caption)[0] == "caption"
    at = text.index(caption)
    cap_seg = next(s for s in segments if s.start == at)
    assert text[cap_seg.start : cap_seg.end] == caption
    assert label_of(text, segments, body) == ("body", "paragraph")


@pytest.mark.parametrize(
    "sentence",
    [
        "A video posted on YouTube by a resident shows the river bursting its banks near the mill.",
        "She bought an iPhone in the shop by the bridge minutes before the water reached the door.",
        "He had eaten at McDonald's near the station before the ferry left the harbour.",
        "Governor DeSantis said the state would send pumps to the flooded district on Monday.",
        "Officials said the UAVs used to survey the dam were grounded because of strong winds.",
        "The PlayStation in the flooded shop was the only thing the owner saved, he said.",
        "A LinkedIn post by the engineer warned about the cracks in the dam wall last year.",
        "Photo posted on YouTube shows the river bursting its banks near the old mill.",
    ],
)
def test_camel_case_is_not_split(sentence: str) -> None:
    text = _ARTICLE.format(line=sentence)
    segments = segment_text(text)
    assert_valid(text, segments)
    label_of(text, segments, sentence)  # raises if the sentence was cut into pieces


@pytest.mark.parametrize(
    "sentence",
    [
        "A year ago, NASA said the probe would reach the comet by the end of the decade.",
        "The office referred the call to the FBI in the capital, who took over the case.",
        "Residents shared the hashtag #FloodWeCan to organise volunteers along the river bank.",
        "Hospitals now use the electronic patient record (ePA)",
    ],
)
def test_acronyms_hashtags_and_brackets_are_not_captions(sentence: str) -> None:
    text = _ARTICLE.format(line=sentence)
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, sentence)[0] == "body"


def test_long_paragraph_with_glued_credit_keeps_body() -> None:
    paragraph = (
        "The water reached the first floor of the school. Teachers moved pupils upstairs. "
        "Parents were told to collect them from the sports hall. Buses were sent at noon."
    )
    text = _ARTICLE.format(line=paragraph + " Photo: Harbour Watch")
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, paragraph)[0] == "body"
    assert label_of(text, segments, "Photo: Harbour Watch") == ("caption", "photo-credit")


# --- boilerplate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share it...", "share-prompt"),
        ("Share this article on Facebook", "share-prompt"),
        ("Facebook Twitter WhatsApp Email", "share-prompt"),
        ("Leave a Reply", "comment-prompt"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comment-prompt",
        ),
        ("12 Comments", "comment-prompt"),
        ("Sign up for our newsletter", "newsletter"),
        ("Subscribe to the River Times morning briefing", "newsletter"),
        ("Follow us on Telegram", "follow-prompt"),
        ("Read more: Canal reopens after repairs", "read-more"),
        ("READ MORE: Canal reopens after repairs", "read-more"),
        ("WATCH: Drone footage of the flooded valley", "video-teaser"),
        ("LOOK. Drone footage of the flooded valley", "video-teaser"),
        ("VIDEO: Drone footage of the flooded valley", "video-teaser"),
        (
            "We use cookies to improve your experience. Accept all cookies to continue.",
            "cookie-notice",
        ),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("© 2024 River Times. All rights reserved.", "copyright"),
        ("The Harbour Wire contributed to this report.", "wire-credit"),
        ("Additional reporting by Ana Pop; editing by Radu Ene", "reporting-credit"),
        ("By Ana Pop, River Times", "byline"),
        ("4 min read", "reading-time"),
        ("Tags: flood, harbour, storm", "tags"),
        ("Home > News > Coast", "breadcrumb"),
        ("Privacy Policy | Terms of Use | Contact", "footer-links"),
        ("* * *", "separator"),
    ],
)
def test_page_furniture_lines(line: str, reason: str) -> None:
    text = _ARTICLE.format(line=line)
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, line) == ("boilerplate", reason)
    assert label_of(text, segments, "Water rose")[0] == "body"


@pytest.mark.parametrize(
    "sentence",
    [
        "Share prices of the shipping company fell sharply after the accident on Monday.",
        "The council said in its newsletter that the dyke would be raised next year.",
        "By Tuesday evening the water had gone down and the roads were reopened.",
        "Comments made by the mayor on local radio angered residents of the harbour district.",
        "Follow-up inspections found more cracks in the dam wall, the engineers said.",
        "Watch crews worked through the night to pump water out of the underground car park.",
    ],
)
def test_sentences_like_furniture_stay_body(sentence: str) -> None:
    text = _ARTICLE.format(line=sentence)
    assert label_of(text, segment_text(text), sentence)[0] == "body"


def test_section_label_and_subheads() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "Rescue work\n\n"
        "Boats took 40 people from the upper floors of flooded houses before dawn on Tuesday.\n\n"
        "Economy\n\n"
        "Shop owners said the damage would cost them several months of takings this year.\n\n"
        "World News\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, "Rescue work") == ("body", "subhead")
    assert label_of(text, segments, "Economy") == ("body", "subhead")
    assert label_of(text, segments, "World News") == ("boilerplate", "section-label")


def test_author_bio_at_the_end() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "Residents were told to stay indoors until the water had gone down on Tuesday.\n\n"
        "Dana Moraru\n\n"
        "Dana is a reporter covering the coast and its ports. She has written about storms and "
        "shipping for ten years and lives by the sea.\n\n"
        "Related Articles\n"
        "Canal reopens after repairs\n"
        "Why the dyke failed in 2019\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, "Dana Moraru") == ("boilerplate", "author-bio")
    assert label_of(text, segments, "Dana is a reporter")[0] == "boilerplate"
    assert label_of(text, segments, "Related Articles") == ("boilerplate", "related-articles")
    assert label_of(text, segments, "Why the dyke failed in 2019") == (
        "boilerplate",
        "related-articles",
    )
    assert label_of(text, segments, "Residents were told")[0] == "body"


def test_person_described_inside_the_article_stays_body() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Ion Barbu\n\n"
        "Barbu is a former harbour master who warned about the dyke for years, residents said.\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said on Tuesday."
    )
    segments = segment_text(text)
    assert label_of(text, segments, "Barbu is a former harbour master")[0] == "body"


def test_newsletter_box_lines_are_boilerplate() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "newsletter icon\n"
        "Sign up for Coast Morning\n"
        "Everything that happened overnight, in one email.\n"
        "Short, useful and never boring.\n"
        "By registering you agree to our Privacy Policy.\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    for line in text.split("\n\n")[-1].strip().splitlines():
        assert label_of(text, segments, line) == ("boilerplate", "newsletter"), line


def test_html_derived_text() -> None:
    title = "Dam spillway opened as reservoir nears capacity"
    paragraphs = [
        "Engineers opened the spillway of the mountain dam on Sunday as the reservoir rose.",
        "Villages downstream were warned to expect higher water in the river for several days.",
        "Spillway works",
        "The spillway was rebuilt in 2021 after cracks were found in the concrete, it said.",
        "Sign up for our newsletter",
        "Related articles",
        "River levels rise across the region",
        "Why reservoirs fill up in spring",
    ]
    text = title + "\n\n" + "\n".join(paragraphs)
    segments = segment_text(text, title=title)
    assert_valid(text, segments)
    assert segments[0].kind == "headline"
    for sentence in (paragraphs[0], paragraphs[1], paragraphs[3]):
        assert label_of(text, segments, sentence) == ("body", "paragraph")
    assert label_of(text, segments, "Spillway works") == ("body", "subhead")
    for line in paragraphs[4:]:
        assert label_of(text, segments, line)[0] == "boilerplate"


def test_title_that_is_a_shortened_first_line() -> None:
    text = (
        "Ferry sinks near the delta | Lakeside Herald\n\nThe ferry sank near the delta on Friday."
    )
    segments = segment_text(text, title="Ferry sinks near the delta")
    assert label_of(text, segments, "Ferry sinks near the delta") == ("headline", "title")
    assert label_of(text, segments, "| Lakeside Herald") == ("boilerplate", "site-label")
    longer = (
        "Ferry sinks near the delta: dozens missing\n\nThe ferry sank near the delta on Friday."
    )
    segments = segment_text(longer, title="Ferry sinks near the delta")
    assert label_of(longer, segments, "Ferry sinks near the delta: dozens missing")[0] == "headline"
    glued = "Ferry sinks near the delta The ferry sank near the delta on Friday, officials said."
    segments = segment_text(glued, title="Ferry sinks near the delta")
    assert segments[0] == Segment(0, 26, "headline", "title")
    assert label_of(glued, segments, "The ferry sank")[0] == "body"


def test_lists_closing_an_article_stay_body() -> None:
    title = "Tour dates announced for the river festival"
    lines = [
        "The festival returns this summer with concerts in five towns on the river, they said.",
        "Tickets go on sale on Friday morning.",
        "Festival dates:",
        "June 10 -- Harbour Stage, Galati",
        "June 17 -- Old Fort, Braila",
        "June 24 -- Riverside Park, Tulcea",
    ]
    text = title + "\n\n" + "\n".join(lines)
    segments = segment_text(text, title=title)
    assert_valid(text, segments)
    for line in lines:
        assert label_of(text, segments, line)[0] == "body", line
    # one paragraph per line (HTML-derived): long lines without a full stop are not joined
    assert label_of(text, segments, "June 10 -- Harbour Stage, Galati")[0] == "body"
    assert all(text[s.start : s.end].count("\n") == 0 for s in segments)


def test_bare_author_name_closing_the_page() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "Dana Moraru\n"
    )
    assert label_of(text, segment_text(text), "Dana Moraru") == ("boilerplate", "trailing-label")


def test_comment_section_after_its_heading() -> None:
    text = (
        "Storm floods harbour district\n\n"
        "Water rose a metre in the harbour district overnight, the fire brigade said.\n\n"
        "Residents were told to stay indoors until the water had gone down on Tuesday.\n\n"
        "Top Rated Comments\n"
        "riverfan\n"
        "This has happened three times since the new dyke was built and nobody listens.\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert label_of(text, segments, "Top Rated Comments") == ("boilerplate", "comment-prompt")
    assert label_of(text, segments, "This has happened three times")[0] == "boilerplate"
    assert label_of(text, segments, "Residents were told")[0] == "body"


def test_hard_wrapped_paragraph_is_one_segment() -> None:
    text = (
        "Dam spillway opened\n\n"
        "Engineers opened the spillway of the mountain dam on Sunday as the\n"
        "reservoir neared capacity, the operator of the dam said in a statement.\n"
        "Villages downstream were warned.\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    whole = "Engineers opened the spillway of the mountain dam on Sunday as the\nreservoir"
    assert label_of(text, segments, whole) == ("body", "paragraph")


# --- every body sentence stays body -------------------------------------------------------------

_BODY_SENTENCES = [
    "Rescuers pulled 12 people from the river after the ferry capsized near the island on Sunday.",
    "The river authority said the ferry had been carrying more passengers than allowed.",
    "“We heard a loud bang and then the deck tilted,” said one passenger, who gave his first name.",
    "Police are questioning the captain, the authority added in a statement.",
    "The crossing, one of the busiest on the lower river, was closed until further notice.",
]


def test_every_body_sentence_of_a_fixture_stays_in_body() -> None:
    text = "\n\n".join(
        [
            "Ferry capsizes near river island | Lower River",
            "June 2, 2024 08:10 EET",
            "Rescue boats near the island. Photo: River Police" + _BODY_SENTENCES[0],
            _BODY_SENTENCES[1],
            "Share this article",
            _BODY_SENTENCES[2],
            "WATCH: The moment the ferry tilted",
            _BODY_SENTENCES[3] + " " + _BODY_SENTENCES[4],
            "Leave a Reply",
            "Your email address will not be published.",
        ]
    )
    document = segment_document(
        make_doc(text, title="Ferry capsizes near river island | Lower River")
    )
    assert_valid(text, document.segments)
    for sentence in _BODY_SENTENCES:
        assert label_of(text, document.segments, sentence)[0] == "body", sentence
    furniture = [
        "| Lower River",
        "Share this article",
        "WATCH:",
        "Leave a Reply",
        "Photo: River Police",
    ]
    for needle in furniture:
        assert label_of(text, document.segments, needle)[0] in ("boilerplate", "caption"), needle


# --- contract properties ------------------------------------------------------------------------


def test_empty_and_blank_texts() -> None:
    assert segment_text("") == ()
    assert segment_text(" \n\t\u2028 \r\n") == ()
    assert segment_text("Flood") == (Segment(0, 5, "body", "paragraph"),)


def test_crlf_and_unicode_line_breaks() -> None:
    text = (
        "Bridge closed after cracks found\r\n\r\n"
        "Engineers closed the bridge on Monday.\u2028Traffic was diverted.\r\n"
    )
    segments = segment_text(text)
    assert_valid(text, segments)
    assert segments[0].kind == "headline"


def test_segment_document_is_idempotent_and_deterministic() -> None:
    text = (CORPUS / "pontic-post.txt").read_text(encoding="utf-8")
    doc = make_doc(text, title=text.splitlines()[0])
    once = segment_document(doc)
    twice = segment_document(once)
    assert once.segments == twice.segments
    assert once == dataclasses.replace(doc, segments=once.segments)
    assert segment_document(make_doc(text, title=text.splitlines()[0])).segments == once.segments


_ALPHABET = st.sampled_from(
    list("abcXYZ .,;:!?-–—|/()[]*#©@\"“”’'0123456789")
    + ["\n", "\n\n", "\t", "\r\n", "\xa0", "\u2028", "é", "ț", "Ж"]
)
_LINES = st.sampled_from(
    [
        "Ferry capsizes near river island",
        "Rescuers pulled 12 people from the river after the ferry capsized on Sunday.",
        "Share it...",
        "Leave a Reply",
        "Related Articles",
        "World News",
        "Dana Moraru",
        "Dana is a reporter covering the coast.",
        "10 May, 2024 Boats at the quay. Photo: Harbour Watch",
        "Rescue boats near the island. IllustrationThe captain was questioned.",
        "File photo of the island.",
        "File photo of the island. © Lakeside Press",
        "ROTTERDAM (Harbour Wire) - A barge hit a pier on Monday, the port said.",
        "Sign up for our newsletter",
        "Short, useful and never boring.",
        "WATCH: Drone footage",
        "   ",
        "",
        "* * *",
        "# Heading",
        "![alt](img.png)",
        "By Ana Pop | 12.03.2024",
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_ALPHABET, max_size=200).map("".join), title=st.none() | st.text(max_size=20))
def test_contract_holds_on_random_text(text: str, title: str | None) -> None:
    assert_valid(text, segment_text(text, title=title))


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(_LINES, max_size=25),
    separator=st.sampled_from(["\n", "\n\n", "\r\n"]),
    use_title=st.booleans(),
)
def test_contract_holds_on_random_articles(
    lines: list[str], separator: str, use_title: bool
) -> None:
    text = separator.join(lines)
    title = lines[0] if use_title and lines else None
    segments = segment_text(text, title=title)
    assert_valid(text, segments)
    assert segment_text(text, title=title) == segments


# --- the example corpus -------------------------------------------------------------------------

#: Furniture placed in the example corpus on purpose (see examples/README.md).
_CORPUS_FURNITURE = {
    "pontic-post.txt": [
        "| Pontic Post",
        "Share this article",
        "Facebook Twitter WhatsApp Email",
        "Firefighters at the burning depot late on Tuesday. Photo: Pontic Post/Ana Ilie",
        "READ MORE:",
        "Residents return to their street on Wednesday morning.\n",
        "© Pontic Post",
        "Subscribe to the Pontic Post newsletter",
        "Get our morning briefing straight to your inbox.",
        "By subscribing you agree",
        "Ana Ilie\n",
        "Ana is a reporter",
        "Related Articles",
        "Ferry services resume after winter storm damage",
    ],
    "riverside-gazette.txt": [
        "Smoke over the port of Constantza on Tuesday evening. Photo: EEN",
        "Eastern Europe Newswire contributed to this report.",
        "Follow us on Facebook",
        "WATCH:",
        "Leave a Reply",
        "Your email address will not be published.",
        "Comment *",
        "Name *",
        "Email *",
        "Save my name",
    ],
    "green-coast-watch.md": [
        "![Volunteers taking water samples",
        "*Volunteers take water samples near the canal entrance on Wednesday.",
        "Share this post",
        "**Subscribe to our newsletter**",
        "*Green Coast Watch is a volunteer group",
    ],
}
_CORPUS_BODY = {
    "pontic-post.txt": [
        "Two firefighters were injured and nine people were treated in hospital",
        "Two firefighters were slightly injured when part of the roof collapsed",
        "The fire could have been caused by an electrical fault",
        "The town hall opened a school gym",
    ],
    "riverside-gazette.txt": [
        "A fire broke out on Tuesday at a chemical warehouse",
        "Smoke from the fire was visible from the resort town of Mangalia",
        "Emergency services spokesman Radu Tanase said",
    ],
    "green-coast-watch.md": [
        "started late on Monday",
        "we counted dozens of dead fish",
        "Hundreds of people living near the port",
        "Daily water measurements at the canal entrance",
    ],
}


@pytest.mark.parametrize("name", sorted(_CORPUS_FURNITURE))
def test_example_corpus_furniture_is_labelled(name: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    for title in (None, first.lstrip("# ")):
        document = segment_document(make_doc(text, title=title))
        assert_valid(text, document.segments)
        assert document.segments[0].kind == "headline"
        for needle in _CORPUS_FURNITURE[name]:
            kind, _ = label_of(text, document.segments, needle)
            assert kind in ("boilerplate", "caption"), (name, needle)
        for needle in _CORPUS_BODY[name]:
            assert label_of(text, document.segments, needle)[0] == "body", (name, needle)


def test_example_corpus_wire_record_has_dateline() -> None:
    record = json.loads((CORPUS / "een-wire.jsonl").read_text(encoding="utf-8").splitlines()[0])
    text = record["title"] + "\n\n" + record["maintext"]
    segments = segment_document(make_doc(text, title=record["title"])).segments
    assert_valid(text, segments)
    assert label_of(text, segments, "CONSTANTA, Romania, March 12 (EEN) -") == (
        "dateline",
        "wire-dateline",
    )
    assert label_of(text, segments, "(Reporting by EEN staff")[0] == "boilerplate"
    assert label_of(text, segments, "A fire broke out on Tuesday")[0] == "body"


def test_example_corpus_readme_says_fiction() -> None:
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    assert "fiction" in readme.lower()
    for name in (
        "dobrogea-daily.html",
        "coastline-news.html",
        "coastline-news-feed.xml",
        "een-wire.jsonl",
        "riverside-gazette.txt",
        "pontic-post.txt",
        "green-coast-watch.md",
    ):
        assert (CORPUS / name).is_file() and name in readme
