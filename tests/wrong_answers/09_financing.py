"""Typical wrong answers for module 09 (financing), seeded into the exercise by tests/test_exercises.py."""

WRONG_ANSWERS = {
    "09-financing": [
        ("financing_plan",
         '{"buses": {"national": 90, "loan": 90}, "depots": {"loan": 60}, "running": {"national": 40}, '
         '"enforcement": {"national": 12}}',
         "over the Ministry of Finance"),
        ("instrument_choice",
         '{"instrument": "public procurement of innovation", '
         '"why": "The ministry already has a procurement budget, so we should use procurement."}',
         "nearly or already on the market"),
        ("conditions", '{"conditions": [], "defence": "Give the money, the firm knows best."}', "gets nothing back"),
        ("budget_reading", '{"findings": ["late"], "capital": 960, "ask": ""}', "nothing is planned after 2030"),
    ],
}
