"""Typical wrong answers for module 05 and the words the feedback must use to name the mistake."""

_DIMS_WRONG = {
    "Write clear, measurable goals with milestones": "strategic orientation",
    "Consult citizens in a way that actually shapes decisions": "strategic orientation",
    "Stop missions becoming new silos": "policy co-ordination",
    # steering before decisions sounds strategic, but the OECD lists it under co-ordination
    "Use governance bodies to steer before decisions are made, not only to review afterwards": "strategic orientation",
    "Find money beyond STI budgets": "policy implementation",
    "Link supply-push with demand-pull": "policy implementation",
}

WRONG_ANSWERS = {
    "05-governance": [
        ("challenge_dimensions", repr(_DIMS_WRONG), "lists it under policy co-ordination"),
        # everything handed to the centre of government
        ("objective_owners", repr({f"O{i}": "Prime Minister's Delivery Office" for i in range(1, 6)}),
         "One body owns every objective"),
        # today's board: ministries, agencies and cities, plus one university
        ("board_seats", repr({"public sector": 12, "research": 1, "business": 0, "civil society": 0,
                              "development partner": 0}), "12 of 13 seats go to the public sector"),
        # only the Delivery Office and the two co-leads, as today
        ("forum_members", repr(["Prime Minister's Delivery Office", "Ministry of Transport",
                                "Ministry of Environment"]), "sit in no co-ordination forum"),
        # the steering committee only reads reports
        ("decision_rights", repr({"Mission steering committee": "review progress",
                                  "Mission co-ordination forum": "align budgets", "Mission board": "advise",
                                  "Mission team": "run day to day"}), "after the fact (ex post)"),
    ],
}
