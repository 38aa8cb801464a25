"""`marsad serve`: the HTTP API over the store, and the dashboard.

Read endpoints are open; write endpoints (review, post an article) need
`Authorization: Bearer $MARSAD_TOKEN`, and with no token set the app is
read-only. Article text is returned as data and rendered escaped by the
dashboard; SQL is built by SQLAlchemy; bodies are size-limited.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
import threading
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from marsad.api.cache import StoreState, Views, key_of
from marsad.api.guard import ERROR_RESPONSES, MAX_BODY, MAX_ID, guard
from marsad.api.live import LiveFlows, arrow, destination
from marsad.api.pages import add_pages
from marsad.api.watch import add_watch_routes
from marsad.errors import MarsadError
from marsad.export import neutralised
from marsad.flows import build_flows, by_destination
from marsad.ingest.readers import RawArticle
from marsad.ingest.run import prepare
from marsad.schema import parse_filters
from marsad.settings import Settings
from marsad.store import Store

STATIC = Path(__file__).parent / "static"
CACHE_SIZE = 32  # overviews kept (one per filter set)
FIGURE_PAGES = 256  # figure pages kept
Movement = Literal["fled", "displaced", "evacuated", "arrived", "departed", "returned", "waiting", "asylum", "hosted"]
Status = Literal["unreviewed", "confirmed", "rejected", "corrected"]
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class ReviewIn(BaseModel):
    decision: Literal["confirmed", "rejected", "corrected"]
    reviewer: str = Field(min_length=1, max_length=100)
    comment: str | None = Field(default=None, max_length=2000)
    corrections: dict[str, Any] | None = None


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_BODY)
    published: str | None = Field(default=None, pattern=ISO_DATE)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=500)


def create_app(db: str, token: str | None = None, warm: bool = False) -> FastAPI:
    """The app over store `db`; writes need `token` (default: $MARSAD_TOKEN). With
    `warm`, the overview is built in a background thread as the app starts, so
    that the first readers find it ready (`marsad serve`)."""
    store = Store(db)
    settings = Settings.load()
    secret = (token if token is not None else settings.token) or None
    state = StoreState(store, settings.cache_seconds)
    overviews, figure_pages = Views(CACHE_SIZE), Views(FIGURE_PAGES)
    live = LiveFlows(store)
    app = FastAPI(title="marsad", version="0.1.0", max_body_size=MAX_BODY + 10_000, responses=ERROR_RESPONSES,
                  description="Movement figures from news: documents, figures, flows, review.",
                  docs_url=None, redoc_url=None)  # /docs is served from vendored files (pages.py)
    guard(app)

    @app.exception_handler(MarsadError)
    async def marsad_error(_: Request, exc: MarsadError) -> JSONResponse:
        status = 404 if exc.code == "E304" else 422
        return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=status)

    def writer(authorization: str | None = Header(default=None)) -> None:
        if secret is None:
            raise HTTPException(403, "read-only: set MARSAD_TOKEN to enable writes")
        if not authorization or not authorization.startswith("Bearer ") or \
                not secrets.compare_digest(authorization[7:].encode(), secret.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed",
                                headers={"WWW-Authenticate": "Bearer"})

    async def filters(country: str | None = Query(None, max_length=80, description="ISO code or country name"),
                movement: Movement | None = None, since: str | None = Query(None, pattern=ISO_DATE),
                until: str | None = Query(None, pattern=ISO_DATE),
                language: str | None = Query(None, pattern=r"^[a-z]{2}$"),
                source_type: str | None = Query(None, pattern=r"^[a-z_]{2,16}$"),
                status: Status | None = None) -> dict[str, Any]:
        return parse_filters(country=country, movement=movement, since=since, until=until, language=language,
                             source_type=source_type, status=status)

    # -- read ---------------------------------------------------------------------
    @app.get("/api/figures", summary="Stored figures, filtered and paginated (JSON or CSV)",
             responses={200: {"content": {"application/json": {}, "text/csv": {"schema": {"type": "string"}}},
                              "description": "a page of figures (format=csv: CSV, formulas neutralised)"}})
    async def list_figures(request: Request, f: dict = Depends(filters),  # type: ignore[type-arg]
                           limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_ID),
                           order: Literal["id", "newest", "confidence"] = "id",
                           format: Literal["json", "csv"] = "json") -> Response:
        key = key_of("figures", {**f, "limit": limit, "offset": offset, "order": order, "format": format})
        body = figure_pages.ready(state, key) or await run_in_threadpool(
            figure_pages.answer, state, key, lambda _: figure_page(f, limit, offset, order, format))
        return body.response(request, "text/csv; charset=utf-8" if format == "csv" else "application/json")

    def figure_page(f: dict, limit: int, offset: int, order: str, format: str) -> bytes:  # type: ignore[type-arg]
        rows = store.figures(**f, limit=limit + 1, offset=offset, order=order)
        more = len(rows) > limit
        rows = rows[:limit]
        if format == "csv":
            out = io.StringIO()
            names = [k for k in rows[0]] if rows else ["id"]
            w = csv.DictWriter(out, fieldnames=names)
            w.writeheader()
            w.writerows(neutralised(r) for r in rows)
            return out.getvalue().encode("utf-8")
        return _dumps({"items": rows, "limit": limit, "offset": offset, "next": offset + limit if more else None})

    @app.get("/api/figures/{figure_id}", summary="One figure with its review")
    def get_figure(figure_id: int = PathParam(ge=0, le=MAX_ID)) -> dict[str, Any]:
        rows = store.figures(figure_id=figure_id)
        if not rows:
            raise HTTPException(404, f"no figure {figure_id}")
        return _clean(rows[0])

    @app.get("/api/documents", summary="Stored documents, newest first")
    def list_documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_ID),
                       language: str | None = Query(None, pattern=r"^[a-z]{2}$")) -> dict[str, Any]:
        rows = store.document_list(limit + 1, offset, language)
        return {"items": [_clean(r) for r in rows[:limit]], "next": offset + limit if len(rows) > limit else None}

    @app.get("/api/documents/{doc_id}", summary="A document's text and its figures with offsets")
    def get_document(doc_id: int = PathParam(ge=0, le=MAX_ID)) -> dict[str, Any]:
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id}")
        doc["figures"] = [_clean(f) for f in doc["figures"]]
        return _clean(doc)

    @app.get("/api/flows", summary="Flow summaries; with a full key, the flow's series and conflicts")
    def get_flows(by: Literal["flow", "destination"] = "flow", movement: Movement | None = None,
                  origin: str | None = Query(None, pattern=r"^([A-Z]{2}|-)$"),
                  destination: str | None = Query(None, pattern=r"^([A-Z]{2}|-)$"),
                  nationality: str | None = Query(None, pattern=r"^([A-Z]{2}|-)$"),
                  detail: bool = False) -> dict[str, Any]:
        flows = _flows(by)
        def match(fl: Any) -> bool:
            return all(want is None or (getattr(fl, name) or "-") == want for name, want in
                       (("movement", movement), ("origin", origin), ("destination", destination),
                        ("nationality", nationality)))
        picked = [fl for fl in flows if match(fl)]
        items = []
        for fl in picked[:500]:
            item = fl.summary()
            if detail:
                item["series"] = [s.as_dict() for s in fl.series]
            items.append(item)
        return {"items": items, "total": len(picked)}

    @app.get("/api/overview", summary="Map arrows between countries, per-destination totals, newest figures")
    async def overview(request: Request, f: dict = Depends(filters)) -> Response:  # type: ignore[type-arg]
        key = key_of("overview", f)
        body = overviews.ready(state, key) or await run_in_threadpool(
            overviews.answer, state, key, lambda current: overview_body(f, current))
        return body.response(request, "application/json")

    def overview_body(f: dict, current: tuple) -> bytes:  # type: ignore[type-arg]
        if any(f.values()):
            rows = [r for r in store.flow_rows() if _keep(r, f)]
            arrows = [a for a in map(arrow, build_flows(iter(rows))) if a]
            destinations = [d for d in map(destination, by_destination(rows)) if d]
        else:  # the unfiltered view is built from the live flows
            live.refresh(current)
            arrows = [a for a in live.arrows.values() if a]
            destinations = [d for d in live.dest_rows.values() if d]
        destinations.sort(key=lambda d: (d["destination"], d["movement"] or ""))
        newest = [_clean(r) for r in store.figures(**f, limit=20, order="newest")]
        return _dumps({"arrows": sorted(arrows, key=lambda x: -(x["volume"] or 0))[:300],
                       "destinations": destinations, "newest": newest})

    @app.get("/api/review/queue", summary="Unreviewed figures, lowest confidence first")
    def review_queue(limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        return {"items": [_clean(r) for r in store.figures(status="unreviewed", limit=limit, order="confidence")],
                "left": store.unreviewed_count()}

    def _flows(by: str) -> list[Any]:
        live.refresh(state.get())
        chosen = live.destinations if by == "destination" else live.flows
        return sorted(chosen.values(), key=lambda fl: tuple(getattr(fl, n) or "" for n in
                                                            ("movement", "origin", "destination", "nationality")))

    # -- write --------------------------------------------------------------------
    @app.post("/api/figures/{figure_id}/review", status_code=201, dependencies=[Depends(writer)],
              summary="Confirm, reject or correct a figure (token)")
    def post_review(body: ReviewIn, figure_id: int = PathParam(ge=0, le=MAX_ID)) -> dict[str, Any]:
        review_id = store.review(figure_id, body.decision, body.reviewer, body.comment, body.corrections or None)
        state.expire()  # this app's own writes show at once
        return {"review": review_id, "figure": _clean(store.figures(figure_id=figure_id)[0])}

    @app.post("/api/articles", status_code=201, dependencies=[Depends(writer)],
              summary="Post an article: it is stored and its figures returned (token)")
    def post_article(body: ArticleIn) -> dict[str, Any]:
        doc = prepare(RawArticle(body.text, "api", body.url, body.title, body.published, body.language, "utf-8"),
                      settings.max_figures)
        new, seen, _ = store.add_documents([doc])
        state.expire()
        stored = store.document_list(limit=1)
        doc_id = next((d["id"] for d in stored), None) if new else None
        return {"new": bool(new), "seen": bool(seen), "document": doc_id, "language": doc.language,
                "figures": [f.to_dict() for f in doc.figures or []], "figures_dropped": doc.dropped}

    # -- dashboard ----------------------------------------------------------------
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    add_pages(app, STATIC)
    add_watch_routes(app, store)

    app.state.store = store
    if warm:
        unfiltered = parse_filters()
        key = key_of("overview", unfiltered)
        threading.Thread(target=overviews.answer, daemon=True, name="marsad-warm-overview",
                         args=(state, key, lambda now: overview_body(unfiltered, now))).start()
    return app


def _keep(row: dict[str, Any], f: dict[str, Any]) -> bool:
    """The overview's filters over streamed figure rows."""
    end = row.get("period_end") or row.get("published")
    country = f.get("country")
    return ((not f.get("movement") or row.get("movement") == f["movement"])
            and (not f.get("language") or row.get("language") == f["language"])
            and (not f.get("source_type") or row.get("source_type") == f["source_type"])
            and (not f.get("since") or (end is not None and end >= f["since"]))
            and (not f.get("until") or (end is not None and end <= f["until"]))
            and (not country or country in (row.get("origin"), row.get("destination"), row.get("nationality")))
            and (not f.get("status") or (row.get("decision") or "unreviewed") == f["status"]))


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=_plain, separators=(",", ":")).encode("utf-8")


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def create_app_from_env() -> FastAPI:
    """For `marsad serve --workers N`: each worker process builds its app."""
    return create_app(Settings.load().db, warm=True)


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()
            if k not in ("content_hash", "minhash")}
