"""Module 08: the mission portfolio and its analyses.

A *mission portfolio* is the managed set of projects and instruments that
together move a mission toward its targets `[MAL-port][PSF-MLE]`; managing it
means reviewing it regularly and moving money, people and time between options
as evidence comes in `[OECD-PSI-2022]`.

* :func:`load_portfolio` reads a portfolio from a CSV (UTF-8, UTF-8 with BOM,
  Latin-1 or cp1252; ``,`` or ``;`` with decimal commas), an Excel workbook or a
  DataFrame, through :func:`missionkit.tables.read_table` and
  :data:`~missionkit.portfolio.load.PORTFOLIO_SPEC`. Every problem is a
  plain-language :class:`~missionkit.errors.MissionkitInputError` naming file,
  row, column and fix. :meth:`Portfolio.from_case` loads the FICTIONAL Marenta
  portfolio (D2). (It lives here, not in load.py, because ``from_case`` uses it.)
* :class:`Portfolio`: coverage (objective x instrument), balance shares per
  dimension (brief 3.3), concentration (Herfindahl index, top-k share), gaps,
  warning flags, the decisions of each review round and a review step
  (:meth:`Portfolio.review`); possible relabelling of existing programmes
  (mission-washing) and the rebalancing helper come from
  :mod:`missionkit.portfolio.relabelling` and
  :mod:`missionkit.portfolio.rebalancing`.

Thresholds for warning signs are OUR PROPOSAL, built on the warning signs of
brief 3.3; they are parameters, not facts. All analysis is vectorised pandas:
benchmarks/bench_portfolio.py times every method on 100,000 projects.
Domain logic only (no display code, never prints).
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank, md_escape
from missionkit.portfolio.load import portfolio_fields, spec_with
from missionkit.portfolio.rebalancing import Rebalancer
from missionkit.portfolio.relabelling import TitleMatching
from missionkit.portfolio.vocabulary import (
    DECISION_MEANINGS,
    DECISIONS,
    DIMENSIONS,
    HORIZONS,
    INSTRUMENTS,
    NO_OBJECTIVE,
    NOT_GIVEN,
    NOVELTY,
    RISKS,
    THRESHOLDS,
    TRL_BANDS,
    normalise_choice,
    row_num,
)
from missionkit.tables import read_table
from missionkit.text import amount, and_list, pct


# --------------------------------------------------------------------------- small helpers
def _ids(values: pd.Series) -> tuple[str, ...]:
    """Project ids as a tuple, without iterating the Series in Python."""
    return tuple(values.to_numpy(dtype=object).tolist())


def _round_name(label: str) -> str:
    """'round 1' stays; '2025-Q4' becomes 'round 2025-Q4'."""
    return label if label.casefold().startswith("round") else f"round {label}"


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
            cleared = sorted(f.title for f in self.flags_before if f.code in gone)
            out.append("Warning signs cleared: " + and_list(cleared) + ".")
        if new:
            raised = sorted(f.title for f in self.flags_after if f.code in new)
            out.append("New warning signs: " + and_list(raised) + ".")
        return out + self.notes


# --------------------------------------------------------------------------- the portfolio
@dataclass
class Portfolio(TitleMatching, Rebalancer):
    """A checked portfolio and its analyses. Build one with :func:`load_portfolio` or
    :meth:`Portfolio.from_case`.

    ``projects`` has the columns of :data:`PORTFOLIO_SPEC` (``budget`` in
    ``unit``; categorical columns mapped onto their vocabularies; missing
    values as NA) and is indexed by the spreadsheet row. ``objectives`` maps
    objective ids to names, in order; ``rounds`` maps review-round labels to
    decision columns.

    The relabelling analyses (:meth:`relabelling`, :meth:`started_before_mission`) come from
    :class:`~missionkit.portfolio.relabelling.TitleMatching`, :meth:`rebalance` from
    :class:`~missionkit.portfolio.rebalancing.Rebalancer`.
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
                mapped, unknown = normalise_choice(pd.Series(given.astype(str).to_numpy(), index=given.index),
                                                    "decision")
                if len(unknown):
                    pid = unknown.index[0]
                    raise MissionkitInputError(
                        f"The decision '{unknown.iloc[0]}' for {pid} is not one of the five decisions",
                        fix="Use continue, scale, pivot, pause or sunset.", column=col or "decision",
                        row=row_num(p.index[pos[list(given.index).index(pid)]]))
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


    # ---- exports
    def to_frame(self) -> pd.DataFrame:
        return self.projects.copy()


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
    spec = spec_with(columns)
    df = read_table(source, spec, sheet=sheet, name=name)
    file = df.attrs.get("source", {}).get("file") or name
    return Portfolio(**portfolio_fields(df, file=file, objectives=objectives, mission_start_year=mission_start_year,
                                        policies=policies, unit=unit))


# --------------------------------------------------------------------------- the round-2 exercise
def round2_focus(portfolio: Portfolio | None = None) -> pd.DataFrame:
    """The projects whose round-2 proposal is not "continue": the ones the exercise asks you to decide."""
    p = portfolio or Portfolio.from_case()
    _, col = p.round_column(case.CURRENT_ROUND if p.is_case else None)
    t = p.projects
    mask = t[col].notna() & t[col].ne("continue")
    cols = ["project_id", "title", "objective", "lead_actor", "budget", "risk", "horizon", "trl", col]
    return t.loc[mask, cols].rename(columns={col: "proposal"}).reset_index(drop=True)
