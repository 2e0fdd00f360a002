"""Conversion to USD at the year's average rate, from the shipped, cited table."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from transform.fx import rate, rates, to_usd

CURRENCIES = ("CNY", "EUR", "GBP", "INR", "JPY")


def test_the_table_covers_the_main_currencies_2015_to_2024() -> None:
    table = rates()
    for currency in CURRENCIES:
        for year in range(2015, 2025):
            assert (currency, year) in table, (currency, year)


def test_the_table_names_its_source() -> None:
    readme = (resources.files("transform") / "reference" / "README.md").read_text("utf-8")
    assert "fx_rates.csv" in readme and "Federal Reserve" in readme and "G.5A" in readme
    path = resources.files("transform") / "reference" / "fx_rates.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"currency", "year", "units_per_usd", "source_quote"} <= set(rows[0])
    assert all(float(r["units_per_usd"]) > 0 for r in rows)


def test_rates_are_plausible() -> None:
    # Coarse bounds: catch a unit or direction error (USD per EUR entered as EUR per USD).
    bounds = {
        "CNY": (6, 7.5),
        "EUR": (0.8, 1.0),
        "GBP": (0.6, 0.85),
        "INR": (60, 90),
        "JPY": (100, 160),
    }
    for (currency, _), value in rates().items():
        if currency in bounds:
            lo, hi = bounds[currency]
            assert lo <= value <= hi, (currency, value)


def test_the_2024_sci_tech_budget_matches_the_stated_conversion() -> None:
    # 370.8 billion yuan is stated as US$51.5 billion (seed 002).
    assert to_usd(370.8e9, "CNY", 2024) == pytest.approx(51.5e9, rel=0.005)


def test_usd_unknown_and_missing() -> None:
    assert to_usd(5.0, "USD", None) == 5.0
    assert to_usd(5.0, "usd", 2031) == 5.0
    assert to_usd(5.0, "CNY", None) is None
    assert to_usd(5.0, "CNY", 1999) is None
    assert to_usd(5.0, "XYZ", 2024) is None
    assert rate("EUR", 2023) == pytest.approx(1 / 1.0817, rel=1e-4)
