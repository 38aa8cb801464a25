"""Countries, places and demonyms for the lexicon.

Country names come from CLDR (babel) in each language, ISO codes from
pycountry; a language folder adds aliases, sub-national places and border
crossings in `places.tsv`, irregular demonyms in `demonyms.tsv` and names that
are also common words in `stoplist.tsv`. A country beats a place of the same
name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from babel import Locale

from marsad.normalize import normalize

# CLDR territories that are not countries people move to or from.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AQ", "BV", "HM", "UM", "TF", "CP", "DG", "EA", "IC", "AC", "TA"}


@lru_cache(maxsize=8)
def country_names(code: str) -> dict[str, str]:
    """ISO 3166-1 alpha-2 -> CLDR country name in language `code`."""
    territories = Locale.parse(code).territories
    return {iso: name for iso, name in territories.items()
            if len(iso) == 2 and iso.isalpha() and iso not in _NOT_COUNTRIES}


def _name_variants(name: str) -> list[str]:
    """"Myanmar (Burma)" -> Myanmar (Burma), Myanmar, Burma."""
    variants = [name]
    m = re.match(r"^(.*?)\s*\((.*)\)$", name)
    if m:
        variants += [m.group(1), m.group(2)]
    return [v.strip() for v in variants if v.strip()]


VOWELS = set("аеёиоуыэюяіїєaeiou")


def case_forms(name: str, endings: dict[str, list[str]]) -> list[str]:
    """Case forms of a name by its ending ("Румунія" -> Румунії, Румунію, Румунією):
    the longest listed ending that fits is replaced; "" fits a final consonant."""
    for ending in sorted(endings, key=len, reverse=True):
        if ending and name.endswith(ending):
            return [name[: -len(ending)] + r for r in endings[ending]]
        if not ending and name and name[-1].lower() not in VOWELS and name[-1].isalpha():
            return [name + r for r in endings[ending]]
    return []


def country_entries(code: str, places: list[dict[str, str]], stop: set[str],
                    settings: dict[str, Any] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    english = country_names("en")
    endings = (settings or {}).get("case_endings") or {}
    seen: set[str] = set()
    for iso, name in _all_country_names(code, settings or {}):
        variants = _name_variants(name)
        if endings:  # inflected languages: the name in its other cases
            variants += [v for base in _name_variants(name) if " " not in base for v in case_forms(base, endings)]
        for form in variants:
            if normalize(form) not in stop:
                seen.add(normalize(form))
                payload = {"iso": iso, "place": None, "country": english.get(iso, iso)}
                yield form, payload
                yield from suffixed_forms(form, payload, settings)
    for row in places:
        form, iso, place = row["form"], row["iso"], (row.get("place") or "").strip() or None
        if place and normalize(form) in seen:
            continue  # a country beats a city of the same name
        payload = {"iso": iso, "place": place, "country": english.get(iso, iso), "kind": row.get("kind") or None}
        yield form, payload
        yield from suffixed_forms(form, payload, settings)


def suffixed_forms(form: str, payload: dict[str, Any],
                   settings: dict[str, Any] | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """A name with each case suffix of `case_suffixes` glued on ("Polonyaya",
    "Ukraynadan"), its payload marked with the role the case gives (to, from, in).
    Languages that write the suffix after an apostrophe ("Türkiye'ye") need no
    forms: the role is read from the word after the apostrophe."""
    for role, suffixes in ((settings or {}).get("case_suffixes") or {}).items():
        for suffix in suffixes:
            yield form + suffix, {**payload, "case": role}


def _all_country_names(code: str, settings: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(iso, name) in each CLDR locale the language lists (`country_locales: [zh, zh_Hant]`), else its own."""
    for locale in settings.get("country_locales") or [code]:
        yield from country_names(locale).items()


@lru_cache(maxsize=1)
def english_groups() -> dict[str, str]:
    """ISO code -> English plural demonym, from the English data folder."""
    from marsad.lang import LANG_DIR, read_tsv

    groups: dict[str, str] = {}
    for row in read_tsv(LANG_DIR / "en" / "demonyms.tsv"):
        groups.setdefault(row["iso"], row["group"])
    return groups


def _group(iso: str) -> str:
    return english_groups().get(iso) or f"people from {country_names('en').get(iso, iso)}"


def demonym_entries(code: str, settings: dict[str, Any], rows: list[dict[str, str]],
                    stop: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    nisba = settings.get("demonym_rule") == "arabic_nisba"
    for row in rows:
        payload = {"iso": row["iso"], "group": row.get("group") or _group(row["iso"])}
        yield row["form"], payload
        if nisba and normalize(row["form"]).endswith("ي") and " " not in row["form"]:
            base = normalize(row["form"])  # "كازاخي" -> "الكازاخية", "كازاخيون": listed forms inflect like the rule's
            for form in (base + "ون", base + "ين", base + "ه", base + "ات"):
                if form not in stop:
                    yield form, payload
    # 叙利亚 + 人 (Syrians), and 叙利亚 alone before a noun (叙利亚难民): a people named by its country's name
    for suffix in settings.get("demonym_suffixes", ()):
        for iso, name in _all_country_names(code, settings):
            for form in _name_variants(name):
                if normalize(form + suffix) not in stop:
                    yield form + suffix, {"iso": iso, "group": _group(iso)}
    rule = settings.get("demonym_rule")
    if rule == "arabic_nisba":
        for iso, name in country_names(code).items():
            for form in arabic_nisba_forms(name):
                if normalize(form) not in stop:
                    # "روسيا" is Russia and the accusative of روسي: a demonym only after an accusative noun
                    same = normalize(form) == normalize(name).removeprefix("ال")
                    yield form, {"iso": iso, "group": _group(iso), **({"accusative": True} if same else {})}


def arabic_nisba_forms(name: str) -> list[str]:
    """Regular Arabic demonyms of a one-word country name.

    سوريا -> سوري، سوريون، سوريين، سوريا (accusative)، سورية، سوريات;
    لبنان -> لبناني ...; السودان -> سوداني ...
    """
    name = normalize(name).strip()
    if " " in name or "-" in name or "(" in name:
        return []
    if name.startswith("ال"):
        name = name[2:]
    if name.endswith("يا"):
        base = name[:-1]
    elif name.endswith("ا") or name.endswith("ه"):
        base = name[:-1] + "ي"
    else:
        base = name + "ي"
    if len(base) < 4:
        return []
    return [base, base + "ون", base + "ين", base + "ا", base + "ه", base + "ات"]
