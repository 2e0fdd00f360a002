"""Stage 3: store documents and facts in DuckDB and publish Parquet extracts."""
