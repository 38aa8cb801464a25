"""The Spark job: sources from a manifest -> documents, figures, flows, failures (Parquet).

    marsad spark manifest.txt --output out/ --master local[2]
    spark-submit --master yarn "$(python -c 'import marsad.spark.job as j; print(j.__file__)')" manifest.txt --output s3a://bucket/out

Each partition reads its sources with `source_documents` (reading, extraction
and per-record failures are the local engine's); documents are deduplicated
by content hash, the winner being the first by (source, record position),
so the result is the same whatever the manifest's order or the partitioning,
and it is what a local `marsad ingest` of the sources in sorted order keeps.
Ids are numbered in that order too, so they equal a local ingest's; URL
versions chain in id order. Flows group figures by flow key and run
`marsad.flows`. Accumulators count files, records, documents, figures and
failures; a bad file or record is a failures/ row, never the end of the job.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError
from marsad.ingest.limits import Limits
from marsad.ingest.readers import Failure
from marsad.ingest.source import dropped_failure, source_documents
from marsad.spark.tables import (
    DATASETS,
    document_record,
    document_row,
    figure_export_row,
    flow_export_rows,
    flow_key,
    schemas,
    stored_figure,
)
from marsad.store.stories import story_facts

COUNTERS = ("files", "records", "documents", "figures", "failures")


def read_manifest(path: str) -> list[str]:
    """The sources a manifest lists, one a line (blank lines and # comments skipped), each once."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise MarsadError("E501", f"cannot read the manifest {path}: {exc.__class__.__name__}") from exc
    sources = list(dict.fromkeys(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")))
    if not sources:
        raise MarsadError("E501", f"the manifest {path} lists no source")
    return sources


def session(master: str | None = None, partitions: int = 8, app: str = "marsad") -> Any:
    """A SparkSession; in local mode the workers run this interpreter."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise MarsadError("E502", "PySpark is not installed: pip install 'marsad[spark]'") from exc
    if master is None or master.startswith("local"):
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    builder = (SparkSession.builder.appName(app)
               .config("spark.sql.shuffle.partitions", str(partitions))
               .config("spark.default.parallelism", str(partitions))
               .config("spark.python.worker.reuse", "true")  # lexicons compile once per worker process
               .config("spark.ui.showConsoleProgress", "false"))
    if master:
        builder = builder.master(master)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a master that does not answer: PySpark raises several kinds
        raise MarsadError("E503", f"Spark cannot start ({exc.__class__.__name__}: {str(exc).splitlines()[0]}); "
                                  "it needs Java 17 or newer") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark: Any, sources: list[str], output: str, partitions: int = 8,
        limits: Limits | None = None) -> dict[str, int]:
    """Run the job over `sources` and write the four datasets under `output`; returns the counters."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    limits = limits or Limits()
    counters = {name: sc.accumulator(0) for name in COUNTERS}
    slices = max(1, min(partitions, len(sources)))
    items = (sc.parallelize(sources, slices)
             .mapPartitions(lambda part: _read(part, counters, limits))
             .persist(StorageLevel.MEMORY_AND_DISK))
    numbered = _numbered_documents(items, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    stories = sc.broadcast(_stories(numbered))
    docs = numbered.map(lambda d: dict(d, story=stories.value[d["id"]])).persist(StorageLevel.MEMORY_AND_DISK)
    figures = _numbered_figures(docs, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    tables = schemas()
    rows = {
        "documents": docs.map(lambda d: _count(counters["documents"], document_row(d))),
        "figures": figures.map(lambda f: _count(counters["figures"], figure_export_row(f))),
        "flows": figures.keyBy(flow_key).groupByKey(partitions).flatMap(lambda kv: flow_export_rows(list(kv[1]))),
        "failures": items.filter(lambda i: i[0] == "failure").map(lambda i: i[1]).distinct(partitions)
                         .sortBy(lambda f: f),
    }
    from pyspark.sql.pandas.types import from_arrow_schema

    for name in DATASETS:
        frame = spark.createDataFrame(rows[name], schema=from_arrow_schema(tables[name]))
        frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{name}")
    for rdd in (figures, docs, numbered, items):
        rdd.unpersist()
    totals = {name: acc.value for name, acc in counters.items()}
    return totals


def _count(accumulator: Any, row: tuple) -> tuple:
    accumulator.add(1)
    return row


def _read(sources: Iterable[str], counters: dict[str, Any], limits: Limits) -> Iterator[tuple]:
    """The items of a partition's sources:
    ("document", ((source, position), record)) or ("failure", (source, reason))."""
    for source in sources:
        counters["files"].add(1)
        for position, item in enumerate(source_documents(source, limits)):
            counters["records"].add(1)
            if isinstance(item, Failure):
                counters["failures"].add(1)
                yield "failure", (item.source, item.reason)
                continue
            if (dropped := dropped_failure(item, limits.max_figures)) is not None:
                yield "failure", (dropped.source, dropped.reason)  # stored all the same, with its first figures
            yield "document", ((source, position), document_record(item))


def _numbered_documents(items: Any, partitions: int) -> Any:
    """One record per content hash (the first by source and position), numbered in that order, URL versions chained."""
    winners = (items.filter(lambda i: i[0] == "document").map(lambda i: (i[1][1]["content_hash"], i[1]))
               .reduceByKey(min_by_position, partitions).values())
    numbered = winners.sortBy(lambda w: w[0], numPartitions=partitions).zipWithIndex() \
                      .map(lambda t: dict(t[0][1], id=t[1] + 1))
    return (numbered.keyBy(lambda d: d["url"] or f"\0{d['id']}").groupByKey(partitions).flatMap(chain_versions)
            .sortBy(lambda d: d["id"], numPartitions=partitions))


def _stories(docs: Any) -> dict[int, int]:
    """Story ids as a local ingest gives them (`marsad.store.stories.assign_story`): signatures
    are made on the executors, then documents are assigned in id order, each to the story of
    the first near-duplicate among the first few documents under its band keys, else its own."""
    from marsad.store.stories import PER_KEY, THRESHOLD, from_bytes, same_numbers

    facts = docs.map(lambda d: (d["id"], d.get("story_facts") or story_facts(d["text"]))).sortByKey().collect()
    first_under: dict[str, list[int]] = {}
    seen: dict[int, tuple[bytes, set[str]]] = {}
    story: dict[int, int] = {}
    for doc_id, (hashvalues, keys, mine) in facts:
        sig = from_bytes(hashvalues)
        candidates = sorted({c for key in keys for c in first_under.get(key, ())})
        story[doc_id] = next((story[c] for c in candidates if from_bytes(seen[c][0]).jaccard(sig) >= THRESHOLD
                              and same_numbers(mine, seen[c][1])), doc_id)
        seen[doc_id] = (hashvalues, mine)
        for key in keys:
            under = first_under.setdefault(key, [])
            if len(under) < PER_KEY:
                under.append(doc_id)
    return story


def min_by_position(a: tuple, b: tuple) -> tuple:
    """The copy a local ingest of the sources in sorted order keeps: the first one read."""
    return a if a[0] <= b[0] else b


def chain_versions(group: tuple[str, Iterable[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The documents of one URL in id order: version 1, 2, … each superseding the one before."""
    ordered = sorted(group[1], key=lambda d: d["id"])
    out, previous = [], None
    for version, doc in enumerate(ordered, 1):
        out.append(dict(doc, version=version, supersedes=previous))
        previous = doc["id"]
    return out


def _numbered_figures(docs: Any, partitions: int) -> Any:
    """Figures as Store.flow_rows gives them, numbered in document then extraction order
    (a document's figures get consecutive ids, so a part finds its whole's id by position)."""
    slim = docs.flatMap(lambda d: [((d["id"], k), (f, facts, whole))
                                   for k, f, facts, whole in _positions(d)])
    return (slim.sortByKey(numPartitions=partitions).zipWithIndex()
            .map(lambda t: stored_figure(t[0][1][0], t[1] + 1, t[0][1][1],
                                         None if t[0][1][2] is None else t[1] + 1 - t[0][0][1] + t[0][1][2])))


def _positions(doc: dict[str, Any]) -> list[tuple]:
    """(position, figure, document facts, position of the whole it is part of) for each figure of a document."""
    facts = {n: v for n, v in doc.items() if n not in ("text", "figures", "story_facts")}
    figures = doc["figures"]
    at = {f["start"]: k for k, f in enumerate(figures)}  # as Store._link_parts: the last figure at an offset
    wholes = {at[f["start"]]: at[f["part_of"]] for f in figures if f.get("part_of") in at}
    return [(k, f, facts, wholes.get(k)) for k, f in enumerate(figures)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad spark", description="marsad's ingest, extraction and flows on Spark")
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("manifest", help="a text file listing sources, one a line (path, folder, s3a://, https://)")
    parser.add_argument("--output", "-o", required=True, help="folder (or s3a:// URI) for documents/, figures/, "
                                                              "flows/, failures/")
    parser.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, default=8, help="manifest slices and shuffle partitions (8)")
    parser.add_argument("--max-bytes", type=int, help="larger inputs (web archive records) are reported, not read "
                                                      "(setting max_bytes; the other limits are settings too)")


def run_from_arguments(args: argparse.Namespace) -> dict[str, int]:
    sources = read_manifest(args.manifest)
    spark = session(args.master, args.partitions)
    try:
        return run(spark, sources, args.output, args.partitions, _limits(args))
    finally:
        spark.stop()


def _limits(args: argparse.Namespace) -> Limits:
    """The reading limits: settings (marsad.toml, environment), then --max-bytes."""
    from marsad.settings import Settings

    return Limits.from_settings(Settings.load(cli={"max_bytes": args.max_bytes}))


def summary_line(totals: dict[str, int]) -> str:
    return ", ".join(f"{name}: {totals[name]}" for name in COUNTERS)


def main(argv: list[str] | None = None) -> int:
    try:
        totals = run_from_arguments(build_parser().parse_args(argv))
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    print(summary_line(totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
