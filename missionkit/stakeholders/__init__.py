"""Module 06, stakeholders and legitimacy: the register, the map, engagement plans and forms.

Public API (re-exported here; notebooks call ``stakeholders.<name>``):

- ``board``: BoardRules, RULE_NAMES, parse_rules, BoardProposal, propose_board
- ``engagement``: LADDER_FILE, FORMATS_FILE, load_ladder, load_formats, engagement_ladder,
  LegitimacyFormat, FORMATS_DETAIL, FORMATS, legitimacy_formats
- ``register``: QUADRANTS, stakeholder_map, quadrant_summary, VOICE_STATUSES, seat_table, voices,
  voices_of_checked, missing_voices
- ``vocabulary``: BOARD_MAX, ASSEMBLY_MAX, STAKEHOLDER_TYPES, TYPE_LABELS, GOVERNMENT_TYPES,
  ENGAGEMENT_LEVELS, SHAPING_LEVELS, HIGH, one_label, many_label, normalise_type
- ``load``: REGISTER_SPEC, read_register, check_register
- ``checks``: EXAMPLE_PLAN, EXAMPLE_FORMATS, assess_engagement_plan, check_missing_voices,
  BoardFeedback, check_board, check_engagement_plan
- ``charts``: VOICE_COLOURS, VOICE_LABELS, SEAT_SHAPES, GOLDEN_ANGLE, STEP, interest_influence_map,
  board_balance
- ``forms``: SECTION, KEY, LEVEL_OPTIONS, FORMAT_OPTIONS, engagement_plan_form, board_rules_form, board_answer,
  missing_voices_form
"""
from missionkit.stakeholders.board import (
    RULE_NAMES,
    BoardProposal,
    BoardRules,
    parse_rules,
    propose_board,
)
from missionkit.stakeholders.charts import (
    GOLDEN_ANGLE,
    SEAT_SHAPES,
    STEP,
    VOICE_COLOURS,
    VOICE_LABELS,
    board_balance,
    interest_influence_map,
)
from missionkit.stakeholders.checks import (
    EXAMPLE_FORMATS,
    EXAMPLE_PLAN,
    BoardFeedback,
    assess_engagement_plan,
    check_board,
    check_engagement_plan,
    check_missing_voices,
)
from missionkit.stakeholders.engagement import (
    FORMATS,
    FORMATS_DETAIL,
    FORMATS_FILE,
    LADDER_FILE,
    LegitimacyFormat,
    engagement_ladder,
    legitimacy_formats,
    load_formats,
    load_ladder,
)
from missionkit.stakeholders.forms import (
    FORMAT_OPTIONS,
    KEY,
    LEVEL_OPTIONS,
    SECTION,
    board_answer,
    board_rules_form,
    engagement_plan_form,
    missing_voices_form,
)
from missionkit.stakeholders.load import (
    REGISTER_SPEC,
    check_register,
    read_register,
)
from missionkit.stakeholders.register import (
    QUADRANTS,
    VOICE_STATUSES,
    missing_voices,
    quadrant_summary,
    seat_table,
    stakeholder_map,
    voices,
    voices_of_checked,
)
from missionkit.stakeholders.vocabulary import (
    ASSEMBLY_MAX,
    BOARD_MAX,
    ENGAGEMENT_LEVELS,
    GOVERNMENT_TYPES,
    HIGH,
    SHAPING_LEVELS,
    STAKEHOLDER_TYPES,
    TYPE_LABELS,
    many_label,
    normalise_type,
    one_label,
)

__all__ = [
    "BoardRules",
    "RULE_NAMES",
    "parse_rules",
    "BoardProposal",
    "propose_board",
    "LADDER_FILE",
    "FORMATS_FILE",
    "load_ladder",
    "load_formats",
    "engagement_ladder",
    "LegitimacyFormat",
    "FORMATS_DETAIL",
    "FORMATS",
    "legitimacy_formats",
    "QUADRANTS",
    "stakeholder_map",
    "quadrant_summary",
    "VOICE_STATUSES",
    "seat_table",
    "voices",
    "voices_of_checked",
    "missing_voices",
    "BOARD_MAX",
    "ASSEMBLY_MAX",
    "STAKEHOLDER_TYPES",
    "TYPE_LABELS",
    "GOVERNMENT_TYPES",
    "ENGAGEMENT_LEVELS",
    "SHAPING_LEVELS",
    "HIGH",
    "one_label",
    "many_label",
    "normalise_type",
    "REGISTER_SPEC",
    "read_register",
    "check_register",
    "EXAMPLE_PLAN",
    "EXAMPLE_FORMATS",
    "assess_engagement_plan",
    "check_missing_voices",
    "BoardFeedback",
    "check_board",
    "check_engagement_plan",
    "VOICE_COLOURS",
    "VOICE_LABELS",
    "SEAT_SHAPES",
    "GOLDEN_ANGLE",
    "STEP",
    "interest_influence_map",
    "board_balance",
    "SECTION",
    "KEY",
    "LEVEL_OPTIONS",
    "FORMAT_OPTIONS",
    "board_answer",
    "board_rules_form",
    "engagement_plan_form",
    "missing_voices_form",
]
