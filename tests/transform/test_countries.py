"""Countries from names, adjectives, short forms and compounds."""

from __future__ import annotations

import pycountry
import pytest

from transform.countries import countries_reference, country_iso3, find_countries


def isos(text: str) -> list[str]:
    return [c.iso3 for c in find_countries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jointly built by Chinese and Thai companies", ["CHN", "THA"]),
        # The EU is an organisation, not a country (see transform/countries.py).
        ("The 16th China-EU Science and Technology Cooperation", ["CHN"]),
        ("a Sino-Kazakh laboratory", ["CHN", "KAZ"]),
        ("between China and the UK's scientific communities", ["CHN", "GBR"]),
        ("institutions from Switzerland, UK and U.S have shown", ["CHE", "GBR", "USA"]),
        ("the 7th China-Sweden Joint Committee", ["CHN", "SWE"]),
        ("with Brazil, South Africa and the African Union", ["BRA", "ZAF"]),
        ("the Swedish Ministry of Education", ["SWE"]),
        ("the Republic of Korea and North Korea", ["KOR", "PRK"]),
        ("Papua New Guinea and Guinea-Bissau", ["PNG", "GNB"]),
        ("the U.S. and the United States of America", ["USA", "USA"]),
        ("CHINA SCIENCE AND TECHNOLOGY REVIEW", ["CHN"]),
    ],
)
def test_find_countries(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "370.8 billion yuan (US$51.5 billion)",
        "a laboratory of US $ 400,000",
        "across the Indian Ocean",
        "Latin American partners",
        "he will turkey-trot; the chinaware",
        "the Congo basin",
    ],
)
def test_not_countries(text: str) -> None:
    assert isos(text) == []


def test_offsets_are_exact() -> None:
    text = "Sino-Kazakh and the UK's"
    for c in find_countries(text):
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("the UK's", "GBR"),
        ("Chinese", "CHN"),
        ("U.S", "USA"),
        ("Korea, Republic of", "KOR"),
        ("Viet Nam", "VNM"),
        ("FR", "FRA"),
        ("DEU", "DEU"),
        ("EU", None),
        ("European Union", None),
        ("china", "CHN"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_country_iso3(name: str, iso3: str | None) -> None:
    assert country_iso3(name) == iso3


def test_reference_table() -> None:
    rows = countries_reference()
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes)) == len(pycountry.countries)
    assert rows == sorted(rows)
    by_code = {r[0]: r for r in rows}
    assert by_code["CHN"] == ("CHN", "CN", "China")
    assert "EUU" not in by_code  # ISO 3166-1 only: the gate quarantines anything else
    assert by_code["TWN"][2] == "Taiwan"
    # Every code the gazetteer can return is a row of the table.
    assert {c.iso3 for c in find_countries("Sino-Thai and EU and UK and Macau")} <= set(codes)
