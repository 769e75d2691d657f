"""Module 11: the donor landscape (the course's proposal, Module 11).

Who funds which objective with which instrument, how much, where several funders do the same
thing for the same objective (overlaps), which objectives nobody funds (gaps), and how
concentrated the money is. :func:`donor_landscape` does it all.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from missionkit import case
from missionkit.readiness.load import prepare_donors
from missionkit.readiness.scorecard import INSTRUMENTS, OVERLAP_MIN_FUNDERS
from missionkit.text import and_list

__all__ = [
    "donor_coverage",
    "coverage_matrix",
    "donor_gaps",
    "donor_overlaps",
    "Concentration",
    "donor_concentration",
    "DonorLandscape",
    "donor_landscape",
    "objective_label",
]


def _donors(donors: pd.DataFrame | None, objectives: Sequence[str] | None) -> pd.DataFrame:
    if donors is None:
        donors = case.load("donors")
    if "forum" in donors.columns and donors.attrs.get("objectives"):
        return donors
    return prepare_donors(donors, objectives=objectives)


def objective_label(code: str) -> str:
    info = case.OBJECTIVES.get(code)
    return f"{code} {info['name']}" if info else str(code)


def donor_coverage(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per funder and objective it serves: objective, funder, instrument, amount, share.

    ``amount`` is the funder's whole commitment; ``share`` splits it evenly
    across the objectives the funder names (an assumption: donor maps rarely
    say how money divides between objectives).
    """
    d = _donors(donors, objectives)
    rows = []
    for r in d.itertuples():
        for o in r.objectives:
            rows.append({"objective": o, "objective_label": objective_label(o), "funder": r.funder,
                         "funder_type": r.funder_type, "instrument": r.instrument, "amount": r.amount,
                         "share": r.amount / len(r.objectives), "on_budget": r.on_budget, "forum": r.forum})
    return pd.DataFrame(rows, columns=["objective", "objective_label", "funder", "funder_type", "instrument",
                                       "amount", "share", "on_budget", "forum"])


def coverage_matrix(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> pd.DataFrame:
    """Objective x instrument, every pair (zeros included): funders (count), money (split evenly), names."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    cov = donor_coverage(d, objs)
    rows = []
    for o in objs:
        for inst in INSTRUMENTS:
            part = cov[(cov["objective"] == o) & (cov["instrument"] == inst)]
            rows.append({"objective": o, "objective_label": objective_label(o), "instrument": inst,
                         "funders": int(len(part)), "money": float(part["share"].sum()),
                         "names": ", ".join(part["funder"])})
    return pd.DataFrame(rows)


def donor_gaps(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None) -> list[str]:
    """Objectives that no funder names."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    served = {o for codes in d["objectives"] for o in codes}
    return [o for o in objs if o not in served]


def donor_overlaps(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None,
                   min_funders: int = OVERLAP_MIN_FUNDERS) -> pd.DataFrame:
    """Objective and instrument pairs where ``min_funders`` or more funders do the same thing.

    Columns: objective, instrument, funders (count), names, total (whole
    commitments), median_size, outside_forum (how many sit in no co-ordination
    forum), forums. Several small technical-assistance grants on one objective
    usually mean duplicated studies and advice, and a heavy load on the
    ministry that must host them (OUR PROPOSAL, after the INDEF themes of
    alignment).
    """
    d = _donors(donors, objectives)
    cov = donor_coverage(d, objectives)
    rows = []
    for (o, inst), part in cov.groupby(["objective", "instrument"], sort=True):
        if len(part) < min_funders:
            continue
        forums = sorted({f for f in part["forum"] if f})
        rows.append({"objective": o, "objective_label": objective_label(o), "instrument": inst,
                     "funders": int(len(part)), "names": ", ".join(part["funder"]),
                     "total": round(float(part["amount"].sum()), 6),
                     "median_size": float(part["amount"].median()),
                     "outside_forum": int((part["forum"] == "").sum()), "forums": ", ".join(forums)})
    return pd.DataFrame(rows, columns=["objective", "objective_label", "instrument", "funders", "names", "total",
                                       "median_size", "outside_forum", "forums"])


@dataclass(frozen=True)
class Concentration:
    """How concentrated the donor money is."""

    total: float
    top: tuple[str, ...]
    top_amount: float
    top_share: float
    top_types: tuple[str, ...]
    top_instruments: tuple[str, ...]
    hhi: float  # Herfindahl-Hirschman index on funders' shares, 0 to 1

    def sentence(self, unit: str = case.MONEY_UNIT) -> str:
        n = len(self.top)
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
        kinds = sorted({t for t in self.top_types if t})
        what = f", {'both ' if n == 2 else 'all '}{kinds[0]}s" if len(kinds) == 1 and n > 1 else ""
        lead = "The largest funder" if n == 1 else f"The {words.get(n, n)} largest funders"
        return (f"{lead} ({and_list(self.top)}{what}) hold{'s' if n == 1 else ''} {self.top_share:.0%} of the "
                f"{unit.split()[0]} {self.total:,.1f}m committed.")


def donor_concentration(donors: pd.DataFrame | None = None, top: int = 2,
                        objectives: Sequence[str] | None = None) -> Concentration:
    """Share of all donor money held by the ``top`` largest funders, and the HHI."""
    d = _donors(donors, objectives).sort_values("amount", ascending=False, kind="stable")
    total = float(d["amount"].sum())
    if total <= 0:
        return Concentration(0.0, (), 0.0, 0.0, (), (), 0.0)
    head = d.head(top)
    shares = d["amount"] / total
    return Concentration(total=total, top=tuple(head["funder"]), top_amount=float(head["amount"].sum()),
                         top_share=float(head["amount"].sum() / total),
                         top_types=tuple(head["funder_type"]), top_instruments=tuple(head["instrument"]),
                         hhi=float((shares ** 2).sum()))


@dataclass
class DonorLandscape:
    """Everything module 11 finds in a donor map."""

    donors: pd.DataFrame
    objectives: tuple[str, ...]
    coverage: pd.DataFrame
    matrix: pd.DataFrame
    gaps: list[str]
    overlaps: pd.DataFrame
    concentration: Concentration
    thin: list[str]  # objectives served by a single funder
    off_budget: list[str]
    no_forum: list[str]
    unit: str = case.MONEY_UNIT

    def by_objective(self) -> pd.DataFrame:
        """Per objective: funders, instruments and money (split evenly across each funder's objectives)."""
        rows = []
        for o in self.objectives:
            part = self.coverage[self.coverage["objective"] == o]
            rows.append({"objective": objective_label(o), "funders": int(len(part)),
                         "instruments": ", ".join(i for i in INSTRUMENTS if i in set(part["instrument"])) or "none",
                         "money (split evenly)": round(float(part["share"].sum()), 1),
                         "who": ", ".join(part["funder"]) or "nobody"})
        return pd.DataFrame(rows).set_index("objective")

    def sentences(self) -> list[str]:
        money = self.unit.split()[0]
        out = []
        if self.gaps:
            out.append(f"No funder covers {and_list([objective_label(o) for o in self.gaps])}.")
        for r in self.overlaps.itertuples():
            out.append(f"{r.funders} funders give {r.instrument} to {r.objective_label} ({money} {r.total:,.1f}m in "
                       f"all, a median of {money} {r.median_size:,.1f}m each; {r.outside_forum} of them sit in no "
                       "co-ordination forum): likely overlap.")
        if self.thin:
            out.append(f"Only one funder covers {and_list([objective_label(o) for o in self.thin])}.")
        out.append(self.concentration.sentence(self.unit))
        if self.off_budget:
            out.append(f"{len(self.off_budget)} of {len(self.donors)} funders put their money outside the national "
                       "budget.")
        if self.no_forum:
            out.append(f"{len(self.no_forum)} sit in no co-ordination forum: {and_list(self.no_forum)}.")
        return out

    def takeaway(self) -> str:
        parts = []
        if self.gaps:
            parts.append(f"{and_list([objective_label(o) for o in self.gaps])} has no funder at all")
        for r in self.overlaps.itertuples():
            parts.append(f"{r.funders} funders give {r.instrument} to {r.objective_label}")
        c = self.concentration
        parts.append(f"the {'two' if len(c.top) == 2 else len(c.top)} largest funders hold {c.top_share:.0%} of the "
                     "money")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def donor_landscape(donors: pd.DataFrame | None = None, objectives: Sequence[str] | None = None,
                    min_funders: int = OVERLAP_MIN_FUNDERS, top: int = 2) -> DonorLandscape:
    """Coverage, gaps, overlaps and concentration of a donor map (default: the Marenta case, FICTIONAL)."""
    d = _donors(donors, objectives)
    objs = tuple(objectives or d.attrs.get("objectives") or case.OBJECTIVE_IDS)
    cov = donor_coverage(d, objs)
    counts = cov.groupby("objective")["funder"].nunique()
    return DonorLandscape(
        donors=d, objectives=objs, coverage=cov, matrix=coverage_matrix(d, objs), gaps=donor_gaps(d, objs),
        overlaps=donor_overlaps(d, objs, min_funders=min_funders), concentration=donor_concentration(d, top, objs),
        thin=[o for o in objs if counts.get(o, 0) == 1],
        off_budget=[r.funder for r in d.itertuples() if r.on_budget is False],
        no_forum=[r.funder for r in d.itertuples() if not r.forum],
    )
