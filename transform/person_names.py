"""What a person's name looks like in English text, and when a bare name is a person.

A name is two to four capitalised words (accents, hyphens, "Mc"/"Mac", particles such as
"von der" and middle initials included) that are not role, organisation, place or common
title words; Chinese pages may write the surname in capitals ("WANG Longde"). An
honorific ("Prof.", "Mr.") lifts the words of known organisations' names, some of which
are given names ("Max" of the Max Planck Society). A name with no role, honorific or
organisation stated with it is a person only as one who speaks, chairs, signs or meets.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transform.countries import find_countries
from transform.organisations import curated_organisations
from transform.participant_words import (
    CAPS_SURNAMES,
    FUNCTION_CAPS,
    ORG_HEADS,
    ROLE_WORDS,
    SUBJECT_WORDS,
)
from transform.places import gazetteer

# An honorific in front of a name ("Prof. Dou Xiankang"): no part of the name.
HONORIFIC = re.compile(
    r"\b(?:Prof|Dr|Mr|Mrs|Ms|Professor|Academician|Madam|Sir|H\.\s?E)\.?\s+(?=[A-Z])"
)
# A capitalised name word, accents included ("José", "Müller", "Tat-Ming", "O'Neill").
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_TOKEN = (
    # "McGovern", "MacLeod" first: the plain form would stop at the inner capital
    r"(?:Ma?c[" + _UPPER + r"][^\W\d_A-Z]+"
    r"|[" + _UPPER + r"][^\W\d_A-Z]+(?:-[" + _UPPER + r"a-z][^\W\d_A-Z]+)*"
    r"|[" + _UPPER + r"]'[" + _UPPER + r"][^\W\d_A-Z]+"
    r"|(?:" + "|".join(CAPS_SURNAMES) + r")(?=\s+[A-Z][a-z]))"
)
# particles inside a name: "Ursula von der Leyen", "Lula da Silva"
_PARTICLE = r"(?:von|van|der|den|de|da|do|dos|das|del|di|du|le|la|bin|binti|al|el)"
# middle initials: "John P. Holdren", "Joseph J. Y. Sung"
_INITIALS = r"(?:[" + _UPPER + r"]\.\s*){0,3}"
NAME_RUN = re.compile(
    _NAME_TOKEN + r"(?:\s+(?:" + _PARTICLE + r"\s+){0,2}" + _INITIALS + _NAME_TOKEN + r")*"
)
NAME_TOKEN_RE = re.compile(_NAME_TOKEN)


@lru_cache(maxsize=1)
def _plain_non_name_words() -> frozenset[str]:
    """Capitalised words that are never part of a person's name, even after "Mr."."""
    words = set(FUNCTION_CAPS) | set(SUBJECT_WORDS) | set(ORG_HEADS)
    words |= {w.capitalize() for w in ROLE_WORDS}
    words |= {"-".join(p.capitalize() for p in w.split("-")) for w in ROLE_WORDS if "-" in w}
    for form in gazetteer():
        words.update(form.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _non_name_words() -> frozenset[str]:
    """Capitalised words that are not part of a person's name: the plain ones and the words
    of known organisations' names ("Tsinghua", "Huawei"). Some of those are given names
    ("Max" of the Max Planck Society), so an honorific lifts them (`participants.name_spans`)."""
    words = set(_plain_non_name_words())
    for org in curated_organisations():
        for form in (org.name, *org.aliases):
            words.update(t for t in re.findall(r"[A-Z][\w'’-]*", form))
    return frozenset(words)


@lru_cache(maxsize=8192)
def is_name_token(token: str, honorific: bool = False) -> bool:
    """Whether `token` may be a word of a person's name; after an honorific ("Mr. Max
    Baucus") only the plain non-name words are excluded."""
    if token in (_plain_non_name_words() if honorific else _non_name_words()):
        return False
    return not find_countries(token)


# A name followed by a verb of speaking or meeting, alone or as "X and Y <verb>".
ACTS_AFTER = re.compile(
    r"(?:\s+and\s+[" + _UPPER + r"][^\W\d_]+(?:\s+[" + _UPPER + r"][^\W\d_]+){1,3})?\s+"
    r"(?:said|says|told|noted|added|stressed|emphasi[sz]ed|co-?chaired|chaired|attended|met"
    r"|signed|addressed|delivered|opened|led|headed|presided|hosted|visited|spoke)\b"
)
# ... or one a sentence names as acting ("attended by X", "met X").
ACTED_BY_BEFORE = re.compile(r"\b(?:by|with|and|met|between)\s+$")
