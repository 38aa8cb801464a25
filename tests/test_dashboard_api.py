"""What the dashboard reads from the API: message catalogues, the offline
API docs, map arrows anchored at capitals, latest values with their dates and
sources, the count left to review."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import store_with

from marsad.api import create_app
from marsad.api.i18n import ENUMS, MESSAGES, catalogue, locales

ARTICLES = [
    {"id": "a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "b", "outlet": "two.example", "language": "en", "published": "2024-03-12",
     "text": "Russia said on Tuesday that 5,000 Ukrainians had crossed into the country since March 1."},
]
STATIC = Path(__file__).resolve().parents[1] / "marsad" / "api" / "static"
PLURAL = re.compile(r"\.(zero|one|two|few|many|other)$")


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = create_app(store_with(tmp_path, ARTICLES), token="t")
    with TestClient(app) as c:
        yield c
    app.state.store.close()


def _keys(code: str) -> set[str]:
    data = json.loads((MESSAGES / f"{code}.json").read_text(encoding="utf-8"))
    return {PLURAL.sub("", k) for k in data}


@pytest.mark.parametrize("code", locales())
def test_every_catalogue_has_every_message_and_enum(code: str) -> None:
    assert _keys(code) == _keys("en")
    messages = catalogue(code)["messages"]
    for field, values in ENUMS.items():
        assert all(f"{field}.{v}" in messages for v in values), field
    assert all(f"field.{name}" in messages for name in ("value", "origin", "period_end", "source_type"))


def test_catalogues_carry_cldr_country_names_and_direction(client: TestClient) -> None:
    ar = client.get("/api/i18n/ar").json()
    assert ar["dir"] == "rtl" and ar["countries"]["SY"] == "سوريا" and ar["messages"]["nav.overview"] == "نظرة عامة"
    en = client.get("/api/i18n/en").json()
    assert en["dir"] == "ltr" and en["countries"]["JO"] == "Jordan" and set(en["languages"]) >= {"ar", "en"}
    assert client.get("/api/i18n/xx").status_code == 404


def test_docs_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert scripts and all(s.startswith("/static/") for s in scripts)
    for path in scripts:
        assert client.get(path).status_code == 200, path
    assert "<script>" not in page.text and "style=" not in page.text  # nothing inline


def test_pages_have_no_inline_script_or_style() -> None:
    for name in ("index.html", "docs.html"):
        html = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"<script>|<script [^>]*>[^<]|<style|style=", html), name
        for src in re.findall(r'src="/static/([^"]+)"', html):
            assert (STATIC / src).is_file(), src


def test_vendored_libraries_carry_their_licences() -> None:
    vendor = STATIC / "vendor"
    for folder in ("d3", "plot", "swagger-ui"):
        assert (vendor / folder / "LICENSE").stat().st_size > 100
    assert "d3@" in (vendor / "VERSIONS.txt").read_text()


def test_arrows_start_at_capitals_with_latest_values(client: TestClient) -> None:
    arrows = {a["origin"]: a for a in client.get("/api/overview").json()["arrows"]}
    russia = arrows["UA"]
    assert russia["to_kind"] == "capital" and russia["to"][1] == pytest.approx(55.75, abs=0.1)  # Moscow, not Siberia
    syria = arrows["SY"]
    total = syria["latest_total"]
    assert total["value"] == 40000 and total["qualifier"] == "approx" and total["period_end"] == "2024-03-12"
    assert total["independent_origins"] == 1 and syria["latest_stock"] is None


def test_review_queue_says_how_many_are_left(client: TestClient) -> None:
    queue = client.get("/api/review/queue", params={"limit": 1}).json()
    assert len(queue["items"]) == 1 and queue["left"] == 2
    figure = queue["items"][0]["id"]
    client.post(f"/api/figures/{figure}/review", json={"decision": "confirmed", "reviewer": "a"},
                headers={"Authorization": "Bearer t"})
    assert client.get("/api/review/queue").json()["left"] == 1


def test_a_cached_figures_page_follows_a_review(client: TestClient) -> None:
    first = client.get("/api/figures", params={"limit": 5}).json()["items"]
    assert client.get("/api/figures", params={"limit": 5}).json()["items"] == first  # served again
    figure = first[0]["id"]
    client.post(f"/api/figures/{figure}/review", json={"decision": "rejected", "reviewer": "a"},
                headers={"Authorization": "Bearer t"})
    again = {f["id"]: f for f in client.get("/api/figures", params={"limit": 5}).json()["items"]}
    assert again[figure]["decision"] == "rejected"
    csv_page = client.get("/api/figures", params={"limit": 5, "format": "csv"})
    assert csv_page.headers["content-type"].startswith("text/csv") and "rejected" in csv_page.text
