"""Typical wrong answers for module 07 (mission diagnostics) and the phrase the feedback must contain."""
WRONG_ANSWERS = {
    "07-diagnostics": [
        # a "short survey" that only asks about the problem and the money
        ("short_survey", '["Q01", "Q02", "Q03", "Q17", "Q18", "Q19"]', "Your survey leaves out dimensions"),
        # a new item with a loaded word that pushes the answer
        ("new_item", '"The brilliant new bus corridors will make my commute faster."',
         "a loaded word pushes the answer"),
        # reading the overall picture into every city
        ("bottom_up_cities", '["Amberport", "Kessa", "Nuvo Alto", "national"]', "not a majority in Amberport"),
        # one literal keyword: misses most ways people describe working apart
        ("themes", '{"silos": ["silo"]}', "finds only 2 of the 7"),
        # recommendations that cite no evidence
        ("recommendations",
         '{"Recommendation 1": "Improve co-ordination.", "Recommendation 2": "Find more money.", '
         '"Recommendation 3": "Talk to people."}',
         "does not cite a finding"),
    ],
}
