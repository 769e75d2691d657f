"""Forms for module 06 (stakeholders and legitimacy).

:func:`engagement_plan_form`: for each missing voice of the register, an
engagement level, a format and one line on how; live feedback
(:func:`missionkit.stakeholders.register.assess_engagement_plan`) and every change saved
to the workbook (section ``"stakeholders"``, key ``"engagement_plan"``).
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from missionkit.errors import MissionkitInputError
from missionkit.forms import FormBox, FormSaver, open_workbook
from missionkit.stakeholders.checks import EXAMPLE_FORMATS, EXAMPLE_PLAN, assess_engagement_plan
from missionkit.stakeholders.engagement import FORMATS
from missionkit.stakeholders.register import missing_voices
from missionkit.stakeholders.vocabulary import ENGAGEMENT_LEVELS, STAKEHOLDER_TYPES, TYPE_LABELS

SECTION = "stakeholders"
KEY = "engagement_plan"
LEVEL_OPTIONS = [("Choose a level", "")] + [(lv, lv) for lv in ENGAGEMENT_LEVELS]
FORMAT_OPTIONS = [("Choose a format", "")] + [(f, f) for f in FORMATS]


def _example_start() -> dict:
    """The FICTIONAL example participant's draft (shown in the book; it has room to improve)."""
    how = {
        "citizens' group": "Pilot a redesigned street on Corridor 1 for a month, then poll residents.",
        "informal-transport association": "Negotiate route contracts on Route 14 before construction starts.",
        "women's group": "A panel of women commuters walks the night routes and chooses where stops and lights go.",
        "donor": "Invite partners to the assembly and share the funding map.",
        "development bank": "Invite the lenders to the assembly.",
    }
    return {t: {"level": EXAMPLE_PLAN[t], "format": EXAMPLE_FORMATS[t], "how": how[t]} for t in EXAMPLE_PLAN}


def _clean_plan(stored: Any, kinds: list[str]) -> dict[str, dict[str, str]]:
    plan: dict[str, dict[str, str]] = {}
    if not isinstance(stored, Mapping):
        return plan
    for kind in kinds:
        entry = stored.get(kind)
        if not isinstance(entry, Mapping):
            continue
        level = str(entry.get("level") or "")
        fmt = str(entry.get("format") or "")
        plan[kind] = {"level": level if level in ENGAGEMENT_LEVELS else "",
                      "format": fmt if fmt in FORMATS else "", "how": str(entry.get("how") or "")}
    return plan


def _plan_html(plan: Mapping[str, Mapping[str, str]], kinds: list[str]) -> str:
    rows = []
    for kind in kinds:
        p = plan.get(kind, {})
        rows.append(f'<tr><th scope="row">{html.escape(TYPE_LABELS.get(kind, (kind, kind))[1])}</th>'
                    f"<td>{html.escape(p.get('level') or 'not chosen')}</td>"
                    f"<td>{html.escape(p.get('format') or 'not chosen')}</td>"
                    f"<td>{html.escape(p.get('how') or '')}</td></tr>")
    return ('<table class="missionkit-plan"><thead><tr><th scope="col">Voice</th><th scope="col">Level</th>'
            '<th scope="col">Format</th><th scope="col">How</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table>")


def engagement_plan_form(register=None, *, section: str = SECTION, key: str = KEY, start: Any = "example") -> FormBox:
    """An engagement plan for the register's missing voices, with live feedback, saved as you go.

    ``register`` defaults to the FICTIONAL Marenta register. Saved answers are
    loaded when the form opens; otherwise ``start`` fills it ("example": the
    fictional example participant's draft; ``None``: empty).
    """
    from missionkit import case

    reg = case.load("stakeholders") if register is None else register
    kinds = list(missing_voices(reg)["type"])
    kinds = [k for k in STAKEHOLDER_TYPES if k in kinds]
    wb, save_note = open_workbook()
    plan: dict[str, dict[str, str]] = {}
    load_note = ""
    if wb is not None:
        try:
            plan = _clean_plan(wb.get(section, key), kinds)
        except MissionkitInputError as error:
            load_note = f"Your saved plan could not be read, so the form starts afresh: {error.message}"
    if not plan and start is not None:
        plan = _clean_plan(_example_start() if start == "example" else start, kinds)

    # Few widget models (shared layouts and styles) keep the stored notebook small.
    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    text_layout, text_style = w.Layout(), HTMLStyle()
    drop_layout, drop_style = w.Layout(width="15em"), DescriptionStyle()
    how_layout, how_style = w.Layout(width="100%"), TextStyle()

    def text(markup: str) -> w.HTML:
        return w.HTML(markup, layout=text_layout, style=text_style)

    levels: dict[str, w.Dropdown] = {}
    formats: dict[str, w.Dropdown] = {}
    hows: dict[str, w.Text] = {}
    parts: list[w.Widget] = [text(
        "<p>For each missing voice choose how far you will involve it (the engagement level), a format, and write "
        "in one line how. The feedback below updates and your plan is saved as you go. After typing in a box, "
        "press Tab.</p>")]
    for kind in kinds:
        p = plan.get(kind, {})
        label = html.escape(TYPE_LABELS.get(kind, (kind, kind))[1])
        levels[kind] = w.Dropdown(options=LEVEL_OPTIONS, value=p.get("level", ""), layout=drop_layout,
                                  style=drop_style)
        formats[kind] = w.Dropdown(options=FORMAT_OPTIONS, value=p.get("format", ""), layout=drop_layout,
                                   style=drop_style)
        hows[kind] = w.Text(value=p.get("how", ""), continuous_update=False, layout=how_layout, style=how_style,
                            placeholder="How, in one line (for example: route contracts on Route 14)")
        parts += [
            text(f"<h4>{label.capitalize()}</h4><label><strong>{label.capitalize()}: engagement level and "
                 "format</strong></label>"),
            w.HBox([levels[kind], formats[kind]]),
            text(f"<label><strong>{label.capitalize()}: how</strong></label>"),
            hows[kind],
        ]
    verdict = text("")
    status = text("")
    state = {"plan": plan}

    def current() -> dict[str, dict[str, str]]:
        return {k: {"level": levels[k].value, "format": formats[k].value, "how": hows[k].value} for k in kinds}

    def refresh(change=None) -> None:
        state["plan"] = p = current()
        verdict.value = assess_engagement_plan({k: v["level"] for k, v in p.items()},
                                                 {k: v["format"] for k, v in p.items()}).to_html()
        if change is None or wb is None:
            return
        saver.save_and_report(p, status)  # only what changed in this copy of the form (issue 17)

    saver = FormSaver(wb, section, key, current())
    for control in (*levels.values(), *formats.values(), *hows.values()):
        control.observe(refresh, names="value")
    refresh()
    note = load_note or save_note
    status.value = f'<p class="missionkit-save-status"><em>{html.escape(note)}</em></p>' if note else ""

    def fallback() -> str:
        p = state["plan"]
        return _plan_html(p, kinds) + assess_engagement_plan(
            {k: v["level"] for k, v in p.items()}, {k: v["format"] for k, v in p.items()}).to_html()

    return FormBox(parts + [text("<h4>Feedback on your plan</h4>"), verdict, status],
                   title="Engagement plan for the missing voices (fictional case)", fallback=fallback)
