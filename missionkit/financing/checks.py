"""Module 09: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

A financing plan under a fiscal limit, an instrument for a stated problem, conditions on support to a
firm (a decision under uncertainty: the check judges structure, never substance) and a reading of the
budget lines. Every answer is a plain dict, as the forms save it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.financing.budget import read_budget, unfunded_running_costs
from missionkit.financing.conditions import (
    CONDITION_CODES,
    CONDITIONS,
    GROUPS,
    MANY_CONDITIONS,
    SELF_CHECK,
    argument_structure,
)
from missionkit.financing.instruments import INSTRUMENT_NAMES, PROBLEM_EXERCISE, Problem
from missionkit.financing.load import amount, budget_lines, codes_from_answer, plan_from_answer
from missionkit.financing.plan import PLAN_EXERCISE, Scenario, review_plan
from missionkit.text import and_list, cite_full, money, pct

__all__ = ["FICTIONAL", "check_financing_plan", "check_instrument_choice", "check_conditions",
           "check_budget_reading", "FINDINGS", "READING_OBJECTIVE", "CONDITIONS_MODEL_ANSWER"]

FICTIONAL = "FICTIONAL: the Marenta case (module 09 data, D9)"
READING_OBJECTIVE = "O1"
FINDINGS = {
    "running": "No money to run the two bus corridors once they open",
    "borrowed": "More than four-fifths of O1's money is borrowed",
    "late": "Most of O1's money is planned after 2030",
    "counterpart": "The national budget puts nothing into the corridors",
    "underspent": "The Amberport transport authority spent less than half of its plan for 2025-2026",
}
CONDITIONS_MODEL_ANSWER = (
    "I recommend that we lend the MRC 25m and give the MRC 15m, with five conditions. The public would carry "
    "MRC 40m of the risk against the owners' MRC 8m, so it should share the reward: a royalty once sales pass "
    "12,000 vehicles a year, and no dividends until the loan is repaid. The mission needs local value, so the "
    "support is tied to 60% local assembly and 400 jobs by 2030, reported every year. The main risk is that the "
    "firm fails against cheaper imports; then we lose part of the loan, but the grant comes back if the plant "
    "leaves Marenta, and the yearly reports let us stop the second tranche early."
)
_BACKWARDS = ("already has", "already have", "easiest", "easy to", "we always", "we usually", "popular",
              "the budget has", "money left", "procurement budget", "because it is the best", "everyone uses")


def _status(strengths: list[str], improve: list[str]) -> Status:
    return "good" if not improve else ("partly" if strengths else "revise")


# --------------------------------------------------------------------------- 1. a financing plan
def check_financing_plan(plan: Any, scenario: Scenario = PLAN_EXERCISE) -> Feedback:
    """Feedback on a plan ``{component: {source: amount}}`` for the scenario (default: the exercise's, O2)."""
    title = f"Your financing plan: {scenario.title}"
    how = "Fill in the form: for each component, how much each source pays (MRC m). Leave a box empty for 0."
    if is_blank(plan):
        return Feedback.not_answered(title, how)
    try:
        clean = plan_from_answer(plan, scenario)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message])
    r = review_plan(clean, scenario)
    if r.empty:
        return Feedback.not_answered(title, how)
    improve = r.problems + r.warnings
    status: Status = "good" if not improve else ("partly" if not r.problems else "revise")
    return Feedback(status, title, strengths=r.strengths, improve=improve,
                    why="A mission's money must match what it pays for: assets can be borrowed for, because they "
                        "last; running costs recur and need a budget that recurs. The finance ministry's limit "
                        "holds whatever the ambition. More than one plan passes these rules: they are the course's, "
                        "not a law.",
                    sources=[cite_full("fin-oecd-blended2025"), cite_full("fin-oecd-sr"),
                             "OUR PROPOSAL: the plan rules (Module 09)", FICTIONAL])


# --------------------------------------------------------------------------- 2. an instrument for a problem
def _choice(answer: Any) -> tuple[str, str]:
    if isinstance(answer, Mapping):
        inst, why = answer.get("instrument"), answer.get("why")
        return ("" if is_blank(inst) else str(inst).strip().lower(), "" if is_blank(why) else str(why).strip())
    return ("" if is_blank(answer) else str(answer).strip().lower(), "")


def _reason_points(why: str, problem: Problem) -> tuple[list[str], list[str]]:
    strengths, improve = [], []
    s = argument_structure(why)
    low = why.lower()
    if not why:
        improve.append("Say why in two or three sentences: what stage the solution is at, who would buy or use "
                       "it, and what could go wrong.")
    elif s.placeholder:
        improve.append(f"\u201c{why}\u201d is a placeholder, not a reason. Say what stage the solution is at and "
                       "who would buy it.")
    elif s.keywords:
        improve.append("Your reason is a list of words. Write it as sentences: the stage of the solution, because "
                       "..., so the instrument ...")
    else:
        if any(w in low for w in problem.stage_words):
            strengths.append("You read the problem's stage: whether a solution exists yet, and how ready it is.")
        if any(w in low for w in problem.buyer_words):
            strengths.append("You say who would buy, use or enforce the solution.")
        if s.words < 12:
            improve.append("Say a little more: why this instrument, and what could go wrong.")
        if not strengths:
            improve.append("Tie your reason to the problem: is there a product yet, and who would buy it?")
    if any(b in low for b in _BACKWARDS):
        improve.append("Start from the problem, not from the tool or the budget you already have: a budget line "
                       "for one instrument is not a reason to use it.")
    return strengths, improve


def check_instrument_choice(choice: Any, problem: Problem = PROBLEM_EXERCISE) -> Feedback:
    """Feedback on ``{"instrument": ..., "why": ...}`` for the stated problem (default: the exercise's)."""
    title = f"Your instrument: {problem.title}"
    inst, why = _choice(choice)
    if not inst and not why:
        return Feedback.not_answered(title, "Choose an instrument from the list and say why in two or three "
                                            "sentences.")
    sources = [cite_full("fin-pcp-ec"), cite_full("fin-eafip"), cite_full("fin-sbir-crs"),
               "OUR PROPOSAL: which instrument fits which problem (Module 09)", FICTIONAL]
    honest = ("The check rates the instrument against the problem's stage and its buyer, and reads your reason for "
              "its structure; it cannot judge how convincing your reason would be to a minister.")
    if not inst:
        return Feedback("revise", title, improve=["Choose an instrument from the list first; your reason is kept."],
                        why=honest, sources=sources)
    if inst not in INSTRUMENT_NAMES:
        return Feedback("revise", title, improve=[f"\u201c{inst}\u201d is not in the list. Choose one of: "
                                                  f"{', '.join(INSTRUMENT_NAMES)}."], why=honest, sources=sources)
    rating, reason = problem.rating(inst)
    strengths, improve = _reason_points(why, problem)
    if rating == "best":
        strengths.insert(0, f"{inst.capitalize()} fits. {reason}")
        status = _status(strengths, improve)
    elif rating == "defensible":
        strengths.insert(0, f"{inst.capitalize()} is a defensible choice. {reason}")
        improve.append(f"Compare it with {and_list(problem.best)}: which gives the ministry more control as "
                       "future buyer?")
        status = "partly"
    else:
        improve.insert(0, f"{inst.capitalize()} does not fit this problem. {reason}")
        status = "revise"
    if status != "good":
        improve.append(f"A model answer: {problem.model_answer}")
    return Feedback(status, title, strengths=strengths, improve=improve, why=honest, sources=sources)


# --------------------------------------------------------------------------- 3. conditions on support to a firm
def check_conditions(answer: Any) -> Feedback:
    """Feedback on ``{"conditions": [codes], "defence": text}``: the kinds of condition and the argument's structure.

    A decision under uncertainty: several sets of conditions are defensible. The check judges structure
    (a claim, evidence with a number, a consequence or risk; what the public gets back; how anyone will know),
    says honestly that it cannot judge substance, and shows a model answer and a self-check list.
    """
    title = "Conditions on support to Kessa E-Motors (fictional)"
    ans = answer if isinstance(answer, Mapping) else {"conditions": answer}
    if is_blank(ans.get("conditions")) and is_blank(ans.get("defence")):
        return Feedback.not_answered(title, "Tick the conditions you would attach, then write three to five "
                                            "sentences to the Finance Minister defending them.")
    try:
        codes = codes_from_answer(ans.get("conditions"), CONDITION_CODES, "conditions")
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message])
    defence = "" if is_blank(ans.get("defence")) else str(ans.get("defence")).strip()
    groups = {c.group for c in CONDITIONS if c.code in codes}
    strengths: list[str] = []
    improve: list[str] = []
    sources = [cite_full("fin-laplane-mazz2019"), cite_full("fin-iipp-rr"), cite_full("fin-mingardi2015"),
               cite_full("fin-chips2024"), FICTIONAL]
    honest = ("This check can see which kinds of condition you chose and the structure of your argument. It cannot "
              "judge whether your conditions are wise for this firm: several answers are defensible, and that "
              "judgement belongs to you and the room.")
    if not codes:
        improve.append("With no conditions the public takes the risk of MRC 40m and gets nothing back if the firm "
                       "succeeds, and nothing if it leaves. Tick at least one condition on what the firm delivers "
                       "and one on what the public gets back.")
    else:
        strengths.append(f"{len(codes)} condition{'s' if len(codes) != 1 else ''}, covering "
                         f"{and_list(sorted(groups))}.")
        if len(codes) > MANY_CONDITIONS:
            improve.append(f"{len(codes)} conditions is a lot: each costs the firm something and must be monitored. "
                           "Too many may deter the firm, or any firm, from applying. Keep the ones that matter for "
                           "the mission.")
        if "direction" not in groups:
            improve.append(f"Nothing ties the support to the mission ({GROUPS['direction']}): jobs, emissions, "
                           "prices or access.")
        if not groups & {"reward", "protection"}:
            improve.append("Nothing says what the public gets back, if the firm succeeds (reinvestment, a stake, "
                           "a royalty, licences) or if it fails or leaves (a clawback).")
        if "monitoring" not in groups:
            improve.append(f"Add a way to check: {GROUPS['monitoring']}. A condition nobody checks is a wish.")
    s = argument_structure(defence)
    if not defence:
        improve.append("Write your defence to the Finance Minister: what you recommend, one number from the case, "
                       "and what could go wrong.")
    elif s.placeholder:
        improve.append(f"\u201c{defence}\u201d is a placeholder. Write three to five sentences to the minister.")
    elif s.keywords:
        improve.append("Your defence is a list of words. The minister needs sentences: a claim, evidence with a "
                       "number, and the consequence or risk.")
    else:
        found = [n for n, ok in (("a claim", s.claim), ("evidence with a number", s.number),
                                 ("a consequence or risk", s.risk)) if ok]
        missing = [n for n, ok in (("a claim (what you recommend)", s.claim),
                                   ("evidence with a number from the case", s.number),
                                   ("a consequence or risk (what could go wrong, and what then)", s.risk)) if not ok]
        if found:
            strengths.append(f"Your defence has {and_list(found)}.")
        if missing:
            improve.append(f"Your defence lacks {and_list(missing)}.")
        if s.words < 15:
            improve.append("Say a little more: a minister needs the reason, not only the verdict.")
    if not codes:
        status: Status = "revise"
    elif improve:
        status = "partly"
    else:
        status = "discuss"
    improve.append("Use this self-check before you send it: " + " ".join(f"({i}) {q}" for i, q in
                                                                         enumerate(SELF_CHECK, 1)))
    improve.append(f"One model answer among several defensible ones: {CONDITIONS_MODEL_ANSWER}")
    return Feedback(status, title, strengths=strengths, improve=improve, why=honest, sources=sources)


# --------------------------------------------------------------------------- 4. reading the budget lines
def _truth(lines: pd.DataFrame | None) -> tuple[dict[str, bool], dict[str, str]]:
    r = read_budget(lines, READING_OBJECTIVE)
    gaps = unfunded_running_costs(lines, READING_OBJECTIVE)
    counterpart = _counterpart(lines, list(gaps["project_id"]))
    ex = r.execution.set_index("budget_holder")
    amta = "Amberport Metropolitan Transport Authority"
    amta_share = float(ex.loc[amta, "share_spent"]) if amta in ex.index else 1.0
    truth = {"running": not gaps.empty, "borrowed": r.borrowed_share > 0.8,
             "late": r.timing["share_after"] > 0.5, "counterpart": counterpart == 0,
             "underspent": amta_share < 0.5}
    opens = and_list([str(y) for y in gaps["opens"]])
    facts = {
        "running": (f"{and_list(list(gaps['project_id']))} build the corridors ({money(gaps['capital'].sum())} of "
                    f"capital) but have no operating money from {opens}, when their services open: buses, drivers, "
                    "fuel and upkeep are not paid for."),
        "borrowed": (f"{pct(r.borrowed_share)} of O1's money ({money(r.timing['total'])}) is borrowed: the loans "
                     "must be repaid from future budgets, and the lenders' terms shape the projects."),
        "late": (f"nothing is planned after 2030 for O1 ({money(r.timing['after'])} of {money(r.timing['total'])}); "
                 "back-loading is the lesson's finding on O2, not O1's."),
        "counterpart": f"the national budget puts {money(counterpart)} into the corridors' land and utility works.",
        "underspent": (f"the Amberport transport authority spent {pct(amta_share)} of its plan for 2025-2026."),
    }
    return truth, facts


def check_budget_reading(answer: Any, lines: pd.DataFrame | None = None) -> Feedback:
    """Feedback on ``{"findings": [codes], "capital": number, "ask": text}`` about O1's budget lines."""
    title = "What O1's budget lines show, and what is missing (fictional)"
    ans = answer if isinstance(answer, Mapping) else {"findings": answer}
    if all(is_blank(ans.get(k)) for k in ("findings", "capital", "ask")):
        return Feedback.not_answered(title, "Tick what the O1 lines show, give the capital planned for the two "
                                            "corridors (MRC m), and say what the Ministry of Finance should ask for.")
    sources = [cite_full("fin-oecd-sr"), cite_full("fin-oecd-pb2019"), FICTIONAL]
    why = ("A budget that pays to build but not to run is a classic gap: the asset opens and the service cannot. "
           "Reading lines by capital and operating, by year and by source is what a finance ministry's spending "
           "review does.")
    try:
        got = codes_from_answer(ans.get("findings"), tuple(FINDINGS), "findings")
        capital = None if is_blank(ans.get("capital")) else amount(ans.get("capital"), "The corridors' capital")
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message], why=why, sources=sources)
    truth, facts = _truth(lines)
    strengths, improve = [], []
    for code in got:
        if truth[code]:
            strengths.append(f"Yes: {facts[code]}")
        else:
            improve.append(f"Not shown: {facts[code]}")
    for code in FINDINGS:
        if truth[code] and code not in got:
            improve.append(f"Also shown, and you did not tick it: {facts[code]}" if code != "running" else
                           "Look again at the operating lines of the two corridors: what pays to run them once they "
                           "open?")
    gaps = unfunded_running_costs(lines, READING_OBJECTIVE)
    cap = float(gaps["capital"].sum())
    loans = cap - _counterpart(lines, list(gaps["project_id"]))
    if capital is None:
        improve.append("Give the capital planned for the two corridors, in MRC m: add up their capital lines.")
    elif abs(capital - cap) <= 1:
        strengths.append(f"{money(cap)} of capital builds the two corridors, and none of it can pay to run them.")
    elif abs(capital - loans) <= 1:
        improve.append(f"{money(loans)} is the loans only; add the national counterpart of "
                       f"{money(cap - loans)} for land and utility works: {money(cap)} in all.")
    elif abs(capital - 960) <= 1:
        improve.append(f"MRC 960m is Corridor 1's loan only. Add up the capital lines of both corridors: "
                       f"{money(cap)}.")
    else:
        improve.append(f"You gave {money(capital)}. Add up every capital line of PR01 and PR03: Corridor 1's loan "
                       "and its national counterpart, and Kessa's loan.")
    ask = "" if is_blank(ans.get("ask")) else str(ans.get("ask"))
    if ask and re.search(r"operat|running|run\b|recurr|maintenan|upkeep", ask, re.I):
        strengths.append("Your ask goes to the gap: money to run the corridors.")
    status: Status = _status(strengths, improve) if "running" in got else "revise"
    return Feedback(status, title, strengths=strengths, improve=improve, why=why, sources=sources)


def _counterpart(lines: pd.DataFrame | None, projects: list[str]) -> float:
    d = budget_lines() if lines is None else lines
    part = d[d["project_id"].isin(projects) & (d["source"] == "national budget")]
    return float(part["planned_mrc_m"].sum())
