"""Detect the language of a document once (lingua, models inside its wheel)."""

from __future__ import annotations

from functools import lru_cache

# Languages the news marsad reads comes in; extraction runs for those that have
# a data folder (marsad.lang), the others are recognised and stored as such.
KNOWN_LANGUAGES = ("ar", "de", "en", "es", "fr", "ru", "uk")
_ARABIC_SCRIPT = ("\u0600", "\u06ff")


def _arabic_share(sample: str) -> float:
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_SCRIPT[0] <= c <= _ARABIC_SCRIPT[1]) / len(letters)


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in KNOWN_LANGUAGES if c != "ar"]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language among KNOWN_LANGUAGES, or None."""
    sample = text[:600]
    if _arabic_share(sample) > 0.3:
        return "ar"
    if not any(c.isalpha() for c in sample):
        return None
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None
