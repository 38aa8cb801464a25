"""marsad's command line: parse arguments, call library functions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from marsad.corpus import Article, read_articles
from marsad.errors import MarsadError
from marsad.evaluate import FIELDS, load_gold, score
from marsad.lang import available_languages, unread_line
from marsad.language import detect_language
from marsad.pipeline import extract
from marsad.schema import parse_iso_date
from marsad.settings import Settings


def _articles(inputs: list[str], published: str | None, language: str | None) -> Iterator[Article]:
    stdin_text = sys.stdin.read() if "-" in inputs else None
    for path in inputs:
        yield from read_articles(path, published, language, stdin_text)


def _expand(inputs: list[str]) -> list[str]:
    out = []
    for path in inputs:
        p = Path(path)
        out.extend(sorted(str(x) for x in p.iterdir() if x.is_file()) if p.is_dir() else [path])
    return out


def cmd_extract(args: argparse.Namespace) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if args.published is not None:
        args.published = parse_iso_date("published", args.published)
    rows = []
    unread: Counter[str] = Counter()
    read = 0
    for article in _articles(_expand(args.inputs), args.published, args.language):
        language = article.language or detect_language(article.text)
        if language not in available_languages():
            unread[str(language)] += 1  # reported and skipped: the articles after it are still read
            print(f"marsad: {article.id}: E105 no extractor for {language!r}; skipped", file=sys.stderr)
            continue
        read += 1
        for fig in extract(article.text, published=article.published, language=language):
            fig.doc = article.id
            rows.append(fig)
            if fmt == "jsonl":
                record = fig.annotation() if not args.provenance else fig.to_dict()
                print(json.dumps(record, ensure_ascii=False), flush=False)
    if fmt == "table":
        _print_table(rows)
    if unread:
        print(f"marsad: {unread_line(unread)} (marsad reads {', '.join(available_languages())})", file=sys.stderr)
    return 0 if read or not unread else 2


def _print_table(figures: list) -> None:  # type: ignore[type-arg]
    from marsad.terminal import number_text, print_table

    docs = {f.doc for f in figures}
    one_doc = len(docs) == 1  # its name goes in the title: the columns get the room

    def row(f) -> list[str]:  # type: ignore[no-untyped-def]
        kind = f"{f.kind}/{f.per}" if f.per else f.kind
        origin = " ".join(x for x in (f.origin, f.origin_place) if x) or "?"
        dest = " ".join(x for x in (f.destination, f.destination_place) if x) or "?"
        cells = [number_text(f), f"{kind} {f.movement or ''}\n{f.group} ({f.unit})", f"{origin} → {dest}",
                 f"{f.period_start or '…'}\n→ {f.period_end or '…'}", f"[{f.source_type}]\n{f.source or '-'}"]
        return cells if one_doc else [f.doc or "", *cells]

    columns = [("number", "number"), ("what", "text"), ("from → to", "text"), ("period", "number"), ("source", "wide")]
    title = f"{len(figures)} movement figures" + (f" in {next(iter(docs))}" if one_doc else "")
    print_table(title, columns if one_doc else [("doc", "text"), *columns], map(row, figures))


def cmd_eval(args: argparse.Namespace) -> int:
    from marsad.quality import predict

    gold = load_gold(args.gold)
    predicted, languages, skipped = predict(_articles(_expand(args.articles), None, None), gold)
    missing = sorted(set(gold) - set(predicted) - set(skipped))
    if skipped:
        print(f"note: {len(skipped)} documents in languages without data skipped", file=sys.stderr)
    gold = {doc: g for doc, g in gold.items() if doc in predicted}
    scores = score(gold, predicted, languages)
    if args.errors:
        _print_errors(gold, predicted)
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in sorted(scores.items())}, indent=2))
    else:
        _print_scores(scores)
    if missing:
        print(f"note: {len(missing)} gold documents had no article given: {', '.join(missing[:5])}…", file=sys.stderr)
    return 0


def _print_errors(gold: dict, predicted: dict) -> None:  # type: ignore[type-arg]
    """Unmatched figures and wrong fields, per document, to see what to fix."""
    from marsad.evaluate import field_equal, match

    def show(f: dict) -> str:  # type: ignore[type-arg]
        return (f"{f.get('value')} [{f.get('low')},{f.get('high')}] {f.get('qualifier')} {f.get('unit')} {f.get('kind')} "
                f"{f.get('movement')} nat={f.get('nationality')} {f.get('origin')}->{f.get('destination')} "
                f"{f.get('period_start')}..{f.get('period_end')} {f.get('source_type')}")

    for doc in sorted(gold):
        preds, golds = predicted.get(doc, []), gold[doc]
        pairs = match(preds, golds)
        lines = []
        for i, j in pairs:
            wrong = [n for n in FIELDS if not field_equal(n, preds[i].get(n), golds[j].get(n))]
            if wrong:
                lines.append(f"  ~ {show(preds[i])}\n      gold {show(golds[j])}  ({', '.join(wrong)})")
        lines += [f"  - missed {show(golds[j])}\n      {golds[j]['evidence'][:110]}"
                  for j in range(len(golds)) if j not in {b for _, b in pairs}]
        lines += [f"  + extra  {show(preds[i])}\n      {preds[i]['evidence'][:110]}"
                  for i in range(len(preds)) if i not in {a for a, _ in pairs}]
        if lines:
            print(doc)
            print("\n".join(lines))


def _print_scores(scores: dict) -> None:  # type: ignore[type-arg]
    head = ["lang", "gold", "pred", "match", "P", "R", "F1", "recF1"] + list(FIELDS)
    print("\t".join(head))
    for lang, s in sorted(scores.items()):
        cells = [lang, str(s.gold), str(s.predicted), str(s.tp), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
                 f"{s.record_f1:.3f}"]
        cells += ["-" if s.accuracy(n) is None else f"{s.accuracy(n):.3f}" for n in FIELDS]
        print("\t".join(cells))


INPUTS_FAILED = 1  # `marsad ingest` exit status when some inputs could not be read (all else is stored)


def _settings(args: argparse.Namespace) -> Settings:
    """Defaults -> marsad.toml -> environment -> these flags."""
    return Settings.load(cli={name: getattr(args, name, None) for name in ("db", "workers", "max_bytes", "host", "port")})


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from marsad.store import Store

    return Store(_settings(args).db)


def cmd_ingest(args: argparse.Namespace) -> int:
    from marsad.ingest import ingest
    from marsad.ingest.limits import Limits

    settings = _settings(args)
    with _store(args) as store:
        summary = ingest(store, args.sources, workers=settings.workers, limits=Limits.from_settings(settings),
                         progress=None if not args.quiet else False)
    print(summary.line())
    return INPUTS_FAILED if summary.failed else 0


def cmd_reextract(args: argparse.Namespace) -> int:
    from marsad.reextract import reextract

    with _store(args) as store:
        done = reextract(store, force=args.force, max_figures=_settings(args).max_figures)
        print(done.line())
        for rev in store.orphaned_reviews():
            print(f"orphaned review {rev['id']}: {rev['decision']} by {rev['reviewer']} on document "
                  f"{rev['document_id']} [{rev['span_start']}:{rev['span_end']}]")
    return INPUTS_FAILED if done.failed else 0


LISTED = ("id", "external_id", "language", "value", "low", "high", "qualifier", "unit", "kind", "per", "movement",
          "group", "nationality", "origin", "origin_place", "destination", "destination_place", "period_start",
          "period_end", "source", "source_type", "decision", "evidence", "url", "extractor_version")


def cmd_figures(args: argparse.Namespace) -> int:
    rows = _store(args).figures(country=args.country, movement=args.movement, since=args.since, until=args.until,
                                language=args.language, source_type=args.source_type, status=args.status,
                                limit=args.limit)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps({k: row.get(k) for k in LISTED}, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import csv

        from marsad.export import neutralised

        writer = csv.DictWriter(sys.stdout, fieldnames=list(LISTED), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(neutralised(r) for r in rows)
    else:
        from marsad.terminal import number_text, print_table

        print_table(f"{len(rows)} stored figures", [("id", "number"), ("number", "number"), ("kind", "text"),
                    ("from → to", "wide"), ("period end", "number"), ("source", "number"), ("review", "text")],
                    ([str(r["id"]), number_text(r), f"{r['kind']} {r['movement']}",
                      f"{r['origin'] or '?'} → {r['destination'] or '?'}", r["period_end"] or "-",
                      f"[{r['source_type']}]", r["decision"] or "-"] for r in rows))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    store = _store(args)
    if args.invalid:
        return _print_invalid_reviews(store)
    if args.figure is None or not args.decision or not args.reviewer:
        raise MarsadError("E303", "marsad review FIGURE --decision … --reviewer … (or marsad review --invalid)")
    corrections = {}
    for item in args.set or []:
        key, eq, value = item.partition("=")
        if not eq:
            raise MarsadError("E303", f"--set takes field=value, not {item!r}")
        corrections[key.strip()] = value  # parsed by the figure schema in Store.review
    review_id = store.review(args.figure, args.decision, args.reviewer, args.comment, corrections or None)
    print(f"review {review_id} recorded")
    return 0


def _print_invalid_reviews(store) -> int:  # type: ignore[no-untyped-def]
    """Reviews an older marsad stored with corrections the schema does not allow."""
    bad = store.invalid_reviews()
    for rev in bad:
        print(f"review {rev['id']} of figure {rev['figure_id']} by {rev['reviewer']}: {rev['problem']}")
    print(f"{len(bad)} reviews with invalid corrections (flows and exports skip them)", file=sys.stderr)
    return 0


def cmd_flows(args: argparse.Namespace) -> int:
    from marsad.flows import build_flows, by_destination

    with _store(args) as store:
        flows = by_destination(store.flow_rows()) if args.by == "destination" else list(build_flows(store.flow_rows()))
    summaries = [f.summary() for f in flows]
    if args.format == "json":
        out = []
        for flow, summary in zip(flows, summaries):
            summary["series"] = [s.as_dict() for s in flow.series]
            out.append(summary)
        print(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return 0
    _print_flows(summaries)
    return 0


def _print_flows(summaries: list[dict]) -> None:  # type: ignore[type-arg]
    """One row per flow: latest total, daily rate and stock apart, each with its date and sources."""
    from marsad.terminal import number_text, print_table

    def latest(point: dict | None) -> str:  # type: ignore[type-arg]
        if not point:
            return "-"
        n = point["independent_origins"]
        return f"{number_text(point)}\n{point['period_end'] or '?'}\n{n} source{'s' if n != 1 else ''}"

    def flow(s: dict) -> str:  # type: ignore[type-arg]
        nationality = f" ({s['nationality']})" if s["nationality"] else ""
        return (f"{s['movement'] or '?'} {s['origin'] or '?'} → {s['destination'] or '?'}{nationality}\n"
                f"{s['first_report'] or '?'} – {s['last_report'] or '?'}\n"
                f"{s['independent_sources']} source{'s' if s['independent_sources'] != 1 else ''}, "
                f"{s['conflicts']} conflict{'s' if s['conflicts'] != 1 else ''}")

    print_table(f"{len(summaries)} flows", [("flow · reports · sources", "wide"), ("latest total", "number"),
                ("latest daily rate", "number"), ("latest stock", "number")],
                ([flow(s), latest(s["latest_total"]), latest(s["latest_daily_rate"]), latest(s["latest_stock"])]
                 for s in summaries))


def cmd_export(args: argparse.Namespace) -> int:
    from marsad.export import BINARY, export

    if args.format in BINARY and not args.output:
        raise MarsadError("E305", f"--format {args.format} writes a file: give --output PATH")
    if args.output:
        with open(args.output, "wb") as out:
            n = export(_store(args), args.what, args.format, out, bom=args.bom)
        print(f"{n} {args.what} rows written to {args.output}", file=sys.stderr)
    else:
        export(_store(args), args.what, args.format, sys.stdout.buffer, bom=args.bom)
        sys.stdout.flush()
    return 0


def cmd_spark(args: argparse.Namespace) -> int:
    from marsad.spark.job import run_from_arguments, summary_line

    print(summary_line(run_from_arguments(args)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from marsad.spark.load import import_output

    with _store(args) as store:
        print(import_output(store, args.directory).line())
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.api import create_app

    settings = _settings(args)
    if settings.host not in ("127.0.0.1", "localhost", "::1") and not settings.token:
        print("marsad: serving beyond loopback, read-only (no MARSAD_TOKEN set)", file=sys.stderr)
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    writes = ("writes enabled (MARSAD_TOKEN is set)" if settings.token else
              "read-only (no MARSAD_TOKEN: review and posting articles answer 403)")
    print(f"marsad {_version()}: serving {settings.db} at http://{host}:{settings.port}/ "
          f"(API docs at /docs); {writes}", flush=True)
    if settings.workers > 1:  # processes: the API is CPU-bound Python
        os.environ["MARSAD_DB"] = settings.db
        create_app(settings.db).state.store.close()  # migrate once, before the workers start
        uvicorn.run("marsad.api.app:create_app_from_env", factory=True, host=settings.host, port=settings.port,
                    workers=settings.workers, log_level="warning")
    else:
        uvicorn.run(create_app(settings.db, warm=True), host=settings.host, port=settings.port, log_level="warning")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    import signal
    import threading

    from marsad.watch import Watcher, load_config
    from marsad.watch.report import print_status
    from marsad.watch.state import WatchState

    config = load_config(args.sources)
    with _store(args) as store:
        if args.status:
            print_status(WatchState(store).status([s.name for s in config.sources]), args.format)
            return 0
        _check_secrets(config)
        from marsad.ingest.limits import Limits

        watcher = Watcher(config, store, limits=Limits.from_settings(_settings(args)))
        try:
            if args.once:
                print(watcher.round().line())
                return 0
            stop = threading.Event()
            for sig in (signal.SIGTERM, signal.SIGINT):  # the poll in hand ends, then the watch
                signal.signal(sig, lambda *_: stop.set())
            if args.duration:
                threading.Timer(args.duration, stop.set).start()
            print(f"marsad: watching {len(config.sources)} sources into {store.url.split('@')[-1]}", file=sys.stderr)
            watcher.run(stop, lambda r: print(r.line(), flush=True))
        finally:
            watcher.close()
    return 0


def _check_secrets(config) -> None:  # type: ignore[no-untyped-def]
    """A webhook that names a secret variable that is not set would send unsigned alerts: refused."""
    if config.webhook and config.webhook.secret_env and not config.webhook.secret:
        raise MarsadError("E601", f"[webhook] secret_env names {config.webhook.secret_env}, which is not set")


def cmd_alerts(args: argparse.Namespace) -> int:
    from marsad.watch.alerts import list_alerts
    from marsad.watch.report import print_alerts

    with _store(args) as store:
        print_alerts(list_alerts(store, args.limit), args.format or ("table" if sys.stdout.isatty() else "json"))
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from marsad.pipeline import EXTRACTOR_VERSION

    try:
        package = version("marsad")
    except PackageNotFoundError:  # run from a source tree that was not installed
        package = "unknown"
    return f"{package} (extractor {EXTRACTOR_VERSION})"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Movement figures from news, with their evidence.")
    parser.add_argument("--version", action="version", version=f"marsad {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the movement figures of articles")
    ex.add_argument("inputs", nargs="+", help=".txt, corpus document, .jsonl, a folder, or - for standard input")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for plain text input")
    ex.add_argument("--language", help="language code (ar, en); detected when absent")
    ex.add_argument("--format", choices=["jsonl", "table"], help="default: table on a terminal, else jsonl")
    ex.add_argument("--provenance", action="store_true", help="jsonl: add start, end, rule and confidence")
    ex.set_defaults(func=cmd_extract)
    ev = sub.add_parser("eval", help="score the extractor against gold figures (ANNOTATION.md)")
    ev.add_argument("gold", help="gold.jsonl")
    ev.add_argument("articles", nargs="+", help="corpus documents, .jsonl files or folders")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--errors", action="store_true", help="list missed, extra and partly wrong figures per document")
    ev.set_defaults(func=cmd_eval)
    db_default = None  # resolved by Settings: marsad.toml, then MARSAD_DB, then this flag
    ing = sub.add_parser("ingest", help="read files, folders, feeds, web archives or URLs into the store")
    ing.add_argument("sources", nargs="+", help="txt, md, html, json, jsonl, csv, warc(.gz), rss/atom, folder or URL")
    ing.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    ing.add_argument("--workers", type=int, help="processes that extract figures (setting workers, default 1)")
    ing.add_argument("--max-bytes", type=int, help="larger inputs are reported, not read (setting max_bytes)")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.set_defaults(func=cmd_ingest)
    rex = sub.add_parser("reextract", help="run this extractor over the stored documents; reviews follow their figures")
    rex.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    rex.add_argument("--force", action="store_true", help="also documents already extracted by this extractor version")
    rex.set_defaults(func=cmd_reextract)
    fig = sub.add_parser("figures", help="list and filter stored figures")
    fig.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    fig.add_argument("--country", help="ISO code or country name (any shipped language) as origin, destination or nationality")
    fig.add_argument("--movement", help="fled, displaced, evacuated, arrived, departed, returned, waiting, asylum, hosted")
    fig.add_argument("--since", help="period end (or publication) on or after YYYY-MM-DD")
    fig.add_argument("--until", help="period end (or publication) on or before YYYY-MM-DD")
    fig.add_argument("--language", help="document language")
    fig.add_argument("--source-type", help="government, un_agency, ngo, media, witness, other, unknown")
    fig.add_argument("--status", choices=["unreviewed", "confirmed", "rejected", "corrected"])
    fig.add_argument("--limit", type=int)
    fig.add_argument("--format", choices=["table", "csv", "jsonl"], help="default: table on a terminal, else jsonl")
    fig.set_defaults(func=cmd_figures)
    rev = sub.add_parser("review", help="record an analyst's decision on a stored figure")
    rev.add_argument("figure", type=int, nargs="?", help="figure id")
    rev.add_argument("--decision", choices=["confirmed", "rejected", "corrected"])
    rev.add_argument("--reviewer")
    rev.add_argument("--invalid", action="store_true", help="list stored reviews whose corrections are not valid")
    rev.add_argument("--comment")
    rev.add_argument("--set", action="append", metavar="FIELD=VALUE", help="a corrected field (repeatable)")
    rev.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    rev.set_defaults(func=cmd_review)
    flo = sub.add_parser("flows", help="merge stored figures into flows and time series; show conflicts")
    flo.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    flo.add_argument("--by", choices=["flow", "destination"], default="flow",
                     help="flows keyed by movement, origin, destination, nationality; or per destination")
    flo.add_argument("--format", choices=["table", "json"], default="table")
    flo.set_defaults(func=cmd_flows)
    exp = sub.add_parser("export", help="export figures or flows (csv, jsonl, geojson, hxl, parquet, xlsx)")
    exp.add_argument("--what", choices=["figures", "flows", "latest"], default="figures",
                     help="figures; flows (one row per series point); latest (one row per flow, to sum)")
    exp.add_argument("--format", choices=["csv", "jsonl", "geojson", "hxl", "parquet", "xlsx"], default="csv")
    exp.add_argument("--bom", action="store_true", help="csv, hxl: start with a UTF-8 byte-order mark (Excel)")
    exp.add_argument("--output", "-o", help="file to write (needed for parquet and xlsx); default standard output")
    exp.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    exp.set_defaults(func=cmd_export)
    spk = sub.add_parser("spark", help="ingest, extract and build flows on Apache Spark; write Parquet")
    from marsad.spark.job import add_arguments

    add_arguments(spk)
    spk.set_defaults(func=cmd_spark)
    imp = sub.add_parser("import", help="load a marsad spark output folder into the store")
    imp.add_argument("directory", help="the --output folder of marsad spark")
    imp.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    imp.set_defaults(func=cmd_import)
    wat = sub.add_parser("watch", help="poll news sources on their intervals into the store; alert on changes")
    wat.add_argument("sources", help="the sources file (TOML or YAML): sources, alert rules, webhook, email")
    wat.add_argument("--once", action="store_true", help="poll every source once, then exit (for cron)")
    wat.add_argument("--status", action="store_true", help="list each source's last poll, errors and figures")
    wat.add_argument("--for", dest="duration", type=float, metavar="SECONDS", help="stop after this many seconds")
    wat.add_argument("--format", choices=["table", "json"], default="table", help="--status: table or JSON lines")
    wat.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    wat.set_defaults(func=cmd_watch)
    alr = sub.add_parser("alerts", help="list the alerts marsad watch has raised, newest first")
    alr.add_argument("--limit", type=int, default=50)
    alr.add_argument("--format", choices=["table", "json"], help="default: table on a terminal, else JSON lines")
    alr.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    alr.set_defaults(func=cmd_alerts)
    srv = sub.add_parser("serve", help="the HTTP API and the analyst dashboard")
    srv.add_argument("--db", default=db_default, help="SQLite path or postgresql:// URL (env MARSAD_DB)")
    srv.add_argument("--host", help="address to listen on (setting host, default loopback)")
    srv.add_argument("--port", type=int, help="port (setting port, default 8000)")
    srv.add_argument("--workers", type=int, help="server processes (setting workers)")
    srv.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except MarsadError as exc:
        print(f"marsad: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
