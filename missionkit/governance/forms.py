"""Module 05 form: design Marenta's mission governance and see the rules and the RACI chart update.

Dropdowns choose who owns each objective (O1-O5); checkboxes choose the board
and the members of the co-ordination forum; one checkbox gives the steering
committee the right to approve the portfolio before money is committed. On
every change the form redraws the design (findings, plus the RACI heat map as
static SVG inside an ``ipywidgets.HTML``: no Output widget, no JavaScript) and
saves the choices to the workbook, section ``"governance"``.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from missionkit import case
from missionkit.charts import ChartError
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, open_workbook
from missionkit.governance import charts as charts_governance
from missionkit.governance import design as governance
from missionkit.governance.checks import (
    CHALLENGES,
    EXERCISE_BODIES,
    check_decision_rights,
    check_dimensions,
    check_exercise_design,
    check_forum,
    check_objective_owners,
)
from missionkit.governance.checks import check_board as check_gov_board
from missionkit.governance.rules import RULES, check_design
from missionkit.text import money

__all__ = ["SECTION", "owner_options", "board_candidates", "forum_candidates", "design_html", "governance_form",
           "dimensions_form", "owners_form", "board_seats_form", "forum_form", "decision_rights_form",
           "design_answers", "check_whole_design"]

SECTION = "governance"
NOBODY = "(nobody yet)"

_EXTRA_BOARD = (
    "Ministry of Gender and Social Affairs", "Women on the Move Marenta", "Kessa Commuters' Voice",
    "Urban Poor Federation", "Amberport Residents' Federation", "Clean Air Marenta", "Road Safety Alliance Marenta",
    "Volta Motors Marenta", "National Institute of Transport Research", "Norvale Development Agency",
    "Meridian Infrastructure Bank",
)


def owner_options() -> list[str]:
    """Public bodies that could own an objective: the Delivery Office, ministries, agencies, cities."""
    reg = governance.organisation_register()
    names = [n for n, i in reg.items() if i["type"] in ("ministry", "agency", "city")]
    first = [governance.PMDO] if governance.PMDO in names else []
    return first + sorted(n for n in names if n not in first)


def board_candidates() -> list[str]:
    """The current board, plus voices the register shows missing from it (all FICTIONAL)."""
    reg = governance.organisation_register()
    current = [n for n, i in reg.items() if i["seat"] == "board"]
    informal = sorted((n for n, i in reg.items() if i["type"] == "informal-transport association"),
                      key=lambda n: -int(case.load("stakeholders").set_index("name").loc[n, "influence"]))[:1]
    return current + [n for n in (*_EXTRA_BOARD, *informal) if n in reg and n not in current]


def forum_candidates() -> list[str]:
    """The Delivery Office, every holder of mission-tagged money, and two ministries that hold none."""
    names = [governance.PMDO] + list(governance.marenta_budget_holders())
    for extra in ("Ministry of Gender and Social Affairs", "Ministry of Interior"):
        if extra not in names:
            names.append(extra)
    return names


def _label(name: str) -> str:
    sector = governance.sector_of(name) or ""
    holders = governance.marenta_budget_holders()
    holds = f", holds {money(holders[name]['budget'])}" if name in holders else ""
    return f"{charts_governance.short_name(name)} ({sector}{holds})"


def design_html(design: governance.GovernanceDesign) -> str:
    """Findings (escaped) and the RACI heat map (static SVG) for a design."""
    findings = check_design(design)
    problems = [f for f in findings if f.severity == "problem"]
    if problems:
        head = (f'<p role="status"><strong>{len(problems)} of the {len(RULES)} rules '
                f"{'is' if len(problems) == 1 else 'are'} broken.</strong></p>")
    else:
        head = (f'<p role="status"><strong>All {len(RULES)} rules hold.</strong> Now discuss what the rules '
                "cannot see: who chairs, how often bodies meet, and whether the owners have the power they need.</p>")
    items = "".join(
        f"<li><strong>{html.escape(f.title)}</strong> ({html.escape(f.severity)}). {html.escape(f.explanation)} "
        f"<em>What to do:</em> {html.escape(f.fix)}</li>" for f in findings)
    body = head + (f"<ul>{items}</ul>" if items else "")
    try:
        figure = charts_governance.raci_heatmap(design, compact=True)
        body += figure.to_html()
    except ChartError as error:  # the chart is a bonus; the findings must still show
        body += f"<p><em>The chart could not be drawn: {html.escape(str(error))}</em></p>"
    return body


def _start_state(saved: Mapping[str, Any] | None) -> dict:
    current = governance.marenta_design()
    state = {
        "objective_owners": {k: (v or "") for k, v in current.objective_owners.items()},
        "board": [m.name for m in current.body(governance.BOARD).members],
        "forum": [],
        "ex_ante": False,
    }
    saved = saved if isinstance(saved, Mapping) else {}
    owners = saved.get("objective_owners")
    if isinstance(owners, Mapping):
        state["objective_owners"] = {str(k): (v if isinstance(v, str) else "") for k, v in owners.items()}
    for key in ("board", "forum"):
        value = saved.get(key)
        if isinstance(value, (list, tuple)):
            state[key] = [v for v in value if isinstance(v, str)]
    if isinstance(saved.get("ex_ante"), bool):
        state["ex_ante"] = saved["ex_ante"]
    return state


def governance_form(start: Mapping[str, Any] | None = None) -> FormBox:
    """Design Marenta's governance (FICTIONAL); saved to the workbook section "governance" on every change.

    Opens with what the workbook holds; otherwise with ``start`` (same keys:
    objective_owners, board, forum, ex_ante) or Marenta's design on the case date.
    """
    wb, save_note = open_workbook("Your design is not saved")
    saved = None
    if wb is not None:
        try:
            saved = wb.section(SECTION) or None
        except MissionkitInputError as error:
            save_note = f"Your saved design could not be read, so the form starts afresh: {error.message}"
    state = _start_state(saved or start)
    owners_opts = [(NOBODY, "")] + [(charts_governance.short_name(n), n) for n in owner_options()]
    valid = {v for _, v in owners_opts}
    # shared layouts and styles keep the stored widget state small (one model instead of one per widget)
    drop_layout = w.Layout(width="34em")
    drop_style = DescriptionStyle(description_width="9em")
    html_layout = w.Layout()
    html_style = HTMLStyle()

    def html_widget(value: str = "") -> w.HTML:
        return w.HTML(value, layout=html_layout, style=html_style)

    owners = {
        code: w.Dropdown(options=owners_opts, value=state["objective_owners"].get(code, "")
                         if state["objective_owners"].get(code, "") in valid else "",
                         description=f"{code} {case.OBJECTIVES[code]['name']}", layout=drop_layout,
                         style=drop_style)
        for code in case.OBJECTIVE_IDS
    }
    # one Layout and one style shared by every checkbox: keeps the stored widget state small
    box_layout = w.Layout(width="auto")
    box_style = CheckboxStyle()
    board = {n: w.Checkbox(value=n in state["board"], description=_label(n), indent=False, layout=box_layout,
                           style=box_style) for n in board_candidates()}
    forum = {n: w.Checkbox(value=n in state["forum"], description=_label(n), indent=False, layout=box_layout,
                           style=box_style) for n in forum_candidates()}
    ex_ante = w.Checkbox(value=bool(state["ex_ante"]), indent=False, layout=box_layout, style=box_style,
                         description="The steering committee approves the portfolio and big budget shifts before "
                                     "money is committed (ex ante)")
    board_count = html_widget()
    result = html_widget()
    status = html_widget(f"<p><em>{html.escape(save_note)}</em></p>" if save_note else "")
    grid = {"grid_template_columns": "repeat(2, minmax(0, 1fr))", "width": "100%"}

    def choices() -> dict:
        return {
            "objective_owners": {c: d.value for c, d in owners.items()},
            "board": [n for n, c in board.items() if c.value],
            "forum": [n for n, c in forum.items() if c.value],
            "ex_ante": bool(ex_ante.value),
        }

    def design(ch: dict) -> governance.GovernanceDesign:
        return governance.design_from_choices(owners=ch["objective_owners"], board=ch["board"], forum=ch["forum"],
                                              ex_ante=ch["ex_ante"])

    def refresh(change=None) -> None:
        ch = choices()
        n = len(ch["board"])
        cap = governance.EU_BOARD_CAP
        board_count.value = (f'<p role="status">{n} board seat{"s" if n != 1 else ""} chosen '
                             f"(EU cap: {cap}){' — over the cap' if n > cap else ''}.</p>")
        result.value = design_html(design(ch))
        if change is None or wb is None:
            return
        saver.save_and_report(ch, status)  # only what changed in this copy of the form (issue 17)

    saver = FormSaver(wb, SECTION, None, choices())
    for control in (*owners.values(), *board.values(), *forum.values(), ex_ante):
        control.observe(refresh, names="value")
    refresh()
    parts = [
        html_widget("<p>Design the governance of Marenta's mission <em>(fictional)</em>. The form opens with the "
                    "design on the case date. Change it: the rules and the chart below update, and your design is "
                    "saved.</p><h4>1. Who owns each objective?</h4>"),
        *owners.values(),
        html_widget(f"<h4>2. Who sits on the mission board? (up to {governance.EU_BOARD_CAP})</h4>"),
        w.GridBox(list(board.values()), layout=w.Layout(**grid)),
        board_count,
        html_widget("<h4>3. Who sits in the co-ordination forum?</h4><p>The forum is where the bodies that hold "
                    "mission money line up their budgets.</p>"),
        w.GridBox(list(forum.values()), layout=w.Layout(**grid)),
        html_widget("<h4>4. Decision rights</h4>"),
        ex_ante,
        html_widget("<h4>Your design against the rules</h4>"),
        result,
        status,
    ]

    def fallback() -> str:
        return design_html(design(choices()))

    return FormBox(parts, title="Design Marenta's mission governance", fallback=fallback)


# --------------------------------------------------------------------------- the exercise's questions as forms
DIMENSION_CHOICES = ("strategic orientation", "policy co-ordination", "policy implementation")
EXERCISE_KEYS = {"objective_owners": "exercise_owners", "board_seats": "exercise_board_seats",
                 "forum_members": "exercise_forum", "decision_rights": "exercise_decision_rights"}


def _given(value: Any) -> Any:
    return ... if value is None or value == [] or value == "" else value


def _full_names(items: Any, options: list[str]) -> list[str]:
    """Names as the form offers them: "MoSTI" or "Kessa" become the full names that contain them."""
    out: list[str] = []
    for item in items if isinstance(items, (list, tuple)) else []:
        text = str(item).strip().lower()
        match = next((o for o in options if o.lower() == text), None) or next(
            (o for o in options if text and text in o.lower()), None)
        if match and match not in out:
            out.append(match)
    return out


def dimensions_form(start: Any = None) -> FormBox:
    """Exercise 1 as a form: one drop-down per challenge (the OECD's three dimensions); feedback from
    :func:`missionkit.governance.check_dimensions`; saved under ``governance``/``exercise_dimensions``."""
    fields = [Field(c, c, "choice", DIMENSION_CHOICES) for c in CHALLENGES]
    return answer_form(SECTION, "exercise_dimensions", fields, start=start if isinstance(start, Mapping) else None,
                       title="Exercise 1: which dimension?",
                       check=lambda a: check_dimensions({k: _given(v) for k, v in a.items()}))


def owners_form(start: Any = None) -> FormBox:
    """Exercise 2 as a form: who owns each objective (FICTIONAL case), from the public bodies."""
    options = owner_options()
    fields = [Field(o, f"{o} {case.OBJECTIVES[o]['name']}", "choice", options) for o in case.OBJECTIVE_IDS]
    return answer_form(SECTION, EXERCISE_KEYS["objective_owners"], fields,
                       start=start if isinstance(start, Mapping) else None,
                       title="Exercise 2: who owns each objective?",
                       check=lambda a: check_objective_owners({k: _given(v) for k, v in a.items()}))


def board_seats_form(start: Any = None) -> FormBox:
    """Exercise 3 as a form: the mission board's seats by sector, one number each."""
    fields = [Field(s, s, "number", unit="seats", integer=True) for s in governance.SECTORS]
    return answer_form(SECTION, EXERCISE_KEYS["board_seats"], fields,
                       start=start if isinstance(start, Mapping) else None, title="Exercise 3: compose the board",
                       check=lambda a: check_gov_board({k: _given(v) for k, v in a.items()}))


def forum_form(start: Any = None) -> FormBox:
    """Exercise 4 as a form: tick who sits in the co-ordination forum (FICTIONAL organisations)."""
    options = owner_options()
    fields = [Field("members", "Members of the co-ordination forum", "many", options)]
    begin = {"members": _full_names(start, options)} if isinstance(start, (list, tuple)) else None
    return answer_form(SECTION, EXERCISE_KEYS["forum_members"], fields, start=begin,
                       title="Exercise 4: who sits in the co-ordination forum?",
                       check=lambda a: check_forum(_given(a["members"])))


def decision_rights_form(start: Any = None) -> FormBox:
    """Exercise 5 as a form: one decision right per body."""
    fields = [Field(b, b, "choice", list(governance.DECISION_RIGHTS)) for b in EXERCISE_BODIES]
    return answer_form(SECTION, EXERCISE_KEYS["decision_rights"], fields,
                       start=start if isinstance(start, Mapping) else None, title="Exercise 5: decision rights",
                       check=lambda a: check_decision_rights({k: _given(v) for k, v in a.items()}))


def design_answers(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                   decision_rights: Any = None) -> tuple:
    """Exercises 2 to 5's answers for Exercise 6: each one given in code, or else the one saved by its form."""
    from missionkit.feedback import is_blank

    given = {"objective_owners": objective_owners, "board_seats": board_seats, "forum_members": forum_members,
             "decision_rights": decision_rights}
    wb, _ = open_workbook()
    out = []
    for name, value in given.items():
        if is_blank(value) and wb is not None:
            try:
                saved = wb.get(SECTION, EXERCISE_KEYS[name])
            except MissionkitInputError:
                saved = None
            if isinstance(saved, Mapping):
                value = saved.get("members") if name == "forum_members" else {
                    k: _given(v) for k, v in saved.items()}
        out.append(value if not is_blank(value) else ...)
    return tuple(out)


def check_whole_design(objective_owners: Any = None, board_seats: Any = None, forum_members: Any = None,
                       decision_rights: Any = None):
    """Exercise 6: the five rules on the design your answers add up to (from the forms or the code cells)."""
    return check_exercise_design(*design_answers(objective_owners, board_seats, forum_members, decision_rights))
