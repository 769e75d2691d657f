"""Module 02 charts (the Marenta data are FICTIONAL). Each returns a :class:`missionkit.charts.Figure`.

* :func:`criteria_chart`: the panel's rating of each candidate on each criterion, as a grid;
* :func:`representation_chart`: respondents' share against the population's, for one trait;
* :func:`support_chart`: first choices as answered, and re-weighted on one trait.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from missionkit import case
from missionkit.charts import PALETTE, Figure, fictional_suffix, finish
from missionkit.choosing import consultation as cons
from missionkit.choosing import selection
from missionkit.text import pct

__all__ = ["criteria_chart", "representation_chart", "support_chart", "RATING_COLOURS"]

RATING_COLOURS = {"meets": PALETTE[0], "partly": PALETTE[1], "fails": PALETTE[3]}


def criteria_chart(candidates: pd.DataFrame) -> Figure:
    """A grid: criteria down, candidates across, each cell coloured and labelled by the panel's rating."""
    names = selection.candidate_names(candidates)
    data = candidates.assign(who=[f"{c} {names[c]}" for c in candidates["candidate_id"]])[["who", "criterion",
                                                                                           "rating"]]
    base = alt.Chart(data).encode(
        x=alt.X("who:N", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("criterion:N", sort=list(case.CHOICE_CRITERIA), title=None))
    rect = base.mark_rect(stroke="white").encode(
        color=alt.Color("rating:N", scale=alt.Scale(domain=list(RATING_COLOURS), range=list(RATING_COLOURS.values())),
                        title="Panel's rating"),
        tooltip=["who", "criterion", "rating"])
    text = base.mark_text(color="black").encode(text="rating:N")
    counts = selection.rating_counts(candidates)
    fails = selection.failures(candidates)
    failing = [c for c, f in fails.items() if f]
    clean = [c for c in fails if not fails[c]]
    takeaway = "; ".join(f"{c} fails {len(fails[c])} criteria ({', '.join(fails[c])})" for c in failing) or \
        "No candidate fails a criterion"
    takeaway += "; " + "; ".join(f"{c} meets {counts.loc[c, 'meets']} and fails none" for c in clean) + "."
    chart = finish((rect + text).properties(width=360, height=240),
                   title="Candidate missions against eight criteria" + fictional_suffix(candidates),
                   description="Grid of the three candidate missions (columns) against eight selection criteria "
                               "(rows); each cell shows the panel's rating: meets, partly or fails.")
    return Figure(chart, takeaway)


def representation_chart(consultation: pd.DataFrame, trait: str) -> Figure:
    """For each group of ``trait``: the share of respondents against the share of the population."""
    table = cons.representation(consultation, trait).reset_index()
    if trait == "car_household":
        table[trait] = table[trait].map({"yes": "households with a car", "no": "households without a car"})
    long = table.melt(id_vars=[trait], value_vars=["respondent_share", "population_share"], var_name="who",
                      value_name="share")
    long["who"] = long["who"].map({"respondent_share": "Respondents", "population_share": "Population"})
    long = long.rename(columns={trait: "group"})
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("group:N", title=cons.TRAITS[trait].capitalize(), sort=list(table[trait])),
        yOffset=alt.YOffset("who:N"),
        x=alt.X("share:Q", title="Share", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("who:N", scale=alt.Scale(domain=["Respondents", "Population"], range=[PALETTE[1], PALETTE[0]]),
                        title=None),
        tooltip=["group", "who", alt.Tooltip("share:Q", format=".0%")])
    worst = table.loc[(table["ratio"] - 1).abs().idxmax()]
    takeaway = (f"Most out of line: {worst[trait]}, {pct(worst['respondent_share'])} of respondents against "
                f"{pct(worst['population_share'])} of the population ({worst['ratio']:.1f} times).")
    fig = finish(chart.properties(width=360, height=60 * len(table)),
                 title=f"Who answered the consultation: {cons.TRAITS[trait]}" + fictional_suffix(consultation),
                 description=f"Bars comparing the share of consultation respondents in each group of "
                             f"{cons.TRAITS[trait]} with the group's share of the population.")
    return Figure(fig, takeaway)


def support_chart(consultation: pd.DataFrame, weight_by: str | None = None) -> Figure:
    """First choices as answered, and (with ``weight_by``) re-weighted so that each group counts as in the
    population."""
    raw = cons.choice_shares(consultation)
    frames = [pd.DataFrame({"candidate": raw.index, "share": raw.values, "count": "As answered"})]
    if weight_by:
        w = cons.weighted_shares(consultation, weight_by)
        frames.append(pd.DataFrame({"candidate": w.index, "share": w.values,
                                    "count": f"Weighted by {cons.TRAITS[weight_by]}"}))
    data = pd.concat(frames, ignore_index=True)
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("candidate:N", title="Candidate ranked first", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("count:N"),
        y=alt.Y("share:Q", title="Share of first choices", axis=alt.Axis(format="%")),
        color=alt.Color("count:N", scale=alt.Scale(range=[PALETTE[1], PALETTE[0]]), title=None),
        tooltip=["candidate", "count", alt.Tooltip("share:Q", format=".0%")])
    top = cons.ranking(raw)[0]
    takeaway = f"As answered, {top} leads with {pct(raw[top])}."
    if weight_by:
        wtop = cons.ranking(w)[0]
        takeaway += (f" Weighted by {cons.TRAITS[weight_by]}, {wtop} leads with {pct(w[wtop])}"
                     + (f", and {top} has {pct(w[top])}." if wtop != top else "."))
    fig = finish(chart.properties(width=320, height=220),
                 title="Support for each candidate" + fictional_suffix(consultation),
                 description="Bars of the share of respondents ranking each candidate first"
                             + (", as answered and re-weighted." if weight_by else ", as answered."))
    return Figure(fig, takeaway)
