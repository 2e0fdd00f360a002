"""The several projects one event verb's object may list: names after a count ("launched
two satellites A and B") and a rocket's payloads joined by "and the" ("sending up the X
satellite and the Y"). One project each; read apart from the single name of
`project_events`, which only asks whether the object is a list."""

from __future__ import annotations

from transform import project_cues as cues
from transform import project_verbs as verbs
from transform.project_clauses import np_after
from transform.project_names import clean_name, is_named


def listed_names(
    text: str, ns: int, ne: int, end: int, word: str
) -> tuple[int, list[str], str | None] | None:
    """(where the names start, the names, what the count calls them) when the object at
    `ns:ne` of verb `word` lists several projects; None for one. `end` bounds the sentence."""
    counted = cues.COUNT_THEN_NAMES.match(text, ns, ne)
    if counted is not None:
        # "launched two satellites A and B": the names, typed by the counted head
        described = text[ns : counted.end()].rstrip(" ,")
        names = [clean_name(x) for x in cues.LIST_SEPARATOR.split(text[counted.end() : ne])]
        return counted.end(), names, described
    payload = verbs.PAYLOAD_AND.match(text, ne, end) if verbs.PAYLOAD_VERB.match(word) else None
    if payload is not None:
        # "sending up the X satellite and the Y": each payload is one mission
        ps, pe = np_after(text, payload.end(), end)
        second = clean_name(text[ps:pe])
        if second and is_named(second, False):
            return ns, [clean_name(text[ns:ne]), second], None
    return None
