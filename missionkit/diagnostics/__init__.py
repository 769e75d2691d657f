"""Module 06, mission diagnostics: surveys, focus groups, their charts and forms.

Public API (re-exported here; notebooks call ``diagnostics.<name>``):

- ``survey``: SMALL_N, AGREE, DISAGREE, LEAN_MIN_SHARE, LEAN_RATIO, LEAN_GAP, LOADED_WORDS, COPY_SIMILARITY, lean, DIMENSIONS, LEVEL_LABELS, GROUP_COLUMNS, DEFAULT_THEMES, wilson_interval, check_survey, read_items, read_survey, items_by_dimension, answer_shares, item_summary, dimension_scores, dimension_summary, group_sizes, agreement_by, survey_findings, parse_themes, code_statements, theme_counts, uncoded, evidence_in, assess_recommendation, check_item_wording, check_survey_design, check_survey_reading, check_themes, check_recommendations, GROUP_NAMES, Z95, ITEMS_SPEC, Finding, MIN_KEYWORD
- ``charts``: LEVEL_COLOURS, likert_bars, agreement_by_group, theme_bars
- ``forms``: SECTION, KEY, OWN, counts_html, theme_coding_form
"""
from missionkit.diagnostics.survey import (
    SMALL_N,
    AGREE,
    DISAGREE,
    LEAN_MIN_SHARE,
    LEAN_RATIO,
    LEAN_GAP,
    LOADED_WORDS,
    COPY_SIMILARITY,
    lean,
    DIMENSIONS,
    LEVEL_LABELS,
    GROUP_COLUMNS,
    DEFAULT_THEMES,
    wilson_interval,
    check_survey,
    read_items,
    read_survey,
    items_by_dimension,
    answer_shares,
    item_summary,
    dimension_scores,
    dimension_summary,
    group_sizes,
    agreement_by,
    survey_findings,
    parse_themes,
    code_statements,
    theme_counts,
    uncoded,
    evidence_in,
    assess_recommendation,
    check_item_wording,
    check_survey_design,
    check_survey_reading,
    check_themes,
    check_recommendations,
    GROUP_NAMES,
    Z95,
    ITEMS_SPEC,
    Finding,
    MIN_KEYWORD,
)
from missionkit.diagnostics.charts import (
    LEVEL_COLOURS,
    likert_bars,
    agreement_by_group,
    theme_bars,
)
from missionkit.diagnostics.forms import (
    SECTION,
    KEY,
    OWN,
    counts_html,
    theme_coding_form,
)
