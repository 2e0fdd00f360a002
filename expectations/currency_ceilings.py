"""The largest plausible single amount per currency: the bound the amount checks compare to.

Its own module because two sides need it without needing each other: the suite loader reads
the ceilings from `suites/_currency_ceilings.toml`, the derived columns put them beside each
amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class CurrencyCeilings:
    """The largest plausible single amount per currency (in currency units), and a default.

    A figure above its ceiling is a unit or parsing error ("1.5 trillion" read as 1.5e15, two
    numbers run together). The ceilings sit well above the largest national budget in each
    currency, so no real figure trips them.
    """

    by_currency: Mapping[str, float]
    default: float

    def for_codes(self, codes: pd.Series) -> pd.Series:
        return pd.Series(
            [
                self.by_currency.get(c, self.default) if isinstance(c, str) else self.default
                for c in codes
            ],
            index=codes.index,
            dtype="float64",
        )
