"""Charts for module 07 (mission diagnostics), built on missionkit.charts.

* :func:`likert_bars`: diverging stacked bars, one per survey item, with a
  drop-down to show one readiness dimension (altair's own interactivity, so it
  works in JupyterLab and in the book without a kernel);
* :func:`agreement_by_group`: the share who agree in each group, with its 95%
  Wilson interval; groups under 10 respondents drawn hollow and labelled;
* :func:`theme_bars`: focus-group statements per theme.

Each returns a :class:`~missionkit.charts.Figure` whose takeaway is computed
from the data.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from missionkit import case
from missionkit.charts import PALETTE, WIDTH, Figure, finish
from missionkit.diagnostics import survey as D
from missionkit.diagnostics import themes as T
from missionkit.text import and_list, pct

# Diverging, colour-blind-safe: vermillion and blue (Okabe & Ito) around a grey middle.
LEVEL_COLOURS = ["#D55E00", "#F0A875", "#CFCFCF", "#8CC4EA", "#0072B2"]


def _span_text(codes: list[str]) -> str:
    nums = [int(c[1:]) for c in codes]
    if len(nums) > 1 and nums == list(range(nums[0], nums[0] + len(nums))):
        return f"{codes[0]}\u2013{codes[-1]}"
    return and_list(codes)


def likert_bars(survey, items=None) -> Figure:
    """Diverging stacked bars of every item's answers: disagreement to the left of zero, agreement to the
    right, the neutral middle split across zero. Pick a dimension in the drop-down to show only its items."""
    shares = D.answer_shares(survey, items)
    summary = D.item_summary(survey, items)
    rows = []
    for item, part in shares.groupby("item", sort=False):
        p = dict(zip(part["answer"], part["share"].fillna(0), strict=False))
        start = -(p[1] + p[2] + p[3] / 2)
        for level in range(1, 6):
            rows.append({"item": item, "level": level, "pct": round(100 * p[level], 1),
                         "x0": round(start, 4), "x1": round(start + p[level], 4)})
            start += p[level]
    data = pd.DataFrame(rows)
    summary = summary.assign(label=[f"{i} {w[:46].rstrip()}{'…' if len(w) > 46 else ''}"
                                    for i, w in zip(summary["item"], summary["wording"], strict=False)])
    meta = summary[["item", "dimension", "label", "median", "n"]]
    order = list(summary["label"])
    dims = sorted(summary["dimension"].unique())
    pick = alt.param(name="dimension", value="All",
                     bind=alt.binding_select(options=["All"] + dims,
                                             labels=["All dimensions"] + [f"{d} {D.DIMENSIONS.get(d, d)}"
                                                                          for d in dims],
                                             name="Show: "))
    bars = alt.Chart(data).transform_lookup(
        lookup="item", from_=alt.LookupData(meta, "item", ["dimension", "label", "median", "n"])
    ).transform_filter("dimension == 'All' || datum.dimension == dimension").mark_bar(aria=False).encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=330)),
        x=alt.X("x0:Q", title="Share of answers (disagree to the left, agree to the right)",
                scale=alt.Scale(domain=[-1, 1]), axis=alt.Axis(format="~%", values=[-1, -0.5, 0, 0.5, 1])),
        x2="x1:Q",
        color=alt.Color("level:O", title="Answer",
                        scale=alt.Scale(domain=[1, 2, 3, 4, 5], range=LEVEL_COLOURS),
                        legend=alt.Legend(orient="bottom", direction="horizontal",
                                          labelExpr="['', 'strongly disagree', 'disagree', 'neither', 'agree', "
                                                    "'strongly agree'][datum.value]")),
        tooltip=[alt.Tooltip("item:N", title="Item"), alt.Tooltip("dimension:N", title="Dimension"),
                 alt.Tooltip("level:O", title="Answer (1 to 5)"), alt.Tooltip("pct:Q", title="Share (%)"),
                 alt.Tooltip("median:Q", title="Median"), alt.Tooltip("n:Q", title="Answers")],
    ).add_params(pick)
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222222").encode(x="x:Q")

    top = summary.sort_values(["agree", "item"], ascending=[False, True]).head(3)
    low = summary.sort_values(["disagree", "item"], ascending=[False, True]).head(3)
    top_codes = sorted(top["item"])
    low_codes = sorted(low["item"])
    takeaway = (f"Agreement is strongest on {_span_text(top_codes)} (median {top['median'].min():g}; "
                f"{pct(top['agree'].min())} to {pct(top['agree'].max())} agree) and disagreement strongest on "
                f"{_span_text(low_codes)} (median {low['median'].max():g}; {pct(low['disagree'].min())} to "
                f"{pct(low['disagree'].max())} disagree).")
    description = (f"Diverging stacked bar chart of {len(summary)} survey items (FICTIONAL Marenta survey, "
                   f"{int(summary['n'].max())} respondents), answers 1 to 5. " + takeaway)
    chart = finish(alt.layer(bars, zero).properties(width=WIDTH - 140, height=18 * len(summary)),
                   title="What officials and partners say, item by item",
                   subtitle="Diagnostic survey (fictional). Pick a dimension in the drop-down below the chart; "
                            "hover a bar.",
                   description=description)
    return Figure(chart, takeaway)


def agreement_by_group(survey, what: str = "Q07", by: str = "city", items=None) -> Figure:
    """The share who agree with an item (or, for a dimension, agree on average) in each group of ``by``,
    with its 95% Wilson interval. Groups under 10 respondents are hollow and labelled."""
    table = D.agreement_by(survey, what, by, items).copy()
    table["group"] = table[by].astype(str)
    table["note"] = table["small"].map({True: "too small to read alone", False: ""})
    table["size"] = table["small"].map({True: "fewer than 10", False: "10 or more"})
    table["label"] = [f"{g} (n = {n})" for g, n in zip(table["group"], table["n"], strict=False)]
    table = table[["label", "agree", "agree_low", "agree_high", "n", "note", "size"]]
    order = list(table["label"])
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=300))
    x_scale = alt.Scale(domain=[0, 1])
    base = alt.Chart(table)
    ci = base.mark_rule(strokeWidth=3, color=PALETTE[0], aria=False).encode(
        y=y, x=alt.X("agree_low:Q", scale=x_scale, title="Share who agree, with 95% interval",
                     axis=alt.Axis(format="%")), x2="agree_high:Q")
    dots = base.mark_point(size=110, color=PALETTE[0], strokeWidth=2, aria=False).encode(
        y=y, x=alt.X("agree:Q", scale=x_scale),
        fill=alt.Fill("size:N", title="Group size", scale=alt.Scale(domain=["10 or more", "fewer than 10"],
                                                                    range=[PALETTE[0], "white"]),
                      legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("label:N", title="Group"), alt.Tooltip("agree:Q", title="Agree", format=".0%"),
                 alt.Tooltip("agree_low:Q", title="Interval from", format=".0%"),
                 alt.Tooltip("agree_high:Q", title="Interval to", format=".0%"),
                 alt.Tooltip("note:N", title="Note")])
    notes = base.transform_filter("datum.note != ''").mark_text(align="left", dx=8, fontSize=12,
                                                                 color="#444444").encode(
        y=y, x="agree_high:Q", text="note:N")
    half = alt.Chart(pd.DataFrame({"x": [0.5]})).mark_rule(color="#777777", strokeDash=[4, 4]).encode(x="x:Q")

    readable = table[table["note"] == ""]
    clear = [lbl.split(" (n")[0] for lbl, lo in zip(readable["label"], readable["agree_low"], strict=False) if lo > 0.5]
    likely = [lbl.split(" (n")[0]
              for lbl, a, lo in zip(readable["label"], readable["agree"], readable["agree_low"], strict=False)
              if a > 0.5 and lo <= 0.5]
    small = [lbl for lbl in table.loc[table["note"] != "", "label"]]
    parts = []
    if clear:
        parts.append(f"a clear majority agrees in {and_list(clear)}")
    if likely:
        parts.append(f"a majority in {and_list(likely)}, though the interval reaches below half")
    if not clear and not likely:
        parts.append("no group with 10 or more respondents has a majority who agree")
    text = f"On {what}, " + "; ".join(parts) + "."
    if small:
        text += f" Too small to read alone: {and_list(small)}."
    wording = ""
    it = case.load("survey_items") if items is None else items
    hit = it[it["item"].astype(str).str.upper() == str(what).upper()]
    if len(hit):
        wording = f"{hit['item'].iloc[0]}: \u201c{hit['wording'].iloc[0]}\u201d"
    else:
        wording = f"{str(what).upper()} {D.DIMENSIONS.get(str(what).upper(), '')} (share who agree on average)"
    chart = finish(alt.layer(half, ci, dots, notes).properties(width=WIDTH - 160, height=max(120, 34 * len(table))),
                   title=f"Who agrees, by {D.GROUP_NAMES.get(by, by)}",
                   subtitle=wording if len(wording) < 110 else wording[:107] + "…",
                   description=f"Dot chart with 95% intervals of the share who agree with {what} by {by} (FICTIONAL "
                               "Marenta survey). " + text)
    return Figure(chart, text)


def theme_bars(themes=None, focus_groups=None) -> Figure:
    """Statements per theme in the focus-group notes, with how many groups raised each.

    ``themes=None`` uses the course's codebook; ``...`` (an exercise not yet
    answered) or a codebook whose themes are all blank draws an empty chart."""
    counts = T.theme_counts(themes, focus_groups)
    coded = T.code_statements(themes, focus_groups)
    n_statements = len(coded)
    n_none = int((coded["themes"] == "").sum())
    data = counts[["theme", "statements", "groups", "of groups", "keywords", "example"]].copy()
    data["label"] = [f"{s} in {g} of {o} groups" for s, g, o in zip(data["statements"], data["groups"],
                                                                     data["of groups"], strict=False)]
    order = list(data["theme"])
    bars = alt.Chart(data).mark_bar(color=PALETTE[0], aria=False).encode(
        y=alt.Y("theme:N", title=None, sort=order),
        x=alt.X("statements:Q", title="Statements", axis=alt.Axis(tickMinStep=1),
                scale=alt.Scale(domain=[0, max(1, int(data["statements"].max()) if len(data) else 1) * 1.45])),
        tooltip=[alt.Tooltip("theme:N", title="Theme"), alt.Tooltip("label:N", title="Statements"),
                 alt.Tooltip("keywords:N", title="Keywords"), alt.Tooltip("example:N", title="Example")])
    labels = alt.Chart(data).mark_text(align="left", dx=4, fontSize=12, color="#222222").encode(
        y=alt.Y("theme:N", sort=order), x="statements:Q", text="label:N")
    if len(data) and int(data["statements"].max()) > 0:
        top = data.iloc[0]
        takeaway = (f"\u201c{top['theme']}\u201d comes up most: {top['statements']} statements in {top['groups']} of "
                    f"{top['of groups']} focus groups. {n_none} of {n_statements} statements have no theme yet.")
    else:
        takeaway = (f"No theme has keywords yet, or none matches: all {n_statements} statements are uncoded."
                    if n_none == n_statements else f"{n_none} of {n_statements} statements have no theme yet.")
    chart = finish(alt.layer(bars, labels).properties(width=WIDTH - 200, height=max(100, 30 * len(data))),
                   title="What the focus groups raised", subtitle="Statements per theme, keyword coding (fictional)",
                   description="Bar chart of focus-group statements per theme (FICTIONAL Marenta focus groups). "
                               + "; ".join(f"{r.theme}: {r.statements}" for r in data.itertuples()) + ". " + takeaway)
    return Figure(chart, takeaway)
