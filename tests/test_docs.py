"""Docs and code agree: a command, option or setting that is not documented fails here."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click

from collation.cli import main
from collation.config import Options
from collation.evaluate import TASKS

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme, flags=re.S)[:2]


def test_readme_opens_with_install_and_test_commands_used_by_ci() -> None:
    run_cmd, test_cmd = _readme_commands()
    assert "-c constraints.txt" in run_cmd and "collate run examples/corpus" in run_cmd
    assert "-c constraints.txt" in test_cmd and "pytest" in test_cmd
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci
    assert "collate run examples/corpus --out out/example" in ci


def test_constraints_pin_cpu_torch() -> None:
    assert "torch==2.13.0" in (ROOT / "constraints.txt").read_text().split()


def test_every_command_and_option_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert isinstance(main, click.Group)
    for name, command in main.commands.items():
        assert f"`collate {name}" in doc, f"command {name} missing from docs/cli.md"
        for param in command.params:
            if isinstance(param, click.Option):
                flag = max(param.opts, key=len)
                assert f"`{flag}" in doc or f"{flag} " in doc, f"{name} {flag} missing from docs/cli.md"


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Options):
        assert f"| `{f.name}` |" in doc, f"setting {f.name} missing from docs/configuration.md"


def test_every_eval_task_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for task in TASKS:
        assert f"`{task}`" in doc


def test_schema_copy_in_docs_matches_package() -> None:
    packaged = (ROOT / "collation" / "schema" / "collation.schema.json").read_bytes()
    assert (ROOT / "docs" / "collation.schema.json").read_bytes() == packaged


def test_error_codes_are_documented() -> None:
    import collation.errors as errors

    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for obj in vars(errors).values():
        if isinstance(obj, type) and issubclass(obj, errors.CollationError) and obj.code != "E000":
            assert f"| {obj.code} | {obj.__name__} |" in doc
