"""Bulk import from the institutions' spreadsheets (CSV or XLSX), with a dedup report.

`read_table` turns a file into rows keyed by column name; `organizations` reads each row
into a typed record or the reasons it is invalid; `report` tells what an import would do
with each row. The writes are `ortak.network.services.organizations_import`.
"""
