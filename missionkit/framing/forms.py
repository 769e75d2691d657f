"""Module 03 forms: draft a mission statement with live feedback, and build a mission map.

* :func:`statement_form`: the participant types a draft; the assessment
  (:func:`missionkit.framing.statements.assess_statement`) updates as they type; they
  answer the two questions only they can answer (C1 boldness, C3 ambition and
  realism); every change is saved to the workbook (section ``"framing"``, key
  ``"mission_statement"``; the answers under ``"criteria_answers"``). A
  before/after view sets the first draft beside the latest, with both
  assessments.
* :func:`mission_map_form`: challenge, mission, objectives and projects as text
  lines; the map is drawn as a chart (:mod:`missionkit.framing.charts`) and
  saved under ``"mission_map"``.

Both are :class:`~missionkit.forms.FormBox` forms with a static fallback
for the book. Everything the participant types is escaped. The forms update
``ipywidgets.HTML`` widgets: no Output widget, no print.

Drafts: the draft box saves on every keystroke, so the workbook's history of
``"mission_statement"`` fills with partial sentences and keeps only the last
50. The first complete draft (a sentence ending in ".", "!" or "?") is
therefore also kept, once, under ``"first_draft"``; a workbook that already
has a history gives its oldest draft.
"""
from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, error_html, for_form, open_workbook, text_form
from missionkit.framing.charts import mission_map_chart, mission_map_takeaway
from missionkit.framing.checks import (
    ELEMENTS,
    WEAK_STATEMENTS,
    check_diagnosis,
    check_marenta_statement,
    check_mission_map,
    check_rewrites,
)
from missionkit.framing.mission_map import MissionMap, parse_mission_map
from missionkit.framing.statements import CRITERIA, MAZZUCATO_2018, StatementAssessment, assess_statement

__all__ = [
    "assessment_html",
    "AssessmentView",
    "show_assessment",
    "compare_drafts_html",
    "DraftComparison",
    "draft_comparison",
    "statement_form",
    "map_outline_html",
    "mission_map_form",
    "DRAFT_CLASS",
]

DRAFT_CLASS = "missionkit-draft"
SECTION = "framing"
BADGES = {"met": ("✅", "Met"), "partly": ("🟡", "Partly met"), "not met": ("❌", "Not met"),
          "ask": ("💬", "Your judgement")}
PROMPT = ("Type your mission statement in the box: what will change, for whom, from what baseline, to what "
          "target, by which year.")
QUESTIONS = {
    "bold": ("C1 Bold and inspiring: why would a citizen care?",
             "In one or two sentences: what changes in people's daily lives, and who would rally behind it?"),
    "ambitious": ("C3 Ambitious but realistic: why is this a stretch, and why is it within reach?",
                  "What is not already under way, and which research, innovation or policy could plausibly "
                  "deliver it?"),
}
e = html.escape
_L = ' style="text-align:left;vertical-align:top"'  # JupyterLab right-aligns table cells by default


def _assess(statement: Any) -> StatementAssessment | None:
    if not isinstance(statement, str) or not statement.strip():
        return None
    return _assess_text(statement)


@lru_cache(maxsize=64)
def _assess_text(statement: str) -> StatementAssessment:
    """Cached: the form reads the same drafts again on every keystroke."""
    return assess_statement(statement)


def _facts(a: StatementAssessment) -> list[tuple[str, str]]:
    none = "not found"
    return [
        ("Metric", a.metric or none),
        ("Baseline", a.baseline or none),
        ("Target", a.target or none),
        ("Deadline", str(a.deadline) if a.deadline is not None else (
            f"none (\u201c{a.vague_deadline}\u201d is not a year)" if a.vague_deadline else none)),
        ("Scope", a.scope or none),
    ]


def _badge(status: str) -> str:
    icon, label = BADGES[status]
    return f"{icon} {label}"


def assessment_html(statement: Any) -> str:
    """The assessment of one statement as HTML: what the rules read, the five criteria, the mistakes."""
    a = _assess(statement)
    if a is None:
        return (f'<div class="missionkit-feedback missionkit-assessment" role="status"><p>{e(PROMPT)}</p>'
                "</div>")
    rows = "".join(f'<tr><th scope="row"{_L}>{e(k)}</th><td{_L}>{e(v)}</td></tr>' for k, v in _facts(a))
    crit = "".join(
        f'<tr><th scope="row"{_L}>{e(c.code)} {e(c.name)}</th><td{_L}>{e(_badge(c.status))}</td>'
        f"<td{_L}>{e(c.feedback.split(' (Source')[0])}</td></tr>" for c in a.criteria.values())
    parts = [
        '<div class="missionkit-feedback missionkit-assessment" role="status">',
        "<p><strong>What the assessor reads</strong></p>",
        f'<table class="missionkit-facts"><tbody>{rows}</tbody></table>',
        "<p><strong>The five mission criteria</strong></p>",
        f'<table class="missionkit-criteria"><thead><tr><th scope="col"{_L}>Criterion</th>'
        f'<th scope="col"{_L}>Reading</th><th scope="col"{_L}>Feedback</th></tr></thead><tbody>{crit}</tbody></table>',
    ]
    if a.warnings:
        parts.append("<p><strong>Framing mistakes</strong></p><ul>" + "".join(
            f"<li><strong>{e(x.title)}.</strong> {e(x.message)}</li>" for x in a.warnings) + "</ul>")
    parts.append(f"<p><em>Criteria:</em> {e(MAZZUCATO_2018)}. The rules read words, not intentions: "
                 "judge the feedback for yourself.</p></div>")
    return "".join(parts)


class AssessmentView:
    """A statement's assessment for a notebook cell: HTML in JupyterLab and the book, text elsewhere."""

    def __init__(self, statement: str):
        self.statement = statement
        self.assessment = assess_statement(statement)

    def _repr_html_(self) -> str:
        return f"<blockquote>{e(self.statement)}</blockquote>" + assessment_html(self.statement)

    def __repr__(self) -> str:
        return self.assessment.summary()


def show_assessment(statement: str) -> AssessmentView:
    """Assess a statement and show the result (raises MissionkitInputError for empty text)."""
    return AssessmentView(statement)


# --------------------------------------------------------------------------- first draft vs latest
def _reading(a: StatementAssessment | None) -> dict[str, str]:
    if a is None:
        return {}
    out = dict(_facts(a))
    for c in a.criteria.values():
        out[f"{c.code} {CRITERIA[c.key][1]}"] = _badge(c.status)
    out["Framing mistakes"] = "; ".join(x.title for x in a.warnings) or "none found"
    return out


def compare_drafts_html(first: str | None, latest: str | None) -> str:
    """The first draft and the latest side by side, each with what the assessor reads."""
    if not first:
        return ('<div class="missionkit-drafts"><p><em>Your first complete draft (a sentence ending with a full '
                "stop) will appear here, beside your latest, so you can see how your statement improved.</em>"
                "</p></div>")
    if not latest or latest.strip() == first.strip():
        return ('<div class="missionkit-drafts"><p><em>Your first draft is kept. Revise the statement above: '
                "the comparison appears as soon as it changes.</em></p><blockquote>"
                f"{e(first)}</blockquote></div>")
    a, b = _reading(_assess(first)), _reading(_assess(latest))
    rows = [f'<tr><th scope="row"{_L}>Statement</th><td{_L}>{e(first)}</td><td{_L}>{e(latest)}</td></tr>']
    changed = []
    for k in a:
        old, new = a[k], b.get(k, "")
        mark = old != new
        if mark and (k.startswith("C") or k == "Framing mistakes"):
            changed.append(f"{k.split(' ')[0] if k.startswith('C') else k}: {old} → {new}")
        cell = f"<strong>{e(new)}</strong>" if mark else e(new)
        rows.append(f'<tr><th scope="row"{_L}>{e(k)}</th><td{_L}>{e(old)}</td><td{_L}>{cell}</td></tr>')
    summary = ("What changed: " + "; ".join(changed) + ".") if changed else \
        "The criteria read the same in both drafts."
    return ('<div class="missionkit-drafts"><p><strong>First draft and latest draft</strong></p>'
            f'<table class="missionkit-compare"><thead><tr><th scope="col"{_L}></th>'
            f'<th scope="col"{_L}>First draft</th>'
            f'<th scope="col"{_L}>Latest draft</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            f"<p>{e(summary)}</p></div>")


def _first_draft(wb, section: str, key: str, first_key: str) -> str | None:
    """The pinned first draft, or the oldest draft in the history (pinned now, so it is kept)."""
    first = wb.get(section, first_key)
    if isinstance(first, str) and first.strip():
        return first
    for entry in wb.history(section, key):
        value = entry.get("value")
        if isinstance(value, str) and value.strip():
            wb.set(section, first_key, value)
            return value
    return None


def _is_complete(text: str) -> bool:
    t = text.strip()
    return t.endswith((".", "!", "?")) and len(t.split()) >= 5


class DraftComparison:
    """First draft beside the latest, for a notebook cell."""

    def __init__(self, first: str | None, latest: str | None):
        self.first, self.latest = first, latest

    def _repr_html_(self) -> str:
        return compare_drafts_html(self.first, self.latest)

    def __repr__(self) -> str:
        return f"First draft: {self.first or '(none yet)'}\nLatest draft: {self.latest or '(none yet)'}"


def draft_comparison(section: str = SECTION, key: str = "mission_statement",
                     first_key: str = "first_draft") -> DraftComparison:
    """Your first draft and your latest, from the workbook, side by side with their assessments."""
    wb, _ = open_workbook("Your work is not saved")
    if wb is None:
        return DraftComparison(None, None)
    latest = wb.get(section, key)
    return DraftComparison(_first_draft(wb, section, key, first_key), latest if isinstance(latest, str) else None)


# --------------------------------------------------------------------------- shared form parts
class _Kit:
    """One layout and one style shared by every widget of a form, to keep the saved notebook small."""

    def __init__(self):
        self.wide, self.plain = w.Layout(width="100%"), w.Layout()
        self.hstyle, self.tstyle = HTMLStyle(), TextStyle()

    def html(self, value: str = "") -> w.HTML:
        return w.HTML(value, layout=self.plain, style=self.hstyle)

    def area(self, value: str, rows: int, continuous: bool, placeholder: str = "") -> w.Textarea:
        return w.Textarea(value=value, rows=rows, layout=self.wide, style=self.tstyle,
                          continuous_update=continuous, placeholder=placeholder)

    def label(self, text: str, help_text: str = "", before: str = "") -> w.HTML:
        """A visible label just above its control, with the help text under it."""
        extra = f'<br><span style="color:#333">{e(help_text)}</span>' if help_text else ""
        return self.html(f"{before}<label><strong>{e(text)}</strong></label>{extra}")


# --------------------------------------------------------------------------- the statement form
def _status_html(note: str) -> str:
    return f'<p class="missionkit-save-status"><em>{e(note)}</em></p>' if note else ""


def statement_form(section: str = SECTION, key: str = "mission_statement", *, start: str | None = None,
                   answers_key: str = "criteria_answers", first_key: str = "first_draft",
                   title: str = "Your mission statement") -> FormBox:
    """Draft a mission statement, see its assessment as you type, answer C1 and C3, compare drafts.

    Saved answers load when the form opens; ``start`` fills the draft only
    when nothing is saved yet (and is not saved until the participant changes
    it). Without a workbook the form still works, unsaved.
    """
    wb, note = open_workbook("Your work is not saved")
    saved, answers, first = None, {}, None
    if wb is not None:
        try:
            saved = wb.get(section, key)
            stored = wb.get(section, answers_key)
            answers = stored if isinstance(stored, dict) else {}
            first = _first_draft(wb, section, key, first_key)
        except MissionkitInputError as error:
            note = f"Your saved answers could not be read, so the form starts empty: {error.message}"
    text = saved if isinstance(saved, str) and saved.strip() else (start or "")
    kit = _Kit()
    draft = kit.area(text, 4, True, "By 2035, … (what changes, for whom, from what baseline, to what target)")
    draft.add_class(DRAFT_CLASS)
    boxes = {k: kit.area(str(answers.get(k, "") or ""), 3, False) for k in QUESTIONS}
    assessment, drafts, status = kit.html(), kit.html(), kit.html()
    state = {"first": first}

    def save(k: str, value: Any) -> None:
        if wb is None:
            return
        try:
            wb.set(section, k, value)
            status.value = _status_html(f"Saved to your workbook (section \u201c{section}\u201d).")
        except MissionkitInputError as error:
            status.value = error_html(error)

    def on_draft(change=None) -> None:
        value = draft.value
        assessment.value = assessment_html(value)
        if change is not None:
            save(key, value)
            if state["first"] is None and _is_complete(value):
                state["first"] = value
                save(first_key, value)
        drafts.value = compare_drafts_html(state["first"], value)

    answers_saver = FormSaver(wb, section, answers_key, {k: b.value for k, b in boxes.items()})

    def on_answer(change=None) -> None:  # only the boxes changed in this copy of the form (issue 17)
        if wb is not None:
            answers_saver.save_and_report({k: b.value for k, b in boxes.items()}, status)

    draft.observe(on_draft, names="value")
    for b in boxes.values():
        b.observe(on_answer, names="value")
    on_draft()
    status.value = _status_html(note)

    def fallback() -> str:
        body = (f"<blockquote>{e(draft.value)}</blockquote>" if draft.value.strip() else "")
        body += assessment_html(draft.value)
        said = [(QUESTIONS[k][0], b.value) for k, b in boxes.items() if b.value.strip()]
        if said:
            body += "<p><strong>Your answers</strong></p><ul>" + "".join(
                f"<li><strong>{e(q)}</strong> {e(v)}</li>" for q, v in said) + "</ul>"
        return body + compare_drafts_html(state["first"], draft.value)

    children = [
        kit.html("<p>Type your draft. The assessment below it updates as you type, and every change is saved. "
                 "Then answer the two questions that only you can answer, and revise.</p>"),
        kit.label("Your mission statement", "One or two sentences: what will change, for whom, from what "
                  "baseline, to what target, by which year."),
        draft,
        assessment,
    ]
    for i, k in enumerate(QUESTIONS):
        head = "<h4>Questions only you can answer</h4>" if i == 0 else ""
        children += [kit.label(*QUESTIONS[k], before=head), boxes[k]]
    children += [kit.html("<h4>Before and after</h4>"), drafts, status]
    return FormBox(children, title=title, fallback=fallback, layout=kit.plain)


# --------------------------------------------------------------------------- the mission map form
def map_outline_html(m: MissionMap) -> str:
    """The map as a nested list with its takeaway: the static, screen-reader-friendly version."""
    def li(text: str, inner: str = "") -> str:
        return f"<li>{e(text)}{inner}</li>"

    objectives = []
    for o in m.objectives:
        projects = "".join(li(p.name) for p in m.projects_for(o.code))
        label = o.label + (f": {o.detail}" if o.detail else "")
        objectives.append(li(label, f"<ul>{projects}</ul>" if projects else ""))
    if m.unlinked:
        objectives.append(li("No objective", "<ul>" + "".join(li(p.name) for p in m.unlinked) + "</ul>"))
    inner = f"<ul>{''.join(objectives)}</ul>" if objectives else ""
    tree = (f"<ul><li><strong>Challenge:</strong> {e(m.challenge or '(not written yet)')}<ul><li><strong>Mission:"
            f"</strong> {e(m.mission or '(not written yet)')}{inner}</li></ul></li></ul>")
    return (f'<div class="missionkit-map-outline">{tree}<p><strong>Takeaway:</strong> '
            f"{e(mission_map_takeaway(m))}</p></div>")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def mission_map_form(section: str = SECTION, key: str = "mission_map", *, start: Any = None,
                     statement_key: str = "mission_statement", per_objective: int | None = None,
                     title: str = "Your mission map", check: bool = False) -> FormBox:
    """Build a mission map from text lines; the chart redraws and the map is saved on every change.

    Saved maps load when the form opens; otherwise ``start`` (a dict or a
    :class:`~missionkit.framing.mission_map.MissionMap`) fills it, and the
    mission defaults to the statement saved under ``statement_key``.
    ``check=True`` (Marenta's map, Exercise 3c) adds :func:`check_mission_map`'s feedback under the chart.
    """
    if start is ...:  # a blank exercise
        start = None
    wb, note = open_workbook("Your work is not saved")
    value: dict = {}
    if wb is not None:
        try:
            stored = wb.get(section, key)
            if isinstance(stored, dict):
                value = stored
            elif start is None:
                mission = wb.get(section, statement_key)
                value = {"mission": mission if isinstance(mission, str) else ""}
        except MissionkitInputError as error:
            note = f"Your saved map could not be read, so the form starts from the example: {error.message}"
    if not value and start is not None:
        value = start.to_workbook() if isinstance(start, MissionMap) else dict(start)

    def text(v: Any) -> str:
        return "\n".join(v) if isinstance(v, (list, tuple)) else (v if isinstance(v, str) else "")

    kit = _Kit()
    fields = {
        "challenge": kit.area(text(value.get("challenge")), 2, False, "The broad problem, with no date or target"),
        "mission": kit.area(text(value.get("mission")), 3, False, "Your mission statement"),
        "objectives": kit.area(text(value.get("objectives")), 5, False,
                               "O1 Access: cut the average commute from 62 to 50 minutes\n"
                               "O2 Clean air: halve fine-particle pollution"),
        "projects": kit.area(text(value.get("projects")), 8, False,
                             "O1: Bus rapid transit corridor, Amberport\nO2: Electric bus fleet"),
    }
    labels = {
        "challenge": ("Challenge", "The broad problem the mission sits in, which no one body owns."),
        "mission": ("Mission", "Your mission statement: dated and measurable."),
        "objectives": ("Objectives, one per line", "A code, a short name, a colon, then the target, e.g. "
                       "'O1 Access: cut the average commute from 62 to 50 minutes'."),
        "projects": ("Projects, one per line", "The objective's code, a colon, then the project, e.g. "
                     "'O1: Bus rapid transit corridor'. A line without a code serves no objective."),
    }
    chart, problem, status, feedback = kit.html(), kit.html(), kit.html(), kit.html()
    state: dict[str, Any] = {"map": MissionMap("", "")}

    def current() -> dict:
        return {"challenge": fields["challenge"].value.strip(), "mission": fields["mission"].value.strip(),
                "objectives": _lines(fields["objectives"].value), "projects": _lines(fields["projects"].value)}

    def refresh(change=None) -> None:
        value = current()
        if check:
            feedback.value = check_mission_map(value).to_html()
        try:
            m = parse_mission_map(value)
        except MissionkitInputError as error:
            problem.value = error_html(error)
        else:
            state["map"] = m
            problem.value = ""
            chart.value = mission_map_chart(m, per_objective, title=title).to_html()
        if change is not None and wb is not None:
            map_saver.save_and_report(value, status)  # only what changed in this copy of the form

    map_saver = FormSaver(wb, section, key, current())
    for f in fields.values():
        f.observe(refresh, names="value")
    refresh()
    status.value = _status_html(note)
    children = [kit.html("<p>Fill in the four boxes. After typing, press Tab (or click outside the box): the map "
                         "redraws and is saved.</p>")]
    for k in fields:
        children += [kit.label(*labels[k]), fields[k]]
    children += [problem, chart, *([feedback] if check else []), status]

    def fallback() -> str:
        return map_outline_html(state["map"]) + (feedback.value if check else "")

    return FormBox(children, title=title, fallback=fallback, layout=kit.plain)


def marenta_statement_form(start: Any = None) -> FormBox:
    """Exercise 3a as a form: Marenta's mission statement (FICTIONAL), with
    :func:`check_marenta_statement`'s feedback, saved under ``framing``/``marenta_statement``."""
    return text_form(SECTION, "marenta_statement", title="Exercise 3a: Marenta's mission statement (FICTIONAL)",
                     label="The statement you would have proposed to Cabinet",
                     help_text="What will change, for whom, from what 2024 baseline, to what target, by which year.",
                     check=lambda text: for_form(check_marenta_statement(text)), example="By 2035, everyone in …",
                     start=start)


# --------------------------------------------------------------------------- Exercises 1 and 2 as forms
NOTHING_MISSING = "nothing is missing"


def diagnosis_answer(answer: dict) -> dict:
    """The diagnosis form's answer as ``check_diagnosis`` reads it: untouched statements are ``...``."""
    out: dict[str, Any] = {}
    for sid, ticked in answer.items():
        out[sid] = ([] if NOTHING_MISSING in ticked else [t for t in ticked if t != NOTHING_MISSING]) if ticked else ...
    return out


def diagnosis_form(start: Any = None) -> FormBox:
    """Exercise 1 as a form: for each weak statement, tick what it lacks; feedback from :func:`check_diagnosis`;
    saved under ``framing``/``diagnosis``."""
    options = [*ELEMENTS, NOTHING_MISSING]
    fields = [Field(s.id, f"{s.id}: {s.text}", "many", options) for s in WEAK_STATEMENTS]
    begin = ({k: (list(v) if v else [NOTHING_MISSING]) for k, v in start.items() if isinstance(v, (list, tuple))}
             if isinstance(start, dict) else None)
    return answer_form(SECTION, "diagnosis", fields, start=begin, title="Exercise 1: diagnose five weak statements",
                       intro="For each statement, tick what it lacks; the feedback updates below.",
                       check=lambda a: check_diagnosis(diagnosis_answer(a)))


def rewrites_form(start: Any = None) -> FormBox:
    """Exercise 2 as a form: one box per weak statement for its rewrite; feedback from :func:`check_rewrites`."""
    fields = [Field(s.id, f"Your rewrite of {s.id} (\u201c{s.text}\u201d)", "long text") for s in WEAK_STATEMENTS]
    return answer_form(SECTION, "rewrites", fields, start=start if isinstance(start, dict) else None,
                       title="Exercise 2: rewrite them",
                       intro="Rewrite each statement. After typing, press Tab: the feedback updates and is saved.",
                       check=lambda a: check_rewrites({k: (v if v.strip() else ...) for k, v in a.items()}))
