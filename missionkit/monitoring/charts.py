"""Charts for module 10 (monitoring and evaluation); each returns a :class:`~missionkit.charts.Figure`.

* :func:`theory_of_change_chart`: the intervention logic as five columns of boxes;
* :func:`audit_chart`: indicators by quality check, one cell per result;
* :func:`status_chart`: traffic lights, the share of the planned progress achieved;
* :func:`trajectory_chart`: one indicator's plan, milestones, target and readings;
* :func:`dashboard`: traffic lights and the trajectory of the indicator chosen in a
  drop-down list (altair interactivity: works without a kernel, in JupyterLab and the book).

Every takeaway is computed from the data. Colours: ``charts.STATUS_COLOURS`` for
status, with the status also written as text (never colour alone).
"""
from __future__ import annotations

import textwrap
from typing import Any

import altair as alt
import pandas as pd

from missionkit.charts import PALETTE, STATUS_COLOURS, WIDTH, ChartError, Figure, finish
from missionkit.monitoring.audit import flagged
from missionkit.monitoring.indicators import CHECKS, shorten
from missionkit.monitoring.theory import parse_theory_of_change
from missionkit.monitoring.trajectory import Trajectories

STATUS_ORDER = ["on track", "at risk", "off track", "no data"]
RESULT_COLOURS = {"ok": STATUS_COLOURS["on track"], "flag": STATUS_COLOURS["off track"],
                  "unknown": STATUS_COLOURS["no data"]}
RESULT_TEXT = {"ok": "ok", "flag": "fix", "unknown": "?"}
OBSERVED_COLOUR = PALETTE[0]
PLAN_COLOUR = "#555555"
_LABEL_CHARS = 46


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=True)) or " "


def _row_label(ident: str, name: str, limit: int = _LABEL_CHARS) -> str:
    return f"{ident} {shorten(name, limit - len(ident) - 1)}".strip()


def _join(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- theory of change
def theory_of_change_chart(toc: Any, *, title: str = "Theory of change", subtitle: str | None = None) -> Figure:
    """The intervention logic as five columns (inputs to impacts), one box per item.

    ``toc``: a :class:`~missionkit.monitoring.theory.TheoryOfChange` or a dict of levels.
    """
    t = parse_theory_of_change(toc)
    levels = [("inputs", "Inputs"), ("activities", "Activities"), ("outputs", "Outputs"),
              ("outcomes", "Outcomes"), ("impacts", "Impacts")]
    headers = [f"{label} \u2192" if i < len(levels) - 1 else label for i, (_, label) in enumerate(levels)]
    col_width = 136
    rows: list[dict[str, Any]] = []
    for (key, _), header in zip(levels, headers, strict=False):
        items = getattr(t, key) or ["(empty)"]
        for j, item in enumerate(items):
            rows.append({"level": header, "slot": j + 1, "text": _wrap(item, 20),
                         "empty": item == "(empty)" and not getattr(t, key)})
    df = pd.DataFrame(rows)
    max_lines = max(r["text"].count("\n") + 1 for r in rows)
    slots = int(df["slot"].max())
    row_height = max_lines * 15 + 28
    x = alt.X("level:N", sort=headers, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold",
                                                                 ticks=False, domain=False, labelPadding=6))
    y = alt.Y("slot:O", title=None, axis=None)
    boxes = alt.Chart(df).mark_rect(stroke="#333333", strokeWidth=1).encode(
        x=x, y=y, color=alt.condition("datum.empty", alt.value("#F2F2F2"), alt.value("#DCEBF7")))
    labels = alt.Chart(df).mark_text(fontSize=11, lineBreak="\n", color="#111111", align="center",
                                     baseline="middle").encode(x=x, y=y, text="text:N")
    filled = [lbl for (key, lbl) in levels if getattr(t, key)]
    empty = [lbl.lower() for (key, lbl) in levels if not getattr(t, key)]
    n_items = sum(len(getattr(t, k)) for k, _ in levels)
    if empty:
        takeaway = (f"{n_items} items across {len(filled)} of the 5 levels; still empty: {_join(empty)}, so the chain "
                    "from what the mission does to what changes has a gap.")
    else:
        takeaway = (f"{n_items} items across all 5 levels, from {len(t.inputs)} input(s) to {len(t.impacts)} "
                    f"impact(s)")
        takeaway += (f"; {len(t.assumptions)} assumption(s) to test: {_join(t.assumptions[:3])}."
                     if t.assumptions else "; no assumptions written down yet.")
    description = ("Theory of change in five columns, left to right: "
                   + "; ".join(f"{lbl}: {', '.join(getattr(t, k)) or 'empty'}" for k, lbl in levels) + ". "
                   + takeaway)
    chart = finish(
        alt.layer(boxes, labels).properties(width=col_width * 5, height=row_height * slots),
        title=title, subtitle=subtitle or "Inputs lead to activities, outputs, outcomes and impacts (read left to "
                                          "right)", description=description)
    return Figure(chart.configure_view(stroke=None).configure_scale(bandPaddingInner=0.12), takeaway)


# --------------------------------------------------------------------------- audit
def audit_chart(audit_table: pd.DataFrame, *, title: str = "Indicator audit") -> Figure:
    """How many indicators each quality check flags, with their ids written on the bars."""
    if audit_table is None or audit_table.empty:
        raise ChartError("The audit table is empty: run indicators.audit() on an indicator framework first.")
    rows = []
    for check in CHECKS:
        flagged_ids = [str(i) for i, r in zip(audit_table["id"], audit_table[check.key], strict=False) if r == "flag"]
        unknown = int((audit_table[check.key] == "unknown").sum())
        rows.append({"check": check.label, "flagged": len(flagged_ids), "ids": ", ".join(flagged_ids[:6])
                     + (" …" if len(flagged_ids) > 6 else ""), "unknown": unknown,
                     "question": check.question, "criterion": check.criterion})
    df = pd.DataFrame(rows)
    order = [c.label for c in CHECKS]
    n = len(audit_table)
    y = alt.Y("check:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    x = alt.X("flagged:Q", title=f"Indicators flagged (of {n})", scale=alt.Scale(domain=[0, max(n, 1)]),
              axis=alt.Axis(tickMinStep=1, format="d"))
    tip = [alt.Tooltip("check:N", title="Check"), alt.Tooltip("question:N", title="Question"),
           alt.Tooltip("flagged:Q", title="Flagged"), alt.Tooltip("ids:N", title="Which"),
           alt.Tooltip("criterion:N", title="Criterion")]
    bars = alt.Chart(df).mark_bar(color=RESULT_COLOURS["flag"]).encode(x=x, y=y, tooltip=tip)
    text = alt.Chart(df).mark_text(align="left", dx=6, fontSize=12, color="#222222").encode(
        x=x, y=y, text=alt.Text("label:N")).transform_calculate(
        label="datum.flagged == 0 ? 'none' : datum.ids")
    failing = flagged(audit_table)
    if failing:
        named = _join([f"{i} ({', '.join(v).lower()})" for i, v in failing.items()])
        takeaway = f"{len(failing)} of the {n} indicators fail at least one check: {named}."
    else:
        takeaway = f"All {n} indicators pass every check."
    unknown = int(df["unknown"].sum())
    if unknown:
        takeaway += f" {unknown} check result(s) cannot be judged from the table."
    description = (f"Bar chart of the number of indicators each of {len(order)} quality checks flags, out of {n}. "
                   + takeaway)
    chart = finish(alt.layer(bars, text).properties(width=WIDTH - 200, height=len(order) * 28),
                   title=title, subtitle="How many indicators each check flags, and which (by id)",
                   description=description)
    return Figure(chart, takeaway)


# --------------------------------------------------------------------------- status and trajectories
def _status_frame(result: Trajectories, notes: bool = True) -> pd.DataFrame:
    s = result.status.copy()
    s["label"] = [_row_label(i, n) for i, n in zip(s["id"], s["name"], strict=False)]
    s["shown"] = s["progress_share"].astype(float).clip(lower=0, upper=1.5).fillna(0.0).round(4)
    s["share_text"] = [("no reading" if pd.isna(v) else f"{v:.0%}") for v in s["progress_share"]]
    return s[["id", "label", "status", "shown", "share_text"] + (["note"] if notes else [])]


def _status_takeaway(result: Trajectories) -> str:
    s = result.status
    counts = s["status"].value_counts()
    parts = [f"{int(counts.get(k, 0))} {k}" for k in ("on track", "at risk", "off track")]
    text = f"Of {len(s)} indicators, {parts[0]}, {parts[1]} and {parts[2]}"
    nodata = int(counts.get("no data", 0))
    text += f", and {nodata} cannot be judged yet." if nodata else "."
    slow = s[(s["status"] == "off track") & s["pace_multiple"].notna()].sort_values("pace_multiple",
                                                                                   ascending=False)
    if not slow.empty:
        r = slow.iloc[0]
        text += (f" {r['id']} improves but needs {r['pace_multiple']:.1f} times its recent pace to reach its target "
                 f"by {r['target_year']}.")
    return text


def _status_layers(s: pd.DataFrame, order: list[str], select=None):
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    x = alt.X("shown:Q", title="Share of the planned progress achieved by the latest reading",
              scale=alt.Scale(domain=[0, 1.5]), axis=alt.Axis(format="%", values=[0, 0.5, 1.0, 1.5]))
    bands = pd.DataFrame({"x": [0.5, 0.9, 1.0], "what": ["at risk from 50%", "on track from 90%", "on plan"]})
    rules = alt.Chart(bands).mark_rule(strokeDash=[4, 3], color="#777777").encode(x="x:Q")
    colour = alt.Color("status:N", title="Status", scale=alt.Scale(domain=STATUS_ORDER,
                                                                  range=[STATUS_COLOURS[k] for k in STATUS_ORDER]),
                       legend=alt.Legend(orient="bottom"))
    tooltip = [alt.Tooltip("label:N", title="Indicator"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("share_text:N", title="Planned progress achieved")]
    if "note" in s.columns:
        tooltip.append(alt.Tooltip("note:N", title="Note"))
    dots = alt.Chart(s).mark_point(filled=True, size=170, opacity=1).encode(
        x=x, y=y, color=colour, shape=alt.Shape("status:N", scale=alt.Scale(
            domain=STATUS_ORDER, range=["circle", "diamond", "square", "cross"]), legend=None), tooltip=tooltip)
    if select is not None:
        dots = dots.encode(stroke=alt.condition(select, alt.value("#000000"), alt.value(None)),
                           strokeWidth=alt.condition(select, alt.value(2), alt.value(0)))
    words = alt.Chart(s).mark_text(align="left", dx=12, fontSize=11, color="#222222").encode(
        x=x, y=y, text=alt.Text("share_text:N"))
    return [rules, dots, words]


def status_chart(result: Trajectories, *, title: str = "Are we on track?") -> Figure:
    """Traffic lights: each indicator's share of the planned progress, coloured and labelled by status."""
    s = _status_frame(result)
    if s.empty:
        raise ChartError("There are no indicators to chart.")
    order = list(s["label"])
    takeaway = _status_takeaway(result)
    chart = finish(alt.layer(*_status_layers(s, order)).properties(width=WIDTH - 160, height=max(120, 22 * len(s))),
                   title=title, subtitle=f"Latest reading against the planned path ({result.method}); dashed lines at "
                                         "50%, 90% and 100%",
                   description=f"Dot chart of {len(s)} indicators by share of planned progress, coloured by status. "
                               + takeaway)
    return Figure(chart, takeaway)


def _trajectory_frames(result: Trajectories):
    """Small frames for the charts: the planned line, its marked points, and the readings."""
    path = result.path
    line = path[path["kind"].isin(["plan", "baseline", "target"])][["id", "time", "value"]].drop_duplicates()
    if result.method == "straight line":  # two points draw a straight line
        line = line.sort_values("time").groupby("id", as_index=False).nth([0, -1])
    marks = path[path["kind"] != "plan"][["id", "time", "value", "kind", "year"]].copy()
    obs = result.observed[["id", "time", "value", "period", "comparable"]].copy()
    for df in (line, marks, obs):
        df["time"] = df["time"].round(4)
        df["value"] = df["value"].astype(float).round(4)
    return line, marks, obs


def _trajectory_layers(line: pd.DataFrame, marks: pd.DataFrame, obs: pd.DataFrame, today: float, y_title: str,
                       select=None):
    def filt(chart):
        return chart.transform_filter(select) if select is not None else chart

    x = alt.X("time:Q", title="Year (values sit in the middle of their year or quarter)",
              scale=alt.Scale(domain=[2018, 2036], nice=False),
              axis=alt.Axis(format="d", values=[2018, 2020, 2024, 2028, 2032, 2035]))
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False))
    tip = [alt.Tooltip("what:N", title="What"), alt.Tooltip("period:N", title="Period"),
           alt.Tooltip("value:Q", title="Value", format=",.4~r")]
    mtip = [alt.Tooltip("kind:N", title="What"), alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("value:Q", title="Value", format=",.4~r")]
    plan = filt(alt.Chart(line)).mark_line(strokeDash=[6, 4], color=PLAN_COLOUR).encode(x=x, y=y, detail="id:N")
    points = filt(alt.Chart(marks)).mark_point(shape="diamond", size=140, filled=True, color=PLAN_COLOUR).encode(
        x=x, y=y, tooltip=mtip)
    what = "datum.comparable ? 'reading' : 'reading (old definition)'"
    old = filt(alt.Chart(obs)).transform_filter("!datum.comparable").transform_calculate(what=what).mark_point(
        size=60, color="#999999", filled=False).encode(x=x, y=y, tooltip=tip)
    seen = filt(alt.Chart(obs)).transform_filter("datum.comparable").transform_calculate(what=what).mark_line(
        color=OBSERVED_COLOUR, point=alt.OverlayMarkDef(filled=True, size=60, color=OBSERVED_COLOUR)).encode(
        x=x, y=y, detail="id:N", tooltip=tip)
    now = alt.Chart(pd.DataFrame({"time": [today], "label": ["today"]}))
    rule = now.mark_rule(color="#000000", strokeDash=[2, 2]).encode(x="time:Q")
    word = now.mark_text(align="left", dx=4, dy=4, fontSize=11, baseline="top").encode(
        x="time:Q", y=alt.value(0), text="label:N")
    return [plan, points, old, seen, rule, word]


def _trajectory_takeaway(row: dict, result: Trajectories) -> str:
    ident = row["id"]
    if row["status"] == "no data":
        return f"{ident} ({shorten(row['name'], 60)}): {row['note']}"
    text = f"{ident} is {row['status']}: {row['note']}"
    return text


def trajectory_chart(result: Trajectories, indicator_id: str) -> Figure:
    """One indicator: planned path (dashed), baseline, milestones and target (diamonds), readings (blue), today."""
    row = result.row(indicator_id)
    line, marks, obs = _trajectory_frames(result)
    line, marks, obs = (df[df["id"] == indicator_id] for df in (line, marks, obs))
    if line.empty and obs.empty:
        raise ChartError(f"{indicator_id} has neither a planned path nor readings to chart.")
    layers = _trajectory_layers(line, marks, obs, result.today, row["unit"] or "Value")
    takeaway = _trajectory_takeaway(row, result)
    chart = finish(alt.layer(*layers).properties(width=WIDTH, height=260),
                   title=_row_label(indicator_id, row["name"], 70),
                   subtitle="Dashed: planned path; diamonds: baseline, milestones, target; blue: readings; "
                            "grey circles: old definition",
                   description=f"Line chart of {indicator_id} from 2018 to its target year. {takeaway}")
    return Figure(chart, takeaway)


def dashboard(result: Trajectories, selected: str | None = None, *,
              title: str = "Mission dashboard (FICTIONAL Marenta case)") -> Figure:
    """Traffic lights on top; below, the trajectory of the indicator picked in the drop-down list.

    Works without a kernel (altair parameters). The static picture shows ``selected``
    (by default the off-track indicator that needs the largest rise in pace).
    """
    s = _status_frame(result, notes=False)  # the notes are in the summary: keep the stored chart light
    if s.empty:
        raise ChartError("There are no indicators to chart.")
    if selected is None:
        slow = result.status[(result.status["status"] == "off track") & result.status["pace_multiple"].notna()]
        selected = (slow.sort_values("pace_multiple", ascending=False)["id"].iloc[0] if not slow.empty
                    else str(s["id"].iloc[0]))
    if selected not in set(s["id"]):
        raise ChartError(f"'{selected}' is not one of the indicators: {', '.join(s['id'])}")
    line, marks, obs = _trajectory_frames(result)
    ids = list(s["id"])
    pick = alt.param(name="indicator", value=selected,
                     bind=alt.binding_select(options=ids, labels=list(s["label"]), name="Indicator: "))
    order = list(s["label"])
    top = alt.layer(*_status_layers(s, order)).properties(width=WIDTH - 160, height=max(120, 22 * len(s)))
    sel = alt.datum.id == pick
    layers = _trajectory_layers(line, marks, obs, result.today, "Value (in the indicator's unit)", select=sel)
    caption = alt.Chart(s).transform_filter(sel).mark_text(
        align="left", fontSize=13, fontWeight="bold").encode(x=alt.value(0), y=alt.value(-14), text="caption:N"
                                                              ).transform_calculate(
        caption="datum.label + ' (' + datum.status + ')'")
    bottom = alt.layer(*layers, caption).properties(width=WIDTH - 60, height=240)
    takeaway = _status_takeaway(result)
    chart = alt.vconcat(top, bottom, spacing=36).add_params(pick).resolve_scale(color="independent",
                                                                                 shape="independent")
    chart = finish(chart, title=title,
                   subtitle="Top: status of every indicator. Bottom: the indicator picked in the list below the "
                            "chart (dashed = plan, blue = readings)",
                   description=f"Dashboard of {len(s)} indicators with traffic lights and the trajectory of "
                               f"{selected}. {takeaway}")
    return Figure(chart, takeaway)
