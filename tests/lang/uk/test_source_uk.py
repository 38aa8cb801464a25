"""Sources in uk: speakers from the language's source.yaml (issue 9,
mechanism 6). Sentences written for this test."""

from __future__ import annotations

import pytest

from marsad import extract

PRONOUNS = {"l", "il", "he", "it", "er", "o", "bu", "он", "він", "او", "وہ", "他", "él"}
CASES = [
    [
        "government",
        "Як повідомили в Державній прикордонній службі, за добу до Польщі виїхали 21 тисяча українців."
    ],
    [
        "government",
        "Він зазначив, що з області евакуювали 1300 людей. За словами речника ОВА, евакуація триває."
    ]
]


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_the_speaker_gives_the_source_type(kind: str, text: str) -> None:
    found = extract(text, published="2025-03-12", language="uk")
    assert found and {f.source_type for f in found} == {kind}
    assert all(f.source and f.source.strip(" '\"").lower() not in PRONOUNS for f in found)  # nor a clitic


def test_a_pronoun_is_never_the_source() -> None:
    text = "Очільник ОВА повідомив, що з області виїхали 900 людей. Він додав, що за тиждень евакуювали ще 400 осіб."
    found = extract(text, published="2025-03-12", language="uk")
    assert len(found) == 2 and all(f.source and f.source.lower() != "він" for f in found)
    assert {f.source_type for f in found} == {"government"}
