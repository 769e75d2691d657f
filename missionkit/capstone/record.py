"""The completion record: what the workbook shows the participant has done, and the course's criteria.

:func:`completion_record` reads the workbook into a :class:`CompletionRecord`: the modules with
saved work (and how many answers in each), the implementation plan (written or not, section by
section), the rubric results (self, peer, trainer) and the before-and-after check. It checks the
course's completion criteria (:data:`CRITERIA`, stated in the book's "Completion and certificate"
page); when all are met, :mod:`missionkit.capstone.certificate` writes the certificate.
Domain code: no display code.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit.capstone.assessment import CheckResults, results
from missionkit.capstone.plan import MissionPlan, build_plan
from missionkit.capstone.rubric import PASS_LEVEL, ROLE_NAMES, Assessment, best_assessment, read_assessments
from missionkit.capstone.sections import is_empty

__all__ = ["MODULE_WORK", "CRITERIA", "ModuleWork", "CriterionMet", "CompletionRecord", "completion_record"]

#: Each module (new numbering) and the workbook sections its forms save to.
#: A section name counts every answer in it; "section/key" counts that one answer.
MODULE_WORK: dict[str, tuple[str, tuple[str, ...]]] = {
    "00": ("JupyterLab, and the course check", ("welcome", "course_check/before")),
    "01": ("Missions: what they are and when to use one", ("litmus",)),
    "02": ("Choosing the mission", ("choosing",)),
    "03": ("Framing a mission", ("framing",)),
    "04": ("Scanning existing policies", ("scanning",)),
    "05": ("Governing a mission", ("governance",)),
    "06": ("Stakeholders and legitimacy", ("stakeholders",)),
    "07": ("Mission diagnostics: surveys and focus groups", ("diagnostics",)),
    "08": ("Managing a mission portfolio", ("portfolio",)),
    "09": ("Financing a mission and choosing its instruments", ("financing",)),
    "10": ("Monitoring and evaluation", ("indicators",)),
    "11": ("Readiness and partners", ("readiness",)),
    "12": ("Capstone: your mission implementation plan", ("plan", "rubric", "capstone")),
}

#: The course's completion criteria (OUR PROPOSAL), as stated in book/completion.md.
CRITERIA: dict[str, str] = {
    "name": "Your name is in your workbook.",
    "plan": "Every section of your mission implementation plan is written by you.",
    "rubric": f"Your plan is assessed with the course's rubric (by you, a peer or a trainer), every criterion at "
              f"level {PASS_LEVEL} (Emerging) or above. The trainer's assessment counts first, then a peer's, then "
              "your own.",
    "after": "You answered every question of the after-check (there is no pass mark: it shows what you learned).",
}


@dataclass(frozen=True)
class ModuleWork:
    number: str
    title: str
    answers: int  # saved answers (keys with something in them) in the module's sections

    @property
    def done(self) -> bool:
        return self.answers > 0


@dataclass(frozen=True)
class CriterionMet:
    key: str
    text: str
    met: bool
    detail: str


@dataclass
class CompletionRecord:
    owner: str | None
    modules: list[ModuleWork]
    plan: MissionPlan
    assessments: dict[str, Assessment]
    assessment: Assessment | None  # the one that counts
    check: CheckResults
    criteria: list[CriterionMet] = field(default_factory=list)
    fictional: bool = False

    @property
    def eligible(self) -> bool:
        """True when every completion criterion is met."""
        return all(c.met for c in self.criteria)

    @property
    def modules_done(self) -> list[ModuleWork]:
        return [m for m in self.modules if m.done]

    @property
    def issuer(self) -> str:
        """The trainer who assessed the plan, or "self-study"."""
        t = self.assessments.get("trainer")
        return t.by if t is not None and t.complete and t.by else "self-study"

    def summary(self) -> str:
        if self.eligible:
            return "You meet every completion criterion: you can print your certificate."
        todo = "; ".join(c.detail for c in self.criteria if not c.met)
        return f"Not yet complete. Still to do: {todo}"

    def __repr__(self) -> str:
        return self.summary()


def _answers(sections: Mapping, where: str) -> int:
    name, _, key = where.partition("/")
    section = sections.get(name)
    if not isinstance(section, Mapping):
        return 0
    if key:
        return int(not is_empty(section.get(key)))
    return sum(not is_empty(v) for v in section.values())


def completion_record(wb: Any = None) -> CompletionRecord:
    """The participant's completion record, read from the workbook (yours by default, or a path)."""
    from missionkit.capstone.brief import workbook_from

    wb = workbook_from(wb)
    data = wb.to_dict()
    sections = data.get("sections", {})
    meta = data.get("meta", {})
    owner = meta.get("owner") if isinstance(meta.get("owner"), str) and meta.get("owner").strip() else None
    modules = [ModuleWork(n, title, sum(_answers(sections, s) for s in secs))
               for n, (title, secs) in MODULE_WORK.items()]
    plan = build_plan(wb)
    found = read_assessments(sections)
    best = best_assessment(sections)
    check = results(sections)
    criteria = [
        CriterionMet("name", CRITERIA["name"], owner is not None,
                     "your name is set" if owner else "write your name in the form at the top of this section"),
        CriterionMet("plan", CRITERIA["plan"], plan.complete,
                     "all sections are written" if plan.complete else
                     f"write {len(plan.missing)} more section{'s' if len(plan.missing) != 1 else ''} of your plan ("
                     + ", ".join(plan.section(k).title for k in plan.missing) + ")"),
        CriterionMet("rubric", CRITERIA["rubric"], best is not None and best.meets,
                     _rubric_detail(best)),
        CriterionMet("after", CRITERIA["after"], check.after.complete,
                     "the after-check is complete" if check.after.complete else
                     f"answer the after-check ({check.after.answered} of {check.after.total} answered)"),
    ]
    fictional = "FICTIONAL" in f"{owner or ''} {meta.get('note') or ''}"
    return CompletionRecord(owner, modules, plan, found, best, check, criteria, fictional)


def _rubric_detail(best: Assessment | None) -> str:
    if best is None:
        return "assess your plan with the rubric (every criterion scored), or ask a peer or your trainer to"
    if best.meets:
        return f"the {ROLE_NAMES[best.role]} puts every criterion at {PASS_LEVEL} or above"
    from missionkit.capstone.rubric import load_rubric

    rubric = load_rubric()
    low = [rubric.criterion(k).name for k, v in best.scores.items() if v < PASS_LEVEL]
    return (f"the {ROLE_NAMES[best.role]} puts {', '.join(low)} below level {PASS_LEVEL}: improve that part of the "
            "plan and assess it again")
