"""How well does missionkit.framing.statements read the labelled mission statements?

Run from the project root:

    .venv/bin/python benchmarks/framing_report.py            # figures for both halves
    .venv/bin/python benchmarks/framing_report.py --misses   # also list tuning-half misses

The statements were labelled first, then split at random (seed 20261115):
tests/data/statements.csv is the tuning half (rules were tuned on it) and
tests/data/statements_heldout.csv is the held-out half (never used for
tuning). The held-out figures are the honest ones. Held-out misses are listed
only with --show-heldout-misses, and looking at them spoils the held-out half
for later tuning: if you do, say so, and label fresh statements.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from missionkit.framing.statements import assess_statement  # noqa: E402

DATA = ROOT / "tests" / "data"
HALVES = {"tuning": DATA / "statements.csv", "held-out": DATA / "statements_heldout.csv"}


def load(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    df["deadline"] = df["expected_deadline"].map(lambda v: int(v) if v else None)
    for col in ("expected_quantified", "is_weak", "lacks_target_or_deadline"):
        df[col] = df[col].map({"true": True, "false": False})
    return df


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:6.1%}" if den else f"{num}/{den} =    n/a"


def evaluate(df: pd.DataFrame) -> tuple[list[tuple[str, int, int]], dict[str, list[str]], float]:
    """Figures as (label, numerator, denominator), misses by measure, ms per statement."""
    t0 = time.perf_counter()
    res = {r.id: assess_statement(r.text) for r in df.itertuples()}
    ms = (time.perf_counter() - t0) * 1000 / max(len(df), 1)
    got_d = {i: a.deadline for i, a in res.items()}
    got_q = {i: a.quantified for i, a in res.items()}
    met = {i: a.criteria["directed"].status == "met" for i, a in res.items()}
    warned = {i: bool(a.warnings) or not met[i] for i, a in res.items()}

    has_d = df[df["deadline"].notna()]
    no_d = df[df["deadline"].isna()]
    pos = df[df["expected_quantified"]]
    neg = df[~df["expected_quantified"]]
    weak_lacks = df[df["is_weak"] & df["lacks_target_or_deadline"]]
    weak = df[df["is_weak"]]
    strong = df[~df["lacks_target_or_deadline"]]

    deadline_right = [r.id for r in has_d.itertuples() if got_d[r.id] == r.deadline]
    said_deadline = [r.id for r in df.itertuples() if got_d[r.id] is not None]
    said_right = [i for i in said_deadline if got_d[i] == df.set_index("id").at[i, "deadline"]]
    false_deadline = [r.id for r in no_d.itertuples() if got_d[r.id] is not None]
    tp = [r.id for r in pos.itertuples() if got_q[r.id]]
    fp = [r.id for r in neg.itertuples() if got_q[r.id]]
    weak_ok = [r.id for r in weak_lacks.itertuples() if not met[r.id]]
    weak_flagged = [r.id for r in weak.itertuples() if warned[r.id]]
    strong_met = [r.id for r in strong.itertuples() if met[r.id]]

    figures = [
        ("statements", len(df), len(df)),
        ("deadline right, where there is one (recall)  [floor 95%]",
         len(deadline_right), len(has_d)),
        ("deadline given and right (precision)", len(said_right), len(said_deadline)),
        ("deadline invented where there is none", len(false_deadline), len(no_d)),
        ("quantified found, where there is a target (recall) [floor 90%]", len(tp), len(pos)),
        ("quantified=True and right (precision)", len(tp), len(tp) + len(fp)),
        ("false quantified, where there is no target  [ceiling 10%]", len(fp), len(neg)),
        ("weak & lacking target/deadline not rated 'met' on C2 [floor 90%]",
         len(weak_ok), len(weak_lacks)),
        ("weak statements with a warning or C2 below 'met'", len(weak_flagged), len(weak)),
        ("statements with target and deadline rated 'met' on C2", len(strong_met), len(strong)),
    ]
    misses = {
        "deadline": sorted(set(has_d["id"]) - set(deadline_right)),
        "invented deadline": false_deadline,
        "quantified missed": sorted(set(pos["id"]) - set(tp)),
        "false quantified": fp,
        "weak rated met": sorted(set(weak_lacks["id"]) - set(weak_ok)),
    }
    return figures, misses, ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses on the tuning half")
    parser.add_argument(
        "--show-heldout-misses",
        action="store_true",
        help="also list held-out misses (spoils the held-out half for tuning)",
    )
    args = parser.parse_args(argv)
    for half, path in HALVES.items():
        df = load(path)
        figures, misses, ms = evaluate(df)
        print(f"\n== {half} half: {path.relative_to(ROOT)} ==")
        for label, num, den in figures:
            if label == "statements":
                print(f"  {label}: {num}   ({ms:.2f} ms per statement)")
            else:
                print(f"  {label:<68} {_ratio(num, den)}")
        show = args.misses if half == "tuning" else args.show_heldout_misses
        if show:
            for name, ids in misses.items():
                if ids:
                    rows = df.set_index("id").loc[ids, "text"]
                    print(f"  misses, {name}:")
                    for i, text in rows.items():
                        print(f"    {i}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
