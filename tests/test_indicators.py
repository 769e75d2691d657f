"""Module 10: the indicator audit, trajectories and dashboard find the Marenta case's traps (FICTIONAL data).

Case findings asserted here, with their figures:
* the audit flags I04 (an output posing as an outcome: "Kilometres of bus lanes built"), I05 (no baseline),
  I07 (definition changed in 2025, after the 2024 baseline) and I14 (a 2-year lag, longer than the annual
  review), and no other indicator;
* on the dashboard I02 ("improving far too slowly") is off track: 45.7% in 2025 against 48.4% on the straight
  line, 16% of the planned progress, +0.67 points a year against 3.43 needed (5.1 times the recent pace);
* I14 has no reading since its baseline; I10 (spending, an input) is on plan while the outputs it pays for
  (I08, I09) are off track; I07 is judged on the new definition only.
Plus: a table of bad indicator and monitoring files with the message each must give (file, row, column, fix),
random tables that may only raise MissionkitInputError, the exercise checks, charts and escaping in forms.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case
from missionkit import monitoring as ind
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback

TRAPS = {"I04": "output_as_outcome", "I05": "baseline", "I07": "definition", "I14": "timely"}


@pytest.fixture(scope="module")
def framework():
    return case.load("indicators")


@pytest.fixture(scope="module")
def monitoring():
    return case.load("monitoring")


@pytest.fixture(scope="module")
def audited(framework):
    return ind.audit(framework)


@pytest.fixture(scope="module")
def dashboard(framework, monitoring):
    return ind.trajectory(framework, monitoring)


# --------------------------------------------------------------------------- the audit on the case
def test_audit_has_one_row_per_indicator_and_every_check(audited, framework):
    assert len(audited) == len(framework) == 19
    assert list(audited["id"]) == list(framework["id"])
    for check in ind.CHECKS:
        assert set(audited[check.key]) <= set(ind.RESULTS)
    assert list(audited["row"]) == list(range(2, 21))  # spreadsheet rows: header is row 1


@pytest.mark.parametrize("ident, check", sorted(TRAPS.items()))
def test_each_trap_is_flagged_by_the_check_meant_to_find_it(audited, ident, check):
    row = audited.set_index("id").loc[ident]
    assert row[check] == "flag"
    assert row["flag_count"] == 1  # and only by that check


def test_trap_notes_give_the_figures(framework):
    details = ind.audit_details(framework).set_index(["id", "check"])
    assert "\u201cbuilt\u201d" in details.loc[("I04", "output_as_outcome"), "note"]
    assert "labelled outcome" in details.loc[("I04", "output_as_outcome"), "note"]
    assert details.loc[("I05", "baseline"), "note"].startswith("No baseline")
    assert "changed in 2025, after the baseline year (2024)" in details.loc[("I07", "definition"), "note"]
    assert "2 years after the period" in details.loc[("I14", "timely"), "note"]
    assert "longer than the review cycle of 1 year" in details.loc[("I14", "timely"), "note"]
    assert len(details) == 19 * len(ind.CHECKS)


def test_sound_indicators_are_not_flagged(audited):
    flagged = ind.flagged(audited)
    false_flags = set(flagged) - set(TRAPS)
    assert len(false_flags) <= 1, false_flags
    assert set(TRAPS) <= set(flagged)
    assert false_flags == set()  # in fact none
    ok = audited[~audited["id"].isin(list(TRAPS))]
    assert (ok["notes"] == "All checks passed.").all()


def test_a_lag_equal_to_the_review_cycle_is_fine_but_not_for_a_quarterly_review(framework):
    annual = ind.audit(framework).set_index("id")
    assert annual.loc["I01", "timely"] == "ok" and annual.loc["I11", "timely"] == "ok"  # lag 1.0 year
    quarterly = ind.audit(framework, review_cycle=0.25).set_index("id")
    late = set(quarterly.index[quarterly["timely"] == "flag"])
    assert {"I01", "I11", "I14", "I19", "I02"} <= late and "I08" not in late  # I08 lag 0.25


def test_an_earlier_deadline_flags_the_2035_targets(framework):
    early = ind.audit(framework, deadline=2030).set_index("id")
    assert early.loc["I01", "target"] == "flag" and early.loc["I17", "target"] == "ok"  # I17 aims at 2030
    assert (early["target"] == "flag").sum() == 18


@pytest.mark.parametrize("name, level, flagged", [
    ("Kilometres of bus lanes built", "outcome", True),
    ("km of cycle track", "impact", True),
    ("Number of pilots launched", "outcome", True),
    ("Number of projects funded by the mission", "outcome", True),
    ("Citizen assemblies held", "outcome", True),
    ("Charging points installed", "outcome", True),
    ("Budget disbursed", "impact", True),
    ("Kilometres of bus lanes built", "output", False),
    ("Share of household income the poorest fifth spends on transport", "impact", False),
    ("Women who feel safe on public transport at night", "outcome", False),
    ("Public transport trips per resident per year", "outcome", False),
    ("New zero-emission buses assembled in Marenta", "outcome", False),
])
def test_output_posing_as_outcome_rules(name, level, flagged):
    table = pd.DataFrame([{"name": name, "level": level, "unit": "x", "baseline": 1, "baseline_year": 2024,
                           "target": 2, "target_year": 2030, "source": "s"}])
    assert (ind.audit(table)["output_as_outcome"].iloc[0] == "flag") is flagged


def test_audit_reports_missing_owner_frequency_milestones_and_units():
    table = pd.DataFrame([{"name": "Commute time", "level": "impact", "unit": "", "baseline": 62,
                           "baseline_year": 2024, "target": 50, "target_year": 2040, "source": "survey"}])
    row = ind.audit(table).iloc[0]
    assert row["name_unit"] == "flag" and row["owner_frequency"] == "flag" and row["milestone"] == "flag"
    assert row["target"] == "flag" and "after the mission's deadline (2035)" in row["notes"]
    assert row["timely"] == "unknown" and row["definition"] == "ok"
    assert "No data owner and no frequency (fill in data_owner and frequency)" in row["notes"]
    assert row["id"] == "row 2"


def test_a_slow_frequency_is_too_slow_for_an_annual_review():
    table = pd.DataFrame([{"name": "Healthy life years", "level": "impact", "unit": "years", "baseline": 62,
                           "baseline_year": 2024, "target": 65, "target_year": 2035, "source": "survey",
                           "frequency": "every 3 years", "data_owner": "Statistics office", "lag_years": 0.5}])
    row = ind.audit_details(table).set_index("check").loc["timely"]
    assert row["result"] == "flag" and "only every 3 years" in row["note"]
    assert ind.frequency_years("Quarterly") == 0.25 and ind.frequency_years("every 2 years") == 2
    assert ind.frequency_years("whenever") is None


def test_audit_settings_are_checked(framework):
    with pytest.raises(MissionkitInputError, match="not a year"):
        ind.audit(framework, deadline="soon")
    with pytest.raises(MissionkitInputError, match="review cycle"):
        ind.audit(framework, review_cycle=0)


# --------------------------------------------------------------------------- trajectories and the dashboard
def test_i02_improves_far_too_slowly_and_is_off_track(dashboard):
    r = dashboard.row("I02")
    assert r["status"] == "off track"
    assert r["latest_period"] == "2025" and r["latest_value"] == pytest.approx(45.7)
    assert r["expected_now"] == pytest.approx(45.2 + 34.8 / 11, abs=1e-9)  # 48.36 on the straight line
    assert r["progress_share"] == pytest.approx(0.158, abs=0.002)
    assert r["recent_rate"] == pytest.approx(0.67, abs=0.01)  # points a year, 2021-2025
    assert r["needed_rate"] == pytest.approx(3.43, abs=0.01)  # (80 - 45.7) / 10 years
    assert r["pace_multiple"] == pytest.approx(5.1, abs=0.05)
    assert r["projected"] < 55  # the recent pace reaches about 52, far from 80
    assert "Improving, but too slowly" in r["note"] and "5.1 times the recent pace" in r["note"]


def test_statuses_of_the_case(dashboard):
    s = dashboard.status.set_index("id")["status"]
    assert s["I10"] == "on track" and s["I15"] == "on track"
    assert s["I05"] == "no data" and s["I14"] == "no data"
    assert s["I03"] == "at risk"  # 21% of the plan, but within its usual year-to-year change
    assert s["I01"] == "off track"  # commuting time rises
    counts = s.value_counts().to_dict()
    assert counts == {"off track": 9, "at risk": 6, "on track": 2, "no data": 2}
    assert set(dashboard.status["status"]) <= set(ind.STATUSES)


def test_the_lagged_indicator_has_no_reading_since_the_baseline(dashboard):
    r = dashboard.row("I14")
    assert r["status"] == "no data" and r["latest_period"] == "2024"
    assert "No reading since the baseline (2024)" in r["note"] and "due around 2027" in r["note"]


def test_the_redefined_indicator_is_judged_on_the_new_definition_only(dashboard):
    obs = dashboard.observed[dashboard.observed["id"] == "I07"]
    assert list(obs.loc[~obs["comparable"], "year"]) == list(range(2018, 2025))
    assert list(obs.loc[obs["comparable"], "value"]) == [8.1]
    r = dashboard.row("I07")
    assert r["latest_value"] == 8.1 and r["status"] == "off track"
    assert r["recent_rate"] == pytest.approx(1.6)  # from the 6.5 baseline, not from the old 21.0
    assert "Only values from 2025 on" in r["note"]


def test_quarterly_outputs_and_the_input(dashboard):
    r8, r10 = dashboard.row("I08"), dashboard.row("I10")
    assert r8["latest_period"] == "2026-Q3" and r8["latest_value"] == 171
    assert r8["status"] == "off track" and r8["progress_share"] == pytest.approx(0.39, abs=0.01)
    assert r10["progress_share"] == pytest.approx(1.0) and r10["status"] == "on track"


def test_path_runs_from_baseline_to_target_with_milestones(dashboard):
    p = dashboard.path[dashboard.path["id"] == "I02"]
    plan = p[p["kind"] == "plan"].set_index("year")["value"]
    assert plan[2024] == pytest.approx(45.2) and plan[2035] == pytest.approx(80)
    assert plan[2030] == pytest.approx(45.2 + 34.8 * 6 / 11)
    assert list(p.loc[p["kind"] == "milestone", "value"]) == [58.0, 64.0]
    assert p.loc[p["kind"] == "target", "value"].item() == 80
    assert dashboard.path[dashboard.path["id"] == "I05"].empty  # no baseline, no path


def test_constant_rate_path_halves_at_a_steady_percentage():
    mid = ind.planned_value(38, 19, 2024.5, 2035.5, 2030.0, "constant rate")
    assert mid == pytest.approx(38 * 0.5 ** 0.5)
    assert ind.planned_value(38, 19, 2024.5, 2035.5, 2030.0) == pytest.approx(28.5)
    geo = ind.trajectory(case.load("indicators"), case.load("monitoring"), method="constant rate")
    assert geo.method == "constant rate"
    assert geo.row("I19")["status"] == "on track"  # a fast-growing count judged on a constant rate
    assert "above zero" in geo.row("I13")["note"]  # baseline 0: the straight line is used
    with pytest.raises(MissionkitInputError, match="not a way to draw"):
        ind.trajectory(case.load("indicators"), method="wiggly")


def test_dashboard_summary_is_computed_from_the_data(dashboard):
    text = ind.dashboard_summary(dashboard)
    assert text.startswith("Of 19 indicators, 2 on track, 6 at risk and 9 off track; 2 have no reading")
    assert "Improving but far too slowly: I02" in text and "5.1 times its recent pace" in text
    assert ("On objective O2 (Clean air), I10 (input) is on or ahead of plan while the outputs I08, I09 are off track"
            in text)
    assert "No reading since the baseline: I14" in text


def test_paths_only_without_readings(framework):
    result = ind.trajectory(framework)
    assert set(result.status["status"]) == {"no data"}
    assert result.observed.empty and not result.path.empty


def test_observed_values_with_an_unknown_indicator_are_listed(framework, monitoring):
    extra = pd.concat([monitoring, pd.DataFrame([{"indicator_id": "I99", "period": "2025", "year": 2025,
                                                  "quarter": pd.NA, "value": 1.0}])], ignore_index=True)
    extra["quarter"] = extra["quarter"].astype("Int64")
    assert ind.trajectory(framework, extra).unmatched == ["I99"]


def test_gap_closed_on_real_examples():
    # UK Plan for Change (secondary readings): 18-week waits 58.8% (July 2024) -> 61.7% (Oct 2025), target 92%
    assert ind.gap_closed(58.8, 61.7, 92) == pytest.approx(0.087, abs=0.001)
    # early years: 67.7% -> 68.3%, target 75%
    assert ind.gap_closed(67.7, 68.3, 75) == pytest.approx(0.082, abs=0.001)
    with pytest.raises(MissionkitInputError):
        ind.gap_closed(1, 2, 1)


# --------------------------------------------------------------------------- reading files
HEADER = "id,name,level,unit,baseline,baseline_year,target,target_year,source"
GOOD = "I01,Commute,outcome,minutes,62,2024,50,2035,Survey"

# file name, content, expected row, expected column, fragment of the problem, fragment of the fix
BAD_FILES = [
    ("bad_level.csv", f"{HEADER}\n{GOOD}\nI02,PM2.5,outcom,ug,38,2024,19,2035,Network\n", 3, "level",
     "'outcom' is not one of the allowed values", "Did you mean 'outcome'?"),
    ("missing_target.csv", "id,name,level,unit,baseline,baseline_year,target_year,source\n"
                           "I01,Commute,outcome,minutes,62,2024,2035,Survey\n", 1, "target",
     "has no column 'target'", "Add a column named 'target'"),
    ("text_baseline.csv", f"{HEADER}\nI01,Commute,outcome,minutes,about 60,2024,50,2035,Survey\n", 2, "baseline",
     "'about 60' is not a number", "Type a plain number"),
    ("two_digit_year.csv", f"{HEADER}\nI01,Commute,outcome,minutes,62,24,50,2035,Survey\n", 2, "baseline_year",
     "24 is not a plausible year", "four digits"),
    ("letter_o_year.csv", f"{HEADER}\nI01,Commute,outcome,minutes,62,2024,50,2O35,Survey\n", 2, "target_year",
     "'2O35' is not a year", "four digits"),
    ("duplicate_id.csv", f"{HEADER}\n{GOOD}\ni01,PM,impact,ug,38,2024,19,2035,Net\n", 3, "id",
     "appears twice", "Give each row its own id"),
    ("negative_lag.csv", f"{HEADER},lag_years\n{GOOD},-1\n", 2, "lag_years", "-1 is negative", "positive number"),
    ("milestone_text.csv", f"{HEADER},milestone_2028\n{GOOD},tbc\n", 2, "milestone_2028", "'tbc' is not a number",
     "Type a plain number"),
    ("definition_text.csv", f"{HEADER},definition_revised\n{GOOD},last year\n", 2, "definition_revised",
     "'last year' is not a year", "four digits"),
    ("empty.csv", "", None, None, "The file is empty", "needs column names in row 1 (name, level, unit"),
    ("header_only.csv", f"{HEADER}\n", 1, None, "no rows of data below them", "Add at least one row"),
    ("letter.csv", "Dear colleague,\n\nPlease find our indicators attached. The targets are still to be agreed with "
                   "the ministry.\n\nBest regards,\nAna\n", None, None, "does not look like a table",
     "start from the template"),
    ("old.xls", "not really excel", None, None, "old Excel workbook (.xls)", "Save As"),
]
BAD_OBSERVED = [
    ("obs_duplicate.csv", "indicator_id,period,value\nI01,2025,61.9\nI01,2025,62\n", 3, "value",
     "two values for 2025 (rows 2 and 3)", "Keep one value per indicator and period"),
    ("obs_period.csv", "indicator_id,period,value\nI01,25-Q1,61.9\n", 2, "period",
     "'25-Q1' is not a period", "2025-Q1"),
    ("obs_no_year.csv", "indicator_id,year,value\nI01,,61.9\n", 2, "year",
     "neither a year nor a period", "Type the year"),
    ("obs_text.csv", "indicator_id,year,value\nI01,2025,sixty\n", 2, "value", "'sixty' is not a number",
     "Type a plain number"),
    ("obs_quarter.csv", "indicator_id,year,quarter,value\nI01,2025,5,61.9\n", 2, "quarter",
     "the quarter must be at most 4", "4 or less"),
    ("obs_no_id.csv", "year,value\n2025,61.9\n", 1, "indicator_id", "no column 'indicator_id'",
     "Add a column named 'indicator_id'"),
]


def _check_error(error: MissionkitInputError, name, row, column, problem, fix):
    assert error.file == name
    assert error.row == row
    assert error.column == column
    assert problem in error.problem, error.problem
    assert fix in error.fix, error.fix
    assert "something went wrong" not in error.message.lower()


@pytest.mark.parametrize("name, content, row, column, problem, fix", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_indicator_files_get_a_message_naming_file_row_column_and_fix(tmp_path, name, content, row, column,
                                                                         problem, fix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        ind.load_indicators(path)
    _check_error(info.value, name, row, column, problem, fix)
    with pytest.raises(MissionkitInputError) as again:  # the audit gives the same message
        ind.audit(path)
    assert again.value.message == info.value.message


@pytest.mark.parametrize("name, content, row, column, problem, fix", BAD_OBSERVED, ids=[b[0] for b in BAD_OBSERVED])
def test_bad_monitoring_files_get_a_message_naming_file_row_column_and_fix(tmp_path, name, content, row, column,
                                                                          problem, fix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        ind.load_observed(path)
    _check_error(info.value, name, row, column, problem, fix)


def test_bad_xlsx_names_sheet_row_and_column(tmp_path):
    path = tmp_path / "indicators.xlsx"
    df = pd.DataFrame([["I01", "Commute", "outcome", "minutes", 62, 2024, 50, 2035, "Survey"],
                       ["I02", "PM2.5", "impact", "µg/m³", "n.a. yet", 2024, 19, 2035, "Network"]],
                      columns=HEADER.split(","))
    df.to_excel(path, index=False, sheet_name="Framework")
    with pytest.raises(MissionkitInputError) as info:
        ind.load_indicators(path)
    e = info.value
    assert (e.file, e.row, e.column) == ("indicators.xlsx", 3, "baseline")
    assert "'n.a. yet' is not a number" in e.problem and "Type a plain number" in e.fix


def test_good_files_in_other_shapes_load(tmp_path):
    french = tmp_path / "fr.csv"
    french.write_text(HEADER.replace(",", ";") + "\nI01;Commute;Outcome;minutes;62,5;2024;50;2035;Survey\n",
                      encoding="utf-8")
    df = ind.load_indicators(french)
    assert df["baseline"].iloc[0] == 62.5 and df["level"].iloc[0] == "outcome"
    one_target = tmp_path / "target_2035.csv"
    one_target.write_text("Indicator,Level,Unit,Baseline,Baseline year,Milestone 2030,Target 2035,Source\n"
                          "Commute,outcome,minutes,62,2024,56,50,Survey\n", encoding="utf-8")
    df = ind.load_indicators(one_target)
    assert df["target"].iloc[0] == 50 and df["target_year"].iloc[0] == 2035
    assert df.attrs["milestones"] == {"milestone_2030": 2030} and df["milestone_2030"].iloc[0] == 56
    assert ind.audit(df)["milestone"].iloc[0] == "ok"
    obs = tmp_path / "obs.csv"
    obs.write_text("id;period;value\nI02;2025;45,7\nI08;2026-Q3;171\n", encoding="utf-8")
    o = ind.load_observed(obs)
    assert list(o["period"]) == ["2025", "2026-Q3"] and list(o["quarter"].astype(object)) == [pd.NA, 3]
    assert o["value"].tolist() == [45.7, 171.0]


def test_template_is_what_the_function_writes_and_loads_clean(tmp_path):
    written = ind.write_indicator_template(tmp_path)
    shipped = ind.TEMPLATE_FOLDER / "indicator-template.csv"
    assert written[0].read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    for path in (shipped, ind.TEMPLATE_FOLDER / "indicator-template.xlsx"):
        df = ind.load_indicators(path)
        assert len(df) == 3 and set(df["level"]) == {"output", "outcome", "impact"}
        assert (ind.audit(df)["flag_count"] == 0).all()
    fresh = pd.read_excel(written[1], sheet_name=None)
    shipped_x = pd.read_excel(ind.TEMPLATE_FOLDER / "indicator-template.xlsx", sheet_name=None)
    assert list(fresh) == list(shipped_x) == ["Indicators", "How to fill it in"]
    for sheet in fresh:
        pd.testing.assert_frame_equal(fresh[sheet], shipped_x[sheet])
    assert "fictional" in shipped.read_text(encoding="utf-8").lower()


# --------------------------------------------------------------------------- random tables
COLUMNS = ["name", "level", "unit", "baseline", "baseline_year", "target", "target_year", "source"]
OPTIONAL = ["id", "data_owner", "frequency", "lag_years", "definition_revised", "milestone_2030"]
cells = st.one_of(
    st.none(), st.just(np.nan), st.just(""), st.just("  "), st.just("n/a"),
    st.text(max_size=12), st.integers(-10_000, 10_000), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["outcome", "Impact", "output", "2024", "2035", "2O35", "62,5", "1 234,5", "-1", "annual",
                     "every 3 years", "Kilometres of road built", "%", "<script>x</script>"]),
    st.integers(1900, 2200),
)


@st.composite
def tables(draw):
    n = draw(st.integers(1, 5))
    cols = COLUMNS + draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=4))
    return pd.DataFrame({c: [draw(cells) for _ in range(n)] for c in cols})


@settings(max_examples=120)
@given(tables())
def test_audit_never_raises_anything_but_a_plain_message(table):
    try:
        result = ind.audit(table)
    except MissionkitInputError as error:
        assert error.fix and "something went wrong" not in error.message.lower()
        return
    assert 1 <= len(result) <= len(table)
    for check in ind.CHECKS:
        assert set(result[check.key]) <= set(ind.RESULTS)
    assert result["notes"].map(lambda s: isinstance(s, str) and len(s) > 0).all()


@settings(max_examples=60)
@given(tables(), st.lists(st.tuples(st.sampled_from(["I01", "X", "row 2"]), st.sampled_from(
    ["2024", "2025", "2025-Q2", "bad", None]), st.one_of(st.none(), st.floats(-1e6, 1e6), st.just("x"))),
    min_size=1, max_size=6))
def test_trajectory_never_raises_anything_but_a_plain_message(table, readings):
    table = table.copy()
    observed = pd.DataFrame(readings, columns=["indicator_id", "period", "value"])
    try:
        result = ind.trajectory(table, observed)
    except MissionkitInputError:
        return
    assert set(result.status["status"]) <= set(ind.STATUSES)
    ind.dashboard_summary(result)


# --------------------------------------------------------------------------- exercise checks
def _status(fb: Feedback) -> str:
    assert isinstance(fb, Feedback)
    return fb.status


SOLUTION_DRAFTS = [
    {"name": "Safe crossings completed at the 200 most dangerous junctions in the three cities", "level": "output",
     "unit": "% of the 200 junctions", "baseline": 0, "baseline_year": 2024, "milestone_year": 2028,
     "milestone": 40, "target": 100, "target_year": 2032, "data_owner": "Ministry of Transport",
     "frequency": "quarterly", "lag_years": 0.25, "source": "Works register"},
    {"name": "Share of trips to work or school in the three cities made by public transport, bike or on foot",
     "level": "outcome", "unit": "% of trips", "baseline": 38, "baseline_year": 2024, "milestone_year": 2030,
     "milestone": 45, "target": 55, "target_year": 2035, "data_owner": "Marenta Statistics Office",
     "frequency": "annual", "lag_years": 1, "source": "National Household Travel Survey"},
    {"name": "Children's hospital admissions for asthma in the three cities", "level": "impact",
     "unit": "admissions per 100,000 children", "baseline": 410, "baseline_year": 2024, "milestone_year": 2030,
     "milestone": 360, "target": 300, "target_year": 2035, "data_owner": "Ministry of Health",
     "frequency": "annual", "lag_years": 1, "source": "Hospital admission records"},
]


def test_check_flagged():
    assert _status(ind.check_flagged(...)) == "not answered"
    assert _status(ind.check_flagged(["I04", "I05", "I07", "I14"])) == "good"
    assert _status(ind.check_flagged("i4, I05, 7, I14")) == "good"
    fb = ind.check_flagged(["I04", "I05", "I07", "I01"])
    assert fb.status == "revise" and "a lag equal to the review cycle is not too long" in fb.text()
    assert "You missed I14" in fb.text()
    assert _status(ind.check_flagged(["I04"])) == "partly"


def test_check_fixes():
    blank = {"I04": ..., "I05": ..., "I07": ..., "I14": ...}
    assert _status(ind.check_fixes(blank)) == "not answered"
    right = {"I04": "relabel", "I05": "baseline", "I07": "restate", "I14": "proxy"}
    assert _status(ind.check_fixes(right)) == "good"
    fb = ind.check_fixes({**right, "I07": "drop"})
    assert fb.status == "revise" and "The problem is the break in the series" in fb.text()
    fb = ind.check_fixes({**right, "I14": "drop"})
    assert "slow, not useless" in fb.text()
    assert _status(ind.check_fixes({**right, "I05": ...})) == "partly"
    assert "not one of the choices" in ind.check_fixes({**right, "I04": "paint it"}).text()


def test_check_drafts():
    blank = [{k: ... for k in SOLUTION_DRAFTS[0]} for _ in range(3)]
    assert _status(ind.check_drafts(blank)) == "not answered"
    fb = ind.check_drafts(SOLUTION_DRAFTS, case.MISSION_STATEMENT)
    assert fb.status == "good", fb.text()
    wrong = [SOLUTION_DRAFTS[0], {**SOLUTION_DRAFTS[1], "name": "Number of pilots launched", "level": "outcome"},
             SOLUTION_DRAFTS[2]]
    fb = ind.check_drafts(wrong, case.MISSION_STATEMENT)
    assert fb.status == "revise" and "An output posing as an outcome" in fb.text()
    same_level = [{**d, "level": "output"} for d in SOLUTION_DRAFTS]
    assert "different levels" in ind.check_drafts(same_level).text()
    bad_number = [{**SOLUTION_DRAFTS[0], "baseline": "about ten"}]
    fb = ind.check_drafts(bad_number)
    assert fb.status == "revise" and "'about ten' is not a number" in fb.text()
    late = [{**SOLUTION_DRAFTS[2], "target_year": 2040}]
    assert "after the mission's deadline (2035)" in ind.check_drafts(late).text()
    assert "after the mission's deadline" not in ind.check_drafts(late, deadline=2045).text()


def test_check_status_reading(dashboard):
    assert _status(ind.check_status_reading({"I02": ..., "I10": ..., "I14": ...}, dashboard)) == "not answered"
    right = {"I02": "off track", "I10": "on track", "I14": "no data"}
    assert _status(ind.check_status_reading(right, dashboard)) == "good"
    fb = ind.check_status_reading({**right, "I14": "on track"}, dashboard)
    assert fb.status == "revise" and "No reading since the baseline is not good news" in fb.text()
    fb = ind.check_status_reading({**right, "I02": "on track"}, dashboard)
    assert "whether it improves fast enough" in fb.text()
    assert "not a status" in ind.check_status_reading({"I02": "fine"}, dashboard).text()


SOLUTION_RECOMMENDATION = (
    "I02 (residents who can reach work, school and health care within 45 minutes) is off track: 45.7% in 2025 "
    "against 48.4% on the plan, and it needs 3.4 points a year from now, five times its recent pace. Redirect money "
    "from bus-lane construction to frequent feeder routes and minibus route contracts, and scale what works. "
    "Before the next review, commission a contribution analysis to learn why access moves so slowly and which "
    "projects help.")


def test_check_recommendation(dashboard):
    assert _status(ind.check_recommendation(..., dashboard)) == "not answered"
    assert _status(ind.check_recommendation(SOLUTION_RECOMMENDATION, dashboard)) == "good"
    fb = ind.check_recommendation("Spending on clean buses (I10) is on track, so the mission should continue as "
                                  "planned.", dashboard)
    assert fb.status == "revise" and "Spending is an input" in fb.text()
    fb = ind.check_recommendation("Things look mixed; we should talk more.", dashboard)
    assert fb.status == "revise" and "Name the indicator" in fb.text()
    partly = ind.check_recommendation("I02 is off track at 16% of the planned progress; scale the bus reform.",
                                      dashboard)
    assert partly.status == "partly" and "what you want to find out" in partly.text()


def test_theory_of_change():
    assert _status(ind.check_theory_of_change({})) == "not answered"
    assert _status(ind.check_theory_of_change(ind.MARENTA_THEORY_OF_CHANGE)) == "good"
    toc = ind.parse_theory_of_change({"Inputs": "Budget\n- Team", "outcome": ["Bus lanes built"],
                                      "impacts": "Cleaner air"})
    assert toc.inputs == ["Budget", "Team"] and toc.outcomes == ["Bus lanes built"]
    fb = ind.check_theory_of_change(toc)
    assert fb.status == "revise" and "that is an output" in fb.text()
    with pytest.raises(MissionkitInputError, match="not a level"):
        ind.parse_theory_of_change({"wishes": "x"})
    with pytest.raises(MissionkitInputError, match="at most 8"):
        ind.parse_theory_of_change({"inputs": "\n".join(str(i) for i in range(9))})


# --------------------------------------------------------------------------- charts and forms
@pytest.fixture(scope="module")
def charts_module():
    from missionkit.monitoring import charts as charts_indicators

    return charts_indicators


def test_charts_have_titles_descriptions_and_computed_takeaways(charts_module, dashboard, audited):
    fig = charts_module.audit_chart(audited)
    assert fig.takeaway.startswith("4 of the 19 indicators fail at least one check: I04")
    spec = fig.spec()
    assert spec["title"]["text"] and spec["description"]
    fig = charts_module.status_chart(dashboard)
    assert "2 on track, 6 at risk and 9 off track" in fig.takeaway and "I02" in fig.takeaway
    fig = charts_module.trajectory_chart(dashboard, "I02")
    assert fig.takeaway.startswith("I02 is off track")
    fig = charts_module.dashboard(dashboard)
    spec = fig.spec()
    assert spec["params"][0]["name"] == "indicator" and spec["params"][0]["value"] == "I02"
    assert spec["params"][0]["bind"]["input"] == "select"
    assert "I02 improves but needs 5.1 times" in fig.takeaway
    from missionkit.charts import ChartError

    with pytest.raises(ChartError):
        charts_module.dashboard(dashboard, "I99")
    toc = charts_module.theory_of_change_chart(ind.MARENTA_THEORY_OF_CHANGE)
    assert toc.takeaway.startswith("14 items across all 5 levels")
    half = charts_module.theory_of_change_chart({"inputs": ["Budget"], "impacts": ["Clean air"]})
    assert "still empty: activities, outputs and outcomes" in half.takeaway


def test_participant_text_is_escaped_in_charts(charts_module):
    from missionkit import charts

    fig = charts_module.theory_of_change_chart({"inputs": ["<script>alert(1)</script>"], "impacts": ["x & y"]})
    svg = charts.mimebundle(fig.spec())["image/svg+xml"]
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<script>" not in fig.to_html()


@pytest.fixture()
def workbook(tmp_path, monkeypatch):
    import shutil

    path = tmp_path / "workbook.json"
    shutil.copy(Path(__file__).parent / "fixtures" / "workbook.json", path)
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    from missionkit.workbook import Workbook

    return Workbook.open()


EVIL = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def test_theory_of_change_form_saves_draws_and_escapes(workbook):
    from missionkit.monitoring import forms as wi

    form = wi.theory_of_change_form(start=ind.MARENTA_THEORY_OF_CHANGE)
    bundle = form._repr_mimebundle_()
    assert "Your mission statement" in bundle["text/html"] and "<svg" in bundle["text/html"]
    boxes = [c for c in form.children if c.__class__.__name__ == "Textarea"]
    assert len(boxes) == 6
    boxes[0].value = EVIL + "\nMission budget"
    saved = workbook.get("indicators", "theory_of_change")
    assert saved["inputs"] == [EVIL, "Mission budget"]
    html_out = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in html_out and "<img" not in html_out and "&lt;script&gt;" in html_out
    reopened = wi.theory_of_change_form()
    assert [c for c in reopened.children if c.__class__.__name__ == "Textarea"][0].value.startswith("<script>")


def test_indicator_form_audits_as_you_type_saves_and_escapes(workbook):
    from missionkit.monitoring import forms as wi

    form = wi.indicator_form()
    texts = {c.description: c for c in form.children if hasattr(c, "description") and c.description}
    texts["Name"].value = EVIL + " Number of pilots launched"
    texts["Level"].value = "outcome"
    result = form.children[-2].value
    assert "<script>" not in result and "<img" not in result and "&lt;script&gt;" in result
    assert "An output posing as an outcome" in result
    texts["Baseline"].value = "about ten"
    assert "&#x27;about ten&#x27; is not a number" in form.children[-2].value
    saved = workbook.get("indicators", "draft_indicators")
    assert saved[0]["name"].startswith("<script>") and saved[0]["baseline"] == "about ten" and len(saved) == 3
    form.children[1].value = 1  # switch to indicator 2: the fields empty, nothing lost
    assert texts["Name"].value == "" and workbook.get("indicators", "draft_indicators")[0]["level"] == "outcome"
    fallback = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in fallback and "Indicator 1" in fallback


def test_summary_is_markdown_and_escaped(dashboard):
    from missionkit.monitoring import forms as wi

    md = wi.summary(dashboard)._repr_markdown_()
    assert md.startswith("Of 19 indicators")
    assert "<b>" not in wi._Markdown("<b>")._repr_markdown_()


@pytest.mark.parametrize("choice, reason, status, phrase", [
    (..., None, "not answered", "Not answered yet"),
    ("I07", ..., "partly", "Now say why"),
    ("I07", "Its definition changed in 2025, so the trend compares two different things and the review would "
            "read the break as progress.", "discuss", "names I07's own problem"),
    ("I14", "The data arrive two years late, so the board decides on O4 without seeing it at the review.",
     "discuss", "You tie it to what the review will decide"),
    ("I05", "It matters most.", "partly", "does not say what is wrong with I05"),
    ("I04", "Kilometres built are an output, not an outcome, and that is a real weakness here.", "partly",
     "Say what the problem does to the next review"),
    ("I02", "Anything.", "revise", "I02 is not one of the four problem indicators"),
    ("I99", "", "revise", "not an indicator of the Marenta framework"),
    (["I04", "I05"], "", "revise", "Give one indicator id"),
    ("i14", "Late data: two years of lag means the 2026-Q4 review cannot see fair access at all.", "discuss",
     "defensible first choice"),
])
def test_check_fix_first_has_no_single_answer_but_judges_the_reason(choice, reason, status, phrase):
    fb = ind.check_fix_first(choice, reason)
    assert fb.status == status and phrase in fb.text(), fb.text()
    if status == "discuss":
        assert "No single right answer" in fb.text() and "The others:" in fb.text()


# --------------------------------------------------------------------------- misreadings a reviewer found
RIGHT_FIXES = {"I04": "relabel", "I05": "baseline", "I07": "restate", "I14": "proxy"}
# each trap's problem in plain words, as the feedback must say it
TRAP_PLAIN = {"I04": "counts what the mission builds", "I05": "has nothing to compare with",
              "I07": "measured one way before 2025 and another way since",
              "I14": "arrive two years after the period, too late for the annual review"}
# what each wrong choice would (or would not) do
FIX_EFFECT = {"relabel": ("level", "label"), "baseline": ("starting value", "first reading"),
              "restate": ("Restating",), "proxy": ("faster proxy",), "drop": ("Dropping it", "dropping it"),
              "keep": ("Kept as it is",)}
# the right choice's own word, which the explanation must not give away
GIVE_AWAY = {"I04": "relabel", "I05": "baseline", "I07": "restat", "I14": "proxy"}
WRONG_FIXES = [(i, c) for i in RIGHT_FIXES for c in ind.FIXES if c != RIGHT_FIXES[i]]


@pytest.mark.parametrize("ident, choice", WRONG_FIXES, ids=[f"{i}-{c}" for i, c in WRONG_FIXES])
def test_every_wrong_fix_says_the_problem_and_what_the_fix_does_without_giving_the_answer(ident, choice):
    fb = ind.check_fixes({**RIGHT_FIXES, ident: choice})
    assert fb.status == "revise"
    (line,) = fb.improve
    assert line.startswith(f"{ident}, \u201c{choice}\u201d: ") and TRAP_PLAIN[ident] in line, line
    assert any(w in line for w in FIX_EFFECT[choice]), line
    assert GIVE_AWAY[ident] not in line.lower(), line
    assert "Think again" not in line


def test_the_i07_definition_in_the_feedback_is_the_case_data(framework):
    row = framework[framework["id"] == "I07"].iloc[0]
    assert int(row["definition_revised"]) == 2025 and int(row["baseline_year"]) == 2024
    assert "Euro IV or better" in row["notes"] and "zero-emission or Euro VI" in row["notes"]
    text = ind.progress_misread("I07", "I07 rose to 8.1%.")
    assert "Euro IV or better" in text and "zero-emission or Euro VI" in text and "changed in 2025" in text


MISREAD_I07 = "is the change of definition, not progress"


@pytest.mark.parametrize("text, status, phrase, absent", [
    # the reviewer's case: I07's break read as progress
    ("I07 rose from 2.0% in 2024 to 8.1% in 2025, the fastest gain of any indicator. Scale the fleet, and evaluate "
     "why it works.", "revise", MISREAD_I07, "You name an off-track indicator: I07"),
    ("I02 is off track at 45.7% against 48.4%. I07 improved from 2.0% to 8.1%, so buy more buses; study why.",
     "revise", "On the new definition alone, I07 is off track", "Well done"),
    # the break is mentioned, or I07 is read as off track: no misreading
    ("I07 is off track: 8.1% in 2025 on the new definition against 12.3% planned. Accelerate zero-emission bus "
     "purchases and evaluate why.", "good", "You name an off-track indicator: I07", MISREAD_I07),
    ("I07 rose to 8.1% in 2025, but the definition changed, so the 2024 value must be restated before anyone calls "
     "it progress. Fund the restatement and evaluate why the fleet moves slowly.", "good", "You propose a change",
     MISREAD_I07),
    # "change nothing", "no change": not a change to the portfolio
    ("I02 is off track at 45.7% against 48.4% planned; change nothing in the portfolio until 2028, but ask why "
     "access moves slowly.", "partly", "Say what the portfolio should do", "You propose a change"),
    ("I02 is off track at 45.7% against 48.4%. No change to the portfolio: keep everything as it is, and evaluate "
     "why.", "partly", "Say what the portfolio should do", "You propose a change"),
    ("I02 is off track at 45.7% against 48.4%. We should not stop or pause anything; learn why first.", "partly",
     "Say what the portfolio should do", "You propose a change"),
    # more money for an output (I04, kilometres of bus lane)
    ("I02 is off track at 45.7% against 48.4% planned. Double the budget for bus lane construction (I04), and "
     "evaluate why access lags.", "partly", "Funding more output does not fix an outcome that is off track",
     "You propose a change"),
    ("I02 is off track at 45.7% against 48.4% planned. Scale up I04 and ask why access lags.", "partly",
     "I01 and I02 (objective O1) are off track", "Well done"),
    # money moved away from bus lanes is a change, not more output
    ("I02 is off track: 45.7% in 2025 against 48.4% on the plan. Redirect money from bus-lane construction to "
     "feeder routes, and study why.", "good", "You propose a change to the portfolio", "Funding more output"),
    ("I02 is off track: 45.7% in 2025 against 48.4%. Increase feeder routes with money taken from bus lanes, and "
     "study why.", "good", "You propose a change to the portfolio", "Funding more output"),
])
def test_check_recommendation_names_misreadings(dashboard, text, status, phrase, absent):
    fb = ind.check_recommendation(text, dashboard)
    assert fb.status == status and phrase in fb.text() and absent not in fb.text(), fb.text()


def test_check_recommendation_rules_work_without_a_dashboard():
    fb = ind.check_recommendation("I07 rose from 2.0% in 2024 to 8.1% in 2025, the fastest gain. Scale the fleet "
                                  "and evaluate why.")
    assert fb.status == "revise" and MISREAD_I07 in fb.text()
    fb = ind.check_recommendation("I02 is off track at 45.7%. Double the budget for bus lane construction (I04), "
                                  "and evaluate why.")
    assert "Funding more output does not fix" in fb.text() and "such as I02" in fb.text()
    assert ind.check_recommendation(SOLUTION_RECOMMENDATION).status == "good"


@pytest.mark.parametrize("choice, reason, status, phrase", [
    # the reviewer's case: the new definition read as a cleaner fleet
    ("I07", "The new definition shows the fleet got much cleaner since 2024, so the board can fund more buses",
     "revise", MISREAD_I07),
    ("I07", "I07 rose from 6.5% to 8.1%, a real gain, so the review can fund more buses.", "revise", MISREAD_I07),
    # the same rule for the other three problems
    ("I04", "I04 rose fast, so the board sees the mission working and can fund more of it at the review.", "revise",
     "Reading it as progress on an outcome is the trap itself"),
    ("I05", "I05 improved since the register opened, so the review should fund more route contracts.", "revise",
     "no progress can be shown yet"),
    ("I14", "I14 fell to 14%, so fair access is fine and the review can move on to other things.", "revise",
     "no progress can be claimed from it yet"),
    # the problem is understood: no misreading
    ("I04", "I04 is an output posing as an outcome: its rise makes the dashboard look better and would mislead the "
            "review.", "discuss", "names I04's own problem"),
    ("I05", "Without a baseline no progress can be shown, so the review cannot judge the minibus reform.", "discuss",
     "names I05's own problem"),
])
def test_check_fix_first_names_a_progress_misreading(choice, reason, status, phrase):
    fb = ind.check_fix_first(choice, reason)
    assert fb.status == status and phrase in fb.text(), fb.text()
    if status == "revise":
        assert "names its own problem" not in fb.text() and f"names {choice}'s own problem" not in fb.text()


DRAFT = {"name": "Annual mean PM2.5 concentration in the three cities", "level": "impact", "unit": "µg/m³",
         "baseline": 38, "baseline_year": 2024, "milestone_year": 2030, "milestone": 28, "target": 19,
         "target_year": 2035, "data_owner": "Ministry of Environment", "frequency": "annual", "lag_years": 0.25,
         "source": "Air quality monitoring network"}


@pytest.mark.parametrize("changes, status, phrase, absent", [
    ({}, "good", "passes every check", "check the direction"),
    ({"milestone": 50, "target": 60}, "revise", "check the direction: the target (60 µg/m³) is higher than the "
                                                "baseline (38 µg/m³)", "passes every check"),
    ({"target": 38, "milestone": 38}, "partly", "the target (38 µg/m³) equals the baseline", "passes every check"),
    ({"name": "Road deaths per 100,000 people", "unit": "deaths per 100,000", "baseline": 14, "target": 20},
     "revise", "\u201cdeaths\u201d, which the mission wants lower", "passes every check"),
    ({"name": "Average commute time in the three cities", "unit": "minutes", "baseline": 52, "target": 60},
     "revise", "The course's rule", "passes every check"),
    ({"name": "Average waiting time at bus stops", "unit": "minutes", "baseline": 12, "target": 15}, "revise",
     "check the direction", "passes every check"),
    # names that already say the change, or where higher is better
    ({"name": "Road deaths avoided since 2024", "unit": "deaths", "baseline": 0, "target": 300}, "good",
     "passes every check", "check the direction"),
    ({"name": "Zero-emission buses in service", "level": "output", "unit": "buses", "baseline": 40,
      "target": 1200}, "partly", "passes every check", "check the direction"),  # partly: two outputs
    ({"name": "Share of residents within 45 minutes of work by public transport", "unit": "%", "baseline": 41,
      "target": 60}, "good", "passes every check", "check the direction"),
])
def test_check_drafts_checks_the_direction(changes, status, phrase, absent):
    others = [SOLUTION_DRAFTS[0], SOLUTION_DRAFTS[1]]
    fb = ind.check_drafts([*others, {**DRAFT, **changes}])
    start = "\u201c" + ind.shorten({**DRAFT, **changes}["name"], 50)
    mine = [s for s in fb.strengths + fb.improve if s.startswith(start)]
    assert fb.status == status and any(phrase in s for s in mine) and not any(absent in s for s in mine), fb.text()


@pytest.mark.parametrize("name, word", [
    ("Annual mean PM2.5 concentration", "PM2.5"), ("Air pollution days per year", "pollution"),
    ("CO2 emissions from urban transport", "CO2"), ("Transport emissions per resident", "emissions"),
    ("Pedestrians injured on city roads", "injured"),
    ("Average commute time", "commute time"), ("Zero-emission buses in service", None),
    ("Reduction in road deaths (%)", None), ("Share of trips to work by bus", None), ("", None),
])
def test_lower_is_better_rule(name, word):
    assert ind.lower_is_better(name) == word


def test_a_broken_real_progress_entry_is_a_plain_error_naming_the_file(tmp_path):
    assert ind.load_real_progress(ind.REAL_PROGRESS_FILE) == ind.REAL_PROGRESS
    assert [row[0][:8] for row in ind.REAL_PROGRESS] == ["Patients", "Five-yea"]
    good = ind.REAL_PROGRESS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "monitoring-real-progress.yml"
    bad.write_text(good.replace("  baseline: 58.8\n", "  baseline: fifty\n", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        ind.load_real_progress(bad)
    assert type(info.value) is MissionkitInputError
    assert "monitoring-real-progress.yml" in str(info.value) and "Entry 1" in str(info.value)
    bad.write_text(good.replace("  status:", "  verdict:", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="monitoring-real-progress.yml"):
        ind.load_real_progress(bad)
    bad.write_text("- indicator: [unclosed\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="monitoring-real-progress.yml"):
        ind.load_real_progress(bad)
