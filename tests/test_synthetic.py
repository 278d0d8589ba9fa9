"""The synthetic news generator (bench/synthetic.py): deterministic, sized, varied.

No models: these check the generator's own promises, not the pipeline.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from bench.synthetic import KINDS, RELATED, Article, generate, write_jsonl

_WORD = re.compile(r"[a-z][a-z'\-]+")
# Function words and news verbs every story uses; what is left is a story's own vocabulary.
_FUNCTION = frozenset(
    """
    the a an and or but of to in on at for from by with as that this these those it its is
    are was were be been has have had not no after before about over into than then there
    their they them he she his her we our you your who which what when where while would
    could should will can may might said says told also more most other some all any one
    two three four five six seven eight nine ten per cent day days week weeks month year
    years monday tuesday wednesday thursday friday saturday sunday morning evening night
    since until up out so if because least about many much new first last
    """.split()
)


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    return generate(1000, seed=7)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _FUNCTION and len(w) > 3}


def test_same_seed_same_corpus_and_other_seed_differs() -> None:
    first = generate(60, seed=11)
    assert first == generate(60, seed=11)
    other = generate(60, seed=12)
    assert [a.text for a in first] != [a.text for a in other]


def test_exact_count_and_lengths_near_target(corpus: list[Article]) -> None:
    assert len(corpus) == 1000
    for article in corpus:
        assert abs(len(article.text.split()) - 700) <= 0.15 * 700
    short = generate(40, seed=3, words=300)
    assert all(abs(len(a.text.split()) - 300) <= 0.15 * 300 for a in short)


def test_story_sizes_are_heavy_tailed(corpus: list[Article]) -> None:
    sizes = Counter(a.story for a in corpus)
    assert 1 in sizes.values()
    assert max(sizes.values()) >= 8
    # mostly small stories, as in a real news stream
    assert sum(1 for s in sizes.values() if s <= 3) > 0.6 * len(sizes)


def test_outlets_unique_within_story_and_facts_shared(corpus: list[Article]) -> None:
    by_story: dict[int, list[Article]] = defaultdict(list)
    for article in corpus:
        by_story[article.story].append(article)
    for articles in by_story.values():
        outlets = [a.outlet for a in articles]
        assert len(outlets) == len(set(outlets))
        assert len({a.kind for a in articles}) == 1
    # outlets of one story report the same facts: they share much more than stories do
    big = [arts for arts in by_story.values() if len(arts) >= 2]
    a, b = big[0][:2]
    assert _jaccard(_content_words(a.text), _content_words(b.text)) > 0.4


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def test_stories_of_different_kinds_share_little_vocabulary(corpus: list[Article]) -> None:
    first_of_kind: dict[str, Article] = {}
    for article in corpus:
        first_of_kind.setdefault(article.kind, article)
    assert len(first_of_kind) >= 20
    kinds = sorted(first_of_kind)
    # Related kinds (a heatwave and a drought) borrow a few of each other's facts on purpose.
    scores = [
        _jaccard(_content_words(first_of_kind[x].text), _content_words(first_of_kind[y].text))
        for i, x in enumerate(kinds)
        for y in kinds[i + 1 :]
        if y not in RELATED[x] and x not in RELATED[y]
    ]
    assert len(scores) > 200
    # Shared words are function-like news words and the short follow-up paragraphs; a
    # story's facts, names and numbers are its own.
    assert sorted(scores)[len(scores) // 2] < 0.2
    assert sum(scores) / len(scores) < 0.2
    assert max(scores) < 0.35


def test_every_kind_renders_and_dates_are_spread() -> None:
    articles = generate(3000, seed=5)
    assert {a.kind for a in articles} == {k.name for k in KINDS}
    years = {a.published[:4] for a in articles}
    assert len(years) >= 5
    assert not any("{" in a.text or "}" in a.text for a in articles)


def test_write_jsonl_is_news_crawler_shaped(tmp_path: Path) -> None:
    articles = generate(5, seed=2)
    path = write_jsonl(articles, tmp_path / "c.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == [a.title for a in articles]
    assert all(a.text.startswith(r["title"] + "\n\n" + r["maintext"][:20])
               for a, r in zip(articles, records, strict=True))
    assert {"url", "date_publish", "source_domain", "language"} <= set(records[0])
