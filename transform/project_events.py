"""Reading one event verb of a body sentence as a project (rules 2-9 of `projects`): the
verb's clause and tense, the project noun phrase before or after it (or after a nominal
trigger, or after an inverted verb), its name and type. The spans attached to it there
(date, place, countries, organisations, funding) are gathered by `project_event_draft`, and
the checks on a gerund or a bare participle live in `project_verb_forms`."""

from __future__ import annotations

import re

from transform import project_cues as cues
from transform import project_rules as rules
from transform import project_verbs as verbs
from transform.event_context import EventDoc
from transform.participants import countries_named
from transform.project_attach import Draft, same_draft
from transform.project_clauses import (
    Verb,
    as_noun,
    clause_start_of,
    has_perfect,
    is_future,
    is_intention,
    is_passive,
    is_relative,
    last_words,
    launches_no_project,
    nominal_np,
    np_after,
    np_before,
    skip_adverbs,
)
from transform.project_event_draft import event_draft
from transform.project_lists import listed_names
from transform.project_names import (
    clean_name,
    code_name_given,
    expand_acronym,
    is_named,
    one_project_noun,
    project_type_of,
)
from transform.project_readings import (
    agreed_project,
    names_current_mission,
    partners_name,
    record_draft,
    subject_before,
    unnamed_name,
)
from transform.project_verb_forms import gerund_future, participle_subject

__all__ = ["read_event"]


# "builds upon", "is built on", "building on": what a thing rests on already exists
_RESTS_ON = re.compile(r"\s+(?P<up>up)?on\b")


# a quoted name that closes the object without the commas of apposition ('sent a
# communication satellite "Name-7B" into orbit'): the words before it only describe it; only
# a serial name with a digit: a nickname ('a robotic chemist named ‘Luke’') keeps its description
_QUOTED_TAIL = re.compile(r"\s+[“\"‘][A-Z0-9][^”\"’,;\s]{0,20}\d[^”\"’,;\s]{0,10}[”\"’]?$")


def read_event(ctx: EventDoc, index: int, m: Verb, current: Draft | None) -> Draft | None:
    """Rules 2-9 for one event verb in body sentence `index`."""
    s = ctx.sentences[index]
    text = ctx.text
    verb_status = verbs.VERB_STATUS[m.key]
    vs, ve = m.start, m.end
    word = m.word
    title_nominal = cues.TITLE_NOMINAL_EVENT.match(text, vs) if text[vs].isupper() else None
    if text[vs].isupper() and vs != s.start and title_nominal is None:
        return None  # a capitalised word is part of a name ("UNESCO Open Science")
    if word.endswith("record"):
        return record_draft(ctx, index, m)
    if verb_status == "launched" and launches_no_project(text, ve):
        return None
    rests = _RESTS_ON.match(text, ve)
    if word.startswith(("build", "built")) and rests and (word != "built" or rests["up"]):
        # "the lab builds upon X's joint laboratory": X exists, nothing is built ("was built
        # on a hillside" stays a construction: a passive "built on" is where)
        return None
    clause_start = clause_start_of(text, ctx.opening[index], vs)
    # "$"-anchored patterns only ever need the last words before the verb.
    tail = text[max(s.start, vs - 70) : vs]
    words = last_words(tail)
    comma_subject = False
    if is_intention(words) or words[-3:] == ["to", "have", "been"]:
        return None  # "the fourth satellite to have been sent into orbit": a description
    passive = is_passive(words)
    if passive and word.isalpha() and not word.endswith("ed") and word not in cues.PARTICIPLES:
        return None  # "The telescope is open": an adjective or a noun after "is", no passive
    future = is_future(words)
    bare = skip_adverbs(words)
    if bare and bare[-1] in rules.POSSIBILITY_MODALS:
        return None  # "the two sides could jointly launch X": a proposal, neither done nor set
    agreed = (
        not future
        and bool(bare)
        and bare[-1] == "to"
        and not rules.AGREEMENT_HEADS.isdisjoint(bare[-6:])
        and cues.SIGNED.search(text, s.start, vs) is not None
    )
    if agreed:
        verb_status = "signed"  # "signed an agreement to build a ground station in Abuja"
    elif not future and bare and bare[-1] == "to" and cues.MONEY_FOR.search(tail):
        future = True  # "will deploy $500 million to implement the X Programme": planned
    elif (
        not future
        and bare
        and bare[-1] == "to"
        and verb_status == "inaugurated"
        and rules.GATHERED_TO.match(text, s.start, vs) is not None
    ):
        pass  # "officials joined staff and guests to officially open the X Lab": it opened
    elif not future and bare and bare[-1] == "to":
        return None  # "an agreement to build a joint laboratory": an intention, not an event
    elif word.startswith("implement"):
        return None  # "implemented" reports no event of its own
    elif word == "create":
        return None  # "to create a good environment": only an agreement's aim is a project
    nominal = title_nominal or cues.NOMINAL_EVENT.match(text, vs)
    if nominal is not None:
        if not cues.RECALL_WORDS.isdisjoint(words[-3:]):
            return None  # "since the launch of X": an earlier event recalled
        verb_status = cues.nominal_status(nominal.group("noun"))
        if not future and not rules.MODALS.isdisjoint(words[-4:]):
            future = True  # "will underpin the formation of X": the event is still to come
        if nominal.group("noun") in cues.PURPOSE_ONLY:
            if "for" not in words[-2:]:
                return None  # "the development of AI"
            future = True  # "set aside $5.5 billion for the development of Cyberport 5"
    elif as_noun(word, words):
        return None  # "The launch marked the 629th mission of ...": a noun, no event
    elif word in cues.NOMINAL_ONLY or (word in cues.ANNOUNCED_PROGRAMME and not passive):
        return None
    elif not cues.SUBORDINATORS.isdisjoint(words):
        return None  # "since the first agreement was signed in 1992": a recall
    elif has_perfect(words) and text[ctx.opening[index] : vs].lower().startswith("since "):
        return None  # "Since 2015, X has signed ...": a state of affairs, not an event
    gerund = word.endswith("ing") and nominal is None
    if gerund:
        planned = gerund_future(text, clause_start, vs, tail)
        if planned is None:
            return None  # "towards establishing ...", "the process of developing ..."
        if planned:
            future = True  # "$2 billion ... for launching a Re-industrialisation Scheme"
    # A past participle without an auxiliary modifies a noun: a recall, not the event.
    if (
        nominal is None
        and not cues.INVERTED_OPENING.fullmatch(text, ctx.opening[index], vs)
        and not passive
        and not future
        and not gerund
        and not verbs.INTRANSITIVE_RE.match(word)
        and word.endswith(("ed", "built", "set up"))
    ):
        participle = participle_subject(ctx, index, m, words, clause_start)
        if participle is None:
            return None  # "the prototype Sycamore launched by Google": a participle, a recall
        # "JUNO in Kaiping, Guangdong Province, completed ...": valid only with an object
        comma_subject = participle
    appos: str | None = None
    items: list[str] = []  # names listed after a count, one project each
    called_after: re.Match[str] | None = None
    agreement = False  # the project is what a signed agreement is about
    subject_span = (clause_start, vs)
    intransitive = verbs.INTRANSITIVE_RE.match(word) is not None or (
        word.startswith("put ") and not has_perfect(words)
    )
    inverted = (
        cues.INVERTED_SUBJECT.search(text, ve, s.end)
        if nominal is None and cues.INVERTED_OPENING.fullmatch(text, ctx.opening[index], vs)
        else None
    )
    if nominal is not None:
        ns, ne = nominal_np(text, nominal.end(), s.end)
        subject_span = (ns, ns)
    elif inverted is not None:
        # "Just launched between RCUK and MOST is the Research and Innovation Bridges programme"
        ns, ne = np_after(text, inverted.end(), s.end)
        subject_span = (ns, ns)
    elif passive or intransitive:
        subject = subject_before(ctx, clause_start, vs, passive, intransitive)
        if subject is None:
            return None  # "which was launched in 2018", "Construction of X began": no project
        ns, ne, appos = subject
        subject_span = (ns, ns)
        carrying = rules.CARRYING.search(text, ns, vs)
        if carrying is not None:
            # "A Long March-5 rocket carrying the Chang'e-6 probe lifted off": the payload
            ns, ne = np_after(text, carrying.end(), vs)
    else:
        if not future and is_relative(words):
            return None  # "the satellite that China launched in March": a recall
        ns, ne = np_after(text, ve, s.end)
        if comma_subject and ne <= ns + 1:
            return None  # "The satellite, launched in 2021, has ...": a recall in apposition
        if (
            ne <= ns + 1
            and not comma_subject
            and verb_status in ("inaugurated", "launched", "started_operations", "completed")
            and (word.endswith("ed") or word.endswith(" off"))
        ):
            # "A joint laboratory ... opened on Tuesday": no object, the subject is the project
            bs, be = np_before(text, clause_start, vs)
            if be > bs:
                ns, ne = bs, be
                subject_span = (ns, ns)
                intransitive = True
        rel_future = rules.REL_FUTURE.search(tail) if future else None
        if rel_future is not None:
            # "the new X Institute, which the government will establish later this year"
            head = text[s.start : vs - len(tail) + rel_future.start()]
            k = max(head.rfind(" for "), head.rfind(" of "), head.rfind(" to "), head.rfind(", "))
            ns = s.start + k + (2 if head[k : k + 2] == ", " else 4)
            ne = s.start + len(head)
        if ne <= ns:
            return None
        first_word = text[ns:ne].lower().split()
        core_text = rules.CORE_HEAD_SPLIT.split(text[ns:ne], maxsplit=1)[0]
        core_head = core_text.lower().split()
        if (
            verb_status == "signed"
            and core_head
            and core_head[-1].strip(rules.PUNCT) in rules.AGREEMENT_HEADS
        ):
            found = agreed_project(text, ns + len(core_text), s.end)
            if found is None:
                return None
            ns, ne = found
            agreement = True
        own_works = rules.OWN_WORKS.match(text, ns, ne)
        if own_works is not None and rules.WORKS_ON_A_NAME.match(text, own_works.end(), ne):
            own_works = None  # "kicked off the construction of the FAST telescope": FAST
        if verb_status == "other" and own_works is None:
            return None  # "installed a new radar": only a project's own works are news
        if own_works is not None and verb_status in (
            "completed",
            "launched",
            "started_operations",
            "other",
        ):
            # "JUNO completed the construction of its central detector": JUNO is the project
            ns, ne = np_before(text, clause_start, vs)
            subject_span = (ns, ns)
            intransitive = True
            if ne <= ns:
                return None
        nominal = None if intransitive else rules.NOMINAL_OF.match(text, ns, ne)
        if nominal is not None and first_word:
            ns = nominal.end()  # "approved the establishment of the X Park": the X Park
        plaque = None if intransitive else cues.PLAQUE_OF.match(text, ns, ne)
        if plaque is not None:
            ns, verb_status = plaque.end(), "inaugurated"  # "unveiled the plaque of X": X opens
        am = rules.APPOSITION.match(text, ne, s.end)
        if am:
            appos = am.group(1)  # "Taichi-II, an optical chip for ..."
        listed = listed_names(text, ns, ne, s.end, word)
        if listed is not None:
            ns, items = listed[0], listed[1]
            appos = listed[2] or appos
        quoted = _QUOTED_TAIL.search(text, ns, ne)
        if quoted is not None and quoted.start() > ns:
            ne = quoted.start()  # "a satellite "Name-7"": the quoted name is read after it
        called_after = (
            rules.CALLED_AFTER.match(text, ne, s.end)
            or cues.NAME_APPOSITION.match(text, ne, s.end)
            or cues.QUOTED_APPOSITION.match(text, ne, s.end)
        )
        if (
            project_type_of(text[ns:ne]) is None
            and not is_named(clean_name(text[ns:ne]))
            and rules.BY_AFTER.match(text, ne, s.end)
        ):
            return None  # "pioneered a global first by completing ...": read the gerund
    raw = text[ns:ne]
    name = clean_name(raw)
    if not name or rules.QUANTIFIER.match(name) or rules.QUANTIFIER.match(raw.strip()):
        return None
    sides = rules.BETWEEN_SIDES.match(text, ne, s.end)
    if sides is not None and not countries_named(name):
        pair = [countries_named(sides.group(1)), countries_named(sides.group(2))]
        if all(len(c) == 1 for c in pair):
            # "a joint laboratory ... between China and Kazakhstan": "China-Kazakhstan ..."
            name = f"{sides.group(1)}-{sides.group(2)} {name}"
    if not (passive or intransitive) and not is_named(name, False):
        name = partners_name(text, clause_start, vs, name) or name
    if not (passive or intransitive) and called_after is not None:
        # "a quantum computer prototype ..., named Jiuzhang 4.0": the name, typed by the phrase
        appos = appos or name
        name = called_after.group("n").rstrip(".,;")
        raw = name
    called = rules.NAMED_CALLED.search(name) is not None
    coded = code_name_given(name)
    if coded is not None:  # "a prototype named Zuchongzhi 3.0": the name, typed by the rest
        appos, name = appos or coded[0], coded[1]
        raw = name
    expanded = expand_acronym(ctx, name)
    lead = rules.LEAD_ADVERBIAL.match(text, ctx.opening[index], s.end)
    # a capital at the sentence's start says nothing; after "The" it marks a name
    initial = ns <= (lead.end() if lead else ctx.opening[index]) and not rules.DEFINITE.match(raw)
    named = expanded != name or is_named(name, initial)
    name = expanded
    typed = project_type_of(name, appos)
    if (
        typed is None
        and nominal is not None
        and named
        and nominal.group("noun") in cues.PURPOSE_ONLY
    ):
        typed = ("facility", "facility")  # "for the development of Cyberport 5": a site
    if typed is None and verb_status == "launched" and names_current_mission(name, current):
        return same_draft(index)  # "The Tianhui-1C was launched": `rename_from` names it
    if typed is None:
        return None
    head, kind = typed
    core = rules.CORE_HEAD_SPLIT.split(name, maxsplit=1)[0]
    if kind == "space_mission" and cues.LAUNCH_VEHICLE.search(core):
        # "The Long March-3B carrier rocket blasted off": the current mission's launch
        mission = current is not None and current.head_type == "space_mission"
        return same_draft(index) if mission else None
    if kind == "research_result" and (
        cues.COMPANY.search(text, clause_start, vs)
        or any(o.kind == "company" for o in ctx.orgs_in(clause_start, vs, ctx.analysis(s)))
    ):
        return None  # "Huawei Technologies has unveiled a new chip": a company's product
    if word in cues.ANNOUNCED_PROGRAMME and (kind != "programme" or not named):
        return None  # "the results were announced", "a new round of the programme was ..."
    if cues.DIPLOMATIC.search(name):
        return None  # "established Strategic Partnership for Peace and Prosperity"
    if not one_project_noun(core, head):
        return None  # "the draft report", "two satellites", "smart grid technologies"
    if not named:
        if (
            rules.DEFINITE.match(raw.strip())
            and not called
            and not rules.FIRST_OF_KIND.match(raw.strip())
        ):
            # "the laboratory": the current project again (rule 4)
            return same_draft(index) if current is not None else None
        if future:
            return None  # unnamed plans are general intentions
        if (
            not rules.INDEFINITE.match(raw.strip())
            and not called
            and not agreement  # "a deal for construction of an agricultural research centre"
            and not rules.FIRST_OF_KIND.match(raw.strip())
        ):
            return None
        if current is not None and head == current.head:
            return same_draft(index)  # "A jointly funded laboratory of ... was built by"
        unnamed = unnamed_name(ctx, index, raw, name, ne, clause_start, vs)
        if unnamed is None:
            return None  # "a laboratory was built": too little to tell which
        name = unnamed
    return event_draft(
        ctx,
        index,
        m,
        name=name,
        typed=typed,
        named=named,
        verb_status=verb_status,
        future=future,
        span=(ns, ne),
        clause_start=clause_start,
        subject_span=subject_span,
        agreement=agreement,
        agreed=agreed,
        items=items,
        description=appos,
    )
