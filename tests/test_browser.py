"""The dashboard in a real headless Chromium (Debian's chromium and
chromedriver): the overview, an Arabic document, a correction that changes
the flow. Screenshots go to build/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from marsad.api import create_app
from support import store_with

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
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import uvicorn

    db = store_with(tmp_path_factory.mktemp("browser"), ARTICLES)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(db, token=TOKEN)
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
                 "--window-size=1300,1000", f"--user-data-dir={tmp_path_factory.mktemp('chrome')}"):
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


def test_overview_draws_the_map_and_flows(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/#/")
    _wait(browser, "svg.map path.arrow")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map path.country")) > 150
    flows = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.flow-link")]
    assert any("SY→TR" in f for f in flows) and any("SY→JO" in f for f in flows)
    browser.save_screenshot(str(SHOTS / "overview.png"))


def test_arabic_document_is_right_to_left_with_figures_highlighted(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/#/document/1")
    article = _wait(browser, "div.article mark.figure").find_element(By.XPATH, "..")
    assert article.get_attribute("dir") == "rtl" and article.get_attribute("lang") == "ar"
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.figure")
    assert len(marks) == 2 and "40" in marks[0].text
    assert "<script>" in article.text and browser.title != "pwned"  # shown as text, never run
    browser.save_screenshot(str(SHOTS / "document-ar.png"))


def test_correcting_a_figure_changes_the_flow(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server + "/#/")
    token = _wait(browser, "#token")
    token.clear()
    token.send_keys(TOKEN)
    browser.execute_script("localStorage.setItem('marsad-token', arguments[0])", TOKEN)
    browser.get(server + "/#/document/1")
    _wait(browser, "mark.figure")
    jordan = [m for m in browser.find_elements(By.CSS_SELECTOR, "mark.figure") if "650" in m.text][0]
    jordan.click()
    form = _wait(browser, "#correct")
    browser.save_screenshot(str(SHOTS / "review.png"))
    for name, value in (("value", "700000"), ("low", "700000"), ("high", "700000")):
        field = form.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, "#message")
    assert "corrected" in browser.find_element(By.ID, "message").text
    browser.get(server + "/#/flow?movement=hosted&origin=SY&destination=JO&nationality=SY")
    _wait(browser, "svg.chart circle.point")
    assert "700,000" in browser.find_element(By.TAG_NAME, "main").text
    browser.save_screenshot(str(SHOTS / "flow-after-correction.png"))


def test_review_queue_keyboard_shortcut(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys  # noqa: F401

    browser.get(server + "/#/review")
    _wait(browser, "#confirm")
    first = browser.find_element(By.TAG_NAME, "h2").text
    browser.find_element(By.TAG_NAME, "body").send_keys("c")
    _wait(browser, "#message")
    assert "confirmed" in browser.find_element(By.ID, "message").text
    assert browser.find_element(By.TAG_NAME, "h2").text != first
