"""Module 04: the system scan finds the case's planted findings, reads participants' files, and answers back.

Case findings asserted (Marenta policy inventory D1, FICTIONAL):
* STI bodies hold 70.5% of the mission-tagged budget (planted range 60-80%);
* 10 of 100 policies work against the mission, MRC 4,795m a year, the fuel
  subsidy (P048, MRC 3,850m) first, with the highway, parking and e-bus duty
  conflicts among them;
* no policy serves O4 Fair access.
"""
from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case, scanning
from missionkit.errors import MissionkitInputError
from missionkit.scanning import charts as charts_scanning
from missionkit.scanning import conditions
from missionkit.text import cite, money


@pytest.fixture(scope="module")
def policies() -> pd.DataFrame:
    return case.load("policies")


# --------------------------------------------------------------------------- the case's findings
def test_sti_share_of_mission_tagged_budget_is_in_the_planted_range(policies):
    share = scanning.sti_share(policies)
    assert 0.60 <= share <= 0.80
    assert math.isclose(share, 0.705, abs_tol=0.0005)
    assert scanning.sti_bodies(policies)[:2] == ["Ministry of Science, Technology and Innovation (MoSTI)",
                                                 "Marenta Innovation Agency (MIA)"]


def test_sti_share_depends_on_the_scope(policies):
    # the typical wrong answers of the exercise are real, different figures
    assert math.isclose(scanning.sti_share(policies, "all"), 0.1147, abs_tol=0.0005)
    assert math.isclose(scanning.sti_share(policies, "supports"), 0.4522, abs_tol=0.0005)


def test_conflicts_are_the_ten_planted_ones_with_the_fuel_subsidy_first(policies):
    c = scanning.conflicts(policies)
    assert len(c) == 10 and len(policies) == 100
    assert c.index[0] == "P048" and "Diesel" in c.iloc[0]["title"]
    assert c.iloc[0]["budget"] == 3850.0
    assert math.isclose(c["budget"].sum(), 4795.0)
    titles = " ".join(c["title"]).lower()
    for word in ("highway", "parking", "electric buses", "diesel power", "company cars"):
        assert word in titles
    assert c["budget"].is_monotonic_decreasing
    assert math.isclose(c["share of conflict budget"].sum(), 1.0)


def test_the_objective_no_policy_serves_is_fair_access(policies):
    assert scanning.unserved_objectives(policies) == ["O4"]
    cov = scanning.objective_coverage(policies)
    assert cov.loc["O4", "supporting policies"] == 0 and cov.loc["O4", "status"] == "not served"
    assert cov.loc["O2", "supporting policies"] == 29 and cov.loc["O2", "policies working against"] == 9
    assert (cov.drop("O4")["supporting policies"] > 0).all()


def test_alignment_matrix_holds_each_policys_direction_per_objective(policies):
    m = scanning.alignment_matrix(policies)
    assert list(m.columns) == ["title", "owner", "direction", "O1", "O2", "O3", "O4", "O5"]
    assert len(m) == 100
    assert m.loc["P048", "O1"] == "works against" and m.loc["P048", "O2"] == "works against"
    assert m.loc["P048", "O3"] == ""
    assert m.loc["P001", "O2"] == "supports"
    assert (m["O4"] == "").all()
    related = scanning.alignment_matrix(policies, related_only=True)
    assert len(related) == 66  # 56 supporting and 10 working against bear on some objective
    assert set(related["direction"]) == {"supports", "works against"}


def test_budget_shares_by_owner_and_instrument(policies):
    owners = scanning.budget_shares(policies, "owner")
    assert owners.index[0].endswith("(MoSTI)") and math.isclose(owners["budget"].iloc[0], 426.5)
    assert math.isclose(owners["share"].sum(), 1.0)
    assert math.isclose(owners["budget"].sum(), 909.3)
    inst = scanning.budget_shares(policies, "instrument")
    assert inst.index[0] == "funding" and inst.loc["funding", "share"] > 0.9
    assert inst.loc["procurement", "share"] < 0.01
    allb = scanning.budget_shares(policies, "instrument", scope="all")
    assert allb.index[0] == "fiscal"  # the fuel subsidy dominates the whole inventory
    with pytest.raises(MissionkitInputError, match="cannot be grouped"):
        scanning.budget_shares(policies, "colour")
    with pytest.raises(MissionkitInputError, match="not a scope"):
        scanning.budget_shares(policies, scope="some")


def test_tagged_money_that_serves_no_objective(policies):
    t = scanning.tagged_but_neutral(policies)
    assert list(t.index) == ["P007", "P017", "P021", "P008"]
    assert math.isclose(t["budget"].sum(), 233.0) and t["sti"].all()


def test_summary_and_budget_holders(policies):
    s = scanning.summarise(policies)
    assert s.sti_trap and s.conflicts == 10 and s.unserved == ["O4"] and s.owners == 12
    assert s.largest_conflict == "Petrol and Diesel Price Stabilisation Subsidy"
    frame = s.to_frame()
    assert frame.loc["Share held by STI bodies", "value"].startswith("70.5%")
    assert frame.loc["Objectives no policy serves", "value"] == "O4 Fair access"
    holders = scanning.budget_holders(policies)
    assert list(holders)[:2] == ["Ministry of Science, Technology and Innovation (MoSTI)",
                                 "Marenta Innovation Agency (MIA)"]
    assert len(holders) == 11 and "Ministry of Gender and Social Affairs" not in holders
    assert holders["Ministry of Environment"] == {"budget": 17.8, "objectives": ["O2"]}
    assert all("O4" not in h["objectives"] for h in holders.values())


def test_money_format():
    assert money(641.1) == "MRC 641.1m"
    assert money(3850) == "MRC 3,850m"
    assert money(12, unit="m") == "12.0 m"


# --------------------------------------------------------------------------- the same findings from a file
def test_the_case_file_loads_as_a_scan_and_gives_the_same_findings(policies):
    df = scanning.load_scan(scanning.CASE_SCAN_FILE, objectives=case.OBJECTIVE_IDS)
    assert len(df) == 100 and df.index[0] == 2
    assert math.isclose(scanning.sti_share(df), scanning.sti_share(policies))
    assert scanning.unserved_objectives(df) == ["O4"]
    assert list(scanning.conflicts(df).index) == list(scanning.conflicts(policies).index)


def test_template_file_is_generated_by_the_function_and_loads():
    assert scanning.TEMPLATE_PATH.read_text(encoding="utf-8") == scanning.policy_scan_template_csv()
    df = scanning.load_scan(scanning.TEMPLATE_PATH, objectives=["O1", "O2", "O3", "O4", "O5"])
    assert list(df.columns[:9]) == list(scanning.POLICY_SCAN_SPEC.required)
    assert len(df) == 4 and set(df["direction"]) == {"supports", "works against", "neutral"}
    assert scanning.unserved_objectives(df, ["O1", "O2", "O3", "O4", "O5"]) == ["O3", "O4"]


def test_write_and_copy_template(tmp_path):
    out = scanning.write_policy_scan_template(tmp_path / "t" / "scan.csv")
    assert out.read_text(encoding="utf-8") == scanning.policy_scan_template_csv()
    copy = scanning.copy_template(tmp_path / "mine.csv")
    assert copy.exists()
    with pytest.raises(MissionkitInputError, match="already have a file") as err:
        scanning.copy_template(tmp_path / "mine.csv")
    assert "policy-scan-2.csv" in err.value.fix
    assert scanning.copy_template(tmp_path / "mine.csv", overwrite=True).exists()
    assert scanning.copy_template(tmp_path / "my-work" / "scan.csv").exists()  # creates my-work/ if needed
    with pytest.raises(MissionkitInputError, match="does not exist"):
        scanning.copy_template(tmp_path / "no" / "such" / "mine.csv")


# --------------------------------------------------------------------------- bad files: a table of expected messages
HEADER = "policy_id,title,owner,sti_owner,instrument,objectives,direction,mission_tagged,annual_budget_m\n"
GOOD = "P001,Bus grants,Ministry of Science,yes,funding,O2,supports,yes,12.5\n"
YEARS = HEADER.rstrip("\n") + ",start_year,end_year\n"

# (file name, content, expected row, expected column, fragment of the message, fragment of the fix)
BAD_FILES = [
    ("missing_direction.csv",
     "policy_id,title,owner,sti_owner,instrument,objectives,mission_tagged,annual_budget_m\n"
     "P001,Bus grants,MoS,yes,funding,O2,yes,12\n",
     1, "direction", "no column 'direction'", "Add a column named 'direction'"),
    ("direction_against.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,fiscal,O2,against,no,300\n",
     3, "direction", "'against' is not one of the allowed values", "Did you mean 'works against'?"),
    ("sti_maybe.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,maybe,fiscal,O2,works against,no,300\n",
     3, "sti_owner", "'maybe' is not yes or no", "Type yes or no"),
    ("objective_name.csv", HEADER + GOOD + "P002,Bus lanes,City,no,regulation,Access,supports,yes,0\n",
     3, "objectives", "'Access' is not an objective code", "Write the codes separated by semicolons"),
    ("objective_o7.csv", HEADER + GOOD + "P002,Bus lanes,City,no,regulation,O1;O7,supports,yes,0\n",
     3, "objectives", "'O7' is not one of your objectives (O1, O2, O3, O4, O5)", "codes of your mission's objectives"),
    ("supports_no_objective.csv", HEADER + GOOD + "P002,Bus lanes,City,no,regulation,,supports,yes,0\n",
     3, "objectives", "is marked 'supports' but names no objective it serves", "or mark its direction 'neutral'"),
    ("against_no_objective.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,fiscal,,works against,no,300\n",
     3, "objectives", "is marked 'works against' but names no objective it harms", "objectives column"),
    ("end_before_start.csv", YEARS + "P001,Bus grants,MoS,yes,funding,O2,supports,yes,12,2025,2020\n",
     2, "end_year", "ends in 2020, before it starts (2025)", "end_year must be the same as start_year or later"),
    ("negative_budget.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,fiscal,O2,works against,no,-300\n",
     3, "annual_budget_m", "-300 is negative", "positive number (or 0)"),
    ("duplicate_id.csv", HEADER + GOOD + "P001,Fuel subsidy,Finance,no,fiscal,O2,works against,no,300\n",
     3, "policy_id", "appears twice", "Give each row its own policy_id"),
    ("budget_words.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,fiscal,O2,works against,no,about 300\n",
     3, "annual_budget_m", "'about 300' is not a number", "Type a plain number"),
    ("blank_budget.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,fiscal,O2,works against,no,\n",
     3, "annual_budget_m", "is empty, but every row needs", "Fill in the annual_budget_m"),
    ("instrument_subsidy.csv", HEADER + GOOD + "P002,Fuel subsidy,Finance,no,subsidy,O2,works against,no,300\n",
     3, "instrument", "'subsidy' is not one of the allowed values", "'fiscal'"),
    ("empty.csv", "", None, None, "The file is empty (0 bytes)", "column names in row 1"),
    ("header_only.csv", HEADER, 1, None, "no rows of data below them", "Add at least one row"),
    ("does_not_exist.csv", None, None, None, "There is no file called 'does_not_exist.csv'", "Check the spelling"),
]


@pytest.mark.parametrize("name,content,row,column,fragment,fix", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_scan_file_gives_a_plain_message(tmp_path, name, content, row, column, fragment, fix):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(MissionkitInputError) as err:
        scanning.load_scan(path, objectives=case.OBJECTIVE_IDS)
    e = err.value
    assert e.file == name
    assert (e.row, e.column) == (row, column)
    assert fragment in e.problem
    assert fix in e.fix
    assert "something went wrong" not in e.message.lower()
    # and the exercise's check turns it into feedback instead of raising
    fb = scanning.check_own_scan(str(path), objectives=case.OBJECTIVE_IDS)
    assert fb.status == "revise" and fragment in fb.text()


GOOD_FILES = [
    ("french_excel.csv", ("sep=;\n" + HEADER.replace(",", ";")
                          + "P001;Subventions à l'électrique;Ministère;oui;funding;O2, O1;supports;oui;12,5\n"
                          ).encode("cp1252")),
    ("utf8_bom.csv", ("\ufeff" + HEADER + GOOD).encode("utf-8")),
    ("case_budget_column.csv", (HEADER.replace("annual_budget_m", "annual_budget_mrc_m") + GOOD).encode()),
    ("lower_case_codes.csv", (HEADER + "P001,Bus grants,Ministry of Science,yes,funding,o2/o1,supports,yes,1\n")
     .encode()),
]


@pytest.mark.parametrize("name,data", GOOD_FILES, ids=[g[0] for g in GOOD_FILES])
def test_good_scan_files_load(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    df = scanning.load_scan(path, objectives=case.OBJECTIVE_IDS)
    assert len(df) == 1
    assert scanning.prepare(df)["objectives"].iloc[0][0] == "O2"


def test_excel_scan_loads(tmp_path):
    frame = pd.read_csv(scanning.TEMPLATE_PATH, dtype=str, keep_default_na=False)
    path = tmp_path / "scan.xlsx"
    frame.to_excel(path, index=False)
    df = scanning.load_scan(path)
    assert len(df) == 4 and df["sti_owner"].tolist() == [True, False, False, True]


def test_prepare_rejects_a_table_without_the_needed_columns(policies):
    with pytest.raises(MissionkitInputError, match="no columns 'direction', 'annual_budget_m'"):
        scanning.prepare(policies.drop(columns=["direction", "annual_budget_mrc_m"]))
    with pytest.raises(MissionkitInputError, match="must be a table"):
        scanning.prepare("policies.csv")


@settings(max_examples=60)
@given(st.lists(st.sampled_from(["O1", "o2", " O3", "O-4", "O5"]), min_size=0, max_size=5),
       st.sampled_from([";", ",", " ; ", "/", " and ", " "]))
def test_split_objectives_reads_any_separator(codes, sep):
    cell = sep.join(codes)
    got = scanning.split_objectives(cell)
    want = tuple(dict.fromkeys(c.strip().upper().replace("-", "") for c in codes))
    assert got == want


# --------------------------------------------------------------------------- exercise checks
SOLUTION_FC = {k: v.answer for k, v in scanning.FC_ITEMS.items()}


def test_framework_conditions_check():
    assert scanning.check_framework_conditions(...).status == "not answered"
    assert scanning.check_framework_conditions({k: ... for k in SOLUTION_FC}).status == "not answered"
    assert scanning.check_framework_conditions(SOLUTION_FC).status == "good"
    wrong = dict(SOLUTION_FC)
    wrong["Procurement rules make buyers take the lowest price, not the best outcome"] = "financial"
    fb = scanning.check_framework_conditions(wrong)
    assert fb.status == "revise" and "a rule in law (procurement law)" in fb.text()
    part = dict(SOLUTION_FC)
    part["The fuel subsidy keeps petrol and diesel cheap"] = ...
    assert scanning.check_framework_conditions(part).status == "partly"
    synonyms = {k: {"legal": "Law", "financial": "money", "institutional": "governance"}[v]
                for k, v in SOLUTION_FC.items()}
    assert scanning.check_framework_conditions(synonyms).status == "good"
    assert "not one of the choices" in scanning.check_framework_conditions(
        {next(iter(SOLUTION_FC)): "cultural"}).text()
    assert scanning.check_framework_conditions(["legal"]).status == "revise"


@pytest.mark.parametrize("answer", [0.705, 0.70, "70.5%", 70.5, "0,705", 71])
def test_sti_share_check_praises_the_right_share(answer):
    fb = scanning.check_sti_share(answer)
    assert fb.status == "good" and "70.5%" in fb.text() and "STI trap" in fb.text()


@pytest.mark.parametrize("answer,phrase", [
    (0.115, "you divided by the budget of the whole inventory"),
    (0.467, "you counted policies, not money"),
    (45, "you used the policies that support the mission"),
    (0.3, "scanning.sti_share(policies)"),
    ("seventy", "is not a share"),
])
def test_sti_share_check_names_the_mistake(answer, phrase):
    fb = scanning.check_sti_share(answer)
    assert fb.status == "revise" and phrase in fb.text()


def test_sti_share_blank():
    assert scanning.check_sti_share(...).status == "not answered"


def test_conflicts_check():
    assert scanning.check_conflicts_to_raise(...).status == "not answered"
    assert scanning.check_conflicts_to_raise([...]).status == "not answered"
    good = scanning.check_conflicts_to_raise(["P048", "P031", "P079"])
    assert good.status == "good" and "looked beyond money" in good.text()
    plain = scanning.check_conflicts_to_raise(["p048", "P031", "Emergency Diesel Power Plants"])
    assert plain.status == "good" and "budget is not the only measure" in plain.text()
    missing = scanning.check_conflicts_to_raise(["P031", "P077", "P080"])
    assert missing.status == "revise" and "The largest conflict is missing: P048" in missing.text()
    assert "4.2 times the whole mission-tagged budget" in missing.text()
    neutral = scanning.check_conflicts_to_raise(["P048", "P012", "P031"])
    assert neutral.status == "revise" and "P012" in neutral.text() and "\u201cneutral\u201d" in neutral.text()
    assert scanning.check_conflicts_to_raise(["P048", "P031"]).status == "partly"
    assert "not a policy in the inventory" in scanning.check_conflicts_to_raise(["P999", "P048", "P031"]).text()
    assert scanning.check_conflicts_to_raise(42).status == "revise"


def test_unserved_check():
    assert scanning.check_unserved_objective(...).status == "not answered"
    for answer in ("O4", "o4", ["O4"], "O4 Fair access", "Fair access"):
        assert scanning.check_unserved_objective(answer).status == "good", answer
    fb = scanning.check_unserved_objective("O5")
    assert fb.status == "revise" and "O5 Local value is served by 12 supporting policies" in fb.text()
    assert scanning.check_unserved_objective(["O4", "O5"]).status == "partly"
    assert "not an objective code" in scanning.check_unserved_objective("buses").text()
    assert "not one of the mission's objectives" in scanning.check_unserved_objective("O9").text()


def test_own_scan_check(tmp_path):
    assert scanning.check_own_scan(...).status == "not answered"
    template = scanning.check_own_scan(str(scanning.TEMPLATE_PATH))
    assert template.status == "partly" and "template's example rows" in template.text()
    full = scanning.check_own_scan(str(scanning.CASE_SCAN_FILE), objectives=case.OBJECTIVE_IDS)
    assert full.status == "good"
    text = full.text()
    assert "100 policies from 12 owners" in text and "71%" in text and "O4 Fair access" in text
    assert "Petrol and Diesel Price Stabilisation Subsidy" in text
    small = tmp_path / "small.csv"
    small.write_text(HEADER + GOOD, encoding="utf-8")
    fb = scanning.check_own_scan(str(small))
    assert fb.status == "partly" and "Only 1 policies" not in fb.text() and "Only 1 polic" in fb.text()
    missing = scanning.check_own_scan("../my-work/policy_scan.csv")
    assert missing.status == "revise" and "There is no file called 'policy_scan.csv'" in missing.text()


def test_feedback_escapes_participant_text(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(HEADER + GOOD + "P002,<b>bold</b>,City,no,regulation,,supports,yes,0\n", encoding="utf-8")
    fb = scanning.check_own_scan(str(path))
    assert "<b>" not in fb.to_html() and "&lt;b&gt;" in fb.to_html()


def test_framework_conditions_table_cites_real_sources():
    t = scanning.framework_conditions()
    assert list(t.index) == ["legal", "financial", "institutional", "organisational"]
    assert "OECD (2022)" in t.loc["financial", "sources"]
    assert "OECD Mission Action Lab (n.d.)" in t.loc["organisational", "sources"]
    assert "intra-organisational" in t.loc["organisational", "real evidence"]
    assert all(isinstance(f, scanning.FrameworkCondition) for f in scanning.FRAMEWORK_CONDITIONS)
    assert cite("no-such-key") == "no-such-key"


def test_a_broken_framework_conditions_file_names_the_file(tmp_path):
    good = conditions.FRAMEWORK_CONDITIONS_FILE.read_text(encoding="utf-8")
    assert conditions.load_framework_conditions(conditions.FRAMEWORK_CONDITIONS_FILE) == scanning.FRAMEWORK_CONDITIONS
    bad = tmp_path / "scanning-framework-conditions.yml"
    bad.write_text(good.replace("  look_for:", "  look_at:", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        conditions.load_framework_conditions(bad)
    assert type(info.value) is MissionkitInputError
    assert "scanning-framework-conditions.yml" in str(info.value) and "Entry 1" in str(info.value)
    bad.write_text("- kind: legal\n  question: [unclosed\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="scanning-framework-conditions.yml"):
        conditions.load_framework_conditions(bad)


# --------------------------------------------------------------------------- charts: takeaways computed from the data
def test_chart_takeaways_carry_the_case_findings(policies):
    assert "70.5%" in charts_scanning.budget_by_owner(policies).takeaway
    assert "STI trap" in charts_scanning.budget_by_owner(policies).takeaway
    cov = charts_scanning.objective_coverage_chart(policies).takeaway
    assert cov.startswith("No policy supports O4 Fair access")
    heat = charts_scanning.alignment_heatmap(policies).takeaway
    assert "O4 Fair access" in heat and "Ministry of Finance" in heat and "3 of 10" in heat
    conf = charts_scanning.conflicts_chart(policies).takeaway
    assert "10 of 100" in conf and "MRC 4,795m" in conf and "5.3 times" in conf and "MRC 3,850m" in conf
    mix = charts_scanning.instrument_mix(policies).takeaway
    assert mix.startswith("Funding takes 91%")


def test_chart_takeaways_follow_the_data(policies):
    """Change the data and the takeaway changes: nothing is typed in."""
    fixed = policies.copy()
    fixed.loc[fixed.policy_id == "P068", ["objectives", "direction", "mission_tagged"]] = ["O4", "supports", "yes"]
    fixed.loc[fixed.sti_owner == "yes", "mission_tagged"] = "no"
    assert not charts_scanning.objective_coverage_chart(fixed).takeaway.startswith("No policy supports")
    assert "below the warning level" in charts_scanning.budget_by_owner(fixed).takeaway
    assert scanning.unserved_objectives(fixed) == []


def test_charts_refuse_empty_input(policies):
    from missionkit.charts import ChartError

    none_against = policies[policies.direction != "works against"]
    with pytest.raises(ChartError):
        charts_scanning.conflicts_chart(none_against)
    assert charts_scanning.short_name("Kessa City Government") == "Kessa city"
    assert charts_scanning.short_name("Marenta Innovation Agency (MIA)") == "MIA"


def test_chart_specs_have_titles_and_descriptions(policies):
    for build in (charts_scanning.budget_by_owner, charts_scanning.objective_coverage_chart,
                  charts_scanning.alignment_heatmap, charts_scanning.conflicts_chart,
                  charts_scanning.instrument_mix):
        spec = build(policies).spec()
        assert spec["description"] and spec["title"]
        assert "$schema" in spec and "v5" in spec["$schema"]


# --------------------------------------------------------------------------- the form
def test_objective_form_shows_policies_and_saves_notes(tmp_path, monkeypatch, policies):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    from missionkit.scanning import forms as widgets_scanning
    from missionkit.workbook import Workbook

    form = widgets_scanning.objective_explorer(policies)
    bundle = form._repr_mimebundle_()
    assert "O2 Clean air" in bundle["text/html"] and "P048" in bundle["text/html"]
    choice = form.children[1].children[-1]
    note = form.children[3].children[-1]
    choice.value = "O4"
    assert "no policy in the scan supports it" in form.children[2].value
    note.value = "<script>Gender ministry</script> should own it"
    wb = Workbook.open()
    assert wb.get("scanning", "objective") == "O4"
    assert wb.get("scanning", "note_O4").endswith("should own it")
    again = widgets_scanning.objective_explorer(policies)
    assert again.children[1].children[-1].value == "O4"
    assert again.children[3].children[-1].value.startswith("<script>")
    assert "<script>" not in widgets_scanning.objective_table_html(
        policies.assign(title=policies.title.where(policies.policy_id != "P001", "<script>x</script>")), "O2")


@pytest.mark.parametrize("answer, phrase", [
    (0.469, "Ministry of Science, Technology and Innovation (MoSTI) alone"),   # read one row of the table
    (0.236, "Marenta Innovation Agency (MIA) alone"),
    (0.467, "you counted policies, not money"),
])
def test_sti_share_names_the_likeliest_slip(answer, phrase):
    fb = scanning.check_sti_share(answer, case.load("policies"))
    assert fb.status == "revise" and phrase in fb.text()
