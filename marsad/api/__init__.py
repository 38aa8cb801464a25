"""HTTP API and the analyst dashboard (a client of the JSON endpoints)."""

from marsad.api.app import create_app

__all__ = ["create_app"]
