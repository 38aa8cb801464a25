"""Sources in fr: speakers from the language's source.yaml (issue 9,
mechanism 6). Sentences written for this test."""

from __future__ import annotations

import pytest

from marsad import extract

PRONOUNS = {"l", "il", "he", "it", "er", "o", "bu", "он", "він", "او", "وہ", "他", "él"}
CASES = [
    [
        "un_agency",
        "Selon l'OIM, quelque 12 000 personnes ont fui les combats vers le Tchad depuis lundi."
    ],
    [
        "government",
        "La préfecture a indiqué que 640 migrants sont arrivés à Mayotte la semaine dernière."
    ]
]


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_the_speaker_gives_the_source_type(kind: str, text: str) -> None:
    found = extract(text, published="2025-03-12", language="fr")
    assert found and {f.source_type for f in found} == {kind}
    assert all(f.source and f.source.strip(" '\"").lower() not in PRONOUNS for f in found)  # nor a clitic


def test_selon_l_oim_names_the_agency_not_the_article() -> None:
    (f,) = extract("Selon l'OIM, 4 500 personnes ont été déplacées à Beni depuis mardi.", published="2025-03-12",
                   language="fr")
    assert f.source_type == "un_agency" and "OIM" in f.source and f.source.strip() != "l"
