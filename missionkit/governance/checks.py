"""Module 05 exercise checks: formative feedback on the governance exercises.

Each ``check_*`` judges a participant's answer about the FICTIONAL Marenta
case and returns a :class:`~missionkit.feedback.Feedback`;
:func:`exercise_design` rebuilds Marenta's design from the answers so that
:func:`check_exercise_design` can run the five rules on it.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any, cast

from missionkit import case
from missionkit.answers import match_choice
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.governance.design import (
    BOARD,
    DECISION_RIGHTS,
    EU_BOARD_CAP,
    FORUM,
    MAX_ONE_SECTOR_SHARE,
    PMDO,
    SECTORS,
    STEERING,
    TEAM,
    Body,
    GovernanceDesign,
    Member,
    Right,
    in_register,
    marenta_budget_holders,
    marenta_design,
    organisation_register,
    resolve_name,
    same_organisation,
)
from missionkit.governance.rules import RULES, check_design
from missionkit.text import and_list, cite, money

__all__ = [
    "CHALLENGES",
    "check_dimensions",
    "check_objective_owners",
    "check_board",
    "check_forum",
    "check_decision_rights",
    "exercise_design",
    "check_exercise_design",
]

# --------------------------------------------------------------------------- exercise checks
_DIM_SYNONYMS = {
    "strategic orientation": "strategic orientation", "orientation": "strategic orientation",
    "strategy": "strategic orientation", "strategic": "strategic orientation",
    "policy coordination": "policy co-ordination", "policy co ordination": "policy co-ordination",
    "coordination": "policy co-ordination", "co ordination": "policy co-ordination",
    "policy implementation": "policy implementation", "implementation": "policy implementation",
}

CHALLENGES: dict[str, tuple[str, str]] = {
    "Write clear, measurable goals with milestones": (
        "strategic orientation", "Setting the goal and its milestones is the core of strategic orientation."),
    "Consult citizens in a way that actually shapes decisions": (
        "strategic orientation", "Citizens shape the direction and the targets: strategic orientation."),
    "Stop missions becoming new silos": (
        "policy co-ordination", "Silos are a co-ordination failure between ministries and missions."),
    "Use governance bodies to steer before decisions are made, not only to review afterwards": (
        "policy co-ordination", "It is about how bodies line up ministries' decisions: policy co-ordination."),
    "Find money beyond STI budgets": (
        "policy implementation", "Funding the mix of actions is implementation; it is where the STI trap bites."),
    "Link supply-push with demand-pull": (
        "policy implementation", "Choosing and combining instruments is implementation."),
}
"""Typical challenges to sort (paraphrased from OECD 2022, Table 3); the answer is the dimension the OECD lists."""

_CHALLENGE_MISTAKES = {
    ("Use governance bodies to steer before decisions are made, not only to review afterwards",
     "strategic orientation"): "It sounds strategic, but the OECD lists it under policy co-ordination: it is about "
                               "bodies lining up ministries' decisions before they are taken.",
    ("Find money beyond STI budgets", "policy co-ordination"): "Budgets must be aligned, but the OECD lists finding "
                                                               "the money under policy implementation.",
    ("Stop missions becoming new silos", "strategic orientation"): "The OECD lists silos under policy "
                                                                   "co-ordination: they are a failure to work across "
                                                                   "ministries.",
}


_RIGHT_ALIASES = {"approves portfolio": "approve portfolio", "approve projects": "approve portfolio",
                  "decide portfolio": "approve portfolio", "aligns budgets": "align budgets",
                  "coordinate budgets": "align budgets", "co ordinate budgets": "align budgets",
                  "advises": "advise", "advice": "advise", "reviews progress": "review progress",
                  "sets direction": "set direction", "runs day to day": "run day to day",
                  "day to day": "run day to day", "manage day to day": "run day to day"}


def _key(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


def check_dimensions(answers: Any) -> Feedback:
    """Feedback on sorting typical challenges into the OECD's three dimensions."""
    title = "The OECD's three dimensions"
    how = 'For each challenge write "strategic orientation", "policy co-ordination" or "policy implementation".'
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answers).__name__}; it should be the "
                                                  f"dict of challenges given in the cell. {how}"])
    by_key = {_key(k): k for k in CHALLENGES}
    strengths, improve, missing = [], [], []
    wrong = 0
    for key, value in answers.items():
        full = by_key.get(_key(key))
        if full is None:
            wrong += 1
            improve.append(f"\u201c{key}\u201d is not one of the challenges; keep them as given.")
            continue
        right, why = CHALLENGES[full]
        if is_blank(value):
            missing.append(full)
            continue
        said = _DIM_SYNONYMS.get(_key(value))
        if said is None:
            wrong += 1
            improve.append(f"{full}: \u201c{value}\u201d is not one of the three dimensions. {how}")
        elif said == right:
            strengths.append(f"{full}: {right}. {why}")
        else:
            wrong += 1
            improve.append(f"{full}: you said \u201c{said}\u201d. "
                           + _CHALLENGE_MISTAKES.get((full, said), f"The OECD lists it under {right}. {why}"))
    missing += [k for k in CHALLENGES if _key(k) not in {_key(a) for a in answers} and k not in missing]
    if not strengths and not wrong:
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + "; ".join(missing) + ".")
    return Feedback(
        "revise" if wrong else ("partly" if missing else "good"), title, strengths=strengths, improve=improve,
        why="Naming the dimension tells you which body must act: those who set direction, those who co-ordinate, "
            "or those who fund and deliver. Many challenges touch more than one; this sorting follows the OECD's "
            "table.",
        sources=[cite(k) for k in ("ggsd2022", "cstp-poster")])


_STI = ("Ministry of Science, Technology and Innovation (MoSTI)", "Marenta Innovation Agency (MIA)")


def check_objective_owners(owners: Any) -> Feedback:
    """Feedback on who owns each of Marenta's objectives (FICTIONAL)."""
    title = "Who owns each objective"
    how = 'For each objective write the organisation that owns it, in quotes, e.g. "Ministry of Transport".'
    if is_blank(owners):
        return Feedback.not_answered(title, how)
    if not isinstance(owners, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(owners).__name__}. {how}"])
    given = {str(k).strip().upper(): v for k, v in owners.items()}
    strengths, improve = [], []
    status: Status = "good"
    resolved: dict[str, str] = {}
    for code in case.OBJECTIVE_IDS:
        label = f"{code} {case.OBJECTIVES[code]['name']}"
        value = given.get(code)
        if is_blank(value):
            improve.append(f"{label} has no owner: name one organisation that answers for its target.")
            status = "revise"
            continue
        name = resolve_name(value)
        if not in_register(name):
            close = difflib.get_close_matches(str(value), list(organisation_register()), n=2, cutoff=0.5)
            improve.append(f"{label}: \u201c{value}\u201d is not an organisation in Marenta's register"
                           + (f"; did you mean {and_list([repr(c) for c in close])}?" if close else "."))
            status = "revise"
            continue
        resolved[code] = name
        info = organisation_register()[name]
        if info["sector"] != "public sector":
            improve.append(f"{label}: {name} is a {info['type']}; an owner must answer to the Cabinet, so choose a "
                           "ministry, agency or city government (others can co-deliver).")
            status = "revise"
        elif name in _STI and code != "O5":
            improve.append(f"{label}: {name} is an STI body. Owning a societal objective from the research side "
                           "feeds the STI trap; give it to the ministry that holds the levers.")
            status = "revise" if status == "revise" else "partly"
        else:
            strengths.append(f"{label}: {name}.")
    if len(resolved) == len(case.OBJECTIVE_IDS) and len(set(resolved.values())) == 1:
        improve.insert(0, f"One body owns every objective ({next(iter(resolved.values()))}). Ownership should reach "
                          "beyond one ministry: each objective needs the body that holds its levers.")
        status = "revise"
    o4 = resolved.get("O4")
    if o4 == "Ministry of Gender and Social Affairs":
        strengths.append("O4: the social affairs ministry knows the households and women concerned; it will need "
                         "Transport and the cities as co-leads.")
    elif o4 and status == "good":
        improve.append(f"O4: {o4} can own it; say who co-leads on fares (Transport) and safe stops (the cities). "
                       "Discuss: why not the Ministry of Gender and Social Affairs?")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="An objective without an owner loses every budget argument. The OECD lists building ownership beyond one "
            "ministry among the typical challenges of strategic orientation.",
        sources=[cite("ggsd2022"), cite("mal-gov"), "Marenta case (FICTIONAL)"])


def _counts(seats: Mapping) -> dict[str, int] | str:
    out: dict[str, int] = {}
    for k, v in seats.items():
        sector = _key(k).replace("partners", "partner")
        match = next((s for s in SECTORS if _key(s) == sector), None)
        if match is None:
            return f"\u201c{k}\u201d is not a sector; use: {', '.join(SECTORS)}."
        if is_blank(v):
            v = 0
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0 or int(v) != v:
            return f"{k}: \u201c{v}\u201d is not a number of seats; type a whole number such as 3."
        out[match] = out.get(match, 0) + int(v)
    return out


def check_board(board_seats: Any) -> Feedback:
    """Feedback on the mission board's seats by sector: size cap and balance."""
    title = "The mission board"
    how = "For each sector type a whole number of seats, e.g. 3 (0 if none)."
    if is_blank(board_seats):
        return Feedback.not_answered(title, how)
    if not isinstance(board_seats, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(board_seats).__name__}. {how}"])
    counts = _counts(board_seats)
    if isinstance(counts, str):
        return Feedback("revise", title, improve=[counts])
    total = sum(counts.values())
    if total == 0:
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    status: Status = "good"
    if total > EU_BOARD_CAP:
        improve.append(f"{total} seats is more than the EU cap of {EU_BOARD_CAP} for a mission board; move some "
                       "members to the assembly (up to 30).")
        status = "revise"
    else:
        strengths.append(f"{total} seats: within the EU cap of {EU_BOARD_CAP}.")
    top = max(counts, key=lambda sector: counts[sector])
    if counts[top] / total > MAX_ONE_SECTOR_SHARE:
        improve.append(f"{counts[top]} of {total} seats go to the {top}: the board is mostly one sector. Bring in "
                       "the people the mission must reach.")
        status = "revise"
    else:
        strengths.append(f"No sector holds more than two-thirds of the seats (the largest, {top}, has "
                         f"{counts[top]}).")
    if not counts.get("civil society"):
        improve.append("No seat for civil society: women's groups, commuters and the urban poor are the people O4 "
                       "Fair access is for.")
        status = "revise" if status == "revise" else "partly"
    if not counts.get("business"):
        improve.append("No seat for business: vehicle assemblers and the informal minibus operators decide whether "
                       "O5 and O1 move.")
        status = "revise" if status == "revise" else "partly"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="EU mission boards have up to 15 independent experts; the OECD lists bringing in actors who are not "
            "usually involved as a typical challenge. The two-thirds threshold is our proposal.",
        sources=[cite("eu-boards-2019"), cite("ggsd2022"), cite("uk-uktimes")])


def check_forum(forum_members: Any, budget_holders: Any = None) -> Feedback:
    """Feedback on who sits in the co-ordination forum: every holder of mission budget should."""
    title = "The co-ordination forum"
    how = 'Give a list of organisations in quotes, e.g. ["Ministry of Transport", "MoSTI", "Kessa"].'
    if is_blank(forum_members):
        return Feedback.not_answered(title, how)
    items = [forum_members] if isinstance(forum_members, str) else list(forum_members) \
        if isinstance(forum_members, (list, tuple, set)) else None
    if items is None:
        return Feedback("revise", title, improve=[f"Your answer is a {type(forum_members).__name__}. {how}"])
    items = [i for i in items if not is_blank(i)]
    if not items:
        return Feedback.not_answered(title, how)
    holders = GovernanceDesign.model_validate({"budget_holders": budget_holders if budget_holders is not None
                                               else marenta_budget_holders()}).budget_holders
    unknown = [i for i in items if not in_register(i)]
    names = [resolve_name(i) for i in items if in_register(i)]
    inside = [n for n in holders if any(same_organisation(n, m) for m in names)]
    outside = [n for n in holders if n not in inside]
    strengths, improve = [], []
    total = sum(h.budget for h in holders.values()) or 1.0
    if inside:
        strengths.append(f"{len(inside)} of {len(holders)} organisations holding mission budget are in "
                         f"({sum(holders[n].budget for n in inside) / total:.0%} of the tagged money).")
    if outside:
        improve.append(f"{and_list([f'{n} ({money(holders[n].budget)})' for n in outside])} hold mission budget but "
                       "sit in no co-ordination forum. Nobody lines up their spending with the others.")
    for u in unknown:
        close = difflib.get_close_matches(str(u), list(organisation_register()), n=1, cutoff=0.5)
        improve.append(f"\u201c{u}\u201d is not an organisation in Marenta's register"
                       + (f"; did you mean '{close[0]}'?" if close else "."))
    if len(names) > 20:
        improve.append(f"{len(names)} members is a lot for a forum that must agree budgets; keep the others informed.")
    if not any(same_organisation(n, "Ministry of Finance") for n in names):
        improve.append("Discuss: the Ministry of Finance holds little mission money but owns the fuel subsidy and the "
                       "budget calendar. Should it sit in the forum?")
    status: Status = "revise" if outside or unknown else "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Lining up actors and budgets behind the goal is the OECD's policy co-ordination dimension; money held "
            "outside any forum is spent without reference to the mission's other actions.",
        sources=[cite("ggsd2022"), cite("mal-gov"), "Marenta policy inventory D1 (FICTIONAL)"])


EXERCISE_BODIES = {STEERING: "steering committee", FORUM: "coordination forum", BOARD: "mission board",
                   TEAM: "mission team"}


def check_decision_rights(decision_rights: Any) -> Feedback:
    """Feedback on the decision right of each body: is the portfolio steered before money is committed?"""
    title = "Decision rights"
    how = ("For each body write one decision right in quotes (or a list of them): "
           + ", ".join(f'"{r}"' for r in DECISION_RIGHTS) + ".")
    if is_blank(decision_rights):
        return Feedback.not_answered(title, how)
    if not isinstance(decision_rights, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(decision_rights).__name__}. {how}"])
    rights: dict[str, list[Right]] = {}
    improve, strengths = [], []
    for body, value in decision_rights.items():
        if is_blank(value):
            continue
        values = [value] if isinstance(value, str) else list(value)
        ok = []
        for v in values:
            match = match_choice(v, DECISION_RIGHTS, _RIGHT_ALIASES)
            if match is None:
                improve.append(f"{body}: \u201c{v}\u201d is not one of the decision rights. {how}")
            else:
                ok.append(cast(Right, match))
        rights[str(body)] = ok
    if not rights and not improve:
        return Feedback.not_answered(title, how)
    status: Status = "revise" if improve else "good"
    approvers = [b for b, rs in rights.items() if "approve portfolio" in rs]
    if not approvers:
        reviewers = [b for b, rs in rights.items() if "review progress" in rs]
        improve.append("Nobody approves the portfolio before money is committed"
                       + (f": {and_list(reviewers)} only review{'s' if len(reviewers) == 1 else ''} progress after the "
                          "fact (ex post)" if reviewers else "") + ". Real decisions then happen elsewhere, such as in "
                       "budget talks.")
        status = "revise"
    for b in approvers:
        kind = EXERCISE_BODIES.get(next((k for k in EXERCISE_BODIES if _key(k) == _key(b)), ""), "")
        if kind in ("mission board", "mission assembly"):
            improve.append(f"{b} approves the portfolio. In the EU's set-up, mission boards advise the Commission "
                           "on portfolios; approval belongs with a body that answers for the money (our proposal). "
                           "Let the board advise and the steering committee approve.")
            status = "revise" if status == "revise" else "partly"
        elif kind == "mission team":
            improve.append(f"{b} approves its own portfolio: that is running it, not steering it. Give approval to "
                           "a body above the team.")
            status = "revise" if status == "revise" else "partly"
        else:
            strengths.append(f"{b} approves the portfolio before money is committed: steering ex ante.")
    if status == "good":
        for b, rs in rights.items():
            if "advise" in rs and _key(b) == _key(BOARD):
                strengths.append(f"{b} advises, as EU mission boards did (their tasks included portfolios and "
                                 "indicators).")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="The OECD lists using governance bodies to steer before decisions are made, not only to review afterwards, "
            "as a typical co-ordination challenge; the EU boards' tasks include the portfolio and its adjustment.",
        sources=[cite("ggsd2022"), cite("eu-board-tasks")])


def exercise_design(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                    decision_rights: Any = None) -> GovernanceDesign:
    """Marenta's design rebuilt from the exercise's answers (blank answers leave that part empty)."""
    d = marenta_design()
    owners = {} if is_blank(objective_owners) or not isinstance(objective_owners, Mapping) else {
        k: (None if is_blank(v) else resolve_name(v)) for k, v in objective_owners.items()}
    d.objective_owners = GovernanceDesign(objective_owners=owners).objective_owners
    counts = _counts(board_seats) if isinstance(board_seats, Mapping) else {}
    counts = counts if isinstance(counts, dict) else {}
    d.body(BOARD).members = [Member(name=f"{s.capitalize()} seat {i + 1}", sector=s)
                             for s in SECTORS for i in range(counts.get(s, 0))]
    items = [] if is_blank(forum_members) else ([forum_members] if isinstance(forum_members, str)
                                                else list(forum_members))
    members = [Member.model_validate(resolve_name(i)) for i in items if not is_blank(i) and in_register(i)]
    d.bodies.insert(1, Body(name=FORUM, type="coordination forum", chair=PMDO, members=members))
    given = decision_rights if isinstance(decision_rights, Mapping) else {}
    for body in d.bodies:
        value = next((v for k, v in given.items() if _key(k) == _key(body.name)), None)
        if body.name in EXERCISE_BODIES:
            values = [] if value is None or is_blank(value) else ([value] if isinstance(value, str) else list(value))
            body.decision_rights = [d_ for d_ in DECISION_RIGHTS if any(_key(v) == _key(d_) for v in values)]
    return d


def check_exercise_design(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                          decision_rights: Any = None) -> Feedback:
    """Run the five rules on the design your answers add up to."""
    title = "Your governance design, checked against the five rules"
    answers = (objective_owners, board_seats, forum_members, decision_rights)
    if all(is_blank(a) for a in answers):
        return Feedback.not_answered(title, "Answer exercises 2 to 5 above, then run this cell again.")
    design = exercise_design(*answers)
    findings = check_design(design)
    problems = [f for f in findings if f.severity == "problem"]
    passed = [r for r in RULES if not any(f.rule == r.name and f.severity == "problem" for f in findings)]
    strengths = [f"{r.question} Yes." for r in passed]
    improve = [f.text() for f in findings]
    missing = [n for n, a in zip(("objective owners", "board", "forum", "decision rights"), answers, strict=False)
               if is_blank(a)]
    if missing:
        improve.insert(0, f"Still to answer: {and_list(missing)}.")
    status: Status = "revise" if problems else ("partly" if missing or findings else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Each rule comes from a source: owners for every objective and ex-ante steering (OECD Mission Action Lab; "
            "OECD 2022), budget holders at one table (OECD 2022, policy co-ordination), a board from several sectors "
            "and within the EU caps (European Commission 2019). The thresholds marked as ours are proposals.",
        sources=[cite(k) for k in ("ggsd2022", "mal-gov", "eu-boards-2019")])
