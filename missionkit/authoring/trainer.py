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
* ``render_*`` and :func:`pages` return the book's trainer pages (Markdown, for
  ``book/trainer/``) and the printable handouts (self-contained HTML, for
  ``book/handouts/``) as strings; tools/make_trainer_pages.py writes them.

The role-play follows the idea of OECD OPSI's 2021 Mission-oriented Innovation
Simulation (participants act as a mission advisory commission); its scenario,
cards, script and debrief are the course's own design (OUR PROPOSAL), on the
FICTIONAL Marenta case.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from missionkit import case, catalogue
from missionkit.data import DATA_DIR
from missionkit.errors import MissionkitInputError

__all__ = [
    "KIT_FILE", "Kit", "Module", "Agenda", "Session", "RoleCard", "load", "parse", "schedule", "lesson_slots",
    "role_cards", "slide_problems", "pages", "render_index", "render_agendas", "render_module",
    "render_checklist", "render_feedback", "render_roleplay", "render_slides_page", "render_handout",
    "render_role_cards_html", "render_feedback_form_html", "TOC_ENTRIES", "toc_part",
]

KIT_FILE = DATA_DIR / "agenda.yml"
DEBRIEF_MODULES = ("02", "03", "04", "05", "06", "07")
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
    kind: Literal["plenary", "lesson", "exercise", "roleplay", "capstone", "break"]
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
    observer: str
    debrief: list[DebriefQuestion] = Field(min_length=1)


class ChecklistGroup(_Strict):
    when: str
    items: list[str] = Field(min_length=1)


class FeedbackPlan(_Strict):
    intro: str
    methods: list[str] = Field(min_length=1)
    scale: str
    questions: list[str] = Field(min_length=1)
    open_questions: list[str] = Field(min_length=1)


class Kit(_Strict):
    minutes_per_slide: int = Field(ge=1, le=10)
    day_limit_minutes: int = Field(ge=60, le=720)
    modules: list[Module] = Field(min_length=1)
    agendas: list[Agenda] = Field(min_length=1)
    roleplay: Roleplay
    checklist: list[ChecklistGroup] = Field(min_length=1)
    feedback: FeedbackPlan

    def module(self, module_id: str) -> Module:
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
                                   fix="Add a debrief question for each of Modules 02 to 07.", file=file,
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
    needs_module = session.kind in ("lesson", "exercise")
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


# --------------------------------------------------------------------------- agendas, slots, slides

def _session_title(kit: Kit, s: Session) -> str:
    if s.kind == "lesson":
        return kit.module(s.module).label
    if s.kind == "exercise":
        return f"Group exercise, Module {s.module}: {kit.module(s.module).exercise.title}"
    if s.kind == "roleplay":
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


# --------------------------------------------------------------------------- text helpers

def _md_text(text: Any) -> str:
    """Escape register text for a MyST paragraph or table cell."""
    return re.sub(r"([\\`*_\[\]<>$|{}])", r"\\\1", str(text))


def _md(text: str, folder: str = TRAINER_DIR) -> str:
    """Authored Markdown with {cite:key} turned into links to the references page."""
    return CITE.sub(lambda m: catalogue.cite_link(m.group(1), folder), text.strip())


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _inline_html(text: str, sources: list[str]) -> str:
    """Authored Markdown (bold, italic, code, links) as safe HTML; citations become short labels."""
    out, pos = [], 0
    for m in CITE.finditer(text):
        out.append(_inline_plain(text[pos:m.start()]))
        key = catalogue.resolve_key(m.group(1))
        if key not in sources:
            sources.append(key)
        out.append(html.escape(catalogue.short_label(key)))
        pos = m.end()
    out.append(_inline_plain(text[pos:]))
    return "".join(out).strip()


def _inline_plain(text: str) -> str:
    s = html.escape(text, quote=False)
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    return re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", s)


def _minutes_text(n: int) -> str:
    return f"{n} minute" + ("" if n == 1 else "s")


def _generated_note() -> str:
    return ("<!-- Generated by tools/make_trainer_pages.py from missionkit/data/agenda.yml: edit the data file, "
            "not this page. -->\n")


def _module_link(m: Module) -> str:
    return f"[{_md_text(m.label)}](module-{m.id}.md)"


def _handout_link(m: Module, text: str = "Printable handout") -> str:
    return f"{{download}}`{text} <../handouts/{m.name}.html>`"


# --------------------------------------------------------------------------- Markdown pages (book/trainer/)

TOC_ENTRIES = ("index", "agendas", "checklist", "slides", "roleplay", "feedback")


def render_index(kit: Kit) -> str:
    lines = [_generated_note(), "# Trainer guide", "",
             "For trainers who present Mission Bootcamp to a room, often without reliable internet. These pages "
             "say what to run, when, for how long, and what to ask. Participants do not need them.", "",
             "Every timing on these pages comes from one data file, `missionkit/data/agenda.yml`, which also holds "
             "each module's core and extension times. The tool that writes these pages refuses an agenda that gives "
             "a module less time than its lesson's core path, so an agenda can never promise more than the room "
             "can do.", "",
             "## What is in the kit", "",
             "- [Agendas](agendas.md): a 1-day taster, a 2-day core bootcamp and a 5-day full bootcamp with the "
             "capstone, each a timed table by module.",
             "- [Before the day](checklist.md): laptops or a hub, the offline install, the projector, the workbook "
             "folder, what to print.",
             "- [Slides](slides.md): offline slides from the lesson notebooks, with speaker notes only you see.",
             "- [Role-play pack](roleplay.md): the Marenta mission advisory commission *(fictional)*, with role "
             "cards, a timed script and a debrief.",
             "- [Feedback](feedback.md): how to collect it during and after the course.",
             "- One page of facilitation notes per module (below), each with a printable handout for participants.",
             "", "## Modules at a glance", "",
             "| Module | Core path | Extensions | Group exercise | Handout |", "|---|---|---|---|---|"]
    for m in kit.modules:
        ext = (_minutes_text(m.extension_minutes) if m.extension_minutes
               else ("for anyone who finishes early" if m.extension_note else "none"))
        lines.append(f"| {_module_link(m)} | {_minutes_text(m.core_minutes)} | {ext} | "
                     f"{_cell(m.exercise.title)} ({_minutes_text(m.exercise.minutes)}) | "
                     f"{_handout_link(m, 'HTML')} |")
    lines += ["", "## The rhythm of a module", "",
              "1. **Check yourself first** (2 to 4 minutes): participants guess the answers to the lesson's "
              "opening questions.",
              "2. **Show and try** (most of the core path): present the sections from the slides or the notebook; "
              "participants do each *Try it* on their own laptop.",
              "3. **Group exercise**: in the 5-day agenda it has its own slot; in shorter agendas use the lesson's "
              "own forms, or set the exercise notebook as homework.",
              "4. **Discussion**: choose two prompts, not five.",
              "5. **Check yourself again** and a one-line takeaway from each table.", "",
              "Each lesson ends with trainer notes (timings, snags, what to handle with care). They are hidden from "
              "participants: removed from the book, collapsed in JupyterLab, and shown in the slides' speaker view. "
              "The module pages here repeat what you need in the room.", "",
              "```{admonition} The case is fictional",
              "The Republic of Marenta, its cities, organisations and numbers are invented for teaching. Say so "
              "whenever you show them. Real-world facts carry their sources; what the course could not confirm is "
              "listed under *Handle with care* on each module page.",
              "```", ""]
    return "\n".join(lines)


def render_agendas(kit: Kit) -> str:
    lines = [_generated_note(), "# Agendas", "",
             "Three agendas, generated from `missionkit/data/agenda.yml`. Every lesson slot is at least the "
             "module's core path (core plus extensions where the slot says so), every group exercise and "
             "role-play gets at least the time its script needs, and every day fits in "
             f"{kit.day_limit_minutes // 60} hours, breaks included. Shift the start time as your host needs; "
             "keep the lengths.", ""]
    for agenda in kit.agendas:
        table = schedule(kit, agenda.id)
        modules = sorted({m for m in table["module"].dropna()})
        lines += [f"## {agenda.title}", "", f"**For:** {_md(agenda.audience)}", "", _md(agenda.summary), "",
                  "**Modules:** " + ", ".join(modules) + "."
                  + (" **Role-play:** yes." if (table["kind"] == "roleplay").any() else ""), ""]
        for d, day in enumerate(agenda.days, 1):
            rows = table[table["day"] == d]
            lines += [f"### {day.title} ({rows['start'].iloc[0]} to {rows['end'].iloc[-1]})", "",
                      "| Time | Session | Minutes | Notes |", "|---|---|---|---|"]
            for r in rows.itertuples():
                lines.append(f"| {r.start}–{r.end} | {_agenda_session(kit, r)} | {r.minutes} | {_cell(r.note)} |")
            lines.append("")
    return "\n".join(lines)


def _agenda_session(kit: Kit, r: Any) -> str:
    if r.kind == "lesson":
        m = kit.module(r.module)
        scope = "core path and extensions" if r.extensions else "core path"
        need = m.core_minutes + (m.extension_minutes if r.extensions else 0)
        return f"{_module_link(m)} ({scope}: {need} min)"
    if r.kind == "exercise":
        m = kit.module(r.module)
        return f"Group exercise: {_cell(m.exercise.title)} ([Module {m.id}](module-{m.id}.md))"
    if r.kind == "roleplay":
        return f"[Role-play]({'roleplay.md'}): {_cell(kit.roleplay.title)}, {_cell(kit.roleplay.versions[r.version])}"
    if r.kind == "break":
        return f"*{_cell(r.title)}*"
    return _cell(r.title)


def render_module(kit: Kit, module_id: str) -> str:
    m = kit.module(module_id)
    slots = lesson_slots(kit, m.id)
    where = []
    for r in slots.itertuples():
        agenda = kit.agenda(r.agenda)
        day = f"day {r.day}, " if len(agenda.days) > 1 else ""
        where.append(f"{agenda.title}: {day}{r.start}, {r.minutes} min"
                     + (" with extensions" if r.extensions else ""))
    ext = (f"{_minutes_text(m.extension_minutes)}: {_md(m.extension_note)}" if m.extension_minutes
           else (_md(m.extension_note) or "none"))
    lines = [_generated_note(), f"# {m.label}: trainer notes", "",
             "| | |", "|---|---|",
             f"| Lesson | [`{m.lesson}`](../../{m.lesson}) |",
             f"| Core path | {_minutes_text(m.core_minutes)} |",
             f"| Extensions | {ext.replace(chr(124), '/')} |",
             f"| Group exercise | {_cell(m.exercise.title)} ({_minutes_text(m.exercise.minutes)}) |",
             f"| Slides | `_build/slides/{m.name}.slides.html` (run `make slides`) |",
             f"| Handout | {_handout_link(m)} |",
             f"| In the agendas | {_cell(' · '.join(where) or 'not in any agenda')} |", ""]
    if m.based_on == "design":
        lines += ["```{note}", "This module's lesson is not written yet. These notes follow the course design and "
                  "will be revised from the lesson.", "```", ""]
    lines += ["## Goals", "", "By the end, participants can:", ""]
    lines += [f"{i}. {_md(g)}" for i, g in enumerate(m.goals, 1)]
    lines += ["", f"## Timing of the core path ({_minutes_text(m.core_minutes)})", "",
              "| Part | Minutes |", "|---|---|"]
    lines += [f"| {_cell(t.part)} | {t.minutes} |" for t in m.timing]
    lines += [f"| **Total** | **{m.core_minutes}** |", "", "## What to show", ""]
    lines += [f"- {_md(s)}" for s in m.show]
    lines += ["", "## Discussion prompts", "", "Choose two; the lesson has more.", ""]
    lines += [f"- {_md(p)}" for p in m.prompts]
    lines += ["", f"## Group exercise: {_md(m.exercise.title)} ({_minutes_text(m.exercise.minutes)})", ""]
    lines += [f"{i}. {_md(s)}" for i, s in enumerate(m.exercise.steps, 1)]
    lines += ["", f"**What each group hands back:** {_md(m.exercise.output)}", "",
              "## Without laptops: the paper alternative", "", "**Print:**", ""]
    lines += [f"- {_md(p)}" for p in m.paper.print]
    lines += ["", "**Run it:**", ""]
    lines += [f"{i}. {_md(s)}" for i, s in enumerate(m.paper.steps, 1)]
    lines += ["", "## Common questions", ""]
    for f in m.faqs:
        lines += [f"**{_md(f.q)}**", "", _md(f.a), ""]
    if m.care:
        lines += ["## Handle with care", "", "Say these in the room:", ""]
        lines += [f"- {_md(c)}" for c in m.care]
        lines.append("")
    lines += ["## The participants' handout", "",
              f"{_handout_link(m)}: the key concepts, the group exercise, "
              + ("the worksheets, " if m.worksheets else "") + "and space for notes. One page or two, A4 or Letter.",
              ""]
    return "\n".join(lines)


def render_checklist(kit: Kit) -> str:
    lines = [_generated_note(), "# Before the day", "",
             "Tick these off in order. The course, the book, the slides and JupyterLab all work without internet, "
             "but only if they were installed and tested before you arrive.", ""]
    for group in kit.checklist:
        lines += [f"## {_md(group.when)}", ""]
        lines += [f"- ☐ {_md(item)}" for item in group.items]
        lines.append("")
    lines += ["## What to print", "", "| What | How many |", "|---|---|",
              "| {download}`The case handout <../case-handout.html>` | one per participant |"]
    lines += [f"| {_handout_link(m, f'Module {m.id} handout')} | one per participant, for the modules in your agenda |"
              for m in kit.modules]
    lines += ["| {download}`Role-play cards <../handouts/roleplay-cards.html>` | one set per commission |",
              "| {download}`Feedback form <../handouts/feedback-form.html>` | one per participant |", ""]
    return "\n".join(lines)


def render_slides_page(kit: Kit) -> str:
    lines = [_generated_note(), "# Slides", "",
             "Every lesson notebook is also a slide deck. The decks are made from the notebooks' stored outputs, so "
             "they show the same charts and tables the book shows, and they need no internet.", "",
             "## Make the decks", "",
             "```", "make slides", "```", "",
             "This writes one file per lesson into `_build/slides/` (for example "
             "`_build/slides/02-framing.slides.html`) together with the reveal.js files it needs. Copy the whole "
             "`_build/slides/` folder to the presenting machine or a USB stick, and open a deck in any browser.", "",
             "- A new slide starts at every heading of a section; the setup cell and code are left out; charts "
             "show as pictures with their description as alternative text.",
             "- **Speaker view:** press **S**. It shows the lesson's trainer notes (on the title slide: timings, "
             "snags, what to handle with care), the next slide and a clock. "
             "Participants never see the notes: they are removed from the book and collapsed in JupyterLab.",
             "- **Overview of all slides:** press **Esc**. **Full screen:** press **F**.",
             "- Long tables scroll inside their slide.", "",
             "## How long a deck takes", "",
             f"Plan on about {kit.minutes_per_slide} minutes a slide. A test checks that every lesson slot in the "
             f"agendas is at least {kit.minutes_per_slide} minutes times the number of slides in that lesson's "
             "deck, so a deck never outgrows its slot.", "",
             "## Live slides in JupyterLab (RISE)", "",
             "If the course's environment includes the JupyterLab extension *jupyterlab-rise*, a lesson can also be "
             "presented live from JupyterLab: open the notebook and press **Alt+R** "
             "(**View ▸ Render as Reveal Slideshow**). Charts are drawn live and cells can be run.", "",
             "- The slides follow the notebooks' slide metadata (`make slides` can write it: "
             "`python tools/make_slides.py --tag`).",
             "- Use the reveal.js theme *white* (set in JupyterLab's settings for RISE): the default theme asks "
             "the internet for fonts.",
             "- Forms do not work inside a RISE slideshow: leave the slideshow to run a form, or use the offline "
             "deck and the notebook side by side.", "",
             "## Trainer notes: the convention", "",
             "Each lesson's last cell holds its trainer notes: a Markdown cell whose first line is "
             "`**Trainer notes**`, tagged `trainer-notes` and `remove-cell`, with the slide type *notes* and its "
             "source hidden. That one cell is what makes the notes appear in the speaker view and nowhere a "
             "participant looks.", ""]
    return "\n".join(lines)


def render_roleplay(kit: Kit, cards: list[RoleCard]) -> str:
    rp = kit.roleplay
    core = [c for c in cards if c.core]
    lines = [_generated_note(), f"# Role-play: {_md(rp.title)}", "",
             "```{important}", "**FICTIONAL.** The commission, the scenario, the organisations and every number in "
             "this role-play are invented for teaching. The organisations come from the case's stakeholder register "
             "(D4).", "```", "", _md(rp.source), "",
             "**Players:** "
             f"{len(core)} core cards for a commission of {len(core)}; up to {len(cards)} with the extra cards. "
             "Give anyone without a card the observer's sheet. With more than "
             f"{len(cards) + 4} participants, run two commissions side by side.", "",
             "**Print:** {download}`the role cards, the commission's brief and the observer sheet "
             "<../handouts/roleplay-cards.html>`.", "",
             "## The scenario", ""]
    lines += [_md(p) + "\n" for p in rp.scenario]
    lines += ["## The commission's three tasks", ""]
    lines += [f"{i}. {_md(t)}" for i, t in enumerate(rp.tasks, 1)]
    lines += ["", "## Timed script", "", "| Step | " + " | ".join(_cell(v) for v in rp.versions.values())
              + " | What happens | The facilitator |", "|---|" + "---|" * (len(rp.versions) + 2)]
    for step in rp.script:
        mins = " | ".join(str(step.minutes[v]) if step.minutes[v] else "skipped" for v in rp.versions)
        lines.append(f"| {_cell(step.title)} | {mins} | {_cell(step.what)} | {_cell(step.facilitator)} |")
    totals = " | ".join(f"**{kit.script_minutes(v)}**" for v in rp.versions)
    lines += [f"| **Total** | {totals} | | |", "", "## The inject", "", _md(rp.inject), "",
              "## Role cards", "",
              "The facts on each card (kind of organisation, interest, influence, seat and engagement today, what "
              "it does) come from the stakeholder register. The brief below them is the player's private position.",
              ""]
    for c in cards:
        lines += _card_markdown(c)
    lines += ["## The observer", "", _md(rp.observer), "", "## Debrief", "",
              "Step out of role first: ask each player to say their own name and one thing they noticed. Then use the "
              "questions for the modules the group has done.", "",
              "| Module | Ask | Listen for |", "|---|---|---|"]
    for q in rp.debrief:
        m = kit.module(q.module)
        lines.append(f"| [{m.id} · {_md_text(m.title)}](module-{m.id}.md) | {_cell(q.question)} | "
                     f"{_cell(q.listen_for)} |")
    lines.append("")
    return "\n".join(lines)


def _card_markdown(c: RoleCard) -> list[str]:
    tag = " (chair)" if c.chair else ("" if c.core else " (extra card)")
    return [f"### {_md_text(c.name)}{tag}", "",
            f"*{_md_text(c.type)}, {_md_text(c.level)} · interest {c.interest}/5 · influence {c.influence}/5 · "
            f"seat today: {_md_text(c.seat)} · engagement today: {_md_text(c.engagement)}* "
            f"(register {c.stakeholder_id})", "",
            f"**What you do:** {_md_text(c.role)}.", "",
            f"- **You want:** {_md(c.wants)}", f"- **You worry about:** {_md(c.worries)}",
            f"- **Your red line:** {_md(c.red_line)}", f"- **You can offer:** {_md(c.offer)}", ""]


def render_feedback(kit: Kit) -> str:
    fb = kit.feedback
    lines = [_generated_note(), "# Feedback", "", _md(fb.intro), "", "## How to collect it", ""]
    lines += [f"- {_md(m)}" for m in fb.methods]
    lines += ["", "## The end-of-course form", "",
              "{download}`Printable feedback form <../handouts/feedback-form.html>` (one page, anonymous).", "",
              f"Each statement is rated {fb.scale}:", ""]
    lines += [f"{i}. {_md(q)}" for i, q in enumerate(fb.questions, 1)]
    lines += ["", "It also asks how useful each module was (the same scale, or \"not taken\"), and three open "
              "questions:", ""]
    lines += [f"- {_md(q)}" for q in fb.open_questions]
    lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML handouts (book/handouts/)

_CSS = """
  :root { --ink: #1a1a1a; --muted: #444; --rule: #777; --accent: #0072B2; --warn: #E69F00; }
  html { font-size: 100%; }
  body { font-family: "Liberation Sans", "Helvetica Neue", Arial, Helvetica, sans-serif; color: var(--ink);
         background: #fff; line-height: 1.45; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.6rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
  h2 { font-size: 1.2rem; margin: 1.4rem 0 0.45rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.1rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
  .kicker { font-size: 0.85rem; letter-spacing: 0.05em; text-transform: uppercase; color: var(--muted); margin: 0; }
  .fictional { border: 2px dashed var(--warn); padding: 0.4rem 0.7rem; font-weight: bold; background: #fffaf0; }
  .print-hint { font-size: 0.92rem; background: #f4f8fb; padding: 0.4rem 0.7rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.92rem; }
  caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
  th, td { border: 1px solid var(--rule); padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
  thead th { background: #eef4f9; }
  tbody th[scope=row] { width: 38%; font-weight: normal; }
  td.blank { height: 2.2rem; }
  .lines div { border-bottom: 1px solid var(--rule); height: 1.9rem; }
  .card { border: 2px solid var(--ink); padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
  .card h2 { border: 0; margin-top: 0.2rem; }
  .facts { font-size: 0.9rem; color: var(--muted); }
  .scale td, .scale th { text-align: center; }
  .scale td:first-child, .scale th:first-child { text-align: left; }
  .sources { font-size: 0.85rem; color: var(--muted); }
  footer { margin-top: 1.5rem; font-size: 0.85rem; color: var(--muted); }
  @media print {
    @page { margin: 14mm; }
    body { max-width: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.3; }
    h1 { font-size: 15pt; } h2 { font-size: 12pt; margin: 0.8rem 0 0.3rem; }
    table { font-size: 9pt; } td.blank { height: 1.6rem; }
    .print-hint { display: none; }
    .page { break-before: page; page-break-before: always; }
    table, tr, .card, .lines { break-inside: avoid; page-break-inside: avoid; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    thead th { background: #eee; }
  }
"""


def _page(title: str, body: list[str]) -> str:
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        *body, "</main>", "</body>", "</html>", ""])


def _ul(items: list[str], sources: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{_inline_html(i, sources)}</li>" for i in items) + f"</{tag}>"


def _worksheet_html(w: Worksheet, sources: list[str]) -> str:
    head = "".join(f'<th scope="col">{_inline_html(c, sources)}</th>' if c else "<td></td>" for c in w.columns)
    rows = []
    blanks = "".join('<td class="blank"></td>' for _ in w.columns[1:])
    for r in w.rows:
        rows.append(f'<tr><th scope="row">{_inline_html(r, sources)}</th>{blanks}</tr>')
    for _ in range(w.blank_rows):
        rows.append("<tr>" + "".join('<td class="blank"></td>' for _ in w.columns) + "</tr>")
    if w.total_row:
        rows.append('<tr><th scope="row">Total</th>' + blanks + "</tr>")
    return (f"<table><caption>{_inline_html(w.title, sources)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _sources_html(sources: list[str]) -> list[str]:
    if not sources:
        return []
    return ['<section aria-labelledby="sources"><h2 id="sources">Sources</h2><ul class="sources">'
            + "".join(f"<li>{html.escape(catalogue.citation(k))}</li>" for k in sources) + "</ul></section>"]


def _mentions_case(texts: list[str]) -> bool:
    return any(re.search(r"Marenta|fictional|MRC|O[1-5] ", t) for t in texts)


def render_handout(kit: Kit, module_id: str) -> str:
    """One module's printable handout: self-contained HTML with print CSS and a lang attribute."""
    m = kit.module(module_id)
    sources: list[str] = []
    texts = m.goals + m.concepts + m.exercise.steps + m.prompts + [w.title for w in m.worksheets]
    body = ["<header>", f'<p class="kicker">Mission Bootcamp · Module {m.id} · handout</p>',
            f"<h1>{html.escape(m.title)}</h1>",
            '<p class="print-hint">Print this page from your browser (A4 or Letter). It works without internet.</p>']
    if _mentions_case(texts):
        body.append(f'<p class="fictional">{html.escape(case.FICTIONAL_NOTE)}</p>')
    body += ["</header>",
             '<section aria-labelledby="goals"><h2 id="goals">By the end you can</h2>'
             + _ul(m.goals, sources, "ol") + "</section>",
             '<section aria-labelledby="concepts"><h2 id="concepts">Key concepts</h2>'
             + _ul(m.concepts, sources) + "</section>",
             f'<section aria-labelledby="exercise"><h2 id="exercise">Group exercise: '
             f"{_inline_html(m.exercise.title, sources)} ({m.exercise.minutes} minutes)</h2>"
             + _ul(m.exercise.steps, sources, "ol")
             + f"<p><strong>What you hand back:</strong> {_inline_html(m.exercise.output, sources)}</p></section>"]
    for i, w in enumerate(m.worksheets, 1):
        body.append(f'<section aria-labelledby="worksheet-{i}"><h2 id="worksheet-{i}">Worksheet {i}</h2>'
                    + _worksheet_html(w, sources) + "</section>")
    body += ['<section aria-labelledby="prompts"><h2 id="prompts">To discuss</h2>' + _ul(m.prompts, sources)
             + "</section>",
             '<section aria-labelledby="notes"><h2 id="notes">My notes</h2><div class="lines" aria-hidden="true">'
             + "<div></div>" * 12 + "</div></section>"]
    body += _sources_html(sources)
    body.append(f"<footer>Mission Bootcamp · {html.escape(m.label)} · lesson: {html.escape(m.lesson)}</footer>")
    return _page(f"Module {m.id} · {m.title}: handout, Mission Bootcamp", body)


def render_role_cards_html(kit: Kit, cards: list[RoleCard]) -> str:
    """The role-play's printable pack: the commission's brief, one card per organisation, the observer sheet."""
    rp = kit.roleplay
    sources: list[str] = []
    body = ["<header>", '<p class="kicker">Mission Bootcamp · role-play</p>', f"<h1>{html.escape(rp.title)}</h1>",
            '<p class="print-hint">Print this page from your browser. Cut out one card per player; give the '
            "commission's brief to everyone and the observer sheet to anyone without a card.</p>",
            f'<p class="fictional">{html.escape(case.FICTIONAL_NOTE)}</p>', "</header>",
            '<section aria-labelledby="brief"><h2 id="brief">The commission\'s brief (for everyone)</h2>']
    body += [f"<p>{_inline_html(p, sources)}</p>" for p in rp.scenario]
    body += ["<h3>Your three tasks</h3>", _ul(rp.tasks, sources, "ol"), "</section>"]
    for i, c in enumerate(cards):
        page = ' class="card page"' if i % 2 == 0 else ' class="card"'
        tag = "Chair · " if c.chair else ("" if c.core else "Extra card · ")
        body.append(
            f'<article{page} aria-labelledby="card-{c.stakeholder_id}">'
            f'<p class="kicker">{tag}Role card · FICTIONAL</p>'
            f'<h2 id="card-{c.stakeholder_id}">{html.escape(c.name)}</h2>'
            f'<p class="facts">{html.escape(c.type)}, {html.escape(c.level)} · interest {c.interest}/5 · influence '
            f"{c.influence}/5 · seat today: {html.escape(c.seat)} · engagement today: {html.escape(c.engagement)}</p>"
            f"<p><strong>What you do:</strong> {html.escape(c.role)}.</p><ul>"
            f"<li><strong>You want:</strong> {_inline_html(c.wants, sources)}</li>"
            f"<li><strong>You worry about:</strong> {_inline_html(c.worries, sources)}</li>"
            f"<li><strong>Your red line:</strong> {_inline_html(c.red_line, sources)}</li>"
            f"<li><strong>You can offer:</strong> {_inline_html(c.offer, sources)}</li></ul>"
            '<p class="facts">My opening line:</p><div class="lines" aria-hidden="true"><div></div><div></div></div>'
            "</article>")
    body += ['<section class="page" aria-labelledby="observer"><h2 id="observer">Observer sheet</h2>',
             f"<p>{_inline_html(rp.observer, sources)}</p>",
             _worksheet_html(Worksheet(title="What I saw", columns=["Question", "Notes"],
                                       rows=["Who spoke most, who least?", "Which evidence was used?",
                                             "Which decisions came before money was committed?",
                                             "Who changed position, and why?"]), sources),
             "</section>",
             '<section aria-labelledby="inject"><h2 id="inject">For the facilitator: the inject</h2>'
             f"<p>{_inline_html(rp.inject, sources)}</p></section>"]
    body += _sources_html(sources)
    body.append("<footer>Mission Bootcamp · role-play pack · organisations from the stakeholder register (D4), "
                "FICTIONAL</footer>")
    return _page(f"{rp.title}: role cards, Mission Bootcamp", body)


def render_feedback_form_html(kit: Kit) -> str:
    """The end-of-course feedback form, printable and anonymous."""
    fb = kit.feedback
    sources: list[str] = []
    scale = "".join(f'<th scope="col">{n}</th>' for n in range(1, 6))
    rows = "".join(f'<tr><th scope="row">{_inline_html(q, sources)}</th>'
                   + '<td class="blank"></td>' * 5 + "</tr>" for q in fb.questions)
    mods = "".join(f'<tr><th scope="row">{html.escape(m.label)}</th>' + '<td class="blank"></td>' * 6 + "</tr>"
                   for m in kit.modules)
    body = ["<header>", '<p class="kicker">Mission Bootcamp · feedback</p>', "<h1>Your feedback on the course</h1>",
            '<p class="print-hint">Print this page from your browser, one per participant.</p>', "</header>",
            "<p>Anonymous. Please tick one box per line. " + html.escape(fb.scale) + ".</p>",
            f'<table class="scale"><caption>About the course</caption><thead><tr><th scope="col">Statement</th>'
            f"{scale}</tr></thead><tbody>{rows}</tbody></table>",
            f'<table class="scale"><caption>How useful was each module? (leave blank if you did not take it)'
            f'</caption><thead><tr><th scope="col">Module</th>{scale}<th scope="col">Not taken</th></tr></thead>'
            f"<tbody>{mods}</tbody></table>"]
    for i, q in enumerate(fb.open_questions, 1):
        body.append(f'<section aria-labelledby="open-{i}"><h2 id="open-{i}">{_inline_html(q, sources)}</h2>'
                    '<div class="lines" aria-hidden="true">' + "<div></div>" * 4 + "</div></section>")
    body.append("<footer>Thank you. Mission Bootcamp</footer>")
    return _page("Feedback form, Mission Bootcamp", body)


# --------------------------------------------------------------------------- everything at once

def pages(kit: Kit | None = None, register: pd.DataFrame | None = None) -> dict[str, str]:
    """Every generated file: path relative to the course root -> its text."""
    kit = load() if kit is None else kit
    cards = role_cards(kit, register)
    out = {f"{TRAINER_DIR}/index.md": render_index(kit),
           f"{TRAINER_DIR}/agendas.md": render_agendas(kit),
           f"{TRAINER_DIR}/checklist.md": render_checklist(kit),
           f"{TRAINER_DIR}/slides.md": render_slides_page(kit),
           f"{TRAINER_DIR}/roleplay.md": render_roleplay(kit, cards),
           f"{TRAINER_DIR}/feedback.md": render_feedback(kit)}
    for m in kit.modules:
        out[f"{TRAINER_DIR}/module-{m.id}.md"] = render_module(kit, m.id)
        out[f"{HANDOUT_DIR}/{m.name}.html"] = render_handout(kit, m.id)
    out[f"{HANDOUT_DIR}/roleplay-cards.html"] = render_role_cards_html(kit, cards)
    out[f"{HANDOUT_DIR}/feedback-form.html"] = render_feedback_form_html(kit)
    return out


def toc_part(kit: Kit) -> str:
    """The "For trainers" part of _toc.yml, as YAML text."""
    lines = ["  - caption: For trainers", "    chapters:", f"      - file: {TRAINER_DIR}/index", "        sections:"]
    for name in TOC_ENTRIES[1:4]:
        lines.append(f"          - file: {TRAINER_DIR}/{name}")
    lines += [f"          - file: {TRAINER_DIR}/module-{m.id}" for m in kit.modules]
    lines += [f"          - file: {TRAINER_DIR}/{name}" for name in TOC_ENTRIES[4:]]
    return "\n".join(lines) + "\n"
