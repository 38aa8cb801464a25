"""One Settings object: each setting has a name, a default and help; values
come from defaults, then a config file (`marsad.toml`, or the file named by
$MARSAD_CONFIG), then the environment (MARSAD_<NAME>), then command-line
flags. Secrets (the API token) are read from the environment only."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    secret: bool = False

    @property
    def env(self) -> str:
        return f"MARSAD_{self.name.upper()}"


SETTINGS = (
    Setting("db", "marsad.db", "the store: a SQLite path or a postgresql:// URL"),
    Setting("workers", 1, "processes that extract figures during ingest, or that serve the API"),
    Setting("max_bytes", 50 * 1024 * 1024, "inputs (and web archive records) larger than this are reported, not read"),
    Setting("max_unpacked_bytes", 16 * 1024**3,
            "a .warc.gz stops being read when it decompresses to more than this (a .gz read whole: max_bytes)"),
    Setting("fetch_seconds", 60.0, "a URL whose download takes longer than this in all is reported"),
    Setting("max_depth", 64, "JSON records whose lists and objects nest deeper than this are reported"),
    Setting("max_text_chars", 2_000_000, "an article text longer than this (characters) is reported, not stored"),
    Setting("max_field_chars", 2000, "an article's url, title, outlet, id or date longer than this is reported"),
    Setting("max_figures", 1000, "figures kept per document; the rest are dropped and the document reported"),
    Setting("host", "127.0.0.1", "address `marsad serve` listens on"),
    Setting("port", 8000, "port `marsad serve` listens on"),
    Setting("cache_seconds", 1.0,
            "the API checks the store for changes at most this often (its own writes show at once)"),
    Setting("token", None, "the API token that enables writes (environment only)", secret=True),
)
BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings; `Settings.load(cli={...})` applies the precedence chain."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    @classmethod
    def load(cls, cli: dict[str, Any] | None = None, config: str | Path | None = None,
             environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        values = {s.name: s.default for s in SETTINGS}
        path = Path(config or env.get("MARSAD_CONFIG") or "marsad.toml")
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise MarsadError("E106", f"{path}: not valid TOML ({exc})") from exc
            for key, value in data.items():
                setting = BY_NAME.get(key)
                if setting is None or setting.secret:
                    raise MarsadError("E106", f"{path}: {key!r} is not a setting that a file may hold")
                values[key] = value
        for s in SETTINGS:
            if s.env in env:
                values[s.name] = _typed(s, env[s.env])
        for key, value in (cli or {}).items():
            if value is not None and key in BY_NAME and not BY_NAME[key].secret:
                values[key] = value
        return cls(values)


def _typed(setting: Setting, raw: str) -> Any:
    """An environment value as the setting's type (numbers stay numbers)."""
    if isinstance(setting.default, (int, float)) and not isinstance(setting.default, bool):
        try:
            return type(setting.default)(raw)
        except ValueError as exc:
            raise MarsadError("E106", f"{setting.env}={raw!r} is not a number") from exc
    return raw
