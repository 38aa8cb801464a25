"""The sources file of `marsad watch` (TOML or YAML): sources, alert rules, deliveries.

```toml
[watch]                      # optional; these are the defaults
host_delay = 1.0             # seconds between two requests to one host
timeout = 20.0               # seconds for one request
retries = 2                  # more tries of a request that failed (connection, timeout, 5xx)
max_articles = 50            # articles followed per poll of one source

[[source]]
name = "unhcr-news"          # unique: the store keeps each source's state under it
url = "https://www.unhcr.org/rss"
type = "feed"                # feed, section (a site's section page) or sitemap
language = "en"              # optional hint; detected when absent
interval = "15m"             # seconds, or 30s, 15m, 2h, 1d
follow = "/news/"            # section pages: only links whose URL matches this regular expression

[[alert]]
name = "Sudan above 100k"
rule = "threshold"           # new_flow, new_conflict, threshold, jump
country = "SD"               # optional filters: country (origin, destination or nationality), movement, kind
movement = "fled"
above = 100000               # threshold: a figure at or above this
# factor = 10                # jump: a total or rate at least this many times its previous value

[webhook]
url = "https://hooks.example.org/marsad"
secret_env = "MARSAD_WEBHOOK_SECRET"   # the shared secret is read from this environment variable

[email]
host = "smtp.example.org"
port = 587
starttls = true
sender = "marsad@example.org"
to = ["desk@example.org"]
user_env = "MARSAD_SMTP_USER"          # optional; credentials from the environment only
password_env = "MARSAD_SMTP_PASSWORD"
```

Anything wrong is E601 with the file, the entry and what is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.schema import FieldError, parse_filters

SOURCE_TYPES = ("feed", "section", "sitemap")
RULES = ("new_flow", "new_conflict", "threshold", "jump")
KINDS = ("total", "rate", "stock")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class SourceSpec:
    name: str
    url: str
    type: str = "feed"
    language: str | None = None
    interval: float = 900.0
    follow: str | None = None


@dataclass(frozen=True)
class AlertRule:
    name: str
    rule: str
    country: str | None = None
    movement: str | None = None
    kind: str | None = None
    above: int | None = None
    factor: float | None = None


@dataclass(frozen=True)
class Webhook:
    url: str
    secret_env: str | None = None

    @property
    def secret(self) -> bytes | None:
        value = os.environ.get(self.secret_env) if self.secret_env else None
        return value.encode("utf-8") if value else None


@dataclass(frozen=True)
class Email:
    host: str
    sender: str
    to: tuple[str, ...]
    port: int = 25
    starttls: bool = False
    user_env: str | None = None
    password_env: str | None = None


@dataclass(frozen=True)
class WatchConfig:
    sources: tuple[SourceSpec, ...]
    alerts: tuple[AlertRule, ...] = ()
    webhook: Webhook | None = None
    email: Email | None = None
    host_delay: float = 1.0
    timeout: float = 20.0
    retries: int = 2
    max_articles: int = 50


def load_config(path: str | Path) -> WatchConfig:
    """The sources file, checked; E601 names what is wrong."""
    path = Path(path)
    data = _read(path)
    where = str(path)
    watch = _table(data.get("watch", {}), where, "[watch]")
    _only(watch, where, "[watch]", ("host_delay", "timeout", "retries", "max_articles"))
    sources = tuple(_source(s, where, n) for n, s in enumerate(_list(data, "source", where), 1))
    if not sources:
        raise MarsadError("E601", f"{where}: no [[source]] to watch")
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        raise MarsadError("E601", f"{where}: source names must be unique ({', '.join(sorted(_dupes(names)))})")
    rules = tuple(_rule(r, where, n) for n, r in enumerate(_list(data, "alert", where), 1))
    unknown = set(data) - {"watch", "source", "alert", "webhook", "email"}
    if unknown:
        raise MarsadError("E601", f"{where}: unknown section {min(unknown)!r} (watch, source, alert, webhook, email)")
    return WatchConfig(sources, rules, _webhook(data.get("webhook"), where), _email(data.get("email"), where),
                       host_delay=_number(watch, "host_delay", 1.0, where, "[watch]"),
                       timeout=_number(watch, "timeout", 20.0, where, "[watch]"),
                       retries=int(_number(watch, "retries", 2, where, "[watch]")),
                       max_articles=int(_number(watch, "max_articles", 50, where, "[watch]")))


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MarsadError("E601", f"{path}: cannot read the sources file ({exc.__class__.__name__})") from exc
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text) or {}
        else:
            data = tomllib.loads(text)
    except Exception as exc:  # tomllib and yaml raise their own kinds; both mean "not valid"
        raise MarsadError("E601", f"{path}: not valid {'YAML' if path.suffix in ('.yaml', '.yml') else 'TOML'} "
                                  f"({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, dict):
        raise MarsadError("E601", f"{path}: the file must be a table of sections")
    return data


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise MarsadError("E601", f"{where}: {key!r} must be a list ([[{key}]] in TOML)")
    return value


def _table(value: Any, where: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise MarsadError("E601", f"{where}: {what} must be a table of keys")
    return value


def _only(entry: dict[str, Any], where: str, what: str, allowed: tuple[str, ...]) -> None:
    for key in entry:
        if key not in allowed:
            raise MarsadError("E601", f"{where}: {what}: unknown key {key!r} (allowed: {', '.join(allowed)})")


def _dupes(names: list[str]) -> set[str]:
    return {n for n in names if names.count(n) > 1}


def _text(entry: dict[str, Any], key: str, where: str, what: str, required: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise MarsadError("E601", f"{where}: {what}: {key!r} must be a non-empty string")
    return value.strip()


def _number(entry: dict[str, Any], key: str, default: float, where: str, what: str) -> float:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise MarsadError("E601", f"{where}: {what}: {key!r} must be a number ≥ 0, not {value!r}")
    return float(value)


def parse_interval(value: Any) -> float:
    """Seconds from 900, "900", "30s", "15m", "2h" or "1d"; ValueError otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(value))
    if not match or float(match[1]) <= 0:
        raise ValueError(value)
    return float(match[1]) * UNITS[match[2] or "s"]


def _source(entry: Any, where: str, n: int) -> SourceSpec:
    what = f"source {n}"
    entry = _table(entry, where, what)
    _only(entry, where, what, ("name", "url", "type", "language", "interval", "follow"))
    name = str(_text(entry, "name", where, what, required=True))
    what = f"source {name!r}"
    url = str(_text(entry, "url", where, what, required=True))
    if not url.startswith(("http://", "https://")):
        raise MarsadError("E601", f"{where}: {what}: url must start with http:// or https://, not {url!r}")
    kind = entry.get("type", "feed")
    if kind not in SOURCE_TYPES:
        raise MarsadError("E601", f"{where}: {what}: type must be one of {', '.join(SOURCE_TYPES)}, not {kind!r}")
    try:
        interval = parse_interval(entry.get("interval", 900))
    except ValueError:
        raise MarsadError("E601", f"{where}: {what}: interval must be seconds or like 30s, 15m, 2h, 1d, "
                                  f"not {entry.get('interval')!r}") from None
    follow = _text(entry, "follow", where, what)
    if follow is not None:
        try:
            re.compile(follow)
        except re.error as exc:
            raise MarsadError("E601", f"{where}: {what}: follow is not a regular expression ({exc})") from None
    language = _text(entry, "language", where, what)
    if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
        raise MarsadError("E601", f"{where}: {what}: language must be a code such as ar or en, not {language!r}")
    return SourceSpec(name, url, kind, language, interval, follow)


def _rule(entry: Any, where: str, n: int) -> AlertRule:
    what = f"alert {n}"
    entry = _table(entry, where, what)
    _only(entry, where, what, ("name", "rule", "country", "movement", "kind", "above", "factor"))
    rule = entry.get("rule")
    if rule not in RULES:
        raise MarsadError("E601", f"{where}: {what}: rule must be one of {', '.join(RULES)}, not {rule!r}")
    name = _text(entry, "name", where, what) or f"{rule} {n}"
    what = f"alert {name!r}"
    try:
        parsed = parse_filters(country=entry.get("country"), movement=entry.get("movement"))
    except FieldError as exc:
        raise MarsadError("E601", f"{where}: {what}: {exc.message}") from None
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise MarsadError("E601", f"{where}: {what}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    above = entry.get("above")
    factor = entry.get("factor")
    if rule == "threshold" and (isinstance(above, bool) or not isinstance(above, int) or above < 0):
        raise MarsadError("E601", f"{where}: {what}: a threshold rule needs above = a whole number ≥ 0")
    if rule == "jump" and (isinstance(factor, bool) or not isinstance(factor, int | float) or factor <= 1):
        raise MarsadError("E601", f"{where}: {what}: a jump rule needs factor = a number > 1")
    return AlertRule(name, rule, parsed["country"], parsed["movement"], kind,
                     above if rule == "threshold" else None, float(factor) if rule == "jump" else None)


def _webhook(entry: Any, where: str) -> Webhook | None:
    if entry is None:
        return None
    entry = _table(entry, where, "[webhook]")
    _only(entry, where, "[webhook]", ("url", "secret_env"))
    url = str(_text(entry, "url", where, "[webhook]", required=True))
    if not url.startswith(("http://", "https://")):
        raise MarsadError("E601", f"{where}: [webhook]: url must start with http:// or https://")
    return Webhook(url, _text(entry, "secret_env", where, "[webhook]"))


def _email(entry: Any, where: str) -> Email | None:
    if entry is None:
        return None
    what = "[email]"
    entry = _table(entry, where, what)
    _only(entry, where, what, ("host", "port", "starttls", "sender", "to", "user_env", "password_env"))
    to = entry.get("to")
    to = [to] if isinstance(to, str) else to
    if not isinstance(to, list) or not to or not all(isinstance(t, str) and "@" in t for t in to):
        raise MarsadError("E601", f"{where}: {what}: to must be an address or a list of addresses")
    sender = str(_text(entry, "sender", where, what, required=True))
    return Email(str(_text(entry, "host", where, what, required=True)), sender, tuple(to),
                 int(_number(entry, "port", 25, where, what)), bool(entry.get("starttls", False)),
                 _text(entry, "user_env", where, what), _text(entry, "password_env", where, what))
