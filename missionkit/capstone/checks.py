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
from missionkit.feedback import Feedback, Status, is_blank, placeholder_reason

__all__ = [
    "PEER_ANSWERS", "PEER_REVIEW_EXAMPLE", "OUR_PROPOSAL", "ASK_VERBS", "ASK_EXAMPLE", "check_ask",
    "check_peer_review", "check_assessment", "check_plan_section",
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
               "a steering committee of the budget holders the right to approve the portfolio before money is "
               "committed.")


def check_ask(text: Any) -> Feedback:
    """Formative feedback on "the decision we ask for" (OUR PROPOSAL: a decision, who takes it, what it costs)."""
    title = "Your ask to the minister"
    if is_blank(text) or not isinstance(text, str):
        return Feedback.not_answered(title, "Write one or two sentences: the decision you want, and who takes it.")
    reason = placeholder_reason(text, keywords=True)
    if reason:
        return Feedback("revise", title, improve=[f"Not an ask yet: {reason}. For example: {ASK_EXAMPLE}"])
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


# --------------------------------------------------------------------------- the plan's rubric (Module 12)
_REASON = (" because", " so ", " since", " as ", "therefore", " which ", " but ", " until ", " would ", " will ",
           " could ", " should ", " needs", " lacks", " missing", " without ", " only ", " if ")
_CIRCULAR = ("because i gave", "because i scored", "because i rated", "because it is good", "because it is strong",
             "because it is sound", "because i think so", "because the level is")
_SIGNS = ("mission", "objective", "milestone", "portfolio", "instrument", "budget", "financ", "money", "fund",
          "governance", "board", "owner", "stakeholder", "engage", "operator", "indicator", "review", "calendar",
          "scan", "diagnos", "risk", "ask", "cabinet", "minister", "baseline", "target", "subsidy", "o1", "o2",
          "o3", "o4", "o5")
MIN_NOTE_WORDS = 12


def check_assessment(scores: Any, note: Any, role: str = "self",
                     reference: Mapping[str, tuple[int, str]] | None = None) -> Feedback:
    """Feedback on one use of the plan's rubric: every criterion scored, and a note that gives reasons.

    The check cannot judge whether a level is right; it says so and shows what it looked for. With a
    ``reference`` (the course's reading of a worked plan, e.g. ``rubric.MARENTA_REVIEW``), a level two or
    more steps from it gets the evidence to look at again; one step away is judgment.
    """
    from missionkit.capstone.plan import PLACEHOLDERS
    from missionkit.capstone.rubric import ROLE_NAMES, clean_scores, load_rubric

    rubric = load_rubric()
    title = f"Your {ROLE_NAMES.get(role, 'assessment')}"
    how = ("Choose a level (1 Not yet to 4 Strong) for each criterion, then write two or three sentences: why, "
           "and what would raise the weakest criterion by one level.")
    clean = clean_scores(scores)
    if not clean and (is_blank(note) or not isinstance(note, str)):
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    missing = [rubric.criterion(k).name for k in rubric.keys if k not in clean]
    if missing:
        improve.append("Still to score: " + "; ".join(missing) + ".")
    else:
        strengths.append("Every criterion has a level.")
    text = note if isinstance(note, str) else ""
    low = f" {' '.join(text.lower().split())} "
    words = len(text.split())
    norm = " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())
    if not text.strip():
        improve.append("Write why: which criterion is weakest, and what would raise it by one level.")
    elif norm in PLACEHOLDERS or words < 4:
        improve.append(f"\u201c{text.strip()[:30]}\u201d is a placeholder: say why, with a part of the plan as "
                       "evidence.")
    elif any(c in low for c in _CIRCULAR):
        improve.append("The reason repeats the level (\u201cstrong because I gave it 4\u201d). Point to what the "
                       "plan says, and compare it with the rubric's example for that level.")
    elif not any(r in low for r in _REASON):
        improve.append("Give a reason, not a list: say what the plan does or lacks, and so what level it earns "
                       "(use because, so, but).")
    elif not any(s in low for s in _SIGNS):
        improve.append("Name the part of the plan you mean (its governance, budget, risks, indicators, ask...).")
    elif words < MIN_NOTE_WORDS:
        improve.append(f"Add a sentence: {words} words is too short to say why and what to change.")
    else:
        strengths.append("Your note gives a reason, tied to a part of the plan.")
    if role == "peer" and text.strip() and not improve:
        if not any(w in low for w in _SUGGEST):
            improve.append("Say what could be better, and how: a review that only praises gives nothing to act on.")
        elif not any(w in low for w in _PRAISE):
            improve.append("Start with what works: the author needs to know what to keep.")
    for k, v in clean.items():
        if reference and k in reference and abs(v - reference[k][0]) >= 2:
            ref, evidence = reference[k]
            improve.append(f"{rubric.criterion(k).name}: you gave {v} ({rubric.level_name(v)}); look again: "
                           f"{evidence} (the course reads it as {ref}, {rubric.level_name(ref)}).")
    if len(clean) == len(rubric.keys) and all(v == 4 for v in clean.values()):
        improve.append("Every criterion at 4 (Strong). Read each Strong example again: is nothing only Sound?")
    status: Status = "good" if not improve else ("partly" if strengths else "revise")
    why = ("This check cannot judge whether your levels are right. It looked for a level for every criterion and a "
           "note with a reason tied to the plan. Compare your levels with the rubric's examples for Marenta "
           "(fictional); a peer or your trainer may see it differently, and that conversation is the point.")
    return Feedback(status, title, strengths, improve, why=why,
                    sources=["OUR PROPOSAL: the course's rubric for a mission implementation plan"])


def check_plan_section(key: str, decision: Any, text: Any, draft: Any = ()) -> Feedback:
    """Feedback on one section of the implementation plan: is it written by the participant?

    It cannot judge the content: when the section counts as written, it says so and points to the rubric
    criterion and the Marenta example (FICTIONAL) for that section.
    """
    from missionkit.capstone.plan import MIN_WORDS, PLAN_SECTIONS, judge_section
    from missionkit.capstone.rubric import load_rubric

    spec = next((s for s in PLAN_SECTIONS if s.key == key), None)
    judged = judge_section(key, decision, text, list(draft or ()))
    title = spec.title if spec else "Your section"
    criterion = next((c for c in load_rubric().criteria if key in c.sections), None)
    rubric_line = (f"Rubric, \u201c{criterion.name}\u201d, level 3 (Sound): {criterion.levels[2].descriptor}"
                   if criterion else "")
    if not judged.complete and (is_blank(text) or not isinstance(text, str)):
        return Feedback.not_answered(title, judged.reason)
    if not judged.complete:
        return Feedback("revise", title, improve=[judged.reason] + ([rubric_line] if rubric_line else []),
                        why="The plan is yours: the draft from your earlier work is material, not the answer. A "
                            "decision-maker needs to read what you decided and why.",
                        sources=[OUR_PROPOSAL.replace("peer-review checklist for a mission brief",
                                                      "mission implementation plan")])
    example = spec.example if spec else ""
    return Feedback("discuss", title, strengths=["This section counts as written: you made a decision and wrote "
                                                 "it in your own words."],
                    improve=[rubric_line, f"Compare with the Marenta example (fictional): {example}"],
                    why=f"This check cannot judge the content. It looked for a choice (keep, change or add) and at "
                        f"least {MIN_WORDS} words of your own beyond the draft, written as sentences. Assess the "
                        "whole plan with the rubric below, and ask a peer.",
                    sources=["OUR PROPOSAL: the course's mission implementation plan and its rubric"])
