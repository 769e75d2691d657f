"""Browser test plumbing: Debian's chromium driven by Playwright, nothing leaves 127.0.0.1.

Under CI=true a missing browser is a failure, not a skip (DESIGN.md §6).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}


def need_browser():
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        if os.environ.get("CI") == "true":
            pytest.fail(f"chromium not found at {CHROMIUM}: .ci/run must install it (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); required under CI=true")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def browser():
    need_browser()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS, headless=True,
                                                   viewport={"width": 1300, "height": 1400})
        try:
            yield ctx
        finally:
            ctx.close()


def block_external(page) -> list[str]:
    """Abort every request that would leave 127.0.0.1; return the list of those attempted."""
    external: list[str] = []

    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return external
