"""Module 11 charts: the readiness profile and the donor landscape (Marenta is FICTIONAL).

Each builder returns a :class:`missionkit.charts.Figure`: an altair chart plus
a takeaway computed from the data.

* :func:`profile_chart`: a dot-and-range chart (a radar chart is hard to read
  and hard to draw in Vega-Lite): one row per dimension, each assessor's score
  as a dot, the range from lowest to highest as a line (the assessors'
  spread), and the median as a large diamond coloured by its signal;
* :func:`donor_heatmap`: objectives x instruments, coloured by the number of
  funders, labelled with the money (split evenly across each funder's
  objectives); an objective nobody funds is named as such;
* :func:`donor_money_chart`: money by funder, largest first (concentration).
"""
from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from missionkit.charts import PALETTE, ChartError, Figure, fictional_suffix, finish
from missionkit.readiness.donors import donor_landscape, objective_label
from missionkit.readiness.load import scores_frame
from missionkit.readiness.profile import ReadinessProfile, readiness_profile
from missionkit.readiness.scorecard import DIMENSION_CODES, INSTRUMENTS, dimension_label

__all__ = ["profile_chart", "donor_heatmap", "donor_money_chart", "SIGNAL_COLOURS"]

SIGNAL_COLOURS = {"stop and fix": PALETTE[3], "weakest": PALETTE[1], "other": PALETTE[0]}
SIGNAL_LABELS = {"stop and fix": "Stop and fix (R2 or R3 at 0-1)", "weakest": "Weakest (lowest median)",
                 "other": "Other dimensions"}
INSTRUMENT_COLOURS = dict(zip(INSTRUMENTS, [PALETTE[0], PALETTE[3], PALETTE[4], PALETTE[1]], strict=False))
GREY = "#888888"
PLOT_WIDTH = 400


def profile_chart(scores: Any, *, title: str = "Readiness profile", subtitle: str | None = None,
                  scores_table: pd.DataFrame | None = None, leave_out: str | None = None) -> Figure:
    """Each dimension's median, the assessors' scores and their spread, on the 0-4 scale.

    ``scores``: the long scores table, a dict per assessor, or a
    :class:`~missionkit.readiness.profile.ReadinessProfile` (then give the long table
    as ``scores_table`` to draw each assessor's dot). ``leave_out``: an
    assessor to drop, to see how much one person moves the profile.
    """
    if isinstance(scores, ReadinessProfile):
        p = scores
        long = scores_frame(scores_table) if scores_table is not None else None
    else:
        long = scores_frame(scores)
        p = readiness_profile(long, leave_out=leave_out)
        if leave_out:
            long = long[long["assessor"] != leave_out]
    t = p.table.dropna(subset=["median"])
    if t.empty:
        raise ChartError("Nothing to chart: no dimension has a score yet.")
    order = [dimension_label(c) for c in DIMENSION_CODES]
    rows = []
    for code, r in t.iterrows():
        kind = "stop and fix" if code in p.stop_and_fix else ("weakest" if code in p.weakest else "other")
        rows.append({"dimension": dimension_label(code), "median": float(r["median"]),
                     "lowest": int(r["lowest"]), "highest": int(r["highest"]), "spread": int(r["spread"]),
                     "scores": r["scores"], "signal": SIGNAL_LABELS[kind],
                     "label": f"median {r['median']:g}" + (": stop and fix" if kind == "stop and fix" else "")})
    summary = pd.DataFrame(rows)
    y = alt.Y("dimension:N", sort=order, title=None, scale=alt.Scale(domain=order),
              axis=alt.Axis(labelLimit=340))
    x_scale = alt.Scale(domain=[0, 4], nice=False)
    x = alt.X("median:Q", title="Score (0 = absent, 4 = strong)", scale=x_scale,
              axis=alt.Axis(values=[0, 1, 2, 3, 4], format="d"))
    tooltip = [alt.Tooltip("dimension:N", title="Dimension"), alt.Tooltip("median:Q", title="Median"),
               alt.Tooltip("scores:N", title="Scores"), alt.Tooltip("spread:Q", title="Spread (max - min)")]
    rng = alt.Chart(summary).mark_rule(strokeWidth=3, color=GREY).encode(
        y=y, x=alt.X("lowest:Q", scale=x_scale, title="Score (0 = absent, 4 = strong)"), x2="highest:Q",
        tooltip=tooltip)
    used = [SIGNAL_LABELS[k] for k in SIGNAL_COLOURS if SIGNAL_LABELS[k] in set(summary["signal"])]
    colours = [SIGNAL_COLOURS[k] for k in SIGNAL_COLOURS if SIGNAL_LABELS[k] in used]
    med = alt.Chart(summary).mark_point(shape="diamond", size=300, filled=True, opacity=0.9).encode(
        y=y, x=x, color=alt.Color("signal:N", title="Median", scale=alt.Scale(domain=used, range=colours),
                                  legend=alt.Legend(orient="bottom", direction="vertical")),
        tooltip=tooltip)
    labels = alt.Chart(summary).mark_text(align="left", fontSize=12, color="#222222").encode(
        y=y, x=alt.value(PLOT_WIDTH + 16), text="label:N")
    layers = [rng, med, labels]
    n = len(p.assessors)
    if long is not None and len(long):
        dots = long.assign(dimension=long["dimension"].map(dimension_label))
        dots = dots[dots["dimension"].isin(set(summary["dimension"]))]
        shapes = ["circle", "square", "triangle-up", "cross", "triangle-down", "diamond"]
        assessors = list(dict.fromkeys(dots["assessor"]))
        layers.insert(2, alt.Chart(dots).mark_point(size=70, filled=False, strokeWidth=1.6, color="#333333").encode(
            y=y, x=alt.X("score:Q", scale=x_scale),
            yOffset=alt.YOffset("assessor:N", sort=assessors, scale=alt.Scale(paddingOuter=0.5)),
            shape=alt.Shape("assessor:N", title="Assessor", sort=assessors,
                            scale=alt.Scale(domain=assessors, range=[shapes[i % len(shapes)]
                                                                     for i in range(len(assessors))]),
                            legend=alt.Legend(orient="bottom", direction="vertical")),
            tooltip=[alt.Tooltip("assessor:N", title="Assessor"), alt.Tooltip("dimension:N", title="Dimension"),
                     alt.Tooltip("score:Q", title="Score"), alt.Tooltip("evidence:N", title="Evidence")]))
    takeaway = p.takeaway()
    detail = "; ".join(f"{r.dimension}: median {r.median:g}, scores {r.scores}" for r in summary.itertuples())
    who = "one assessor" if n == 1 else f"{n} assessors"
    tag = fictional_suffix(scores) or (fictional_suffix(scores_table) if scores_table is not None else "")
    description = (f"Dot-and-range chart of readiness scores{tag} on eight dimensions, 0 to 4, by {who}. "
                   "Each line runs from the lowest to the highest score; the diamond is the median. "
                   f"{detail}. {takeaway}")
    chart = finish(alt.layer(*layers).properties(width=PLOT_WIDTH, height=36 * len(order))
                   .resolve_scale(color="independent", shape="independent"),
                   title=title + tag, description=description,
                   subtitle=subtitle or "Diamond: median. Line: lowest to highest score (the assessors' spread).")
    return Figure(chart, takeaway)


def donor_heatmap(donors: pd.DataFrame | None = None, *, objectives=None,
                  title: str = "Who funds what, and how") -> Figure:
    """Objectives x instruments: how many funders, and how much money (split evenly across objectives)."""
    land = donor_landscape(donors, objectives)
    m = land.matrix.copy()
    if m["funders"].sum() == 0:
        raise ChartError("Nothing to chart: no funder names any objective.")
    money = land.unit.split()[0]
    gaps = set(land.gaps)
    m["column"] = m.apply(lambda r: r.objective_label + ("|(no funder)" if r.objective in gaps else ""), axis=1)
    cols = list(dict.fromkeys(m["column"]))
    m["count_text"] = [("no funder" if o in gaps else "") if n == 0 else f"{n} funder{'s' if n > 1 else ''}"
                       for o, n in zip(m["objective"], m["funders"], strict=False)]
    m["money_text"] = m["money"].map(lambda v: "" if v == 0 else f"{money} {v:,.1f}m")
    m["shade"] = m["funders"].map(lambda n: "none" if n == 0 else str(n))
    m["ink"] = ["light" if n >= 3 else ("gap" if o in gaps else "dark")
                for o, n in zip(m["objective"], m["funders"], strict=False)]
    y = alt.Y("instrument:N", title=None, sort=list(INSTRUMENTS))
    x = alt.X("column:N", title=None, sort=cols, axis=alt.Axis(labelAngle=0, orient="top", labelLimit=120,
                                                                  labelExpr="split(datum.label, '|')"))
    levels = sorted({int(n) for n in m["funders"] if n > 0})
    blues = ["#DCEAF6", "#9ECAE1", "#4A98C9", "#1F5F99", "#0B3A66"]
    domain = ["none"] + [str(n) for n in levels]
    rangec = ["#F2F2F2"] + [blues[min(n - 1, len(blues) - 1)] for n in levels]
    tooltip = [alt.Tooltip("objective_label:N", title="Objective"), alt.Tooltip("instrument:N", title="Instrument"),
               alt.Tooltip("funders:Q", title="Funders"), alt.Tooltip("money:Q", title=f"Money ({land.unit})",
                                                                       format=",.1f"),
               alt.Tooltip("names:N", title="Who")]
    rect = alt.Chart(m).mark_rect(stroke="white", strokeWidth=2).encode(
        x=x, y=y, color=alt.Color("shade:N", title="Funders", scale=alt.Scale(domain=domain, range=rangec),
                                  sort=domain, legend=alt.Legend(orient="bottom", direction="horizontal",
                                                                 labelExpr="datum.label == 'none' ? '0' : "
                                                                           "datum.label")),
        tooltip=tooltip)
    ink = alt.Color("ink:N", scale=alt.Scale(domain=["dark", "light", "gap"], range=["#111111", "#FFFFFF", "#B34700"]),
                    legend=None)
    count = alt.Chart(m).mark_text(dy=-8, fontSize=12, fontWeight="bold").encode(x=x, y=y, text="count_text:N",
                                                                                 color=ink)
    amount = alt.Chart(m).mark_text(dy=9, fontSize=11).encode(x=x, y=y, text="money_text:N", color=ink)
    takeaway = land.takeaway()
    cells = "; ".join(f"{r.objective_label}, {r.instrument}: {r.funders} funders, {money} {r.money:,.1f}m"
                      for r in m.itertuples() if r.funders)
    gap_text = f" No funder: {', '.join(objective_label(o) for o in land.gaps)}." if land.gaps else ""
    tag = " (FICTIONAL)" if donors is None else fictional_suffix(donors)
    description = (f"Heat map of {len(land.donors)} funders{tag} by mission objective and instrument. {cells}."
                   f"{gap_text} {takeaway}")
    chart = finish(alt.layer(rect, count, amount).properties(width=120 * len(cols), height=72 * 4)
                   .resolve_scale(color="independent"),
                   title=title + tag, description=description,
                   subtitle=f"Number of funders per cell; money in {land.unit}, split evenly across each funder's "
                            "objectives")
    return Figure(chart, takeaway)


def donor_money_chart(donors: pd.DataFrame | None = None, *, top: int = 2,
                      title: str = "Donor money by funder") -> Figure:
    """Money committed by each funder, largest first, coloured by instrument; the takeaway gives concentration."""
    land = donor_landscape(donors, top=top)
    d = land.donors.sort_values("amount", ascending=False, kind="stable")
    if d.empty or d["amount"].sum() <= 0:
        raise ChartError("Nothing to chart: no donor money.")
    money = land.unit.split()[0]
    total = float(d["amount"].sum())
    d = d.assign(share=d["amount"] / total,
                 label=[f"{money} {a:,.1f}m ({a / total:.0%})" if a / total >= 0.01 else f"{money} {a:,.1f}m"
                        for a in d["amount"]],
                 objectives_text=d["objectives"].map(lambda t: ", ".join(t) or "none"))[
        ["funder", "funder_type", "instrument", "amount", "share", "label", "objectives_text"]]
    order = list(d["funder"])
    used = [i for i in INSTRUMENTS if i in set(d["instrument"])]
    y = alt.Y("funder:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    bars = alt.Chart(d).mark_bar().encode(
        y=y, x=alt.X("amount:Q", title=f"Committed ({land.unit})"),
        color=alt.Color("instrument:N", title="Instrument", scale=alt.Scale(
            domain=used, range=[INSTRUMENT_COLOURS[i] for i in used]), legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("funder:N", title="Funder"), alt.Tooltip("funder_type:N", title="Type"),
                 alt.Tooltip("instrument:N", title="Instrument"),
                 alt.Tooltip("amount:Q", title=f"Amount ({land.unit})", format=",.1f"),
                 alt.Tooltip("objectives_text:N", title="Objectives")])
    text = alt.Chart(d).mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        y=y, x="amount:Q", text="label:N")
    takeaway = land.concentration.sentence(land.unit)
    tag = " (FICTIONAL)" if donors is None else fictional_suffix(donors)
    description = (f"Bar chart of donor money by funder{tag}, largest first. "
                   + "; ".join(f"{r.funder} ({r.instrument}): {money} {r.amount:,.1f}m" for r in d.itertuples())
                   + ". " + takeaway)
    chart = finish(alt.layer(bars, text).properties(width=380, height=24 * len(d)), title=title + tag,
                   description=description, subtitle="Whole commitments over each funder's period")
    return Figure(chart, takeaway)
