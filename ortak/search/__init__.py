"""One search index over every record, across scripts and spellings.

People, institutions (with their names over time), diaspora organizations, states, events,
event series, strategies and plans, measures and sources each have one `SearchEntry`: its
display name, its names folded with `ortak.names.fold`, and the terms a full-text index
reads (`terms.py`). SQLite reads them with FTS5, PostgreSQL with a GIN index on a tsvector
and pg_trgm (`backends/`). A query is folded the same way, looked up in stages (exact name,
prefix, one edit away) and the few candidates re-ranked with `ortak.names.similarity`
(`ranking.py`).

- read: `selectors.search`, `selectors.duplicates`;
- write: `services.index_update`, `index_remove`, `index_rebuild`, `index_paused`; saves and
  deletes keep the index current through signals wired in `SearchConfig.ready()`;
- commands: `ortak reindex`, `ortak search`, `ortak duplicates`.
"""
