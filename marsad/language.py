"""Detect the language of a document once: by its script first, then lingua.

Every language lingua knows (75, models inside its wheel) can be the answer,
not only those marsad has a data folder for: a document in a language marsad
does not read is stored with its language and no figures, and never run
through another language's lexicon.

How a document is decided (its first 600 characters are read):

1. Its letters are counted by script. A document mixing scripts (a Chinese
   report quoting an English agency name, an English story quoting Arabic) is
   decided by its dominant script; a Han or kana character weighs three letters,
   about one word, as a word of a spaced script does.
2. A script that one language writes names it at once (Han: Chinese, kana:
   Japanese, Hangul: Korean, Ethiopic: Amharic, Greek, Hebrew, Thai, ...).
3. Arabic script: letters only Urdu, Persian or Pashto write decide between
   them and Arabic (ٹ ڈ ڑ ں ے ہ are Urdu; پ چ ژ گ and the Persian ک ی, which
   Arabic writes ك ي, are Persian or Urdu); lingua decides what they leave open.
4. Otherwise lingua, among the languages of that script only (faster, and a
   Latin-script text is never taken for Russian). Within one script the
   dominant language wins: lingua weighs the whole sample.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

SAMPLE_CHARS = 600  # lingua's time grows fast with the sample
# Scripts written without spaces: one character is about one word.
_UNSPACED_WEIGHT = 3

# (first, last code point, script)
_RANGES = (
    (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B80, 0x0BFF, "tamil"), (0x0C00, 0x0C7F, "telugu"),
    (0x0E00, 0x0E7F, "thai"), (0x10A0, 0x10FF, "georgian"), (0x1100, 0x11FF, "hangul"),
    (0x1200, 0x139F, "ethiopic"), (0x1800, 0x18AF, "mongolian"), (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xAC00, 0xD7AF, "hangul"),
    (0xF900, 0xFAFF, "han"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
)
_UNSPACED = {"han", "kana", "thai"}
# A script one language writes (among the news marsad may be given).
_SCRIPT_LANGUAGE = {
    "han": "zh", "kana": "ja", "hangul": "ko", "ethiopic": "am", "greek": "el", "hebrew": "he",
    "thai": "th", "georgian": "ka", "armenian": "hy", "bengali": "bn", "gurmukhi": "pa",
    "gujarati": "gu", "tamil": "ta", "telugu": "te", "mongolian": "mn",
}
# Languages lingua tells apart within a script (ISO 639-1).
_SCRIPT_CANDIDATES = {
    "latin": ("af", "az", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fr", "ga",
              "hr", "hu", "id", "is", "it", "la", "lg", "lt", "lv", "mi", "ms", "nb", "nl", "nn", "pl", "pt",
              "ro", "sk", "sl", "sn", "so", "sq", "st", "sv", "sw", "tl", "tn", "tr", "ts", "vi", "xh", "yo", "zu"),
    "cyrillic": ("be", "bg", "kk", "mk", "mn", "ru", "sr", "uk"),
    "arabic": ("ar", "fa", "ur"),
    "devanagari": ("hi", "mr"),
}
# Letters that Arabic does not write.
_URDU_LETTERS = set("ٹڈڑںےۓہ")
_PASHTO_LETTERS = set("ټډړږښځڅګېۍڼ")
_PERSIAN_LETTERS = set("پچژگکی")  # Urdu writes them too
_ARABIC_LETTERS = set("يكة")  # written ی ک ه in Persian and Urdu
HINT_SHARE = 0.01  # of the Arabic-script letters


def _script(ch: str) -> str | None:
    code = ord(ch)
    if code < 0x0370:
        return "latin" if ch.isalpha() else None
    if 0x1E00 <= code <= 0x1EFF:
        return "latin"
    for first, last, name in _RANGES:
        if first <= code <= last:
            return name if ch.isalpha() else None
    return None


def script_counts(sample: str) -> Counter[str]:
    """Letters of each script, unspaced scripts weighted as words."""
    counts: Counter[str] = Counter()
    for ch, n in Counter(sample).items():  # each distinct character once
        name = _script(ch)
        if name is not None:
            counts[name] += n * (_UNSPACED_WEIGHT if name in _UNSPACED else 1)
    return counts


def _arabic_script_language(sample: str, letters: int) -> str | None:
    """ar, fa, ur or ps from the letters only one of them writes; None when they leave it open."""
    seen = Counter(sample)
    n = letters or 1

    def share(group: set[str]) -> float:
        return sum(seen[c] for c in group) / n

    urdu, pashto = share(_URDU_LETTERS), share(_PASHTO_LETTERS)
    persian, arabic = share(_PERSIAN_LETTERS), share(_ARABIC_LETTERS)
    if pashto >= HINT_SHARE and pashto > urdu:
        return "ps"
    if urdu >= HINT_SHARE:
        return "ur"
    if persian >= HINT_SHARE and persian > arabic:
        return "fa"
    if persian < HINT_SHARE / 2 and arabic >= HINT_SHARE:
        return "ar"
    return None


@lru_cache(maxsize=8)
def _detector(script: str):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in _SCRIPT_CANDIDATES[script]]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the dominant language of `text` (any language lingua
    or a one-language script names), or None when it has no letters."""
    sample = text[:SAMPLE_CHARS]
    counts = script_counts(sample)
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    if script in _SCRIPT_LANGUAGE:
        if script == "han" and counts["kana"] * 10 >= counts["han"]:
            return "ja"  # Japanese writes Han characters among its kana
        return _SCRIPT_LANGUAGE[script]
    if script == "arabic":
        hinted = _arabic_script_language(sample, counts["arabic"])
        if hinted is not None:
            return hinted
    if script not in _SCRIPT_CANDIDATES:
        return None
    found = _detector(script).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None
