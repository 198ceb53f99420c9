"""Stage 5: the DuckDB warehouse — DDL from models/, one transaction per document, views, FTS."""
