"""The data-quality gate: what is guaranteed about every published table."""
