"""Projects read from several places of one document: a project first described ("a centre
for joint research on environmental protection", "an initiative to raise people's health
awareness") takes the proper name its section heading or a later sentence gives it ("Popular
Health Action Launched", "The Sh3 billion Sino-Africa Joint Research Centre will ..."), and
two readings of one project (a caption and the body, an inauguration and the agreement
signed the same day) become one."""

from __future__ import annotations

import re
from functools import lru_cache

from transform import project_cues as cues
from transform.event_context import EventDoc
from transform.participants import countries_named
from transform.project_attach import Draft
from transform.project_names import is_named, name_marks, project_type_of, same_project

__all__ = ["merge_drafts"]


@lru_cache(maxsize=64)
def _named_head(head: str) -> re.Pattern[str]:
    """A capitalised name ending with `head` ("Sino-Africa Joint Research Centre"), with the
    serial glued to it ("Kenyan Relay Satellite-2B"), which tells one of a series from another."""
    forms = {head, cues.HEAD_SPELLINGS.get(head, head)}
    alternation = "|".join(re.escape(f[:1].upper() + f[1:]) for f in sorted(forms))
    return re.compile(
        r"(?<![\w'’-])(?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Z][\w'’.-]*|of|for|on|and)\s+){0,8}?"
        r"(?:" + alternation + r")(?:-\w*\d\w*)?\b"
        r"(?:\s+(?:of|for|on)\s+(?:[A-Z][\w'’.-]*(?:\s+|$))+)?"
    )


def _from_heading(ctx: EventDoc, d: Draft) -> str | None:
    """The name a section heading right before the event sentence gives ("Popular Health
    Action Launched" over "An initiative ... was kicked off on March 16")."""
    i = d.sentence - 1
    if i < 0 or ctx.body[i]:
        return None
    m = cues.HEADING_EVENT.match(ctx.sentences[i].text)
    if m is None or not is_named(m.group("name"), False):
        return None
    if cues.NOT_A_HEADING_NAME.search(m.group("name")):
        return None
    if len(m.group("name").split()) == 1 and countries_named(m.group("name")):
        return None  # "China launches ocean-observing satellite": the launcher, not a name
    return m.group("name").strip()


def _words(name: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_short_form(name))} - cues.NAME_STOP_WORDS


def _short_form(name: str) -> str:
    """ "Chinese Academy of Sciences (CAS) Innovation Center" -> "CAS Innovation Center":
    a long form defined by its bracketed acronym, as a page's headline writes it."""
    m = cues.DEFINED_ACRONYM.search(name)
    if m is None:
        return name
    words = name[: m.start()].split()
    capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
    n = len(m.group(1))
    if len(capitals) < n:
        return name
    first = capitals[-n]
    if "".join(words[i][0] for i in capitals[-n:]) != m.group(1):
        return name
    return " ".join([*words[:first], m.group(1)]) + name[m.end() :]


_WORD = re.compile(r"[A-Za-z]{4,}")


def _shared(a: set[str], b: set[str]) -> int:
    """Words of `a` found in `b`, a word matching one it begins ("ocean-observing" and
    "Oceanography")."""
    return sum(1 for w in a if any(v.startswith(w) or w.startswith(v) for v in b))


_CODE_AFTER = re.compile(r"\s*(\([A-Z][A-Z0-9]*-?\d[\w-]*\))")


def _from_later(ctx: EventDoc, d: Draft) -> str | None:
    """The proper name of the draft's kind that the next sentences give it, sharing most
    words with its description ("a centre for joint research on ..." -> "Sino-Africa Joint
    Research Centre", not another institute named nearby)."""
    start = ctx.sentences[d.sentence].end
    window = ctx.text[start : start + cues.RENAME_WINDOW]
    described = _words(d.name) - {d.head, cues.HEAD_SPELLINGS.get(d.head, d.head)}
    best: tuple[int, str] | None = None
    for m in _named_head(d.head).finditer(window):
        name = re.sub(r"^The\s+", "", m.group(0).strip().rstrip(".,;:"))
        code = _CODE_AFTER.match(window, m.end())
        if code is not None:
            name += " " + code.group(1)  # "... Satellite (PRSS-1)": the code is part of it
        if len([w for w in name.split() if w[:1].isupper()]) < 2:
            continue
        typed = project_type_of(name)
        shared = _shared(described, _words(name))
        if (
            typed is not None
            and typed[1] == d.head_type
            and shared
            and (best is None or shared > best[0])
        ):
            best = (shared, name)
    return best[1] if best else None


def _name_after_head(ctx: EventDoc, d: Draft) -> str | None:
    """A mission named after its head noun in the next sentences ("Bolivia's first
    telecommunications satellite" ... "the launch of satellite Tupac Katari"): two or more
    capitalised words or a code name right after the lower-case head."""
    if d.head_type != "space_mission" or not d.head.isalpha():
        return None
    start = ctx.sentences[d.sentence].end
    window = ctx.text[start : start + cues.RENAME_WINDOW]
    m = re.search(r"\b" + re.escape(d.head) + cues.NAME_AFTER_HEAD, window)
    return m.group("n") if m is not None else None


def _absorb(into: Draft, other: Draft) -> None:
    """What a second reading of one project adds to the first (its name too, where the
    first only described it)."""
    if not into.named and other.named:
        into.name, into.named = other.name, True
    into.event_date = into.event_date or other.event_date
    into.place = into.place or other.place
    into.funding = into.funding or other.funding
    into.countries.extend(c for c in other.countries if c not in into.countries)
    into.orgs.extend(o for o in other.orgs if o not in into.orgs)


def _bare_head(name: str, head: str) -> bool:
    """A name that is the head noun alone ("The Centre has been established at X"): the text
    refers back to the project of that head it has just named, it introduces no new one."""
    words = name.lower().split()
    return len(words) == 1 and cues.HEAD_SPELLINGS.get(words[0], words[0]) in {
        head,
        cues.HEAD_SPELLINGS.get(head, head),
    }


def _nationality_description(d: Draft) -> bool:
    """A name that only describes its project by whom it is for or from ("an Australian
    communications satellite", "a communications satellite for Kenya"): its lower-case head
    ends it or is followed only by 'for/from <country>', and its only capitalised words are
    countries or their adjectives, so the proper name the next sentences give names it (one
    launch, not two)."""
    words = d.name.split()
    heads = [i for i, w in enumerate(words) if w in {d.head, cues.HEAD_SPELLINGS.get(d.head)}]
    if len(words) < 2 or not heads:
        return False
    after = words[heads[-1] + 1 :]  # "for Kenya"
    if after and (after[0] not in {"for", "from"} or len(after) == 1):
        return False
    capitals = [w for w in words if w[:1].isupper()]
    return bool(capitals) and all(countries_named(w) for w in capitals)


def _lower_case_in_body(ctx: EventDoc, d: Draft) -> bool:
    """A headline's name the body writes in lower case ("Pakistan Launches Remote Sensing
    Satellite" over "launched a new remote sensing satellite"): the headline capitalises a
    description, so it is the body's project, not a second one."""
    if ctx.body[d.sentence] or len(d.name.split()) < 2:
        return False
    lowered = d.name.lower()
    return any(
        ctx.body[i] and lowered in s.text for i, s in enumerate(ctx.sentences) if i != d.sentence
    )


def _owners_ordinal(ctx: EventDoc, d: Draft) -> bool:
    """ "its fourth Earth Observation Satellite": the owner's count of its missions."""
    at = ctx.text.find(d.name, d.span[0], d.span[1] + 1)
    at = d.span[0] if at < 0 else at
    before = ctx.text[max(0, at - 40) : at]
    return bool(cues.ORDINAL_NAME.match(d.name)) and bool(cues.ORDINAL_OF_OWNER.search(before))


def _describes(ctx: EventDoc, a: Draft, b: Draft) -> bool:
    """`a` only describes a mission that `b`, read from the body, names."""
    if a.head_type != b.head_type or not ctx.body[b.sentence] or not b.named:
        return False
    if _owners_ordinal(ctx, b):
        return False
    return _lower_case_in_body(ctx, a) or _owners_ordinal(ctx, a)


def _named_in_apposition(ctx: EventDoc, a: Draft, b: Draft) -> bool:
    """`b` names, in the next sentence and in apposition to its head noun ("The satellite,
    Gaofen-9 05, was sent into orbit"), the project `a` only described."""
    if a.named or not b.named or b.sentence != a.sentence + 1 or a.head_type != b.head_type:
        return False
    before = ctx.text[max(0, b.span[0] - 40) : b.span[0]]
    return re.search(r"\b[Tt]he\s+" + re.escape(a.head) + r",\s*$", before) is not None


def merge_drafts(ctx: EventDoc, drafts: list[Draft]) -> list[Draft]:
    """Name described projects, then keep one draft per project (the first reading, or the
    body's over a heading's). Two readings are merged only when one is a heading's or was
    named here, or their names are the same: two labs of one review with similar names
    ("... Joint Laboratory for AI", "... Joint Laboratory for Agriculture") stay two."""
    renamed: set[int] = set()
    for d in drafts:
        if cues.OWNER_DESCRIPTION.match(d.name):
            # "Bolivia's first telecommunications satellite": a description, not a name
            name = _name_after_head(ctx, d)
            if name is not None:
                d.name = name
                renamed.add(id(d))
        elif (not d.named or _nationality_description(d)) and d.head_type != "research_result":
            name = _from_heading(ctx, d) or _from_later(ctx, d) or _name_after_head(ctx, d)
            if name is not None:
                d.name, d.named = name, True
                renamed.add(id(d))

    def one_project(a: Draft, b: Draft) -> bool:
        heading = not (ctx.body[a.sentence] and ctx.body[b.sentence])
        if heading and any(
            x.description and ctx.body[x.sentence] and same_project(y.name, x.description)
            for x, y in ((a, b), (b, a))
        ):
            return True  # "China launches weather satellite" over "a weather satellite, X-9"
        if b.sentence > a.sentence and _bare_head(b.name, b.head) and _bare_head(b.name, a.head):
            return True  # "X Center has been set up ... The Centre ...": one project
        if a.head_type == "space_mission" and (_describes(ctx, a, b) or _describes(ctx, b, a)):
            return True
        if _named_in_apposition(ctx, a, b):
            return True  # "launched a new optical satellite ... The satellite, Gaofen-9 05, ..."
        if not (a.named and b.named):
            return False
        if heading and not set(name_marks(a.name)).isdisjoint(name_marks(b.name)):
            return True  # "China Launches Shenzhou-17 Mission" over "the Shenzhou-17 spaceship"
        if not same_project(a.name, b.name):
            return False
        loose = {id(a), id(b)} & renamed or heading
        return bool(loose) or _words(a.name) == _words(b.name)

    out: list[Draft] = []
    for d in drafts:
        k = next((k for k, o in enumerate(out) if one_project(o, d)), None)
        if k is None:
            out.append(d)
        elif (
            not ctx.body[out[k].sentence]
            and ctx.body[d.sentence]
            and not _bare_head(d.name, d.head)
        ):
            _absorb(d, out[k])  # the body's sentence is the evidence, not the heading
            out[k] = d
        else:
            _absorb(out[k], d)
    return out
