"""JupyterLab journeys of the exercises with no network (Playwright + Debian's chromium).

* every exercise: Run All gives no error; its main form answers (type or choose, the feedback
  changes) and saves to the workbook; after a kernel restart the answer is still there;
* the lesson's older copy of a form never overwrites answers typed in the exercise's copy (issue 17).
"""
from __future__ import annotations

import nbtools
import pytest

from tests.browser import lab
from tests.browser.conftest import rel

pytestmark = pytest.mark.browser
ROOT = lab.ROOT
EXERCISES = nbtools.exercises()


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


def _switch_to(page, path: str) -> None:
    """Open or bring forward a notebook in the same JupyterLab page (no reload: live forms stay live)."""
    page.evaluate("p => { window.jupyterapp.commands.execute('docmanager:open', {path: p}); }", path)
    page.wait_for_function("""p => { const w = window.jupyterapp.shell.currentWidget;
        return w && w.context && w.context.path === p && w.context.isReady; }""", arg=path, timeout=90000)


def _show_form(page, call: str):
    """Scroll the current notebook to the cell whose code holds ``call`` and return its live form."""
    page.evaluate("""async call => {
        const nb = window.jupyterapp.shell.currentWidget.content;
        const i = nb.widgets.findIndex(c => c.model.sharedModel.getSource().includes(call));
        nb.activeCellIndex = i;
        await nb.scrollToItem(i, 'center');
    }""", call)
    form = page.locator(f"{lab.VISIBLE} .missionkit-form").first
    form.wait_for(state="attached", timeout=30000)
    form.evaluate("e => e.scrollIntoView()")
    return form


def test_an_older_copy_of_a_form_never_overwrites_a_newer_one(session):
    """Issue 17: the Litmus form open in the lesson (first) and in the exercise. Everything typed in the
    exercise's copy survives a later change in the lesson's older copy, in one JupyterLab session."""
    base, workbook, page = session
    lesson, exercise = "notebooks/01-missions.ipynb", "exercises/01-missions-exercise.ipynb"
    lab.open_notebook(page, base, lesson)
    lab.run_all(page)
    _switch_to(page, exercise)
    lab.run_all(page)
    form = _show_form(page, "litmus_form(")
    typed = [f"Evidence {i} typed in the exercise" for i in range(1, 5)]
    boxes = form.locator("textarea")
    for i, text in enumerate(typed):
        boxes.nth(i).click()
        boxes.nth(i).fill(text)
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
    page.wait_for_timeout(800)
    assert all(t in str(lab.read_workbook(workbook)["sections"]) for t in typed), "the exercise's answers saved"
    _switch_to(page, lesson)  # the lesson's live form is the older copy
    older = _show_form(page, "litmus_form(")
    select = older.locator("select").first
    select.select_option(value=select.locator("option").nth(2).get_attribute("value"))
    page.wait_for_timeout(1500)
    saved = str(lab.read_workbook(workbook)["sections"])
    lost = [t for t in typed if t not in saved]
    assert not lost, f"the lesson's older copy overwrote answers typed in the exercise: {lost}"
    lab.shutdown_kernels(base)

