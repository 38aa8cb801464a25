"""The dashboard's message catalogue: one JSON file of messages per
language in `messages/`, with country names, the writing direction and the
numbering system from CLDR (babel) for that locale.

Adding an interface language is one file, `messages/<code>.json`, with the
same keys as `en.json` (a test checks it).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.schema import FIELDS, REVIEW_STATUSES

MESSAGES = Path(__file__).parent / "messages"
# The values the review form and the filters offer, from the one field schema;
# each has a message `<field>.<value>` in every catalogue.
ENUMS: dict[str, tuple[str, ...]] = {
    **{name: spec.choices for name, spec in FIELDS.items() if spec.choices},
    "status": REVIEW_STATUSES,
}


def locales() -> list[str]:
    """The interface languages there is a catalogue for."""
    return sorted(p.stem for p in MESSAGES.glob("*.json"))


@lru_cache(maxsize=8)
def catalogue(locale: str) -> dict[str, Any]:
    """Messages, enums, country names and layout facts for `locale`."""
    from babel import Locale

    cldr = Locale.parse(locale)
    messages = json.loads((MESSAGES / f"{locale}.json").read_text(encoding="utf-8"))
    countries = {code: name for code, name in cldr.territories.items() if len(code) == 2 and code.isalpha()}
    return {"locale": locale, "dir": "rtl" if cldr.character_order == "right-to-left" else "ltr",
            "numbering": cldr.default_numbering_system, "messages": messages, "countries": countries,
            "enums": {name: list(values) for name, values in ENUMS.items()},
            "required": [name for name, spec in FIELDS.items() if not spec.nullable],
            "languages": {code: _name(code) for code in locales()}}


def _name(code: str) -> str:
    return json.loads((MESSAGES / f"{code}.json").read_text(encoding="utf-8"))["_language"]


@lru_cache(maxsize=1024)
def country_name(code: str | None, locale: str = "en") -> str | None:
    """A country's name in `locale` (CLDR), None for an unknown code."""
    if not code:
        return None
    from babel import Locale

    return Locale.parse(locale).territories.get(code.upper())
