"""Module 01 forms: the OECD Mission Litmus Test (four ratings with evidence and a live verdict) and
Exercise 1's classification (one drop-down per initiative)."""
from __future__ import annotations

import html

import ipywidgets as w

from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, open_workbook
from missionkit.missions import litmus
from missionkit.missions.checks import check_classification, check_litmus_answers
from missionkit.missions.examples import CHOICES, INITIATIVES

LITMUS_RATING_OPTIONS = [("Choose a rating", ""), ("Yes", "yes"), ("Partly", "partly"), ("No", "no"),
                  ("Not sure", "not sure")]


def _litmus_answers_html(answers) -> str:
    """The answers as a small static table (participant text escaped)."""
    rows = []
    for step in litmus.LITMUS_STEPS:
        a = answers.step(step.key)
        rating = a.rating or "not rated yet"
        evidence = a.evidence or "(no evidence yet)"
        rows.append(f"<tr><th scope=\"row\">{step.number}. {html.escape(step.name)}</th>"
                    f"<td>{html.escape(rating)}</td><td>{html.escape(evidence)}</td></tr>")
    return ('<table class="missionkit-litmus"><thead><tr><th scope="col">Step</th><th scope="col">Rating</th>'
            '<th scope="col">Evidence</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def litmus_form(workbook_section: str = "litmus", key: str | None = None, *, start=None) -> FormBox:
    """The OECD Mission Litmus Test as a form: four ratings, four evidence boxes, a live verdict.

    The verdict (:func:`missionkit.missions.litmus.litmus_verdict`) updates on every
    change, and every change is saved to the workbook at once:

    * ``key=None``: each step under its own key in ``workbook_section``
      (``"challenge"``, ``"support"``, ``"objective"``, ``"commitment"``), each
      value ``{"answer": rating, "evidence": text}``;
    * ``key="name"``: the four steps together, as one dict under that key.

    Saved answers are loaded when the form opens; ``start`` (any shape
    :func:`missionkit.missions.litmus.parse_answers` reads) fills the form only when
    nothing is saved yet. Without a workbook the form still works, unsaved.
    """
    wb, save_note = open_workbook()
    answers = litmus.LitmusAnswers()
    load_note = ""
    if wb is not None:
        try:
            stored = wb.section(workbook_section) if key is None else wb.get(workbook_section, key)
            if key is None and isinstance(stored, dict):
                stored = {k: v for k, v in stored.items() if k in litmus.STEPS}
            answers = litmus.parse_answers(stored or None)
        except MissionkitInputError as error:
            load_note = f"Your saved answers could not be read, so the form starts empty: {error.message}"
    if all(not a.answered and not a.evidence for _, a in answers.items()) and start is not None:
        answers = litmus.parse_answers(start)

    # Few widget models (shared layouts and styles) keep the stored notebook small.
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    text_layout, text_style = w.Layout(), HTMLStyle()
    drop_layout, drop_style = w.Layout(width="16em"), DescriptionStyle()
    area_layout, area_style = w.Layout(width="100%"), TextStyle()

    def text(markup: str) -> w.HTML:
        return w.HTML(markup, layout=text_layout, style=text_style)

    ratings: dict[str, w.Dropdown] = {}
    evidence: dict[str, w.Textarea] = {}
    parts: list[w.Widget] = [text(
        "<p>Rate each step and write the evidence behind your rating. After typing, press Tab (or click "
        "outside the box): the verdict at the bottom updates and your answer is saved.</p>")]
    for step in litmus.LITMUS_STEPS:
        a = answers.step(step.key)
        e = html.escape
        ratings[step.key] = w.Dropdown(options=LITMUS_RATING_OPTIONS, value=a.rating or "", description="",
                                       layout=drop_layout, style=drop_style)
        evidence[step.key] = w.Textarea(value=a.evidence, rows=3, description="", continuous_update=False,
                                        placeholder=step.evidence, layout=area_layout, style=area_style)
        parts += [
            text(f"<h4>Step {step.number}. {e(step.name)}: {e(step.title.lower())}</h4>"
                 f"<p>Guiding questions (our proposal): {e(' '.join(step.questions))}</p>"
                 f"<label><strong>Step {step.number} ({e(step.name.lower())}): your rating</strong></label>"),
            ratings[step.key],
            text(f"<label><strong>Step {step.number} ({e(step.name.lower())}): your evidence</strong></label>"
                 f'<br><span style="color:#333">What to bring (our proposal): {e(step.evidence)}</span>'),
            evidence[step.key],
        ]
    verdict = text("")
    status = text("")
    state = {"answers": answers}

    def current():
        return litmus.parse_answers({k: {"rating": ratings[k].value or None, "evidence": evidence[k].value}
                                     for k in litmus.STEPS})

    def show_status(note: str) -> None:
        status.value = f'<p class="missionkit-save-status"><em>{html.escape(note)}</em></p>' if note else ""

    def refresh(change=None) -> None:
        state["answers"] = a = current()
        verdict.value = litmus.litmus_verdict(a).to_html()
        if change is None or wb is None:
            return
        saver.save_and_report(a.to_workbook(), status)  # only what changed in this copy of the form

    saver = FormSaver(wb, workbook_section, key, current().to_workbook())
    for control in (*ratings.values(), *evidence.values()):
        control.observe(refresh, names="value")
    refresh()
    show_status(load_note or save_note)

    def fallback() -> str:
        a = state["answers"]
        return _litmus_answers_html(a) + litmus.litmus_verdict(a).to_html()

    return FormBox(parts + [text("<h4>Verdict</h4>"), verdict, status],
                   title="The Mission Litmus Test (OECD): your answers", fallback=fallback)




def classification_form(start=None, *, section: str = "missions", key: str = "classification") -> FormBox:
    """Exercise 1 as a form: one drop-down per initiative (accelerator, transformer or not a mission).

    The feedback is :func:`missionkit.missions.check_classification`'s; the answer is saved to the
    workbook (``section``/``key``) as ``{initiative name: choice}``. ``start`` (the same dict; the
    worked solution) fills the form when nothing is saved yet; a blank exercise passes ``...``.
    """
    fields = [Field(i.name, i.name, "choice", CHOICES, help_text=i.what) for i in INITIATIVES]
    return answer_form(
        section, key, fields, start=start, title="Exercise 1: mission or not? Your classification",
        intro="Choose one answer per initiative. The feedback below updates as you choose, and your "
              "answers are saved to your workbook.",
        check=lambda answer: check_classification({k: (... if v is None else v) for k, v in answer.items()}))


def marenta_litmus_form(ratings=None, evidence=None, *, section: str = "missions",
                        key: str = "marenta_litmus") -> FormBox:
    """Exercise 2 as a form: a rating and the evidence for each Litmus step on Marenta (FICTIONAL); the
    feedback is :func:`missionkit.missions.check_litmus_answers`'s; saved under ``section``/``key``."""
    fields: list[Field] = []
    for step in litmus.LITMUS_STEPS:
        fields += [Field(f"{step.key}_rating", f"Step {step.number}. {step.name}: your rating", "choice",
                         litmus.RATINGS),
                   Field(f"{step.key}_evidence", f"Step {step.number}. {step.name}: your evidence", "long text",
                         help_text=f"What to bring (our proposal): {step.evidence}")]
    start = None
    if isinstance(ratings, dict) or isinstance(evidence, dict):
        r = ratings if isinstance(ratings, dict) else {}
        e = evidence if isinstance(evidence, dict) else {}
        start = {**{f"{k}_rating": r.get(k) for k in litmus.STEPS},
                 **{f"{k}_evidence": e.get(k) for k in litmus.STEPS}}

    def check(answer):
        r = {k: answer[f"{k}_rating"] or ... for k in litmus.STEPS}
        e = {k: answer[f"{k}_evidence"] if answer[f"{k}_evidence"].strip() else ... for k in litmus.STEPS}
        return check_litmus_answers(r, e)

    return answer_form(section, key, fields, start=start, title="Exercise 2: the Litmus Test on Marenta (FICTIONAL)",
                       intro="Rate each step and write the evidence from the case. After typing, press Tab: the "
                             "feedback updates and your answers are saved.", check=check)
