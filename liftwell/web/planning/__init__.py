"""The plan generator's pages: PAR-Q+ screening, the questionnaire, the plan preview and "Use this plan"."""
