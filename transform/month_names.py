"""Month names as the text writes them, full or abbreviated, in title or upper case.

`dates.py` builds its month-name pattern from these keys and reads a matched name back to
its number with this table.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    start=1,
):
    MONTHS[_name] = _i
    MONTHS[_name.upper()] = _i
    if _name != "May":
        MONTHS[_name[:3]] = _i
        MONTHS[_name[:3].upper()] = _i
MONTHS["Sept"] = 9
MONTHS["SEPT"] = 9
