"""Module 09 forms: every answer saves at once to section "financing", survives a restart, and two copies
of a form never write stale fields over each other (issue 17). Driven as a participant would."""
from __future__ import annotations

import ipywidgets as w
import pytest

from missionkit import financing
from missionkit.workbook import Workbook


@pytest.fixture
def workbook_path(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


def controls(widget, kind):
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += controls(child, kind)
    return found


def saved(path):
    return Workbook.open(path).section("financing")


def static(form) -> str:
    return form._repr_mimebundle_()["text/html"]


def test_plan_form_saves_at_once_and_survives_a_restart(workbook_path):
    form = financing.plan_form()
    assert "Not answered yet" in static(form)
    boxes = controls(form, w.Text)
    assert len(boxes) == len(financing.PLAN_EXERCISE.components) * len(financing.PLAN_EXERCISE.sources)
    boxes[1].value = "120"  # buses, loan
    assert saved(workbook_path)["financing_plan"] == {"buses": {"loan": 120}, "depots": {}, "running": {},
                                                      "enforcement": {}}
    again = financing.plan_form()  # a new kernel
    assert controls(again, w.Text)[1].value == "120"


def test_plan_form_explains_bad_input_and_keeps_it(workbook_path):
    form = financing.plan_form()
    box = controls(form, w.Text)[0]
    box.value = "a lot"
    assert "is not an amount" in static(form)
    assert saved(workbook_path)["financing_plan"]["buses"]["national"] == "a lot"
    assert "Traceback" not in static(form)


def test_plan_form_example_is_shown_not_saved(workbook_path):
    from tests.test_financing import GOOD_PLAN

    form = financing.plan_form(GOOD_PLAN)
    assert "Well done" in static(form)
    assert not workbook_path.exists() or "financing_plan" not in saved(workbook_path)


def test_two_copies_of_the_conditions_form(workbook_path):
    older = financing.conditions_form()
    newer = financing.conditions_form()
    controls(newer, w.Checkbox)[0].value = True  # jobs, in the newer copy
    controls(older, w.Textarea)[0].value = "I recommend support, because MRC 40m is at risk if the firm leaves."
    now = saved(workbook_path)["conditions"]
    assert now["conditions"] == ["jobs"], "the newer copy's tick survives"
    assert now["defence"].startswith("I recommend")


def test_instrument_form(workbook_path):
    form = financing.instrument_form()
    drop = controls(form, w.Dropdown)[0]
    drop.value = "pre-commercial procurement"
    controls(form, w.Textarea)[0].value = ("No product exists yet, only prototypes at TRL 4, and the ministry will "
                                           "be the buyer, so it should pay several firms to develop it in phases.")
    assert saved(workbook_path)["instrument_choice"]["instrument"] == "pre-commercial procurement"
    assert "Well done" in static(form)


def test_budget_reading_form(workbook_path):
    form = financing.budget_reading_form()
    ticks = controls(form, w.Checkbox)
    ticks[list(financing.FINDINGS).index("running")].value = True
    controls(form, w.Text)[0].value = "1415"
    now = saved(workbook_path)["budget_reading"]
    assert now["findings"] == ["running"] and now["capital"] == 1415
    assert "no operating money" in static(form)


def test_typed_text_is_escaped_in_the_form(workbook_path):
    form = financing.instrument_form()
    controls(form, w.Textarea)[0].value = "<img src=x onerror=alert(1)> see above"
    assert "<img" not in static(form)
