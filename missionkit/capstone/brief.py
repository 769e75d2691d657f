"""Module 10: the mission brief, built from the participant's workbook.

:func:`build_brief` reads the workbook and returns a :class:`MissionBrief`: one
section per part of the course, each either filled from the participant's
saved work or marked "to do" with a link to the module that fills it.
:func:`export_brief` writes it next to the workbook (``my-work/``) twice:

* ``mission-brief.html``: one self-contained page (no external resources at
  all: inline CSS, charts as inline SVG through
  :meth:`missionkit.charts.Figure.to_html`), print-friendly, with a ``lang``
  attribute, headings, and labels for screen readers;
* ``mission-brief.md``: the same in Markdown (charts as a description and
  takeaway, with the picture embedded as a data URI).

Everything the participant typed is escaped in both: in HTML with
``html.escape``, in Markdown with HTML entities and backslashes, so
``<script>`` shows as text and never runs.

Sections read (tolerant of missing or half-filled ones): ``framing``
(``mission_statement``, ``criteria_answers``, ``mission_map``), ``litmus``
(``challenge``, ``support``, ``objective``, ``commitment``), ``governance``,
``stakeholders``, ``portfolio``, ``indicators`` (``theory_of_change``,
``draft_indicators``), ``readiness`` (``scores`` and ``teammate:<name>``) and
``capstone`` (``ask``, ``peer_review``, ``peer_feedback``). Keys this module
does not know are shown as they are.

The peer-review checklist (:data:`PEER_REVIEW`) and the exercise check
(:func:`check_peer_review`) are OUR PROPOSAL.
"""
from __future__ import annotations

import base64
import html
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from missionkit import case, catalogue
from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank, md_escape

__all__ = [
    "SECTIONS", "PEER_REVIEW", "PEER_ANSWERS", "Block", "BriefSection", "MissionBrief", "ExportResult",
    "build_brief", "export_brief", "check_peer_review", "case_example_workbook", "md_escape", "module_link",
    "save_ask", "example_path", "peer_review_table", "preview", "Note", "Preview",
]

CAPSTONE = "capstone"
TEAMMATE_PREFIX = "teammate:"
MODULE_FILES = {
    "01": "01-missions", "02": "02-framing", "03": "03-scanning", "04": "04-governance",
    "05": "05-stakeholders", "06": "06-diagnostics", "07": "07-portfolio", "08": "08-monitoring",
    "09": "09-readiness", "10": "10-capstone",
}


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    module: str
    module_title: str
    what: str  # what the section should say, shown when it is still to do


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("mission", "The mission", "02", "Framing a mission",
                "your mission statement: what changes, for whom, from what baseline, to what target, by when"),
    SectionSpec("litmus", "Why a mission", "01", "Missions: what they are and when to use one",
                "the Mission Litmus Test: challenge, support, objective and commitment, with evidence"),
    SectionSpec("map", "Mission map", "02", "Framing a mission",
                "the challenge, the mission, its objectives and the projects under each"),
    SectionSpec("governance", "Governance", "04", "Governing a mission",
                "who owns the mission and each objective, who sits on the board, what they decide"),
    SectionSpec("stakeholders", "Stakeholders", "05", "Stakeholders and legitimacy",
                "who must be involved, including those who may resist, and how"),
    SectionSpec("portfolio", "Portfolio decisions", "07", "Managing the portfolio",
                "what to continue, scale, pivot, pause or stop, and why"),
    SectionSpec("indicators", "Indicators and learning", "08", "Monitoring and evaluation",
                "the theory of change and the indicators, with baselines, targets and data owners"),
    SectionSpec("readiness", "Readiness gaps", "09", "Readiness and partners",
                "the readiness scores, the weakest dimensions and any stop-and-fix signal"),
)

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
PEER_ANSWERS = ("yes", "partly", "no")

#: A reading of the Marenta worked example (FICTIONAL) against the checklist, with the evidence for each
#: answer: Module 10's Exercise 2 reviews that brief. One step away ("partly" for "yes") is judgment;
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


# --------------------------------------------------------------------------- escaping
def _h(text: Any) -> str:
    return html.escape(str(text), quote=True)






# --------------------------------------------------------------------------- blocks
@dataclass
class Block:
    """One piece of a section: "text", "bullets", "table", "pairs", "quote" or "figure"."""

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    caption: str = ""
    figure: Any = None
    strong: bool = False
    _static: str | None = field(default=None, repr=False)

    def static(self) -> str:
        """The figure's ``Figure.to_html()`` (inline SVG and takeaway), drawn once."""
        if self._static is None:
            self._static = self.figure.to_html()
        return self._static

    def to_html(self, prefix: str = "") -> str:
        if self.kind == "text":
            inner = f"<strong>{_h(self.text)}</strong>" if self.strong else _h(self.text)
            return f"<p>{inner}</p>"
        if self.kind == "quote":
            return f'<blockquote class="statement">{_h(self.text)}</blockquote>'
        if self.kind == "bullets":
            lead = f"<p>{_h(self.text)}</p>" if self.text else ""
            return lead + "<ul>" + "".join(f"<li>{_h(i)}</li>" for i in self.items) + "</ul>"
        if self.kind == "pairs":
            return '<dl class="pairs">' + "".join(f"<dt>{_h(k)}</dt><dd>{_h(v)}</dd>" for k, v in self.items) + "</dl>"
        if self.kind == "table":
            cap = f"<caption>{_h(self.caption)}</caption>" if self.caption else ""
            head = "".join(f'<th scope="col">{_h(c)}</th>' for c in self.headers)
            body = "".join("<tr>" + "".join(
                (f'<th scope="row">{_h(c)}</th>' if j == 0 else f"<td>{_h(c)}</td>") for j, c in enumerate(r))
                + "</tr>" for r in self.rows)
            return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        if self.kind == "figure":
            return _figure_html(self.static(), self.figure.spec(), prefix)
        raise ValueError(f"unknown block kind {self.kind!r}")  # pragma: no cover - a developer mistake

    def to_markdown(self, images: bool = True) -> str:
        if self.kind == "text":
            t = md_escape(self.text)
            return f"**{t}**" if self.strong else t
        if self.kind == "quote":
            return "> " + md_escape(self.text)
        if self.kind == "bullets":
            lead = md_escape(self.text) + "\n\n" if self.text else ""
            return lead + "\n".join(f"- {md_escape(i)}" for i in self.items)
        if self.kind == "pairs":
            return "\n".join(f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in self.items)
        if self.kind == "table":
            cap = f"*{md_escape(self.caption)}*\n\n" if self.caption else ""
            head = "| " + " | ".join(md_escape(c) for c in self.headers) + " |"
            sep = "|" + "---|" * len(self.headers)
            body = "\n".join("| " + " | ".join(md_escape(c) or " " for c in r) + " |" for r in self.rows)
            return f"{cap}{head}\n{sep}\n{body}"
        if self.kind == "figure":
            spec = self.figure.spec()
            desc = spec.get("description", "Chart")
            out = ""
            svg = re.search(r"<svg\b.*</svg>", self.static(), re.S)
            if images and svg:
                data = base64.b64encode(svg.group(0).encode("utf-8")).decode("ascii")
                out = f"![{md_escape(_title(spec))}](data:image/svg+xml;base64,{data})\n\n"
            return out + f"*Chart: {md_escape(desc)}*\n\n**Takeaway:** {md_escape(self.figure.takeaway)}"
        raise ValueError(f"unknown block kind {self.kind!r}")  # pragma: no cover


def _title(spec: Mapping) -> str:
    t = spec.get("title", "Chart")
    return t.get("text", "Chart") if isinstance(t, Mapping) else str(t)


def _figure_html(out: str, spec: Mapping, prefix: str) -> str:
    """A figure's static HTML with ids made unique and the SVG labelled for screen readers."""
    label = _h(f"{_title(spec)}. {spec.get('description', '')}")
    out = out.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    ids = set(re.findall(r'\bid="([^"]+)"', out))
    for i in ids:
        new = f"{prefix}-{i}"
        out = out.replace(f'id="{i}"', f'id="{new}"').replace(f"url(#{i})", f"url(#{new})").replace(
            f'href="#{i}"', f'href="#{new}"')
    return out


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

    def todo_text(self) -> str:
        return (f"To do: this part is not in your workbook yet. Module {self.module}, {self.module_title}, "
                f"helps you write {self.what}.")


def _blank(value: Any) -> bool:
    if isinstance(value, Mapping):
        return all(_blank(v) for v in value.values()) if value else True
    if isinstance(value, (list, tuple)):
        return all(_blank(v) for v in value) if value else True
    if isinstance(value, bool):
        return False
    return is_blank(value)


def _label(key: str) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "; ".join(_plain(v) for v in value if not _blank(v))
    if isinstance(value, Mapping):
        return "; ".join(f"{_label(k)}: {_plain(v)}" for k, v in value.items() if not _blank(v))
    return str(value).strip()


def _generic(key: str, value: Any, limit: int = 15) -> list[Block]:
    """Any JSON value as blocks: text, a list, a table of dicts, or label: value pairs."""
    label = _label(key)
    if _blank(value):
        return []
    if isinstance(value, Mapping):
        if value and all(isinstance(v, Mapping) for v in value.values()):
            cols = list(dict.fromkeys(c for v in value.values() for c in v))[:6]
            rows = [[k] + [_plain(v.get(c)) for c in cols] for k, v in list(value.items())[:limit]]
            return [Block("table", headers=[""] + [_label(c) for c in cols], rows=rows, caption=label)]
        return [Block("pairs", items=[(f"{label}: {_label(k)}", _plain(v)) for k, v in list(value.items())[:limit]
                                      if not _blank(v)])]
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, Mapping) for v in value):
            cols = list(dict.fromkeys(c for v in value for c in v))[:7]
            rows = [[_plain(v.get(c)) for c in cols] for v in value[:limit] if not _blank(v)]
            return [Block("table", headers=[_label(c) for c in cols], rows=rows, caption=label)]
        items = [_plain(v) for v in value if not _blank(v)]
        more = [f"… and {len(items) - limit} more"] if len(items) > limit else []
        return [Block("bullets", text=f"{label}:", items=items[:limit] + more)]
    return [Block("pairs", items=[(label, _plain(value))])]


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
                 _plain(v)) for k, v in answers.items() if not _blank(v)]
        if said:
            blocks.append(Block("pairs", items=said))
    return True, blocks


_STEPS = ("challenge", "support", "objective", "commitment")


def _litmus(sec: Mapping) -> tuple[bool, list[Block]]:
    steps = {k: sec.get(k) for k in _STEPS if not _blank(sec.get(k))}
    if not steps:
        return False, _generic_section(sec)
    rows = []
    for k in _STEPS:
        v = sec.get(k)
        answer = v.get("answer") or v.get("rating") if isinstance(v, Mapping) else v
        evidence = v.get("evidence", "") if isinstance(v, Mapping) else ""
        rows.append([_label(k), _plain(answer) or "not rated", _plain(evidence)])
    blocks = [Block("table", headers=["Step", "Rating", "Evidence"], rows=rows,
                    caption="The OECD Mission Litmus Test (OECD OPSI / Mission Action Lab)")]
    try:
        from missionkit.missions import litmus

        verdict = litmus.litmus_verdict(litmus.parse_answers({k: sec[k] for k in steps}))
        blocks.insert(0, Block("text", text=f"Verdict: {verdict.headline}", strong=True))
    except Exception:  # noqa: BLE001
        pass
    return True, blocks + _generic_section(sec, skip=_STEPS)


def _map(sec: Mapping) -> tuple[bool, list[Block]]:
    value = sec.get("mission_map")
    if _blank(value):
        return False, []
    try:
        from missionkit.framing.charts import mission_map_chart
        from missionkit.framing.mission_map import parse_mission_map

        m = parse_mission_map(value)
        fig = mission_map_chart(m, 3, title="Mission map")
        blocks = [Block("figure", figure=fig)]
        outline = [f"{o.code} {o.name}" + (f": {o.detail}" if o.detail else "")
                   + f" ({len(m.projects_for(o.code))} project{'s' if len(m.projects_for(o.code)) != 1 else ''})"
                   for o in m.objectives]
        if outline:
            blocks.append(Block("bullets", text="Objectives:", items=outline))
        return True, blocks
    except Exception:  # noqa: BLE001
        return True, _generic("mission_map", value)


def _portfolio(sec: Mapping) -> tuple[bool, list[Block]]:
    if _blank(sec):
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
            if not _blank(value.get("note")):
                blocks.append(Block("pairs", items=[("Why", _plain(value["note"]))]))
        else:
            blocks += _generic(key, value)
    return bool(blocks), blocks


def _indicators(sec: Mapping) -> tuple[bool, list[Block]]:
    if _blank(sec):
        return False, []
    blocks: list[Block] = []
    toc = sec.get("theory_of_change")
    if isinstance(toc, Mapping) and not _blank(toc):
        rows = [[_label(k), _plain(v)] for k, v in toc.items() if not _blank(v)]
        blocks.append(Block("table", headers=["Level", "What"], rows=rows, caption="Theory of change"))
    drafts = sec.get("draft_indicators")
    if isinstance(drafts, list) and not _blank(drafts):
        wanted = ("name", "level", "unit", "baseline", "baseline_year", "target", "target_year", "data_owner")
        rows = []
        for d in drafts:
            if isinstance(d, Mapping) and not _blank(d):
                rows.append([_plain(d.get(c)) for c in wanted])
        if rows:
            blocks.append(Block("table", headers=[_label(c) for c in wanted], rows=rows, caption="Indicators"))
    blocks += _generic_section(sec, skip=("theory_of_change", "draft_indicators"))
    return bool(blocks), blocks


def _readiness(sec: Mapping, owner: str | None) -> tuple[bool, list[Block]]:
    from missionkit.readiness import scorecard as readiness

    by = readiness.scores_from_workbook(sec, me=owner or "You")
    try:
        p = readiness.readiness_profile(by)
    except MissionkitInputError as error:
        return True, [Block("text", text=f"Your readiness scores could not be read: {error.message}")]
    if not p.assessors:
        return False, []
    blocks = [Block("bullets", items=p.sentences())]
    try:
        from missionkit.readiness.charts import profile_chart

        blocks.append(Block("figure", figure=profile_chart(by, subtitle="The scorecard is this course's proposal. "
                                                           "Diamond: median; line: the assessors' spread.")))
    except Exception:  # noqa: BLE001
        pass
    gaps = [[readiness.dimension_label(c), f"{p.table.loc[c, 'median']:g}", p.table.loc[c, "scores"],
             p.table.loc[c, "signal"]] for c in readiness.DIMENSION_CODES
            if c in p.weakest or c in p.stop_and_fix or c in p.disagreements]
    if gaps:
        blocks.append(Block("table", headers=["Dimension", "Median", "Scores", "Signal"], rows=gaps,
                            caption="Gaps to work on"))
    return True, blocks


# --------------------------------------------------------------------------- links
def _course_root(start: Path | None = None) -> Path | None:
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
    root = root or _course_root(folder)
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

    # ---- HTML
    def to_html(self) -> str:
        who = f"Prepared by {self.owner}" if self.owner else "Prepared with Mission Bootcamp"
        title = "Mission brief"
        parts = [
            "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(title)}{(' — ' + _h(self.owner)) if self.owner else ''}</title>",
            f"<style>{CSS}</style>", "</head>", "<body>",
            '<header role="banner">', f"<h1>{_h(title)}</h1>", f'<p class="meta">{_h(who)}</p>',
        ]
        if self.fictional:
            parts.append('<p class="fictional"><strong>FICTIONAL worked example:</strong> the Republic of Marenta, '
                         "its cities, organisations and numbers are invented for teaching.</p>")
        parts.append(f'<p class="progress" role="status">{_h(self.summary())}</p>')
        parts.append('<nav aria-label="Sections of the brief"><ol>' + "".join(
            f'<li><a href="#{s.key}">{_h(s.title)}</a>{"" if s.done else " <em>(to do)</em>"}</li>'
            for s in self.sections) + '<li><a href="#peer-review">Peer review</a></li></ol></nav>')
        parts.append("</header>")
        parts.append('<main id="content">')
        if self.ask.strip():
            parts.append('<section id="ask" aria-labelledby="h-ask" class="ask"><h2 id="h-ask">The decision we ask '
                         f"for</h2><p>{_h(self.ask.strip())}</p></section>")
        for i, s in enumerate(self.sections, 1):
            cls = "done" if s.done else "todo"
            parts.append(f'<section id="{s.key}" class="{cls}" aria-labelledby="h-{s.key}">'
                         f'<h2 id="h-{s.key}">{i}. {_h(s.title)}</h2>')
            if s.done:
                parts += [b.to_html(prefix=f"{s.key}{j}") for j, b in enumerate(s.blocks)]
                parts.append(f'<p class="source">From your work in <a href="{_h(s.notebook)}">Module {s.module}: '
                             f"{_h(s.module_title)}</a>.</p>")
            else:
                parts.append(f'<p><span class="badge">To do</span> This part is not in your workbook yet. Open '
                             f'<a href="{_h(s.notebook)}">Module {s.module}: {_h(s.module_title)}</a> to write '
                             f"{_h(s.what)}.</p>")
            parts.append("</section>")
        parts.append(self._peer_html())
        parts.append("</main>")
        parts.append('<footer role="contentinfo"><p>Made with Mission Bootcamp from your workbook. The readiness '
                     "scorecard and the peer-review checklist are the course's proposals, not published OECD "
                     "methods.</p></footer>")
        parts.append("</body></html>")
        return "\n".join(parts) + "\n"

    def _peer_html(self) -> str:
        rows = []
        for k, q in PEER_REVIEW.items():
            a = self.peer_review.get(k)
            mark = _h(a) if isinstance(a, str) and a.strip() else "☐ yes ☐ partly ☐ no"
            rows.append(f'<tr><th scope="row">{_h(q)}</th><td>{mark}</td></tr>')
        fb = (f"<p><strong>Feedback for the author:</strong> {_h(self.peer_feedback)}</p>" if self.peer_feedback
              else '<p class="write-in"><strong>Feedback for the author:</strong></p>')
        return ('<section id="peer-review" aria-labelledby="h-peer-review" class="peer">'
                '<h2 id="h-peer-review">Peer review</h2><p>A colleague reads the brief and answers each question '
                "(the checklist is the course's proposal).</p>"
                '<table><caption>Peer-review checklist</caption><thead><tr><th scope="col">Question</th>'
                f'<th scope="col">Answer</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{fb}</section>')

    # ---- Markdown
    def to_markdown(self, images: bool = True) -> str:
        lines = ["# Mission brief", ""]
        lines += [f"*Prepared by {md_escape(self.owner)}*" if self.owner else "*Prepared with Mission Bootcamp*", ""]
        if self.fictional:
            lines += ["**FICTIONAL worked example:** the Republic of Marenta, its cities, organisations and numbers "
                      "are invented for teaching.", ""]
        lines += [md_escape(self.summary()), ""]
        if self.ask.strip():
            lines += ["## The decision we ask for", "", md_escape(self.ask), ""]
        for i, s in enumerate(self.sections, 1):
            lines += [f"## {i}. {s.title}", ""]
            if s.done:
                for b in s.blocks:
                    lines += [b.to_markdown(images=images), ""]
                lines += [f"*From your work in [Module {s.module}: {s.module_title}]({s.notebook}).*", ""]
            else:
                lines += [f"**To do.** This part is not in your workbook yet. Open [Module {s.module}: "
                          f"{s.module_title}]({s.notebook}) to write {s.what}.", ""]
        lines += ["## Peer review", "", "A colleague reads the brief and answers each question (the checklist is "
                  "the course's proposal).", "", "| Question | Answer |", "|---|---|"]
        for k, q in PEER_REVIEW.items():
            a = self.peer_review.get(k)
            lines.append(f"| {md_escape(q)} | {md_escape(a) if isinstance(a, str) and a.strip() else '☐ yes ☐ partly ☐ no'} |")
        lines += ["", f"**Feedback for the author:** {md_escape(self.peer_feedback)}" if self.peer_feedback
                  else "**Feedback for the author:**", ""]
        return "\n".join(lines)

    # ---- notebook display: a light status table, not the whole brief
    def _repr_html_(self) -> str:
        rows = "".join(
            f'<tr><th scope="row">{_h(s.title)}</th><td>Module {s.module}</td>'
            f"<td>{'✅ done' if s.done else '✏️ to do'}</td></tr>" for s in self.sections)
        return (f'<div class="missionkit-brief-status"><p>{_h(self.summary())}</p><table><thead><tr>'
                '<th scope="col">Section</th><th scope="col">From</th><th scope="col">Status</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")

    def __repr__(self) -> str:
        return self.summary()


CSS = """
:root{color-scheme:light}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.45;color:#111;
background:#fff;max-width:52em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.6em;margin:0 0 .2em}
h2{font-size:1.15em;border-bottom:2px solid #0072B2;padding-bottom:.15em;margin:1.2em 0 .5em}
.meta,.progress{color:#333;margin:.2em 0}
.fictional{background:#FFF4D6;border-left:4px solid #E69F00;padding:.4em .7em}
nav ol{columns:2;margin:.5em 0;padding-left:1.4em}
a{color:#005A8C}
blockquote.statement{font-size:1.1em;border-left:4px solid #0072B2;margin:.5em 0;padding:.3em .8em;
background:#F2F7FB}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.95em}
caption{text-align:left;font-weight:bold;padding:.2em 0}
th,td{border:1px solid #BBB;padding:.25em .45em;text-align:left;vertical-align:top}
thead th{background:#EEE}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.2em .8em;margin:.5em 0}
dl.pairs dt{font-weight:bold}
dl.pairs dd{margin:0}
figure{margin:.6em 0}
figure svg{max-width:100%;height:auto}
figcaption{font-size:.95em}
section.todo{border:1px dashed #999;padding:.2em .8em;background:#FAFAFA}
section.todo h2{border-bottom-color:#999}
.badge{display:inline-block;background:#9C3A00;color:#fff;font-weight:bold;padding:0 .4em;border-radius:.2em}
.source{font-size:.9em;color:#333}
.write-in{min-height:4em;border-bottom:1px solid #999}
footer{margin-top:2em;font-size:.85em;color:#333;border-top:1px solid #CCC}
@page{size:A4;margin:15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}nav{display:none}
section{break-inside:avoid-page}figure,table{break-inside:avoid}a{color:#111;text-decoration:none}
.badge{border:1px solid #111;color:#111;background:none}}
""".strip()


def _workbook_folder() -> Path:
    """The participant's own workbook folder (my-work/), not the example's."""
    from missionkit.workbook import resolve_workbook_path

    return resolve_workbook_path().parent


def _workbook(wb: Any):
    from missionkit.workbook import Workbook

    if wb is None:
        return Workbook.open()
    if isinstance(wb, (str, os.PathLike)):
        return Workbook.open(wb)
    return wb


def build_brief(wb: Any = None, *, folder: str | os.PathLike | None = None,
                root: str | os.PathLike | None = None) -> MissionBrief:
    """Read the workbook (yours by default, or a path) and build the brief.

    ``folder``: where the brief will be written (default: the workbook's
    folder), so the "to do" links point to the module notebooks from there.
    """
    wb = _workbook(wb)
    data = wb.to_dict()
    sections = data.get("sections", {})
    meta = data.get("meta", {})
    owner = meta.get("owner")
    fictional = "FICTIONAL" in f"{owner or ''} {meta.get('note') or ''}"
    out = Path(folder) if folder is not None else wb.path.parent
    root_path = Path(root) if root is not None else _course_root(out)

    def sec(name: str) -> Mapping:
        v = sections.get(name, {})
        return v if isinstance(v, Mapping) else {}

    built: list[BriefSection] = []
    for spec in SECTIONS:
        if spec.key == "mission":
            done, blocks = _mission(sec("framing"))
        elif spec.key == "litmus":
            done, blocks = _litmus(sec("litmus"))
        elif spec.key == "map":
            done, blocks = _map(sec("framing"))
        elif spec.key == "portfolio":
            done, blocks = _portfolio(sec("portfolio"))
        elif spec.key == "indicators":
            done, blocks = _indicators(sec("indicators"))
        elif spec.key == "readiness":
            done, blocks = _readiness(sec("readiness"), owner)
        else:
            blocks = _generic_section(sec(spec.key))
            done = bool(blocks)
        built.append(BriefSection(spec.key, spec.title, spec.module, spec.module_title,
                                  module_link(spec.module, out, root_path), done, blocks if done else [], spec.what))
    cap = sec(CAPSTONE)
    review = cap.get("peer_review") if isinstance(cap.get("peer_review"), Mapping) else {}
    return MissionBrief(owner=owner, sections=built, ask=_plain(cap.get("ask")) if not _blank(cap.get("ask")) else "",
                        peer_review={k: _plain(v) for k, v in review.items()},
                        peer_feedback=_plain(cap.get("peer_feedback")) if not _blank(cap.get("peer_feedback")) else "",
                        fictional=fictional)


@dataclass
class ExportResult:
    """The files written, and the brief they hold."""

    html_path: Path
    markdown_path: Path
    brief: MissionBrief
    workbook_folder: Path | None = None

    def where(self) -> str:
        """Where the files are, said the way the file browser shows it (never a machine's full path)."""
        folder = self.html_path.parent
        home = self.workbook_folder
        if home is not None:
            if folder.resolve() == home.resolve():
                return "next to your workbook"
            try:
                inner = folder.resolve().relative_to(home.resolve())
                return f"in the folder {inner.as_posix()}, beside your workbook"
            except ValueError:
                pass
        return f"in the folder {folder.name}"

    def _repr_html_(self) -> str:
        return (f'<div class="missionkit-feedback" role="status"><p><strong>Your brief is written</strong> '
                f"{_h(self.where())}: <code>{_h(self.html_path.name)}</code> (open it in a browser, "
                f"print it or save it as PDF) and <code>{_h(self.markdown_path.name)}</code> (to paste into a "
                f"document). In JupyterLab, find them in the file browser.</p>{self.brief._repr_html_()}</div>")

    def __repr__(self) -> str:
        return (f"Written {self.where()}: {self.html_path.name} and {self.markdown_path.name}. "
                f"{self.brief.summary()}")


def export_brief(wb: Any = None, folder: str | os.PathLike | None = None,
                 name: str = "mission-brief") -> ExportResult:
    """Write ``<name>.html`` and ``<name>.md`` next to the workbook (or in ``folder``)."""
    wb = _workbook(wb)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,80}", str(name)) or str(name).endswith("."):
        raise MissionkitInputError(f"'{name}' is not a usable file name for the brief",
                                   fix="Use letters, numbers, spaces, dots, dashes or underscores, e.g. "
                                       "'mission-brief'")
    out = Path(folder) if folder is not None else wb.path.parent
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MissionkitInputError(f"The folder for your brief cannot be created ({exc.strerror})",
                                   fix="Choose a folder you may write to", file=str(out)) from None
    b = build_brief(wb, folder=out)
    html_path, md_path = out / f"{name}.html", out / f"{name}.md"
    try:
        html_path.write_text(b.to_html(), encoding="utf-8")
        md_path.write_text(b.to_markdown(), encoding="utf-8")
    except OSError as exc:
        raise MissionkitInputError(f"Your brief could not be written ({exc.strerror})",
                                   fix="Check the disk is not full and the folder is writable",
                                   file=str(html_path)) from None
    return ExportResult(html_path, md_path, b, workbook_folder=_workbook_folder())


@dataclass
class Note:
    """A one-line message for a notebook cell."""

    text: str
    ok: bool = True

    def _repr_html_(self) -> str:
        return f'<p class="missionkit-save-status" role="status"><em>{_h(self.text)}</em></p>'

    def __repr__(self) -> str:
        return self.text


def save_ask(text: Any, wb: Any = None) -> Note:
    """Save "the decision we ask for" (one or two sentences) to the workbook, section "capstone"."""
    if is_blank(text) or not isinstance(text, str):
        return Note("Nothing saved yet: write one or two sentences in quotes, then run the cell again.", ok=False)
    wb = _workbook(wb)
    wb.set(CAPSTONE, "ask", text.strip())
    words = len(text.split())
    extra = " It is long for an opening: a minister reads the first two sentences." if words > 60 else ""
    return Note(f"Saved to your workbook (section \u201c{CAPSTONE}\u201d).{extra}")


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
    status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths, improve,
                    why="A brief that ends without a clear, costed decision gets noted, not acted on. "
                        "The mission needs decision rights and money, not only support (the Litmus Test's "
                        "'commitment' step).",
                    sources=[catalogue.citation("opsi-litmus", "inline", mark_secondary=True)])


def example_path() -> Path:
    """Where the Marenta worked example lives: a folder of its own beside your workbook."""
    from missionkit.workbook import resolve_workbook_path

    return resolve_workbook_path().parent / "marenta-example" / "workbook.json"


def peer_review_table():
    """The peer-review checklist (OUR PROPOSAL) as a table: key and question."""
    import pandas as pd

    return pd.DataFrame({"key": list(PEER_REVIEW), "question": list(PEER_REVIEW.values())}).set_index("key")


@dataclass
class Preview:
    """The brief as Markdown, without pictures, for a notebook cell."""

    markdown: str

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def preview(wb: Any = None) -> Preview:
    """The brief as it stands, as Markdown (charts as their description and takeaway)."""
    root = _course_root()
    folder = root / "my-work" if root is not None else None  # links read from the course's my-work/ folder
    return Preview(build_brief(wb, folder=folder, root=root).to_markdown(images=False))


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
    status = "good" if not improve else ("partly" if strengths else "revise")
    return Feedback(status, title, strengths=strengths, improve=improve,
                    why="A peer review is only useful if it is honest and specific: a brief that goes to a minister "
                        "with a gap nobody named will be found out later, at higher cost.",
                    sources=[OUR_PROPOSAL])


# --------------------------------------------------------------------------- the case's worked example
#: Round-2 decisions for the eleven focus projects, as in Module 07's worked solution
#: (solutions/07-portfolio-solution.ipynb; a test keeps the two the same). FICTIONAL case.
ROUND2_EXAMPLE: dict[str, str] = {
    "PR02": "continue", "PR04": "continue", "PR08": "continue", "PR16": "scale", "PR21": "scale",
    "PR26": "pivot", "PR27": "sunset", "PR32": "pivot", "PR33": "scale", "PR43": "sunset", "PR47": "pause",
}


def _case_sections() -> dict[str, dict]:
    """The Marenta worked example for every section (FICTIONAL)."""
    from missionkit.framing.mission_map import marenta_mission_map
    from missionkit.readiness import scorecard as readiness

    scores = case.load("readiness")
    team = {}
    for a in dict.fromkeys(scores["assessor"]):
        team[a] = readiness.assessor_scores(scores, a)
    readiness_sec = {TEAMMATE_PREFIX + a: {"scores": s} for a, s in team.items()}
    projects = case.load("projects")
    col = case.REVIEW_ROUNDS[case.CURRENT_ROUND]
    under = projects[projects[col].notna()]
    decisions = {r.project_id: r[col] for _, r in under.iterrows()} if len(under) else {}
    decisions.update(ROUND2_EXAMPLE)  # the eleven focus projects: the worked solution of Module 07
    gov = case.GOVERNANCE
    return {
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
        CAPSTONE: {"ask": "Give the mission board terms of reference with the right to approve the portfolio "
                          "before money is committed, and open a call for O4 Fair access projects with the money "
                          "round 2 frees (fictional)."},
    }


def case_example_workbook(path: str | os.PathLike, *, base: Any = None):
    """A workbook at ``path`` holding the Marenta worked example (FICTIONAL) in every section.

    ``base`` (a workbook or a path, e.g. the fixture) is copied first; then
    each section of the example fills what is missing. Your own workbook is
    never touched.
    """
    from missionkit.workbook import Workbook

    target = Path(path).expanduser().resolve()
    if base is not None:
        src = _workbook(base)
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
