"""Compare marsad's hand-written number words with text2num (if installed) on
number phrases as Spanish, French and German news write them; prints accuracy and
phrases per second for each. `pip install text2num` to include it."""

from __future__ import annotations

import time

from marsad.lexicon import load_lexicon
from marsad.normalize import normalize
from marsad.stages.quantities import parse_quantity
from marsad.tokens import tokenize

# (phrase, value): written for this benchmark, in the shapes the news uses
# (words alone, digits with a scale word, decimal comma, words before a noun).
PHRASES = {
    "es": [("tres mil", 3000), ("doscientos cincuenta mil", 250000), ("cuatro millones", 4000000),
           ("medio millón", 500000), ("2,2 millones", 2200000), ("1,5 millones", 1500000), ("diez mil", 10000),
           ("cien mil", 100000), ("veinte mil", 20000), ("dos millones", 2000000), ("quinientas", 500),
           ("mil quinientos", 1500), ("trescientos mil", 300000), ("cuarenta mil", 40000), ("un millón", 1000000),
           ("380.000", 380000), ("seis mil", 6000), ("doce mil", 12000), ("setenta", 70), ("ochocientos", 800)],
    "fr": [("trois mille", 3000), ("deux cent cinquante mille", 250000), ("quatre millions", 4000000),
           ("un demi-million", 500000), ("2,2 millions", 2200000), ("1,5 million", 1500000), ("dix mille", 10000),
           ("cent mille", 100000), ("vingt mille", 20000), ("deux millions", 2000000), ("cinq cents", 500),
           ("mille cinq cents", 1500), ("trois cent mille", 300000), ("quarante mille", 40000),
           ("un million", 1000000), ("380 000", 380000), ("six mille", 6000), ("douze mille", 12000),
           ("soixante-dix", 70), ("huit cents", 800)],
    # German writes a number below a million as one word ("zweihundertfünfzigtausend")
    "de": [("dreitausend", 3000), ("zweihundertfünfzigtausend", 250000), ("vier Millionen", 4000000),
           ("eine halbe Million", 500000), ("2,2 Millionen", 2200000), ("1,5 Millionen", 1500000), ("zehntausend", 10000),
           ("hunderttausend", 100000), ("zwanzigtausend", 20000), ("zwei Millionen", 2000000), ("fünfhundert", 500),
           ("tausendfünfhundert", 1500), ("dreihunderttausend", 300000), ("vierzigtausend", 40000),
           ("eine Million", 1000000), ("380.000", 380000), ("sechstausend", 6000), ("zwölftausend", 12000),
           ("siebzig", 70), ("achthundert", 800)],
}


def hand_written(lang: str, phrase: str) -> int | None:
    q = parse_quantity(load_lexicon(lang), tokenize(normalize(phrase)), 0)
    return q.value if q is not None and q.qualifier == "exact" else None


def with_text2num(lang: str, phrase: str) -> int | None:
    from text_to_num import alpha2digit

    digits = alpha2digit(phrase, lang).replace(" ", "").replace(".", "")
    try:
        return int(float(digits.replace(",", ".")))
    except ValueError:
        return None


def measure(name: str, parse, lang: str) -> None:  # type: ignore[no-untyped-def]
    phrases = PHRASES[lang]
    right = sum(parse(lang, p) == v for p, v in phrases)
    wrong = [p for p, v in phrases if parse(lang, p) != v]
    start = time.perf_counter()
    for _ in range(20):
        for p, _ in phrases:
            parse(lang, p)
    rate = 20 * len(phrases) / (time.perf_counter() - start)
    print(f"{lang}\t{name}\t{right}/{len(phrases)}\t{rate:,.0f} phrases/s\twrong: {wrong}")


def main() -> None:
    for lang in PHRASES:
        measure("hand-written", hand_written, lang)
        try:
            import text_to_num  # noqa: F401
        except ImportError:
            print(f"{lang}\ttext2num\tnot installed")
            continue
        measure("text2num", with_text2num, lang)


if __name__ == "__main__":
    main()
