"""The durable archive of documents, figures and review decisions."""

from marsad.store.store import NewDocument, Store, content_hash, database_url

__all__ = ["NewDocument", "Store", "content_hash", "database_url"]
