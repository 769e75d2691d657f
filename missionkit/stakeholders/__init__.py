"""Module 05, stakeholders and legitimacy: the register, the map, engagement plans and forms.

Public API (re-exported here; notebooks call ``stakeholders.<name>``):

- ``register``: BOARD_MAX, ASSEMBLY_MAX, STAKEHOLDER_TYPES, TYPE_LABELS, GOVERNMENT_TYPES, ENGAGEMENT_LEVELS, SHAPING_LEVELS, FORMATS, REGISTER_SPEC, read_register, check_register, stakeholder_map, quadrant_summary, seat_table, voices, missing_voices, BoardRules, parse_rules, BoardProposal, propose_board, engagement_ladder, legitimacy_formats, assess_engagement_plan, check_missing_voices, check_board, check_engagement_plan, EXAMPLE_PLAN, EXAMPLE_FORMATS, normalise_type, HIGH, QUADRANTS, VOICE_STATUSES, RULE_NAMES, LegitimacyFormat, FORMATS_DETAIL, BoardFeedback
- ``charts``: VOICE_COLOURS, VOICE_LABELS, SEAT_SHAPES, GOLDEN_ANGLE, STEP, interest_influence_map, board_balance
- ``forms``: SECTION, KEY, LEVEL_OPTIONS, FORMAT_OPTIONS, engagement_plan_form
"""
from missionkit.stakeholders.register import (
    BOARD_MAX,
    ASSEMBLY_MAX,
    STAKEHOLDER_TYPES,
    TYPE_LABELS,
    GOVERNMENT_TYPES,
    ENGAGEMENT_LEVELS,
    SHAPING_LEVELS,
    FORMATS,
    REGISTER_SPEC,
    read_register,
    check_register,
    stakeholder_map,
    quadrant_summary,
    seat_table,
    voices,
    missing_voices,
    BoardRules,
    parse_rules,
    BoardProposal,
    propose_board,
    engagement_ladder,
    legitimacy_formats,
    assess_engagement_plan,
    check_missing_voices,
    check_board,
    check_engagement_plan,
    EXAMPLE_PLAN,
    EXAMPLE_FORMATS,
    normalise_type,
    HIGH,
    QUADRANTS,
    VOICE_STATUSES,
    RULE_NAMES,
    LegitimacyFormat,
    FORMATS_DETAIL,
    BoardFeedback,
)
from missionkit.stakeholders.charts import (
    VOICE_COLOURS,
    VOICE_LABELS,
    SEAT_SHAPES,
    GOLDEN_ANGLE,
    STEP,
    interest_influence_map,
    board_balance,
)
from missionkit.stakeholders.forms import (
    SECTION,
    KEY,
    LEVEL_OPTIONS,
    FORMAT_OPTIONS,
    engagement_plan_form,
)
