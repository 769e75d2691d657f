"""Module 03 (framing a mission): exercise checks, the mission map, its chart, the catalogue table and the forms.

The statement assessor itself (missionkit.framing.statements) is tested in tests/test_framing.py; here it is used as is.
"""
from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback
from missionkit.framing import charts as charts_framing
from missionkit.framing import checks, examples
from missionkit.framing import mission_map as fe
from missionkit.framing.statements import assess_statement

ROOT = Path(__file__).resolve().parents[1]
SOLUTION = ROOT / "solutions" / "03-framing-solution.ipynb"


def _solution_answers() -> dict:
    """The answers between the solution markers of the solution notebook (the single source)."""
    import nbformat

    nb = nbformat.read(SOLUTION, as_version=4)
    ns: dict = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and "### BEGIN SOLUTION" in cell.source:
            block = cell.source.split("### BEGIN SOLUTION", 1)[1].split("### END SOLUTION", 1)[0]
            exec(block, ns)
    return {k: v for k, v in ns.items() if not k.startswith("__")}


@pytest.fixture(scope="module")
def solution():
    answers = _solution_answers()
    assert {"diagnosis", "rewrites", "marenta_statement", "marenta_map"} <= set(answers)
    return answers


def _wrong_answers() -> dict[str, tuple[str, str]]:
    ns: dict = {}
    exec((ROOT / "tests" / "wrong_answers" / "03_framing.py").read_text(encoding="utf-8"), ns)
    return {var: (src, phrase) for var, src, phrase in ns["WRONG_ANSWERS"]["03-framing"]}


CHECKS = {"diagnosis": checks.check_diagnosis, "rewrites": checks.check_rewrites,
          "marenta_statement": checks.check_marenta_statement, "marenta_map": checks.check_mission_map}


# --------------------------------------------------------------------------- every check: blank, praise, named mistake
@pytest.mark.parametrize("variable", list(CHECKS))
def test_blank_answer_is_not_answered(variable):
    blank = {"diagnosis": {f"W{i}": ... for i in range(1, 6)}, "rewrites": {f"W{i}": ... for i in range(1, 6)},
             "marenta_statement": ..., "marenta_map": dict.fromkeys(["challenge", "mission", "objectives",
                                                                    "projects"], ...)}[variable]
    for value in (blank, ..., None, ""):
        fb = CHECKS[variable](value)
        assert isinstance(fb, Feedback) and fb.status == "not answered", (variable, value)
        assert "Not answered yet" in fb.text()


@pytest.mark.parametrize("variable", list(CHECKS))
def test_solution_answer_is_praised(variable, solution):
    fb = CHECKS[variable](solution[variable])
    assert fb.status == "good", fb.text()
    assert "Well done" in fb.text() and fb.sources


@pytest.mark.parametrize("variable", list(CHECKS))
def test_typical_wrong_answer_is_named(variable):
    src, phrase = _wrong_answers()[variable]
    fb = CHECKS[variable](eval(src))
    assert fb.status == "revise"
    assert phrase in fb.text()


# --------------------------------------------------------------------------- the five weak statements
def test_the_weak_statements_are_read_by_the_assessor_as_the_exercise_says():
    reading = {s.id: assess_statement(s.text) for s in checks.WEAK_STATEMENTS}
    assert [w.code for w in reading["W1"].warnings] == ["slogan"]
    assert reading["W1"].criteria["directed"].status == "not met"
    assert reading["W2"].deadline == 2030 and "single_project" in {w.code for w in reading["W2"].warnings}
    assert reading["W3"].quantified and reading["W3"].deadline is None
    # W4 is rated met on C2 and still lacks a baseline: "met" does not mean complete
    assert reading["W4"].criteria["directed"].status == "met" and reading["W4"].baseline is None
    assert reading["W5"].deadline == 2035 and "technology_prestige" in {w.code for w in reading["W5"].warnings}
    for s in checks.WEAK_STATEMENTS:
        a = reading[s.id]
        assert a.baseline is None, s.id  # every weak statement lacks a baseline
        assert ("deadline" in s.missing) == (a.deadline is None), s.id
        assert set(s.missing) | set(s.present) | set(s.debatable) == set(checks.ELEMENTS), s.id
    assert list(checks.weak_statements().index) == ["W1", "W2", "W3", "W4", "W5"]


def test_diagnosis_names_each_kind_of_mistake(solution):
    right = solution["diagnosis"]
    fb = checks.check_diagnosis({**right, "W4": ["target", "baseline"]})
    assert fb.status == "revise" and "W4 has a target" in fb.text()
    fb = checks.check_diagnosis({**right, "W3": "deadline, baseline"})
    assert "W3 also lacks a scope" in fb.text()
    fb = checks.check_diagnosis({**right, "W2": ["target", "baseline", "metric", "colour"]})
    assert "colour is not one of the four parts" in fb.text()
    fb = checks.check_diagnosis({**right, "W4": []})
    assert "W4 also lacks a baseline" in fb.text()
    fb = checks.check_diagnosis({"W1": right["W1"], "W2": right["W2"]})
    assert fb.status == "partly" and "Still to answer: W3, W4 and W5" in fb.text()
    assert checks.check_diagnosis(["target"]).status == "revise"
    assert "not one of the statements" in checks.check_diagnosis({**right, "W9": ["target"]}).text()
    # words a participant may use instead of the four names
    assert checks.check_diagnosis({**right, "W3": "year; starting point; where"}).status == "good"
    # debatable parts may be named or not
    assert checks.check_diagnosis({**right, "W1": ["target", "deadline", "baseline", "scope"]}).status == "good"


def test_rewrites_feedback_uses_the_assessor(solution):
    right = solution["rewrites"]
    fb = checks.check_rewrites({**right, "W2": "By 2030, build a new metro line in the capital carrying 200,000 "
                                          "passengers a day, up from none in 2024."})
    assert fb.status == "revise" and "W2: a single project, not a mission" in fb.text()
    fb = checks.check_rewrites({**right, "W3": "By 2033, cut childhood obesity in the Eastern Province by a third."})
    assert fb.status == "partly" and "W3: add the baseline" in fb.text()
    fb = checks.check_rewrites({**right, "W4": "By 2035, halve road deaths in the Northern Region, from 12 per "
                                          "100,000 in 2024."})
    assert "moved away from the original topic (safe drinking water)" in fb.text()
    fb = checks.check_rewrites({**right, "W4": checks.WEAK_STATEMENTS[3].text})
    assert "this is the original statement, unchanged" in fb.text()
    fb = checks.check_rewrites({**right, "W5": right["W1"]})
    assert "W5: this is the same rewrite as W1" in fb.text()
    fb = checks.check_rewrites({**right, "W1": "Make our country a world leader in clean air by 2035."})
    assert "W1: the assessor does not yet rate this rewrite met on C2" in fb.text()
    assert "a measurable target" in fb.text()
    assert checks.check_rewrites({**right, "W1": 42}).status == "revise"


# --------------------------------------------------------------------------- Marenta's statement (FICTIONAL)
def test_marenta_statement_is_checked_against_the_case(solution):
    own = solution["marenta_statement"]
    assert own.strip() != case.MISSION_STATEMENT  # the solution shows a framing of its own
    fb = checks.check_marenta_statement(case.MISSION_STATEMENT)
    assert fb.status == "partly" and "word for word" in fb.text()
    fb = checks.check_marenta_statement(own.replace("2035", "2030"))
    assert fb.status == "revise" and "the case sets 2035" in fb.text()
    fb = checks.check_marenta_statement("By 2030, build Bus Rapid Transit Corridor 1 in Amberport.")
    assert fb.status == "revise" and "A single project, not a mission" in fb.text()
    fb = checks.check_marenta_statement("By 2035, halve fine-particle pollution in Amberport, Kessa and Nuvo Alto, "
                                    "from 38 µg/m³ in 2024.")
    assert fb.status == "partly" and "speaks to only one of them" in fb.text()
    fb = checks.check_marenta_statement("By 2035, commuters in Marenta reach work within 45 minutes and the air holds "
                                    "half the fine particles.")
    assert "Add the 2024 baseline" in fb.text() and "Say where" in fb.text()
    assert checks.check_marenta_statement(2035).status == "revise"


# --------------------------------------------------------------------------- the mission map
def test_parse_mission_map_reads_codes_names_and_unlinked_lines():
    m = fe.parse_mission_map({
        "challenge": "Rising congestion",
        "mission": "By 2035, halve road deaths.",
        "objectives": "O1 Access: cut commute times\n\n2. Clean air: halve PM2.5\nSafety",
        "projects": ["O1: Bus corridor", "clean air: Electric buses", "2: Low-emission zone", "o3 : Safe junctions",
                     "A campaign with no objective", "none: Dashboard", "Note: ferry study"],
    })
    assert [(o.code, o.name, o.detail) for o in m.objectives] == [
        ("O1", "Access", "cut commute times"), ("2", "Clean air", "halve PM2.5"), ("O3", "Safety", "")]
    assert m.counts() == {"O1": 1, "2": 2, "O3": 1}
    assert [p.name for p in m.unlinked] == ["A campaign with no objective", "Dashboard", "Note: ferry study"]
    assert fe.parse_mission_map(m.to_workbook()) == m  # what the form saves reads back the same


BAD_MAPS = [
    ({"objectives": ["O1 Access"], "projects": ["O7: Ferry"]},
     "Line 1 of the projects points to objective 'O7', which is not in the objectives (they are: O1)"),
    ({"objectives": ["O1 Access", "O1 Clean air"]}, "Line 2 of the objectives uses the code O1 again"),
    ({"objectives": [f"O{i} x" for i in range(1, 14)]}, "There are 13 objectives"),
    ({"projects": [f"p{i}" for i in range(81)]}, "There are 81 projects, too many for a readable map"),
    ({"projects": ["ok", 3]}, "Item 2 of the projects is a int, not text"),
    ({"objectives": 5}, "The objectives should be text lines, but they are a int"),
    ({"challenge": ["a"]}, "The challenge should be text, but it is a list"),
    ({"objective": ["O1"]}, "The mission map has a key 'objective' that the map does not use"),
    (["O1"], "The mission map should be a dict, but it is a list"),
    ({"projects": ["x" * 300]}, "Line 1 of the projects is 300 characters long"),
]


@pytest.mark.parametrize("value, message", BAD_MAPS, ids=[m for _, m in BAD_MAPS])
def test_bad_map_input_gets_a_plain_message_with_a_fix(value, message):
    with pytest.raises(MissionkitInputError) as info:
        fe.parse_mission_map(value)
    assert info.value.problem.startswith(message)
    assert info.value.fix and "How to fix it" in info.value.message


_names = st.text(alphabet=st.characters(categories=("L", "N"), include_characters=" -"), min_size=1,
                 max_size=30).map(str.strip).filter(lambda s: s and s[0].isalnum() and ":" not in s)


@settings(max_examples=60)
@given(objectives=st.lists(_names, min_size=1, max_size=6), links=st.lists(st.integers(-1, 5), max_size=15),
       names=st.lists(_names, min_size=15, max_size=15))
def test_any_saved_map_reads_back_the_same(objectives, links, names):
    objs = tuple(fe.MapObjective(f"O{i + 1}", n) for i, n in enumerate(objectives))
    projects = tuple(fe.MapProject(names[k], objs[i].code if 0 <= i < len(objs) else None)
                     for k, i in enumerate(links))
    m = fe.MissionMap("A challenge", "A mission", objs, projects)
    back = fe.parse_mission_map(m.to_workbook())
    assert back.objectives == tuple(fe.MapObjective(o.code, o.name.strip()) for o in objs)
    assert sum(back.counts().values()) + len(back.unlinked) == len(projects)


def test_marenta_map_comes_from_the_case_objectives_and_the_portfolio():
    m = fe.marenta_mission_map()
    projects = case.load("projects")
    assert [o.code for o in m.objectives] == list(case.OBJECTIVES)
    assert len(m.projects) == len(projects) == 55
    # the case's figures: O1 16, O2 13, O3 10, O4 4 (the least covered), O5 10; two projects serve no objective
    assert m.counts() == {"O1": 16, "O2": 13, "O3": 10, "O4": 4, "O5": 10}
    assert sorted(p.name for p in m.unlinked) == ["Mission Communications and Public Campaign",
                                                  "Nuvo Alto Smart City Dashboard"]
    o1 = [p.name for p in m.projects_for("O1")]
    assert o1[0] == "Amberport Bus Rapid Transit Corridor 1 (Meridian loan)"  # the largest budget first
    assert "62 → 50 minutes (2024–2035)" in m.objectives[0].detail
    assert "41 → 61" in m.objectives[3].detail  # O4's second indicator, women's safety at night
    assert m.mission == case.MISSION_STATEMENT and "fictional" in m.challenge


def test_map_check_names_gaps_and_levels(solution):
    right = solution["marenta_map"]
    fb = checks.check_mission_map({**right, "challenge": "By 2035, halve congestion in Marenta's cities."})
    assert fb.status == "revise" and "The challenge reads like a mission" in fb.text()
    fb = checks.check_mission_map({**right, "projects": [p for p in right["projects"] if not p.startswith("O4")]})
    assert fb.status == "revise" and "O4 Fair access has no project yet" in fb.text()
    fb = checks.check_mission_map({**right, "projects": right["projects"] + ["A national dashboard"]})
    assert fb.status == "partly" and "1 project(s) are not linked to an objective (A national dashboard)" in fb.text()
    fb = checks.check_mission_map({**right, "mission": "Better transport for Marenta."})
    assert fb.status == "revise" and "not yet rated met on C2" in fb.text()
    fb = checks.check_mission_map({**right, "projects": ["O7: Ferry"]})
    assert fb.status == "revise" and "points to objective 'O7'" in fb.text()
    # objectives may be named without the case's codes
    renamed = [re.sub(r"^O\d ", "", o) for o in right["objectives"]]
    fb = checks.check_mission_map({**right, "objectives": renamed,
                               "projects": [re.sub(r"^O(\d):", r"O\1:", p) for p in right["projects"]]})
    assert "is missing" not in fb.text()


# --------------------------------------------------------------------------- the chart
def test_marenta_map_chart_takeaway_is_computed_from_the_data():
    m = fe.marenta_mission_map()
    fig = charts_framing.mission_map_chart(m, per_objective=3)
    counts = m.counts()
    top = max(counts, key=counts.get)
    low = min(counts, key=counts.get)
    assert (top, counts[top], low, counts[low]) == ("O1", 16, "O4", 4)
    assert fig.takeaway == ("The map links the mission to 5 objectives and 55 projects: O1 Access has the most (16) "
                            "and O4 Fair access the fewest (4); 2 projects serve no objective.")
    spec = fig.spec()
    assert spec["description"].startswith("Mission map drawn as a tree") and fig.takeaway in spec["description"]
    texts = [r["label"] for v in spec["datasets"].values() for r in v if "label" in r]
    assert "O4 Fair access (4)" in texts and "+ 13 more" in texts and "No objective (2)" in texts
    assert "+ 1 more" in texts  # O4: 4 projects, 3 shown
    shown = [r for v in spec["datasets"].values() for r in v if r.get("level") == "project"]
    assert len(shown) == 5 * 3 + 2


@pytest.mark.parametrize("objectives, projects, expected", [
    ([], [], "The map has no objectives yet: split the mission into a few objectives, each with its own target."),
    ([], ["A study"], "The map has no objectives yet: split the mission into a few objectives, each with its own "
                      "target; its 1 project cannot be linked to one yet."),
    (["O1 A", "O2 B"], ["O1: x", "O2: y"], "The map links the mission to 2 objectives and 2 projects; each objective "
                                           "has 1 project."),
    (["O1 A", "O2 B", "O3 C"], ["O1: x", "O1: y", "O2: z"],
     "The map links the mission to 3 objectives and 3 projects; O3 C has no project yet, a gap in the portfolio, "
     "while O1 A has the most (2)."),
    (["O1 A", "O2 B"], ["stray"], "The map links the mission to 2 objectives and 1 project: no objective has a "
                                  "project yet, so nothing is working towards any of them; 1 project serves no "
                                  "objective."),
    (["O1 A", "O2 B", "O3 C"], ["O1: x", "O1: y", "O2: z", "O2: w", "O3: v"],
     "The map links the mission to 3 objectives and 5 projects: O1 A and O2 B have the most (2) and O3 C the "
     "fewest (1)."),
])
def test_chart_takeaway_on_crafted_maps(objectives, projects, expected):
    fig = charts_framing.mission_map_chart({"challenge": "c", "mission": "m", "objectives": objectives,
                                            "projects": projects})
    assert fig.takeaway == expected


def test_chart_guards_and_the_exercise_helper():
    with pytest.raises(MissionkitInputError, match="per_objective"):
        charts_framing.mission_map_chart(fe.marenta_mission_map(), per_objective=0)
    assert charts_framing.draw_mission_map(...).status == "not answered"
    bad = charts_framing.draw_mission_map({"objectives": ["O1 A"], "projects": ["O2: b"]})
    assert bad.status == "revise" and "points to objective 'O2'" in bad.text()
    fig = charts_framing.draw_mission_map({"challenge": "c", "mission": "m", "objectives": ["O1 A"],
                                           "projects": ["O1: b"]})
    assert fig.takeaway.startswith("The map links the mission to 1 objective and 1 project")


def test_participant_text_is_escaped_in_the_chart_svg():
    fig = charts_framing.mission_map_chart({"challenge": "<script>alert(1)</script>", "mission": "m",
                                            "objectives": ["O1 <b>bold</b>"], "projects": ["O1: <img src=x>"]})
    svg = fig.to_html()
    assert "<script>" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg


# --------------------------------------------------------------------------- real statements through the assessor
def test_catalogue_table_compares_headlines_with_what_was_published():
    from missionkit import catalogue

    df = catalogue.missions()
    table = examples.catalogue_statements()
    singles = df[df.kind == "mission"]
    assert len(table) == len(singles) == 51  # 47 + four Indian missions (issue 18)
    assert int(table.published_year.notna().sum()) == int(singles.deadline.notna().sum()) == 43
    # headline columns are exactly what the assessor reads in each paraphrased statement
    for mid, statement in zip(singles.mission_id, singles.statement, strict=False):
        a = assess_statement(statement)
        assert table.loc[mid, "headline_target"] == a.quantified
        assert (pd.isna(table.loc[mid, "headline_year"]) and a.deadline is None) or \
            table.loc[mid, "headline_year"] == a.deadline
    ht, hy = int(table.headline_target.sum()), int(table.headline_year.notna().sum())
    pt = int(table.published_target.sum())
    assert pt > ht and 43 > hy  # the numbers sit beside the headline
    assert table.loc["M50", "published_target"] and not table.loc["M50", "headline_target"]  # Brazil NIB M4
    takeaway = examples.catalogue_takeaway(table)
    assert takeaway.startswith(f"The assessor finds a measurable target in {ht} of the 51 headline statements "
                               f"and a year in {hy}")
    assert f"Yet {pt} of the published targets are measurable and 43 missions have a target year" in takeaway
    summary = examples.catalogue_summary(table)
    assert summary.loc["All", "missions"] == 51 and summary.loc["All", "published: year"] == 43
    assert summary.loc["Japan", "missions"] == 10 and summary.loc["Japan", "published: year"] == 10
    assert summary.loc["India", "missions"] == 4


def test_catalogue_takeaway_on_crafted_tables():
    t = pd.DataFrame({"headline_target": [True, False], "headline_year": pd.array([2030, None], dtype="Int64"),
                      "published_target": [True, False], "published_year": pd.array([2030, None], dtype="Int64")})
    assert examples.catalogue_takeaway(t) == ("The assessor finds a measurable target in 1 of the 2 headline "
                                              "statements and a year in 1; 1 has both. The published targets add "
                                              "little: 1 are measurable and 1 have a target year.")
    assert examples.catalogue_takeaway(t.iloc[:0]) == "No missions to compare."
    with pytest.raises(MissionkitInputError, match="no column 'country_or_framework'"):
        examples.catalogue_statements(pd.DataFrame({"mission_id": ["M1"]}))


def test_statements_table_and_explain_table():
    t = examples.statements_table({"weak": "A greener future.", "good": "By 2030, halve road deaths from 18 per "
                                                                  "100,000 in 2024."})
    assert list(t.columns) == ["deadline", "target", "baseline", "C1", "C2", "C3", "C4", "C5", "framing mistakes"]
    assert t.loc["weak", "C2"] == "not met" and t.loc["weak", "framing mistakes"] == "A slogan, not a mission"
    assert t.loc["good", "C2"] == "met" and t.loc["good", "deadline"] == 2030
    assert t.loc["good", "C1"] == "your judgement"
    with pytest.raises(MissionkitInputError):
        examples.statements_table([])
    ex = examples.explain_table("By 2030, halve road deaths.")
    assert list(ex.columns) == ["words", "rule", "effect"] and "2030 read as a deadline year" in set(ex.effect)


# --------------------------------------------------------------------------- the forms
@pytest.fixture
def workbook_path(tmp_path, monkeypatch):
    path = tmp_path / "workbook.json"
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


@pytest.fixture
def fixture_workbook(tmp_path, monkeypatch):
    import shutil

    path = tmp_path / "workbook.json"
    shutil.copy(ROOT / "tests" / "fixtures" / "workbook.json", path)
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(path))
    return path


def _all(widget, kind=w.Widget):
    found = []

    def walk(x):
        if isinstance(x, kind):
            found.append(x)
        for child in getattr(x, "children", ()):
            walk(child)
    walk(widget)
    return found


def _draft(form):
    (draft,) = [t for t in _all(form, w.Textarea) if "missionkit-draft" in t._dom_classes]
    return draft


def test_statement_form_fallback_escapes_script_typed_in_the_draft(workbook_path):
    from missionkit.framing import forms as widgets_framing

    form = widgets_framing.statement_form()
    _draft(form).value = "<script>alert('x')</script> By 2030, halve road deaths in Kessa."
    html = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Met" in html  # the assessment of the typed draft is in the fallback


def test_statement_form_feedback_sits_in_the_form_and_changes_as_you_type(workbook_path):
    from missionkit.framing import forms as widgets_framing
    from missionkit.workbook import Workbook

    form = widgets_framing.statement_form()
    draft = _draft(form)
    assert draft.continuous_update is True
    feedback = next(h for h in _all(form, w.HTML) if "missionkit-assessment" in h.value)
    assert "Type your mission statement" in feedback.value
    draft.value = "A greener future."
    assert "A slogan, not a mission" in feedback.value and "❌ Not met" in feedback.value
    before = feedback.value
    draft.value = "By 2030, halve road deaths in Kessa, from 18 per 100,000 in 2024."
    assert feedback.value != before and "✅ Met" in feedback.value and "2030" in feedback.value
    wb = Workbook.open()
    assert wb.get("framing", "mission_statement") == draft.value
    assert [h["value"] for h in wb.history("framing", "mission_statement")] == ["A greener future.", draft.value]


def test_statement_form_keeps_the_first_draft_and_compares_it_with_the_latest(workbook_path):
    from missionkit.framing import forms as widgets_framing
    from missionkit.workbook import Workbook

    form = widgets_framing.statement_form()
    draft = _draft(form)
    for partial in ("B", "By 2030", "By 2030, halve road deaths"):
        draft.value = partial
    assert Workbook.open().get("framing", "first_draft") is None  # not a sentence yet
    draft.value = "By 2030, cleaner and safer streets for all."
    draft.value = "By 2030, halve road deaths in Kessa, from 18 per 100,000 in 2024."
    assert Workbook.open().get("framing", "first_draft") == "By 2030, cleaner and safer streets for all."
    compare = next(h for h in _all(form, w.HTML) if "missionkit-drafts" in h.value)
    assert "First draft" in compare.value and "cleaner and safer streets" in compare.value
    assert "C2: 🟡 Partly met → ✅ Met" in compare.value
    view = widgets_framing.draft_comparison()
    assert "cleaner and safer streets" in view._repr_html_() and "halve road deaths" in repr(view)


def test_statement_form_pins_the_oldest_draft_of_an_existing_workbook(fixture_workbook):
    from missionkit.framing import forms as widgets_framing
    from missionkit.workbook import Workbook

    form = widgets_framing.statement_form()
    first = "By 2035, Marenta's cities will have better and cleaner transport."
    assert Workbook.open().get("framing", "first_draft") == first
    assert _draft(form).value == case.MISSION_STATEMENT
    html = form._repr_mimebundle_()["text/html"]
    assert escape(first) in html and "C2: 🟡 Partly met → ✅ Met" in html


def test_statement_form_saves_the_questions_and_reloads(workbook_path):
    from missionkit.framing import forms as widgets_framing
    from missionkit.workbook import Workbook

    form = widgets_framing.statement_form(start="By 2030, halve road deaths.")
    assert _draft(form).value == "By 2030, halve road deaths."
    assert Workbook.open().get("framing", "mission_statement") is None  # an example is not saved until changed
    bold, ambitious = [t for t in _all(form, w.Textarea) if "missionkit-draft" not in t._dom_classes]
    bold.value = "Every family knows someone hurt on the roads."
    ambitious.value = "Deaths have risen for years; halving needs new street design."
    assert Workbook.open().get("framing", "criteria_answers") == {
        "bold": "Every family knows someone hurt on the roads.",
        "ambitious": "Deaths have risen for years; halving needs new street design."}
    again = widgets_framing.statement_form()
    values = [t.value for t in _all(again, w.Textarea)]
    assert values[1:] == [bold.value, ambitious.value]
    assert "Every family knows" in again._repr_mimebundle_()["text/html"]


def test_every_form_control_has_a_visible_label(workbook_path):
    from missionkit.framing import forms as widgets_framing

    for form, n in ((widgets_framing.statement_form(), 3), (widgets_framing.mission_map_form(), 4)):
        kids = list(form.children)
        controls = [k for k in kids if isinstance(k, w.Textarea)]
        assert len(controls) == n
        for control in controls:
            label = kids[kids.index(control) - 1]  # the widget just above the control
            assert isinstance(label, w.HTML) and "<label><strong>" in label.value


def test_forms_share_layouts_and_styles_to_stay_small(workbook_path):
    from missionkit.framing import forms as widgets_framing

    for form in (widgets_framing.statement_form(), widgets_framing.mission_map_form()):
        kids = [form, *form.children]
        assert len({id(k.layout) for k in kids}) <= 2  # one for text boxes, one for everything else
        assert len({id(k.style) for k in kids if hasattr(k, "style")}) <= 2


def test_forms_work_without_a_usable_workbook(monkeypatch, tmp_path):
    from missionkit.framing import forms as widgets_framing

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(blocker / "sub" / "workbook.json"))
    form = widgets_framing.statement_form()
    _draft(form).value = "By 2030, halve road deaths."
    status = form.children[-1]
    assert "Your work is not saved" in status.value
    assert "✅ Met" in form._fallback()
    assert "First draft" not in widgets_framing.draft_comparison()._repr_html_()
    mform = widgets_framing.mission_map_form()
    assert "Your work is not saved" in mform.children[-1].value


def test_map_form_draws_saves_and_reports_bad_lines(workbook_path):
    from missionkit.framing import forms as widgets_framing
    from missionkit.workbook import Workbook

    Workbook.open().set("framing", "mission_statement", "By 2035, halve road deaths.")
    form = widgets_framing.mission_map_form()
    boxes = _all(form, w.Textarea)
    challenge, mission, objectives, projects = boxes
    assert mission.value == "By 2035, halve road deaths."  # the saved statement
    chart = next(h for h in _all(form, w.HTML) if "missionkit-figure" in h.value)
    assert "no objectives yet" in chart.value
    objectives.value = "O1 Safety: halve road deaths\nO2 Speed: cut average speeds"
    projects.value = "O1: Safe junctions\n<script>x</script>"
    assert "2 objectives and 2 projects" in chart.value and "<svg" in chart.value
    assert "&lt;script&gt;" in chart.value and "<script>" not in chart.value
    saved = Workbook.open().get("framing", "mission_map")
    assert saved["objectives"] == ["O1 Safety: halve road deaths", "O2 Speed: cut average speeds"]
    assert saved["projects"] == ["O1: Safe junctions", "<script>x</script>"]
    html = form._repr_mimebundle_()["text/html"]
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "O2 Speed has no project yet" in html
    # a bad line: a plain message, the last good map stays, and the text is still saved
    good = chart.value
    projects.value = "O9: Ferry"
    problem = next(h for h in _all(form, w.HTML) if "That input needs a fix" in h.value)
    assert "points to objective 'O9'" in unescape(problem.value) and chart.value == good
    assert Workbook.open().get("framing", "mission_map")["projects"] == ["O9: Ferry"]
    again = widgets_framing.mission_map_form()
    assert _all(again, w.Textarea)[3].value == "O9: Ferry"


def test_map_form_starts_from_an_example_map(workbook_path):
    from missionkit.framing import forms as widgets_framing

    example = fe.marenta_mission_map()
    form = widgets_framing.mission_map_form(start=example, per_objective=2)
    html = form._repr_mimebundle_()["text/html"]
    assert "O4 Fair access" in html and "2 projects serve no objective" in html
    chart = next(h for h in _all(form, w.HTML) if "missionkit-figure" in h.value)
    assert "+ 14 more" in chart.value


def test_assessment_view_shows_html_and_text():
    from missionkit.framing import forms as widgets_framing

    view = widgets_framing.show_assessment("By 2030, halve road deaths <now>.")
    assert "&lt;now&gt;" in view._repr_html_() and "<now>" not in view._repr_html_()
    assert repr(view).startswith("What is strong:")
    with pytest.raises(MissionkitInputError):
        widgets_framing.show_assessment("   ")
    assert "Type your mission statement" in widgets_framing.assessment_html(...)


def test_a_broken_criteria_example_is_a_plain_error_naming_the_file(tmp_path):
    path = tmp_path / examples.CRITERIA_EXAMPLES_FILE.name
    text = examples.CRITERIA_EXAMPLES_FILE.read_text(encoding="utf-8")
    path.write_text(text.replace("statement:", "statment:", 1), encoding="utf-8")
    with pytest.raises(MissionkitInputError) as err:
        examples.load_criteria_examples(path)
    assert type(err.value) is MissionkitInputError
    assert err.value.file == str(path) and "Entry 1 of the facts file" in str(err.value)
    assert list(examples.load_criteria_examples())[0] == "EU Cancer mission"
