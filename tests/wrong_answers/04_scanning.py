"""Typical wrong answers for module 04 and the words the feedback must use to name the mistake."""

_FC_WRONG = {
    "Amberport's building code makes every new building add car parking spaces": "legal",
    "Procurement rules make buyers take the lowest price, not the best outcome": "financial",
    "Most mission-tagged money is research money that existed before the mission": "financial",
    "The fuel subsidy keeps petrol and diesel cheap": "financial",
    "No body has the mandate to align ministries' budgets behind the mission": "institutional",
    "City mission units have no formal link with the national mission team": "institutional",
}

WRONG_ANSWERS = {
    "04-scanning": [
        # procurement rules sorted as a money problem rather than a rule in law
        ("framework_conditions", repr(_FC_WRONG), "a rule in law (procurement law)"),
        # share computed over the whole inventory instead of the mission-tagged budget
        ("sti_share_answer", "0.115", "you divided by the budget of the whole inventory"),
        # the three biggest spending programmes after the subsidy, leaving out the fuel subsidy
        ("conflicts_to_raise", '["P031", "P077", "P080"]', "The largest conflict is missing: P048"),
        # an objective that is served, though less than others
        ("unserved_objective", '"O5"', "O5 Local value is served by 12 supporting policies"),
        # a file name that does not exist (underscore instead of hyphen)
        ("my_scan_file", '"../my-work/policy_scan.csv"', "There is no file called 'policy_scan.csv'"),
    ],
}
