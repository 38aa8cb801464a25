"""Normalisation keeps offsets; tokens and sentences point into the input."""

from __future__ import annotations

from marsad.normalize import fold_token, normalize
from marsad.tokens import split_sentences, tokenize


def test_length_is_kept_and_letters_fold() -> None:
    text = "أعلنت الأُمم المتحدة أنّ ٩٨٬٠٠٠ لاجئ ـ وصلوا"
    norm = normalize(text)
    assert len(norm) == len(text)
    assert "98,000" in norm and "اعلنت" in norm


def test_fold_token_drops_marks_and_tatweel() -> None:
    assert fold_token("الأُمَم") == "الامم"
    assert fold_token("لاجـــئ") == "لاجي"
    assert fold_token("ﻻجئ")[0] == "ل"  # presentation forms fold to base letters, one for one


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "فر 2ر2 مليون و98 000 شخص (Russians)"
    for tok in tokenize(normalize(text)):
        assert fold_token(text[tok.start:tok.end]) == tok.text or tok.kind != "word"
    nums = [t.text for t in tokenize(normalize(text)) if t.kind == "num"]
    assert nums == ["2ر2", "98 000"]


def test_sentences_keep_decimals_and_initials_whole() -> None:
    text = "وصل 1.43 مليون شخص. وقال ج. بيامباسورين إن 3000 دخلوا.\nسطر آخر"
    spans = split_sentences(normalize(text))
    assert [text[s:e] for s, e in spans] == ["وصل 1.43 مليون شخص.", "وقال ج. بيامباسورين إن 3000 دخلوا.", "سطر آخر"]
