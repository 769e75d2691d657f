"""Module 05: governance rules fire on designs that break them and stay quiet on designs that do not.

Also asserted: the FICTIONAL Marenta design on the case date breaks four of the
five rules (O4 has no owner; 9 of 11 budget holders, MRC 775m or 85% of the
tagged budget, sit in no forum; the board is 12 of 13 public sector; nobody
approves the portfolio ex ante) and respects the size caps (board 13 <= 15,
assembly 28 <= 30, team 12 within 10-15).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case, governance
from missionkit.errors import MissionkitInputError
from missionkit.governance import charts as charts_governance
from missionkit.governance import structures
from missionkit.governance.design import Body, GovernanceDesign, Member

OBJ = ("O1", "O2", "O3")


def good_design(**changes) -> GovernanceDesign:
    """A small design that keeps every rule (fixture)."""
    data = {
        "name": "Good design",
        "owner": "Centre of government",
        "bodies": [
            {"name": "Steering committee", "type": "steering committee", "chair": "Centre of government",
             "members": [{"name": "Centre of government", "sector": "public sector"},
                         {"name": "Roads ministry", "sector": "public sector"},
                         {"name": "Science ministry", "sector": "public sector"}],
             "decision_rights": ["set direction", "approve portfolio"]},
            {"name": "Forum", "type": "coordination forum",
             "members": [{"name": "Roads ministry", "sector": "public sector"},
                         {"name": "Science ministry", "sector": "public sector"},
                         {"name": "Capital city", "sector": "public sector"}],
             "decision_rights": ["align budgets"]},
            {"name": "Board", "type": "mission board",
             "members": ([{"name": f"Official {i}", "sector": "public sector"} for i in range(5)]
                         + [{"name": f"Researcher {i}", "sector": "research"} for i in range(3)]
                         + [{"name": f"Firm {i}", "sector": "business"} for i in range(3)]
                         + [{"name": f"NGO {i}", "sector": "civil society"} for i in range(3)]),
             "decision_rights": "advise"},
            {"name": "Assembly", "type": "mission assembly", "seats": 25, "decision_rights": ["advise"]},
            {"name": "Team", "type": "mission team", "seats": 12, "decision_rights": ["run day to day"]},
        ],
        "objective_owners": {"O1": "Roads ministry", "O2": "Science ministry",
                             "O3": "Capital city"},
        "budget_holders": {"Roads ministry": {"budget": 100, "objectives": ["O1"]},
                           "Science ministry": {"budget": 50, "objectives": ["O2"]},
                           "Capital city": 10},
    }
    data.update(changes)
    return GovernanceDesign.model_validate(data)


def rules_fired(design, **kw) -> set[str]:
    return {f.rule for f in governance.check_design(design, objectives=kw.pop("objectives", OBJ), **kw)
            if f.severity == "problem"}


# ----------------------------------------------------------------- each rule: fires when broken, quiet when not
def test_good_design_breaks_no_rule():
    assert governance.check_design(good_design(), objectives=OBJ) == []


def test_every_objective_has_an_owner_fires_and_names_the_objective():
    d = good_design(objective_owners={"O1": "Roads ministry", "O2": "", "O3": None})
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "every_objective_has_an_owner"]
    assert [f.subject for f in found] == ["O2", "O3"]
    assert all(f.severity == "problem" and "has no owner" in f.title and f.fix and f.source for f in found)
    missing = good_design(objective_owners={"O1": "Roads ministry", "O2": "Science ministry"})
    assert rules_fired(missing) == {"every_objective_has_an_owner"}


def test_owner_of_an_unknown_objective_is_a_note_only():
    d = good_design(objective_owners={"O1": "Roads ministry", "O2": "Science ministry", "O3": "Capital city",
                                      "O9": "Capital city"})
    found = governance.check_design(d, objectives=OBJ)
    assert [(f.severity, f.subject) for f in found] == [("note", "O9")]


def test_budget_holders_sit_in_a_forum_fires_with_money_and_names():
    d = good_design(budget_holders={"Roads ministry": 100, "Science ministry": 50, "Health ministry": 30,
                                    "Kessa city": 20})
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "budget_holders_sit_in_a_forum"]
    assert len(found) == 1
    f = found[0]
    assert f.title == "2 of 4 organisations holding mission budget sit in no co-ordination forum"
    assert "Health ministry (MRC 30.0m)" in f.explanation and "Kessa city (MRC 20.0m)" in f.explanation
    assert "25% of the mission-tagged budget" in f.explanation


def test_budget_holders_rule_uses_the_holders_passed_in_and_counts_chairs():
    d = good_design()
    assert rules_fired(d, budget_holders=["Roads ministry", "Finance ministry"]) == \
        {"budget_holders_sit_in_a_forum"}
    assert rules_fired(d, budget_holders=["Centre of government"]) == set()  # chairs the steering committee
    assert rules_fired(d, budget_holders={}) == set()


def test_budget_holders_rule_when_there_is_no_forum_at_all():
    d = good_design()
    d.bodies = [b for b in d.bodies if b.type not in governance.FORUM_TYPES]
    d.bodies.append(Body(name="Ex ante", type="mission team", seats=12, decision_rights=["approve portfolio"]))
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "budget_holders_sit_in_a_forum"]
    assert "no co-ordination forum or steering committee at all" in found[0].explanation


def test_board_is_not_one_sector_fires_above_two_thirds():
    members = [{"name": f"Official {i}", "sector": "public sector"} for i in range(11)] + [
        {"name": "Uni", "sector": "research"}, {"name": "Firm", "sector": "business"}]
    d = good_design()
    d.body("Board").members = [Member.model_validate(m) for m in members]
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "board_is_not_one_sector"]
    assert len(found) == 1 and "11 of 13 seats (85%) go to the public sector" in found[0].explanation
    assert "civil society and development partners" in found[0].explanation
    # exactly two-thirds is not "mostly one sector"
    d.body("Board").members = [Member(name=f"O{i}", sector="public sector") for i in range(8)] + [
        Member(name=f"R{i}", sector="research") for i in range(4)]
    assert "board_is_not_one_sector" not in rules_fired(d)


def test_size_caps_fire_for_board_and_assembly_and_note_the_team():
    d = good_design()
    d.body("Board").members = [Member(name=f"M{i}", sector=s) for i, s in
                               enumerate(["public sector", "research", "business", "civil society"] * 4)]
    d.body("Assembly").seats = 31
    d.body("Team").seats = 40
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "sizes_within_caps"]
    assert [(f.severity, f.title) for f in found] == [
        ("problem", "Board has 16 members, more than 15"),
        ("problem", "Assembly has 31 members, more than 30"),
        ("note", "Team has 40 people"),
    ]
    d.body("Board").members = d.body("Board").members[:15]
    d.body("Assembly").seats = 30
    d.body("Team").seats = 10
    assert not [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "sizes_within_caps"]


def test_ex_ante_rule_fires_when_bodies_only_review():
    d = good_design()
    d.body("Steering committee").decision_rights = ["set direction", "review progress"]
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "portfolio_is_steered_ex_ante"]
    assert len(found) == 1
    assert "Steering committee only reviews progress after the fact (ex post)" in found[0].explanation
    d.body("Steering committee").decision_rights = []
    found = [f for f in governance.check_design(d, objectives=OBJ) if f.rule == "portfolio_is_steered_ex_ante"]
    assert found[0].explanation.startswith("No body reviews the portfolio at all")


@settings(max_examples=40)
@given(st.sets(st.sampled_from(list(governance.DECISION_RIGHTS)), max_size=4))
def test_ex_ante_rule_depends_only_on_approve_portfolio(rights):
    d = good_design()
    d.body("Steering committee").decision_rights = sorted(rights)
    fired = "portfolio_is_steered_ex_ante" in rules_fired(d)
    assert fired == ("approve portfolio" not in rights)


def test_every_rule_has_a_question_and_a_source_and_a_function():
    table = governance.rules()
    assert list(table.index) == [r.name for r in governance.RULES] == [r.check.__name__ for r in governance.RULES]
    assert table["source"].str.len().min() > 20
    assert "European Commission (2019)" in governance.RULES_BY_NAME["sizes_within_caps"].source


# --------------------------------------------------------------------------- the Marenta design (FICTIONAL)
def test_marenta_design_breaks_four_rules_and_respects_the_caps():
    d = governance.marenta_design()
    assert d.body("Mission board").size == case.GOVERNANCE["board_seats"] == 13
    assert d.body("Mission assembly").size == case.GOVERNANCE["assembly_seats"] == 28
    assert d.body("Mission team").size == case.GOVERNANCE["mission_team"] == 12
    found = governance.check_design(d)
    assert [f.rule for f in found] == ["every_objective_has_an_owner", "budget_holders_sit_in_a_forum",
                                       "board_is_not_one_sector", "portfolio_is_steered_ex_ante"]
    assert all(f.severity == "problem" for f in found)
    owner, money, board, ex_ante = found
    assert owner.title == "O4 Fair access has no owner"
    assert money.title.startswith("9 of 11 organisations")
    assert "MRC 775m, 85% of the mission-tagged budget" in money.explanation
    assert "Ministry of Science, Technology and Innovation (MoSTI) (MRC 426.5m)" in money.explanation
    assert "12 of 13 seats (92%) go to the public sector" in board.explanation
    assert "Mission steering committee and Mission board only review progress" in ex_ante.explanation


def test_marenta_budget_holders_match_the_scan():
    from missionkit.scanning import scan as scanning

    assert governance.marenta_budget_holders() == scanning.budget_holders(case.load("policies"))


def test_fixing_marenta_clears_the_findings():
    holders = list(governance.marenta_budget_holders())
    board = ["Prime Minister's Delivery Office", "Ministry of Transport", "Ministry of Finance", "Kessa",
             "Ministry of Gender and Social Affairs", "Marenta Institute of Technology",
             "National Institute of Transport Research", "Volta Motors Marenta",
             "Amberport United Minibus Owners Association", "Women on the Move Marenta", "Kessa Commuters' Voice",
             "Urban Poor Federation", "Norvale Development Agency"]
    owners = dict(governance.MARENTA_OWNERS, O4="Ministry of Gender and Social Affairs")
    d = governance.design_from_choices(owners=owners, board=board, forum=holders, ex_ante=True)
    assert governance.check_design(d) == []
    assert governance.design_from_choices(forum=[]).bodies[1].name != governance.FORUM


def test_raci_matrix_of_marenta():
    t = governance.raci_matrix(governance.marenta_design())
    assert list(t.columns) == list(case.OBJECTIVE_IDS)
    assert not t["O4"].isin(["A", "A/R"]).any() and not t["O4"].str.contains("R").any()
    assert t.loc["Ministry of Transport", "O1"] == "A/R"
    assert t.loc["Ministry of Environment", "O2"] == "A/R"
    assert t.loc["Ministry of Science, Technology and Innovation (MoSTI)", "O2"] == "R"
    assert t.loc["Prime Minister's Delivery Office", "O1"] == "C"
    assert t.loc["Marenta Institute of Technology", "O1"] == "I"
    assert set(t.values.ravel()) <= {"A", "A/R", "R", "C", "I", ""}


def test_raci_for_the_fixture():
    t = governance.raci_matrix(good_design(), objectives=OBJ)
    assert t.loc["Roads ministry", "O1"] == "A/R" and t.loc["Capital city", "O3"] == "A"
    assert t.loc["Science ministry", "O1"] == "C"


# --------------------------------------------------------------------------- names and validation
@pytest.mark.parametrize("typed,name", [
    ("MoSTI", "Ministry of Science, Technology and Innovation (MoSTI)"),
    ("mia", "Marenta Innovation Agency (MIA)"),
    ("Kessa", "Kessa City Government"),
    ("the Ministry of Transport", "Ministry of Transport"),
    ("finance ministry", "Ministry of Finance"),
    ("Ministry of Tranport", "Ministry of Transport"),
    ("PM Delivery Office", "Prime Minister's Delivery Office"),
    ("Someone else", "Someone else"),
])
def test_resolve_name(typed, name):
    assert governance.resolve_name(typed) == name


def test_members_from_names_get_their_sector_or_a_plain_message():
    assert Member.model_validate("Women on the Move Marenta").sector == "civil society"
    assert Member.model_validate("Norvale Development Agency").sector == "development partner"
    assert Member.model_validate(("X", "business")).sector == "business"
    with pytest.raises(MissionkitInputError, match="say which sector 'Acme' comes from"):
        governance.check_design({"bodies": [{"name": "B", "type": "mission board", "members": ["Acme"]}]})


@pytest.mark.parametrize("bad,fragment", [
    ({"bodies": [{"name": "B", "type": "advisory council"}]}, "bodies > 0 > type"),
    ({"bodies": [{"name": "B", "type": "mission board", "decision_rights": ["veto"]}]}, "decision_rights"),
    ({"bodies": [{"name": "B", "type": "mission board"}, {"name": "b", "type": "mission team"}]},
     "two bodies are called 'b'"),
    ({"bodies": [{"name": "B", "type": "mission team", "seats": -1}]}, "seats"),
    ({"colour": "blue"}, "colour"),
])
def test_bad_designs_get_plain_messages(bad, fragment):
    with pytest.raises(MissionkitInputError) as err:
        governance.check_design(bad)
    assert fragment in err.value.message and err.value.fix


def test_unknown_body_name():
    with pytest.raises(MissionkitInputError, match="no body called 'Council'"):
        governance.marenta_design().body("Council")


def test_reference_tables():
    dims = governance.oecd_dimensions()
    assert list(dims.index) == ["Strategic orientation", "Policy co-ordination", "Policy implementation"]
    assert "Find money beyond STI budgets" in dims.iloc[2, 1]
    real = governance.real_structures()
    eu = real[(real["where"] == "EU") & real["size"].str.contains("15")]
    assert eu["size"].iloc[0] == "boards up to 15; assemblies up to 30"
    korea = real[(real["where"] == "Korea") & (real["size"] == "12 PDs")]
    assert "unconfirmed" in korea["status"].iloc[0] and "secondary" in korea["status"].iloc[0]
    brazil = real[real["where"] == "Brazil"]
    assert "reported two ways" in brazil["status"].iloc[0]
    germany = real[real["where"] == "Germany"]
    assert germany["size"].iloc[0] == "10-15 people per team" and "not re-checked" in germany["status"].iloc[0]


# --------------------------------------------------------------------------- exercise checks
SOLUTION_DIMS = {k: v[0] for k, v in governance.CHALLENGES.items()}
SOLUTION_OWNERS = {"O1": "Ministry of Transport", "O2": "Ministry of Environment", "O3": "Ministry of Transport",
                   "O4": "Ministry of Gender and Social Affairs", "O5": "Ministry of Industry and Trade"}
SOLUTION_BOARD = {"public sector": 5, "research": 2, "business": 3, "civil society": 3, "development partner": 1}
SOLUTION_FORUM = ["Prime Minister's Delivery Office", "MoSTI", "MIA", "Ministry of Transport",
                  "Ministry of Environment", "Ministry of Industry and Trade", "Ministry of Health",
                  "Ministry of Energy", "Ministry of Finance", "Ministry of Gender and Social Affairs",
                  "Amberport", "Kessa", "Nuvo Alto"]
SOLUTION_RIGHTS = {"Mission steering committee": "approve portfolio", "Mission co-ordination forum": "align budgets",
                   "Mission board": "advise", "Mission team": "run day to day"}


def test_dimensions_check():
    assert governance.check_dimensions(...).status == "not answered"
    assert governance.check_dimensions({k: ... for k in SOLUTION_DIMS}).status == "not answered"
    assert governance.check_dimensions(SOLUTION_DIMS).status == "good"
    wrong = dict(SOLUTION_DIMS)
    wrong["Use governance bodies to steer before decisions are made, not only to review afterwards"] = \
        "strategic orientation"
    fb = governance.check_dimensions(wrong)
    assert fb.status == "revise" and "lists it under policy co-ordination" in fb.text()
    loose = {k: v.replace("policy ", "").replace("co-ordination", "coordination") for k, v in SOLUTION_DIMS.items()}
    assert governance.check_dimensions(loose).status == "good"


def test_objective_owners_check():
    assert governance.check_objective_owners(...).status == "not answered"
    good = governance.check_objective_owners(SOLUTION_OWNERS)
    assert good.status == "good" and "social affairs ministry" in good.text()
    short = governance.check_objective_owners({**SOLUTION_OWNERS, "O4": "MoGSA"})
    assert short.status == "revise" and "not an organisation in Marenta's register" in short.text()
    none4 = governance.check_objective_owners({**SOLUTION_OWNERS, "O4": None})
    assert none4.status == "revise" and "O4 Fair access has no owner" in none4.text()
    one = governance.check_objective_owners({k: "Prime Minister's Delivery Office" for k in SOLUTION_OWNERS})
    assert one.status == "revise" and "One body owns every objective" in one.text()
    sti = governance.check_objective_owners({**SOLUTION_OWNERS, "O2": "MoSTI"})
    assert sti.status == "partly" and "STI body" in sti.text()
    ngo = governance.check_objective_owners({**SOLUTION_OWNERS, "O4": "Women on the Move Marenta"})
    assert ngo.status == "revise" and "an owner must answer to the Cabinet" in ngo.text()
    other = governance.check_objective_owners({**SOLUTION_OWNERS, "O4": "Ministry of Transport"})
    assert other.status == "good" and "Discuss" in other.text()


def test_board_check():
    assert governance.check_board(...).status == "not answered"
    assert governance.check_board({s: ... for s in SOLUTION_BOARD}).status == "not answered"
    assert governance.check_board(SOLUTION_BOARD).status == "good"
    big = governance.check_board({**SOLUTION_BOARD, "public sector": 9})
    assert big.status == "revise" and "18 seats is more than the EU cap of 15" in big.text()
    one = governance.check_board({"public sector": 12, "research": 1, "business": 0, "civil society": 0,
                                  "development partner": 0})
    assert one.status == "revise" and "12 of 13 seats go to the public sector" in one.text()
    assert "No seat for civil society" in one.text()
    assert "not a sector" in governance.check_board({"government": 3}).text()
    assert "not a number of seats" in governance.check_board({"research": "two"}).text()
    assert governance.check_board({**SOLUTION_BOARD, "business": 0}).status == "partly"


def test_forum_check():
    assert governance.check_forum(...).status == "not answered"
    assert governance.check_forum(SOLUTION_FORUM).status == "good"
    co_leads = governance.check_forum(["Prime Minister's Delivery Office", "Ministry of Transport",
                                       "Ministry of Environment"])
    assert co_leads.status == "revise" and "sit in no co-ordination forum" in co_leads.text()
    assert "Ministry of Science, Technology and Innovation (MoSTI) (MRC 426.5m)" in co_leads.text()
    typo = governance.check_forum([*SOLUTION_FORUM, "Ministry of Magic"])
    assert typo.status == "revise" and "not an organisation in Marenta's register" in typo.text()
    no_finance = governance.check_forum(["MoSTI", "MIA"], budget_holders=["MoSTI", "MIA"])
    assert no_finance.status == "good" and "Ministry of Finance" in no_finance.text()


def test_decision_rights_check():
    assert governance.check_decision_rights(...).status == "not answered"
    assert governance.check_decision_rights({k: ... for k in SOLUTION_RIGHTS}).status == "not answered"
    assert governance.check_decision_rights(SOLUTION_RIGHTS).status == "good"
    ex_post = governance.check_decision_rights({**SOLUTION_RIGHTS, "Mission steering committee": "review progress"})
    assert ex_post.status == "revise" and "after the fact (ex post)" in ex_post.text()
    board = governance.check_decision_rights({**SOLUTION_RIGHTS, "Mission steering committee": "set direction",
                                              "Mission board": "approve portfolio"})
    assert board.status == "partly" and "mission boards advise the Commission" in board.text()
    team = governance.check_decision_rights({**SOLUTION_RIGHTS, "Mission steering committee": "set direction",
                                             "Mission team": ["run day to day", "approve portfolio"]})
    assert team.status == "partly" and "approves its own portfolio" in team.text()
    assert "not one of the decision rights" in governance.check_decision_rights(
        {**SOLUTION_RIGHTS, "Mission board": "veto"}).text()


def test_combined_check():
    blank = governance.check_exercise_design(..., ..., ..., ...)
    assert blank.status == "not answered"
    good = governance.check_exercise_design(SOLUTION_OWNERS, SOLUTION_BOARD, SOLUTION_FORUM, SOLUTION_RIGHTS)
    assert good.status == "good" and good.text().count("Yes.") == 5
    partial = governance.check_exercise_design(SOLUTION_OWNERS, ..., ..., ...)
    assert partial.status == "revise" and "Still to answer: board, forum and decision rights" in partial.text()
    d = governance.exercise_design(SOLUTION_OWNERS, SOLUTION_BOARD, SOLUTION_FORUM, SOLUTION_RIGHTS)
    assert d.body("Mission board").size == 14
    assert d.body("Mission steering committee").decision_rights == ["approve portfolio"]


# --------------------------------------------------------------------------- charts and the form
def test_chart_takeaways_follow_the_design():
    marenta = charts_governance.raci_heatmap(governance.marenta_design())
    assert marenta.takeaway == ("O4 Fair access has nobody accountable (no A); 9 of the 11 organisations that "
                                "hold mission budget sit in no co-ordination forum. These letters are the tool's "
                                "proposal, read off the design: the organisations concerned negotiate and agree the "
                                "roles.")
    fixed = governance.exercise_design(SOLUTION_OWNERS, SOLUTION_BOARD, SOLUTION_FORUM, SOLUTION_RIGHTS)
    assert charts_governance.raci_heatmap(fixed).takeaway.startswith("Every objective has one accountable owner")
    sizes = charts_governance.body_sizes_chart(governance.marenta_design())
    assert sizes.takeaway == ("The board (13), the assembly (28) and the mission team (12) are within the real "
                              "benchmarks.")
    big = governance.marenta_design()
    big.body("Mission assembly").seats = None
    big.body("Mission assembly").members = big.body("Mission assembly").members + [
        Member(name=f"Extra {i}", sector="business") for i in range(5)]
    assert "the assembly has 33 (EU cap: 30)" in charts_governance.body_sizes_chart(big).takeaway
    spec = marenta.spec()
    assert spec["description"] and "v5" in spec["$schema"]


def test_governance_form_saves_and_redraws(tmp_path, monkeypatch):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    from missionkit.governance import forms as widgets_governance
    from missionkit.workbook import Workbook

    form = widgets_governance.governance_form()
    html_out = form._repr_mimebundle_()["text/html"]
    assert "4 of the 5 rules are broken" in html_out and "<svg" in html_out
    assert "O4 Fair access has no owner" in html_out
    dropdowns = [c for c in form.children if c.__class__.__name__ == "Dropdown"]
    assert len(dropdowns) == 5
    dropdowns[3].value = "Ministry of Gender and Social Affairs"
    wb = Workbook.open()
    assert wb.get("governance", "objective_owners")["O4"] == "Ministry of Gender and Social Affairs"
    assert "3 of the 5 rules are broken" in form.children[-2].value
    again = widgets_governance.governance_form()
    assert "3 of the 5 rules are broken" in again._repr_mimebundle_()["text/html"]


def test_form_escapes_saved_text(tmp_path, monkeypatch):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    from missionkit.governance import forms as widgets_governance
    from missionkit.workbook import Workbook

    Workbook.open().set("governance", "objective_owners", {"O1": "<script>x</script>"})
    form = widgets_governance.governance_form()
    assert "<script>x" not in form._repr_mimebundle_()["text/html"]


def test_form_survives_odd_saved_values(tmp_path, monkeypatch):
    """A workbook written by another tool (or by hand) never breaks the form."""
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    from missionkit.governance import forms as widgets_governance
    from missionkit.workbook import Workbook

    Workbook.open().update("governance", {"objective_owners": "Transport", "board": "13 seats, mixed",
                                          "forum": ["MoSTI", 3], "ex_ante": "yes"})
    form = widgets_governance.governance_form()
    text = form._repr_mimebundle_()["text/html"]
    assert "rules are broken" in text
    Workbook.open().update("governance", {"objective_owners": {"O1": "Ministry of Social Affairs", "O4": None},
                                          "board": ["Ministry of Transport"], "ex_ante": True})
    form = widgets_governance.governance_form()
    dropdowns = [c for c in form.children if c.__class__.__name__ == "Dropdown"]
    assert dropdowns[0].value == "" and dropdowns[3].value == ""


def test_broken_facts_files_name_the_file(tmp_path):
    assert structures.load_dimensions(structures.DIMENSIONS_FILE) == (governance.DIMENSIONS,
                                                                      governance.DIMENSION_SOURCES)
    assert len(governance.real_structures()) == len(structures.load_structures(structures.STRUCTURES_FILE)) == 10
    good = structures.STRUCTURES_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "governance-structures.yml"
    bad.write_text(good.replace("  where: EU\n", "  where: EU\n  seats: 9\n", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        structures.load_structures(bad)
    assert type(info.value) is MissionkitInputError
    assert "governance-structures.yml" in str(info.value) and "Entry 1" in str(info.value)
    dims = structures.DIMENSIONS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "governance-dimensions.yml"
    bad.write_text(dims.replace("  achieve:", "  aim:", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="governance-dimensions.yml"):
        structures.load_dimensions(bad)
    bad.write_text("dimensions: [unclosed\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="governance-dimensions.yml"):
        structures.load_dimensions(bad)
