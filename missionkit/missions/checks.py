"""Module 01: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

* :func:`check_litmus_answers`, feedback on the Litmus Test run on the
  FICTIONAL Marenta case (brief 9.1-9.2), against :data:`MARENTA_REFERENCE`;
* :func:`check_classification`, feedback on the classification exercise
  (the initiatives of :mod:`missionkit.missions.examples`).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.missions.examples import INITIATIVE_BY_KEY, INITIATIVES, classification_results, norm_name
from missionkit.missions.litmus import STEP_BY_KEY, STEPS, parse_answers
from missionkit.text import and_list, cite, cites

__all__ = ["MARENTA_REFERENCE", "check_litmus_answers", "check_classification"]


# --------------------------------------------------------------------------- the Marenta exercise (FICTIONAL)
@dataclass(frozen=True)
class _Reference:
    rating: str
    accepted: tuple[str, ...]
    reason: str
    wrong: Mapping[str, str]


MARENTA_REFERENCE: dict[str, _Reference] = {
    "challenge": _Reference(
        "yes", ("yes",),
        "Five problems have grown together (a 62-minute commute, PM2.5 at 38 µg/m³ and 18 road deaths per "
        "100,000 in 2024; unsafe, costly travel; a fuel subsidy pulling the other way), and no single ministry "
        "owns them all.",
        {"partly": "The case gives no reason to doubt the challenge: five linked problems are growing together "
                   "and no single ministry holds all the levers.",
         "no": "The challenge is exactly the kind a mission is for: five linked problems growing together, and "
               "no single ministry holds all the levers.",
         "not sure": "The case gives the baselines you need: a 62-minute commute, PM2.5 at 38 µg/m³ and 18 road "
                     "deaths per 100,000 in 2024."}),
    "support": _Reference(
        "partly", ("partly", "not sure"),
        "The Prime Minister wants one flagship mission and two development partners are willing to co-finance. "
        "But the Ministry of Finance fears fuel-subsidy reform before the 2028 election, minibus and "
        "motorbike-taxi operators fear losing their routes, and Transport fears losing control of its budget.",
        {"yes": "Backing at the top is not the whole landscape: minibus and motorbike-taxi operators fear losing "
                "their routes, the Ministry of Finance fears fuel-subsidy reform before the 2028 election, and "
                "Transport fears losing control of its budget.",
         "no": "There is real backing: the Prime Minister wants a flagship mission and two development partners "
               "are willing to co-finance."}),
    "objective": _Reference(
        "yes", ("yes",),
        "The draft statement is dated (2035), measurable (45 minutes; half the 2024 fine-particle pollution) "
        "and easy to picture.",
        {"partly": "The draft has what a goal needs: a date (2035), metrics and targets (45 minutes; half of "
                   "2024's PM2.5). If you doubt how inspiring it is, say so in your evidence.",
         "no": "A clear goal exists: by 2035, 45 minutes to work, school and care by clean, safe, affordable "
               "means, and half the 2024 fine-particle pollution.",
         "not sure": "The case gives the draft statement: dated (2035) and measurable (45 minutes; half of "
                     "2024's PM2.5)."}),
    "commitment": _Reference(
        "partly", ("partly", "not sure", "no"),
        "Two partners are willing to co-finance, but nothing is committed yet; the fuel subsidy costs about "
        "MRC 3,850 m a year and works against the mission; and Finance wants no open-ended promises.",
        {"yes": "Willingness is not commitment: the partners' money is offered, not yet committed, the fuel "
                "subsidy (about MRC 3,850 m a year) pulls the other way, and Finance wants no open-ended "
                "promises.",
         "no": "Defensible: no budget has been set aside and the partners' money is only an offer. The "
               "reference reads \u201cpartly\u201d because the Prime Minister's backing and the partners' offers "
               "are a start: discuss which reading your minister would accept."}),
}
"""Reference reading of the Litmus Test for the FICTIONAL Marenta case (brief 9.1-9.2; OUR PROPOSAL)."""


def check_litmus_answers(ratings: Any = None, evidence: Any = None) -> Feedback:
    """Feedback on the Litmus Test run on the FICTIONAL Marenta case.

    ``ratings`` and ``evidence`` are dicts keyed by step (or ``ratings`` may be
    the nested form accepted by :func:`parse_answers`). Compares each rating
    with the reference reading and checks the evidence uses the case's facts.
    """
    title = "Litmus Test on Marenta (fictional)"
    if is_blank(ratings) and is_blank(evidence):
        return Feedback.not_answered(
            title, 'Give a rating for each step ("yes", "partly", "no" or "not sure") and the evidence from the '
                   "case behind it.")
    try:
        a = parse_answers(ratings, evidence=evidence)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}."])
    strengths: list[str] = []
    improve: list[str] = []
    wrong = 0
    unanswered = []
    for k, s in a.items():
        step, ref = STEP_BY_KEY[k], MARENTA_REFERENCE[k]
        if not s.answered:
            unanswered.append(step.name.lower())
            continue
        if s.rating in ref.accepted and s.rating != ref.rating and s.rating in ref.wrong:
            strengths.append(f"{step.name}: \u201c{s.rating}\u201d. {ref.wrong[s.rating]}")
        elif s.rating in ref.accepted:
            strengths.append(f"{step.name}: \u201c{s.rating}\u201d matches the case. {ref.reason}")
        else:
            wrong += 1
            improve.append(f"{step.name}: you said \u201c{s.rating}\u201d; the case points to "
                           f"\u201c{ref.rating}\u201d. {ref.wrong.get(s.rating, ref.reason)}")
        text = s.evidence.lower()
        if not s.evidence:
            improve.append(f"{step.name}: add the evidence behind your rating, from the case.")
        elif len(s.evidence.split()) < 5:
            improve.append(f"{step.name}: one full sentence, please: which fact from the case, and why it "
                           "supports your rating.")
        elif not any(w in text for w in step.case_words):
            improve.append(f"{step.name}: your evidence does not yet use a fact from the case. For example: "
                           f"{ref.reason}")
    if unanswered:
        improve.insert(0, f"Still to answer: {and_list(unanswered)}.")
    status: Status
    if wrong:
        status = "revise"
    elif improve:
        status = "partly"
    else:
        status = "good"
    if len(unanswered) == len(STEPS):
        return Feedback.not_answered(title, improve[0])
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Each rating should rest on evidence a sceptical minister would accept. The case's weak spots "
            "(operators and ministries that fear losing out; money tied up in a fuel subsidy and not yet "
            "committed by partners) are what the test is meant to surface before launch.",
        sources=cites("opsi-litmus") + ["The Republic of Marenta case briefing (FICTIONAL)"])


def check_classification(answers: Any) -> Feedback:
    """Feedback on the classification exercise: mission or not, accelerator or transformer.

    ``answers`` maps each initiative's name to "accelerator mission",
    "transformer mission" or "not a mission" (``...`` = not answered yet).
    Names each mistake and why, with its source; contested items get a
    discussion prompt instead of a verdict.
    """
    title = "Classifying real initiatives"
    how = ('For each initiative write "accelerator mission", "transformer mission" or "not a mission", '
           "in quotes.")
    if is_blank(answers):
        return Feedback.not_answered(title, how)
    if not isinstance(answers, Mapping):
        return Feedback("revise", title, improve=[
            f"Your answer is a {type(answers).__name__}; it should be a dict with one entry per initiative. "
            + how])
    unknown_keys = [k for k in answers if norm_name(k) not in INITIATIVE_BY_KEY]
    table = classification_results(answers)
    strengths: list[str] = []
    improve: list[str] = []
    sources: list[str] = []
    for row, i in zip(table.to_dict("records"), INITIATIVES, strict=False):
        result = row["result"]
        if result == "not answered":
            continue
        said = row["answer"]
        if result == "correct":
            strengths.append(f"{i.name}: \u201c{i.reference}\u201d. {i.why}")
        elif result == "discuss":
            strengths.append(f"{i.name}: \u201c{row['reading']}\u201d is defensible; this one is contested "
                             f"(discuss). {i.why} For the room: {i.prompt}")
        elif result == "type missing":
            improve.append(f"{i.name}: yes, it counts as a mission (or arguably so). Now say which kind: "
                           f"\u201caccelerator mission\u201d or \u201ctransformer mission\u201d.")
        elif result == "unknown answer":
            improve.append(f"{i.name}: \u201c{said}\u201d is not one of the choices. {how}")
        else:
            reading = row["reading"] if row["reading"] != "mission" else "a mission"
            reason = i.mistakes.get(row["reading"], i.why)
            tail = (f" This one is contested: {', '.join(i.ok)} can all be argued; not \u201c{reading}\u201d."
                    if i.status == "discuss" else f" The reference answer is \u201c{i.reference}\u201d.")
            improve.append(f"{i.name}: you said \u201c{reading}\u201d. {reason}{tail}")
        if result in ("correct", "wrong", "discuss"):  # every fact the feedback states has its source
            sources += [cite(k) for k in i.sources if cite(k) not in sources]
    for key in unknown_keys:
        improve.append(f"\u201c{key}\u201d is not one of the initiatives. Check the spelling against the list: "
                       + ", ".join(i.name for i in INITIATIVES) + ".")
    missing = table.loc[table.result == "not answered", "initiative"].tolist()
    answered = len(table) - len(missing)
    if answered == 0:
        if unknown_keys:
            return Feedback("revise", title, improve=improve)
        return Feedback.not_answered(title, how)
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    status: Status
    if any(r in ("wrong", "unknown answer") for r in table.result) or unknown_keys:
        status = "revise"
    elif missing or "type missing" in set(table.result):
        status = "partly"
    else:
        status = "good"
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A mission is a dated, measurable goal on a societal problem with the apparatus to reach it; "
            "one-off tools and undirected funding are not. The accelerator/transformer split is our paraphrase "
            "of a common distinction (the 2018 EU study's exact wording was not checked), so borderline cases "
            "are for discussion, not marking.",
        sources=sources or cites("opsi-survey-launch", "jiip2018"))
