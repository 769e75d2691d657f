"""Forms (ipywidgets) on top of the domain logic; the participant's work is saved as they type.

Every form is a :class:`FormBox`. In JupyterLab it is a live form; everywhere
without a kernel (the built book, slides, a notebook opened before running)
its output also carries a static fallback in ``text/html``: the feedback for
the current (example) answer, with a note that the form works when the
notebook runs. Participant text is always escaped.

Errors from the domain layer (:class:`MissionkitInputError`) are shown as a
plain-language message in the form, never as a traceback.
"""
from __future__ import annotations

import html
from typing import Callable

import ipywidgets as w

from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback

NOTE = ("This is a form. Run the notebook in JupyterLab (Run ▸ Run All Cells) to use it; "
        "here you see its result for the example answer.")


class FormBox(w.VBox):
    """A VBox whose stored output also holds a static HTML fallback."""

    def __init__(self, children, *, title: str, fallback: Callable[[], str], note: str = NOTE, **kwargs):
        super().__init__(children, **kwargs)
        self._title = title
        self._fallback = fallback
        self._note = note  # what the static view shows (the example answer, unless said otherwise)
        self.add_class("missionkit-form")

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        body = self._fallback()
        bundle["text/html"] = (
            f'<div class="missionkit-form-static"><p><strong>{html.escape(self._title)}</strong></p>'
            f"<p><em>{html.escape(self._note)}</em></p>{body}</div>"
        )
        bundle["text/plain"] = f"{self._title} (a form: run the notebook in JupyterLab to use it)"
        return bundle


def error_html(error: Exception) -> str:
    """A participant-facing message for an input error; never a traceback."""
    if isinstance(error, MissionkitInputError):
        return (f'<div class="missionkit-feedback revise" role="alert"><p><strong>That input needs a fix.</strong></p>'
                f"<p>{html.escape(error.message)}</p><p>Nothing you saved has been lost.</p></div>")
    raise error


def feedback_html(result) -> str:
    if isinstance(result, Feedback):
        return result.to_html()
    if hasattr(result, "to_html"):
        return result.to_html()
    return f"<p>{html.escape(str(result))}</p>"


def labelled(widget: w.Widget, label: str, help_text: str = "") -> w.Widget:
    """A widget with a visible label above it (screen readers get the label as description)."""
    widget.description = ""
    if hasattr(widget, "description_allow_html"):
        widget.description_allow_html = False
    if hasattr(widget, "placeholder") and help_text and not getattr(widget, "placeholder", ""):
        widget.placeholder = help_text
    title = w.HTML(f"<label><strong>{html.escape(label)}</strong></label>")
    children = [title, widget]
    if help_text:
        children.insert(1, w.HTML(f'<span style="color:#333">{html.escape(help_text)}</span>'))
    return w.VBox(children)


# --------------------------------------------------------------------------- module 01: the Litmus Test form
LITMUS_RATING_OPTIONS = [("Choose a rating", ""), ("Yes", "yes"), ("Partly", "partly"), ("No", "no"),
                  ("Not sure", "not sure")]


def _litmus_answers_html(answers) -> str:
    """The answers as a small static table (participant text escaped)."""
    from missionkit import litmus

    rows = []
    for step in litmus.LITMUS_STEPS:
        a = answers.step(step.key)
        rating = a.rating or "not rated yet"
        evidence = a.evidence or "(no evidence yet)"
        rows.append(f"<tr><th scope=\"row\">{step.number}. {html.escape(step.name)}</th>"
                    f"<td>{html.escape(rating)}</td><td>{html.escape(evidence)}</td></tr>")
    return ('<table class="missionkit-litmus"><thead><tr><th scope="col">Step</th><th scope="col">Rating</th>'
            '<th scope="col">Evidence</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def _open_workbook():
    """The participant's workbook, or (None, reason) when it cannot be used here."""
    try:
        from missionkit.workbook import Workbook
    except ImportError:
        return None, "Your answers are not saved: the workbook module is not available."
    try:
        return Workbook.open(), ""
    except MissionkitInputError as error:
        return None, f"Your answers are not saved: {error.message}"


def litmus_form(workbook_section: str = "litmus", key: str | None = None, *, start=None) -> FormBox:
    """The OECD Mission Litmus Test as a form: four ratings, four evidence boxes, a live verdict.

    The verdict (:func:`missionkit.litmus.litmus_verdict`) updates on every
    change, and every change is saved to the workbook at once:

    * ``key=None``: each step under its own key in ``workbook_section``
      (``"challenge"``, ``"support"``, ``"objective"``, ``"commitment"``), each
      value ``{"answer": rating, "evidence": text}``;
    * ``key="name"``: the four steps together, as one dict under that key.

    Saved answers are loaded when the form opens; ``start`` (any shape
    :func:`missionkit.litmus.parse_answers` reads) fills the form only when
    nothing is saved yet. Without a workbook the form still works, unsaved.
    """
    from missionkit import litmus

    wb, save_note = _open_workbook()
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
        try:
            if key is None:
                wb.update(workbook_section, a.to_workbook())
            else:
                wb.set(workbook_section, key, a.to_workbook())
            show_status(f"Saved to your workbook (section \u201c{workbook_section}\u201d).")
        except MissionkitInputError as error:
            status.value = error_html(error)

    for control in (*ratings.values(), *evidence.values()):
        control.observe(refresh, names="value")
    refresh()
    show_status(load_note or save_note)

    def fallback() -> str:
        a = state["answers"]
        return _litmus_answers_html(a) + litmus.litmus_verdict(a).to_html()

    return FormBox(parts + [text("<h4>Verdict</h4>"), verdict, status],
                   title="The Mission Litmus Test (OECD): your answers", fallback=fallback)


def text_form(section: str, key: str, *, title: str, label: str, help_text: str, check, example: str) -> FormBox:
    """One text box whose feedback (``check(text) -> Feedback``) updates and which saves to the workbook
    when the participant leaves the box (Tab or click away)."""
    from missionkit.workbook import Workbook

    wb = Workbook.open()
    box = w.Textarea(value=wb.get(section, key, "") or "", placeholder=example, rows=3, continuous_update=False,
                     layout=w.Layout(width="95%"))
    feedback = w.HTML(check(box.value).to_html())

    def on_change(change):
        wb.set(section, key, change["new"])
        feedback.value = check(change["new"]).to_html()

    box.observe(on_change, names="value")

    def fallback() -> str:  # the saved answer's feedback; with none, the example as a hint (never praised)
        if box.value.strip():
            return check(box.value).to_html()
        return check("").to_html() + f"<p><em>For example:</em> {html.escape(example)}</p>"

    return FormBox([labelled(box, label, help_text), feedback], title=title, fallback=fallback)
