"""Exchange formats with other clinical systems: a visit as a FHIR R4 Bundle and back.

``build_bundle(FhirVisit) -> dict`` writes the Bundle; ``parse_bundle(dict) -> ImportedVisit``
reads it back, so that export, import and export again give the same Bundle. Both are pure
functions over plain domain objects (no database, no clock, no files): the services and the
command line decide where a visit comes from and where it goes.
"""

from .bundle_in import parse_bundle
from .bundle_out import build_bundle
from .model import BundleError, FhirVisit, ImportedVisit, NotExportable, PatientIdentity

__all__ = [
    "BundleError",
    "FhirVisit",
    "ImportedVisit",
    "NotExportable",
    "PatientIdentity",
    "build_bundle",
    "parse_bundle",
]
