"""Shared fixtures: where the optional annotated corpus lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """../shared/corpus/dev, or a clean skip where a fresh clone has none."""
    if not (SHARED_CORPUS / "gold.jsonl").is_file():
        pytest.skip("../shared/corpus/dev is absent (a fresh clone has no shared corpus)")
    return SHARED_CORPUS


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh, empty store: a SQLite file, or a new database on the
    PostgreSQL server named by MARSAD_TEST_PG_URL (skipped when unreachable)."""
    if request.param == "sqlite":
        yield str(tmp_path / "marsad.db")
        return
    import os
    import uuid

    base = os.environ.get("MARSAD_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        import psycopg

        admin = psycopg.connect(base, autocommit=True, connect_timeout=3)
    except Exception as exc:  # no server here: say so, do not fail
        pytest.skip(f"no PostgreSQL server reachable at {base.split('@')[-1]} ({exc.__class__.__name__}); "
                    "set MARSAD_TEST_PG_URL or run .ci/run, which starts one")
    name = f"marsad_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    yield base.rsplit("/", 1)[0] + "/" + name
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()
