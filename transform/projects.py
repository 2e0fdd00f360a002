"""The PROJECT extractor: joint laboratories, centres, facilities, space missions,
programmes and research results a document reports as launched, inaugurated, established,
signed, started, completed, developed or planned.

A project is read from one *event sentence*: a body sentence whose main clause has an event
verb ("was inaugurated", "launched", "started commercial operations", "have developed",
"plans to launch") and a project as its subject or object. Later sentences of the same
paragraph that speak of the same project ("The laboratory has been set up by ...", "The
station, funded with RMB 12 million from ...", "The work was published in Nature on 7
August") add participants, funding and, for a research result, its announcement date.

Rules, each because a sentence of the other kind looks alike:
1. Body sentences (see `event_context`); a headline or contents line ("* X Opened in Y",
   "CAS Launches X Program in Y", "China, Brazil to Launch X" planned) is a fact only when
   the body does not state it (rule 12); a headline whose actor is a company is a product.
2. The project must be one named or singular thing with a project head noun (laboratory,
   centre, station, satellite, programme, battery, model...) or a proper name
   ("Queqiao-2", "CARES Copilot 1.0"). Counts ("53 joint laboratories", "nearly 2,000 joint
   research projects"), plurals, and things that are not projects (reports, budgets,
   agreements, protocols, plans, funds) are not.
3. The verb must report the event: a past participle without "was/were/has been" is a
   recall inside another clause ("compared to Queqiao-1 launched in 2018", "the funding
   plan released on 28 December"), and so is an active verb whose object is a relative
   pronoun's antecedent ("the satellite that China launched in March"). A future or plan
   ("will establish", "plans to launch", "Launching X promises") is a planned project, but
   only a named one: "will set up four hubs" and "agreed to launch a joint call" are
   general intentions. Encouragements and calls ("encourage the establishment of") are
   never projects. A bare verb form after a determiner or "is" is a noun or an adjective
   ("The launch marked the 629th mission", "is open"); a participle followed by "by"
   without an auxiliary recalls a thing ("the prototype X launched by Google").
4. "The laboratory", "the mission": a definite unnamed project is the paragraph's current
   project again, never a new one.
5. Status by the verb: launched/unveiled/released/kicked off -> launched;
   inaugurated/opened -> inaugurated; established/set up/founded/approved -> established;
   signed -> signed; started operations/commissioned -> started_operations; completed ->
   completed; developed/built (a result)/pioneered -> developed; future or plan -> planned.
6. Type by the head noun (or the apposition's: "Taichi-II, an optical chip"): a laboratory
   of partners from two or more countries is a joint_lab, otherwise a research_center.
7. Date: a day-granularity date in the event sentence (a year or month alone is no date);
   a research result without one takes the day it was announced or published.
8. Place: "in <city>" in the event clause (`places.read_place`); space missions have no
   city and the launching state's country; research results the developers' country;
   otherwise, without a stated place, the one country of all participants, or none.
9. Participants: the countries the event sentence names (outside "according to" sources
   and comparisons), the organisations that are its subject or agent or listed with
   "with/between/by", and, from follow-up sentences, organisations introduced by "set up
   by", "built by", "funded by/from", "in collaboration with", "brings together". Not
   certifiers ("certified by"), sources ("according to") or the project itself.
10. Funding: an amount in the event or follow-up sentences with a funding cue ("funding
   of", "funded with", "provides ... for", "will receive"); USD via `fx.to_usd`.
11. Real pages also state projects as: an event noun ("the unveiling ceremony of X and Y",
   "saw the launch of X": two projects when each side has its own head noun); a record set
   on a facility (a research result, status other); a fund programme of research or
   cooperation ("UK-China Research and Innovation Fund was announced"; an investment fund
   is a budget only); money "for the development of" a named site (planned); an inverted
   subject ("Just launched ... is the X programme"); "unveiled the plaque of X" (X
   inaugurated); an agreement signed on, for or through a named project with a concrete
   head ("an agreement on X Station cooperation"); several names in apposition to a count
   ("Two satellites, A and B, were launched"). A rocket is the vehicle of the current
   mission, not a project; a space mission's country is the launching state of the launch
   site or vehicle the page names.
12. A described project ("a centre for joint research on ...") takes the proper name its
   section heading or a later sentence gives it; two readings of one project in a page
   (a caption and the body, an inauguration and the agreement signed that day, a headline
   with an acronym and the body with its long form, a contents line and the body sharing a
   code name) are one. A described mission takes a code name launched next ("The
   Tianhui-1C was launched") or a name after its head ("of satellite Tupac Katari").

Modules: `project_rules`, `project_cues` and `project_verbs` (named data), `project_clauses`
and `project_verb_forms` (clause grammar), `project_names` (names and types),
`project_events` (one event verb) with `project_event_draft` (its spans), `project_readings`
(records, owners, subjects, coordinated names), `project_results` (research results told by
their makers), `project_lists` and `project_setting` (listed names, places and days),
`project_attach` (spans and the final candidate), `project_merge` (names from headings and
later sentences, one per project).
"""

from __future__ import annotations

from extract.documents import ParsedDocument
from transform import project_rules as rules
from transform import project_verbs as verbs
from transform.event_context import event_doc
from transform.facts import Candidate
from transform.project_attach import SAME, Draft, finish, follow_up, funding_of, refers_to
from transform.project_clauses import verbs_in
from transform.project_events import read_event
from transform.project_merge import merge_drafts
from transform.project_names import project_type_of, same_project, split_coordination
from transform.project_readings import another_draft, heading_draft
from transform.project_results import result_draft

__all__ = ["extract_projects", "project_type_of"]


def extract_projects(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    """Project candidates a document states, in text order (see the module docstring)."""
    if not doc.text:
        return []
    ctx = event_doc(doc_id, doc, doc_type)
    drafts: list[Draft] = []
    current: Draft | None = None
    current_para = -1  # the paragraph `current` was last read in
    for i, s in enumerate(ctx.sentences):
        if not ctx.body[i]:
            current = None  # a heading or headline ends the item
            heading = heading_draft(ctx, i)
            if heading is not None:
                drafts.append(heading)
            continue
        result: Draft | None = None
        anchors = verbs.VERB_ANCHORS.intersection(ctx.words[i])
        if anchors:
            for m in verbs_in(s, anchors):
                read = read_event(ctx, i, m, current)
                if read is not None and (result is None or result.head == SAME):
                    result = read
                if result is not None and result.head != SAME:
                    # "The rocket lifted off ... and put X into orbit": a launch of the
                    # current mission may go on to name a payload, which is the project
                    break
        if result is None:
            result = result_draft(ctx, i)  # "Chinese researchers cloned the first macaques"
        if result is not None and result.head != SAME:
            if current is not None and same_project(result.name, current.name):
                follow_up(ctx, current, i)
            else:
                parts = result.items or split_coordination(result.name)
                for part in parts[1:]:
                    drafts.append(another_draft(result, part))
                result.name = parts[0]
                drafts.insert(len(drafts) - len(parts) + 1, result)
                current = result
            current_para = s.paragraph
        elif current is not None:
            # In its own paragraph every sentence may add to the project; in a later one
            # (news articles run an item over several) only a sentence that names it.
            same = s.paragraph == current_para
            if result is not None or refers_to(current, ctx, i):
                follow_up(ctx, current, i)
                current_para = s.paragraph
            elif same and current.funding is None and rules.BACK_REFERENCE.search(s.text):
                # "... will provide 30 million baht for its first three years"
                current.funding = funding_of(ctx, s.start, s.end)
            elif not same:
                current = None
    return [finish(ctx, d) for d in merge_drafts(ctx, drafts)]
