"""Module 01, what missions are: the OECD Mission Litmus Test, the real-missions table and its chart and form.

Public API (re-exported here; notebooks call ``missions.<name>``):

- ``litmus``: STEPS, RATINGS, LitmusStep, LITMUS_STEPS, LITMUS_WARNINGS, StepAnswer, LitmusAnswers, LitmusVerdict, parse_answers, litmus_steps, litmus_verdict, MARENTA_REFERENCE, check_litmus_answers, CHOICES, Initiative, INITIATIVES, initiatives, classification_results, check_classification, InitiativeType, OECD_INITIATIVE_TYPES, oecd_initiative_types, FailureMode, FAILURE_MODES, THIRTEEN_REASONS_NOTE, failure_modes, WORKING_DEFINITION, cite, short_cite, Rating, MIN_EVIDENCE_WORDS, Outcome
- ``charts``: MISSION_REGION_ORDER, missions_by_deadline
- ``forms``: LITMUS_RATING_OPTIONS, litmus_form
"""
from missionkit.missions.litmus import (
    STEPS,
    RATINGS,
    LitmusStep,
    LITMUS_STEPS,
    LITMUS_WARNINGS,
    StepAnswer,
    LitmusAnswers,
    LitmusVerdict,
    parse_answers,
    litmus_steps,
    litmus_verdict,
    MARENTA_REFERENCE,
    check_litmus_answers,
    CHOICES,
    Initiative,
    INITIATIVES,
    initiatives,
    classification_results,
    check_classification,
    InitiativeType,
    OECD_INITIATIVE_TYPES,
    oecd_initiative_types,
    FailureMode,
    FAILURE_MODES,
    THIRTEEN_REASONS_NOTE,
    failure_modes,
    WORKING_DEFINITION,
    cite,
    short_cite,
    Rating,
    MIN_EVIDENCE_WORDS,
    Outcome,
)
from missionkit.missions.charts import (
    MISSION_REGION_ORDER,
    missions_by_deadline,
)
from missionkit.missions.forms import (
    LITMUS_RATING_OPTIONS,
    litmus_form,
)
