"""A Bundle's resources, checked for shape and findable by type and by reference."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .model import BundleError

#: Most resources one visit's Bundle may hold; a visit with every field recorded has about 60.
MAX_ENTRIES = 500


class BundleIndex:
    """The entries of a Bundle in order, with references resolved the way FHIR defines.

    A reference may be an entry's ``fullUrl`` (``urn:uuid:…``, what this app writes) or a
    relative ``Type/id`` (what servers often write); both find the same resource.
    """

    def __init__(self, bundle: Any) -> None:
        if not isinstance(bundle, Mapping):
            raise BundleError("Bundle", "must be a JSON object")
        if bundle.get("resourceType") != "Bundle":
            raise BundleError(
                "Bundle", f"resourceType must be 'Bundle' (got {bundle.get('resourceType')!r})"
            )
        entries = bundle.get("entry")
        if not isinstance(entries, list) or not entries:
            raise BundleError("Bundle", "entry is missing or empty")
        if len(entries) > MAX_ENTRIES:
            raise BundleError(
                "Bundle",
                f"entry holds {len(entries)} resources (one visit has at most {MAX_ENTRIES})",
            )
        self.bundle = bundle
        self.resources: list[Mapping[str, Any]] = []
        self._by_ref: dict[str, Mapping[str, Any]] = {}
        for i, entry in enumerate(entries):
            where = f"Bundle.entry[{i}]"
            if not isinstance(entry, Mapping) or not isinstance(entry.get("resource"), Mapping):
                raise BundleError(where, "resource is missing")
            resource = entry["resource"]
            rtype = resource.get("resourceType")
            if not isinstance(rtype, str) or not rtype:
                raise BundleError(where, "resource.resourceType is missing")
            self.resources.append(resource)
            full_url = entry.get("fullUrl")
            if isinstance(full_url, str):
                self._by_ref[full_url] = resource
            if isinstance(resource.get("id"), str):
                self._by_ref[f"{rtype}/{resource['id']}"] = resource

    def of_type(
        self, rtype: str, keep: Callable[[Mapping[str, Any]], bool] | None = None
    ) -> list[Mapping[str, Any]]:
        """The resources of one type (that ``keep`` accepts), in Bundle order."""
        return [
            r
            for r in self.resources
            if r.get("resourceType") == rtype and (keep is None or keep(r))
        ]

    def one(
        self,
        rtype: str,
        what: str,
        keep: Callable[[Mapping[str, Any]], bool] | None = None,
        *,
        required: bool = True,
    ) -> Mapping[str, Any] | None:
        """The single resource of a type; none (when required) or several is an error."""
        found = self.of_type(rtype, keep)
        if len(found) > 1:
            raise BundleError("Bundle", f"holds {len(found)} {what} ({rtype}); expected one")
        if not found:
            if required:
                raise BundleError("Bundle", f"has no {what} ({rtype})")
            return None
        return found[0]

    def resolve(self, reference: Any, where: str, rtype: str) -> Mapping[str, Any]:
        """The resource a Reference points at, which must be in the Bundle and of ``rtype``."""
        target = reference.get("reference") if isinstance(reference, Mapping) else None
        if not isinstance(target, str):
            raise BundleError(where, "reference is missing")
        resource = self._by_ref.get(target)
        if resource is None:
            raise BundleError(where, f"refers to {target}, which is not in the Bundle")
        if resource.get("resourceType") != rtype:
            raise BundleError(where, f"refers to a {resource.get('resourceType')}, not a {rtype}")
        return resource
