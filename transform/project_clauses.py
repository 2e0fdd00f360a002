"""Clause grammar for the project extractor: what the words right before an event verb
say (passive, future, intention, relative clause, source), the noun phrase before or after
the verb, the clause around it, and where event verbs stand in a sentence."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from transform import project_cues as cues
from transform import project_rules as rules
from transform import project_verbs as verbs
from transform.sentences import Sentence


def last_words(tail: str, n: int = 8) -> list[str]:
    """The last `n` words before the verb, lower-cased; a word ending a clause (",", ";")
    and everything before it are dropped, so a check never reaches into another clause."""
    words = tail.lower().split()[-n:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].endswith((",", ";", ":", ".", "—", "–")) or words[i] in ("—", "–"):
            return [w.strip(rules.PUNCT) for w in words[i + 1 :]]
    return [w.strip(rules.PUNCT) for w in words]


def skip_adverbs(words: list[str]) -> list[str]:
    end = len(words)
    while end and (
        words[end - 1] in rules.ADVERBS
        or (words[end - 1].endswith("ly") and len(words[end - 1]) > 4)
    ):
        end -= 1
    return words[:end]


def is_passive(words: list[str]) -> bool:
    w = skip_adverbs(words)
    return bool(w) and w[-1] in rules.AUX


def is_future(words: list[str]) -> bool:
    w = skip_adverbs(words)
    if w and w[-1] == "be":
        w = skip_adverbs(w[:-1])
    if not w:
        return False
    if w[-1] in rules.MODALS:
        return True
    return w[-1] == "to" and len(w) >= 2 and w[-2] in rules.BEFORE_TO_FUTURE


def is_intention(words: list[str]) -> bool:
    """ "encourage the establishment of", "called for setting up", "the process of
    developing": the marker ends at most three words (an article and two) before the verb."""
    for j in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[j] in rules.INTENT_WORDS or (
            j > 0 and (words[j - 1], words[j]) in rules.INTENT_PAIRS
        ):
            return True
    return False


def has_perfect(words: list[str]) -> bool:
    w = skip_adverbs(words)
    return bool(w) and w[-1] in rules.HAVE


def is_relative(words: list[str]) -> bool:
    """A relative pronoun among the last five words ("the satellite that China launched"),
    unless it introduces reported speech ("said that China launched")."""
    for j in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[j] in rules.RELATIVES:
            return not (words[j] == "that" and j > 0 and words[j - 1] in rules.SPEECH)
        if words[j] == "they" and j > 0 and words[j - 1] == "where":
            return True
    return False


def is_source(text: str, start: int, pos: int) -> bool:
    """Whether the words before `pos` (same clause, ~12 words) make what follows a source,
    a certifier or a comparison ("according to", "certified by", "compared to")."""
    words = last_words(text[max(start, pos - 90) : pos], 12)
    if rules.SOURCE_WORDS.intersection(words):
        return True
    return any(
        a == "interest" and b in ("for", "in") for a, b in zip(words, words[1:], strict=False)
    )


def protect(seg: str) -> str:
    """`seg` with bracketed acronyms and decimals masked, so that "Einstein Probe (EP)" and
    "CARES Copilot 1.0" are not cut at their punctuation."""
    seg = rules.ACRONYM_IN_BRACKETS.sub(lambda x: "_" * len(x.group(0)), seg)
    return rules.DECIMAL.sub(lambda x: "0" * len(x.group(0)), seg)


def np_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The noun phrase starting at `pos` (object of an active verb): (start, end); empty
    when a preposition follows the verb ("opened on Tuesday in ...")."""
    m = rules.ADVERBS_AFTER_VERB.match(text, pos, limit)
    s = m.end() if m else pos
    if rules.PREPOSITION_FIRST.match(text, s, limit):
        return s, s
    seg = text[s:limit]
    b = rules.NP_BOUNDARY.search(protect(seg))
    end = s + (b.start() if b else len(seg))
    more = cues.NAME_GOES_ON.match(text, end, limit)
    return s, more.end() if more is not None else end


def nominal_np(text: str, pos: int, limit: int) -> tuple[int, int]:
    """The project named after a nominal trigger ("the unveiling ceremony of <X and the
    Y>"): up to the verb, a clause mark or a place or time phrase; "and" does not end it
    (`split_coordination` separates two projects)."""
    seg = text[pos:limit]
    b = cues.NOMINAL_NP_END.search(protect(seg))
    seg = seg[: b.start() if b else len(seg)].rstrip()
    stray = cues.STRAY_CAPITAL.match(seg)
    if stray is not None:
        seg = stray.group(1)  # "the satellite Live on national TV": "the satellite"
    return pos, pos + len(seg)


def np_before(text: str, clause_start: int, pos: int, last_chunk: bool = False) -> tuple[int, int]:
    """The subject noun phrase ending before `pos` (passive or intransitive verb).

    A passive verb's subject is the phrase right before it ("..., two reports, X and Y,
    were released": not the organisations listed first); an intransitive verb's is the
    first phrase, before any apposition ("The plant, located in ..., started operations").
    """
    lead = rules.LEAD_ADVERBIAL.match(text, clause_start, pos)
    s = lead.end() if lead else clause_start
    # drop what stands between the subject and its verb: "will be", "has been", "is to be"
    end = pos
    while end > s:
        m = rules.LAST_WORD.search(text, s, end)
        if m is None:
            break
        w = m.group(1).lower()
        if w not in rules.AUX and w not in rules.SUBJECT_TRAILERS and w not in rules.ADVERBS:
            break
        end = m.start()
    if last_chunk:
        k = protect(text[s:end]).rstrip(" ,").rfind(", ")
        if k >= 0 and rules.RELATIVE_CHUNK.match(text, s + k + 2):
            return end, end  # "..., which was unveiled on 20 May": a relative clause
        if k >= 0 and not rules.PARTICIPLE_CHUNK.match(text, s + k + 2):
            s = s + k + 2  # "..., two reports, X and Y, were released": the last phrase
    inner = rules.INNER_ARTICLE.search(text, s + 1, end)
    if inner is not None:
        s = inner.start() + 1  # "Budget 2024 A laboratory ...": glued text, the last phrase
    seg = text[s:end]
    cut = rules.SUBJECT_CUT.search(protect(seg))
    e = s + len(seg[: cut.start() if cut else len(seg)].rstrip(" ,"))
    return s, e


def clause_start_of(text: str, s_start: int, pos: int) -> int:
    """Start of the clause the verb at `pos` belongs to (after "; " or a dash)."""
    seg = text[s_start:pos]
    k = max(seg.rfind("; "), seg.rfind(" – "), seg.rfind(" — "))
    return s_start + k + 2 if k >= 0 else s_start


def clause_end_of(text: str, pos: int, s_end: int) -> int:
    m = rules.CLAUSE_END.search(text, pos, s_end)
    return m.start() if m else s_end


class Verb(NamedTuple):
    """An event verb found in a sentence: where it stands (document offsets), the words
    as written in lower case, and its `VERB_STATUS` key."""

    start: int
    end: int
    word: str
    key: str


def verbs_in(s: Sentence, anchors: AbstractSet[str]) -> list[Verb]:
    """Event verbs of sentence `s`, in order, tried only where an anchor word stands. The
    sentence alone is lower-cased: lower-casing a whole document with curly quotes in it
    costs more than reading all its verbs."""
    lower = s.text.lower()
    if len(lower) != len(s.text):  # a letter whose lower case is longer ("İ"): keep it
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in s.text)
    found = []
    for word in anchors:
        pos = lower.find(word)
        while pos >= 0:
            end = pos + len(word)
            before_ok = pos == 0 or not lower[pos - 1].isalnum()
            if before_ok and pos > 0 and lower[pos - 1] == "-":
                # "co-developed" is a verb, "self-developed" or "newly-built" an adjective
                before_ok = lower[max(0, pos - 3) : pos] == "co-"
            if before_ok and (end >= len(lower) or not lower[end].isalnum()):
                m = verbs.VERB_RE.match(lower, pos)
                if m is not None and _attributive(lower, pos, m.group(0)):
                    m = None
                if m is not None:
                    found.append(
                        Verb(s.start + pos, s.start + m.end(), m.group(0), m.lastgroup or "")
                    )
            pos = lower.find(word, end)
    found.sort(key=lambda v: v.start)
    return found


_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
_NOT_A_NOUN = frozenset(
    "in on at by for from to with into as and or but since under after before during of"
    " the a an its their this that".split()
)


def _attributive(lower: str, pos: int, word: str) -> bool:
    """A participle before its noun ("Fully constructed station covered ...", "the newly
    built lab"): it describes the noun, reports no event. Only after a determiner, or after
    an '-ly' adverb that follows one or opens a clause, and before a lower-case noun."""
    if not word.endswith(("ed", "built")):
        return False
    before = lower[:pos].split()[-2:]
    if not before:
        return False
    if before[-1] not in cues.NOUN_DETERMINERS:
        if not before[-1].endswith("ly"):
            return False
        opens = len(before) == 1 or before[0].endswith((".", ",", ";", ":"))
        if not opens and before[0] not in cues.NOUN_DETERMINERS:
            return False
    nxt = _NEXT_WORD.match(lower, pos + len(word))
    return nxt is not None and nxt.group(1) not in _NOT_A_NOUN


def as_noun(word: str, words: list[str]) -> bool:
    """A bare verb form ("launch", "opening" aside) after a determiner, possibly with one
    adjective between ("the successful launch"), is a noun."""
    if word.endswith(("ed", "ing", "es", "s")) or " " in word or not words:
        return False
    if words[-1] in cues.NOUN_DETERMINERS or words[-1].endswith(("'s", "’s")):
        return True
    return (
        len(words) > 1
        and words[-2] in cues.NOUN_DETERMINERS
        and words[-1].endswith(cues.ADJECTIVE_ENDINGS)
    )


def launches_no_project(text: str, ve: int) -> bool:
    """Whether what "launched" takes is no project ("launched a campaign", "launched an
    investigation"): the first word after the verb and its article, in `NOT_LAUNCHED_WORDS`."""
    after = text[ve : ve + 40].lower().split()[:3]
    if after and after[0] in ("a", "an", "the"):
        after = after[1:]
    return bool(after) and after[0].strip(rules.PUNCT) in rules.NOT_LAUNCHED_WORDS
