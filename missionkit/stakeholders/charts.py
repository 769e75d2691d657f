"""Charts for module 06 (stakeholders and legitimacy), built on missionkit.charts.

* :func:`interest_influence_map`: every organisation on the interest/influence
  grid (interest = stake; position in the tooltip), coloured by whether its kind of actor decides, shapes or is missing;
  click a legend entry to pick out one group, hover for names (altair's own
  interactivity, so it works in JupyterLab and in the book without a kernel).
* :func:`board_balance`: board seats by kind of actor, today and proposed.

Each returns a :class:`~missionkit.charts.Figure` whose takeaway is computed
from the data.
"""
from __future__ import annotations

import math

import altair as alt
import pandas as pd

from missionkit.charts import HEIGHT, PALETTE, WIDTH, Figure, finish
from missionkit.stakeholders.board import BoardProposal
from missionkit.stakeholders.register import stakeholder_map
from missionkit.stakeholders.vocabulary import BOARD_MAX, GOVERNMENT_TYPES, TYPE_LABELS
from missionkit.text import and_list

VOICE_COLOURS = {"on the board": PALETTE[0], "shaping": PALETTE[1], "missing": PALETTE[3]}
VOICE_LABELS = {"on the board": "On the board (advises the owner)", "shaping": "Shapes (co-designs or co-delivers)",
                "missing": "Missing (neither)"}
SEAT_SHAPES = {"board": "square", "assembly": "triangle-up", "none": "circle"}
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
STEP = 0.105


def _takeaway(m: pd.DataFrame) -> str:
    key = m[m["corner"] == "key player"]
    opposed = key[key["position"] == "oppose"]
    weak = m[m["corner"] == "affected but weak"]
    parts = []
    if len(opposed):
        lead = f"{len(opposed)} key players (interest and influence 4 or 5) oppose the reforms"
        top = opposed["type"].value_counts()
        t, n = top.index[0], int(top.iloc[0])
        seated = int((opposed[opposed["type"] == t]["seat"] != "none").sum())
        seat_text = "none with a seat" if seated == 0 else f"{seated} with a seat"
        lead += f"; {n} of them are {TYPE_LABELS.get(t, (t, t))[1]}, {seat_text}"
        parts.append(lead)
    if len(weak):
        n_missing = int((weak["voice"] == "missing").sum())
        parts.append(f"{n_missing} of the {len(weak)} affected but weak organisations (interest 4 or 5, influence 3 "
                     "or less) belong to voices with no say in decisions")
    if not parts:
        return f"The register holds {len(m)} organisations, none of them opposed key players or affected but weak."
    return " ".join(p[0].upper() + p[1:] + "." for p in parts)


def interest_influence_map(register) -> Figure:
    """Every organisation of a stakeholder register on the interest/influence grid.

    Colour: whether its kind of actor decides (a board seat), shapes (co-designs
    or co-delivers) or is missing (:func:`missionkit.stakeholders.register.voices`).
    Shape: its seat today. Click a colour in the legend to pick out that group;
    hover a point for the organisation's details.
    """
    m = stakeholder_map(register)
    m["kind"] = m["type"].map(lambda t: TYPE_LABELS.get(t, (t, t))[0])
    data = m.rename(columns={"voice": "say"})[["name", "kind", "interest", "influence", "position", "seat",
                                                "engagement", "say"]]

    order = ["on the board", "shaping", "missing"]
    label_expr = " : ".join(f"datum.label == '{k}' ? '{VOICE_LABELS[k]}'" for k in order) + " : datum.label"
    pick = alt.selection_point(fields=["say"], bind="legend", name="voice_pick")
    scale = alt.Scale(domain=[0.5, 5.5], nice=False, zero=False)
    axis = alt.Axis(values=[1, 2, 3, 4, 5], format="d", grid=False)
    # Points sharing a cell sit on a small sunflower (k-th point: radius STEP*sqrt(k), angle k*golden angle),
    # computed by vega so the stored data stay small and every point can be seen and hovered.
    points = alt.Chart(data).transform_window(
        k="row_number()", groupby=["interest", "influence"]
    ).transform_calculate(
        x=f"datum.interest + {STEP} * sqrt(datum.k - 1) * cos((datum.k - 1) * {GOLDEN_ANGLE!r})",
        y=f"datum.influence + {STEP} * sqrt(datum.k - 1) * sin((datum.k - 1) * {GOLDEN_ANGLE!r})",
    ).mark_point(filled=True, size=70, stroke="white", strokeWidth=0.6,
                                          aria=False).encode(
        x=alt.X("x:Q", title="Interest: its stake in the mission (1 = very little, 5 = a great deal)",
                scale=scale, axis=axis),
        y=alt.Y("y:Q", title="Influence: can help or block (1 to 5)", scale=scale, axis=axis),
        color=alt.Color("say:N", title="Their say (click to pick)",
                        scale=alt.Scale(domain=order, range=[VOICE_COLOURS[k] for k in order]),
                        legend=alt.Legend(orient="bottom", direction="vertical", labelExpr=label_expr)),
        shape=alt.Shape("seat:N", title="Seat today", scale=alt.Scale(domain=list(SEAT_SHAPES),
                                                                      range=list(SEAT_SHAPES.values())),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
        opacity=alt.condition(pick, alt.value(0.95), alt.value(0.12)),
        tooltip=[alt.Tooltip("name:N", title="Organisation"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("interest:Q", title="Interest (stake)"), alt.Tooltip("influence:Q", title="Influence"),
                 alt.Tooltip("position:N", title="Position on the reforms"),
                 alt.Tooltip("seat:N", title="Seat today"), alt.Tooltip("engagement:N", title="Engagement today"),
                 alt.Tooltip("say:N", title="Their kind of actor: on the board, shaping or missing")],
    ).add_params(pick)
    lines = pd.DataFrame({"v": [3.5]})
    vrule = alt.Chart(lines).mark_rule(color="#777777", strokeDash=[4, 4]).encode(x="v:Q")
    hrule = alt.Chart(lines).mark_rule(color="#777777", strokeDash=[4, 4]).encode(y="v:Q")
    corners = pd.DataFrame([
        {"x": 5.45, "y": 5.45, "label": "Key players", "align": "right"},
        {"x": 0.55, "y": 5.45, "label": "Keep satisfied", "align": "left"},
        {"x": 5.45, "y": 0.58, "label": "Affected but weak", "align": "right"},
        {"x": 0.55, "y": 0.58, "label": "Watch", "align": "left"},
    ])
    left = alt.Chart(corners[corners["align"] == "left"]).mark_text(
        align="left", baseline="middle", fontSize=13, fontWeight="bold", color="#444444").encode(
        x="x:Q", y="y:Q", text="label:N")
    right = alt.Chart(corners[corners["align"] == "right"]).mark_text(
        align="right", baseline="middle", fontSize=13, fontWeight="bold", color="#444444").encode(
        x="x:Q", y="y:Q", text="label:N")
    takeaway = _takeaway(m)
    counts = m["voice"].value_counts()
    description = (f"Scatter chart of {len(m)} organisations (FICTIONAL Marenta register) by interest, their stake "
                   "(x, 1 to 5) "
                   f"and influence (y, 1 to 5), split into four corners at 3.5. "
                   + "; ".join(f"{VOICE_LABELS[k]}: {int(counts.get(k, 0))}" for k in ("on the board", "shaping",
                                                                                          "missing"))
                   + ". " + takeaway)
    chart = finish(
        alt.layer(vrule, hrule, points, left, right).properties(width=WIDTH, height=HEIGHT + 80),
        title="Who is affected, who has power, and who has a say",
        subtitle="Stakeholder register, interest (stake) and influence 1 to 5 (fictional). Hover a point for its "
                 "position. Click the legend.",
        description=description)
    return Figure(chart, takeaway)


def board_balance(proposal: BoardProposal) -> Figure:
    """Board seats by kind of actor: the board today against a proposal."""
    bal = proposal.balance()
    long = bal.melt(id_vars="type", value_vars=["board (today)", "board (proposed)"], var_name="board",
                    value_name="seats")
    long["board"] = long["board"].map({"board (today)": "Today", "board (proposed)": "Proposed"})
    long["kind"] = long["type"].map(lambda t: TYPE_LABELS.get(t, (t, t))[1])
    order = [TYPE_LABELS.get(t, (t, t))[1] for t in bal["type"]]
    today_gov = int(bal.loc[bal["type"].isin(GOVERNMENT_TYPES), "board (today)"].sum())
    today_total = int(bal["board (today)"].sum())
    prop_gov = int(bal.loc[bal["type"].isin(GOVERNMENT_TYPES), "board (proposed)"].sum())
    prop_total = int(bal["board (proposed)"].sum())
    new_kinds = bal[(bal["board (today)"] == 0) & (bal["board (proposed)"] > 0)]["type"]
    new_text = and_list([TYPE_LABELS.get(t, (t, t))[1] for t in new_kinds])
    takeaway = (f"Government holds {today_gov} of {today_total} board seats today and {prop_gov} of {prop_total} in "
                f"the proposal, which gives seats to {len(new_kinds)} kinds of actor that have none today"
                + (f": {new_text}." if new_text else "."))
    chart = alt.Chart(long).mark_bar(aria=False).encode(
        y=alt.Y("kind:N", title=None, sort=order),
        yOffset=alt.YOffset("board:N", sort=["Today", "Proposed"]),
        x=alt.X("seats:Q", title="Board seats", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("board:N", title="Board", scale=alt.Scale(domain=["Today", "Proposed"],
                                                                  range=[PALETTE[5], PALETTE[0]]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("kind:N", title="Kind of actor"), alt.Tooltip("board:N", title="Board"),
                 alt.Tooltip("seats:Q", title="Seats")],
    )
    description = ("Bar chart of board seats by kind of actor, today and proposed (FICTIONAL Marenta register). "
                   + "; ".join(f"{r.type}: {int(r[2])} today, {int(r[1])} proposed"
                               for r in bal.itertuples(index=False)) + ". " + takeaway)
    return Figure(finish(chart.properties(width=WIDTH - 120, height=HEIGHT + 60),
                         title="The board today and as proposed",
                         subtitle=f"{proposal.size} seats proposed; EU boards have at most {BOARD_MAX}",
                         description=description), takeaway)
