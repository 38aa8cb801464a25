"""French extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_french_total_with_since_and_source() -> None:
    (f,) = extract("Quelque 45 000 Soudanais sont arrivés au Tchad depuis le 15 avril, a annoncé le HCR mardi.",
                   published="2023-05-09", language="fr")
    assert (f.value, f.qualifier, f.movement, f.nationality, f.destination, f.source_type) == (
        45000, "approx", "arrived", "SD", "TD", "un_agency")
    assert (f.period_start, f.period_end) == ("2023-04-15", "2023-05-09")


def test_french_vague_and_rate() -> None:
    found = extract("Des milliers de personnes ont fui. Environ 2 000 réfugiés arrivent chaque jour en Moldavie.",
                    published="2022-03-01", language="fr")
    assert [(f.low, f.high, f.qualifier, f.kind) for f in found] == [(1000, 9999, "vague", "total"), (2000, 2000, "approx", "rate")]


def test_french_deaths_are_not_figures() -> None:
    assert extract("Le séisme a causé la mort de plus de 22 300 personnes.", language="fr") == []


def test_inflected_movement_forms_come_from_stems() -> None:
    found = [f.annotation() for f in extract(
        "Quelque 4 000 civils fuyaient les combats. Environ 900 familles ont été évacuées de Kherson. "
        "Près de 1 200 migrants ont débarqué en Sicile.", published="2023-06-10", language="fr")]
    assert [(f["value"], f["movement"], f["unit"]) for f in found] == [
        (4000, "fled", "people"), (900, "evacuated", "households"), (1200, "arrived", "people")]


def test_refugees_as_a_noun_are_hosted_not_fleeing() -> None:
    (f,) = [f.annotation() for f in extract("Le camp abrite plus de 30 000 réfugiés soudanais.",
                                            published="2023-06-10", language="fr")]
    assert (f["movement"], f["kind"], f["nationality"]) == ("hosted", "stock", "SD")


def test_the_source_is_never_an_elided_article_or_a_pronoun() -> None:
    (f,) = [f.annotation() for f in extract("Selon l'OIM, plus de 3 000 migrants sont arrivés à Lampedusa.",
                                            published="2023-09-20", language="fr")]
    assert (f["source"], f["source_type"]) == ("l'OIM", "un_agency")
    (g,) = [f.annotation() for f in extract("Selon lui, 300 personnes sont arrivées dimanche au Tchad.",
                                            published="2023-09-20", language="fr")]
    assert g["source"] is None


def test_a_span_of_days() -> None:
    (f,) = [f.annotation() for f in extract("Du 3 au 9 mars, 2 100 migrants sont arrivés à Lampedusa.",
                                            published="2024-03-20", language="fr")]
    assert (f["period_start"], f["period_end"]) == ("2024-03-03", "2024-03-09")


def test_central_africans_are_a_nationality() -> None:
    (f,) = [f.annotation() for f in extract("Près de 6 000 Centrafricains sont arrivés au Tchad en mai.",
                                            published="2023-06-10", language="fr")]
    assert (f["nationality"], f["origin"], f["destination"]) == ("CF", "CF", "TD")


def test_a_movement_word_with_an_apostrophe_is_found_and_a_is_no_number() -> None:
    found = [f.annotation() for f in extract("En 2023, la route a été empruntée par plus de 12 000 demandeurs d'asile.",
                                             published="2023-11-02", language="fr")]
    assert [(f["low"], f["qualifier"], f["movement"]) for f in found] == [(12000, "at_least", "asylum")]


def test_a_yearly_rate_before_a_vague_number() -> None:
    (f,) = [f.annotation() for f in extract("L'île voit chaque année des milliers de migrants arrivés par la mer.",
                                            published="2023-07-06", language="fr")]
    assert (f["low"], f["high"], f["kind"], f["per"], f["movement"]) == (1000, 9999, "rate", "year", "arrived")


def test_people_sleeping_rough_are_a_stock() -> None:
    (f,) = [f.annotation() for f in extract("Environ 150 exilés dorment toujours dans un gymnase de Calais.",
                                            published="2023-07-06", language="fr")]
    assert (f["value"], f["movement"], f["kind"]) == (150, "hosted", "stock")


def test_first_of_the_month_and_a_span_of_two_dates() -> None:
    (f,) = [f.annotation() for f in extract("Le 1er mars, 300 migrants sont arrivés à Mayotte.",
                                            published="2025-04-01", language="fr")]
    assert (f["period_start"], f["period_end"]) == ("2025-03-01", "2025-03-01")
    (g,) = [f.annotation() for f in extract("Du 1er octobre au 31 mars, 5 000 migrants sont arrivés à Mayotte.",
                                            published="2025-04-01", language="fr")]
    assert (g["period_start"], g["period_end"]) == ("2024-10-01", "2025-03-31")


def test_an_attempt_to_cross_is_no_arrival() -> None:
    assert [f.annotation() for f in extract("Environ 300 migrants ont tenté de franchir la frontière à Ceuta.",
                                            published="2023-06-10", language="fr")] == []


def test_a_part_with_its_verb_elided() -> None:
    found = [f.annotation() for f in extract("Quelque 1 200 migrants sont arrivés à Lampedusa cette semaine, dont 300 dimanche.",
                                             published="2023-09-19", language="fr")]
    assert [(f["value"], f["movement"], f["destination"]) for f in found] == [(1200, "arrived", "IT"), (300, "arrived", "IT")]
    assert (found[1]["period_start"], found[1]["period_end"]) == ("2023-09-17", "2023-09-17")


def test_french_since_the_dated_earthquake_counts_from_its_day() -> None:
    (f,) = extract("Le séisme a frappé le 6 février. Depuis le séisme, 300 000 personnes ont fui vers d'autres provinces.", published="2023-03-01", language="fr")
    assert (f.value, f.period_start) == (300000, "2023-02-06")
    assert "frame.period_start:EVENT.earthquake" in f.rule
