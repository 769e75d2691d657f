"""Module 08, managing a mission portfolio: the Portfolio, reviews, charts and the review form.

Public API (re-exported here; notebooks call ``portfolio.<name>``):

- ``examples``: REAL_PORTFOLIOS_FILE, REVIEW_CADENCES_FILE, load_real_portfolios,
  load_review_cadences, REAL_PORTFOLIOS, real_portfolio_sizes, REVIEW_CADENCES, review_cadences
- ``model``: Flag, Concentration, Review, Portfolio, load_portfolio, round2_focus
- ``rebalancing``: Rebalancing, Rebalancer
- ``relabelling``: TitleMatching
- ``synthetic``: synthetic_frame, synthetic_policies, portfolio_from_typed
- ``vocabulary``: INSTRUMENTS, RISKS, HORIZONS, NOVELTY, DECISIONS, DECISION_MEANINGS, STATUSES,
  TRL_BANDS, NO_OBJECTIVE, NOT_GIVEN, DIMENSIONS, THRESHOLDS, bad_values, row_num, row_text,
  normalise_choice, objective_lookup
- ``load``: portfolio_spec, PORTFOLIO_SPEC, spec_with, portfolio_fields, TEMPLATE_DIR, TEMPLATE_CSV,
  TEMPLATE_XLSX, template_frame, write_templates
- ``checks``: check_under_covered, check_relabelling, check_round2_decisions, check_own_portfolio
- ``charts``: coverage_heatmap, budget_by_objective, risk_horizon_bubbles, timeline,
  INSTRUMENT_COLOURS, EMPTY
- ``forms``: review_form, review_summary_html, decisions_table_html, relabelling_form, SECTION,
  under_covered_form, own_portfolio_form
"""
from missionkit.portfolio.charts import (
    EMPTY,
    INSTRUMENT_COLOURS,
    budget_by_objective,
    coverage_heatmap,
    risk_horizon_bubbles,
    timeline,
)
from missionkit.portfolio.checks import (
    check_own_portfolio,
    check_relabelling,
    check_round2_decisions,
    check_under_covered,
)
from missionkit.portfolio.examples import (
    REAL_PORTFOLIOS,
    REAL_PORTFOLIOS_FILE,
    REVIEW_CADENCES,
    REVIEW_CADENCES_FILE,
    load_real_portfolios,
    load_review_cadences,
    real_portfolio_sizes,
    review_cadences,
)
from missionkit.portfolio.forms import (
    SECTION,
    decisions_table_html,
    own_portfolio_form,
    relabelling_form,
    review_form,
    review_summary_html,
    under_covered_form,
)
from missionkit.portfolio.load import (
    PORTFOLIO_SPEC,
    TEMPLATE_CSV,
    TEMPLATE_DIR,
    TEMPLATE_XLSX,
    portfolio_fields,
    portfolio_spec,
    spec_with,
    template_frame,
    write_templates,
)
from missionkit.portfolio.model import (
    Concentration,
    Flag,
    Portfolio,
    Review,
    load_portfolio,
    round2_focus,
)
from missionkit.portfolio.rebalancing import (
    Rebalancer,
    Rebalancing,
)
from missionkit.portfolio.relabelling import (
    TitleMatching,
)
from missionkit.portfolio.synthetic import (
    portfolio_from_typed,
    synthetic_frame,
    synthetic_policies,
)
from missionkit.portfolio.vocabulary import (
    DECISION_MEANINGS,
    DECISIONS,
    DIMENSIONS,
    HORIZONS,
    INSTRUMENTS,
    NO_OBJECTIVE,
    NOT_GIVEN,
    NOVELTY,
    RISKS,
    STATUSES,
    THRESHOLDS,
    TRL_BANDS,
    bad_values,
    normalise_choice,
    objective_lookup,
    row_num,
    row_text,
)

__all__ = [
    "REAL_PORTFOLIOS_FILE",
    "REVIEW_CADENCES_FILE",
    "load_real_portfolios",
    "load_review_cadences",
    "REAL_PORTFOLIOS",
    "real_portfolio_sizes",
    "REVIEW_CADENCES",
    "review_cadences",
    "Flag",
    "Concentration",
    "Review",
    "Portfolio",
    "load_portfolio",
    "round2_focus",
    "Rebalancing",
    "Rebalancer",
    "TitleMatching",
    "synthetic_frame",
    "synthetic_policies",
    "portfolio_from_typed",
    "INSTRUMENTS",
    "RISKS",
    "HORIZONS",
    "NOVELTY",
    "DECISIONS",
    "DECISION_MEANINGS",
    "STATUSES",
    "TRL_BANDS",
    "NO_OBJECTIVE",
    "NOT_GIVEN",
    "DIMENSIONS",
    "THRESHOLDS",
    "bad_values",
    "row_num",
    "row_text",
    "normalise_choice",
    "objective_lookup",
    "portfolio_spec",
    "PORTFOLIO_SPEC",
    "spec_with",
    "portfolio_fields",
    "TEMPLATE_DIR",
    "TEMPLATE_CSV",
    "TEMPLATE_XLSX",
    "template_frame",
    "write_templates",
    "check_under_covered",
    "check_relabelling",
    "check_round2_decisions",
    "check_own_portfolio",
    "coverage_heatmap",
    "budget_by_objective",
    "risk_horizon_bubbles",
    "timeline",
    "INSTRUMENT_COLOURS",
    "EMPTY",
    "relabelling_form",
    "review_form",
    "review_summary_html",
    "decisions_table_html",
    "SECTION",
    "under_covered_form",
    "own_portfolio_form",
]
