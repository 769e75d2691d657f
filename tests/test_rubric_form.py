"""Free text no check can judge: honest feedback, a rubric to tick, a model answer only after writing.

The realistic answers are written first (issue 19): five that are real answers, five that are not.
"""
from __future__ import annotations

import pytest

from missionkit import forms, workbook
from missionkit.feedback import placeholder_reason, rubric_feedback

PROMPT = "Is your national strategy a mission by the working definition? What would it take to become one?"
RUBRIC = ["Names one strategy from your own work", "Says which of the four parts it lacks",
          "Proposes one concrete change, with who would make it", "Says what could go wrong"]

REAL = [
    "Our national AI strategy is not a mission. It has a direction but no dated target and no owner with a "
    "budget. It would need a goal such as cutting processing times by half by 2030, owned by the digital ministry.",
    "no its not mission. no date, no target, nobody own it. ministry of health should own and put target 2030 "
    "for waiting list down 50%, risk is doctors union say no",
    "The housing plan has a target (50,000 homes by 2028) but no portfolio: each agency runs its own call. "
    "A joint review board chaired by the Treasury could fix that; the risk is that agencies stop sharing data.",
    "Mission? Partly. Dated and measurable yes (net zero 2050), but nobody manages it as a portfolio and "
    "nobody learns from what fails. Give the climate office a budget line and a yearly review with stop rules.",
    "Our 'smart city' programme is a slogan, not a mission: there is no baseline, no deadline, and three "
    "departments compete for it. I would ask the mayor to name one owner and one target for 2030.",
]
NOT_ANSWERS = ["ok", "see above", "...", "Is your national strategy a mission by the working definition",
               "mission mission mission mission", "yes", "tbd", "", "   ", "no idea"]


@pytest.mark.parametrize("text", REAL)
def test_real_answers_get_the_self_check_never_praise(text):
    fb = rubric_feedback("Reflection", text, RUBRIC[:2], RUBRIC, min_words=20, echo=PROMPT)
    assert placeholder_reason(text, echo=PROMPT, min_words=20) is None
    assert fb.status == "self-check" and fb.headline != "Well done"
    assert "cannot" not in fb.why or "No automatic check" in fb.why
    assert [s for s in fb.improve if "Not ticked yet" in s] == [f"Not ticked yet: {c}" for c in RUBRIC[2:]]


@pytest.mark.parametrize("text", NOT_ANSWERS)
def test_placeholders_and_echoes_are_not_answers(text):
    fb = rubric_feedback("Reflection", text, RUBRIC, RUBRIC, min_words=20, echo=PROMPT)
    assert fb.status in ("not answered", "revise"), text
    assert fb.headline != "Well done"


def test_ticking_everything_on_a_stuffed_answer_earns_no_praise():
    stuffed = " ".join(["owner target deadline portfolio learning risk budget 2030"] * 3)
    fb = rubric_feedback("Reflection", stuffed, RUBRIC, RUBRIC, min_words=20, echo=PROMPT)
    assert fb.status == "revise" and "list of keywords" in fb.improve[0]
    ticked_all = rubric_feedback("Reflection", REAL[0], RUBRIC, RUBRIC, min_words=20, echo=PROMPT)
    assert ticked_all.status == "self-check" and "sceptical reader" in ticked_all.improve[0]


# Decisions under uncertainty: answers to "launch now or build support first?", written first.
GOOD_DECISIONS = [
    ("Launch in part now. The commute rose from 58 to 62 minutes and the election is in 2028, so waiting "
     "costs a year. We give up a clean start: some ministries join late.", {"claim", "number", "reason"}),
    ("I recommend we wait six months, because commitment is only partly there and Finance holds the money. "
     "The risk is losing momentum before 2028.", {"claim", "number", "reason"}),
    ("we should launch now with the 3 mayors, if not the idea die before election. risk: ministries resist",
     {"claim", "number", "reason"}),
    ("Wait. Without the Finance ministry at the table the mission would be a label; the 13-member board "
     "only advises.", {"claim", "number", "reason"}),
    ("Launch now but only for O1 and O2 where money exists (MRC 2,760m portfolio); otherwise we lose a year.",
     {"claim", "number", "reason"}),
]
NOT_DECISIONS = [
    ("launch wait risk 62 2028 finance coalition budget", "list of keywords"),
    ("ok", "placeholder"),
    ("see above", "placeholder"),
    ("Launch now, or build support first?", "repeats the question"),
    ("...", "no answer yet"),
]


@pytest.mark.parametrize("text, seen", GOOD_DECISIONS)
def test_decisions_get_their_structure_described_never_graded(text, seen):
    fb = rubric_feedback("Launch or wait", text, [], RUBRIC, min_words=15, echo="Launch now, or build support first?",
                         structure=True)
    assert fb.status == "self-check" and fb.headline != "Well done"
    notes = " ".join(fb.strengths)
    assert ("recommendation" in notes) == ("claim" in seen)
    assert ("cites a number" in notes) == ("number" in seen)
    assert ("why or what follows" in notes) == ("reason" in seen)
    assert "No automatic check" in fb.why


@pytest.mark.parametrize("text, why", NOT_DECISIONS)
def test_non_answers_to_a_decision_get_no_structure_notes(text, why):
    fb = rubric_feedback("Launch or wait", text, RUBRIC, RUBRIC, min_words=15,
                         echo="Launch now, or build support first?", structure=True)
    assert fb.status in ("revise", "not answered") and not fb.strengths, (text, fb.improve)
    assert why in " ".join(fb.improve), (text, fb.improve)


def test_every_decision_question_names_its_decision_maker_and_offers_two_answers():
    from missionkit.rubrics import free_text_questions

    decisions = [q for q in free_text_questions().values() if q.decision]
    assert len(decisions) >= 5
    for q in decisions:
        assert "(a decision for" in q.title, q.id
        assert "defensible" in q.model_answer, q.id


def test_the_form_saves_restores_and_opens_the_model_answer_only_after_writing(tmp_path, monkeypatch):
    monkeypatch.setenv("MISSIONKIT_WORKBOOK", str(tmp_path / "workbook.json"))
    form = forms.rubric_form("missions", "reflection", title="Reflection", prompt=PROMPT, rubric=RUBRIC,
                             model_answer="<p>Model.</p>", min_words=20)
    box = form.children[0].children[-1]
    show = form.children[3]
    assert show.disabled
    box.value = "ok"
    assert show.disabled
    box.value = REAL[0]
    assert not show.disabled
    form.children[1].children[1].value = True  # tick the first criterion
    saved = workbook.open_workbook().get("missions", "reflection")
    assert saved == {"text": REAL[0], "ticked": [RUBRIC[0]]}
    again = forms.rubric_form("missions", "reflection", title="Reflection", prompt=PROMPT, rubric=RUBRIC,
                              model_answer="<p>Model.</p>", min_words=20)
    assert again.children[1].children[1].value is True and not again.children[3].disabled
    show.click()
    assert "Model." in form.children[4].value
