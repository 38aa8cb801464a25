"""Parts of a figure in the same sentence (stages/parts.py): a part records its
whole and leaves to it what it does not say (nationality, origin, destination)."""

from __future__ import annotations

from marsad import extract


def test_a_marker_after_the_part_makes_it_a_part_of_the_figure_before() -> None:
    whole, part = extract("Jordan hosts 1.3 million Syrians, 650,000 of them registered with UNHCR.",
                          published="2024-03-14", language="en")
    assert part.part_of == whole.start and part.nationality == whole.nationality == "SY"
    whole, part = extract("يستضيف الأردن نحو مليون لاجئ سوداني، 300 ألف منهم في المخيمات.",
                          published="2024-03-14", language="ar")
    assert part.part_of == whole.start and part.nationality == "SD"


def test_a_part_after_among_them_shares_its_wholes_people() -> None:
    whole, part = extract("Some 4,200 Sudanese fled to Chad on Friday, among them 1,900 children.",
                          published="2024-03-14", language="en")
    assert part.part_of == whole.start
    assert (part.nationality, part.origin, part.destination) == ("SD", "SD", "TD")


def test_a_whole_does_not_take_the_origin_only_its_part_states() -> None:
    whole, part = extract("Uganda hosts 1.6 million refugees, among them 900,000 South Sudanese, the UN said.",
                          published="2024-03-14", language="en")
    assert part.origin == "SS" and "shared.origin" not in whole.rule


def test_a_place_in_a_before_the_war_clause_is_the_wars() -> None:
    (f,) = extract("Before the war in Sudan, Chad hosted 400,000 refugees, UNHCR said.", published="2024-03-14",
                   language="en")
    assert f.destination == "TD" and f.origin != "TD"
    (f,) = extract("وكانت تشاد تستضيف، قبل اندلاع الحرب في السودان، 400 ألف لاجئ بحسب المفوضية.",
                   published="2024-03-14", language="ar")
    assert f.destination != "SD"
