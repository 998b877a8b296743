"""Nine words in a row, and their fingerprints: what the wording test compares with the seeds."""

from __future__ import annotations

import hashlib
import re


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%]+", text.lower())


def grams(text: str, n: int = 9) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def digest(gram: str) -> str:
    """A gram's fingerprint: the first 16 hex digits of its SHA-256 (one false match in about
    10^15 pairs; the articles' words themselves are never stored)."""
    return hashlib.sha256(gram.encode("utf-8")).hexdigest()[:16]
