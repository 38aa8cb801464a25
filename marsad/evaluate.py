"""Score extracted figures against gold figures, as ANNOTATION.md says.

A prediction matches a gold figure of the same document when their
[low, high] intervals overlap (an open bound reaches one order of magnitude,
approx widens by 10%) and unit and kind agree; matching is one-to-one and
greedy by the Jaccard overlap of evidence tokens, ties going to the same
bounds, then the same qualifier, then document order. Precision, recall and
F1 per language, the accuracy of each other field over matched pairs, and
record F1: a prediction counts only when it matches with every field right.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import MarsadError

FIELDS = ("qualifier", "per", "movement", "nationality", "origin", "destination",
          "period_start", "period_end", "source_type")
DATE_FIELDS = {"period_start", "period_end"}


def _interval(f: dict[str, Any]) -> tuple[float, float]:
    low, high, value = f.get("low"), f.get("high"), f.get("value")
    if low is None and high is None and value is not None:
        low = high = value
    if low is None and high is None:
        return float("-inf"), float("inf")
    lo = float(high) / 10 if low is None else float(low)  # "up to 6,000" is [600, 6,000]
    hi = float(low) * 10 if high is None else float(high)  # "more than 5,000" is [5,000, 50,000]
    if f.get("qualifier") == "approx":
        lo, hi = lo * 0.9, hi * 1.1
    return lo, hi


def compatible(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    a, b = _interval(pred), _interval(gold)
    return a[0] <= b[1] and b[0] <= a[1] and pred.get("unit") == gold.get("unit") and pred.get("kind") == gold.get("kind")


def _jaccard(a: str | None, b: str | None) -> float:
    x, y = set((a or "").split()), set((b or "").split())
    return len(x & y) / len(x | y) if x | y else 0.0


def _bounds(f: dict[str, Any]) -> tuple[Any, Any]:
    low, high, value = f.get("low"), f.get("high"), f.get("value")
    return (value, value) if low is None and high is None else (low, high)


def _pair_rank(p: dict[str, Any], g: dict[str, Any], i: int, j: int) -> tuple[float, int, int, int, int]:
    """Best evidence overlap first; ties to the same bounds, then the same
    qualifier, then document order."""
    return (-_jaccard(p.get("evidence"), g.get("evidence")), _bounds(p) != _bounds(g),
            p.get("qualifier") != g.get("qualifier"), j, i)


def match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs = sorted((_pair_rank(p, g, i, j), i, j)
                   for i, p in enumerate(preds) for j, g in enumerate(golds) if compatible(p, g))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def field_equal(name: str, a: Any, b: Any) -> bool:
    if name in DATE_FIELDS and a is not None and b is not None:
        try:
            return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
        except ValueError:
            return False
    return a == b


@dataclass
class Score:
    tp: int = 0
    records: int = 0
    predicted: int = 0
    gold: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def record_f1(self) -> float:
        """F1 counting a prediction only when it matches and every field is right."""
        p = self.records / self.predicted if self.predicted else 1.0
        r = self.records / self.gold if self.gold else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        right, total = self.fields[name]
        return right / total if total else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"figures_gold": self.gold, "figures_predicted": self.predicted, "matched": self.tp,
                               "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                               "records_right": self.records, "record_f1": round(self.record_f1, 4)}
        for name in FIELDS:
            acc = self.accuracy(name)
            out[name] = None if acc is None else round(acc, 4)
        return out


def load_gold(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """doc id -> gold figures (a document with `none: true` has none)."""
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc = row["doc"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise MarsadError("E201", f"{path}:{n}: a gold line needs JSON with a 'doc' field") from exc
        gold.setdefault(doc, [])
        if not row.get("none"):
            gold[doc].append(row)
    return dict(gold)


def score(gold: dict[str, list[dict[str, Any]]], predicted: dict[str, list[dict[str, Any]]],
          languages: dict[str, str]) -> dict[str, Score]:
    """Scores per language (and "all") over the documents of `gold`."""
    scores: dict[str, Score] = defaultdict(Score)
    for doc, golds in gold.items():
        preds = predicted.get(doc, [])
        for key in (languages.get(doc, "?"), "all"):
            s = scores[key]
            s.gold += len(golds)
            s.predicted += len(preds)
            for i, j in match(preds, golds):
                s.tp += 1
                right = [field_equal(name, preds[i].get(name), golds[j].get(name)) for name in FIELDS]
                s.records += all(right)
                for name, ok in zip(FIELDS, right):
                    s.fields[name][0] += ok
                    s.fields[name][1] += 1
    return dict(scores)
