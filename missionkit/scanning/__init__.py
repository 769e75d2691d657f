"""Module 03, scanning existing policies: the system scan, its charts and the objective explorer.

Public API (re-exported here; notebooks call ``scanning.<name>``):

- ``scan``: DIRECTIONS, INSTRUMENTS, STI_TRAP_THRESHOLD, FrameworkCondition, FRAMEWORK_CONDITIONS, framework_conditions, POLICY_SCAN_SPEC, TEMPLATE_PATH, CASE_SCAN_FILE, policy_scan_template_csv, write_policy_scan_template, copy_template, load_scan, prepare, split_objectives, objective_label, alignment_matrix, alignment_long, objective_coverage, unserved_objectives, owner_alignment, supporting_by_owner, budget_shares, sti_share, sti_bodies, tagged_but_neutral, conflicts, budget_holders, ScanSummary, summarise, money, FC_ITEMS, check_framework_conditions, check_sti_share, check_conflicts_to_raise, check_unserved_objective, check_own_scan, cite, SUPPORTS, NEUTRAL, AGAINST, FC_KINDS
- ``charts``: short_name, budget_by_owner, objective_coverage_chart, alignment_heatmap, conflicts_chart, instrument_mix, STI_COLOUR, OTHER_COLOUR, SUPPORT_COLOUR, AGAINST_COLOUR, GREY
- ``forms``: SECTION, objective_table_html, objective_explorer
"""
from missionkit.scanning.scan import (
    DIRECTIONS,
    INSTRUMENTS,
    STI_TRAP_THRESHOLD,
    FrameworkCondition,
    FRAMEWORK_CONDITIONS,
    framework_conditions,
    POLICY_SCAN_SPEC,
    TEMPLATE_PATH,
    CASE_SCAN_FILE,
    policy_scan_template_csv,
    write_policy_scan_template,
    copy_template,
    load_scan,
    prepare,
    split_objectives,
    objective_label,
    alignment_matrix,
    alignment_long,
    objective_coverage,
    unserved_objectives,
    owner_alignment,
    supporting_by_owner,
    budget_shares,
    sti_share,
    sti_bodies,
    tagged_but_neutral,
    conflicts,
    budget_holders,
    ScanSummary,
    summarise,
    money,
    FC_ITEMS,
    check_framework_conditions,
    check_sti_share,
    check_conflicts_to_raise,
    check_unserved_objective,
    check_own_scan,
    cite,
    SUPPORTS,
    NEUTRAL,
    AGAINST,
    FC_KINDS,
)
from missionkit.scanning.charts import (
    short_name,
    budget_by_owner,
    objective_coverage_chart,
    alignment_heatmap,
    conflicts_chart,
    instrument_mix,
    STI_COLOUR,
    OTHER_COLOUR,
    SUPPORT_COLOUR,
    AGAINST_COLOUR,
    GREY,
)
from missionkit.scanning.forms import (
    SECTION,
    objective_table_html,
    objective_explorer,
)
