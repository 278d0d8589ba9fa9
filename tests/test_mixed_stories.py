"""A mixed folder (seeds + our example corpus + unrelated articles) splits into stories,
with per-story reports, an index page, and `--story` for one story."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from collation import Options, collate
from collation.cli import main

from .conftest import EXAMPLES, SEEDS

UNRELATED = {
    "orchard.txt": (
        "Cherry growers in Kent report a record harvest\n\n"
        "Fruit farmers in Kent said on Monday that this summer's cherry harvest was the largest "
        "in a decade, with about 12,000 tonnes picked by the end of July. The county's growers' "
        "association credited a warm spring and new rain covers over the orchards.\n\n"
        "Prices at the wholesale market in London fell by nearly a fifth as the fruit arrived, "
        "the association's chair, Margaret Olsen, told reporters."
    ),
    "chess.txt": (
        "Teenager wins national chess championship in Reykjavik\n\n"
        "A 16-year-old from Akureyri won Iceland's national chess championship in Reykjavik on "
        "Sunday, finishing the nine rounds unbeaten with seven points. Officials said it was the "
        "first time in forty years that the title went to a player under eighteen.\n\n"
        "The tournament drew 64 players and was broadcast online for the first time."
    ),
    "ferry.txt": (
        "Ferry service to Gotland suspended after storm damages pier\n\n"
        "The ferry operator serving Gotland suspended crossings from Nynashamn on Wednesday after "
        "a storm damaged the pier at Visby, the company said. About 3,000 passengers had "
        "booked crossings for the rest of the week.\n\n"
        "Engineers were inspecting the pier and repairs could take until early next month, a "
        "spokesperson for the port said."
    ),
}


def test_mixed_folder_splits_into_stories(tmp_path: Path) -> None:
    extra = tmp_path / "unrelated"
    extra.mkdir()
    for name, text in UNRELATED.items():
        (extra / name).write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = collate([str(SEEDS), str(EXAMPLES), str(extra)], out, Options(quiet=True))
    data = json.loads((out / "collation.json").read_text(encoding="utf-8"))
    story_of = {d["source"]: d["story"] for d in data["documents"]}
    seeds = {story_of[s] for s in story_of if s.startswith(str(SEEDS))}
    examples = {story_of[s] for s in story_of if s.startswith(str(EXAMPLES))}
    others = [story_of[s] for s in story_of if s.startswith(str(extra))]
    assert len(seeds) == 1, "the five seeds are one story"
    assert len(examples) == 1, "the example corpus is one story"
    assert seeds.isdisjoint(examples)
    assert len(set(others)) == 3 and not set(others) & (seeds | examples)
    assert summary.stories == len(data["stories"]) == 5

    index = (out / "index.html").read_text(encoding="utf-8")
    for story in data["stories"]:
        assert f"stories/{story['id']}/report.html" in index
        assert (out / "stories" / story["id"] / "report.html").is_file()

    (seed_story,) = seeds
    again = collate([str(SEEDS), str(EXAMPLES), str(extra)], out, Options(quiet=True, story=seed_story))
    assert again.documents_new == 0 and again.stories_analysed == (seed_story,)
    one = CliRunner().invoke(main, ["report", str(out), "--story", seed_story])
    assert one.exit_code == 0, one.output
    assert (out / "stories" / seed_story / "report.md").is_file()
    bad = CliRunner().invoke(main, ["report", str(out), "--story", "s-nope"])
    assert bad.exit_code == 2 and "no story" in bad.output
