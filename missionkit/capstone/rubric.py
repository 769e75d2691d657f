"""Module 12: the rubric for the mission implementation plan, used three ways.

One rubric (:func:`load_rubric`, from ``missionkit/data/capstone-rubric.yml``, OUR PROPOSAL): five
criteria, four levels each, with a short example of each level from the Marenta case (FICTIONAL).
The same rubric serves the participant's self-assessment, a colleague's peer review and the
trainer's assessment (:data:`ROLES`). Each is saved in the workbook section ``"rubric"`` under its
role: ``{"scores": {criterion: 1-4}, "note": "...", "by": "name"}`` (:func:`save_assessment`).
:func:`read_assessments` reads them back; :func:`best_assessment` picks the one the completion
record uses (trainer, then peer, then self). Domain code: no display code.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.facts import read_yaml, validate

__all__ = [
    "RUBRIC", "PRACTICE", "RUBRIC_FILE", "ROLES", "ROLE_NAMES", "PASS_LEVEL", "MARENTA_REVIEW", "Level", "Criterion",
    "Rubric", "load_rubric",
    "Assessment", "save_assessment", "read_assessments", "best_assessment", "clean_scores", "RubricView", "show_rubric",
]

RUBRIC = "rubric"
PRACTICE = "rubric_practice"  # practice reviews of the worked example: saved, never counted for the certificate
RUBRIC_FILE = DATA_DIR / "capstone-rubric.yml"
ROLES = ("self", "peer", "trainer")
ROLE_NAMES = {"self": "self-assessment", "peer": "peer review", "trainer": "trainer's assessment"}
PASS_LEVEL = 2  # the course's criterion: every criterion at "Emerging" or above (OUR PROPOSAL)

#: The course's reading of Marenta's worked plan (FICTIONAL, plan.MARENTA_PLAN) with the rubric: the level of
#: each criterion and the evidence for it. Module 12's exercise asks for a peer review of that plan; a level
#: two steps from this reading gets the evidence to look at again.
MARENTA_REVIEW: dict[str, tuple[int, str]] = {
    "mission": (2, "the statement is dated and measurable and the choice is argued, but O3 Safety and O5 have no "
                   "milestone, and Sound asks for one for every objective"),
    "means": (3, "procurement and route contracts besides grants, two projects stopped, a ring-fenced line and "
                 "partner loans; the loans' conditions are not written down, so not Strong"),
    "governance": (3, "a steering committee approves the portfolio before money is committed, O4 gets an "
                      "owner, operators co-design and a public dashboard is planned; how disputes are settled "
                      "is not said"),
    "learning": (3, "the plan answers the scan (fuel subsidy) and the diagnostics (night safety) and has a review "
                    "calendar; O3-O5 indicators are promised, not written, so not Strong"),
    "risks_ask": (3, "each main risk has a response, and the ask names the decision, the Cabinet, MRC 120 m a year "
                     "and June 2026; there is no fallback if the answer is no"),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Strict):
    descriptor: str = Field(min_length=10)
    example: str = Field(min_length=5)


class LevelName(_Strict):
    level: int = Field(ge=1, le=4)
    name: str = Field(min_length=2)


class Criterion(_Strict):
    key: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=5)
    sections: list[str] = Field(min_length=1)
    levels: list[Level] = Field(min_length=4, max_length=4)


class Rubric(_Strict):
    levels: list[LevelName] = Field(min_length=4, max_length=4)
    criteria: list[Criterion] = Field(min_length=3, max_length=6)

    @model_validator(mode="after")
    def _consistent(self) -> Rubric:
        if [lv.level for lv in self.levels] != [1, 2, 3, 4]:
            raise ValueError("levels must be 1, 2, 3 and 4, in order")
        keys = [c.key for c in self.criteria]
        if len(set(keys)) != len(keys):
            raise ValueError("two criteria share a key")
        from missionkit.capstone.plan import PLAN_KEYS

        covered = [s for c in self.criteria for s in c.sections]
        unknown = sorted(set(covered) - set(PLAN_KEYS))
        if unknown:
            raise ValueError(f"unknown plan sections: {', '.join(unknown)}")
        if sorted(covered) != sorted(PLAN_KEYS):
            raise ValueError("every plan section must sit under exactly one criterion")
        return self

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.criteria]

    def level_name(self, level: int) -> str:
        return self.levels[level - 1].name

    def criterion(self, key: str) -> Criterion:
        return next(c for c in self.criteria if c.key == key)


@functools.cache
def load_rubric(path: str | None = None) -> Rubric:
    """The plan's rubric, checked (a broken file gives a plain message naming it)."""
    where = path or RUBRIC_FILE
    fix = "Correct the rubric file: 4 levels, criteria with key, name, sections and 4 levels (descriptor, example)"
    return validate(Rubric, read_yaml(where, fix), "The rubric", where, fix)


def clean_scores(scores: Any) -> dict[str, int]:
    """Scores as {criterion: 1-4}; unknown criteria and values outside 1-4 are left out."""
    rubric = load_rubric()
    if not isinstance(scores, Mapping):
        return {}
    out = {}
    for k in rubric.keys:
        v = scores.get(k)
        if isinstance(v, bool):
            continue
        if isinstance(v, str) and v.strip().isdigit():
            v = int(v.strip())
        if isinstance(v, (int, float)) and int(v) == v and 1 <= int(v) <= 4:
            out[k] = int(v)
    return out


@dataclass
class Assessment:
    """One use of the rubric: who assessed (role and name), the level per criterion and a note."""

    role: str
    scores: dict[str, int] = field(default_factory=dict)
    note: str = ""
    by: str = ""

    @property
    def complete(self) -> bool:
        return set(self.scores) == set(load_rubric().keys)

    @property
    def lowest(self) -> int | None:
        return min(self.scores.values()) if self.scores else None

    @property
    def meets(self) -> bool:
        """Every criterion scored, none below :data:`PASS_LEVEL`."""
        return self.complete and (self.lowest or 0) >= PASS_LEVEL

    def summary(self) -> str:
        rubric = load_rubric()
        if not self.scores:
            return f"No {ROLE_NAMES[self.role]} yet."
        parts = ", ".join(f"{rubric.criterion(k).name}: {rubric.level_name(v)}" for k, v in self.scores.items())
        who = f" by {self.by}" if self.by else ""
        todo = "" if self.complete else f" ({len(rubric.keys) - len(self.scores)} criteria not scored yet)"
        return f"{ROLE_NAMES[self.role].capitalize()}{who}: {parts}{todo}."


def save_assessment(role: str, scores: Mapping[str, Any], note: str = "", by: str = "", wb: Any = None) -> Assessment:
    """Save one assessment of the plan (role: self, peer or trainer) to the workbook section ``"rubric"``."""
    from missionkit.capstone.brief import workbook_from

    if role not in ROLES:
        raise MissionkitInputError(f"'{role}' is not a way to use the rubric", fix="Use self, peer or trainer")
    rubric = load_rubric()
    unknown = [k for k in (scores or {}) if k not in rubric.keys]
    if unknown:
        raise MissionkitInputError(f"'{unknown[0]}' is not a criterion of the rubric",
                                   fix="Use one of: " + ", ".join(rubric.keys))
    bad = [k for k, v in (scores or {}).items() if v not in (None, "") and k not in clean_scores(scores)]
    if bad:
        raise MissionkitInputError(f"The level for '{bad[0]}' should be 1, 2, 3 or 4",
                                   fix="Choose a level from 1 (not yet) to 4 (strong)")
    clean = clean_scores(scores)
    wb = workbook_from(wb)
    wb.set(RUBRIC, role, {"scores": clean, "note": note if isinstance(note, str) else "",
                          "by": by.strip() if isinstance(by, str) else ""})
    return Assessment(role, clean, note or "", by or "")


def read_assessments(sections: Mapping) -> dict[str, Assessment]:
    """The saved assessments, by role (a role with nothing saved has empty scores)."""
    saved = sections.get(RUBRIC, {})
    saved = saved if isinstance(saved, Mapping) else {}
    out = {}
    for role in ROLES:
        v = saved.get(role)
        v = v if isinstance(v, Mapping) else {}
        note, by = v.get("note"), v.get("by")
        out[role] = Assessment(role, clean_scores(v.get("scores")), note if isinstance(note, str) else "",
                               by if isinstance(by, str) else "")
    return out


def best_assessment(sections: Mapping) -> Assessment | None:
    """The assessment the completion record uses: the trainer's, else a peer's, else the participant's own
    (only a complete one counts)."""
    found = read_assessments(sections)
    return next((found[r] for r in ("trainer", "peer", "self") if found[r].complete), None)


@dataclass
class RubricView:
    """The rubric as Markdown tables, one per criterion (levels, what they look like, a Marenta example)."""

    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def show_rubric() -> RubricView:
    """The plan's rubric for a notebook cell: every criterion, its four levels and their examples (FICTIONAL)."""
    from missionkit.feedback import md_escape

    rubric = load_rubric()
    lines = [f"**The rubric** (our proposal). Levels: {', '.join(f'{lv.level} {lv.name}' for lv in rubric.levels)}."
             " Examples are from Marenta *(fictional)*.", ""]
    for c in rubric.criteria:
        lines += [f"**{md_escape(c.name)}**", "", "| Level | What it looks like | Example *(fictional)* |",
                  "|---|---|---|"]
        lines += [f"| {i} {rubric.level_name(i)} | {md_escape(lv.descriptor)} | {md_escape(lv.example)} |"
                  for i, lv in enumerate(c.levels, 1)]
        lines.append("")
    return RubricView("\n".join(lines))
