"""City-country pairs read from "in/at <place>" (`transform.places`)."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from transform.places import city_country, country_of_name, find_places, gazetteer, read_place

CITIES_CSV = Path(__file__).resolve().parents[2] / "transform" / "reference" / "cities.csv"


def places(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.city, p.country) for p in find_places(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was inaugurated on 27 March in Almaty.", [("Almaty", "KAZ")]),
        ("was established on 8 August in Chiang Mai, Thailand.", [("Chiang Mai", "THA")]),
        ("launched a laboratory in Shenzhen, Guangdong Province.", [("Shenzhen", "CHN")]),
        ("from 6-8 November in Kunming city of Yunnan Province, under", [("Kunming", "CHN")]),
        ("was launched in Urumqi, Xinjiang, by the", [("Urumqi", "CHN")]),
        ("held from 10-12 September in Brussels.", [("Brussels", "BEL")]),
        ("opened in Belgrade, Serbia.", [("Belgrade", "SRB")]),
        ("visited Singapore and met ministers in Singapore on 24 March", [("Singapore", "SGP")]),
        ("in Hong Kong on Monday", [("Hong Kong", "HKG")]),
    ],
)
def test_city_with_its_country(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


def test_a_city_the_gazetteer_does_not_hold_counts_when_the_text_names_its_country() -> None:
    assert places("inaugurated the station on 29 December in Gilgit, Pakistan.") == [
        ("Gilgit", "PAK")
    ]
    assert places("opened at the institute in Sao Jose dos Campos, Brazil.") == [
        ("Sao Jose dos Campos", "BRA")
    ]
    assert places("in Kaiping, Guangdong Province, completed") == [("Kaiping", "CHN")]
    assert places("was held in Xyz City") == [("Xyz City", None)]


def test_an_unknown_capitalised_word_alone_is_not_a_place() -> None:
    assert places("the work was published in Nature on 7 August") == []
    assert places("launched in Foo, Bar") == []


def test_a_region_or_country_gives_no_city() -> None:
    assert places("located in northeastern Khon Kaen province of Thailand and") == [(None, "THA")]
    assert places("from the launch centre in northwest China, sending") == [(None, "CHN")]
    assert places("a ceremony in Thailand") == [(None, "THA")]
    assert places("in Guangdong Province") == [(None, "CHN")]
    assert places("in South Africa") == [(None, "ZAF")]


def test_not_places() -> None:
    assert places("in 2014, in lunar orbit, in the presence of the minister") == []
    # an organisation named after its city is not the place
    assert places("visited Peking University on 15 May") == []
    assert read_place("Chiang Mai University (CMU)", 0) is None


def test_country_of_an_organisation_name() -> None:
    assert country_of_name("University of Belgrade") == "SRB"
    assert country_of_name("Kyrgyz National Academy of Sciences") == "KGZ"
    assert country_of_name("Shaanxi Normal University") == "CHN"
    assert country_of_name("Chiang Mai University") == "THA"
    assert country_of_name("Mihajlo Pupin Institute") is None
    assert country_of_name("China-Pakistan Joint Research Centre") is None  # two countries


def test_city_country_lookup() -> None:
    assert city_country("Almaty") == "KAZ"
    assert city_country("Guangdong") is None  # a region, not a city
    assert city_country("Atlantis") is None


def test_the_gazetteer_is_valid() -> None:
    lines = [line for line in CITIES_CSV.read_text(encoding="utf-8").splitlines() if line]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert len(rows) > 300
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "duplicate names"
    for r in rows:
        assert pycountry.countries.get(alpha_3=r["country"]) is not None, r
        assert r["kind"] in ("city", "region"), r
    assert gazetteer()["Peking"].name == "Beijing"  # aliases


def test_a_city_outside_the_curated_list_from_geonames() -> None:
    (p,) = find_places("The forum was held in Kazan on Tuesday.")
    assert (p.city, p.country) == ("Kazan", "RUS")


def test_a_city_name_inside_a_longer_capitalised_name_is_not_a_place() -> None:
    assert find_places("He works in Reading Room 5.") == []


def test_a_venue_then_its_city() -> None:
    (p,) = find_places("It was held on 16 April in Lancaster House, London.")
    assert (p.city, p.country) == ("London", "GBR")


def test_a_city_after_a_possessive_country() -> None:
    (p,) = find_places("It was held Monday in southwest China's Chongqing Municipality.")
    assert (p.city, p.country) == ("Chongqing", "CHN")


def test_a_town_with_its_country_and_region() -> None:
    (p,) = find_places("A space forum was held in Tunxi, east China's Anhui Province.")
    assert (p.city, p.country) == ("Tunxi", "CHN")
