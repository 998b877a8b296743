"""Listening for PostgreSQL notifications on a connection of its own, in a worker thread.

A workstation that saves a red flag sends ``NOTIFY`` in the save's transaction (see
``services.alerts``); every other workstation keeps one extra connection open in ``LISTEN`` and
hears it at the commit, in milliseconds, instead of asking the server every few seconds. The
connection is psycopg 3's own, outside SQLAlchemy's pool (a pooled connection is reset when
returned, and would drop the ``LISTEN``), made with the same arguments as the pool's. A lost
connection is made again; the caller is told (``on_notify(None)``) so it can catch up on what it
may have missed meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import Engine

log = logging.getLogger(__name__)

#: How long a wait for notifications lasts before the stop flag is checked again (seconds).
WAIT_S = 0.5
#: How long to wait before connecting again after the connection was lost (seconds).
RETRY_S = 2.0


def listen(
    engine: Engine,
    channel: str,
    on_notify: Callable[[str | None], None],
    stop: threading.Event,
    *,
    ready: threading.Event | None = None,
) -> None:
    """Call ``on_notify(payload)`` for each notification on ``channel`` until ``stop`` is set.

    Runs in the caller's thread (start it in a worker thread). ``ready`` is set once the
    ``LISTEN`` is in place (tests and the benchmark wait for it). ``on_notify(None)`` follows
    every reconnection.
    """
    import psycopg
    from psycopg import sql

    args, kwargs = engine.dialect.create_connect_args(engine.url)
    first = True
    while not stop.is_set():
        try:
            with psycopg.connect(*args, **{**kwargs, "autocommit": True}) as conn:
                conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
                if ready is not None:
                    ready.set()
                if not first:
                    on_notify(None)
                first = False
                while not stop.is_set():
                    for note in conn.notifies(timeout=WAIT_S):
                        on_notify(note.payload)
        except psycopg.Error as exc:
            log.warning("notification connection lost (%s); connecting again", type(exc).__name__)
            stop.wait(RETRY_S)
