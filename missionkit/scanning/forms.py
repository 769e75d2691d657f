"""Module 04 form: explore the scan one objective at a time, and note who should act.

The form updates an ``ipywidgets.HTML`` (never an Output widget) and saves to
the workbook, section ``"scanning"``, on every change. Policy titles and the
participant's notes are escaped wherever they are shown.
"""
from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, answer_form, error_html, labelled, open_workbook
from missionkit.scanning import scan as scanning
from missionkit.scanning.checks import (
    FC_ITEMS,
    FC_KINDS,
    check_conflicts_to_raise,
    check_framework_conditions,
    check_own_scan,
    check_sti_share,
    check_unserved_objective,
)
from missionkit.scanning.load import AGAINST, SUPPORTS
from missionkit.text import money

__all__ = ["SECTION", "objective_table_html", "objective_explorer", "framework_conditions_form", "sti_share_form",
           "conflicts_form", "unserved_objective_form", "own_scan_form", "template_button"]

SECTION = "scanning"


def objective_table_html(policies: pd.DataFrame, objective: str, unit: str = case.MONEY_UNIT) -> str:
    """The policies that support and work against one objective, as a small HTML table with a summary line."""
    long = scanning.alignment_long(policies)
    hit = long[long.objective == objective].sort_values(["direction", "budget"], ascending=[False, False])
    label = html.escape(scanning.objective_label(objective))
    sup = hit[hit.direction == SUPPORTS]
    ag = hit[hit.direction == AGAINST]
    if hit.empty:
        return (f'<p role="status"><strong>{label}: no policy in the scan supports it or works against it.</strong> '
                "Nobody owns it yet, and no money is tagged for it.</p>")
    summary = (f"<p role=\"status\"><strong>{label}:</strong> {len(sup)} supporting "
               f"polic{'y' if len(sup) == 1 else 'ies'} ({html.escape(money(sup.budget.sum(), unit))} a "
               f"year), {len(ag)} working against it ({html.escape(money(ag.budget.sum(), unit))} a year)."
               "</p>")
    rows = "".join(
        f"<tr><td>{html.escape(r.policy_id)}</td><td>{html.escape(r.title)}</td><td>{html.escape(r.owner)}</td>"
        f"<td>{html.escape(r.direction)}</td><td style=\"text-align:right\">"
        f"{html.escape(money(r.budget, unit))}</td></tr>"
        for r in hit.itertuples())
    return (summary + '<table class="missionkit-table"><thead><tr><th scope="col">Id</th><th scope="col">Policy</th>'
            '<th scope="col">Owner</th><th scope="col">Direction</th><th scope="col">Budget a year</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def objective_explorer(policies: pd.DataFrame | None = None, start: str = "O2") -> FormBox:
    """Pick an objective: see the policies that serve and harm it; write who should act. Saved as you type.

    Saves ``objective`` (the one last viewed) and ``note_<code>`` (your note
    for each objective) in the workbook section ``"scanning"``.
    """
    policies = case.load("policies") if policies is None else policies
    codes = list(case.OBJECTIVE_IDS)
    wb, save_note = open_workbook("Your notes are not saved")
    saved = wb.get(SECTION, "objective", start) if wb is not None else start
    saved = saved if isinstance(saved, str) else start
    choice = w.Dropdown(options=[(scanning.objective_label(c), c) for c in codes],
                        value=saved if saved in codes else start, layout=w.Layout(width="18em"))
    note = w.Textarea(rows=3, layout=w.Layout(width="100%"), continuous_update=False)
    table = w.HTML()
    status = w.HTML(f"<p><em>{html.escape(save_note)}</em></p>" if save_note else "")

    def load_note() -> None:
        value = wb.get(SECTION, f"note_{choice.value}", "") if wb is not None else ""
        note.value = value if isinstance(value, str) else ""

    def show(change=None) -> None:
        table.value = objective_table_html(policies, choice.value)
        if change is not None and wb is not None:
            try:
                wb.set(SECTION, "objective", choice.value)
            except MissionkitInputError as error:
                status.value = error_html(error)

    def on_choice(change) -> None:
        load_note()
        show(change)

    def save(change) -> None:
        if wb is None:
            return
        try:
            wb.set(SECTION, f"note_{choice.value}", note.value)
            status.value = (f'<p class="missionkit-save-status"><em>Saved to your workbook (section '
                            f"\u201c{SECTION}\u201d).</em></p>")
        except MissionkitInputError as error:
            status.value = error_html(error)

    load_note()
    show()
    choice.observe(on_choice, names="value")
    note.observe(save, names="value")
    parts = [
        w.HTML("<p>Choose an objective. The table lists the policies in the scan that support it and those that "
               "work against it (Marenta, <em>fictional</em>). Then note who should act. Press Tab after typing: "
               "your note is saved.</p>"),
        labelled(choice, "Objective"),
        table,
        labelled(note, "Your note: who should act on this objective, and what would you raise first?"),
        status,
    ]

    def fallback() -> str:
        return objective_table_html(policies, choice.value)

    return FormBox(parts, title="Scan one objective at a time", fallback=fallback)


# --------------------------------------------------------------------------- the exercise's questions as forms
def _given(value):
    return ... if value is None or value == [] or value == "" else value


def framework_conditions_form(start=None) -> FormBox:
    """Exercise 1 as a form: legal, financial or institutional, one drop-down per barrier (FICTIONAL case);
    feedback from :func:`check_framework_conditions`; saved under ``scanning``/``framework_conditions``."""
    fields = [Field(k, k, "choice", FC_KINDS) for k in FC_ITEMS]
    return answer_form(SECTION, "framework_conditions", fields, start=start if isinstance(start, dict) else None,
                       title="Exercise 1: legal, financial or institutional?",
                       intro="Choose one kind per barrier; the feedback updates below and your answers are saved.",
                       check=lambda a: check_framework_conditions({k: _given(v) for k, v in a.items()}))


def sti_share_form(start=None) -> FormBox:
    """Exercise 2 as a form: the STI bodies' share of the mission-tagged money, as a number (70 or 0.7)."""
    fields = [Field("share", "Share of the mission-tagged money held by STI bodies", "number",
                    unit="% (70 and 0.7 both work)")]
    begin = {"share": start} if isinstance(start, (int, float)) else None
    return answer_form(SECTION, "sti_share", fields, start=begin, title="Exercise 2: the STI share",
                       check=lambda a: check_sti_share(_given(a["share"])))


def conflicts_form(start=None, policies: pd.DataFrame | None = None) -> FormBox:
    """Exercise 3 as a form: tick the three conflicting policies to raise first (FICTIONAL inventory)."""
    table = scanning.conflicts(case.load("policies") if policies is None else policies)
    options = [(f"{pid} {r.title} ({r.owner}; {money(r.budget, case.MONEY_UNIT)} a year)", pid)
               for pid, r in table.iterrows()]
    fields = [Field("conflicts", "The three conflicts to raise first", "many", options)]
    begin = {"conflicts": list(start)} if isinstance(start, (list, tuple)) else None
    return answer_form(SECTION, "conflicts_to_raise", fields, start=begin,
                       title="Exercise 3: the conflicts to raise first",
                       check=lambda a: check_conflicts_to_raise(_given(a["conflicts"])))


def unserved_objective_form(start=None) -> FormBox:
    """Exercise 4 as a form: the objective no policy serves, chosen from the case's objectives."""
    fields = [Field("objective", "The objective nobody serves", "choice",
                    [(scanning.objective_label(o), o) for o in case.OBJECTIVE_IDS])]
    begin = {"objective": start} if isinstance(start, str) else None
    return answer_form(SECTION, "unserved_objective", fields, start=begin,
                       title="Exercise 4: the objective nobody serves",
                       check=lambda a: check_unserved_objective(_given(a["objective"])))


def own_scan_form(path=None, objectives=None) -> FormBox:
    """Exercise 5 as a form: the path of your own scan and your mission's objective codes; feedback from
    :func:`check_own_scan` (a file it cannot read is explained, never a traceback)."""
    fields = [Field("path", "Your policy scan file", "text",
                    help_text="Its path from this notebook, for example ../my-work/policy-scan.csv"),
              Field("objectives", "Your mission's objective codes", "text",
                    help_text="Separated by commas, for example O1, O2, O3")]
    start = None
    if isinstance(path, str):
        codes = ", ".join(objectives) if isinstance(objectives, (list, tuple)) else ""
        start = {"path": path, "objectives": codes}

    def check(a):
        codes = [c.strip() for c in a["objectives"].split(",") if c.strip()]
        return check_own_scan(_given(a["path"].strip()), objectives=codes or None)

    return answer_form(SECTION, "own_scan", fields, start=start, title="Exercise 5: your own scan", check=check)


def template_button(to: str = "../my-work/policy-scan.csv") -> FormBox:
    """A button that copies the policy-scan template into your my-work folder (never over a file you have),
    so that no one has to type ``copy_template()``; the result, or a plain message, shows under it."""
    from missionkit.scanning.load import copy_template

    button = w.Button(description="Copy the template into my-work", tooltip=f"Writes {to}",
                      layout=w.Layout(width="auto"))
    result = w.HTML("")

    def copy(_button=None) -> None:
        try:
            target = copy_template(to)
        except MissionkitInputError as error:
            result.value = error_html(error)
            return
        result.value = (f'<p role="status">Done: the template is now <strong>{html.escape(str(target))}</strong>. '
                        "Open it from the file browser (or in Excel or LibreOffice) and fill it in.</p>")

    button.on_click(copy)
    return FormBox([button, result], title="Copy the policy-scan template",
                   fallback=lambda: f"<p>A button that copies the template to {html.escape(to)}.</p>",
                   note="This is a button. Run the notebook in JupyterLab to use it.")
