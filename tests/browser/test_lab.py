"""In JupyterLab with no network: charts show on open (untrusted) and after Run All; forms answer."""
from __future__ import annotations

import pytest

from tests.browser import lab
from tests.browser.helpers import block_external, browser

pytestmark = pytest.mark.browser
ROOT = lab.ROOT
LESSON = "notebooks/01-missions.ipynb"
EXERCISE = "exercises/01-missions-exercise.ipynb"


def test_module_01_charts_on_open_and_after_run_and_form_answers():
    files = [ROOT / LESSON, ROOT / EXERCISE]
    with lab.lab_server(files) as (base, tmp, workbook), browser() as ctx:
        page = ctx.new_page()
        external = block_external(page)

        # 1. lesson opened untrusted, before any run: stored charts draw
        lab.open_notebook(page, base, LESSON)
        stored = lab.chart_outputs(page)
        assert stored >= 1, "the lesson should store at least one chart"
        lab.scroll_through(page)
        page.wait_for_timeout(1500)
        assert lab.drawn_charts(page) >= stored, "stored charts did not draw on open"

        # 2. after Run All: no error, charts drawn again
        lab.run_all(page)
        assert lab.error_outputs(page) == []
        lab.scroll_through(page)
        page.wait_for_timeout(1500)
        assert lab.drawn_charts(page) >= stored

        # 3. exercise: run all, use the main form, feedback changes, the answer is saved
        lab.open_notebook(page, base, EXERCISE)
        lab.run_all(page)
        assert lab.error_outputs(page) == []
        form = page.locator(f"{lab.VISIBLE} .missionkit-form").first
        form.evaluate("e => e.scrollIntoView()")
        feedback = form.locator(".missionkit-feedback").first
        before = feedback.inner_text()
        select = form.locator("select").first
        options = select.locator("option").all_inner_texts()
        current = select.evaluate("e => e.options[e.selectedIndex].text")
        saved_before = lab.read_workbook(workbook)["sections"]
        choice = next(o for o in options if o != current and not o.lower().startswith("choose"))
        select.select_option(label=choice)
        page.wait_for_function("([el, old]) => el.innerText !== old", arg=[feedback.element_handle(), before],
                               timeout=30000)
        page.wait_for_timeout(500)
        saved = lab.read_workbook(workbook)["sections"]
        assert saved != saved_before, "the form's answer was not saved to the workbook"
        assert choice.replace("\xa0", " ").lower() in str(saved).lower()

        # 4. restart the kernel: the answer is still in the workbook
        page.evaluate("() => { window.jupyterapp.commands.execute('kernelmenu:restart', {}); }")
        page.wait_for_timeout(1000)
        for button in page.locator(".jp-Dialog .jp-mod-accept").all():
            button.click()
        lab.wait_kernel_stable(page)
        assert lab.read_workbook(workbook)["sections"] == saved, "restarting the kernel changed saved work"
        assert not external, f"requests tried to leave the machine: {external[:10]}"
