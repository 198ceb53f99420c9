"""pdz: Piani di Zona (PDF) -> DuckDB warehouse."""
