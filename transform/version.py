"""The version of the fact rules. Bump it whenever a rule changes: `mentions.extractor_version`
records it, and `chinasci reprocess` re-derives facts from documents extracted by older rules."""

EXTRACTOR_VERSION = "0.4.0"
