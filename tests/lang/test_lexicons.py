"""Checks every language folder's data: one test, parametrised over the
folders that exist, so a new language is checked without touching this file."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
import yaml

from marsad.lang import LANG_DIR, available_languages
from marsad.lexicon import load_lexicon
from marsad.normalize import IGNORABLE, fold_token
from marsad.places import country_names
from marsad.stages.quantities import parse_quantity
from marsad.tokens import tokenize
from marsad.normalize import normalize

LANGUAGES = available_languages()
REQUIRED_SETTINGS = {"code", "name", "clitics", "and_words", "clause_breaks", "complementizers", "month_locales"}
KNOWN_CONCEPT_ROOTS = {"QUAL", "QUALPOST", "RANGE", "MEASURE", "RATE", "MOVE", "NOUN", "UNIT", "NOT", "MODAL", "INTERNAL",
                       "DEICTIC", "CAUSE", "CHANGE", "PREP", "PLACETYPE", "STATE", "TIME", "WEEKDAY", "EVENT", "SAY", "ORG", "BORDER", "ANAPHOR",
                       "WIRE", "MONTH", "RATIO", "COMPARE", "DIFF", "KIND", "ABROAD",
                       "PART", "REPORT", "COUNT"}  # parts.yaml: "among them", "بينهم", "dont" (issue 11)


def _concept_files(code: str) -> list[Path]:
    return [p for p in sorted((LANG_DIR / code).glob("*.yaml")) if p.name not in ("language.yaml", "numbers.yaml")]


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def test_marsad_ships_arabic_and_english() -> None:
    assert {"ar", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_settings_are_complete(code: str) -> None:
    settings = yaml.safe_load((LANG_DIR / code / "language.yaml").read_text(encoding="utf-8"))
    assert REQUIRED_SETTINGS <= set(settings), REQUIRED_SETTINGS - set(settings)
    assert settings["code"] == code
    for key, value in settings.items():  # word lists hold words, never a YAML boolean such as an unquoted "on"
        if isinstance(value, list):
            assert all(isinstance(w, str) for w in value), f"{code}: {key} has a non-word {value}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_concept_files_are_lists_of_clean_unique_forms(code: str) -> None:
    for path in _concept_files(code) + [LANG_DIR / code / "numbers.yaml"]:
        loader = yaml.SafeLoader if path.name == "numbers.yaml" else yaml.BaseLoader
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        assert isinstance(data, dict), path
        for concept, forms in data.items():
            if path.name != "numbers.yaml":
                assert concept.split(".")[0] in KNOWN_CONCEPT_ROOTS, f"{path.name}: unknown concept {concept}"
            items = list(forms) if isinstance(forms, (list, dict)) else []
            assert items, f"{path.name}: {concept} has no forms"
            folded = [normalize(str(f)).translate(str.maketrans("", "", IGNORABLE)) for f in items]
            dupes = {f for f in folded if folded.count(f) > 1}
            assert not dupes, f"{path.name}: {concept} repeats {dupes}"
            for form in map(str, items):
                assert form.strip() == form and form, f"{path.name}: {concept} has an empty or padded form"
                assert "\u0640" not in form, f"{path.name}: tatweel in {form!r}"
                assert not any("\ufb50" <= ch <= "\ufeff" for ch in form), f"{path.name}: presentation form in {form!r}"
                assert not any(unicodedata.category(ch) == "Mn" for ch in form), f"{path.name}: diacritic in {form!r}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_number_word_parses_to_its_value(code: str) -> None:
    lex = load_lexicon(code)
    data = yaml.safe_load((LANG_DIR / code / "numbers.yaml").read_text(encoding="utf-8"))
    needs_scale = set(lex.settings.get("needs_scale", ()))
    for form, value in data["add"].items():
        if fold_token(str(form)) in needs_scale:
            continue
        q = parse_quantity(lex, tokenize(normalize(str(form))), 0)
        assert q is not None and q.value == value, f"{code}: {form!r} -> {q}"
    for form, value in data["scale"].items():
        q = parse_quantity(lex, tokenize(normalize(f"3 {form}")), 0)
        assert q is not None and q.value == 3 * value, f"{code}: 3 {form!r} -> {q}"
    for form, (low, high) in data["vague"].items():
        q = parse_quantity(lex, tokenize(normalize(str(form))), 0)
        assert q is not None and (q.low, q.high) == (low, high), f"{code}: {form!r} -> {q}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_places_and_demonyms_name_real_countries(code: str) -> None:
    isos = set(country_names("en"))
    for name in ("places.tsv", "demonyms.tsv"):
        path = LANG_DIR / code / name
        if not path.is_file():
            continue
        rows = _tsv(path)
        assert rows, path
        forms = [r["form"] for r in rows]
        assert len(forms) == len(set(forms)), f"{path}: repeated forms"
        for row in rows:
            assert row["iso"] == "" or row["iso"] in isos, f"{path}: {row}"
            if name == "places.tsv" and not row["iso"]:
                assert row["place"], f"{path}: a row without country must name a place: {row}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_lexicon_compiles_with_country_names(code: str) -> None:
    lex = load_lexicon(code)
    assert lex.keys and lex.max_len >= 2
    tokens = tokenize(normalize(country_names(code)["FR"]))
    assert any(m.is_("PLACE") and m.entry.payload["iso"] == "FR" for m in lex.match_at(tokens, 0))
