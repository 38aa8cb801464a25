"""Sources in zh: speakers from the language's source.yaml (issue 9,
mechanism 6). Sentences written for this test."""

from __future__ import annotations

import pytest

from marsad import extract

PRONOUNS = {"l", "il", "he", "it", "er", "o", "bu", "он", "він", "او", "وہ", "他", "él"}
CASES = [
    [
        "un_agency",
        "联合国难民署3日表示，已有1.2万人逃往乍得。"
    ],
    [
        "government",
        "据民政部统计，台风造成5.4万人紧急转移。"
    ]
]


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_the_speaker_gives_the_source_type(kind: str, text: str) -> None:
    found = extract(text, published="2025-03-12", language="zh")
    assert found and {f.source_type for f in found} == {kind}
    assert all(f.source and f.source.strip(" '\"").lower() not in PRONOUNS for f in found)  # nor a clitic
