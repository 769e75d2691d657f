"""Module 09: a financing plan for one objective under a fiscal limit (the scenarios are FICTIONAL).

A scenario lists what must be paid for (components, capital or operating, with their cost) and the
money on offer (sources, each with a cap and rules about what it may pay for). A plan says how much
of each component each source pays: ``{component: {source: amount}}``. :func:`review_plan` checks the
plan against the scenario's rules and returns the problems and strengths in words, with figures.

The rules are the course's (OUR PROPOSAL), drawn from ordinary public-finance practice: borrowed money
pays for assets, not for running costs that recur after the loan; one-off grants do not pay for
recurring costs; the finance ministry's limit holds; every component is paid for in full.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from missionkit.text import and_list, money

__all__ = ["Component", "Source", "Scenario", "PLAN_EXERCISE", "PLAN_LESSON", "SCENARIOS", "PlanReview",
           "review_plan", "TOLERANCE", "components_table", "sources_table"]

TOLERANCE = 0.5  # MRC m: rounding allowed when a component is "paid in full"


@dataclass(frozen=True)
class Component:
    code: str
    name: str
    kind: str  # "capital" or "operating"
    cost: float


@dataclass(frozen=True)
class Source:
    code: str
    name: str
    cap: float
    pays_for: tuple[str, ...]  # component codes it may pay for
    recurring: bool  # can it pay year after year (budgets), or is it one-off (a grant, a loan)?
    note: str = ""


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    objective: str
    period: str
    components: tuple[Component, ...]
    sources: tuple[Source, ...]
    fiscal_source: str  # the source the finance ministry's limit applies to
    story: str = ""

    def component(self, code: str) -> Component:
        return next(c for c in self.components if c.code == code)

    def source(self, code: str) -> Source:
        return next(s for s in self.sources if s.code == code)

    @property
    def total(self) -> float:
        return sum(c.cost for c in self.components)


PLAN_EXERCISE = Scenario(
    key="o2-phase2",
    title="O2 Clean air, phase 2: electric buses for Kessa and Nuvo Alto, 2027-2030 (FICTIONAL)",
    objective="O2",
    period="2027-2030",
    story=("The Ministry of Environment must pay for four things. The Ministry of Finance allows at most "
           "MRC 90m from the national budget over the four years (its fiscal limit)."),
    components=(
        Component("buses", "Electric buses for Kessa and Nuvo Alto", "capital", 180.0),
        Component("depots", "Charging depots", "capital", 60.0),
        Component("running", "Running the extra bus services, 2028-2030", "operating", 40.0),
        Component("enforcement", "Low-emission zone enforcement and air monitoring", "operating", 12.0),
    ),
    sources=(
        Source("national", "National budget (Ministry of Finance)", 90.0,
               ("buses", "depots", "running", "enforcement"), True, "the fiscal limit"),
        Source("loan", "Southbridge Development Bank loan", 150.0, ("buses", "depots"), False,
               "for assets only; repaid from the national budget from 2031"),
        Source("grant", "Norvale Development Agency grant", 20.0, ("buses", "depots", "running", "enforcement"),
               False, "one-off; ends in 2029"),
        Source("city", "Kessa and Nuvo Alto city budgets", 25.0, ("buses", "depots", "running", "enforcement"),
               True),
        Source("private", "Bus leasing firms, backed by the Altamira guarantee", 60.0, ("buses",), False,
               "lessors own the buses and lease them to the cities; the guarantee covers their lenders"),
    ),
    fiscal_source="national",
)

PLAN_LESSON = Scenario(
    key="o3-phase2",
    title="O3 Safety, phase 2: safe junctions in the second tier of cities, 2027-2030 (FICTIONAL)",
    objective="O3",
    period="2027-2030",
    story="The Ministry of Transport has a national limit of MRC 50m for the four years.",
    components=(
        Component("works", "Junction works at 120 more junctions", "capital", 45.0),
        Component("upkeep", "Signal and crossing maintenance", "operating", 8.0),
        Component("enforcement", "Speed cameras and enforcement staff", "operating", 15.0),
    ),
    sources=(
        Source("national", "National budget (Ministry of Finance)", 50.0, ("works", "upkeep", "enforcement"), True,
               "the fiscal limit"),
        Source("loan", "Meridian Infrastructure Bank loan", 30.0, ("works",), False, "for assets only"),
        Source("grant", "Norvale Development Agency grant", 10.0, ("works", "upkeep", "enforcement"), False,
               "one-off; ends in 2029"),
        Source("city", "City budgets", 10.0, ("works", "upkeep", "enforcement"), True),
    ),
    fiscal_source="national",
)

SCENARIOS = {s.key: s for s in (PLAN_EXERCISE, PLAN_LESSON)}


@dataclass
class PlanReview:
    """The problems and strengths of one plan, in words with figures."""

    scenario: Scenario
    plan: dict[str, dict[str, float]]
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)

    @property
    def by_source(self) -> dict[str, float]:
        out = {s.code: 0.0 for s in self.scenario.sources}
        for parts in self.plan.values():
            for s, v in parts.items():
                out[s] = out.get(s, 0.0) + v
        return out

    @property
    def empty(self) -> bool:
        return not any(v for parts in self.plan.values() for v in parts.values())

    @property
    def ok(self) -> bool:
        return not self.problems and not self.empty


def review_plan(plan: Mapping[str, Mapping[str, float]], scenario: Scenario = PLAN_EXERCISE) -> PlanReview:
    """Check a plan (``{component: {source: amount}}``, amounts in MRC m, already numbers) against the rules."""
    clean = {c.code: {s.code: float(plan.get(c.code, {}).get(s.code, 0) or 0) for s in scenario.sources}
             for c in scenario.components}
    r = PlanReview(scenario, clean)
    if r.empty:
        return r
    for c in scenario.components:
        paid = sum(clean[c.code].values())
        if paid < c.cost - TOLERANCE:
            r.problems.append(f"{c.name} costs {money(c.cost)} but your plan pays {money(paid)}: a gap of "
                              f"{money(c.cost - paid)}. Every component must be paid for in full.")
        elif paid > c.cost + TOLERANCE:
            r.problems.append(f"{c.name} costs {money(c.cost)} but your plan puts {money(paid)} on it: "
                              f"{money(paid - c.cost)} too much.")
    totals = r.by_source
    for s in scenario.sources:
        if totals[s.code] > s.cap + TOLERANCE:
            if s.code == scenario.fiscal_source:
                r.problems.append(f"The national budget pays {money(totals[s.code])}, over the Ministry of Finance's "
                                  f"limit of {money(s.cap)} by {money(totals[s.code] - s.cap)}.")
            else:
                r.problems.append(f"{s.name} offers at most {money(s.cap)}; your plan takes "
                                  f"{money(totals[s.code])}.")
        for c in scenario.components:
            v = clean[c.code][s.code]
            if v <= 0:
                continue
            if c.code not in s.pays_for:
                what = "assets (capital)" if s.code == "loan" else and_list(
                    [scenario.component(x).name.lower() for x in s.pays_for])
                why = (" Borrowed money must be repaid; running costs come back every year, long after the loan is "
                       "spent." if c.kind == "operating" and s.code == "loan" else "")
                r.problems.append(f"{s.name} pays only for {what}, not for {c.name.lower()} "
                                  f"({money(v)} in your plan).{why}")
            elif c.kind == "operating" and not s.recurring:
                r.warnings.append(f"{money(v)} of {c.name.lower()} comes from {s.name}, which is one-off "
                                  f"({s.note or 'not renewed'}). Running costs recur: say who pays them after.")
    if not r.problems:
        nat = totals[scenario.fiscal_source]
        cap = scenario.source(scenario.fiscal_source).cap
        r.strengths.append(f"Every component is paid for in full ({money(scenario.total)}), and the national "
                           f"budget pays {money(nat)}, within the limit of {money(cap)}.")
        borrowed = totals.get("loan", 0.0)
        if borrowed:
            r.strengths.append(f"The {money(borrowed)} borrowed pays for assets only; running costs come from "
                               "budgets that recur.")
        if totals.get("private", 0.0):
            r.strengths.append(f"{money(totals['private'])} of private money is brought in by the guarantee, "
                               "saving public money for what only the public will pay for.")
    return r


def components_table(scenario: Scenario) -> pd.DataFrame:
    """What must be paid for: component, kind (capital or operating) and cost (MRC m)."""
    return pd.DataFrame([{"code": c.code, "component": c.name, "kind": c.kind, "cost (MRC m)": c.cost}
                         for c in scenario.components]).set_index("code")


def sources_table(scenario: Scenario) -> pd.DataFrame:
    """The money on offer: source, most it can give (MRC m), what it may pay for, and a note."""
    return pd.DataFrame([{"code": s.code, "source": s.name, "at most (MRC m)": s.cap,
                          "may pay for": ", ".join(s.pays_for), "recurs every year": "yes" if s.recurring else "no",
                          "note": s.note} for s in scenario.sources]).set_index("code")
