"""The Spark engine gives what the local engine gives, row for row.

A corpus is written here (tests/news_corpus.py); the local engine ingests its
files in sorted order into SQLite and exports figures and flows as Parquet;
the Spark job (local[2]) runs over the same files with 1 and 4 partitions and
the manifest in two orders. Where Spark cannot start (no Java, no PySpark)
these tests skip with the reason, unless MARSAD_REQUIRE_SPARK=1 (set by
.ci/run), which makes them fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.errors import MarsadError
from marsad.export import export
from marsad.ingest import ingest
from marsad.store import Store

import news_corpus

REQUIRED = os.environ.get("MARSAD_REQUIRE_SPARK") == "1"
RUNS = [(1, "sorted"), (4, "reversed"), (4, "sorted"), (1, "reversed")]


def _unavailable(reason: str) -> None:
    message = f"Spark cannot run here: {reason}"
    if REQUIRED:
        pytest.fail(message + " (MARSAD_REQUIRE_SPARK=1)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    try:
        import pyspark  # noqa: F401
    except ImportError:
        _unavailable("PySpark is not installed (pip install 'marsad[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _unavailable("no Java (Spark needs Java 17 or newer)")
    from marsad.spark.job import session

    try:
        spark = session("local[2]", partitions=4, app="marsad-tests")
    except MarsadError as exc:
        _unavailable(str(exc))
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return news_corpus.build(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def local(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local engine's store and its Parquet exports."""
    folder = tmp_path_factory.mktemp("local")
    with Store(str(folder / "local.db")) as store:
        ingest(store, [str(p) for p in corpus], workers=2, progress=False)
        for what in ("figures", "flows"):
            with (folder / f"{what}.parquet").open("wb") as out:
                export(store, what, "parquet", out)
    return folder


@pytest.fixture(scope="module")
def outputs(spark: Any, corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple, Path]:
    from marsad.spark.job import run

    done = {}
    for partitions, order in RUNS:
        sources = [str(p) for p in (corpus if order == "sorted" else reversed(corpus))]
        out = tmp_path_factory.mktemp(f"spark-{partitions}-{order}")
        totals = run(spark, sources, str(out), partitions=partitions)
        assert totals["files"] == len(corpus) and totals["documents"] > 300 and totals["failures"] >= 3
        done[(partitions, order)] = out
    return done


def rows(path: Path, columns: list[str] | None = None) -> list[tuple]:
    import pyarrow.parquet as pq

    return ordered(tuple(r.values()) for r in pq.read_table(path, columns=columns).to_pylist())


def ordered(found: Any) -> list[tuple]:
    return sorted(found, key=lambda r: [("" if v is None else str(v)) for v in r])


def test_the_corpus_has_what_parity_needs(local: Path) -> None:
    with Store(str(local / "local.db")) as store:
        docs = list(store.documents())
        failures = {f["reason"] for f in _failures(store)}
        values = {f["value"] for f in store.figures()}
        parts = [f for f in store.figures() if f["part_of"]]
    assert len(docs) > 300 and {d["language"] for d in docs} >= {"ar", "en", "es", "fr", "de", "it"}
    assert any(d["supersedes"] for d in docs) and any(d["encoding"] == "windows-1256" for d in docs)
    assert 5_000_000_000 in values and max(values) < 2**63
    assert len(parts) == 2  # "among them 859 children": a part and its whole
    assert any("malformed JSON" in r for r in failures) and any("truncated" in r for r in failures)


@pytest.mark.parametrize("run", RUNS, ids=[f"{p}-partitions-{o}" for p, o in RUNS])
@pytest.mark.parametrize("what", ["figures", "flows"])
def test_spark_output_equals_the_local_export_row_for_row(outputs: dict, local: Path, run: tuple, what: str) -> None:
    spark_rows, local_rows = rows(outputs[run] / what), rows(local / f"{what}.parquet")
    assert len(local_rows) > 100 if what == "figures" else len(local_rows) > 5
    assert spark_rows == local_rows


@pytest.mark.parametrize("run", RUNS, ids=[f"{p}-partitions-{o}" for p, o in RUNS])
def test_documents_and_failures_equal_the_local_store(outputs: dict, local: Path, run: tuple) -> None:
    names = ["id", "content_hash", "url", "source", "outlet", "wire", "language", "published", "version", "supersedes"]
    with Store(str(local / "local.db")) as store:
        stored = ordered(tuple(d[n] for n in names) for d in store.documents())
        failures = ordered((f["source"], f["reason"]) for f in _failures(store))
    assert rows(outputs[run] / "documents", names) == stored
    assert rows(outputs[run] / "failures") == failures


def test_import_gives_the_flows_of_the_local_store_and_twice_stores_nothing_twice(
        outputs: dict, local: Path, db_url: str, capsys: pytest.CaptureFixture) -> None:
    url = db_url
    out = outputs[(4, "reversed")]
    assert main(["import", str(out), "--db", url]) == 0
    capsys.readouterr()
    assert main(["import", str(out), "--db", url]) == 0
    assert capsys.readouterr().out.startswith("documents: 0 new")
    flows = {}
    for name, db_path in (("imported", url), ("local", str(local / "local.db"))):
        assert main(["flows", "--db", db_path, "--format", "json"]) == 0
        flows[name] = sorted(json.loads(capsys.readouterr().out), key=lambda f: json.dumps(f, sort_keys=True))
    assert flows["imported"] == flows["local"] and len(flows["local"]) >= 4  # PostgreSQL orders NULL keys last
    with Store(url) as imported, Store(str(local / "local.db")) as original:
        assert imported.counts() == original.counts()


def test_bad_manifests_and_folders_are_named_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty.txt").write_text("# nothing\n\n", encoding="utf-8")
    assert main(["spark", str(tmp_path / "empty.txt"), "--output", str(tmp_path / "o")]) == 2
    assert "E501" in capsys.readouterr().err
    assert main(["import", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert "E504" in capsys.readouterr().err


def _failures(store: Store) -> list[dict]:  # type: ignore[type-arg]
    from sqlalchemy import select

    from marsad.store.schema import failures

    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(failures)).mappings()]


def test_hostile_input_gives_the_same_failures_and_documents_on_both_engines(spark: Any, tmp_path: Path) -> None:
    """The limits and the isolation live in source_documents: Spark holds them as ingest does."""
    import gzip

    from marsad.ingest.limits import Limits
    from marsad.spark.job import run

    en = "Some 1,200 refugees arrived in Chad last week, UNHCR said on Monday."
    top = tmp_path / "in"
    top.mkdir()
    (top / "a.jsonl").write_text("\n".join([
        '{"id": "s", "text": "' + en + ' \\udc80 done"}', '{"id": "u", "text": "' + en + '", "url": 7}',
        "[" * 200_000, json.dumps({"id": "long", "text": en * 200}), json.dumps({"id": "ok", "text": en + " ok"}),
    ]), encoding="utf-8")
    (top / "bomb.jsonl.gz").write_bytes(gzip.compress(b"\n" * 3_000_000))
    (top / "dangling.txt").symlink_to(top / "gone.txt")
    limits = Limits(max_bytes=1_000_000, max_text_chars=5000)
    with Store(str(tmp_path / "local.db")) as store:
        summary = ingest(store, [str(top)], progress=False, limits=limits)
        local_docs = ordered((d["source"], d["content_hash"]) for d in store.documents())
        local_failures = ordered((f["source"], f["reason"]) for f in _failures(store))
    assert summary.new == 2 and summary.failed == len(local_failures) == 5
    totals = run(spark, [str(top)], str(tmp_path / "out"), partitions=1, limits=limits)
    assert totals["failures"] == 5
    assert rows(tmp_path / "out" / "documents", ["source", "content_hash"]) == local_docs
    assert rows(tmp_path / "out" / "failures") == local_failures


def test_lexicons_compile_once_per_executor_process_not_per_record(spark: Any, tmp_path: Path) -> None:
    def lexicon_loads(paths: Any) -> Any:
        """In an executor: read each source of the partition through the shared per-source
        function, then say how many lexicons this Python worker has compiled so far."""
        from marsad.ingest.source import source_documents
        from marsad.lexicon import load_lexicon

        before = load_lexicon.cache_info().misses
        for path in paths:
            for _ in source_documents(path):
                pass
        yield os.getpid(), before, load_lexicon.cache_info().misses
    files = []
    for k in range(8):  # eight partitions, each with an Arabic and an English article
        path = tmp_path / f"news-{k}.jsonl"
        path.write_text(
            json.dumps({"text": f"وصل {1000 + k} لاجئ إلى تشاد أمس، بحسب المفوضية.", "language": "ar",
                        "published": "2024-05-02", "url": f"https://a.example/{k}"}, ensure_ascii=False) + "\n"
            + json.dumps({"text": f"About {2000 + k} refugees arrived in Chad on Monday, UNHCR said.",
                          "language": "en", "published": "2024-05-02", "url": f"https://b.example/{k}"}) + "\n",
            encoding="utf-8")
        files.append(str(path))
    loads = spark.sparkContext.parallelize(files, len(files)).mapPartitions(lexicon_loads).collect()
    by_worker: dict[int, list[int]] = {}
    for pid, before, after in loads:
        by_worker.setdefault(pid, []).extend([before, after])
    # a worker process compiles each language it meets once (workers reused from earlier jobs may have
    # compiled it already), however many partitions and records it reads
    assert len(loads) == 8 and all(max(seen) - min(seen) <= 2 for seen in by_worker.values())
    assert len(by_worker) < len(loads)  # workers are reused across partitions (spark.python.worker.reuse)
