"""Finding the earlier event a name repeats, without comparing it with every earlier one.

A long page (a review's whole year, an archive page) can report hundreds of meetings;
comparing each new name with all the earlier ones makes one document cost the square of its
length. Names are filed and looked up under the blocking keys consolidation uses
(`event_matching.blocking_keys`: a shared distinctive word, ordinals that do not clash), so
only the few names that can be similar are compared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Generic, TypeVar

from transform.event_matching import blocking_keys, title_similarity

__all__ = ["NameIndex"]

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Items under their names; `find` gives the earliest item whose name is similar."""

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        self._by_key: dict[object, list[int]] = defaultdict(list)
        self._items: list[tuple[str, T]] = []

    def add(self, name: str, item: T) -> None:
        k = len(self._items)
        self._items.append((name, item))
        for key in blocking_keys(name)[0]:
            self._by_key[key].append(k)

    def find(self, name: str) -> T | None:
        """The first-added item whose name has `title_similarity` >= the threshold."""
        ks = {k for key in blocking_keys(name)[1] for k in self._by_key.get(key, ())}
        for k in sorted(ks):
            other, item = self._items[k]
            if title_similarity(other, name) >= self._threshold:
                return item
        return None
