"""Module 03 (framing a mission): the mission map, challenge -> mission -> objectives -> projects.

:class:`MissionMap`, :func:`parse_mission_map` (text lines, as typed in the
form or saved in the workbook) and :func:`marenta_mission_map` (the FICTIONAL
case, from ``case.OBJECTIVES`` and the project portfolio D2). Source:
Mazzucato (2018). Domain logic only: no display code, never prints.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank

__all__ = [
    "MapObjective",
    "MapProject",
    "MissionMap",
    "MAX_OBJECTIVES",
    "MAX_PROJECTS",
    "MAX_LINE",
    "parse_mission_map",
    "marenta_mission_map",
    "MARENTA_CHALLENGE",
]


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


def _lines(value: Any, box: str) -> list[tuple[int, str]]:
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
    for objective in objectives:
        rows = p[p["objective"] == objective.code]
        projects += [MapProject(t, objective.code) for t in rows["title"]]
    rest = p[~p["objective"].isin(codes)]
    projects += [MapProject(t, None) for t in rest["title"]]
    return MissionMap(MARENTA_CHALLENGE, case.MISSION_STATEMENT, tuple(objectives), tuple(projects))
