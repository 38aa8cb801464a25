"""Reading news into the store: one reader per format, registered by name."""

from marsad.ingest.readers import READERS, Failure, RawArticle, reader_for
from marsad.ingest.run import Summary, ingest, read_sources

__all__ = ["READERS", "Failure", "RawArticle", "Summary", "ingest", "read_sources", "reader_for"]
