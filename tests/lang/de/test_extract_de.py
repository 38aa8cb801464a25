"""German extraction on sentences written for these tests."""

from __future__ import annotations

from marsad import extract


def test_german_compound_nouns_and_spaced_thousands() -> None:
    (f,) = extract("Wie das Bundesinnenministerium am Freitag mitteilte, hat die Bundespolizei seit Beginn des Krieges "
                   "253 157 Kriegsflüchtlinge aus der Ukraine festgestellt.",
                   published="2022-03-25", language="de")
    assert (f.value, f.movement, f.origin, f.source_type) == (253157, "arrived", "UA", "government")


def test_german_vague_and_approx() -> None:
    found = extract("Zehntausende Menschen sind geflohen. Rund 7000 Flüchtlinge kamen am Freitag in Berlin an.",
                    published="2022-03-26", language="de")
    assert [(f.low, f.high, f.qualifier) for f in found] == [(10000, 99999, "vague"), (7000, 7000, "approx")]
    assert found[1].period_start == found[1].period_end == "2022-03-25"


def test_german_deaths_are_not_figures() -> None:
    assert extract("Bei dem Angriff wurden 40 Menschen getötet und 120 verletzt.", language="de") == []


def test_german_separable_verb_with_its_particle_at_the_clause_end() -> None:
    (f,) = extract("Seit Dezember kehrten nach Schätzungen der UNO rund 200.000 Afghanen in ihre Heimat zurück.",
                   published="2025-02-01", language="de")
    assert (f.value, f.qualifier, f.movement, f.nationality) == (200000, "approx", "returned", "AF")


def test_german_separable_verb_without_its_particle_is_not_that_verb() -> None:
    assert extract("Am Montag reisten 300 Delegierte aus der Ukraine nach Berlin.", language="de") == []


def test_german_ordinal_date_does_not_end_the_sentence() -> None:
    (f,) = extract("Seit dem 15. März sind 3.000 Menschen aus dem Sudan in den Tschad geflohen.",
                   published="2023-05-02", language="de")
    assert (f.value, f.movement, f.origin, f.destination, f.period_start) == (3000, "fled", "SD", "TD", "2023-03-15")


def test_german_ordinal_week_is_not_a_count() -> None:
    found = extract("In der 20. Kalenderwoche registrierte die Polizei 541 Aufgriffe.", published="2023-06-01", language="de")
    assert [(f.value, f.movement) for f in found] == [(541, "arrived")]


def test_german_digits_inside_a_code_are_not_a_count() -> None:
    found = extract("Eine Maschine vom Typ A400M landete mit 120 Geretteten in Taschkent.", language="de")
    assert [f.value for f in found] == [120]


def test_german_drowned_and_died_are_not_arrivals() -> None:
    assert extract("Bei dem Unglück vor Libyen kamen 40 Menschen ums Leben.", language="de") == []
    assert extract("Die Flucht über das Meer hat seit Januar 900 Menschen das Leben gekostet.", language="de") == []


def test_german_inflected_movement_nouns_and_compounds() -> None:
    found = extract("Die Bundespolizei meldete im Mai 1.250 Aufgriffe an der Grenze. "
                    "Im Januar gab es 12.500 Asylerstanträge. 2.400 Migranten erreichten die Küste.",
                    published="2023-06-01", language="de")
    assert [(f.value, f.movement) for f in found] == [(1250, "arrived"), (12500, "asylum"), (2400, "arrived")]


def test_german_participle_far_at_the_clause_end() -> None:
    (f,) = extract("Rund 50.000 Menschen sind nach Angaben des Hilfswerks (UNHCR) aus dem Land in die "
                   "Nachbarländer geflohen.", published="2023-06-01", language="de")
    assert (f.value, f.movement) == (50000, "fled")


def test_german_leaving_for_a_cause_is_flight() -> None:
    (fled,) = extract("Wegen der Kämpfe verließen 8.000 Menschen die Stadt.", language="de")
    (left,) = extract("Im Sommer verließen 3.000 Menschen das Land.", language="de")
    assert (fled.movement, left.movement) == ("fled", "departed")


def test_german_list_with_notes_in_brackets() -> None:
    found = extract("Die Zahl der Aufgriffe lag in diesen Wochen zwischen 310 (KW3), 290 (KW6) und 275 (KW8).",
                    published="2023-12-28", language="de")
    assert [(f.value, f.movement) for f in found] == [(310, "arrived"), (290, "arrived"), (275, "arrived")]


def test_german_countries_with_figures_in_brackets() -> None:
    found = extract("Die meisten Geflüchteten nahmen Polen (1,5 Millionen), Tschechien (500.000) und Rumänien (100.000) auf.",
                    published="2023-01-01", language="de")
    assert [(f.value, f.movement, f.destination) for f in found] == [
        (1500000, "hosted", "PL"), (500000, "hosted", "CZ"), (100000, "hosted", "RO")]


def test_german_calendar_weeks_give_the_period() -> None:
    found = extract("Die Polizei zählte 512 Aufgriffe (KW14) und 498 Aufgriffe in der 15. Kalenderwoche.",
                    published="2023-06-01", language="de")
    assert [(f.value, f.period_start, f.period_end) for f in found] == [
        (512, "2023-04-03", "2023-04-09"), (498, "2023-04-10", "2023-04-16")]


def test_german_day_range() -> None:
    (f,) = extract("Vom 3. bis 9. März kamen 4.100 Geflüchtete in Berlin an.", published="2022-03-20", language="de")
    assert (f.value, f.period_start, f.period_end) == (4100, "2022-03-03", "2022-03-09")


def test_german_since_an_event_in_a_month() -> None:
    (f,) = extract("Seit dem Ende der Kämpfe im vergangenen Dezember sind 40.000 Menschen in ihre Heimat zurückgekehrt.",
                   published="2025-02-18", language="de")
    assert (f.movement, f.period_start, f.period_end) == ("returned", "2024-12-01", "2025-02-18")


def test_german_since_then_runs_from_the_figure_before() -> None:
    found = extract("Mitte Januar waren 10.000 Menschen zurückgekehrt. Seitdem kehrten weitere 5.000 Menschen zurück.",
                    published="2025-02-18", language="de")
    assert [(f.value, f.period_start, f.period_end) for f in found] == [
        (10000, "2025-01-15", "2025-01-15"), (5000, "2025-01-15", "2025-02-18")]


def test_german_stock_before_the_war_is_held_at_its_start() -> None:
    found = extract("Seit Beginn der Kämpfe am 15. April sind 200.000 Menschen geflohen. "
                    "Schon vor den Kämpfen gab es 1,2 Millionen Vertriebene im Land.", published="2023-05-03", language="de")
    assert (found[1].value, found[1].kind, found[1].period_end) == (1200000, "stock", "2023-04-15")


def test_german_refugees_across_a_border_between_two_countries() -> None:
    (f,) = extract("In der vergangenen Woche kamen 25 Flüchtlinge über die slowenisch-kroatische Grenze nach Slowenien.",
                   published="2023-12-28", language="de")
    assert (f.movement, f.origin, f.destination) == ("arrived", "HR", "SI")
    (g,) = extract("Am Montag gingen 30 Flüchtlinge über die serbisch-ungarische Grenze ins Burgenland.",
                   published="2023-12-28", language="de")
    assert (g.movement, g.kind, g.origin, g.destination) == ("arrived", "total", "RS", "AT")


def test_german_airlifted_from_a_city_are_not_kept_inside_the_country() -> None:
    (f,) = extract("Die Luftwaffe hat bislang 2.300 Menschen aus Kabul ausgeflogen.", published="2021-08-21", language="de")
    assert (f.movement, f.origin, f.destination) == ("evacuated", "AF", None)


def test_german_numbers_written_as_one_word() -> None:
    found = extract("Rund zweihundertfünfzigtausend Menschen sind aus der Region geflohen. "
                    "Zwölftausend Flüchtlinge kamen in Berlin an. Eine halbe Million Menschen wurden vertrieben.",
                    published="2023-01-01", language="de")
    assert [(f.value, f.qualifier) for f in found] == [(250000, "approx"), (12000, "exact"), (500000, "exact")]


def test_german_acronym_in_brackets_does_not_part_the_number_from_its_verb() -> None:
    (f,) = extract("Rund 50.000 Menschen sind laut dem Flüchtlingshilfswerk (UNHCR) seit Anfang Mai aus dem Sudan "
                   "in den Tschad geflohen.", published="2023-06-20", language="de")
    assert (f.value, f.movement, f.origin, f.destination) == (50000, "fled", "SD", "TD")


def test_german_on_the_run_inside_the_country_is_a_stock_of_displaced() -> None:
    (f,) = extract("Im Land sind inzwischen rund 800.000 Menschen auf der Flucht.", published="2023-06-20", language="de")
    assert (f.value, f.movement, f.kind) == (800000, "displaced", "stock")


def test_german_sentence_opening_with_davon_counts_parts_of_the_figure_before() -> None:
    _, part = extract("Seit Januar sind 12.000 Menschen aus dem Sudan in den Tschad geflohen. "
                      "Davon seien 9.000 sudanesische Flüchtlinge.", published="2023-06-20", language="de")
    assert (part.value, part.movement, part.kind, part.nationality) == (9000, "fled", "total", "SD")


def test_german_aber_inside_a_clause_breaks_nothing() -> None:
    (f,) = extract("Die Zahl der Asylanträge lag im März aber deutlich höher - bei 15.400.",
                   published="2023-06-20", language="de")
    assert (f.value, f.movement, f.period_start) == (15400, "asylum", "2023-03-01")


def test_german_finding_shelter_in_neighbouring_countries_is_flight() -> None:
    (f,) = extract("Mehr als 5.000 Menschen fanden eine Bleibe in Nachbarländern.", published="2023-06-20", language="de")
    assert (f.low, f.movement, f.destination_place) == (5000, "fled", "neighbouring countries")


def test_german_refusing_to_leave_is_no_figure() -> None:
    assert extract("Etwa 200 Bewohner weigerten sich, ihre Häuser zu verlassen.", published="2023-06-20", language="de") == []


def test_german_returnees_from_abroad_have_no_single_origin() -> None:
    text = ("Seit Dezember sind 50.000 Syrer {}in ihre Heimat zurückgekehrt. Die meisten lebten zuvor in der Türkei. "
            "Die Türkei hatte die Rückkehr gefördert.")
    (abroad,) = extract(text.format("aus dem Ausland "), published="2025-02-18", language="de")
    (plain,) = extract(text.format(""), published="2025-02-18", language="de")
    assert (abroad.origin, plain.origin) == (None, "TR")


def test_german_internally_displaced_return_inside_their_country() -> None:
    (f,) = extract("Zudem kehrten 300.000 syrische Binnenflüchtlinge in ihre Heimatorte zurück.",
                   published="2025-02-18", language="de")
    assert (f.movement, f.nationality, f.origin, f.destination) == ("returned", "SY", "SY", "SY")


def test_german_people_brought_to_a_country_arrived_there_but_brought_to_safety_were_evacuated() -> None:
    (brought,) = extract("Im vergangenen Jahr wurden 12.000 Migranten im Mittelmeer gerettet und nach Malta gebracht.",
                         published="2023-06-20", language="de")
    (safety,) = extract("In Sicherheit gebracht wurden 300 Menschen.", published="2023-06-20", language="de")
    assert (brought.movement, brought.kind, brought.destination) == ("arrived", "total", "MT")
    assert safety.movement == "evacuated"


def test_german_since_the_dated_earthquake_counts_from_its_day() -> None:
    (f,) = extract("Das Erdbeben ereignete sich am 6. Februar. Seit dem Erdbeben sind 300.000 Menschen in andere Provinzen geflohen.", published="2023-03-01", language="de")
    assert (f.value, f.period_start) == (300000, "2023-02-06")
    assert "frame.period_start:EVENT.earthquake" in f.rule
