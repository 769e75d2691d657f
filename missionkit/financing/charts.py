"""Module 09 charts: money by year, spending against plan, capital and operating (Marenta is FICTIONAL).

Each builder returns a :class:`missionkit.charts.Figure`: an altair chart plus a takeaway computed from
the data.

* :func:`money_by_year`: planned money per year, stacked by objective (or by capital and operating for
  one objective), with a line at the milestone year;
* :func:`execution_chart`: the share of its plan each budget holder spent so far, lowest first;
* :func:`capital_operating_chart`: capital and operating money per project of one objective.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from missionkit import case
from missionkit.charts import PALETTE, ChartError, Figure, fictional_suffix, finish
from missionkit.financing.budget import (
    MILESTONE_YEAR,
    SPENT_YEARS,
    capital_and_operating,
    execution,
    timing,
)
from missionkit.text import money, pct

__all__ = ["money_by_year", "execution_chart", "capital_operating_chart", "KIND_COLOURS"]

KIND_COLOURS = {"capital": PALETTE[0], "operating": PALETTE[1]}


def _lines(lines: pd.DataFrame | None) -> pd.DataFrame:
    return case.load("budget_lines") if lines is None else lines


def _label(objective: str | None) -> str:
    if objective is None:
        return "the whole mission"
    info = case.OBJECTIVES.get(objective)
    return f"{objective} {info['name']}" if info else objective


def money_by_year(lines: pd.DataFrame | None = None, objective: str | None = None, *,
                  milestone: int = MILESTONE_YEAR, title: str | None = None) -> Figure:
    """Planned money per year; a rule marks the milestone year. One objective: stacked capital and operating."""
    d = _lines(lines)
    tag = fictional_suffix(d)
    part = d if objective is None else d[d["objective"] == objective]
    if part.empty:
        raise ChartError(f"Nothing to chart: no budget line for {_label(objective)}.")
    colour_by = "objective" if objective is None else "spending_type"
    g = part.groupby(["year", colour_by], as_index=False)["planned_mrc_m"].sum()
    if objective is None:
        domain = [o for o in case.OBJECTIVE_IDS if o in set(g["objective"])]
        colour = alt.Color("objective:N", title="Objective", scale=alt.Scale(domain=domain,
                                                                             range=PALETTE[:len(domain)]))
    else:
        domain = [k for k in KIND_COLOURS if k in set(g["spending_type"])]
        colour = alt.Color("spending_type:N", title="Spending", scale=alt.Scale(
            domain=domain, range=[KIND_COLOURS[k] for k in domain]))
    t = timing(part, milestone=milestone)
    takeaway = (f"{money(t['after'])} of the {money(t['total'])} planned for {_label(objective)} "
                f"({pct(t['share_after'])}) comes after {milestone}, the year of the milestones: money planned "
                "later cannot help meet them.")
    years = sorted(set(g["year"]))
    bars = alt.Chart(g).mark_bar().encode(
        x=alt.X("year:O", title="Year", sort=years),
        y=alt.Y("planned_mrc_m:Q", title="Planned (MRC m)", stack="zero"),
        color=colour,
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip(f"{colour_by}:N", title="Part"),
                 alt.Tooltip("planned_mrc_m:Q", title="Planned (MRC m)", format=",.1f")])
    half_band = 520 / max(len(years), 1) / 2  # the line sits between the milestone year and the next
    rule = alt.Chart(pd.DataFrame({"year": [milestone]})).mark_rule(
        color="#222222", strokeDash=[4, 3], strokeWidth=2, xOffset=half_band).encode(x=alt.X("year:O", sort=years))
    by_year = "; ".join(f"{y}: {money(v)}" for y, v in part.groupby("year")["planned_mrc_m"].sum().items())
    description = (f"Stacked bar chart of money planned per year for {_label(objective)}{tag}, by "
                   f"{'objective' if objective is None else 'capital and operating'}, with a dashed line at "
                   f"{milestone}. {by_year}. {takeaway}")
    chart = finish(alt.layer(bars, rule).properties(width=520, height=300),
                   title=title or f"Money planned per year, {_label(objective)}{tag}", description=description,
                   subtitle=f"Dashed line: the end of {milestone}, the year of the indicators' milestones.")
    return Figure(chart, takeaway)


def execution_chart(lines: pd.DataFrame | None = None, *, title: str | None = None) -> Figure:
    """Share of its plan each budget holder spent in 2025-2026 (2026 to the case date), lowest first."""
    d = _lines(lines)
    tag = fictional_suffix(d)
    ex = execution(d)
    if ex.empty:
        raise ChartError("Nothing to chart: no spending recorded yet.")
    ex = ex.assign(share=ex["share_spent"].round(3), label=[pct(s) for s in ex["share_spent"]])
    order = list(ex["budget_holder"])
    low = ex.iloc[0]
    takeaway = (f"{low['budget_holder']} spent {pct(low['share_spent'])} of what it planned for "
                f"{SPENT_YEARS[0]}-{SPENT_YEARS[1]} ({money(low['spent'])} of {money(low['planned'])}); the next "
                f"lowest spent {pct(ex.iloc[1]['share_spent'])}." if len(ex) > 1 else
                f"{low['budget_holder']} spent {pct(low['share_spent'])} of its plan.")
    y = alt.Y("budget_holder:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    bars = alt.Chart(ex).mark_bar(color=PALETTE[0]).encode(
        y=y, x=alt.X("share:Q", title="Share of plan spent", axis=alt.Axis(format="%"), scale=alt.Scale(
            domain=[0, 1])),
        tooltip=[alt.Tooltip("budget_holder:N", title="Budget holder"),
                 alt.Tooltip("planned:Q", title="Planned (MRC m)", format=",.1f"),
                 alt.Tooltip("spent:Q", title="Spent (MRC m)", format=",.1f"),
                 alt.Tooltip("share:Q", title="Share spent", format=".0%")])
    labels = alt.Chart(ex).mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        y=y, x="share:Q", text="label:N")
    detail = "; ".join(f"{r.budget_holder}: {r.label}" for r in ex.itertuples())
    description = (f"Bar chart of the share of its plan each budget holder spent in {SPENT_YEARS[0]}-"
                   f"{SPENT_YEARS[1]}{tag}, lowest first. {detail}. {takeaway}")
    chart = finish(alt.layer(bars, labels).properties(width=420, height=22 * len(ex)),
                   title=title or f"Spent against plan, {SPENT_YEARS[0]}-{SPENT_YEARS[1]}{tag}",
                   description=description, subtitle="2026: spent to 15 November 2026.")
    return Figure(chart, takeaway)


def capital_operating_chart(lines: pd.DataFrame | None = None, objective: str = "O3", *,
                            title: str | None = None) -> Figure:
    """Capital and operating money per project of one objective, side by side."""
    d = _lines(lines)
    tag = fictional_suffix(d)
    table = capital_and_operating(d, objective)
    if table.empty:
        raise ChartError(f"Nothing to chart: no budget line for {_label(objective)}.")
    table = table.assign(project=[f"{r.project_id} {r.purpose.split(':')[0]}" for r in table.itertuples()])
    long = table.melt(id_vars=["project"], value_vars=["capital", "operating"], var_name="spending",
                      value_name="planned")
    order = list(table["project"])
    cap, op = float(table["capital"].sum()), float(table["operating"].sum())
    takeaway = (f"{_label(objective)}: {money(cap)} of capital and {money(op)} of operating money "
                f"({pct(op / (cap + op)) if cap + op else 'n/a'} operating). Check that every asset built has money "
                "to run and maintain it.")
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("planned:Q", title="Planned over all years (MRC m)"),
        yOffset=alt.YOffset("spending:N"),
        color=alt.Color("spending:N", title="Spending", scale=alt.Scale(domain=list(KIND_COLOURS),
                                                                         range=list(KIND_COLOURS.values()))),
        tooltip=[alt.Tooltip("project:N", title="Project"), alt.Tooltip("spending:N", title="Spending"),
                 alt.Tooltip("planned:Q", title="Planned (MRC m)", format=",.1f")])
    detail = "; ".join(f"{r.project}: capital {money(r.capital)}, operating {money(r.operating)}"
                       for r in table.itertuples())
    description = (f"Grouped bar chart of capital and operating money per project of {_label(objective)}{tag}. "
                   f"{detail}. {takeaway}")
    chart = finish(chart.properties(width=420, height=44 * len(order)),
                   title=title or f"Capital and operating money, {_label(objective)}{tag}", description=description)
    return Figure(chart, takeaway)
