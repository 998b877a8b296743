"""The recovery key as the command line shows it: once, framed for printing and the safe."""

from __future__ import annotations

RECOVERY_NOTICE = """\
+----------------------------------------------------------------+
|  RECOVERY KEY of the clinic's encrypted database               |
|                                                                |
|      {key:<56}  |
|                                                                |
|  It opens the records when every password is lost. It is shown |
|  only now: print it or write it down, and keep it in the       |
|  clinic's safe, apart from this computer and its backups.      |
|  Use: intake-desktop users reset-password NAME --recovery-key  |
+----------------------------------------------------------------+"""


def print_recovery_key(recovery_key: str | None) -> None:
    """Print the recovery key in its frame (nothing for a database that is not encrypted)."""
    if recovery_key:
        print(RECOVERY_NOTICE.format(key=recovery_key))
