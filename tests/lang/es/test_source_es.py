"""Sources in es: speakers from the language's source.yaml (issue 9,
mechanism 6). Sentences written for this test."""

from __future__ import annotations

import pytest

from marsad import extract

PRONOUNS = {"l", "il", "he", "it", "er", "o", "bu", "он", "він", "او", "وہ", "他", "él"}
CASES = [
    [
        "un_agency",
        "Según la agencia de la ONU para los refugiados, unas 8.000 personas huyeron a Chad en una semana."
    ],
    [
        "government",
        "La Guardia Costera informó que 230 migrantes llegaron a Lampedusa el domingo."
    ]
]


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_the_speaker_gives_the_source_type(kind: str, text: str) -> None:
    found = extract(text, published="2025-03-12", language="es")
    assert found and {f.source_type for f in found} == {kind}
    assert all(f.source and f.source.strip(" '\"").lower() not in PRONOUNS for f in found)  # nor a clitic
