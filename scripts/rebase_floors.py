"""Print (or --write) quality floors measured on ../shared/corpus/dev: each
language's F1, record F1 and field accuracies, less a margin. Floors only
rise: an existing higher floor is kept unless --lower is given."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from marsad.evaluate import FIELDS
from marsad.quality import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]


def floor(x: float, margin: float) -> float:
    return max(0.0, round(math.floor(x * 100) / 100 - margin, 2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    ap.add_argument("--margin", type=float, default=0.01, help="below F1 and record F1")
    ap.add_argument("--field-margin", type=float, default=0.03, help="below each field's accuracy (fields trade)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--lower", action="store_true", help="allow floors to fall (say why in the commit)")
    args = ap.parse_args()
    path = ROOT / "quality" / "baseline.json"
    baseline = json.loads(path.read_text())
    scores = evaluate_corpus(Path(args.corpus))
    for lang, s in sorted(scores.items()):
        if lang == "all" or lang not in baseline and not args.write:
            continue
        old = baseline.get(lang, {})
        new = {"f1": floor(s.f1, args.margin), "record_f1": floor(s.record_f1, args.margin)}
        new |= {f: floor(a, args.field_margin) for f in FIELDS if (a := s.accuracy(f)) is not None}
        if not args.lower:
            new = {k: max(v, old.get(k, 0.0)) for k, v in new.items()}
        baseline[lang] = new
        print(lang, json.dumps(new))
    if args.write:
        path.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
