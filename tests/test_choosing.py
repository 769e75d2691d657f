"""Module 02 (choosing): the D0 datasets' teaching findings, found by the functions meant to find them,
with the expected figures; validation of the new datasets; the saved choice the capstone reads."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from missionkit import case, choosing
from missionkit.errors import MissionkitInputError


@pytest.fixture(scope="module")
def d0() -> dict[str, pd.DataFrame]:
    return {n: case.load(n) for n in ("causes", "candidates", "consultation")}


def test_d0_shapes_and_codes(d0):
    assert len(d0["causes"]) == 27 and len(d0["candidates"]) == 24 and len(d0["consultation"]) == 640
    assert case.load("D0").equals(d0["consultation"])
    assert {case.DATASETS[n].code for n in d0} == {"D0"}


def test_trap_the_reinforcing_loop_through_congestion(d0):
    loops = choosing.feedback_loops(d0["causes"])
    assert [lp.length for lp in loops] == [3, 4]
    assert all(lp.kind == "reinforcing" for lp in loops)
    big = loops[1]
    assert big.factors == ("Car and motorbike traffic", "Congestion", "Bus journey times", "Bus ridership")
    assert big.directions.count("reduces") == 2


def test_trap_highway_expansion_is_contested_and_feeds_traffic(d0):
    contested = choosing.contested_links(d0["causes"])
    assert contested["link_id"].tolist() == ["L12"]
    assert contested.iloc[0]["cause"] == "Highway expansion"
    assert choosing.root_causes(d0["causes"], "Congestion") == ["Fuel price subsidy", "Unregulated minibus routes",
                                                                 "Highway expansion"]


def test_lesson_slice_shows_no_loop(d0):
    tree = choosing.problem_tree(d0["causes"], "Road deaths", depth=1)
    assert len(tree) == 4
    assert not tree["link"].str.contains("Congestion").any()


def test_trap_the_most_popular_candidate_fails_two_criteria(d0):
    raw = choosing.choice_shares(d0["consultation"])
    assert choosing.ranking(raw)[0] == "C"
    assert math.isclose(raw["C"], 0.409, abs_tol=0.001)
    assert choosing.failures(d0["candidates"]) == {"A": [], "B": [], "C": ["across sectors", "many solutions"]}
    counts = choosing.rating_counts(d0["candidates"])
    assert counts.loc["A", "meets"] == counts.loc["B", "meets"] == 5  # two defensible answers


def test_trap_car_owners_over_represented_and_weighting_flips_the_ranking(d0):
    rep = choosing.representation(d0["consultation"], "car_household")
    assert math.isclose(rep.loc["yes", "respondent_share"], 0.65) and rep.loc["yes", "population_share"] == 0.24
    w = choosing.weighted_shares(d0["consultation"], "car_household")
    assert choosing.ranking(w) == ["B", "A", "C"]
    assert math.isclose(w["B"], 0.533, abs_tol=0.001) and math.isclose(w["C"], 0.224, abs_tol=0.001)


def test_lesson_slice_city_weighting_does_not_reveal_the_flip(d0):
    w = choosing.weighted_shares(d0["consultation"], "city")
    assert choosing.ranking(w)[0] == "C"
    rep = choosing.representation(d0["consultation"], "city")
    assert rep["ratio"].idxmin() == "Nuvo Alto" and rep.loc["Nuvo Alto", "ratio"] < 0.7


def test_public_support_evidence_matches_the_consultation(d0):
    raw = choosing.choice_shares(d0["consultation"])
    ev = d0["candidates"].set_index(["candidate_id", "criterion"])["evidence"]
    for cid in case.CANDIDATE_IDS:
        assert f"{round(raw[cid] * 100)}%" in ev[(cid, "public support")]


def test_adopted_mission_is_candidate_b(d0):
    assert choosing.candidate_statements(d0["candidates"])["B"] == case.MISSION_STATEMENT


def test_validation_names_row_and_column():
    df = case.load("consultation")
    df.loc[4, "first_choice"] = "D"
    with pytest.raises(MissionkitInputError) as err:
        case.validate("consultation", df)
    assert (err.value.row, err.value.column) == (6, "first_choice")
    c = case.load("candidates").drop(columns=["rating"])
    with pytest.raises(MissionkitInputError) as err:
        case.validate("candidates", c)
    assert err.value.column == "rating"


@pytest.mark.parametrize("design, phrase", [
    ({"members": "lots"}, "in figures"), ({"members": -3}, "negative"), ({"days": True}, "yes/no"),
    ({"selection": "by lottery"}, "Choose one of"), ({"stratify_by": ["shoe size"]}, "Choose one of"),
    ("100 people", "Use the form"),
])
def test_assembly_bad_inputs_are_explained(design, phrase):
    with pytest.raises(MissionkitInputError) as err:
        choosing.parse_design(design)
    assert phrase in err.value.message


def test_weighting_without_a_group_is_explained(d0):
    only_cars = d0["consultation"][d0["consultation"]["car_household"] == "yes"]
    with pytest.raises(ValueError, match="no"):
        choosing.weighted_shares(only_cars, "car_household")


def test_saved_choice_reads_the_workbook(tmp_path, monkeypatch):
    from missionkit.workbook import Workbook

    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    assert choosing.saved_choice() is None
    wb = Workbook.open()
    wb.set("choosing", "choice", {"candidate": "A", "justification": "Because 38."})
    assert choosing.saved_choice() == {"candidate": "A", "justification": "Because 38."}


def test_facts_load_with_sources():
    from missionkit import catalogue

    for group in (choosing.SELECTION_PROCESSES, choosing.DELIBERATIVE_CASES, choosing.LEVERAGE_POINTS):
        assert group
        for e in group:
            for key in e.source_keys:
                assert catalogue.citation(key)
    assert len(choosing.LEVERAGE_POINTS) == 12


@pytest.mark.parametrize("candidate, phrase", [
    ("D", "not one of the candidates"), ("Electric cars", "not one of the candidates"), (3, "Choose A, B or C"),
])
def test_choice_bad_candidate_is_explained(candidate, phrase):
    fb = choosing.check_choice(candidate, "I recommend it because 62 minutes in 2024; we give up A.")
    assert fb.status == "revise" and phrase in fb.text()
