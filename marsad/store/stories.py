"""Near-duplicate articles are one story: MinHash over word shingles, LSH bands in the store.

The same article saved as text and as HTML, under another encoding, or
re-published with a changed line has another content hash but nearly the same
words. Each document gets a MinHash signature (datasketch) of its word
3-shingles (character 3-shingles for unspaced scripts); the signature is cut
into LSH bands (datasketch's parameters for the threshold), and the band keys are stored in `story_keys`, so a new
document finds its candidates with one indexed query, whatever the size of the
archive, and no index has to be held in memory. A candidate whose estimated
Jaccard similarity reaches the threshold gives its story id; otherwise the
document starts its own story (its own id). Flows count one origin per story.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import insert, select, update
from sqlalchemy import text as sql

from marsad.normalize import normalize
from marsad.store.schema import documents, story_keys

NUM_PERM = 128
THRESHOLD = 0.4  # estimated Jaccard of 3-shingles: one changed line of a three-line story stays above it
SHINGLE = 3
SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
PER_KEY = 5
# scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar
_UNSPACED = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\u0e00-\u0eff\u1780-\u17ff\u1000-\u109f]")


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    # recall first: a missed near-duplicate counts twice, a false candidate is dropped by the Jaccard check
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=(0.1, 0.9))
    return lsh.b, lsh.r


def signature(text: str) -> MinHash:
    """The MinHash of a text's shingles: word 3-shingles (normalised, case-folded);
    character 3-shingles where words are not spaced (Chinese, Thai, Japanese)."""
    words = _WORD.findall(normalize(text).casefold())
    if len(_UNSPACED.findall(text)) * 2 > sum(map(len, words)):
        flat = "".join(words)
        shingles = {flat[k:k + SHINGLE] for k in range(max(1, len(flat) - SHINGLE + 1))}
    else:
        shingles = {" ".join(words[k:k + SHINGLE]) for k in range(max(1, len(words) - SHINGLE + 1))}
    sig = MinHash(num_perm=NUM_PERM, seed=11, scheme=SCHEME, permutations=_permutations())
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


def band_keys(sig: MinHash) -> list[str]:
    """One key per LSH band: documents sharing a key are candidates."""
    bands, rows = _bands()
    values = sig.hashvalues
    return [f"{b}:{hashlib.blake2b(values[b * rows:(b + 1) * rows].tobytes(), digest_size=8).hexdigest()}"
            for b in range(bands)]


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The seed's permutations, made once (datasketch would make them for every MinHash: a millisecond each)."""
    return MinHash(num_perm=NUM_PERM, seed=11, scheme=SCHEME).permutations


def from_bytes(data: bytes) -> MinHash:
    return MinHash(seed=11, hashvalues=np.frombuffer(data, dtype=np.uint32).copy(), scheme=SCHEME,
                   permutations=_permutations())


def numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(normalize(text)))


def same_numbers(a: set[str], b: set[str]) -> bool:
    """One story states the same numbers: a report from a template with other
    figures ("some 23,000 fled" / "some 45,000 fled") is another story."""
    small, large = sorted((a, b), key=len)
    return not small or len(small & large) >= 0.8 * len(small)


def candidates(conn: Any, keys: list[str], doc_id: int) -> list[Any]:
    """The first documents under each band key (bounded: a key that templates or
    boilerplate share gives its oldest few, not thousands), in one query: their
    id, story and signature, in id order (texts are read only for the few that match)."""
    if not keys:
        return []
    params: dict[str, Any] = {f"k{n}": key for n, key in enumerate(keys)}
    ids = {r[0] for r in conn.execute(_candidates_sql(len(keys), conn.dialect.name), dict(params, me=doc_id))}
    if not ids:
        return []
    return conn.execute(select(documents.c.id, documents.c.story, documents.c.minhash)
                        .where(documents.c.id.in_(sorted(ids))).order_by(documents.c.id)).all()


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two stored signatures (as MinHash.jaccard, without building them)."""
    return float(np.count_nonzero(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32))) / NUM_PERM


def _stored_numbers(conn: Any, doc_id: int) -> set[str]:
    return numbers(conn.execute(select(documents.c.text).where(documents.c.id == doc_id)).scalar_one())


@lru_cache(maxsize=8)
def _candidates_sql(n_keys: int, dialect: str) -> Any:
    """One UNION ALL of per-key queries, each an index range with its own LIMIT."""
    del dialect  # the same SQL on SQLite and PostgreSQL; cached per dialect all the same
    one = ("SELECT * FROM (SELECT document_id FROM story_keys WHERE key = :k{n} AND document_id <> :me "
           f"ORDER BY document_id LIMIT {PER_KEY}) AS s{{n}}")
    return sql(" UNION ALL ".join(one.format(n=n) for n in range(n_keys)))


StoryFacts = tuple[bytes, list[str], set[str]]  # signature bytes, band keys, numbers of a text


def story_facts(text: str) -> StoryFacts:
    """What finding a document's story needs from its text alone (made where the
    text is extracted: an ingest worker, a Spark executor)."""
    sig = signature(text)
    return sig.hashvalues.astype(np.uint32).tobytes(), band_keys(sig), numbers(text)


def assign_story(conn: Any, doc_id: int, text: str, facts: StoryFacts | None = None) -> int:
    """Store the document's signature and band keys; its story id (a near-duplicate's, else its own)."""
    hashvalues, keys, mine = facts or story_facts(text)
    story = next((c.story or c.id for c in candidates(conn, keys, doc_id)
                  if c.minhash and similarity(c.minhash, hashvalues) >= THRESHOLD
                  and same_numbers(mine, _stored_numbers(conn, c.id))), doc_id)
    conn.execute(update(documents).where(documents.c.id == doc_id).values(story=story, minhash=hashvalues))
    conn.execute(insert(story_keys), [{"key": key, "document_id": doc_id} for key in keys])
    return story
