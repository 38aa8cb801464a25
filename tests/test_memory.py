"""Memory stays flat over many documents: no cache grows without bound."""

from __future__ import annotations

import tracemalloc

from marsad import extract

ARTICLE = ("وقالت المفوضية يوم الاثنين إن نحو {n} ألف لاجئ سوري عبروا إلى تركيا منذ مطلع الشهر. "
           "وارتفع مؤشر البورصة بنسبة 2.5 بالمئة. Some {n},000 people fled to Chad, UNHCR said. ")


def _run(start: int, count: int) -> None:
    for n in range(start, start + count):
        extract(ARTICLE.format(n=n % 900 + 10) + f" وثيقة رقم {n}", language="ar", published="2024-03-14")


def test_memory_is_flat_over_documents() -> None:
    _run(0, 200)  # warm: lexicons compiled, caches filled
    tracemalloc.start()
    _run(200, 300)
    first, _ = tracemalloc.get_traced_memory()
    _run(500, 1500)
    second, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert second - first < 512 * 1024, f"grew by {(second - first) / 1024:.0f} KiB over 1,500 documents"
