"""The word tables the participant readings are built from: role words, organisation
head words, and the capitalised words that are never part of a person's name.

They are data, kept apart from the code that applies them (`person_names`,
`role_phrases`, `org_spans`, `participants`), so a missed title or head word is fixed by
adding a word here rather than by touching a pattern.
"""

from __future__ import annotations

# Words that make a phrase a role ("Vice Minister", "Director General", "CEO").
ROLE_WORDS = frozenset(
    """
    minister ministers vice deputy director director-general directors president vice-president
    chairman chairwoman chair chairperson co-chair secretary secretary-general ambassador
    ambassadors governor mayor premier head chief ceo cto cso dean professor principal
    commissioner administrator counsellor counselor consul consul-general envoy spokesperson
    spokesman spokeswoman executive founder leader member academician senator chancellor
    rector provost coordinator manager officer counterpart counterparts undersecretary
    under-secretary attaché attache representative king queen prince emir sultan
    commander general lieutenant captain astronaut astronauts scientist researcher engineer
    physicist economist mp lawmaker delegate cabinet laureate adviser advisor assistant
    """.split()
)
# Head words that make a capitalised phrase an organisation's name ("... Academy of
# Sciences").
ORG_HEADS = frozenset(
    """
    University Universities Institute Institutes Institution Academy Academies Centre Center
    Centres Centers Laboratory Laboratories Lab Labs Ministry Commission Agency Administration
    Foundation Council Society Department Bureau Observatory Authority Corporation Company
    Association Organisation Organization Office Directorate Directorate-General College
    School Hospital Consortium Alliance Federation Union Partnership Secretariat Network
    Station Bank Fund Service Museum Library Group Committee Subcommission Agencies
    """.split()
)
# Heads whose names list fields with commas ("Ministry of Education, Science and
# Technological Development").
LIST_NAME_HEADS = frozenset(
    "Ministry Department Commission Committee Council Agency Office Bureau Directorate".split()
)
# Capitalised words that start sentences, address people or qualify titles: never a
# name, and (most of them) where an organisation's name cannot start.
FUNCTION_CAPS = frozenset(
    """
    The A An In On At By For From To With Of And Or But As After Before During Under Over
    According Also Meanwhile However Moreover Furthermore Both This That These Those It Its
    His Her Their Our We They He She There Here While When Since Last Next Earlier Later
    Mr Mrs Ms Dr Prof Professor Sir Madam Academician Then Thus Such Several Some Many
    Around About Nearly Over More Most Other Another Each Every All Any Following Despite
    Through Between Among Within Without Upon Into Onto Via Per Than Once Now Today Yesterday
    Tomorrow Why What Who Whom Whose Which Where How Please Not No Yes New Old First Second
    Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Annual Joint Global Open Vice Deputy
    Senior Cabinet Principal Permanent Special Assistant Executive Acting Former Minister
    """.split()
)
# Capitalised words of fields, places, titles, months and things: they name what an
# organisation, meeting or project is about, never a person.
SUBJECT_WORDS = frozenset(
    """
    Science Sciences Scientific Technology Technologies Technological Innovation Innovations
    Research Education Higher Development Cooperation International National Foreign Affairs
    Trade Industry Industrial Manpower Economic Economy Energy Health Space Atomic Nuclear
    Agriculture Agricultural Environment Environmental Information Communications Strategy
    Planning Policy Engineering Physics Chemistry Studies Climate Change Services Finance
    Defence Defense Security State Public General Affairs Mathematics Biology Medicine
    Medical Ecology Geography Water Resources Marine Ocean Polar Arctic Earth Lunar Solar
    Artificial Intelligence Quantum Data Digital Smart Green Carbon Clean Renewable Power
    Electric Electricity Hydro Mining Transport Transportation Communication Culture Sports
    Tourism Justice Interior Home Labour Labor Social Welfare Housing Urban Rural Forestry
    Fisheries Food Family Women Youth Commerce Investment Development Reform Statistics
    Standardization Meteorology Meteorological Weather Natural Nature Council Union Belt
    Road Silk Initiative Programme Program Project Plan Forum Conference Workshop Symposium
    Summit Dialogue Meeting Session Exchange Partnership Mission Satellite Probe Station
    Laboratory Centre Center Institute University Academy Ministry Department Commission
    Committee Agency Administration Foundation Society Office Bureau Organization
    Organisation Association Federation Alliance Network Group Company Corporation
    Declaration Agreement Memorandum Protocol Strategic Comprehensive Mutually Beneficial
    Cooperative Friendly Bilateral Multilateral Regional Asia Asian Africa African Europe
    European America American Pacific Atlantic Middle East West Western Eastern North South
    Northern Southern Central Greater Bay Area Province City County District Region
    Autonomous Special Administrative Zone Park Valley Hall People People's Great Republic
    Kingdom Federal Democratic United Emirates States Nations Royal Imperial Holy Islamic
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Sept Oct Nov Dec Jan Feb Mar
    Apr Jun Jul Aug Sep AI Plus II III IV Two Sessions Congress Party Communist Parliament
    Cabinet Government Council Secretary Governor Mayor President Premier Chairman Director
    Head Chief Dean Ambassador Counterpart Member Leader Team Group Delegation Crew
    Fund Budget Report Nature Cell Lancet Xinhua Press Daily Times News Post Journal
    Copilot Model Chip Battery Robot Chemist Telescope Reactor Rocket Spacecraft Spaceship
    Tokamak Superconducting Experimental Advanced Tandem Cell Launch Satellite
    """.split()
)
# Chinese official pages write the surname in capitals before the given name ("WANG
# Longde", "WAN Gang"); only a known surname followed by a given name reads so, never any
# acronym ("NSFC Director").
CAPS_SURNAMES = (
    "BAI CAI CAO CHEN CHENG CUI DENG DING DONG DU FAN FANG FENG GAO GONG GU GUO HAN HAO HE"
    " HOU HU HUANG JI JIA JIANG JIN KONG LEI LI LIANG LIAO LIN LIU LONG LU LUO LV MA MENG MIAO"
    " PAN PENG QIAN QIN QIU REN SHEN SHI SONG SU SUN TAN TANG TIAN WAN WANG WEI WEN WU XIA"
    " XIANG XIAO XIE XIONG XU XUE YAN YANG YAO YE YIN YU YUAN ZENG ZHANG ZHAO ZHENG ZHONG"
    " ZHOU ZHU ZOU"
).split()

# Small words a role phrase runs through ("Minister of Science and Technology").
ROLE_CONNECTORS = frozenset("of for the and & to on in at de la du des der von van".split())
# Country abbreviations a role may end with after a comma ("Foreign Secretary of The
# Royal Society (RS), UK").
ROLE_STOP_NAMES = frozenset({"UK", "US", "EU"})
# lowercase words that belong to a role in front of its head ("Ghana's foreign minister")
ROLE_ADJECTIVES = frozenset(
    """foreign finance science education defence defense health trade research technology
    industry energy environment interior economy agriculture deputy vice prime chief executive
    senior permanent principal general former acting nobel""".split()
)
# Words that qualify a role without being it ("former Minister", "newly appointed").
ROLE_MODIFIERS = frozenset(
    "former acting then outgoing incoming current honorary permanent newly appointed".split()
)
