"""A meeting while it is being read: what the event sentence and its follow-ups have said."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from transform.participants import Org, Person
from transform.places import Place


@dataclass
class Draft:
    """Mutable on purpose: a meeting's fields arrive sentence by sentence (the date in the
    event sentence, the closing day two sentences later), and only `meetings._finish`
    freezes them into a `Meeting`."""

    sentence: int
    title: str
    kind: str  # named | described | visit | met
    span: tuple[int, int]
    start_date: date | None = None
    end_date: date | None = None
    place: Place | None = None
    online: bool = False
    visit_country: str | None = None
    last_sentence: int = 0
    countries: list[str] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    summary: str | None = None
    parent: Draft | None = None
    children: list[Draft] = field(default_factory=list)
    visitor: list[Person] = field(default_factory=list)
    paragraph: int = -1
