"""Detect the language of a document once, among marsad's languages."""

from __future__ import annotations

from functools import lru_cache

from marsad.lang import available_languages

_ARABIC_SCRIPT = ("\u0600", "\u06ff")


def _arabic_share(sample: str) -> float:
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_SCRIPT[0] <= c <= _ARABIC_SCRIPT[1]) / len(letters)


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in available_languages() if c != "ar"]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build() if len(codes) > 1 else None


def detect_language(text: str) -> str:
    """ISO 639-1 code of `text`'s language; Arabic script decides Arabic."""
    sample = text[:600]
    if _arabic_share(sample) > 0.3:
        return "ar"
    others = [c for c in available_languages() if c != "ar"]
    detector = _detector()
    if detector is not None:
        found = detector.detect_language_of(sample)
        if found is not None:
            return found.iso_code_639_1.name.lower()
    return others[0] if others else "ar"
