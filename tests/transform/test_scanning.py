"""`bounded_matches` finds exactly what the same pattern with a leading `\\b` finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transform.scanning import bounded_matches, is_word_char

_WORDS = re.compile(r"(?:Committee|Commission|Centre|Center|Lab|Laboratory|Forum)\b")
_WITH_B = re.compile(r"\b" + _WORDS.pattern)


def _spans(ms: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in ms]


@pytest.mark.parametrize(
    "text",
    [
        "The Joint Committee met the Commission at the Centre.",
        "SubCommittee and Sub-Committee; CommitteeX Committee_ Lab-Laboratory",
        "éCentre 1Centre _Centre Centre",
        "",
    ],
)
def test_same_matches_as_a_leading_word_boundary(text: str) -> None:
    for start in range(len(text) + 1):
        for end in (start, len(text), min(len(text), start + 12)):
            got = _spans(bounded_matches(_WORDS, text, start, end))
            assert got == _spans(list(_WITH_B.finditer(text, start, end)))


@given(
    st.text(alphabet="CenterLabo mitsF-_é1 ", max_size=40),
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_same_matches_on_any_text(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    got = _spans(bounded_matches(_WORDS, text, start, end))
    assert got == _spans(list(_WITH_B.finditer(text, start, end)))


def test_word_characters_are_those_of_the_regex_engine() -> None:
    for ch in "aZé9_٣中":
        assert is_word_char(ch) == bool(re.match(r"\w", ch))
    for ch in " -.’\u00a0":
        assert is_word_char(ch) == bool(re.match(r"\w", ch))
