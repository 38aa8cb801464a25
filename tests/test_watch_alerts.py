"""Alert rules of `marsad watch` over a loopback news site: each rule fires
once for its change and not again on the next polls; alerts are stored with
their figures, listed by `marsad alerts` and /api/alerts; the webhook's HMAC
verifies; an unreachable or failing webhook is retried and reported, never
fatal; email goes to a local SMTP server (aiosmtpd)."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from watch_site import Site

from marsad.api import create_app
from marsad.cli import main
from marsad.store import Store
from marsad.watch import Watcher, load_config
from marsad.watch import deliver as delivery
from marsad.watch.alerts import list_alerts
from marsad.watch.deliver import SIGNATURE, verify_signature
from marsad.watch.fetch import Fetcher

SECRET = "s3cret-shared"
DATE = "Sun, 03 Mar 2024 10:00:00 GMT"
CHAD_1 = ("/news/chad-1", "Refugees reach Chad", ("UNHCR said on Sunday that 12,000 Sudanese refugees had arrived in "
          "Chad since 1 January."), "2024-03-03")
TURKEY = ("/news/turkey", "Crossings into Turkey", ("Officials said on Tuesday that 2,000 Syrians a day were crossing "
          "into Turkey."), "2024-03-12")
CHAD_2 = ("/news/chad-2", "More refugees reach Chad", ("UNHCR said on Sunday that 150,000 Sudanese refugees had arrived "
          "in Chad since 1 January."), "2024-03-10")
CHAD_GOV = ("/news/chad-gov", "Chad's count", ("The government of Chad said on Sunday that 20,000 Sudanese refugees "
            "had arrived in Chad since 1 January."), "2024-03-10")


class Receiver:
    """A webhook on loopback: records each POST; answers `status`."""

    def __init__(self) -> None:
        self.posts: list[tuple[bytes, dict[str, str]]] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.posts.append((body, dict(self.headers)))
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    s = Site().start()
    s.add("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
    for path, title, text, day in (CHAD_1, TURKEY, CHAD_2, CHAD_GOV):
        s.article(path, title, text, day)
    publish(s, [CHAD_1, TURKEY], "v1")
    yield s
    s.stop()


def publish(site: Site, items: list[tuple[str, str, str, str]], version: str) -> None:
    site.feed("/feed.xml", [(path, title, DATE) for path, title, _, _ in items], etag=f'"{version}"')


def config_file(tmp_path: Path, site: Site, hook: str | None, email: str = "") -> Path:
    path = tmp_path / "sources.toml"
    webhook = f'[webhook]\nurl = "{hook}"\nsecret_env = "MARSAD_WEBHOOK_SECRET"\n' if hook else ""
    path.write_text(f"""
[watch]
host_delay = 0
timeout = 3
retries = 0

[[source]]
name = "wire"
url = "{site.base}/feed.xml"
language = "en"

[[alert]]
rule = "new_flow"

[[alert]]
rule = "new_conflict"

[[alert]]
name = "Sudan above 100k"
rule = "threshold"
country = "Sudan"
above = 100000

[[alert]]
name = "tenfold"
rule = "jump"
kind = "total"
factor = 10

{webhook}{email}""", encoding="utf-8")
    return path


def kinds(alert_ids: list[int], store: Store) -> list[str]:
    rows = {a["id"]: a for a in list_alerts(store, 500)}
    return sorted(rows[i]["kind"] for i in alert_ids)


def test_each_rule_fires_once_per_change_and_the_webhook_is_signed(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MARSAD_WEBHOOK_SECRET", SECRET)
    hook = Receiver()
    db = str(tmp_path / "m.db")
    config = load_config(config_file(tmp_path, site, hook.url))
    try:
        with Store(db) as store:
            watcher = Watcher(config, store, Fetcher(timeout=3, retries=0, host_delay=0))
            first = watcher.round()
            assert kinds(first.alerts, store) == ["new_flow", "new_flow"]  # SD → TD and SY → TR
            assert watcher.round().alerts == []  # 304: nothing new, nothing fired
            publish(site, [CHAD_2, CHAD_1, TURKEY], "v2")
            jumped = watcher.round()
            assert kinds(jumped.alerts, store) == ["jump", "threshold"]
            publish(site, [CHAD_GOV, CHAD_2, CHAD_1, TURKEY], "v3")
            conflict = watcher.round()
            assert kinds(conflict.alerts, store) == ["new_conflict"]
            publish(site, [CHAD_GOV, CHAD_2, CHAD_1, TURKEY], "v4")  # a changed feed, the same articles
            assert watcher.round().alerts == []
            watcher.close()
            alerts = {a["kind"]: a for a in list_alerts(store)}
        with Store(db) as store:  # a restarted watch fires nothing again
            again = Watcher(config, store, Fetcher(timeout=3, retries=0, host_delay=0))
            assert again.round().alerts == []
            again.close()
    finally:
        hook.stop()
    jump = alerts["jump"]
    assert (jump["value"], jump["previous"], jump["origin"], jump["destination"]) == (150000, 12000, "SD", "TD")
    assert "12.5×" in jump["message"] and len(jump["figures"]) == 2
    assert alerts["threshold"]["value"] == 150000 and alerts["threshold"]["rule"] == "Sudan above 100k"
    sides = alerts["new_conflict"]["details"]["sides"]
    assert sorted(side["value"] for side in sides) == [20000, 150000]
    assert all(side["evidence"] for side in sides)
    assert len(hook.posts) == 5
    for body, headers in hook.posts:
        assert verify_signature(SECRET.encode(), body, headers[SIGNATURE])
        assert not verify_signature(b"another secret", body, headers[SIGNATURE])
        assert json.loads(body)["alert"]["id"] == int(headers["X-Marsad-Alert"])
    assert all(d["status"] == "sent" for a in alerts.values() for d in a["deliveries"])

    assert main(["alerts", "--db", db, "--format", "json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["kind"] for a in listed] == ["new_conflict", "jump", "threshold", "new_flow", "new_flow"]  # newest first
    with TestClient(create_app(db)) as client:
        api = client.get("/api/alerts").json()["items"]
        status = client.get("/api/watch").json()["items"]
    assert len(api) == 5 and api[0]["id"] > api[-1]["id"]
    assert status[0]["name"] == "wire" and status[0]["figures_week"] == 4 and status[0]["new_week"] == 4


def test_a_rule_first_run_marks_the_archive_without_firing(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    assert main(["ingest", f"{site.base}/news/chad-1", f"{site.base}/news/chad-2", "--db", db, "--quiet"]) == 0
    config = load_config(config_file(tmp_path, site, None))
    with Store(db) as store:
        watcher = Watcher(config, store, Fetcher(timeout=3, retries=0, host_delay=0))
        assert kinds(watcher.round().alerts, store) == ["new_flow"]  # Turkey only: Chad was in the archive
        watcher.close()


def test_an_unreachable_or_failing_webhook_is_retried_and_reported_not_fatal(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MARSAD_WEBHOOK_SECRET", SECRET)
    monkeypatch.setattr(delivery, "FIRST_RETRY", 0.0)  # tried again at the next round
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/hook"  # nothing listens there once closed
    db = str(tmp_path / "m.db")
    with Store(db) as store:
        watcher = Watcher(load_config(config_file(tmp_path, site, closed)), store,
                          Fetcher(timeout=3, retries=0, host_delay=0))
        first = watcher.round()
        assert len(first.alerts) == 2 and first.undelivered == 2 and sum(p.new for p in first.polls) == 2
        assert "failed (ConnectError" in capsys.readouterr().err
        pending = list_alerts(store)[0]["deliveries"][0]
        assert (pending["status"], pending["attempts"]) == ("pending", 1) and "ConnectError" in pending["last_error"]
        hook = Receiver()
        hook.status = 500
        try:
            watcher.config = load_config(config_file(tmp_path, site, hook.url))
            assert watcher.round().undelivered == 2 and len(hook.posts) == 2
            hook.status = 200
            assert watcher.round().delivered == 2 and len(hook.posts) == 4
            assert watcher.round().delivered == 0 and len(hook.posts) == 4  # sent once only
        finally:
            hook.stop()
            watcher.close()
        sent = [d for a in list_alerts(store) for d in a["deliveries"]]
    assert all(d["status"] == "sent" and d["attempts"] == 3 for d in sent)


def test_alerts_by_email_to_a_local_smtp_server(site: Site, tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    class Inbox:
        def __init__(self) -> None:
            self.messages: list[tuple[list[str], bytes]] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            self.messages.append((list(envelope.rcpt_tos), envelope.content))
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        email = f'[email]\nhost = "127.0.0.1"\nport = {port}\nsender = "marsad@example.org"\nto = ["desk@example.org"]\n'
        with Store(str(tmp_path / "m.db")) as store:
            watcher = Watcher(load_config(config_file(tmp_path, site, None, email)), store,
                              Fetcher(timeout=3, retries=0, host_delay=0))
            assert watcher.round().delivered == 2
            watcher.close()
    finally:
        smtp.stop()
    assert len(inbox.messages) == 2
    rcpt, content = inbox.messages[0]
    assert rcpt == ["desk@example.org"] and b"Subject: [marsad] new flow: arrived" in content
