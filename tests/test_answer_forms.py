"""Exercise questions answered in forms (issue 20, "Forms first"): each form renders, gives the same
feedback as the module's check on the same answer, saves at once, and restores the saved answer in a
new copy (after a kernel restart, or a second copy of the form). Driven as a participant would."""
from __future__ import annotations

import ipywidgets as w
import pytest

from missionkit.forms import Field, answer_form, for_form, parse_number
from missionkit.workbook import Workbook


@pytest.fixture(autouse=True)
def workbook_path(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


def controls(widget, kind):
    found = [widget] if isinstance(widget, kind) else []
    for child in getattr(widget, "children", ()):
        found += controls(child, kind)
    return found


def shown(form) -> str:
    """What the participant reads under the form (and what the book shows): the static view."""
    return form._fallback()


# ------------------------------------------------------------------ the five questions of the issue
WORKED_CLASSIFICATION = {
    "EU 100 climate-neutral cities": "transformer mission", "Stand-alone challenge prize": "not a mission",
    "General applied research funding": "not a mission", "Japan Moonshot Goal 6": "accelerator mission",
    "Mission Innovation Clean Hydrogen": "accelerator mission", "South Africa Decadal Plan": "not a mission",
    "Nesta: halve obesity": "transformer mission", "UK clean energy superpower": "transformer mission",
    "Norway Pilot-E": "accelerator mission", "Mission Innovation Zero-Emission Shipping": "accelerator mission",
}
RELABELLED = ["PR04", "PR05", "PR06", "PR09", "PR10", "PR13", "PR14", "PR17", "PR18", "PR22", "PR26"]
BOARD_RULES = {"max_per_type": 4, "max_per_sector": 3, "max_government_share": 0.5, "must_include": None,
               "include": ["Prime Minister's Delivery Office", "Ministry of Transport", "Ministry of Finance",
                           "Amberport City Government", "Kessa City Government", "Nuvo Alto City Government"]}


def test_classification_form_gives_the_checks_feedback_saves_and_restores(workbook_path):
    from missionkit import missions

    blank = missions.classification_form(start=...)
    assert for_form(missions.check_classification(...)).to_html() in shown(blank)  # no "in quotes"
    assert "Not answered yet" in shown(blank) and "Well done" not in shown(blank)
    worked = missions.classification_form(start=WORKED_CLASSIFICATION)
    assert missions.check_classification(WORKED_CLASSIFICATION).to_html() in shown(worked)
    # a participant answers one question in the blank form: the typical mistake, named at once
    prize = controls(blank, w.Dropdown)[1]
    prize.value = "accelerator mission"
    assert "one-off intervention" in shown(blank)
    assert (missions.check_classification({"Stand-alone challenge prize": "accelerator mission"}).to_html()
            in shown(blank))
    saved = Workbook.open(workbook_path).get("missions", "classification")
    assert saved["Stand-alone challenge prize"] == "accelerator mission"
    again = missions.classification_form(start=WORKED_CLASSIFICATION)  # saved answer wins over the worked one
    assert controls(again, w.Dropdown)[1].value == "accelerator mission"
    assert controls(again, w.Dropdown)[0].value == ""
    bundle = again._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "Exercise 1" in bundle["text/html"]


def test_relabelling_form_ticks_instead_of_a_list_of_ids(workbook_path):
    from missionkit import portfolio

    worked = portfolio.relabelling_form(start=RELABELLED)
    assert portfolio.check_relabelling(RELABELLED).to_html() in shown(worked)
    blank = portfolio.relabelling_form()
    assert for_form(portfolio.check_relabelling(...)).to_html() in shown(blank)  # no "in quotes"
    boxes = {b.description.split()[0]: b for b in controls(blank, w.Checkbox)}
    assert len(boxes) == 55
    for pid in ["PR04", "PR06", "PR40"]:
        boxes[pid].value = True
    assert portfolio.check_relabelling(["PR04", "PR06", "PR40"]).to_html() in shown(blank)
    assert Workbook.open(workbook_path).get("portfolio", "relabelled") == {"relabelled": ["PR04", "PR06", "PR40"]}
    again = portfolio.relabelling_form(start=RELABELLED)
    assert [pid for pid, b in {b.description.split()[0]: b for b in controls(again, w.Checkbox)}.items()
            if b.value] == ["PR04", "PR06", "PR40"]


def test_board_rules_form_needs_no_none_and_no_quotes(workbook_path):
    from missionkit import stakeholders

    worked = stakeholders.board_rules_form(15, BOARD_RULES)
    assert stakeholders.check_board(15, BOARD_RULES).to_html() in shown(worked)
    assert worked.answer()["must_include"] == "missing voices"  # None in code: "the missing voices" here
    assert worked.answer()["max_government_share_pct"] == 50
    blank = stakeholders.board_rules_form()
    assert for_form(stakeholders.check_board(..., ...)).to_html() in shown(blank)  # no "in quotes"
    size = controls(blank, w.Text)[0]
    size.value = "20"
    assert "at most 15 members" in shown(blank)
    assert Workbook.open(workbook_path).get("stakeholders", "board_rules")["board_size"] == 20
    size.value = "twelve"  # not a number: said plainly, and nothing saved over the last good answer
    assert "is not a number" in " ".join(h.value for h in controls(blank, w.HTML))
    assert Workbook.open(workbook_path).get("stakeholders", "board_rules")["board_size"] == 20
    size.value = "13"
    reserve = controls(blank, w.Dropdown)[0]
    reserve.value = "none"
    assert stakeholders.board_answer(blank.answer())[1]["must_include"] == []
    again = stakeholders.board_rules_form(15, BOARD_RULES)
    assert again.answer()["board_size"] == 13 and again.answer()["must_include"] == "none"
    assert stakeholders.check_board(*stakeholders.board_answer(again.answer())).to_html() in shown(again)


def test_mission_map_form_for_marenta_gives_the_checks_feedback(workbook_path):
    from missionkit import framing

    worked_map = {"challenge": "Congestion, dirty air and road deaths are rising together in the cities.",
                  "mission": "By 2035, everyone in Amberport, Kessa and Nuvo Alto can get to work within 45 minutes.",
                  "objectives": ["O1 Access: cut the commute from 62 to 50 minutes", "O2 Clean air: halve PM2.5"],
                  "projects": ["O1: Amberport Bus Rapid Transit Corridor 1", "O2: Amberport Electric Bus Fleet"]}
    worked = framing.mission_map_form(key="marenta_map", start=worked_map, check=True)
    assert framing.check_mission_map(worked_map).to_html() in shown(worked)
    blank = framing.mission_map_form(key="marenta_map", start=..., check=True)
    assert framing.check_mission_map(...).to_html() in shown(blank)
    projects = controls(blank, w.Textarea)[3]
    projects.value = "O1: Amberport Bus Rapid Transit Corridor 1\nO9: A project for no objective"
    saved = Workbook.open(workbook_path).get("framing", "marenta_map")
    assert saved["projects"][1] == "O9: A project for no objective"
    assert framing.check_mission_map(saved).to_html() in shown(blank)
    again = framing.mission_map_form(key="marenta_map", start=worked_map, check=True)
    assert controls(again, w.Textarea)[3].value == projects.value


def test_indicator_form_gives_check_drafts_feedback(workbook_path):
    from missionkit import monitoring

    drafts = [{"name": "Safe crossings completed at the 200 most dangerous junctions", "level": "output",
               "unit": "% of the 200 junctions", "baseline": 0, "baseline_year": 2024, "milestone_year": 2028,
               "milestone": 40, "target": 100, "target_year": 2032, "data_owner": "Ministry of Transport",
               "frequency": "quarterly", "lag_years": 0.25, "source": "Works register"}]
    worked = monitoring.indicator_form(start=drafts, check=True)
    assert monitoring.check_drafts(drafts, "").to_html() in shown(worked)
    blank = monitoring.indicator_form(check=True)  # the worked start is ignored: the drafts above are not saved
    name = controls(blank, w.Text)[0]
    name.value = "Number of pilots launched"
    saved = Workbook.open(workbook_path).get("indicators", "draft_indicators")
    assert saved[0]["name"] == "Number of pilots launched"
    assert monitoring.check_drafts(saved, "").to_html() in shown(blank)


def test_marenta_statement_form(workbook_path):
    from missionkit import framing

    text = "By 2035, everyone in Amberport, Kessa and Nuvo Alto reaches work within 45 minutes, from 62 in 2024."
    worked = framing.marenta_statement_form(start=text)
    assert framing.check_marenta_statement(text).to_html() in shown(worked)
    blank = framing.marenta_statement_form(start=...)
    assert for_form(framing.check_marenta_statement("")).to_html() in shown(blank)  # no "in quotes"
    controls(blank, w.Textarea)[0].value = "Better transport"
    assert Workbook.open(workbook_path).get("framing", "marenta_statement") == "Better transport"
    assert controls(framing.marenta_statement_form(start=text), w.Textarea)[0].value == "Better transport"


# ------------------------------------------------------------------ the shared helper
@pytest.mark.parametrize(("typed", "number"), [("15", 15), (" 0.5 ", 0.5), ("1,000", 1000), ("50 %", 50), ("", None),
                                               ("15.0", 15.0)])
def test_parse_number(typed, number):
    assert parse_number(typed) == number


def test_parse_number_refuses_words():
    with pytest.raises(ValueError):
        parse_number("fifteen")


def test_answer_form_two_copies_keep_each_others_fields(workbook_path):
    from missionkit.feedback import Feedback

    fields = [Field("a", "A", "choice", ["x", "y"]), Field("b", "B", "text")]

    def check(answer):
        return Feedback("discuss", f"a={answer['a']} b={answer['b']}")

    older = answer_form("s", "k", fields, title="T", check=check)
    newer = answer_form("s", "k", fields, title="T", check=check)
    controls(newer, w.Dropdown)[0].value = "y"
    controls(older, w.Text)[0].value = "typed in the older copy"
    assert Workbook.open(workbook_path).get("s", "k") == {"a": "y", "b": "typed in the older copy"}
    assert "a=y b=typed in the older copy" in shown(answer_form("s", "k", fields, title="T", check=check))


def test_answer_form_without_a_workbook_still_gives_feedback(monkeypatch, tmp_path):
    from missionkit.feedback import Feedback

    (tmp_path / "dir").mkdir()
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "dir"))  # a folder: cannot be a workbook
    form = answer_form("s", "k", [Field("n", "N", "number", unit="seats")], title="T",
                       check=lambda a: Feedback("discuss", f"n={a['n']}"))
    controls(form, w.Text)[0].value = "7"
    assert "n=7" in shown(form)
