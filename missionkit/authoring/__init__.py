"""Build-time code: the book plugin, the trainer kit and cohort tooling.

Never imported by notebooks or by ``import missionkit``: tools/ and the book build use it.
"""
