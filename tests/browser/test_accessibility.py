"""axe-core over every built book page: no serious or critical violation."""
from __future__ import annotations

import pytest

from tests.browser.axe import blocking, run_axe
from tests.browser.helpers import block_external, browser, serve
from tests.test_book import toc_files

pytestmark = pytest.mark.browser


def test_book_pages_have_no_serious_accessibility_violations(built_book):
    problems = {}
    with serve(built_book) as base, browser() as ctx:
        page = ctx.new_page()
        block_external(page)
        for f in toc_files():
            page.goto(f"{base}/{f}.html", wait_until="load")
            if page.locator("div.missionkit-chart").count():
                page.wait_for_function(
                    "() => [...document.querySelectorAll('div.missionkit-chart')].every(d => d.dataset.drawn)",
                    timeout=30000)
            found = blocking(run_axe(page))
            if found:
                problems[f] = found
    assert not problems, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())


def test_every_image_has_alt_text(built_book):
    with serve(built_book) as base, browser() as ctx:
        page = ctx.new_page()
        block_external(page)
        missing = {}
        for f in toc_files():
            page.goto(f"{base}/{f}.html", wait_until="load")
            bad = page.evaluate("() => [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt'))"
                                ".map(i => i.src)")
            if bad:
                missing[f] = bad
    assert not missing, missing
