"""The API under hostile requests (issue 12): chunked bodies past the limit,
integers past the columns, text with surrogates and NUL, too many figures in
one article; security headers on every page; the token kept per session."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.api import create_app
from marsad.api.guard import MAX_BODY

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STATIC = Path(__file__).resolve().parents[1] / "marsad" / "api" / "static"
EN = "Some 5,000 people fled to Chad on Monday, UNHCR said."


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    app = create_app(db_url, token=TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    yield b'{"text": "'
    while sent < total:
        yield b"x" * size
        sent += size
    yield b'"}'


def test_a_chunked_body_over_the_limit_is_refused_without_being_read(client: TestClient) -> None:
    """Regression: only Content-Length was checked; a chunked 100 MB post was parsed and echoed."""
    r = client.post("/api/articles", content=_chunks(5 * MAX_BODY),
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413 and len(r.content) < 1000


def test_a_422_names_the_field_and_does_not_echo_the_input(client: TestClient) -> None:
    r = client.post("/api/articles", json={"text": EN, "published": "x" * 5000}, headers=AUTH)
    assert r.status_code == 422 and len(r.content) < 1000
    (item,) = r.json()["detail"]
    assert item["loc"] == ["body", "published"] and set(item) == {"loc", "msg", "type"}


@pytest.mark.parametrize("path", ["/api/figures/99999999999999999999", "/api/documents/2147483648",
                                  "/api/figures?offset=1180591620717411303424", "/api/documents?offset=-1",
                                  "/api/figures/-5"])
def test_integers_past_their_column_are_422(client: TestClient, path: str) -> None:
    """Regression: integers over 64 bits in parameters gave 500 (found by schemathesis)."""
    assert client.get(path).status_code == 422


def test_figures_per_posted_article_are_capped(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_MAX_FIGURES", "3")
    app = create_app(db_url, token=TOKEN)
    text = " ".join(f"Some {n},000 people fled to Chad on day {n}, UNHCR said." for n in range(1, 11))
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"text": text, "published": "2024-03-14", "language": "en"}, headers=AUTH)
        stored = c.get("/api/figures").json()["items"]
    app.state.store.close()
    assert r.status_code == 201 and len(r.json()["figures"]) == 3 and r.json()["figures_dropped"] >= 5
    assert len(stored) == 3


def test_security_headers_on_every_page(client: TestClient) -> None:
    for path in ("/", "/docs", "/static/app.js", "/api/overview", "/api/figures/12345", "/openapi.json"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp, path
        assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_the_dashboard_has_no_inline_script_or_style_and_keeps_the_token_per_session() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and "<style" not in html
    assert not re.search(r"\son[a-z]+\s*=|\sstyle\s*=", html)
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    assert 'sessionStorage.setItem("marsad-token"' in js and not re.search(r"localStorage\.\w+\(\"marsad-token", js)


HOSTILE = st.sampled_from(["\x00", "\udc80", "\ud800x", "\x1b[31m", "'; DROP TABLE figures; --", "%00", "../../etc",
                           "\u202e", "9" * 40, "-1", "", " ", "\ufeff", "NaN", "1e309"])
hostile_text = st.lists(st.one_of(HOSTILE, st.text(st.characters(exclude_categories=[]), max_size=8),
                                  st.sampled_from(["fled", "refugees", "5,000", "Chad", "اللاجئين", "ألف"])),
                        max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=hostile_text, param=hostile_text, language=st.sampled_from([None, "en", "ar", "xx"]))
def test_the_api_never_answers_500(client: TestClient, text: str, param: str, language: str | None) -> None:
    body = json.dumps({"text": text, "language": language, "title": param}).encode("utf-8", "surrogatepass")
    posted = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert posted.status_code in (201, 422), posted.text
    raw = quote(param.encode("utf-8", "surrogatepass"))  # what a client sends: bytes that are not UTF-8 too
    for path, name in (("/api/figures", "country"), ("/api/figures", "movement"), ("/api/overview", "since"),
                       ("/api/documents", "language"), ("/api/flows", "origin"), ("/api/figures", "limit"),
                       ("/api/figures", "format")):
        r = client.get(f"{path}?{name}={raw}")
        assert r.status_code in (200, 422), (path, name, r.text)
    assert client.get("/api/figures").status_code == 200
