"""Bulk writing for the demo: rows straight to the driver, a transaction per batch.

A demo clinic of half a million patients is 1.5 million visits of about 4 kB of JSON each.
Through the ORM or SQLAlchemy's insert() every row pays for parameter processing and
RETURNING of its id; here ids are taken up front (SQLite: after the largest one, inside the
batch's write transaction; PostgreSQL: a block from the table's sequence, safe beside other
writers), each column's own bind processing runs once per value (so dates, times and UTC
datetimes are stored exactly as the app stores them), JSON is encoded as the database layer
encodes it (or was encoded already, :class:`JsonText`), and the rows go in with one
``executemany`` on SQLite and ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, ColumnDefault, Connection, Table, text


class JsonText(str):
    """A JSON column's value already encoded (shared by many rows: encoded once)."""

    __slots__ = ()


def json_text(value: Any) -> str:
    """The JSON text the database layer stores (compact, UTF-8; storage.database)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


class BulkWriter:
    """Writes whole batches of rows into the tables of one connection's open transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._dialect = conn.dialect
        self._postgres = conn.dialect.name == "postgresql"
        self._procs: dict[str, dict[str, Any]] = {}

    def ids(self, table: Table, count: int) -> list[int]:
        """``count`` new ids for ``table`` (inside the batch's transaction)."""
        if self._postgres:
            seq = f"pg_get_serial_sequence('{table.name}', 'id')"
            rows = self._conn.exec_driver_sql(
                f"SELECT nextval({seq}) FROM generate_series(1, {int(count)})"
            )
            return [r[0] for r in rows]
        # The first write of the batch: SQLite takes its write lock here, so no other writer
        # can take the same ids before this transaction commits.
        self._conn.exec_driver_sql(f'UPDATE "{table.name}" SET id = id WHERE 0')
        last = self._conn.execute(text(f'SELECT coalesce(max(id), 0) FROM "{table.name}"'))
        first = int(last.scalar_one()) + 1
        return list(range(first, first + count))

    def write(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Insert ``rows`` (all with the same keys; columns left out take their defaults)."""
        if not rows:
            return
        names = list(rows[0])
        procs = self._processors(table)
        defaults = {
            c.name: c.default.arg
            for c in table.columns
            if c.name not in names and isinstance(c.default, ColumnDefault) and c.default.is_scalar
        }
        cols = names + list(defaults)
        fns = [procs[n] for n in cols]
        fixed = [defaults[n] for n in defaults]
        values = (
            [f(r[n]) if f else r[n] for n, f in zip(names, fns, strict=False)] + fixed for r in rows
        )
        quoted = ", ".join(f'"{n}"' for n in cols)
        if self._postgres:
            cursor = self._conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(row)
            return
        marks = ", ".join("?" for _ in cols)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        self._conn.exec_driver_sql(sql, [tuple(v) for v in values])

    def _processors(self, table: Table) -> dict[str, Any]:
        procs = self._procs.get(table.name)
        if procs is None:
            procs = {}
            for c in table.columns:
                impl = c.type.dialect_impl(self._dialect)
                if isinstance(c.type, JSON):
                    procs[c.name] = _json_value
                else:
                    procs[c.name] = impl.bind_processor(self._dialect)
            self._procs[table.name] = procs
        return procs


def _json_value(value: Any) -> str | None:
    if value is None or isinstance(value, JsonText):
        return value
    return json_text(value)


@contextmanager
def private_build(conn: Connection) -> Iterator[None]:
    """SQLite only: no fsync per batch while the demo writes (a crash loses only the demo's last
    batches, which a rerun replaces) and a page cache of 256 MB; the settings restored after."""
    if conn.dialect.name != "sqlite":
        yield
        return
    conn.rollback()  # pragmas only outside a transaction
    before = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA synchronous = OFF")
    # The search terms' index takes a row per word at a random place: keep it in memory.
    conn.exec_driver_sql("PRAGMA cache_size = -262144")
    conn.commit()
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA synchronous = {int(before or 2)}")
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")
        conn.commit()
