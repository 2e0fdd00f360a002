"""Converting amounts to US dollars at the year's average rate.

Budgets are compared across countries in USD, but a conversion is only as good as its
rate: the rates are the annual averages in `reference/fx_rates.csv` (Federal Reserve G.5A,
see `reference/README.md`), and a currency or year that table does not hold converts to
None rather than to a guess.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

__all__ = ["rate", "rates", "to_usd"]


@lru_cache(maxsize=1)
def rates() -> dict[tuple[str, int], float]:
    """{(currency, year): units per USD} from the shipped table."""
    path = resources.files("transform") / "reference" / "fx_rates.csv"
    out: dict[tuple[str, int], float] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[(row["currency"].strip().upper(), int(row["year"]))] = float(row["units_per_usd"])
    return out


def rate(currency: str, year: int | None) -> float | None:
    """Units of `currency` per USD, averaged over `year`; None when not known."""
    code = currency.strip().upper()
    if code == "USD":
        return 1.0
    if year is None:
        return None
    return rates().get((code, year))


def to_usd(amount: float, currency: str, year: int | None) -> float | None:
    """`amount` of `currency` in USD at `year`'s average rate, or None without a rate.

    USD amounts come back unchanged whatever the year; rounding is to whole cents.
    """
    r = rate(currency, year)
    if r is None:
        return None
    return round(amount / r, 2)
