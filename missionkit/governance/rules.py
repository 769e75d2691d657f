"""Module 05: the rules of good mission governance, run on a design.

:func:`check_design` runs rules a trainer can read. Each rule is a small named
function with its source (:data:`RULES`, :func:`rules`); each returns
:class:`Finding` objects that explain themselves. Source keys are those of
``missionkit/data/references.csv``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from missionkit import case
from missionkit.feedback import is_blank
from missionkit.governance.design import (
    EU_ASSEMBLY_CAP,
    EU_BOARD_CAP,
    EX_ANTE_RIGHTS,
    FORUM_TYPES,
    MAX_ONE_SECTOR_SHARE,
    SECTORS,
    TEAM_BENCHMARK,
    BudgetHolding,
    GovernanceDesign,
    as_design,
)
from missionkit.text import and_list, cite, money

__all__ = [
    "Finding",
    "Rule",
    "RULES",
    "RULES_BY_NAME",
    "rules",
    "check_design",
    "findings_table",
]

_SECTOR_PROSE = {"development partner": "development partners"}


def _sectors_prose(sectors: Sequence[str]) -> str:
    return and_list([_SECTOR_PROSE.get(s, s) for s in sectors])


# --------------------------------------------------------------------------- findings and rules
@dataclass(frozen=True)
class Finding:
    """What a rule found: a problem to fix, or a note to discuss. It explains itself."""

    rule: str
    severity: Literal["problem", "note"]
    title: str
    explanation: str
    fix: str
    source: str
    subject: str = ""

    def text(self) -> str:
        return f"{self.title}. {self.explanation} What to do: {self.fix}"


@dataclass(frozen=True)
class _Context:
    objectives: tuple[str, ...]
    budget_holders: dict[str, BudgetHolding]


@dataclass(frozen=True)
class Rule:
    """A rule of good mission governance: a question, the function that checks it, and its source."""

    name: str
    question: str
    check: Callable[[GovernanceDesign, _Context], list[Finding]]
    sources: tuple[str, ...]
    note: str = ""

    @property
    def source(self) -> str:
        return "; ".join(cite(k) for k in self.sources) + (f" ({self.note})" if self.note else "")


def every_objective_has_an_owner(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Each objective has one named owner who is accountable for it."""
    out = []
    for code in ctx.objectives:
        owner = design.objective_owners.get(code)
        if is_blank(owner):
            name = case.OBJECTIVES.get(code, {}).get("name")
            label = f"{code} {name}" if name else code
            out.append(Finding(
                "every_objective_has_an_owner", "problem", f"{label} has no owner",
                f"Nobody is accountable for {label}: no ministry, agency or city answers for its target, so it "
                "will lose every budget argument.",
                f"Name one organisation that owns {code} and will report on it; it can co-lead with others.",
                RULES_BY_NAME["every_objective_has_an_owner"].source, code))
    for code in design.objective_owners:
        if code not in ctx.objectives:
            out.append(Finding(
                "every_objective_has_an_owner", "note", f"{code} is not one of the mission's objectives",
                f"The design names an owner for {code}, but the mission's objectives are {', '.join(ctx.objectives)}.",
                "Check the objective code.", RULES_BY_NAME["every_objective_has_an_owner"].source, code))
    return out


def budget_holders_sit_in_a_forum(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Every organisation that holds mission budget sits in a co-ordination forum or steering committee."""
    holders = ctx.budget_holders
    if not holders:
        return []
    outside = [(name, h) for name, h in holders.items() if not design.forums_of(name)]
    if not outside:
        return []
    total = sum(h.budget for h in holders.values())
    out_total = sum(h.budget for _, h in outside)
    share = f", {out_total / total:.0%} of the mission-tagged budget" if total else ""
    listed = [f"{name} ({money(h.budget)})" if h.budget else name for name, h in outside]
    forums = design.bodies_of(*FORUM_TYPES)
    where = (f"The {'forum' if len(forums) == 1 else 'forums'} ({and_list([f.name for f in forums])}) "
             f"{'does' if len(forums) == 1 else 'do'} not include them" if forums
             else "The design has no co-ordination forum or steering committee at all")
    return [Finding(
        "budget_holders_sit_in_a_forum", "problem",
        f"{len(outside)} of {len(holders)} organisations holding mission budget sit in no co-ordination forum",
        f"{and_list(listed)} hold mission money{f' ({money(out_total)}{share})' if out_total else ''}, but nobody "
        f"lines up their spending with the others. {where}.",
        "Give each of them a seat in the co-ordination forum (or the steering committee), where budgets are "
        "aligned before they are spent.",
        RULES_BY_NAME["budget_holders_sit_in_a_forum"].source, "; ".join(n for n, _ in outside))]


def board_is_not_one_sector(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """No sector holds more than two-thirds of a mission board's seats."""
    out = []
    for board in design.bodies_of("mission board"):
        counts = board.sector_counts()
        if not counts:
            continue
        top, n = next(iter(counts.items()))
        size = len(board.members)
        if n / size > MAX_ONE_SECTOR_SHARE:
            missing = [s for s in SECTORS if s not in counts]
            out.append(Finding(
                "board_is_not_one_sector", "problem", f"{board.name} is mostly one sector",
                f"{n} of {size} seats ({n / size:.0%}) go to the {top}"
                + (f"; nobody comes from {_sectors_prose(missing)}" if missing else "")
                + ". A board of the organisations it should challenge cannot give independent advice, and the "
                  "people the mission must reach are not heard.",
                "Bring in members from outside the " + top
                + (f", for example from {_sectors_prose(missing[:3])}" if missing else "") + ".",
                RULES_BY_NAME["board_is_not_one_sector"].source, board.name))
    return out


def sizes_within_caps(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Boards have at most 15 members and assemblies at most 30 (EU caps); teams of 10-15 are a benchmark."""
    out = []
    src = RULES_BY_NAME["sizes_within_caps"].source
    for body, cap, what in ([(b, EU_BOARD_CAP, "board") for b in design.bodies_of("mission board")]
                            + [(b, EU_ASSEMBLY_CAP, "assembly") for b in design.bodies_of("mission assembly")]):
        if body.size > cap:
            out.append(Finding(
                "sizes_within_caps", "problem", f"{body.name} has {body.size} members, more than {cap}",
                f"EU mission {what}s have up to {cap} members. A larger {what} meets less often, talks longer and "
                "decides less.",
                f"Cut it to {cap} or fewer; give the others a place in the "
                + ("mission assembly or a working group." if what == "board" else "working groups or consultations."),
                src, body.name))
    lo, hi = TEAM_BENCHMARK
    for team in design.bodies_of("mission team"):
        if team.size and not lo <= team.size <= hi:
            out.append(Finding(
                "sizes_within_caps", "note", f"{team.name} has {team.size} people",
                f"German mission teams have {lo}-{hi} people from several ministries; this is a benchmark, not a "
                "rule.", "Check that the team can run the portfolio between meetings.", src, team.name))
    return out


def portfolio_is_steered_ex_ante(design: GovernanceDesign, ctx: _Context) -> list[Finding]:
    """Some body approves the portfolio and big budget shifts before money is committed (ex ante)."""
    if any(r in EX_ANTE_RIGHTS for b in design.bodies for r in b.decision_rights):
        return []
    reviewers = [b.name for b in design.bodies if "review progress" in b.decision_rights]
    said = (f"{and_list(reviewers)} only review{'s' if len(reviewers) == 1 else ''} progress after the fact (ex post)"
            if reviewers else "No body reviews the portfolio at all")
    return [Finding(
        "portfolio_is_steered_ex_ante", "problem", "Nobody approves the portfolio before money is committed",
        f"{said}. Decisions are then taken elsewhere, for example in budget talks, and the mission's bodies only "
        "read about them.",
        "Give the steering committee (or another body with the owners of the budgets in it) the right to approve "
        "the portfolio and big budget shifts before money is committed.",
        RULES_BY_NAME["portfolio_is_steered_ex_ante"].source)]


RULES: tuple[Rule, ...] = (
    Rule("every_objective_has_an_owner", "Does every objective have an owner?", every_objective_has_an_owner,
         ("mal-gov", "ggsd2022"), "our synthesis"),
    Rule("budget_holders_sit_in_a_forum", "Does every body that holds mission budget sit in a co-ordination forum?",
         budget_holders_sit_in_a_forum, ("ggsd2022", "mal-gov"), "our synthesis"),
    Rule("board_is_not_one_sector", "Is the mission board drawn from more than one sector?",
         board_is_not_one_sector, ("ggsd2022", "uk-uktimes", "eu-boards-2019"), "two-thirds threshold: our proposal"),
    Rule("sizes_within_caps", "Are the board (at most 15) and the assembly (at most 30) within the EU caps?",
         sizes_within_caps, ("eu-boards-2019", "zs2023")),
    Rule("portfolio_is_steered_ex_ante", "Does some body approve the portfolio before money is committed?",
         portfolio_is_steered_ex_ante, ("ggsd2022", "eu-board-tasks"), "our synthesis"),
)
RULES_BY_NAME = {r.name: r for r in RULES}


def rules() -> pd.DataFrame:
    """The rules as a table a trainer can read: the question each asks and its source."""
    return pd.DataFrame(
        {"question": [r.question for r in RULES], "source": [r.source for r in RULES]},
        index=pd.Index([r.name for r in RULES], name="rule"),
    )


def check_design(design: Any, objectives: Sequence[str] | None = None,
                 budget_holders: Any = None) -> list[Finding]:
    """Run every rule on ``design``; return the findings (problems first). An empty list means all rules hold.

    ``objectives`` defaults to Marenta's O1-O5; ``budget_holders`` (a list of
    names, or name -> budget, or name -> {"budget", "objectives"}, as
    :func:`missionkit.scanning.scan.budget_holders` gives) defaults to the design's own.
    """
    d = as_design(design)
    holders = d.budget_holders
    if budget_holders is not None:
        holders = GovernanceDesign(budget_holders=budget_holders).budget_holders
    ctx = _Context(tuple(str(o).upper() for o in (objectives or case.OBJECTIVE_IDS)), holders)
    found = [f for rule in RULES for f in rule.check(d, ctx)]
    return sorted(found, key=lambda f: f.severity != "problem")


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """Findings as a table: severity, finding, why, what to do, rule and source."""
    return pd.DataFrame(
        {
            "severity": [f.severity for f in findings],
            "finding": [f.title for f in findings],
            "why": [f.explanation for f in findings],
            "what to do": [f.fix for f in findings],
            "rule": [f.rule for f in findings],
        },
        index=pd.RangeIndex(1, len(findings) + 1, name="#"),
    )


