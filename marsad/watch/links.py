"""The article links a polled source lists: a feed's entries, a section page's
links, a sitemap's URLs (a sitemap index lists sitemaps: `Listing.sitemaps`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from marsad.ingest.readers import READERS, RawArticle
from marsad.store import content_hash
from marsad.watch.config import SourceSpec

SKIPPED = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|pdf|zip|mp[34]|css|js|ico|xml|rss)(?:[?#]|$)", re.IGNORECASE)


@dataclass
class Link:
    url: str
    published: str | None = None
    entry: RawArticle | None = None  # a feed entry's own text: kept when its page has no article text


@dataclass
class Listing:
    links: list[Link] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index's sitemaps, read in the same poll
    problem: str | None = None  # the body is not a feed / page / sitemap


def list_links(spec: SourceSpec, url: str, body: bytes, charset: str | None) -> Listing:
    reader = {"feed": _feed, "section": _section, "sitemap": _sitemap}[spec.type]
    return reader(spec, url, body, charset)


def _feed(spec: SourceSpec, url: str, body: bytes, charset: str | None) -> Listing:
    listing = Listing()
    for item in READERS["feed"](body, url, charset):
        if not isinstance(item, RawArticle):
            if item.source == url:  # the whole feed is unreadable
                listing.problem = item.reason
            continue
        if item.url:
            item.url = urldefrag(urljoin(url, item.url))[0]
        listing.links.append(Link(item.url or _entry_key(url, item), item.published, item))
    return listing


def _entry_key(feed: str, item: RawArticle) -> str:
    """What marks a feed entry with no link as seen: its id, else its text's hash (not its position)."""
    return f"{feed}#entry:{item.external_id or content_hash(item.text)}"


def _section(spec: SourceSpec, url: str, body: bytes, charset: str | None) -> Listing:
    import lxml.html
    from lxml import etree

    try:
        page = lxml.html.fromstring(body.decode(charset or "utf-8", "replace"))
    except (etree.ParserError, ValueError) as exc:  # empty, or not markup at all
        return Listing(problem=f"not a readable page ({exc.__class__.__name__})")
    home = urlsplit(url)
    follow = re.compile(spec.follow) if spec.follow else None
    seen: set[str] = set()
    links = []
    for href in page.xpath("//a/@href"):
        link = urldefrag(urljoin(url, str(href).strip()))[0]
        parts = urlsplit(link)
        if (parts.scheme not in ("http", "https") or parts.netloc != home.netloc or link in seen
                or parts.path.rstrip("/") == home.path.rstrip("/") or SKIPPED.search(parts.path)):
            continue
        if follow and not follow.search(link):
            continue
        seen.add(link)
        links.append(Link(link))
    return Listing(links)


def _sitemap(spec: SourceSpec, url: str, body: bytes, charset: str | None) -> Listing:
    from lxml import etree

    try:
        root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        return Listing(problem=f"not a readable sitemap ({exc.msg})")
    listing = Listing()
    index = etree.QName(root).localname == "sitemapindex"
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        values = dict(_children(entry))
        loc = values.get("loc")
        if not loc:
            continue
        if index:
            listing.sitemaps.append(loc)
        else:
            day = (values.get("publication_date") or values.get("lastmod") or "")[:10] or None
            listing.links.append(Link(loc, day))
    return listing


def _children(entry: object) -> Iterator[tuple[str, str]]:
    from lxml import etree

    for child in entry.iter():  # type: ignore[attr-defined]
        if isinstance(child.tag, str) and child.text and child.text.strip():
            yield etree.QName(child).localname, child.text.strip()
