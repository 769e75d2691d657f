"""Module 05 charts: a governance design drawn as a RACI heat map, and body sizes against real benchmarks.

Each builder returns a :class:`missionkit.charts.Figure` whose takeaway is
computed from the design, never typed in.
"""
from __future__ import annotations

import re

import altair as alt
import pandas as pd

from missionkit import case
from missionkit.charts import PALETTE, WIDTH, ChartError, Figure, fictional_suffix, finish
from missionkit.governance import design as governance
from missionkit.text import and_list

__all__ = ["short_name", "raci_heatmap", "body_sizes_chart", "raci_takeaway"]

ROLE_ORDER = ["A", "A/R", "R", "C", "I", ""]
ROLE_LABELS = {
    "A": "A: accountable (owner)",
    "A/R": "A/R: owner that also holds budget",
    "R": "R: holds mission budget for it",
    "C": "C: in a forum with the owner",
    "I": "I: on the board only",
    "": "no role",
}
ROLE_COLOURS = {"A": "#0072B2", "A/R": "#004B75", "R": "#E69F00", "C": "#56B4E9", "I": "#E3E3E3", "": "#FFFFFF"}


def short_name(name: str) -> str:
    """'Marenta Innovation Agency (MIA)' -> 'MIA'; 'Kessa City Government' -> 'Kessa city'."""
    text = str(name).strip()
    m = re.search(r"\(([A-Za-z]{2,8})\)\s*$", text)
    if m:
        return m.group(1)
    if text.endswith(" City Government"):
        return text[: -len(" City Government")] + " city"
    return text


PROPOSAL_NOTE = ("These letters are the tool's proposal, read off the design: the organisations concerned negotiate "
                 "and agree the roles.")
"""Said with every RACI takeaway: a RACI records agreed roles, so the tool proposes and the owners decide."""


def raci_takeaway(design, objectives=None, budget_holders=None) -> str:
    """One sentence on the design's ownership and co-ordination gaps, computed from it."""
    d = governance.as_design(design)
    table = governance.raci_matrix(d, objectives, budget_holders)
    holders = d.budget_holders if budget_holders is None else governance.GovernanceDesign(
        budget_holders=budget_holders).budget_holders
    no_owner = [c for c in table.columns if not table[c].isin(["A", "A/R"]).any()]
    outside = [n for n in holders if not d.forums_of(n)]
    parts = []
    if no_owner:
        labels = [case.OBJECTIVES.get(c, {}).get("name") for c in no_owner]
        named = [f"{c} {n}" if n else c for c, n in zip(no_owner, labels, strict=False)]
        parts.append(f"{and_list(named)} {'has' if len(named) == 1 else 'have'} nobody accountable (no A)")
    if outside:
        parts.append(f"{len(outside)} of the {len(holders)} organisations that hold mission budget sit in no "
                     "co-ordination forum")
    if not parts:
        return ("Every objective has one accountable owner, and every organisation that holds mission budget sits in "
                "a co-ordination forum. " + PROPOSAL_NOTE)
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + ". " + PROPOSAL_NOTE


def raci_heatmap(design, objectives=None, budget_holders=None, compact: bool = False) -> Figure:
    """Organisations x objectives, each cell the role the tool proposes: A, A/R, R, C, I (our proposal, for
    the organisations concerned to negotiate and agree; not a decision).

    ``compact`` drops the per-cell tooltips and labels (for static SVG inside a
    form, where the figure's description and takeaway carry the content).
    """
    table = governance.raci_matrix(design, objectives, budget_holders)
    if table.empty:
        raise ChartError("Nothing to chart: the design names no owners, budget holders or members.")
    long = table.reset_index().melt(id_vars="organisation", var_name="objective", value_name="role")
    long["who"] = long["organisation"].map(short_name)
    long["objective name"] = long["objective"].map(
        lambda c: f"{c} {case.OBJECTIVES[c]['name']}" if c in case.OBJECTIVES else c)
    long["meaning"] = long["role"].map(ROLE_LABELS)
    takeaway = raci_takeaway(design, objectives, budget_holders)
    cols = list(dict.fromkeys(long["objective name"]))
    rows = list(dict.fromkeys(long["who"]))
    present = [r for r in ROLE_ORDER if r in set(long["role"])]
    base = alt.Chart(long).encode(
        x=alt.X("objective name:N", sort=cols, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("who:N", sort=rows, title=None),
    )
    rect = base.mark_rect(stroke="#BBBBBB", strokeWidth=0.5, aria=not compact).encode(
        color=alt.Color("meaning:N", title="Role", legend=alt.Legend(orient="bottom", columns=2),
                        scale=alt.Scale(domain=[ROLE_LABELS[r] for r in present],
                                        range=[ROLE_COLOURS[r] for r in present])),
    )
    if not compact:
        rect = rect.encode(tooltip=[alt.Tooltip("organisation:N", title="Organisation"),
                                    alt.Tooltip("objective name:N", title="Objective"),
                                    alt.Tooltip("meaning:N", title="Role")])
    text = base.mark_text(fontSize=12, fontWeight="bold", aria=False).encode(
        text="role:N",
        color=alt.condition(alt.FieldOneOfPredicate(field="role", oneOf=["A", "A/R"]), alt.value("white"),
                            alt.value("#111111")),
    )
    tag = fictional_suffix(design)
    description = (f"Heat map of organisations (rows) by objectives (columns){tag}; each cell is the role the tool "
                   "proposes for the organisation, to be negotiated and agreed: A accountable owner, R holds mission "
                   "budget for it, C sits in a forum with the owner, I sits on the board only. " + takeaway)
    chart = finish(alt.layer(rect, text).properties(width=90 * len(cols), height=24 * len(rows)),
                   title="Who does what for each objective: a proposed RACI" + tag,
                   subtitle="Read off the design for the owners to negotiate and agree. A accountable, R responsible "
                            "(holds budget), C consulted, I informed",
                   description=description)
    return Figure(chart, takeaway)


def _kind(name: str, design) -> str:
    kind = design.body(name).type
    return {"mission board": "board", "mission assembly": "assembly"}.get(kind, kind)


def body_sizes_chart(design) -> Figure:
    """The board, assembly and mission team against real sizes: EU caps 15 and 30, German teams 10-15."""
    d = governance.as_design(design)
    rows = []
    for body in d.bodies:
        if body.type == "mission board":
            rows.append({"body": body.name, "size": body.size, "low": 0, "high": governance.EU_BOARD_CAP,
                         "benchmark": f"EU cap: {governance.EU_BOARD_CAP}"})
        elif body.type == "mission assembly":
            rows.append({"body": body.name, "size": body.size, "low": 0, "high": governance.EU_ASSEMBLY_CAP,
                         "benchmark": f"EU cap: {governance.EU_ASSEMBLY_CAP}"})
        elif body.type == "mission team" and body.size:
            lo, hi = governance.TEAM_BENCHMARK
            rows.append({"body": body.name, "size": body.size, "low": lo, "high": hi,
                         "benchmark": f"German teams: {lo}-{hi}"})
    if not rows:
        raise ChartError("Nothing to chart: the design has no board, assembly or mission team with a size.")
    df = pd.DataFrame(rows)
    df["within"] = (df["size"] >= df["low"]) & (df["size"] <= df["high"])
    df["status"] = df["within"].map({True: "within the benchmark", False: "outside the benchmark"})
    df["label"] = df.apply(lambda r: f"{r['size']} ({r['benchmark']})", axis=1)
    inside = df[df.within]
    outside = df[~df.within]
    bits = [f"the {_kind(r.body, d)} ({r.size})" for r in inside.itertuples()]
    takeaway = ""
    if len(inside):
        takeaway = (f"{and_list(bits)} {'is' if len(bits) == 1 else 'are'} within the real benchmarks")
    if len(outside):
        out_bits = [f"the {_kind(r.body, d)} has {r.size} ({r.benchmark})"
                    for r in outside.itertuples()]
        takeaway += ("; but " if takeaway else "") + and_list(out_bits)
    takeaway = takeaway[0].upper() + takeaway[1:] + "."
    order = list(df["body"])
    band = alt.Chart(df).mark_bar(color="#E3E3E3", height=26).encode(
        y=alt.Y("body:N", sort=order, title=None), x=alt.X("low:Q", title="Members"), x2="high:Q")
    bars = alt.Chart(df).mark_bar(height=12).encode(
        y=alt.Y("body:N", sort=order), x="size:Q",
        color=alt.Color("status:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=["within the benchmark", "outside the benchmark"],
                                        range=[PALETTE[0], PALETTE[3]])),
        tooltip=[alt.Tooltip("body:N", title="Body"), alt.Tooltip("size:Q", title="Members"),
                 alt.Tooltip("benchmark:N", title="Benchmark")],
    )
    text = alt.Chart(df).mark_text(align="left", dx=6, color="#222222", aria=False).encode(
        y=alt.Y("body:N", sort=order), x=alt.X("max_x:Q"), text="label:N",
    ).transform_calculate(max_x="max(datum.size, datum.high)")
    tag = fictional_suffix(design)
    description = (f"Bar chart of body sizes{tag} against real benchmarks (grey band: the EU cap or the German range). "
                   + "; ".join(f"{r.body}: {r.size}, {r.benchmark}" for r in df.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(band, bars, text).properties(width=WIDTH - 200, height=60 * len(df)),
                   title=("Marenta's body sizes (FICTIONAL) against real benchmarks" if tag
                          else "Body sizes against real benchmarks"),
                   subtitle="Grey band: EU caps for boards and assemblies; German mission teams for the team",
                   description=description)
    return Figure(chart, takeaway)
