"""Module 04: scanning existing policies (the system scan).

Domain logic only: pandas in, pandas or plain data out, no display code, never
prints. It works on the FICTIONAL Marenta policy inventory (dataset D1,
``case.load("policies")``) and on a participant's own scan, read from a CSV or
Excel file made from the course template (:func:`missionkit.scanning.load.load_scan`).

What it computes
----------------
* :func:`alignment_matrix`: policy x objective, each cell the policy's
  direction for that objective ("supports", "works against", "neutral" or
  blank when the policy does not bear on it);
* :func:`objective_coverage` and :func:`unserved_objectives`: how many
  policies, and how much money, serve or harm each objective, and which
  objectives no policy serves;
* :func:`budget_shares`: budget by owner, instrument or any other column;
  :func:`sti_share`: the share of the mission-tagged budget held by science,
  technology and innovation (STI) bodies (the "STI trap", OECD 2025; GGSD 2022);
* :func:`conflicts`: the policies that work against the mission, with their
  budget;
* :func:`summarise`: all of these as one :class:`ScanSummary`;
* :func:`budget_holders`: who holds mission-tagged money (used by module 05).

The exercise checks are in :mod:`missionkit.scanning.checks`. Source keys are
those of ``missionkit/data/references.csv``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.scanning.load import AGAINST, DIRECTIONS, NEUTRAL, SUPPORTS, split_objectives
from missionkit.text import and_list, money

__all__ = [
    "STI_TRAP_THRESHOLD",
    "prepare",
    "objective_label",
    "alignment_matrix",
    "alignment_long",
    "objective_coverage",
    "unserved_objectives",
    "owner_alignment",
    "supporting_by_owner",
    "budget_shares",
    "sti_share",
    "sti_bodies",
    "tagged_but_neutral",
    "conflicts",
    "budget_holders",
    "ScanSummary",
    "summarise",
]

STI_TRAP_THRESHOLD = 0.5
"""Warning sign (OUR PROPOSAL, after brief 3.3: "almost all money flows through the STI ministry"):
more than half of the mission-tagged budget sits with STI bodies."""



# --------------------------------------------------------------------------- a common shape
_BUDGET_COLUMNS = ("annual_budget_mrc_m", "annual_budget_m", "budget")


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return False
    return str(value).strip().lower() in ("yes", "y", "true", "1")


def prepare(policies: pd.DataFrame) -> pd.DataFrame:
    """The scan in one shape, whatever its source (case D1 or :func:`load_scan`).

    Columns: policy_id, title, owner, instrument, direction, sti (bool),
    tagged (bool), budget (float), objectives (tuple of codes). Raises
    :class:`MissionkitInputError` if a needed column is missing.
    """
    if not isinstance(policies, pd.DataFrame):
        raise MissionkitInputError(
            f"A policy scan must be a table, not {type(policies).__name__}",
            fix="Pass the inventory, e.g. case.load('policies'), or a file read with scanning.load_scan(...)")
    budget_col = next((c for c in _BUDGET_COLUMNS if c in policies.columns), None)
    needed = ["policy_id", "title", "owner", "sti_owner", "instrument", "objectives", "direction",
              "mission_tagged"]
    missing = [c for c in needed if c not in policies.columns] + (["annual_budget_m"] if budget_col is None else [])
    if missing:
        raise MissionkitInputError(
            f"The policy scan has no column{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}",
            fix="Use the columns of the policy-scan template (scanning.TEMPLATE_PATH) and load the file with "
                "scanning.load_scan(...)", column=missing[0])
    budget = pd.to_numeric(policies[budget_col], errors="coerce")
    if budget.isna().any():
        bad = budget[budget.isna()].index[0]
        raise MissionkitInputError(
            "A policy has no budget figure", fix="Type a number in every budget cell (0 for a rule with no budget)",
            row=int(bad) if isinstance(bad, (int, np.integer)) else None, column=budget_col)
    out = pd.DataFrame(
        {
            "policy_id": policies["policy_id"].astype(str).str.strip(),
            "title": policies["title"].astype(str).str.strip(),
            "owner": policies["owner"].astype(str).str.strip(),
            "instrument": policies["instrument"].astype(str).str.strip().str.lower(),
            "direction": policies["direction"].astype(str).str.strip().str.lower(),
            "sti": policies["sti_owner"].map(_yes).astype(bool),
            "tagged": policies["mission_tagged"].map(_yes).astype(bool),
            "budget": budget.astype(float),
            "objectives": policies["objectives"].map(split_objectives),
        },
        index=policies.index,
    )
    unknown = sorted(set(out["direction"]) - set(DIRECTIONS))
    if unknown:
        raise MissionkitInputError(
            f"'{unknown[0]}' is not a direction", fix="Use one of: supports, neutral, works against",
            column="direction")
    return out


def _objectives_for(p: pd.DataFrame, objectives: Sequence[str] | None) -> list[str]:
    if objectives is not None:
        return [str(o).strip().upper() for o in objectives]
    found = {o for codes in p["objectives"] for o in codes}
    if found <= set(case.OBJECTIVE_IDS):
        return list(case.OBJECTIVE_IDS)
    return sorted(found, key=lambda c: (re.sub(r"\d", "", c), int(re.sub(r"\D", "", c) or 0)))


def objective_label(code: str) -> str:
    """'O4' -> 'O4 Fair access' for the case's objectives; other codes unchanged."""
    info = case.OBJECTIVES.get(code)
    return f"{code} {info['name']}" if info else code


# --------------------------------------------------------------------------- alignment
def alignment_long(policies: pd.DataFrame) -> pd.DataFrame:
    """One row per (policy, objective) the policy bears on: policy_id, title, owner, objective, direction, budget."""
    p = prepare(policies)
    rows = [
        {"policy_id": r.policy_id, "title": r.title, "owner": r.owner, "sti": r.sti, "instrument": r.instrument,
         "objective": o, "direction": r.direction, "budget": r.budget}
        for r in p.itertuples() for o in r.objectives
    ]
    cols = ["policy_id", "title", "owner", "sti", "instrument", "objective", "direction", "budget"]
    return pd.DataFrame(rows, columns=cols)


def alignment_matrix(policies: pd.DataFrame, objectives: Sequence[str] | None = None, *,
                     related_only: bool = False) -> pd.DataFrame:
    """Policy x objective: each cell "supports", "works against", "neutral", or "" (does not bear on it).

    Index: policy_id. Columns: title, owner, direction, then one column per
    objective. ``related_only`` keeps only policies that bear on some objective.
    """
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    table = p[["policy_id", "title", "owner", "direction"]].copy()
    for o in objs:
        table[o] = [r.direction if o in r.objectives else "" for r in p.itertuples()]
    if related_only:
        table = table[(table[objs] != "").any(axis=1)]
    return table.set_index("policy_id")


def objective_coverage(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Per objective: policies and budget that support it, and that work against it.

    A policy's whole budget counts for each objective it names (shares are not
    split), so budgets do not add up across objectives. ``status`` is "not
    served" when no policy supports the objective.
    """
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    rows = []
    for o in objs:
        hit = p[p["objectives"].map(lambda codes, o=o: o in codes)]
        sup, ag = hit[hit.direction == SUPPORTS], hit[hit.direction == AGAINST]
        rows.append({
            "objective": o, "name": objective_label(o),
            "supporting policies": len(sup), "supporting budget": float(sup.budget.sum()),
            "policies working against": len(ag), "budget working against": float(ag.budget.sum()),
            "status": "served" if len(sup) else "not served",
        })
    return pd.DataFrame(rows).set_index("objective")


def unserved_objectives(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> list[str]:
    """The objectives that no policy supports (in Marenta, O4 Fair access)."""
    cov = objective_coverage(policies, objectives)
    return [o for o, status in cov["status"].items() if status == "not served"]


def owner_alignment(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Owner x objective, long: policies supporting and working against, and their budget."""
    p = prepare(policies)
    objs = _objectives_for(p, objectives)
    owners = list(dict.fromkeys(p["owner"]))
    rows = []
    for owner in owners:
        mine = p[p.owner == owner]
        for o in objs:
            hit = mine[mine["objectives"].map(lambda codes, o=o: o in codes)]
            sup, ag = hit[hit.direction == SUPPORTS], hit[hit.direction == AGAINST]
            rows.append({"owner": owner, "sti": bool(mine.sti.any()), "objective": o,
                         "supports": len(sup), "works against": len(ag),
                         "budget supporting": float(sup.budget.sum()), "budget against": float(ag.budget.sum())})
    return pd.DataFrame(rows)


def supporting_by_owner(policies: pd.DataFrame, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Owner x objective: the number of the owner's policies that support each objective (0 = none)."""
    long = owner_alignment(policies, objectives)
    table = long.pivot(index="owner", columns="objective", values="supports")
    table = table.reindex(index=list(dict.fromkeys(long["owner"])), columns=list(dict.fromkeys(long["objective"])))
    table.columns.name = "supporting policies"
    return table.astype(int)


# --------------------------------------------------------------------------- money
_SCOPES = ("mission-tagged", "all", "supports", "works against")


def _scoped(p: pd.DataFrame, scope: str) -> pd.DataFrame:
    if scope == "mission-tagged":
        return p[p.tagged]
    if scope == "all":
        return p
    if scope in (SUPPORTS, AGAINST, NEUTRAL):
        return p[p.direction == scope]
    raise MissionkitInputError(f"'{scope}' is not a scope", fix="Use one of: " + ", ".join(_SCOPES))


def budget_shares(policies: pd.DataFrame, by: str = "owner", scope: str = "mission-tagged") -> pd.DataFrame:
    """Budget by ``by`` (owner, instrument, sti, direction, ...) within ``scope``, largest first.

    Columns: policies, budget, share (of the scope's total budget). ``scope``:
    "mission-tagged" (default), "all", "supports" or "works against".
    """
    p = _scoped(prepare(policies), scope)
    if by not in p.columns or by == "objectives":
        raise MissionkitInputError(
            f"The scan cannot be grouped by '{by}'",
            fix="Use one of: owner, instrument, sti, direction (for objectives use objective_coverage)")
    total = float(p["budget"].sum())
    out = p.groupby(by, sort=False).agg(policies=("policy_id", "size"), budget=("budget", "sum"))
    out["share"] = out["budget"] / total if total else 0.0
    return out.sort_values(["budget", "policies"], ascending=False)


def sti_share(policies: pd.DataFrame, scope: str = "mission-tagged") -> float:
    """Share of the budget in ``scope`` held by STI bodies (Marenta, mission-tagged: 0.705)."""
    p = _scoped(prepare(policies), scope)
    total = float(p["budget"].sum())
    return float(p.loc[p.sti, "budget"].sum()) / total if total else 0.0


def sti_bodies(policies: pd.DataFrame) -> list[str]:
    """Owners marked as STI bodies, largest mission-tagged budget first."""
    p = prepare(policies)
    sti = p[p.sti]
    return list(sti.assign(t=sti.budget.where(sti.tagged, 0)).groupby("owner")["t"].sum()
                .sort_values(ascending=False).index)


def tagged_but_neutral(policies: pd.DataFrame) -> pd.DataFrame:
    """Mission-tagged policies that serve no objective (money labelled 'mission' that does not move it)."""
    p = prepare(policies)
    hit = p[p.tagged & (p.direction == NEUTRAL)]
    return hit[["policy_id", "title", "owner", "sti", "budget"]].sort_values("budget", ascending=False) \
        .set_index("policy_id")


def conflicts(policies: pd.DataFrame) -> pd.DataFrame:
    """Policies that work against the mission, largest budget first.

    Columns: title, owner, instrument, objectives harmed (text), budget,
    share of all conflicting budget. Index: policy_id.
    """
    p = prepare(policies)
    hit = p[p.direction == AGAINST].copy()
    total = float(hit.budget.sum())
    hit["objectives harmed"] = hit["objectives"].map(lambda c: ", ".join(c))
    hit["share of conflict budget"] = hit.budget / total if total else 0.0
    hit = hit.sort_values(["budget", "policy_id"], ascending=[False, True])
    return hit[["policy_id", "title", "owner", "instrument", "objectives harmed", "budget",
                "share of conflict budget"]].set_index("policy_id")


def budget_holders(policies: pd.DataFrame) -> dict[str, dict]:
    """Who holds mission-tagged money: owner -> {"budget": ..., "objectives": [...]} (largest first).

    ``objectives`` are those the owner's tagged, supporting policies serve.
    Module 05 checks that every one of them sits in a co-ordination forum.
    """
    p = prepare(policies)
    t = p[p.tagged & (p.budget > 0)]
    out: dict[str, dict] = {}
    for owner, budget in t.groupby("owner")["budget"].sum().sort_values(ascending=False).items():
        mine = t[(t.owner == owner) & (t.direction == SUPPORTS)]
        objs = sorted({o for codes in mine.objectives for o in codes})
        out[str(owner)] = {"budget": round(float(budget), 2), "objectives": objs}
    return out


# --------------------------------------------------------------------------- summary
@dataclass
class ScanSummary:
    """The headline findings of a scan (computed, never typed in)."""

    policies: int
    owners: int
    tagged_budget: float
    sti_budget: float
    sti_share: float
    sti_bodies: list[str]
    conflicts: int
    conflict_budget: float
    largest_conflict: str
    largest_conflict_budget: float
    unserved: list[str]
    tagged_neutral_budget: float
    instrument_shares: dict[str, float] = field(default_factory=dict)
    unit: str = case.MONEY_UNIT

    @property
    def sti_trap(self) -> bool:
        return self.sti_share > STI_TRAP_THRESHOLD

    def to_frame(self) -> pd.DataFrame:
        """Finding | value, ready to show."""
        m = lambda x: money(x, self.unit)  # noqa: E731
        top = max(self.instrument_shares, key=lambda k: self.instrument_shares[k]) if self.instrument_shares else "-"
        rows = [
            ("Policies scanned", f"{self.policies} from {self.owners} owners"),
            ("Mission-tagged budget a year", m(self.tagged_budget)),
            ("Share held by STI bodies", f"{self.sti_share:.1%} ({m(self.sti_budget)}; {and_list(self.sti_bodies)})"),
            ("Mission-tagged but serving no objective", m(self.tagged_neutral_budget)),
            ("Policies working against the mission",
             f"{self.conflicts} of {self.policies}, {m(self.conflict_budget)} a year"),
            ("Largest conflict", f"{self.largest_conflict} ({m(self.largest_conflict_budget)})"
             if self.conflicts else "none"),
            ("Objectives no policy serves", ", ".join(objective_label(o) for o in self.unserved) or "none"),
            ("Largest instrument in the tagged budget",
             f"{top} ({self.instrument_shares.get(top, 0):.0%})" if self.instrument_shares else "-"),
        ]
        return pd.DataFrame(rows, columns=["finding", "value"]).set_index("finding")

    def _repr_html_(self) -> str:  # pragma: no cover - display convenience
        return self.to_frame().to_html()


def summarise(policies: pd.DataFrame, objectives: Sequence[str] | None = None,
              unit: str = case.MONEY_UNIT) -> ScanSummary:
    """All headline findings of a scan in one object."""
    p = prepare(policies)
    tagged = p[p.tagged]
    c = conflicts(policies)
    inst = budget_shares(policies, "instrument")["share"].to_dict() if len(tagged) else {}
    return ScanSummary(
        policies=len(p),
        owners=int(p.owner.nunique()),
        tagged_budget=float(tagged.budget.sum()),
        sti_budget=float(tagged.loc[tagged.sti, "budget"].sum()),
        sti_share=sti_share(policies),
        sti_bodies=[b for b in sti_bodies(policies)],
        conflicts=len(c),
        conflict_budget=float(c.budget.sum()),
        largest_conflict=str(c.iloc[0]["title"]) if len(c) else "",
        largest_conflict_budget=float(c.iloc[0]["budget"]) if len(c) else 0.0,
        unserved=unserved_objectives(policies, objectives),
        tagged_neutral_budget=float(tagged_but_neutral(policies).budget.sum()),
        instrument_shares={str(k): float(v) for k, v in inst.items()},
        unit=unit,
    )

