"""Module 08: synthetic portfolios for the tests and the benchmark (benchmarks/bench_portfolio.py).

Log-normal budgets, Zipf-distributed lead actors and titles drawn from a small
vocabulary, with the case's columns; nothing here is real. Domain logic only.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from missionkit import case
from missionkit.portfolio.load import PORTFOLIO_SPEC, portfolio_fields
from missionkit.portfolio.model import Portfolio
from missionkit.portfolio.vocabulary import DECISIONS, HORIZONS, INSTRUMENTS, NOVELTY, RISKS, STATUSES


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


def portfolio_from_typed(frame: pd.DataFrame, objectives: Mapping[str, str] | None = None,
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
    return Portfolio(**portfolio_fields(df, file=None, objectives=objectives, mission_start_year=mission_start_year,
                                        policies=policies, unit=unit))
