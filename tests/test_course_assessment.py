"""Module 12 and the course: the rubric, the before-and-after check, the completion record and certificate.

Asserted: the rubric and the check's questions are valid data (a broken file gives a plain message);
the rubric check judges a table of realistic self-assessments and peer notes (five that deserve praise,
five that do not: placeholders, keyword lists, backwards reasoning, all-4s with no reason, short
phrasing); the before answers freeze once the after-check begins and explanations appear only after a
complete after-check; the certificate is refused until every completion criterion is met, names the
issuing trainer or "self-study", is self-contained and escaped, and an interrupted write keeps the
previous file.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from missionkit.capstone import assessment, brief, certificate, checks, plan, record, rubric
from missionkit.errors import MissionkitInputError
from missionkit.workbook import Workbook
from tests.test_brief import _self_contained

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "workbook.json"
ALL3 = {k: 3 for k in ("mission", "means", "governance", "learning", "risks_ask")}


# --------------------------------------------------------------------------- the rubric
def test_the_rubric_has_four_levels_with_an_example_each_and_covers_every_plan_section():
    r = rubric.load_rubric()
    assert 3 <= len(r.criteria) <= 6
    assert [lv.name for lv in r.levels] == ["Not yet", "Emerging", "Sound", "Strong"]
    assert all(len(c.levels) == 4 and all(lv.example for lv in c.levels) for c in r.criteria)
    assert sorted(s for c in r.criteria for s in c.sections) == sorted(plan.PLAN_KEYS)


def test_a_broken_rubric_file_is_a_plain_message(tmp_path):
    bad = tmp_path / "rubric.yml"
    bad.write_text("levels: [{level: 1, name: x}]\ncriteria: []\n", encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="rubric"):
        rubric.load_rubric(str(bad))


# (role, scores, note, deserves praise?)
NOTES = [
    ("self", ALL3, "Governance is sound because the board approves the portfolio before money is committed, but "
                   "the risks section lacks owners, so I gave it 2 and will add them.", True),
    ("self", {**ALL3, "means": 2}, "The financing has sources, but O4 has no funder yet, so means is only emerging "
                                    "until the call is costed.", True),
    ("peer", ALL3, "The ask is clear and costed, which works well. The indicators could name a data owner for O3 "
                   "and O4, since the board cannot review what nobody measures.", True),
    ("trainer", {**ALL3, "mission": 4}, "Strong mission section: the choice over road safety is argued. Consider "
                                        "dating the O5 milestone, as the board will ask for it.", True),
    ("peer", {**ALL3, "learning": 2}, "I like the use of the scan on the fuel subsidy. The review calendar is "
                                      "missing, so I would add who decides each March.", True),
    ("self", ALL3, "ok", False),  # placeholder
    ("self", ALL3, "governance budget risks indicators milestones portfolio financing stakeholders", False),  # keywords
    ("self", {k: 4 for k in ALL3}, "It is strong because I gave it a 4 in every criterion of the rubric here.",
     False),  # backwards reasoning, all 4s
    ("peer", ALL3, "Looks good, very clear plan, well written, I like it a lot, great work overall.", False),  # praise
    ("self", {"mission": 3}, "Mission good because statement have date and target and baseline yes.",
     False),  # four criteria not scored
    ("self", ALL3, "", False),  # no note
]


@pytest.mark.parametrize(("role", "scores", "note", "praised"), NOTES)
def test_rubric_check_judges_realistic_assessments(role, scores, note, praised):
    fb = checks.check_assessment(scores, note, role)
    assert (fb.status == "good") is praised, fb.text()
    assert "cannot judge" in fb.text() or fb.status == "not answered" or not praised


def test_rubric_check_not_answered_and_names_what_is_missing():
    assert checks.check_assessment({}, "", "self").status == "not answered"
    fb = checks.check_assessment({"mission": 3}, "The mission is dated and measurable, so it is sound.", "self")
    assert "Still to score" in fb.text()


def test_assessments_are_saved_read_and_the_trainer_counts_first(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    rubric.save_assessment("self", {**ALL3, "means": 1}, "Means is weak: no sources yet.", wb=wb)
    sections = wb.to_dict()["sections"]
    assert rubric.best_assessment(sections).role == "self" and not rubric.best_assessment(sections).meets
    rubric.save_assessment("trainer", ALL3, "Sound across the board.", by="Dr Amina Okafor", wb=wb)
    best = rubric.best_assessment(wb.to_dict()["sections"])
    assert best.role == "trainer" and best.meets and best.by == "Dr Amina Okafor"
    with pytest.raises(MissionkitInputError, match="1, 2, 3 or 4"):
        rubric.save_assessment("peer", {"mission": 7}, wb=wb)
    with pytest.raises(MissionkitInputError, match="not a criterion"):
        rubric.save_assessment("peer", {"budget": 3}, wb=wb)
    with pytest.raises(MissionkitInputError, match="self, peer or trainer"):
        rubric.save_assessment("boss", ALL3, wb=wb)


# --------------------------------------------------------------------------- the before-and-after check
def test_the_check_has_12_to_15_questions_mostly_scenarios_including_choosing_and_financing():
    qs = assessment.load_questions()
    assert 12 <= len(qs) <= 15
    assert sum(q.kind == "scenario" for q in qs) > len(qs) / 2
    assert {"02", "09"} <= {q.module for q in qs}
    answers = [q.answer for q in qs]
    assert max(answers.count(a) for a in set(answers)) <= len(qs) / 2, "the best answer is not always the same letter"


def test_a_broken_questions_file_is_a_plain_message(tmp_path):
    bad = tmp_path / "check.yml"
    bad.write_text("- id: q01\n  module: '01'\n  kind: scenario\n  question: A question long enough?\n"
                   "  options: {a: one, b: two, c: three}\n  answer: d\n  explanation: " + "x" * 50 + "\n",
                   encoding="utf-8")
    with pytest.raises(MissionkitInputError, match="Entry 1.*answer"):
        assessment.load_questions(str(bad))


def _best(n: int) -> dict[str, str]:
    """Answers with the first n questions right and the rest wrong."""
    out = {}
    for i, q in enumerate(assessment.load_questions()):
        out[q.id] = q.answer if i < n else next(k for k in q.options if k != q.answer)
    return out


def test_the_gain_shows_and_explanations_come_only_after_the_after_check(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    assessment.save_answers("before", _best(5), wb)
    res = assessment.results(wb.to_dict()["sections"])
    assert res.before.correct == 5 and res.explained == [] and res.gain is None
    half = dict(list(_best(12).items())[:6])
    assessment.save_answers("after", half, wb)
    res = assessment.results(wb.to_dict()["sections"])
    assert res.explained == [] and "Answer every question" in res.summary()
    with pytest.raises(MissionkitInputError, match="before-check is closed"):
        assessment.save_answers("before", _best(14), wb)
    assessment.save_answers("after", _best(12), wb)
    res = assessment.results(wb.to_dict()["sections"])
    assert res.gain == 7 and "a gain of 7 questions" in res.summary()
    assert len(res.explained) == len(assessment.load_questions())
    assert sum(x.right_after for x in res.explained) == 12
    with pytest.raises(MissionkitInputError, match="not an option"):
        assessment.save_answers("after", {"q01": "z"}, wb)


# --------------------------------------------------------------------------- record and certificate
@pytest.fixture()
def done_wb(tmp_path) -> Workbook:
    """The worked example with the plan written, self-assessed and the after-check taken (FICTIONAL)."""
    fixture = tmp_path / "fixture" / "workbook.json"
    fixture.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, fixture)
    wb = brief.case_example_workbook(tmp_path / "case" / "my-work" / "workbook.json", base=fixture)
    for spec in plan.PLAN_SECTIONS:
        plan.save_plan_section(spec.key, "change", spec.example, wb)
    assessment.save_answers("before", _best(6), wb)
    assessment.save_answers("after", _best(13), wb)
    rubric.save_assessment("self", ALL3, "Sound overall because each section answers its question.", wb=wb)
    return wb


def test_certificate_criteria(done_wb, tmp_path):
    rec = record.completion_record(done_wb)
    assert rec.eligible, rec.summary()
    assert rec.issuer == "self-study"
    text = certificate.certificate_html(rec, on=date(2026, 12, 8))
    doc = _self_contained(text)
    assert "Example participant (FICTIONAL)" in text and "2026-12-08" in text and "Self-study" in text
    assert "Module 12: Capstone" in text and "FICTIONAL" in text
    assert [t for t, _ in doc.tags].count("h1") == 1
    # each criterion on its own: a trainer's low level wins over a generous self-assessment
    rubric.save_assessment("trainer", {**ALL3, "risks_ask": 1}, "The ask has no cost.", by="T. Mensah", wb=done_wb)
    rec = record.completion_record(done_wb)
    assert not rec.eligible and "Risks, and the ask" in rec.summary()
    with pytest.raises(MissionkitInputError, match="cannot be printed yet"):
        certificate.write_certificate(done_wb, folder=tmp_path / "out")
    rubric.save_assessment("trainer", ALL3, "Sound.", by="T. Mensah", wb=done_wb)
    assert record.completion_record(done_wb).issuer == "T. Mensah"
    assert "Issued by T. Mensah, trainer" in certificate.write_certificate(done_wb, tmp_path / "out").path.read_text()
    plan.save_plan_section("risks", "keep", "see above", done_wb)
    rec = record.completion_record(done_wb)
    assert not rec.eligible and "Risks and how they are handled" in rec.summary()


def test_an_empty_workbook_is_not_eligible_and_says_what_to_do(tmp_path):
    rec = record.completion_record(Workbook.open(tmp_path / "workbook.json"))
    assert not rec.eligible and not rec.modules_done
    assessment.save_answers("before", {"q01": "a"}, tmp_path / "workbook.json")
    assert [m.number for m in record.completion_record(tmp_path / "workbook.json").modules_done] == ["00"]
    assert [c.met for c in rec.criteria] == [False] * 4
    page = certificate.record_html(rec)
    _self_contained(page)
    assert "Not yet" in page and "answer the after-check (0 of" in page


def test_participant_text_is_escaped_in_the_certificate_and_record(done_wb):
    done_wb.set_owner("<script>alert(1)</script>")
    plan.save_plan_section("ask", "change", "<img src=x onerror=alert(1)> we ask the Cabinet to approve MRC "
                                           "120 m a year by June 2026.", done_wb)
    rec = record.completion_record(done_wb)
    for text in (certificate.certificate_html(rec), certificate.record_html(rec)):
        _self_contained(text)
        assert "<script>alert" not in text and "&lt;script&gt;" in text


def test_an_interrupted_certificate_write_keeps_the_previous_one(done_wb, tmp_path, monkeypatch):
    first = certificate.write_certificate(done_wb, tmp_path / "out", on=date(2026, 12, 1))
    good = first.path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(MissionkitInputError, match="could not be written"):
        certificate.write_certificate(done_wb, tmp_path / "out", on=date(2026, 12, 8))
    assert first.path.read_bytes() == good
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_a_peer_review_of_marentas_plan_is_compared_with_the_courses_reading():
    reading = {k: level for k, (level, _) in rubric.MARENTA_REVIEW.items()}
    note = "The ask is clear and costed, which works. O3 and O5 need milestones, so the mission is only emerging."
    assert checks.check_assessment(reading, note, "peer", rubric.MARENTA_REVIEW).status == "good"
    one_off = {**reading, "means": 4}  # one step away: judgment, no remark
    assert checks.check_assessment(one_off, note, "peer", rubric.MARENTA_REVIEW).status == "good"
    far = {**reading, "mission": 4}
    fb = checks.check_assessment(far, note, "peer", rubric.MARENTA_REVIEW)
    assert fb.status != "good" and "O3 Safety and O5 have no milestone" in fb.text()
    assert set(rubric.MARENTA_REVIEW) == set(rubric.load_rubric().keys)
