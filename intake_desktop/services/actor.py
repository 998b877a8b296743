"""Who is doing something: the signed-in user every operation takes, and the system actor."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field


def this_workstation() -> str:
    """The name this computer goes by on the network, for the audit trail."""
    try:
        return socket.gethostname() or "unknown"
    except OSError:
        return "unknown"


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in user as :func:`~intake_desktop.services.auth.sign_in` hands it out.

    Every operation takes one, checks its ``roles`` against the permission table and names it in
    the audit trail. Only the services make these for people (after a correct password); the
    one exception is :data:`SYSTEM`, below.
    """

    user_id: int | None
    username: str
    roles: frozenset[str]
    workstation: str = field(default_factory=this_workstation)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset(self.roles))

    @property
    def label(self) -> str:
        """``name (role, role)`` for a status bar."""
        return f"{self.username} ({', '.join(sorted(self.roles)) or 'no role'})"


#: Who makes the synthetic records of the ``demo`` command (no person signs in for it). It holds
#: no role, so it can perform no operation of the permission table; demo data is written by
#: :func:`~intake_desktop.demo.build_demo` itself, which records one audit entry for it.
SYSTEM = Actor(user_id=None, username="system", roles=frozenset())
