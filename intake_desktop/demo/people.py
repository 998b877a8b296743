"""Synthetic patients for the demo clinic (Faker, seeded: the same seed makes the same clinic)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from intake_desktop.storage.search_text import normalise_text

#: locale -> (share of patients, language tag, e-mail domain, phone format)
LOCALES: dict[str, tuple[int, str, str, str]] = {
    "en_US": (50, "en", "example.com", "+1 ### ### ####"),
    "es_ES": (30, "es", "example.es", "+34 6## ### ###"),
    "de_DE": (10, "de", "example.de", "+49 15# #######"),
    "fr_FR": (10, "fr", "example.fr", "+33 6 ## ## ## ##"),
}


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A synthetic patient; ``seed`` drives this patient's visits reproducibly."""

    record_number: str
    name: str
    date_of_birth: date
    sex: str
    phone: str | None
    email: str | None
    address: str | None
    language: str
    seed: int


class PeopleFactory:
    """Makes :class:`DemoPerson` number ``n``; the same seed gives the same people."""

    def __init__(self, seed: int) -> None:
        from faker import Faker  # only the demo needs it; keep it off the app's start-up

        self._rng = random.Random(seed)
        self._fake = Faker(list(LOCALES))
        self._fake.seed_instance(seed)
        self._locales = list(LOCALES)
        self._weights = [LOCALES[loc][0] for loc in self._locales]

    def make(self, n: int) -> DemoPerson:
        rng = self._rng
        locale = rng.choices(self._locales, self._weights)[0]
        _, language, domain, phone_format = LOCALES[locale]
        fake = self._fake[locale]
        roll = rng.random()
        sex = "female" if roll < 0.5 else "male" if roll < 0.98 else "other"
        first = fake.first_name_female() if sex == "female" else fake.first_name_male()
        if rng.random() < 0.1:
            first = f"{first} {fake.first_name()}"
        last = fake.last_name()
        if locale == "es_ES":  # two surnames, as on a Spanish ID card
            last = f"{last} {fake.last_name()}"
        name = f"{first} {last}"
        # A spine clinic sees mostly people over 50.
        age_days = int(rng.triangular(20, 95, 70) * 365.25)
        born = date(2026, 11, 1) - timedelta(days=age_days)
        ascii_name = normalise_text(name).split()
        email = None
        if rng.random() < 0.6:
            email = f"{ascii_name[0]}.{ascii_name[-1]}{rng.randint(1, 99)}@{domain}"
        phone = "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in phone_format)
        address = fake.address().replace("\n", ", ") if rng.random() < 0.8 else None
        return DemoPerson(
            record_number=f"DEMO-{n:07d}",
            name=name,
            date_of_birth=born,
            sex=sex,
            phone=phone,
            email=email,
            address=address,
            language=language,
            seed=rng.getrandbits(32),
        )
