"""Score the extractor on an annotated corpus folder (docs/ + gold.jsonl)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from marsad.corpus import Article, read_articles
from marsad.evaluate import Score, load_gold, score
from marsad.lang import available_languages
from marsad.pipeline import extract


def predict(articles: Iterable[Article], wanted: Collection[str]
            ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str], list[str]]:
    """Figures (annotation fields) and language of each wanted article, and the
    ids skipped because marsad has no data for their language."""
    predicted: dict[str, list[dict[str, Any]]] = {}
    languages: dict[str, str] = {}
    skipped: list[str] = []
    for article in articles:
        if article.id not in wanted:
            continue
        if article.language and article.language not in available_languages():
            skipped.append(article.id)
            continue
        figures = extract(article.text, published=article.published, language=article.language,
                          url=getattr(article, 'url', None))
        predicted[article.id] = [f.annotation() for f in figures]
        languages[article.id] = article.language or "?"
    return predicted, languages, skipped


def evaluate_corpus(folder: Path, only: set[str] | None = None) -> dict[str, Score]:
    """Scores per language (and per document id in `only`) for a corpus folder."""
    gold = load_gold(folder / "gold.jsonl")
    articles = (next(read_articles(str(p))) for p in sorted((folder / "docs").glob("*.txt")))
    predicted, languages, _ = predict(articles, gold)
    gold = {doc: figures for doc, figures in gold.items() if doc in predicted}
    scores = score(gold, predicted, languages)
    for doc in only or ():
        if doc in gold:
            scores[doc] = score({doc: gold[doc]}, {doc: predicted[doc]}, {doc: doc})[doc]
    return scores
