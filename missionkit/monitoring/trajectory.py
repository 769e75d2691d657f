"""Module 10: trajectories and status, and two real targets with their progress.

:func:`trajectory` draws the planned path from baseline to target (a straight
line or a constant rate) and, with observed values, gives each indicator's status
(on track, at risk, off track, no data) and the pace needed from now on;
:func:`dashboard_summary` turns that into sentences. :data:`REAL_PROGRESS` (read from
``missionkit/data/facts/monitoring-real-progress.yml``) holds two real targets with a
baseline and a later reading; :func:`real_progress` shows the share of the gap closed.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError
from missionkit.facts import load_facts
from missionkit.monitoring.indicators import (
    AT_RISK_SHARE,
    MIN_NOISE_CHANGES,
    ON_TRACK_SHARE,
    TREND_WINDOW_YEARS,
    as_int,
    as_number,
    as_text,
    change_unit,
    format_number,
    indicator_label,
    is_empty,
    shorten,
    years_text,
)
from missionkit.monitoring.load import is_loaded_framework, load_indicators, load_observed, milestone_columns
from missionkit.text import cites_full

__all__ = [
    "Trajectories",
    "trajectory",
    "planned_value",
    "dashboard_summary",
    "gap_closed",
    "REAL_PROGRESS",
    "REAL_PROGRESS_FILE",
    "load_real_progress",
    "real_progress",
]


# --------------------------------------------------------------------------- trajectories
def _time(year: Any, quarter: Any = None) -> float:
    """A reading's place in time, in years: the middle of its year (2025 -> 2025.5) or quarter (2025-Q1 -> 2025.125)."""
    y = float(year)
    if quarter is None or is_empty(quarter):
        return y + 0.5
    return y + (float(quarter) - 0.5) / 4


def _today_time(today: Any) -> float:
    try:
        ts = pd.Timestamp(today)
    except (ValueError, TypeError):
        raise MissionkitInputError(f"'{today}' is not a date", fix="Give today's date as 'YYYY-MM-DD'") from None
    if pd.isna(ts):
        raise MissionkitInputError("Today's date is blank", fix="Give today's date as 'YYYY-MM-DD'")
    start = pd.Timestamp(year=ts.year, month=1, day=1)
    days = 366 if ts.is_leap_year else 365
    return ts.year + (ts - start).days / days


METHODS = {"straight line": "straight line", "linear": "straight line", "constant rate": "constant rate",
           "geometric": "constant rate", "exponential": "constant rate"}


def planned_value(baseline: float, target: float, t0: float, t1: float, t: float, method: str = "straight line"
                  ) -> float:
    """The value the plan expects at time ``t`` on the path from (t0, baseline) to (t1, target).

    "straight line": the same amount every year. "constant rate": the same
    percentage change every year (needs a baseline and a target above zero).
    """
    if t1 == t0:
        return target
    frac = (t - t0) / (t1 - t0)
    if method == "constant rate" and baseline > 0 and target > 0:
        return baseline * (target / baseline) ** frac
    return baseline + (target - baseline) * frac


@dataclass
class Trajectories:
    """What :func:`trajectory` returns.

    path: the planned values (id, year, time, value, kind: "plan", "baseline", "milestone" or "target").
    observed: the readings (id, period, time, value, comparable: False before a definition change).
    status: one row per indicator (see :func:`trajectory`).
    """

    path: pd.DataFrame
    observed: pd.DataFrame
    status: pd.DataFrame
    method: str
    today: float
    unmatched: list[str] = field(default_factory=list)

    def row(self, indicator_id: str) -> dict:
        hit = self.status[self.status["id"] == indicator_id]
        if hit.empty:
            raise MissionkitInputError(f"There is no indicator '{indicator_id}' in this dashboard",
                                       fix="Use one of: " + ", ".join(self.status["id"].astype(str)))
        return hit.iloc[0].to_dict()


def _slope(ts: Sequence[float], vs: Sequence[float]) -> float | None:
    if len(ts) < 2 or max(ts) - min(ts) <= 0:
        return None
    return float(np.polyfit(np.asarray(ts, float), np.asarray(vs, float), 1)[0])


def _trend(ts: list[float], vs: list[float], method: str) -> float | None:
    """Recent pace: least-squares slope over the last few years (units per year, or growth rate per year)."""
    if method == "constant rate":
        if any(v <= 0 for v in vs):
            return None
        s = _slope(ts, [math.log(v) for v in vs])
        return None if s is None else math.exp(s) - 1
    return _slope(ts, vs)


def _needed(latest: float, target: float, t_latest: float, t_target: float, method: str) -> float | None:
    years = t_target - t_latest
    if years <= 0:
        return None
    if method == "constant rate":
        if latest <= 0 or target <= 0:
            return None
        return (target / latest) ** (1 / years) - 1
    return (target - latest) / years


def _rate_text(rate: float | None, unit: str, method: str) -> str:
    if rate is None:
        return "unknown"
    if method == "constant rate":
        return f"{rate * 100:+.1f}% a year"
    sign = "+" if rate > 0 else ("\u2212" if rate < 0 else "")
    u = change_unit(unit)
    each = "each year" if "per year" in u or "a year" in u else "a year"
    return f"{sign}{format_number(abs(rate))} {u} {each}".replace("  ", " ")


_STATUS_COLUMNS = [
    "id", "name", "objective", "level", "unit", "baseline", "baseline_year", "target", "target_year",
    "latest_period", "latest_value", "expected_now", "progress_share", "status", "recent_rate", "needed_rate",
    "pace_multiple", "projected", "rate_unit", "note",
]


def trajectory(indicators: Any, observed: Any = None, *, method: str = "straight line", today: Any = case.TODAY
               ) -> Trajectories:
    """Planned paths and, with observed values, the status of each indicator.

    indicators: a framework as :func:`load_indicators` reads it (or the case's D3).
    observed: readings in long format (indicator_id, year or period, quarter, value),
        as :func:`load_observed` reads it (or the case's D8); None for paths only.
    method: "straight line" (the same amount each year) or "constant rate" (the same
        percentage each year).
    today: the date of the review (the case's TODAY by default).

    A value for a year is placed in the middle of that year, a quarter's in the
    middle of the quarter. Readings before a change of definition are kept but
    marked ``comparable=False`` and not used. For each indicator the status
    table gives the latest comparable reading after the baseline, the value the
    plan expects at that time, the share of the planned progress achieved, the
    status (:data:`ON_TRACK_SHARE`, :data:`AT_RISK_SHARE`; a shortfall within
    the usual year-to-year change is at worst "at risk"), the recent pace (a
    least-squares slope over the last five years), the pace needed from the
    latest reading to reach the target, their ratio, where the recent pace
    leads by the target year, and a note in plain words.
    """
    key = METHODS.get(str(method).strip().lower()) if isinstance(method, str) else None
    if key is None:
        raise MissionkitInputError(f"'{method}' is not a way to draw a trajectory",
                                   fix="Use method='straight line' or method='constant rate'")
    method = key
    now = _today_time(today)
    ind = indicators if is_loaded_framework(indicators) else load_indicators(indicators)
    milestones = milestone_columns(ind)
    obs = None
    if observed is not None:
        obs = observed if _is_observed(observed) else load_observed(observed)

    frame = []
    for row_number, r in ind.iterrows():
        d = dict(r)
        d["row"] = row_number
        frame.append(d)
    ids = [indicator_label(d) for d in frame]

    path_rows, obs_rows, status_rows = [], [], []
    unmatched: list[str] = []
    if obs is not None:
        unmatched = sorted(set(obs["indicator_id"]) - set(ids))
    for ident, d in zip(ids, frame, strict=False):
        unit = as_text(d.get("unit"))
        b, by = as_number(d.get("baseline")), as_int(d.get("baseline_year"))
        tg, ty = as_number(d.get("target")), as_int(d.get("target_year"))
        revised = as_int(d.get("definition_revised"))
        have_plan = b is not None and by is not None and tg is not None and ty is not None and ty > by
        t0 = _time(by) if by is not None else None
        t1 = _time(ty) if ty is not None else None
        if have_plan:
            # for the type checker: a plan has all four figures, so both times too
            assert b is not None and by is not None and tg is not None and ty is not None
            assert t0 is not None and t1 is not None
            for year in range(by, ty + 1):
                path_rows.append({"id": ident, "year": year, "time": _time(year), "kind": "plan",
                                  "value": planned_value(b, tg, t0, t1, _time(year), method)})
            path_rows.append({"id": ident, "year": by, "time": t0, "kind": "baseline", "value": b})
            for col, year in sorted(milestones.items(), key=lambda kv: kv[1]):
                v = as_number(d.get(col))
                if v is not None and by < year < ty:
                    path_rows.append({"id": ident, "year": year, "time": _time(year), "kind": "milestone", "value": v})
            path_rows.append({"id": ident, "year": ty, "time": t1, "kind": "target", "value": tg})

        readings: list[tuple[float, float, str, bool, int]] = []
        if obs is not None:
            mine = obs[obs["indicator_id"] == ident]
            for _, o in mine.iterrows():
                t = _time(o["year"], o["quarter"])
                comparable = revised is None or int(o["year"]) >= revised
                value = as_number(o["value"])
                if value is None:
                    continue
                readings.append((t, value, str(o["period"]), comparable, int(o["year"])))
                obs_rows.append({"id": ident, "period": str(o["period"]), "year": int(o["year"]), "time": t,
                                 "value": value, "comparable": comparable})
        readings.sort()
        status_rows.append(_status_row(ident, d, readings, have_plan, b, by, tg, ty, t0, t1, revised, unit,
                                       method, now, obs is not None))

    path = pd.DataFrame(path_rows, columns=["id", "year", "time", "kind", "value"])
    observed_df = pd.DataFrame(obs_rows, columns=["id", "period", "year", "time", "value", "comparable"])
    status = pd.DataFrame(status_rows, columns=_STATUS_COLUMNS)
    return Trajectories(path=path, observed=observed_df, status=status, method=method, today=now,
                        unmatched=unmatched)


def _is_observed(df: Any) -> bool:
    return isinstance(df, pd.DataFrame) and {"indicator_id", "period", "year", "quarter", "value"} <= set(df.columns) \
        and str(df["value"].dtype).startswith("float")


def _status_row(ident, d, readings, have_plan, b, by, tg, ty, t0, t1, revised, unit, method, now, has_obs) -> dict:
    row = {
        "id": ident, "name": as_text(d.get("name")), "objective": as_text(d.get("objective")),
        "level": as_text(d.get("level")), "unit": unit, "baseline": b, "baseline_year": by, "target": tg,
        "target_year": ty, "latest_period": None, "latest_value": None, "expected_now": None,
        "progress_share": None, "status": "no data", "recent_rate": None, "needed_rate": None,
        "pace_multiple": None, "projected": None, "rate_unit": "% a year" if method == "constant rate" else "a year",
        "note": "",
    }
    if not have_plan:
        missing = [w for w, v in (("baseline value", b), ("baseline year", by), ("target value", tg),
                                  ("target year", ty)) if v is None]
        why = ("it has no " + " and no ".join(missing)) if missing else \
            "its target year is not after its baseline year"
        row["note"] = f"No planned path: {why}."
        return row
    comparable = [(t, v, p, y) for t, v, p, ok, y in readings if ok]
    after = [(t, v, p, y) for t, v, p, y in comparable if t > t0 + 1e-9 and t <= now + 1e-9]
    if not has_obs:
        row["note"] = "No readings given."
        return row
    if not after:
        latest_any = max((p for _, _, p, _ in comparable), default=None, key=lambda p: p)
        if comparable:
            lt, lv, lp, _ = comparable[-1]
            row["latest_period"], row["latest_value"] = lp, lv
        since = f"the latest is for {latest_any}" if latest_any else "there are no readings"
        lag = as_number(d.get("lag_years"))
        due = ""
        if lag is not None and lag > 0:
            next_year = max(by, int(str(latest_any)[:4]) if latest_any else by) + 1
            due = (f" With a reporting lag of {years_text(lag)}, the {next_year} value is due around "
                   f"{int(next_year + 1 + lag - 1e-9)}.")
        row["note"] = (f"No reading since the baseline ({by}): {since}.{due} Until then the review cannot tell "
                       "whether the mission moves it.")
        return row
    t, v, p, _ = after[-1]
    row["latest_period"], row["latest_value"] = p, v
    expected = planned_value(b, tg, t0, t1, t, method)
    row["expected_now"] = expected
    direction = 1.0 if tg > b else (-1.0 if tg < b else 0.0)
    recent = [(tt, vv) for tt, vv, _, _ in comparable if t - TREND_WINDOW_YEARS < tt <= t]
    if len(recent) < 2 and not any(abs(tt - t0) < 1e-9 for tt, _ in recent):
        recent.append((t0, b))  # too few readings: the baseline counts as one (it uses the current definition)
    rate = _trend([x for x, _ in recent], [y for _, y in recent], method)
    needed = _needed(v, tg, t, t1, method)
    row["recent_rate"], row["needed_rate"] = rate, needed
    if rate is not None and needed is not None and rate * direction > 0 and needed * direction > 0:
        row["pace_multiple"] = needed / rate
    if rate is not None:
        years_left = t1 - t
        row["projected"] = (v * (1 + rate) ** years_left if method == "constant rate" else v + rate * years_left)

    if direction == 0:
        share = 1.0 if abs(v - tg) <= 1e-9 else 0.0
    else:
        share = (v - b) / (expected - b) if abs(expected - b) > 1e-12 else 1.0
    row["progress_share"] = share
    shortfall = (expected - v) * direction
    noise = _noise(comparable, t0)
    within_noise = noise is not None and shortfall <= noise
    if share >= ON_TRACK_SHARE or shortfall <= 0:
        status = "on track"
    elif share >= AT_RISK_SHARE or within_noise:
        status = "at risk"
    else:
        status = "off track"
    row["status"] = status
    row["note"] = _status_note(row, v, expected, share, rate, needed, direction, noise, within_noise, revised, unit,
                               method, p)
    return row


def _noise(comparable: list, t0: float) -> float | None:
    """The usual year-to-year change before the baseline (standard deviation of annual changes)."""
    annual = [(t, v) for t, v, p, y in comparable if "Q" not in p and t <= t0 + 1e-9]
    if len(annual) < MIN_NOISE_CHANGES + 1:
        return None
    annual.sort()
    changes = [b[1] - a[1] for a, b in zip(annual, annual[1:], strict=False) if abs((b[0] - a[0]) - 1) < 1e-9]
    if len(changes) < MIN_NOISE_CHANGES:
        return None
    return float(np.std(changes, ddof=1))


def _status_note(row, v, expected, share, rate, needed, direction, noise, within_noise, revised, unit, method,
                 period) -> str:
    parts = [f"Latest {format_number(v, unit)} ({period}) against {format_number(expected, unit)} "
             "expected on the plan: "
             f"{share:.0%} of the planned progress." if direction else
             f"Latest {format_number(v, unit)} ({period}); the target is to hold {format_number(row['target'], unit)}."]
    moving_right = rate is not None and rate * direction > 0
    if rate is not None and direction:
        if not moving_right:
            parts.append(f"Its recent trend ({_rate_text(rate, unit, method)}) moves away from the target.")
        elif row["pace_multiple"] is not None and row["pace_multiple"] > 1.5:
            parts.append(f"Improving, but too slowly: {_rate_text(rate, unit, method)} recently, while "
                         f"{_rate_text(needed, unit, method)} is needed from now on "
                         f"({row['pace_multiple']:.1f} times the recent pace).")
        else:
            parts.append(f"Recent pace {_rate_text(rate, unit, method)}; {_rate_text(needed, unit, method)} needed "
                         "from now on.")
    if within_noise and row["status"] == "at risk" and share < AT_RISK_SHARE:
        parts.append(f"The shortfall is within the usual year-to-year change (about {format_number(noise)}), so one "
                     "more reading is needed before calling it off track.")
    if revised is not None:
        parts.append(f"Only values from {revised} on (the new definition) are compared.")
    if method == "constant rate" and not (row["baseline"] > 0 and row["target"] > 0):
        parts.append("A constant rate needs a baseline and a target above zero, so the straight line is used.")
    return " ".join(parts)


def dashboard_summary(result: Trajectories) -> str:
    """The dashboard in a few sentences, computed from the status table."""
    s = result.status
    if s.empty:
        return "There are no indicators to summarise."
    counts = s["status"].value_counts()
    n = len(s)
    parts = [f"{counts.get(k, 0)} {k}" for k in ("on track", "at risk", "off track")]
    nodata = int(counts.get("no data", 0))
    text = f"Of {n} indicators, {parts[0]}, {parts[1]} and {parts[2]}"
    text += f"; {nodata} {'has' if nodata == 1 else 'have'} no reading to judge." if nodata else "."
    wrong = s[(s["status"] == "off track") & s["recent_rate"].notna() & s["pace_multiple"].isna()
              & s["target"].notna()]
    wrong_ids = [rr.id for rr in wrong.itertuples() if rr.recent_rate * (1 if rr.target > rr.baseline else -1) < 0]
    off = s[s["status"] == "off track"].sort_values("progress_share")
    if not off.empty:
        worst = off.iloc[0]
        also = ", and moving the wrong way" if worst["id"] in wrong_ids else ""
        text += (f" Furthest behind{also}: {worst['id']} {shorten(worst['name'], 55)} "
                 f"({worst['progress_share']:.0%} of the planned progress).")
        wrong_ids = [i for i in wrong_ids if i != worst["id"]]
    slow = s[(s["status"] == "off track") & s["pace_multiple"].notna()].sort_values("pace_multiple", ascending=False)
    if not slow.empty:
        r = slow.iloc[0]
        text += (f" Improving but far too slowly: {r['id']} {shorten(r['name'], 55)} needs "
                 f"{r['pace_multiple']:.1f} times its recent pace to reach {format_number(r['target'], r['unit'])} by "
                 f"{r['target_year']}.")
    if wrong_ids:
        names = dict(zip(s["id"], s["name"], strict=False))
        text += " Moving the wrong way: " + ", ".join(f"{i} {shorten(names[i], 55)}" for i in wrong_ids) + "."
    for objective, group in s.groupby("objective", sort=True):
        if not objective:
            continue
        ahead = group[group["level"].isin(["input", "activity"]) & (group["status"] == "on track")]
        behind = group[(group["level"] == "output") & (group["status"] == "off track")]
        if not ahead.empty and not behind.empty:
            label = (f"objective {objective} ({case.OBJECTIVES[objective]['name']})" if objective in case.OBJECTIVES
                     else f"objective {objective}")
            text += (f" On {label}, {', '.join(ahead['id'])} ({ahead.iloc[0]['level']}) is on or ahead of plan "
                     f"while the outputs {', '.join(behind['id'])} are off track: money or effort is going in faster "
                     "than results come out.")
    lagged = s[(s["status"] == "no data") & s["note"].str.startswith("No reading since")]
    if not lagged.empty:
        text += (" No reading since the baseline: " + ", ".join(lagged["id"]) + "; decide what the review will "
                 "look at instead.")
    return text


REAL_PROGRESS_FILE = DATA_DIR / "facts" / "monitoring-real-progress.yml"


class _ProgressEntry(BaseModel):
    """One entry of the YAML file, as written there."""

    model_config = ConfigDict(extra="forbid")
    indicator: str = Field(min_length=1)
    baseline: float
    baseline_when: str = Field(min_length=1)
    latest: float
    latest_when: str = Field(min_length=1)
    target: float
    target_by: str = Field(min_length=1)
    source_keys: list[str] = Field(min_length=1)
    status: str = Field(min_length=1)


@cache
def load_real_progress(path: Path = REAL_PROGRESS_FILE) -> tuple[tuple, ...]:
    """The real targets from their YAML file, checked; a bad file raises MissionkitInputError.

    Each is a tuple: indicator, baseline, its date, latest reading, its date, target, by when,
    source keys (a tuple) and the status of the figures.
    """
    fix = ("Correct that entry in the facts file: each needs indicator, baseline, baseline_when, latest, "
           "latest_when, target, target_by, source_keys, status")
    out = []
    for e in load_facts(path, _ProgressEntry, fix):
        out.append((e.indicator, e.baseline, e.baseline_when, e.latest, e.latest_when, e.target, e.target_by,
                    tuple(e.source_keys), e.status))
    return tuple(out)


REAL_PROGRESS = load_real_progress()
"""Two real targets with a baseline and a later reading (brief 4.5). The readings are secondary."""


def real_progress() -> pd.DataFrame:
    """The real examples of :data:`REAL_PROGRESS` with the share of the baseline-to-target gap closed so far."""
    rows = []
    for name, base, base_when, latest, latest_when, target, by, keys, status in REAL_PROGRESS:
        rows.append({"indicator": name, "baseline": f"{format_number(base)} ({base_when})",
                     "latest": f"{format_number(latest)} ({latest_when})", "target": f"{format_number(target)}, {by}",
                     "gap closed so far": f"{gap_closed(base, latest, target):.0%}",
                     "source": "; ".join(cites_full(*keys)), "status of the figures": status})
    return pd.DataFrame(rows)


def gap_closed(baseline: float, latest: float, target: float) -> float:
    """Share of the baseline-to-target gap closed by the latest reading (0 = none, 1 = all)."""
    b, v, t = as_number(baseline), as_number(latest), as_number(target)
    if b is None or v is None or t is None or t == b:
        raise MissionkitInputError("The gap needs a baseline, a latest value and a target that differs from the "
                                   "baseline", fix="Give three numbers, for example gap_closed(58.8, 61.7, 92)")
    return (v - b) / (t - b)
