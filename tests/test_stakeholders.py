"""Module 06, stakeholders and legitimacy: the case's findings, the board proposal's rules,
feedback on the exercise, bad input from participants, the chart and the form.

Everything about Marenta is FICTIONAL (brief §9.3, D4).
"""
from __future__ import annotations

import html
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case
from missionkit import stakeholders as S
from missionkit.errors import MissionkitInputError
from missionkit.stakeholders import engagement
from missionkit.text import cite

MISSING = {"citizens' group", "informal-transport association", "women's group", "donor", "development bank"}
SOLUTION_RULES = {
    "max_per_type": 4, "max_per_sector": 3, "max_government_share": 0.5, "must_include": None,
    "include": ["Prime Minister's Delivery Office", "Ministry of Transport", "Ministry of Environment",
                "Ministry of Finance", "Amberport City Government", "Kessa City Government",
                "Nuvo Alto City Government"],
    "assembly_size": 28, "assembly_max_per_type": 5,
}


@pytest.fixture(scope="module")
def register():
    return case.load("stakeholders")


@pytest.fixture(scope="module")
def default(register):
    return S.propose_board(register)


# --------------------------------------------------------------------------- the case's findings

def test_missing_voices_are_the_five_the_register_leaves_out(register):
    missing = S.missing_voices(register)
    assert set(missing["type"]) == MISSING
    assert (missing["board"] == 0).all() and (missing["co-design or co-deliver"] == 0).all()
    v = S.voices(register).set_index("type")
    # firms, NGOs and state-owned enterprises shape the mission without a board seat; they are not missing
    assert set(v.index[v["status"] == "shaping"]) == {"firm", "NGO", "state-owned enterprise"}
    assert set(v.index[v["status"] == "on the board"]) == {"ministry", "city", "agency", "university"}
    assert v.loc["citizens' group", "assembly"] == 2 and v.loc["informal-transport association", "assembly"] == 0
    assert "only advises" in v.loc["citizens' group", "why"]


def test_todays_board_is_almost_all_government(register):
    seats = S.seat_table(register)
    assert seats["board"].sum() == 13 and seats["assembly"].sum() == 28
    assert seats.loc[list(S.GOVERNMENT_TYPES), "board"].sum() == 12
    assert seats.loc["informal-transport association", ["board", "assembly"]].sum() == 0


def test_map_reads_interest_as_stake_and_keeps_position_apart(register):
    m = S.stakeholder_map(register)
    assert len(m) == 106 and m["priority"].between(2, 10).all()
    assert set(m["position"]) == {"support", "neutral", "oppose"}
    key = m[m["corner"] == "key player"]
    assert len(key) == 19
    # the informal operators' livelihoods are at stake: high interest, opposed, and no seat anywhere
    informal = key[key["type"] == "informal-transport association"]
    assert len(informal) == 5 and (informal["position"] == "oppose").all() and (informal["seat"] == "none").all()
    assert (key["position"] == "oppose").sum() == 7
    weak = m[m["corner"] == "affected but weak"]
    assert len(weak) == 48 and (weak["voice"] == "missing").sum() == 18
    summary = S.quadrant_summary(register).set_index("corner")
    assert summary.loc["keep satisfied", "organisations"] == 9
    assert summary.loc["key player", "opposing"] == 7
    assert summary["organisations"].sum() == 106


def test_default_board_respects_its_rules_and_seats_every_missing_voice(register, default):
    b = default.board
    assert len(b) == 13 <= S.BOARD_MAX
    assert MISSING <= set(b["type"])
    assert b["type"].value_counts().max() <= 3
    assert b["sector"].value_counts().max() <= 3
    assert b["type"].isin(S.GOVERNMENT_TYPES).sum() == 5  # at most half of 13; opponents with a high stake come in
    assert b["why"].str.len().gt(20).all()
    assert default.checks()["kept"].all()
    # the reserved seats say why
    informal = b[b["type"] == "informal-transport association"].iloc[0]
    assert informal["name"] == "National Federation of Informal Transport Operators"
    assert informal["why"].startswith("Reserved seat for informal transport operators' associations, a missing voice")
    assert "national reach" in informal["why"]
    # the co-leads come in on stake; the STI ministry is left out by the ministries' cap
    assert {"Prime Minister's Delivery Office", "Ministry of Transport", "Ministry of Environment"} <= set(b["name"])
    left = default.left_out.set_index("name")
    assert "Ministry of Science, Technology and Innovation (MoSTI)" in left.index
    assert "4th ministry" in left.loc["Ministry of Science, Technology and Innovation (MoSTI)", "why left out"]
    # a high stake seats opponents too: position says how to engage them, not whether
    assert {"Marenta Petroleum Corporation", "Amberport United Minibus Owners Association"} <= set(b["name"])


def test_default_assembly_is_broad_and_separate_from_the_board(register, default):
    a = default.assembly
    assert len(a) == 28 <= S.ASSEMBLY_MAX
    assert not set(a["name"]) & set(default.board["name"])
    assert set(a["type"]) == set(case.STAKEHOLDER_TYPES)
    assert a["type"].value_counts().max() <= 5
    bal = default.balance().set_index("type")
    assert bal["board (proposed)"].sum() == 13 and bal["board (today)"].sum() == 13
    assert bal["assembly (proposed)"].sum() == 28


def test_solution_rules_seat_finance_cities_and_co_leads(register):
    p = S.propose_board(register, size=15, rules=SOLUTION_RULES)
    b = p.board
    assert len(b) == 15
    assert {"Ministry of Finance", "Nuvo Alto City Government", "Kessa City Government"} <= set(b["name"])
    assert MISSING <= set(b["type"])
    assert b["type"].isin(S.GOVERNMENT_TYPES).sum() == 7
    assert b["why"].iloc[0].startswith("Named seat")
    assert p.checks()["kept"].all()


def test_proposal_is_deterministic(register):
    a = S.propose_board(register, size=11, rules={"max_per_type": 2})
    b = S.propose_board(register, size=11, rules={"max_per_type": 2})
    pd.testing.assert_frame_equal(a.board, b.board)


@settings(max_examples=40)
@given(size=st.integers(3, 15), per_type=st.integers(1, 5), per_sector=st.integers(1, 5),
       share=st.floats(0.0, 1.0), asm=st.integers(0, 30), asm_type=st.integers(1, 6))
def test_any_rules_give_a_rule_abiding_board_or_a_plain_message(size, per_type, per_sector, share, asm, asm_type):
    register = case.load("stakeholders")
    rules = {"max_per_type": per_type, "max_per_sector": per_sector, "max_government_share": share,
             "assembly_size": asm, "assembly_max_per_type": asm_type}
    try:
        p = S.propose_board(register, size=size, rules=rules)
    except MissionkitInputError as error:
        assert error.fix
        return
    b = p.board
    assert len(b) == size
    assert b["type"].value_counts().max() <= per_type
    assert b["sector"].value_counts().max() <= per_sector
    assert b["type"].isin(S.GOVERNMENT_TYPES).sum() <= int(share * size + 1e-9)
    assert MISSING <= set(b["type"])
    assert len(p.assembly) <= asm and not set(p.assembly["name"]) & set(b["name"])
    if len(p.assembly):
        assert p.assembly["type"].value_counts().max() <= asm_type


# --------------------------------------------------------------------------- rules a participant writes

BAD_RULES = [
    # (size, rules, words the message must contain)
    (16, None, "larger than the EU cap of 15"),
    (2, None, "too small"),
    ("twelve", None, "whole number"),
    (13, {"assembly_size": 31}, "assembly_size"),
    (13, {"max_per_typ": 3}, "Did you mean 'max_per_type'"),
    (13, {"max_per_type": 0}, "max_per_type"),
    (13, {"max_per_type": 2.5}, "max_per_type"),
    (13, {"max_government_share": 50}, "share between 0 and 1"),
    (13, {"must_include": ["aliens"]}, "not a kind of actor"),
    (13, {"must_include": "donor", "include": 5}, "list of names"),
    (13, {"include": ["Ministry of Fiance"]}, "Did you mean 'Ministry of Finance'"),
    (13, {"include": ["Ministry"]}, "matches"),
    (15, {"max_per_type": 1}, "cannot be filled"),
    (4, {}, "reserve"),
    (13, {"max_per_sector": 1, "include": ["Ministry of Transport", "Kessa Transport Department"]}, "sector"),
    (13, ["max_per_type", 3], "dict"),
]


@pytest.mark.parametrize("size, rules, words", BAD_RULES, ids=[w for *_, w in BAD_RULES])
def test_bad_rules_get_a_plain_message_with_a_fix(register, size, rules, words):
    with pytest.raises(MissionkitInputError) as info:
        S.propose_board(register, size=size, rules=rules)
    assert words in info.value.message
    assert info.value.fix


def test_an_own_register_keeps_position_apart_from_interest():
    reg = S.read_register(b"name,type,interest,influence,position\nRiders,informal transport,5,5,oppose\n"
                          b"City Hall,city,5,4,\n", name="mine.csv")
    assert reg["position"].tolist() == ["oppose", "not given"]
    m = S.stakeholder_map(reg)
    assert m.loc[0, "corner"] == "key player" and m.loc[0, "position"] == "oppose"


def test_rules_accept_plain_words_and_blank_values():
    r = S.parse_rules({"must_include": ["citizens", "development partners"], "max_per_type": ...})
    assert r.must_include == ("citizens' group", "donor", "development bank")
    assert r.max_per_type == 3
    assert S.parse_rules(None) == S.BoardRules()


# --------------------------------------------------------------------------- a participant's own register (bad inputs)

GOOD_CSV = ("name,type,interest,influence\nMinistry of Roads,ministry,4,5\nRiders United,informal transport,1,5\n"
            "Women Walk,women's group,5,1\nCity Hall,city,5,4\n")

# (file content, expected row, expected column, words in the message)
BAD_REGISTERS = [
    ("name,type,interest\nA,ministry,3\n", 1, "influence", "influence"),
    ("name,type,interest,influence\nA,ministry,7,3\n", 2, "interest", "5"),
    ("name,type,interest,influence\nA,ministry,3,3\nB,alien,2,2\n", 3, "type", "alien"),
    ("name,type,interest,influence\nA,ministry,3,3\nA,city,2,2\n", 3, "name", "A"),
    ("name,type,interest,influence\nA,ministry,3,high\n", 2, "influence", "high"),
    ("name,type,interest,influence\nA,ministry,,3\n", 2, "interest", "empty"),
    ("name,type,interest,influence,seat\nA,ministry,3,3,throne\n", 2, "seat", "throne"),
    ("name,type,interest,influence,position\nA,ministry,3,3,hostile\n", 2, "position", "hostile"),
    ("name;type;interest;influence\nA;ministry;3,5;2\n", 2, "interest", "whole number"),
]


@pytest.mark.parametrize("content, row, column, words", BAD_REGISTERS,
                         ids=[f"{c}-{w}" for _, _, c, w in BAD_REGISTERS])
def test_bad_registers_name_file_row_and_column(content, row, column, words):
    with pytest.raises(MissionkitInputError) as info:
        S.read_register(content.encode("utf-8"), name="my-register.csv")
    err = info.value
    assert err.file == "my-register.csv"
    assert err.column == column
    assert err.row == row
    assert words.lower() in err.message.lower()
    assert err.fix


def test_a_good_own_register_works_end_to_end():
    reg = S.read_register(GOOD_CSV.encode("utf-8"), name="mine.csv")
    assert list(reg["type"]) == ["ministry", "informal-transport association", "women's group", "city"]
    assert (reg["seat"] == "none").all() and reg["stakeholder_id"].tolist() == ["S001", "S002", "S003", "S004"]
    missing = set(S.missing_voices(reg)["type"])
    assert missing == {"ministry", "informal-transport association", "women's group", "city"}
    p = S.propose_board(reg, size=3, rules={"max_government_share": 1.0, "must_include": []})
    assert len(p.board) == 3


def test_register_must_be_a_table():
    with pytest.raises(MissionkitInputError, match="should be a table"):
        S.voices("stakeholders.csv")


def test_an_edited_case_register_with_a_bad_score_names_the_row(register):
    bad = register.copy()
    bad.loc[4, "influence"] = 9
    with pytest.raises(MissionkitInputError) as info:
        S.check_register(bad)
    assert info.value.row == 6 and info.value.column == "influence"


# --------------------------------------------------------------------------- engagement and formats

SOLUTION_LEVELS = {"citizens' group": "co-design", "informal-transport association": "co-deliver",
                   "women's group": "co-design", "donor": "co-design", "development bank": "co-deliver"}
SOLUTION_FORMATS = {"citizens' group": "street pilot and poll", "informal-transport association": "delivery agreement",
                    "women's group": "citizen panel", "donor": "mission board",
                    "development bank": "co-drafted contract"}


def test_engagement_feedback_blank_solution_and_wrong():
    assert S.check_engagement_plan(..., ...).status == "not answered"
    blank = {k: ... for k in SOLUTION_LEVELS}
    assert S.check_engagement_plan(blank, blank).status == "not answered"
    assert S.check_engagement_plan(SOLUTION_LEVELS, SOLUTION_FORMATS).status == "good"
    wrong = S.check_engagement_plan({k: "inform" for k in SOLUTION_LEVELS}, ...)
    assert wrong.status == "revise" and "Informing is one-way" in wrong.text()
    assert "Still to answer: the formats" in wrong.text()


def test_engagement_feedback_names_format_mismatch_and_half_answers():
    fb = S.check_engagement_plan(SOLUTION_LEVELS, {**SOLUTION_FORMATS, "women's group": "public information"})
    assert fb.status == "partly" and "does not fit" in fb.text()
    short = S.check_engagement_plan({**SOLUTION_LEVELS, "donor": "consult"}, SOLUTION_FORMATS)
    assert short.status == "partly" and "aim for" in short.text()
    half = S.check_engagement_plan({"women's group": "co-design"}, None)
    assert "Still to answer" in half.text()
    odd = S.check_engagement_plan({"martians": "co-design", **SOLUTION_LEVELS}, SOLUTION_FORMATS)
    assert odd.status == "revise" and "martians" in odd.text()
    everyone = S.check_engagement_plan({k: "co-deliver" for k in SOLUTION_LEVELS}, None)
    assert "costly" in everyone.text()


def test_ladder_and_formats_carry_sources():
    ladder = S.engagement_ladder()
    assert list(ladder["level"]) == list(S.ENGAGEMENT_LEVELS)
    formats = S.legitimacy_formats().set_index("format")
    assert "1,800" in formats.loc["public call for ideas", "real example"]
    assert "more than 70% positive" in formats.loc["street pilot and poll", "real example"]
    assert "not re-checked" in formats.loc["street pilot and poll", "handle with care"]
    assert "up to 15" in formats.loc["mission board", "real example"]
    assert "OUR PROPOSAL" in formats.loc["citizen panel", "handle with care"]
    for f in S.FORMATS_DETAIL:
        if f.name != "public information":
            assert f.sources and all(cite(k) != k for k in f.sources), f.name


def test_broken_facts_files_name_the_file(tmp_path):
    assert engagement.load_formats(engagement.FORMATS_FILE) == S.FORMATS_DETAIL
    assert len(engagement.load_ladder(engagement.LADDER_FILE)) == len(S.ENGAGEMENT_LEVELS)
    good = engagement.FORMATS_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "stakeholders-formats.yml"
    bad.write_text(good.replace("  caution:", "  warning:", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as info:
        engagement.load_formats(bad)
    assert type(info.value) is MissionkitInputError
    assert "stakeholders-formats.yml" in str(info.value) and "Entry 1" in str(info.value)
    ladder = tmp_path / "stakeholders-engagement-ladder.yml"
    ladder.write_text("- level: inform\n  what: [unclosed\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="stakeholders-engagement-ladder.yml"):
        engagement.load_ladder(ladder)


# --------------------------------------------------------------------------- exercise checks

def test_check_missing_voices():
    assert S.check_missing_voices(...).status == "not answered"
    good = S.check_missing_voices(["citizens", "informal operators", "women's groups", "development partners"])
    assert good.status == "good"
    wrong = S.check_missing_voices(["citizens' group", "women's group", "donor"])
    assert wrong.status == "partly" and "You left out informal transport operators" in wrong.text()
    firms = S.check_missing_voices(sorted(MISSING) + ["firm"])
    assert firms.status == "revise" and "Firms are not missing" in firms.text()
    assert S.check_missing_voices({"a": 1}).status == "revise"


def test_check_board():
    assert S.check_board(..., ...).status == "not answered"
    assert S.check_board(15, SOLUTION_RULES).status == "good"
    big = S.check_board(20, ...)
    assert big.status == "revise" and "at most 15 members" in big.text()
    default = S.check_board(13, None)
    assert default.status == "partly" and "Ministry of Finance is not on the board" in default.text()
    no_voices = S.check_board(13, {"must_include": [], "max_government_share": 1.0})
    assert no_voices.status == "revise" and "leaves out" in no_voices.text()
    broken = S.check_board(13, {"max_per_typ": 2})
    assert broken.status == "revise" and "Did you mean" in broken.text()
    md = S.check_board(15, SOLUTION_RULES)._repr_markdown_()
    assert "| 4 | Ministry of Finance | ministry |" in md


# --------------------------------------------------------------------------- chart

def test_map_chart_has_its_takeaway_selection_and_tooltips(register):
    from missionkit.stakeholders import charts as CS

    fig = CS.interest_influence_map(register)
    assert fig.takeaway.startswith("7 key players (interest and influence 4 or 5) oppose the reforms")
    assert "5 of them are informal transport operators' associations, none with a seat" in fig.takeaway
    assert "18 of the 48 affected but weak organisations" in fig.takeaway
    spec = fig.spec()
    assert spec["title"]["text"] and spec["description"].startswith("Scatter chart of 106 organisations")
    assert any(p.get("bind") == "legend" for p in spec["params"])
    tooltip = [layer for layer in spec["layer"] if "tooltip" in layer.get("encoding", {})]
    assert tooltip and any(t["field"] == "name" for t in tooltip[0]["encoding"]["tooltip"])


def test_balance_chart_takeaway(register, default):
    from missionkit.stakeholders import charts as CS

    fig = CS.board_balance(default)
    assert fig.takeaway.startswith("Government holds 12 of 13 board seats today and 5 of 13 in the proposal")
    assert "informal transport operators' associations" in fig.takeaway


# --------------------------------------------------------------------------- form

def test_engagement_form_saves_loads_and_escapes(tmp_path, monkeypatch):
    import ipywidgets as w

    from missionkit.stakeholders import forms as WS
    from missionkit.workbook import Workbook

    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    form = WS.engagement_plan_form()
    boxes = [c for c in form.children if isinstance(c, w.HBox)]
    texts = [c for c in form.children if isinstance(c, w.Text)]
    assert len(boxes) == len(texts) == 5
    assert Workbook.open().get("stakeholders", "engagement_plan") is None  # nothing saved until a change
    boxes[0].children[0].value = "co-deliver"
    texts[0].value = "<script>alert(1)</script>"
    saved = Workbook.open().get("stakeholders", "engagement_plan")
    assert saved["informal-transport association"]["level"] == "co-deliver"
    static = form._repr_mimebundle_()["text/html"]
    assert "<script>alert" not in static and "&lt;script&gt;" in static
    again = WS.engagement_plan_form()
    boxes2 = [c for c in again.children if isinstance(c, w.HBox)]
    assert boxes2[0].children[0].value == "co-deliver"


def test_engagement_form_example_is_only_partly_there(tmp_path, monkeypatch):
    from missionkit.stakeholders import forms as WS

    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    static = WS.engagement_plan_form()._repr_mimebundle_()["text/html"]
    assert "Partly there" in static and "Well done" not in static
    assert html.escape("Negotiate route contracts") in static


def test_domain_module_never_prints(register, capsys):
    S.propose_board(register)
    S.check_board(15, SOLUTION_RULES)
    assert capsys.readouterr().out == ""


def test_reading_from_a_file_object_path(tmp_path):
    path = tmp_path / "register.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    assert len(S.read_register(str(path))) == 4
    assert io  # keeps the import used for readers of the bad-input table
