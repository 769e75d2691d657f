"""Module 02 (framing a mission): tables, the mission map and the exercise checks.

Domain logic only: no display code, never prints. The statement assessor
itself is :func:`missionkit.framing.statements.assess_statement` and is used here as it
is; this module adds what the lesson and its exercises need around it:

* real statements through the assessor: :func:`statements_table`,
  :func:`catalogue_statements`, :func:`catalogue_summary` and
  :func:`catalogue_takeaway` (the headline statements of the real-missions
  catalogue against their published targets and years);
* the mission map (challenge -> mission -> objectives -> projects):
  :class:`MissionMap`, :func:`parse_mission_map` (text lines, as typed in the
  form or saved in the workbook) and :func:`marenta_mission_map` (the
  FICTIONAL case, from ``case.OBJECTIVES`` and the project portfolio D2);
* the exercise checks, each returning a :class:`~missionkit.feedback.Feedback`
  that says "not answered yet" on ``...``, praises the solution's answer and
  names typical mistakes: :func:`check_diagnosis` and :func:`check_rewrites`
  (five weak statements), :func:`check_marenta_statement` and
  :func:`check_mission_map` (the FICTIONAL Marenta case).

Sources: Mazzucato (2018) for the criteria and the mission map; OECD (2022,
2025) for the framing mistakes (keys in ``missionkit/data/references.csv``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from missionkit import case
from missionkit.catalogue import citation, missions
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.framing.statements import CRITERIA, assess_statement, explain
from missionkit.text import and_list

__all__ = [
    "ELEMENTS",
    "STATUS_LABELS",
    "WeakStatement",
    "WEAK_STATEMENTS",
    "weak_statements",
    "CRITERIA_EXAMPLES",
    "MISTAKE_EXAMPLES",
    "statements_table",
    "explain_table",
    "catalogue_statements",
    "catalogue_summary",
    "catalogue_takeaway",
    "MapObjective",
    "MapProject",
    "MissionMap",
    "parse_mission_map",
    "marenta_mission_map",
    "MARENTA_CHALLENGE",
    "check_diagnosis",
    "check_rewrites",
    "check_marenta_statement",
    "check_mission_map",
]

#: The parts of a statement the diagnosis exercise asks about.
ELEMENTS: tuple[str, ...] = ("target", "deadline", "baseline", "scope")

#: How a criterion status reads in tables and forms.
STATUS_LABELS = {"met": "met", "partly": "partly met", "not met": "not met", "ask": "your judgement"}

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
        word = re.sub(r"\s+", " ", part.strip().lower().strip(".'\"")).removeprefix("a ").removeprefix("the ")
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
    status = "revise" if wrong else ("partly" if unanswered else "good")
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
    status = "revise" if serious else ("partly" if improve else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="A rewrite should keep the goal and make it checkable: a metric with its baseline, a target value "
            "and a year. The assessor reads the words, not your intentions, so read its feedback and decide "
            "for yourself; what it cannot judge (is it bold? realistic?) is still your call.",
        sources=_sources(_MAZZUCATO, "ggsd2022"))


# --------------------------------------------------------------------------- real statements through the assessor
#: Real missions, paraphrased with their published target and year (course brief, section 5), for the
#: criteria section of the lesson. Sources: eu-com2021; br-pdbrasil, br-bpmoney; hts-web; vinnova-notes,
#: moin-casebook; nl-health, nl2019; moonshot; nesta-missions.
CRITERIA_EXAMPLES: dict[str, str] = {
    "EU Cancer mission": "By 2030, improve the lives of more than 3 million people affected by cancer, through "
                         "prevention, cure and longer, better lives for patients and their families.",
    "Brazil NIB Mission 4 (revised 2024)": "By 2033, raise the share of Brazil's industrial firms that are "
                                           "digitalised from 18.9% in 2023 to 50%.",
    "Germany HTS 2025: patient records": "By 2025, every German university hospital has an electronic patient "
                                         "record that can also be used for research.",
    "Vinnova: streets": "By 2030, make every street in Sweden a healthy, sustainable and lively place.",
    "Netherlands: health and care": "By 2040, everyone in the Netherlands lives at least five more years in good "
                                    "health, and the health gap between the lowest and highest socio-economic "
                                    "groups shrinks by 30%.",
    "Japan Moonshot Goal 6": "By 2050, build a fault-tolerant universal quantum computer that transforms the "
                             "economy, industry and security.",
    "Japan Moonshot Goal 8": "By 2050, realise a society safe from extreme wind and rain by controlling and "
                             "modifying typhoons and heavy rainfall.",
    "Germany HTS 2025: plastics": "By 2025, develop market-ready processes for sustainable bio-based plastics to "
                                  "cut the plastic that reaches the environment.",
    "Nesta: a healthy life": "By 2030, halve the prevalence of obesity.",
}

#: Invented statements (Marenta is FICTIONAL), one per common framing mistake.
MISTAKE_EXAMPLES: dict[str, str] = {
    "Technology or prestige": "By 2030, become Europe's leading hub for self-driving cars.",
    "A single project": "By 2028, build the Amberport–Kessa high-speed railway.",
    "A slogan": "A cleaner, fairer, more connected Marenta.",
    "Outputs as the target": "By 2030, buy 500 electric buses for the three cities.",
}

def _framework(name: str) -> str:
    return str(name).split(" – ")[0].split(" (")[0].strip()


def statements_table(statements: Mapping[str, str]) -> pd.DataFrame:
    """What the assessor reads in each statement: one row per statement.

    Columns: deadline, target, baseline, the five criteria (C1 … C5, as
    "met", "partly met", "not met" or "your judgement") and the framing
    mistakes found. ``statements`` maps a label to the statement.
    """
    if not isinstance(statements, Mapping) or not statements:
        raise MissionkitInputError(
            "The statements should be a dict of label: statement",
            fix='Write them as {"label": "By 2030, …", …}')
    rows = []
    for label, text in statements.items():
        a = assess_statement(text)
        row = {"statement": str(label), "deadline": a.deadline, "target": a.target or "",
               "baseline": a.baseline or ""}
        for key, (code, _, _) in CRITERIA.items():
            row[code] = STATUS_LABELS[a.criteria[key].status]
        row["framing mistakes"] = "; ".join(w.title for w in a.warnings)
        rows.append(row)
    df = pd.DataFrame(rows).set_index("statement")
    df["deadline"] = df["deadline"].astype("Int64")
    return df


def explain_table(text: str) -> pd.DataFrame:
    """Every rule of the assessor that fired on ``text``: the words, the rule and its effect."""
    return pd.DataFrame([{"words": h.matched, "rule": h.rule, "effect": h.effect} for h in explain(text)])


def catalogue_statements(missions_df: pd.DataFrame | None = None,
                         kinds: tuple[str, ...] = ("mission",)) -> pd.DataFrame:
    """The real missions' headline statements through the assessor, beside what was published.

    One row per catalogue row whose ``kind`` is in ``kinds``. Columns:
    ``headline_target`` and ``headline_year`` (what the assessor finds in the
    paraphrased headline statement alone), ``published_target`` (the assessor
    finds a measurable value in the catalogue's ``target``) and
    ``published_year`` (the catalogue's target year; empty when there is no
    single year). The statements are paraphrases, so the words are ours.
    """
    df = missions() if missions_df is None else missions_df
    if isinstance(kinds, str):
        kinds = (kinds,)
    needed = ["mission_id", "country_or_framework", "mission", "statement", "target", "deadline", "kind"]
    absent = [c for c in needed if c not in df.columns]
    if absent:
        raise MissionkitInputError(
            f"The missions table has no column '{absent[0]}'",
            fix="Use missionkit.catalogue.missions(), or a table with the columns " + ", ".join(needed),
            column=absent[0])
    df = df[df["kind"].isin(kinds)]
    rows = []
    for r in df.itertuples(index=False):
        head = assess_statement(r.statement)
        target = str(r.target or "").strip() if not pd.isna(r.target) else ""
        published = assess_statement(target).quantified if target else False
        rows.append({
            "mission_id": r.mission_id,
            "framework": _framework(r.country_or_framework),
            "mission": r.mission,
            "headline_target": bool(head.quantified),
            "headline_year": head.deadline,
            "published_target": bool(published),
            "published_year": None if pd.isna(r.deadline) else int(r.deadline),
        })
    out = pd.DataFrame(rows, columns=["mission_id", "framework", "mission", "headline_target", "headline_year",
                                      "published_target", "published_year"])
    for col in ("headline_year", "published_year"):
        out[col] = out[col].astype("Int64")
    return out.set_index("mission_id")


def catalogue_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Counts by framework: missions, headlines with a target / a year, published targets / years."""
    g = table.groupby("framework", sort=False)
    out = pd.DataFrame({
        "missions": g.size(),
        "headline: target": g["headline_target"].sum().astype(int),
        "headline: year": g["headline_year"].count().astype(int),
        "published: target": g["published_target"].sum().astype(int),
        "published: year": g["published_year"].count().astype(int),
    })
    total = out.sum().rename("All")
    return pd.concat([out, total.to_frame().T]).astype(int)


def catalogue_takeaway(table: pd.DataFrame) -> str:
    """One sentence computed from :func:`catalogue_statements`."""
    n = len(table)
    if n == 0:
        return "No missions to compare."
    ht = int(table["headline_target"].sum())
    hy = int(table["headline_year"].notna().sum())
    pt = int(table["published_target"].sum())
    py = int(table["published_year"].notna().sum())
    both_head = int((table["headline_target"] & table["headline_year"].notna()).sum())
    lead = (f"The assessor finds a measurable target in {ht} of the {n} headline statements and a year in "
            f"{hy}; {both_head} {'has' if both_head == 1 else 'have'} both")
    tail = (f". Yet {pt} of the published targets are measurable and {py} missions have a target year: "
            "the numbers usually sit beside the headline, not in it.")
    if pt <= ht and py <= hy:
        tail = f". The published targets add little: {pt} are measurable and {py} have a target year."
    return lead + tail


# --------------------------------------------------------------------------- the mission map
@dataclass(frozen=True)
class MapObjective:
    """One objective: a short code ("O1"), a name and, after a colon, its target in words."""

    code: str
    name: str
    detail: str = ""

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


@dataclass(frozen=True)
class MapProject:
    """One project and the code of the objective it serves (None: no objective)."""

    name: str
    objective: str | None


@dataclass(frozen=True)
class MissionMap:
    """A mission map: challenge -> mission -> objectives -> projects (Mazzucato 2018)."""

    challenge: str
    mission: str
    objectives: tuple[MapObjective, ...] = ()
    projects: tuple[MapProject, ...] = field(default_factory=tuple)

    def projects_for(self, code: str | None) -> list[MapProject]:
        return [p for p in self.projects if p.objective == code]

    @property
    def unlinked(self) -> list[MapProject]:
        return self.projects_for(None)

    def counts(self) -> dict[str, int]:
        """Projects per objective code, in the objectives' order."""
        return {o.code: len(self.projects_for(o.code)) for o in self.objectives}

    def top(self, n: int) -> MissionMap:
        """The same map with at most ``n`` projects per objective and none unlinked (a small example)."""
        keep = [p for o in self.objectives for p in self.projects_for(o.code)[:n]]
        return MissionMap(self.challenge, self.mission, self.objectives, tuple(keep))

    def to_workbook(self) -> dict:
        """The map as plain text lines, the shape the form saves and :func:`parse_mission_map` reads."""
        return {
            "challenge": self.challenge,
            "mission": self.mission,
            "objectives": [f"{o.code} {o.name}" + (f": {o.detail}" if o.detail else "") for o in self.objectives],
            "projects": [f"{p.objective}: {p.name}" if p.objective else p.name for p in self.projects],
        }


MAX_OBJECTIVES = 12
MAX_PROJECTS = 80
MAX_LINE = 240
_CODE = r"(?:[A-Za-z]{1,3}\s?\d{1,2}|\d{1,2})"
_OBJECTIVE_LINE = re.compile(rf"^(?:[-*•]\s*)?(?:(?P<code>{_CODE})(?:\s*[.):–-]\s*|\s+))?(?P<rest>.+)$")
_PROJECT_LINE = re.compile(r"^(?:[-*•]\s*)?(?P<ref>[^:]{1,40}?)\s*:\s*(?P<name>\S.*)$")
_NO_OBJECTIVE = {"none", "no objective", "-", "—", "n/a", "?"}


def _lines(value: Any, box: str) -> list[str]:
    if is_blank(value):
        return []
    if isinstance(value, str):
        items = value.splitlines()
    elif isinstance(value, (list, tuple)):
        items = []
        for n, item in enumerate(value, 1):
            if not isinstance(item, str):
                raise MissionkitInputError(
                    f"Item {n} of the {box} is a {type(item).__name__}, not text",
                    fix=f"Write each of the {box} as text in quotes, one per item")
            items += item.splitlines()
    else:
        raise MissionkitInputError(
            f"The {box} should be text lines, but they are a {type(value).__name__}",
            fix=f"Write the {box} one per line, or as a list of texts in quotes")
    out = []
    for n, line in enumerate(items, 1):
        line = re.sub(r"\s+", " ", line).strip()
        if not line:
            continue
        if len(line) > MAX_LINE:
            raise MissionkitInputError(
                f"Line {n} of the {box} is {len(line)} characters long",
                fix=f"Keep each line under {MAX_LINE} characters: a short name, then a colon and the target")
        out.append((n, line))
    return out


def _text(value: Any, what: str) -> str:
    if is_blank(value):
        return ""
    if not isinstance(value, str):
        raise MissionkitInputError(f"The {what} should be text, but it is a {type(value).__name__}",
                                   fix=f"Write the {what} as a sentence in quotes")
    return re.sub(r"\s+", " ", value).strip()


def _code_key(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


def parse_mission_map(value: Any = None, *, challenge: Any = None, mission: Any = None,
                      objectives: Any = None, projects: Any = None) -> MissionMap:
    """Read a mission map from text lines (as typed in the form or saved in the workbook).

    ``value`` may be a :class:`MissionMap` or a dict with the keys
    ``challenge``, ``mission``, ``objectives`` and ``projects``; the keyword
    arguments override it. Objectives and projects are text with one item per
    line, or lists of texts:

    * an objective line is ``"O1 Access: cut the average commute from 62 to
      50 minutes"``: an optional code, a short name, then (after a colon) its
      target; objectives without a code get O1, O2, … in order;
    * a project line is ``"O1: Bus rapid transit corridor"``: the objective's
      code (or its name) before the colon. A line without a known objective
      before a colon is a project that serves no objective.

    Raises :class:`MissionkitInputError` (naming the box and the line, and how
    to fix it) for a project that points to an objective code that does not
    exist, a repeated objective code, or too many lines.
    """
    if isinstance(value, MissionMap):
        value = value.to_workbook()
    if value is None or value is ...:
        value = {}
    if not isinstance(value, Mapping):
        raise MissionkitInputError(
            f"The mission map should be a dict, but it is a {type(value).__name__}",
            fix='Write it as {"challenge": "…", "mission": "…", "objectives": [...], "projects": [...]}')
    unknown = [k for k in value if k not in ("challenge", "mission", "objectives", "projects")]
    if unknown:
        raise MissionkitInputError(
            f"The mission map has a key '{unknown[0]}' that the map does not use",
            fix='Use the four keys "challenge", "mission", "objectives" and "projects"')
    get = dict(value)
    for k, v in (("challenge", challenge), ("mission", mission), ("objectives", objectives),
                 ("projects", projects)):
        if v is not None:
            get[k] = v

    objs: list[MapObjective] = []
    seen: dict[str, int] = {}
    obj_lines = _lines(get.get("objectives"), "objectives")
    if len(obj_lines) > MAX_OBJECTIVES:
        raise MissionkitInputError(
            f"There are {len(obj_lines)} objectives",
            fix=f"Keep to at most {MAX_OBJECTIVES} (most missions have 3 to 6); merge the smaller ones")
    for n, line in obj_lines:
        m = _OBJECTIVE_LINE.match(line)
        code = _code_key(m.group("code")) if m and m.group("code") else f"O{len(objs) + 1}"
        rest = m.group("rest") if m else line
        name, _, detail = rest.partition(":")
        if code in seen:
            raise MissionkitInputError(
                f"Line {n} of the objectives uses the code {code} again (line {seen[code]} has it already)",
                fix="Give each objective its own code, for example O1, O2, O3")
        seen[code] = n
        objs.append(MapObjective(code, name.strip(), detail.strip()))
    by_name = {o.name.lower(): o.code for o in objs if o.name}

    projs: list[MapProject] = []
    proj_lines = _lines(get.get("projects"), "projects")
    if len(proj_lines) > MAX_PROJECTS:
        raise MissionkitInputError(
            f"There are {len(proj_lines)} projects, too many for a readable map",
            fix=f"Keep to at most {MAX_PROJECTS}; group small projects into one line")
    for n, line in proj_lines:
        m = _PROJECT_LINE.match(line)
        if not m:
            projs.append(MapProject(line, None))
            continue
        ref, name = m.group("ref").strip(), m.group("name").strip()
        key = _code_key(ref)
        if key in seen:
            projs.append(MapProject(name, key))
        elif ref.lower() in by_name:
            projs.append(MapProject(name, by_name[ref.lower()]))
        elif ref.lower() in _NO_OBJECTIVE:
            projs.append(MapProject(name, None))
        elif re.fullmatch(_CODE, ref):
            codes = ", ".join(o.code for o in objs) or "none yet"
            raise MissionkitInputError(
                f"Line {n} of the projects points to objective '{ref}', which is not in the objectives "
                f"(they are: {codes})",
                fix="Start the line with the code of an existing objective and a colon, for example "
                    f"'{objs[0].code if objs else 'O1'}: …', or add that objective first")
        else:
            projs.append(MapProject(line, None))
    return MissionMap(_text(get.get("challenge"), "challenge"), _text(get.get("mission"), "mission"),
                      tuple(objs), tuple(projs))


MARENTA_CHALLENGE = ("Congestion, dirty air and road deaths are rising together in Marenta's fast-growing cities, "
                     "while travel is unsafe and costly for many (fictional)")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _fmt(x: float) -> str:
    return f"{x:g}"


def marenta_mission_map() -> MissionMap:
    """The FICTIONAL Marenta mission as a map: case objectives O1–O5 and every project of D2.

    Projects keep the objective the portfolio gives them (a few serve none);
    within each objective they are ordered by budget, largest first.
    """
    objectives = []
    for code, o in case.OBJECTIVES.items():
        detail = (f"{_lower_first(o['indicator'])}, {_fmt(o['baseline'])} → {_fmt(o['target'])} {o['unit']} "
                  f"({o['baseline_year']}–{o['target_year']})")
        if "also" in o:
            also = o["also"]
            detail += (f"; {_lower_first(also['indicator'])}, {_fmt(also['baseline'])} → {_fmt(also['target'])} "
                       f"{also['unit']}")
        objectives.append(MapObjective(code, o["name"], detail))
    p = case.load("projects").sort_values(["budget_mrc_m", "project_id"], ascending=[False, True])
    codes = {o.code for o in objectives}
    projects = []
    for o in objectives:
        rows = p[p["objective"] == o.code]
        projects += [MapProject(t, o.code) for t in rows["title"]]
    rest = p[~p["objective"].isin(codes)]
    projects += [MapProject(t, None) for t in rest["title"]]
    return MissionMap(MARENTA_CHALLENGE, case.MISSION_STATEMENT, tuple(objectives), tuple(projects))


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
    if any(c in low for c in _CITY_WORDS):
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
    status = "revise" if serious else ("partly" if improve else "good")
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
    status = "revise" if serious else ("partly" if improve else "good")
    return Feedback(
        status, title, strengths=strengths, improve=improve,
        why="The mission map puts the mission between a broad challenge and many projects: the challenge says "
            "why, the mission says what and by when, and the projects are competing and complementary routes "
            "to it. A gap (an objective with no project) or a stray project (serving no objective) shows up at "
            "once.",
        sources=_sources(_MAZZUCATO, "mazzdibb2019") + ["The Republic of Marenta case briefing (FICTIONAL)"])
