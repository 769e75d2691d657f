"""Two copies of one form (the lesson's and the exercise's, both open): a change in the older copy
saves only the field it changed and never writes its stale fields over answers typed in the other
(issue 17). Each form is driven as a participant would: change a control, then read the workbook
as a new kernel would."""
from __future__ import annotations

import ipywidgets as w
import pytest

from missionkit.workbook import Workbook


@pytest.fixture
def workbook_path(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


def controls(widget, kind):
    """Every control of one kind inside a form, in the order shown."""
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += controls(child, kind)
    return found


def choose(dropdown: w.Dropdown, index: int = -1) -> str:
    value = [v for _, v in dropdown.options if v][index]
    dropdown.value = value
    return value


def saved(path, section):
    return Workbook.open(path).section(section)


def test_governance_form(workbook_path):
    from missionkit import governance

    older = governance.governance_form()  # the lesson's copy, opened first
    newer = governance.governance_form()  # the exercise's copy
    o1 = choose(controls(newer, w.Dropdown)[0], 0)
    o1_old = controls(older, w.Dropdown)[0].value
    ex_ante = controls(older, w.Checkbox)[-1]
    ex_ante.value = not ex_ante.value
    now = saved(workbook_path, "governance")
    assert now["objective_owners"]["O1"] == o1 != o1_old, "the newer copy's owner survives"
    assert now["ex_ante"] == ex_ante.value, "the older copy's change is saved"


def test_engagement_plan_form(workbook_path):
    from missionkit import stakeholders

    older = stakeholders.engagement_plan_form(start=None)
    newer = stakeholders.engagement_plan_form(start=None)
    first_level = choose(controls(newer, w.Dropdown)[0])
    how = controls(older, w.Text)[-1]
    how.value = "Meet the route operators on Route 14"
    plan = Workbook.open(workbook_path).get("stakeholders", stakeholders.KEY)
    kinds = list(plan)
    assert plan[kinds[0]]["level"] == first_level, "the newer copy's level survives"
    assert plan[kinds[-1]]["how"] == "Meet the route operators on Route 14"
