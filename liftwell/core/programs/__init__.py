"""Training programs: the model, the YAML text format, the progression engine and the shipped library."""
