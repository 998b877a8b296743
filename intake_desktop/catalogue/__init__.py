"""Words for what the domain says: the message catalogue (English and Spanish).

A layer of its own between the domain and its readers (UI, reporting, services), so the
interface can say a plan in Spanish without loading the PDF machinery. See :mod:`.messages`.
"""
