"""Issue 23: the course's assessment journey in a real JupyterLab, offline, through forms only.

The participant takes the before-check (Module 00), writes every section of the implementation plan
through the forms (Module 12), assesses it with the rubric, takes the after-check (and sees the gain
and the explanations), then writes the completion record and prints the certificate. Everything is
saved in the workbook as it goes; the certificate names the participant and says "self-study".
"""
from __future__ import annotations

import pytest

from missionkit.capstone import assessment, plan
from tests.browser import lab

pytestmark = pytest.mark.browser

#: What the participant writes in each section: a decision and sentences of their own.
WRITTEN = {
    spec.key: ("change", f"We change this part of the plan because the board needs it: {spec.example}")
    for spec in plan.PLAN_SECTIONS
}


def _switch_to(page, path: str) -> None:
    page.evaluate("p => { window.jupyterapp.commands.execute('docmanager:open', {path: p}); }", path)
    page.wait_for_function("""p => { const w = window.jupyterapp.shell.currentWidget;
        return w && w.context && w.context.path === p && w.context.isReady; }""", arg=path, timeout=90000)


def _form_of(page, call: str):
    """Scroll the current notebook to the cell whose code holds ``call`` and return that cell's live form."""
    index = page.evaluate("""async call => {
        const nb = window.jupyterapp.shell.currentWidget.content;
        const i = nb.widgets.findIndex(c => c.model.sharedModel.getSource().includes(call));
        if (i < 0) return i;
        nb.activeCellIndex = i;
        await nb.scrollToItem(i, 'center');
        nb.widgets[i].node.setAttribute('data-journey-cell', String(i));
        return i;
    }""", call)
    assert index >= 0, f"no cell calls {call}"
    form = page.locator(f'{lab.VISIBLE} [data-journey-cell="{index}"] .missionkit-form').first
    form.wait_for(state="attached", timeout=30000)
    form.evaluate("e => e.scrollIntoView()")
    return form


def _answer_check(page, form, choose) -> None:
    """Choose one answer per question: ``choose(question)`` gives the option's letter."""
    selects = form.locator("select")
    assert selects.count() == len(assessment.load_questions())
    for i, q in enumerate(assessment.load_questions()):
        selects.nth(i).select_option(label=choose(q))
        page.wait_for_timeout(150)


def _type(page, box, text: str) -> None:
    box.click()
    box.fill(text)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)


def test_before_check_plan_rubric_after_check_certificate(session):
    base, workbook, page = session
    # 1. the before-check, at the end of Module 00: the first option everywhere
    lab.open_notebook(page, base, "notebooks/00-jupyterlab.ipynb")
    lab.run_all(page)
    assert lab.error_outputs(page) == []
    before = _form_of(page, 'check_form("before")')
    _answer_check(page, before, lambda q: "a")
    page.wait_for_timeout(800)
    saved = lab.read_workbook(workbook)["sections"]["course_check"]["before"]
    assert len(saved) == len(assessment.load_questions()) and set(saved.values()) == {"a"}
    assert "Best answer" not in before.inner_text(), "the before-check shows no answers"
    lab.shutdown_kernels(base)

    # 2. the plan, section by section, in Module 12
    _switch_to(page, "notebooks/12-capstone.ipynb")
    lab.run_all(page)
    assert lab.error_outputs(page) == []
    for key, (decision, text) in WRITTEN.items():
        form = _form_of(page, f'plan_section_form("{key}")')
        form.locator("select").first.select_option(label=plan.DECISIONS[decision])  # ipywidgets: by label
        _type(page, form.locator("textarea").first, text)
        page.wait_for_function("e => e.innerText.includes('counts as written')", arg=form.element_handle(),
                               timeout=30000)
    sections = lab.read_workbook(workbook)["sections"]
    assert {k: (v["decision"], v["text"]) for k, v in sections["plan"].items()} == WRITTEN

    # 3. the self-assessment with the rubric
    rubric = _form_of(page, 'rubric_form("self")')
    selects = rubric.locator("select")
    assert selects.count() == 5
    for i in range(5):
        selects.nth(i).select_option(label="3 Sound")
        page.wait_for_timeout(200)
    _type(page, rubric.locator("textarea").first, "Governance is sound because the board approves the portfolio "
                                                   "first, but the risks lack owners, so I will add them.")
    page.wait_for_function("e => e.innerText.includes('Well done')", arg=rubric.element_handle(), timeout=30000)
    assert lab.read_workbook(workbook)["sections"]["rubric"]["self"]["scores"] == {
        "mission": 3, "means": 3, "governance": 3, "learning": 3, "risks_ask": 3}

    # 4. the after-check: the best answers now; the gain and the explanations appear
    after = _form_of(page, 'check_form("after")')
    _answer_check(page, after, lambda q: q.answer)
    page.wait_for_function("e => e.innerText.includes('a gain of')", arg=after.element_handle(), timeout=30000)
    assert after.locator("details").count() == len(assessment.load_questions())

    # 5. the completion record and the certificate
    done = _form_of(page, "completion_form()")
    _type(page, done.locator("input[type=text]").first, "Amina Diallo")
    done.locator("button").first.click()
    page.wait_for_function("e => e.innerText.includes('certificate is written')", arg=done.element_handle(),
                           timeout=30000)
    certificate = (workbook.parent / "certificate.html").read_text(encoding="utf-8")
    assert "Amina Diallo" in certificate and "Self-study" in certificate
    assert (workbook.parent / "completion-record.html").exists()
    lab.restart_kernel(page)
    assert lab.read_workbook(workbook)["meta"]["owner"] == "Amina Diallo"
    lab.shutdown_kernels(base)
