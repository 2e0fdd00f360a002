"""The evaluation's matching and metrics, and the validity of the gold set itself."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pycountry
import pytest

from evaluation import (
    GoldDocument,
    GoldFact,
    GoldFormatError,
    candidates_from_gold,
    evaluate,
    format_report,
    load_gold,
    name_similarity,
    report_to_dict,
    sections_from_text,
    validate_gold,
    validate_same_as,
)
from extract.documents import ParsedDocument
from transform.facts import (
    BUDGET_CATEGORIES,
    BUDGET_PHASES,
    MEETING_TYPES,
    PARTICIPANT_KINDS,
    PROJECT_STATUSES,
    PROJECT_TYPES,
    Budget,
    Candidate,
    FactRow,
    Meeting,
    MeetingParticipant,
    Mention,
    Project,
    ProjectParticipant,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
TABLES = ("budgets", "projects", "meetings")


# --------------------------------------------------------------------------------------
# helpers: hand-made extractors and consolidators
# --------------------------------------------------------------------------------------


def identity_consolidate(candidates: Iterable[Candidate]) -> list[FactRow]:
    """One row per candidate: merges nothing."""
    return [
        FactRow(fact_type=c.fact_type, fact_id=f"row{i}", fact=c.fact, mentions=(c.mention,))
        for i, c in enumerate(candidates)
    ]


def equal_fact_consolidate(candidates: Iterable[Candidate]) -> list[FactRow]:
    """Merges candidates whose facts are identical."""
    rows: dict[object, list[Candidate]] = {}
    for c in candidates:
        rows.setdefault(c.fact, []).append(c)
    return [
        FactRow(
            fact_type=cs[0].fact_type,
            fact_id=f"row{i}",
            fact=cs[0].fact,
            mentions=tuple(c.mention for c in cs),
        )
        for i, cs in enumerate(rows.values())
    ]


def oracle_consolidate(gold: list[GoldDocument]):
    """Merges candidates by the gold `same_as` keys (what a perfect consolidator does)."""
    key_of = {(gf.doc_id, gf.evidence): gf.key for doc in gold for gf in doc.all_facts()}

    def consolidate(candidates: Iterable[Candidate]) -> list[FactRow]:
        groups: dict[str, list[Candidate]] = {}
        for c in candidates:
            key = key_of.get(
                (c.mention.doc_id, c.mention.evidence), f"{c.mention.doc_id}@{c.mention.char_start}"
            )
            groups.setdefault(key, []).append(c)
        return [
            FactRow(
                fact_type=cs[0].fact_type,
                fact_id=key,
                fact=cs[0].fact,
                mentions=tuple(c.mention for c in cs),
            )
            for key, cs in groups.items()
        ]

    return consolidate


def lump_consolidate(candidates: Iterable[Candidate]) -> list[FactRow]:
    """Merges everything of one fact type into one row (a badly broken consolidator)."""
    groups: dict[str, list[Candidate]] = {}
    for c in candidates:
        groups.setdefault(c.fact_type, []).append(c)
    return [
        FactRow(
            fact_type=t, fact_id=f"lump-{t}", fact=cs[0].fact, mentions=tuple(c.mention for c in cs)
        )
        for t, cs in groups.items()
    ]


def extractor_from(by_doc: dict[str, list[Candidate]]):
    def extract(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
        assert isinstance(doc, ParsedDocument) and doc.text
        return list(by_doc.get(doc_id, []))

    return extract


def nothing(doc_id: str, doc: ParsedDocument, doc_type: str) -> list[Candidate]:
    return []


def budget(amount: float = 370_828_000_000, currency: str = "CNY", **kw) -> Budget:
    values = dict(
        spender_country="CHN",
        spender_org=None,
        category="science_technology",
        fiscal_year=2024,
        amount=amount,
        currency=currency,
        amount_usd=None,
        stated_usd=None,
        change_pct=10.0,
        phase="proposed",
    )
    values.update(kw)
    return Budget(**values)


def project(name: str = "China-Kazakhstan Joint Laboratory for Remote Sensing", **kw) -> Project:
    values = dict(
        name=name,
        project_type="joint_lab",
        status="inaugurated",
        event_date=date(2024, 3, 27),
        city="Almaty",
        country="KAZ",
        funding_amount=None,
        funding_currency=None,
        funding_usd=None,
        participants=(
            ProjectParticipant("country", "China", "CHN"),
            ProjectParticipant("country", "Kazakhstan", "KAZ"),
        ),
    )
    values.update(kw)
    return Project(**values)


def meeting(
    title: str = "7th China-Sweden Joint Committee on Science and Technology Cooperation", **kw
) -> Meeting:
    values = dict(
        title=title,
        meeting_type="committee",
        start_date=date(2024, 11, 12),
        end_date=date(2024, 11, 12),
        city="Beijing",
        country="CHN",
        summary=None,
        participants=(
            MeetingParticipant("country", "China", country="CHN"),
            MeetingParticipant("country", "Sweden", country="SWE"),
            MeetingParticipant(
                "person",
                "Dai Gang",
                "Director General",
                "Ministry of Science and Technology",
                "CHN",
            ),
            MeetingParticipant(
                "person",
                "David Edvardsson",
                "Director",
                "Swedish Ministry of Education and Research",
                "SWE",
            ),
        ),
    )
    values.update(kw)
    return Meeting(**values)


TEXT = (
    "The budget is 370.828 billion yuan.\n\nThe lab opened in Almaty.\n\n"
    "The committee met in Beijing."
)
EVIDENCE = {
    "budgets": "370.828 billion yuan",
    "projects": "The lab opened in Almaty",
    "meetings": "The committee met in Beijing",
}


def tiny_doc(
    doc_id: str = "tiny",
    budgets=(),
    projects=(),
    meetings=(),
    same_as: dict[str, str] | None = None,
) -> GoldDocument:
    same_as = same_as or {}
    tables = {}
    for table, facts in (("budgets", budgets), ("projects", projects), ("meetings", meetings)):
        tables[table] = tuple(
            GoldFact(
                doc_id=doc_id,
                table=table,
                index=i,
                fact=f,
                evidence=EVIDENCE[table],
                same_as=same_as.get(table),
            )
            for i, f in enumerate(facts)
        )
    return GoldDocument(
        doc_id=doc_id,
        doc_type="article",
        published_date=date(2024, 11, 14),
        title="Tiny",
        text=TEXT,
        **tables,
    )


def cand(doc_id: str, fact, table: str) -> Candidate:
    ev = EVIDENCE[table]
    start = TEXT.index(ev)
    return Candidate(fact=fact, mention=Mention(doc_id, ev, start, start + len(ev)))


def run(gold: list[GoldDocument], predicted: dict[str, list], consolidate=identity_consolidate):
    by_doc = {}
    for doc_id, facts in predicted.items():
        out = []
        for f in facts:
            table = {"Budget": "budgets", "Project": "projects", "Meeting": "meetings"}[
                type(f).__name__
            ]
            out.append(cand(doc_id, f, table))
        by_doc[doc_id] = out
    return evaluate(gold, extractor_from(by_doc), consolidate)


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD_DIR)


@pytest.fixture(scope="module")
def perfect_candidates(gold) -> dict[str, list[Candidate]]:
    return {doc.doc_id: candidates_from_gold(doc) for doc in gold}


# --------------------------------------------------------------------------------------
# metrics on the real gold set with synthetic extractors
# --------------------------------------------------------------------------------------


def test_perfect_extractor_scores_one(gold, perfect_candidates):
    report = evaluate(gold, extractor_from(perfect_candidates), identity_consolidate)
    for table in TABLES:
        s = report.tables[table]
        assert s.fn == 0 and s.fp == 0 and s.tp == sum(len(d.facts(table)) for d in gold)
        assert s.precision == s.recall == s.f1 == 1.0
        for name, fs in s.fields.items():
            assert fs.accuracy in (None, 1.0), (table, name, fs)
    assert report.tables["meetings"].fields["persons"].total > 0
    assert report.bad_mentions == 0
    assert all(d.error is None for d in report.documents)


def test_empty_extractor_has_recall_zero(gold):
    report = evaluate(gold, nothing, identity_consolidate)
    for table in TABLES:
        s = report.tables[table]
        assert s.tp == 0 and s.fp == 0 and s.fn > 0
        assert s.recall == 0.0 and s.f1 == 0.0
        assert s.precision == 0.0  # nothing predicted while there was something to find
    assert report.cross_document.count("missed") == len(report.cross_document.groups)


def test_every_fact_twice_loses_precision(gold, perfect_candidates):
    doubled = {k: v + v for k, v in perfect_candidates.items()}
    report = evaluate(gold, extractor_from(doubled), identity_consolidate)
    for table in TABLES:
        s = report.tables[table]
        assert s.recall == 1.0
        assert s.fp == s.tp and s.precision == pytest.approx(0.5)
    # a consolidator that merges the duplicates restores precision
    report = evaluate(gold, extractor_from(doubled), equal_fact_consolidate)
    assert all(report.tables[t].precision == 1.0 for t in TABLES)


def test_cross_document_groups(gold, perfect_candidates):
    extract = extractor_from(perfect_candidates)
    merged = evaluate(gold, extract, oracle_consolidate(gold)).cross_document
    assert len(merged.groups) >= 2
    assert merged.count("merged") == len(merged.groups) and merged.merge_rate == 1.0
    assert merged.false_merges == ()

    unmerged = evaluate(gold, extract, identity_consolidate).cross_document
    assert unmerged.count("split") == len(unmerged.groups)
    assert unmerged.false_merges == ()

    # lumping a table into one row loses facts within documents (missed) and merges
    # different facts across documents (one false merge per table)
    lumped = evaluate(gold, extract, lump_consolidate).cross_document
    assert lumped.count("split") == 0 and lumped.count("missed") > 0
    assert len(lumped.false_merges) == 3


def test_report_formats(gold, perfect_candidates):
    report = evaluate(gold, extractor_from(perfect_candidates), identity_consolidate)
    text = format_report(report, details=True)
    for word in (
        "budgets",
        "projects",
        "meetings",
        "precision",
        "Cross-document",
        "seed_000_review_2024_03",
    ):
        assert word in text
    data = json.loads(json.dumps(report_to_dict(report), default=str))
    assert data["tables"]["budgets"]["f1"] == 1.0
    assert data["documents"] == len(gold)
    assert {d["doc_id"] for d in data["per_document"]} == {d.doc_id for d in gold}


# --------------------------------------------------------------------------------------
# matching rules with hand-made candidates
# --------------------------------------------------------------------------------------


def test_amount_within_half_a_percent_matches_and_one_percent_does_not():
    doc = tiny_doc(budgets=[budget(100_000_000)])
    assert run([doc], {"tiny": [budget(100_400_000)]}).tables["budgets"].tp == 1
    assert run([doc], {"tiny": [budget(99_600_000)]}).tables["budgets"].tp == 1
    off = run([doc], {"tiny": [budget(101_000_000)]}).tables["budgets"]
    assert (off.tp, off.fp, off.fn) == (0, 1, 1)
    off = run([doc], {"tiny": [budget(99_000_000)]}).tables["budgets"]
    assert (off.tp, off.fp, off.fn) == (0, 1, 1)


def test_budget_currency_must_agree():
    doc = tiny_doc(budgets=[budget(1_000_000, "CNY")])
    s = run([doc], {"tiny": [budget(1_000_000, "USD")]}).tables["budgets"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_budget_field_accuracy():
    doc = tiny_doc(budgets=[budget(change_pct=-4.3, stated_usd=51.5e9)])
    pred = budget(category="research_funding", phase="approved", change_pct=-4.31, stated_usd=None)
    s = run([doc], {"tiny": [pred]}).tables["budgets"]
    assert s.tp == 1
    acc = {k: v.accuracy for k, v in s.fields.items()}
    assert acc == {
        "category": 0.0,
        "fiscal_year": 1.0,
        "phase": 0.0,
        "spender_country": 1.0,
        "change_pct": 1.0,
        "stated_usd": 0.0,
    }


def test_budget_matching_prefers_the_closer_amount_and_is_one_to_one():
    doc = tiny_doc(
        budgets=[budget(100_000_000, category="defense"), budget(100_300_000, category="diplomacy")]
    )
    preds = [
        budget(100_290_000, category="diplomacy"),
        budget(100_010_000, category="defense"),
        budget(100_100_000, category="other"),
    ]
    report = run([doc], {"tiny": preds})
    s = report.tables["budgets"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.fields["category"].accuracy == 1.0
    again = run([doc], {"tiny": preds})
    assert report_to_dict(again) == report_to_dict(report)


def test_project_matches_on_date_and_partners_or_on_name():
    doc = tiny_doc(projects=[project()])
    # different wording, same date and partner country
    other_name = project(name="Remote sensing lab in Almaty")
    assert run([doc], {"tiny": [other_name]}).tables["projects"].tp == 1
    # same distinctive name words, no date
    undated = project(name="Joint Laboratory for Remote Sensing", event_date=None, participants=())
    assert run([doc], {"tiny": [undated]}).tables["projects"].tp == 1
    # neither: another date and an unrelated name
    unrelated = project(name="Smart agriculture laboratory", event_date=date(2024, 3, 28))
    assert run([doc], {"tiny": [unrelated]}).tables["projects"].tp == 0
    # same date but no shared partner and an unrelated name
    stranger = project(
        name="Water lab", participants=(ProjectParticipant("country", "Peru", "PER"),)
    )
    assert run([doc], {"tiny": [stranger]}).tables["projects"].tp == 0


def test_project_field_accuracy():
    doc = tiny_doc(projects=[project()])
    pred = project(
        status="launched",
        city=" almaty ",
        country="KAZ",
        participants=(ProjectParticipant("country", "China", "CHN"),),
    )
    s = run([doc], {"tiny": [pred]}).tables["projects"]
    acc = {k: v.accuracy for k, v in s.fields.items()}
    assert acc == {
        "project_type": 1.0,
        "status": 0.0,
        "event_date": 1.0,
        "city": 1.0,
        "country": 1.0,
        "participant_countries": 0.0,
    }


def test_meeting_matching_and_ordinals():
    doc = tiny_doc(meetings=[meeting()])
    # title spelled differently ("seventh", S&T) without a date
    spelled = meeting(
        title="Seventh meeting of the China-Sweden Joint Committee on S&T",
        start_date=None,
        end_date=None,
    )
    assert run([doc], {"tiny": [spelled]}).tables["meetings"].tp == 1
    # another ordinal of the same committee on another day is another meeting
    sixth = meeting(
        title="6th China-Sweden Joint Committee on Science and Technology Cooperation",
        start_date=date(2022, 6, 14),
        end_date=date(2022, 6, 14),
    )
    s = run([doc], {"tiny": [sixth]}).tables["meetings"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    # same start date and a shared country match whatever the title
    vague = meeting(title="Sino-Swedish talks")
    assert run([doc], {"tiny": [vague]}).tables["meetings"].tp == 1


def test_meeting_persons_are_a_fraction_of_gold_persons():
    doc = tiny_doc(meetings=[meeting()])
    pred = meeting(
        end_date=None,
        participants=(
            MeetingParticipant("person", "Mr. Dai Gang"),
            MeetingParticipant("person", "Someone Else"),
        ),
    )
    s = run([doc], {"tiny": [pred]}).tables["meetings"]
    assert s.fields["persons"].correct == 1 and s.fields["persons"].total == 2
    assert s.fields["persons"].accuracy == 0.5
    assert s.fields["end_date"].accuracy == 0.0
    assert s.fields["start_date"].accuracy == 1.0


def test_name_similarity():
    assert name_similarity("Queqiao-2 relay satellite", "Queqiao-2") == 1.0
    assert name_similarity("Shenzhou-14", "Shenzhou-17 crewed spaceship") == 0.0
    assert (
        name_similarity(
            "2024 China-Africa Forum on Innovation", "2023 China-Africa Forum on Innovation"
        )
        == 0.0
    )
    assert name_similarity("Joint Laboratory", "Joint Lab") == 0.0  # nothing distinctive


def test_cross_document_split_and_false_merge_on_tiny_docs():
    a = tiny_doc("a", budgets=[budget(370_828_000_000)], same_as={"budgets": "st-2024"})
    b = tiny_doc("b", budgets=[budget(370_800_000_000)], same_as={"budgets": "st-2024"})
    c = tiny_doc("c", budgets=[budget(370_800_000_000, fiscal_year=2023)])
    preds = {
        "a": [budget(370_828_000_000)],
        "b": [budget(370_800_000_000)],
        "c": [budget(370_800_000_000, fiscal_year=2023)],
    }
    cd = run([a, b, c], preds).cross_document
    assert [g.status for g in cd.groups] == ["split"] and cd.false_merges == ()
    cd = run([a, b, c], preds, lump_consolidate).cross_document
    assert [g.status for g in cd.groups] == ["merged"]
    assert len(cd.false_merges) == 1 and set(cd.false_merges[0].keys) == {"st-2024", "c/budgets/0"}


def test_extractor_errors_are_reported_not_raised(gold):
    def broken(doc_id, doc, doc_type):
        raise RuntimeError("boom")

    report = evaluate(gold[:2], broken, identity_consolidate)
    assert all(d.error and "boom" in d.error for d in report.documents)
    assert report.tables["budgets"].tp == 0


def test_mentions_not_at_their_offsets_are_counted():
    doc = tiny_doc(budgets=[budget()])
    wrong = Candidate(fact=budget(), mention=Mention("tiny", "370.828 billion yuan", 0, 20))
    report = evaluate([doc], extractor_from({"tiny": [wrong]}), identity_consolidate)
    assert report.tables["budgets"].tp == 1 and report.bad_mentions == 1


def test_sections_from_heading_paragraphs():
    text = (
        "China Science Diplomacy\n\nA meeting was held on 12 March in Beijing.\n\n"
        "- Headline one\n- Headline two\n\nScientific Collaboration Projects\n\nA lab opened."
    )
    sections = sections_from_text(text)
    assert [s.heading for s in sections] == [
        "China Science Diplomacy",
        "Scientific Collaboration Projects",
    ]
    assert text[sections[1].char_start : sections[1].char_end].endswith("A lab opened.")
    assert sections[0].char_end == sections[1].char_start


# --------------------------------------------------------------------------------------
# the gold files themselves
# --------------------------------------------------------------------------------------

GOLD_JSON = sorted(GOLD_DIR.glob("*.json"))
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _country_ok(code) -> bool:
    return isinstance(code, str) and pycountry.countries.get(alpha_3=code) is not None


def _currency_ok(code) -> bool:
    return isinstance(code, str) and pycountry.currencies.get(alpha_3=code) is not None


def _date_ok(value) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    date.fromisoformat(value)
    return True


def test_gold_set_has_seeds_and_enough_documents():
    names = {p.stem for p in GOLD_JSON}
    assert {p.stem for p in GOLD_DIR.glob("*.txt")} == names
    seeds = {n for n in names if n.startswith("seed_")}
    assert len(seeds) == 5
    assert len(names - seeds) >= 22
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_JSON]
    assert {d["doc_type"] for d in docs} == {"review", "article"}
    for table in TABLES:
        assert sum(len(d[table]) for d in docs) >= 25


@pytest.mark.parametrize("path", GOLD_JSON, ids=lambda p: p.stem)
def test_gold_file_is_valid(path: Path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8").rstrip()
    assert raw["doc_type"] in ("review", "article")
    assert _date_ok(raw["published_date"]) and raw["published_date"]
    published = date.fromisoformat(raw["published_date"])
    assert raw["title"].strip()
    assert "](#)" not in text and "**" not in text and "\n\n\n" not in text

    def evidence_ok(obj):
        assert obj["evidence"] and obj["evidence"] in text, obj["evidence"]

    for b in raw["budgets"]:
        evidence_ok(b)
        assert b["category"] in BUDGET_CATEGORIES and b["phase"] in BUDGET_PHASES
        assert _currency_ok(b["currency"])
        assert b["spender_country"] is None or _country_ok(b["spender_country"])
        assert isinstance(b["amount"], int | float) and b["amount"] > 0
        assert b["fiscal_year"] is None or isinstance(b["fiscal_year"], int)
        for key in ("stated_usd", "change_pct"):
            assert b[key] is None or isinstance(b[key], int | float)
    for p in raw["projects"]:
        evidence_ok(p)
        assert p["name"].strip()
        assert p["project_type"] in PROJECT_TYPES and p["status"] in PROJECT_STATUSES
        assert _date_ok(p["event_date"])
        if p["event_date"]:
            assert abs((date.fromisoformat(p["event_date"]) - published).days) < 366
        assert p["country"] is None or _country_ok(p["country"])
        assert (p["funding_amount"] is None) == (p["funding_currency"] is None)
        assert p["funding_currency"] is None or _currency_ok(p["funding_currency"])
        for part in p["participants"]:
            assert part["kind"] in ("country", "organisation") and part["name"].strip()
            if part["kind"] == "country" or part["country"] is not None:
                assert _country_ok(part["country"]), part
    for m in raw["meetings"]:
        evidence_ok(m)
        assert m["title"].strip() and m["summary"].strip()
        assert m["meeting_type"] in MEETING_TYPES
        assert _date_ok(m["start_date"]) and _date_ok(m["end_date"])
        if m["start_date"]:
            start = date.fromisoformat(m["start_date"])
            assert abs((start - published).days) < 366
            if m["end_date"]:
                assert date.fromisoformat(m["end_date"]) >= start
        else:
            assert m["end_date"] is None
        assert m["country"] is None or _country_ok(m["country"])
        for part in m["participants"]:
            assert part["kind"] in PARTICIPANT_KINDS and part["name"].strip()
            if part["kind"] == "country" or part.get("country") is not None:
                assert _country_ok(part["country"]), part
            if part["kind"] == "person":
                assert not re.match(r"(Prof|Dr|Mr|Ms|Mrs)\.?\s", part["name"]), part
    for n in raw.get("negatives", []):
        assert n["evidence"] in text and n["reason"], n


def test_gold_documents_pass_validate_gold(gold):
    problems = []
    for doc in gold:
        raw = json.loads((GOLD_DIR / f"{doc.doc_id}.json").read_text(encoding="utf-8"))
        problems += validate_gold(doc, raw)
    problems += validate_same_as(gold)
    assert problems == []


def test_same_as_groups_pair_reviews_with_articles(gold):
    groups: dict[str, list[GoldFact]] = {}
    doc_type = {d.doc_id: d.doc_type for d in gold}
    for doc in gold:
        for gf in doc.all_facts():
            if gf.same_as:
                groups.setdefault(gf.same_as, []).append(gf)
    across = [
        k
        for k, members in groups.items()
        if {doc_type[m.doc_id] for m in members} == {"review", "article"}
    ]
    assert len(across) >= 2
    assert {members[0].table for members in groups.values()} == set(TABLES)


def test_validate_gold_catches_problems(gold):
    doc = gold[0]
    gf = doc.budgets[0]
    broken = dataclasses.replace(
        doc,
        budgets=(
            dataclasses.replace(
                gf,
                evidence="not in the text",
                fact=dataclasses.replace(
                    gf.fact, category="space", currency="YUAN", spender_country="CN"
                ),
            ),
        ),
    )
    problems = " ".join(validate_gold(broken))
    for word in ("evidence", "category", "currency", "ISO 3166"):
        assert word in problems


# --------------------------------------------------------------------------------------
# the real-text extensions: borderline facts and pages without a date
# --------------------------------------------------------------------------------------


def _meeting(title: str, evidence: str, **extra: object) -> dict[str, object]:
    return {
        "title": title,
        "meeting_type": "forum",
        "start_date": None,
        "end_date": None,
        "city": None,
        "country": None,
        "summary": title,
        "participants": [],
        "evidence": evidence,
        **extra,
    }


def _write_real_page(folder: Path) -> GoldDocument:
    text = (
        "Forum news\n\nThe Alpha Innovation Forum opened on Tuesday. "
        "A press conference on the Beta Programme followed."
    )
    (folder / "page.txt").write_text(text, encoding="utf-8")
    data = {
        "doc_type": "article",
        "published_date": None,
        "title": "Forum news",
        "budgets": [],
        "projects": [],
        "meetings": [
            _meeting("Alpha Innovation Forum", "The Alpha Innovation Forum opened"),
            _meeting(
                "Beta Programme press conference",
                "A press conference on the Beta Programme",
                required=False,
            ),
        ],
    }
    (folder / "page.json").write_text(json.dumps(data), encoding="utf-8")
    (doc,) = load_gold(folder)
    return doc


def _predict_meetings(doc: GoldDocument, titles: list[str]) -> list[Candidate]:
    """The annotated meetings with these titles, as a perfect extractor would give them."""
    by_title = {c.fact.title: c for c in candidates_from_gold(doc)}
    return [by_title[t] for t in titles]


def test_a_page_without_a_date_loads_with_a_null_published_date(tmp_path: Path) -> None:
    doc = _write_real_page(tmp_path)
    assert doc.published_date is None
    assert doc.parsed().published_date is None
    assert validate_gold(doc) == []


def test_a_borderline_fact_found_is_neither_a_hit_nor_a_false_positive(tmp_path: Path) -> None:
    doc = _write_real_page(tmp_path)
    titles = ["Alpha Innovation Forum", "Beta Programme press conference"]
    report = evaluate(
        [doc], extractor_from({doc.doc_id: _predict_meetings(doc, titles)}), identity_consolidate
    )
    score = report.tables["meetings"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_a_borderline_fact_missed_is_not_a_miss(tmp_path: Path) -> None:
    doc = _write_real_page(tmp_path)
    only_required = _predict_meetings(doc, ["Alpha Innovation Forum"])
    report = evaluate([doc], extractor_from({doc.doc_id: only_required}), identity_consolidate)
    score = report.tables["meetings"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_a_required_fact_missed_is_still_a_miss(tmp_path: Path) -> None:
    doc = _write_real_page(tmp_path)
    only_borderline = _predict_meetings(doc, ["Beta Programme press conference"])
    report = evaluate([doc], extractor_from({doc.doc_id: only_borderline}), identity_consolidate)
    score = report.tables["meetings"]
    assert (score.tp, score.fp, score.fn) == (0, 0, 1)


def test_required_must_be_a_boolean(tmp_path: Path) -> None:
    _write_real_page(tmp_path)
    data = json.loads((tmp_path / "page.json").read_text())
    data["meetings"][1]["required"] = "no"
    (tmp_path / "page.json").write_text(json.dumps(data))
    with pytest.raises(GoldFormatError, match="required"):
        load_gold(tmp_path)


def test_the_evaluate_command_lists_every_error_with_details(capsys) -> None:
    from flows.cli import main

    holdout = str(Path(__file__).resolve().parents[1] / "gold_holdout")
    assert main(["evaluate", "--gold", holdout]) == 0
    plain = capsys.readouterr().out
    assert main(["evaluate", "--gold", holdout, "--details"]) == 0
    detailed = capsys.readouterr().out
    assert "Missed (false negatives)" not in plain
    assert "Missed (false negatives)" in detailed
    assert "Spurious (false positives)" in detailed
