"""Module 04 charts: the system scan (FICTIONAL Marenta policy inventory, or your own scan).

Each builder returns a :class:`missionkit.charts.Figure`: an altair chart plus
a one-sentence takeaway computed from the data, never typed in.
"""
from __future__ import annotations

import re

import altair as alt
import pandas as pd

from missionkit import case
from missionkit.charts import HEIGHT, PALETTE, WIDTH, ChartError, Figure, fictional_suffix, finish
from missionkit.scanning import scan as scanning
from missionkit.scanning.load import INSTRUMENTS
from missionkit.text import and_list, money

__all__ = [
    "short_name",
    "budget_by_owner",
    "objective_coverage_chart",
    "alignment_heatmap",
    "conflicts_chart",
    "instrument_mix",
]

STI_COLOUR, OTHER_COLOUR = PALETTE[3], PALETTE[0]  # vermillion for STI bodies, blue for the rest
SUPPORT_COLOUR, AGAINST_COLOUR = PALETTE[2], PALETTE[3]
GREY = "#BBBBBB"


def short_name(owner: str) -> str:
    """'Marenta Innovation Agency (MIA)' -> 'MIA'; 'Kessa City Government' -> 'Kessa city'."""
    text = str(owner).strip()
    m = re.search(r"\(([A-Za-z]{2,8})\)\s*$", text)
    if m:
        return m.group(1)
    if text.endswith(" City Government"):
        return text[: -len(" City Government")] + " city"
    return text


def _pct(share: float) -> str:
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


def _empty(what: str) -> ChartError:
    return ChartError(f"Nothing to chart: {what}.")


def budget_by_owner(policies: pd.DataFrame, unit: str = case.MONEY_UNIT) -> Figure:
    """Mission-tagged budget by owner, STI bodies in their own colour (the STI trap)."""
    shares = scanning.budget_shares(policies, "owner").reset_index()
    if shares.empty or shares["budget"].sum() <= 0:
        raise _empty("no policy is tagged as mission spending")
    p = scanning.prepare(policies)
    sti_owners = set(p.loc[p.sti, "owner"])
    shares["who"] = shares["owner"].map(short_name)
    shares["kind"] = shares["owner"].map(lambda o: "STI body" if o in sti_owners else "other owner")
    shares["label"] = shares.apply(lambda r: f"{money(r.budget, unit)} ({_pct(r.share)})", axis=1)
    s = scanning.summarise(policies, unit=unit)
    bodies = and_list([short_name(b) for b in s.sti_bodies if b in set(shares["owner"])])
    takeaway = (f"STI bodies ({bodies}) hold {s.sti_share:.1%} of the mission-tagged budget "
                f"({money(s.sti_budget, unit)} of {money(s.tagged_budget, unit)}); "
                + ("that is above the warning level of one half, a warning sign of the STI trap."
                   if s.sti_trap else "that is below the warning level of one half."))
    order = list(shares["who"])
    bars = alt.Chart(shares).mark_bar().encode(
        y=alt.Y("who:N", sort=order, title=None),
        x=alt.X("budget:Q", title=f"Mission-tagged budget ({unit} a year)",
                scale=alt.Scale(domain=[0, float(shares["budget"].max()) * 1.3])),
        color=alt.Color("kind:N", title="Owner", legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=["STI body", "other owner"], range=[STI_COLOUR, OTHER_COLOUR])),
        tooltip=[alt.Tooltip("owner:N", title="Owner"), alt.Tooltip("budget:Q", title=unit, format=",.1f"),
                 alt.Tooltip("share:Q", title="Share", format=".1%"), alt.Tooltip("policies:Q", title="Policies")],
    )
    text = alt.Chart(shares).mark_text(align="left", dx=4, color="#222222", aria=False).encode(
        y=alt.Y("who:N", sort=order), x="budget:Q", text="label:N")
    tag = fictional_suffix(policies)
    description = (f"Horizontal bar chart of the mission-tagged budget by owner{tag}. "
                   + "; ".join(f"{r.who}: {money(r.budget, unit)}" for r in shares.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(bars, text).properties(width=WIDTH - 120, height=max(160, 24 * len(shares))),
                   title="Who holds the money tagged for the mission" + tag,
                   subtitle="Annual budget of mission-tagged policies, by owner", description=description)
    return Figure(chart, takeaway)


def objective_coverage_chart(policies: pd.DataFrame, objectives=None) -> Figure:
    """Per objective: policies that support it (right) and policies that work against it (left)."""
    cov = scanning.objective_coverage(policies, objectives).reset_index()
    if cov.empty:
        raise _empty("the scan names no objectives")
    recs = cov.to_dict("records")
    rows = []
    for r in recs:
        rows.append({"objective": r["name"], "direction": "supports", "policies": int(r["supporting policies"])})
        rows.append({"objective": r["name"], "direction": "works against",
                     "policies": -int(r["policies working against"])})
    df = pd.DataFrame(rows)
    unserved = [r["name"] for r in recs if r["status"] == "not served"]
    harmed = max(recs, key=lambda r: r["policies working against"])
    parts = [f"No policy supports {and_list(unserved)}" if unserved
             else "Every objective has at least one supporting policy"]
    if harmed["policies working against"] > 0:
        parts.append(f"{harmed['name']} is harmed by the most policies ({int(harmed['policies working against'])} "
                     "work against it)")
    takeaway = "; ".join(parts) + "."
    order = [r["name"] for r in recs]
    bars = alt.Chart(df).mark_bar().encode(
        y=alt.Y("objective:N", sort=order, title=None),
        x=alt.X("policies:Q", title="Number of policies (left: working against; right: supporting)",
                axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("direction:N", title="Direction", scale=alt.Scale(
            domain=["supports", "works against"], range=[SUPPORT_COLOUR, AGAINST_COLOUR])),
        tooltip=[alt.Tooltip("objective:N", title="Objective"), alt.Tooltip("direction:N", title="Direction"),
                 alt.Tooltip("n:Q", title="Policies")],
    ).transform_calculate(n="abs(datum.policies)")
    labels = alt.Chart(df[df.policies != 0]).transform_calculate(n="abs(datum.policies)").mark_text(
        color="#222222", dx=alt.ExprRef("datum.policies > 0 ? 10 : -10"), aria=False).encode(
        y=alt.Y("objective:N", sort=order), x="policies:Q", text="n:Q")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#222222").encode(x="x:Q")
    tag = fictional_suffix(policies)
    description = (f"Diverging bar chart of policies per objective{tag}. "
                   + "; ".join(f"{r['name']}: {int(r['supporting policies'])} supporting, "
                               f"{int(r['policies working against'])} working against" for r in recs)
                   + ". " + takeaway)
    chart = finish(alt.layer(bars, labels, zero).properties(width=WIDTH - 80, height=40 * len(recs)),
                   title="Which objectives the existing policies serve" + tag,
                   subtitle="Policies that support each objective, and policies that work against it",
                   description=description)
    return Figure(chart, takeaway)


def alignment_heatmap(policies: pd.DataFrame, objectives=None) -> Figure:
    """Owner x objective: how many of each owner's policies support (+) or work against (−) each objective."""
    long = scanning.owner_alignment(policies, objectives)
    if long.empty:
        raise _empty("the scan has no owners")
    long["who"] = long["owner"].map(short_name)
    long["objective name"] = long["objective"].map(scanning.objective_label)

    def kind(r) -> str:
        if r["supports"] and r["works against"]:
            return "both"
        if r["supports"]:
            return "supports"
        if r["works against"]:
            return "works against"
        return "none"

    def text(r) -> str:
        bits = ([f"+{r['supports']}"] if r["supports"] else []) + (
            [f"\u2212{r['works against']}"] if r["works against"] else [])
        return " ".join(bits)

    long["cell"] = long.apply(kind, axis=1)
    long["label"] = long.apply(text, axis=1)
    long = long[["owner", "who", "objective name", "supports", "works against", "cell", "label"]]
    cols = list(dict.fromkeys(long["objective name"]))
    rows = list(dict.fromkeys(long["who"]))
    empty_cols = [c for c in cols if not long.loc[(long["objective name"] == c), "supports"].any()]
    prep = scanning.prepare(policies)
    against = prep[prep.direction == "works against"].groupby("owner").size().sort_values(ascending=False)
    parts = []
    if empty_cols:
        parts.append(f"No owner has a policy that supports {and_list(empty_cols)}")
    else:
        parts.append("Every objective has at least one owner with a supporting policy")
    if len(against):
        parts.append(f"{against.index[0]} owns the most policies that work against the mission "
                     f"({int(against.iloc[0])} of {int(against.sum())})")
    takeaway = "; ".join(parts) + "."
    base = alt.Chart(long).encode(
        x=alt.X("objective name:N", sort=cols, title=None, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("who:N", sort=rows, title=None),
    )
    rect = base.mark_rect(stroke="white").encode(
        color=alt.Color("cell:N", title="Owner's policies", scale=alt.Scale(
            domain=["supports", "works against", "both", "none"],
            range=[SUPPORT_COLOUR, AGAINST_COLOUR, PALETTE[1], "#F2F2F2"])),
        tooltip=[alt.Tooltip("owner:N", title="Owner"), alt.Tooltip("objective name:N", title="Objective"),
                 alt.Tooltip("supports:Q", title="Supporting policies"),
                 alt.Tooltip("works against:Q", title="Policies working against")],
    )
    labels = base.mark_text(fontSize=12, color="#111111", aria=False).encode(text="label:N")
    tag = fictional_suffix(policies)
    description = (f"Heat map of owners (rows) by objectives (columns){tag}; each cell counts the owner's policies "
                   "that support (+) or work against (minus) the objective. " + takeaway)
    chart = finish(alt.layer(rect, labels).properties(width=90 * len(cols), height=26 * len(rows)),
                   title="Alignment matrix: owners by objectives" + tag,
                   subtitle="+n policies support the objective, \u2212n work against it", description=description)
    return Figure(chart, takeaway)


def conflicts_chart(policies: pd.DataFrame, unit: str = case.MONEY_UNIT) -> Figure:
    """The policies that work against the mission, by budget, against the whole mission-tagged budget."""
    c = scanning.conflicts(policies).reset_index()
    if c.empty:
        raise _empty("no policy works against the mission")
    s = scanning.summarise(policies, unit=unit)
    c["label"] = c["budget"].map(lambda b: money(b, unit))
    c["name"] = c["policy_id"] + " " + c["title"]
    ratio = s.conflict_budget / s.tagged_budget if s.tagged_budget else float("nan")
    takeaway = (f"{s.conflicts} of {s.policies} policies work against the mission, at {money(s.conflict_budget, unit)} "
                f"a year" + (f", {ratio:.1f} times the whole mission-tagged budget ({money(s.tagged_budget, unit)})"
                             if s.tagged_budget else "")
                + f"; the largest, {s.largest_conflict}, costs {money(s.largest_conflict_budget, unit)} alone.")
    order = list(c["name"])
    bars = alt.Chart(c).mark_bar(color=AGAINST_COLOUR).encode(
        y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=340)),
        x=alt.X("budget:Q", title=f"Annual budget or revenue forgone ({unit})",
                scale=alt.Scale(domain=[0, max(float(c["budget"].max()), s.tagged_budget) * 1.2])),
        tooltip=[alt.Tooltip("title:N", title="Policy"), alt.Tooltip("owner:N", title="Owner"),
                 alt.Tooltip("instrument:N", title="Instrument"),
                 alt.Tooltip("objectives harmed:N", title="Objectives harmed"),
                 alt.Tooltip("budget:Q", title=unit, format=",.1f")],
    )
    text = alt.Chart(c).mark_text(align="left", dx=4, color="#222222", aria=False).encode(
        y=alt.Y("name:N", sort=order), x="budget:Q", text="label:N")
    layers = [bars, text]
    if s.tagged_budget:
        ref = pd.DataFrame({"budget": [s.tagged_budget],
                            "what": [f"whole mission-tagged budget: {money(s.tagged_budget, unit)}"]})
        layers.append(alt.Chart(ref).mark_rule(color="#222222", strokeDash=[4, 3]).encode(x="budget:Q"))
        layers.append(alt.Chart(ref).mark_text(align="left", dx=4, dy=-6, color="#222222", fontSize=12).encode(
            x="budget:Q", y=alt.value(0), text="what:N"))
    tag = fictional_suffix(policies)
    description = (f"Horizontal bar chart of the policies that work against the mission, by annual budget{tag}. "
                   + "; ".join(f"{r.name}: {r.label}" for r in c.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(*layers).properties(width=WIDTH - 160, height=max(160, 26 * len(c))),
                   title="Policies that work against the mission" + tag,
                   subtitle="Dashed line: all the money tagged for the mission", description=description)
    return Figure(chart, takeaway)


def instrument_mix(policies: pd.DataFrame, scope: str = "mission-tagged") -> Figure:
    """Share of the budget by instrument type (is the mix wider than grants?)."""
    shares = scanning.budget_shares(policies, "instrument", scope=scope).reset_index()
    if shares.empty or shares["budget"].sum() <= 0:
        raise _empty(f"no {scope} budget")
    for inst in INSTRUMENTS:
        if inst not in set(shares["instrument"]):
            shares.loc[len(shares)] = {"instrument": inst, "policies": 0, "budget": 0.0, "share": 0.0}
    shares["label"] = shares.apply(lambda r: f"{r.share:.1%} ({int(r.policies)})", axis=1)
    top = shares.iloc[0]
    by = shares.set_index("instrument")["share"]
    takeaway = (f"{str(top.instrument).capitalize()} takes {top.share:.0%} of the {scope} budget; regulation "
                f"{by.get('regulation', 0):.1%} and procurement {by.get('procurement', 0):.1%}"
                + (": more than 70% in one type is a warning sign (our proposal)." if top.share > 0.7 else "."))
    order = list(shares["instrument"])
    bars = alt.Chart(shares).mark_bar(color=OTHER_COLOUR).encode(
        y=alt.Y("instrument:N", sort=order, title=None),
        x=alt.X("share:Q", title=f"Share of the {scope} budget", axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("instrument:N", title="Instrument"), alt.Tooltip("share:Q", format=".1%"),
                 alt.Tooltip("policies:Q", title="Policies")],
    )
    text = alt.Chart(shares).mark_text(align="left", dx=4, color="#222222", aria=False).encode(
        y=alt.Y("instrument:N", sort=order), x="share:Q", text="label:N")
    tag = fictional_suffix(policies)
    description = (f"Horizontal bar chart of budget share by instrument type{tag}. "
                   + "; ".join(f"{r.instrument}: {r.share:.1%}" for r in shares.itertuples()) + ". " + takeaway)
    chart = finish(alt.layer(bars, text).properties(width=WIDTH - 160, height=HEIGHT - 120),
                   title="The policy mix: budget by instrument" + tag,
                   subtitle="Label: share of budget (number of policies)", description=description)
    return Figure(chart, takeaway)
