"""Module 11 form: score mission readiness yourself, then compare with your teammates.

:func:`self_assessment_form` shows the eight dimensions of the readiness
scorecard (OUR PROPOSAL, Module 11), each with its question and anchors, a
score from 0 to 4 and an evidence box. Every change is saved to the workbook
(section ``"readiness"``, key ``"scores"``: ``{"R1": {"score": 3, "evidence":
"..."}, ...}``) and the profile below the form updates: your scores beside
your teammates', the median, the spread and the stop-and-fix signal
(:func:`missionkit.readiness.profile.readiness_profile`).

Team work: "Export my scores" writes a team file next to the workbook;
"Import a teammate's file" brings a teammate's file in with
``wb.import_from(path, sections=["readiness"], as_teammate=True)``, stored
under ``"teammate:<name>"`` so your own scores are never overwritten.

Everything typed is escaped. The form updates ``ipywidgets.HTML`` widgets: no
Output widget, no print.
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from missionkit import case
from missionkit.errors import MissionkitInputError
from missionkit.forms import Field, FormBox, FormSaver, answer_form, error_html, for_form, open_workbook, text_form
from missionkit.readiness.checks import check_donor_advice, check_donor_findings, check_stop_or_go, check_weakest
from missionkit.readiness.donors import objective_label
from missionkit.readiness.load import TEAMMATE_PREFIX, dimension_code, score_value, scores_from_workbook
from missionkit.readiness.profile import ReadinessProfile, readiness_profile
from missionkit.readiness.scorecard import DIMENSION_CODES, DIMENSIONS, SCALE, Dimension, dimension_label

__all__ = ["SECTION", "KEY", "self_assessment_form", "scores_table_html", "profile_html", "team_file_name",
           "weakest_form", "stop_or_go_form", "donor_findings_form", "donor_advice_form"]

SECTION = "readiness"
KEY = "scores"
e = html.escape


def _score_options(d: Dimension) -> list[tuple[str, str]]:
    options = [("Choose a score", "")]
    for k in SCALE:
        anchor = d.anchors.get(k)
        options.append((f"{k}: {anchor}" if anchor else f"{k}: between the anchors", str(k)))
    return options


def _clean(value: Any) -> dict[str, dict]:
    """Saved scores in the form's shape; anything unreadable is dropped (the form starts empty there)."""
    out: dict[str, dict] = {}
    if not isinstance(value, Mapping):
        return out
    for k, v in value.items():
        code = dimension_code(k)
        if code is None:
            continue
        score, evidence = (v.get("score"), v.get("evidence", "")) if isinstance(v, Mapping) else (v, "")
        try:
            score = score_value(score, code)
        except MissionkitInputError:
            score = None
        out[code] = {"score": score, "evidence": evidence if isinstance(evidence, str) else ""}
    return out


def scores_table_html(by_assessor: Mapping[str, Mapping], profile: ReadinessProfile | None = None) -> str:
    """Scores by dimension and assessor, with median, spread and signal (all escaped)."""
    names = list(by_assessor)
    head = "".join(f'<th scope="col">{e(n)}</th>' for n in names)
    rows = []
    for d in DIMENSIONS:
        cells = []
        for n in names:
            v = _clean(by_assessor[n]).get(d.code, {})
            s = v.get("score")
            ev = v.get("evidence") or ""
            title = f' title="{e(ev)}"' if ev else ""
            cells.append(f"<td{title}>{'' if s is None else s}</td>")
        extra = ""
        if profile is not None:
            r = profile.table.loc[d.code]
            med = "" if r["median"] != r["median"] else f"{r['median']:g}"
            spread = "" if r["assessors"] == 0 else str(int(r["spread"]))
            extra = f"<td>{med}</td><td>{spread}</td><td>{e(r['signal'])}</td>"
        rows.append(f'<tr><th scope="row">{e(d.label)}</th>{"".join(cells)}{extra}</tr>')
    tail = '<th scope="col">Median</th><th scope="col">Spread</th><th scope="col">Signal</th>' if profile else ""
    return ('<table class="missionkit-table missionkit-readiness"><thead><tr><th scope="col">Dimension</th>'
            f"{head}{tail}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def profile_html(by_assessor: Mapping[str, Mapping]) -> str:
    """The team's profile as HTML: the table and the findings in words."""
    try:
        p = readiness_profile(by_assessor)
    except MissionkitInputError as error:
        return error_html(error)
    status = "revise" if p.stop_and_fix else ("good" if p.assessors and not p.unscored else "")
    items = "".join(f"<li>{e(s)}</li>" for s in p.sentences())
    return (f'<div class="missionkit-feedback {status}" role="status"><p><strong>Readiness profile</strong> '
            f"(the scorecard is OUR PROPOSAL)</p>{scores_table_html(by_assessor, p)}<ul>{items}</ul></div>")


def team_file_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-") or "me"
    return f"readiness-team-{slug}.json"


def self_assessment_form(section: str = SECTION, key: str = KEY, *, start: Mapping | None = None,
                         title: str = "Mission readiness: your self-assessment") -> FormBox:
    """Eight scores (0-4) with evidence, saved as you go; teammates' scores importable.

    ``start`` (``{"R1": {"score": 3, "evidence": "..."}, ...}``) fills the form
    only when nothing is saved yet, and is not saved until you change it.
    """
    wb, note = open_workbook()
    saved: dict = {}
    section_data: dict = {}
    owner = ""
    if wb is not None:
        try:
            section_data = wb.section(section)
            saved = _clean(section_data.get(key))
            owner = wb.owner or ""
        except MissionkitInputError as error:  # pragma: no cover - the workbook recovers itself
            note = f"Your saved scores could not be read, so the form starts empty: {error.message}"
    if not any(v.get("score") is not None or v.get("evidence") for v in saved.values()) and start:
        saved = _clean(start)

    from ipywidgets.widgets.widget_description import DescriptionStyle
    from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

    text_layout, text_style = w.Layout(), HTMLStyle()
    drop_layout, drop_style = w.Layout(width="34em"), DescriptionStyle()
    area_layout, area_style = w.Layout(width="100%"), TextStyle()

    def text(markup: str) -> w.HTML:
        return w.HTML(markup, layout=text_layout, style=text_style)

    scores: dict[str, w.Dropdown] = {}
    evidence: dict[str, w.Textarea] = {}
    parts: list[w.Widget] = [text(
        "<p>Score each dimension from 0 (absent) to 4 (strong) against its anchors, and write the evidence behind "
        "your score. Score on your own first, then compare with your teammates. After typing evidence, press Tab "
        "(or click outside the box) to save it.</p>")]
    for d in DIMENSIONS:
        v = saved.get(d.code, {})
        s = v.get("score")
        scores[d.code] = w.Dropdown(options=_score_options(d), value="" if s is None else str(s), description="",
                                    layout=drop_layout, style=drop_style)
        evidence[d.code] = w.Textarea(value=v.get("evidence", ""), rows=2, description="", continuous_update=False,
                                      placeholder=f"Evidence needed: {d.evidence}", layout=area_layout,
                                      style=area_style)
        parts += [
            text(f"<h4>{e(d.label)}</h4><p>{e(d.question)}</p>"
                 f"<label><strong>{e(d.code)}: your score</strong></label>"),
            scores[d.code],
            text(f"<label><strong>{e(d.code)}: your evidence</strong></label>"),
            evidence[d.code],
        ]
    result, status, team_status = text(""), text(""), text("")
    name_box = w.Text(value=owner, placeholder="Your name", layout=w.Layout(width="20em"))
    export_button = w.Button(description="Export my scores", tooltip="Write a team file for your teammates")
    path_box = w.Text(value="", placeholder="my-work/readiness-team-their-name.json", layout=w.Layout(width="34em"))
    import_button = w.Button(description="Import a teammate's file", tooltip="Add a teammate's scores")
    state: dict[str, Any] = {"teammates": {}}

    def current() -> dict[str, dict]:
        return {c: {"score": int(scores[c].value) if scores[c].value != "" else None,
                    "evidence": evidence[c].value.strip()} for c in DIMENSION_CODES}

    def team() -> dict[str, dict]:
        me = name_box.value.strip() or "You"
        mine = {c: v for c, v in current().items() if v["score"] is not None}
        data = {key: mine}
        data.update(state["teammates"])
        return scores_from_workbook(data, me=me, key=key)

    def load_teammates() -> None:
        if wb is None:
            return
        try:
            sec = wb.section(section)
        except MissionkitInputError:  # pragma: no cover
            return
        state["teammates"] = {k: v for k, v in sec.items() if k.startswith(TEAMMATE_PREFIX)}

    def show(note_text: str, target: w.HTML = status) -> None:
        target.value = f'<p class="missionkit-save-status"><em>{e(note_text)}</em></p>' if note_text else ""

    def refresh(change=None) -> None:
        result.value = profile_html(team())
        if change is None or wb is None:
            return
        saver.save_and_report(current(), status)

    def do_export(_button=None) -> None:
        if wb is None:
            show("Your scores are not saved, so there is nothing to export.", team_status)
            return
        name = name_box.value.strip()
        if not name:
            show("Type your name in the box above first: teammates need it to tell team files apart.", team_status)
            return
        try:
            saver.save(current())
            target = wb.export(wb.path.parent / team_file_name(name), sections=[section], owner=name)
            show(f"Written: {target}. Send this file to your teammates; they import it below.", team_status)
        except MissionkitInputError as error:
            team_status.value = error_html(error)

    def do_import(_button=None) -> None:
        if wb is None:
            show("Your workbook is not available here, so teammates' scores cannot be added.", team_status)
            return
        raw = path_box.value.strip()
        if not raw:
            show("Type the path of your teammate's file first, e.g. my-work/readiness-team-ana.json.", team_status)
            return
        path = Path(raw).expanduser()
        if not path.is_absolute() and not path.exists():
            path = wb.path.parent / path.name
        try:
            report = wb.import_from(path, sections=[section], as_teammate=True)
        except MissionkitInputError as error:
            team_status.value = error_html(error)
            return
        load_teammates()
        refresh()
        show(report.summary(), team_status)

    saver = FormSaver(wb, section, key, current())  # saves only what changes in this copy (issue 17)
    for control in (*scores.values(), *evidence.values()):
        control.observe(refresh, names="value")
    name_box.observe(lambda change: refresh(), names="value")
    export_button.on_click(do_export)
    import_button.on_click(do_import)
    load_teammates()
    refresh()
    show(note)

    def fallback() -> str:
        return profile_html(team())

    children = parts + [
        text("<h4>Your profile, and your team's</h4>"), result, status,
        text("<h4>Work as a team</h4><p>Each person scores alone, exports a team file and sends it to the others, "
             "who import it here. Disagreements of 2 or more points are the ones to discuss.</p>"
             "<label><strong>Your name (written into your team file)</strong></label>"),
        name_box, export_button,
        text("<label><strong>A teammate's file (its path)</strong></label>"), path_box, import_button, team_status,
    ]
    return FormBox(children, title=title, fallback=fallback)


# --------------------------------------------------------------------------- the exercise's questions as forms
def _given(value: Any) -> Any:
    return ... if value is None or value == [] or value == "" else value


def _dimensions() -> list[tuple[str, str]]:
    return [(dimension_label(c), c) for c in DIMENSION_CODES]


def _objectives() -> list[tuple[str, str]]:
    return [(objective_label(o), o) for o in case.OBJECTIVE_IDS]


def weakest_form(weakest: Any = None, most_disputed: Any = None) -> FormBox:
    """Exercise 1 as a form: tick the weakest dimensions, choose the most disputed one (FICTIONAL scores);
    feedback from :func:`check_weakest`; saved under ``readiness``/``weakest``."""
    fields = [Field("weakest", "The weakest dimensions (lowest median)", "many", _dimensions()),
              Field("most_disputed", "The dimension the assessors disagree on most", "choice", _dimensions())]
    start = ({"weakest": list(weakest) if isinstance(weakest, (list, tuple)) else [],
              "most_disputed": most_disputed} if weakest is not None or most_disputed is not None else None)
    return answer_form(SECTION, "weakest", fields, start=start, title="Exercise 1: read the scorecard",
                       check=lambda a: check_weakest(_given(a["weakest"]), _given(a["most_disputed"])))


def stop_or_go_form(decision: Any = None, fix_first: Any = None) -> FormBox:
    """Exercise 2 as a form: the call (stop and fix, or go) and the dimension(s) to fix first."""
    fields = [Field("decision", "Your call", "choice", ["stop and fix", "go"]),
              Field("fix_first", "The dimension(s) to fix first", "many", _dimensions())]
    start = ({"decision": decision, "fix_first": list(fix_first) if isinstance(fix_first, (list, tuple)) else []}
             if decision is not None or fix_first is not None else None)
    return answer_form(SECTION, "stop_or_go", fields, start=start, title="Exercise 2: stop and fix, or go?",
                       check=lambda a: check_stop_or_go(_given(a["decision"]), _given(a["fix_first"])))


def donor_findings_form(unfunded: Any = None, overlap_objective: Any = None, top_two_share: Any = None) -> FormBox:
    """Exercise 3 as a form: the gap, the overlap and the two largest funders' share (FICTIONAL donors)."""
    fields = [Field("unfunded", "Objective(s) no funder covers", "many", _objectives()),
              Field("overlap_objective", "The objective with overlapping technical assistance", "choice",
                    _objectives()),
              Field("top_two_share", "The two largest funders' share of the money", "number",
                    unit="% (94 and 0.94 both work)")]
    given = [unfunded, overlap_objective, top_two_share]
    start = ({"unfunded": list(unfunded) if isinstance(unfunded, (list, tuple)) else [],
              "overlap_objective": overlap_objective,
              "top_two_share": top_two_share} if any(v is not None for v in given) else None)
    return answer_form(SECTION, "donor_findings", fields, start=start, title="Exercise 3: map the donors",
                       check=lambda a: check_donor_findings(_given(a["unfunded"]), _given(a["overlap_objective"]),
                                                            _given(a["top_two_share"])))


def donor_advice_form(start: Any = None) -> FormBox:
    """Exercise 4 as a form: the advice to the Delivery Office, with :func:`check_donor_advice`'s feedback."""
    return text_form(SECTION, "donor_advice", title="Exercise 4: advise the Delivery Office",
                     label="Your advice on the donors", check=lambda t: for_form(check_donor_advice(t)),
                     start=start,
                     help_text="Three or four sentences: what to ask the donors for, and what to ask them to change.",
                     example="Ask for a funder for …")
