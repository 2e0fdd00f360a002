"""Acronyms read against the long names a page writes out."""

from __future__ import annotations

from transform.acronyms import spelled_out


def test_an_acronym_spelled_by_the_last_words_of_a_heading() -> None:
    text = "Local media Cover UK-China Science Bridge Timber Centre\n\nSBTC was formed."
    assert spelled_out("SBTC", text) == "UK-China Science Bridge Timber Centre"


def test_a_name_that_does_not_spell_the_acronym_gives_nothing() -> None:
    assert spelled_out("SBCC", "The Science Park Concrete Lab\n\nSBCC was formed.") is None


def test_a_name_is_not_read_across_a_line_break() -> None:
    # the heading's run of capitals stops at the line's end, not at the acronym below it
    text = "Science Bridge Concrete Centre\nSBCC"
    assert spelled_out("SBCC", text) == "Science Bridge Concrete Centre"


def test_two_letters_are_too_few_to_tell() -> None:
    assert spelled_out("SB", "Science Bridge") is None
