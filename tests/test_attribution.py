"""Sources at the clause (issue 9, mechanism 6): speakers from the lexicons,
anaphors across sentences, the headline's "UNHCR:" prefix, the document's main
source for figures whose sentence names none, and never a pronoun or a clitic
as the source. Every sentence here was written for these tests."""

from __future__ import annotations

from marsad import extract


def figures(text: str, language: str, published: str = "2025-02-12") -> list:
    return extract(text, published=published, language=language)


def test_a_headline_prefix_names_the_source_of_the_figures_below_it() -> None:
    text = ("UNHCR: thousands flee fighting in the east\nThe rains have cut the main road. "
            "Some 7,500 refugees crossed into Burundi on Sunday.")
    found = figures(text, "en")
    assert {f.source_type for f in found} == {"un_agency"}
    assert "frame.source" in found[-1].rule


def test_an_arabic_headline_prefix_names_the_source() -> None:
    text = "المفوضية: آلاف يفرون من القتال\nوقطعت الأمطار الطريق. وعبر نحو 7500 لاجئ الحدود إلى بوروندي يوم الأحد."
    f = figures(text, "ar")[-1]
    assert f.source_type == "un_agency" and f.source is not None


def test_the_main_source_named_after_the_figures_speaks_for_them() -> None:
    text = ("About 3,200 migrants landed on Lampedusa over the weekend. "
            "Another 900 people reached Sicily on Monday. "
            "The figures were released by the Italian interior ministry on Tuesday.")
    found = figures(text, "en")
    assert [f.source_type for f in found] == ["government", "government"]


def test_an_anaphor_takes_the_agency_named_before() -> None:
    text = ("The International Organization for Migration said the fighting had displaced 45,000 people. "
            "The agency added that 8,000 of them had reached Kosti since Friday.")
    found = figures(text, "en")
    assert found[-1].source_type == "un_agency"
    text = ("قالت المنظمة الدولية للهجرة إن القتال شرد 45 ألف شخص. "
            "وأضافت المنظمة أن 8 آلاف منهم وصلوا إلى كوستي منذ الجمعة.")
    found = figures(text, "ar")
    assert [f.source_type for f in found] == ["un_agency", "un_agency"]  # "المنظمة" is no NGO here


def test_a_medium_that_relays_yields_to_the_official_it_quotes() -> None:
    text = "According to state television, the provincial governor said 4,000 families were evacuated from the valley."
    (f,) = figures(text, "en")
    assert f.source_type == "government"
    (g,) = figures("State TV reported that 4,000 families were evacuated from the valley on Friday.", "en")
    assert g.source_type == "media"


def test_a_person_the_lexicons_do_not_know_speaks_for_the_reports_source() -> None:
    text = ("The Red Crescent said 2,000 families had fled the flooded villages. "
            "\"Another 600 families arrived at the schools overnight,\" said Ahmed Karimi.")
    found = figures(text, "en")
    assert [f.source_type for f in found] == ["ngo", "ngo"]
    assert any(r.endswith(":unclassified") for r in found[1].rule)


def test_a_speaker_without_a_kind_and_no_report_source_is_of_unknown_kind() -> None:
    (f,) = figures("About 1,300 people have left the town since Monday, Karim Lazaar said.", "en")
    assert f.source == "Karim Lazaar" and f.source_type == "unknown"


def test_an_arabic_complementiser_ends_the_speaker_and_kama_names_no_one() -> None:
    text = ("أعلنت وزارة الداخلية أن 12 ألف شخص عبروا الحدود منذ الأحد. "
            "كما أكدت أن 3 آلاف آخرين وصلوا إلى المخيم يوم الثلاثاء.")
    found = figures(text, "ar")
    assert [f.source_type for f in found] == ["government", "government"]
    assert all(f.source not in ("كما", None) for f in found)


def test_official_data_of_an_inflected_ministry_name_a_government_source() -> None:
    text = "Wie aus Zahlen des Innenministeriums hervorgeht, kamen bis Sonntag 41.200 Menschen mit Booten an."
    (f,) = figures(text, "de", published="2025-06-03")
    assert f.source_type == "government"


def test_a_hyphenated_agency_name_is_one_speaker() -> None:
    text = "Mehr als 85.000 Menschen sind vor den Kämpfen geflohen, hat die UN-Organisation für Migration mitgeteilt."
    (f,) = figures(text, "de", published="2025-06-03")
    assert f.source_type == "un_agency" and "UN-Organisation" in f.source


def test_the_rule_that_set_the_source_is_recorded() -> None:
    (f,) = figures("Some 2,400 people crossed into Chad on Saturday, the World Food Programme said.", "en")
    assert f.source_type == "un_agency"
    assert any(r.startswith("en.ORG.un_agency:") for r in f.rule)


def test_the_outlets_own_reporter_speaks_for_one_sentence_not_the_report() -> None:
    text = ("Up to 40 people crossed the border on Tuesday night, our correspondent reported. "
            "The sea was calm. About 6,000 migrants have arrived in Ceuta since Monday.")
    first, second = figures(text, "en")
    assert first.source_type == "media"
    assert second.source is None and second.source_type == "unknown"
