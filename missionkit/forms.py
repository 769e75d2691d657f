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
from functools import lru_cache
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

    def save_and_report(self, value: Any, status: Any) -> None:
        """Save the form's value and say so in ``status``: "Saved to your workbook", or the plain
        error (what went wrong, how to fix it) with the participant's text left in the form."""
        try:
            self.save(value)
            status.value = (f'<p class="missionkit-save-status"><em>Saved to your workbook (section '
                            f"\u201c{html.escape(self.section)}\u201d).</em></p>")
        except MissionkitInputError as error:
            status.value = error_html(error)

    def follow(self, controls: list[Any], value: Callable[[], Any], status: Any,
               show: Callable[[Any], None] | None = None) -> Callable[..., None]:
        """Whenever one of ``controls`` changes: ``show`` the new value (the feedback), then save it and
        report in ``status`` (nothing is saved without a workbook). Returns the refresh function."""

        def refresh(_change: Any = None) -> None:
            current = value()
            if show is not None:
                show(current)
            if self.wb is not None:
                self.save_and_report(current, status)

        for control in controls:
            control.observe(refresh, names="value")
        return refresh


def for_form(feedback: Any) -> Any:
    """A check's feedback as a form shows it: "not answered yet" says to answer in the form, not how to
    type the answer in code (quotes, brackets); any other feedback is the check's, word for word."""
    if getattr(feedback, "status", None) != "not answered":
        return feedback
    from missionkit.feedback import Feedback

    return Feedback("not answered", feedback.title,
                    improve=["Answer in the form above: choose, tick or type. The feedback appears here as you go, "
                             "and your answer is saved."])


class _Line:
    """Where :meth:`FormSaver.save_and_report` writes the save status when the form shows it with its feedback."""

    value = ""


@lru_cache(maxsize=1)
def _shared_looks() -> tuple:
    """Layouts and styles shared by every answer form in a kernel: each is one widget model, stored once in
    the notebook (300 KB limit), however many forms and fields use it."""
    from ipywidgets.widgets.widget_bool import CheckboxStyle
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    column = {"flex_flow": "column", "align_items": "flex-start"}  # a text box's label above the box
    return (HTMLStyle(), w.Layout(), w.Layout(width="95%", **column), w.Layout(width="30em", **column),
            CheckboxStyle(), w.Layout(width="auto"), DescriptionStyle(description_width="initial"),
            TextStyle(description_width="initial"), w.Layout(align_items="flex-end"))


def text_form(section: str, key: str, *, title: str, label: str, help_text: str, check, example: str,
              start: Any = None) -> FormBox:
    """One text box whose feedback (``check(text) -> Feedback``) updates and which saves to the workbook
    when the participant leaves the box (Tab or click away).

    A workbook that cannot be opened or saved gives a plain message in the form, and the text the
    participant typed stays in the box; a saved answer that is not text opens as an empty box.
    ``start`` (text: the worked solution) fills the box when nothing is saved yet.
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
    if not saved.strip() and isinstance(start, str):
        saved = start
    html_style, html_layout, wide, *_, text_style, _row = _shared_looks()
    box = w.Textarea(value=saved, placeholder=example, rows=3, continuous_update=False, layout=wide, style=text_style,
                     description=label)  # its own <label>, above the box
    feedback = w.HTML(check(box.value).to_html(), layout=html_layout, style=html_style)
    status = w.HTML(f"<p><em>{html.escape(note)}</em></p>" if note else "", layout=html_layout, style=html_style)
    heading = f'<span style="color:#333">{html.escape(help_text)}</span>'

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

    field = w.VBox([*([w.HTML(heading, layout=html_layout, style=html_style)] if help_text else []), box],
                   layout=html_layout)  # children: the field (the box last), the feedback, the status
    return FormBox([field, feedback, status], title=title, fallback=fallback, layout=html_layout)


# --- Answer forms: one exercise question as fields (drop-downs, checkboxes, numbers, text) -------------

CHOOSE = "Choose…"


class Field:
    """One field of an :func:`answer_form`; ``name`` is its key in the saved answer.

    kind: ``"choice"`` (a drop-down; value a str or None), ``"many"`` (checkboxes; a list, in the order
    ticked: a first choice first), ``"number"`` (a box for a number, with ``unit`` beside it; a float/int or None),
    ``"text"`` (one line) or ``"long text"`` (several lines). ``options`` are values or
    (label, value) pairs.
    """

    def __init__(self, name: str, label: str, kind: str = "choice", options: Any = (), *, unit: str = "",
                 help_text: str = "", integer: bool = False) -> None:
        if kind not in ("choice", "many", "number", "text", "long text"):
            raise ValueError(f"unknown field kind {kind!r}")
        self.name, self.label, self.kind, self.unit, self.help_text = name, label, kind, unit, help_text
        self.integer = integer
        self.options: list[tuple[str, Any]] = [o if isinstance(o, tuple) else (str(o), o) for o in options]

    def clean(self, value: Any) -> Any:
        """A saved or starting value as this field can show it (anything else: blank)."""
        values = [v for _, v in self.options]
        if self.kind == "choice":
            return value if value in values else None
        if self.kind == "many":  # in the order given (the order ticked), known values only
            chosen = list(value) if isinstance(value, (list, tuple)) else []
            return [v for v in dict.fromkeys(chosen) if v in values]
        if self.kind == "number":
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        return value if isinstance(value, str) else ""


def parse_number(text: str) -> float | int | None:
    """A number typed in a box ("15", "0.5", "1,000", "50 %"); None when blank; ValueError otherwise."""
    t = text.strip().replace(",", "").replace("\u00a0", "").rstrip("%").strip()
    if not t:
        return None
    number = float(t)
    return int(number) if number.is_integer() and "." not in t else number


def answer_form(section: str, key: str, fields: list[Field], *, title: str, check: Callable[[dict], Any],
                intro: str = "", start: Any = None) -> FormBox:
    """One exercise question as a form: its fields, its feedback under them, saved as you answer.

    ``check(answer)`` gets ``{field name: value}`` (blank fields None, "" or []) and returns a
    :class:`missionkit.feedback.Feedback`: give it the module's own check, so the form says exactly
    what the code cell would. The answer is saved at once to the workbook (``section``/``key``);
    a saved answer is shown when the form opens again (after a restart, or in a second copy);
    ``start`` ({field name: value}) fills the form only when nothing is saved (the worked solution).
    """
    from missionkit.feedback import is_blank

    wb, note = open_workbook()
    saved: Any = None
    if wb is not None:
        try:
            saved = wb.get(section, key)
        except MissionkitInputError as error:  # pragma: no cover - the workbook recovers itself
            note = f"Your saved answer could not be read, so the form starts empty: {error.message}"
    source = saved if isinstance(saved, dict) and not is_blank(saved) else (
        start if isinstance(start, dict) else {})
    values = {f.name: f.clean(source.get(f.name)) for f in fields}

    html_style, html_layout, wide, narrow, tick_style, drop_layout, drop_style, text_style, row_layout = \
        _shared_looks()

    def block(markup: str = "") -> w.HTML:
        return w.HTML(markup, style=html_style, layout=html_layout)

    controls: dict[str, Any] = {}
    rows: list[w.Widget] = [block(f"<p>{html.escape(intro)}</p>")] if intro else []
    for f in fields:
        label = f"<label><strong>{html.escape(f.label)}</strong></label>"
        if f.help_text:
            label += f'<br><span style="color:#333">{html.escape(f.help_text)}</span>'
        v = values[f.name]
        if f.kind == "choice":  # the label is the drop-down's own (a <label> for screen readers): fewer models
            control: Any = w.Dropdown(options=[(CHOOSE, ""), *f.options], value="" if v is None else v,
                                      description=f.label, layout=drop_layout, style=drop_style)
            rows.append(control)
            rows += ([block(f'<span style="color:#333">{html.escape(f.help_text)}</span>')] if f.help_text else [])
        elif f.kind == "many":
            boxes = [w.Checkbox(value=val in v, description=lab, indent=False, layout=wide, style=tick_style)
                     for lab, val in f.options]
            control = boxes
            if rows and len(fields) == 1:  # one list of ticks: its label joins the introduction (fewer models)
                rows[0].value += label
                rows += boxes
            else:
                rows += [block(label), *boxes]
        elif f.kind == "number":  # the label is the box's own <label>, above it; the unit beside it
            shown = "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))
            control = w.Text(value=shown, placeholder="a number", continuous_update=False, layout=narrow,
                             style=text_style, description=f.label)
            rows.append(w.HBox([control, block(html.escape(f.unit))], layout=row_layout))
            rows += ([block(f'<span style="color:#333">{html.escape(f.help_text)}</span>')] if f.help_text else [])
        else:  # the label is the box's own <label>, above it
            control = (w.Textarea(value=v, rows=4, continuous_update=False, layout=wide, style=text_style,
                                  description=f.label)
                       if f.kind == "long text" else
                       w.Text(value=v, continuous_update=False, layout=wide, style=text_style, description=f.label))
            rows.append(control)
            rows += ([block(f'<span style="color:#333">{html.escape(f.help_text)}</span>')] if f.help_text else [])
        controls[f.name] = control
    feedback = block()  # the check's feedback, then the save status: one model (notebook size)
    status = _Line()
    problems = block() if any(f.kind == "number" for f in fields) else None  # only numbers can be mistyped

    order: dict[str, list] = {f.name: list(values[f.name]) for f in fields if f.kind == "many"}

    def current() -> tuple[dict, list[str]]:
        answer: dict[str, Any] = {}
        errors: list[str] = []
        for f in fields:
            c = controls[f.name]
            if f.kind == "many":
                ticked = [val for (_, val), box in zip(f.options, c, strict=True) if box.value]
                order[f.name] = [v for v in order[f.name] if v in ticked] + [
                    v for v in ticked if v not in order[f.name]]  # the order ticked in (a first choice first)
                answer[f.name] = list(order[f.name])
            elif f.kind == "number":
                try:
                    number = parse_number(c.value)
                    answer[f.name] = int(number) if f.integer and number is not None else number
                except ValueError:
                    answer[f.name] = None
                    errors.append(f"{f.label}: \u201c{c.value}\u201d is not a number. Write digits only, "
                                  f"for example 15 or 0.5.")
            elif f.kind == "choice":
                answer[f.name] = c.value if c.value != "" else None
            else:
                answer[f.name] = c.value
        return answer, errors

    state: dict[str, Any] = {}

    def refresh(change=None) -> None:
        answer, errors = current()
        state["answer"] = answer
        if problems is not None:
            problems.value = "".join(f'<p class="missionkit-feedback revise" role="alert">{html.escape(e)}</p>'
                                     for e in errors)
        state["feedback"] = for_form(check(answer)).to_html()
        if change is not None and wb is not None and not errors:
            saver.save_and_report(answer, status)
        feedback.value = state["feedback"] + status.value

    saver = FormSaver(wb, section, key, current()[0])
    for c in controls.values():
        for one in (c if isinstance(c, list) else [c]):
            one.observe(refresh, names="value")
    if note:
        status.value = f"<p><em>{html.escape(note)}</em></p>"
    refresh()

    def fallback() -> str:
        answer = state["answer"]
        cells = []
        for f in fields:
            v = answer.get(f.name)
            if f.kind == "choice":
                v = dict((val, lab) for lab, val in f.options).get(v, "(not chosen)")
            elif f.kind == "many":
                v = ", ".join(lab for lab, val in f.options if val in v) or "(none ticked)"
            elif f.kind == "number":
                v = "(blank)" if v is None else f"{v:g} {f.unit}".strip()
            cells.append(f'<tr><th scope="row">{html.escape(f.label)}</th><td>{html.escape(str(v) or "(blank)")}'
                         "</td></tr>")
        table = f'<table class="missionkit-table"><tbody>{"".join(cells)}</tbody></table>'
        return table + state["feedback"]

    box = FormBox([*rows, *([problems] if problems is not None else []), feedback], title=title,
                  fallback=fallback, layout=html_layout)
    box.answer = lambda: dict(state["answer"])
    return box


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
