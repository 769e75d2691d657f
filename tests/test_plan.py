"""Module 12: the mission implementation plan is written by the participant, section by section.

Asserted: a section counts only when the participant wrote in it (a table of realistic answers:
five that count, and placeholders, the title, the draft unchanged, keyword lists and too-short
answers that do not); a plan with empty sections is not complete; drafts come from earlier work
(the Marenta worked example, FICTIONAL), including the new modules' "choosing" and "financing"
sections when present; the HTML and Markdown exports are self-contained and escaped; an export
interrupted mid-write leaves the previous export intact.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from missionkit import capstone
from missionkit.capstone import brief, plan
from missionkit.errors import MissionkitInputError
from missionkit.workbook import Workbook
from tests.test_brief import _self_contained

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "workbook.json"
DRAFT = ["Owner: Prime Minister's Delivery Office", "Co leads: Ministry of Transport"]

# (decision, text, complete?) for the governance section, whose draft is DRAFT
JUDGED = [
    ("change", "Give the board the right to approve the portfolio before money is committed, and name an owner "
               "for O4 Fair access.", True),
    ("keep", "I keep the Delivery Office as owner because it is the only body that can decide across the "
             "ministries.", True),
    ("add", "Owner: Prime Minister's Delivery Office Co leads: Ministry of Transport. Add the Ministry of "
            "Finance as a board member, since the fuel subsidy sits with it.", True),
    ("change", "Board should meet every quarter and decide the portfolio; Finance joins it; the cities get "
               "two seats.", True),
    ("add", "We add a co-ordination forum for every body that holds mission money, so that the 85% of tagged "
            "money outside any forum is seen.", True),
    ("keep", "", False),  # blank
    ("keep", "ok", False),  # placeholder
    ("keep", "See above.", False),
    ("keep", "...", False),
    ("keep", "Governance and decision rights", False),  # the section's own title
    ("keep", "Owner: Prime Minister's Delivery Office\nCo leads: Ministry of Transport", False),  # draft unchanged
    ("add", "Owner: Prime Minister's Delivery Office. Co leads: Ministry of Transport. ok", False),  # draft + ok
    ("change", "board owner decision rights governance", False),  # keyword list, too short
    ("change", "Me change board more power.", False),  # short, non-native, no reason
    ("add", "board owner decision rights governance budget risk milestone indicators", False),  # 9 keywords
    ("keep", "Who owns the mission and each objective, who sits on the board, and what may the board decide",
     False),  # the question copied back
    ("keep", "board board board board board board board board board", False),  # one word repeated
    ("", "Give the board the right to approve the portfolio before money is committed, and name an owner for "
         "O4.", False),  # no decision chosen
]


@pytest.mark.parametrize(("decision", "text", "complete"), JUDGED)
def test_a_section_counts_only_when_the_participant_wrote_in_it(decision, text, complete):
    judged = plan.judge_section("governance", decision, text, DRAFT)
    assert judged.complete is complete, judged.reason
    assert bool(judged.reason) is (not complete)


def test_the_reason_says_what_is_missing():
    assert "placeholder" in plan.judge_section("risks", "keep", "ok").reason
    assert "title" in plan.judge_section("risks", "keep", "Risks and how they are handled").reason
    assert "unchanged" in plan.judge_section("governance", "keep", "\n".join(DRAFT), DRAFT).reason
    assert "keep, change or add" in plan.judge_section("risks", "", "The fuel subsidy reform may stall, so "
                                                       "Finance co-owns a phased plan with dates.").reason
    with pytest.raises(MissionkitInputError, match="not a section"):
        plan.judge_section("budget", "keep", "text")


@pytest.fixture()
def case_wb(tmp_path) -> Workbook:
    fixture = tmp_path / "fixture" / "workbook.json"
    fixture.parent.mkdir(parents=True)
    shutil.copy(FIXTURE, fixture)
    return brief.case_example_workbook(tmp_path / "case" / "my-work" / "workbook.json", base=fixture)


def test_a_plan_with_empty_sections_is_not_complete(tmp_path, case_wb):
    empty = plan.build_plan(Workbook.open(tmp_path / "empty" / "workbook.json"))
    assert not empty.complete and empty.missing == list(plan.PLAN_KEYS)
    assert all(s.draft == [] for s in empty.sections)
    assert plan.build_plan(case_wb).complete, "Marenta's worked plan (FICTIONAL) is complete"
    case_wb.update("plan", {k: {"decision": "", "text": ""} for k in plan.PLAN_KEYS})
    drafted = plan.build_plan(case_wb)  # drafts from earlier work, but nothing written: still not complete
    assert not drafted.complete and len(drafted.missing) == 10
    assert sum(bool(s.draft) for s in drafted.sections) >= 7
    for spec in plan.PLAN_SECTIONS[:-1]:
        plan.save_plan_section(spec.key, "keep", spec.example, case_wb)
    one_left = plan.build_plan(case_wb)
    assert one_left.missing == ["ask"] and "still to write: The ask" in one_left.summary()
    plan.save_plan_section("ask", "change", "ok", case_wb)
    assert not plan.build_plan(case_wb).complete
    plan.save_plan_section("ask", "change", plan.PLAN_SECTIONS[-1].example, case_wb)
    assert plan.build_plan(case_wb).complete


def test_drafts_read_the_new_modules_sections_when_present(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    assert plan.section_draft("financing", wb.to_dict()["sections"]) == []
    wb.set("choosing", "choice", {"candidate": "Clean, safe commutes", "justification": "Shared by three ministries"})
    wb.set("financing", "financing_plan", {"objective": "O4 Fair access", "sources": ["Treasury", "AfDB loan"],
                                           "instruments": "results-based grants", "conditions": ""})
    sections = wb.to_dict()["sections"]
    assert plan.section_draft("challenge", sections) == ["Candidate: Clean, safe commutes",
                                                         "Justification: Shared by three ministries"]
    assert plan.section_draft("financing", sections) == ["Objective: O4 Fair access", "Sources: Treasury; AfDB loan",
                                                         "Instruments: results-based grants"]
    from missionkit.financing.plan import PLAN_EXERCISE as scenario

    amounts = {c.code: {s.code: 0 for s in scenario.sources} for c in scenario.components}
    first = scenario.components[0]
    amounts[first.code][scenario.sources[0].code] = first.cost
    wb.set("financing", "financing_plan", amounts)  # Module 09's own shape: amounts by component and source
    drafted = plan.section_draft("financing", wb.to_dict()["sections"])
    assert drafted[0].startswith(f"{first.name}: {scenario.sources[0].name}")
    assert any(line.startswith("Review: ") and "gap" in line for line in drafted)
    wb.set("scanning", "note_O2", "The fuel subsidy works against clean air")
    assert "Scan, note on O2: The fuel subsidy works against clean air" in plan.section_draft("evidence",
                                                                                             wb.to_dict()["sections"])


def test_saving_a_bad_choice_is_a_plain_message(tmp_path):
    wb = Workbook.open(tmp_path / "workbook.json")
    with pytest.raises(MissionkitInputError, match="keep, change or add"):
        plan.save_plan_section("risks", "maybe", "text", wb)
    with pytest.raises(MissionkitInputError, match="not a section"):
        plan.save_plan_section("budget", "keep", "text", wb)


PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_plan_exports_are_self_contained_and_escaped(case_wb, tmp_path, payload):
    case_wb.set("plan", "ask", {"decision": "", "text": ""})
    plan.save_plan_section("risks", "add", f"{payload} Operators may strike, so route contracts come first and "
                                           "Finance co-owns the subsidy reform.", case_wb)
    case_wb.set_owner(f"Amina {payload}")
    out = capstone.export_plan(case_wb, folder=tmp_path / "out")
    html_text = out.html_path.read_text(encoding="utf-8")
    doc = _self_contained(html_text)
    assert payload not in html_text and "&lt;" in html_text
    ids = [a.get("id") for _, a in doc.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    assert all(f'id="plan-{k}"' in html_text for k in plan.PLAN_KEYS)
    assert "To write" in html_text and "From your earlier work" in html_text and "FICTIONAL" in html_text
    md = out.markdown_path.read_text(encoding="utf-8")
    assert payload not in md and "<script" not in md and "## 8. Risks and how they are handled" in md
    assert "is written" in out._repr_html_() and "plan" in out._repr_html_()


def test_an_interrupted_plan_export_keeps_the_previous_export(case_wb, tmp_path, monkeypatch):
    """A full disk while the plan is written: the previous good export survives (never 0 bytes)."""
    first = capstone.export_plan(case_wb, folder=tmp_path / "out")
    good_html, good_md = first.html_path.read_bytes(), first.markdown_path.read_bytes()
    assert b"All 10 sections of your plan are written" in good_html
    plan.save_plan_section("ask", "change", "A different ask: the Cabinet approves the board's powers by May.",
                           case_wb)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(MissionkitInputError, match="could not be written"):
        capstone.export_plan(case_wb, folder=tmp_path / "out")
    assert first.html_path.read_bytes() == good_html and first.markdown_path.read_bytes() == good_md
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")], "no temporary file left"
    assert re.search(r"mission-plan", first.html_path.name)
