"""Module 07, mission diagnostics: the survey's and focus groups' planted findings, the uncertainty
of small groups, theme coding, feedback on the exercise, bad input from participants, charts and the form.

Everything about Marenta is FICTIONAL (brief §9.3, D5).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case
from missionkit import diagnostics as D
from missionkit.errors import MissionkitInputError

SOLUTION_RECOMMENDATIONS = {
    "Recommendation 1": "The Ministry of Finance and the Delivery Office should create one multi-year mission budget "
                        "line and align the ministries' budgets behind the corridors in the 2027 budget (Q17-Q19, R5; "
                        "theme 'budgets not aligned').",
    "Recommendation 2": "The board should set up one joint delivery team per corridor, with a single contact for "
                        "cities, operators and residents, to break the silos between ministries (Q10, Q12; theme "
                        "'silos').",
    "Recommendation 3": "Build on the bottom-up start in Kessa and Nuvo Alto: give their city mission units a budget "
                        "of their own and let them lead street pilots (Q07 by city; theme 'bottom-up start').",
}


@pytest.fixture(scope="module")
def survey():
    return case.load("survey")


@pytest.fixture(scope="module")
def items():
    return case.load("survey_items")


# --------------------------------------------------------------------------- the planted pattern

def test_problem_matters_medians_4_on_q01_to_q03(survey, items):
    s = D.item_summary(survey, items).set_index("item")
    assert (s.loc[["Q01", "Q02", "Q03"], "median"] == 4).all()
    assert (s.loc[["Q01", "Q02", "Q03"], "agree"] > 0.8).all()
    assert s["median"].max() == 4 and set(s.index[s["median"] >= 4]) == {"Q01", "Q02", "Q03"}


def test_low_confidence_in_budgets_medians_2_on_q17_to_q19(survey, items):
    s = D.item_summary(survey, items).set_index("item")
    assert (s.loc[["Q17", "Q18", "Q19"], "median"] == 2).all()
    assert set(s.sort_values("disagree", ascending=False).index[:3]) == {"Q17", "Q18", "Q19"}
    assert (s.loc[["Q17", "Q18", "Q19"], "agree"] < 0.03).all()
    d = D.dimension_summary(survey, items).set_index("dimension")
    assert d["disagree"].idxmax() == "R5" and d.loc["R5", "median score"] == 2
    assert d.loc["R1", "median score"] == 4


def test_bottom_up_majority_in_kessa_and_nuvo_alto_only(survey):
    q07 = D.agreement_by(survey, "Q07", "city").set_index("city")
    assert set(q07.index[q07["agree"] > 0.5]) == {"Kessa", "Nuvo Alto"}
    assert q07.loc["Kessa", "n"] == 26 and round(q07.loc["Kessa", "agree"], 3) == round(22 / 26, 3)
    assert q07.loc["Nuvo Alto", "n"] == 17 and round(q07.loc["Nuvo Alto", "agree"], 3) == round(12 / 17, 3)
    # Kessa's majority is clear; Nuvo Alto's interval reaches below half: likely, not certain
    assert q07.loc["Kessa", "agree_low"] > 0.5 and q07.loc["Nuvo Alto", "agree_low"] < 0.5
    assert q07.loc["Amberport", "agree"] < 0.1 and q07.loc["national", "agree"] < 0.2


def test_small_groups_flagged_informal_operators_and_citizens_n7(survey):
    sizes = D.group_sizes(survey, "org_type").set_index("org_type")
    assert set(sizes.index[sizes["small"]]) == {"informal-transport association", "citizens' group"}
    assert sizes.loc["informal-transport association", "respondents"] == 7
    assert sizes.loc["citizens' group", "respondents"] == 7
    assert not sizes.loc["women's group", "small"]  # n = 10 is enough to read, with its interval
    assert "too small to read alone" in sizes.loc["citizens' group", "how to read it"]
    by_group = D.item_summary(survey, by="org_type")
    assert by_group.loc[by_group["org_type"] == "citizens' group", "small"].all()


def test_silo_complaints_seven_statements_across_five_groups():
    counts = D.theme_counts().set_index("theme")
    assert counts.loc["silos", "statements"] == 7
    assert counts.loc["silos", "groups"] == 5 and counts.loc["silos", "of groups"] == 5
    assert counts.index[0] == "silos"  # the most frequent theme
    assert counts.loc["budgets not aligned", "statements"] == 4
    assert counts.loc["bottom-up start", "which groups"] == "FG3, FG5"  # Nuvo Alto and Kessa
    coded = D.code_statements()
    silo = coded[coded["themes"].str.contains("silos")]
    assert set(silo["city"]) == {"Amberport", "Kessa", "Nuvo Alto", "national"}
    assert len(D.uncoded()) == 8


def test_findings_report_the_pattern(survey, items):
    f = D.survey_findings(survey, items).set_index("finding")
    assert f.loc["strong agreement", "evidence"] == "Q01, Q02, Q03"
    assert "median 4" in f.loc["strong agreement", "figures"]
    assert f.loc["weakest dimension", "what"].startswith("The weakest dimension is R5")
    assert "Q17, Q18, Q19" in f.loc["most disagreed", "evidence"]
    split = f.loc["split by city"]
    assert isinstance(split, pd.Series) and split["evidence"] == "Q07"
    assert "a majority agrees in Kessa and Nuvo Alto" in split["what"]
    small = f.loc["small groups"]
    assert any("citizens' group (n = 7) and informal-transport association (n = 7)" in w for w in small["what"])


# --------------------------------------------------------------------------- uncertainty

def test_wilson_matches_scipy_and_known_values():
    from scipy.stats import binomtest

    for k, n in [(12, 17), (22, 26), (0, 7), (7, 7), (1, 2), (100, 204)]:
        lo, hi = D.wilson_interval(k, n)
        ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
        assert math.isclose(lo, ci.low, abs_tol=1e-9) and math.isclose(hi, ci.high, abs_tol=1e-9)
    assert D.wilson_interval(0, 0) == (0.0, 1.0)
    lo, hi = D.wilson_interval(5, 7)
    assert hi - lo > 0.4  # 7 people: the interval spans more than 40 points
    with pytest.raises(MissionkitInputError):
        D.wilson_interval(8, 7)


@settings(max_examples=200)
@given(n=st.integers(1, 500), data=st.data(), conf=st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_interval_contains_the_share_and_stays_in_0_1(n, data, conf):
    k = data.draw(st.integers(0, n))
    lo, hi = D.wilson_interval(k, n, conf)
    assert 0 <= lo <= k / n <= hi <= 1


def test_dimension_counts_respondents_not_answers(survey, items):
    d = D.dimension_summary(survey, items)
    assert (d["n"] == len(survey)).all()  # every respondent answered at least one item per dimension


# --------------------------------------------------------------------------- a participant's own survey (bad inputs)

OWN_ITEMS = "item,dimension,wording\nA1,R1,The problem is urgent.\nA2,R5,The budget is enough.\n"
OWN_SURVEY = "org_type,A1,A2\nministry,4,2\nministry,5,\nNGO,3,1\n"

# (file content, expected row, expected column, words in the message)
BAD_SURVEYS = [
    ("org_type,A1\nministry,4\n", 1, "A2", "A2"),
    ("org_type,A1,A2\nministry,4,7\n", 2, "A2", "5"),
    ("org_type,A1,A2\nministry,4,2\nNGO,agree,2\n", 3, "A1", "agree"),
    ("org_type,A1,A2\nministry,4,2.5\n", 2, "A2", "whole number"),
    ("org_type;A1;A2\nministry;0;2\n", 2, "A1", "1"),
]


@pytest.mark.parametrize("content, row, column, words", BAD_SURVEYS, ids=[f"{c}-{w}" for _, _, c, w in BAD_SURVEYS])
def test_bad_surveys_name_file_row_and_column(content, row, column, words):
    own_items = D.read_items(OWN_ITEMS.encode(), name="items.csv")
    with pytest.raises(MissionkitInputError) as info:
        D.read_survey(content.encode("utf-8"), own_items, name="my-survey.csv")
    err = info.value
    assert (err.file, err.row, err.column) == ("my-survey.csv", row, column)
    assert words.lower() in err.message.lower() and err.fix


BAD_ITEMS = [
    ("item,dimension\nA1,R1\n", 1, "wording", "wording"),
    ("item,dimension,wording\nA1,R1,x\nA1,R2,y\n", 3, "item", "A1"),
    ("item,dimension,wording\nA1,,x\n", 2, "dimension", "empty"),
]


@pytest.mark.parametrize("content, row, column, words", BAD_ITEMS, ids=[f"{c}-{w}" for _, _, c, w in BAD_ITEMS])
def test_bad_item_lists_name_file_row_and_column(content, row, column, words):
    with pytest.raises(MissionkitInputError) as info:
        D.read_items(content.encode("utf-8"), name="items.csv")
    err = info.value
    assert (err.file, err.row, err.column) == ("items.csv", row, column)
    assert words.lower() in err.message.lower() and err.fix


def test_own_survey_end_to_end():
    own_items = D.read_items(OWN_ITEMS.encode(), name="items.csv")
    sv = D.read_survey(OWN_SURVEY.encode(), own_items, name="s.csv")
    s = D.item_summary(sv, own_items).set_index("item")
    assert s.loc["A1", "n"] == 3 and s.loc["A2", "n"] == 2 and s["small"].all()
    assert D.group_sizes(sv, "org_type").set_index("org_type").loc["ministry", "respondents"] == 2
    assert list(sv["respondent_id"]) == ["R001", "R002", "R003"]


BAD_FRAMES = [
    # (what is wrong, callable, words)
    ("answer out of range", lambda s, i: D.item_summary(s.assign(Q05=s["Q05"].astype("float").fillna(3)
                                                                  .mask(s.index == 3, 9)), i), "row 5"),
    ("missing item column", lambda s, i: D.item_summary(s.drop(columns="Q12"), i), "Q12"),
    ("unknown group column", lambda s, i: D.item_summary(s, i, by="orgtype"), "org_type"),
    ("unknown item or dimension", lambda s, i: D.agreement_by(s, "Q99", "city"), "neither an item"),
    ("survey is not a table", lambda s, i: D.item_summary("survey.csv", i), "should be a table"),
    ("item list is not a table", lambda s, i: D.item_summary(s, ["Q01"]), "should be a table"),
    ("item list lacks a column", lambda s, i: D.item_summary(s, i.drop(columns="wording")), "wording"),
]


@pytest.mark.parametrize("what, call, words", BAD_FRAMES, ids=[w for w, *_ in BAD_FRAMES])
def test_bad_tables_in_code_get_plain_messages(survey, items, what, call, words):
    with pytest.raises(MissionkitInputError) as info:
        call(survey, items)
    assert words in info.value.message and info.value.fix


# --------------------------------------------------------------------------- themes

BAD_THEMES = [
    (["silo"], "should be a dict"),
    ({"silos": []}, "has no keywords"),
    ({"silos": ["a"]}, "too short"),
    ({"silos": 5}, "list of words"),
    ({" ": ["silo"]}, "has no name"),
]


@pytest.mark.parametrize("themes, words", BAD_THEMES, ids=[w for _, w in BAD_THEMES])
def test_bad_codebooks_get_plain_messages(themes, words):
    with pytest.raises(MissionkitInputError) as info:
        D.parse_themes(themes)
    assert words in info.value.message and info.value.fix


def test_codebook_accepts_comma_text_and_skips_blank_themes():
    book = D.parse_themes({"silos": "Silo, each ministry ", "later": ...})
    assert book == {"silos": ("silo", "each ministry")}


@settings(max_examples=60)
@given(st.dictionaries(st.text(min_size=1, max_size=12).filter(lambda t: t.strip()),
                       st.lists(st.text(min_size=3, max_size=10).filter(lambda t: len(t.strip()) >= 3),
                                min_size=1, max_size=4), min_size=1, max_size=4))
def test_any_codebook_codes_every_statement_once(themes):
    coded = D.code_statements(themes)
    counts = D.theme_counts(themes)
    assert len(coded) == 38
    for theme, n in zip(counts["theme"], counts["statements"], strict=False):
        assert n == sum(theme in ts.split("; ") for ts in coded["themes"])


# --------------------------------------------------------------------------- exercise checks

def test_check_survey_design():
    assert D.check_survey_design(..., ...).status == "not answered"
    good = D.check_survey_design(["Q01", "Q05", "Q09", "Q13", "Q17", "Q21", "Q25", "Q28"],
                                 "Bus stops near my home are well lit at night.")
    assert good.status == "good"
    wrong = D.check_survey_design(["Q01", "Q02", "Q03", "Q17", "Q18", "Q19"], ...)
    assert wrong.status == "revise" and "leaves out dimensions R2" in wrong.text()
    assert "Still to answer: new_item" in wrong.text()
    assert D.check_survey_design(["Q01", "Q99"], "x y z w v").status == "revise"
    assert "question" in D.check_item_wording("Are the stops safe?").text()
    assert "double-barrelled" in D.check_item_wording("Buses are frequent and cheap for me.").text()
    assert D.check_item_wording("Obviously the mission is clearly a great success here.").status == "revise"
    assert "double negative" in D.check_item_wording("It is not true that nobody listens to us.").text()


def test_check_survey_reading():
    assert D.check_survey_reading(..., ...).status == "not answered"
    good = D.check_survey_reading(["informal operators", "citizens"], ["Kessa", "Nuvo Alto"])
    assert good.status == "good" and "likely but not certain" in good.text()
    wrong = D.check_survey_reading(["informal-transport association"], ["Amberport", "Kessa", "Nuvo Alto",
                                                                         "national"])
    assert wrong.status == "revise" and "not a majority in Amberport" in wrong.text()
    assert "You left out citizens' group (n = 7)" in wrong.text()
    women = D.check_survey_reading(["women's group"], ...)
    assert women.status == "revise" and "n = 10" in women.text()


def test_check_themes():
    assert D.check_themes(...).status == "not answered"
    assert D.check_themes({k: ... for k in D.DEFAULT_THEMES}).status == "not answered"
    assert D.check_themes(D.DEFAULT_THEMES).status == "good"
    narrow = D.check_themes({"silos": ["silo"]})
    assert narrow.status == "revise" and "finds only 2 of the 7" in narrow.text()
    broad = D.check_themes({"silos": ["the"]})
    assert broad.status == "revise" and "too broad" in broad.text()
    own = D.check_themes({**D.DEFAULT_THEMES, "data gaps": ["no data"]})
    assert own.status == "good" and "Your own theme" in own.text()
    half = D.check_themes({"silos": D.DEFAULT_THEMES["silos"], "not asked": ...})
    assert "Still to answer" in half.text()
    assert D.check_themes({"silos": ["a"]}).status == "revise"


def test_check_recommendations():
    assert D.check_recommendations(...).status == "not answered"
    blank = {f"Recommendation {i}": ... for i in (1, 2, 3)}
    assert D.check_recommendations(blank).status == "not answered"
    assert D.check_recommendations(SOLUTION_RECOMMENDATIONS).status == "good"
    vague = D.check_recommendations({"Recommendation 1": "Improve co-ordination.",
                                     "Recommendation 2": "Find more money.", "Recommendation 3": "Talk to people."})
    assert vague.status == "revise" and "does not cite a finding" in vague.text()
    middling = D.assess_recommendation("Make the mission's objectives clear to every official in the ministries (Q04).")
    assert middling.status == "revise" and "no clear pattern" in middling.text()
    unknown = D.assess_recommendation("Fund the corridors properly from one budget line (Q45).")
    assert "Q45 is not an item" in unknown.text()
    loose = D.assess_recommendation("Hold a meeting about it soon with everyone involved (theme 'silos').")
    assert loose.status == "partly" and "Say how the evidence supports it" in loose.text()
    one = D.check_recommendations({"Recommendation 1": SOLUTION_RECOMMENDATIONS["Recommendation 1"],
                                   "Recommendation 2": ..., "Recommendation 3": ...})
    assert one.status == "partly" and "Still to answer" in one.text()
    same = D.check_recommendations([SOLUTION_RECOMMENDATIONS["Recommendation 1"]] * 3)
    assert "exactly the same evidence" in same.text()
    # the participant's own codebook is used for theme names
    own = D.assess_recommendation("Give each city one contact person so people know where to go (theme "
                                  "'fragmented').", {"fragmented": ["who to complain to", "each ministry"]})
    assert "fragmented" in own.text()


# --- an item is judged by its agree/disagree balance, never by its median alone (median 3 is not "neutral")

# (share who agree, share who disagree, expected lean)
LEANS = [
    (0.10, 0.49, "disagree"),          # Q27: median 3, yet five times more disagree than agree
    (0.13, 0.48, "disagree"),          # Q13
    (0.09, 0.36, "disagree"),          # R7: under 40%, but 27 points apart
    (0.87, 0.00, "agree"),
    (0.40, 0.20, "agree"),             # exactly 40% and twice the other
    (0.31, 0.25, "no clear pattern"),  # Q04: divided
    (0.17, 0.36, "no clear pattern"),  # Q26: 19 points apart, under 40%
    (0.45, 0.45, "no clear pattern"),  # half and half: median 3, not neutral, but no lean either
    (0.05, 0.05, "no clear pattern"),  # most answered "neither"
]


@pytest.mark.parametrize("agree, disagree, expected", LEANS, ids=[f"{a}-{d}" for a, d, _ in LEANS])
def test_lean_reads_the_balance_of_shares(agree, disagree, expected):
    assert D.lean(agree, disagree) == expected


@settings(max_examples=200)
@given(a=st.floats(0, 1), d=st.floats(0, 1))
def test_lean_is_symmetric(a, d):
    flip = {"agree": "disagree", "disagree": "agree", "no clear pattern": "no clear pattern"}
    if a + d <= 1:
        assert D.lean(d, a) == flip[D.lean(a, d)]


def test_median_3_items_with_a_clear_lean_count_as_findings(survey, items):
    s = D.item_summary(survey, items).set_index("item")
    median3 = set(s.index[s["median"] == 3])
    assert {"Q13", "Q21", "Q27"} <= median3  # the items the reviewer found called "no clear pattern"
    unclear = {i for i in s.index if D.lean(s.loc[i, "agree"], s.loc[i, "disagree"]) == "no clear pattern"}
    assert unclear == {"Q04", "Q08", "Q16", "Q25", "Q26"}
    for item in s.index:  # the wording in quotes is a citation: it never counts as a claim
        fb = D.assess_recommendation(f"The Delivery Office should respond by 2027 to \u201c{s.loc[item, 'wording']}"
                                     f"\u201d ({item}).")
        assert ("no clear pattern" in fb.text()) == (item in unclear), item
        assert "median 3" not in fb.text() and "points the other way" not in fb.text(), item


# (recommendation, expected status, phrase the feedback must contain)
RECOMMENDATIONS = [
    # a median of 3 with a clear lean is a finding (it was called "no clear pattern")
    ("The board should give community groups and transport operators a seat in design teams from 2027 (Q27).",
     "good", "Q27 (49% disagree, 10% agree)"),
    ("From 2027 the Ministry should review each sector's policies so they point in the mission's direction (Q13).",
     "good", "Q13 (48% disagree, 13% agree)"),
    ("The Delivery Office should train staff to manage a portfolio of projects in 2027 (Q21).",
     "good", "Q21 (49% disagree, 12% agree)"),
    ("From 2027 the Delivery Office should fund local firms and universities to co-design services with "
     "operators (R7).", "good", "R7 (36% disagree on average, 9% agree)"),
    ("Make the mission's objectives clear to every official in the ministries (Q04).",
     "revise", "Q04 shows no clear pattern (31% agree, 25% disagree): opinion is divided"),
    # reading the evidence backwards
    ("Q17 and R5 show the mission budget is sufficient, so the Ministry of Finance should cut the mission budget by "
     "20% in 2027 and move the money to the highway programme.", "revise",
     "The evidence points the other way: Q17 \u201cThe mission has enough budget to meet its goals.\u201d: 82% "
     "disagree, 1% agree. Your text says \u201csufficient\u201d"),
    ("The Ministry of Finance should cut the mission budget by 20% and move the money to the highway programme "
     "(Q17, R5).", "revise", "R5 (Funding, finance and donor alignment): 91% disagree on average"),
    ("The mission has enough budget (Q17), so the Delivery Office should spend it on corridors next year.",
     "revise", "Your text says \u201cenough\u201d"),
    ("R3 shows co-ordination works well, so the board can leave governance as it is until 2028.",
     "revise", "Your text says \u201cworks well\u201d"),
    ("Officials agree that the budgets are aligned (Q19), so the Ministry of Finance can stop its review this year.",
     "revise", "a finding that most people disagree with points to a gap to fill"),
    ("Q21 shows staff skills are strong, so the Delivery Office should cut training budgets in 2027.",
     "revise", "Q21 \u201cMy organisation has staff with the skills to manage a portfolio of projects.\u201d: 49% "
               "disagree"),
    # reading it the right way round, with the same words: no alarm
    ("Only 1% agree that the mission has enough budget (Q17), so the Ministry of Finance should add a multi-year "
     "budget line in 2027.", "good", "Rests on Q17 (82% disagree, 1% agree)"),
    ("Most officials disagree that the budget is enough (Q17-Q19), so the Ministry of Finance should create one "
     "budget line in 2027.", "good", "Q19 (79% disagree, 2% agree)"),
    ("The Ministry of Finance should ensure the mission has enough budget from 2027 (Q17, R5).", "good",
     "Rests on Q17"),
    ("The board should cut the funding gap for the corridors in 2027 (R5).", "good", "Rests on R5"),
    ("The budget is not enough (Q17), so the Ministry of Finance should add one budget line in 2027.", "good",
     "Rests on Q17"),
]


@pytest.mark.parametrize("text, status, phrase", RECOMMENDATIONS, ids=[t[:40] for t, *_ in RECOMMENDATIONS])
def test_recommendation_is_judged_on_shares_and_direction(text, status, phrase):
    fb = D.assess_recommendation(text)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()
    if status == "good":
        assert "points the other way" not in fb.text()


def test_a_backwards_recommendation_spoils_the_set():
    backwards = RECOMMENDATIONS[5][0]
    fb = D.check_recommendations({**SOLUTION_RECOMMENDATIONS, "Recommendation 1": backwards})
    assert fb.status == "revise" and "Recommendation 1: The evidence points the other way" in fb.text()
    assert "Well done" not in fb.text()


# --- survey items: loaded words and copies

# (new item, expected status, phrase the feedback must contain)
ITEM_WORDINGS = [
    ("The brilliant new bus corridors will make my commute faster.", "revise", "a loaded word pushes the answer"),
    ("The government has failed to make buses safe for women at night.", "revise", "(\u201cfailed\u201d)"),
    ("Obviously the mission is clearly a great success here.", "revise",
     "loaded words (\u201cobviously\u201d, \u201cclearly\u201d and \u201cgreat\u201d)"),
    ("Of course the terrible traffic harms my health.", "revise", "\u201cof course\u201d"),
    ("The mission has enough budget to meet its goals.", "revise", "It copies item Q17"),
    ("The mission has enough money to meet its goals.", "revise", "It copies item Q17"),
    ("Congestion in my city is a serious problem.", "revise", "It copies item Q01"),
    ("Bus stops near my home are well lit at night.", "good", "A short, neutral statement"),
    ("I feel safe waiting for public transport near my home after dark.", "good", "A short, neutral statement"),
    ("Fares are affordable for people on low incomes.", "good", "A short, neutral statement"),
    ("The great majority of my journeys are by bus.", "revise", "\u201cgreat\u201d"),  # loaded-word list is blunt
]


@pytest.mark.parametrize("wording, status, phrase", ITEM_WORDINGS, ids=[w[:30] for w, *_ in ITEM_WORDINGS])
def test_item_wording_flags_loaded_words_and_copies(wording, status, phrase):
    fb = D.check_item_wording(wording)
    assert fb.status == status, fb.text()
    assert phrase in fb.text(), fb.text()
    if status != "good":
        assert "neutral statement" not in fb.text()


def test_item_copy_check_uses_the_given_item_list_and_survey_design_passes_it_on(items):
    own = pd.DataFrame({"item": ["A1"], "dimension": ["R1"], "wording": ["Bus stops near my home are well lit."]})
    assert "copies item A1" in D.check_item_wording("Bus stops near my home are well lit.", own).text()
    assert D.check_item_wording("Bus stops near my home are well lit.", items).status == "good"
    fb = D.check_survey_design(["Q01", "Q05", "Q09", "Q13", "Q17", "Q21", "Q25", "Q28"],
                               "The brilliant new bus corridors will make my commute faster.")
    assert fb.status == "revise" and "Your new item: It uses a loaded word" in fb.text()


def test_evidence_parsing_reads_ranges_dimensions_and_themes():
    ev = D.evidence_in("See Q17–Q19 and q07, R5; theme 'silos' and Budgets Not Aligned.")
    assert ev == {"items": ["Q17", "Q18", "Q19", "Q07"], "dimensions": ["R5"],
                  "themes": ["silos", "budgets not aligned"]}


# --------------------------------------------------------------------------- charts

def test_likert_chart_takeaway_and_dimension_dropdown(survey, items):
    from missionkit.diagnostics import charts as CD

    fig = CD.likert_bars(survey, items)
    assert fig.takeaway.startswith("Agreement is strongest on Q01\u2013Q03 (median 4")
    assert "disagreement strongest on Q17\u2013Q19 (median 2" in fig.takeaway
    spec = fig.spec()
    params = [p for p in spec.get("params", [])] + [p for layer in spec["layer"] for p in layer.get("params", [])]
    assert any(p.get("bind", {}).get("input") == "select" for p in params if isinstance(p.get("bind"), dict))
    assert spec["description"].startswith("Diverging stacked bar chart of 30 survey items")


def test_group_chart_flags_small_groups_and_uncertain_majorities(survey):
    from missionkit.diagnostics import charts as CD

    fig = CD.agreement_by_group(survey, "Q07", "city")
    assert fig.takeaway == ("On Q07, a clear majority agrees in Kessa; a majority in Nuvo Alto, though the "
                            "interval reaches below half.")
    fig2 = CD.agreement_by_group(survey, "R5", "org_type")
    assert "Too small to read alone: citizens' group (n = 7) and informal-transport association (n = 7)." \
        in fig2.takeaway


def test_theme_chart_takeaway():
    from missionkit.diagnostics import charts as CD

    fig = CD.theme_bars()
    assert fig.takeaway == ("\u201csilos\u201d comes up most: 7 statements in 5 of 5 focus groups. 8 of 38 "
                            "statements have no theme yet.")


# --------------------------------------------------------------------------- form

def test_theme_form_updates_counts_saves_and_keeps_bad_input_unsaved(tmp_path, monkeypatch):
    import ipywidgets as w

    from missionkit.diagnostics import forms as WD
    from missionkit.workbook import Workbook

    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "wb.json"))
    form = WD.theme_coding_form()
    boxes = [c for c in form.children if isinstance(c, w.Text)]
    assert len(boxes) == len(D.DEFAULT_THEMES) + 2
    static = form._repr_mimebundle_()["text/html"]
    assert "<td>7</td><td>5 of 5</td>" in static and "8 of 38 statements have no theme" in static
    boxes[0].value = "silo"
    saved = Workbook.open().get("diagnostics", "themes")
    assert saved["silos"] == ["silo"]
    assert "<td>2</td><td>2 of 5</td>" in form._repr_mimebundle_()["text/html"]
    boxes[1].value = "a"  # too short: explained, not saved
    assert Workbook.open().get("diagnostics", "themes")["budgets not aligned"] == D.DEFAULT_THEMES[
        "budgets not aligned"]
    assert "too short" in form._repr_mimebundle_()["text/html"]
    boxes[1].value = "align"
    boxes[-2].value = "<b>data</b> gaps"
    boxes[-1].value = "no data"
    assert "&lt;b&gt;data&lt;/b&gt; gaps" in form._repr_mimebundle_()["text/html"]
    assert Workbook.open().get("diagnostics", "themes")["<b>data</b> gaps"] == ["no data"]
    again = WD.theme_coding_form()
    assert [c for c in again.children if isinstance(c, w.Text)][0].value == "silo"


def test_domain_module_never_prints(survey, items, capsys):
    D.survey_findings(survey, items)
    D.check_recommendations(SOLUTION_RECOMMENDATIONS)
    assert capsys.readouterr().out == ""
    assert np  # numpy imported for readers extending the tests


def test_group_sizes_can_leave_the_answer_out():
    from missionkit import case

    survey = case.load("survey")
    full = D.group_sizes(survey, "org_type")
    bare = D.group_sizes(survey, "org_type", flag_small=False)
    assert list(bare.columns) == ["org_type", "respondents"] and "small" in full.columns
    assert bare["respondents"].tolist() == full["respondents"].tolist()
