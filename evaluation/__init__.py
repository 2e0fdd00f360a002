"""Scoring the extractors against hand-annotated documents: not a stage of the pipeline.

`gold` reads an annotated set, `gold_checks` checks it, `similarity` decides which predicted
fact is which annotated one, `scoring` runs an extractor and counts, `report` prints.
"""

from evaluation.gold import (
    TABLES,
    GoldDocument,
    GoldFact,
    GoldFormatError,
    GoldNegative,
    candidates_from_gold,
    load_gold,
    load_gold_document,
    sections_from_text,
)
from evaluation.gold_checks import validate_gold, validate_same_as
from evaluation.report import format_report, report_to_dict
from evaluation.scoring import EvaluationReport, TableScore, evaluate, match_facts
from evaluation.similarity import name_similarity, similarity, values_equal

__all__ = [
    "TABLES",
    "EvaluationReport",
    "GoldDocument",
    "GoldFact",
    "GoldFormatError",
    "GoldNegative",
    "TableScore",
    "candidates_from_gold",
    "evaluate",
    "format_report",
    "load_gold",
    "load_gold_document",
    "match_facts",
    "name_similarity",
    "report_to_dict",
    "sections_from_text",
    "similarity",
    "validate_gold",
    "validate_same_as",
    "values_equal",
]
