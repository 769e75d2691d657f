"""Module 03: the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`.

Each says "not answered yet" on ``...``, praises the solution's answer and
names typical mistakes: :func:`check_diagnosis` and :func:`check_rewrites`
(five weak statements, invented for the course), :func:`check_marenta_statement`
and :func:`check_mission_map` (the FICTIONAL Marenta case). Statements are read
by :func:`missionkit.framing.statements.assess_statement`.

Sources: Mazzucato (2018) for the criteria and the mission map; OECD (2022,
2025) for the framing mistakes (keys in ``missionkit/data/references.csv``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.catalogue import citation
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, Status, is_blank
from missionkit.framing.examples import STATUS_LABELS
from missionkit.framing.mission_map import MapObjective, parse_mission_map
from missionkit.framing.statements import assess_statement
from missionkit.text import and_list

__all__ = [
    "ELEMENTS",
    "WeakStatement",
    "WEAK_STATEMENTS",
    "weak_statements",
    "check_diagnosis",
    "check_rewrites",
    "check_marenta_statement",
    "check_mission_map",
]

#: The parts of a statement the diagnosis exercise asks about.
ELEMENTS: tuple[str, ...] = ("target", "deadline", "baseline", "scope")

_SYNONYMS = {
    "target": "target", "targets": "target", "target value": "target", "metric": "target",
    "measure": "target", "number": "target", "value": "target", "quantity": "target",
    "deadline": "deadline", "date": "deadline", "year": "deadline", "time": "deadline",
    "timeline": "deadline", "deadline year": "deadline", "end date": "deadline", "timeframe": "deadline",
    "baseline": "baseline", "base line": "baseline", "starting point": "baseline",
    "starting value": "baseline", "base year": "baseline", "baseline year": "baseline",
    "scope": "scope", "where": "scope", "who": "scope", "place": "scope", "geography": "scope",
    "population": "scope", "area": "scope",
}
_NOTHING = {"nothing", "none", "no", "-", "nothing missing", "nothing is missing"}

_MAZZUCATO = "mazzucato2018"


def _sources(*keys: str) -> list[str]:
    return [citation(k).rstrip(".") for k in keys]


def _a(element: str) -> str:
    return "an" if element[0] in "aeiou" else "a"


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).strip().lower()).rstrip(".")


# --------------------------------------------------------------------------- five weak statements
@dataclass(frozen=True)
class WeakStatement:
    """A weak statement for the diagnosis exercise (invented for the course).

    ``missing`` must be named; naming an element of ``present`` is a mistake
    (its value says where the statement already has it); ``debatable``
    elements may be named or not. ``topic`` words keep a rewrite on the same
    subject (empty: any subject).
    """

    id: str
    text: str
    missing: tuple[str, ...]
    present: Mapping[str, str]
    debatable: tuple[str, ...]
    reasons: Mapping[str, str]
    mistake: str
    topic: tuple[str, ...] = ()
    topic_name: str = ""


WEAK_STATEMENTS: tuple[WeakStatement, ...] = (
    WeakStatement(
        "W1", "A healthier, greener future for all our citizens.",
        missing=("target", "deadline", "baseline"), present={}, debatable=("scope",),
        reasons={
            "target": "'healthier, greener' names no metric and no value, so nobody can check it",
            "deadline": "there is no year, so nobody can say when it has succeeded or failed",
            "baseline": "there is no starting value to measure progress from",
            "scope": "'all our citizens' says who, but not where or which problem",
        },
        mistake="it is a slogan"),
    WeakStatement(
        "W2", "By 2030, build a new metro line in the capital.",
        missing=("target", "baseline"), present={"deadline": "'by 2030'", "scope": "'in the capital'"},
        debatable=(),
        reasons={
            "target": "building a metro line is one project (an output), not a measurable change for people, "
                      "such as shorter journeys",
            "baseline": "there is no starting value, such as today's journey times",
        },
        mistake="it names a single project",
        topic=("travel", "journey", "commut", "transport", "metro", "minute", "bus", "rail", "trip", "reach",
               "congestion", "access"),
        topic_name="getting around the capital"),
    WeakStatement(
        "W3", "Cut childhood obesity by a third.",
        missing=("deadline", "baseline", "scope"), present={"target": "'by a third' is a value that can be checked"},
        debatable=(),
        reasons={
            "deadline": "there is no year: by when should obesity fall by a third?",
            "baseline": "a third of what? The starting rate and its year are missing",
            "scope": "it does not say where, or which children (an age group, a country or a region)",
        },
        mistake="",
        topic=("obes", "overweight", "weight"), topic_name="childhood obesity"),
    WeakStatement(
        "W4", "By 2040, every household in the Northern Region has safe drinking water at home.",
        missing=("baseline",),
        present={"target": "'every household … has safe drinking water' is a value that can be checked (100%)",
                 "deadline": "'by 2040'", "scope": "'in the Northern Region'"},
        debatable=(),
        reasons={
            "baseline": "how many households have safe water today? Without the starting share nobody can "
                        "see the size of the stretch or track progress",
        },
        mistake="",
        topic=("water",), topic_name="safe drinking water"),
    WeakStatement(
        "W5", "Make our country the world's leading hydrogen economy by 2035.",
        missing=("target", "baseline"), present={"deadline": "'by 2035'"}, debatable=("scope",),
        reasons={
            "target": "'world's leading' is a ranking and hydrogen is a technology, not an outcome: what should "
                      "change for people or the climate, and by how much?",
            "baseline": "there is no starting value",
            "scope": "'our country' says where, but not which sectors",
        },
        mistake="it is a technology or prestige goal",
        topic=("emission", "carbon", "hydrogen", "energy", "clean", "industr", "fuel", "power", "climate",
               "greenhouse", "co2", "co₂"),
        topic_name="clean energy or emissions"),
)
"""Five weak statements, invented for the diagnosis exercise (not real policy)."""

_WEAK = {w.id: w for w in WEAK_STATEMENTS}


def weak_statements() -> pd.DataFrame:
    """The five weak statements as a table (id, statement)."""
    return pd.DataFrame([{"id": w.id, "statement": w.text} for w in WEAK_STATEMENTS]).set_index("id")


def _parse_elements(value: Any) -> tuple[set[str], list[str]]:
    """A participant's list of missing elements -> (elements, words not understood)."""
    if isinstance(value, str):
        parts = re.split(r"[,;/]|\band\b", value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        parts = list(value)
    else:
        return set(), [repr(value)]
    found, unknown = set(), []
    for part in parts:
        if not isinstance(part, str):
            unknown.append(repr(part))
            continue
        word = re.sub(r"\s+", " ", part.strip().lower().strip(".'\"!?")).removeprefix("a ").removeprefix("the ")
        # "no target", "target missing", "lacks a deadline", "without baseline": the part that is missing
        word = re.sub(r"^(?:there is no|there's no|no|lacks?|lacking|without|missing|not|needs?)\s+(?:a |an |the )?",
                      "", word)
        word = re.sub(r"\s+(?:is |are )?(?:missing|lacking|absent|not given|not stated)$", "", word)
        word = word.replace("-", " ").strip()
        if not word:
            continue
        if word in _NOTHING:
            continue
        if word in _SYNONYMS:
            found.add(_SYNONYMS[word])
        else:
            unknown.append(part.strip())
    return found, unknown


def _by_id(answers: Mapping) -> tuple[dict[str, Any], list[str]]:
    given, unknown = {}, []
    for key, value in answers.items():
        k = str(key).strip().upper()
        if k in _WEAK:
            given[k] = value
        else:
            unknown.append(str(key))
    return given, unknown


def check_diagnosis(missing: Any) -> Feedback:
    """Feedback on the diagnosis of the five weak statements.

    ``missing`` maps each statement id ("W1" … "W5") to what the statement
    lacks among "target", "deadline", "baseline" and "scope" (a list, or text
    such as "target, deadline"; an empty list means nothing is missing).
    """
    title = "Diagnosing five weak statements"
    how = ('For each statement, list what it lacks among "target", "deadline", "baseline" and "scope", '
           'for example ["target", "deadline"].')
    if is_blank(missing):
        return Feedback.not_answered(title, how)
    if not isinstance(missing, Mapping):
        return Feedback("revise", title, improve=[
            f"Your answer is a {type(missing).__name__}; it should be a dict with one entry per statement "
            f"(W1 to W5). {how}"])
    given, unknown_keys = _by_id(missing)
    strengths: list[str] = []
    improve: list[str] = []
    wrong = False
    unanswered = []
    for w in WEAK_STATEMENTS:
        value = given.get(w.id, ...)
        if value is ... or value is None or (isinstance(value, str) and not value.strip()):
            unanswered.append(w.id)
            continue
        named, not_understood = _parse_elements(value)
        for word in not_understood:
            wrong = True
            improve.append(f"{w.id}: {word} is not one of the four parts. Use \"target\", \"deadline\", "
                           "\"baseline\" or \"scope\".")
        omitted = [e for e in w.missing if e not in named]
        claimed = [e for e in named if e in w.present]
        for e in omitted:
            wrong = True
            improve.append(f"{w.id} also lacks {_a(e)} {e}: {w.reasons[e]}.")
        for e in claimed:
            wrong = True
            improve.append(f"{w.id} has {_a(e)} {e}: {w.present[e]}.")
        if not omitted and not claimed and not not_understood:
            text = f"{w.id}: right, it lacks {and_list(f'{_a(e)} {e}' for e in w.missing)}"
            text += f"; {w.mistake}." if w.mistake else "."
            for e in w.debatable:
                text += (f" You {'also named' if e in named else 'did not name'} {_a(e)} {e}; either is fine: "
                         f"{w.reasons[e]}.")
            strengths.append(text)
    for key in unknown_keys:
        wrong = True
        improve.append(f"\u201c{key}\u201d is not one of the statements: use W1, W2, W3, W4 and W5.")
    if len(unanswered) == len(WEAK_STATEMENTS) and not unknown_keys:
        return Feedback.not_answered(title, how)
    if unanswered:
        improve.append("Still to answer: " + and_list(unanswered) + ".")
    status: Status = "revise" if wrong else ("partly" if unanswered else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="Clear direction (criterion C2) means you can name the metric, the baseline, the target value and "
            "the date; the scope says where and for whom. A statement that lacks one of them cannot be "
            "checked, or its progress cannot be tracked.",
        sources=_sources(_MAZZUCATO))


def _on_topic(w: WeakStatement, text: str) -> bool:
    low = text.lower()
    return not w.topic or any(t in low for t in w.topic)


def check_rewrites(rewrites: Any) -> Feedback:
    """Feedback on the rewrites of the five weak statements.

    ``rewrites`` maps each statement id to a rewritten statement. Each rewrite
    is read by :func:`missionkit.framing.statements.assess_statement`: it should be rated
    "met" on C2 (a measurable target and a deadline year), state a baseline,
    avoid the framing mistakes and stay on the original statement's topic.
    """
    title = "Rewriting five weak statements"
    how = ('For each statement, write a better version in quotes: what will change, for whom, from what '
           'baseline, to what target and by which year.')
    if is_blank(rewrites):
        return Feedback.not_answered(title, how)
    if not isinstance(rewrites, Mapping):
        return Feedback("revise", title, improve=[
            f"Your answer is a {type(rewrites).__name__}; it should be a dict with one rewrite per statement "
            f"(W1 to W5). {how}"])
    given, unknown_keys = _by_id(rewrites)
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    unanswered = []
    seen: dict[str, str] = {}
    for w in WEAK_STATEMENTS:
        text = given.get(w.id, ...)
        if is_blank(text):
            unanswered.append(w.id)
            continue
        if not isinstance(text, str):
            serious = True
            improve.append(f"{w.id}: your rewrite is a {type(text).__name__}; write it as a sentence in quotes.")
            continue
        if _norm_text(text) == _norm_text(w.text):
            serious = True
            improve.append(f"{w.id}: this is the original statement, unchanged. Rewrite it so that it "
                           "names a target, a baseline and a year.")
            continue
        if _norm_text(text) in seen:
            serious = True
            improve.append(f"{w.id}: this is the same rewrite as {seen[_norm_text(text)]}. Each statement needs "
                           "its own rewrite.")
            continue
        seen[_norm_text(text)] = w.id
        a = assess_statement(text)
        problems = []
        c2 = a.criteria["directed"]
        if c2.status != "met":
            serious = True
            lacks = []
            if not a.quantified:
                lacks.append("a measurable target")
            if a.deadline is None:
                lacks.append("a deadline year")
            problems.append(f"{w.id}: the assessor does not yet rate this rewrite met on C2 (clear direction): "
                            f"it lacks {and_list(lacks)}.")
        for warning in a.warnings:
            if warning.code in ("slogan", "vague_deadline", "baseline_without_deadline") and c2.status != "met":
                continue  # already said above
            serious = True
            problems.append(f"{w.id}: {warning.title.lower()}. {warning.message}")
        if c2.status == "met" and not a.baseline:
            problems.append(f"{w.id}: add the baseline, the value today and its year (for example \"from 61% "
                            "in 2024\"). C2's test question asks for it, and every one of the five weak "
                            "statements lacked it.")
        if not _on_topic(w, text):
            problems.append(f"{w.id}: your rewrite has moved away from the original topic ({w.topic_name}). "
                            "Keep the goal; make it measurable.")
        if problems:
            improve += problems
        else:
            strengths.append(f"{w.id}: met on C2, with a target (\u201c{a.target}\u201d), a deadline "
                             f"({a.deadline}) and a baseline (\u201c{a.baseline}\u201d), and no framing mistake "
                             "the rules can see.")
    for key in unknown_keys:
        serious = True
        improve.append(f"\u201c{key}\u201d is not one of the statements: use W1, W2, W3, W4 and W5.")
    if len(unanswered) == len(WEAK_STATEMENTS) and not unknown_keys:
        return Feedback.not_answered(title, how)
    if unanswered:
        improve.append("Still to answer: " + and_list(unanswered) + ".")
    status: Status = "revise" if serious else ("partly" if improve else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A rewrite should keep the goal and make it checkable: a metric with its baseline, a target value "
            "and a year. The assessor reads the words, not your intentions, so read its feedback and decide "
            "for yourself; what it cannot judge (is it bold? realistic?) is still your call.",
        sources=_sources(_MAZZUCATO, "ggsd2022"))


# --------------------------------------------------------------------------- the Marenta exercises (FICTIONAL)
_OBJECTIVE_WORDS = {
    "O1": ("commut", "minute", "journey", "travel time", "reach", "access", "get to work", "congestion"),
    "O2": ("air", "pm2.5", "pollut", "particle", "emission", "clean"),
    "O3": ("road death", "safe", "killed", "injur", "crash"),
    "O4": ("afford", "poor", "women", "fare", "income", "fair", "cost"),
    "O5": ("assembl", "local", "made in marenta", "jobs", "industr", "local value"),
}
_PROJECT_WORDS = ("corridor", "bus rapid transit", "brt", "metro line", "ticketing", "depot", "smart card")
_CITY_WORDS = ("amberport", "kessa", "nuvo alto", "three largest cities", "three cities", "three biggest cities",
               "three main cities", "marenta's cities", "cities of marenta")
#: the three cities as people write them: "our 3 big cities", "the three main cities", "3 largest cities"
_CITY_SCOPE = re.compile(r"\b(?:three|3)\s+(?:\w+\s+){0,2}?cit(?:y|ies)\b|\burban areas? of marenta\b", re.I)


def _themes(text: str) -> list[str]:
    low = text.lower()
    return [code for code, words in _OBJECTIVE_WORDS.items() if any(w in low for w in words)]


def check_marenta_statement(statement: Any) -> Feedback:
    """Feedback on a mission statement for the FICTIONAL Marenta case, in the participant's own words.

    Read by :func:`missionkit.framing.statements.assess_statement`, then checked against
    the case briefing: the 2035 deadline, a 2024 baseline, the three cities,
    at least two of the linked problems, and no project or slogan as the goal.
    """
    title = "Marenta's mission statement (fictional)"
    how = ("Write the mission statement you would have proposed to Cabinet, in quotes: what will change, for "
           "whom, from what 2024 baseline, to what target, by which year.")
    if is_blank(statement):
        return Feedback.not_answered(title, how)
    if not isinstance(statement, str):
        return Feedback("revise", title, improve=[
            f"Your answer is a {type(statement).__name__}; write the statement as a sentence in quotes."])
    a = assess_statement(statement)
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    c2 = a.criteria["directed"]
    if c2.status == "met":
        strengths.append(f"C2 clear direction: a target (\u201c{a.target}\u201d) and a deadline ({a.deadline}).")
    else:
        serious = True
        improve.append(f"C2 clear direction is {STATUS_LABELS[c2.status]}: {c2.feedback.split(' (Source')[0]}")
    for w in a.warnings:
        if w.code in ("slogan", "vague_deadline") and c2.status != "met":
            improve.append(f"{w.title}: {w.message}")
            continue
        serious = True
        improve.append(f"{w.title}: {w.message}")
    low = statement.lower()
    named_projects = [p for p in _PROJECT_WORDS if p in low]
    if named_projects:
        serious = True
        improve.append(f"A single project, not a mission: '{named_projects[0]}' names one project of the "
                       "portfolio. The mission is the change people will see; the corridor is one way to get there.")
    if a.deadline is not None and a.deadline != case.DEADLINE_YEAR:
        serious = True
        improve.append(f"The deadline is {a.deadline}, but the case sets {case.DEADLINE_YEAR} (see the case "
                       "briefing: baseline year 2024, deadline 2035). Use the year the case gives.")
    elif a.deadline == case.DEADLINE_YEAR:
        strengths.append(f"The deadline is {case.DEADLINE_YEAR}, as in the case.")
    if a.baseline or str(case.BASELINE_YEAR) in statement:
        strengths.append(f"It states a baseline ({a.baseline or case.BASELINE_YEAR}), so progress can be measured.")
    else:
        improve.append(f"Add the {case.BASELINE_YEAR} baseline, for example \"half the fine-particle pollution it "
                       f"did in {case.BASELINE_YEAR}\" or \"from 62 minutes in {case.BASELINE_YEAR}\".")
    if any(c in low for c in _CITY_WORDS) or _CITY_SCOPE.search(statement):
        strengths.append("It says where the mission applies: Marenta's three largest cities (scope).")
    else:
        improve.append("Say where: the mission covers Amberport, Kessa and Nuvo Alto, Marenta's three largest "
                       "cities (scope).")
    themes = _themes(statement)
    names = [f"{c} {case.OBJECTIVES[c]['name']}" for c in themes]
    if len(themes) >= 2:
        strengths.append(f"It joins up several of the case's problems ({and_list(names)}), so success needs "
                         "several ministries (C4).")
    else:
        improve.append("The case has five linked problems (slow commutes, dirty air, road deaths, unsafe and "
                       "costly travel, few local jobs) that no single ministry owns. A statement that speaks "
                       f"to {'only one' if themes else 'none'} of them misses why a mission is needed (C4).")
    if _norm_text(statement) == _norm_text(case.MISSION_STATEMENT):
        improve.append("This is the statement Cabinet adopted, word for word. The exercise asks for your own "
                       "framing: change what you would do differently, then compare.")
    status: Status = "revise" if serious else ("partly" if improve else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A mission statement is the promise everything else hangs on: the portfolio, the indicators and the "
            "budget. Cabinet and citizens must be able to check it, and it must need many sectors to reach it. "
            "Boldness (C1) and realism (C3) are questions only you can answer: see the next cell.",
        sources=_sources(_MAZZUCATO) + ["The Republic of Marenta case briefing (FICTIONAL)"])


def check_mission_map(mission_map: Any) -> Feedback:
    """Feedback on a mission map for the FICTIONAL Marenta case.

    ``mission_map`` is a dict with ``challenge``, ``mission``, ``objectives``
    and ``projects`` (see :func:`parse_mission_map`). The map should name a
    broad challenge (not a dated target), a mission rated "met" on C2, the
    case's five objectives, and at least one project for each objective, with
    every project linked to an objective.
    """
    title = "Marenta's mission map (fictional)"
    how = ('Fill in the four parts: "challenge" (the broad problem), "mission" (your statement), "objectives" '
           '(one line each, like "O1 Access: …") and "projects" (one line each, like "O1: …").')
    if is_blank(mission_map):
        return Feedback.not_answered(title, how)
    try:
        m = parse_mission_map(mission_map)
    except MissionkitInputError as error:
        return Feedback("revise", title, improve=[f"{error.problem}. How to fix it: {error.fix}."])
    strengths: list[str] = []
    improve: list[str] = []
    serious = False
    # the challenge
    if not m.challenge:
        serious = True
        improve.append("Write the challenge: the broad problem the mission sits in, which no single ministry owns.")
    else:
        ca = assess_statement(m.challenge)
        if ca.deadline is not None or ca.quantified:
            serious = True
            improve.append("The challenge reads like a mission: it has a target or a year. The challenge is the "
                           "broad problem (congestion, dirty air and road deaths rising together); the mission is "
                           "the dated, measurable goal inside it.")
        elif not _themes(m.challenge):
            improve.append("Make the challenge the case's problem: congestion, dirty air, road deaths and unsafe, "
                           "costly travel in Marenta's cities.")
        else:
            strengths.append("The challenge is a broad problem, with no date or target: the right level.")
    # the mission
    if not m.mission:
        serious = True
        improve.append("Write the mission statement between the challenge and the objectives.")
    else:
        ma = assess_statement(m.mission)
        if ma.criteria["directed"].status != "met":
            serious = True
            improve.append("The mission is not yet rated met on C2: it needs a measurable target and a deadline "
                           "year (check it with the statement exercise above).")
        else:
            strengths.append(f"The mission is dated ({ma.deadline}) and measurable.")
    # objectives: the case's five
    found: dict[str, MapObjective] = {}
    for o in m.objectives:
        if o.code in case.OBJECTIVES and o.code not in found:
            found[o.code] = o
            continue
        for code in _themes(f"{o.name} {o.detail}"):
            if code not in found:
                found[code] = o
                break
    missing = [c for c in case.OBJECTIVES if c not in found]
    for code in missing:
        serious = True
        improve.append(f"{code} {case.OBJECTIVES[code]['name']} is missing: the case gives five objectives "
                       f"(indicator: {case.OBJECTIVES[code]['indicator'].lower()}).")
    if not missing:
        strengths.append("All five objectives of the case are on the map.")
    no_target = [o.label for o in m.objectives if not assess_statement(f"{o.name} {o.detail}").quantified]
    if no_target:
        improve.append(f"Give each objective its target after a colon; {and_list(no_target)} "
                       f"{'has' if len(no_target) == 1 else 'have'} none yet.")
    # projects
    counts = m.counts()
    empty = [o.label for o in m.objectives if counts.get(o.code, 0) == 0]
    if empty:
        serious = True
        improve.append(f"{and_list(empty)} {'has' if len(empty) == 1 else 'have'} no project yet: an objective "
                       "with nothing working towards it is a gap in the portfolio.")
    elif m.objectives:
        strengths.append(f"Every objective has at least one project ({len(m.projects)} projects in all).")
    if m.unlinked:
        improve.append(f"{len(m.unlinked)} project(s) are not linked to an objective ("
                       + "; ".join(p.name for p in m.unlinked[:3]) + "). Start each project line with the "
                       "objective's code and a colon, or ask whether the project belongs in the mission.")
    if len(m.projects) < len(m.objectives) * 2 and not empty:
        improve.append("Most objectives need several projects from different sectors; one project each is a thin "
                       "portfolio.")
    status: Status = "revise" if serious else ("partly" if improve else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="The mission map puts the mission between a broad challenge and many projects: the challenge says "
            "why, the mission says what and by when, and the projects are competing and complementary routes "
            "to it. A gap (an objective with no project) or a stray project (serving no objective) shows up at "
            "once.",
        sources=_sources(_MAZZUCATO, "mazzdibb2019") + ["The Republic of Marenta case briefing (FICTIONAL)"])
