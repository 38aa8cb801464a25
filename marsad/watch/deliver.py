"""Alerts out: a JSON POST to a webhook, signed with an HMAC of a shared
secret, and/or an email (SMTP). A delivery that fails is tried again later
(30 s, then doubling, up to `MAX_ATTEMPTS` tries) and reported; it never
stops the watch.

The webhook body is `{"alert": {...}}` (the stored alert: id, rule, kind,
message, flow, value, previous, figures, details, created_at); the header
`X-Marsad-Signature: sha256=<hex>` is HMAC-SHA256 of the exact body bytes with
the secret, as GitHub's webhooks do (verify with `verify_signature`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import sys
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
from sqlalchemy import select, update

from marsad.store import Store
from marsad.store.schema import alert_deliveries, alerts
from marsad.watch.config import Email, WatchConfig, Webhook
from marsad.watch.fetch import USER_AGENT
from marsad.watch.state import aware, now

MAX_ATTEMPTS = 8
FIRST_RETRY = 30.0  # seconds
SIGNATURE = "X-Marsad-Signature"


def sign(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_signature(secret: bytes, body: bytes, header: str) -> bool:
    """What a receiver runs: the header matches the body and the shared secret."""
    return hmac.compare_digest(sign(secret, body), header or "")


def alert_json(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row as plain JSON values (times in ISO 8601 with their UTC offset)."""
    return json.loads(json.dumps(row, default=_plain))


def _plain(value: Any) -> str:
    return aware(value).isoformat() if isinstance(value, datetime) else str(value)  # type: ignore[union-attr]


def deliver_pending(store: Store, config: WatchConfig, timeout: float = 10.0) -> tuple[int, int]:
    """Send every delivery that is due; returns (sent, failed now)."""
    sent = failed = 0
    with store.engine.connect() as conn:
        due = [dict(r) for r in conn.execute(select(alert_deliveries, *(c for c in alerts.c if c.name != "id")).join(
            alerts, alerts.c.id == alert_deliveries.c.alert_id).where(alert_deliveries.c.status == "pending")
            .order_by(alert_deliveries.c.id)).mappings()]
    for row in due:
        if aware(row["next_at"]) and aware(row["next_at"]) > now():  # type: ignore[operator]
            continue
        alert = {k: row[k] for k in ("rule", "kind", "message", "movement", "origin", "destination", "nationality",
                                     "value", "previous", "figures", "details", "created_at")}
        alert["id"] = row["alert_id"]
        error = _send(row["channel"], alert_json(alert), config, timeout)
        _note(store, row, error)
        sent, failed = sent + (error is None), failed + (error is not None)
    return sent, failed


def _send(channel: str, alert: dict[str, Any], config: WatchConfig, timeout: float) -> str | None:
    """None when delivered, else why not."""
    try:
        if channel == "webhook" and config.webhook:
            return post_webhook(config.webhook, alert, timeout)
        if channel == "email" and config.email:
            send_email(config.email, alert, timeout)
            return None
        return f"no {channel} configured any more"
    except (httpx.HTTPError, OSError, smtplib.SMTPException) as exc:
        return f"{exc.__class__.__name__}: {exc}"


def post_webhook(hook: Webhook, alert: dict[str, Any], timeout: float) -> str | None:
    body = json.dumps({"alert": alert}, ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, "X-Marsad-Alert": str(alert["id"])}
    secret = hook.secret
    if secret:
        headers[SIGNATURE] = sign(secret, body)
    answer = httpx.post(hook.url, content=body, headers=headers, timeout=timeout)
    return None if answer.status_code < 300 else f"HTTP {answer.status_code}"


def send_email(mail: Email, alert: dict[str, Any], timeout: float) -> None:
    message = EmailMessage()
    message["Subject"] = f"[marsad] {alert['message']}"[:200]
    message["From"] = mail.sender
    message["To"] = ", ".join(mail.to)
    message.set_content(f"{alert['message']}\n\nrule: {alert['rule']} ({alert['kind']})\nfigures: "
                        f"{', '.join(map(str, alert['figures']))}\n\n"
                        + json.dumps(alert, ensure_ascii=False, indent=2, sort_keys=True))
    with smtplib.SMTP(mail.host, mail.port, timeout=timeout) as smtp:
        if mail.starttls:
            smtp.starttls()
        user = os.environ.get(mail.user_env) if mail.user_env else None
        if user:
            smtp.login(user, os.environ.get(mail.password_env or "", ""))
        smtp.send_message(message)


def _note(store: Store, row: dict[str, Any], error: str | None) -> None:
    attempts = int(row["attempts"]) + 1
    if error is None:
        values: dict[str, Any] = {"status": "sent", "attempts": attempts, "sent_at": now(), "last_error": None}
    else:
        gave_up = attempts >= MAX_ATTEMPTS
        values = {"status": "failed" if gave_up else "pending", "attempts": attempts, "last_error": error,
                      "next_at": now() + timedelta(seconds=FIRST_RETRY * 2 ** (attempts - 1))}
        print(f"marsad: alert {row['alert_id']}: {row['channel']} to {row['target']} failed ({error}); "
              + ("gave up" if gave_up else f"tried again in {FIRST_RETRY * 2 ** (attempts - 1):.0f} s"),
              file=sys.stderr)
    with store.engine.begin() as conn:
        conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == row["id"]).values(**values))
