"""Settings: the precedence chain, secrets from the environment only, docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_defaults_then_file_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text('db = "from-file.db"\nworkers = 3\nport = 9000\n', encoding="utf-8")
    s = Settings.load(config=config, environ={"MARSAD_WORKERS": "4"}, cli={"port": 9100, "db": None})
    assert (s.db, s.workers, s.port, s.host) == ("from-file.db", 4, 9100, "127.0.0.1")


def test_the_token_comes_from_the_environment_only(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text('token = "in-a-file"\n', encoding="utf-8")
    with pytest.raises(MarsadError, match="E106"):
        Settings.load(config=config, environ={})
    assert Settings.load(config=tmp_path / "none.toml", environ={"MARSAD_TOKEN": "t"}, cli={"token": "x"}).token == "t"


def test_a_broken_config_file_is_a_clear_error(tmp_path: Path) -> None:
    config = tmp_path / "marsad.toml"
    config.write_text("db = \n", encoding="utf-8")
    with pytest.raises(MarsadError, match="E106"):
        Settings.load(config=config, environ={})


def test_every_setting_is_documented() -> None:
    for setting in SETTINGS:
        assert f"| `{setting.name}` |" in README, setting.name
