"""Module 10: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

The theory of change, the flagged indicators, which fix comes first, the fixes,
the drafted indicators, the reading of the status table and the recommendation
to the board. The answer keys (Marenta's traps, FICTIONAL) and the word rules
used to read free-text answers are OUR PROPOSAL.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank, placeholder_reason
from missionkit.monitoring.audit import audit_draft
from missionkit.monitoring.indicators import (
    CHECK_LABELS,
    LEVELS,
    as_int,
    as_number,
    as_text,
    format_number,
    is_empty,
    output_words,
    shorten,
)
from missionkit.monitoring.theory import parse_theory_of_change
from missionkit.monitoring.trajectory import Trajectories
from missionkit.text import cites_full

__all__ = [
    "check_theory_of_change",
    "FIXES",
    "MARENTA_TRAPS",
    "check_flagged",
    "check_fix_first",
    "progress_misread",
    "check_fixes",
    "check_drafts",
    "lower_is_better",
    "check_status_reading",
    "check_recommendation",
    "fix_options",
]


def fix_options() -> pd.DataFrame:
    """The fixes to choose from in the exercise (code and meaning)."""
    return pd.DataFrame({"write": list(FIXES), "meaning": list(FIXES.values())})


def check_theory_of_change(value: Any) -> Feedback:
    """Feedback on a theory of change: every level filled, outcomes that are changes, assumptions stated."""
    title = "Your theory of change"
    how = "Write at least one item at each level: inputs, activities, outputs, outcomes and impacts."
    toc = parse_theory_of_change(value)
    if toc.empty:
        return Feedback.not_answered(title, how)
    strengths, improve = [], []
    level_names = {"input", "inputs", "activity", "activities", "output", "outputs", "outcome", "outcomes",
                   "impact", "impacts", "assumption", "assumptions"}
    hollow = {lvl: [i for i in items if placeholder_reason(i) or i.strip(" .").lower() in level_names]
              for lvl, items in toc.items()}
    for lvl, items in hollow.items():
        if items:
            improve.append(f"In {lvl}, \u201c{items[0]}\u201d is a placeholder or the level's own name, not an "
                           "item: write what goes there (for example, for outcomes, a change among people).")
    empty = [lvl for lvl, items in toc.items() if not [i for i in items if i not in hollow[lvl]]]
    filled = [lvl for lvl, items in toc.items() if [i for i in items if i not in hollow[lvl]]]
    if filled:
        strengths.append("Filled in: " + ", ".join(filled) + ".")
    if empty:
        improve.append("Still empty: " + ", ".join(empty) + ". A chain with a gap cannot show how the work leads "
                       "to the change.")
    found = [(i, output_words(i)) for i in toc.outcomes + toc.impacts]
    posing = [(i, h) for i, h in found if h]
    for item, (words, why) in posing:
        improve.append(f"\u201c{item}\u201d {why} (\u201c{words}\u201d): that is an output. Move it to outputs, and "
                       "write the change it should bring about among people as the outcome.")
    assumptions = [a for a in toc.assumptions if not placeholder_reason(a) and a.strip(" .").lower() not in level_names]
    if assumptions:
        strengths.append(f"{len(assumptions)} assumption(s) written down: these are what an evaluation tests.")
    else:
        improve.append("Add one or two assumptions: what must hold for the outputs to lead to the outcomes?")
    hollow_any = any(hollow.values())
    status: Status = "good" if not improve else (
        "partly" if not posing and not hollow_any and len(empty) <= 2 else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A theory of change makes the expected chain from inputs to impacts explicit, so that "
                        "indicators can be placed along it and evaluation can test its links.",
                    sources=cites_full("kusekrist2004", "stio2023"))


# --------------------------------------------------------------------------- exercise checks
MARENTA_TRAPS = {
    "I04": "output_as_outcome",
    "I05": "baseline",
    "I07": "definition",
    "I14": "timely",
}
"""The four indicators of the Marenta framework (FICTIONAL) with a built-in problem, and the check that finds it."""

FIXES = {
    "relabel": "Relabel it as an output, and add an outcome indicator for the change it should bring",
    "baseline": "Measure a baseline now (or take the first reading) and record its year",
    "restate": "Restate the baseline and history on the new definition, and mark the break",
    "proxy": "Keep it, and add a faster proxy or leading indicator for the reviews in between",
    "drop": "Drop the indicator",
    "keep": "Keep it as it is",
}
_RIGHT_FIX = {"I04": "relabel", "I05": "baseline", "I07": "restate", "I14": "proxy"}
_TRAP_PLAIN = {
    "I04": "I04 counts what the mission builds (kilometres of bus lane), but it is labelled an outcome",
    "I05": "I05 has nothing to compare with: there is no starting value and no year it was measured",
    "I07": "I07 was measured one way before 2025 and another way since (what counts as a \u201cclean\u201d bus "
           "changed), so values before and after 2025 are not comparable",
    "I14": "I14's data arrive two years after the period, too late for the annual review, yet it measures an "
           "objective that matters (fair access, O4)",
}
"""Each Marenta trap's problem in plain words (FICTIONAL case), used when a fix does not mend it."""

_WRONG_FIX_WHY = {
    # I04: an output labelled as an outcome
    ("I04", "baseline"): "A new starting value would not help: I04 already has one (14 km in 2024). Its level "
                         "would still say outcome while it counts construction.",
    ("I04", "restate"): "Restating the history mends a change of definition, and I04's definition has not changed. "
                        "It would still count construction and be read as a change in how people travel.",
    ("I04", "proxy"): "A faster proxy helps when data arrive late, but I04's arrive three months after the year. The "
                      "proxy would leave kilometres built posing as a change in how people travel.",
    ("I04", "drop"): "Dropping it loses the record of what the mission builds, which managers need to check "
                     "delivery. The problem is where it sits in the chain, not the measure itself.",
    ("I04", "keep"): "Kept as it is, the dashboard calls kilometres built an outcome, which lets a construction "
                     "programme pass for a change in how people travel.",
    # I05: nothing to compare with
    ("I05", "relabel"): "Its level is right: contracts held by minibus operators are a change in the sector. Moving "
                        "it to another level would still leave nothing to compare the next reading with.",
    ("I05", "restate"): "Restating mends a series whose definition changed, but I05 has no earlier values to "
                        "restate. There would still be nothing to compare the next reading with.",
    ("I05", "proxy"): "A faster proxy helps when data arrive late; I05's problem is the missing starting point. "
                      "A proxy with no starting value of its own could not show progress either.",
    ("I05", "drop"): "It tracks the reform of the informal minibus sector, a core part of O1. Dropping it leaves "
                     "that reform unmeasured; what is missing is a starting point, not the indicator.",
    ("I05", "keep"): "Kept as it is, every review would have to say \u201cno data\u201d on the minibus reform: "
                     "with nothing to start from, no progress can ever be shown.",
    # I07: a definition changed after the baseline
    ("I07", "relabel"): "Its level is right: a cleaner fleet is a change the mission seeks. A new label would "
                        "leave the 2024 value and the later ones measuring different things.",
    ("I07", "baseline"): "I07 already has a 2024 value. A fresh first reading would throw away the years before "
                         "it and still leave the break in the series unmarked in charts and reports.",
    ("I07", "proxy"): "A faster proxy helps when data arrive late, and I07's arrive six months after the year. "
                      "The values before and after 2025 would still measure different things.",
    ("I07", "drop"): "Dropping it throws away the only measure of a cleaner bus fleet. The problem is the "
                     "break in the series, not the indicator: the values need to be put on one definition.",
    ("I07", "keep"): "Kept as it is, the dashboard compares values measured two different ways, so a review can "
                     "read the break as progress (or as decline).",
    # I14: data two years late
    ("I14", "relabel"): "Its level is right: the share of income the poorest spend on transport is an impact. "
                        "Under any label, its data would still arrive two years late.",
    ("I14", "baseline"): "I14 already has a starting value (16% in 2024). A new one would not make the data "
                         "arrive sooner: each annual review would still see figures two years old.",
    ("I14", "restate"): "Restating mends a change of definition, and I14's definition has not changed. The data "
                        "would still arrive two years late.",
    ("I14", "drop"): "It is the headline indicator of O4, and dropping it leaves O4 unmeasured. Its two-year "
                     "lag makes it slow, not useless: it will still show the change by the mid-term review. What "
                     "is missing is something that moves in time for the annual reviews.",
    ("I14", "keep"): "Kept as it is, each annual review sees figures two years old, so fair access (O4) is steered "
                     "blind until the mid-term review.",
}
"""Why each wrong fix (indicator, choice) does not mend the problem, without naming the right choice."""


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[,;\s]+", value)
    if isinstance(value, Mapping):
        value = list(value)
    if not isinstance(value, (list, tuple, set)):
        return []
    out = []
    for v in value:
        if is_empty(v):
            continue
        s = str(v).strip().upper()
        m = re.fullmatch(r"I?0*(\d{1,2})", s)
        out.append(f"I{int(m.group(1)):02d}" if m else s)
    return out


def check_flagged(answer: Any, audit_table: pd.DataFrame | None = None) -> Feedback:
    """Feedback on which Marenta indicators (FICTIONAL) have a problem: the four traps, nothing else."""
    title = "Which indicators need fixing"
    how = 'List the ids of the indicators the audit flags, for example ["I01", "I02"].'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    ids = _ids(answer)
    if not ids:
        return Feedback("revise", title, improve=[f"Your answer should be a list of ids. {how}"])
    known = {f"I{i:02d}" for i in range(1, 20)}
    chosen = set(ids)
    right = set(MARENTA_TRAPS)
    strengths, improve = [], []
    for i in sorted(chosen & right):
        strengths.append(f"{i}: {CHECK_LABELS[MARENTA_TRAPS[i]].lower()} (correct).")
    for i in sorted(right - chosen):
        improve.append(f"You missed {i}: look at its '{CHECK_LABELS[MARENTA_TRAPS[i]]}' check in the audit.")
    for i in sorted(chosen - right):
        if i not in known:
            improve.append(f"'{i}' is not an indicator of the Marenta framework (I01 to I19).")
        elif i in ("I01", "I11"):
            improve.append(f"{i} is sound: its data arrive one year after the period, which fits an annual review "
                           "(a lag equal to the review cycle is not too long).")
        elif i == "I17":
            improve.append("I17 is sound for this audit: its target year (2030) is before the mission's deadline, "
                           "which is allowed.")
        elif i == "I10":
            improve.append("I10 is sound as an input indicator: it measures money put in, and it is labelled input. "
                           "The trap is an output labelled as an outcome.")
        else:
            improve.append(f"{i} passes every check in the audit; why did you flag it?")
    status: Status = "good" if chosen == right else ("partly" if chosen & right and not (chosen - right) else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Four common indicator problems: no baseline, an output dressed up as an outcome, data too "
                        "late for the review, and a definition changed after the baseline.",
                    sources=cites_full("kusekrist2004", "br-pdbrasil", "bbcv-sec"))


#: Question 1c: which problem indicator to fix first. Any of the four can be argued; a good reason
#: names the indicator's own problem (``words``) and what it does to the next review (``stakes``).
_FIX_FIRST = {
    "I04": (r"output|outcome|level|label|kilomet|built|build|construct|lane",
            "I04 makes the dashboard look better than the mission is doing: kilometres built can rise while "
            "journeys do not change, so the review may fund more of the same on a false signal."),
    "I05": (r"baseline|starting|start|first reading|register|no base|zero|measure",
            "I05 has no starting point, so no progress can be shown at all; it is also the cheapest fix "
            "(date the first reading of the new register)."),
    "I07": (r"definition|defin|break|restat|series|compar|chang|trend|new rule|method",
            "I07's definition changed after the baseline, so its trend compares two different things: until "
            "2024 is restated, any rise or fall may be the new definition, not the fleet."),
    "I14": (r"lag|late|slow|time|arriv|wait|proxy|two years|2 years|delay",
            "I14 arrives two years late, so the fair-access objective (O4) is reviewed blind; a faster proxy is "
            "the only way to see it before the 2026-Q4 decisions."),
}
_TRAP_PROBLEM = {"I04": "an output labelled as an outcome", "I05": "no baseline",
                 "I07": "a definition changed after the baseline", "I14": "data that arrive too late for the reviews"}
_STAKES = r"review|decision|decide|money|fund|budget|minister|board|dashboard|report|trust|credib|mislead|wrong"

#: The course's rule for a rise read as progress (OUR PROPOSAL, so that participants can read and question it).
#: A sentence claims progress when it uses a word of _PROGRESS (not after "no", "not", "planned" or "as") and
#: does not also say the indicator is off track or too slow. For each problem indicator, the claim is a misreading
#: unless the text also names the problem (its words below): for I07, the break in the series.
_PROGRESS = re.compile(
    r"(?<!\bno )(?<!\bnot )(?<!\bplanned )(?<!\bas )"
    r"\b(?:rose|rises?|rising|gain(?:s|ed)?|grew|grown|improved|improving|improvements?|progress|cleaner|up from|"
    r"increased|increases? (?:from|of|since)|an increase|the increase|jumped|doubled)\b", re.I)
_STILL_BEHIND = re.compile(r"off[- ]track|too slow|behind|short of|below (?:the )?plan|not enough|at risk", re.I)
_PROGRESS_EXTRA = {"I14": r"\b(?:fell|fallen|dropped|cheaper|lower)\b"}
_BREAK_WORDS = (r"break|restat|not comparable|incomparable|(?:can ?not|can't|cannot) be compared|different things?|"
                r"new rule|series|redefin|definition(?!s? (?:shows?|proves?|confirms?|reveals?|demonstrates?))")
_MISREAD = {
    "I07": (_BREAK_WORDS,
            "I07's definition changed in 2025: until 2024 a \u201cclean\u201d bus meant Euro IV or better, since "
            "2025 it means zero-emission or Euro VI (FICTIONAL case). A rise read across 2024 and 2025 is the change "
            "of definition, not progress: the two figures count different buses. Compare only values on the same "
            "definition."),
    "I04": (r"output|not an outcome|label|posing|dress",
            "A rise in I04 shows that the mission builds bus lanes, not that people travel differently: kilometres "
            "built can grow while journeys do not change. Reading it as progress on an outcome is the trap itself."),
    "I05": (r"baseline|starting (?:value|point)|no start|no base|nothing to compare|no (?:first )?reading|no data|"
            r"cannot show|can't show",
            "I05 has no starting value, so no progress can be shown yet: a rise has nothing to be compared with."),
    "I14": (r"\blag|late|two years|2 years|delay|no reading|not yet|\bold\b",
            "I14 has no reading since 2024: its data arrive two years after the period, so no progress can be "
            "claimed from it yet."),
}
"""For each problem indicator: the words that show the problem is understood, and why a progress claim is wrong."""


def _sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?;])\s+|\n+", text) if x.strip()]


_COLLAPSE = re.compile(r"\b(?:fell|fallen|falls?|dropped|drops?|collaps\w*|plung\w*|declin\w*|down from|"
                       r"crash\w*|halved|shr[ai]nk\w*|went down|going down|worse)\b", re.I)


def collapse_misread(text: Any) -> str | None:
    """Why ``text`` misreads I07's apparent fall (21% on the old definition, 6.5% on the new one, 2024) as a
    collapse; None if it does not, or if it names the break in the series."""
    if is_empty(text):
        return None
    t = str(text)
    if re.search(_BREAK_WORDS, t, re.I):
        return None
    for sentence in _sentences(t):
        if re.search(r"\bI07\b|clean (?:city )?bus", sentence, re.I) and _COLLAPSE.search(sentence):
            return ("I07 seems to fall only because its definition changed in 2025: until 2024 a \u201cclean\u201d "
                    "bus meant Euro IV or better (21.0% in 2024), since 2025 zero-emission or Euro VI (6.5% in 2024 "
                    "on the new definition). The fleet did not get dirtier; compare only values on one definition "
                    "(FICTIONAL case).")
    return None


def progress_misread(ident: str, text: Any, *, whole: bool = False) -> str | None:
    """Why ``text`` misreads a problem indicator's change as progress (see _PROGRESS); None if it does not.

    ``whole``: the whole text is about ``ident`` (a reason for choosing it); otherwise only the sentences that
    name its id are read. The problem counts as understood if its words appear anywhere in the text.
    """
    if ident not in _MISREAD or is_empty(text):
        return None
    t = str(text)
    understood, why = _MISREAD[ident]
    if re.search(understood, t, re.I):
        return None
    extra = _PROGRESS_EXTRA.get(ident)
    for sentence in _sentences(t):
        if not whole and not re.search(rf"\b{ident}\b", sentence, re.I):
            continue
        if _STILL_BEHIND.search(sentence):
            continue
        if _PROGRESS.search(sentence) or (extra and re.search(extra, sentence, re.I)):
            return why
    return None


def check_fix_first(choice: Any, reason: Any = None) -> Feedback:
    """Question 1c: which of the four problem indicators to fix first, and why (no single right answer)."""
    title = "Which problem to fix first"
    how = ('Write the id of one of the four problem indicators in quotes, for example "I05", and in `why_first` '
           "one or two sentences: what is wrong with it, and what that does to the next review.")
    if is_blank(choice):
        return Feedback.not_answered(title, how)
    ids = _ids([choice]) if isinstance(choice, str) else []
    if len(ids) != 1:
        return Feedback("revise", title, improve=[f"Give one indicator id, not {choice!r}. {how}"])
    ident = ids[0]
    if ident not in _FIX_FIRST:
        known = ident in {f"I{i:02d}" for i in range(1, 20)}
        problem = (f"{ident} is not one of the four problem indicators: the audit flagged "
                   + ", ".join(_FIX_FIRST) + "." if known else f"'{ident}' is not an indicator of the Marenta "
                   "framework (I01 to I19).")
        return Feedback("revise", title, improve=[problem + " Choose one of those four."])
    words, consequence = _FIX_FIRST[ident]
    problem = _TRAP_PROBLEM[ident]
    strengths, improve = [f"{ident} ({problem}) is a defensible first choice."], []
    text = "" if is_blank(reason) else str(reason).strip()
    hollow = placeholder_reason(text, keywords=True) if text else None
    misread = progress_misread(ident, text, whole=True) if text and not hollow else None
    if hollow:
        improve.append(f"Your reason is not a reason yet: {hollow}. Say in one or two sentences what is wrong "
                       f"with {ident} and which decision at the next review it would mislead.")
    elif not text:
        improve.append("Now say why, in `why_first`: what is wrong with it, and what that does to the next review.")
    elif misread:
        improve.append(f"Your reason reads {ident}'s change as progress. {misread}")
    else:
        if re.search(words, text, re.I):
            strengths.append(f"Your reason names {ident}'s own problem ({problem}).")
        else:
            improve.append(f"Your reason does not say what is wrong with {ident}: its problem is {problem}.")
        if re.search(_STAKES, text, re.I):
            strengths.append("You tie it to what the review will decide, which is what makes a fix urgent.")
        else:
            improve.append("Say what the problem does to the next review: which decision would it mislead?")
        if len(text.split()) < 8:
            improve.append("One or two full sentences, please: a review minute has to stand on its own.")
    status: Status = ("discuss" if text and not improve
                      else ("partly" if (text or strengths) and not misread and not hollow else "revise"))
    others = " ".join(c for i, (_, c) in _FIX_FIRST.items() if i != ident)
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why=f"No single right answer: each of the four has a case. {consequence} The others: {others} "
                        "Compare your choice with a colleague's.",
                    sources=cites_full("kusekrist2004"))


def check_fixes(answer: Any) -> Feedback:
    """Feedback on the fix chosen for each Marenta trap (keys I04, I05, I07, I14; values from :data:`FIXES`)."""
    title = "Fixing the four problem indicators"
    how = 'For each indicator write one of: "' + '", "'.join(FIXES) + '".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    if not isinstance(answer, Mapping):
        return Feedback("revise", title, improve=[f"Your answer should be a dict such as {{\"I04\": \"relabel\"}}. "
                                                  f"{how}"])
    answers = {_ids([k])[0] if _ids([k]) else str(k): v for k, v in answer.items()}
    strengths, improve = [], []
    missing = []
    wrong = False
    for ident, right in _RIGHT_FIX.items():
        given = answers.get(ident)
        if is_blank(given):
            missing.append(ident)
            continue
        choice = str(given).strip().lower()
        if choice not in FIXES:
            improve.append(f"{ident}: \u201c{given}\u201d is not one of the choices. {how}")
            wrong = True
        elif choice == right:
            strengths.append(f"{ident}: {FIXES[right].lower()}.")
        else:
            wrong = True
            improve.append(f"{ident}, \u201c{choice}\u201d: {_TRAP_PLAIN[ident]}. "
                           + _WRONG_FIX_WHY.get((ident, choice), f"\u201c{FIXES[choice]}\u201d does not mend "
                                                                 "that."))
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status: Status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A weak indicator is usually mended, not dropped: relabel it, give it a baseline, restate it "
                        "or pair it with a faster proxy.",
                    sources=cites_full("kusekrist2004", "br-mobiletime"))


#: The course's direction rule (OUR PROPOSAL): the module has no "desired direction" column, so a draft's
#: direction is read from its name. A name about harm or time lost (_LOWER_IS_BETTER) is one the mission
#: wants to bring down, unless it already says the change ("reduction in", "deaths avoided", "zero-emission").
_LOWER_IS_BETTER = re.compile(
    r"pollut\w*|\bpm ?2[.,]5\b|\bpm ?10\b|\bno2\b|nitrogen dioxide|"
    r"(?<!zero[- ])(?<!low[- ])\bemissions?\b(?![- ]free)|"
    r"\bco2\b|\bdeaths?\b|\bkilled\b|fatalit\w*|\binjur\w*|casualt\w*|\bcrash\w*|collisions?|"
    r"\b(?:commut\w*|travel|journey|trip) times?\b|\bwait\w*|\bdelays?\b|congestion", re.I)
_ALREADY_A_CHANGE = re.compile(r"reduc\w*|decreas\w*|\bfall in\b|\bcut in\b|\bdrop in\b|avoided|prevented|averted|"
                               r"saved|\bwithout\b|\bwithin \d|less than|under \d|no more than|fewer than", re.I)


def lower_is_better(name: Any) -> str | None:
    """The word that makes a name one the mission wants lower (pollution, deaths, waiting...); None if none.

    The course's rule (OUR PROPOSAL), see _LOWER_IS_BETTER.
    """
    text = as_text(name)
    if not text or _ALREADY_A_CHANGE.search(text):
        return None
    m = _LOWER_IS_BETTER.search(text)
    return m.group(0) if m else None


def _direction_note(draft: Any, unit_hint: str = "") -> tuple[str, str] | None:
    """("wrong" or "flat", a note) when a draft's target moves against its name's direction or equals its baseline."""
    if not isinstance(draft, Mapping):
        return None
    b, tg = as_number(draft.get("baseline")), as_number(draft.get("target"))
    if b is None or tg is None:
        return None
    unit = as_text(draft.get("unit")) or unit_hint
    if tg == b:
        return ("flat", f"check the direction: the target ({format_number(tg, unit)}) equals the baseline, so the "
                        "indicator would be \u201con track\u201d if nothing changed. Set the value the mission aims "
                        "for, or say in the name that the aim is to hold the level.")
    word = lower_is_better(draft.get("name"))
    if word and tg > b:
        return ("wrong", f"check the direction: the target ({format_number(tg, unit)}) is higher than the baseline "
                         f"({format_number(b, unit)}), but the name is about \u201c{word}\u201d, "
                         "which the mission wants lower. The course's rule: for pollution, emissions, deaths, "
                         "injuries or time lost (commuting, waiting), lower is better.")
    return None


def check_drafts(drafts: Any, mission_statement: Any = None, *, deadline: Any = None) -> Feedback:
    """Feedback on three drafted indicators: each audited, at different levels, at least one outcome or impact."""
    title = "Your three draft indicators"
    how = "Fill in the three dicts: at least a name, a level, a unit, a baseline and a target for each."
    items = drafts if isinstance(drafts, (list, tuple)) else [drafts]
    filled = [d for d in items if not is_blank(d)]
    if not filled:
        return Feedback.not_answered(title, how)
    dl = as_int(deadline) if deadline is not None and not is_empty(deadline) else case.DEADLINE_YEAR
    try:
        details = audit_draft(filled, deadline=dl)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[error.message])
    strengths, improve = [], []
    levels, directions = [], []
    for i, d in enumerate(filled, 1):
        lvl = str(d.get("level", "") or "").strip().lower() if isinstance(d, Mapping) else ""
        levels.append(lvl)
        mine = details[details["id"] == f"D{i}"]
        flags = mine[mine["result"] == "flag"]
        name = shorten(as_text(d.get("name")) if isinstance(d, Mapping) else "", 50) or f"Indicator {i}"
        direction = _direction_note(d)
        if direction:
            directions.append(direction[0])
            improve.append(f"\u201c{name}\u201d, {direction[1]}")
        if flags.empty and not direction:
            strengths.append(f"\u201c{name}\u201d passes every check.")
        else:
            for _, f in flags.iterrows():
                improve.append(f"\u201c{name}\u201d, {f['label'].lower()}: {f['note']}")
    if len(filled) < 3:
        improve.append(f"You drafted {len(filled)} indicator(s); the exercise asks for three.")
    distinct = {lv for lv in levels if lv}
    if len(distinct) < min(3, len(filled)):
        improve.append("Put the indicators at different levels (for example an output, an outcome and an impact), "
                       "so that the chain from what the mission does to what changes can be followed.")
    elif len(distinct) >= 3:
        strengths.append("Three different levels: " + ", ".join(sorted(distinct, key=LEVELS.index)
                                                                if distinct <= set(LEVELS) else distinct) + ".")
    if not distinct & {"outcome", "impact"}:
        improve.append("Include at least one outcome or impact: outputs alone show activity, not change.")
    statement = as_text(mission_statement) if mission_statement is not None else ""
    if statement:
        words = {w for w in re.findall(r"[a-z]{5,}", statement.lower())} - {"which", "their", "these", "there",
                                                                            "within", "about", "would"}
        names = " ".join(as_text(d.get("name")) for d in filled if isinstance(d, Mapping)).lower()
        if words and not any(w[:6] in names for w in words):
            improve.append("None of the names uses a word from your mission statement: say how each indicator "
                           "tracks the mission.")
    status: Status = "good" if not improve else ("partly" if len(improve) <= 2 else "revise")
    posing = details[(details["check"] == "output_as_outcome") & (details["result"] == "flag")]
    if not posing.empty or "wrong" in directions:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="Indicators are needed at every level so that managers see what is on or off track; each "
                        "needs a baseline, a dated target, an owner and data that arrive in time.",
                    sources=cites_full("kusekrist2004", "doran1981"))


_STATUS_PHRASE = {"on track": "is on track", "at risk": "is at risk", "off track": "is off track",
                  "no data": "has no reading to judge (no data)"}
_STATUS_WORDS = {"on track": "on track", "ontrack": "on track", "green": "on track", "at risk": "at risk",
                 "amber": "at risk", "off track": "off track", "offtrack": "off track", "red": "off track",
                 "no data": "no data", "grey": "no data", "gray": "no data", "unknown": "no data"}


def check_status_reading(answer: Any, result: Trajectories) -> Feedback:
    """Feedback on reading the dashboard: the status of the indicators asked about."""
    title = "Reading the dashboard"
    how = 'For each indicator write "on track", "at risk", "off track" or "no data".'
    if is_blank(answer):
        return Feedback.not_answered(title, how)
    if not isinstance(answer, Mapping):
        return Feedback("revise", title, improve=[f"Your answer should be a dict of id: status. {how}"])
    strengths, improve, missing = [], [], []
    wrong = False
    for key, given in answer.items():
        ident = (_ids([key]) or [str(key)])[0]
        if is_blank(given):
            missing.append(ident)
            continue
        try:
            row = result.row(ident)
        except MissionkitInputError as error:
            improve.append(error.message)
            wrong = True
            continue
        said = _STATUS_WORDS.get(re.sub(r"\s+", " ", str(given).strip().lower()))
        if said is None:
            improve.append(f"{ident}: \u201c{given}\u201d is not a status. {how}")
            wrong = True
        elif said == row["status"]:
            strengths.append(f"{ident} {_STATUS_PHRASE[row['status']]}. {row['note']}")
        else:
            wrong = True
            extra = ""
            if row["status"] == "no data" and said == "on track":
                extra = (" No reading since the baseline is not good news: it means the review cannot tell. "
                         "A long reporting lag hides the trend.")
            elif row["level"] == "input" and said != row["status"]:
                extra = " It is an input: it shows money going in, not results coming out."
            elif row["status"] == "off track" and said in ("on track", "at risk"):
                extra = " It is improving, but the question is whether it improves fast enough to reach the target."
            improve.append(f"{ident}: you said \u201c{said}\u201d; the dashboard says \u201c{row['status']}\u201d. "
                           f"{row['note']}{extra}")
    if missing:
        improve.append("Still to answer: " + ", ".join(missing) + ".")
    if not strengths and not improve:
        return Feedback.not_answered(title, how)
    status: Status = "revise" if wrong else ("partly" if missing else "good")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A status compares the latest reading with where the plan says the indicator should be by "
                        "now, not with the baseline.", sources=cites_full("kusekrist2004", "bbcv-sec"))


#: The course's rules for reading a recommendation (OUR PROPOSAL, written out so they can be questioned).
#: An action is a word of _ACTION that is not negated: "no", "not", "nothing", "never", "without", "don't"
#: a few words before it, or "nothing", "none" or "anything" right after it ("change nothing", "no change").
_ACTION = re.compile(
    r"\b(?:scal(?:e|es|ed|ing)|pivot\w*|redirect\w*|re-?allocat\w*|shift\w*|mov(?:e|ing) (?:the )?money|"
    r"increas\w*|add(?:s|ing)?|accelerat\w*|speed(?:s|ing)? up|expand\w*|replac\w*|stop\w*|sunset\w*|paus\w*|"
    r"chang\w*|redesign\w*|prioriti[sz]\w*|fund(?:s|ed|ing)?|invest\w*|reform\w*|licen[cs]\w*|contract\w*|"
    r"doubl\w*|tripl\w*|cut(?:s|ting)?|boost\w*|top(?:ping)? up|cancel\w*|withdraw\w*)\b", re.I)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not(?! only)|never|nothing|none|don't|dont|do not|does not|doesn't|won't|"
                              r"without|neither|nor|avoid)\b[\w '\u2019-]{0,25}$", re.I)
_NEGATION_AFTER = re.compile(r"^\s+(?:nothing|none|anything|no\b)", re.I)
#: More money for something: an increase word (not negated) in the same sentence as what an output counts.
_MORE_MONEY = re.compile(
    r"\b(?:doubl\w*|tripl\w*|increas\w*|more (?:money|funding|funds|budget|kilomet\w*|lanes?)|boost\w*|"
    r"top(?:ping)? up|scal(?:e|es|ed|ing)(?: up)?|expand\w*|fund(?:s|ing)? more|"
    r"add(?:s|ing)? (?:money|funding|funds)|"
    r"accelerat\w*|speed(?:s|ing)? up|invest\w* more|extra (?:money|funding|funds|budget))\b", re.I)
_I04_WORDS = r"bus[- ]lanes?|lane construction|kilomet\w* of (?:bus )?lanes?"
_AWAY_FROM = re.compile(r"\b(?:from|away from|out of|instead of|rather than|not)\s+(?:the\s+)?(?:\(?\s*)?$", re.I)
_LEARNING_WORDS = ("evaluat", "contribution", "why", "learn", "test", "assumption", "review", "ask", "investigat",
                   "study", "find out", "understand", "causes")
_INPUT_ONLY = ("spending", "spend", "disburs", "budget", "i10")


def _actions(text: str) -> list[str]:
    """The action words in ``text`` that are not negated ("change nothing", "no change" and "do not stop" are not)."""
    out = []
    for m in _ACTION.finditer(text):
        before = re.split(r"[.!?;:,]", text[: m.start()])[-1]
        if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.match(text[m.end():]):
            continue
        out.append(m.group(0).lower())
    return out


def _funds_more_output(text: str, result: Trajectories | None) -> list[str]:
    """Ids of output indicators the text would give more money to (I04 counts as an output: kilometres built).

    Outputs that are themselves off track are left out: catching up on a late output can be a fair steer.
    """
    outputs: dict[str, str] = {"I04": _I04_WORDS}
    if result is not None:
        s = result.status
        for _, r in s[s["level"].isin(["output", "activity"]) & (s["status"] != "off track")].iterrows():
            outputs.setdefault(str(r["id"]), "")
    found = []
    for sentence in _sentences(text):
        more = [m for m in _MORE_MONEY.finditer(sentence)
                if not _NEGATION_BEFORE.search(re.split(r"[,:]", sentence[: m.start()])[-1])]
        if not more:
            continue
        for ident, words in outputs.items():
            pattern = rf"\b{ident}\b" + (f"|{words}" if words else "")
            for hit in re.finditer(pattern, sentence, re.I):
                if not _AWAY_FROM.search(sentence[: hit.start()]):
                    found.append(ident)
                    break
    return list(dict.fromkeys(found))


def _off_track_outcomes(result: Trajectories | None, objectives: Iterable[str]) -> str:
    """The off-track outcomes and impacts of these objectives with their verb: "I01 and I02 (objective O1) are"."""
    if result is None:
        return "an outcome such as I02 (access within 45 minutes) is"
    s = result.status
    wanted = set(objectives)
    off = s[(s["status"] == "off track") & s["level"].isin(["outcome", "impact"]) & s["objective"].isin(wanted)]
    off = off[~off["id"].isin(list(MARENTA_TRAPS))]
    if off.empty:
        off = s[(s["status"] == "off track") & s["level"].isin(["outcome", "impact"])]
    ids = list(off["id"])[:3]
    if not ids:
        return "an outcome on the dashboard is"
    objs = sorted(set(off.head(3)["objective"]) - {""})
    return " and ".join([", ".join(ids[:-1]), ids[-1]] if len(ids) > 1 else ids) + (
        f" (objective {', '.join(objs)})" if objs else "") + (" are" if len(ids) > 1 else " is")


def check_recommendation(text: Any, result: Trajectories | None = None) -> Feedback:
    """Feedback on a steering recommendation written after reading the dashboard (a few sentences).

    The course's rules: it should name an off-track indicator (by id), give a number, propose a change to the
    portfolio (an action word of _ACTION, not negated) and ask what to learn. Two misreadings are
    named: I07's rise across its change of definition read as progress (see :func:`progress_misread`), and more
    money for an output (I04, kilometres of bus lane) proposed as the fix for an outcome that is off track.
    """
    title = "Your steering recommendation"
    how = ("Write three or four sentences: which indicator worries you most and why (with a number), what the "
           "portfolio should change, and what you want to learn before the next review.")
    if is_blank(text):
        return Feedback.not_answered(title, how)
    if not isinstance(text, str):
        return Feedback("revise", title, improve=[f"Write your recommendation as text in quotes. {how}"])
    hollow = placeholder_reason(text, keywords=True)
    if hollow:
        return Feedback("revise", title, improve=[f"Not a recommendation yet: {hollow}. {how}"])
    t = text.lower()
    status_table = result.status if result is not None else None
    off_ids = list(status_table.loc[status_table["status"] == "off track", "id"]) if status_table is not None else \
        ["I01", "I02", "I07", "I08", "I09", "I13", "I16", "I19"]
    named = [i for i in off_ids if re.search(rf"\b{i.lower()}\b", t)]
    if status_table is not None:
        for _, r in status_table[status_table["status"] == "off track"].iterrows():
            words = [w for w in re.findall(r"[a-z]{6,}", str(r["name"]).lower())][:3]
            if words and sum(w in t for w in words) >= 2 and r["id"] not in named:
                named.append(r["id"])
    has_number = bool(re.search(r"\d", re.sub(r"\bi\d{2}\b", "", t)))
    more_output = _funds_more_output(text, result)
    actions = _actions(text)
    has_action = bool(actions)
    has_learning = any(w in t for w in _LEARNING_WORDS)
    strengths, improve = [], []
    only_inputs = any(w in t for w in _INPUT_ONLY) and not named and any(
        w in t for w in ("on track", "on plan", "as planned", "continue"))
    if only_inputs:
        return Feedback("revise", title, improve=[
            "Spending is an input: money going out on time says nothing about buses in service or people's "
            "journeys. Steer on the outcomes and outputs that are off track, such as I02 (access within 45 "
            "minutes), not on disbursement."],
            why="Indicators are needed at every level, but steering decisions rest on whether outputs and outcomes "
                "move, not on whether money is spent.",
            sources=cites_full("kusekrist2004", "mal-eval"))
    collapse = collapse_misread(text)
    if collapse:
        named = [i for i in named if i != "I07"]
        improve.append(f"You read I07's fall as a collapse. {collapse}")
    misread = progress_misread("I07", text) or collapse
    if misread and not collapse:
        named = [i for i in named if i != "I07"]
        now = ""
        if result is not None and "I07" in set(result.status["id"]):
            r = result.row("I07")
            now = f" On the new definition alone, I07 {_STATUS_PHRASE.get(r['status'], r['status'])}. {r['note']}"
        improve.append(f"You read I07's rise as progress. {misread}{now}")
    if named:
        strengths.append("You name an off-track indicator: " + ", ".join(named) + ".")
    elif not misread:
        improve.append("Name the indicator that worries you most, by its id (for example I02), and say that it is "
                       "off track.")
    if has_number:
        strengths.append("You back the concern with a number.")
    else:
        improve.append("Give a number: the gap to the plan, or the pace needed compared with the recent pace.")
    if more_output:
        objectives = set()
        if status_table is not None:
            objectives = set(status_table.loc[status_table["id"].isin(more_output), "objective"])
        what = "kilometres of bus lane, an output" if more_output == ["I04"] else "what an output counts"
        improve.append(
            f"You propose more money for {', '.join(more_output)} ({what}). Funding more output does not fix an "
            f"outcome that is off track: {_off_track_outcomes(result, objectives or {'O1'})} off track while the "
            "works go ahead. Ask first why the outputs do not change people's journeys, then steer money to what "
            "does.")
    elif has_action:
        strengths.append("You propose a change to the portfolio.")
    else:
        improve.append("Say what the portfolio should do: scale, pivot, redirect money, or stop something. "
                       "\u201cChange nothing\u201d or \u201ckeep everything\u201d is not a steer when indicators "
                       "are off track.")
    if has_learning:
        strengths.append("You ask what to learn before the next review (evaluation is for steering and learning, "
                         "not only accountability).")
    else:
        improve.append("Add what you want to find out before the next review, for example why the indicator moves "
                       "so slowly, and how the mission's projects contribute to it.")
    status: Status = "good" if len(strengths) == 4 else ("partly" if len(strengths) >= 2 else "revise")
    if misread:
        status = "revise"
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="M&E serves accountability, steering and learning. A recommendation steers when it names the "
                        "problem, backs it with evidence and proposes a change, and learns when it asks why.",
                    sources=cites_full("mal-eval", "mayne"))
