"""Module 12: the mission brief written out, with its charts: HTML and Markdown.

:func:`export_brief` writes the brief next to the workbook (``my-work/``) twice:

* ``mission-brief.html``: one self-contained page (no external resources at
  all: inline CSS, charts as inline SVG through
  :meth:`missionkit.charts.Figure.to_html`), print-friendly, with a ``lang``
  attribute, headings, and labels for screen readers;
* ``mission-brief.md``: the same in Markdown (charts as a description and
  takeaway, with the picture embedded as a data URI).

Everything the participant typed is escaped in both: in HTML with
``html.escape``, in Markdown with HTML entities and backslashes, so
``<script>`` shows as text and never runs. The charts come from Module 03 (the
mission map) and Module 11 (the readiness profile); :func:`draw_figures` draws
them once per brief.
"""
from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from missionkit.capstone.brief import (
    PEER_REVIEW,
    MissionBrief,
    build_brief,
    course_root,
    escape_html,
    workbook_from,
)
from missionkit.capstone.sections import Block
from missionkit.errors import MissionkitInputError
from missionkit.feedback import md_escape
from missionkit.workbook import atomic_write

__all__ = [
    "CSS", "draw_figures", "block_html", "block_markdown", "brief_html", "brief_markdown", "ExportResult",
    "export_brief", "Preview", "preview", "md_escape", "PLAN_CSS", "plan_html", "plan_markdown", "export_plan",
    "preview_plan",
]

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


# --------------------------------------------------------------------------- figures
def _draw(block: Block) -> Any:
    """The chart a figure block names, drawn from its data."""
    if block.chart == "mission_map":
        from missionkit.framing.charts import mission_map_chart

        return mission_map_chart(block.data, 3, title="Mission map")
    if block.chart == "readiness_profile":
        from missionkit.readiness.charts import profile_chart

        return profile_chart(block.data, subtitle="The scorecard is this course's proposal. "
                                                  "Diamond: median; line: the assessors' spread.")
    raise ValueError(f"unknown chart {block.chart!r}")  # pragma: no cover - a developer mistake


def draw_figures(brief: MissionBrief) -> None:
    """Draw every figure of the brief once; a chart that cannot be drawn gives way to its fallback."""
    for s in brief.sections:
        for block in list(s.blocks):
            if block.kind != "figure" or block.figure is not None:
                continue
            try:
                block.figure = _draw(block)
            except Exception:  # noqa: BLE001 - another module's chart must never stop the brief
                if block.fallback is not None:
                    s.blocks = list(block.fallback)
                    break
                s.blocks.remove(block)


def static_html(block: Block) -> str:
    """The figure's ``Figure.to_html()`` (inline SVG and takeaway), drawn once."""
    if block.static_html is None:
        block.static_html = block.figure.to_html()
    return block.static_html


def _title(spec: Mapping) -> str:
    t = spec.get("title", "Chart")
    return t.get("text", "Chart") if isinstance(t, Mapping) else str(t)


def _figure_html(out: str, spec: Mapping, prefix: str) -> str:
    """A figure's static HTML with ids made unique and the SVG labelled for screen readers."""
    label = escape_html(f"{_title(spec)}. {spec.get('description', '')}")
    out = out.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    ids = set(re.findall(r'\bid="([^"]+)"', out))
    for i in ids:
        new = f"{prefix}-{i}"
        out = out.replace(f'id="{i}"', f'id="{new}"').replace(f"url(#{i})", f"url(#{new})").replace(
            f'href="#{i}"', f'href="#{new}"')
    return out


def block_html(block: Block, prefix: str = "") -> str:
    """A block as HTML; everything the participant typed is escaped."""
    if block.kind == "text":
        inner = f"<strong>{escape_html(block.text)}</strong>" if block.strong else escape_html(block.text)
        return f"<p>{inner}</p>"
    if block.kind == "quote":
        return f'<blockquote class="statement">{escape_html(block.text)}</blockquote>'
    if block.kind == "bullets":
        lead = f"<p>{escape_html(block.text)}</p>" if block.text else ""
        return lead + "<ul>" + "".join(f"<li>{escape_html(i)}</li>" for i in block.items) + "</ul>"
    if block.kind == "pairs":
        return '<dl class="pairs">' + "".join(f"<dt>{escape_html(k)}</dt><dd>{escape_html(v)}</dd>"
                                              for k, v in block.items) + "</dl>"
    if block.kind == "table":
        cap = f"<caption>{escape_html(block.caption)}</caption>" if block.caption else ""
        head = "".join(f'<th scope="col">{escape_html(c)}</th>' for c in block.headers)
        body = "".join("<tr>" + "".join(
            (f'<th scope="row">{escape_html(c)}</th>' if j == 0 else f"<td>{escape_html(c)}</td>")
            for j, c in enumerate(r))
            + "</tr>" for r in block.rows)
        return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if block.kind == "figure":
        return _figure_html(static_html(block), block.figure.spec(), prefix)
    raise ValueError(f"unknown block kind {block.kind!r}")  # pragma: no cover - a developer mistake


def block_markdown(block: Block, images: bool = True) -> str:
    """A block as Markdown; a figure as its picture (a data URI), description and takeaway."""
    if block.kind == "text":
        t = md_escape(block.text)
        return f"**{t}**" if block.strong else t
    if block.kind == "quote":
        return "> " + md_escape(block.text)
    if block.kind == "bullets":
        lead = md_escape(block.text) + "\n\n" if block.text else ""
        return lead + "\n".join(f"- {md_escape(i)}" for i in block.items)
    if block.kind == "pairs":
        return "\n".join(f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in block.items)
    if block.kind == "table":
        cap = f"*{md_escape(block.caption)}*\n\n" if block.caption else ""
        head = "| " + " | ".join(md_escape(c) for c in block.headers) + " |"
        sep = "|" + "---|" * len(block.headers)
        body = "\n".join("| " + " | ".join(md_escape(c) or " " for c in r) + " |" for r in block.rows)
        return f"{cap}{head}\n{sep}\n{body}"
    if block.kind == "figure":
        spec = block.figure.spec()
        desc = spec.get("description", "Chart")
        out = ""
        svg = re.search(r"<svg\b.*</svg>", static_html(block), re.S)
        if images and svg:
            data = base64.b64encode(svg.group(0).encode("utf-8")).decode("ascii")
            out = f"![{md_escape(_title(spec))}](data:image/svg+xml;base64,{data})\n\n"
        return out + f"*Chart: {md_escape(desc)}*\n\n**Takeaway:** {md_escape(block.figure.takeaway)}"
    raise ValueError(f"unknown block kind {block.kind!r}")  # pragma: no cover


def _page_head(title: str, owner: str | None, css: str, fictional: bool, summary: str) -> list[str]:
    """The opening of a printable page (brief or plan): head, title, who prepared it, the fictional
    label and the progress line; the caller adds its navigation and closes the header."""
    who = f"Prepared by {owner}" if owner else "Prepared with Mission Bootcamp"
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape_html(title)}{(' — ' + escape_html(owner)) if owner else ''}</title>",
        f"<style>{css}</style>", "</head>", "<body>",
        '<header role="banner">', f"<h1>{escape_html(title)}</h1>", f'<p class="meta">{escape_html(who)}</p>',
    ]
    if fictional:
        parts.append('<p class="fictional"><strong>FICTIONAL worked example:</strong> the Republic of Marenta, '
                     "its cities, organisations and numbers are invented for teaching.</p>")
    parts.append(f'<p class="progress" role="status">{escape_html(summary)}</p>')
    return parts


def brief_html(brief: MissionBrief) -> str:
    """The brief as one self-contained HTML page (inline CSS, charts as inline SVG)."""
    draw_figures(brief)
    parts = _page_head("Mission brief", brief.owner, CSS, brief.fictional, brief.summary())
    parts.append('<nav aria-label="Sections of the brief"><ol>' + "".join(
        f'<li><a href="#{s.key}">{escape_html(s.title)}</a>{"" if s.done else " <em>(to do)</em>"}</li>'
        for s in brief.sections) + '<li><a href="#peer-review">Peer review</a></li></ol></nav>')
    parts.append("</header>")
    parts.append('<main id="content">')
    if brief.ask.strip():
        parts.append('<section id="ask" aria-labelledby="h-ask" class="ask"><h2 id="h-ask">The decision we ask '
                     f"for</h2><p>{escape_html(brief.ask.strip())}</p></section>")
    for i, s in enumerate(brief.sections, 1):
        cls = "done" if s.done else "todo"
        parts.append(f'<section id="{s.key}" class="{cls}" aria-labelledby="h-{s.key}">'
                     f'<h2 id="h-{s.key}">{i}. {escape_html(s.title)}</h2>')
        if s.done:
            parts += [block_html(b, prefix=f"{s.key}{j}") for j, b in enumerate(s.blocks)]
            parts.append(f'<p class="source">From your work in <a href="{escape_html(s.notebook)}">Module {s.module}: '
                         f"{escape_html(s.module_title)}</a>.</p>")
        else:
            parts.append(f'<p><span class="badge">To do</span> This part is not in your workbook yet. Open '
                         f'<a href="{escape_html(s.notebook)}">Module {s.module}: '
                         f'{escape_html(s.module_title)}</a> to write '
                         f"{escape_html(s.what)}.</p>")
        parts.append("</section>")
    parts.append(_peer_html(brief))
    parts.append("</main>")
    parts.append('<footer role="contentinfo"><p>Made with Mission Bootcamp from your workbook. The readiness '
                 "scorecard and the peer-review checklist are the course's proposals, not published OECD "
                 "methods.</p></footer>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _peer_html(brief: MissionBrief) -> str:
    rows = []
    for k, q in PEER_REVIEW.items():
        a = brief.peer_review.get(k)
        mark = escape_html(a) if isinstance(a, str) and a.strip() else "☐ yes ☐ partly ☐ no"
        rows.append(f'<tr><th scope="row">{escape_html(q)}</th><td>{mark}</td></tr>')
    fb = (f"<p><strong>Feedback for the author:</strong> {escape_html(brief.peer_feedback)}</p>" if brief.peer_feedback
          else '<p class="write-in"><strong>Feedback for the author:</strong></p>')
    return ('<section id="peer-review" aria-labelledby="h-peer-review" class="peer">'
            '<h2 id="h-peer-review">Peer review</h2><p>A colleague reads the brief and answers each question '
            "(the checklist is the course's proposal).</p>"
            '<table><caption>Peer-review checklist</caption><thead><tr><th scope="col">Question</th>'
            f'<th scope="col">Answer</th></tr></thead><tbody>{"".join(rows)}</tbody></table>{fb}</section>')


def brief_markdown(brief: MissionBrief, images: bool = True) -> str:
    """The brief in Markdown (charts as a picture, a description and a takeaway; ``images=False``: no picture)."""
    draw_figures(brief)
    lines = ["# Mission brief", ""]
    lines += [f"*Prepared by {md_escape(brief.owner)}*" if brief.owner else "*Prepared with Mission Bootcamp*", ""]
    if brief.fictional:
        lines += ["**FICTIONAL worked example:** the Republic of Marenta, its cities, organisations and numbers "
                  "are invented for teaching.", ""]
    lines += [md_escape(brief.summary()), ""]
    if brief.ask.strip():
        lines += ["## The decision we ask for", "", md_escape(brief.ask), ""]
    for i, s in enumerate(brief.sections, 1):
        lines += [f"## {i}. {s.title}", ""]
        if s.done:
            for b in s.blocks:
                lines += [block_markdown(b, images=images), ""]
            lines += [f"*From your work in [Module {s.module}: {s.module_title}]({s.notebook}).*", ""]
        else:
            lines += [f"**To do.** This part is not in your workbook yet. Open [Module {s.module}: "
                      f"{s.module_title}]({s.notebook}) to write {s.what}.", ""]
    lines += ["## Peer review", "", "A colleague reads the brief and answers each question (the checklist is "
              "the course's proposal).", "", "| Question | Answer |", "|---|---|"]
    for k, q in PEER_REVIEW.items():
        a = brief.peer_review.get(k)
        mark = md_escape(a) if isinstance(a, str) and a.strip() else "☐ yes ☐ partly ☐ no"
        lines.append(f"| {md_escape(q)} | {mark} |")
    lines += ["", f"**Feedback for the author:** {md_escape(brief.peer_feedback)}" if brief.peer_feedback
              else "**Feedback for the author:**", ""]
    return "\n".join(lines)


def _workbook_folder() -> Path:
    """The participant's own workbook folder (my-work/), not the example's."""
    from missionkit.workbook import resolve_workbook_path

    return resolve_workbook_path().parent


@dataclass
class ExportResult:
    """The files written, and the brief (or the plan: ``what="plan"``) they hold."""

    html_path: Path
    markdown_path: Path
    brief: Any  # a MissionBrief, or a MissionPlan for the implementation plan
    workbook_folder: Path | None = None
    what: str = "brief"

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
        return (f'<div class="missionkit-feedback" role="status"><p><strong>Your {escape_html(self.what)} is '
                f"written</strong> "
                f"{escape_html(self.where())}: <code>{escape_html(self.html_path.name)}</code> (open it in a browser, "
                f"print it or save it as PDF) and <code>{escape_html(self.markdown_path.name)}</code> (to paste into a "
                f"document). In JupyterLab, find them in the file browser.</p>{self.brief._repr_html_()}</div>")

    def __repr__(self) -> str:
        return (f"Written {self.where()}: {self.html_path.name} and {self.markdown_path.name}. "
                f"{self.brief.summary()}")


def _output_folder(wb: Any, folder: str | os.PathLike | None, name: str, what: str) -> Path:
    """The folder an export goes to (created if needed), after checking ``name`` is a usable file name."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,80}", str(name)) or str(name).endswith("."):
        raise MissionkitInputError(f"'{name}' is not a usable file name for the {what}",
                                   fix="Use letters, numbers, spaces, dots, dashes or underscores, e.g. "
                                       f"'mission-{what}'")
    out = Path(folder) if folder is not None else wb.path.parent
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MissionkitInputError(f"The folder for your {what} cannot be created ({exc.strerror})",
                                   fix="Choose a folder you may write to", file=str(out)) from None
    return out


def export_brief(wb: Any = None, folder: str | os.PathLike | None = None,
                 name: str = "mission-brief") -> ExportResult:
    """Write ``<name>.html`` and ``<name>.md`` next to the workbook (or in ``folder``)."""
    wb = workbook_from(wb)
    out = _output_folder(wb, folder, name, "brief")
    b = build_brief(wb, folder=out)
    html_path, md_path = out / f"{name}.html", out / f"{name}.md"
    try:
        # atomically: a full disk or a crash leaves the previous good export, never a 0-byte file (issue 17)
        atomic_write(html_path, brief_html(b).encode("utf-8"))
        atomic_write(md_path, brief_markdown(b).encode("utf-8"))
    except OSError as exc:
        raise MissionkitInputError(f"Your brief could not be written ({exc.strerror})",
                                   fix="Check the disk is not full and the folder is writable",
                                   file=str(html_path)) from None
    return ExportResult(html_path, md_path, b, workbook_folder=_workbook_folder())


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
    root = course_root()
    folder = root / "my-work" if root is not None else None  # links read from the course's my-work/ folder
    return Preview(brief_markdown(build_brief(wb, folder=folder, root=root), images=False))


# --------------------------------------------------------------------------- the implementation plan (Module 12)
PLAN_CSS = CSS + """
.decision{font-weight:bold;margin:.3em 0}
.question{color:#333;font-style:italic}
.draft{border-left:3px solid #999;background:#F7F7F7;padding:.2em .8em;margin:.5em 0;font-size:.95em}
.draft p{margin:.3em 0}
.written p{margin:.4em 0}
@media print{.draft{background:none}}
""".rstrip()


def _paragraphs_html(text: str) -> str:
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join("<p>" + "<br>".join(escape_html(line) for line in p.splitlines()) + "</p>" for p in paras)


def _rubric_rows(assessments: Mapping) -> tuple[list[str], list[list[str]]]:
    from missionkit.capstone.rubric import ROLE_NAMES, ROLES, load_rubric

    rubric = load_rubric()
    headers = ["Criterion"] + [ROLE_NAMES[r].capitalize() for r in ROLES]
    rows = []
    for c in rubric.criteria:
        row = [c.name]
        for r in ROLES:
            v = assessments[r].scores.get(c.key)
            row.append(f"{v} {rubric.level_name(v)}" if v else "–")
        rows.append(row)
    return headers, rows


def plan_html(plan: Any, assessments: Mapping | None = None) -> str:
    """The implementation plan as one self-contained, printable HTML page (participant text escaped)."""
    from missionkit.capstone.plan import DECIDED

    parts = _page_head("Mission implementation plan", plan.owner, PLAN_CSS, plan.fictional, plan.summary())
    parts.append('<nav aria-label="Sections of the plan"><ol>' + "".join(
        f'<li><a href="#plan-{s.key}">{escape_html(s.title)}</a>{"" if s.complete else " <em>(to write)</em>"}</li>'
        for s in plan.sections) + '<li><a href="#rubric">Assessment with the rubric</a></li></ol></nav>')
    parts += ["</header>", '<main id="content">']
    for i, s in enumerate(plan.sections, 1):
        parts.append(f'<section id="plan-{s.key}" class="{"done" if s.complete else "todo"}" '
                     f'aria-labelledby="h-plan-{s.key}"><h2 id="h-plan-{s.key}">{i}. {escape_html(s.title)}</h2>')
        if s.complete:
            parts.append(f'<p class="decision">{escape_html(DECIDED[s.decision])}.</p>')
            parts.append(f'<div class="written">{_paragraphs_html(s.text)}</div>')
        else:
            parts.append(f'<p><span class="badge">To write</span> {escape_html(s.judgement.reason)}</p>')
            parts.append(f'<p class="question">{escape_html(s.spec.question)}</p><p class="write-in"></p>')
        if s.draft:
            parts.append('<div class="draft"><p><strong>From your earlier work (the draft):</strong></p><ul>'
                         + "".join(f"<li>{escape_html(line)}</li>" for line in s.draft) + "</ul></div>")
        parts.append("</section>")
    parts.append(_plan_rubric_html(assessments))
    parts += ["</main>", '<footer role="contentinfo"><p>Made with Mission Bootcamp from your workbook. The plan\'s '
              "sections and the rubric are the course's proposals, not a published method.</p></footer>",
              "</body></html>"]
    return "\n".join(parts) + "\n"


def _plan_rubric_html(assessments: Mapping | None) -> str:
    from missionkit.capstone.rubric import ROLE_NAMES, ROLES

    if assessments is None:
        return ""
    headers, rows = _rubric_rows(assessments)
    notes = "".join(f"<p><strong>{escape_html(ROLE_NAMES[r].capitalize())}"
                    f"{(' by ' + escape_html(assessments[r].by)) if assessments[r].by else ''}:</strong> "
                    f"{escape_html(assessments[r].note)}</p>" for r in ROLES if assessments[r].note.strip())
    table = block_html(Block("table", headers=headers, rows=rows,
                             caption="Levels: 1 Not yet, 2 Emerging, 3 Sound, 4 Strong (the course's rubric)"))
    return (f'<section id="rubric" aria-labelledby="h-rubric"><h2 id="h-rubric">Assessment with the rubric</h2>'
            f"{table}{notes}</section>")


def plan_markdown(plan: Any, assessments: Mapping | None = None) -> str:
    """The implementation plan in Markdown (participant text escaped)."""
    from missionkit.capstone.plan import DECIDED
    from missionkit.capstone.rubric import ROLE_NAMES, ROLES

    lines = ["# Mission implementation plan", ""]
    lines += [f"*Prepared by {md_escape(plan.owner)}*" if plan.owner else "*Prepared with Mission Bootcamp*", ""]
    if plan.fictional:
        lines += ["**FICTIONAL worked example:** the Republic of Marenta, its cities, organisations and numbers "
                  "are invented for teaching.", ""]
    lines += [md_escape(plan.summary()), ""]
    for i, s in enumerate(plan.sections, 1):
        lines += [f"## {i}. {s.title}", ""]
        if s.complete:
            lines += [f"**{DECIDED[s.decision]}.**", ""]
            lines += [md_escape(p) + "\n" for p in re.split(r"\n\s*\n", s.text.strip()) if p.strip()]
        else:
            lines += [f"**To write.** {md_escape(s.judgement.reason)}", "", f"*{md_escape(s.spec.question)}*", ""]
        if s.draft:
            lines += ["From your earlier work (the draft):", ""] + [f"> - {md_escape(x)}" for x in s.draft] + [""]
    if assessments is not None:
        headers, rows = _rubric_rows(assessments)
        lines += ["## Assessment with the rubric", "",
                  block_markdown(Block("table", headers=headers, rows=rows,
                                       caption="Levels: 1 Not yet, 2 Emerging, 3 Sound, 4 Strong")), ""]
        lines += [f"**{ROLE_NAMES[r].capitalize()}:** {md_escape(assessments[r].note)}\n" for r in ROLES
                  if assessments[r].note.strip()]
    return "\n".join(lines).rstrip() + "\n"


def export_plan(wb: Any = None, folder: str | os.PathLike | None = None,
                name: str = "mission-plan") -> ExportResult:
    """Write ``<name>.html`` and ``<name>.md`` (the implementation plan) next to the workbook, atomically."""
    from missionkit.capstone.plan import build_plan
    from missionkit.capstone.rubric import read_assessments

    wb = workbook_from(wb)
    out = _output_folder(wb, folder, name, "plan")
    plan = build_plan(wb)
    assessments = read_assessments(wb.to_dict().get("sections", {}))
    html_path, md_path = out / f"{name}.html", out / f"{name}.md"
    try:  # atomically: a full disk or a crash leaves the previous good export (issue 17)
        atomic_write(html_path, plan_html(plan, assessments).encode("utf-8"))
        atomic_write(md_path, plan_markdown(plan, assessments).encode("utf-8"))
    except OSError as exc:
        raise MissionkitInputError(f"Your plan could not be written ({exc.strerror})",
                                   fix="Check the disk is not full and the folder is writable",
                                   file=str(html_path)) from None
    return ExportResult(html_path, md_path, plan, workbook_folder=_workbook_folder(), what="plan")


def preview_plan(wb: Any = None) -> Preview:
    """The implementation plan as it stands (yours, or the workbook at a path), as Markdown for a cell."""
    from missionkit.capstone.plan import build_plan
    from missionkit.capstone.rubric import read_assessments

    wb = workbook_from(wb)
    return Preview(plan_markdown(build_plan(wb), read_assessments(wb.to_dict().get("sections", {}))))
