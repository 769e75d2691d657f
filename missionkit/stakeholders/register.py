"""Module 06: the stakeholder map, and who decides, who shapes and who is missing.

Domain logic only (no display code, never prints). It works on a stakeholder
register such as the FICTIONAL Marenta register (``case.load("stakeholders")``,
dataset D4) or a participant's own (:func:`missionkit.stakeholders.load.read_register`):

* :func:`stakeholder_map`: each organisation's score (interest + influence), its
  corner of the interest/influence grid and its position (support, neutral,
  oppose), kept apart from interest;
* :func:`voices` and :func:`missing_voices`: which kinds of actor decide, which
  shape the mission, and which are missing from both.

The board proposal is in :mod:`missionkit.stakeholders.board`, the engagement
ladder and legitimacy formats in :mod:`missionkit.stakeholders.engagement`, the
exercise checks in :mod:`missionkit.stakeholders.checks`. Sources are keys of
``missionkit/data/references.csv``.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from missionkit.stakeholders.load import check_register
from missionkit.stakeholders.vocabulary import ENGAGEMENT_LEVELS, HIGH, SHAPING_LEVELS, STAKEHOLDER_TYPES

__all__ = [
    "QUADRANTS", "stakeholder_map", "quadrant_summary", "VOICE_STATUSES", "seat_table", "voices",
    "voices_of_checked", "missing_voices",
]

# --------------------------------------------------------------------------- the map
QUADRANTS = {
    "key player": "Key players: high interest and high influence. Involve them closely; how depends on their position.",
    "keep satisfied": "Keep satisfied: high influence, lower interest. Meet their needs; do not surprise them.",
    "affected but weak": "Affected but weak: high interest, low influence. Give them a real voice.",
    "watch": "Watch: neither high. Keep them informed.",
}
"""The corners of the interest/influence grid. Interest is the organisation's
stake (how much the mission affects it and how likely it is to act), not its
support; support or opposition is its ``position``. The grid is the textbook
power/interest adaptation of Mendelow (1981), whose own model crosses power
with the dynamism of the environment `[Mendelow1981]`. The corner names and
advice are OUR wording; "high" means 4 or 5 on the 1-5 scale."""


def _quadrant(interest: int, influence: int) -> str:
    hi_int, hi_inf = interest >= HIGH, influence >= HIGH
    if hi_int and hi_inf:
        return "key player"
    if hi_inf:
        return "keep satisfied"
    if hi_int:
        return "affected but weak"
    return "watch"


def stakeholder_map(register: Any) -> pd.DataFrame:
    """The register with ``priority`` (interest + influence, 2 to 10), ``corner``
    (key player / keep satisfied / affected but weak / watch) and ``voice``
    (whether the organisation's kind of actor decides, shapes or is missing).
    A register without positions gets ``position`` "not given"."""
    df = check_register(register)
    if "position" not in df.columns:
        df["position"] = "not given"
    df["priority"] = df["interest"] + df["influence"]
    df["corner"] = [_quadrant(i, f) for i, f in zip(df["interest"], df["influence"], strict=False)]
    status = voices_of_checked(df).set_index("type")["status"]
    df["voice"] = df["type"].map(status)
    return df


def quadrant_summary(register: Any) -> pd.DataFrame:
    """How many organisations sit in each corner of the grid, and how many of them
    belong to a missing voice, hold no seat at all or oppose the reforms."""
    m = stakeholder_map(register)
    rows = []
    for corner, advice in QUADRANTS.items():
        part = m[m["corner"] == corner]
        rows.append({
            "corner": corner,
            "organisations": len(part),
            "from a missing voice": int((part["voice"] == "missing").sum()),
            "with no seat": int((part["seat"] == "none").sum()),
            "opposing": int((part["position"] == "oppose").sum()),
            "examples": "; ".join(part.sort_values(["priority", "interest"], ascending=False)["name"].head(3)),
            "what to do (our proposal)": advice.split(". ", 1)[1] if ". " in advice else advice,
        })
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- who decides, who is missing
VOICE_STATUSES = ("on the board", "shaping", "missing")


def seat_table(register: Any) -> pd.DataFrame:
    """Seats and engagement by kind of actor, without any verdict: organisations,
    board and assembly seats today, and how many are engaged at each level."""
    df = check_register(register)
    rows = []
    for t in [t for t in STAKEHOLDER_TYPES if t in set(df["type"])]:
        part = df[df["type"] == t]
        row = {"type": t, "organisations": len(part), "board": int((part["seat"] == "board").sum()),
               "assembly": int((part["seat"] == "assembly").sum())}
        for level in ("none",) + ENGAGEMENT_LEVELS:
            row[level] = int((part["engagement"] == level).sum())
        rows.append(row)
    return pd.DataFrame(rows).set_index("type")


def voices(register: Any) -> pd.DataFrame:
    """One row per kind of actor: how many organisations, board and assembly seats,
    how many co-design or co-deliver, and a status.

    * ``on the board``: at least one sits on the mission board. The board advises the owner (the
      Delivery Office); it does not decide: the steering committee and the budget talks do (the case
      briefing, "How the mission is governed");
    * ``shaping``: none on the board, but at least one co-designs or co-delivers;
    * ``missing``: none on the board and none co-designs or co-delivers. An
      assembly seat does not count: the assembly advises, and being informed or
      consulted is being told or asked, not advising at the top or shaping.

    The rule is OUR PROPOSAL. It follows "Governing Missions" (2019): citizens
    should help co-design, co-create, co-implement and co-assess missions
    `[Mazz2019-Governing]`; and the OECD's call to bring in actors who are not
    usually involved `[GGSD2022]`.
    """
    return voices_of_checked(check_register(register))


def voices_of_checked(df: pd.DataFrame) -> pd.DataFrame:
    """:func:`voices` for a register already cleaned by :func:`check_register`."""
    rows = []
    for t in [t for t in STAKEHOLDER_TYPES if t in set(df["type"])] + sorted(set(df["type"]) - set(STAKEHOLDER_TYPES)):
        part = df[df["type"] == t]
        board = int((part["seat"] == "board").sum())
        assembly = int((part["seat"] == "assembly").sum())
        shaping = int(part["engagement"].isin(SHAPING_LEVELS).sum())
        levels = [lv for lv in ("co-deliver", "co-design", "consult", "inform") if lv in set(part["engagement"])]
        best = levels[0] if levels else "none"
        n = len(part)
        if board:
            status = "on the board"
            why = f"{board} of {n} on the board"
        elif shaping:
            status = "shaping"
            why = (f"none on the board, but {shaping} of {n} "
                   f"{'co-designs or co-delivers' if shaping == 1 else 'co-design or co-deliver'}")
        else:
            status = "missing"
            why = ("none on the board, none co-designs or co-delivers; "
                   + (f"{assembly} of {n} in the assembly, which only advises" if assembly else "no seat anywhere"))
        rows.append({"type": t, "organisations": n, "board": board, "assembly": assembly,
                     "co-design or co-deliver": shaping, "highest engagement": best,
                     "mean interest": round(float(part["interest"].mean()), 1),
                     "highest influence": int(part["influence"].max()), "status": status, "why": why})
    out = pd.DataFrame(rows)
    order = {s: i for i, s in enumerate(("missing", "shaping", "on the board"))}
    return out.sort_values(by=["status", "organisations"], key=lambda s: s.map(order) if s.name == "status" else -s,
                           kind="stable").reset_index(drop=True)


def missing_voices(register: Any) -> pd.DataFrame:
    """The kinds of actor with no say in decisions: no board seat, and nobody
    co-designing or co-delivering (see :func:`voices`). In the FICTIONAL Marenta
    register: citizens' groups, informal transport operators, women's groups,
    donors and development banks."""
    v = voices(register)
    return v[v["status"] == "missing"].reset_index(drop=True)

