"""The README and CI stay honest about commands, errors and the CLI."""

from __future__ import annotations

import re
from pathlib import Path

from marsad import errors
from marsad.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    first, second = blocks[0], blocks[1]
    assert README.index(first) < README.index("## ")
    assert "pip install ." in first and "marsad extract" in first
    assert "pip install -e '.[test,spark]'" in second and second.rstrip().endswith("pytest")
    assert "\n" not in first and "\n" not in second


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "set -euo pipefail" in ci


def test_every_error_code_is_documented() -> None:
    codes = set(re.findall(r"E\d{3}", errors.__doc__ or ""))
    assert codes and all(f"| {code} |" in README for code in codes)


def test_every_command_is_documented() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:  # type: ignore[union-attr]
        assert f"marsad {name}" in README
