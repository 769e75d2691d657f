"""Module 12: the sections of the mission brief, read from the participant's workbook.

Each section (:data:`SECTIONS`) is either filled from the participant's saved
work or marked "to do". :func:`section_blocks` reads one section from the
workbook into :class:`Block` objects (text, bullets, tables, label: value
pairs, quotes and figures); a figure block names the chart to draw and its
data, and :mod:`missionkit.capstone.export` draws it when the brief is written.
Sections read (tolerant of missing or half-filled ones): ``framing``
(``mission_statement``, ``criteria_answers``, ``mission_map``), ``litmus``
(``challenge``, ``support``, ``objective``, ``commitment``), ``choosing`` (``choice``,
``cause_map``, ``assembly``, ``pitch``), ``governance``,
``stakeholders``, ``portfolio``, ``indicators`` (``theory_of_change``,
``draft_indicators``) and ``readiness`` (``scores`` and ``teammate:<name>``).
Keys this module does not know are shown as they are. Domain code: no display
code, never prints.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank

__all__ = [
    "CAPSTONE", "TEAMMATE_PREFIX", "MODULE_FILES", "SectionSpec", "SECTIONS", "Block", "BriefSection",
    "is_empty", "plain_text", "section_blocks",
]

CAPSTONE = "capstone"
TEAMMATE_PREFIX = "teammate:"
MODULE_FILES = {
    "01": "01-missions", "02": "02-choosing", "03": "03-framing", "04": "04-scanning", "05": "05-governance",
    "06": "06-stakeholders", "07": "07-diagnostics", "08": "08-portfolio", "10": "10-monitoring",
    "11": "11-readiness", "12": "12-capstone",
}


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    module: str
    module_title: str
    what: str  # what the section should say, shown when it is still to do


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("mission", "The mission", "03", "Framing a mission",
                "your mission statement: what changes, for whom, from what baseline, to what target, by when"),
    SectionSpec("litmus", "Why a mission", "01", "Missions: what they are and when to use one",
                "the Mission Litmus Test: challenge, support, objective and commitment, with evidence"),
    SectionSpec("choice", "Why this mission, not another", "02", "Choosing the mission",
                "the candidate you chose, the evidence, what you give up, and how the public takes part"),
    SectionSpec("map", "Mission map", "03", "Framing a mission",
                "the challenge, the mission, its objectives and the projects under each"),
    SectionSpec("governance", "Governance", "05", "Governing a mission",
                "who owns the mission and each objective, who sits on which body (steering committee, board, "
                "assembly), what each decides"),
    SectionSpec("stakeholders", "Stakeholders", "06", "Stakeholders and legitimacy",
                "who must be involved, including those who may resist, and how"),
    SectionSpec("portfolio", "Portfolio decisions", "08", "Managing the portfolio",
                "what to continue, scale, pivot, pause or stop, and why"),
    SectionSpec("indicators", "Indicators and learning", "10", "Monitoring and evaluation",
                "the theory of change and the indicators, with baselines, targets and data owners"),
    SectionSpec("readiness", "Readiness gaps", "11", "Readiness and partners",
                "the readiness scores, the weakest dimensions and any stop-and-fix signal"),
)


# --------------------------------------------------------------------------- blocks
@dataclass
class Block:
    """One piece of a section: "text", "bullets", "table", "pairs", "quote" or "figure".

    A figure block names its ``chart`` ("mission_map" or "readiness_profile") and
    the ``data`` to draw it from; :mod:`missionkit.capstone.export` draws it into
    ``figure`` (and its static HTML into ``static_html``) once. If the chart cannot
    be drawn, the section shows ``fallback`` instead (``None``: the figure is left out).
    """

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    caption: str = ""
    figure: Any = None
    strong: bool = False
    chart: str = ""
    data: Any = field(default=None, repr=False)
    fallback: list | None = field(default=None, repr=False)
    static_html: str | None = field(default=None, repr=False)


# --------------------------------------------------------------------------- sections
@dataclass
class BriefSection:
    key: str
    title: str
    module: str
    module_title: str
    notebook: str  # link to the module's notebook, relative to the brief's folder
    done: bool
    blocks: list[Block] = field(default_factory=list)
    what: str = ""

    @property
    def status(self) -> str:
        return "done" if self.done else "to do"


def is_empty(value: Any) -> bool:
    """True for a value with nothing in it: blank, or a dict or list of blanks (``False`` is not empty)."""
    if isinstance(value, Mapping):
        return all(is_empty(v) for v in value.values()) if value else True
    if isinstance(value, (list, tuple)):
        return all(is_empty(v) for v in value) if value else True
    if isinstance(value, bool):
        return False
    return is_blank(value)


def _label(key: str) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def plain_text(value: Any) -> str:
    """Any workbook value as one line of plain text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "; ".join(plain_text(v) for v in value if not is_empty(v))
    if isinstance(value, Mapping):
        return "; ".join(f"{_label(k)}: {plain_text(v)}" for k, v in value.items() if not is_empty(v))
    return str(value).strip()


def _generic(key: str, value: Any, limit: int = 15) -> list[Block]:
    """Any JSON value as blocks: text, a list, a table of dicts, or label: value pairs."""
    label = _label(key)
    if is_empty(value):
        return []
    if isinstance(value, Mapping):
        if value and all(isinstance(v, Mapping) for v in value.values()):
            cols = list(dict.fromkeys(c for v in value.values() for c in v))[:6]
            rows = [[k] + [plain_text(v.get(c)) for c in cols] for k, v in list(value.items())[:limit]]
            return [Block("table", headers=[""] + [_label(c) for c in cols], rows=rows, caption=label)]
        return [Block("pairs", items=[(f"{label}: {_label(k)}", plain_text(v)) for k, v in list(value.items())[:limit]
                                      if not is_empty(v)])]
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, Mapping) for v in value):
            cols = list(dict.fromkeys(c for v in value for c in v))[:7]
            rows = [[plain_text(v.get(c)) for c in cols] for v in value[:limit] if not is_empty(v)]
            return [Block("table", headers=[_label(c) for c in cols], rows=rows, caption=label)]
        items = [plain_text(v) for v in value if not is_empty(v)]
        more = [f"… and {len(items) - limit} more"] if len(items) > limit else []
        return [Block("bullets", text=f"{label}:", items=items[:limit] + more)]
    return [Block("pairs", items=[(label, plain_text(value))])]


def _generic_section(data: Mapping, skip: Iterable[str] = ()) -> list[Block]:
    blocks: list[Block] = []
    for k, v in data.items():
        if k in skip or str(k).startswith(TEAMMATE_PREFIX):
            continue
        blocks += _generic(k, v)
    return blocks


def _mission(sec: Mapping) -> tuple[bool, list[Block]]:
    statement = sec.get("mission_statement")
    if not isinstance(statement, str) or not statement.strip():
        return False, []
    blocks = [Block("quote", text=statement.strip())]
    try:
        from missionkit.framing.statements import assess_statement

        a = assess_statement(statement)
    except Exception:  # noqa: BLE001 - another module's rules must never stop the brief
        return True, blocks
    none = "not found"
    blocks.append(Block("pairs", items=[
        ("Deadline", str(a.deadline) if a.deadline is not None else none),
        ("Target", a.target or none), ("Baseline", a.baseline or none), ("Scope", a.scope or none)]))
    names = {"met": "met", "partly": "partly met", "not met": "not met", "ask": "your judgement"}
    rows = [[f"{c.code} {c.name}", names.get(c.status, c.status)] for c in a.criteria.values()]
    blocks.append(Block("table", headers=["Criterion (Mazzucato 2018)", "Reading"], rows=rows,
                        caption="The statement against the five mission criteria (the course's rule-based reading)"))
    if a.improvements:
        blocks.append(Block("bullets", text="To improve:", items=list(a.improvements[:3])))
    answers = sec.get("criteria_answers")
    if isinstance(answers, Mapping):
        said = [(f"Why it is {'bold' if k == 'bold' else 'ambitious but realistic' if k == 'ambitious' else _label(k)}",
                 plain_text(v)) for k, v in answers.items() if not is_empty(v)]
        if said:
            blocks.append(Block("pairs", items=said))
    return True, blocks


_STEPS = ("challenge", "support", "objective", "commitment")


def _litmus(sec: Mapping) -> tuple[bool, list[Block]]:
    steps = {k: sec.get(k) for k in _STEPS if not is_empty(sec.get(k))}
    if not steps:
        return False, _generic_section(sec)
    rows = []
    for k in _STEPS:
        v = sec.get(k)
        answer = v.get("answer") or v.get("rating") if isinstance(v, Mapping) else v
        evidence = v.get("evidence", "") if isinstance(v, Mapping) else ""
        rows.append([_label(k), plain_text(answer) or "not rated", plain_text(evidence)])
    blocks = [Block("table", headers=["Step", "Rating", "Evidence"], rows=rows,
                    caption="The OECD Mission Litmus Test (OECD OPSI / Mission Action Lab)")]
    try:
        from missionkit.missions import litmus

        verdict = litmus.litmus_verdict(litmus.parse_answers({k: sec[k] for k in steps}))
        blocks.insert(0, Block("text", text=f"Verdict: {verdict.headline}", strong=True))
    except Exception:  # noqa: BLE001
        pass
    return True, blocks + _generic_section(sec, skip=_STEPS)


def _choice(sec: Mapping) -> tuple[bool, list[Block]]:
    """Module 02: the chosen candidate and its justification, the leverage point, the assembly, the pitch."""
    choice = sec.get("choice")
    if not isinstance(choice, Mapping) or is_empty(choice.get("candidate")):
        return False, _generic_section(sec)
    cid = plain_text(choice.get("candidate"))
    label, statement = cid, ""
    try:
        from missionkit.choosing import selection

        candidates = case.load("candidates")
        label = f"{cid} {selection.candidate_names(candidates).get(cid, '')}".strip()
        statement = selection.candidate_statements(candidates).get(cid, "")
    except Exception:  # noqa: BLE001 - another module's data must never stop the brief
        pass
    blocks = [Block("pairs", items=[("Candidate chosen (2024, fictional case)", label)]
                    + ([("Statement", statement)] if statement else []))]
    if not is_empty(choice.get("justification")):
        blocks.append(Block("quote", text=plain_text(choice.get("justification"))))
    cause = sec.get("cause_map")
    if isinstance(cause, Mapping) and not is_empty(cause.get("leverage")):
        blocks.append(Block("pairs", items=[("Where to push (leverage point)", plain_text(cause.get("leverage"))),
                                            ("Why", plain_text(cause.get("reason")))]))
    design = sec.get("assembly")
    if isinstance(design, Mapping) and not is_empty(design):
        items = [(_label(k), plain_text(v)) for k, v in design.items() if not is_empty(v)]
        if items:
            blocks += [Block("text", text="The citizens' assembly:", strong=True), Block("pairs", items=items)]
    if not is_empty(sec.get("pitch")):
        blocks.append(Block("text", text="The pitch: " + plain_text(sec.get("pitch"))))
    return True, blocks


def _map(sec: Mapping) -> tuple[bool, list[Block]]:
    value = sec.get("mission_map")
    if is_empty(value):
        return False, []
    try:
        from missionkit.framing.mission_map import parse_mission_map

        m = parse_mission_map(value)
        blocks = [Block("figure", chart="mission_map", data=m, fallback=_generic("mission_map", value))]
        outline = [f"{o.code} {o.name}" + (f": {o.detail}" if o.detail else "")
                   + f" ({len(m.projects_for(o.code))} project{'s' if len(m.projects_for(o.code)) != 1 else ''})"
                   for o in m.objectives]
        if outline:
            blocks.append(Block("bullets", text="Objectives:", items=outline))
        return True, blocks
    except Exception:  # noqa: BLE001
        return True, _generic("mission_map", value)


def _portfolio(sec: Mapping) -> tuple[bool, list[Block]]:
    if is_empty(sec):
        return False, []
    blocks: list[Block] = []
    titles = {}
    try:
        projects = case.load("projects")
        titles = dict(zip(projects["project_id"], projects["title"], strict=False))
    except Exception:  # noqa: BLE001
        pass
    for key, value in sec.items():
        if str(key).startswith(TEAMMATE_PREFIX):
            continue
        if isinstance(value, Mapping) and isinstance(value.get("decisions"), Mapping):
            decisions = value["decisions"]
            counts: dict[str, int] = {}
            for d in decisions.values():
                counts[str(d)] = counts.get(str(d), 0) + 1
            rnd = value.get("round") or _label(key)
            summary = ", ".join(f"{n} {d}" for d, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
            blocks.append(Block("text", text=f"Review round {rnd}: {len(decisions)} decisions ({summary}).",
                                strong=True))
            changed = [[pid, titles.get(pid, ""), d] for pid, d in decisions.items() if d != "continue"]
            if changed:
                blocks.append(Block("table", headers=["Project", "Title", "Decision"], rows=changed[:15],
                                    caption="Decisions other than continue"))
            if not is_empty(value.get("note")):
                blocks.append(Block("pairs", items=[("Why", plain_text(value["note"]))]))
        else:
            blocks += _generic(key, value)
    return bool(blocks), blocks


def _indicators(sec: Mapping) -> tuple[bool, list[Block]]:
    if is_empty(sec):
        return False, []
    blocks: list[Block] = []
    toc = sec.get("theory_of_change")
    if isinstance(toc, Mapping) and not is_empty(toc):
        rows = [[_label(k), plain_text(v)] for k, v in toc.items() if not is_empty(v)]
        blocks.append(Block("table", headers=["Level", "What"], rows=rows, caption="Theory of change"))
    drafts = sec.get("draft_indicators")
    if isinstance(drafts, list) and not is_empty(drafts):
        wanted = ("name", "level", "unit", "baseline", "baseline_year", "target", "target_year", "data_owner")
        rows = []
        for d in drafts:
            if isinstance(d, Mapping) and not is_empty(d):
                rows.append([plain_text(d.get(c)) for c in wanted])
        if rows:
            blocks.append(Block("table", headers=[_label(c) for c in wanted], rows=rows, caption="Indicators"))
    blocks += _generic_section(sec, skip=("theory_of_change", "draft_indicators"))
    return bool(blocks), blocks


def _readiness(sec: Mapping, owner: str | None) -> tuple[bool, list[Block]]:
    from missionkit.readiness.load import scores_from_workbook
    from missionkit.readiness.profile import readiness_profile
    from missionkit.readiness.scorecard import DIMENSION_CODES, dimension_label

    by = scores_from_workbook(sec, me=owner or "You")
    try:
        p = readiness_profile(by)
    except MissionkitInputError as error:
        return True, [Block("text", text=f"Your readiness scores could not be read: {error.message}")]
    if not p.assessors:
        return False, []
    blocks = [Block("bullets", items=p.sentences())]
    blocks.append(Block("figure", chart="readiness_profile", data=by))
    gaps = [[dimension_label(c), f"{p.table.loc[c, 'median']:g}", p.table.loc[c, "scores"],
             p.table.loc[c, "signal"]] for c in DIMENSION_CODES
            if c in p.weakest or c in p.stop_and_fix or c in p.disagreements]
    if gaps:
        blocks.append(Block("table", headers=["Dimension", "Median", "Scores", "Signal"], rows=gaps,
                            caption="Gaps to work on"))
    return True, blocks


def section_blocks(key: str, sections: Mapping, owner: str | None = None) -> tuple[bool, list[Block]]:
    """One section of the brief (a key of :data:`SECTIONS`) from the workbook's sections: (done, blocks)."""

    def sec(name: str) -> Mapping:
        v = sections.get(name, {})
        return v if isinstance(v, Mapping) else {}

    if key == "mission":
        return _mission(sec("framing"))
    if key == "litmus":
        return _litmus(sec("litmus"))
    if key == "choice":
        return _choice(sec("choosing"))
    if key == "map":
        return _map(sec("framing"))
    if key == "portfolio":
        return _portfolio(sec("portfolio"))
    if key == "indicators":
        return _indicators(sec("indicators"))
    if key == "readiness":
        return _readiness(sec("readiness"), owner)
    blocks = _generic_section(sec(key))
    return bool(blocks), blocks
