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


def values(dropdown: w.Dropdown) -> list:
    """The values a drop-down offers (its options are values, or (label, value) pairs)."""
    return [o[1] if isinstance(o, tuple) else o for o in dropdown.options]


def choose(dropdown: w.Dropdown, index: int = -1) -> str:
    value = [v for v in values(dropdown) if v][index]
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


def test_theory_of_change_form(workbook_path):
    from missionkit import monitoring

    older = monitoring.theory_of_change_form()
    newer = monitoring.theory_of_change_form()
    controls(newer, w.Textarea)[0].value = "Mission budget"
    controls(older, w.Textarea)[-1].value = "Fewer road deaths"
    saved_toc = Workbook.open(workbook_path).get("indicators", "theory_of_change")
    text = str(saved_toc)
    assert "Mission budget" in text and "Fewer road deaths" in text


def test_indicator_drafts_form(workbook_path):
    from missionkit import monitoring

    older = monitoring.indicator_form()
    newer = monitoring.indicator_form()
    controls(newer, w.Text)[0].value = "Share of residents within 45 minutes of work"
    older_unit = [t for t in controls(older, w.Text) if t is not controls(older, w.Text)[0]][0]
    older_unit.value = "%"
    drafts = Workbook.open(workbook_path).get("indicators", "draft_indicators")
    assert drafts[0][next(k for k, v in drafts[0].items() if v.startswith("Share of"))]
    assert "%" in drafts[0].values(), "both copies' fields of the same draft are kept"


def test_review_form(workbook_path):
    from missionkit import portfolio

    older = portfolio.review_form()
    newer = portfolio.review_form()
    first = controls(newer, w.Dropdown)[0]
    choice = next(v for v in values(first) if v and v != first.value)
    first.value = choice
    note = (controls(older, w.Textarea) or controls(older, w.Text))[-1]
    note.value = "Ask the bus operators first."
    review = Workbook.open(workbook_path).section("portfolio")
    record = next(iter(review.values()))
    assert choice in record["decisions"].values(), "the newer copy's decision survives"
    assert record["note"] == "Ask the bus operators first."


def test_readiness_self_assessment_form(workbook_path):
    from missionkit import readiness

    older = readiness.self_assessment_form()
    newer = readiness.self_assessment_form()
    score = choose(controls(newer, w.Dropdown)[0], 0)
    evidence = [t for t in controls(older, w.Text) + controls(older, w.Textarea)]
    evidence[-1].value = "Budget law 2026, article 4"
    text = str(Workbook.open(workbook_path).get("readiness", "scores"))
    assert "Budget law 2026, article 4" in text
    assert repr(score) in text or str(score) in text


def test_theme_coding_form(workbook_path):
    from missionkit import diagnostics

    older = diagnostics.theme_coding_form()
    newer = diagnostics.theme_coding_form()
    boxes_new, boxes_old = controls(newer, w.Text), controls(older, w.Text)
    boxes_new[0].value = "fare, price, cost"
    boxes_old[1].value = "late, waiting"
    themes = Workbook.open(workbook_path).get("diagnostics", "themes")
    words = str(themes)
    assert "fare" in words and "late" in words


def test_litmus_form_per_step_keys(workbook_path):
    """The case the issue found: all four steps typed in the exercise's copy, then one drop-down changed
    in the lesson's older copy."""
    from missionkit import missions

    older = missions.litmus_form()
    newer = missions.litmus_form()
    for box, text in zip(controls(newer, w.Textarea), ["Road deaths", "Survey 2026", "Halve", "Budget"],
                         strict=False):
        box.value = text
    choose(controls(older, w.Dropdown)[0], 0)
    section = Workbook.open(workbook_path).section("litmus")
    text = str(section)
    for evidence in ("Road deaths", "Survey 2026", "Halve", "Budget"):
        assert evidence in text, f"the newer copy's evidence '{evidence}' survives"


def test_litmus_form_one_key(workbook_path):
    from missionkit import missions

    older = missions.litmus_form(key="own")
    newer = missions.litmus_form(key="own")
    controls(newer, w.Textarea)[0].value = "Road deaths"
    choose(controls(older, w.Dropdown)[-1], 0)
    saved_answer = Workbook.open(workbook_path).get("litmus", "own")
    assert "Road deaths" in str(saved_answer)


def test_mission_map_and_statement_answers(workbook_path):
    from missionkit import framing

    older = framing.mission_map_form()
    newer = framing.mission_map_form()
    boxes_new = controls(newer, w.Textarea) + controls(newer, w.Text)
    boxes_old = controls(older, w.Textarea) + controls(older, w.Text)
    boxes_new[0].value = "Too many road deaths in the capital"
    boxes_old[-1].value = "PR01 Bus lanes"
    saved_map = str(Workbook.open(workbook_path).get("framing", "mission_map"))
    assert "Too many road deaths" in saved_map and "PR01 Bus lanes" in saved_map


def test_choosing_forms(workbook_path):
    from missionkit import choosing

    older, newer = choosing.choice_form(), choosing.choice_form()
    controls(newer, w.Textarea)[0].value = "I recommend B because the commute was 62 minutes in 2024."
    controls(older, w.RadioButtons)[0].value = "B"
    assert saved(workbook_path, "choosing")["choice"] == {
        "candidate": "B", "justification": "I recommend B because the commute was 62 minutes in 2024."}
    assert choosing.saved_choice()["candidate"] == "B"
    older, newer = choosing.assembly_form(), choosing.assembly_form()
    controls(newer, w.BoundedIntText)[0].value = 100
    choose(controls(older, w.Dropdown)[0], 0)
    design = saved(workbook_path, "choosing")["assembly"]
    assert design["members"] == 100 and design["selection"] == "random, stratified"
    older, newer = choosing.cause_map_form(), choosing.cause_map_form()
    controls(newer, w.Checkbox)[1].value = True
    choose(controls(older, w.Dropdown)[0], 0)
    cause = saved(workbook_path, "choosing")["cause_map"]
    assert cause["links"] and cause["leverage"] == "Fuel price subsidy"


def test_plan_section_form(workbook_path):
    from missionkit import capstone

    older = capstone.plan_section_form("risks")
    newer = capstone.plan_section_form("risks")
    choose(controls(newer, w.Dropdown)[0], 1)  # "change"
    controls(older, w.Textarea)[0].value = "Operators may strike, so route contracts come first, with Finance."
    now = saved(workbook_path, "plan")["risks"]
    assert now == {"decision": "change", "text": "Operators may strike, so route contracts come first, with Finance."}


def test_rubric_form(workbook_path):
    from missionkit import capstone

    older = capstone.rubric_form("self")
    newer = capstone.rubric_form("self")
    choose(controls(newer, w.Dropdown)[0], 2)  # mission: 3 Sound
    controls(older, w.Textarea)[0].value = "The risks lack owners, so I gave them 2 and will add them."
    now = saved(workbook_path, "rubric")["self"]
    assert now["scores"] == {"mission": 3} and now["note"].startswith("The risks lack owners")


def test_check_form_and_the_before_check_closes(workbook_path):
    from missionkit import capstone

    older = capstone.check_form("before")
    newer = capstone.check_form("before")
    choose(controls(newer, w.Dropdown)[0], 0)  # q01: a
    choose(controls(older, w.Dropdown)[-1], 1)  # q14: b
    assert saved(workbook_path, "course_check")["before"] == {"q01": "a", "q14": "b"}
    after = capstone.check_form("after")
    choose(controls(after, w.Dropdown)[0], 1)
    choose(controls(older, w.Dropdown)[1], 0)  # the before-check is closed now: not saved
    assert saved(workbook_path, "course_check")["before"] == {"q01": "a", "q14": "b"}
    assert all(d.disabled for d in controls(capstone.check_form("before"), w.Dropdown))
