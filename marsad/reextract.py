"""`marsad reextract`: this extractor over the stored documents, in place.

A document already extracted by this extractor version is skipped (unless
forced); a figure over the same span keeps its id, and review decisions follow
their figure or wait, orphaned, until an extraction finds their span again.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from marsad.ingest.limits import Limits
from marsad.lang import available_languages
from marsad.pipeline import EXTRACTOR_VERSION, extract
from marsad.store import Store


@dataclass
class Reextracted:
    documents: int = 0
    skipped: int = 0
    failed: int = 0
    figures: int = 0
    kept: int = 0
    orphaned: int = 0

    def line(self) -> str:
        return (f"re-extracted {self.documents} documents with extractor {EXTRACTOR_VERSION}: {self.figures} figures; "
                f"reviews kept {self.kept}, orphaned {self.orphaned}; {self.skipped} already extracted by this "
                f"version skipped (--force re-reads them), {self.failed} failed")


def reextract(store: Store, force: bool = False, max_figures: int = Limits.max_figures) -> Reextracted:
    done = Reextracted()
    for doc in store.documents():
        if doc["language"] not in available_languages():
            continue
        if doc["extractor_version"] == EXTRACTOR_VERSION and not force:
            done.skipped += 1
            continue
        try:
            found = extract(doc["text"], published=doc["published"], language=doc["language"])
        except Exception as exc:  # one document's trouble must not end the run
            done.failed += 1
            store.record_failure(f"document {doc['id']}", f"re-extraction failed: {exc.__class__.__name__}: {exc}")
            print(f"marsad: document {doc['id']}: re-extraction failed: {exc}", file=sys.stderr)
            continue
        n, kept, lost = store.replace_figures(doc["id"], found[:max_figures], EXTRACTOR_VERSION)
        done.documents += 1
        done.figures, done.kept, done.orphaned = done.figures + n, done.kept + kept, done.orphaned + lost
    return done
