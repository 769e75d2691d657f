"""JupyterLab journeys with no network (Playwright + Debian's chromium): every lesson's stored charts
draw on open, untrusted, before any run; module 01 also after Run All. The exercises' journeys are in
test_lab_exercises.py (a file of its own, so the two run on the two test workers at once).
"""
from __future__ import annotations

import nbtools
import pytest

from tests.browser import lab
from tests.browser.conftest import rel

pytestmark = pytest.mark.browser
ROOT = lab.ROOT
LESSONS = nbtools.lessons()
CHART_LESSONS = [p for p in LESSONS if "application/vnd.vegalite.v5+json" in p.read_text(encoding="utf-8")]


def test_module_lessons_store_charts():
    missing = {p.name for p in LESSONS} - {p.name for p in CHART_LESSONS} - {"00-jupyterlab.ipynb",
                                                                            "12-capstone.ipynb"}
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


