"""The exported implementation plan, the completion record and the certificate open in chromium offline:
nothing is fetched, participant text shows as text (no script runs), they print, and axe finds no serious
violation (issue 23)."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from missionkit import capstone
from missionkit.workbook import Workbook
from tests.browser.helpers import block_external, browser, serve

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "workbook.json"
PAYLOAD = "<img src=x onerror=alert(1)>"
FILES = ("case/mission-plan.html", "case/completion-record.html", "case/certificate.html", "empty/mission-plan.html",
         "empty/completion-record.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plans")
    base = root / "fixture.json"
    shutil.copy(FIXTURE, base)
    wb = capstone.case_example_workbook(root / "case" / "workbook.json", base=base)
    wb.set("plan", "risks", {"decision": "add", "text": f"{PAYLOAD} Operators may strike, so route contracts "
                                                        "come first, with Finance."})
    questions = capstone.load_questions()
    capstone.save_answers("before", {q.id: "a" for q in questions}, wb)
    capstone.save_answers("after", {q.id: q.answer for q in questions}, wb)
    capstone.save_assessment("self", {k: 3 for k in capstone.load_rubric().keys},
                             f"{PAYLOAD} Sound because each section answers its question.", wb=wb)
    capstone.export_plan(wb)
    capstone.write_record(wb)
    capstone.write_certificate(wb, on=date(2026, 12, 11))
    empty = Workbook.open(root / "empty" / "workbook.json")
    capstone.export_plan(empty)
    capstone.write_record(empty)
    return root


@pytest.mark.parametrize("name", FILES)
def test_documents_open_offline_and_show_text_as_text(site, name):
    with serve(site) as base, browser() as ctx:
        page = ctx.new_page()
        external = block_external(page)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{base}/{name}", wait_until="load")
        page.wait_for_timeout(300)
        assert page.locator("h1").count() == 1
        assert page.locator("img").count() == 0 and not dialogs and not external
        if name == "case/mission-plan.html":
            assert PAYLOAD in page.locator("#plan-risks").inner_text()
        page.emulate_media(media="print")
        if page.locator("nav").count():
            assert page.locator("nav").evaluate("n => getComputedStyle(n).display") == "none"
        from tests.browser.axe import blocking, run_axe

        page.emulate_media(media="screen")
        assert not blocking(run_axe(page))
