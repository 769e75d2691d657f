"""Module 11: readiness scorecard and donor landscape find the case's planted findings.

Case findings asserted (Marenta D6 readiness scorecard and D7 donor map, FICTIONAL):
* medians R1=3, R2=2, R3=1, R4=1, R5=1, R6=2, R7=2, R8=1: the weakest dimensions are
  R3, R4, R5 and R8 (median 1); R3 at 1 is the stop-and-fix signal;
* the assessors' spread is 2 on R2 (4, 2, 2) and 3 on R6 (2, 0, 3), the largest;
* no funder covers O4 Fair access;
* five technical-assistance grants overlap on O2 Clean air (MRC 20.8m in all, median 3.8m,
  three of them in no co-ordination forum);
* the two development banks hold 93.6% (about 94%) of the MRC 4,307.8m committed;
* seven of ten funders are off budget; four sit in no forum.
"""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case, readiness
from missionkit.charts import ChartError, Figure
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback
from missionkit.readiness import charts as charts_readiness
from missionkit.text import cite_full


@pytest.fixture(scope="module")
def scores() -> pd.DataFrame:
    return case.load("readiness")


@pytest.fixture(scope="module")
def donors() -> pd.DataFrame:
    return case.load("donors")


# --------------------------------------------------------------------------- the scorecard
def test_scorecard_has_eight_dimensions_with_anchors_and_sources():
    assert readiness.DIMENSION_CODES == ("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8")
    for d in readiness.DIMENSIONS:
        assert set(d.anchors) == {0, 2, 4} and d.question and d.evidence and d.sources
        for key in d.sources:
            assert cite_full(key) != key, f"{d.code}: unknown reference {key}"
    table = readiness.scorecard_table()
    assert len(table) == 8 and "anchors (0 / 2 / 4)" in table.columns


# --------------------------------------------------------------------------- the case's profile
def test_medians_and_weakest_dimensions(scores):
    p = readiness.readiness_profile(scores)
    assert p.medians == {"R1": 3, "R2": 2, "R3": 1, "R4": 1, "R5": 1, "R6": 2, "R7": 2, "R8": 1}
    assert p.weakest == ["R3", "R4", "R5", "R8"]
    assert readiness.weakest_dimensions(scores) == ["R3", "R4", "R5", "R8"]
    assert p.assessors == ["Mission team analyst", "External reviewer (university)", "City mission unit lead"]


def test_assessor_spread(scores):
    p = readiness.readiness_profile(scores)
    assert p.spreads["R2"] == 2 and p.table.loc["R2", "scores"] == "4, 2, 2"
    assert p.spreads["R6"] == 3 and p.table.loc["R6", "scores"] == "2, 0, 3"
    assert p.largest_spread == ["R6"]
    assert p.disagreements == ["R2", "R6"]
    assert all(p.spreads[c] == 1 for c in ("R1", "R3", "R4", "R5", "R7", "R8"))


def test_stop_and_fix_signal_on_r3(scores):
    p = readiness.readiness_profile(scores)
    assert p.stop_and_fix == ["R3"] and p.stop
    assert readiness.stop_and_fix(scores) == ["R3"]
    assert "Stop and fix" in p.verdict() and "R3" in p.verdict()
    assert p.table.loc["R3", "signal"] == "stop and fix; weakest"
    assert p.table.loc["R2", "signal"] == "assessors disagree"


def test_takeaway_is_computed(scores):
    t = readiness.readiness_profile(scores).takeaway()
    assert t.startswith("R3, R4, R5 and R8 are weakest (median 1)")
    assert "R3 at 1 is a stop-and-fix signal" in t and "R6 (spread 3: scores 2, 0, 3)" in t


def test_leaving_out_one_assessor_moves_the_result(scores):
    p = readiness.readiness_profile(scores, leave_out="City mission unit lead")
    assert p.assessors == ["Mission team analyst", "External reviewer (university)"]
    assert p.medians["R2"] == 3.0 and p.medians["R3"] == 1.0
    assert p.stop_and_fix == ["R3"]
    cmp = readiness.compare_without(scores, "City mission unit lead")
    without = cmp["median without City mission unit lead"]
    assert list(without) == [3.0, 3.0, 1.0, 1.5, 1.0, 1.0, 2.0, 1.0]
    assert cmp.loc["R6 Public-sector dynamic capabilities", "signal without City mission unit lead"] == \
        "weakest; assessors disagree"
    with pytest.raises(MissionkitInputError, match="no assessor called 'Nobody'"):
        readiness.readiness_profile(scores, leave_out="Nobody")


def test_profile_from_a_dict_and_unscored_dimensions():
    p = readiness.readiness_profile({"Ana": {"R1": 4, "R2": {"score": 1, "evidence": "Only a speech"}, "R3": None}})
    assert p.medians == {"R1": 4.0, "R2": 1.0}
    assert p.stop_and_fix == ["R2"]
    assert p.unscored == ["R3", "R4", "R5", "R6", "R7", "R8"]
    assert p.missing_evidence == [("R1", "Ana")]
    assert p.disagreements == []  # one assessor cannot disagree with herself
    empty = readiness.readiness_profile({})
    assert empty.assessors == [] and empty.weakest == [] and "No scores yet" in empty.verdict()


def test_scores_from_workbook_reads_teammates():
    section = {"scores": {"R1": {"score": 3, "evidence": "x"}},
               "teammate:Ana": {"scores": {"R1": {"score": 1, "evidence": "y"}}},
               "teammate:Bo": {"other": 1}}
    by = readiness.scores_from_workbook(section, me="Me")
    assert list(by) == ["Me", "Ana"]
    p = readiness.readiness_profile(by)
    assert p.medians["R1"] == 2.0 and p.spreads["R1"] == 2
    assert readiness.scores_from_workbook(None) == {}


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(["Ana", "Bo", "Cy", "Di"]),
                       st.dictionaries(st.sampled_from(readiness.DIMENSION_CODES), st.integers(0, 4), min_size=1),
                       min_size=1))
def test_profile_properties(by_assessor):
    p = readiness.readiness_profile(by_assessor)
    t = p.table
    for code, r in t.iterrows():
        if r["assessors"] == 0:
            assert code in p.unscored
            continue
        got = [s[code] for s in by_assessor.values() if code in s]
        assert r["lowest"] <= r["median"] <= r["highest"]
        assert r["spread"] == max(got) - min(got)
        assert math.isclose(r["median"], pd.Series(got).median())
    for code in ("R2", "R3"):
        low = code in p.medians and p.medians[code] <= 1
        assert (code in p.stop_and_fix) == low
    if p.medians:
        assert all(p.medians[c] == min(p.medians.values()) for c in p.weakest)


# --------------------------------------------------------------------------- scores: bad inputs
SCORE_HEADER = "dimension,assessor,score,evidence\n"
SCORE_GOOD = "R1,Ana,3,Baselines exist\n"
# (file name, content, row, column, fragment of the problem, fragment of the fix)
BAD_SCORE_FILES = [
    ("score_five.csv", SCORE_HEADER + SCORE_GOOD + "R2,Ana,5,Strong\n", 3, "score", "5 is too large", "4 or less"),
    ("score_text.csv", SCORE_HEADER + SCORE_GOOD + "R2,Ana,high,Strong\n", 3, "score", "'high' is not a number",
     "plain number"),
    ("score_half.csv", SCORE_HEADER + SCORE_GOOD + "R2,Ana,2.5,Strong\n", 3, "score", "'2.5' is not a whole number",
     "whole number"),
    ("dimension_r9.csv", SCORE_HEADER + SCORE_GOOD + "R9,Ana,2,Strong\n", 3, "dimension",
     "'R9' is not one of the allowed values", "'R1'"),
    ("twice.csv", SCORE_HEADER + SCORE_GOOD + "R1,ana,2,Again\n", 3, "dimension", "scored R1 twice (rows 2 and 3)",
     "Keep one score per assessor and dimension"),
    ("no_score_column.csv", "dimension,assessor,evidence\nR1,Ana,x\n", 1, "score", "no column 'score'",
     "Add a column named 'score'"),
    ("blank_score.csv", SCORE_HEADER + SCORE_GOOD + "R2,Ana,,Strong\n", 3, "score", "is empty", "score"),
    ("empty.csv", "", None, None, "The file is empty", "column names in row 1"),
]


@pytest.mark.parametrize("name,content,row,column,fragment,fix", BAD_SCORE_FILES, ids=[b[0] for b in BAD_SCORE_FILES])
def test_bad_score_file_gives_a_plain_message(tmp_path, name, content, row, column, fragment, fix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MissionkitInputError) as err:
        readiness.read_scores(path)
    e = err.value
    assert e.file == name, e.message
    assert (e.row, e.column) == (row, column), e.message
    assert fragment in e.problem, e.problem
    assert fix in e.fix, e.fix
    assert "something went wrong" not in e.message.lower()


def test_good_score_files_load(tmp_path):
    french = ("sep=;\nDimension;Assessor;Score;Evidence\nr1;Ana;3;Problème défini\nR3;Ana;1;\n").encode("cp1252")
    (tmp_path / "fr.csv").write_bytes(french)
    df = readiness.read_scores(tmp_path / "fr.csv")
    assert list(df["dimension"]) == ["R1", "R3"] and list(df["score"]) == [3, 1]
    assert readiness.readiness_profile(df).stop_and_fix == ["R3"]
    case.load("readiness").to_excel(tmp_path / "case.xlsx", index=False)
    xl = readiness.read_scores(tmp_path / "case.xlsx")
    assert readiness.readiness_profile(xl).weakest == ["R3", "R4", "R5", "R8"]


BAD_SCORE_DICTS = [
    ({"Ana": {"R9": 2}}, "'R9' (in the scores of Ana) is not a readiness dimension", "R1 to R8"),
    ({"Ana": {"R1": 7}}, "scores run from 0 to 4", "whole number from 0"),
    ({"Ana": {"R1": "high"}}, "'high', not a whole number", "whole number from 0"),
    ({"Ana": {"R1": True}}, "True, not a number", "whole number"),
    ({"Ana": [3, 2]}, "should be a dict", '{"R1": 3'),
    ("R1=3", "a table or a dict per assessor", "read_scores"),
]


@pytest.mark.parametrize("value,fragment,fix", BAD_SCORE_DICTS, ids=[str(i) for i in range(len(BAD_SCORE_DICTS))])
def test_bad_score_dicts_give_plain_messages(value, fragment, fix):
    with pytest.raises(MissionkitInputError) as err:
        readiness.readiness_profile(value)
    assert fragment in err.value.problem and fix in err.value.fix


def test_score_text_with_anchor_is_read():
    assert readiness.scores_frame({"A": {"R1": "3: defined"}})["score"].tolist() == [3]
    assert readiness.scores_frame({"A": {"r 2": "2", "Problem clarity and mission fit": 4}})[
        "dimension"].tolist() == ["R2", "R1"]


# --------------------------------------------------------------------------- donors: the case's findings
def test_o4_is_unfunded(donors):
    assert readiness.donor_gaps(donors) == ["O4"]
    m = readiness.coverage_matrix(donors)
    assert len(m) == 5 * 4
    assert m[m["objective"] == "O4"]["funders"].sum() == 0


def test_overlapping_technical_assistance_on_o2(donors):
    ov = readiness.donor_overlaps(donors)
    assert len(ov) == 1
    r = ov.iloc[0]
    assert (r["objective"], r["instrument"], r["funders"]) == ("O2", "technical assistance", 5)
    assert math.isclose(r["total"], 20.8) and math.isclose(r["median_size"], 3.8)
    assert r["outside_forum"] == 3 and r["forums"] == "Clean Air Partners Group"
    assert r["names"].split(", ") == ["Clearsky Air Fund", "Harbourline Cooperation Agency",
                                      "UrbanMove Global Partnership", "Westmere Climate Partnership",
                                      "Tellis Foundation"]
    # two lenders co-financing the same objectives are not "several"
    assert len(readiness.donor_overlaps(donors, min_funders=2)) == 4


def test_two_lenders_hold_94_percent(donors):
    c = readiness.donor_concentration(donors)
    assert c.top == ("Meridian Infrastructure Bank", "Southbridge Development Bank")
    assert set(c.top_types) == {"development bank"} and set(c.top_instruments) == {"concessional loan"}
    assert math.isclose(c.total, 4307.8) and math.isclose(c.top_amount, 4030.0)
    assert math.isclose(c.top_share, 4030 / 4307.8) and round(c.top_share, 2) == 0.94
    assert "94%" in c.sentence() and "both development banks" in c.sentence()


def test_landscape_summary(donors):
    land = readiness.donor_landscape(donors)
    assert land.thin == ["O5"]
    assert len(land.off_budget) == 7
    assert land.no_forum == ["Altamira Climate Finance Facility", "Harbourline Cooperation Agency",
                             "Westmere Climate Partnership", "Tellis Foundation"]
    by = land.by_objective()
    assert by.loc["O4 Fair access", "funders"] == 0 and by.loc["O4 Fair access", "who"] == "nobody"
    assert by.loc["O2 Clean air", "funders"] == 8
    assert land.takeaway() == ("O4 Fair access has no funder at all; 5 funders give technical assistance to "
                               "O2 Clean air; the two largest funders hold 94% of the money.")
    cov = readiness.donor_coverage(donors)
    # split evenly: the money per objective adds back to the total
    assert math.isclose(cov["share"].sum(), 4307.8)


# --------------------------------------------------------------------------- donors: bad inputs
DONOR_HEADER = "funder,instrument,amount,objectives,start_year,end_year\n"
DONOR_GOOD = "Norvale,grant,95,O2;O3,2024,2029\n"
BAD_DONOR_FILES = [
    ("objective_o7.csv", DONOR_HEADER + DONOR_GOOD + "Tellis,grant,3,O7,2025,2026\n", 3, "objectives",
     "'O7' is not one of your objectives", "separated by semicolons"),
    ("objective_word.csv", DONOR_HEADER + DONOR_GOOD + "Tellis,grant,3,roads,2025,2026\n", 3, "objectives",
     "'roads' is not an objective code", "O1;O2"),
    ("instrument_loan.csv", DONOR_HEADER + DONOR_GOOD + "Meridian,loan,2450,O1,2025,2032\n", 3, "instrument",
     "'loan' is not one of the allowed values", "concessional loan"),
    ("negative_amount.csv", DONOR_HEADER + DONOR_GOOD + "Tellis,grant,-3,O2,2025,2026\n", 3, "amount",
     "-3 is negative", "0"),
    ("amount_words.csv", DONOR_HEADER + DONOR_GOOD + "Tellis,grant,about 3,O2,2025,2026\n", 3, "amount",
     "'about 3' is not a number", "plain number"),
    ("end_before_start.csv", DONOR_HEADER + DONOR_GOOD + "Tellis,grant,3,O2,2026,2020\n", 3, "end_year",
     "ends in 2020, before it starts (2026)", "same as start_year or later"),
    ("duplicate_funder.csv", DONOR_HEADER + DONOR_GOOD + "Norvale,grant,3,O2,2025,2026\n", 3, "funder",
     "appears twice", "funder"),
    ("no_instrument.csv", "funder,amount,objectives\nNorvale,95,O2\n", 1, "instrument", "no column 'instrument'",
     "Add a column named 'instrument'"),
]


@pytest.mark.parametrize("name,content,row,column,fragment,fix", BAD_DONOR_FILES, ids=[b[0] for b in BAD_DONOR_FILES])
def test_bad_donor_file_gives_a_plain_message(tmp_path, name, content, row, column, fragment, fix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MissionkitInputError) as err:
        readiness.read_donors(path)
    e = err.value
    assert e.file == name, e.message
    assert (e.row, e.column) == (row, column), e.message
    assert fragment in e.problem, e.problem
    assert fix in e.fix, e.fix


def test_good_donor_files_load(tmp_path, donors):
    donors.to_csv(tmp_path / "case.csv", index=False)
    land = readiness.donor_landscape(readiness.read_donors(tmp_path / "case.csv"))
    assert land.gaps == ["O4"] and round(land.concentration.top_share, 2) == 0.94
    (tmp_path / "names.csv").write_text("Donor;Instrument;Amount;Objectives\nA;Grant;1,5;Clean air, o3\n",
                                        encoding="utf-8")
    d = readiness.read_donors(tmp_path / "names.csv")
    assert d.loc[0, "objectives"] == ("O2", "O3") and d.loc[0, "amount"] == 1.5


# --------------------------------------------------------------------------- exercise checks
def test_checks_say_not_answered_on_placeholders():
    for fb in (readiness.check_weakest(..., ...), readiness.check_stop_or_go(..., ...),
               readiness.check_donor_findings(..., ..., ...), readiness.check_donor_advice(...)):
        assert isinstance(fb, Feedback) and fb.status == "not answered"


def test_checks_praise_the_solution():
    assert readiness.check_weakest(["R3", "R4", "R5", "R8"], "R6").status == "good"
    assert readiness.check_weakest("R8, R5, R4, R3", "r6").status == "good"
    assert readiness.check_stop_or_go("stop and fix", ["R3"]).status == "good"
    assert readiness.check_donor_findings(["O4"], "O2", 0.94).status == "good"
    assert readiness.check_donor_findings("Fair access", "O2 Clean air", "93.5%").status == "good"
    advice = ("Ask a donor to fund O4 Fair access: affordable fares and safety for women at night. Ask the five "
              "technical-assistance funders on O2 to pool their grants under the Clean Air Partners Group. Ask "
              "the two lenders to keep money on budget, through national systems, and to align loan conditions "
              "with the mission's targets.")
    assert readiness.check_donor_advice(advice).status == "good"


@pytest.mark.parametrize("fb,phrase", [
    (lambda: readiness.check_weakest(["R3", "R5"], ...), "average (mean)"),
    (lambda: readiness.check_weakest(["R3"], ...), "Also weakest (median 1): R4, R5 and R8"),
    (lambda: readiness.check_weakest(["R3", "R4", "R5", "R8", "R1"], ...), "Not among the weakest: R1 (median 3)"),
    (lambda: readiness.check_weakest(..., "R2"), "The largest spread"),
    (lambda: readiness.check_weakest(["X9"], ...), "is not a code"),
    (lambda: readiness.check_stop_or_go("go", ...), "The profile says stop and fix"),
    (lambda: readiness.check_stop_or_go("maybe", ["R3"]), "not a call the check knows"),
    (lambda: readiness.check_stop_or_go("stop", ["R5"]), "Fix R3 first"),
    (lambda: readiness.check_stop_or_go("stop", ["R3", "R2"]), "not a stop signal"),
    (lambda: readiness.check_donor_findings(["O5"], ..., ...), "Thin is not the same as unfunded"),
    (lambda: readiness.check_donor_findings(..., "O1", ...), "Count the technical assistance rows"),
    (lambda: readiness.check_donor_findings(..., ..., 0.57), "divide the first by the second"),
    (lambda: readiness.check_donor_findings(..., ..., "most"), "is not a share"),
    (lambda: readiness.check_donor_advice("Fund O4."), "Say something about the overlap"),
])
def test_checks_name_the_mistake(fb, phrase):
    result = fb()
    assert result.status in ("revise", "partly"), result.text()
    assert phrase in result.text(), result.text()


def test_feedback_escapes_answers():
    html = readiness.check_weakest(["<script>alert(1)</script>"], ...).to_html()
    assert "<script>" not in html


# --------------------------------------------------------------------------- charts
def test_profile_chart_has_a_computed_takeaway(scores):
    fig = charts_readiness.profile_chart(scores)
    assert isinstance(fig, Figure)
    assert fig.takeaway == readiness.readiness_profile(scores).takeaway()
    spec = fig.spec()
    assert spec["description"].startswith("Dot-and-range chart") and "R6 Public-sector" in spec["description"]
    assert spec["title"]["text"] == "Readiness profile (FICTIONAL)"  # case data are labelled
    svg = fig.to_html()
    assert svg.count("<svg") == 1 and "Takeaway:" in svg


def test_profile_chart_of_a_profile_and_of_nothing(scores):
    p = readiness.readiness_profile(scores)
    assert charts_readiness.profile_chart(p).takeaway == p.takeaway()
    with pytest.raises(ChartError):
        charts_readiness.profile_chart({})


def test_donor_heatmap_and_money_chart(donors):
    heat = charts_readiness.donor_heatmap(donors)
    assert heat.takeaway.startswith("O4 Fair access has no funder at all")
    assert "No funder: O4 Fair access" in heat.spec()["description"]
    data = next(iter(heat.spec()["datasets"].values()))
    assert {r["count_text"] for r in data if r["objective"] == "O4"} == {"no funder"}
    money = charts_readiness.donor_money_chart(donors)
    assert "94%" in money.takeaway
    with pytest.raises(ChartError):
        charts_readiness.donor_heatmap(donors.assign(objectives=""))


# --------------------------------------------------------------------------- the form
@pytest.fixture()
def workbook(tmp_path, monkeypatch):
    from missionkit.workbook import Workbook

    path = tmp_path / "my-work" / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return Workbook.open(path)


def _widgets(form, kind):
    out = []

    def walk(w):
        if type(w).__name__ == kind:
            out.append(w)
        for c in getattr(w, "children", ()):
            walk(c)
    walk(form)
    return out


def test_form_saves_scores_and_shows_the_profile(workbook):
    from missionkit.readiness import forms as wr

    form = wr.self_assessment_form()
    drops, areas = _widgets(form, "Dropdown"), _widgets(form, "Textarea")
    assert len(drops) == 8 and len(areas) == 8
    assert workbook.get("readiness", "scores") is None  # nothing saved before a change
    drops[2].value = "1"
    areas[2].value = "<img src=x onerror=alert(1)>"
    saved = workbook.get("readiness", "scores")
    assert saved["R3"] == {"score": 1, "evidence": "<img src=x onerror=alert(1)>"}
    html = form._repr_mimebundle_()["text/html"]
    assert "Stop and fix" in html and "<img src=x" not in html and "&lt;img src=x" in html
    # reopening loads what was saved
    again = wr.self_assessment_form()
    assert _widgets(again, "Dropdown")[2].value == "1"


def test_form_imports_a_teammate_without_touching_my_scores(workbook, tmp_path):
    from missionkit.readiness import forms as wr
    from missionkit.workbook import Workbook

    workbook.set("readiness", "scores", {"R3": {"score": 2, "evidence": "mine"}})
    other = Workbook.open(tmp_path / "other" / "workbook.json", owner="Ana <script>alert(1)</script>")
    other.set("readiness", "scores", {"R3": {"score": 0, "evidence": "no terms of reference"}})
    team_file = other.export(tmp_path / "team-ana.json", sections=["readiness"])
    form = wr.self_assessment_form()
    texts, buttons = _widgets(form, "Text"), _widgets(form, "Button")
    texts[1].value = str(team_file)
    buttons[1].click()
    section = workbook.section("readiness")
    assert section["scores"]["R3"]["score"] == 2
    assert section["teammate:Ana <script>alert(1)</script>"]["scores"]["R3"]["score"] == 0
    html = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "Ana &lt;script&gt;" in html
    assert "R3 (scores 2, 0; spread 2)" in html
    # export needs a name, then writes a team file next to the workbook
    buttons[0].click()
    assert "Type your name" in _widgets(form, "HTML")[-1].value
    texts[0].value = "Bo"
    buttons[0].click()
    written = workbook.path.parent / "readiness-team-bo.json"
    assert written.exists() and json.loads(written.read_text())["meta"]["owner"] == "Bo"
    # a bad path is a plain message, not a traceback
    texts[1].value = "nowhere.json"
    buttons[1].click()
    assert "cannot be opened" in _widgets(form, "HTML")[-1].value


def test_form_start_fills_only_an_empty_workbook(workbook, scores):
    from missionkit.readiness import forms as wr

    start = {r.dimension: {"score": int(r.score), "evidence": r.evidence}
             for r in scores.itertuples() if r.assessor == "Mission team analyst"}
    form = wr.self_assessment_form(start=start)
    assert [d.value for d in _widgets(form, "Dropdown")] == ["3", "4", "1", "1", "1", "2", "2", "1"]
    assert workbook.get("readiness", "scores") is None


def test_a_broken_dimension_entry_is_a_plain_error_naming_the_file(tmp_path):
    assert readiness.load_dimensions(readiness.DIMENSIONS_FILE) == readiness.DIMENSIONS
    assert [d.code for d in readiness.DIMENSIONS] == list(readiness.DIMENSION_CODES)
    good = readiness.DIMENSIONS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "readiness-dimensions.yml"
    bad.write_text(good.replace("- code: R1\n", "- code: R1\n  weight: 2\n", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        readiness.load_dimensions(bad)
    assert type(info.value) is MissionkitInputError
    assert "readiness-dimensions.yml" in str(info.value) and "Entry 1" in str(info.value)
    bad.write_text(good.replace("- code: R2\n", "- code: R1\n", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="readiness-dimensions.yml"):
        readiness.load_dimensions(bad)
    bad.write_text("- code: [unclosed\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="readiness-dimensions.yml"):
        readiness.load_dimensions(bad)
