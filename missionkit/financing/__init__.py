"""Module 09, financing a mission and choosing its instruments: budget lines, plans, instruments, conditions.

Public API (re-exported here; notebooks call ``financing.<name>``):

- ``budget``: MILESTONE_YEAR, SPENT_YEARS, BORROWED, opening_year, timing, capital_and_operating,
  unfunded_running_costs, execution, sources, BudgetReading, read_budget
- ``plan``: Component, Source, Scenario, PLAN_EXERCISE, PLAN_LESSON, SCENARIOS, PlanReview, review_plan, TOLERANCE,
  components_table, sources_table
- ``instruments``: INSTRUMENTS_FILE, InstrumentFact, load_instrument_guide, INSTRUMENT_GUIDE, INSTRUMENT_NAMES,
  Problem, PROBLEM_LESSON, PROBLEM_EXERCISE, PROBLEMS, instrument_table
- ``conditions``: Condition, CONDITIONS, CONDITION_CODES, GROUPS, FIRM_REQUEST, FIRM_LESSON, MANY_CONDITIONS,
  ArgumentStructure, argument_structure, placeholder, keyword_list, SELF_CHECK, conditions_table
- ``load``: amount, plan_from_answer, codes_from_answer, budget_lines
- ``charts``: money_by_year, execution_chart, capital_operating_chart, KIND_COLOURS
- ``forms``: SECTION, PLAN_KEY, INSTRUMENT_KEY, CONDITIONS_KEY, READING_KEY, plan_form, instrument_form,
  conditions_form, budget_reading_form
- ``summary``: PlanSummary, plan_summary (the saved plan for the capstone)
- ``checks``: FICTIONAL, check_financing_plan, check_instrument_choice, check_conditions, check_budget_reading,
  FINDINGS, READING_OBJECTIVE, CONDITIONS_MODEL_ANSWER
"""
from missionkit.financing.budget import (
    BORROWED,
    MILESTONE_YEAR,
    SPENT_YEARS,
    BudgetReading,
    capital_and_operating,
    execution,
    opening_year,
    read_budget,
    sources,
    timing,
    unfunded_running_costs,
)
from missionkit.financing.charts import KIND_COLOURS, capital_operating_chart, execution_chart, money_by_year
from missionkit.financing.checks import (
    CONDITIONS_MODEL_ANSWER,
    FICTIONAL,
    FINDINGS,
    READING_OBJECTIVE,
    check_budget_reading,
    check_conditions,
    check_financing_plan,
    check_instrument_choice,
)
from missionkit.financing.conditions import (
    CONDITION_CODES,
    CONDITIONS,
    FIRM_LESSON,
    FIRM_REQUEST,
    GROUPS,
    MANY_CONDITIONS,
    SELF_CHECK,
    ArgumentStructure,
    Condition,
    argument_structure,
    conditions_table,
    keyword_list,
    placeholder,
)
from missionkit.financing.forms import (
    CONDITIONS_KEY,
    INSTRUMENT_KEY,
    PLAN_KEY,
    READING_KEY,
    SECTION,
    budget_reading_form,
    conditions_form,
    instrument_form,
    plan_form,
)
from missionkit.financing.instruments import (
    INSTRUMENT_GUIDE,
    INSTRUMENT_NAMES,
    INSTRUMENTS_FILE,
    PROBLEM_EXERCISE,
    PROBLEM_LESSON,
    PROBLEMS,
    InstrumentFact,
    Problem,
    instrument_table,
    load_instrument_guide,
)
from missionkit.financing.load import amount, budget_lines, codes_from_answer, plan_from_answer
from missionkit.financing.plan import (
    PLAN_EXERCISE,
    PLAN_LESSON,
    SCENARIOS,
    TOLERANCE,
    Component,
    PlanReview,
    Scenario,
    Source,
    components_table,
    review_plan,
    sources_table,
)
from missionkit.financing.summary import PlanSummary, plan_summary

__all__ = [
    "MILESTONE_YEAR", "SPENT_YEARS", "BORROWED", "opening_year", "timing", "capital_and_operating",
    "unfunded_running_costs", "execution", "sources", "BudgetReading", "read_budget",
    "Component", "Source", "Scenario", "PLAN_EXERCISE", "PLAN_LESSON", "SCENARIOS", "PlanReview", "review_plan",
    "TOLERANCE", "components_table", "sources_table",
    "INSTRUMENTS_FILE", "InstrumentFact", "load_instrument_guide", "INSTRUMENT_GUIDE", "INSTRUMENT_NAMES",
    "Problem", "PROBLEM_LESSON", "PROBLEM_EXERCISE", "PROBLEMS", "instrument_table",
    "Condition", "CONDITIONS", "CONDITION_CODES", "GROUPS", "FIRM_REQUEST", "FIRM_LESSON", "MANY_CONDITIONS",
    "ArgumentStructure", "argument_structure", "placeholder", "keyword_list", "SELF_CHECK", "conditions_table",
    "amount", "plan_from_answer", "codes_from_answer", "budget_lines",
    "FICTIONAL", "check_financing_plan", "check_instrument_choice", "check_conditions", "check_budget_reading",
    "FINDINGS", "READING_OBJECTIVE", "CONDITIONS_MODEL_ANSWER",
    "money_by_year", "execution_chart", "capital_operating_chart", "KIND_COLOURS",
    "SECTION", "PLAN_KEY", "INSTRUMENT_KEY", "CONDITIONS_KEY", "READING_KEY", "plan_form", "instrument_form",
    "conditions_form", "budget_reading_form",
    "PlanSummary", "plan_summary",
]
