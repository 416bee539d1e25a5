"""Development tools that are not part of the liftwell package (not installed, not shipped)."""
