"""Project names: the head noun and type of a noun phrase, whether it is a proper name,
its cleaned form, acronym expansion, and whether two names are one project."""

from __future__ import annotations

import re
from functools import lru_cache

from transform import project_cues as cues
from transform import project_rules as rules
from transform.event_context import EventDoc
from transform.organisations import curated_organisations


@lru_cache(maxsize=4096)
def project_type_of(name: str, appos: str | None = None) -> tuple[str, str] | None:
    """(head word, type key) of a project noun phrase; type key "lab" is decided later.

    The head is the last project noun before the name's complements ("laboratory" in
    "Joint laboratory of Pharmaceutical Biotechnology"), else in the whole name
    ("Climate Science for Service Partnership China"); an apposition ("an optical chip")
    decides for a bare name ("Taichi-II"); a Chinese mission name ("Shenzhou-14") is a
    space mission.
    """
    for text in (name, appos or ""):
        if not text:
            continue
        core = rules.CORE_SPLIT.split(text, maxsplit=1)[0]
        if cues.FUND_PROGRAMME.search(core):
            return "fund", "programme"  # "UK-China Research and Innovation Fund"
        last = text.split()[-1]
        if last[:1].isupper() and core != text:
            # a proper name ends with its head: "IT Innovation Lab in Schools Programme"
            for pattern, kind in rules.HEAD_RES:
                if pattern.fullmatch(last):
                    return last.lower(), kind
        for scope in (core, text):
            found: list[tuple[int, int, str, str]] = []
            for rank, (pattern, kind) in enumerate(rules.HEAD_RES):
                for m in pattern.finditer(scope):
                    found.append((m.end(), rank, m.group(0).lower(), kind))
            if found:
                # the last head wins; at one end, the longer phrase ("power plant")
                found.sort(key=lambda f: (-f[0], f[1]))
                _, _, head, kind = found[0]
                return head, kind
        if rules.SPACE_NAMES.search(text):
            return "mission", "space_mission"
    if rules.SPACE_NAMES.search(name):
        return "mission", "space_mission"
    return None


def is_named(np: str, sentence_initial: bool = True) -> bool:
    """A proper name: a capitalised word (the first only when it does not open the
    sentence), a word with a digit ("Queqiao-2"), a version ("Jiuzhang 4.0"), quotes."""
    if rules.QUOTE_WORD.search(np):
        return True
    words = np.split()
    for i, w in enumerate(words):
        if rules.DIGIT_WORD.search(w) or (i > 0 and rules.VERSION.fullmatch(w)):
            return True
        if (i > 0 or not sentence_initial) and w[:1].isupper():
            return True
    return len(words) == 1 and words[0][:1].isupper()


def clean_name(np: str) -> str:
    name = rules.DETERMINER.sub("", rules.LEADING_JUNK.sub("", np).strip(" ,;:'\""), count=1)
    name = rules.TRAILING_ACRONYM.sub("", name)
    name = rules.LEADING_ADVERB.sub("", name)
    name = rules.LEADING_MEASURE.sub("", name)
    return name.strip(" ,;:")


@lru_cache(maxsize=1)
def curated_acronyms() -> dict[str, str]:
    return {o.acronym: o.name for o in curated_organisations() if o.acronym}


def expand_acronym(ctx: EventDoc, name: str) -> str:
    """ "CPJRC" -> the document's definition; "CSSP China" -> the curated name."""
    key = name.strip()
    if key.isupper() or " " not in key:
        if key in ctx.learned:
            return ctx.learned[key]
    if key in curated_acronyms():
        return curated_acronyms()[key]
    # "SBCC was inaugurated" under the heading "UK-China Science Bridge Concrete Centre"
    return ctx.spelled_out(key) or name


def status_of(verb_status: str, future: bool, kind: str, word: str) -> str:
    """The status the verb gives this kind of project: a result "built" or "created" is
    developed; a facility or centre "built" is completed, one "developed" established."""
    if future:
        return "planned"
    if kind == "research_result" and verb_status == "established":
        return "developed"
    if verb_status == "developed" and kind in ("facility", "research_center", "lab"):
        if word.startswith(("buil", "construct")):
            return "completed"
        return "established"
    return verb_status


def same_project(a: str, b: str) -> bool:
    """Two names of one project: most of the shorter name's words are in the longer one,
    and their complements do not tell two projects apart ("Joint Laboratory for Artificial
    Intelligence" and "Joint Laboratory for Agriculture" are two)."""
    stop = {"the", "of", "for", "and", "a", "an"}
    ta = {t.lower() for t in rules.NAME_WORDS.findall(a)} - stop
    tb = {t.lower() for t in rules.NAME_WORDS.findall(b)} - stop
    if not ta or not tb:
        return False
    if len(ta & tb) / min(len(ta), len(tb)) < 0.6:
        return False
    ca, cb = _complement(a) - stop, _complement(b) - stop
    return not (ca and cb and ca.isdisjoint(cb))


def _complement(name: str) -> set[str]:
    """The words of a name after its head's complement word ("for", "of", "on")."""
    parts = rules.CORE_SPLIT.split(name, maxsplit=1)
    return {t.lower() for t in rules.NAME_WORDS.findall(parts[1])} if len(parts) > 1 else set()


@lru_cache(maxsize=4096)
def name_marks(name: str) -> tuple[str, ...]:
    """The words of a name that mark it in a later sentence ("Chang'e-6", "JUNO")."""
    return tuple(
        w for w in name.split() if len(w) > 3 and (rules.DIGIT_WORD.search(w) or w.isupper())
    )


# two or more capitalised words: a proper name, not "the second phase"
_NAMED_AFTER_THE = re.compile(r"[A-Z][\w-]*\s+(?:(?:of|for|on|and)\s+)?[A-Z]")
# ... and not an organisation ("the X Platform and the Kenya Space Agency")
_ORGANISATION_WORD = re.compile(
    r"\b(?:Agency|Agencies|Ministry|Ministries|University|Universities|Academy|Government"
    r"|Administration|Department|Office|Council|Commission|Corporation|Company|Bureau|School"
    r"|Foundation|Embassy|Authority|Association|Society|Federation|Union)\b"
)


def split_coordination(name: str) -> list[str]:
    """The projects one phrase names: "the X Center of CAS and the Y Branch of UCAS" is two,
    each side with its own head noun before its complements; "Center for Drug Research and
    Development of CAS" is one (no head noun in "Development"); "CBERS-1, -2 and CBERS-2B
    satellites" are three."""
    listed = cues.NAMED_LIST.match(name)
    if listed is not None:
        items: list[str] = []
        for item in cues.LIST_SEPARATOR.split(listed.group("items")):
            if item.startswith("-") and items:
                item = items[-1].rsplit("-", 1)[0] + item  # "CBERS-1 and -2": "CBERS-2"
            items.append(item)
        return items
    for m in cues.COORDINATION.finditer(name):
        left, right = name[: m.start()], name[m.end() :]
        left_core = rules.CORE_SPLIT.split(left, maxsplit=1)[0]
        left_head = project_type_of(left_core)
        # the left side ends its core with its head ("the X Center of CAS and ..."); "Belt
        # and Road Material Joining and Advanced Manufacturing Joint Laboratory" is one lab
        # whose fields are listed ("Material" is no head where it does not end the core)
        if left_head is None or not re.search(
            re.escape(left_head[0]) + r"s?$", left_core.strip().lower()
        ):
            continue
        if all(
            project_type_of(rules.CORE_SPLIT.split(side, maxsplit=1)[0]) is not None
            and is_named(side, False)
            for side in (left, right)
        ):
            return [left, *split_coordination(right)]
        if (
            m.group(0).rstrip().endswith(" the")
            and _NAMED_AFTER_THE.match(right)
            and not _ORGANISATION_WORD.search(right)
        ):
            # "the X Trading Platform and the Innovation Space for Y Talents were launched":
            # a second article opens a second proper name, a project of the same kind
            return [left, *split_coordination(right)]
    return [name]


def one_project_noun(core: str, head: str) -> bool:
    """Whether a name's core (before its complements) is one project: not a thing that is
    no project ("the draft report") unless its last word is a project noun, and not a
    plural ("two satellites", "smart grid technologies"), save a list of named items
    ("Gaofen-11 and Gaofen-12 satellites", one project each: `split_coordination`)."""
    core_words = core.split()
    core_lower = [w.strip(rules.PUNCT).lower() for w in core_words]
    if (
        head != "fund"
        and not rules.NOT_PROJECT_WORDS.isdisjoint(core_lower)
        and not (core_words and project_type_of(core_words[-1]) is not None)
    ):
        return False
    if cues.NAMED_LIST.match(core):
        return True
    if head.endswith("s") and not head.endswith("ss") and head not in ("qubits",):
        return False  # a plural head: several things, not one project
    if any(w.lower() == head + "s" or w.lower() == head[:-1] + "ies" for w in core_words):
        return False
    return not (
        core_words
        and core_words[-1].islower()
        and core_words[-1].endswith("s")
        and not core_words[-1].endswith(("ss", "ics", "us", "is"))
    )


def concrete_project(name: str) -> bool:
    """A name with a head other than cooperation itself: "International Lunar Research
    Station cooperation" (a station), "Centre of Excellence for X" (a centre); not "Science
    and Technology Cooperation" (a framework of cooperation, no project)."""
    typed = project_type_of(cues.COOPERATION_TAIL.sub("", name))
    return typed is not None and typed[1] != "programme"


def code_name_given(name: str) -> tuple[str, str] | None:
    """(description, name) of "a relay satellite called Queqiao-2" or "a prototype named
    Zuchongzhi 3.0": a code or version name after "named"/"called" (a plain word such as
    "a robotic chemist named Luke" stays a description)."""
    m = rules.NAMED_CALLED.search(name)
    if m is None or not cues.CODED_NAME.match(name, m.end()):
        return None
    return name[: m.start()], name[m.end() :].strip(" ‘’“”\"'")
