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

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, open_workbook
from missionkit.stakeholders.checks import (
    EXAMPLE_FORMATS,
    EXAMPLE_PLAN,
    assess_engagement_plan,
    check_board,
    check_missing_voices,
)
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


MISSING_VOICES, TICKED, NO_RESERVED = "missing voices", "ticked", "none"
BOARD_RULES_KEY = "board_rules"
_NUMBER_RULES = ("max_per_type", "max_per_sector")


def board_answer(answer: Mapping[str, Any]) -> tuple[Any, dict[str, Any]]:
    """The board form's answer as ``check_board`` reads it: (board_size, board_rules); blanks are ``...``."""
    def given(value: Any) -> Any:
        return ... if value is None or value == [] else value

    rules: dict[str, Any] = {k: given(answer.get(k)) for k in _NUMBER_RULES}
    share = answer.get("max_government_share_pct")
    rules["max_government_share"] = ... if share is None else share / 100
    reserve = answer.get("must_include")
    rules["must_include"] = {MISSING_VOICES: None, NO_RESERVED: [], TICKED: list(answer.get("must_include_kinds") or [])
                             }.get(reserve, ...) if reserve else ...
    rules["include"] = given(answer.get("include"))
    return given(answer.get("board_size")), rules


def board_rules_form(size: Any = None, rules: Any = None, *, section: str = SECTION,
                     key: str = BOARD_RULES_KEY) -> FormBox:
    """Exercise 2 as a form: the board's size and its rules, in numbers, choices and ticks.

    The feedback (and the board it proposes) is :func:`missionkit.stakeholders.check_board`'s. Saved
    to the workbook (``section``/``key``). ``size`` and ``rules`` (the worked solution, in the code
    cell's shape: ``must_include: None`` means the missing voices) fill the form when nothing is saved.
    """
    register = case.load("stakeholders")  # FICTIONAL
    public = register[register["type"].isin(["ministry", "city", "agency"])]
    kinds = [(TYPE_LABELS.get(t, (t, t))[1], t) for t in STAKEHOLDER_TYPES]
    fields = [
        Field("board_size", "Board size", "number", unit="seats (at most 15)", integer=True),
        Field("max_per_type", "At most this many seats for one kind of actor", "number", unit="seats",
              integer=True, help_text="For example, at most 3 ministries."),
        Field("max_per_sector", "At most this many seats for one sector", "number", unit="seats", integer=True,
              help_text="For example, at most 3 seats from transport."),
        Field("max_government_share_pct", "At most this share of the seats for government", "number",
              unit="% of the seats", help_text="Ministries, agencies and city governments together."),
        Field("must_include", "Reserved seats", "choice",
              [("One for each missing voice (every kind of actor with no say today)", MISSING_VOICES),
               ("One for each kind ticked below", TICKED), ("No reserved seats", NO_RESERVED)]),
        Field("must_include_kinds", "Kinds of actor with a reserved seat (only if you chose “ticked below”)",
              "many", kinds),
        Field("include", "Organisations that must sit on the board", "many", list(public["name"]),
              help_text="Public bodies of the register (FICTIONAL). Tick none to let the rules choose."),
    ]
    start: dict[str, Any] | None = None
    if isinstance(rules, Mapping) or isinstance(size, (int, float)):
        r = dict(rules) if isinstance(rules, Mapping) else {}
        share = r.get("max_government_share")
        must = r.get("must_include", ...)
        start = {"board_size": size if isinstance(size, (int, float)) else None,
                 **{k: r.get(k) for k in _NUMBER_RULES},
                 "max_government_share_pct": share * 100 if isinstance(share, (int, float)) else None,
                 "must_include": (MISSING_VOICES if must is None else None if must is ... else
                                  NO_RESERVED if not must else TICKED),
                 "must_include_kinds": list(must) if isinstance(must, (list, tuple)) else [],
                 "include": list(r.get("include") or [])}
    return answer_form(
        section, key, fields, start=start, title="Exercise 2: rules for Marenta's board (FICTIONAL)",
        intro="Set the size and the rules. The feedback and the board they give update below as you change "
              "them, and your rules are saved to your workbook.",
        check=lambda answer: check_board(*board_answer(answer)))


def missing_voices_form(start: Any = None) -> FormBox:
    """Exercise 1 as a form: tick the kinds of actor with no say in decisions (FICTIONAL register); feedback
    from :func:`missionkit.stakeholders.check_missing_voices`; saved under ``stakeholders``/``missing_voices``."""
    kinds = [(TYPE_LABELS.get(t, (t, t))[1], t) for t in STAKEHOLDER_TYPES]
    fields = [Field("kinds", "Kinds of actor missing from decisions", "many", kinds)]
    begin = {"kinds": list(start)} if isinstance(start, (list, tuple)) else None
    return answer_form(SECTION, "missing_voices", fields, start=begin, title="Exercise 1: who is missing?",
                       intro="Tick every kind of actor with no seat where decisions are made.",
                       check=lambda a: check_missing_voices(a["kinds"] or ...))
