"""A generator of synthetic multi-outlet news corpora, for throughput and scaling benchmarks.

Everything is generated from our own templates and word lists (no real article text):
stories are invented events in real cities, each reported by several invented outlets
that vary the wording, hedge differently, disagree on a number now and then and add page
furniture. Article length and entity density are set to look like wire copy (~700 words,
a named entity every ~12 words). Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CITIES = [
    ("Lyon", "France"), ("Porto", "Portugal"), ("Gdansk", "Poland"), ("Thessaloniki", "Greece"),
    ("Valencia", "Spain"), ("Turin", "Italy"), ("Rotterdam", "the Netherlands"), ("Antwerp", "Belgium"),
    ("Leipzig", "Germany"), ("Brno", "Czech Republic"), ("Cluj-Napoca", "Romania"), ("Varna", "Bulgaria"),
    ("Izmir", "Turkey"), ("Tbilisi", "Georgia"), ("Almaty", "Kazakhstan"), ("Osaka", "Japan"),
    ("Busan", "South Korea"), ("Surabaya", "Indonesia"), ("Cebu", "the Philippines"), ("Pune", "India"),
    ("Chittagong", "Bangladesh"), ("Mombasa", "Kenya"), ("Durban", "South Africa"), ("Accra", "Ghana"),
    ("Recife", "Brazil"), ("Rosario", "Argentina"), ("Valparaiso", "Chile"), ("Guadalajara", "Mexico"),
    ("Winnipeg", "Canada"), ("Tampa", "the United States"), ("Perth", "Australia"), ("Dunedin", "New Zealand"),
]
FIRST = ["Anna", "Marek", "Sofia", "Jonas", "Leila", "Tomas", "Ines", "Pavel", "Amara", "Kenji", "Lucia",
         "Omar", "Helga", "Ravi", "Nadia", "Diego", "Mei", "Samuel", "Irena", "Yusuf"]
LAST = ["Novak", "Ferreira", "Kowalski", "Haddad", "Lindqvist", "Moreau", "Okafor", "Tanaka", "Rossi",
        "Petrova", "Silva", "Brennan", "Nakamura", "Castillo", "Weber", "Dimitrov", "Mensah", "Aydin"]
ROLES = ["the city's mayor", "a spokesperson for the regional government", "the fire chief",
         "the head of the port authority", "a senior police official", "the environment minister",
         "an engineer with the utility", "the company's chief executive"]
OUTLETS = ["Harbour Herald", "Daily Meridian", "The Northern Ledger", "Capital Wire", "Evening Courier",
           "Coastline News", "Metro Dispatch", "Valley Tribune", "Global Desk", "Morning Sentinel"]
EVENTS = [
    ("fire", "a fire broke out at a {noun} warehouse", ["warehouse", "fertiliser", "timber", "textile"]),
    ("flood", "flooding swept through low-lying districts after {noun} rain", ["torrential", "record"]),
    ("strike", "dock workers began a strike over {noun}", ["pay", "safety rules", "pensions"]),
    ("collapse", "part of a {noun} collapsed", ["road bridge", "parking garage", "footbridge"]),
    ("outage", "a power outage left districts without electricity after a {noun} failed",
     ["substation", "transformer", "transmission line"]),
    ("spill", "an oil spill spread along the coast after a {noun} ran aground", ["tanker", "cargo ship"]),
]
HEDGES = ["may", "could", "is believed to", "appears to", "is likely to"]
CUES = ["said", "told reporters", "said in a statement", "confirmed", "added"]
FURNITURE = ["Share this article", "Sign up for our morning newsletter", "Related Articles",
             "Follow us on social media", "Photo: Staff photographer"]
QUOTES = [
    "We are doing everything we can to help the families",
    "Our first concern is the safety of everyone who lives near {district}",
    "It will take weeks before we understand what went wrong on {street}",
    "Nobody in {city} should have to go through a night like this",
    "We warned {company} about this more than once",
    "The crews worked through the night and they deserve our thanks",
    "There will be a full and independent investigation",
    "We are asking people to stay away from {district} until further notice",
    "The damage is worse than we feared this morning",
    "Compensation for the families of {district} is our priority",
]
DENIALS = [
    "{company} denied that it had ignored earlier warnings, a spokesperson said on {weekday}.",
    "A lawyer for {company} rejected claims that safety checks had been skipped.",
    "{company} said on {weekday} it had complied with every inspection in {country}.",
    "{company} disputed the official figures and said fewer people had been affected.",
]
HEADLINES = [
    "{kind} in {city}: {n} people affected, officials say",
    "{city} {kind} leaves {n} people affected",
    "Questions for {company} after {kind} in {city}",
    "{district} residents count the cost of {city} {kind}",
    "Officials in {city} say {n} affected by {kind}",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
# Filler templates carry the story's own names and numbers, as real follow-up paragraphs do;
# identical boilerplate-like filler across stories would make unrelated events look alike.
FILLER = [
    "Residents of {district} described scenes of confusion as emergency services arrived in {city}.",
    "Shops along {street} said the disruption in {city} would cost them {k} days of trade.",
    "The authorities in {city} set up a hotline for relatives, {person} said, adding that {n} calls came in.",
    "Traffic around {district} was diverted for most of the day, according to {company}.",
    "Opposition politicians in {country} called for an inquiry into {company} and its contractors.",
    "{person} said similar incidents had been reported near {district} in {year}.",
    "Schools in {district} remained closed while inspectors from {city} assessed the damage.",
    "Volunteers handed out water and blankets to {n} families from {district}, {person} said.",
    "Insurers said it was too early to estimate what {company} might have to pay in {country}.",
    "Television in {country} broadcast footage of {district} throughout the afternoon.",
    "{company} said its engineers had inspected the site on {street} {k} weeks earlier.",
    "Police in {city} said {k} people had been questioned but no one had been charged.",
]
STREETS = ["Harbour Road", "Mill Lane", "Station Street", "Canal Walk", "Market Square", "Quay Street",
           "Orchard Avenue", "Bridge Street", "Foundry Lane", "Castle Hill"]
DISTRICTS = ["Northgate", "Riverside", "Old Town", "Eastfield", "Westmoor", "Southbank", "Hillcrest",
             "Portside", "Greenhill", "Lowfield", "Brookside", "Highcross"]


@dataclass(frozen=True)
class Article:
    """One generated article; ``story`` is the gold story number."""

    story: int
    outlet: str
    title: str
    text: str
    published: str


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _story_articles(number: int, rng: random.Random, outlets: int, words: int) -> Iterator[Article]:
    city, country = rng.choice(CITIES)
    kind, template, nouns = rng.choice(EVENTS)
    what = template.format(noun=rng.choice(nouns))
    month = rng.randrange(12)
    day = rng.randrange(1, 28)
    year = 2020 + rng.randrange(5)
    people = [(_person(rng), rng.choice(ROLES)) for _ in range(4)]
    count = rng.randrange(20, 900)
    distance = rng.randrange(5, 400)
    company = f"{rng.choice(LAST)} {rng.choice(['Logistics', 'Holdings', 'Energy', 'Shipping'])}"
    district = f"{rng.choice(DISTRICTS)} {rng.choice(['', 'North ', 'Upper '])}".strip()
    street = rng.choice(STREETS)
    quote = rng.choice(QUOTES)
    denial = rng.choice(DENIALS)
    headlines = rng.sample(HEADLINES, 3)
    for k in range(outlets):
        outlet = OUTLETS[(number + k) % len(OUTLETS)]
        reported = count if rng.random() > 0.3 else int(count * rng.choice([0.6, 1.5]))
        speaker, role = people[k % len(people)]
        weekday = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        title = rng.choice(headlines).format(kind=kind, city=city, n=reported, company=company,
                                             district=district)
        title = title[0].upper() + title[1:]
        body = [
            f"{city.upper()} ({outlet}) - In {city}, {country}, {what} on {MONTHS[month]} {day}, "
            f"{role} {speaker} {rng.choice(CUES)}.",
            f"About {reported} people were affected, according to {people[(k + 1) % 4][0]}, "
            f"{people[(k + 1) % 4][1]}.",
            f"The site lies roughly {distance} km from the centre of {city}, and {company} "
            f"{rng.choice(HEDGES)} face questions over maintenance records.",
            f"\"{quote.format(district=district, street=street, city=city, company=company)},\" "
            f"{speaker.split()[1]} said.",
            denial.format(company=company, weekday=weekday, country=country),
        ]
        slots = {"city": city, "country": country, "company": company, "district": district,
                 "street": street, "year": year - 1 - rng.randrange(5)}
        while sum(len(p.split()) for p in body) < words:
            body.append(rng.choice(FILLER).format(
                person=rng.choice(people)[0], n=rng.randrange(12, 400), k=rng.randrange(2, 9), **slots))
            if rng.random() < 0.25:
                other, orole = rng.choice(people)
                body.append(f"{other}, {orole}, said work would continue until early next year.")
        if rng.random() < 0.5:
            body.insert(rng.randrange(2, len(body)), rng.choice(FURNITURE))
        body.append(rng.choice(FURNITURE))
        yield Article(
            story=number,
            outlet=outlet,
            title=title,
            text=title + "\n\n" + "\n\n".join(body) + "\n",
            published=f"{year}-{month + 1:02d}-{min(day + rng.randrange(2), 28):02d}",
        )


def generate(articles: int, *, seed: int = 7, words: int = 700) -> list[Article]:
    """About ``articles`` articles in stories of 1-12 outlets each."""
    rng = random.Random(seed)
    out: list[Article] = []
    number = 0
    while len(out) < articles:
        size = min(rng.choice([1, 2, 3, 4, 5, 6, 8, 12]), articles - len(out))
        out.extend(_story_articles(number, rng, size, words))
        number += 1
    return out


def write_jsonl(articles: list[Article], path: Path) -> Path:
    """Write news-crawler-shaped JSON lines (title, maintext, date_publish, source_domain)."""
    with path.open("w", encoding="utf-8") as fh:
        for i, a in enumerate(articles):
            record = {
                "title": a.title,
                "maintext": a.text.split("\n\n", 1)[1],
                "url": f"https://{a.outlet.lower().replace(' ', '')}.example/{i}",
                "date_publish": a.published,
                "source_domain": a.outlet.lower().replace(" ", "") + ".example",
                "language": "en",
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_jsonl(generate(args.articles, seed=args.seed), args.out)


if __name__ == "__main__":
    main()
