"""The exported mission brief opens in chromium offline: charts are inline SVG, nothing is fetched, and
participant text shows as text (no script runs, no dialog opens)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from missionkit import capstone as brief
from missionkit.workbook import Workbook
from tests.browser.helpers import block_external, browser, serve

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "workbook.json"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("briefs")
    base = root / "fixture.json"
    shutil.copy(FIXTURE, base)
    case_wb = brief.case_example_workbook(root / "case" / "workbook.json", base=base)
    case_wb.set("framing", "mission_statement", f"{PAYLOADS[0]} {PAYLOADS[1]} By 2035, halve PM2.5 from 38 in 2024.")
    case_wb.set("capstone", "ask", PAYLOADS[1])
    brief.export_brief(case_wb)
    brief.export_brief(Workbook.open(root / "empty" / "workbook.json"))
    return root


def _open(ctx, url):
    page = ctx.new_page()
    external = block_external(page)
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return page, external, dialogs, errors


def test_case_brief_shows_charts_offline_and_payloads_as_text(site):
    with serve(site) as base, browser() as ctx:
        page, external, dialogs, errors = _open(ctx, f"{base}/case/mission-brief.html")
        assert page.locator("html").get_attribute("lang") == "en"
        svgs = page.locator("figure.missionkit-figure svg[role=img]")
        assert svgs.count() == 2
        for i in range(2):
            box = svgs.nth(i).bounding_box()
            assert box and box["width"] > 200 and box["height"] > 100
            assert svgs.nth(i).locator("path, rect, text").count() > 10
            assert svgs.nth(i).get_attribute("aria-label")
        statement = page.locator("#mission blockquote.statement").inner_text()
        assert PAYLOADS[0] in statement and PAYLOADS[1] in statement
        assert PAYLOADS[1] in page.locator("#ask").inner_text()
        assert page.locator("script").count() == 0 and page.locator("main img").count() == 0
        assert page.locator("section.todo").count() == 0
        assert not dialogs, f"a script ran: {dialogs}"
        assert not errors and not external, (errors, external)


def test_empty_brief_shows_to_do_links_offline(site):
    with serve(site) as base, browser() as ctx:
        page, external, dialogs, errors = _open(ctx, f"{base}/empty/mission-brief.html")
        assert page.locator("section.todo").count() == len(brief.SECTIONS)
        links = page.locator("section.todo a")
        assert links.count() == len(brief.SECTIONS)
        assert all(links.nth(i).get_attribute("href").endswith(".ipynb") for i in range(links.count()))
        assert page.locator("svg").count() == 0
        assert page.locator("#peer-review table tr").count() == len(brief.PEER_REVIEW) + 1
        assert not dialogs and not errors and not external


def test_brief_prints(site):
    """Print media: the page lays out as PDF without a network (the nav is hidden)."""
    with serve(site) as base, browser() as ctx:
        page, external, _, _ = _open(ctx, f"{base}/case/mission-brief.html")
        page.emulate_media(media="print")
        assert page.locator("nav").evaluate("n => getComputedStyle(n).display") == "none"
        assert not external


def test_brief_has_no_serious_accessibility_violations(site):
    from tests.browser.axe import blocking, run_axe

    found = {}
    with serve(site) as base, browser() as ctx:
        for name in ("case", "empty"):
            page, _, _, _ = _open(ctx, f"{base}/{name}/mission-brief.html")
            problems = blocking(run_axe(page))
            if problems:
                found[name] = problems
    assert not found, found
