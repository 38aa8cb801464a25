"""Score the extractor on an annotated corpus folder (docs/ + gold.jsonl)."""

from __future__ import annotations

from pathlib import Path

from marsad.corpus import read_articles
from marsad.evaluate import Score, load_gold, score
from marsad.lang import available_languages
from marsad.pipeline import extract


def evaluate_corpus(folder: Path, only: set[str] | None = None) -> dict[str, Score]:
    """Scores per language (and per document id in `only`) for a corpus folder."""
    gold = load_gold(folder / "gold.jsonl")
    predicted, languages = {}, {}
    for path in sorted((folder / "docs").glob("*.txt")):
        article = next(read_articles(str(path)))
        if article.id not in gold or (article.language or "") not in available_languages():
            continue
        predicted[article.id] = [f.annotation() for f in extract(article.text, published=article.published,
                                                                 language=article.language)]
        languages[article.id] = article.language or "?"
    gold = {doc: figures for doc, figures in gold.items() if doc in predicted}
    scores = score(gold, predicted, languages)
    for doc in only or ():
        if doc in gold:
            scores[doc] = score({doc: gold[doc]}, {doc: predicted[doc]}, {doc: doc})[doc]
    return scores
