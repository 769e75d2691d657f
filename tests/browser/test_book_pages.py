"""Every built book page loads with all requests outside 127.0.0.1 blocked, and every chart draws."""
from __future__ import annotations

import pytest

from tests.browser.helpers import block_external, browser, serve
from tests.test_book import toc_files

pytestmark = pytest.mark.browser


def test_pages_load_offline_and_charts_draw(built_book):
    pages = [f"{f}.html" for f in toc_files()]
    report = {}
    with serve(built_book) as base, browser() as ctx:
        page = ctx.new_page()
        external = block_external(page)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for rel in pages:
            errors.clear()
            page.goto(f"{base}/{rel}", wait_until="load")
            n = page.locator("div.missionkit-chart").count()
            if n:
                page.wait_for_function(
                    "() => [...document.querySelectorAll('div.missionkit-chart')].every(d => d.dataset.drawn)",
                    timeout=30000)
                drawn = page.evaluate("""() => [...document.querySelectorAll('div.missionkit-chart')].map(d =>
                    d.dataset.drawn === 'true'
                    && d.querySelectorAll('svg .mark-group, svg path, svg rect').length > 0)""")
                assert all(drawn), f"{rel}: {drawn.count(False)} of {n} charts did not draw"
            report[rel] = n
            assert not errors, f"{rel}: JavaScript errors {errors}"
        assert not external, f"requests tried to leave the machine: {external[:10]}"
    assert sum(report.values()) >= 1, f"no charts found in any page: {report}"
