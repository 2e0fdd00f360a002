"""Dates and ranges without a year resolve from the publication date; years for budgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transform.dates import find_years, parse_date_range, resolve_dates
from transform.year_inference import FUTURE_TOLERANCE_DAYS, infer_year

MARCH_ISSUE = date(2024, 4, 1)


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("inaugurated on 27 March in Almaty", MARCH_ISSUE, date(2024, 3, 27), date(2024, 3, 27)),
        ("from 6-8 November in Wuhan", date(2024, 12, 2), date(2024, 11, 6), date(2024, 11, 8)),
        ("which took place from 3-11 March", MARCH_ISSUE, date(2024, 3, 3), date(2024, 3, 11)),
        ("30 October-2 November", date(2024, 11, 20), date(2024, 10, 30), date(2024, 11, 2)),
        ("30 December-2 January", date(2024, 1, 20), date(2023, 12, 30), date(2024, 1, 2)),
        ("March 30-April 2, 2024", None, date(2024, 3, 30), date(2024, 4, 2)),
        ("Mar 6, 2024", None, date(2024, 3, 6), date(2024, 3, 6)),
        ("Sat. Apr 20th, 2024", None, date(2024, 4, 20), date(2024, 4, 20)),
        (
            "Nov 28(ABC): China's pursuit",
            date(2022, 11, 28),
            date(2022, 11, 28),
            date(2022, 11, 28),
        ),
        ("in October 2023", None, date(2023, 10, 1), date(2023, 10, 31)),
        ("on 2024-03-05", None, date(2024, 3, 5), date(2024, 3, 5)),
        ("between 13 and 15 May", date(2024, 6, 1), date(2024, 5, 13), date(2024, 5, 15)),
    ],
)
def test_dates_and_ranges(text: str, published: date | None, start: date, end: date) -> None:
    assert parse_date_range(text, published) == (start, end)


def test_a_date_more_than_two_months_after_publication_is_last_year() -> None:
    # A January issue reporting "on 20 December" means the December just gone.
    (d,) = resolve_dates("signed on 20 December", date(2024, 1, 10))
    assert d.start_date == date(2023, 12, 20)
    assert d.year_stated is False


def test_a_date_shortly_after_publication_stays_in_the_year() -> None:
    (d,) = resolve_dates("will be held on 15 May", date(2024, 4, 1))
    assert d.start_date == date(2024, 5, 15)


def test_offsets_and_no_year_without_publication_date() -> None:
    text = "The meeting was held on 12 March in Beijing."
    (d,) = resolve_dates(text, MARCH_ISSUE)
    assert text[d.start : d.end] == "12 March"
    assert resolve_dates(text, None) == []


def test_ordinal_committee_numbers_are_not_dates() -> None:
    assert resolve_dates("During the 15th Joint Committee meeting", MARCH_ISSUE) == []


@given(
    published=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    offset=st.integers(min_value=-300, max_value=FUTURE_TOLERANCE_DAYS),
)
def test_inferred_year_puts_the_date_near_publication(published: date, offset: int) -> None:
    actual = published + timedelta(days=offset)
    if (actual.month, actual.day) == (2, 29):
        return
    assert infer_year(actual.month, actual.day, published) == actual.year


def kinds(text: str, published: date | None = MARCH_ISSUE) -> list[tuple[str, int]]:
    return [(y.kind, y.year) for y in find_years(text, published)]


def test_years_of_each_kind() -> None:
    assert kinds("in 2024") == [("year", 2024)]
    # A fiscal year across two calendar years goes by its first year.
    assert kinds("for FY2023-24") == [("fiscal", 2023)]
    assert kinds("the 2023-24 budget") == [("fiscal", 2023)]
    assert kinds("in FY24") == [("fiscal", 2024)]
    assert kinds("in fiscal 2025") == [("fiscal", 2025)]
    assert kinds("since 2016") == [("since", 2016)]
    assert kinds("for 2021-2025") == [("span", 2021)]
    assert kinds("from 2021 to 2025") == [("span", 2021)]
    assert kinds("an outlay from 2023-24 to 2030-31") == [("span", 2023)]
    assert kinds("up 10% from 2023") == [("comparison", 2023)]
    assert kinds("this year") == [("relative", 2024)]
    assert kinds("last year") == [("relative", 2023)]
    assert kinds("up 2% from last year") == [("comparison", 2023)]
    assert kinds("roughly the same as last year") == [("comparison", 2023)]
    assert kinds("faster than the 7.1 per cent increase last year") == [("comparison", 2023)]
    assert kinds("more than 52,000 projects with 34 billion yuan last year") == [("relative", 2023)]
    assert kinds("this year", None) == []


def test_counts_that_look_like_years_are_not_years() -> None:
    assert kinds("it trained 2000 scientists") == []
    assert kinds("R&D spending in 2023 was 3.3 trillion yuan") == [("year", 2023)]


def test_deadlines_are_not_budget_years() -> None:
    assert kinds("a network by 2026") == [("comparison", 2026)]
    assert kinds("the science budget for 2024 amounts to") == [("year", 2024)]


def test_range_with_a_weekday_before_each_day() -> None:
    from transform.dates import resolve_dates

    (d,) = resolve_dates("held from Tuesday 2nd to Wednesday 3rd June, 2020 in Rome", None)
    assert (d.start_date, d.end_date) == (date(2020, 6, 2), date(2020, 6, 3))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "the symposium ran from Oct. 8 to 11, 2023, in Hefei",
            date(2023, 10, 8),
            date(2023, 10, 11),
        ),
        ("the team toured Lagos from June 2 to 4. It then", date(2024, 6, 2), date(2024, 6, 4)),
        ("the talks took place Sept. 3 through 5 in Nairobi", date(2024, 9, 3), date(2024, 9, 5)),
        ("to be held between May 12 to 14.", date(2024, 5, 12), date(2024, 5, 14)),
    ],
)
def test_a_month_and_two_days_joined_by_a_word_is_a_range(
    text: str, start: date, end: date
) -> None:
    assert parse_date_range(text, date(2024, 10, 20)) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "spending rose on May 5 to 10 billion yuan",
        "on March 3 to 12% of the budget",
        "a call on March 3 to 1,000 applicants",
        "from March 20 to 5 April",
    ],
)
def test_a_worded_range_needs_a_later_day_that_is_not_a_count(text: str) -> None:
    found = resolve_dates(text, date(2024, 10, 20))
    assert found and found[0].start_date == found[0].end_date
