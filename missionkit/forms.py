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
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as w

from missionkit.errors import MissionkitInputError

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


def open_workbook(unsaved: str = "Your answers are not saved"):
    """The participant's workbook, or (None, reason) when it cannot be used here.

    ``unsaved`` starts the reason ("Your design is not saved"), which the form shows.
    """
    from missionkit.workbook import Workbook

    try:
        return Workbook.open(), ""
    except MissionkitInputError as error:
        return None, f"{unsaved}: {error.message}"


class FormSaver:
    """Saves one form's answer to the workbook: only what changed in this copy of the form.

    The lesson and the exercise may show the same form; the copy opened first must not write its
    stale fields over answers typed in the other (issue 17). Give it what the form shows when it
    opens; each :meth:`save` then writes only the changes since (``Workbook.save_changes``).
    """

    def __init__(self, wb: Any, section: str, key: str | None, shown: Any) -> None:
        self.wb, self.section, self.key, self.base = wb, section, key, shown

    def save(self, value: Any) -> Any:
        """Save the form's value now; returns what the workbook holds for it now."""
        saved = self.wb.save_changes(self.section, self.key, value, self.base)
        self.base = value
        return saved

    def save_and_report(self, value: Any, status: w.HTML) -> None:
        """Save the form's value and say so in ``status``: "Saved to your workbook", or the plain
        error (what went wrong, how to fix it) with the participant's text left in the form."""
        try:
            self.save(value)
            status.value = (f'<p class="missionkit-save-status"><em>Saved to your workbook (section '
                            f"\u201c{html.escape(self.section)}\u201d).</em></p>")
        except MissionkitInputError as error:
            status.value = error_html(error)


def text_form(section: str, key: str, *, title: str, label: str, help_text: str, check, example: str) -> FormBox:
    """One text box whose feedback (``check(text) -> Feedback``) updates and which saves to the workbook
    when the participant leaves the box (Tab or click away).

    A workbook that cannot be opened or saved gives a plain message in the form, and the text the
    participant typed stays in the box; a saved answer that is not text opens as an empty box.
    """
    wb, note = open_workbook()
    saved = ""
    if wb is not None:
        try:
            saved = wb.get(section, key, "") or ""
        except MissionkitInputError as error:
            note = f"Your saved answer could not be read: {error.message}"
    if not isinstance(saved, str):
        saved, note = "", "Your saved answer was not text, so the box starts empty; the saved answer is kept."
    box = w.Textarea(value=saved, placeholder=example, rows=3, continuous_update=False,
                     layout=w.Layout(width="95%"))
    feedback = w.HTML(check(box.value).to_html())
    status = w.HTML(f"<p><em>{html.escape(note)}</em></p>" if note else "")

    def on_change(change):
        feedback.value = check(change["new"]).to_html()
        if wb is None:
            return
        try:
            wb.set(section, key, change["new"])
            status.value = ""
        except MissionkitInputError as error:
            status.value = error_html(error) + "<p>What you typed is still in the box.</p>"

    box.observe(on_change, names="value")

    def fallback() -> str:  # the saved answer's feedback; with none, the example as a hint (never praised)
        if box.value.strip():
            return check(box.value).to_html()
        return check("").to_html() + f"<p><em>For example:</em> {html.escape(example)}</p>"

    return FormBox([labelled(box, label, help_text), feedback, status], title=title, fallback=fallback)


def rubric_form(section: str, key: str, *, title: str, prompt: str, rubric: list[str], model_answer: str,
                min_words: int = 25, example: str = "", structure: bool = False) -> FormBox:
    """A free-text answer that no check can judge: a text box, the rubric to tick honestly, and the model
    answer, which opens only once the participant has written an answer of their own.

    Saves ``{"text": ..., "ticked": [...]}`` to the workbook as soon as either changes. The feedback says
    plainly that it cannot judge the substance (``feedback.rubric_feedback``); it never says "Well done".
    """
    from missionkit.feedback import placeholder_reason, rubric_feedback

    wb, note = open_workbook()
    saved: Any = {}
    if wb is not None:
        try:
            saved = wb.get(section, key, {}) or {}
        except MissionkitInputError as error:
            note = f"Your saved answer could not be read: {error.message}"
    if not isinstance(saved, dict):
        saved, note = {}, "Your saved answer was not in the expected form, so the box starts empty; it is kept."
    text0 = saved.get("text", "") if isinstance(saved.get("text", ""), str) else ""
    ticked0 = [c for c in saved.get("ticked", []) if c in rubric] if isinstance(saved.get("ticked"), list) else []
    box = w.Textarea(value=text0, placeholder=example, rows=6, continuous_update=False,
                     layout=w.Layout(width="95%"))
    checks = [w.Checkbox(value=c in ticked0, description=c, indent=False, layout=w.Layout(width="95%"))
              for c in rubric]
    feedback = w.HTML()
    status = w.HTML(f"<p><em>{html.escape(note)}</em></p>" if note else "")
    show = w.Button(description="Show the model answer", tooltip="Opens once you have written your own answer")
    answer = w.HTML()
    saver = FormSaver(wb, section, key, {"text": text0, "ticked": ticked0})

    def value() -> dict:
        return {"text": box.value, "ticked": [c.description for c in checks if c.value]}

    def refresh(_change=None, save: bool = True) -> None:
        v = value()
        feedback.value = rubric_feedback(title, v["text"], v["ticked"], rubric, min_words=min_words,
                                         echo=prompt, structure=structure).to_html()
        show.disabled = placeholder_reason(v["text"], echo=prompt, min_words=min_words, keywords=True) is not None \
            or not v["text"].strip()
        if save and wb is not None:
            saver.save_and_report(v, status)

    def reveal(_button) -> None:
        answer.value = (f'<div class="missionkit-model-answer"><p><strong>A model answer</strong></p>'
                        f"{model_answer}</div>")

    box.observe(refresh, names="value")
    for c in checks:
        c.observe(refresh, names="value")
    show.on_click(reveal)
    refresh(save=False)

    def fallback() -> str:  # the book: the criteria, then the model answer behind a toggle (try first)
        items = "".join(f"<li>{html.escape(c)}</li>" for c in rubric)
        return (f"<p>{html.escape(prompt)}</p><p>Check your answer against these criteria:</p><ul>{items}</ul>"
                f"<details><summary>A model answer (open it once you have written yours)</summary>"
                f"{model_answer}</details>")

    rubric_box = w.VBox([w.HTML("<p>Tick what your answer does. Be honest: this is for you.</p>"), *checks])
    return FormBox([labelled(box, title, prompt), rubric_box, feedback, show, answer, status],
                   title=title, fallback=fallback)


def free_text_form(question_id: str) -> FormBox:
    """The form for one free-text question of ``missionkit/data/free_text.yml`` (see :func:`rubric_form`)."""
    from markdown_it import MarkdownIt

    from missionkit.rubrics import free_text_question

    q = free_text_question(question_id)
    model = MarkdownIt("commonmark").render(q.model_answer)
    return rubric_form(q.section, q.key, title=q.title, prompt=q.prompt, rubric=list(q.rubric),
                       model_answer=model, min_words=q.min_words, structure=q.decision)


def hand_in_form(module_key: str) -> FormBox:
    """"Hand in to the trainer": a name or alias box, a button, and a confirmation (or a plain error).

    One line in any exercise: ``forms.hand_in_form("framing")``. The button copies a snapshot of the
    workbook into the cohort's hand-in folder (``missionkit.handin``); handing in again replaces it.
    """
    from missionkit import handin

    handin.check_key(module_key)
    wb, note = open_workbook("You cannot hand in from here")
    remembered = ""
    if wb is not None:
        try:
            remembered = wb.get(handin.NAME_SECTION, "name", "") or ""
        except MissionkitInputError as error:
            note = f"Your saved name could not be read: {error.message}"
    name = w.Text(value=remembered if isinstance(remembered, str) else "",
                  placeholder="Your name, or an alias your trainer will recognise", layout=w.Layout(width="60%"))
    button = w.Button(description="Hand in to the trainer", button_style="primary", icon="paper-plane",
                      layout=w.Layout(width="auto"))
    status = w.HTML(f"<p><em>{html.escape(note)}</em></p>" if note else "")

    def on_click(_button=None) -> None:
        if wb is None:
            status.value = f"<p><em>{html.escape(note)}</em></p>"
            return
        try:
            handin.hand_in(module_key, name.value, workbook=wb)
        except MissionkitInputError as error:
            status.value = error_html(error) + "<p>What you typed is still in the box.</p>"
            return
        at = datetime.now().strftime("%H:%M")
        status.value = (f'<p class="missionkit-save-status" role="status"><strong>Handed in at {at}</strong> as '
                        f"\u201c{html.escape(' '.join(name.value.split()))}\u201d for \u201c{html.escape(module_key)}"
                        "\u201d. Your trainer now has a copy of your saved answers. Hand in again at any time: "
                        "the new copy replaces this one.</p>")

    button.on_click(on_click)

    def fallback() -> str:
        return ("<p>A box for your name or an alias, and a button <strong>Hand in to the trainer</strong> that "
                "sends a copy of your saved answers to your trainer.</p>")

    return FormBox([labelled(name, "Your name or an alias", "The trainer sees this name; the room does not."),
                    button, status], title="Hand in to the trainer", fallback=fallback,
                   note="This is a form. Run the notebook in JupyterLab to hand in your work.")
