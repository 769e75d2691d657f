"""Module 12: the mission brief, built from the participant's workbook.

:func:`build_brief` reads the workbook and returns a :class:`MissionBrief`: one
section per part of the course (:mod:`missionkit.capstone.sections`), each either
filled from the participant's saved work or marked "to do" with a link to the
module that fills it. :mod:`missionkit.capstone.export` writes it as HTML and
Markdown. Also here: "the decision we ask for" (:func:`save_ask`), the
peer-review checklist (:data:`PEER_REVIEW`, OUR PROPOSAL) and the Marenta worked
example (FICTIONAL) in every section (:func:`case_example_workbook`). The
``capstone`` section holds ``ask``, ``peer_review`` and ``peer_feedback``.
Domain code: no display code, never prints.
"""
from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missionkit import case
from missionkit.capstone.plan import MARENTA_PLAN
from missionkit.capstone.sections import (
    CAPSTONE,
    MODULE_FILES,
    SECTIONS,
    TEAMMATE_PREFIX,
    BriefSection,
    is_empty,
    plain_text,
    section_blocks,
)
from missionkit.errors import MissionkitInputError
from missionkit.feedback import is_blank

__all__ = [
    "PEER_REVIEW", "MissionBrief", "build_brief", "module_link", "save_ask", "example_path", "peer_review_table",
    "Note", "case_example_workbook", "ROUND2_EXAMPLE",
]

# OUR PROPOSAL: what a peer checks before a brief goes to a minister or a board.
PEER_REVIEW: dict[str, str] = {
    "statement": "The mission statement is dated and measurable, and names a baseline.",
    "why_mission": "It is clear why a mission, not an ordinary programme, is the right tool.",
    "objectives": "Every objective has at least one project and one indicator.",
    "owner": "Someone owns the mission, with the right to decide across ministries.",
    "portfolio": "The portfolio uses more than research grants, and says what it will stop.",
    "indicators": "Indicators have baselines, targets, data owners and a review cadence.",
    "people": "Those affected, including those who may resist, are named, with a plan to involve them.",
    "gaps": "The readiness gaps are named, with a fix for any stop-and-fix signal.",
    "one_page": "It fits on one page, and a minister could act on it.",
}


def escape_html(text: Any) -> str:
    """Any value as text escaped for HTML (quotes included)."""
    return html.escape(str(text), quote=True)


def workbook_from(wb: Any):
    """The workbook: yours (``None``), the one at a path, or the one given."""
    from missionkit.workbook import Workbook

    if wb is None:
        return Workbook.open()
    if isinstance(wb, (str, os.PathLike)):
        return Workbook.open(wb)
    return wb


# --------------------------------------------------------------------------- links
def course_root(start: Path | None = None) -> Path | None:
    """The course folder: from ``start``, the working folder or this package, whichever finds it first."""
    from missionkit.workbook import find_course_root

    for where in (start, Path.cwd(), Path(__file__).resolve().parents[2]):
        if where is not None:
            root = find_course_root(where)
            if root is not None:
                return root
    return None


def module_link(module: str, folder: Path | None = None, root: Path | None = None) -> str:
    """A relative link from ``folder`` (where the brief is written) to a module's lesson notebook."""
    name = MODULE_FILES.get(module, module)
    root = root or course_root(folder)
    if root is not None:
        found = sorted((root / "notebooks").glob(f"{module}-*.ipynb"))
        target = found[0] if found else root / "notebooks" / f"{name}.ipynb"
        if folder is not None:
            try:
                return Path(os.path.relpath(target, folder)).as_posix()
            except ValueError:  # pragma: no cover - another drive on Windows
                return target.as_uri()
        name = target.stem
    return f"../notebooks/{name}.ipynb"


# --------------------------------------------------------------------------- the brief
@dataclass
class MissionBrief:
    """The brief: its sections (done or to do), the peer review and who wrote it."""

    owner: str | None
    sections: list[BriefSection]
    ask: str = ""
    peer_review: dict = field(default_factory=dict)
    peer_feedback: str = ""
    fictional: bool = False

    @property
    def done(self) -> list[str]:
        return [s.key for s in self.sections if s.done]

    @property
    def todo(self) -> list[str]:
        return [s.key for s in self.sections if not s.done]

    def status_rows(self) -> list[list[str]]:
        return [[s.title, f"Module {s.module}", s.status] for s in self.sections]

    def summary(self) -> str:
        n, total = len(self.done), len(self.sections)
        if n == total:
            return f"All {total} sections of your brief are filled from your workbook."
        todo = ", ".join(s.title for s in self.sections if not s.done)
        return f"{n} of {total} sections are filled from your workbook; still to do: {todo}."

    # ---- notebook display: a light status table, not the whole brief
    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th scope="row">{escape_html(s.title)}</th><td>Module {s.module}</td>'
            f"<td>{'✅ done' if s.done else '✏️ to do'}</td></tr>" for s in self.sections)
        return (f'<div class="missionkit-brief-status"><p>{escape_html(self.summary())}</p><table><thead><tr>'
                '<th scope="col">Section</th><th scope="col">From</th><th scope="col">Status</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")

    def __repr__(self) -> str:
        return self.summary()


def build_brief(wb: Any = None, *, folder: str | os.PathLike | None = None,
                root: str | os.PathLike | None = None) -> MissionBrief:
    """Read the workbook (yours by default, or a path) and build the brief.

    ``folder``: where the brief will be written (default: the workbook's
    folder), so the "to do" links point to the module notebooks from there.
    """
    wb = workbook_from(wb)
    data = wb.to_dict()
    sections = data.get("sections", {})
    meta = data.get("meta", {})
    owner = meta.get("owner")
    fictional = "FICTIONAL" in f"{owner or ''} {meta.get('note') or ''}"
    out = Path(folder) if folder is not None else wb.path.parent
    root_path = Path(root) if root is not None else course_root(out)

    def sec(name: str) -> Mapping:
        v = sections.get(name, {})
        return v if isinstance(v, Mapping) else {}

    built: list[BriefSection] = []
    for spec in SECTIONS:
        done, blocks = section_blocks(spec.key, sections, owner)
        built.append(BriefSection(spec.key, spec.title, spec.module, spec.module_title,
                                  module_link(spec.module, out, root_path), done, blocks if done else [], spec.what))
    cap = sec(CAPSTONE)
    peer_review = cap.get("peer_review")
    review = peer_review if isinstance(peer_review, Mapping) else {}
    ask = cap.get("ask")
    feedback = cap.get("peer_feedback")
    return MissionBrief(owner=owner, sections=built, ask=plain_text(ask) if not is_empty(ask) else "",
                        peer_review={k: plain_text(v) for k, v in review.items()},
                        peer_feedback=plain_text(feedback) if not is_empty(feedback) else "",
                        fictional=fictional)


@dataclass
class Note:
    """A one-line message for a notebook cell."""

    text: str
    ok: bool = True

    def _repr_html_(self) -> str:
        return f'<p class="missionkit-save-status" role="status"><em>{escape_html(self.text)}</em></p>'

    def __repr__(self) -> str:
        return self.text


def save_ask(text: Any, wb: Any = None) -> Note:
    """Save "the decision we ask for" (one or two sentences) to the workbook, section "capstone"."""
    if is_blank(text) or not isinstance(text, str):
        return Note("Nothing saved yet: write one or two sentences in quotes, then run the cell again.", ok=False)
    wb = workbook_from(wb)
    wb.set(CAPSTONE, "ask", text.strip())
    words = len(text.split())
    extra = " It is long for an opening: a minister reads the first two sentences." if words > 60 else ""
    return Note(f"Saved to your workbook (section \u201c{CAPSTONE}\u201d).{extra}")


def example_path() -> Path:
    """Where the Marenta worked example lives: a folder of its own beside your workbook."""
    from missionkit.workbook import resolve_workbook_path

    return resolve_workbook_path().parent / "marenta-example" / "workbook.json"


def peer_review_table():
    """The peer-review checklist (OUR PROPOSAL) as a table: key and question."""
    import pandas as pd

    return pd.DataFrame({"key": list(PEER_REVIEW), "question": list(PEER_REVIEW.values())}).set_index("key")


# --------------------------------------------------------------------------- the case's worked example
#: Round-2 decisions for the eleven focus projects, as in Module 08's worked solution
#: (solutions/08-portfolio-solution.ipynb; a test keeps the two the same). FICTIONAL case.
ROUND2_EXAMPLE: dict[str, str] = {
    "PR02": "continue", "PR04": "continue", "PR08": "continue", "PR16": "scale", "PR21": "scale",
    "PR26": "pivot", "PR27": "sunset", "PR32": "pivot", "PR33": "scale", "PR43": "sunset", "PR47": "pause",
}


def _case_sections() -> dict[str, dict]:
    """The Marenta worked example for every section (FICTIONAL)."""
    from missionkit.framing.mission_map import marenta_mission_map
    from missionkit.readiness.load import assessor_scores

    scores = case.load("readiness")
    team = {}
    for a in dict.fromkeys(scores["assessor"]):
        team[a] = assessor_scores(scores, a)
    readiness_sec = {TEAMMATE_PREFIX + a: {"scores": s} for a, s in team.items()}
    projects = case.load("projects")
    col = case.REVIEW_ROUNDS[case.CURRENT_ROUND]
    under = projects[projects[col].notna()]
    decisions = {r.project_id: r[col] for _, r in under.iterrows()} if len(under) else {}
    decisions.update(ROUND2_EXAMPLE)  # the eleven focus projects: the worked solution of Module 08
    gov: Mapping[str, Any] = case.GOVERNANCE
    from missionkit.choosing.load import MARENTA_EXAMPLE

    return {
        "choosing": dict(MARENTA_EXAMPLE),
        "framing": {"mission_statement": case.MISSION_STATEMENT, "mission_map": marenta_mission_map().to_workbook()},
        "litmus": {
            "challenge": {"answer": "yes", "evidence": "Congestion, dirty air and road deaths are rising together in "
                          "the three cities (2024: a 62-minute commute, PM2.5 at 38 µg/m³, 18 road deaths per "
                          "100,000); no single ministry holds all the levers."},
            "support": {"answer": "partly", "evidence": "The government wants a flagship mission and two partners "
                        "will co-finance; informal operators and the Ministry of Finance have doubts."},
            "objective": {"answer": "yes", "evidence": "The statement is dated (2035) and measurable (45 minutes; "
                          "half the 2024 fine-particle pollution)."},
            "commitment": {"answer": "partly", "evidence": "Cabinet adopted the mission on 2025-03-03, but there is "
                           "no multi-year budget line and the fuel subsidy works against it."},
        },
        "governance": {
            "owner": gov["owner"], "co_leads": list(gov["co_leads"]),
            "objective_owners": {"O1": "Ministry of Transport", "O2": "Ministry of Environment",
                                 "O3": "Ministry of Transport", "O4": "Ministry of Gender and Social Affairs",
                                 "O5": "Ministry of Industry and Trade"},
            "board": ["13 seats, including the three cities, an informal-operators' association, a women's group "
                      "and the two lending banks"],
            "ex_ante": True,
        },
        "stakeholders": {"engagement_plan": {
            "informal-transport association": {"level": "co-design", "format": "working group",
                                               "how": "route contracts on the first bus corridor"},
            "women's group": {"level": "consult", "format": "night safety audits",
                              "how": "walk the routes with the city units"},
        }},
        "portfolio": {col: {"round": case.CURRENT_ROUND, "decisions": decisions,
                            "note": "Scale three small projects with early results, among them the women's night "
                                    "bus (PR21), the only scale-up for O4 Fair access; close the two paused "
                                    "projects; pause the hydrogen bus demonstration; put what is left of the money "
                                    "freed into a call for O4 projects (FICTIONAL)."}},
        "indicators": {
            "theory_of_change": {
                "inputs": ["Mission budget line and partner loans"],
                "activities": ["Bus corridors, clean-bus procurement, fare pilots"],
                "outputs": ["Km of bus lanes; clean buses in service"],
                "outcomes": ["Shorter commutes; more trips by clean public transport"],
                "impacts": ["45-minute access for all; PM2.5 halved by 2035"],
                "assumptions": ["Operators join route contracts; the fuel subsidy is reformed"],
            },
            "draft_indicators": [
                {"name": "Average one-way commute", "level": "impact", "unit": "minutes", "baseline": 62,
                 "baseline_year": 2024, "target": 50, "target_year": 2035, "data_owner": "National Statistics"},
                {"name": "Annual mean PM2.5 in the three cities", "level": "impact", "unit": "µg/m³", "baseline": 38,
                 "baseline_year": 2024, "target": 19, "target_year": 2035, "data_owner": "Environment Agency"},
            ],
        },
        "readiness": readiness_sec,
        "plan": {k: dict(v) for k, v in MARENTA_PLAN.items()},
        CAPSTONE: {"ask": "Give a steering committee of the budget holders the right to approve the portfolio "
                          "before money is committed, and open a call for O4 Fair access projects with the money "
                          "round 2 frees (fictional)."},
    }


def case_example_workbook(path: str | os.PathLike, *, base: Any = None):
    """A workbook at ``path`` holding the Marenta worked example (FICTIONAL) in every section.

    ``base`` (a workbook or a path, e.g. the fixture) is copied first; then
    each section of the example fills what is missing. Your own workbook is
    never touched.
    """
    from missionkit.workbook import Workbook, resolve_workbook_path

    target = Path(path).expanduser().resolve()
    if target == resolve_workbook_path().resolve():
        raise MissionkitInputError("The worked example cannot be written into your own workbook",
                                   fix="Give another path, for example 'my-work/marenta-example/workbook.json'",
                                   file=str(target))
    if target.exists():
        owner = Workbook.open(target).owner
        if owner != "Example participant (FICTIONAL)":
            raise MissionkitInputError(
                f"'{target.name}' already holds someone's work ({owner or 'no name given'}), so the worked "
                "example is not written into it",
                fix="Give a path for a new file, for example 'my-work/marenta-example/workbook.json'",
                file=str(target))
    if base is not None:
        src = workbook_from(base)
        if src.path == target:
            raise MissionkitInputError("The worked example cannot be written over the workbook it copies",
                                       fix="Give another path, for example 'my-work/marenta-example/workbook.json'",
                                       file=str(target))
    wb = Workbook.open(target, owner="Example participant (FICTIONAL)")
    if base is not None:
        for name, values in src.to_dict().get("sections", {}).items():
            if isinstance(values, Mapping) and values:
                wb.update(name, {k: v for k, v in values.items() if wb.get(name, k) is None})
    for name, values in _case_sections().items():
        wb.update(name, {k: v for k, v in values.items() if wb.get(name, k) is None})
    return wb
