"""The dashboard's own routes: the page, its message catalogues and the
API documentation, all served from the package (they work offline)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, Response

from marsad.api.i18n import catalogue, locales


def add_pages(app: FastAPI, static: Path) -> None:
    """`/`, `/docs` (Swagger UI from vendored files) and `/api/i18n/{locale}`."""
    bodies: dict[str, bytes] = {}

    @app.get("/api/i18n/{locale}", summary="The interface's messages, enums and country names in a language")
    def get_catalogue(locale: str) -> Response:
        if locale not in locales():
            raise HTTPException(404, f"no interface language {locale!r}; there are {', '.join(locales())}")
        if locale not in bodies:
            import json

            bodies[locale] = json.dumps(catalogue(locale), ensure_ascii=False).encode("utf-8")
        return Response(bodies[locale], media_type="application/json",
                        headers={"Cache-Control": "max-age=3600"})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html")
