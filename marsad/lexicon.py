"""Compile a language folder into one token-level matcher.

Entries map sequences of lookup-form tokens to concept ids (`MOVE.fled`,
`NUM.scale`, `PLACE`) with a payload. Arabic proclitics (و، ف، ب، ل، ك، ال)
are stripped from the first token at lookup time, so one data entry covers
all its clitic forms; a trailing `*` on a form's last word matches any word
that starts with it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_month_names

from marsad.lang import LANG_DIR, available_languages
from marsad.places import country_entries, demonym_entries
from marsad.tokens import Token, tokenize
from marsad.normalize import fold_token, normalize


@dataclass(frozen=True, slots=True)
class Entry:
    concept: str
    form: str
    payload: Any = None

    @property
    def rule(self) -> str:
        return f"{self.concept}:{self.form}"


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    i: int  # first token index
    j: int  # one past the last token index
    clitic: str = ""  # proclitic stripped from the first word ("ب" in "بالسودان")

    @property
    def concept(self) -> str:
        return self.entry.concept

    def is_(self, prefix: str) -> bool:
        return self.entry.concept == prefix or self.entry.concept.startswith(prefix + ".")


@dataclass
class Lexicon:
    code: str
    settings: dict[str, Any]
    exact: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    prefix: dict[tuple[str, ...], list[tuple[str, Entry]]] = field(default_factory=dict)
    max_len: int = 1

    # -- building -----------------------------------------------------------
    def add(self, form: str, concept: str, payload: Any = None) -> None:
        words = tuple(t.text for t in tokenize(normalize(form.rstrip("*"))))
        if not words:
            raise ValueError(f"{self.code}: empty form for {concept}")
        entry = Entry(concept, form, payload)
        if entry in self.exact.get(words, ()):
            return  # the same month name from two CLDR locales
        if form.endswith("*"):
            self.prefix.setdefault(words[:-1], []).append((words[-1], entry))
        else:
            self.exact.setdefault(words, []).append(entry)
        self.max_len = max(self.max_len, len(words))

    # -- matching -----------------------------------------------------------
    def first_forms(self, word: str) -> list[str]:
        """The word and its forms without proclitics, longest first."""
        forms = [word]
        for clitic in self.settings.get("clitics", ()):
            if word.startswith(clitic) and len(word) - len(clitic) >= 2:
                forms.append(word[len(clitic):])
                if clitic.endswith(("ال", "لل")):
                    forms.append("ال" + word[len(clitic):])  # للأمم = ل + الأمم
        return forms

    def match_at(self, tokens: list[Token], i: int) -> list[Match]:
        """Entries of the longest key that starts at token `i`.

        A Latin word in a text of another script ("[Russians]" left
        untranslated) is looked up in the fallback language."""
        found = self._match_at(tokens, i)
        fallback = self.settings.get("fallback_language")
        if not found and fallback and tokens[i].kind == "word" and tokens[i].text.isascii():
            return load_lexicon(fallback)._match_at(tokens, i)
        return found

    def _match_at(self, tokens: list[Token], i: int) -> list[Match]:
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            rest = tuple(t.text for t in tokens[i + 1:i + n])
            for first in self.first_forms(tokens[i].text):
                key = (first,) + rest
                clitic = tokens[i].text[:max(0, len(tokens[i].text) - len(first))]
                found = [Match(e, i, i + n, clitic) for e in self.exact.get(key, ())]
                found += [Match(e, i, i + n, clitic) for e in self._prefixed(key)]
                if found:
                    return found
        return []

    def _prefixed(self, key: tuple[str, ...]) -> list[Entry]:
        candidates = self.prefix.get(key[:-1])
        if not candidates:
            return []
        return [e for stem, e in candidates if key[-1].startswith(stem)]

    def scan(self, tokens: list[Token]) -> list[Match]:
        """All matches over `tokens`, longest first at each position."""
        found: list[Match] = []
        for i in range(len(tokens)):
            found.extend(self.match_at(tokens, i))
        return found


def _load_concepts(lex: Lexicon, path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for concept, forms in data.items():
        if path.name == "numbers.yaml":
            _load_numbers(lex, concept, forms)
            continue
        for form in forms:
            lex.add(str(form), concept)


def _load_numbers(lex: Lexicon, role: str, forms: Any) -> None:
    """numbers.yaml: add / hundred / scale / fraction maps and vague bounds."""
    if isinstance(forms, dict):
        for form, value in forms.items():
            lex.add(str(form), f"NUM.{role}", value)
    else:
        for form in forms:
            lex.add(str(form), f"NUM.{role}", 100 if role == "hundred" else None)


def _load_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [row for row in rows]


FOLDED_SETTINGS = ("and_words", "clause_breaks", "complementizers", "pronouns", "auxiliaries", "needs_scale")


@lru_cache(maxsize=16)
def load_lexicon(code: str) -> Lexicon:
    """The compiled lexicon of language `code` (cached per process)."""
    if code not in available_languages():
        raise ValueError(f"no language folder for {code!r}; have {available_languages()}")
    folder = LANG_DIR / code
    settings = yaml.safe_load((folder / "language.yaml").read_text(encoding="utf-8"))
    for key in FOLDED_SETTINGS:  # compared with token lookup forms, so folded the same way
        settings[key] = [fold_token(w) if " " not in w else " ".join(map(fold_token, w.split())) for w in settings.get(key, ())]
    lex = Lexicon(code, settings)
    for path in sorted(folder.glob("*.yaml")):
        if path.name != "language.yaml":
            _load_concepts(lex, path)
    for locale in settings.get("month_locales", ()):
        for number, name in get_month_names("wide", locale=locale).items():
            lex.add(name, f"MONTH.{number}")
        for number, name in get_month_names("abbreviated", locale=locale).items():
            if len(name.rstrip(".")) >= 3 and code != "ar":
                lex.add(name.rstrip("."), f"MONTH.{number}")
    stop = {normalize(r["form"]) for r in _load_tsv(folder / "stoplist.tsv")}
    places = _load_tsv(folder / "places.tsv")
    for form, payload in country_entries(code, places, stop):
        lex.add(form, "PLACE", payload)
    for form, payload in demonym_entries(code, settings, _load_tsv(folder / "demonyms.tsv"), stop):
        lex.add(form, "DEMONYM", payload)
    return lex
