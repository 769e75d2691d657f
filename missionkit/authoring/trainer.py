"""The trainer kit: agendas, facilitation notes, handouts and role cards from one data file.

Everything a trainer reads comes from ``missionkit/data/agenda.yml``:

* :func:`load` reads it, validates it with pydantic and checks the rules that keep
  the agendas honest: a lesson slot is never shorter than the module's core path
  (core plus extensions when the slot promises them), a group exercise or a
  role-play never gets less time than its script, a day fits ``day_limit_minutes``,
  and each module's timing plan adds up to its core time. A broken file gives a
  :class:`~missionkit.errors.MissionkitInputError` that names the place and the fix.
* :func:`schedule` turns an agenda into a timed table (a DataFrame).
* :func:`role_cards` joins the role-play's cards to the stakeholder register (D4):
  names, types, interest, influence, seats and roles come from the register only.
* :func:`slide_problems` compares slide counts (measured by tools/make_slides.py)
  with every lesson slot, at ``minutes_per_slide`` a slide.
* The pages are made elsewhere: :mod:`missionkit.authoring.trainer_pages` (Markdown, for
  ``book/trainer/``, and :func:`~missionkit.authoring.trainer_pages.pages`, every generated file) and
  :mod:`missionkit.authoring.handouts` (self-contained HTML, for ``book/handouts/``);
  tools/make_trainer_pages.py writes them.

The role-play follows the idea of OECD OPSI's 2021 Mission-oriented Innovation
Simulation (participants act as a mission advisory commission); its scenario,
cards, script and debrief are the course's own design (OUR PROPOSAL), on the
FICTIONAL Marenta case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from missionkit import case
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError

__all__ = [
    "KIT_FILE",
    "Kit",
    "Module",
    "Agenda",
    "Session",
    "RoleCard",
    "load",
    "parse",
    "schedule",
    "lesson_slots",
    "role_cards",
    "slide_problems",
]


KIT_FILE = DATA_DIR / "agenda.yml"
DEBRIEF_MODULES = ("02", "03", "04", "05", "06", "07", "08")
CARD_TYPES = ("ministry", "city", "informal-transport association", "donor", "citizens' group")
TRAINER_DIR = "book/trainer"
HANDOUT_DIR = "book/handouts"
CITE = re.compile(r"\{cite:([A-Za-z0-9_-]+)\}")


# --------------------------------------------------------------------------- the data model

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TimingRow(_Strict):
    part: str = Field(min_length=3)
    minutes: int = Field(ge=1, le=120)


class Exercise(_Strict):
    title: str = Field(min_length=3)
    minutes: int = Field(ge=5, le=180)
    steps: list[str] = Field(min_length=2)
    output: str = Field(min_length=3)
    solo: str = Field(min_length=40)  # the variant for someone alone: self-learners, remote participants
    debrief: list[str] = []  # questions for the room after the exercise


class Explanation(_Strict):
    """One key explanation of a module, as a trainer can say it: the point, then the words."""

    point: str = Field(min_length=3)
    say: str = Field(min_length=20)


class Paper(_Strict):
    print: list[str] = Field(min_length=1)
    steps: list[str] = Field(min_length=1)


class Faq(_Strict):
    q: str = Field(min_length=3)
    a: str = Field(min_length=3)


class Worksheet(_Strict):
    title: str = Field(min_length=3)
    columns: list[str] = Field(min_length=1)
    rows: list[str] = []
    blank_rows: int = Field(default=0, ge=0, le=20)
    total_row: bool = False


class Module(_Strict):
    id: str = Field(pattern=r"^\d\d$")
    slug: str = Field(pattern=r"^[a-z][a-z-]*$")
    title: str = Field(min_length=3)
    based_on: Literal["lesson", "design"]
    core_minutes: int = Field(ge=10, le=120)
    extension_minutes: int = Field(ge=0, le=120)
    extension_note: str = ""
    goals: list[str] = Field(min_length=2)
    timing: list[TimingRow] = Field(min_length=1)
    show: list[str] = Field(min_length=1)
    prompts: list[str] = Field(min_length=2)
    exercise: Exercise
    paper: Paper
    faqs: list[Faq] = Field(min_length=2)
    care: list[str] = []
    script: list[Explanation] = []  # facilitation script: the module's key explanations
    concepts: list[str] = Field(min_length=3)
    worksheets: list[Worksheet] = []

    @property
    def name(self) -> str:
        return f"{self.id}-{self.slug}"

    @property
    def lesson(self) -> str:
        return f"notebooks/{self.name}.ipynb"

    @property
    def label(self) -> str:
        return f"Module {self.id} · {self.title}"


class Session(_Strict):
    # "exercise" is a module's group exercise; "notebook" is its exercise notebook, done in class
    kind: Literal["plenary", "lesson", "exercise", "notebook", "roleplay", "capstone", "break"]
    minutes: int = Field(ge=5, le=300)
    title: str = ""
    module: str | None = Field(default=None, pattern=r"^\d\d$")
    extensions: bool = False
    version: str | None = None
    note: str = ""


class Day(_Strict):
    title: str = Field(min_length=3)
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    sessions: list[Session] = Field(min_length=1)


class Agenda(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str = Field(min_length=3)
    audience: str = Field(min_length=3)
    summary: str = Field(min_length=3)
    days: list[Day] = Field(min_length=1)


class ScriptStep(_Strict):
    title: str = Field(min_length=3)
    minutes: dict[str, int]
    what: str = Field(min_length=3)
    facilitator: str = ""

    @field_validator("minutes")
    @classmethod
    def _non_negative(cls, value: dict[str, int]) -> dict[str, int]:
        if any(v < 0 for v in value.values()):
            raise ValueError("minutes cannot be negative")
        return value


class CardBrief(_Strict):
    stakeholder: str = Field(pattern=r"^S\d{3}$")
    core: bool
    chair: bool = False
    wants: str = Field(min_length=3)
    worries: str = Field(min_length=3)
    red_line: str = Field(min_length=3)
    offer: str = Field(min_length=3)


class DebriefQuestion(_Strict):
    module: str = Field(pattern=r"^\d\d$")
    question: str = Field(min_length=3)
    listen_for: str = Field(min_length=3)


class Roleplay(_Strict):
    title: str
    source: str
    scenario: list[str] = Field(min_length=1)
    tasks: list[str] = Field(min_length=1)
    inject: str
    versions: dict[str, str] = Field(min_length=1)
    script: list[ScriptStep] = Field(min_length=2)
    cards: list[CardBrief] = Field(min_length=5)
    solo: str = Field(min_length=40)
    observer: str
    debrief: list[DebriefQuestion] = Field(min_length=1)


class ChecklistGroup(_Strict):
    when: str
    items: list[str] = Field(min_length=1)


class FollowUp(_Strict):
    """The follow-up survey, sent some weeks after the course (a template the trainer copies)."""

    when: str = Field(min_length=3)
    intro: str = Field(min_length=3)
    questions: list[str] = Field(min_length=2)


class FeedbackPlan(_Strict):
    intro: str
    methods: list[str] = Field(min_length=1)
    scale: str
    questions: list[str] = Field(min_length=1)
    open_questions: list[str] = Field(min_length=1)
    transfer_questions: list[str] = []  # what participants will do differently (on the end-of-course form)
    follow_up: FollowUp | None = None


class BoardSeat(_Strict):
    role: str = Field(min_length=3)
    played_by: str = Field(min_length=3)
    asks: list[str] = Field(min_length=1)
    looks_for: str = Field(min_length=3)


class MockBoard(_Strict):
    """The capstone's mock mission board: who sits, what each asks, how they score, how the debrief runs."""

    title: str = Field(min_length=3)
    purpose: str = Field(min_length=3)
    seats: list[BoardSeat] = Field(min_length=3)
    per_presenter: list[TimingRow] = Field(min_length=2)
    scoring: list[str] = Field(min_length=2)
    debrief: list[str] = Field(min_length=2)
    care: list[str] = []


class Kit(_Strict):
    minutes_per_slide: int = Field(ge=1, le=10)
    day_limit_minutes: int = Field(ge=60, le=720)
    modules: list[Module] = Field(min_length=1)
    agendas: list[Agenda] = Field(min_length=1)
    roleplay: Roleplay
    checklist: list[ChecklistGroup] = Field(min_length=1)
    feedback: FeedbackPlan
    mock_board: MockBoard | None = None

    def module(self, module_id: str | None) -> Module:
        for m in self.modules:
            if m.id == module_id:
                return m
        raise MissionkitInputError(f"There is no module '{module_id}' in the trainer kit",
                                   fix="Use one of: " + ", ".join(m.id for m in self.modules) + ".",
                                   file=KIT_FILE.name)

    def agenda(self, agenda_id: str) -> Agenda:
        for a in self.agendas:
            if a.id == agenda_id:
                return a
        raise MissionkitInputError(f"There is no agenda '{agenda_id}' in the trainer kit",
                                   fix="Use one of: " + ", ".join(a.id for a in self.agendas) + ".",
                                   file=KIT_FILE.name)

    def script_minutes(self, version: str) -> int:
        return sum(step.minutes.get(version, 0) for step in self.roleplay.script)


# --------------------------------------------------------------------------- loading and checking

def load(path: str | Path | None = None) -> Kit:
    """Read, validate and check the trainer kit's data file (default: missionkit/data/agenda.yml)."""
    import yaml  # PyYAML comes with Jupyter Book; imported here so missionkit's import stays cheap

    path = Path(path) if path is not None else KIT_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MissionkitInputError("The trainer kit's data file is missing",
                                   fix="Restore missionkit/data/agenda.yml from the course repository.",
                                   file=str(path)) from None
    except UnicodeDecodeError:
        raise MissionkitInputError("The trainer kit's data file is not in UTF-8",
                                   fix="Save the file as UTF-8 in your editor.", file=path.name) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise MissionkitInputError(
            "The file is not valid YAML" + (f" near line {line}" if line else ""),
            fix="Check the indentation there, and put text that contains ': ' or starts with a quote inside "
                "double quotes.", file=path.name, row=line) from None
    return parse(data, file=path.name)


def parse(data: Any, file: str = "agenda.yml") -> Kit:
    """Validate already-read data (a dict) and check the timing rules; return the :class:`Kit`."""
    if not isinstance(data, dict):
        raise MissionkitInputError("The trainer kit's data file is empty or is not a set of named sections",
                                   fix="Start from the course's agenda.yml: it has the sections minutes_per_slide, "
                                       "day_limit_minutes, modules, agendas, roleplay, checklist and feedback.",
                                   file=file)
    try:
        kit = Kit.model_validate(data)
    except ValidationError as err:
        raise _explain(err, data, file) from None
    _check(kit, file)
    return kit


_NOUNS = {"modules": "module", "agendas": "agenda", "days": "day", "sessions": "session", "cards": "card",
          "script": "script step", "debrief": "debrief question", "checklist": "checklist group",
          "faqs": "question", "timing": "timing row", "worksheets": "worksheet", "goals": "goal",
          "prompts": "prompt", "steps": "step", "items": "item"}


def _where(data: Any, loc: tuple) -> tuple[str, str | None]:
    """A readable place ("agenda 'core', day 2, session 4") and the field name, from a pydantic location."""
    parts: list[str] = []
    node, parent, field = data, None, None
    for key in loc:
        if isinstance(key, int):
            item = node[key] if isinstance(node, list) and key < len(node) else None
            noun = _NOUNS.get(parent or "", "item")
            ident = None
            if isinstance(item, dict):
                ident = item.get("id") if parent in ("modules", "agendas") else item.get("stakeholder")
            parts.append(f"{noun} '{ident}'" if ident else f"{noun} {key + 1}")
            node = item
        else:
            field = str(key)
            parent = field
            node = node.get(key) if isinstance(node, dict) else None
    if parts and field and parts[-1].startswith(_NOUNS.get(field, "\0")):
        field = None  # the last part already names the item
    return ", ".join(parts) or "the top level", field


def _explain(err: ValidationError, data: Any, file: str) -> MissionkitInputError:
    first = err.errors()[0]
    place, field = _where(data, tuple(first["loc"]))
    kind = first["type"]
    if kind == "missing":
        problem = f"In {place}, the field '{field}' is missing"
        fix = f"Add '{field}:' with its value (see the other entries of the same kind for an example)."
    elif kind == "extra_forbidden":
        problem = f"In {place}, the field '{field}' is not one the trainer kit knows"
        fix = "Check its spelling, or remove it."
    elif kind.startswith("int") or kind.startswith("bool"):
        what = "a whole number" if kind.startswith("int") else "true or false"
        problem = f"In {place}, '{field}' should be {what}"
        fix = f"Write {what}, for example " + ("45." if kind.startswith("int") else "true.")
    elif kind == "literal_error":
        allowed = first.get("ctx", {}).get("expected", "")
        problem = f"In {place}, '{field}' has a value the trainer kit does not know"
        fix = f"Use one of: {allowed}."
    elif kind == "string_pattern_mismatch":
        problem = f"In {place}, '{field}' is not written the expected way"
        fix = {"start": "Write the time as HH:MM, for example 09:00.",
               "module": "Write the module's number in quotes, for example \"02\".",
               "id": "Write the id in lower case (letters, digits and -), or a module number in quotes, e.g. \"02\".",
               "stakeholder": "Use a stakeholder id from the register, for example S001.",
               "slug": "Use lower-case letters and -, as in the lesson's file name."}.get(field or "",
                                                                                     "See the other entries.")
    elif kind in ("too_short", "string_too_short"):
        problem = f"In {place}, '{field}' is empty or too short"
        fix = "Fill it in (see the other entries of the same kind)."
    elif kind in ("greater_than_equal", "less_than_equal"):
        problem = f"In {place}, '{field}' is out of range ({first['msg'].lower()})"
        fix = "Use a value in the range."
    else:
        problem = f"In {place}, '{field}' is not valid ({first['msg']})"
        fix = "Compare it with the other entries of the same kind."
    return MissionkitInputError(problem, fix=fix, file=file, column=field)


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _check(kit: Kit, file: str) -> None:
    ids = [m.id for m in kit.modules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise MissionkitInputError(f"Module {dupes[0]} is listed twice", fix="Keep one entry per module.",
                                   file=file, column="id")
    agenda_ids = [a.id for a in kit.agendas]
    if len(set(agenda_ids)) != len(agenda_ids):
        raise MissionkitInputError("Two agendas have the same id", fix="Give every agenda its own id.", file=file,
                                   column="id")
    for m in kit.modules:
        total = sum(t.minutes for t in m.timing)
        if total != m.core_minutes:
            raise MissionkitInputError(
                f"Module {m.id}'s timing plan adds up to {total} minutes, but its core path takes "
                f"{m.core_minutes}", fix="Make the parts of 'timing' add up to core_minutes.", file=file,
                column="timing")
        for w in m.worksheets:
            if not w.rows and not w.blank_rows:
                raise MissionkitInputError(f"Module {m.id}'s worksheet '{w.title}' has no rows",
                                           fix="Give it 'rows' (row labels) or 'blank_rows' (a number).",
                                           file=file, column="worksheets")
    versions = set(kit.roleplay.versions)
    for i, step in enumerate(kit.roleplay.script, 1):
        if set(step.minutes) != versions:
            raise MissionkitInputError(
                f"Role-play script step {i} ('{step.title}') does not give minutes for every version",
                fix="Give minutes for each of: " + ", ".join(kit.roleplay.versions) + " (0 skips the step).",
                file=file, column="minutes")
    covered = {q.module for q in kit.roleplay.debrief}
    missing = [m for m in DEBRIEF_MODULES if m not in covered]
    if missing:
        raise MissionkitInputError(f"The role-play debrief has no question for Module {missing[0]}",
                                   fix="Add a debrief question for each of Modules 02 to 08.", file=file,
                                   column="debrief")
    for q in kit.roleplay.debrief:
        if q.module not in ids:
            raise MissionkitInputError(f"A debrief question names Module {q.module}, which the kit does not have",
                                       fix="Use one of: " + ", ".join(ids) + ".", file=file, column="module")
    for agenda in kit.agendas:
        for d, day in enumerate(agenda.days, 1):
            clock = _minutes(day.start)
            for s, session in enumerate(day.sessions, 1):
                at = f"The agenda '{agenda.title}' (day {d}, session {s}, at {_clock(clock)})"
                _check_session(kit, session, at, file, ids)
                clock += session.minutes
            _check_day_has_practice(kit, agenda, d, day, file)
            length = clock - _minutes(day.start)
            if length > kit.day_limit_minutes:
                raise MissionkitInputError(
                    f"Day {d} of the agenda '{agenda.title}' runs {length} minutes ({day.start} to {_clock(clock)}), "
                    f"longer than the {kit.day_limit_minutes}-minute day",
                    fix="Move a session to another day, or shorten a break.", file=file, column="sessions")
            if clock >= 24 * 60:
                raise MissionkitInputError(f"Day {d} of the agenda '{agenda.title}' runs past midnight",
                                           fix="Start earlier or move sessions to another day.", file=file,
                                           column="start")


def _check_session(kit: Kit, session: Session, at: str, file: str, ids: list[str]) -> None:
    needs_module = session.kind in ("lesson", "exercise", "notebook")
    if needs_module and session.module is None:
        raise MissionkitInputError(f"{at} is a {session.kind} but names no module",
                                   fix="Add module: \"NN\" with the module's number.", file=file, column="module")
    if session.module is not None and session.module not in ids:
        raise MissionkitInputError(f"{at} names Module {session.module}, which the kit does not have",
                                   fix="Use one of: " + ", ".join(ids) + ".", file=file, column="module")
    if session.kind not in ("lesson", "exercise", "roleplay") and not session.title:
        raise MissionkitInputError(f"{at} has no title", fix="Add a title that says what happens.", file=file,
                                   column="title")
    if session.kind == "lesson":
        m = kit.module(session.module)
        need = m.core_minutes + (m.extension_minutes if session.extensions else 0)
        what = "core path and extensions take" if session.extensions else "core path takes"
        if session.minutes < need:
            raise MissionkitInputError(
                f"{at} gives {m.label} {session.minutes} minutes, but its {what} {need}",
                fix=f"Give the session at least {need} minutes"
                    + (", or set extensions: false" if session.extensions else ", or leave the module out") + ".",
                file=file, column="minutes")
    elif session.kind == "exercise":
        m = kit.module(session.module)
        if session.minutes < m.exercise.minutes:
            raise MissionkitInputError(
                f"{at} gives the group exercise of {m.label} {session.minutes} minutes, but it takes "
                f"{m.exercise.minutes}", fix=f"Give the session at least {m.exercise.minutes} minutes.", file=file,
                column="minutes")
    elif session.kind == "notebook":
        times = exercise_times(kit.module(session.module))
        if times is None:
            raise MissionkitInputError(f"{at} is an exercise notebook for Module {session.module}, which has none",
                                       fix="Use a lesson or a group exercise for this module.", file=file,
                                       column="module")
        if session.minutes < times[0]:
            raise MissionkitInputError(
                f"{at} gives the exercise notebook of Module {session.module} {session.minutes} minutes, but it "
                f"takes {times[0]} at a trainer's pace", fix=f"Give the session at least {times[0]} minutes.",
                file=file, column="minutes")
    elif session.kind == "roleplay":
        if session.version not in kit.roleplay.versions:
            raise MissionkitInputError(f"{at} is a role-play with no known version",
                                       fix="Add version: one of " + ", ".join(kit.roleplay.versions) + ".",
                                       file=file, column="version")
        need = kit.script_minutes(session.version)
        if session.minutes < need:
            raise MissionkitInputError(
                f"{at} gives the role-play ({session.version}) {session.minutes} minutes, but its script takes {need}",
                fix=f"Give the session at least {need} minutes, or choose a shorter version.", file=file,
                column="minutes")


def _check_day_has_practice(kit: Kit, agenda: Agenda, d: int, day: Day, file: str) -> None:
    """Every day gives time to practise (a group exercise or an exercise notebook) and to the capstone."""
    kinds = {s.kind for s in day.sessions}
    if not kinds & {"exercise", "notebook"}:
        raise MissionkitInputError(
            f"Day {d} of the agenda '{agenda.title}' has no exercise time",
            fix="Add a group exercise (kind: exercise) or an exercise notebook (kind: notebook).", file=file,
            column="sessions")
    capstone = {m.id for m in kit.modules if m.slug == "capstone"}
    if "capstone" not in kinds and not any(s.module in capstone for s in day.sessions):
        raise MissionkitInputError(
            f"Day {d} of the agenda '{agenda.title}' has no capstone time",
            fix="Add a capstone session (kind: capstone) in which participants write that day's part of their "
                "plan.", file=file, column="sessions")


_TIMES = re.compile(r"at a trainer's pace, (\d+) minutes[^;]*; at your own pace, about (\d+) minutes")


def exercise_times(module: Module) -> tuple[int, int] | None:
    """(trainer's pace, own pace) in minutes of a module's exercise notebook, as the notebook states them
    (tools/set_times.py writes them by the course's rule); None for a module without an exercise."""
    path = DATA_DIR.parents[1] / "exercises" / f"{module.name}-exercise.ipynb"
    if not path.exists():
        return None
    import nbformat

    nb = nbformat.read(path, as_version=4)
    found = _TIMES.search("\n".join(c.source for c in nb.cells[:3] if c.cell_type == "markdown"))
    return (int(found.group(1)), int(found.group(2))) if found else None


def homework(kit: Kit, agenda_id: str) -> dict[int, list[tuple[str, int]]]:
    """For each day, the exercise notebooks that become homework: the modules taught that day whose
    notebook the agenda does not schedule, with their minutes at one's own pace."""
    agenda = kit.agenda(agenda_id)
    in_class = {s.module for day in agenda.days for s in day.sessions if s.kind == "notebook"}
    found: dict[int, list[tuple[str, int]]] = {}
    for d, day in enumerate(agenda.days, 1):
        for s in day.sessions:
            if s.kind == "lesson" and s.module not in in_class:
                times = exercise_times(kit.module(s.module))
                if times:
                    found.setdefault(d, []).append((s.module or "", times[1]))
    return found


# --------------------------------------------------------------------------- agendas, slots, slides

def _session_title(kit: Kit, s: Session) -> str:
    if s.kind == "lesson":
        return kit.module(s.module).label
    if s.kind == "exercise":
        return f"Group exercise, Module {s.module}: {kit.module(s.module).exercise.title}"
    if s.kind == "notebook":
        return f"Exercise notebook, Module {s.module}"
    if s.kind == "roleplay":
        assert s.version is not None  # load() checks every role-play session names a version
        return f"Role-play: {kit.roleplay.title} ({kit.roleplay.versions[s.version].split(' (')[0].lower()} version)"
    return s.title


def schedule(kit: Kit, agenda_id: str) -> pd.DataFrame:
    """One agenda as a timed table: a row per session with its day, start, end and minutes."""
    agenda = kit.agenda(agenda_id)
    rows = []
    for d, day in enumerate(agenda.days, 1):
        clock = _minutes(day.start)
        for s in day.sessions:
            rows.append({"agenda": agenda.id, "day": d, "day_title": day.title, "start": _clock(clock),
                         "end": _clock(clock + s.minutes), "minutes": s.minutes, "kind": s.kind,
                         "module": s.module, "extensions": s.extensions, "version": s.version,
                         "title": _session_title(kit, s), "note": s.note})
            clock += s.minutes
    return pd.DataFrame(rows)


def lesson_slots(kit: Kit, module_id: str | None = None) -> pd.DataFrame:
    """Every lesson session in every agenda (optionally for one module): agenda, day, start, minutes, module."""
    frames = [schedule(kit, a.id) for a in kit.agendas]
    table = pd.concat(frames, ignore_index=True)
    table = table[table["kind"] == "lesson"]
    if module_id is not None:
        table = table[table["module"] == module_id]
    return table.reset_index(drop=True)


def slide_problems(kit: Kit, slide_counts: dict[str, int]) -> list[str]:
    """Lesson slots too short for their deck, at ``kit.minutes_per_slide`` minutes a slide.

    ``slide_counts`` maps a module id ("02") to its deck's slide count. Returns one
    plain sentence per slot that is too short (empty when every deck fits).
    """
    problems = []
    slots = lesson_slots(kit)
    for module_id, count in sorted(slide_counts.items()):
        need = count * kit.minutes_per_slide
        for row in slots[slots["module"] == module_id].itertuples():
            if row.minutes < need:
                title = kit.agenda(row.agenda).title
                problems.append(f"Module {module_id}'s deck has {count} slides, about {need} minutes at "
                                f"{kit.minutes_per_slide} a slide, but the agenda '{title}' (day {row.day}, "
                                f"{row.start}) gives it {row.minutes}.")
    return problems


# --------------------------------------------------------------------------- role cards from the register (D4)

@dataclass(frozen=True)
class RoleCard:
    """A role-play card: the register's facts about an organisation plus the player's private brief."""

    stakeholder_id: str
    name: str
    type: str
    level: str
    sector: str
    interest: int
    influence: int
    role: str
    seat: str
    engagement: str
    core: bool
    chair: bool
    wants: str
    worries: str
    red_line: str
    offer: str


def role_cards(kit: Kit, register: pd.DataFrame | None = None) -> list[RoleCard]:
    """The role-play cards, with every fact about the organisation taken from the stakeholder register (D4)."""
    register = case.load("stakeholders") if register is None else register
    by_id = register.set_index("stakeholder_id")
    cards = []
    seen = set()
    for i, brief in enumerate(kit.roleplay.cards, 1):
        if brief.stakeholder in seen:
            raise MissionkitInputError(f"Role card {i} repeats {brief.stakeholder}",
                                       fix="Give each organisation one card.", file=KIT_FILE.name,
                                       column="stakeholder")
        seen.add(brief.stakeholder)
        if brief.stakeholder not in by_id.index:
            raise MissionkitInputError(
                f"Role card {i} names {brief.stakeholder}, which is not in the stakeholder register",
                fix="Use a stakeholder_id from the register (D4, stakeholders.csv).", file=KIT_FILE.name,
                column="stakeholder")
        r = by_id.loc[brief.stakeholder]
        cards.append(RoleCard(
            stakeholder_id=brief.stakeholder, name=str(r["name"]), type=str(r["type"]), level=str(r["level"]),
            sector=str(r["sector"]), interest=int(r["interest"]), influence=int(r["influence"]),
            role=str(r["role"]), seat=str(r["seat"]), engagement=str(r["engagement"]), core=brief.core,
            chair=brief.chair, wants=brief.wants, worries=brief.worries, red_line=brief.red_line,
            offer=brief.offer))
    core_types = {c.type for c in cards if c.core}
    missing = [t for t in CARD_TYPES if t not in core_types]
    if missing:
        raise MissionkitInputError(f"The core role cards have no {missing[0]}",
                                   fix="Mark a card of each of these kinds core: true: " + ", ".join(CARD_TYPES) + ".",
                                   file=KIT_FILE.name, column="cards")
    if sum(c.chair for c in cards) != 1:
        raise MissionkitInputError("The role-play needs exactly one chair", fix="Set chair: true on one card.",
                                   file=KIT_FILE.name, column="chair")
    return cards
