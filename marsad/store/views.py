"""Views that make the store readable as it is (datasette, pandas, plain SQL).

`current_figures`: active figures with their latest review applied — rejected
and superseded (re-extracted) rows out, corrected fields in — one row per
figure, with column names that are not SQL keywords (`group_name`,
`span_start`, `span_end`). `flows_latest`: one row per flow (movement, origin,
destination, nationality) with its newest country-wide total (else its newest
figure), the number of figures and the first and last report.

Views are code, not migration state: `Store.migrate` drops them before
Alembic runs (a SQLite batch migration rebuilds tables under them) and creates
them after. A correction of a type the schema does not allow (an old store,
see `marsad review --invalid`) is not applied here: the view never fails.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from marsad.schema import FIELDS

VIEWS = ("flows_latest", "current_figures")  # in drop order
COUNTS = ("value", "low", "high")
RENAMED = {"group": "group_name"}
LATEST_REVIEW = ("(SELECT figure_id, MAX(id) AS review_id FROM reviews WHERE orphaned = {false} "
                 "GROUP BY figure_id)")


def _corrected(name: str, dialect: str) -> str:
    """The figure's field, or its correction when the latest review corrected it (with a valid type)."""
    column = f'f."{name}"'
    if dialect == "postgresql":
        doc = "r.corrections::jsonb"
        present = f"r.decision = 'corrected' AND {doc} ? '{name}'"
        kind = f"jsonb_typeof({doc} -> '{name}')"
        raw = f"({doc} ->> '{name}')"
        value = (f"CASE WHEN {kind} = 'number' AND {raw} ~ '^[0-9]{{1,10}}$' THEN {raw}::bigint ELSE {column} END"
                 if name in COUNTS else f"CASE WHEN {kind} = 'string' THEN {raw} ELSE {column} END")
    else:
        present = f"r.decision = 'corrected' AND json_type(r.corrections, '$.{name}') IS NOT NULL"
        kind = f"json_type(r.corrections, '$.{name}')"
        raw = f"json_extract(r.corrections, '$.{name}')"
        value = (f"CASE WHEN {kind} = 'integer' THEN {raw} ELSE {column} END" if name in COUNTS
                 else f"CASE WHEN {kind} = 'text' THEN {raw} ELSE {column} END")
    return f"CASE WHEN {present} THEN CASE WHEN {kind} = 'null' THEN NULL ELSE {value} END ELSE {column} END"


def current_figures_sql(dialect: str) -> str:
    false = "false" if dialect == "postgresql" else "0"
    fields = ",\n  ".join(f'{_corrected(name, dialect)} AS {RENAMED.get(name, name)}' for name in FIELDS)
    return f"""CREATE VIEW current_figures AS
SELECT f.id AS figure_id, f.document_id, d.story AS story_id, d.url, d.outlet, d.wire, d.language, d.published,
  {fields},
  f.part_of, COALESCE(r.decision, 'unreviewed') AS review, r.reviewer, r.decided_at AS reviewed_at,
  f.evidence, f."start" AS span_start, f."end" AS span_end, f.rule AS rules, f.confidence, f.extractor_version
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN {LATEST_REVIEW.format(false=false)} lr ON lr.figure_id = f.id
LEFT JOIN reviews r ON r.id = lr.review_id
WHERE f.active = {'true' if dialect == 'postgresql' else '1'} AND (r.decision IS NULL OR r.decision <> 'rejected')"""


FLOWS_LATEST = """CREATE VIEW flows_latest AS
SELECT movement, origin, destination, nationality, kind AS latest_kind, value AS latest_value, low AS latest_low,
  high AS latest_high, qualifier AS latest_qualifier, period_start AS latest_period_start,
  period_end AS latest_period_end, source AS latest_source, figure_id AS latest_figure_id, figures, first_report,
  last_report
FROM (
  SELECT c.*,
    ROW_NUMBER() OVER (PARTITION BY movement, origin, destination, nationality ORDER BY
      CASE WHEN kind = 'total' AND unit = 'people' AND part_of IS NULL AND origin_place IS NULL
           AND destination_place IS NULL AND (period_start IS NULL OR period_start <> period_end) THEN 0 ELSE 1 END,
      CASE WHEN period_end IS NULL THEN 1 ELSE 0 END, period_end DESC,
      CASE qualifier WHEN 'exact' THEN 0 WHEN 'approx' THEN 1 WHEN 'range' THEN 3 WHEN 'vague' THEN 4 ELSE 2 END,
      figure_id DESC) AS rank_in_flow,
    COUNT(*) OVER (PARTITION BY movement, origin, destination, nationality) AS figures,
    MIN(COALESCE(published, period_end)) OVER (PARTITION BY movement, origin, destination, nationality) AS first_report,
    MAX(COALESCE(published, period_end)) OVER (PARTITION BY movement, origin, destination, nationality) AS last_report
  FROM current_figures c
) ranked
WHERE rank_in_flow = 1"""


def drop_views(conn: Any) -> None:
    for name in VIEWS:
        conn.execute(text(f"DROP VIEW IF EXISTS {name}"))


def create_views(conn: Any) -> None:
    dialect = conn.dialect.name
    drop_views(conn)
    conn.execute(text(current_figures_sql(dialect)))
    conn.execute(text(FLOWS_LATEST))
