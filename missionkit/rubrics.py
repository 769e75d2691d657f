"""Free-text questions that no check can judge: each has a rubric and a model answer.

The questions live in ``missionkit/data/free_text.yml`` (one home for their wording, criteria and
model answers). ``forms.free_text_form(id)`` shows one: a text box, the rubric to tick honestly, and
the model answer, which opens only after the participant has written their own. The feedback
(``feedback.rubric_feedback``) says plainly that it cannot judge the substance.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from missionkit.errors import MissionkitInputError
from missionkit.facts import load_facts

__all__ = ["FREE_TEXT_FILE", "FreeTextQuestion", "free_text_questions", "free_text_question"]

FREE_TEXT_FILE = Path(__file__).resolve().parent / "data" / "free_text.yml"


class FreeTextQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    section: str = Field(pattern=r"^[a-z_]+$")  # the workbook section (the module's)
    key: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str = Field(min_length=3)
    prompt: str = Field(min_length=20)
    rubric: list[str] = Field(min_length=3, max_length=5)
    model_answer: str = Field(min_length=80)  # Markdown
    min_words: int = Field(default=25, ge=5, le=400)
    # a decision under uncertainty, justified to a named decision-maker: the feedback also says what it can
    # see of the argument's structure (a claim, a number, a consequence), never whether it is right
    decision: bool = False


@cache
def free_text_questions(path: str | None = None) -> dict[str, FreeTextQuestion]:
    """Every free-text question by id; a bad file raises a plain MissionkitInputError."""
    file = Path(path) if path else FREE_TEXT_FILE
    items = load_facts(file, FreeTextQuestion, fix="Give each question an id, section, key, title, prompt, "
                                                    "3 to 5 rubric criteria and a model answer.")
    found: dict[str, FreeTextQuestion] = {}
    for q in items:
        if q.id in found:
            raise MissionkitInputError(f"Two questions have the id \u201c{q.id}\u201d", file=str(file),
                                       fix="Give each question its own id.")
        found[q.id] = q
    return found


def free_text_question(question_id: str) -> FreeTextQuestion:
    questions = free_text_questions()
    if question_id not in questions:
        raise MissionkitInputError(f"There is no free-text question \u201c{question_id}\u201d",
                                   fix="Use one of: " + ", ".join(sorted(questions)), file=str(FREE_TEXT_FILE))
    return questions[question_id]
