"""Portfolio analysis at scale: time every analysis method of missionkit.portfolio.

    python benchmarks/bench_portfolio.py            # 1k, 10k and 100k projects
    python benchmarks/bench_portfolio.py --sizes 1000 10000
    python benchmarks/bench_portfolio.py --with-load # also time reading 100k rows through read_table

Builds synthetic portfolios (missionkit.portfolio.synthetic.synthetic_frame: log-normal
budgets, Zipf-distributed lead actors, a 100-policy inventory for the
relabelling check), times each method (median of 3 runs), prints a scaling
table, and exits with status 1 if any analysis method takes more than 2 s at
100,000 projects. A benchmark, not a timed test: run it on a quiet machine.

Loading (read_table, which checks every cell and explains bad ones in plain
words) is shown for information and is not gated: participants load tens or
hundreds of projects, not 100,000.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from missionkit import case  # noqa: E402
from missionkit.portfolio import (  # noqa: E402
    load_portfolio,
    portfolio_from_typed,
    synthetic_frame,
    synthetic_policies,
)

SIZES = (1_000, 10_000, 100_000)
LIMIT_SECONDS = 2.0
GATED_SIZE = 100_000
REPEATS = 3


def methods(p) -> dict:
    """Every analysis method, with the arguments a lesson uses."""
    return {
        "summary": p.summary,
        "objective_table": p.objective_table,
        "coverage(count)": lambda: p.coverage("count"),
        "coverage(budget)": lambda: p.coverage("budget"),
        "balance(all dimensions)": p.balance,
        "concentration(lead_actor)": lambda: p.concentration("lead_actor", 3),
        "concentration_table": p.concentration_table,
        "funding_ratio": p.funding_ratio,
        "under_covered": p.under_covered,
        "gaps": p.gaps,
        "projects_without_objective": p.projects_without_objective,
        "relabelling(with inventory)": p.relabelling,
        "flags": p.flags,
        "decision_counts": lambda: p.decision_counts("2025-Q4"),
        "review(round 2)": lambda: p.review({p.projects["project_id"].iloc[0]: "sunset"}, "2026-Q4"),
        "rebalance(min 10%, cap 30%)": lambda: p.rebalance(min_share=0.1, actor_cap=0.3),
    }


def median_time(fn, repeats: int = REPEATS, reset=None) -> tuple[float, float]:
    """Median wall time and median CPU time of ``repeats`` calls; ``reset`` runs (untimed) before each,
    so every call is cold."""
    walls, cpus = [], []
    for _ in range(repeats):
        if reset is not None:
            reset()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def build(n: int):
    frame = synthetic_frame(n, seed=n)
    return frame, portfolio_from_typed(frame, objectives={f"O{i}": f"Objective {i}" for i in range(1, 6)},
                                        mission_start_year=case.MISSION_ADOPTED.year,
                                        policies=synthetic_policies(100))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=list(SIZES))
    parser.add_argument("--with-load", action="store_true", help="also time read_table at the largest size")
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    results: dict[str, dict[int, float]] = {}
    cpu: dict[str, float] = {}
    for n in sizes:
        start = time.perf_counter()
        frame, p = build(n)
        build_s = time.perf_counter() - start
        print(f"{n:>7,} projects: built in {build_s:.2f} s", flush=True)
        for name, fn in methods(p).items():
            wall, used = median_time(fn, reset=p._cache.clear)  # cleared: no cached title words
            results.setdefault(name, {})[n] = wall
            if n == sizes[-1]:
                cpu[name] = used
        if n <= 10_000 or args.with_load:
            load = "load_portfolio (read_table; not gated)"
            wall, used = median_time(lambda frame=frame: load_portfolio(frame), 1 if n > 10_000 else 3)
            results.setdefault(load, {})[n] = wall
            if n == sizes[-1]:
                cpu[load] = used
    width = max(len(k) for k in results) + 2
    head = "method".ljust(width) + "".join(f"{n:>12,}" for n in sizes)
    if len(sizes) > 1:
        head += f"{'x per 10x':>12}"
    head += f"{'CPU at ' + format(sizes[-1], ','):>16}"
    print()
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Median of 3 cold runs, wall-clock seconds (CPU seconds in the last column); load average "
          f"{load_avg:.1f} on {os.cpu_count()} cores")
    print(head)
    print("-" * len(head))
    failed = []
    for name, row in results.items():
        line = name.ljust(width) + "".join(f"{row[n]:>12.4f}" if n in row else f"{'-':>12}" for n in sizes)
        if len(sizes) > 1 and sizes[-1] in row and sizes[-2] in row and row[sizes[-2]] > 0:
            growth = (row[sizes[-1]] / row[sizes[-2]]) ** (1 / max(1e-9, math.log10(sizes[-1] / sizes[-2])))
            line += f"{growth:>12.1f}"
        line += f"{cpu[name]:>16.4f}" if name in cpu else f"{'-':>16}"
        gated = "not gated" not in name
        if gated and GATED_SIZE in row and row[GATED_SIZE] > LIMIT_SECONDS:
            failed.append(f"{name} ({row[GATED_SIZE]:.2f} s)")
            line += "   over 2 s"
        print(line)
    print()
    if GATED_SIZE not in sizes:
        print(f"No {GATED_SIZE:,}-project run: the 2 s limit was not checked.")
        return 0
    if failed:
        print(f"FAILED: over {LIMIT_SECONDS:.0f} s at {GATED_SIZE:,} projects: " + ", ".join(failed))
        return 1
    print(f"OK: every analysis method takes under {LIMIT_SECONDS:.0f} s at {GATED_SIZE:,} projects.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
