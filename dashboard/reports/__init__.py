"""Published reports built from the query layer (the Annual Workforce Equality Report)."""
