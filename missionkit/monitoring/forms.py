"""Forms for module 10 (monitoring and evaluation). Work is saved to the workbook section "indicators".

* :func:`theory_of_change_form`: six boxes (inputs to impacts, and assumptions); the
  result draws as a chart and gets feedback as you go; saved under "theory_of_change".
* :func:`indicator_form`: draft three indicators; each is audited as you type
  (:func:`missionkit.monitoring.audit.audit_draft`); saved under "draft_indicators".
* :func:`summary`: the dashboard's text summary, computed from the data.

Participant text is escaped wherever it is shown as HTML. Input errors are shown
as plain-language messages in the form, never as tracebacks.
"""
from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, error_html, for_form, open_workbook, text_form
from missionkit.monitoring import charts as ci
from missionkit.monitoring.audit import audit_draft
from missionkit.monitoring.checks import (
    FIXES,
    MARENTA_TRAPS,
    check_drafts,
    check_fix_first,
    check_fixes,
    check_flagged,
    check_recommendation,
    check_status_reading,
    check_theory_of_change,
)
from missionkit.monitoring.indicators import LEVELS, as_int, shorten
from missionkit.monitoring.theory import TheoryOfChange, parse_theory_of_change
from missionkit.monitoring.trajectory import Trajectories, dashboard_summary

SECTION = "indicators"
TOC_KEY = "theory_of_change"
DRAFTS_KEY = "draft_indicators"
SLOTS = 3
_TOC_BOXES = (
    ("inputs", "Inputs", "Money, people, mandates and data the mission puts in."),
    ("activities", "Activities", "What the mission and its partners do."),
    ("outputs", "Outputs", "The direct products of those activities."),
    ("outcomes", "Outcomes", "Medium-term changes among the people and organisations reached."),
    ("impacts", "Impacts", "Wider, long-term effects: the mission's goal."),
    ("assumptions", "Assumptions", "What must hold for one level to lead to the next."),
)
_FIELDS = (
    ("name", "Name", "What is measured, in plain words"),
    ("level", "Level", ""),
    ("unit", "Unit", "%, minutes, people, km, ..."),
    ("baseline", "Baseline", "a number"),
    ("baseline_year", "Baseline year", "e.g. 2024"),
    ("milestone", "Milestone", "a number"),
    ("milestone_year", "Milestone year", "e.g. 2030"),
    ("target", "Target", "a number"),
    ("target_year", "Target year", "e.g. 2035"),
    ("data_owner", "Data owner", "who collects and publishes it"),
    ("frequency", "Frequency", ""),
    ("lag_years", "Lag (years)", "e.g. 1 or 0.25"),
    ("source", "Source", "survey, register or system"),
)
FREQUENCY_OPTIONS = ("", *case.FREQUENCIES)
EXAMPLE_DRAFTS = [{
    "name": "Number of pilots launched", "level": "outcome", "unit": "pilots", "target": "20", "target_year": "2030",
    "data_owner": "Mission team", "frequency": "quarterly", "lag_years": "0.25", "source": "Project records",
}]
"""A weak first draft (FICTIONAL) for the form to open with: an output posing as an outcome, no baseline, no
milestone. Fixing it is the lesson's Try it."""


def _mission_statement(wb) -> str:
    if wb is None:
        return ""
    try:
        value = wb.get("framing", "mission_statement")
    except MissionkitInputError:
        return ""
    return value.strip() if isinstance(value, str) else ""


def _deadline(wb) -> int:
    if wb is not None:
        try:
            value = wb.get("framing", "deadline")
        except MissionkitInputError:
            value = None
        year = as_int(value)
        if year is not None and 1950 <= year <= 2100:
            return year
    return case.DEADLINE_YEAR


def _statement_html(statement: str) -> str:
    if not statement:
        return ("<p><em>No mission statement in your workbook yet (Module 03 saves it). The form works without "
                "one.</em></p>")
    return f"<p><strong>Your mission statement:</strong> {html.escape(statement)}</p>"


def _status_html(note: str) -> str:
    return f'<p class="missionkit-save-status"><em>{html.escape(note)}</em></p>' if note else ""


# --------------------------------------------------------------------------- theory of change
def theory_of_change_form(section: str = SECTION, key: str = TOC_KEY, *, start: Any = None) -> FormBox:
    """Build a theory of change: one box per level, one item per line; it draws as a chart as you go.

    Saved answers are loaded when the form opens; ``start`` (a dict of levels or
    a :class:`~missionkit.monitoring.theory.TheoryOfChange`) fills it only when nothing is saved yet.
    """
    wb, save_note = open_workbook()
    toc = TheoryOfChange()
    load_note = ""
    if wb is not None:
        try:
            toc = parse_theory_of_change(wb.get(section, key))
        except MissionkitInputError as error:
            load_note = f"Your saved theory of change could not be read, so the form starts empty: {error.message}"
    if toc.empty and start is not None:
        toc = parse_theory_of_change(start)
    boxes: dict[str, w.Textarea] = {}
    layout, box_layout = w.Layout(), w.Layout(width="100%")  # shared: fewer widget models stored in the notebook
    html_style, box_style = HTMLStyle(), TextStyle()

    def text(value: str = "") -> w.HTML:
        return w.HTML(value, layout=layout, style=html_style)

    parts: list[w.Widget] = [text(_statement_html(_mission_statement(wb)) + (
        "<p>Write one item per line in each box. The chart and the feedback below update when you leave a box, "
        "and your theory of change is saved as you go.</p>"))]
    for lvl, label, hint in _TOC_BOXES:
        boxes[lvl] = w.Textarea(value="\n".join(getattr(toc, lvl)), rows=3, layout=box_layout, style=box_style,
                                continuous_update=False, placeholder=hint, description="")
        parts += [text(f"<label><strong>{html.escape(label)}</strong>: {html.escape(hint)}</label>"), boxes[lvl]]
    picture, feedback, status = text(), text(), text()
    state = {"toc": toc}

    def current() -> TheoryOfChange:
        return parse_theory_of_change({lvl: boxes[lvl].value for lvl, _, _ in _TOC_BOXES})

    def draw(t: TheoryOfChange) -> None:
        feedback.value = check_theory_of_change(t).to_html()
        picture.value = ci.theory_of_change_chart(t, title="Your theory of change").to_html() if not t.empty else ""

    def refresh(change=None) -> None:
        try:
            t = current()
        except MissionkitInputError as error:
            feedback.value = error_html(error)
            return
        state["toc"] = t
        draw(t)
        if change is None or wb is None:
            return
        saver.save_and_report(t.to_workbook(), status)

    saver = FormSaver(wb, section, key, current().to_workbook())  # saves only what changes in this copy
    for box in boxes.values():
        box.observe(refresh, names="value")
    refresh()
    status.value = _status_html(load_note or save_note)

    statement = _statement_html(_mission_statement(wb))

    def fallback() -> str:
        t = state["toc"]
        return statement + picture.value + check_theory_of_change(t).to_html()

    return FormBox(parts + [picture, feedback, status], title="Theory of change builder", fallback=fallback)


# --------------------------------------------------------------------------- indicator drafting
def _blank_draft() -> dict:
    return {k: "" for k, _, _ in _FIELDS}


def _clean_drafts(value: Any) -> list[dict]:
    drafts = [_blank_draft() for _ in range(SLOTS)]
    if isinstance(value, list):
        for i, d in enumerate(value[:SLOTS]):
            if isinstance(d, dict):
                drafts[i].update({k: ("" if d.get(k) is None else str(d.get(k))) for k, _, _ in _FIELDS})
    return drafts


def _audit_html(details, label: str) -> str:
    """The audit of one draft as an HTML table (every cell escaped)."""
    symbol = {"ok": "\u2705 ok", "flag": "\u274c fix", "unknown": "\u2754 ?"}
    rows = "".join(
        f"<tr><th scope=\"row\">{html.escape(r['label'])}</th><td>{html.escape(symbol.get(r['result'], r['result']))}"
        f"</td><td>{html.escape(r['note'])}</td></tr>" for _, r in details.iterrows())
    flags = int((details["result"] == "flag").sum())
    head = (f"<p><strong>{html.escape(label)}: {'passes every check' if not flags else f'{flags} check(s) to fix'}"
            "</strong></p>")
    return (head + '<table class="missionkit-audit"><thead><tr><th scope="col">Check</th><th scope="col">Result'
            '</th><th scope="col">Note</th></tr></thead><tbody>' + rows + "</tbody></table>")


def _draft_for_audit(d: dict) -> dict:
    return {k: v for k, v in d.items() if str(v).strip()}


def draft_audit_html(drafts: list[dict], *, deadline: int = case.DEADLINE_YEAR) -> str:
    """Every non-empty draft audited, as HTML (used by the form and its static fallback)."""
    parts = []
    for i, d in enumerate(drafts, 1):
        clean = _draft_for_audit(d)
        name = clean.get("name", "")
        label = f"Indicator {i}" + (f" \u201c{shorten(name, 60)}\u201d" if name else "")
        if not clean:
            parts.append(f"<p><strong>{html.escape(label)}</strong>: not drafted yet.</p>")
            continue
        try:
            details = audit_draft(clean, deadline=deadline)
        except MissionkitInputError as error:
            parts.append(f"<p><strong>{html.escape(label)}</strong></p>" + error_html(error))
            continue
        parts.append(_audit_html(details, label))
    return "".join(parts)


def indicator_form(section: str = SECTION, key: str = DRAFTS_KEY, *, start: Any = None,
                   check: bool = False) -> FormBox:
    """Draft up to three indicators for your own mission; each is audited as you type.

    Saved drafts are loaded when the form opens; ``start`` (a list of dicts with
    the keys of :data:`missionkit.monitoring.audit.DRAFT_FIELDS`) fills it only when
    nothing is saved yet. The deadline comes from the workbook ("framing",
    "deadline") when it is there, else the case's 2035. ``check=True`` (Exercise 2) adds, under the
    audit, :func:`missionkit.monitoring.check_drafts`'s feedback on the three drafts together.
    """
    wb, save_note = open_workbook()
    load_note = ""
    saved = None
    if wb is not None:
        try:
            saved = wb.get(section, key)
        except MissionkitInputError as error:
            load_note = f"Your saved drafts could not be read, so the form starts empty: {error.message}"
    drafts = _clean_drafts(saved)
    if all(not any(str(v).strip() for v in d.values()) for d in drafts) and start is not None:
        drafts = _clean_drafts(start)
    deadline = _deadline(wb)
    text_style = TextStyle(description_width="9em")  # shared: fewer widget models stored in the notebook
    drop_style = DescriptionStyle(description_width="9em")
    layout = w.Layout(width="34em")
    html_layout, html_style = w.Layout(), HTMLStyle()
    slot = w.ToggleButtons(options=[(f"Indicator {i + 1}", i) for i in range(SLOTS)], value=0,
                           description="Edit", style={"description_width": "9em", "button_width": "8em"})
    fields: dict[str, w.Widget] = {}
    for k, label, hint in _FIELDS:
        if k == "level":
            fields[k] = w.Dropdown(options=[("choose a level", "")] + [(lv, lv) for lv in LEVELS],
                                   description=label, style=drop_style, layout=layout)
        elif k == "frequency":
            fields[k] = w.Dropdown(options=[("choose", "")] + [(f, f) for f in FREQUENCY_OPTIONS if f],
                                   description=label, style=drop_style, layout=layout)
        else:
            fields[k] = w.Text(description=label, placeholder=hint, continuous_update=True, style=text_style,
                               layout=layout)
    result = w.HTML(layout=html_layout, style=html_style)
    status = w.HTML(layout=html_layout, style=html_style)
    together = w.HTML(layout=html_layout, style=html_style)
    statement = _mission_statement(wb)
    state: dict[str, Any] = {"drafts": drafts, "loading": False}

    def load(i: int) -> None:
        state["loading"] = True
        try:
            for k, f in fields.items():
                value = state["drafts"][i].get(k, "")
                if isinstance(f, w.Dropdown):
                    options = [v for _, v in f.options]
                    f.value = value if value in options else ""
                else:
                    f.value = value
        finally:
            state["loading"] = False

    def show() -> None:
        i = slot.value
        one = [state["drafts"][j] if j == i else _blank_draft() for j in range(SLOTS)]
        result.value = draft_audit_html(one, deadline=deadline)
        if check:
            together.value = ("<h4>Feedback on your three drafts</h4>"
                              + check_drafts(state["drafts"], statement, deadline=deadline).to_html())

    def changed(change=None) -> None:
        if state["loading"]:
            return
        i = slot.value
        state["drafts"][i] = {k: str(f.value or "") for k, f in fields.items()}
        show()
        if wb is None:
            return
        drafts_saver.save_and_report([dict(d) for d in state["drafts"]], status)

    def switch(change) -> None:
        load(change["new"])
        show()

    drafts_saver = FormSaver(wb, section, key, [dict(d) for d in state["drafts"]])  # only what changes here
    for f in fields.values():
        f.observe(changed, names="value")
    slot.observe(switch, names="value")
    load(0)
    show()
    status.value = _status_html(load_note or save_note)
    intro = w.HTML(layout=html_layout, style=html_style, value=_statement_html(statement) + (
        f"<p>Draft three indicators at different levels. Each is checked as you type (deadline {deadline}; "
        "annual review). Pick an indicator with the buttons to edit it.</p>"))

    def fallback() -> str:
        return draft_audit_html(state["drafts"], deadline=deadline) + together.value

    return FormBox([intro, slot, *fields.values(), result, *([together] if check else []), status],
                   title="Indicator drafting form",
                   fallback=fallback)


# --------------------------------------------------------------------------- dashboard text
class _Markdown:
    """Markdown text that displays in JupyterLab and the book (no HTML, participant text escaped)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        from missionkit.feedback import md_escape

        return md_escape(self.text)

    def __repr__(self) -> str:
        return self.text


def summary(result: Trajectories) -> _Markdown:
    """The dashboard's summary in sentences, computed from the data."""
    return _Markdown(dashboard_summary(result))


# --------------------------------------------------------------------------- the exercise's questions as forms
STATUS_QUESTION_IDS = ("I02", "I10", "I14")  # the indicators Exercise 3 asks about
STATUSES = ("on track", "at risk", "off track", "no data")


def _given(value: Any) -> Any:
    return ... if value is None or value == [] or value == "" else value


def _indicator_names() -> dict[str, str]:
    framework = case.load("indicators")  # D3, FICTIONAL
    return dict(zip(framework["id"], framework["name"], strict=True))


def flagged_form(start: Any = None) -> FormBox:
    """Exercise 1a as a form: tick the indicators the audit flags (FICTIONAL framework); feedback from
    :func:`check_flagged`; saved under ``indicators``/``flagged``."""
    options = [(f"{i} {name}", i) for i, name in _indicator_names().items()]
    fields = [Field("flagged", "Indicators that need fixing", "many", options)]
    begin = {"flagged": list(start)} if isinstance(start, (list, tuple)) else None
    return answer_form(SECTION, "flagged", fields, start=begin, title="Exercise 1: which indicators need fixing",
                       check=lambda a: check_flagged(_given(a["flagged"])))


def fixes_form(start: Any = None) -> FormBox:
    """Exercise 1b as a form: one fix per problem indicator, from the fix options (their codes: the table
    above the form, :func:`missionkit.monitoring.fix_options`, says what each means)."""
    names = _indicator_names()
    fields = [Field(i, f"{i} {names.get(i, '')}", "choice", list(FIXES)) for i in MARENTA_TRAPS]
    return answer_form(SECTION, "fixes", fields, start=start if isinstance(start, dict) else None,
                       title="Exercise 1: fix the four problem indicators",
                       check=lambda a: check_fixes({k: _given(v) for k, v in a.items()}))


def fix_first_form(fix_first: Any = None, why_first: Any = None) -> FormBox:
    """Exercise 1c as a form: which problem to fix first, and why (one or two sentences)."""
    names = _indicator_names()
    fields = [Field("fix_first", "The problem to fix first", "choice",
                    [(f"{i} {names.get(i, '')}", i) for i in MARENTA_TRAPS]),
              Field("why_first", "Why this one first", "long text",
                    help_text="One or two sentences: what is wrong with it, and what that does to the next review.")]
    start = ({"fix_first": fix_first, "why_first": why_first if isinstance(why_first, str) else ""}
             if isinstance(fix_first, str) else None)
    return answer_form(SECTION, "fix_first", fields, start=start, title="Exercise 1: which problem to fix first",
                       check=lambda a: check_fix_first(_given(a["fix_first"]), _given(a["why_first"])))


def status_reading_form(dashboard: Trajectories, start: Any = None) -> FormBox:
    """Exercise 3a as a form: the status of three indicators on the dashboard, from four choices."""
    names = _indicator_names()
    fields = [Field(i, f"{i} {names.get(i, '')}", "choice", STATUSES) for i in STATUS_QUESTION_IDS]
    return answer_form(SECTION, "status_reading", fields, start=start if isinstance(start, dict) else None,
                       title="Exercise 3: read the dashboard",
                       check=lambda a: check_status_reading({k: _given(v) for k, v in a.items()}, dashboard))


def recommendation_form(dashboard: Trajectories, start: Any = None) -> FormBox:
    """Exercise 3b as a form: the steering recommendation, with :func:`check_recommendation`'s feedback."""
    return text_form(SECTION, "steering_recommendation", title="Exercise 3: your steering recommendation",
                     label="Your recommendation to the steering committee",
                     help_text="Name an off-track indicator by its id, give a number, propose a change to the "
                               "portfolio and say what to learn before the next review.",
                     check=lambda text: for_form(check_recommendation(text, dashboard)), example="I02 is off track: …",
                     start=start)
