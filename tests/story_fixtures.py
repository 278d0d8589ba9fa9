"""Invented short news articles for the story tests (written for these tests; no real reports).

Groups (the expected stories):
- ``flood_a``: river flood in Ashbourne, March 2024; outlets disagree on the death toll.
- ``flood_b``: flash flood in Kelso, July 2024 (same topic, another event).
- ``drone_a``: drone attack on the port of Odesa, May 2024; outlets disagree on drone counts.
- ``drone_b``: drone attack on a power plant near Kharkiv ten days later (same topic).
- ``launch``: a phone launch; ``match``: a football final (unrelated singletons).
"""

from __future__ import annotations

from collation.ids import document_id
from collation.records import Document

ARTICLES: list[dict[str, str]] = [
    {
        "group": "flood_a",
        "outlet": "northern-herald.example",
        "published": "2024-03-11",
        "title": "Four dead as River Dove bursts its banks in Ashbourne",
        "text": (
            "Four people died and hundreds were evacuated after the River Dove burst its banks "
            "in Ashbourne on Sunday night, Derbyshire Fire and Rescue Service said. Water rose "
            "more than a metre in the market square within two hours. The Environment Agency "
            "had issued a severe flood warning for the Dove valley on Saturday. Mayor Helen "
            "Pryce said emergency shelters at Queen Elizabeth School were full by midnight."
        ),
    },
    {
        "group": "flood_a",
        "outlet": "midlands-daily.example",
        "published": "2024-03-11",
        "title": "Ashbourne flood: six killed, town centre under water",
        "text": (
            "At least six people were killed when the River Dove flooded Ashbourne overnight, "
            "according to Derbyshire police. Rescue crews used boats to reach residents trapped "
            "in the market square. The Environment Agency said its severe flood warning had "
            "been in place since Saturday. Mayor Helen Pryce called it the worst flood the "
            "town had seen in living memory."
        ),
    },
    {
        "group": "flood_a",
        "outlet": "county-wire.example",
        "published": "2024-03-12",
        "title": "Derbyshire counts cost of Ashbourne floods",
        "text": (
            "Clean-up began in Ashbourne on Tuesday after the River Dove flood that killed five "
            "people, Derbyshire County Council said. Insurers estimate damage at 40 million "
            "pounds. Mayor Helen Pryce thanked Derbyshire Fire and Rescue Service and "
            "volunteers who filled sandbags through the night."
        ),
    },
    {
        "group": "flood_b",
        "outlet": "northern-herald.example",
        "published": "2024-07-22",
        "title": "Flash flood sweeps through Kelso after cloudburst",
        "text": (
            "A flash flood swept through Kelso in the Scottish Borders on Monday after a "
            "cloudburst dropped a month of rain in three hours. Two people died when the River "
            "Tweed rose over the Abbey Row embankment, Police Scotland said. The Scottish "
            "Environment Protection Agency had warned of surface water flooding. Councillor "
            "Iain Rutherford said the Kelso rugby club was being used as a rest centre."
        ),
    },
    {
        "group": "flood_b",
        "outlet": "borders-today.example",
        "published": "2024-07-23",
        "title": "Kelso residents return after Tweed flash flood",
        "text": (
            "Residents of Kelso began returning home on Tuesday after Monday's flash flood on "
            "the River Tweed, which killed two people. Police Scotland reopened Abbey Row. "
            "Councillor Iain Rutherford said the Scottish Borders Council would inspect the "
            "embankment and the old bridge before the weekend."
        ),
    },
    {
        "group": "drone_a",
        "outlet": "eastern-wire.example",
        "published": "2024-05-04",
        "title": "Drones strike Odesa port, grain terminal ablaze",
        "text": (
            "Russian drones struck the port of Odesa overnight, setting a grain terminal on "
            "fire, Ukraine's Southern Defence Forces said on Saturday. The air force said it "
            "shot down 12 of 15 Shahed drones over the Odesa region. Governor Oleh Kiper said "
            "three dock workers were injured at the Pivdennyi terminal."
        ),
    },
    {
        "group": "drone_a",
        "outlet": "black-sea-news.example",
        "published": "2024-05-04",
        "title": "Odesa grain terminal hit in overnight drone attack",
        "text": (
            "An overnight drone attack hit a grain terminal in the port of Odesa, Governor "
            "Oleh Kiper said. Ukraine's air force reported that 18 Shahed drones were launched "
            "and 14 were destroyed. Five dock workers were hurt and the Pivdennyi terminal "
            "suspended loading, the Southern Defence Forces said."
        ),
    },
    {
        "group": "drone_b",
        "outlet": "eastern-wire.example",
        "published": "2024-05-14",
        "title": "Drone attack knocks out power plant near Kharkiv",
        "text": (
            "A Russian drone attack damaged the Zmiivska thermal power plant near Kharkiv on "
            "Tuesday, leaving 200,000 homes without electricity, Governor Oleh Syniehubov said. "
            "Ukraine's air force said it downed 9 of 11 drones over the Kharkiv region. "
            "Ukrenergo said repairs would take weeks."
        ),
    },
    {
        "group": "drone_b",
        "outlet": "kyiv-morning.example",
        "published": "2024-05-14",
        "title": "Kharkiv region blacked out after strike on Zmiivska plant",
        "text": (
            "Drones hit the Zmiivska power plant outside Kharkiv overnight, cutting power to "
            "much of the region, Governor Oleh Syniehubov said on Tuesday. Ukrenergo said "
            "emergency shutdowns were in force. The air force said 11 drones were launched."
        ),
    },
    {
        "group": "launch",
        "outlet": "gadget-desk.example",
        "published": "2024-05-04",
        "title": "Nordtel unveils folding phone with week-long battery",
        "text": (
            "Nordtel unveiled the Fjord Fold in Stockholm on Saturday, a folding phone it says "
            "lasts a week on one charge. Chief executive Sara Lindqvist said it goes on sale in "
            "June for 999 euros."
        ),
    },
    {
        "group": "match",
        "outlet": "sports-line.example",
        "published": "2024-05-25",
        "title": "Leverkusen win cup final in extra time",
        "text": (
            "Bayer Leverkusen beat Kaiserslautern 2-1 after extra time in the cup final in "
            "Berlin on Saturday. Coach Xabi Alonso praised his side's patience at the Olympic "
            "Stadium."
        ),
    },
]

#: A wire copy of the first article: a new headline and one word changed.
WIRE_COPY = {
    "group": "flood_a",
    "outlet": "regional-syndicate.example",
    "published": "2024-03-11",
    "title": "River Dove floods Ashbourne, four dead",
    "text": (
        "Four people died and hundreds were evacuated after the River Dove burst its banks "
        "in Ashbourne on Sunday night, Derbyshire Fire and Rescue Service said. Water rose "
        "more than a metre in the town square within two hours. The Environment Agency "
        "had issued a severe flood warning for the Dove valley on Saturday. Mayor Helen "
        "Pryce said emergency shelters at Queen Elizabeth School were full by midnight."
    ),
}


def make_document(article: dict[str, str]) -> Document:
    """A ``Document`` for one invented article (title as the first line of the text)."""
    text = f"{article['title']}\n\n{article['text']}"
    return Document(
        id=document_id(text),
        source=f"{article['outlet']}/{article['published']}",
        title=article["title"],
        outlet=article["outlet"],
        url=None,
        published=article["published"],
        published_basis="metadata",
        language="en",
        text=text,
    )


def documents_and_groups(
    articles: list[dict[str, str]] | None = None,
) -> tuple[list[Document], dict[str, str]]:
    """Documents of ``articles`` (default: all) and doc id -> expected group."""
    chosen = ARTICLES if articles is None else articles
    documents = [make_document(a) for a in chosen]
    return documents, {d.id: a["group"] for d, a in zip(documents, chosen, strict=True)}



#: Two reports of one quarry accident four days apart, and two unrelated reports from the
#: same town published between them (invented). All four share one rare key, "Tollerby".
TOLLERBY = [
    ("quarry", "2024-09-01", "A wall collapsed at the Tollerby quarry, trapping two workers "
     "in the pit for six hours before rescuers reached them, said site manager Brannoch."),
    ("vote", "2024-09-02", "Voters in Tollerby chose Ilse Varnaby as their new mayor after a "
     "count that ran through the night at the Corrin hall."),
    ("fete", "2024-09-03", "The summer fete in Tollerby raised money for the Dellamere library "
     "roof, and the Pemberwick band of Oswin Tarrant played until dusk."),
    ("quarry", "2024-09-05", "Two workers trapped in the pit when a wall collapsed at the "
     "Tollerby quarry were freed by rescuers after six hours, inspector Quillan said."),
]


def tollerby_documents() -> list[Document]:
    """The four Tollerby reports, oldest first (titles are title case, so add no keys)."""
    return [
        make_document(
            {"group": group, "outlet": "valley-post.example", "published": day,
             "title": f"News From The Valley Today {n}", "text": text}
        )
        for n, (group, day, text) in enumerate(TOLLERBY)
    ]
