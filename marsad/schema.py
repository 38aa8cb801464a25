"""One schema for a figure's fields: what each field allows, and one parser per type.

The review command and API, the correction form, the `figures` filters, the
date options and `extract(published=…)` all read values through
:func:`parse_field` (or the type parsers below), so a value is refused the same
way at every door: a :class:`FieldError` (E401) naming the field, the value and
what is allowed. The CLI turns it into exit 2, the API into 422.

Country arguments take an ISO 3166-1 alpha-2 code or a country name in any
shipped language (CLDR names through babel, plus the country aliases of each
language folder): "SD", "Sudan", "السودان" and "Soudan" all give SD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from marsad.errors import MarsadError
from marsad.normalize import normalize

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
UNITS = ("people", "households", "vehicles")
KINDS = ("total", "rate", "stock")
PERS = ("hour", "day", "week", "month", "year")
MOVEMENTS = ("fled", "displaced", "evacuated", "arrived", "departed", "returned", "waiting", "asylum", "hosted")
SOURCE_TYPES = ("government", "un_agency", "ngo", "media", "witness", "other", "unknown")
DECISIONS = ("confirmed", "rejected", "corrected")
REVIEW_STATUSES = ("unreviewed",) + DECISIONS

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
MAX_TEXT = 500


class FieldError(MarsadError):
    """A value a field does not allow (E401): names the field, the value and what is allowed."""

    def __init__(self, name: str, value: Any, allowed: str) -> None:
        super().__init__("E401", f"{name}={value!r} is not allowed: {name} takes {allowed}")
        self.field, self.value, self.allowed = name, value, allowed


def parse_choice(name: str, raw: Any, choices: tuple[str, ...]) -> str:
    if isinstance(raw, str) and raw.strip().lower() in choices:
        return raw.strip().lower()
    raise FieldError(name, raw, "one of " + ", ".join(choices))


def parse_count(name: str, raw: Any) -> int:
    """A whole number of people, households or vehicles: 0 or more ("12,500" is read as 12500)."""
    if isinstance(raw, bool):
        raise FieldError(name, raw, "a whole number, 0 or more")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", raw.strip().replace("_", "")):
        value = int(raw.strip().replace(",", "").replace("_", ""))
    else:
        raise FieldError(name, raw, "a whole number, 0 or more")
    if value < 0 or value > 10**10:
        raise FieldError(name, raw, "a whole number from 0 to 10,000,000,000")
    return value


def parse_date(name: str, raw: Any) -> date:
    """An ISO date (YYYY-MM-DD; an ISO date-time keeps its day). 15/04/2024 is refused, not guessed."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if _ISO_DATE.match(text) or _ISO_DATETIME.match(text):
            try:
                return date.fromisoformat(text[:10])
            except ValueError:
                pass
    raise FieldError(name, raw, "a date as YYYY-MM-DD (e.g. 2024-04-15)")


def parse_iso_date(name: str, raw: Any) -> str:
    return parse_date(name, raw).isoformat()


def parse_country(name: str, raw: Any) -> str:
    """An ISO 3166-1 alpha-2 code, or a country name in a shipped language -> the code."""
    if isinstance(raw, str):
        code = country_index().get(normalize(raw.strip()).casefold())
        if code:
            return code
    raise FieldError(name, raw, "an ISO 3166-1 alpha-2 country code (SD) or a country name (Sudan, السودان)")


def parse_text(name: str, raw: Any) -> str:
    if isinstance(raw, str) and raw.strip() and len(raw) <= MAX_TEXT:
        return raw.strip()
    raise FieldError(name, raw, f"a text of 1 to {MAX_TEXT} characters")


@lru_cache(maxsize=1)
def country_index() -> Mapping[str, str]:
    """Normalised code or name -> ISO code, over CLDR names in every shipped language
    and the country aliases (place empty) of each language folder."""
    from marsad.lang import LANG_DIR, available_languages, read_tsv
    from marsad.places import _name_variants, country_names

    index: dict[str, str] = {}
    for iso in country_names("en"):
        index[iso.casefold()] = iso
    for code in ("en", *available_languages()):
        for iso, name in country_names(code).items():
            for form in _name_variants(name):
                index.setdefault(normalize(form).casefold(), iso)
        for row in read_tsv(LANG_DIR / code / "places.tsv"):
            if not (row.get("place") or "").strip() and row.get("iso") in index.values():
                index.setdefault(normalize(row["form"]).casefold(), row["iso"])
    return index


@dataclass(frozen=True)
class FieldSpec:
    """A figure field: its parser, whether it may be null, and a note for forms."""

    name: str
    parse: Callable[[str, Any], Any]
    nullable: bool = True
    choices: tuple[str, ...] = ()


def _choice(choices: tuple[str, ...]) -> Callable[[str, Any], str]:
    return lambda name, raw: parse_choice(name, raw, choices)


# The fields a review may correct, in ANNOTATION.md's order.
FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in (
    FieldSpec("value", parse_count), FieldSpec("low", parse_count), FieldSpec("high", parse_count),
    FieldSpec("qualifier", _choice(QUALIFIERS), False, QUALIFIERS),
    FieldSpec("unit", _choice(UNITS), False, UNITS),
    FieldSpec("kind", _choice(KINDS), False, KINDS),
    FieldSpec("per", _choice(PERS), True, PERS),
    FieldSpec("movement", _choice(MOVEMENTS), False, MOVEMENTS),
    FieldSpec("group", parse_text), FieldSpec("nationality", parse_country),
    FieldSpec("origin", parse_country), FieldSpec("origin_place", parse_text),
    FieldSpec("destination", parse_country), FieldSpec("destination_place", parse_text),
    FieldSpec("period_start", parse_iso_date), FieldSpec("period_end", parse_iso_date),
    FieldSpec("source", parse_text),
    FieldSpec("source_type", _choice(SOURCE_TYPES), False, SOURCE_TYPES),
)}
CORRECTABLE = tuple(FIELDS)
NULLS = (None, "", "null", "none")


def parse_field(name: str, raw: Any) -> Any:
    """The stored value of `raw` for field `name` (None clears a nullable field)."""
    spec = FIELDS.get(name)
    if spec is None:
        raise MarsadError("E303", f"{name!r} cannot be corrected; fields: {', '.join(CORRECTABLE)}")
    if raw is None or (isinstance(raw, str) and raw.strip().lower() in NULLS):
        if spec.nullable:
            return None
        raise FieldError(name, raw, "one of " + ", ".join(spec.choices) + " (it cannot be empty)")
    return spec.parse(name, raw)


def parse_corrections(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Corrections as they are stored: every field parsed, bounds in order."""
    clean = {name: parse_field(name, value) for name, value in raw.items()}
    check_bounds(clean)
    return clean


def check_bounds(fields: Mapping[str, Any]) -> None:
    """low <= value <= high and period_start <= period_end, where both are given."""
    low, value, high = fields.get("low"), fields.get("value"), fields.get("high")
    if low is not None and high is not None and low > high:
        raise FieldError("low", low, f"a number not above high ({high})")
    if value is not None and low is not None and value < low:
        raise FieldError("value", value, f"a number not below low ({low})")
    if value is not None and high is not None and value > high:
        raise FieldError("value", value, f"a number not above high ({high})")
    start, end = fields.get("period_start"), fields.get("period_end")
    if start and end and start > end:
        raise FieldError("period_start", start, f"a date not after period_end ({end})")


def corrections_problem(raw: Any) -> str | None:
    """Why stored corrections are not valid (an old store), or None when they are."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        return f"corrections are not a mapping: {raw!r}"
    try:
        stored = parse_corrections(raw)
    except MarsadError as exc:
        return exc.message
    changed = [name for name, value in stored.items() if value != raw[name]]
    if changed:  # e.g. a country name where the code belongs, or a number kept as text
        return "; ".join(f"{name}={raw[name]!r} is not stored as {name} takes it ({stored[name]!r})" for name in changed)
    return None


def apply_corrections(figure: Mapping[str, Any], corrections: Mapping[str, Any]) -> dict[str, Any]:
    """A figure with corrections applied; a corrected point value (exact or approx)
    with no corrected bounds carries its bounds along (low = high = value)."""
    merged = dict(figure)
    merged.update(corrections)
    point = merged.get("qualifier") in ("exact", "approx") and merged.get("value") is not None
    if "value" in corrections and point and "low" not in corrections and "high" not in corrections:
        merged["low"] = merged["high"] = merged["value"]
    return merged


def reviewed(row: Mapping[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """A stored figure row as analysts see it, and a problem when its review is unusable.

    A rejected figure gives None; a correction the schema does not allow (an old
    store) is skipped — the figure stays as extracted — and its problem returned."""
    decision = row.get("decision")
    if decision == "rejected":
        return None, None
    corrections = row.get("corrections")
    if decision != "corrected" or not corrections:
        return dict(row), None
    problem = corrections_problem(corrections)
    merged = apply_corrections(row, corrections) if problem is None else None
    if merged is not None:
        try:
            check_bounds(merged)
        except FieldError as exc:
            problem = exc.message
    if problem or merged is None:
        return dict(row), f"review of figure {row.get('id')} skipped: {problem} (marsad review --invalid lists them)"
    return merged, None


def parse_language(name: str, raw: Any) -> str:
    from marsad.lang import available_languages

    return parse_choice(name, raw, tuple(available_languages()))


FILTERS: dict[str, Callable[[str, Any], Any]] = {
    "country": parse_country, "movement": _choice(MOVEMENTS), "since": parse_iso_date, "until": parse_iso_date,
    "language": parse_language, "source_type": _choice(SOURCE_TYPES), "status": _choice(REVIEW_STATUSES),
}


def parse_filters(**given: Any) -> dict[str, Any]:
    """The filters of `marsad figures`, `/api/figures` and `/api/overview`, parsed
    (absent ones stay None); `since` after `until` is refused."""
    out = {name: None if given.get(name) in (None, "") else parse(name, given[name]) for name, parse in FILTERS.items()}
    if out["since"] and out["until"] and out["since"] > out["until"]:
        raise FieldError("since", out["since"], f"a date not after until ({out['until']})")
    return out
