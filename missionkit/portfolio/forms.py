"""Forms for module 08: the round-2 portfolio review of the Marenta case (FICTIONAL).

:func:`review_form` shows one dropdown per project under review, prefilled
with the lead ministries' proposals (column ``decision_2026q4``). Every change
re-runs :meth:`missionkit.portfolio.model.Portfolio.review` and updates one HTML
widget (money freed, where it goes, balance by objective, warning signs), and
saves the decisions and the note to the workbook (section ``"portfolio"``).
Everything shown is escaped: project titles and the note may come from a
participant's own file or keyboard.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from missionkit.errors import MissionkitInputError
from missionkit.forms import NOTE, Field, FormBox, FormSaver, answer_form, error_html, labelled, open_workbook
from missionkit.portfolio.checks import (
    check_own_portfolio,
    check_relabelling,
    check_round2_decisions,
    check_under_covered,
)
from missionkit.portfolio.model import Portfolio, Review
from missionkit.portfolio.vocabulary import DECISIONS, NO_OBJECTIVE
from missionkit.text import amount, pct

__all__ = ["review_form", "review_summary_html", "decisions_table_html", "relabelling_form", "SECTION",
           "under_covered_form", "own_portfolio_form"]

SECTION = "portfolio"
_E = html.escape


def _table(headers: list[str], rows: list[list[Any]], caption: str = "") -> str:
    head = "".join(f'<th scope="col">{_E(str(h))}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_E(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<caption>{_E(caption)}</caption>" if caption else ""
    return f'<table class="missionkit-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def review_summary_html(review: Review, note: str = "") -> str:
    """The effect of a round's decisions, as escaped HTML: money, balance by objective, warning signs."""
    u = review.unit
    parts = ['<div class="missionkit-feedback" role="status">',
             f"<p><strong>Effect of your decisions, round {_E(review.round)}</strong></p>",
             "<ul>" + "".join(f"<li>{_E(s)}</li>" for s in review.sentences()) + "</ul>"]
    obj = review.objectives
    rows = [[r.label, amount(r.before), amount(r.after), pct(r.share_before, 1), pct(r.share_after, 1)]
            for r in obj.itertuples()]
    parts.append(_table(["Objective", f"Before ({u})", f"After ({u})", "Share before", "Share after"], rows,
                        "Money by objective (after: freed money removed, funded top-ups added)"))
    changes = review.changes
    if len(changes):
        rows = [[r.project_id, r.title, r.decision, amount(r.budget_before), amount(r.freed),
                 amount(r.top_up_funded), amount(r.budget_after)] for r in changes.itertuples()]
        parts.append(_table(["Project", "Title", "Decision", "Budget", "Freed", "Top-up funded", "After"], rows,
                            f"Projects with a decision other than continue ({u})"))
    warnings = [f for f in review.flags_after if f.severity == "warning"]
    if warnings:
        parts.append("<p>Warning signs after the round:</p><ul>"
                     + "".join(f"<li><strong>{_E(f.title)}</strong>: {_E(f.detail)}</li>" for f in warnings)
                     + "</ul>")
    if note.strip():
        parts.append(f"<p><em>Your reasons:</em> {_E(note.strip())}</p>")
    parts.append("</div>")
    return "".join(parts)


def decisions_table_html(portfolio: Portfolio, decisions: Mapping[str, str], proposals: Mapping[str, Any]) -> str:
    """A static table of the decisions (for the book, where the form cannot run)."""
    p = portfolio.projects.set_index("project_id")
    rows = []
    for pid, dec in decisions.items():
        prop = proposals.get(pid)
        rows.append([pid, p.loc[pid, "title"], portfolio.label(p.loc[pid, "objective"]),
                     prop if isinstance(prop, str) else "(none)", dec])
    return _table(["Project", "Title", "Objective", "Proposed", "Decision"], rows, "Decisions in this form")


def review_form(portfolio: Portfolio | None = None, round: Any = None, *, workbook_section: str = SECTION,
                key: str | None = None, start: Mapping[str, str] | None = None, check: bool = False) -> FormBox:
    """The review round as a form: a decision per project, the effect shown at once, saved as you go.

    portfolio: the Marenta case (default) or a participant's own portfolio.
    round: the review round (default: the case's round 2, 2026-Q4).
    key: the workbook key (default: the round's decision column, e.g. "decision_2026q4").
    start: decisions to show when nothing is saved yet (default: the proposals).
    check: add :func:`missionkit.portfolio.check_round2_decisions`'s feedback (Exercise 3, the case's round 2).
    """
    p = portfolio or Portfolio.from_case()
    label, col = p.round_column(round)
    key = key or col or "decisions"
    t = p.projects
    under_review = t[t["status"].isna() | t["status"].isin(["active", "paused"])]
    proposed = under_review[col] if col else [None] * len(under_review)
    proposals = {pid: (v if isinstance(v, str) else None) for pid, v in
                 zip(under_review["project_id"], proposed, strict=False)}
    wb, save_note = open_workbook()
    saved: Mapping[str, Any] = {}
    load_note = ""
    if wb is not None:
        try:
            stored = wb.get(workbook_section, key)
            if isinstance(stored, Mapping):
                saved = stored
        except MissionkitInputError as error:  # pragma: no cover - the workbook recovers itself
            load_note = ("Your saved decisions could not be read, so the form starts from the proposals: "
                         f"{error.message}")
    initial = {pid: (prop or "continue") for pid, prop in proposals.items()}
    if isinstance(start, Mapping) and not saved:  # a blank exercise passes `...`: start from the proposals
        initial.update({k: v for k, v in start.items() if k in initial and v in DECISIONS})
    stored_decisions = saved.get("decisions")
    saved_decisions = stored_decisions if isinstance(stored_decisions, Mapping) else {}
    initial.update({k: v for k, v in saved_decisions.items() if k in initial and v in DECISIONS})
    note_text = saved.get("note") if isinstance(saved.get("note"), str) else ""

    style = DescriptionStyle(description_width="30em")  # shared by every dropdown: fewer widget models
    layout = w.Layout(width="44em")
    html_style, html_layout = HTMLStyle(), w.Layout()  # shared by every HTML block

    def html_block(value: str = "") -> w.HTML:
        return w.HTML(value, style=html_style, layout=html_layout)

    dropdowns: dict[str, w.Dropdown] = {}
    parts: list[w.Widget] = [html_block(
        "<p>One decision per project: continue, scale, pivot, pause or sunset. Each starts at the lead ministry's "
        "proposal (shown in brackets). The effect on the money and the balance updates below as you choose, and "
        "your decisions are saved to your workbook.</p>")]
    order = list(p.objectives) + [NO_OBJECTIVE]
    objective_key = under_review["objective"].fillna(NO_OBJECTIVE)
    for obj in order:
        group = under_review[objective_key == obj]
        if group.empty:
            continue
        parts.append(html_block(f"<h4>{_E(p.label(obj) if obj != NO_OBJECTIVE else NO_OBJECTIVE)}</h4>"))
        for r in group.itertuples():
            prop = proposals[r.project_id]
            title = r.title if len(r.title) <= 48 else r.title[:47] + "…"
            dd = w.Dropdown(options=list(DECISIONS), value=initial[r.project_id],
                            description=f"{r.project_id} {title} ({prop or 'no proposal'}; "
                                        f"{amount(r.budget, p.unit)})",
                            style=style, layout=layout)
            dropdowns[r.project_id] = dd
            parts.append(dd)
    note = w.Textarea(value=note_text, rows=3, layout=w.Layout(width="44em"), continuous_update=False)
    reset = w.Button(description="Back to the proposals", tooltip="Set every decision back to the proposal")
    result = html_block()
    status = html_block()
    feedback = html_block()
    state: dict[str, Any] = {}

    def current() -> dict[str, str]:
        return {pid: dd.value for pid, dd in dropdowns.items()}

    def show_status(text: str) -> None:
        status.value = f'<p class="missionkit-save-status"><em>{_E(text)}</em></p>' if text else ""

    def refresh(change=None) -> None:
        decisions = current()
        try:
            review = p.review(decisions, label)
        except MissionkitInputError as error:
            result.value = error_html(error)
            return
        state["review"], state["decisions"] = review, decisions
        result.value = review_summary_html(review, note.value)
        if check:
            feedback.value = check_round2_decisions(decisions).to_html()
        if change is None or wb is None:
            return
        saver.save_and_report({"round": label, "decisions": decisions, "note": note.value}, status)

    def back_to_proposals(_button=None) -> None:
        for pid, dd in dropdowns.items():
            dd.value = proposals[pid] or "continue"
        refresh(change=True)

    saver = FormSaver(wb, workbook_section, key, {"round": label, "decisions": current(), "note": note.value})
    for dd in dropdowns.values():
        dd.observe(refresh, names="value")
    note.observe(refresh, names="value")
    reset.on_click(back_to_proposals)
    refresh()
    show_status(load_note or save_note)

    def fallback() -> str:
        review = state.get("review")
        return (review_summary_html(review, note.value) if review is not None else "") + feedback.value

    children = parts + [labelled(note, "Your reasons", "Why these decisions? A few sentences; saved with them."),
                        reset, html_block("<h4>Effect of your decisions</h4>"), result,
                        *([feedback] if check else []), status]
    fictional = " (FICTIONAL)" if p.is_case else ""
    from_proposals = not saved_decisions and not (isinstance(start, Mapping) and start)
    static_note = (NOTE if not from_proposals else
            "This is a form. Run the notebook in JupyterLab (Run ▸ Run All Cells) to use it; here you see the "
            "effect of the lead ministries' proposals, where every decision starts.")
    return FormBox(children, title=f"Portfolio review, round {label}{fictional}: your decisions", fallback=fallback,
                   note=static_note)


def relabelling_form(start: Any = None, *, section: str = SECTION, key: str = "relabelled") -> FormBox:
    """Exercise 2 as a form: tick the projects that may be existing programmes under a new name.

    One checkbox per project of the Marenta portfolio (FICTIONAL), with its start year; the feedback
    is :func:`missionkit.portfolio.check_relabelling`'s; the ticked ids are saved to the workbook
    (``section``/``key``, as ``{"relabelled": [ids]}``). ``start`` (a list of ids: the worked
    solution) fills the form when nothing is saved yet; a blank exercise passes ``...``.
    """
    t = Portfolio.from_case().projects
    options = [(f"{r.project_id} {r.title} (started {int(r.start_year)})", r.project_id) for r in t.itertuples()]
    fields = [Field("relabelled", "Projects that may be relabelled", "many", options,
                    help_text="Tick every project you think is an existing programme under a new name.")]
    begin = {"relabelled": list(start)} if isinstance(start, (list, tuple, set)) else None
    return answer_form(
        section, key, fields, start=begin, title="Exercise 2: the renamed programmes (FICTIONAL case)",
        intro="Tick the projects; the feedback below updates as you tick, and your answer is saved to your workbook.",
        check=lambda answer: check_relabelling(answer["relabelled"] or ...))


def _given(value: Any) -> Any:
    return ... if value is None or value == [] or value == "" else value


def under_covered_form(start: Any = None) -> FormBox:
    """Exercise 1 as a form: choose the under-covered objective (FICTIONAL case); feedback from
    :func:`missionkit.portfolio.check_under_covered`; saved under ``portfolio``/``under_covered``."""
    p = Portfolio.from_case()
    fields = [Field("objective", "The under-covered objective", "choice", [(p.label(o), o) for o in p.objectives])]
    begin = {"objective": start} if isinstance(start, str) else None
    return answer_form(SECTION, "under_covered", fields, start=begin, title="Exercise 1: find the gaps",
                       check=lambda a: check_under_covered(_given(a["objective"])))


def own_portfolio_form(path: Any = None, mission_start_year: Any = None) -> FormBox:
    """Exercise 4 as a form: the path of your portfolio file and the year your mission started; feedback from
    :func:`missionkit.portfolio.check_own_portfolio` (a file it cannot read is explained, never a traceback)."""
    fields = [Field("path", "Your portfolio file", "text",
                    help_text="Its path from this notebook, for example ../my-work/my-portfolio.xlsx, or the "
                              "template: ../missionkit/data/templates/portfolio-template.csv"),
              Field("mission_start_year", "The year your mission started", "number", unit="(for example 2025)",
                    integer=True)]
    start = ({"path": path if isinstance(path, str) else "", "mission_start_year": mission_start_year}
             if isinstance(path, str) else None)
    return answer_form(SECTION, "own_portfolio", fields, start=start, title="Exercise 4: check your own portfolio",
                       check=lambda a: check_own_portfolio(_given(a["path"].strip()),
                                                           mission_start_year=_given(a["mission_start_year"])))
