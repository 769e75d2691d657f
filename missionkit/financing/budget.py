"""Module 09: reading a mission's budget lines (D9, FICTIONAL by default).

Four questions a finance ministry asks of any mission budget, each a function:

- :func:`timing`: how much of an objective's money is planned after a milestone year
  (money planned after the milestone cannot help meet it: back-loading);
- :func:`capital_and_operating`: capital and operating money per project, and the projects that
  build something with no money to run it (:func:`unfunded_running_costs`);
- :func:`execution`: what each budget holder spent against its plan so far;
- :func:`sources`: where an objective's money comes from (borrowed, granted, national, private).

:func:`read_budget` does all four for one objective. Domain logic only: no display code.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from missionkit import case
from missionkit.text import and_list, money, pct

__all__ = [
    "MILESTONE_YEAR",
    "SPENT_YEARS",
    "BORROWED",
    "opening_year",
    "timing",
    "capital_and_operating",
    "unfunded_running_costs",
    "execution",
    "sources",
    "BudgetReading",
    "read_budget",
]

MILESTONE_YEAR = 2030  # the indicators' 2030 milestones (D3)
SPENT_YEARS = (2025, 2026)  # years with spending on the case date (2026 to 15 November)
BORROWED = ("development bank loan",)


def _lines(lines: pd.DataFrame | None) -> pd.DataFrame:
    return case.load("budget_lines") if lines is None else lines


def _objective(lines: pd.DataFrame, objective: str | None) -> pd.DataFrame:
    return lines if objective is None else lines[lines["objective"] == objective]


def opening_year(purpose: str) -> int | None:
    """The year a service opens, when the budget line's purpose says so ("... (service opens 2029)")."""
    import re

    m = re.search(r"opens (\d{4})", str(purpose))
    return int(m.group(1)) if m else None


def timing(lines: pd.DataFrame | None = None, objective: str | None = None,
           milestone: int = MILESTONE_YEAR) -> dict[str, float]:
    """Planned money up to and after ``milestone``: {"total", "by_milestone", "after", "share_after"}."""
    d = _objective(_lines(lines), objective)
    total = float(d["planned_mrc_m"].sum())
    after = float(d.loc[d["year"] > milestone, "planned_mrc_m"].sum())
    return {"total": round(total, 2), "by_milestone": round(total - after, 2), "after": round(after, 2),
            "share_after": after / total if total else 0.0}


def capital_and_operating(lines: pd.DataFrame | None = None, objective: str | None = None) -> pd.DataFrame:
    """Per project: capital and operating money planned, the years of each, and the opening year if stated."""
    d = _objective(_lines(lines), objective)
    rows = []
    for pid, part in d.groupby("project_id", sort=True):
        cap = part[part["spending_type"] == "capital"]
        op = part[part["spending_type"] == "operating"]
        opens = [y for y in (opening_year(p) for p in part["purpose"]) if y]
        rows.append({"project_id": pid, "objective": part["objective"].iloc[0],
                     "purpose": part["purpose"].iloc[0],
                     "capital": round(float(cap["planned_mrc_m"].sum()), 2),
                     "operating": round(float(op["planned_mrc_m"].sum()), 2),
                     "last_capital_year": int(cap["year"].max()) if len(cap) else None,
                     "operating_years": ", ".join(str(y) for y in sorted(set(op["year"]))) or "none",
                     "opens": min(opens) if opens else None})
    out = pd.DataFrame(rows, columns=["project_id", "objective", "purpose", "capital", "operating",
                                      "last_capital_year", "operating_years", "opens"])
    out["opens"] = out["opens"].astype("Int64")
    out["last_capital_year"] = out["last_capital_year"].astype("Int64")
    return out


def unfunded_running_costs(lines: pd.DataFrame | None = None, objective: str | None = None) -> pd.DataFrame:
    """Projects that open a service (the purpose says when) but have no operating money from that year on."""
    d = _objective(_lines(lines), objective)
    table = capital_and_operating(d)
    keep = []
    for r in table.itertuples():
        if r.opens is None or pd.isna(r.opens):
            continue
        part = d[(d["project_id"] == r.project_id) & (d["spending_type"] == "operating")
                 & (d["year"] >= int(r.opens))]
        if part["planned_mrc_m"].sum() <= 0:
            keep.append(r.project_id)
    return table[table["project_id"].isin(keep)].reset_index(drop=True)


def execution(lines: pd.DataFrame | None = None, years: Sequence[int] = SPENT_YEARS,
              objective: str | None = None) -> pd.DataFrame:
    """Per budget holder, for ``years``: planned, spent and the share spent (lowest share first)."""
    d = _objective(_lines(lines), objective)
    d = d[d["year"].isin(list(years))]
    g = d.groupby("budget_holder").agg(planned=("planned_mrc_m", "sum"), spent=("spent_mrc_m", "sum"))
    g["share_spent"] = g["spent"] / g["planned"]
    g = g.round({"planned": 2, "spent": 2})
    return g.sort_values(["share_spent", "planned"], ascending=[True, False], kind="stable").reset_index()


def sources(lines: pd.DataFrame | None = None, objective: str | None = None) -> pd.DataFrame:
    """Planned money by source and funder, with each one's share of the total."""
    d = _objective(_lines(lines), objective)
    g = d.groupby(["source", "funder"], as_index=False)["planned_mrc_m"].sum()
    g = g.rename(columns={"planned_mrc_m": "planned"})
    total = float(g["planned"].sum())
    g["share"] = g["planned"] / total if total else 0.0
    return g.sort_values("planned", ascending=False, kind="stable").reset_index(drop=True)


@dataclass
class BudgetReading:
    """What the budget lines of one objective (or the whole mission) show."""

    objective: str | None
    timing: dict[str, float]
    projects: pd.DataFrame
    no_running_money: pd.DataFrame
    sources: pd.DataFrame
    execution: pd.DataFrame
    findings: list[str] = field(default_factory=list)

    @property
    def borrowed_share(self) -> float:
        part = self.sources[self.sources["source"].isin(BORROWED)]
        total = float(self.sources["planned"].sum())
        return float(part["planned"].sum()) / total if total else 0.0

    def label(self) -> str:
        if self.objective is None:
            return "the whole mission"
        info = case.OBJECTIVES.get(self.objective)
        return f"{self.objective} {info['name']}" if info else self.objective


def read_budget(lines: pd.DataFrame | None = None, objective: str | None = None,
                milestone: int = MILESTONE_YEAR) -> BudgetReading:
    """Timing, capital and operating, sources and execution for one objective, with the findings in words."""
    d = _objective(_lines(lines), objective)
    t = timing(d, milestone=milestone)
    projects = capital_and_operating(d)
    gaps = unfunded_running_costs(d)
    src = sources(d)
    ex = execution(d)
    r = BudgetReading(objective, t, projects, gaps, src, ex)
    findings = []
    if t["total"]:
        findings.append(f"{money(t['after'])} of {money(t['total'])} ({pct(t['share_after'])}) is planned after "
                        f"{milestone}, the year of the milestones.")
    for g in gaps.itertuples():
        findings.append(f"{g.project_id} ({g.purpose.split(':')[0]}) has {money(g.capital)} of capital and no "
                        f"operating money from {g.opens}, when its service opens.")
    cap, op = float(projects["capital"].sum()), float(projects["operating"].sum())
    if cap + op:
        findings.append(f"Capital {money(cap)}, operating {money(op)} ({pct(op / (cap + op))} of the money).")
    if r.borrowed_share:
        lenders = sorted(set(src.loc[src["source"].isin(BORROWED), "funder"]))
        findings.append(f"{pct(r.borrowed_share)} of the money is borrowed, from {and_list(lenders)}.")
    if len(ex):
        low = ex.iloc[0]
        findings.append(f"{low['budget_holder']} spent {pct(low['share_spent'])} of what it planned for "
                        f"{SPENT_YEARS[0]}-{SPENT_YEARS[1]} ({money(low['spent'])} of {money(low['planned'])}).")
    r.findings = findings
    return r
