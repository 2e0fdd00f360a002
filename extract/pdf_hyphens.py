"""Words hyphenated at a line end: joined back unless the hyphen is part of the word.

Justified two-column text is hyphenated heavily (a third of the lines of a narrow column
can end in "-"); a fact extractor looking for "released" does not find "re-leased", while
"China-Brazil" or "two-column" must keep their hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from extract.pdf_model import Group

_CORE = re.compile(r"^[^\w]+|[^\w]+$")
# First halves that make compounds rather than start a split word ("non-discriminatory",
# "semi-solid", "self-reliance"); prefixes that as often begin a closed word ("co", "re",
# "high": "cooperation", "research", "highlighted") are left out.
COMPOUND_PREFIXES = frozenset(
    "anti cross extra inter-state mega multi non post pre-eminent quasi self semi sub-saharan "
    "ultra vice".split()
)
# Second halves that only occur as the tail of a compound ("lithium-ion", "e-commerce" at a
# break, "win-win"); a hyphenation program never leaves these alone at a line start.
COMPOUND_TAILS = frozenset(
    "ion based led related oriented driven scale level term wide tech".split()
)
# Adjectives that open many open compounds in this domain ("high-performance",
# "low-carbon", "newly-appointed" by its "-ly"); kept only before a tail of four letters or
# more, since a hyphenation program can leave "est" or "er" ("small-est").
COMPOUND_HEADS = frozenset("high low well half full long short large small forward".split())


def _core(token: str) -> str:
    return _CORE.sub("", token)


def join_hyphenated(head: str, tail: str, vocabulary: Collection[str] = ()) -> str:
    """Join `head` (ending in "-" at a line end) with `tail` (starting the next line).

    Justified columns hyphenate often and real compounds rarely fall at a line end, so a
    hyphen between lowercase letters goes ("technol-" + "ogy": "technology") unless the
    document says the hyphen is real. Evidence, in order: the joined form elsewhere in the
    document (`vocabulary`, lowercased) joins; the hyphenated form elsewhere keeps it
    ("long-term"), as do a head already hyphenated ("year-on-" + "year"), a compound prefix
    ("non-", "self-"), a compound tail ("lithium-" + "ion", "data-" + "driven") and a
    repeated half ("win-win"). "Al-" + "Farabi", "Queqiao-" + "2" keep it: not lowercase.
    """
    stem = head[:-1]
    if not stem or not tail:
        return head + tail
    if not (stem[-1].isalpha() and tail[0].isalpha()):
        return head + tail
    left = _core(stem).lower()
    right = _core(tail).lower()
    if not left or not right:
        return head + tail
    if left + right in vocabulary:  # also "CP-" + "PCC)" where "CPPCC" occurs
        return stem + tail
    stem_core, tail_core = _core(stem).rsplit("-", 1)[-1], _core(tail)
    if stem_core.isupper() and tail_core.isupper() and stem_core.isalpha() and tail_core.isalpha():
        # An acronym split by a hyphenator that breaks words in capitals (Word's default,
        # LibreOffice): "CP-" + "PCC". Two acronyms joined by a real hyphen ("UK-EU") are
        # each used on their own elsewhere.
        if left.rsplit("-", 1)[-1] in vocabulary or right in vocabulary:
            return head + tail
        return stem + tail
    if not (stem[-1].islower() and tail[0].islower()):
        return head + tail
    last_part = left.rsplit("-", 1)[-1]
    if f"{left}-{right}" in vocabulary or f"{last_part}-{right}" in vocabulary:
        return head + tail
    if last_part + right in vocabulary:  # "new-en-" + "ergy": "energy" occurs
        return stem + tail
    if "-" in left and len(last_part) >= 2 and right in vocabulary:
        return head + tail
    if last_part in COMPOUND_PREFIXES and len(right) >= 4:
        return head + tail
    if right in COMPOUND_TAILS or last_part == right:
        return head + tail
    if len(right) >= 4 and (last_part in COMPOUND_HEADS or last_part.endswith("ly")):
        return head + tail
    return stem + tail


def vocabulary_of(groups: Sequence[Group]) -> set[str]:
    """Lowercased word forms of the document, without line-end fragments and their tails."""
    vocab: set[str] = set()
    for group in groups:
        after_hyphen = False
        for line in group.lines:
            words = line.words
            for i, w in enumerate(words):
                if i == 0 and after_hyphen:
                    continue
                if i == len(words) - 1 and w.text.endswith("-"):
                    continue
                core = _core(w.text).lower()
                if core:
                    vocab.add(core)
                    if "-" in core:  # "year-on-year" also vouches for "year"
                        vocab.update(part for part in core.split("-") if part)
            after_hyphen = words[-1].text.endswith(("-", "\u00ad"))
    return vocab
