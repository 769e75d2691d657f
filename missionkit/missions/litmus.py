"""Module 01: what missions are and when to use one.

Domain logic only (no display code, never prints). It holds:

* the OECD Mission Litmus Test, four steps (challenge, support, objective,
  commitment) `[OPSI-litmus]`, with guiding questions and the evidence to bring
  (both OUR PROPOSAL, elaborating the OECD step titles; brief 1.5);
* :class:`LitmusAnswers`, a participant's answers (a rating and evidence per
  step), and :func:`litmus_verdict`, a reasoned verdict;
* :func:`check_litmus_answers`, feedback on the Litmus Test run on the
  FICTIONAL Marenta case (brief 9.1-9.2);
* the classification exercise: :data:`INITIATIVES` (real initiatives with
  reference answers and a source each) and :func:`check_classification`;
* the OECD's four types of mission-oriented initiative `[GGSD2022]` and the
  common failure modes (brief 1.6), as data.

Every function returns plain data or a :class:`~missionkit.feedback.Feedback`.
Source keys are those of ``missionkit/data/references.csv`` (lower case).
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
from missionkit.text import and_list, cite, cite_short, cites

__all__ = [
    "STEPS",
    "RATINGS",
    "LitmusStep",
    "LITMUS_STEPS",
    "LITMUS_WARNINGS",
    "StepAnswer",
    "LitmusAnswers",
    "LitmusVerdict",
    "parse_answers",
    "litmus_steps",
    "litmus_verdict",
    "MARENTA_REFERENCE",
    "check_litmus_answers",
    "CHOICES",
    "Initiative",
    "INITIATIVES",
    "initiatives",
    "classification_results",
    "check_classification",
    "InitiativeType",
    "OECD_INITIATIVE_TYPES",
    "oecd_initiative_types",
    "FailureMode",
    "FAILURE_MODES",
    "THIRTEEN_REASONS_NOTE",
    "failure_modes",
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
        "A draft mission statement, checked against Mazzucato's five criteria (Module 02).",
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
_STEP = {s.key: s for s in LITMUS_STEPS}

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
            text += ": fix " + and_list([_STEP[b].name.lower() for b in self.blocking]) + " first"
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
        step = _STEP[k]
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
        names = and_list([_STEP[k].name.lower() for k in missing])
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
        improve = [_STEP["challenge"].if_no
                   + " Check who holds the levers: if one ministry or agency can reach the goal alone, set it a "
                     "clear target and let it deliver."] + improve
        if others:
            improve.append("You also rated " + and_list([_STEP[k].name.lower() for k in others]) + " \u201cno\u201d, "
                           "which points the same way.")
        return LitmusVerdict(
            "revise", title, outcome="plain target", strengths=strengths, improve=improve,
            why="A mission is a heavy tool. " + LITMUS_WARNINGS[0] + " A UK think tank adds that missions suit "
                "clearly defined problems that need a broad coalition to change behaviour; where government "
                "already controls the levers, a plain target may be enough (a secondary source).",
            sources=cites("opsi-litmus", "ppp2024"))

    if no:
        order = [k for k in ("commitment", "support", "objective") if k in no]
        fixes = [f"{_STEP[k].name}: {_STEP[k].if_no}" for k in order]
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
        conds = [f"{_STEP[k].name} is only partly there. {_STEP[k].if_partly}" for k in partly]
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


# --------------------------------------------------------------------------- the Marenta exercise (FICTIONAL)
@dataclass(frozen=True)
class _Reference:
    rating: str
    accepted: tuple[str, ...]
    reason: str
    wrong: Mapping[str, str]


MARENTA_REFERENCE: dict[str, _Reference] = {
    "challenge": _Reference(
        "yes", ("yes",),
        "Five problems have grown together (a 62-minute commute, PM2.5 at 38 µg/m³ and 18 road deaths per "
        "100,000 in 2024; unsafe, costly travel; a fuel subsidy pulling the other way), and no single ministry "
        "owns them all.",
        {"partly": "The case gives no reason to doubt the challenge: five linked problems are growing together "
                   "and no single ministry holds all the levers.",
         "no": "The challenge is exactly the kind a mission is for: five linked problems growing together, and "
               "no single ministry holds all the levers.",
         "not sure": "The case gives the baselines you need: a 62-minute commute, PM2.5 at 38 µg/m³ and 18 road "
                     "deaths per 100,000 in 2024."}),
    "support": _Reference(
        "partly", ("partly", "not sure"),
        "The Prime Minister wants one flagship mission and two development partners are willing to co-finance. "
        "But the Ministry of Finance fears fuel-subsidy reform before the 2028 election, minibus and "
        "motorbike-taxi operators fear losing their routes, and Transport fears losing control of its budget.",
        {"yes": "Backing at the top is not the whole landscape: minibus and motorbike-taxi operators fear losing "
                "their routes, the Ministry of Finance fears fuel-subsidy reform before the 2028 election, and "
                "Transport fears losing control of its budget.",
         "no": "There is real backing: the Prime Minister wants a flagship mission and two development partners "
               "are willing to co-finance."}),
    "objective": _Reference(
        "yes", ("yes",),
        "The draft statement is dated (2035), measurable (45 minutes; half the 2024 fine-particle pollution) "
        "and easy to picture.",
        {"partly": "The draft has what a goal needs: a date (2035), metrics and targets (45 minutes; half of "
                   "2024's PM2.5). If you doubt how inspiring it is, say so in your evidence.",
         "no": "A clear goal exists: by 2035, 45 minutes to work, school and care by clean, safe, affordable "
               "means, and half the 2024 fine-particle pollution.",
         "not sure": "The case gives the draft statement: dated (2035) and measurable (45 minutes; half of "
                     "2024's PM2.5)."}),
    "commitment": _Reference(
        "partly", ("partly", "not sure", "no"),
        "Two partners are willing to co-finance, but nothing is committed yet; the fuel subsidy costs about "
        "MRC 3,850 m a year and works against the mission; and Finance wants no open-ended promises.",
        {"yes": "Willingness is not commitment: the partners' money is offered, not yet committed, the fuel "
                "subsidy (about MRC 3,850 m a year) pulls the other way, and Finance wants no open-ended "
                "promises.",
         "no": "Defensible: no budget has been set aside and the partners' money is only an offer. The "
               "reference reads \u201cpartly\u201d because the Prime Minister's backing and the partners' offers "
               "are a start: discuss which reading your minister would accept."}),
}
"""Reference reading of the Litmus Test for the FICTIONAL Marenta case (brief 9.1-9.2; OUR PROPOSAL)."""


def check_litmus_answers(ratings: Any = None, evidence: Any = None) -> Feedback:
    """Feedback on the Litmus Test run on the FICTIONAL Marenta case.

    ``ratings`` and ``evidence`` are dicts keyed by step (or ``ratings`` may be
    the nested form accepted by :func:`parse_answers`). Compares each rating
    with the reference reading and checks the evidence uses the case's facts.
    """
    title = "Litmus Test on Marenta (fictional)"
    if is_blank(ratings) and is_blank(evidence):
        return Feedback.not_answered(
            title, 'Give a rating for each step ("yes", "partly", "no" or "not sure") and the evidence from the '
                   "case behind it.")
    try:
        a = parse_answers(ratings, evidence=evidence)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}."])
    strengths: list[str] = []
    improve: list[str] = []
    wrong = 0
    unanswered = []
    for k, s in a.items():
        step, ref = _STEP[k], MARENTA_REFERENCE[k]
        if not s.answered:
            unanswered.append(step.name.lower())
            continue
        if s.rating in ref.accepted and s.rating != ref.rating and s.rating in ref.wrong:
            strengths.append(f"{step.name}: \u201c{s.rating}\u201d. {ref.wrong[s.rating]}")
        elif s.rating in ref.accepted:
            strengths.append(f"{step.name}: \u201c{s.rating}\u201d matches the case. {ref.reason}")
        else:
            wrong += 1
            improve.append(f"{step.name}: you said \u201c{s.rating}\u201d; the case points to "
                           f"\u201c{ref.rating}\u201d. {ref.wrong.get(s.rating, ref.reason)}")
        text = s.evidence.lower()
        if not s.evidence:
            improve.append(f"{step.name}: add the evidence behind your rating, from the case.")
        elif len(s.evidence.split()) < 5:
            improve.append(f"{step.name}: one full sentence, please: which fact from the case, and why it "
                           "supports your rating.")
        elif not any(w in text for w in step.case_words):
            improve.append(f"{step.name}: your evidence does not yet use a fact from the case. For example: "
                           f"{ref.reason}")
    if unanswered:
        improve.insert(0, f"Still to answer: {and_list(unanswered)}.")
    if wrong:
        status = "revise"
    elif improve:
        status = "partly"
    else:
        status = "good"
    if len(unanswered) == len(STEPS):
        return Feedback.not_answered(title, improve[0])
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Each rating should rest on evidence a sceptical minister would accept. The case's weak spots "
            "(operators and ministries that fear losing out; money tied up in a fuel subsidy and not yet "
            "committed by partners) are what the test is meant to surface before launch.",
        sources=cites("opsi-litmus") + ["The Republic of Marenta case briefing (FICTIONAL)"])


# --------------------------------------------------------------------------- classification exercise
CHOICES: tuple[str, ...] = ("accelerator mission", "transformer mission", "not a mission")

_CHOICE_SYNONYMS = {
    "accelerator mission": "accelerator mission", "accelerator": "accelerator mission",
    "an accelerator mission": "accelerator mission", "mission accelerator": "accelerator mission",
    "transformer mission": "transformer mission", "transformer": "transformer mission",
    "a transformer mission": "transformer mission", "transformative mission": "transformer mission",
    "transformative": "transformer mission", "mission transformer": "transformer mission",
    "not a mission": "not a mission", "not mission": "not a mission", "no mission": "not a mission",
    "no": "not a mission", "not": "not a mission", "none": "not a mission", "neither": "not a mission",
    "mission": "mission", "a mission": "mission", "yes": "mission",
}


@dataclass(frozen=True)
class Initiative:
    """A real initiative for the classification exercise, with its reference answer.

    ``status`` is "settled" (a reference answer) or "discuss" (contested: more
    than one answer is defensible; ``accepted`` lists them and ``prompt`` is
    the question for the room). ``mistakes`` explains a typical wrong answer.
    """

    name: str
    what: str
    reference: str
    status: Literal["settled", "discuss"]
    why: str
    sources: tuple[str, ...]
    accepted: tuple[str, ...] = ()
    prompt: str = ""
    mistakes: Mapping[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> tuple[str, ...]:
        return (self.reference,) + tuple(a for a in self.accepted if a != self.reference)


INITIATIVES: tuple[Initiative, ...] = (
    Initiative(
        "EU 100 climate-neutral cities",
        "EU mission: 100 climate-neutral and smart cities by 2030, as test beds so that all European cities "
        "can follow by 2050. Each city signs a Climate City Contract.",
        "transformer mission", "settled",
        "It is a dated, measurable goal on a societal problem, with a governance set-up and city portfolios. "
        "It aims to change whole urban systems (energy, buildings, mobility), not to speed up one technology.",
        ("eu-com2021", "eu-cities-notes", "nzc-2024-08", "jiip2018"),
        mistakes={"accelerator mission": "Climate neutrality in a city cannot come from one technology: it "
                                         "needs changes in energy, buildings, transport and behaviour at once.",
                  "not a mission": "It is one of the five EU missions launched in 2021, with a dated, "
                                   "measurable target and city portfolios."}),
    Initiative(
        "Stand-alone challenge prize",
        "A one-off prize for the best new battery design, not linked to any wider programme or goal.",
        "not a mission", "settled",
        "The OECD's survey definition of missions excludes one-off, unconnected interventions such as a "
        "stand-alone challenge prize. A prize can be one tool inside a mission's portfolio, but on its own it "
        "is not a mission.",
        ("opsi-survey-launch",),
        mistakes={"accelerator mission": "A prize can speed up one technology, but on its own it is a one-off "
                                         "intervention, which the OECD's survey definition excludes: there "
                                         "is no dated societal goal, no portfolio and no governance behind it.",
                  "transformer mission": "A single prize changes no system: it is a one-off intervention, "
                                         "which the OECD's survey definition excludes.",
                  "mission": "On its own a prize is a one-off intervention, which the OECD's survey "
                             "definition excludes."}),
    Initiative(
        "General applied research funding",
        "An open call that funds good applied research proposals in any field.",
        "not a mission", "settled",
        "The OECD's survey definition excludes general applied research funding: it has no societal goal, no "
        "deadline and no direction. Funding can serve a mission only when it is pointed at the mission's goal.",
        ("opsi-survey-launch",),
        mistakes={"accelerator mission": "Open research funding is undirected: it sets no goal and no date, so "
                                         "it accelerates nothing in particular. The OECD's survey definition "
                                         "excludes it.",
                  "transformer mission": "Open research funding sets no goal and no date; the OECD's survey "
                                         "definition excludes it.",
                  "mission": "Open research funding sets no goal and no date; the OECD's survey definition "
                             "excludes it."}),
    Initiative(
        "Japan Moonshot Goal 6",
        "Japan's Moonshot R&D Programme, Goal 6: a fault-tolerant universal quantum computer by 2050 that "
        "transforms the economy, industry and security.",
        "accelerator mission", "discuss",
        "It is a dated R&D goal set by Japan's Council for Science, Technology and Innovation, with programme "
        "directors and projects. Its core is one breakthrough technology, which is what an accelerator mission "
        "speeds up.",
        ("moonshot", "jiip2018", "oecd-nz2025"),
        accepted=("not a mission",),
        prompt="Is a technology goal a mission? It has a date, an owner and funded projects, but Module 02's "
               "assessor flags goals framed around a technology, and the OECD warns against leaning on "
               "technology alone (the 'STI trap'). Which weighs more for your ministry?",
        mistakes={"transformer mission": "The goal names one technology (a quantum computer). It may transform "
                                         "industry later, but the mission itself speeds up a technology, "
                                         "which is the accelerator type."}),
    Initiative(
        "Mission Innovation Clean Hydrogen",
        "Mission Innovation 2.0 (23 governments and the European Commission, 2021): make clean hydrogen "
        "cost-competitive, US$2 per kg to end users and at least 100 hydrogen hubs by 2030.",
        "accelerator mission", "settled",
        "A dated, measurable goal shared by governments, aimed at making one technology cheap enough to "
        "spread: the accelerator type.",
        ("mi2021", "jiip2018"),
        mistakes={"transformer mission": "The target is a cost and deployment figure for one technology "
                                         "(US$2 per kg, 100 hubs): speeding up a technology is the accelerator "
                                         "type.",
                  "not a mission": "It has a dated, measurable target (US$2 per kg by 2030) backed by "
                                   "governments that co-lead it."}),
    Initiative(
        "South Africa Decadal Plan",
        "South Africa's STI Decadal Plan (announced 2022): three societal grand challenges (climate change and "
        "sustainability; the future of education, skills and work; the future of society).",
        "not a mission", "settled",
        "These are grand challenges, the top tier of the mission map. They are not labelled missions, and no "
        "dated, measurable targets were found. Missions could be set within them.",
        ("za-decadal", "mazzucato2018"),
        mistakes={"transformer mission": "A grand challenge is broad and has no single owner; a mission is a "
                                         "specific, dated target within it. The plan names challenges, not "
                                         "missions.",
                  "accelerator mission": "A grand challenge is broad and has no single owner; a mission is a "
                                         "specific, dated target within it. The plan names challenges, not "
                                         "missions.",
                  "mission": "The plan names grand challenges (the top tier of the mission map), not dated "
                             "missions."}),
    Initiative(
        "Nesta: halve obesity",
        "Nesta, a UK foundation: halve obesity prevalence by 2030 (one of its three organisational missions "
        "for 2021-2030).",
        "transformer mission", "discuss",
        "It is dated and measurable and aims at a change in the food system and in behaviour (transformer). "
        "But it is an organisational mission of a charity, not a government's grand mission with public "
        "policy levers behind it.",
        ("nesta-missions", "nesta-onmission"),
        accepted=("not a mission",),
        prompt="Can a foundation have a mission in the policy sense? Which parts of the working definition "
               "(public objective, owning governance, portfolio, learning loop) does Nesta have, and which need "
               "government?",
        mistakes={"accelerator mission": "Halving obesity is not about speeding up one technology: it needs "
                                         "changes in food environments and behaviour, which is the "
                                         "transformer type."}),
    Initiative(
        "UK clean energy superpower",
        "UK government mission (2024): clean power by 2030, at least 95% of electricity from clean sources.",
        "transformer mission", "discuss",
        "It is a government mission with a mission board and a dated target. Whether it is an accelerator "
        "(deploy known technologies faster) or a transformer (change the whole power system) is contested: "
        "the accelerator/transformer split is our paraphrase of a common distinction, and in our reading the "
        "UK's 2024 missions are mostly about performance rather than new technology.",
        ("uk-pfc", "uk-lab2023", "jiip2018", "reform2024"),
        accepted=("accelerator mission",),
        prompt="Is decarbonising a power system in six years about speeding up wind, solar and grids "
               "(accelerator), or about changing markets, networks and regulation (transformer)? What would "
               "each reading change in how the mission is governed?",
        mistakes={"not a mission": "It is one of the UK government's five missions (Plan for Change, December "
                                   "2024), with a dated, measurable target and a mission board."}),
    Initiative(
        "Norway Pilot-E",
        "Norway's Pilot-E: an agency-run, challenge-based scheme, one of the OECD's examples of a "
        "challenge-based programme.",
        "accelerator mission", "discuss",
        "The OECD counts it as a challenge-based programme (type 2 of its four mission-oriented initiatives): "
        "run by an agency, narrow, aimed at acceleration. Whether that makes it a mission, or mission-oriented "
        "policy without a mission's own dated objective, is open.",
        ("ggsd2022", "opsi-terms"),
        accepted=("not a mission",),
        prompt="The OECD separates a mission (the goal plus its apparatus) from mission-oriented policy (a policy "
               "that borrows the logic). Where does an agency's challenge programme sit, and does the label "
               "matter for how it is run?",
        mistakes={"transformer mission": "The OECD describes challenge-based programmes like Pilot-E as narrow "
                                         "and aimed at acceleration, not at changing a whole system."}),
    Initiative(
        "Mission Innovation Zero-Emission Shipping",
        "Mission Innovation 2.0: make zero-emission ships the natural choice: by 2030, at least 5% of deep-sea "
        "fleet fuel use by ships able to run on zero-emission fuels, 200 such ships, and 10 large ports "
        "supplying the fuels.",
        "accelerator mission", "discuss",
        "A dated, measurable mission co-led by governments and industry. It pushes new ships and fuels "
        "(accelerator), but needs ports, fuel supply chains and shipping markets to change together "
        "(transformer), so the type is contested.",
        ("mi2021", "mi-zes", "jiip2018"),
        accepted=("transformer mission",),
        prompt="Its targets cover ships, fuels and ports. Is that one technology being scaled, or a system "
               "being rebuilt? Which reading would you use to pick its partners?",
        mistakes={"not a mission": "It has a dated, measurable target (5% of deep-sea fuel use by 2030) and "
                                   "named co-leads."}),
)
_BY_NAME = {i.name: i for i in INITIATIVES}


def _norm_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


_BY_NORM = {_norm_name(i.name): i for i in INITIATIVES}


def initiatives() -> pd.DataFrame:
    """The initiatives to classify (no answers: for the exercise), each with its sources."""
    return pd.DataFrame([{"Initiative": i.name, "What it is": i.what,
                          "Sources": "; ".join(cite_short(k) for k in i.sources) or "(an illustration)"}
                         for i in INITIATIVES]).set_index("Initiative")


def _choice(value: Any) -> str | None:
    if is_blank(value):
        return None
    cleaned = re.sub(r"\s+", " ", str(value).strip().lower().replace("-", " ").replace("_", " ")).strip(" .")
    return _CHOICE_SYNONYMS.get(cleaned, "?")


def classification_results(answers: Mapping | None) -> pd.DataFrame:
    """One row per initiative: the answer, the reference, and a result.

    ``result`` is one of: "not answered", "unknown answer", "correct",
    "type missing" (said "mission" without the type), "wrong", "discuss"
    (a defensible answer to a contested item).
    """
    given: dict[str, Any] = {}
    if isinstance(answers, Mapping):
        for key, value in answers.items():
            i = _BY_NORM.get(_norm_name(key))
            if i is not None:
                given[i.name] = value
    rows = []
    for i in INITIATIVES:
        raw = given.get(i.name, ...)
        choice = _choice(raw)
        if choice is None:
            result = "not answered"
        elif choice == "?":
            result = "unknown answer"
        elif choice == "mission":
            result = "type missing" if any(o != "not a mission" for o in i.ok) else "wrong"
        elif choice in i.ok:
            result = "discuss" if i.status == "discuss" else "correct"
        else:
            result = "wrong"
        rows.append({"initiative": i.name, "answer": None if choice is None else str(raw).strip(),
                     "reading": choice, "reference": i.reference,
                     "also defensible": ", ".join(i.accepted), "status": i.status, "result": result,
                     "sources": "; ".join(i.sources)})
    return pd.DataFrame(rows)


def check_classification(answers: Any) -> Feedback:
    """Feedback on the classification exercise: mission or not, accelerator or transformer.

    ``answers`` maps each initiative's name to "accelerator mission",
    "transformer mission" or "not a mission" (``...`` = not answered yet).
    Names each mistake and why, with its source; contested items get a
    discussion prompt instead of a verdict.
    """
    title = "Classifying real initiatives"
    how = ('For each initiative write "accelerator mission", "transformer mission" or "not a mission", '
           "in quotes.")
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[
            f"Your answer is a {type(answers).__name__}; it should be a dict with one entry per initiative. "
            + how])
    unknown_keys = [k for k in answers if _norm_name(k) not in _BY_NORM]
    table = classification_results(answers)
    strengths: list[str] = []
    improve: list[str] = []
    sources: list[str] = []
    for row, i in zip(table.to_dict("records"), INITIATIVES, strict=False):
        result = row["result"]
        if result == "not answered":
            continue
        said = row["answer"]
        if result == "correct":
            strengths.append(f"{i.name}: \u201c{i.reference}\u201d. {i.why}")
        elif result == "discuss":
            strengths.append(f"{i.name}: \u201c{row['reading']}\u201d is defensible; this one is contested "
                             f"(discuss). {i.why} For the room: {i.prompt}")
        elif result == "type missing":
            improve.append(f"{i.name}: yes, it counts as a mission (or arguably so). Now say which kind: "
                           f"\u201caccelerator mission\u201d or \u201ctransformer mission\u201d.")
        elif result == "unknown answer":
            improve.append(f"{i.name}: \u201c{said}\u201d is not one of the choices. {how}")
        else:
            reading = row["reading"] if row["reading"] != "mission" else "a mission"
            reason = i.mistakes.get(row["reading"], i.why)
            tail = (f" This one is contested: {', '.join(i.ok)} can all be argued; not \u201c{reading}\u201d."
                    if i.status == "discuss" else f" The reference answer is \u201c{i.reference}\u201d.")
            improve.append(f"{i.name}: you said \u201c{reading}\u201d. {reason}{tail}")
        if result in ("correct", "wrong", "discuss"):  # every fact the feedback states has its source
            sources += [cite(k) for k in i.sources if cite(k) not in sources]
    for key in unknown_keys:
        improve.append(f"\u201c{key}\u201d is not one of the initiatives. Check the spelling against the list: "
                       + ", ".join(i.name for i in INITIATIVES) + ".")
    missing = table.loc[table.result == "not answered", "initiative"].tolist()
    answered = len(table) - len(missing)
    if answered == 0:
        if unknown_keys:
            return Feedback("revise", title, improve=improve)
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    if any(r in ("wrong", "unknown answer") for r in table.result) or unknown_keys:
        status = "revise"
    elif missing or "type missing" in set(table.result):
        status = "partly"
    else:
        status = "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A mission is a dated, measurable goal on a societal problem with the apparatus to reach it; "
            "one-off tools and undirected funding are not. The accelerator/transformer split is our paraphrase "
            "of a common distinction (the 2018 EU study's exact wording was not checked), so borderline cases "
            "are for discussion, not marking.",
        sources=sources or cites("opsi-survey-launch", "jiip2018"))


# --------------------------------------------------------------------------- OECD four types (GGSD 2022)
@dataclass(frozen=True)
class InitiativeType:
    number: int
    name: str
    led_by: str
    focus: str
    examples: tuple[str, ...]


OECD_INITIATIVE_TYPES: tuple[InitiativeType, ...] = (
    InitiativeType(1, "Overarching mission-oriented strategic framework",
                   "The centre of government or a high-level committee",
                   "Covers several missions at once.",
                   ("Horizon Europe missions", "Dutch mission-driven top-sector policy", "Germany's HTS 2025",
                    "France 2030", "US Hydrogen Earthshot", "Japan's Moonshot")),
    InitiativeType(2, "Challenge-based programme or scheme",
                   "An agency",
                   "Narrow in focus; aimed at acceleration over the medium to long term.",
                   ("Norway's Pilot-E", "UK Industrial Strategy Challenge Fund", "SFI prizes in Ireland")),
    InitiativeType(3, "Thematic mission-oriented programme",
                   "A ministry, an agency or a large research and technology organisation",
                   "Often built on existing programmes.",
                   ("Japan's SIP", "CSIRO missions", "Finland's Flagships", "Canada's NRC Challenge programmes",
                    "Korea's Alchemist project", "Austria's Building of Tomorrow and Cities of the Future")),
    InitiativeType(4, "Ecosystem-based mission programme",
                   "The actors themselves set the agenda",
                   "Bottom-up: firms, researchers and others agree the goals.",
                   ("Denmark's green missions", "Finland's Growth Engines", "Wallonia's Strategic Innovation "
                    "Areas", "Sweden's Strategic Innovation Programmes")),
)
"""The OECD's four types of mission-oriented initiative, paraphrased from `[GGSD2022]` (Table 1)."""


def oecd_initiative_types() -> pd.DataFrame:
    """The four types as a table (paraphrased from the OECD issue note)."""
    return pd.DataFrame([{"Type": f"{t.number}. {t.name}", "Led by": t.led_by, "Focus": t.focus,
                          "Examples": "; ".join(t.examples)} for t in OECD_INITIATIVE_TYPES]).set_index("Type")


# --------------------------------------------------------------------------- failure modes (brief 1.6)
@dataclass(frozen=True)
class FailureMode:
    name: str
    looks_like: str
    sources: tuple[str, ...]
    secondary: bool = False


FAILURE_MODES: tuple[FailureMode, ...] = (
    FailureMode("STI trap", "Too much weight on technology; behaviour change, social innovation and scaling "
                "proven solutions are neglected.", ("oecd-nz2025", "oecd-nzblog2024")),
    FailureMode("Orientation trap", "The strategy sets a direction but has little pull on wider policy, so "
                "ambition is not turned into action.", ("oecd-nz2025", "oecd-nzblog2024")),
    FailureMode("Policy trap", "Too little private money and private resources are brought in.",
                ("oecd-nz2025",)),
    FailureMode("Mission inflation, fatigue and silos", "Too many missions; co-ordination overload; missions "
                "that become new silos.", ("ggsd2022",)),
    FailureMode("Piecemeal solutions", "Many small projects that do not add up to system change.",
                ("ggsd2022",)),
    FailureMode("Vague goals, thin budgets", "Few SMART goals; budgets that do not match the ambition and come "
                "almost entirely from science and innovation ministries.", ("ggsd2022", "stio2023")),
    FailureMode("Governance as an afterthought", "Structures inherited from existing institutions limit what "
                "the mission can change.", ("mal-gov",)),
    FailureMode("Mission-washing", "Mission words and new units, while decisions, budgets and routines stay "
                "the same.", ("nesta-missionpublic", "nesta-onmission")),
    FailureMode("\u201cPaper tigers\u201d", "Missions without teeth: the press said this of Germany's HTS 2025 "
                "missions, citing a Fraunhofer ISI evaluation.", ("hts-critique",), secondary=True),
    FailureMode("Evidence versus political cycles", "It is hard to show a contribution to long-term goals "
                "within short political cycles.", ("stio2023",)),
)

THIRTEEN_REASONS_NOTE = (
    "The OECD Mission Action Lab's \u201c13 reasons why missions fail\u201d (credited to Piret T\u00f5nurist, "
    "c. 2023) says missions face pressure to show results fast while still young, that a mission is "
    "sometimes the wrong tool and sometimes lacks commitment, and that the problem comes first and the method "
    "second. The 13 individual reasons could not be confirmed from the copy available to us: read the original "
    "before quoting them."
)


def failure_modes() -> pd.DataFrame:
    """The failure modes as a table; sources as "Author (year)" (full entries in the book's references)."""
    return pd.DataFrame([{"Failure mode": f.name, "What it looks like": f.looks_like,
                          "Source": "; ".join(cite_short(k) for k in f.sources)}
                         for f in FAILURE_MODES]).set_index("Failure mode")
