"""Forms for module 07 (mission diagnostics).

:func:`theme_coding_form`: one box of keywords per theme, plus a theme of your
own; the counts (statements and focus groups per theme, and how many statements
no theme caught) update as you edit, and the codebook is saved to the workbook
(section ``"diagnostics"``, key ``"themes"``) on every change.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from missionkit import case
from missionkit.diagnostics import themes as T
from missionkit.diagnostics.checks import check_recommendations, check_survey_design, check_survey_reading, check_themes
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, error_html, open_workbook

SECTION = "diagnostics"
KEY = "themes"
OWN = "your own theme"


def _as_book(stored: Any) -> dict[str, list[str]]:
    if not isinstance(stored, Mapping):
        return {}
    out: dict[str, list[str]] = {}
    for name, words in stored.items():
        if isinstance(words, str):
            words = words.split(",")
        if isinstance(words, (list, tuple)):
            out[str(name)] = [str(x).strip() for x in words if str(x).strip()]
    return out


def counts_html(book: Mapping[str, Any], focus_groups=None) -> str:
    """The theme counts as a small HTML table (participant text escaped), or a plain message."""
    try:
        counts = T.theme_counts(book, focus_groups)
        coded = T.code_statements(book, focus_groups)
    except MissionkitInputError as error:
        return error_html(error)
    rows = "".join(
        f"<tr><th scope=\"row\">{html.escape(str(r['theme']))}</th><td>{r['statements']}</td><td>{r['groups']} of "
        f"{r['of groups']}</td><td>{html.escape(str(r['example']))}</td></tr>"
        for r in counts.to_dict("records"))
    none = coded[coded["themes"] == ""]
    missed = "".join(f"<li>{html.escape(s)} ({html.escape(g)})</li>" for s, g in
                     zip(none["statement"].head(5), none["group_id"].head(5), strict=False))
    more = f"<li>… and {len(none) - 5} more</li>" if len(none) > 5 else ""
    return ('<table class="missionkit-themes"><thead><tr><th scope="col">Theme</th><th scope="col">Statements</th>'
            '<th scope="col">Focus groups</th><th scope="col">Example</th></tr></thead><tbody>' + rows
            + f"</tbody></table><p><strong>{len(none)} of {len(coded)} statements have no theme.</strong>"
            + (f" Some of them:</p><ul>{missed}{more}</ul>" if len(none) else "</p>"))


def theme_coding_form(focus_groups=None, *, section: str = SECTION, key: str = KEY, start: Any = None,
                      check: bool = False) -> FormBox:
    """Edit a codebook (theme -> keywords) and see the counts update; saved to the workbook as you go.

    Opens with the codebook saved in the workbook, or else ``start`` (default:
    the course's :data:`~missionkit.diagnostics.themes.DEFAULT_THEMES`). The last box
    is for a theme of your own: give it a name and keywords. ``check=True`` (Exercise 3) adds
    :func:`missionkit.diagnostics.check_themes`'s feedback, and a blank form starts with the course's theme
    names and no keywords (the exercise's question), not with the course's codebook.
    """
    wb, save_note = open_workbook()
    book: dict[str, list[str]] = {}
    load_note = ""
    if wb is not None:
        try:
            book = _as_book(wb.get(section, key))
        except MissionkitInputError as error:
            load_note = f"Your saved themes could not be read, so the form starts from the course's: {error.message}"
    if not book:
        if start is None and check:
            start = {name: [] for name in T.DEFAULT_THEMES}
        book = _as_book(T.DEFAULT_THEMES if start is None else start)

    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    text_layout, text_style = w.Layout(), HTMLStyle()
    box_layout, box_style = w.Layout(width="100%"), TextStyle()

    def text(markup: str) -> w.HTML:
        return w.HTML(markup, layout=text_layout, style=text_style)

    names = list(book)
    boxes: dict[str, w.Text] = {}
    parts: list[w.Widget] = [text(
        "<p>Each box holds one theme's keywords, separated by commas. A statement gets the theme when it contains "
        "a keyword (capital letters do not matter). Edit a box and press Tab or Enter: the counts below update and "
        "your codebook is saved. Clear a box to drop its theme.</p>")]
    for name in names:
        boxes[name] = w.Text(value=", ".join(book[name]), continuous_update=False, layout=box_layout,
                             style=box_style)
        parts += [text(f"<label><strong>Theme \u201c{html.escape(name)}\u201d: keywords</strong></label>"),
                  boxes[name]]
    own_name = w.Text(value="", continuous_update=False, layout=box_layout, style=box_style,
                      placeholder="A name for your own theme, for example: data gaps")
    own_words = w.Text(value="", continuous_update=False, layout=box_layout, style=box_style,
                       placeholder="Its keywords, separated by commas, for example: no data, data")
    parts += [text("<label><strong>Your own theme: name</strong></label>"), own_name,
              text("<label><strong>Your own theme: keywords</strong></label>"), own_words]
    table = text("")
    status = text("")
    feedback = text("")
    state: dict[str, Any] = {"book": book}

    def current() -> dict[str, list[str]]:
        out = {n: [x.strip() for x in b.value.split(",") if x.strip()] for n, b in boxes.items()}
        out = {n: v for n, v in out.items() if v}
        if own_name.value.strip() and own_words.value.strip():
            out[own_name.value.strip()] = [x.strip() for x in own_words.value.split(",") if x.strip()]
        return out

    def refresh(change=None) -> None:
        book_now = current()
        state["book"] = book_now
        table.value = counts_html(book_now, focus_groups)
        if check:
            feedback.value = check_themes(book_now).to_html()
        if change is None or wb is None:
            return
        try:
            T.parse_themes(book_now)
        except MissionkitInputError:
            return  # the table already explains the problem; nothing is saved until it is fixed
        saver.save_and_report(book_now, status)

    saver = FormSaver(wb, section, key, current())  # saves only what changes in this copy (issue 17)
    for control in (*boxes.values(), own_name, own_words):
        control.observe(refresh, names="value")
    refresh()
    note = load_note or save_note
    status.value = f'<p class="missionkit-save-status"><em>{html.escape(note)}</em></p>' if note else ""

    def fallback() -> str:
        return counts_html(state["book"], focus_groups) + feedback.value

    return FormBox(parts + [text("<h4>Counts</h4>"), table, *([feedback] if check else []), status],
                   title="Coding the focus groups into themes (fictional case)", fallback=fallback)


# --------------------------------------------------------------------------- the exercise's other questions
def _given(value: Any) -> Any:
    return ... if value is None or value == [] or value == "" else value


def survey_design_form(short_survey: Any = None, new_item: Any = None) -> FormBox:
    """Exercise 1 as a form: tick 8 to 12 items for a pulse survey and write one new item; feedback from
    :func:`missionkit.diagnostics.check_survey_design`; saved under ``diagnostics``/``survey_design``."""
    items = case.load("survey_items")
    options = [(f"{r.item} ({r.dimension}) {r.wording}", r.item) for r in items.itertuples()]
    fields = [Field("short_survey", "The items of your short survey (8 to 12)", "many", options),
              Field("new_item", "One new item of your own", "long text",
                    help_text="A statement respondents can agree or disagree with.")]
    start = ({"short_survey": list(short_survey) if isinstance(short_survey, (list, tuple)) else [],
              "new_item": new_item if isinstance(new_item, str) else ""}
             if isinstance(short_survey, (list, tuple)) or isinstance(new_item, str) else None)
    return answer_form(SECTION, "survey_design", fields, start=start, title="Exercise 1: a five-minute pulse survey",
                       check=lambda a: check_survey_design(_given(a["short_survey"]), _given(a["new_item"])))


def survey_reading_form(small_groups: Any = None, bottom_up_cities: Any = None) -> FormBox:
    """Exercise 2 as a form: tick the groups too small to read alone and the places where most say the mission
    grew bottom-up (FICTIONAL survey); feedback from :func:`missionkit.diagnostics.check_survey_reading`."""
    survey = case.load("survey")
    fields = [Field("small_groups", "Kinds of organisation too small to read on their own", "many",
                    sorted(survey["org_type"].unique())),
              Field("bottom_up_cities", "Where a majority says the mission grew bottom-up (Q07)", "many",
                    list(dict.fromkeys(survey["city"])))]
    start = ({"small_groups": list(small_groups) if isinstance(small_groups, (list, tuple)) else [],
              "bottom_up_cities": list(bottom_up_cities) if isinstance(bottom_up_cities, (list, tuple)) else []}
             if isinstance(small_groups, (list, tuple)) or isinstance(bottom_up_cities, (list, tuple)) else None)
    return answer_form(SECTION, "survey_reading", fields, start=start, title="Exercise 2: reading the survey",
                       check=lambda a: check_survey_reading(_given(a["small_groups"]), _given(a["bottom_up_cities"])))


def recommendations_form(themes: Any = None, *, start: Any = None) -> FormBox:
    """Exercise 4 as a form: three recommendations, with :func:`missionkit.diagnostics.check_recommendations`'s
    feedback. Read against ``themes`` when given, else the codebook saved by the theme form, else the course's."""
    from missionkit.feedback import is_blank

    book = themes
    if is_blank(book):
        wb, _ = open_workbook()
        try:
            book = _as_book(wb.get(SECTION, KEY)) if wb is not None else None
        except MissionkitInputError:
            book = None
    labels = [f"Recommendation {i}" for i in (1, 2, 3)]
    fields = [Field(label, label, "long text", help_text="Who should do what, by when, and the evidence: a survey "
                    "item (Q17), a dimension (R5) or a theme (“silos”).") for label in labels]
    return answer_form(SECTION, "recommendations", fields, start=start if isinstance(start, Mapping) else None,
                       title="Exercise 4: three recommendations for the board",
                       check=lambda a: check_recommendations({k: (v if v.strip() else ...) for k, v in a.items()},
                                                             book or None))
