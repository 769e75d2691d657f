"""Module 09 forms: the four exercise answers, saved to the workbook as you type.

Every form saves to section ``"financing"`` of the workbook at once (the copy of the form that changed,
only what changed: :class:`missionkit.forms.FormSaver`) and shows the check's feedback under it:

- :func:`plan_form` (key ``"financing_plan"``, read by the capstone): amounts per component and source;
- :func:`instrument_form` (key ``"instrument_choice"``): an instrument from a list, and why;
- :func:`conditions_form` (key ``"conditions"``): conditions ticked, and the defence to the minister;
- :func:`budget_reading_form` (key ``"budget_reading"``): findings ticked, a number, and the ask.

``example`` fills a form only when nothing is saved yet, and is not saved until you change something; in the
book the form shows the example's feedback. Everything typed is escaped.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from missionkit.errors import MissionkitInputError
from missionkit.feedback import Feedback, is_blank
from missionkit.financing.checks import (
    FINDINGS,
    check_budget_reading,
    check_conditions,
    check_financing_plan,
    check_instrument_choice,
)
from missionkit.financing.conditions import CONDITIONS, FIRM_REQUEST
from missionkit.financing.instruments import INSTRUMENT_NAMES, PROBLEM_EXERCISE
from missionkit.financing.plan import PLAN_EXERCISE, Scenario
from missionkit.forms import FormBox, FormSaver, open_workbook

__all__ = ["SECTION", "PLAN_KEY", "INSTRUMENT_KEY", "CONDITIONS_KEY", "READING_KEY", "plan_form",
           "instrument_form", "conditions_form", "budget_reading_form"]

SECTION = "financing"
PLAN_KEY = "financing_plan"
INSTRUMENT_KEY = "instrument_choice"
CONDITIONS_KEY = "conditions"
READING_KEY = "budget_reading"
e = html.escape
SAVE_NOTE = "Text boxes save when you leave them (press Tab or click outside)."


def _saved(key: str, example: Any) -> tuple[Any, Any, str]:
    """(workbook, value to show, note): the saved answer, else the example (shown, not saved)."""
    wb, note = open_workbook()
    value: Any = None
    if wb is not None:
        try:
            value = wb.get(SECTION, key, None)
        except MissionkitInputError as error:  # pragma: no cover - the workbook recovers itself
            note = f"Your saved answer could not be read, so the form starts empty: {error.message}"
    if (value is None or is_blank(value)) and not is_blank(example):
        value = example
    return wb, value, note


def _text(markup: str) -> w.HTML:
    return w.HTML(markup)


def _label(text: str) -> w.HTML:
    return w.HTML(f"<label><strong>{e(text)}</strong></label>")


def _assemble(title: str, intro: str, controls: list[w.Widget], values: Callable[[], Any],
              check: Callable[[Any], Feedback], wb: Any, key: str, note: str,
              watch: list[w.Widget]) -> FormBox:
    feedback = _text(check(values()).to_html())
    status = _text(f'<p class="missionkit-save-status"><em>{e(note)}</em></p>' if note else "")
    FormSaver(wb, SECTION, key, values()).follow(
        watch, values, status, lambda value: setattr(feedback, "value", check(value).to_html()))

    def fallback() -> str:
        return check(values()).to_html()

    return FormBox([_text(f"<p>{e(intro)} {e(SAVE_NOTE)}</p>"), *controls, feedback, status], title=title,
                   fallback=fallback)


def _number_text(value: Any) -> str:
    if is_blank(value) or value == 0:
        return ""
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _number_value(text: str) -> Any:
    t = text.strip()
    if not t:
        return ""
    try:
        x = float(t)
    except ValueError:
        return t  # kept as typed; the check explains what is wrong with it
    return int(x) if x == int(x) else x


def plan_form(example: Any = None, scenario: Scenario = PLAN_EXERCISE,
              title: str = "Your financing plan") -> FormBox:
    """A grid of amounts (MRC m): one row per component, one column per source; saved as ``financing_plan``."""
    wb, saved, note = _saved(PLAN_KEY, example)
    saved = saved if isinstance(saved, Mapping) else {}
    boxes: dict[tuple[str, str], w.Text] = {}
    header = [w.HTML("<strong>Component (cost)</strong>")] + [
        w.HTML(f"<strong>{e(s.name)}</strong><br><small>up to MRC {s.cap:g}m</small>") for s in scenario.sources]
    cells: list[w.Widget] = list(header)
    for c in scenario.components:
        got = saved.get(c.code)
        row: Mapping[str, Any] = got if isinstance(got, Mapping) else {}
        cells.append(w.HTML(f"{e(c.name)}<br><small>{c.kind}, MRC {c.cost:g}m</small>"))
        for s in scenario.sources:
            box = w.Text(value=_number_text(row.get(s.code)), placeholder="0", continuous_update=False,
                         description="", layout=w.Layout(width="7em"))
            box.description_allow_html = False
            box.tooltip = f"{c.name}: {s.name} (MRC m)"
            boxes[(c.code, s.code)] = box
            cells.append(box)
    grid = w.GridBox(cells, layout=w.Layout(grid_template_columns=f"16em repeat({len(scenario.sources)}, 8.5em)",
                                            grid_gap="4px 6px"))

    def values() -> dict[str, dict[str, Any]]:
        return {c.code: {s.code: _number_value(boxes[(c.code, s.code)].value) for s in scenario.sources
                         if boxes[(c.code, s.code)].value.strip()} for c in scenario.components}

    intro = f"{scenario.story} Type how much each source pays for each component, in MRC m."
    return _assemble(title, intro, [grid], values, lambda v: check_financing_plan(v, scenario), wb, PLAN_KEY, note,
                     list(boxes.values()))


def instrument_form(example: Any = None, title: str = "Your instrument, and why") -> FormBox:
    """A drop-down of instruments and a box for the reason; saved as ``instrument_choice``."""
    wb, saved, note = _saved(INSTRUMENT_KEY, example)
    saved = saved if isinstance(saved, Mapping) else {}
    chosen = saved.get("instrument") if saved.get("instrument") in INSTRUMENT_NAMES else ""
    drop = w.Dropdown(options=[("Choose an instrument", "")] + [(n, n) for n in INSTRUMENT_NAMES], value=chosen,
                      layout=w.Layout(width="26em"))
    why = w.Textarea(value=str(saved.get("why") or ""), rows=4, continuous_update=False,
                     placeholder="What stage is the solution at? Who would buy or use it? What could go wrong?",
                     layout=w.Layout(width="95%"))

    def values() -> dict[str, str]:
        return {"instrument": drop.value, "why": why.value}

    controls = [_text(f"<p><em>{e(PROBLEM_EXERCISE.text)}</em></p>"), _label("Instrument"), drop,
                _label("Why this instrument (two or three sentences)"), why]
    return _assemble(title, "Choose the instrument that fits the problem best and say why.", controls, values,
                     check_instrument_choice, wb, INSTRUMENT_KEY, note, [drop, why])


def conditions_form(example: Any = None, title: str = "Conditions on support to Kessa E-Motors") -> FormBox:
    """Tick boxes for the conditions and a box for the defence to the Finance Minister; saved as ``conditions``."""
    wb, saved, note = _saved(CONDITIONS_KEY, example)
    saved = saved if isinstance(saved, Mapping) else {}
    ticked = set(saved.get("conditions") or []) if isinstance(saved.get("conditions"), list) else set()
    boxes = {c.code: w.Checkbox(value=c.code in ticked, description=c.label, indent=False,
                                layout=w.Layout(width="95%")) for c in CONDITIONS}
    defence = w.Textarea(value=str(saved.get("defence") or ""), rows=6, continuous_update=False,
                         placeholder="What you recommend; one number from the case; what could go wrong.",
                         layout=w.Layout(width="95%"))

    def values() -> dict[str, Any]:
        return {"conditions": [c for c, b in boxes.items() if b.value], "defence": defence.value}

    controls = [_text(f"<p><em>{e(FIRM_REQUEST)}</em></p>"), _label("Conditions you would attach"),
                *boxes.values(), _label("Your defence to the Finance Minister (three to five sentences)"), defence]
    return _assemble(title, "Tick the conditions, then defend them.", controls, values, check_conditions, wb,
                     CONDITIONS_KEY, note, [*boxes.values(), defence])


def budget_reading_form(example: Any = None, title: str = "What O1's budget lines show") -> FormBox:
    """Tick boxes for the findings, the corridors' capital and the ask; saved as ``budget_reading``."""
    wb, saved, note = _saved(READING_KEY, example)
    saved = saved if isinstance(saved, Mapping) else {}
    ticked = set(saved.get("findings") or []) if isinstance(saved.get("findings"), list) else set()
    boxes = {code: w.Checkbox(value=code in ticked, description=label, indent=False, layout=w.Layout(width="95%"))
             for code, label in FINDINGS.items()}
    capital = w.Text(value=_number_text(saved.get("capital")), placeholder="MRC m", continuous_update=False,
                     layout=w.Layout(width="10em"))
    ask = w.Textarea(value=str(saved.get("ask") or ""), rows=3, continuous_update=False,
                     placeholder="What should the Ministry of Finance ask for before the next loan tranche?",
                     layout=w.Layout(width="95%"))

    def values() -> dict[str, Any]:
        return {"findings": [c for c, b in boxes.items() if b.value], "capital": _number_value(capital.value),
                "ask": ask.value}

    controls = [_label("What the O1 lines show (tick all that apply)"), *boxes.values(),
                _label("Capital planned for the two bus corridors, all years (MRC m)"), capital,
                _label("What the Ministry of Finance should ask for"), ask]
    return _assemble(title, "Read the O1 lines above.", controls, values, check_budget_reading, wb, READING_KEY,
                     note, [*boxes.values(), capital, ask])
