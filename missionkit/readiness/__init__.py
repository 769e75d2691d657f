"""Module 09, mission readiness: the readiness scorecard, the donor landscape, charts and forms.

Public API (re-exported here; notebooks call ``readiness.<name>``):

- ``scorecard``: Dimension, DIMENSIONS, DIMENSION_CODES, SCALE, STOP_AND_FIX_DIMENSIONS, STOP_AT, DISAGREEMENT_SPREAD, scorecard_table, dimension_name, dimension_label, SCORES_SPEC, read_scores, scores_frame, scores_from_workbook, scores_wide, assessor_scores, ReadinessProfile, readiness_profile, compare_without, weakest_dimensions, stop_and_fix, INSTRUMENTS, DONOR_SPEC, read_donors, prepare_donors, donor_coverage, coverage_matrix, donor_gaps, donor_overlaps, Concentration, donor_concentration, DonorLandscape, donor_landscape, objective_label, check_weakest, check_stop_or_go, check_donor_findings, check_donor_advice, cite, OVERLAP_MIN_FUNDERS, FICTIONAL, OUR_PROPOSAL, TEAMMATE_PREFIX
- ``charts``: profile_chart, donor_heatmap, donor_money_chart, SIGNAL_COLOURS, SIGNAL_LABELS, INSTRUMENT_COLOURS, GREY, PLOT_WIDTH
- ``forms``: SECTION, KEY, self_assessment_form, scores_table_html, profile_html, team_file_name, e
"""
from missionkit.readiness.scorecard import (
    Dimension,
    DIMENSIONS,
    DIMENSION_CODES,
    SCALE,
    STOP_AND_FIX_DIMENSIONS,
    STOP_AT,
    DISAGREEMENT_SPREAD,
    scorecard_table,
    dimension_name,
    dimension_label,
    SCORES_SPEC,
    read_scores,
    scores_frame,
    scores_from_workbook,
    scores_wide,
    assessor_scores,
    ReadinessProfile,
    readiness_profile,
    compare_without,
    weakest_dimensions,
    stop_and_fix,
    INSTRUMENTS,
    DONOR_SPEC,
    read_donors,
    prepare_donors,
    donor_coverage,
    coverage_matrix,
    donor_gaps,
    donor_overlaps,
    Concentration,
    donor_concentration,
    DonorLandscape,
    donor_landscape,
    objective_label,
    check_weakest,
    check_stop_or_go,
    check_donor_findings,
    check_donor_advice,
    cite,
    OVERLAP_MIN_FUNDERS,
    FICTIONAL,
    OUR_PROPOSAL,
    TEAMMATE_PREFIX,
)
from missionkit.readiness.charts import (
    profile_chart,
    donor_heatmap,
    donor_money_chart,
    SIGNAL_COLOURS,
    SIGNAL_LABELS,
    INSTRUMENT_COLOURS,
    GREY,
    PLOT_WIDTH,
)
from missionkit.readiness.forms import (
    SECTION,
    KEY,
    self_assessment_form,
    scores_table_html,
    profile_html,
    team_file_name,
    e,
)
