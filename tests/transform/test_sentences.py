"""Sentence splitting with exact offsets, never across a paragraph break."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transform.sentences import paragraph_spans, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = (
        "According to Dr. Tat-Ming Chan, the model handles 3000 pages. "
        "Prof. Chen Zhongwei said No. 3 reached 370.828 billion. "
        "U.S. officials agreed."
    )
    assert texts(text) == [
        "According to Dr. Tat-Ming Chan, the model handles 3000 pages.",
        "Prof. Chen Zhongwei said No. 3 reached 370.828 billion.",
        "U.S. officials agreed.",
    ]


def test_us_at_the_end_of_a_sentence() -> None:
    assert texts("He flew to the U.S. The next day he left.") == [
        "He flew to the U.S.",
        "The next day he left.",
    ]


def test_initials_and_quotes() -> None:
    assert texts("J. Smith said “it works.” Then he left!") == [
        "J. Smith said “it works.”",
        "Then he left!",
    ]


def test_glued_sentences_are_split() -> None:
    assert texts(
        "compared with the 71,000 papers published in 2015.China also opened 53 labs."
    ) == [
        "compared with the 71,000 papers published in 2015.",
        "China also opened 53 labs.",
    ]


def test_paragraph_breaks_always_end_a_sentence() -> None:
    text = "The total budget for these projects\n\nis about 10 billion yuan."
    found = split_sentences(text)
    assert [s.paragraph for s in found] == [0, 1]
    assert "\n\n" not in found[0].text


def test_lines_starting_a_new_item_split() -> None:
    assert texts("- **China Releases Report**\n- **China Launches Cooperation**") == [
        "- **China Releases Report**",
        "- **China Launches Cooperation**",
    ]


def test_only_some_paragraphs() -> None:
    text = "One. Two.\n\nThree.\n\nFour. Five."
    assert [s.text for s in split_sentences(text, [2])] == ["Four.", "Five."]
    assert len(paragraph_spans(text)) == 3


_pieces = st.sampled_from(
    [
        "China launched a satellite.",
        "Dr. Wang said so.",
        "It cost 370.8 billion yuan (US$51.5 billion).",
        "The U.S. agreed",
        "“Quoted.”",
        "no capital here.",
        "Really?",
        "\n\n",
        "\n",
        " ",
        "  ",
        "e.g. this",
        "in 2015.China",
    ]
)


@given(st.lists(_pieces, max_size=25))
def test_offsets_invariants(pieces: list[str]) -> None:
    text = " ".join(pieces)
    found = split_sentences(text)
    last_end = 0
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert "\n\n" not in s.text.replace("\r", "")
        assert s.start >= last_end
        last_end = s.end
    # Nothing but whitespace is left out.
    covered = "".join(text[s.start : s.end] for s in found)
    assert "".join(covered.split()) == "".join(text.split())
