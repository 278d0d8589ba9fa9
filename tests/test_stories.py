"""Story clustering: events kept apart, details in conflict kept together, incremental runs
equal full runs, input order irrelevant, state round-trips; plus the clustering metrics."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix

from collation.config import Options
from collation.errors import StageError
from collation.evaluate.clustering import (
    b3_scores,
    half_split,
    load_ecbplus,
    load_news_cluster,
    pairwise_scores,
)
from collation.ids import record_id
from collation.records import Document, Story
from collation.stories import (
    ClusterState,
    StorySettings,
    blocking,
    cluster_stories,
    refine,
    retired_stories,
)
from collation.stories.features import (
    DIM,
    DocFeatures,
    article_passages,
    article_vectors,
    cheap_keys,
    document_features,
    is_blocking_key,
    lead_text,
    quantise,
)
from collation.stories.refine import _cut, refine_blocks
from collation.stories.scoring import (
    FeatureTable,
    block_scores,
    candidate_pairs,
    condensed_content,
    pair_scores,
)

from .story_fixtures import ARTICLES, documents_and_groups, make_document, tollerby_documents

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
    assert state.features_fingerprint.startswith("hashed:")


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


# --------------------------------------------------------------------------- scaling rules


def _brute_candidates(
    matrix: np.ndarray, reach: np.ndarray, dated: np.ndarray, days: np.ndarray,
    window: int, rows: set[int],
) -> dict[tuple[int, int], set[int]]:
    """The candidate rule written out naively: pair -> keys through which it is compared."""
    pairs: dict[tuple[int, int], set[int]] = {}
    for key in range(matrix.shape[1]):
        members = [r for r in range(matrix.shape[0]) if matrix[r, key] and r in rows]
        members.sort(key=lambda r: (not dated[r], days[r] if dated[r] else 0, r))
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 1 + int(reach[key])]:
                if dated[a] and dated[b] and abs(int(days[a]) - int(days[b])) > window:
                    continue
                pairs.setdefault((min(a, b), max(a, b)), set()).add(key)
    return pairs


def test_bounded_neighbourhood_candidates_and_lost_pairs_match_the_rule() -> None:
    rng = np.random.default_rng(7)
    for _ in range(120):
        n, m = int(rng.integers(2, 25)), int(rng.integers(1, 5))
        matrix = (rng.random((n, m)) < rng.uniform(0.2, 0.9)).astype(np.float64)
        dated = rng.random(n) < 0.8
        days = np.where(dated, rng.integers(0, 20, n), 0)
        reach = rng.integers(0, 5, m)
        window = int(rng.integers(0, 15))
        index = blocking.KeyIndex(csr_matrix(matrix), reach, dated, days)
        full = _brute_candidates(matrix, reach, dated, days, window, set(range(n)))

        fresh = rng.random(n) < 0.5
        left, right = blocking.candidate_pairs(index, dated, days, fresh, window=window)
        expected = {p for p in full if fresh[p[0]] or fresh[p[1]]}
        assert set(zip(left.tolist(), right.tolist(), strict=True)) == expected

        subset = np.flatnonzero(rng.random(n) < 0.6)
        inside = set(subset.tolist())
        left, right = blocking.candidate_pairs(
            index, dated, days, np.ones(n, dtype=bool), window=window, subset=subset
        )
        expected = {p for p in full if p[0] in inside and p[1] in inside}
        assert set(zip(left.tolist(), right.tolist(), strict=True)) == expected

        new = rng.random(n) < 0.3
        before = _brute_candidates(
            matrix, reach, dated, days, window, set(np.flatnonzero(~new).tolist())
        )
        lost = {p for p, keys in before.items() if keys - full.get(p, set())}
        left, right = blocking.lost_pairs(index, dated, days, new, window=window)
        assert set(zip(left.tolist(), right.tolist(), strict=True)) == lost


def test_incremental_equals_full_when_new_documents_cut_old_edges() -> None:
    first_quarry, vote, fete, last_quarry = tollerby_documents()
    tight = Options(
        extra={"stories": {"embedding": "hashed", "key_neighbours": 1, "common_key_neighbours": 1}}
    )
    settings = StorySettings.from_options(tight)
    # Alone, the two quarry reports are neighbours in the "tollerby" bucket and one story.
    stories, state, _ = cluster_stories([first_quarry, last_quarry], options=tight)
    assert len(stories) == 1
    # Two reports published between them push them out of each other's neighbourhood, so
    # the edge that joined them is cut ...
    features = sorted(state.documents + tuple(_features([vote, fete])), key=lambda f: f.id)
    table = FeatureTable(features, settings)
    new = np.array([f.id in {vote.id, fete.id} for f in features])
    left, right = blocking.lost_pairs(
        table.index, table.dated, table.days, new, window=settings.key_days
    )
    assert len(left) == 1
    assert pair_scores(table, left, right, settings)[0] >= settings.edge_threshold
    # ... and the incremental run returns exactly what a full run on all four returns.
    full, full_state, _ = cluster_stories([first_quarry, vote, fete, last_quarry], options=tight)
    assert len(full) == 4
    again, again_state, changed = cluster_stories([fete, vote], state=state, options=tight)
    assert again == full
    assert again_state.to_json() == full_state.to_json()
    # The old story keeps its id (same anchor) but lost a member, so it counts as changed.
    assert stories[0].id in {s.id for s in full}
    assert changed == frozenset(s.id for s in full)


def _features(documents: list[Document]) -> list[DocFeatures]:
    return document_features(documents, mode="hashed")


def test_common_keys_open_pairs_only_with_a_neighbourhood() -> None:
    texts = [
        "Google said on Monday it would close its offices in Lisbon for a week.",
        "Google will shut its Lisbon offices for a week, the company said on Monday.",
    ]
    documents = [
        make_document({"group": "g", "outlet": f"o{i}", "published": "2024-01-08",
                       "title": f"Offices close {i}", "text": text})
        for i, text in enumerate(texts)
    ]
    features = sorted(_features(documents), key=lambda f: f.id)
    shared = features[0].keys & features[1].keys
    assert "google" in shared and not any(is_blocking_key(k) for k in shared)
    for reach, expected in ((5, 1), (0, 0)):
        settings = StorySettings(embedding="hashed", common_key_neighbours=reach)
        table = FeatureTable(features, settings)
        left, _ = candidate_pairs(table, np.ones(2, dtype=bool), settings)
        assert len(left) == expected


def _unit(cosine: float) -> bytes:
    """int8 vector at the given cosine to the first axis (in the plane of axes 0 and 1)."""
    vector = np.zeros((1, DIM))
    vector[0, 0], vector[0, 1] = cosine, np.sqrt(1 - cosine**2)
    return quantise(vector)[0]


def _refined(days: list[int], vectors: list[bytes], merge_pass: bool) -> list[list[int]]:
    features = [
        DocFeatures(id=f"d{i:02d}", day=738000 + day, keys=frozenset(), vector=v, title="t")
        for i, (day, v) in enumerate(zip(days, vectors, strict=True))
    ]
    settings = StorySettings(embedding="hashed", merge_pass=merge_pass)
    table = FeatureTable(features, settings)
    clusters = refine_blocks(table, [np.arange(len(features))], settings)
    return sorted(sorted(int(r) for r in c) for c in clusters)


def test_merge_pass_keeps_follow_ups_of_long_stories_but_not_other_bursts() -> None:
    # A story covered for two months, and a follow-up 15 days after its last article that
    # reads a little differently (cosine 0.75). Every pair penalty of the follow-up is large,
    # so average linkage alone splits it off; relative to the story's spread the gap is
    # small, so the merge pass joins it.
    story = [0, 20, 40, 60]
    vectors = [_unit(1.0)] * 4 + [_unit(0.75)]
    assert _refined(story + [75], vectors, merge_pass=False) == [[0, 1, 2, 3], [4]]
    assert _refined(story + [75], vectors, merge_pass=True) == [[0, 1, 2, 3, 4]]
    # Two one-day bursts ten days apart that read just as alike stay two stories.
    bursts = [_unit(1.0)] * 2 + [_unit(0.75)] * 2
    assert _refined([0, 0, 10, 10], bursts, merge_pass=True) == [[0, 1], [2, 3]]


def test_article_passages_and_length_weighted_vectors() -> None:
    sentences = [f"Sentence number {n} talks about the Harrowgate ferry timetable." for n in range(40)]
    document = make_document({"group": "x", "outlet": "o", "published": "2024-02-02",
                              "title": "Ferry timetable changes", "text": " ".join(sentences)})
    passages = article_passages(document, passages=4)
    assert len(passages) == 4
    assert passages[0] == lead_text(document)
    assert all(len(p) <= 600 for p in passages)
    assert passages[1].startswith(sentences[3])  # the passages follow the lead in order
    assert len(article_passages(document, passages=1)) == 1
    # A short closing line shared by two unrelated articles (here a passage of its own,
    # after a three-sentence lead) barely moves their vectors: passages weigh by length.
    notice = "This report may not be copied or passed on without the publisher's consent."
    leads = [
        "The Harrowgate ferry will run every half hour from May. The operator added two boats "
        "to the route this winter. Fares stay the same until the autumn.",
        "Apple growers in the Vell valley picked a record crop this year. A warm spring and "
        "late rain helped the orchards. Cider makers expect a busy season.",
    ]
    docs = [
        make_document({"group": "x", "outlet": "o", "published": "2024-02-02",
                       "title": f"Local Round Up Number {n}", "text": f"{lead} {notice}"})
        for n, lead in enumerate(leads)
    ]
    assert [article_passages(d)[-1] for d in docs] == [notice, notice]
    vectors = article_vectors(docs, passages=4, mode="hashed", model="")
    # (An unweighted mean of the two passages gives these two about 0.57.)
    assert float(vectors[0] @ vectors[1]) < 0.4


def test_invalid_story_settings_are_refused() -> None:
    for bad in ({"passages": 0}, {"key_neighbours": 0}, {"common_key_neighbours": -1}):
        with pytest.raises(StageError):
            StorySettings.from_options(Options(extra={"stories": bad}))


def test_flat_cut_matches_scipy_fcluster() -> None:
    rng = np.random.default_rng(3)
    for trial in range(200):
        n = int(rng.integers(2, 30))
        distances = rng.random(n * (n - 1) // 2) * 2
        if trial % 3 == 0:
            distances = np.round(distances, 1)  # ties
        tree = linkage(distances, method="average")
        height = float(rng.random() * 2)
        ours = _cut(tree, n, height)
        theirs = fcluster(tree, t=height, criterion="distance")
        assert len(set(zip(ours.tolist(), theirs.tolist(), strict=True))) == len(set(theirs))
        assert len(set(ours.tolist())) == len(set(theirs.tolist()))


def test_half_split_by_label_parity() -> None:
    halves = half_split({"a": "4", "b": "4", "c": "7", "d": "10"})
    assert halves == {"even": {"a": "4", "b": "4", "d": "10"}, "odd": {"c": "7"}}
    topics = half_split({"a": "3ecb", "b": "3ecbplus", "c": "12ecb"})
    assert topics == {"even": {"c": "12ecb"}, "odd": {"a": "3ecb", "b": "3ecbplus"}}
    named = half_split({"a": "x", "b": "y", "c": "z"})
    assert named == {"even": {"a": "x", "c": "z"}, "odd": {"b": "y"}}


def test_dense_and_batched_block_scoring_agree(
    corpus: tuple[list[Document], dict[str, str]],
    full_run: tuple[list[Story], ClusterState, frozenset[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Large blocks are scored as one matrix product, small ones pair by pair in batches;
    # both must give the same scores exactly, or results would depend on block sizes.
    documents, _ = corpus
    stories, _, _ = full_run
    monkeypatch.setattr(refine, "DENSE_BLOCK", 2)
    dense, _, _ = cluster_stories(documents, options=OPTIONS)
    assert dense == stories
    features = sorted(_features(documents), key=lambda f: f.id)
    settings = StorySettings(embedding="hashed")
    table = FeatureTable(features, settings)
    rows = np.arange(len(features))
    upper_i, upper_j = np.triu_indices(len(rows), k=1)
    for timed in (True, False):
        matrix = block_scores(table, rows, settings, timed=timed)[upper_i, upper_j]
        pairs = pair_scores(table, upper_i, upper_j, settings, timed=timed)
        assert np.array_equal(matrix, pairs)
    content = pair_scores(table, upper_i, upper_j, settings, timed=False)
    assert np.array_equal(condensed_content(table, rows, settings), content)
