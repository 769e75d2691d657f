"""Module 08: rebalancing a portfolio, a linear programme that moves as little money as possible.

:class:`Rebalancer` gives :class:`~missionkit.portfolio.model.Portfolio` its
:meth:`~Rebalancer.rebalance` method (solved with
:func:`scipy.optimize.linprog`, HiGHS); :class:`Rebalancing` is its result,
every change with its reason. The rules are the participant's; the small
preferences between equally cheap solutions are OUR PROPOSAL. Domain logic only.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.feedback import md_escape
from missionkit.portfolio.vocabulary import NO_OBJECTIVE, objective_lookup
from missionkit.text import amount, pct


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


class Rebalancer:
    """The rebalancing helper of a :class:`~missionkit.portfolio.model.Portfolio` (a mixin: it uses the
    portfolio's ``projects``, ``objectives``, ``unit``, :meth:`objective_table` and active projects)."""

    # provided by the host class, Portfolio (a dataclass): declared here for the type checker only
    projects: pd.DataFrame
    objectives: dict[str, str]
    unit: str
    if TYPE_CHECKING:
        @property
        def total(self) -> float: ...
        def label(self, objective: Any) -> str: ...
        def _active(self) -> pd.Series: ...
        def objective_table(self) -> pd.DataFrame: ...

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
        n_calls = len(objs) if new_calls else 0
        U = (groups["b"] * max_growth).to_numpy(float)
        V = (groups["b"] * max_cut).to_numpy(float)
        so = groups["o"].map(share_o).fillna(0).to_numpy(float)
        sa = groups["a"].map(share_a).fillna(0).to_numpy(float)
        cost = np.concatenate([1 + 0.1 * so + 0.1 * sa, 1 + 0.1 * (1 - so) + 0.1 * (1 - sa),
                               1.05 + 0.1 * np.array([share_o.get(o, 0.0) for o in objs[:n_calls]], float)])
        n = 2 * G + n_calls
        bounds = [(0, u) for u in U] + [(0, v) for v in V] + [(0, None)] * n_calls
        gi = np.arange(G)
        A_eq = sparse.csr_matrix(np.concatenate([np.ones(G), -np.ones(G), np.ones(n_calls)])[None, :])
        b_eq = [B - T]
        rows, cols, vals, row_meaning = [], [], [], []
        b_ub: list[float] = []
        T_o = p["budget"].groupby(objective_key).sum()
        for k, o in enumerate(objs):
            r = len(b_ub)
            members = gi[groups["o"].to_numpy() == o]
            rows += [r] * (2 * len(members))
            cols += list(members) + list(members + G)
            vals += [-1.0] * len(members) + [1.0] * len(members)
            if new_calls:
                rows.append(r)
                cols.append(2 * G + k)
                vals.append(-1.0)
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
                rows += [r] * (2 * len(members))
                cols += list(members) + list(members + G)
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
        y = x[2 * G:] if n_calls else np.zeros(0)
        # disaggregate: same percentage for every project of a group
        g_index = pd.MultiIndex.from_frame(groups[["o", "a"]])
        group_change = pd.Series(change_g / groups["b"].to_numpy(float), index=g_index)
        key = pd.MultiIndex.from_arrays([objective_key, actor])
        proj_pct = pd.Series(group_change.reindex(key).to_numpy(), index=p.index).fillna(0.0).where(adjustable, 0.0)
        change = p["budget"] * proj_pct
        after = p["budget"] + change
        after_o = after.groupby(objective_key).sum()
        newcall = pd.Series(y, index=objs[:n_calls]) if n_calls else pd.Series(dtype=float)
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
                    match = objective_lookup(self.objectives).get(re.sub(r"[^0-9a-z]+", " ", oid.casefold()).strip())
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
