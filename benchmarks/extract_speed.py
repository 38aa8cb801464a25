"""Articles per second and peak memory of `extract` on one core.

Builds a mixed corpus from sentences written for this benchmark: most
articles (80% by default) hold no movement figure (economy, sport, weather,
casualty reports — numbers everywhere), the rest report arrivals, refugees
and displacement; Arabic, English and Chinese, 2–4 KB each. Every language
folder's lexicon is loaded first (load time and memory printed). Run:

    python benchmarks/extract_speed.py [--articles 3000] [--share-with-figures 0.2]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

from marsad import extract
from marsad.lang import available_languages
from marsad.lexicon import load_lexicon

NO_FIGURE = {
    "ar": [
        "ارتفع مؤشر البورصة بنسبة 2.5 بالمئة يوم الثلاثاء ليغلق عند 11 ألفا و300 نقطة.",
        "وقالت وزارة المالية إن العجز بلغ 4.2 مليار دولار في الربع الأول من عام 2023.",
        "وفاز الفريق بثلاثة أهداف مقابل هدف واحد في المباراة التي حضرها 45 ألف متفرج.",
        "وسجلت درجات الحرارة 43 درجة مئوية في العاصمة، بحسب الأرصاد الجوية.",
        "وقتل 12 شخصا وأصيب 30 آخرون في حادث سير على الطريق السريع.",
        "وأعلنت الشركة عن أرباح صافية بقيمة 250 مليون ريال خلال العام الماضي.",
        "ويبلغ طول الطريق الجديد 120 كيلومترا، ومن المتوقع افتتاحه في أكتوبر.",
        "وقال الرئيس في خطاب أمام البرلمان إن الحكومة ستخفض الضرائب.",
        "واعتقلت الشرطة 15 شخصا خلال احتجاجات في وسط المدينة مساء الجمعة.",
        "وتضم المدينة أكثر من 300 مدرسة و40 مستشفى، وفق إحصاءات رسمية.",
    ],
    "en": [
        "Shares rose 2.5 percent on Tuesday, closing at 11,300 points after a volatile session.",
        "The finance ministry said the deficit reached $4.2 billion in the first quarter of 2023.",
        "The team won 3-1 in front of a crowd of 45,000 at the national stadium.",
        "Temperatures hit 43 degrees Celsius in the capital, the weather service said.",
        "Twelve people were killed and 30 injured in a road accident on the highway.",
        "The company reported a net profit of 250 million dollars last year.",
        "The new road is 120 kilometres long and is expected to open in October.",
        "The president told parliament that the government would cut taxes next year.",
        "Police arrested 15 people during protests in the city centre on Friday evening.",
        "The city has more than 300 schools and 40 hospitals, official statistics show.",
    ],
    "zh": [
        "周二股市上涨2.5%，收于11300点，成交额达到4.2亿元。",
        "财政部表示，2023年第一季度赤字为42亿美元。",
        "主队在4.5万名观众面前以3比1获胜。",
        "首都气温达到43摄氏度，气象部门说。",
        "高速公路上发生车祸，造成12人死亡、30人受伤。",
        "该公司去年净利润为2.5亿元人民币。",
        "新公路全长120公里，预计于10月通车。",
        "总统在议会发表讲话，表示政府明年将减税。",
        "警方在周五晚间的抗议活动中逮捕了15人。",
        "据官方统计，该市有300多所学校和40家医院。",
    ],
}
FIGURE = {
    "ar": [
        "وقالت المفوضية يوم الاثنين إن نحو 12 ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر.",
        "وأضافت أن ما بين 3 آلاف و4 آلاف شخص يصلون يوميا إلى الحدود.",
        "ونزحت أكثر من 900 أسرة من مدينة الفاشر خلال الأسبوع الماضي، وفقا لمنظمة الهجرة الدولية.",
        "وتستضيف الأردن حاليا نحو 650 ألف لاجئ سوري مسجل لدى الأمم المتحدة.",
    ],
    "en": [
        "Some 12,000 Syrian refugees crossed into Turkey since the start of the month, UNHCR said on Monday.",
        "Between 3,000 and 4,000 people were arriving at the border every day, officials said.",
        "More than 900 families fled El Fasher last week, according to the IOM.",
        "Jordan hosts about 650,000 registered Syrian refugees, the agency said.",
    ],
    "zh": [
        "联合国难民署周一表示，本月初以来约有1.2万名叙利亚难民越境进入土耳其。",
        "官员说，每天有3000至4000人抵达边境。",
        "据国际移民组织统计，上周有900多户家庭逃离法希尔。",
        "约旦目前收容约65万名登记在册的叙利亚难民。",
    ],
}


def build_corpus(n: int, share: float, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    corpus = []
    for _ in range(n):
        lang = rng.choice(sorted(FIGURE))
        sentences = rng.choices(NO_FIGURE[lang], k=rng.randint(20, 36))
        if rng.random() < share:
            for s in rng.sample(FIGURE[lang], k=2):
                sentences.insert(rng.randrange(len(sentences)), s)
        corpus.append((lang, " ".join(sentences)))
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--share-with-figures", type=float, default=0.2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = build_corpus(args.articles, args.share_with_figures)
    for code in available_languages():  # every language loaded, once, outside the timing
        before, start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, time.perf_counter()
        load_lexicon(code)._ensure_compiled()
        print(f"lexicon {code}: loaded in {time.perf_counter() - start:.2f} s, "
              f"+{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before:.0f} MB peak RSS")
    size = sum(len(t) for _, t in corpus) / len(corpus)
    rates = []
    for _ in range(args.rounds):  # a shared machine is noisy: several rounds, report the median
        start = time.perf_counter()
        figures = 0
        for lang, text in corpus:
            figures += len(extract(text, language=lang, published="2024-03-14"))
        rates.append(len(corpus) / (time.perf_counter() - start))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(corpus)} (mean {size:.0f} chars, {args.share_with_figures:.0%} with figures)")
    print(f"figures found: {figures}")
    print(f"articles/s (one core): median {statistics.median(rates):.0f}, best {max(rates):.0f} over {len(rates)} rounds")
    print(f"peak memory (RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
