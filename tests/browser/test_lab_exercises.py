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
    """Scroll the current notebook to the cell whose code holds ``call`` and return its live form (that
    cell's own: a notebook has several forms)."""
    return _form_of(page, call)


def test_an_older_copy_of_a_form_never_overwrites_a_newer_one(session):
    """Issue 17: the Litmus form open in the lesson (first) and in the exercise. Everything typed in the
    exercise's copy survives a later change in the lesson's older copy, in one JupyterLab session."""
    base, workbook, page = session
    lesson, exercise = "notebooks/01-missions.ipynb", "exercises/01-missions-exercise.ipynb"
    lab.open_notebook(page, base, lesson)
    lab.run_all(page)
    _switch_to(page, exercise)
    lab.run_all(page)
    form = _show_form(page, "missions.litmus_form(")  # not marenta_litmus_form (Exercise 2)
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
    older = _show_form(page, "missions.litmus_form(")
    select = older.locator("select").first
    select.select_option(value=select.locator("option").nth(2).get_attribute("value"))
    page.wait_for_timeout(1500)
    saved = str(lab.read_workbook(workbook)["sections"])
    lost = [t for t in typed if t not in saved]
    assert not lost, f"the lesson's older copy overwrote answers typed in the exercise: {lost}"
    lab.shutdown_kernels(base)



def _form_of(page, call: str):
    """The live form of the cell whose code holds ``call`` (marked, so no other form on screen is taken)."""
    page.evaluate("""async call => {
        const nb = window.jupyterapp.shell.currentWidget.content;
        const i = nb.widgets.findIndex(c => c.model.sharedModel.getSource().includes(call));
        if (i < 0) throw new Error('no cell with ' + call);
        nb.activeCellIndex = i;
        await nb.scrollToItem(i, 'center');
        document.querySelectorAll('[data-form-under-test]').forEach(e => e.removeAttribute('data-form-under-test'));
        nb.widgets[i].node.setAttribute('data-form-under-test', '1');
    }""", call)
    form = page.locator(f"{lab.VISIBLE} [data-form-under-test] .missionkit-form")
    form.wait_for(state="visible", timeout=30000)
    form.evaluate("e => e.scrollIntoView()")
    return form


def _type(page, box, text: str) -> None:
    box.click()
    box.fill(text)
    page.keyboard.press("Tab")


def _choose(page, form, n: int, label: str) -> None:
    form.locator("select").nth(n).select_option(label=label)


def _tick(page, form, starts: str) -> None:
    form.locator(".widget-checkbox", has_text=starts).locator("input").first.check()


# (exercise, the form's call, answer it, the feedback must say, where it is saved, what the form shows again)
FORMS_FIRST = [
    ("01-missions", "classification_form(",
     lambda page, form: _choose(page, form, 1, "accelerator mission"),
     "one-off intervention", ("missions", "classification", "Stand-alone challenge prize"), "accelerator mission",
     lambda form: form.locator("select").nth(1).input_value()),
    ("03-framing", 'mission_map_form(key="marenta_map"',
     lambda page, form: _type(page, form.locator("textarea").nth(3), "O1: Amberport Bus Rapid Transit Corridor 1"),
     "Marenta's mission map (fictional)", ("framing", "marenta_map", "projects"),
     ["O1: Amberport Bus Rapid Transit Corridor 1"], lambda form: [form.locator("textarea").nth(3).input_value()]),
    ("06-stakeholders", "board_rules_form(",
     lambda page, form: _type(page, form.locator("input[type=text]").first, "20"),
     "at most 15 members", ("stakeholders", "board_rules", "board_size"), 20,
     lambda form: int(form.locator("input[type=text]").first.input_value())),
    ("08-portfolio", "relabelling_form(",
     lambda page, form: _tick(page, form, "PR04 "),
     "Spotting possible relabelling", ("portfolio", "relabelled", "relabelled"), ["PR04"],
     lambda form: [t.split()[0] for t in form.locator(".widget-checkbox:has(input:checked)").all_inner_texts()]),
    ("10-monitoring", "indicator_form(",
     lambda page, form: _type(page, form.locator("input[type=text]").first, "Number of pilots launched"),
     "Your three draft indicators", ("indicators", "draft_indicators", 0), None,
     lambda form: form.locator("input[type=text]").first.input_value()),
]


@pytest.mark.parametrize(("module", "call", "answer", "feedback", "where", "value", "shown"), FORMS_FIRST,
                         ids=[c[0] for c in FORMS_FIRST])
def test_question_answered_in_its_form_alone_survives_a_restart(session, module, call, answer, feedback, where,
                                                                 value, shown):
    """Issue 20, forms first: the question is answered through its form only (no cell edited), the feedback
    appears under it, the answer is in the workbook at once, and after a kernel restart and Run All the
    form shows it again."""
    base, workbook, page = session
    exercise = next(p for p in EXERCISES if p.name.startswith(module))
    lab.open_notebook(page, base, rel(exercise))
    lab.run_all(page)
    assert lab.error_outputs(page) == []
    form = _form_of(page, call)
    answer(page, form)
    page.wait_for_function("([el, words]) => el.innerText.includes(words)", arg=[form.element_handle(), feedback],
                           timeout=30000)
    page.wait_for_timeout(500)
    section, key, field = where
    saved = lab.read_workbook(workbook)["sections"][section][key][field]
    if value is None:  # an indicator draft: its name
        saved, value = saved["name"], "Number of pilots launched"
    assert saved == value, f"saved {saved!r}"
    lab.restart_kernel(page)
    lab.run_all(page)
    again = _form_of(page, call)
    assert shown(again) == value, "after a restart the form shows the saved answer again"
    assert feedback in again.inner_text()
    lab.shutdown_kernels(base)
