"""Module 08's exercise checks: formative feedback on a participant's answers.

Each ``check_*`` judges one answer against the FICTIONAL Marenta portfolio
(the under-covered objective, possible relabelling, the round-2 decisions) or
loads the participant's own portfolio, and returns a
:class:`~missionkit.feedback.Feedback`. Reference answers are computed from
the data, not typed in.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.portfolio.model import Portfolio, load_portfolio, round2_focus
from missionkit.portfolio.vocabulary import THRESHOLDS, objective_lookup
from missionkit.text import amount, and_list, cites_full, pct

# --------------------------------------------------------------------------- exercise checks
_SOURCES_PORTFOLIO = ("mal-port", "oecd-psi-2022")


def check_under_covered(answer: Any) -> Feedback:
    """Exercise: which objective of the Marenta portfolio (FICTIONAL) is under-covered?"""
    title = "The under-covered objective"
    how = 'Write the id of the objective in quotes, for example "O2".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    p = Portfolio.from_case()
    t = p.objective_table().set_index("objective")
    target = p.under_covered()
    lookup = objective_lookup(p.objectives)
    key = re.sub(r"[^0-9a-z]+", " ", str(answer).casefold()).strip()
    given = lookup.get(key) or lookup.get(key.split(" ")[0] if key else "")
    u = p.unit
    figures = "; ".join(f"{p.label(o)}: {int(t.loc[o, 'projects'])} projects, {amount(t.loc[o, 'budget'], u)}"
                        for o in p.objectives)
    why = ("An objective with too little behind it will miss its target whatever the others achieve: portfolio "
           "balance starts with coverage of every objective.")
    if given is None:
        return Feedback("revise", title, improve=[f"“{answer}” is not one of the objectives. {how}",
                                                  f"The figures: {figures}."], why=why,
                        sources=cites_full(*_SOURCES_PORTFOLIO))
    if given == target["objective"]:
        ratio = p.funding_ratio()
        return Feedback("good", title, strengths=[
            f"{target['label']} has the fewest projects ({target['projects']}) and the least money "
            f"({amount(target['budget'], u)}, {pct(target['share'], 1)} of the total).",
            f"The best-funded objective gets {ratio['ratio']:.0f} times as much."],
            improve=["Now ask why: is it a gap in ideas, in owners, or in money? The donor map (module 11) and the "
                     "policy inventory help."], why=why, sources=cites_full(*_SOURCES_PORTFOLIO))
    row = t.loc[given]
    improve = [f"{p.label(given)} has {int(row['projects'])} projects and {amount(row['budget'], u)} "
               f"({pct(row['share'], 1)}).",
               f"Look for the objective with both the fewest projects and the least money. {figures}."]
    if row["share"] < THRESHOLDS["objective_min_share"]:
        improve.insert(1, f"{p.label(given)} is short of money too, but it has more projects than "
                          f"{target['label']}: count projects as well as money.")
    return Feedback("revise", title, improve=improve, why=why, sources=cites_full(*_SOURCES_PORTFOLIO))


def check_relabelling(ids: Any) -> Feedback:
    """Exercise: which Marenta projects (FICTIONAL) may be existing programmes under a new name?

    Compared with :meth:`Portfolio.relabelling` on the case (the inventory D1,
    start years and the "new" label), so the reference is computed, not typed in.
    """
    title = "Spotting possible relabelling (mission-washing)"
    how = 'Give a list of project ids in quotes, for example ["PR01", "PR02"].'
    if is_blank(ids):
        return Feedback.not_answered(title, how)
    if isinstance(ids, str):
        ids = re.findall(r"PR\d+", ids.upper())
    if not isinstance(ids, (list, tuple, set)):
        return Feedback("revise", title, improve=[f"Your answer is a {type(ids).__name__}. {how}"])
    p = Portfolio.from_case()
    found = p.relabelling()
    ref = list(found["project_id"])
    given = []
    for i in ids:
        k = str(i).strip().upper()
        if re.fullmatch(r"PR\d", k):
            k = "PR0" + k[2:]
        if k not in given:
            given.append(k)
    known = set(p.projects["project_id"])
    unknown = [g for g in given if g not in known]
    hits = [g for g in given if g in ref]
    extra = [g for g in given if g in known and g not in ref]
    missed = [r for r in ref if r not in given]
    proj = p.projects.set_index("project_id")
    strengths = []
    if hits:
        strengths.append(f"You found {len(hits)} of the {len(ref)} projects the evidence points to: {and_list(hits)}.")
    improve = [f"“{u}” is not a project id of the portfolio." for u in unknown]
    for g in extra:
        r = proj.loc[g]
        start = r["start_year"]
        if "mission" in str(r["title"]).casefold() and pd.notna(start) and start >= p.mission_start_year:
            improve.append(f"{g} ({r['title']}) started in {start}, after the mission was adopted: the word "
                           "\"Mission\" in a title is not evidence by itself.")
        elif r["novelty"] in ("scale", "adapt"):
            verb = "scales" if r["novelty"] == "scale" else "adapts"
            improve.append(f"{g} ({r['title']}) says openly that it {verb} "
                           "an existing solution: continuing a programme in the open is not relabelling.")
        else:
            improve.append(f"{g} ({r['title']}) started in {start} and matches no older programme in the policy "
                           "inventory: what makes you suspect it?")
    ev = found.set_index("project_id")["evidence"]
    for m in missed[:6]:
        improve.append(f"Missed {m} ({proj.loc[m, 'title']}): {ev[m]}")
    if len(missed) > 6:
        improve.append(f"… and {len(missed) - 6} more: compare titles with the policy inventory (D1) and check "
                       "start years against the mission's adoption (2025).")
    why = ("Mission-washing is mission language without change in how decisions, money or work flow. Counting "
           "renamed programmes as mission projects inflates the portfolio and hides gaps. Treat each one as a "
           "question for its owner: what is new?")
    sources = cites_full("nesta-missionpublic", "mal-port")
    share = len(hits) / len(ref) if ref else 1.0
    status: Status
    if not missed and not extra and not unknown:  # "Well done" only with nothing left to fix
        status = "good"
    elif share >= 0.5:
        status = "partly"
    else:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve, why=why, sources=sources)


def check_round2_decisions(decisions: Any) -> Feedback:
    """Exercise: your decisions for round 2 (2026-Q4) of the Marenta portfolio (FICTIONAL).

    No single right answer; the criteria (OUR PROPOSAL, after brief 3.4): every
    project in :func:`round2_focus` decided; the scale-ups paid for by the money
    the round frees (no shortfall); the least-funded objective not cut; at least
    one project stopped or paused.
    """
    title = "Your round-2 decisions"
    how = 'For each project write "continue", "scale", "pivot", "pause" or "sunset" in quotes.'
    if is_blank(decisions):
        return Feedback.not_answered(title, how)
    if not isinstance(decisions, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(decisions).__name__}; it should be a "
                                                  f"dict of project id: decision. {how}"])
    p = Portfolio.from_case()
    try:
        review = p.review(decisions, case.CURRENT_ROUND)
    except MissionkitInputError as err:
        return Feedback("revise", title, improve=[err.message])
    focus = round2_focus(p)
    given = {str(k).strip().upper() for k, v in decisions.items() if not is_blank(v)}
    missing = [i for i in focus["project_id"] if i not in given]
    u = p.unit
    strengths, improve = [], []
    weakest = p.under_covered()
    o = weakest["objective"]
    objs = review.objectives.set_index("objective")
    before_o, after_o = float(objs.loc[o, "before"]), float(objs.loc[o, "after"])
    status: Status = "good"
    if review.shortfall > 0.005:
        big = review.table.sort_values("top_up_asked", ascending=False).iloc[0]
        improve.append(f"Your scale-ups ask for {amount(review.needed, u)} but your decisions free only "
                       f"{amount(review.freed, u)}: a shortfall of {amount(review.shortfall, u)}. Scale fewer "
                       f"projects or free more money. {big['project_id']} alone asks {amount(big['top_up_asked'], u)}.")
        status = "revise"
    else:
        strengths.append(f"Your scale-ups ({amount(review.needed, u)}) are paid for by the money you free "
                         f"({amount(review.freed, u)})"
                         + (f", leaving {amount(review.reserve, u)} for {review.reserve_to}." if review.reserve > 0.005
                            else "."))
    if after_o < before_o - 0.005:
        improve.append(f"You cut {weakest['label']}, already the least-covered objective, from "
                       f"{amount(before_o, u)} to {amount(after_o, u)}.")
        status = "revise"
    elif after_o > before_o + 0.005:
        strengths.append(f"{weakest['label']}, the least-covered objective, grows from {amount(before_o, u)} to "
                         f"{amount(after_o, u)}.")
    else:
        improve.append(f"Nothing changes for {weakest['label']}, the least-covered objective: could a scale-up or "
                       "the reserve go there?")
    stops = review.counts.get("sunset", 0) + review.counts.get("pause", 0)
    if stops:
        strengths.append(f"You stop or pause {stops} project(s): the portfolio learns and lets go.")
    else:
        improve.append("Nothing is sunset or paused: a mission that never stops anything is a warning sign.")
        status = "partly" if status == "good" else status
    relabel = set(p.relabelling()["project_id"])
    scaled_relabel = [pid for pid in review.table.loc[review.table["decision"].eq("scale"), "project_id"]
                      if pid in relabel]
    if scaled_relabel:
        improve.append(f"You scale {and_list(scaled_relabel)}, a possible relabelling: before adding money, ask what "
                       "is new in it.")
        status = "partly" if status == "good" else status
    # Large stops and deep cuts need evidence: the course's lines (OUR PROPOSAL) are 10% of the portfolio's money
    # for one project, and 10% of an objective's money.
    proj = p.projects.set_index("project_id")
    _, col = p.round_column(case.CURRENT_ROUND)
    for row in review.table.itertuples():
        if row.decision in ("sunset", "pause") and row.budget_before >= 0.10 * p.total:
            proposal = proj.loc[row.project_id, col] if col else None
            said = f"; its lead proposed \u201c{proposal}\u201d" if isinstance(proposal, str) else ""
            improve.append(f"You {row.decision} {row.project_id} ({row.title}, {amount(row.budget_before, u)}, "
                           f"{row.budget_before / p.total:.0%} of the portfolio{said}). A stop this large needs "
                           "evidence that it is not working, and partner finance tied to it may go with it.")
            status = "partly" if status == "good" else status
    for ob, r in objs.iterrows():
        if ob != o and r["before"] > 0 and r["after"] < 0.9 * r["before"]:
            improve.append(f"You cut {ob} by {1 - r['after'] / r['before']:.0%} ({amount(r['before'], u)} to "
                           f"{amount(r['after'], u)}): say what the objective loses, and why that is worth it.")
            status = "partly" if status == "good" else status
    if missing:
        improve.append("Still to decide: " + and_list(missing) + ".")
        status = "partly" if status == "good" else status
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Reviews are where a portfolio is managed: back what shows promise, close what does not, and "
                        "make sure the money follows the decisions.",
                    sources=cites_full("mal-port", "cooper", "oecd-psi-2022"))


def check_own_portfolio(path: Any, *, objectives: Any = None, mission_start_year: int | None = None) -> Feedback:
    """Exercise: load your own portfolio (or the template) and read its warning signs."""
    title = "Your own portfolio"
    how = ('Write the path of your file in quotes, for example "../my-work/my-portfolio.xlsx", or start from the '
           'template: "../missionkit/data/templates/portfolio-template.csv".')
    if is_blank(path):
        return Feedback.not_answered(title, how)
    if is_blank(mission_start_year):
        mission_start_year = None
    try:
        p = load_portfolio(path, objectives=objectives, mission_start_year=mission_start_year)
    except MissionkitInputError as err:
        return Feedback("revise", title, improve=[err.message],
                        why="The file must follow the template so the tools can read every row. The message says "
                            "where the problem is and how to fix it; nothing you saved is lost.")
    flags = p.flags()
    u = p.unit
    where = f"from '{p.file}'" if p.file else "from your table"
    strengths = [f"Loaded {len(p)} projects ({amount(p.total, u)}) {where}."]
    warnings = [f.text for f in flags if f.severity == "warning"]
    improve = warnings[:6] or ["No warning signs on these thresholds: check them with your team."]
    if mission_start_year is None:
        improve.append("Give mission_start_year= to check for possible relabelling of older programmes.")
    # Loading the file is the participant's part; warning signs are the portfolio's, to discuss, not a score.
    return Feedback("discuss" if warnings else "good", title, strengths=strengths, improve=improve,
                    why="The same checks that found the gaps in the Marenta case (FICTIONAL) now run on your own "
                        "portfolio. The thresholds are our proposal: discuss them.",
                    sources=cites_full(*_SOURCES_PORTFOLIO))
