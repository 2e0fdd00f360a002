"""Named data of the project extractor's event verbs: each verb phrase and the status it
gives a project, the anchor words they are looked up by, the verbs whose subject is the
project, and the launch cues that name a rocket's payloads and date them. Kept apart from
`project_rules` (nouns, names and cue phrases) because the verbs are read first, on every
sentence, and grow with each new way of reporting an event."""

from __future__ import annotations

import re

from transform.event_context import PROJECT_WORDS

_I = re.IGNORECASE

# Event verbs -> status. Each pattern starts at its anchor word (the first word of the verb
# phrase); the extractor finds anchors by word lookup and tries the patterns only there,
# which is far cheaper than scanning every sentence with one large alternation.
VERBS: tuple[tuple[str, str], ...] = (
    (
        r"start(?:ed|s|ing)?\s+(?:commercial\s+|full\s+|trial\s+|formal\s+)?operations?",
        "started_operations",
    ),
    # "began operations", "began providing services to users": in service from that day
    (
        r"beg(?:an|un|ins?)\s+(?:providing\s+|offering\s+)?(?:commercial\s+|full\s+|trial\s+)?"
        r"(?:operations?|services?)",
        "started_operations",
    ),
    # "has passed national acceptance inspection", "passed technology assessment": a
    # facility's formal sign-off that its construction is complete
    (
        r"pass(?:ed|es)\s+(?:the\s+)?(?:national\s+|state\s+|final\s+|technology\s+"
        r"|technical\s+|process\s+)?(?:acceptance|assessment|inspection|appraisal)"
        r"(?=\s+(?:and\s+\w+\s+)?(?:checks?|tests?|reviews?|inspections?|procedures?|today"
        r"|yesterday|by|of|on|in|at|from|[,.;])|[,.;])",
        "completed",
    ),
    (
        r"put\s+into\s+(?:commercial\s+|full\s+|trial\s+)?(?:operation|service|use)",
        "started_operations",
    ),
    (r"(?:lift(?:ed|s)?|blast(?:ed|s)?)\s+off|took\s+off", "launched"),
    (r"sen[dt]s?\s+(?:\w+\s+)?into\s+(?:orbit|space)", "launched"),
    # "was boosted into space", "was placed into orbit": a launch told by its result
    (r"(?:boost(?:ed|s)?|placed|put)\s+(?:in|into)\s+(?:\w+\s+)?(?:orbit|space)", "launched"),
    # "sent an ocean-observing satellite successfully into space", "sent a new experimental
    # satellite for communication technology into space": the verb alone
    (r"sen[dt]s?(?=\s+(?:[\w'’-]+\s+){2,8}?into\s+(?:orbit|space)\b)", "launched"),
    # "sending up the X satellite and the Y", said of a rocket that blasted off: each
    # payload named after it is launched
    (r"sen(?:d|ds|t|ding)\s+up(?=\s+(?:the|a|an|its|two|three|four|five|six)\s)", "launched"),
    # "transported the X satellite into a geosynchronous orbit", "and put the Y satellite
    # into orbit": a rocket's payload told by where it went
    (
        r"(?:transport(?:ed|s|ing)|deliver(?:ed|s|ing)|carr(?:ied|ies)|loft(?:ed|s|ing)"
        r"|plac(?:ed|es|ing)|put(?:s|ting)?)(?=\s+(?:the|a|an|its)\s+(?:[\w'’-]+\s+){1,7}?"
        r"into\s+(?:(?:a|an|the|its)\s+)?(?:[\w-]+\s+){0,2}?(?:orbit|space)\b)",
        "launched",
    ),
    # "sent a weather satellite, “Name-7,” into orbit", "sent a satellite "Name-7" into
    # orbit": the object with its quoted name, with or without the commas of apposition
    (
        r"sen[dt]s?(?=\s+(?:[\w'’-]+\s+){1,6}?[\w'’-]+(?:,\s*|\s+)[“\"‘][^”\"’]{1,40}[”\"’],?"
        r"\s+into\s+(?:orbit|space)\b)",
        "launched",
    ),
    # "set another world record on their EAST tokamak": a breakthrough (rule 11)
    (r"set(?:s|ting)?\s+(?:a\s+|another\s+|the\s+|its\s+)?(?:new\s+)?(?:world\s+)?record", "other"),
    # "X installed its first piece of accelerator equipment": a construction milestone
    (r"install(?:ed|s)", "other"),
    (r"initiat(?:ed|es)", "launched"),
    (r"implement(?:s|ed|ing)?", "planned"),
    # "X is expected to start in January 2020", "the programme began in 1988"
    (
        r"(?:start(?:ed|s)?|beg(?:an|ins?))(?=\s+(?:in|on|at|this|next|last|early|later)\b)",
        "launched",
    ),
    (r"hand(?:ed|s)?\s+over", "completed"),
    (
        r"(?:made|completed|conducted|performed)\s+(?:its|their)\s+(?:maiden|first)\s+(?:flight|launch|voyage|orbital\s+flight)",
        "launched",
    ),
    (r"(?:went|goes|go)\s+into\s+(?:commercial\s+)?(?:operation|service)", "started_operations"),
    (r"entered\s+(?:into\s+)?(?:commercial\s+)?(?:operation|service)", "started_operations"),
    (r"commission(?:ed|s|ing)?", "started_operations"),
    (r"kick(?:ed|s)?\s+off", "launched"),
    (r"roll(?:ed|s)?\s+out", "launched"),
    (r"launch(?:ed|es|ing)?", "launched"),
    (r"unveil(?:ed|s|ing)?", "launched"),
    (r"releas(?:ed|es|ing)", "launched"),
    (r"inaugurat(?:ed|es|ing)?", "inaugurated"),
    (r"open(?:ed|s|ing)?", "inaugurated"),
    (r"establish(?:ed|es|ing)?", "established"),
    (r"set(?:s|ting)?\s+up", "established"),
    (r"founded", "established"),
    # "SBCC was formed in 2009": a passive only ("China has formed a complete industrial
    # system" forms no project)
    (r"(?:(?<=was\s)|(?<=were\s)|(?<=been\s))formed", "established"),
    (r"approv(?:ed|es|ing)", "established"),
    (r"sign(?:ed|s|ing)?", "signed"),
    (r"complet(?:ed|es|ing)", "completed"),
    (r"develop(?:ed|s|ing)?", "developed"),
    (r"buil[td]|build(?:s|ing)?", "developed"),
    (r"construct(?:ed|s|ing)?", "developed"),
    (r"pioneer(?:ed|s|ing)", "developed"),
    (r"invent(?:ed|s|ing)?", "developed"),
    (r"creat(?:e|ed|es|ing)", "developed"),
    # nouns of the event, read only as "the <noun> [ceremony] of <project>"
    (r"inauguration", "inaugurated"),
    (r"establishment", "established"),
    (r"founding", "established"),
    (r"formation", "established"),
    (r"completion", "completed"),
    (r"development", "planned"),
    (r"construction", "planned"),
    (r"foundation[\s-]stone[\s-]laying", "launched"),
    (r"ground-?breaking", "launched"),
    (r"announced", "launched"),
)
# Matched at anchors of the lower-cased text (same offsets as the text).
VERB_RE = re.compile(r"(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _) in enumerate(VERBS)) + r")\b")
VERB_STATUS = {f"v{i}": status for i, (_, status) in enumerate(VERBS)}
VERB_ANCHORS = PROJECT_WORDS | frozenset(
    "inauguration establishment founding formation completion announced development construction"
    " boosted boost boosts placed sending transported transports transporting delivered"
    " delivers delivering carried carries lofted lofts lofting places placing putting"
    " foundation groundbreaking ground".split()
)

# A sentence that reports a launch: where a payload named later takes its launch day from.
LAUNCH_REPORT = re.compile(r"\b(?:launch(?:ed|es)|(?:lift|blast)(?:ed|s)?\s+off|took\s+off)\b", _I)

# The verbs that name a rocket's payloads as their object ("sending up the X satellite and
# the Y"), and the "and the" that adds a second payload, named, to the first.
PAYLOAD_VERB = re.compile(r"sen[dt]|sending|transport|deliver|carr|loft|plac|put")
PAYLOAD_AND = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")
# A launch day told relative to another ("Five hours earlier, a rocket lifted off"): not
# the day of the launch the page dated.
RELATIVE_TIME = re.compile(
    r"\b(?:hours?|minutes?|days?|weeks?)\s+(?:earlier|later|before|after)\b", _I
)

# Verbs whose subject is the project ("X started commercial operations", "X lifted off").
INTRANSITIVE_RE = re.compile(
    r"start|beg|went|goes|go\b|enter|lift|blast|took|made\s+its|completed\s+its|conducted|performed"
    r"|pass"
)
