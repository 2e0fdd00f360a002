"""Organisations by name, alias and acronym, with acronyms learned from the document."""

from __future__ import annotations

from transform.organisations import (
    curated_organisations,
    find_organisations,
    learn_acronyms,
    org_id_for,
    organisations_reference,
)


def names(text: str) -> list[tuple[str, str, str | None]]:
    return [(o.text, o.name, o.country) for o in find_organisations(text)]


def test_learn_acronyms_from_definitions() -> None:
    text = (
        "A laboratory was built by the Xinjiang Institute of Ecology and Geography (XIEG) "
        "of the Chinese Academy of Sciences and Al-Farabi Kazakh National University (KazNU). "
        "Prof. Dou Xiankang, President of the National Natural Science Foundation of China "
        "(NSFC), met Mark Walport of The Royal Society (RS). They completed a quantum key "
        "distribution (QKD) experiment."
    )
    learned = learn_acronyms(text)
    assert learned["XIEG"] == "Xinjiang Institute of Ecology and Geography"
    assert learned["RS"] == "Royal Society"
    assert learned["QKD"] == "quantum key distribution"
    assert "NSFC" in learned and "KazNU" in learned


def test_full_names_aliases_and_acronyms() -> None:
    text = (
        "The National Natural Science Foundation of China (NSFC) and CAS signed with USTC. "
        "Later NSFC said the Chinese Academy of Science would help."
    )
    found = names(text)
    assert found[0] == (
        "National Natural Science Foundation of China",
        "National Natural Science Foundation of China",
        "CHN",
    )
    assert ("NSFC", "National Natural Science Foundation of China", "CHN") in found
    assert ("CAS", "Chinese Academy of Sciences", "CHN") in found
    assert ("USTC", "University of Science and Technology of China", "CHN") in found
    # "Chinese Academy of Science" (sic, seed 000) is an alias.
    assert ("Chinese Academy of Science", "Chinese Academy of Sciences", "CHN") in found


def test_generic_ministries_take_their_country_from_a_qualifier() -> None:
    assert names("released by the Chinese Ministry of Finance")[0][1:] == (
        "Ministry of Finance",
        "CHN",
    )
    assert names("India's Ministry of Finance said")[0][1:] == ("Ministry of Finance", "IND")
    assert names("the Ministry of Finance of Japan")[0][1:] == ("Ministry of Finance", "JPN")
    assert names("released by the finance ministry")[0][1:] == ("Ministry of Finance", None)
    assert names("David Edvardsson of the Swedish Ministry of Education and Research")[0][1:] == (
        "Ministry of Education and Research",
        "SWE",
    )


def test_the_documents_own_definition_wins() -> None:
    text = "The Centre for Advanced Imaging Research (CAIR) opened. CAIR will hire."
    found = [(o.text, o.name, o.curated) for o in find_organisations(text)]
    assert ("CAIR", "Centre for Advanced Imaging Research", False) in found


def test_short_acronyms_only_when_defined() -> None:
    # "RS" and "EC" mean nothing unless the document says so.
    assert names("RS and EC were mentioned") == []
    text = "Mark Walport of The Royal Society (RS), UK and Alison Noble, RS met."
    assert [n for _, n, _ in names(text)].count("Royal Society") == 3


def test_learned_organisation_gets_its_country_from_its_name() -> None:
    text = "the Electricity Generating Authority of Ruritania Thailand (EGART)"
    learned = {"EGART": "Electricity Generating Authority of Ruritania Thailand"}
    long_form, acronym = find_organisations(text, learned)
    assert long_form.curated is False and acronym.acronym == "EGART"
    assert long_form.country == acronym.country == "THA"


def test_offsets_are_exact_and_non_overlapping() -> None:
    text = "the Chinese Ministry of Science and Technology's Department; MOST and CAS."
    found = find_organisations(text)
    for o in found:
        assert text[o.start : o.end] == o.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_reference_rows() -> None:
    rows = organisations_reference()
    ids = [r["org_id"] for r in rows]
    assert len(ids) == len(set(ids)) == len(curated_organisations())
    assert set(rows[0]) == {"org_id", "name", "acronym", "country", "aliases"}
    nsfc = next(r for r in rows if r["acronym"] == "NSFC")
    assert nsfc["org_id"] == org_id_for("National Natural Science Foundation of China", "CHN")
    # Stable: the id is a pure function of name and country.
    assert org_id_for("Royal Society", "GBR") == org_id_for(" royal society ", "GBR")
    for r in rows:
        assert r["country"] is None or len(str(r["country"])) == 3
        assert isinstance(r["aliases"], list)


def test_curated_list_covers_the_brief() -> None:
    have = {o.acronym for o in curated_organisations()} | {o.name for o in curated_organisations()}
    for wanted in [
        "MOST",
        "Ministry of Finance",
        "NSFC",
        "CAS",
        "CASS",
        "USTC",
        "CNSA",
        "NPC",
        "CPPCC",
        "Royal Society",
        "CNRS",
        "EGAT",
        "European Commission",
        "UNESCO",
        "African Union",
        "Met Office",
        "XIEG",
        "KazNU",
        "SIAT",
        "Nanjing University",
    ]:
        assert wanted in have, wanted


def test_the_eu_and_other_groupings_are_organisations() -> None:
    found = find_organisations("The 16th China-EU committee; the EU's programme; BRICS and ASEAN")
    assert [(o.text, o.name, o.country) for o in found] == [
        ("EU", "European Union", None),
        ("EU", "European Union", None),
        ("BRICS", "BRICS", None),
        ("ASEAN", "Association of Southeast Asian Nations", None),
    ]


def test_defined_organisations_get_a_kind_from_their_name() -> None:
    text = "The UK's Advanced Research and Invention Agency (ARIA) said ARIA would grow."
    kinds = {o.text: o.kind for o in find_organisations(text)}
    assert kinds == {"Advanced Research and Invention Agency": "agency", "ARIA": "agency"}


def test_an_acronym_in_another_language_names_the_english_name_before_it() -> None:
    text = "The Regional Research Promotion Fund (FPIR) opened its call. FPIR will decide."
    assert learn_acronyms(text)["FPIR"] == "Regional Research Promotion Fund"
    kinds = {o.kind for o in find_organisations(text)}
    assert kinds == {"funder"}
    # not a name ending in an organisation's head word: nothing learned
    assert "XYZ" not in learn_acronyms("They met the Regional Research Group (XYZ) today.")
