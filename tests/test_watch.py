"""`marsad watch` against a news site on loopback: feeds, section pages and
sitemaps followed to their articles, conditional GET (304), robots.txt,
retries and backoff on 500s and slow answers, state kept in the store (a
second run fetches nothing new; SIGKILL mid-poll then a restart gives the
store an uninterrupted run gives), the same documents and figures as
`marsad ingest`, `--status` and the sources file's errors (E601)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from watch_site import Site

from marsad.cli import main
from marsad.errors import MarsadError
from marsad.store import Store
from marsad.store.schema import documents, figures, watch_seen, watch_sources
from marsad.watch import Watcher, load_config
from marsad.watch.fetch import Fetcher

ROBOTS = "User-agent: *\nDisallow: /private/\n"
ARTICLES = {
    "/news/chad-1": ("Refugees reach Chad", ("UNHCR said on Sunday that 12,000 Sudanese refugees had arrived in Chad "
                     "since 1 January."), "2024-03-03"),
    "/news/turkey": ("Crossings into Turkey", ("Officials said on Tuesday that 2,000 Syrians a day were crossing "
                     "into Turkey."), "2024-03-12"),
    "/news/chad-2": ("More refugees reach Chad", ("UNHCR said on Sunday that 150,000 Sudanese refugees had arrived in "
                     "Chad since 1 January."), "2024-03-10"),
    "/news/lebanon": ("Lebanon", "About 5,000 Syrians fled to Lebanon on Monday, officials said.", "2024-03-18"),
    "/private/memo": ("Internal", "About 9,000 Syrians fled to Jordan on Monday, officials said.", "2024-03-18"),
}
DATE = "Sun, 03 Mar 2024 10:00:00 GMT"


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    s = Site().start()
    s.add("/robots.txt", ROBOTS, ctype="text/plain")
    for path, (title, text, day) in ARTICLES.items():
        s.article(path, title, text, day)
    s.feed("/feed.xml", [("/news/chad-1", "Refugees reach Chad", DATE), ("/news/turkey", "Crossings", DATE),
                         ("/private/memo", "Internal", DATE)], etag='"v1"')
    s.add("/world", "<html><body><a href='/news/chad-2'>Chad</a> <a href='/private/memo'>memo</a> "
                    "<a href='/about'>About</a> <a href='/world'>World</a> <a href='/logo.png'>logo</a></body></html>",
          modified="Sun, 03 Mar 2024 10:00:00 GMT")
    s.add("/sitemap.xml", '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          f"<url><loc>{s.base}/news/lebanon</loc><lastmod>2024-03-18</lastmod></url></urlset>",
          ctype="application/xml")
    s.add("/about", "<html><body></body></html>")
    yield s
    s.stop()


def sources_file(tmp_path: Path, site: Site, extra: str = "", interval: str = "15m") -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[watch]
host_delay = 0
timeout = 3
retries = 1

[[source]]
name = "wire-feed"
url = "{site.base}/feed.xml"
type = "feed"
language = "en"
interval = "{interval}"

[[source]]
name = "world-section"
url = "{site.base}/world"
type = "section"
interval = "{interval}"

[[source]]
name = "sitemap"
url = "{site.base}/sitemap.xml"
type = "sitemap"
interval = "{interval}"
{extra}""", encoding="utf-8")
    return path


def watch_once(path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["watch", str(path), "--once", "--db", db]) == 0
    return capsys.readouterr().out


def store_rows(db: str) -> tuple[list, list, list]:  # type: ignore[type-arg]
    with Store(db) as store, store.engine.connect() as conn:
        docs = sorted(conn.execute(select(documents.c.content_hash, documents.c.url, documents.c.published,
                                          documents.c.language)).all())
        figs = sorted(conn.execute(select(figures.c.value, figures.c.movement, figures.c.origin,
                                          figures.c.destination, figures.c.period_end)).all())
        seen = sorted(conn.execute(select(watch_seen.c.url, watch_seen.c.outcome)).all())
    return docs, figs, seen


def test_once_ingests_the_articles_of_feeds_sections_and_sitemaps_and_honours_robots(
        site: Site, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sources_file(tmp_path, site)
    out = watch_once(path, db_url, capsys)
    assert "3 sources polled (0 unchanged, 0 failed); documents: 4 new" in out
    docs, figs, seen = store_rows(db_url)
    assert sorted(d.url for d in docs) == sorted(f"{site.base}{p}" for p in ARTICLES if p.startswith("/news/"))
    assert site.hits("/private/memo") == 0  # robots.txt forbids it
    assert (f"{site.base}/private/memo", "robots") in seen
    assert (f"{site.base}/about", "failed") in seen  # no article text: fetched once, not again
    assert site.hits("/logo.png") == 0 and site.hits("/robots.txt") == 1
    assert {(f.value, f.movement, f.destination) for f in figs} >= {(12000, "arrived", "TD"), (150000, "arrived", "TD"),
                                                                    (2000, "arrived", "TR"), (5000, "fled", "LB")}
    assert {d.published for d in docs} == {"2024-03-03", "2024-03-10", "2024-03-12", "2024-03-18"}
    first = [p for p, _ in site.requests]

    out = watch_once(path, db_url, capsys)  # a second run: 304s, nothing fetched again
    assert "3 sources polled (2 unchanged, 0 failed); documents: 0 new, 0 seen" in out
    again = [p for p, _ in site.requests][len(first):]
    assert sorted(again) == ["/feed.xml", "/robots.txt", "/sitemap.xml", "/world"]  # robots.txt once a run
    conditional = next(h for p, h in site.requests[len(first):] if p == "/feed.xml")
    assert conditional.get("If-None-Match") == '"v1"'
    world = next(h for p, h in site.requests[len(first):] if p == "/world")
    assert world.get("If-Modified-Since") == "Sun, 03 Mar 2024 10:00:00 GMT"
    assert all(h.get("User-Agent", "").startswith("marsad/") for _, h in site.requests)
    assert store_rows(db_url)[:2] == (docs, figs)


def test_a_new_feed_item_is_the_only_article_fetched(site: Site, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    path = sources_file(tmp_path, site)
    watch_once(path, db, capsys)
    site.article("/news/new", "New", "About 3,000 Syrians fled to Jordan on Monday, officials said.", "2024-03-19")
    site.feed("/feed.xml", [("/news/new", "New", DATE), ("/news/chad-1", "Refugees reach Chad", DATE),
                            ("/news/turkey", "Crossings", DATE)], etag='"v2"')
    before = len(site.requests)
    out = watch_once(path, db, capsys)
    assert "documents: 1 new" in out
    assert sorted(p for p, _ in site.requests[before:]) == ["/feed.xml", "/news/new", "/robots.txt", "/sitemap.xml",
                                                            "/world"]


def test_ingest_and_watch_store_the_same_documents_and_figures(site: Site, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    watched, ingested = str(tmp_path / "w.db"), str(tmp_path / "i.db")
    watch_once(sources_file(tmp_path, site), watched, capsys)
    urls = [f"{site.base}{p}" for p in ARTICLES if p.startswith("/news/")]
    assert main(["ingest", *urls, "--db", ingested, "--quiet"]) == 0
    w, i = store_rows(watched), store_rows(ingested)
    assert [d[:2] for d in w[0]] == [d[:2] for d in i[0]] and w[1] == i[1]


def test_errors_are_retried_backed_off_and_reported_without_stopping_the_others(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    site.routes["/sitemap.xml"].fail_first = 1  # one 500, then the answer: the retry gets it
    site.add("/broken", "x", status=500)
    site.add("/slow", "<rss/>", delay=5)
    path = sources_file(tmp_path, site, extra=f"""
[[source]]
name = "broken"
url = "{site.base}/broken"
interval = "10m"

[[source]]
name = "slow"
url = "{site.base}/slow"
interval = "10m"
""")
    out = watch_once(path, db, capsys)
    assert "5 sources polled (0 unchanged, 2 failed); documents: 4 new" in out
    assert site.hits("/broken") == 2 and site.hits("/sitemap.xml") == 2  # one retry each
    err = capsys.readouterr().err
    with Store(db) as store, store.engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(watch_sources))}
    assert rows["broken"].last_status == "error" and "HTTP 500" in rows["broken"].last_error
    assert "ReadTimeout" in rows["slow"].last_error and rows["slow"].errors == 1
    first_wait = rows["broken"].next_poll_at - rows["broken"].last_poll_at
    assert 140 <= first_wait.total_seconds() <= 160  # a quarter of the interval after a first failure
    assert main(["watch", str(path), "--status", "--db", db, "--format", "json"]) == 0
    status = capsys.readouterr().out
    assert '"name": "broken"' in status and '"errors": 1' in status and '"figures_week": ' in status
    watch_once(path, db, capsys)
    with Store(db) as store, store.engine.connect() as conn:
        broken = conn.execute(select(watch_sources).where(watch_sources.c.name == "broken")).one()
    assert broken.errors == 2 and (broken.next_poll_at - broken.last_poll_at).total_seconds() >= 290
    _ = err


def test_a_timed_watch_polls_on_the_interval(site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    path = sources_file(tmp_path, site, interval="1s")
    config = load_config(path)
    with Store(db) as store:
        watcher = Watcher(config, store, Fetcher(timeout=3, retries=0, host_delay=0))
        import threading

        stop = threading.Event()
        rounds: list = []  # type: ignore[type-arg]

        def report(r) -> None:  # type: ignore[no-untyped-def]
            rounds.append(r)
            if len(rounds) == 1:  # a new article between two polls
                site.article("/news/new", "New", "About 3,000 Syrians fled to Jordan on Monday, officials said.",
                             "2024-03-19")
                site.feed("/feed.xml", [("/news/new", "New", DATE)], etag='"v2"')
            if site.hits("/feed.xml") >= 3:
                stop.set()

        threading.Timer(20, stop.set).start()
        watcher.run(stop, report)
        watcher.close()
    assert sum(p.new for r in rounds for p in r.polls) == 5
    assert site.hits("/news/new") == 1 and site.hits("/news/chad-1") == 1
    assert site.hits("/feed.xml") >= 3


def test_sigkill_mid_poll_then_a_restart_gives_the_uninterrupted_store(site: Site, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    whole = str(tmp_path / "whole.db")
    path = sources_file(tmp_path, site)
    watch_once(path, whole, capsys)
    site.requests.clear()
    site.routes["/news/turkey"].delay = 3.0  # the run is killed while it waits for this article
    killed = str(tmp_path / "killed.db")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "watch", str(path), "--once", "--db", killed],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while site.hits("/news/turkey") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    site.routes["/news/turkey"].delay = 0
    watch_once(path, killed, capsys)
    assert store_rows(killed) == store_rows(whole)


@pytest.mark.parametrize(("text", "message"), [
    ("[[source]]\nname='a'\nurl='ftp://x'\n", "url must start with http"),
    ("[[source]]\nname='a'\nurl='http://x'\ninterval='often'\n", "interval must be"),
    ("[[source]]\nname='a'\nurl='http://x'\ntype='podcast'\n", "type must be one of feed, section, sitemap"),
    ("[[source]]\nname='a'\nurl='http://x'\n[[source]]\nname='a'\nurl='http://y'\n", "names must be unique"),
    ("[[source]]\nname='a'\nurl='http://x'\n[[alert]]\nrule='threshold'\n", "needs above"),
    ("[[source]]\nname='a'\nurl='http://x'\n[[alert]]\nrule='jump'\nfactor=1\n", "needs factor"),
    ("[[source]]\nname='a'\nurl='http://x'\n[[alert]]\nrule='new_flow'\ncountry='Atlantis'\n", "country='Atlantis' is not allowed"),
    ("[[source]]\nname='a'\nurl='http://x'\nspeed=3\n", "unknown key 'speed'"),
    ("[watch\n", "not valid TOML"),
    ("", "no [[source]]"),
])
def test_a_bad_sources_file_is_e601(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MarsadError) as err:
        load_config(path)
    assert err.value.code == "E601" and message in str(err.value)


def test_a_yaml_sources_file_and_the_cli_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("source:\n  - name: a\n    url: http://127.0.0.1:9/feed\n    interval: 2h\n", encoding="utf-8")
    assert load_config(path).sources[0].interval == 7200
    path.write_text("source: 3\n", encoding="utf-8")
    assert main(["watch", str(path), "--once", "--db", str(tmp_path / "m.db")]) == 2
    assert "E601" in capsys.readouterr().err


def test_feed_entries_without_a_link_or_without_article_text_keep_their_own_text(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.add("/empty-page", "<html><body></body></html>")
    site.add("/bulletin.xml", f"""<?xml version="1.0"?><rss version="2.0"><channel><title>bulletin</title>
<item><guid isPermaLink="false">b-1</guid><title>Bulletin</title><pubDate>{DATE}</pubDate>
<description>About 7,000 Syrians fled to Lebanon on Monday, officials said.</description></item>
<item><title>Flash</title><link>{site.base}/empty-page</link><pubDate>{DATE}</pubDate>
<description>About 4,000 Afghans fled to Pakistan on Monday, officials said.</description></item>
</channel></rss>""", ctype="application/rss+xml")
    path = tmp_path / "bulletin.toml"
    path.write_text(f'[watch]\nhost_delay = 0\n[[source]]\nname = "bulletin"\nurl = "{site.base}/bulletin.xml"\n'
                    'language = "en"\n', encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert "documents: 2 new" in watch_once(path, db, capsys)
    docs, figs, seen = store_rows(db)
    assert {(f.value, f.destination) for f in figs} == {(7000, "LB"), (4000, "PK")}
    assert {d.published for d in docs} == {"2024-03-03"}  # the entries' dates
    assert {s.url for s in seen} == {f"{site.base}/bulletin.xml#entry:b-1", f"{site.base}/empty-page"}
    assert "documents: 0 new, 0 seen" in watch_once(path, db, capsys)  # no validators: listed again, not fetched
    assert site.hits("/empty-page") == 1


def test_an_unreachable_or_forbidden_source_says_why(site: Site, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml"  # nothing listens there once closed
    path = tmp_path / "s.toml"
    path.write_text(f'[watch]\nhost_delay = 0\nretries = 0\n[[source]]\nname = "gone"\nurl = "{closed}"\n'
                    f'[[source]]\nname = "private"\nurl = "{site.base}/private/feed.xml"\n', encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert "2 sources polled (0 unchanged, 2 failed)" in watch_once(path, db, capsys)
    with Store(db) as store, store.engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(watch_sources))}
    assert rows["gone"].last_error.startswith("robots.txt: ConnectError")
    assert rows["private"].last_error == "robots.txt forbids marsad this URL" and site.hits("/private/feed.xml") == 0
