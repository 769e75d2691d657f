# Module 08: typical wrong answers seeded into the exercise, and what the feedback must say.
# (variable, wrong value as Python source, phrase the feedback must contain)
WRONG_ANSWERS = {
    "08-portfolio": [
        # Looking at money only: O3 Safety is thin on money too, but it has ten projects (Marenta, fictional).
        ("under_covered", '"O3"', "count projects as well as money"),
        # Taking every title that starts with "Mission" for a renamed programme: misses PR05, wrongly adds PR40.
        ("relabelled", '["PR04", "PR06", "PR09", "PR10", "PR13", "PR14", "PR17", "PR18", "PR22", "PR26", "PR40"]',
         'the word "Mission" in a title is not evidence by itself'),
        # Accepting every proposal: the scale-ups ask far more than the round frees.
        ("round2_decisions",
         '{"PR02": "scale", "PR04": "scale", "PR08": "scale", "PR16": "scale", "PR21": "scale", "PR26": "pivot", '
         '"PR27": "sunset", "PR32": "pivot", "PR33": "scale", "PR43": "sunset", "PR47": "pivot"}',
         "a shortfall of 287.45 MRC m"),
        # A typo in the file name: the message names the file and suggests the right one.
        ("my_portfolio_file", '"../missionkit/data/templates/portfolio-templat.csv"',
         "Did you mean 'portfolio-template.csv'?"),
    ],
}
