"""Rule 5 of `budgets.py`: the phase of a budget (proposed, approved, actual, unknown).

Strong cues in the amount's clause and sentence decide (proposed > approved > actual),
then the sentence pointed back to, the section's budget sentences, a plan verb, and what
the page's lead says it reports (a budget speech or draft: proposed; a communique:
actual). The cue tables are named data in `budget_rules`.
"""

from __future__ import annotations

from transform.budget_fields import phase_of
from transform.budget_rules import ALLOCATION_VERB, APPROVED, WEAK_PHASE
from transform.budget_spans import Doc
from transform.sentences import Sentence

__all__ = ["memo_phase_of", "read_phase"]


def memo_phase_of(ctx: Doc, text: str) -> str | None:
    """`phase_of`, remembered per document (a sentence is read for several amounts)."""
    if text not in ctx.phase_memo:
        ctx.phase_memo[text] = phase_of(text)
    return ctx.phase_memo[text]


def read_phase(
    ctx: Doc,
    window_text: str,
    sentence: Sentence,
    antecedent: Sentence | None,
    part_of: bool,
    budget_context: list[Sentence],
) -> tuple[str, bool]:
    """Rule 5: (phase, whether the antecedent decided it)."""
    if part_of and antecedent is not None:
        phase = memo_phase_of(ctx, antecedent.text)
        if phase:
            return phase, True
    phase = memo_phase_of(ctx, window_text) or memo_phase_of(ctx, sentence.text)
    if (
        phase == "approved"
        and antecedent is not None
        and memo_phase_of(ctx, antecedent.text) == "proposed"
    ):
        return "proposed", True  # "The draft budget ... It allots ...": the draft allots
    in_draft = phase == "approved" and (
        ctx.lead_proposed or any(memo_phase_of(ctx, cs.text) == "proposed" for cs in budget_context)
    )
    if in_draft and not APPROVED.search(ALLOCATION_VERB.sub(" ", sentence.text)):
        return "proposed", False  # "The Government will allocate ..." in a budget speech
    if phase:
        return phase, False
    if antecedent is not None:
        phase = memo_phase_of(ctx, antecedent.text)
        if phase:
            return phase, True
    # The section's budget sentences: a draft anywhere in them makes this line part of it.
    found = {p for p in (memo_phase_of(ctx, cs.text) for cs in budget_context) if p}
    for phase in ("proposed", "approved", "actual"):
        if phase in found:
            if phase == "approved" and ctx.lead_proposed:
                return "proposed", False  # the lines of a budget speech
            return phase, False
    if WEAK_PHASE.search(window_text) or WEAK_PHASE.search(sentence.text):
        return ("proposed" if ctx.lead_proposed else "approved"), False
    return ("actual" if ctx.lead_actual else "unknown"), False
