"""Module 06 exercise checks: formative feedback on the stakeholder exercises.

Feedback on an engagement plan for the FICTIONAL Marenta case's missing voices
(:func:`assess_engagement_plan`; the standard for each voice is OUR PROPOSAL),
and the checks of the module's exercise (``check_*``), each returning a
:class:`~missionkit.feedback.Feedback`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank, md_escape
from missionkit.stakeholders.board import BoardProposal, propose_board
from missionkit.stakeholders.engagement import FORMATS
from missionkit.stakeholders.register import missing_voices, voices
from missionkit.stakeholders.vocabulary import (
    ASSEMBLY_MAX,
    BOARD_MAX,
    ENGAGEMENT_LEVELS,
    GOVERNMENT_TYPES,
    STAKEHOLDER_TYPES,
    many_label,
    normalise_type,
)
from missionkit.text import and_list, cites

__all__ = [
    "EXAMPLE_PLAN", "EXAMPLE_FORMATS", "assess_engagement_plan", "check_missing_voices", "BoardFeedback",
    "check_board", "check_engagement_plan",
]

_FORMAT_SYNONYMS = {"board": "mission board", "board seat": "mission board", "seat on the board": "mission board",
                    "assembly": "mission assembly", "assembly seat": "mission assembly",
                    "seat in the assembly": "mission assembly", "panel": "citizen panel",
                    "citizens' panel": "citizen panel", "citizens panel": "citizen panel",
                    "citizens' assembly": "citizen panel", "citizen assembly": "citizen panel",
                    "contract": "co-drafted contract", "city contract": "co-drafted contract",
                    "route contract": "delivery agreement", "route contracts": "delivery agreement",
                    "call for ideas": "public call for ideas", "poll": "street pilot and poll",
                    "street pilot": "street pilot and poll", "pilot": "street pilot and poll",
                    "information": "public information", "website": "public information",
                    "expert network": "expert network or advisory forum",
                    "advisory forum": "expert network or advisory forum", "forum": "expert network or advisory forum",
                    "peer learning": "peer forum"}



def _norm_format(value: Any) -> str | None:
    if is_blank(value):
        return None
    text = re.sub(r"\s+", " ", str(value).strip().lower()).strip(" .")
    if text in FORMATS:
        return text
    return _FORMAT_SYNONYMS.get(text, "?")


def _norm_level(value: Any) -> str | None:
    if is_blank(value):
        return None
    text = re.sub(r"[\s_]+", " ", str(value).strip().lower()).strip(" .").replace("co ", "co-")
    text = {"codesign": "co-design", "codeliver": "co-deliver", "informed": "inform", "consulted": "consult",
            "co-designed": "co-design", "co-delivered": "co-deliver", "none": "none"}.get(text, text)
    return text if text in ENGAGEMENT_LEVELS + ("none",) else "?"


# What each missing voice needs at least, and why (OUR PROPOSAL for the FICTIONAL case).
_NEEDS: dict[str, tuple[str, str]] = {
    "informal-transport association": (
        "co-design",
        "They run most trips today and can stop the city (influence up to 5), and corridors threaten their "
        "livelihoods. Their focus group said: \u201cNobody asked us before they drew the new corridor\u201d and "
        "\u201cGive us a contract for a route and we will keep a timetable\u201d (fictional). Design the change "
        "with them; route contracts make them co-deliverers."),
    "women's group": (
        "co-design",
        "Objective O4 targets women's safety at night (41% to 61%). Women commuters said \u201cNobody asked women "
        "where the stops should go\u201d (fictional). Stops, lighting and timetables are design decisions."),
    "citizens' group": (
        "consult",
        "Commuters and residents live with corridors and fares. At least ask them before deciding; a citizen "
        "panel or street pilots let them shape options, as \u201cGoverning Missions\u201d recommends."),
    "donor": (
        "co-design",
        "Partners co-finance the mission and ask for one shared set of results (fictional note of October 2026). "
        "Only informing them invites parallel programmes and reports."),
    "development bank": (
        "co-design",
        "The lenders hold the largest sums (a MRC 2,450 m loan for corridors, fictional) and their safeguards "
        "require a plan with the operators. Design with them; co-financing makes them co-deliverers."),
}
_RANK = {lv: i for i, lv in enumerate(("none",) + ENGAGEMENT_LEVELS)}
_FORMAT_LEVELS = {"mission board": ("co-design", "co-deliver"), "mission assembly": ("consult", "co-design"),
                  "outside leaders on boards": ("co-design", "co-deliver"),
                  "expert network or advisory forum": ("consult", "co-design"), "peer forum": ("consult",),
                  "public call for ideas": ("consult",), "street pilot and poll": ("consult", "co-design"),
                  "co-drafted contract": ("co-design", "co-deliver"), "citizen panel": ("consult", "co-design"),
                  "delivery agreement": ("co-deliver",), "public information": ("inform",)}
EXAMPLE_PLAN = {"citizens' group": "consult", "informal-transport association": "co-design",
                "women's group": "co-design", "donor": "consult", "development bank": "consult"}
"""A FICTIONAL example participant's draft plan, shown in the book (it has room to improve)."""
EXAMPLE_FORMATS = {"citizens' group": "street pilot and poll", "informal-transport association": "delivery agreement",
                   "women's group": "citizen panel", "donor": "mission assembly",
                   "development bank": "mission assembly"}


def _by_type(answer: Any, what: str) -> tuple[dict[str, Any], list[str]]:
    """Map a participant's dict to register types; return (mapped, unknown keys)."""
    out: dict[str, Any] = {}
    unknown: list[str] = []
    if not isinstance(answer, Mapping):
        return out, unknown
    for key, value in answer.items():
        found = normalise_type(key)
        if not found:
            unknown.append(str(key))
            continue
        for t in found:
            out[t] = value
    return out, unknown


def assess_engagement_plan(levels: Any, formats: Any = None, *, title: str = "Engagement plan for the missing "
                           "voices (fictional case)") -> Feedback:
    """Feedback on an engagement plan for the FICTIONAL Marenta case's missing voices.

    ``levels`` maps each kind of actor to "inform", "consult", "co-design" or
    "co-deliver"; ``formats`` (optional) maps it to a format from
    :data:`FORMATS`. The standard for each voice is OUR PROPOSAL, drawn from the
    case's focus groups and notes, and from "Governing Missions" (2019) and the
    EU reviews' call for more citizen engagement.
    """
    how = ('For each kind of actor write "inform", "consult", "co-design" or "co-deliver" in quotes, and for each a '
           "format from the list (for example \"citizen panel\").")
    lv, unknown = _by_type(levels, "levels")
    fm, unknown_f = _by_type(formats, "formats")
    if is_blank(levels) and is_blank(formats):
        return Feedback.not_answered(title, how)
    if levels is not None and levels is not ... and not isinstance(levels, Mapping):
        return Feedback("revise", title, improve=[f"Your levels are a {type(levels).__name__}; they should be a "
                                                  "dict with one entry per kind of actor. " + how])
    strengths: list[str] = []
    improve: list[str] = []
    todo: list[str] = []
    wrong = short = 0
    for t, (need, why) in _NEEDS.items():
        level = _norm_level(lv.get(t, ...))
        name = many_label(t).capitalize()
        if level is None:
            todo.append(many_label(t))
            continue
        if level == "?":
            improve.append(f"{name}: \u201c{lv[t]}\u201d is not a level. Use inform, consult, co-design or co-deliver.")
            wrong += 1
            continue
        if level in ("none", "inform"):
            wrong += 1
            improve.append(f"{name}: \u201c{level}\u201d. Informing is one-way: a missing voice stays missing. "
                           f"Aim for at least \u201c{need}\u201d. {why}")
        elif _RANK[level] < _RANK[need]:
            short += 1
            improve.append(f"{name}: \u201c{level}\u201d is a start; aim for \u201c{need}\u201d. {why}")
        else:
            strengths.append(f"{name}: \u201c{level}\u201d. {why}")
        fmt_raw = fm.get(t, ...)
        fmt = _norm_format(fmt_raw)
        if fmt == "?":
            improve.append(f"{name}: \u201c{fmt_raw}\u201d is not one of the formats: " + ", ".join(FORMATS) + ".")
        elif fmt is not None and level in ENGAGEMENT_LEVELS and level not in _FORMAT_LEVELS[fmt]:
            improve.append(f"{name}: a {fmt} does not fit \u201c{level}\u201d; it suits "
                           + " or ".join(f"\u201c{x}\u201d" for x in _FORMAT_LEVELS[fmt]) + ". Pick a format that "
                           "matches the level you promise.")
        elif fmt is not None:
            strengths.append(f"{name}: a {fmt} fits \u201c{level}\u201d.")
    if formats is not None:
        if is_blank(formats):
            todo.append("the formats")
        else:
            left = [many_label(t) for t in _NEEDS if _norm_format(fm.get(t, ...)) is None]
            if left:
                todo.append("a format for " + and_list(left))
    for key in unknown + [k for k in unknown_f if k not in unknown]:
        improve.append(f"\u201c{key}\u201d is not a kind of actor in the register. Use: " + ", ".join(_NEEDS) + ".")
    codeliver_all = lv and all(_norm_level(lv.get(t, ...)) == "co-deliver" for t in _NEEDS)
    if codeliver_all:
        improve.append("Everyone at \u201cco-deliver\u201d is costly and can over-promise. Engagement needs time and "
                       "money in the plan; the EU's reviews found it a repeated weak spot.")
    if todo:
        improve.insert(0, "Still to answer: " + and_list(todo) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status: Status
    if wrong or unknown:
        status = "revise"
    elif todo or short or codeliver_all or any("does not fit" in s or "not one of the formats" in s for s in improve):
        status = "partly"
    else:
        status = "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Legitimacy comes from a real say: citizens and affected groups should help co-design, co-create, "
            "co-implement and co-assess missions, and EU reviews in 2023 and 2024 found citizen and stakeholder "
            "involvement still too weak. Informing builds little; the level you promise must match the format.",
        sources=cites("mazz2019-governing", "eu-2yrs", "kowi2024") + ["The Republic of Marenta case (FICTIONAL)"])


# --------------------------------------------------------------------------- exercise checks
def check_missing_voices(answer: Any) -> Feedback:
    """Exercise 1: which kinds of actor have no say in decisions in the FICTIONAL register?"""
    title = "Who is missing (fictional register)"
    how = ('List the kinds of actor, in quotes, for example ["citizens\' group", "donor"]. Use the register\'s '
           "types.")
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = [answer] if isinstance(answer, str) else answer
    if not isinstance(items, (list, tuple, set)):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answer).__name__}; it should be a list. "
                                                  + how])
    reg = case.load("stakeholders")
    v = voices(reg).set_index("type")
    truth = set(v.index[v["status"] == "missing"])
    given: list[str] = []
    unknown: list[str] = []
    for item in items:
        found = normalise_type(item)
        if not found:
            unknown.append(str(item))
        given += [f for f in found if f not in given]
    strengths: list[str] = []
    improve: list[str] = []
    hits = [t for t in given if t in truth]
    extra = [t for t in given if t not in truth]
    left = [t for t in sorted(truth, key=STAKEHOLDER_TYPES.index) if t not in given]
    if hits:
        strengths.append("Correctly found: " + and_list([f"{many_label(t)} ({v.loc[t, 'why']})" for t in hits]) + ".")
    for t in extra:
        improve.append(f"{many_label(t).capitalize()} are not missing: {v.loc[t, 'why']}.")
    if left:
        improve.append("You left out " + and_list([f"{many_label(t)} ({v.loc[t, 'why']})" for t in left]) + ".")
        if "informal-transport association" in left:
            improve.append("Informal transport operators are easy to overlook: their livelihoods are at stake and "
                           "they oppose the reform, their influence goes up to 5, and every one of them is outside "
                           "the tent.")
    for u in unknown:
        improve.append(f"\u201c{u}\u201d is not a kind of actor in the register. Use: "
                       + ", ".join(STAKEHOLDER_TYPES) + ".")
    status: Status = "good" if not improve else ("partly" if hits and not extra and not unknown else "revise")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A voice is missing when it neither sits where decisions are taken (the board) nor shapes the mission "
            "(co-design, co-deliver). An assembly seat advises only. Bringing in actors who are not usually "
            "involved is one of the OECD's strategic challenges for missions.",
        sources=cites("ggsd2022", "mazz2019-governing") + ["The Republic of Marenta stakeholder register (FICTIONAL)"])


class BoardFeedback(Feedback):
    """Feedback on board rules, with the proposed board shown beneath it."""

    proposal: BoardProposal | None = None

    def _board_md(self) -> str:
        if self.proposal is None:
            return ""
        lines = ["", "**The board your rules give (fictional register):**", "",
                 "| Seat | Organisation | Kind | Why |", "|---|---|---|---|"]
        for row in self.proposal.board.itertuples():
            lines.append(f"| {row.seat} | {md_escape(row.name)} | {md_escape(row.type)} | {md_escape(row.why)} |")
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return super()._repr_markdown_() + self._board_md()

    def to_html(self) -> str:
        import html as _html

        body = super().to_html()
        if self.proposal is None:
            return body
        rows = "".join(f"<tr><td>{r.seat}</td><td>{_html.escape(r.name)}</td><td>{_html.escape(r.type)}</td>"
                       f"<td>{_html.escape(r.why)}</td></tr>" for r in self.proposal.board.itertuples())
        return (body + "<p><strong>The board your rules give (fictional register):</strong></p><table><thead><tr>"
                "<th scope=\"col\">Seat</th><th scope=\"col\">Organisation</th><th scope=\"col\">Kind</th>"
                f"<th scope=\"col\">Why</th></tr></thead><tbody>{rows}</tbody></table>")


def check_board(size: Any, rules: Any) -> Feedback:
    """Exercise 2: feedback on a board size and rules for the FICTIONAL Marenta register.

    Runs :func:`propose_board` and checks the result against the case: at most
    15 seats; every missing voice seated; government at most half; the Ministry
    of Finance (which holds the budget and the fuel subsidy) and all three
    cities on the board. Shows the board beneath the feedback.
    """
    title = "Board rules (fictional register)"
    how = ("Give board_size as a whole number (at most 15) and fill in each rule; "
           "see the lesson for what each rule means.")
    if is_blank(size) and is_blank(rules):
        return Feedback.not_answered(title, how)
    if is_blank(size):
        return Feedback("partly", title, improve=["Still to answer: board_size. " + how])
    if isinstance(size, (int, float)) and not isinstance(size, bool) and size > BOARD_MAX:
        return Feedback(
            "revise", title,
            improve=[f"A board of {size} is too big: EU mission boards have at most {BOARD_MAX} members, and "
                     f"Marenta's board has 13 (fictional). Put the others in the assembly (up to {ASSEMBLY_MAX})."],
            why="A board small enough to argue and decide is the point; breadth belongs in the assembly.",
            sources=cites("eu-boards-2019"))
    reg = case.load("stakeholders")
    try:
        proposal = propose_board(reg, size=size, rules=None if is_blank(rules) else rules)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}"])
    r = proposal.rules
    b = proposal.board
    strengths: list[str] = []
    improve: list[str] = []
    revise = False
    missing = set(missing_voices(reg)["type"])
    unseated = [t for t in STAKEHOLDER_TYPES if t in missing and t not in set(b["type"])]
    if unseated:
        revise = True
        improve.append("The board leaves out " + and_list([many_label(t) for t in unseated])
                       + ", voices with no say today. Keep must_include as None (the missing voices) or list them.")
    else:
        strengths.append("Every missing voice has a seat: " + and_list([many_label(t) for t in sorted(missing,
                         key=STAKEHOLDER_TYPES.index)]) + ".")
    gov = int(b["type"].isin(GOVERNMENT_TYPES).sum())
    if gov > len(b) / 2:
        improve.append(f"Government holds {gov} of {len(b)} seats. A board that is mostly officials hears itself; "
                       "keep government to half or less.")
    else:
        strengths.append(f"Government holds {gov} of {len(b)} seats: officials do not outvote everyone else.")
    if "Ministry of Finance" not in set(b["name"]):
        improve.append("The Ministry of Finance is not on the board. It holds the budget and the fuel subsidy; "
                       "bring finance in from the start (add it to include).")
    else:
        strengths.append("The Ministry of Finance sits on the board, so budget questions are settled where "
                         "decisions are made.")
    cities = [c for c in case.CITIES if f"{c} City Government" not in set(b["name"])]
    if cities:
        improve.append("City governments missing: " + and_list(cities) + ". Each city signs a city contract and runs "
                       "a mission unit (fictional); add the missing ones to include.")
    else:
        strengths.append("All three city governments have a seat.")
    governance: Mapping[str, Any] = case.GOVERNANCE
    leads = (governance["owner"],) + tuple(governance["co_leads"])
    co_leads = [n for n in leads if n not in set(b["name"])]
    if co_leads:
        improve.append("The mission's owner and co-leads should sit on its board; missing: " + and_list(co_leads) + ".")
    if r.max_per_type > 5:
        improve.append(f"max_per_type = {r.max_per_type} lets one kind of actor fill a third of the board or more; "
                       "try 4 or fewer.")
    status: Status = "revise" if revise else ("partly" if improve else "good")
    fb = BoardFeedback(
        status, title, strengths=strengths, improve=improve,
        why="EU mission boards have at most 15 members. Bring non-STI ministries such as finance in from the start, "
            "and give the people a mission affects a real say (OUR SYNTHESIS of the OECD and EU reviews).",
        sources=cites("eu-boards-2019", "mal-gov", "ggsd2022", "eu-2yrs"))
    fb.proposal = proposal
    return fb


def check_engagement_plan(levels: Any, formats: Any = None) -> Feedback:
    """Exercises 3 and 4: engagement levels and formats for the missing voices (FICTIONAL case)."""
    return assess_engagement_plan(levels, formats, title="Engagement plan for the missing voices (fictional case)")
