"""Module 11: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

The weakest dimensions, stop or go, the donor findings and the advice to donors.
"""
from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.feedback import Feedback, Status, is_blank, placeholder_reason
from missionkit.readiness.donors import donor_landscape, objective_label
from missionkit.readiness.load import scores_frame
from missionkit.readiness.profile import plain_number, readiness_profile
from missionkit.readiness.scorecard import FICTIONAL, dimension_label
from missionkit.text import and_list, cite_full

__all__ = [
    "check_weakest",
    "check_stop_or_go",
    "check_donor_findings",
    "check_donor_advice",
]


# --------------------------------------------------------------------------- exercise checks
def _codes(answer: Any, pattern: str, fix: str) -> list[str] | str:
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    out = []
    for item in items:
        if is_blank(item):
            continue
        for part in re.split(r"[;,/ ]+(?=[A-Za-z]\s*\d)|[;,]", str(item)):
            p = part.strip()
            if not p:
                continue
            m = re.match(pattern, p)
            if not m:
                return f"\u201c{p}\u201d is not a code. {fix}"
            out.append(m.group(1).upper() + m.group(2))
    return list(dict.fromkeys(out))


def _dims(answer: Any) -> list[str] | str:
    return _codes(answer, r"^([Rr])\s*-?\s*([1-8])\b", 'Write the codes in quotes, e.g. ["R1", "R2"].')


_SCORECARD_SOURCES = ["OUR PROPOSAL: the course's readiness scorecard (Module 11, section 3)", FICTIONAL]


def check_weakest(weakest: Any, most_disputed: Any = None, scores: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the weakest dimensions (lowest median) and the most disputed one (largest spread)."""
    title = "Marenta's readiness profile (fictional)"
    if is_blank(weakest) and is_blank(most_disputed):
        return Feedback.not_answered(title, 'List the weakest dimensions, e.g. ["R1", "R2"], and name the one '
                                            'the assessors disagree on most, e.g. "R7".')
    p = readiness_profile(case.load("readiness") if scores is None else scores)
    strengths, improve = [], []
    got = _dims(weakest)
    if isinstance(got, str):
        return Feedback("revise", title, improve=[got])
    right = set(p.weakest)
    low = plain_number(p.table.loc[p.weakest[0], "median"])
    df = scores_frame(case.load("readiness") if scores is None else scores)
    means = df.groupby("dimension")["score"].mean()
    by_mean = [c for c, v in means.items() if math.isclose(v, means.min())]
    if not got:
        improve.append("List the weakest dimensions too.")
    elif set(got) == right:
        strengths.append(f"{and_list(sorted(right))} all have the lowest median, {low}.")
    elif set(got) == set(by_mean) and set(by_mean) != right:
        improve.append(f"You picked the lowest average (mean): {and_list(by_mean)}. Use the median: it resists one "
                       f"assessor's extreme score. By median, {and_list(sorted(right))} tie at {low}.")
    else:
        missed, extra = sorted(right - set(got)), sorted(set(got) - right)
        if missed:
            improve.append(f"Also weakest (median {low}): {and_list(missed)}. Read the middle score of the three for "
                           "each dimension.")
        if extra:
            shown = [f"{c} (median {plain_number(p.table.loc[c, 'median'])})" for c in extra if c in p.table.index]
            improve.append(f"Not among the weakest: {and_list(shown)}.")
    disputed = _dims(most_disputed)
    if isinstance(disputed, str):
        improve.append(disputed)
    elif not disputed:
        improve.append('Name the dimension the assessors disagree on most, e.g. "R7".')
    elif set(disputed) <= set(p.largest_spread):
        c = disputed[0]
        strengths.append(f"{c} has the widest spread ({int(p.table.loc[c, 'spread'])}: scores "
                         f"{p.table.loc[c, 'scores']}). Ask each assessor for their evidence before agreeing.")
    else:
        c = p.largest_spread[0]
        theirs = ", ".join(f"{d} spread {int(p.table.loc[d, 'spread'])}" for d in disputed if d in p.table.index)
        improve.append(f"The largest spread (highest minus lowest score) is on {c}: {int(p.table.loc[c, 'spread'])} "
                       f"(scores {p.table.loc[c, 'scores']}); yours: {theirs}.")
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="The median is the middle assessor's score, so one optimist or pessimist cannot move it. "
                        "The spread shows where the team sees different evidence: that conversation is the "
                        "point of scoring independently first.",
                    sources=_SCORECARD_SOURCES + [cite_full("psci-ucl")])


_DECISIONS = {"stop and fix": "stop", "stop": "stop", "stop-and-fix": "stop", "fix first": "stop",
              "go": "go", "proceed": "go", "launch": "go", "continue": "go"}


def check_stop_or_go(decision: Any, fix_first: Any = None, scores: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the stop-or-go call and the dimension(s) to fix first."""
    title = "Stop and fix, or go? (fictional)"
    if is_blank(decision) and is_blank(fix_first):
        return Feedback.not_answered(title, 'Write "stop and fix" or "go", and list the dimension(s) to fix first, '
                                            'e.g. ["R2"].')
    p = readiness_profile(case.load("readiness") if scores is None else scores)
    call = _DECISIONS.get(str(decision).strip().lower()) if not is_blank(decision) else None
    strengths, improve = [], []
    expected = "stop" if p.stop_and_fix else "go"
    if call is None:
        improve.append(f"\u201c{decision}\u201d is not a call the check knows: write \"stop and fix\" or \"go\".")
    elif call == expected == "stop":
        strengths.append(f"Right call: stop and fix. {p.verdict()}")
    elif call == expected:
        strengths.append("Right call: no stop-and-fix signal.")
    elif expected == "stop":
        c = p.stop_and_fix[0]
        improve.append(f"The profile says stop and fix: {dimension_label(c)} has a median of "
                       f"{plain_number(p.table.loc[c, 'median'])} (scores {p.table.loc[c, 'scores']}). "
                       "A median of 0 or 1 on R2 or R3 means nobody can steer the mission yet, "
                       "whatever the other scores.")
    else:
        improve.append("Neither R2 nor R3 has a median of 0 or 1, so the scorecard does not call for a stop.")
    dims = _dims(fix_first)
    if isinstance(dims, str):
        improve.append(dims)
    elif not dims:
        improve.append("Say which dimension(s) to fix first.")
    elif set(p.stop_and_fix) and set(p.stop_and_fix) <= set(dims):
        extra = [d for d in dims if d not in p.stop_and_fix]
        strengths.append(f"{and_list(p.stop_and_fix)} first: without someone who owns the mission and can decide "
                         "across ministries, fixes to money, policy or data have no one to steer them.")
        if "R2" in extra:
            improve.append(f"R2 has a median of {plain_number(p.table.loc['R2', 'median'])} (scores "
                           f"{p.table.loc['R2', 'scores']}): watch it, but it is not a stop signal.")
    elif p.stop_and_fix:
        improve.append(f"Fix {and_list(p.stop_and_fix)} first: it is the stop-and-fix signal. "
                       + (f"{and_list(dims)} matter{'s' if len(dims) == 1 else ''} too, but can wait for an owner."
                          if dims else ""))
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A score of 0-1 on R2 or R3 is a stop-and-fix signal in the course's scorecard (OUR "
                        "PROPOSAL), in line with the Litmus Test's warning about commitment.",
                    sources=_SCORECARD_SOURCES + [cite_full("opsi-litmus")])


def _objs(answer: Any) -> list[str] | str:
    if isinstance(answer, str):
        for code, info in case.OBJECTIVES.items():
            if answer.strip().lower() == info["name"].lower():
                return [code]
    return _codes(answer, r"^([Oo])\s*-?\s*([1-9])\b", 'Write objective codes in quotes, e.g. ["O1"].')


def _share(value: Any) -> float | None:
    if is_blank(value) or isinstance(value, bool):
        return None
    text = str(value).strip().replace(",", ".")
    pct = text.endswith("%")
    try:
        x = float(text.rstrip("%").strip())
    except ValueError:
        return None
    return x / 100 if pct or x > 1 else x


def check_donor_findings(unfunded: Any, overlap_objective: Any = None, top_two_share: Any = None,
                         donors: pd.DataFrame | None = None) -> Feedback:
    """Feedback on three findings from the donor map: the gap, the overlap and the concentration."""
    title = "Marenta's donor landscape (fictional)"
    if is_blank(unfunded) and is_blank(overlap_objective) and is_blank(top_two_share):
        return Feedback.not_answered(title, 'Give the unfunded objective(s), e.g. ["O1"], the objective with '
                                            'overlapping technical assistance, e.g. "O3", and the two largest '
                                            "funders' share of the money, e.g. 0.5.")
    land = donor_landscape(donors)
    strengths, improve = [], []
    got = _objs(unfunded) if not is_blank(unfunded) else []
    if isinstance(got, str):
        improve.append(got)
    elif set(got) == set(land.gaps):
        strengths.append(f"No funder covers {and_list([objective_label(o) for o in land.gaps])}: the same objective no "
                         "national policy serves either (module 04).")
    elif not got:
        improve.append("Every funder names the objectives it serves: check which objective code appears in none "
                       "of the rows." if land.gaps else "There is no unfunded objective.")
    else:
        wrong = [o for o in got if o not in land.gaps]
        for o in wrong:
            names = land.coverage[land.coverage["objective"] == o]["funder"].tolist()
            improve.append(f"{objective_label(o)} has a funder: {and_list(names)}. Thin is not the same as unfunded.")
        missed = [o for o in land.gaps if o not in got]
        if missed:
            improve.append(f"{and_list([objective_label(o) for o in missed])} has no funder at all.")
    if not land.overlaps.empty:
        ov = land.overlaps.iloc[0]
        o_got = _objs(overlap_objective) if not is_blank(overlap_objective) else []
        if isinstance(o_got, str):
            improve.append(o_got)
        elif not o_got:
            improve.append("Name the objective where technical assistance overlaps.")
        elif ov["objective"] in o_got:
            strengths.append(f"{ov['funders']} funders give {ov['instrument']} to {ov['objective_label']} "
                             f"({case.CURRENCY} {ov['total']:.1f}m in all).")
        else:
            improve.append(f"Count the {ov['instrument']} rows objective by objective: {ov['funders']} of them "
                           "name the same objective.")
    share = _share(top_two_share)
    c = land.concentration
    if is_blank(top_two_share):
        improve.append("Give the two largest funders' share of all the money.")
    elif share is None:
        improve.append(f"\u201c{top_two_share}\u201d is not a share: write it as 0.94 or \"94%\".")
    elif abs(share - c.top_share) <= 0.01:
        strengths.append(c.sentence())
    else:
        improve.append(f"The two largest ({and_list(c.top)}) commit {case.CURRENCY} {c.top_amount:,.0f}m of "
                       f"{case.CURRENCY} {c.total:,.1f}m: divide the first by the second (you gave {share:.0%}).")
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A donor map shows where partner money already lines up with the mission and where it "
                        "does not: unfunded objectives, duplicated advice, and dependence on a few lenders. "
                        "Funders tend to overlook national and local actors, which skews money toward "
                        "incremental change.",
                    sources=[cite_full("dac-innov"), cite_full("indef-idia4"),
                             "OUR PROPOSAL: the fields of a donor landscape analysis (Module 11, section 5)",
                             FICTIONAL])


_ADVICE_POINTS = {
    "gap": (("o4", "fair access", "fair", "afford", "poorest", "women", "equity", "fares"),
            "the gap: nobody funds O4 Fair access (affordable fares, safety for women at night)"),
    "overlap": (("technical assistance", " ta ", "ta grants", "overlap", "duplicat", "pool", "single window",
                 "one programme", "joint", "co-ordinat", "coordinat", "forum", "consolidat", "merge"),
                "the overlap: five small technical-assistance grants on O2 that should be co-ordinated, pooled "
                "or redirected"),
    "concentration": (("lender", "loan", "bank", "concentrat", "94", "depend", "national system", "on budget",
                       "on-budget", "budget"),
                      "the concentration: two lenders hold most of the money, so their loan conditions shape "
                      "the mission; ask that money flow through national systems"),
}


#: Advice that runs backwards from the donor map (FICTIONAL case): the unfunded objective called funded, or
#: more lending asked for under the lenders' own systems, the very dependence the map warns about.
_ADVICE_BACKWARDS = (
    (r"\b(?:o4|fair access)\b[^.;]*\b(?:well[- ]funded|fully funded|(?:has|have|gets?) (?:enough|plenty|a lot)"
     r"|already funded|no (?:funding )?gap)\b",
     "You call O4 Fair access funded, but no donor funds it: it is the gap on the map. Advice should ask who "
     "will fund it, not take the money for granted."),
    (r"\b(?:lend|loan|borrow)\w*\s+(?:\w+\s+){0,3}more\b[^.;]*\b(?:own|their)\s+(?:reporting|systems?|"
     r"procedures|rules)\b|\b(?:keep|use)\s+(?:their|its|the lenders'?|the banks'?)\s+own\s+(?:reporting|systems?|"
     r"procedures|rules)\b",
     "You ask the lenders for more under their own reporting and systems. Two lenders already hold most of the "
     "money, so their rules shape the mission; ask instead that money flow through national systems and one "
     "shared report."),
)


def check_donor_advice(advice: Any) -> Feedback:
    """Feedback on a short note of advice to the Delivery Office about the donors (a judgement: no single answer)."""
    title = "Your advice on the donors (fictional)"
    if is_blank(advice):
        return Feedback.not_answered(title, "Write three or four sentences of advice: what to ask the donors for, "
                                            "and what to ask them to change.")
    if not isinstance(advice, str):
        return Feedback("revise", title, improve=["Write your advice as text in quotes."])
    reason = placeholder_reason(advice, keywords=True)
    if reason:
        return Feedback("revise", title, improve=[f"Not advice yet: {reason}."],
                        why="Advice the Delivery Office can act on says who should do what, and why, in sentences.")
    text = f" {advice.lower()} "
    backwards = [why for pattern, why in _ADVICE_BACKWARDS if re.search(pattern, text)]
    if backwards:
        return Feedback("revise", title, improve=backwards,
                        why="Advice has to start from what the donor map shows; a recommendation built on a "
                            "misreading sends the Delivery Office the wrong way.",
                        sources=[cite_full("indef-idia4"), FICTIONAL])
    covered = [k for k, (words, _) in _ADVICE_POINTS.items() if any(w in text for w in words)]
    missing = [k for k in _ADVICE_POINTS if k not in covered]
    strengths = [f"You deal with {_ADVICE_POINTS[k][1].split(':')[0]}." for k in covered]
    improve = [f"Say something about {_ADVICE_POINTS[k][1]}." for k in missing]
    if len(advice.split()) < 25:
        improve.append("Add a sentence or two: who should do what, by when, in which forum?")
    status: Status = "good" if not improve else ("partly" if covered else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="There is no single right answer; good advice names the gap, the overlap and the "
                        "dependence on two lenders, and proposes who acts, where. The OECD's work with IDIA stresses "
                        "alignment between funders and national priorities.",
                    sources=[cite_full("indef-idia4"), cite_full("dac-innov"), FICTIONAL])
