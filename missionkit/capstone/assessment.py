"""The before-and-after check: a short knowledge and judgment check taken at the start and the end.

The questions live in ``missionkit/data/course-check.yml`` (OUR PROPOSAL; Marenta is FICTIONAL),
checked by :class:`Question` when read (:func:`load_questions`): 12 to 15 questions across the
modules, mostly scenarios, each with 3-4 options, one best answer and an explanation. The participant
takes the check in Module 00 ("before") and again in the capstone ("after"); answers are saved in the
workbook section ``"course_check"``, one key per sitting: ``{question id: option key}``.

The before-check shows no answers. Once the after-check has begun, the before answers are frozen
(:func:`save_answers` refuses to change them), so the gain is honest. When every question of the
after-check is answered, :func:`results` gives the gain and the explanation of each question.
Domain code: no display code.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.facts import load_facts

__all__ = [
    "CHECK", "CHECK_FILE", "SITTINGS", "MODULES", "Question", "load_questions", "clean_answers", "save_answers",
    "read_answers", "Score", "score", "Explained", "CheckResults", "results",
]

CHECK = "course_check"
CHECK_FILE = DATA_DIR / "course-check.yml"
SITTINGS = ("before", "after")
MODULES = ("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12")


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^q\d\d$")
    module: str
    kind: Literal["scenario", "knowledge"]
    question: str = Field(min_length=15)
    options: dict[str, str] = Field(min_length=3, max_length=4)
    answer: str
    explanation: str = Field(min_length=40)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.module not in MODULES:
            raise ValueError(f"module {self.module!r} is not one of the course's modules (00 to 12)")
        if self.answer not in self.options:
            raise ValueError(f"the answer {self.answer!r} is not one of the options")
        if list(self.options) != ["a", "b", "c", "d"][: len(self.options)]:
            raise ValueError("options are keyed a, b, c (and d), in order")
        if len(set(self.options.values())) != len(self.options):
            raise ValueError("two options have the same text")
        return self


@functools.cache
def load_questions(path: str | None = None) -> tuple[Question, ...]:
    """The check's questions, each checked; the set must hold 12 to 15 questions with distinct ids."""
    where = path or CHECK_FILE
    questions = tuple(load_facts(where, Question))
    ids = [q.id for q in questions]
    fix = "Correct the check's questions file"
    if not 12 <= len(questions) <= 15:
        raise MissionkitInputError(f"The check should have 12 to 15 questions; the file has {len(questions)}",
                                   fix=fix, file=str(where))
    if len(set(ids)) != len(ids):
        raise MissionkitInputError("Two questions of the check share an id", fix=fix, file=str(where))
    if sum(q.kind == "scenario" for q in questions) * 2 <= len(questions):
        raise MissionkitInputError("Most questions of the check should be scenarios", fix=fix, file=str(where))
    return questions


def clean_answers(answers: Any) -> dict[str, str]:
    """Answers as {question id: option key}; unknown questions and options are left out."""
    if not isinstance(answers, Mapping):
        return {}
    by_id = {q.id: q for q in load_questions()}
    return {k: v for k, v in answers.items() if k in by_id and isinstance(v, str) and v in by_id[k].options}


def read_answers(sections: Mapping) -> dict[str, dict[str, str]]:
    """The saved answers of both sittings: {"before": {...}, "after": {...}}."""
    saved = sections.get(CHECK, {})
    saved = saved if isinstance(saved, Mapping) else {}
    return {s: clean_answers(saved.get(s)) for s in SITTINGS}


def save_answers(sitting: str, answers: Mapping[str, str], wb: Any = None) -> dict[str, str]:
    """Save one sitting's answers; the before answers cannot change once the after-check has begun."""
    from missionkit.capstone.brief import workbook_from

    if sitting not in SITTINGS:
        raise MissionkitInputError(f"'{sitting}' is not a sitting of the check", fix="Use before or after")
    by_id = {q.id: q for q in load_questions()}
    for k, v in (answers or {}).items():
        if k not in by_id:
            raise MissionkitInputError(f"'{k}' is not a question of the check", fix="Use the ids q01, q02, ...")
        if v not in ("", None) and v not in by_id[k].options:
            raise MissionkitInputError(f"'{v}' is not an option of question {k}",
                                       fix="Choose one of: " + ", ".join(by_id[k].options))
    wb = workbook_from(wb)
    if sitting == "before" and read_answers(wb.to_dict().get("sections", {}))["after"]:
        raise MissionkitInputError("Your before-check is closed: you have started the after-check",
                                   fix="Answer the after-check in the capstone; your before answers stay as they "
                                       "were, so your gain is honest")
    clean = clean_answers({k: v for k, v in (answers or {}).items() if v})
    wb.set(CHECK, sitting, clean)
    return clean


@dataclass(frozen=True)
class Score:
    correct: int
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total

    def text(self) -> str:
        if not self.answered:
            return "not taken yet"
        extra = "" if self.complete else f" ({self.answered} of {self.total} answered)"
        return f"{self.correct} of {self.total} best answers{extra}"


def score(answers: Mapping[str, str]) -> Score:
    qs = load_questions()
    clean = clean_answers(answers)
    return Score(sum(clean.get(q.id) == q.answer for q in qs), len(clean), len(qs))


@dataclass(frozen=True)
class Explained:
    question: Question
    before: str | None
    after: str | None

    @property
    def right_after(self) -> bool:
        return self.after == self.question.answer

    @property
    def right_before(self) -> bool:
        return self.before == self.question.answer


@dataclass
class CheckResults:
    """Both sittings' scores, the gain, and (only once the after-check is complete) the explanations."""

    before: Score
    after: Score
    explained: list[Explained] = field(default_factory=list)

    @property
    def gain(self) -> int | None:
        if not (self.before.complete and self.after.complete):
            return None
        return self.after.correct - self.before.correct

    def summary(self) -> str:
        if not self.after.complete:
            return (f"Before: {self.before.text()}. After: {self.after.text()}. Answer every question of the "
                    "after-check to see your gain and the explanations.")
        if self.gain is None:
            return (f"After: {self.after.text()}. You did not take the whole before-check, so there is no gain to "
                    "show; the explanations are below.")
        if self.gain > 0:
            change = f"a gain of {self.gain} question{'s' if self.gain != 1 else ''}"
        elif self.gain < 0:
            change = f"{-self.gain} fewer than before: read the explanations below"
        else:
            change = "no change"
        return f"Before: {self.before.text()}. After: {self.after.text()}: {change}."

def results(sections: Mapping) -> CheckResults:
    """The check's results from the workbook's sections; explanations only after a complete after-check."""
    answers = read_answers(sections)
    before, after = score(answers["before"]), score(answers["after"])
    explained = []
    if after.complete:
        explained = [Explained(q, answers["before"].get(q.id), answers["after"].get(q.id)) for q in load_questions()]
    return CheckResults(before, after, explained)
