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
    Setting("max_bytes", 50 * 1024 * 1024, "inputs larger than this are reported, not read"),
    Setting("host", "127.0.0.1", "address `marsad serve` listens on"),
    Setting("port", 8000, "port `marsad serve` listens on"),
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
                values[s.name] = type(s.default)(env[s.env]) if isinstance(s.default, int) else env[s.env]
        for key, value in (cli or {}).items():
            if value is not None and key in BY_NAME and not BY_NAME[key].secret:
                values[key] = value
        return cls(values)
