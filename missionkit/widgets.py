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

    def __init__(self, children, *, title: str, fallback: Callable[[], str], **kwargs):
        super().__init__(children, **kwargs)
        self._title = title
        self._fallback = fallback
        self.add_class("missionkit-form")

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        body = self._fallback()
        bundle["text/html"] = (
            f'<div class="missionkit-form-static"><p><strong>{html.escape(self._title)}</strong></p>'
            f"<p><em>{html.escape(NOTE)}</em></p>{body}</div>"
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
