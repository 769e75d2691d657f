# Module 03: typical wrong answers seeded into the exercise, and what the feedback must say.
# (variable, wrong value as Python source, phrase the feedback must contain)
WRONG_ANSWERS = {
    "03-framing": [
        # W2 has a date and a place, so it "only" lacks a baseline; and W4's "every household" is read as no target.
        ("diagnosis",
         '{"W1": ["target", "deadline", "baseline"], "W2": ["baseline"], "W3": ["deadline", "baseline", "scope"], '
         '"W4": ["target", "baseline"], "W5": ["target", "baseline"]}',
         "W2 also lacks a target"),
        # W1 rewritten with a year but still no measurable target.
        ("rewrites",
         '{"W1": "Make our cities greener and healthier by 2030.", '
         '"W2": "By 2030, people in the capital can reach work within 40 minutes by public transport, down from 55 '
         'minutes in 2024.", '
         '"W3": "By 2033, cut obesity among children aged 5 to 11 in the Eastern Province by a third, from 18% in '
         '2024 to 12%.", '
         '"W4": "By 2040, every household in the Northern Region has safe drinking water at home, up from 61% of '
         'households in 2024.", '
         '"W5": "By 2035, cut greenhouse-gas emissions from the country\'s industry and heavy transport by 40% '
         'compared with 2020, whatever clean fuels or technologies prove best."}',
         "does not yet rate this rewrite met on C2"),
        # A slogan for Marenta: no target, no year.
        ("marenta_statement", '"Make Marenta\'s cities cleaner, safer and fairer for everyone."',
         "A slogan, not a mission"),
        # A map with only three of the case's five objectives.
        ("marenta_map",
         '{"challenge": "Congestion, dirty air and road deaths are rising together in Marenta\'s cities.", '
         '"mission": "By 2035, people in Marenta\'s three largest cities can reach work, school and health care '
         'within 45 minutes by clean, safe and affordable means, and the air in these cities carries half the '
         'fine-particle pollution it did in 2024.", '
         '"objectives": ["O1 Access: cut the average commute from 62 to 50 minutes", '
         '"O2 Clean air: halve PM2.5 from 38 to 19 µg/m³", "O3 Safety: cut road deaths from 18 to 12.6 per '
         '100,000"], '
         '"projects": ["O1: Amberport Bus Rapid Transit Corridor 1", "O2: Amberport Electric Bus Fleet", '
         '"O3: Safe Junctions Programme, Three Cities"]}',
         "O4 Fair access is missing"),
    ],
}
