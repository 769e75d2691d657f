"""Module 12: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

:func:`check_ask` (the decision the brief asks for) and :func:`check_peer_review`
(a peer review against the checklist :data:`~missionkit.capstone.brief.PEER_REVIEW`,
compared with the course's reading of the Marenta worked example,
:data:`PEER_REVIEW_EXAMPLE`). Both are OUR PROPOSAL.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from missionkit import catalogue
from missionkit.capstone.brief import PEER_REVIEW
from missionkit.feedback import Feedback, Status, is_blank

__all__ = [
    "PEER_ANSWERS", "PEER_REVIEW_EXAMPLE", "OUR_PROPOSAL", "ASK_VERBS", "ASK_EXAMPLE", "check_ask",
    "check_peer_review",
]

PEER_ANSWERS = ("yes", "partly", "no")

#: A reading of the Marenta worked example (FICTIONAL) against the checklist, with the evidence for each
#: answer: Module 12's Exercise 2 reviews that brief. One step away ("partly" for "yes") is judgment;
#: two steps away ("no" for "yes") gets the evidence to look at again.
PEER_REVIEW_EXAMPLE: dict[str, tuple[str, str]] = {
    "statement": ("yes", "the statement is dated (2035), measurable (45 minutes; half the 2024 fine-particle "
                         "level) and names 2024 as its baseline"),
    "why_mission": ("partly", "the Litmus answers make the case, but commitment is only partly there: no "
                              "budget is set aside yet"),
    "objectives": ("partly", "every objective has projects, but only two indicators are drafted (commute time "
                             "and fine particles): O3, O4 and O5 have none"),
    "owner": ("partly", "the Delivery Office owns the mission, but the board only reviews progress; the right "
                        "to decide across ministries is what the ask requests"),
    "portfolio": ("yes", "round 2 uses loans and procurement as well as grants, and closes two projects"),
    "indicators": ("partly", "the two draft indicators have baselines, targets and data owners; the other "
                             "objectives have none"),
    "people": ("partly", "the minibus operators and a women's group have an engagement plan; others who may "
                         "resist, such as the Ministry of Finance over the fuel subsidy, do not"),
    "gaps": ("yes", "the readiness section names the weakest dimensions and the stop-and-fix signal (R3 "
                    "governance), and the ask answers it"),
    "one_page": ("no", "the example runs to several pages with charts and tables; a minister needs one page"),
}
OUR_PROPOSAL = "OUR PROPOSAL: the course's peer-review checklist for a mission brief"


ASK_VERBS = ("approve", "agree", "adopt", "allocate", "fund", "mandate", "decide", "endorse", "appoint", "create",
             "set up", "commit", "ring-fence", "sign")
ASK_EXAMPLE = ("We ask the Cabinet to approve a ring-fenced mission budget of MRC 120 m a year to 2030 and to give "
               "the mission board the right to approve the portfolio before money is committed.")


def check_ask(text: Any) -> Feedback:
    """Formative feedback on "the decision we ask for" (OUR PROPOSAL: a decision, who takes it, what it costs)."""
    title = "Your ask to the minister"
    if is_blank(text) or not isinstance(text, str):
        return Feedback.not_answered(title, "Write one or two sentences: the decision you want, and who takes it.")
    low = text.lower()
    words = len(text.split())
    strengths, improve = [], []
    verb = next((v for v in ASK_VERBS if v in low), None)
    if verb:
        strengths.append(f"It asks for a decision ('{verb}').")
    else:
        improve.append("Name the decision itself, with a verb such as approve, fund, mandate or appoint.")
    if any(ch.isdigit() for ch in text):
        strengths.append("It puts a number on it (money, a date or a size).")
    else:
        improve.append("Add a number: how much, by when, or how many.")
    if words > 60:
        improve.append(f"It has {words} words: a minister reads the first two sentences; aim for under 60.")
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths, improve,
                    why="A brief that ends without a clear, costed decision gets noted, not acted on. "
                        "The mission needs decision rights and money, not only support (the Litmus Test's "
                        "'commitment' step).",
                    sources=[catalogue.citation("opsi-litmus", "inline", mark_secondary=True)])


# --------------------------------------------------------------------------- the peer review (exercise)
_SUGGEST = ("could", "should", "would", "suggest", "add", "missing", "consider", "unclear", "not yet", "needs",
            "need ", "instead", "but", "however", "improve", "clarify", "explain", "too ")
_PRAISE = ("strong", "clear", "good", "well", "like", "convinc", "useful", "helpful", "great", "works")


def _answer(value: Any) -> str | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, str):
        return None
    v = value.strip().lower()
    return v if v in PEER_ANSWERS else None


def check_peer_review(answers: Any, feedback: Any = None) -> Feedback:
    """Feedback on a peer review: every checklist question answered, and feedback with a strength and a suggestion."""
    title = "Your peer review"
    how = ('Answer each question with "yes", "partly" or "no", and write two or three sentences of feedback: one '
           "thing that works, one thing to improve.")
    if is_blank(answers) and is_blank(feedback):
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    if not isinstance(answers, Mapping):
        improve.append('Give the answers as a dict, e.g. {"statement": "yes", ...}.')
        answers = {}
    unknown = [k for k in answers if k not in PEER_REVIEW]
    if unknown:
        improve.append(f"'{unknown[0]}' is not a question of the checklist; use its keys: "
                       + ", ".join(PEER_REVIEW) + ".")
    bad = [f"{k}: {answers[k]!r}" for k in PEER_REVIEW if k in answers and not is_blank(answers[k])
           and _answer(answers[k]) is None]
    if bad:
        improve.append(f"{bad[0]} is not one of \"yes\", \"partly\" or \"no\".")
    missing = [k for k in PEER_REVIEW if is_blank(answers.get(k))]
    if missing and len(missing) < len(PEER_REVIEW):
        improve.append(f"Still to answer: {', '.join(missing)}.")
    elif len(missing) == len(PEER_REVIEW):
        improve.append("Answer the checklist questions too.")
    given = [_answer(answers.get(k)) for k in PEER_REVIEW]
    steps = {a: i for i, a in enumerate(PEER_ANSWERS)}
    far = [(k, a) for k, a in zip(PEER_REVIEW, given, strict=False)
           if a is not None and abs(steps[a] - steps[PEER_REVIEW_EXAMPLE[k][0]]) == 2]
    for k, a in far:
        ref, evidence = PEER_REVIEW_EXAMPLE[k]
        improve.append(f"{k}: you said \u201c{a}\u201d; look again: {evidence} (the course reads it as "
                       f"\u201c{ref}\u201d).")
    if not missing and not bad:
        strengths.append("Every question of the checklist is answered.")
        if all(a == "yes" for a in given):
            improve.append("Every answer is \"yes\". Read again with a minister's eyes: is there really nothing "
                           "that is only partly there?")
    text = feedback if isinstance(feedback, str) else ""
    low = f" {text.lower()} "
    if is_blank(feedback):
        improve.append("Write your feedback for the author: one thing that works, one thing to improve.")
    elif not any(w in low for w in _SUGGEST):
        improve.append("Say what could be better, and how: feedback that only praises gives the author nothing "
                       "to act on.")
    elif not any(w in low for w in _PRAISE):
        improve.append("Start with what works: the author needs to know what to keep.")
    else:
        strengths.append("Your feedback says what works and what to improve.")
    if text and len(text.split()) < 15 and not any("Say what could be better" in i for i in improve):
        improve.append("Add a sentence: which section, and what exactly should change?")
    if not strengths and not improve:  # pragma: no cover - defensive
        return Feedback.not_answered(title, how)
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A peer review is only useful if it is honest and specific: a brief that goes to a minister "
                        "with a gap nobody named will be found out later, at higher cost.",
                    sources=[OUR_PROPOSAL])
