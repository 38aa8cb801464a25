"""The HTTP API, in-process with the framework's test client: every
endpoint, the token rule, bad input, escaping, size limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from support import store_with

TOKEN = "test-token-123"
ARTICLES = [
    {"id": "a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1. <script>alert(1)</script>"},
    {"id": "b", "outlet": "two.example", "language": "ar", "published": "2024-03-12",
     "text": "قالت تركيا يوم الثلاثاء إن 39 ألفا و800 سوري دخلوا تركيا منذ مطلع مارس. وتستضيف الأردن نحو 650 ألف لاجئ سوري."},
    {"id": "c", "outlet": "three.example", "language": "en", "published": "2024-03-19",
     "text": "Officials said on Tuesday that 2,000 Syrians a day were crossing into Turkey."},
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return store_with(tmp_path, ARTICLES)


@pytest.fixture
def client(db: str):  # type: ignore[no-untyped-def]
    app = create_app(db, token=TOKEN)
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture
def readonly(db: str):  # type: ignore[no-untyped-def]
    app = create_app(db, token="")
    with TestClient(app) as c:
        yield c
    app.state.store.close()


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths >= {"/api/figures", "/api/figures/{figure_id}", "/api/documents", "/api/documents/{doc_id}",
                     "/api/flows", "/api/overview", "/api/review/queue", "/api/figures/{figure_id}/review", "/api/articles"}


def test_figures_filters_pagination_and_csv(client: TestClient) -> None:
    body = client.get("/api/figures", params={"country": "TR"}).json()
    assert {f["destination"] for f in body["items"]} == {"TR"} and len(body["items"]) == 3
    page = client.get("/api/figures", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next"] == 2
    rest = client.get("/api/figures", params={"limit": 2, "offset": 2}).json()
    assert rest["next"] is None and len(rest["items"]) == 2
    csv = client.get("/api/figures", params={"format": "csv", "movement": "hosted"})
    assert csv.headers["content-type"].startswith("text/csv") and "650000" in csv.text
    one = client.get(f"/api/figures/{body['items'][0]['id']}").json()
    assert one["id"] == body["items"][0]["id"]


def test_documents_and_their_figures(client: TestClient) -> None:
    docs = client.get("/api/documents").json()["items"]
    assert len(docs) == 3 and all("figures" in d for d in docs)
    ar = next(d for d in docs if d["language"] == "ar")
    doc = client.get(f"/api/documents/{ar['id']}").json()
    assert len(doc["figures"]) == 2
    for f in doc["figures"]:
        assert doc["text"][f["start"]:f["end"]].strip()


def test_flows_overview_and_queue(client: TestClient) -> None:
    flows = client.get("/api/flows").json()
    assert flows["total"] >= 2
    detail = client.get("/api/flows", params={"movement": "arrived", "origin": "SY", "destination": "TR",
                                              "nationality": "SY", "detail": "true"}).json()["items"][0]
    kinds = {s["kind"] for s in detail["series"]}
    assert kinds == {"total", "rate"} and detail["latest_daily_rate"]["value"] == 2000
    by_dest = client.get("/api/flows", params={"by": "destination"}).json()
    assert any(f["destination"] == "JO" for f in by_dest["items"])
    overview = client.get("/api/overview").json()
    assert any(a["origin"] == "SY" and a["destination"] == "TR" for a in overview["arrows"])
    assert overview["newest"] and overview["destinations"]
    filtered = client.get("/api/overview", params={"movement": "hosted"}).json()
    assert {a["movement"] for a in filtered["arrows"]} == {"hosted"}
    queue = client.get("/api/review/queue").json()["items"]
    assert [f["confidence"] for f in queue] == sorted(f["confidence"] for f in queue)


def test_review_needs_the_token_and_changes_flows(client: TestClient) -> None:
    fid = client.get("/api/figures", params={"movement": "hosted"}).json()["items"][0]["id"]
    body = {"decision": "corrected", "reviewer": "amal", "corrections": {"value": 660000, "low": 660000, "high": 660000}}
    assert client.post(f"/api/figures/{fid}/review", json=body).status_code == 401
    assert client.post(f"/api/figures/{fid}/review", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    done = client.post(f"/api/figures/{fid}/review", json=body, headers=AUTH)
    assert done.status_code == 201 and done.json()["figure"]["decision"] == "corrected"
    jordan = [a for a in client.get("/api/overview").json()["arrows"] if a["destination"] == "JO"]
    assert jordan[0]["volume"] == 660000
    assert client.get("/api/figures", params={"status": "corrected"}).json()["items"][0]["id"] == fid


def test_review_bad_input(client: TestClient) -> None:
    fid = client.get("/api/figures").json()["items"][0]["id"]
    assert client.post(f"/api/figures/{fid}/review", json={"decision": "maybe", "reviewer": "x"}, headers=AUTH).status_code == 422
    assert client.post(f"/api/figures/{fid}/review", json={"decision": "corrected", "reviewer": "x",
                                                           "corrections": {"evidence": "no"}}, headers=AUTH).status_code == 422
    assert client.post("/api/figures/999999/review", json={"decision": "confirmed", "reviewer": "x"}, headers=AUTH).status_code == 404
    assert client.post(f"/api/figures/{fid}/review", content=b"{not json", headers=AUTH).status_code == 422


def test_post_an_article(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": "Some 5,000 people fled to Chad on Monday, UNHCR said.",
                                           "published": "2024-03-14"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["new"] and r.json()["figures"][0]["value"] == 5000
    again = client.post("/api/articles", json={"text": "Some 5,000 people fled to Chad on Monday, UNHCR said.",
                                               "published": "2024-03-14"}, headers=AUTH)
    assert again.json()["seen"] and not again.json()["new"]
    assert client.post("/api/articles", json={"text": ""}, headers=AUTH).status_code == 422
    assert client.post("/api/articles", json={"text": "x", "published": "14/03/2024"}, headers=AUTH).status_code == 422
    big = client.post("/api/articles", content=b"x" * 2_000_000, headers={**AUTH, "Content-Type": "application/json"})
    assert big.status_code == 413


def test_without_a_token_the_app_is_read_only(readonly: TestClient) -> None:
    assert readonly.get("/api/figures").status_code == 200
    r = readonly.post("/api/articles", json={"text": "Some 5,000 people fled."}, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


@pytest.mark.parametrize("path, params", [
    ("/api/figures", {"limit": 0}), ("/api/figures", {"since": "yesterday"}), ("/api/figures", {"country": "Atlantis"}),
    ("/api/figures", {"status": "maybe"}), ("/api/documents", {"limit": 10_000}), ("/api/flows", {"origin": "syr"}),
])
def test_bad_query_parameters_are_4xx(client: TestClient, path: str, params: dict) -> None:
    assert client.get(path, params=params).status_code == 422


def test_missing_things_are_404(client: TestClient) -> None:
    assert client.get("/api/figures/999999").status_code == 404
    assert client.get("/api/documents/999999").status_code == 404


def test_article_text_is_data_and_the_page_escapes_it(client: TestClient) -> None:
    doc = next(d for d in client.get("/api/documents").json()["items"] if d["external_id"] == "a")
    text = client.get(f"/api/documents/{doc['id']}").json()["text"]
    assert "<script>alert(1)</script>" in text  # stored as sent, returned as JSON data
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js and "textContent" in js  # the dashboard never parses data as HTML
    page = client.get("/")
    assert page.status_code == 200 and "<script src=\"/static/app.js\">" in page.text
    assert "http" not in page.text.replace("http-equiv", "")  # no CDN, no remote fonts
    assert client.get("/static/world.geojson").json()["type"] == "FeatureCollection"
