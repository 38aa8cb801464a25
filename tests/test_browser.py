"""The dashboard in a real headless Chromium (Debian's chromium and
chromedriver): the overview's map and legend, a flow's charts with dated
axes, an Arabic document, the Arabic interface mirrored, the review's
highlight, pick-lists and preview, /docs offline. The browser resolves no
host but loopback (the network is blocked for it). Screenshots of every page
in English and Arabic, at 1300 and 390 px, go to build/screenshots/."""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from support import store_with

from marsad.api import create_app

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Debian's chromium and chromium-driver are not installed")
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
TOKEN = "browser-token"
ARTICLES = [
    {"id": "ar-1", "outlet": "akhbar.example", "language": "ar", "published": "2024-03-12", "title": "لاجئون سوريون في تركيا",
     "text": "لاجئون سوريون في تركيا\nقالت تركيا يوم الثلاثاء إن نحو 40 ألف سوري دخلوا البلاد منذ مطلع مارس، وفق ما نقلت وكالة (AFP).\n"
             "وتستضيف الأردن نحو 650 ألف لاجئ سوري، بحسب الأمم المتحدة. <script>document.title='pwned'</script>"},
    {"id": "en-1", "outlet": "daily.example", "language": "en", "published": "2024-03-19",
     "text": "Officials said on Tuesday that 2,000 Syrians a day were crossing into Turkey."},
    {"id": "en-2", "outlet": "wire.example", "language": "en", "published": "2024-03-26",
     "text": "Turkey said on Tuesday that about 65,000 Syrians had crossed into the country since March 1."},
    {"id": "en-3", "outlet": "news.example", "language": "en", "published": "2024-04-09",
     "text": "Turkish officials said on Tuesday that more than 90,000 Syrians had crossed into the country "
             "since March 1."},
]
PAGES = {"overview": "#/", "flow": "#/flow?movement=arrived&origin=SY&destination=TR&nationality=SY",
         "document": "#/document/1", "review": "#/review", "ingest": "#/ingest", "empty": "#/?movement=evacuated"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = store_with(tmp_path_factory.mktemp("browser"), ARTICLES)
    yield from served(create_app(db, token=TOKEN))


def served(app):  # type: ignore[no-untyped-def]
    """Serve `app` with uvicorn on a free loopback port in a thread; yield its address, then stop it."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no network but loopback
                 "--lang=en-US", "--window-size=1300,1000", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver, css: str, timeout: float = 15):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _open(browser, server: str, page: str, lang: str = "en", css: str = "main section"):  # type: ignore[no-untyped-def]
    """Open a page in a language (the switch's stored choice) and wait for it."""
    browser.get(server + "/static/style.css")
    browser.execute_script("localStorage.setItem('marsad-lang', arguments[0])", lang)
    browser.get(server + "/" + page)
    _wait(browser, f"html[lang={lang}]")
    return _wait(browser, css)


def _texts(browser, css: str) -> list[str]:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    return [e.get_attribute("textContent") for e in browser.find_elements(By.CSS_SELECTOR, css)]


def test_overview_map_has_arrows_legend_and_country_labels(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    _open(browser, server, "#/", css="svg.map path.arrow")
    assert len(_texts(browser, "svg.map path.country")) > 150
    assert {"Syria", "Türkiye", "Jordan"} <= set(_texts(browser, "svg.map text.label"))
    legend = " ".join(_texts(browser, ".legend"))
    assert "arrow width" in legend and "circle" in legend and "capital" in legend
    assert _texts(browser, ".legend line.arrow") and _texts(browser, ".legend circle.dest")
    assert _texts(browser, "svg.map circle.start.capital")  # Damascus, not the middle of Syria
    flows = _texts(browser, "a.flow-link")
    assert any("Syria → Türkiye" in f for f in flows) and any("Syria → Jordan" in f for f in flows)
    cells = " ".join(_texts(browser, "table.flows td.latest"))
    assert "at least 90,000" in cells and "Apr 9, 2024" in cells and "2,000" in cells  # total and rate apart
    assert "Mar 12, 2024" in cells and "1 source" in cells


def test_an_empty_filter_says_so_and_draws_no_circle(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    _open(browser, server, PAGES["empty"], css="p.empty")
    assert "No flows for these filters." in _texts(browser, "p.empty")
    assert not _texts(browser, "svg.map circle.dest") and not _texts(browser, "svg.map path.arrow")
    assert len(_texts(browser, "svg.map path.country")) > 150  # the world is still drawn


def test_flow_page_has_dated_axes_and_labelled_points(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    _open(browser, server, PAGES["flow"], css="section.series-total svg.chart")
    ticks_x = _texts(browser, "section.series-total svg.chart g[aria-label='x-axis tick label'] text")
    ticks_y = _texts(browser, "section.series-total svg.chart g[aria-label='y-axis tick label'] text")
    assert ticks_x and all(re.search(r"(Jan|Feb|Mar|Apr|May) \d+, 2024", x) for x in ticks_x)
    assert any(re.fullmatch(r"\d{1,3}(,\d{3})+", y) for y in ticks_y)
    labels = _texts(browser, "section.series-total svg.chart g.point-label text")
    assert any("about 40,000" in x and "1 source" in x for x in labels)
    assert any("at least 90,000" in x for x in labels)
    assert _texts(browser, "section.series-rate svg.chart")  # rates in a panel of their own
    glance = " ".join(_texts(browser, "table.glance td"))
    assert "at least 90,000" in glance and "2,000" in glance


def test_arabic_interface_is_mirrored_with_arabic_labels(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _open(browser, server, "#/", lang="ar", css="svg.map path.arrow")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    assert "نظرة عامة" in _texts(browser, "nav a")
    assert {"سوريا", "الأردن"} <= set(_texts(browser, "svg.map text.label"))
    assert any("إلى أين يتجه الناس" in h for h in _texts(browser, "h2"))
    brand = browser.find_element(By.CSS_SELECTOR, "header .brand").rect
    token = browser.find_element(By.CSS_SELECTOR, "header .token").rect
    assert brand["x"] > token["x"]  # the header runs right to left
    heading = browser.find_element(By.CSS_SELECTOR, "main h2")
    assert heading.value_of_css_property("direction") == "rtl"
    _open(browser, server, PAGES["flow"], lang="ar", css="section.series-total svg.chart")
    ticks = _texts(browser, "section.series-total svg.chart g[aria-label='x-axis tick label'] text")
    assert ticks and all(re.search(r"(مارس|أبريل|فبراير)", x) for x in ticks)
    assert browser.find_element(By.CSS_SELECTOR, "g[aria-label='y-axis tick']").get_attribute("transform")


def test_arabic_document_is_right_to_left_with_figures_highlighted(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    article = _open(browser, server, "#/document/1", css="div.article mark.figure").find_element(By.XPATH, "..")
    assert article.get_attribute("dir") == "rtl" and article.get_attribute("lang") == "ar"
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.figure")
    assert len(marks) == 2 and "40" in marks[0].text
    assert "<script>" in article.text and browser.title != "pwned"  # shown as text, never run


def test_review_highlights_the_number_and_offers_pick_lists(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, server, "#/review", css="mark.under-review")
    assert re.search(r"\d+ left to review", " ".join(_texts(browser, ".left")))
    evidence = browser.find_element(By.CSS_SELECTOR, "section.review p.evidence")
    mark = evidence.find_element(By.CSS_SELECTOR, "mark.under-review").text
    assert mark and re.search(r"\d", mark) and mark in evidence.text
    qualifier = Select(browser.find_element(By.CSS_SELECTOR, "#correct select[name=qualifier]"))
    values = [o.get_attribute("value") for o in qualifier.options]  # required: no empty choice
    assert values == ["exact", "approx", "at_least", "at_most", "range", "vague"]
    assert "at least" in [o.text for o in qualifier.options]
    countries = Select(browser.find_element(By.CSS_SELECTOR, "#correct select[name=destination]"))
    assert len(countries.options) > 200 and "Jordan (JO)" in [o.text for o in countries.options]
    for name in ("movement", "kind", "unit", "per", "source_type", "nationality", "origin"):
        assert browser.find_element(By.CSS_SELECTOR, f"#correct select[name={name}]")
    assert browser.find_element(By.CSS_SELECTOR, "#correct input[name=period_end]").get_attribute("type") == "date"


def test_a_correction_is_previewed_then_changes_the_flow(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _open(browser, server, "#/", css="#token")
    browser.execute_script("sessionStorage.setItem('marsad-token', arguments[0])", TOKEN)
    _open(browser, server, "#/document/1", css="mark.figure")
    jordan = [m for m in browser.find_elements(By.CSS_SELECTOR, "mark.figure") if "650" in m.text][0]
    jordan.click()
    form = _wait(browser, "#correct")
    assert "650" in browser.find_element(By.CSS_SELECTOR, "mark.under-review").text
    for name, value in (("value", "700000"), ("low", "700000"), ("high", "700000")):
        field = form.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    preview = _wait(browser, "#preview")
    assert "700,000" in preview.text and "650,000" in preview.text  # before and after
    browser.save_screenshot(str(SHOTS / "review-preview-en-1300.png"))
    browser.find_element(By.ID, "save").click()
    _wait(browser, "#message")
    assert "corrected" in browser.find_element(By.ID, "message").text
    jordan_flow = "#/flow?movement=hosted&origin=SY&destination=JO&nationality=SY"
    _open(browser, server, jordan_flow, css="svg.chart g.point circle")
    assert "700,000" in browser.find_element(By.TAG_NAME, "main").text


def test_review_queue_keyboard_shortcut(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _open(browser, server, "#/review", css="#confirm")
    first = browser.find_element(By.TAG_NAME, "h2").text
    left = int(re.search(r"(\d+) left", browser.find_element(By.CSS_SELECTOR, ".left").text).group(1))
    browser.find_element(By.TAG_NAME, "body").send_keys("c")
    _wait(browser, "#message")
    assert "confirmed" in browser.find_element(By.ID, "message").text
    assert browser.find_element(By.TAG_NAME, "h2").text != first
    assert f"{left - 1} left" in browser.find_element(By.CSS_SELECTOR, ".left").text


def test_api_docs_render_offline(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    browser.get(server + "/docs")
    title = _wait(browser, ".swagger-ui .info .title")
    assert "marsad" in title.text
    assert _wait(browser, ".swagger-ui .opblock")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(server) for url in loaded)
    browser.save_screenshot(str(SHOTS / "docs-en-1300.png"))


@pytest.mark.parametrize("width", [1300, 390])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_screenshots_of_every_page(server: str, browser, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 1000)
    try:
        for name, page in PAGES.items():
            _open(browser, server, page, lang=lang, css="main section, main p.empty")
            time.sleep(0.2)
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 2, f"{name} in {lang} at {width} px is {overflow} px wider than the window"
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(max(height + 140, 600), 4000))
            browser.find_element(By.TAG_NAME, "main").screenshot(str(SHOTS / f"{name}-{lang}-{width}.png"))
            browser.set_window_size(width, 1000)
    finally:
        browser.set_window_size(1300, 1000)
