"""Module 07: managing a mission portfolio.

Domain logic only (no display code, never prints). A *mission portfolio* is the
managed set of projects and instruments that together move a mission toward
its targets `[MAL-port][PSF-MLE]`; managing it means reviewing it regularly and
moving money, people and time between options as evidence comes in
`[OECD-PSI-2022]`.

What is here:

* :func:`load_portfolio` reads a portfolio from a CSV (UTF-8, UTF-8 with BOM,
  Latin-1 or cp1252; ``,`` or ``;`` with decimal commas), an Excel workbook or a
  DataFrame, through :func:`missionkit.tables.read_table` and
  :data:`PORTFOLIO_SPEC`. Every problem is a plain-language
  :class:`~missionkit.errors.MissionkitInputError` naming file, row, column and
  fix. :meth:`Portfolio.from_case` loads the FICTIONAL Marenta portfolio (D2).
* :class:`Portfolio`: coverage (objective x instrument), balance shares per
  dimension (brief 3.3), concentration (Herfindahl index, top-k share), gaps,
  warning flags, possible relabelling of existing programmes
  (mission-washing), the decisions of each review round, a review step
  (:meth:`Portfolio.review`) and a rebalancing helper
  (:meth:`Portfolio.rebalance`, a linear programme solved with
  :func:`scipy.optimize.linprog`).
* Real portfolio sizes with their status labels (brief 3.5), the exercise
  checks (formative :class:`~missionkit.feedback.Feedback`), the participant's
  template (``missionkit/data/templates/portfolio-template.csv`` and ``.xlsx``)
  and a synthetic portfolio generator for tests and the benchmark.

Thresholds for warning signs are OUR PROPOSAL, built on the warning signs of
brief 3.3; they are parameters, not facts. All analysis is vectorised pandas:
benchmarks/bench_portfolio.py times every method on 100,000 projects.
"""
from __future__ import annotations

import difflib
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank, md_escape
from missionkit.tables import Column, TableSpec, read_table
from missionkit.text import amount, and_list, cites_full, pct

__all__ = [
    "INSTRUMENTS", "RISKS", "HORIZONS", "NOVELTY", "DECISIONS", "STATUSES", "DIMENSIONS", "TRL_BANDS",
    "THRESHOLDS", "PORTFOLIO_SPEC", "TEMPLATE_DIR", "TEMPLATE_CSV", "TEMPLATE_XLSX",
    "Flag", "Concentration", "Review", "Rebalancing", "Portfolio",
    "load_portfolio", "portfolio_spec", "real_portfolio_sizes", "review_cadences", "REAL_PORTFOLIOS",
    "template_frame", "write_templates", "synthetic_frame", "synthetic_policies",
    "check_under_covered", "check_relabelling", "check_round2_decisions", "check_own_portfolio",
    "round2_focus",
]

# --------------------------------------------------------------------------- vocabularies
INSTRUMENTS: tuple[str, ...] = case.INSTRUMENTS  # analysis, funding, regulation, procurement, fiscal, information
RISKS: tuple[str, ...] = ("low", "medium", "high")
HORIZONS: tuple[str, ...] = ("<2 years", "2-5 years", ">5 years")
NOVELTY: tuple[str, ...] = ("new", "adapt", "scale")
DECISIONS: tuple[str, ...] = case.DECISIONS  # continue, scale, pivot, pause, sunset
#: What each review decision does to a project's money (as ``Portfolio.review`` applies it).
DECISION_MEANINGS: dict[str, str] = {
    "continue": "keeps its budget",
    "scale": "asks for more money (50% more by default), paid from what is freed",
    "pivot": "keeps its budget, changes course",
    "pause": "stops for now; half its budget is freed by default",
    "sunset": "ends; its budget is freed",
}
STATUSES: tuple[str, ...] = ("active", "completed", "paused", "closed")
TRL_BANDS: tuple[str, ...] = ("TRL 1-3 (research)", "TRL 4-6 (development)", "TRL 7-9 (deployment)")
NO_OBJECTIVE = "(no objective)"
NOT_GIVEN = "(not given)"

DIMENSIONS: dict[str, str] = {
    "objective": "Mission objective",
    "instrument": "Instrument type",
    "lead_actor": "Lead actor",
    "lead_actor_type": "Kind of lead actor",
    "city": "Place",
    "sector": "Sector",
    "trl_band": "Maturity (TRL)",
    "risk": "Risk",
    "horizon": "Time horizon",
    "novelty": "New, adapt or scale",
}
"""The balance dimensions of brief 3.3 that a portfolio table can hold."""

THRESHOLDS: dict[str, float] = {
    "objective_min_share": 0.05,   # an objective with less than 5% of the money is starved (OUR PROPOSAL)
    "objective_max_share": 0.50,   # one objective taking more than half the money (brief 3.3)
    "instrument_max_share": 0.70,  # more than 70% of the money in one instrument type (brief 3.3)
    "actor_max_share": 1 / 3,      # one lead actor holding more than a third of the money (OUR PROPOSAL)
    "relabelling_min_score": 2,    # evidence points needed to call a project a possible relabelling
    "title_match": 0.75,           # share of title words two titles must share to count as the same programme
}
"""Warning lines used by :meth:`Portfolio.flags`. OUR PROPOSAL, after the warning
signs of brief 3.3; change them with ``Portfolio.flags(thresholds={...})``."""

_INSTRUMENT_WORDS = {
    "analysis": ("analysis", "knowledge", "study", "studies", "research study", "evaluation", "data", "foresight",
                 "feasibility study", "assessment"),
    "funding": ("funding", "grant", "grants", "loan", "loans", "equity", "guarantee", "guarantees", "investment",
                "subsidy", "subsidies", "finance", "financing", "co-financing", "prize", "prizes", "voucher"),
    "regulation": ("regulation", "regulations", "regulatory", "standard", "standards", "rule", "rules", "law",
                   "legislation", "licensing", "permit", "permits", "regulation and standards"),
    "procurement": ("procurement", "public procurement", "innovation procurement", "outcome-based procurement",
                    "purchasing", "tender", "tenders", "contract", "contracts"),
    "fiscal": ("fiscal", "tax", "taxes", "tax credit", "pricing", "price", "tariff", "fee", "fees", "levy"),
    "information": ("information", "information and behavioural", "behavioural", "behavioral", "campaign",
                    "communication", "communications", "awareness", "nudge", "training"),
}
_RISK_WORDS = {"low": ("low", "l", "lo"), "medium": ("medium", "m", "med", "mid", "moderate"),
               "high": ("high", "h", "hi")}
_HORIZON_WORDS = {
    "<2 years": ("<2", "<2years", "<2yrs", "under2years", "lessthan2years", "0-2", "0-2years", "short",
                 "shortterm", "quick", "quickwin"),
    "2-5 years": ("2-5", "2-5years", "2-5yrs", "2to5years", "2to5", "medium", "mediumterm", "mid-term", "midterm"),
    ">5 years": (">5", ">5years", ">5yrs", "over5years", "morethan5years", "5+", "5+years", "long", "longterm"),
}
_NOVELTY_WORDS = {"new": ("new", "novel", "pilot", "new solution"),
                  "adapt": ("adapt", "adapted", "adaptation", "adapting"),
                  "scale": ("scale", "scaling", "scale up", "scale-up", "scaling up", "scaled", "roll-out",
                            "rollout", "roll out")}
_DECISION_WORDS = {"continue": ("continue", "keep", "go", "maintain", "carry on", "stay"),
                   "scale": ("scale", "scale up", "scale-up", "expand", "grow", "scaling"),
                   "pivot": ("pivot", "change", "redesign", "refocus", "adjust"),
                   "pause": ("pause", "hold", "on hold", "suspend", "freeze"),
                   "sunset": ("sunset", "stop", "close", "end", "kill", "terminate", "exit", "phase out")}
_STATUS_WORDS = {"active": ("active", "ongoing", "running", "live", "in progress", "open", "started"),
                 "completed": ("completed", "complete", "done", "finished", "delivered"),
                 "paused": ("paused", "on hold", "suspended", "pause"),
                 "closed": ("closed", "stopped", "cancelled", "canceled", "terminated", "sunset", "ended")}


def _key(value: str) -> str:
    return re.sub(r"\s+", " ", str(value).replace("\u2013", "-").replace("\u2014", "-")).strip().casefold()


def _lookup(words: Mapping[str, Sequence[str]], squeeze: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, alts in words.items():
        for a in (canonical, *alts):
            k = _key(a)
            out[k.replace(" ", "") if squeeze else k] = canonical
    return out


_LOOKUPS = {
    "instrument": (_lookup(_INSTRUMENT_WORDS), False, INSTRUMENTS),
    "risk": (_lookup(_RISK_WORDS), False, RISKS),
    "horizon": (_lookup(_HORIZON_WORDS, squeeze=True), True, HORIZONS),
    "novelty": (_lookup(_NOVELTY_WORDS), False, NOVELTY),
    "status": (_lookup(_STATUS_WORDS), False, STATUSES),
    "decision": (_lookup(_DECISION_WORDS), False, DECISIONS),
}
_ALLOWED_NOTE = {
    "instrument": "analysis, funding (grants, loans, equity), regulation (and standards), procurement, "
                  "fiscal (taxes, subsidies, pricing) or information (campaigns, behavioural measures)",
    "risk": "low, medium or high",
    "horizon": "<2 years, 2-5 years or >5 years (the time until the project shows results)",
    "novelty": "new, adapt or scale",
    "status": "active, completed, paused or closed",
    "decision": "continue, scale, pivot, pause or sunset (or leave the cell blank)",
}

# --------------------------------------------------------------------------- the spec
_DECISION_COLUMNS = tuple(case.REVIEW_ROUNDS.values())  # decision_2025q4, decision_2026q4, decision_2027q4


def portfolio_spec(extra_synonyms: Mapping[str, Sequence[str]] | None = None) -> TableSpec:
    """The :class:`~missionkit.tables.TableSpec` of a portfolio, optionally with more header names."""
    extra = {k: tuple(v) for k, v in (extra_synonyms or {}).items()}

    def syn(name: str, *names: str) -> tuple[str, ...]:
        return tuple(names) + extra.get(name, ())

    columns = (
        Column("project_id", unique=True, description="a short unique code for the project", example="EX01",
               synonyms=syn("project_id", "id", "project id", "project no", "project number", "project code", "code",
                            "ref", "reference")),
        Column("title", description="the project's name",
               synonyms=syn("title", "project", "name", "project title", "project name")),
        Column("objective", blank_ok=True, description="the mission objective it serves (e.g. O1); blank if none",
               synonyms=syn("objective", "objective id", "objective_id", "mission objective", "goal", "objectives")),
        Column("instrument", description="analysis, funding, regulation, procurement, fiscal or information",
               synonyms=syn("instrument", "instrument type", "instrument_type", "type of instrument",
                            "policy instrument", "tool")),
        Column("lead_actor", description="the organisation that leads the project",
               synonyms=syn("lead_actor", "lead", "lead organisation", "lead organization", "lead body", "owner",
                            "lead agency", "led by")),
        Column("budget", "number", min=0, description="total budget over the project's life, in millions",
               synonyms=syn("budget", "budget_mrc_m", "budget_m", "budget m", "budget_musd", "budget_eur_m", "amount",
                            "cost", "total budget", "total cost", "budget total")),
        Column("lead_actor_type", required=False, description="ministry, agency, city, firm, university, NGO, ...",
               synonyms=syn("lead_actor_type", "actor type", "lead type", "owner type", "type of lead actor")),
        Column("city", required=False, description="where it runs: a city, a region, or national",
               synonyms=syn("city", "place", "location", "region", "level")),
        Column("sector", required=False, description="the main sector", synonyms=syn("sector", "policy area")),
        Column("trl", "integer", required=False, min=1, max=9,
               description="technology (or solution) readiness level, 1 to 9",
               synonyms=syn("trl", "technology readiness level", "readiness level", "maturity")),
        Column("risk", required=False, description="low, medium or high", synonyms=syn("risk", "risk level")),
        Column("horizon", required=False, description="<2 years, 2-5 years or >5 years",
               synonyms=syn("horizon", "time horizon", "time to results")),
        Column("novelty", required=False, description="new, adapt or scale",
               synonyms=syn("novelty", "new vs scale", "new or scale", "new_vs_scale", "new adapt scale")),
        Column("start_year", "year", required=False, description="the year the project (or programme) started",
               synonyms=syn("start_year", "start", "year started", "start year", "since", "first year")),
        Column("status", required=False, description="active, completed, paused or closed",
               synonyms=syn("status", "state")),
        *(Column(c, required=False, description=f"decision at the {r} review: continue, scale, pivot, pause or "
                 "sunset", synonyms=syn(c)) for r, c in case.REVIEW_ROUNDS.items()),
    )
    return TableSpec("portfolio", columns)


PORTFOLIO_SPEC = portfolio_spec()
"""Required: project_id, title, objective (cells may be blank), instrument, lead_actor, budget.
Optional: lead_actor_type, city, sector, trl, risk, horizon, novelty, start_year, status and
decision columns (any column whose name starts with "decision")."""


# --------------------------------------------------------------------------- small helpers
def _ids(values: pd.Series) -> tuple[str, ...]:
    """Project ids as a tuple, without iterating the Series in Python."""
    return tuple(values.to_numpy(dtype=object).tolist())


def _round_label(column: str) -> str:
    for label, col in case.REVIEW_ROUNDS.items():
        if col == column:
            return label
    rest = re.sub(r"^decision[_\s-]*", "", column, flags=re.I).strip("_ ")
    rest = re.sub(r"(?<=[a-z])(?=\d)", " ", rest.replace("_", " "))  # round1 -> round 1
    return rest or column


def _round_name(label: str) -> str:
    """'round 1' stays; '2025-Q4' becomes 'round 2025-Q4'."""
    return label if label.casefold().startswith("round") else f"round {label}"


def _norm_decision_column(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", str(name).casefold()).strip("_")
    return slug if slug.startswith("decision") else "decision_" + slug


def _first_rows(mask: pd.Series) -> list[int]:
    return [int(i) for i in mask[mask].index[:6]]


def _bad_values(df: pd.DataFrame, column: str, values: pd.Series, file: str | None, kind: str,
                header: str | None = None) -> MissionkitInputError:
    """The error for unknown categorical values: first bad row, how many others, what is allowed."""
    bad = values
    rows = list(bad.index)
    first_row, first_value = rows[0], str(bad.iloc[0])
    close = difflib.get_close_matches(_key(first_value), list(_LOOKUPS[kind][0]), n=1, cutoff=0.6)
    hint = f"Did you mean '{_LOOKUPS[kind][0][close[0]]}'? " if close else ""
    others = ""
    if len(rows) > 1:
        shown = ", ".join(str(r) for r in rows[1:6]) + (", …" if len(rows) > 6 else "")
        many = len(rows) > 2
        others = (f" {len(rows) - 1} other row{'s' if many else ''} in this column {'have' if many else 'has'} the "
                  f"same problem (row{'s' if many else ''} {shown}).")
    label = header or column
    return MissionkitInputError(
        f"Row {_row_text(first_row)} of column '{label}': '{first_value[:40]}' is not one of the allowed "
        f"values.{others}"
        .rstrip("."),
        fix=f"{hint}Use one of: {_ALLOWED_NOTE[kind]}; then load the file again",
        file=file, row=_row_num(first_row), column=label)


def _row_num(index_value: Any) -> int | None:
    try:
        return int(index_value)
    except (TypeError, ValueError):
        return None


def _row_text(index_value: Any) -> str:
    n = _row_num(index_value)
    return str(n) if n is not None else str(index_value)


def _normalise_choice(values: pd.Series, kind: str) -> tuple[pd.Series, pd.Series]:
    """Map a text column onto its vocabulary. Returns (mapped, unknown values)."""
    lookup, squeeze, _ = _LOOKUPS[kind]
    present = values.notna()
    keys = values[present].astype(str).str.replace("\u2013", "-").str.replace("\u2014", "-")
    keys = keys.str.replace(r"\s+", " ", regex=True).str.strip().str.casefold()
    if squeeze:
        keys = keys.str.replace(" ", "", regex=False)
    mapped = keys.map(lookup)
    if kind == "horizon":  # a number of years is unambiguous: "3 years" -> "2-5 years"
        years = pd.to_numeric(keys.str.extract(r"^(\d+(?:\.\d+)?)(?:years?|yrs?|y)?$")[0], errors="coerce")
        bucket = pd.Series(np.select([years < 2, years <= 5, years > 5], list(HORIZONS), default=""),
                           index=keys.index).where(years.notna())
        mapped = mapped.fillna(bucket)
    unknown = values[present][mapped.isna()]
    out = pd.Series(pd.array([None] * len(values), dtype="str"), index=values.index)
    out[present] = mapped.astype("str")
    return out, unknown


def _objective_lookup(objectives: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for oid, name in objectives.items():
        for text in (oid, name, f"{oid} {name}"):
            k = re.sub(r"[^0-9a-z]+", " ", str(text).casefold()).strip()
            if k:
                out.setdefault(k, oid)
    return out


# --------------------------------------------------------------------------- result types
@dataclass(frozen=True)
class Flag:
    """One warning sign found in a portfolio.

    ``code`` is stable (tests and forms use it); ``title`` and ``detail`` are
    plain sentences with the figures; ``projects`` lists the project ids
    concerned; ``figure`` is the key number (a share or an amount).
    """

    code: str
    title: str
    detail: str
    projects: tuple[str, ...] = ()
    figure: float | None = None
    severity: str = "warning"  # "warning" or "note"
    sources: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title}: {self.detail}"


@dataclass(frozen=True)
class Concentration:
    """How concentrated the money is along one dimension.

    ``hhi`` is the Herfindahl-Hirschman index of budget shares (0 to 1: the sum
    of squared shares; 1 means one holder has everything); ``effective_number``
    is 1 / hhi (how many equal holders would give the same concentration);
    ``top_share`` is the share held by the ``k`` largest.
    """

    dimension: str
    hhi: float
    effective_number: float
    k: int
    top_share: float
    top: tuple[tuple[str, float], ...]  # (name, share) of the k largest
    holders: int

    @property
    def hhi_points(self) -> float:
        """The index on the 0-10,000 scale competition authorities use."""
        return 10_000 * self.hhi

    @property
    def text(self) -> str:
        names = and_list([f"{n} ({pct(s)})" for n, s in self.top])
        return (f"The {self.k} largest of {self.holders} hold {pct(self.top_share)} of the money: {names}. "
                f"Herfindahl index {self.hhi:.2f}, as concentrated as {self.effective_number:.1f} equal holders.")


@dataclass
class Review:
    """What a review round's decisions do to the portfolio (:meth:`Portfolio.review`).

    Rules (OUR PROPOSAL, stated in the lesson): *sunset* frees the project's
    budget; *pause* frees ``pause_frees`` of it (held until the project
    resumes); *scale* asks ``scale_up`` more (a 50% top-up by default);
    *continue* and *pivot* keep the budget (a pivot changes what the money
    does, not how much). Freed money pays for the scale-ups first; what is
    left is a reserve, suggested for the least-funded objective; what is
    missing is a shortfall that needs new money.
    """

    round: str
    column: str | None
    table: pd.DataFrame
    freed: float
    needed: float
    funded: float
    reserve: float
    shortfall: float
    reserve_to: str | None
    counts: dict[str, int]
    objectives: pd.DataFrame
    before: Portfolio
    after: Portfolio
    unit: str
    notes: list[str] = field(default_factory=list)
    rules: dict[str, float] = field(default_factory=dict)

    @cached_property
    def flags_before(self) -> list[Flag]:
        """Warning signs before the round (computed when first asked for)."""
        return self.before.flags()

    @cached_property
    def flags_after(self) -> list[Flag]:
        """Warning signs after the round (computed when first asked for)."""
        return self.after.flags()

    @property
    def changes(self) -> pd.DataFrame:
        """Only the projects whose decision is not "continue"."""
        t = self.table
        return t[t["decision"].ne("continue") & t["decision"].notna()].reset_index(drop=True)

    def _repr_markdown_(self) -> str:
        return "\n".join(f"- {md_escape(s)}" for s in self.sentences()) + "\n"

    def __repr__(self) -> str:
        return "\n".join(self.sentences())

    def sentences(self) -> list[str]:
        u = self.unit
        counts = ", ".join(f"{n} {d}" for d, n in self.counts.items() if n) or "no decisions"
        name = _round_name(self.round)
        out = [f"{name[:1].upper()}{name[1:]}: {counts}."]
        out.append(f"The decisions free {amount(self.freed, u)} and the scale-ups ask for "
                   f"{amount(self.needed, u)}.")
        if self.shortfall > 0.005:
            if self.freed > 0.005:
                out.append(f"The money freed pays for {pct(self.funded / self.needed)} of the scale-ups, shared "
                           "in proportion to what each asks.")
            out.append(f"Shortfall: {amount(self.shortfall, u)} of the scale-ups has no money behind it. Free more "
                       "(sunset or pause what is not working) or scale less.")
        elif self.reserve > 0.005:
            where = f", suggested for {self.reserve_to}, the least-funded objective" if self.reserve_to else ""
            out.append(f"All scale-ups are paid for; {amount(self.reserve, u)} is left as a reserve{where}.")
        else:
            out.append("The money freed and the money asked for are in balance.")
        if not self.counts.get("sunset"):
            out.append("Nothing is sunset in this round: a mission that never stops anything is a warning sign.")
        gone = {f.code for f in self.flags_before} - {f.code for f in self.flags_after}
        new = {f.code for f in self.flags_after} - {f.code for f in self.flags_before}
        if gone:
            out.append("Warning signs cleared: " + and_list(sorted(f.title for f in self.flags_before if f.code in gone))
                       + ".")
        if new:
            out.append("New warning signs: " + and_list(sorted(f.title for f in self.flags_after if f.code in new)) + ".")
        return out + self.notes


@dataclass
class Rebalancing:
    """Proposed reallocations that meet the rules with as little movement as possible."""

    feasible: bool
    message: str
    budget: float
    rules: dict[str, Any]
    moves: pd.DataFrame
    new_calls: pd.DataFrame
    objectives: pd.DataFrame
    actors: pd.DataFrame
    moved: float
    unit: str

    def _repr_markdown_(self) -> str:
        return "\n".join(f"- {md_escape(s)}" for s in self.sentences()) + "\n"

    def __repr__(self) -> str:
        return "\n".join(self.sentences())

    def sentences(self) -> list[str]:
        out = [self.message]
        if not self.feasible:
            return out
        for row in self.new_calls.itertuples():
            out.append(f"New call for {row.label}: {amount(row.amount, self.unit)}. {row.reason}")
        return out

    def violations(self, tolerance: float = 1e-6) -> list[str]:
        """Rules the proposal breaks (an empty list when it respects them all)."""
        if not self.feasible:
            return ["no feasible proposal"]
        out = []
        tol = tolerance * max(self.budget, 1.0)
        total = float(self.objectives["after"].sum())
        if abs(total - self.budget) > tol:
            out.append(f"total {total:.4f} is not the budget {self.budget:.4f}")
        mins = self.rules.get("min_share") or {}
        for row in self.objectives.itertuples():
            m = mins.get(row.objective)
            if m is not None and row.after < m * self.budget - tol:
                out.append(f"{row.objective} below its minimum share")
        cap = self.rules.get("actor_cap")
        if cap is not None and len(self.actors) and float(self.actors["after"].max()) > cap * self.budget + tol:
            out.append("an actor above the cap")
        if len(self.moves) and (self.moves["after"] < -tol).any():
            out.append("a negative budget")
        return out


# --------------------------------------------------------------------------- the portfolio
@dataclass
class Portfolio:
    """A checked portfolio and its analyses. Build one with :func:`load_portfolio` or
    :meth:`Portfolio.from_case`.

    ``projects`` has the columns of :data:`PORTFOLIO_SPEC` (``budget`` in
    ``unit``; categorical columns mapped onto their vocabularies; missing
    values as NA) and is indexed by the spreadsheet row. ``objectives`` maps
    objective ids to names, in order; ``rounds`` maps review-round labels to
    decision columns.
    """

    projects: pd.DataFrame = field(repr=False)
    objectives: dict[str, str]
    rounds: dict[str, str]
    file: str | None = None
    mission_start_year: int | None = None
    policies: pd.DataFrame | None = field(default=None, repr=False)
    unit: str = "million"
    is_case: bool = False
    current_round: str | None = None
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    # ---- building
    @classmethod
    def from_case(cls) -> Portfolio:
        """The Marenta project portfolio (D2, FICTIONAL), with the policy inventory (D1) for the relabelling check."""
        df = case.load("projects")
        p = load_portfolio(df, objectives={k: v["name"] for k, v in case.OBJECTIVES.items()},
                           mission_start_year=case.MISSION_ADOPTED.year, policies=case.load("policies"),
                           name="projects.csv", unit=case.MONEY_UNIT)
        p.is_case = True
        p.current_round = case.CURRENT_ROUND
        return p

    @property
    def total(self) -> float:
        return float(self.projects["budget"].sum())

    def __len__(self) -> int:
        return len(self.projects)

    def label(self, objective: Any) -> str:
        """'O4 Fair access' for an objective id; '(no objective)' for a blank."""
        if objective is None or (isinstance(objective, float) and np.isnan(objective)) or objective is pd.NA:
            return NO_OBJECTIVE
        name = self.objectives.get(str(objective), "")
        return f"{objective} {name}".strip() if name and name != objective else str(objective)

    def _labels(self) -> dict[str, str]:
        return {o: self.label(o) for o in self.objectives}

    def _active(self) -> pd.Series:
        status = self.projects["status"]
        return status.isna() | status.eq("active")

    def _column(self, dimension: str) -> pd.Series:
        p = self.projects
        if dimension == "trl_band":
            trl = p["trl"].astype("Float64")
            band = pd.cut(trl.astype(float), bins=[0, 3, 6, 9], labels=list(TRL_BANDS))
            return band.astype("str").where(trl.notna().to_numpy(), None)
        if dimension == "objective":
            return p["objective"].map(self._labels())
        if dimension not in p.columns:
            raise MissionkitInputError(
                f"There is no balance dimension called '{dimension}'",
                fix="Use one of: " + ", ".join(DIMENSIONS) + ".")
        return p[dimension]

    def _order(self, dimension: str) -> list[str] | None:
        return {
            "objective": list(self._labels().values()),
            "instrument": list(INSTRUMENTS),
            "risk": list(RISKS),
            "horizon": list(HORIZONS),
            "novelty": list(NOVELTY),
            "trl_band": list(TRL_BANDS),
        }.get(dimension)

    # ---- tables
    def summary(self) -> pd.DataFrame:
        """Headline figures, one row each."""
        p = self.projects
        active = self._active()
        rows = [
            ("Projects", len(p)),
            ("Active projects", int(active.sum())),
            (f"Total budget ({self.unit})", round(self.total, 2)),
            (f"Largest project ({self.unit})", round(float(p["budget"].max()), 2) if len(p) else 0.0),
            (f"Median project ({self.unit})", round(float(p["budget"].median()), 2) if len(p) else 0.0),
            ("Objectives", len(self.objectives)),
            ("Lead actors", int(p["lead_actor"].nunique())),
            ("Projects with no objective", int(p["objective"].isna().sum())),
        ]
        return pd.DataFrame({"measure": [r[0] for r in rows], "value": pd.Series([r[1] for r in rows], dtype=object)})

    def objective_table(self) -> pd.DataFrame:
        """Projects, active projects, budget and budget share per objective (declared ones first)."""
        p = self.projects
        key = p["objective"].fillna(NO_OBJECTIVE)
        g = pd.DataFrame({"key": key, "budget": p["budget"], "active": self._active()}).groupby("key", sort=False)
        table = pd.DataFrame({"projects": g.size(), "active": g["active"].sum(), "budget": g["budget"].sum()})
        order = list(self.objectives) + ([NO_OBJECTIVE] if (key == NO_OBJECTIVE).any() else [])
        table = table.reindex(order, fill_value=0)
        table["projects"] = table["projects"].astype(int)
        table["active"] = table["active"].astype(int)
        total = self.total
        table["share"] = table["budget"] / total if total else 0.0
        table.insert(0, "objective", table.index)
        table.insert(1, "label", [self.label(o) if o != NO_OBJECTIVE else NO_OBJECTIVE for o in table.index])
        return table.reset_index(drop=True)

    def coverage(self, by: str = "count") -> pd.DataFrame:
        """Objective x instrument: number of projects (``by="count"``) or budget (``by="budget"``).

        Every declared objective and every instrument type appears, with 0 where
        nothing is; projects with no objective get a row of their own.
        """
        if by not in ("count", "budget"):
            raise MissionkitInputError(f"coverage(by='{by}') is not available", fix='Use by="count" or by="budget".')
        p = self.projects
        rows = p["objective"].fillna(NO_OBJECTIVE)
        values = p["budget"] if by == "budget" else pd.Series(1, index=p.index)
        table = values.groupby([rows, p["instrument"]]).sum().unstack(fill_value=0)
        order = list(self.objectives) + ([NO_OBJECTIVE] if (rows == NO_OBJECTIVE).any() else [])
        table = table.reindex(index=order, columns=list(INSTRUMENTS), fill_value=0)
        table.index = [self.label(o) if o != NO_OBJECTIVE else NO_OBJECTIVE for o in table.index]
        table.index.name = "objective"
        table.columns.name = "instrument"
        return table.astype(int) if by == "count" else table.astype(float).round(2)

    def balance(self, dimension: str | None = None) -> pd.DataFrame:
        """Shares of projects and of money per category, for one dimension or all of brief 3.3's.

        Columns: dimension, category, projects, budget, share_projects, share_budget.
        Blank cells count as "(not given)"; dimensions the file does not hold are skipped.
        """
        if dimension is not None:
            if dimension not in DIMENSIONS:
                raise MissionkitInputError(f"There is no balance dimension called '{dimension}'",
                                           fix="Use one of: " + ", ".join(DIMENSIONS) + ".")
            dims = [dimension]
        else:
            dims = [d for d in DIMENSIONS if self._holds(d)]
        frames = []
        total, n = self.total, len(self.projects)
        for d in dims:
            col = self._column(d).fillna(NO_OBJECTIVE if d == "objective" else NOT_GIVEN)
            g = self.projects["budget"].groupby(col, sort=False).agg(["size", "sum"])
            order = self._order(d)
            if order:
                extra = [c for c in g.index if c not in order]
                g = g.reindex(order + extra, fill_value=0)
            else:
                g = g.sort_values("sum", ascending=False)
            frames.append(pd.DataFrame({
                "dimension": d, "category": g.index.astype(str), "projects": g["size"].astype(int).to_numpy(),
                "budget": g["sum"].to_numpy(dtype=float),
                "share_projects": g["size"].to_numpy() / n if n else 0.0,
                "share_budget": g["sum"].to_numpy(dtype=float) / total if total else 0.0}))
        if not frames:
            return pd.DataFrame(columns=["dimension", "category", "projects", "budget", "share_projects",
                                         "share_budget"])
        return pd.concat(frames, ignore_index=True)

    def concentration(self, dimension: str = "lead_actor", k: int = 3) -> Concentration:
        """Herfindahl index and top-k share of the budget along ``dimension``."""
        col = self._column(dimension).fillna(NOT_GIVEN)
        sums = self.projects["budget"].groupby(col).sum().sort_values(ascending=False, kind="stable")
        total = float(sums.sum())
        shares = sums / total if total else sums * 0.0
        hhi = float((shares ** 2).sum())
        k = max(1, min(int(k), len(shares))) if len(shares) else 1
        top = tuple((str(n), float(s)) for n, s in shares.head(k).items())
        return Concentration(dimension=dimension, hhi=hhi, effective_number=(1 / hhi if hhi else 0.0), k=k,
                             top_share=float(shares.head(k).sum()), top=top, holders=int(len(shares)))

    def _holds(self, dimension: str) -> bool:
        """Does the portfolio give any value for this dimension?"""
        col = "trl" if dimension == "trl_band" else dimension
        return col in self.projects.columns and bool(self.projects[col].notna().any())

    def concentration_table(self, k: int = 3) -> pd.DataFrame:
        """:meth:`concentration` for every dimension the portfolio holds."""
        rows = []
        for d in DIMENSIONS:
            if not self._holds(d):
                continue
            c = self.concentration(d, k)
            rows.append({"dimension": d, "holders": c.holders, "hhi": round(c.hhi, 3),
                         "effective_number": round(c.effective_number, 1), f"top_{c.k}_share": round(c.top_share, 3),
                         "largest": c.top[0][0] if c.top else "", "largest_share": round(c.top[0][1], 3) if c.top
                         else 0.0})
        return pd.DataFrame(rows)

    def funding_ratio(self, _table: pd.DataFrame | None = None) -> dict[str, Any]:
        """Best- and worst-funded objectives (among declared objectives with any money) and their ratio."""
        t = self.objective_table() if _table is None else _table
        t = t[t["objective"].isin(list(self.objectives))]
        funded = t[t["budget"] > 0]
        if funded.empty:
            return {"best": None, "worst": None, "best_budget": 0.0, "worst_budget": 0.0, "ratio": float("nan")}
        best = funded.loc[funded["budget"].idxmax()]
        worst = funded.loc[funded["budget"].idxmin()]
        return {"best": best["objective"], "worst": worst["objective"], "best_budget": float(best["budget"]),
                "worst_budget": float(worst["budget"]), "ratio": float(best["budget"] / worst["budget"])}

    def under_covered(self) -> dict[str, Any]:
        """The declared objective with the fewest projects and the least money (money breaks ties)."""
        t = self.objective_table()
        t = t[t["objective"].isin(list(self.objectives))]
        if t.empty:
            return {}
        row = t.sort_values(["projects", "budget"], kind="stable").iloc[0]
        least_money = t.loc[t["budget"].idxmin(), "objective"]
        return {"objective": row["objective"], "label": row["label"], "projects": int(row["projects"]),
                "budget": float(row["budget"]), "share": float(row["share"]),
                "also_least_money": bool(least_money == row["objective"])}

    def gaps(self, min_share: float | None = None) -> pd.DataFrame:
        """Objectives or instrument types with nothing (or almost nothing) behind them.

        Columns: dimension, category, projects, budget, share, gap, explanation.
        ``gap`` is "no project", "no active project" or "thin" (an objective with
        less than ``min_share`` of the money; 5% by default, OUR PROPOSAL).
        Risk, horizon, novelty and maturity categories with no project are listed
        too, when the file holds those columns.
        """
        m = THRESHOLDS["objective_min_share"] if min_share is None else float(min_share)
        rows = []
        u = self.unit
        for r in self.objective_table().itertuples():
            if r.objective == NO_OBJECTIVE:
                continue
            if r.projects == 0:
                rows.append(("objective", r.label, 0, 0.0, 0.0, "no project",
                             f"No project serves {r.label}."))
            elif r.active == 0:
                rows.append(("objective", r.label, r.projects, r.budget, r.share, "no active project",
                             f"{r.label} has {r.projects} project(s) but none is active."))
            elif r.share < m:
                rows.append(("objective", r.label, r.projects, r.budget, r.share, "thin",
                             f"{r.label} gets {amount(r.budget, u)} ({pct(r.share, 1)} of the money) from "
                             f"{r.projects} project(s), below the {pct(m)} line."))
        for d in ("instrument", "risk", "horizon", "novelty", "trl_band"):
            if not self._holds(d):
                continue
            bal = self.balance(d)
            part = bal[bal["projects"] == 0]
            for r in part.itertuples():
                what = {"instrument": "instrument type", "trl_band": "maturity band"}.get(d, d)
                rows.append((d, r.category, 0, 0.0, 0.0, "no project", f"No project has {what} '{r.category}'."))
        return pd.DataFrame(rows, columns=["dimension", "category", "projects", "budget", "share", "gap",
                                           "explanation"])

    def projects_without_objective(self) -> pd.DataFrame:
        p = self.projects
        return p.loc[p["objective"].isna(), ["project_id", "title", "lead_actor", "budget"]].reset_index(drop=True)

    # ---- relabelling (mission-washing)
    def relabelling(self, min_score: int | None = None) -> pd.DataFrame:
        """Projects that may be existing programmes under a new name (mission-washing).

        Evidence points (OUR PROPOSAL): the title matches a policy in the
        inventory that started before the mission (+2; the case's D1, or
        ``policies=`` given to :func:`load_portfolio`); the project started
        before the mission (+1); it is described as "new" although it started
        before the mission (+1); its title adds the word "Mission" to that
        earlier programme's name (+1); it openly says it adapts or scales an
        existing solution (-2: continuing a programme in the open is not
        relabelling). A project with ``min_score`` points or more (2) is a
        *possible relabelling*: a question to ask its owner, not a verdict.
        Needs ``start_year`` and the mission's start year; without them the
        table is empty.
        """
        need = THRESHOLDS["relabelling_min_score"] if min_score is None else int(min_score)
        cols = ["project_id", "title", "start_year", "novelty", "budget", "matched_policy", "policy_title",
                "policy_start", "score", "evidence"]
        p = self.projects
        year = self.mission_start_year
        if year is None or p["start_year"].isna().all():
            return pd.DataFrame(columns=cols)
        start = p["start_year"].astype("Float64")
        before = (start < year).fillna(False).astype(bool)
        novelty = p["novelty"].fillna("")
        claims_new = before & novelty.eq("new")
        open_continuity = novelty.isin(["adapt", "scale"])
        match = self._policy_matches()
        earlier = match["policy_start"].astype("Float64").lt(year).fillna(False).astype(bool) & match[
            "policy_id"].notna()
        wpos, wcode, vocab = self._title_words()
        flag = np.zeros(len(p), dtype=bool)
        flag[wpos[np.isin(wcode, np.flatnonzero(vocab == "mission"), kind="table")]] = True
        mission_word = pd.Series(flag, index=p.index)
        renamed = earlier & mission_word
        score = (2 * earlier.astype(int) + before.astype(int) + claims_new.astype(int) + renamed.astype(int)
                 - 2 * open_continuity.astype(int))
        hit = score >= need
        if not hit.any():
            return pd.DataFrame(columns=cols)
        idx = hit[hit].index
        s_year = start[idx].astype("Int64").astype(str)
        ev = pd.Series("", index=idx, dtype="str")
        e = earlier[idx]
        ev = ev.where(~e, ev + "Same programme as " + match.loc[idx, "policy_id"].fillna("") + " '"
                      + match.loc[idx, "policy_title"].fillna("") + "' in the policy inventory (running since "
                      + match.loc[idx, "policy_start"].astype("Int64").astype(str) + "). ")
        ev = ev.where(~renamed[idx], ev + "The title adds the word 'Mission' to that name. ")
        ev = ev.where(~before[idx], ev + "Started in " + s_year + ", before the mission (" + str(year) + "). ")
        ev = ev.where(~claims_new[idx], ev + "Described as 'new' all the same. ")
        out = pd.DataFrame({
            "project_id": p.loc[idx, "project_id"], "title": p.loc[idx, "title"],
            "start_year": p.loc[idx, "start_year"], "novelty": p.loc[idx, "novelty"],
            "budget": p.loc[idx, "budget"], "matched_policy": match.loc[idx, "policy_id"],
            "policy_title": match.loc[idx, "policy_title"], "policy_start": match.loc[idx, "policy_start"],
            "score": score[idx].astype(int), "evidence": ev.str.strip()})
        return out.sort_values(["score", "budget"], ascending=[False, False], kind="stable").reset_index(drop=True)

    def _title_words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The words of every title as integer codes: (title position, word code, vocabulary), each word
        once per title. Cached."""
        key = (id(self.projects), len(self.projects))
        hit = self._cache.get("words")
        twin = self._cache.get("same_titles_as")
        if (hit is None or hit[0] != key) and twin is not None:
            return twin._title_words()
        if hit is None or hit[0] != key:
            pos, words = _words(self.projects["title"])
            codes, uniques = pd.factorize(words)
            uniques = np.asarray(uniques, dtype=object)
            pos, codes = _dedupe(pos, codes.astype(np.int64), len(uniques))
            self._cache["words"] = (key, (pos, codes, uniques))
        return self._cache["words"][1]

    def _policy_matches(self) -> pd.DataFrame:
        """For each project, the best-matching policy of the inventory by title words. Cached.

        Two titles match when they share at least ``THRESHOLDS["title_match"]``
        of the words of the longer one (and at least two words), ignoring
        stop words and place names. Vectorised with prefix filtering: a pair
        can only reach that overlap if they share one of their rarest words,
        so only such pairs are compared.
        """
        key = (id(self.projects), len(self.projects), id(self.policies))
        hit = self._cache.get("matches")
        twin = self._cache.get("same_titles_as")
        if (hit is None or hit[0] != key) and twin is not None:
            return twin._policy_matches()
        if hit is None or hit[0] != key:
            self._cache["matches"] = (key, self._compute_policy_matches())
        return self._cache["matches"][1]

    def _compute_policy_matches(self) -> pd.DataFrame:
        p = self.projects
        n = len(p)
        empty = pd.DataFrame({"policy_id": pd.Series(None, index=p.index, dtype="str"),
                              "policy_title": pd.Series(None, index=p.index, dtype="str"),
                              "policy_start": pd.Series(pd.arrays.IntegerArray(np.zeros(n, np.int64),
                                                                               np.ones(n, bool)), index=p.index),
                              "similarity": np.zeros(n)}, index=p.index)
        pol = self.policies
        if pol is None or len(pol) == 0 or "title" not in pol.columns or not n:
            return empty
        pol = pol.reset_index(drop=True)
        n_pol = len(pol)
        pid = pol["policy_id"].astype(str) if "policy_id" in pol.columns else pd.Series(
            [f"policy {i + 1}" for i in range(n_pol)], dtype="str")
        places = set(_words(p["city"].dropna().unique())[1])  # place names say little
        drop = _STOP | places
        qpos, qc, vocab = self._title_words()
        wpos, wwords = _words(pol["title"])
        pc = pd.Index(vocab).get_indexer(wwords).astype(np.int64)
        extra = pc < 0  # words no project title uses: they never match, but they count in a title's length
        if extra.any():
            codes_x, _ = pd.factorize(wwords[extra])
            pc[extra] = len(vocab) + codes_x
        V = len(vocab) + (int(pc.max()) + 1 - len(vocab) if extra.any() else 0)
        ppos, pc = _dedupe(wpos, pc, V)
        dropped = np.zeros(V, dtype=bool)
        dropped[: len(vocab)] = np.isin(vocab, list(drop))
        keep_q, keep_p = ~dropped[qc], ~dropped[pc]
        qpos, qc, ppos, pc = qpos[keep_q], qc[keep_q], ppos[keep_p], pc[keep_p]
        if not len(qc) or not len(pc):
            return empty
        rarity = np.bincount(pc, minlength=V).astype(np.int64) * V + np.arange(V)  # a global order, rarest first
        qlen = np.bincount(qpos, minlength=n)
        plen = np.bincount(ppos, minlength=n_pol)
        share = THRESHOLDS["title_match"]

        def prefix(pos: np.ndarray, code: np.ndarray, length: np.ndarray) -> np.ndarray:
            order = np.lexsort((rarity[code], pos))
            pos_s = pos[order]
            starts = np.r_[0, np.flatnonzero(np.diff(pos_s)) + 1]
            rank = np.arange(len(pos_s)) - np.repeat(starts, np.diff(np.r_[starts, len(pos_s)]))
            need = np.maximum(np.ceil(share * length - 1e-9).astype(np.int64), 2)
            keep = rank < (length[pos_s] - need[pos_s] + 1)
            return order[keep]

        qi, pi = prefix(qpos, qc, qlen), prefix(ppos, pc, plen)
        a = pd.DataFrame({"q": qpos[qi], "t": qc[qi]})
        b = pd.DataFrame({"p": ppos[pi], "t": pc[pi]})
        cand = a.merge(b, on="t", how="inner", sort=False)[["q", "p"]].drop_duplicates()
        if cand.empty:
            return empty
        # verify: count all shared words of each candidate pair
        pkeys = ppos * V + pc
        qgroups = pd.DataFrame({"q": qpos, "t": qc})
        rows = cand.merge(qgroups, on="q", how="inner", sort=False)
        hits = np.isin(rows["p"].to_numpy(np.int64) * V + rows["t"].to_numpy(np.int64), pkeys)
        pair = rows["q"].to_numpy(np.int64)[hits] * n_pol + rows["p"].to_numpy(np.int64)[hits]
        pair, common = _unique_counts(pair)
        q, pp = pair // n_pol, pair % n_pol
        sim = common / np.maximum(qlen[q], plen[pp])
        ok = (sim >= share) & (common >= 2)
        if not ok.any():
            return empty
        starts = pd.array(pol["start_year"], dtype="Int64") if "start_year" in pol.columns else pd.array(
            [None] * n_pol, dtype="Int64")
        pairs = pd.DataFrame({"q": q[ok], "p": pp[ok], "sim": sim[ok],
                              "start": np.asarray(starts.to_numpy(dtype="float64", na_value=np.inf))[pp[ok]]})
        best = pairs.sort_values(["q", "sim", "start"], ascending=[True, False, True]).drop_duplicates("q")
        out = empty.copy()
        rows_ = p.index[best["q"].to_numpy()]
        bp = best["p"].to_numpy()
        out.loc[rows_, "policy_id"] = pid.to_numpy()[bp]
        out.loc[rows_, "policy_title"] = pol["title"].astype(str).to_numpy()[bp]
        out.loc[rows_, "policy_start"] = starts[bp]
        out.loc[rows_, "similarity"] = best["sim"].to_numpy()
        return out

    # ---- decisions and review rounds
    def round_column(self, round: Any = None) -> tuple[str, str | None]:
        """(label, column) of a review round given as "2026-Q4", "decision_2026q4", "2026q4", 2 or None (current)."""
        if round is None or (isinstance(round, str) and not round.strip()):
            if self.current_round and self.current_round in self.rounds:
                return self.current_round, self.rounds[self.current_round]
            if self.rounds:
                label = list(self.rounds)[-1]
                return label, self.rounds[label]
            return "this round", None
        labels = list(self.rounds)
        if not labels and str(round).strip().casefold() == "this round":
            return "this round", None
        if isinstance(round, (int, np.integer)) and not isinstance(round, bool):
            if 1 <= int(round) <= len(labels):
                return labels[int(round) - 1], self.rounds[labels[int(round) - 1]]
        text = re.sub(r"[^a-z0-9]", "", str(round).casefold())
        text = re.sub(r"^(decision|round)", "", text)
        for label, col in self.rounds.items():
            if text in (re.sub(r"[^a-z0-9]", "", label.casefold()),
                        re.sub(r"[^a-z0-9]", "", col.casefold()).removeprefix("decision")):
                return label, col
        if text.isdigit() and 1 <= int(text) <= len(labels):
            return labels[int(text) - 1], self.rounds[labels[int(text) - 1]]
        raise MissionkitInputError(
            f"There is no review round '{round}' in this portfolio",
            fix="Use one of: " + (", ".join(f"'{r}'" for r in labels) if labels else
                                  "(none: add a column named decision_<round> to your file)") + ".")

    def decisions(self, round: Any = None) -> pd.Series:
        """The decision of each project at one round (NA where none), indexed by project_id."""
        _, col = self.round_column(round)
        p = self.projects
        values = p[col] if col else pd.Series(None, index=p.index, dtype="str")
        return pd.Series(values.to_numpy(), index=p["project_id"].to_numpy(), name=col, dtype="str")

    def decision_counts(self, round: Any = None) -> dict[str, int]:
        """How many projects got each decision at one round (all five decisions listed)."""
        counts = self.decisions(round).value_counts()
        return {d: int(counts.get(d, 0)) for d in DECISIONS}

    def decision_table(self, round: Any = None) -> pd.DataFrame:
        """``decision_counts`` as a table to read: each decision, how many projects got it, what it does."""
        label, _ = self.round_column(round)
        counts = self.decision_counts(round)
        return pd.DataFrame({"decision": list(counts), f"projects ({label})": list(counts.values()),
                             "what it does": [DECISION_MEANINGS[d] for d in counts]}).set_index("decision")

    def review(self, decisions: Mapping[str, Any] | None = None, round: Any = None, *, scale_up: float = 0.5,
               pause_frees: float = 0.5) -> Review:
        """Apply a review round's decisions and report the money freed and where it goes.

        ``decisions`` maps project ids to continue / scale / pivot / pause /
        sunset; they override the decisions already in the round's column (for
        the case's round 2, the ministries' proposals). Active projects with no
        decision continue. Completed and closed projects are not reviewed.
        """
        for name, value in (("scale_up", scale_up), ("pause_frees", pause_frees)):
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 5:
                raise MissionkitInputError(f"{name}={value!r} is not usable",
                                           fix=f"Give {name} as a share, for example 0.5 for 50%.")
        label, col = self.round_column(round)
        p = self.projects
        ids = p["project_id"]
        base = p[col] if col else pd.Series(None, index=p.index, dtype="str")
        source = pd.Series(np.where(base.notna(), "proposal" if (self.is_case and label == self.current_round)
                                    else "file", "none"), index=p.index, dtype="str")
        decided = base.copy()
        if decisions is not None and not is_blank(decisions):
            if not isinstance(decisions, Mapping):
                raise MissionkitInputError(
                    f"The decisions should be a dict of project id: decision, not a {type(decisions).__name__}",
                    fix='Write them as {"PR01": "continue", "PR02": "scale", ...}.')
            given = pd.Series({str(k).strip(): v for k, v in decisions.items() if not is_blank(v)}, dtype="object")
            if len(given):
                known = pd.Index(ids.str.casefold())
                pos = known.get_indexer(given.index.str.casefold())
                if (pos < 0).any():
                    bad = given.index[pos < 0][0]
                    close = difflib.get_close_matches(bad, list(ids), n=1, cutoff=0.6)
                    hint = f" Did you mean '{close[0]}'?" if close else ""
                    raise MissionkitInputError(
                        f"There is no project '{bad}' in the portfolio.{hint}",
                        fix="Use the ids in the project_id column, for example " + ", ".join(ids.head(3)) + ".",
                        column="project_id")
                mapped, unknown = _normalise_choice(pd.Series(given.astype(str).to_numpy(), index=given.index),
                                                    "decision")
                if len(unknown):
                    pid = unknown.index[0]
                    raise MissionkitInputError(
                        f"The decision '{unknown.iloc[0]}' for {pid} is not one of the five decisions",
                        fix="Use continue, scale, pivot, pause or sunset.", column=col or "decision",
                        row=_row_num(p.index[pos[list(given.index).index(pid)]]))
                rows = p.index[pos]
                decided.loc[rows] = mapped.to_numpy()
                source.loc[rows] = "yours"
        status = p["status"]
        reviewed = status.isna() | status.isin(["active", "paused"])
        decision = decided.where(reviewed, None)
        no_decision = reviewed & decision.isna()
        decision = decision.where(~no_decision, "continue")
        source = source.where(~no_decision, "none")
        skipped = int((~reviewed & source.eq("yours")).sum())
        source = source.where(reviewed, "not reviewed")
        budget = p["budget"]
        freed = budget * decision.eq("sunset") + pause_frees * budget * decision.eq("pause")
        request = scale_up * budget * decision.eq("scale")
        total_freed, needed = float(freed.sum()), float(request.sum())
        funded_total = min(total_freed, needed)
        share = funded_total / needed if needed else 0.0
        funded = request * share
        after_budget = budget - freed + funded
        table = pd.DataFrame({
            "project_id": ids, "title": p["title"], "objective": p["objective"], "lead_actor": p["lead_actor"],
            "status": status, "budget_before": budget, "decision": decision, "decided_by": source,
            "freed": freed.round(4), "top_up_asked": request.round(4), "top_up_funded": funded.round(4),
            "budget_after": after_budget.round(4)}).reset_index(drop=True)
        # the portfolio after the round
        after_projects = p.copy()
        after_projects["budget"] = after_budget
        new_status = status.copy()
        new_status = new_status.where(~decision.eq("sunset"), "closed").where(~decision.eq("pause"), "paused")
        new_status = new_status.where(~(decision.isin(["continue", "scale", "pivot"]) & status.eq("paused")),
                                      "active")
        after_projects["status"] = new_status
        rounds = dict(self.rounds)
        if col is None:
            col = "decision_this_round"
            rounds[label] = col
        after_projects[col] = decision.astype("str")
        after = replace(self, projects=after_projects, rounds=rounds)
        after._cache["same_titles_as"] = self  # same titles, places and policies: share word lists and matches
        before_t = self.objective_table().set_index("objective")
        after_t = after.objective_table().set_index("objective")
        objectives = pd.DataFrame({
            "label": before_t["label"], "before": before_t["budget"], "after": after_t["budget"],
            "share_before": before_t["share"], "share_after": after_t["share"]}).reset_index()
        reserve = total_freed - funded_total
        declared = objectives[objectives["objective"].isin(list(self.objectives))]
        reserve_to = (declared.sort_values("after", kind="stable").iloc[0]["label"]
                      if reserve > 0.005 and len(declared) else None)
        counts = {d: int(decision.eq(d).sum()) for d in DECISIONS}
        notes = []
        n_none = int(no_decision.sum())
        if n_none:
            notes.append(f"{n_none} project(s) under review had no decision; they continue unchanged.")
        if skipped:
            notes.append(f"{skipped} decision(s) concern completed or closed projects and change nothing.")
        r6 = lambda x: float(np.round(x, 6))  # noqa: E731 - ``round`` is a parameter here
        return Review(round=label, column=col, table=table, freed=r6(total_freed), needed=r6(needed),
                      funded=r6(funded_total), reserve=r6(reserve), shortfall=r6(needed - funded_total),
                      reserve_to=reserve_to, counts=counts,
                      objectives=objectives, before=self, after=after,
                      unit=self.unit, notes=notes, rules={"scale_up": scale_up, "pause_frees": pause_frees})

    # ---- flags
    def flags(self, thresholds: Mapping[str, float] | None = None) -> list[Flag]:
        """Warning signs, in order of importance (thresholds: :data:`THRESHOLDS`, OUR PROPOSAL)."""
        th = {**THRESHOLDS, **(thresholds or {})}
        p = self.projects
        u = self.unit
        total = self.total
        out: list[Flag] = []
        if not len(p) or total <= 0:
            return [Flag("empty", "Nothing to analyse", "The portfolio has no projects with a budget.")]
        obj = self.objective_table()
        declared = obj[obj["objective"].isin(list(self.objectives))]
        for r in declared.itertuples():
            if r.projects == 0:
                out.append(Flag("objective_gap", f"No project for {r.label}",
                                f"No project serves {r.label}: the objective has nothing behind it.",
                                figure=0.0, sources=("mal-port", "psf-mle")))
            elif r.active == 0:
                out.append(Flag("objective_gap", f"No active project for {r.label}",
                                f"{r.label} has {r.projects} project(s) but none is active.",
                                figure=0.0, sources=("mal-port", "psf-mle")))
        starved = declared[(declared["projects"] > 0) & (declared["share"] < th["objective_min_share"])]
        for r in starved.sort_values("share").itertuples():
            ids = _ids(p.loc[p["objective"].eq(r.objective), "project_id"])
            out.append(Flag("starved_objective", f"{r.label} is starved of money",
                            f"{r.label} gets {amount(r.budget, u)}, {pct(r.share, 1)} of the money, from "
                            f"{r.projects} project(s); the warning line is {pct(th['objective_min_share'])}.",
                            ids, float(r.share), sources=("mal-port", "psf-mle")))
        top_obj = declared.sort_values("share", ascending=False).head(1)
        for r in top_obj.itertuples():
            if r.share > th["objective_max_share"]:
                out.append(Flag("dominant_objective", f"{r.label} takes most of the money",
                                f"{r.label} takes {pct(r.share)} of the money (warning line: "
                                f"{pct(th['objective_max_share'])}).", figure=float(r.share),
                                sources=("mal-port", "psf-mle")))
        ratio = self.funding_ratio(obj)
        if ratio["best"] is not None and ratio["ratio"] >= 10:
            out.append(Flag("funding_gap", "Very unequal funding across objectives",
                            f"The best-funded objective ({self.label(ratio['best'])}, "
                            f"{amount(ratio['best_budget'], u)}) gets {ratio['ratio']:.1f} times the money of the "
                            f"worst-funded ({self.label(ratio['worst'])}, {amount(ratio['worst_budget'], u)}).",
                            figure=float(ratio["ratio"]), severity="note", sources=("mal-port",)))
        actors = p["budget"].groupby(p["lead_actor"]).sum().sort_values(ascending=False, kind="stable") / total
        if len(actors) and actors.iloc[0] > th["actor_max_share"]:
            name = str(actors.index[0])
            ids = _ids(p.loc[p["lead_actor"].eq(name), "project_id"])
            out.append(Flag("dominant_actor", "One lead actor holds a large share of the money",
                            f"{name} leads {len(ids)} project(s) holding {pct(actors.iloc[0])} of the money "
                            f"(warning line: {pct(th['actor_max_share'])}).", ids, float(actors.iloc[0]),
                            sources=("ggsd2022", "stio2023")))
        inst = p["budget"].groupby(p["instrument"]).sum() / total
        if len(inst) and inst.max() > th["instrument_max_share"]:
            out.append(Flag("one_instrument", f"Most of the money is {inst.idxmax()}",
                            f"{pct(inst.max())} of the money goes through one instrument type ({inst.idxmax()}); "
                            f"the warning line is {pct(th['instrument_max_share'])}.", figure=float(inst.max()),
                            sources=("mal-port", "oecd-psi-2022", "ggsd2022")))
        missing_types = [t for t in ("regulation", "procurement") if not p["instrument"].eq(t).any()]
        if missing_types:
            out.append(Flag("no_demand_side", f"No {and_list(missing_types)}",
                            f"No project uses {and_list(missing_types)}: nothing shapes the market from the demand "
                            "side.", sources=("mal-port", "ggsd2022")))
        no_obj = p["objective"].isna()
        if no_obj.any():
            ids = _ids(p.loc[no_obj, "project_id"])
            out.append(Flag("no_objective", "Projects with no objective",
                            f"{len(ids)} project(s) ({and_list(ids[:8])}{', …' if len(ids) > 8 else ''}) serve no "
                            f"mission objective; together {amount(p.loc[no_obj, 'budget'].sum(), u)}.", ids,
                            float(len(ids)), sources=("mal-port",)))
        relabel = self.relabelling(th["relabelling_min_score"])
        if len(relabel):
            ids = _ids(relabel["project_id"])
            out.append(Flag("possible_relabelling", "Possible relabelling of existing programmes",
                            f"{len(ids)} project(s) ({and_list(ids[:12])}{', …' if len(ids) > 12 else ''}; "
                            f"{amount(relabel['budget'].sum(), u)}) look like programmes that existed before the "
                            f"mission ({self.mission_start_year}). Ask their owners what is new: this is a question, "
                            "not a verdict.", ids, float(len(ids)), sources=("nesta-missionpublic",)))
        for d, warn, what in (("risk", lambda s: not s.eq("high").any(), "No high-risk project: no bold bets"),
                              ("risk", lambda s: s.eq("high").all(), "Only high-risk projects"),
                              ("horizon", lambda s: not s.eq("<2 years").any(),
                               "Nothing shows results within 2 years"),
                              ("horizon", lambda s: not s.eq(">5 years").any(), "No long-term bet (over 5 years)"),
                              ("novelty", lambda s: not s.eq("scale").any(), "Nothing is being scaled up")):
            s = p[d].dropna()
            if len(s) and warn(s):
                out.append(Flag(f"{d}_mix", what, f"Among the {len(s)} projects with a {d} given: {what.lower()}.",
                                severity="note", sources=("oecd-psi-2022",) if d == "risk" else ("mal-port",)))
        trl = p["trl"].dropna()
        if len(trl) and (trl >= 7).all():
            out.append(Flag("maturity_mix", "Everything is near deployment (TRL 7 or more)",
                            "No new options are being developed.", severity="note", sources=("trl",)))
        elif len(trl) and (trl <= 3).all():
            out.append(Flag("maturity_mix", "Everything is early research (TRL 3 or less)",
                            "Nothing is ready to deploy.", severity="note", sources=("trl",)))
        for label, col in self.rounds.items():
            values = p[col].dropna()
            if len(values) and not values.eq("sunset").any():
                out.append(Flag("no_sunset", f"No sunset decision in {_round_name(label)}",
                                f"{len(values)} decisions in {_round_name(label)} and none sunsets a project: a "
                                "mission "
                                "that never stops anything is a warning sign.", figure=0.0, severity="note",
                                sources=("mal-port",)))
        return out

    def flags_table(self, thresholds: Mapping[str, float] | None = None,
                    exclude: Sequence[str] = ()) -> pd.DataFrame:
        """:meth:`flags` as a table (warning sign, detail, severity, code), leaving out the codes in ``exclude``."""
        return pd.DataFrame([{"warning sign": f.title, "detail": f.detail, "severity": f.severity, "code": f.code}
                             for f in self.flags(thresholds) if f.code not in exclude],
                            columns=["warning sign", "detail", "severity", "code"])

    def started_before_mission(self) -> pd.DataFrame:
        """Projects that started before the mission, beside the closest programme of the policy inventory.

        The evidence for judging possible relabelling, without a verdict: title,
        start year, how the project describes itself (new, adapt, scale), and the
        inventory programme whose title it shares (if any) with that
        programme's start year.
        """
        p = self.projects
        cols = ["project_id", "title", "start_year", "novelty", "budget", "inventory_match", "inventory_title",
                "inventory_start"]
        if self.mission_start_year is None:
            return pd.DataFrame(columns=cols)
        early = (p["start_year"].astype("Float64") < self.mission_start_year).fillna(False).astype(bool)
        m = self._policy_matches()
        out = pd.DataFrame({"project_id": p["project_id"], "title": p["title"], "start_year": p["start_year"],
                            "novelty": p["novelty"], "budget": p["budget"], "inventory_match": m["policy_id"],
                            "inventory_title": m["policy_title"], "inventory_start": m["policy_start"]})[early]
        return out.sort_values(["start_year", "project_id"], kind="stable").reset_index(drop=True)

    # ---- rebalancing
    def rebalance(self, budget: float | None = None, *, min_share: float | Mapping[str, float] | None = None,
                  actor_cap: float | None = None, max_growth: float = 1.0, max_cut: float = 0.5,
                  new_calls: bool = True) -> Rebalancing:
        """Propose reallocations that meet the rules, moving as little money as possible.

        budget: the total to allocate (default: today's total).
        min_share: a minimum share of ``budget`` per objective (one number for
            all declared objectives, or a dict per objective id).
        actor_cap: the largest share of ``budget`` one lead actor may hold.
        max_growth / max_cut: how far an active project's budget may grow or
            shrink (1.0 = it may double; 0.5 = it may lose half). Completed,
            closed and paused projects keep their budgets.
        new_calls: allow money to go to a new call for an objective whose own
            projects cannot absorb it.

        A linear programme (:func:`scipy.optimize.linprog`, HiGHS): minimise the
        money moved, with small preferences for topping up the least-funded
        objectives and cutting the most concentrated actors. Projects that share
        an objective and a lead actor change by the same percentage. Every
        change comes with its reason.
        """
        from scipy import sparse
        from scipy.optimize import linprog

        p = self.projects
        T = self.total
        B = T if budget is None else budget
        if not isinstance(B, (int, float, np.floating)) or isinstance(B, bool) or not np.isfinite(B) or B <= 0:
            raise MissionkitInputError(f"The budget {budget!r} is not usable",
                                       fix=f"Give the total to allocate as a positive number in {self.unit}.")
        B = float(B)
        mins = self._min_shares(min_share)
        if actor_cap is not None and (not isinstance(actor_cap, (int, float)) or not 0 < actor_cap <= 1):
            raise MissionkitInputError(f"actor_cap={actor_cap!r} is not usable",
                                       fix="Give the cap as a share between 0 and 1, for example 0.3 for 30%.")
        for name, value in (("max_growth", max_growth), ("max_cut", max_cut)):
            if not isinstance(value, (int, float)) or value < 0 or (name == "max_cut" and value > 1):
                raise MissionkitInputError(f"{name}={value!r} is not usable",
                                           fix="Give a share: max_growth 0 or more (1 = may double), "
                                               "max_cut from 0 to 1 (0.5 = may lose half).")
        rules = {"min_share": mins, "actor_cap": actor_cap, "max_growth": max_growth, "max_cut": max_cut,
                 "new_calls": new_calls, "budget": B}
        objective_key = p["objective"].fillna(NO_OBJECTIVE)
        actor = p["lead_actor"]
        adjustable = self._active()
        share_o = p["budget"].groupby(objective_key).sum() / T if T else p["budget"].groupby(objective_key).sum()
        share_a = p["budget"].groupby(actor).sum() / T if T else p["budget"].groupby(actor).sum()
        grp = pd.DataFrame({"o": objective_key[adjustable], "a": actor[adjustable], "b": p.loc[adjustable, "budget"]})
        groups = grp.groupby(["o", "a"], sort=True)["b"].sum().reset_index()
        groups = groups[groups["b"] > 0].reset_index(drop=True)
        G = len(groups)
        objs = list(mins)
        O = len(objs) if new_calls else 0
        U = (groups["b"] * max_growth).to_numpy(float)
        V = (groups["b"] * max_cut).to_numpy(float)
        so = groups["o"].map(share_o).fillna(0).to_numpy(float)
        sa = groups["a"].map(share_a).fillna(0).to_numpy(float)
        cost = np.concatenate([1 + 0.1 * so + 0.1 * sa, 1 + 0.1 * (1 - so) + 0.1 * (1 - sa),
                               1.05 + 0.1 * np.array([share_o.get(o, 0.0) for o in objs[:O]], float)])
        n = 2 * G + O
        bounds = [(0, u) for u in U] + [(0, v) for v in V] + [(0, None)] * O
        gi = np.arange(G)
        A_eq = sparse.csr_matrix(np.concatenate([np.ones(G), -np.ones(G), np.ones(O)])[None, :])
        b_eq = [B - T]
        rows, cols, vals, b_ub, row_meaning = [], [], [], [], []
        T_o = p["budget"].groupby(objective_key).sum()
        for k, o in enumerate(objs):
            r = len(b_ub)
            members = gi[groups["o"].to_numpy() == o]
            rows += [r] * (2 * len(members)); cols += list(members) + list(members + G)
            vals += [-1.0] * len(members) + [1.0] * len(members)
            if new_calls:
                rows.append(r); cols.append(2 * G + k); vals.append(-1.0)
            b_ub.append(-(mins[o] * B - float(T_o.get(o, 0.0))))
            row_meaning.append(("objective", o))
        if actor_cap is not None:
            T_a = p["budget"].groupby(actor).sum()
            grow = pd.Series(U, index=groups["a"]).groupby(level=0).sum()
            at_risk = T_a[(T_a + grow.reindex(T_a.index, fill_value=0.0)) > actor_cap * B]
            codes = pd.Index(at_risk.index)
            g_codes = codes.get_indexer(groups["a"])
            for j, a in enumerate(codes):
                r = len(b_ub)
                members = gi[g_codes == j]
                rows += [r] * (2 * len(members)); cols += list(members) + list(members + G)
                vals += [1.0] * len(members) + [-1.0] * len(members)
                b_ub.append(actor_cap * B - float(at_risk[a]))
                row_meaning.append(("actor", a))
        A_ub = sparse.csr_matrix((vals, (rows, cols)), shape=(len(b_ub), n)) if b_ub else None
        res = linprog(cost, A_ub=A_ub, b_ub=b_ub if b_ub else None, A_eq=A_eq, b_eq=b_eq, bounds=bounds,
                      method="highs")
        before_o = self.objective_table()
        if res.status != 0:
            return Rebalancing(False, self._infeasible_message(groups, U, V, mins, actor_cap, B, new_calls,
                                                               max_growth),
                               B, rules, pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), pd.DataFrame(), 0.0,
                               self.unit)
        x = res.x
        change_g = x[:G] - x[G:2 * G]
        change_g[np.abs(change_g) < 1e-9] = 0.0
        y = x[2 * G:] if O else np.zeros(0)
        # disaggregate: same percentage for every project of a group
        g_index = pd.MultiIndex.from_frame(groups[["o", "a"]])
        group_change = pd.Series(change_g / groups["b"].to_numpy(float), index=g_index)
        key = pd.MultiIndex.from_arrays([objective_key, actor])
        proj_pct = pd.Series(group_change.reindex(key).to_numpy(), index=p.index).fillna(0.0).where(adjustable, 0.0)
        change = p["budget"] * proj_pct
        after = p["budget"] + change
        after_o = after.groupby(objective_key).sum()
        newcall = pd.Series(y, index=objs[:O]) if O else pd.Series(dtype=float)
        after_o = after_o.add(newcall, fill_value=0.0)
        after_a = after.groupby(actor).sum()
        tol = 1e-6 * B
        binding_o = {o for o in objs if after_o.get(o, 0.0) <= mins[o] * B + tol and mins[o] > 0}
        binding_a = set(after_a[after_a >= (actor_cap or 2) * B - tol].index) if actor_cap is not None else set()
        reasons = self._reasons(groups, change_g, binding_o, binding_a, share_o, share_a, mins, actor_cap, B)
        reason_p = pd.Series(pd.Series(reasons, index=g_index).reindex(key).to_numpy(), index=p.index)
        moved_mask = change.abs() > 0.005
        moves = pd.DataFrame({
            "project_id": p["project_id"], "title": p["title"], "objective": p["objective"],
            "lead_actor": p["lead_actor"], "before": p["budget"].round(2), "after": after.round(2),
            "change": change.round(2), "reason": reason_p})[moved_mask.to_numpy()]
        moves = moves.reindex(moves["change"].abs().sort_values(ascending=False, kind="stable").index)
        moves = moves.reset_index(drop=True)
        calls = []
        for o, extra in newcall.items():
            if extra > 0.005:
                calls.append({"objective": o, "label": self.label(o), "amount": round(float(extra), 4),
                              "reason": f"Its own active projects can grow by at most {pct(max_growth)}, not enough "
                                        f"to reach the minimum share of {pct(mins[o])}; open a call for new "
                                        f"{self.label(o)} projects."})
        new_calls_df = pd.DataFrame(calls, columns=["objective", "label", "amount", "reason"])
        objectives = pd.DataFrame({"objective": before_o["objective"], "label": before_o["label"],
                                   "before": before_o["budget"].to_numpy(float)})
        objectives["after"] = objectives["objective"].map(after_o).fillna(0.0).to_numpy(float)
        objectives["share_before"] = objectives["before"] / T if T else 0.0
        objectives["share_after"] = objectives["after"] / B
        objectives["minimum"] = objectives["objective"].map(mins)
        actors = pd.DataFrame({"before": p["budget"].groupby(actor).sum(), "after": after_a})
        actors = actors.sort_values("before", ascending=False, kind="stable").reset_index(names="lead_actor")
        actors["share_before"] = actors["before"] / T if T else 0.0
        actors["share_after"] = actors["after"] / B
        moved = float(change.clip(lower=0).sum() + newcall.clip(lower=0).sum())
        cut = float(-change.clip(upper=0).sum())
        if moved < 0.005 and cut < 0.005:
            message = "The portfolio already meets the rules: nothing needs to move."
        else:
            message = (f"{len(moves)} project(s) change: {amount(cut, self.unit)} is cut and "
                       f"{amount(moved, self.unit)} is added"
                       + (f", including {amount(float(newcall.sum()), self.unit)} for new calls" if len(calls) else "")
                       + ". Each change says why.")
        return Rebalancing(True, message, B, rules, moves, new_calls_df, objectives, actors, moved, self.unit)

    def _min_shares(self, min_share: Any) -> dict[str, float]:
        if min_share is None:
            return {}
        if isinstance(min_share, Mapping):
            out = {}
            for k, v in min_share.items():
                oid = str(k).strip()
                if oid not in self.objectives:
                    match = _objective_lookup(self.objectives).get(re.sub(r"[^0-9a-z]+", " ", oid.casefold()).strip())
                    if match is None:
                        raise MissionkitInputError(f"There is no objective '{k}' in this portfolio",
                                                   fix="Use one of: " + ", ".join(self.objectives) + ".")
                    oid = match
                out[oid] = v
        else:
            out = {o: min_share for o in self.objectives}
        for k, v in out.items():
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0 <= v < 1:
                raise MissionkitInputError(f"The minimum share {v!r} for {k} is not usable",
                                           fix="Give a share between 0 and 1, for example 0.1 for 10%.")
        if sum(out.values()) > 1 + 1e-9:
            raise MissionkitInputError(
                f"The minimum shares add up to {pct(sum(out.values()))}, more than the whole budget",
                fix="Lower them so that together they stay at or below 100%.")
        return {k: float(v) for k, v in out.items()}

    def _reasons(self, groups, change_g, binding_o, binding_a, share_o, share_a, mins, cap, B) -> list[str]:
        out = []
        for (o, a, _b), ch in zip(groups.itertuples(index=False, name=None), change_g, strict=False):
            lab = self.label(o) if o != NO_OBJECTIVE else "projects with no objective"
            if ch < 0 and a in binding_a:
                out.append(f"Cut: its lead actor, {a}, held {pct(share_a.get(a, 0))} of the money; the rule caps "
                           f"any one actor at {pct(cap)}.")
            elif ch < 0:
                out.append(f"Cut: frees money for objectives below their minimum share; {lab} held "
                           f"{pct(share_o.get(o, 0))} of the money.")
            elif ch > 0 and o in binding_o:
                out.append(f"Top-up: {lab} held {pct(share_o.get(o, 0), 1)} of the money; the rule asks for at "
                           f"least {pct(mins[o])}.")
            elif ch > 0:
                out.append(f"Top-up: places the extra budget where shares are lowest ({lab}).")
            else:
                out.append("")
        return out

    def _infeasible_message(self, groups, U, V, mins, cap, B, new_calls, max_growth) -> str:
        parts = ["The rules cannot all be met with these limits."]
        p = self.projects
        objective_key = p["objective"].fillna(NO_OBJECTIVE)
        fixed = p.loc[~self._active(), "budget"].groupby(objective_key[~self._active()]).sum()
        if not new_calls:
            reach = (groups.assign(u=U).groupby("o")["b"].sum() + groups.assign(u=U).groupby("o")["u"].sum())
            for o, m in mins.items():
                top = float(reach.get(o, 0.0) + fixed.get(o, 0.0))
                if top < m * B:
                    parts.append(f"{self.label(o)} can reach at most {amount(top, self.unit)} even if all its "
                                 f"active projects grow by {pct(max_growth)}; the rule asks "
                                 f"{amount(m * B, self.unit)}: allow new calls or more growth.")
        if cap is not None:
            fixed_a = p.loc[~self._active(), "budget"].groupby(p.loc[~self._active(), "lead_actor"]).sum()
            low = groups.assign(v=V).groupby("a")["b"].sum() - groups.assign(v=V).groupby("a")["v"].sum()
            floor = low.add(fixed_a, fill_value=0.0)
            over = floor[floor > cap * B]
            for a, f in over.items():
                parts.append(f"{a} keeps at least {amount(f, self.unit)} even after the largest cuts allowed, above "
                             f"the cap of {amount(cap * B, self.unit)}: allow deeper cuts (max_cut) or a higher cap.")
        if len(parts) == 1:
            parts.append("Try deeper cuts (max_cut), more growth (max_growth), new calls, or gentler rules.")
        return " ".join(parts)

    # ---- exports
    def to_frame(self) -> pd.DataFrame:
        return self.projects.copy()


# --------------------------------------------------------------------------- title words
_STOP = {"mission", "programme", "program", "the", "and", "of", "for", "in", "a", "an", "to", "on", "phase", "with",
         "at"}


_SEP = "\x01"  # joins the titles: not a word character, not a space (nor NUL, which numpy strips)
_ASCII_PUNCT = str.maketrans({ch: " " for ch in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
_NON_WORD = re.compile(r"[^\w\x01]+|_+")


def _words(titles: Any) -> tuple[np.ndarray, np.ndarray]:
    """Lower-case words of each title: (position of the title, word), in one pass over all titles.

    Punctuation becomes a space (a fast translation when the text is plain ASCII, a regex otherwise), then
    the text is split on spaces.
    """
    values = pd.Series(titles).fillna("").astype(str).tolist()
    text = f" {_SEP} ".join(values).casefold()
    if text.count(_SEP) != max(len(values) - 1, 0):  # a title holds the separator itself: drop it
        text = f" {_SEP} ".join(v.replace(_SEP, " ") for v in values).casefold()
    # plain ASCII text takes str.translate's fast path; anything else goes through a regex
    text = text.translate(_ASCII_PUNCT) if text.isascii() else _NON_WORD.sub(" ", text)
    tokens = np.asarray(text.split(), dtype=object)
    if not len(tokens):
        return np.zeros(0, np.int64), np.zeros(0, object)
    sep = tokens == _SEP
    pos = np.cumsum(sep)[~sep].astype(np.int64)
    return pos, tokens[~sep]


def _unique_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct int64 keys and how often each occurs (a sort: faster here than np.unique)."""
    k = np.sort(keys, kind="stable")
    if not len(k):
        return k, np.zeros(0, np.int64)
    first = np.r_[True, k[1:] != k[:-1]]
    starts = np.flatnonzero(first)
    return k[first], np.diff(np.r_[starts, len(k)])


def _dedupe(pos: np.ndarray, code: np.ndarray, vocab: int) -> tuple[np.ndarray, np.ndarray]:
    """Each word once per title."""
    v = max(vocab, 1)
    key, _ = _unique_counts(pos * v + code)
    return key // v, key % v


# --------------------------------------------------------------------------- loading
def load_portfolio(source: Any, *, objectives: Mapping[str, str] | Sequence[str] | None = None,
                   mission_start_year: int | None = None, policies: pd.DataFrame | None = None,
                   columns: Mapping[str, str] | None = None, sheet: str | None = None, name: str | None = None,
                   unit: str = "million") -> Portfolio:
    """Read and check a portfolio: a path (.csv or .xlsx), the bytes of an upload (give ``name``), or a DataFrame.

    objectives: the mission's objectives, as ids (["O1", "O2"]) or ids and names
        ({"O1": "Access"}); cells may then say "O1", "Access" or "O1 Access".
        Without it the objectives are the values found in the file (so an
        objective with no project cannot show as a gap).
    mission_start_year: the year the mission started; projects that began
        earlier are checked for possible relabelling.
    policies: an inventory of existing policies (columns ``title`` and
        ``start_year``, optionally ``policy_id``) to compare titles with.
    columns: your header names for our columns, e.g. {"Cost (USD m)": "budget"}.
    unit: the money unit, for messages ("million", "USD m"); the case uses "MRC m".

    Raises :class:`~missionkit.errors.MissionkitInputError` (file, row, column,
    fix) for every problem.
    """
    spec = _spec_with(columns)
    df = read_table(source, spec, sheet=sheet, name=name)
    file = df.attrs.get("source", {}).get("file") or name
    return _build(df, file=file, objectives=objectives, mission_start_year=mission_start_year, policies=policies,
                  unit=unit)


def _spec_with(columns: Mapping[str, str] | None) -> TableSpec:
    if not columns:
        return PORTFOLIO_SPEC
    if not isinstance(columns, Mapping):
        raise MissionkitInputError("columns= should be a dict of your column name: our column name",
                                   fix='For example columns={"Cost (USD m)": "budget"}.')
    extra: dict[str, list[str]] = {}
    for theirs, ours in columns.items():
        if ours not in PORTFOLIO_SPEC.names:
            close = difflib.get_close_matches(str(ours), PORTFOLIO_SPEC.names, n=1, cutoff=0.6)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise MissionkitInputError(f"'{ours}' is not one of the portfolio's columns.{hint}",
                                       fix="Map your names onto: " + ", ".join(PORTFOLIO_SPEC.names) + ".")
        extra.setdefault(ours, []).append(str(theirs))
    try:
        return portfolio_spec(extra)
    except ValueError:
        raise MissionkitInputError(
            "One of the names in columns= already stands for another column",
            fix="Give each of your column names once, mapped to the column it holds.") from None


def _build(df: pd.DataFrame, *, file: str | None, objectives: Any, mission_start_year: Any, policies: Any,
           unit: str) -> Portfolio:
    df = df.copy()
    # decision columns the spec does not name (decision_round1, "Decision 2024", ...)
    rounds: dict[str, str] = {}
    for col in list(df.columns):
        if col in _DECISION_COLUMNS:
            continue
        if re.match(r"^\s*decision", str(col), flags=re.I):
            new = _norm_decision_column(col)
            if new in df.columns and new != col:
                new = f"{new}_{len(rounds) + 1}"
            df = df.rename(columns={col: new})
    decision_cols = [c for c in _DECISION_COLUMNS if df[c].notna().any()] + [
        c for c in df.columns if str(c).startswith("decision") and c not in _DECISION_COLUMNS]
    for col in decision_cols:
        rounds[_round_label(col)] = col
    header = {c: c for c in df.columns}
    for kind, col in (("instrument", "instrument"), ("risk", "risk"), ("horizon", "horizon"),
                      ("novelty", "novelty"), ("status", "status"), *(("decision", c) for c in decision_cols)):
        mapped, unknown = _normalise_choice(df[col], kind)
        if len(unknown):
            raise _bad_values(df, col, unknown, file, kind, header.get(col))
        df[col] = mapped
    # objectives
    declared = _declared_objectives(objectives)
    obj = df["objective"]
    if declared:
        lookup = _objective_lookup(declared)
        keys = obj.dropna().astype(str).str.casefold().str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()
        mapped = keys.map(lookup)
        first = keys.str.split(" ").str[0].map(lookup)
        mapped = mapped.fillna(first)
        unknown = obj.dropna()[mapped.isna()]
        if len(unknown):
            rows = list(unknown.index)
            more = f" {len(rows) - 1} other row(s) have the same problem." if len(rows) > 1 else ""
            raise MissionkitInputError(
                f"Row {_row_text(rows[0])} of column 'objective': '{str(unknown.iloc[0])[:40]}' is not one of the "
                f"mission's objectives.{more}".rstrip("."),
                fix="Use one of: " + ", ".join(f"{k} ({v})" if v != k else k for k, v in declared.items())
                    + "; or leave the cell blank if the project serves no objective, then load the file again",
                file=file, row=_row_num(rows[0]), column="objective")
        out = pd.Series(pd.array([None] * len(obj), dtype="str"), index=obj.index)
        out[mapped.index] = mapped.astype("str")
        df["objective"] = out
    else:
        cleaned = obj.str.replace(r"\s+", " ", regex=True).str.strip()
        df["objective"] = cleaned.where(cleaned.ne(""), None)
        found = sorted(df["objective"].dropna().unique(), key=_natural)
        declared = {o: o for o in found}
    for col in ("title", "lead_actor", "lead_actor_type", "city", "sector"):
        df[col] = df[col].str.replace(r"\s+", " ", regex=True).str.strip()
    # the mission's start year
    year = None
    if mission_start_year is not None:
        try:
            year = int(mission_start_year)
        except (TypeError, ValueError):
            year = None
        if year is None or not 1950 <= year <= 2100 or isinstance(mission_start_year, bool):
            raise MissionkitInputError(f"mission_start_year={mission_start_year!r} is not a year",
                                       fix="Give the year the mission started as four digits, e.g. 2025.")
    pol = None
    if policies is not None:
        if not isinstance(policies, pd.DataFrame) or "title" not in policies.columns:
            raise MissionkitInputError("policies= should be a table with a 'title' column (and 'start_year')",
                                       fix="Pass your policy inventory as a DataFrame, or leave policies out.")
        pol = policies.copy()
        if "start_year" in pol.columns:
            pol["start_year"] = pd.to_numeric(pol["start_year"], errors="coerce").astype("Int64")
    return Portfolio(projects=df, objectives=declared, rounds=rounds, file=file, mission_start_year=year,
                     policies=pol, unit=unit)


def _natural(text: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", str(text)))


def _declared_objectives(objectives: Any) -> dict[str, str]:
    if objectives is None:
        return {}
    if isinstance(objectives, Mapping):
        return {str(k).strip(): str(v).strip() for k, v in objectives.items()}
    if isinstance(objectives, str):
        return {o.strip(): o.strip() for o in re.split(r"[;,]", objectives) if o.strip()}
    try:
        return {str(o).strip(): str(o).strip() for o in objectives}
    except TypeError:
        raise MissionkitInputError("objectives= should be a list of ids or a dict of id: name",
                                   fix='For example objectives={"O1": "Access", "O2": "Clean air"}.') from None


# --------------------------------------------------------------------------- real portfolios (brief 3.5)
REAL_PORTFOLIOS: tuple[dict[str, str], ...] = (
    {"item": "EU missions' share of Horizon Europe Pillar 2", "figure": "Proposed rise from 10% to 11% for "
     "2024-2027, more than €3bn", "sources": "eu-2yrs", "status": "from notes only (unconfirmed)"},
    {"item": "EU Ocean mission", "figure": "About €350m for 2021-2023", "sources": "ocean-budget",
     "status": "secondary (a social media post), unconfirmed"},
    {"item": "EU Cities mission", "figure": "112 cities selected; 103 hold the EU Mission Label (Oct 2025)",
     "sources": "nzc-2024-03;nzc-2025-05;nzc-2025-10;nzc-cordis", "status": "sourced"},
    {"item": "EU Soil mission", "figure": "Living labs from 2024, more than 200 test sites",
     "sources": "eu-2yrs-annex", "status": "sourced"},
    {"item": "Brazil, Nova Indústria Brasil", "figure": "R$300bn of financing to 2026 through BNDES, Finep and "
     "Embrapii", "sources": "br-mobiletime;br-embarque", "status": "sourced (the split by instrument is from notes)"},
    {"item": "Colombia, PIIOM (2024 investment)", "figure": "Energy transition COP 76,894m over 24 projects; food "
     "security COP 34,494m over 45; bioeconomy COP 4,190m over 9 (about 18 times from top to bottom)",
     "sources": "co-piiom", "status": "from notes, not re-checked"},
    {"item": "Norway, first mission calls", "figure": "NOK 170m", "sources": "no-ltp",
     "status": "from notes, not re-checked"},
    {"item": "Japan, Moonshot R&D Programme", "figure": "About ¥100bn over 5 years at launch",
     "sources": "moonshot", "status": "from notes, not re-checked"},
    {"item": "Korea, national R&D", "figure": "Government R&D of KRW 31.1 trillion in 2023; KRW 170 trillion over "
     "five years (this figure is from notes only)", "sources": "kr-msit2023",
     "status": "sourced (the five-year figure is unconfirmed)"},
    {"item": "Mission Innovation 2.0", "figure": "Expected to drive more than US$250bn of clean-energy RD&D over "
     "10 years", "sources": "mi-ghpr", "status": "secondary (a PR agency blog), unconfirmed"},
)
"""Real portfolio sizes (brief 3.5) with their status: secondary and unconfirmed figures are said to be so."""


def real_portfolio_sizes() -> pd.DataFrame:
    """The real portfolio sizes of brief 3.5 as a table (item, figure, status, source)."""
    from missionkit import catalogue

    rows = []
    for r in REAL_PORTFOLIOS:
        keys = r["sources"].split(";")
        rows.append({"Portfolio": r["item"], "Size": r["figure"], "Status": r["status"],
                     "Source": "; ".join(catalogue.short_label(k) for k in keys)})
    return pd.DataFrame(rows)


def review_cadences() -> pd.DataFrame:
    """Real review cadences (brief 3.4), each with its source."""
    from missionkit import catalogue

    rows = [
        ("EU mission boards", "Met at least four times a year", "eu-boards-2019"),
        ("Korea, strategic research projects (MVP)", "An annual consultation checks whether technology goals are "
         "met and whether to reset them", "kr-mvp2024"),
        ("UNDP portfolios", "Repeated sensemaking sessions", "undp-ric"),
        ("EU Cities mission", "Climate City Contracts are living documents, revised as cities learn",
         "nzc-2024-08"),
    ]
    return pd.DataFrame([{"Who": w, "How often they review": h, "Source": catalogue.short_label(k)}
                         for w, h, k in rows])


# --------------------------------------------------------------------------- templates
TEMPLATE_DIR = DATA_DIR / "templates"
TEMPLATE_CSV = TEMPLATE_DIR / "portfolio-template.csv"
TEMPLATE_XLSX = TEMPLATE_DIR / "portfolio-template.xlsx"
_TEMPLATE_COLUMNS = ("project_id", "title", "objective", "instrument", "lead_actor", "budget", "lead_actor_type",
                     "city", "sector", "trl", "risk", "horizon", "novelty", "start_year", "status",
                     "decision_round1")
_TEMPLATE_ROWS = (
    ("EX01", "Example: bus lanes on the ring road", "O1", "regulation", "City transport department", 12.5, "city",
     "Capital city", "transport", 8, "low", "<2 years", "scale", 2023, "active", "continue"),
    ("EX02", "Example: clean-bus leasing fund", "O2", "funding", "National development bank", 40, "development bank",
     "national", "transport", 9, "medium", "2-5 years", "new", 2025, "active", "scale"),
    ("EX03", "Example: junction safety audits", "O3", "analysis", "Road safety agency", 1.2, "agency", "national",
     "transport", 7, "low", "<2 years", "new", 2025, "active", "continue"),
    ("EX04", "Example: night-bus fare pilot for women", "O4", "fiscal", "City transport department", 0.8, "city",
     "Capital city", "social protection", 6, "high", "<2 years", "new", 2025, "active", "pivot"),
    ("EX05", "Example: battery pack assembly grants", "O5", "funding", "Ministry of Industry", 6, "ministry",
     "national", "industry", 5, "high", ">5 years", "new", 2026, "active", None),
    ("EX06", "Example: mobility data standard", None, "information", "Statistics office", 0.3, "agency",
     "national", "digital", 9, "low", "<2 years", "adapt", 2025, "completed", "continue"),
    ("EX07", "Example: road safety research grants", "O3", "funding", "Ministry of Science", 9, "ministry",
     "national", "research", 4, "medium", "2-5 years", "new", 2020, "active", "continue"),
)


def template_frame() -> pd.DataFrame:
    """The template's example rows (FICTIONAL, to be replaced by your own projects)."""
    return pd.DataFrame(list(_TEMPLATE_ROWS), columns=list(_TEMPLATE_COLUMNS))


_TEMPLATE_HELP = (
    ("How to use this template",
     "Replace the example rows (EX01 to EX07, all FICTIONAL) with your own projects, one project per row. "
     "Keep the column names in row 1. Save as Excel (.xlsx) or as CSV, then load the file in the notebook."),
    ("Required columns", "project_id, title, objective, instrument, lead_actor, budget. The objective cell may be "
     "blank if a project serves no objective: the notebook will point it out."),
    ("Optional columns", "lead_actor_type, city, sector, trl, risk, horizon, novelty, start_year, status, and one "
     "column per review round whose name starts with 'decision' (for example decision_round1)."),
    ("Money", "Type budgets as plain numbers in millions, without currency signs (12.5 or 12,5)."),
)


def _describe_rows() -> list[tuple[str, str, str]]:
    spec = PORTFOLIO_SPEC
    rows = [(c.name, "yes" if c.required else "no", c.rule + (f" ({c.description})" if c.description else ""))
            for c in spec.columns if not c.name.startswith("decision")]
    rows.append(("decision_<round>", "no", "continue, scale, pivot, pause or sunset; may be blank (one column per "
                 "review round)"))
    return rows


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write portfolio-template.csv (UTF-8) and portfolio-template.xlsx into ``folder`` (byte-stable)."""
    import csv
    import zipfile

    import openpyxl
    from openpyxl.styles import Font

    target = Path(folder) if folder is not None else TEMPLATE_DIR
    target.mkdir(parents=True, exist_ok=True)
    frame = template_frame()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(["" if v is None or (isinstance(v, float) and np.isnan(v)) else v for v in row])
    csv_path = target / "portfolio-template.csv"
    csv_path.write_bytes(buf.getvalue().encode("utf-8"))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "portfolio"
    ws.append(list(frame.columns))
    for row in _TEMPLATE_ROWS:
        ws.append(list(row))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i, col in enumerate(frame.columns, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = max(12, min(40, len(col) + 4))
    ws.column_dimensions["B"].width = 42
    ws.freeze_panes = "A2"
    info = wb.create_sheet("how to fill in")
    for title, text in _TEMPLATE_HELP:
        info.append([title, text])
    info.append([])
    info.append(["column", "required", "what to type"])
    for r in _describe_rows():
        info.append(list(r))
    info.column_dimensions["A"].width = 24
    info.column_dimensions["C"].width = 100
    raw = io.BytesIO()
    wb.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms)",
                              rb"\g<1>2026-11-15T00:00:00Z\g<3>", body)
            zi = zipfile.ZipInfo(item.filename, date_time=(2026, 11, 15, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, body)
    xlsx_path = target / "portfolio-template.xlsx"
    xlsx_path.write_bytes(out.getvalue())
    return [csv_path, xlsx_path]


# --------------------------------------------------------------------------- synthetic portfolios (tests, benchmark)
def synthetic_frame(n: int, seed: int = 0, objectives: int = 5, actors: int | None = None) -> pd.DataFrame:
    """A synthetic portfolio table of ``n`` projects with the case's columns (for tests and the benchmark).

    Budgets are log-normal (a few large loans, many small pilots), like the case.
    """
    rng = np.random.default_rng(seed)
    actors = actors or max(10, n // 50)
    ids = np.char.add("S", np.arange(1, n + 1).astype(str))
    obj_ids = np.array([f"O{i + 1}" for i in range(objectives)], dtype=object)
    obj = obj_ids[rng.choice(objectives, size=n, p=_skewed(objectives))].astype(object)
    obj[rng.random(n) < 0.01] = None
    base = ["bus", "air", "safety", "fare", "battery", "lanes", "data", "study", "pilot", "fleet", "junction",
            "charging", "skills", "network", "zone", "streets", "rail", "walking", "cycling", "ferry", "freight",
            "depot", "tariff", "standards", "training", "assembly", "recycling", "lighting", "ticketing", "parking"]
    words = np.array(base + [f"{a}{b}" for a in ("urban", "clean", "smart", "safe", "green", "local", "fair")
                             for b in ("mobility", "transit", "roads", "energy", "industry", "cities", "access",
                                       "air", "jobs", "finance")], dtype=object)
    weights = 1 / np.arange(1, len(words) + 1) ** 0.8
    w = rng.choice(len(words), size=(n, 3), p=weights / weights.sum())
    titles = words[w[:, 0]] + " " + words[w[:, 1]] + " " + words[w[:, 2]] + " " + ids.astype(object)
    decisions = np.array(list(DECISIONS) + [None], dtype=object)
    frame = pd.DataFrame({
        "project_id": ids.astype(object),
        "title": titles,
        "objective": obj,
        "instrument": np.array(INSTRUMENTS, dtype=object)[rng.choice(6, size=n, p=[.15, .5, .12, .08, .07, .08])],
        "lead_actor": np.char.add("Actor ", rng.zipf(1.6, size=n).clip(1, actors).astype(str)).astype(object),
        "lead_actor_type": np.array(case.ACTOR_TYPES, dtype=object)[rng.integers(0, len(case.ACTOR_TYPES), n)],
        "city": np.array(case.PROJECT_CITIES, dtype=object)[rng.integers(0, 4, n)],
        "sector": words[rng.integers(0, len(words), n)],
        "trl": rng.integers(1, 10, n),
        "risk": np.array(RISKS, dtype=object)[rng.integers(0, 3, n)],
        "horizon": np.array(HORIZONS, dtype=object)[rng.integers(0, 3, n)],
        "novelty": np.array(NOVELTY, dtype=object)[rng.integers(0, 3, n)],
        "budget": np.round(rng.lognormal(1.0, 1.6, n), 2),
        "start_year": rng.integers(2018, 2027, n),
        "status": np.array(STATUSES, dtype=object)[rng.choice(4, size=n, p=[.85, .08, .04, .03])],
        "decision_2025q4": decisions[rng.choice(6, size=n, p=[.6, .08, .08, .05, .04, .15])],
        "decision_2026q4": decisions[rng.choice(6, size=n, p=[.55, .1, .08, .05, .07, .15])],
    })
    return frame


def synthetic_policies(n: int = 100, seed: int = 1) -> pd.DataFrame:
    """A synthetic policy inventory (title, start_year, policy_id) to go with :func:`synthetic_frame`."""
    titles = synthetic_frame(n, seed=seed)["title"].str.replace(r" S\d+$", "", regex=True)
    rng = np.random.default_rng(seed)
    return pd.DataFrame({"policy_id": [f"P{i + 1:03d}" for i in range(n)], "title": titles,
                         "start_year": rng.integers(2010, 2027, n)})


def _skewed(k: int) -> list[float]:
    w = np.array([1 / (i + 1) ** 1.2 for i in range(k)])
    return list(w / w.sum())


def _portfolio_from_typed(frame: pd.DataFrame, objectives: Mapping[str, str] | None = None,
                          mission_start_year: int | None = None, policies: pd.DataFrame | None = None,
                          unit: str = "MRC m") -> Portfolio:
    """A Portfolio from an already typed frame with the spec's columns (skips read_table; for the benchmark)."""
    df = frame.copy()
    for c in PORTFOLIO_SPEC.names:
        if c not in df.columns:
            df[c] = None
    for c in ("project_id", "title", "objective", "instrument", "lead_actor", "lead_actor_type", "city", "sector",
              "risk", "horizon", "novelty", "status", *[c for c in df.columns if str(c).startswith("decision")]):
        df[c] = df[c].astype("str").where(df[c].notna(), None)
    df["budget"] = df["budget"].astype(float)
    df["trl"] = pd.array(df["trl"], dtype="Int64")
    df["start_year"] = pd.array(df["start_year"], dtype="Int64")
    df.index = pd.RangeIndex(2, len(df) + 2, name="row")
    return _build(df, file=None, objectives=objectives, mission_start_year=mission_start_year, policies=policies,
                  unit=unit)


# --------------------------------------------------------------------------- exercise checks
_SOURCES_PORTFOLIO = ("mal-port", "oecd-psi-2022")


def check_under_covered(answer: Any) -> Feedback:
    """Exercise: which objective of the Marenta portfolio (FICTIONAL) is under-covered?"""
    title = "The under-covered objective"
    how = 'Write the id of the objective in quotes, for example "O2".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    p = Portfolio.from_case()
    t = p.objective_table().set_index("objective")
    target = p.under_covered()
    lookup = _objective_lookup(p.objectives)
    key = re.sub(r"[^0-9a-z]+", " ", str(answer).casefold()).strip()
    given = lookup.get(key) or lookup.get(key.split(" ")[0] if key else "")
    u = p.unit
    figures = "; ".join(f"{p.label(o)}: {int(t.loc[o, 'projects'])} projects, {amount(t.loc[o, 'budget'], u)}"
                        for o in p.objectives)
    why = ("An objective with too little behind it will miss its target whatever the others achieve: portfolio "
           "balance starts with coverage of every objective.")
    if given is None:
        return Feedback("revise", title, improve=[f"“{answer}” is not one of the objectives. {how}",
                                                  f"The figures: {figures}."], why=why,
                        sources=cites_full(*_SOURCES_PORTFOLIO))
    if given == target["objective"]:
        ratio = p.funding_ratio()
        return Feedback("good", title, strengths=[
            f"{target['label']} has the fewest projects ({target['projects']}) and the least money "
            f"({amount(target['budget'], u)}, {pct(target['share'], 1)} of the total).",
            f"The best-funded objective gets {ratio['ratio']:.0f} times as much."],
            improve=["Now ask why: is it a gap in ideas, in owners, or in money? The donor map (module 09) and the "
                     "policy inventory help."], why=why, sources=cites_full(*_SOURCES_PORTFOLIO))
    row = t.loc[given]
    improve = [f"{p.label(given)} has {int(row['projects'])} projects and {amount(row['budget'], u)} "
               f"({pct(row['share'], 1)}).",
               f"Look for the objective with both the fewest projects and the least money. {figures}."]
    if row["share"] < THRESHOLDS["objective_min_share"]:
        improve.insert(1, f"{p.label(given)} is short of money too, but it has more projects than "
                          f"{target['label']}: count projects as well as money.")
    return Feedback("revise", title, improve=improve, why=why, sources=cites_full(*_SOURCES_PORTFOLIO))


def check_relabelling(ids: Any) -> Feedback:
    """Exercise: which Marenta projects (FICTIONAL) may be existing programmes under a new name?

    Compared with :meth:`Portfolio.relabelling` on the case (the inventory D1,
    start years and the "new" label), so the reference is computed, not typed in.
    """
    title = "Spotting possible relabelling (mission-washing)"
    how = 'Give a list of project ids in quotes, for example ["PR01", "PR02"].'
    if is_blank(ids):
        return Feedback.not_answered(title, how)
    if isinstance(ids, str):
        ids = re.findall(r"PR\d+", ids.upper())
    if not isinstance(ids, (list, tuple, set)):
        return Feedback("revise", title, improve=[f"Your answer is a {type(ids).__name__}. {how}"])
    p = Portfolio.from_case()
    found = p.relabelling()
    ref = list(found["project_id"])
    given = []
    for i in ids:
        k = str(i).strip().upper()
        if re.fullmatch(r"PR\d", k):
            k = "PR0" + k[2:]
        if k not in given:
            given.append(k)
    known = set(p.projects["project_id"])
    unknown = [g for g in given if g not in known]
    hits = [g for g in given if g in ref]
    extra = [g for g in given if g in known and g not in ref]
    missed = [r for r in ref if r not in given]
    proj = p.projects.set_index("project_id")
    strengths = []
    if hits:
        strengths.append(f"You found {len(hits)} of the {len(ref)} projects the evidence points to: {and_list(hits)}.")
    improve = [f"“{u}” is not a project id of the portfolio." for u in unknown]
    for g in extra:
        r = proj.loc[g]
        start = r["start_year"]
        if "mission" in str(r["title"]).casefold() and pd.notna(start) and start >= p.mission_start_year:
            improve.append(f"{g} ({r['title']}) started in {start}, after the mission was adopted: the word "
                           "\"Mission\" in a title is not evidence by itself.")
        elif r["novelty"] in ("scale", "adapt"):
            verb = "scales" if r["novelty"] == "scale" else "adapts"
            improve.append(f"{g} ({r['title']}) says openly that it {verb} "
                           "an existing solution: continuing a programme in the open is not relabelling.")
        else:
            improve.append(f"{g} ({r['title']}) started in {start} and matches no older programme in the policy "
                           "inventory: what makes you suspect it?")
    ev = found.set_index("project_id")["evidence"]
    for m in missed[:6]:
        improve.append(f"Missed {m} ({proj.loc[m, 'title']}): {ev[m]}")
    if len(missed) > 6:
        improve.append(f"… and {len(missed) - 6} more: compare titles with the policy inventory (D1) and check "
                       "start years against the mission's adoption (2025).")
    why = ("Mission-washing is mission language without change in how decisions, money or work flow. Counting "
           "renamed programmes as mission projects inflates the portfolio and hides gaps. Treat each one as a "
           "question for its owner: what is new?")
    sources = cites_full("nesta-missionpublic", "mal-port")
    share = len(hits) / len(ref) if ref else 1.0
    if not missed and not extra and not unknown:  # "Well done" only with nothing left to fix
        status = "good"
    elif share >= 0.5:
        status = "partly"
    else:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve, why=why, sources=sources)


def round2_focus(portfolio: Portfolio | None = None) -> pd.DataFrame:
    """The projects whose round-2 proposal is not "continue": the ones the exercise asks you to decide."""
    p = portfolio or Portfolio.from_case()
    _, col = p.round_column(case.CURRENT_ROUND if p.is_case else None)
    t = p.projects
    mask = t[col].notna() & t[col].ne("continue")
    cols = ["project_id", "title", "objective", "lead_actor", "budget", "risk", "horizon", "trl", col]
    return t.loc[mask, cols].rename(columns={col: "proposal"}).reset_index(drop=True)


def check_round2_decisions(decisions: Any) -> Feedback:
    """Exercise: your decisions for round 2 (2026-Q4) of the Marenta portfolio (FICTIONAL).

    No single right answer; the criteria (OUR PROPOSAL, after brief 3.4): every
    project in :func:`round2_focus` decided; the scale-ups paid for by the money
    the round frees (no shortfall); the least-funded objective not cut; at least
    one project stopped or paused.
    """
    title = "Your round-2 decisions"
    how = 'For each project write "continue", "scale", "pivot", "pause" or "sunset" in quotes.'
    if is_blank(decisions):
        return Feedback.not_answered(title, how)
    if not isinstance(decisions, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(decisions).__name__}; it should be a "
                                                  f"dict of project id: decision. {how}"])
    p = Portfolio.from_case()
    try:
        review = p.review(decisions, case.CURRENT_ROUND)
    except MissionkitInputError as err:
        return Feedback("revise", title, improve=[err.message])
    focus = round2_focus(p)
    given = {str(k).strip().upper() for k, v in decisions.items() if not is_blank(v)}
    missing = [i for i in focus["project_id"] if i not in given]
    u = p.unit
    strengths, improve = [], []
    weakest = p.under_covered()
    o = weakest["objective"]
    objs = review.objectives.set_index("objective")
    before_o, after_o = float(objs.loc[o, "before"]), float(objs.loc[o, "after"])
    status = "good"
    if review.shortfall > 0.005:
        big = review.table.sort_values("top_up_asked", ascending=False).iloc[0]
        improve.append(f"Your scale-ups ask for {amount(review.needed, u)} but your decisions free only "
                       f"{amount(review.freed, u)}: a shortfall of {amount(review.shortfall, u)}. Scale fewer "
                       f"projects or free more money. {big['project_id']} alone asks {amount(big['top_up_asked'], u)}.")
        status = "revise"
    else:
        strengths.append(f"Your scale-ups ({amount(review.needed, u)}) are paid for by the money you free "
                         f"({amount(review.freed, u)})"
                         + (f", leaving {amount(review.reserve, u)} for {review.reserve_to}." if review.reserve > 0.005
                            else "."))
    if after_o < before_o - 0.005:
        improve.append(f"You cut {weakest['label']}, already the least-covered objective, from "
                       f"{amount(before_o, u)} to {amount(after_o, u)}.")
        status = "revise"
    elif after_o > before_o + 0.005:
        strengths.append(f"{weakest['label']}, the least-covered objective, grows from {amount(before_o, u)} to "
                         f"{amount(after_o, u)}.")
    else:
        improve.append(f"Nothing changes for {weakest['label']}, the least-covered objective: could a scale-up or "
                       "the reserve go there?")
    stops = review.counts.get("sunset", 0) + review.counts.get("pause", 0)
    if stops:
        strengths.append(f"You stop or pause {stops} project(s): the portfolio learns and lets go.")
    else:
        improve.append("Nothing is sunset or paused: a mission that never stops anything is a warning sign.")
        status = "partly" if status == "good" else status
    relabel = set(p.relabelling()["project_id"])
    scaled_relabel = [pid for pid in review.table.loc[review.table["decision"].eq("scale"), "project_id"]
                      if pid in relabel]
    if scaled_relabel:
        improve.append(f"You scale {and_list(scaled_relabel)}, a possible relabelling: before adding money, ask what is "
                       "new in it.")
        status = "partly" if status == "good" else status
    # Large stops and deep cuts need evidence: the course's lines (OUR PROPOSAL) are 10% of the portfolio's money
    # for one project, and 10% of an objective's money.
    proj = p.projects.set_index("project_id")
    _, col = p.round_column(case.CURRENT_ROUND)
    for row in review.table.itertuples():
        if row.decision in ("sunset", "pause") and row.budget_before >= 0.10 * p.total:
            proposal = proj.loc[row.project_id, col] if col else None
            said = f"; its lead proposed \u201c{proposal}\u201d" if isinstance(proposal, str) else ""
            improve.append(f"You {row.decision} {row.project_id} ({row.title}, {amount(row.budget_before, u)}, "
                           f"{row.budget_before / p.total:.0%} of the portfolio{said}). A stop this large needs "
                           "evidence that it is not working, and partner finance tied to it may go with it.")
            status = "partly" if status == "good" else status
    for ob, r in objs.iterrows():
        if ob != o and r["before"] > 0 and r["after"] < 0.9 * r["before"]:
            improve.append(f"You cut {ob} by {1 - r['after'] / r['before']:.0%} ({amount(r['before'], u)} to "
                           f"{amount(r['after'], u)}): say what the objective loses, and why that is worth it.")
            status = "partly" if status == "good" else status
    if missing:
        improve.append("Still to decide: " + and_list(missing) + ".")
        status = "partly" if status == "good" else status
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Reviews are where a portfolio is managed: back what shows promise, close what does not, and "
                        "make sure the money follows the decisions.",
                    sources=cites_full("mal-port", "cooper", "oecd-psi-2022"))


def check_own_portfolio(path: Any, *, objectives: Any = None, mission_start_year: int | None = None) -> Feedback:
    """Exercise: load your own portfolio (or the template) and read its warning signs."""
    title = "Your own portfolio"
    how = ('Write the path of your file in quotes, for example "../my-work/my-portfolio.xlsx", or start from the '
           'template: "../missionkit/data/templates/portfolio-template.csv".')
    if is_blank(path):
        return Feedback.not_answered(title, how)
    if is_blank(mission_start_year):
        mission_start_year = None
    try:
        p = load_portfolio(path, objectives=objectives, mission_start_year=mission_start_year)
    except MissionkitInputError as err:
        return Feedback("revise", title, improve=[err.message],
                        why="The file must follow the template so the tools can read every row. The message says "
                            "where the problem is and how to fix it; nothing you saved is lost.")
    flags = p.flags()
    u = p.unit
    where = f"from '{p.file}'" if p.file else "from your table"
    strengths = [f"Loaded {len(p)} projects ({amount(p.total, u)}) {where}."]
    warnings = [f.text for f in flags if f.severity == "warning"]
    improve = warnings[:6] or ["No warning signs on these thresholds: check them with your team."]
    if mission_start_year is None:
        improve.append("Give mission_start_year= to check for possible relabelling of older programmes.")
    # Loading the file is the participant's part; warning signs are the portfolio's, to discuss, not a score.
    return Feedback("discuss" if warnings else "good", title, strengths=strengths, improve=improve,
                    why="The same checks that found the gaps in the Marenta case (FICTIONAL) now run on your own "
                        "portfolio. The thresholds are our proposal: discuss them.",
                    sources=cites_full(*_SOURCES_PORTFOLIO))
