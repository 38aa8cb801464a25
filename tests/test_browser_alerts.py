"""The dashboard's Alerts page in headless Chromium (the browser and helpers
of test_browser.py): alerts that marsad watch's rules raised over a store,
written in English and in Arabic (mirrored), with their figures and
deliveries, and the watched sources' status. Screenshots go to
build/screenshots/ like the other pages'."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from test_browser import ARTICLES, SHOTS, _open, _texts, browser, served  # noqa: F401 (the browser fixture)
from test_browser import pytestmark as browser_mark

from marsad.api import create_app
from marsad.ingest import ingest
from marsad.store import Store
from marsad.watch.alerts import evaluate
from marsad.watch.config import AlertRule, SourceSpec, WatchConfig
from marsad.watch.state import Poll, WatchState

pytestmark = browser_mark
RULES = (AlertRule("new flows", "new_flow"), AlertRule("over 50k", "threshold", above=50000),
         AlertRule("half again", "jump", factor=1.5))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("alerts")
    db = str(folder / "m.db")
    config = WatchConfig((SourceSpec("wire", "http://127.0.0.1:9/feed.xml"),), RULES)
    path = folder / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    with Store(db) as store:
        evaluate(store, config)  # the rules' first run: an empty archive
        ingest(store, [str(path)], progress=False)
        assert len(evaluate(store, config)) >= 4
        at = datetime.now(UTC)
        WatchState(store).record(Poll("wire", config.sources[0].url, "304", at - timedelta(minutes=5), new=4,
                                      figures=6, etag='"v1"'), at + timedelta(minutes=10), 0)
        WatchState(store).record(Poll("ministry", "http://127.0.0.1:9/news", "error", at, error="HTTP 500"),
                                 at + timedelta(minutes=4), 2)
    yield from served(create_app(db))


def test_alerts_page_in_english(server: str, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, server, "#/alerts", css="table.alerts tr.alert")
    rows = _texts(browser, "table.alerts tr.alert")
    text = " ".join(rows)
    assert "new flow" in text and "A new flow: arrived: Syria → Türkiye (Syria)." in text
    assert "arrived: Syria → Türkiye (Syria): 90,000 on Apr 9, 2024, at or above 50,000." in text
    assert "arrived: Syria → Türkiye (Syria): 65,000 on Mar 26, 2024, 1.6 times the 40,000 of Mar 12, 2024." in text
    assert len(rows) == 6 and "A new flow: arrived: Syria → Türkiye (Syria)." in rows[-1]  # newest first
    assert "not sent (no webhook or email)" in text
    links = browser.execute_script("return [...document.querySelectorAll('table.alerts a')].map(a => a.hash)")
    assert any(h.startswith("#/figure/") for h in links) and any(h.startswith("#/flow?") for h in links)
    sources = " ".join(_texts(browser, "table.sources tr"))
    assert "wire" in sources and "unchanged (304)" in sources and "4 new articles" in sources
    assert "ministry" in sources and "HTTP 500" in sources
    browser.save_screenshot(str(SHOTS / "alerts-en-1300.png"))


def test_alerts_page_in_arabic_is_mirrored(server: str, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, server, "#/alerts", lang="ar", css="table.alerts tr.alert")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    text = " ".join(_texts(browser, "table.alerts tr.alert"))
    assert "تدفق جديد" in text and "سوريا" in text and "تركيا" in text
    assert "عند الحد" in text and "لم يُرسل" in text
    assert "المصادر المرصودة" in _texts(browser, "main h2")
    assert "التنبيهات" in _texts(browser, "header nav a")
    browser.set_window_size(390, 900)
    browser.save_screenshot(str(SHOTS / "alerts-ar-390.png"))
    width = browser.execute_script("return document.documentElement.scrollWidth")
    browser.set_window_size(1300, 1000)
    assert width <= 400  # cards on a phone, nothing wider than the screen
