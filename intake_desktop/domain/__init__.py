"""The clinical core: case model, validation, classification, the four questions, the rule engine
and the questionnaire scores. Pure Python: no Qt, no SQL, no file or network I/O (import-linter
checks this), so that every clinical decision can be tested and explained on its own.
"""
