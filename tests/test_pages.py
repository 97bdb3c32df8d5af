"""HTML pages in a real headless Chromium: each page kind loads without console errors, its
links resolve, and the article page for Protocol article 6 lists its recommendations."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlparse

import pytest

PAGES = {
    "home": "/",
    "meetings": "/meetings",
    "search": "/search?q=" + quote("ребенок"),
    "recommendation": "/doc/recommendation/5/4",
    "meeting": "/doc/meeting/7",
    "instrument": "/doc/instrument/som-protocol",
    "article": "/doc/instrument/som-protocol/article/6",
    "document": "/doc/document/CTOC-COP-WG.7-2020-3",
    "other resource": "/doc/resolution/cop/6/3",
}


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI must install Debian's chromium (.ci/run does)")
    pytest.skip("chromium is not installed here (apt-get install chromium)")


def render(url: str, tmp_path) -> tuple[str, str]:
    """The DOM Chromium renders for ``url``, and what it logged (console messages included)."""
    result = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=0", "--virtual-time-budget=3000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    return result.stdout, result.stderr


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


@pytest.mark.parametrize("kind", list(PAGES))
def test_page_loads_without_console_errors_and_its_links_resolve(kind, server_url, api, tmp_path):
    dom, log = render(server_url + PAGES[kind], tmp_path)
    assert "<main>" in dom and "<h1>" in dom, log[-2000:]
    console = [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    parser = Links()
    parser.feed(dom)
    local = {h for h in parser.hrefs if urlparse(urljoin(server_url, h)).netloc == urlparse(server_url).netloc}
    assert local
    for href in sorted(local)[:40]:
        response = api.get(href, follow_redirects=True, headers={"Accept": "text/html"})
        assert response.status_code == 200, href


def test_article_6_page_lists_the_recommendations_that_refer_to_it(server_url, tmp_path):
    dom, _ = render(server_url + PAGES["article"], tmp_path)
    listed = re.findall(r"Recommendation (\d+) of meeting (\d+)", dom)
    assert {(m, n) for n, m in listed} >= {("1", "12"), ("1", "36"), ("5", "1"), ("5", "4")}
    assert "Criminalization" in dom


def test_recommendation_page_highlights_the_referring_span(server_url, tmp_path):
    dom, _ = render(server_url + PAGES["recommendation"], tmp_path)
    assert "<mark>статьи 5 и пункта 4 статьи 6 Протокола</mark>" in dom
    assert 'href="/doc/recommendation/5/4.ttl"' in dom


def test_the_console_check_catches_a_script_error(tmp_path):
    _, log = render("data:text/html,<script>console.error('boom')</script><main><h1>x</h1></main>", tmp_path)
    assert any("CONSOLE" in line and "boom" in line for line in log.splitlines())
