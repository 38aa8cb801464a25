"""schemathesis against the live app (in-process ASGI, a bounded number of
examples per operation): no 500 and every answer as the OpenAPI document
says (status codes, content types, response schemas). Issue 12."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from marsad.api import create_app
from support import store_with

TOKEN = "schemathesis-token"
ARTICLES = [
    {"id": "a", "outlet": "one.example", "language": "en", "published": "2024-03-12",
     "text": "Turkey said on Tuesday that about 40,000 Syrians had crossed into the country since March 1."},
    {"id": "b", "outlet": "two.example", "language": "ar", "published": "2024-03-12",
     "text": "قالت تركيا يوم الثلاثاء إن 39 ألفا و800 سوري دخلوا تركيا منذ مطلع مارس."},
]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    app = create_app(store_with(Path(tmp_path_factory.mktemp("schemathesis")), ARTICLES), token=TOKEN)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.store.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_openapi_promises(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
