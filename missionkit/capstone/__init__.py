"""Module 10, the capstone: the mission brief built from the participant's workbook.

Public API (re-exported here; notebooks call ``capstone.<name>``):

- ``brief``: SECTIONS, PEER_REVIEW, PEER_ANSWERS, Block, BriefSection, MissionBrief, ExportResult, build_brief, export_brief, check_peer_review, case_example_workbook, md_escape, module_link, save_ask, example_path, peer_review_table, preview, Note, Preview, CAPSTONE, TEAMMATE_PREFIX, MODULE_FILES, SectionSpec, PEER_REVIEW_EXAMPLE, OUR_PROPOSAL, CSS, ASK_VERBS, ASK_EXAMPLE, check_ask, ROUND2_EXAMPLE
"""
from missionkit.capstone.brief import (
    SECTIONS,
    PEER_REVIEW,
    PEER_ANSWERS,
    Block,
    BriefSection,
    MissionBrief,
    ExportResult,
    build_brief,
    export_brief,
    check_peer_review,
    case_example_workbook,
    md_escape,
    module_link,
    save_ask,
    example_path,
    peer_review_table,
    preview,
    Note,
    Preview,
    CAPSTONE,
    TEAMMATE_PREFIX,
    MODULE_FILES,
    SectionSpec,
    PEER_REVIEW_EXAMPLE,
    OUR_PROPOSAL,
    CSS,
    ASK_VERBS,
    ASK_EXAMPLE,
    check_ask,
    ROUND2_EXAMPLE,
)
