"""marsad's command line: parse arguments, call library functions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from marsad.corpus import Article, read_articles
from marsad.errors import MarsadError
from marsad.lang import available_languages
from marsad.evaluate import FIELDS, load_gold, score
from marsad.pipeline import extract


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
    rows = []
    for article in _articles(_expand(args.inputs), args.published, args.language):
        for fig in extract(article.text, published=article.published, language=article.language):
            fig.doc = article.id
            rows.append(fig)
            if fmt == "jsonl":
                record = fig.annotation() if not args.provenance else fig.to_dict()
                print(json.dumps(record, ensure_ascii=False), flush=False)
    if fmt == "table":
        _print_table(rows)
    return 0


def _print_table(figures: list) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(figures)} movement figures")
    for name in ("doc", "number", "kind", "movement", "group", "origin", "destination", "period", "source"):
        table.add_column(name)
    for f in figures:
        number = f"{f.value:,}" if f.value is not None else f"{f.low or '…'}–{f.high or '…'}"
        if f.qualifier not in ("exact", "range"):
            number += f" ({f.qualifier})"
        period = f"{f.period_start or '…'} → {f.period_end or '…'}"
        kind = f"{f.kind}/{f.per}" if f.per else f.kind
        origin = " ".join(x for x in (f.origin, f.origin_place) if x) or "?"
        dest = " ".join(x for x in (f.destination, f.destination_place) if x) or "?"
        table.add_row(f.doc or "", number, kind, f.movement or "", f"{f.group} ({f.unit})", origin, dest,
                      period, f"{f.source or '-'} [{f.source_type}]")
    Console().print(table)


def cmd_eval(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold)
    predicted: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    languages: dict[str, str] = {}
    skipped: list[str] = []
    for article in _articles(_expand(args.articles), None, None):
        if article.id not in gold:
            continue
        if article.language and article.language not in available_languages():
            skipped.append(article.id)
            continue
        figures = extract(article.text, published=article.published, language=article.language)
        predicted[article.id] = [f.annotation() for f in figures]
        languages[article.id] = article.language or "?"
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
    head = ["lang", "gold", "pred", "match", "P", "R", "F1"] + list(FIELDS)
    print("\t".join(head))
    for lang, s in sorted(scores.items()):
        cells = [lang, str(s.gold), str(s.predicted), str(s.tp), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}"]
        cells += ["-" if s.accuracy(n) is None else f"{s.accuracy(n):.3f}" for n in FIELDS]
        print("\t".join(cells))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="marsad", description="Movement figures from news, with their evidence.")
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
