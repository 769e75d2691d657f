"""Module 01: the Litmus Test verdicts, the classification exercise, the chart and the form."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import catalogue
from missionkit.errors import MissionkitInputError
from missionkit.missions import checks, examples, litmus
from missionkit.text import cite, cite_short

GOOD_EVIDENCE = {
    "challenge": "Congestion, dirty air and road deaths are rising together; seven ministries hold the levers.",
    "support": "The new government wants a flagship mission and two development partners offer co-finance.",
    "objective": "Draft statement: by 2035, 45-minute access and half the 2024 PM2.5, dated and measurable.",
    "commitment": "A multi-year budget line of MRC 400m and a Cabinet mandate for the Delivery Office.",
}


def answers(**ratings):
    """All four steps rated 'yes' with good evidence, except those overridden."""
    out = {k: {"rating": "yes", "evidence": GOOD_EVIDENCE[k]} for k in litmus.STEPS}
    for k, v in ratings.items():
        out[k]["rating"] = v
    return out


# --------------------------------------------------------------------------- verdicts
@pytest.mark.parametrize("blank", [..., None, {}, {"challenge": ..., "support": ..., "objective": ...,
                                                  "commitment": ...}])
def test_blank_answers_are_not_answered(blank):
    v = litmus.litmus_verdict(blank)
    assert v.status == "not answered" and v.outcome == "not answered"
    assert "Not answered yet" in v.text()


def test_all_yes_with_evidence_fits():
    v = litmus.litmus_verdict(answers())
    assert v.outcome == "fits" and v.status == "good"
    assert v.headline == "A mission approach fits"
    assert len(v.strengths) == 4
    # the verdict still warns about crowding a field (OPSI's second warning)
    assert any("dilute" in s for s in v.improve)


def test_all_yes_without_evidence_points_out_the_missing_evidence():
    a = answers()
    a["commitment"]["evidence"] = ""
    a["support"]["evidence"] = "Yes."
    v = litmus.litmus_verdict(a)
    assert v.outcome == "show evidence" and v.status == "partly"
    assert v.blocking == ["support", "commitment"]
    text = v.text()
    assert "Commitment: you rated it “yes” but gave no evidence" in text
    assert "Support: your evidence is very short" in text


@pytest.mark.parametrize("step", ["commitment", "support"])
def test_no_on_commitment_or_support_means_not_yet_fix_it_first(step):
    v = litmus.litmus_verdict(answers(**{step: "no"}))
    assert v.outcome == "not yet" and v.status == "revise"
    assert v.blocking == [step]
    assert v.headline == f"Not yet: fix {step} first"
    # echoes OPSI's warnings: money, time, co-ordination, political capital
    assert "money, time and co-ordination" in v.why and "political capital" in v.why


def test_no_on_both_lists_commitment_first():
    v = litmus.litmus_verdict(answers(commitment="no", support="no"))
    assert v.blocking == ["commitment", "support"]
    assert v.headline == "Not yet: fix commitment and support first"


def test_no_on_challenge_suggests_a_plain_target_and_says_the_source_is_secondary():
    v = litmus.litmus_verdict(answers(challenge="no", commitment="no"))
    assert v.outcome == "plain target"
    assert "plain target" in v.improve[0]
    assert "secondary" in v.why
    assert any("Singh" in s and "secondary source" in s for s in v.sources)
    assert any("commitment" in s for s in v.improve)  # the other "no" is mentioned too


def test_not_sure_asks_for_evidence():
    v = litmus.litmus_verdict(answers(support="not sure"))
    assert v.outcome == "find out" and v.blocking == ["support"]
    assert any(s.startswith("Support: not sure. Find out") and "stakeholder map" in s for s in v.improve)


def test_partly_gives_conditions():
    v = litmus.litmus_verdict(answers(commitment="partly"))
    assert v.outcome == "fits with conditions" and v.blocking == ["commitment"]
    assert any(s.startswith("Commitment is only partly there") for s in v.improve)


def test_some_steps_missing_is_not_finished():
    v = litmus.litmus_verdict({"challenge": {"rating": "yes", "evidence": GOOD_EVIDENCE["challenge"]}})
    assert v.outcome == "incomplete" and v.status == "not answered"
    assert "support, objective and commitment" in v.improve[0]


def test_workbook_layout_answer_alias_and_separate_dicts_read_the_same():
    nested = litmus.parse_answers({"challenge": {"answer": "Yes ", "evidence": "x"}})
    split = litmus.parse_answers(ratings={"challenge": "yes"}, evidence={"challenge": "x"})
    assert nested == split
    assert nested.challenge.rating == "yes"
    assert nested.to_workbook()["challenge"] == {"answer": "yes", "evidence": "x"}
    assert litmus.parse_answers(nested.to_workbook()) == nested


@pytest.mark.parametrize("bad, phrase", [
    ({"challenge": "maybe"}, "not one of the four ratings"),
    ({"challenge": 3}, "not one of the four ratings"),
    ({"chalenge": "yes"}, "is not a step of the Litmus Test"),
    ({"challenge": {"rating": "yes", "proof": "x"}}, "unexpected entry"),
    ({"challenge": {"rating": "yes", "evidence": 12}}, "should be text"),
    (["yes", "no"], "should be a dict"),
])
def test_bad_answers_raise_plain_errors(bad, phrase):
    with pytest.raises(MissionkitInputError) as err:
        litmus.parse_answers(bad)
    assert phrase in str(err.value) and "How to fix it" in str(err.value)


rating = st.sampled_from([*litmus.RATINGS, None])
text = st.sampled_from(["", "short", GOOD_EVIDENCE["challenge"]])


@settings(max_examples=200)
@given(st.fixed_dictionaries({k: st.fixed_dictionaries({"rating": rating, "evidence": text})
                              for k in litmus.STEPS}))
def test_every_combination_gets_a_reasoned_verdict(a):
    v = litmus.litmus_verdict(a)
    ratings = {k: x["rating"] for k, x in a.items()}
    assert v.outcome in litmus._VERDICT_HEADLINES
    assert v.why and v.sources  # always reasoned and sourced
    if all(r is None for r in ratings.values()):
        assert v.outcome == "not answered"
    elif None in ratings.values():
        assert v.outcome == "incomplete"
    elif ratings["challenge"] == "no":
        assert v.outcome == "plain target"
    elif "no" in ratings.values():
        assert v.outcome == "not yet" and set(v.blocking) == {k for k, r in ratings.items() if r == "no"}
    elif v.outcome == "fits":
        assert set(ratings.values()) == {"yes"}
        assert all(len(x["evidence"].split()) >= litmus.MIN_EVIDENCE_WORDS for x in a.values())


# --------------------------------------------------------------------------- Marenta (fictional)
REF_RATINGS = {k: r.rating for k, r in checks.MARENTA_REFERENCE.items()}
REF_EVIDENCE = {k: r.reason for k, r in checks.MARENTA_REFERENCE.items()}


def test_marenta_blank_is_not_answered():
    blank = {k: ... for k in litmus.STEPS}
    fb = checks.check_litmus_answers(blank, blank)
    assert fb.status == "not answered" and "Not answered yet" in fb.text()


def test_marenta_reference_gets_praise_and_its_verdict_is_conditional():
    fb = checks.check_litmus_answers(REF_RATINGS, REF_EVIDENCE)
    assert fb.status == "good" and "Well done" in fb.text()
    assert "FICTIONAL" in " ".join(fb.sources)
    v = litmus.litmus_verdict(ratings=REF_RATINGS, evidence=REF_EVIDENCE)
    assert v.outcome == "fits with conditions" and v.blocking == ["support", "commitment"]


def test_marenta_support_yes_is_named_as_overlooking_resistance():
    fb = checks.check_litmus_answers({**REF_RATINGS, "support": "yes"}, REF_EVIDENCE)
    assert fb.status == "revise"
    assert any(s.startswith("Support: you said “yes”") and "operators fear losing their routes" in s
               for s in fb.improve)


def test_marenta_commitment_yes_confuses_willingness_with_commitment():
    fb = checks.check_litmus_answers({**REF_RATINGS, "commitment": "yes"}, REF_EVIDENCE)
    assert any("Willingness is not commitment" in s for s in fb.improve)


def test_marenta_evidence_without_case_facts_is_pointed_out():
    fb = checks.check_litmus_answers(REF_RATINGS, {**REF_EVIDENCE, "challenge": "It is a big problem."})
    assert fb.status == "partly"
    assert any(s.startswith("Challenge: your evidence does not yet use a fact from the case") for s in fb.improve)


def test_marenta_bad_rating_is_feedback_not_a_traceback():
    fb = checks.check_litmus_answers({**REF_RATINGS, "objective": "maybe"}, REF_EVIDENCE)
    assert fb.status == "revise" and "not one of the four ratings" in fb.improve[0]


# --------------------------------------------------------------------------- classification
REFERENCE = {i.name: i.reference for i in examples.INITIATIVES}


def test_classification_blank_is_not_answered():
    blank = {name: ... for name in REFERENCE}
    fb = checks.check_classification(blank)
    assert fb.status == "not answered" and "Not answered yet" in fb.text()
    assert checks.check_classification(...).status == "not answered"


def test_classification_reference_answers_get_praise_with_discussion_prompts():
    fb = checks.check_classification(REFERENCE)
    assert fb.status == "good" and "Well done" in fb.text()
    assert not fb.improve
    contested = [i for i in examples.INITIATIVES if i.status == "discuss"]
    assert sum("contested (discuss)" in s for s in fb.strengths) == len(contested)
    for i in contested:
        assert any(i.prompt in s for s in fb.strengths)


def test_contested_items_are_discuss_not_a_verdict():
    table = examples.classification_results(REFERENCE)
    assert set(table.loc[table.status == "discuss", "result"]) == {"discuss"}
    assert set(table.loc[table.status == "settled", "result"]) == {"correct"}
    # the alternative defensible answer is also "discuss", not "wrong"
    alt = {i.name: i.accepted[0] for i in examples.INITIATIVES if i.status == "discuss"}
    table = examples.classification_results(alt)
    assert set(table.loc[table.initiative.isin(alt), "result"]) == {"discuss"}


def test_calling_the_stand_alone_prize_a_mission_is_named():
    fb = checks.check_classification({**REFERENCE, "Stand-alone challenge prize": "accelerator mission"})
    assert fb.status == "revise"
    [msg] = [s for s in fb.improve if s.startswith("Stand-alone challenge prize")]
    assert "one-off intervention" in msg and "survey definition" in msg and "“not a mission”" in msg
    assert any("needs-assessment survey" in s for s in fb.sources)


def test_a_wrong_type_on_a_contested_item_is_still_named():
    fb = checks.check_classification({**REFERENCE, "Norway Pilot-E": "transformer mission"})
    assert fb.status == "revise"
    [msg] = [s for s in fb.improve if s.startswith("Norway Pilot-E")]
    assert "acceleration" in msg and "contested" in msg


@pytest.mark.parametrize("value, expected", [
    ("Accelerator", "correct"), ("  ACCELERATOR-MISSION ", "correct"), ("mission", "type missing"),
    ("not a mission", "wrong"), ("maybe", "unknown answer"), (..., "not answered"),
])
def test_answer_spellings(value, expected):
    table = examples.classification_results({"mission innovation clean hydrogen": value})
    assert table.set_index("initiative").loc["Mission Innovation Clean Hydrogen", "result"] == expected


def test_a_technology_goal_is_contested_not_marked_wrong():
    """Moonshot Goal 6 is a dated R&D goal around one technology: Module 03 flags such goals, so
    "not a mission" is defensible here and the feedback asks for a discussion."""
    table = examples.classification_results({"Japan Moonshot Goal 6": "not a mission"})
    assert table.set_index("initiative").loc["Japan Moonshot Goal 6", "result"] == "discuss"
    fb = checks.check_classification({**REFERENCE, "Japan Moonshot Goal 6": "not a mission"})
    assert "STI trap" in fb.text() and fb.status != "revise"


def test_litmus_commitment_no_is_defensible_and_thin_evidence_is_asked_for():
    fb = checks.check_litmus_answers({"commitment": "no"}, {"commitment": "No budget has been set aside; the "
                                                                          "partners' money is only an offer."})
    assert "Defensible" in fb.text() and "Too harsh" not in fb.text()
    fb = checks.check_litmus_answers({"commitment": "partly"}, {"commitment": "money"})
    assert "one full sentence" in fb.text()


def test_unknown_names_and_partial_answers_are_reported():
    fb = checks.check_classification({"Norway PilotE": "accelerator mission",
                                      "EU 100 climate-neutral cities": "transformer mission"})
    text = fb.text()
    assert "“Norway PilotE” is not one of the initiatives" in text
    assert "Still to answer:" in text and fb.status == "revise"
    assert checks.check_classification("mission").status == "revise"


def test_classification_data_is_sourced_and_sized():
    refs = set(catalogue.references()["key"])
    assert 8 <= len(examples.INITIATIVES) <= 10
    for i in examples.INITIATIVES:
        assert i.reference in examples.CHOICES and set(i.accepted) <= set(examples.CHOICES)
        assert i.sources and set(i.sources) <= refs, i.name
        if i.status == "discuss":
            assert i.prompt and i.accepted
    for f in examples.FAILURE_MODES:
        assert set(f.sources) <= refs
    assert {"opsi-litmus", "ppp2024", "ggsd2022", "jiip2018"} <= refs
    # settled and contested items both present; the two exclusions from OPSI's survey definition are settled
    by = {i.name: i for i in examples.INITIATIVES}
    assert by["Stand-alone challenge prize"].status == "settled"
    assert by["General applied research funding"].reference == "not a mission"
    assert by["Norway Pilot-E"].status == "discuss"


@pytest.mark.parametrize("loader, source, broken", [
    ("load_initiatives", "INITIATIVES_FILE", ("status: settled", "status: maybe")),
    ("load_initiative_types", "INITIATIVE_TYPES_FILE", ("led_by:", "led_by_whom:")),
    ("load_failure_modes", "FAILURE_MODES_FILE", ("looks_like:", "looks:")),
])
def test_a_broken_facts_entry_is_a_plain_error_naming_the_file(tmp_path, loader, source, broken):
    path = tmp_path / getattr(examples, source).name
    text = getattr(examples, source).read_text(encoding="utf-8")
    assert broken[0] in text
    path.write_text(text.replace(broken[0], broken[1], 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as err:
        getattr(examples, loader)(path)
    assert type(err.value) is MissionkitInputError
    assert err.value.file == str(path) and "Entry 1 of the facts file" in str(err.value)
    path.write_text("- [not, a, mapping", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="cannot be read"):
        getattr(examples, loader)(path)


def test_oecd_four_types_and_failure_modes_as_tables():
    types = examples.oecd_initiative_types()
    assert len(types) == 4 and "Norway's Pilot-E" in types.iloc[1]["Examples"]
    modes = examples.failure_modes()
    assert {"STI trap", "Orientation trap", "Policy trap", "Mission-washing"} <= set(modes.index)
    assert modes.loc["“Paper tigers”", "Source"].endswith("(secondary)")
    assert "could not be confirmed" in examples.THIRTEEN_REASONS_NOTE
    assert len(litmus.litmus_steps()) == 4
    assert all("(our proposal)" in c for c in litmus.litmus_steps().columns[1:])


def test_cite_marks_secondary_sources_and_keeps_unknown_keys_visible():
    assert cite("ppp2024").endswith("(secondary source)")
    assert cite("no-such-key") == "no-such-key"
    assert cite_short("larrue2021") == "Larrue (2021)"
    assert cite_short("wittmann2020") == "Wittmann et al. (2020)"
    assert cite_short("mazzdibb2019") == "Mazzucato and Dibb (2019)"
    assert cite_short("ppp2024") == "Singh (2024) (secondary)"


# --------------------------------------------------------------------------- the chart
def _catalogue():
    from missionkit import catalogue
    return catalogue.missions()


def test_chart_counts_and_takeaway_match_the_data():
    from missionkit.missions import charts

    df = _catalogue()
    fig = charts.missions_by_deadline(df)
    dated = df[(df.kind == "mission") & df.deadline.notna()]
    per_year = dated.deadline.astype(int).value_counts()
    top_year, top_n = per_year.idxmax(), per_year.max()
    far = per_year.index.max()
    assert f"{top_year} is the most common target year ({top_n} of the {len(dated)} dated missions" \
        in fig.takeaway or f"Most of the {len(dated)} dated missions in the catalogue ({top_n})" in fig.takeaway
    assert f"the furthest look to {far}" in fig.takeaway
    japan = int(((dated.deadline == far) & dated.country_or_framework.str.startswith("Japan")).sum())
    assert f"Japan ({japan})" in fig.takeaway
    undated = int(((df.kind == "mission") & df.deadline.isna()).sum())
    assert f"{undated} more have no single target year" in fig.takeaway
    spec = fig.spec()
    assert spec["title"]["text"] and spec["description"].startswith(f"Bar chart of {len(dated)} real missions")
    bars = next(v for v in spec["datasets"].values() if v and "region" in v[0])
    assert sum(r["missions"] for r in bars) == len(dated)


def test_chart_takeaway_on_crafted_data():
    from missionkit import charts as base
    from missionkit.missions import charts

    df = pd.DataFrame({
        "mission_id": ["A", "B", "C", "D"], "country_or_framework": ["EU – X", "EU – X", "Japan – M", "Chile"],
        "region": ["Europe", "Europe", "Asia", "Americas"], "deadline": pd.array([2030, 2030, 2050, None],
                                                                                 dtype="Int64"),
        "kind": ["mission"] * 4})
    fig = charts.missions_by_deadline(df)
    assert fig.takeaway == ("Most of the 3 dated missions in the catalogue (2) aim at 2030; the furthest look "
                            "to 2050: Japan (1). 1 more have no single target year.")
    with pytest.raises(base.ChartError):
        charts.missions_by_deadline(df.assign(deadline=pd.array([None] * 4, dtype="Int64")))
    with pytest.raises(MissionkitInputError, match="'organisational' is not a kind of row"):
        charts.missions_by_deadline(df, kinds=("mission", "organisational"))
    assert charts.missions_by_deadline(df, kinds="mission").takeaway == fig.takeaway  # a str is one kind


# --------------------------------------------------------------------------- the form
@pytest.fixture
def workbook_path(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


def _controls(form):
    import ipywidgets as w

    found = []

    def walk(widget):
        if isinstance(widget, (w.Dropdown, w.Textarea)):
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)
    walk(form)
    return found


def test_form_fallback_escapes_script_typed_into_evidence(workbook_path):
    from missionkit.missions import forms as widgets

    form = widgets.litmus_form()
    dropdowns = [c for c in _controls(form) if hasattr(c, "options")]
    areas = [c for c in _controls(form) if not hasattr(c, "options")]
    assert len(dropdowns) == 4 and len(areas) == 4
    dropdowns[0].value = "yes"
    areas[0].value = "<script>alert('x')</script> rising congestion"
    html = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Not finished yet" in html  # the verdict for the current answers


def test_form_saves_every_change_and_reloads(workbook_path):
    from missionkit.missions import forms as widgets
    from missionkit.workbook import Workbook

    form = widgets.litmus_form()
    dropdowns = [c for c in _controls(form) if hasattr(c, "options")]
    areas = [c for c in _controls(form) if not hasattr(c, "options")]
    dropdowns[3].value = "no"
    assert Workbook.open().get("litmus", "commitment") == {"answer": "no", "evidence": ""}
    areas[3].value = "No budget line yet."
    assert Workbook.open().get("litmus", "commitment")["evidence"] == "No budget line yet."
    again = widgets.litmus_form()
    assert [c.value for c in _controls(again)][-2:] == ["no", "No budget line yet."]

    named = widgets.litmus_form(key="own_challenge", start={"challenge": "yes"})
    [c for c in _controls(named) if hasattr(c, "options")][1].value = "partly"
    stored = Workbook.open().get("litmus", "own_challenge")
    assert stored["challenge"]["answer"] == "yes" and stored["support"]["answer"] == "partly"


def test_form_verdict_updates_on_every_change(workbook_path):
    import ipywidgets as w

    from missionkit.missions import forms as widgets

    form = widgets.litmus_form()
    htmls = []

    def walk(widget):
        if isinstance(widget, w.HTML):
            htmls.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)
    walk(form)
    verdict = next(h for h in htmls if "Litmus Test verdict" in h.value)
    assert "Not answered yet" in verdict.value
    for dd, area, k in zip([c for c in _controls(form) if hasattr(c, "options")],
                           [c for c in _controls(form) if not hasattr(c, "options")], litmus.STEPS, strict=False):
        dd.value = "yes"
        area.value = GOOD_EVIDENCE[k]
    assert "A mission approach fits" in verdict.value


def test_every_form_control_has_a_visible_label(workbook_path):
    import ipywidgets as w

    from missionkit.missions import forms as widgets

    form = widgets.litmus_form()
    kids = list(form.children)
    controls = [c for c in kids if isinstance(c, (w.Dropdown, w.Textarea))]
    assert len(controls) == 8
    for n, control in enumerate(controls):
        step = litmus.LITMUS_STEPS[n // 2]
        label = kids[kids.index(control) - 1]  # the widget just above the control
        assert isinstance(label, w.HTML) and "<label>" in label.value
        what = "rating" if isinstance(control, w.Dropdown) else "evidence"
        assert f"Step {step.number} ({step.name.lower()}): your {what}" in re.sub("<[^>]+>", "", label.value)


def test_form_shares_layouts_to_stay_small(workbook_path):
    from missionkit.missions import forms as widgets

    form = widgets.litmus_form()
    layouts = {id(c.layout) for c in form.children}
    assert len(layouts) <= 3  # text, dropdowns, text areas


def test_form_works_without_a_usable_workbook(monkeypatch, tmp_path):
    from missionkit.missions import forms as widgets

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(blocker / "sub" / "workbook.json"))
    form = widgets.litmus_form()
    status = form.children[-1]
    assert "Your answers are not saved" in status.value
    dropdowns = [c for c in _controls(form) if hasattr(c, "options")]
    for dd, value in zip(dropdowns, ["no", "yes", "yes", "yes"], strict=False):
        dd.value = value
    assert "A mission may not be needed" in form._fallback()
    assert "Your answers are not saved" in status.value  # still says so after changes, no traceback


