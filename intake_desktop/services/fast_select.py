"""A SELECT run the short way: compiled once by SQLAlchemy, executed by the driver itself.

The patient search asks at every keystroke, and SQLite answers most searches in tens of
microseconds: less than SQLAlchemy's execution machinery costs per statement. This keeps the
statement SQLAlchemy's (one definition for SQLite and PostgreSQL) and only the execution the
driver's own (see :class:`PrecompiledSelect`). Moved out of :mod:`.search` unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect, Select
from sqlalchemy.exc import DBAPIError


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A statement as one dialect's driver takes it, with its columns' conversions."""

    sql: str
    #: bind name -> value when not given (SQLite's ``OFFSET 0``) and the type's conversion
    defaults: dict[str, Any]
    bind_processors: dict[str, Callable[[Any], Any]]
    #: the bind names in order for a positional driver (sqlite3's ``?``); None for named ones
    positions: tuple[str, ...] | None
    #: per column, from what the driver returns to what Python wants (mostly the same value)
    converters: tuple[Callable[[Any], Any], ...]


class PrecompiledSelect:
    """One of the search's SELECTs, executed the short way.

    The search box asks at every keystroke, and SQLite answers most searches in tens of
    microseconds: less than SQLAlchemy's execution machinery costs per statement (execution
    context, result and row objects), which made a search by date of birth four times the raw
    query. So the statement is still SQLAlchemy's (one definition for SQLite and PostgreSQL,
    compiled once per dialect), the conversions are still its column types' (bind and result
    processors), the connection is the pool's (reset when returned), and only the execution
    is the driver's own: ``cursor.execute`` and ``fetchall``. The engine's cursor events
    (statement capture, query counters) still see each statement; SQLAlchemy's own statement
    logging (``echo``) does not.
    """

    def __init__(self, stmt: Select) -> None:
        self.stmt = stmt
        self._by_dialect: dict[tuple[str, str], _Compiled] = {}

    def rows(self, conn: Connection, **params: Any) -> list[tuple[Any, ...]]:
        """All rows for ``params``, each value as the driver returns it (see :meth:`converters`).

        Not converted here: the caller makes its objects from the rows anyway, and converting
        on the way costs another tuple per row.
        """
        c = self._compiled(conn.dialect)
        values = {**c.defaults, **params}
        for name, process in c.bind_processors.items():
            values[name] = process(values[name])
        args: Any = values if c.positions is None else tuple(values[n] for n in c.positions)
        sql = c.sql
        events = conn.engine.dispatch  # the engine's listeners: reading them costs nothing
        dbapi_error = conn.dialect.loaded_dbapi.Error
        cursor = conn.connection.cursor()
        try:
            for listener in events.before_cursor_execute:
                sql, args = listener(conn, cursor, sql, args, None, False)
            cursor.execute(sql, args)
            rows = cursor.fetchall()
            if events.after_cursor_execute:
                events.after_cursor_execute(conn, cursor, sql, args, None, False)
        except dbapi_error as exc:
            raise _translated(conn, cursor, sql, args, exc) from exc
        finally:
            cursor.close()
        return rows

    def converters(self, conn: Connection) -> tuple[Callable[[Any], Any], ...]:
        """Per column, what SQLAlchemy's type does to the driver's value (SQLite's dates are
        text, for one); the value itself where it does nothing."""
        return self._compiled(conn.dialect).converters

    def _compiled(self, dialect: Dialect) -> _Compiled:
        return self._by_dialect.get((dialect.name, dialect.driver)) or self._compile(dialect)

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled = self.stmt.compile(dialect=dialect)
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise TypeError("a statement with post-compile parameters cannot run precompiled")
        if compiled.escaped_bind_names:
            raise TypeError("bind names the driver cannot take as they are")
        defaults, processors = {}, {}
        for bind, name in compiled.bind_names.items():
            defaults[name] = bind.effective_value
            process = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors[name] = process
        converters = tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None) or _same
            for column in self.stmt.selected_columns
        )
        positions = tuple(compiled.positiontup) if compiled.positiontup is not None else None
        c = _Compiled(str(compiled), defaults, processors, positions, converters)
        self._by_dialect[dialect.name, dialect.driver] = c
        return c


def _same(value: Any) -> Any:
    return value


def _translated(conn: Connection, cursor: Any, sql: str, args: Any, exc: Exception) -> Exception:
    """The driver's error as SQLAlchemy raises it, the connection invalidated if it was lost
    (so the pool replaces it), as when SQLAlchemy runs the statement itself."""
    lost = conn.dialect.is_disconnect(exc, conn.connection, cursor)
    if lost:
        conn.invalidate(exc)
    error = DBAPIError.instance(
        sql,
        args,
        exc,
        conn.dialect.loaded_dbapi.Error,
        connection_invalidated=lost,
        dialect=conn.dialect,
    )
    return error if isinstance(error, Exception) else exc
