"""Typical wrong answers for module 06 (stakeholders and legitimacy) and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "06-stakeholders": [
        # forgets the informal operators (and the development banks): the voices easiest to overlook
        ("missing_from_decisions", '["citizens\' group", "women\'s group", "donor"]',
         "You left out informal transport operators"),
        # a board larger than the EU cap
        ("board_size", "20", "at most 15 members"),
        # only informing the missing voices
        ("engagement_levels",
         '{"citizens\' group": "inform", "informal-transport association": "inform", "women\'s group": "inform", '
         '"donor": "inform", "development bank": "inform"}',
         "Informing is one-way"),
    ],
}
