"""Typical wrong answers for module 10 (monitoring and evaluation), and what the feedback must say."""

WRONG_ANSWERS = {
    "10-monitoring": [
        # picks a sound indicator to fix first
        ("fix_first", '"I02"', "not one of the four problem indicators"),
        # flags I01, whose one-year lag fits the annual review, and misses I14
        ("flagged", '["I04", "I05", "I07", "I01"]', "a lag equal to the review cycle is not too long"),
        # drops the redefined indicator instead of restating it
        ("fixes", '{"I04": "relabel", "I05": "baseline", "I07": "drop", "I14": "proxy"}',
         "The problem is the break in the series"),
        # an output labelled as an outcome
        ("indicator_2", '{"name": "Number of pilots launched in the three cities", "level": "outcome", '
                        '"unit": "pilots", '
                        '"baseline": 0, "baseline_year": 2024, "milestone_year": 2028, "milestone": 5, "target": 20, '
                        '"target_year": 2032, "data_owner": "Mission team", "frequency": "quarterly", '
                        '"lag_years": 0.25, "source": "Project records"}',
         "An output posing as an outcome"),
        # a pollutant whose target rises from its baseline (the mission halves PM2.5)
        ("indicator_3", '{"name": "Annual mean PM2.5 concentration in the three cities", "level": "impact", '
                        '"unit": "µg/m³", "baseline": 38, "baseline_year": 2024, "milestone_year": 2030, '
                        '"milestone": 45, "target": 60, "target_year": 2035, '
                        '"data_owner": "Ministry of Environment", "frequency": "annual", "lag_years": 0.25, '
                        '"source": "Air quality monitoring network"}',
         "check the direction: the target (60 µg/m³) is higher than the baseline (38 µg/m³)"),
        # reads "no reading since the baseline" as good news
        ("status_reading", '{"I02": "off track", "I10": "on track", "I14": "on track"}',
         "No reading since the baseline is not good news"),
        # steers on spending, an input
        ("recommendation", '"Spending on clean buses (I10) is on track, so the mission should continue as planned."',
         "Spending is an input"),
    ],
}
