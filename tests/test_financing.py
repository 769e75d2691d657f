"""Module 09, financing: the D9 budget lines (FICTIONAL), their findings, and the exercise checks.

Each check has a table of realistic answers (five or more that deserve praise or honest credit, five or
more that do not: keyword lists, placeholders, backwards reasoning, short or non-native phrasing),
written before the check, judged as labelled.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from missionkit import case, financing
from missionkit.errors import MissionkitInputError

# --------------------------------------------------------------------------- D9, valid and consistent


def test_budget_lines_validate_and_link_to_the_case():
    d = case.load("budget_lines")
    assert case.ALIASES["D9"] == "budget_lines"
    assert list(d.columns) == ["line_id", "year", "budget_holder", "project_id", "objective", "purpose",
                               "spending_type", "source", "funder", "instrument", "planned_mrc_m", "spent_mrc_m"]
    lo, hi = case.DATASETS["budget_lines"].rows
    assert lo <= len(d) <= hi
    projects = case.load("projects").set_index("project_id")
    assert set(d["project_id"]) <= set(projects.index)
    assert all(projects.loc[r.project_id, "objective"] == r.objective for r in d.itertuples())
    names = set(case.load("stakeholders")["name"])
    assert set(d["budget_holder"]) <= names and set(d["funder"]) <= names
    donors = case.load("donors").set_index("funder")
    for funder in set(d.loc[d["source"].isin(["development bank loan", "donor grant"]), "funder"]):
        assert donors.loc[funder, "on_budget"] == "yes", funder  # off-budget donors never appear in budget lines
    assert d.loc[d["year"] > 2026, "spent_mrc_m"].isna().all()
    assert d.loc[d["year"] <= 2026, "spent_mrc_m"].notna().all()
    assert "MRC m" in case.DATA_DICTIONARY["budget_lines"]["planned_mrc_m"]["unit"]


def test_a_participant_copy_with_a_bad_value_is_explained():
    d = case.load("budget_lines")
    bad = d.copy()
    bad.loc[3, "spending_type"] = "capex"
    with pytest.raises(MissionkitInputError) as err:
        case.validate("budget_lines", bad)
    assert err.value.column == "spending_type"


# --------------------------------------------------------------------------- the findings (traps), with figures


def test_the_corridors_have_capital_and_no_money_to_run_them():
    """The exercise's finding (O1): MRC 1,415m builds two corridors; no line pays to run them once open."""
    gaps = financing.unfunded_running_costs(objective="O1")
    assert list(gaps["project_id"]) == ["PR01", "PR03"]
    assert list(gaps["opens"]) == [2029, 2031]
    assert math.isclose(gaps["capital"].sum(), 1415.0)
    assert financing.unfunded_running_costs(objective="O3").empty  # safe junctions have their upkeep
    assert math.isclose(financing.read_budget(objective="O1").borrowed_share, 1370 / 1501.3, rel_tol=1e-9)


def test_clean_air_money_is_back_loaded_after_the_2030_milestone():
    """The lesson's finding (O2): MRC 410m of MRC 740.6m (55%) comes after 2030."""
    t = financing.timing(objective="O2")
    assert t["after"] == 410.0 and t["total"] == 740.6
    assert round(t["share_after"], 3) == 0.554
    assert financing.timing(objective="O1")["after"] == 0.0


def test_industry_ministry_spends_a_third_of_its_plan():
    ex = financing.execution()
    first = ex.iloc[0]
    assert first["budget_holder"] == "Ministry of Industry and Trade"
    assert round(first["share_spent"], 2) == 0.33
    assert (ex["share_spent"].iloc[1:] > 0.7).all()


# --------------------------------------------------------------------------- exercise 1: a financing plan

GOOD_PLAN = {"buses": {"loan": 120, "private": 60}, "depots": {"loan": 30, "national": 30},
             "running": {"national": 40}, "enforcement": {"city": 12}}
PLAN_CASES = [
    # (label, answer, expected status, phrase the feedback must contain)
    ("model answer", GOOD_PLAN, "good", "within the limit"),
    ("national pays enforcement", {"buses": {"loan": 120, "private": 60}, "depots": {"loan": 30, "national": 30},
                                   "running": {"national": 40}, "enforcement": {"national": 12}}, "good",
     "MRC 82.0m"),
    ("text amounts, commas", {"buses": {"loan": "120", "private": "60"}, "depots": {"loan": "30", "city": "20",
                                                                                   "national": "10"},
                              "running": {"national": "40"}, "enforcement": {"national": "12,0"}}, "good",
     "Every component"),
    ("less loan, more city", {"buses": {"loan": 110, "private": 60, "national": 10}, "depots": {"loan": 40,
                                                                                                "national": 20},
                              "running": {"national": 35, "city": 5}, "enforcement": {"city": 12}}, "good",
     "assets only"),
    ("grant as bridge for running", {"buses": {"loan": 120, "private": 60}, "depots": {"loan": 30, "national": 30},
                                     "running": {"national": 30, "grant": 10}, "enforcement": {"city": 12}},
     "partly", "one-off"),
    ("over the fiscal limit", {"buses": {"national": 90, "loan": 90}, "depots": {"loan": 60},
                               "running": {"national": 40}, "enforcement": {"national": 12}}, "revise",
     "over the Ministry of Finance's limit"),
    ("loan pays running costs", {"buses": {"loan": 110, "private": 60, "national": 10}, "depots": {"national": 60},
                                 "running": {"loan": 40}, "enforcement": {"city": 12}}, "revise",
     "running costs come back every year"),
    ("gap left", {"buses": {"loan": 120}, "depots": {"loan": 30}, "running": {"national": 40},
                  "enforcement": {"city": 12}}, "revise", "a gap of"),
    ("private money for depots", {"buses": {"loan": 150, "national": 30}, "depots": {"private": 60},
                                  "running": {"national": 40}, "enforcement": {"city": 12}}, "revise",
     "pays only for electric buses"),
    ("everything on the national budget", {"buses": {"national": 180}, "depots": {"national": 60},
                                           "running": {"national": 40}, "enforcement": {"national": 12}},
     "revise", "by MRC 202m"),
    ("placeholder zeros", {"buses": {"loan": 0}}, "not answered", "Fill in"),
]


@pytest.mark.parametrize("label,answer,status,phrase", PLAN_CASES, ids=[c[0] for c in PLAN_CASES])
def test_financing_plan_feedback(label, answer, status, phrase):
    fb = financing.check_financing_plan(answer)
    assert fb.status == status, fb.text()
    assert phrase in fb.text()


def test_financing_plan_bad_inputs_are_explained():
    for answer, phrase in [({"buses": {"loan": "a lot"}}, "is not an amount"),
                           ({"trams": {"loan": 5}}, "is not a component"),
                           ({"buses": {"bonds": 5}}, "is not a source"),
                           ({"buses": {"loan": -5}}, "positive number"),
                           ("half loan half budget", "not a table")]:
        fb = financing.check_financing_plan(answer)
        assert fb.status == "revise" and phrase in fb.text(), (answer, fb.text())


# --------------------------------------------------------------------------- exercise 2: choose an instrument

INSTRUMENT_CASES = [
    ("model", {"instrument": "pre-commercial procurement", "why": financing.PROBLEM_EXERCISE.model_answer},
     "good", "first buyer"),
    ("short but right", {"instrument": "pre-commercial procurement",
                         "why": "No product exists yet, only prototypes at TRL 4, and the ministry will be the "
                                "buyer, so it should pay several firms to develop it in phases."}, "good",
     "stage"),
    ("SBRI-style", {"instrument": "small-business research programme",
                    "why": "The start-ups have prototypes but nothing is on the market. The ministry can be lead "
                           "customer and give phased R&D contracts to small firms, like SBRI in the UK."},
     "good", "lead customer"),
    ("non-native phrasing", {"instrument": "pre-commercial procurement",
                             "why": "product not exist in market, only prototype in lab. ministry is buyer so "
                                    "ministry pay for develop with 3 company and choose best one after test"},
     "good", "stage"),
    ("prize, argued", {"instrument": "challenge prize",
                       "why": "Nothing on the market does this; a prize of MRC 5m for the first test that finds "
                              "90% of polluting minibuses pays only for success, and the ministry then buys it."},
     "partly", "defensible"),
    ("keyword list", {"instrument": "pre-commercial procurement",
                      "why": "PCP, R&D, phases, TRL, buyer, competition"}, "partly", "list of words"),
    ("placeholder", {"instrument": "pre-commercial procurement", "why": "see above"}, "partly", "placeholder"),
    ("backwards: start from the tool", {"instrument": "public procurement of innovation",
                                        "why": "The ministry already has a procurement budget, so we should use "
                                               "procurement because it is easiest."}, "revise",
     "nearly or already on the market"),
    ("regulation first", {"instrument": "regulation or standard",
                          "why": "Make a law that all minibuses must be tested at the roadside."}, "revise",
     "cannot require a device that does not exist"),
    ("loan", {"instrument": "loan", "why": "Give the start-ups a cheap loan so they can grow."}, "revise",
     "repay"),
    ("no instrument", {"instrument": "", "why": "Because there is no product yet and the ministry will buy it."},
     "revise", "Choose an instrument"),
    ("blank", {"instrument": "", "why": ""}, "not answered", "Choose"),
]


@pytest.mark.parametrize("label,answer,status,phrase", INSTRUMENT_CASES, ids=[c[0] for c in INSTRUMENT_CASES])
def test_instrument_choice_feedback(label, answer, status, phrase):
    fb = financing.check_instrument_choice(answer)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()


# --------------------------------------------------------------------------- exercise 3: conditions on support

MODEL_DEFENCE = financing.CONDITIONS_MODEL_ANSWER
CONDITIONS_CASES = [
    ("model", {"conditions": ["jobs", "reinvest", "royalty", "clawback", "data"], "defence": MODEL_DEFENCE},
     "discuss", "cannot judge"),
    ("equity route", {"conditions": ["jobs", "emissions", "equity", "data"],
                      "defence": "I recommend the loan and grant with a 10% public stake. The public takes MRC 40m "
                                 "of risk against the owners' MRC 8m, so it should share the upside. The risk is "
                                 "that the firm fails; then the stake is worth nothing, but the jobs condition "
                                 "and yearly reports let us stop the second tranche early."}, "discuss",
     "claim"),
    ("light touch", {"conditions": ["jobs", "clawback", "data"],
                     "defence": "Approve with three simple conditions only. Foreign firms sell cheaper today, so "
                                "heavy terms could deter Kessa E-Motors; if the plant leaves within ten years the "
                                "MRC 15m grant comes back."}, "discuss", "evidence with a number"),
    ("non-native", {"conditions": ["jobs", "reinvest", "clawback", "data"],
                    "defence": "Minister, we recommend to give 40m but company must keep 400 jobs and not pay "
                               "dividend before loan is repay, if they go away they return grant."}, "discuss",
     "consequence or risk"),
    ("royalty and IP", {"conditions": ["jobs", "royalty", "ip", "data", "price"],
                        "defence": "Support the firm, with profit sharing above 12,000 vehicles a year and "
                                   "licences for unused designs, because public money pays 83% of the cost; "
                                   "otherwise the public carries the risk and the owners keep the reward."},
     "discuss", "self-check"),
    ("no conditions", {"conditions": [], "defence": "Give the money, the firm knows best."}, "revise",
     "nothing back"),
    ("everything ticked", {"conditions": list(financing.CONDITION_CODES),
                           "defence": "We should attach every condition to protect the 40m."}, "partly",
     "deter"),
    ("keyword list", {"conditions": ["jobs", "equity", "data"], "defence": "jobs, equity, data, risk, 40m"},
     "partly", "list of words"),
    ("placeholder", {"conditions": ["jobs", "reinvest", "data"], "defence": "ok"}, "partly", "placeholder"),
    ("no monitoring", {"conditions": ["jobs", "equity", "clawback"],
                       "defence": "I recommend support with a stake and a clawback, because MRC 40m is at risk if "
                                  "the firm leaves."}, "partly", "how anyone will know"),
    ("only direction", {"conditions": ["jobs", "emissions", "price", "data"],
                        "defence": "Approve, because 400 jobs matter; the risk is the firm fails."}, "partly",
     "gets back"),
    ("blank", {"conditions": [], "defence": ""}, "not answered", "Tick"),
]


@pytest.mark.parametrize("label,answer,status,phrase", CONDITIONS_CASES, ids=[c[0] for c in CONDITIONS_CASES])
def test_conditions_feedback(label, answer, status, phrase):
    fb = financing.check_conditions(answer)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()


# --------------------------------------------------------------------------- exercise 4: read the budget lines

READING_CASES = [
    ("model", {"findings": ["running", "borrowed"], "capital": 1415,
               "ask": "Ask the Ministry of Transport for an operating budget for both corridors from 2029 and 2031."},
     "good", "no operating money"),
    ("text number", {"findings": ["running", "borrowed"], "capital": "1,415", "ask": ""}, "good", "1,415"),
    ("rounded", {"findings": ["running", "borrowed"], "capital": 1414.6, "ask": "operating money for the BRT"},
     "good", "91%"),
    ("loans only", {"findings": ["running", "borrowed"], "capital": 1370, "ask": ""}, "partly",
     "national counterpart"),
    ("missed the borrowing", {"findings": ["running"], "capital": 1415, "ask": ""}, "partly", "borrowed"),
    ("back-loading (lesson's finding)", {"findings": ["late"], "capital": 1415, "ask": ""}, "revise",
     "nothing is planned after 2030"),
    ("counterpart claim", {"findings": ["counterpart", "borrowed"], "capital": 1415, "ask": ""}, "revise",
     "MRC 45.0m"),
    ("tick everything", {"findings": ["running", "borrowed", "late", "counterpart", "underspent"],
                         "capital": 1415, "ask": ""}, "partly", "Not shown"),
    ("loan of corridor 1 only", {"findings": ["running", "borrowed"], "capital": 960, "ask": ""}, "partly",
     "both corridors"),
    ("not a number", {"findings": ["running"], "capital": "a lot", "ask": ""}, "revise", "is not an amount"),
    ("underspending", {"findings": ["underspent"], "capital": "", "ask": ""}, "revise", "81%"),
    ("blank", {"findings": [], "capital": "", "ask": ""}, "not answered", "Tick"),
]


@pytest.mark.parametrize("label,answer,status,phrase", READING_CASES, ids=[c[0] for c in READING_CASES])
def test_budget_reading_feedback(label, answer, status, phrase):
    fb = financing.check_budget_reading(answer)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()


def test_every_check_says_not_answered_on_the_placeholder():
    for check in (financing.check_financing_plan, financing.check_instrument_choice, financing.check_conditions,
                  financing.check_budget_reading):
        assert check(...).status == "not answered"


def test_feedback_escapes_what_the_participant_typed():
    fb = financing.check_instrument_choice({"instrument": "grant", "why": "<script>alert(1)</script> because"})
    assert "<script>" not in fb.to_html()


def test_instrument_guide_has_sources_for_confirmed_cases():
    from missionkit import catalogue

    keys = set(catalogue.references()["key"])
    for fact in financing.INSTRUMENT_GUIDE:
        if fact.status != "unconfirmed":
            assert fact.source_keys, fact.instrument
        assert set(fact.source_keys) <= keys
    assert isinstance(pd.DataFrame(financing.instrument_table()), pd.DataFrame)


# --------------------------------------------------------------------------- bad inputs, plain messages

@pytest.mark.parametrize("check,answer,phrase", [
    (financing.check_conditions, {"conditions": ["jobs", "golden share"], "defence": "x"},
     "is not one of the conditions"),
    (financing.check_conditions, {"conditions": 5, "defence": "x"}, "are not a list"),
    (financing.check_budget_reading, {"findings": ["everything"], "capital": 1415}, "is not one of the findings"),
    (financing.check_budget_reading, {"findings": ["running"], "capital": True}, "is not an amount"),
    (financing.check_instrument_choice, {"instrument": "bonds", "why": "Because markets"}, "is not in the list"),
], ids=["unknown condition", "conditions not a list", "unknown finding", "capital a tick", "unknown instrument"])
def test_bad_answers_are_explained_not_raised(check, answer, phrase):
    fb = check(answer)
    assert fb.status == "revise" and phrase in fb.text(), fb.text()
    assert "Traceback" not in fb.text()


# --------------------------------------------------------------------------- the plan, for the capstone

def test_plan_summary_for_the_capstone():
    s = financing.plan_summary(GOOD_PLAN)
    assert s.complete and not s.empty
    assert ["Electric buses for Kessa and Nuvo Alto", "Southbridge Development Bank loan", "MRC 120m"] in s.rows
    assert s.totals["National budget (Ministry of Finance)"] == 70
    half = financing.plan_summary({"buses": {"loan": 120}})
    assert not half.complete and any("a gap of" in t for t in half.sentences)
    assert financing.plan_summary(None).empty and financing.plan_summary({"buses": {"loan": 0}}).empty
    bad = financing.plan_summary({"buses": {"loan": "lots"}})
    assert not bad.complete and "could not be read" in bad.sentences[0]


# --------------------------------------------------------------------------- the lesson gives away no exercise answer

def test_lesson_shows_the_method_on_other_slices_than_the_exercise():
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "09-financing.ipynb").read_text("utf-8"))
    shown = []
    for cell in nb["cells"]:
        if "trainer-notes" in cell["metadata"].get("tags", []):
            continue
        shown.append("".join(cell["source"]))
        for out in cell.get("outputs", []):
            for mime in ("text/plain", "text/markdown", "text/html"):
                data = out.get("data", {}).get(mime)
                if data:
                    shown.append("".join(data) if isinstance(data, list) else data)
    text = "\n".join(shown)
    for answer in ("1,415", "1415", "Kessa E-Motors", "minibuses that pollute", "financing_plan ="):
        assert answer not in text, answer
    assert '"O1"' not in text  # the exercise's slice of the budget lines
