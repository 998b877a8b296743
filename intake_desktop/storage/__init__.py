"""Where the clinic's records live: SQLAlchemy models, opening the database, Alembic migrations,
backup and restore. Only :mod:`intake_desktop.services` uses this package; windows and commands
go through the services.
"""
