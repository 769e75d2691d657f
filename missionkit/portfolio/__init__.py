"""Module 07, managing a mission portfolio: the Portfolio, reviews, charts and the review form.

Public API (re-exported here; notebooks call ``portfolio.<name>``):

- ``core``: INSTRUMENTS, RISKS, HORIZONS, NOVELTY, DECISIONS, STATUSES, DIMENSIONS, TRL_BANDS, THRESHOLDS, PORTFOLIO_SPEC, TEMPLATE_DIR, TEMPLATE_CSV, TEMPLATE_XLSX, Flag, Concentration, Review, Rebalancing, Portfolio, load_portfolio, portfolio_spec, real_portfolio_sizes, review_cadences, REAL_PORTFOLIOS, template_frame, write_templates, synthetic_frame, synthetic_policies, check_under_covered, check_relabelling, check_round2_decisions, check_own_portfolio, round2_focus, DECISION_MEANINGS, NO_OBJECTIVE, NOT_GIVEN
- ``charts``: coverage_heatmap, budget_by_objective, risk_horizon_bubbles, timeline, INSTRUMENT_COLOURS, EMPTY
- ``forms``: review_form, review_summary_html, decisions_table_html, SECTION
"""
from missionkit.portfolio.core import (
    INSTRUMENTS,
    RISKS,
    HORIZONS,
    NOVELTY,
    DECISIONS,
    STATUSES,
    DIMENSIONS,
    TRL_BANDS,
    THRESHOLDS,
    PORTFOLIO_SPEC,
    TEMPLATE_DIR,
    TEMPLATE_CSV,
    TEMPLATE_XLSX,
    Flag,
    Concentration,
    Review,
    Rebalancing,
    Portfolio,
    load_portfolio,
    portfolio_spec,
    real_portfolio_sizes,
    review_cadences,
    REAL_PORTFOLIOS,
    template_frame,
    write_templates,
    synthetic_frame,
    synthetic_policies,
    check_under_covered,
    check_relabelling,
    check_round2_decisions,
    check_own_portfolio,
    round2_focus,
    DECISION_MEANINGS,
    NO_OBJECTIVE,
    NOT_GIVEN,
)
from missionkit.portfolio.charts import (
    coverage_heatmap,
    budget_by_objective,
    risk_horizon_bubbles,
    timeline,
    INSTRUMENT_COLOURS,
    EMPTY,
)
from missionkit.portfolio.forms import (
    review_form,
    review_summary_html,
    decisions_table_html,
    SECTION,
)
