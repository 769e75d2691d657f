"""Module 02, choosing the mission: the challenge as a system, choosing among candidates, deciding with the public.

A flashback to 2024, before Marenta's Cabinet adopted the mission (FICTIONAL case, datasets D0).

Public API (re-exported here; notebooks call ``choosing.<name>``):

- ``system_map``: CORE_PROBLEM, Loop, links, factors, upstream, root_causes, feedback_loops,
  contested_links, problem_tree, link_label
- ``selection``: Criterion, CRITERIA, CRITERION_BY_NAME, RATING_POINTS, criteria_table, failures,
  candidate_names, candidate_statements, rating_counts, funnel_stages
- ``consultation``: POPULATION_SHARES, TRAITS, population_shares, representation, choice_shares,
  weighted_shares, ranking, choice_by_group
- ``assembly``: SELECTIONS, STRATA, COMMITMENTS, MIN_MEMBERS, MIN_DAYS, AssemblyDesign, parse_design,
  EXAMPLE_DESIGN, design_choices
- ``examples``: Example, SELECTION_PROCESSES, DELIBERATIVE_CASES, LEVERAGE_POINTS, MLP_LEVELS,
  MLP_SOURCE_KEYS, selection_processes, deliberative_cases, leverage_points, examples_table,
  mlp_table
- ``load``: SECTION, CHOICE_KEY, CAUSE_MAP_KEY, ASSEMBLY_KEY, PITCH_KEY, MARENTA_EXAMPLE, saved,
  saved_choice
- ``checks``: ReasonedFeedback, check_cause_map, check_choice, check_assembly, check_pitch, CHOICE_SELF_CHECK,
  CHOICE_MODEL_ANSWER
- ``charts``: RATING_COLOURS, criteria_chart, representation_chart, support_chart
- ``forms``: CAUSE_MAP_OPTIONS, cause_map_form, choice_form, assembly_form, pitch_form
"""
from missionkit.choosing.assembly import (
    COMMITMENTS,
    EXAMPLE_DESIGN,
    MIN_DAYS,
    MIN_MEMBERS,
    SELECTIONS,
    STRATA,
    AssemblyDesign,
    design_choices,
    parse_design,
)
from missionkit.choosing.charts import RATING_COLOURS, criteria_chart, representation_chart, support_chart
from missionkit.choosing.checks import (
    CHOICE_MODEL_ANSWER,
    CHOICE_SELF_CHECK,
    ReasonedFeedback,
    check_assembly,
    check_cause_map,
    check_choice,
    check_pitch,
)
from missionkit.choosing.consultation import (
    POPULATION_SHARES,
    TRAITS,
    choice_by_group,
    choice_shares,
    population_shares,
    ranking,
    representation,
    weighted_shares,
)
from missionkit.choosing.examples import (
    DELIBERATIVE_CASES,
    LEVERAGE_POINTS,
    MLP_LEVELS,
    MLP_SOURCE_KEYS,
    SELECTION_PROCESSES,
    Example,
    deliberative_cases,
    examples_table,
    leverage_points,
    mlp_table,
    selection_processes,
)
from missionkit.choosing.forms import CAUSE_MAP_OPTIONS, assembly_form, cause_map_form, choice_form, pitch_form
from missionkit.choosing.load import (
    ASSEMBLY_KEY,
    CAUSE_MAP_KEY,
    CHOICE_KEY,
    MARENTA_EXAMPLE,
    PITCH_KEY,
    SECTION,
    saved,
    saved_choice,
)
from missionkit.choosing.selection import (
    CRITERIA,
    CRITERION_BY_NAME,
    RATING_POINTS,
    Criterion,
    candidate_names,
    candidate_statements,
    criteria_table,
    failures,
    funnel_stages,
    rating_counts,
)
from missionkit.choosing.system_map import (
    CORE_PROBLEM,
    Loop,
    contested_links,
    factors,
    feedback_loops,
    link_label,
    links,
    problem_tree,
    root_causes,
    upstream,
)

__all__ = [
    "CORE_PROBLEM", "Loop", "links", "factors", "upstream", "root_causes", "feedback_loops", "contested_links",
    "problem_tree", "link_label",
    "Criterion", "CRITERIA", "CRITERION_BY_NAME", "RATING_POINTS", "criteria_table", "failures", "candidate_names",
    "candidate_statements", "rating_counts", "funnel_stages",
    "POPULATION_SHARES", "TRAITS", "population_shares", "representation", "choice_shares", "weighted_shares",
    "ranking", "choice_by_group",
    "SELECTIONS", "STRATA", "COMMITMENTS", "MIN_MEMBERS", "MIN_DAYS", "AssemblyDesign", "parse_design",
    "EXAMPLE_DESIGN", "design_choices",
    "Example", "SELECTION_PROCESSES", "DELIBERATIVE_CASES", "LEVERAGE_POINTS", "MLP_LEVELS", "MLP_SOURCE_KEYS",
    "selection_processes", "deliberative_cases", "leverage_points", "examples_table", "mlp_table",
    "ReasonedFeedback", "check_cause_map", "check_choice", "check_assembly", "check_pitch", "CHOICE_SELF_CHECK",
    "CHOICE_MODEL_ANSWER",
    "RATING_COLOURS", "criteria_chart", "representation_chart", "support_chart",
    "CAUSE_MAP_OPTIONS", "assembly_form", "cause_map_form", "choice_form", "pitch_form",
    "ASSEMBLY_KEY", "CAUSE_MAP_KEY", "CHOICE_KEY", "PITCH_KEY", "MARENTA_EXAMPLE", "SECTION", "saved", "saved_choice",
]
