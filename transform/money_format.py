"""Writing amounts the way sources do: the inverse of parsing.

The property test round-trips every spelling made here through `money.parse_amounts`;
anyone who needs to print an amount as a source would can use it too.
"""

from __future__ import annotations

from decimal import Decimal

from transform.money_words import SCALES, SHORT_SCALES

__all__ = ["CURRENCY_STYLES", "FORMAT_CURRENCIES", "FORMAT_SCALES", "format_amount"]

_SYMBOLS: dict[str, str] = {
    "USD": "US$",
    "CNY": "¥",
    "EUR": "€",
    "GBP": "£",
    "INR": "₹",
    "JPY": "JP¥",
    "HKD": "HK$",
    "KRW": "₩",
}
_WORDS: dict[str, str] = {
    "USD": "US dollars",
    "CNY": "yuan",
    "EUR": "euros",
    "GBP": "pounds",
    "INR": "rupees",
    "JPY": "yen",
    "HKD": "Hong Kong dollars",
    "KRW": "Korean won",
}
FORMAT_CURRENCIES: tuple[str, ...] = tuple(_SYMBOLS)
CURRENCY_STYLES: tuple[str, ...] = ("symbol", "code", "word", "code_spaced")
FORMAT_SCALES: tuple[str | None, ...] = (
    None,
    "thousand",
    "million",
    "billion",
    "trillion",
    "k",
    "m",
    "bn",
    "mn",
    "lakh",
    "crore",
)


def _plain_number(number: Decimal, separators: bool) -> str:
    text = format(number.normalize(), "f")
    if "." in text:
        whole, frac = text.split(".", 1)
        frac = frac.rstrip("0")
    else:
        whole, frac = text, ""
    if separators:
        whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


def format_amount(
    value: Decimal | int | float | str,
    currency: str,
    *,
    scale: str | None = None,
    currency_style: str = "code",
    separators: bool = False,
    qualifier: str | None = None,
) -> str:
    """Spell `value` in `currency` the way sources do, e.g. "US$51.5 billion", "Rs 10 crore".

    `currency_style`: "symbol" ("€5m"), "code" ("EUR5m"), "code_spaced" ("EUR 5m") or
    "word" ("5m euros"). `scale`: a key of `SCALES` or None.
    """
    number = Decimal(str(value))
    if scale is not None:
        number = number / SCALES[scale]
    num = _plain_number(number, separators)
    if scale is not None:
        num = (
            f"{num}{scale}"
            if scale in SHORT_SCALES or scale in {"bn", "mn"}
            else (f"{num} {scale}")
        )
    if currency_style == "symbol":
        body = f"{_SYMBOLS[currency]}{num}"
    elif currency_style == "code":
        body = f"{currency}{num}" if currency != "INR" else f"Rs{num}"
    elif currency_style == "code_spaced":
        body = f"{currency} {num}" if currency != "INR" else f"Rs {num}"
    elif currency_style == "word":
        body = f"{num} {_WORDS[currency]}"
    else:
        raise ValueError(f"unknown currency_style {currency_style!r}")
    return f"{qualifier} {body}" if qualifier else body
