"""Candidates to JSON and back, for the `fact_candidates` table.

Candidates are stored per document so that consolidation can rerun over every document
without extracting again; the JSON is derived from the dataclasses in `transform.facts`,
so the shapes stay declared in one place.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from transform.facts import (
    Budget,
    Candidate,
    Meeting,
    MeetingParticipant,
    Mention,
    Project,
    ProjectParticipant,
)

_FACT_CLASSES: dict[str, type] = {"budget": Budget, "project": Project, "meeting": Meeting}
_PARTICIPANT_CLASSES: dict[str, type] = {
    "project": ProjectParticipant,
    "meeting": MeetingParticipant,
}


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def candidate_to_json(candidate: Candidate) -> str:
    payload = {
        "fact_type": candidate.fact_type,
        "fact": _plain(candidate.fact),
        "mention": _plain(candidate.mention),
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False)


def _build(cls: type, data: dict[str, Any], fact_type: str) -> Any:
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "participants":
            pcls = _PARTICIPANT_CLASSES[fact_type]
            value = tuple(pcls(**p) for p in value)
        elif f.name in {"event_date", "start_date", "end_date"} and value is not None:
            value = date.fromisoformat(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def candidate_from_json(text: str) -> Candidate:
    payload = json.loads(text)
    fact_type = payload["fact_type"]
    fact = _build(_FACT_CLASSES[fact_type], payload["fact"], fact_type)
    return Candidate(fact=fact, mention=Mention(**payload["mention"]))
