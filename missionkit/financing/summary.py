"""Module 09: the saved financing plan, summed up for other modules (the capstone's brief reads it).

:func:`plan_summary` turns what the plan form saved (workbook section ``"financing"``, key
``"financing_plan"``) into rows and sentences, tolerant of a half-filled or unreadable plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank
from missionkit.financing.load import plan_from_answer
from missionkit.financing.plan import PLAN_EXERCISE, Scenario, review_plan
from missionkit.text import money

__all__ = ["PlanSummary", "plan_summary"]


@dataclass
class PlanSummary:
    """A saved plan: ``rows`` [component, source, MRC m], ``totals`` by source, and the review in words."""

    title: str
    rows: list[list[str]] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)
    complete: bool = False
    empty: bool = True


def plan_summary(saved: Any, scenario: Scenario = PLAN_EXERCISE) -> PlanSummary:
    """The saved plan as rows and sentences; ``complete`` when every rule of the plan passes."""
    out = PlanSummary(title=scenario.title)
    if is_blank(saved):
        return out
    try:
        plan = plan_from_answer(saved, scenario)
    except MissionkitInputError as error:
        out.empty = False
        out.sentences = [f"The saved plan could not be read: {error.message}"]
        return out
    review = review_plan(plan, scenario)
    if review.empty:
        return out
    out.empty = False
    names = {s.code: s.name for s in scenario.sources}
    for c in scenario.components:
        for s_code, v in plan[c.code].items():
            if v:
                out.rows.append([c.name, names[s_code], money(v)])
    out.totals = {names[k]: v for k, v in review.by_source.items() if v}
    out.sentences = review.strengths + review.problems + review.warnings
    out.complete = review.ok
    return out
