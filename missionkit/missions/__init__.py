"""Module 01, what missions are: the OECD Mission Litmus Test, the real-missions table and its chart and form.

Public API (re-exported here; notebooks call ``missions.<name>``):

- ``examples``: CHOICES, Initiative, INITIATIVES_FILE, load_initiatives, INITIATIVES,
  INITIATIVE_BY_KEY, norm_name, initiatives, classification_results, InitiativeType,
  INITIATIVE_TYPES_FILE, load_initiative_types, OECD_INITIATIVE_TYPES, oecd_initiative_types,
  FailureMode, FAILURE_MODES_FILE, load_failure_modes, FAILURE_MODES, THIRTEEN_REASONS_NOTE,
  failure_modes
- ``litmus``: STEPS, RATINGS, LitmusStep, LITMUS_STEPS, STEP_BY_KEY, LITMUS_WARNINGS, StepAnswer,
  LitmusAnswers, LitmusVerdict, parse_answers, litmus_steps, litmus_verdict, WORKING_DEFINITION,
  Rating, MIN_EVIDENCE_WORDS, Outcome
- ``checks``: MARENTA_REFERENCE, check_litmus_answers, check_classification
- ``charts``: MISSION_REGION_ORDER, missions_by_deadline
- ``forms``: LITMUS_RATING_OPTIONS, litmus_form, classification_form
"""
from missionkit.missions.charts import (
    MISSION_REGION_ORDER,
    missions_by_deadline,
)
from missionkit.missions.checks import (
    MARENTA_REFERENCE,
    check_classification,
    check_litmus_answers,
)
from missionkit.missions.examples import (
    CHOICES,
    FAILURE_MODES,
    FAILURE_MODES_FILE,
    INITIATIVE_BY_KEY,
    INITIATIVE_TYPES_FILE,
    INITIATIVES,
    INITIATIVES_FILE,
    OECD_INITIATIVE_TYPES,
    THIRTEEN_REASONS_NOTE,
    FailureMode,
    Initiative,
    InitiativeType,
    classification_results,
    failure_modes,
    initiatives,
    load_failure_modes,
    load_initiative_types,
    load_initiatives,
    norm_name,
    oecd_initiative_types,
)
from missionkit.missions.forms import (
    LITMUS_RATING_OPTIONS,
    classification_form,
    litmus_form,
)
from missionkit.missions.litmus import (
    LITMUS_STEPS,
    LITMUS_WARNINGS,
    MIN_EVIDENCE_WORDS,
    RATINGS,
    STEP_BY_KEY,
    STEPS,
    WORKING_DEFINITION,
    LitmusAnswers,
    LitmusStep,
    LitmusVerdict,
    Outcome,
    Rating,
    StepAnswer,
    litmus_steps,
    litmus_verdict,
    parse_answers,
)

__all__ = [
    "CHOICES",
    "Initiative",
    "INITIATIVES_FILE",
    "load_initiatives",
    "INITIATIVES",
    "INITIATIVE_BY_KEY",
    "norm_name",
    "initiatives",
    "classification_results",
    "InitiativeType",
    "INITIATIVE_TYPES_FILE",
    "load_initiative_types",
    "OECD_INITIATIVE_TYPES",
    "oecd_initiative_types",
    "FailureMode",
    "FAILURE_MODES_FILE",
    "load_failure_modes",
    "FAILURE_MODES",
    "THIRTEEN_REASONS_NOTE",
    "failure_modes",
    "STEPS",
    "RATINGS",
    "LitmusStep",
    "LITMUS_STEPS",
    "STEP_BY_KEY",
    "LITMUS_WARNINGS",
    "StepAnswer",
    "LitmusAnswers",
    "LitmusVerdict",
    "parse_answers",
    "litmus_steps",
    "litmus_verdict",
    "WORKING_DEFINITION",
    "Rating",
    "MIN_EVIDENCE_WORDS",
    "Outcome",
    "MARENTA_REFERENCE",
    "check_litmus_answers",
    "check_classification",
    "MISSION_REGION_ORDER",
    "missions_by_deadline",
    "LITMUS_RATING_OPTIONS",
    "classification_form",
    "litmus_form",
]
