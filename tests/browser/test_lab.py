"""JupyterLab journeys with no network (Playwright + Debian's chromium).

* every lesson: its stored charts draw on open, untrusted, before any run; module 01 also after Run All;
* every exercise: Run All gives no error; its main form answers (type or choose, the feedback
  changes) and saves to the workbook; after a kernel restart the answer is still there.
"""
from __future__ import annotations

from pathlib import Path

import nbtools
import pytest

from tests.browser import lab
from tests.browser.helpers import block_external, browser

pytestmark = pytest.mark.browser
ROOT = lab.ROOT
LESSONS = nbtools.lessons()
CHART_LESSONS = [p for p in LESSONS if "application/vnd.vegalite.v5+json" in p.read_text(encoding="utf-8")]
EXERCISES = nbtools.exercises()


@pytest.fixture(scope="module")
def session():
    with lab.lab_server(LESSONS + EXERCISES) as (base, tmp, workbook), browser() as ctx:
        page = ctx.new_page()
        external = block_external(page)
        yield base, workbook, page
        assert not external, f"requests tried to leave the machine: {external[:10]}"


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_module_lessons_store_charts():
    missing = {p.name for p in LESSONS} - {p.name for p in CHART_LESSONS} - {"00-jupyterlab.ipynb",
                                                                            "10-capstone.ipynb"}
    assert not missing, f"lessons without a chart: {missing}"


@pytest.mark.parametrize("lesson", CHART_LESSONS, ids=lambda p: p.stem)
def test_lesson_charts_draw_on_open(session, lesson):
    base, _, page = session
    lab.open_notebook(page, base, rel(lesson))
    stored = lab.chart_outputs(page)
    assert stored >= 1, f"{lesson.name} should store at least one chart"
    lab.scroll_through(page)
    page.wait_for_timeout(1000)
    assert lab.drawn_charts(page) >= stored, "stored charts did not draw on open"
    if lesson.name.startswith("01-"):
        lab.run_all(page)
        assert lab.error_outputs(page) == []
        lab.scroll_through(page)
        page.wait_for_timeout(1000)
        assert lab.drawn_charts(page) >= stored, "charts did not draw after Run All"
    lab.shutdown_kernels(base)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda p: p.stem)
def test_exercise_runs_form_answers_and_work_survives_restart(session, exercise):
    base, workbook, page = session
    lab.open_notebook(page, base, rel(exercise))
    lab.run_all(page)
    assert lab.error_outputs(page) == []
    lab.scroll_through(page)
    form = page.locator(f"{lab.VISIBLE} .missionkit-form").first
    form.wait_for(state="attached", timeout=30000)
    form.evaluate("e => e.scrollIntoView()")
    page.wait_for_timeout(300)
    before_text = form.inner_text()
    before_saved = lab.read_workbook(workbook)["sections"]
    answer = lab.use_form(page, form)
    page.wait_for_function("([el, old]) => el.innerText !== old", arg=[form.element_handle(), before_text],
                           timeout=30000)
    page.wait_for_timeout(500)
    saved = lab.read_workbook(workbook)["sections"]
    assert saved != before_saved, "the form's answer was not saved to the workbook"
    if answer is not None:
        assert answer.lower() in str(saved).lower()
    lab.restart_kernel(page)
    assert lab.read_workbook(workbook)["sections"] == saved, "restarting the kernel changed saved work"
    lab.shutdown_kernels(base)
