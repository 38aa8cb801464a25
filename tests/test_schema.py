"""One schema for a figure's fields (issue 11): every door refuses what a field
does not allow — `marsad review`, the review API, `marsad figures` filters,
`--published` and `extract(published=…)` — and nothing is stored; an old store
with bad corrections opens, lists them, and flows and exports skip them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from support import store_with

from marsad import extract
from marsad.api import create_app
from marsad.cli import main
from marsad.schema import FieldError, parse_corrections, parse_country, parse_field
from marsad.store import Store
from marsad.store.schema import reviews

TOKEN = "schema-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLES = [
    {"id": "sd", "outlet": "one.example", "language": "en", "published": "2024-04-15",
     "text": "The UN said on Monday that 12,000 Sudanese had fled to Chad since April 1."},
    {"id": "ua", "outlet": "two.example", "language": "en", "published": "2022-09-27",
     "text": "Georgia said on Tuesday that 10,000 Russians had arrived in Georgia since September 21."},
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


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def review_count(db: str) -> int:
    with Store(db) as store:
        return store.counts()["reviews"]


def first_id(db: str) -> int:
    with Store(db) as store:
        return store.figures(limit=1)[0]["id"]


# -- the schema itself -------------------------------------------------------------


@pytest.mark.parametrize("raw, code", [("SD", "SD"), ("sd", "SD"), ("Sudan", "SD"), ("السودان", "SD"),
                                       ("Soudan", "SD"), ("Судан", "SD"), ("Georgia", "GE"), ("Géorgie", "GE")])
def test_a_country_is_a_code_or_a_name_in_any_shipped_language(raw: str, code: str) -> None:
    assert parse_country("destination", raw) == code


@pytest.mark.parametrize("name, raw", [("value", "abc"), ("value", -5), ("value", True), ("qualifier", "roughly"),
                                       ("kind", "cumulative"), ("destination", "Atlantis"), ("period_end", "15/04/2024"),
                                       ("period_end", "2024-13-01"), ("movement", "displacement"), ("unit", None)])
def test_a_bad_value_names_the_field_the_value_and_what_is_allowed(name: str, raw: object) -> None:
    with pytest.raises(FieldError) as err:
        parse_field(name, raw)
    assert err.value.code == "E401" and name in err.value.message and repr(raw) in err.value.message
    assert "takes" in err.value.message


def test_corrections_are_stored_as_their_fields_take_them() -> None:
    assert parse_corrections({"value": "12,500", "destination": "Georgia", "period_end": "2024-04-15",
                              "per": ""}) == {"value": 12500, "destination": "GE", "period_end": "2024-04-15",
                                             "per": None}
    with pytest.raises(FieldError):
        parse_corrections({"low": 5000, "high": 4000})


# -- marsad review and the review API -----------------------------------------------


@pytest.mark.parametrize("setting, field", [("value=abc", "value"), ("destination=Atlantis", "destination"),
                                            ("kind=cumulative", "kind"), ("period_end=2024-13-01", "period_end")])
def test_cli_review_refuses_a_bad_correction_and_stores_nothing(capsys: pytest.CaptureFixture[str], db: str,
                                                               setting: str, field: str) -> None:
    code, out, err = run(capsys, "review", str(first_id(db)), "--decision", "corrected", "--set", setting,
                         "--reviewer", "amal", "--db", db)
    assert code == 2 and "E401" in err and field in err and "takes" in err and "recorded" not in out
    assert review_count(db) == 0


def test_cli_review_stores_a_country_name_as_its_code(capsys: pytest.CaptureFixture[str], db: str) -> None:
    fid = first_id(db)
    code, out, _ = run(capsys, "review", str(fid), "--decision", "corrected", "--set", "destination=Georgia",
                       "--set", "value=13,000", "--reviewer", "amal", "--db", db)
    assert code == 0 and "recorded" in out
    with Store(db) as store:
        row = store.figures(figure_id=fid)[0]
    assert row["corrections"] == {"destination": "GE", "value": 13000}


def test_cli_review_refuses_a_value_outside_the_figure_bounds(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "review", str(first_id(db)), "--decision", "corrected", "--set", "low=20000",
                       "--reviewer", "amal", "--db", db)
    assert code == 2 and "low" in err and review_count(db) == 0


@pytest.mark.parametrize("corrections", [{"value": "abc"}, {"destination": "Atlantis"}, {"qualifier": "roughly"},
                                         {"period_start": "15/04/2024"}, {"colour": "red"}])
def test_api_review_refuses_a_bad_correction_with_422(client: TestClient, db: str, corrections: dict) -> None:
    fid = client.get("/api/figures").json()["items"][0]["id"]
    answer = client.post(f"/api/figures/{fid}/review", headers=AUTH,
                         json={"decision": "corrected", "reviewer": "amal", "corrections": corrections})
    assert answer.status_code == 422 and next(iter(corrections)) in answer.json()["detail"]
    assert client.get(f"/api/figures/{fid}").json()["decision"] is None


def test_api_review_stores_a_country_name_as_its_code(client: TestClient) -> None:
    fid = client.get("/api/figures").json()["items"][0]["id"]
    answer = client.post(f"/api/figures/{fid}/review", headers=AUTH,
                         json={"decision": "corrected", "reviewer": "amal", "corrections": {"destination": "Грузия"}})
    assert answer.status_code == 201 and answer.json()["figure"]["corrections"] == {"destination": "GE"}


# -- filters and dates ---------------------------------------------------------------


@pytest.mark.parametrize("option, value", [("--since", "15/04/2024"), ("--since", "2024-13-01"),
                                           ("--until", "tomorrow"), ("--country", "Atlantis"),
                                           ("--movement", "displacement"), ("--source-type", "blog"),
                                           ("--language", "xx")])
def test_cli_figures_refuses_a_bad_filter(capsys: pytest.CaptureFixture[str], db: str, option: str,
                                          value: str) -> None:
    code, out, err = run(capsys, "figures", option, value, "--db", db, "--format", "jsonl")
    assert code == 2 and out == "" and option.lstrip("-").replace("-", "_") in err and repr(value) in err


@pytest.mark.parametrize("country", ["SD", "td", "Chad", "Tchad", "تشاد"])
def test_cli_figures_country_takes_a_code_or_a_name(capsys: pytest.CaptureFixture[str], db: str,
                                                    country: str) -> None:
    code, out, _ = run(capsys, "figures", "--country", country, "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all("TD" in (r["destination"], r["origin"], r["nationality"]) for r in rows)


def test_cli_figures_since_compares_dates(capsys: pytest.CaptureFixture[str], db: str) -> None:
    _, out, _ = run(capsys, "figures", "--since", "2024-01-01", "--db", db, "--format", "jsonl")
    assert {json.loads(line)["external_id"] for line in out.splitlines()} == {"sd"}


@pytest.mark.parametrize("params", [{"country": "Atlantis"}, {"since": "2024-13-01"}, {"since": "15/04/2024"},
                                    {"since": "2024-05-01", "until": "2024-04-01"}, {"language": "xx"}])
def test_api_filters_refuse_what_the_cli_refuses(client: TestClient, params: dict) -> None:
    assert client.get("/api/figures", params=params).status_code == 422
    assert client.get("/api/overview", params=params).status_code == 422


def test_api_country_filter_takes_a_name(client: TestClient) -> None:
    items = client.get("/api/figures", params={"country": "Chad"}).json()["items"]
    assert items and all(f["destination"] == "TD" for f in items)


@pytest.mark.parametrize("published", ["27-09-2022", "15/04/2024", "2024-13-01", "yesterday"])
def test_extract_refuses_a_publication_date_it_cannot_read(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          published: str) -> None:
    text = "Georgia said on Tuesday that 10,000 Russians had arrived since September 21."
    with pytest.raises(FieldError):
        extract(text, published=published, language="en")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path), "--published", published, "--language", "en")
    assert code == 2 and out == "" and "published" in err and repr(published) in err


def test_extract_takes_an_iso_date_or_date_time() -> None:
    text = "Georgia said on Tuesday that 10,000 Russians had arrived since September 21."
    assert extract(text, published="2022-09-27T08:00:00Z", language="en")[0].period_end == "2022-09-27"


# -- an old store with bad corrections ------------------------------------------------


def spoil_review(db: str, corrections: dict) -> int:
    """A review as an older marsad stored it, without the schema's checks."""
    fid = first_id(db)
    with Store(db) as store:
        review_id = store.review(fid, "corrected", "old", None, {"value": 1})
        with store.engine.begin() as conn:
            conn.execute(update(reviews).where(reviews.c.id == review_id).values(corrections=corrections))
    return review_id


def test_an_old_store_with_bad_corrections_opens_and_lists_them(capsys: pytest.CaptureFixture[str], db: str,
                                                                tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    review_id = spoil_review(db, {"value": "abc"})
    code, out, _ = run(capsys, "review", "--invalid", "--db", db)
    assert code == 0 and f"review {review_id}" in out and "value" in out and "'abc'" in out
    code, out, err = run(capsys, "flows", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out) and f"review of figure {first_id(db)} skipped" in caplog.text
    for fmt in ("parquet", "csv"):
        code, _, _ = run(capsys, "export", "--format", fmt, "--output", str(tmp_path / f"f.{fmt}"), "--db", db)
        assert code == 0
    assert "invalid" in (tmp_path / "f.csv").read_text(encoding="utf-8")


def test_an_old_store_with_a_name_in_an_iso_column_is_listed(capsys: pytest.CaptureFixture[str], db: str) -> None:
    review_id = spoil_review(db, {"destination": "Georgia"})
    _, out, _ = run(capsys, "review", "--invalid", "--db", db)
    assert f"review {review_id}" in out and "'GE'" in out


def test_the_api_overview_survives_a_bad_stored_correction(db: str) -> None:
    spoil_review(db, {"value": "abc"})
    app = create_app(db, token=TOKEN)
    with TestClient(app) as c:
        assert c.get("/api/overview").status_code == 200
        assert c.get("/api/flows", params={"detail": True}).status_code == 200
    app.state.store.close()
