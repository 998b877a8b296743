"""Round trips and statements per operation on PostgreSQL, counted from libpq's own trace.

Timings on a shared machine swing with the neighbours' load; the number of times an operation
waits for the server does not. Every connection of the engine is traced with ``PQtrace``
(psycopg's ``pgconn.trace``) from the moment it is made, so the pool's ping, the driver's
``BEGIN`` and the pool's reset (``ROLLBACK``) are counted as well as SQLAlchemy's statements.
A round trip is one ``ReadyForQuery`` from the server: the client sent something and waited.

libpq writes the trace through a buffered stream that only ``PQuntrace`` flushes, so each
connection's trace is flushed and restarted whenever it goes back to the pool: after an
operation, with every connection checked in, the file holds everything it sent.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

_QUERY = re.compile(r'^F\t\d+\tQuery\t\s*"(.*?)"\s*$', re.S)
_PARSE = re.compile(r'^F\t\d+\tParse\t\s*"([^"]*)"\s+"(.*?)"\s+\d+', re.S)
_BIND = re.compile(r'^F\t\d+\tBind\t\s*"[^"]*"\s+"([^"]+)"')


@dataclass
class Traffic:
    """What an operation sent: round trips, and the first words of each statement."""

    round_trips: int = 0
    statements: list[str] = field(default_factory=list)

    def kinds(self) -> Counter[str]:
        """How many statements of each kind (``BEGIN``, ``SELECT 1``, ``UPDATE visits`` ...)."""
        return Counter(_kind(s) for s in self.statements)


class RoundTripCounter:
    """Traces every connection of ``engine`` into ``path``; :meth:`since` reads what was sent."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.path = path
        self.path.write_text("")
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        self._offset = 0
        self._prepared: dict[str, str] = {}
        event.listen(engine, "connect", self._start)
        event.listen(engine, "checkin", self._flush)

    def _start(self, dbapi_connection: Any, _record: Any) -> None:
        import psycopg

        pgconn = dbapi_connection.pgconn
        pgconn.trace(os.dup(self._fd))
        pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS | psycopg.pq.Trace.REGRESS_MODE)

    def _flush(self, dbapi_connection: Any, record: Any) -> None:
        if dbapi_connection is None:
            return
        pgconn = dbapi_connection.pgconn
        pgconn.untrace()  # flushes the stream
        self._start(dbapi_connection, record)

    def mark(self) -> None:
        """Start counting from here (everything sent so far is forgotten)."""
        self._offset = self.path.stat().st_size

    def since(self) -> Traffic:
        """What was sent since :meth:`mark` (with every connection back in the pool)."""
        with self.path.open("rb") as f:
            f.seek(self._offset)
            text = f.read().decode("utf-8", "replace")
        self.mark()
        traffic = Traffic()
        for message in _messages(text):
            if message.startswith("B\t") and "\tReadyForQuery\t" in message:
                traffic.round_trips += 1
            elif m := _QUERY.match(message):
                traffic.statements.append(m.group(1))
            elif m := _PARSE.match(message):
                if m.group(1):  # a prepared statement, run by its name from now on
                    self._prepared[m.group(1)] = m.group(2)
                else:
                    traffic.statements.append(m.group(2))
            elif m := _BIND.match(message):
                traffic.statements.append(self._prepared.get(m.group(1), m.group(1)))
        return traffic

    def close(self) -> None:
        os.close(self._fd)


def _messages(text: str) -> list[str]:
    """The trace's messages (a statement's text may run over several lines)."""
    out: list[str] = []
    for line in text.splitlines():
        if line[:2] in ("F\t", "B\t") or not out:
            out.append(line)
        else:
            out[-1] += "\n" + line
    return out


def _kind(statement: str) -> str:
    words = statement.split()
    if not words:
        return "?"
    head = words[0].upper()
    if head in ("INSERT", "DELETE") and len(words) > 2:
        return f"{head} {words[2]}"
    if head == "UPDATE" and len(words) > 1:
        return f"UPDATE {words[1]}"
    if head == "SELECT":
        froms = [words[i + 1] for i, w in enumerate(words[:-1]) if w.upper() == "FROM"]
        return f"SELECT {froms[0]}" if froms else " ".join(words[:3])
    return head


def operation_traffic(url: str, username: str, password: str, people: list[Any],
                      encounters: int = 3) -> dict[str, list[Traffic]]:  # fmt: skip
    """Each operation of a clinician's workstation (:mod:`benchmarks.workstation`) with what
    it sent, over ``encounters`` patients, without think times."""
    import tempfile

    from benchmarks.workstation import Plan, Workstation

    class Counted(Workstation):
        def timed(self, op: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
            counter.mark()
            result = super().timed(op, fn, *args, **kwargs)
            seen.setdefault(op, []).append(counter.since())
            return result

        def pause(self, seconds: float) -> None:
            if op_board[0]:
                op_board[0] = False
                self.timed("board refresh", self.board)

    seen: dict[str, list[Traffic]] = {}
    op_board = [True]
    plan = Plan(url, 0, username, password, True, 0.0, people, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Counted.__new__(Counted)
        Workstation.__init__(ws, plan)
        counter = RoundTripCounter(ws.db.engine, Path(tmp) / "trace.txt")
        ws.db.engine.dispose()  # the next connection is traced from its start
        ws.timed("warm-up search", ws.s.search_patients, ws.db, "a", 50, actor=ws.actor)
        for _ in range(encounters):
            op_board[0] = True
            ws.encounter()
        counter.close()
        ws.db.dispose()
        if ws.out.errors:
            raise RuntimeError(f"the counted workstation met errors: {ws.out.errors[:3]}")
    seen.pop("warm-up search", None)
    return seen


def main() -> None:
    """Print round trips and statements per operation on a throwaway server."""
    import sys

    from benchmarks import load
    from tests.pg_server import PostgresServer, postgres_bindir

    bindir = postgres_bindir()
    assert bindir is not None, "PostgreSQL binaries not found"
    server = PostgresServer(bindir)
    server.start()
    try:
        url = server.url(server.create_database())
        people, db = load.prepare(url, int(sys.argv[1]) if len(sys.argv) > 1 else 300)
        db.dispose()
        traffic = operation_traffic(url, "load.clinician0", load.PASSWORD, people)
        for op, samples in sorted(traffic.items()):
            trips = [t.round_trips for t in samples]
            kinds: Counter[str] = Counter()
            for t in samples:
                kinds.update(t.kinds())
            per = ", ".join(f"{k} {v / len(samples):.1f}" for k, v in kinds.most_common())
            print(f"{op:14} n={len(samples):3} round trips {sum(trips) / len(trips):5.1f}  {per}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
