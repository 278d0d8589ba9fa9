"""Story clustering: events kept apart, details in conflict kept together, incremental runs
equal full runs, input order irrelevant, state round-trips; plus the clustering metrics."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from pathlib import Path

import pytest

from collation.config import Options
from collation.errors import StageError
from collation.evaluate.clustering import (
    b3_scores,
    load_ecbplus,
    load_news_cluster,
    pairwise_scores,
)
from collation.ids import record_id
from collation.records import Document, Story
from collation.stories import ClusterState, cluster_stories, retired_stories
from collation.stories.features import cheap_keys, lead_text

from .story_fixtures import ARTICLES, documents_and_groups, make_document

OPTIONS = Options()


def _partition(stories: list[Story], groups: dict[str, str]) -> set[frozenset[str]]:
    """Stories as sets of expected group names per member (for readable failures)."""
    return {frozenset(f"{groups[d]}:{d}" for d in s.documents) for s in stories}


def _expected(groups: dict[str, str]) -> set[frozenset[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for doc_id, group in groups.items():
        members[group].add(f"{group}:{doc_id}")
    return {frozenset(m) for m in members.values()}


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Document], dict[str, str]]:
    return documents_and_groups()


@pytest.fixture(scope="module")
def full_run(
    corpus: tuple[list[Document], dict[str, str]],
) -> tuple[list[Story], ClusterState, frozenset[str]]:
    documents, _ = corpus
    return cluster_stories(documents, options=OPTIONS)


def test_events_separated_and_conflicting_details_kept_together(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    _, groups = corpus
    stories, _, changed = full_run
    # flood_a (4, 5 and 6 dead) and drone_a (12/15 vs 14/18 drones) stay whole; flood_b and
    # drone_b (same kind of event, other place and date) are their own stories.
    assert _partition(stories, groups) == _expected(groups)
    assert changed == frozenset(s.id for s in stories)
    assert [s.id for s in stories] == sorted(s.id for s in stories)


def test_story_records(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    documents, groups = corpus
    by_id = {d.id: d for d in documents}
    stories, _, _ = full_run
    for story in stories:
        members = [by_id[d] for d in story.documents]
        dates = sorted(d.published for d in members if d.published)
        assert (story.start, story.end) == (dates[0], dates[-1])
        assert story.label in {d.title for d in members}
        first = min(members, key=lambda d: (d.published or "9999", d.id))
        assert story.id == record_id("s", first.id)
        assert list(story.documents) == sorted(story.documents)
    flood_a = next(s for s in stories if groups[s.documents[0]] == "flood_a")
    assert (flood_a.start, flood_a.end) == ("2024-03-11", "2024-03-12")


def test_input_order_does_not_change_stories(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    documents, _ = corpus
    stories, state, _ = full_run
    shuffled = documents[3:] + list(reversed(documents[:3]))
    again, again_state, _ = cluster_stories(shuffled + shuffled[:2], options=OPTIONS)
    assert again == stories
    assert again_state.to_json() == state.to_json()


def test_incremental_equals_full_run_and_touches_only_changed(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    documents, groups = corpus
    stories, state, _ = full_run
    first = [d for d in documents if groups[d.id] != "flood_b"] + [documents[3]]
    later = [documents[4]]  # the second Kelso article, published a day after the first
    early_stories, early_state, _ = cluster_stories(first, options=OPTIONS)
    kelso_before = next(s for s in early_stories if documents[3].id in s.documents)

    # Passing already-known documents again changes nothing.
    final, final_state, changed = cluster_stories(
        later + first[:2], state=early_state, options=OPTIONS
    )
    assert final == stories
    assert final_state.to_json() == state.to_json()
    kelso_after = next(s for s in final if documents[4].id in s.documents)
    assert kelso_after.id == kelso_before.id  # a story that grows keeps its id
    assert changed == frozenset({kelso_after.id})
    untouched = [s for s in early_stories if s.id != kelso_before.id]
    assert all(s in final for s in untouched)
    assert retired_stories(early_state, final_state) == {}


def test_incremental_in_three_steps_equals_full(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    documents, _ = corpus
    stories, state, _ = full_run
    step: ClusterState | None = None
    for chunk in (documents[1::3], documents[2::3], documents[0::3]):
        _, step, _ = cluster_stories(chunk, state=step, options=OPTIONS)
    assert step is not None
    assert step.stories == tuple(stories)
    assert step.blocks == state.blocks


def test_bridging_article_merges_and_keeps_older_id() -> None:
    documents, _ = documents_and_groups(ARTICLES[:3])
    stories, state, _ = cluster_stories([documents[0], documents[2]], options=OPTIONS)
    # Without the middle article the first and third may or may not link; with it they must.
    merged, merged_state, changed = cluster_stories([documents[1]], state=state, options=OPTIONS)
    assert len(merged) == 1
    assert merged[0].id == record_id("s", min(d.id for d in documents[:2]))
    assert changed == frozenset({merged[0].id})
    retired = retired_stories(state, merged_state)
    assert set(retired) == {s.id for s in stories} - {merged[0].id}
    assert set(retired.values()) <= {merged[0].id}


def test_state_json_round_trip(full_run: tuple[list[Story], ClusterState, frozenset[str]]) -> None:
    _, state, _ = full_run
    text = state.to_json()
    json.loads(text)  # plain JSON, storable as TEXT
    restored = ClusterState.from_json(text)
    assert restored == state
    assert restored.to_json() == text


def test_bad_state_and_settings_are_refused(
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    _, state, _ = full_run
    with pytest.raises(StageError):
        ClusterState.from_json('{"version": 99}')
    with pytest.raises(StageError):
        ClusterState.from_json("not json")
    document = make_document(ARTICLES[9])
    hashed = Options(extra={"stories": {"embedding": "hashed"}})
    with pytest.raises(StageError):
        cluster_stories([document], state=state, options=hashed)
    with pytest.raises(StageError):
        cluster_stories([document], options=Options(extra={"stories": {"no_such": 1}}))


def test_changed_scoring_settings_recluster_everything(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
) -> None:
    documents, _ = corpus
    _, state, _ = full_run
    strict = Options(extra={"stories": {"edge_threshold": 5.0, "merge_threshold": 5.0}})
    stories, new_state, changed = cluster_stories([], state=state, options=strict)
    assert len(stories) == len(documents)  # nothing can link at an impossible threshold
    assert new_state.scoring_fingerprint != state.scoring_fingerprint
    assert changed == frozenset(s.id for s in stories if s not in state.stories)


def test_entity_keys_replace_cheap_keys(corpus: tuple[list[Document], dict[str, str]]) -> None:
    documents, _ = corpus
    keys = {documents[0].id: frozenset({"Ashbourne", "River  Dove"})}
    _, state, _ = cluster_stories(documents[:2], keys=keys, options=OPTIONS)
    stored = {f.id: f.keys for f in state.documents}
    assert stored[documents[0].id] == frozenset({"ashbourne", "river dove"})
    assert "ashbourne" in stored[documents[1].id]  # cheap keys for the other one


def test_hashed_mode_needs_no_model(corpus: tuple[list[Document], dict[str, str]]) -> None:
    documents, groups = corpus
    hashed = Options(extra={"stories": {"embedding": "hashed"}})
    stories, state, _ = cluster_stories(documents, options=hashed)
    assert sorted(d for s in stories for d in s.documents) == sorted(groups)
    assert state.features_fingerprint == "hashed:1"


def test_cheap_keys_and_lead() -> None:
    text = (
        "Officials in Biloxi. Coroner Gary Hargrove said the U.S. Army met two officials. "
        "Officials said John Kirby's team left."
    )
    keys = cheap_keys(text)
    assert {"biloxi", "coroner gary hargrove", "hargrove", "u.s. army", "john kirby", "kirby"} <= keys
    assert "officials" not in keys  # a sentence starter also used in lower case
    assert "biloxi. coroner gary hargrove" not in keys
    document = make_document(ARTICLES[0])
    lead = lead_text(document, sentences=1)
    assert lead.startswith(ARTICLES[0]["title"])
    assert "Water rose" not in lead


# --------------------------------------------------------------------------- metrics


def test_b3_and_pairwise_on_hand_examples() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
    perfect = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    assert b3_scores(gold, perfect) == (1.0, 1.0, 1.0)
    assert pairwise_scores(gold, perfect) == (1.0, 1.0, 1.0)
    lumped = {k: "x" for k in gold}
    p, r, f = b3_scores(gold, lumped)
    # B3 precision: a,b,c see 3/5 correct; d,e see 2/5 -> (3*0.6 + 2*0.4) / 5 = 0.52
    assert p == pytest.approx(0.52)
    assert r == 1.0
    assert f == pytest.approx(2 * 0.52 / 1.52)
    pp, pr, _ = pairwise_scores(gold, lumped)
    assert pp == pytest.approx(4 / 10) and pr == 1.0  # 3 + 1 gold pairs of 10
    split = {"a": "x", "b": "x", "c": "z", "d": "y", "e": "w"}
    p, r, _ = b3_scores(gold, split)
    assert p == 1.0
    # recall: a,b 2/3; c 1/3; d,e 1/2 -> (2/3 + 2/3 + 1/3 + 1/2 + 1/2) / 5
    assert r == pytest.approx((2 / 3 * 2 + 1 / 3 + 1) / 5)
    pp, pr, _ = pairwise_scores(gold, split)
    assert (pp, pr) == (1.0, pytest.approx(1 / 4))
    missing = b3_scores(gold, {})  # unclustered items count as singletons
    assert missing[0] == 1.0 and missing[1] < 1.0


def test_loaders_read_our_own_miniature_files(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for n, (event, title) in enumerate([(7, "Bridge closes"), (7, "Bridge shut"), (9, "Zoo opens")]):
        record = {
            "title": title,
            "text": f"Body {n} about {title.lower()}.",
            "date_publish": f"2020-01-0{n + 1} 10:00:00",
            "source_domain": f"outlet{n}.example",
            "url": f"https://outlet{n}.example/{n}",
            "newsCluster": {"EventId": event},
        }
        (news / f"{n}.json").write_text(json.dumps(record), encoding="utf-8")
    documents, gold = load_news_cluster(news)
    assert sorted(gold.values()) == ["7", "7", "9"]
    assert {d.published for d in documents} == {"2020-01-01", "2020-01-02", "2020-01-03"}
    assert all(d.text.startswith(d.title or "") for d in documents)

    ecb = tmp_path / "ECB+" / "4"
    ecb.mkdir(parents=True)
    tokens = [("http://x.example/a", 0), ("Fire", 1), ("hits", 1), ("store", 1), (".", 1)]
    body = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i}">{t}</token>' for i, (t, s) in enumerate(tokens)
    )
    (ecb / "4_1ecbplus.xml").write_text(f"<Document>{body}</Document>", encoding="utf-8")
    (ecb / "4_2ecb.xml").write_text(
        '<Document><token t_id="1" sentence="0" number="0">Fire</token>'
        '<token t_id="2" sentence="0" number="1">again</token></Document>',
        encoding="utf-8",
    )
    documents, gold = load_ecbplus(tmp_path)
    by_text = {d.text: d for d in documents}
    assert set(by_text) == {"Fire hits store.", "Fire again"}
    assert by_text["Fire hits store."].url == "http://x.example/a"
    assert sorted(gold.values()) == ["4ecb", "4ecbplus"]


def test_story_records_are_frozen(full_run: tuple[list[Story], ClusterState, frozenset[str]]) -> None:
    stories, _, _ = full_run
    with pytest.raises(dataclasses.FrozenInstanceError):
        stories[0].label = "x"  # type: ignore[misc]
