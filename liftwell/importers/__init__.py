"""Pure parsers for files from other apps: each returns rows plus problems and never raises on a bad row."""
