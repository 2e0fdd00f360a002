"""Finding the earlier event a name repeats, without comparing it with every earlier one.

A long page (a review's whole year, an archive page) can report hundreds of meetings;
comparing each new name with all the earlier ones makes one document cost the square of its
length. Two names can only be similar when they share a distinctive word and their ordinals
and years do not clash ("6th" is never "7th"), so an index from (word, ordinal or year) to
names gives the few worth comparing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Generic, TypeVar

from transform.event_matching import distinctive_words, ordinals_and_years, title_similarity

__all__ = ["NameIndex"]

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Items under their names; `find` gives the earliest item whose name is similar."""

    def __init__(self, threshold: float) -> None:
        self._threshold = threshold
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._by_word_marker: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        self._items: list[tuple[str, T]] = []

    def add(self, name: str, item: T) -> None:
        k = len(self._items)
        self._items.append((name, item))
        markers = ordinals_and_years(name) or frozenset({None})
        for word in distinctive_words(name):
            self._by_word[word].append(k)
            for marker in markers:
                self._by_word_marker[(word, marker)].append(k)

    def find(self, name: str) -> T | None:
        """The first-added item whose name has `title_similarity` >= the threshold."""
        words = distinctive_words(name)
        markers = ordinals_and_years(name)
        ks: set[int] = set()
        for w in words:
            if not markers:
                ks.update(self._by_word.get(w, ()))
                continue
            for marker in (*markers, None):
                ks.update(self._by_word_marker.get((w, marker), ()))
        for k in sorted(ks):
            other, item = self._items[k]
            if title_similarity(other, name) >= self._threshold:
                return item
        return None
