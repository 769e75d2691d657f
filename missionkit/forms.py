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


def open_workbook(unsaved: str = "Your answers are not saved"):
    """The participant's workbook, or (None, reason) when it cannot be used here.

    ``unsaved`` starts the reason ("Your design is not saved"), which the form shows.
    """
    from missionkit.workbook import Workbook

    try:
        return Workbook.open(), ""
    except MissionkitInputError as error:
        return None, f"{unsaved}: {error.message}"


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
