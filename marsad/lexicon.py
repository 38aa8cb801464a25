"""Compile a language folder into one token-level matcher.

Entries map sequences of lookup-form tokens to concept ids (`MOVE.fled`,
`NUM.scale`, `PLACE`) with a payload. Arabic proclitics (و، ف، ب، ل، ك، ال)
are stripped from the first token at lookup time, so one data entry covers
all its clitic forms; a trailing `*` on a form's last word matches any word
that starts with it. A form "verb … particle" is a separable verb ("kehrten …
zurück"): it matches the verb when the particle closes its clause later on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_month_names

from marsad.lang import LANG_DIR, available_languages, read_tsv
from marsad.places import country_entries, demonym_entries
from marsad.tokens import UNSPACED_RE, Token, tokenize
from marsad.normalize import IGNORABLE, fold_token, normalize


@dataclass(frozen=True, slots=True)
class Entry:
    concept: str
    form: str
    payload: Any = None
    # "NUM.scale" is a "NUM" and a "NUM.scale": the prefixes it answers to
    prefixes: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        parts = self.concept.split(".")
        object.__setattr__(self, "prefixes", frozenset(".".join(parts[:n]) for n in range(1, len(parts) + 1)))

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
        return prefix in self.entry.prefixes


# Concepts a probe looks for: a number ("n"), something that moves ("m"), a statement ("s").
PROBE_KINDS = {"n": ("NUM",), "m": ("MOVE", "NOUN.refugee", "NOUN.displaced", "NOUN.returnee",
                                    "NOUN.asylum_seeker", "ANAPHOR"), "s": ("SAY",)}
_DIGIT = re.compile(r"\d")
SEPARABLE_GAP = "…"
_IGNORABLE_RE = re.compile(f"[{IGNORABLE}]")
# The probe reads words only: marks dropped, punctuation turned into spaces.
_PROBE_PUNCT = re.compile(r"[\n\t.,;:!?\"'()\[\]{}«»<>/\\|%$€£#*+=~^&@-]")


def _probe_text(norm: str) -> str:
    return " " + _PROBE_PUNCT.sub(" ", _IGNORABLE_RE.sub("", norm)) + " "


@dataclass
class Lexicon:
    code: str
    settings: dict[str, Any]
    keys: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    prefixed: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    # separable verbs: verb word -> [(particle word, entry)]
    separable: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    _automaton: Any = None
    _prober: Any = None
    _value_prefixes: dict[int, frozenset[str]] = field(default_factory=dict)  # automaton value -> its concepts' prefixes

    # -- building -----------------------------------------------------------
    def add(self, form: str, concept: str, payload: Any = None) -> None:
        """Add a form, and its other scripts when the language lists OpenCC
        conversions (`script_variants: [s2t, s2tw]`: 难民 is also 難民)."""
        self._add(form, concept, payload)
        for convert in _converters(tuple(self.settings.get("script_variants", ()))):
            variant = convert(form)
            if variant != form:
                self._add(variant, concept, payload)

    def _add(self, form: str, concept: str, payload: Any = None) -> None:
        if SEPARABLE_GAP in form:
            self._add_separable(form, concept, payload)
            return
        words = tuple(t.text for t in tokenize(normalize(form.strip("*"))))
        if not words:
            raise ValueError(f"{self.code}: empty form for {concept}")
        entry = Entry(concept, form, payload)
        if form.startswith("*"):  # "*flüchtlinge": the end of a compound word
            words = ("*" + words[0],) + words[1:]
        table = self.prefixed if form.endswith("*") else self.keys
        if entry in table.get(words, ()):
            return  # the same month name from two CLDR locales
        table.setdefault(words, []).append(entry)
        self.max_len = max(self.max_len, len(words))
        self._automaton = self._prober = None
        self._value_prefixes.clear()

    def _add_separable(self, form: str, concept: str, payload: Any) -> None:
        verb, particle = (tuple(t.text for t in tokenize(normalize(part.strip()))) for part in form.split(SEPARABLE_GAP))
        if len(verb) != 1 or len(particle) != 1:
            raise ValueError(f"{self.code}: a separable form is one verb … one particle, not {form!r}")
        self.separable.setdefault(verb[0], []).append((particle[0], Entry(concept, form, payload)))
        self._automaton = self._prober = None
        self._value_prefixes.clear()

    def _separable_matches(self, tokens: list[Token], best: list[list[Match]]) -> None:
        """"kehrten … zurück": the verb matches when its particle ends the clause
        (before punctuation, "and" or the end of the sentence), in place of the verb alone."""
        ends = set(self.settings.get("and_words", ()))
        # a list ("Polen (1,5 Millionen), Tschechien … auf") stays in the clause; a new clause does not
        stops = set(self.settings.get("clause_breaks", ())) | set(self.settings.get("complementizers", ()))
        for k, tok in enumerate(tokens):
            for particle, entry in self.separable.get(tok.text, ()):
                for p in range(k + 1, len(tokens)):
                    if (tokens[p].kind == "punct" and tokens[p].text not in '-"(),') or tokens[p].text in stops:
                        break
                    closes = p + 1 == len(tokens) or tokens[p + 1].kind == "punct" or tokens[p + 1].text in ends
                    if tokens[p].text == particle and closes:
                        best[k] = [Match(entry, k, k + 1)]  # "kamen … ums Leben" is no "kamen"
                        break

    def _surfaces(self, words: tuple[str, ...]) -> list[tuple[str, str]]:
        """(clitic, first word) pairs: "الأمم" also stands as "للأمم", "والأمم"."""
        first = words[0]
        out = [("", first)]
        if len(first) < 2 or not first[0].isalpha():  # also "*suffix" forms: no clitics
            return out
        for clitic in self.settings.get("clitics", ()):
            out.append((clitic, clitic + first))
            if first.startswith("ال") and not clitic.endswith(("ال", "لل")) and clitic.endswith("ل"):
                out.append((clitic + "ل", clitic + first[1:]))  # ل + الأمم = للأمم
        return list(dict.fromkeys(out))

    def _compile(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for table, open_end in ((self.keys, False), (self.prefixed, True)):
            for words, entries in table.items():
                kinds = "".join(k for k, prefixes in PROBE_KINDS.items()
                                if any(e.concept.startswith(prefixes) for e in entries))
                country = next((e.payload["iso"] for e in entries if e.concept == "DEMONYM"
                                or (e.concept == "PLACE" and e.payload.get("kind") != "crossing")), None)
                for clitic, first in self._surfaces(words):
                    surface = _join((first.lstrip("*"),) + words[1:], bounded_start=not first.startswith("*"),
                                    bounded_end=not open_end)
                    found = automaton.get(surface, None)
                    value = (len(words), clitic, entries, kinds, country)
                    automaton.add_word(surface, found + [value] if found else [value])
        automaton.make_automaton()
        return automaton

    def _ensure_compiled(self) -> None:
        if self._automaton is None:
            self._automaton = self._compile()

    def _compile_prober(self) -> Any:
        """The surfaces a probe needs (numbers, movement, statements) only."""
        import ahocorasick

        self._ensure_compiled()
        main = self._automaton
        prober = ahocorasick.Automaton()
        for surface, values in main.items():
            if any("m" in value[3] for value in values):
                prober.add_word(surface, "m")
                # "demandeurs d'asile", "asylum-seekers": the probe reads punctuation as a space
                core = " ".join(_PROBE_PUNCT.sub(" ", surface).split())
                variant = (" " if surface.startswith(" ") else "") + core + (" " if surface.endswith(" ") else "")
                if core and variant != surface:
                    prober.add_word(variant, "m")
        for verb, entries in self.separable.items():
            if any(e.concept.startswith(PROBE_KINDS["m"]) for _, e in entries):
                prober.add_word(f" {verb} ", "m")
        prober.make_automaton()
        return prober

    # -- matching -----------------------------------------------------------
    def movement_at(self, norm: str) -> list[int]:
        """Offsets in `norm` near which a movement word stands (a superset
        test, before any tokenising): text with none holds no figure."""
        if self._prober is None:
            self._prober = self._compile_prober()
        return _offsets(norm, (end for end, _ in self._prober.iter(_probe_text(norm))))

    def concept_offsets(self, norm: str, prefixes: tuple[str, ...]) -> dict[str, list[int]]:
        """For each prefix, offsets in `norm` near which a surface of a concept
        under it ends ("SAY": the statements of a document), without tokenising;
        the prefix "COUNTRY" stands for a country's name or its people."""
        self._ensure_compiled()
        ends: dict[str, list[int]] = {p: [] for p in prefixes}
        for end, values in self._automaton.iter(_probe_text(norm)):
            found = self._prefixes_of(values)
            for p in prefixes:
                if p in found:
                    ends[p].append(end)
        return {p: _offsets(norm, found) for p, found in ends.items()}

    def _prefixes_of(self, values: Any) -> frozenset[str]:
        """Every concept prefix an automaton hit stands for ("COUNTRY" for a country or its people),
        computed once per hit: the automaton hands back the same objects each time."""
        key = id(values)
        found = self._value_prefixes.get(key)
        if found is None:
            found = frozenset(p for value in values for e in value[2] for p in e.prefixes) \
                | (frozenset({"COUNTRY"}) if any(value[4] for value in values) else frozenset())
            self._value_prefixes[key] = found
        return found

    def _count(self, norm: str, key: Callable[[Entry], str | None]) -> dict[str, int]:
        """Counts of key(entry) over the entries found in a normalised text
        (no tokenising; one count per surface found, for its first entry that has a key)."""
        self._ensure_compiled()
        counts: dict[str, int] = {}
        for _, values in self._automaton.iter(_probe_text(norm)):
            for value in values:
                k = next((k for k in map(key, value[2]) if k is not None), None)
                if k is not None:
                    counts[k] = counts.get(k, 0) + 1
        return counts

    def concept_counts(self, norm: str, prefix: str) -> dict[str, int]:
        """How often each concept under `prefix` occurs in a normalised text."""
        return self._count(norm, lambda e: e.concept if prefix in e.prefixes else None)

    def place_counts(self, norm: str) -> dict[str, int]:
        """How often each country is named in a normalised text, by its name or its people ("أسرة يمنية")."""
        self._ensure_compiled()
        counts: dict[str, int] = {}
        for _, values in self._automaton.iter(_probe_text(norm)):
            iso = next((v[4] for v in values if v[4]), None)  # the country of a surface, found at build time
            if iso:
                counts[iso] = counts.get(iso, 0) + 1
        return counts

    def table(self, tokens: list[Token]) -> list[list[Match]]:
        """For every token, the entries of the longest key that starts there.

        A Latin word in a text of another script ("[Russians]" left
        untranslated) is looked up in the fallback language."""
        self._ensure_compiled()
        stream, starts = _stream(tokens)
        best: list[list[Match]] = [[] for _ in tokens]
        for end, values in self._automaton.iter(stream):
            last = bisect_right(starts, end - 1 if stream[end] == " " else end) - 1  # the token the match ends in
            for n, clitic, entries, _, _ in values:
                i = last - n + 1
                if i < 0:
                    continue
                if best[i] and best[i][0].j - i > n:
                    continue
                found = [Match(e, i, i + n, clitic) for e in entries]
                best[i] = found if not best[i] or best[i][0].j - i < n else best[i] + found
        if self.separable:
            self._separable_matches(tokens, best)
        if any(_unspaced(t.text) for t in tokens):
            _drop_inner_words(tokens, best)
        fallback = self.settings.get("fallback_language")
        if fallback and any(t.kind == "word" and t.text.isascii() and not best[k] for k, t in enumerate(tokens)):
            other = load_lexicon(fallback).table(tokens)
            for k, t in enumerate(tokens):
                if not best[k] and t.kind == "word" and t.text.isascii():
                    best[k] = other[k]
        return best

    def match_at(self, tokens: list[Token], i: int) -> list[Match]:
        """Entries of the longest key that starts at token `i`."""
        return self.table(tokens)[i]

    def scan(self, tokens: list[Token]) -> list[Match]:
        """All matches over `tokens`, longest first at each position."""
        return [m for found in self.table(tokens) for m in found]


def _offsets(norm: str, probe_ends: Iterable[int]) -> list[int]:
    """Offsets in `norm` of match ends found in its probe text."""
    # where each dropped mark would sit in the probe text, to map back to `norm`
    shifted = [m.start() - i for i, m in enumerate(_IGNORABLE_RE.finditer(norm))]
    hits = []
    for end in probe_ends:
        pos = max(0, end - 2)  # the probe text has one leading space; `end` may be the trailing one
        hits.append(min(pos + bisect_right(shifted, pos), len(norm) - 1))
    return hits


@lru_cache(maxsize=4)
def _converters(configs: tuple[str, ...]) -> list[Callable[[str], str]]:
    """OpenCC converters (dictionaries inside the wheel) for a language's script variants."""
    if not configs:
        return []
    import opencc

    return [opencc.OpenCC(config).convert for config in configs]


def _unspaced(word: str) -> bool:
    """One letter of a script written without spaces (a Han character)."""
    return len(word) == 1 and UNSPACED_RE.match(word) is not None


def _drop_inner_words(tokens: list[Token], best: list[list[Match]]) -> None:
    """In unspaced script a word found inside a longer one that began before it
    is no word there (马里 in 索马里, 难民 in 难民营): longest from the left."""
    reach = 0
    for k, tok in enumerate(tokens):
        if not _unspaced(tok.text):
            continue
        if k < reach:
            best[k] = []
        elif best[k]:
            reach = best[k][0].j


def _join(words: tuple[str, ...], bounded_start: bool = True, bounded_end: bool = True) -> str:
    """How lookup words stand in running text: spaced scripts between spaces
    (a word boundary each side), letters of unspaced scripts side by side, so
    that "流离失所" is found inside "有12万人流离失所了" as it is written."""
    out = [" " if bounded_start and not _unspaced(words[0]) else ""]
    for k, word in enumerate(words):
        if k and not (_unspaced(word) and _unspaced(words[k - 1])):
            out.append(" ")
        out.append(word)
    out.append(" " if bounded_end and not _unspaced(words[-1]) else "")
    return "".join(out)


def _stream(tokens: list[Token]) -> tuple[str, list[int]]:
    """The tokens joined as `_join` joins lookup words, and where each starts in it."""
    parts, starts, pos, previous = [" "], [], 1, ""
    for tok in tokens:
        text = tok.text.replace(" ", "_")
        if previous and not (_unspaced(text) and _unspaced(previous)):
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(text)
        pos += len(text)
        previous = text
    parts.append(" ")
    return "".join(parts), starts


def _load_concepts(lex: Lexicon, path: Path) -> None:
    # concept files hold words only: read every scalar as text ("no", "on" are words, not booleans)
    loader = yaml.SafeLoader if path.name == "numbers.yaml" else yaml.BaseLoader
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 (safe/base loaders)
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


FOLDED_SETTINGS = ("and_words", "clause_breaks", "complementizers", "pronouns", "auxiliaries", "needs_scale",
                   "passive_markers", "noun_skip", "date_connectors", "abbreviations", "ordinal_followers")


@lru_cache(maxsize=16)
def load_lexicon(code: str) -> Lexicon:
    """The compiled lexicon of language `code` (cached per process)."""
    if code not in available_languages():
        raise ValueError(f"no language folder for {code!r}; have {available_languages()}")
    folder = LANG_DIR / code
    settings = yaml.safe_load((folder / "language.yaml").read_text(encoding="utf-8"))
    for key in FOLDED_SETTINGS:  # compared with token lookup forms, so folded the same way
        settings[key] = [fold_token(w) if " " not in w else " ".join(map(fold_token, w.split())) for w in settings.get(key, ())]
    # "Türkiye'ye": the word after an apostrophe is a case suffix, and its case a role
    settings["suffix_roles"] = {fold_token(suffix): role for role, suffixes in (settings.get("case_suffixes") or {}).items()
                                for suffix in suffixes}
    lex = Lexicon(code, settings)
    for path in sorted(folder.glob("*.yaml")):
        if path.name != "language.yaml":
            _load_concepts(lex, path)
    for locale in settings.get("month_locales", ()):
        for number, name in get_month_names("wide", locale=locale).items():
            lex.add(name, f"MONTH.{number}")
            for suffix in settings["suffix_roles"]:  # "17 Şubatta"
                lex.add(name + suffix, f"MONTH.{number}")
            if settings.get("ordinal_dates"):  # "am 21. September": the ordinal's full stop ends no sentence
                settings.setdefault("ordinal_followers", []).append(fold_token(name))
        for number, name in get_month_names("abbreviated", locale=locale).items():
            short = name.rstrip(".")
            if (len(short) >= 3 or not short.isalpha()) and code != "ar":  # "Feb", "3月"; not "Fe"
                lex.add(short, f"MONTH.{number}")
    stop = {normalize(r["form"]) for r in read_tsv(folder / "stoplist.tsv")}
    places = read_tsv(folder / "places.tsv")
    for form, payload in country_entries(code, places, stop, settings):
        lex.add(form, "PLACE", payload)
    for form, payload in demonym_entries(code, settings, read_tsv(folder / "demonyms.tsv"), stop):
        lex.add(form, "DEMONYM", payload)
    return lex
