"""Charts for module 08 (mission portfolios): each returns a :class:`~missionkit.charts.Figure`
whose takeaway is computed from the data.

* :func:`coverage_heatmap`: objective x instrument, projects or money per cell;
* :func:`budget_by_objective`: money per objective, split by instrument type;
* :func:`risk_horizon_bubbles`: risk x time horizon, bubbles sized by money;
* :func:`timeline`: money by start year, before and after the mission began.

Every chart aggregates first (at most a few dozen marks), so portfolios of any
size draw quickly and stay under altair's row limit.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from missionkit.charts import HEIGHT, PALETTE, WIDTH, Figure, finish
from missionkit.portfolio.model import Portfolio
from missionkit.portfolio.vocabulary import HORIZONS, INSTRUMENTS, NO_OBJECTIVE, RISKS
from missionkit.text import amount, and_list, pct

__all__ = ["coverage_heatmap", "budget_by_objective", "risk_horizon_bubbles", "timeline"]

INSTRUMENT_COLOURS = dict(zip(INSTRUMENTS, PALETTE, strict=False))
EMPTY = "#f2f2f2"


def _fictional(p: Portfolio) -> str:
    return " (FICTIONAL)" if p.is_case else ""


# --------------------------------------------------------------------------- coverage heat map
def coverage_heatmap(p: Portfolio, by: str = "count") -> Figure:
    """Objective x instrument type: the number of projects (``by="count"``) or the money (``by="budget"``) per cell."""
    counts = p.coverage("count")
    money = p.coverage("budget")
    rows = list(counts.index)
    long = counts.stack().rename("projects").reset_index()
    long["budget"] = money.stack().to_numpy()
    long["value"] = long["projects"] if by == "count" else long["budget"]
    long["text"] = [(amount(b) if by == "budget" else str(n)) if n else "–" for n, b in
                    zip(long["projects"], long["budget"], strict=False)]
    long["empty"] = long["projects"] == 0
    vmax = float(long["value"].max()) or 1.0
    long["dark"] = long["value"] > 0.55 * vmax
    declared = [r for r in rows if r != NO_OBJECTIVE]
    n_cells = len(declared) * len(INSTRUMENTS)
    empty = int(long[long["objective"].isin(declared)]["empty"].sum())
    uc = p.under_covered()
    per_inst = counts.loc[declared].sum()
    rare = per_inst[per_inst > 0].sort_values(kind="stable")
    unused = list(per_inst[per_inst == 0].index)
    parts = []
    if uc:
        parts.append(f"{uc['label']} has the fewest projects ({uc['projects']}) and "
                     + ("the least money" if uc["also_least_money"] else "little money")
                     + f" ({amount(uc['budget'], p.unit)}, {pct(uc['share'], 1)})")
    parts.append(f"{empty} of the {n_cells} objective-instrument cells are empty")
    if unused:
        parts.append(f"no project uses {and_list(unused)}")
    elif len(rare):
        parts.append(f"{rare.index[0]} is used by only {int(rare.iloc[0])} project(s)")
    takeaway = "; ".join(parts) + "."
    what = "number of projects" if by == "count" else f"money ({p.unit})"
    base = alt.Chart(long).encode(
        x=alt.X("instrument:N", title="Instrument type", sort=list(INSTRUMENTS), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("objective:N", title=None, sort=rows))
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.condition(
            "datum.empty", alt.value(EMPTY),
            alt.Color("value:Q", title="Projects" if by == "count" else p.unit,
                      scale=alt.Scale(scheme="blues", type="linear" if by == "count" else "sqrt"))),
        tooltip=[alt.Tooltip("objective:N", title="Objective"), alt.Tooltip("instrument:N", title="Instrument"),
                 alt.Tooltip("projects:Q", title="Projects"), alt.Tooltip("budget:Q", title=p.unit, format=",.2f")])
    text = base.mark_text(fontSize=13, aria=False).encode(
        text="text:N", color=alt.condition("datum.dark", alt.value("white"), alt.value("#222222")))
    description = (f"Heat map of the {what} per mission objective (rows) and instrument type (columns)"
                   f"{_fictional(p)}. " + " ".join(
                       f"{r}: " + ", ".join(f"{i} {counts.loc[r, i]}" for i in INSTRUMENTS) + "." for r in rows)
                   + " " + takeaway)
    chart = finish(alt.layer(rect, text).properties(width=90 * len(INSTRUMENTS), height=max(180, 44 * len(rows))),
                   title="Portfolio coverage: objectives by instrument type" + _fictional(p),
                   subtitle=f"Each cell: the {what}; grey cells have no project", description=description)
    return Figure(chart, takeaway)


# --------------------------------------------------------------------------- budget by objective and instrument
def budget_by_objective(p: Portfolio) -> Figure:
    """Money per objective, stacked by instrument type, with each objective's share."""
    money = p.coverage("budget")
    rows = list(money.index)
    long = money.stack().rename("budget").reset_index()
    long = long[long["budget"] > 0]
    totals = money.sum(axis=1).rename("budget").reset_index()
    total = float(totals["budget"].sum()) or 1.0
    totals["label"] = [f"{amount(b)} ({pct(b / total, 1)})" for b in totals["budget"]]
    ratio = p.funding_ratio()
    inst = p.balance("instrument").set_index("category")["share_budget"]
    top_inst = inst.idxmax() if len(inst) else ""
    if ratio["best"] is not None:
        takeaway = (f"{p.label(ratio['best'])} gets {ratio['ratio']:.1f} times the money of "
                    f"{p.label(ratio['worst'])} ({amount(ratio['best_budget'])} against "
                    f"{amount(ratio['worst_budget'], p.unit)}); {pct(inst.max())} of all the money is "
                    f"{top_inst}.")
    else:  # pragma: no cover - a portfolio with no money
        takeaway = "The portfolio has no money allocated to its objectives."
    order = [i for i in INSTRUMENTS if i in set(long["instrument"])]
    bars = alt.Chart(long).mark_bar().encode(
        y=alt.Y("objective:N", title=None, sort=rows),
        x=alt.X("budget:Q", title=f"Budget ({p.unit})", stack="zero",
                scale=alt.Scale(domain=[0, 1.3 * float(totals["budget"].max() or 1.0)], nice=False)),
        color=alt.Color("instrument:N", title="Instrument type", sort=order,
                        scale=alt.Scale(domain=order, range=[INSTRUMENT_COLOURS[i] for i in order]),
                        legend=alt.Legend(orient="bottom", columns=6)),
        order=alt.Order("instrument:N"),
        tooltip=[alt.Tooltip("objective:N", title="Objective"), alt.Tooltip("instrument:N", title="Instrument"),
                 alt.Tooltip("budget:Q", title=p.unit, format=",.2f")])
    labels = alt.Chart(totals).mark_text(align="left", dx=4, fontSize=12, color="#222222", aria=False).encode(
        y=alt.Y("objective:N", sort=rows), x=alt.X("budget:Q"), text="label:N")
    description = (f"Horizontal stacked bars of the money per mission objective{_fictional(p)}, split by instrument "
                   "type. " + "; ".join(f"{r}: {amount(b, p.unit)}" for r, b in zip(totals['objective'],
                                                                                     totals['budget'], strict=False))
                   + ". " + takeaway)
    chart = finish(alt.layer(bars, labels).properties(width=WIDTH - 80, height=max(160, 40 * len(rows))),
                   title="Where the money goes: budget by objective" + _fictional(p),
                   subtitle="Coloured by instrument type; labels give each objective's total and share",
                   description=description)
    return Figure(chart, takeaway)


# --------------------------------------------------------------------------- risk x horizon
def risk_horizon_bubbles(p: Portfolio) -> Figure:
    """Risk (rows) by time horizon (columns); each bubble's area is the money in that cell."""
    df = p.projects[["risk", "horizon", "budget"]].dropna(subset=["risk", "horizon"])
    cells = df.groupby(["risk", "horizon"]).agg(projects=("budget", "size"), budget=("budget", "sum")).reset_index()
    grid = pd.MultiIndex.from_product([RISKS, HORIZONS], names=["risk", "horizon"]).to_frame(index=False)
    cells = grid.merge(cells, how="left", on=["risk", "horizon"]).fillna({"projects": 0, "budget": 0.0})
    cells["projects"] = cells["projects"].astype(int)
    total = float(cells["budget"].sum()) or 1.0
    cells["share"] = cells["budget"] / total
    cells["text"] = [f"{n} ({'<1%' if 0 < s < 0.005 else pct(s)})" if n else "–"
                     for n, s in zip(cells["projects"], cells["share"], strict=False)]
    top = cells.sort_values("budget", ascending=False, kind="stable").iloc[0]
    high = float(cells.loc[cells["risk"] == "high", "share"].sum())
    short = float(cells.loc[cells["horizon"] == "<2 years", "share"].sum())
    missing = len(p.projects) - len(df)
    takeaway = (f"The largest block of money ({pct(top['share'])}) sits in {top['risk']}-risk projects with results "
                f"in {top['horizon']}; high-risk projects get {pct(high)} of the money and quick wins (under 2 "
                f"years) {pct(short)}.")
    if missing:
        takeaway += f" {missing} project(s) without a risk or horizon are left out."
    base = alt.Chart(cells).encode(
        x=alt.X("horizon:N", title="Time until results", sort=list(HORIZONS), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("risk:N", title="Risk", sort=list(reversed(RISKS))))
    bubbles = base.mark_circle(opacity=0.8, stroke="#0b3c5d", strokeWidth=1).encode(
        size=alt.Size("budget:Q", title=f"Budget ({p.unit})", scale=alt.Scale(range=[0, 2800]), legend=None),
        color=alt.value(PALETTE[0]),
        tooltip=[alt.Tooltip("risk:N", title="Risk"), alt.Tooltip("horizon:N", title="Horizon"),
                 alt.Tooltip("projects:Q", title="Projects"), alt.Tooltip("budget:Q", title=p.unit, format=",.2f")])
    labels = base.mark_text(dy=38, fontSize=12, color="#222222", aria=False).encode(text="text:N")
    description = (f"Bubble chart of risk by time horizon{_fictional(p)}; bubble area is the money in each cell. "
                   + "; ".join(f"{r.risk} risk, {r.horizon}: {r.projects} projects, {amount(r.budget, p.unit)}"
                               for r in cells.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(bubbles, labels).properties(width=450, height=HEIGHT),
                   title="Risk and time horizon, sized by money" + _fictional(p),
                   subtitle="Bubble area shows the money; labels: number of projects (share of the money)",
                   description=description)
    return Figure(chart, takeaway)


# --------------------------------------------------------------------------- timeline
def timeline(p: Portfolio) -> Figure:
    """Money by the year projects started, split by whether they started before the mission."""
    df = p.projects[["start_year", "budget", "project_id"]].dropna(subset=["start_year"]).copy()
    year = p.mission_start_year
    df["start_year"] = df["start_year"].astype(int)
    if year is not None:
        df["when"] = ["before the mission" if y < year else "since the mission" for y in df["start_year"]]
    else:
        df["when"] = "start year"
    agg = df.groupby(["start_year", "when"]).agg(projects=("budget", "size"), budget=("budget", "sum"),
                                                 ids=("project_id", lambda s: ", ".join(list(s)[:12]) +
                                                      (", …" if len(s) > 12 else ""))).reset_index()
    agg["year"] = agg["start_year"].astype(str)
    years = [str(y) for y in range(int(df["start_year"].min()), int(df["start_year"].max()) + 1)] if len(df) else []
    total = float(p.projects["budget"].sum()) or 1.0
    if year is not None:
        early = df[df["start_year"] < year]
        takeaway = (f"{len(early)} of the {len(p)} projects ({amount(early['budget'].sum(), p.unit)}, "
                    f"{pct(early['budget'].sum() / total)} of the money) started before the mission began in "
                    f"{year}: ask what changed when they joined it.")
    else:
        peak = agg.groupby("year")["budget"].sum().idxmax() if len(agg) else "-"
        takeaway = f"Most money went to projects that started in {peak}."
    domain = ["before the mission", "since the mission"] if year is not None else ["start year"]
    colours = [PALETTE[1], PALETTE[0]] if year is not None else [PALETTE[0]]
    bars = alt.Chart(agg).mark_bar().encode(
        x=alt.X("year:O", title="Year the project started", sort=years, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("budget:Q", title=f"Budget ({p.unit})", stack="zero"),
        color=alt.Color("when:N", title=None, scale=alt.Scale(domain=domain, range=colours)),
        tooltip=[alt.Tooltip("year:O", title="Start year"), alt.Tooltip("projects:Q", title="Projects"),
                 alt.Tooltip("budget:Q", title=p.unit, format=",.2f"), alt.Tooltip("ids:N", title="Projects")])
    counts = agg.groupby("year", as_index=False).agg(projects=("projects", "sum"), budget=("budget", "sum"))
    labels = alt.Chart(counts).mark_text(dy=-8, fontSize=12, color="#222222", aria=False).encode(
        x=alt.X("year:O", sort=years), y="budget:Q", text=alt.Text("projects:Q"))
    description = (f"Bar chart of money by the year projects started{_fictional(p)}, labelled with the number of "
                   "projects. " + "; ".join(f"{r.year}: {r.projects} projects, {amount(r.budget, p.unit)}"
                                            for r in counts.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(bars, labels).properties(width=WIDTH, height=HEIGHT - 40),
                   title="When the projects started" + _fictional(p),
                   subtitle="Money by start year; the number above each bar counts projects",
                   description=description)
    return Figure(chart, takeaway)
