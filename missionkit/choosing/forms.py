"""Module 02 forms: the cause map, the choice of candidate, the citizens' assembly.

Each form saves to the workbook section "choosing" on every change (only what changed in this copy of
the form) and shows its check's feedback beneath. ``start`` fills a form only when nothing is saved yet.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w
import pandas as pd

from missionkit import case
from missionkit.choosing import assembly as asm
from missionkit.choosing import checks, selection, system_map
from missionkit.choosing.load import ASSEMBLY_KEY, CAUSE_MAP_KEY, CHOICE_KEY, PITCH_KEY, SECTION
from missionkit.errors import MissionkitInputError
from missionkit.forms import FormBox, FormSaver, labelled, open_workbook, text_form

__all__ = ["cause_map_form", "choice_form", "assembly_form", "pitch_form", "CAUSE_MAP_OPTIONS"]

_WIDE = w.Layout(width="95%")


def _saved(key: str, start: Any) -> tuple[Any, Any, str]:
    wb, note = open_workbook()
    value = None
    if wb is not None:
        try:
            value = wb.get(SECTION, key)
        except MissionkitInputError as error:
            note = f"Your saved answer could not be read, so the form starts empty: {error.message}"
    if not isinstance(value, dict) or not value:  # nothing saved: the start, without blanks (``...``)
        value = {k: v for k, v in start.items() if v is not ...} if isinstance(start, dict) else {}
    return wb, value, note


def _wire(wb: Any, key: str, controls: list[w.Widget], current: Callable[[], dict], check: Callable[[dict], Any],
          note: str, title: str, parts: list[w.Widget]) -> FormBox:
    feedback = w.HTML(check(current()).to_html())
    status = w.HTML(f"<p><em>{html.escape(note)}</em></p>" if note else "")
    FormSaver(wb, SECTION, key, current()).follow(
        controls, current, status, lambda value: setattr(feedback, "value", check(value).to_html()))
    return FormBox(parts + [feedback, status], title=title, fallback=lambda: check(current()).to_html())


def CAUSE_MAP_OPTIONS(causes: pd.DataFrame) -> list[tuple[str, str]]:  # noqa: N802 - a table, read like a constant
    """The links offered by the cause-map form: every link that feeds congestion, directly or not."""
    part = system_map.upstream(causes, checks.LOOP_FACTOR)
    return [(f"{r.link_id}: {system_map.link_label(r._asdict())} ({r.evidence_strength} evidence)", r.link_id)
            for r in part.itertuples()]


def cause_map_form(causes: pd.DataFrame | None = None, *, key: str = CAUSE_MAP_KEY, start: Any = None) -> FormBox:
    """Tick the links of the circle through congestion, choose a leverage point, say why."""
    causes = case.load("causes") if causes is None else causes
    wb, value, note = _saved(key, start)
    chosen = set(value.get("links") or [])
    boxes = {lid: w.Checkbox(value=lid in chosen, description=label, indent=False, layout=_WIDE)
             for label, lid in CAUSE_MAP_OPTIONS(causes)}
    factors = [("Choose a factor", "")] + [(f, f) for f in system_map.factors(causes)]
    lever = w.Dropdown(options=factors, value=value.get("leverage") if value.get("leverage") in
                       dict(factors).values() else "", layout=w.Layout(width="30em"))
    reason = w.Textarea(value=str(value.get("reason") or ""), rows=3, continuous_update=False, layout=_WIDE,
                        placeholder="What would pushing there change, and how would that slow the circle?")

    def current() -> dict:
        return {"links": [lid for lid, b in boxes.items() if b.value], "leverage": lever.value,
                "reason": reason.value}

    parts = [w.HTML("<p><strong>1. The links that form the vicious circle through congestion</strong> (tick "
                    "them)</p>"), w.VBox(list(boxes.values())),
             labelled(lever, "2. Where would you push? (the leverage point)"),
             labelled(reason, "3. Why there?", "One or two sentences; press Tab to save.")]
    return _wire(wb, key, [*boxes.values(), lever, reason], current,
                 lambda v: checks.check_cause_map(v["links"], v["leverage"], v["reason"], causes=causes), note,
                 "Map the causes (fictional Marenta, 2024)", parts)


def choice_form(candidates: pd.DataFrame | None = None, *, key: str = CHOICE_KEY, start: Any = None) -> FormBox:
    """Choose a candidate mission and justify it to the Prime Minister's Office (saved under "choice")."""
    candidates = case.load("candidates") if candidates is None else candidates
    wb, value, note = _saved(key, start)
    names = selection.candidate_names(candidates)
    options = [(f"{c}: {n}", c) for c, n in names.items()]
    pick = w.RadioButtons(options=options, value=value.get("candidate") if value.get("candidate") in names else None,
                          layout=_WIDE)
    text = w.Textarea(value=str(value.get("justification") or ""), rows=6, continuous_update=False, layout=_WIDE,
                      placeholder="Three to five sentences: your claim, evidence with a number, what is given up.")

    def current() -> dict:
        return {"candidate": pick.value or "", "justification": text.value}

    parts = [labelled(pick, "1. Which candidate do you recommend?"),
             labelled(text, "2. Your justification to the Prime Minister's Office", "Press Tab to save.")]
    return _wire(wb, key, [pick, text], current,
                 lambda v: checks.check_choice(v["candidate"], v["justification"], candidates=candidates), note,
                 "Choose the mission (fictional Marenta, 2024)", parts)


def assembly_form(*, key: str = ASSEMBLY_KEY, start: Any = None) -> FormBox:
    """Design a citizens' assembly: members, selection, balance, days, mandate, commitment."""
    wb, value, note = _saved(key, start)
    try:
        d = asm.parse_design(value)
    except MissionkitInputError:
        d = asm.AssemblyDesign()
    members = w.BoundedIntText(value=d.members or 0, min=0, max=10_000, layout=w.Layout(width="10em"))
    selection_box = w.Dropdown(options=[("Choose", "")] + [(f"{k}: {v}", k) for k, v in asm.SELECTIONS.items()],
                               value=d.selection, layout=_WIDE)
    strata = {s: w.Checkbox(value=s in d.stratify_by, description=s, indent=False) for s in asm.STRATA}
    days = w.BoundedFloatText(value=d.days or 0, min=0, max=100, step=0.5, layout=w.Layout(width="10em"))
    mandate = w.Textarea(value=d.mandate, rows=2, continuous_update=False, layout=_WIDE,
                         placeholder="The question the assembly answers")
    commitment = w.Dropdown(options=[("Choose", "")] + [(f"{k}: {v}", k) for k, v in asm.COMMITMENTS.items()],
                            value=d.commitment, layout=_WIDE)

    def current() -> dict:
        return {"members": members.value or None, "selection": selection_box.value,
                "stratify_by": [s for s, b in strata.items() if b.value], "days": days.value or None,
                "mandate": mandate.value, "commitment": commitment.value}

    parts = [labelled(members, "1. How many members?"), labelled(selection_box, "2. How are they chosen?"),
             w.HTML("<p><strong>3. Which traits does the draw balance?</strong></p>"), w.HBox(list(strata.values())),
             labelled(days, "4. How many full days do they meet?"),
             labelled(mandate, "5. The mandate: what question do they answer?", "Press Tab to save."),
             labelled(commitment, "6. What does the government promise to do with their advice?")]
    return _wire(wb, key, [members, selection_box, *strata.values(), days, mandate, commitment], current,
                 checks.check_assembly, note, "Design a citizens' assembly (fictional Marenta, 2024)", parts)


def pitch_form() -> FormBox:
    """Three sentences for the capstone pitch: the problem, the promise, who keeps it (saved under "pitch")."""
    return text_form(SECTION, PITCH_KEY, title="Your pitch: the mission in three sentences",
                     label="The problem in people's words, the promise with a date, who keeps it",
                     help_text="Press Tab to save; the capstone uses it.", check=checks.check_pitch,
                     example=checks.PITCH_MODEL_ANSWER)
