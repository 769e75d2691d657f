"""Module 01: what missions are and when to use one.

Domain logic only (no display code, never prints). It holds:

* the OECD Mission Litmus Test, four steps (challenge, support, objective,
  commitment) `[OPSI-litmus]`, with guiding questions and the evidence to bring
  (both OUR PROPOSAL, elaborating the OECD step titles; brief 1.5);
* :class:`LitmusAnswers`, a participant's answers (a rating and evidence per
  step), and :func:`litmus_verdict`, a reasoned verdict;

The exercise checks are in :mod:`missionkit.missions.checks`; the real
initiatives, the OECD's four types and the failure modes in
:mod:`missionkit.missions.examples`. Every function returns plain data or a
:class:`~missionkit.feedback.Feedback`. Source keys are those of
``missionkit/data/references.csv`` (lower case).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.text import and_list, cites

__all__ = [
    "STEPS",
    "RATINGS",
    "LitmusStep",
    "LITMUS_STEPS",
    "STEP_BY_KEY",
    "LITMUS_WARNINGS",
    "StepAnswer",
    "LitmusAnswers",
    "LitmusVerdict",
    "parse_answers",
    "litmus_steps",
    "litmus_verdict",
    "WORKING_DEFINITION",
]

STEPS: tuple[str, ...] = ("challenge", "support", "objective", "commitment")
RATINGS: tuple[str, ...] = ("yes", "partly", "no", "not sure")
Rating = Literal["yes", "partly", "no", "not sure"]

# Evidence shorter than this many words is called "thin".
MIN_EVIDENCE_WORDS = 6


# --------------------------------------------------------------------------- sources
WORKING_DEFINITION: tuple[str, ...] = (
    "a public, dated, measurable objective on a societal problem;",
    "a governance arrangement that owns that objective;",
    "a managed portfolio of varied actions across sectors and instruments;",
    "a monitoring, evaluation and learning loop that feeds decisions.",
)
"""The bootcamp's working definition of a mission: OUR SYNTHESIS of Larrue (2021),
the Mission Action Lab's portfolio and evaluation pages and Mazzucato (2018)."""


# --------------------------------------------------------------------------- the Litmus Test
@dataclass(frozen=True)
class LitmusStep:
    """One step of the OECD Mission Litmus Test.

    ``title`` paraphrases the OECD step title `[OPSI-litmus]`. ``questions``,
    ``evidence`` and ``if_no`` are OUR PROPOSAL, elaborating that title.
    """

    key: str
    number: int
    name: str
    title: str
    questions: tuple[str, ...]
    evidence: str
    if_no: str
    if_partly: str = ""
    case_words: tuple[str, ...] = ()  # words that show Marenta (fictional) case facts were used


LITMUS_STEPS: tuple[LitmusStep, ...] = (
    LitmusStep(
        "challenge", 1, "Challenge", "Define the scope of the problem",
        ("How big and how complex is the problem?",
         "Does it cut across sectors, and resist a fix by any single agency?"),
        "A problem analysis, baseline data and a map of root causes.",
        "If one agency already holds the levers, a plain target or an ordinary programme may be enough.",
        "Sharpen the problem analysis: show where the problem cuts across sectors and why no single agency can "
        "fix it.",
        ("congestion", "dirty air", "clean air", "air quality", "air pollution", "pm2.5", "pollution",
         "road death", "deaths", "commut", "ministr", "sector", "transport", "traffic", "62 min"),
    ),
    LitmusStep(
        "support", 2, "Support", "Assess the stakeholder landscape",
        ("Who are the stakeholders?",
         "Is there enough backing for a mission, and who would resist it?"),
        "A stakeholder map and evidence of coalitions (agreements, co-funding offers, public statements).",
        "Build the coalition first: without backing, a mission stalls at the first hard trade-off.",
        "Widen the coalition before launch: bring in those who would resist, or plan how to win them over.",
        ("government", "prime minister", "flagship", "partner", "donor", "co-financ", "cofinanc", "informal",
         "operator", "minibus", "resist", "women", "minist", "citizens", "election"),
    ),
    LitmusStep(
        "objective", 3, "Objective", "Craft an inspiring goal",
        ("Can you write a goal that inspires people and is concrete: a metric, a target value and a date?",),
        "A draft mission statement, checked against Mazzucato's five criteria (Module 03).",
        "Work on the goal first: without a dated, measurable objective there is nothing to steer by.",
        "Sharpen the goal: add the metric, the target value or the date that is missing.",
        ("2035", "45 min", "half", "halve", "pm2.5", "measurable", "dated", "date", "deadline", "metric",
         "target", "baseline", "2024"),
    ),
    LitmusStep(
        "commitment", 4, "Commitment", "Secure resources and policy tools",
        ("Are money, mandates and policy levers actually available for the mission?",),
        "Budget lines, mandates, and the instruments (funding, regulation, procurement, tax) you can use.",
        "Secure money, a mandate and the policy levers first: a mission without them becomes a slogan.",
        "Turn offers into commitments: budget lines, a mandate and the policy levers the mission will need.",
        ("subsid", "budget", "co-financ", "cofinanc", "partner", "fund", "money", "cabinet", "mandate",
         "delivery office", "lever", "instrument", "finance", "3,850", "loan", "grant"),
    ),
)
#: Each step of the Litmus Test under its key ("challenge", ...).
STEP_BY_KEY = {s.key: s for s in LITMUS_STEPS}

LITMUS_WARNINGS: tuple[str, ...] = (
    "Missions cost a lot of money, time and co-ordination effort. They need political capital and often "
    "changes to how government is organised.",
    "Too many missions in one field dilute each other.",
    "A mismatch between what a mission expects and the conditions it works in often lies behind failure.",
)
"""The three warnings of the Litmus Test post `[OPSI-litmus]` (paraphrased)."""


def litmus_steps() -> pd.DataFrame:
    """The four steps as a table for the lesson (questions and evidence are OUR PROPOSAL)."""
    return pd.DataFrame(
        [{"Step": f"{s.number}. {s.name}",
          "OECD step (paraphrased)": s.title,
          "Guiding questions (our proposal)": " ".join(s.questions),
          "Evidence to bring (our proposal)": s.evidence} for s in LITMUS_STEPS]
    ).set_index("Step")


# --------------------------------------------------------------------------- answers
_RATING_SYNONYMS = {
    "yes": "yes", "y": "yes",
    "partly": "partly", "partially": "partly", "partial": "partly", "somewhat": "partly",
    "no": "no", "n": "no",
    "not sure": "not sure", "notsure": "not sure", "unsure": "not sure", "don't know": "not sure",
    "dont know": "not sure", "do not know": "not sure", "unknown": "not sure",
}


def _rating(value: Any, step: str) -> str | None:
    if is_blank(value):
        return None
    if not isinstance(value, str):
        raise MissionkitInputError(
            f"The rating for step '{step}' is {value!r}, which is not one of the four ratings",
            fix='Write one of "yes", "partly", "no" or "not sure", in quotes', column=step)
    cleaned = re.sub(r"\s+", " ", value.strip().lower().replace("’", "'").replace("_", " ").replace("-", " "))
    if cleaned in _RATING_SYNONYMS:
        return _RATING_SYNONYMS[cleaned]
    raise MissionkitInputError(
        f"The rating for step '{step}' is {value!r}, which is not one of the four ratings",
        fix='Write one of "yes", "partly", "no" or "not sure", in quotes', column=step)


class StepAnswer(BaseModel):
    """A rating (``None`` while unanswered) and the evidence behind it, for one step."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    rating: Rating | None = Field(default=None, validation_alias=AliasChoices("rating", "answer"))
    evidence: str = ""

    @property
    def answered(self) -> bool:
        return self.rating is not None

    @property
    def evidence_words(self) -> int:
        return len(self.evidence.split())

    def to_workbook(self) -> dict:
        """The form's stored layout (as in the fixture workbook): {"answer": ..., "evidence": ...}."""
        return {"answer": self.rating or "", "evidence": self.evidence}


class LitmusAnswers(BaseModel):
    """A participant's answers to the four steps of the Litmus Test."""

    model_config = ConfigDict(extra="forbid")
    challenge: StepAnswer = StepAnswer()
    support: StepAnswer = StepAnswer()
    objective: StepAnswer = StepAnswer()
    commitment: StepAnswer = StepAnswer()

    def step(self, key: str) -> StepAnswer:
        return getattr(self, key)

    def items(self):
        return [(k, self.step(k)) for k in STEPS]

    def to_workbook(self) -> dict:
        return {k: a.to_workbook() for k, a in self.items()}


def _step_key(key: Any) -> str:
    text = str(key).strip().lower()
    text = re.sub(r"^(step\s*)?[1-4][.:)]?\s*", "", text) if text not in STEPS else text
    if text in STEPS:
        return text
    raise MissionkitInputError(
        f"{key!r} is not a step of the Litmus Test",
        fix='Use the four step names: "challenge", "support", "objective" and "commitment"', column=str(key))


def _evidence(value: Any, step: str) -> str:
    if is_blank(value):
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value if not is_blank(v)).strip()
    if not isinstance(value, str):
        raise MissionkitInputError(
            f"The evidence for step '{step}' should be text, not {type(value).__name__}",
            fix='Write the evidence in quotes, for example "Baseline 2024: ..."', column=step)
    return value.strip()


def parse_answers(answers: Any = None, *, ratings: Mapping | None = None,
                  evidence: Mapping | None = None) -> LitmusAnswers:
    """Read answers from any of the shapes a notebook or the workbook uses.

    * a :class:`LitmusAnswers`;
    * ``{"challenge": {"rating": "yes", "evidence": "..."}, ...}`` (``"answer"``
      is accepted for ``"rating"``: the workbook's stored layout);
    * ``{"challenge": "yes", ...}`` (ratings only);
    * ``ratings={"challenge": "yes", ...}, evidence={"challenge": "...", ...}``.

    ``...``, ``None`` and empty text mean "not answered yet". Bad input raises
    :class:`MissionkitInputError` naming the step and how to fix it.
    """
    if isinstance(answers, LitmusAnswers) and ratings is None and evidence is None:
        return answers
    steps: dict[str, dict] = {k: {"rating": None, "evidence": ""} for k in STEPS}
    if isinstance(answers, LitmusAnswers):
        for k, a in answers.items():
            steps[k] = {"rating": a.rating, "evidence": a.evidence}
    elif not is_blank(answers):
        if not isinstance(answers, Mapping):
            raise MissionkitInputError(
                f"The Litmus Test answers should be a dict, not {type(answers).__name__}",
                fix='Write them as {"challenge": {"rating": "yes", "evidence": "..."}, ...}')
        for key, value in answers.items():
            k = _step_key(key)
            if isinstance(value, StepAnswer):
                steps[k] = {"rating": value.rating, "evidence": value.evidence}
            elif isinstance(value, Mapping):
                unknown = [f for f in value if f not in ("rating", "answer", "evidence")]
                if unknown:
                    raise MissionkitInputError(
                        f"Step '{k}' has an unexpected entry {unknown[0]!r}",
                        fix='Give each step a "rating" and an "evidence" entry only', column=k)
                steps[k] = {"rating": _rating(value.get("rating", value.get("answer")), k),
                            "evidence": _evidence(value.get("evidence"), k)}
            else:
                steps[k]["rating"] = _rating(value, k)
    for source, field_name in ((ratings, "rating"), (evidence, "evidence")):
        if is_blank(source):
            continue
        if not isinstance(source, Mapping):
            raise MissionkitInputError(
                f"The {field_name}s should be a dict with one entry per step, not {type(source).__name__}",
                fix='Write them as {"challenge": ..., "support": ..., "objective": ..., "commitment": ...}')
        for key, value in source.items():
            k = _step_key(key)
            steps[k][field_name] = _rating(value, k) if field_name == "rating" else _evidence(value, k)
    return LitmusAnswers(**{k: StepAnswer(rating=v["rating"], evidence=v["evidence"]) for k, v in steps.items()})


# --------------------------------------------------------------------------- the verdict
Outcome = Literal["not answered", "incomplete", "plain target", "not yet", "find out", "fits with conditions",
                  "show evidence", "fits"]

_VERDICT_HEADLINES: dict[str, str] = {
    "not answered": "Not answered yet",
    "incomplete": "Not finished yet",
    "plain target": "A mission may not be needed",
    "not yet": "Not yet",
    "find out": "Find out more first",
    "fits with conditions": "A mission could fit, with conditions",
    "show evidence": "Promising, but show your evidence",
    "fits": "A mission approach fits",
}


@dataclass(repr=False)
class LitmusVerdict(Feedback):
    """A :class:`Feedback` whose headline is the verdict of the Litmus Test.

    ``outcome`` is one of: not answered, incomplete, plain target, not yet,
    find out, fits with conditions, show evidence, fits. ``blocking`` names
    the steps to fix first.
    """

    outcome: str = "not answered"
    blocking: list[str] = field(default_factory=list)

    @property
    def headline(self) -> str:
        text = _VERDICT_HEADLINES[self.outcome]
        if self.outcome == "not yet" and self.blocking:
            text += ": fix " + and_list([STEP_BY_KEY[b].name.lower() for b in self.blocking]) + " first"
        return text


def _quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def litmus_verdict(answers: Any = None, *, ratings: Mapping | None = None,
                   evidence: Mapping | None = None) -> LitmusVerdict:
    """A reasoned verdict: should this challenge get a mission, and if not yet, what to fix first?

    The rules (OUR PROPOSAL, built on the four steps and three warnings of
    `[OPSI-litmus]` and on `[PPP2024]`, a secondary source):

    1. nothing rated: not answered yet; some steps unrated: not finished yet;
    2. "no" on the challenge: a plain target or programme may be enough;
    3. "no" on support or commitment (or the objective): not yet, fix it first;
    4. "not sure" anywhere: find out more first, with the evidence to look for;
    5. "partly" anywhere: a mission could fit, once those steps are stronger;
    6. all "yes": a mission approach fits, if the evidence is there; thin or
       missing evidence is pointed out step by step.
    """
    a = parse_answers(answers, ratings=ratings, evidence=evidence)
    title = "Litmus Test verdict"
    rated = {k: s.rating for k, s in a.items() if s.answered}
    if not rated:
        return LitmusVerdict(
            "not answered", title, outcome="not answered",
            improve=["Rate each of the four steps (yes, partly, no or not sure) and write the evidence behind "
                     "each rating."],
            why="The test asks four questions in order: is the challenge big and cross-cutting, is there "
                "support, can you write an inspiring yet concrete goal, and are resources and tools committed?",
            sources=cites("opsi-litmus"))

    strengths: list[str] = []
    improve: list[str] = []
    for k, s in a.items():
        step = STEP_BY_KEY[k]
        if not s.answered:
            continue
        if s.rating == "yes" and s.evidence_words >= MIN_EVIDENCE_WORDS:
            strengths.append(f"{step.name}: yes, backed by evidence (\u201c{_quote(s.evidence)}\u201d).")
        elif s.rating in ("yes", "partly", "no") and s.evidence_words == 0:
            improve.append(f"{step.name}: you rated it \u201c{s.rating}\u201d but gave no evidence. "
                           f"Bring {step.evidence[0].lower() + step.evidence[1:]}")
        elif s.rating in ("yes", "partly", "no") and s.evidence_words < MIN_EVIDENCE_WORDS:
            improve.append(f"{step.name}: your evidence is very short (\u201c{_quote(s.evidence)}\u201d). "
                           f"Say what it rests on: {step.evidence[0].lower() + step.evidence[1:]}")
        if s.rating == "not sure":
            improve.append(f"{step.name}: not sure. Find out before deciding: "
                           f"{' '.join(step.questions)} Look for {step.evidence[0].lower() + step.evidence[1:]}")

    missing = [k for k in STEPS if k not in rated]
    if missing:
        names = and_list([STEP_BY_KEY[k].name.lower() for k in missing])
        return LitmusVerdict(
            "not answered", title, outcome="incomplete", strengths=strengths,
            improve=[f"Rate the remaining step{'s' if len(missing) > 1 else ''}: {names}."] + improve,
            why="A verdict needs all four steps: a strong challenge is not enough if support or commitment is "
                "missing.",
            sources=cites("opsi-litmus"))

    no = [k for k in STEPS if rated[k] == "no"]
    unsure = [k for k in STEPS if rated[k] == "not sure"]
    partly = [k for k in STEPS if rated[k] == "partly"]
    thin = [k for k, s in a.items() if s.rating in ("yes", "partly") and s.evidence_words < MIN_EVIDENCE_WORDS]

    if "challenge" in no:
        others = [k for k in no if k != "challenge"]
        improve = [STEP_BY_KEY["challenge"].if_no
                   + " Check who holds the levers: if one ministry or agency can reach the goal alone, set it a "
                     "clear target and let it deliver."] + improve
        if others:
            improve.append("You also rated " + and_list([STEP_BY_KEY[k].name.lower() for k in others])
                           + " \u201cno\u201d, which points the same way.")
        return LitmusVerdict(
            "revise", title, outcome="plain target", strengths=strengths, improve=improve,
            why="A mission is a heavy tool. " + LITMUS_WARNINGS[0] + " A UK think tank adds that missions suit "
                "clearly defined problems that need a broad coalition to change behaviour; where government "
                "already controls the levers, a plain target may be enough (a secondary source).",
            sources=cites("opsi-litmus", "ppp2024"))

    if no:
        order: list[str] = [k for k in ("commitment", "support", "objective") if k in no]
        fixes = [f"{STEP_BY_KEY[k].name}: {STEP_BY_KEY[k].if_no}" for k in order]
        return LitmusVerdict(
            "revise", title, outcome="not yet", blocking=order, strengths=strengths, improve=fixes + improve,
            why=LITMUS_WARNINGS[0] + " " + LITMUS_WARNINGS[2] + " Launching before these are in place "
                "invites exactly that mismatch.",
            sources=cites("opsi-litmus"))

    if unsure:
        return LitmusVerdict(
            "partly", title, outcome="find out", blocking=unsure, strengths=strengths, improve=improve,
            why="\u201cNot sure\u201d is an honest answer, and a reason to gather evidence before committing "
                "money, time and political capital.",
            sources=cites("opsi-litmus"))

    if partly:
        conds = [f"{STEP_BY_KEY[k].name} is only partly there. {STEP_BY_KEY[k].if_partly}" for k in partly]
        return LitmusVerdict(
            "partly", title, outcome="fits with conditions", blocking=partly, strengths=strengths,
            improve=conds + improve,
            why="A mission can start before every condition is perfect, but the weak steps are where it is "
                "likely to fail. " + LITMUS_WARNINGS[2],
            sources=cites("opsi-litmus"))

    if thin:
        return LitmusVerdict(
            "partly", title, outcome="show evidence", blocking=thin, strengths=strengths, improve=improve,
            why="Four \u201cyes\u201d answers are convincing only with evidence behind them; a decision-maker "
                "will ask for it.",
            sources=cites("opsi-litmus"))

    return LitmusVerdict(
        "good", title, outcome="fits", strengths=strengths,
        improve=["Before you decide, check the field is not already crowded: " + LITMUS_WARNINGS[1].lower()],
        why="All four steps pass with evidence. " + LITMUS_WARNINGS[0],
        sources=cites("opsi-litmus"))
