"""Spanish extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_spanish_numbers_and_destinations() -> None:
    (f,) = extract("Más de 3,5 millones de venezolanos han llegado a Colombia desde 2015, según ACNUR.",
                   published="2024-03-14", language="es")
    assert (f.value, f.qualifier, f.movement, f.nationality, f.destination, f.source_type) == (
        3500000, "at_least", "arrived", "VE", "CO", "un_agency")
    assert f.period_start == "2015-01-01"


def test_spanish_rate_and_dates() -> None:
    (f,) = extract("Unas 2.000 personas cruzan cada día la frontera hacia Chile desde el 5 de marzo.",
                   published="2024-03-14", language="es")
    assert (f.value, f.qualifier, f.kind, f.per, f.period_start) == (2000, "approx", "rate", "day", "2024-03-05")


def test_spanish_deaths_are_not_figures() -> None:
    assert extract("Al menos 40 personas murieron y 300 soldados fueron movilizados.", language="es") == []


def test_a_list_whose_verb_comes_after_it() -> None:
    found = extract("El año pasado, 328.667 venezolanos, 57.222 ecuatorianos y 46.558 haitianos cruzaron la selva del Darién.",
                    published="2024-02-01", language="es")
    assert [(f.value, f.nationality, f.movement) for f in found] == [
        (328667, "VE", "arrived"), (57222, "EC", "arrived"), (46558, "HT", "arrived")]


def test_inflected_movement_forms_come_from_stems() -> None:
    found = [f.annotation() for f in extract(
        "Unas 3.000 personas huyeron hacia Chad. Más de 700 familias fueron evacuadas de Derna. "
        "Casi 1.500 migrantes desembarcaron en Lampedusa. En mayo fueron deportados 2.000 haitianos.",
        published="2023-06-10", language="es")]
    assert [(f["value"], f["movement"], f["unit"]) for f in found] == [
        (3000, "fled", "people"), (700, "evacuated", "households"), (1500, "arrived", "people"), (2000, "returned", "people")]


def test_the_source_is_never_a_pronoun() -> None:
    (f,) = [f.annotation() for f in extract("Según ella, 4.000 personas llegaron a Panamá.", published="2023-09-20",
                                            language="es")]
    assert f["source"] is None


def test_a_span_of_days() -> None:
    (f,) = [f.annotation() for f in extract("Del 3 al 9 de marzo llegaron 4.500 migrantes a Canarias.",
                                            published="2024-03-20", language="es")]
    assert (f["period_start"], f["period_end"]) == ("2024-03-03", "2024-03-09")
    (g,) = [f.annotation() for f in extract("Entre el 1 y el 7 de mayo cruzaron 12.000 personas el Darién.",
                                            published="2024-06-20", language="es")]
    assert (g["period_start"], g["period_end"]) == ("2024-05-01", "2024-05-07")


def test_a_general_directorate_is_the_government() -> None:
    (f,) = [f.annotation() for f in extract(
        "La Dirección General de Migración informó que 3.200 haitianos fueron deportados en abril.",
        published="2024-05-02", language="es")]
    assert (f["value"], f["movement"], f["nationality"], f["source_type"]) == (3200, "returned", "HT", "government")


def test_a_series_goes_on_with_reached_and_skips_its_years() -> None:
    found = [f.annotation() for f in extract(
        "En 2021 unos 9.000 migrantes cruzaron la selva. Al año siguiente la cifra se multiplicó y alcanzó las "
        "150.000 personas.", published="2024-01-10", language="es")]
    assert [(f["value"], f["movement"]) for f in found] == [(9000, "arrived"), (150000, "arrived")]
    assert all(f["value"] != 2021 for f in found)


def test_aid_trucks_carry_no_one_who_moves() -> None:
    text = "Un convoy de doce camiones cargados con alimentos y medicinas entró en la Franja de Gaza."
    assert [f.annotation() for f in extract(text, published="2023-10-28", language="es")] == []
    (f,) = [f.annotation() for f in extract("Unos 40 autobuses con evacuados llegaron a Jan Yunis.",
                                            published="2023-10-28", language="es")]
    assert (f["value"], f["unit"]) == (40, "vehicles")


def test_a_span_between_two_full_dates() -> None:
    (f,) = [f.annotation() for f in extract(
        "Entre el 1 de octubre de 2024 y el 31 de marzo de 2025 fueron deportados 150.000 haitianos.",
        published="2025-04-02", language="es")]
    assert (f["period_start"], f["period_end"], f["movement"]) == ("2024-10-01", "2025-03-31", "returned")


def test_the_country_of_the_war_since_its_start_is_no_origin() -> None:
    (f,) = [f.annotation() for f in extract(
        "Unos 2 millones de ucranianos han huido desde el comienzo de la invasión de Rusia.",
        published="2022-04-02", language="es")]
    assert (f["nationality"], f["origin"]) == ("UA", "UA")


def test_an_elided_verb_in_a_list_of_countries() -> None:
    found = [f.annotation() for f in extract(
        "Unos 900.000 han llegado a Alemania (950.000 según el gobierno), a los que hay que sumar casi 120.000 en "
        "Austria, 80.000 en Suiza y unos 40.000 en Italia.", published="2022-05-02", language="es")]
    assert [(f["value"], f["movement"], f["destination"]) for f in found][2:] == [
        (120000, "arrived", "AT"), (80000, "arrived", "CH"), (40000, "arrived", "IT")]


def test_bullet_items_count_what_their_heading_names() -> None:
    text = ("Las autoridades publicaron las cifras del semestre.\nRetornos por mes\n- Enero 2025: 12.410 personas\n"
            "- Febrero 2025: 9.870 personas\n")
    found = [f.annotation() for f in extract(text, published="2025-03-05", language="es")]
    assert [(f["value"], f["movement"], f["period_start"], f["period_end"]) for f in found] == [
        (12410, "returned", "2025-01-01", "2025-01-31"), (9870, "returned", "2025-02-01", "2025-02-28")]


def test_attempts_and_taking_in() -> None:
    assert [f.annotation() for f in extract("Cinco pateras con 200 personas intentaron llegar a Ceuta.",
                                            published="2021-05-19", language="es")] == []
    (f,) = [f.annotation() for f in extract("Colombia ha acogido a 2,8 millones de venezolanos desde 2015.",
                                            published="2023-05-19", language="es")]
    assert (f["movement"], f["kind"], f["destination"]) == ("arrived", "total", "CO")


def test_a_part_after_among_them() -> None:
    found = [f.annotation() for f in extract("Unas 3.000 personas llegaron a Canarias, entre ellas 400 niños.",
                                             published="2023-09-19", language="es")]
    assert [(f["value"], f["movement"], f["destination"]) for f in found] == [(3000, "arrived", "ES"), (400, "arrived", "ES")]


def test_spanish_sentence_opening_with_de_ellos_counts_parts_of_the_figure_before() -> None:
    whole, part = extract("Más de 3 millones de sirios han huido de su país desde 2011. "
                          "De ellos, 1,5 millones han llegado a Turquía.", published="2024-03-01", language="es")
    assert part.part_of == whole.start
    assert (part.movement, part.nationality, part.origin, part.destination) == ("arrived", "SY", "SY", "TR")


def test_spanish_since_the_dated_earthquake_counts_from_its_day() -> None:
    (f,) = extract("El terremoto se produjo el 6 de febrero. Desde el terremoto, 300.000 personas han huido a otras provincias.", published="2023-03-01", language="es")
    assert (f.value, f.period_start) == (300000, "2023-02-06")
    assert "frame.period_start:EVENT.earthquake" in f.rule
