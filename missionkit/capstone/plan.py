"""Module 12, the capstone: the mission implementation plan the participant writes.

The plan has ten sections (:data:`PLAN_SECTIONS`), from the challenge and the chosen mission to the
ask to the decision-maker. For each, :func:`section_draft` reads the participant's earlier work in
the workbook into a short draft (plain lines), shown beside the section. The draft is material, not
the answer: each section asks the participant to decide (keep, change or add) and to write why.
:func:`judge_section` says whether a section is complete: a section counts only when the participant
wrote in it, so a blank box, a placeholder ("ok", "see above", "..."), the section's own title or the
draft copied unchanged does not.

The plan is saved in the workbook section ``"plan"``: one key per section, each
``{"decision": "keep" | "change" | "add", "text": "..."}`` (:func:`save_plan_section`).
:func:`build_plan` reads it back into a :class:`MissionPlan`. Domain code: no display code.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from missionkit.capstone.sections import Block, is_empty, plain_text, section_blocks
from missionkit.errors import MissionkitInputError
from missionkit.feedback import PLACEHOLDERS as COURSE_PLACEHOLDERS
from missionkit.feedback import is_blank, placeholder_reason

__all__ = [
    "PLAN", "DECISIONS", "DECIDED", "MIN_WORDS", "PlanSpec", "PLAN_SECTIONS", "PLAN_KEYS", "SectionJudgement",
    "PlanSection",
    "MissionPlan", "MARENTA_PLAN", "section_draft", "judge_section", "build_plan", "save_plan_section",
    "blocks_to_lines", "PLACEHOLDERS",
]

PLAN = "plan"
DECISIONS: dict[str, str] = {
    "keep": "Keep the draft, and say why it holds",
    "change": "Change the draft, and say what and why",
    "add": "Add what the draft lacks, and say why",
}
DECIDED = {"keep": "Decision: keep the draft", "change": "Decision: change the draft",
           "add": "Decision: add to the draft"}  # how an exported plan shows the choice
MIN_WORDS = 8  # a sentence that decides and gives a reason; "Keep." or "ok" is not a section


@dataclass(frozen=True)
class PlanSpec:
    key: str
    title: str
    modules: tuple[str, ...]  # the modules (new numbering) whose work fills the draft
    question: str  # what the participant decides and writes
    example: str  # a short model answer for the FICTIONAL Marenta case (shown as a hint, never praised)


PLAN_SECTIONS: tuple[PlanSpec, ...] = (
    PlanSpec("challenge", "The challenge and the chosen mission", ("01", "02", "03"),
             "Which challenge does the mission answer, which candidate mission did you choose, and why this one "
             "rather than the others? Keep, sharpen or change the statement.",
             "Keep the 2035 statement: 45-minute commutes and half the 2024 fine-particle level. We chose it over "
             "road safety because three ministries already share the problem and two lenders will co-finance."),
    PlanSpec("objectives", "Objectives and milestones", ("03",),
             "Which objectives carry the mission, and what milestone, with a date, shows each is on track?",
             "Keep O1-O5. Add milestones: first bus corridor open by 2027 (O1); clean-bus share 30% by 2029 (O2); "
             "night-bus network in all three cities by 2028 (O4)."),
    PlanSpec("portfolio", "Portfolio and instruments", ("08",),
             "What the portfolio continues, scales, pivots or stops, and which instruments (grants, loans, "
             "procurement, regulation) it uses for which objective.",
             "Change round 2: scale PR16, PR21 and PR33; stop PR27 and PR43; use green procurement for clean "
             "buses and route contracts for minibus operators, not only grants."),
    PlanSpec("financing", "Budget and financing", ("09",),
             "How much money, from which sources, through which instruments, and on what conditions? What is "
             "not yet funded?",
             "Add a ring-fenced line of MRC 120 m a year to 2030, blended with the two partners' loans; O4 Fair "
             "access has no funder yet, so we ask for a call paid from the money round 2 frees."),
    PlanSpec("governance", "Governance and decision rights", ("05",),
             "Who owns the mission and each objective, who sits on which body (steering committee, board, "
             "assembly), and what may each decide "
             "(before money is committed, not only after)?",
             "Change: a steering committee of the budget holders approves the portfolio before money is "
             "committed, on the board's advice; O4 gets an "
             "owner (Ministry of Gender and Social Affairs); Finance takes a seat."),
    PlanSpec("stakeholders", "Stakeholders and public engagement", ("06",),
             "Who must be involved, including those who may resist, how far (inform, consult, co-design, "
             "co-deliver) and in what format?",
             "Keep co-design with the minibus association on route contracts; add night safety audits with the "
             "women's group and a public dashboard of the commute indicator."),
    PlanSpec("indicators", "Indicators and the review calendar", ("10",),
             "Which indicators, with baselines, targets and data owners, and when does who review them and "
             "decide on the portfolio?",
             "Add indicators for O3-O5 and a calendar: the board reviews the dashboard each quarter; the "
             "steering committee decides "
             "the portfolio each March, after the statistics office publishes the commute survey."),
    PlanSpec("risks", "Risks and how they are handled", ("11",),
             "What could stop the mission (readiness gaps, opposition, money, data), how likely, and what you "
             "will do about each?",
             "Add: governance (R3) is a stop-and-fix signal, so the steering committee's powers come first; "
             "the fuel subsidy "
             "works against the mission, so Finance co-owns a phased reform; operators may strike: route "
             "contracts first."),
    PlanSpec("evidence", "What the scan and the diagnostics found", ("04", "07"),
             "What did the policy scan and the diagnostics show that the plan must answer, and how does it?",
             "Keep: 10 policies work against the mission, led by the fuel subsidy; women's night safety came up "
             "in most focus groups. The plan answers both: subsidy reform and the night-bus scale-up."),
    PlanSpec("ask", "The ask to the decision-maker", ("12",),
             "What exactly do you ask the decision-maker to decide, by when, and at what cost?",
             "We ask the Cabinet to approve MRC 120 m a year to 2030 and to give a steering committee of the "
             "budget holders the right "
             "to approve the portfolio before money is committed, by June 2026."),
)
PLAN_KEYS = tuple(s.key for s in PLAN_SECTIONS)
_SPEC = {s.key: s for s in PLAN_SECTIONS}

#: Marenta's worked implementation plan (FICTIONAL): each section's decision and text, as the
#: worked solution of Module 12 writes it. It is good, not perfect: O3 and O5 have no milestone.
MARENTA_PLAN: dict[str, dict[str, str]] = {
    s.key: {"decision": d, "text": s.example}
    for s, d in zip(PLAN_SECTIONS, ("keep", "add", "change", "add", "change", "add", "add", "add", "keep", "change"),
                    strict=True)
}


# --------------------------------------------------------------------------- drafts from earlier work
def blocks_to_lines(blocks: list[Block], limit: int = 12) -> list[str]:
    """A brief section's blocks as short plain lines (figures left out)."""
    lines: list[str] = []
    for b in blocks:
        if b.kind in ("text", "quote") and b.text:
            lines.append(b.text)
        elif b.kind == "bullets":
            lines += ([b.text] if b.text else []) + [str(i) for i in b.items]
        elif b.kind == "pairs":
            lines += [f"{k}: {v}" for k, v in b.items if str(v).strip()]
        elif b.kind == "table":
            lines += [" | ".join(str(c) for c in r if str(c).strip()) for r in b.rows]
    lines = [re.sub(r"\s+", " ", str(x)).strip() for x in lines if str(x).strip()]
    return lines[:limit] + ([f"… and {len(lines) - limit} more"] if len(lines) > limit else [])


def _sec(sections: Mapping, name: str) -> Mapping:
    v = sections.get(name, {})
    return v if isinstance(v, Mapping) else {}


def _brief_lines(key: str, sections: Mapping, owner: str | None = None) -> list[str]:
    try:
        done, blocks = section_blocks(key, sections, owner)
    except Exception:  # noqa: BLE001 - another module's reader must never stop the plan
        return []
    return blocks_to_lines(blocks) if done else []


def _choice_lines(sections: Mapping) -> list[str]:
    choice = _sec(sections, "choosing").get("choice")
    if is_empty(choice):
        return []
    if isinstance(choice, Mapping):
        return [f"{str(k).replace('_', ' ').capitalize()}: {plain_text(v)}" for k, v in choice.items()
                if not is_empty(v)]
    return [f"Chosen mission: {plain_text(choice)}"]


def _financing_lines(sections: Mapping) -> list[str]:
    """Module 09's financing plan (amounts by component and source, read by its own summary), or any other
    shape as label: value lines; then the instrument chosen and the conditions, when saved."""
    fin = _sec(sections, "financing")
    saved = fin.get("financing_plan")
    lines: list[str] = []
    if not is_empty(saved):
        try:
            from missionkit.financing.summary import plan_summary

            summary = plan_summary(saved)
            if summary.empty or not summary.rows:
                raise ValueError("not Module 09's shape")
            lines += [f"{c}: {src}, {amount}" for c, src, amount in summary.rows[:8]]
            lines += [f"Review: {x}" for x in summary.sentences[:3]]
        except Exception:  # noqa: BLE001 - another module's reader must never stop the plan
            lines = ([f"{str(k).replace('_', ' ').capitalize()}: {plain_text(v)}" for k, v in saved.items()
                      if not is_empty(v)] if isinstance(saved, Mapping) else [plain_text(saved)])
    for key, label in (("instrument_choice", "Instrument chosen"), ("conditions", "Conditions")):
        if not is_empty(fin.get(key)):
            lines.append(f"{label}: {plain_text(fin.get(key))}")
    return lines


def _scan_lines(sections: Mapping) -> list[str]:
    scan = _sec(sections, "scanning")
    lines = [f"Scan, note on {str(k)[5:]}: {plain_text(v)}" for k, v in scan.items()
             if str(k).startswith("note_") and not is_empty(v)]
    themes = _sec(sections, "diagnostics").get("themes")
    if isinstance(themes, Mapping) and not is_empty(themes):
        try:
            from missionkit.diagnostics.themes import theme_counts

            counts = theme_counts(themes)
            lines += [f"Diagnostics, theme '{r['theme']}': {r['statements']} statements in {r['groups']} of "
                      f"{r['of groups']} focus groups" for r in counts.to_dict("records")[:6]]
        except Exception:  # noqa: BLE001
            lines += [f"Diagnostics, theme: {k}" for k in list(themes)[:6]]
    return lines


def section_draft(key: str, sections: Mapping, owner: str | None = None) -> list[str]:
    """The draft for one plan section, read from earlier work in the workbook (``[]``: nothing yet)."""
    if key not in _SPEC:
        raise MissionkitInputError(f"'{key}' is not a section of the plan",
                                   fix="Use one of: " + ", ".join(PLAN_KEYS))
    if key == "challenge":
        return _choice_lines(sections) + _brief_lines("mission", sections)[:1] + _brief_lines("litmus", sections)[:5]
    if key == "objectives":
        return _brief_lines("map", sections)
    if key == "portfolio":
        return _brief_lines("portfolio", sections)
    if key == "financing":
        return _financing_lines(sections)
    if key == "governance":
        return _brief_lines("governance", sections)
    if key == "stakeholders":
        return _brief_lines("stakeholders", sections)
    if key == "indicators":
        return _brief_lines("indicators", sections)
    if key == "risks":
        return [f"Readiness: {x}" for x in _brief_lines("readiness", sections, owner)]
    if key == "evidence":
        return _scan_lines(sections)
    ask = _sec(sections, "capstone").get("ask")
    return [f"Your ask so far: {plain_text(ask)}"] if not is_empty(ask) else []


# --------------------------------------------------------------------------- is a section written?
#: The course's placeholders (missionkit.feedback) and those a plan section invites ("keep", "as drafted").
PLACEHOLDERS = COURSE_PLACEHOLDERS | frozenset({
    "k", "fine", "good", "tbc", "see draft", "as in the draft", "as drafted", "keep", "keep it", "keep as is",
    "as is", "no change", "no changes", "change", "add", "draft", "see module", "see the draft", "will do", "later",
    "fill later", "pending",
})


_FUNCTION_WORDS = frozenset(
    "a an the to of in on for by and or but so because since as with from at is are be will would should can "
    "must we i it this that our their its has have not no each every who what when which than then".split())


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


@dataclass(frozen=True)
class SectionJudgement:
    complete: bool
    reason: str  # what is missing, in plain words ("" when complete)


def judge_section(key: str, decision: Any, text: Any,
                  draft: list[str] | tuple[str, ...] | str = ()) -> SectionJudgement:
    """Whether one section counts as written by the participant, and if not, why not.

    Complete: a decision (keep, change or add) and at least :data:`MIN_WORDS` words the participant wrote
    themselves: the draft's own text, a placeholder or the section's title do not count.
    """
    spec = _SPEC.get(key)
    if spec is None:
        raise MissionkitInputError(f"'{key}' is not a section of the plan", fix="Use one of: " + ", ".join(PLAN_KEYS))
    if is_blank(text) or not isinstance(text, str) or not _norm(text):
        return SectionJudgement(False, "Nothing written yet: decide (keep, change or add) and write why.")
    said = _norm(text)
    if said in PLACEHOLDERS or text.strip().strip(".… ") == "":
        return SectionJudgement(False, f"\u201c{text.strip()[:40]}\u201d is a placeholder: write what you "
                                       "decide and why, in a sentence or two.")
    title = _norm(spec.title)
    if said in (title, _norm(spec.question)) or said == _norm(f"{spec.title} {spec.question}"):
        return SectionJudgement(False, "That is the section's own title or question: write your answer to it.")
    reason = placeholder_reason(text, echo=f"{spec.title} {spec.question}")  # the course's one rule for it
    if reason:
        return SectionJudgement(False, f"Not a section yet: {reason}. Write what you decide, and why.")
    draft_text = _norm(" ".join(draft) if isinstance(draft, (list, tuple)) else str(draft or ""))
    own = said
    if draft_text:
        if said == draft_text:
            return SectionJudgement(False, "This is the draft, unchanged: say what you keep, change or add, and "
                                           "why.")
        own = _norm(said.replace(draft_text, " "))
        for line in (draft if isinstance(draft, (list, tuple)) else [draft]):  # lines of the draft pasted in
            n = _norm(str(line))
            if len(n) > 12:
                own = _norm(own.replace(n, " "))
    if own in PLACEHOLDERS or len(own.split()) < MIN_WORDS:
        what = ("Besides the draft, you wrote too little" if own != said
                else f"{len(said.split())} word{'s' if len(said.split()) != 1 else ''} is too short")
        return SectionJudgement(False, f"{what}: write at least {MIN_WORDS} words of your own, on what you decide "
                                       "and why.")
    if not set(own.split()) & _FUNCTION_WORDS:
        return SectionJudgement(False, "That reads as a list of words: write it as sentences that say what you "
                                       "decide and why.")
    if decision not in DECISIONS:
        return SectionJudgement(False, "Choose whether you keep, change or add to the draft.")
    return SectionJudgement(True, "")


# --------------------------------------------------------------------------- the plan
@dataclass
class PlanSection:
    spec: PlanSpec
    draft: list[str]
    decision: str
    text: str
    judgement: SectionJudgement

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def complete(self) -> bool:
        return self.judgement.complete


@dataclass
class MissionPlan:
    """The participant's implementation plan: ten sections, each written (complete) or not yet."""

    owner: str | None
    sections: list[PlanSection] = field(default_factory=list)
    fictional: bool = False

    @property
    def complete(self) -> bool:
        return bool(self.sections) and all(s.complete for s in self.sections)

    @property
    def missing(self) -> list[str]:
        return [s.key for s in self.sections if not s.complete]

    def section(self, key: str) -> PlanSection:
        return next(s for s in self.sections if s.key == key)

    def summary(self) -> str:
        n, total = len(self.sections) - len(self.missing), len(self.sections)
        if self.complete:
            return f"All {total} sections of your plan are written."
        todo = ", ".join(s.title for s in self.sections if not s.complete)
        return f"{n} of {total} sections of your plan are written; still to write: {todo}."

    def _repr_html_(self) -> str:  # a light status table for a notebook cell
        import html

        rows = "".join(
            f'<tr><th scope="row">{html.escape(s.title)}</th>'
            f"<td>{'✅ written' if s.complete else '✏️ ' + html.escape(s.judgement.reason)}</td></tr>"
            for s in self.sections)
        return (f'<div class="missionkit-plan-status"><p>{html.escape(self.summary())}</p><table><thead><tr>'
                '<th scope="col">Section</th><th scope="col">Status</th></tr></thead>'
                f"<tbody>{rows}</tbody></table></div>")

    def __repr__(self) -> str:
        return self.summary()


def _stored(value: Any) -> tuple[str, str]:
    if isinstance(value, Mapping):
        d, t = value.get("decision"), value.get("text")
        return (d if isinstance(d, str) else ""), (t if isinstance(t, str) else "")
    return "", value if isinstance(value, str) else ""


def build_plan(wb: Any = None) -> MissionPlan:
    """Read the plan (workbook section ``"plan"``) and the drafts from earlier work: a :class:`MissionPlan`."""
    from missionkit.capstone.brief import workbook_from

    wb = workbook_from(wb)
    data = wb.to_dict()
    sections = data.get("sections", {})
    meta = data.get("meta", {})
    owner = meta.get("owner")
    saved = _sec(sections, PLAN)
    out = []
    for spec in PLAN_SECTIONS:
        draft = section_draft(spec.key, sections, owner)
        decision, text = _stored(saved.get(spec.key))
        out.append(PlanSection(spec, draft, decision, text, judge_section(spec.key, decision, text, draft)))
    fictional = "FICTIONAL" in f"{owner or ''} {meta.get('note') or ''}"
    return MissionPlan(owner=owner, sections=out, fictional=fictional)


def save_plan_section(key: str, decision: str, text: str, wb: Any = None) -> SectionJudgement:
    """Save one section of the plan (decision and text) and return whether it now counts as written."""
    from missionkit.capstone.brief import workbook_from

    if key not in _SPEC:
        raise MissionkitInputError(f"'{key}' is not a section of the plan", fix="Use one of: " + ", ".join(PLAN_KEYS))
    if decision and decision not in DECISIONS:
        raise MissionkitInputError(f"'{decision}' is not a choice for a plan section",
                                   fix="Choose keep, change or add")
    wb = workbook_from(wb)
    wb.set(PLAN, key, {"decision": decision or "", "text": text if isinstance(text, str) else ""})
    data = wb.to_dict()
    return judge_section(key, decision, text, section_draft(key, data.get("sections", {}), data["meta"].get("owner")))
