# Module 01: typical wrong answers seeded into the exercise, and what the feedback must say.
# (variable, wrong value as Python source, phrase the feedback must contain)
WRONG_ANSWERS = {
    "01-missions": [
        # Calling a stand-alone challenge prize a mission (the OECD's survey definition excludes it).
        ("classification", '{"Stand-alone challenge prize": "accelerator mission"}',
         "one-off intervention, which the OECD's survey definition excludes"),
        # Marenta (fictional): taking the partners' willingness for committed money.
        ("marenta_ratings", '{"challenge": "yes", "support": "yes", "objective": "yes", "commitment": "yes"}',
         "Willingness is not commitment"),
    ],
}
