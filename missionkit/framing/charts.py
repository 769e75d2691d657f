"""Module 03 charts: the mission map as a layered tree.

:func:`mission_map_chart` draws challenge -> mission -> objectives -> projects
from left to right (Mazzucato 2018), one colour per objective, and returns a
:class:`~missionkit.charts.Figure` whose takeaway is computed from the map:
how many objectives and projects, which objective has the most and the
fewest projects, and how many projects serve no objective.

:func:`draw_mission_map` is the exercise's version: it takes the
participant's answer (a dict of text lines) and returns the chart, or
formative feedback when there is nothing to draw yet or a line needs a fix.
"""
from __future__ import annotations

import textwrap
from typing import Any

import altair as alt
import pandas as pd

from missionkit.charts import PALETTE, Figure, finish
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.framing.mission_map import MapProject, MissionMap, parse_mission_map
from missionkit.text import and_list

__all__ = ["mission_map_chart", "mission_map_takeaway", "draw_mission_map", "COLUMNS"]

# x extent of each column (px): challenge, mission, objectives, projects
COLUMNS = {"challenge": (0, 130), "mission": (145, 305), "objective": (320, 480), "project": (495, 760)}
HEADERS = {"challenge": "Challenge", "mission": "Mission", "objective": "Objectives", "project": "Projects"}
ROW = 22          # px per project row
TOP = 28          # px above the first row, for the column headers
LINE = 15         # px per line of wrapped text
CHARS = {"challenge": 19, "mission": 25, "objective": 25, "project": 40}
GREY = "#777777"
NO_OBJECTIVE = "No objective"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _wrap(text: str, n: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, n) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1] + " …", n)
    return "\n".join(lines)


def mission_map_takeaway(m: MissionMap) -> str:
    """One sentence computed from the map (see the module docstring)."""
    n_obj, n_proj = len(m.objectives), len(m.projects)
    unlinked = len(m.unlinked)
    if n_obj == 0:
        text = "The map has no objectives yet: split the mission into a few objectives, each with its own target"
        if n_proj:
            text += f"; its {_plural(n_proj, 'project')} cannot be linked to one yet"
        return text + "."
    lead = f"The map links the mission to {_plural(n_obj, 'objective')} and {_plural(n_proj, 'project')}"
    if n_proj == unlinked:
        text = lead + ": no objective has a project yet, so nothing is working towards any of them"
    else:
        counts = m.counts()
        labels = {o.code: o.label for o in m.objectives}
        most, least = max(counts.values()), min(counts.values())
        top = [labels[c] for c, k in counts.items() if k == most]
        low = [labels[c] for c, k in counts.items() if k == least]
        if least == 0:
            text = (f"{lead}; {and_list(low)} {'has' if len(low) == 1 else 'have'} no project yet, a gap in the "
                    f"portfolio, while {and_list(top)} {'has' if len(top) == 1 else 'have'} the most ({most})")
        elif most == least:
            text = f"{lead}; each objective has {_plural(most, 'project')}"
        else:
            text = (f"{lead}: {and_list(top)} {'has' if len(top) == 1 else 'have'} the most ({most}) "
                    f"and {and_list(low)} the fewest ({least})")
    if unlinked:
        text += f"; {_plural(unlinked, 'project')} {'serves' if unlinked == 1 else 'serve'} no objective"
    return text + "."


def _layout(m: MissionMap, per_objective: int | None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Boxes (nodes) and links (edges) in pixels, and the chart height."""
    groups: list[tuple[str | None, str, str, list[MapProject]]] = [
        (o.code, o.label, o.detail, m.projects_for(o.code)) for o in m.objectives]
    if m.unlinked:
        groups.append((None, NO_OBJECTIVE, "projects linked to no objective", m.unlinked))
    nodes, edges = [], []
    row = 0
    colour_of = {}
    for i, (code, label, detail, projects) in enumerate(groups):
        colour = GREY if code is None else PALETTE[i % (len(PALETTE) - 1)]
        colour_of[code] = colour
        shown = projects if per_objective is None else projects[:per_objective]
        more = len(projects) - len(shown)
        rows = max(1, len(shown) + (1 if more else 0))
        top = TOP + row * ROW
        x0, x1 = COLUMNS["objective"]
        count = f" ({len(projects)})" if projects else ""
        nodes.append({"level": "objective", "x": x0, "x2": x1, "y": top + 2, "y2": top + rows * ROW - 2,
                      "ty": top + rows * ROW / 2, "label": _cut(label + count, CHARS["objective"]),
                      "full": f"{label}: {detail}" if detail else label, "colour": colour,
                      "projects": len(projects)})
        for k, p in enumerate(shown):
            y = TOP + (row + k) * ROW
            px0, px1 = COLUMNS["project"]
            nodes.append({"level": "project", "x": px0, "x2": px1, "y": y + 2, "y2": y + ROW - 2,
                          "ty": y + ROW / 2, "label": _cut(p.name, CHARS["project"]), "full": p.name,
                          "colour": colour, "projects": 0})
            edges.append({"x": x1, "y": top + rows * ROW / 2, "x2": px0, "y2": y + ROW / 2, "colour": colour})
        if more:
            y = TOP + (row + len(shown)) * ROW
            nodes.append({"level": "more", "x": COLUMNS["project"][0], "x2": COLUMNS["project"][1], "y": y + 2,
                          "y2": y + ROW - 2, "ty": y + ROW / 2, "label": f"+ {more} more",
                          "full": f"{more} more projects for {label}", "colour": colour, "projects": 0})
        row += rows
    body = max(row, 1) * ROW
    c_text = _wrap(m.challenge or "(no challenge written yet)", CHARS["challenge"], 14)
    m_text = _wrap(m.mission or "(no mission statement written yet)", CHARS["mission"], 16)
    c_h = c_text.count("\n") * LINE + LINE + 14
    m_h = m_text.count("\n") * LINE + LINE + 14
    body = max(body, c_h + 8, m_h + 8)
    height = TOP + body
    mid = TOP + body / 2
    for level, text, h, full in (("challenge", c_text, c_h, m.challenge), ("mission", m_text, m_h, m.mission)):
        x0, x1 = COLUMNS[level]
        nodes.append({"level": level, "x": x0, "x2": x1, "y": mid - h / 2, "y2": mid + h / 2,
                      "ty": mid - h / 2 + 8, "label": text, "full": full or "(not written yet)",
                      "colour": "#444444" if level == "mission" else "#999999", "projects": 0})
    edges.append({"x": COLUMNS["challenge"][1], "y": mid, "x2": COLUMNS["mission"][0], "y2": mid,
                  "colour": "#444444"})
    for n in nodes:
        if n["level"] == "objective":
            edges.append({"x": COLUMNS["mission"][1], "y": mid, "x2": COLUMNS["objective"][0], "y2": n["ty"],
                          "colour": n["colour"]})
    return pd.DataFrame(nodes), pd.DataFrame(edges), int(height)


def mission_map_chart(mission_map: Any, per_objective: int | None = None, *,
                      title: str = "Mission map", subtitle: str | None = None) -> Figure:
    """The mission map as a layered tree: challenge -> mission -> objectives -> projects.

    ``mission_map`` is a :class:`~missionkit.framing.mission_map.MissionMap` or
    anything :func:`~missionkit.framing.mission_map.parse_mission_map` reads.
    ``per_objective`` shows at most that many projects per objective (in the
    map's order) and a "+ N more" line for the rest; the counts in the
    objective boxes and the takeaway always cover every project.
    """
    m = mission_map if isinstance(mission_map, MissionMap) else parse_mission_map(mission_map)
    if per_objective is not None and (not isinstance(per_objective, int) or per_objective < 1):
        raise MissionkitInputError(
            f"per_objective should be a whole number of at least 1, not {per_objective!r}",
            fix="Use for example per_objective=3, or None to show every project")
    nodes, edges, height = _layout(m, per_objective)
    width = COLUMNS["project"][1]
    xs = alt.Scale(domain=[0, width], nice=False, zero=False)
    ys = alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True)
    colours = sorted(set(nodes["colour"]) | set(edges["colour"]))
    cscale = alt.Scale(domain=colours, range=colours)

    def xy():
        return dict(x=alt.X("x:Q", scale=xs, axis=None), x2="x2:Q", y=alt.Y("y:Q", scale=ys, axis=None), y2="y2:Q")

    links = alt.Chart(edges).mark_rule(strokeWidth=1.5, opacity=0.7).encode(
        **xy(), color=alt.Color("colour:N", scale=cscale, legend=None))
    base = alt.Chart(nodes)
    boxes = base.transform_filter(alt.datum.level != "more").mark_rect(
        cornerRadius=3, fillOpacity=0.16, strokeWidth=1.5).encode(
        **xy(), fill=alt.Fill("colour:N", scale=cscale, legend=None),
        stroke=alt.Stroke("colour:N", scale=cscale, legend=None),
        tooltip=[alt.Tooltip("full:N", title="Full text")])

    def labels(level: str, **style):
        return base.transform_filter(alt.datum.level == level).mark_text(
            align="left", baseline="middle", dx=6, fontSize=12, color="#111111", **style).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("ty:Q", scale=ys, axis=None), text="label:N",
            tooltip=[alt.Tooltip("full:N", title="Full text")])

    short = [labels("objective", fontWeight="bold"), labels("project")]
    if (nodes["level"] == "more").any():
        short.append(labels("more", fontStyle="italic"))
    long = base.transform_filter("datum.level == 'challenge' || datum.level == 'mission'").mark_text(
        align="left", baseline="top", dx=6, fontSize=12, lineBreak="\n", lineHeight=LINE,
        color="#111111").encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("ty:Q", scale=ys, axis=None), text="label:N",
        tooltip=[alt.Tooltip("full:N", title="Full text")])
    heads = pd.DataFrame([{"x": COLUMNS[k][0], "y": 10, "label": v} for k, v in HEADERS.items()])
    header = alt.Chart(heads).mark_text(align="left", baseline="middle", fontSize=13, fontWeight="bold",
                                        color="#222222").encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None), text="label:N")

    takeaway = mission_map_takeaway(m)
    counts = m.counts()
    parts = [f"{o.label}: {_plural(counts[o.code], 'project')}" for o in m.objectives]

    def sentence(text: str) -> str:
        return (text or "not written yet").rstrip(" .") + "."

    description = (f"Mission map drawn as a tree from left to right. Challenge: {sentence(m.challenge)} "
                   f"Mission: {sentence(m.mission)} Objectives: "
                   + ("; ".join(parts) if parts else "none yet") + ". " + takeaway)
    chart = finish(
        alt.layer(links, boxes, *short, long, header).properties(width=width, height=height)
        .configure_view(stroke=None),
        title=title, subtitle=subtitle, description=description)
    return Figure(chart, takeaway)


def draw_mission_map(answer: Any, per_objective: int | None = None) -> Figure | Feedback:
    """The participant's mission map as a chart, or feedback when it cannot be drawn yet."""
    title = "Your mission map"
    if is_blank(answer):
        return Feedback.not_answered(title, 'Fill in "challenge", "mission", "objectives" and "projects" above, '
                                            "then run this cell again.")
    try:
        m = parse_mission_map(answer)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}."])
    return mission_map_chart(m, per_objective, title="Your mission map")
