"""Module 04 exercise checks: formative feedback on the scanning exercises.

Each ``check_*`` judges a participant's answer about the FICTIONAL Marenta
policy inventory (or their own scan) and returns a
:class:`~missionkit.feedback.Feedback`. The answer keys (:data:`FC_ITEMS`) are
OUR PROPOSAL.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.scanning.load import AGAINST, SUPPORTS, TEMPLATE_ROWS, load_scan
from missionkit.scanning.scan import (
    STI_TRAP_THRESHOLD,
    alignment_long,
    conflicts,
    objective_coverage,
    objective_label,
    prepare,
    sti_bodies,
    sti_share,
    summarise,
)
from missionkit.text import and_list, cites, money

__all__ = [
    "FC_KINDS",
    "FC_ITEMS",
    "check_framework_conditions",
    "check_sti_share",
    "check_conflicts_to_raise",
    "check_unserved_objective",
    "check_own_scan",
]

FC_KINDS = ("legal", "financial", "institutional")
_FC_SYNONYMS = {
    "legal": "legal", "law": "legal", "laws": "legal", "regulatory": "legal", "regulation": "legal",
    "rules": "legal", "financial": "financial", "finance": "financial", "money": "financial",
    "budget": "financial", "budgetary": "financial", "fiscal": "financial", "institutional": "institutional",
    "institution": "institutional", "institutions": "institutional", "governance": "institutional",
    "organisational": "institutional", "organizational": "institutional",
}


@dataclass(frozen=True)
class _FCItem:
    answer: str
    why: str
    mistakes: dict[str, str]


FC_ITEMS: dict[str, _FCItem] = {
    "Amberport's building code makes every new building add car parking spaces": _FCItem(
        "legal", "It is a rule in the city's building code: changing it needs a legal change, not money.",
        {"financial": "It costs the city almost nothing (MRC 0.3m a year); what blocks the mission is the rule "
                      "itself, so it is a legal condition.",
         "institutional": "The city has the power to change it; what blocks the mission is the rule in its "
                          "building code, a legal condition."}),
    "Procurement rules make buyers take the lowest price, not the best outcome": _FCItem(
        "legal", "It is a rule in procurement law: buyers could pay for outcomes only if the rule changed.",
        {"financial": "It is about buying, but the barrier is a rule in law (procurement law), not a lack of "
                      "money: a legal condition.",
         "institutional": "Buyers exist and have budgets; the barrier is a rule in law (procurement law): a "
                          "legal condition."}),
    "Most mission-tagged money is research money that existed before the mission": _FCItem(
        "financial", "It is about where the money comes from: the budget was relabelled, not added.",
        {"legal": "No law is involved; it is about whose budget pays for the mission: a financial condition.",
         "institutional": "It says who holds the money, which touches institutions, but the barrier is the "
                          "budget itself (borrowed research lines): a financial condition."}),
    "The fuel subsidy keeps petrol and diesel cheap": _FCItem(
        "financial", "A subsidy is money (MRC 3,850m a year) pulling against the mission: a financial condition.",
        {"legal": "A subsidy is set in the budget, not in a rule that forbids anything: a financial condition.",
         "institutional": "The Ministry of Finance owns it, but the barrier is the money it spends: a financial "
                          "condition."}),
    "No body has the mandate to align ministries' budgets behind the mission": _FCItem(
        "institutional", "It is about mandates and who decides: an institutional condition.",
        {"financial": "It mentions budgets, but the missing piece is a body with the mandate to align them: an "
                      "institutional condition.",
         "legal": "A law could create the mandate, but what is missing is the body and its mandate: an "
                  "institutional condition."}),
    "City mission units have no formal link with the national mission team": _FCItem(
        "institutional", "It is about how bodies connect (vertical co-ordination): an institutional condition.",
        {"legal": "No rule forbids the link; it was never set up: an institutional condition.",
         "financial": "Money is not the issue here; the missing link between bodies is an institutional "
                      "condition."}),
}
"""Statements for the classification exercise (FICTIONAL Marenta facts; the answers are OUR PROPOSAL)."""


def _norm_key(text: Any) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text).lower()).strip()


_FC_BY_KEY = {_norm_key(k): k for k in FC_ITEMS}


def check_framework_conditions(answers: Any) -> Feedback:
    """Feedback on classifying Marenta's (fictional) barriers as legal, financial or institutional."""
    title = "Framework conditions: legal, financial or institutional?"
    how = 'For each statement write "legal", "financial" or "institutional", in quotes.'
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[f"Your answer is a {type(answers).__name__}; it should be the "
                                                  f"dict of statements given in the cell. {how}"])
    strengths, improve, missing = [], [], []
    wrong = 0
    seen = set()
    for key, value in answers.items():
        full = _FC_BY_KEY.get(_norm_key(key))
        if full is None:
            improve.append(f"\u201c{key}\u201d is not one of the statements; keep the statements as given.")
            wrong += 1
            continue
        seen.add(full)
        item = FC_ITEMS[full]
        if is_blank(value):
            missing.append(full)
            continue
        said = _FC_SYNONYMS.get(_norm_key(value))
        if said is None:
            wrong += 1
            improve.append(f"{full}: \u201c{value}\u201d is not one of the choices. {how}")
        elif said == item.answer:
            strengths.append(f"{full}: {item.answer}. {item.why}")
        else:
            wrong += 1
            improve.append(f"{full}: you said \u201c{said}\u201d. {item.mistakes.get(said, item.why)}")
    missing += [k for k in FC_ITEMS if k not in seen and k not in missing]
    if not strengths and not wrong:
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + "; ".join(missing) + ".")
    status: Status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Framework conditions are the legal, financial and institutional setting that makes a mission easier "
            "or harder. Naming the kind tells you who can fix it: lawmakers, the budget, or whoever designs the "
            "mission's governance (module 05).",
        sources=cites("mal-home", "stio2023") + ["Marenta case (FICTIONAL)"])


def _as_share(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace("%", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
        return number / 100 if ("%" in value or number > 1) else number
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number / 100 if number > 1 else number


def check_sti_share(answer: Any, policies: pd.DataFrame | None = None) -> Feedback:
    """Feedback on the share of Marenta's mission-tagged budget held by STI bodies (0.705)."""
    title = "The STI share of the mission-tagged budget"
    how = "Type the share as a number: 0.7 or 70 both work."
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    share = _as_share(answer)
    if share is None or not 0 <= share <= 1:
        return Feedback("revise", title, improve=[f"\u201c{answer}\u201d is not a share. {how}"])
    policies = case.load("policies") if policies is None else policies
    p = prepare(policies)
    right = sti_share(policies)
    tagged = p[p.tagged]
    sources = cites("oecd-nzblog2024", "oecd-nz2025", "ggsd2022", "stio2023")
    why = ("The OECD's STI trap is over-reliance on technology: missions focus on science, technology and "
           "innovation and overlook behaviour change, social innovation and the scaling of proven solutions. "
           "When mission money sits almost only with research ministries and agencies, that is a warning sign. "
           "The warning threshold of one half is our proposal.")
    if abs(share - right) <= 0.01:
        return Feedback("good", title, strengths=[
            f"{right:.1%}: {money(tagged.loc[tagged.sti, 'budget'].sum())} of the "
            f"{money(tagged.budget.sum())} tagged for the mission sits with {and_list(sti_bodies(policies))}.",
            f"That is above the warning level of {STI_TRAP_THRESHOLD:.0%}: in Marenta (fictional), a warning "
            "sign of the STI trap."],
            why=why, sources=sources)
    wrongs = {
        "all": (sti_share(policies, "all"),
                "you divided by the budget of the whole inventory. The question is about the mission-tagged "
                "budget: keep only the policies tagged as mission spending (mission_tagged = yes)."),
        "count": (float(tagged.sti.mean()) if len(tagged) else 0.0,
                  "you counted policies, not money. Count the budget: a few large research programmes hold most "
                  "of it."),
        "supports": (sti_share(policies, SUPPORTS),
                     "you used the policies that support the mission. The question is about the budget tagged as "
                     "mission spending, which also holds untargeted research money."),
    }
    tagged_total = float(tagged.budget.sum())
    for body in sti_bodies(policies):  # one STI body's share read off the table: add the others
        alone = float(tagged.loc[tagged.owner == body, "budget"].sum()) / tagged_total if tagged_total else 0.0
        wrongs[body] = (alone, f"that is {body} alone. Add every STI body's mission-tagged budget ("
                               f"{and_list(sti_bodies(policies))}) before dividing.")
    near = sorted((abs(share - value), reason) for value, reason in wrongs.values() if abs(share - value) <= 0.01)
    if near:
        return Feedback("revise", title, improve=[f"You gave {share:.1%}: {near[0][1]}"], why=why, sources=sources)
    return Feedback("revise", title, improve=[
        f"You gave {share:.1%}. Add up the budget of the mission-tagged policies owned by STI bodies "
        "(sti_owner = yes) and divide by the budget of all mission-tagged policies; scanning.sti_share(policies) "
        "does it for you."], why=why, sources=sources)


def _policy_lookup(p: pd.DataFrame, item: Any) -> pd.Series | None:
    text = str(item).strip()
    by_id = p[p.policy_id.str.upper() == text.upper()]
    if len(by_id):
        return by_id.iloc[0]
    by_title = p[p.title.str.lower() == text.lower()]
    if len(by_title):
        return by_title.iloc[0]
    close = difflib.get_close_matches(text.lower(), list(p.title.str.lower()), n=1, cutoff=0.8)
    if close:
        return p[p.title.str.lower() == close[0]].iloc[0]
    return None


def check_conflicts_to_raise(answer: Any, policies: pd.DataFrame | None = None, how_many: int = 3) -> Feedback:
    """Feedback on the three conflicting policies to raise first (Marenta, FICTIONAL).

    Any three policies that work against the mission are acceptable, but the
    fuel subsidy (the largest by far) must be among them.
    """
    title = f"The {how_many} conflicts to raise first"
    how = f'Give a list of {how_many} policy ids in quotes, e.g. ["P001", "P002", "P003"].'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = [answer] if isinstance(answer, str) else list(answer) if isinstance(answer, (list, tuple, set)) else None
    if items is None:
        return Feedback("revise", title, improve=[f"Your answer is a {type(answer).__name__}. {how}"])
    items = [i for i in items if not is_blank(i)]
    if not items:
        return Feedback.not_answered(title, how)
    policies = case.load("policies") if policies is None else policies
    p = prepare(policies)
    c = conflicts(policies)
    tagged_total = float(p.loc[p.tagged, "budget"].sum())
    strengths, improve = [], []
    wrong = 0
    chosen: list[str] = []
    for item in items:
        row = _policy_lookup(p, item)
        if row is None:
            wrong += 1
            improve.append(f"\u201c{item}\u201d is not a policy in the inventory; use its policy_id, e.g. P031.")
            continue
        if row.policy_id in chosen:
            improve.append(f"{row.policy_id} is in your list twice.")
            continue
        chosen.append(row.policy_id)
        if row.direction != AGAINST:
            wrong += 1
            improve.append(f"{row.policy_id} \u201c{row.title}\u201d does not work against the mission: its direction "
                           f"is \u201c{row.direction}\u201d. Pick from the {len(c)} policies that work against it.")
        else:
            strengths.append(f"{row.policy_id} \u201c{row.title}\u201d ({row.owner}) works against "
                             f"{and_list(list(row.objectives))}, {money(row.budget)} a year.")
    top_id = c.index[0] if len(c) else None
    if top_id and top_id not in chosen:
        wrong += 1
        top = c.iloc[0]
        improve.append(f"The largest conflict is missing: {top_id} \u201c{top['title']}\u201d costs "
                       f"{money(top['budget'])} a year, {top['budget'] / tagged_total:.1f} times the whole "
                       "mission-tagged budget.")
    if len(chosen) != how_many:
        improve.append(f"You listed {len(chosen)}; pick {how_many}. A Cabinet agenda has room for only a few.")
    low_cost = [pid for pid in chosen if pid in c.index and c.loc[pid, "budget"] < 5]
    if low_cost and not wrong:
        one = len(low_cost) == 1
        strengths.append(f"You looked beyond money: {and_list(low_cost)} cost{'s' if one else ''} almost nothing "
                         f"in the budget but shape{'s' if one else ''} what people and firms do. Budget is not the "
                         "only measure of harm.")
    elif not wrong:
        improve.append("Discuss: budget is not the only measure of harm. A rule such as parking minimums (P079) "
                       "costs almost nothing but shapes every new building.")
    status: Status = "revise" if wrong else ("partly" if len(chosen) != how_many else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Policies that work against a mission can cancel out what the mission spends. The OECD's typical "
            "implementation challenges include reaching beyond STI instruments to regulation, pricing and "
            "procurement.",
        sources=cites("ggsd2022", "oecd-nz2025") + ["Marenta policy inventory D1 (FICTIONAL)"])


def _objective_code(value: Any) -> str | None:
    text = str(value).strip()
    m = re.match(r"^\s*([A-Za-z]{1,3})\s*-?\s*(\d{1,2})\b", text)
    if m:
        return (m.group(1) + m.group(2)).upper()
    for code, info in case.OBJECTIVES.items():
        if _norm_key(info["name"]) == _norm_key(text):
            return code
    return None


def check_unserved_objective(answer: Any, policies: pd.DataFrame | None = None) -> Feedback:
    """Feedback on which objective no policy in Marenta's inventory serves (O4 Fair access)."""
    title = "The objective no policy serves"
    how = 'Give the objective\'s code in quotes, e.g. "O1".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    items = list(answer) if isinstance(answer, (list, tuple, set)) else [answer]
    parsed = [_objective_code(i) for i in items if not is_blank(i)]
    if not parsed:
        return Feedback.not_answered(title, how)
    if None in parsed:
        return Feedback("revise", title, improve=[f"\u201c{answer}\u201d is not an objective code. {how}"])
    codes = [c for c in parsed if c is not None]
    policies = case.load("policies") if policies is None else policies
    cov = objective_coverage(policies)
    unserved = [o for o in cov.index if cov.loc[o, "status"] == "not served"]
    strengths, improve = [], []
    for code in codes:
        if code not in cov.index:
            improve.append(f"{code} is not one of the mission's objectives ({', '.join(cov.index)}).")
        elif code in unserved:
            strengths.append(f"{objective_label(code)}: no policy in the inventory supports it, and no money is "
                             "tagged for it.")
        else:
            row = cov.loc[code]
            examples = alignment_long(policies)
            examples = examples[(examples.objective == code) & (examples.direction == SUPPORTS)] \
                .sort_values("budget", ascending=False)
            improve.append(f"{objective_label(code)} is served by {int(row['supporting policies'])} supporting "
                           f"policies, for example {examples.iloc[0]['policy_id']} \u201c"
                           f"{examples.iloc[0]['title']}\u201d. Look for the objective with none.")
    missed = [o for o in unserved if o not in codes]
    if missed and not improve:
        improve.append("Also not served: " + ", ".join(objective_label(o) for o in missed) + ".")
    status: Status = "good" if strengths and not improve else ("partly" if strengths else "revise")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="An objective that no policy serves is a gap the mission's portfolio must fill (module 08), and a "
            "sign that no ministry owns it (module 05). In Marenta, fair access (cost and women's safety) falls "
            "between the transport and social ministries.",
        sources=cites("mal-port") + ["Marenta policy inventory D1 (FICTIONAL)"])


def check_own_scan(path: Any, objectives: Sequence[str] | None = None, unit: str = "m") -> Feedback:
    """Load a participant's own scan and give feedback: what it shows and what to look at next.

    ``unit`` is how budgets are shown ("m" = millions of your currency).
    Never raises on a bad file: the plain-language message (file, row, column,
    how to fix it) becomes the feedback.
    """
    title = "Your own policy scan"
    how = ('Copy the template into your my-work folder, fill it in, then give its path in quotes, e.g. '
           '"../my-work/policy-scan.csv".')
    if is_blank(path):
        return Feedback.not_answered(title, how)
    objectives = None if is_blank(objectives) else objectives
    try:
        df = load_scan(path, objectives=objectives)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message],
                        why="The scan must load before it can be analysed; the message says where the problem is.")
    p = prepare(df)
    if list(p.title) == [r[1] for r in TEMPLATE_ROWS]:
        return Feedback("partly", title, strengths=["The file loads."], improve=[
            "It still holds the template's example rows. Replace them with the policies of your own mission, "
            "one row per policy."])
    s = summarise(df, objectives, unit=unit)
    strengths = [f"It loads: {s.policies} policies from {s.owners} owners, each with a direction and a budget."]
    improve = []
    if s.tagged_budget:
        strengths.append(f"It shows who holds the money: STI bodies hold {s.sti_share:.0%} of the mission-tagged "
                         "budget.")
        if s.sti_trap:
            improve.append(f"Above {STI_TRAP_THRESHOLD:.0%}: check for the STI trap. Which non-STI ministries "
                           "should put money in?")
    else:
        improve.append("No policy is marked mission_tagged = yes, so the STI share cannot be computed.")
    if s.conflicts:
        strengths.append(f"It finds {s.conflicts} polic{'y' if s.conflicts == 1 else 'ies'} working against the "
                         f"mission; the largest is {s.largest_conflict}.")
    else:
        improve.append("No policy works against the mission. Look again at subsidies, tax breaks and old rules.")
    if s.unserved:
        improve.append("No policy serves " + and_list([objective_label(o) for o in s.unserved])
                       + ": who should own it?")
    if len(p) < 5:
        improve.append(f"Only {len(p)} polic{'y' if len(p) == 1 else 'ies'} so far: a useful scan usually lists "
                       "dozens.")
    return Feedback(
        "good" if len(p) >= 5 else "partly", title, strengths=strengths, improve=improve,
        why="A system scan lists the policies that help or hinder a mission, whoever owns them. It is where the "
            "STI trap and conflicting policies show up.",
        sources=cites("mal-home", "oecd-nz2025"))
