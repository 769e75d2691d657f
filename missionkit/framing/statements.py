"""Read a draft mission statement and give formative feedback on its framing.

``assess_statement(text)`` checks a statement against the five mission
criteria of Mazzucato (2018) and against common framing mistakes. It is
rule-based on purpose: every decision comes from a named pattern (in
:mod:`missionkit.framing.rules`, applied by :mod:`missionkit.framing.reading`),
and ``explain(text)`` lists each rule that fired, so a participant or a
trainer can see *why* the tool read the statement the way it did.

What text alone can and cannot judge:

* C2 (targeted, measurable, time-bound) is read from the words: is there a
  target, a deadline year, a baseline?
* C4 (across sectors) and C5 (room for many solutions) are read from cues,
  such as the sectors named, or a single technology or project as the goal.
* C1 (bold, wide relevance) and C3 (ambitious but realistic) need the
  participant's judgement, so the tool asks for it (status ``"ask"``).

Conventions (also the labelling rules of tests/data/statements.csv):

* The deadline is the year by which the goal is to be met. A baseline year
  ("compared with 1990", "from 38 µg/m³ in 2024", "2014–16 levels") or a start
  year ("since 2020") is never a deadline. A range ("2030–2035") gives its
  later year. When several target years appear, the latest is the deadline
  and earlier ones are read as milestones. A year marked as an interim step
  ("2030 interim", "an interim milestone in 2030") is a milestone, never the
  deadline.
* A year that has already passed on the course's case date (15 November 2026)
  is the date of something that happened ("adopted in Nov 2023", "since the
  floods of 2023", "(Nov 2023)"), not a deadline, unless "by", "before" or
  "no later than" marks it as one. A latest reading in brackets ("(latest
  reading: 41% in 2025)", "(2025: 41%)") is a baseline.
* A target is quantified when it names a value that can be checked: a number
  (not a year, not part of a name such as G7 or PM2.5), a percentage, a
  number word ("three million", "a third", "half"), "halve/double/triple",
  "zero", "net-zero", "climate-neutral", "…-free", or "all"/"every" + a noun.
  A count that only says *where* ("the three largest cities", "the poorest
  fifth of households", "one of the eight platforms") is scope, not a target;
  nor is a count of who takes part ("eight ministries will work together").

Source of the criteria: Mazzucato, M. (2018), Mission-Oriented Research &
Innovation in the European Union, European Commission. The module never
prints and has no display code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from missionkit.case import TODAY
from missionkit.framing.reading import RuleHit, check_text, collect

__all__ = [
    "CRITERIA",
    "STATUSES",
    "CriterionResult",
    "FramingWarning",
    "StatementAssessment",
    "assess_statement",
]

# --------------------------------------------------------------------------
# Sources (from shared/reference/mission-brief.md, section 10)
# --------------------------------------------------------------------------

MAZZUCATO_2018 = (
    "Mazzucato, M. (2018), Mission-Oriented Research & Innovation in the "
    "European Union, European Commission"
)
OECD_NZ_2025 = (
    "OECD (2025), Mission-Oriented Innovation Policies for Net Zero: How Can "
    "Countries Implement Missions to Achieve Climate Targets?, OECD"
)
OECD_GGSD_2022 = (
    "OECD (2022), Mission-oriented policies, Green Growth and Sustainable "
    "Development Forum, Issue Note 1, OECD"
)
OECD_STIO_2023 = (
    "OECD (2023), OECD Science, Technology and Innovation Outlook 2023, ch. 5, OECD"
)

#: The five criteria: key -> (code, short name, test question). Mazzucato (2018),
#: paraphrased as in the course brief, section 1.3.
CRITERIA: dict[str, tuple[str, str, str]] = {
    "bold": (
        "C1",
        "Bold and inspiring, with wide relevance to society",
        "Would a citizen understand why this matters?",
    ),
    "directed": (
        "C2",
        "Clear direction: targeted, measurable and time-bound",
        "Can you name the metric, the baseline, the target value and the date?",
    ),
    "ambitious": (
        "C3",
        "Ambitious but realistic research and innovation actions",
        "Is it a stretch that research and innovation could plausibly deliver, "
        "rather than a wish or something already under way?",
    ),
    "cross_sectoral": (
        "C4",
        "Innovation across disciplines, sectors and actors",
        "Does success need several ministries, sectors and kinds of organisation?",
    ),
    "bottom_up": (
        "C5",
        "Many bottom-up solutions",
        "Does the mission leave room for competing routes, rather than fixing "
        "one technology in advance?",
    ),
}

#: Allowed values of ``CriterionResult.status``.
STATUSES = ("met", "partly", "not met", "ask")

#: The case date as participants read it, for feedback.
_CASE_DAY = f"{TODAY.day} {TODAY:%B %Y}"


@dataclass(frozen=True)
class CriterionResult:
    """The reading of one criterion: a status and plain-language feedback."""

    key: str
    code: str
    name: str
    status: str
    feedback: str
    question: str | None = None
    source: str = MAZZUCATO_2018


@dataclass(frozen=True)
class FramingWarning:
    """A common framing mistake found in the statement."""

    code: str
    title: str
    message: str
    evidence: str
    source: str


@dataclass(frozen=True)
class StatementAssessment:
    """What the rules read in a mission statement, and the feedback they give.

    ``criteria`` maps "bold", "directed", "ambitious", "cross_sectoral" and
    "bottom_up" to a ``CriterionResult``. ``hits`` lists every rule that fired.
    """

    text: str
    deadline: int | None
    quantified: bool
    target: str | None
    targets: tuple[str, ...]
    baseline: str | None
    baseline_years: tuple[int, ...]
    milestones: tuple[int, ...]
    vague_deadline: str | None
    metric: str | None
    scope: str | None
    criteria: dict[str, CriterionResult]
    warnings: tuple[FramingWarning, ...]
    strengths: tuple[str, ...]
    improvements: tuple[str, ...]
    questions: tuple[str, ...]
    hits: tuple[RuleHit, ...] = field(repr=False)

    @property
    def feedback(self) -> list[str]:
        """Formative feedback, strongest points first, then what to improve, then questions."""
        return (
            [f"Strong: {s}" for s in self.strengths]
            + [f"To improve: {s}" for s in self.improvements]
            + [f"Please answer: {q}" for q in self.questions]
        )

    def summary(self) -> str:
        """The feedback as plain text, one point per line."""
        lines = ["What is strong:"]
        lines += [f"- {s}" for s in self.strengths] or ["- (nothing yet that the rules can see)"]
        lines.append("What to improve:")
        lines += [f"- {s}" for s in self.improvements] or ["- Nothing the rules can see."]
        if self.questions:
            lines.append("Questions only you can answer:")
            lines += [f"- {q}" for q in self.questions]
        lines.append(f"Criteria: {MAZZUCATO_2018}.")
        return "\n".join(lines)


def _src(source: str) -> str:
    return f" (Source: {source}.)"


def _directed(f: dict) -> CriterionResult:
    code, name, question = CRITERIA["directed"]
    target = f["targets"][0] if f["targets"] else None
    have, missing = [], []
    if target:
        have.append(f"a measurable target ('{target}')")
    else:
        missing.append(
            "a measurable target: a number, a percentage or a word such as 'halve' or 'zero'"
        )
    if f["deadline"] is not None:
        have.append(f"a deadline ({f['deadline']})")
    elif f["milestones"]:
        ms = " and ".join(str(m) for m in f["milestones"])
        missing.append(
            f"a deadline year: {ms} is an interim milestone, a step on the way, so the year by "
            "which the whole target must be met is still missing"
        )
    elif f["past_years"]:
        yrs = " and ".join(str(y) for y in f["past_years"])
        missing.append(
            f"a future deadline: {yrs} is not a future year on the case date ({_CASE_DAY}), so "
            "it dates something that happened, not the year by which the goal must be met"
        )
    elif f["vague"]:
        missing.append(
            f"a deadline year: '{f['vague']}' is not a year, so nobody can tell when the "
            "mission has succeeded or failed"
        )
    else:
        missing.append("a deadline year ('by 2035')")
    if f["baseline"]:
        have.append(f"a baseline ('{f['baseline']}')")
    if f["quantified"] and f["deadline"] is not None:
        status = "met"
    elif f["quantified"] or f["deadline"] is not None:
        status = "partly"
    else:
        status = "not met"
    parts = []
    if have:
        parts.append("The statement has " + ", ".join(have) + ".")
    if missing:
        parts.append("It lacks " + "; and ".join(missing) + ".")
    if status == "met" and not f["baseline"]:
        parts.append(
            "Consider stating the baseline (the value today and its year), so progress can "
            "be measured."
        )
    if f["milestones"] and f["deadline"] is not None:
        ms = ", ".join(str(m) for m in f["milestones"])
        parts.append(
            f"It gives several dates: {f['deadline']} is read as the deadline and {ms} as "
            "milestone(s). If that is wrong, say which year is the deadline."
        )
    if f["late_deadline"]:
        parts.append(
            f"Note that {f['deadline']} is not a future year on the case date ({_CASE_DAY}), so "
            "there is no future deadline: for a new mission, choose a year still ahead."
        )
    parts.append(
        "Why it matters: a mission must be targeted, measurable and time-bound, so that "
        "success or failure can be judged."
    )
    return CriterionResult(
        "directed", code, name, status, " ".join(parts) + _src(MAZZUCATO_2018), None
    )


def _bold(f: dict, warnings: list[FramingWarning]) -> CriterionResult:
    code, name, question = CRITERIA["bold"]
    parts = []
    if f["people"]:
        who = ", ".join(dict.fromkeys(m.group(0).lower() for m in f["people"]))
        parts.append(f"It names who benefits ({who}), which helps a citizen see why it matters.")
    else:
        parts.append(
            "It does not say who benefits; naming people makes a mission easier to rally around."
        )
    if any(w.code == "technology_prestige" for w in warnings):
        parts.append(
            "It centres on a technology or on prestige; ordinary people may not see what "
            "changes for them."
        )
    if f["words"] > 60:
        parts.append(
            f"At {f['words']} words it is long; a mission statement people remember is short."
        )
    parts.append(
        "Text alone cannot judge boldness: explain in one or two sentences why this matters to "
        "ordinary people, not just to specialists."
    )
    feedback = " ".join(parts) + _src(MAZZUCATO_2018)
    return CriterionResult("bold", code, name, "ask", feedback, question)


def _ambitious(f: dict) -> CriterionResult:
    code, name, question = CRITERIA["ambitious"]
    parts = ["Text alone cannot judge whether the target is ambitious but realistic."]
    if f["baseline_years"] and f["deadline"] is not None:
        span = f["deadline"] - max(f["baseline_years"])
        if span > 0:
            parts.append(
                f"The statement allows {span} years from the baseline year to the deadline."
            )
    parts.append(
        "Explain why the target is a stretch (not something already under way) and which "
        "research and innovation could plausibly deliver it."
    )
    feedback = " ".join(parts) + _src(MAZZUCATO_2018)
    return CriterionResult("ambitious", code, name, "ask", feedback, question)


def _cross_sectoral(f: dict, framing_problem: str | None) -> CriterionResult:
    code, name, question = CRITERIA["cross_sectoral"]
    sectors = f["sectors"]
    if framing_problem:
        status = "not met"
        text = (
            f"The goal is {framing_problem}, which one agency or firm could deliver alone. "
            "A mission needs several sectors and kinds of organisation to succeed. "
            "Reframe it as the outcome the project would serve."
        )
    elif len(sectors) >= 3:
        status = "met"
        text = (
            f"It touches several sectors ({', '.join(sectors)}), so success will need several "
            "ministries and kinds of organisation. Check this against your stakeholder map."
        )
    elif len(sectors) == 2:
        status = "partly"
        text = (
            f"It touches two sectors ({', '.join(sectors)}). Ask which other ministries, firms, "
            "cities or civil-society groups must act for it to succeed."
        )
    else:
        status = "ask"
        text = (
            "The statement does not show which sectors must work together. Name the ministries, "
            "sectors and kinds of organisation whose action the mission needs."
        )
    return CriterionResult(
        "cross_sectoral", code, name, status, text + _src(MAZZUCATO_2018),
        question if status == "ask" else None,
    )


def _bottom_up(f: dict, framing_problem: str | None) -> CriterionResult:
    code, name, question = CRITERIA["bottom_up"]
    tech_named = ", ".join(dict.fromkeys(m.group(0) for m in f["tech"]))
    if framing_problem:
        status = "not met"
        text = (
            f"The goal is {framing_problem}: it fixes the solution in advance and leaves no room "
            "for competing routes. State the outcome instead, and let many projects compete "
            "to reach it."
        )
    elif f["outcome"] and f["tech"]:
        status = "partly"
        text = (
            f"It sets an outcome, but it names a technology ({tech_named}) as the route. Say "
            "whether other routes may compete, or keep the technology out of the statement."
        )
    elif f["outcome"]:
        status = "met"
        text = (
            "It sets an outcome and leaves the route open, so many bottom-up solutions can "
            "compete and complement each other."
        )
    else:
        status = "ask"
        text = (
            "The statement does not show whether several routes could reach the goal. Name the "
            "outcome, and list two or three different kinds of project that could contribute."
        )
    return CriterionResult(
        "bottom_up", code, name, status, text + _src(MAZZUCATO_2018),
        question if status == "ask" else None,
    )


def _warnings(f: dict) -> list[FramingWarning]:
    out: list[FramingWarning] = []
    if f["prestige"] or f["tech_goal"]:
        ev = (f["prestige"] or f["tech"])[0].group(0)
        out.append(
            FramingWarning(
                "technology_prestige",
                "Technology or prestige goal",
                f"The goal is framed around '{ev}'. Reaching a technology or a 'world first' "
                "does not by itself change people's lives, and it fixes the solution in advance. "
                "Too much weight on technology, at the cost of behaviour change and scaling "
                "proven solutions, is a known trap for missions (the 'STI trap'). "
                "Ask: what outcome should this technology bring, for whom, measured how?",
                ev,
                OECD_NZ_2025,
            )
        )
    if f["single"]:
        ev = f["single"][0].group(0)
        out.append(
            FramingWarning(
                "single_project",
                "A single project, not a mission",
                f"'{ev}' reads as one project. A mission is a measurable, dated objective that a "
                "portfolio of many projects from different sectors contributes to. Ask: what would "
                "this project achieve for people, and how would you measure it?",
                ev,
                MAZZUCATO_2018,
            )
        )
    if f["outputs"] and not f["single"] and not f["outcome"]:  # an output that serves a named outcome is fine
        ev = f["outputs"][0].group(0)
        out.append(
            FramingWarning(
                "output_target",
                "The target counts outputs, not outcomes",
                f"'{ev}' counts things bought, built or produced. Outputs are steps in a project; the "
                "mission should name the change people will see (for example shorter journeys "
                "or cleaner air). Many small outputs that do not add up to system change are a "
                "known failure mode ('piecemeal solutions').",
                ev,
                OECD_GGSD_2022,
            )
        )
    if f["spend"] and not f["quantified"]:  # with a real target beside it, a budget is fine
        ev = f["spend"][0].group(0)
        out.append(
            FramingWarning(
                "money_as_target",
                "Money to spend is an input, not a target",
                f"'{ev}' is money the mission will spend. A budget shows commitment, but it is an "
                "input: the mission should name the change the money must bring (for example "
                "shorter journeys or cleaner air), measured and dated. Budgets that do not match "
                "the goal, or goals that are only budgets, are a known weakness of missions.",
                ev,
                OECD_GGSD_2022,
            )
        )
    if not f["quantified"] and f["deadline"] is None and not f["milestones"]:
        out.append(
            FramingWarning(
                "slogan",
                "A slogan, not a mission",
                "The statement has no measurable target and no deadline year, so nobody could "
                "say whether it succeeded. Vague goals without SMART targets are a common "
                "weakness of real missions. Add a metric, a target value and a year.",
                f["vague"] or "",
                OECD_GGSD_2022,
            )
        )
    if f["vague"] and f["deadline"] is None:
        out.append(
            FramingWarning(
                "vague_deadline",
                "A time without a year",
                f"'{f['vague']}' is not a deadline that can be checked. Write the year, for "
                "example 'by 2030'.",
                f["vague"],
                MAZZUCATO_2018,
            )
        )
    if f["baseline_years"] and f["deadline"] is None:
        yrs = ", ".join(str(y) for y in f["baseline_years"])
        out.append(
            FramingWarning(
                "baseline_without_deadline",
                "A baseline year but no deadline",
                f"{yrs} is read as the starting point (baseline), not as the date the goal is met. "
                "Add the year by which the target must be reached.",
                yrs,
                MAZZUCATO_2018,
            )
        )
    return out


def assess_statement(text: str) -> StatementAssessment:
    """Assess a mission statement against the five mission criteria.

    Returns the deadline year, whether a measurable target is named, the target,
    baseline, metric and scope phrases when they can be seen, a status and
    feedback for each criterion, framing warnings, and formative feedback.
    Raises ``MissionkitInputError`` if ``text`` is not text or is empty.
    """
    clean = check_text(text)
    f = collect(clean)
    warnings = _warnings(f)
    framing_problem = None
    if any(w.code == "single_project" for w in warnings):
        framing_problem = "a single project"
    elif any(w.code == "technology_prestige" for w in warnings):
        framing_problem = "a single technology or prestige goal"
    criteria = {
        "bold": _bold(f, warnings),
        "directed": _directed(f),
        "ambitious": _ambitious(f),
        "cross_sectoral": _cross_sectoral(f, framing_problem),
        "bottom_up": _bottom_up(f, framing_problem),
    }

    strengths: list[str] = []
    improvements: list[str] = []
    questions: list[str] = []
    if f["targets"]:
        strengths.append(f"It names a measurable target: '{f['targets'][0]}' (C2).")
    if f["deadline"] is not None:
        strengths.append(f"It has a deadline: {f['deadline']} (C2).")
    if f["baseline"]:
        strengths.append(f"It states a baseline: '{f['baseline']}' (C2).")
    for key in ("cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status == "met":
            strengths.append(f"{c.code} {c.name}: {c.feedback.split(' (Source')[0]}")
    d = criteria["directed"]
    if d.status != "met":
        improvements.append(f"C2 {d.name}: {d.feedback.split(' (Source')[0]}")
    elif not f["baseline"]:
        improvements.append(
            "C2: state the baseline (today's value and its year) so progress can be measured."
        )
    for w in warnings:
        covered_by_c2 = w.code in ("slogan", "vague_deadline", "baseline_without_deadline")
        if not covered_by_c2 or d.status == "met":
            improvements.append(f"{w.title}: {w.message}")
    for key in ("cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status in ("partly", "not met"):
            improvements.append(f"{c.code} {c.name}: {c.feedback.split(' (Source')[0]}")
    for key in ("bold", "ambitious", "cross_sectoral", "bottom_up"):
        c = criteria[key]
        if c.status == "ask" and c.question:
            questions.append(f"{c.code}: {c.question}")

    return StatementAssessment(
        text=text,
        deadline=f["deadline"],
        quantified=f["quantified"],
        target=f["targets"][0] if f["targets"] else None,
        targets=tuple(f["targets"]),
        baseline=f["baseline"],
        baseline_years=f["baseline_years"],
        milestones=f["milestones"],
        vague_deadline=f["vague"],
        metric=f["metric"],
        scope=f["scope"],
        criteria=criteria,
        warnings=tuple(warnings),
        strengths=tuple(strengths),
        improvements=tuple(improvements),
        questions=tuple(questions),
        hits=tuple(f["hits"]),
    )
