"""A deterministic corpus for the scale benchmark: news sites and PDF reviews, N documents.

Three quarters of the documents are HTML news articles on three outlets (three page
layouts, each with navigation, a "Breaking News" ticker, related links, a sidebar, reader
comments and a footer), one quarter are two-column PDF reviews of 6-10 pages (running
header, page numbers, a title block on page 1, bold section headings, justified and
hyphenated text), drawn the way `samples/make_reviews.py` draws the sample reviews. The
text carries the facts the pipeline extracts: budgets (national, provincial, foreign, with
currencies and growth rates), joint laboratories and research projects with partners,
satellite launches, and committee meetings with dates, places and people with their roles,
in varied wording, countries, amounts and dates.

Each outlet has an RSS feed and the reviews have paginated listing pages; `sources.toml`
points the pipeline at them (feed and listing sources on 127.0.0.1, `allow_private`).
Every link inside the corpus is root-relative, so the same bytes can be served on any port;
only the TOML names the address.

Document i is drawn from its own random generator seeded by (seed, i): a corpus of 2,000
documents starts with the same 200 documents as a corpus of 200 (the feeds, listings and
related links differ). Same seed and N, byte-identical files (reportlab `invariant=1`, no
clock).

    python benchmarks/corpus.py OUT_DIR [--docs 200] [--seed 13] [--articles-only]
        [--base-url http://127.0.0.1:18931]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import math
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

DEFAULT_SEED = 13
DEFAULT_BASE_URL = "http://127.0.0.1:18931"
ISSUES_PER_LISTING_PAGE = 25
MANIFEST = "manifest.json"
MIN_PAGES, MAX_PAGES = 6, 10  # pages of a review

MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_ABBR = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()

# ------------------------------------------------------------------------------ pools


@dataclass(frozen=True)
class Country:
    name: str
    possessive: str
    capital: str
    ministry: str
    institutions: tuple[str, ...]
    people: tuple[str, ...]


COUNTRIES: tuple[Country, ...] = (
    Country(
        "Germany",
        "Germany's",
        "Berlin",
        "Federal Ministry of Education and Research",
        ("Fraunhofer Society", "Max Planck Society", "Technical University of Munich"),
        ("Katrin Vogel", "Matthias Brandt", "Sabine Keller"),
    ),
    Country(
        "France",
        "France's",
        "Paris",
        "Ministry of Higher Education and Research",
        ("French National Centre for Scientific Research", "Sorbonne University", "CNES"),
        ("Claire Dubois", "Antoine Lefevre", "Juliette Moreau"),
    ),
    Country(
        "Italy",
        "Italy's",
        "Rome",
        "Ministry of University and Research",
        ("University of Milan", "Italian Space Agency", "Politecnico di Torino"),
        ("Marco Bellini", "Giulia Romano", "Paolo Ferri"),
    ),
    Country(
        "Russia",
        "Russia's",
        "Moscow",
        "Ministry of Science and Higher Education",
        ("Russian Academy of Sciences", "Moscow State University", "Skoltech"),
        ("Nikolai Orlov", "Irina Volkova", "Sergei Petrov"),
    ),
    Country(
        "Brazil",
        "Brazil's",
        "Brasilia",
        "Ministry of Science, Technology and Innovation",
        ("National Institute for Space Research", "University of Sao Paulo", "Embrapa"),
        ("Ana Ribeiro", "Carlos Mendes", "Lucia Farias"),
    ),
    Country(
        "South Africa",
        "South Africa's",
        "Pretoria",
        "Department of Science and Innovation",
        ("University of Cape Town", "Council for Scientific and Industrial Research"),
        ("Thabo Nkosi", "Naledi Dlamini", "Pieter van Wyk"),
    ),
    Country(
        "Egypt",
        "Egypt's",
        "Cairo",
        "Ministry of Higher Education and Scientific Research",
        ("Cairo University", "Egyptian Space Agency", "Zewail City"),
        ("Ahmed Farouk", "Mona Hassan", "Tarek Selim"),
    ),
    Country(
        "Pakistan",
        "Pakistan's",
        "Islamabad",
        "Ministry of Science and Technology",
        ("Institute of Space Technology", "National University of Sciences and Technology"),
        ("Imran Qureshi", "Ayesha Malik", "Faisal Rana"),
    ),
    Country(
        "Sweden",
        "Sweden's",
        "Stockholm",
        "Ministry of Education and Research",
        ("KTH Royal Institute of Technology", "Lund University", "Karolinska Institutet"),
        ("Erik Holm", "Anna Lindqvist", "David Edvardsson"),
    ),
    Country(
        "Hungary",
        "Hungary's",
        "Budapest",
        "Ministry for Innovation and Technology",
        ("Eotvos Lorand University", "Hungarian Academy of Sciences"),
        ("Gabor Toth", "Eszter Nagy", "Laszlo Kovacs"),
    ),
    Country(
        "Serbia",
        "Serbia's",
        "Belgrade",
        "Ministry of Science, Technological Development and Innovation",
        ("University of Belgrade", "Vinca Institute of Nuclear Sciences"),
        ("Jelena Markovic", "Milan Jovanovic", "Dragan Ilic"),
    ),
    Country(
        "Thailand",
        "Thailand's",
        "Bangkok",
        "Ministry of Higher Education, Science, Research and Innovation",
        ("Chulalongkorn University", "National Science and Technology Development Agency"),
        ("Somchai Prasert", "Kanya Wongsa", "Niran Chaiyo"),
    ),
    Country(
        "Indonesia",
        "Indonesia's",
        "Jakarta",
        "National Research and Innovation Agency",
        ("Bandung Institute of Technology", "University of Indonesia"),
        ("Budi Santoso", "Siti Rahma", "Agus Wibowo"),
    ),
    Country(
        "Kazakhstan",
        "Kazakhstan's",
        "Astana",
        "Ministry of Science and Higher Education",
        ("Nazarbayev University", "Al-Farabi Kazakh National University"),
        ("Daniyar Akhmetov", "Aigerim Suleimenova", "Yerlan Bekov"),
    ),
    Country(
        "Argentina",
        "Argentina's",
        "Buenos Aires",
        "Ministry of Science, Technology and Innovation",
        ("National Scientific and Technical Research Council", "University of Buenos Aires"),
        ("Martin Gomez", "Valeria Sosa", "Diego Alvarez"),
    ),
    Country(
        "New Zealand",
        "New Zealand's",
        "Wellington",
        "Ministry of Business, Innovation and Employment",
        ("University of Auckland", "GNS Science"),
        ("Hannah Walker", "James Tane", "Olivia Reid"),
    ),
    Country(
        "Portugal",
        "Portugal's",
        "Lisbon",
        "Ministry of Science, Technology and Higher Education",
        ("University of Lisbon", "University of Porto"),
        ("Joao Silva", "Marta Costa", "Rui Pereira"),
    ),
    Country(
        "Saudi Arabia",
        "Saudi Arabia's",
        "Riyadh",
        "King Abdulaziz City for Science and Technology",
        ("King Abdullah University of Science and Technology", "King Saud University"),
        ("Faisal Al-Harbi", "Noura Al-Qahtani", "Khalid Al-Otaibi"),
    ),
    Country(
        "Kenya",
        "Kenya's",
        "Nairobi",
        "Ministry of Education, Science and Technology",
        ("University of Nairobi", "Jomo Kenyatta University of Agriculture and Technology"),
        ("Wanjiru Kamau", "Otieno Ochieng", "Amina Mwangi"),
    ),
    Country(
        "Vietnam",
        "Vietnam's",
        "Hanoi",
        "Ministry of Science and Technology",
        ("Vietnam Academy of Science and Technology", "Hanoi University of Science"),
        ("Nguyen Van Minh", "Tran Thi Lan", "Le Quang Huy"),
    ),
)

CHINESE_CITIES = (
    "Beijing Shanghai Shenzhen Hefei Wuhan Chengdu Nanjing Hangzhou Guangzhou Tianjin "
    "Harbin Changsha Kunming Lanzhou Xiamen Qingdao Dalian Suzhou Chongqing"
).split()
CHINESE_INSTITUTIONS = (
    "Chinese Academy of Sciences",
    "Tsinghua University",
    "Peking University",
    "Zhejiang University",
    "University of Science and Technology of China",
    "Fudan University",
    "Shanghai Jiao Tong University",
    "Harbin Institute of Technology",
    "Wuhan University",
    "Sun Yat-sen University",
    "Chinese Academy of Agricultural Sciences",
    "Nanjing University",
    "Xiamen University",
)
CHINESE_PEOPLE = (
    "Li Wenhua Zhang Mingyu Wang Jianguo Chen Xiaoling Liu Haitao Zhao Qiang Sun Yifan "
    "Zhou Lin Wu Defeng Xu Meiling Ma Zhiyong Hu Jingwen Guo Hong Lin Shuang He Weidong"
).split()
CHINESE_PEOPLE = [
    f"{a} {b}" for a, b in zip(CHINESE_PEOPLE[::2], CHINESE_PEOPLE[1::2], strict=True)
]
CHINESE_ROLES = (
    "vice minister of science and technology",
    "director general of the Department of International Cooperation of the Ministry of "
    "Science and Technology",
    "vice president of the Chinese Academy of Sciences",
    "deputy head of the China National Space Administration",
    "vice minister of education",
    "president of the National Natural Science Foundation of China",
)
FOREIGN_ROLES = (
    "minister of {ministry}",
    "state secretary at the {ministry}",
    "director general for research at the {ministry}",
    "{possessive} ambassador to China",
)
FIELDS = (
    "quantum information",
    "artificial intelligence",
    "green hydrogen",
    "marine science",
    "crop genetics",
    "rare earth materials",
    "battery technology",
    "space weather",
    "earthquake monitoring",
    "biodiversity",
    "semiconductor materials",
    "climate modelling",
    "nuclear fusion",
    "precision medicine",
    "water resources",
    "smart agriculture",
)
PROVINCES = (
    "Guangdong Jiangsu Zhejiang Shandong Anhui Hubei Sichuan Fujian Henan Hunan Shaanxi"
).split()
LAUNCH_SITES = (
    ("Jiuquan Satellite Launch Center", "Gansu Province"),
    ("Xichang Satellite Launch Center", "Sichuan Province"),
    ("Taiyuan Satellite Launch Center", "Shanxi Province"),
    ("Wenchang Space Launch Site", "Hainan Province"),
)
ROCKETS = "2C 2D 3B 4B 4C 6A 7A".split()
SATELLITE_SERIES = ("Yaogan", "Shiyan", "Gaofen", "Fengyun", "Tianhui", "Zhongxing", "Haiyang")
PARTNER_SATELLITES = {
    "Brazil": "CBERS",
    "France": "SVOM",
    "Italy": "CSES",
    "Pakistan": "PakSat-MM",
    "Egypt": "MisrSat",
    "Saudi Arabia": "SaudiSat",
}
OUTLETS = (
    ("courier", "Sample Courier", "blog"),
    ("sciwire", "Science Wire Asia", "portal"),
    ("techdaily", "Tech Policy Daily", "media"),
)
REVIEW_SERIES = (
    "China Science and Technology Review",
    "China Space and Innovation Monitor",
    "Asia Research Policy Digest",
    "China Technology Cooperation Bulletin",
)
COMMENTERS = "Ravi K. | Marta S. | J. Chen | Observer88 | Lena | Tom Whitfield | Kwame".split(" | ")
COMMENTS = (
    "Great to see more cooperation in basic research.",
    "The numbers look impressive but what about the results?",
    "Would be good to know how much of this goes to universities.",
    "Another launch, another milestone. Well done.",
    "I attended a similar meeting last year; the follow-up matters more than the signing.",
    "Interesting article, thanks for sharing.",
)


# ------------------------------------------------------------------------------ text


def _money(rng: random.Random) -> tuple[str, str]:
    """(amount in yuan, its US$ equivalent), e.g. ("12.6 billion yuan", "US$1.74 billion")."""
    if rng.random() < 0.7:
        value = round(rng.uniform(1.2, 95.0), 1)
        return f"{value} billion yuan", f"US${value / 7.2:.2f} billion"
    value = rng.randrange(120, 980, 10)
    return f"{value} million yuan", f"US${value / 7.2:.1f} million"


def _day_phrase(rng: random.Random, day: date, published: date) -> str:
    """How an article names a day: weekday in the same week, else a date."""
    delta = (published - day).days
    if 0 < delta < 6 and rng.random() < 0.5:
        return f"on {WEEKDAYS[day.weekday()]}"
    if rng.random() < 0.5:
        return f"on {day.day} {MONTHS[day.month - 1]}"
    return f"on {MONTHS[day.month - 1]} {day.day}"


def _person(rng: random.Random, country: Country) -> tuple[str, str]:
    role = rng.choice(FOREIGN_ROLES).format(
        ministry=country.ministry, possessive=country.possessive
    )
    return rng.choice(country.people), role


@dataclass
class Story:
    """One news item: a headline, a lead with the main fact, and supporting paragraphs."""

    kind: str
    headline: str
    dateline_city: str
    paragraphs: list[str]


def _budget_story(rng: random.Random, published: date) -> Story:
    year = published.year
    pct = round(rng.uniform(2.0, 15.0), 1)
    amount, usd = _money(rng)
    choice = rng.randrange(4)
    if choice == 0:
        lead = (
            f"China will raise central government spending on science and technology by "
            f"{pct} per cent to {amount} ({usd}) in {year}, according to a draft budget "
            f"submitted to the National People's Congress."
        )
        headline = f"China lifts central science spending {pct}% in {year} budget"
        city = "Beijing"
    elif choice == 1:
        province = rng.choice(PROVINCES)
        lead = (
            f"{province} Province will allocate {amount} to research and development this "
            f"year, up {pct} percent from {year - 1}, the provincial department of finance "
            f"said, with most of the money going to laboratories in {rng.choice(FIELDS)}."
        )
        headline = f"{province} sets aside {amount} for R&D as provinces compete for talent"
        city = rng.choice(CHINESE_CITIES)
    elif choice == 2:
        lead = (
            f"The National Natural Science Foundation of China (NSFC) plans to allocate "
            f"{amount} to research grants in {year}, up {pct} percent from the previous "
            f"year, the foundation said."
        )
        headline = f"NSFC to boost research grants by {pct}% in {year}"
        city = "Beijing"
    else:
        country = rng.choice(COUNTRIES)
        value = round(rng.uniform(0.3, 22.0), 2)
        currency = (
            "euros"
            if country.name in ("Germany", "France", "Italy", "Portugal")
            else ("U.S. dollars")
        )
        lead = (
            f"{country.possessive} {country.ministry} will spend {value} billion {currency} "
            f"on research in {year}, {pct} percent more than last year, as the government "
            f"seeks to keep pace with China's rising investment in science."
        )
        headline = f"{country.name} raises research budget {pct}% to keep pace with China"
        city = country.capital
    field_ = rng.choice(FIELDS)
    extra_amount, _ = _money(rng)
    support = (
        f"Of the total, {extra_amount} is earmarked for basic research in {field_}, the "
        f"finance ministry said in its budget report, which also pledged to "
        f'"improve the new system for mobilising resources nationwide" for core technologies.'
    )
    return Story("budget", headline, city, [lead, support])


def _joint_lab_story(rng: random.Random, published: date) -> Story:
    country = rng.choice(COUNTRIES)
    cn_inst = rng.choice(CHINESE_INSTITUTIONS)
    partner = rng.choice(country.institutions)
    field_ = rng.choice(FIELDS)
    name = f"China-{country.name} Joint Laboratory on {field_.title()}"
    city = rng.choice(CHINESE_CITIES + [country.capital])
    years = rng.randrange(3, 7)
    amount, usd = _money(rng)
    day = published - timedelta(days=rng.randrange(1, 6))
    verb = rng.choice(("inaugurated", "opened", "launched", "unveiled"))
    lead = (
        f"The {cn_inst} and {partner} of {country.name} {verb} the {name} in {city} "
        f"{_day_phrase(rng, day, published)}, with funding of {amount} ({usd}) over "
        f"{years} years."
    )
    person, role = _person(rng, country)
    cn_person, cn_role = rng.choice(CHINESE_PEOPLE), rng.choice(CHINESE_ROLES)
    support = (
        f"The laboratory will train {rng.randrange(20, 200)} doctoral students and share "
        f"data from its field stations, said {cn_person}, {cn_role}, who attended the "
        f"ceremony with {person}, {role}."
    )
    project = (
        f"The partners also launched a {years}-year research project, "
        f"{field_.title()} for Sustainable Development, under the intergovernmental "
        f"agreement signed by China and {country.name}, with {partner} leading the "
        f"{country.name} side."
    )
    headline = f"China, {country.name} open joint lab on {field_}"
    return Story("project", headline, city, [lead, support, project])


def _launch_story(rng: random.Random, published: date) -> Story:
    site, province = rng.choice(LAUNCH_SITES)
    rocket = f"Long March-{rng.choice(ROCKETS)}"
    partners = [c for c in COUNTRIES if c.name in PARTNER_SATELLITES]
    if rng.random() < 0.4:
        country = rng.choice(partners)
        sat = f"{PARTNER_SATELLITES[country.name]}-{rng.randrange(2, 9)}"
        owner = f"developed jointly by China and {country.name}"
    else:
        country = None
        series = rng.choice(SATELLITE_SERIES)
        sat = f"{series}-{rng.randrange(10, 45)}"
        owner = "developed by the China Academy of Space Technology"
    day = published - timedelta(days=rng.randrange(0, 3))
    hour, minute = rng.randrange(0, 24), rng.randrange(0, 60)
    lead = (
        f"China launched the {sat} satellite, {owner}, from the {site} in {province} "
        f"{_day_phrase(rng, day, published)} aboard a {rocket} rocket, the China National "
        f"Space Administration said."
    )
    support = (
        f"The rocket lifted off at {hour:02d}:{minute:02d} Beijing Time and the satellite "
        f"entered its planned orbit. It will be used for {rng.choice(FIELDS)} observation, "
        f"land surveys and disaster prevention."
    )
    paras = [lead, support]
    if country is not None:
        person, role = _person(rng, country)
        paras.append(
            f"{person}, {role}, said the mission showed what the two countries could "
            f"achieve together, and that data would be shared with researchers in both."
        )
    return Story("launch", f"China launches {sat} satellite", site.split()[0], paras)


def _meeting_story(rng: random.Random, published: date) -> Story:
    country = rng.choice(COUNTRIES)
    n = rng.randrange(2, 20)
    kind = rng.randrange(3)
    if kind == 0:
        title = (
            f"{ORDINALS[n - 1]} meeting of the China-{country.name} Joint Committee on "
            f"Science and Technology Cooperation"
        )
    elif kind == 1:
        title = f"{ORDINALS[n - 1]} China-{country.name} Innovation Dialogue"
    else:
        title = (
            f"{ORDINALS[n - 1]} session of the China-{country.name} Subcommission on "
            f"Science and Technology Cooperation"
        )
    city = rng.choice(["Beijing", rng.choice(CHINESE_CITIES), country.capital])
    start = published - timedelta(days=rng.randrange(1, 6))
    if rng.random() < 0.35:
        end = start + timedelta(days=1)
        when = f"from {start.day} to {end.day} {MONTHS[start.month - 1]} {start.year}"
        if end.month != start.month:
            when = f"on {start.day} {MONTHS[start.month - 1]} {start.year}"
    else:
        when = _day_phrase(rng, start, published)
    field_a, field_b = rng.sample(FIELDS, 2)
    lead = (
        f"China and {country.name} agreed to strengthen research collaboration in "
        f"{field_a} and {field_b} at the {title}, held in {city} {when}."
    )
    cn_person, cn_role = rng.choice(CHINESE_PEOPLE), rng.choice(CHINESE_ROLES)
    person, role = _person(rng, country)
    chairs = (
        f"The meeting was co-chaired by {cn_person}, {cn_role}, and {person}, {role}. "
        f"{rng.choice(country.people)}, {country.possessive} ambassador to China, also "
        f"attended."
    )
    outcome = (
        f"The two sides reviewed {rng.randrange(8, 60)} joint projects completed since the "
        f"last session and agreed to open a new call for proposals in {field_a} next year."
    )
    headline = f"China, {country.name} to deepen cooperation on {field_a}, {field_b}"
    return Story("meeting", headline, city, [lead, chairs, outcome])


STORY_KINDS: tuple[Callable[[random.Random, date], Story], ...] = (
    _budget_story,
    _joint_lab_story,
    _launch_story,
    _meeting_story,
)

_FILLER = (
    "China's spending on research and development reached {pct2} percent of GDP last year, "
    "according to the National Bureau of Statistics, still below the levels of South Korea "
    "and Israel but above the average of the European Union.",
    '"Basic research is the source of innovation, and we must be patient with it," said '
    "{cn_person}, a researcher at the {cn_inst}, adding that young scientists needed stable "
    "funding rather than short competitive grants.",
    "Analysts said the announcement reflects Beijing's push for self-reliance in science "
    "and technology after export controls cut Chinese companies off from advanced "
    "semiconductor manufacturing equipment.",
    "The number of international co-authored papers involving Chinese institutions rose "
    "for the {ordinal} consecutive year, according to a report by the Institute of "
    "Scientific and Technical Information of China.",
    "Trade between the two countries was worth about {trade} billion U.S. dollars last "
    "year, and officials have repeatedly said that science cooperation should be insulated "
    "from political tensions.",
    "Universities in {city} have expanded doctoral programmes in {field} by a third since "
    "2020, and several new research institutes have opened in the city's high-tech zones.",
    "Critics argue that the country still lags in original breakthroughs, pointing to its "
    "reliance on imported instruments and industrial software in many laboratories.",
    "The programme is part of the 14th Five-Year Plan, which calls for increasing basic "
    "research to eight percent of total research spending by 2025.",
)


def _filler(rng: random.Random, k: int) -> list[str]:
    out = []
    for template in rng.sample(_FILLER, k):
        out.append(
            template.format(
                pct2=f"{rng.uniform(2.1, 2.7):.2f}",
                cn_person=rng.choice(CHINESE_PEOPLE),
                cn_inst=rng.choice(CHINESE_INSTITUTIONS),
                ordinal=rng.choice(ORDINALS[2:9]),
                trade=rng.randrange(5, 300),
                city=rng.choice(CHINESE_CITIES),
                field=rng.choice(FIELDS),
            )
        )
    return out


def _dateline(city: str, published: date) -> str:
    return f"{city.upper()}, {MONTH_ABBR[published.month - 1]} {published.day} -- "


def _article_body(rng: random.Random, published: date) -> tuple[Story, list[str]]:
    """The main story with a dateline, a second story's facts now and then, and filler."""
    story = rng.choice(STORY_KINDS)(rng, published)
    paras = list(story.paragraphs)
    paras[0] = _dateline(story.dateline_city, published) + paras[0]
    fill = _filler(rng, rng.randrange(3, 6))
    body = [paras[0], *fill[:1], *paras[1:], *fill[1:]]
    if rng.random() < 0.35:
        other = rng.choice(STORY_KINDS)(rng, published)
        first = other.paragraphs[0]
        if first.startswith("The "):
            first = "the " + first[4:]
        body.insert(len(body) - 1, "Separately, " + first)
    return story, body


# ------------------------------------------------------------------------------ documents


@dataclass
class DocMeta:
    index: int
    kind: str  # "article" | "review"
    path: str  # root-relative URL path
    title: str
    published: date
    outlet: str = ""
    series: str = ""
    slug: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def _rng(seed: int, index: int, salt: str = "") -> random.Random:
    digest = hashlib.sha256(f"{seed}:{index}:{salt}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _published(rng: random.Random) -> date:
    return date(2019, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365))


def _slug(text: str, index: int) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return "-".join(words[:9]) + f"-{index}"


def is_review(index: int, articles_only: bool) -> bool:
    return not articles_only and index % 4 == 3


def plan(n_docs: int, seed: int, articles_only: bool = False) -> list[DocMeta]:
    """Titles, paths and dates of every document (cheap; the bodies are drawn later)."""
    docs: list[DocMeta] = []
    review_no = 0
    for i in range(n_docs):
        rng = _rng(seed, i, "meta")
        if is_review(i, articles_only):
            series = REVIEW_SERIES[review_no % len(REVIEW_SERIES)]
            month_no = review_no // len(REVIEW_SERIES)
            year, month = 2012 + month_no // 12, month_no % 12 + 1
            review_no += 1
            slug = f"{_slug(series, i).rsplit('-', 1)[0]}-{year}-{month:02d}"
            docs.append(
                DocMeta(
                    i,
                    "review",
                    f"/reviews/{slug}.pdf",
                    f"{series}, {MONTHS[month - 1]} {year}",
                    date(year, month, 1),
                    series=series,
                    slug=slug,
                    extra={"pages": rng.randrange(MIN_PAGES, MAX_PAGES + 1)},
                )
            )
        else:
            published = _published(rng)
            outlet = OUTLETS[i % len(OUTLETS)][0]
            story, _ = _article_body(_rng(seed, i, "body"), published)
            slug = _slug(story.headline, i)
            docs.append(
                DocMeta(
                    i,
                    "article",
                    f"/{outlet}/news/{slug}.html",
                    story.headline,
                    published,
                    outlet=outlet,
                    slug=slug,
                )
            )
    return docs


_e = html.escape


def _html_head(meta: DocMeta, outlet_name: str, description: str, layout: str) -> str:
    iso = f"{meta.published.isoformat()}T{8 + meta.index % 10:02d}:{meta.index % 60:02d}:00+08:00"
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": meta.title,
            "datePublished": iso,
            "publisher": {"@type": "Organization", "name": outlet_name},
        }
    )
    meta_tags = (
        f'<meta property="article:published_time" content="{iso}">'
        if layout != "portal"
        else f'<script type="application/ld+json">{ld}</script>'
    )
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(meta.title)} &#8211; {_e(outlet_name)}</title>
<meta name="description" content="{_e(description, quote=True)}">
<meta property="og:site_name" content="{_e(outlet_name, quote=True)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(meta.title, quote=True)}">
{meta_tags}
<link rel="stylesheet" href="/static/site.css" media="all">
<link rel="alternate" type="application/rss+xml" href="/{meta.outlet}/feed.xml">
<style>
body{{margin:0;font-family:Georgia,serif;color:#222}}
.breaking-news{{display:flex;gap:12px;background:#b00;color:#fff}}
.comment-list li{{margin:0 0 12px}}
</style>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}
gtag('config', 'G-BENCH{meta.index % 7}', {{'page_title': 'Breaking News'}});
</script>
</head>
"""


def _chrome(outlet_name: str, outlet: str, ticker: Sequence[DocMeta]) -> str:
    items = "\n".join(f'<li><a href="{d.path}">{_e(d.title.lower())}</a></li>' for d in ticker)
    return f"""<body>
<div class="top-bar"><span class="date-bar">Today's edition</span>
<ul class="top-links"><li><a href="/{outlet}/about.html">About Us</a></li><li><a href="/{outlet}/contact.html">Contact</a></li></ul></div>
<header class="site-header">
  <p class="site-title"><a href="/{outlet}/index.html">{_e(outlet_name)}</a></p>
  <nav class="main-navigation" aria-label="Main menu"><ul class="menu">
    <li><a href="/{outlet}/index.html">Home</a></li>
    <li><a href="/{outlet}/category/science/">Science and Technology</a></li>
    <li><a href="/{outlet}/category/policy/">Policy</a></li>
    <li><a href="/{outlet}/category/space/">Space</a></li>
    <li><a href="/reviews/index.html">Monthly Reviews</a></li>
  </ul></nav>
</header>
<div class="breaking-news"><span class="breaking-title">Breaking News</span>
<div class="ticker"><ul>
{items}
</ul></div></div>
"""  # noqa: E501


def _comments(rng: random.Random, published: date) -> str:
    n = rng.randrange(0, 5)
    items = []
    for k in range(n):
        day = published + timedelta(days=k + 1)
        items.append(
            f'<li class="comment"><div class="comment-author">{_e(rng.choice(COMMENTERS))}</div>'
            f'<div class="comment-metadata">{MONTHS[day.month - 1]} {day.day}, {day.year} at '
            f"{rng.randrange(1, 12)}:{rng.randrange(0, 60):02d} pm</div>"
            f'<div class="comment-content"><p>{_e(rng.choice(COMMENTS))}</p></div></li>'
        )
    listing = f'<ol class="comment-list">\n{chr(10).join(items)}\n</ol>\n' if items else ""
    return f"""<div id="comments" class="comments-area">
<h3 class="comments-title">{n} thoughts on this story</h3>
{listing}<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3>
<form action="/comments/post" method="post" class="comment-form">
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<p><label for="comment">Comment *</label> <textarea id="comment" name="comment"></textarea></p>
<p><input name="submit" type="submit" value="Post Comment"></p>
</form></div></div>
"""  # noqa: E501


def _footer(outlet_name: str, outlet: str) -> str:
    return f"""<footer class="site-footer">
<section class="footer-about"><h3>About {_e(outlet_name)}</h3><p>{_e(outlet_name)} covers research funding, innovation policy and international cooperation, with daily reporting and analysis from contributors around the world.</p></section>
<ul class="footer-links"><li><a href="/{outlet}/privacy.html">Privacy Policy</a></li><li><a href="/{outlet}/feed.xml">RSS</a></li></ul>
<p class="copyright">Copyright &copy; 2025 {_e(outlet_name)}. All rights reserved.</p>
</footer>
<div id="cookie-notice" hidden><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<script src="/static/site.js" defer></script>
</body>
</html>
"""  # noqa: E501


def render_article(meta: DocMeta, seed: int, neighbours: Sequence[DocMeta]) -> bytes:
    rng = _rng(seed, meta.index, "body")
    _story, body = _article_body(rng, meta.published)
    page_rng = _rng(seed, meta.index, "page")
    outlet_name, layout = next((n, lay) for o, n, lay in OUTLETS if o == meta.outlet)
    author = rng.choice(CHINESE_PEOPLE + [p for c in COUNTRIES[:4] for p in c.people])
    visible_date = f"{MONTHS[meta.published.month - 1]} {meta.published.day}, {meta.published.year}"
    related = "\n".join(f'<li><a href="{d.path}">{_e(d.title)}</a></li>' for d in neighbours)
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in body)
    share = (
        '<div class="share"><span>Share this:</span> <a href="https://x.com/intent/post">X</a> '
        '<a href="https://www.facebook.com/sharer/sharer.php">Facebook</a> '
        '<a href="mailto:?subject=Shared">Email</a></div>'
    )
    if layout == "blog":
        main = f"""<div id="content"><main id="main" class="site-main">
<article class="post type-post hentry">
<header class="entry-header"><h1 class="entry-title">{_e(meta.title)}</h1>
<div class="entry-meta"><span class="byline">By <a href="/author/{meta.index % 40}/">{_e(author)}</a></span>
<time class="entry-date published" datetime="{meta.published.isoformat()}">{visible_date}</time></div></header>
<div class="entry-content">
{paras}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/{meta.outlet}/category/science/">Science and Technology</a></span></footer>
{share}
</article>
<section class="related-posts"><h3>Related Posts</h3><ul>
{related}
</ul></section>
{_comments(page_rng, meta.published)}</main>
<aside class="sidebar"><section class="widget"><h2 class="widget-title">Newsletter</h2><p>Sign up for our weekly digest of science and innovation stories.</p></section></aside></div>
"""  # noqa: E501
    elif layout == "portal":
        chunks = [f"<p>{_e(p)}</p>" for p in body]
        chunks.insert(
            len(chunks) // 2,
            '<div class="ad-slot"><span class="ad-label">Advertisement</span></div>',
        )
        joined = "\n".join(chunks)
        main = f"""<div id="wrapper" class="container"><div class="row"><div class="col-md-8">
<div class="story-head"><h1 class="story-title">{_e(meta.title)}</h1>
<div class="story-info"><span class="story-date">{visible_date}</span> <span class="story-author">{_e(author)}</span></div></div>
<div class="story-text">
{joined}
</div>
{share}
<div class="more-stories"><h4>More stories</h4><ul>
{related}
</ul></div>
{_comments(page_rng, meta.published)}</div>
<div class="col-md-4"><div class="widget popular-posts"><h4>Most Popular</h4><ol>
{related}
</ol></div></div></div></div>
"""  # noqa: E501
    else:
        parts = []
        for k, p in enumerate(body):
            parts.append(f"<p>{_e(p)}</p>")
            if k == 2 and neighbours:
                d = neighbours[0]
                parts.append(
                    f'<p class="also-read"><strong>Also Read:</strong> '
                    f'<a href="{d.path}">{_e(d.title)}</a></p>'
                )
        joined = "\n".join(parts)
        main = f"""<main class="news-page" role="main">
<div class="breadcrumb"><a href="/{meta.outlet}/index.html">Home</a> &gt; <a href="/{meta.outlet}/category/science/">Science</a></div>
<h1 class="news-title">{_e(meta.title)}</h1>
<div class="news-meta"><span class="news-author">{_e(author)}</span> <time datetime="{meta.published.isoformat()}">{visible_date}</time></div>
{share}
<section class="news-body" id="cmsMainContent">
{joined}
</section>
<section class="recommend-list"><h3>Recommended</h3><ul>
{related}
</ul></section>
{_comments(page_rng, meta.published)}</main>
"""  # noqa: E501
    head = _html_head(meta, outlet_name, body[0][:150], layout)
    page = (
        head
        + _chrome(outlet_name, meta.outlet, neighbours[:4])
        + main
        + _footer(outlet_name, meta.outlet)
    )
    return page.encode("utf-8")


# ------------------------------------------------------------------------------ PDFs

# Calibrated on the layout below: words of body text per page of two 10 pt columns.
WORDS_PER_PAGE = 690


def _review_sections(rng: random.Random, month: date, pages: int) -> list[tuple[str, str]]:
    """(kind, text) blocks: headed sections, each a story of the month, until `pages` full."""
    blocks: list[tuple[str, str]] = []
    words = 0
    target = int((pages - 0.5) * WORDS_PER_PAGE)
    while words < target:
        published = month + timedelta(days=rng.randrange(0, 27))
        story = rng.choice(STORY_KINDS)(rng, published)
        blocks.append(("heading", story.headline.replace("%", " percent")))
        paras = list(story.paragraphs) + _filler(rng, rng.randrange(1, 3))
        for p in paras:
            blocks.append(("paragraph", p))
            words += len(p.split())
        words += 20  # the heading and its spacing
    return blocks


def render_review(meta: DocMeta, seed: int) -> bytes:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
    )
    from reportlab.platypus.flowables import HRFlowable

    rng = _rng(seed, meta.index, "body")
    pages = int(meta.extra["pages"])  # type: ignore[call-overload]
    blocks = _review_sections(rng, meta.published, pages)
    page_w, page_h = A4
    margin, gutter, top, bottom = 50.0, 20.0, page_h - 64.0, 58.0
    col_w = (page_w - 2 * margin - gutter) / 2
    ink, accent = HexColor("#1a1a1a"), HexColor("#7a1f1f")
    month_label = f"{MONTHS[meta.published.month - 1]} {meta.published.year}"
    split_header = meta.index % 8 == 3

    def hyphenate(word: str) -> list[tuple[str, str]]:
        if len(word) < 8 or not word.isalpha():
            return []
        return [
            (word[:cut], word[cut:])
            for cut in range(len(word) - 3, 3, -1)
            if word[cut:] in ("tion", "tions", "ment", "ogy", "ical", "ence", "ance")
            and word[cut - 1].islower()
        ]

    body = ParagraphStyle(
        "body",
        fontName="Helvetica",
        fontSize=10,
        leading=13,
        alignment=TA_JUSTIFY,
        spaceAfter=7,
        textColor=ink,
        hyphenationLang=hyphenate,  # type: ignore[arg-type]
        embeddedHyphenation=1,
        hyphenationMinWordLength=6,
    )
    plain = ParagraphStyle("plain", parent=body, hyphenationLang="", embeddedHyphenation=0)
    heading = ParagraphStyle(
        "heading",
        fontName="Helvetica-Bold",
        fontSize=12.5,
        leading=15,
        alignment=TA_LEFT,
        spaceBefore=8,
        spaceAfter=6,
        textColor=accent,
        keepWithNext=1,
    )
    masthead = ParagraphStyle(
        "masthead",
        fontName="Helvetica-Bold",
        fontSize=20,
        leading=24,
        alignment=TA_CENTER,
        textColor=accent,
    )
    month_style = ParagraphStyle(
        "month", fontName="Helvetica", fontSize=13, leading=16, alignment=TA_CENTER
    )

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFillColor(ink)
        canvas.setFont("Helvetica", 8.5)
        y = page_h - 38
        if split_header:
            canvas.drawString(margin, y, meta.series)
            canvas.drawRightString(page_w - margin, y, month_label)
        else:
            canvas.drawString(margin, y, f"{meta.series} | {month_label}")
        canvas.setStrokeColor(accent)
        canvas.setLineWidth(0.6)
        canvas.line(margin, y - 6, page_w - margin, y - 6)
        canvas.line(margin, 44, page_w - margin, 44)
        if split_header:
            canvas.drawRightString(page_w - margin, 30, str(canvas.getPageNumber()))
        else:
            canvas.drawCentredString(page_w / 2, 30, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    title_h = 64.0
    title_frame = Frame(margin, top - title_h, page_w - 2 * margin, title_h, 0, 0, 0, 0)
    col_top = top - title_h - 12

    def columns(y_top: float, suffix: str) -> list[Frame]:
        return [
            Frame(margin, bottom, col_w, y_top - bottom, 0, 0, 0, 0, id=f"l{suffix}"),
            Frame(
                margin + col_w + gutter, bottom, col_w, y_top - bottom, 0, 0, 0, 0, id=f"r{suffix}"
            ),
        ]

    def draw(blocks: list[tuple[str, str]]) -> tuple[bytes, int]:
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf,
            pagesize=A4,
            invariant=1,
            pageCompression=1,
            title=meta.title,
            author="Benchmark corpus",
            subject=meta.series,
            creator="chinasci benchmarks/corpus.py",
            producer="ReportLab",
            pageTemplates=[
                PageTemplate("first", [title_frame, *columns(col_top, "1")], onPage=furniture),
                PageTemplate("later", columns(top, "n"), onPage=furniture),
            ],
        )
        story = [
            NextPageTemplate("later"),
            Paragraph(xml_escape(meta.series), masthead),
            Paragraph(month_label, month_style),
            HRFlowable(width="100%", thickness=0.8, color=accent, spaceBefore=2),
            FrameBreak(),
        ]
        for kind, text in blocks:
            escaped = xml_escape(text)
            if kind == "heading":
                story.append(Paragraph(escaped, heading))
            else:
                story.append(Paragraph(escaped, plain if escaped != text else body))
        doc.build(story)
        return buf.getvalue(), doc.page

    data, drawn = draw(blocks)
    while drawn > MAX_PAGES:  # the estimate overshot: drop the last section and draw again
        last = max(k for k, (kind, _) in enumerate(blocks) if kind == "heading")
        blocks = blocks[:last]
        data, drawn = draw(blocks)
    meta.extra["pages_drawn"] = drawn
    return data


# ------------------------------------------------------------------------------ indexes


def render_feed(outlet: str, outlet_name: str, items: Sequence[DocMeta]) -> bytes:
    """RSS 2.0 with root-relative links (resolved against the feed's own URL), newest first."""
    rows = []
    for d in sorted(items, key=lambda m: (m.published, m.index), reverse=True):
        day = d.published
        pub = f"{WEEKDAYS[day.weekday()][:3]}, {day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}"
        rows.append(
            f"""    <item>
      <title>{_e(d.title)}</title>
      <link>{d.path}</link>
      <guid isPermaLink="false">{outlet}-{d.index}</guid>
      <pubDate>{pub} 08:00:00 +0800</pubDate>
      <category>Science and Technology</category>
    </item>"""
        )
    body = "\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>{_e(outlet_name)} - Science and Technology</title>
    <link>/{outlet}/index.html</link>
    <description>Science, technology and policy news</description>
    <language>en-US</language>
{body}
  </channel>
</rss>
""".encode()


def render_listing(page: int, n_pages: int, issues: Sequence[DocMeta]) -> bytes:
    items = "\n".join(
        f"""      <li class="issue">
        <h2><time datetime="{d.published.isoformat()}">{d.title}</time></h2>
        <a class="issue-pdf" href="{d.path}">{_e(d.title)} (PDF)</a>
      </li>"""
        for d in issues
    )
    nxt = (
        f'<a class="next-page" href="/reviews/page-{page + 1}.html">Older issues &raquo;</a>'
        if page < n_pages
        else ""
    )
    prev = '<a class="prev-page" href="/reviews/index.html">Newest issues</a>' if page > 1 else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Reviews (page {page})</title></head>
<body>
  <header class="site-header"><p class="site-name">Benchmark Institute for Science Policy</p>
    <nav><a href="/reviews/index.html">Reviews</a> <a href="/about.html">About</a></nav></header>
  <main>
    <h1>Monthly reviews</h1>
    <ul class="issues">
{items}
    </ul>
    <nav class="pager">{prev} {nxt}</nav>
  </main>
  <footer><p>Contact: reviews@example.org</p></footer>
</body>
</html>
""".encode()


def listing_path(page: int) -> str:
    return "/reviews/index.html" if page == 1 else f"/reviews/page-{page}.html"


ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"


def sources_toml(base_url: str, docs: Sequence[DocMeta]) -> str:
    """The pipeline's configuration for the corpus served at `base_url`."""
    n_reviews = sum(1 for d in docs if d.kind == "review")
    n_pages = max(1, math.ceil(n_reviews / ISSUES_PER_LISTING_PAGE))
    host = base_url.split("://", 1)[1].split(":", 1)[0].split("/", 1)[0]
    lines = [
        "# Benchmark corpus (benchmarks/corpus.py): news feeds and PDF reviews on loopback.",
        "",
        "[pipeline]",
        'user_agent = "chinasci/0.1 (scale benchmark)"',
        'timezone = "UTC"',
        'schedule = "0 2 * * *"',
        'data_dir = "data"',
        "connect_timeout = 5.0",
        "read_timeout = 30.0",
        "max_bytes = 20_000_000",
        "per_host_delay = 0.0",
        "max_in_flight_per_host = 4",
        "retries = 2",
        "backoff_base = 0.2",
    ]
    for outlet, _name, _layout in OUTLETS:
        if any(d.outlet == outlet for d in docs):
            lines += [
                "",
                "[[sources]]",
                f'id = "bench-{outlet}"',
                'kind = "feed"',
                f'url = "{base_url}/{outlet}/feed.xml"',
                'doc_type = "article"',
                f'allowed_hosts = ["{host}"]',
                "allow_private = true",
            ]
    if n_reviews:
        lines += [
            "",
            "[[sources]]",
            'id = "bench-reviews"',
            'kind = "listing"',
            f'url = "{base_url}/reviews/index.html"',
            'doc_type = "review"',
            'link_selector = "a.issue-pdf"',
            'next_selector = "a.next-page"',
            f"max_pages = {min(1000, n_pages + 1)}",
            f'allowed_hosts = ["{host}"]',
            "allow_private = true",
        ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ build


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def iter_files(
    n_docs: int, seed: int = DEFAULT_SEED, articles_only: bool = False
) -> Iterator[tuple[str, bytes, DocMeta | None]]:
    """(root-relative path, bytes, document or None for indexes) of the whole corpus."""
    docs = plan(n_docs, seed, articles_only)
    articles = [d for d in docs if d.kind == "article"]
    position = {d.index: k for k, d in enumerate(articles)}
    for d in docs:
        if d.kind == "article":
            k = position[d.index]
            near = [articles[j] for j in range(max(0, k - 3), min(len(articles), k + 4)) if j != k]
            yield d.path, render_article(d, seed, near[:5]), d
        else:
            yield d.path, render_review(d, seed), d
    for outlet, name, _layout in OUTLETS:
        items = [d for d in articles if d.outlet == outlet]
        if items:
            yield f"/{outlet}/feed.xml", render_feed(outlet, name, items), None
    reviews = sorted(
        (d for d in docs if d.kind == "review"), key=lambda m: (m.published, m.index), reverse=True
    )
    n_pages = max(1, math.ceil(len(reviews) / ISSUES_PER_LISTING_PAGE))
    if reviews:
        for p in range(1, n_pages + 1):
            chunk = reviews[(p - 1) * ISSUES_PER_LISTING_PAGE : p * ISSUES_PER_LISTING_PAGE]
            yield listing_path(p), render_listing(p, n_pages, chunk), None
    yield "/robots.txt", ROBOTS_TXT, None


def build(
    out_dir: Path,
    n_docs: int,
    seed: int = DEFAULT_SEED,
    articles_only: bool = False,
    base_url: str = DEFAULT_BASE_URL,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, object]:
    """Write the corpus under `out_dir/site`, `out_dir/sources.toml` and a manifest."""
    out_dir = Path(out_dir)
    site = out_dir / "site"
    documents: list[dict[str, object]] = []
    n_indexes = 0
    done = 0
    for path, data, meta in iter_files(n_docs, seed, articles_only):
        _write(site / path.lstrip("/"), data)
        if meta is None:
            n_indexes += 1
            continue
        done += 1
        if progress is not None:
            progress(done, n_docs)
        entry: dict[str, object] = {"path": path, "kind": meta.kind, "bytes": len(data)}
        if meta.kind == "review":
            entry["pages"] = meta.extra.get("pages_drawn")
        documents.append(entry)
    docs = plan(n_docs, seed, articles_only)
    (out_dir / "sources.toml").write_text(sources_toml(base_url, docs), encoding="utf-8")
    manifest = {
        "seed": seed,
        "documents": n_docs,
        "articles_only": articles_only,
        "articles": sum(1 for d in documents if d["kind"] == "article"),
        "reviews": sum(1 for d in documents if d["kind"] == "review"),
        "pdf_pages": sum(int(d.get("pages") or 0) for d in documents),  # type: ignore[call-overload]
        "index_files": n_indexes,
        "bytes": sum(int(d["bytes"]) for d in documents),  # type: ignore[call-overload]
        "files": documents,
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--articles-only", action="store_true")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL)
    args = parser.parse_args(argv)
    manifest = build(args.out_dir, args.docs, args.seed, args.articles_only, args.base_url)
    summary = {k: v for k, v in manifest.items() if k != "files"}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
