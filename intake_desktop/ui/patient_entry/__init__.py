"""The patient's own questions on a tablet (see :mod:`.window`)."""
