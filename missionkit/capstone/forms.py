"""Module 12 forms: write the implementation plan, assess it with the rubric, take the check, get the record.

- :func:`plan_section_form`: one section of the plan. The draft from earlier work sits beside a choice
  (keep, change or add) and a box to write in; feedback says whether the section counts as written.
  Saved to the workbook section ``"plan"`` as you go.
- :func:`rubric_form`: the plan's rubric, used as a self-assessment, a peer review or a trainer's
  assessment (``role``); saved to section ``"rubric"``.
- :func:`check_form`: the before-and-after check (``sitting``), one drop-down (a, b, c, d) per question;
  saved to section ``"course_check"``.
  The before-check shows no answers; a complete after-check shows the gain and the explanations.
- :func:`completion_form`: your name, then the completion record and (when the criteria are met) the
  certificate, written next to the workbook.

Everything typed is escaped; errors are plain messages in the form, and nothing typed is lost.
"""
from __future__ import annotations

import functools
import html
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import ipywidgets as w

from missionkit.capstone.assessment import CHECK, load_questions, read_answers, results
from missionkit.capstone.certificate import write_certificate, write_record
from missionkit.capstone.checks import check_assessment, check_plan_section
from missionkit.capstone.plan import DECISIONS, PLAN, PLAN_SECTIONS, section_draft
from missionkit.capstone.record import completion_record
from missionkit.capstone.rubric import ROLE_NAMES, ROLES, RUBRIC, clean_scores, load_rubric
from missionkit.errors import MissionkitInputError
from missionkit.forms import FormBox, FormSaver, error_html, open_workbook

__all__ = ["plan_section_form", "rubric_form", "check_form", "completion_form", "explanations_html"]

e = html.escape


@functools.cache
def _look() -> SimpleNamespace:
    """Layouts and styles shared by every form here: few widget models keep the stored notebook small."""
    from ipywidgets.widgets.widget_button import ButtonStyle
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    return SimpleNamespace(
        plain=w.Layout(), html=HTMLStyle(), desc=DescriptionStyle(description_width="initial"), text=TextStyle(),
        button=ButtonStyle(), full=w.Layout(width="100%"), left=w.Layout(width="40%", padding="0 1em 0 0"),
        right=w.Layout(width="60%"), choice=w.Layout(width="32em"), level=w.Layout(width="14em"),
        name=w.Layout(width="24em"), wide_button=w.Layout(width="22em"),
        text_desc=TextStyle(description_width="initial"))


def _html(value: str = "") -> w.HTML:
    look = _look()
    return w.HTML(value, layout=look.plain, style=look.html)


DECISION_OPTIONS = [("Choose", "")] + [(label, k) for k, label in DECISIONS.items()]


def _saved_status(section: str) -> str:
    return f'<p class="missionkit-save-status"><em>Saved to your workbook (section \u201c{e(section)}\u201d).</em></p>'


def _note_html(note: str) -> str:
    return f'<p class="missionkit-save-status"><em>{e(note)}</em></p>' if note else ""


def _draft_html(draft: list[str]) -> str:
    if not draft:
        return ("<p><strong>From your earlier work</strong></p><p><em>Nothing yet for this section: write it "
                "from scratch, or fill the module it draws on first.</em></p>")
    return ("<p><strong>From your earlier work (the draft)</strong></p><ul>"
            + "".join(f"<li>{e(x)}</li>" for x in draft) + "</ul>")


# --------------------------------------------------------------------------- the plan
def plan_section_form(key: str) -> FormBox:
    """One section of the implementation plan: the draft beside your decision and your text."""
    spec = next((s for s in PLAN_SECTIONS if s.key == key), None)
    if spec is None:
        raise MissionkitInputError(f"'{key}' is not a section of the plan",
                                   fix="Use one of: " + ", ".join(s.key for s in PLAN_SECTIONS))
    wb, note = open_workbook("Your plan is not saved")
    draft: list[str] = []
    saved: Any = {}
    if wb is not None:
        try:
            data = wb.to_dict()
            draft = section_draft(key, data.get("sections", {}), data.get("meta", {}).get("owner"))
            saved = wb.get(PLAN, key, {}) or {}
        except MissionkitInputError as error:
            note = f"Your saved plan could not be read: {error.message}"
    saved = saved if isinstance(saved, Mapping) else {}
    decision0 = saved.get("decision") if saved.get("decision") in DECISIONS else ""
    text0 = saved.get("text") if isinstance(saved.get("text"), str) else ""
    look = _look()
    choice = w.Dropdown(options=DECISION_OPTIONS, value=decision0, description="Your decision:",
                        layout=look.choice, style=look.desc)
    box = w.Textarea(value=text0, rows=6, continuous_update=False, layout=look.full, style=look.text,
                     placeholder="What you decide for this section, and why (press Tab when done)")
    feedback = _html()
    status = _html(_note_html(note))
    left = w.HTML(_draft_html(draft), layout=look.left, style=look.html)
    right = w.VBox([_html(f"<p><strong>{e(spec.question)}</strong></p><label><strong>Your text</strong></label>"),
                    box, choice], layout=look.right)

    def value() -> dict:
        return {"decision": choice.value, "text": box.value}

    saver = FormSaver(wb, PLAN, key, value())

    def refresh(change=None) -> None:
        feedback.value = check_plan_section(key, choice.value, box.value, draft).to_html()
        if change is not None and wb is not None:
            saver.save_and_report(value(), status)

    choice.observe(refresh, names="value")
    box.observe(refresh, names="value")
    refresh()

    def fallback() -> str:
        shown = (f"<p><strong>Your decision:</strong> {e(DECISIONS.get(choice.value, 'not chosen yet'))}</p>"
                 f"<p><strong>Your text:</strong> {e(box.value) or '<em>not written yet</em>'}</p>")
        return _draft_html(draft) + shown + feedback.value

    return FormBox([w.HBox([left, right], layout=look.plain), feedback, status], title=f"Your plan: {spec.title}",
                   fallback=fallback, layout=look.plain,
                   note="This is a form. Run the notebook in JupyterLab to write your plan; here you see what is "
                        "saved in the workbook.")


# --------------------------------------------------------------------------- the rubric
def rubric_form(role: str = "self", *, section: str = RUBRIC, reference: Mapping | None = None,
                title: str | None = None) -> FormBox:
    """Assess the plan with the course's rubric: a level per criterion and a note. ``role``: self, peer or trainer.

    ``section``: where it is saved (``"rubric"``, which the completion record reads; practice on the
    worked example goes elsewhere, e.g. ``"rubric_practice"``). ``reference``: the course's reading of a
    worked plan (``rubric.MARENTA_REVIEW``), compared in the feedback.
    """
    if role not in ROLES:
        raise MissionkitInputError(f"'{role}' is not a way to use the rubric", fix="Use self, peer or trainer")
    rubric = load_rubric()
    wb, note = open_workbook("Your assessment is not saved")
    saved: Any = {}
    if wb is not None:
        try:
            saved = wb.get(section, role, {}) or {}
        except MissionkitInputError as error:
            note = f"Your saved assessment could not be read: {error.message}"
    saved = saved if isinstance(saved, Mapping) else {}
    scores0 = clean_scores(saved.get("scores"))
    options = [("Choose a level", "")] + [(f"{lv.level} {lv.name}", str(lv.level)) for lv in rubric.levels]
    look = _look()
    levels = {c.key: w.Dropdown(options=options, value=str(scores0.get(c.key, "")), description=f"{c.name}:",
                                layout=look.full, style=look.desc)
              for c in rubric.criteria}
    who = w.Text(value=saved.get("by") if isinstance(saved.get("by"), str) else "", continuous_update=False,
                 placeholder="Your name", description=f"Assessed by ({ROLE_NAMES[role]}):", layout=look.choice,
                 style=look.text_desc)
    note_box = w.Textarea(value=saved.get("note") if isinstance(saved.get("note"), str) else "", rows=4,
                          continuous_update=False, layout=look.full, style=look.text,
                          placeholder="Why these levels, and what would raise the weakest one (press Tab when done)")
    feedback, status = _html(), _html(_note_html(note))
    parts: list[w.Widget] = [_html("<p>Choose a level for each criterion (the rubric above shows what each level "
                                   "looks like), then write your note.</p>"), *levels.values()]
    if role != "self":
        parts.append(who)
    parts += [_html("<label><strong>Your note</strong></label>"), note_box]

    def value() -> dict:
        return {"scores": {k: int(d.value) for k, d in levels.items() if d.value}, "note": note_box.value,
                "by": who.value.strip()}

    saver = FormSaver(wb, section, role, value())

    def refresh(change=None) -> None:
        v = value()
        feedback.value = check_assessment(v["scores"], v["note"], role, reference).to_html()
        if change is not None and wb is not None:
            saver.save_and_report(v, status)

    for control in (*levels.values(), who, note_box):
        control.observe(refresh, names="value")
    refresh()

    def fallback() -> str:
        v = value()
        rows = "".join(f"<tr><th scope=\"row\">{e(c.name)}</th><td>{e(str(v['scores'].get(c.key, 'not scored')))}"
                       "</td></tr>" for c in rubric.criteria)
        return (f'<table><thead><tr><th scope="col">Criterion</th><th scope="col">Level</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>" + feedback.value)

    return FormBox(parts + [feedback, status], title=title or f"The plan's rubric: {ROLE_NAMES[role]}",
                   fallback=fallback, layout=look.plain)


# --------------------------------------------------------------------------- the before-and-after check
def explanations_html(sections: Mapping) -> str:
    """The gain and, once the after-check is complete, each question's best answer and why."""
    res = results(sections)
    parts = [f'<p role="status"><strong>{e(res.summary())}</strong></p>']
    for x in res.explained:
        q = x.question
        mine = q.options.get(x.after or "", "no answer")
        mark = "✅" if x.right_after else "🔁"
        before = "" if x.before is None else (" (before: right)" if x.right_before else " (before: another answer)")
        parts.append(f"<details><summary>{mark} {e(q.id)} (Module {e(q.module)}): {e(q.question)}</summary>"
                     f"<p><strong>Your answer:</strong> {e(mine)}{e(before)}</p>"
                     f"<p><strong>Best answer:</strong> {e(q.options[q.answer])}</p><p>{e(q.explanation)}</p>"
                     "</details>")
    return "".join(parts)


def check_form(sitting: str = "before") -> FormBox:
    """The before-and-after check. Before: answers are saved, no right answers are shown. After: once every
    question is answered, your gain and the explanation of each answer."""
    if sitting not in ("before", "after"):
        raise MissionkitInputError(f"'{sitting}' is not a sitting of the check", fix="Use before or after")
    questions = load_questions()
    wb, note = open_workbook("Your answers are not saved")
    answers: dict[str, str] = {}
    closed = False
    if wb is not None:
        try:
            both = read_answers(wb.to_dict().get("sections", {}))
            answers = both[sitting]
            closed = sitting == "before" and bool(both["after"])
        except MissionkitInputError as error:
            note = f"Your saved answers could not be read: {error.message}"
    if closed:
        note = "Your before-check is closed: you have started the after-check, so your gain stays honest."
    look = _look()
    radios = {q.id: w.Dropdown(options=[("Choose an answer", "")] + [(k, k) for k in q.options],
                               value=answers.get(q.id, ""), description=f"Your answer to question {i}:",
                               layout=look.choice, style=look.desc, disabled=closed)
              for i, q in enumerate(questions, 1)}
    progress, status, result = _html(), _html(_note_html(note)), _html()
    parts: list[w.Widget] = []
    for i, q in enumerate(questions, 1):
        options = "".join(f"<li><strong>{k})</strong> {e(t)}</li>" for k, t in q.options.items())
        parts += [_html(f"<p><strong>{i}. {e(q.question)}</strong></p><ul class=\"plain\">{options}</ul>"),
                  radios[q.id]]

    def value() -> dict:
        return {k: r.value for k, r in radios.items() if r.value}

    saver = FormSaver(wb, CHECK, sitting, value())

    def refresh(change=None) -> None:
        v = value()
        progress.value = f'<p role="status">{len(v)} of {len(questions)} questions answered.</p>'
        if change is not None and wb is not None and not closed:
            if sitting == "before" and read_answers(wb.to_dict().get("sections", {}))["after"]:
                status.value = _note_html("Your before-check is closed: you have started the after-check.")
                return
            saver.save_and_report(v, status)
        if sitting == "after" and wb is not None:
            result.value = explanations_html(wb.to_dict().get("sections", {}))

    for r in radios.values():
        r.observe(refresh, names="value")
    refresh()
    intro = ("<p>Choose the best answer to each question. Your answers are saved as you go. The answers are not "
             "shown now: you take the same check at the end of the course (Module 12), and then see what you "
             "learned.</p>" if sitting == "before" else
             "<p>The same questions as at the start. When you have answered them all, you see your gain and why "
             "each best answer is best.</p>")

    def fallback() -> str:  # the questions without answers, so a reader of the book sees the check
        listed = "".join(f"<li>{e(q.question)}<ul>" + "".join(f"<li>{e(k)}) {e(t)}</li>" for k, t in q.options.items())
                         + "</ul></li>" for q in questions)
        return progress.value + f"<ol>{listed}</ol>" + ("" if sitting == "before" else result.value)

    return FormBox([_html(intro), *parts, progress, status, result],
                   title=f"Check yourself: the {sitting}-check", fallback=fallback, layout=look.plain)


# --------------------------------------------------------------------------- record and certificate
def completion_form() -> FormBox:
    """Your name, then your completion record and (once the criteria are met) your certificate."""
    wb, note = open_workbook("Your record cannot be written")
    owner = ""
    if wb is not None:
        try:
            owner = wb.owner or ""
        except MissionkitInputError as error:
            note = f"Your workbook could not be read: {error.message}"
    look = _look()
    name = w.Text(value=owner, continuous_update=False, placeholder="Your name as it should appear on the certificate",
                  layout=look.name, style=look.text)
    button = w.Button(description="Write my record and certificate", layout=look.wide_button, style=look.button,
                      tooltip="Write completion-record.html and, when the criteria are met, certificate.html")
    status, out = _html(_note_html(note)), _html()

    def show_record() -> None:
        if wb is None:
            return
        rec = completion_record(wb)
        items = "".join(f"<li>{'✅' if c.met else '✏️'} {e(c.text)} <em>({e(c.detail)})</em></li>"
                        for c in rec.criteria)
        out.value = f'<p role="status"><strong>{e(rec.summary())}</strong></p><ul>{items}</ul>'

    def on_name(change) -> None:
        if wb is None:
            return
        try:
            if change["new"].strip():
                wb.set_owner(change["new"])
                status.value = _saved_status("meta")
            show_record()
        except MissionkitInputError as error:
            status.value = error_html(error)

    def on_click(_button) -> None:
        if wb is None:
            return
        show_record()
        try:
            rec = write_record(wb)
        except MissionkitInputError as error:
            status.value = error_html(error)
            return
        try:
            status.value = rec._repr_html_() + write_certificate(wb)._repr_html_()
        except MissionkitInputError as error:
            status.value = rec._repr_html_() + error_html(error)

    name.observe(on_name, names="value")
    button.on_click(on_click)
    show_record()
    return FormBox([_html("<label><strong>Your name</strong></label>"), name, button, status, out],
                   title="Your completion record and certificate", fallback=lambda: out.value, layout=look.plain)
