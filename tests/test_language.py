"""Language detection: scripts first, then lingua among every language it knows."""

from __future__ import annotations

import pytest

from marsad.language import detect_language, script_counts

SENTENCES = {
    "ar": "قالت المفوضية إن آلاف العائلات نزحت من المدينة خلال الأسبوع الماضي بسبب القتال العنيف.",
    "fa": "به گفته سازمان ملل، هزاران خانواده در هفته گذشته به دلیل جنگ از خانه‌های خود گریختند و به پاکستان رفتند.",
    "ur": "اقوام متحدہ کے مطابق گزشتہ ہفتے لڑائی کی وجہ سے ہزاروں خاندان اپنے گھروں سے بے گھر ہو گئے ہیں۔",
    "tr": "Birleşmiş Milletler, geçen hafta çatışmalar nedeniyle binlerce ailenin evlerini terk ettiğini açıkladı.",
    "zh": "联合国表示，由于激烈的战斗，上周有数千个家庭被迫离开家园，逃往邻国。",
    "so": "Qaramada Midoobay ayaa sheegtay in kumanaan qoys ay ka barakaceen guryahooda toddobaadkii hore "
          "sababo la xiriira dagaallada.",
    "am": "የተባበሩት መንግስታት እንዳስታወቀው ባለፈው ሳምንት በጦርነቱ ምክንያት በሺዎች የሚቆጠሩ ቤተሰቦች ከቤታቸው ተፈናቅለዋል።",
    "en": "The United Nations said thousands of families fled their homes last week because of the fighting.",
    "ru": "По данным ООН, на прошлой неделе тысячи семей покинули свои дома из-за боевых действий.",
    "uk": "За даними ООН, минулого тижня тисячі родин залишили свої домівки через бойові дії.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_each_language_gets_its_own_answer(code: str) -> None:
    assert detect_language(SENTENCES[code]) == code


def test_traditional_chinese_is_chinese() -> None:
    assert detect_language("聯合國表示，由於激烈的戰鬥，上週有數千個家庭被迫離開家園。") == "zh"


def test_persian_without_persian_only_letters_is_not_taken_for_arabic() -> None:
    # no پ چ ژ گ: the Persian ی and ک still tell it from Arabic
    assert detect_language("سازمان ملل می‌گوید هزاران نفر در این هفته از مرز عبور کرده‌اند و به ایران رسیده‌اند.") == "fa"


def test_mixed_documents_go_by_the_dominant_language() -> None:
    # Chinese with English agency names in brackets: Chinese dominates
    zh = ("联合国人道主义事务协调厅(United Nations Office for the Coordination of Humanitarian Affairs)说，"
          "已有超过十万人在境内流离失所，其中许多人住在学校里。")
    assert detect_language(zh) == "zh"
    # English story quoting an Arabic phrase: English dominates
    en = ("The agency said that about 2,000 families had reached the camp this week, and one mother told "
          "reporters \"نحن خائفون\" before the convoy left for the border crossing in the north.")
    assert detect_language(en) == "en"
    # an Arabic report with one English name stays Arabic
    assert detect_language("قالت منظمة (IOM) إن أكثر من ألف شخص فروا من القرية يوم الاثنين.") == "ar"


def test_no_letters_no_language() -> None:
    assert detect_language("2024-03-01 12:30 — 4,500 / 7") is None
    assert detect_language("") is None


def test_unspaced_scripts_weigh_like_words() -> None:
    counts = script_counts("难民abc")
    assert counts["han"] == 6 and counts["latin"] == 3
